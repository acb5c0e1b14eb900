//! The path every item takes, whatever its channel: classify, group into a
//! case, store. Used by `yuqing ingest`, the API's manual entry and (later)
//! the collectors.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::cases::{
    Action, ActionError, Case, CaseStatus, ClusterIndex, HistoryEntry, Routing, Signature, cluster,
};
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
    /// Why that publication time (`meta article:published_time = …`,
    /// `byline: 发布时间：…`, `feed pubDate`); `None` when undated.
    #[serde(default)]
    pub date_evidence: Option<String>,
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
    /// Swapped whole on a live reload; each batch classifies with the
    /// rules it started with.
    classifier: RwLock<Arc<Classifier>>,
    store: Store,
    routing: RwLock<Arc<Routing>>,
    /// Serializes clustering decisions so that two reports of one story
    /// arriving together cannot open two cases.
    index: Mutex<ClusterIndex>,
}

impl Pipeline {
    /// A pipeline over `store`; the cases items may still join are loaded
    /// into the cluster index: those seen within the longest window, an
    /// ongoing matter's, so a reply weeks later still finds its case after a
    /// restart.
    pub fn new(
        classifier: Classifier,
        store: Store,
        now: DateTime<Utc>,
    ) -> Result<Self, PipelineError> {
        let mut index = ClusterIndex::default();
        let since = now - index.long_window();
        for case in store.cases_seen_since(since)? {
            index.upsert(case.id, case_signature(&case), case_event_time(&case));
        }
        Ok(Self {
            classifier: RwLock::new(Arc::new(classifier)),
            store,
            routing: RwLock::new(Arc::new(Routing::default())),
            index: Mutex::new(index),
        })
    }

    /// Uses `routing` to suggest each case's department.
    pub fn with_routing(self, routing: Routing) -> Self {
        self.set_routing(routing);
        self
    }

    /// Replaces the routing table (live reload); cases decided from now on
    /// use it.
    pub fn set_routing(&self, routing: Routing) {
        *self.routing.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(routing);
    }

    fn routing(&self) -> Arc<Routing> {
        self.routing
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Replaces the classifier (live reload of the keyword lists). Batches
    /// already classifying finish with the rules they started with.
    pub fn set_classifier(&self, classifier: Classifier) {
        *self.classifier.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(classifier);
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
        match action {
            Action::Merge { into } => return self.merge(case_id, into, actor, note, now),
            Action::Split { items } => return self.split(case_id, items, actor, note, now),
            _ => {}
        }
        let mut index = self.lock_index();
        let mut case = self
            .store
            .case(case_id)?
            .ok_or(ActError::NotFound(case_id))?;
        case.apply(action, actor, note, now)?;
        case.department = self.routing().department(&case);
        self.store.write_case(&case, now)?;
        self.store.flush()?;
        index.upsert(case.id, case_signature(&case), case_event_time(&case));
        Ok(case)
    }

    /// Merges case `from_id` into `into_id`: every item moves there, the
    /// receiving case is recounted, and `from_id` is closed as merged with a
    /// pointer; both histories say so. Durable before returning the merged
    /// (closed) case.
    fn merge(
        &self,
        from_id: u64,
        into_id: u64,
        actor: &str,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<Case, ActError> {
        let mut index = self.lock_index();
        if from_id == into_id {
            return Err(ActionError::Invalid("a case cannot be merged into itself".into()).into());
        }
        let mut from = self
            .store
            .case(from_id)?
            .ok_or(ActError::NotFound(from_id))?;
        let Some(mut into) = self.store.case(into_id)? else {
            return Err(
                ActionError::Invalid(format!("there is no case {into_id} to merge into")).into(),
            );
        };
        if into.status == CaseStatus::Closed {
            return Err(ActionError::Invalid(format!(
                "case {into_id} is closed: reopen it before merging into it"
            ))
            .into());
        }
        from.apply(Action::Merge { into: into_id }, actor, note.clone(), now)?;
        let mut moved = self.store.case_items(from_id)?;
        for item in &mut moved {
            item.case_id = Some(into_id);
        }
        let mut all = self.store.case_items(into_id)?;
        all.extend(moved.iter().cloned());
        all.sort_by_key(|i| i.ingested_at);
        into.recount(&all);
        into.department = self.routing().department(&into);
        into.history.push(regroup_note(
            &into,
            actor,
            format!("merged from case {from_id} ({} items)", moved.len()),
            note.as_deref(),
            now,
        ));
        from.merged_into = Some(into_id);
        from.recount(&[]);
        let moves: Vec<(Item, u64)> = moved.into_iter().map(|i| (i, from_id)).collect();
        self.store
            .regroup(&moves, &[from.clone(), into.clone()], now)?;
        self.store.flush()?;
        index.remove(from_id);
        index.upsert(into.id, case_signature(&into), case_event_time(&into));
        Ok(from)
    }

    /// Moves the named items of case `case_id` into a new case opened from
    /// them; both cases are recounted and their histories say so. Durable
    /// before returning the original case.
    fn split(
        &self,
        case_id: u64,
        item_ids: Vec<String>,
        actor: &str,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<Case, ActError> {
        let mut index = self.lock_index();
        let mut case = self
            .store
            .case(case_id)?
            .ok_or(ActError::NotFound(case_id))?;
        if item_ids.is_empty() {
            return Err(ActionError::Invalid(
                "split needs the ids of the items to move out".into(),
            )
            .into());
        }
        let items = self.store.case_items(case_id)?;
        if let Some(missing) = item_ids
            .iter()
            .find(|id| !items.iter().any(|i| &i.id == *id))
        {
            return Err(
                ActionError::Invalid(format!("item {missing} is not in case {case_id}")).into(),
            );
        }
        let (mut moved, stay): (Vec<Item>, Vec<Item>) =
            items.into_iter().partition(|i| item_ids.contains(&i.id));
        if stay.is_empty() {
            return Err(ActionError::Invalid(
                "split must leave at least one item in the case; to move them all, merge it".into(),
            )
            .into());
        }
        case.apply(
            Action::Split {
                items: item_ids.clone(),
            },
            actor,
            note.clone(),
            now,
        )?;
        let new_id = self.store.new_case_id()?;
        for item in &mut moved {
            item.case_id = Some(new_id);
        }
        moved.sort_by_key(|i| i.ingested_at);
        let mut split_off = Case::open(new_id, &moved[0], now);
        split_off.recount(&moved);
        split_off.department = self.routing().department(&split_off);
        split_off.history.push(regroup_note(
            &split_off,
            actor,
            format!("split from case {case_id} ({} items)", moved.len()),
            note.as_deref(),
            now,
        ));
        case.recount(&stay);
        case.department = self.routing().department(&case);
        if let Some(last) = case.history.last_mut() {
            let told = format!("items moved to case {new_id}");
            last.note = Some(match last.note.take() {
                Some(n) => format!("{told}: {n}"),
                None => told,
            });
        }
        let moves: Vec<(Item, u64)> = moved.into_iter().map(|i| (i, case_id)).collect();
        self.store
            .regroup(&moves, &[case.clone(), split_off.clone()], now)?;
        self.store.flush()?;
        index.upsert(case.id, case_signature(&case), case_event_time(&case));
        index.upsert(
            split_off.id,
            case_signature(&split_off),
            case_event_time(&split_off),
        );
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

    /// The classifier in force.
    pub fn classifier(&self) -> Arc<Classifier> {
        self.classifier
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Processes one item. The write is not durable until
    /// [`Store::flush`]; [`Pipeline::ingest_batch`] flushes.
    pub fn ingest(&self, new: NewItem, now: DateTime<Utc>) -> Result<Ingested, PipelineError> {
        let prepared = self.prepare(&self.classifier(), new, now);
        let mut results = self.commit(vec![prepared], now)?;
        results.pop().unwrap_or(Err(PipelineError::Panicked))
    }

    /// Classifies an item: the expensive, stateless half of ingesting,
    /// safe to run on many threads at once.
    fn prepare(
        &self,
        classifier: &Classifier,
        new: NewItem,
        now: DateTime<Utc>,
    ) -> Result<Item, PipelineError> {
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
        Ok(classify_item(classifier, id, new, now))
    }
}

/// The history entry a case receiving items by merge or split gets: what
/// happened, then the analyst's note.
fn regroup_note(
    case: &Case,
    actor: &str,
    what: String,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> HistoryEntry {
    HistoryEntry {
        at: now,
        actor: actor.to_string(),
        action: Action::Note,
        note: Some(match note {
            Some(n) => format!("{what}: {n}"),
            None => what,
        }),
        from: case.status,
        to: case.status,
    }
}

/// Classifies `new` as the item `id`, ingested at `now`.
fn classify_item(classifier: &Classifier, id: String, new: NewItem, now: DateTime<Utc>) -> Item {
    let started = std::time::Instant::now();
    let doc = Document {
        title: &new.title,
        text: &new.text,
        signals: Signals {
            authority: new.authority,
            ..Default::default()
        },
    };
    let normalized = classifier.normalize(&doc);
    let classification = classifier.classify_normalized(&normalized, &doc.signals);
    let segmenter = classifier.segmenter();
    let words = segmenter.words(&normalized);
    let simhash = cluster::simhash(words.iter().copied());
    let event = if classification.is_flagged() {
        let read = crate::cases::read_event(&normalized, &classification.regions);
        crate::cases::EventTraits {
            names: crate::cases::rare_names(&words, |w| segmenter.is_known(w)),
            topic: crate::cases::topic_of(&words, &read.places, crate::text::segment::word_weight),
            ..read
        }
    } else {
        Default::default()
    };
    crate::metrics::global().classify.observe(started.elapsed());
    Item {
        id,
        source: new.source,
        source_kind: new.source_kind,
        url: new.url,
        title: new.title,
        text: new.text,
        published: new.published,
        date_evidence: new.date_evidence,
        ingested_at: now,
        authority: new.authority,
        classification,
        simhash,
        case_id: None,
        links: new.links,
        event,
    }
}

impl Pipeline {
    /// Groups classified items into cases, then writes them all in one
    /// store transaction: the stateful half, under the cluster lock. A store
    /// failure fails the whole batch (nothing of it is written).
    fn commit(
        &self,
        prepared: Vec<Result<Item, PipelineError>>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Result<Ingested, PipelineError>>, StoreError> {
        let routing = self.routing();
        let mut index = self.lock_index();
        let mut pending = Pending::default();
        let results: Vec<_> = prepared
            .into_iter()
            .map(|p| p.and_then(|item| self.decide(item, &routing, &mut index, &mut pending)))
            .collect();
        let cases: Vec<Case> = pending
            .case_order
            .iter()
            .filter_map(|id| pending.cases.remove(id))
            .collect();
        self.store.write_batch(&pending.items, &cases, now)?;
        crate::metrics::global().items_ingested.fetch_add(
            pending.items.len() as u64,
            std::sync::atomic::Ordering::Relaxed,
        );
        Ok(results)
    }

    /// Decides one item's case, against the store and what this batch has
    /// decided so far.
    fn decide(
        &self,
        mut item: Item,
        routing: &Routing,
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
        let known = existing.as_ref().and_then(|e| e.case_id);
        if !item.classification.is_flagged() {
            // An item stays in the case it once joined (the case's history
            // and counts include it), even if it no longer matches.
            item.case_id = known;
            outcome.case_id = known;
        } else if let Some(cid) = known {
            // Seen again in its case: nothing new for the case, which is
            // left unwritten (feeds repeat their entries every poll; a
            // rewrite would only add change records and index versions).
            item.case_id = Some(cid);
            outcome.case_id = Some(cid);
        } else {
            let signature = item_signature(&item);
            let found = index.find(&signature, item.happened_at());
            let stored = match found {
                Some(cid) => match pending.cases.get(&cid) {
                    Some(c) => Some(c.clone()),
                    None => self.store.case(cid)?,
                },
                None => None,
            };
            let (mut case, new_case) = match stored {
                Some(mut case) => {
                    let before = case.severity;
                    case.absorb(&item);
                    if case.severity > before {
                        outcome.raised_from = Some(before);
                    }
                    (case, false)
                }
                None => (
                    Case::open(self.store.new_case_id()?, &item, item.ingested_at),
                    true,
                ),
            };
            case.department = routing.department(&case);
            item.case_id = Some(case.id);
            index.upsert(case.id, case_signature(&case), case_event_time(&case));
            outcome.case_id = Some(case.id);
            outcome.new_case = new_case;
            if !pending.cases.contains_key(&case.id) {
                pending.case_order.push(case.id);
            }
            pending.cases.insert(case.id, case);
        }
        match earlier {
            Some(pos) => pending.items[pos] = item,
            // Exactly as stored: nothing to write.
            None if existing.as_ref() == Some(&item) => {}
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
        let classifier = self.classifier();
        let prepared = par_map(items, |i| self.prepare(&classifier, i, now));
        let results = self.commit(prepared, now)?;
        self.store.flush()?;
        Ok(results)
    }
}

/// What a reclassification did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reclassified {
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

impl Pipeline {
    /// Re-runs classification and grouping with the current rules over the
    /// items ingested since `since`, oldest first, in batches (each one
    /// transaction). Items keep their ids, first sighting and case; items
    /// that match now join or open cases as if they had just arrived.
    pub fn reclassify(
        &self,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Reclassified, StoreError> {
        const BATCH: usize = 1000;
        let mut report = Reclassified::default();
        let mut stored = self.store.items_since(since);
        loop {
            let batch: Vec<Item> = stored.by_ref().take(BATCH).collect::<Result<_, _>>()?;
            if batch.is_empty() {
                break;
            }
            report.examined += batch.len();
            let classifier = self.classifier();
            let before: HashMap<String, Item> =
                batch.iter().map(|i| (i.id.clone(), i.clone())).collect();
            let prepared = par_map(batch, |old| {
                let new = NewItem {
                    source: old.source,
                    source_kind: old.source_kind,
                    guid: None,
                    url: old.url,
                    title: old.title,
                    text: old.text,
                    published: old.published,
                    date_evidence: old.date_evidence,
                    authority: old.authority,
                    links: old.links,
                };
                Ok(classify_item(&classifier, old.id, new, now))
            });
            for p in prepared.iter().flatten() {
                if let Some(old) = before.get(&p.id) {
                    let (a, b) = (&old.classification, &p.classification);
                    if a.categories != b.categories
                        || a.severity != b.severity
                        || a.flags != b.flags
                    {
                        report.changed += 1;
                        if !a.is_flagged() && b.is_flagged() {
                            report.newly_flagged += 1;
                        }
                    }
                }
            }
            for r in self.commit(prepared, now)? {
                match r {
                    Ok(done) if done.new_case => report.new_cases.extend(done.case_id),
                    Ok(_) => {}
                    Err(_) => report.failed += 1,
                }
            }
            self.store.flush()?;
        }
        Ok(report)
    }
}

/// Helper threads that every [`par_map`] in the process has started and not
/// yet joined. Concurrent polls share one budget of a thread per core (less
/// the caller's own), instead of each starting a thread per core.
static HELPERS_BUSY: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Takes up to `want` helper threads from the process-wide budget of
/// `cores - 1`; returns how many it got (maybe 0), to be given back.
fn take_helpers(want: usize, cores: usize) -> usize {
    use std::sync::atomic::Ordering;
    let cap = cores.saturating_sub(1);
    let mut busy = HELPERS_BUSY.load(Ordering::Relaxed);
    loop {
        let got = want.min(cap.saturating_sub(busy));
        if got == 0 {
            return 0;
        }
        match HELPERS_BUSY.compare_exchange_weak(
            busy,
            busy + got,
            Ordering::AcqRel,
            Ordering::Relaxed,
        ) {
            Ok(_) => return got,
            Err(now) => busy = now,
        }
    }
}

/// `f` over `items` on the calling thread and as many helper threads as the
/// process-wide budget allows (one per core in all, 64 items at least per
/// thread), results in input order. A panic in `f` costs its chunk,
/// reported per item as [`PipelineError::Panicked`].
fn par_map<T: Send, R: Send>(
    items: Vec<T>,
    f: impl Fn(T) -> Result<R, PipelineError> + Sync,
) -> Vec<Result<R, PipelineError>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let wanted = cores.min(items.len().div_ceil(64).max(1));
    let helpers = if wanted > 1 {
        take_helpers(wanted - 1, cores)
    } else {
        0
    };
    if helpers == 0 {
        return items.into_iter().map(f).collect();
    }
    let threads = helpers + 1;
    let chunk = items.len().div_ceil(threads);
    let mut chunks: Vec<Vec<T>> = Vec::new();
    let mut rest = items.into_iter();
    loop {
        let c: Vec<T> = rest.by_ref().take(chunk).collect();
        if c.is_empty() {
            break;
        }
        chunks.push(c);
    }
    let f = &f;
    let mut chunks = chunks.into_iter();
    let own = chunks.next().unwrap_or_default();
    let out = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .map(|c| {
                let len = c.len();
                let handle = scope.spawn(move || c.into_iter().map(f).collect::<Vec<_>>());
                (len, handle)
            })
            .collect();
        let own_len = own.len();
        let mine = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            own.into_iter().map(f).collect::<Vec<_>>()
        }))
        .unwrap_or_else(|_| (0..own_len).map(|_| Err(PipelineError::Panicked)).collect());
        mine.into_iter()
            .chain(handles.into_iter().flat_map(|(len, h)| {
                h.join()
                    .unwrap_or_else(|_| (0..len).map(|_| Err(PipelineError::Panicked)).collect())
            }))
            .collect()
    });
    HELPERS_BUSY.fetch_sub(helpers, std::sync::atomic::Ordering::AcqRel);
    out
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
        event: item.event.clone(),
        lead: item
            .title
            .chars()
            .chain(std::iter::once(' '))
            .chain(item.text.chars())
            .take(LEAD_CHARS)
            .collect(),
        members: Vec::new(),
    }
}

/// Characters of an item's start searched for bare place names (see
/// [`Signature::lead`]); a case's title is at most 120.
const LEAD_CHARS: usize = 120;

fn case_signature(case: &Case) -> Signature {
    let mut terms = case.top_terms.clone();
    terms.sort();
    terms.dedup();
    Signature {
        simhash: case.simhash,
        terms,
        regions: case.regions.clone(),
        categories: case.categories.clone(),
        event: case.event.clone(),
        lead: case.title.clone(),
        members: case.members.clone(),
    }
}

/// When a case's latest item happened (cases stored before this was kept
/// use their last sighting).
fn case_event_time(case: &Case) -> DateTime<Utc> {
    case.last_event.unwrap_or(case.last_seen)
}
