//! Grouping items into cases: a 64-bit SimHash over an item's words finds
//! reposts (转发) and near-copies; shared matched terms, categories and
//! places within a time window find other reports of the same story.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::classify::Category;

/// How long after a case's last item a new item may still join it.
pub const DEFAULT_WINDOW_HOURS: i64 = 72;
/// SimHash distance at or under which two texts are near-copies.
pub const NEAR_DUPLICATE_BITS: u32 = 6;
/// Least share of matched terms (Jaccard) for two reports of one story.
pub const MIN_TERM_OVERLAP: f64 = 0.4;

/// 64-bit FNV-1a: stable across runs and platforms (SimHash values are stored).
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SimHash of a text's words, weighted by frequency. Words of one character
/// (particles, punctuation) carry no story and are skipped.
pub fn simhash<'a>(words: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut weights = [0i64; 64];
    let mut any = false;
    for w in words {
        if w.chars().count() < 2 || w.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        any = true;
        let h = fnv1a(w);
        for (bit, weight) in weights.iter_mut().enumerate() {
            if h & (1 << bit) != 0 {
                *weight += 1;
            } else {
                *weight -= 1;
            }
        }
    }
    if !any {
        return 0;
    }
    weights
        .iter()
        .enumerate()
        .filter(|(_, w)| **w > 0)
        .fold(0u64, |acc, (bit, _)| acc | (1 << bit))
}

/// Number of differing bits.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// What clustering knows of an item or a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// SimHash of the words.
    pub simhash: u64,
    /// Matched terms, sorted and distinct.
    pub terms: Vec<String>,
    /// Regions named.
    pub regions: Vec<String>,
    /// Categories.
    pub categories: Vec<Category>,
}

/// One open case as the index sees it.
#[derive(Debug, Clone)]
struct Entry {
    case_id: u64,
    signature: Signature,
    last_seen: DateTime<Utc>,
}

/// Recent cases that new items may join. Rebuilt from the store at start.
#[derive(Debug, Clone)]
pub struct ClusterIndex {
    entries: Vec<Entry>,
    window: Duration,
}

impl Default for ClusterIndex {
    fn default() -> Self {
        Self::new(Duration::hours(DEFAULT_WINDOW_HOURS))
    }
}

impl ClusterIndex {
    /// An empty index; items join cases seen within `window`.
    pub fn new(window: Duration) -> Self {
        Self {
            entries: Vec::new(),
            window,
        }
    }

    /// The case an item seen at `at` belongs to, if any.
    pub fn find(&self, item: &Signature, at: DateTime<Utc>) -> Option<u64> {
        let mut best: Option<(f64, u64)> = None;
        for e in &self.entries {
            if at - e.last_seen > self.window || e.last_seen - at > self.window {
                continue;
            }
            let score = similarity(item, &e.signature);
            if score > 0.0 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, e.case_id));
            }
        }
        best.map(|(_, id)| id)
    }

    /// Records (or refreshes) a case.
    pub fn upsert(&mut self, case_id: u64, signature: Signature, last_seen: DateTime<Utc>) {
        match self.entries.iter_mut().find(|e| e.case_id == case_id) {
            Some(e) => {
                e.signature = signature;
                e.last_seen = e.last_seen.max(last_seen);
            }
            None => self.entries.push(Entry {
                case_id,
                signature,
                last_seen,
            }),
        }
    }

    /// Forgets cases whose last item is older than the window before `now`.
    pub fn prune(&mut self, now: DateTime<Utc>) {
        let window = self.window;
        self.entries.retain(|e| now - e.last_seen <= window);
    }

    /// Number of cases in the index.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the index is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// How much an item looks like a case: 1 for a near-copy, the share of
/// matched terms for another report of the same story, 0 for unrelated.
fn similarity(item: &Signature, case: &Signature) -> f64 {
    let places_clash = !item.regions.is_empty()
        && !case.regions.is_empty()
        && !item.regions.iter().any(|r| case.regions.contains(r));
    if places_clash {
        return 0.0;
    }
    if item.simhash != 0 && hamming(item.simhash, case.simhash) <= NEAR_DUPLICATE_BITS {
        return 1.0;
    }
    if !item.categories.iter().any(|c| case.categories.contains(c)) {
        return 0.0;
    }
    let shared = item
        .terms
        .iter()
        .filter(|t| case.terms.binary_search(t).is_ok())
        .count();
    let union = item.terms.len() + case.terms.len() - shared;
    if shared < 2 || union == 0 {
        return 0.0;
    }
    let jaccard = shared as f64 / union as f64;
    if jaccard >= MIN_TERM_OVERLAP {
        jaccard
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(words: &[&str], terms: &[&str], regions: &[&str]) -> Signature {
        let mut terms: Vec<String> = terms.iter().map(|s| s.to_string()).collect();
        terms.sort();
        Signature {
            simhash: simhash(words.iter().copied()),
            terms,
            regions: regions.iter().map(|s| s.to_string()).collect(),
            categories: vec![Category::Emergency],
        }
    }

    #[test]
    fn simhash_is_stable_and_close_for_near_copies() {
        let a = [
            "某",
            "化工厂",
            "发生",
            "爆炸",
            "事故",
            "造成",
            "三人",
            "死亡",
            "伤者",
            "送医",
        ];
        let b = [
            "转发",
            "某",
            "化工厂",
            "发生",
            "爆炸",
            "事故",
            "造成",
            "三人",
            "死亡",
            "伤者",
            "送医",
        ];
        let c = [
            "今天", "天气", "晴朗", "适合", "出游", "公园", "游客", "很多",
        ];
        assert_eq!(simhash(a), simhash(a));
        assert!(hamming(simhash(a), simhash(b)) <= NEAR_DUPLICATE_BITS);
        assert!(hamming(simhash(a), simhash(c)) > NEAR_DUPLICATE_BITS);
        assert_eq!(simhash(["的", "。"]), 0);
    }

    #[test]
    fn reports_of_one_story_join_and_other_places_do_not() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        index.upsert(
            7,
            sig(
                &["化工厂", "爆炸"],
                &["化工厂", "死亡", "爆炸"],
                &["如东县"],
            ),
            now,
        );
        let same = sig(&["官方", "通报", "爆炸"], &["化工厂", "爆炸"], &["如东县"]);
        assert_eq!(index.find(&same, now + Duration::hours(2)), Some(7));
        let elsewhere = sig(&["官方", "通报", "爆炸"], &["化工厂", "爆炸"], &["启东市"]);
        assert_eq!(index.find(&elsewhere, now), None);
        assert_eq!(
            index.find(&same, now + Duration::hours(100)),
            None,
            "outside the window"
        );
        index.prune(now + Duration::hours(100));
        assert!(index.is_empty());
    }
}
