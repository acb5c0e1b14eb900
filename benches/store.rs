//! The store and API at scale: loads N items (default 1,000,000; set
//! `YUQING_BENCH_ITEMS`) of realistic sizes, about 5% of them matching a
//! category, through the real pipeline into a sled store in a temp dir, then
//! serves the real API on 127.0.0.1 and times case lists and case pages.
//!
//! Baselines measured in the same run: single-thread classification of the
//! same items (for the ingest rate) and `GET /health` (for API latency: the
//! HTTP floor).
//!
//! Issue 11's flat cost: the per-item ingest cost in the first and the last
//! tenth of the run (100k of 1M), in wall time and in CPU time of the whole
//! process (all threads; steadier than wall time on a shared machine), their
//! ratios (target ≤ 1.2), the peak RSS, and a restart: the store reopened
//! and the grouping index rebuilt from it.
//!
//! Run: `cargo bench --bench store`

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use yuqing::api::{self, AppState, Limits};
use yuqing::classify::{Classifier, Document, RuleSet};
use yuqing::config::{Role, Token};
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::store::Store;
use yuqing::text::Normalizer;

const TOKEN: &str = "bench-viewer-token-0001";
const BATCH: usize = 1000;
const REQUESTS: usize = 400;
const REGIONS: [&str; 7] = [
    "崇川区",
    "海门区",
    "如东县",
    "启东市",
    "如皋市",
    "海安市",
    "通州区",
];

/// Makes the path of the next request of one kind.
type PathGen = Box<dyn FnMut() -> String>;

/// A small deterministic generator (xorshift), so every run loads the same items.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// Neutral sentences (nothing an office must answer), combined at random.
fn filler(rng: &mut Rng, sentences: usize) -> String {
    const WHO: [&str; 8] = [
        "市民",
        "游客",
        "网友",
        "小朋友",
        "志愿者",
        "老人们",
        "学生们",
        "摄影爱好者",
    ];
    const WHAT: [&str; 10] = [
        "在公园里赏菊花",
        "参加周末读书会",
        "去新开的咖啡馆打卡",
        "在江边跑步锻炼",
        "逛非遗文创市集",
        "观看社区文艺汇演",
        "体验传统手工艺",
        "在图书馆自习",
        "参加亲子运动会",
        "品尝本地特色小吃",
    ];
    const MOOD: [&str; 6] = [
        "大家都说很开心",
        "天气晴朗，心情很好",
        "现场气氛热烈",
        "不少人拍照留念",
        "活动持续到傍晚",
        "下周还有类似安排",
    ];
    let mut s = String::new();
    for _ in 0..sentences {
        s.push_str(rng.pick(&REGIONS));
        s.push_str(rng.pick(&WHO));
        s.push_str(rng.pick(&WHAT));
        s.push('，');
        s.push_str(rng.pick(&MOOD));
        s.push('。');
    }
    s
}

fn flagged_texts(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["labelled", "holdout", "holdout2"] {
        let text = std::fs::read_to_string(root.join(format!("tests/fixtures/{name}.jsonl")))
            .unwrap_or_default();
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let labelled = v["labels"]["categories"]
                .as_array()
                .is_some_and(|c| !c.is_empty());
            if let Some(t) = v["text"].as_str()
                && labelled
            {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// Item `i`: 5% a report of a flagged story (placed in one of the regions,
/// so a story in two places is two cases), else chatter; 70% post-sized,
/// 30% article-sized.
fn item(i: usize, rng: &mut Rng, flagged: &[String]) -> NewItem {
    let long = rng.next() % 10 < 3;
    let mut text = filler(rng, if long { 12 } else { 2 });
    if rng.next() % 100 < 5 {
        let story = &flagged[(rng.next() % flagged.len() as u64) as usize];
        text = format!("{}消息：{story}{text}", rng.pick(&REGIONS));
    }
    NewItem {
        source: format!("来源{}", rng.next() % 400),
        guid: Some(format!("bench-{i}")),
        text,
        ..Default::default()
    }
}

fn dir_size(p: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(p) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU time the process has used so far (user and system, all threads,
/// including those that have exited), from `/proc/self/stat`; zero where
/// that cannot be read.
fn process_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which is in parentheses and may
    // hold spaces); utime and stime are the 14th and 15th of the line.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    // Linux reports these in USER_HZ, 100 per second on every platform it
    // supports.
    Duration::from_millis(ticks * 10)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Opens the store at `path` again, with the time the open took (which
/// includes any wait for sled to release the lock of the closed handle).
fn open_again(path: &Path) -> (Store, Duration) {
    let t = Instant::now();
    match Store::open(path) {
        Ok(s) => (s, t.elapsed()),
        Err(e) => panic!("reopen: {e}"),
    }
}

fn main() {
    let n: usize = std::env::var("YUQING_BENCH_ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let flagged = flagged_texts(&root);
    assert!(!flagged.is_empty(), "tests/fixtures are needed");
    let rules = match RuleSet::load_dir(
        &root.join("keywords"),
        Normalizer::shared().expect("normalizer"),
    ) {
        Ok(r) => r,
        Err(e) => panic!("keyword lists: {e}"),
    };
    let classifier = Classifier::new(rules).expect("classifier");

    // Baseline: classification alone, one thread, on the first items.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let sample: Vec<NewItem> = (0..20_000).map(|i| item(i, &mut rng, &flagged)).collect();
    let bytes: usize = sample.iter().map(|i| i.text.len()).sum();
    let t = Instant::now();
    let mut hits = 0;
    for it in &sample {
        let c = classifier.classify(&Document {
            title: "",
            text: &it.text,
            signals: Default::default(),
        });
        hits += usize::from(c.is_flagged());
    }
    let classify_rate = sample.len() as f64 / t.elapsed().as_secs_f64();
    println!(
        "items: {n}, mean {} bytes, {:.1}% flagged (sample of {})",
        bytes / sample.len(),
        100.0 * hits as f64 / sample.len() as f64,
        sample.len()
    );
    println!("baseline: classify only, 1 thread: {classify_rate:.0} items/s");

    // Ingest, with the clock spread over 30 days ending now.
    let dir = tempfile::tempdir().expect("tempdir");
    let store_path = dir.path().join("store");
    let store = Store::open(&store_path).expect("store");
    let start = Utc::now() - chrono::Duration::days(30);
    let step = chrono::Duration::days(30) / (n.div_ceil(BATCH) as i32).max(1);
    let pipeline = Pipeline::new(classifier, store, start).expect("pipeline");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let t = Instant::now();
    let mut failed = 0;
    // Per-item cost in the first and the last tenth (100k of 1M): grouping
    // must stay flat as the store and the index fill.
    let tenth = (n / 10).max(BATCH);
    let (mut head, mut tail) = (Duration::ZERO, Duration::ZERO);
    let (mut head_cpu, mut tail_cpu) = (Duration::ZERO, Duration::ZERO);
    let (mut head_n, mut tail_n) = (0usize, 0usize);
    for (b, first) in (0..n).step_by(BATCH).enumerate() {
        let batch: Vec<NewItem> = (first..(first + BATCH).min(n))
            .map(|i| item(i, &mut rng, &flagged))
            .collect();
        let len = batch.len();
        let (bt, bcpu) = (Instant::now(), process_cpu());
        let results = pipeline
            .ingest_batch(batch, start + step * b as i32)
            .expect("batch");
        let (spent, cpu) = (bt.elapsed(), process_cpu().saturating_sub(bcpu));
        if first < tenth {
            head += spent;
            head_cpu += cpu;
            head_n += len;
        } else if first >= n.saturating_sub(tenth) {
            tail += spent;
            tail_cpu += cpu;
            tail_n += len;
        }
        failed += results.iter().filter(|r| r.is_err()).count();
    }
    let elapsed = t.elapsed().as_secs_f64();
    let per_item = |d: Duration, k: usize| d.as_secs_f64() * 1e6 / k.max(1) as f64;
    let ratio = |tail: f64, head: f64| tail / head.max(1e-9);
    println!(
        "ingest cost per item, wall: first {head_n} {:.1} µs, last {tail_n} {:.1} µs (ratio {:.2}; target ≤ 1.2)",
        per_item(head, head_n),
        per_item(tail, tail_n),
        ratio(per_item(tail, tail_n), per_item(head, head_n))
    );
    println!(
        "ingest cost per item, CPU (all threads): first {head_n} {:.1} µs, last {tail_n} {:.1} µs (ratio {:.2})",
        per_item(head_cpu, head_n),
        per_item(tail_cpu, tail_n),
        ratio(per_item(tail_cpu, tail_n), per_item(head_cpu, head_n))
    );
    let ingest_rate = n as f64 / elapsed;
    let (items, cases) = pipeline.store().counts();
    println!(
        "ingest: {n} items in {elapsed:.1} s = {ingest_rate:.0} items/s ({:.2}x the 1-thread classify baseline; target 10000/s); {failed} failed",
        ingest_rate / classify_rate
    );
    println!(
        "store: {items} items, {cases} cases, {:.0} MB on disk; peak RSS {:.0} MB",
        dir_size(&store_path) as f64 / 1e6,
        peak_rss_mb()
    );
    // A restart: the store is closed and opened again (item count, case
    // index), then the keyword lists, the classifier and the grouping index
    // are rebuilt; the API below is served by the new pipeline.
    drop(pipeline);
    let (store, opened) = open_again(&store_path);
    let rebuild = Instant::now();
    let rules = RuleSet::load_dir(
        &root.join("keywords"),
        Normalizer::shared().expect("normalizer"),
    )
    .expect("keyword lists");
    let pipeline = Pipeline::new(
        Classifier::new(rules).expect("classifier"),
        store,
        start + chrono::Duration::days(30),
    )
    .expect("pipeline");
    println!(
        "restart: store reopened in {:.2} s; keyword lists, classifier and grouping index rebuilt in {:.2} s more",
        opened.as_secs_f64(),
        rebuild.elapsed().as_secs_f64()
    );

    // The API over that store.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let pipeline = Arc::new(pipeline);
    let tokens = vec![Token {
        name: "bench".into(),
        role: Role::Viewer,
        secret: TOKEN.into(),
    }];
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!(
            "http://{}{}",
            listener.local_addr().expect("addr"),
            api::PREFIX
        );
        let app = api::router(AppState::new(pipeline, tokens), Limits::default());
        tokio::spawn(api::serve(listener, app, std::future::pending()));
        let client = reqwest::Client::new();
        let mut rng = Rng(7);
        let case_count = cases.max(1) as u64;
        let queries: Vec<(&str, PathGen)> = vec![
            ("GET /health (baseline)", Box::new(|| "/health".to_string())),
            (
                "GET /cases (default sort)",
                Box::new(|| "/cases?limit=50".to_string()),
            ),
            (
                "GET /cases status+severity, by severity",
                Box::new(|| {
                    "/cases?status=new&min_severity=III&sort=severity&limit=50".to_string()
                }),
            ),
            (
                "GET /cases category+region",
                Box::new(|| "/cases?category=interest&region=海门区&limit=50".to_string()),
            ),
            (
                "GET /cases overdue, by due",
                Box::new(|| "/cases?overdue=true&sort=due&limit=50".to_string()),
            ),
            (
                "GET /cases text query",
                Box::new(|| "/cases?q=爆炸&since=2026-01-01&limit=50".to_string()),
            ),
            (
                "GET /cases/{id}",
                Box::new(move || format!("/cases/{}", 1 + rng.next() % case_count)),
            ),
            (
                "GET /items category",
                Box::new(|| "/items?category=emergency&limit=50".to_string()),
            ),
        ];
        let mut baseline_p50 = 0.0;
        for (name, mut path) in queries {
            let mut times = Vec::with_capacity(REQUESTS);
            for _ in 0..REQUESTS {
                let url = format!("{base}{}", path());
                let t = Instant::now();
                let resp = client
                    .get(&url)
                    .bearer_auth(TOKEN)
                    .send()
                    .await
                    .expect("request");
                let status = resp.status();
                let body = resp.bytes().await.expect("body");
                times.push(t.elapsed());
                assert!(
                    status.is_success(),
                    "{url}: {status} {}",
                    String::from_utf8_lossy(&body)
                );
            }
            times.sort();
            let (p50, p99) = (percentile(&times, 0.5), percentile(&times, 0.99));
            if baseline_p50 == 0.0 {
                baseline_p50 = p50;
            }
            println!(
                "{name:<42} p50 {p50:>7.2} ms  p99 {p99:>7.2} ms  ({:.1}x /health p50)",
                p50 / baseline_p50
            );
        }
    });
}
