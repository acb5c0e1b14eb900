//! Numbers as Chinese text writes them: `3`, `1,200`, `1.5`, `三`, `十二`,
//! `二十余`, `一百零五`, `两千`, `5000万`, `1.2亿`, `数十`, `上百`, `二〇二六`.
//!
//! Expects normalized text (full-width digits already folded to ASCII).

/// A number found in text, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// The value; for approximate forms (`二十余`, `数十`, `上百`) the lower bound.
    pub value: f64,
    /// True for approximate forms: `余`, `多`, `几`, `来`, `数十`, `上百`.
    pub approx: bool,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte (after any `余`/`多` suffix).
    pub end: usize,
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Words before a unit that make an approximate number: 数十 (some tens),
/// 几百, 上百 (up to a hundred), 成千.
fn vague_prefix(c: char) -> Option<f64> {
    Some(match c {
        '数' | '几' => 2.0,
        '上' | '成' | '近' => 1.0,
        _ => None?,
    })
}

fn approx_suffix(c: char) -> bool {
    matches!(c, '余' | '多' | '几' | '来')
}

/// Characters that can continue a number: digits, separators, units.
#[inline]
fn in_number(c: char) -> bool {
    c.is_ascii_digit()
        || c == ','
        || c == '.'
        || cn_digit(c).is_some()
        || small_unit(c).is_some()
        || big_unit(c).is_some()
}

/// Cheap test for characters a number can start with.
#[inline]
fn can_start_number(c: char) -> bool {
    c.is_ascii_digit()
        || cn_digit(c).is_some()
        || matches!(c, '十' | '拾')
        || vague_prefix(c).is_some()
}

/// Finds every number in `text`, left to right.
///
/// Ordinals (`第三`) are skipped: they count nothing.
pub fn find_numbers(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if can_start_number(c)
            && !prev.is_some_and(|p| p.is_ascii_digit() || p == '.')
            && let Some(n) = parse_number(rest)
        {
            if prev != Some('第') {
                out.push(Number {
                    start: i + n.start,
                    end: i + n.end,
                    ..n
                });
            }
            prev = text[..i + n.end].chars().next_back();
            i += n.end;
            continue;
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

/// Parses the number at the very start of `s`, if there is one.
///
/// A lone `万`/`亿`/`百`/`千` is not a number (万一, 百姓); a lone `十` is.
pub fn parse_number(s: &str) -> Option<Number> {
    let mut chars: [(usize, char); 40] = [(0, '\0'); 40];
    let mut count = 0;
    // The parse below stops at the first character (after the first) that
    // cannot be part of a number, and looks at most one past it (a `余`
    // suffix and its unit), so decoding stops there: most calls are for
    // 一, 上 or 成 inside words, not numbers.
    let mut stop = usize::MAX;
    for (slot, (pos, ci)) in chars.iter_mut().zip(s.char_indices().enumerate()) {
        *slot = ci;
        count += 1;
        if pos == stop {
            break;
        }
        if pos > 0 && stop == usize::MAX && !in_number(ci.1) {
            stop = pos + 1;
        }
    }
    let chars = &chars[..count];
    let mut idx = 0;
    let mut approx = false;
    let mut total = 0.0f64; // sum of completed big-unit sections
    let mut section = 0.0f64; // value below the current big unit
    let mut current: Option<f64> = None; // pending digit(s)
    let mut last_big = f64::INFINITY;
    let mut seen_value = false;
    let mut last_was_unit = false;
    // Chinese digits in a row in `current` (二〇二六: 4).
    let mut digits = 0u32;

    // 数十, 上百: vague prefix followed by a unit.
    if let Some(&(_, c0)) = chars.first()
        && let Some(v) = vague_prefix(c0)
    {
        match chars.get(1) {
            Some(&(_, c1)) if small_unit(c1).is_some() || big_unit(c1).is_some() => {
                current = Some(v);
                approx = true;
                // The prefix stands for a digit: 上万 and 数万 are numbers as
                // much as 上百 (a lone 万 is not).
                seen_value = true;
                idx = 1;
            }
            _ => return None,
        }
    }

    while let Some(&(off, c)) = chars.get(idx) {
        if c.is_ascii_digit() {
            // Arabic digits only start a number ("5000万"), never continue one.
            if seen_value {
                break;
            }
            let (v, len) = parse_arabic(&s[off..]);
            current = Some(v);
            seen_value = true;
            last_was_unit = false;
            // Advance past the arabic run.
            let end = off + len;
            while chars.get(idx).is_some_and(|&(o, _)| o < end) {
                idx += 1;
            }
            continue;
        }
        if let Some(d) = cn_digit(c) {
            current = Some(match current {
                // 七八个, 三四百, 十七八岁: two neighbouring digits say "seven
                // or eight", read as the lower bound.
                Some(prev)
                    if !last_was_unit && digits == 1 && f64::from(d) == prev + 1.0 && d >= 2 =>
                {
                    approx = true;
                    digits += 1;
                    prev
                }
                // Digit sequences such as 二〇二六.
                Some(prev) if !last_was_unit => {
                    digits += 1;
                    prev * 10.0 + f64::from(d)
                }
                _ => {
                    digits = 1;
                    f64::from(d)
                }
            });
            seen_value = true;
            last_was_unit = false;
        } else if let Some(u) = small_unit(c) {
            if !seen_value && current.is_none() && c != '十' && c != '拾' {
                return None;
            }
            section += current.take().unwrap_or(1.0) * u;
            seen_value = true;
            last_was_unit = true;
        } else if let Some(u) = big_unit(c) {
            if !seen_value {
                return None;
            }
            let part = section + current.take().unwrap_or(0.0);
            if u > last_big || total == 0.0 {
                total = (total + part) * u;
            } else {
                total += part * u;
            }
            last_big = u;
            section = 0.0;
            last_was_unit = true;
        } else {
            break;
        }
        idx += 1;
    }
    if !seen_value {
        return None;
    }
    let mut end = chars.get(idx).map_or(s.len(), |&(o, _)| o);
    // "一百零五": current holds 5 after 零; "二十五": current 5 after 十.
    let mut value = total + section + current.unwrap_or(0.0);
    // "两万五" / "三千五": a trailing bare digit after a unit is one step below it.
    if let (Some(d), true) = (current, idx >= 2) {
        let prev_char = chars.get(idx - 2).map(|&(_, c)| c);
        if let Some(pc) = prev_char
            && cn_digit(chars[idx - 1].1).is_some()
        {
            let step = small_unit(pc).or_else(|| big_unit(pc));
            if let Some(step) = step
                && step >= 100.0
            {
                value = value - d + d * step / 10.0;
            }
        }
    }
    // 二十好几个, 一百好几: "twenty-odd", after a unit only.
    if last_was_unit
        && chars.get(idx).is_some_and(|&(_, c)| c == '好')
        && let Some(&(o, '几')) = chars.get(idx + 1)
    {
        approx = true;
        end = o + '几'.len_utf8();
    } else if let Some(&(o, c)) = chars.get(idx)
        && approx_suffix(c)
    {
        approx = true;
        end = o + c.len_utf8();
        // "三十多万": the big unit after the suffix still applies.
        if let Some(&(o2, c2)) = chars.get(idx + 1)
            && let Some(u) = big_unit(c2)
        {
            value *= u;
            end = o2 + c2.len_utf8();
        }
    }
    Some(Number {
        value,
        approx,
        start: 0,
        end,
    })
}

/// Parses `123`, `1,200`, `1.5` at the start of `s`; returns the value and
/// byte length. Caller guarantees `s` starts with an ASCII digit.
fn parse_arabic(s: &str) -> (f64, usize) {
    let b = s.as_bytes();
    let mut digits = String::new();
    let mut i = 0;
    let mut seen_dot = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            digits.push(c as char);
        } else if c == b','
            && !seen_dot
            && b.len() >= i + 4
            && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && b.get(i + 4).is_none_or(|x| !x.is_ascii_digit())
        {
            // Thousands separator: exactly three digits follow.
        } else if c == b'.' && !seen_dot && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            seen_dot = true;
            digits.push('.');
        } else {
            break;
        }
        i += 1;
    }
    (digits.parse().unwrap_or(0.0), i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<(f64, bool)> {
        parse_number(s).map(|n| (n.value, n.approx))
    }

    #[test]
    fn parses_numbers_table() {
        let cases: &[(&str, Option<(f64, bool)>)] = &[
            ("3人", Some((3.0, false))),
            ("七八个", Some((7.0, true))),
            ("三四百人", Some((300.0, true))),
            ("两三百号人", Some((200.0, true))),
            ("十七八岁", Some((17.0, true))),
            ("二〇二六年", Some((2026.0, false))),
            ("15人", Some((15.0, false))),
            ("1,200人", Some((1200.0, false))),
            ("1.5亿元", Some((1.5e8, false))),
            ("5000万元", Some((5e7, false))),
            ("三人", Some((3.0, false))),
            ("十人", Some((10.0, false))),
            ("十二名", Some((12.0, false))),
            ("二十人", Some((20.0, false))),
            ("二十余人", Some((20.0, true))),
            ("十余人", Some((10.0, true))),
            ("三十多万元", Some((3e5, true))),
            ("一百零五人", Some((105.0, false))),
            ("一百二十三", Some((123.0, false))),
            ("两千", Some((2000.0, false))),
            ("两万五", Some((25000.0, false))),
            ("三千五百万", Some((3.5e7, false))),
            ("三亿五千万", Some((3.5e8, false))),
            ("一万亿", Some((1e12, false))),
            ("二〇二六年", Some((2026.0, false))),
            ("数十人", Some((20.0, true))),
            ("上百人", Some((100.0, true))),
            ("上万名", Some((10000.0, true))),
            ("数万人", Some((20000.0, true))),
            ("几十", Some((20.0, true))),
            ("二十好几个", Some((20.0, true))),
            ("一百好几", Some((100.0, true))),
            ("三好几", Some((3.0, false))),
            ("万一", None),
            ("百姓", None),
            ("千万", None),
            ("数据", None),
            ("上午", None),
            ("人", None),
        ];
        for (input, want) in cases {
            assert_eq!(value(input), *want, "input {input}");
        }
    }

    #[test]
    fn finds_numbers_with_spans_and_skips_ordinals() {
        let text = "第三次事故造成3人死亡、十二人受伤，第2批，第十二条";
        let found: Vec<(f64, &str)> = find_numbers(text)
            .iter()
            .map(|n| (n.value, &text[n.start..n.end]))
            .collect();
        assert_eq!(found, vec![(3.0, "3"), (12.0, "十二")]);
    }

    #[test]
    fn suffix_is_part_of_the_span() {
        let text = "二十余人受伤";
        let n = find_numbers(text)[0];
        assert_eq!(&text[n.start..n.end], "二十余");
        assert!(n.approx);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            ",",
            "1,",
            "1.",
            "..1",
            "9".repeat(400).as_str(),
            "十十十十",
            "亿亿",
            "一,000",
        ] {
            let _ = find_numbers(s);
        }
    }
}
