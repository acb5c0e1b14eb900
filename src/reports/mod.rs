//! The reports the office files (issue 15): the daily log (舆情日志) of a
//! day or a duty shift, the special report (舆情专报) of one case, and the
//! periodic circular (舆情通报, 定期通报) of a month, a quarter or any range.
//!
//! Each is gathered here from the store into a plain record ([`Daily`],
//! [`CaseReport`], [`Period`]: the JSON other tools get), laid out once as a
//! [`doc::Doc`], and written from that layout as .docx ([`docx`]) or as a
//! printable page ([`html`]). The counts are [`stats::compute`]'s, the
//! function behind `GET /api/v1/stats` and the console's statistics, and
//! deadlines are judged by [`crate::cases::overdue_kinds`], as the queue
//! judges them.
//!
//! Served by the API (`/api/v1/reports/…`), the console (`/reports/…`), the
//! CLI (`yuqing report`) and written on a schedule ([`schedule`]).

pub mod build;
pub mod doc;
pub mod docx;
pub mod html;
pub mod schedule;
pub mod stats;
mod zip;

pub use build::{
    CaseLine, CaseReport, Daily, DeadlineLine, ItemLine, NoteLine, Period, ResponseLine,
    SpreadPoint, case_report, daily, period,
};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// Errors of the reports, each saying what was asked.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// No case has this id.
    #[error("no case {0}")]
    NoCase(u64),
    /// The range asked for is unusable.
    #[error("{0}")]
    Range(String),
    /// The .docx could not be written (a part over 4 GiB, or memory).
    #[error("writing the .docx: {0}")]
    Docx(#[source] std::io::Error),
    /// The record could not be written as JSON.
    #[error("writing the JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A page template failed to render.
    #[error("rendering the page: {0}")]
    Html(#[from] askama::Error),
}

/// What a report is written as.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Deserialize,
    serde::Serialize,
    Default,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A Word document.
    #[default]
    Docx,
    /// A printable page.
    Html,
    /// The record as JSON.
    Json,
}

impl Format {
    /// Parses `docx`, `html` or `json`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "docx" => Some(Format::Docx),
            "html" => Some(Format::Html),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The media type, as `Content-Type` says it.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Docx => DOCX_TYPE,
            Format::Html => "text/html; charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

/// The media type of .docx files.
pub const DOCX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Longest range a periodic report covers: a year and a bit (a year's
/// circular with its chart); longer asks are refused, not cut.
pub const MAX_PERIOD_DAYS: i64 = 400;

/// A finished report: its bytes and its file name.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The file's content.
    pub bytes: Vec<u8>,
    /// Its name, Chinese: `舆情日志_2026-11-30.docx`.
    pub file_name: String,
    /// Its format.
    pub format: Format,
}

/// Anything that is a report: its record, layout and name.
pub trait Report: serde::Serialize {
    /// The layout.
    fn doc(&self) -> doc::Doc;
    /// The file name without extension.
    fn file_stem(&self) -> String;
    /// When it was written.
    fn written(&self) -> DateTime<Utc>;
}

/// `report` written as `format`.
pub fn render(report: &impl Report, format: Format) -> Result<Rendered, ReportError> {
    let bytes = match format {
        Format::Json => serde_json::to_vec_pretty(report)?,
        Format::Html => html::standalone(&report.doc())?.into_bytes(),
        Format::Docx => docx::write(&report.doc(), report.written()).map_err(ReportError::Docx)?,
    };
    Ok(Rendered {
        bytes,
        file_name: format!("{}.{}", report.file_stem(), format.ext()),
        format,
    })
}

/// What a user asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// The daily log of a Beijing date.
    Day(NaiveDate),
    /// The daily log of a duty shift, `[from, to)`.
    Shift(DateTime<Utc>, DateTime<Utc>),
    /// The special report of a case.
    Case(u64),
    /// The periodic report of the Beijing dates `first..=last`.
    Period(NaiveDate, NaiveDate),
}

/// A report gathered from the store.
#[derive(Debug, Clone)]
pub enum Gathered {
    /// A daily log.
    Daily(Daily),
    /// A special report.
    Case(Box<CaseReport>),
    /// A periodic report.
    Period(Period),
}

impl Gathered {
    /// Written as `format`.
    pub fn render(&self, format: Format) -> Result<Rendered, ReportError> {
        match self {
            Gathered::Daily(r) => render(r, format),
            Gathered::Case(r) => render(r.as_ref(), format),
            Gathered::Period(r) => render(r, format),
        }
    }

    /// Its layout.
    pub fn doc(&self) -> doc::Doc {
        match self {
            Gathered::Daily(r) => r.doc(),
            Gathered::Case(r) => r.doc(),
            Gathered::Period(r) => r.doc(),
        }
    }
}

/// Gathers what `ask` asks for, judged at `now`, naming `office`.
pub fn gather(
    store: &crate::store::Store,
    office: &str,
    ask: Ask,
    now: DateTime<Utc>,
) -> Result<Gathered, ReportError> {
    Ok(match ask {
        Ask::Day(d) => {
            let from = day_start(d);
            Gathered::Daily(daily(
                store,
                office,
                from,
                from + chrono::Duration::days(1),
                date_zh(d),
                now,
            )?)
        }
        Ask::Shift(from, to) => {
            let china = crate::time::china();
            let (f, t) = (from.with_timezone(&china), to.with_timezone(&china));
            let span = if f.date_naive() == t.date_naive() {
                format!(
                    "{} {}至{}",
                    date_zh(f.date_naive()),
                    f.format("%H:%M"),
                    t.format("%H:%M")
                )
            } else {
                format!(
                    "{} {}至{} {}",
                    date_zh(f.date_naive()),
                    f.format("%H:%M"),
                    date_zh(t.date_naive()),
                    t.format("%H:%M")
                )
            };
            Gathered::Daily(daily(
                store,
                office,
                from,
                to,
                format!("{span}值班时段"),
                now,
            )?)
        }
        Ask::Case(id) => Gathered::Case(Box::new(case_report(store, office, id, now)?)),
        Ask::Period(first, last) => Gathered::Period(period(store, office, first, last, now)?),
    })
}

/// Parses a Beijing date, `2026-11-30`, of the years 1970 to 9998 (a
/// report's times must be writable as RFC 3339 a day later).
pub fn parse_date(what: &str, s: &str) -> Result<NaiveDate, String> {
    use chrono::Datelike;
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{what}: '{s}' is not a date; write 2026-11-30"))?;
    if (1970..=9998).contains(&d.year()) {
        Ok(d)
    } else {
        Err(format!("{what}: {d} is outside the years 1970 to 9998"))
    }
}

fn date(what: &str, v: Option<&str>) -> Result<Option<NaiveDate>, String> {
    v.map(|s| parse_date(what, s)).transpose()
}

/// What a daily log's query asks for: a Beijing `date` (default: today at
/// `now`), or a shift from `from` to `to`.
pub fn daily_ask(
    date_q: Option<&str>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Ask, String> {
    match (date("date", date_q)?, from, to) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            Err("give date, or from and to (a shift), not both".into())
        }
        (Some(d), None, None) => Ok(Ask::Day(d)),
        (None, Some(f), Some(t)) => Ok(Ask::Shift(f, t)),
        (None, None, None) => Ok(Ask::Day(beijing_date(now))),
        (None, _, _) => Err("a shift needs both from and to".into()),
    }
}

/// What a periodic report's query asks for: the Beijing dates `from` to
/// `to`, both included; the month of the one given (or of `now`) fills in
/// what is missing.
pub fn period_ask(from: Option<&str>, to: Option<&str>, now: DateTime<Utc>) -> Result<Ask, String> {
    let first = date("from", from)?;
    let last = date("to", to)?;
    let (month_first, month_last) = month_of(first.or(last).unwrap_or_else(|| beijing_date(now)));
    let first = first.unwrap_or(month_first);
    let last = last.unwrap_or(month_last);
    if last < first {
        return Err("to is before from".into());
    }
    Ok(Ask::Period(first, last))
}

/// The first and last day of the month of `d`.
pub fn month_of(d: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    let first = d.with_day(1).unwrap_or(d);
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    (first, next.and_then(|n| n.pred_opt()).unwrap_or(first))
}

/// Midnight of a Beijing date, in UTC.
pub fn day_start(d: NaiveDate) -> DateTime<Utc> {
    let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    crate::time::china()
        .from_local_datetime(&midnight)
        .single()
        .map_or_else(
            || Utc.from_utc_datetime(&midnight),
            |t| t.with_timezone(&Utc),
        )
}

/// `2026年11月30日`.
pub fn date_zh(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

/// The Beijing date of `t`.
pub fn beijing_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&crate::time::china()).date_naive()
}

/// `Content-Disposition` for a download named `name`: an ASCII fallback
/// and the UTF-8 name (RFC 6266, RFC 5987), so every browser saves
/// `舆情日志_2026-11-30.docx`.
pub fn content_disposition(name: &str, inline: bool) -> String {
    // The ASCII fallback: each run of other characters becomes one `_`,
    // none at the start (舆情通报_2026-11-01至2026-11-30.docx →
    // 2026-11-01_2026-11-30.docx).
    let mut fallback = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
            fallback.push(c);
        } else if !fallback.is_empty() && !fallback.ends_with('_') {
            fallback.push('_');
        }
    }
    format!(
        "{}; filename=\"{fallback}\"; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        crate::console::view::url_encode(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_travel_in_utf8() {
        assert_eq!(
            content_disposition("舆情日志_2026-11-30.docx", false),
            "attachment; filename=\"2026-11-30.docx\"; filename*=UTF-8''%E8%88%86%E6%83%85%E6%97%A5%E5%BF%97_2026-11-30.docx"
        );
        assert!(
            content_disposition("舆情通报_2026-11-01至2026-11-30.docx", true)
                .starts_with("inline; filename=\"2026-11-01_2026-11-30.docx\"")
        );
    }

    #[test]
    fn days_start_at_beijing_midnight() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        assert_eq!(day_start(d).to_rfc3339(), "2026-11-29T16:00:00+00:00");
        assert_eq!(date_zh(d), "2026年11月30日");
    }
}
