//! Queries of the reports (`crate::reports`), kept apart from the store's
//! internals: they use only the store's public methods.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::schema::ChangeKind;
use super::{Result, Store};

/// Changes read per step when walking the feed backwards.
const STEP: u64 = 2048;

impl Store {
    /// Ids of the cases written in `[from, to)` (opened, grown, acted on),
    /// from the changes feed read backwards from its newest entry, so a
    /// report of a recent day reads only that day's changes. The feed is
    /// in time order (each write's time is taken as it is committed).
    pub fn cases_written_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<BTreeSet<u64>> {
        let mut ids = BTreeSet::new();
        let mut hi = self.last_change_seq()?;
        while hi > 0 {
            let lo = hi.saturating_sub(STEP);
            let mut older = false;
            for c in self.changes_after(lo, STEP as usize)? {
                if c.seq > hi {
                    break;
                }
                if c.at < from {
                    older = true;
                } else if c.at < to
                    && c.kind == ChangeKind::Case
                    && let Ok(id) = c.id.parse()
                {
                    ids.insert(id);
                }
            }
            if older {
                break;
            }
            hi = lo;
        }
        Ok(ids)
    }
}
