//! Normalization of text for matching: width folding, case folding,
//! whitespace folding and Traditional → Simplified conversion.
//!
//! The normalized copy is what keyword lists are matched against; the
//! original text is kept by callers for display.

use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// Errors raised while building a [`Normalizer`].
#[derive(Debug, thiserror::Error)]
pub enum NormalizeError {
    /// The embedded OpenCC Traditional → Simplified tables failed to load.
    #[error("cannot load the Traditional→Simplified conversion tables: {0}")]
    OpenCc(String),
}

/// Highest code point covered by the "is this a Traditional character" set.
/// Covers the BMP and CJK Extension B–F (planes 0–2).
const CJK_LIMIT: u32 = 0x3_0000;

/// Code point ranges that contain Han characters OpenCC may convert.
const HAN_RANGES: &[(u32, u32)] = &[
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x2_0000, 0x2_FFFF),
];

/// Start of the dense part of the character table (CJK Extension A).
const DENSE_START: u32 = 0x3400;
/// End (exclusive) of the dense part (end of CJK Unified Ideographs).
const DENSE_END: u32 = 0xA000;

/// Converts raw text to the canonical form keyword lists are written in.
///
/// Traditional → Simplified conversion runs character by character from a
/// table built out of OpenCC at start-up, except in clauses holding an
/// *ambiguous* character (one whose conversion depends on the phrase, like
/// 乾 in 乾隆/乾燥 or 著 in 著名/看著): those clauses go through OpenCC's
/// phrase-level converter. Cheap to share: build once, use from every thread.
pub struct Normalizer {
    t2s: OpenCC,
    /// One bit per code point below [`CJK_LIMIT`]: set when OpenCC's
    /// single-character conversion changes the character. Lets the common case
    /// (text already in Simplified characters) skip conversion altogether.
    traditional: Vec<u64>,
    /// Same layout: Traditional characters whose conversion depends on context.
    ambiguous: Vec<u64>,
    /// Single-character conversions for code points in `DENSE_START..DENSE_END`
    /// (NUL where the character is kept).
    dense: Vec<char>,
    /// Single-character conversions for other code points.
    sparse: HashMap<char, char>,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer").finish_non_exhaustive()
    }
}

impl Normalizer {
    /// Builds a normalizer with the embedded OpenCC `t2s` tables.
    pub fn new() -> Result<Self, NormalizeError> {
        let t2s = OpenCC::from_config(BuiltinConfig::T2s)
            .map_err(|e| NormalizeError::OpenCc(e.to_string()))?;
        let mut n = Self {
            t2s,
            traditional: vec![0u64; (CJK_LIMIT / 64) as usize],
            ambiguous: vec![0u64; (CJK_LIMIT / 64) as usize],
            dense: vec!['\0'; (DENSE_END - DENSE_START) as usize],
            sparse: HashMap::new(),
        };
        n.build_tables();
        Ok(n)
    }

    /// The process-wide shared normalizer (the tables take a few ms to build).
    pub fn shared() -> Result<&'static Normalizer, NormalizeError> {
        static SHARED: OnceLock<Normalizer> = OnceLock::new();
        if let Some(n) = SHARED.get() {
            return Ok(n);
        }
        let built = Normalizer::new()?;
        Ok(SHARED.get_or_init(|| built))
    }

    /// Returns the matching copy of `text`: full-width ASCII folded to
    /// half-width, ASCII lower-cased, invisible characters dropped, runs of
    /// white space folded to one space (or one newline when the run holds a
    /// line break, so sentence boundaries survive), and Traditional characters
    /// converted to Simplified.
    pub fn normalize(&self, text: &str) -> String {
        let (folded, has_traditional) = self.fold(text);
        if !has_traditional {
            return folded;
        }
        let mut out = String::with_capacity(folded.len());
        // Phrases never span clause punctuation, so clauses convert alone.
        for clause in folded.split_inclusive(is_clause_break) {
            if clause.chars().any(|c| bit(&self.ambiguous, c)) {
                out.push_str(&self.t2s.convert(clause));
            } else {
                out.extend(clause.chars().map(|c| self.convert_char(c)));
            }
        }
        out
    }

    /// True when `c` is changed by Traditional → Simplified conversion.
    pub fn is_traditional(&self, c: char) -> bool {
        bit(&self.traditional, c)
    }

    /// True when `c` is Traditional and its conversion depends on the phrase.
    pub fn is_ambiguous(&self, c: char) -> bool {
        bit(&self.ambiguous, c)
    }

    /// The single-character conversion of `c` (itself when none).
    #[inline]
    fn convert_char(&self, c: char) -> char {
        if !bit(&self.traditional, c) {
            return c;
        }
        let cp = c as u32;
        let mapped = if (DENSE_START..DENSE_END).contains(&cp) {
            self.dense[(cp - DENSE_START) as usize]
        } else {
            self.sparse.get(&c).copied().unwrap_or('\0')
        };
        if mapped == '\0' { c } else { mapped }
    }

    /// Fills the tables from OpenCC: every Han character converted on its
    /// own, then every word of jieba's dictionary holding a Traditional
    /// character converted as a phrase. Where the phrase disagrees with the
    /// characters, those characters are ambiguous.
    fn build_tables(&mut self) {
        // One character per line so the phrase dictionary cannot join neighbours.
        let mut probe = String::new();
        let mut chars = Vec::new();
        for &(lo, hi) in HAN_RANGES {
            for cp in lo..=hi {
                if let Some(c) = char::from_u32(cp) {
                    probe.push(c);
                    probe.push('\n');
                    chars.push(c);
                }
            }
        }
        let converted = self.t2s.convert(&probe);
        for (orig, conv) in chars.iter().zip(converted.split('\n')) {
            let mut conv_chars = conv.chars();
            let first = conv_chars.next();
            let single = conv_chars.next().is_none();
            if first == Some(*orig) && single {
                continue;
            }
            set_bit(&mut self.traditional, *orig);
            match (first, single) {
                (Some(to), true) => {
                    let cp = *orig as u32;
                    if (DENSE_START..DENSE_END).contains(&cp) {
                        self.dense[(cp - DENSE_START) as usize] = to;
                    } else {
                        self.sparse.insert(*orig, to);
                    }
                }
                // Converts to several characters or none: leave it to OpenCC.
                _ => set_bit(&mut self.ambiguous, *orig),
            }
        }
        let words: Vec<&str> = super::segment::dictionary_words()
            .filter(|w| w.chars().any(|c| bit(&self.traditional, c)))
            .collect();
        let joined = words.join("\n");
        let converted = self.t2s.convert(&joined);
        let mut ambiguous = Vec::new();
        for (word, phrase) in words.iter().zip(converted.split('\n')) {
            let by_char: String = word.chars().map(|c| self.convert_char(c)).collect();
            if by_char == phrase {
                continue;
            }
            if by_char.chars().count() == phrase.chars().count() {
                for ((orig, a), b) in word.chars().zip(by_char.chars()).zip(phrase.chars()) {
                    if a != b {
                        ambiguous.push(orig);
                    }
                }
            } else {
                ambiguous.extend(word.chars().filter(|&c| bit(&self.traditional, c)));
            }
        }
        for c in ambiguous {
            set_bit(&mut self.ambiguous, c);
        }
    }

    fn fold(&self, text: &str) -> (String, bool) {
        let mut out = String::with_capacity(text.len());
        let mut has_traditional = false;
        // Pending white space: None, Some(false) = spaces, Some(true) = newline.
        let mut pending_space: Option<bool> = None;
        // Start of the run of characters copied unchanged (most of the text).
        let mut run_start = 0;
        for (i, c) in text.char_indices() {
            if keeps_as_is(c) {
                if pending_space.is_some() {
                    flush_space(&mut out, &mut pending_space);
                    run_start = i;
                }
                if !has_traditional && !c.is_ascii() && self.is_traditional(c) {
                    has_traditional = true;
                }
                continue;
            }
            out.push_str(&text[run_start..i]);
            run_start = i + c.len_utf8();
            let c = fold_char(c);
            if c == '\u{0}' {
                continue;
            }
            if c.is_whitespace() {
                let newline = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
                pending_space = Some(pending_space.unwrap_or(false) || newline);
                continue;
            }
            flush_space(&mut out, &mut pending_space);
            out.push(c);
        }
        if pending_space.is_none() {
            out.push_str(&text[run_start..]);
        }
        (out, has_traditional)
    }
}

/// Emits pending white space (never at the start of the text).
#[inline]
fn flush_space(out: &mut String, pending: &mut Option<bool>) {
    if let Some(newline) = pending.take()
        && !out.is_empty()
    {
        out.push(if newline { '\n' } else { ' ' });
    }
}

/// True for characters [`fold_char`] leaves unchanged and that are not
/// white space: lower-case ASCII, digits, punctuation, and nearly all CJK.
#[inline]
fn keeps_as_is(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_graphic() && !c.is_ascii_uppercase();
    }
    !matches!(c,
        '\u{FF01}'..='\u{FF5E}'
        | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200D}' | '\u{202F}' | '\u{205F}'
        | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{2013}'..='\u{2015}' | '\u{2212}'
        | '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{1680}' | '\u{2000}' | '\u{2001}')
        && !c.is_whitespace()
}

/// Folds one character; returns NUL for characters to drop.
#[inline]
fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        c if c.is_ascii() => {
            if c.is_ascii_control() && !c.is_ascii_whitespace() {
                '\u{0}'
            } else {
                c
            }
        }
        // Full-width ASCII variants (！ to ～) map to ASCII by a fixed offset.
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            ascii.to_ascii_lowercase()
        }
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        // Zero-width characters and the BOM carry no text but split words.
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => '\u{0}',
        // Ideographic and other dashes used as separators.
        '\u{2014}' | '\u{2015}' | '\u{2013}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Clause punctuation (after folding): Traditional→Simplified phrases never
/// span it.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '。' | ',' | ';' | '!' | '?' | ':' | '、' | '“' | '”' | '「' | '」' | '(' | ')'
    )
}

#[inline]
fn bit(bits: &[u64], c: char) -> bool {
    let cp = c as u32;
    cp < CJK_LIMIT && bits[(cp / 64) as usize] & (1 << (cp % 64)) != 0
}

fn set_bit(bits: &mut [u64], c: char) {
    let cp = c as u32;
    if cp < CJK_LIMIT {
        bits[(cp / 64) as usize] |= 1 << (cp % 64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalizer::shared().unwrap().normalize(s)
    }

    #[test]
    fn folds_full_width_digits_letters_and_punctuation() {
        assert_eq!(norm("２０１６年，２４ 小时！ＡＢＣ"), "2016年,24 小时!abc");
    }

    #[test]
    fn folds_white_space_and_keeps_line_breaks() {
        assert_eq!(
            norm("  甲\u{3000}\u{3000}乙 \r\n\r\n 丙\t丁  "),
            "甲 乙\n丙 丁"
        );
    }

    #[test]
    fn drops_zero_width_and_control_characters() {
        assert_eq!(norm("爆\u{200B}炸\u{FEFF}\u{7}"), "爆炸");
    }

    #[test]
    fn converts_traditional_to_simplified() {
        assert_eq!(norm("國務院辦公廳關於"), "国务院办公厅关于");
        assert_eq!(norm("發生爆炸，造成３人死亡"), "发生爆炸,造成3人死亡");
        // Phrase-aware: 乾 stays in 乾隆 but becomes 干 in 乾燥.
        assert_eq!(norm("乾隆年間天氣乾燥"), "乾隆年间天气干燥");
    }

    #[test]
    fn leaves_simplified_text_alone() {
        let s = "南京市长江大桥著名景点";
        assert_eq!(norm(s), s);
    }

    #[test]
    fn phrase_sensitive_characters_are_ambiguous() {
        let n = Normalizer::shared().unwrap();
        assert!(n.is_ambiguous('乾'));
        assert!(!n.is_ambiguous('國'));
        // Clause by clause: only the clause with 乾 goes through phrases.
        assert_eq!(
            n.normalize("國務院辦公廳,乾隆年間。天氣乾燥"),
            "国务院办公厅,乾隆年间。天气干燥"
        );
    }

    #[test]
    fn traditional_set_is_sensible() {
        let n = Normalizer::shared().unwrap();
        assert!(n.is_traditional('國'));
        assert!(n.is_traditional('爲') || n.is_traditional('為'));
        assert!(!n.is_traditional('国'));
        assert!(!n.is_traditional('a'));
    }
}
