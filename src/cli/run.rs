//! `yuqing run`: open the store, serve the API, flush on shutdown.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use chrono::Utc;
use yuqing::alerts::Alerter;
use yuqing::alerts::deliver::Sender;
use yuqing::api::{self, AppState, Clock, Limits, Live};
use yuqing::config::{Config, DEFAULT_CONFIG};
use yuqing::daemon::{Reloader, Scheduler};
use yuqing::fetch::Fetcher;
use yuqing::pipeline::Pipeline;
use yuqing::sources::collect::Collector;
use yuqing::store::Store;

/// How long polls in flight may take to finish at shutdown.
const POLL_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// How often the alerter reads new changes.
const ALERT_SCAN: std::time::Duration = std::time::Duration::from_secs(2);

/// Arguments of `yuqing run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The configuration file.
    #[arg(long, short = 'c', env = "YUQING_CONFIG", default_value = DEFAULT_CONFIG)]
    config: PathBuf,
    /// Listen here instead of the config's api.listen.
    #[arg(long, env = "YUQING_LISTEN")]
    listen: Option<SocketAddr>,
    /// Log format.
    #[arg(long, value_enum, default_value_t = LogFormat::Text, env = "YUQING_LOG_FORMAT")]
    log_format: LogFormat,
}

/// How logs are written.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum LogFormat {
    /// For people.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Colours only for a terminal: journald, docker logs and files get
    // plain text (and NO_COLOR is honoured).
    use std::io::IsTerminal;
    let ansi = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    // A second init (tests calling run twice) is harmless; ignore it.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

/// Runs the daemon (scheduler and API) until SIGTERM or Ctrl-C.
pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    yuqing::daemon::limit_malloc_arenas();
    init_logging(args.log_format);
    let mut config = Config::load(&args.config)?;
    if let Some(listen) = args.listen {
        config.api.listen = listen;
        let problems = config.problems();
        if !problems.is_empty() {
            anyhow::bail!("{}: {}", args.config.display(), problems.join("\n"));
        }
    }
    let classifier = super::load_classifier(&config.keywords)?;
    let store = Store::open(&config.store)?;
    let (items, cases) = store.counts();
    tracing::info!(store = %config.store.display(), items, cases, "store open");
    let pipeline = Arc::new(
        Pipeline::new(classifier, store, Utc::now())?.with_routing(config.routing.clone()),
    );
    let tokens = config.tokens();
    if tokens.is_empty() {
        tracing::warn!("no API tokens configured: every route but /health needs one");
    }
    let fetcher = Arc::new(Fetcher::new(config.fetch.clone())?);
    let collector = Arc::new(Collector {
        fetcher,
        pipeline: pipeline.clone(),
        base_dir: PathBuf::new(),
    });
    let scheduler = Scheduler::new(collector, config.sources.clone(), config.scheduler.clone());
    let reloader = Arc::new(Reloader::new(
        config.keywords.clone(),
        Some(args.config.clone()),
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
        let sender = Sender::new(pipeline.store().clone(), config.alerts.clone())
            .context("building the alerts HTTP client")?;
        tracing::info!(webhooks = config.alerts.webhooks.len(), min_severity = %config.alerts.min_severity, "alerts on");
        Some((alerter, sender))
    };
    let outbox_depth: Option<Arc<dyn Fn() -> usize + Send + Sync>> = alerter.as_ref().map(|_| {
        let store = pipeline.store().clone();
        Arc::new(move || store.outbox_len()) as Arc<dyn Fn() -> usize + Send + Sync>
    });
    let live = Live {
        reloader: reloader.clone(),
        scheduler: scheduler.handle(),
        outbox_depth,
    };
    let state = AppState::with_live(pipeline.clone(), tokens, Clock::System, live);
    let app = api::router(
        state,
        Limits {
            body: config.api.body_limit,
        },
    );
    let runtime = yuqing::daemon::runtime().context("starting the async runtime")?;
    let listen = config.api.listen;
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen} (api.listen)"))?;
        tracing::info!(
            "API listening on http://{listen}{} (OpenAPI at {}/openapi.json)",
            api::PREFIX,
            api::PREFIX
        );
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            shutdown_signal().await;
            let _ = stop_tx.send(true);
        });
        let polling = tokio::spawn(scheduler.run(stop_rx.clone(), POLL_GRACE));
        tokio::spawn(reloader.clone().watch(stop_rx.clone()));
        tokio::spawn(reload_on_sighup(reloader));
        let alerting = alerter.map(|(alerter, sender)| {
            tokio::spawn(alerter.run(sender, ALERT_SCAN, stop_rx.clone()))
        });
        let mut api_stop = stop_rx;
        let served = api::serve(listener, app, async move {
            let _ = api_stop.wait_for(|stop| *stop).await;
        })
        .await
        .context("serving the API");
        if polling.await.is_err() {
            tracing::error!("the scheduler stopped abnormally");
        }
        if let Some(a) = alerting
            && tokio::time::timeout(POLL_GRACE, a).await.is_err()
        {
            tracing::warn!(
                "alert deliveries still running at shutdown; they resume at the next start"
            );
        }
        served
    });
    // Whatever happened, make every write durable before exiting.
    let flushed = pipeline.store().flush();
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    served?;
    flushed?;
    tracing::info!("store flushed; stopped");
    Ok(ExitCode::SUCCESS)
}

/// Reloads keyword lists and sources on each SIGHUP.
async fn reload_on_sighup(reloader: Arc<Reloader>) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP; reload through the files or the API");
            return;
        };
        while hup.recv().await.is_some() {
            reloader.reload("SIGHUP").await;
        }
    }
    #[cfg(not(unix))]
    let _ = reloader;
}

/// Resolves on the first SIGTERM or Ctrl-C; a second one exits at once.
async fn shutdown_signal() {
    wait_for_signal().await;
    tracing::info!("shutting down: finishing requests in flight (signal again to exit at once)");
    tokio::spawn(async {
        wait_for_signal().await;
        tracing::warn!("second signal: exiting now");
        std::process::exit(130);
    });
}

async fn wait_for_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
