//! Unattended soak: 500 local feeds on a one-minute schedule for 10
//! minutes, through the real scheduler, fetcher, pipeline and sled store,
//! while the keyword lists are rewritten every minute (every third rewrite
//! invalid) and the live reloader watches them, and while the feed server
//! fails at random (HTTP 500, slow answers, HTML instead of a feed).
//!
//! Reports RSS over time (and its trend after warm-up), panics, items lost
//! or duplicated (every entry served in a good response must be stored
//! exactly once), and reloads applied and refused against rewrites made.
//!
//! Run: `cargo bench --bench soak` (10 min). Shorter:
//! `YUQING_SOAK_MINUTES=2 YUQING_SOAK_FEEDS=100 cargo bench --bench soak`.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use yuqing::classify::{Classifier, RuleSet};
use yuqing::daemon::Collector;
use yuqing::daemon::{Reloader, Scheduler, SchedulerConfig};
use yuqing::fetch::{FetchConfig, Fetcher};
use yuqing::item::item_id;
use yuqing::pipeline::Pipeline;
use yuqing::sources::{Source, SourceConfig};
use yuqing::store::Store;
use yuqing::text::Normalizer;

/// Entries a feed keeps (one new per minute).
const WINDOW: u64 = 10;

struct Server {
    started: Instant,
    texts: Vec<String>,
    /// (feed, guid) of every entry served in a good response.
    served: Mutex<HashSet<(usize, String)>>,
    requests: AtomicUsize,
    failures: AtomicUsize,
}

fn mix(a: u64, b: u64) -> u64 {
    let mut h = a.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b;
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

async fn feed(State(s): State<Arc<Server>>, Path(name): Path<String>) -> Response {
    let Ok(f) = name.trim_end_matches(".xml").parse::<usize>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let n = s.requests.fetch_add(1, Ordering::Relaxed) as u64;
    let minute = s.started.elapsed().as_secs() / 60;
    // About 7% of answers are bad, chosen by a hash: reproducible.
    match mix(f as u64, n) % 100 {
        0..=3 => {
            s.failures.fetch_add(1, Ordering::Relaxed);
            return (StatusCode::INTERNAL_SERVER_ERROR, "upstream busy").into_response();
        }
        4 => {
            s.failures.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_secs(15)).await;
            return (StatusCode::GATEWAY_TIMEOUT, "slow").into_response();
        }
        5 | 6 => {
            s.failures.fetch_add(1, Ordering::Relaxed);
            return (
                [(header::CONTENT_TYPE, "text/html")],
                "<html><body>维护中</body></html>",
            )
                .into_response();
        }
        _ => {}
    }
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>源{f}</title>"
    );
    let mut guids = Vec::new();
    for m in minute.saturating_sub(WINDOW - 1)..=minute {
        let guid = format!("https://soak.local/{f}/{m}");
        let text = &s.texts[(f + m as usize) % s.texts.len()];
        xml.push_str(&format!(
            "<item><title>源{f}第{m}分钟</title><description><![CDATA[{text}（源{f}第{m}分钟）]]></description><guid>{guid}</guid></item>"
        ));
        guids.push(guid);
    }
    xml.push_str("</channel></rss>");
    {
        let mut served = s.served.lock().unwrap_or_else(|p| p.into_inner());
        for g in guids {
            served.insert((f, g));
        }
    }
    ([(header::CONTENT_TYPE, "application/rss+xml")], xml).into_response()
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Least-squares slope of (minute, MB) points, in MB per minute.
fn slope(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (sx, sy) = points
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    let (mx, my) = (sx / n, sy / n);
    let num: f64 = points.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let den: f64 = points.iter().map(|(x, _)| (x - mx) * (x - mx)).sum();
    if den == 0.0 { 0.0 } else { num / den }
}

fn main() {
    let minutes = env_num("YUQING_SOAK_MINUTES", 10);
    let feeds = env_num("YUQING_SOAK_FEEDS", 500) as usize;
    let panics = Arc::new(AtomicUsize::new(0));
    {
        let panics = panics.clone();
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            panics.fetch_add(1, Ordering::Relaxed);
            default(info);
        }));
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let texts: Vec<String> = std::fs::read_to_string(root.join("inbox/samples.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    assert!(!texts.is_empty(), "inbox/samples.jsonl has the texts");

    let dir = tempfile::tempdir().expect("tempdir");
    let keywords = dir.path().join("keywords");
    std::fs::create_dir_all(&keywords).expect("keywords dir");
    for e in std::fs::read_dir(root.join("keywords"))
        .expect("keywords")
        .flatten()
    {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, keywords.join(e.file_name())).expect("copy");
        }
    }
    let rules = RuleSet::load_dir(&keywords, Normalizer::shared().expect("normalizer"))
        .unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(&dir.path().join("store")).expect("store");
    let pipeline = Arc::new(
        Pipeline::new(
            Classifier::new(rules).expect("classifier"),
            store,
            Utc::now(),
        )
        .expect("pipeline"),
    );
    // As `yuqing run` sets itself up (YUQING_SOAK_PLAIN=1: tokio's
    // defaults, for comparison).
    let plain = std::env::var("YUQING_SOAK_PLAIN").is_ok_and(|v| v == "1");
    let runtime = if plain {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("runtime")
    } else {
        yuqing::daemon::runtime().expect("runtime")
    };

    let server = Arc::new(Server {
        started: Instant::now(),
        texts,
        served: Mutex::default(),
        requests: AtomicUsize::new(0),
        failures: AtomicUsize::new(0),
    });
    let base = runtime.block_on(async {
        let app = Router::new()
            .route("/feed/{name}", get(feed))
            .with_state(server.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{addr}")
    });
    let sources: Vec<Source> = (0..feeds)
        .map(|f| {
            let config: SourceConfig = toml::from_str(&format!(
                "name = \"源{f}\"\nkind = \"feed\"\nurl = \"{base}/feed/{f}.xml\"\nschedule = \"* * * * *\"\nrobots = false\n"
            ))
            .expect("source");
            Source::compile(config, "soak").expect("source compiles")
        })
        .collect();
    let fetcher = Fetcher::new(FetchConfig {
        timeout_secs: 10,
        connect_timeout_secs: 5,
        per_host_delay_ms: 0,
        per_host_concurrency: 64,
        respect_robots: false,
        ..FetchConfig::default()
    })
    .expect("fetcher");
    let collector = Arc::new(Collector {
        fetcher: Arc::new(fetcher),
        pipeline: pipeline.clone(),
        base_dir: PathBuf::new(),
    });
    let scheduler = Scheduler::new(
        collector,
        sources,
        SchedulerConfig {
            max_concurrent_polls: 32,
            // Failing feeds come back within the run.
            max_backoff_minutes: 2,
            ..SchedulerConfig::default()
        },
    );
    let reloader = Arc::new(Reloader::new(
        keywords.clone(),
        None,
        None,
        pipeline.clone(),
        Some(scheduler.handle()),
    ));
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let polling = runtime.spawn(scheduler.run(stop_rx.clone(), Duration::from_secs(20)));
    runtime.spawn(reloader.clone().watch(stop_rx.clone()));

    println!(
        "soak: {feeds} feeds, 1-minute schedule, {minutes} min, keyword lists rewritten every minute{}",
        if plain {
            " (default runtime and malloc)"
        } else {
            ""
        }
    );
    println!("| minute | RSS MB | items | polls | rules version | reloads ok/refused |");
    println!("|---|---|---|---|---|---|");
    let t0 = Instant::now();
    let mut samples: Vec<(f64, f64)> = Vec::new();
    let (mut valid_writes, mut invalid_writes) = (0u64, 0u64);
    let mut minute = 0;
    while t0.elapsed() < Duration::from_secs(minutes * 60) {
        std::thread::sleep(Duration::from_secs(10));
        let at = t0.elapsed().as_secs_f64() / 60.0;
        samples.push((at, rss_mb()));
        let this_minute = t0.elapsed().as_secs() / 60;
        if this_minute > minute || minute == 0 && samples.len() == 3 {
            minute = this_minute.max(1);
            // Every third rewrite is broken; the others add a rule.
            let file = keywords.join("interest-soak.txt");
            if minute.is_multiple_of(3) {
                std::fs::write(&file, format!("# broken on purpose\n词{minute}号 乱停放\n"))
                    .expect("write");
                invalid_writes += 1;
            } else {
                std::fs::write(
                    &file,
                    format!("# soak minute {minute}\n测试词{minute}号 + 欠薪|拖欠工资\n"),
                )
                .expect("write");
                valid_writes += 1;
            }
            let st = reloader.status();
            println!(
                "| {:.1} | {:.0} | {} | {} | {} | {}/{} |",
                at,
                rss_mb(),
                pipeline.store().counts().0,
                server.requests.load(Ordering::Relaxed),
                st.version,
                st.reloads,
                st.failed_reloads
            );
        }
    }
    // Let the last rewrite be picked up, then stop.
    std::thread::sleep(Duration::from_secs(6));
    let _ = stop_tx.send(true);
    runtime.block_on(async {
        let _ = polling.await;
    });
    pipeline.store().flush().expect("flush");

    let served = server
        .served
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let store = pipeline.store();
    let lost = served
        .iter()
        .filter(|(f, g)| {
            let id = item_id(&format!("源{f}"), Some(g), None, "", "");
            !matches!(store.item(&id), Ok(Some(_)))
        })
        .count();
    let stored = store.counts().0;
    let duplicated = stored.saturating_sub(served.len() - lost);
    let st = reloader.status();
    let warm: Vec<(f64, f64)> = samples
        .iter()
        .copied()
        .filter(|(m, _)| *m >= minutes as f64 / 3.0)
        .collect();
    let first = warm.first().map_or(0.0, |p| p.1);
    let last = warm.last().map_or(0.0, |p| p.1);
    let max = samples.iter().map(|p| p.1).fold(0.0, f64::max);
    println!();
    println!(
        "requests {} (bad answers injected: {}), entries served {}, items stored {stored}",
        server.requests.load(Ordering::Relaxed),
        server.failures.load(Ordering::Relaxed),
        served.len()
    );
    println!(
        "lost {lost}, duplicated {duplicated}, panics {}",
        panics.load(Ordering::Relaxed)
    );
    println!(
        "reloads: {valid_writes} valid rewrites, {} applied; {invalid_writes} invalid rewrites, {} refused; rules version {}",
        st.reloads, st.failed_reloads, st.version
    );
    println!(
        "RSS after warm-up (from minute {:.1}): {first:.0} MB → {last:.0} MB, trend {:+.2} MB/min, peak {max:.0} MB",
        minutes as f64 / 3.0,
        slope(&warm)
    );
    let ok = lost == 0
        && duplicated == 0
        && panics.load(Ordering::Relaxed) == 0
        && st.reloads == valid_writes
        && st.failed_reloads == invalid_writes;
    println!("{}", if ok { "SOAK OK" } else { "SOAK FAILED" });
    if !ok {
        std::process::exit(1);
    }
}
