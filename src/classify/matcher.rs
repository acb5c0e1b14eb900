//! Finds which rules of a [`RuleSet`] match a normalized text.
//!
//! All terms of all lists go into one Aho-Corasick automaton (daachorse's
//! character-wise double array). A raw hit
//! counts only when it starts and ends on jieba token boundaries, so a
//! keyword matches whole words or runs of words: 市长 does not match inside
//! 南京市长江大桥 (南京市/长江大桥). Only the text blocks around raw hits
//! are segmented (see [`LazyBoundaries`]), so text without any candidate
//! term costs one automaton pass.

use std::collections::HashMap;

use daachorse::CharwiseDoubleArrayAhoCorasick;

use super::classifier::CATEGORY_THRESHOLD;
use super::rules::{ListKind, Near, Rule, RuleSet};
use super::types::Category;
use crate::text::Segmenter;
use crate::text::segment::LazyBoundaries;

/// Errors raised while compiling the matcher.
#[derive(Debug, thiserror::Error)]
pub enum MatcherError {
    /// The automaton could not be built (too many or too long terms).
    #[error("cannot build the keyword automaton: {0}")]
    Automaton(String),
}

/// Texts up to this size keep their raw hits between the two steps of
/// [`Matcher::scan`]; longer ones are scanned twice.
const RAW_BUFFER_BYTES: usize = 64 << 10;

/// The largest char boundary of `s` at or below `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (0..=i).rev().find(|&j| s.is_char_boundary(j)).unwrap_or(0)
}

/// Words that, right before a term, say it did not happen: 无人受伤,
/// 未造成人员伤亡, 暂未收到伤亡报告, 不会停水.
const NEGATIONS: &[&str] = &[
    "无",
    "未",
    "没有",
    "没",
    "暂无",
    "暂未",
    "尚无",
    "尚未",
    "并未",
    "并无",
    "无人",
    "无一人",
    "未造成",
    "未发现",
    "未收到",
    "未见",
    "不会",
    "零",
];

/// True when the text after a hit makes it a figure of speech: 跟发生了一场
/// 火灾似的, 客厅跟刚地震过一样, 跟地震现场一样, 如洪水般. A simile is not
/// the thing itself.
fn figurative(after: &str) -> bool {
    let a = after.trim_start_matches(['了', '过']);
    // 跟地震现场一样, 像火灾现场似的: the scene of it, as a figure.
    let a = a.strip_prefix("现场").unwrap_or(a);
    ["似的", "似地", "一样", "一般", "般"]
        .iter()
        .any(|m| a.starts_with(m))
}

/// Terms that, right after a day's number, are the end of a date rather
/// than a word: 日前 is "recently" (日前，县里通报), but 于9月8日前完成 is
/// "before the 8th"; 近三日本热线 and 5日本报讯 are 日 and 本 (this), not Japan.
const DATE_TAILS: &[&str] = &["日前", "日本"];

/// True when the text before a hit ends with a number (8, 十八) or opens
/// a word for a day (近日, 今日, 次日): the hit is then the tail of a date
/// (see [`DATE_TAILS`]): 近日本热线接到 is 近日 and 本热线. Not after 最近,
/// 附近 or 将近 (最近日本政府 is Japan).
fn after_number(before: &str) -> bool {
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    if last.is_ascii_digit() || "〇零一二三四五六七八九十廿".contains(last) {
        return true;
    }
    match last {
        '今' | '昨' | '次' | '即' | '翌' | '连' => true,
        '近' => !before[..before.len() - last.len_utf8()]
            .ends_with(['最', '附', '靠', '接', '临', '将', '亲', '贴', '就']),
        _ => false,
    }
}

/// Filler between a negation and the term (未造成人员伤亡, 无任何损失,
/// 没有发现裂缝, 没有发生火灾).
const FILLERS: &[&str] = &["人员", "任何", "收到", "发现", "出现", "造成", "发生"];

/// True when the text before a hit ends with a negation.
fn negated(before: &str) -> bool {
    let mut tail = before;
    for f in FILLERS {
        tail = tail.strip_suffix(f).unwrap_or(tail);
    }
    NEGATIONS.iter().any(|n| tail.ends_with(n))
}

/// A rule compiled to term ids.
#[derive(Debug)]
struct CompiledRule {
    list: usize,
    index: usize,
    kind: ListKind,
    weight: f32,
    groups: Vec<Vec<u32>>,
    /// One bit per group: the mask of a rule whose every group matched.
    full: u64,
    /// Proximity the groups must keep.
    near: Option<Near>,
}

/// Most aligned occurrences kept per term of a proximity rule.
const MAX_POSITIONS: usize = 256;

/// Characters that end a sentence for `near=sentence`.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n' | '…')
}

/// The compiled form of a [`RuleSet`].
pub struct Matcher {
    automaton: CharwiseDoubleArrayAhoCorasick<u32>,
    rules: Vec<CompiledRule>,
    /// For each term, the (rule, group) pairs that list it.
    term_groups: Vec<Vec<(u32, u8)>>,
    /// For each term, the rules it vetoes (rule exclusions).
    term_vetoes: Vec<Vec<u32>>,
    /// For each term, the lists it vetoes (file-wide exclusions).
    term_list_vetoes: Vec<Vec<u32>>,
    /// Terms of proximity rules: every aligned occurrence is kept.
    positional: Vec<bool>,
    /// The terms, by id (for explaining exclusions).
    terms: Vec<String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("terms", &self.terms.len())
            .field("rules", &self.rules.len())
            .finish_non_exhaustive()
    }
}

/// A rule that matched but was vetoed by an exclusion, for reasons.
#[derive(Debug, Clone)]
pub struct Vetoed<'r> {
    /// Which list the rule is in.
    pub kind: ListKind,
    /// The rule.
    pub rule: &'r Rule,
    /// The exclusion terms found in the text.
    pub by: Vec<String>,
}

/// Where each term matched in one text.
#[derive(Debug, Default)]
pub struct Hits {
    /// (term id, byte offset of its first aligned occurrence), sorted by id.
    first: Vec<(u32, u32)>,
    /// Every aligned occurrence of the terms of proximity rules:
    /// (term id, character offset, sentence number), sorted.
    places: Vec<(u32, u32, u32)>,
    /// Exclusion terms found only as a figure of speech (洪水猛兽般): they
    /// still veto, though they match nothing.
    figures: Vec<u32>,
}

impl Hits {
    /// Byte offset of the first aligned occurrence of `term`.
    #[inline]
    fn position(&self, term: u32) -> Option<usize> {
        self.first
            .binary_search_by_key(&term, |&(t, _)| t)
            .ok()
            .map(|i| self.first[i].1 as usize)
    }

    /// Number of distinct terms that matched.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }
}

/// The rules one text satisfies (see [`Matcher::outcome`]).
#[derive(Debug, Default)]
pub struct Satisfied {
    /// Rules (ids, sorted) whose every group has a term in the text.
    full: Vec<u32>,
    /// Those of them an exclusion in the text vetoes (sorted).
    vetoed: Vec<u32>,
}

/// One rule that matched, with the terms that made it match.
#[derive(Debug, Clone)]
pub struct RuleHit<'r> {
    /// Which list the rule is in.
    pub kind: ListKind,
    /// The rule.
    pub rule: &'r Rule,
    /// The matched terms, in rule order (every matched alternative of every group).
    pub terms: Vec<&'r str>,
    /// Byte offset of the earliest matched term, for ordering.
    pub position: usize,
}

impl Matcher {
    /// Compiles `rules`.
    pub fn new(rules: &RuleSet) -> Result<Self, MatcherError> {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut terms: Vec<String> = Vec::new();
        let mut intern = |t: &str| -> u32 {
            if let Some(&id) = ids.get(t) {
                return id;
            }
            let id = terms.len() as u32;
            terms.push(t.to_string());
            ids.insert(t.to_string(), id);
            id
        };
        let mut compiled = Vec::new();
        let mut list_excludes: Vec<Vec<u32>> = Vec::new();
        let mut rule_excludes: Vec<Vec<u32>> = Vec::new();
        for (li, list) in rules.lists.iter().enumerate() {
            list_excludes.push(list.excludes.iter().map(|t| intern(t)).collect());
            for (ri, rule) in list.rules.iter().enumerate() {
                compiled.push(CompiledRule {
                    list: li,
                    index: ri,
                    kind: list.kind,
                    weight: rule.weight,
                    groups: rule
                        .groups
                        .iter()
                        .map(|g| g.iter().map(|t| intern(t)).collect())
                        .collect(),
                    full: if rule.groups.len() >= 64 {
                        u64::MAX
                    } else {
                        (1u64 << rule.groups.len()) - 1
                    },
                    near: rule.near,
                });
                rule_excludes.push(
                    rule.excludes
                        .iter()
                        .map(|t| intern(t))
                        .collect::<Vec<u32>>(),
                );
            }
        }
        let mut term_groups = vec![Vec::new(); terms.len()];
        let mut term_vetoes = vec![Vec::new(); terms.len()];
        let mut term_list_vetoes = vec![Vec::new(); terms.len()];
        for (ri, r) in compiled.iter().enumerate() {
            // The parser caps groups well below 64, so the bit fits.
            for (gi, g) in r.groups.iter().enumerate().take(64) {
                for &t in g {
                    let v: &mut Vec<(u32, u8)> = &mut term_groups[t as usize];
                    if v.last() != Some(&(ri as u32, gi as u8)) {
                        v.push((ri as u32, gi as u8));
                    }
                }
            }
            for &t in &rule_excludes[ri] {
                term_vetoes[t as usize].push(ri as u32);
            }
        }
        for (li, ex) in list_excludes.iter().enumerate() {
            for &t in ex {
                term_list_vetoes[t as usize].push(li as u32);
            }
        }
        let mut positional = vec![false; terms.len()];
        for r in compiled.iter().filter(|r| r.near.is_some()) {
            for &t in r.groups.iter().flatten() {
                positional[t as usize] = true;
            }
        }
        let automaton = CharwiseDoubleArrayAhoCorasick::new(&terms)
            .map_err(|e| MatcherError::Automaton(e.to_string()))?;
        Ok(Self {
            automaton,
            rules: compiled,
            term_groups,
            term_vetoes,
            term_list_vetoes,
            positional,
            terms,
        })
    }

    /// Finds the terms of `text` (normalized) that sit on token boundaries.
    /// `category_elsewhere` says a category may come from outside the rules
    /// (the model adds one): the severity rules are then worth reading even
    /// when no category rule can fire.
    pub fn scan(&self, text: &str, segmenter: &Segmenter, category_elsewhere: bool) -> Hits {
        // Texts over 4 GiB cannot be positioned in u32; they are cut upstream
        // long before that, so just stop matching there.
        let text = &text[..floor_char_boundary(text, u32::MAX as usize - 1)];
        // Raw hits first; segmentation (the costly part) is spent only on
        // terms of rules that could fire if every raw hit were a whole word.
        // Long texts are scanned twice instead of buffering every raw hit.
        let raw: Option<Vec<(u32, usize, usize)>> = (text.len() <= RAW_BUFFER_BYTES).then(|| {
            self.automaton
                .find_overlapping_iter(text)
                .map(|m| (m.value(), m.start(), m.end()))
                .collect()
        });
        let mut present: Vec<u32> = match &raw {
            Some(raw) => raw.iter().map(|&(t, _, _)| t).collect(),
            None => {
                let mut seen = vec![false; self.term_groups.len()];
                let mut ids = Vec::new();
                for m in self.automaton.find_overlapping_iter(text) {
                    let t = m.value();
                    if !std::mem::replace(&mut seen[t as usize], true) {
                        ids.push(t);
                    }
                }
                ids
            }
        };
        if present.is_empty() {
            return Hits::default();
        }
        present.sort_unstable();
        present.dedup();
        let needed = self.needed_terms(present, category_elsewhere);
        let mut done = vec![false; needed.len()];
        let mut found: Vec<(u32, u32)> = Vec::new();
        let mut bounds = LazyBoundaries::new(text, segmenter);
        let mut places: Vec<(u32, usize)> = Vec::new();
        let mut figures: Vec<u32> = Vec::new();
        let mut kept = vec![0u16; needed.len()];
        let mut check = |term: u32, start: usize, end: usize| {
            let Ok(slot) = needed.binary_search(&term) else {
                return;
            };
            let positional = self.positional[term as usize];
            let wanted = !done[slot] || (positional && usize::from(kept[slot]) < MAX_POSITIONS);
            if wanted
                && !negated(&text[..start])
                && bounds.is_boundary(start)
                && bounds.is_boundary(end)
                && !(after_number(&text[..start])
                    && DATE_TAILS.contains(&self.terms[term as usize].as_str()))
            {
                if figurative(&text[end..]) {
                    if self.is_exclusion(term) {
                        figures.push(term);
                    }
                    return;
                }
                if !done[slot] {
                    done[slot] = true;
                    found.push((term, start as u32));
                }
                if positional {
                    kept[slot] += 1;
                    places.push((term, start));
                }
            }
        };
        match raw {
            Some(raw) => raw.into_iter().for_each(|(t, s, e)| check(t, s, e)),
            None => self
                .automaton
                .find_overlapping_iter(text)
                .for_each(|m| check(m.value(), m.start(), m.end())),
        }
        found.sort_unstable_by_key(|&(t, _)| t);
        figures.sort_unstable();
        figures.dedup();
        Hits {
            first: found,
            places: locate(text, places),
            figures,
        }
    }

    /// True for a term that vetoes a rule or a list: an exclusion counts
    /// in any sense (洪水猛兽般 still rules out 洪水).
    fn is_exclusion(&self, term: u32) -> bool {
        !self.term_vetoes[term as usize].is_empty()
            || !self.term_list_vetoes[term as usize].is_empty()
    }

    /// Terms worth checking for word alignment, sorted: those of rules whose
    /// every group has a raw hit, in lists that could still fire (a category
    /// whose satisfiable rules weigh less than the threshold cannot; severity
    /// rules count only when a category can, from the rules or from
    /// `category_elsewhere`), plus the exclusions that could veto them.
    fn needed_terms(&self, mut present: Vec<u32>, category_elsewhere: bool) -> Vec<u32> {
        let satisfiable = self.satisfied(&present, None).full;
        let mut scores = [0f32; Category::ALL.len()];
        for &ri in &satisfiable {
            if let ListKind::Category(c) = self.rules[ri as usize].kind {
                scores[c as usize] += self.rules[ri as usize].weight;
            }
        }
        let any_category = category_elsewhere || scores.iter().any(|&s| s >= CATEGORY_THRESHOLD);
        let useful = |ri: u32| match self.rules[ri as usize].kind {
            ListKind::Category(c) => scores[c as usize] >= CATEGORY_THRESHOLD,
            ListKind::Severity => any_category,
            ListKind::Regions | ListKind::Flag(_) | ListKind::Abroad => true,
        };
        // The rules worth aligning terms for, one bit each.
        let mut wanted = vec![0u64; self.rules.len().div_ceil(64)];
        for &ri in satisfiable.iter().filter(|&&ri| useful(ri)) {
            wanted[ri as usize / 64] |= 1 << (ri % 64);
        }
        let wanted = |ri: u32| wanted[ri as usize / 64] & (1 << (ri % 64)) != 0;
        present.retain(|&t| {
            let t = t as usize;
            self.term_groups[t].iter().any(|&(ri, _)| wanted(ri))
                || self.term_vetoes[t].iter().any(|&ri| wanted(ri))
                || !self.term_list_vetoes[t].is_empty()
        });
        present
    }

    /// Rules (sorted ids) whose every group has a term in `present` (sorted
    /// term ids), and with `vetoes` (the figures of speech), those of them
    /// an exclusion present rules out (sorted).
    fn satisfied(&self, present: &[u32], vetoes: Option<&[u32]>) -> Satisfied {
        // One mask per rule and one bit per rule touched, kept per thread
        // and cleared as they are read: zeroing a mask for every rule on
        // every call cost more than the matching itself once the lists held
        // a few hundred rules, and the touched bits come out in rule order
        // with no sort.
        thread_local! {
            static SCRATCH: std::cell::RefCell<(Vec<u64>, Vec<u64>)> =
                const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
        }
        SCRATCH.with(|cell| {
            let (masks, touched) = &mut *cell.borrow_mut();
            if masks.len() < self.rules.len() {
                masks.resize(self.rules.len(), 0);
                touched.resize(self.rules.len().div_ceil(64), 0);
            }
            self.satisfied_with(masks, touched, present, vetoes)
        })
    }

    fn satisfied_with(
        &self,
        masks: &mut [u64],
        touched: &mut [u64],
        present: &[u32],
        vetoes: Option<&[u32]>,
    ) -> Satisfied {
        let mut vetoed_rules = Vec::new();
        let mut vetoed_lists = Vec::new();
        for &t in present {
            for &(ri, gi) in &self.term_groups[t as usize] {
                masks[ri as usize] |= 1 << gi;
                touched[ri as usize / 64] |= 1 << (ri % 64);
            }
        }
        if let Some(figures) = vetoes {
            for &t in present.iter().chain(figures) {
                vetoed_rules.extend_from_slice(&self.term_vetoes[t as usize]);
                vetoed_lists.extend_from_slice(&self.term_list_vetoes[t as usize]);
            }
        }
        let mut full = Vec::new();
        for (w, word) in touched.iter_mut().enumerate() {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                let ri = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if std::mem::take(&mut masks[ri]) == self.rules[ri].full {
                    full.push(ri as u32);
                }
            }
        }
        let vetoed = if vetoed_rules.is_empty() && vetoed_lists.is_empty() {
            Vec::new()
        } else {
            full.iter()
                .copied()
                .filter(|ri| {
                    vetoed_lists.contains(&(self.rules[*ri as usize].list as u32))
                        || vetoed_rules.contains(ri)
                })
                .collect()
        };
        Satisfied { full, vetoed }
    }

    /// Which rules `hits` satisfy, which of them an exclusion vetoes: the
    /// input of [`Matcher::matched`] and [`Matcher::vetoed`], computed once.
    pub fn outcome(&self, hits: &Hits) -> Satisfied {
        let present: Vec<u32> = hits.first.iter().map(|&(t, _)| t).collect();
        self.satisfied(&present, Some(&hits.figures))
    }

    /// The rules whose groups all matched but an exclusion vetoed, with the
    /// exclusion terms found: so an operator can see why an item was not
    /// flagged.
    pub fn vetoed<'r>(
        &self,
        rules: &'r RuleSet,
        hits: &Hits,
        outcome: &Satisfied,
    ) -> Vec<Vetoed<'r>> {
        let present: Vec<u32> = hits.first.iter().map(|&(t, _)| t).collect();
        let mut out = Vec::new();
        for &ri in &outcome.vetoed {
            let c = &self.rules[ri as usize];
            let by: Vec<String> = present
                .iter()
                .chain(&hits.figures)
                .filter(|&&t| {
                    self.term_vetoes[t as usize].contains(&ri)
                        || self.term_list_vetoes[t as usize].contains(&(c.list as u32))
                })
                .map(|&t| self.terms[t as usize].clone())
                .collect();
            let list = &rules.lists[c.list];
            out.push(Vetoed {
                kind: list.kind,
                rule: &list.rules[c.index],
                by,
            });
        }
        out
    }

    /// The rules that `hits` satisfy, in list and file order.
    pub fn matched<'r>(
        &self,
        rules: &'r RuleSet,
        hits: &Hits,
        outcome: &Satisfied,
    ) -> Vec<RuleHit<'r>> {
        let mut out = Vec::new();
        for &ri in outcome
            .full
            .iter()
            .filter(|ri| outcome.vetoed.binary_search(ri).is_err())
        {
            let c = &self.rules[ri as usize];
            if let Some(near) = c.near
                && !groups_near(&c.groups, near, &hits.places)
            {
                continue;
            }
            let list = &rules.lists[c.list];
            let rule = &list.rules[c.index];
            let mut terms = Vec::new();
            let mut position = usize::MAX;
            for (g, ids) in rule.groups.iter().zip(&c.groups) {
                for (term, &id) in g.iter().zip(ids) {
                    if let Some(pos) = hits.position(id) {
                        terms.push(term.as_str());
                        position = position.min(pos);
                    }
                }
            }
            out.push(RuleHit {
                kind: list.kind,
                rule,
                terms,
                position,
            });
        }
        out
    }
}

/// Character offsets and sentence numbers of byte offsets in `text`, in
/// one pass: (term, byte offset) → (term, character, sentence), sorted.
fn locate(text: &str, mut places: Vec<(u32, usize)>) -> Vec<(u32, u32, u32)> {
    if places.is_empty() {
        return Vec::new();
    }
    places.sort_unstable_by_key(|&(_, b)| b);
    let mut out = Vec::with_capacity(places.len());
    let mut chars = text.char_indices().enumerate().peekable();
    let (mut char_no, mut sentence) = (0u32, 0u32);
    for (term, byte) in places {
        while let Some(&(n, (i, c))) = chars.peek() {
            if i >= byte {
                break;
            }
            char_no = n as u32 + 1;
            if ends_sentence(c) {
                sentence += 1;
            }
            chars.next();
        }
        out.push((term, char_no, sentence));
    }
    out.sort_unstable();
    out
}

/// True when every group has an occurrence in one sentence, or all within
/// a window of `n` characters (measured between the terms' starts).
fn groups_near(groups: &[Vec<u32>], near: Near, places: &[(u32, u32, u32)]) -> bool {
    // (position, group) for every occurrence of every group's terms.
    let mut events: Vec<(u32, usize)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        for &t in g {
            let from = places.partition_point(|&(pt, _, _)| pt < t);
            for &(_, ch, sent) in places[from..].iter().take_while(|&&(pt, _, _)| pt == t) {
                events.push((if near == Near::Sentence { sent } else { ch }, gi));
            }
        }
    }
    events.sort_unstable();
    let width = match near {
        Near::Sentence => 0,
        Near::Chars(n) => n,
    };
    // Sliding window: the narrowest span holding every group.
    let mut counts = vec![0u32; groups.len()];
    let mut covered = 0;
    let mut lo = 0;
    for hi in 0..events.len() {
        let (pos, g) = events[hi];
        if counts[g] == 0 {
            covered += 1;
        }
        counts[g] += 1;
        while events[lo].0 + width < pos {
            let lg = events[lo].1;
            counts[lg] -= 1;
            if counts[lg] == 0 {
                covered -= 1;
            }
            lo += 1;
        }
        if covered == groups.len() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classifier(rules: &str) -> crate::classify::Classifier {
        let normalizer = crate::text::Normalizer::shared().unwrap();
        let set = RuleSet::from_files(
            vec![("emergency.txt".into(), rules.as_bytes().to_vec())],
            normalizer,
        )
        .unwrap();
        crate::classify::Classifier::new(set).unwrap()
    }

    fn flagged(c: &crate::classify::Classifier, text: &str) -> bool {
        c.classify(&crate::classify::Document {
            text,
            ..Default::default()
        })
        .is_flagged()
    }

    #[test]
    fn proximity_rules_need_their_groups_close() {
        let c = classifier("巨响 + 浓烟|黑烟 near=sentence\n停了|断了 + 天然气|暖气 near=6\n");
        assert!(flagged(&c, "刚才一声巨响，楼后面冒出黑烟。"));
        assert!(!flagged(
            &c,
            "昨晚听到一声巨响。今天看新闻说是放鞭炮，远处有黑烟。"
        ));
        assert!(flagged(&c, "天然气停了四天了"));
        assert!(!flagged(&c, "天然气公司通知，小区门口的路灯昨天晚上停了"));
    }

    #[test]
    fn a_days_number_before_a_term_is_a_date() {
        let c = classifier("日本 + 地震\n");
        assert!(flagged(&c, "日本北海道发生地震"));
        // 近三日 + 本热线: the last three days, this hotline.
        assert!(!flagged(&c, "近三日本热线受理地震后房屋开裂诉求"));
        assert!(!flagged(&c, "5日本报讯 地震局发布"));
    }

    #[test]
    fn near_is_parsed_and_checked() {
        let normalizer = crate::text::Normalizer::shared().unwrap();
        let bad = RuleSet::from_files(
            vec![(
                "emergency.txt".into(),
                "爆炸 + 浓烟 near=abc\n".as_bytes().to_vec(),
            )],
            normalizer,
        );
        let err = bad.unwrap_err().to_string();
        assert!(
            err.contains("emergency.txt:1") && err.contains("near"),
            "{err}"
        );
    }

    #[test]
    fn negations_before_a_term() {
        assert!(negated("事故无人"));
        assert!(negated("未造成人员"));
        assert!(negated("暂未收到人员"));
        assert!(after_number("请于9月8"));
        assert!(after_number("十二月十八"));
        assert!(!after_number("县里"));
        // 近日本热线 is 近日 and 本热线; 最近日本 is Japan.
        assert!(after_number("近"));
        assert!(after_number("次"));
        assert!(!after_number("最近"));
        assert!(!after_number("附近"));
        assert!(figurative("似的，锅底全黑了"));
        assert!(figurative("过一样"));
        assert!(figurative("般涌来"));
        assert!(figurative("现场一样，土撒了一沙发"));
        assert!(!figurative("现场一片狼藉"));
        assert!(!figurative("，三人受伤"));
        assert!(negated("检查时没有发现"));
        assert!(negated("没有造成人员"));
        assert!(!negated("居民发现"));
        assert!(!negated("造成3人"));
        assert!(!negated(""));
    }
}
