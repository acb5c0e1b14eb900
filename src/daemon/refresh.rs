//! One refresh of one source, read top to bottom: fetch → extract →
//! pipeline, giving a [`PollReport`] that the scheduler folds into the
//! source's state (miniflux's `RefreshFeed`). The stages know nothing of
//! each other; only this module joins them. HTML parsing (scraper's `Html`
//! is not `Send`), file reads and the pipeline's sled calls run on the
//! blocking pool.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::extract::article::{self, Hints};
use crate::extract::feed;
use crate::extract::links::{ListEntry, ListSelectors, list_links};
use crate::fetch::{FetchError, Fetched, Fetcher, Validators, charset};
use crate::item::item_id;
use crate::pipeline::{NewItem, Pipeline};
use url::Url;

use crate::sources::{Source, SourceConfig, SourceSpec};
use crate::store::SourceState;

/// What a poll did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PollReport {
    /// The source.
    pub source: String,
    /// `ok`, `not_modified`, `deferred` (the host is under a Retry-After
    /// hold: polled again when it ends, no back-off) or `failed`.
    pub status: &'static str,
    /// Entries found (feed entries, new article links, inbox records).
    pub found: usize,
    /// Items stored for the first time.
    pub new: u32,
    /// Items seen before (updated).
    pub updated: u32,
    /// Cases opened by this poll.
    pub new_cases: Vec<u64>,
    /// Existing cases whose severity this poll's items raised.
    pub raised_cases: Vec<u64>,
    /// Items the pipeline refused (empty text…) or articles that failed.
    pub rejected: u32,
    /// Why it failed, or what failed partly.
    pub error: Option<String>,
    /// What was read badly without failing (an empty body, a malformed
    /// feed read past its fault), each naming the URL.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The items stored, in order.
    pub items: Vec<Found>,
    /// Wall time.
    pub elapsed_ms: u64,
    /// What the server asked us to wait.
    #[serde(skip)]
    pub retry_after: Option<Duration>,
    /// Validators for the next conditional GET.
    #[serde(skip)]
    pub validators: Option<Validators>,
}

impl PollReport {
    fn failed(source: &str, error: String) -> Self {
        PollReport {
            source: source.to_string(),
            status: "failed",
            error: Some(error),
            ..Default::default()
        }
    }

    /// A poll whose fetch failed; `deferred` (not a failure: no back-off)
    /// when the host is under a Retry-After hold, with the hold's length.
    fn fetch_failed(source: &str, e: &FetchError) -> Self {
        let mut r = PollReport::failed(source, e.to_string());
        r.retry_after = e.retry_after();
        if matches!(e, FetchError::HostHeld { .. }) {
            r.status = "deferred";
        }
        r
    }

    /// Folds this poll into the source's state: success resets failures,
    /// failure counts and keeps the message.
    pub fn apply(&self, state: &mut SourceState, now: DateTime<Utc>) {
        state.last_poll = Some(now);
        if self.status == "deferred" {
            // The host asked for a pause: neither a success nor a failure.
            return;
        }
        if self.status == "failed" {
            state.consecutive_failures += 1;
            state.last_error = self.error.clone();
        } else {
            state.consecutive_failures = 0;
            state.last_success = Some(now);
            state.last_error = self.error.clone();
            state.last_warnings = self.warnings.clone();
            state.last_new = self.new;
            state.last_updated = self.updated;
            state.items_found += u64::from(self.new);
            if let Some(v) = &self.validators {
                state.validators = v.clone();
            }
        }
    }
}

/// One item a poll stored.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    /// Its id.
    pub item_id: String,
    /// Its title (or the start of its text).
    pub title: String,
    /// Its URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its publication time, when known.
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

/// Polls sources into a pipeline.
pub struct Collector {
    /// The HTTP client.
    pub fetcher: Arc<Fetcher>,
    /// Where items go.
    pub pipeline: Arc<Pipeline>,
    /// Base directory for relative inbox paths (the config's directory).
    pub base_dir: PathBuf,
}

impl Collector {
    /// Refreshes `source` once: fetch (or read the inbox), extract, hand the
    /// items to the pipeline. The caller folds the report into the source's
    /// state ([`PollReport::apply`]).
    pub async fn poll(&self, source: &Arc<Source>, state: &SourceState) -> PollReport {
        let started = Instant::now();
        let mut report = match &source.spec {
            SourceSpec::Feed { url } => self.poll_feed(source, url, state).await,
            SourceSpec::Page { url, .. } => self.poll_page(source, url).await,
            SourceSpec::Inbox { dir, seed } => {
                let dir = self.base_dir.join(dir);
                if state.last_poll.is_none()
                    && let Some(seed) = seed
                {
                    let (seed, into) = (self.base_dir.join(seed), dir.clone());
                    let copied =
                        tokio::task::spawn_blocking(move || seed_inbox(&seed, &into)).await;
                    match copied {
                        Ok(Ok(n)) if n > 0 => {
                            tracing::info!(source = %source.name, files = n, "inbox seeded with sample files");
                        }
                        Ok(Ok(_)) => {}
                        Ok(Err(e)) => {
                            tracing::warn!(source = %source.name, error = %e, "cannot seed the inbox")
                        }
                        Err(e) => {
                            tracing::warn!(source = %source.name, error = %e, "cannot seed the inbox")
                        }
                    }
                }
                self.poll_inbox(source, dir).await
            }
        };
        report.source = source.name.clone();
        report.elapsed_ms = started.elapsed().as_millis() as u64;
        report
    }

    async fn poll_feed(&self, source: &Arc<Source>, url: &Url, state: &SourceState) -> PollReport {
        let body = match self
            .fetcher
            .get_url(url, Some(&state.validators), source.robots)
            .await
        {
            Ok(Fetched::NotModified) => {
                return PollReport {
                    status: "not_modified",
                    ..Default::default()
                };
            }
            Ok(Fetched::Body(b)) => b,
            Err(e) => return PollReport::fetch_failed(&source.name, &e),
        };
        let validators = body.validators.clone();
        let src = source.clone();
        let pipeline = self.pipeline.clone();
        let max_entries = self.fetcher.config().max_feed_entries;
        let result = tokio::task::spawn_blocking(move || {
            let parsed =
                feed::parse_at_most(&body.bytes, body.content_type.as_deref(), max_entries)
                    .map_err(|e| format!("{}: {e}", body.url))?;
            let mut warnings: Vec<String> = Vec::new();
            if let Some(f) = &parsed.fault {
                warnings.push(format!(
                    "{}: malformed feed, {} entries read around the fault: {f}",
                    body.url,
                    parsed.entries.len()
                ));
            }
            if let Some(total) = parsed.cut_from {
                warnings.push(format!(
                    "{}: the feed has {total} entries; the newest {max_entries} were read (fetch.max_feed_entries)",
                    body.url
                ));
            }
            let items: Vec<NewItem> = parsed
                .entries
                .into_iter()
                .map(|e| NewItem {
                    source: src.name.clone(),
                    source_kind: src.item_kind.clone(),
                    guid: e.guid,
                    url: e.url,
                    title: e.title,
                    text: e.text,
                    date_evidence: e.published.map(|_| "the feed's entry date".to_string()),
                    published: e.published,
                    authority: src.authority,
                    links: e.links,
                })
                .collect();
            let mut report = ingest(&pipeline, items);
            for w in warnings {
                tracing::warn!(source = %src.name, warning = %w, "feed read with a warning");
                report.warnings.push(w);
            }
            Ok::<_, String>(report)
        })
        .await;
        let mut report = flatten(&source.name, result);
        report.validators = Some(validators);
        report
    }

    async fn poll_page(&self, source: &Arc<Source>, url: &Url) -> PollReport {
        // List pages change every poll in small ways (clocks, counters);
        // conditional GET rarely helps, so it is not used here.
        let body = match self.fetcher.get_url(url, None, source.robots).await {
            Ok(Fetched::Body(b)) => b,
            Ok(Fetched::NotModified) => {
                return PollReport {
                    status: "not_modified",
                    ..Default::default()
                };
            }
            Err(e) => return PollReport::fetch_failed(&source.name, &e),
        };
        let src = source.clone();
        let pipeline = self.pipeline.clone();
        let links = tokio::task::spawn_blocking(move || {
            let SourceSpec::Page {
                selectors,
                max_articles,
                ..
            } = &src.spec
            else {
                return Vec::new();
            };
            let html = body.text().text;
            let list = ListSelectors {
                link: selectors.link.as_ref(),
                title: selectors.list_title.as_ref(),
                date: selectors.list_date.as_ref(),
            };
            let links = list_links(&html, &body.url, list);
            // Articles already stored are not fetched again.
            links
                .into_iter()
                .filter(|e| {
                    let id = item_id(&src.name, None, Some(&e.url), "", "");
                    !matches!(pipeline.store().item(&id), Ok(Some(_)))
                })
                .take(*max_articles)
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        let found = links.len();
        let mut items = Vec::new();
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        for entry in links {
            match self.fetcher.get(&entry.url, None, source.robots).await {
                Ok(Fetched::Body(b)) => {
                    let src = source.clone();
                    let now = Utc::now();
                    let item = tokio::task::spawn_blocking(move || {
                        let html = b.text().text;
                        article(&html, &src, &entry, now)
                    })
                    .await
                    .ok()
                    .flatten();
                    if let Some((i, warning)) = item {
                        if let Some(w) = warning {
                            tracing::warn!(source = %source.name, warning = %w, "article read badly");
                            warnings.push(w);
                        }
                        items.push(i);
                    }
                }
                Ok(Fetched::NotModified) => {}
                Err(e @ FetchError::HostHeld { .. }) => {
                    // The rest wait for the next poll: they are not stored,
                    // so they are found again.
                    warnings.push(format!(
                        "{e}; the remaining articles are left for the next poll"
                    ));
                    break;
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
        let pipeline = self.pipeline.clone();
        let result =
            tokio::task::spawn_blocking(move || Ok::<_, String>(ingest(&pipeline, items))).await;
        let mut report = flatten(&source.name, result);
        report.found = found;
        report.warnings.extend(warnings);
        report.rejected += errors.len() as u32;
        if !errors.is_empty() {
            let n = errors.len();
            let first = errors.swap_remove(0);
            report.error = Some(format!("{n} article(s) failed, first: {first}"));
            if n == found && found > 0 {
                report.status = "failed";
            }
        }
        report
    }

    async fn poll_inbox(&self, source: &Arc<Source>, dir: PathBuf) -> PollReport {
        let src = source.clone();
        let pipeline = self.pipeline.clone();
        let result = tokio::task::spawn_blocking(move || inbox(&dir, &src, &pipeline)).await;
        flatten(&source.name, result)
    }
}

fn flatten(
    source: &str,
    result: Result<Result<PollReport, String>, tokio::task::JoinError>,
) -> PollReport {
    match result {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => PollReport::failed(source, e),
        Err(e) => PollReport::failed(source, format!("the poll task failed: {e}")),
    }
}

/// Runs items through the pipeline (one batch, flushed).
fn ingest(pipeline: &Pipeline, items: Vec<NewItem>) -> PollReport {
    let mut report = PollReport {
        status: "ok",
        found: items.len(),
        ..Default::default()
    };
    if items.is_empty() {
        return report;
    }
    let shown: Vec<Found> = items
        .iter()
        .map(|i| Found {
            item_id: String::new(),
            title: if i.title.trim().is_empty() {
                i.text.chars().take(40).collect()
            } else {
                i.title.clone()
            },
            url: i.url.clone(),
            published: i.published,
            date_evidence: i.date_evidence.clone(),
            excerpt: excerpt(&i.text),
            case_id: None,
            new: false,
        })
        .collect();
    match pipeline.ingest_batch(items, Utc::now()) {
        Ok(results) => {
            for (r, found) in results.into_iter().zip(shown) {
                match r {
                    Ok(done) => {
                        report.items.push(Found {
                            item_id: done.item_id.clone(),
                            case_id: done.case_id,
                            new: !done.updated,
                            ..found
                        });
                        if done.updated {
                            report.updated += 1;
                        } else {
                            report.new += 1;
                        }
                        if done.new_case
                            && let Some(c) = done.case_id
                        {
                            report.new_cases.push(c);
                        }
                        if done.raised_from.is_some()
                            && let Some(c) = done.case_id
                            && !report.raised_cases.contains(&c)
                        {
                            report.raised_cases.push(c);
                        }
                    }
                    Err(_) => report.rejected += 1,
                }
            }
        }
        Err(e) => {
            report.status = "failed";
            report.error = Some(format!("storing the items failed: {e}"));
        }
    }
    report
}

/// The first characters of `text`, whitespace folded: what an operator
/// checking a source needs to see.
fn excerpt(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = folded.chars().take(EXCERPT).collect();
    if folded.chars().count() > EXCERPT {
        out.push('…');
    }
    out
}

/// Characters of text shown per item.
const EXCERPT: usize = 80;

/// An article page → an item, and a warning when its body is empty or
/// near-empty. Title, body and date come from [`article::extract_with`]:
/// the source's selectors when given, else what the page and its list row
/// say.
fn article(
    html: &str,
    src: &Source,
    entry: &ListEntry,
    now: DateTime<Utc>,
) -> Option<(NewItem, Option<String>)> {
    let hints = Hints {
        list_title: Some(entry.title.as_str()).filter(|t| !t.is_empty()),
        list_date: entry.date.as_deref(),
        url: Some(entry.url.as_str()),
    };
    let selectors = match &src.spec {
        SourceSpec::Page { selectors, .. } => article::Selectors {
            title: selectors.title.as_ref(),
            body: selectors.body.as_ref(),
            date: selectors.date.as_ref(),
        },
        _ => article::Selectors::default(),
    };
    let found = article::extract_with(html, selectors, hints, now);
    if found.text.trim().is_empty() && found.title.trim().is_empty() {
        return None;
    }
    let n = article::letters(&found.text);
    let warning = (n < article::SHORT_BODY).then(|| {
        format!(
            "{}: empty or near-empty body ({n} letters); set body_selector on the source",
            entry.url
        )
    });
    let item = NewItem {
        source: src.name.clone(),
        source_kind: src.item_kind.clone(),
        guid: None,
        url: Some(entry.url.clone()),
        title: found.title,
        text: found.text,
        published: found.published,
        date_evidence: found.date_evidence,
        authority: src.authority,
        links: Vec::new(),
    };
    Some((item, warning))
}

/// Copies the files of `seed` into the inbox `dir`, except those it has
/// seen already (in it, `processed/` or `failed/`). Copies are written
/// under a dot name and renamed, so a poll never reads half a file, and
/// dated in the past so the settle delay does not hold them back.
fn seed_inbox(seed: &Path, dir: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("inbox {}: {e}", dir.display()))?;
    let entries = std::fs::read_dir(seed).map_err(|e| format!("seed {}: {e}", seed.display()))?;
    let mut n = 0;
    for e in entries.flatten() {
        let from = e.path();
        let Some(name) = from.file_name() else {
            continue;
        };
        if !from.is_file() || name.to_string_lossy().starts_with('.') {
            continue;
        }
        let seen = [dir.to_path_buf(), dir.join("processed"), dir.join("failed")]
            .iter()
            .any(|d| d.join(name).exists());
        if seen {
            continue;
        }
        let tmp = dir.join(format!(".{}.seeding", name.to_string_lossy()));
        std::fs::copy(&from, &tmp).map_err(|e| format!("{}: {e}", from.display()))?;
        if let Ok(f) = std::fs::File::options().write(true).open(&tmp) {
            let _ = f.set_modified(std::time::SystemTime::now() - SETTLE * 2);
        }
        std::fs::rename(&tmp, dir.join(name)).map_err(|e| format!("{}: {e}", from.display()))?;
        n += 1;
    }
    Ok(n)
}

/// Largest inbox file read; a larger one goes to `failed/` with a
/// `NAME.error` saying why, instead of being read whole into memory.
pub const MAX_INBOX_FILE_BYTES: u64 = 64 << 20;

/// Reads at most `limit` bytes of `path`; a longer file is an error that
/// says how to fix it.
fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "the file is larger than the {} MB limit for inbox files; split it into smaller files",
            limit >> 20
        ));
    }
    Ok(bytes)
}

/// Inbox files read per poll at most.
const INBOX_FILES: usize = 500;
/// A file modified this recently may still be being written.
const SETTLE: Duration = Duration::from_secs(2);

/// Ingests the inbox's files once each: processed files go to
/// `processed/`, unreadable ones to `failed/` with a `.error` file beside
/// them. Nothing is deleted.
fn inbox(dir: &Path, src: &SourceConfig, pipeline: &Pipeline) -> Result<PollReport, String> {
    if !dir.exists() {
        std::fs::create_dir_all(dir).map_err(|e| format!("inbox {}: {e}", dir.display()))?;
        tracing::info!(inbox = %dir.display(), "created the inbox directory");
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("inbox {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            !name.starts_with('.') && !name.ends_with(".error")
        })
        .filter(|p| {
            p.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_none_or(|age| age >= SETTLE)
        })
        .collect();
    files.sort();
    files.truncate(INBOX_FILES);
    let mut total = PollReport {
        status: "ok",
        ..Default::default()
    };
    let mut errors = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match read_inbox_file(&path, src) {
            Ok((items, bad_lines)) => {
                let r = ingest(pipeline, items);
                if r.status == "failed" {
                    // The store failed: leave the file for the next poll.
                    return Err(r.error.unwrap_or_default());
                }
                total.found += r.found;
                total.new += r.new;
                total.updated += r.updated;
                total.rejected += r.rejected + bad_lines.len() as u32;
                total.new_cases.extend(r.new_cases);
                total.raised_cases.extend(r.raised_cases);
                total.items.extend(r.items);
                let note = (!bad_lines.is_empty()).then(|| bad_lines.join("\n"));
                if let Err(e) = move_to(&path, dir, "processed", note.as_deref()) {
                    errors.push(e);
                }
            }
            Err(why) => {
                total.rejected += 1;
                errors.push(format!("{name}: {why}"));
                if let Err(e) = move_to(&path, dir, "failed", Some(&why)) {
                    errors.push(e);
                }
            }
        }
    }
    if !errors.is_empty() {
        total.error = Some(errors.join("; "));
    }
    Ok(total)
}

/// Items of one inbox file, and its unusable lines (as `line N: why`).
fn read_inbox_file(path: &Path, src: &SourceConfig) -> Result<(Vec<NewItem>, Vec<String>), String> {
    let bytes = read_capped(path, MAX_INBOX_FILE_BYTES)?;
    let text = charset::decode(&bytes, None, None).text;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let fill = |mut item: NewItem| {
        if item.source.trim().is_empty() {
            item.source = src.name.clone();
        }
        if item.source_kind.is_none() {
            item.source_kind = src.item_kind.clone().or(Some("manual".into()));
        }
        if item.authority.is_none() {
            item.authority = src.authority;
        }
        item
    };
    match ext.as_str() {
        "txt" | "md" => {
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let title = lines
                .next()
                .unwrap_or("")
                .trim_start_matches('#')
                .trim()
                .to_string();
            if text.trim().is_empty() {
                return Err("the file is empty".into());
            }
            Ok((
                vec![fill(NewItem {
                    title,
                    text: text.trim().to_string(),
                    ..Default::default()
                })],
                Vec::new(),
            ))
        }
        "json" => {
            let v: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
            let list = match v {
                serde_json::Value::Array(a) => a,
                other => vec![other],
            };
            records(list.into_iter().enumerate().map(|(i, v)| {
                serde_json::from_value::<NewItem>(v)
                    .map(fill)
                    .map_err(|e| format!("record {}: {e}", i + 1))
            }))
        }
        "jsonl" | "ndjson" => records(
            text.lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, line)| {
                    serde_json::from_str::<NewItem>(line)
                        .map(fill)
                        .map_err(|e| format!("line {}: {e}", i + 1))
                }),
        ),
        other => Err(format!(
            "unsupported file type '.{other}'; use .txt, .md, .json or .jsonl"
        )),
    }
}

/// Splits parsed records into items and errors; a file with no usable
/// record is an error as a whole.
fn records(
    parsed: impl Iterator<Item = Result<NewItem, String>>,
) -> Result<(Vec<NewItem>, Vec<String>), String> {
    let (mut items, mut bad) = (Vec::new(), Vec::new());
    for r in parsed {
        match r {
            Ok(item) => items.push(item),
            Err(e) => bad.push(e),
        }
    }
    if items.is_empty() {
        return Err(if bad.is_empty() {
            "no records".into()
        } else {
            bad.join("\n")
        });
    }
    Ok((items, bad))
}

/// Moves `path` into `dir/sub/`, never overwriting; writes `note` beside it
/// as `NAME.error`.
fn move_to(path: &Path, dir: &Path, sub: &str, note: Option<&str>) -> Result<(), String> {
    let target_dir = dir.join(sub);
    std::fs::create_dir_all(&target_dir).map_err(|e| format!("{}: {e}", target_dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut target = target_dir.join(&name);
    if target.exists() {
        target = target_dir.join(format!("{}-{name}", Utc::now().format("%Y%m%dT%H%M%S%.3f")));
    }
    std::fs::rename(path, &target)
        .map_err(|e| format!("moving {} to {}: {e}", path.display(), target.display()))?;
    if let Some(n) = note {
        let mut err = target.clone().into_os_string();
        err.push(".error");
        std::fs::write(PathBuf::from(err), format!("{n}\n"))
            .map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}
