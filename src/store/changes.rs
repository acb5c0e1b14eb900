//! The changes feed: one numbered record per item or case write, for tools
//! that follow the store.

use chrono::{DateTime, Utc};

use super::schema::{Change, ChangeKind};
use super::{Result, Store, encode};

impl Store {
    /// Up to `limit` changes with a sequence number above `after`.
    pub fn changes_after(&self, after: u64, limit: usize) -> Result<Vec<Change>> {
        let start = after.saturating_add(1).to_be_bytes();
        let mut out = Vec::new();
        for kv in self.changes.range(start..).take(limit) {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            let seq = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            out.push(self.decode("change", &seq.to_string(), &v)?);
        }
        Ok(out)
    }
}

pub(super) fn change(seq: u64, at: DateTime<Utc>, kind: ChangeKind, id: &str) -> Vec<u8> {
    encode(&Change {
        seq,
        at,
        kind,
        id: id.to_string(),
    })
}
