//! Sources: what the daemon remembers of each source between polls.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Result, Store, encode};
use crate::fetch::Validators;

/// A source's polling state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceState {
    /// The source's name.
    pub name: String,
    /// When it was last polled.
    #[serde(default)]
    pub last_poll: Option<DateTime<Utc>>,
    /// When a poll last succeeded.
    #[serde(default)]
    pub last_success: Option<DateTime<Utc>>,
    /// The last poll's error, cleared by a success.
    #[serde(default)]
    pub last_error: Option<String>,
    /// Failed polls in a row.
    #[serde(default)]
    pub consecutive_failures: u32,
    /// When it is due next.
    #[serde(default)]
    pub next_due: Option<DateTime<Utc>>,
    /// Validators for conditional GET.
    #[serde(default)]
    pub validators: Validators,
    /// New items found, ever.
    #[serde(default)]
    pub items_found: u64,
    /// New items in the last successful poll.
    #[serde(default)]
    pub last_new: u32,
    /// Items seen again (updated) in the last successful poll.
    #[serde(default)]
    pub last_updated: u32,
    /// Polled on the surge schedule until then.
    #[serde(default)]
    pub surge_until: Option<DateTime<Utc>>,
    /// What the last successful poll read badly though it did not fail:
    /// articles with an empty or near-empty body, a feed parsed past a
    /// fault. Each names the URL.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_warnings: Vec<String>,
}

impl Store {
    /// The polling state of source `name`.
    pub fn source_state(&self, name: &str) -> Result<Option<SourceState>> {
        match self.sources.get(name.as_bytes()).map_err(|e| self.err(e))? {
            Some(v) => self.decode("source", name, &v).map(Some),
            None => Ok(None),
        }
    }

    /// Saves a source's polling state (durable at the next flush).
    pub fn put_source_state(&self, state: &SourceState) -> Result<()> {
        self.sources
            .insert(state.name.as_bytes(), encode(state))
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Every source's polling state, by name.
    pub fn source_states(&self) -> Result<Vec<SourceState>> {
        let mut out = Vec::new();
        for kv in self.sources.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            out.push(self.decode("source", &String::from_utf8_lossy(&k), &v)?);
        }
        Ok(out)
    }
}
