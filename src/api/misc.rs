//! `/openapi.json` and `/changes`.

use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

use super::error::Query;
use super::{ApiError, AppState, blocking, page_size};

pub(super) async fn openapi() -> axum::Json<Value> {
    axum::Json(super::openapi::document())
}

/// Query of `GET /changes`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChangesQuery {
    after: Option<u64>,
    limit: Option<usize>,
}

pub(super) async fn changes(
    State(state): State<AppState>,
    Query(q): Query<ChangesQuery>,
) -> Result<axum::Json<Value>, ApiError> {
    let after = q.after.unwrap_or(0);
    let limit = page_size(q.limit, 100, 1000)?;
    let store = state.pipeline().store().clone();
    let changes = blocking(move || Ok(store.changes_after(after, limit)?)).await?;
    let last = changes.last().map_or(after, |c| c.seq);
    Ok(axum::Json(json!({ "changes": changes, "last_seq": last })))
}
