//! Alert bodies: our generic JSON document, and the markdown messages of
//! WeCom (企业微信) and DingTalk (钉钉) group robots.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::{Event, EventKind, WebhookKind};
use crate::cases::Case;
use crate::time::china;

/// WeCom rejects markdown content over 4096 bytes.
const WECOM_LIMIT: usize = 4000;
/// Longest title shown in a robot message.
const TITLE_CHARS: usize = 120;

fn beijing(t: DateTime<Utc>) -> String {
    t.with_timezone(&china())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Chinese name of a deadline kind.
pub fn deadline_zh(kind: &str) -> &'static str {
    match kind {
        "info" => "发布权威信息",
        "presser" => "举行新闻发布会",
        "respond" => "回应关切",
        "assignment" => "交办办结",
        _ => "办理",
    }
}

fn event_zh(e: &Event) -> String {
    match e.kind {
        EventKind::New => "新案件".into(),
        EventKind::Escalated => match e.from {
            Some(f) => format!("升级（{}→）", f.label_zh()),
            None => "升级".into(),
        },
        EventKind::DueSoon => "即将到期（催办）".into(),
        EventKind::Overdue => "已超时（催办）".into(),
    }
}

/// The case's nearest open deadline, or the reminder's own.
fn deadline_of(case: &Case, e: &Event) -> Option<(&'static str, DateTime<Utc>)> {
    e.deadline.or_else(|| {
        [
            ("info", case.deadlines.info_due),
            ("presser", case.deadlines.presser_due),
            ("respond", case.deadlines.respond_due),
            ("assignment", case.assignment.as_ref().and_then(|a| a.due)),
        ]
        .into_iter()
        .filter_map(|(k, d)| d.map(|d| (k, d)))
        .min_by_key(|(_, d)| *d)
    })
}

/// The request body for a webhook of `kind`.
pub fn body(kind: WebhookKind, case: &Case, e: &Event, base: &str, now: DateTime<Utc>) -> String {
    let link = format!("{base}/api/v1/cases/{}", case.id);
    match kind {
        WebhookKind::Generic => generic(case, e, &link, now).to_string(),
        WebhookKind::Wecom => json!({
            "msgtype": "markdown",
            "markdown": {"content": truncate_bytes(&markdown(case, e, &link), WECOM_LIMIT)},
        })
        .to_string(),
        WebhookKind::Dingtalk => json!({
            "msgtype": "markdown",
            "markdown": {
                "title": format!("舆情预警：{}", short(&case.title, 40)),
                "text": markdown(case, e, &link),
            },
        })
        .to_string(),
    }
}

fn generic(case: &Case, e: &Event, link: &str, now: DateTime<Utc>) -> Value {
    let deadline =
        deadline_of(case, e).map(|(k, d)| json!({"kind": k, "kind_zh": deadline_zh(k), "due": d}));
    json!({
        "event": e.kind.name(),
        "event_id": e.key,
        "at": now,
        "case": {
            "id": case.id,
            "title": case.title,
            "categories": case.categories,
            "categories_zh": case.categories.iter().map(|c| c.label_zh()).collect::<Vec<_>>(),
            "severity": case.severity.roman(),
            "severity_zh": case.severity.label_zh(),
            "previous_severity": e.from.map(|s| s.roman()),
            "severity_reasons": case.severity_reasons,
            "regions": case.regions,
            "status": case.status.name(),
            "department": case.responsible_department(),
            "item_count": case.item_count,
            "first_seen": case.first_seen,
            "last_seen": case.last_seen,
            "deadline": deadline,
            "link": link,
        },
    })
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

fn truncate_bytes(s: &str, limit: usize) -> String {
    if s.len() <= limit {
        return s.to_string();
    }
    let mut end = limit.saturating_sub(3);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// Markdown shared by the two robots (both render `**`, `>` and links).
fn markdown(case: &Case, e: &Event, link: &str) -> String {
    // Markdown control characters in a title from the internet would
    // garble the message; they carry no meaning here.
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if matches!(c, '*' | '#' | '[' | ']' | '`' | '>' | '\n' | '\r') {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    };
    let mut lines = vec![format!(
        "**【舆情预警·{}】{}（{}级）**",
        event_zh(e),
        case.severity.label_zh(),
        case.severity.roman()
    )];
    lines.push(format!(
        "> 标题：{}",
        clean(&short(&case.title, TITLE_CHARS))
    ));
    let cats: Vec<&str> = case.categories.iter().map(|c| c.label_zh()).collect();
    lines.push(format!("> 类别：{}", cats.join("、")));
    if !case.regions.is_empty() {
        lines.push(format!("> 地域：{}", case.regions.join("、")));
    }
    if !case.severity_reasons.is_empty() {
        lines.push(format!(
            "> 分级理由：{}",
            clean(&short(&case.severity_reasons.join("；"), 200))
        ));
    }
    if let Some((kind, due)) = deadline_of(case, e) {
        lines.push(format!(
            "> 时限：{} {}（北京时间）",
            deadline_zh(kind),
            beijing(due)
        ));
    }
    if let Some(d) = case.responsible_department() {
        lines.push(format!("> 责任部门：{d}"));
    }
    lines.push(format!("> 信息条数：{}", case.item_count));
    lines.push(format!("[查看案件 #{}]({link})", case.id));
    lines.join("\n")
}
