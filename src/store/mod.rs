//! The sled store: items, cases, their indexes, source states, the changes
//! feed and the alert outbox. Nothing else in the crate touches sled. The
//! layout is in [`schema`] and `docs/store.md`.
//!
//! One file per entity, each an `impl Store` block with that entity's
//! records and queries: [`items`], [`cases`] (with the in-memory case index
//! behind [`Store::case_rows`] and [`Store::case_page`]), [`sources`],
//! [`changes`], [`outbox`], [`export`]; [`writes`] holds the transactions
//! that write items together with their cases. Callers get records and
//! snapshots, never a lock.
//!
//! sled lets one process open a database at a time and has no read-only
//! mode, so other tools read through the daemon's API, `yuqing export`, or
//! this module from their own process while the daemon is stopped.

pub mod cases;
pub mod changes;
pub mod export;
mod index;
pub mod items;
mod known;
mod migrate;
pub mod outbox;
mod reports;
pub mod schema;
pub mod sources;
pub mod writes;

pub use cases::CasePage;
pub use export::ExportWhat;
pub use index::{CaseFilter, CaseRow, CaseSort, Cursor, PageError};
pub use items::{ITEM_SCAN_BUDGET, ItemFilter, ItemPage};
pub use sources::SourceState;

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::transaction::TransactionError;

use index::CaseIndex;
use schema::Stored;

/// Errors of the store, each naming the store path or the record.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the database.
    #[error(
        "the store {path} is in use by another process (sled allows only one at a time): stop the daemon first, or read through its API"
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

/// The store. Cheap to clone (sled handles are reference-counted).
#[derive(Clone)]
pub struct Store {
    path: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    items_by_time: sled::Tree,
    item_ids: sled::Tree,
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
    /// Where each stored item is; see [`known`].
    known: Arc<RwLock<known::KnownIds>>,
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
        let db = open_when_released(&path)?;
        let sled_err = |e| sled_error(&path, e);
        let meta = db.open_tree(schema::META).map_err(sled_err)?;
        let layout =
            match meta.get(schema::SCHEMA_KEY).map_err(sled_err)? {
                // A new store, or one written before the version was recorded
                // (then it is of layout 1 if it has the old items tree).
                None if has_tree(&db, schema::V1_ITEMS) => 1,
                None => schema::LAYOUT_VERSION,
                Some(v) => v.as_ref().try_into().map(u32::from_be_bytes).map_err(|_| {
                    StoreError::Corrupt {
                        path: path.clone(),
                        detail: "the schema version record is malformed".into(),
                    }
                })?,
            };
        if layout > schema::LAYOUT_VERSION {
            return Err(StoreError::TooNew {
                path,
                found: layout,
                supported: schema::LAYOUT_VERSION,
            });
        }
        if layout < 2 {
            migrate::layout_1_to_2(&db, &path)?;
        }
        meta.insert(schema::SCHEMA_KEY, &schema::LAYOUT_VERSION.to_be_bytes())
            .map_err(sled_err)?;
        if layout < 2 {
            db.flush().map_err(sled_err)?;
        }
        // A migration that stopped after recording the new layout leaves
        // the old tree behind: it is garbage now.
        if has_tree(&db, schema::V1_ITEMS) {
            db.drop_tree(schema::V1_ITEMS).map_err(sled_err)?;
        }
        let tree = |name: &str| db.open_tree(name).map_err(|e| sled_error(&path, e));
        let store = Store {
            meta,
            items_by_time: tree(schema::ITEMS_BY_TIME)?,
            item_ids: tree(schema::ITEM_IDS)?,
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
            known: Arc::default(),
            outbox_count: Arc::default(),
        };
        // One pass over the small key tree counts the items and maps each
        // id to its time.
        let mut known = known::KnownIds::default();
        for key in store.item_ids.iter().keys() {
            let key = key.map_err(|e| store.err(e))?;
            if let Some(time) = key.get(..8).and_then(|t| <[u8; 8]>::try_from(t).ok()) {
                known.insert(&String::from_utf8_lossy(&key[8..]), time);
            }
        }
        *store.known_mut() = known;
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

    fn known(&self) -> std::sync::RwLockReadGuard<'_, known::KnownIds> {
        // Poisoned only by a panic inside an insert of bits: still a superset.
        self.known.read().unwrap_or_else(|p| p.into_inner())
    }

    fn known_mut(&self) -> std::sync::RwLockWriteGuard<'_, known::KnownIds> {
        self.known.write().unwrap_or_else(|p| p.into_inner())
    }

    /// The store directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every write so far durable. Call before acknowledging writes.
    pub fn flush(&self) -> Result<()> {
        self.db.flush().map(|_| ()).map_err(|e| self.err(e))
    }

    /// Bytes the store takes on disk (0 when sled cannot tell).
    pub fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }

    /// Number of items and cases (kept in memory: sled counts by scanning).
    pub fn counts(&self) -> (usize, usize) {
        (self.known().len(), self.index().len())
    }

    /// Reads a record out of its [`Stored`] envelope. The record is read
    /// straight from the JSON, its `schema` field skipped as unknown:
    /// through `Stored`'s `#[serde(flatten)]` serde first buffers every
    /// value of the record into its own tree, and a case of two dozen
    /// members' topics cost more to read with every item it grew by.
    fn decode<T: DeserializeOwned>(&self, what: &'static str, id: &str, bytes: &[u8]) -> Result<T> {
        serde_json::from_slice::<T>(bytes).map_err(|source| StoreError::Decode {
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

/// True when the database has a tree named `name`.
fn has_tree(db: &sled::Db, name: &str) -> bool {
    db.tree_names()
        .iter()
        .any(|n| n.as_ref() == name.as_bytes())
}

/// How long [`Store::open`] waits for sled's file lock. sled releases it
/// only when its flusher thread ends, up to a flush interval (500 ms) after
/// the last handle is dropped, so a store closed a moment ago in this
/// process (a test, an embedding tool, a restart in place) is briefly
/// still "in use". A daemon that really holds it is reported after this.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

fn open_when_released(path: &Path) -> Result<sled::Db> {
    let started = std::time::Instant::now();
    loop {
        let opened = sled::Config::new()
            .path(path)
            // sled's default cache is 1 GiB; a monitoring box has better uses.
            .cache_capacity(64 << 20)
            .open()
            .map_err(|e| classify_open_error(path, e));
        match opened {
            Err(StoreError::Locked { .. }) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

fn classify_open_error(path: &Path, e: sled::Error) -> StoreError {
    match &e {
        // sled 0.34 reports its file lock held elsewhere as an I/O error of
        // kind Other ("could not acquire lock on …: WouldBlock").
        sled::Error::Io(io)
            if io.kind() == std::io::ErrorKind::WouldBlock
                || io.to_string().contains("could not acquire lock") =>
        {
            StoreError::Locked {
                path: path.to_path_buf(),
            }
        }
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
