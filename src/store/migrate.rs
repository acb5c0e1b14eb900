//! Migrations of older store layouts, run by [`super::Store::open`].
//!
//! Each is idempotent: a migration stopped half-way (a crash, a kill) is
//! run again from the start at the next open, since the layout version is
//! recorded only after the migrated data is flushed.

use std::path::Path;

use super::schema::{self, Stored};
use super::{Result, StoreError, sled_error};
use crate::item::Item;

/// Writes at most this many entries per sled batch.
const BATCH: usize = 2_000;

/// Layout 1 → 2: item JSON moves from `items` (keyed by id) into the values
/// of `items_by_time` (keyed by time ++ id, empty values before), and
/// `item_ids` gets the same keys. The old tree is dropped by the caller
/// once the new layout is recorded.
pub(super) fn layout_1_to_2(db: &sled::Db, path: &Path) -> Result<()> {
    let err = |e| sled_error(path, e);
    let old = db.open_tree(schema::V1_ITEMS).map_err(err)?;
    let by_time = db.open_tree(schema::ITEMS_BY_TIME).map_err(err)?;
    let ids_tree = db.open_tree(schema::ITEM_IDS).map_err(err)?;
    let total = old.len();
    if total > 0 {
        tracing::info!(
            store = %path.display(),
            items = total,
            "migrating the store to layout {}: items in time order (once; large stores take a while)",
            schema::LAYOUT_VERSION
        );
    }
    let mut moved = 0usize;
    let mut values = sled::Batch::default();
    let mut ids = sled::Batch::default();
    let flush = |values: &mut sled::Batch, ids: &mut sled::Batch| {
        by_time.apply_batch(std::mem::take(values)).map_err(err)?;
        ids_tree.apply_batch(std::mem::take(ids)).map_err(err)?;
        Ok::<(), StoreError>(())
    };
    // Every item read by id and stored at its time: the JSON is the
    // authority (its `ingested_at`), so an item the old time index missed
    // is moved too, and stale index entries are dropped below.
    for kv in old.iter() {
        let (id, value) = kv.map_err(err)?;
        let item: Stored<Item> =
            serde_json::from_slice(&value).map_err(|source| StoreError::Decode {
                path: path.to_path_buf(),
                what: "item",
                id: String::from_utf8_lossy(&id).into_owned(),
                source,
            })?;
        let mut key = schema::time_key(item.value.ingested_at).to_vec();
        key.extend_from_slice(&id);
        values.insert(key.as_slice(), value);
        ids.insert(key, &[]);
        moved += 1;
        if moved.is_multiple_of(BATCH) {
            flush(&mut values, &mut ids)?;
        }
        if moved.is_multiple_of(100_000) {
            tracing::info!(store = %path.display(), moved, total, "migrating the store");
        }
    }
    flush(&mut values, &mut ids)?;
    // Layout 1 kept an empty value under every time key; one left empty now
    // had no item (an entry the old index kept by mistake).
    let mut stale = sled::Batch::default();
    let mut stale_ids = sled::Batch::default();
    for kv in by_time.iter() {
        let (k, v) = kv.map_err(err)?;
        if v.is_empty() {
            stale.remove(k.clone());
            stale_ids.remove(k);
        }
    }
    by_time.apply_batch(stale).map_err(err)?;
    ids_tree.apply_batch(stale_ids).map_err(err)?;
    db.flush().map_err(err)?;
    if total > 0 {
        tracing::info!(store = %path.display(), items = moved, "store migrated");
    }
    Ok(())
}
