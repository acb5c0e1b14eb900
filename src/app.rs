//! The daemon as a library: [`run`] wires the stages together and serves
//! until `shutdown` resolves, in the shape of tokio's mini-redis server.
//!
//! `yuqing run` is argument parsing, logging and signals around this; tests
//! run the whole daemon in-process on a listener bound to port 0, so they
//! never race for free ports.
//!
//! What it starts, all stopped by the one `shutdown` future:
//! - the scheduler, which refreshes every source on its timetable
//!   ([`crate::daemon::refresh`]);
//! - the reloader, which watches the keyword lists and the config file;
//! - the alerter, when webhooks are configured;
//! - the daily log, written on `reports.daily_schedule` when it is set
//!   ([`crate::reports::schedule`]);
//! - the API (`/api/v1`) and the analysts' console (`/`) on `listener`.
//!
//! On the way out every write is flushed before [`run`] returns.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use crate::alerts::Alerter;
use crate::alerts::deliver::Sender;
use crate::api::{self, AppState, Clock, Limits, Live};
use crate::classify::Classifier;
use crate::config::Config;
use crate::console::{self, ConsoleState};
use crate::daemon::{Collector, Reloader, Scheduler};
use crate::fetch::Fetcher;
use crate::pipeline::Pipeline;
use crate::store::Store;

/// How long polls in flight may take to finish at shutdown.
const POLL_GRACE: Duration = Duration::from_secs(10);

/// How often the alerter reads new changes.
const ALERT_SCAN: Duration = Duration::from_secs(2);

/// Why the daemon could not start or stopped badly. Each names what it is
/// about.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The keyword lists do not compile.
    #[error("keyword lists {dir}: {problems}")]
    Keywords {
        /// The lists' directory.
        dir: PathBuf,
        /// Every error found, one per line.
        problems: String,
    },
    /// The store cannot be opened or flushed.
    #[error("store {path}: {source}")]
    Store {
        /// The store's directory.
        path: PathBuf,
        /// What went wrong.
        source: crate::store::StoreError,
    },
    /// A part of the daemon cannot be built (pipeline, fetcher, alerts).
    #[error("{what}: {message}")]
    Setup {
        /// The part.
        what: &'static str,
        /// What went wrong.
        message: String,
    },
    /// The API stopped with an I/O error.
    #[error("serving the API: {0}")]
    Serve(#[source] std::io::Error),
    /// Blocking start-up work panicked or was cancelled.
    #[error("{what}: the task failed: {message}")]
    Task {
        /// What was being done.
        what: &'static str,
        /// The join error.
        message: String,
    },
}

/// Loads and compiles the keyword lists of `dir`, logging their warnings.
pub fn load_classifier(dir: &Path) -> Result<Classifier, AppError> {
    let classifier = crate::daemon::compile_rules(dir).map_err(|problems| AppError::Keywords {
        dir: dir.to_path_buf(),
        problems: problems.join("\n"),
    })?;
    for w in &classifier.rules().warnings {
        tracing::warn!(warning = %w, "keyword list");
    }
    Ok(classifier)
}

/// Runs the daemon on `listener` until `shutdown` resolves, then lets polls
/// in flight finish (up to 10 s), stops the API gracefully and flushes the
/// store. `config_path` is the file the config came from, watched for
/// changes; `None` for a config built in code (no reload of sources).
pub async fn run(
    config: Config,
    config_path: Option<PathBuf>,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), AppError> {
    // Start-up reads files and opens sled: off the runtime's workers.
    let keywords = config.keywords.clone();
    let store_path = config.store.clone();
    let (classifier, store) = blocking("opening the store and keyword lists", move || {
        let classifier = load_classifier(&keywords)?;
        let store = Store::open(&store_path).map_err(|source| AppError::Store {
            path: store_path.clone(),
            source,
        })?;
        Ok((classifier, store))
    })
    .await?;
    let (items, cases) = store.counts();
    tracing::info!(store = %config.store.display(), items, cases, "store open");
    let pipeline = Arc::new(
        Pipeline::new(classifier, store, Utc::now())
            .map_err(|e| AppError::Setup {
                what: "building the pipeline",
                message: e.to_string(),
            })?
            .with_routing(config.routing.clone()),
    );
    let tokens = config.tokens();
    if tokens.is_empty() {
        tracing::warn!("no API tokens configured: every route but /health needs one");
    }
    let fetcher = Arc::new(
        Fetcher::new(config.fetch.clone()).map_err(|e| AppError::Setup {
            what: "building the HTTP client",
            message: e.to_string(),
        })?,
    );
    let collector = Arc::new(Collector {
        fetcher,
        pipeline: pipeline.clone(),
        base_dir: PathBuf::new(),
    });
    // Validated when the config was loaded; compiled once here (URLs,
    // selectors, timetables), never again per poll.
    let sources = crate::sources::compile(&config.sources).map_err(|problems| AppError::Setup {
        what: "sources",
        message: problems.join("\n"),
    })?;
    let scheduler = Scheduler::new(collector, sources, config.scheduler.clone());
    let reloader = Arc::new(Reloader::new(
        config.keywords.clone(),
        config_path.clone(),
        Some(config.clone()),
        pipeline.clone(),
        Some(scheduler.handle()),
    ));
    let alerter = if config.alerts.webhooks.is_empty() {
        None
    } else {
        let alerter = Arc::new(Alerter::new(
            pipeline.store().clone(),
            config.alerts.clone(),
            config.public_url(),
        ));
        let sender = Sender::new(pipeline.store().clone(), config.alerts.clone()).map_err(|e| {
            AppError::Setup {
                what: "building the alerts HTTP client",
                message: e.to_string(),
            }
        })?;
        tracing::info!(webhooks = config.alerts.webhooks.len(), min_severity = %config.alerts.min_severity, "alerts on");
        Some((alerter, sender))
    };
    let outbox_depth: Option<Arc<dyn Fn() -> usize + Send + Sync>> = alerter.as_ref().map(|_| {
        let store = pipeline.store().clone();
        Arc::new(move || store.outbox_len()) as Arc<dyn Fn() -> usize + Send + Sync>
    });
    // The API's sender (webhook states and operators' test messages) and
    // the reloader share the alerter's settings: a reload reaches all three.
    let alerts_api = alerter.as_ref().map(|(alerter, sender)| {
        reloader.set_alerts(alerter.clone(), sender.clone());
        Arc::new(sender.clone())
    });
    let live = Live {
        reloader: reloader.clone(),
        scheduler: scheduler.handle(),
        outbox_depth,
        alerts: alerts_api,
    };
    // The console signs in with the same tokens and acts through the same
    // pipeline, reloader and scheduler as the API; it serves `/`, the API
    // keeps `/api/v1`, on one listener.
    let console = ConsoleState::new(
        pipeline.clone(),
        tokens.clone(),
        console::Options {
            ops: Some(console::Ops {
                reloader: reloader.clone(),
                scheduler: scheduler.handle(),
            }),
            secure_cookies: config.public_url().starts_with("https://"),
            body_limit: config.api.body_limit,
            office: config.reports.office.clone(),
        },
    );
    let state = AppState::with_live(pipeline.clone(), tokens, Clock::System, live)
        .with_office(config.reports.office.clone());
    let app = api::router(
        state,
        Limits {
            body: config.api.body_limit,
        },
    )
    .merge(console::router(console));
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(
            "API listening on http://{addr}{} (OpenAPI at {}/openapi.json); console at http://{addr}/",
            api::PREFIX,
            api::PREFIX
        );
    }

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        let _ = stop_tx.send(true);
    });
    let polling = tokio::spawn(scheduler.run(stop_rx.clone(), POLL_GRACE));
    tokio::spawn(reloader.clone().watch(stop_rx.clone()));
    #[cfg(unix)]
    tokio::spawn(reload_on_sighup(reloader, stop_rx.clone()));
    let alerting = alerter
        .map(|(alerter, sender)| tokio::spawn(alerter.run(sender, ALERT_SCAN, stop_rx.clone())));
    if let Some(log) = daily_log(&config, pipeline.store())? {
        tracing::info!(dir = %log.dir.display(), schedule = ?config.reports.daily_schedule, "daily log scheduled");
        tokio::spawn(log.run(stop_rx.clone()));
    }
    let mut api_stop = stop_rx;
    let served = api::serve(listener, app, async move {
        let _ = api_stop.wait_for(|stop| *stop).await;
    })
    .await
    .map_err(AppError::Serve);
    if polling.await.is_err() {
        tracing::error!("the scheduler stopped abnormally");
    }
    if let Some(a) = alerting
        && tokio::time::timeout(POLL_GRACE, a).await.is_err()
    {
        tracing::warn!("alert deliveries still running at shutdown; they resume at the next start");
    }
    // Whatever happened, make every write durable before returning.
    let store = pipeline.store().clone();
    let store_path = config.store.clone();
    let flushed = blocking("flushing the store", move || {
        store
            .flush()
            .map_err(|source| AppError::Store {
                path: store_path,
                source,
            })
            .map(|_| ())
    })
    .await;
    served?;
    flushed?;
    tracing::info!("store flushed; stopped");
    Ok(())
}

/// The scheduled daily log's task, when `reports.daily_schedule` is set.
fn daily_log(
    config: &Config,
    store: &Store,
) -> Result<Option<crate::reports::schedule::DailyLog>, AppError> {
    let Some(expr) = &config.reports.daily_schedule else {
        return Ok(None);
    };
    let schedule =
        crate::sources::schedule::parse_crontab(expr).map_err(|message| AppError::Setup {
            what: "reports.daily_schedule",
            message,
        })?;
    Ok(Some(crate::reports::schedule::DailyLog {
        schedule,
        dir: config.reports_dir(),
        office: config.reports.office.clone(),
        store: store.clone(),
        alerts: config.alerts.clone(),
        public_url: config.public_url(),
    }))
}

/// Runs blocking work on the blocking pool, naming it if the task fails.
async fn blocking<T: Send + 'static>(
    what: &'static str,
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Task {
            what,
            message: e.to_string(),
        })?
}

/// Reloads keyword lists and sources on each SIGHUP, until shutdown.
#[cfg(unix)]
async fn reload_on_sighup(reloader: Arc<Reloader>, mut stop: tokio::sync::watch::Receiver<bool>) {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut hup) = signal(SignalKind::hangup()) else {
        tracing::warn!("cannot listen for SIGHUP; reload through the files or the API");
        return;
    };
    loop {
        tokio::select! {
            got = hup.recv() => {
                if got.is_none() {
                    return;
                }
                reloader.reload("SIGHUP").await;
            }
            changed = stop.changed() => {
                if changed.is_err() || *stop.borrow() {
                    return;
                }
            }
        }
    }
}
