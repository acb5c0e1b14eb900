//! `yuqing ingest`, `yuqing export`, `yuqing import`: batch access to the
//! store while the daemon is not running (sled allows one process).

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde_json::json;
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::store::{ExportWhat, Store};

use super::KeywordsArg;

/// Where the store lives unless `--store` says otherwise.
pub const DEFAULT_STORE: &str = "data/store";

/// Items ingested per flush.
const BATCH: usize = 512;

/// The `--store` option.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArg {
    /// Directory of the sled store.
    #[arg(long, env = "YUQING_STORE", default_value = DEFAULT_STORE)]
    pub store: PathBuf,
}

/// Arguments of `yuqing ingest`.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    #[command(flatten)]
    store: StoreArg,
    #[command(flatten)]
    keywords: KeywordsArg,
    /// Take the store, keyword lists and routing table from this daemon
    /// config instead (as `yuqing run` would).
    #[arg(long, short = 'c', conflicts_with_all = ["store", "keywords"])]
    config: Option<PathBuf>,
    /// JSON Lines files of items (`source`, `text`/`title`, optional `id`,
    /// `url`, `published`, `source_kind`, `authority`); stdin when none.
    files: Vec<PathBuf>,
}

/// Arguments of `yuqing reclassify`.
#[derive(Debug, clap::Args)]
pub struct ReclassifyArgs {
    /// The daemon's config: its store, keyword lists and routing.
    #[arg(long, short = 'c', env = "YUQING_CONFIG", default_value = yuqing::config::DEFAULT_CONFIG)]
    config: PathBuf,
    /// Items ingested since this time (RFC 3339, or YYYY-MM-DD [HH:MM] in Beijing time).
    #[arg(long, value_parser = yuqing::time::parse_time)]
    since: DateTime<Utc>,
}

/// Arguments of `yuqing export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Only records since this time (RFC 3339, or YYYY-MM-DD [HH:MM] in Beijing time).
    #[arg(long, value_parser = yuqing::time::parse_time)]
    since: Option<DateTime<Utc>>,
    /// Cases only.
    #[arg(long, conflicts_with = "items")]
    cases: bool,
    /// Items only.
    #[arg(long)]
    items: bool,
}

/// Arguments of `yuqing import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    #[command(flatten)]
    store: StoreArg,
    /// An export file (JSON Lines).
    file: PathBuf,
}

fn open_store(arg: &StoreArg) -> anyhow::Result<Store> {
    Ok(Store::open(&arg.store)?)
}

/// Re-runs classification and grouping over stored items with the current
/// keyword lists; prints a JSON summary. (While the daemon runs, use
/// `POST /api/v1/reclassify`: sled allows one process.)
pub fn reclassify(args: ReclassifyArgs) -> anyhow::Result<ExitCode> {
    let config = yuqing::config::Config::load(&args.config)?;
    let classifier = super::load_classifier(&config.keywords)?;
    let store = Store::open(&config.store)?;
    let pipeline = Pipeline::new(classifier, store, Utc::now())?.with_routing(config.routing);
    let done = pipeline.reclassify(args.since, Utc::now())?;
    println!("{}", serde_json::to_string(&done)?);
    Ok(ExitCode::SUCCESS)
}

/// Ingests items: one JSON result line per input line, flushed per batch.
pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let pipeline = match &args.config {
        Some(path) => {
            let config = yuqing::config::Config::load(path)?;
            let classifier = super::load_classifier(&config.keywords)?;
            let store = Store::open(&config.store)?;
            Pipeline::new(classifier, store, Utc::now())?.with_routing(config.routing)
        }
        None => {
            let classifier = super::load_classifier(&args.keywords.keywords)?;
            let store = open_store(&args.store)?;
            Pipeline::new(classifier, store, Utc::now())?
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = 0usize;
    if args.files.is_empty() {
        failed += ingest_stream(&pipeline, io::stdin().lock(), "<stdin>", &mut out)?;
    } else {
        for path in &args.files {
            let name = path.display().to_string();
            let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
            failed += ingest_stream(&pipeline, BufReader::new(file), &name, &mut out)?;
        }
    }
    out.flush()?;
    let (items, cases) = pipeline.store().counts();
    eprintln!(
        "store {}: {items} items, {cases} cases; {failed} line(s) rejected",
        pipeline.store().path().display()
    );
    Ok(ExitCode::SUCCESS)
}

fn ingest_stream(
    pipeline: &Pipeline,
    input: impl BufRead,
    name: &str,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let mut failed = 0;
    let mut batch: Vec<(usize, NewItem)> = Vec::new();
    let mut lines = input.lines().enumerate().peekable();
    while lines.peek().is_some() {
        batch.clear();
        while batch.len() < BATCH {
            let Some((i, line)) = lines.next() else { break };
            let line = line.with_context(|| format!("reading {name}"))?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<NewItem>(&line) {
                Ok(mut item) => {
                    if item.source.trim().is_empty() {
                        item.source = "manual".into();
                    }
                    batch.push((i + 1, item));
                }
                Err(e) => {
                    failed += 1;
                    writeln!(
                        out,
                        "{}",
                        json!({"file": name, "line": i + 1, "error": format!("not an item: {e}")})
                    )?;
                }
            }
        }
        let numbers: Vec<usize> = batch.iter().map(|(n, _)| *n).collect();
        let results = pipeline.ingest_batch(batch.drain(..).map(|(_, item)| item), Utc::now())?;
        for (n, r) in numbers.into_iter().zip(results) {
            match r {
                Ok(done) => writeln!(
                    out,
                    "{}",
                    json!({"line": n, "item_id": done.item_id, "case_id": done.case_id, "new_case": done.new_case, "updated": done.updated})
                )?,
                Err(e) => {
                    failed += 1;
                    writeln!(
                        out,
                        "{}",
                        json!({"file": name, "line": n, "error": e.to_string()})
                    )?;
                }
            }
        }
    }
    Ok(failed)
}

/// Writes the store as JSON Lines to stdout.
pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.store)?;
    let what = if args.cases {
        ExportWhat::Cases
    } else if args.items {
        ExportWhat::Items
    } else {
        ExportWhat::All
    };
    let since = args.since.unwrap_or(DateTime::<Utc>::MIN_UTC);
    let mut out = BufWriter::new(io::stdout().lock());
    let n = store.export(&mut out, since, what)?;
    out.flush()?;
    eprintln!("exported {n} record(s) from {}", store.path().display());
    Ok(ExitCode::SUCCESS)
}

/// Reads an export file into the store.
pub fn import(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.store)?;
    let file =
        File::open(&args.file).with_context(|| format!("cannot open {}", args.file.display()))?;
    let n = store
        .import(BufReader::new(file), Utc::now())
        .with_context(|| format!("importing {}", args.file.display()))?;
    eprintln!("imported {n} record(s) into {}", store.path().display());
    Ok(ExitCode::SUCCESS)
}
