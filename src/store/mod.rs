//! The sled store: items, cases, their indexes and the changes feed. Nothing
//! else in the crate touches sled. The layout is in [`schema`] and
//! `docs/store.md`.
//!
//! sled lets one process open a database at a time and has no read-only
//! mode, so other tools read through the daemon's API, `yuqing export`, or
//! this module from their own process while the daemon is stopped.

pub mod schema;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};

use crate::cases::Case;
use crate::item::Item;
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
    items: sled::Tree,
    items_by_time: sled::Tree,
    cases: sled::Tree,
    cases_by_last_seen: sled::Tree,
    case_items: sled::Tree,
    changes: sled::Tree,
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
        Ok(Store {
            items: tree(schema::ITEMS)?,
            items_by_time: tree(schema::ITEMS_BY_TIME)?,
            cases: tree(schema::CASES)?,
            cases_by_last_seen: tree(schema::CASES_BY_LAST_SEEN)?,
            case_items: tree(schema::CASE_ITEMS)?,
            changes: tree(schema::CHANGES)?,
            path,
            db,
        })
    }

    /// The store directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every write so far durable. Call before acknowledging writes.
    pub fn flush(&self) -> Result<()> {
        self.db.flush().map(|_| ()).map_err(|e| self.err(e))
    }

    /// A new case id (monotonic, never reused, crash-safe).
    pub fn new_case_id(&self) -> Result<u64> {
        self.db
            .generate_id()
            .map(|id| id + 1)
            .map_err(|e| self.err(e))
    }

    /// Writes an item and, if given, its case, with their indexes and change
    /// records, atomically. Not durable until [`Store::flush`].
    pub fn write(&self, item: &Item, case: Option<&Case>, now: DateTime<Utc>) -> Result<()> {
        let item_value = encode(item);
        let case_value = case.map(encode);
        let old_case_key = match case {
            Some(c) => self
                .case(c.id)?
                .map(|old| schema::case_time_key(old.last_seen, old.id)),
            None => None,
        };
        let old_item_time = self
            .item(&item.id)?
            .map(|old| schema::item_time_key(old.ingested_at, &old.id));
        let result = (
            &self.items,
            &self.items_by_time,
            &self.cases,
            &self.cases_by_last_seen,
            &self.case_items,
            &self.changes,
        )
            .transaction(
                |(items, by_time, cases, cases_by_time, case_items, changes)| {
                    items.insert(item.id.as_bytes(), item_value.as_slice())?;
                    if let Some(k) = &old_item_time {
                        by_time.remove(k.as_slice())?;
                    }
                    by_time.insert(schema::item_time_key(item.ingested_at, &item.id), &[])?;
                    if let Some(case_id) = item.case_id {
                        case_items.insert(
                            schema::case_item_key(case_id, item.ingested_at, &item.id),
                            &[],
                        )?;
                    }
                    let seq = changes.generate_id()?;
                    changes.insert(
                        &seq.to_be_bytes(),
                        change(seq, now, ChangeKind::Item, &item.id),
                    )?;
                    if let (Some(c), Some(v)) = (case, &case_value) {
                        put_case(
                            cases,
                            cases_by_time,
                            changes,
                            c,
                            v,
                            old_case_key.as_deref(),
                            now,
                        )?;
                    }
                    Ok::<(), ConflictableTransactionError<()>>(())
                },
            );
        result.map_err(|e| self.tx_err(e))
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
        result.map_err(|e| self.tx_err(e))
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
        let mut out = Vec::new();
        for kv in self.case_items.scan_prefix(schema::case_key(case_id)) {
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

    /// Number of items and cases.
    pub fn counts(&self) -> (usize, usize) {
        (self.items.len(), self.cases.len())
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

/// Writes a case, moves its time-index entry and records the change, inside
/// a transaction.
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
    let seq = changes.generate_id()?;
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
