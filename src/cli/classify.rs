//! `yuqing classify`: JSON Lines in, JSON Lines out, one line per line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use yuqing::classify::{Authority, Classification, Classifier, Document, Signals};

use super::KeywordsArg;

/// Longest input line accepted; longer lines get an error object, and are
/// skipped without being held in memory.
const MAX_LINE_BYTES: usize = 16 << 20;

/// Lines classified per batch (split across threads, written in order).
const BATCH_LINES: usize = 512;

/// Arguments of `yuqing classify`.
#[derive(Debug, clap::Args)]
pub struct ClassifyArgs {
    #[command(flatten)]
    keywords: KeywordsArg,
    /// JSON Lines files to read; standard input when none.
    files: Vec<PathBuf>,
}

/// One input line.
#[derive(Debug, Deserialize)]
struct Input {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    authority: Option<Authority>,
    #[serde(default)]
    source_count: Option<u32>,
    #[serde(default)]
    items_per_hour: Option<f64>,
}

/// One output line for a classified input.
#[derive(Debug, Serialize)]
struct Output<'a> {
    id: &'a Value,
    #[serde(flatten)]
    classification: &'a Classification,
}

/// One output line for an input that could not be classified.
#[derive(Debug, Serialize)]
struct LineError<'a> {
    id: &'a Value,
    file: &'a str,
    line: usize,
    error: String,
}

/// A raw line as read: bytes, or a note that it was too long.
enum RawLine {
    Bytes(Vec<u8>),
    TooLong(usize),
}

/// Reads and classifies every line; exit code 0 even when some lines were
/// bad (their errors are in the output), 1 when an input cannot be read.
pub fn run(args: ClassifyArgs) -> anyhow::Result<ExitCode> {
    // jieba's dictionary takes the longest to load; it loads on the other
    // core while the keyword lists are read and compiled.
    yuqing::text::Segmenter::preload();
    let classifier = super::load_classifier(&args.keywords.keywords)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.files.is_empty() {
        classify_stream(&classifier, io::stdin().lock(), "<stdin>", &mut out)?;
    } else {
        for path in &args.files {
            let name = path.display().to_string();
            let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
            classify_stream(&classifier, BufReader::new(file), &name, &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn classify_stream(
    classifier: &Classifier,
    mut input: impl BufRead,
    name: &str,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut line_no = 0;
    loop {
        let mut batch = Vec::with_capacity(BATCH_LINES);
        while batch.len() < BATCH_LINES {
            match read_line(&mut input).with_context(|| format!("reading {name}"))? {
                Some(line) => {
                    line_no += 1;
                    batch.push((line_no, line));
                }
                None => break,
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        let chunk = batch.len().div_ceil(threads);
        let results: Vec<Vec<Option<String>>> = std::thread::scope(|s| {
            let handles: Vec<_> = batch
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|(n, l)| {
                                // A bug must cost one line's answer, not the run.
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    classify_line(classifier, name, *n, l)
                                }))
                                .unwrap_or_else(|_| {
                                    serde_json::to_string(&LineError {
                                        id: &Value::Null,
                                        file: name,
                                        line: *n,
                                        error: "internal error while classifying this line".into(),
                                    })
                                    .ok()
                                })
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for line in results.into_iter().flatten().flatten() {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
}

/// Classifies one line; `None` for blank lines (nothing to say).
fn classify_line(
    classifier: &Classifier,
    file: &str,
    line: usize,
    raw: &RawLine,
) -> Option<String> {
    let null = Value::Null;
    let error = |id: &Value, error: String| {
        serde_json::to_string(&LineError {
            id,
            file,
            line,
            error,
        })
        .ok()
    };
    let bytes = match raw {
        RawLine::Bytes(b) => b,
        RawLine::TooLong(n) => {
            return error(
                &null,
                format!("line is {n} bytes, longer than the {MAX_LINE_BYTES}-byte limit"),
            );
        }
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return error(&null, "line is not valid UTF-8".into());
    };
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let input: Input = match serde_json::from_str(text) {
        Ok(i) => i,
        Err(e) => return error(&null, format!("not a JSON object: {e}")),
    };
    let title = input.title.as_deref().unwrap_or("");
    let body = input.text.as_deref().unwrap_or("");
    if title.trim().is_empty() && body.trim().is_empty() {
        return error(
            &input.id,
            "the item has neither \"text\" nor \"title\"".into(),
        );
    }
    let doc = Document {
        title,
        text: body,
        signals: Signals {
            authority: input.authority,
            source_count: input.source_count,
            items_per_hour: input.items_per_hour,
        },
    };
    let classification = classifier.classify(&doc);
    serde_json::to_string(&Output {
        id: &input.id,
        classification: &classification,
    })
    .ok()
}

/// Reads one line, without its `\n`/`\r\n`. A line over the limit is
/// consumed but not kept. `None` at end of input.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<RawLine>> {
    let mut buf = Vec::new();
    let mut len = 0usize;
    let mut any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        len += part.len();
        if len <= MAX_LINE_BYTES {
            buf.extend_from_slice(part);
        }
        let consumed = done.unwrap_or(chunk.len());
        input.consume(consumed);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if len > MAX_LINE_BYTES {
        return Ok(Some(RawLine::TooLong(len)));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(RawLine::Bytes(buf)))
}
