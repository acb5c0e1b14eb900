//! Cases: ids, analysts' writes, reads by id and by last seen, and the
//! lists and statistics served from the in-memory case index.

use std::sync::{Arc, RwLockReadGuard, RwLockWriteGuard};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

use super::index::CaseIndex;
use super::{CaseFilter, CaseRow, CaseSort, Cursor, Result, Store, StoreError, schema};
use crate::cases::Case;

impl Store {
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
    pub(super) fn case_id_at_least(&self, id: u64) -> Result<()> {
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

    /// Writes a case (after an analyst's action), with its index and a change.
    pub fn write_case(&self, case: &Case, now: DateTime<Utc>) -> Result<()> {
        let prepared = self.prepare_cases(std::slice::from_ref(case))?;
        let result = (&self.cases, &self.cases_by_last_seen, &self.changes).transaction(
            |(cases, by_time, changes)| {
                prepared.put(cases, by_time, changes, now)?;
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

    pub(super) fn index(&self) -> RwLockReadGuard<'_, CaseIndex> {
        // A poisoned lock means a panic mid-update of an in-memory cache whose
        // every update is a single insert; the data is still consistent.
        self.index.read().unwrap_or_else(|p| p.into_inner())
    }

    pub(super) fn index_mut(&self) -> RwLockWriteGuard<'_, CaseIndex> {
        self.index.write().unwrap_or_else(|p| p.into_inner())
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
}

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
