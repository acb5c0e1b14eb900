//! The on-disk layout, in one place because other tools read it (see
//! `docs/store.md`). Integers in keys are big-endian so that byte order is
//! numeric order; times are milliseconds since the Unix epoch, offset by
//! 2^63 so that dates before 1970 still sort.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Version of the value format (the `schema` field of every stored and
/// exported record). Bumped on any incompatible change to a record.
pub const SCHEMA_VERSION: u32 = 1;

/// Version of the layout (trees and keys), kept in `meta` under
/// [`SCHEMA_KEY`]. Version 2 keeps items in time order (see
/// [`ITEMS_BY_TIME`]); stores of version 1 are migrated when opened.
pub const LAYOUT_VERSION: u32 = 2;

/// `meta`: `schema_version` → u32 BE (the [`LAYOUT_VERSION`]).
pub const META: &str = "meta";
/// `items_by_time`: ingested time ++ item id → `Stored<Item>` JSON. Keyed
/// by time, not id, so that ingest appends at the right edge of the tree:
/// with random ids as keys, every new item landed in a random leaf of a
/// tree many times sled's cache, and ingest slowed as the store grew.
pub const ITEMS_BY_TIME: &str = "items_by_time";
/// `item_ids`: ingested time ++ item id → empty: the keys of
/// [`ITEMS_BY_TIME`] without their values, read at open to find items by
/// id (see `store::known`). Appended in time order like the items.
pub const ITEM_IDS: &str = "item_ids";
/// `items` (layout 1 only, removed by the migration): item id → item JSON;
/// `items_by_time` then held empty values.
pub const V1_ITEMS: &str = "items";
/// `cases`: case id (u64 BE) → `Stored<Case>` JSON.
pub const CASES: &str = "cases";
/// `cases_by_last_seen`: last-seen time ++ case id → empty.
pub const CASES_BY_LAST_SEEN: &str = "cases_by_last_seen";
/// `case_items`: case id ++ ingested time ++ item id → empty.
pub const CASE_ITEMS: &str = "case_items";
/// `changes`: sequence number (u64 BE) → `Change` JSON.
pub const CHANGES: &str = "changes";
/// `sources`: source name (UTF-8) → `SourceState` JSON.
pub const SOURCES: &str = "sources";

/// `alert_marks`: case id (u64 BE) → `AlertMark` JSON: what has been
/// alerted of the case (severity, deadline reminders), so no event is
/// alerted twice, across restarts too.
pub const ALERT_MARKS: &str = "alert_marks";
/// `outbox`: delivery id (u64 BE, increasing) → `Delivery` JSON: alerts
/// waiting to be delivered (or retried) to a webhook.
pub const OUTBOX: &str = "outbox";
/// `outbox_dead`: delivery id → `Delivery` JSON: alerts given up on after
/// retrying for `alerts.give_up_hours`, kept for inspection.
pub const OUTBOX_DEAD: &str = "outbox_dead";
/// Key of `meta` holding the last change seq the alerter has read (u64 BE).
pub const ALERTS_CURSOR_KEY: &[u8] = b"alerts_cursor";

/// `meta`: `webhook:NAME` → `WebhookState` JSON: each webhook's health and
/// when it was last sent to (the rate spacing survives restarts).
pub const WEBHOOK_STATE_PREFIX: &[u8] = b"webhook:";

/// Key of `meta` holding the last case id given out (u64 BE).
pub const LAST_CASE_ID_KEY: &[u8] = b"last_case_id";

/// Key of `meta` holding the schema version.
pub const SCHEMA_KEY: &[u8] = b"schema_version";

/// A stored value: the record plus the schema version it was written with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stored<T> {
    /// Schema version of this value.
    pub schema: u32,
    /// The record.
    #[serde(flatten)]
    pub value: T,
}

/// What a change record is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// An item was written.
    Item,
    /// A case was written.
    Case,
}

/// One entry of the changes feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Monotonic sequence number (gaps are possible).
    pub seq: u64,
    /// When.
    pub at: DateTime<Utc>,
    /// Item or case.
    pub kind: ChangeKind,
    /// The item id, or the case id as a decimal string.
    pub id: String,
}

/// Time as a sortable 8-byte key part.
pub fn time_key(t: DateTime<Utc>) -> [u8; 8] {
    ((t.timestamp_millis() as u64) ^ (1 << 63)).to_be_bytes()
}

/// The inverse of [`time_key`].
pub fn time_from_key(b: &[u8]) -> Option<DateTime<Utc>> {
    let arr: [u8; 8] = b.get(..8)?.try_into().ok()?;
    DateTime::from_timestamp_millis((u64::from_be_bytes(arr) ^ (1 << 63)) as i64)
}

/// A case id as a key.
pub fn case_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// `items_by_time` key.
pub fn item_time_key(t: DateTime<Utc>, item_id: &str) -> Vec<u8> {
    let mut k = time_key(t).to_vec();
    k.extend_from_slice(item_id.as_bytes());
    k
}

/// `cases_by_last_seen` key.
pub fn case_time_key(t: DateTime<Utc>, case_id: u64) -> Vec<u8> {
    let mut k = time_key(t).to_vec();
    k.extend_from_slice(&case_key(case_id));
    k
}

/// `case_items` key.
pub fn case_item_key(case_id: u64, t: DateTime<Utc>, item_id: &str) -> Vec<u8> {
    let mut k = case_key(case_id).to_vec();
    k.extend_from_slice(&time_key(t));
    k.extend_from_slice(item_id.as_bytes());
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_keys_sort_and_round_trip() {
        let a = DateTime::from_timestamp_millis(-5_000).unwrap();
        let b = DateTime::from_timestamp_millis(1_000).unwrap();
        let c = DateTime::from_timestamp_millis(1_800_000_000_000).unwrap();
        assert!(time_key(a) < time_key(b) && time_key(b) < time_key(c));
        assert_eq!(time_from_key(&time_key(c)), Some(c));
        assert_eq!(time_from_key(&[1, 2]), None);
    }
}
