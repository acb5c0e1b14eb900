//! Cases as the API shows them.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::*;
use crate::cases::case::Refutation;
use crate::cases::{Assignment, Case, CaseStatus, Deadlines, EventTraits, HistoryEntry};
use crate::classify::{Category, Flag, Severity};

/// Places and event kinds read from a case's items: what grouping compares.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Event)]
pub struct EventView {
    /// Places as `level:name` (`county:澜江`, `site:洋口化工园区`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Fine event kinds (`explosion`, `wages`…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
}

impl EventView {
    /// True when nothing was read.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty() && self.kinds.is_empty()
    }
}

impl From<EventTraits> for EventView {
    fn from(e: EventTraits) -> Self {
        // `recurs` and `follows_up` are grouping cues of one item, `names`
        // are words the dictionary lacks (coinages as often as names) and
        // `topic` weights for comparing reports: nothing for an analyst.
        let EventTraits {
            places,
            kinds,
            recurs: _,
            follows_up: _,
            names: _,
            topic: _,
        } = e;
        EventView { places, kinds }
    }
}

/// The due times of a case.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Deadlines)]
pub struct DeadlinesView {
    /// Authoritative information due (grave emergencies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info_due: Option<DateTime<Utc>>,
    /// Press conference due (grave emergencies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presser_due: Option<DateTime<Utc>>,
    /// Response due (the rest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respond_due: Option<DateTime<Utc>>,
}

impl From<Deadlines> for DeadlinesView {
    fn from(d: Deadlines) -> Self {
        let Deadlines {
            info_due,
            presser_due,
            respond_due,
        } = d;
        DeadlinesView {
            info_due,
            presser_due,
            respond_due,
        }
    }
}

/// The hand-over of a case to a department (交办).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Assignment)]
pub struct AssignmentView {
    /// Responsible department.
    pub department: String,
    /// Person in charge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// Agreed due time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<Utc>>,
    /// When it was handed over.
    pub at: DateTime<Utc>,
}

impl From<Assignment> for AssignmentView {
    fn from(a: Assignment) -> Self {
        let Assignment {
            department,
            assignee,
            due,
            at,
        } = a;
        AssignmentView {
            department,
            assignee,
            due,
            at,
        }
    }
}

/// The department's response (回应).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Response)]
pub struct ResponseView {
    /// Where it was published.
    #[serde(rename = "where")]
    pub place: String,
    /// How.
    pub how: String,
    /// Link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// When it was recorded.
    pub at: DateTime<Utc>,
}

impl From<crate::cases::Response> for ResponseView {
    fn from(r: crate::cases::Response) -> Self {
        let crate::cases::Response {
            place,
            how,
            link,
            at,
        } = r;
        ResponseView {
            place,
            how,
            link,
            at,
        }
    }
}

/// The item that officially refuted a claim of the case (辟谣, 情况说明).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Refutation)]
pub struct RefutationView {
    /// The refuting item.
    pub item_id: String,
    /// Its source.
    pub source: String,
    /// When it was first seen.
    pub at: DateTime<Utc>,
}

impl From<Refutation> for RefutationView {
    fn from(r: Refutation) -> Self {
        let Refutation {
            item_id,
            source,
            at,
        } = r;
        RefutationView {
            item_id,
            source,
            at,
        }
    }
}

/// One entry of a case's history: the action with its fields, who, when,
/// and the status before and after.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = HistoryEntry)]
pub struct HistoryView {
    /// When.
    pub at: DateTime<Utc>,
    /// Who: a token's name, or `system`.
    pub actor: String,
    /// The action.
    #[serde(flatten)]
    pub action: ActionBody,
    /// Free-text note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Status before.
    pub from: CaseStatus,
    /// Status after.
    pub to: CaseStatus,
}

impl From<HistoryEntry> for HistoryView {
    fn from(h: HistoryEntry) -> Self {
        let HistoryEntry {
            at,
            actor,
            action,
            note,
            from,
            to,
        } = h;
        HistoryView {
            at,
            actor,
            action: action.into(),
            note,
            from,
            to,
        }
    }
}

/// A candidate case, as lists show it (without history).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Case)]
pub struct CaseView {
    /// Case id.
    pub id: u64,
    /// Title, from its most representative item.
    pub title: String,
    /// Its categories.
    pub categories: Vec<Category>,
    /// Its flags.
    pub flags: Vec<Flag>,
    /// Places of the jurisdiction its items name.
    pub regions: Vec<String>,
    /// The severity in force.
    pub severity: Severity,
    /// Why the machine guessed its severity.
    pub severity_reasons: Vec<String>,
    /// Set when an analyst overrode the severity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity_override: Option<Severity>,
    /// True when an analyst set the categories.
    pub categories_overridden: bool,
    /// First item seen.
    pub first_seen: DateTime<Utc>,
    /// Last item seen.
    pub last_seen: DateTime<Utc>,
    /// Number of items.
    pub item_count: u32,
    /// Distinct sources, in order of appearance.
    pub sources: Vec<String>,
    /// Matched terms of its items (at most 12).
    pub top_terms: Vec<String>,
    /// What grouping compares; absent when nothing was read.
    #[serde(skip_serializing_if = "EventView::is_empty")]
    pub event: EventView,
    /// When its latest item happened: the grouping window runs on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_event: Option<DateTime<Utc>>,
    /// Suggested by the routing table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Due times.
    pub deadlines: DeadlinesView,
    /// Workflow status.
    pub status: CaseStatus,
    /// Hand-over, once assigned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignment: Option<AssignmentView>,
    /// Response, once responded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<ResponseView>,
    /// The official refutation of a claim of it, when one was seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refuted: Option<RefutationView>,
    /// The case an analyst merged this one into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<u64>,
    /// Due times passed without a response, now.
    #[schema(schema_with = due_kinds)]
    pub overdue: Vec<&'static str>,
    /// Number of distinct sources.
    pub source_count: usize,
    /// Assigned department, else the suggested one.
    pub responsible_department: Option<String>,
}

impl CaseView {
    /// The case as shown at `now`, and its history (for the detail).
    pub fn new(case: Case, now: DateTime<Utc>) -> (Self, Vec<HistoryView>) {
        let overdue = case.overdue(now);
        let responsible_department = case.responsible_department().map(str::to_string);
        let Case {
            id,
            title,
            categories,
            flags,
            regions,
            severity,
            severity_reasons,
            severity_override,
            categories_overridden,
            first_seen,
            last_seen,
            item_count,
            sources,
            top_terms,
            simhash: _,
            event,
            // Grouping's own bookkeeping: the view shows the union.
            members: _,
            last_event,
            department,
            deadlines,
            status,
            assignment,
            response,
            history,
            refuted,
            merged_into,
        } = case;
        let view = CaseView {
            id,
            title,
            categories,
            flags,
            regions,
            severity,
            severity_reasons,
            severity_override,
            categories_overridden,
            first_seen,
            last_seen,
            item_count,
            source_count: sources.len(),
            sources,
            top_terms,
            event: event.into(),
            last_event,
            department,
            deadlines: deadlines.into(),
            status,
            assignment: assignment.map(Into::into),
            response: response.map(Into::into),
            refuted: refuted.map(Into::into),
            merged_into,
            overdue,
            responsible_department,
        };
        (view, history.into_iter().map(Into::into).collect())
    }
}

/// One case with its latest items (at most 200, newest first) and history.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDetail {
    /// The case.
    #[serde(flatten)]
    pub case: CaseView,
    /// Every transition and note.
    pub history: Vec<HistoryView>,
    /// Its latest items, newest first; the rest are at `/items?case=ID`.
    pub items: Vec<ItemView>,
    /// True when the case has more items than shown.
    pub items_truncated: bool,
}

/// A page of cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasePage {
    /// The cases.
    pub cases: Vec<CaseView>,
    /// How many cases match, over all pages.
    pub total: usize,
    /// Pass as `cursor` for the next page; null on the last.
    pub next_cursor: Option<String>,
}
