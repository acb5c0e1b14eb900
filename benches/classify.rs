//! Classify throughput against bare jieba-rs `cut` and against Python jieba
//! `lcut` on the same text, in the same run. Prints MB/s and ratios only; it
//! asserts nothing about absolute times.
//!
//! Corpora, each repeated to about 4 MB:
//! - `seeds`: all five seed documents (`../shared/seeds/`), Simplified and
//!   Traditional, in paragraph-sized pieces;
//! - `documents`: the Simplified seed documents in paragraph-sized pieces
//!   (~600 bytes), like portal articles;
//! - `posts`: short Weibo-like posts: the texts of the development set
//!   (`../shared/dev/items.jsonl`, 320 texts, ~250 bytes), else the labelled
//!   fixture texts (~100 bytes); the worst case, since most are flagged and
//!   nearly every clause holds a term;
//! - `traditional`: the Traditional seed (001), which needs OpenCC;
//! - `mixed`: all of the above.
//!
//! Rates are in CPU time (this thread's, and `time.process_time()` in
//! Python), so other work on the machine disturbs them less than wall time.
//!
//! Columns: `cut` is jieba-rs `cut(text, true)` per text; `classify` the
//! whole [`Classifier::classify`]; `py lcut` Python jieba's `jieba.lcut`
//! (HMM on, as `cut(text, true)`) on the first ~1 MB of the same corpus, run
//! by `benches/jieba_baseline.py` after jieba's dictionary load.
//!
//! Then the whole-process comparison: the `yuqing classify` binary over a
//! JSON Lines file of the first ~1 MB of a corpus (and of all 4 MB of
//! `posts`, since the fixed start-up weighs less in a longer run) against
//! `python3 -c 'import jieba; … jieba.lcut(…)'` over the same file, both
//! timed from process start to exit (dictionary loads included).
//!
//! Python columns are skipped, with a note, when python3 or its `jieba`
//! package is missing (`pip install jieba`). `YUQING_BENCH_PYTHON` names
//! another interpreter. `YUQING_BENCH_CORPORA=posts` (a comma-separated
//! list) runs only the corpora named.
//!
//! Run: `cargo bench --bench classify`

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jieba_rs::Jieba;
use yuqing::classify::{Classifier, Document, RuleSet};
use yuqing::text::Normalizer;

const TARGET_BYTES: usize = 4 << 20;
/// Size of the text the Python columns and the whole-process runs use:
/// Python jieba cuts about 1 MB/s, so 4 MB would take minutes per corpus.
const PYTHON_BYTES: usize = 1 << 20;
const ROUNDS: usize = 5;
/// Rounds of the whole-process runs (best of).
const PROCESS_ROUNDS: usize = 3;

/// What the whole-process Python baseline runs: load jieba, cut every text.
const PYTHON_WHOLE: &str = "import json, sys, jieba\n\
jieba.setLogLevel(60)\n\
for line in open(sys.argv[1], encoding='utf-8'):\n    jieba.lcut(json.loads(line)['text'])\n";

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut documents = Vec::new();
    let mut traditional = Vec::new();
    let seeds = root.join("../shared/seeds");
    if let Ok(entries) = std::fs::read_dir(&seeds) {
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            let is_traditional = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("001_"));
            let docs = paragraphs(&text);
            if is_traditional {
                traditional.extend(docs);
            } else {
                documents.extend(docs);
            }
        }
    } else {
        eprintln!(
            "note: {} not found; using fixture texts only",
            seeds.display()
        );
    }
    let dev = root.join("../shared/dev/items.jsonl");
    let mut posts = texts_of(&dev);
    let posts_from = if posts.is_empty() {
        eprintln!(
            "note: {} not found; posts are the fixture texts",
            dev.display()
        );
        posts = texts_of(&root.join("tests/fixtures/labelled.jsonl"));
        "tests/fixtures/labelled.jsonl"
    } else {
        "../shared/dev/items.jsonl"
    };
    let post_bytes = posts.iter().map(String::len).sum::<usize>() / posts.len().max(1);
    println!(
        "posts: {} texts from {posts_from}, {post_bytes} bytes on average",
        posts.len()
    );

    let rules = RuleSet::load_dir(
        &root.join("keywords"),
        Normalizer::shared().expect("normalizer"),
    )
    .expect("shipped keyword lists load");
    let classifier = Classifier::new(rules).expect("classifier builds");
    let jieba =
        Jieba::with_dict(&mut include_str!("../data/jieba/dict.txt").as_bytes()).expect("dict");
    let scratch = tempfile::tempdir().expect("temporary directory");
    let python = Python::find(&root);

    println!(
        "\n{:<12} {:>6} {:>9} {:>10} {:>9} {:>11} {:>11} {:>8}",
        "corpus", "MB", "cut MB/s", "classify", "vs cut", "py lcut", "vs py lcut", "flagged"
    );
    let mut seeds_all = documents.clone();
    seeds_all.extend(traditional.iter().cloned());
    let mut mixed = seeds_all.clone();
    mixed.extend(posts.iter().cloned());
    let corpora = [
        ("seeds", &seeds_all),
        ("documents", &documents),
        ("posts", &posts),
        ("traditional", &traditional),
        ("mixed", &mixed),
    ];
    // Whole-process runs: (corpus, JSON Lines file, MB of text in it).
    let mut whole: Vec<(&str, PathBuf, f64)> = Vec::new();
    // YUQING_BENCH_CORPORA=posts,seeds runs only those (a quick check).
    let only: Option<Vec<String>> = std::env::var("YUQING_BENCH_CORPORA")
        .ok()
        .map(|v| v.split(',').map(|s| s.trim().to_string()).collect());
    for (name, docs) in corpora {
        if docs.is_empty() || only.as_ref().is_some_and(|o| !o.iter().any(|n| n == name)) {
            continue;
        }
        let corpus = repeat_to(docs, TARGET_BYTES);
        let mb = text_mb(&corpus);
        // Rounds alternate between the two, so a load spike from other work
        // on the machine hits both columns alike.
        let mut flagged = 0usize;
        let (cut, classify) = best_of_pair(
            || {
                let mut tokens = 0usize;
                for d in &corpus {
                    tokens += jieba.cut(d, true).len();
                }
                std::hint::black_box(tokens);
            },
            || {
                flagged = 0;
                for d in &corpus {
                    let c = classifier.classify(&Document {
                        text: d,
                        ..Default::default()
                    });
                    flagged += usize::from(c.is_flagged());
                }
            },
        );
        let cut_rate = mb / cut.as_secs_f64();
        let classify_rate = mb / classify.as_secs_f64();
        let file = scratch.path().join(format!("{name}.jsonl"));
        let sample = repeat_to(docs, PYTHON_BYTES);
        write_jsonl(&file, &sample);
        if matches!(name, "seeds" | "posts" | "mixed") {
            whole.push((name, file.clone(), text_mb(&sample)));
        }
        if name == "posts" {
            // Start-up weighs less the more text one run gets: one larger
            // file shows how far the ratio depends on the size.
            let big = scratch.path().join("posts-4mb.jsonl");
            write_jsonl(&big, &corpus);
            whole.push((name, big, mb));
        }
        let (py, vs_py) = match python.as_ref().and_then(|p| p.lcut_rate(&file)) {
            Some(rate) => (format!("{rate:.2}"), format!("{:.1}", classify_rate / rate)),
            None => ("-".into(), "-".into()),
        };
        println!(
            "{name:<12} {mb:>6.2} {cut_rate:>9.1} {classify_rate:>10.1} {:>8.2}× {py:>11} {vs_py:>10}× {:>7.1}%",
            classify_rate / cut_rate,
            100.0 * flagged as f64 / corpus.len() as f64
        );
    }

    println!(
        "\nwhole process, from start to exit (dictionary loads included), best of {PROCESS_ROUNDS}:"
    );
    println!(
        "{:<8} {:>5} {:>15} {:>15} {:>7} {:>15} {:>15} {:>7}",
        "corpus",
        "MB",
        "yuqing wall s",
        "python wall s",
        "ratio",
        "yuqing cpu s",
        "python cpu s",
        "ratio"
    );
    let yuqing = PathBuf::from(env!("CARGO_BIN_EXE_yuqing"));
    for (name, file, mb) in whole {
        let (ours_wall, ours_cpu) = time_process(|| {
            let mut c = Command::new(&yuqing);
            c.arg("classify")
                .arg("--keywords")
                .arg(root.join("keywords"))
                .arg(&file);
            c
        })
        .expect("yuqing classify runs");
        let theirs = python.as_ref().and_then(|p| {
            time_process(|| {
                let mut c = Command::new(&p.exe);
                c.arg("-c").arg(PYTHON_WHOLE).arg(&file);
                c
            })
        });
        let cols = |ours: Duration, theirs: Option<Duration>| match theirs {
            Some(t) => format!(
                "{:>15.3} {:>15.3} {:>6.1}×",
                ours.as_secs_f64(),
                t.as_secs_f64(),
                t.as_secs_f64() / ours.as_secs_f64()
            ),
            None => format!("{:>15.3} {:>15} {:>7}", ours.as_secs_f64(), "-", "-"),
        };
        println!(
            "{name:<8} {mb:>5.2} {} {}",
            cols(ours_wall, theirs.map(|t| t.0)),
            cols(ours_cpu, theirs.map(|t| t.1))
        );
    }
}

/// A Python interpreter with the `jieba` package, and the baseline script.
struct Python {
    exe: PathBuf,
    script: PathBuf,
}

impl Python {
    /// Finds python3 with jieba; prints why not and returns `None` otherwise.
    fn find(root: &Path) -> Option<Python> {
        let exe = PathBuf::from(
            std::env::var_os("YUQING_BENCH_PYTHON").unwrap_or_else(|| "python3".into()),
        );
        let probe = Command::new(&exe)
            // Also builds jieba's dictionary cache, so no timed run pays for it.
            .args([
                "-c",
                "import jieba, logging; jieba.setLogLevel(60); jieba.initialize()",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        match probe {
            Ok(s) if s.success() => Some(Python {
                exe,
                script: root.join("benches/jieba_baseline.py"),
            }),
            Ok(_) => {
                println!(
                    "note: {} has no jieba package (pip install jieba); Python columns skipped",
                    exe.display()
                );
                None
            }
            Err(e) => {
                println!(
                    "note: cannot run {} ({e}); Python columns skipped",
                    exe.display()
                );
                None
            }
        }
    }

    /// MB/s of `jieba.lcut` over the texts of `file`, after the load.
    fn lcut_rate(&self, file: &Path) -> Option<f64> {
        let out = Command::new(&self.exe)
            .arg(&self.script)
            .arg(file)
            .stderr(Stdio::inherit())
            .output()
            .ok()?;
        if !out.status.success() {
            println!(
                "note: {} failed; Python column skipped",
                self.script.display()
            );
            return None;
        }
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
        let bytes = v["bytes"].as_f64()?;
        let secs = v["cut_s"].as_f64()?;
        Some(bytes / 1e6 / secs)
    }
}

/// Best wall time and best CPU time (user + system, all threads) of
/// [`PROCESS_ROUNDS`] runs of a command, output discarded; `None` if it
/// cannot run or fails. CPU time is steadier than wall time on a busy machine,
/// and does not credit `yuqing classify` for using several cores.
fn time_process(mut make: impl FnMut() -> Command) -> Option<(Duration, Duration)> {
    let mut best: Option<(Duration, Duration)> = None;
    for _ in 0..PROCESS_ROUNDS {
        let cpu_before = children_cpu();
        let start = Instant::now();
        let status = make()
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        let wall = start.elapsed();
        let cpu = children_cpu().saturating_sub(cpu_before);
        if !status.success() {
            return None;
        }
        best = Some(best.map_or((wall, cpu), |(w, c)| (w.min(wall), c.min(cpu))));
    }
    best
}

/// CPU time used so far by the children this process has waited for.
fn children_cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } != 0 {
        return Duration::ZERO;
    }
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// Megabytes of UTF-8 text in `texts`.
fn text_mb(texts: &[String]) -> f64 {
    texts.iter().map(String::len).sum::<usize>() as f64 / 1e6
}

/// The `text` fields of a JSON Lines file (empty when it cannot be read).
fn texts_of(path: &Path) -> Vec<String> {
    let data = std::fs::read_to_string(path).unwrap_or_default();
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// Writes texts as `yuqing classify` input, `{"id": n, "text": …}` per line.
fn write_jsonl(path: &Path, texts: &[String]) {
    let mut out = String::new();
    for (i, t) in texts.iter().enumerate() {
        out.push_str(&serde_json::json!({ "id": i, "text": t }).to_string());
        out.push('\n');
    }
    std::fs::write(path, out).expect("write the bench corpus");
}

/// Splits a document into paragraph-sized items (blank-line separated,
/// short fragments joined), like posts and article sections.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        cur.push_str(line);
        if cur.len() >= 600 {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn repeat_to(docs: &[String], target: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < target {
        for d in docs {
            total += d.len();
            out.push(d.clone());
        }
    }
    out
}

/// Best times of [`ROUNDS`] rounds of `a` and `b`, run alternately, in CPU
/// time of this thread: on a machine shared with other work, wall time
/// counts the time the thread waited for a core.
fn best_of_pair(mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..ROUNDS {
        let start = thread_cpu();
        a();
        best.0 = best.0.min(thread_cpu().saturating_sub(start));
        let start = thread_cpu();
        b();
        best.1 = best.1.min(thread_cpu().saturating_sub(start));
    }
    best
}

/// CPU time this thread has used.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the struct it is given.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
