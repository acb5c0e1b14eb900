//! Word segmentation with jieba-rs.
//!
//! jieba's dictionary is embedded in the binary (`data/jieba/dict.txt`). A
//! [`Segmenter`] is that dictionary with the keyword lists' words added, so
//! keywords come out as tokens. The first segmenter of a process takes the
//! dictionary [`Segmenter::preload`] parsed, without a copy; later ones (a
//! keyword reload, tests) clone a shared parse.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use jieba_rs::Jieba;

/// jieba's default dictionary (349k words), embedded so the binary is
/// self-contained without jieba-rs's `default-dict` feature, which compiles
/// zstd from C.
static DICT: &str = include_str!("../../data/jieba/dict.txt");

/// The words of jieba's embedded dictionary (Simplified Chinese, with some
/// Traditional entries), in file order.
pub(crate) fn dictionary_words() -> impl Iterator<Item = &'static str> {
    DICT.lines().filter_map(|l| l.split_whitespace().next())
}

/// Errors raised while building a [`Segmenter`].
#[derive(Debug, thiserror::Error)]
pub enum SegmentError {
    /// The embedded dictionary could not be parsed (a build defect).
    #[error("cannot load the embedded jieba dictionary: {0}")]
    Dictionary(String),
}

/// A jieba segmenter shared by all threads (`Jieba` is `Send + Sync`).
#[derive(Clone)]
pub struct Segmenter {
    jieba: Jieba,
    /// The seams the default dictionary gives each added word of four or
    /// more bytes (see [`Segmenter::inner_seams`]), computed before the
    /// words were added, so the default dictionary need not be kept.
    added_seams: HashMap<Box<str>, Box<[usize]>>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").finish_non_exhaustive()
    }
}

/// The dictionary [`Segmenter::preload`] is parsing, until a segmenter
/// takes it.
static PRELOADED: Mutex<Option<JoinHandle<Result<Jieba, String>>>> = Mutex::new(None);

/// A parse of the default dictionary shared by every segmenter after the
/// first, built the first time one is asked for.
fn base() -> Result<&'static Jieba, SegmentError> {
    static BASE: OnceLock<Result<Jieba, String>> = OnceLock::new();
    BASE.get_or_init(load_base)
        .as_ref()
        .map_err(|e| SegmentError::Dictionary(e.clone()))
}

/// A default dictionary of one's own: the preloaded one when no segmenter
/// has taken it yet (the usual case, one per process: the copy of a 25 MB
/// structure saved is a tenth of start-up), else a clone of the shared one.
fn owned_base() -> Result<Jieba, SegmentError> {
    let handle = PRELOADED.lock().ok().and_then(|mut p| p.take());
    match handle.map(JoinHandle::join) {
        Some(Ok(parsed)) => parsed.map_err(SegmentError::Dictionary),
        // The loading thread panicked (a defect): parse here instead.
        Some(Err(_)) | None => Ok(base()?.clone()),
    }
}

/// Parses the embedded dictionary. Same entries, frequencies and word ids as
/// `Jieba::with_dict`, in a third less time: `with_dict` copies and
/// re-validates every line through `BufRead` and splits it on Unicode white
/// space, where the embedded file is known to be `word freq tag` lines with
/// single ASCII spaces (the test `dictionary_lines_split_as_with_dict` checks
/// every line).
fn load_base() -> Result<Jieba, String> {
    let mut jieba = Jieba::empty();
    for (no, line) in dictionary_lines().enumerate() {
        let (word, freq, tag) = match split_entry(line) {
            Some(entry) => entry,
            None => {
                let mut fields = line.split_whitespace();
                let Some(word) = fields.next() else {
                    continue;
                };
                (
                    word,
                    fields.next().unwrap_or("0"),
                    fields.next().unwrap_or(""),
                )
            }
        };
        let freq = freq
            .parse::<usize>()
            .map_err(|e| format!("line {}: frequency {freq}: {e}", no + 1))?;
        // `add_word` keeps the totals `with_dict` computes: it adds each new
        // word's frequency, and on a repeated word replaces the old one.
        jieba.add_word(word, Some(freq), Some(tag));
    }
    Ok(jieba)
}

/// The non-empty lines of the embedded dictionary (the file has no `\r`).
fn dictionary_lines() -> impl Iterator<Item = &'static str> {
    super::lines_of(DICT).filter(|l| !l.is_empty())
}

/// Splits a `word freq tag` line at its first two ASCII spaces; `None` when
/// it has fewer than two.
fn split_entry(line: &str) -> Option<(&str, &str, &str)> {
    let b = line.as_bytes();
    let first = b.iter().position(|&c| c == b' ')?;
    let second = first + 1 + b[first + 1..].iter().position(|&c| c == b' ')?;
    Some((
        &line[..first],
        &line[first + 1..second],
        &line[second + 1..],
    ))
}

/// Sum of the embedded dictionary's frequencies (jieba's `total`), for
/// [`word_weight`]; checked against the file by a test.
const DICT_TOTAL: f64 = 60_101_964.0;

/// Frequencies at or under this are "rare": every rarer word, and every
/// word the dictionary lacks (a shop's or an estate's name), weighs as one
/// of this frequency. Keeping only the more frequent words keeps the table
/// at 80k entries instead of 349k.
const RARE_FREQUENCY: u32 = 20;

/// Information a word carries, `ln(total / frequency)` of the embedded
/// dictionary, less that of a common word (frequency about 55,000: 问题),
/// floored at zero: what tells one report's story from another's
/// (推搡, 协管员, 悦动) weighs, what every report says (我们, 问题) does
/// not. A rare word or one the dictionary lacks weighs most.
pub fn word_weight(word: &str) -> f32 {
    /// `ln` of the frequency from which a word carries nothing.
    const COMMON_LN: f64 = 7.0;
    static FREQUENT: OnceLock<rustc_hash::FxHashMap<&'static str, u32>> = OnceLock::new();
    let table = FREQUENT.get_or_init(|| {
        dictionary_lines()
            .filter_map(split_entry)
            .filter_map(|(w, f, _)| Some((w, f.parse::<u32>().ok()?)))
            .filter(|&(_, f)| f > RARE_FREQUENCY)
            .collect()
    });
    let freq = table.get(word).copied().unwrap_or(RARE_FREQUENCY);
    ((DICT_TOTAL / f64::from(freq)).ln() - COMMON_LN).max(0.0) as f32
}

impl Segmenter {
    /// Starts parsing jieba's dictionary on a background thread, so it
    /// overlaps other start-up work (keyword lists, the automaton); the first
    /// segmenter built waits for it. A process that segments anything calls
    /// this as early as it can.
    pub fn preload() {
        if let Ok(mut slot) = PRELOADED.lock()
            && slot.is_none()
        {
            *slot = Some(std::thread::spawn(load_base));
        }
    }

    /// A segmenter with jieba's default dictionary only.
    pub fn new() -> Result<Self, SegmentError> {
        Ok(Self {
            jieba: owned_base()?,
            added_seams: HashMap::new(),
        })
    }

    /// A segmenter with `words` added to the dictionary.
    ///
    /// Each word gets jieba's suggested frequency: just enough to be kept whole
    /// when it stands on its own, without overriding how the default dictionary
    /// splits its surroundings (adding 市长 must not turn 南京市长江大桥 into
    /// 南京/市长/江大桥).
    pub fn with_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Result<Self, SegmentError> {
        let mut jieba = owned_base()?;
        // Words with white space cannot be dictionary entries; they still
        // match as a run of tokens.
        // In the order given: each word's suggested frequency depends on
        // the words added before it.
        let mut seen = std::collections::HashSet::new();
        let added: Vec<&str> = words
            .into_iter()
            .filter(|w| !w.is_empty() && !w.contains(char::is_whitespace) && !jieba.has_word(w))
            .filter(|w| seen.insert(*w))
            .collect();
        let added_seams = added
            .iter()
            .filter(|w| w.len() > 3)
            .map(|&w| {
                let seams: Box<[usize]> = jieba
                    .cut(w, false)
                    .into_iter()
                    .map(|t| t.byte_end)
                    .filter(|&end| end < w.len())
                    .collect();
                (Box::from(w), seams)
            })
            .collect();
        for w in added {
            jieba.add_word(w, None, None);
        }
        Ok(Self { jieba, added_seams })
    }

    /// Whether `word` is in the dictionary (the default one or a keyword
    /// list's): a word the segmenter only guessed is a name or a coinage.
    pub fn is_known(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Segments `text` into words (for display, top terms and tests).
    pub fn words<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    /// Word boundaries of `text` as a bit set over byte offsets `0..=len`:
    /// bit `i` is set when a word starts or ends at byte `i` (see
    /// [`Segmenter::cut_points`]).
    pub fn boundaries(&self, text: &str) -> Boundaries {
        let mut bits = vec![0u64; text.len() / 64 + 1];
        let mut set = |i: usize| bits[i / 64] |= 1 << (i % 64);
        set(0);
        for p in self.cut_points(text) {
            set(p);
        }
        Boundaries { bits }
    }

    /// Byte offsets where words end in `text`, ascending: every jieba token
    /// end, plus the [`Segmenter::inner_seams`] of each token.
    pub fn cut_points(&self, text: &str) -> Vec<usize> {
        let mut points = Vec::new();
        for t in self.jieba.cut(text, true) {
            points.extend(
                self.inner_seams(t.word)
                    .into_iter()
                    .map(|s| t.byte_start + s),
            );
            points.push(t.byte_end);
        }
        points
    }

    /// Byte offsets of the jieba token ends of `text`, ascending.
    fn token_ends(&self, text: &str) -> Vec<usize> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(|t| t.byte_end)
            .collect()
    }

    /// Word seams inside one token, as byte offsets into it, ascending.
    ///
    /// jieba keeps compounds such as 火灾事故, 学校食堂 or 食物中毒 whole; a
    /// token of four or more characters that splits into two dictionary words
    /// of at least two characters each gets a seam at that split, so 火灾 and
    /// 事故 match inside it. Three-character tokens are not split that way, so
    /// 爆炸 stays out of 爆炸性. Words added from the keyword lists get the
    /// seams the default dictionary gives them, so a longer keyword never
    /// hides a shorter one inside it (系谣言 still holds 谣言).
    pub fn inner_seams(&self, word: &str) -> Vec<usize> {
        let mut seams = Vec::new();
        if word.len() <= 3 {
            return seams;
        }
        if let Some(added) = self.added_seams.get(word) {
            seams.extend_from_slice(added);
        } else if word.chars().count() >= 4 {
            let offsets: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
            for &split in &offsets[2..offsets.len() - 1] {
                let (left, right) = word.split_at(split);
                if self.jieba.has_word(left) && self.jieba.has_word(right) {
                    seams.push(split);
                }
            }
        }
        seams
    }
}

/// Token boundaries of one segmented text (see [`Segmenter::boundaries`]).
#[derive(Debug, Clone)]
pub struct Boundaries {
    bits: Vec<u64>,
}

impl Boundaries {
    /// True when a token starts or ends at byte offset `i`.
    pub fn at(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// jieba's `RE_HAN_DEFAULT` character class: jieba cuts each maximal run of
/// these characters on its own, so a run can be segmented apart from the rest
/// of the text with the same result.
fn is_block_char(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}'
        | 'a'..='z' | 'A'..='Z' | '0'..='9'
        | '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// Token boundaries of a text, computed on demand: only the jieba blocks
/// (runs of [`is_block_char`]) that a query falls inside are segmented, once
/// each. Answers exactly as [`Segmenter::boundaries`] would.
pub struct LazyBoundaries<'a> {
    text: &'a str,
    segmenter: &'a Segmenter,
    /// Segmented blocks: (start, end, token boundaries inside), sorted by start.
    blocks: Vec<(usize, usize, Vec<usize>)>,
}

impl<'a> LazyBoundaries<'a> {
    /// Boundaries of `text` as `segmenter` cuts it.
    pub fn new(text: &'a str, segmenter: &'a Segmenter) -> Self {
        Self {
            text,
            segmenter,
            blocks: Vec::new(),
        }
    }

    /// True when a token starts or ends at byte offset `pos`.
    pub fn is_boundary(&mut self, pos: usize) -> bool {
        let text = self.text;
        if pos == 0 || pos >= text.len() {
            return true;
        }
        if !text.is_char_boundary(pos) {
            return false;
        }
        let before = text[..pos].chars().next_back();
        let after = text[pos..].chars().next();
        match (before, after) {
            (Some(b), Some(a)) if is_block_char(b) && is_block_char(a) => {}
            // Outside blocks every character is a token of its own.
            _ => return true,
        }
        let idx = self.blocks.partition_point(|&(start, _, _)| start <= pos);
        if idx > 0 {
            let (start, end, ref ends) = self.blocks[idx - 1];
            if pos < end {
                return self.check(start, ends, pos);
            }
        }
        let start = text[..pos]
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_block_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[pos..]
            .char_indices()
            .find(|&(_, c)| !is_block_char(c))
            .map_or(text.len(), |(i, _)| pos + i);
        let ends = self.segmenter.token_ends(&text[start..end]);
        let answer = self.check(start, &ends, pos);
        self.blocks.insert(idx, (start, end, ends));
        answer
    }

    /// Is `pos` a token end of the block at `start`, or a seam inside the
    /// token that holds it? Seams are computed only on this rare path.
    fn check(&self, start: usize, ends: &[usize], pos: usize) -> bool {
        let rel = pos - start;
        match ends.binary_search(&rel) {
            Ok(_) => true,
            Err(i) => {
                let token_start = if i == 0 { 0 } else { ends[i - 1] };
                let Some(&token_end) = ends.get(i) else {
                    return false;
                };
                let word = &self.text[start + token_start..start + token_end];
                self.segmenter
                    .inner_seams(word)
                    .contains(&(rel - token_start))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_weights_follow_the_dictionary_total() {
        let total: u64 = dictionary_lines()
            .filter_map(split_entry)
            .filter_map(|(_, f, _)| f.parse::<u64>().ok())
            .sum();
        assert_eq!(total as f64, DICT_TOTAL);
        // A word of every report weighs nothing, a rare one most, and one
        // the dictionary lacks as much as the rarest.
        assert_eq!(word_weight("我们"), 0.0);
        assert!(word_weight("协管员") > word_weight("通报"));
        assert_eq!(word_weight("悦动"), word_weight("一个不存在的词"));
    }

    #[test]
    fn dictionary_lines_split_as_with_dict() {
        let ours: Vec<&str> = dictionary_lines().collect();
        let theirs: Vec<&str> = DICT.lines().collect();
        assert_eq!(ours, theirs);
        for line in ours {
            let mut fields = line.split_whitespace();
            let want = (fields.next(), fields.next(), fields.next());
            if let Some((w, f, t)) = split_entry(line) {
                assert_eq!((Some(w), Some(f), Some(t)), want, "{line:?}");
            }
        }
    }

    #[test]
    fn base_dictionary_matches_with_dict() {
        let ours = base().unwrap();
        let theirs = Jieba::with_dict(&mut DICT.as_bytes()).unwrap();
        let text = "南京市长江大桥,小明硕士毕业于中国科学院计算所,后在日本京都大学深造。\
                    昨晚某县化工园区发生爆炸，造成3人死亡、十二人受伤，上吐下泻住院";
        assert_eq!(ours.cut(text, true), theirs.cut(text, true));
        assert_eq!(ours.cut(text, false), theirs.cut(text, false));
        for w in ["南京", "长江大桥", "中国科学院", "爆炸", "化工园区"] {
            assert_eq!(ours.suggest_freq(w), theirs.suggest_freq(w), "{w}");
        }
        for w in dictionary_words().step_by(997) {
            assert!(ours.has_word(w), "{w}");
            assert_eq!(ours.suggest_freq(w), theirs.suggest_freq(w), "{w}");
        }
    }

    #[test]
    fn default_dictionary_splits_the_classic_example() {
        let s = Segmenter::new().unwrap();
        assert_eq!(s.words("南京市长江大桥"), vec!["南京市", "长江大桥"]);
    }

    #[test]
    fn added_words_do_not_break_the_classic_example() {
        let s = Segmenter::with_words(["市长", "大桥坍塌"]).unwrap();
        assert_eq!(s.words("南京市长江大桥"), vec!["南京市", "长江大桥"]);
        assert!(s.words("某地大桥坍塌致多人受伤").contains(&"大桥坍塌"));
    }

    #[test]
    fn lazy_boundaries_agree_with_full_segmentation() {
        let s = Segmenter::with_words(["大桥坍塌"]).unwrap();
        let text = "南京市长江大桥，某地大桥坍塌致3人受伤。Weibo用户@平安南通 发布：2026年11月22日10:30 #突发#";
        let full = s.boundaries(text);
        let mut lazy = LazyBoundaries::new(text, &s);
        // Query in a scattered order to exercise the block cache.
        let mut positions: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        positions.reverse();
        let third = positions.len() / 3;
        positions.rotate_left(third);
        for i in positions {
            assert_eq!(lazy.is_boundary(i), full.at(i), "byte {i}");
        }
    }

    #[test]
    fn compounds_get_inner_boundaries_but_short_words_do_not() {
        let s = Segmenter::new().unwrap();
        let text = "火灾事故,爆炸性新闻";
        let b = s.boundaries(text);
        assert!(b.at("火灾".len()), "火灾|事故");
        assert!(!b.at("火灾事故,爆炸".len()), "爆炸性 stays whole");
    }

    #[test]
    fn added_words_keep_the_seams_of_the_default_dictionary() {
        let s = Segmenter::with_words(["系谣言", "谣言"]).unwrap();
        let text = "表示系谣言";
        let b = s.boundaries(text);
        assert!(b.at("表示".len()) && b.at("表示系".len()) && b.at(text.len()));
    }

    #[test]
    fn boundaries_mark_token_edges() {
        let s = Segmenter::new().unwrap();
        let text = "南京市长江大桥";
        let b = s.boundaries(text);
        assert!(b.at(0));
        assert!(b.at("南京市".len()));
        assert!(!b.at("南京".len()));
        assert!(b.at(text.len()));
    }
}
