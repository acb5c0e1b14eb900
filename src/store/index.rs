//! The in-memory case index: one small row per case, kept beside sled so
//! that filtered, sorted case lists and statistics never decode every case.
//! It is rebuilt from the `cases` tree when the store opens, and updated
//! after every committed case write, so it can never hold what sled lost.
//!
//! Rows are versioned: a superseded row is kept for [`SNAPSHOT_TTL`] so that
//! a client paging through a list sees the list as it was at its first page
//! (a snapshot), even while new items move cases around.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::cases::{Case, CaseStatus, Deadlines, overdue_kinds};
use crate::classify::{Category, Flag, Severity};

/// How long a list snapshot stays valid for paging.
pub const SNAPSHOT_TTL: Duration = Duration::from_secs(15 * 60);
/// Superseded rows kept at most, whatever their age (bounds memory under a
/// burst of writes).
const MAX_SUPERSEDED: usize = 200_000;

/// What the index keeps of a case: everything lists filter, sort and count
/// on.
#[derive(Debug, Clone)]
pub struct CaseRow {
    /// Case id.
    pub id: u64,
    /// Index version at which this row became current.
    pub version: u64,
    /// Workflow state.
    pub status: CaseStatus,
    /// Categories.
    pub categories: Vec<Category>,
    /// Flags.
    pub flags: Vec<Flag>,
    /// Regions.
    pub regions: Vec<String>,
    /// Severity.
    pub severity: Severity,
    /// First seen.
    pub first_seen: DateTime<Utc>,
    /// Last seen.
    pub last_seen: DateTime<Utc>,
    /// Deadlines.
    pub deadlines: Deadlines,
    /// Due time agreed at assignment.
    pub assignment_due: Option<DateTime<Utc>>,
    /// When the case was handed over (交办).
    pub assigned_at: Option<DateTime<Utc>>,
    /// When the department responded.
    pub responded_at: Option<DateTime<Utc>>,
    /// Assigned department, else the suggested one.
    pub department: Option<String>,
    /// Lower-cased title and top terms, for text queries.
    pub search_text: String,
}

impl CaseRow {
    /// The row of `case`.
    pub fn of(case: &Case, version: u64) -> Self {
        let mut search_text = case.title.to_lowercase();
        for t in &case.top_terms {
            search_text.push('\n');
            search_text.push_str(&t.to_lowercase());
        }
        CaseRow {
            id: case.id,
            version,
            status: case.status,
            categories: case.categories.clone(),
            flags: case.flags.clone(),
            regions: case.regions.clone(),
            severity: case.severity,
            first_seen: case.first_seen,
            last_seen: case.last_seen,
            deadlines: case.deadlines,
            assignment_due: case.assignment.as_ref().and_then(|a| a.due),
            assigned_at: case.assignment.as_ref().map(|a| a.at),
            responded_at: case.response.as_ref().map(|r| r.at),
            department: case.responsible_department().map(str::to_string),
            search_text,
        }
    }

    /// Overdue deadline kinds at `now`.
    pub fn overdue(&self, now: DateTime<Utc>) -> Vec<&'static str> {
        overdue_kinds(self.status, &self.deadlines, self.assignment_due, now)
    }

    /// True when some due time has passed without a response.
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        !self.overdue(now).is_empty()
    }

    /// The next due time that still matters (none once settled).
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        if self.status.is_settled() {
            return None;
        }
        [self.deadlines.earliest(), self.assignment_due]
            .into_iter()
            .flatten()
            .min()
    }
}

/// Which cases a list returns. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Any of these statuses.
    pub statuses: Vec<CaseStatus>,
    /// Any of these categories.
    pub categories: Vec<Category>,
    /// At least this severity.
    pub min_severity: Option<Severity>,
    /// This region among the case's regions.
    pub region: Option<String>,
    /// This flag among the case's flags.
    pub flag: Option<Flag>,
    /// Seen at or after (last seen ≥ since).
    pub since: Option<DateTime<Utc>>,
    /// Seen at or before (first seen ≤ until).
    pub until: Option<DateTime<Utc>>,
    /// Overdue (true) or not overdue (false) at the query's time.
    pub overdue: Option<bool>,
    /// Responsible department, exactly.
    pub department: Option<String>,
    /// Case-insensitive substring of the title or a top term.
    pub q: Option<String>,
}

impl CaseFilter {
    fn accepts(&self, row: &CaseRow, now: DateTime<Utc>) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&row.status))
            && (self.categories.is_empty()
                || self.categories.iter().any(|c| row.categories.contains(c)))
            && self.min_severity.is_none_or(|s| row.severity >= s)
            && self
                .region
                .as_ref()
                .is_none_or(|r| row.regions.iter().any(|x| x == r))
            && self.flag.is_none_or(|f| row.flags.contains(&f))
            && self.since.is_none_or(|t| row.last_seen >= t)
            && self.until.is_none_or(|t| row.first_seen <= t)
            && self
                .overdue
                .is_none_or(|overdue| overdue == row.is_overdue(now))
            && self
                .department
                .as_ref()
                .is_none_or(|d| row.department.as_deref() == Some(d))
            && self
                .q
                .as_ref()
                .is_none_or(|q| row.search_text.contains(&q.to_lowercase()))
    }
}

/// The order of a case list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseSort {
    /// Most recently seen first (the default).
    #[default]
    LastSeen,
    /// Gravest first, then most recently seen.
    Severity,
    /// Nearest open due time first; settled cases last.
    Due,
    /// Newest case first.
    Created,
    /// Gravest first, then the nearest open due time (overdue ones first),
    /// then most recently seen: the duty queue's order.
    Urgency,
}

impl CaseSort {
    /// Every sort, by name.
    pub const ALL: [CaseSort; 5] = [
        CaseSort::LastSeen,
        CaseSort::Severity,
        CaseSort::Due,
        CaseSort::Created,
        CaseSort::Urgency,
    ];

    /// The name used in queries and cursors.
    pub fn name(self) -> &'static str {
        match self {
            CaseSort::LastSeen => "last_seen",
            CaseSort::Severity => "severity",
            CaseSort::Due => "due",
            CaseSort::Created => "created",
            CaseSort::Urgency => "urgency",
        }
    }

    /// Parses a name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.name() == s)
    }

    /// An ascending key: the list is rows in key order. The id makes every
    /// key unique, so a cursor is exact.
    fn key(self, row: &CaseRow) -> SortKey {
        let inv_id = u64::MAX - row.id;
        match self {
            CaseSort::LastSeen => (-row.last_seen.timestamp_millis(), 0, inv_id),
            CaseSort::Severity => (
                -(row.severity as i64),
                -row.last_seen.timestamp_millis(),
                inv_id,
            ),
            CaseSort::Due => (
                row.next_due().map_or(i64::MAX, |d| d.timestamp_millis()),
                0,
                row.id,
            ),
            CaseSort::Created => (0, 0, inv_id),
            CaseSort::Urgency => (
                -(row.severity as i64),
                row.next_due().map_or(i64::MAX, |d| d.timestamp_millis()),
                inv_id,
            ),
        }
    }
}

type SortKey = (i64, i64, u64);

/// Where the next page starts: the snapshot and the last key returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// Index version of the snapshot.
    pub as_of: u64,
    /// The sort it was made for.
    pub sort: CaseSort,
    key: SortKey,
}

impl Cursor {
    /// The opaque text form clients pass back.
    pub fn encode(&self) -> String {
        format!(
            "c1.{}.{}.{}.{}.{}",
            self.as_of,
            self.sort.name(),
            self.key.0,
            self.key.1,
            self.key.2
        )
    }

    /// Parses [`Cursor::encode`]'s output.
    pub fn decode(s: &str) -> Option<Self> {
        let mut parts = s.split('.');
        if parts.next()? != "c1" {
            return None;
        }
        let as_of = parts.next()?.parse().ok()?;
        let sort = CaseSort::parse(parts.next()?)?;
        let key = (
            parts.next()?.parse().ok()?,
            parts.next()?.parse().ok()?,
            parts.next()?.parse().ok()?,
        );
        if parts.next().is_some() {
            return None;
        }
        Some(Cursor { as_of, sort, key })
    }
}

/// Why a page could not be served.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// The cursor's snapshot is older than the index keeps.
    #[error(
        "the cursor has expired (list snapshots are kept {} minutes); start again without a cursor",
        SNAPSHOT_TTL.as_secs() / 60
    )]
    Expired,
    /// The cursor was made for another sort.
    #[error("the cursor was made for sort={0}; pass the same sort or start again")]
    SortMismatch(&'static str),
}

/// One page of case ids.
#[derive(Debug, Clone)]
pub struct IdPage {
    /// Case ids, in order.
    pub ids: Vec<u64>,
    /// Matching cases in the whole snapshot.
    pub total: usize,
    /// Where the next page starts, if there is one.
    pub next: Option<Cursor>,
}

/// The index itself.
#[derive(Debug, Default)]
pub struct CaseIndex {
    version: u64,
    rows: HashMap<u64, Arc<CaseRow>>,
    /// Superseded rows: (version that superseded it, when, row).
    superseded: VecDeque<(u64, Instant, Arc<CaseRow>)>,
    /// Snapshots older than this can no longer be rebuilt.
    horizon: u64,
}

impl CaseIndex {
    /// Records a committed write of `case`.
    pub fn upsert(&mut self, case: &Case) {
        self.version += 1;
        let row = Arc::new(CaseRow::of(case, self.version));
        if let Some(old) = self.rows.insert(case.id, row) {
            self.superseded
                .push_back((self.version, Instant::now(), old));
        }
        self.prune(Instant::now());
    }

    fn prune(&mut self, now: Instant) {
        while let Some((v, at, _)) = self.superseded.front() {
            if self.superseded.len() > MAX_SUPERSEDED || now.duration_since(*at) > SNAPSHOT_TTL {
                self.horizon = *v;
                self.superseded.pop_front();
            } else {
                break;
            }
        }
    }

    /// Number of cases.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The current version (a snapshot handle).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Every current row.
    pub fn rows(&self) -> impl Iterator<Item = &CaseRow> {
        self.rows.values().map(|r| r.as_ref())
    }

    /// Shared handles on the current rows `keep` accepts.
    pub fn rows_where(&self, keep: impl Fn(&CaseRow) -> bool) -> Vec<Arc<CaseRow>> {
        self.rows.values().filter(|r| keep(r)).cloned().collect()
    }

    /// The rows as they were at version `as_of`.
    fn snapshot(&self, as_of: u64) -> Result<Vec<&CaseRow>, PageError> {
        if as_of < self.horizon {
            return Err(PageError::Expired);
        }
        if as_of >= self.version {
            return Ok(self.rows().collect());
        }
        // For a case changed after `as_of`, the row current at `as_of` is the
        // superseded one that was created by then and replaced after.
        let mut then: HashMap<u64, &CaseRow> = HashMap::new();
        for (superseded_at, _, row) in &self.superseded {
            if *superseded_at > as_of && row.version <= as_of {
                then.insert(row.id, row);
            }
        }
        Ok(self
            .rows
            .values()
            .filter_map(|r| {
                if r.version <= as_of {
                    Some(r.as_ref())
                } else {
                    then.get(&r.id).copied()
                }
            })
            .collect())
    }

    /// One page of matching case ids, in `sort` order, after `cursor`.
    pub fn page(
        &self,
        filter: &CaseFilter,
        sort: CaseSort,
        cursor: Option<&Cursor>,
        limit: usize,
        now: DateTime<Utc>,
    ) -> Result<IdPage, PageError> {
        if let Some(c) = cursor
            && c.sort != sort
        {
            return Err(PageError::SortMismatch(c.sort.name()));
        }
        let as_of = cursor.map_or(self.version, |c| c.as_of);
        let mut keyed: Vec<(SortKey, u64)> = self
            .snapshot(as_of)?
            .into_iter()
            .filter(|r| filter.accepts(r, now))
            .map(|r| (sort.key(r), r.id))
            .collect();
        let total = keyed.len();
        if let Some(c) = cursor {
            keyed.retain(|(k, _)| *k > c.key);
        }
        let limit = limit.max(1);
        let more = keyed.len() > limit;
        if more {
            keyed.select_nth_unstable(limit);
            keyed.truncate(limit);
        }
        keyed.sort_unstable();
        let next = match keyed.last() {
            Some((key, _)) if more => Some(Cursor {
                as_of,
                sort,
                key: *key,
            }),
            _ => None,
        };
        Ok(IdPage {
            ids: keyed.into_iter().map(|(_, id)| id).collect(),
            total,
            next,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration as ChronoDuration;

    fn case(id: u64, at: DateTime<Utc>, severity: Severity) -> Case {
        Case {
            id,
            title: format!("案件{id}"),
            categories: vec![Category::Interest],
            flags: vec![],
            regions: vec!["崇川区".into()],
            severity,
            severity_reasons: vec![],
            severity_override: None,
            categories_overridden: false,
            first_seen: at,
            last_seen: at,
            item_count: 1,
            sources: vec!["s".into()],
            top_terms: vec![],
            simhash: 0,
            event: Default::default(),
            members: Vec::new(),
            last_event: None,
            department: None,
            deadlines: Deadlines::compute(at, &[Category::Interest], severity),
            status: CaseStatus::New,
            assignment: None,
            response: None,
            history: vec![],
            refuted: None,
            merged_into: None,
        }
    }

    #[test]
    fn pages_are_a_snapshot_while_cases_move() {
        let t0 = DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
        let mut index = CaseIndex::default();
        for id in 1..=10 {
            index.upsert(&case(
                id,
                t0 + ChronoDuration::minutes(id as i64),
                Severity::IV,
            ));
        }
        let all = CaseFilter::default();
        let first = index
            .page(&all, CaseSort::LastSeen, None, 4, t0)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first.ids, vec![10, 9, 8, 7]);
        // Case 2 gets a new item (moves to the top), case 11 appears.
        let mut moved = case(2, t0, Severity::IV);
        moved.last_seen = t0 + ChronoDuration::hours(1);
        index.upsert(&moved);
        index.upsert(&case(11, t0 + ChronoDuration::hours(2), Severity::IV));
        let mut seen = first.ids.clone();
        let mut cursor = first.next;
        while let Some(c) = cursor {
            let page = index
                .page(&all, CaseSort::LastSeen, Some(&c), 4, t0)
                .unwrap_or_else(|e| panic!("{e}"));
            seen.extend(&page.ids);
            cursor = page.next;
        }
        assert_eq!(seen, vec![10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        // A fresh list sees the new order.
        let fresh = index
            .page(&all, CaseSort::LastSeen, None, 3, t0)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fresh.ids, vec![11, 2, 10]);
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = Cursor {
            as_of: 7,
            sort: CaseSort::Due,
            key: (-5, i64::MAX, 3),
        };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        for bad in [
            "",
            "c1",
            "c1.x.due.1.2.3",
            "c2.1.due.1.2.3",
            "c1.1.due.1.2.3.4",
        ] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn severity_sort_and_filters() {
        let t0 = DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
        let mut index = CaseIndex::default();
        index.upsert(&case(1, t0, Severity::IV));
        index.upsert(&case(2, t0, Severity::II));
        index.upsert(&case(3, t0 + ChronoDuration::minutes(1), Severity::III));
        let page = index
            .page(&CaseFilter::default(), CaseSort::Severity, None, 10, t0)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page.ids, vec![2, 3, 1]);
        let f = CaseFilter {
            min_severity: Some(Severity::III),
            ..Default::default()
        };
        let page = index
            .page(&f, CaseSort::Created, None, 10, t0)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page.ids, vec![3, 2]);
        // Urgency: gravest first; within a level the nearest due time.
        let mut settled = case(4, t0 - ChronoDuration::hours(1), Severity::II);
        settled.status = CaseStatus::Dismissed;
        index.upsert(&settled);
        index.upsert(&case(5, t0 - ChronoDuration::hours(10), Severity::III));
        let page = index
            .page(&CaseFilter::default(), CaseSort::Urgency, None, 10, t0)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page.ids, vec![2, 4, 5, 3, 1]);
        let overdue = CaseFilter {
            overdue: Some(true),
            ..Default::default()
        };
        let later = t0 + ChronoDuration::hours(49);
        let page = index
            .page(&overdue, CaseSort::Due, None, 10, later)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            page.ids,
            vec![5, 1, 2, 3],
            "the dismissed case owes nothing"
        );
    }
}
