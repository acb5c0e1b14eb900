//! The sled store: items, cases, their indexes and the changes feed. Nothing
//! else in the crate touches sled. The layout is in [`schema`] and
//! `docs/store.md`.
//!
//! sled lets one process open a database at a time and has no read-only
//! mode, so other tools read through the daemon's API, `yuqing export`, or
//! this module from their own process while the daemon is stopped.

pub mod alerts;
mod index;
mod reports;
pub mod schema;

pub use index::{CaseFilter, CaseRow, CaseSort, Cursor, PageError};

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};

use crate::cases::Case;
use crate::item::Item;
use crate::sources::SourceState;
use index::CaseIndex;
use schema::{Change, ChangeKind, Stored};

/// Errors of the store, each naming the store path or the record.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the database.
    #[error(
        "the store {path} is in use by another process (sled allows only one): stop it, or use `yuqing export` through it"
    )]
    Locked {
        /// Store directory.
        path: PathBuf,
    },
    /// sled found corrupted data.
    #[error(
        "the store {path} is corrupted ({detail}); restore a backup with `yuqing import`, then poll the sources again"
    )]
    Corrupt {
        /// Store directory.
        path: PathBuf,
        /// What sled said.
        detail: String,
    },
    /// The store was written by a newer yuqing.
    #[error(
        "the store {path} has schema version {found}, newer than this yuqing understands ({supported}): upgrade yuqing"
    )]
    TooNew {
        /// Store directory.
        path: PathBuf,
        /// Version found.
        found: u32,
        /// Version supported.
        supported: u32,
    },
    /// Any other sled or I/O error.
    #[error("store {path}: {source}")]
    Sled {
        /// Store directory.
        path: PathBuf,
        /// The error.
        #[source]
        source: sled::Error,
    },
    /// A stored record could not be decoded.
    #[error("store {path}: {what} {id} cannot be decoded: {source}")]
    Decode {
        /// Store directory.
        path: PathBuf,
        /// `item`, `case`, `change`.
        what: &'static str,
        /// Its id.
        id: String,
        /// The error.
        #[source]
        source: serde_json::Error,
    },
    /// A line of an import file is unusable.
    #[error("import line {line}: {message}")]
    Import {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A list page cannot be served.
    #[error(transparent)]
    Page(#[from] PageError),
    /// A list cursor is not one this store made.
    #[error("the cursor is malformed; pass back the next_cursor of a previous page unchanged")]
    BadCursor,
    /// Reading or writing an export stream failed.
    #[error("export/import stream: {0}")]
    Stream(#[from] std::io::Error),
}

/// Result of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which records `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    /// Items and cases.
    All,
    /// Items only.
    Items,
    /// Cases only.
    Cases,
}

/// One line of an export file.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ExportLine {
    Item(Stored<Item>),
    Case(Stored<Case>),
}

/// The store. Cheap to clone (sled handles are reference-counted).
#[derive(Clone)]
pub struct Store {
    path: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    items: sled::Tree,
    items_by_time: sled::Tree,
    cases: sled::Tree,
    cases_by_last_seen: sled::Tree,
    case_items: sled::Tree,
    changes: sled::Tree,
    sources: sled::Tree,
    alert_marks: sled::Tree,
    outbox: sled::Tree,
    outbox_dead: sled::Tree,
    /// Case rows for lists and statistics; see [`index`].
    index: Arc<RwLock<CaseIndex>>,
    /// Number of items, counted once at open and kept up to date.
    item_count: Arc<std::sync::atomic::AtomicUsize>,
    /// Deliveries in the outbox, counted once at open and kept up to date:
    /// sled's `Tree::len` walks the whole tree.
    outbox_count: Arc<std::sync::atomic::AtomicUsize>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the store in directory `path`, checking its schema
    /// version.
    pub fn open(path: &Path) -> Result<Store> {
        let path = path.to_path_buf();
        let db = sled::Config::new()
            .path(&path)
            // sled's default cache is 1 GiB; a monitoring box has better uses.
            .cache_capacity(64 << 20)
            .open()
            .map_err(|e| classify_open_error(&path, e))?;
        let sled_err = |e| sled_error(&path, e);
        let meta = db.open_tree(schema::META).map_err(sled_err)?;
        match meta.get(schema::SCHEMA_KEY).map_err(sled_err)? {
            None => {
                meta.insert(schema::SCHEMA_KEY, &schema::SCHEMA_VERSION.to_be_bytes())
                    .map_err(sled_err)?;
            }
            Some(v) => {
                let found = v.as_ref().try_into().map(u32::from_be_bytes).map_err(|_| {
                    StoreError::Corrupt {
                        path: path.clone(),
                        detail: "the schema version record is malformed".into(),
                    }
                })?;
                if found > schema::SCHEMA_VERSION {
                    return Err(StoreError::TooNew {
                        path,
                        found,
                        supported: schema::SCHEMA_VERSION,
                    });
                }
                // Version 1 is the first; older versions would be migrated here.
            }
        }
        let tree = |name: &str| db.open_tree(name).map_err(|e| sled_error(&path, e));
        let store = Store {
            meta,
            items: tree(schema::ITEMS)?,
            items_by_time: tree(schema::ITEMS_BY_TIME)?,
            cases: tree(schema::CASES)?,
            cases_by_last_seen: tree(schema::CASES_BY_LAST_SEEN)?,
            case_items: tree(schema::CASE_ITEMS)?,
            changes: tree(schema::CHANGES)?,
            sources: tree(schema::SOURCES)?,
            alert_marks: tree(schema::ALERT_MARKS)?,
            outbox: tree(schema::OUTBOX)?,
            outbox_dead: tree(schema::OUTBOX_DEAD)?,
            path,
            db,
            index: Arc::default(),
            item_count: Arc::default(),
            outbox_count: Arc::default(),
        };
        store
            .item_count
            .store(store.items.len(), std::sync::atomic::Ordering::Relaxed);
        store
            .outbox_count
            .store(store.outbox.len(), std::sync::atomic::Ordering::Relaxed);
        // Stores written before the counter existed: start past their cases.
        if let Some((k, _)) = store.cases.last().map_err(|e| store.err(e))? {
            store.case_id_at_least(k.as_ref().try_into().map_or(0, u64::from_be_bytes))?;
        }
        {
            let mut index = store.index_mut();
            for case in store.cases() {
                index.upsert(&case?);
            }
        }
        Ok(store)
    }

    /// The store directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every write so far durable. Call before acknowledging writes.
    pub fn flush(&self) -> Result<()> {
        self.db.flush().map(|_| ()).map_err(|e| self.err(e))
    }

    /// A new case id: 1, 2, 3… An id is never reused once a case with it
    /// is durable (the counter is written before the case, and sled recovers
    /// a prefix of writes).
    pub fn new_case_id(&self) -> Result<u64> {
        let next = self
            .meta
            .update_and_fetch(schema::LAST_CASE_ID_KEY, |old| {
                let last = old
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, u64::from_be_bytes);
                Some((last + 1).to_be_bytes().to_vec())
            })
            .map_err(|e| self.err(e))?;
        next.as_deref()
            .and_then(|b| b.try_into().ok())
            .map(u64::from_be_bytes)
            .ok_or_else(|| StoreError::Corrupt {
                path: self.path.clone(),
                detail: "the case id counter is malformed".into(),
            })
    }
    /// Moves the case id counter to at least `id` (after an import).
    fn case_id_at_least(&self, id: u64) -> Result<()> {
        self.meta
            .update_and_fetch(schema::LAST_CASE_ID_KEY, |old| {
                let last = old
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, u64::from_be_bytes);
                Some(last.max(id).to_be_bytes().to_vec())
            })
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Writes an item and, if given, its case, with their indexes and change
    /// records, atomically. Not durable until [`Store::flush`].
    pub fn write(&self, item: &Item, case: Option<&Case>, now: DateTime<Utc>) -> Result<()> {
        let cases = match case {
            Some(c) => std::slice::from_ref(c),
            None => &[],
        };
        self.write_batch(std::slice::from_ref(item), cases, now)
    }

    /// Writes items and cases with their indexes and change records in one
    /// transaction: all or nothing. One transaction per batch instead of per
    /// item is what makes bulk ingest fast. Items are written in order (a
    /// repeated id: the last wins); each case once, as given. Not durable
    /// until [`Store::flush`].
    pub fn write_batch(&self, items: &[Item], cases: &[Case], now: DateTime<Utc>) -> Result<()> {
        let item_values: Vec<Vec<u8>> = items.iter().map(encode).collect();
        let case_values: Vec<Vec<u8>> = cases.iter().map(encode).collect();
        let old_case_keys = self.case_time_keys(cases)?;
        // The time-index key each item has now, following repeats in the batch.
        let mut old_item_keys: Vec<Option<Vec<u8>>> = Vec::with_capacity(items.len());
        let mut seen: std::collections::HashMap<&str, Vec<u8>> = Default::default();
        let mut new_items = 0;
        for item in items {
            let old = match seen.get(item.id.as_str()) {
                Some(k) => Some(k.clone()),
                None => self
                    .item(&item.id)?
                    .map(|old| schema::item_time_key(old.ingested_at, &old.id)),
            };
            if old.is_none() {
                new_items += 1;
            }
            old_item_keys.push(old);
            seen.insert(&item.id, schema::item_time_key(item.ingested_at, &item.id));
        }
        let result = (
            &self.items,
            &self.items_by_time,
            &self.cases,
            &self.cases_by_last_seen,
            &self.case_items,
            &self.changes,
        )
            .transaction(
                |(items_tree, by_time, cases_tree, cases_by_time, case_items, changes)| {
                    for ((item, value), old_key) in
                        items.iter().zip(&item_values).zip(&old_item_keys)
                    {
                        if let Some(k) = old_key {
                            by_time.remove(k.as_slice())?;
                        }
                        by_time.insert(schema::item_time_key(item.ingested_at, &item.id), &[])?;
                        put_item(items_tree, case_items, changes, item, value, None, now)?;
                    }
                    for ((c, v), old_key) in cases.iter().zip(&case_values).zip(&old_case_keys) {
                        put_case(
                            cases_tree,
                            cases_by_time,
                            changes,
                            c,
                            v,
                            old_key.as_deref(),
                            now,
                        )?;
                    }
                    Ok::<(), ConflictableTransactionError<()>>(())
                },
            );
        result.map_err(|e| self.tx_err(e))?;
        self.item_count
            .fetch_add(new_items, std::sync::atomic::Ordering::Relaxed);
        if !cases.is_empty() {
            let mut index = self.index_mut();
            for c in cases {
                index.upsert(c);
            }
        }
        Ok(())
    }

    /// Moves items between cases (an analyst's merge or split) and writes
    /// the cases involved, in one transaction: each item's case-items key
    /// leaves its old case and joins its new one (`item.case_id`), with
    /// change records for every item and case. Not durable until
    /// [`Store::flush`].
    pub fn regroup(&self, moves: &[(Item, u64)], cases: &[Case], now: DateTime<Utc>) -> Result<()> {
        let item_values: Vec<Vec<u8>> = moves.iter().map(|(i, _)| encode(i)).collect();
        let case_values: Vec<Vec<u8>> = cases.iter().map(encode).collect();
        let old_case_keys = self.case_time_keys(cases)?;
        let result = (
            &self.items,
            &self.cases,
            &self.cases_by_last_seen,
            &self.case_items,
            &self.changes,
        )
            .transaction(
                |(items_tree, cases_tree, cases_by_time, case_items, changes)| {
                    for ((item, old_case), value) in moves.iter().zip(&item_values) {
                        put_item(
                            items_tree,
                            case_items,
                            changes,
                            item,
                            value,
                            Some(*old_case),
                            now,
                        )?;
                    }
                    for ((c, v), old_key) in cases.iter().zip(&case_values).zip(&old_case_keys) {
                        put_case(
                            cases_tree,
                            cases_by_time,
                            changes,
                            c,
                            v,
                            old_key.as_deref(),
                            now,
                        )?;
                    }
                    Ok::<(), ConflictableTransactionError<()>>(())
                },
            );
        result.map_err(|e| self.tx_err(e))?;
        let mut index = self.index_mut();
        for c in cases {
            index.upsert(c);
        }
        Ok(())
    }

    /// The time-index key each case has in the store now (`None` for a new
    /// case), read before a transaction that rewrites them.
    fn case_time_keys(&self, cases: &[Case]) -> Result<Vec<Option<Vec<u8>>>> {
        cases
            .iter()
            .map(|c| {
                Ok(self
                    .case(c.id)?
                    .map(|old| schema::case_time_key(old.last_seen, old.id)))
            })
            .collect()
    }

    /// Writes a case (after an analyst's action), with its index and a change.
    pub fn write_case(&self, case: &Case, now: DateTime<Utc>) -> Result<()> {
        let value = encode(case);
        let old_key = self
            .case(case.id)?
            .map(|old| schema::case_time_key(old.last_seen, old.id));
        let result = (&self.cases, &self.cases_by_last_seen, &self.changes).transaction(
            |(cases, by_time, changes)| {
                put_case(
                    cases,
                    by_time,
                    changes,
                    case,
                    &value,
                    old_key.as_deref(),
                    now,
                )?;
                Ok::<(), ConflictableTransactionError<()>>(())
            },
        );
        result.map_err(|e| self.tx_err(e))?;
        self.index_mut().upsert(case);
        Ok(())
    }

    /// One page of cases matching `filter`, in `sort` order, after `cursor`
    /// (from a previous page of the same sort). Pages after the first show
    /// the list as it was at the first page.
    pub fn case_page(
        &self,
        filter: &CaseFilter,
        sort: CaseSort,
        cursor: Option<&Cursor>,
        limit: usize,
        now: DateTime<Utc>,
    ) -> Result<CasePage> {
        let page = self.index().page(filter, sort, cursor, limit, now)?;
        let mut cases = Vec::with_capacity(page.ids.len());
        for id in page.ids {
            if let Some(c) = self.case(id)? {
                cases.push(c);
            }
        }
        Ok(CasePage {
            cases,
            total: page.total,
            next_cursor: page.next.map(|c| c.encode()),
        })
    }

    /// The current rows of the cases `keep` accepts, in no order: a
    /// snapshot for statistics and counts, taken without decoding a case.
    pub fn case_rows(&self, keep: impl Fn(&CaseRow) -> bool) -> Vec<Arc<CaseRow>> {
        self.index().rows_where(keep)
    }

    /// The case index's version: it changes with every committed case write,
    /// so a page can tell whether what it shows is still current.
    pub fn case_version(&self) -> u64 {
        self.index().version()
    }

    fn index(&self) -> RwLockReadGuard<'_, CaseIndex> {
        // A poisoned lock means a panic mid-update of an in-memory cache whose
        // every update is a single insert; the data is still consistent.
        self.index.read().unwrap_or_else(|p| p.into_inner())
    }

    fn index_mut(&self) -> RwLockWriteGuard<'_, CaseIndex> {
        self.index.write().unwrap_or_else(|p| p.into_inner())
    }

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
        let range: Box<dyn Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>> =
            match filter.case_id {
                // A case's items come from its own index, oldest first; list
                // them newest first like the rest.
                Some(case_id) => Box::new(
                    self.case_items
                        .scan_prefix(schema::case_key(case_id))
                        .map(|kv| kv.map(|(k, v)| (sled::IVec::from(&k[8..]), v)))
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
            let (k, _) = kv.map_err(|e| self.err(e))?;
            last_key = Some(k.to_vec());
            let id = String::from_utf8_lossy(&k[8..]).into_owned();
            if let Some(item) = self.item(&id)?
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
        match self.items.get(id.as_bytes()).map_err(|e| self.err(e))? {
            Some(v) => self.decode("item", id, &v).map(Some),
            None => Ok(None),
        }
    }

    /// The case with id `id`.
    pub fn case(&self, id: u64) -> Result<Option<Case>> {
        match self
            .cases
            .get(schema::case_key(id))
            .map_err(|e| self.err(e))?
        {
            Some(v) => self.decode("case", &id.to_string(), &v).map(Some),
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
            let id = String::from_utf8_lossy(&k[16..]).into_owned();
            if let Some(item) = self.item(&id)?
                && item.case_id == Some(case_id)
            {
                out.push(item);
            }
        }
        Ok(out)
    }

    /// Cases whose last item was seen at or after `since`, most recent first.
    pub fn cases_seen_since(&self, since: DateTime<Utc>) -> Result<Vec<Case>> {
        let mut out = Vec::new();
        for kv in self
            .cases_by_last_seen
            .range(schema::time_key(since).to_vec()..)
            .rev()
        {
            let (k, _) = kv.map_err(|e| self.err(e))?;
            let Some(id) = k
                .get(8..16)
                .and_then(|b| b.try_into().ok())
                .map(u64::from_be_bytes)
            else {
                continue;
            };
            if let Some(c) = self.case(id)? {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// Every case, by id.
    pub fn cases(&self) -> impl Iterator<Item = Result<Case>> + '_ {
        self.cases.iter().map(move |kv| {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            let id = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            self.decode("case", &id.to_string(), &v)
        })
    }

    /// Items ingested at or after `since`, oldest first.
    pub fn items_since(&self, since: DateTime<Utc>) -> impl Iterator<Item = Result<Item>> + '_ {
        self.items_by_time
            .range(schema::time_key(since).to_vec()..)
            .filter_map(move |kv| match kv {
                Err(e) => Some(Err(self.err(e))),
                Ok((k, _)) => {
                    let id = String::from_utf8_lossy(&k[8..]).into_owned();
                    self.item(&id).transpose()
                }
            })
    }

    /// Bytes the store takes on disk (0 when sled cannot tell).
    pub fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }

    /// Number of items and cases (kept in memory: sled counts by scanning).
    pub fn counts(&self) -> (usize, usize) {
        (
            self.item_count.load(std::sync::atomic::Ordering::Relaxed),
            self.index().len(),
        )
    }

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

    /// Writes items and/or cases as JSON Lines (`{"type":"item",…}`).
    /// Items are those ingested at or after `since`; cases those seen since.
    pub fn export(
        &self,
        out: &mut impl Write,
        since: DateTime<Utc>,
        what: ExportWhat,
    ) -> Result<usize> {
        let mut n = 0;
        if what != ExportWhat::Items {
            for c in self.cases() {
                let c = c?;
                if c.last_seen >= since {
                    write_line(out, &ExportLine::Case(stored(c)))?;
                    n += 1;
                }
            }
        }
        if what != ExportWhat::Cases {
            for item in self.items_since(since) {
                write_line(out, &ExportLine::Item(stored(item?)))?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Reads an export stream back; records replace those with the same id.
    /// Flushes at the end. Returns the number of records written.
    pub fn import(&self, input: impl BufRead, now: DateTime<Utc>) -> Result<usize> {
        let mut n = 0;
        for (i, line) in input.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let parsed: ExportLine =
                serde_json::from_str(&line).map_err(|e| StoreError::Import {
                    line: i + 1,
                    message: e.to_string(),
                })?;
            match parsed {
                ExportLine::Item(s) => {
                    check_schema(s.schema, i + 1)?;
                    self.write(&s.value, None, now)?;
                }
                ExportLine::Case(s) => {
                    check_schema(s.schema, i + 1)?;
                    self.case_id_at_least(s.value.id)?;
                    self.write_case(&s.value, now)?;
                }
            }
            n += 1;
        }
        self.flush()?;
        Ok(n)
    }

    fn decode<T: DeserializeOwned>(&self, what: &'static str, id: &str, bytes: &[u8]) -> Result<T> {
        serde_json::from_slice::<Stored<T>>(bytes)
            .map(|s| s.value)
            .map_err(|source| StoreError::Decode {
                path: self.path.clone(),
                what,
                id: id.to_string(),
                source,
            })
    }

    fn tx_err(&self, e: TransactionError<()>) -> StoreError {
        match e {
            TransactionError::Storage(e) => self.err(e),
            // Our closures never abort; sled would report a bug here.
            TransactionError::Abort(()) => {
                self.err(sled::Error::ReportableBug("transaction aborted".into()))
            }
        }
    }

    fn err(&self, e: sled::Error) -> StoreError {
        sled_error(&self.path, e)
    }
}

/// Items examined at most by one [`Store::item_page`] call.
pub const ITEM_SCAN_BUDGET: usize = 20_000;

/// A page of cases.
#[derive(Debug, Clone, Serialize)]
pub struct CasePage {
    /// The cases, in order.
    pub cases: Vec<Case>,
    /// Matching cases in the list's snapshot.
    pub total: usize,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

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

/// Writes a case, moves its time-index entry and records the change, inside
/// a transaction.
/// Writes an item, its place among its case's items (leaving `left_case`
/// when it moved) and a change record, inside a transaction.
fn put_item(
    items: &TransactionalTree,
    case_items: &TransactionalTree,
    changes: &TransactionalTree,
    item: &Item,
    value: &[u8],
    left_case: Option<u64>,
    now: DateTime<Utc>,
) -> std::result::Result<(), ConflictableTransactionError<()>> {
    items.insert(item.id.as_bytes(), value)?;
    if let Some(old) = left_case {
        case_items.remove(schema::case_item_key(old, item.ingested_at, &item.id))?;
    }
    if let Some(case_id) = item.case_id {
        case_items.insert(
            schema::case_item_key(case_id, item.ingested_at, &item.id),
            &[],
        )?;
    }
    // Sequence numbers start at 1 so that `after=0` means "from the start".
    let seq = changes.generate_id()? + 1;
    changes.insert(
        &seq.to_be_bytes(),
        change(seq, now, ChangeKind::Item, &item.id),
    )?;
    Ok(())
}

fn put_case(
    cases: &TransactionalTree,
    by_time: &TransactionalTree,
    changes: &TransactionalTree,
    case: &Case,
    value: &[u8],
    old_time_key: Option<&[u8]>,
    now: DateTime<Utc>,
) -> std::result::Result<(), ConflictableTransactionError<()>> {
    cases.insert(&schema::case_key(case.id), value)?;
    if let Some(k) = old_time_key {
        by_time.remove(k)?;
    }
    by_time.insert(schema::case_time_key(case.last_seen, case.id), &[])?;
    // Sequence numbers start at 1 so that `after=0` means "from the start".
    let seq = changes.generate_id()? + 1;
    changes.insert(
        &seq.to_be_bytes(),
        change(seq, now, ChangeKind::Case, &case.id.to_string()),
    )?;
    Ok(())
}

fn check_schema(found: u32, line: usize) -> Result<()> {
    if found > schema::SCHEMA_VERSION {
        return Err(StoreError::Import {
            line,
            message: format!(
                "record has schema version {found}, newer than this yuqing ({})",
                schema::SCHEMA_VERSION
            ),
        });
    }
    Ok(())
}

fn stored<T>(value: T) -> Stored<T> {
    Stored {
        schema: schema::SCHEMA_VERSION,
        value,
    }
}

/// JSON of a record in its `Stored` envelope. Our own types always encode.
fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(&stored(value)).unwrap_or_default()
}

fn change(seq: u64, at: DateTime<Utc>, kind: ChangeKind, id: &str) -> Vec<u8> {
    encode(&Change {
        seq,
        at,
        kind,
        id: id.to_string(),
    })
}

fn write_line<T: Serialize>(out: &mut impl Write, value: &T) -> Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn classify_open_error(path: &Path, e: sled::Error) -> StoreError {
    match &e {
        sled::Error::Io(io) if io.kind() == std::io::ErrorKind::WouldBlock => StoreError::Locked {
            path: path.to_path_buf(),
        },
        _ => sled_error(path, e),
    }
}

fn sled_error(path: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Corruption { at, .. } => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("at {at:?}"),
        },
        source => StoreError::Sled {
            path: path.to_path_buf(),
            source,
        },
    }
}
