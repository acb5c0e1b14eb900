//! Where each stored item is: its id mapped, in memory, to the ingested
//! time that keys it in `items_by_time`.
//!
//! Finding an item by id needs this map: items are stored in time order so
//! that ingest appends at the end of the tree. Kept in sled instead, as a
//! tree keyed by id, every new item was a write into a random leaf of a
//! tree of a million keys, and that alone more than doubled the cost of
//! ingest at a million items (`cargo bench --bench store`). The map is
//! rebuilt at open from `item_ids`, the same keys without their values
//! (time ++ id, appended in time order, a few dozen bytes each).
//!
//! Ids are held as their 128-bit hashes (about 30 bytes an item with the
//! table's overhead: 30 MB per million items). A stored item is always
//! found; an id not stored is answered from memory, without asking sled.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The map of stored ids to their time keys.
#[derive(Debug, Default)]
pub(super) struct KnownIds {
    times: HashMap<(u64, u64), [u8; 8]>,
}

impl KnownIds {
    /// Records that `id` is stored under time key `time`.
    pub(super) fn insert(&mut self, id: &str, time: [u8; 8]) {
        self.times.insert(hashes(id), time);
    }

    /// The time key of `id`, when it is stored.
    pub(super) fn time_of(&self, id: &str) -> Option<[u8; 8]> {
        self.times.get(&hashes(id)).copied()
    }

    /// Number of ids stored.
    pub(super) fn len(&self) -> usize {
        self.times.len()
    }
}

/// Two 64-bit hashes of an id. Ids made by [`crate::item::item_id`] are 32
/// hex digits of two well-mixed hashes already; any other id (an import
/// from elsewhere) is hashed.
fn hashes(id: &str) -> (u64, u64) {
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
    fn stored_ids_are_found_with_their_time_and_others_are_not() {
        let mut known = KnownIds::default();
        let id = |i: u64| crate::item::item_id("bench", None, Some(&format!("u{i}")), "", "");
        for i in 0..10_000u64 {
            known.insert(&id(i), i.to_be_bytes());
        }
        assert!((0..10_000u64).all(|i| known.time_of(&id(i)) == Some(i.to_be_bytes())));
        assert!((10_000..20_000u64).all(|i| known.time_of(&id(i)).is_none()));
        // Ids not made by item_id are hashed, and found too.
        known.insert("imported-1", [1; 8]);
        assert_eq!(known.time_of("imported-1"), Some([1; 8]));
        assert_eq!(known.len(), 10_001);
    }
}
