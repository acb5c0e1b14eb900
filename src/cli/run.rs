//! `yuqing run`: arguments, logs and signals around [`yuqing::app::run`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use yuqing::config::{Config, DEFAULT_CONFIG};

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

/// Runs the daemon (scheduler and API) until SIGTERM or Ctrl-C: reads the
/// config, binds the listener and hands both to [`yuqing::app::run`].
pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    init_logging(args.log_format);
    let mut config = Config::load(&args.config)?;
    if let Some(listen) = args.listen {
        config.api.listen = listen;
        let problems = config.problems();
        if !problems.is_empty() {
            anyhow::bail!("{}: {}", args.config.display(), problems.join("\n"));
        }
    }
    // jieba's dictionary loads on another core while the store opens.
    yuqing::text::Segmenter::preload();
    let runtime = yuqing::daemon::runtime().context("starting the async runtime")?;
    let listen = config.api.listen;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen} (api.listen)"))?;
        yuqing::app::run(config, Some(args.config), listener, shutdown_signal())
            .await
            .map_err(anyhow::Error::from)
    })?;
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    Ok(ExitCode::SUCCESS)
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
