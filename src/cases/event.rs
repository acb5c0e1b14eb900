//! What and where a report is about, read from its text: the keys that
//! grouping compares (JUDGEMENT.md, "Cases": same place, same time window,
//! same incident). Places are the jurisdiction's regions and the generic
//! place forms Chinese reports use (X县, X镇, X村, X园区, X小区, X中学…);
//! event kinds are fine types (explosion, fire, wage arrears, outage…).

use serde::{Deserialize, Serialize};

/// Most places a case keeps.
pub const MAX_PLACES: usize = 24;
/// Most event kinds a case keeps.
pub const MAX_KINDS: usize = 16;
/// Most rare names an item or a case keeps.
pub const MAX_NAMES: usize = 24;

/// The places and event kinds of one report or one case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventTraits {
    /// Places as `level:stem` (`county:澜江`, `site:洋口化工园区`), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Fine event kinds (`explosion`, `wages`…), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    /// The report says it happened again (又停电了, 再次发生): a new incident
    /// at a known place, not a follow-up of the old one. An item's own
    /// trait; a case does not take it from the items it absorbs.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recurs: bool,
    /// The report tells what came after a sudden incident (问责, 调查报告,
    /// 善后, 恢复开放): its accountability or investigation report may come
    /// a week or more after the first reports, and still belongs to their
    /// case. An item's own trait, as [`EventTraits::recurs`] is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub follows_up: bool,
    /// Words the dictionary does not know, sorted ([`rare_names`]): the
    /// names of shops, estates, firms and people (悦动健身, 锦澜府) that a
    /// witness's post and the 通报 share when one of them names no place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// What the report is about in its own words ([`super::topic::topic_of`]):
    /// content words with weights, sorted by word. A case's is the running
    /// average of its items' ([`super::topic::blend`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topic: Vec<(String, f32)>,
}

impl EventTraits {
    /// True when nothing was read.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty() && self.kinds.is_empty()
    }

    /// Adds another report's traits (a case's are the union of its items'),
    /// up to [`MAX_PLACES`] places, [`MAX_KINDS`] kinds and [`MAX_NAMES`] names: a case of
    /// thousands of reposts keeps the places it was opened with rather than
    /// growing without bound (and slowing every comparison with it).
    pub fn absorb(&mut self, other: &EventTraits) {
        self.absorb_places_and_kinds(other);
        merge_sorted(&mut self.names, &other.names, MAX_NAMES);
    }

    /// [`EventTraits::absorb`] without the names: what a case keeps of
    /// each member (names are compared with the case's union alone).
    pub fn absorb_places_and_kinds(&mut self, other: &EventTraits) {
        merge_sorted(&mut self.places, &other.places, MAX_PLACES);
        merge_sorted(&mut self.kinds, &other.kinds, MAX_KINDS);
    }

    /// Stems of the places (the part after `level:`).
    pub fn stems(&self) -> impl Iterator<Item = &str> {
        self.places
            .iter()
            .map(|p| p.split_once(':').map_or(p.as_str(), |(_, s)| s))
    }
}

/// Adds `from` to the sorted, distinct `into`, until it holds `cap`.
fn merge_sorted(into: &mut Vec<String>, from: &[String], cap: usize) {
    for x in from {
        if into.len() >= cap {
            break;
        }
        if let Err(i) = into.binary_search(x) {
            into.insert(i, x.clone());
        }
    }
}

/// The rare names among a text's `words` (in order, as segmented): words
/// of two to six hanzi that `known` (the segmenter's dictionary) does not
/// hold, distinct and sorted, at most [`MAX_NAMES`]. A word right after a
/// number is skipped: the segmenter leaves units glued to it (15时许 gives
/// 时许, 300余人 gives 余人), and those are in every report.
pub fn rare_names(words: &[&str], known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut after_number = false;
    for w in words {
        let n = w.chars().count();
        let hanzi = w.chars().all(crate::text::is_han);
        if hanzi && (2..=6).contains(&n) && !after_number && !function_glued(w) && !known(w) {
            names.push((*w).to_string());
        }
        after_number = w
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_digit() || "零一二两三四五六七八九十百千万".contains(c));
    }
    names.sort();
    names.dedup();
    names.truncate(MAX_NAMES);
    names
}

/// A word the segmenter glued from a function word or a numeral and its
/// neighbour (有个, 没个, 不改, 全靠, 我县, 戴着, 两千余): in every kind of
/// report, no name.
fn function_glued(w: &str) -> bool {
    // Numerals too: 两千余, 三年 are counts the segmenter did not split.
    const STARTS: &str = "不没有无全能因我你他她这那个了是在就都也还又给被把让对要会可说去来到上下很太才刚已再更最每各某该其所零一二两三四五六七八九十百千万几";
    const ENDS: &str = "了着过的地得个们吗呢吧啊";
    w.chars().next().is_some_and(|c| STARTS.contains(c))
        || w.chars().last().is_some_and(|c| ENDS.contains(c))
}

/// Place suffixes, longest first, with their level. Administrative levels
/// conflict only with the same level (柏溪区 and 云岭市 may be one place);
/// sites of one kind (two 小区) conflict with each other.
const PLACE_SUFFIXES: &[(&str, &str)] = &[
    ("化工园区", "site"),
    ("工业园区", "site"),
    ("产业园区", "site"),
    ("经济开发区", "site"),
    ("开发区", "site"),
    ("工业园", "site"),
    ("园区", "site"),
    ("小区", "estate"),
    ("花园", "estate"),
    ("新村", "estate"),
    ("家园", "estate"),
    ("公寓", "estate"),
    ("苑", "estate"),
    // Estates named by a developer's word alone (锦绣华庭, 云栖府, 星澜湾):
    // residents write them bare, without 小区.
    ("华庭", "estate"),
    ("华府", "estate"),
    ("公馆", "estate"),
    ("府", "estate"),
    ("湾", "estate"),
    ("老街", "estate"),
    // Avenues and streets name a road as 路 does (望津大道, 解放大街).
    ("大道", "road"),
    ("大街", "road"),
    ("路", "road"),
    ("社区", "community"),
    ("街道", "town"),
    ("幼儿园", "school"),
    ("中学", "school"),
    ("小学", "school"),
    ("学校", "school"),
    // Colleges and universities: the name before the kind of college
    // (知津职业技术学院, 岚川医学高等专科学校), so that two colleges of a
    // city are two places.
    ("职业技术学院", "school"),
    ("职业学院", "school"),
    ("高等专科学校", "school"),
    ("专科学校", "school"),
    ("学院", "school"),
    ("大学", "school"),
    ("早教中心", "school"),
    ("早教", "school"),
    ("托育中心", "school"),
    ("托管中心", "school"),
    ("培训中心", "school"),
    ("卫生院", "hospital"),
    ("诊所", "hospital"),
    ("医院", "hospital"),
    ("养老院", "care"),
    ("敬老院", "care"),
    ("福利院", "care"),
    ("护理院", "care"),
    ("养护院", "care"),
    ("养老中心", "care"),
    // Venues where people gather, shop or eat: a mall, a hotel or a park
    // names the happening there as a site does (惠邻超市, 万嘉广场,
    // 福满楼酒店). Not a scenic area: a county's one scenic area is in
    // every report of its tourist season, as its county is. Not a market
    // either: its stalls each have their own offences (a seizure of
    // injected beef is not last week's lean-meat powder).
    ("购物中心", "venue"),
    ("购物广场", "venue"),
    ("超市", "venue"),
    ("商场", "venue"),
    ("商城", "venue"),
    ("广场", "venue"),
    ("大酒店", "venue"),
    ("酒店", "venue"),
    ("饭店", "venue"),
    ("酒楼", "venue"),
    ("宾馆", "venue"),
    ("游乐园", "venue"),
    ("乐园", "venue"),
    ("公园", "venue"),
    ("健身中心", "venue"),
    ("健身房", "venue"),
    ("美容院", "venue"),
    ("天街", "venue"),
    ("体育馆", "venue"),
    ("体育场", "venue"),
    ("汽车站", "venue"),
    ("大桥", "venue"),
    ("项目", "project"),
    ("工地", "project"),
    ("煤矿", "site"),
    ("水库", "site"),
    ("化工厂", "site"),
    ("工厂", "site"),
    ("厂", "site"),
    ("公司", "company"),
    ("自治州", "prefecture"),
    ("省", "province"),
    ("市", "city"),
    ("州", "city"),
    ("县", "county"),
    ("旗", "county"),
    ("区", "district"),
    // An old town (漾溪古镇) is the tourist site its town is known by, as a
    // scenic area is: nearly every report of its season names it, so it
    // ties no two of them to one happening as a town does.
    ("古镇", "place"),
    ("镇", "town"),
    ("乡", "town"),
    ("村", "village"),
];

/// Characters before 府 or 湾 that make a word of them, not an estate's
/// name (政府, 学府, 台湾, 港湾), or a place's (县府, 市府).
const NOT_ESTATE_BEFORE: &str = "政王学首官知天相帅幕总督市县区省州乡镇台海港河江水沙深浅渔";

/// Words that begin with 路 and follow other words more often than a
/// road's name: 路 before them is no road.
const ROAD_WORDS: &[&str] = &[
    "路面", "路段", "路况", "路灯", "路基", "路边", "路旁", "路上", "路人", "路过", "路线", "路费",
    "路程", "路障", "路网", "路政", "路由", "路径", "路子",
];

/// Characters that never belong to a place's name: they end the name on
/// its left (在鹿鸣县 → 鹿鸣; 系 is the copula of official prose: 教练系县体校).
const NOT_IN_PLACE: &[char] = &[
    '的', '了', '在', '是', '和', '与', '及', '我', '你', '他', '她', '们', '这', '那', '该', '本',
    '全', '各', '某', '一', '两', '几', '多', '其', '每', '此', '到', '往', '去', '从', '向', '赴',
    '经', '送', '个', '家', '所', '座', '里', '外', '内', '邻', '发', '生', '位', '于', '给', '对',
    '被', '把', '让', '将', '称', '说', '有', '无', '新', '老', '大', '小', '县', '市', '区', '省',
    '镇', '乡', '村', '年', '月', '日', '号', '为', '也', '都', '就', '还', '已', '等', '您', '报',
    '请', '按', '并', '由', '可', '入', '至', '住', '办', '件', '话', '返', '局', '因', '时', '跟',
    '沿', '过', '近', '离', '线', '条', '條', '系', '段',
];

/// Words that open no place name: a name read before 县, 市 or 镇 that
/// begins with one is cut after it (根据市生态环境局, 会同梅岭镇, 今天县信访局
/// name no 根据市, 会同梅岭镇 or 今天县).
const NOT_PLACE_OPENERS: &[&str] = &[
    // Bodies and roads named before a place (国网麦川供电公司, 国道榕岗段,
    // 生态环境总局朔川), and the region 珠三角 before a city.
    "国网",
    "国道",
    "总局",
    "珠三角",
    "长三角",
    // Verbs before a place (网传苍岭镇, 征收龙潭村, 走访黛川县).
    "网传",
    "征收",
    "做好",
    "造成",
    "走进",
    "走访",
    "查处",
    "问题",
    "交由",
    "反馈",
    "继续",
    "彻底",
    // A word of one character that opens no name: 办公厅转澴阳市, 据澄州市.
    "转",
    "据",
    "根据",
    "依据",
    "按照",
    "今天",
    "明天",
    "昨天",
    "今年",
    "去年",
    "明年",
    "责成",
    "会同",
    "联合",
    "彻查",
    "致",
    // Bodies and verbs of official prose before a place (中共岚泽市委,
    // 聚焦岚泽市儿科, 约谈芦湾镇, 推进平安医院, 落实县里).
    "中共",
    "聚焦",
    "约谈",
    "推进",
    "落实",
    "实施",
    "尽管",
    "要求",
    "联系",
    "通过",
    "组织",
    "协调",
    "督促",
    "前往",
    "来自",
    "位于",
    "政府",
    "据悉",
    "记者",
    "其中",
    "以及",
    "还有",
    "我们",
    "他们",
    "农业",
    "当天",
    "当晚",
    "目前",
    "近日",
    "随后",
    "同时",
    "已经",
    "上午",
    "中午",
    "下午",
    "晚上",
    "凌晨",
    "傍晚",
    // The evening of a day before a city (7月11日晚沧澜市).
    "晚",
    "部分",
    "不少",
    "许多",
    "周边",
    "附近",
    "转交",
    "开始",
    "开展",
    "近期",
    "网民反映",
    "反映",
    "群众",
    "线索",
    "严格执行",
    "立即",
    "督办",
    "成立",
    "工作组",
    "留言",
    "费用",
    "相关",
    "当地",
    "企业",
    "分管",
    "转至",
    "转入",
    "转办",
    "交办",
    "委托",
    "登录",
    "咨询",
    "拨打",
    "接入",
    // More verbs and words before a place (网上流传龙潭乡, 配合乡政府,
    // 进驻高塬镇, 召开村民大会, 属地镇街).
    "流传",
    "配合",
    "进驻",
    "召开",
    "属地",
    // Verbs and times of a witness's telling (曝光青岚县, 暗访澄泾市,
    // 参加溪澄市, 影响柳塘镇, 拖欠汀兰区, 今儿早上县里).
    "曝光",
    "暗访",
    "参加",
    "影响",
    "拖欠",
    "今儿",
    "早上",
    "知道",
    "直升",
    "移交",
    // Words that tell a site by its part in the story, not its name
    // (责令学校, 涉事幼儿园, 指导学校, 孩子学校, 隔壁小区, 楼下超市, 居民小区).
    "责令",
    "指导",
    "涉事",
    "孩子",
    "隔壁",
    "楼下",
    "居民",
    "食用",
    // How Hong Kong and Taiwan papers place a mainland city (内地岚川市,
    // 中国大陆栖梧市, 报道指岚川市): the city is 岚川, as in its own reports.
    "内地",
    "大陆",
    "指",
];

/// Words a place suffix begins that end no place name: 农贸市场, 部分市民,
/// 周边区域 read no 农贸市, 部分市 or 周边区; a trainee (教练掌掴小学员) is no
/// school.
const SUFFIX_WORDS: &[&str] = &[
    "市场",
    "市民",
    "市值",
    "市面",
    "市价",
    "市容",
    "区域",
    "区别",
    "区分",
    "区间",
    "区块",
    "区县",
    "县区",
    "县域",
    "镇定",
    "镇静",
    "镇压",
    "乡亲",
    "乡下",
    "乡村",
    "乡镇",
    "省钱",
    "省心",
    "省事",
    "省得",
    "小学员",
    "中学员",
    "大学生",
    "大学城",
    "大学毕业",
    "学院派",
    // A college's affiliated school (师范学院附属小学) is a place of its
    // own, read from its own suffix: the college is not where it happened.
    "学院附属",
    "大学附属",
];

/// Names that end in 进 (前进村): any other reading ending in 进 is a
/// coming or going (干部进村).
const NAMES_ENDING_IN_JIN: &[&str] = &["前进", "跃进", "先进", "奋进"];

/// What names a site by its kind alone, before its suffix: 热力 of
/// 热力公司, 人民 of 人民医院, 中心 of 中心小学 (see
/// `PlaceParts::is_generic`).
const GENERIC_SITE_NAMES: &[&str] = &[
    "热力",
    "供电",
    "燃气",
    "自来水",
    "供水",
    "公交",
    "物业",
    "人民",
    "中心",
    "实验",
    "民办",
    "中医",
    "妇幼",
    "化工",
    "工业",
    "产业",
    "电子",
    "物流",
    "第一",
    "第二",
    "第三",
    "第四",
    "第五",
    // Clinics and parlours named by their trade (医美诊所, 口腔诊所).
    "医美",
    "医疗美容",
    "美容",
    "口腔",
    "牙科",
    "私人",
    "个体",
    "社区",
    // Squares, parks and venues every town has by these names.
    "文化",
    "中央",
    "世纪",
    "体育",
    "湿地",
    "森林",
    "儿童",
    "城市",
    // Works and firms named by what they are (投资项目, 迁建项目, 二期项目,
    // 项目工地, 劳务公司, 建筑公司): every season of wage arrears has many.
    "投资",
    "迁建",
    "改造",
    "改建",
    "扩建",
    "新建",
    "在建",
    "建设",
    "一期",
    "二期",
    "三期",
    "劳务",
    "建筑",
    "施工",
    "工程",
    "学校",
    "医院",
    "院楼",
    "项目",
    "道路",
    "安置房",
    "保障房",
];

/// Words that look like place names but name no place (县城, 市民, 小区门口
/// of no named estate).
const NOT_PLACES: &[&str] = &[
    "城区",
    "市区",
    "县城",
    "山区",
    "片区",
    "景区",
    "辖区",
    "社区",
    "城中村",
    // A page's or a campus's parts, not places: 评论区, 启航教育港城校区,
    // 地铁站施工区域.
    "评论区",
    "留言区",
    "校区",
    "院区",
    "厂区",
    "矿区",
    "库区",
    "林区",
    "灾区",
    "街区",
    "营区",
    "施工区",
    // Zones of a site, a region or a rule, not districts: 湍溪服务区,
    // 火车站候车区, 动物园猛兽区, 高原地区, 畜禽禁养区, 液氨储罐区.
    "地区",
    "服务区",
    "候车区",
    "候客区",
    "候乘区",
    "候诊区",
    "候考区",
    "等候区",
    "上客区",
    "休息区",
    "停放区",
    "停车区",
    "充电区",
    "作业区",
    "核心区",
    "控制区",
    "管理区",
    "安置区",
    "养殖区",
    "禁养区",
    "禁牧区",
    "牧区",
    "禁燃区",
    "禁放区",
    "禁钓区",
    "禁渔区",
    "储罐区",
    "罐区",
    "聚集区",
    "蓄洪区",
    "滞洪区",
    "行洪区",
    "采空区",
    "超采区",
    "疫区",
    "病区",
    "留观区",
    "急诊区",
    "输液区",
    "餐饮区",
    "就餐区",
    "用餐区",
    "示范区",
    "试点区",
    "展区",
    "展览区",
    "游览区",
    "观赏区",
    "猛兽区",
    "动物区",
    "游乐区",
    "戏水区",
    "深水区",
    "浅水区",
    "围垦区",
    "易涝区",
    "主产区",
    "宿舍区",
    "生活区",
    "办公区",
    "住宅区",
    "商业区",
    "隔离区",
    "吸烟区",
    "分拣区",
    "仓储区",
    "交易区",
    "经营区",
    "营业区",
    "看台区",
    "保税区",
    // Ways that are no named road (沿着马路, 村里的山路, 上了高速路).
    "马路",
    "山路",
    "公路",
    "道路",
    "线路",
    "铁路",
    "出路",
    "一路",
    "走路",
    "小路",
    "大路",
    "土路",
    "水路",
    "电路",
    "思路",
    "网路",
    "门路",
    "半路",
    "岔路",
    "来路",
    "后路",
    "夜路",
    "弯路",
    "绕路",
    "泥路",
    "过路",
    "让路",
    "带路",
    "赶路",
    "上路",
    "堵路",
    "拦路",
    "断路",
    "封路",
    "修路",
    "问路",
    "老路",
    "新路",
    "回路",
    "生路",
    "活路",
    "高速路",
    "便路",
    "辅路",
    "主路",
    "水泥路",
    "柏油路",
    "跑路",
    "短路",
    "迷路",
    "套路",
    "远路",
    "野路",
    "窄路",
    "烂路",
    "坡路",
    "十字路",
    "顺路",
    "挡路",
    "占路",
    "快速路",
    "机耕路",
    "通组路",
    "行人路",
    "石板路",
    "条路",
    "学路",
    "家路",
    "冰雪路",
    "天路",
    "细路",
    "細路",
    // A hospital told by its kind, not its name (公立医院 is no hospital
    // named 公立, and is no other hospital than 人民医院).
    "公立医院",
    "私立医院",
    "民营医院",
    "定点医院",
    "基层医院",
    // 农村 and 工业区 are words, not a village or district named 农 or 工业.
    "农村",
    "工业区",
    "居民区",
    "学区",
    "施教区",
    // Kinds of area, never a name (设置警戒区, 地质灾害危险区, 采煤沉陷区,
    // 水源保护区, 风景名胜区, 土葬改革区, 化工集中区).
    "警戒区",
    "危险区",
    "威胁区",
    "沉陷区",
    "保护区",
    "名胜区",
    "改革区",
    "集中区",
    "集聚区",
    "规划区",
    "度假区",
    "跨省",
    // Markets and trades ending in 市 (外省多地超市 names no city 地超).
    // Not 门市 or 花市: 江门市 and 攀枝花市 end with them.
    "超市",
    "夜市",
    "早市",
    "股市",
    "楼市",
    "集市",
    "菜市",
    "车市",
    "房市",
    "鱼市",
    "牛市",
    "熊市",
];

/// Event kinds and the words that show them, matched on normalized text.
const KINDS: &[(&str, &[&str])] = &[
    (
        "explosion",
        &[
            "爆炸",
            "爆燃",
            "闪爆",
            "巨响",
            "炸了",
            "闷响",
            "轰的一声",
            "轰隆一声",
            "嘭的一声",
            "砰的一声",
        ],
    ),
    (
        "fire",
        &[
            "火灾",
            "起火",
            "着火",
            "失火",
            "大火",
            "山火",
            "火情",
            "火场",
            "烧毁",
            "扑火",
            "火线",
            "烧起来",
            "烧着了",
            "明火",
            "烧了一整夜",
            "烧了一夜",
            "烧光了",
            "烧没了",
            "火光",
            "火苗",
        ],
    ),
    ("collapse", &["坍塌", "倒塌", "垮塌", "塌了", "塌陷"]),
    (
        "poisoning",
        &[
            "中毒",
            "上吐下泻",
            "呕吐",
            "腹泻",
            "腹痛",
            "拉肚子",
            "就餐后",
            "吃坏",
            "在吐",
            "吐了",
        ],
    ),
    (
        "leak",
        &[
            "泄漏",
            "泄露",
            "毒气",
            "燃气味",
            "煤气味",
            "臭鸡蛋味",
            "刺鼻",
        ],
    ),
    (
        "flood",
        &[
            "洪水",
            "洪涝",
            "内涝",
            "暴雨",
            "溃坝",
            "决堤",
            "山洪",
            "被淹",
            "水淹",
            "强降雨",
            "决口",
            "溃堤",
            "圩堤",
            "漫堤",
            "冲走",
            "冲没了",
            "发大水",
            "涨水",
            "来水了",
        ],
    ),
    ("typhoon", &["台风", "热带风暴"]),
    (
        "landslide",
        &["滑坡", "泥石流", "塌方", "山体", "滑下来", "被埋", "埋了"],
    ),
    (
        "earthquake",
        &[
            "地震",
            "余震",
            "震感",
            "震级",
            "床在晃",
            "楼在晃",
            "房子在晃",
        ],
    ),
    (
        "traffic",
        &[
            "车祸",
            "交通事故",
            "相撞",
            "追尾",
            "侧翻",
            "撞车",
            "撞了",
            "翻车",
            "撞一起",
            "撞在一起",
            "撞上",
            "翻到沟",
            "翻进",
            "车翻",
            "撞成",
            "连环撞",
            "翻到",
            "翻下",
        ],
    ),
    ("drowning", &["溺水", "溺亡", "落水"]),
    ("hail", &["冰雹"]),
    ("crush", &["踩踏", "挤倒", "双脚离地", "脚不沾地"]),
    ("elevator", &["电梯", "扶梯", "困梯"]),
    (
        "epidemic",
        &[
            "疫情", "诺如", "病例", "传染", "感染", "发烧", "发热", "高烧",
        ],
    ),
    ("mine", &["矿难", "煤矿", "井下", "透水", "瓦斯"]),
    (
        "wages",
        &[
            "欠薪",
            "讨薪",
            "拖欠工资",
            "工资",
            "工钱",
            "血汗钱",
            "辛苦钱",
            "农民工",
        ],
    ),
    ("water", &["停水", "断水", "供水", "自来水", "没水", "水压"]),
    ("power", &["停电", "断电", "供电", "电费", "跳闸"]),
    ("gas", &["停气", "燃气", "天然气", "煤气"]),
    ("heating", &["供暖", "暖气", "室温", "热力", "取暖"]),
    (
        "demolition",
        &[
            "拆迁",
            "强拆",
            "征收",
            "征地",
            "征迁",
            "补偿款",
            "推土机",
            "拆除",
            "过渡费",
        ],
    ),
    (
        "housing",
        &[
            "交房",
            "烂尾",
            "开发商",
            "楼盘",
            "房企",
            "停工",
            "停贷",
            "购房",
        ],
    ),
    (
        "schooling",
        &[
            "入学", "学位", "学区", "撤并", "合并", "校车", "划片", "招生", "中考", "高考",
        ],
    ),
    ("vaccine", &["疫苗", "接种"]),
    (
        "food",
        &[
            "食品",
            "奶粉",
            "过期",
            "发霉",
            "变质",
            "添加",
            "地沟油",
            "营养餐",
            "食堂",
            "肉",
            "凉皮",
        ],
    ),
    (
        "child_abuse",
        &["虐童", "体罚", "针扎", "幼师", "保育员", "关进", "胶带"],
    ),
    (
        "elder_abuse",
        &["养老院", "护工", "敬老院", "老人院", "护理员"],
    ),
    (
        "pension",
        &["养老金", "养老保险", "退休", "社保", "退役军人", "生活补助"],
    ),
    ("medical_insurance", &["医保", "报销", "参保", "医保卡"]),
    ("tax", &["个税", "所得税", "契税", "房产税", "税率", "纳税"]),
    (
        "household",
        &["户籍", "落户", "户口", "宅基地", "承包地", "承包权"],
    ),
    ("burial", &["殡葬", "平坟", "土葬", "火化", "骨灰", "墓"]),
    ("welfare", &["低保", "救助", "五保", "特困", "补贴", "补助"]),
    ("transit", &["公交", "班车", "线路", "客运", "停运"]),
    (
        "deposits",
        &["存款", "储户", "取不出", "兑付", "理财", "信用社", "银行"],
    ),
    (
        "pollution",
        &[
            "污染", "异味", "排放", "恶臭", "噪音", "臭味", "排污", "黑烟", "气味", "废气", "偷排",
        ],
    ),
    (
        "official_abuse",
        &["城管", "执法人员", "辅警", "殴打", "打人"],
    ),
    (
        "hospital_care",
        &["急诊", "押金", "抢救", "拒收", "卫生院", "医院"],
    ),
    ("prices", &["涨价", "上调", "调价", "价格", "收费"]),
    ("property", &["物业", "物业费", "维修基金"]),
];

/// The kind every report naming a hospital reads (see
/// [`Compared::telling_kinds_shared`]).
const PLACE_KIND: &str = "hospital_care";

/// Words saying an incident happened again at a place (JUDGEMENT.md: the
/// same place a week later with a new incident is a new case).
const RECURRENCE: &[&str] = &[
    "又停电",
    "又停水",
    "又停气",
    "又断电",
    "又断水",
    "又停了",
    "又黑了",
    "再次停电",
    "再次停水",
    "再次发生",
    "又发生",
    "又一次发生",
    "又出事",
    "又着火",
    "又起火",
    "又塌",
    "又被淹",
    "又淹了",
];

/// Words of what comes after a sudden incident: accountability, the
/// investigation's findings, aftercare and reopening. A report telling
/// them is a follow-up of an incident already reported, not a new one.
const AFTERMATH: &[&str] = &[
    "问责",
    "追责",
    "免职",
    "停职",
    "诫勉",
    "处分",
    "立案审查",
    "刑事拘留",
    "调查报告",
    "调查组认定",
    "调查认定",
    "事故原因",
    "善后",
    "抚恤",
    "赔偿协议",
    "恢复开放",
    "恢复营业",
    "恢复通行",
    "复课",
];

/// Words before an incident code that name it as the background of
/// another happening (继“3·18”事故后, 距“7·14”事故仅一周, 此前“5·2”事故).
const BACKGROUND_CUES: &[&str] = &["继", "距", "此前", "之前", "上次", "去年", "前不久", "吸取"];

/// What stands right before an incident code named as a cause (受“7·12”).
const CAUSE_LEADS: &[&str] = &["受“", "因“", "受\"", "因\""];
/// What follows an incident code named as a cause (“7·12”洪灾冲毁的).
const CAUSE_TAILS: &[&str] = &["冲毁的", "损毁的", "水毁", "过后", "灾后", "影响"];

/// Reads the places and event kinds of normalized text. `regions` are the
/// jurisdiction's places the classifier found (canonical names).
pub fn read_event(text: &str, regions: &[String]) -> EventTraits {
    let mut out = EventTraits::default();
    for r in regions {
        let (level, stem) = split_place(r);
        if stem.chars().count() >= 2 {
            out.places.push(format!("{level}:{stem}"));
        }
    }
    read_places(text, &mut out.places);
    read_numbered_schools(text, &mut out.places);
    // “7·16”事故: the date code officials give an incident names it.
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '·' && i > 0 && i + 1 < chars.len() {
            let left: String = chars[..i]
                .iter()
                .rev()
                .take_while(|d| d.is_ascii_digit())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = chars[i + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .collect();
            // 继“3·18”事故后, 距“7·14”爆炸事故仅一周: an earlier incident
            // named as the background of a new one does not name this one.
            let code_start = i - left.len();
            let lead: String = chars[code_start.saturating_sub(6)..code_start]
                .iter()
                .collect();
            // 受“7·12”洪灾影响, “7·12”洪灾冲毁的县道: a disaster named as
            // the cause of another matter (an outage, a road, a claim) does
            // not make that matter the disaster's.
            let code_end = (i + 1 + right.len()).min(chars.len());
            let tail: String = chars[code_end..(code_end + 8).min(chars.len())]
                .iter()
                .collect();
            let caused = CAUSE_LEADS.iter().any(|w| lead.ends_with(w))
                || CAUSE_TAILS.iter().any(|w| tail.contains(w));
            let background = caused || BACKGROUND_CUES.iter().any(|w| lead.contains(w));
            if (1..=2).contains(&left.len()) && (1..=2).contains(&right.len()) && !background {
                out.places.push(format!("code:{left}·{right}"));
            }
        }
    }
    // “鳌渔12078” (a vessel's designation in quotes): one boat names the
    // happening it was in.
    for after_open in text.split('“').skip(1) {
        let Some((quoted, after)) = after_open.split_once('”') else {
            continue;
        };
        let han = quoted
            .chars()
            .take_while(|c| crate::text::is_han(*c))
            .count();
        let rest: String = quoted.chars().skip(han).filter(|c| *c != '·').collect();
        // “柳渡3号”: a ferry's number may be short when 号 closes it.
        let (rest, numbered) = match rest.strip_suffix('号') {
            Some(r) => (r.to_string(), true),
            None => (rest, false),
        };
        // The designation's last character says what it is: a fishing,
        // cargo, tanker, passenger, tug, sand, ferry or barge boat (掌上12333
        // is an app); “…”轮 says it outright.
        let vessel = han
            .checked_sub(1)
            .and_then(|last| quoted.chars().nth(last))
            .is_some_and(|c| "渔货油客拖轮砂沙渡驳".contains(c))
            || after.starts_with('轮');
        let digits = rest.chars().filter(char::is_ascii_digit).count();
        if (1..=4).contains(&han)
            && vessel
            && (1..=8).contains(&rest.chars().count())
            && rest.chars().all(|c| c.is_ascii_alphanumeric())
            && (digits >= 3 || (numbered && han >= 2 && digits >= 1))
        {
            out.places.push(format!("code:{quoted}"));
        }
    }
    // #澜江# or #澜江热点#: a local topic names its place.
    for tag in text.split('#').skip(1).step_by(2) {
        let n = tag.chars().count();
        if (2..=8).contains(&n) && tag.chars().all(crate::text::is_han) {
            out.places.push(format!("place:{tag}"));
        }
    }
    for (kind, words) in KINDS {
        if words.iter().any(|w| tells_kind(text, w)) {
            out.kinds.push((*kind).to_string());
        }
    }
    out.recurs = RECURRENCE.iter().any(|w| text.contains(w));
    out.follows_up = !out.recurs && AFTERMATH.iter().any(|w| text.contains(w));
    out.places.sort();
    out.places.dedup();
    out.kinds.sort();
    out
}

/// True when `word` occurs in `text` other than as the start of a place's
/// name: 落水乡 and 火烧村 are townships, not a drowning or a fire.
fn tells_kind(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let mut after = text[at + word.len()..].chars();
        match after.next() {
            Some('乡' | '镇' | '县') => false,
            // 村 ends a village's name, except in 村民, 村里, 村庄…
            Some('村') => matches!(after.next(), Some('民' | '里' | '庄' | '子' | '委' | '干')),
            _ => true,
        }
    })
}

/// A canonical region name as `(level, stem)`: 如东县 → (county, 如东).
fn split_place(name: &str) -> (&'static str, &str) {
    for (suffix, level) in PLACE_SUFFIXES {
        if let Some(stem) = name.strip_suffix(suffix)
            && stem.chars().count() >= 2
        {
            // Sites keep their whole name: 洋口化工园区 is one place.
            return if is_admin(level) {
                (level, stem)
            } else {
                (level, name)
            };
        }
    }
    ("place", name)
}

fn is_admin(level: &str) -> bool {
    matches!(
        level,
        "province" | "prefecture" | "city" | "county" | "district" | "town" | "village"
    )
}

/// Characters read back from a place's suffix to find an opener before
/// its name (see [`read_places`]); a name keeps at most four.
const NAME_LOOKBACK: usize = 6;

/// Generic place forms: up to four name characters before a suffix.
fn read_places(text: &str, out: &mut Vec<String>) {
    // The end of the last place read: its suffix's characters begin no
    // other (化工园区's 区 is no district named 化工园), and the next name
    // starts after it (街道宁堰县 names 宁堰).
    let mut covered = 0;
    for (i, _) in text.char_indices() {
        if i < covered {
            continue;
        }
        let rest = &text[i..];
        let Some(&(suffix, level)) = PLACE_SUFFIXES.iter().find(|(s, _)| rest.starts_with(s))
        else {
            continue;
        };
        // 市场 is a word, but 澄州市场监管局 is 澄州市's 市场监管局.
        if SUFFIX_WORDS.iter().any(|w| rest.starts_with(w)) && !rest.starts_with("市场监") {
            continue;
        }
        // 府 and 湾 end an estate's name, but also 政府 and 学府, and
        // 湾 a district's, town's or county's (澜湾区, 芦湾镇) or a word
        // (台湾, 港湾).
        if suffix == "府" || suffix == "湾" {
            let before = text[..i].chars().next_back();
            let after = rest[suffix.len()..].chars().next();
            if before.is_none_or(|c| NOT_ESTATE_BEFORE.contains(c))
                || after.is_some_and(|c| "区县市镇乡村州省".contains(c))
            {
                continue;
            }
        }
        // 路面, 路段, 路上 follow a word more often than a road's name
        // (事故路段, 因路面湿滑, 回家路上).
        if level == "road" && ROAD_WORDS.iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        let prev_end = covered;
        // The name: CJK characters right before the suffix, at most four,
        // cut on the left at a character that cannot be in a name. Read a
        // little further first, so that an opener reaching into the four
        // is seen whole (网友反映锦澜府小区: 反映, not 映锦澜府).
        let mut start = i;
        let mut count = 0;
        for (j, d) in text[prev_end..i].char_indices().rev() {
            let j = prev_end + j;
            if count == NAME_LOOKBACK || !crate::text::is_han(d) || NOT_IN_PLACE.contains(&d) {
                break;
            }
            start = j;
            count += 1;
        }
        // The scan stopped at a character no name holds; when it opens a
        // word reaching into the name (上午 of 今天上午高塬镇), the name
        // starts after that word.
        if let Some(stop) = text[prev_end..start]
            .chars()
            .next_back()
            .map(|c| start - c.len_utf8())
            && let Some(w) = NOT_PLACE_OPENERS
                .iter()
                .find(|w| text[stop..i].starts_with(**w) && stop + w.len() > start)
        {
            count -= text[start..stop + w.len()].chars().count();
            start = stop + w.len();
        }
        // Cut after the last opener that names no place (会同梅岭 → 梅岭),
        // unless it ends the name (某某农业园区: 农业 is part of it).
        if let Some(cut) = text[start..i]
            .char_indices()
            .flat_map(|(j, _)| {
                NOT_PLACE_OPENERS
                    .iter()
                    .filter(move |w| text[start + j..i].starts_with(**w))
                    .map(move |w| start + j + w.len())
            })
            .filter(|&cut| text[cut..i].chars().count() >= 2)
            .max()
        {
            count -= text[start..cut].chars().count();
            start = cut;
        }
        while count > 4 {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
            count -= 1;
        }
        // An opener at the start of the four (今天县信访局: 今天, then 县).
        while let Some(w) = NOT_PLACE_OPENERS
            .iter()
            .find(|w| text[start..i].starts_with(**w))
        {
            start += w.len();
            count -= w.chars().count();
        }
        if count < 2 {
            continue;
        }
        let name = &text[start..i];
        // A count before 村民 or 乡亲 (百余名村民, 二十多村民, 三百余户村民)
        // is no name, nor a cause before the county town (强降雨致县城停水),
        // nor a coming or going (干部进村, 没人来村里, 以来县里; but 前进村).
        if name.ends_with(['余', '多', '名', '位', '致', '户', '来'])
            || (level == "school" && name.ends_with(['上', '读', '念', '考', '进']))
            || (name.ends_with('进') && !NAMES_ENDING_IN_JIN.iter().any(|w| name.ends_with(w)))
        {
            continue;
        }
        // A county, city or town whose name ends in a word that opens none
        // is a verb before a bare 市 or 县 (集中反映市儿童医院).
        if is_admin(level)
            && NOT_PLACE_OPENERS
                .iter()
                .any(|w| w.chars().count() >= 2 && name.ends_with(w))
        {
            continue;
        }
        let full = &text[start..i + suffix.len()];
        // A word ending the reading names no place when it reaches into the
        // name (公立医院, 城区); one that is the suffix itself (超市, 景区)
        // is the kind of a named venue.
        if NOT_PLACES.contains(&full)
            || NOT_PLACES
                .iter()
                .any(|p| full.ends_with(p) && p.len() > suffix.len())
        {
            continue;
        }
        // 城 is in many names (萱城县, 城北小学, 城关镇), but 城市, 城区,
        // 城镇 and 城乡 are words: 文明城市 and 主城区 name no place. A city
        // of two characters ending in 城 (盐城市) is a name.
        if name.ends_with('城')
            && (matches!(level, "district" | "town" | "village") || (level == "city" && count != 2))
        {
            continue;
        }
        if is_admin(level) {
            out.push(format!("{level}:{name}"));
        } else {
            out.push(format!("{level}:{full}"));
        }
        covered = i + suffix.len();
    }
}

/// Chinese numerals that number a school (一中, 第十二中学).
const SCHOOL_NUMERALS: &str = "一二三四五六七八九十";

/// Schools as people name them: 南屏一中 and 南屏县第一中学 are one school,
/// `school:南屏一中` (the county's or city's stem, the number, 中).
fn read_numbered_schools(text: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let is_numeral = |c: char| SCHOOL_NUMERALS.contains(c);
    let mut i = 0;
    while i < chars.len() {
        // The number: 第N中学 or N中 (not 中学生's 中, not 其中, 集中).
        let (num_start, num_end, end) = if chars[i] == '第' {
            let mut j = i + 1;
            while j < chars.len() && is_numeral(chars[j]) {
                j += 1;
            }
            if j == i + 1 || chars.get(j) != Some(&'中') || chars.get(j + 1) != Some(&'学') {
                i += 1;
                continue;
            }
            (i + 1, j, j + 2)
        } else if is_numeral(chars[i])
            && chars.get(i + 1) == Some(&'中')
            && !chars.get(i + 2).is_some_and(|c| {
                "学心国央午间旬部东西南北文外医药标途断止毒风秋年期层级等型专小大".contains(*c)
            })
            && !chars
                .get(i.wrapping_sub(1))
                .is_some_and(|c| is_numeral(*c) || *c == '第')
        {
            (i, i + 1, i + 2)
        } else {
            i += 1;
            continue;
        };
        // The stem: CJK characters before the number, at most five, its
        // 县/市/区 dropped (南屏县第一中学 → 南屏).
        let anchor = if chars[i] == '第' { i } else { num_start };
        let mut start = anchor;
        while start > 0 && anchor - start < 5 {
            let d = chars[start - 1];
            let admin = "县市区".contains(d);
            if !crate::text::is_han(d) || (NOT_IN_PLACE.contains(&d) && !admin) {
                break;
            }
            start -= 1;
        }
        let stem: String = chars[start..anchor]
            .iter()
            .filter(|c| !"县市区".contains(**c))
            .collect();
        if stem.chars().count() >= 2 {
            let number: String = chars[num_start..num_end].iter().collect();
            out.push(format!("school:{stem}{number}中"));
        }
        i = end;
    }
}

/// True when two reports name places that cannot be one: both name a place
/// at the same administrative level, or a site of the same kind, and no
/// place of either is shared (by stem) with the other.
pub fn places_conflict(a: &EventTraits, b: &EventTraits) -> bool {
    let (a, b) = (Compared::of(a), Compared::of(b));
    a.places_conflict(&b, a.places_shared(&b))
}

/// True when the two name a common place (by stem; 澜江 and 澜江县 agree).
pub fn places_shared(a: &EventTraits, b: &EventTraits) -> bool {
    Compared::of(a).places_shared(&Compared::of(b))
}

/// Sudden incidents: a report of one is a different happening from a
/// report of another kind at the same place (a fire is not the explosion).
const ACUTE: &[&str] = &[
    "collapse",
    "crush",
    "drowning",
    "earthquake",
    "explosion",
    "fire",
    "flood",
    "hail",
    "landslide",
    "leak",
    "mine",
    "poisoning",
    "traffic",
    "typhoon",
];

/// Sudden disasters over a whole area: the cause its reports name for
/// many incidents, each a happening of its own.
const AREA_DISASTERS: &[&str] = &["earthquake", "hail", "typhoon"];

/// True when both name sudden-incident kinds and none is shared. Kinds of
/// ongoing matters (wages, housing, outages…) are read loosely from
/// wording and never rule a match out on their own.
pub fn kinds_conflict(a: &EventTraits, b: &EventTraits) -> bool {
    Compared::of(a).kinds_conflict(&Compared::of(b))
}

/// True when the two share a kind of ongoing matter (wages, demolition,
/// outages, rumours about a policy…) and a place below county level (a
/// village, an estate, a project, a site): such matters run for weeks, and
/// a reply a fortnight later still belongs to the case.
pub fn ongoing_matter_shared(a: &EventTraits, b: &EventTraits) -> bool {
    Compared::of(a).ongoing_matter_shared(&Compared::of(b))
}

/// True when the two share an event kind.
pub fn kinds_shared(a: &EventTraits, b: &EventTraits) -> bool {
    Compared::of(a).kinds_shared(&Compared::of(b))
}

/// One place of an [`EventTraits`], split once for comparing.
#[derive(Debug, Clone)]
struct PlaceParts {
    /// The part before `:` (empty when there is none).
    level: String,
    /// The part after `:` (the whole place when there is none).
    stem: String,
    /// Characters in the stem.
    stem_chars: usize,
    /// Below county level (a village, an estate, a site…): the places an
    /// ongoing matter is tied to.
    fine: bool,
    /// The stem without its place suffix (马坊 of 马坊镇's stem 马坊,
    /// 阳光城一期 of 阳光城一期小区), as a witness may write it.
    bare: String,
}

/// An [`EventTraits`] prepared for comparing: each place split into level
/// and stem once, with the stem's length, and the sudden-incident kinds
/// picked out. The grouping index keeps one per case, so comparing an item
/// with a case of 24 places does not split and count every place again for
/// every pair. The free functions above give the same answers through it.
#[derive(Debug, Clone, Default)]
pub struct Compared {
    places: Vec<PlaceParts>,
    /// Event kinds, sorted.
    kinds: Vec<String>,
    /// The sudden-incident kinds among them, in the same order.
    acute: Vec<String>,
    /// See [`EventTraits::recurs`].
    pub recurs: bool,
    /// See [`EventTraits::follows_up`].
    pub follows_up: bool,
}

impl PlaceParts {
    /// A named site, estate, school, hospital, care home, project or
    /// company: finer than a town and not an administrative unit.
    fn is_site(&self) -> bool {
        self.fine && !is_admin(&self.level) && self.level != "community"
    }

    /// A site named by its kind alone (热力公司, 人民医院, 中心小学): every
    /// county has one, so two reports naming it do not share a place.
    fn is_generic(&self) -> bool {
        self.is_site() && GENERIC_SITE_NAMES.contains(&self.bare.as_str())
    }

    /// One place by stem: equal, or one of two characters or more begins
    /// the other (澜江 and 澜江县, 滨江花园 and 滨江花园小区). Two sites
    /// named by their kind alone are not one place.
    fn same_stem(&self, other: &PlaceParts) -> bool {
        if self.is_generic() && other.is_generic() {
            return false;
        }
        self.stem == other.stem
            || (self.stem_chars >= 2
                && other.stem_chars >= 2
                && (self.stem.starts_with(&other.stem)
                    || other.stem.starts_with(&self.stem)
                    || self.same_town_misread(other)))
    }

    /// A town's or village's name read with a word or two of what came
    /// before it (线芦花 of S312线芦花镇, 午高塬 of 上午高塬镇, 进驻高塬):
    /// the true name ends the longer reading.
    fn same_town_misread(&self, other: &PlaceParts) -> bool {
        self.level == other.level
            && matches!(self.level.as_str(), "town" | "village")
            && (self.stem.ends_with(&other.stem) || other.stem.ends_with(&self.stem))
    }
}

impl Compared {
    /// Prepares `e` for comparing.
    pub fn of(e: &EventTraits) -> Self {
        const COARSE: [&str; 6] = [
            "province:",
            "city:",
            "county:",
            "district:",
            "prefecture:",
            "place:",
        ];
        let places = e
            .places
            .iter()
            .map(|p| {
                let (level, stem) = p.split_once(':').unwrap_or(("", p));
                let bare = PLACE_SUFFIXES
                    .iter()
                    .find_map(|(suffix, _)| stem.strip_suffix(suffix))
                    .filter(|b| b.chars().count() >= 2)
                    .unwrap_or(stem);
                PlaceParts {
                    level: level.to_string(),
                    stem: stem.to_string(),
                    stem_chars: stem.chars().count(),
                    fine: !COARSE.iter().any(|c| p.starts_with(c)),
                    bare: bare.to_string(),
                }
            })
            .collect();
        Compared {
            places,
            kinds: e.kinds.clone(),
            acute: e
                .kinds
                .iter()
                .filter(|k| ACUTE.contains(&k.as_str()))
                .cloned()
                .collect(),
            recurs: e.recurs,
            follows_up: e.follows_up,
        }
    }

    /// See [`places_shared`].
    pub fn places_shared(&self, other: &Compared) -> bool {
        self.places
            .iter()
            .any(|a| other.places.iter().any(|b| a.same_stem(b)))
            || self.names_as_one(other)
            || other.names_as_one(self)
            || self.generic_site_shared(other)
    }

    /// True when `text` holds the bare name (two characters or more) of a
    /// town, village or site of this one: 马坊 of 马坊镇, 阳光城一期 of
    /// 阳光城一期小区. Not a site named by its kind alone: 公交 of 公交公司
    /// is in every report about buses, 人民 of 人民医院 in many more, and
    /// read as a place named bare it chained a city's fare rise, a drivers'
    /// wage protest and a bus lane rumour into one case.
    pub fn named_in(&self, text: &str) -> bool {
        !text.is_empty()
            && self.places.iter().any(|p| {
                p.fine && !p.is_generic() && p.bare.chars().count() >= 2 && text.contains(&p.bare)
            })
    }

    /// True when a site of this one is a site of `other` named with its
    /// county: 砚溪实验小学 (a parent's post) is 实验小学 of 砚溪县 (the
    /// 通报), where neither stem begins the other.
    fn names_as_one(&self, other: &Compared) -> bool {
        self.places.iter().filter(|a| a.fine).any(|a| {
            other.places.iter().filter(|c| !c.fine).any(|c| {
                a.stem.strip_prefix(c.stem.as_str()).is_some_and(|rest| {
                    other
                        .places
                        .iter()
                        .any(|b| b.fine && b.level == a.level && b.stem == rest)
                })
            })
        })
    }

    /// True when the two name a common place finer than a county: a town,
    /// village, site, estate or school (by stem, as [`places_shared`]).
    pub fn fine_place_shared(&self, other: &Compared) -> bool {
        self.places.iter().filter(|a| a.fine).any(|a| {
            other
                .places
                .iter()
                .filter(|b| b.fine)
                .any(|b| a.same_stem(b))
        }) || self.names_as_one(other)
            || other.names_as_one(self)
            || self.generic_site_shared(other)
    }

    /// True when the two name a site by its kind alone (人民医院, 热力公司,
    /// 实验小学) and one county, city or district, or one of them names
    /// none: one site there.
    fn generic_site_shared(&self, other: &Compared) -> bool {
        // The generic site first: most reports name none.
        let one_site = self.places.iter().filter(|a| a.is_generic()).any(|a| {
            other
                .places
                .iter()
                .any(|b| b.is_generic() && a.stem == b.stem)
        });
        let coarse = |c: &Compared| c.places.iter().filter(|a| !a.fine).count();
        one_site
            && (coarse(self) == 0
                || coarse(other) == 0
                || self.places.iter().filter(|a| !a.fine).any(|a| {
                    other
                        .places
                        .iter()
                        .filter(|b| !b.fine)
                        .any(|b| a.same_stem(b))
                }))
    }

    /// True when a site, estate, school, hospital, care home, project or
    /// company is among the places (see [`Compared::site_shared`]).
    pub fn names_a_site(&self) -> bool {
        self.places.iter().any(PlaceParts::is_site)
    }

    /// True when the two name one site, estate, school, hospital, care
    /// home, project or company (not a town or village: a town holds many
    /// happenings a day), by stem, or one names it bare in `other_lead`
    /// (锦绣嘉园 of 锦绣嘉园小区 in a witness's post).
    pub fn site_shared(&self, other: &Compared, other_lead: &str) -> bool {
        self.places.iter().filter(|p| p.is_site()).any(|a| {
            other
                .places
                .iter()
                .filter(|p| p.is_site())
                .any(|b| a.same_stem(b))
                || (a.bare.chars().count() >= 3 && other_lead.contains(&a.bare))
        }) || self.generic_site_shared(other)
    }

    /// See [`places_conflict`]; `shared` is [`Compared::places_shared`] of
    /// the two (the caller often needs it too).
    pub fn places_conflict(&self, other: &Compared, shared: bool) -> bool {
        if self.places.is_empty() || other.places.is_empty() || shared {
            return false;
        }
        // A county and a city's district are units of one rank: 苍桥县 is
        // not 槐原区, as 苍桥县 is not 白垣县.
        fn rank(level: &str) -> &str {
            match level {
                "district" => "county",
                other => other,
            }
        }
        self.places.iter().any(|a| {
            other
                .places
                .iter()
                .any(|b| rank(&a.level) == rank(&b.level) && a.level != "place")
        })
    }

    /// True when both name a town and no town, village or site of one is
    /// the other's: all they share is a county or a city, and a county's
    /// towns have their own happenings (a mudslide at one town is not the
    /// landslide that cut another's power).
    pub fn towns_differ(&self, other: &Compared) -> bool {
        // Only towns: reports of one happening often name other counties
        // or districts beside their own (河沿区、松岗区进度滞后), and a
        // conflict on those split the development set's cases.
        let names_a_town = |c: &Compared| c.places.iter().any(|p| p.level == "town");
        names_a_town(self) && names_a_town(other) && !self.fine_place_shared(other)
    }

    /// See [`kinds_conflict`].
    pub fn kinds_conflict(&self, other: &Compared) -> bool {
        !self.acute.is_empty()
            && !other.acute.is_empty()
            && !self.acute.iter().any(|k| other.acute.contains(k))
    }

    /// See [`ongoing_matter_shared`].
    pub fn ongoing_matter_shared(&self, other: &Compared) -> bool {
        let chronic = self
            .kinds
            .iter()
            .any(|k| !ACUTE.contains(&k.as_str()) && other.kinds.binary_search(k).is_ok());
        // A sudden incident's case is not an ongoing matter, even when one
        // of its reports also speaks of smoke or a smell: a complaint weeks
        // later at the same town is another happening.
        chronic
            && self.acute.is_empty()
            && other.acute.is_empty()
            && self.places.iter().filter(|a| a.fine).any(|a| {
                other
                    .places
                    .iter()
                    .filter(|b| b.fine)
                    .any(|b| a.stem == b.stem)
            })
    }

    /// True when the two name one incident code (“7·16”事故, the vessel
    /// “鳌渔12078”): officials coin it for one happening, and its
    /// investigation and accountability reports weeks later still carry it.
    pub fn incident_code_shared(&self, other: &Compared) -> bool {
        self.places.iter().filter(|a| a.level == "code").any(|a| {
            other
                .places
                .iter()
                .any(|b| b.level == "code" && a.stem == b.stem)
        })
    }

    /// True when the two share a sudden-incident kind (a fire and a fire).
    /// A disaster over a whole area (a typhoon, an earthquake, hail) is
    /// shared only between reports of the disaster itself: one that tells
    /// an incident it caused (a tree falling on a taxi, a canteen serving
    /// soaked food) tells another happening than the disaster's 通报 or
    /// another incident it caused.
    pub fn acute_shared(&self, other: &Compared) -> bool {
        let incidents = |c: &Compared| {
            c.acute
                .iter()
                .any(|k| !AREA_DISASTERS.contains(&k.as_str()))
        };
        let disaster_alone = !incidents(self) && !incidents(other);
        self.acute
            .iter()
            .filter(|k| disaster_alone || !AREA_DISASTERS.contains(&k.as_str()))
            .any(|k| other.acute.contains(k))
    }

    /// See [`kinds_shared`].
    pub fn kinds_shared(&self, other: &Compared) -> bool {
        self.kinds
            .iter()
            .any(|k| other.kinds.binary_search(k).is_ok())
    }

    /// True when the two share a kind that tells a happening apart from
    /// the place it is told at. Hospital care is read from 医院 itself, so
    /// between two reports that both name hospitals it is no second
    /// witness: a nurse stabbed, a stent kickback and an outage at a
    /// county's 人民医院 share the hospital, not a kind. Over the labelled
    /// sets, dropping it everywhere cost an ambulance set's call-outs
    /// more recall; dropping it only where both name a hospital kept them.
    pub fn telling_kinds_shared(&self, other: &Compared) -> bool {
        let at_hospital = |c: &Compared| c.places.iter().any(|p| p.level == "hospital");
        let both_at_hospitals = at_hospital(self) && at_hospital(other);
        self.kinds
            .iter()
            .filter(|k| !(both_at_hospitals && k.as_str() == PLACE_KIND))
            .any(|k| other.kinds.binary_search(k).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(text: &str) -> EventTraits {
        read_event(text, &[])
    }

    #[test]
    fn numbered_schools_are_one_school_however_named() {
        let a = ev("孩子在南屏一中住校，吃完食堂的饭就上吐下泻");
        let b = ev("南屏县第一中学部分学生出现腹痛、呕吐");
        let c = ev("河东区第四中学学生午餐被指缩水");
        assert!(a.places.contains(&"school:南屏一中".to_string()), "{a:?}");
        assert!(b.places.contains(&"school:南屏一中".to_string()), "{b:?}");
        assert!(c.places.contains(&"school:河东四中".to_string()), "{c:?}");
        // Not a school: 其中, 集中, 一中午, 初一中学生.
        for t in [
            "其中三人受伤",
            "集中整治",
            "十一中午时分",
            "学生集中在一中学生宿舍",
        ] {
            assert!(
                !ev(t).places.iter().any(|p| p.starts_with("school:")),
                "{t}"
            );
        }
    }

    #[test]
    fn hong_kong_and_taiwan_papers_name_the_mainland_city_as_its_own_reports_do() {
        for t in [
            "【港岛日报讯】内地岚川市一间共享厨房日前遭暗访揭发",
            "中国大陆岚川市一段影片近日在网上疯传",
            "报道指岚川市一家外卖店在汤底中添加罂粟壳",
        ] {
            assert_eq!(ev(t).places, ["city:岚川"], "{t}");
        }
    }

    #[test]
    fn a_school_named_with_its_county_is_the_school_of_that_county() {
        let post = ev("砚溪实验小学这两天好多孩子又吐又拉");
        let notice = ev("砚溪县疾控中心关于实验小学诺如病毒疫情的通报");
        assert!(places_shared(&post, &notice) && places_shared(&notice, &post));
        let elsewhere = ev("萱城县实验小学出现诺如病毒病例");
        assert!(!places_shared(&post, &elsewhere));
    }

    #[test]
    fn names_with_cheng_are_places_and_city_words_are_not() {
        assert_eq!(ev("萱城县一小学出现病例").places, ["county:萱城"]);
        assert_eq!(ev("该县城北小学近日出现病例").places, ["school:城北小学"]);
        assert_eq!(
            ev("盐城市城关镇一处民房起火").places,
            ["city:盐城", "town:城关"]
        );
        assert!(ev("创建全国文明城市，主城区城中村改造").places.is_empty());
        // 邻县 is the county next door, not a county named 柘原邻.
        assert!(ev("柘原邻县一铁矿发生冒顶事故").places.is_empty());
    }

    #[test]
    fn names_are_cut_after_the_words_before_them_and_kinds_are_no_names() {
        // An opener reaching into the four characters before the suffix.
        assert_eq!(
            ev("网友反映锦澜府小区物业停水停梯").places,
            ["estate:锦澜府"]
        );
        assert_eq!(ev("经省委办公厅转澴阳市办理").places, ["city:澴阳"]);
        assert_eq!(ev("有人网传苍岭镇要整体拆迁").places, ["town:苍岭"]);
        assert_eq!(ev("据悉梅岭镇已启动应急响应").places, ["town:梅岭"]);
        assert_eq!(ev("网友反映禾农业园区排污").places, ["site:禾农业园区"]);
        assert_eq!(ev("进贤县一民房起火").places, ["county:进贤"]);
        assert_eq!(
            ev("国网麦川供电公司回应停电").places,
            ["company:麦川供电公司"]
        );
        // An opener ending the name is part of it.
        assert_eq!(ev("青禾农业园区大棚倒塌").places, ["site:青禾农业园区"]);
        // A hospital's campus is no district, a public hospital no name.
        assert_eq!(ev("市一院枫渡院区急诊").places, Vec::<String>::new());
        assert_eq!(ev("送到公立医院急诊").places, Vec::<String>::new());
    }

    #[test]
    fn estates_named_bare_are_the_estates_named_with_xiaoqu() {
        // A resident writes 翠澜湾 or 锦绣华庭 where the 通报 writes 小区.
        for (bare, formal) in [
            ("翠澜湾的邻居们每天凌晨被吵醒", "翠澜湾小区居民反映飞机噪声"),
            ("锦绣华庭又停水了", "锦绣华庭小区停水情况说明"),
            ("云栖府业主拉横幅", "关于云栖府小区交房问题的回复"),
        ] {
            let (a, b) = (ev(bare), ev(formal));
            assert!(!a.places.is_empty(), "{bare}: {:?}", a.places);
            assert_eq!(a.places, b.places, "{bare} / {formal}");
        }
        // 政府, 学府, a district or town in 湾, and 台湾 are no estates.
        for text in [
            "县人民政府召开会议",
            "百年学府迎来校庆",
            "珩湾区鳗塘镇一民房起火",
            "芦湾镇卫生院",
            "中国台湾地区",
        ] {
            assert!(
                !ev(text).places.iter().any(|p| p.starts_with("estate:")),
                "{text}: {:?}",
                ev(text).places
            );
        }
    }

    #[test]
    fn an_old_town_is_a_tourist_site_not_a_town() {
        let e = ev("游客在漾溪古镇乘坐摇橹船遭坐地加价");
        assert_eq!(e.places, vec!["place:漾溪古镇".to_string()]);
        let (a, b) = (ev("漾溪古镇停车场收费"), ev("漾溪古镇一民宿夜间施工扰民"));
        assert!(!Compared::of(&a).fine_place_shared(&Compared::of(&b)));
    }

    #[test]
    fn reports_of_what_came_after_an_incident_follow_it_up() {
        for text in [
            "“10·2”焰火爆炸事故问责：县应急管理局局长被免职",
            "调查组认定，事故原因为饲养员违规单人操作",
            "遇难者善后工作正在进行",
        ] {
            assert!(ev(text).follows_up, "{text}");
        }
        // The first report, and a report that it happened again, follow
        // nothing up.
        assert!(!ev("体育场焰火燃放点发生爆炸，造成2人死亡").follows_up);
        assert!(!ev("问责刚过，该厂又发生爆炸").follows_up);
    }

    #[test]
    fn malls_hotels_and_squares_are_places_and_their_kinds_alone_are_not() {
        let e = ev("今天下午带儿子在万嘉广场坐扶梯");
        assert_eq!(e.places, vec!["venue:万嘉广场".to_string()]);
        let e = ev("在福满楼大酒店就餐的两家单位");
        assert_eq!(e.places, vec!["venue:福满楼大酒店".to_string()]);
        // A word that ends the reading and reaches into the name still names
        // no place; a square every town has is no one place.
        for text in ["外省多地超市都有卖", "去了趟超市"] {
            assert!(ev(text).places.is_empty(), "{text}: {:?}", ev(text));
        }
        let (a, b) = (
            ev("岚川县文化广场上跳舞的人"),
            ev("澄溪县文化广场一名老人摔倒"),
        );
        assert!(!places_shared(&a, &b), "{a:?} {b:?}");
        // Two malls are two places: reports of each are not one case.
        let (a, b) = (ev("万嘉广场扶梯夹伤男童"), ev("锦华购物中心扶梯夹伤男童"));
        assert!(places_conflict(&a, &b), "{a:?} {b:?}");
        // An early-learning centre, a clinic or a gym is named as a school,
        // a hospital or a venue is: a shop that shut with members' money
        // is the one place its customers' posts and the 通报 share.
        let (a, b) = (
            ev("星贝早教突然关门跑路"),
            ev("关于星贝早教中心停业问题的通报"),
        );
        assert!(places_shared(&a, &b), "{a:?} {b:?}");
        let (a, b) = (ev("德康诊所输液后男童死亡"), ev("康宁诊所输液后男童死亡"));
        assert!(places_conflict(&a, &b), "{a:?} {b:?}");
    }

    #[test]
    fn reads_places_and_kinds() {
        let e = ev("如东县洋口化工园区一企业车间发生爆炸");
        assert!(e.places.contains(&"county:如东".to_string()), "{e:?}");
        assert!(e.places.iter().any(|p| p.ends_with("化工园区")), "{e:?}");
        assert_eq!(e.kinds, vec!["explosion".to_string()]);
        let e = ev("昨晚送到县医院急诊");
        assert!(!e.places.iter().any(|p| p.starts_with("county:")), "{e:?}");
    }

    #[test]
    fn incident_codes_name_the_happening_they_were_coined_for() {
        let has = |t: &str, code: &str| ev(t).places.contains(&code.to_string());
        assert!(has("“7·16”事故调查报告公布", "code:7·16"));
        assert!(has("渔船“鳌渔12078”在外海翻沉", "code:鳌渔12078"));
        assert!(has("运砂船“鑫达砂218”轮发生翻沉", "code:鑫达砂218"));
        assert!(has("“江顺668”轮在锚地搁浅", "code:江顺668"));
        assert!(has("渡船“柳渡3号”与货船碰撞", "code:柳渡3号"));
        assert!(!has("拨打“12345”热线", "code:12345"));
        assert!(!has("点击“第3号”公告", "code:第3号"));
        // An app, and an earlier incident named as a new one's background.
        assert!(
            !ev("可通过“掌上12333”办理")
                .places
                .iter()
                .any(|p| p.starts_with("code:"))
        );
        assert!(!has("这是继“3·18”事故后又一起煤矿事故", "code:3·18"));
        assert!(!has("距该园区“7·14”爆炸事故仅一周", "code:7·14"));
        // A disaster named as the cause of another matter (an outage, a
        // road, an insurance claim) does not name it.
        assert!(has("石门镇“7·12”山洪遇难人数升至9人", "code:7·12"));
        assert!(!has("受“７·１２”洪灾影响，县城供水中断", "code:7·12"));
        assert!(!has("“7·12”洪灾冲毁的县道X028至今未修复", "code:7·12"));
        assert!(!has("“7·12”洪灾过后农险理赔迟迟不到", "code:7·12"));
    }

    #[test]
    fn colleges_are_places_and_their_students_are_not() {
        assert_eq!(
            ev("知津职业技术学院考点一名工作人员").places,
            ["school:知津职业技术学院"]
        );
        assert_eq!(ev("华枫商学院学生聚集").places, ["school:华枫商学院"]);
        assert_eq!(
            ev("岚川医学高等专科学校发现一起肺结核聚集性疫情").places,
            ["school:岚川医学高等专科学校"]
        );
        // Students, a university town and getting into one name no college.
        assert!(ev("岚川的大学生都在转").places.is_empty());
        assert!(ev("知津大学城要划走了").places.is_empty());
        assert!(ev("闺女考上大学了").places.is_empty());
        // An affiliated school is its own place, not the college.
        assert!(
            !ev("岚川师范学院附属小学门口拥堵")
                .places
                .contains(&"school:岚川师范学院".to_string())
        );
    }

    #[test]
    fn words_that_open_no_name_are_cut_off() {
        let e = ev("根据市生态环境局转办要求，我局会同梅岭镇政府调查");
        assert!(e.places.contains(&"town:梅岭".to_string()), "{e:?}");
        assert!(!e.places.iter().any(|p| p.contains("根据")), "{e:?}");
        let e = ev("今天县信访局打电话说");
        assert!(e.places.is_empty(), "{e:?}");
        let e = ev("今天中午区里来了人，评论区都在问，启航教育港城校区关门了");
        assert!(e.places.is_empty(), "{e:?}");
        // An opener the scan stopped inside (上午 of 今天上午高塬镇).
        assert_eq!(
            ev("今天上午高塬镇政府门口围了上百号人").places,
            ["town:高塬"]
        );
        assert_eq!(ev("网上流传龙潭乡敬老院视频").places, ["town:龙潭"]);
        // A count of villagers, and a verb before 乡政府, are no names.
        assert!(ev("一百余名村民将配合乡政府登记").places.is_empty());
        assert_eq!(ev("余姚市一工厂").places, ["city:余姚"]);
        // A bureau and the verb after it are no county (县公安局联合县市场监管局).
        assert!(ev("县公安局联合县市场监管局破获一起案件").places.is_empty());
        assert_eq!(ev("致鳌湾县委").places, ["county:鳌湾"]);
        assert!(ev("强降雨致县城南门片区停水").places.is_empty());
        assert_eq!(ev("中共岚泽市委办公室").places, ["city:岚泽"]);
        assert!(
            !ev("网民集中反映市儿童医院周边停车难")
                .places
                .iter()
                .any(|p| p.starts_with("city:"))
        );
        // The evening of a day, the copula of official prose and a trainee
        // are no part of a name.
        assert_eq!(ev("7月11日晚沧澜市城管人员").places, ["city:沧澜"]);
        assert!(ev("视频中教练系县业余体校足球教练").places.is_empty());
        assert_eq!(ev("经查，人员系石门镇党政办工作人员").places, ["town:石门"]);
        assert!(ev("教练掌掴踢踹小学员").places.is_empty());
        // Counts of households and comings and goings are no villages; a
        // verb of a witness's telling opens no name.
        assert!(ev("三百余户村民联名反映").places.is_empty());
        assert!(ev("工作队进村摸排，半个月没人来村里").places.is_empty());
        assert_eq!(ev("前进村村民反映").places, ["village:前进"]);
        assert_eq!(ev("记者暗访澄泾市多家药店").places, ["city:澄泾"]);
        assert!(ev("问题线索已移交县纪委监委").places.is_empty());
        // A site told by its part in the story is no name.
        assert!(ev("县教育局责令学校立即整改").places.is_empty());
        assert!(ev("涉事幼儿园已停业整顿").places.is_empty());
        assert!(ev("隔壁小区也停水了").places.is_empty());
        assert!(ev("群众已撤离地质灾害危险区").places.is_empty());
    }

    #[test]
    fn named_roads_are_places_and_ways_of_speaking_are_not() {
        let e = ev("锦檀区砚池路与柳巷路交叉口发生路面塌陷");
        assert!(e.places.contains(&"road:砚池路".to_string()), "{e:?}");
        assert!(e.places.contains(&"road:柳巷路".to_string()), "{e:?}");
        // Avenues and streets are roads; a section of an elevated line
        // before one is no part of its name.
        let e = ev("地铁4号线高架段桦溪大道节点发生钢梁滑落，解放大街交通管制");
        assert!(e.places.contains(&"road:桦溪大道".to_string()), "{e:?}");
        assert!(e.places.contains(&"road:解放大街".to_string()), "{e:?}");
        for t in [
            "健身房老板跑路了",
            "满大街都是这种广告",
            "在大街上走着走着",
            "雨天因路面湿滑追尾",
            "孩子回家路上",
            "沿着马路走",
            "电线短路起火",
            "一条路修了三年",
            "事故路段已封闭",
        ] {
            let e = ev(t);
            assert!(
                !e.places.iter().any(|p| p.starts_with("road:")),
                "{t}: {e:?}"
            );
        }
    }

    #[test]
    fn names_may_hold_words_of_position() {
        // 上, 下, 前 and 后 begin or end many names (溪后镇, 下埔村, 前郭县).
        let e = ev("溪后镇下埔村昨晚办喜酒");
        assert!(e.places.contains(&"town:溪后".to_string()), "{e:?}");
        assert!(e.places.contains(&"village:下埔".to_string()), "{e:?}");
    }

    #[test]
    fn words_a_suffix_begins_and_phrases_before_it_name_no_place() {
        // 市场, 市民, 农村 are words; 处理结果报市… reports to the city.
        for t in [
            "城东农贸市场",
            "部分市民反映",
            "一起农村宅基地纠纷",
            "将处理结果报市应急局",
            "您通过省长信箱反映",
            "外省多地超市已将产品下架",
            "一家夜市摊点被查",
        ] {
            assert!(ev(t).places.is_empty(), "{t}: {:?}", ev(t).places);
        }
        // 澄州市场监管局 is 澄州市's; 化工园区's 区 is no district of its
        // own; a name starts after the place before it.
        assert_eq!(ev("澄州市场监管局通报").places, ["city:澄州"]);
        assert_eq!(
            ev("澄州市化工园区一企业起火").places,
            ["city:澄州", "site:化工园区"]
        );
        assert_eq!(ev("北苑小区停水").places, ["estate:北苑小区"]);
        // A city whose name ends like a market word is still a city.
        assert_eq!(ev("江门市发布通知").places, ["city:江门"]);
    }

    #[test]
    fn a_site_named_by_its_kind_alone_is_one_place_only_in_one_county() {
        let a = ev("澄溪县热力公司说管网在抢修");
        let b = ev("澄溪县部分小区暖气不热，热力公司称");
        let elsewhere = ev("岚关市热力公司拒绝退费");
        let unplaced = ev("热力公司客服一直占线");
        assert!(places_shared(&a, &b));
        assert!(!places_shared(&a, &elsewhere) && places_conflict(&a, &elsewhere));
        // Naming no county, a report may be of any county's: it is one
        // place with either.
        assert!(places_shared(&unplaced, &a) && places_shared(&unplaced, &elsewhere));
        let (a, c) = (Compared::of(&a), Compared::of(&ev("岚关市人民医院")));
        assert!(!a.fine_place_shared(&c));
    }

    #[test]
    fn a_kind_word_that_begins_a_place_name_is_no_kind() {
        assert!(
            ev("落水乡整个乡停电四天")
                .kinds
                .iter()
                .all(|k| k != "drowning")
        );
        assert!(
            ev("两名儿童在河里落水")
                .kinds
                .iter()
                .any(|k| k == "drowning")
        );
        assert!(
            ev("落水村村民反映停水")
                .kinds
                .iter()
                .all(|k| k != "drowning")
        );
        assert!(ev("孩子落水村民救起").kinds.iter().any(|k| k == "drowning"));
    }

    #[test]
    fn same_place_agrees_other_county_conflicts() {
        let a = ev("澜江县化工园区爆炸");
        let b = ev("#澜江# 工业园那边一声巨响");
        let c = ev("砚溪县一化工厂爆炸");
        assert!(!places_conflict(&a, &c) || !places_shared(&a, &c));
        assert!(places_conflict(&a, &c), "{a:?} {c:?}");
        assert!(!places_conflict(&a, &b));
        assert!(kinds_shared(&a, &b));
        let fire = ev("澜江县一仓库起火");
        assert!(kinds_conflict(&a, &fire));
    }

    #[test]
    fn a_county_and_another_district_are_two_places() {
        let district = ev("槐原区馨苑小区燃气泄漏，居民连夜疏散");
        let county = ev("苍桥县一饭店后厨燃气泄漏，顾客紧急疏散");
        assert!(
            places_conflict(&district, &county),
            "{district:?} {county:?}"
        );
        let same = ev("槐原区一饭店燃气泄漏");
        assert!(!places_conflict(&district, &same));
    }

    #[test]
    fn a_site_named_by_its_kind_is_not_named_bare_by_every_report_of_that_kind() {
        let depot = Compared::of(&crate::cases::read_event(
            "公交公司停车场紧挨着我们楼，天天凌晨热车，柴油味熏得睡不着",
            &[],
        ));
        // 公交 of 公交公司 is in every report about buses.
        assert!(!depot.named_in("璋平交警：公交专用道全天禁止社会车辆驶入系误读"));
        // A named site is named bare all the same.
        let estate = Compared::of(&crate::cases::read_event(
            "锦绣嘉园小区7号楼昨晚起火，消防车赶到",
            &[],
        ));
        assert!(estate.named_in("锦绣嘉园那边冒黑烟了"));
    }
}
