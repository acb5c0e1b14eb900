//! A candidate case: items that report the same story, with its workflow
//! state (交办督办) and history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::deadline::Deadlines;
use crate::classify::{Category, Flag, Severity};
use crate::item::Item;

/// A case title from an item: its title, else the start of its text.
fn title_of(item: &Item) -> String {
    let t = item.title.trim();
    if !t.is_empty() {
        return t.chars().take(120).collect();
    }
    let text: String = item.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut title: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        title.push('…');
    }
    title
}

/// The category terms an item matched, distinct, in order.
fn matched_terms(item: &Item) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in item
        .classification
        .matches
        .iter()
        .filter(|m| m.category.is_some())
    {
        for t in &m.terms {
            if !out.contains(t) {
                out.push(t.clone());
            }
        }
    }
    out
}

fn union<T: Copy + Ord>(into: &mut Vec<T>, from: &[T]) {
    for x in from {
        if !into.contains(x) {
            into.push(*x);
        }
    }
    into.sort();
}

/// Where a case is in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Opened by the machine, not yet reviewed.
    New,
    /// An analyst confirmed it needs a response.
    Confirmed,
    /// An analyst judged it a false positive.
    Dismissed,
    /// Handed over to a responsible department (交办).
    Assigned,
    /// The department responded (回应).
    Responded,
    /// Done.
    Closed,
}

impl CaseStatus {
    /// Every status, in workflow order.
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::New,
        CaseStatus::Confirmed,
        CaseStatus::Dismissed,
        CaseStatus::Assigned,
        CaseStatus::Responded,
        CaseStatus::Closed,
    ];

    /// Parses [`CaseStatus::name`]'s output.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.name() == s)
    }

    /// The snake_case name used in JSON and messages.
    pub fn name(self) -> &'static str {
        match self {
            CaseStatus::New => "new",
            CaseStatus::Confirmed => "confirmed",
            CaseStatus::Dismissed => "dismissed",
            CaseStatus::Assigned => "assigned",
            CaseStatus::Responded => "responded",
            CaseStatus::Closed => "closed",
        }
    }

    /// True when no response is owed any more.
    pub fn is_settled(self) -> bool {
        matches!(
            self,
            CaseStatus::Responded | CaseStatus::Closed | CaseStatus::Dismissed
        )
    }
}

/// An analyst's action on a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// new → confirmed.
    Confirm,
    /// new | confirmed → dismissed (false positive).
    Dismiss,
    /// confirmed | assigned → assigned, to a department (交办).
    Assign {
        /// Responsible department.
        department: String,
        /// Person in charge, if named.
        #[serde(default)]
        assignee: Option<String>,
        /// Due time agreed with the department, if other than the deadlines.
        #[serde(default)]
        due: Option<DateTime<Utc>>,
    },
    /// assigned → responded: where and how the department answered.
    Respond {
        /// Where the response was published (舆情出现在哪里，就在哪里回应).
        #[serde(rename = "where")]
        place: String,
        /// How: statement, press conference, reply on the platform…
        how: String,
        /// Link to the response.
        #[serde(default)]
        link: Option<String>,
    },
    /// responded | dismissed → closed.
    Close,
    /// dismissed | responded | closed → confirmed.
    Reopen,
    /// Overrides the machine's severity guess.
    SetSeverity {
        /// The new level.
        severity: Severity,
    },
    /// Overrides the machine's categories.
    SetCategories {
        /// The new categories.
        categories: Vec<Category>,
    },
    /// A note, no state change.
    Note,
    /// Moves every item of this case into case `into` (one happening told
    /// as two cases); this case is closed as merged, pointing there.
    Merge {
        /// The case that receives the items.
        into: u64,
    },
    /// Moves the named items of this case into a new case (two happenings
    /// grouped as one).
    Split {
        /// Ids of the items to move out.
        items: Vec<String>,
    },
}

impl Action {
    /// The action's name as written in requests.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Confirm => "confirm",
            Action::Dismiss => "dismiss",
            Action::Assign { .. } => "assign",
            Action::Respond { .. } => "respond",
            Action::Close => "close",
            Action::Reopen => "reopen",
            Action::SetSeverity { .. } => "set_severity",
            Action::SetCategories { .. } => "set_categories",
            Action::Note => "note",
            Action::Merge { .. } => "merge",
            Action::Split { .. } => "split",
        }
    }
}

/// An action the current state does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// The transition is not allowed from the current status.
    #[error("cannot {action} a case that is {status}")]
    InvalidTransition {
        /// The action's name.
        action: &'static str,
        /// The current status's name.
        status: &'static str,
    },
    /// A field of the action is unusable.
    #[error("{0}")]
    Invalid(String),
}

/// The hand-over of a case to a department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// Responsible department.
    pub department: String,
    /// Person in charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// Agreed due time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<Utc>>,
    /// When it was handed over.
    pub at: DateTime<Utc>,
}

/// The department's response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Where it was published.
    #[serde(rename = "where")]
    pub place: String,
    /// How.
    pub how: String,
    /// Link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// When it was recorded.
    pub at: DateTime<Utc>,
}

/// One entry of a case's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (token name, or `system`).
    pub actor: String,
    /// The action, with its fields.
    #[serde(flatten)]
    pub action: Action,
    /// Free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Status before.
    pub from: CaseStatus,
    /// Status after.
    pub to: CaseStatus,
}

/// A candidate case (see `docs/store.md` for how it is stored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// Case id (monotonic, never reused).
    pub id: u64,
    /// Title, from its most representative item.
    pub title: String,
    /// Union of its items' categories, unless an analyst set them.
    pub categories: Vec<Category>,
    /// Union of its items' flags.
    pub flags: Vec<Flag>,
    /// Places of the jurisdiction named by its items.
    pub regions: Vec<String>,
    /// The severity in force: the analyst's if set, else the machine's guess.
    pub severity: Severity,
    /// Why the machine guessed its severity.
    pub severity_reasons: Vec<String>,
    /// Set when an analyst overrode the severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity_override: Option<Severity>,
    /// Set when an analyst overrode the categories.
    #[serde(default)]
    pub categories_overridden: bool,
    /// First item seen.
    pub first_seen: DateTime<Utc>,
    /// Last item seen.
    pub last_seen: DateTime<Utc>,
    /// Number of items.
    pub item_count: u32,
    /// Distinct sources, in order of appearance.
    pub sources: Vec<String>,
    /// Matched terms of its items, in order of appearance (at most 12).
    pub top_terms: Vec<String>,
    /// SimHash of the item that opened it (finds reposts of it).
    #[serde(default)]
    pub simhash: u64,
    /// Places and event kinds of its items (grouping keys).
    #[serde(default, skip_serializing_if = "super::EventTraits::is_empty")]
    pub event: super::EventTraits,
    /// The places and kinds of its items one by one (distinct, at most
    /// [`MAX_MEMBERS`]: the first and the latest), so that a new report
    /// joins on one item's place *and* kind, not on a place one item named
    /// and a kind another told (a town's fraud case drawing in the town's
    /// fire because the case also holds a fire elsewhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<super::EventTraits>,
    /// When its latest item happened (published, else first seen): the
    /// grouping window runs on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_event: Option<DateTime<Utc>>,
    /// Suggested responsible department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Response deadlines.
    pub deadlines: Deadlines,
    /// Workflow status.
    pub status: CaseStatus,
    /// Hand-over, once assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<Assignment>,
    /// Response, once responded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// Every transition and note.
    pub history: Vec<HistoryEntry>,
    /// When the case holds an official refutation (辟谣, 情况说明) of a claim
    /// about it: analysts see the rumour and its answer together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refuted: Option<Refutation>,
    /// The case this one was merged into by an analyst.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<u64>,
}

/// The item that refuted a claim of a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refutation {
    /// The refuting item.
    pub item_id: String,
    /// Its source.
    pub source: String,
    /// When it was first seen.
    pub at: DateTime<Utc>,
}

/// Words of an official answer to a claim: with the `rumor` flag, the item
/// refutes rather than spreads it.
const REFUTING: &[&str] = &[
    "辟谣",
    "不实",
    "系谣言",
    "纯属谣言",
    "是谣言",
    "误读",
    "澄清",
    "与事实不符",
    "情况说明",
    "不属实",
    "纯属捏造",
];

/// True when `item` is an official refutation of a rumour.
fn refutes(item: &Item) -> bool {
    item.classification.flags.contains(&Flag::Rumor)
        && REFUTING
            .iter()
            .any(|w| item.title.contains(w) || item.text.contains(w))
}

/// Most terms kept in `top_terms`.
const TOP_TERMS: usize = 12;

/// Most items whose places and kinds a case keeps one by one
/// ([`Case::members`]).
pub const MAX_MEMBERS: usize = 24;

/// An item's places and kinds as a case keeps them among its members: at
/// most [`super::event::MAX_PLACES`] places and [`super::event::MAX_KINDS`]
/// kinds, as the case's own union (a very long text names thousands).
fn member_traits(event: &super::EventTraits) -> super::EventTraits {
    let mut kept = super::EventTraits {
        topic: event.topic.clone(),
        ..Default::default()
    };
    kept.absorb_places_and_kinds(event);
    kept
}
/// Distinct sources from which spread raises the severity one step.
const SPREAD_SOURCES: usize = 10;
/// Reports per hour (over the case's lifetime, at least one hour) that
/// count as fast spread.
const SPREAD_ITEMS_PER_HOUR: f64 = 30.0;

impl Case {
    /// Opens a case for its first item.
    pub fn open(id: u64, item: &Item, now: DateTime<Utc>) -> Case {
        let c = &item.classification;
        let severity = c.severity.unwrap_or(Severity::IV);
        let mut case = Case {
            id,
            title: title_of(item),
            categories: c.categories.clone(),
            flags: c.flags.clone(),
            regions: c.regions.clone(),
            severity,
            severity_reasons: c.reasons.clone(),
            severity_override: None,
            categories_overridden: false,
            first_seen: item.ingested_at,
            last_seen: item.ingested_at,
            item_count: 1,
            sources: vec![item.source.clone()],
            top_terms: matched_terms(item),
            simhash: item.simhash,
            event: super::EventTraits {
                recurs: false,
                follows_up: false,
                ..item.event.clone()
            },
            members: vec![member_traits(&item.event)],
            last_event: Some(item.happened_at()),
            department: None,
            deadlines: Deadlines::compute(item.ingested_at, &c.categories, severity),
            status: CaseStatus::New,
            assignment: None,
            response: None,
            history: Vec::new(),
            refuted: None,
            merged_into: None,
        };
        case.top_terms.truncate(TOP_TERMS);
        case.history.push(HistoryEntry {
            at: now,
            actor: "system".into(),
            action: Action::Note,
            note: Some(format!("opened from item {}", item.id)),
            from: CaseStatus::New,
            to: CaseStatus::New,
        });
        case.note_refutation(item);
        case
    }

    /// Recomputes what a case derives from its items (counts, sources,
    /// times, categories and severity unless overridden, terms, places,
    /// deadlines) after analysts moved items in or out. Keeps its id,
    /// status, hand-over, response, overrides and history.
    pub fn recount(&mut self, items: &[Item]) {
        let Some((first, rest)) = items.split_first() else {
            self.item_count = 0;
            return;
        };
        let mut fresh = Case::open(self.id, first, first.ingested_at);
        for item in rest {
            fresh.absorb(item);
        }
        self.title = fresh.title;
        if !self.categories_overridden {
            self.categories = fresh.categories;
        }
        self.flags = fresh.flags;
        self.regions = fresh.regions;
        if self.severity_override.is_none() {
            self.severity = fresh.severity;
            self.severity_reasons = fresh.severity_reasons;
        }
        self.first_seen = fresh.first_seen;
        self.last_seen = fresh.last_seen;
        self.item_count = fresh.item_count;
        self.sources = fresh.sources;
        self.top_terms = fresh.top_terms;
        self.simhash = fresh.simhash;
        self.event = fresh.event;
        self.members = fresh.members;
        self.last_event = fresh.last_event;
        self.refuted = fresh.refuted;
        self.deadlines = Deadlines::compute(self.first_seen, &self.categories, self.severity);
    }

    /// Keeps an item's places and kinds among the members', unless an
    /// earlier item's were the same; past [`MAX_MEMBERS`] the oldest but
    /// the first gives way.
    fn note_member(&mut self, event: &super::EventTraits) {
        // A case stored before members were kept stands whole for its
        // earlier items, so that they still count once it takes new ones.
        if self.members.is_empty() && !self.event.is_empty() {
            self.members.push(self.event.clone());
        }
        let event = member_traits(event);
        if self.members.contains(&event) {
            return;
        }
        if self.members.len() >= MAX_MEMBERS {
            self.members.remove(1);
        }
        self.members.push(event);
    }

    /// Records that `item` refutes a claim of this case, once.
    fn note_refutation(&mut self, item: &Item) {
        if self.refuted.is_some() || !refutes(item) {
            return;
        }
        self.refuted = Some(Refutation {
            item_id: item.id.clone(),
            source: item.source.clone(),
            at: item.ingested_at,
        });
        self.history.push(HistoryEntry {
            at: item.ingested_at,
            actor: "system".into(),
            action: Action::Note,
            note: Some(format!("refuted by item {} ({})", item.id, item.source)),
            from: self.status,
            to: self.status,
        });
    }

    /// Adds a new item of the same story: unions, counts, severity (the
    /// graver guess wins; spread across many sources raises it), deadlines.
    pub fn absorb(&mut self, item: &Item) {
        let c = &item.classification;
        self.item_count += 1;
        self.note_member(&item.event);
        self.event.absorb(&item.event);
        self.event.topic = super::topic::blend(
            &self.event.topic,
            (self.item_count - 1) as f32,
            &item.event.topic,
        );
        self.last_event = Some(
            self.last_event
                .map_or(item.happened_at(), |t| t.max(item.happened_at())),
        );
        self.last_seen = self.last_seen.max(item.ingested_at);
        self.first_seen = self.first_seen.min(item.ingested_at);
        if !self.sources.contains(&item.source) {
            self.sources.push(item.source.clone());
        }
        if self.title.is_empty() {
            self.title = title_of(item);
        }
        if !self.categories_overridden {
            union(&mut self.categories, &c.categories);
        }
        union(&mut self.flags, &c.flags);
        for r in &c.regions {
            if !self.regions.contains(r) {
                self.regions.push(r.clone());
            }
        }
        for t in matched_terms(item) {
            if self.top_terms.len() < TOP_TERMS && !self.top_terms.contains(&t) {
                self.top_terms.push(t);
            }
        }
        self.note_refutation(item);
        if self.severity_override.is_none() {
            let item_level = c.severity.unwrap_or(Severity::IV);
            if item_level > self.severity {
                self.history.push(HistoryEntry {
                    at: item.ingested_at,
                    actor: "system".into(),
                    action: Action::Note,
                    note: Some(format!(
                        "severity raised {} → {} by item {}",
                        self.severity, item_level, item.id
                    )),
                    from: self.status,
                    to: self.status,
                });
                self.severity = item_level;
                self.severity_reasons = c.reasons.clone();
            }
            // Spread raises, each at most once, and never past II: a story
            // does not become 特别重大 by being reposted.
            let hours = ((self.last_seen - self.first_seen).num_minutes() as f64 / 60.0).max(1.0);
            let per_hour = f64::from(self.item_count) / hours;
            for (spreading, reason) in [
                (
                    self.sources.len() >= SPREAD_SOURCES,
                    format!("carried by {SPREAD_SOURCES}+ distinct sources → +1"),
                ),
                (
                    per_hour >= SPREAD_ITEMS_PER_HOUR,
                    format!("{SPREAD_ITEMS_PER_HOUR}+ reports per hour → +1"),
                ),
            ] {
                if spreading
                    && !self.severity_reasons.contains(&reason)
                    && self.severity < Severity::II
                {
                    self.severity = self.severity.raised(1);
                    self.severity_reasons.push(reason);
                }
            }
        }
        self.deadlines = Deadlines::compute(self.first_seen, &self.categories, self.severity);
    }

    /// Applies an analyst's action, recording it in the history.
    pub fn apply(
        &mut self,
        action: Action,
        actor: &str,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), ActionError> {
        let from = self.status;
        let invalid = || ActionError::InvalidTransition {
            action: action.name(),
            status: from.name(),
        };
        let to = transition(action.name(), from).ok_or_else(invalid)?;
        match &action {
            Action::Assign {
                department, due, ..
            } => {
                if department.trim().is_empty() {
                    return Err(ActionError::Invalid("assign needs a department".into()));
                }
                if due.is_some_and(|d| d < self.first_seen) {
                    return Err(ActionError::Invalid(
                        "the due time is before the case was first seen".into(),
                    ));
                }
            }
            Action::Respond { place, how, .. }
                if place.trim().is_empty() || how.trim().is_empty() =>
            {
                return Err(ActionError::Invalid(
                    "respond needs \"where\" and \"how\"".into(),
                ));
            }
            _ => {}
        }
        match &action {
            Action::Assign {
                department,
                assignee,
                due,
            } => {
                self.assignment = Some(Assignment {
                    department: department.trim().to_string(),
                    assignee: assignee.clone(),
                    due: *due,
                    at: now,
                });
            }
            Action::Respond { place, how, link } => {
                self.response = Some(Response {
                    place: place.clone(),
                    how: how.clone(),
                    link: link.clone(),
                    at: now,
                });
            }
            Action::Reopen => self.response = None,
            Action::SetSeverity { severity } => {
                self.severity_override = Some(*severity);
                self.severity = *severity;
                self.deadlines =
                    Deadlines::compute(self.first_seen, &self.categories, self.severity);
            }
            Action::SetCategories { categories } => {
                if categories.is_empty() {
                    return Err(ActionError::Invalid(
                        "set_categories needs at least one category; dismiss the case instead"
                            .into(),
                    ));
                }
                let mut cats = categories.clone();
                cats.sort();
                cats.dedup();
                self.categories = cats;
                self.categories_overridden = true;
                self.deadlines =
                    Deadlines::compute(self.first_seen, &self.categories, self.severity);
            }
            _ => {}
        }
        self.status = to;
        self.history.push(HistoryEntry {
            at: now,
            actor: actor.to_string(),
            action,
            note: note.filter(|n| !n.trim().is_empty()),
            from,
            to,
        });
        Ok(())
    }

    /// The deadline kinds that are past at `now` with no response yet:
    /// `info`, `presser`, `respond`, `assignment`.
    pub fn overdue(&self, now: DateTime<Utc>) -> Vec<&'static str> {
        overdue_kinds(
            self.status,
            &self.deadlines,
            self.assignment.as_ref().and_then(|a| a.due),
            now,
        )
    }

    /// The department answerable for the case: the one it was assigned to,
    /// else the one the routing table suggested.
    pub fn responsible_department(&self) -> Option<&str> {
        self.assignment
            .as_ref()
            .map(|a| a.department.as_str())
            .or(self.department.as_deref())
    }
}

/// Every action's name, in the order people meet them in the workflow.
pub const ACTION_NAMES: [&str; 11] = [
    "confirm",
    "dismiss",
    "assign",
    "respond",
    "close",
    "reopen",
    "set_severity",
    "set_categories",
    "note",
    "merge",
    "split",
];

/// The workflow's one transition table: the status that the action named
/// `action` ([`Action::name`]) leads to from `from`, or `None` when `from`
/// does not allow it. [`Case::apply`] enforces it and the console offers
/// only the actions it allows, so the two cannot disagree.
pub fn transition(action: &str, from: CaseStatus) -> Option<CaseStatus> {
    use CaseStatus::*;
    Some(match (action, from) {
        ("confirm", New) => Confirmed,
        ("dismiss", New | Confirmed) => Dismissed,
        ("assign", Confirmed | Assigned) => Assigned,
        ("respond", Assigned) => Responded,
        ("close", Responded | Dismissed) => Closed,
        ("reopen", Dismissed | Responded | Closed) => Confirmed,
        ("set_severity" | "set_categories", s) if s != Closed => s,
        ("note", s) => s,
        // Regrouping moves items between cases (the pipeline does it); the
        // case only records it. A merged case is closed.
        ("merge", s) if s != Closed => Closed,
        ("split", s) if s != Closed => s,
        _ => return None,
    })
}

/// The kinds of due time (`info`, `presser`, `respond`, `assignment`) that
/// have passed without the case being settled. Shared by [`Case::overdue`]
/// and the store's case index so both agree.
pub fn overdue_kinds(
    status: CaseStatus,
    deadlines: &Deadlines,
    assignment_due: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Vec<&'static str> {
    if status.is_settled() {
        return Vec::new();
    }
    [
        ("info", deadlines.info_due),
        ("presser", deadlines.presser_due),
        ("respond", deadlines.respond_due),
        ("assignment", assignment_due),
    ]
    .into_iter()
    .filter(|(_, due)| due.is_some_and(|due| now > due))
    .map(|(kind, _)| kind)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn case(now: DateTime<Utc>) -> Case {
        Case {
            id: 1,
            title: "化工厂爆炸".into(),
            categories: vec![Category::Emergency],
            flags: vec![],
            regions: vec![],
            severity: Severity::III,
            severity_reasons: vec![],
            severity_override: None,
            categories_overridden: false,
            first_seen: now,
            last_seen: now,
            item_count: 1,
            sources: vec!["微博".into()],
            top_terms: vec![],
            simhash: 0,
            event: Default::default(),
            members: Vec::new(),
            last_event: None,
            department: None,
            deadlines: Deadlines::compute(now, &[Category::Emergency], Severity::III),
            status: CaseStatus::New,
            assignment: None,
            response: None,
            history: vec![],
            refuted: None,
            merged_into: None,
        }
    }

    #[test]
    fn the_whole_workflow_is_recorded() {
        let now = Utc::now();
        let mut c = case(now);
        c.apply(Action::Confirm, "analyst", Some("属实".into()), now)
            .unwrap();
        c.apply(
            Action::Assign {
                department: "应急管理局".into(),
                assignee: None,
                due: None,
            },
            "analyst",
            None,
            now,
        )
        .unwrap();
        c.apply(
            Action::Respond {
                place: "微博".into(),
                how: "情况通报".into(),
                link: Some("https://example.org/1".into()),
            },
            "analyst",
            None,
            now,
        )
        .unwrap();
        c.apply(Action::Close, "analyst", None, now).unwrap();
        assert_eq!(c.status, CaseStatus::Closed);
        let steps: Vec<(&str, CaseStatus)> =
            c.history.iter().map(|h| (h.action.name(), h.to)).collect();
        assert_eq!(
            steps,
            vec![
                ("confirm", CaseStatus::Confirmed),
                ("assign", CaseStatus::Assigned),
                ("respond", CaseStatus::Responded),
                ("close", CaseStatus::Closed)
            ]
        );
        assert_eq!(c.history[0].note.as_deref(), Some("属实"));
        c.apply(Action::Reopen, "analyst", None, now).unwrap();
        assert_eq!(c.status, CaseStatus::Confirmed);
    }

    #[test]
    fn invalid_transitions_name_the_current_state() {
        let now = Utc::now();
        let mut c = case(now);
        let err = c.apply(Action::Close, "a", None, now).unwrap_err();
        assert_eq!(err.to_string(), "cannot close a case that is new");
        c.apply(Action::Dismiss, "a", None, now).unwrap();
        let err = c
            .apply(
                Action::Respond {
                    place: "x".into(),
                    how: "y".into(),
                    link: None,
                },
                "a",
                None,
                now,
            )
            .unwrap_err();
        assert_eq!(err.to_string(), "cannot respond a case that is dismissed");
        assert_eq!(c.history.len(), 1, "failed actions leave no history");
    }

    #[test]
    fn set_severity_recomputes_deadlines_and_overdue_follows_them() {
        let now = Utc::now();
        let mut c = case(now);
        assert!(c.overdue(now + Duration::hours(47)).is_empty());
        assert_eq!(c.overdue(now + Duration::hours(49)), vec!["respond"]);
        c.apply(
            Action::SetSeverity {
                severity: Severity::II,
            },
            "a",
            None,
            now,
        )
        .unwrap();
        assert_eq!(c.overdue(now + Duration::hours(6)), vec!["info"]);
        c.apply(Action::Dismiss, "a", None, now).unwrap();
        assert!(c.overdue(now + Duration::hours(100)).is_empty());
    }

    fn report(source: &str, at: DateTime<Utc>) -> Item {
        Item {
            id: format!("{source}-{at}"),
            source: source.into(),
            source_kind: None,
            url: None,
            title: "化工厂爆炸".into(),
            text: String::new(),
            published: None,
            date_evidence: None,
            ingested_at: at,
            authority: None,
            classification: crate::classify::Classification {
                categories: vec![Category::Emergency],
                severity: Some(Severity::IV),
                ..Default::default()
            },
            simhash: 0,
            case_id: None,
            links: Vec::new(),
            event: Default::default(),
        }
    }

    #[test]
    fn spread_raises_once_each_and_never_past_ii() {
        let now = Utc::now();
        let mut c = Case::open(1, &report("s0", now), now);
        assert_eq!(c.severity, Severity::IV);
        // 40 reports within the hour from one source: fast spread, +1.
        for i in 0..40 {
            c.absorb(&report("s0", now + Duration::minutes(i)));
        }
        assert_eq!(c.severity, Severity::III);
        assert_eq!(
            c.severity_reasons.last().map(String::as_str),
            Some("30+ reports per hour → +1")
        );
        // Ten distinct sources: +1 again, once.
        for i in 1..15 {
            c.absorb(&report(&format!("s{i}"), now + Duration::minutes(50)));
        }
        assert_eq!(c.severity, Severity::II);
        assert_eq!(c.severity_reasons.len(), 2, "{:?}", c.severity_reasons);
        assert!(
            c.deadlines.info_due.is_some(),
            "II emergencies get the 5-hour deadline"
        );
        // Slow trickle over days does not raise.
        let mut slow = Case::open(2, &report("a", now), now);
        for i in 1..40 {
            slow.absorb(&report("a", now + Duration::hours(i * 3)));
        }
        assert_eq!(slow.severity, Severity::IV);
    }

    #[test]
    fn the_transition_table_knows_every_action() {
        let now = Utc::now();
        for name in ACTION_NAMES {
            assert!(
                CaseStatus::ALL
                    .iter()
                    .any(|&s| transition(name, s).is_some()),
                "{name} is allowed from no status"
            );
        }
        assert_eq!(transition("explode", CaseStatus::New), None);
        // apply follows the table: what it refuses, the table refuses.
        let mut c = case(now);
        assert_eq!(transition("close", c.status), None);
        assert!(c.apply(Action::Close, "a", None, now).is_err());
        assert_eq!(transition("confirm", c.status), Some(CaseStatus::Confirmed));
        assert!(c.apply(Action::Confirm, "a", None, now).is_ok());
    }

    #[test]
    fn actions_parse_from_json() {
        let a: Action =
            serde_json::from_str(r#"{"action":"assign","department":"住建局"}"#).unwrap();
        assert_eq!(a.name(), "assign");
        let a: Action =
            serde_json::from_str(r#"{"action":"respond","where":"微博","how":"通报"}"#).unwrap();
        assert_eq!(a.name(), "respond");
        assert!(serde_json::from_str::<Action>(r#"{"action":"explode"}"#).is_err());
    }
}
