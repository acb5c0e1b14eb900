//! `yuqing poll --source NAME`: poll one source now, as the daemon would,
//! and print what was found.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use chrono::Utc;
use yuqing::config::{Config, DEFAULT_CONFIG};
use yuqing::daemon::next_due;
use yuqing::fetch::Fetcher;
use yuqing::pipeline::Pipeline;
use yuqing::sources::SourceState;
use yuqing::sources::collect::Collector;
use yuqing::store::Store;

/// Arguments of `yuqing poll`.
#[derive(Debug, clap::Args)]
pub struct PollArgs {
    /// The configuration file.
    #[arg(long, short = 'c', env = "YUQING_CONFIG", default_value = DEFAULT_CONFIG)]
    config: PathBuf,
    /// The source to poll (its `name`).
    #[arg(long, short = 's')]
    source: String,
}

/// Polls one source; exits 1 if the poll failed.
pub fn run(args: PollArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(&args.config)?;
    let Some(source) = config
        .sources
        .iter()
        .find(|s| s.name == args.source)
        .cloned()
    else {
        let names: Vec<&str> = config.sources.iter().map(|s| s.name.as_str()).collect();
        anyhow::bail!(
            "{}: no source named '{}'; the sources are: {}",
            args.config.display(),
            args.source,
            names.join(", ")
        );
    };
    let classifier = super::load_classifier(&config.keywords)?;
    let store = Store::open(&config.store)?;
    let pipeline = Arc::new(
        Pipeline::new(classifier, store, Utc::now())?.with_routing(config.routing.clone()),
    );
    let collector = Collector {
        fetcher: Arc::new(Fetcher::new(config.fetch.clone())?),
        pipeline: pipeline.clone(),
        base_dir: PathBuf::new(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let store = pipeline.store();
    let mut state = store
        .source_state(&source.name)?
        .unwrap_or_else(|| SourceState {
            name: source.name.clone(),
            ..Default::default()
        });
    let report = runtime.block_on(collector.poll(&source, &state));
    let now = Utc::now();
    report.apply(&mut state, now);
    state.next_due = Some(next_due(&source, &state, &report, &config.scheduler, now));
    store.put_source_state(&state)?;
    store.flush()?;
    // One line per item found, then the report.
    for found in &report.items {
        println!("{}", serde_json::to_string(found)?);
    }
    let mut summary = serde_json::to_value(&report)?;
    if let Some(m) = summary.as_object_mut() {
        m.remove("items");
    }
    println!("{summary}");
    Ok(if report.status == "failed" {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
