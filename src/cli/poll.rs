//! `yuqing poll --source NAME`: poll one source now, as the daemon would,
//! and print what was found.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use chrono::Utc;
use yuqing::config::{Config, DEFAULT_CONFIG};
use yuqing::daemon::next_due;
use yuqing::daemon::{Collector, PollReport};
use yuqing::fetch::Fetcher;
use yuqing::pipeline::Pipeline;
use yuqing::store::SourceState;
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
    /// Print each item in full, as stored, one JSON object a line, then the
    /// poll's report as JSON (for scripts).
    #[arg(long)]
    json: bool,
}

/// Polls one source; exits 1 if the poll failed.
pub fn run(args: PollArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(&args.config)?;
    let sources = yuqing::sources::compile(&config.sources)
        .map_err(|p| anyhow::anyhow!("{}: {}", args.config.display(), p.join("\n")))?;
    let Some(source) = sources
        .into_iter()
        .find(|s| s.name == args.source)
        .map(Arc::new)
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
    if args.json {
        // One line per item, in full as stored, then the report.
        for found in &report.items {
            match store.item(&found.item_id)? {
                Some(item) => println!("{}", serde_json::to_string(&item)?),
                None => println!("{}", serde_json::to_string(found)?),
            }
        }
        let mut summary = serde_json::to_value(&report)?;
        if let Some(m) = summary.as_object_mut() {
            m.remove("items");
        }
        println!("{summary}");
    } else {
        print!("{}", human(&report));
    }
    Ok(if report.status == "failed" {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The report as an operator reads it: per item its URL, title, date with
/// the evidence for it, and the first characters of its text; then the
/// totals, warnings and error.
fn human(report: &PollReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for f in &report.items {
        let _ = writeln!(out, "{}", f.url.as_deref().unwrap_or("(no URL)"));
        let _ = writeln!(out, "  title: {}", f.title);
        let date = match (&f.published, &f.date_evidence) {
            (Some(t), why) => format!(
                "{} ({})",
                t.with_timezone(&yuqing::time::china())
                    .format("%Y-%m-%d %H:%M %:z"),
                why.as_deref().unwrap_or("no evidence kept")
            ),
            (None, _) => "none (the page gives no date it can be believed on)".to_string(),
        };
        let _ = writeln!(out, "  date:  {date}");
        let _ = writeln!(out, "  text:  {}", f.excerpt);
        let state = if f.new { "new" } else { "seen before" };
        match f.case_id {
            Some(c) => {
                let _ = writeln!(out, "  ({state}, case {c})");
            }
            None => {
                let _ = writeln!(out, "  ({state})");
            }
        }
    }
    let _ = writeln!(
        out,
        "{}: {}, found {}, new {}, updated {}, rejected {}, {} ms",
        report.source,
        report.status,
        report.found,
        report.new,
        report.updated,
        report.rejected,
        report.elapsed_ms
    );
    for w in &report.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    if let Some(e) = &report.error {
        let _ = writeln!(out, "error: {e}");
    }
    out
}
