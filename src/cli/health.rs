//! `yuqing health`: asks a running daemon whether it is ready; for
//! container HEALTHCHECKs and monitoring scripts, where no curl is at hand.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;

/// Arguments of `yuqing health`.
#[derive(Debug, clap::Args)]
pub struct HealthArgs {
    /// The daemon's health URL.
    #[arg(
        long,
        env = "YUQING_HEALTH_URL",
        default_value = "http://127.0.0.1:8700/api/v1/health"
    )]
    url: String,
    /// Seconds to wait for an answer.
    #[arg(long, default_value_t = 5)]
    timeout: u64,
}

/// Prints the health document; exit 0 when ready, 1 otherwise.
pub fn run(args: HealthArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(args.timeout.max(1)))
            .build()
            .context("building the HTTP client")?;
        match client.get(&args.url).send().await {
            Ok(resp) => {
                let status = resp.status();
                let body = resp.text().await.unwrap_or_default();
                println!("{body}");
                if status.is_success() {
                    Ok(ExitCode::SUCCESS)
                } else {
                    eprintln!("yuqing: {}: not ready (HTTP {status})", args.url);
                    Ok(ExitCode::from(1))
                }
            }
            Err(e) => {
                eprintln!("yuqing: {}: no answer: {e}", args.url);
                Ok(ExitCode::from(1))
            }
        }
    })
}
