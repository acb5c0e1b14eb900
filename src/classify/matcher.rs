//! Finds which rules of a [`RuleSet`] match a normalized text.
//!
//! All terms of all lists go into one Aho-Corasick automaton. A raw hit
//! counts only when it starts and ends on jieba token boundaries, so a
//! keyword matches whole words or runs of words: 市长 does not match inside
//! 南京市长江大桥 (南京市/长江大桥). Only the text blocks around raw hits
//! are segmented (see [`LazyBoundaries`]), so text without any candidate
//! term costs one automaton pass.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::rules::{ListKind, Rule, RuleSet};
use crate::text::Segmenter;
use crate::text::segment::LazyBoundaries;

/// Errors raised while compiling the matcher.
#[derive(Debug, thiserror::Error)]
pub enum MatcherError {
    /// The automaton could not be built (too many or too long terms).
    #[error("cannot build the keyword automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

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

/// Filler between a negation and the term (未造成人员伤亡, 无任何损失).
const FILLERS: &[&str] = &["人员", "任何", "收到"];

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
    groups: Vec<Vec<u32>>,
    excludes: Vec<u32>,
}

/// The compiled form of a [`RuleSet`].
#[derive(Debug)]
pub struct Matcher {
    automaton: AhoCorasick,
    terms: Vec<String>,
    rules: Vec<CompiledRule>,
    /// For each term, the rules whose groups use it.
    term_rules: Vec<Vec<u32>>,
    /// For each list, its file-wide exclusions.
    list_excludes: Vec<Vec<u32>>,
}

/// Where each term matched in one text.
#[derive(Debug, Default)]
pub struct Hits {
    /// Per term id: byte offset + 1 of its first aligned occurrence, 0 if none.
    first: Vec<u32>,
    /// Ids of the terms that matched, in order of discovery.
    matched: Vec<u32>,
}

impl Hits {
    /// True when `term` matched.
    #[inline]
    fn has(&self, term: u32) -> bool {
        self.first.get(term as usize).is_some_and(|&p| p != 0)
    }

    /// Byte offset of the first aligned occurrence of `term`.
    #[inline]
    fn position(&self, term: u32) -> Option<usize> {
        self.first
            .get(term as usize)
            .and_then(|&p| p.checked_sub(1))
            .map(|p| p as usize)
    }

    /// Number of distinct terms that matched.
    pub fn len(&self) -> usize {
        self.matched.len()
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.matched.is_empty()
    }
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
        let mut list_excludes = Vec::new();
        for (li, list) in rules.lists.iter().enumerate() {
            list_excludes.push(list.excludes.iter().map(|t| intern(t)).collect());
            for (ri, rule) in list.rules.iter().enumerate() {
                compiled.push(CompiledRule {
                    list: li,
                    index: ri,
                    groups: rule
                        .groups
                        .iter()
                        .map(|g| g.iter().map(|t| intern(t)).collect())
                        .collect(),
                    excludes: rule.excludes.iter().map(|t| intern(t)).collect(),
                });
            }
        }
        let mut term_rules = vec![Vec::new(); terms.len()];
        for (ri, r) in compiled.iter().enumerate() {
            for &t in r.groups.iter().flatten() {
                let v: &mut Vec<u32> = &mut term_rules[t as usize];
                if v.last() != Some(&(ri as u32)) {
                    v.push(ri as u32);
                }
            }
        }
        // A DFA is several times faster than the NFAs for overlapping search;
        // a few thousand short terms keep it to a few MB.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&terms)?;
        Ok(Self {
            automaton,
            terms,
            rules: compiled,
            term_rules,
            list_excludes,
        })
    }

    /// Finds the terms of `text` (normalized) that sit on token boundaries.
    pub fn scan(&self, text: &str, segmenter: &Segmenter) -> Hits {
        let mut hits = Hits::default();
        // Texts over 4 GiB cannot be positioned in u32; they are cut upstream
        // long before that, so just stop matching there.
        let text = &text[..floor_char_boundary(text, u32::MAX as usize - 1)];
        // Raw hits first; segmentation (the costly part) is spent only on
        // terms of rules that could fire if every raw hit were a whole word.
        let raw: Vec<(u32, usize, usize)> = self
            .automaton
            .find_overlapping_iter(text)
            .map(|m| (m.pattern().as_u32(), m.start(), m.end()))
            .collect();
        if raw.is_empty() {
            return hits;
        }
        let needed = self.needed_terms(&raw);
        let mut bounds = LazyBoundaries::new(text, segmenter);
        for (term, start, end) in raw {
            if !needed[term as usize] || hits.has(term) {
                continue;
            }
            if bounds.is_boundary(start) && bounds.is_boundary(end) && !negated(&text[..start]) {
                if hits.first.is_empty() {
                    hits.first = vec![0; self.terms.len()];
                }
                hits.first[term as usize] = start as u32 + 1;
                hits.matched.push(term);
            }
        }
        hits
    }

    /// Terms worth checking for word alignment: those of rules whose every
    /// group has a raw hit, in lists that could reach their threshold, plus
    /// the exclusions that could veto them.
    fn needed_terms(&self, raw: &[(u32, usize, usize)]) -> Vec<bool> {
        let mut present = vec![false; self.terms.len()];
        for &(t, _, _) in raw {
            present[t as usize] = true;
        }
        let mut needed = vec![false; self.terms.len()];
        let mut seen_rule = vec![false; self.rules.len()];
        for &(t, _, _) in raw {
            for &ri in &self.term_rules[t as usize] {
                if std::mem::replace(&mut seen_rule[ri as usize], true) {
                    continue;
                }
                let r = &self.rules[ri as usize];
                if !r
                    .groups
                    .iter()
                    .all(|g| g.iter().any(|&x| present[x as usize]))
                {
                    continue;
                }
                for &x in r.groups.iter().flatten().chain(&r.excludes) {
                    needed[x as usize] = true;
                }
                for &x in &self.list_excludes[r.list] {
                    needed[x as usize] = true;
                }
            }
        }
        needed
    }

    /// The rules that `hits` satisfy, in list and file order.
    pub fn matched<'r>(&self, rules: &'r RuleSet, hits: &Hits) -> Vec<RuleHit<'r>> {
        let mut candidates: Vec<u32> = hits
            .matched
            .iter()
            .flat_map(|&t| self.term_rules[t as usize].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut out = Vec::new();
        for ri in candidates {
            let c = &self.rules[ri as usize];
            let all_groups = c.groups.iter().all(|g| g.iter().any(|&t| hits.has(t)));
            let excluded = c.excludes.iter().any(|&t| hits.has(t))
                || self.list_excludes[c.list].iter().any(|&t| hits.has(t));
            if !all_groups || excluded {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negations_before_a_term() {
        assert!(negated("事故无人"));
        assert!(negated("未造成人员"));
        assert!(negated("暂未收到人员"));
        assert!(!negated("造成3人"));
        assert!(!negated(""));
    }
}
