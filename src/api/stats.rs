//! `/stats`: the periodic report (定期通报): counts by category, severity,
//! status and department, and on-time rates per deadline kind and per
//! department.

use std::collections::BTreeMap;

use axum::extract::State;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::error::{ErrorBody, Query};
use super::model::StatsQuery;
use super::{ApiError, AppState, parse_time};
use crate::cases::CaseStatus;
use crate::store::CaseRow;

/// Met and missed due times of one kind or one department.
#[derive(Debug, Default, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OnTime {
    /// Responded by the due time.
    pub on_time: u32,
    /// Responded after it, or not at all with the due time past.
    pub late: u32,
    /// Due time still ahead, no response yet.
    pub pending: u32,
    /// on_time / (on_time + late); absent when nothing was due.
    pub rate: Option<f64>,
}

impl OnTime {
    fn count(&mut self, due: DateTime<Utc>, responded: Option<DateTime<Utc>>, now: DateTime<Utc>) {
        match responded {
            Some(at) if at <= due => self.on_time += 1,
            Some(_) => self.late += 1,
            None if now > due => self.late += 1,
            None => self.pending += 1,
        }
    }

    fn finish(&mut self) {
        let decided = self.on_time + self.late;
        self.rate = (decided > 0).then(|| f64::from(self.on_time) / f64::from(decided));
    }
}

/// Per department: workload and response.
#[derive(Debug, Default, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct DepartmentStats {
    /// Cases routed or assigned to it.
    pub cases: u32,
    /// Of which assigned (交办).
    pub assigned: u32,
    /// Of which responded or closed.
    pub responded: u32,
    /// Of which closed.
    pub closed: u32,
    /// Its due times, met or missed.
    pub deadlines: OnTime,
}

/// The report.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Stats {
    /// Start of the period (cases first seen at or after).
    pub from: DateTime<Utc>,
    /// End of the period (first seen before).
    pub to: DateTime<Utc>,
    /// Cases in the period.
    pub cases: u32,
    /// Dismissed as false positives.
    pub dismissed: u32,
    /// By category slug.
    pub by_category: BTreeMap<String, u32>,
    /// By severity (I–IV).
    pub by_severity: BTreeMap<String, u32>,
    /// By status.
    pub by_status: BTreeMap<String, u32>,
    /// By responsible department (`(unrouted)` when none).
    pub by_department: BTreeMap<String, DepartmentStats>,
    /// By deadline kind: info, presser, respond, assignment.
    pub on_time: BTreeMap<String, OnTime>,
}

/// The report over `rows` first seen in `[from, to)`, judged at `now`.
/// Dismissed cases count in the totals but owe no response.
pub fn compute<'a>(
    rows: impl Iterator<Item = &'a CaseRow>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Stats {
    let mut s = Stats {
        from,
        to,
        cases: 0,
        dismissed: 0,
        by_category: BTreeMap::new(),
        by_severity: BTreeMap::new(),
        by_status: BTreeMap::new(),
        by_department: BTreeMap::new(),
        on_time: BTreeMap::new(),
    };
    for r in rows.filter(|r| r.first_seen >= from && r.first_seen < to) {
        s.cases += 1;
        for c in &r.categories {
            *s.by_category.entry(c.slug().to_string()).or_default() += 1;
        }
        *s.by_severity
            .entry(r.severity.roman().to_string())
            .or_default() += 1;
        *s.by_status.entry(r.status.name().to_string()).or_default() += 1;
        let dept = s
            .by_department
            .entry(r.department.clone().unwrap_or_else(|| "(unrouted)".into()))
            .or_default();
        dept.cases += 1;
        if r.status == CaseStatus::Dismissed {
            s.dismissed += 1;
            continue;
        }
        if r.assignment_due.is_some() || matches!(r.status, CaseStatus::Assigned) {
            dept.assigned += 1;
        }
        if matches!(r.status, CaseStatus::Responded | CaseStatus::Closed) {
            dept.responded += 1;
        }
        if r.status == CaseStatus::Closed {
            dept.closed += 1;
        }
        for (kind, due) in [
            ("info", r.deadlines.info_due),
            ("presser", r.deadlines.presser_due),
            ("respond", r.deadlines.respond_due),
            ("assignment", r.assignment_due),
        ] {
            if let Some(due) = due {
                s.on_time
                    .entry(kind.to_string())
                    .or_default()
                    .count(due, r.responded_at, now);
                dept.deadlines.count(due, r.responded_at, now);
            }
        }
    }
    for o in s.on_time.values_mut() {
        o.finish();
    }
    for d in s.by_department.values_mut() {
        d.deadlines.finish();
    }
    s
}

/// `GET /stats`.
#[utoipa::path(
    get,
    path = "/stats",
    summary = "Counts by category, severity, status and department, and on-time rates (定期通报)",
    params(StatsQuery),
    responses(
        (status = 200, description = "The report over cases first seen in [from, to)", body = Stats),
        (status = 400, description = "A time that cannot be read, or `from` not before `to`", body = ErrorBody),
    )
)]
pub(super) async fn stats(
    State(state): State<AppState>,
    Query(q): Query<StatsQuery>,
) -> Result<axum::Json<Stats>, ApiError> {
    let now = state.now();
    let to = parse_time("to", q.to.as_deref())?.unwrap_or(now + Duration::seconds(1));
    let from = parse_time("from", q.from.as_deref())?.unwrap_or(to - Duration::days(30));
    if from >= to {
        return Err(ApiError::bad_request("from must be before to"));
    }
    let rows = state
        .pipeline()
        .store()
        .case_rows(|r| r.first_seen >= from && r.first_seen < to);
    Ok(axum::Json(compute(
        rows.iter().map(|r| r.as_ref()),
        from,
        to,
        now,
    )))
}
