//! Items: reads by id, by case and by time, and filtered pages.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Result, Store, StoreError, schema};
use crate::item::Item;

impl Store {
    /// One page of items, newest first, matching `filter`, starting after
    /// `cursor` (an item id key from a previous page). At most
    /// [`ITEM_SCAN_BUDGET`] items are examined per call; a page cut short by
    /// the budget still has a cursor.
    pub fn item_page(
        &self,
        filter: &ItemFilter,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<ItemPage> {
        let limit = limit.max(1);
        let upper: Vec<u8> = match cursor {
            Some(c) => decode_item_cursor(c).ok_or(StoreError::BadCursor)?,
            None => match filter.until {
                Some(t) => schema::time_key(t + chrono::Duration::milliseconds(1)).to_vec(),
                None => vec![0xff; 9],
            },
        };
        let lower = filter
            .since
            .map_or_else(Vec::new, |t| schema::time_key(t).to_vec());
        let mut items = Vec::new();
        let mut last_key: Option<Vec<u8>> = None;
        let mut exhausted = true;
        let range: Box<dyn Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>> = match filter
            .case_id
        {
            // A case's items come from its own index, oldest first; list
            // them newest first like the rest.
            Some(case_id) => Box::new(
                self.case_items
                    .scan_prefix(schema::case_key(case_id))
                    // The value is read by `item_at`, from the key.
                    .map(|kv| kv.map(|(k, _)| (sled::IVec::from(&k[8..]), sled::IVec::default())))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .filter(|kv| match kv {
                        Ok((k, _)) => {
                            k.as_ref() < upper.as_slice() && k.as_ref() >= lower.as_slice()
                        }
                        Err(_) => true,
                    }),
            ),
            None => Box::new(self.items_by_time.range(lower..upper).rev()),
        };
        for (scanned, kv) in range.enumerate() {
            if items.len() >= limit || scanned >= ITEM_SCAN_BUDGET {
                exhausted = false;
                break;
            }
            let (k, v) = kv.map_err(|e| self.err(e))?;
            last_key = Some(k.to_vec());
            if let Some(item) = self.item_at(&k, &v)?
                && filter.accepts(&item)
            {
                items.push(item);
            }
        }
        Ok(ItemPage {
            items,
            next_cursor: if exhausted {
                None
            } else {
                last_key.map(|k| encode_item_cursor(&k))
            },
        })
    }

    /// The item with id `id`.
    pub fn item(&self, id: &str) -> Result<Option<Item>> {
        let Some(key) = self.item_key(id) else {
            return Ok(None);
        };
        self.item_at(&key, &[])
    }

    /// The `items_by_time` key of item `id`, if stored.
    pub(super) fn item_key(&self, id: &str) -> Option<Vec<u8>> {
        self.known().time_of(id).map(|time| {
            let mut key = time.to_vec();
            key.extend_from_slice(id.as_bytes());
            key
        })
    }

    /// The item under `items_by_time` key `key` (time ++ id), decoded from
    /// `value` when the caller has it, else read.
    fn item_at(&self, key: &[u8], value: &[u8]) -> Result<Option<Item>> {
        let id = || String::from_utf8_lossy(key.get(8..).unwrap_or_default()).into_owned();
        if !value.is_empty() {
            return self.decode("item", &id(), value).map(Some);
        }
        match self.items_by_time.get(key).map_err(|e| self.err(e))? {
            Some(v) => self.decode("item", &id(), &v).map(Some),
            None => Ok(None),
        }
    }

    /// The items of a case, oldest first.
    pub fn case_items(&self, case_id: u64) -> Result<Vec<Item>> {
        let mut out = self.case_items_latest(case_id, usize::MAX)?;
        out.reverse();
        Ok(out)
    }

    /// The `limit` latest items of a case, newest first (a story reposted
    /// thousands of times is not decoded whole to show one page).
    pub fn case_items_latest(&self, case_id: u64, limit: usize) -> Result<Vec<Item>> {
        let mut out = Vec::new();
        for kv in self.case_items.scan_prefix(schema::case_key(case_id)).rev() {
            if out.len() >= limit {
                break;
            }
            let (k, _) = kv.map_err(|e| self.err(e))?;
            if let Some(item) = self.item_at(&k[8..], &[])?
                && item.case_id == Some(case_id)
            {
                out.push(item);
            }
        }
        Ok(out)
    }

    /// Items ingested at or after `since`, oldest first.
    pub fn items_since(&self, since: DateTime<Utc>) -> impl Iterator<Item = Result<Item>> + '_ {
        self.items_by_time
            .range(schema::time_key(since).to_vec()..)
            .filter_map(move |kv| match kv {
                Err(e) => Some(Err(self.err(e))),
                Ok((k, v)) => self.item_at(&k, &v).transpose(),
            })
    }
}

/// Items examined at most by one [`Store::item_page`] call.
pub const ITEM_SCAN_BUDGET: usize = 20_000;

/// A page of items.
#[derive(Debug, Clone, Serialize)]
pub struct ItemPage {
    /// The items, newest first.
    pub items: Vec<Item>,
    /// Pass as `cursor` for the next page; absent when the scan is done.
    pub next_cursor: Option<String>,
}

/// Which items a list returns. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct ItemFilter {
    /// Source name, exactly.
    pub source: Option<String>,
    /// Any of these categories.
    pub categories: Vec<crate::classify::Category>,
    /// This flag.
    pub flag: Option<crate::classify::Flag>,
    /// At least this severity.
    pub min_severity: Option<crate::classify::Severity>,
    /// Region among the item's regions.
    pub region: Option<String>,
    /// Only items that matched a category (true) or none (false).
    pub flagged: Option<bool>,
    /// Items of this case.
    pub case_id: Option<u64>,
    /// Ingested at or after.
    pub since: Option<DateTime<Utc>>,
    /// Ingested at or before.
    pub until: Option<DateTime<Utc>>,
    /// Case-insensitive substring of the title or text.
    pub q: Option<String>,
}

impl ItemFilter {
    fn accepts(&self, item: &Item) -> bool {
        let c = &item.classification;
        self.source.as_ref().is_none_or(|s| &item.source == s)
            && (self.categories.is_empty()
                || self.categories.iter().any(|x| c.categories.contains(x)))
            && self.flag.is_none_or(|f| c.flags.contains(&f))
            && self
                .min_severity
                .is_none_or(|s| c.severity.is_some_and(|x| x >= s))
            && self
                .region
                .as_ref()
                .is_none_or(|r| c.regions.iter().any(|x| x == r))
            && self.flagged.is_none_or(|f| f == c.is_flagged())
            && self.case_id.is_none_or(|id| item.case_id == Some(id))
            && self.since.is_none_or(|t| item.ingested_at >= t)
            && self.until.is_none_or(|t| item.ingested_at <= t)
            && self.q.as_ref().is_none_or(|q| {
                let q = q.to_lowercase();
                item.title.to_lowercase().contains(&q) || item.text.to_lowercase().contains(&q)
            })
    }
}

fn encode_item_cursor(key: &[u8]) -> String {
    let mut s = String::from("i1.");
    for b in key {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn decode_item_cursor(s: &str) -> Option<Vec<u8>> {
    let hex = s.strip_prefix("i1.")?;
    if hex.len() % 2 != 0 || hex.len() < 18 {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}
