//! [`Item`]: one piece of collected text, as stored.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::classify::{Authority, Classification};

/// One post, article, comment or hand-entered report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id (see [`item_id`]): seeing the same item again updates it.
    pub id: String,
    /// Source name (a configured source, or the channel of a manual entry).
    pub source: String,
    /// `weibo`, `wechat`, `portal`, `forum`, `news`, `comment`, `manual`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<String>,
    /// Where it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Title (may be empty).
    #[serde(default)]
    pub title: String,
    /// Text as collected (for display; matching uses a normalized copy).
    pub text: String,
    /// Publication time, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    /// Why that publication time (where on the page it was read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_evidence: Option<String>,
    /// When the item entered the store.
    pub ingested_at: DateTime<Utc>,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// What the classifier decided.
    pub classification: Classification,
    /// SimHash of its words (for clustering).
    pub simhash: u64,
    /// The case it belongs to, if it matched a category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<u64>,
    /// Links found in the item's content (kept out of its text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Places and event kinds read from the text of a flagged item: what
    /// grouping compares.
    #[serde(default, skip_serializing_if = "crate::cases::EventTraits::is_empty")]
    pub event: crate::cases::EventTraits,
}

impl Item {
    /// When the item happened for grouping: published, else first seen.
    pub fn happened_at(&self) -> DateTime<Utc> {
        self.published.unwrap_or(self.ingested_at)
    }
}

/// The stable id of an item: a hash of its source and its best identity, the
/// feed GUID, else the URL without fragment, else title and text.
pub fn item_id(
    source: &str,
    guid: Option<&str>,
    url: Option<&str>,
    title: &str,
    text: &str,
) -> String {
    let key = match (
        guid.filter(|g| !g.trim().is_empty()),
        url.filter(|u| !u.trim().is_empty()),
    ) {
        (Some(g), _) => format!("g\0{}", g.trim()),
        (None, Some(u)) => format!("u\0{}", u.trim().split('#').next().unwrap_or(u)),
        (None, None) => format!("t\0{}\0{}", title.trim(), text.trim()),
    };
    // Two independent 64-bit FNV-1a hashes: 128 bits, no collisions in practice.
    let a = fnv1a(0xcbf2_9ce4_8422_2325, source, &key);
    let b = fnv1a(0x6c62_272e_07bb_0142, source, &key);
    format!("{a:016x}{b:016x}")
}

fn fnv1a(seed: u64, source: &str, key: &str) -> u64 {
    let mut h = seed;
    for b in source.bytes().chain([0u8]).chain(key.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // FNV leaves the high bits of similar keys alike; mix them (SplitMix64).
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_prefer_guid_then_url() {
        let a = item_id("微博", Some("123"), Some("https://x/1"), "t", "x");
        assert_eq!(
            a,
            item_id("微博", Some("123"), Some("https://x/2"), "other", "y")
        );
        assert_eq!(a.len(), 32);
        assert_eq!(
            item_id("s", None, Some("https://x/1#c"), "t", "x"),
            item_id("s", None, Some("https://x/1"), "u", "y")
        );
        assert_ne!(
            item_id("s", None, None, "t", "x"),
            item_id("s", None, None, "t", "y")
        );
        assert_ne!(
            item_id("s1", Some("1"), None, "", ""),
            item_id("s2", Some("1"), None, "", "")
        );
    }
}
