//! The path every item takes, whatever its channel: classify, group into a
//! case, store. Used by `yuqing ingest`, the API's manual entry and (later)
//! the collectors.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::cases::{Action, ActionError, Case, ClusterIndex, Routing, Signature, cluster};
use crate::classify::{Authority, Classifier, Document, Severity, Signals};
use crate::item::{Item, item_id};
use crate::store::{Store, StoreError};

/// An item as a channel delivers it, before classification.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewItem {
    /// Source name (required by the pipeline; channels fill it in).
    #[serde(default)]
    pub source: String,
    /// `weibo`, `wechat`, `portal`, `forum`, `news`, `comment`, `manual`…
    #[serde(default)]
    pub source_kind: Option<String>,
    /// Feed GUID or the channel's own id.
    #[serde(default, alias = "id")]
    pub guid: Option<String>,
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
    /// Who published it.
    #[serde(default)]
    pub authority: Option<Authority>,
    /// Links found in its content.
    #[serde(default)]
    pub links: Vec<String>,
}

/// What happened to one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ingested {
    /// The item's stable id.
    pub item_id: String,
    /// Its case, if it matched a category.
    pub case_id: Option<u64>,
    /// True when this item opened the case.
    pub new_case: bool,
    /// True when the item was already stored (an update, not a new item).
    pub updated: bool,
    /// The case's severity before this item raised it; absent when the
    /// item opened the case or left its severity as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raised_from: Option<Severity>,
}

/// Errors of the pipeline.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The item has nothing to classify.
    #[error("the item has neither text nor title")]
    Empty,
    /// The item has no source.
    #[error("the item has no source")]
    NoSource,
    /// Classifying the item panicked (a bug; the item is not stored).
    #[error("classifying the item failed unexpectedly; it was not stored")]
    Panicked,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why an analyst's action was not applied.
#[derive(Debug, thiserror::Error)]
pub enum ActError {
    /// No case has this id.
    #[error("case {0} does not exist")]
    NotFound(u64),
    /// The workflow refused the action.
    #[error(transparent)]
    Action(#[from] ActionError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Classify → cluster → store, for one store and one classifier. Also the
/// single writer of cases, so analysts' actions and new items never
/// overwrite each other.
pub struct Pipeline {
    classifier: Classifier,
    store: Store,
    routing: Routing,
    /// Serializes clustering decisions so that two reports of one story
    /// arriving together cannot open two cases.
    index: Mutex<ClusterIndex>,
}

impl Pipeline {
    /// A pipeline over `store`; recent cases are loaded into the cluster index.
    pub fn new(
        classifier: Classifier,
        store: Store,
        now: DateTime<Utc>,
    ) -> Result<Self, PipelineError> {
        let mut index = ClusterIndex::default();
        let since = now - Duration::hours(cluster::DEFAULT_WINDOW_HOURS);
        for case in store.cases_seen_since(since)? {
            index.upsert(case.id, case_signature(&case), case.last_seen);
        }
        Ok(Self {
            classifier,
            store,
            routing: Routing::default(),
            index: Mutex::new(index),
        })
    }

    /// Uses `routing` to suggest each case's department.
    pub fn with_routing(mut self, routing: Routing) -> Self {
        self.routing = routing;
        self
    }

    /// Applies an analyst's action to a case and makes it durable before
    /// returning the updated case.
    pub fn act(
        &self,
        case_id: u64,
        action: Action,
        actor: &str,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<Case, ActError> {
        let mut index = self.lock_index();
        let mut case = self
            .store
            .case(case_id)?
            .ok_or(ActError::NotFound(case_id))?;
        case.apply(action, actor, note, now)?;
        case.department = self.routing.department(&case);
        self.store.write_case(&case, now)?;
        self.store.flush()?;
        index.upsert(case.id, case_signature(&case), case.last_seen);
        Ok(case)
    }

    fn lock_index(&self) -> std::sync::MutexGuard<'_, ClusterIndex> {
        // A poisoned lock only means another thread panicked mid-decision;
        // the index is still a valid cache.
        self.index.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The classifier.
    pub fn classifier(&self) -> &Classifier {
        &self.classifier
    }

    /// Processes one item. The write is not durable until
    /// [`Store::flush`]; [`Pipeline::ingest_batch`] flushes.
    pub fn ingest(&self, new: NewItem, now: DateTime<Utc>) -> Result<Ingested, PipelineError> {
        let prepared = self.prepare(new, now);
        let mut results = self.commit(vec![prepared], now)?;
        results.pop().unwrap_or(Err(PipelineError::Panicked))
    }

    /// Classifies an item: the expensive, stateless half of ingesting,
    /// safe to run on many threads at once.
    fn prepare(&self, new: NewItem, now: DateTime<Utc>) -> Result<Item, PipelineError> {
        if new.source.trim().is_empty() {
            return Err(PipelineError::NoSource);
        }
        if new.text.trim().is_empty() && new.title.trim().is_empty() {
            return Err(PipelineError::Empty);
        }
        let id = item_id(
            &new.source,
            new.guid.as_deref(),
            new.url.as_deref(),
            &new.title,
            &new.text,
        );
        let doc = Document {
            title: &new.title,
            text: &new.text,
            signals: Signals {
                authority: new.authority,
                ..Default::default()
            },
        };
        let normalized = self.classifier.normalize(&doc);
        let classification = self
            .classifier
            .classify_normalized(&normalized, &doc.signals);
        let simhash = cluster::simhash(self.classifier.segmenter().words(&normalized));
        Ok(Item {
            id,
            source: new.source,
            source_kind: new.source_kind,
            url: new.url,
            title: new.title,
            text: new.text,
            published: new.published,
            ingested_at: now,
            authority: new.authority,
            classification,
            simhash,
            case_id: None,
            links: new.links,
        })
    }

    /// Groups classified items into cases, then writes them all in one
    /// store transaction: the stateful half, under the cluster lock. A store
    /// failure fails the whole batch (nothing of it is written).
    fn commit(
        &self,
        prepared: Vec<Result<Item, PipelineError>>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Result<Ingested, PipelineError>>, StoreError> {
        let mut index = self.lock_index();
        let mut pending = Pending::default();
        let results: Vec<_> = prepared
            .into_iter()
            .map(|p| p.and_then(|item| self.decide(item, &mut index, &mut pending)))
            .collect();
        let cases: Vec<Case> = pending
            .case_order
            .iter()
            .filter_map(|id| pending.cases.remove(id))
            .collect();
        self.store.write_batch(&pending.items, &cases, now)?;
        Ok(results)
    }

    /// Decides one item's case, against the store and what this batch has
    /// decided so far.
    fn decide(
        &self,
        mut item: Item,
        index: &mut ClusterIndex,
        pending: &mut Pending,
    ) -> Result<Ingested, PipelineError> {
        let earlier = pending.item_pos.get(&item.id).copied();
        let existing = match earlier {
            Some(pos) => Some(pending.items[pos].clone()),
            None => self.store.item(&item.id)?,
        };
        if let Some(e) = &existing {
            // Seeing an item again keeps its first sighting.
            item.ingested_at = e.ingested_at;
        }
        let updated = existing.is_some();
        let mut outcome = Ingested {
            item_id: item.id.clone(),
            case_id: None,
            new_case: false,
            updated,
            raised_from: None,
        };
        if item.classification.is_flagged() {
            let signature = item_signature(&item);
            let known = existing.and_then(|e| e.case_id);
            let found = known.or_else(|| index.find(&signature, item.ingested_at));
            let stored = match found {
                Some(cid) => match pending.cases.get(&cid) {
                    Some(c) => Some(c.clone()),
                    None => self.store.case(cid)?,
                },
                None => None,
            };
            let (mut case, new_case) = match stored {
                Some(mut case) => {
                    if known.is_none() {
                        let before = case.severity;
                        case.absorb(&item);
                        if case.severity > before {
                            outcome.raised_from = Some(before);
                        }
                    }
                    (case, false)
                }
                None => (
                    Case::open(self.store.new_case_id()?, &item, item.ingested_at),
                    true,
                ),
            };
            case.department = self.routing.department(&case);
            item.case_id = Some(case.id);
            index.upsert(case.id, case_signature(&case), case.last_seen);
            outcome.case_id = Some(case.id);
            outcome.new_case = new_case;
            if !pending.cases.contains_key(&case.id) {
                pending.case_order.push(case.id);
            }
            pending.cases.insert(case.id, case);
        }
        match earlier {
            Some(pos) => pending.items[pos] = item,
            None => {
                pending
                    .item_pos
                    .insert(item.id.clone(), pending.items.len());
                pending.items.push(item);
            }
        }
        Ok(outcome)
    }

    /// Processes items and flushes once, so every `Ok` in the result is
    /// durable when this returns. Items are classified in parallel, then
    /// grouped and written in their order.
    pub fn ingest_batch(
        &self,
        items: impl IntoIterator<Item = NewItem>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Result<Ingested, PipelineError>>, StoreError> {
        let items: Vec<NewItem> = items.into_iter().collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(items.len().div_ceil(64).max(1));
        let prepared: Vec<Result<Item, PipelineError>> = if threads <= 1 {
            items.into_iter().map(|i| self.prepare(i, now)).collect()
        } else {
            let chunk = items.len().div_ceil(threads);
            let mut chunks: Vec<Vec<NewItem>> = Vec::new();
            let mut rest = items.into_iter();
            loop {
                let c: Vec<NewItem> = rest.by_ref().take(chunk).collect();
                if c.is_empty() {
                    break;
                }
                chunks.push(c);
            }
            std::thread::scope(|scope| {
                let handles: Vec<_> = chunks
                    .into_iter()
                    .map(|c| {
                        let len = c.len();
                        let handle = scope.spawn(move || {
                            c.into_iter()
                                .map(|i| self.prepare(i, now))
                                .collect::<Vec<_>>()
                        });
                        (len, handle)
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|(len, h)| {
                        // A panic while classifying costs that chunk, reported
                        // per item (results stay aligned with the input).
                        h.join().unwrap_or_else(|_| {
                            (0..len).map(|_| Err(PipelineError::Panicked)).collect()
                        })
                    })
                    .collect()
            })
        };
        let results = self.commit(prepared, now)?;
        self.store.flush()?;
        Ok(results)
    }
}

/// What a batch has decided but not yet written.
#[derive(Default)]
struct Pending {
    /// Items to write, each id once.
    items: Vec<Item>,
    /// Where each id is in `items`.
    item_pos: HashMap<String, usize>,
    /// Cases to write, latest version.
    cases: HashMap<u64, Case>,
    /// Case ids in first-touched order (the order of their change records).
    case_order: Vec<u64>,
}

fn item_signature(item: &Item) -> Signature {
    let c = &item.classification;
    let mut terms: Vec<String> = c
        .matches
        .iter()
        .filter(|m| m.category.is_some())
        .flat_map(|m| m.terms.iter().cloned())
        .collect();
    terms.sort();
    terms.dedup();
    Signature {
        simhash: item.simhash,
        terms,
        regions: c.regions.clone(),
        categories: c.categories.clone(),
    }
}

fn case_signature(case: &Case) -> Signature {
    let mut terms = case.top_terms.clone();
    terms.sort();
    terms.dedup();
    Signature {
        simhash: case.simhash,
        terms,
        regions: case.regions.clone(),
        categories: case.categories.clone(),
    }
}
