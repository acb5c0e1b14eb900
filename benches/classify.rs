//! Classify throughput against bare jieba-rs `cut` on the same text, in the
//! same run. Prints MB/s for both and their ratio.
//!
//! Corpora, each repeated to about 4 MB:
//! - `seeds`: all five seed documents (`../shared/seeds/`), Simplified and
//!   Traditional, in paragraph-sized pieces: the corpus the target is set on;
//! - `documents`: the Simplified seed documents (`../shared/seeds/`, when
//!   present beside the checkout) in paragraph-sized pieces (~600 bytes), like
//!   portal articles;
//! - `posts`: the labelled fixture texts (~100 bytes, nearly all flagged),
//!   like Weibo posts: the worst case, since nearly every clause holds a term;
//! - `traditional`: the Traditional seed (001), which needs OpenCC;
//! - `mixed`: all of the above.
//!
//! Run: `cargo bench --bench classify`

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jieba_rs::Jieba;
use yuqing::classify::{Classifier, Document, RuleSet};
use yuqing::text::Normalizer;

const TARGET_BYTES: usize = 4 << 20;
const ROUNDS: usize = 5;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut documents = Vec::new();
    let mut posts = Vec::new();
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
    let fixtures =
        std::fs::read_to_string(root.join("tests/fixtures/labelled.jsonl")).unwrap_or_default();
    for line in fixtures.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
            && let Some(t) = v["text"].as_str()
        {
            posts.push(t.to_string());
        }
    }

    let rules = RuleSet::load_dir(
        &root.join("keywords"),
        Normalizer::shared().expect("normalizer"),
    )
    .expect("shipped keyword lists load");
    let classifier = Classifier::new(rules).expect("classifier builds");
    let jieba =
        Jieba::with_dict(&mut include_str!("../data/jieba/dict.txt").as_bytes()).expect("dict");

    println!(
        "{:<12} {:>9} {:>12} {:>14} {:>7} {:>9}",
        "corpus", "MB", "cut MB/s", "classify MB/s", "ratio", "flagged"
    );
    let mut seeds_all = documents.clone();
    seeds_all.extend(traditional.iter().cloned());
    let mut mixed = seeds_all.clone();
    mixed.extend(posts.iter().cloned());
    for (name, docs) in [
        ("seeds", &seeds_all),
        ("documents", &documents),
        ("posts", &posts),
        ("traditional", &traditional),
        ("mixed", &mixed),
    ] {
        if docs.is_empty() {
            continue;
        }
        let corpus = repeat_to(docs, TARGET_BYTES);
        let bytes: usize = corpus.iter().map(String::len).sum();
        let mb = bytes as f64 / 1e6;
        let cut = best_of(|| {
            let mut tokens = 0usize;
            for d in &corpus {
                tokens += jieba.cut(d, true).len();
            }
            std::hint::black_box(tokens);
        });
        let mut flagged = 0usize;
        let classify = best_of(|| {
            flagged = 0;
            for d in &corpus {
                let c = classifier.classify(&Document {
                    text: d,
                    ..Default::default()
                });
                flagged += usize::from(c.is_flagged());
            }
        });
        let cut_rate = mb / cut.as_secs_f64();
        let classify_rate = mb / classify.as_secs_f64();
        println!(
            "{name:<12} {mb:>9.2} {cut_rate:>12.1} {classify_rate:>14.1} {:>7.2} {:>8.1}%",
            classify_rate / cut_rate,
            100.0 * flagged as f64 / corpus.len() as f64
        );
    }
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

fn best_of(mut f: impl FnMut()) -> Duration {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}
