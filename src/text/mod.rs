//! Text stage: HTML to text, normalization for matching, word segmentation
//! and number extraction.
//!
//! Everything downstream (keyword matching, severity, clustering) works on
//! the normalized copy that [`Normalizer::normalize`] produces; the original
//! text is kept for display.

pub mod html;
pub mod normalize;
pub mod numbers;
pub mod phrases;
pub mod segment;

pub use html::{html_to_text, looks_like_html};
pub use normalize::{NormalizeError, Normalizer};
pub use numbers::{Number, find_numbers, parse_number};
pub use phrases::Phrases;
pub use segment::{SegmentError, Segmenter};

/// Characters of the Basic Multilingual Plane, one bit each (8 KB): the
/// first characters of a word list, so a scan passes over the characters
/// that begin none of its words without comparing any word. Characters
/// beyond the plane are always "in" (never filtered out).
pub struct CharSet {
    bits: Vec<u64>,
}

impl CharSet {
    /// The set of the first characters of `words`.
    pub fn first_chars<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        Self::of_chars(words.into_iter().filter_map(|w| w.chars().next()))
    }

    /// The set of `chars`.
    pub fn of_chars(chars: impl IntoIterator<Item = char>) -> Self {
        let mut bits = vec![0u64; 0x1_0000 / 64];
        for c in chars {
            let cp = c as u32;
            if cp < 0x1_0000 {
                bits[cp as usize / 64] |= 1 << (cp % 64);
            }
        }
        Self { bits }
    }

    /// True when `c` is in the set (or beyond the plane).
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let cp = c as u32;
        cp >= 0x1_0000 || self.bits[cp as usize / 64] & (1 << (cp % 64)) != 0
    }
}

/// The lines of `text` split at `\n`, empty ones included so callers can
/// number them (a `\r` before the `\n` is left for the caller to trim).
/// The `memchr` crate finds each `\n` with SIMD: large files read at every
/// start (jieba's dictionary, the model) split in a fraction of the time
/// `str::lines`' byte-at-a-time search takes.
pub fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(move |end| {
            // `\n` is ASCII, so both ends are char boundaries.
            let line = text.get(start..end).unwrap_or_default();
            start = end + 1;
            line
        })
}

/// A CJK unified ideograph (not punctuation, a space or an emoji): what
/// names, counts of Chinese text and Chinese headings are made of.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::CharSet;

    #[test]
    fn char_set_holds_first_characters_only() {
        let set = CharSet::first_chars(["业主", "村民", "家长"]);
        assert!(set.contains('业') && set.contains('村') && set.contains('家'));
        assert!(!set.contains('主') && !set.contains('a'));
        // Beyond the plane nothing is filtered out.
        assert!(set.contains('𠀀'));
    }
}
