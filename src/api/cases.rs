//! `/cases`: lists, one case, and workflow actions.

use axum::Extension;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

use super::auth::Principal;
use super::error::{Json, Path, Query};
use super::{ApiError, AppState, blocking, page_size, parse_list, parse_one, parse_time};
use crate::cases::{Action, Case, CaseStatus};
use crate::classify::{Category, Flag, Severity};
use crate::item::Item;
use crate::store::index::{CaseFilter, CaseSort, Cursor};

/// Items shown with one case at most (reposts can number thousands; the
/// rest are at `/items?case=ID`).
const CASE_ITEMS_SHOWN: usize = 200;

/// Query of `GET /cases`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ListQuery {
    status: Option<String>,
    category: Option<String>,
    min_severity: Option<String>,
    region: Option<String>,
    flag: Option<String>,
    department: Option<String>,
    since: Option<String>,
    until: Option<String>,
    overdue: Option<bool>,
    q: Option<String>,
    sort: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
}

pub(super) fn categories(v: Option<&str>) -> Result<Vec<Category>, ApiError> {
    parse_list(
        "category",
        v,
        Category::from_slug,
        "policy, interest, morality, emergency, directive",
    )
}

pub(super) fn min_severity(v: Option<&str>) -> Result<Option<Severity>, ApiError> {
    parse_one("min_severity", v, Severity::parse, "IV, III, II or I")
}

pub(super) fn flag(v: Option<&str>) -> Result<Option<Flag>, ApiError> {
    parse_one("flag", v, Flag::from_slug, "rumor or urgent")
}

fn non_empty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

pub(super) async fn list(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<axum::Json<Value>, ApiError> {
    let filter = CaseFilter {
        statuses: parse_list(
            "status",
            q.status.as_deref(),
            CaseStatus::parse,
            "new, confirmed, dismissed, assigned, responded, closed",
        )?,
        categories: categories(q.category.as_deref())?,
        min_severity: min_severity(q.min_severity.as_deref())?,
        region: non_empty(q.region),
        flag: flag(q.flag.as_deref())?,
        since: parse_time("since", q.since.as_deref())?,
        until: parse_time("until", q.until.as_deref())?,
        overdue: q.overdue,
        department: non_empty(q.department),
        q: non_empty(q.q),
    };
    let sort = parse_one(
        "sort",
        q.sort.as_deref(),
        CaseSort::parse,
        "last_seen, severity, due or created",
    )?
    .unwrap_or_default();
    let cursor = q
        .cursor
        .as_deref()
        .map(|c| {
            Cursor::decode(c).ok_or_else(|| {
                ApiError::bad_request(
                    "cursor: malformed; pass back the next_cursor of a previous page unchanged",
                )
            })
        })
        .transpose()?;
    let limit = page_size(q.limit, 50, 500)?;
    let now = state.now();
    let store = state.pipeline().store().clone();
    let page =
        blocking(move || Ok(store.case_page(&filter, sort, cursor.as_ref(), limit, now)?)).await?;
    let cases: Vec<Value> = page
        .cases
        .iter()
        .map(|c| case_view(c, now, false))
        .collect();
    Ok(axum::Json(json!({
        "cases": cases,
        "total": page.total,
        "next_cursor": page.next_cursor,
    })))
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<u64>,
) -> Result<axum::Json<Value>, ApiError> {
    let now = state.now();
    let store = state.pipeline().store().clone();
    let (case, items) = blocking(move || {
        let case = store
            .case(id)?
            .ok_or_else(|| ApiError::not_found(format!("case {id} does not exist")))?;
        let items = store.case_items_latest(id, CASE_ITEMS_SHOWN)?;
        Ok((case, items))
    })
    .await?;
    Ok(axum::Json(detail(&case, &items, now)))
}

/// Body of `POST /cases/{id}/actions`: an [`Action`] plus an optional note.
#[derive(Debug, Deserialize)]
pub(super) struct ActionRequest {
    #[serde(flatten)]
    action: Action,
    #[serde(default)]
    note: Option<String>,
}

pub(super) async fn act(
    State(state): State<AppState>,
    Extension(who): Extension<Principal>,
    Path(id): Path<u64>,
    Json(req): Json<ActionRequest>,
) -> Result<axum::Json<Value>, ApiError> {
    let now = state.now();
    let pipeline = state.pipeline().clone();
    let (case, items) = blocking(move || {
        let case = pipeline.act(id, req.action, &who.name, req.note, now)?;
        let items = pipeline.store().case_items_latest(id, CASE_ITEMS_SHOWN)?;
        Ok((case, items))
    })
    .await?;
    tracing::info!(case = id, status = case.status.name(), "case updated");
    Ok(axum::Json(detail(&case, &items, now)))
}

/// A case with its latest items (newest first).
fn detail(case: &Case, items: &[Item], now: chrono::DateTime<chrono::Utc>) -> Value {
    let mut v = case_view(case, now, true);
    if let Value::Object(m) = &mut v {
        m.insert(
            "items".into(),
            Value::Array(items.iter().map(super::items::item_view).collect()),
        );
        m.insert(
            "items_truncated".into(),
            Value::Bool(items.len() < case.item_count as usize),
        );
    }
    v
}

/// A case as the API shows it: the stored record plus what is derived at
/// `now` (`overdue`, `next_due`), without internal fields.
pub(super) fn case_view(case: &Case, now: chrono::DateTime<chrono::Utc>, history: bool) -> Value {
    let mut v = serde_json::to_value(case).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("simhash");
        if !history {
            m.remove("history");
        }
        m.insert("overdue".into(), json!(case.overdue(now)));
        m.insert("source_count".into(), json!(case.sources.len()));
        m.insert(
            "responsible_department".into(),
            json!(case.responsible_department()),
        );
    }
    v
}
