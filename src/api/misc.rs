//! `/openapi.json` and `/changes`.

use axum::extract::State;
use serde_json::Value;

use super::error::{ErrorBody, Query};
use super::model::{ChangePage, ChangeView, ChangesQuery};
use super::{ApiError, AppState, blocking, page_size};

/// `GET /openapi.json`.
#[utoipa::path(
    get,
    path = "/openapi.json",
    summary = "This document",
    responses((status = 200, description = "The OpenAPI 3.1 document", body = Object))
)]
pub(super) async fn openapi() -> axum::Json<Value> {
    axum::Json(super::openapi::document().clone())
}

/// `GET /changes`.
#[utoipa::path(
    get,
    path = "/changes",
    summary = "The changes feed: every item and case write, in order, for other tools",
    params(ChangesQuery),
    responses(
        (status = 200, description = "Changes after `after`", body = ChangePage),
        (status = 400, description = "A parameter that cannot be read", body = ErrorBody),
    )
)]
pub(super) async fn changes(
    State(state): State<AppState>,
    Query(q): Query<ChangesQuery>,
) -> Result<axum::Json<ChangePage>, ApiError> {
    let after = q.after.unwrap_or(0);
    let limit = page_size(q.limit, 100, 1000)?;
    let store = state.pipeline().store().clone();
    let changes = blocking(move || Ok(store.changes_after(after, limit)?)).await?;
    let last_seq = changes.last().map_or(after, |c| c.seq);
    Ok(axum::Json(ChangePage {
        changes: changes.into_iter().map(ChangeView::from).collect(),
        last_seq,
    }))
}
