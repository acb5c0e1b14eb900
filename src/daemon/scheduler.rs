//! The scheduler: polls every enabled source on its cron schedule (with
//! its jitter), at most N at a time, backing off failing sources, honouring
//! Retry-After, and switching the sources of a region to their surge
//! schedule while a grave case (I/II) there is fresh. State survives
//! restarts in the store, so a restart resumes schedules.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::{Notify, Semaphore, watch};
use tracing::Instrument;

use super::refresh::{Collector, PollReport};
use crate::classify::Severity;
use crate::sources::{Source, SourceConfig};
use crate::store::SourceState;

/// Scheduler settings (`[scheduler]` in the config).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SchedulerConfig {
    /// Polls in flight at most, all sources together.
    pub max_concurrent_polls: usize,
    /// Hours a region's sources stay on their surge schedule after a grave
    /// case appears there.
    pub surge_hours: i64,
    /// Longest back-off of a failing source, in minutes.
    pub max_backoff_minutes: i64,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        SchedulerConfig {
            max_concurrent_polls: 8,
            surge_hours: 24,
            max_backoff_minutes: 360,
        }
    }
}

struct Shared {
    /// The enabled sources, compiled, replaced whole on a reload.
    sources: Vec<Arc<Source>>,
    states: HashMap<String, SourceState>,
    running: HashSet<String>,
}

/// Runs the sources until shutdown.
pub struct Scheduler {
    handle: SchedulerHandle,
}

/// What the rest of the daemon (the API, reloads) may ask of a running
/// scheduler. Cheap to clone.
#[derive(Clone)]
pub struct SchedulerHandle {
    collector: Arc<Collector>,
    config: SchedulerConfig,
    shared: Arc<Mutex<Shared>>,
    /// Wakes the loop when sources change or a poll should start now.
    wake: Arc<Notify>,
    /// Unix seconds of the loop's last pass (readiness).
    heartbeat: Arc<AtomicI64>,
}

/// One source as operators see it: its config, its state, and whether a
/// poll is running.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// The source's configuration.
    pub config: SourceConfig,
    /// Its polling state.
    pub state: SourceState,
    /// True while a poll of it is in flight.
    pub polling: bool,
}

/// Why an on-demand poll did not run.
#[derive(Debug, thiserror::Error)]
pub enum PollNowError {
    /// No enabled source has this name.
    #[error("no enabled source is named '{0}'")]
    Unknown(String),
    /// A poll of it is already running.
    #[error("source '{0}' is being polled right now")]
    Busy(String),
}

fn load_state(collector: &Collector, name: &str) -> SourceState {
    match collector.pipeline.store().source_state(name) {
        Ok(Some(st)) => st,
        Ok(None) => SourceState {
            name: name.to_string(),
            ..Default::default()
        },
        Err(e) => {
            tracing::error!(source = %name, error = %e, "cannot read the source's saved state; starting afresh");
            SourceState {
                name: name.to_string(),
                ..Default::default()
            }
        }
    }
}

impl Scheduler {
    /// A scheduler over the enabled `sources` (compiled by
    /// [`crate::sources::compile`]), with their saved states.
    pub fn new(collector: Arc<Collector>, sources: Vec<Source>, config: SchedulerConfig) -> Self {
        let sources: Vec<Arc<Source>> = sources
            .into_iter()
            .filter(|s| s.enabled)
            .map(Arc::new)
            .collect();
        let states = sources
            .iter()
            .map(|s| (s.name.clone(), load_state(&collector, &s.name)))
            .collect();
        Scheduler {
            handle: SchedulerHandle {
                collector,
                config,
                shared: Arc::new(Mutex::new(Shared {
                    sources,
                    states,
                    running: HashSet::new(),
                })),
                wake: Arc::new(Notify::new()),
                heartbeat: Arc::new(AtomicI64::new(Utc::now().timestamp())),
            },
        }
    }

    /// A handle to the scheduler, usable while it runs.
    pub fn handle(&self) -> SchedulerHandle {
        self.handle.clone()
    }

    /// Polls until `shutdown` turns true; then waits up to `grace` for
    /// polls in flight.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>, grace: Duration) {
        let h = self.handle;
        let permits = Arc::new(Semaphore::new(h.config.max_concurrent_polls.max(1)));
        let mut tasks = tokio::task::JoinSet::new();
        tracing::info!(sources = lock(&h.shared).sources.len(), "scheduler started");
        loop {
            let now = Utc::now();
            h.heartbeat.store(now.timestamp(), Ordering::Relaxed);
            let mut earliest: Option<DateTime<Utc>> = None;
            let sources = lock(&h.shared).sources.clone();
            for source in &sources {
                let due = {
                    let shared = lock(&h.shared);
                    if shared.running.contains(&source.name) {
                        continue;
                    }
                    shared.states.get(&source.name).and_then(|s| s.next_due)
                };
                match due {
                    Some(d) if d > now => {
                        earliest = Some(earliest.map_or(d, |e| e.min(d)));
                    }
                    _ => {
                        lock(&h.shared).running.insert(source.name.clone());
                        let task = h.task(source.clone(), sources.clone());
                        let permits = permits.clone();
                        tasks.spawn(async move {
                            let _permit = permits.acquire_owned().await;
                            task.run().await;
                        });
                    }
                }
            }
            // Reap finished polls so the set does not grow.
            while tasks.try_join_next().is_some() {}
            let wait = earliest
                .map(|e| (e - Utc::now()).to_std().unwrap_or_default())
                .unwrap_or(Duration::from_secs(1))
                // Re-check at least every few seconds: polls finishing set
                // new due times.
                .min(Duration::from_secs(5));
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = h.wake.notified() => {}
                _ = shutdown.changed() => {
                    if *shutdown.borrow() {
                        break;
                    }
                }
            }
        }
        tracing::info!(in_flight = tasks.len(), "scheduler stopping");
        let drain = async { while tasks.join_next().await.is_some() {} };
        if tokio::time::timeout(grace, drain).await.is_err() {
            tracing::warn!("polls still running after {} s; abandoned", grace.as_secs());
            tasks.abort_all();
        }
    }
}

impl SchedulerHandle {
    fn task(&self, source: Arc<Source>, all: Vec<Arc<Source>>) -> PollTask {
        PollTask {
            collector: self.collector.clone(),
            source,
            all,
            config: self.config.clone(),
            shared: self.shared.clone(),
        }
    }

    /// Replaces the sources (a live reload). New sources start with their
    /// saved state, if any; a source whose settings changed is due at once,
    /// so an operator sees the effect of an edit; polls in flight finish.
    pub fn set_sources(&self, sources: Vec<Source>) {
        let sources: Vec<Arc<Source>> = sources
            .into_iter()
            .filter(|s| s.enabled)
            .map(Arc::new)
            .collect();
        let mut shared = lock(&self.shared);
        let old: HashMap<String, Arc<Source>> = shared
            .sources
            .iter()
            .map(|s| (s.name.clone(), s.clone()))
            .collect();
        for s in &sources {
            let changed = old.get(&s.name).is_none_or(|o| o.config() != s.config());
            if !shared.states.contains_key(&s.name) {
                let state = load_state(&self.collector, &s.name);
                shared.states.insert(s.name.clone(), state);
            }
            if changed && let Some(st) = shared.states.get_mut(&s.name) {
                st.next_due = None;
            }
        }
        let keep: HashSet<&str> = sources.iter().map(|s| s.name.as_str()).collect();
        shared.states.retain(|name, _| keep.contains(name.as_str()));
        shared.sources = sources;
        drop(shared);
        self.wake.notify_one();
    }

    /// Every enabled source with its state, in config order.
    pub fn sources(&self) -> Vec<SourceView> {
        let shared = lock(&self.shared);
        shared
            .sources
            .iter()
            .map(|s| SourceView {
                config: s.config().clone(),
                state: shared.states.get(&s.name).cloned().unwrap_or_default(),
                polling: shared.running.contains(&s.name),
            })
            .collect()
    }

    /// Polls one source now, as its schedule would (its state, surge and
    /// next due time are updated), and returns what was found.
    pub async fn poll_now(&self, name: &str) -> Result<PollReport, PollNowError> {
        let (source, all) = {
            let mut shared = lock(&self.shared);
            let Some(source) = shared.sources.iter().find(|s| s.name == name).cloned() else {
                return Err(PollNowError::Unknown(name.to_string()));
            };
            if !shared.running.insert(source.name.clone()) {
                return Err(PollNowError::Busy(name.to_string()));
            }
            (source, shared.sources.clone())
        };
        let report = self.task(source, all).run().await;
        self.wake.notify_one();
        Ok(report)
    }

    /// When the scheduler's loop last ran (its creation, before it starts).
    pub fn last_heartbeat(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.heartbeat.load(Ordering::Relaxed), 0).unwrap_or_default()
    }
}

fn lock(m: &Mutex<Shared>) -> std::sync::MutexGuard<'_, Shared> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

struct PollTask {
    collector: Arc<Collector>,
    source: Arc<Source>,
    all: Vec<Arc<Source>>,
    config: SchedulerConfig,
    shared: Arc<Mutex<Shared>>,
}

impl PollTask {
    async fn run(self) -> PollReport {
        let state = lock(&self.shared)
            .states
            .get(&self.source.name)
            .cloned()
            .unwrap_or_default();
        let span = tracing::info_span!("poll", source = %self.source.name);
        let report = self
            .collector
            .poll(&self.source, &state)
            .instrument(span.clone())
            .await;
        let _enter = span.enter();
        let now = Utc::now();
        log(&report);
        crate::metrics::global().poll(&self.source.name, report.status, report.new, report.updated);
        let grave = self.grave_regions(&report).await;
        // The lock is held in this block only: never across an await.
        let touched = {
            let mut shared = lock(&self.shared);
            let mut state = shared
                .states
                .get(&self.source.name)
                .cloned()
                .unwrap_or(state);
            state.name = self.source.name.clone();
            report.apply(&mut state, now);
            state.next_due = Some(next_due(&self.source, &state, &report, &self.config, now));
            shared.states.insert(self.source.name.clone(), state);
            // Surge: sources of the regions where a grave case just appeared.
            let until = now + chrono::Duration::hours(self.config.surge_hours);
            let mut touched = vec![self.source.name.clone()];
            if !grave.is_empty() {
                for s in &self.all {
                    let covers = s.region.as_ref().is_some_and(|r| grave.contains(r))
                        || s.tags.iter().any(|t| grave.contains(t));
                    if covers && s.surge_schedule.is_some() {
                        if let Some(st) = shared.states.get_mut(&s.name) {
                            st.surge_until = Some(until);
                            // Poll it on the denser schedule from now on.
                            st.next_due = Some(now);
                            touched.push(s.name.clone());
                        }
                        tracing::info!(source = %s.name, until = %until, "surge schedule on");
                    }
                }
            }
            shared.running.remove(&self.source.name);
            touched
        };
        // Saved on the blocking pool (sled), each state copied under the
        // lock at the moment of saving: two polls saving the same source
        // in either order both save the newest state, never an older copy
        // over a newer one.
        let store = self.collector.pipeline.store().clone();
        let shared = self.shared.clone();
        let saved = tokio::task::spawn_blocking(move || {
            for name in &touched {
                let st = lock(&shared).states.get(name).cloned();
                if let Some(st) = st
                    && let Err(e) = store.put_source_state(&st)
                {
                    tracing::error!(source = %st.name, error = %e, "cannot save the source's state");
                }
            }
            if let Err(e) = store.flush() {
                tracing::error!(error = %e, "cannot flush the store");
            }
        })
        .await;
        if let Err(e) = saved {
            tracing::error!(error = %e, "saving the source's state failed");
        }
        report
    }

    /// Regions of the cases this poll opened as grave (I/II) or raised to
    /// grave: whichever source reports the worse news first, the region
    /// surges.
    async fn grave_regions(&self, report: &PollReport) -> Vec<String> {
        let ids: Vec<u64> = report
            .new_cases
            .iter()
            .chain(&report.raised_cases)
            .copied()
            .collect();
        if ids.is_empty() {
            return Vec::new();
        }
        let store = self.collector.pipeline.store().clone();
        tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            for id in ids {
                if let Ok(Some(case)) = store.case(id)
                    && case.severity >= Severity::II
                {
                    out.extend(case.regions.iter().cloned());
                }
            }
            out
        })
        .await
        .unwrap_or_default()
    }
}

fn log(r: &PollReport) {
    match r.status {
        "failed" => tracing::warn!(
            status = r.status,
            error = r.error.as_deref().unwrap_or(""),
            elapsed_ms = r.elapsed_ms,
            "poll failed"
        ),
        "deferred" => tracing::info!(
            status = r.status,
            wait_s = r.retry_after.map_or(0, |w| w.as_secs()),
            "poll deferred: the host asked for a pause (Retry-After)"
        ),
        _ => tracing::info!(
            status = r.status,
            found = r.found,
            new = r.new,
            updated = r.updated,
            new_cases = r.new_cases.len(),
            rejected = r.rejected,
            elapsed_ms = r.elapsed_ms,
            "poll done"
        ),
    }
}

/// When the source is due next: its (surge) schedule, pushed back by
/// exponential back-off while it fails and by the server's Retry-After.
pub fn next_due(
    source: &Source,
    state: &SourceState,
    report: &PollReport,
    config: &SchedulerConfig,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    if report.status == "deferred"
        && let Some(wait) = report.retry_after
    {
        // Back when the host's hold ends; a pause asked for is no failure.
        return now + chrono::Duration::from_std(wait).unwrap_or_default();
    }
    let surging = state.surge_until.is_some_and(|u| u > now);
    let table = match &source.surge {
        Some(surge) if surging => surge,
        _ => &source.timetable,
    };
    let mut next = table
        .next_after(now)
        .unwrap_or(now + chrono::Duration::minutes(10));
    if state.consecutive_failures > 0 {
        let exp = state.consecutive_failures.min(16) - 1;
        let backoff = chrono::Duration::minutes(1i64 << exp)
            .min(chrono::Duration::minutes(config.max_backoff_minutes.max(1)));
        next = next.max(now + backoff);
    }
    if let Some(wait) = report.retry_after {
        next = next.max(now + chrono::Duration::from_std(wait).unwrap_or_default());
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> Source {
        let config: SourceConfig = match toml::from_str(
            "name = \"s\"\nkind = \"feed\"\nurl = \"http://127.0.0.1/f\"\nschedule = \"0 * * * *\"\nsurge_schedule = \"*/5 * * * *\"\n",
        ) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        match Source::compile(config, "s") {
            Ok(s) => s,
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn surge_back_off_and_retry_after_move_the_next_poll() {
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:02:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let s = source();
        let config = SchedulerConfig::default();
        let ok = PollReport::default();
        let mut state = SourceState::default();
        let hourly = next_due(&s, &state, &ok, &config, now);
        assert!(hourly > now + chrono::Duration::minutes(50), "{hourly}");
        state.surge_until = Some(now + chrono::Duration::hours(24));
        let surge = next_due(&s, &state, &ok, &config, now);
        assert!(surge <= now + chrono::Duration::minutes(5), "{surge}");
        state.surge_until = Some(now - chrono::Duration::minutes(1));
        assert_eq!(
            next_due(&s, &state, &ok, &config, now),
            hourly,
            "surge over"
        );
        // Five failures in a row: 16 minutes at least, capped by the config.
        state.consecutive_failures = 5;
        let backed = next_due(
            &s,
            &state,
            &ok,
            &SchedulerConfig {
                max_backoff_minutes: 10,
                ..config.clone()
            },
            now,
        );
        assert_eq!(backed, hourly, "the cap keeps it at the schedule");
        state.consecutive_failures = 12;
        let backed = next_due(&s, &state, &ok, &config, now);
        assert_eq!(backed, now + chrono::Duration::minutes(360));
        let busy = PollReport {
            retry_after: Some(Duration::from_secs(7200)),
            ..Default::default()
        };
        state.consecutive_failures = 1;
        assert_eq!(
            next_due(&s, &state, &busy, &config, now),
            now + chrono::Duration::hours(2)
        );
    }
}
