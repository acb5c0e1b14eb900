//! 值班台: the queue of cases, gravest and most urgent first, with filters,
//! paging, and rows the page's script refreshes in place.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::session::{Look, Me};
use super::view::{self, NextDue, blank};
use super::{ConsoleState, Layout, blocking, render};
use crate::cases::{Case, CaseStatus};
use crate::classify::{Category, Severity};
use crate::store::{CaseFilter, CaseSort, Cursor};
use crate::store::{CasePage, StoreError};

/// Rows per page unless asked otherwise.
const PAGE: usize = 50;
/// [`read`] with the filter form's options.
const OPTIONS: bool = true;
/// How often the page's script asks for fresh rows, in milliseconds.
const REFRESH_MS: u64 = 10_000;

/// The queue's filters, as the form sends them. Unknown or malformed
/// values are ignored (the form offers only valid ones; a hand-edited URL
/// gets the unfiltered list rather than an error page).
#[derive(Debug, Default, Clone, Deserialize)]
pub(super) struct QueueQuery {
    status: Option<String>,
    category: Option<String>,
    severity: Option<String>,
    region: Option<String>,
    department: Option<String>,
    overdue: Option<String>,
    q: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
    /// The page's baseline: the highest case id when it was loaded…
    seen_id: Option<u64>,
    /// …and when (Unix ms). Rows after it are marked new.
    seen_at: Option<i64>,
    /// The index version the page shows; the refresh answers 204 while it
    /// is current.
    v: Option<u64>,
}

impl QueueQuery {
    fn filter(&self) -> CaseFilter {
        let statuses = match blank(&self.status) {
            None | Some("open") => {
                vec![CaseStatus::New, CaseStatus::Confirmed, CaseStatus::Assigned]
            }
            Some("all") => Vec::new(),
            Some(s) => CaseStatus::parse(s).into_iter().collect(),
        };
        CaseFilter {
            statuses,
            categories: blank(&self.category)
                .and_then(Category::from_slug)
                .into_iter()
                .collect(),
            min_severity: blank(&self.severity).and_then(Severity::parse),
            region: blank(&self.region).map(str::to_string),
            department: blank(&self.department).map(str::to_string),
            overdue: match blank(&self.overdue) {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            },
            q: blank(&self.q).map(str::to_string),
            ..Default::default()
        }
    }

    fn limit(&self) -> usize {
        self.limit.unwrap_or(PAGE).clamp(10, 200)
    }

    /// The query string of these filters (no cursor, no baseline).
    fn query_string(&self) -> String {
        view::query_string(
            &[
                ("status", &self.status),
                ("category", &self.category),
                ("severity", &self.severity),
                ("region", &self.region),
                ("department", &self.department),
                ("overdue", &self.overdue),
                ("q", &self.q),
            ],
            self.limit,
        )
    }
}

/// One option of a `<select>`.
pub(super) struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn opts<'a>(all: impl IntoIterator<Item = (&'a str, String)>, current: Option<&str>) -> Vec<Opt> {
    all.into_iter()
        .map(|(value, label)| Opt {
            selected: current == Some(value),
            value: value.to_string(),
            label,
        })
        .collect()
}

/// One row of the queue.
pub(super) struct Row {
    pub id: u64,
    pub title: String,
    pub severity: String,
    pub severity_class: &'static str,
    pub status: &'static str,
    pub categories: Vec<&'static str>,
    pub flags: Vec<&'static str>,
    pub regions: String,
    pub sources: usize,
    pub items: u32,
    pub first_seen: String,
    pub department: String,
    pub due: NextDue,
    pub overdue: bool,
    /// Opened since the analyst last looked.
    pub is_new: bool,
    /// New reports since the analyst last looked.
    pub is_updated: bool,
}

fn row(case: &Case, now: DateTime<Utc>, baseline: Look) -> Row {
    let is_new = case.id > baseline.max_case;
    Row {
        id: case.id,
        title: case.title.clone(),
        severity: view::severity_label(case.severity),
        severity_class: view::severity_class(case.severity),
        status: view::status_label(case.status),
        categories: case
            .categories
            .iter()
            .map(|c| view::category_short(*c))
            .collect(),
        flags: case.flags.iter().map(|f| view::flag_label(*f)).collect(),
        regions: case.regions.join("、"),
        sources: case.sources.len(),
        items: case.item_count,
        first_seen: view::bj_short(case.first_seen),
        department: case.responsible_department().unwrap_or("—").to_string(),
        due: view::next_due(case, now),
        overdue: !case.overdue(now).is_empty(),
        is_new,
        is_updated: !is_new && case.last_seen > baseline.at,
    }
}

/// A page's rows, and how many are new since `baseline`.
fn rows_of(page: &CasePage, now: DateTime<Utc>, baseline: Look) -> (Vec<Row>, usize) {
    let rows: Vec<Row> = page.cases.iter().map(|c| row(c, now, baseline)).collect();
    let new = rows.iter().filter(|r| r.is_new).count();
    (rows, new)
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueuePage {
    layout: Layout,
    rows: Vec<Row>,
    total: usize,
    statuses: Vec<Opt>,
    categories: Vec<Opt>,
    severities: Vec<Opt>,
    regions: Vec<Opt>,
    departments: Vec<Opt>,
    overdue: Vec<Opt>,
    limits: Vec<Opt>,
    q: String,
    next_url: Option<String>,
    first_url: Option<String>,
    /// The refresh's URL; `None` on pages after the first (a snapshot).
    rows_url: Option<String>,
    version: u64,
    refresh_ms: u64,
    notice: Option<String>,
    new_count: usize,
}

#[derive(Template)]
#[template(path = "queue_rows.html")]
struct RowsFragment {
    rows: Vec<Row>,
}

/// What one read of the store gives the queue.
struct Snapshot {
    page: CasePage,
    version: u64,
    max_case: u64,
    regions: BTreeSet<String>,
    departments: BTreeSet<String>,
    expired: bool,
}

/// Reads a page of the queue; with `options`, also the regions and
/// departments the filter form offers (a scan of every case's row, which
/// the refresh does not need).
fn read(
    state: &ConsoleState,
    q: &QueueQuery,
    now: DateTime<Utc>,
    options: bool,
) -> impl FnOnce() -> Result<Snapshot, StoreError> + Send + 'static {
    let store = state.pipeline().store().clone();
    let filter = q.filter();
    let cursor = blank(&q.cursor).and_then(Cursor::decode);
    let limit = q.limit();
    move || {
        let (version, max_case, regions, departments) = {
            // The version first: a write between the two reads shows as a
            // newer version at the next refresh, never as a missed one.
            let version = store.case_version();
            let mut regions = BTreeSet::new();
            let mut departments = BTreeSet::new();
            let mut max_case = 0;
            for r in store.case_rows(|_| true) {
                max_case = max_case.max(r.id);
                if options {
                    regions.extend(r.regions.iter().cloned());
                    departments.extend(r.department.iter().cloned());
                }
            }
            (version, max_case, regions, departments)
        };
        let (page, expired) =
            match store.case_page(&filter, CaseSort::Urgency, cursor.as_ref(), limit, now) {
                // An old or foreign cursor: back to the first page, saying so.
                Err(StoreError::Page(_)) => (
                    store.case_page(&filter, CaseSort::Urgency, None, limit, now)?,
                    true,
                ),
                other => (other?, false),
            };
        Ok(Snapshot {
            page,
            version,
            max_case,
            regions,
            departments,
            expired,
        })
    }
}

/// `GET /`: the queue.
pub(super) async fn page(
    State(state): State<ConsoleState>,
    me: Me,
    Query(q): Query<QueueQuery>,
) -> Response {
    let now = Utc::now();
    let snap = match blocking(read(&state, &q, now, OPTIONS)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    // The first page load marks what is new since the one before; later
    // pages and refreshes keep the page's baseline.
    let current = Look {
        max_case: snap.max_case,
        at: now,
    };
    let first_page = blank(&q.cursor).is_none() || snap.expired;
    let baseline = if first_page {
        state
            .inner
            .sessions
            .look(&me.id, current)
            .unwrap_or(current)
    } else {
        baseline_of(&q).unwrap_or(current)
    };
    let (rows, new_count) = rows_of(&snap.page, now, baseline);
    let qs = q.query_string();
    let with = |extra: &str| {
        let mut s = String::from("/?");
        if !qs.is_empty() {
            s.push_str(&qs);
            s.push('&');
        }
        s.push_str(extra);
        s
    };
    let baseline_qs = format!(
        "seen_id={}&seen_at={}",
        baseline.max_case,
        baseline.at.timestamp_millis()
    );
    let next_url = snap
        .page
        .next_cursor
        .as_ref()
        .map(|c| with(&format!("cursor={}&{baseline_qs}", view::url_encode(c))));
    let first_url = (!first_page).then(|| with("").trim_end_matches(['&', '?']).to_string());
    let rows_url = first_page.then(|| {
        let mut s = String::from("/queue/rows?");
        if !qs.is_empty() {
            s.push_str(&qs);
            s.push('&');
        }
        s.push_str(&baseline_qs);
        s
    });
    let status = blank(&q.status).unwrap_or("open");
    let page = QueuePage {
        layout: Layout::new(&me, "值班台", "queue"),
        total: snap.page.total,
        statuses: opts(
            [("open", "未办结（待研判、已确认、已交办）".to_string())]
                .into_iter()
                .chain(
                    CaseStatus::ALL
                        .iter()
                        .map(|s| (s.name(), view::status_label(*s).to_string())),
                )
                .chain([("all", "全部".to_string())]),
            Some(status),
        ),
        categories: opts(
            [("", "全部类别".to_string())].into_iter().chain(
                Category::ALL
                    .iter()
                    .map(|c| (c.slug(), c.label_zh().to_string())),
            ),
            Some(blank(&q.category).unwrap_or("")),
        ),
        severities: opts(
            [("", "全部级别".to_string())].into_iter().chain(
                Severity::ALL
                    .iter()
                    .rev()
                    .map(|s| (s.roman(), format!("{} 及以上", view::severity_label(*s)))),
            ),
            Some(blank(&q.severity).unwrap_or("")),
        ),
        regions: opts(
            [("", "全部地区".to_string())]
                .into_iter()
                .chain(snap.regions.iter().map(|r| (r.as_str(), r.clone()))),
            Some(blank(&q.region).unwrap_or("")),
        ),
        departments: opts(
            [("", "全部部门".to_string())]
                .into_iter()
                .chain(snap.departments.iter().map(|d| (d.as_str(), d.clone()))),
            Some(blank(&q.department).unwrap_or("")),
        ),
        overdue: opts(
            [
                ("", "不限".to_string()),
                ("yes", "仅超时（催办）".to_string()),
                ("no", "未超时".to_string()),
            ],
            Some(blank(&q.overdue).unwrap_or("")),
        ),
        limits: opts(
            [("20", "20"), ("50", "50"), ("100", "100"), ("200", "200")]
                .map(|(v, l)| (v, format!("每页 {l} 件"))),
            Some(q.limit().to_string().as_str()),
        ),
        q: blank(&q.q).unwrap_or("").to_string(),
        rows,
        next_url,
        first_url,
        rows_url,
        version: snap.version,
        refresh_ms: REFRESH_MS,
        notice: snap
            .expired
            .then(|| "翻页已过期（列表快照保留15分钟），已回到第一页。".to_string()),
        new_count,
    };
    render(StatusCode::OK, &page)
}

fn baseline_of(q: &QueueQuery) -> Option<Look> {
    Some(Look {
        max_case: q.seen_id?,
        at: DateTime::from_timestamp_millis(q.seen_at?)?,
    })
}

/// `GET /queue/rows`: the first page's rows, for the page's script; 204
/// while the index version `v` is current, 401 without a session.
pub(super) async fn rows(
    State(state): State<ConsoleState>,
    headers: HeaderMap,
    Query(mut q): Query<QueueQuery>,
) -> Response {
    if state.me(&headers).is_none() {
        return (StatusCode::UNAUTHORIZED, "未登录或会话已过期").into_response();
    }
    let version = state.pipeline().store().case_version();
    if q.v == Some(version) {
        return StatusCode::NO_CONTENT.into_response();
    }
    q.cursor = None;
    let now = Utc::now();
    let snap = match blocking(read(&state, &q, now, !OPTIONS)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let baseline = baseline_of(&q).unwrap_or(Look {
        max_case: snap.max_case,
        at: now,
    });
    let (rows, new_count) = rows_of(&snap.page, now, baseline);
    let mut resp = render(StatusCode::OK, &RowsFragment { rows });
    let h = resp.headers_mut();
    for (name, value) in [
        ("x-queue-version", snap.version.to_string()),
        ("x-queue-total", snap.page.total.to_string()),
        ("x-queue-new", new_count.to_string()),
    ] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    resp
}
