//! Publication times as Chinese pages write them: 2026年11月22日 10:30,
//! 2026-11-22, 2026/11/22 10:30:15, 发布时间：…, and forum-relative forms
//! (刚刚, 5分钟前, 3小时前, 昨天 08:15, 前天). Times without a zone are
//! Beijing time.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::time::china;

/// The first publication time found in `text`, judged at `now` (for
/// relative forms and a missing year): a relative form first, then an
/// absolute date. Meant for short texts that are known to be a byline or a
/// list row; a whole page goes through [`crate::extract::article`], which
/// weighs where each date stands.
pub fn find_date(text: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let chars: Vec<char> = text.chars().take(4096).collect();
    relative(&chars, now).or_else(|| absolute(&chars, now))
}

/// The first absolute date in `text` (any length): relative words are not
/// read, so a comment's 5小时前 cannot date a page.
pub fn find_absolute(text: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let chars: Vec<char> = text.chars().collect();
    absolute(&chars, now)
}

/// English month names and their numbers, full and abbreviated.
const ENGLISH_MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The first day written in English, month first (March 23, 2027, as Hong
/// Kong's releases date themselves) or day first (23 March 2027), with a
/// time written after it on the same line (Issued at HKT 17:45) when there
/// is one. Only for elements known to hold a date: a whole page's English
/// text is not read for one.
pub fn find_english(text: &str) -> Option<DateTime<Utc>> {
    let lower = text.to_ascii_lowercase();
    // Words of ASCII letters and digits, with their byte offsets (the
    // lowercase copy keeps every offset of `text`).
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        if c.is_ascii_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push((s, &lower[s..i]));
        }
    }
    if let Some(s) = start {
        words.push((s, &lower[s..]));
    }
    let month = |w: &str| {
        ENGLISH_MONTHS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|&(_, m)| m)
    };
    let day = |w: &str| {
        let digits = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        (digits.len() <= 2 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u32>().ok())
            .flatten()
    };
    let year = |w: &str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1990..=2100).contains(y))
    };
    for i in 0..words.len().saturating_sub(2) {
        let (a, b, c) = (words[i].1, words[i + 1].1, words[i + 2].1);
        let found = match (month(a), day(b), year(c)) {
            (Some(m), Some(d), Some(y)) => Some((y, m, d)),
            _ => match (day(a), month(b), year(c)) {
                (Some(d), Some(m), Some(y)) => Some((y, m, d)),
                _ => None,
            },
        };
        if let Some((y, m, d)) = found
            && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            let end = words[i + 2].0 + 4;
            return to_utc(date, find_time(&text[end.min(text.len())..]));
        }
    }
    None
}

/// The value of a Chinese digit (〇 and ○ are zero).
fn numeral_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or(match c {
            '○' | '零' => Some(0),
            _ => None,
        })
}

/// A month's or a day's number in Chinese numerals (三, 十, 十二, 二十一,
/// 三十): its value and the characters it took.
fn numeral_number(chars: &[char]) -> Option<(u32, usize)> {
    match chars {
        ['十', c, ..] if numeral_digit(*c).is_some_and(|d| d > 0) => {
            Some((10 + numeral_digit(*c)?, 2))
        }
        ['十', ..] => Some((10, 1)),
        [a, '十', c, ..] if numeral_digit(*c).is_some_and(|d| d > 0) => {
            Some((numeral_digit(*a)? * 10 + numeral_digit(*c)?, 3))
        }
        [a, '十', ..] => Some((numeral_digit(*a)? * 10, 2)),
        [a, ..] => numeral_digit(*a).filter(|d| *d > 0).map(|d| (d, 1)),
        [] => None,
    }
}

/// The first whole date written in Chinese numerals (二〇二六年十二月三日)
/// and the index after it.
fn numeral_date(chars: &[char]) -> Option<(NaiveDate, usize)> {
    (0..chars.len().saturating_sub(4)).find_map(|k| {
        let year = chars[k..k + 4]
            .iter()
            .try_fold(0u32, |y, c| Some(y * 10 + numeral_digit(*c)?))?;
        if chars.get(k + 4) != Some(&'年') || !(1990..=2100).contains(&year) {
            return None;
        }
        let mut j = k + 5;
        let (month, used) = numeral_number(&chars[j..])?;
        j += used;
        if chars.get(j) != Some(&'月') {
            return None;
        }
        j += 1;
        let (day, used) = numeral_number(&chars[j..])?;
        j += used;
        if !matches!(chars.get(j), Some('日' | '号')) {
            return None;
        }
        NaiveDate::from_ymd_opt(year as i32, month, day).map(|d| (d, j + 1))
    })
}

/// `month`-`day` at `time`: this year, or last year if that would be in
/// the future.
fn recent_month_day(
    month: u32,
    day: u32,
    time: Option<NaiveTime>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let local_now = now.with_timezone(&china());
    let mut year = local_now.year();
    let d = NaiveDate::from_ymd_opt(year, month, day)?;
    if d > local_now.date_naive() + Duration::days(1) {
        year -= 1;
    }
    to_utc(NaiveDate::from_ymd_opt(year, month, day)?, time)
}

/// A bare month and day opening `text` (`11-27 · IP属地`), as an element
/// a template names a date holds it; elsewhere 3-5 is a range.
pub fn month_day(text: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let (month, rest) = text.trim_start().split_once('-')?;
    let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[day.len()..].chars().next();
    if !(1..=2).contains(&month.len())
        || !month.bytes().all(|b| b.is_ascii_digit())
        || day.len() != 2
        || after.is_some_and(|c| c.is_ascii_digit() || c == '-' || c == '/')
    {
        return None;
    }
    recent_month_day(month.parse().ok()?, day.parse().ok()?, None, now)
}

/// The first time of day in `text` (`16:05`, 香港時間16時05分), for a date
/// whose time is written apart from it.
pub fn find_time(text: &str) -> Option<NaiveTime> {
    let chars: Vec<char> = text.chars().take(4096).collect();
    (0..chars.len())
        .filter(|&i| chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()))
        .find_map(|i| time_after(&chars, i))
}

/// `t` (a day, at midnight in Beijing time) at `time` of that day.
pub fn at_time(t: DateTime<Utc>, time: NaiveTime) -> Option<DateTime<Utc>> {
    to_utc(t.with_timezone(&china()).date_naive(), Some(time))
}

/// A relative form (刚刚, 5小时前, 昨天 22:17…) in `text`, resolved against
/// `now` in Beijing time.
pub fn find_relative(text: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let chars: Vec<char> = text.chars().take(4096).collect();
    relative(&chars, now)
}

/// A machine-written date, as metadata carries it: RFC 3339 / ISO 8601 with
/// or without a zone (no zone is Beijing time), `+0800` offsets, a space
/// for `T`, gov.cn's `2020-05-14-10:21:33`, Unix seconds, or any form
/// [`find_absolute`] reads.
pub fn parse_machine(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.with_timezone(&Utc));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(v, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    // Unix seconds (WeChat's `ct`), plausible ones only.
    if (9..=10).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()) {
        return v
            .parse::<i64>()
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .filter(|t| t.year() >= 2000);
    }
    // A trailing `Z` on a zoneless form read below would be lost: handled
    // by RFC 3339 above, so what is left is local (Beijing) time.
    find_absolute(v, now)
}

fn digits(chars: &[char], i: &mut usize, max: usize) -> Option<u32> {
    let start = *i;
    let mut v: u32 = 0;
    while *i < chars.len() && *i - start < max {
        let c = chars[*i];
        let d = c.to_digit(10).or_else(|| {
            // Full-width digits.
            ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
        });
        match d {
            Some(d) => {
                v = v * 10 + d;
                *i += 1;
            }
            None => break,
        }
    }
    (*i > start).then_some(v)
}

fn time_after(chars: &[char], mut i: usize) -> Option<NaiveTime> {
    // `T` (ISO), `-` (gov.cn's 2020-05-14-10:21:33), spaces and nbsp.
    while i < chars.len() && matches!(chars[i], ' ' | '\u{3000}' | '\u{a0}' | 'T' | '-') {
        i += 1;
    }
    let h = digits(chars, &mut i, 2)?;
    if !matches!(chars.get(i), Some(':' | '：' | '时' | '時' | '点' | '點')) {
        return None;
    }
    i += 1;
    let m = digits(chars, &mut i, 2)?;
    let s = if matches!(chars.get(i), Some(':' | '：')) {
        i += 1;
        digits(chars, &mut i, 2).unwrap_or(0)
    } else {
        0
    };
    NaiveTime::from_hms_opt(h, m, s)
}

fn to_utc(date: NaiveDate, time: Option<NaiveTime>) -> Option<DateTime<Utc>> {
    let t = date.and_time(time.unwrap_or(NaiveTime::MIN));
    china()
        .from_local_datetime(&t)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

fn absolute(chars: &[char], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() && !('０'..='９').contains(&chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let Some(first) = digits(chars, &mut i, 4) else {
            i += 1;
            continue;
        };
        // Year-first: 2026年11月22日, 2026-11-22, 2026/11/22, 2026.11.22.
        if i - start == 4 && (1990..=2100).contains(&first) {
            if let Some(sep) = chars
                .get(i)
                .copied()
                .filter(|c| matches!(c, '年' | '-' | '/' | '.'))
            {
                let mut j = i + 1;
                if let Some(month) = digits(chars, &mut j, 2) {
                    let sep2 = if sep == '年' { '月' } else { sep };
                    if chars.get(j) == Some(&sep2) {
                        j += 1;
                        if let Some(day) = digits(chars, &mut j, 2) {
                            if sep == '年' && matches!(chars.get(j), Some('日' | '号')) {
                                j += 1;
                            }
                            if let Some(d) = NaiveDate::from_ymd_opt(first as i32, month, day) {
                                return to_utc(d, time_after(chars, j));
                            }
                        }
                    }
                }
            }
            // A year set apart from its month and day, as some templates
            // split them over elements: `2019` then `12/01 10:11:12`.
            let mut j = i;
            while j < chars.len() && matches!(chars[j], ' ' | '\u{a0}' | '\u{3000}') {
                j += 1;
            }
            if let Some(month) = digits(chars, &mut j, 2)
                && chars.get(j) == Some(&'/')
            {
                j += 1;
                if let Some(day) = digits(chars, &mut j, 2)
                    && let Some(d) = NaiveDate::from_ymd_opt(first as i32, month, day)
                {
                    return to_utc(d, time_after(chars, j));
                }
            }
            continue;
        }
        // Month-first without a year: 11月22日 10:30, and as app and
        // self-media pages write it, 11-22 10:30 (the time is required
        // there: 3-5 alone is a range). This year, or last year if that
        // would be in the future.
        let starts_number = start == 0 || !chars[start - 1].is_ascii_digit();
        if i - start <= 2 && starts_number {
            let mut j = i + 1;
            let day = match chars.get(i) {
                Some('月') => digits(chars, &mut j, 2)
                    .filter(|_| matches!(chars.get(j), Some('日' | '号')))
                    .map(|d| (d, time_after(chars, j + 1))),
                Some('-') => digits(chars, &mut j, 2)
                    .filter(|_| j - (i + 1) == 2 && !matches!(chars.get(j), Some('-' | '/')))
                    .and_then(|d| {
                        let gap = matches!(chars.get(j), Some(' ' | '\u{a0}' | '\u{3000}'));
                        gap.then(|| time_after(chars, j))
                            .flatten()
                            .map(|t| (d, Some(t)))
                    }),
                _ => None,
            };
            if let Some((day, time)) = day
                && let Some(t) = recent_month_day(first, day, time, now)
            {
                return Some(t);
            }
        }
    }
    // 二〇二六年十二月三日: a date in Chinese numerals, as official
    // documents and Hong Kong releases sign them.
    numeral_date(chars).and_then(|(d, end)| to_utc(d, time_after(chars, end)))
}

fn relative(chars: &[char], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let text: String = chars.iter().collect();
    let local_today = now.with_timezone(&china()).date_naive();
    if text.contains("刚刚") {
        return Some(now);
    }
    for (word, days) in [("前天", 2), ("昨天", 1), ("今天", 0)] {
        if let Some(pos) = text.find(word) {
            let after: Vec<char> = text[pos + word.len()..].chars().collect();
            let date = local_today - Duration::days(days);
            return to_utc(date, time_after(&after, 0));
        }
    }
    for (unit, secs) in [
        ("秒前", 1),
        ("分钟前", 60),
        ("小时前", 3600),
        ("天前", 86_400),
    ] {
        if let Some(pos) = text.find(unit) {
            let before: Vec<char> = text[..pos].chars().collect();
            // 4 天前 and 4&nbsp;天前 as forums space them.
            let mut end = before.len();
            while end > 0 && matches!(before[end - 1], ' ' | '\u{a0}' | '\u{3000}') {
                end -= 1;
            }
            let before = &before[..end];
            let mut start = before.len();
            while start > 0 && before[start - 1].is_ascii_digit() {
                start -= 1;
            }
            let mut i = start;
            if let Some(n) = digits(before, &mut i, 4) {
                return Some(now - Duration::seconds(i64::from(n) * secs));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_datelines() {
        let at = |s: &str| {
            super::find_english(s).map(|t| {
                t.with_timezone(&crate::time::china())
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
        };
        assert_eq!(
            at("Tuesday, March 23, 2027 Issued at HKT 17:45").as_deref(),
            Some("2027-03-23 17:45")
        );
        assert_eq!(
            at("Ends/Friday, 5 Feb 2027").as_deref(),
            Some("2027-02-05 00:00")
        );
        assert_eq!(
            at("發布日期：Sept. 3rd, 2026").as_deref(),
            Some("2026-09-03 00:00")
        );
        assert_eq!(at("May I ask 12 questions in 2027"), None);
        assert_eq!(at("2027年3月23日"), None);
    }

    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn a_bare_month_and_day_is_this_year_or_last() {
        let now = at("2026-01-05T12:00:00+08:00");
        let day = |s: &str| month_day(s, now).map(|t| t.to_rfc3339());
        assert_eq!(
            day("01-03 · IP属地"),
            Some("2026-01-02T16:00:00+00:00".into())
        );
        assert_eq!(day("12-28"), Some("2025-12-27T16:00:00+00:00".into()));
        // A range, a full date and a time are not a bare month and day.
        assert_eq!(day("3-5"), None);
        assert_eq!(day("12-28-2025"), None);
        assert_eq!(day("12:28"), None);
    }

    #[test]
    fn dates_in_chinese_numerals() {
        let now = at("2026-12-07T12:00:00+08:00");
        let day = |s: &str| find_absolute(s, now).map(|t| t.to_rfc3339());
        assert_eq!(
            day("二〇二六年十二月三日（星期四）"),
            Some("2026-12-02T16:00:00+00:00".into())
        );
        assert_eq!(
            day("青岚县人民政府办公室 二○二六年十一月二十日"),
            Some("2026-11-19T16:00:00+00:00".into())
        );
        assert_eq!(
            day("二〇二六年一月十日"),
            Some("2026-01-09T16:00:00+00:00".into())
        );
        // A year and month alone, or a count of years, is no date.
        assert_eq!(day("预计二〇二八年八月起陆续落成"), None);
        assert_eq!(day("三十年不变"), None);
    }

    #[test]
    fn chinese_forms() {
        let now = at("2026-11-22T12:00:00+08:00");
        let cases = [
            (
                "发布时间：2026年11月22日 10:30",
                "2026-11-22T02:30:00+00:00",
            ),
            (
                "2026-11-20 08:15:30 来源：南通日报",
                "2026-11-20T00:15:30+00:00",
            ),
            ("2026/11/21", "2026-11-20T16:00:00+00:00"),
            (
                "发布日期:２０２６年１１月１９日",
                "2026-11-18T16:00:00+00:00",
            ),
            ("11月20日 09:00", "2026-11-20T01:00:00+00:00"),
            ("12月30日", "2025-12-29T16:00:00+00:00"),
            ("刚刚", "2026-11-22T04:00:00+00:00"),
            ("5分钟前", "2026-11-22T03:55:00+00:00"),
            ("3小时前", "2026-11-22T01:00:00+00:00"),
            ("昨天 08:15", "2026-11-21T00:15:00+00:00"),
            ("前天", "2026-11-19T16:00:00+00:00"),
            ("4 天前", "2026-11-18T04:00:00+00:00"),
            ("4\u{a0}天前", "2026-11-18T04:00:00+00:00"),
            ("11-20 09:15", "2026-11-20T01:15:00+00:00"),
            ("阅读 2.1万 · 12-28 09:15", "2025-12-28T01:15:00+00:00"),
        ];
        for (text, want) in cases {
            assert_eq!(
                find_date(text, now).map(|t| t.to_rfc3339()),
                Some(want.to_string()),
                "{text}"
            );
        }
        for none in [
            "",
            "第3期",
            "2026年13月40日",
            "共1200人",
            "第3-5条",
            "11-20",
            "13-01 09:00",
        ] {
            assert_eq!(find_date(none, now), None, "{none}");
        }
    }
}
