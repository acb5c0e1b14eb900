//! Operators' routes: keyword lists and reloads, sources and on-demand
//! polls, reclassification, readiness and metrics.

use std::fmt::Write as _;

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use super::error::Json;
use super::{ApiError, AppState, Live, blocking};
use crate::daemon::PollNowError;
use crate::metrics::label;

/// How stale the scheduler's heartbeat may be before the daemon is not
/// ready (its loop wakes at least every 5 s).
const HEARTBEAT_LIMIT_SECS: i64 = 30;

fn live(state: &AppState) -> Result<&Live, ApiError> {
    state.inner.live.as_ref().ok_or_else(|| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "this server runs without the scheduler and reloader (not started by `yuqing run`)",
        )
    })
}

/// `GET /health`: readiness. 200 when the store answers, rules are loaded
/// and the scheduler's loop is alive; 503 otherwise, naming what is not.
pub(super) async fn health(State(state): State<AppState>) -> Response {
    let store = state.pipeline().store().clone();
    let store_ok = blocking(move || Ok(store.source_state("").is_ok()))
        .await
        .unwrap_or(false);
    let (items, cases) = state.pipeline().store().counts();
    let rules = state.pipeline().classifier().rules().lists.len();
    let mut problems: Vec<String> = Vec::new();
    if !store_ok {
        problems.push("the store does not answer".into());
    }
    if rules == 0 {
        problems.push("no keyword lists are loaded".into());
    }
    let mut checks = json!({
        "store": if store_ok { "ok" } else { "failing" },
        "rules": if rules > 0 { "ok" } else { "none" },
    });
    if let Some(live) = &state.inner.live {
        let age = (Utc::now() - live.scheduler.last_heartbeat()).num_seconds();
        let alive = age <= HEARTBEAT_LIMIT_SECS;
        if !alive {
            problems.push(format!("the scheduler has not run for {age} s"));
        }
        checks["scheduler"] = json!(if alive { "ok" } else { "stalled" });
        let status = live.reloader.status();
        checks["rules_version"] = json!(status.version);
        // Bad files on disk leave the previous rules in force: still ready.
        if status.error.is_some() || status.config_error.is_some() {
            checks["reload"] = json!("failing: the previous rules and sources stay in force");
        }
    }
    let ready = problems.is_empty();
    let body = json!({
        "status": if ready { "ok" } else { "unavailable" },
        "version": env!("CARGO_PKG_VERSION"),
        "uptime_seconds": state.inner.started.elapsed().as_secs(),
        "items": items,
        "cases": cases,
        "checks": checks,
        "problems": problems,
    });
    let code = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, axum::Json(body)).into_response()
}

/// `GET /keywords`.
pub(super) async fn keywords(State(state): State<AppState>) -> Result<axum::Json<Value>, ApiError> {
    let status = live(&state)?.reloader.status();
    Ok(axum::Json(json!(status)))
}

/// `POST /keywords/reload`: 200 when everything was applied, 422 with
/// every problem when something was kept as it was.
pub(super) async fn reload(State(state): State<AppState>) -> Result<Response, ApiError> {
    let live = live(&state)?;
    let outcome = live.reloader.reload("API").await;
    let code = if outcome.problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut body = json!(outcome);
    if code != StatusCode::OK {
        body["error"] = json!(format!(
            "{} problem(s); the previous rules or sources stay in force",
            outcome.problems.len()
        ));
    }
    Ok((code, axum::Json(body)).into_response())
}

/// `GET /sources`.
pub(super) async fn sources(State(state): State<AppState>) -> Result<axum::Json<Value>, ApiError> {
    let views = live(&state)?.scheduler.sources();
    Ok(axum::Json(json!({ "sources": views })))
}

/// `POST /sources/{name}/poll`.
pub(super) async fn poll(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<axum::Json<Value>, ApiError> {
    let live = live(&state)?;
    match live.scheduler.poll_now(&name).await {
        Ok(report) => Ok(axum::Json(json!(report))),
        Err(e @ PollNowError::Unknown(_)) => Err(ApiError::not_found(e.to_string())),
        Err(e @ PollNowError::Busy(_)) => Err(ApiError::new(StatusCode::CONFLICT, e.to_string())),
    }
}

/// Body of `POST /reclassify`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ReclassifyRequest {
    since: String,
}

/// `POST /reclassify`: re-runs classification and grouping over the items
/// ingested since a time, with the rules in force.
pub(super) async fn reclassify(
    State(state): State<AppState>,
    Json(req): Json<ReclassifyRequest>,
) -> Result<axum::Json<Value>, ApiError> {
    let since = super::parse_time("since", Some(&req.since))?
        .ok_or_else(|| ApiError::bad_request("since: required"))?;
    let pipeline = state.pipeline().clone();
    let now = state.now();
    let done = blocking(move || Ok(pipeline.reclassify(since, now)?)).await?;
    tracing::info!(
        since = %since,
        examined = done.examined,
        changed = done.changed,
        new_cases = done.new_cases.len(),
        "reclassified"
    );
    Ok(axum::Json(json!(done)))
}

/// `GET /metrics` (at the root, not under the API prefix): Prometheus text.
pub(super) async fn metrics(State(state): State<AppState>) -> Response {
    let mut out = String::new();
    crate::metrics::global().render(&mut out);
    let now = state.now();
    let store = state.pipeline().store().clone();
    let size = blocking(move || Ok(store.size_on_disk()))
        .await
        .unwrap_or(0);
    {
        let index = state.pipeline().store().index();
        let mut by: std::collections::BTreeMap<(&str, &str), u64> = Default::default();
        let mut overdue = 0u64;
        for row in index.rows() {
            *by.entry((row.severity.roman(), row.status.name()))
                .or_default() += 1;
            if row.is_overdue(now) {
                overdue += 1;
            }
        }
        let _ = writeln!(
            out,
            "# HELP yuqing_cases Cases by severity and status.\n# TYPE yuqing_cases gauge"
        );
        for ((sev, status), n) in by {
            let _ = writeln!(
                out,
                "yuqing_cases{{severity=\"{}\",status=\"{status}\"}} {n}",
                label(sev)
            );
        }
        let _ = writeln!(
            out,
            "# HELP yuqing_cases_overdue Cases past a deadline without a response.\n# TYPE yuqing_cases_overdue gauge\nyuqing_cases_overdue {overdue}"
        );
    }
    let (items, _) = state.pipeline().store().counts();
    let _ = writeln!(
        out,
        "# HELP yuqing_items Items in the store.\n# TYPE yuqing_items gauge\nyuqing_items {items}\n# HELP yuqing_store_bytes Size of the store on disk.\n# TYPE yuqing_store_bytes gauge\nyuqing_store_bytes {size}"
    );
    if let Some(live) = &state.inner.live {
        let st = live.reloader.status();
        let _ = writeln!(
            out,
            "# HELP yuqing_rules_version Version of the keyword lists in force.\n# TYPE yuqing_rules_version gauge\nyuqing_rules_version {}\n# HELP yuqing_reload_failures_total Reloads refused (invalid files).\n# TYPE yuqing_reload_failures_total counter\nyuqing_reload_failures_total {}\n# HELP yuqing_reload_error 1 while the files on disk are invalid.\n# TYPE yuqing_reload_error gauge\nyuqing_reload_error {}",
            st.version,
            st.failed_reloads,
            u8::from(st.error.is_some() || st.config_error.is_some())
        );
        let views = live.scheduler.sources();
        let _ = writeln!(
            out,
            "# HELP yuqing_source_failures Consecutive failed polls per source.\n# TYPE yuqing_source_failures gauge"
        );
        for v in &views {
            let _ = writeln!(
                out,
                "yuqing_source_failures{{source=\"{}\"}} {}",
                label(&v.config.name),
                v.state.consecutive_failures
            );
        }
        let _ = writeln!(
            out,
            "# HELP yuqing_source_last_success_seconds Unix time of each source's last successful poll.\n# TYPE yuqing_source_last_success_seconds gauge"
        );
        for v in &views {
            if let Some(t) = v.state.last_success {
                let _ = writeln!(
                    out,
                    "yuqing_source_last_success_seconds{{source=\"{}\"}} {}",
                    label(&v.config.name),
                    t.timestamp()
                );
            }
        }
        if let Some(outbox) = &live.outbox_depth {
            let depth = outbox();
            let _ = writeln!(
                out,
                "# HELP yuqing_outbox_depth Alerts waiting for delivery.\n# TYPE yuqing_outbox_depth gauge\nyuqing_outbox_depth {depth}"
            );
        }
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}
