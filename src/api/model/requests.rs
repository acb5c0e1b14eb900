//! What routes accept: query parameters and bodies.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};

use super::*;
use crate::cases::{Action, CaseStatus};
use crate::classify::{Authority, Category, Flag, Severity};
use crate::pipeline::NewItem;
use crate::store::CaseSort;

/// Query of `GET /cases`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseListQuery {
    /// Statuses, comma-separated (any matches).
    #[param(schema_with = comma_list::<CaseStatus>)]
    pub status: Option<String>,
    /// Categories, comma-separated (any matches).
    #[param(schema_with = comma_list::<Category>)]
    pub category: Option<String>,
    /// Least severity.
    #[param(schema_with = severity_spellings)]
    pub min_severity: Option<String>,
    /// A region among the case's regions, exactly.
    pub region: Option<String>,
    /// A flag the case has.
    #[param(value_type = Option<Flag>)]
    pub flag: Option<String>,
    /// Responsible department (assigned, else suggested), exactly.
    pub department: Option<String>,
    /// Last seen at or after this time.
    #[param(schema_with = time_schema)]
    pub since: Option<String>,
    /// First seen at or before this time.
    #[param(schema_with = time_schema)]
    pub until: Option<String>,
    /// true: only cases past a due time without a response; false: only the others.
    pub overdue: Option<bool>,
    /// Case-insensitive text in the title or top terms.
    pub q: Option<String>,
    /// Order: last_seen (default), severity, due, created or urgency.
    #[param(schema_with = case_sorts)]
    pub sort: Option<String>,
    /// Page size (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<usize>,
    /// `next_cursor` of the previous page; pages show the list as it was at
    /// the first page. A cursor is valid only as given (400) and for 15
    /// minutes (410).
    pub cursor: Option<String>,
}

/// The orders of the case list, by the names the store reads.
fn case_sorts() -> RefOr<Schema> {
    string_enum(
        CaseSort::ALL.map(CaseSort::name),
        "last_seen (default, latest activity first), severity (gravest first), due (soonest due first), created (newest first) or urgency (gravest first, then soonest due: the console's queue).",
    )
}

/// Query of `GET /items`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ItemListQuery {
    /// Source name, exactly.
    pub source: Option<String>,
    /// Categories, comma-separated (any matches).
    #[param(schema_with = comma_list::<Category>)]
    pub category: Option<String>,
    /// Least severity.
    #[param(schema_with = severity_spellings)]
    pub min_severity: Option<String>,
    /// A region among the item's regions.
    pub region: Option<String>,
    /// A flag the item has.
    #[param(value_type = Option<Flag>)]
    pub flag: Option<String>,
    /// true: only items that matched a category; false: only those that did not.
    pub flagged: Option<bool>,
    /// Only the items of this case.
    pub case: Option<u64>,
    /// Ingested at or after this time.
    #[param(schema_with = time_schema)]
    pub since: Option<String>,
    /// Ingested at or before this time.
    #[param(schema_with = time_schema)]
    pub until: Option<String>,
    /// Case-insensitive text in the title or text.
    pub q: Option<String>,
    /// Page size (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<usize>,
    /// `next_cursor` of the previous page, as given (400 otherwise).
    pub cursor: Option<String>,
}

/// Query of `GET /changes`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// Last sequence number already seen (default 0).
    pub after: Option<u64>,
    /// At most this many (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<usize>,
}

/// Query of `GET /stats`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// Cases first seen at or after (default: 30 days before `to`); must be
    /// before `to`.
    #[param(schema_with = time_schema)]
    pub from: Option<String>,
    /// Cases first seen before (default: now).
    #[param(schema_with = time_schema)]
    pub to: Option<String>,
}

/// Body of `POST /items`: an item from an offline channel. `text` or
/// `title` must have something in it. 201 when new, 200 when the same item
/// was entered before (an update).
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = NewItem)]
pub struct NewItemBody {
    /// The channel (公开信箱, 政务大厅…).
    #[serde(default)]
    #[schema(
        required = true,
        pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
    )]
    pub source: String,
    /// `manual` unless given.
    #[serde(default)]
    pub source_kind: Option<String>,
    /// The channel's own id (GUID): entering it again updates the item.
    #[serde(default, rename = "id", alias = "guid")]
    pub id: Option<String>,
    /// Where it was published.
    #[serde(default)]
    pub url: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Text or HTML.
    #[serde(default)]
    pub text: String,
    /// Publication time.
    #[serde(default)]
    pub published: Option<DateTime<Utc>>,
    /// Why that publication time.
    #[serde(default)]
    pub date_evidence: Option<String>,
    /// Who published it.
    #[serde(default)]
    pub authority: Option<Authority>,
    /// Links found in its content.
    #[serde(default)]
    pub links: Vec<String>,
}

impl From<NewItemBody> for NewItem {
    fn from(b: NewItemBody) -> Self {
        let NewItemBody {
            source,
            source_kind,
            id,
            url,
            title,
            text,
            published,
            date_evidence,
            authority,
            links,
        } = b;
        NewItem {
            source,
            source_kind: source_kind.or_else(|| Some("manual".into())),
            guid: id,
            url,
            title,
            text,
            published,
            date_evidence,
            authority,
            links,
        }
    }
}

/// An analyst's action, tagged by `action`; in requests and in histories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ActionBody {
    /// new → confirmed.
    Confirm,
    /// new | confirmed → dismissed (false positive).
    Dismiss,
    /// confirmed | assigned → assigned, to a department (交办).
    Assign {
        /// Responsible department.
        #[schema(
            pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
        )]
        department: String,
        /// Person in charge.
        #[serde(default)]
        assignee: Option<String>,
        /// Due time agreed with the department; not before the case was
        /// first seen (422).
        #[serde(default)]
        due: Option<DateTime<Utc>>,
    },
    /// assigned → responded: where and how the department answered.
    Respond {
        /// Where the response was published.
        #[serde(rename = "where")]
        #[schema(
            pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
        )]
        place: String,
        /// How: statement, press conference, reply on the platform…
        #[schema(
            pattern = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
        )]
        how: String,
        /// Link to the response.
        #[serde(default)]
        link: Option<String>,
    },
    /// responded | dismissed → closed.
    Close,
    /// dismissed | responded | closed → confirmed.
    Reopen,
    /// Overrides the machine's severity (not on a closed case).
    SetSeverity {
        /// The new level.
        severity: Severity,
    },
    /// Overrides the machine's categories (not on a closed case).
    SetCategories {
        /// The new categories.
        #[schema(min_items = 1)]
        categories: Vec<Category>,
    },
    /// A note, no state change.
    Note,
    /// Moves every item into case `into` (an open case other than this
    /// one, 422 otherwise) and closes this one as merged.
    Merge {
        /// The case that receives the items.
        into: u64,
    },
    /// Moves the named items (of this case, leaving at least one; 422
    /// otherwise) into a new case.
    Split {
        /// Ids of the items to move out.
        #[schema(min_items = 1)]
        items: Vec<String>,
    },
}

impl From<ActionBody> for Action {
    fn from(a: ActionBody) -> Self {
        match a {
            ActionBody::Confirm => Action::Confirm,
            ActionBody::Dismiss => Action::Dismiss,
            ActionBody::Assign {
                department,
                assignee,
                due,
            } => Action::Assign {
                department,
                assignee,
                due,
            },
            ActionBody::Respond { place, how, link } => Action::Respond { place, how, link },
            ActionBody::Close => Action::Close,
            ActionBody::Reopen => Action::Reopen,
            ActionBody::SetSeverity { severity } => Action::SetSeverity { severity },
            ActionBody::SetCategories { categories } => Action::SetCategories { categories },
            ActionBody::Note => Action::Note,
            ActionBody::Merge { into } => Action::Merge { into },
            ActionBody::Split { items } => Action::Split { items },
        }
    }
}

impl From<Action> for ActionBody {
    fn from(a: Action) -> Self {
        match a {
            Action::Confirm => ActionBody::Confirm,
            Action::Dismiss => ActionBody::Dismiss,
            Action::Assign {
                department,
                assignee,
                due,
            } => ActionBody::Assign {
                department,
                assignee,
                due,
            },
            Action::Respond { place, how, link } => ActionBody::Respond { place, how, link },
            Action::Close => ActionBody::Close,
            Action::Reopen => ActionBody::Reopen,
            Action::SetSeverity { severity } => ActionBody::SetSeverity { severity },
            Action::SetCategories { categories } => ActionBody::SetCategories { categories },
            Action::Note => ActionBody::Note,
            Action::Merge { into } => ActionBody::Merge { into },
            Action::Split { items } => ActionBody::Split { items },
        }
    }
}

/// Body of `POST /cases/{id}/actions`: an action and an optional note
/// (kept in the history).
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ActionRequest)]
pub struct ActionRequest {
    /// The action and its fields.
    #[serde(flatten)]
    pub action: ActionBody,
    /// Free text for the history.
    #[serde(default)]
    pub note: Option<String>,
}

/// An [`ActionRequest`] whose `action` is a string. serde reads the tag of
/// an internally tagged enum from a variant's index too (`"action": 0` is
/// `confirm`), which the API does not offer.
#[derive(Debug)]
pub struct CheckedActionRequest(pub ActionRequest);

impl<'de> Deserialize<'de> for CheckedActionRequest {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let v = Value::deserialize(d)?;
        if !v.get("action").is_some_and(Value::is_string) {
            return Err(D::Error::custom(
                "action: a string is required (confirm, dismiss, assign, respond, close, reopen, set_severity, set_categories, note, merge or split)",
            ));
        }
        serde_json::from_value(v)
            .map(CheckedActionRequest)
            .map_err(D::Error::custom)
    }
}

/// Body of `POST /reclassify`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReclassifyRequest {
    /// Items ingested at or after this time are reclassified.
    #[schema(schema_with = time_schema)]
    pub since: String,
}
