//! The figures of the periodic report (定期通报), computed once for every
//! view of them: `GET /api/v1/stats`, the console's statistics page and the
//! reports ([`super`]) all call [`compute`] and [`departments`], so a
//! report's counts are the API's.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

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
    /// Counts one due time judged at `now`.
    pub fn count(
        &mut self,
        due: DateTime<Utc>,
        responded: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) {
        match responded {
            Some(at) if at <= due => self.on_time += 1,
            Some(_) => self.late += 1,
            None if now > due => self.late += 1,
            None => self.pending += 1,
        }
    }

    /// Sets the rate from the counts.
    pub fn finish(&mut self) {
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

/// True when the case was handed over (交办): it is assigned now, has an
/// agreed due time, or has a response (only an assigned case can respond,
/// [`crate::cases::transition`]), so a case stays counted once it has
/// moved on to responded or closed.
fn was_assigned(r: &CaseRow) -> bool {
    r.assignment_due.is_some()
        || r.responded_at.is_some()
        || matches!(r.status, CaseStatus::Assigned)
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
            .entry(r.department.clone().unwrap_or_else(|| UNROUTED.into()))
            .or_default();
        dept.cases += 1;
        if r.status == CaseStatus::Dismissed {
            s.dismissed += 1;
            continue;
        }
        if was_assigned(r) {
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

/// Where a case stands against its due times, judged at `now`: the basis
/// of the per-department figures and of the late and overdue lists
/// (通报批评).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Timeliness {
    /// Dismissed as a false positive: owes nothing.
    NotOwed,
    /// Responded by every due time it had.
    OnTime,
    /// Responded, after a due time.
    Late,
    /// A due time has passed with no response yet (催办): the same test as
    /// the queue's ([`crate::cases::overdue_kinds`]).
    Overdue,
    /// No response yet, no due time past.
    Pending,
}

impl Timeliness {
    /// The case of `row` at `now`.
    pub fn of(row: &CaseRow, now: DateTime<Utc>) -> Self {
        if row.status == CaseStatus::Dismissed {
            return Timeliness::NotOwed;
        }
        let dues = [
            row.deadlines.info_due,
            row.deadlines.presser_due,
            row.deadlines.respond_due,
            row.assignment_due,
        ];
        match row.responded_at {
            Some(at) if dues.iter().flatten().all(|due| at <= *due) => Timeliness::OnTime,
            Some(_) => Timeliness::Late,
            None if row.is_overdue(now) => Timeliness::Overdue,
            None => Timeliness::Pending,
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Timeliness::NotOwed => "无需回应",
            Timeliness::OnTime => "按时回应",
            Timeliness::Late => "超时回应",
            Timeliness::Overdue => "逾期未回应",
            Timeliness::Pending => "办理中",
        }
    }
}

/// The per-department figures of the 定期通报, beside [`DepartmentStats`]
/// (which `GET /stats` keeps as it is): cases counted once each, by where
/// they stand against their due times.
#[derive(Debug, Default, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct DepartmentFigures {
    /// The department (`(unrouted)` when none).
    pub department: String,
    /// Cases routed or assigned to it, dismissed ones included.
    pub cases: u32,
    /// Of which handed over (交办): [`DepartmentStats::assigned`].
    pub handed_over: u32,
    /// Responded by every due time.
    pub on_time: u32,
    /// Responded after a due time.
    pub late: u32,
    /// No response with a due time past (催办).
    pub overdue: u32,
    /// No response yet, nothing past due.
    pub pending: u32,
    /// Responded or closed (办结): [`DepartmentStats::responded`].
    pub completed: u32,
    /// 办结率: completed / cases owing a response (dismissed ones do not);
    /// absent when none owed one.
    pub completion_rate: Option<f64>,
    /// Median time to the response, in minutes, over the responded cases:
    /// from the hand-over (交办) when the case was handed over, else from
    /// its first sighting; absent when none responded.
    pub median_response_minutes: Option<i64>,
}

/// Per-department figures over `rows` first seen in `[from, to)`, judged
/// at `now`, in the order of [`Stats::by_department`] (by name). The
/// handed-over and completed counts are [`compute`]'s own, so the two
/// cannot disagree.
pub fn departments<'a>(
    rows: impl Iterator<Item = &'a CaseRow> + Clone,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<DepartmentFigures> {
    let stats = compute(rows.clone(), from, to, now);
    let mut by: BTreeMap<String, (DepartmentFigures, Vec<i64>)> = stats
        .by_department
        .iter()
        .map(|(name, d)| {
            (
                name.clone(),
                (
                    DepartmentFigures {
                        department: name.clone(),
                        cases: d.cases,
                        handed_over: d.assigned,
                        completed: d.responded,
                        ..Default::default()
                    },
                    Vec::new(),
                ),
            )
        })
        .collect();
    for r in rows.filter(|r| r.first_seen >= from && r.first_seen < to) {
        let name = r.department.as_deref().unwrap_or(UNROUTED);
        let Some((f, minutes)) = by.get_mut(name) else {
            continue;
        };
        match Timeliness::of(r, now) {
            Timeliness::NotOwed => continue,
            Timeliness::OnTime => f.on_time += 1,
            Timeliness::Late => f.late += 1,
            Timeliness::Overdue => f.overdue += 1,
            Timeliness::Pending => f.pending += 1,
        }
        if let Some(at) = r.responded_at {
            // The department's clock starts when the case reached it.
            let from = r.assigned_at.unwrap_or(r.first_seen);
            minutes.push((at - from).num_minutes().max(0));
        }
    }
    by.into_values()
        .map(|(mut f, mut minutes)| {
            let owed = f.on_time + f.late + f.overdue + f.pending;
            f.completion_rate = (owed > 0).then(|| f64::from(f.completed) / f64::from(owed));
            f.median_response_minutes = median(&mut minutes);
            f
        })
        .collect()
}

/// The name [`compute`] files cases without a department under.
pub const UNROUTED: &str = "(unrouted)";

/// The median (the lower of the middle two for an even count).
fn median(v: &mut [i64]) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    Some(v[(v.len() - 1) / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_the_lower_middle() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [30, 10, 20]), Some(20));
        assert_eq!(median(&mut [40, 10, 30, 20]), Some(20));
    }
}
