//! One full poll cycle of 2,000 feeds × 20 entries served from a local
//! server, through fetch → parse → classify → store, with politeness off
//! (the target: ≥ 5,000 entries/s on 2 cores, peak RSS < 300 MB); then the
//! same cycle with every validator set (all 304).
//!
//! Baseline in the same run: the same 40,000 entries ingested straight
//! into a second store through the pipeline, with no HTTP or feed parsing.
//!
//! Run: `cargo bench --bench collect` (`YUQING_BENCH_FEEDS` for fewer feeds).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use chrono::Utc;
use yuqing::classify::{Classifier, RuleSet};
use yuqing::daemon::Collector;
use yuqing::fetch::{FetchConfig, Fetcher};
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::sources::{Source, SourceConfig};
use yuqing::store::SourceState;
use yuqing::store::Store;
use yuqing::text::Normalizer;

const ENTRIES: usize = 20;
const CONCURRENCY: usize = 32;

fn texts() -> (Vec<String>, Vec<String>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut flagged = Vec::new();
    let mut plain = Vec::new();
    for name in ["labelled", "holdout", "holdout2"] {
        let text = std::fs::read_to_string(root.join(format!("tests/fixtures/{name}.jsonl")))
            .unwrap_or_default();
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(t) = v["text"].as_str() else {
                continue;
            };
            if v["labels"]["categories"]
                .as_array()
                .is_some_and(|c| !c.is_empty())
            {
                flagged.push(t.to_string());
            } else {
                plain.push(t.to_string());
            }
        }
    }
    plain.push("崇川区图书馆新馆今天开放，周末还有亲子阅读活动，市民纷纷前往打卡。".into());
    (flagged, plain)
}

/// Entry `e` of feed `f`: one in twenty a flagged story, else chatter.
fn entry_text(f: usize, e: usize, flagged: &[String], plain: &[String]) -> String {
    let k = f * ENTRIES + e;
    if k.is_multiple_of(20) {
        format!("{}（第{f}号源）", flagged[k / 20 % flagged.len()])
    } else {
        format!("{}今天第{e}条动态，来自第{f}号源。", plain[k % plain.len()])
    }
}

fn feed_xml(f: usize, flagged: &[String], plain: &[String]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>源{f}</title>"
    );
    for e in 0..ENTRIES {
        s.push_str(&format!(
            "<item><title>动态{f}-{e}</title><description><![CDATA[{}]]></description><guid>https://example.org/{f}/{e}</guid><pubDate>Sun, 22 Nov 2026 10:30:00 +0800</pubDate></item>",
            entry_text(f, e, flagged, plain)
        ));
    }
    s.push_str("</channel></rss>");
    s
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn classifier() -> Classifier {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rules = match RuleSet::load_dir(
        &root.join("keywords"),
        Normalizer::shared().expect("normalizer"),
    ) {
        Ok(r) => r,
        Err(e) => panic!("keyword lists: {e}"),
    };
    Classifier::new(rules).expect("classifier")
}

fn main() {
    let feeds: usize = std::env::var("YUQING_BENCH_FEEDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let (flagged, plain) = texts();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");

    // Baseline: the same entries straight into the pipeline.
    let dir = tempfile::tempdir().expect("tempdir");
    let base_pipeline = Pipeline::new(
        classifier(),
        Store::open(&dir.path().join("base")).expect("store"),
        Utc::now(),
    )
    .expect("pipeline");
    let t = Instant::now();
    for f in 0..feeds {
        let items: Vec<NewItem> = (0..ENTRIES)
            .map(|e| NewItem {
                source: format!("源{f}"),
                guid: Some(format!("https://example.org/{f}/{e}")),
                title: format!("动态{f}-{e}"),
                text: entry_text(f, e, &flagged, &plain),
                ..Default::default()
            })
            .collect();
        base_pipeline
            .ingest_batch(items, Utc::now())
            .expect("ingest");
    }
    let baseline = (feeds * ENTRIES) as f64 / t.elapsed().as_secs_f64();
    drop(base_pipeline);
    println!("baseline: pipeline only (no HTTP, no feed parsing): {baseline:.0} entries/s");

    let bodies: Arc<Vec<String>> =
        Arc::new((0..feeds).map(|f| feed_xml(f, &flagged, &plain)).collect());
    let pipeline = Arc::new(
        Pipeline::new(
            classifier(),
            Store::open(&dir.path().join("store")).expect("store"),
            Utc::now(),
        )
        .expect("pipeline"),
    );
    runtime.block_on(async move {
        let app = Router::new().route(
            "/feed/{n}",
            get(move |Path(n): Path<usize>, headers: HeaderMap| {
                let bodies = bodies.clone();
                async move {
                    let etag = format!("\"f{n}\"");
                    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes()) {
                        return StatusCode::NOT_MODIFIED.into_response();
                    }
                    match bodies.get(n) {
                        Some(b) => ([(header::CONTENT_TYPE, "application/rss+xml".to_string()), (header::ETAG, etag)], b.clone()).into_response(),
                        None => StatusCode::NOT_FOUND.into_response(),
                    }
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move { axum::serve(listener, app).await });
        let fetcher = Fetcher::new(FetchConfig {
            per_host_concurrency: CONCURRENCY,
            per_host_delay_ms: 0,
            respect_robots: false,
            ..FetchConfig::default()
        })
        .expect("fetcher");
        let collector = Arc::new(Collector {
            fetcher: Arc::new(fetcher),
            pipeline: pipeline.clone(),
            base_dir: PathBuf::new(),
        });
        let sources: Vec<Arc<Source>> = (0..feeds)
            .map(|f| {
                let config: SourceConfig = toml::from_str(&format!(
                    "name = \"源{f}\"\nkind = \"feed\"\nurl = \"http://{addr}/feed/{f}\"\nrobots = false\n"
                ))
                .expect("source");
                Arc::new(Source::compile(config, "bench").expect("source compiles"))
            })
            .collect();
        let mut states: Vec<SourceState> = sources
            .iter()
            .map(|s| SourceState { name: s.name.clone(), ..Default::default() })
            .collect();
        for round in ["full cycle", "revalidation (all 304)"] {
            let t = Instant::now();
            let permits = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
            let mut set = tokio::task::JoinSet::new();
            for (i, s) in sources.iter().enumerate() {
                let (c, s, st, permits) = (collector.clone(), s.clone(), states[i].clone(), permits.clone());
                set.spawn(async move {
                    let _p = permits.acquire_owned().await;
                    (i, c.poll(&s, &st).await)
                });
            }
            let (mut new, mut not_modified, mut failed) = (0u64, 0, 0);
            while let Some(Ok((i, r))) = set.join_next().await {
                r.apply(&mut states[i], Utc::now());
                new += u64::from(r.new);
                match r.status {
                    "not_modified" => not_modified += 1,
                    "failed" => failed += 1,
                    _ => {}
                }
            }
            let wall = t.elapsed().as_secs_f64();
            let entries = (feeds * ENTRIES) as f64;
            println!(
                "{round}: {feeds} feeds in {wall:.2} s = {:.0} entries/s ({:.2}x the baseline); {new} new items, {not_modified} not modified, {failed} failed; peak RSS {:.0} MB",
                entries / wall,
                entries / wall / baseline,
                peak_rss_mb()
            );
        }
        let (items, cases) = pipeline.store().counts();
        println!("store: {items} items, {cases} cases");
    });
}
