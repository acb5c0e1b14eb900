//! Severity reasons in Chinese for people outside the analysts' room: the
//! leaders and duty groups who read an alert. The reasons the classifier
//! writes (see [`super::Classification::reasons`]) are for analysts and
//! operators: English, with the keyword rule's `file:line`. Here each
//! becomes the Chinese evidence and the level it supports, without paths;
//! the lines that only explain the machinery (exclusions, flags, figures
//! not counted) are left out.

use super::types::Severity;

/// The Chinese form of one reason line, or `None` for a line meant only
/// for analysts and operators.
pub fn reason_zh(reason: &str) -> Option<String> {
    const INTERNAL: [&str; 6] = [
        "excluded:",
        "not counted:",
        "urgent:",
        "rumor:",
        "abroad:",
        "directive:",
    ];
    if INTERNAL.iter().any(|p| reason.starts_with(p)) {
        return None;
    }
    if reason.starts_with("no casualty figure") {
        return Some("无伤亡数字、损失或扩散迹象，属一般个案 → 一般".into());
    }
    if let Some(rest) = reason.strip_prefix("raised ") {
        // raised III → II (重大)
        let (from, to) = rest.split_once(" → ")?;
        let to = to.split_whitespace().next().unwrap_or(to);
        return Some(format!(
            "多项因素叠加，由{}升为{}",
            level_zh(from.trim()),
            level_zh(to)
        ));
    }
    let (what, level) = match reason.rsplit_once(" → ") {
        Some((w, l)) => (w, level_zh(l.trim())),
        None => (reason, String::new()),
    };
    let what = evidence_zh(what);
    if what.is_empty() {
        return None;
    }
    Some(if level.is_empty() {
        what
    } else {
        format!("{what} → {level}")
    })
}

/// The Chinese evidence of a reason's left-hand side.
fn evidence_zh(what: &str) -> String {
    let what = what.trim();
    for (prefix, label) in [
        ("affected by a disaster:", "受灾涉及人数"),
        ("affected:", "涉及人数"),
        ("spread:", "传播量"),
        ("reposts:", "转发量"),
        ("replies:", "回复量"),
        ("provinces:", "波及范围"),
    ] {
        if let Some(ev) = what.strip_prefix(prefix) {
            return format!("{label}：{}", ev.trim());
        }
    }
    if let Some(rest) = what.strip_prefix("on record:") {
        let body = rest.split(',').next().unwrap_or(rest).trim();
        return format!("{body}已发布或介入（县级以上机关）");
    }
    if let Some(rest) = what.strip_prefix("published by a ") {
        let tier = rest.split_whitespace().next().unwrap_or("");
        let tier_zh = match tier {
            "central" => "中央",
            "provincial" => "省级",
            "municipal" => "市级",
            "county" => "县级",
            _ => "权威",
        };
        return if rest.contains("directive") {
            format!("{tier_zh}机关批示交办渠道")
        } else {
            format!("{tier_zh}媒体或机构发布")
        };
    }
    if let Some(rest) = what.strip_prefix("carried by ") {
        let n = rest.split_whitespace().next().unwrap_or("多");
        return format!("{n}个不同来源转载");
    }
    if what.starts_with("spreading fast") {
        return "短时间内集中传播".into();
    }
    // `N dead (evidence)`, `terms (keywords/x.txt:N)`: the parenthesis holds
    // either the text's own words (kept) or a rule's place (dropped).
    if let Some((head, paren)) = what.strip_suffix(')').and_then(|w| w.split_once(" (")) {
        if paren.contains(".txt:") {
            return head.trim().to_string();
        }
        return paren.trim().to_string();
    }
    what.to_string()
}

/// `II` → `重大（II级）`; `+1` → `升一级`; anything else as it is.
fn level_zh(level: &str) -> String {
    if let Some(n) = level.strip_prefix('+') {
        return format!("升{n}级");
    }
    match Severity::parse(level) {
        Some(s) => format!("{}（{}级）", s.label_zh(), s.roman()),
        None => level.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_in_chinese_without_rule_locations() {
        let cases = [
            (
                "12 dead (故共造成12人死亡) → II",
                Some("故共造成12人死亡 → 重大（II级）"),
            ),
            (
                "affected: 数百名业主 → II",
                Some("涉及人数：数百名业主 → 重大（II级）"),
            ),
            (
                "affected by a disaster: 3个村900余名群众 → III",
                Some("受灾涉及人数：3个村900余名群众 → 较大（III级）"),
            ),
            (
                "聚集+拉横幅+抗议 (keywords/severity.txt:30) → II",
                Some("聚集+拉横幅+抗议 → 重大（II级）"),
            ),
            (
                "on record: 市政府, a body of county level or above → III",
                Some("市政府已发布或介入（县级以上机关） → 较大（III级）"),
            ),
            (
                "raised IV → III (较大)",
                Some("多项因素叠加，由一般（IV级）升为较大（III级）"),
            ),
            (
                "excluded: emergency rule keywords/emergency.txt:22 vetoed by 演练",
                None,
            ),
            ("urgent: 有毒气体 (keywords/urgent.txt:15)", None),
        ];
        for (en, zh) in cases {
            let got = reason_zh(en);
            assert_eq!(got.as_deref(), zh, "{en}");
            if let Some(g) = got {
                assert!(!g.contains(".txt"), "{g}");
            }
        }
    }
}
