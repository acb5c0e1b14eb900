//! Poll schedules: operators write the usual 5-field crontab
//! (`*/10 * * * *`, Sunday = 0 or 7); the cron crate wants a seconds field
//! and counts Sunday as 1, so expressions are translated here. Each source
//! also gets a fixed jitter, so sources sharing a host do not fire together.

use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};
use cron::Schedule;

/// The schedule when a source gives none: every 10 minutes.
pub const DEFAULT_SCHEDULE: &str = "*/10 * * * *";

/// A parsed schedule with the source's jitter.
#[derive(Debug, Clone)]
pub struct Timetable {
    schedule: Schedule,
    jitter: Duration,
    /// The expression as the operator wrote it.
    pub expr: String,
}

impl Timetable {
    /// Parses `expr` (5-field crontab or `@hourly`-style) for the source
    /// named `name` (the jitter derives from it).
    pub fn parse(expr: &str, name: &str) -> Result<Timetable, String> {
        let schedule = parse_crontab(expr)?;
        let first = schedule.upcoming(Utc).next();
        let second = schedule.upcoming(Utc).nth(1);
        let period = match (first, second) {
            (Some(a), Some(b)) => b - a,
            _ => return Err(format!("schedule '{expr}' never fires")),
        };
        // Up to a tenth of the period, at most five minutes.
        let max = (period.num_seconds() / 10).clamp(0, 300);
        let jitter = if max == 0 {
            Duration::zero()
        } else {
            Duration::seconds((fnv(name) % max as u64) as i64)
        };
        Ok(Timetable {
            schedule,
            jitter,
            expr: expr.trim().to_string(),
        })
    }

    /// The next poll strictly after `after`.
    pub fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        // Jitter shifts fire times later, so look from `after - jitter`.
        self.schedule
            .after(&(after - self.jitter))
            .next()
            .map(|t| t + self.jitter)
            .filter(|t| *t > after)
            .or_else(|| self.schedule.after(&after).next().map(|t| t + self.jitter))
    }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Parses a crontab expression into the cron crate's form.
pub fn parse_crontab(expr: &str) -> Result<Schedule, String> {
    let e = expr.trim();
    if e.starts_with('@') {
        return Schedule::from_str(e).map_err(|err| format!("schedule '{e}': {err}"));
    }
    let fields: Vec<&str> = e.split_whitespace().collect();
    if fields.len() != 5 {
        return Err(format!(
            "schedule '{e}': write the usual 5 crontab fields (minute hour day month weekday), e.g. '*/10 * * * *'"
        ));
    }
    let dow =
        weekday_field(fields[4]).map_err(|m| format!("schedule '{e}': weekday field: {m}"))?;
    let translated = format!(
        "0 {} {} {} {} {dow}",
        fields[0], fields[1], fields[2], fields[3]
    );
    Schedule::from_str(&translated).map_err(|err| format!("schedule '{e}': {err}"))
}

/// Unix weekdays (0–7, Sunday 0 or 7, names) → the cron crate's 1–7
/// (Sunday 1), as an explicit list.
fn weekday_field(f: &str) -> Result<String, String> {
    if f == "*" || f == "?" {
        return Ok("*".into());
    }
    let mut days = [false; 7];
    for part in f.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (
                r,
                s.parse::<usize>()
                    .map_err(|_| format!("bad step in '{part}'"))?,
            ),
            None => (part, 1),
        };
        if step == 0 {
            return Err(format!("step 0 in '{part}'"));
        }
        let (lo, hi) = if range == "*" {
            (0, 6)
        } else if let Some((a, b)) = range.split_once('-') {
            (day(a)?, day(b)?)
        } else {
            let d = day(range)?;
            (d, if part.contains('/') { 6 } else { d })
        };
        // 7 is Sunday too; "5-7" means Friday to Sunday.
        let hi = if hi < lo && hi == 0 { 7 } else { hi };
        if hi < lo {
            return Err(format!("range '{range}' runs backwards"));
        }
        let mut d = lo;
        while d <= hi {
            days[d % 7] = true;
            d += step;
        }
    }
    let list: Vec<String> = (0..7)
        .filter(|d| days[*d])
        .map(|d| (d + 1).to_string())
        .collect();
    Ok(list.join(","))
}

fn day(s: &str) -> Result<usize, String> {
    const NAMES: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    let t = s.trim().to_ascii_lowercase();
    if let Some(i) = NAMES.iter().position(|n| *n == t) {
        return Ok(i);
    }
    match t.parse::<usize>() {
        Ok(7) => Ok(7),
        Ok(n) if n <= 6 => Ok(n),
        _ => Err(format!("'{s}' is not a weekday (0-7 or sun-sat)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Timelike, Weekday};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn five_field_crontab_works_with_unix_weekdays() {
        let s = parse_crontab("*/10 * * * *").unwrap_or_else(|e| panic!("{e}"));
        let next = s
            .after(&at("2026-11-22T10:03:00Z"))
            .next()
            .unwrap_or_default();
        assert_eq!((next.hour(), next.minute(), next.second()), (10, 10, 0));
        // 0 = Sunday in crontab; 2026-11-22 is a Sunday.
        let s = parse_crontab("0 9 * * 0").unwrap_or_else(|e| panic!("{e}"));
        let next = s
            .after(&at("2026-11-21T12:00:00Z"))
            .next()
            .unwrap_or_default();
        assert_eq!((next.weekday(), next.hour()), (Weekday::Sun, 9));
        let s = parse_crontab("30 8 * * 1-5").unwrap_or_else(|e| panic!("{e}"));
        let next = s
            .after(&at("2026-11-21T12:00:00Z"))
            .next()
            .unwrap_or_default();
        assert_eq!(next.weekday(), Weekday::Mon);
        let s = parse_crontab("0 0 * * 5-7").unwrap_or_else(|e| panic!("{e}"));
        let days: Vec<Weekday> = s
            .after(&at("2026-11-22T12:00:00Z"))
            .take(3)
            .map(|t| t.weekday())
            .collect();
        assert_eq!(days, vec![Weekday::Fri, Weekday::Sat, Weekday::Sun]);
        assert!(parse_crontab("@hourly").is_ok());
        assert!(parse_crontab("mon-fri").is_err());
        for bad in [
            "",
            "* * * *",
            "0 */5 * * * *",
            "61 * * * *",
            "* * * * 8",
            "* * * * 3-1",
        ] {
            assert!(parse_crontab(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn jitter_is_stable_and_bounded() {
        let a = Timetable::parse("*/10 * * * *", "南通发布").unwrap_or_else(|e| panic!("{e}"));
        let b = Timetable::parse("*/10 * * * *", "南通发布").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.jitter, b.jitter);
        assert!(a.jitter <= Duration::seconds(60));
        let now = at("2026-11-22T10:03:00Z");
        let next = a.next_after(now).unwrap_or_default();
        assert!(next > now && next <= at("2026-11-22T10:11:00Z"), "{next}");
    }
}
