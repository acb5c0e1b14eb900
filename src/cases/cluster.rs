//! Grouping items into cases: a 64-bit SimHash over an item's words finds
//! reposts (转发) and near-copies; shared matched terms, categories and
//! places within a time window find other reports of the same story.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use rustc_hash::{FxHashMap, FxHashSet};

use super::event::{Compared, EventTraits};
use super::topic;
use crate::classify::Category;

/// How long after a case's last item a new item may still join it.
pub const DEFAULT_WINDOW_HOURS: i64 = 72;
/// The window for an ongoing matter at one village, estate, project or site
/// (wages, demolition, outages): replies and follow-ups come weeks later.
pub const ONGOING_WINDOW_DAYS: i64 = 30;
/// SimHash distance at or under which two texts are near-copies.
pub const NEAR_DUPLICATE_BITS: u32 = 6;
/// Least share of matched terms (Jaccard) for two reports of one story.
pub const MIN_TERM_OVERLAP: f64 = 0.4;
/// How long after a case's latest report another may join it on a shared
/// county or city and a loosely read kind alone (see [`similarity`]).
pub const LOOSE_WINDOW_HOURS: i64 = 24;
/// How long after a case's latest report a report naming no place may
/// still join it on the kind of sudden incident alone (see
/// [`ClusterIndex::find`]): the hours in which a witness's post and the
/// 通报 that names the street come out. Longer windows joined look-alikes
/// on the labelled sets (36 h and 24 h both cost precision).
pub const UNPLACED_WINDOW_HOURS: i64 = 12;
/// Days within which a follow-up of a sudden incident (its accountability
/// or investigation report, its aftercare) joins the incident's case when
/// both name its town or site and its kind. Over the labelled sets, a
/// county alone let other incidents of the kind in; 30 days cost precision
/// and 14 recalled no more than 7.
pub const FOLLOW_UP_WINDOW_DAYS: i64 = 7;
/// How long after a case's latest report another that shares a rare name
/// with it may join it when one of the two names no place (see
/// [`ClusterIndex::find`]).
pub const NAME_WINDOW_HOURS: i64 = 72;

/// Similarity of a report's topic and a case's ([`super::topic`], words
/// many open reports share discounted) from which, in one category and
/// where no place, town or kind clashes, they tell one story. Chosen over
/// the labelled sets against 0.1, 0.15, 0.25 and 0.3: lower let
/// look-alikes join (the development set's pairwise precision 0.980 →
/// 0.909 at 0.15), higher kept more reports of one event apart.
pub const SAME_STORY_TOPIC: f32 = 0.2;

/// Other reports held in open cases whose topics share a word that halve
/// its weight ([`ClusterIndex::story_scale`]); 1 to 8 were within 0.002 of
/// each other over the labelled sets, whose streams are sparse.
const SHARED_TOPIC_CASES: f32 = 2.0;
/// Key lists longer than this (one entry per case write) belong to names
/// too common to tell one case: they are not looked through.
const NAME_KEY_ENTRIES: usize = 64;

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
    /// Places and event kinds read from the text.
    #[serde(default)]
    pub event: EventTraits,
    /// The start of the text (of a case: its title). A witness names a
    /// place bare (在马坊这个厂) where the 通报 writes 马坊镇: the other side's
    /// places are looked for here.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead: String,
    /// Of a case: its items' places and kinds one by one
    /// ([`super::Case::members`]); empty for an item, and for a case
    /// stored before they were kept (its union `event` stands for all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<EventTraits>,
}

/// One open case as the index sees it.
#[derive(Debug, Clone)]
struct Entry {
    signature: Signature,
    /// Its event traits prepared for comparing (once per write of the case,
    /// not once per comparison).
    compared: Compared,
    /// Its items' traits prepared for comparing, one by one.
    members: Vec<Compared>,
    /// Its lookup keys ([`keys_of`]), kept for rebuilding the key lists.
    keys: Vec<String>,
    /// When its latest item happened: published, else first seen.
    last_event: DateTime<Utc>,
}

/// Most cases the index holds; past it the oldest are forgotten first
/// (they can still be found in the store, just not joined automatically).
pub const MAX_ENTRIES: usize = 200_000;

/// Most recent cases compared per lookup key.
pub const MAX_CANDIDATES_PER_KEY: usize = 64;

/// Recent cases that new items may join, looked up by their places and
/// event kinds rather than scanned. Rebuilt from the store at start.
#[derive(Debug, Clone)]
pub struct ClusterIndex {
    entries: FxHashMap<u64, Entry>,
    /// Place stems and event kinds → cases carrying them.
    keys: FxHashMap<String, Vec<u64>>,
    /// Cases with neither places nor kinds: few, compared one by one.
    unkeyed: Vec<u64>,
    /// Of each topic word, how many reports held here (a case's items, up
    /// to its kept members) have it in their topic: see
    /// [`ClusterIndex::story_scale`].
    topic_cases: FxHashMap<String, u32>,
    window: Duration,
    /// The latest event time seen: the index forgets what is older than it
    /// by more than the window.
    horizon: Option<DateTime<Utc>>,
    upserts_since_prune: usize,
}

impl Default for ClusterIndex {
    fn default() -> Self {
        Self::new(Duration::hours(DEFAULT_WINDOW_HOURS))
    }
}

/// The lookup keys of a signature: its place stems and event kinds.
fn keys_of(sig: &Signature) -> Vec<String> {
    let mut keys: Vec<String> = sig
        .event
        .stems()
        .map(|s| format!("p:{}", s.chars().take(2).collect::<String>()))
        .chain(sig.event.kinds.iter().map(|k| format!("k:{k}")))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The lookup key of cases that name no place: a report naming a site
/// looks among them for a witness's post that named it bare (see
/// [`ClusterIndex::find`]).
const PLACELESS_KEY: &str = "x:placeless";

/// The keys a case is filed under: [`keys_of`], and [`PLACELESS_KEY`]
/// when it names no place.
fn case_keys_of(sig: &Signature) -> Vec<String> {
    let mut keys = keys_of(sig);
    if !keys.is_empty() && !keys.iter().any(|k| k.starts_with("p:")) {
        keys.push(PLACELESS_KEY.to_string());
    }
    keys
}

/// The place keys ([`keys_of`]) of every two Chinese characters in a row
/// of `lead`, distinct.
fn bare_place_keys(lead: &str) -> impl Iterator<Item = String> {
    let chars: Vec<char> = lead.chars().collect();
    let mut keys: Vec<String> = chars
        .windows(2)
        .filter(|w| w.iter().all(|c| crate::text::is_han(*c)))
        .map(|w| format!("p:{}{}", w[0], w[1]))
        .collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
}

/// The topics a case counts in [`ClusterIndex::story_scale`]: its items'
/// one by one (up to [`super::case::MAX_MEMBERS`]: a story's thousand
/// reposts count as its first and latest few), else its own. Counted by
/// item, not by case: where grouping has drawn many reports into few cases
/// their common words must still weigh little.
fn held_topics(case: &Signature) -> Vec<&Vec<(String, f32)>> {
    let members: Vec<&Vec<(String, f32)>> = case
        .members
        .iter()
        .map(|m| &m.topic)
        .filter(|t| !t.is_empty())
        .collect();
    if members.is_empty() {
        vec![&case.event.topic]
    } else {
        members
    }
}

/// Appends `id` to the list of key `k` (allocating the key only when it is
/// new: this runs for every key of every case write).
fn push_key(keys: &mut FxHashMap<String, Vec<u64>>, k: &str, id: u64) {
    match keys.get_mut(k) {
        Some(ids) => ids.push(id),
        None => {
            keys.insert(k.to_string(), vec![id]);
        }
    }
}

/// For each of `new`, the place in `old` of an equal element, matched in
/// order (each of `old` at most once): a case's members after a write are
/// those before, less one given up, plus the newest, so one pass finds
/// what is unchanged.
fn matched_in_order<T: PartialEq>(old: &[T], new: &[T]) -> Vec<Option<usize>> {
    let mut next = 0;
    new.iter()
        .map(|n| {
            let found = old
                .get(next..)
                .and_then(|rest| rest.iter().position(|o| o == n))
                .map(|k| next + k);
            if let Some(i) = found {
                next = i + 1;
            }
            found
        })
        .collect()
}

/// The members of a rewritten case prepared for comparing: those it had
/// before taken over as they were, the new ones prepared.
fn reuse_compared(
    old_traits: &[EventTraits],
    old_compared: Vec<Compared>,
    new_traits: &[EventTraits],
) -> Vec<Compared> {
    let mut old_compared: Vec<Option<Compared>> = old_compared.into_iter().map(Some).collect();
    new_traits
        .iter()
        .zip(matched_in_order(old_traits, new_traits))
        .map(|(t, was)| {
            was.and_then(|i| old_compared.get_mut(i).and_then(Option::take))
                .unwrap_or_else(|| Compared::of(t))
        })
        .collect()
}

impl ClusterIndex {
    /// An empty index; items join cases whose latest item happened within
    /// `window` of theirs.
    pub fn new(window: Duration) -> Self {
        Self {
            entries: FxHashMap::default(),
            keys: FxHashMap::default(),
            unkeyed: Vec::new(),
            topic_cases: FxHashMap::default(),
            window,
            horizon: None,
            upserts_since_prune: 0,
        }
    }

    /// The case an item that happened at `at` belongs to, if any. Looks at
    /// the most recent cases sharing a place key (else an event kind), at
    /// most [`MAX_CANDIDATES_PER_KEY`] per key: the cost per item stays flat
    /// however many cases the index holds.
    pub fn find(&self, item: &Signature, at: DateTime<Utc>) -> Option<u64> {
        let keys = keys_of(item);
        let place_keys: Vec<&String> = keys.iter().filter(|k| k.starts_with("p:")).collect();
        let lookup: Vec<&String> = if place_keys.is_empty() {
            keys.iter().collect()
        } else {
            place_keys
        };
        // Cases at a place the item names bare: its two-character runs are
        // the place keys such a case has. An item that names its places
        // looks at the cases of its kinds too, whose witness posts may
        // name the place bare.
        let lead_keys: Vec<String> = bare_place_keys(&item.lead)
            .filter(|k| self.keys.contains_key(k))
            .collect();
        let kind_keys: Vec<&String> = if keys.iter().any(|k| k.starts_with("p:")) {
            keys.iter().filter(|k| k.starts_with("k:")).collect()
        } else {
            Vec::new()
        };
        let compared = Compared::of(&item.event);
        // A report naming a site may be of a witness's post that named it
        // bare, filed under no place (锦绣嘉园7栋冒黑烟 before the 通报 of a
        // fire at 锦绣嘉园小区).
        let placeless_key = PLACELESS_KEY.to_string();
        let placeless = compared
            .names_a_site()
            .then_some(&placeless_key)
            .into_iter();
        let lookup: Vec<&String> = lookup
            .into_iter()
            .chain(lead_keys.iter())
            .chain(kind_keys)
            .chain(placeless)
            .collect();
        let mut seen: FxHashSet<u64> = FxHashSet::default();
        let mut best: Option<(f64, u64)> = None;
        let mut unplaced: Vec<u64> = Vec::new();
        let mut consider = |id: u64, best: &mut Option<(f64, u64)>| -> bool {
            if !seen.insert(id) {
                return false;
            }
            let Some(e) = self.entries.get(&id) else {
                return false;
            };
            let gap = (at - e.last_event).abs();
            if gap > self.long_window() {
                return false;
            }
            let within = gap <= self.window || tied_past_window(&compared, &e.compared, gap);
            if within {
                let soon = gap <= Duration::hours(LOOSE_WINDOW_HOURS);
                // Read only where the topics decide (see `similarity`).
                let story = || {
                    topic::scaled_cosine(&item.event.topic, &e.signature.event.topic, |w| {
                        self.story_scale(w)
                    })
                };
                let score = similarity(
                    item,
                    &compared,
                    &e.signature,
                    &e.compared,
                    &e.members,
                    soon,
                    &story,
                );
                if score == 0.0
                    && gap <= Duration::hours(UNPLACED_WINDOW_HOURS)
                    && same_unplaced_incident(item, &compared, &e.signature, &e.compared)
                {
                    unplaced.push(id);
                }
                // Ties go to the older case, so that ids stay stable.
                if score > 0.0 && best.is_none_or(|(s, b)| score > s || (score == s && id < b)) {
                    *best = Some((score, id));
                }
            }
            true
        };
        for k in lookup {
            let Some(ids) = self.keys.get(k) else {
                continue;
            };
            let mut looked = 0;
            for &id in ids.iter().rev() {
                if consider(id, &mut best) {
                    looked += 1;
                    if looked >= MAX_CANDIDATES_PER_KEY {
                        break;
                    }
                }
            }
        }
        for &id in &self.unkeyed {
            consider(id, &mut best);
        }
        // A report naming no place joins the one recent case of its kind
        // of sudden incident; with two or more it cannot tell which.
        match (best, unplaced.as_slice()) {
            (Some((_, id)), _) => Some(id),
            (None, [only]) => Some(*only),
            (None, []) => self.named_case(item, &compared, at),
            _ => None,
        }
    }

    /// The case a report shares a rare name with ([`EventTraits::names`]),
    /// when one of the two names no place: a witness writes 港城悦动健身突然
    /// 关门了 where the 通报 names the district and the company. A name
    /// tells a case only when it is in that case alone of all the index
    /// holds (a word the dictionary lacks but many reports use is a
    /// coinage, not a name), and the report joins only when every name it
    /// shares so points at the same case, of its category, within
    /// [`NAME_WINDOW_HOURS`].
    fn named_case(&self, item: &Signature, compared: &Compared, at: DateTime<Utc>) -> Option<u64> {
        let mut found: Option<u64> = None;
        for name in &item.event.names {
            // A place's name (汊口, 东礁) is no case's own: the county's
            // every report may name it bare. Places have their own keys.
            let stem: String = name.chars().take(2).collect();
            if self.keys.contains_key(&format!("p:{stem}")) {
                continue;
            }
            let Some(ids) = self.keys.get(&format!("n:{name}")) else {
                continue;
            };
            if ids.len() > NAME_KEY_ENTRIES {
                continue;
            }
            let mut cases: Vec<u64> = ids
                .iter()
                .copied()
                .filter(|id| self.entries.contains_key(id))
                .collect();
            cases.sort_unstable();
            cases.dedup();
            let [id] = cases[..] else {
                continue;
            };
            let Some(e) = self.entries.get(&id) else {
                continue;
            };
            if (at - e.last_event).abs() > Duration::hours(NAME_WINDOW_HOURS)
                || !same_named_report(item, compared, &e.signature, &e.compared)
            {
                continue;
            }
            match found {
                Some(f) if f != id => return None,
                _ => found = Some(id),
            }
        }
        found
    }

    /// The longest any match may reach back: the window of ongoing matters.
    /// The cases seen within it are those a new item may still join.
    pub fn long_window(&self) -> Duration {
        self.window.max(Duration::days(ONGOING_WINDOW_DAYS))
    }

    /// Records (or refreshes) a case whose latest item happened at `at`.
    pub fn upsert(&mut self, case_id: u64, signature: Signature, at: DateTime<Utc>) {
        let mut keys = case_keys_of(&signature);
        if keys.is_empty() {
            if !self.unkeyed.contains(&case_id) {
                self.unkeyed.push(case_id);
            }
        } else {
            self.unkeyed.retain(|&id| id != case_id);
        }
        // Filed under its rare names too, for [`ClusterIndex::named_case`]
        // (a case of names alone is still compared one by one).
        keys.extend(signature.event.names.iter().map(|n| format!("n:{n}")));
        // Key lists are append-only between compactions: a case seen again
        // goes to the end, so lists run from older to more recent cases.
        for k in &keys {
            push_key(&mut self.keys, k, case_id);
        }
        // A case grows by one member at a time (and past its limit gives
        // up one): only what changed is counted and prepared again. Redoing
        // all two dozen members' topics and traits on every write made each
        // item grouped cost more the bigger its case had grown.
        let (last_event, members) = match self.entries.remove(&case_id) {
            Some(old) => {
                self.recount_topics(&old.signature, &signature);
                let members =
                    reuse_compared(&old.signature.members, old.members, &signature.members);
                (old.last_event.max(at), members)
            }
            None => {
                for topic in held_topics(&signature) {
                    self.count_topic(topic);
                }
                (at, signature.members.iter().map(Compared::of).collect())
            }
        };
        self.entries.insert(
            case_id,
            Entry {
                compared: Compared::of(&signature.event),
                members,
                signature,
                keys,
                last_event,
            },
        );
        self.horizon = Some(self.horizon.map_or(at, |h| h.max(at)));
        self.upserts_since_prune += 1;
        if (self.upserts_since_prune >= 1024 || self.entries.len() > MAX_ENTRIES)
            && let Some(h) = self.horizon
        {
            self.prune(h);
        }
    }

    /// Forgets a case (merged away by an analyst).
    pub fn remove(&mut self, case_id: u64) {
        if let Some(e) = self.entries.remove(&case_id) {
            self.forget_topics(&e.signature);
        }
        self.unkeyed.retain(|&id| id != case_id);
    }

    /// Forgets cases whose latest item happened more than the window before
    /// `now`, and the oldest past [`MAX_ENTRIES`]; compacts the key lists.
    pub fn prune(&mut self, now: DateTime<Utc>) {
        self.upserts_since_prune = 0;
        let window = self.long_window();
        let mut by_time: Vec<(DateTime<Utc>, u64)> = self
            .entries
            .iter()
            .map(|(&id, e)| (e.last_event, id))
            .collect();
        by_time.sort_unstable();
        let excess = self.entries.len().saturating_sub(MAX_ENTRIES);
        let mut kept = Vec::with_capacity(by_time.len());
        for (i, (at, id)) in by_time.into_iter().enumerate() {
            if now - at > window || i < excess {
                if let Some(e) = self.entries.remove(&id) {
                    self.forget_topics(&e.signature);
                }
            } else {
                kept.push(id);
            }
        }
        self.unkeyed.retain(|id| self.entries.contains_key(id));
        // Rebuild the key lists, oldest case first, without duplicates.
        self.keys.clear();
        for id in kept {
            if let Some(e) = self.entries.get(&id) {
                for k in &e.keys {
                    push_key(&mut self.keys, k, id);
                }
            }
        }
    }

    /// Takes a case's topic words out of [`ClusterIndex::topic_cases`].
    fn forget_topics(&mut self, case: &Signature) {
        for topic in held_topics(case) {
            self.uncount_topic(topic);
        }
    }

    /// Counts what a case's rewrite changed of the topics it holds
    /// ([`held_topics`]): the members it gave up out, the new ones in.
    fn recount_topics(&mut self, old: &Signature, new: &Signature) {
        let old_held = held_topics(old);
        let new_held = held_topics(new);
        let mut kept = vec![false; old_held.len()];
        for (topic, was) in new_held.iter().zip(matched_in_order(&old_held, &new_held)) {
            match was {
                Some(i) => kept[i] = true,
                None => self.count_topic(topic),
            }
        }
        for (topic, kept) in old_held.iter().zip(kept) {
            if !kept {
                self.uncount_topic(topic);
            }
        }
    }

    /// One more report holds these topic words.
    fn count_topic(&mut self, topic: &[(String, f32)]) {
        for (w, _) in topic {
            match self.topic_cases.get_mut(w) {
                Some(n) => *n += 1,
                None => {
                    self.topic_cases.insert(w.clone(), 1);
                }
            }
        }
    }

    /// One report fewer holds these topic words.
    fn uncount_topic(&mut self, topic: &[(String, f32)]) {
        for (w, _) in topic {
            if let Some(n) = self.topic_cases.get_mut(w) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    self.topic_cases.remove(w);
                }
            }
        }
    }

    /// How much a topic word counts in comparing an item with a case: in
    /// full when at most one report held here has it, and less the more
    /// others share it. A channel's boilerplate (every 交办单 of a 网信办,
    /// every reply on a 留言板) is in many reports' topics and tells none
    /// of their stories; a story's reposts count only as the members its
    /// case keeps.
    fn story_scale(&self, word: &str) -> f32 {
        let others = self
            .topic_cases
            .get(word)
            .map_or(0, |n| n.saturating_sub(1));
        SHARED_TOPIC_CASES / (SHARED_TOPIC_CASES + others as f32)
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

/// How much an item looks like a case: 0 when their places or event kinds
/// conflict; 1 for a near-copy (a repost); for another report of the same
/// happening, more when they share a place and an event kind, and a share
/// of matched terms otherwise. `item_traits` and `case_traits` are their
/// event traits prepared for comparing, `members` the case's items' one
/// by one (empty: the case's stand for all); `soon` says the item happened
/// within [`LOOSE_WINDOW_HOURS`] of the case's latest report.
fn similarity(
    item: &Signature,
    item_traits: &Compared,
    case: &Signature,
    case_traits: &Compared,
    members: &[Compared],
    soon: bool,
    story: &dyn Fn() -> f32,
) -> f64 {
    let places_clash = !item.regions.is_empty()
        && !case.regions.is_empty()
        && !item.regions.iter().any(|r| case.regions.contains(r));
    if places_clash {
        return 0.0;
    }
    let same_place = item_traits.places_shared(case_traits);
    if item_traits.places_conflict(case_traits, same_place) {
        return 0.0;
    }
    // One side names the other's town, village or site bare.
    let mentioned =
        !same_place && (case_traits.named_in(&item.lead) || item_traits.named_in(&case.lead));
    if !mentioned && item_traits.towns_differ(case_traits) {
        return 0.0;
    }
    let same_place = same_place || mentioned;
    let near_copy = item.simhash != 0 && hamming(item.simhash, case.simhash) <= NEAR_DUPLICATE_BITS;
    if near_copy {
        return 1.0;
    }
    if item_traits.kinds_conflict(case_traits) {
        return 0.0;
    }
    let shared = item
        .terms
        .iter()
        .filter(|t| case.terms.binary_search(t).is_ok())
        .count();
    let union = item.terms.len() + case.terms.len() - shared;
    let jaccard = if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    };
    // One item of the case, or a place named bare in a lead, gives both
    // the place and the kind: a place one item named and a kind another
    // told are two happenings' (a town's fraud case that also took in a
    // fire elsewhere is no fire at that town).
    // (Read only when the place is shared: the member scan is the costly
    // part.)
    let same_kind = same_place
        && item_traits.telling_kinds_shared(case_traits)
        && (mentioned
            || members.is_empty()
            || members
                .iter()
                .any(|m| item_traits.telling_kinds_shared(m) && item_traits.places_shared(m)));
    let categories_shared = item.categories.iter().any(|c| case.categories.contains(c));
    // A place finer than a county in common with one item of the case (a
    // case that took in a county's 人民医院 and a city's 儿童医院 is at
    // neither for a report naming the other city's 人民医院). The case's
    // union first: no member shares what the union does not, and the
    // member scan is the costly part.
    let fine_place = || {
        item_traits.fine_place_shared(case_traits)
            && (members.is_empty() || members.iter().any(|m| item_traits.fine_place_shared(m)))
    };
    if same_place && same_kind {
        // More than a county or a city in common: one side names the
        // other's town or site, or both name one sudden incident or one
        // place finer than a county.
        // A town or site in common tells one happening in one category;
        // across categories it is only a place where several matters are
        // told (a town's ward closure, its gas poisoning and its pension
        // rumour, each read as "hospital" from 医院 or 送医).
        // A policy misreading and its refutation are one matter across
        // categories (a rumoured water cut reads as policy, its 辟谣 as
        // interest) when they share a matched term or their story's words;
        // a case that took in a rumour is no reason for every other matter
        // at its town to join it.
        let misreading = |s: &Signature| s.categories.contains(&Category::Policy);
        let misread_matter =
            (misreading(item) || misreading(case)) && (shared > 0 || story() >= SAME_STORY_TOPIC);
        let fine = fine_place() && (categories_shared || misread_matter);
        let close = mentioned || item_traits.acute_shared(case_traits) || fine;
        // All two reports may share is a county or a city and a kind of
        // ongoing matter read loosely from their wording (pollution from
        // 黑烟, a hospital from 送医): a county's month holds many such
        // matters, and a case that gathered several kinds would draw them
        // all in, one after another. Only within a day, or with a matched
        // term in common.
        let loose = !close && shared == 0;
        // Within that day, one happening only in one category, or when one
        // side is a policy misreading (a rumoured water cut reads as
        // policy, its 辟谣 as interest): a snowstorm, a school canteen and
        // a kindergarten's fees in one city the same day are three (their
        // kinds all read "food").
        let one_happening = close || categories_shared || misread_matter;
        // A disaster and what it left behind (a typhoon and an estate's
        // water cut after it) share a county and the disaster's kind but no
        // category: two happenings unless one names the other's place.
        let aftermath = !categories_shared && !misread_matter && !mentioned && !fine;
        if ((soon && one_happening) || !loose) && !aftermath {
            // One place, one kind of incident, one window: one happening,
            // however differently it is told (a colloquial post and a
            // formal 通报).
            return 0.5 + 0.5 * jaccard;
        }
    }
    // A witness seldom names the kind an official report does (电梯掉下去了,
    // 撞一起了): at one named town, village, site, estate or school, a report
    // of no kind joins a case of its category.
    let kindless = item.event.kinds.is_empty() || case.event.kinds.is_empty();
    // Within a day, one named site, estate or school and one category are
    // one happening even when the kinds read differ (黑烟 and 消防车 in a
    // witness's post, 火灾 in the 通报); a clash of sudden-incident kinds
    // has already ruled the pair out.
    let one_site = || {
        item_traits.site_shared(case_traits, &case.lead)
            || case_traits.site_shared(item_traits, &item.lead)
    };
    if categories_shared && ((kindless && (mentioned || fine_place())) || (soon && one_site())) {
        return 0.3 + 0.5 * jaccard;
    }
    // One story in its own words: a witness's post and the 通报 of one
    // happening share its particular words (推搡, 七旬老人, a gym's name)
    // even where no place finer than a county and no kind is read. Places,
    // towns and kinds that clash have already ruled the pair out. Two
    // places that merely do not clash (two districts of a city) are not
    // one: the pair shares a place, or one of them names none. Kinds read
    // on both sides must meet: a district's water cut and its school
    // canteen, both 群众反映强烈，希望有关部门尽快处理, are two matters. (Also
    // tried: no join when the two name different sites or roads; over the
    // labelled sets it lost as much as it saved.)
    let placeless = item.event.places.is_empty() || case.event.places.is_empty();
    let kinds_agree = item.event.kinds.is_empty()
        || case.event.kinds.is_empty()
        || item_traits.kinds_shared(case_traits);
    if categories_shared && (same_place || placeless) && kinds_agree {
        let close = story();
        if close >= SAME_STORY_TOPIC {
            return 0.25 + 0.5 * f64::from(close);
        }
    }
    if placeless && categories_shared && shared >= 2 && jaccard >= MIN_TERM_OVERLAP {
        return 0.5 * jaccard;
    }
    0.0
}

/// True when a report `gap` after a case's latest is still tied to it past
/// the window of a sudden incident. An ongoing matter keeps its case for
/// weeks; so does an accident's incident code (“7·16”事故), which its
/// investigation report a week later still names; and a report of what
/// came after a sudden incident (问责, 调查报告, 善后) at the incident's
/// town or site joins it for [`FOLLOW_UP_WINDOW_DAYS`]. None of these when
/// the report says it happened again (又停电了): then it is a new incident.
fn tied_past_window(item: &Compared, case: &Compared, gap: Duration) -> bool {
    if item.recurs {
        return false;
    }
    item.ongoing_matter_shared(case)
        || (item.incident_code_shared(case) && !item.kinds_conflict(case))
        || (item.follows_up
            && gap <= Duration::days(FOLLOW_UP_WINDOW_DAYS)
            && item.acute_shared(case)
            && item.fine_place_shared(case))
}

/// A witness often names no place at all (楼下那家烧烤店一声巨响) where the
/// 通报 hours later names the street: a report of the same kind of sudden
/// incident (fire, explosion, collapse…) in the same category, when one of
/// the two names no place, may be that incident. Only a hint: the caller
/// takes it when it points at one case alone (see [`ClusterIndex::find`]).
fn same_unplaced_incident(
    item: &Signature,
    item_traits: &Compared,
    case: &Signature,
    case_traits: &Compared,
) -> bool {
    // With one side placeless no places can conflict (regions are among
    // the places), and a shared sudden-incident kind rules out a clash of
    // kinds: nothing [`similarity`] refuses is let through here.
    one_placeless_in_one_category(item, case) && item_traits.acute_shared(case_traits)
}

/// One of the two names no place (so no place of theirs can clash:
/// regions are among the places), and they share a category.
fn one_placeless_in_one_category(item: &Signature, case: &Signature) -> bool {
    (item.event.places.is_empty() || case.event.places.is_empty())
        && item.categories.iter().any(|c| case.categories.contains(c))
}

/// A report and a case that share a rare name are one happening when one
/// of them names no place (so no place can clash), they share a category,
/// their kinds do not clash, and the report does not say it happened again.
fn same_named_report(
    item: &Signature,
    item_traits: &Compared,
    case: &Signature,
    case_traits: &Compared,
) -> bool {
    one_placeless_in_one_category(item, case)
        && !item.event.recurs
        && !item_traits.kinds_conflict(case_traits)
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
            event: EventTraits::default(),
            lead: String::new(),
            members: Vec::new(),
        }
    }

    #[test]
    fn a_case_rewrite_matches_the_members_it_kept() {
        // One appended; one given up (the second) and one appended; reordered.
        assert_eq!(
            matched_in_order(&[1, 2, 3], &[1, 2, 3, 4]),
            vec![Some(0), Some(1), Some(2), None]
        );
        assert_eq!(
            matched_in_order(&[1, 2, 3, 4], &[1, 3, 4, 5]),
            vec![Some(0), Some(2), Some(3), None]
        );
        assert_eq!(matched_in_order(&[1, 2], &[2, 1]), vec![Some(1), None]);
        assert_eq!(matched_in_order::<u8>(&[], &[7]), vec![None]);
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
        index.prune(now + Duration::days(ONGOING_WINDOW_DAYS + 1));
        assert!(index.is_empty());
    }

    fn told(text: &str) -> Signature {
        Signature {
            simhash: simhash(text.split('，')),
            terms: Vec::new(),
            regions: Vec::new(),
            categories: vec![Category::Emergency],
            event: crate::cases::read_event(text, &[]),
            lead: text.chars().take(120).collect(),
            members: Vec::new(),
        }
    }

    #[test]
    fn matters_at_one_county_hospital_are_not_one_happening() {
        let now = Utc::now();
        let stabbing = storied(
            "柘林县人民医院急诊科昨晚发生伤医事件，一名护士被刺伤，正在抢救",
            Category::Morality,
        );
        let mut index = ClusterIndex::default();
        index.upsert(1, stabbing, now);
        // Another matter at the same hospital a few days on: both read as
        // hospital care from 医院 alone, which names the place, not what
        // happened there.
        let kickback = storied(
            "柘林县人民医院骨科主任收受耗材回扣，医院已将其停职",
            Category::Morality,
        );
        assert_eq!(index.find(&kickback, now + Duration::hours(30)), None);
        // A report of the stabbing itself still joins, on its own words.
        let again = storied(
            "柘林县人民医院急诊科护士被刺伤一事，嫌疑人已被刑拘，护士仍在抢救",
            Category::Morality,
        );
        assert_eq!(index.find(&again, now + Duration::hours(30)), Some(1));
    }

    #[test]
    fn a_place_of_one_item_and_a_kind_of_another_are_no_happening() {
        let now = Utc::now();
        let outage = told("塘尾村出租屋停电三天了，几百户居民没电用");
        let fire = told("凤岭镇鸿达厂员工宿舍发生火灾，消防车赶到");
        let mut case = outage.clone();
        case.event.absorb(&fire.event);
        case.members = vec![outage.event.clone(), fire.event.clone()];
        let mut index = ClusterIndex::default();
        index.upsert(1, case.clone(), now);
        let shed = told("塘尾村口充电棚起火，一排电动车烧得只剩铁架子");
        assert_eq!(index.find(&shed, now + Duration::hours(30)), None);
        // A case stored before its items were kept apart is read whole.
        case.members.clear();
        index.upsert(1, case, now);
        assert_eq!(index.find(&shed, now + Duration::hours(30)), Some(1));
        // Another report of the fire at its own place still joins.
        let again = told("凤岭镇宿舍火灾现场浓烟滚滚");
        let mut case = outage.clone();
        case.event.absorb(&fire.event);
        case.members = vec![outage.event.clone(), fire.event.clone()];
        index.upsert(1, case, now);
        assert_eq!(index.find(&again, now + Duration::hours(30)), Some(1));
    }

    #[test]
    fn a_generic_site_is_shared_only_with_one_item_of_the_case() {
        let now = Utc::now();
        let county = told("澹溪县人民医院儿科晚上又停诊了，孩子发烧只能连夜去市里");
        let city = told("岚泽市儿童医院发热门诊排到门外，孩子发烧等了四个小时");
        let mut case = county.clone();
        case.event.absorb(&city.event);
        case.members = vec![county.event.clone(), city.event.clone()];
        let mut index = ClusterIndex::default();
        index.upsert(9, case, now);
        // The city's other 人民医院: the case holds a 人民医院 (the county's)
        // and the city (the children's hospital's), from two items.
        let other = told("岚泽市沅北区人民医院发热门诊排队，孩子发烧等了五个小时");
        assert_eq!(index.find(&other, now + Duration::hours(40)), None);
        // The children's hospital again joins.
        let again = told("岚泽市儿童医院发热门诊今晚还是排到门外，孩子发烧");
        assert_eq!(index.find(&again, now + Duration::hours(40)), Some(9));
    }

    #[test]
    fn works_and_firms_named_by_what_they_are_tie_no_reports() {
        // Two counties' arrears: both say 投资项目, 项目工地 and 劳务公司,
        // which every such report says.
        let first = told(
            "桤木县一个政府投资项目拖欠农民工工资，项目工地上百名工人讨薪，劳务公司说总包没拨款",
        );
        let other =
            told("蔓溪县另一个政府投资项目的项目工地欠薪，劳务公司老板失联，几十名工人讨薪");
        let (a, b) = (Compared::of(&first.event), Compared::of(&other.event));
        assert!(!a.fine_place_shared(&b));
        // A named works is a place all the same.
        let named = told("梧汀市锦澜府二期项目拖欠农民工工资，上百名工人讨薪");
        let again = told("锦澜府二期项目的工人今天又去讨薪");
        let (c, d) = (Compared::of(&named.event), Compared::of(&again.event));
        assert!(c.fine_place_shared(&d));
    }

    #[test]
    fn what_a_disaster_left_behind_is_its_own_happening() {
        let now = Utc::now();
        let typhoon = told("据岚湾县防指通报，台风“海燕”共造成全县9万人受灾，倒塌房屋41间");
        let mut index = ClusterIndex::default();
        index.upsert(5, typhoon, now);
        // Another category, a place finer than the county: the estate's
        // water cut after the typhoon is a matter of its own.
        let mut water = told("岚湾县沙尾镇海景花园小区台风过后停水三天，泵房被淹，物业说没钱修");
        water.categories = vec![Category::Interest];
        assert_eq!(index.find(&water, now + Duration::hours(20)), None);
        // The county's next 通报 on the typhoon joins.
        let update = told("岚湾县防指：台风“海燕”因灾死亡人数升至3人");
        assert_eq!(index.find(&update, now + Duration::hours(20)), Some(5));
    }

    #[test]
    fn incidents_a_typhoon_caused_are_not_its_case() {
        let now = Utc::now();
        let typhoon = told("鸥汀区防指通报：台风“海燕”登陆，全区紧急转移群众1.2万人，多处道路积水");
        let mut index = ClusterIndex::default();
        index.upsert(5, typhoon, now);
        // The district, the category and the typhoon named as the cause,
        // past the first day: a billboard that fell on cars is a happening
        // of its own.
        let billboard =
            told("受台风影响，鸥汀区滨海大道一处户外广告牌倒塌，砸中路边停放车辆5辆，1人受伤");
        assert_eq!(index.find(&billboard, now + Duration::hours(30)), None);
        // The district's next 通报 on the typhoon itself still joins.
        let update = told("鸥汀区防指：台风“海燕”过境，全区道路积水已基本排除");
        assert_eq!(index.find(&update, now + Duration::hours(30)), Some(5));
    }

    #[test]
    fn one_city_one_day_and_a_loose_kind_are_one_happening_in_one_category() {
        let now = Utc::now();
        let mut canteen = told("朔滨市食品安全委员会办公室督办单：实验中学食堂使用变质鸡肉");
        canteen.categories = vec![Category::Morality, Category::Directive];
        let mut index = ClusterIndex::default();
        index.upsert(3, canteen, now);
        // Both read "food" (服务区 meals, 伙食): a snowstorm is another
        // happening, however near in time.
        let snow = told("暴雪封路，朔滨市近2000名司乘人员滞留服务区，食品和饮水供应");
        assert_eq!(index.find(&snow, now + Duration::hours(6)), None);
        let mut again = told("朔滨市实验中学食堂变质鸡肉续：涉事食品已封存");
        again.categories = vec![Category::Morality];
        assert_eq!(index.find(&again, now + Duration::hours(6)), Some(3));
    }

    #[test]
    fn a_place_named_bare_by_a_witness_is_the_place_of_the_report() {
        let now = Utc::now();
        // The witness post comes first and names the town bare; the 通报
        // names it in full, in other words, hours later.
        let mut index = ClusterIndex::default();
        index.upsert(
            1,
            told("在青岗给老板干了大半年装修，工钱一分没见着，老板电话也打不通"),
            now,
        );
        let notice = told("青岗镇人民政府关于部分务工人员工资拖欠问题的情况说明");
        assert_eq!(index.find(&notice, now + Duration::hours(8)), Some(1));
        // The other way round: the report first, the witness after.
        let mut index = ClusterIndex::default();
        index.upsert(2, notice.clone(), now);
        let witness = told("青岗那边干装修的工钱到底什么时候给？年都过完了");
        assert_eq!(index.find(&witness, now + Duration::hours(8)), Some(2));
        // A post naming another town does not join.
        let elsewhere = told("在柳湾给老板干了一年装修，工钱还没拿到");
        assert_eq!(index.find(&elsewhere, now + Duration::hours(8)), None);
    }

    #[test]
    fn one_happening_however_told_and_look_alikes_apart() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        index.upsert(
            1,
            told("#澜江# 刚才工业园那边轰的一声巨响，黑烟滚滚，救护车一辆接一辆"),
            now,
        );
        // The formal 通报 hours later joins, in quite different words.
        let official = told("澜江县人民政府关于县化工园区爆炸事故的情况通报，事故造成3人死亡");
        assert_eq!(index.find(&official, now + Duration::hours(5)), Some(1));
        // The same kind of incident in another county on the same day does not.
        let elsewhere = told("砚溪县一化工厂发生爆炸，2人受伤");
        assert_eq!(index.find(&elsewhere, now + Duration::hours(3)), None);
        // A fire in the same county is another incident.
        let fire = told("澜江县城东一仓库起火，火势已被扑灭");
        assert_eq!(index.find(&fire, now + Duration::hours(3)), None);
        // A new incident at the same place a week later is a new case.
        assert_eq!(index.find(&official, now + Duration::days(7)), None);
    }

    #[test]
    fn an_incidents_follow_up_joins_its_case_for_a_week() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        index.upsert(
            1,
            told("鹭岗县石桥镇一烟花仓库发生爆炸，造成2人死亡、9人受伤"),
            now,
        );
        let accountability = told("石桥镇烟花仓库爆炸事故问责：镇分管负责人被免职");
        assert_eq!(
            index.find(&accountability, now + Duration::days(5)),
            Some(1)
        );
        // Past the week, or at another town, or told as a new blast: no.
        assert_eq!(index.find(&accountability, now + Duration::days(9)), None);
        let elsewhere = told("柳营镇一烟花仓库爆炸事故问责：镇长被免职");
        assert_eq!(index.find(&elsewhere, now + Duration::days(5)), None);
        let again = told("石桥镇烟花仓库又发生爆炸，1人受伤");
        assert_eq!(index.find(&again, now + Duration::days(5)), None);
    }

    #[test]
    fn a_report_naming_no_place_joins_the_one_incident_of_its_kind() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        index.upsert(
            1,
            told("就在楼下那家烧烤店，一声巨响，整条街的玻璃都在抖，有人满脸是血被扶出来"),
            now,
        );
        let notice = told("槐荫路一餐饮店发生燃气爆燃，造成1人死亡、6人受伤");
        assert_eq!(index.find(&notice, now + Duration::hours(6)), Some(1));
        // Too long after for the kind alone to say it is the same one.
        assert_eq!(index.find(&notice, now + Duration::hours(30)), None);
        // A fire is not the explosion.
        let fire = told("沿街一家饭店着火了，浓烟很大");
        assert_eq!(index.find(&fire, now + Duration::hours(2)), None);
        // With two explosions that day, a report naming no place cannot
        // tell which it is about.
        index.upsert(2, told("砚溪县化工厂爆炸，2人受伤"), now);
        let witness = told("刚才轰的一声巨响，窗户都震碎了，是爆炸了吗");
        assert_eq!(index.find(&witness, now + Duration::hours(1)), None);
    }

    /// An interest report as the pipeline signs it, with its rare names.
    fn named(text: &str) -> Signature {
        let segmenter = crate::text::Segmenter::new().unwrap();
        let words = segmenter.words(text);
        let mut sig = told(text);
        sig.simhash = simhash(words.iter().copied());
        sig.categories = vec![Category::Interest];
        sig.event.names = crate::cases::rare_names(&words, |w| segmenter.is_known(w));
        sig
    }

    /// [`told`] in `category`, with its topic.
    fn storied(text: &str, category: Category) -> Signature {
        let segmenter = crate::text::Segmenter::new().unwrap();
        let mut sig = told(text);
        sig.categories = vec![category];
        sig.event.topic = crate::cases::topic_of(
            &segmenter.words(text),
            &sig.event.places,
            crate::text::segment::word_weight,
        );
        sig
    }

    #[test]
    fn a_report_telling_one_story_in_its_own_words_joins_its_case() {
        let storied = |text: &str| storied(text, Category::Morality);
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        let witness = storied(
            "芦湾县城东菜市场门口，一个穿制服的协管员把卖菜的七旬老人推倒在地，菜筐也踢翻了，老人脸上都擦破了",
        );
        let elsewhere = storied("芦湾县西关一家饭店后厨把地沟油回收再用，顾客拍到了视频");
        // Nothing finer than the county and no kind of incident is read:
        // only their words tell the two stories apart.
        assert!(witness.event.kinds.is_empty(), "{:?}", witness.event);
        index.upsert(1, witness, now);
        index.upsert(2, elsewhere, now);
        let notice = storied(
            "芦湾县城市管理局情况通报：城东中队协管员王某在菜市场劝离占道经营时踢翻摊贩菜筐，推搡七旬老人致其面部擦伤，已予辞退",
        );
        assert_eq!(index.find(&notice, now + Duration::hours(10)), Some(1));
        // Another report of a kind the county sees every week is not it.
        let another =
            storied("芦湾县北门一名交警拦下货车后收了司机两百块钱，罚单也没开，被人拍了下来");
        assert_eq!(index.find(&another, now + Duration::hours(10)), None);
    }

    #[test]
    fn words_many_open_cases_share_tell_no_story() {
        let storied = |text: &str| storied(text, Category::Directive);
        let now = Utc::now();
        let form = "市委网信办网络舆情交办单，请你县核实处置并于三日内书面反馈：";
        let matters = [
            "网民反映沙岭县某驾校收费后拖延安排考试",
            "网民反映沙岭县城区夜间渣土车扬尘严重",
            "网民反映沙岭县一幼儿园午餐分量不足",
            "网民反映沙岭县农村客运班车停运",
            "网民反映沙岭县某小区物业擅自涨价",
            "网民反映沙岭县菜市场缺斤短两",
            "网民反映沙岭县供暖温度不达标",
            "网民反映沙岭县公交站牌被拆未恢复",
            "网民反映沙岭县某培训机构拒不退费",
            "网民反映沙岭县乡镇卫生院药品短缺",
            "网民反映沙岭县中学周末强制补课",
            "网民反映沙岭县养殖场臭气扰民",
        ];
        let one = storied(&format!("{form}{}", matters[0]));
        let next = storied(&format!("{form}网民反映沙岭县城区一处路口红绿灯故障"));
        let mut index = ClusterIndex::default();
        index.upsert(1, one.clone(), now);
        // With one form on file its words are all the two share, and they
        // weigh as a story's: nothing yet tells them from one.
        assert_eq!(index.find(&next, now + Duration::hours(1)), Some(1));
        let mut index = ClusterIndex::default();
        for (i, m) in matters.iter().enumerate() {
            index.upsert(i as u64 + 1, storied(&format!("{form}{m}")), now);
        }
        // With many, they are the channel's, and tell no matter's story.
        assert_eq!(index.find(&next, now + Duration::hours(1)), None);
    }

    #[test]
    fn a_report_naming_no_place_joins_the_case_of_a_name_it_shares() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        let witness =
            named("悦动健身万达店突然关门了，门上贴了张纸，我刚续了三年卡，会员群里两千多人都在问");
        assert!(witness.event.places.is_empty(), "{:?}", witness.event);
        assert!(
            witness.event.names.iter().any(|n| n == "悦动"),
            "{:?}",
            witness.event.names
        );
        index.upsert(1, witness, now);
        index.upsert(2, named("城东一家游泳馆关门了，办的年卡退不了"), now);
        let report = named(
            "港城晚报讯 悦动健身三家门店一夜关门，两千余会员预付费难退，市场监管部门已约谈该公司股东",
        );
        assert_eq!(index.find(&report, now + Duration::hours(30)), Some(1));
        // Days later the name alone no longer says it is the same matter.
        assert_eq!(index.find(&report, now + Duration::hours(100)), None);
        // A name found in two cases tells neither.
        index.upsert(
            3,
            named("悦动健身另一家店的教练说工资也没发，我们办的卡找谁"),
            now,
        );
        assert_eq!(index.find(&report, now + Duration::hours(30)), None);
    }

    #[test]
    fn rare_names_are_names_not_glued_function_words_or_units() {
        let segmenter = crate::text::Segmenter::new().unwrap();
        let text = "港城悦动健身万达店突然关门了，15时许门上贴了张纸，有个会员说老板跑了，两千余会员预付费难退";
        let names = crate::cases::rare_names(&segmenter.words(text), |w| segmenter.is_known(w));
        assert!(names.iter().any(|n| n == "悦动"), "{names:?}");
        for junk in ["时许", "有个", "两千余", "关门", "会员"] {
            assert!(!names.iter().any(|n| n == junk), "{junk} in {names:?}");
        }
    }

    #[test]
    fn another_town_of_the_county_is_another_happening() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        index.upsert(
            1,
            told("受持续强降雨和山体滑坡影响，澄溪县石塘镇线路倒杆断线，全镇停电"),
            now,
        );
        // A mudslide at another town of the county two days later.
        let mudslide = told("澄溪县青石镇一施工营地遭遇泥石流滑坡，12人失联");
        assert_eq!(index.find(&mudslide, now + Duration::hours(48)), None);
        // A town read with a word before it (线石塘 of 省道线石塘镇段) is
        // still the town.
        let road = told("省道S205线石塘镇段山体滑坡，道路中断，沿线停电");
        assert_eq!(index.find(&road, now + Duration::hours(12)), Some(1));
    }

    #[test]
    fn a_county_and_a_loosely_read_kind_join_only_within_a_day() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        // Smoke (黑烟) reads as pollution too: the blast's case carries it.
        index.upsert(
            1,
            told("澄溪县青石镇工业园一声巨响，黑烟冲天，救护车一辆接一辆"),
            now,
        );
        let river = told("澄溪县石塘河大面积死鱼，一造纸企业夜间偷排污水被查封");
        assert_eq!(index.find(&river, now + Duration::hours(60)), None);
        // A report naming the same site days later is still the blast's.
        let follow_up = told("澄溪县对青石镇工业园爆炸事故开展责任追究");
        assert_eq!(index.find(&follow_up, now + Duration::hours(60)), Some(1));
    }

    #[test]
    fn one_named_estate_within_a_day_is_one_happening_whatever_the_kinds_read() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        // The witness names the estate bare and reads as smoke, not fire.
        index.upsert(
            1,
            told("锦绣嘉园7栋十几楼往外冒黑烟，消防车来了五六辆，楼下围了一圈人"),
            now,
        );
        let notice = told("鹤汀区锦绣嘉园小区一住户发生火灾，无人员伤亡");
        assert_eq!(index.find(&notice, now + Duration::hours(3)), Some(1));
        // Two days on, the kinds must agree: this is not the smoke's case.
        assert_eq!(index.find(&notice, now + Duration::hours(48)), None);
        // Another estate the same hour is another happening.
        let other = told("鹤汀区翠湖苑小区一住户发生火灾");
        assert_eq!(index.find(&other, now + Duration::hours(3)), None);
    }

    #[test]
    fn an_ongoing_matter_at_one_village_joins_weeks_later() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        index.upsert(
            1,
            told("柏溪区东岸村征收补偿款拖欠近两年，村民反映强拆"),
            now,
        );
        let reply = told("柏溪区人民政府关于东岸村征收补偿问题的回复，补偿款将于月底前发放");
        assert_eq!(index.find(&reply, now + Duration::days(14)), Some(1));
        let other_village = told("柏溪区西岭村征收补偿问题的回复");
        assert_eq!(index.find(&other_village, now + Duration::days(14)), None);
    }

    #[test]
    fn a_new_incident_at_a_known_place_opens_its_own_case() {
        let now = Utc::now();
        let mut index = ClusterIndex::default();
        // An outage at an estate: a reply a week later joins; the estate
        // blacked out again a week later is a new incident.
        index.upsert(1, told("翠湖苑小区停电三天了，物业和供电公司互相推诿"), now);
        let reply = told("关于翠湖苑小区停电问题的回复：供电已于昨日恢复");
        assert_eq!(index.find(&reply, now + Duration::days(7)), Some(1));
        let again = told("翠湖苑小区又停电了！上个礼拜刚修好，今晚3号楼又全黑了");
        assert_eq!(index.find(&again, now + Duration::days(7)), None);
        // A fire's case is no ongoing matter: a smell complaint at the same
        // town three weeks later is another happening.
        index.upsert(
            2,
            told("石桥镇工业园家具厂发生火灾，浓烟滚滚，气味刺鼻"),
            now,
        );
        let farm = told("石桥镇上湾村养猪场臭气扰民，气味刺鼻，污水直排");
        assert_eq!(index.find(&farm, now + Duration::days(21)), None);
    }
}
