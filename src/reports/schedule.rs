//! The scheduled daily log: written at the configured time
//! (`reports.daily_schedule`, Beijing time) into `reports.dir` as .docx,
//! atomically (a temporary file renamed into place) and never over a log
//! already there; then announced to every configured webhook with a link
//! to the console's download, through the alerts outbox (so it is retried
//! and survives restarts like any alert).
//!
//! Which day: the one the twelve hours before the run mostly fall in, so a
//! run at 08:00 writes yesterday's log and a run at 23:50 today's. A
//! daemon that was down at the time writes the missed log when it starts
//! (within a day of it).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use tokio::sync::watch;

use super::{Format, Report, ReportError, beijing_date, date_zh, day_start, render};
use crate::alerts::AlertsConfig;
use crate::store::Store;
use crate::store::outbox::Delivery;

/// Errors of the scheduled log, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    /// The report could not be made.
    #[error(transparent)]
    Report(#[from] ReportError),
    /// The file could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// What the task needs.
#[derive(Clone)]
pub struct DailyLog {
    /// When to run.
    pub schedule: cron::Schedule,
    /// The directory of the logs.
    pub dir: PathBuf,
    /// The office's name.
    pub office: String,
    /// The store.
    pub store: Store,
    /// The webhooks to tell, when alerts are on.
    pub alerts: AlertsConfig,
    /// The console's address (links in messages).
    pub public_url: String,
}

/// The day whose log a run at `t` writes.
pub fn day_for_run(t: DateTime<Utc>) -> NaiveDate {
    beijing_date(t - Duration::hours(12))
}

/// The file of `day`'s log in `dir`.
pub fn daily_path(dir: &Path, day: NaiveDate) -> PathBuf {
    dir.join(format!("舆情日志_{}.docx", day.format("%Y-%m-%d")))
}

/// Writes `day`'s log into `dir` unless it is there; the path when it
/// was written now.
pub fn write_daily(
    store: &Store,
    dir: &Path,
    office: &str,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<(PathBuf, super::Daily)>, ScheduleError> {
    let path = daily_path(dir, day);
    if path.exists() {
        return Ok(None);
    }
    let from = day_start(day);
    let report = super::daily(
        store,
        office,
        from,
        from + Duration::days(1),
        date_zh(day),
        now,
    )?;
    let rendered = render(&report, Format::Docx)?;
    write_atomically(&path, &rendered.bytes)?;
    Ok(Some((path, report)))
}

/// Writes `bytes` to `path` through a temporary file in the same
/// directory, flushed, then renamed: a reader (or a crash) never sees half
/// a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ScheduleError> {
    use std::io::Write;
    let err = |p: &Path| {
        let p = p.to_path_buf();
        move |source| ScheduleError::Write { path: p, source }
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err(dir))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    let mut f = std::fs::File::create(&tmp).map_err(err(&tmp))?;
    f.write_all(bytes).map_err(err(&tmp))?;
    f.sync_all().map_err(err(&tmp))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(err(path))?;
    Ok(())
}

impl DailyLog {
    /// Runs until `stop` turns true: first the log of the last run time
    /// missed (within a day), then each run on the schedule.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let china = crate::time::china();
        let now = Utc::now();
        let missed = self
            .schedule
            .after(&(now - Duration::days(1)).with_timezone(&china))
            .take_while(|t| t.with_timezone(&Utc) <= now)
            .last();
        if let Some(t) = missed {
            self.once(t.with_timezone(&Utc)).await;
        }
        loop {
            let Some(next) = self
                .schedule
                .after(&Utc::now().with_timezone(&china))
                .next()
            else {
                tracing::warn!("reports.daily_schedule never fires again; no more daily logs");
                return;
            };
            let wait = (next.with_timezone(&Utc) - Utc::now())
                .to_std()
                .unwrap_or_default();
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                changed = stop.changed() => {
                    if changed.is_err() || *stop.borrow() {
                        return;
                    }
                    continue;
                }
            }
            self.once(next.with_timezone(&Utc)).await;
        }
    }

    /// Writes the log of the run at `at` and announces it.
    async fn once(&self, at: DateTime<Utc>) {
        let me = self.clone();
        let day = day_for_run(at);
        let done =
            tokio::task::spawn_blocking(move || me.write_and_announce(day, Utc::now())).await;
        match done {
            Ok(Ok(Some(path))) => {
                tracing::info!(file = %path.display(), "daily log written")
            }
            Ok(Ok(None)) => tracing::debug!(%day, "daily log already written"),
            Ok(Err(e)) => tracing::error!(error = %e, %day, "daily log failed"),
            Err(e) => tracing::error!(error = %e, %day, "daily log task failed"),
        }
    }

    /// Writes `day`'s log and queues its announcement; the file's path
    /// when it was written now.
    pub fn write_and_announce(
        &self,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Option<PathBuf>, ScheduleError> {
        let Some((path, report)) = write_daily(&self.store, &self.dir, &self.office, day, now)?
        else {
            return Ok(None);
        };
        if !self.alerts.webhooks.is_empty() {
            let link = format!(
                "{}/reports/daily?date={}&format=docx",
                self.public_url.trim_end_matches('/'),
                day.format("%Y-%m-%d")
            );
            let event = format!("report:daily:{}", day.format("%Y-%m-%d"));
            let lines = vec![
                format!(
                    "新增 {} 件，级别上调 {} 件，办结 {} 件，逾期未回应 {} 件",
                    report.stats.cases,
                    report.escalated.len(),
                    report.closed.len(),
                    report.overdue.len()
                ),
                format!("文件：{}", report.file_stem()),
            ];
            let title = format!("舆情日志（{}）", report.span_zh);
            let mut deliveries: Vec<Delivery> = self
                .alerts
                .webhooks
                .iter()
                .map(|w| {
                    let body = crate::alerts::format::report_body(
                        w.kind, &event, &title, &lines, &link, now,
                    );
                    Delivery::new(&w.name, &event, 0, body, now)
                })
                .collect();
            self.store
                .commit_alerts(None, &[], &mut deliveries)
                .map_err(ReportError::from)?;
        }
        Ok(Some(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_morning_run_writes_yesterday_and_a_late_one_today() {
        let at = |s: &str| crate::time::parse_time(s).unwrap_or_default();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(day_for_run(at("2026-12-01 08:00")), d("2026-11-30"));
        assert_eq!(day_for_run(at("2026-11-30 23:50")), d("2026-11-30"));
    }
}
