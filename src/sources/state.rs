//! What the daemon remembers of each source between polls (persisted in the
//! store's `sources` tree).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
