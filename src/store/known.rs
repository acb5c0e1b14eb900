//! Which item ids the store may hold: a scalable Bloom filter kept in memory
//! beside sled. Almost every item a poll brings is new, and asking sled
//! about an id it does not hold costs a random page read that grows with
//! the store (a tree of a million items is many times sled's cache); the
//! filter answers "certainly not stored" from memory instead. It may answer
//! "perhaps" for an id that is absent (then sled is asked), never "no" for
//! one that is stored: ids are added before the write that stores them.
//!
//! Memory is about 10 bits per stored id (1.2 MB per million items). When a
//! filter fills up, a new one of twice the size is added, so the rate of
//! false "perhaps" stays near 1% however large the store grows.

use std::hash::{Hash, Hasher};

/// Ids the first filter is sized for.
const FIRST_CAPACITY: usize = 1 << 16;
/// Bits per id: with [`PROBES`] probes, about 1% false positives.
const BITS_PER_ID: usize = 10;
/// Bit positions set and tested per id.
const PROBES: u64 = 7;

/// One fixed-size filter of the chain.
#[derive(Debug)]
struct Filter {
    words: Vec<u64>,
    /// Bit index mask (the size is a power of two).
    mask: u64,
    len: usize,
    capacity: usize,
}

impl Filter {
    fn new(capacity: usize) -> Self {
        let bits = (capacity * BITS_PER_ID).next_power_of_two().max(64);
        Filter {
            words: vec![0; bits / 64],
            mask: bits as u64 - 1,
            len: 0,
            capacity,
        }
    }

    fn insert(&mut self, h: (u64, u64)) {
        for p in probes(h, self.mask) {
            self.words[(p / 64) as usize] |= 1 << (p % 64);
        }
        self.len += 1;
    }

    fn contains(&self, h: (u64, u64)) -> bool {
        probes(h, self.mask).all(|p| self.words[(p / 64) as usize] & (1 << (p % 64)) != 0)
    }
}

/// The bit positions of an id's hashes under `mask`. Double hashing
/// (Kirsch–Mitzenmacher): probe i is a + i·b.
fn probes((a, b): (u64, u64), mask: u64) -> impl Iterator<Item = u64> {
    (0..PROBES).map(move |i| a.wrapping_add(i.wrapping_mul(b | 1)) & mask)
}

/// The chain of filters.
#[derive(Debug)]
pub(super) struct KnownIds {
    filters: Vec<Filter>,
}

impl Default for KnownIds {
    fn default() -> Self {
        KnownIds {
            filters: vec![Filter::new(FIRST_CAPACITY)],
        }
    }
}

impl KnownIds {
    /// A chain holding the ids hashed by [`hashes`], with room for as many
    /// again before it grows.
    pub(super) fn from_hashes(ids: &[(u64, u64)]) -> Self {
        let mut first = Filter::new((2 * ids.len()).max(FIRST_CAPACITY));
        for &h in ids {
            first.insert(h);
        }
        KnownIds {
            filters: vec![first],
        }
    }

    /// Records that `id` may be stored.
    pub(super) fn insert(&mut self, id: &str) {
        let h = hashes(id);
        if self.contains_hashed(h) {
            return;
        }
        let full = self.filters.last().is_none_or(|f| f.len >= f.capacity);
        if full {
            let next = self
                .filters
                .last()
                .map_or(FIRST_CAPACITY, |f| f.capacity * 2);
            self.filters.push(Filter::new(next));
        }
        if let Some(f) = self.filters.last_mut() {
            f.insert(h);
        }
    }

    /// False when `id` is certainly not stored.
    pub(super) fn may_contain(&self, id: &str) -> bool {
        self.contains_hashed(hashes(id))
    }

    fn contains_hashed(&self, h: (u64, u64)) -> bool {
        self.filters.iter().any(|f| f.contains(h))
    }
}

/// Two 64-bit hashes of an id. Ids made by [`crate::item::item_id`] are 32
/// hex digits of two well-mixed hashes already; any other id (an import
/// from elsewhere) is hashed.
pub(super) fn hashes(id: &str) -> (u64, u64) {
    if id.len() == 32
        && let (Ok(a), Ok(b)) = (
            u64::from_str_radix(&id[..16], 16),
            u64::from_str_radix(&id[16..], 16),
        )
    {
        return (a, b);
    }
    let mut a = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut a);
    let mut b = std::collections::hash_map::DefaultHasher::new();
    (id, 0x9e37_79b9_u32).hash(&mut b);
    (a.finish(), b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_ids_are_always_found_and_absent_ones_rarely() {
        let mut known = KnownIds::default();
        let id = |i: u64| crate::item::item_id("bench", None, Some(&format!("u{i}")), "", "");
        // Past the first filter's capacity: the chain grows.
        let n = 3 * FIRST_CAPACITY as u64;
        for i in 0..n {
            known.insert(&id(i));
        }
        assert!(known.filters.len() > 1);
        assert!((0..n).all(|i| known.may_contain(&id(i))));
        let false_positives = (n..n + 100_000)
            .filter(|&i| known.may_contain(&id(i)))
            .count();
        assert!(
            false_positives < 3_000,
            "{false_positives} of 100000 absent ids reported as perhaps stored"
        );
        // Ids not made by item_id are hashed, and found too.
        known.insert("imported-1");
        assert!(known.may_contain("imported-1"));
    }
}
