//! Fixed word lists searched in one pass.
//!
//! Severity and reach ask the same short text dozens of questions of the
//! form "does it say any of these words, and where" (抢救无效死亡, 均已找到,
//! 热搜…). Asked one word at a time through `str::contains`, every word
//! built a fresh two-way searcher and walked the text again; on a 250-byte
//! post that was a fifth of classifying it. A [`Phrases`] walks the text
//! once, stopping only at characters that begin one of its words.

use super::CharSet;

/// A fixed list of words, searched together.
pub struct Phrases {
    words: Vec<&'static str>,
    /// First characters of the words: every other character is passed over
    /// without comparing any word.
    firsts: CharSet,
}

impl std::fmt::Debug for Phrases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Phrases")
            .field("words", &self.words)
            .finish()
    }
}

impl Phrases {
    /// The list `words`, in this order. Empty words are dropped: they
    /// would occur everywhere and mean nothing.
    pub fn new(words: &[&'static str]) -> Self {
        let words: Vec<&'static str> = words.iter().copied().filter(|w| !w.is_empty()).collect();
        let firsts = CharSet::first_chars(words.iter().copied());
        Self { words, firsts }
    }

    /// The words, in list order (indices of [`Phrases::occurrences`]).
    pub fn words(&self) -> &[&'static str] {
        &self.words
    }

    /// Calls `f(word index, byte start)` for every occurrence of every
    /// word, overlapping ones included, in text order (words in list order
    /// at one position), until `f` returns true; true when it did.
    fn scan(&self, text: &str, mut f: impl FnMut(usize, usize) -> bool) -> bool {
        for (i, c) in text.char_indices() {
            if !self.firsts.contains(c) {
                continue;
            }
            let rest = &text[i..];
            for (w, word) in self.words.iter().enumerate() {
                if rest.starts_with(word) && f(w, i) {
                    return true;
                }
            }
        }
        false
    }

    /// True when `text` holds any of the words.
    pub fn any_in(&self, text: &str) -> bool {
        self.scan(text, |_, _| true)
    }

    /// True when some occurrence of a word, at byte `at`, has `pred(at)`;
    /// stops at the first.
    pub fn any_at(&self, text: &str, mut pred: impl FnMut(usize) -> bool) -> bool {
        self.scan(text, |_, at| pred(at))
    }

    /// Where the words occur: `(word index, byte start)`, word by word in
    /// list order and, for each word, the non-overlapping occurrences
    /// `str::match_indices` gives, left to right. So a loop over it visits
    /// what a loop over the words, each over its `match_indices`, did.
    pub fn occurrences(&self, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        // The end of each word's last kept occurrence, for the
        // non-overlapping rule.
        let mut ends = vec![0usize; self.words.len()];
        self.scan(text, |w, at| {
            if at >= ends[w] {
                ends[w] = at + self.words[w].len();
                found.push((w, at));
            }
            false
        });
        found.sort_unstable();
        found
    }

    /// The first word of the list that `text` holds, with the byte start
    /// of its first occurrence: what `words.iter().find_map(|w| text.find(w))`
    /// gives.
    pub fn first_listed(&self, text: &str) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        self.scan(text, |w, at| {
            // Text order: the first occurrence of a word is the first seen.
            if best.is_none_or(|(b, _)| w < b) {
                best = Some((w, at));
            }
            // The list's first word at its first occurrence cannot be beaten.
            w == 0
        });
        best
    }
}

#[cfg(test)]
mod tests {
    use super::Phrases;

    /// What the nested loops over `match_indices` give.
    fn naive(words: &[&str], text: &str) -> Vec<(usize, usize)> {
        words
            .iter()
            .enumerate()
            .flat_map(|(w, word)| text.match_indices(word).map(move |(at, _)| (w, at)))
            .collect()
    }

    #[test]
    fn occurrences_visit_what_a_loop_over_the_words_did() {
        let words = ["死亡", "抢救无效死亡", "哈哈", "亡", "遇难者", "遇难"];
        let p = Phrases::new(&words);
        for text in [
            "",
            "3人死亡,经抢救无效死亡。遇难者家属称遇难",
            "哈哈哈哈哈",
            "死亡死亡亡",
            "no words here",
            "𠀀死亡𠀀",
        ] {
            assert_eq!(p.occurrences(text), naive(&words, text), "{text}");
            assert_eq!(p.any_in(text), !naive(&words, text).is_empty(), "{text}");
            let first = words
                .iter()
                .enumerate()
                .find_map(|(w, word)| text.find(word).map(|at| (w, at)));
            assert_eq!(p.first_listed(text), first, "{text}");
        }
    }

    #[test]
    fn empty_words_are_dropped() {
        let p = Phrases::new(&["", "地震"]);
        assert_eq!(p.words(), &["地震"]);
        assert!(!p.any_in("大雨"));
        assert!(p.any_in("发生地震"));
    }
}
