//! Every file of the feedparser and feed-rs test corpora
//! (`../shared/corpora/`) through the feed path: none may panic or hang;
//! well-formed ones must yield their entries with the titles the reference
//! parsers found, and the charset cases must decode to the same text.
//! Prints the pass shares.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use yuqing::extract::feed;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "xml" || x == "json" || x == "rss" || x == "atom" || x == "rdf")
            && !p.to_string_lossy().ends_with(".serde.json")
        {
            out.push(p);
        }
    }
}

/// Text for comparison: reference parsers keep titles as (sanitized) HTML,
/// ours are text.
fn norm(s: &str) -> String {
    yuqing::text::html_to_text(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses every file, checking for panics and slowness.
fn run_all(
    paths: &[PathBuf],
    headers: &HashMap<String, String>,
    base: &Path,
) -> HashMap<PathBuf, Result<feed::Feed, String>> {
    let mut out = HashMap::new();
    for p in paths {
        let bytes = std::fs::read(p).unwrap_or_default();
        let rel = p
            .strip_prefix(base)
            .unwrap_or(p)
            .to_string_lossy()
            .to_string();
        let ct = headers.get(&rel).cloned();
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| feed::parse(&bytes, ct.as_deref()));
        let took = t.elapsed();
        assert!(took < Duration::from_secs(5), "{rel} took {took:?}");
        match result {
            Ok(r) => {
                out.insert(p.clone(), r.map_err(|e| e.to_string()));
            }
            Err(_) => panic!("{rel}: the feed parser panicked"),
        }
    }
    out
}

#[test]
fn feedparser_corpus_runs_clean_and_agrees_with_the_reference() {
    let base = common::root().join("../shared/corpora/feedparser-tests");
    let mut paths = Vec::new();
    files(&base, &mut paths);
    if paths.is_empty() {
        eprintln!("note: {} not found; skipping", base.display());
        return;
    }
    let mut headers = HashMap::new();
    for line in std::fs::read_to_string(base.join("expectations.jsonl"))
        .unwrap_or_default()
        .lines()
    {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if let (Some(p), Some(ct)) = (
            v["path"].as_str(),
            v["http_headers"]["content-type"].as_str(),
        ) {
            headers.insert(p.to_string(), ct.to_string());
        }
    }
    let results = run_all(&paths, &headers, &base);
    let parsed = results.values().filter(|r| r.is_ok()).count();
    // Agreement with feedparser's own parse on well-formed files: the entry
    // count and every entry title; and the feed title on charset cases.
    let (mut wf_total, mut wf_ok, mut cs_total, mut cs_ok) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for line in std::fs::read_to_string(base.join("feedparser-6.0.11-reference-output.jsonl"))
        .unwrap_or_default()
        .lines()
    {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let Some(rel) = v["path"].as_str() else {
            continue;
        };
        if v["bozo"] == Value::Bool(true) {
            continue;
        }
        let ref_titles: Vec<String> = v["entries"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["title"].as_str())
                    .map(norm)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let ours = match results.get(&base.join(rel)) {
            Some(Ok(f)) => Some(f),
            _ => None,
        };
        if rel.starts_with("encoding/") {
            if let Some(t) = v["feed"]["title"].as_str() {
                cs_total += 1;
                let Some(ours) = ours else {
                    misses.push(format!("{rel}: not parsed"));
                    continue;
                };
                if norm(&ours.title) == norm(t) {
                    cs_ok += 1;
                } else {
                    misses.push(format!("{rel}: title {:?} vs {:?}", ours.title, t));
                }
            }
        } else if rel.starts_with("wellformed/")
            // feedparser's HTML sanitizer has its own quirks; those files
            // only have to run clean.
            && !rel.starts_with("wellformed/sanitize/")
            && !ref_titles.is_empty()
        {
            wf_total += 1;
            let Some(ours) = ours else {
                misses.push(format!("{rel}: not parsed"));
                continue;
            };
            let our_titles: Vec<String> = ours
                .entries
                .iter()
                .map(|e| norm(&e.title))
                .filter(|t| !t.is_empty())
                .collect();
            if our_titles == ref_titles {
                wf_ok += 1;
            } else if misses.len() < 400 {
                misses.push(format!("{rel}: titles {our_titles:?} vs {ref_titles:?}"));
            }
        }
    }
    eprintln!(
        "feedparser corpus: {} files, none panicked or hung; {parsed} parsed as feeds",
        results.len()
    );
    eprintln!("  well-formed files with entry titles: {wf_ok}/{wf_total} agree with feedparser");
    eprintln!("  charset cases with a feed title: {cs_ok}/{cs_total} decode to feedparser's text");
    if std::env::var("YUQING_SHOW_MISSES").is_ok() {
        for m in &misses {
            eprintln!("    {m}");
        }
    }
    assert!(wf_ok * 100 >= wf_total * 80, "{wf_ok}/{wf_total}");
    assert!(cs_ok * 100 >= cs_total * 80, "{cs_ok}/{cs_total}");
}

/// The charset cases whose expectation names the encoding: our decoding
/// must give the same text as decoding with that encoding. (UTF-32 has no
/// WHATWG decoder; those cases only have to run clean.)
#[test]
fn feedparser_charset_cases_decode_to_the_expected_text() {
    let base = common::root().join("../shared/corpora/feedparser-tests");
    let Ok(expectations) = std::fs::read_to_string(base.join("expectations.jsonl")) else {
        eprintln!("note: {} not found; skipping", base.display());
        return;
    };
    let (mut total, mut ok, mut skipped) = (0, 0, 0);
    let mut misses = Vec::new();
    for line in expectations.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let (Some(rel), Some(expect)) = (v["path"].as_str(), v["expect"].as_str()) else {
            continue;
        };
        let Some(at) = expect.find("encoding == '") else {
            continue;
        };
        let label = &expect[at + 13..];
        let label = &label[..label.find('\'').unwrap_or(label.len())];
        let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) else {
            skipped += 1;
            continue;
        };
        let Ok(bytes) = std::fs::read(base.join(rel)) else {
            continue;
        };
        total += 1;
        let (want, _, _) = enc.decode(&bytes);
        let ct = v["http_headers"]["content-type"].as_str();
        let ours = yuqing::fetch::charset::decode(&bytes, ct, None);
        if ours.text.trim_start_matches('\u{feff}') == want.trim_start_matches('\u{feff}') {
            ok += 1;
        } else {
            misses.push(format!(
                "{rel}: expected {label}, decoded as {}",
                ours.encoding.name()
            ));
        }
    }
    eprintln!(
        "feedparser charset cases: {ok}/{total} decode to the expected text ({skipped} UTF-32 or unknown labels only run)"
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(total >= 30, "only {total} cases");
    assert!(ok * 100 >= total * 90, "{ok}/{total}: {misses:#?}");
}

#[test]
fn feed_rs_fixtures_yield_their_entries() {
    let base = common::root().join("../shared/corpora/feed-rs-fixtures");
    let mut paths = Vec::new();
    files(&base, &mut paths);
    if paths.is_empty() {
        eprintln!("note: {} not found; skipping", base.display());
        return;
    }
    let results = run_all(&paths, &HashMap::new(), &base);
    let (mut total, mut ok) = (0, 0);
    for p in &paths {
        let expected = p.with_extension("serde.json");
        let Ok(text) = std::fs::read_to_string(&expected) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        total += 1;
        let want: Vec<String> = v["entries"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["title"]["content"].as_str())
                    .map(norm)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        match results.get(p) {
            Some(Ok(f)) => {
                let got: Vec<String> = f
                    .entries
                    .iter()
                    .map(|e| norm(&e.title))
                    .filter(|t| !t.is_empty())
                    .collect();
                if got == want {
                    ok += 1;
                } else {
                    eprintln!("  {}: {} titles vs {}", p.display(), got.len(), want.len());
                }
            }
            other => eprintln!("  {}: {other:?}", p.display()),
        }
    }
    eprintln!(
        "feed-rs fixtures: {ok}/{total} yield the expected entry titles ({} files run)",
        results.len()
    );
    assert!(ok * 100 >= total * 90, "{ok}/{total}");
}
