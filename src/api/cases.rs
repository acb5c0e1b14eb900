//! `/cases`: lists, one case, and workflow actions.

use axum::Extension;
use axum::extract::State;

use super::auth::Principal;
use super::error::{ErrorBody, Json, Path, Query};
use super::model::{
    ActionRequest, CaseDetail, CaseListQuery, CasePage, CaseView, CheckedActionRequest, ItemView,
};
use super::{ApiError, AppState, blocking, page_size, parse_list, parse_one, parse_time};
use crate::cases::{Case, CaseStatus};
use crate::classify::{Category, Flag, Severity};
use crate::item::Item;
use crate::store::{CaseFilter, CaseSort, Cursor};

/// Items shown with one case at most (reposts can number thousands; the
/// rest are at `/items?case=ID`).
const CASE_ITEMS_SHOWN: usize = 200;

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

/// `GET /cases`.
#[utoipa::path(
    get,
    path = "/cases",
    summary = "Candidate cases, filtered, sorted and paged (without histories)",
    params(CaseListQuery),
    responses(
        (status = 200, description = "A page of cases", body = CasePage),
        (status = 400, description = "A parameter that cannot be read, or a cursor that was not given by a previous page", body = ErrorBody),
        (status = 410, description = "The cursor's snapshot has expired (15 minutes); start again from the first page", body = ErrorBody),
    )
)]
pub(super) async fn list(
    State(state): State<AppState>,
    Query(q): Query<CaseListQuery>,
) -> Result<axum::Json<CasePage>, ApiError> {
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
        "last_seen, severity, due, created or urgency",
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
    Ok(axum::Json(CasePage {
        cases: page
            .cases
            .into_iter()
            .map(|c| CaseView::new(c, now).0)
            .collect(),
        total: page.total,
        next_cursor: page.next_cursor,
    }))
}

/// `GET /cases/{id}`.
#[utoipa::path(
    get,
    path = "/cases/{id}",
    summary = "One case with its items (latest 200, newest first, with matched terms), reasons and history",
    params(("id" = u64, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case", body = CaseDetail),
        (status = 400, description = "The id is not a whole number", body = ErrorBody),
        (status = 404, description = "No case has this id", body = ErrorBody),
    )
)]
pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<u64>,
) -> Result<axum::Json<CaseDetail>, ApiError> {
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
    Ok(axum::Json(detail(case, items, now)))
}

/// `POST /cases/{id}/actions`.
#[utoipa::path(
    post,
    path = "/cases/{id}/actions",
    summary = "Apply a workflow action; 409 when the case's status does not allow it",
    params(("id" = u64, Path, description = "Case id")),
    request_body = ActionRequest,
    responses(
        (status = 200, description = "The case after the action", body = CaseDetail),
        (status = 400, description = "The id is not a whole number, or the body is not JSON", body = ErrorBody),
        (status = 404, description = "No case has this id", body = ErrorBody),
        (status = 409, description = "The case's status does not allow the action", body = ErrorBody),
        (status = 422, description = "The body is not an action, or names what cannot be used (a missing or closed merge target, items not in the case, a due time before the case was first seen)", body = ErrorBody),
    )
)]
pub(super) async fn act(
    State(state): State<AppState>,
    Extension(who): Extension<Principal>,
    Path(id): Path<u64>,
    Json(CheckedActionRequest(req)): Json<CheckedActionRequest>,
) -> Result<axum::Json<CaseDetail>, ApiError> {
    if let super::model::ActionBody::Assign { due: Some(t), .. } = &req.action {
        super::writable_time("due", *t).map_err(ApiError::Unprocessable)?;
    }
    let now = state.now();
    let pipeline = state.pipeline().clone();
    let (case, items) = blocking(move || {
        let case = pipeline.act(id, req.action.into(), &who.name, req.note, now)?;
        let items = pipeline.store().case_items_latest(id, CASE_ITEMS_SHOWN)?;
        Ok((case, items))
    })
    .await?;
    tracing::info!(case = id, status = case.status.name(), "case updated");
    Ok(axum::Json(detail(case, items, now)))
}

/// A case with its latest items (newest first).
fn detail(case: Case, items: Vec<Item>, now: chrono::DateTime<chrono::Utc>) -> CaseDetail {
    let items_truncated = items.len() < case.item_count as usize;
    let (case, history) = CaseView::new(case, now);
    CaseDetail {
        case,
        history,
        items: items.into_iter().map(ItemView::from).collect(),
        items_truncated,
    }
}
