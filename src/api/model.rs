//! The API's JSON shapes: what each route sends and accepts. Their OpenAPI
//! schemas are derived from these types (utoipa), and responses are these
//! types serialized, so the document cannot drift from what is sent.
//!
//! Records of the other stages (cases, items, sources, rules) are converted
//! here with exhaustive destructuring: a field added to a record does not
//! compile until the API decides how to show it. The enums of the domain
//! (categories, severities, statuses…) are described from their own values.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::{IntoParams, PartialSchema, ToSchema};

use crate::cases::case::Refutation;
use crate::cases::{Action, Assignment, Case, CaseStatus, Deadlines, EventTraits, HistoryEntry};
use crate::classify::{Authority, Category, Classification, Flag, Match, Severity};
use crate::daemon::reload::{ListStatus, ReloadError, ReloadOutcome};
use crate::daemon::{RulesStatus, SourceView};
use crate::fetch::Validators;
use crate::item::Item;
use crate::pipeline::{Ingested, NewItem, Reclassified};
use crate::sources::SourceState;
use crate::sources::collect::{Found, PollReport};
use crate::store::index::CaseSort;
use crate::store::schema::{Change, ChangeKind};

/// A string with at least one character that is not whitespace (what the
/// server's `trim().is_empty()` checks refuse). Written out rather than
/// `\S` because regex dialects disagree on what whitespace is. (The
/// `#[schema(pattern)]`s of this module repeat it: attributes take only
/// literals; a test checks they agree.)
pub const NOT_BLANK: &str = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

/// A string schema with these values, each as serde writes it.
fn string_enum<T: Serialize>(
    values: impl IntoIterator<Item = T>,
    description: &str,
) -> RefOr<Schema> {
    let values: Vec<Value> = values
        .into_iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .collect();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .description(Some(description))
        .into()
}

/// Implements the schema traits for an enum of the domain from its values.
macro_rules! domain_enum {
    ($ty:ty, $values:expr, $doc:literal) => {
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                string_enum($values, $doc)
            }
        }
        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }
        }
    };
}

domain_enum!(
    Category,
    Category::ALL,
    "A priority category of 国办发〔2016〕61号: policy misread, public interest, morality, emergency, directive from above."
);
domain_enum!(
    Flag,
    Flag::ALL,
    "A handling flag: rumor (造谣传谣) or urgent (紧急交办)."
);
domain_enum!(
    Severity,
    Severity::ALL,
    "Severity: I 特别重大, II 重大, III 较大, IV 一般."
);
domain_enum!(
    CaseStatus,
    CaseStatus::ALL,
    "Workflow status: new → confirmed | dismissed → assigned → responded → closed."
);
domain_enum!(
    Authority,
    AUTHORITIES,
    "Who published an item: central, provincial, municipal, county or self-media."
);
domain_enum!(
    ChangeKind,
    [ChangeKind::Item, ChangeKind::Case],
    "What a change is about."
);

const AUTHORITIES: [Authority; 5] = [
    Authority::Central,
    Authority::Provincial,
    Authority::Municipal,
    Authority::County,
    Authority::SelfMedia,
];

/// Fails to compile when an enum without an `ALL` list gains a variant.
const _: fn(Authority, ChangeKind) = |a, k| {
    match a {
        Authority::Central
        | Authority::Provincial
        | Authority::Municipal
        | Authority::County
        | Authority::SelfMedia => {}
    }
    match k {
        ChangeKind::Item | ChangeKind::Case => {}
    }
};

/// The kinds of due time a case can be past ([`crate::cases::overdue_kinds`]).
fn due_kinds() -> RefOr<Schema> {
    use utoipa::openapi::schema::ArrayBuilder;
    ArrayBuilder::new()
        .items(string_enum(
            ["info", "presser", "respond", "assignment"],
            "A due time: info (权威信息), presser (发布会), respond (回应), or the one agreed at assignment.",
        ))
        .into()
}

/// `anyOf` an RFC 3339 time, a date, or a date and time without zone
/// (Beijing time): what [`crate::time::parse_time`] reads.
pub fn time_schema() -> RefOr<Schema> {
    let string = |format: Option<KnownFormat>, pattern: Option<&str>| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(format.map(SchemaFormat::KnownFormat))
            .pattern(pattern)
    };
    let mut any = utoipa::openapi::schema::AnyOfBuilder::new()
        .item(string(Some(KnownFormat::DateTime), None))
        .item(string(Some(KnownFormat::Date), None))
        .item(string(
            None,
            Some(
                "^(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
            ),
        ))
        .description(Some(
            "RFC 3339 (2026-11-22T08:00:00Z), or YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS] in Beijing time; within the years 0000 to 9999 in UTC.",
        ));
    any = any.examples(["2026-11-22T08:00:00+08:00"]);
    any.into()
}

/// A comma-separated list of one enum's values (`style: form`, not
/// exploded), as the list filters take them.
fn comma_list<T: ToSchema>() -> RefOr<Schema> {
    use utoipa::openapi::schema::ArrayBuilder;
    ArrayBuilder::new().items(T::schema()).into()
}

/// The severity spellings `min_severity` accepts: I–IV in any case, Ⅰ–Ⅳ,
/// 1–4 and the Chinese names (all that [`Severity::parse`] reads).
fn severity_spellings() -> RefOr<Schema> {
    let mut spellings: Vec<String> = Vec::new();
    for s in Severity::ALL {
        let roman = s.roman();
        // Every upper/lower-case mix of the numeral.
        for mask in 0..(1u32 << roman.len()) {
            spellings.push(
                roman
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if mask & (1 << i) != 0 {
                            c.to_ascii_lowercase()
                        } else {
                            c
                        }
                    })
                    .collect(),
            );
        }
        spellings.push(s.label_zh().to_string());
    }
    spellings.extend(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "1", "2", "3", "4"].map(String::from));
    spellings.retain(|s| Severity::parse(s).is_some());
    string_enum(
        spellings,
        "Least severity: I–IV (any case), Ⅰ–Ⅳ, 1–4, or 特别重大, 重大, 较大, 一般.",
    )
}

// ---------------------------------------------------------------- queries

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
    /// Order: last_seen (default), severity, due or created.
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
        "last_seen (default, latest activity first), severity (gravest first), due (soonest due first) or created (newest first).",
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

// ---------------------------------------------------------------- bodies

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

// ---------------------------------------------------------------- cases

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
    fn is_empty(&self) -> bool {
        self.places.is_empty() && self.kinds.is_empty()
    }
}

impl From<EventTraits> for EventView {
    fn from(e: EventTraits) -> Self {
        let EventTraits { places, kinds } = e;
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

// ---------------------------------------------------------------- items

/// A rule that counted for an item, with its terms.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Match)]
pub struct MatchView {
    /// The category it counts for (absent for flag and severity lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Its list: a category, `severity`, `rumor`, `urgent`.
    pub list: String,
    /// Where the rule is written, `file:line` (relative to the config
    /// directory).
    pub rule: String,
    /// The terms of the text that made it match.
    pub terms: Vec<String>,
}

impl From<Match> for MatchView {
    fn from(m: Match) -> Self {
        let Match {
            category,
            list,
            rule,
            terms,
        } = m;
        MatchView {
            category,
            list,
            rule,
            terms,
        }
    }
}

/// What the classifier decided about an item.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Classification)]
pub struct ClassificationView {
    /// Categories that matched.
    pub categories: Vec<Category>,
    /// The severity guess; null exactly when no category matched.
    pub severity: Option<Severity>,
    /// Handling flags.
    pub flags: Vec<Flag>,
    /// Places of the jurisdiction named in the text.
    pub regions: Vec<String>,
    /// Every rule that counted.
    pub matches: Vec<MatchView>,
    /// Why the severity and flags are what they are.
    pub reasons: Vec<String>,
}

impl From<Classification> for ClassificationView {
    fn from(c: Classification) -> Self {
        let Classification {
            categories,
            severity,
            flags,
            regions,
            matches,
            reasons,
        } = c;
        ClassificationView {
            categories,
            severity,
            flags,
            regions,
            matches: matches.into_iter().map(Into::into).collect(),
            reasons,
        }
    }
}

/// One collected or entered item with its classification.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Item)]
pub struct ItemView {
    /// Stable id.
    pub id: String,
    /// Source name.
    pub source: String,
    /// `weibo`, `wechat`, `portal`, `forum`, `news`, `manual`…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<String>,
    /// Where it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Title (may be empty).
    pub title: String,
    /// Text as collected.
    pub text: String,
    /// Publication time, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    /// Why that publication time: where on the page or feed it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_evidence: Option<String>,
    /// When it entered the store.
    pub ingested_at: DateTime<Utc>,
    /// Who published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// What the classifier decided.
    pub classification: ClassificationView,
    /// Its case, if it matched a category.
    pub case_id: Option<u64>,
    /// Links found in its content.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Places and event kinds read from it (flagged items).
    #[serde(skip_serializing_if = "EventView::is_empty")]
    pub event: EventView,
}

impl From<Item> for ItemView {
    fn from(i: Item) -> Self {
        let Item {
            id,
            source,
            source_kind,
            url,
            title,
            text,
            published,
            date_evidence,
            ingested_at,
            authority,
            classification,
            simhash: _,
            case_id,
            links,
            event,
        } = i;
        ItemView {
            id,
            source,
            source_kind,
            url,
            title,
            text,
            published,
            date_evidence,
            ingested_at,
            authority,
            classification: classification.into(),
            case_id,
            links,
            event: event.into(),
        }
    }
}

/// A page of items.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemPage {
    /// The items, newest first.
    pub items: Vec<ItemView>,
    /// Pass as `cursor` for the next page; null on the last.
    pub next_cursor: Option<String>,
}

/// What entering an item did.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Ingested)]
pub struct IngestedView {
    /// The item's stable id.
    pub item_id: String,
    /// Its case, if it matched a category.
    pub case_id: Option<u64>,
    /// True when this item opened the case.
    pub new_case: bool,
    /// True when the item had been entered before (200, an update).
    pub updated: bool,
    /// The case's severity before this item raised it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raised_from: Option<Severity>,
    /// The item as stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemView>,
}

impl IngestedView {
    /// The outcome with the stored item.
    pub fn new(ingested: Ingested, item: Option<Item>) -> Self {
        let Ingested {
            item_id,
            case_id,
            new_case,
            updated,
            raised_from,
        } = ingested;
        IngestedView {
            item_id,
            case_id,
            new_case,
            updated,
            raised_from,
            item: item.map(Into::into),
        }
    }
}

// ---------------------------------------------------------------- feed

/// One entry of the changes feed.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Change)]
pub struct ChangeView {
    /// Sequence number (increasing; gaps are possible).
    pub seq: u64,
    /// When.
    pub at: DateTime<Utc>,
    /// Item or case.
    pub kind: ChangeKind,
    /// The item id, or the case id as a decimal string.
    pub id: String,
}

impl From<Change> for ChangeView {
    fn from(c: Change) -> Self {
        let Change { seq, at, kind, id } = c;
        ChangeView { seq, at, kind, id }
    }
}

/// A page of the changes feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangePage {
    /// Changes after `after`, in order.
    pub changes: Vec<ChangeView>,
    /// Pass as `after` to continue.
    pub last_seq: u64,
}

// ---------------------------------------------------------------- operators

/// Readiness.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// ok (200) or unavailable (503).
    pub status: Readiness,
    /// The daemon's version.
    pub version: &'static str,
    /// Seconds since the API started.
    pub uptime_seconds: u64,
    /// Items in the store.
    pub items: usize,
    /// Cases in the store.
    pub cases: usize,
    /// Each part's state.
    pub checks: HealthChecks,
    /// What is not ready, for people.
    pub problems: Vec<String>,
}

/// Ready or not.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Readiness {
    /// Ready.
    Ok,
    /// Not ready: see `problems`.
    Unavailable,
}

/// The parts readiness looks at.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthChecks {
    /// Whether the store answers.
    pub store: StoreCheck,
    /// Whether keyword lists are loaded.
    pub rules: RulesCheck,
    /// Whether the scheduler's loop runs (with `yuqing run`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduler: Option<SchedulerCheck>,
    /// The keyword lists' version in force (with `yuqing run`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_version: Option<u64>,
    /// Set while the files on disk are invalid; the previous rules and
    /// sources stay in force (still ready).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reload: Option<String>,
}

/// The store's state.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StoreCheck {
    /// It answers.
    Ok,
    /// It does not.
    Failing,
}

/// The rules' state.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RulesCheck {
    /// Lists are loaded.
    Ok,
    /// None are.
    None,
}

/// The scheduler's state.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchedulerCheck {
    /// Its loop ran recently.
    Ok,
    /// It has not run for longer than it should.
    Stalled,
}

/// One loaded keyword list.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = KeywordList)]
pub struct ListStatusView {
    /// The file (relative to the config directory).
    pub file: String,
    /// What it feeds: a category, a flag, severity, regions, abroad.
    pub kind: String,
    /// Rules in it.
    pub rules: usize,
    /// File-wide exclusions.
    pub excludes: usize,
    /// A digest of the rules as loaded.
    pub digest: String,
}

impl From<ListStatus> for ListStatusView {
    fn from(l: ListStatus) -> Self {
        let ListStatus {
            file,
            kind,
            rules,
            excludes,
            digest,
        } = l;
        ListStatusView {
            file,
            kind,
            rules,
            excludes,
            digest,
        }
    }
}

/// A refused reload: what was wrong, and since when.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ReloadError)]
pub struct ReloadErrorView {
    /// When.
    pub at: DateTime<Utc>,
    /// What triggered it (file change, SIGHUP, API).
    pub trigger: String,
    /// Every problem, each with its file:line or config key.
    pub problems: Vec<String>,
}

impl From<ReloadError> for ReloadErrorView {
    fn from(e: ReloadError) -> Self {
        let ReloadError {
            at,
            trigger,
            problems,
        } = e;
        ReloadErrorView {
            at,
            trigger,
            problems,
        }
    }
}

/// The keyword lists in force and the errors of a refused reload.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RulesStatus)]
pub struct RulesStatusView {
    /// 1 at start, +1 per applied reload.
    pub version: u64,
    /// When the lists in force were loaded.
    pub loaded_at: DateTime<Utc>,
    /// The keyword directory (relative to the config directory).
    pub dir: String,
    /// The lists in force.
    pub lists: Vec<ListStatusView>,
    /// Warnings of the lists in force.
    pub warnings: Vec<String>,
    /// Set while the keyword files on disk are invalid.
    pub error: Option<ReloadErrorView>,
    /// Set while the config file on disk is invalid.
    pub config_error: Option<ReloadErrorView>,
    /// Reloads applied since start.
    pub reloads: u64,
    /// Reloads refused since start.
    pub failed_reloads: u64,
}

impl From<RulesStatus> for RulesStatusView {
    fn from(s: RulesStatus) -> Self {
        let RulesStatus {
            version,
            loaded_at,
            dir,
            lists,
            warnings,
            error,
            config_error,
            reloads,
            failed_reloads,
        } = s;
        RulesStatusView {
            version,
            loaded_at,
            dir,
            lists: lists.into_iter().map(Into::into).collect(),
            warnings,
            error: error.map(Into::into),
            config_error: config_error.map(Into::into),
            reloads,
            failed_reloads,
        }
    }
}

/// What a reload did; with 422, `error` says that something was kept.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ReloadOutcome)]
pub struct ReloadOutcomeView {
    /// The keyword lists were (re)applied.
    pub rules_applied: bool,
    /// The config's sources and routing were (re)applied.
    pub config_applied: bool,
    /// Problems that kept something from being applied.
    pub problems: Vec<String>,
    /// The rules version in force after it.
    pub version: u64,
    /// With 422: how many problems, and that the previous files stay in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl From<ReloadOutcome> for ReloadOutcomeView {
    fn from(o: ReloadOutcome) -> Self {
        let ReloadOutcome {
            rules_applied,
            config_applied,
            problems,
            version,
        } = o;
        let error = (!problems.is_empty()).then(|| {
            format!(
                "{} problem(s); the previous rules or sources stay in force",
                problems.len()
            )
        });
        ReloadOutcomeView {
            rules_applied,
            config_applied,
            problems,
            version,
            error,
        }
    }
}

/// Cache validators of a source's last response.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Validators)]
pub struct ValidatorsView {
    /// `ETag`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// `Last-Modified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl From<Validators> for ValidatorsView {
    fn from(v: Validators) -> Self {
        let Validators {
            etag,
            last_modified,
        } = v;
        ValidatorsView {
            etag,
            last_modified,
        }
    }
}

/// A source's polling state.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = SourceState)]
pub struct SourceStateView {
    /// The source's name.
    pub name: String,
    /// When it was last polled.
    pub last_poll: Option<DateTime<Utc>>,
    /// When a poll last succeeded.
    pub last_success: Option<DateTime<Utc>>,
    /// The last poll's error, cleared by a success.
    pub last_error: Option<String>,
    /// Failed polls in a row.
    pub consecutive_failures: u32,
    /// When it is due next.
    pub next_due: Option<DateTime<Utc>>,
    /// Validators for the next conditional GET.
    pub validators: ValidatorsView,
    /// New items found, ever.
    pub items_found: u64,
    /// New items in the last successful poll.
    pub last_new: u32,
    /// Items seen again in the last successful poll.
    pub last_updated: u32,
    /// Polled on the surge schedule until then.
    pub surge_until: Option<DateTime<Utc>>,
    /// What the last successful poll read badly, each naming the URL.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub last_warnings: Vec<String>,
}

impl From<SourceState> for SourceStateView {
    fn from(s: SourceState) -> Self {
        let SourceState {
            name,
            last_poll,
            last_success,
            last_error,
            consecutive_failures,
            next_due,
            validators,
            items_found,
            last_new,
            last_updated,
            surge_until,
            last_warnings,
        } = s;
        SourceStateView {
            name,
            last_poll,
            last_success,
            last_error,
            consecutive_failures,
            next_due,
            validators: validators.into(),
            items_found,
            last_new,
            last_updated,
            surge_until,
            last_warnings,
        }
    }
}

/// One enabled source.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Source)]
pub struct SourceViewApi {
    /// The source as configured (the README's sources reference); paths
    /// relative to the config directory.
    #[schema(value_type = Object)]
    pub config: Value,
    /// Its polling state.
    pub state: SourceStateView,
    /// True while a poll of it is in flight.
    pub polling: bool,
}

impl From<SourceView> for SourceViewApi {
    fn from(v: SourceView) -> Self {
        let SourceView {
            config,
            state,
            polling,
        } = v;
        SourceViewApi {
            config: serde_json::to_value(config).unwrap_or(Value::Null),
            state: state.into(),
            polling,
        }
    }
}

/// Every enabled source.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceList {
    /// The sources.
    pub sources: Vec<SourceViewApi>,
}

/// One item a poll stored.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Found)]
pub struct FoundView {
    /// Its id.
    pub item_id: String,
    /// Its title (or the start of its text).
    pub title: String,
    /// Its URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its publication time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    /// Why that time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_evidence: Option<String>,
    /// The first characters of its text.
    pub excerpt: String,
    /// Its case, if it matched a category.
    pub case_id: Option<u64>,
    /// True when stored for the first time.
    pub new: bool,
}

impl From<Found> for FoundView {
    fn from(f: Found) -> Self {
        let Found {
            item_id,
            title,
            url,
            published,
            date_evidence,
            excerpt,
            case_id,
            new,
        } = f;
        FoundView {
            item_id,
            title,
            url,
            published,
            date_evidence,
            excerpt,
            case_id,
            new,
        }
    }
}

/// What an on-demand poll found.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PollReport)]
pub struct PollReportView {
    /// The source.
    pub source: String,
    /// `ok`, `not_modified` or `failed`.
    #[schema(schema_with = poll_statuses)]
    pub status: &'static str,
    /// Entries found.
    pub found: usize,
    /// Items stored for the first time.
    pub new: u32,
    /// Items seen before.
    pub updated: u32,
    /// Cases opened.
    pub new_cases: Vec<u64>,
    /// Cases whose severity rose.
    pub raised_cases: Vec<u64>,
    /// Items refused or articles that failed.
    pub rejected: u32,
    /// Why it failed, or what failed partly.
    pub error: Option<String>,
    /// What was read badly without failing, each naming the URL.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The items stored, in order.
    pub items: Vec<FoundView>,
    /// Wall time.
    pub elapsed_ms: u64,
}

fn poll_statuses() -> RefOr<Schema> {
    string_enum(["ok", "not_modified", "failed"], "How the poll went.")
}

impl From<PollReport> for PollReportView {
    fn from(r: PollReport) -> Self {
        let PollReport {
            source,
            status,
            found,
            new,
            updated,
            new_cases,
            raised_cases,
            rejected,
            error,
            warnings,
            items,
            elapsed_ms,
            retry_after: _,
            validators: _,
        } = r;
        PollReportView {
            source,
            status,
            found,
            new,
            updated,
            new_cases,
            raised_cases,
            rejected,
            error,
            warnings,
            items: items.into_iter().map(Into::into).collect(),
            elapsed_ms,
        }
    }
}

/// What a reclassification did.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Reclassified)]
pub struct ReclassifiedView {
    /// Stored items looked at.
    pub examined: usize,
    /// Items whose categories, severity or flags changed.
    pub changed: usize,
    /// Items that matched no category before and match one now.
    pub newly_flagged: usize,
    /// Cases opened by them.
    pub new_cases: Vec<u64>,
    /// Items that could not be reclassified.
    pub failed: usize,
}

impl From<Reclassified> for ReclassifiedView {
    fn from(r: Reclassified) -> Self {
        let Reclassified {
            examined,
            changed,
            newly_flagged,
            new_cases,
            failed,
        } = r;
        ReclassifiedView {
            examined,
            changed,
            newly_flagged,
            new_cases,
            failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_enums_are_described_as_serde_writes_them() {
        let values = |s: RefOr<Schema>| serde_json::to_value(s).unwrap_or_default()["enum"].clone();
        assert_eq!(
            values(Category::schema()),
            serde_json::json!(["policy", "interest", "morality", "emergency", "directive"])
        );
        assert_eq!(
            values(Severity::schema()),
            serde_json::json!(["IV", "III", "II", "I"])
        );
        assert_eq!(
            values(Authority::schema())[4],
            serde_json::json!("self_media")
        );
        let spellings = values(severity_spellings());
        for s in ["I", "ii", "iV", "Ⅲ", "4", "重大"] {
            assert!(
                spellings.as_array().is_some_and(|a| a.contains(&s.into())),
                "{s} missing from {spellings}"
            );
        }
    }

    #[test]
    fn blank_patterns_agree() {
        let doc = super::super::openapi::document();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["NewItem"]["properties"]["source"]["pattern"],
            NOT_BLANK
        );
        let text = doc.to_string();
        let quoted = serde_json::to_string(NOT_BLANK).unwrap_or_default();
        assert_eq!(text.matches(&quoted).count(), 6, "{text}");
    }

    #[test]
    fn actions_round_trip_through_the_api_shape() {
        for json in [
            serde_json::json!({"action": "confirm"}),
            serde_json::json!({"action": "assign", "department": "市应急管理局", "assignee": null, "due": null}),
            serde_json::json!({"action": "respond", "where": "如东发布", "how": "通报", "link": null}),
            serde_json::json!({"action": "set_severity", "severity": "II"}),
            serde_json::json!({"action": "merge", "into": 7}),
            serde_json::json!({"action": "split", "items": ["a"]}),
        ] {
            let body: ActionBody = serde_json::from_value(json.clone()).unwrap_or(ActionBody::Note);
            let domain: Action = body.clone().into();
            assert_eq!(serde_json::to_value(&domain).ok(), Some(json.clone()));
            assert_eq!(ActionBody::from(domain), body);
        }
    }
}
