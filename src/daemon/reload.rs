//! Live reload of the keyword lists and the config's sources and routing.
//!
//! A reload is triggered by a file change (the keyword directory and the
//! config file are fingerprinted every two seconds: polling works on bind
//! mounts, network filesystems and editors that save by renaming, where
//! inotify does not), by SIGHUP, or by `POST /api/v1/keywords/reload`.
//!
//! New rules are validated completely before they replace the old ones: on
//! any error the daemon keeps the rules it has, logs every problem with its
//! file:line, and reports them in [`RulesStatus::error`] until a later
//! reload succeeds. Batches already classifying finish with the rules they
//! started with, so no request or poll fails during a reload.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::watch;

use crate::alerts::Alerter;
use crate::alerts::deliver::Sender;
use crate::classify::rules::Level;
use crate::classify::{Classifier, RuleSet};
use crate::config::Config;
use crate::pipeline::Pipeline;
use crate::sources::Source;
use crate::text::Normalizer;

use super::SchedulerHandle;

/// How often the watched files are fingerprinted.
pub const WATCH_INTERVAL: Duration = Duration::from_secs(2);

/// One loaded keyword list, as `GET /api/v1/keywords` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ListStatus {
    /// The file.
    pub file: String,
    /// What it feeds: a category, a flag, severity, regions.
    pub kind: String,
    /// Rules in it.
    pub rules: usize,
    /// File-wide exclusions.
    pub excludes: usize,
    /// A digest of the rules as loaded (changes when the list does).
    pub digest: String,
}

/// A reload that failed: what was wrong, and since when.
#[derive(Debug, Clone, Serialize)]
pub struct ReloadError {
    /// When the failed reload happened.
    pub at: DateTime<Utc>,
    /// What triggered it.
    pub trigger: String,
    /// Every problem, each with its file:line or config key.
    pub problems: Vec<String>,
}

/// The state of the rules and sources in force.
#[derive(Debug, Clone, Serialize)]
pub struct RulesStatus {
    /// 1 for the rules loaded at start, then +1 per applied reload.
    pub version: u64,
    /// When the rules in force were loaded.
    pub loaded_at: DateTime<Utc>,
    /// The keyword directory.
    pub dir: String,
    /// The lists in force.
    pub lists: Vec<ListStatus>,
    /// Warnings of the lists in force.
    pub warnings: Vec<String>,
    /// Set while the keyword files on disk are invalid (the previous rules
    /// stay in force).
    pub error: Option<ReloadError>,
    /// Set while the config file on disk is invalid (the previous sources
    /// and routing stay in force).
    pub config_error: Option<ReloadError>,
    /// Reloads applied since start.
    pub reloads: u64,
    /// Reloads refused since start.
    pub failed_reloads: u64,
}

/// What one reload did.
#[derive(Debug, Clone, Serialize)]
pub struct ReloadOutcome {
    /// True when the keyword lists were (re)applied.
    pub rules_applied: bool,
    /// True when the config's sources and routing were (re)applied.
    pub config_applied: bool,
    /// Problems that kept something from being applied.
    pub problems: Vec<String>,
    /// The rules version in force after it.
    pub version: u64,
}

/// Reloads keyword lists and sources into a running daemon.
pub struct Reloader {
    keywords: PathBuf,
    config_path: Option<PathBuf>,
    /// The config in force, to tell which of its changes need a restart.
    config: Mutex<Option<Config>>,
    pipeline: Arc<Pipeline>,
    scheduler: Option<SchedulerHandle>,
    status: Mutex<RulesStatus>,
    /// Serializes reloads (file watcher, SIGHUP and API may coincide).
    reloading: tokio::sync::Mutex<()>,
    /// The alerter and its sender, when alerts are on: `[alerts]` changes
    /// reach them at a reload.
    alerts: Mutex<Option<(Arc<Alerter>, Sender)>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn digest(bytes: impl Hash) -> String {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}", h.finish())
}

fn list_status(rules: &RuleSet) -> Vec<ListStatus> {
    rules
        .lists
        .iter()
        .map(|l| ListStatus {
            file: l.file.clone(),
            kind: l.kind.name().to_string(),
            rules: l.rules.len(),
            excludes: l.excludes.len(),
            digest: digest(format!("{:?}{:?}", l.rules, l.excludes)),
        })
        .collect()
}

/// Loads and compiles the lists of `dir`, or every problem found.
pub fn compile_rules(dir: &Path) -> Result<Classifier, Vec<String>> {
    let normalizer = Normalizer::shared().map_err(|e| vec![e.to_string()])?;
    let rules = RuleSet::load_dir(dir, normalizer).map_err(|e| {
        e.problems
            .iter()
            .filter(|p| p.level == Level::Error)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    })?;
    Classifier::new(rules).map_err(|e| vec![format!("{}: {e}", dir.display())])
}

impl Reloader {
    /// A reloader for a pipeline whose classifier came from `keywords` and
    /// whose sources and routing came from `config` (read from
    /// `config_path`), with the scheduler to give new sources to.
    pub fn new(
        keywords: PathBuf,
        config_path: Option<PathBuf>,
        config: Option<Config>,
        pipeline: Arc<Pipeline>,
        scheduler: Option<SchedulerHandle>,
    ) -> Self {
        let classifier = pipeline.classifier();
        let rules = classifier.rules();
        let status = RulesStatus {
            version: 1,
            loaded_at: Utc::now(),
            dir: keywords.display().to_string(),
            lists: list_status(rules),
            warnings: rules.warnings.iter().map(ToString::to_string).collect(),
            error: None,
            config_error: None,
            reloads: 0,
            failed_reloads: 0,
        };
        Reloader {
            keywords,
            config_path,
            config: Mutex::new(config),
            pipeline,
            scheduler,
            status: Mutex::new(status),
            reloading: tokio::sync::Mutex::new(()),
            alerts: Mutex::new(None),
        }
    }

    /// The keyword directory.
    pub fn keywords_dir(&self) -> &Path {
        &self.keywords
    }

    /// The config file's directory, when the daemon runs from a config file.
    pub fn config_dir(&self) -> Option<&Path> {
        self.config_path.as_deref().and_then(Path::parent)
    }

    /// Hands the running alerter and sender to the reloader, so that a
    /// changed `[alerts]` (webhooks, URLs, secrets, thresholds) takes effect
    /// at the next reload.
    pub fn set_alerts(&self, alerter: Arc<Alerter>, sender: Sender) {
        *lock(&self.alerts) = Some((alerter, sender));
    }

    /// The rules in force and the last reload's errors.
    pub fn status(&self) -> RulesStatus {
        lock(&self.status).clone()
    }

    /// Reloads the keyword lists and (with a config file) the sources and
    /// routing. Each part is applied only if it is entirely valid.
    pub async fn reload(&self, trigger: &str) -> ReloadOutcome {
        let _one = self.reloading.lock().await;
        // Files are read and the rules and sources compiled on the blocking
        // pool: a slow disk or a large list must not stall the runtime.
        let dir = self.keywords.clone();
        let config_path = self.config_path.clone();
        let read = tokio::task::spawn_blocking(move || {
            let rules = compile_rules(&dir);
            let config = config_path.map(|path| {
                Config::load(&path).map(|config| {
                    let sources = crate::sources::compile(&config.sources);
                    (config, sources)
                })
            });
            (rules, config)
        })
        .await;
        let (compiled, config) = match read {
            Ok(read) => read,
            Err(_) => (
                Err(vec!["reading the keyword lists and config panicked".into()]),
                None,
            ),
        };
        let now = Utc::now();
        let mut problems = Vec::new();
        let rules_applied = match compiled {
            Ok(classifier) => {
                let lists = list_status(classifier.rules());
                let warnings = classifier
                    .rules()
                    .warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                self.pipeline.set_classifier(classifier);
                let mut st = lock(&self.status);
                st.version += 1;
                st.loaded_at = now;
                st.lists = lists;
                st.warnings = warnings;
                st.error = None;
                st.reloads += 1;
                tracing::info!(
                    version = st.version,
                    lists = st.lists.len(),
                    rules = st.lists.iter().map(|l| l.rules).sum::<usize>(),
                    trigger,
                    "keyword lists reloaded"
                );
                true
            }
            Err(errors) => {
                for e in &errors {
                    tracing::error!(trigger, "keyword lists not reloaded: {e}");
                }
                let mut st = lock(&self.status);
                st.failed_reloads += 1;
                tracing::warn!(
                    version = st.version,
                    "keeping the keyword lists in force until the errors are fixed"
                );
                st.error = Some(ReloadError {
                    at: now,
                    trigger: trigger.to_string(),
                    problems: errors.clone(),
                });
                problems.extend(errors);
                false
            }
        };
        let config_applied = match config {
            Some(read) => match read {
                Ok((config, sources)) => {
                    self.apply_config(config, sources);
                    lock(&self.status).config_error = None;
                    true
                }
                Err(e) => {
                    let errors: Vec<String> = e.to_string().lines().map(str::to_string).collect();
                    for e in &errors {
                        tracing::error!(trigger, "config not reloaded: {e}");
                    }
                    let mut st = lock(&self.status);
                    st.failed_reloads += 1;
                    st.config_error = Some(ReloadError {
                        at: now,
                        trigger: trigger.to_string(),
                        problems: errors.clone(),
                    });
                    problems.extend(errors);
                    false
                }
            },
            None => false,
        };
        ReloadOutcome {
            rules_applied,
            config_applied,
            problems,
            version: lock(&self.status).version,
        }
    }

    /// Applies the live parts of a valid config (sources, routing) and
    /// warns about the parts that need a restart.
    fn apply_config(&self, config: Config, sources: Result<Vec<Source>, Vec<String>>) {
        let mut current = lock(&self.config);
        if let Some(old) = current.as_ref() {
            let restart = [
                ("store", old.store != config.store),
                ("keywords", old.keywords != config.keywords),
                (
                    "api",
                    format!("{:?}", old.api) != format!("{:?}", config.api),
                ),
                (
                    "fetch",
                    format!("{:?}", old.fetch) != format!("{:?}", config.fetch),
                ),
                (
                    "scheduler",
                    format!("{:?}", old.scheduler) != format!("{:?}", config.scheduler),
                ),
            ];
            for (key, changed) in restart {
                if changed {
                    tracing::warn!(key, "config changed: takes effect at the next restart");
                }
            }
            if format!("{:?}", old.alerts) != format!("{:?}", config.alerts) {
                match lock(&self.alerts).as_ref() {
                    Some((alerter, sender)) if !config.alerts.webhooks.is_empty() => {
                        alerter.reconfigure(config.alerts.clone());
                        sender.reconfigure(config.alerts.clone());
                        tracing::info!(
                            webhooks = config.alerts.webhooks.len(),
                            "alert settings reloaded"
                        );
                    }
                    // Starting or stopping the alerter's tasks is left to a
                    // restart.
                    _ => tracing::warn!(
                        key = "alerts",
                        "alerts turned on or off: takes effect at the next restart"
                    ),
                }
            }
            if old.sources != config.sources {
                tracing::info!(sources = config.sources.len(), "sources reloaded");
            }
        }
        self.pipeline.set_routing(config.routing.clone());
        if let Some(s) = &self.scheduler {
            // Loading validated the sources; compiling can still fail if a
            // seed directory vanished since. The sources in force then stay.
            match sources {
                Ok(sources) => s.set_sources(sources),
                Err(problems) => {
                    tracing::error!(problems = %problems.join("; "), "sources not reloaded");
                }
            }
        }
        *current = Some(config);
    }

    /// The fingerprint of the watched files: every keyword list's name and
    /// contents, and the config file's.
    fn fingerprint(&self) -> String {
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        if let Ok(entries) = std::fs::read_dir(&self.keywords) {
            for e in entries.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "txt") {
                    let bytes = std::fs::read(&p).unwrap_or_default();
                    parts.push((p.display().to_string(), bytes));
                }
            }
        }
        if let Some(c) = &self.config_path {
            parts.push((
                c.display().to_string(),
                std::fs::read(c).unwrap_or_default(),
            ));
        }
        parts.sort();
        digest(parts)
    }

    /// Watches the files until `shutdown`, reloading when they change and
    /// have stayed unchanged for one interval (an editor may write a file
    /// in several steps).
    pub async fn watch(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) {
        let fp = |r: &Arc<Self>| {
            let r = r.clone();
            tokio::task::spawn_blocking(move || r.fingerprint())
        };
        let mut applied = fp(&self).await.unwrap_or_default();
        let mut pending: Option<String> = None;
        loop {
            tokio::select! {
                _ = tokio::time::sleep(WATCH_INTERVAL) => {}
                _ = shutdown.changed() => {
                    if *shutdown.borrow() {
                        return;
                    }
                }
            }
            let Ok(now) = fp(&self).await else { continue };
            if now == applied {
                pending = None;
                continue;
            }
            if pending.as_deref() == Some(now.as_str()) {
                self.reload("file change").await;
                applied = now;
                pending = None;
            } else {
                pending = Some(now);
            }
        }
    }
}
