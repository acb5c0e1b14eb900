//! A learned second opinion beside the keyword rules.
//!
//! Per category, a logistic regression over the character 2- and 3-grams of
//! the normalized text (present or not, scaled to unit length), stored as a
//! plain weighted-term file, `keywords/model.tsv`, that an operator can read,
//! edit and retrain with `yuqing model train` from labelled JSON Lines.
//!
//! Why character n-grams: the rules miss what is told in words no list
//! holds (一声巨响, 钱还没拿到); n-grams need no dictionary, survive jieba's
//! splits and weigh hundreds of small cues at once, which measured better on
//! unseen wording than any single list added so far (README, "How
//! classification works"). The model never decides alone on weak evidence:
//! it *adds* a category only when confident (`@add`) and *outvotes* the
//! rules only when it finds a rule's category unlikely (`@keep`); both are
//! written in the reasons with the n-grams that weighed most.
//!
//! Long texts are read in overlapping windows of whole sentences
//! (`@window` characters), and each category takes its best window: the
//! model was trained on posts and short articles, and a long article's one
//! relevant paragraph must not be diluted by the rest.

use std::cell::RefCell;
use std::fmt::Write as _;

use rustc_hash::FxHashMap;

use super::rules::{Level, Problem};
use super::types::Category;
use crate::text::Normalizer;

/// Categories, in the model's column order (the documents' order).
const CATS: usize = Category::ALL.len();

/// Default probability under which a rule's category is outvoted.
pub const DEFAULT_KEEP: f32 = 0.3;
/// Default probability from which the model adds a category on its own.
/// 0.55: on twenty-five sets written after the model, each read at first
/// sight, 0.6 flagged 0.7–1.6 points more of the positives than 0.7 in
/// every round of five for about one more negative in 200; on thirty later
/// sets 0.55 flagged about half a point more than 0.6 in every round for
/// half a negative more in 350 (README, "A learned second opinion").
pub const DEFAULT_ADD: f32 = 0.55;
/// Default probability from which the model moves an item the rules
/// flagged, and whose every category it outvoted, to its own best category.
pub const DEFAULT_MOVE: f32 = 0.5;
/// Default window, in characters.
pub const DEFAULT_WINDOW: usize = 500;

/// The n-grams shown as evidence for one category decision.
const EVIDENCE_TERMS: usize = 6;

/// A trained model: weights per n-gram and category.
#[derive(Debug, Clone)]
pub struct Model {
    index: FxHashMap<u64, u32>,
    /// Every 3-gram's two 2-grams are n-grams of the model too (so it is
    /// for a trained model, whose 3-grams are rarer than their parts): a
    /// 3-gram is then looked up only where both are known, which saves
    /// about half its lookups. Checked once the model is built.
    nested: bool,
    /// The key of each n-gram, by id: its text is [`term_of`] the key, so
    /// 200,000 terms are not 200,000 strings to allocate at every start.
    keys: Vec<u64>,
    weights: Vec<[f32; CATS]>,
    bias: [f32; CATS],
    /// Probability under which a category the rules found is dropped.
    pub keep: f32,
    /// Probability from which a category the rules missed is added.
    pub add: f32,
    /// Probability from which an item whose every rule category was
    /// outvoted moves to the model's best category instead of being dropped:
    /// the rules saw a priority matter, the model names it better.
    pub move_to: f32,
    /// Longest window read at once, in characters.
    pub window: usize,
    /// Where the model was read from, for the reasons.
    pub location: String,
    /// The header comments (what it was trained on), kept when rewritten.
    pub notes: Vec<String>,
}

/// The model's reading of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Probability per category, in [`Category::ALL`] order: the best window's.
    pub probability: [f32; CATS],
    /// Per category, its best window.
    best_window: [Option<(usize, usize)>; CATS],
    /// Per category, what the best window's n-grams weigh on their own:
    /// its log-odds less the category's bias. Below zero, the words of
    /// the text argue against the category; at or above, only the prior
    /// does.
    weighed: [f32; CATS],
    /// Per category, how many distinct weighted n-grams its best window
    /// holds.
    grams: [u32; CATS],
    /// The weighted n-grams of the text: (start, end, id), in order of start.
    ids: Vec<(u32, u32, u32)>,
}

impl Reading {
    /// The probability of one category.
    pub fn of(&self, c: Category) -> f32 {
        self.probability[c as usize]
    }

    /// What the n-grams of the best window for `c` weigh for it, without
    /// the prior: negative when the text's words argue against `c`.
    pub fn weighed(&self, c: Category) -> f32 {
        self.weighed[c as usize]
    }

    /// How many distinct weighted n-grams the best window for `c` holds.
    pub fn grams(&self, c: Category) -> u32 {
        self.grams[c as usize]
    }
}

/// A number of the model file: finite, else `None`.
fn weight(s: &str) -> Option<f32> {
    fast_weight(s).or_else(|| s.parse::<f32>().ok().filter(|v| v.is_finite()))
}

/// A weight as the trainer writes it (`-1.5125`): digits, a point, at
/// most ten decimals, the digits' value at most 2^24. Then both the
/// integer and the power of ten are exact in `f32`, and one correctly
/// rounded division gives what `str::parse` gives (Clinger's fast path),
/// in a tenth of the instructions: the model's 60,000 lines are parsed at
/// every start. `None` for any other form, which `str::parse` then reads.
fn fast_weight(s: &str) -> Option<f32> {
    fast_weight_bytes(s.as_bytes())
}

/// [`fast_weight`] of the bytes of a field.
fn fast_weight_bytes(s: &[u8]) -> Option<f32> {
    const POWERS: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
    let (negative, digits) = match s {
        [b'-', rest @ ..] => (true, rest),
        rest => (false, rest),
    };
    let mut mantissa: u32 = 0;
    let mut decimals: Option<usize> = None;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
                if mantissa > 1 << 24 {
                    return None;
                }
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            b'.' if decimals.is_none() => decimals = Some(0),
            _ => return None,
        }
    }
    let decimals = decimals.unwrap_or(0);
    if digits.is_empty() || digits == b"." || decimals >= POWERS.len() {
        return None;
    }
    let v = mantissa as f32 / POWERS[decimals];
    Some(if negative { -v } else { v })
}

/// The numbers after the first field of a term or `@bias` line, placed by
/// `order` (column → category); `Err` with the number of fields found when
/// the line is not its first field and [`CATS`] numbers. Parsed in place:
/// this runs for every line of the file at start.
fn weights_of(line: &str, order: &[usize; CATS]) -> Result<[f32; CATS], usize> {
    let mut w = [0f32; CATS];
    let mut fields = 1;
    let mut all_numbers = true;
    // Fields split on the tab byte, trimmed only when they hold a space:
    // `str::split` and `str::trim` searched and tested Unicode for every
    // field of every line. Tabs are ASCII, so every cut is a character
    // boundary.
    let bytes = line.as_bytes();
    let mut next = memchr::memchr(b'\t', bytes).map(|t| t + 1);
    let fields_after_first = std::iter::from_fn(|| {
        let start = next?;
        let end = memchr::memchr(b'\t', &bytes[start..]).map_or(bytes.len(), |t| start + t);
        next = (end < bytes.len()).then_some(end + 1);
        let field = &line[start..end];
        Some(
            if field.starts_with(char::is_whitespace) || field.ends_with(char::is_whitespace) {
                field.trim()
            } else {
                field
            },
        )
    });
    for (at, field) in fields_after_first.enumerate() {
        fields += 1;
        match (weight(field), order.get(at)) {
            (Some(v), Some(&at)) => w[at] = v,
            _ => all_numbers = false,
        }
    }
    if all_numbers && fields == CATS + 1 {
        Ok(w)
    } else {
        Err(fields)
    }
}

/// A term line exactly as the trainer writes it: a term with no space at
/// either end, then [`CATS`] tab-separated weights in [`fast_weight`]'s
/// form, placed by `order`. `None` for any other line, which the general
/// path then reads (and reports), so this only saves time: the model's
/// 200,000 lines are read at every start.
fn fast_term_line<'l>(line: &'l str, order: &[usize; CATS]) -> Option<(&'l str, [f32; CATS])> {
    let bytes = line.as_bytes();
    if matches!(bytes.first(), None | Some(b'#' | b'@')) {
        return None;
    }
    let tab = bytes.iter().position(|&b| b == b'\t')?;
    let head = &line[..tab];
    if head.is_empty()
        || head.starts_with(char::is_whitespace)
        || head.ends_with(char::is_whitespace)
    {
        return None;
    }
    let mut w = [0f32; CATS];
    // The fields are short: a byte loop beats a searcher set up per field.
    let mut rest = Some(&bytes[tab + 1..]);
    for &at in order {
        let field = rest?;
        let (value, next) = match field.iter().position(|&b| b == b'\t') {
            Some(t) => (&field[..t], Some(&field[t + 1..])),
            None => (field, None),
        };
        w[at] = fast_weight_bytes(value)?;
        rest = next;
    }
    rest.is_none().then_some((head, w))
}

/// The key of an n-gram: three 21-bit code points; bit 63 marks a 2-gram.
fn key2(a: char, b: char) -> u64 {
    (1 << 63) | (u64::from(a) << 21) | u64::from(b)
}

fn key3(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

/// Whether a character may be part of an n-gram: letters, digits and
/// hanzi. Spaces, punctuation and symbols separate: they carry little, make
/// poor evidence to show an analyst, and `@`/`#` mark directives and
/// comments in the model file.
fn usable(c: char) -> bool {
    // Fast paths first: `is_alphanumeric` searches Unicode tables, and this
    // runs for every character of every text.
    match c as u32 {
        0x4E00..=0x9FFF => true,
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x3000..=0x303F | 0xFF00..=0xFFEF => false,
        _ => c.is_alphanumeric(),
    }
}

/// Every n-gram key of `chars` with its start, in order.
fn ngram_keys(chars: &[char], mut f: impl FnMut(usize, u64)) {
    let ok: Vec<bool> = chars.iter().map(|c| usable(*c)).collect();
    for i in 0..chars.len().saturating_sub(1) {
        if !(ok[i] && ok[i + 1]) {
            continue;
        }
        f(i, key2(chars[i], chars[i + 1]));
        if i + 2 < chars.len() && ok[i + 2] {
            f(i, key3(chars[i], chars[i + 1], chars[i + 2]));
        }
    }
}

/// Sentence ends: a window never cuts a sentence shorter than half of it.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n' | '…')
}

/// Overlapping windows `[start, end)` over `n` characters, whose sentence
/// ends are at `ends` (ascending), each of whole units (sentences, or
/// pieces of half a window when a sentence is longer), at most `window`
/// long, starting half a window or more apart; every unit is inside at
/// least one window.
fn windows(n: usize, ends: &[u32], window: usize) -> Vec<(usize, usize)> {
    if n <= window {
        return vec![(0, n)];
    }
    let half = (window / 2).max(1);
    let mut units: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let last = (n - 1) as u32;
    let unit_ends = ends.iter().copied().filter(|&e| e != last).chain([last]);
    for i in unit_ends {
        let end = i as usize + 1;
        let mut s = start;
        while end - s > half {
            units.push((s, s + half));
            s += half;
        }
        if end > s {
            units.push((s, end));
        }
        start = end;
    }
    let mut out = Vec::new();
    let mut u = 0;
    while u < units.len() {
        let begin = units[u].0;
        let mut v = u;
        while v + 1 < units.len() && units[v + 1].1 - begin <= window {
            v += 1;
        }
        out.push((begin, units[v].1));
        if units[v].1 == n {
            break;
        }
        let next = (u + 1..units.len())
            .find(|&k| units[k].0 >= begin + half)
            .unwrap_or(units.len());
        u = next;
    }
    out
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

impl Model {
    /// Reads `text` (already normalized) window by window.
    pub fn read(&self, text: &str) -> Reading {
        // One pass over the characters, keeping only the last three: the
        // n-gram ids and their places are all the windows need, and a text
        // no longer than a window (every post) is read as one.
        let mut ids: Vec<(u32, u32, u32)> = Vec::with_capacity(text.len() / 2);
        let mut sentence_ends: Vec<u32> = Vec::new();
        let (mut a, mut b) = (None::<char>, None::<char>);
        let mut n: u32 = 0;
        // Whether the 2-gram ending at `b` is one of the model's.
        let mut known_before = false;
        for ch in text.chars() {
            let c = usable(ch).then_some(ch);
            // The n-grams that end at `c`: the 3-gram from two back, then
            // the 2-gram from one back (in order of start, as `windows`
            // expects).
            let bigram = match (b, c) {
                (Some(y), Some(z)) => self.index.get(&key2(y, z)).copied(),
                _ => None,
            };
            if let (Some(x), Some(y), Some(z)) = (a, b, c)
                && (!self.nested || (known_before && bigram.is_some()))
                && let Some(&id) = self.index.get(&key3(x, y, z))
            {
                ids.push((n - 2, n + 1, id));
            }
            if let Some(id) = bigram {
                ids.push((n - 1, n + 1, id));
            }
            known_before = bigram.is_some();
            if is_sentence_end(ch) {
                sentence_ends.push(n);
            }
            a = b;
            b = c;
            n += 1;
        }
        // Pushed as each n-gram ends, the ids are still in order of start
        // (2-gram before 3-gram at one start), as `windows` slices them and
        // as the weights are summed.
        let mut best = self.bias.map(sigmoid);
        let mut best_window: [Option<(usize, usize)>; CATS] = [None; CATS];
        let mut weighed = [0f32; CATS];
        let mut grams = [0u32; CATS];
        let mut uniq: Vec<u32> = Vec::new();
        for (start, end) in windows(n as usize, &sentence_ends, self.window) {
            Self::window_ids(&ids, start, end, &mut uniq);
            if uniq.is_empty() {
                continue;
            }
            let scale = 1.0 / (uniq.len() as f32).sqrt();
            let mut sum = [0f32; CATS];
            for &id in &uniq {
                let w = &self.weights[id as usize];
                for c in 0..CATS {
                    sum[c] += w[c];
                }
            }
            for c in 0..CATS {
                let p = sigmoid(self.bias[c] + sum[c] * scale);
                if best_window[c].is_none() || p > best[c] {
                    best[c] = p;
                    best_window[c] = Some((start, end));
                    weighed[c] = sum[c] * scale;
                    grams[c] = uniq.len() as u32;
                }
            }
        }
        Reading {
            probability: best,
            best_window,
            weighed,
            grams,
            ids,
        }
    }

    /// The n-grams of a category's best window that weighed most for it:
    /// what an analyst is shown. Computed only for a decision the model
    /// made, not for every text read.
    pub fn evidence(&self, reading: &Reading, c: Category) -> Vec<String> {
        let c = c as usize;
        let Some((start, end)) = reading.best_window[c] else {
            return Vec::new();
        };
        let mut uniq = Vec::new();
        Self::window_ids(&reading.ids, start, end, &mut uniq);
        let mut top: Vec<(f32, u32)> = uniq
            .iter()
            .map(|&id| (self.weights[id as usize][c], id))
            .filter(|(w, _)| *w > 0.0)
            .collect();
        top.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        top.iter()
            .take(EVIDENCE_TERMS)
            .map(|(_, id)| term_of(self.keys[*id as usize]))
            .collect()
    }

    /// The distinct feature ids of the n-grams inside `[start, end)`;
    /// `ids` holds (start, end, id) in order of start.
    fn window_ids(ids: &[(u32, u32, u32)], start: usize, end: usize, out: &mut Vec<u32>) {
        let (start, end) = (start as u32, end as u32);
        // Seen-marks per id, stamped with a generation instead of cleared:
        // no sort and no allocation per window, on every text the daemon reads.
        thread_local! {
            static SEEN: std::cell::RefCell<(Vec<u32>, u32)> =
                const { std::cell::RefCell::new((Vec::new(), 0)) };
        }
        out.clear();
        let from = ids.partition_point(|(i, _, _)| *i < start);
        SEEN.with(|cell| {
            let (marks, generation) = &mut *cell.borrow_mut();
            *generation = generation.wrapping_add(1);
            if *generation == 0 {
                marks.iter_mut().for_each(|m| *m = 0);
                *generation = 1;
            }
            for &(i, j, id) in &ids[from..] {
                if i >= end {
                    break;
                }
                if j > end {
                    continue;
                }
                let slot = id as usize;
                if slot >= marks.len() {
                    marks.resize(slot + 1, 0);
                }
                if marks[slot] != *generation {
                    marks[slot] = *generation;
                    out.push(id);
                }
            }
        });
    }

    /// Number of weighted n-grams.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when the model weighs no n-gram.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Keeps only the n-grams whose text `keep` accepts (ids renumbered).
    /// The trainer drops with it the n-grams a text's conversion left in a
    /// form the same characters on their own would not keep: 清乾 of
    /// 清乾隆 stays Traditional in its phrase, but a term is read from the
    /// file alone, as 清干, where it would collide with 清干 of 清干净.
    pub fn retain_terms(&mut self, keep: impl Fn(&str) -> bool) {
        let (keys, weights): (Vec<u64>, Vec<[f32; CATS]>) = self
            .keys
            .iter()
            .zip(&self.weights)
            .filter(|(k, _)| keep(&term_of(**k)))
            .map(|(k, w)| (*k, *w))
            .unzip();
        self.index = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i as u32))
            .collect();
        self.keys = keys;
        self.weights = weights;
        self.nested = self.three_grams_nested();
    }

    /// Parses a model file; problems name `file:line`. Terms are normalized
    /// as texts are, so an operator may write them in any script or width.
    pub fn parse(
        file: &str,
        bytes: &[u8],
        normalizer: &Normalizer,
        problems: &mut Vec<Problem>,
    ) -> Option<Model> {
        // A cell, so the checks below can count what the closure pushed.
        let found: RefCell<Vec<Problem>> = RefCell::new(Vec::new());
        let error = |line: usize, message: String| {
            found.borrow_mut().push(Problem {
                file: file.to_string(),
                line,
                level: Level::Error,
                message,
            });
        };
        let Ok(text) = std::str::from_utf8(bytes) else {
            error(0, "not UTF-8: save the model file as UTF-8".into());
            problems.append(&mut found.into_inner());
            return None;
        };
        let mut model = Model {
            index: FxHashMap::default(),
            nested: false,
            keys: Vec::new(),
            weights: Vec::new(),
            bias: [0.0; CATS],
            keep: DEFAULT_KEEP,
            add: DEFAULT_ADD,
            move_to: DEFAULT_MOVE,
            window: DEFAULT_WINDOW,
            location: file.to_string(),
            notes: Vec::new(),
        };
        // About one term a line: sized once, not grown and rehashed.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        model.index.reserve(lines);
        model.keys.reserve(lines);
        model.weights.reserve(lines);
        let mut columns: Option<[usize; CATS]> = None;
        let mut seen_bias = false;
        for (n, raw) in crate::text::lines_of(text).enumerate() {
            let line_no = n + 1;
            let line = raw.trim_end_matches('\r');
            // The trainer's exact form, nearly every line: read in one pass.
            // Anything else takes the general path below.
            let fast = columns.and_then(|order| fast_term_line(line, &order));
            if fast.is_none() && line.trim().is_empty() {
                continue;
            }
            if let Some(note) = line.strip_prefix('#') {
                if model.keys.is_empty() {
                    model.notes.push(note.trim().to_string());
                }
                continue;
            }
            let head = match fast {
                Some((head, _)) => head,
                None => line.split('\t').next().unwrap_or_default().trim(),
            };
            if !head.starts_with('@') {
                // A term line (nearly every line): parsed without allocating
                // more than the term itself.
                let Some(order) = columns else {
                    error(
                        line_no,
                        "a weight line before `@columns`: the column line must come first".into(),
                    );
                    continue;
                };
                let read = match fast {
                    Some((_, w)) => Ok(w),
                    None => weights_of(line, &order),
                };
                let w = match read {
                    Ok(w) => w,
                    Err(found) => {
                        error(
                            line_no,
                            format!(
                                "expected a term and {CATS} numbers separated by tabs, found {found} field(s)"
                            ),
                        );
                        continue;
                    }
                };
                // Trained files hold normalized terms; only hand edits need
                // the (slower) normalizer.
                let plain = head.chars().all(|c| {
                    !c.is_ascii_uppercase() && !normalizer.converts(c) && (c as u32) < 0xFF00
                });
                let term: std::borrow::Cow<'_, str> = if plain {
                    head.into()
                } else {
                    normalizer.normalize(head).into()
                };
                let mut chars = ['\0'; 3];
                let mut len = 0;
                let mut usable_chars = true;
                for c in term.chars() {
                    if len < 3 {
                        chars[len] = c;
                    }
                    len += 1;
                    usable_chars &= usable(c);
                }
                if !(2..=3).contains(&len) || !usable_chars {
                    error(
                        line_no,
                        format!("`{head}`: a term is 2 or 3 characters without spaces"),
                    );
                    continue;
                }
                let key = if len == 2 {
                    key2(chars[0], chars[1])
                } else {
                    key3(chars[0], chars[1], chars[2])
                };
                let id = model.keys.len() as u32;
                if model.index.insert(key, id).is_some() {
                    error(
                        line_no,
                        format!("`{term}` is weighted twice: keep one line"),
                    );
                    continue;
                }
                model.keys.push(key);
                model.weights.push(w);
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            match head {
                "@keep" | "@add" | "@move" => {
                    match fields
                        .get(1)
                        .and_then(|s| weight(s))
                        .filter(|v| (0.0..=1.0).contains(v))
                    {
                        Some(v) if head == "@keep" => model.keep = v,
                        Some(v) if head == "@add" => model.add = v,
                        Some(v) => model.move_to = v,
                        None => error(
                            line_no,
                            format!(
                                "{head} needs a probability between 0 and 1, e.g. `{head}\t0.5`"
                            ),
                        ),
                    }
                }
                "@window" => match fields.get(1).and_then(|s| s.parse::<usize>().ok()) {
                    Some(v) if v >= 20 => model.window = v,
                    _ => error(
                        line_no,
                        "@window needs a length of at least 20 characters".into(),
                    ),
                },
                "@columns" => {
                    let mut order = [usize::MAX; CATS];
                    let names = &fields[1..];
                    let mut ok = names.len() == CATS;
                    for (i, name) in names.iter().enumerate() {
                        match Category::from_slug(name) {
                            Some(c) if i < CATS && !order.contains(&(c as usize)) => {
                                order[i] = c as usize
                            }
                            _ => ok = false,
                        }
                    }
                    if ok {
                        columns = Some(order);
                    } else {
                        error(
                            line_no,
                            format!(
                                "@columns must name the five categories once each, tab-separated: {}",
                                Category::ALL.map(|c| c.slug()).join(" ")
                            ),
                        );
                    }
                }
                "@bias" => {
                    let Some(order) = columns else {
                        error(
                            line_no,
                            "`@bias` before `@columns`: the column line must come first".into(),
                        );
                        continue;
                    };
                    match weights_of(line, &order) {
                        Ok(w) => {
                            model.bias = w;
                            seen_bias = true;
                        }
                        Err(found) => error(
                            line_no,
                            format!(
                                "expected @bias and {CATS} numbers separated by tabs, found {found} field(s)"
                            ),
                        ),
                    }
                }
                _ => error(
                    line_no,
                    format!(
                        "unknown directive {head}: expected @keep, @add, @move, @window, @columns or @bias"
                    ),
                ),
            }
        }
        if !seen_bias && found.borrow().is_empty() {
            error(0, "no `@bias` line: the file is not a complete model (retrain with `yuqing model train`)".into());
        }
        if model.keep > model.add {
            error(
                0,
                format!(
                    "@keep {} is above @add {}: a category could be both dropped and added",
                    model.keep, model.add
                ),
            );
        }
        let mut found = found.into_inner();
        let ok = found.is_empty();
        problems.append(&mut found);
        model.nested = model.three_grams_nested();
        ok.then_some(model)
    }

    /// Whether every 3-gram's two 2-grams are in the index (see
    /// [`Model::nested`]).
    fn three_grams_nested(&self) -> bool {
        self.index.keys().all(|&k| match key_chars(k) {
            ([x, y, z], 3) => {
                self.index.contains_key(&key2(x, y)) && self.index.contains_key(&key2(y, z))
            }
            _ => true,
        })
    }

    /// The model as its file, terms in order of their largest weight.
    pub fn to_file(&self) -> String {
        let mut out = String::new();
        for note in &self.notes {
            let _ = writeln!(out, "# {note}");
        }
        let _ = writeln!(out, "@keep\t{}", self.keep);
        let _ = writeln!(out, "@add\t{}", self.add);
        let _ = writeln!(out, "@move\t{}", self.move_to);
        let _ = writeln!(out, "@window\t{}", self.window);
        let _ = writeln!(
            out,
            "@columns\t{}",
            Category::ALL.map(|c| c.slug()).join("\t")
        );
        let row = |out: &mut String, head: &str, w: &[f32; CATS]| {
            out.push_str(head);
            for v in w {
                let _ = write!(out, "\t{}", round(*v));
            }
            out.push('\n');
        };
        row(&mut out, "@bias", &self.bias);
        let terms: Vec<String> = self.keys.iter().map(|&k| term_of(k)).collect();
        let mut order: Vec<usize> = (0..terms.len()).collect();
        let peak = |i: usize| self.weights[i].iter().fold(0f32, |m, v| m.max(v.abs()));
        order.sort_by(|&a, &b| {
            peak(b)
                .total_cmp(&peak(a))
                .then_with(|| terms[a].cmp(&terms[b]))
        });
        for i in order {
            row(&mut out, &terms[i], &self.weights[i]);
        }
        out
    }
}

/// Four decimals: enough for the model, short enough to read.
fn round(v: f32) -> f32 {
    (v * 10_000.0).round() / 10_000.0
}

/// Settings of [`train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Inverse regularization strength (larger fits the examples closer).
    pub c: f32,
    /// An n-gram is weighed only if this many examples contain it.
    pub min_count: u32,
    /// Optimizer steps.
    pub steps: u32,
    /// Weights smaller than this in every category are left out of the file.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            c: 8.0,
            min_count: 2,
            steps: 600,
            prune: 0.001,
        }
    }
}

/// One labelled example: normalized text and its categories.
#[derive(Debug, Clone)]
pub struct Example {
    /// The text as [`super::Classifier::normalize`] gives it.
    pub text: String,
    /// The categories an analyst gave it (none for a negative).
    pub categories: Vec<Category>,
}

/// Trains a model: per category, L2-regularized logistic regression with
/// classes weighed to balance (as scikit-learn's `class_weight="balanced"`),
/// minimized by full-batch Adam. Deterministic: the same examples give the
/// same file.
pub fn train(examples: &[Example], options: &TrainOptions) -> Model {
    // Vocabulary: n-grams in at least `min_count` examples.
    let mut count: FxHashMap<u64, u32> = FxHashMap::default();
    let docs: Vec<Vec<u64>> = examples
        .iter()
        .map(|e| {
            let chars: Vec<char> = e.text.chars().collect();
            let mut keys = Vec::new();
            ngram_keys(&chars, |_, k| keys.push(k));
            keys.sort_unstable();
            keys.dedup();
            for k in &keys {
                *count.entry(*k).or_default() += 1;
            }
            keys
        })
        .collect();
    let mut vocab: Vec<u64> = count
        .iter()
        .filter(|(_, n)| **n >= options.min_count)
        .map(|(k, _)| *k)
        .collect();
    vocab.sort_unstable();
    let index: FxHashMap<u64, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, i as u32))
        .collect();
    let rows: Vec<Vec<u32>> = docs
        .iter()
        .map(|keys| keys.iter().filter_map(|k| index.get(k).copied()).collect())
        .collect();
    let n = examples.len().max(1) as f32;
    let dim = vocab.len();
    let mut weights = vec![[0f32; CATS]; dim];
    let mut bias = [0f32; CATS];
    for c in Category::ALL {
        let ci = c as usize;
        let y: Vec<bool> = examples.iter().map(|e| e.categories.contains(&c)).collect();
        let positives = y.iter().filter(|v| **v).count() as f32;
        let negatives = n - positives;
        if positives == 0.0 || negatives == 0.0 {
            // Nothing to learn: never add it, never outvote the rules.
            bias[ci] = if positives == 0.0 { -10.0 } else { 10.0 };
            continue;
        }
        let (wp, wn) = (n / (2.0 * positives), n / (2.0 * negatives));
        let (w, b) = fit(&rows, &y, (wp, wn), dim, options);
        for (j, v) in w.into_iter().enumerate() {
            weights[j][ci] = v;
        }
        bias[ci] = b;
    }
    // Leave out n-grams that weigh nothing anywhere.
    let mut model = Model {
        index: FxHashMap::default(),
        nested: false,
        keys: Vec::new(),
        weights: Vec::new(),
        bias,
        keep: DEFAULT_KEEP,
        add: DEFAULT_ADD,
        move_to: DEFAULT_MOVE,
        window: DEFAULT_WINDOW,
        location: String::new(),
        notes: Vec::new(),
    };
    for (j, key) in vocab.iter().enumerate() {
        let w = weights[j];
        if w.iter().all(|v| v.abs() < options.prune) {
            continue;
        }
        model.index.insert(*key, model.keys.len() as u32);
        model.keys.push(*key);
        model.weights.push(w);
    }
    model.nested = model.three_grams_nested();
    model
}

/// The text of an n-gram key.
fn term_of(key: u64) -> String {
    let (chars, len) = key_chars(key);
    chars[..len].iter().collect()
}

/// The characters of an n-gram key ([`key2`], [`key3`]) and how many
/// there are.
fn key_chars(key: u64) -> ([char; 3], usize) {
    let mask = (1u64 << 21) - 1;
    let ch = |v: u64| char::from_u32((v & mask) as u32).unwrap_or('\u{fffd}');
    if key >> 63 == 1 {
        ([ch(key >> 21), ch(key), '\0'], 2)
    } else {
        ([ch(key >> 42), ch(key >> 21), ch(key)], 3)
    }
}

/// One category's regression. Each row is the sorted feature ids present,
/// each scaled by 1/√len; the intercept is not regularized.
fn fit(
    rows: &[Vec<u32>],
    y: &[bool],
    (wp, wn): (f32, f32),
    dim: usize,
    options: &TrainOptions,
) -> (Vec<f32>, f32) {
    let mut w = vec![0f32; dim + 1];
    let mut m = vec![0f32; dim + 1];
    let mut v = vec![0f32; dim + 1];
    let mut grad = vec![0f32; dim + 1];
    let lambda = 1.0 / options.c;
    let (beta1, beta2, eps) = (0.9f32, 0.999f32, 1e-8f32);
    for step in 1..=options.steps {
        // Gradient of C·Σ sᵢ·loss + ½‖w‖², divided by C.
        for (g, wj) in grad.iter_mut().zip(&w).take(dim) {
            *g = lambda * wj;
        }
        grad[dim] = 0.0;
        for (row, &label) in rows.iter().zip(y) {
            if row.is_empty() {
                continue;
            }
            let scale = 1.0 / (row.len() as f32).sqrt();
            let z = w[dim] + scale * row.iter().map(|&j| w[j as usize]).sum::<f32>();
            let (target, weight) = if label { (1.0, wp) } else { (0.0, wn) };
            let err = weight * (sigmoid(z) - target);
            for &j in row {
                grad[j as usize] += err * scale;
            }
            grad[dim] += err;
        }
        // Learning rate falls slowly so the last steps settle.
        let rate = 0.05 / (1.0 + step as f32 / 200.0);
        let (c1, c2) = (1.0 - beta1.powi(step as i32), 1.0 - beta2.powi(step as i32));
        for j in 0..=dim {
            m[j] = beta1 * m[j] + (1.0 - beta1) * grad[j];
            v[j] = beta2 * v[j] + (1.0 - beta2) * grad[j] * grad[j];
            w[j] -= rate * (m[j] / c1) / ((v[j] / c2).sqrt() + eps);
        }
    }
    let b = w[dim];
    w.truncate(dim);
    (w, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_weights_read_as_str_parse_reads_them() {
        for s in [
            "-0.3789",
            "5.4597",
            "0",
            "-0",
            "12",
            "0.0001",
            "-2.9578",
            "1677.7216",
            "3.",
        ] {
            assert_eq!(fast_weight(s), s.parse::<f32>().ok(), "{s}");
        }
        // Every weight of the shipped model.
        let model = include_str!("../../keywords/model.tsv");
        for line in model
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with('@'))
        {
            for field in line.split('\t').skip(1) {
                if let Some(v) = fast_weight(field) {
                    assert_eq!(Some(v), field.parse::<f32>().ok(), "{field}");
                }
            }
        }
        for s in [
            "",
            ".",
            "-",
            "1e5",
            "nan",
            "1.2.3",
            "16777217",
            "0.00000000001",
            " 1",
        ] {
            assert_eq!(fast_weight(s), None, "{s}");
        }
    }

    fn normalizer() -> &'static Normalizer {
        Normalizer::shared().unwrap()
    }

    #[test]
    fn the_one_pass_line_reader_agrees_with_the_general_one() {
        let order = [4, 3, 2, 1, 0];
        // The trainer's form: read in one pass, placed by the column order.
        let (head, w) = fast_term_line("巨响\t0.5\t-1\t2.25\t0\t-0.125", &order).unwrap();
        assert_eq!(head, "巨响");
        assert_eq!(Ok(w), weights_of("巨响\t0.5\t-1\t2.25\t0\t-0.125", &order));
        // Everything else is left to the general reader, which trims,
        // parses other number forms and reports the field count.
        for line in [
            "巨响 \t0.5\t-1\t2.25\t0\t-0.125",
            " 巨响\t0.5\t-1\t2.25\t0\t-0.125",
            "巨响\t0.5\t-1\t2.25\t0",
            "巨响\t0.5\t-1\t2.25\t0\t1\t2",
            "巨响\t0.5\t-1\t2.25\t0\t1e-3",
            "巨响\t0.5\t-1\t2.25\t0\t 1",
            "巨响\t0.5\t-1\t2.25\t0\t",
            "@bias\t1\t1\t1\t1\t1",
            "#巨响\t1\t1\t1\t1\t1",
            "\t1\t1\t1\t1\t1",
            "巨响",
            "",
        ] {
            assert_eq!(fast_term_line(line, &order), None, "{line:?}");
        }
        // A model file in both forms reads the same.
        let file = "@columns\tpolicy\tinterest\tmorality\temergency\tdirective\n@bias\t-1\t-1\t-1\t-1\t-1\n巨响\t0\t0\t0\t2.5\t0\n浓烟 \t0\t0\t0\t1e0\t0\r\n";
        let mut problems = Vec::new();
        let m = Model::parse("m.tsv", file.as_bytes(), normalizer(), &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let terms: Vec<String> = m.keys.iter().map(|&k| term_of(k)).collect();
        assert_eq!(terms, ["巨响", "浓烟"]);
        assert_eq!(m.weights[0][Category::Emergency as usize], 2.5);
        assert_eq!(m.weights[1][Category::Emergency as usize], 1.0);
    }

    #[test]
    fn windows_cover_every_sentence_and_overlap() {
        let text: String = (0..40)
            .map(|i| format!("第{i}句话说了一些事情。"))
            .collect();
        let chars: Vec<char> = text.chars().collect();
        let ends = sentence_ends(&chars);
        let ws = windows(chars.len(), &ends, 60);
        assert!(ws.len() > 1);
        assert_eq!(ws[0].0, 0);
        assert_eq!(ws.last().unwrap().1, chars.len());
        for w in &ws {
            assert!(w.1 - w.0 <= 60, "{w:?}");
        }
        // Every sentence lies whole inside some window.
        let mut start = 0;
        for (i, c) in chars.iter().enumerate() {
            if *c == '。' {
                assert!(
                    ws.iter().any(|w| w.0 <= start && i < w.1),
                    "sentence at {start}"
                );
                start = i + 1;
            }
        }
        // A text without sentence ends is cut into pieces, not lost.
        let long: Vec<char> = "字".repeat(1000).chars().collect();
        let ws = windows(long.len(), &sentence_ends(&long), 100);
        assert_eq!(ws.last().unwrap().1, 1000);
        assert!(ws.iter().all(|w| w.1 - w.0 <= 100));
    }

    fn sentence_ends(chars: &[char]) -> Vec<u32> {
        (0..chars.len() as u32)
            .filter(|&i| is_sentence_end(chars[i as usize]))
            .collect()
    }

    #[test]
    fn keys_round_trip_to_terms() {
        assert_eq!(term_of(key2('爆', '炸')), "爆炸");
        assert_eq!(term_of(key3('送', '医', '院')), "送医院");
        assert_ne!(key2('a', 'b'), key3('\0', 'a', 'b'));
    }

    fn examples() -> Vec<Example> {
        let pos = [
            "工厂一声巨响冒出浓烟",
            "仓库一声巨响浓烟滚滚",
            "半夜一声巨响窗户震碎",
            "化工厂浓烟一声巨响",
        ];
        let neg = [
            "今天天气晴朗适合出游",
            "周末去公园散步看花",
            "天气晴朗的周末出游",
            "公园里的花开了",
        ];
        pos.iter()
            .map(|t| Example {
                text: t.to_string(),
                categories: vec![Category::Emergency],
            })
            .chain(neg.iter().map(|t| Example {
                text: t.to_string(),
                categories: vec![],
            }))
            .collect()
    }

    #[test]
    fn trains_a_model_that_separates_its_examples_and_explains_itself() {
        let model = train(&examples(), &TrainOptions::default());
        let hit = model.read("昨晚村口一声巨响，浓烟很大");
        let miss = model.read("周末天气晴朗，去公园");
        let e = Category::Emergency;
        assert!(hit.of(e) > 0.7, "{hit:?}");
        assert!(miss.of(e) < 0.3, "{miss:?}");
        assert!(
            model.evidence(&hit, e).iter().any(|t| t.contains("巨响")),
            "{hit:?}"
        );
        // No policy example: the model never adds policy.
        assert!(hit.of(Category::Policy) < 0.01);
    }

    #[test]
    fn the_file_round_trips_and_names_its_mistakes() {
        let mut model = train(&examples(), &TrainOptions::default());
        model.notes = vec!["trained on a test".into()];
        let file = model.to_file();
        let mut problems = Vec::new();
        let back = Model::parse("m.tsv", file.as_bytes(), normalizer(), &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back.len(), model.len());
        assert_eq!(back.notes, model.notes);
        let (a, b) = (model.read("一声巨响"), back.read("一声巨响"));
        assert!((a.of(Category::Emergency) - b.of(Category::Emergency)).abs() < 1e-3);

        // Traditional script is normalized like texts are.
        let edited = file.replace("@keep\t0.3", "@keep\t0.4") + "巨響聲\t0\t0\t0\t1\t0\n";
        let m = Model::parse("m.tsv", edited.as_bytes(), normalizer(), &mut problems).unwrap();
        assert_eq!(m.keep, 0.4);
        assert!(m.keys.iter().any(|&k| term_of(k) == "巨响声"));

        let broken = "@columns\tpolicy\tinterest\tmorality\temergency\tdirective\n@bias\t0\t0\t0\t0\t0\n爆炸\t1\t2\n一个很长的词\t0\t0\t0\t0\t0\n@keep\t2\n";
        let mut problems = Vec::new();
        assert!(
            Model::parse(
                "k/model.tsv",
                broken.as_bytes(),
                normalizer(),
                &mut problems
            )
            .is_none()
        );
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            shown[0].starts_with("k/model.tsv:3: error: expected a term and 5 numbers"),
            "{shown:?}"
        );
        assert!(shown[1].starts_with("k/model.tsv:4: error:"), "{shown:?}");
        assert!(
            shown[2].starts_with("k/model.tsv:5: error: @keep"),
            "{shown:?}"
        );
    }

    #[test]
    fn a_three_gram_without_its_two_grams_is_still_read() {
        // A hand-edited file may hold a 3-gram whose 2-grams it lacks: the
        // lookup shortcut for trained models must not skip it.
        let file = "@columns\tpolicy\tinterest\tmorality\temergency\tdirective\n@bias\t-3\t-3\t-3\t-3\t-3\n巨响声\t0\t0\t0\t6\t0\n";
        let mut problems = Vec::new();
        let m = Model::parse("m.tsv", file.as_bytes(), normalizer(), &mut problems).unwrap();
        assert!(!m.nested);
        assert!(m.read("一声巨响声").of(Category::Emergency) > 0.9);
        let trained = train(&examples(), &TrainOptions::default());
        assert!(trained.nested);
    }
}
