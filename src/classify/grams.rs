//! Where the learned model's n-grams are found in a text.
//!
//! The model looks up one or two n-grams at every character of every text
//! the daemon reads. In a hash map of its ~150,000 n-grams (a few MB) nearly
//! every lookup is a cache miss, and those misses were an eighth of all
//! classification time. This index keeps the same answers in small sorted
//! arrays: each character has a dense id; the character pairs that begin an
//! n-gram are sorted by (first, second) id, so a pair is found by a short
//! binary search among the pairs of its first character; and a 3-gram is
//! found among the few thirds of its first two characters' pair, which the
//! reader already has from the character before.

use rustc_hash::FxHashMap;

/// Characters below this code point (ASCII and the main CJK block) have
/// their id in a flat table; the rest are looked up in a map.
const FLAT_BELOW: usize = 0xA000;

/// One pair of characters that begins at least one n-gram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair(u32);

/// The model's n-grams by character, for lookups while reading a text.
#[derive(Debug, Clone, Default)]
pub(crate) struct GramIndex {
    /// Id + 1 of each character below [`FLAT_BELOW`] that is in an n-gram;
    /// 0 for the others.
    flat: Vec<u32>,
    /// Ids of the characters at or above [`FLAT_BELOW`].
    other: FxHashMap<char, u32>,
    /// Per first character id, where its pairs begin in `seconds`; one more
    /// entry at the end.
    pairs_from: Vec<u32>,
    /// The second character id of every pair, sorted within each first
    /// character's run. A pair's place here is its [`Pair`] number.
    seconds: Vec<u32>,
    /// Per pair, the model's id of that 2-gram, or `u32::MAX` when only
    /// 3-grams begin with it.
    two_gram: Vec<u32>,
    /// Per pair, where its 3-grams begin in `thirds`; one more at the end.
    thirds_from: Vec<u32>,
    /// Every 3-gram as (third character id, model id), sorted within each
    /// pair's run.
    thirds: Vec<(u32, u32)>,
}

impl GramIndex {
    /// Indexes n-grams given as their characters (2 or 3 each) and the
    /// model's id for each. Ids are not checked for uniqueness here: the
    /// model file's parser reports a term weighted twice.
    pub(crate) fn new<'a>(grams: impl IntoIterator<Item = (&'a [char], u32)>) -> Self {
        let grams: Vec<(&[char], u32)> = grams
            .into_iter()
            .filter(|(chars, _)| (2..=3).contains(&chars.len()))
            .collect();
        // Dense character ids, in code point order so that the index does
        // not depend on the order of the model file.
        let mut chars: Vec<char> = grams.iter().flat_map(|(c, _)| c.iter().copied()).collect();
        chars.sort_unstable();
        chars.dedup();
        let mut index = GramIndex {
            flat: vec![0; FLAT_BELOW],
            ..Default::default()
        };
        for (id, &c) in chars.iter().enumerate() {
            let id = id as u32;
            match index.flat.get_mut(c as usize) {
                Some(slot) => *slot = id + 1,
                None => {
                    index.other.insert(c, id);
                }
            }
        }
        let ids = |cs: &[char]| -> Vec<u32> {
            cs.iter()
                .map(|&c| index_of(&chars, c))
                .collect::<Vec<u32>>()
        };
        // Every pair an n-gram begins with, sorted, with its 2-gram's id.
        let mut pairs: Vec<((u32, u32), u32)> = Vec::with_capacity(grams.len());
        let mut three: Vec<((u32, u32), u32, u32)> = Vec::new();
        for (cs, id) in &grams {
            let c = ids(cs);
            if c.len() == 2 {
                pairs.push(((c[0], c[1]), *id));
            } else {
                pairs.push(((c[0], c[1]), u32::MAX));
                three.push(((c[0], c[1]), c[2], *id));
            }
        }
        // A 2-gram's own entry sorts before the placeholders its 3-grams
        // left (a real id is below u32::MAX), and is the one kept.
        pairs.sort_unstable();
        pairs.dedup_by_key(|(p, _)| *p);
        index.pairs_from = vec![0; chars.len() + 1];
        for ((first, _), _) in &pairs {
            index.pairs_from[*first as usize + 1] += 1;
        }
        for i in 1..index.pairs_from.len() {
            index.pairs_from[i] += index.pairs_from[i - 1];
        }
        index.seconds = pairs.iter().map(|((_, s), _)| *s).collect();
        index.two_gram = pairs.iter().map(|(_, id)| *id).collect();
        three.sort_unstable();
        index.thirds_from = vec![0; pairs.len() + 1];
        let mut at = 0;
        for (p, ((first, second), _)) in pairs.iter().enumerate() {
            while at < three.len() && three[at].0 == (*first, *second) {
                at += 1;
            }
            index.thirds_from[p + 1] = at as u32;
        }
        index.thirds = three.iter().map(|(_, third, id)| (*third, *id)).collect();
        index
    }

    /// The id of a character that is in some n-gram.
    #[inline]
    pub(crate) fn char_id(&self, c: char) -> Option<u32> {
        match self.flat.get(c as usize) {
            Some(&slot) => slot.checked_sub(1),
            None => self.other.get(&c).copied(),
        }
    }

    /// The pair of two characters, when an n-gram begins with it.
    #[inline]
    pub(crate) fn pair(&self, first: u32, second: u32) -> Option<Pair> {
        let from = self.pairs_from[first as usize] as usize;
        let to = self.pairs_from[first as usize + 1] as usize;
        let run = &self.seconds[from..to];
        run.binary_search(&second)
            .ok()
            .map(|i| Pair((from + i) as u32))
    }

    /// The model's id of a pair's 2-gram, when it weighs one.
    #[inline]
    pub(crate) fn two_gram(&self, pair: Pair) -> Option<u32> {
        let id = self.two_gram[pair.0 as usize];
        (id != u32::MAX).then_some(id)
    }

    /// The model's id of the 3-gram a pair begins and `third` ends.
    #[inline]
    pub(crate) fn three_gram(&self, pair: Pair, third: u32) -> Option<u32> {
        let from = self.thirds_from[pair.0 as usize] as usize;
        let to = self.thirds_from[pair.0 as usize + 1] as usize;
        let run = &self.thirds[from..to];
        run.binary_search_by_key(&third, |(t, _)| *t)
            .ok()
            .map(|i| run[i].1)
    }
}

/// The dense id of a character of the sorted, deduplicated `chars`.
fn index_of(chars: &[char], c: char) -> u32 {
    // Every character of every n-gram was collected into `chars`.
    chars.binary_search(&c).unwrap_or_default() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(index: &GramIndex, text: &str) -> Vec<(String, u32)> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        for i in 0..chars.len().saturating_sub(1) {
            let (Some(a), Some(b)) = (index.char_id(chars[i]), index.char_id(chars[i + 1])) else {
                continue;
            };
            let Some(p) = index.pair(a, b) else { continue };
            if let Some(id) = index.two_gram(p) {
                found.push((chars[i..i + 2].iter().collect(), id));
            }
            if let Some(&c) = chars.get(i + 2)
                && let Some(c) = index.char_id(c)
                && let Some(id) = index.three_gram(p, c)
            {
                found.push((chars[i..i + 3].iter().collect(), id));
            }
        }
        found
    }

    #[test]
    fn finds_exactly_the_indexed_grams() {
        let grams: Vec<(Vec<char>, u32)> = [
            ("爆炸", 0),
            ("巨响声", 1),
            ("一声", 2),
            ("声巨", 3),
            ("𠀋a", 4),
            ("ab", 5),
            ("abc", 6),
        ]
        .iter()
        .map(|(t, id)| (t.chars().collect(), *id))
        .collect();
        let index = GramIndex::new(grams.iter().map(|(c, id)| (c.as_slice(), *id)));
        let found = lookup(&index, "一声巨响声后爆炸𠀋abc巨响");
        let want: Vec<(String, u32)> = [
            ("一声", 2),
            ("声巨", 3),
            ("巨响声", 1),
            ("爆炸", 0),
            ("𠀋a", 4),
            ("ab", 5),
            ("abc", 6),
        ]
        .iter()
        .map(|(t, id)| (t.to_string(), *id))
        .collect();
        assert_eq!(found, want);
        // A 3-gram's first two characters are a pair, not a 2-gram.
        assert!(lookup(&index, "巨响").is_empty());
        assert_eq!(index.char_id('的'), None);
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let index = GramIndex::new(std::iter::empty());
        assert!(lookup(&index, "一声巨响").is_empty());
    }
}
