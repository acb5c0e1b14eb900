//! `/stats`: the periodic report (定期通报): counts by category, severity,
//! status and department, and on-time rates per deadline kind and per
//! department. The figures are [`crate::reports::stats::compute`]'s.

use axum::extract::State;
use chrono::Duration;

use super::error::{ErrorBody, Query};
use super::model::StatsQuery;
use super::{ApiError, AppState, parse_time};
use crate::reports::stats::{Stats, compute};

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
