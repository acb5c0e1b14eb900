//! Reach (影响范围): the figures that grade everything that is not an
//! accident (JUDGEMENT.md, "Everything else"): how many people a matter
//! touches (1800余户居民, 三百余名村民, 数十万储户), how far a post has spread
//! (阅读量超过800万, 播放量逾2亿), and how many provinces are involved (流入
//! 十余个省份). Words of reach that need no arithmetic (央视曝光, 登上热搜,
//! 拉横幅, 全县) are operator-edited `@level` rules in `severity.txt`.
//!
//! Like the casualty figures, every figure keeps the phrase it was read from,
//! so the reason an analyst sees quotes the text.

use super::severity::prefix_chars;
use super::types::Severity;
use std::sync::LazyLock;

use crate::text::{CharSet, Number, Phrases, find_numbers};

/// Nouns for groups of people whose size measures a matter's reach. A count
/// must be bound to one of them (1800余户, 五百多名业主), so 消防人员1200余人
/// or 总投资5000万元 are never read as people affected.
const GROUP_NOUNS: &[&str] = &[
    "业主",
    "租客",
    "租户",
    "住户",
    "家长",
    "储户",
    "村民",
    "农民工",
    "工人",
    "工友",
    "学生",
    "居民",
    "市民",
    "群众",
    "职工",
    "员工",
    "购房者",
    "购房户",
    "受种者",
    "接种者",
    "受种儿童",
    "消费者",
    "投资人",
    "投资者",
    "出借人",
    "会员",
    "学员",
    "患者",
    "病人",
    "老人",
    "考生",
    "幼儿",
    "孩子",
    "儿童",
    "乘客",
    "商户",
    "摊贩",
    "教师",
    "老师",
    "退休人员",
    "退役军人",
    "车主",
    "用户",
    "被拆迁户",
    "拆迁户",
    "被征地农民",
    "农户",
    "家庭",
    "人家",
    "网友",
    "网民",
    // Working people a matter hits as a body (拖欠312名骑手的报酬).
    "骑手",
    "外卖员",
    "快递员",
    "司机",
    "渔民",
    "果农",
    "菜农",
    "养殖户",
    "长者",
    "老年人",
    "师生",
    // Others a matter hits as a group: 200多名随迁子女, 300多名新生,
    // 逾三千名借款人, 上千名游客.
    "子女",
    "随迁子女",
    "新生",
    "借款人",
    "受害人",
    "受害者",
    "参保人",
    "游客",
    "旅客",
    "农民",
    "经营户",
    "店主",
    "股民",
    // 持卡人1046人, 236名受害求职者, 六千多名一线环卫工人: people a
    // closed shop, a job scam or a rumoured cut hits as a body.
    "持卡人",
    "求职者",
    "环卫工人",
    "环卫工",
    "护林员",
    "保洁员",
    // 整个镇三万多人: everyone of a place.
    "全镇",
    "整个镇",
    "全村",
    "整个村",
    "全乡",
    "全城",
    "整个乡",
    "全岛",
    "整个岛",
    "岛上",
    "全屯",
    // The writer's own place (我们乡五千多人, 俺村三百多口人).
    // People of a place counted by heads (三个村两千多口人).
    "口人",
    "我们乡",
    "我们镇",
    "我们村",
    "我们屯",
    "俺村",
    "咱村",
    // Students named by their school or stay (八千多名住校生, 1.2万名大学生),
    // and children as parents say it (两百多个娃).
    "大学生",
    "中学生",
    "小学生",
    "在校生",
    "住校生",
    "寄宿生",
    "毕业生",
    "娃",
    "小孩",
    // A whole school, year or works (整个专业八百多人, 全厂三百多人), and
    // more groups a matter hits (两百多家摊户, 两百多名代课教师).
    "全校",
    "整个学校",
    "全年级",
    "整个年级",
    "整个专业",
    "全厂",
    "整个厂",
    "摊户",
    "商家",
    "代课教师",
    "班组",
    "教职工",
    // Workers and neighbours as they count themselves (我们八十几个兄弟,
    // 四十多个老乡, 六十多个摊主).
    "兄弟",
    "老乡",
    "摊主",
    "姐妹",
    // Veterans and retired cadres as their offices count them (300余名参战
    // 退役人员, 161名待岗退役士兵, 全所六百多位老干部).
    "退役人员",
    "退役士兵",
    "退伍军人",
    "优抚对象",
    "老干部",
    "军休干部",
    // 数千名申请人, 四十余名前矿工, 两千多户牧民, 上百个房东: those who
    // applied, worked a mine, herd or let rooms.
    "申请人",
    "矿工",
    "牧民",
    "牧户",
    "房东",
    "承租人",
    // Drivers as their companies and platforms count them (三百多名驾驶员,
    // 两百多名出租车司机).
    "驾驶员",
    "的哥",
    "出租车司机",
    "网约车司机",
    "货车司机",
    // 涉及边民1200余名: border residents trading at a border market.
    "边民",
    // 1800余名居家养老服务对象: the people a public service is for.
    "服务对象",
];

/// Words of who a group of people are, between a counter and its noun
/// (6400名高龄老人, 近千名退休职工, 300余户受灾群众).
const GROUP_MODIFIERS: &[&str] = &[
    "高龄",
    "退休",
    "离退休",
    "在校",
    "在读",
    "困难",
    "失能",
    "留守",
    "独居",
    "受灾",
    "外来",
    "外地",
    "本地",
    "参保",
    "适龄",
    "一线",
    "特困",
    "低保",
    "残疾",
    "患病",
    "住校",
    "新生",
    "应届",
    "被征地",
    "拆迁",
    "安置",
    "涉事",
    "受害",
    // 1500余名走读学生, 213名实习学生, 四百多名初三毕业生: who they are by
    // how or where they study.
    "走读",
    "实习",
    "初三",
    "高三",
    "寄宿",
    // 五千余名返程旅客, 两百多名候车旅客: travellers by where they are going.
    // 六十多位五保老人, 三十多户孤寡老人: who they are by the help they get.
    "五保",
    "孤寡",
    "空巢",
    // 300多名一年级新生: pupils by their year.
    "一年级",
    "二年级",
    "三年级",
    "四年级",
    "五年级",
    "六年级",
    "初一",
    "初二",
    "高一",
    "高二",
    "返程",
    "返乡",
    "候车",
    "过往",
    "出行",
    // 九十多个出租车司机, 两百多名货车司机: drivers by what they drive.
    "出租车",
    "网约车",
    "货车",
    // 300余名参战参试退役人员, 161名待岗退役士兵: veterans by their service
    // or their wait for a post.
    "参战参试",
    "参战",
    "参试",
    "待岗",
    "自主就业",
    // 627名乡村教师, 300余名农村留守儿童, 两百多名受骗老人: who they are by
    // where they live or what befell them.
    "乡村",
    "农村",
    "山区",
    "偏远",
    "城区",
    "受骗",
    "被骗",
    // 300余家餐饮商户, 200余名外卖骑手, 三千余名企业退休人员: who they
    // are by their trade or employer.
    "餐饮",
    "中小",
    "个体",
    "沿街",
    "外卖",
    "企业",
    "居家养老",
];

/// Words that sum up a group named just before them (农民工，共一百四十多人).
const SUMMED_UP: &[&str] = &["共", "一共", "总共", "共计", "合计"];

/// Characters of a clause describing a group between its counter and its
/// 的 (500余名预约入住的企业职工).
const DESCRIBED_CHARS: usize = 10;

/// Characters in the longest of [`GROUP_NOUNS`] (被征地农民): the stretch
/// after a count compared with them.
const LONGEST_GROUP_NOUN: usize = 5;

/// The first characters of [`GROUP_NOUNS`]: most characters near a
/// number begin none, and are passed over without comparing the list.
fn group_heads() -> &'static CharSet {
    static HEADS: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    HEADS.get_or_init(|| CharSet::first_chars(GROUP_NOUNS.iter().copied()))
}

/// Counter words between a number and its group noun (五百多名业主, 三个村).
const COUNTERS: &[&str] = &["名", "位", "个", "户", "家", "号", "万名", "万户", "万"];

/// Words for people moved out of a disaster's way (转移, 撤离).
const MOVED_OUT: &[&str] = &["转移", "撤离", "疏散", "避险"];

/// Words of approximation between a group noun and its count (学生约1.2万人),
/// longest first: 多达 must be stripped whole, not as 达.
const APPROXIMATELY: &[&str] = &[
    "差不多",
    "多达",
    "共计",
    "合计",
    "总计",
    "少说",
    "至少",
    "起码",
    "足足",
    "将近",
    "约",
    "近",
    "达",
    "共",
    "超",
];

/// Words of having between a group noun and its count (会员有300多人,
/// 受骗的老人就有两百多名), longest first.
const HAVE: &[&str] = &[
    "已经有",
    "一共有",
    "总共有",
    "共有",
    "就有",
    "已有",
    "足有",
    "有",
];

/// What a count of the people a matter hit follows when it names them by
/// what they did (打过的有三百多人, 被骗的就有两百多人).
const THOSE_WHO: &[&str] = &["的有", "的就有", "的已经有", "的共有", "的一共有"];

/// The people writing, counted (我们四十多个人的工钱, 俺们一共八十几个人): a
/// work gang or a village speaking for itself.
const SPEAKERS: &[&str] = &["我们", "俺们", "咱们", "一共", "总共"];

/// What complaints are counted in (投诉举报1126件, 诉求300余条).
const COMPLAINT_UNITS: &[&str] = &["件", "条", "宗", "起"];

/// Words a count of complaints follows in its clause.
/// Only complaints name a matter: a hotline's 工单 or 诉求 are often its
/// whole workload (全市12345热线共受理工单3.6万件).
const COMPLAINT_WORDS: &[&str] = &["投诉", "举报"];

/// Words tying a count of complaints to one matter.
const COMPLAINT_ABOUT: &[&str] = &["涉及", "关于", "针对", "反映", "有关"];

/// Byte offset where the last `n` characters of `before` start, stopping at
/// a clause end: the stretch a count's noun is looked for in.
fn clause_tail(before: &str, n: usize) -> usize {
    before
        .char_indices()
        .rev()
        .take(n)
        .take_while(|&(_, c)| !is_clause_end(c))
        .last()
        .map_or(before.len(), |(i, _)| i)
}

/// What is passed on when a post counts its reposts with 转了 alone (视频
/// 已经转了四十多万): said of these, the figure is reposts, not money.
const REPOSTED: &[&str] = &["视频", "帖子", "微博", "这条", "文章", "话题", "截图"];

/// Words for a count of readers or viewers (阅读量超过800万).
const SPREAD_WORDS: &[&str] = &[
    "阅读量",
    "阅读数",
    "阅读",
    "播放量",
    "播放",
    "浏览量",
    "浏览",
    "点击量",
    "观看量",
    "观看",
    "转发量",
    "转发",
    "点赞",
    "评论量",
    "话题量",
];

/// Words after a count of people who saw a post (三亿多人看了): readers.
const VIEWERS: &[&str] = &["人看了", "人看过", "人围观", "人观看", "人浏览"];

/// Words for a count of replies under a post or a thread (回复已有六百多条,
/// 跟帖200余条, 三百多条评论). Not 留言: a body's count of 留言 is the
/// year's statistics of its channel as often as one matter's.
const REPLY_WORDS: &[&str] = &["回复", "回帖", "跟帖", "评论"];

/// Replies from which a post is a local forum thread with many replies,
/// III (JUDGEMENT.md): over the labelled sets, positives counting 100–999
/// replies are labelled III 110 times in 121 (II 6, IV 5).
pub const MANY_REPLIES: f64 = 100.0;

/// Replies from which a thread is read province- or nation-wide, II.
pub const REPLIES_II: f64 = 1e4;

/// Reads or views from which a matter has spread across a county or city,
/// III.
pub const SPREAD_III: f64 = 1e4;

/// Reposts from which a post has spread across a county or city, III: a
/// post passed on a thousand times has been read ten thousand times or
/// more, the reads that make III.
pub const MANY_REPOSTS: f64 = 1e3;

/// How many characters after a spread word its number may sit (阅读量已超过
/// 800万: the number is five characters on).
const SPREAD_GAP: usize = 8;

/// One figure of reach, with the phrase it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct ReachFigure {
    /// The value (people, reads, provinces).
    pub value: f64,
    /// The phrase, for reasons.
    pub evidence: String,
}

/// The figures of reach read from one text; the largest of each kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reach {
    /// People or households affected (1800余户, 五百多名业主).
    pub affected: Option<ReachFigure>,
    /// Reads, views or reposts (阅读量超过800万).
    pub spread: Option<ReachFigure>,
    /// Provinces a matter reaches (十余个省份).
    pub provinces: Option<ReachFigure>,
    /// Reposts (转发2000余次, 视频已经转了一万多次), also counted in
    /// `spread`: they weigh more than reads.
    pub reposts: Option<ReachFigure>,
    /// Replies to a post or thread (四百多条回复, 跟帖200余条).
    pub replies: Option<ReachFigure>,
    /// People come together at a government's or an employer's door
    /// (六十多名船主来到县政府信访接待大厅, 好几百人到区政府门口).
    pub gathered: Option<ReachFigure>,
}

impl Reach {
    /// True when no figure of reach was read.
    pub fn is_empty(&self) -> bool {
        self.affected.is_none()
            && self.spread.is_none()
            && self.provinces.is_none()
            && self.replies.is_none()
            && self.gathered.is_none()
    }
}

/// People at a door who make a gathering (a mass gathering is 重大, II).
pub const GATHERED: f64 = 20.0;

/// Where a crowd comes to be heard: a government's, a petition office's or
/// an employer's door.
const GATHERING_PLACES: &[&str] = &[
    "政府门口",
    "政府大门",
    "政府大院",
    "县政府",
    "市政府",
    "区政府",
    "镇政府",
    "乡政府",
    "信访局",
    "信访办",
    "信访接待",
    "信访大厅",
    "局门口",
    "委门口",
    "公司门口",
    "厂门口",
    "工地门口",
    "售楼处",
    "项目部",
    "指挥部门口",
];

/// Who else comes as a crowd (几十个家属, 二十多个骑手), counted with 个:
/// people who gather, not people a matter affects (so not in
/// [`GROUP_NOUNS`]).
const CROWD_NOUNS: &[&str] = &[
    "家属", "亲属", "骑手", "司机", "师傅", "渔民", "商贩", "摊主", "护士", "护工",
];

/// Any other door a crowd may block (a care home's, a school's, a bank's,
/// a builder's): a gathering there only with an act of protest from
/// [`PROTEST_ACTS`], since parents wait at a school's gate every day.
const PROTEST_PLACES: &[&str] = &[
    "门口",
    "大门",
    "售楼部",
    "营业厅",
    // A hospital's halls and offices, where a family mourns a death it
    // blames on the hospital (门诊大厅摆满了花圈) and staff wait for wages;
    // a college's offices and a mine's (在矿部门口坐了一整天).
    "门诊大厅",
    "住院部",
    "行政楼",
    "矿部",
];

/// What a crowd does at a door it protests at (几十个家属堵着门要看监控,
/// 几十个工人举着“还我血汗钱”的牌子).
const PROTEST_ACTS: &[&str] = &[
    "堵门",
    "堵住",
    "堵着",
    "围堵",
    "横幅",
    "举着",
    "牌子",
    "静坐",
    "花圈",
    "讨说法",
    "要说法",
    "讨个说法",
    "讨薪",
    "维权",
    // 拉着白布写“还我女儿命”, 披麻戴孝: a family's protest over a death.
    "白布",
    "披麻戴孝",
    "还我",
    // A sit-in: 在矿部门口坐了一整天, 行政楼前站了好几百人.
    "坐了一",
    "坐了半天",
    "坐了整整",
    "站了好几",
    "站满了",
    "坐满了",
];

/// What a crowd does there.
const GATHERING_ACTS: &[&str] = &[
    "来到",
    "到了",
    "聚集",
    "聚在",
    "围在",
    "坐在",
    "堵在",
    "站在",
    "跪在",
    "守在",
    "拉着",
    "举着",
    "横幅",
    "上访",
    "讨说法",
    "讨个说法",
    "要说法",
    "要个说法",
    "讨薪",
    "讨工钱",
    "讨要",
    "去了",
    "赶到",
    // 八十几个人去指挥部门口等, 在工地门口守了两天: a crowd waiting there
    // to be heard.
    "门口等",
    "门口守",
    "守了",
    "等说法",
    "等个说法",
];

/// Sentences where a count at a government's door is no crowd: its
/// visitors, its staff and its events.
const NOT_GATHERING: &[&str] = &[
    "办事",
    "办理业务",
    "咨询",
    "受伤",
    "死亡",
    "遇难",
    "演练",
    "演出",
    "观看",
    "参观",
    "调研",
    "座谈",
    "培训",
    "会议",
    "招聘",
    "体检",
    "接种",
    "献血",
    "考试",
    // 63名农民工在项目部排队领到了工资: a payout, the matter settled.
    "领到",
    "领取",
    "拿到",
    "发放到",
];

/// Who at a government's door is on duty there, not come to be heard.
const ON_DUTY: &[&str] = &[
    "干部",
    "民警",
    "警力",
    "工作人员",
    "志愿者",
    "指战员",
    "消防",
    "党员",
    "代表",
    "专家",
];

/// The sentence holding `at` (from the previous 。！？ or line to the next).
fn sentence_at(text: &str, at: usize) -> &str {
    let end_mark = |c: char| matches!(c, '。' | '!' | '?' | '！' | '？' | '\n');
    let start = text[..at].rfind(end_mark).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[at..].find(end_mark).map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// The phrase of a crowd counted at `start` (its counter and who they are
/// in `after`) that came to a government's or an employer's door in the
/// same sentence; `None` when the count is no such crowd.
fn gathering(text: &str, start: usize, after: &str) -> Option<String> {
    // 六十多名, 二十多位, 好几百人, 几十号人: people counted. 个 only for
    // people (二十多个老人), not 个月 or 个村.
    let rest = ["号人", "名", "位", "人"]
        .iter()
        .find_map(|c| after.strip_prefix(c))
        .or_else(|| {
            let r = after.strip_prefix('个')?;
            (r.starts_with('人')
                || GROUP_NOUNS.iter().any(|g| r.starts_with(g))
                || CROWD_NOUNS.iter().any(|g| r.starts_with(g)))
            .then_some(r)
        })?;
    let who = prefix_chars(rest, 4);
    if ON_DUTY.iter().any(|w| who.contains(w)) {
        return None;
    }
    let sentence = sentence_at(text, start);
    let has = |words: &[&str]| words.iter().any(|w| sentence.contains(w));
    let at_a_door = (has(GATHERING_PLACES) && has(GATHERING_ACTS))
        || (has(PROTEST_PLACES) && has(PROTEST_ACTS));
    if !at_a_door || has(NOT_GATHERING) {
        return None;
    }
    // The clause from the count on (六十多名采砂船船主来到县政府信访接待大厅),
    // at most [`GATHERING_EVIDENCE_CHARS`] characters of it.
    let from = text.len() - rest.len();
    let clause = prefix_chars(&text[from..], GATHERING_EVIDENCE_CHARS);
    let end = from
        + clause
            .find(|c: char| is_clause_end(c) || c == '，')
            .unwrap_or(clause.len());
    Some(phrase(text, start, end))
}

/// Characters of a gathering's clause quoted after its count.
const GATHERING_EVIDENCE_CHARS: usize = 24;

fn keep_max(slot: &mut Option<ReachFigure>, value: f64, evidence: String) {
    if slot.as_ref().is_none_or(|f| value > f.value) {
        *slot = Some(ReachFigure { value, evidence });
    }
}

/// The text from `start` to `end` with a few characters before it, within
/// the clause, for a reason line.
fn phrase(text: &str, start: usize, end: usize) -> String {
    let lead = text[..start]
        .char_indices()
        .rev()
        .take(4)
        .take_while(|&(_, c)| !is_clause_end(c))
        .last()
        .map_or(start, |(i, _)| i);
    text[lead..end].to_string()
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '。' | ',' | ';' | '!' | '?' | '\n' | ':' | '(' | ')' | '“' | '”' | '…'
    )
}

/// Reads the figures of reach from normalized text.
pub fn read_reach(text: &str) -> Reach {
    read_reach_in(text, &find_numbers(text))
}

/// [`read_reach`] over the numbers of `text` already found by
/// [`find_numbers`], so a caller that also reads casualties scans numbers
/// once.
pub fn read_reach_in(text: &str, numbers: &[Number]) -> Reach {
    let mut out = Reach::default();
    // Which kinds of figure the text could hold at all, checked once rather
    // than around every number.
    static SPREAD: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(SPREAD_WORDS));
    static REPLY: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(REPLY_WORDS));
    let spread_words = SPREAD.any_in(text);
    let viewers = VIEWERS.iter().any(|w| text.contains(w));
    let reply_words = REPLY.any_in(text);
    let provinces = text.contains('省');
    for n in numbers {
        if n.value <= 0.0 || n.value > 1e12 {
            continue;
        }
        let before = &text[..n.start];
        // 200多名, 300余户: a digit count's 多 or 余 (a Chinese numeral's is
        // part of its number already).
        let after = text[n.end..]
            .strip_prefix(['多', '余'])
            .unwrap_or(&text[n.end..]);
        // Where `after` starts: the number's end, past its 多 or 余.
        let num_end = text.len() - after.len();
        // Years, dates and times count nothing here.
        if after.starts_with(['年', '月', '日', '时', '点', '%', '.']) || after.starts_with("分钟")
        {
            continue;
        }
        // 十余个省份, 20多个省区市, 3省: provinces reached.
        let counter = after.strip_prefix('个').unwrap_or(after);
        // 312省道 is a road, not 312 provinces: there are 34.
        if provinces
            && n.value <= 34.0
            && !counter.starts_with("省道")
            && (counter.starts_with("省份")
                || counter.starts_with("省区")
                || counter.starts_with('省'))
        {
            // A province's own name (江苏省) has no number before 省.
            let end = num_end + (after.len() - counter.len()) + '省'.len_utf8();
            keep_max(
                &mut out.provinces,
                n.value,
                phrase(text, n.start, end.min(text.len())),
            );
            continue;
        }
        // 阅读量超过800万, 播放量逾2亿: a spread word shortly before the number,
        // or 800万次播放 / 200万阅读 after it.
        let window_start = before
            .char_indices()
            .rev()
            .nth(SPREAD_GAP - 1)
            .map_or(0, |(i, _)| i);
        let near_before = &before[window_start..];
        let spread_before = SPREAD_WORDS
            .iter()
            .filter(|_| spread_words)
            .filter_map(|w| near_before.rfind(w).map(|p| (p, w)))
            .max_by_key(|&(p, w)| (p + w.len(), w.len()))
            .filter(|&(p, w)| !near_before[p + w.len()..].contains(is_clause_end));
        let unit_after = after
            .strip_prefix('次')
            .or_else(|| after.strip_prefix("人次"))
            .unwrap_or(after);
        let spread_after = SPREAD_WORDS
            .iter()
            .filter(|_| spread_words)
            .find(|w| unit_after.starts_with(**w))
            .map(|w| after.len() - unit_after.len() + w.len())
            .or_else(|| {
                // 话题已经三亿多人看了: viewers counted as people.
                VIEWERS
                    .iter()
                    .filter(|_| viewers)
                    .find(|w| after.starts_with(**w))
                    .map(|w| w.len())
            });
        // 视频已经被转了两万多次: reposts counted in times; 转了 alone is
        // as often money (给他转了3万), unless what was passed on is named
        // in the clause (视频已经转了四十多万).
        let reposts_before = spread_before
            .is_none()
            .then(|| near_before.rfind("转了"))
            .flatten()
            .filter(|&p| !near_before[p..].contains(is_clause_end))
            .filter(|&p| {
                let clause = near_before[..p]
                    .rfind(is_clause_end)
                    .map_or(&near_before[..p], |c| &near_before[c..p]);
                after.starts_with('次') || REPOSTED.iter().any(|w| clause.contains(w))
            });
        if let Some((p, w)) = spread_before.or(reposts_before.map(|p| (p, &"转了"))) {
            let start = window_start + p;
            let evidence = phrase(text, start, num_end);
            if w.starts_with('转') {
                keep_max(&mut out.reposts, n.value, evidence.clone());
            }
            keep_max(&mut out.spread, n.value, evidence);
            continue;
        }
        // 回复已有六百多条, 跟帖200余条, 四百多条回复: replies, counted in 条.
        if reply_words && let Some(unit) = after.strip_prefix('条') {
            let reply_after = REPLY_WORDS.iter().find(|w| unit.starts_with(**w));
            let reply_before = REPLY_WORDS
                .iter()
                .filter_map(|w| near_before.rfind(w).map(|p| (p, w)))
                .max_by_key(|&(p, _)| p)
                .filter(|&(p, w)| !near_before[p + w.len()..].contains(is_clause_end));
            let counted = '条'.len_utf8();
            let span = match (reply_after, reply_before) {
                (Some(w), _) => Some((n.start, num_end + counted + w.len())),
                (None, Some((p, _))) => Some((window_start + p, num_end + counted)),
                (None, None) => None,
            };
            if let Some((start, end)) = span {
                keep_max(&mut out.replies, n.value, phrase(text, start, end));
                continue;
            }
        }
        // A forum's own tally, with no 条: 三百多回复, and 回复186 or
        // 已回帖五百多 where the count ends its clause (回复2026年… is a
        // date, 回复3个问题 no tally).
        // 12345回复说已办结, 12345市民热线: the service hotlines (12xxx) are
        // numbers, not tallies nor people (a count of twelve thousand is
        // 12000余名 or 1.2万, with a unit after it).
        let hotline = {
            let digits = &text[n.start..n.end];
            digits.len() == 5
                && digits.starts_with("12")
                && digits.bytes().all(|b| b.is_ascii_digit())
        };
        let hotline_name = hotline
            && !n.approx
            && !["人", "名", "户", "位", "个", "余", "多", "万"]
                .iter()
                .any(|u| text[n.end..].starts_with(u));
        if reply_words && !hotline {
            let tally_after = REPLY_WORDS.iter().find(|w| after.starts_with(**w));
            let ends_clause = after
                .chars()
                .next()
                .is_none_or(|c| is_clause_end(c) || matches!(c, '，' | ')' | '）' | ' ' | '楼'));
            let tally_before = ends_clause
                .then(|| {
                    let bare = before.trim_end_matches([' ', ':', '：', '已', '有', '了', '数']);
                    REPLY_WORDS
                        .iter()
                        .find(|w| bare.ends_with(**w))
                        .map(|w| bare.len() - w.len())
                })
                .flatten();
            let span = match (tally_after, tally_before) {
                (Some(w), _) => Some((n.start, num_end + w.len())),
                (None, Some(p)) => Some((p, num_end)),
                (None, None) => None,
            };
            if let Some((start, end)) = span {
                keep_max(&mut out.replies, n.value, phrase(text, start, end));
                continue;
            }
        }
        if hotline_name {
            continue;
        }
        if let Some(len) = spread_after {
            keep_max(
                &mut out.spread,
                n.value,
                phrase(text, n.start, num_end + len),
            );
            continue;
        }
        // 六十多名船主来到县政府信访接待大厅: a crowd at a door, which may
        // also be people affected (read below).
        if n.value >= GATHERED
            && let Some(evidence) = gathering(text, n.start, after)
        {
            keep_max(&mut out.gathered, n.value, evidence);
        }
        // 1800余户, 五百多名业主, 数百家长, 4万名储户: a count bound to a
        // group of people.
        let rest = COUNTERS
            .iter()
            .filter(|c| after.starts_with(**c))
            .max_by_key(|c| c.len())
            .map_or(after, |c| &after[c.len()..]);
        let counter_len = after.len() - rest.len();
        let scale =
            if after.starts_with("万名") || after.starts_with("万户") || after.starts_with('万')
            {
                1e4
            } else {
                1.0
            };
        let households = after.starts_with('户') || after.starts_with("万户");
        // 数百家长: the noun may follow the number directly, 家 included.
        // 6400名高龄老人, 近千名退休职工: a word of who they are may stand
        // between the counter and the noun.
        // Two such words may stand there, a 、 between them (五百多名高龄、
        // 失能老人).
        let modified = (counter_len > 0)
            .then(|| {
                let modifier = |s: &str| {
                    GROUP_MODIFIERS
                        .iter()
                        .find(|m| s.starts_with(**m))
                        .map(|m| m.len())
                };
                let first = modifier(rest)?;
                let s = &rest[first..];
                // A second only after a 、: 新生 is a word of who they are
                // and a group itself (300多名一年级新生).
                Some(
                    match s
                        .strip_prefix('、')
                        .and_then(|t| modifier(t).map(|second| (t, second)))
                    {
                        Some((t, second)) => {
                            (&t[second..], counter_len + rest.len() - t.len() + second)
                        }
                        None => (s, counter_len + first),
                    },
                )
            })
            .flatten();
        // 500余名预约入住的企业职工, 两百多名被骗的老人: a short clause of
        // what they did, ending in 的, then (after at most two characters
        // of where they are from) the noun.
        let described = (counter_len > 0)
            .then(|| {
                let window = prefix_chars(rest, DESCRIBED_CHARS);
                let de = window.find('的')?;
                if window[..de].contains(|c: char| is_clause_end(c) || "，、".contains(c)) {
                    return None;
                }
                let tail = &rest[de + '的'.len_utf8()..];
                let skip = |n: usize| tail.char_indices().nth(n).map_or(tail.len(), |(i, _)| i);
                (0..=2)
                    .map(|n| &tail[skip(n)..])
                    .find(|t| {
                        t.chars().next().is_some_and(|c| group_heads().contains(c))
                            && GROUP_NOUNS.iter().any(|g| t.starts_with(g))
                    })
                    .map(|t| (t, counter_len + rest.len() - t.len()))
            })
            .flatten();
        let noun = [(rest, counter_len), (after, 0)]
            .into_iter()
            .chain(modified)
            .chain(described)
            .find_map(|(s, skip)| {
                if !group_heads().contains(s.chars().next()?) {
                    return None;
                }
                let head = prefix_chars(s, LONGEST_GROUP_NOUN);
                GROUP_NOUNS
                    .iter()
                    .filter(|g| head.starts_with(**g))
                    .max_by_key(|g| g.len())
                    // 30万会员费 is a fee, not three hundred thousand members.
                    .filter(|g| !s[g.len()..].starts_with('费'))
                    .map(|g| skip + g.len())
            });
        let bound = match noun {
            Some(len) => Some(len),
            // 1800余户 alone: households are people affected.
            None if households => Some(counter_len),
            // 三百来号人: 号人 is said only of a crowd of people.
            None if after.starts_with("号人") => Some("号人".len()),
            None => None,
        };
        if let Some(len) = bound {
            keep_max(
                &mut out.affected,
                n.value * scale,
                phrase(text, n.start, num_end + len),
            );
            continue;
        }
        // 接到投诉举报1126件: each complaint is somebody the matter hit.
        // Only complaints about the matter (涉及该公司的投诉, 反映室温不达标的投诉):
        // 全省共受理投诉举报35万件 is a year's statistics.
        if let Some(unit) = COMPLAINT_UNITS.iter().find(|u| after.starts_with(**u)) {
            let tail = clause_tail(before, 16);
            let lead = &before[tail..];
            if COMPLAINT_WORDS.iter().any(|w| lead.contains(w))
                && COMPLAINT_ABOUT.iter().any(|w| lead.contains(w))
            {
                keep_max(
                    &mut out.affected,
                    n.value,
                    phrase(text, tail, num_end + unit.len()),
                );
            }
            continue;
        }
        // 涉及接种者400余人, 影响居民2000余人, 储户上千名, 维权群里已经
        // 一千多人: the group noun before the number, inside its clause, with
        // 人 or 名 after it, and either a word of reach between or the noun
        // right against the number.
        // (`after` is past a count's 多 or 余 already.)
        let person = ["个人", "号人", "口人", "人", "名"]
            .into_iter()
            .find(|u| after.starts_with(u));
        if let Some(unit) = person {
            let tail = clause_tail(before, 8);
            let lead = &before[tail..];
            let heads = group_heads();
            let group = lead.char_indices().any(|(i, c)| {
                heads.contains(c) && GROUP_NOUNS.iter().any(|g| lead[i..].starts_with(g))
            });
            // 学生约1.2万人, 储户近两千人: the noun against the number but
            // for a word of approximation.
            let lead_noun = APPROXIMATELY
                .iter()
                .find_map(|w| lead.strip_suffix(w))
                .unwrap_or(lead);
            // 会员有300多人, 家长就有四百多名: the noun, then only a 有.
            let noun_had = HAVE
                .iter()
                .find_map(|w| lead_noun.strip_suffix(w))
                .unwrap_or(lead_noun);
            let adjacent = group
                && GROUP_NOUNS
                    .iter()
                    .any(|g| lead_noun.ends_with(g) || noun_had.ends_with(g));
            // 家长群现在六百多人, 会员群入面已经有六百几人: a group chat's
            // members (not 群众, a group noun of its own).
            let chat = lead
                .match_indices('群')
                .any(|(i, _)| !lead[i + '群'.len_utf8()..].starts_with('众'));
            let affects = chat
                || ["涉及", "影响", "波及", "累计", "共有", "超过", "逾"]
                    .iter()
                    .any(|w| lead.contains(w));
            // Onlookers and attendees are not people a matter hit.
            let those_who = THOSE_WHO.iter().any(|w| lead_noun.ends_with(w))
                && !["围观", "看热闹", "观看", "参观", "参加", "出席"]
                    .iter()
                    .any(|w| lead.contains(w));
            // 全国四十多万人, 全省上万人: everyone a matter reaches across a
            // country or province is a group of people without a noun.
            let scope = ["全国", "全省"].iter().any(|w| lead.contains(w));
            // 四十多万人的钱说没就没了, 两百多个人的工钱: the people whose
            // money it is.
            let owners = [
                "的钱",
                "的血汗钱",
                "的存款",
                "的积蓄",
                "的养老钱",
                "的本金",
                "的工钱",
                "的工资",
                "的押金",
                "的补偿款",
                "的养老金",
                "的分红",
            ]
            .iter()
            .any(|w| after[unit.len()..].starts_with(w));
            let not_population = !after[unit.len()..].starts_with('口');
            let speakers = SPEAKERS.iter().any(|w| lead_noun.ends_with(w));
            // 共转移3100人, 疏散约200人, 撤离了六十多人: people moved out of
            // harm's way, counted bare after the verb.
            let moved = MOVED_OUT
                .iter()
                .any(|w| lead_noun.trim_end_matches('了').ends_with(w));
            // 我们是工地的农民工，共一百四十多人: the noun ends the clause
            // before, and the count sums it up.
            let summed = SUMMED_UP.contains(&lead.trim())
                && before[..tail]
                    .strip_suffix([',', '，'])
                    .is_some_and(|prior| GROUP_NOUNS.iter().any(|g| prior.ends_with(g)));
            if not_population
                && ((group && (affects || adjacent))
                    || scope
                    || owners
                    || those_who
                    || speakers
                    || moved
                    || summed)
            {
                keep_max(
                    &mut out.affected,
                    n.value * scale,
                    phrase(text, tail, num_end + unit.len()),
                );
            }
        }
    }
    if spread_words {
        spread_in_words(text, &mut out);
    }
    out
}

/// 阅读量逾百万, 播放量已超千万: magnitudes written as words, which
/// [`find_numbers`] does not read alone (百姓, 千万不要).
/// The caller checks first that the text holds a spread word.
fn spread_in_words(text: &str, out: &mut Reach) {
    for (word, value) in [("百万", 1e6), ("千万", 1e7)] {
        for (i, _) in text.match_indices(word) {
            let before = &text[..i];
            // 500百万 is not written; a digit or 数/上 before is read elsewhere.
            if before.ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let window_start = before
                .char_indices()
                .rev()
                .nth(SPREAD_GAP - 1)
                .map_or(0, |(j, _)| j);
            let near = &before[window_start..];
            if let Some(p) = SPREAD_WORDS.iter().filter_map(|w| near.rfind(w)).min()
                && !near[p..].contains(is_clause_end)
            {
                let start = window_start + p;
                keep_max(&mut out.spread, value, phrase(text, start, i + word.len()));
            }
        }
    }
}

/// People or households affected from which a matter is more than a
/// single local complaint (III): a work gang owed its wages, a village
/// school's pupils, a building's tenants. Fifty, not thirty: over the
/// labelled sets, items whose only sign of reach was 30–49 people were IV
/// 36 times and III 23; at 50–99 III 23 times and IV 15.
pub const DOZENS_AFFECTED: f64 = 50.0;

/// People a disaster with no casualty figure must reach for II: a town's
/// worth (1.5万户停气, 4万居民停水), not the few hundred moved out of
/// several villages, which is III.
pub const DISASTER_AFFECTED_II: f64 = 1e4;

/// The level the figures of reach support (JUDGEMENT.md): hundreds of
/// people or households, reads in the hundreds of thousands, or two or more
/// provinces are II; hundreds of thousands of people, reads in the hundreds
/// of millions, or ten or more provinces are I; tens of thousands of reads
/// or [`DOZENS_AFFECTED`] people are III. Pushes one reason per figure
/// that counts.
///
/// For a `disaster` (an emergency with no casualty figure) the people
/// affected weigh less: a forest fire that moved several villages' people
/// out, or a district-wide typhoon response, is III (JUDGEMENT.md); only
/// [`DISASTER_AFFECTED_II`] or more people cut off from water, power or
/// home lift it to II, and casualties, not reach, make a disaster I.
pub fn level_from_reach(r: &Reach, disaster: bool, reasons: &mut Vec<String>) -> Option<Severity> {
    let mut best: Option<Severity> = None;
    let mut consider = |level: Option<Severity>, what: String| {
        if let Some(level) = level {
            reasons.push(format!("{what} → {level}"));
            best = best.max(Some(level));
        }
    };
    if let Some(f) = &r.affected {
        // 预计转移群众约1.2万人: people moved out of harm's way are the
        // response, which alone is III however many.
        let moved = MOVED_OUT.iter().any(|w| f.evidence.contains(w));
        // 两个村几百口人: the heads of a place a disaster cut off are its
        // population, not people it harmed (two cut-off villages are IV).
        let heads = f.evidence.contains("口人");
        let level = if disaster && heads {
            None
        } else if disaster {
            if f.value >= DISASTER_AFFECTED_II && !moved {
                Some(Severity::II)
            } else if f.value >= DOZENS_AFFECTED {
                Some(Severity::III)
            } else {
                None
            }
        } else if f.value >= 1e5 {
            Some(Severity::I)
        } else if f.value >= 100.0 {
            Some(Severity::II)
        } else if f.value >= DOZENS_AFFECTED {
            Some(Severity::III)
        } else {
            None
        };
        let what = if disaster {
            format!("affected by a disaster: {}", f.evidence)
        } else {
            format!("affected: {}", f.evidence)
        };
        consider(level, what);
    }
    if let Some(f) = &r.spread {
        let level = if f.value >= 1e8 {
            Some(Severity::I)
        } else if f.value >= 1e5 {
            Some(Severity::II)
        } else if f.value >= SPREAD_III {
            Some(Severity::III)
        } else {
            None
        };
        consider(level, format!("spread: {}", f.evidence));
    }
    if let Some(f) = &r.reposts
        && f.value >= MANY_REPOSTS
        // Unless the reads already say III or more: one reason is enough.
        && r.spread.as_ref().is_none_or(|s| s.value < SPREAD_III)
    {
        consider(Some(Severity::III), format!("reposts: {}", f.evidence));
    }
    if let Some(f) = &r.replies {
        let level = if f.value >= REPLIES_II {
            Some(Severity::II)
        } else if f.value >= MANY_REPLIES {
            Some(Severity::III)
        } else {
            None
        };
        consider(level, format!("replies: {}", f.evidence));
    }
    if let Some(f) = &r.gathered {
        consider(Some(Severity::II), format!("gathered: {}", f.evidence));
    }
    if let Some(f) = &r.provinces {
        let level = if f.value >= 10.0 {
            Some(Severity::I)
        } else if f.value >= 2.0 {
            Some(Severity::II)
        } else {
            None
        };
        consider(level, format!("provinces: {}", f.evidence));
    }
    best
}

/// Characters that open the name of a government body at county level or
/// above (鹿鸣县民政局, 市发改委, 省卫生健康委); a township's (镇, 乡) or a
/// village's are not on the list: their matters are local.
const BODY_LEVELS: &[char] = &['县', '市', '区', '省', '州', '旗'];

/// How a body's name ends (局, 委, 厅, 政府, 办 and 监委 through 委).
const BODY_ENDS: &[&str] = &["局", "委", "厅", "政府", "办", "检察院", "法院"];

/// Endings that are no body's: a matter passed on (市长信箱转办, 督办) and
/// a school's kind (一所民办, 公办). 办 before 理 is 办理 (转我县限期办理).
const NOT_BODY_ENDS: &[&str] = &[
    "转办",
    "交办",
    "督办",
    "承办",
    "民办",
    "公办",
    "来信办",
    "信箱办",
];

/// Characters never inside a body's name: they mark a sentence, not a name
/// (市里已经下了督办 is not a body).
const NOT_IN_NAME: &[char] = &[
    '了', '的', '在', '已', '里', '说', '是', '和', '与', '把', '被', '向', '给', '也', '都', '就',
    '还', '要', '让', '对', '从', '去', '找', '打', '问', '我', '你', '他', '们', '这', '那',
];

/// What a body does on record: it speaks, investigates or acts.
const BODY_ACTS: &[&str] = &[
    "通报",
    "说明",
    "澄清",
    "回应",
    "表示",
    "发布",
    "答复",
    "回复",
    "调查",
    "核查",
    "核实",
    "责令",
    "停职",
    "免职",
    "立案",
    "成立",
    "介入",
    "部署",
    "督办",
    "交办",
    "批示",
    "要求",
    "辟谣",
    "查获",
    "查封",
    "召回",
    "约谈",
    "公布",
    "解读",
    "称",
    "暂停",
    "安排",
    "组织",
    "评估",
    "处置",
    "排查",
    "整改",
    "启动",
    "不实",
    "误读",
    "谣言",
    "不属实",
    "发现",
    "查处",
    "抽检",
    "处罚",
    "下架",
];

/// What follows a body that makes it a channel forwarding a matter, not a
/// body on record about it: a city's inspection team or hotline alone does
/// not lift a single street's matter (JUDGEMENT.md, directives).
const CHANNEL_AFTER: &[&str] = &[
    "巡察",
    "第一巡察",
    "第二巡察",
    "第三巡察",
    "第四巡察",
    "第五巡察",
    "热线",
    "信箱",
];

/// Words before a body that make it the one told to act.
const OBJECT_MARKERS: &[&str] = &[
    "要求", "责成", "责令", "请", "督促", "转交", "转办", "交由", "由", "给", "向", "到", "约谈",
    "将",
];

/// Longest body name, in characters after its level character.
const BODY_NAME_CHARS: usize = 8;

/// A sentence where a government body of county level or above is on
/// record about the matter (县医保局澄清, 市住建局：网传…不实, 县委书记作出
/// 批示): the matter is at least county- or city-wide (JUDGEMENT.md, III).
/// Returns the body's name.
pub fn official_on_record(text: &str) -> Option<String> {
    // Most texts name no body at all: one pass for the level characters
    // and the name endings before looking at sentences.
    static ENDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(BODY_ENDS));
    if !text.contains(BODY_LEVELS) || !ENDS.any_in(text) {
        return None;
    }
    static NOT_IN_NAME_SET: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    let not_in_name =
        NOT_IN_NAME_SET.get_or_init(|| CharSet::of_chars(NOT_IN_NAME.iter().copied()));
    // The last characters of the endings: a name can end only at one.
    static END_CHARS: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    let end_chars = END_CHARS
        .get_or_init(|| CharSet::of_chars(BODY_ENDS.iter().filter_map(|e| e.chars().last())));
    for sentence in text.split(['。', '!', '?', '\n', ';']) {
        for (i, c) in sentence.char_indices() {
            if !BODY_LEVELS.contains(&c) {
                continue;
            }
            let rest = &sentence[i + c.len_utf8()..];
            let mut end = None;
            for (j, d) in rest.char_indices().take(BODY_NAME_CHARS) {
                if !crate::text::is_han(d) || not_in_name.contains(d) {
                    break;
                }
                if !end_chars.contains(d) {
                    continue;
                }
                let tail = &rest[..j + d.len_utf8()];
                if BODY_ENDS.iter().any(|e| tail.ends_with(e))
                    && !rest[j + d.len_utf8()..].starts_with('理')
                    && !NOT_BODY_ENDS.iter().any(|e| tail.ends_with(e))
                {
                    end = Some(j + d.len_utf8());
                    break;
                }
            }
            let Some(end) = end else {
                continue;
            };
            // The body told to act (要求区住建局答复, 责成市政府彻查) is not on
            // record itself: the one telling it is.
            let lead = &sentence[..i];
            if OBJECT_MARKERS.iter().any(|m| lead.ends_with(m)) {
                continue;
            }
            let name = &sentence[i..i + c.len_utf8() + end];
            // The act must be outside the name (县纪委监委 is not an act).
            let after = &sentence[i + c.len_utf8() + end..];
            if CHANNEL_AFTER.iter().any(|w| after.starts_with(w)) {
                continue;
            }
            if BODY_ACTS.iter().any(|a| after.contains(a)) {
                return Some(name.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(text: &str) -> Option<Severity> {
        level_from_reach(&read_reach(text), false, &mut Vec::new())
    }

    #[test]
    fn a_disaster_lifts_to_ii_by_people_cut_off_not_people_moved_out() {
        let disaster = |t: &str| level_from_reach(&read_reach(t), true, &mut Vec::new());
        assert_eq!(disaster("全区4万居民停水"), Some(Severity::II));
        assert_eq!(disaster("预计转移群众约1.2万人"), Some(Severity::III));
        // The heads of a cut-off place are its population (two cut-off
        // villages are IV); the same count hurt by a matter is II.
        assert_eq!(disaster("两个村几百口人，电也停了"), None);
        assert_eq!(
            level("下游四个村两千多口人吃水都成问题"),
            Some(Severity::II)
        );
        assert_eq!(disaster("紧急转移群众300余人"), Some(Severity::III));
        // Counted bare after the verb.
        assert_eq!(
            disaster("已组织圩内群众转移，共转移3100人"),
            Some(Severity::III)
        );
        assert_eq!(disaster("消防紧急疏散约200人"), Some(Severity::III));
        // Goods moved, then a count of the people on duty: no one moved.
        assert_eq!(disaster("仓库物资已转移，现场有30人值守"), None);
    }

    #[test]
    fn counts_bound_to_groups_of_people() {
        assert_eq!(level("北苑小区1800余户居民室温不达标"), Some(Severity::II));
        assert_eq!(level("三百余名村民联名信访"), Some(Severity::II));
        assert_eq!(level("数百家长到园抗议"), Some(Severity::II));
        assert_eq!(level("涉及接种者400余人"), Some(Severity::II));
        // Drivers as platforms and companies count them.
        assert_eq!(level("冻结提现，涉及驾驶员三百多名"), Some(Severity::II));
        assert_eq!(level("两百多名出租车司机到交通局反映"), Some(Severity::II));
        assert_eq!(level("数十万储户存款无法支取"), Some(Severity::I));
        assert_eq!(level("逾二十万购房者交楼无期"), Some(Severity::I));
        assert_eq!(level("村里二十几个娃都一样"), None);
        assert_eq!(level("厂门口围了两百多号工人"), Some(Severity::II));
        // Fifty and more people are more than one complaint: III. Thirty or
        // forty are still one place's matter (labelled sets: IV 36, III 23).
        assert_eq!(level("我们五十多名农民工的工钱"), Some(Severity::III));
        assert_eq!(level("六十余户村民反映"), Some(Severity::III));
        assert_eq!(level("我们四十多名农民工的工钱"), None);
        assert_eq!(level("三十余户村民反映"), None);
        // Working people a matter hits as a body.
        assert_eq!(level("拖欠312名骑手两个月的报酬"), Some(Severity::II));
        assert_eq!(level("五十多个司机把车停在站外"), Some(Severity::III));
        // As workers count themselves, and drivers by what they drive.
        assert_eq!(level("我们八十几个兄弟的工钱"), Some(Severity::III));
        assert_eq!(level("两百多个摊主怎么活"), Some(Severity::II));
        assert_eq!(level("县城九十多个出租车司机"), Some(Severity::III));
        // Veterans and retired cadres, with who they are between.
        assert_eq!(
            level("300余名参战参试退役人员生活补助未足额发放"),
            Some(Severity::II)
        );
        assert_eq!(level("161名待岗退役士兵"), Some(Severity::II));
        assert_eq!(level("全所六百多位老干部"), Some(Severity::II));
        assert_eq!(level("消防人员1200余人开展扑救"), None);
        assert_eq!(level("项目总投资5000万元"), None);
        assert_eq!(level("2026年3月共有12人"), None);
        // A word of who they are between the counter and the noun.
        assert_eq!(
            level("全县约6400名高龄老人津贴未按时发放"),
            Some(Severity::II)
        );
        assert_eq!(level("近千名退休职工仍未收到养老金"), Some(Severity::II));
        assert_eq!(level("三百余户受灾群众还住在帐篷里"), Some(Severity::II));
        // The group named before its count.
        assert_eq!(level("取不出钱的储户上千名"), Some(Severity::II));
        assert_eq!(level("储户群里已经一千多人了"), Some(Severity::II));
        assert_eq!(level("会员群里一问 三百多个人都交了钱"), Some(Severity::II));
        assert_eq!(level("全国三十多万投资人"), Some(Severity::I));
        assert_eq!(level("村民们说 两个人去了"), None);
        // A country's or province's worth of people, and the people whose
        // money it is, need no group noun; a population does not count.
        assert_eq!(level("全国四十多万人 钱到底能追回多少"), Some(Severity::I));
        assert_eq!(level("四十多万人的钱说没就没了"), Some(Severity::I));
        assert_eq!(level("一百五十多个人的工钱拖到现在"), Some(Severity::II));
        assert_eq!(level("全县30万人口 只有一家医院"), None);
        assert_eq!(level("200多名随迁子女被调剂到15公里外"), Some(Severity::II));
        assert_eq!(level("受害借款人逾三千人"), Some(Severity::II));
        // A word of approximation between the noun and its count; students
        // named by their stay; children as parents count them.
        assert_eq!(level("涉及学校27所、学生约1.2万人"), Some(Severity::II));
        // Who they are by how or where they study, between counter and noun.
        assert_eq!(
            level("拖欠213名实习学生报酬共计208万元"),
            Some(Severity::II)
        );
        assert_eq!(
            level("该校1500余名走读学生每天要换乘两趟公交"),
            Some(Severity::II)
        );
        assert_eq!(level("全校八千多名住校生"), Some(Severity::II));
        // Two words of who they are, a 、 between; pupils by their year;
        // the holders of a closed shop's cards.
        assert_eq!(
            level("五百多名高龄、失能老人联名写信求助"),
            Some(Severity::II)
        );
        assert_eq!(level("300多名一年级新生未能入学"), Some(Severity::II));
        assert_eq!(level("登记储值卡持卡人1046人"), Some(Severity::II));
        // A fee named after the group is money, not people.
        assert_eq!(level("入住时一次性交了20万会员费"), None);
        // Travellers by where they are going.
        assert_eq!(
            level("目前约五千余名返程旅客滞留在服务区"),
            Some(Severity::II)
        );
        assert_eq!(level("同一个小区被分走的有两百多个娃"), Some(Severity::II));
        // Complaints about the matter count their people; a hotline's
        // whole workload does not.
        assert_eq!(
            level("共接到涉及该公司的投诉举报1126件"),
            Some(Severity::II)
        );
        assert_eq!(level("全市12345热线共受理工单3.6万件"), None);
        // A hotline's number is not its callers.
        assert_eq!(level("已有12345市民来电反映停水"), None);
        assert_eq!(level("共有12300余名考生参加"), Some(Severity::II));
        // People counted by what they did, a chat group's members, a
        // whole place in 口人, a count hedged with 少说.
        assert_eq!(level("听说在那打过的有三百多人"), Some(Severity::II));
        // The group noun, a 有, the count.
        assert_eq!(level("办了年卡的会员有300多人"), Some(Severity::II));
        assert_eq!(level("交了学费的家长就有四百多名"), Some(Severity::II));
        // Who they are by what they did, in a short clause before 的.
        assert_eq!(
            level("向300余名报了名的企业职工收取定金"),
            Some(Severity::II)
        );
        assert_eq!(level("两百多名上过当的老人"), Some(Severity::II));
        assert_eq!(level("三百多名来开会的代表"), None);
        // The group named, then its count summed up after a comma (texts
        // arrive normalized: ，is ,).
        assert_eq!(
            level("我们是项目部的农民工,共一百二十多人"),
            Some(Severity::II)
        );
        assert_eq!(level("工程还没完工,共三百多万"), None);
        assert_eq!(level("数千名申请人排队等待"), Some(Severity::II));
        assert_eq!(level("现场有两百多人"), None);
        assert_eq!(level("家长群现在六百多人"), Some(Severity::II));
        assert_eq!(level("整个镇五千多口人靠买桶装水"), Some(Severity::II));
        assert_eq!(level("外卖骑手、工厂工人少说上千人"), Some(Severity::II));
        assert_eq!(level("整个专业八百多人去电子厂"), Some(Severity::II));
        assert_eq!(level("受骗储户多达两千人"), Some(Severity::II));
        assert_eq!(level("我们六十多个人的工钱什么时候给"), Some(Severity::III));
        assert_eq!(level("我们班组58个人 工钱一分没结"), Some(Severity::III));
        assert_eq!(level("现场围观的有三百多人"), None);
        assert_eq!(level("有群众称现场有两百多人"), None);
        assert_eq!(level("全省共受理投诉举报35万件"), None);
        assert_eq!(level("300余名退休人员的养老金"), Some(Severity::II));
        // Border residents; who they are by where they live.
        assert_eq!(
            level("合作社拖欠分红，涉及边民八百余名"),
            Some(Severity::II)
        );
        assert_eq!(level("拖欠三百多名乡村教师的补助"), Some(Severity::II));
        // Who they are by their trade or employer; a service's users.
        assert_eq!(level("三百余家餐饮商户反映佣金上调"), Some(Severity::II));
        assert_eq!(level("两百余名外卖骑手集中反映诉求"), Some(Severity::II));
        assert_eq!(level("一千八百余名居家养老服务对象"), Some(Severity::II));
        assert!(
            GROUP_NOUNS
                .iter()
                .all(|g| g.chars().count() <= LONGEST_GROUP_NOUN)
        );
    }

    #[test]
    fn spread_figures() {
        assert_eq!(level("相关帖子阅读量已超过800万"), Some(Severity::II));
        assert_eq!(level("话题阅读量逾2亿"), Some(Severity::I));
        assert_eq!(level("视频播放量已经超过200万了"), Some(Severity::II));
        assert_eq!(level("视频获得3万次播放"), Some(Severity::III));
        assert_eq!(level("话题已经三亿多人看了"), Some(Severity::I));
        assert_eq!(level("这条视频两万多人看过"), Some(Severity::III));
        assert_eq!(level("阅读量才300"), None);
        assert_eq!(level("相关话题阅读量逾百万"), Some(Severity::II));
        assert_eq!(level("千万不要相信"), None);
        // Reposts counted in times; a transfer of money is not spread.
        assert_eq!(level("这视频已经转了一万多次了"), Some(Severity::III));
        assert_eq!(level("视频已经被转了两万多次"), Some(Severity::III));
        assert_eq!(level("我给他转了3万块钱"), None);
        assert_eq!(
            level("视频已经转了四十多万，评论区全在骂"),
            Some(Severity::II)
        );
        assert_eq!(level("他把钱转了四十多万给对方"), None);
        assert_eq!(level("已经转了五六个群了"), None);
        // A thousand reposts are a county's or a city's spread.
        assert_eq!(level("这条已转发2000余次"), Some(Severity::III));
        assert_eq!(level("转发不到三百次"), None);
    }

    #[test]
    fn replies_to_a_thread() {
        assert_eq!(level("本帖回复三百多条，好多人也在问"), Some(Severity::III));
        assert_eq!(level("帖子跟帖200余条"), Some(Severity::III));
        assert_eq!(level("底下四百多条回复都在骂"), Some(Severity::III));
        assert_eq!(level("评论超过3万条"), Some(Severity::II));
        assert_eq!(level("回复了十几条"), None);
        // A forum's own tally, with no 条.
        assert_eq!(level("学校说等验收。(回复186)"), Some(Severity::III));
        assert_eq!(level("这帖子一天三百多回复"), Some(Severity::III));
        assert_eq!(level("已回帖五百多"), Some(Severity::III));
        assert_eq!(level("三天后收到12345回复说已办结"), None);
        assert_eq!(level("回复2026年5月的来信"), None);
        // Not replies: a count of rules or of messages to a channel.
        assert_eq!(level("评论区说了三条意见"), None);
        assert_eq!(level("全年受理网民留言3000条"), None);
    }

    #[test]
    fn provinces_reached() {
        assert_eq!(level("已流入十余个省份的基层接种点"), Some(Severity::I));
        assert_eq!(level("涉及3个省份"), Some(Severity::II));
        assert_eq!(level("江苏省南通市"), None);
        assert_eq!(level("瑞溪县312省道溪口段"), None);
    }

    #[test]
    fn a_crowd_at_a_governments_door_is_a_gathering() {
        for text in [
            "六十多名采砂船船主来到县政府信访接待大厅，反映回购款拖欠问题。",
            "今天上午二十多位被取消五保的老人到县信访局门口，要讨个说法。",
            "北岗镇好几百人到区政府门口，拉着“反对焚烧厂建在家门口”的横幅。",
            // Any door, with an act of protest.
            "养老院门口摆着花圈，几十个家属堵着门要看监控。",
            "建工公司门口，四十多个工人举着“还我血汗钱”的牌子。",
            // Waiting at a site's or a headquarters' door to be heard.
            "我们九十多个人明早去项目指挥部门口等，看谁出来说话。",
            "四十多个工人在工地门口守了三天，包工头还是不见人。",
            // A family mourning at a hospital, staff waiting for wages there.
            "县医院门口围了好几十号人，拉着白布要说法。",
            "门诊大厅摆满了花圈，三十几个家属披麻戴孝跪在地上。",
            "八十多个护工坐在行政楼下，四个月没发工资了，要讨说法。",
            // A sit-in at an office's door.
            "六十多个工人今天在镇政府门口坐了一上午。",
            "学费说涨就涨，今天行政楼前站了好几百人。",
        ] {
            assert_eq!(level(text), Some(Severity::II), "{text}");
        }
        for text in [
            // Too few to be a crowd.
            "十几个村民到镇政府门口讨说法。",
            // Visitors, staff and a payout are no crowd.
            "每天有三十多名市民来到县政府政务服务大厅办事。",
            "三十多名干部来到县信访局门口值守。",
            "63名农民工在项目部排队领到了被拖欠的工资。",
            // Not at a door: a count and a door in different sentences.
            "三十多名工人被欠薪。他们说要去县政府讨说法。",
            // Parents waiting at a school's gate are no protest.
            "放学时三十多个家长站在学校门口等孩子。",
        ] {
            assert_eq!(read_reach(text).gathered, None, "{text}");
        }
    }

    #[test]
    fn bodies_on_record() {
        let body = |t: &str| official_on_record(t);
        assert_eq!(
            body("县医保局澄清:个人账户年底清零系误读").as_deref(),
            Some("县医保局")
        );
        assert_eq!(
            body("鹿鸣县民政局关于说法的情况说明").as_deref(),
            Some("县民政局")
        );
        assert_eq!(
            body("经县纪委监委初步核查,已立案").as_deref(),
            Some("县纪委")
        );
        assert_eq!(body("12345转办:要求区住建局三个工作日内答复"), None);
        assert_eq!(body("县委书记作出批示").as_deref(), Some("县委"));
        assert_eq!(body("我们去区里问,每次都说在走程序"), None);
        assert_eq!(body("送到县医院急诊,值班人员说先交押金"), None);
        assert_eq!(body("镇政府回应称正在处理"), None);
        // A matter passed on or taken in hand, and a school's kind, are no
        // bodies: 市长信箱转办, 转我县限期办理, 一家民办幼儿园.
        assert_eq!(body("市长信箱转办,要求10个工作日内答复"), None);
        assert_eq!(body("已转我县限期办理,要求核实后答复"), None);
        assert_eq!(body("县城一家民办幼儿园被曝克扣伙食费,家长要求说明"), None);
        assert_eq!(
            body("区征收办回应:补偿标准未下调").as_deref(),
            Some("区征收办")
        );
    }

    #[test]
    fn reasons_quote_the_text() {
        let mut reasons = Vec::new();
        level_from_reach(
            &read_reach("东城区1200余户业主联名投诉"),
            false,
            &mut reasons,
        );
        assert_eq!(reasons, vec!["affected: 东城区1200余户业主 → II"]);
    }
}
