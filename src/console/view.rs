//! What pages show, in Chinese: labels of statuses, severities, categories,
//! actions and deadlines; Beijing times and countdowns; matched terms
//! highlighted. Pure functions, so templates stay plain.

use chrono::{DateTime, Duration, Utc};

use crate::cases::{Case, CaseStatus};
use crate::classify::{Category, Flag, Severity};
use crate::config::Role;

fn beijing(t: DateTime<Utc>, format: &str) -> String {
    t.with_timezone(&crate::time::china())
        .format(format)
        .to_string()
}

/// `2026-11-22 08:00` in Beijing time.
pub fn bj(t: DateTime<Utc>) -> String {
    beijing(t, "%Y-%m-%d %H:%M")
}

/// `11-22 08:00` in Beijing time (queue columns).
pub fn bj_short(t: DateTime<Utc>) -> String {
    beijing(t, "%m-%d %H:%M")
}

/// `2026-11-22T08:00`, Beijing time, for `<input type="datetime-local">`.
pub fn bj_input(t: DateTime<Utc>) -> String {
    beijing(t, "%Y-%m-%dT%H:%M")
}

/// A query or form value, trimmed; `None` when absent or blank.
pub fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// `k=v&…` of the non-blank `fields`, values percent-encoded, then `limit`.
pub fn query_string(fields: &[(&str, &Option<String>)], limit: Option<usize>) -> String {
    let mut parts: Vec<String> = fields
        .iter()
        .filter_map(|(k, v)| blank(v).map(|v| format!("{k}={}", url_encode(v))))
        .collect();
    if let Some(l) = limit {
        parts.push(format!("limit={l}"));
    }
    parts.join("&")
}

/// A span of time as people say it: `2天3小时`, `3小时12分`, `12分钟`.
pub fn span_zh(d: Duration) -> String {
    let mins = d.num_minutes().abs();
    let (days, hours, m) = (mins / 1440, (mins % 1440) / 60, mins % 60);
    if days > 0 {
        format!("{days}天{hours}小时")
    } else if hours > 0 {
        format!("{hours}小时{m}分")
    } else {
        format!("{m}分钟")
    }
}

/// Chinese name of a role.
pub fn role_label(r: Role) -> &'static str {
    match r {
        Role::Viewer => "查看员",
        Role::Analyst => "分析员",
        Role::Admin => "管理员",
    }
}

/// Chinese name of a workflow status.
pub fn status_label(s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::New => "待研判",
        CaseStatus::Confirmed => "已确认",
        CaseStatus::Dismissed => "已排除",
        CaseStatus::Assigned => "已交办",
        CaseStatus::Responded => "已回应",
        CaseStatus::Closed => "已办结",
    }
}

/// `Ⅰ级 特别重大`: the numeral and the name, so severity never rests on
/// colour alone.
pub fn severity_label(s: Severity) -> String {
    let numeral = match s {
        Severity::I => "Ⅰ",
        Severity::II => "Ⅱ",
        Severity::III => "Ⅲ",
        Severity::IV => "Ⅳ",
    };
    format!("{numeral}级 {}", s.label_zh())
}

/// The CSS class that colours a severity.
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::I => "sev-1",
        Severity::II => "sev-2",
        Severity::III => "sev-3",
        Severity::IV => "sev-4",
    }
}

/// Short name of a category for queue columns.
pub fn category_short(c: Category) -> &'static str {
    match c {
        Category::Policy => "政策误读",
        Category::Interest => "切身利益",
        Category::Morality => "道德底线",
        Category::Emergency => "突发事件",
        Category::Directive => "上级要求",
    }
}

/// Chinese name of a flag.
pub fn flag_label(f: Flag) -> &'static str {
    match f {
        Flag::Rumor => "涉谣言",
        Flag::Urgent => "紧急交办",
    }
}

/// Chinese name of an action ([`crate::cases::Action::name`]).
pub fn action_label(name: &str) -> &'static str {
    match name {
        "confirm" => "确认",
        "dismiss" => "排除",
        "assign" => "交办",
        "respond" => "登记回应",
        "close" => "办结",
        "reopen" => "重新打开",
        "set_severity" => "调整级别",
        "set_categories" => "调整类别",
        "note" => "备注",
        "merge" => "合并",
        "split" => "拆分",
        _ => "操作",
    }
}

/// Chinese name of a deadline kind (`info`, `presser`, `respond`,
/// `assignment`), with its length.
pub fn deadline_label(kind: &str) -> &'static str {
    match kind {
        "info" => "发布权威信息（5小时）",
        "presser" => "新闻发布会（24小时）",
        "respond" => "回应（48小时）",
        "assignment" => "交办约定时限",
        _ => "时限",
    }
}

/// Chinese name of a source kind.
pub fn kind_label(kind: Option<&str>) -> String {
    match kind {
        None => "—".into(),
        Some("weibo") => "微博".into(),
        Some("wechat") => "微信公众号".into(),
        Some("portal") => "政府网站".into(),
        Some("forum") => "论坛".into(),
        Some("news") => "新闻".into(),
        Some("comment") => "跟帖评论".into(),
        Some("manual") => "人工录入".into(),
        Some(other) => other.to_string(),
    }
}

/// The URL as a link target when it is a web address, else `None`: an
/// item's URL comes from outside, and a `javascript:` link must never be
/// one click away.
pub fn web_link(url: Option<&str>) -> Option<String> {
    url.filter(|u| {
        let l = u.trim_start().to_ascii_lowercase();
        l.starts_with("http://") || l.starts_with("https://")
    })
    .map(str::to_string)
}

/// Percent-encodes a query value.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One due time of a case as pages show it.
#[derive(Debug, Clone)]
pub struct Due {
    /// Its kind's label.
    pub label: &'static str,
    /// Beijing time.
    pub at: String,
    /// Beijing time without the year (queue columns).
    pub at_short: String,
    /// Unix milliseconds (the script's countdown).
    pub ms: i64,
    /// `剩余 3小时12分` or `已超时 1小时5分`.
    pub left: String,
    /// The time left or past alone: `3小时12分`.
    pub span: String,
    /// Past without a response.
    pub overdue: bool,
    /// Met (responded by then), missed (responded later), or open.
    pub state: &'static str,
}

/// Every due time of a case, soonest first, judged at `now`.
pub fn dues(case: &Case, now: DateTime<Utc>) -> Vec<Due> {
    let responded = case.response.as_ref().map(|r| r.at);
    let overdue = case.overdue(now);
    let mut out: Vec<Due> = [
        ("info", case.deadlines.info_due),
        ("presser", case.deadlines.presser_due),
        ("respond", case.deadlines.respond_due),
        ("assignment", case.assignment.as_ref().and_then(|a| a.due)),
    ]
    .into_iter()
    .filter_map(|(kind, due)| {
        let due = due?;
        let is_overdue = overdue.contains(&kind);
        let state = match responded {
            Some(r) if r <= due => "按时回应",
            Some(_) => "超时回应",
            None if case.status.is_settled() => "无需回应",
            None if is_overdue => "已超时",
            None => "办理中",
        };
        Some(Due {
            label: deadline_label(kind),
            at: bj(due),
            at_short: bj_short(due),
            ms: due.timestamp_millis(),
            left: if due >= now {
                format!("剩余 {}", span_zh(due - now))
            } else {
                format!("已超时 {}", span_zh(now - due))
            },
            span: span_zh(due - now),
            overdue: is_overdue,
            state,
        })
    })
    .collect();
    out.sort_by_key(|d| d.ms);
    out
}

/// The queue's deadline column: the most pressing due time of an open
/// case.
#[derive(Debug, Clone)]
pub struct NextDue {
    /// Settled cases: their status instead of a countdown.
    pub settled: Option<&'static str>,
    /// The earliest missed due time, when there is one (催办).
    pub missed: Option<Due>,
    /// The next due time still ahead.
    pub next: Option<Due>,
}

/// The deadline column of `case` at `now`.
pub fn next_due(case: &Case, now: DateTime<Utc>) -> NextDue {
    if case.status.is_settled() {
        return NextDue {
            settled: Some(status_label(case.status)),
            missed: None,
            next: None,
        };
    }
    let all = dues(case, now);
    NextDue {
        settled: None,
        missed: all.iter().find(|d| d.overdue).cloned(),
        next: all.into_iter().find(|d| d.ms >= now.timestamp_millis()),
    }
}

/// A piece of text, marked when it is a matched term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    /// The text.
    pub text: String,
    /// True for a matched term.
    pub hit: bool,
}

/// Splits `text` into pieces with every occurrence of `terms` marked
/// (longest term first where they overlap). Terms matched on the
/// normalized text (traditional characters, full-width digits) that do not
/// occur literally are simply not marked; pages list them beside.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Seg> {
    let mut terms: Vec<&str> = terms
        .iter()
        .map(|t| t.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    terms.dedup();
    let mut out: Vec<Seg> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(t) = terms.iter().find(|t| rest.starts_with(**t)) {
            if !plain.is_empty() {
                out.push(Seg {
                    text: std::mem::take(&mut plain),
                    hit: false,
                });
            }
            out.push(Seg {
                text: (*t).to_string(),
                hit: true,
            });
            rest = &rest[t.len()..];
        } else {
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                plain.push(c);
            }
            rest = chars.as_str();
        }
    }
    if !plain.is_empty() {
        out.push(Seg {
            text: plain,
            hit: false,
        });
    }
    out
}

/// The first `n` characters of `text`, with `…` when cut.
pub fn excerpt(text: &str, n: usize) -> String {
    let text = text.trim();
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_as_people_say_them() {
        assert_eq!(span_zh(Duration::minutes(12)), "12分钟");
        assert_eq!(span_zh(Duration::minutes(192)), "3小时12分");
        assert_eq!(span_zh(Duration::hours(51)), "2天3小时");
        assert_eq!(span_zh(Duration::minutes(-5)), "5分钟");
    }

    #[test]
    fn beijing_time_is_utc_plus_eight() {
        let t = DateTime::parse_from_rfc3339("2026-11-22T20:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(bj(t), "2026-11-23 04:30");
        assert_eq!(bj_short(t), "11-23 04:30");
        assert_eq!(bj_input(t), "2026-11-23T04:30");
    }

    #[test]
    fn terms_are_marked_longest_first() {
        let segs = highlight(
            "化工园区爆炸，爆炸致3人死亡",
            &["爆炸".into(), "化工园区爆炸".into(), "死亡".into()],
        );
        let marked: Vec<(&str, bool)> = segs.iter().map(|s| (s.text.as_str(), s.hit)).collect();
        assert_eq!(
            marked,
            vec![
                ("化工园区爆炸", true),
                ("，", false),
                ("爆炸", true),
                ("致3人", false),
                ("死亡", true)
            ]
        );
        assert_eq!(
            highlight("无", &[]),
            vec![Seg {
                text: "无".into(),
                hit: false
            }]
        );
    }

    #[test]
    fn only_web_links_are_links() {
        assert_eq!(
            web_link(Some("https://example.org/a")).as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(web_link(Some("javascript:alert(1)")), None);
        assert_eq!(web_link(Some(" JAVASCRIPT:x")), None);
        assert_eq!(web_link(None), None);
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(url_encode("/cases/7?x=1&y"), "%2Fcases%2F7%3Fx%3D1%26y");
        assert_eq!(url_encode("爆"), "%E7%88%86");
    }
}
