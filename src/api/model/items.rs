//! Items as the API shows them, and the changes feed.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::*;
use crate::classify::{Authority, Category, Classification, Flag, Match, Severity};
use crate::item::Item;
use crate::pipeline::Ingested;
use crate::store::schema::{Change, ChangeKind};

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
