//! 定期通报: a month (or any range) of cases: counts by category, severity,
//! status and department, on-time rates (the API's
//! [`crate::reports::stats::compute`]), and a daily chart of new cases by
//! severity drawn here as SVG (no script, no network).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Deserialize;

use super::session::Me;
use super::view;
use super::{ConsoleState, Layout, blocking, render};
use crate::cases::CaseStatus;
use crate::classify::{Category, Severity};
use crate::reports::stats::{OnTime, Stats, compute};
use crate::store::StoreError;

/// Days drawn at most; longer ranges get the tables without the chart.
const CHART_DAYS: i64 = 400;
/// Closed cases listed at most.
const CLOSED_SHOWN: usize = 100;

/// Query: a range of Beijing dates, both ends included.
#[derive(Debug, Default, Deserialize)]
pub(super) struct StatsQuery {
    from: Option<String>,
    to: Option<String>,
}

fn date(s: Option<&str>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s?.trim(), "%Y-%m-%d").ok()
}

fn start_of(d: NaiveDate) -> DateTime<Utc> {
    crate::reports::day_start(d)
}

fn rate(o: &OnTime) -> String {
    o.rate
        .map_or_else(|| "—".into(), |r| format!("{:.0}%", r * 100.0))
}

struct Count {
    label: String,
    n: u32,
}

struct OnTimeRow {
    label: String,
    on_time: u32,
    late: u32,
    pending: u32,
    rate: String,
}

struct DeptRow {
    name: String,
    cases: u32,
    assigned: u32,
    responded: u32,
    closed: u32,
    deadlines: OnTimeRow,
}

struct ClosedRow {
    id: u64,
    title: String,
    severity: String,
    department: String,
}

/// One bar segment of the chart.
struct Bar {
    x: String,
    y: String,
    w: String,
    h: String,
    class: &'static str,
    tip: String,
}

struct Tick {
    pos: String,
    label: String,
}

struct DayRow {
    day: String,
    counts: [u32; 4],
    total: u32,
}

/// The chart, laid out in SVG user units.
struct Chart {
    width: u32,
    height: u32,
    plot_bottom: u32,
    plot_left: u32,
    bars: Vec<Bar>,
    x_ticks: Vec<Tick>,
    y_ticks: Vec<Tick>,
    days: Vec<DayRow>,
    summary: String,
}

const W: f64 = 960.0;
const H: f64 = 260.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 12.0;

/// Severities from the bottom of a stack up, with their chart class.
const STACK: [Severity; 4] = [Severity::IV, Severity::III, Severity::II, Severity::I];

fn chart(days: Vec<(NaiveDate, [u32; 4])>) -> Chart {
    let n = days.len().max(1) as f64;
    let max = days
        .iter()
        .map(|(_, c)| c.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let plot_w = W - LEFT - 8.0;
    let plot_h = H - BOTTOM - TOP;
    let slot = plot_w / n;
    let bar_w = (slot * 0.72).max(1.0);
    let every = (days.len() / 12).max(1);
    let mut bars = Vec::new();
    let mut x_ticks = Vec::new();
    let mut rows = Vec::new();
    for (i, (day, counts)) in days.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
        let mut y = H - BOTTOM;
        for (k, sev) in STACK.iter().enumerate() {
            let c = counts[k];
            if c == 0 {
                continue;
            }
            let h = plot_h * f64::from(c) / f64::from(max);
            y -= h;
            bars.push(Bar {
                x: format!("{x:.1}"),
                y: format!("{y:.1}"),
                w: format!("{bar_w:.1}"),
                h: format!("{h:.1}"),
                class: view::severity_class(*sev),
                tip: format!("{} {}：{} 件", day.format("%m-%d"), sev.label_zh(), c),
            });
        }
        if i % every == 0 {
            x_ticks.push(Tick {
                pos: format!("{:.1}", x + bar_w / 2.0),
                label: day.format("%m-%d").to_string(),
            });
        }
        rows.push(DayRow {
            day: day.format("%Y-%m-%d").to_string(),
            counts: [counts[3], counts[2], counts[1], counts[0]],
            total: counts.iter().sum(),
        });
    }
    let y_ticks = [0, max / 2, max]
        .into_iter()
        .filter(|v| *v == 0 || *v == max || (*v > 0 && *v < max))
        .collect::<std::collections::BTreeSet<u32>>()
        .into_iter()
        .map(|v| Tick {
            pos: format!("{:.1}", H - BOTTOM - plot_h * f64::from(v) / f64::from(max)),
            label: v.to_string(),
        })
        .collect();
    let total: u32 = rows.iter().map(|r| r.total).sum();
    Chart {
        width: W as u32,
        height: H as u32,
        plot_bottom: (H - BOTTOM) as u32,
        plot_left: LEFT as u32,
        summary: format!(
            "{} 天内每日新增案件，共 {} 件，单日最多 {} 件。",
            rows.len(),
            total,
            if total == 0 { 0 } else { max }
        ),
        bars,
        x_ticks,
        y_ticks,
        days: rows,
    }
}

#[derive(Template)]
#[template(path = "stats.html")]
struct StatsPage {
    layout: Layout,
    from: String,
    to: String,
    this_month: Span,
    last_month: Span,
    last_30: Span,
    cases: u32,
    dismissed: u32,
    closed: u32,
    severities: Vec<Count>,
    categories: Vec<Count>,
    statuses: Vec<Count>,
    on_time: Vec<OnTimeRow>,
    departments: Vec<DeptRow>,
    closed_cases: Vec<ClosedRow>,
    chart: Option<Chart>,
    error: Option<String>,
}

fn on_time_row(label: String, o: &OnTime) -> OnTimeRow {
    OnTimeRow {
        label,
        on_time: o.on_time,
        late: o.late,
        pending: o.pending,
        rate: rate(o),
    }
}

fn month_range(d: NaiveDate) -> (NaiveDate, NaiveDate) {
    crate::reports::month_of(d)
}

/// A preset range of dates, both ends included.
struct Span {
    from: String,
    to: String,
}

fn pair((a, b): (NaiveDate, NaiveDate)) -> Span {
    Span {
        from: a.format("%Y-%m-%d").to_string(),
        to: b.format("%Y-%m-%d").to_string(),
    }
}

/// `GET /stats`: the current month (Beijing time) unless a range is given.
pub(super) async fn page(
    State(state): State<ConsoleState>,
    me: Me,
    Query(q): Query<StatsQuery>,
) -> Response {
    let now = Utc::now();
    let today = now.with_timezone(&crate::time::china()).date_naive();
    let (month_first, month_last) = month_range(today);
    let mut error = None;
    let (mut from_d, mut to_d) = (
        date(q.from.as_deref()).unwrap_or(month_first),
        date(q.to.as_deref()).unwrap_or(month_last),
    );
    if q.from
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty() && date(Some(s)).is_none())
        || q.to
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty() && date(Some(s)).is_none())
    {
        error = Some("日期格式应为 2026-11-01，已显示本月。".to_string());
        (from_d, to_d) = (month_first, month_last);
    }
    if from_d > to_d {
        error = Some("起始日期晚于截止日期，已交换两者。".to_string());
        std::mem::swap(&mut from_d, &mut to_d);
    }
    let from = start_of(from_d);
    let to = start_of(to_d) + Duration::days(1);
    let store = state.pipeline().store().clone();
    let read = blocking(move || {
        let (stats, days, closed_ids) = {
            let rows = store.case_rows(|r| r.first_seen >= from && r.first_seen < to);
            let stats: Stats = compute(rows.iter().map(|r| r.as_ref()), from, to, now);
            let mut per_day: BTreeMap<NaiveDate, [u32; 4]> = BTreeMap::new();
            let mut closed: Vec<(DateTime<Utc>, u64)> = Vec::new();
            for r in &rows {
                let day = r
                    .first_seen
                    .with_timezone(&crate::time::china())
                    .date_naive();
                let k = STACK.iter().position(|s| *s == r.severity).unwrap_or(0);
                per_day.entry(day).or_default()[k] += 1;
                if r.status == CaseStatus::Closed {
                    closed.push((r.first_seen, r.id));
                }
            }
            closed.sort_unstable_by(|a, b| b.cmp(a));
            closed.truncate(CLOSED_SHOWN);
            let days = (to_d - from_d).num_days() < CHART_DAYS;
            let series: Option<Vec<(NaiveDate, [u32; 4])>> = days.then(|| {
                from_d
                    .iter_days()
                    .take_while(|d| *d <= to_d)
                    .map(|d| (d, per_day.get(&d).copied().unwrap_or_default()))
                    .collect()
            });
            (stats, series, closed)
        };
        let mut closed_cases = Vec::new();
        for (_, id) in closed_ids {
            if let Some(c) = store.case(id)? {
                closed_cases.push(ClosedRow {
                    id: c.id,
                    title: c.title.clone(),
                    severity: view::severity_label(c.severity),
                    department: c.responsible_department().unwrap_or("—").to_string(),
                });
            }
        }
        Ok::<_, StoreError>((stats, days, closed_cases))
    })
    .await;
    let (stats, days, closed_cases) = match read {
        Ok(v) => v,
        Err(r) => return r,
    };
    let prev_month = month_first.pred_opt().unwrap_or(month_first);
    let page = StatsPage {
        layout: Layout::new(&me, "定期通报", "stats"),
        from: from_d.format("%Y-%m-%d").to_string(),
        to: to_d.format("%Y-%m-%d").to_string(),
        this_month: pair((month_first, month_last)),
        last_month: pair(month_range(prev_month)),
        last_30: pair((today - Duration::days(29), today)),
        cases: stats.cases,
        dismissed: stats.dismissed,
        closed: stats.by_status.get("closed").copied().unwrap_or(0),
        severities: Severity::ALL
            .iter()
            .rev()
            .map(|s| Count {
                label: view::severity_label(*s),
                n: stats.by_severity.get(s.roman()).copied().unwrap_or(0),
            })
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| Count {
                label: c.label_zh().to_string(),
                n: stats.by_category.get(c.slug()).copied().unwrap_or(0),
            })
            .collect(),
        statuses: CaseStatus::ALL
            .iter()
            .map(|s| Count {
                label: view::status_label(*s).to_string(),
                n: stats.by_status.get(s.name()).copied().unwrap_or(0),
            })
            .collect(),
        on_time: ["info", "presser", "respond", "assignment"]
            .iter()
            .filter_map(|k| {
                stats
                    .on_time
                    .get(*k)
                    .map(|o| on_time_row(view::deadline_label(k).to_string(), o))
            })
            .collect(),
        departments: stats
            .by_department
            .iter()
            .map(|(name, d)| DeptRow {
                name: if name == "(unrouted)" {
                    "（未指定）".into()
                } else {
                    name.clone()
                },
                cases: d.cases,
                assigned: d.assigned,
                responded: d.responded,
                closed: d.closed,
                deadlines: on_time_row(String::new(), &d.deadlines),
            })
            .collect(),
        closed_cases,
        chart: days.map(chart),
        error,
    };
    render(StatusCode::OK, &page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_end_on_their_last_day() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        let m = pair(month_range(d));
        assert_eq!(
            (m.from.as_str(), m.to.as_str()),
            ("2026-12-01", "2026-12-31")
        );
        let d = NaiveDate::from_ymd_opt(2028, 2, 3).unwrap();
        assert_eq!(
            month_range(d).1,
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
    }

    #[test]
    fn a_day_starts_at_beijing_midnight() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(start_of(d).to_rfc3339(), "2026-11-21T16:00:00+00:00");
    }

    #[test]
    fn bars_stack_and_scale_to_the_busiest_day() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let c = chart(vec![
            (d, [2, 0, 1, 1]),
            (d.succ_opt().unwrap(), [0, 0, 0, 0]),
        ]);
        assert_eq!(c.bars.len(), 3, "one rect per non-empty severity");
        assert_eq!(c.days[0].total, 4);
        assert_eq!(c.days[0].counts, [1, 1, 0, 2], "I first in the table");
        let top: f64 = c.bars.last().unwrap().y.parse().unwrap();
        assert!(
            (top - TOP).abs() < 0.2,
            "the busiest day fills the plot: {top}"
        );
        assert!(c.summary.contains("共 4 件"));
    }
}
