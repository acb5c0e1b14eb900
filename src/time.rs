//! Times as people write them in queries, flags and files.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

/// China Standard Time, the zone of every office this tool serves: a bare
/// date or local time in a query means Beijing time.
pub fn china() -> FixedOffset {
    // 8 hours is within FixedOffset's range, so this is never the fallback.
    FixedOffset::east_opt(8 * 3600).unwrap_or(Utc.fix())
}

/// Parses `2026-11-22T08:00:00Z`, `2026-11-22T08:00:00+08:00`,
/// `2026-11-22 08:00` / `2026-11-22T08:00:00` (Beijing time) or
/// `2026-11-22` (midnight, Beijing time).
pub fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let local = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    });
    local
        .and_then(|t| china().from_local_datetime(&t).single())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            format!(
                "'{s}' is not a time: write 2026-11-22, 2026-11-22 08:00 (Beijing time) or 2026-11-22T00:00:00Z"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_people_write() {
        let utc = |s: &str| parse_time(s).map(|t| t.to_rfc3339());
        assert_eq!(utc("2026-11-22"), Ok("2026-11-21T16:00:00+00:00".into()));
        assert_eq!(
            utc("2026-11-22 08:30"),
            Ok("2026-11-22T00:30:00+00:00".into())
        );
        assert_eq!(
            utc("2026-11-22T08:00:00Z"),
            Ok("2026-11-22T08:00:00+00:00".into())
        );
        assert_eq!(
            utc("2026-11-22T08:00:00+08:00"),
            Ok("2026-11-22T00:00:00+00:00".into())
        );
        assert!(parse_time("yesterday").is_err());
        assert!(parse_time("2026-13-01").is_err());
    }
}
