//! `yuqing report daily|case|period`: writes a report (.docx, .html or
//! .json) from the store with the daemon stopped, or asks a running daemon
//! for it with `--api` (sled lets one process open the store).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime, Utc};
use yuqing::reports::{Ask, Format, Rendered, daily_ask, gather, period_ask};
use yuqing::store::{Store, StoreError};

/// Arguments of `yuqing report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(subcommand)]
    what: What,
    /// The daemon's config: its store and the office's name.
    #[arg(long, short = 'c', global = true, env = "YUQING_CONFIG", default_value = yuqing::config::DEFAULT_CONFIG)]
    config: PathBuf,
    /// Ask the running daemon at this address (`http://127.0.0.1:8700`)
    /// instead of opening the store.
    #[arg(long, global = true)]
    api: Option<String>,
    /// The API token (viewer or above) for `--api`.
    #[arg(long, global = true, env = "YUQING_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Where to write: a file (its extension picks the format unless
    /// `--format` is given), a directory, or `-` for standard output.
    /// Default: the report's own name in the current directory.
    #[arg(long, short = 'o', global = true)]
    output: Option<PathBuf>,
    /// docx, html or json.
    #[arg(long, short = 'f', global = true, value_parser = parse_format)]
    format: Option<Format>,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// The daily log (舆情日志) of a day, or of a duty shift with --from/--to.
    Daily {
        /// The day, Beijing time (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Start of a shift (2026-11-30 08:00, Beijing time).
        #[arg(long, value_parser = yuqing::time::parse_time, requires = "to")]
        from: Option<DateTime<Utc>>,
        /// End of the shift.
        #[arg(long, value_parser = yuqing::time::parse_time, requires = "from")]
        to: Option<DateTime<Utc>>,
    },
    /// The special report (舆情专报) of one case.
    Case {
        /// The case id.
        id: u64,
    },
    /// The periodic circular (定期通报) of a range of days (default: this
    /// month).
    Period {
        /// First day, Beijing time.
        #[arg(long)]
        from: Option<String>,
        /// Last day, included.
        #[arg(long)]
        to: Option<String>,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("'{s}': use docx, html or json"))
}

/// Writes the report asked for.
pub fn run(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let now = Utc::now();
    let ask = match &args.what {
        What::Daily { date, from, to } => daily_ask(date.as_deref(), *from, *to, now),
        What::Case { id } => Ok(Ask::Case(*id)),
        What::Period { from, to } => period_ask(from.as_deref(), to.as_deref(), now),
    }
    .map_err(anyhow::Error::msg)?;
    let format = args
        .format
        .or_else(|| {
            args.output
                .as_deref()
                .and_then(Path::extension)
                .and_then(|e| Format::parse(&e.to_string_lossy()))
        })
        .unwrap_or_default();
    let rendered = match &args.api {
        Some(base) => from_api(base, args.token.as_deref(), ask, format)?,
        None => from_store(&args.config, ask, format, now)?,
    };
    let path = match args.output.as_deref() {
        Some(p) if p == Path::new("-") => {
            std::io::stdout().lock().write_all(&rendered.bytes)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(p) if p.is_dir() => p.join(&rendered.file_name),
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(&rendered.file_name),
    };
    yuqing::reports::schedule::write_atomically(&path, &rendered.bytes)?;
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn from_store(
    config: &Path,
    ask: Ask,
    format: Format,
    now: DateTime<Utc>,
) -> anyhow::Result<Rendered> {
    let config = yuqing::config::Config::load(config)?;
    let store = match Store::open(&config.store) {
        Err(e) if held_by_another(&e) => anyhow::bail!(
            "the store {} is open in another process, the running daemon (sled allows one at a time): ask the daemon instead, with `--api http://{} --token TOKEN` (GET /api/v1/reports/…), or stop it first",
            config.store.display(),
            config.api.listen
        ),
        other => other?,
    };
    let report = gather(&store, &config.reports.office, ask, now)?;
    Ok(report.render(format)?)
}

/// True when the store is locked by another process.
fn held_by_another(e: &StoreError) -> bool {
    matches!(e, StoreError::Locked { .. })
}

fn from_api(base: &str, token: Option<&str>, ask: Ask, format: Format) -> anyhow::Result<Rendered> {
    let token = token.context("--api needs a token: --token or YUQING_TOKEN")?;
    let china = yuqing::time::china();
    let query = match ask {
        Ask::Day(d) => format!("daily?date={}", d.format("%Y-%m-%d")),
        Ask::Shift(f, t) => format!(
            "daily?from={}&to={}",
            yuqing::console::view::url_encode(&f.with_timezone(&china).to_rfc3339()),
            yuqing::console::view::url_encode(&t.with_timezone(&china).to_rfc3339())
        ),
        Ask::Case(id) => format!("cases/{id}?"),
        Ask::Period(a, b) => format!(
            "period?from={}&to={}",
            a.format("%Y-%m-%d"),
            b.format("%Y-%m-%d")
        ),
    };
    let sep = if query.ends_with('?') { "" } else { "&" };
    let url = format!(
        "{}/api/v1/reports/{query}{sep}format={}",
        base.trim_end_matches('/'),
        format.ext()
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let resp = reqwest::Client::new()
            .get(&url)
            .bearer_auth(token)
            .send()
            .await
            .with_context(|| format!("{url}: no answer"))?;
        let status = resp.status();
        let name = resp
            .headers()
            .get(reqwest::header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .and_then(file_name);
        let bytes = resp
            .bytes()
            .await
            .with_context(|| format!("{url}: reading"))?;
        if !status.is_success() {
            anyhow::bail!("{url}: HTTP {status}: {}", String::from_utf8_lossy(&bytes));
        }
        Ok(Rendered {
            bytes: bytes.to_vec(),
            file_name: name.unwrap_or_else(|| format!("report.{}", format.ext())),
            format,
        })
    })
}

/// The UTF-8 name of a `Content-Disposition` (`filename*=UTF-8''…`).
fn file_name(header: &str) -> Option<String> {
    let encoded = header
        .split("filename*=UTF-8''")
        .nth(1)?
        .split(';')
        .next()?;
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let name = String::from_utf8(out).ok()?;
    // A name, never a path.
    (!name.contains(['/', '\\']) && !name.starts_with('.')).then_some(name)
}
