//! Alert bodies: our generic JSON document, and the markdown messages of
//! WeCom (企业微信) and DingTalk (钉钉) group robots.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::{Event, EventKind, WebhookKind};
use crate::cases::Case;
use crate::classify::explain::reason_zh;
use crate::time::china;

/// WeCom rejects markdown content over 4096 bytes.
const WECOM_LIMIT: usize = 4000;
/// DingTalk refuses a request body over 20,000 bytes (errcode 460101);
/// the text is most of it, JSON escaping and the title the rest.
const DINGTALK_LIMIT: usize = 18_000;
/// Longest title shown in a robot message.
const TITLE_CHARS: usize = 120;
/// Longest reasons line, in characters, when there is room.
const REASON_CHARS: usize = 400;

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

/// The request body for a webhook of `kind`. Robots get a message for the
/// people in the group: Chinese, with a link to the console's case page,
/// fitted to the robot's size limit. The generic document carries both the
/// console link and the JSON API's.
pub fn body(kind: WebhookKind, case: &Case, e: &Event, base: &str, now: DateTime<Utc>) -> String {
    let page = format!("{base}/cases/{}", case.id);
    match kind {
        WebhookKind::Generic => {
            let api = format!("{base}/api/v1/cases/{}", case.id);
            generic(case, e, &api, &page, now).to_string()
        }
        WebhookKind::Wecom => json!({
            "msgtype": "markdown",
            "markdown": {"content": markdown(case, e, &page, WECOM_LIMIT)},
        })
        .to_string(),
        WebhookKind::Dingtalk => json!({
            "msgtype": "markdown",
            "markdown": {
                "title": format!("舆情预警：{}", escape(&short(&case.title, 40))),
                "text": markdown(case, e, &page, DINGTALK_LIMIT),
            },
        })
        .to_string(),
    }
}

/// The body announcing a written report (robots cannot carry files): its
/// title, its headline counts and a link to the console's download.
/// `event` is `report`'s identifier (`report:daily:2026-11-30`).
pub fn report_body(
    kind: WebhookKind,
    event: &str,
    title: &str,
    lines: &[String],
    link: &str,
    now: DateTime<Utc>,
) -> String {
    let text = || {
        let mut t = format!("**【{}】**", escape(title));
        for l in lines {
            t.push_str("\n> ");
            t.push_str(&escape(l));
        }
        t.push_str(&format!("\n[下载报告]({link})"));
        t
    };
    match kind {
        WebhookKind::Generic => json!({
            "event": "report",
            "event_id": event,
            "at": now,
            "report": {"title": title, "lines": lines, "page": link},
        })
        .to_string(),
        WebhookKind::Wecom => json!({
            "msgtype": "markdown",
            "markdown": {"content": text()},
        })
        .to_string(),
        WebhookKind::Dingtalk => json!({
            "msgtype": "markdown",
            "markdown": {"title": escape(title), "text": text()},
        })
        .to_string(),
    }
}

fn generic(case: &Case, e: &Event, link: &str, page: &str, now: DateTime<Utc>) -> Value {
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
            "page": page,
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

/// Text from the internet made inert in robot markdown: the characters
/// that would start markup (or HTML, which WeCom renders in part) become
/// their full-width forms, which read the same to people; line breaks
/// become spaces.
fn escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '*' => '＊',
            '#' => '＃',
            '[' => '［',
            ']' => '］',
            '`' => '｀',
            '>' => '＞',
            '<' => '＜',
            '&' => '＆',
            '_' => '＿',
            '~' => '～',
            '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect()
}

/// The message lines, gravest facts first. The deadline, department and
/// link lines are never shortened; when the message is over the robot's
/// limit, the reasons, then the regions, then the title give way.
fn markdown(case: &Case, e: &Event, link: &str, limit: usize) -> String {
    let head = format!(
        "**【舆情预警·{}】{}（{}级）**",
        event_zh(e),
        case.severity.label_zh(),
        case.severity.roman()
    );
    let cats: Vec<&str> = case.categories.iter().map(|c| c.label_zh()).collect();
    let reasons: Vec<String> = case
        .severity_reasons
        .iter()
        .filter_map(|r| reason_zh(r))
        .map(|r| escape(&r))
        .collect();
    let regions: Vec<String> = case.regions.iter().map(|r| escape(r)).collect();
    let mut tail = Vec::new();
    if let Some((kind, due)) = deadline_of(case, e) {
        tail.push(format!(
            "> 时限：{} {}（北京时间）",
            deadline_zh(kind),
            beijing(due)
        ));
    }
    if let Some(d) = case.responsible_department() {
        tail.push(format!("> 责任部门：{}", escape(d)));
    }
    tail.push(format!("> 信息条数：{}", case.item_count));
    tail.push(format!("[查看案件 #{}]({link})", case.id));
    // Progressively shorter forms of the middle, longest first.
    let shapes: [(usize, usize, usize, usize); 5] = [
        (TITLE_CHARS, usize::MAX, usize::MAX, REASON_CHARS),
        (TITLE_CHARS, 8, 3, 200),
        (TITLE_CHARS, 3, 1, 80),
        (40, 1, 0, 0),
        (20, 0, 0, 0),
    ];
    let mut out = String::new();
    for (title_chars, max_regions, max_reasons, reason_chars) in shapes {
        let mut lines = vec![head.clone()];
        lines.push(format!(
            "> 标题：{}",
            escape(&short(&case.title, title_chars))
        ));
        lines.push(format!("> 类别：{}", cats.join("、")));
        if !regions.is_empty() && max_regions > 0 {
            let shown: Vec<&str> = regions
                .iter()
                .take(max_regions)
                .map(String::as_str)
                .collect();
            let more = regions.len().saturating_sub(shown.len());
            let mut line = format!("> 地域：{}", shown.join("、"));
            if more > 0 {
                line.push_str(&format!("等{}地", regions.len()));
            }
            lines.push(line);
        }
        if !reasons.is_empty() && max_reasons > 0 {
            let joined: Vec<&str> = reasons
                .iter()
                .take(max_reasons)
                .map(String::as_str)
                .collect();
            lines.push(format!(
                "> 分级理由：{}",
                short(&joined.join("；"), reason_chars)
            ));
        }
        lines.extend(tail.iter().cloned());
        out = lines.join("\n");
        if out.len() <= limit {
            return out;
        }
    }
    out
}
