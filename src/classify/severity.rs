//! The severity guess (分级): casualty and loss figures read from the text
//! and scored on the production-safety accident scale (《生产安全事故报告和
//! 调查处理条例》), severity trigger words, and the signals the daemon
//! supplies (source authority, spread). Every step leaves a reason.

use serde::{Deserialize, Serialize};

use super::types::Severity;
use std::sync::LazyLock;

use crate::text::{CharSet, Number, Phrases, find_numbers};

/// What a casualty word counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyKind {
    /// 死亡, 遇难, 身亡…
    Dead,
    /// 失联, 失踪 (counted with the dead, as the regulation's 死亡（含失踪）).
    Missing,
    /// 受伤, 重伤, 伤亡 (injured or unspecified casualties).
    Injured,
    /// 中毒, 送医, 住院… (taken ill: food poisoning, gas, outbreaks).
    Sickened,
}

/// One figure read from the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What is counted.
    pub kind: CasualtyKind,
    /// The count (lower bound for 余/多 forms).
    pub count: f64,
    /// The phrase it was read from, for the reason (e.g. 造成3人死亡).
    pub evidence: String,
}

/// Casualties and losses read from a text: the largest figure of each kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Casualties {
    /// Largest figure per kind.
    pub figures: Vec<Figure>,
    /// Direct economic loss in yuan, with its phrase.
    pub loss_yuan: Option<(f64, String)>,
    /// Earthquake magnitude, with its phrase (4.6级地震, 里氏7.0级).
    pub magnitude: Option<(f64, String)>,
}

impl Casualties {
    /// The largest count of `kind`, 0 when none was read.
    pub fn count(&self, kind: CasualtyKind) -> f64 {
        self.figures
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.count)
            .fold(0.0, f64::max)
    }

    fn evidence(&self, kind: CasualtyKind) -> Option<&str> {
        self.figures
            .iter()
            .find(|f| f.kind == kind)
            .map(|f| f.evidence.as_str())
    }

    /// True when no figure was read.
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty() && self.loss_yuan.is_none() && self.magnitude.is_none()
    }

    fn record(&mut self, kind: CasualtyKind, count: f64, evidence: &str) {
        if let Some(f) = self.figures.iter_mut().find(|f| f.kind == kind) {
            if count > f.count {
                f.count = count;
                f.evidence = evidence.to_string();
            }
        } else {
            self.figures.push(Figure {
                kind,
                count,
                evidence: evidence.to_string(),
            });
        }
    }
}

/// Casualty words, longest first so 不治身亡 wins over 身亡.
const CASUALTY_WORDS: &[(&str, CasualtyKind)] = &[
    ("不治身亡", CasualtyKind::Dead),
    ("遇难者", CasualtyKind::Dead),
    ("死亡", CasualtyKind::Dead),
    ("遇难", CasualtyKind::Dead),
    ("身亡", CasualtyKind::Dead),
    ("罹难", CasualtyKind::Dead),
    ("丧生", CasualtyKind::Dead),
    ("殒命", CasualtyKind::Dead),
    ("丧命", CasualtyKind::Dead),
    ("死者", CasualtyKind::Dead),
    ("溺亡", CasualtyKind::Dead),
    ("遇害", CasualtyKind::Dead),
    ("牺牲", CasualtyKind::Dead),
    ("无生命体征", CasualtyKind::Dead),
    ("没有生命体征", CasualtyKind::Dead),
    ("失联", CasualtyKind::Missing),
    ("失踪", CasualtyKind::Missing),
    ("失去联系", CasualtyKind::Missing),
    ("伤亡", CasualtyKind::Injured),
    ("重伤", CasualtyKind::Injured),
    ("受伤", CasualtyKind::Injured),
    ("伤者", CasualtyKind::Injured),
    ("轻伤", CasualtyKind::Injured),
    ("烧伤", CasualtyKind::Injured),
    ("负伤", CasualtyKind::Injured),
    // 3名工人清理污水池时中毒身亡: poisoned and dead is dead.
    ("中毒身亡", CasualtyKind::Dead),
    ("中毒死亡", CasualtyKind::Dead),
    ("中毒", CasualtyKind::Sickened),
    // 12名工人不同程度吸入氯气, 3名工人相继晕倒: gassed or overcome is hurt
    // (and a death the sentence goes on to tell is read after it).
    ("吸入", CasualtyKind::Sickened),
    ("晕倒", CasualtyKind::Sickened),
    ("头晕", CasualtyKind::Sickened),
    ("送医", CasualtyKind::Sickened),
    ("就医", CasualtyKind::Sickened),
    ("住院", CasualtyKind::Sickened),
    ("入院", CasualtyKind::Sickened),
    ("就诊", CasualtyKind::Sickened),
    ("感染", CasualtyKind::Sickened),
    ("呕吐", CasualtyKind::Sickened),
    ("腹泻", CasualtyKind::Sickened),
    ("不适", CasualtyKind::Sickened),
    ("症状", CasualtyKind::Sickened),
    ("送院", CasualtyKind::Sickened),
    ("留观", CasualtyKind::Sickened),
    ("发病", CasualtyKind::Sickened),
    // 四十多个娃发烧回家: a fever cluster counts its sick.
    ("发烧", CasualtyKind::Sickened),
    ("高烧", CasualtyKind::Sickened),
    ("发热", CasualtyKind::Sickened),
    // Told plainly: 十几位老人拉肚子被送进医院, 一百多个孩子被收治.
    ("拉肚子", CasualtyKind::Sickened),
    ("送进医院", CasualtyKind::Sickened),
    ("送到医院", CasualtyKind::Sickened),
    ("送往医院", CasualtyKind::Sickened),
    ("收治", CasualtyKind::Sickened),
    // Told by witnesses: 二十几个去医院了, 十几个人被抬上救护车, 十几个孩子
    // 在挂水, 有三个没救过来, 四口人到现在没找到.
    ("去医院", CasualtyKind::Sickened),
    ("进医院", CasualtyKind::Sickened),
    // 一百多个娃进了医院, 十几个人被拉到医院: the same, told with 了 or a verb.
    ("进了医院", CasualtyKind::Sickened),
    ("送进了医院", CasualtyKind::Sickened),
    ("送到了医院", CasualtyKind::Sickened),
    ("送去医院", CasualtyKind::Sickened),
    ("拉到医院", CasualtyKind::Sickened),
    ("拉去医院", CasualtyKind::Sickened),
    ("抬进医院", CasualtyKind::Sickened),
    ("挂水", CasualtyKind::Sickened),
    ("打吊瓶", CasualtyKind::Sickened),
    ("上救护车", CasualtyKind::Injured),
    ("没救过来", CasualtyKind::Dead),
    ("没救回来", CasualtyKind::Dead),
    // Pulled from the water too late (车上3个人都没救上来).
    ("没救上来", CasualtyKind::Dead),
    ("没抢救过来", CasualtyKind::Dead),
    ("没醒过来", CasualtyKind::Dead),
    ("没醒来", CasualtyKind::Dead),
    ("死了", CasualtyKind::Dead),
    ("淹死", CasualtyKind::Dead),
    ("烧死", CasualtyKind::Dead),
    ("压死", CasualtyKind::Dead),
    ("砸死", CasualtyKind::Dead),
    ("撞死", CasualtyKind::Dead),
    ("没找到", CasualtyKind::Missing),
    ("下落不明", CasualtyKind::Missing),
    ("没上来", CasualtyKind::Missing),
    ("伤了", CasualtyKind::Injured),
    ("接诊", CasualtyKind::Sickened),
    // Trapped and not heard from: 还有4个人没跑出来, 5个人联系不上 (冇 in
    // the south).
    ("联系不上", CasualtyKind::Missing),
    ("没跑出来", CasualtyKind::Missing),
    ("冇跑出来", CasualtyKind::Missing),
    ("没逃出来", CasualtyKind::Missing),
    ("冇上来", CasualtyKind::Missing),
    ("冇找到", CasualtyKind::Missing),
    ("冇救过来", CasualtyKind::Dead),
    // Hurt by what happened to them: 7个人被砸伤, 3名工人被烫伤.
    ("砸伤", CasualtyKind::Injured),
    ("压伤", CasualtyKind::Injured),
    ("撞伤", CasualtyKind::Injured),
    ("摔伤", CasualtyKind::Injured),
    ("炸伤", CasualtyKind::Injured),
    ("烫伤", CasualtyKind::Injured),
    ("灼伤", CasualtyKind::Injured),
    ("咬伤", CasualtyKind::Injured),
    ("刺伤", CasualtyKind::Injured),
    ("砍伤", CasualtyKind::Injured),
    ("冻伤", CasualtyKind::Injured),
    // Unconscious after gas or smoke: 十几个工友叫不醒, 3人昏迷.
    ("昏迷", CasualtyKind::Injured),
    ("叫不醒", CasualtyKind::Injured),
    // Swept away and not found: 5人被洪水冲走, 两人被卷走.
    ("冲走", CasualtyKind::Missing),
    ("卷走", CasualtyKind::Missing),
    // 12个娃娃确诊了: cases of an outbreak.
    ("确诊", CasualtyKind::Sickened),
    // 累计报告病例23例: an outbreak's cases.
    ("病例", CasualtyKind::Sickened),
    // 留院观察人员增至19人: kept in hospital.
    ("留院观察", CasualtyKind::Sickened),
    ("住院观察", CasualtyKind::Sickened),
];

/// Casualty words read only right before their count (当场就没了五个, 伤了
/// 二十多个): after a count, 没了 can mean a job or money lost.
const WORDS_BEFORE_COUNT: &[(&str, CasualtyKind)] = &[
    ("没了", CasualtyKind::Dead),
    ("死了", CasualtyKind::Dead),
    ("伤了", CasualtyKind::Injured),
    // 井下冒顶，困了十几个人: trapped, counted with the missing.
    ("困了", CasualtyKind::Missing),
    ("困住了", CasualtyKind::Missing),
    // 滑坡埋了十几个人: buried, counted with the missing.
    ("埋了", CasualtyKind::Missing),
    ("埋住了", CasualtyKind::Missing),
];

/// Units of time a bare 个 may count (七八个小时, 三个月, 三个晚上).
const SPANS_OF_TIME: &[&str] = &[
    "小时",
    "钟头",
    "月",
    "星期",
    "礼拜",
    "多小时",
    "多月",
    "半小时",
    "晚上",
    "上午",
    "下午",
    "白天",
    "通宵",
    "夜晚",
    "半天",
    "多钟头",
    "多星期",
    "多礼拜",
];

/// The stretch around number `n` up to the nearest `is_end` character on
/// each side, searched at most `limit` characters each way (so text without
/// such characters costs linear time): byte offsets of its start and end.
fn bounds(text: &str, n: &Number, limit: usize, is_end: impl Fn(char) -> bool) -> (usize, usize) {
    let before = &text[..n.start];
    let start = before
        .char_indices()
        .rev()
        .take(limit)
        .find(|&(_, c)| is_end(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or_else(|| {
            before
                .char_indices()
                .rev()
                .nth(limit - 1)
                .map_or(0, |(i, _)| i)
        });
    let after = &text[n.end..];
    let end = after
        .char_indices()
        .take(limit)
        .find(|&(_, c)| is_end(c))
        .map(|(i, _)| n.end + i)
        .unwrap_or_else(|| n.end + prefix_chars(after, limit).len());
    (start, end)
}

/// Phrases saying every one of the people counted just before died, or is
/// missing: 三个小娃下去洗澡，一个都没上来; 六个工友，一个都没活下来; 抬出来
/// 七八个，都没气了; 船上八个人，到现在一个都没找到.
const NONE_SURVIVED: &[(&str, CasualtyKind)] = &[
    ("一个都没上来", CasualtyKind::Dead),
    ("一个也没上来", CasualtyKind::Dead),
    ("一个都没醒过来", CasualtyKind::Dead),
    ("一个都没醒", CasualtyKind::Dead),
    ("一个都没活下来", CasualtyKind::Dead),
    ("一个也没活下来", CasualtyKind::Dead),
    ("一个都没救过来", CasualtyKind::Dead),
    ("一个都没救回来", CasualtyKind::Dead),
    ("一个都没出来", CasualtyKind::Dead),
    ("一个也没出来", CasualtyKind::Dead),
    ("都没气了", CasualtyKind::Dead),
    ("全都没了", CasualtyKind::Dead),
    ("都没救过来", CasualtyKind::Dead),
    ("都没救上来", CasualtyKind::Dead),
    ("一个都没救上来", CasualtyKind::Dead),
    ("都没抢救过来", CasualtyKind::Dead),
    ("全都没救过来", CasualtyKind::Dead),
    ("一个都没找到", CasualtyKind::Missing),
    ("一个也没找到", CasualtyKind::Missing),
    ("一个都没找着", CasualtyKind::Missing),
];

/// Characters searched back from a [`NONE_SURVIVED`] phrase for its count.
const NONE_SURVIVED_REACH: usize = 40;

/// 11条人命, 四条小命: lives counted, said only of the dead.
const LIVES: &[&str] = &["条人命", "条小命", "条生命", "条命"];

/// 四个人没了, 十四个人都没了: said of people, 没了 means they died. Counted
/// only when the clause ends there (三个人没了工作 is not a death).
const GONE: &[&str] = &[
    "没了",
    "都没了",
    "全没了",
    "就这么没了",
    "就这样没了",
    "一下子没了",
];

/// 井下还有5个人没出来: said of people at the end of a clause, they are
/// trapped (3个人还没出来成绩 is not).
const NOT_OUT: &[&str] = &["没出来", "还没出来", "都没出来", "冇出来", "还冇出来"];

/// Every character of every casualty word, plus those of 损失, 死/伤/亡 and
/// 震 (M5.2 in a text about an earthquake):
/// a text without any of them holds no figure.
const FIGURE_CHARS: &[char] = &[
    '死', '亡', '伤', '难', '身', '罹', '丧', '殒', '命', '溺', '害', '牲', '失', '联', '踪', '者',
    '毒', '医', '院', '诊', '染', '吐', '泻', '适', '损', '级', '征', '症', '观', '病', '肚', '治',
    '没', '救', '挂', '吊', '落', '震', '冇', '走', '冲', '卷', '确', '烧', '热', '困', '滴', '埋',
    '迷', '醒', '室', '吸', '晕', '具',
];

/// Counter words after a number of people.
const PEOPLE: &[&str] = &[
    "人",
    "名",
    "位",
    "例",
    "个人",
    "余人",
    "多人",
    "口",
    "个孩子",
    "个学生",
    "个小孩",
    "个工人",
    "个老人",
    "个村民",
    "个娃",
    // 十几个工友被抬上救护车, 二十多个员工送医: a bare 个 before the
    // people a witness counts.
    "个工友",
    "个员工",
    "个职工",
    "个同学",
    "个小朋友",
    "个乘客",
    "个游客",
    "个居民",
    "个病人",
    "个患者",
    "个娃娃",
    // A bare 个 only right before the casualty word (二十几个住院了): see
    // [`people_figure`].
    "个",
];

/// Characters a bare 个 may stand before its casualty word (有三个没救过来,
/// 二十几个都送去医院了); further on, 个 counts things (3个村庄被淹).
const BARE_UNIT_WINDOW: usize = 3;

/// Longest stretch, in characters, searched on each side of a number for
/// the end of its clause.
const CLAUSE_CHARS: usize = 40;

/// Characters that end a clause: a figure never spans them.
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '。' | ',' | ';' | '!' | '?' | '\n' | ':' | '(' | ')' | '“' | '”' | '《' | '》' | '…'
    )
}

/// Phrases saying the missing have been found, dead or alive.
const MISSING_FOUND: &[&str] = &[
    "全部找到",
    "均已找到",
    "已找到",
    "均已遇难",
    "全部遇难",
    "全部获救",
    "均已获救",
    // 埋了四个工人,挖出来两个人已经没了: those dug out are counted as
    // what they were found to be.
    "挖出来",
];

/// Words that say "none" before a casualty word: 无人员伤亡, 未造成人员死亡,
/// and of the people just counted, 机上136名旅客无人受伤, 无一受伤, 都没受伤.
const NEGATIONS: &[&str] = &[
    "无",
    "未",
    "没有",
    "暂无",
    "未造成",
    "并无",
    "无人",
    "无一",
    "没人",
    "都没",
    "均没",
];

/// Whole phrases that say an incident hurt no one (火灾未造成人员伤亡):
/// beside the casualty reader's [`NEGATIONS`], which only drop a count,
/// these say of the whole item that nobody was harmed.
const UNHARMED: &[&str] = &[
    "未造成人员伤亡",
    "无人员伤亡",
    "没有人员伤亡",
    "未造成人员死亡",
    "无人受伤",
    "未造成伤亡",
];

/// True when `text` says the incident hurt no one ([`UNHARMED`]).
pub fn says_no_one_hurt(text: &str) -> bool {
    static WORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(UNHARMED));
    WORDS.any_in(text)
}

/// Reads casualty and loss figures from normalized text: 3人死亡, 造成三人
/// 遇难, 十二名工人受伤, 二十余人受伤, 死亡人数升至15人, 遇难者增至20人,
/// 3死2伤, 直接经济损失约1.2亿元, 5000万元的损失.
///
/// With `skip_quoted`, figures inside quotation marks are ignored: refuting
/// news quotes the rumor (网传“爆炸死亡上百人”系谣言) before the real figure.
pub fn extract_casualties(text: &str, skip_quoted: bool) -> Casualties {
    // Most texts name no casualty or loss at all: skip the number scan.
    if !text.contains(FIGURE_CHARS) {
        return Casualties::default();
    }
    extract_casualties_in(text, &find_numbers(text), skip_quoted)
}

/// Units after a number that make it something other than a count of
/// people (a share, a change, a span of time).
const NOT_PEOPLE_UNITS: &[&str] = &[
    "%",
    "％",
    "个百分点",
    "倍",
    "成",
    "年",
    "个月",
    "月",
    "天",
    "日",
    "小时",
];

/// [`extract_casualties`] over the numbers of `text` already found by
/// [`find_numbers`], so a caller that also reads reach scans numbers once.
pub fn extract_casualties_in(text: &str, numbers: &[Number], skip_quoted: bool) -> Casualties {
    let mut out = Casualties::default();
    if !text.contains(FIGURE_CHARS) {
        return out;
    }
    static QUAKE: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&["地震", "震感", "震中"]));
    let quake_text = QUAKE.any_in(text);
    let quoted = if skip_quoted {
        quoted_spans(text)
    } else {
        Vec::new()
    };
    // The span of text the last count and its word were read from: the
    // word right before a later count can only be that count's.
    let mut claimed: Option<(usize, usize)> = None;
    for n in numbers {
        if n.value <= 0.0 || n.value > 1e13 {
            continue;
        }
        if quoted.iter().any(|&(s, e)| s <= n.start && n.end <= e) {
            continue;
        }
        // A clause is searched for at most CLAUSE_CHARS characters each way,
        // so text without punctuation costs linear time, not quadratic.
        let (clause_start, clause_end) = bounds(text, n, CLAUSE_CHARS, is_clause_end);
        let before = &text[clause_start..n.start];
        let after = &text[n.end..clause_end];
        if let Some(m) = magnitude(n, before, after, quake_text) {
            let phrase = snippet(text, clause_start, clause_end, n.start, n.end + "级".len());
            if out.magnitude.as_ref().is_none_or(|(v, _)| m > *v) {
                out.magnitude = Some((m, phrase));
            }
            continue;
        }
        if let Some(loss) = loss_figure(n, before, after) {
            let phrase = snippet(text, clause_start, clause_end, n.start, n.end);
            if out.loss_yuan.as_ref().is_none_or(|(v, _)| loss > *v) {
                out.loss_yuan = Some((loss, phrase));
            }
            continue;
        }
        // 一个都没上来, 一个也没出来: "not a single one", said of a count
        // given before it (see [`none_survived`]), not a count of one.
        if n.value == 1.0 && (after.starts_with("个都") || after.starts_with("个也")) {
            continue;
        }
        // 一个接一个说头晕: "one after another", no count (nor is the 一
        // after 接); 同一个车间, 每一个人: "the same", "every".
        if n.value == 1.0
            && (after.starts_with("个接")
                || before.ends_with("个接")
                || before.ends_with("个接着")
                || before.ends_with(['同', '每']))
        {
            continue;
        }
        // 已经捞上来十几具, 发现3具遗体: bodies are the dead.
        if let Some(len) = bodies(before, after) {
            let phrase = snippet(text, clause_start, clause_end, n.start, n.end + len);
            out.record(CasualtyKind::Dead, n.value, &phrase);
            continue;
        }
        // 死了三个伤了五个: a word said right before its count owns it; the
        // 伤了 after 三个 belongs to the next count.
        // 困了七八个小时 is a span of time, not seven or eight people.
        if after.starts_with('个')
            && SPANS_OF_TIME
                .iter()
                .any(|t| after['个'.len_utf8()..].starts_with(t))
        {
            continue;
        }
        // 12人遇难21人被困 (a headline): a count whose own predicate
        // follows it is not the count of the word before it.
        // Nor is a word an earlier count owns already (两名工人受伤 八十余位老人
        // 停暖: a headline's space is no clause end).
        if let Some(unit) = PEOPLE.iter().find(|p| after.starts_with(**p))
            && !has_own_predicate(&after[unit.len()..])
            && let Some((kind, word_start)) = word_right_before(before)
            && !owned_by(claimed, clause_start + word_start)
        {
            let start = clause_start + word_start;
            let phrase = snippet(text, clause_start, clause_end, start, n.end + unit.len());
            out.record(kind, n.value, &phrase);
            continue;
        }
        if let Some((kind, evidence_end)) = people_figure(after, &text[n.end..]) {
            let phrase = snippet(
                text,
                clause_start,
                clause_end,
                n.start,
                n.end + evidence_end,
            );
            out.record(kind, n.value, &phrase);
            claimed = Some((n.start, n.end + evidence_end));
            continue;
        }
        // 当场就走了三个, 已经走了4个了: 走了 right before a count of people
        // that ends its clause says they died (走了三个小时 is a walk).
        if let Some((word_start, len)) = went_count(before, after) {
            let start = clause_start + word_start;
            let phrase = snippet(text, clause_start, clause_end, start, n.end + len);
            out.record(CasualtyKind::Dead, n.value, &phrase);
            continue;
        }
        // 救护车拉走了二十几个: those an ambulance took are hurt or ill.
        if let Some((word_start, len)) = ambulance_count(before, after) {
            let start = clause_start + word_start;
            let phrase = snippet(text, clause_start, clause_end, start, n.end + len);
            out.record(CasualtyKind::Sickened, n.value, &phrase);
            continue;
        }
        // 死亡人数升至15人, 受伤12人, 遇难者增至20人.
        if let Some((kind, word_start)) = word_before(before)
            && !owned_by(claimed, clause_start + word_start)
        {
            let unit = PEOPLE
                .iter()
                .any(|p| after.starts_with(p) && !has_own_predicate(&after[p.len()..]));
            let count_phrase = before.contains("人数") || before.contains("数字");
            // 死亡人数同比下降14.3%, 死亡人数较近五年均值: a rate or a span
            // of time beside 人数, not a count of people.
            let not_a_count =
                n.value.fract() != 0.0 || NOT_PEOPLE_UNITS.iter().any(|u| after.starts_with(u));
            if unit || (count_phrase && !not_a_count) {
                let start = clause_start + word_start;
                let end = n.end
                    + PEOPLE
                        .iter()
                        .find(|p| after.starts_with(**p))
                        .map_or(0, |p| p.len());
                let phrase = snippet(text, clause_start, clause_end, start, end);
                out.record(kind, n.value, &phrase);
            }
        }
    }
    none_survived(text, numbers, &mut out);
    countless_deaths(text, numbers, &quoted, &mut out);
    sick_in_sentence(text, numbers, &quoted, &mut out);
    aboard_missing(text, numbers, &quoted, &mut out);
    trapped_missing(text, numbers, &quoted, &mut out);
    // The missing were found (失联人员已全部找到, 均已遇难): the later death
    // toll counts them, and counting them again would double the figure.
    // Those still missing (已找到2名遇难者 仍有1人失联) are the only missing
    // then: the earlier count of the missing holds the found dead too.
    if says_found(text) {
        match still_missing(text, numbers) {
            // Said, without a count beside the words: the counts read stand.
            Some(None) => {}
            Some(Some((count, evidence))) => {
                out.figures.retain(|f| f.kind != CasualtyKind::Missing);
                out.record(CasualtyKind::Missing, count, &evidence);
            }
            None => out.figures.retain(|f| f.kind != CasualtyKind::Missing),
        }
    }
    out
}

/// Death words said with no count of their own (…中毒,经送医抢救无效死亡).
const COUNTLESS_DEATHS: &[&str] = &[
    "抢救无效死亡",
    "抢救无效身亡",
    "抢救无效不幸死亡",
    "抢救无效不幸身亡",
];

/// The only characters that may open a clause before a
/// [`COUNTLESS_DEATHS`] word for it to tell of the clause before: 经, 后经,
/// 送医后, 经医院, 均 (a noun such as 司机经 names who died).
const DEATH_LEAD_CHARS: &str = "经后均送医院终因但";

/// Death words that tell of the clause before only once something says
/// it was already so (3名工人被埋,救出时已无生命体征; 一家三口被困,被发现时均
/// 已死亡): a bare 死亡 opening a clause may start a count of its own
/// (5人被困,死亡2人).
const COUNTLESS_DEATHS_AFTER_ALREADY: &[&str] = &[
    "无生命体征",
    "没有生命体征",
    "没有了生命体征",
    "无生命迹象",
    "没有生命迹象",
    "死亡",
    "身亡",
    "遇难",
    "罹难",
];

/// What may open such a clause before the word saying it was already so:
/// when the dead were found, reached or brought out (a noun would name
/// someone else: 消防员赶到时 is who arrived).
const FOUND_WHEN: &[&str] = &[
    "",
    "被发现时",
    "发现时",
    "被找到时",
    "找到时",
    "被救出时",
    "救出时",
    "被救出后",
    "被挖出时",
    "挖出时",
    "被打捞上岸时",
    "打捞上岸时",
    "被打捞出水时",
    "打捞出水时",
    "被送医时",
    "送医时",
    "送到医院时",
    "送至医院时",
];

/// Words saying it was already so, closing the lead (均已, 已, 都已).
const ALREADY: &[&str] = &["均已", "都已", "全部", "已经", "已", "均"];

/// True when `lead` (a clause's opening, up to a death word) says the
/// death was found already: a [`FOUND_WHEN`] phrase, then [`ALREADY`].
fn found_already(lead: &str) -> bool {
    ALREADY.iter().any(|a| {
        lead.strip_suffix(a)
            .is_some_and(|rest| FOUND_WHEN.contains(&rest))
    })
}

/// A clause that opens with a death and no count of its own tells of the
/// people counted in the clause before it, in the same sentence:
/// 4人被发现一氧化碳中毒,经送医抢救无效死亡 is four dead, not four poisoned.
/// Only when that clause counts people once: with two counts (3人受伤、2人
/// 被困) the death cannot say whose.
fn countless_deaths(
    text: &str,
    numbers: &[Number],
    quoted: &[(usize, usize)],
    out: &mut Casualties,
) {
    static TOLD: LazyLock<Phrases> = LazyLock::new(|| {
        Phrases::new(&[COUNTLESS_DEATHS, COUNTLESS_DEATHS_AFTER_ALREADY].concat())
    });
    for (w, at) in TOLD.occurrences(text) {
        let word = TOLD.words()[w];
        let after_already = w >= COUNTLESS_DEATHS.len();
        let head = &text[..at];
        // Every search back is bounded, so a text without punctuation
        // costs linear time: a lead or a subject is a few characters, and
        // the clauses searched are LOOKBACK_CLAUSES of at most CLAUSE_CHARS.
        let near = head.len() - suffix_chars(head, LEAD_CHARS).len();
        let last_end = |from: usize, to: usize, is_end: fn(char) -> bool| {
            head[from..to]
                .char_indices()
                .rev()
                .find(|&(_, c)| is_end(c))
                .map(|(i, c)| from + i + c.len_utf8())
        };
        // 该女子经送医抢救无效死亡: one person named as the subject of the
        // clause.
        if !after_already
            && let Some(clause) = last_end(near, head.len(), is_clause_end)
            && let subject_lead = &head[clause..]
            && let Some(subject) = ONE_PERSON.iter().find(|p| subject_lead.starts_with(**p))
            && subject_lead[subject.len()..]
                .chars()
                .all(|c| DEATH_LEAD_CHARS.contains(c))
        {
            let phrase = snippet(text, clause, at + word.len(), clause, at + word.len());
            out.record(CasualtyKind::Dead, 1.0, &phrase);
            continue;
        }
        let Some(comma) = head[near..].rfind(',').map(|i| near + i) else {
            continue;
        };
        let lead = &head[comma + 1..];
        let opens = if after_already {
            found_already(lead)
        } else {
            lead.chars().all(|c| DEATH_LEAD_CHARS.contains(c))
        };
        if !opens {
            continue;
        }
        // The nearest clause before it in its sentence that counts people:
        // 一名男子驾驶摩托车行经改造路段时,撞上沙堆后摔倒,经送医抢救无效死亡.
        let far = comma - suffix_chars(&head[..comma], LOOKBACK_CLAUSES * CLAUSE_CHARS).len();
        let sentence_start = last_end(far, comma, is_sentence_end).unwrap_or(far);
        let mut end = comma;
        for _ in 0..LOOKBACK_CLAUSES {
            if end <= sentence_start {
                break;
            }
            let prev_start = last_end(sentence_start, end, is_clause_end).unwrap_or(sentence_start);
            let from = numbers.partition_point(|n| n.start < prev_start);
            let counts: Vec<&Number> = numbers[from..]
                .iter()
                .take_while(|n| n.end <= end)
                .filter(|n| !quoted.iter().any(|&(s, e)| s <= n.start && n.end <= e))
                .filter(|n| {
                    PEOPLE
                        .iter()
                        .any(|p| *p != "个" && text[n.end..].starts_with(p))
                })
                .collect();
            match counts.as_slice() {
                [] => {}
                [n] => {
                    let phrase =
                        snippet(text, prev_start, at + word.len(), n.start, at + word.len());
                    out.record(CasualtyKind::Dead, n.value, &phrase);
                    break;
                }
                _ => break,
            }
            if !head[..prev_start].ends_with(',') {
                break;
            }
            end = prev_start - ','.len_utf8();
        }
    }
}

/// Characters searched back from a death word for its clause's opening
/// (a subject and a lead such as 该名男子经送医后).
const LEAD_CHARS: usize = 16;

/// Clauses searched back, in one sentence, for the count a death with none
/// of its own tells of.
const LOOKBACK_CLAUSES: usize = 3;

/// Subjects naming one person before a death with no count of its own
/// (该女子经送医抢救无效死亡, 伤者经抢救无效死亡).
const ONE_PERSON: &[&str] = &[
    "该男子",
    "该女子",
    "该名男子",
    "该名女子",
    "该男孩",
    "该女孩",
    "该男童",
    "该女童",
    "该老人",
    "该司机",
    "该驾驶员",
    "该驾驶人",
    "该骑手",
    "该工人",
    "该学生",
    "该患者",
    "该名",
    "该生",
    "男子",
    "女子",
    "伤者",
    "老人",
    "司机",
    "驾驶人",
    "驾驶员",
    "其",
];

/// Characters that end a sentence.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '\n')
}

/// True when the text says the missing were found ([`MISSING_FOUND`]),
/// not that they were not (一个都没挖出来).
fn says_found(text: &str) -> bool {
    static WORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(MISSING_FOUND));
    says_unnegated(text, &WORDS, &["没", "未", "不"])
}

/// True when `text` holds one of `words` not right after one of
/// `negations` (获救 but not 无人获救, 找到 but not 没找到).
fn says_unnegated(text: &str, words: &Phrases, negations: &[&str]) -> bool {
    words.any_at(text, |at| {
        !negations.iter().any(|n| text[..at].ends_with(n))
    })
}

/// Words that say some are still missing after others were found.
const STILL: &[&str] = &["仍有", "尚有", "剩余", "还有", "另有", "仍"];

/// What the text says of those still missing, when it says some are:
/// their count if it gives one next to the words (仍有1人失联, 剩余1名失联
/// 人员, 另有2人仍失联, 一人仍失联), else `Some(None)`.
fn still_missing(text: &str, numbers: &[Number]) -> Option<Option<(f64, String)>> {
    static WORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(STILL));
    let mut said = false;
    for (w, i) in WORDS.occurrences(text) {
        let w = WORDS.words()[w];
        let from = i + w.len();
        let near = prefix_chars(&text[from..], 8);
        if !["失联", "失踪", "下落不明"]
            .iter()
            .any(|m| near.contains(m))
        {
            continue;
        }
        said = true;
        let end = from + near.len();
        let lead = i - suffix_chars(&text[..i], 4).len();
        if let Some(n) = numbers
            .iter()
            .find(|n| (n.start >= from && n.end <= end) || (n.start >= lead && n.end <= i))
        {
            let start = n.start.min(i);
            return Some(Some((n.value, text[start..end].to_string())));
        }
    }
    said.then_some(None)
}

/// The last `n` characters of `s`.
pub(super) fn suffix_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

/// A boat, or a party out in the wild, lost contact (失去联系,
/// 联系不上, 下落不明).
const LOST_CONTACT: &[&str] = &["失联", "失去联系", "失去联络", "联系不上", "下落不明"];

/// Who a count of people aboard or in a party is (船上共有船员11人, 船上连
/// 他一共十一个人, 一行5人).
const ABOARD: &[&str] = &["船上", "艇上", "车上", "一行", "载有", "连他", "连我"];

/// Words before a count of those who came to search: they are not the
/// missing (组织救援队员60人进山搜救, 出动船只及船员30余人).
const SEARCHERS: &[&str] = &[
    "搜救", "救援", "搜寻", "组织", "派出", "出动", "调派", "调集", "参与",
];

/// Words that show the lost are at sea or in the wild, without which a
/// count beside 联系不上 is of anyone (我们十几个人联系不上老板).
const AT_SEA_OR_WILD: &[&str] = &[
    "船", "艇", "出海", "海上", "登山", "徒步", "驴友", "进山", "探险",
];

/// Words that say some of those aboard were saved: the figures the text
/// gives then decide, not the count aboard (not after a negation: 无一生还,
/// 没找到).
const SAVED: &[&str] = &["获救", "救起", "生还", "脱险", "救上", "找到", "已联系上"];

/// True when `text` says some were saved, in words not negated.
fn says_saved(text: &str) -> bool {
    static WORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(SAVED));
    says_unnegated(text, &WORDS, &["没", "未", "无一", "无人", "暂无", "没有"])
}

/// Whether the words right after a count of people say they were trapped
/// or saved (12人遇难21人被困: the 21 were trapped, not killed). Casualty
/// words are not asked: 死了三个伤了五个 tells each count after its word.
fn has_own_predicate(rest: &str) -> bool {
    ["被困", "受困", "获救", "被救"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Where the trapped are out of reach until they are dug or pumped out:
/// underground, in a tunnel, under a collapse.
const OUT_OF_REACH: &[&str] = &[
    "井下",
    "矿工",
    "煤矿",
    "矿井",
    "透水",
    "冒顶",
    "塌方",
    "坍塌",
    "倒塌",
    "废墟",
    "掩埋",
    "隧道",
    "瓦斯",
    "滑坡",
    "泥石流",
];

/// Words that say the trapped were brought out, alive or not. Not 安全升井:
/// 38人安全升井,8人被困 tells of the others.
const BROUGHT_OUT: &[&str] = &[
    "救出",
    "获救",
    "找到",
    "全部升井",
    "均已升井",
    "成功升井",
    "脱困",
    "脱险",
    // 被困乘客已全部转移: moved out, alive or not.
    "全部转移",
    "安全转移",
    "全部撤离",
    "安全撤离",
    "全部撤出",
];

/// Characters between a count and 被困 in one phrase (12名矿工被困,
/// 被困井下的12名矿工, 被困人员为5人).
const TRAPPED_GAP: usize = 6;

/// People trapped underground or under a collapse (透水事故,5人被困; 12名
/// 作业人员被困洞内) are counted with the missing until the text says they
/// were brought out: JUDGEMENT.md's 死亡（含失踪）, as analysts read a mine's
/// trapped crew. A lift, a ride or a flood's islet traps people who are
/// reached in the open: those are not counted.
fn trapped_missing(
    text: &str,
    numbers: &[Number],
    quoted: &[(usize, usize)],
    out: &mut Casualties,
) {
    static OUT: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(OUT_OF_REACH));
    static BROUGHT: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(BROUGHT_OUT));
    if !text.contains("被困")
        || !OUT.any_in(text)
        || says_unnegated(text, &BROUGHT, &["没", "未", "尚未", "没有"])
    {
        return;
    }
    // 7名工人被困。经救援,3人受伤,4人经抢救无效死亡: the trapped are all
    // among the dead and hurt the text counts.
    let accounted: f64 = out
        .figures
        .iter()
        .filter(|f| f.kind != CasualtyKind::Missing)
        .map(|f| f.count)
        .sum();
    for (at, _) in text.match_indices("被困") {
        let after = at + "被困".len();
        // The count nearest the word, before it (5人被困, 12名矿工被困) or
        // after it (被困8人, 被困井下的12名矿工).
        let count = numbers
            .iter()
            .filter(|n| n.value >= 1.0 && n.value.fract() == 0.0)
            .filter(|n| !quoted.iter().any(|&(s, e)| s <= n.start && n.end <= e))
            .filter_map(|n| {
                let unit = PEOPLE
                    .iter()
                    .find(|p| **p != "个" && text[n.end..].starts_with(**p))?;
                let unit_end = n.end + unit.len();
                let gap = |from: usize, to: usize| {
                    (from <= to && {
                        let between = &text[from..to];
                        between.chars().count() <= TRAPPED_GAP
                            && !between.chars().any(|c| c == '、' || is_clause_end(c))
                    })
                    .then(|| to - from)
                };
                gap(unit_end, at)
                    .or_else(|| gap(after, n.start))
                    .map(|d| (d, n))
            })
            .min_by_key(|&(d, _)| d)
            .map(|(_, n)| n);
        if let Some(n) = count.filter(|n| n.value > accounted) {
            let (from, to) = (n.start.min(at), (n.end).max(after));
            out.record(CasualtyKind::Missing, n.value, &text[from..to]);
        }
    }
}

/// Characters around a loss of contact searched for the count aboard.
const ABOARD_REACH: usize = 80;

/// A boat or party lost contact and the text counts those aboard (与岸台
/// 失去联系，船上共有船员11人): they are the missing, when no count of the
/// missing was read and none is said saved.
fn aboard_missing(text: &str, numbers: &[Number], quoted: &[(usize, usize)], out: &mut Casualties) {
    static AT_SEA: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(AT_SEA_OR_WILD));
    static LOST: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(LOST_CONTACT));
    // With a count of the missing or the dead in the text, its figures
    // decide (船上共有8人，已确认3人遇难 is not eleven).
    if out
        .figures
        .iter()
        .any(|f| matches!(f.kind, CasualtyKind::Missing | CasualtyKind::Dead))
        || !AT_SEA.any_in(text)
        || says_saved(text)
    {
        return;
    }
    let Some((lost, word)) = LOST.first_listed(text).map(|(w, i)| (i, LOST.words()[w])) else {
        return;
    };
    let from = text[..lost]
        .char_indices()
        .rev()
        .nth(ABOARD_REACH)
        .map_or(0, |(i, _)| i);
    let to = text[lost..]
        .char_indices()
        .nth(ABOARD_REACH)
        .map_or(text.len(), |(i, _)| lost + i);
    let aboard = numbers.iter().find(|n| {
        n.start >= from
            && n.end <= to
            && n.value >= 1.0
            && n.value.fract() == 0.0
            && !quoted.iter().any(|&(s, e)| s <= n.start && n.end <= e)
            && PEOPLE.iter().any(|p| text[n.end..].starts_with(p))
            && {
                let lead = &text[..n.start];
                let lead = suffix_chars(lead, 13);
                let lead = lead
                    .rsplit(['。', '！', '？', '!', '?'])
                    .next()
                    .unwrap_or(lead);
                ABOARD.iter().any(|w| lead.contains(w))
                    && !SEARCHERS.iter().any(|w| lead.contains(w))
            }
    });
    if let Some(n) = aboard {
        let unit = PEOPLE
            .iter()
            .find(|p| text[n.end..].starts_with(**p))
            .map_or(0, |p| p.len());
        let lead_start = text[..n.start]
            .char_indices()
            .rev()
            .take(8)
            .take_while(|&(_, c)| !is_clause_end(c) && !matches!(c, '，' | ','))
            .last()
            .map_or(n.start, |(i, _)| i);
        let evidence = format!("{}…{word}", &text[lead_start..n.end + unit]);
        out.record(CasualtyKind::Missing, n.value, &evidence);
    }
}

/// Words of a mass illness told by a witness (上吐下泻, 挂水): the count of
/// people in their sentence is the sick, wherever it stands.
const SICK_CUES: &[&str] = &[
    "上吐下泻",
    "拉肚子",
    "食物中毒",
    "吊瓶",
    "挂水",
    "打点滴",
    "发高烧",
    "高烧",
    "呕吐",
    "腹泻",
    // 又吐又拉, 吐的吐拉的拉, 二十多个孩子肚子疼: the same, told plainly.
    "又吐又拉",
    "吐的吐",
    "肚子疼",
    "肚子痛",
];

/// Characters searched each way from a count for the ends of its sentence.
const SENTENCE_CHARS: usize = 80;

/// Nouns a bare 个 counts as people (二十几个孩子, 十几个工友).
const BARE_COUNT_NOUNS: &[&str] = &[
    "孩子",
    "小孩",
    "学生",
    "同学",
    "工人",
    "工友",
    "兄弟",
    "姐妹",
    "伙计",
    "老乡",
    "乘客",
    "游客",
    "老人",
    "员工",
    "小朋友",
];

/// Words saying none of those counted fell ill.
const NONE_ILL: &[&str] = &[
    "没有一个",
    "没一个",
    "无一人",
    "无一例",
    "未出现",
    "没有出现",
];

/// Counts of people a witness gives apart from the word for their illness,
/// in one sentence: 整个工地二十几个人都拉到县医院去了 after 上吐下泻,
/// 挂水的都排到走廊上了，少说四五十个. The largest such count is the sick,
/// unless the text counted its sick already. Figures inside `quoted` spans
/// (a refuted rumour's) are skipped, as the main reading skips them.
fn sick_in_sentence(
    text: &str,
    numbers: &[Number],
    quoted: &[(usize, usize)],
    out: &mut Casualties,
) {
    static SICK: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(SICK_CUES));
    if out.figures.iter().any(|f| f.kind == CasualtyKind::Sickened) || !SICK.any_in(text) {
        return;
    }
    let is_sentence_end = |c: char| matches!(c, '。' | '!' | '?' | '\n');
    let mut best: Option<(f64, usize, usize)> = None;
    for n in numbers {
        if n.value < 2.0 || n.value > 1e4 || n.value.fract() != 0.0 {
            continue;
        }
        if quoted.iter().any(|&(s, e)| s <= n.start && n.end <= e) {
            continue;
        }
        let after = text[n.end..].trim_start_matches(['多', '余']);
        let Some(unit) = ["个人", "号人", "个", "人", "名"]
            .into_iter()
            .find(|u| after.starts_with(u))
        else {
            continue;
        };
        let rest = &after[unit.len()..];
        // A bare 个 counts people only where nothing else is named after it
        // (倒了十几个，, 一百多个 我家娃, 四十多个都…, 二十几个娃): 三十多个饺子 are dumplings,
        // 三个小时 a span of time.
        if unit == "个"
            && !rest.chars().next().is_none_or(|c| {
                !crate::text::is_han(c) || "都了的也全在被送进去住拉娃人转".contains(c)
            })
            && !BARE_COUNT_NOUNS.iter().any(|w| rest.starts_with(w))
        {
            continue;
        }
        let (start, end) = bounds(text, n, SENTENCE_CHARS, is_sentence_end);
        let sentence = &text[start..end];
        // 全班40个人，没有一个上吐下泻: the count is of the well.
        if SICK_CUES.iter().any(|w| sentence.contains(w))
            && !NONE_ILL.iter().any(|w| sentence.contains(w))
            && best.is_none_or(|(v, _, _)| n.value > v)
        {
            best = Some((n.value, n.start, text.len() - rest.len()));
        }
    }
    if let Some((value, from, to)) = best {
        out.record(CasualtyKind::Sickened, value, &text[from..to]);
    }
}

/// Where 走了 ("passed away") starts in `before` and the length of the
/// people unit in `after`, when 走了 stands right before a count that ends
/// its clause: 走了三个, 走了4个了, 走了两个人。 `None` for any other count
/// (走了三个小时, 走了两个村).
fn went_count(before: &str, after: &str) -> Option<(usize, usize)> {
    let word_start = before.trim_end_matches(' ').strip_suffix("走了")?.len();
    // 救护车拉走了五个, 警察带走了两个: carried or taken away, not dead.
    if before[..word_start].ends_with(['拉', '带', '抬', '接', '送', '运', '救', '领', '押'])
    {
        return None;
    }
    clause_ending_unit(after).map(|unit| (word_start, unit))
}

/// A count of bodies after its number (3具遗体, 两具尸体, 捞上来十几具): the
/// byte length of the counter and its noun. A bare 具 counts objects too
/// (灭火器1.1万余具): only after a word of recovering them, ending its
/// clause.
fn bodies(before: &str, after: &str) -> Option<usize> {
    let rest = after.strip_prefix('具')?;
    if let Some(noun) = ["遗体", "尸体", "遇难者遗体"]
        .into_iter()
        .find(|w| rest.starts_with(w))
    {
        return Some('具'.len_utf8() + noun.len());
    }
    let recovered = ["捞", "找到", "挖出", "寻获", "抬出"]
        .iter()
        .any(|w| before.contains(w));
    (recovered && ends_count(rest)).then_some('具'.len_utf8())
}

/// Whether a count ends at the start of `rest`: its clause ends there, or
/// only a particle follows (走了4个了, 拉走了五个啊).
fn ends_count(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| is_clause_end(c) || matches!(c, '了' | '，' | '、' | '啊' | '呀'))
}

/// The byte length of a people unit starting `after` (三个, 两个人, 4名)
/// when the count ends its clause there ([`ends_count`]).
fn clause_ending_unit(after: &str) -> Option<usize> {
    let unit = ["个人", "个", "人", "名", "位"]
        .into_iter()
        .find(|u| after.starts_with(u))?;
    ends_count(&after[unit.len()..]).then_some(unit.len())
}

/// Whether `pos` lies in `span`, the text the last count and its word were
/// read from.
fn owned_by(span: Option<(usize, usize)>, pos: usize) -> bool {
    span.is_some_and(|(s, e)| s <= pos && pos < e)
}

/// 救护车拉走了二十几个, 120抬走了三个: a count of people right after 拉走了 or
/// 抬走了 that ends its clause, in a clause naming an ambulance. Returns the
/// word's byte offset in `before` and the unit's byte length in `after`.
fn ambulance_count(before: &str, after: &str) -> Option<(usize, usize)> {
    let trimmed = before.trim_end_matches(' ');
    let word = ["拉走了", "抬走了", "拉走", "抬走", "接走了"]
        .into_iter()
        .find(|w| trimmed.ends_with(w))?;
    let word_start = trimmed.len() - word.len();
    if !["救护车", "120"]
        .iter()
        .any(|a| before[..word_start].contains(a))
    {
        return None;
    }
    clause_ending_unit(after).map(|unit| (word_start, unit))
}

/// [`NONE_SURVIVED`]: the nearest count of people before the phrase, in
/// its sentence, are all dead.
fn none_survived(text: &str, numbers: &[Number], out: &mut Casualties) {
    // Every phrase holds 没: one pass over its occurrences, not a search
    // per phrase over the whole text.
    for (mei, _) in text.match_indices('没') {
        let found = NONE_SURVIVED.iter().find_map(|(phrase, kind)| {
            let (head, tail) = phrase.split_once('没')?;
            (text[..mei].ends_with(head) && text[mei + '没'.len_utf8()..].starts_with(tail))
                .then(|| (mei - head.len(), phrase, *kind))
        });
        if let Some((at, phrase, kind)) = found {
            let from = text[..at]
                .char_indices()
                .rev()
                .take(NONE_SURVIVED_REACH)
                .take_while(|&(_, c)| !matches!(c, '。' | '!' | '?' | '\n'))
                .last()
                .map_or(at, |(i, _)| i);
            let count = numbers.iter().rfind(|n| {
                n.start >= from
                    && n.end <= at
                    && n.value >= 2.0
                    && PEOPLE.iter().any(|p| text[n.end..].starts_with(p))
            });
            if let Some(n) = count {
                let evidence = format!("{}…{phrase}", &text[n.start..n.end]);
                out.record(kind, n.value, &evidence);
            }
        }
    }
}

/// Byte spans of text inside “…”, ‘…’, 「…」, 『…』 or "…" quotes.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '‘' | '「' | '『' | '"') => open = Some((i, c)),
            (Some((s, '“')), '”')
            | (Some((s, '‘')), '’')
            | (Some((s, '「')), '」')
            | (Some((s, '『')), '』')
            | (Some((s, '"')), '"') => {
                spans.push((s, i));
                open = None;
            }
            _ => {}
        }
    }
    spans
}

/// Verbs that take people to a hospital named after them (送往县人民医院,
/// 拉到镇卫生院): with [`HOSPITALS`], a trip that counts its people as hurt.
const TO_HOSPITAL: &[&str] = &[
    "送到", "送往", "送至", "送进", "送入", "送去", "拉到", "拉去", "拉进", "抬到", "抬进", "转到",
    "转往", "转至", "转入", "转送",
];

/// What a [`TO_HOSPITAL`] trip ends at.
const HOSPITALS: &[&str] = &["医院", "卫生院", "急诊", "卫生室", "诊所"];

/// Characters of a hospital's name between the verb and [`HOSPITALS`]
/// (县第一人民 of 送往县第一人民医院).
const HOSPITAL_NAME_CHARS: usize = 8;

/// The byte length of a trip to a named hospital `s` starts with: a
/// [`TO_HOSPITAL`] verb (or a bare 送 before a county, city or town), up
/// to [`HOSPITAL_NAME_CHARS`] of a name, and one of [`HOSPITALS`]. The
/// bare forms (送往医院) are [`CASUALTY_WORDS`] of their own.
fn hospital_trip_at(s: &str) -> Option<usize> {
    let verb = TO_HOSPITAL
        .iter()
        .find(|v| s.starts_with(**v))
        .map(|v| v.len())
        .or_else(|| {
            // 被送县医院抢救, 送粟塘县人民医院救治: 送 alone only before
            // the body that runs it, named or not (up to three characters
            // of a name before its 县, 市, 镇, 乡, 区 or 省).
            let rest = s.strip_prefix('送')?;
            rest.chars()
                .take(4)
                .take_while(|c| crate::text::is_han(*c))
                .any(|c| matches!(c, '县' | '市' | '镇' | '乡' | '区' | '省'))
                .then_some('送'.len_utf8())
        })?;
    let rest = &s[verb..];
    let mut name = 0;
    for (i, c) in rest.char_indices() {
        if let Some(h) = HOSPITALS.iter().find(|h| rest[i..].starts_with(**h)) {
            return Some(verb + i + h.len());
        }
        name += 1;
        if name > HOSPITAL_NAME_CHARS || !crate::text::is_han(c) {
            return None;
        }
    }
    None
}

/// The longest casualty word `s` starts with: its byte length and kind.
fn casualty_word_at(s: &str) -> Option<(usize, CasualtyKind)> {
    // This runs at every character near every number. Most characters
    // begin no casualty word: a bit per character answers those without
    // walking the list.
    static HEADS: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    let heads = HEADS.get_or_init(|| {
        CharSet::first_chars(
            CASUALTY_WORDS
                .iter()
                .map(|(w, _)| *w)
                .chain(TO_HOSPITAL.iter().copied())
                .chain(["送"]),
        )
    });
    if !heads.contains(s.chars().next()?) {
        return None;
    }
    // Every word starts with a three-byte character: comparing those bytes
    // first keeps most of the list from a full comparison.
    let head = s.as_bytes().get(..3)?;
    let word = CASUALTY_WORDS
        .iter()
        .filter(|(w, _)| w.as_bytes().get(..3) == Some(head) && s.starts_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|&(w, k)| (w.len(), k));
    match (word, hospital_trip_at(s)) {
        (Some((len, _)), Some(trip)) if trip > len => Some((trip, CasualtyKind::Sickened)),
        (None, Some(trip)) => Some((trip, CasualtyKind::Sickened)),
        (word, _) => word,
    }
}

/// The first `n` characters of `s`.
pub(super) fn prefix_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// `3人死亡`, `3名工人遇难`, `3死2伤`: the casualty word after the number.
/// Returns the kind and the byte length (in `after`) of the phrase.
/// `beyond` is all the text after the number (`after` is the start of it,
/// up to its clause's end): a death told in the next clause is read there.
fn people_figure(after: &str, beyond: &str) -> Option<(CasualtyKind, usize)> {
    // 3死2伤 / 致1死: a bare 死/伤/亡 right after the number.
    match after.chars().next() {
        Some('死' | '亡') => return Some((CasualtyKind::Dead, 3)),
        Some('伤') => return Some((CasualtyKind::Injured, 3)),
        _ => {}
    }
    if let Some(lives) = LIVES.iter().find(|l| after.starts_with(**l)) {
        return Some((CasualtyKind::Dead, lives.len()));
    }
    let unit = PEOPLE
        .iter()
        .filter(|p| after.starts_with(**p))
        .max_by_key(|p| p.len())?;
    let rest = &after[unit.len()..];
    let ends_clause = |word: &str| {
        rest[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| is_clause_end(c) || c == '，' || c == '、')
    };
    if let Some(gone) = GONE
        .iter()
        .find(|g| rest.starts_with(**g) && ends_clause(g))
    {
        return Some((CasualtyKind::Dead, unit.len() + gone.len()));
    }
    if let Some(out) = NOT_OUT
        .iter()
        .find(|w| rest.starts_with(**w) && ends_clause(w))
    {
        return Some((CasualtyKind::Missing, unit.len() + out.len()));
    }
    // The casualty word within a few characters: 3人当场死亡, 3名工人经抢救无效死亡.
    // 二十多个被救护车拉去县医院: a bare 个 with 被 after it is a count of
    // people things were done to, and reads as far as any count.
    let starts = if *unit == "个" && !rest.starts_with('被') {
        BARE_UNIT_WINDOW
    } else {
        14
    };
    // A listing's 、 before another figure ends this one: in 死亡2人、失踪1人
    // the 2 is not missing (but 15名群众出现咳嗽、胸闷等不适症状 reads on).
    let window = prefix_chars(rest, 14);
    // 3人获救 2人遇难, 6名矿工获救、2人遇难: a count belongs to the word of
    // its own clause; the next count, or 获救, ends its window. So does a
    // rescue: 200余人搜救失联游客 counts the searchers, not the missing.
    // A run of digits or numerals with a people unit after it is a count
    // (82岁 is an age): 三名儿童落水一人死亡 is one dead, not three.
    let next_count = |i: usize| {
        count_of_people_at(
            &window[i..],
            &["人", "名", "位", "个人", "余人", "多人", "余名", "多名"],
        )
    };
    // A count joined to the next by 和 or 、 shares its word: in
    // 37名学员和2名教练被送往县人民医院 the 37 went too.
    let joined = |i: usize| window[..i].ends_with(['和', '及', '与', '、']);
    let window = window
        .char_indices()
        .find(|&(i, _)| {
            (next_count(i) && !joined(i))
                || [
                    "获救", "脱险", "生还", "搜救", "搜寻", "搜索", "营救", "救援", "参与", "参加",
                ]
                .iter()
                .any(|w| window[i..].starts_with(w))
        })
        .map_or(window, |(i, _)| &window[..i]);
    let window = window
        .match_indices('、')
        .map(|(i, _)| i)
        .find(|&i| {
            let next = &window[i + '、'.len_utf8()..];
            casualty_word_at(next).is_some()
                || next.starts_with(|c: char| {
                    c.is_ascii_digit() || "一二两三四五六七八九十".contains(c)
                })
        })
        .map_or(window, |i| &window[..i]);
    let found = window
        .char_indices()
        .take(starts)
        // A word starting in the window may end past it: a hospital's
        // name is long (送往县第一人民医院).
        .find_map(|(i, _)| casualty_word_at(&rest[i..]).map(|(w, k)| (i, w, k)));
    let (pos, word_len, kind) = found.or_else(|| symptoms_shown(rest))?;
    // "3人无人员伤亡" cannot be a count; neither "3名未受伤".
    let between = rest[..pos].trim_end_matches("人员");
    if NEGATIONS.iter().any(|neg| between.ends_with(neg)) {
        return None;
    }
    // 3名民警将伤者送往医院, 3名志愿者把物资送到县医院: the count is of those
    // who did it to someone or something else.
    if between.contains(['把', '将']) {
        return None;
    }
    // 拖欠30余名工人工资约14万元后失联: a sum of money between them says
    // the count is of those owed it, and the word is about someone else.
    if names_money(between) {
        return None;
    }
    let end = pos + word_len;
    if matches!(kind, CasualtyKind::Sickened | CasualtyKind::Injured)
        && let Some(died) = died_after(&beyond[unit.len() + end..])
    {
        return Some((CasualtyKind::Dead, unit.len() + end + died));
    }
    Some((kind, unit.len() + end))
}

/// Whether `s` holds a sum of money (14万元, 3000元, 两千块).
fn names_money(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        matches!(c, '元' | '块')
            && s[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit() || "万千百十".contains(p))
    })
}

/// Words that open a list of symptoms after a count of people
/// (23名学生先后出现头晕、恶心等一氧化碳中毒症状).
const SHOWED: &[&str] = &[
    "出现",
    "先后出现",
    "陆续出现",
    "相继出现",
    "均出现",
    "都出现",
];

/// Characters after the count within which a [`SHOWED`] word must start.
const SHOWED_WITHIN: usize = 6;

/// What closes a list of symptoms: the people who showed them are ill.
const SYMPTOMS_CLOSED: &[&str] = &["症状", "不适"];

/// Where a list of symptoms the people counted showed closes in `rest`
/// (the clause after the count's unit), when it runs past the usual
/// window: (offset, length, kind) as the window's search gives them. The
/// list ends at the clause; another count on the way ends it too.
fn symptoms_shown(rest: &str) -> Option<(usize, usize, CasualtyKind)> {
    let head = prefix_chars(rest, SHOWED_WITHIN + 2);
    let opened = SHOWED.iter().filter_map(|w| head.find(w)).min()?;
    let list = &rest[opened..];
    // A count of people (其中3人, 两名) is another figure's; a numeral in a
    // word (一氧化碳) is not.
    let stop = list
        .char_indices()
        .find(|&(i, _)| count_of_people_at(&list[i..], &["人", "名", "个", "位"]))
        .map_or(list.len(), |(i, _)| i);
    SYMPTOMS_CLOSED
        .iter()
        .filter_map(|w| list[..stop].find(w).map(|i| (opened + i, w.len())))
        .min()
        .map(|(at, len)| (at, len, CasualtyKind::Sickened))
}

/// True when `s` starts with a run of digits or numerals and one of
/// `units` (3人, 两名): a count of people, where 一氧化碳 or 82岁 is none.
fn count_of_people_at(s: &str, units: &[&str]) -> bool {
    let tail =
        s.trim_start_matches(|c: char| c.is_ascii_digit() || "一二两三四五六七八九十".contains(c));
    tail.len() < s.len() && units.iter().any(|u| tail.starts_with(u))
}

/// How those taken to hospital ended when their sentence goes on to say
/// they died (三人被救出后送县人民医院，经全力抢救无效死亡): the latest word
/// wins. Another count on the way (其中1人经抢救无效死亡) has a word of its
/// own. Returns the byte length of `rest` through the word.
fn died_after(rest: &str) -> Option<usize> {
    const DIED: &[&str] = &["抢救无效死亡", "抢救无效身亡", "不治身亡", "抢救无效"];
    let sentence = prefix_chars(rest, CLAUSE_CHARS);
    let sentence = sentence
        .find(['。', ';', '!', '?', '\n'])
        .map_or(sentence, |i| &sentence[..i]);
    let stop = sentence
        .char_indices()
        .find(|&(_, c)| c.is_ascii_digit() || "一二两三四五六七八九十其".contains(c))
        .map_or(sentence.len(), |(i, _)| i);
    DIED.iter()
        .filter_map(|w| sentence[..stop].find(w).map(|i| i + w.len()))
        .min()
}

/// A [`WORDS_BEFORE_COUNT`] word ending `before` (spaces aside): its kind
/// and byte offset in `before`.
fn word_right_before(before: &str) -> Option<(CasualtyKind, usize)> {
    let trimmed = before.trim_end_matches(' ');
    WORDS_BEFORE_COUNT
        .iter()
        .find(|(w, _)| trimmed.ends_with(w))
        .map(|&(w, kind)| (kind, trimmed.len() - w.len()))
}

/// The casualty word that ends within the last few characters of `before`,
/// returning its kind and byte offset in `before`.
fn word_before(before: &str) -> Option<(CasualtyKind, usize)> {
    if let Some(found) = word_right_before(before) {
        return Some(found);
    }
    let mut tail_start = before.len() - suffix_chars(before, 10).len();
    // A 、 ends the item of a list it is in: in 12人遇难、21人被困 the 21 are
    // not of 遇难.
    if let Some(i) = before[tail_start..].rfind('、') {
        tail_start += i + '、'.len_utf8();
    }
    let tail = &before[tail_start..];
    let (pos, _, kind) = tail
        .char_indices()
        .filter_map(|(i, _)| casualty_word_at(&tail[i..]).map(|(w, k)| (i, w, k)))
        .max_by_key(|&(p, w, _)| (p + w, w))?;
    let prefix = tail[..pos].trim_end_matches("人员");
    if NEGATIONS.iter().any(|neg| prefix.ends_with(neg)) {
        return None;
    }
    Some((kind, tail_start + pos))
}

/// `4.6级地震`, `里氏7.0级`, `震级为5.2级`, `五点二级地震`, `M5.2`: an
/// earthquake magnitude. `quake_text` says the text speaks of an earthquake
/// (for the bare `M5.2` of a witness post).
fn magnitude(n: &Number, before: &str, after: &str, quake_text: bool) -> Option<f64> {
    let single_digit = n.end - n.start <= '五'.len_utf8();
    // M5.2 / M 6.0: seismologists' notation, read only with one decimal
    // (宝马M5 is a car) in a text about an earthquake.
    if let Some(head) = before.strip_suffix('M').map(|h| h.trim_end_matches(' '))
        && quake_text
        && !head.ends_with(|c: char| c.is_ascii_alphanumeric())
        && n.value.fract() != 0.0
        && (1.0..=10.0).contains(&n.value)
    {
        return Some(n.value);
    }
    let rest = after.strip_prefix('级')?;
    let mut value = n.value;
    // ５·８级: headlines write the decimal point as a middle dot; 五点二级:
    // the spoken decimal point, 点, between Chinese digits.
    if let Some(head) = before.strip_suffix(['·', '・', '•', '点'])
        && let Some(d) = head.chars().next_back().and_then(digit_value)
        && single_digit
        && n.value < 10.0
    {
        value = f64::from(d) + n.value / 10.0;
    }
    let near = prefix_chars(rest, 6);
    let quake = near.contains("地震")
        || near.contains("震中")
        || near.contains("震感")
        || before.ends_with("里氏")
        || before.contains("震级")
        // 手机推送说7.1级, 震中就在雅岭: a decimal magnitude in a text about
        // an earthquake (风力12级 has no decimal).
        || (quake_text && value.fract() != 0.0);
    (quake && (1.0..=10.0).contains(&value)).then_some(value)
}

/// The value of one digit, Arabic or Chinese (五点二级).
fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    })
}

/// `直接经济损失约1.2亿元`, `5000万元的经济损失`: a loss in yuan.
fn loss_figure(n: &Number, before: &str, after: &str) -> Option<f64> {
    let yuan = [
        "元",
        "万元",
        "亿元",
        "余元",
        "余万元",
        "多万元",
        "余亿元",
        "多亿元",
    ]
    .iter()
    .find(|u| after.starts_with(**u))?;
    let mult = if yuan.contains('亿') {
        1e8
    } else if yuan.contains('万') {
        1e4
    } else {
        1.0
    };
    let value = n.value * mult;
    let tail_start = before.len() - suffix_chars(before, 12).len();
    let follows_loss = before[tail_start..].contains("损失");
    let precedes_loss = prefix_chars(after, 10).contains("损失");
    (follows_loss || precedes_loss).then_some(value)
}

/// A short phrase around `[start, end)`, within the clause, for reasons.
fn snippet(text: &str, clause_start: usize, clause_end: usize, start: usize, end: usize) -> String {
    let lead: usize = text[clause_start..start]
        .char_indices()
        .rev()
        .nth(3)
        .map_or(clause_start, |(i, _)| clause_start + i);
    let end = end.min(clause_end);
    text[lead..end].to_string()
}

/// Where the item was published, as the daemon knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// Central media and government (人民日报, 新华社, 央视, 国务院…).
    Central,
    /// Provincial media and government.
    Provincial,
    /// City level.
    Municipal,
    /// County level.
    County,
    /// Self-media, forums, personal Weibo/WeChat accounts.
    SelfMedia,
}

/// Signals beyond the text that feed the guess (supplied by the daemon).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Signals {
    /// Who published the item.
    pub authority: Option<Authority>,
    /// Distinct sources carrying the story so far.
    pub source_count: Option<u32>,
    /// Items per hour in the story's latest hour.
    pub items_per_hour: Option<f64>,
}

/// Level from casualty and loss figures, per the accident scale.
pub fn level_from_casualties(c: &Casualties, reasons: &mut Vec<String>) -> Option<Severity> {
    let dead = c.count(CasualtyKind::Dead) + c.count(CasualtyKind::Missing);
    let injured = c.count(CasualtyKind::Injured);
    let sick = c.count(CasualtyKind::Sickened);
    let mut best: Option<Severity> = None;
    let mut consider = |level: Severity, reason: String, best: &mut Option<Severity>| {
        reasons.push(format!("{reason} → {level}"));
        *best = (*best).max(Some(level));
    };
    if dead > 0.0 {
        let level = scale(dead, 30.0, 10.0, 3.0);
        let mut what = format!("{} dead", fmt_count(dead));
        if c.count(CasualtyKind::Missing) > 0.0 {
            what = format!("{} dead or missing", fmt_count(dead));
        }
        let ev: Vec<&str> = [CasualtyKind::Dead, CasualtyKind::Missing]
            .iter()
            .filter_map(|&k| c.evidence(k))
            .collect();
        consider(level, format!("{what} ({})", ev.join("; ")), &mut best);
    }
    // People taken to hospital or ill after a poisoning, a leak or an
    // outbreak count as injured (JUDGEMENT.md); a text often gives both
    // (27名学生送医, 其中3人受伤), so the larger figure counts, not the sum.
    if injured > 0.0 || sick > 0.0 {
        let (count, what, kind) = if sick > injured {
            (sick, "taken ill or to hospital", CasualtyKind::Sickened)
        } else {
            (injured, "injured", CasualtyKind::Injured)
        };
        let level = scale(count, 100.0, 50.0, 10.0);
        let ev = c.evidence(kind).unwrap_or_default();
        consider(
            level,
            format!("{} {what} ({ev})", fmt_count(count)),
            &mut best,
        );
    }
    if let Some((m, ev)) = &c.magnitude {
        // 国家地震应急预案: ≥7.0 especially major, 6.0–7.0 major, 5.0–6.0 large.
        let level = scale(*m, 7.0, 6.0, 5.0);
        consider(level, format!("magnitude {m} earthquake ({ev})"), &mut best);
    }
    if let Some((yuan, ev)) = &c.loss_yuan {
        let level = scale(*yuan, 1e8, 5e7, 1e7);
        consider(
            level,
            format!("direct loss {} ({ev})", fmt_yuan(*yuan)),
            &mut best,
        );
    }
    best
}

/// Level on a four-step scale with thresholds for I, II and III.
fn scale(v: f64, one: f64, two: f64, three: f64) -> Severity {
    if v >= one {
        Severity::I
    } else if v >= two {
        Severity::II
    } else if v >= three {
        Severity::III
    } else {
        Severity::IV
    }
}

fn fmt_count(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn fmt_yuan(v: f64) -> String {
    if v >= 1e8 {
        format!("{}亿元", fmt_count((v / 1e6).round() / 100.0))
    } else if v >= 1e4 {
        format!("{}万元", fmt_count((v / 1e2).round() / 100.0))
    } else {
        format!("{}元", fmt_count(v))
    }
}

/// The level the daemon's signals support: publication by a central or
/// provincial authority or medium is exposure at that tier, and a story
/// carried by ten or more sources, or twenty items in an hour, is 多家媒体
/// 转载 (JUDGEMENT.md: II). For a `directive` the publisher is the channel
/// the demand came through, which alone never lifts an item above III.
pub fn level_from_signals(
    s: &Signals,
    directive: bool,
    reasons: &mut Vec<String>,
) -> Option<Severity> {
    let mut best = None;
    let tier = match s.authority {
        Some(Authority::Central) => Some("central"),
        Some(Authority::Provincial) => Some("provincial"),
        _ => None,
    };
    if let Some(tier) = tier {
        if directive {
            reasons.push(format!(
                "published by a {tier} authority: the channel of a directive, at most III → III"
            ));
            best = Some(Severity::III);
        } else {
            reasons.push(format!("published by a {tier} authority or medium → II"));
            best = Some(Severity::II);
        }
    }
    if let Some(n) = s.source_count
        && n >= 10
    {
        reasons.push(format!("carried by {n} distinct sources → II"));
        best = Some(Severity::II);
    }
    if let Some(r) = s.items_per_hour
        && r >= 20.0
    {
        reasons.push(format!(
            "spreading fast ({r:.0} items in the last hour) → II"
        ));
        best = Some(Severity::II);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Vec<(CasualtyKind, f64)> {
        let c = extract_casualties(text, false);
        let mut v: Vec<(CasualtyKind, f64)> = c.figures.iter().map(|f| (f.kind, f.count)).collect();
        v.sort_by_key(|a| a.0);
        v
    }

    use CasualtyKind::*;

    #[test]
    fn a_count_in_numerals_ends_the_window_of_the_count_before() {
        // The dead are the one, not the three who fell in; the three in
        // hospital are not the three hundred who bought.
        assert_eq!(counts("冰面破裂 三名儿童落水一人死亡"), vec![(Dead, 1.0)]);
        assert_eq!(counts("两名工人坠落一人死亡"), vec![(Dead, 1.0)]);
        assert_eq!(
            counts("网购溶脂针三百余人中招 三人住院"),
            vec![(Sickened, 3.0)]
        );
    }

    #[test]
    fn a_trip_to_a_named_hospital_counts_its_people() {
        assert_eq!(
            counts("氨气泄漏，14名工人被送往县人民医院"),
            vec![(Sickened, 14.0)]
        );
        assert_eq!(counts("十几个村民被送到镇卫生院了"), vec![(Sickened, 10.0)]);
        assert_eq!(counts("中毒的12人被送县医院抢救"), vec![(Sickened, 12.0)]);
        // Counts joined by 和 share the trip; the larger one is the figure.
        assert_eq!(
            counts("现场37名学员和2名教练被送往县人民医院观察治疗")
                .iter()
                .map(|f| f.1)
                .fold(0.0, f64::max),
            37.0
        );
        // A trip that ends in a death is a death.
        assert_eq!(
            counts("三人被救出后送县人民医院，经全力抢救无效死亡。"),
            vec![(Dead, 3.0)]
        );
        // Unless another count owns the death.
        assert_eq!(
            counts("14名员工被送往县人民医院救治，其中1人经抢救无效死亡"),
            vec![(Dead, 1.0), (Sickened, 14.0)]
        );
        // 送 alone before a named county's hospital, and a subset sent on
        // is no new total.
        assert_eq!(
            counts("共有23人送粟塘县人民医院救治，其中3人病情较重已转至市中心医院"),
            vec![(Sickened, 23.0)]
        );
        // A delivery to a hospital is no trip of people.
        assert!(counts("3名志愿者把物资送到县医院").is_empty());
        assert_eq!(counts("早上十几个工友叫不醒"), vec![(Injured, 10.0)]);
    }

    #[test]
    fn a_list_of_symptoms_counts_those_who_showed_them() {
        assert_eq!(
            counts("23名学生先后出现头晕、恶心等一氧化碳中毒症状，已全部送医"),
            vec![(Sickened, 23.0)]
        );
        assert_eq!(
            counts("15名群众出现咳嗽、胸闷、眼睛刺痛等不适"),
            vec![(Sickened, 15.0)]
        );
        // Another count on the way has the symptoms.
        assert!(!counts("20名学生出现在操场上，其中3人出现头晕等症状").contains(&(Sickened, 20.0)));
    }

    #[test]
    fn every_casualty_word_has_a_figure_char() {
        for w in HOSPITALS {
            assert!(
                w.contains(FIGURE_CHARS),
                "{w} has no character of FIGURE_CHARS"
            );
        }
        let words = CASUALTY_WORDS
            .iter()
            .chain(WORDS_BEFORE_COUNT)
            .map(|(w, _)| w);
        for w in words.chain(SICK_CUES) {
            assert!(
                w.contains(FIGURE_CHARS),
                "{w} has no character of FIGURE_CHARS"
            );
        }
    }

    #[test]
    fn reads_casualty_figures_table() {
        let cases: &[(&str, Vec<(CasualtyKind, f64)>)] = &[
            ("事故造成3人死亡", vec![(Dead, 3.0)]),
            ("事故造成三人死亡", vec![(Dead, 3.0)]),
            ("十二名工人遇难", vec![(Dead, 12.0)]),
            ("二十余人受伤", vec![(Injured, 20.0)]),
            ("3人死亡", vec![(Dead, 3.0)]),
            ("死亡人数升至15人", vec![(Dead, 15.0)]),
            ("这下一百多个娃进了医院", vec![(Sickened, 100.0)]),
            ("十几个人被拉到医院", vec![(Sickened, 10.0)]),
            ("隔壁班也一样，四十多个娃发烧回家", vec![(Sickened, 40.0)]),
            ("井下冒顶，困了十几个人", vec![(Missing, 10.0)]),
            ("两名村民下窖取菜时中毒身亡", vec![(Dead, 2.0)]),
            ("车间一股怪味,十几个工友头晕恶心", vec![(Sickened, 10.0)]),
            ("打完针的孩子一个接一个说头晕", vec![]),
            ("大巴冲进河里,听说已经捞上来十几具", vec![(Dead, 10.0)]),
            ("查获假冒灭火器1.1万余具", vec![]),
            ("现场发现3具遗体", vec![(Dead, 3.0)]),
            ("救护车拉走了二十几个,我也吐了两回", vec![(Sickened, 20.0)]),
            ("城管拉走了三个摊子", vec![]),
            ("同一个车间进医院的有十几个", vec![(Sickened, 10.0)]),
            (
                "后山烧起来了,三十多个被救护车拉去县医院了",
                vec![(Sickened, 30.0)],
            ),
            // A headline's space is no clause end, but a word has one count.
            (
                "锅炉爆裂 两名工人受伤 八十余位老人停暖三天",
                vec![(Injured, 2.0)],
            ),
            // A death with no count of its own tells of the nearest count
            // before it in its sentence, or of one person named.
            (
                "一名男子在6楼候梯时,电梯门开启但轿厢未到,该男子一脚踏空坠入井道,经抢救无效死亡",
                vec![(Dead, 1.0)],
            ),
            (
                "砸中路过的一名女子。该女子经送医抢救无效死亡",
                vec![(Dead, 1.0)],
            ),
            (
                "4名工人进入罐体后相继晕倒，送医后经抢救无效死亡",
                vec![(Dead, 4.0)],
            ),
            (
                "15名职工不同程度吸入氨气，已送医观察",
                vec![(Sickened, 15.0)],
            ),
            ("拉去卫生院挂水的有三十好几个", vec![(Sickened, 30.0)]),
            (
                "吃完喜酒一家子上吐下泻，二十几个转去县医院了",
                vec![(Sickened, 20.0)],
            ),
            (
                "整条线的人吐的吐拉的拉，已经拉走二十多个去医院了",
                vec![(Sickened, 20.0)],
            ),
            (
                "下午二十多个孩子肚子疼，都拉到镇卫生院了",
                vec![(Sickened, 20.0)],
            ),
            // The count is of those owed money; 失联 is the boss.
            ("老板欠了40多名工人工资共20万元后失联", vec![]),
            // Trapped underground or under a collapse: missing until
            // brought out; trapped in a lift or on a ride: not counted.
            (
                "透水事故,当班下井12人中7人自行升井,5人被困",
                vec![(Missing, 5.0)],
            ),
            ("隧道塌方,12名作业人员被困洞内", vec![(Missing, 12.0)]),
            ("井下5名被困矿工仍未联系上", vec![(Missing, 5.0)]),
            ("已确认12人遇难、21人被困", vec![(Dead, 12.0)]),
            (
                "瓦斯爆炸,已确认12人遇难、21人被困",
                vec![(Dead, 12.0), (Missing, 21.0)],
            ),
            ("隧道塌方,4名工人被困,经过20个小时全部救出", vec![]),
            ("电梯故障停梯,7名乘客被困约40分钟", vec![]),
            (
                "煤矿瓦斯爆炸 12人遇难21人被困",
                vec![(Dead, 12.0), (Missing, 21.0)],
            ),
            (
                "脚手架坍塌,7名工人被困。经救援,3人受伤送医,4人经抢救无效死亡",
                vec![(Dead, 4.0), (Injured, 3.0)],
            ),
            // A witness's count apart from the word for the illness.
            (
                "下午一个接一个上吐下泻，整个工地二十几个人都拉到县医院去了",
                vec![(Sickened, 20.0)],
            ),
            (
                "吃完酒席上吐下泻，挂水的都排到走廊上了，少说四五十个",
                vec![(Sickened, 40.0)],
            ),
            ("有的已经困了七八个小时", vec![]),
            ("电梯里困了三个晚上", vec![]),
            ("食堂吃完饭，打点滴的少说四五十个人", vec![(Sickened, 40.0)]),
            (
                "红烧肉一股怪味，下午二十几个兄弟上吐下泻，一车一车往医院拉",
                vec![(Sickened, 20.0)],
            ),
            ("我吃了三十多个饺子，晚上上吐下泻", vec![]),
            ("全班40个人，没有一个上吐下泻", vec![]),
            // The searchers are not the missing.
            ("县里组织200余人搜救失联游客", vec![]),
            // Those aboard a boat that lost contact are the missing; a
            // count beside 联系不上 away from sea or wild is not, nor one
            // of whom some were saved.
            (
                "渔船遭遇大风，随后与岸台失去联系，船上共有船员11人",
                vec![(Missing, 11.0)],
            ),
            (
                "起大风之后就联系不上了，船上连他一共十一个人",
                vec![(Missing, 11.0)],
            ),
            ("11名船员失去联系", vec![(Missing, 11.0)]),
            ("老板联系不上了。我们一共十一个人，工钱没拿到", vec![]),
            ("渔船失去联系，船上共有船员11人，已有8人获救", vec![]),
            // Two found dead, one still missing; the earlier count of the
            // missing held the found dead.
            (
                "已找到2名遇难者 仍有1人失联",
                vec![(Dead, 2.0), (Missing, 1.0)],
            ),
            (
                "9人失联。已找到7名遇难者，仍有2人失联",
                vec![(Dead, 7.0), (Missing, 2.0)],
            ),
            // The searchers are not those aboard; a count of the dead
            // decides over the count aboard; 无一生还 saves no one.
            ("驴友失联，当地组织救援队员60人进山搜救", vec![]),
            (
                "渔船出海后与岸台失去联络。船上共有8人，已确认3人遇难",
                vec![(Dead, 3.0)],
            ),
            ("遇难人数已上升到12人", vec![(Dead, 12.0)]),
            ("遇难者增至20人", vec![(Dead, 20.0)]),
            ("截至目前已致3死2伤", vec![(Dead, 3.0), (Injured, 2.0)]),
            (
                "造成3人死亡、5人受伤、2人失联",
                vec![(Dead, 3.0), (Missing, 2.0), (Injured, 5.0)],
            ),
            ("3名工人经抢救无效死亡", vec![(Dead, 3.0)]),
            (
                "事故已造成36人遇难,仍有2人失踪",
                vec![(Dead, 36.0), (Missing, 2.0)],
            ),
            ("共有120余名学生出现呕吐、腹泻症状", vec![(Sickened, 120.0)]),
            ("受伤12人", vec![(Injured, 12.0)]),
            // A listing: each count belongs to the word beside it.
            (
                "全县因灾死亡2人、失踪1人",
                vec![(Dead, 2.0), (Missing, 1.0)],
            ),
            ("15名群众出现咳嗽、胸闷等不适症状", vec![(Sickened, 15.0)]),
            (
                "工地塌了死了三个伤了五个",
                vec![(Dead, 3.0), (Injured, 5.0)],
            ),
            ("四个人就这么没了", vec![(Dead, 4.0)]),
            ("累计报告病例23例,均为轻症", vec![(Sickened, 23.0)]),
            ("3人死亡,后死亡人数升至9人", vec![(Dead, 9.0)]),
            (
                "5名失联人员已全部找到,均已遇难,共造成7人遇难",
                vec![(Dead, 7.0)],
            ),
            ("事故未造成人员伤亡", vec![]),
            // Those just counted, none of them hurt.
            ("航班返航安全落地，机上136名旅客无人受伤", vec![]),
            ("车上30名乘客都没受伤，司机轻伤", vec![]),
            ("3人被抓获,5名嫌疑人", vec![]),
            ("三人被救出时均已无生命体征", vec![(Dead, 3.0)]),
            ("累计发病学生73名", vec![(Sickened, 73.0)]),
            ("十二名工人出现咳嗽胸闷等症状", vec![(Sickened, 12.0)]),
            ("2026年11月22日发生火灾,无人员伤亡", vec![]),
            ("第3次会议", vec![]),
            ("3名扑火人员在扑救过程中牺牲", vec![(Dead, 3.0)]),
            (
                "县里通报了,十四个人没了,还有好几个在抢救",
                vec![(Dead, 14.0)],
            ),
            ("三个人没了工作", vec![]),
            ("十几位老人拉肚子发高烧被送进医院", vec![(Sickened, 10.0)]),
            ("已经收治一百三十多个孩子", vec![(Sickened, 130.0)]),
            // Witnesses' words: a bare 个 right before the casualty word,
            // lives counted, ambulances, the missing not found.
            ("听说有二十几个住院了", vec![(Sickened, 20.0)]),
            ("我们村已经送了二十几个去医院了", vec![(Sickened, 20.0)]),
            ("压了好几个人,有三个没救过来", vec![(Dead, 3.0)]),
            // Five taken by ambulance, three of them dead.
            (
                "救护车拉走五六个,听讲有三个人没救回来",
                vec![(Dead, 3.0), (Sickened, 5.0)],
            ),
            ("一家三口睡着睡着就没醒来", vec![(Dead, 3.0)]),
            ("船上八个人,到现在一个都没找到", vec![(Missing, 8.0)]),
            ("至少十几个人被抬上救护车", vec![(Injured, 10.0)]),
            ("我看到十几个工友被抬上救护车", vec![(Injured, 10.0)]),
            ("二十多个员工呕吐", vec![(Sickened, 20.0)]),
            ("一共四口人到现在没找到", vec![(Missing, 4.0)]),
            ("11条人命,那段路护栏跟纸糊的一样", vec![(Dead, 11.0)]),
            ("三十一条人命", vec![(Dead, 31.0)]),
            ("3个村庄被淹,群众不适应", vec![]),
            ("三个小娃一起下去洗澡 一个都没上来", vec![(Dead, 3.0)]),
            ("六个工友,一个都没活下来", vec![(Dead, 6.0)]),
            ("到现在抬出来七八个 都没气了", vec![(Dead, 7.0)]),
            ("说车上当场就没了五个", vec![(Dead, 5.0)]),
            ("听说伤了二十多个", vec![(Injured, 20.0)]),
            ("矿上说下面三十多个人都还没上来", vec![(Missing, 30.0)]),
            ("医院共接诊该厂员工58人", vec![(Sickened, 58.0)]),
            ("还没3个人报名", vec![]),
            ("来了3个救护车司机", vec![]),
            // Trapped, not heard from, hurt by something, kept in hospital,
            // and 走了 said of a count that ends its clause.
            ("后山塌下来,还有6个人没跑出来", vec![(Missing, 6.0)]),
            ("井下还有七个人联系不上", vec![(Missing, 7.0)]),
            ("屋顶塌了,3个人被砸伤送了医院", vec![(Injured, 3.0)]),
            ("留院观察人员增至21人", vec![(Sickened, 21.0)]),
            ("那天当场就走了两个", vec![(Dead, 2.0)]),
            ("已经走了5个了,还有几个在抢救", vec![(Dead, 5.0)]),
            // Taken away by ambulance: hurt or ill, not dead.
            ("救护车拉走了五个", vec![(Sickened, 5.0)]),
            ("3人获救 2人遇难", vec![(Dead, 2.0)]),
            ("6名被困矿工获救、2人遇难", vec![(Dead, 2.0)]),
            ("其中1名82岁老人经抢救无效死亡", vec![(Dead, 1.0)]),
            ("我们走了三个小时山路", vec![]),
            ("救援队走了两个村", vec![]),
            ("考试结果3个人还没出来成绩", vec![]),
            ("捞上来四个,送到卫生院都没救过来", vec![(Dead, 4.0)]),
            (
                "车冲下了河,伴郎、司机和新娘的弟弟3个人都没救上来",
                vec![(Dead, 3.0)],
            ),
            ("峡谷突发山洪,5名徒步者被洪水冲走", vec![(Missing, 5.0)]),
            ("听说两个班12个娃娃确诊了", vec![(Sickened, 12.0)]),
            ("3辆车被冲走", vec![]),
            ("矿井下面还有5个人没出来,家属都在哭", vec![(Missing, 5.0)]),
        ];
        for (text, want) in cases {
            let mut want = want.clone();
            want.sort_by_key(|a| a.0);
            assert_eq!(counts(text), want, "text: {text}");
        }
    }

    #[test]
    fn quoted_rumors_are_skipped_on_request() {
        let text = "网传“化工厂爆炸死亡上百人”系谣言,经核实事故造成3人死亡";
        assert_eq!(extract_casualties(text, true).count(Dead), 3.0);
        assert_eq!(extract_casualties(text, false).count(Dead), 100.0);
        // Nor does a witness-style count of the sick inside the quote.
        // Single quotes and corner brackets quote a rumour too.
        let text = "有网民发布‘石场垮塌死了四十多人’等不实信息。经核实，已确认9人遇难";
        assert_eq!(extract_casualties(text, true).count(Dead), 9.0);
        let text = "网传『化工厂爆炸死亡上百人』系谣言,经核实事故造成3人死亡";
        assert_eq!(extract_casualties(text, true).count(Dead), 3.0);
        let text = "网传“某小学200多名学生食物中毒”系谣言";
        assert_eq!(extract_casualties(text, true).count(Sickened), 0.0);
    }

    #[test]
    fn text_without_punctuation_is_read_in_linear_time() {
        // 100k numbers with no clause end: a quadratic search would not finish.
        let text = "死亡1人".repeat(100_000);
        assert_eq!(extract_casualties(&text, false).count(Dead), 1.0);
        // Nor without a full stop around a witness's count of the sick.
        let text = format!("上吐下泻{}", "有3个人来".repeat(100_000));
        assert_eq!(extract_casualties(&text, false).count(Sickened), 3.0);
    }

    #[test]
    fn the_buried_count_with_the_missing_until_dug_out() {
        let c = |t: &str| extract_casualties(t, false);
        assert_eq!(
            c("后山滑坡埋了十几个人,挖了一天一个都没挖出来").count(Missing),
            10.0
        );
        let dug = c("房子塌下来了,埋了四个干活的工人,挖出来两个人已经没了,另外两个送医院了");
        assert_eq!(dug.count(Missing), 0.0);
        // Moved out of a flooded tunnel: none missing, the dead counted.
        let moved =
            c("隧道进水,列车停在区间,300余名乘客被困。被困乘客已全部转移,其中6人经抢救无效死亡");
        assert_eq!(moved.count(Missing), 0.0);
        assert_eq!(moved.count(Dead), 6.0);
    }

    #[test]
    fn a_death_told_without_a_count_is_of_the_people_counted_before_it() {
        let dead = |t: &str| extract_casualties(t, false).count(Dead);
        assert_eq!(dead("4人被发现一氧化碳中毒,经送医抢救无效死亡"), 4.0);
        assert_eq!(
            dead(
                "该乡3名村民饮用散装白酒后出现头痛、视物模糊等症状,经抢救无效死亡,另有4人住院治疗"
            ),
            3.0
        );
        // A count of its own, or someone named, says who died: the driver
        // is one, not the thirty aboard.
        assert_eq!(dead("事故造成5人受伤,其中1人经抢救无效死亡"), 1.0);
        assert_eq!(dead("一辆载有30人的大巴侧翻,司机经抢救无效死亡"), 1.0);
        // The nearest count before it in its sentence, clauses back.
        assert_eq!(
            dead("一名男子驾车行经改造路段时,撞上路中的沙堆后摔倒,经送医抢救无效死亡"),
            1.0
        );
        // Two counts before it: whose death is not said.
        assert_eq!(dead("3人受伤、2人被困,经抢救无效死亡"), 0.0);
        // Found dead: the clause before counts them.
        assert_eq!(dead("工地坍塌,3名工人被埋,救出时已无生命体征"), 3.0);
        assert_eq!(
            dead("3名船员在机舱内作业时一氧化碳中毒,被发现时已无生命体征"),
            3.0
        );
        assert_eq!(dead("屋内一家三口被困,被救出时均已死亡"), 3.0);
        assert_eq!(dead("4名儿童落水,打捞上岸时均已无生命迹象"), 4.0);
        // A clause of its own count, someone else arriving, or no word
        // saying it was already so: not the count before.
        assert_eq!(dead("5人被困,死亡2人"), 2.0);
        assert_eq!(dead("3人被困,消防员赶到时均已死亡"), 0.0);
        assert_eq!(dead("3人被困,死亡原因正在调查"), 0.0);
    }

    #[test]
    fn reads_earthquake_magnitudes() {
        let level = |t: &str| level_from_casualties(&extract_casualties(t, false), &mut Vec::new());
        assert_eq!(
            level("某县发生4.6级地震,震源深度12公里"),
            Some(Severity::IV)
        );
        assert_eq!(level("某地发生里氏7.0级强烈地震"), Some(Severity::I));
        assert_eq!(level("震级为6.2级"), Some(Severity::II));
        assert_eq!(level("某地发生5.1级地震"), Some(Severity::III));
        assert_eq!(level("风力达到12级"), None);
        assert_eq!(level("某县发生5·8级地震"), Some(Severity::III));
        assert_eq!(level("里氏7级地震"), Some(Severity::I));
        // The spoken decimal point and the seismologists' M.
        assert_eq!(level("我县发生五点二级地震"), Some(Severity::III));
        assert_eq!(level("六点四级地震,老房子塌了"), Some(Severity::II));
        assert_eq!(level("刚被晃醒,网上说是M5.2地震"), Some(Severity::III));
        assert_eq!(level("地震了,M6.1,楼下好多人"), Some(Severity::II));
        assert_eq!(level("宝马M5.0上市,比地震还震撼"), None);
        assert_eq!(level("手机推送说7.1级 震中就在雅岭"), Some(Severity::I));
        assert_eq!(level("台风登陆时风力12级,地震局提醒"), None);
        assert_eq!(level("下午五点二十分"), None);
    }

    #[test]
    fn reads_losses() {
        let c = extract_casualties("火灾造成直接经济损失约1.2亿元", false);
        assert_eq!(c.loss_yuan.as_ref().map(|l| l.0), Some(1.2e8));
        let c = extract_casualties("造成3000余万元的经济损失", false);
        assert_eq!(c.loss_yuan.as_ref().map(|l| l.0), Some(3e7));
        let c = extract_casualties("项目总投资5000万元", false);
        assert_eq!(c.loss_yuan, None);
    }

    #[test]
    fn scale_matches_the_regulation() {
        let level = |t: &str| level_from_casualties(&extract_casualties(t, false), &mut Vec::new());
        assert_eq!(level("造成30人死亡"), Some(Severity::I));
        assert_eq!(level("造成29人死亡"), Some(Severity::II));
        assert_eq!(level("造成10人死亡"), Some(Severity::II));
        assert_eq!(level("造成3人死亡"), Some(Severity::III));
        assert_eq!(level("造成2人死亡"), Some(Severity::IV));
        assert_eq!(level("8人死亡、2人失联"), Some(Severity::II));
        assert_eq!(level("100人受伤"), Some(Severity::I));
        assert_eq!(level("55人受伤"), Some(Severity::II));
        assert_eq!(level("直接经济损失5000万元"), Some(Severity::II));
        assert_eq!(level("直接经济损失900万元"), Some(Severity::IV));
        assert_eq!(level("没有数字"), None);
        // Taken ill or to hospital counts as injured.
        assert_eq!(level("六十多名员工食物中毒送医"), Some(Severity::II));
        assert_eq!(level("27名学生出现不适送医"), Some(Severity::III));
    }

    #[test]
    fn reasons_quote_the_text() {
        let mut reasons = Vec::new();
        level_from_casualties(&extract_casualties("事故造成3人死亡", false), &mut reasons);
        assert_eq!(reasons, vec!["3 dead (事故造成3人死亡) → III"]);
    }
}
