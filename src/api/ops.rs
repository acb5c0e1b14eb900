//! Operators' routes: keyword lists and reloads, sources and on-demand
//! polls, reclassification, readiness and metrics.

use std::fmt::Write as _;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::error::{ErrorBody, Json, Path};
use super::model::{
    Health, HealthChecks, PollReportView, Readiness, ReclassifiedView, ReclassifyRequest,
    ReloadOutcomeView, RulesCheck, RulesStatusView, SchedulerCheck, SourceList, SourceViewApi,
    StoreCheck, TestMessageOutcome, WebhookApi, WebhookList,
};
use super::{ApiError, AppState, Live, blocking};
use crate::daemon::PollNowError;
use crate::metrics::label;

/// How stale the scheduler's heartbeat may be before the daemon is not
/// ready (its loop wakes at least every 5 s).
const HEARTBEAT_LIMIT_SECS: i64 = 30;

fn live(state: &AppState) -> Result<&Live, ApiError> {
    state.inner.live.as_ref().ok_or_else(|| {
        ApiError::Unavailable(
            "this server runs without the scheduler and reloader (not started by `yuqing run`)"
                .into(),
        )
    })
}

/// `GET /health`: readiness. 200 when the store answers, rules are loaded
/// and the scheduler's loop is alive; 503 otherwise, naming what is not.
#[utoipa::path(
    get,
    path = "/health",
    summary = "Readiness (store, rules, scheduler) and store counts; 503 when not ready",
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "Not ready: `problems` says why", body = Health),
    )
)]
pub(super) async fn health(State(state): State<AppState>) -> (StatusCode, axum::Json<Health>) {
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
    let mut checks = HealthChecks {
        store: if store_ok {
            StoreCheck::Ok
        } else {
            StoreCheck::Failing
        },
        rules: if rules > 0 {
            RulesCheck::Ok
        } else {
            RulesCheck::None
        },
        scheduler: None,
        rules_version: None,
        reload: None,
        alerts: None,
    };
    let mut degraded = false;
    if let Some(live) = &state.inner.live {
        let age = (Utc::now() - live.scheduler.last_heartbeat()).num_seconds();
        let alive = age <= HEARTBEAT_LIMIT_SECS;
        if !alive {
            problems.push(format!("the scheduler has not run for {age} s"));
        }
        checks.scheduler = Some(if alive {
            SchedulerCheck::Ok
        } else {
            SchedulerCheck::Stalled
        });
        let status = live.reloader.status();
        checks.rules_version = Some(status.version);
        // Bad files on disk leave the previous rules in force: still ready.
        if status.error.is_some() || status.config_error.is_some() {
            checks.reload = Some("failing: the previous rules and sources stay in force".into());
        }
        if let Some(sender) = live.alerts.clone() {
            let failing: Vec<String> = blocking(move || Ok(sender.webhooks()?))
                .await
                .unwrap_or_default()
                .into_iter()
                .filter(|w| w.state.failing)
                .map(|w| match w.state.last_errcode {
                    Some(code) => format!("{} (errcode {code})", w.name),
                    None => w.name,
                })
                .collect();
            checks.alerts = Some(if failing.is_empty() {
                "ok".into()
            } else {
                degraded = true;
                format!("failing: {}", failing.join(", "))
            });
        }
    }
    let ready = problems.is_empty();
    let body = Health {
        status: if !ready {
            Readiness::Unavailable
        } else if degraded {
            Readiness::Degraded
        } else {
            Readiness::Ok
        },
        version: env!("CARGO_PKG_VERSION"),
        uptime_seconds: state.inner.started.elapsed().as_secs(),
        items,
        cases,
        checks,
        problems,
    };
    let code = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, axum::Json(body))
}

/// `GET /keywords`.
#[utoipa::path(
    get,
    path = "/keywords",
    summary = "The keyword lists in force (rule counts, digests, version) and the errors of a refused reload",
    responses(
        (status = 200, description = "The lists in force", body = RulesStatusView),
        (status = 503, description = "The server runs without the reloader (not `yuqing run`)", body = ErrorBody),
    )
)]
pub(super) async fn keywords(
    State(state): State<AppState>,
) -> Result<axum::Json<RulesStatusView>, ApiError> {
    let status = live(&state)?.reloader.status();
    Ok(axum::Json(status.into()))
}

/// `POST /keywords/reload`: 200 when everything was applied, 422 with
/// every problem when something was kept as it was.
#[utoipa::path(
    post,
    path = "/keywords/reload",
    summary = "Reload the keyword lists and the config's sources and routing now",
    responses(
        (status = 200, description = "Everything was applied", body = ReloadOutcomeView),
        (status = 422, description = "The files are invalid: every problem, with file:line; the previous rules or sources stay in force", body = ReloadOutcomeView),
        (status = 503, description = "The server runs without the reloader (not `yuqing run`)", body = ErrorBody),
    )
)]
pub(super) async fn reload(
    State(state): State<AppState>,
) -> Result<(StatusCode, axum::Json<ReloadOutcomeView>), ApiError> {
    let live = live(&state)?;
    let outcome = live.reloader.reload("API").await;
    let code = if outcome.problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((code, axum::Json(outcome.into())))
}

/// `GET /alerts`.
#[utoipa::path(
    get,
    path = "/alerts",
    summary = "Every webhook with its health (last success, last error and errcode, failures, failing) and queue",
    responses(
        (status = 200, description = "The webhooks (none when alerts are off)", body = WebhookList),
    )
)]
pub(super) async fn alerts(
    State(state): State<AppState>,
) -> Result<axum::Json<WebhookList>, ApiError> {
    let Some(sender) = state.inner.live.as_ref().and_then(|l| l.alerts.clone()) else {
        return Ok(axum::Json(WebhookList {
            webhooks: Vec::new(),
        }));
    };
    let views = blocking(move || Ok(sender.webhooks()?)).await?;
    Ok(axum::Json(WebhookList {
        webhooks: views.into_iter().map(WebhookApi::from).collect(),
    }))
}

/// `POST /alerts/{name}/test`.
#[utoipa::path(
    post,
    path = "/alerts/{name}/test",
    summary = "Send a test message to one webhook now and say whether it was accepted",
    params(("name" = String, Path, description = "Webhook name")),
    responses(
        (status = 200, description = "Sent; `delivered` says whether the webhook accepted it", body = TestMessageOutcome),
        (status = 400, description = "The name is not valid percent-encoded UTF-8", body = ErrorBody),
        (status = 404, description = "No webhook has this name (or alerts are off)", body = ErrorBody),
    )
)]
pub(super) async fn test_alert(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<axum::Json<TestMessageOutcome>, ApiError> {
    let missing = || ApiError::NotFound(format!("no webhook is named '{name}'"));
    let Some(sender) = state.inner.live.as_ref().and_then(|l| l.alerts.clone()) else {
        return Err(missing());
    };
    let Some(result) = sender.send_test(&name).await else {
        return Err(missing());
    };
    Ok(axum::Json(match result {
        Ok(()) => TestMessageOutcome {
            webhook: name,
            delivered: true,
            error: None,
            errcode: None,
            permanent: false,
        },
        Err(e) => TestMessageOutcome {
            webhook: name,
            delivered: false,
            error: Some(e.message),
            errcode: e.code,
            permanent: e.permanent,
        },
    }))
}

/// `GET /sources`.
#[utoipa::path(
    get,
    path = "/sources",
    summary = "Every enabled source with its state: last poll, last error, failures, next due, items found",
    responses(
        (status = 200, description = "The sources", body = SourceList),
        (status = 503, description = "The server runs without the scheduler (not `yuqing run`)", body = ErrorBody),
    )
)]
pub(super) async fn sources(
    State(state): State<AppState>,
) -> Result<axum::Json<SourceList>, ApiError> {
    let views = live(&state)?.scheduler.sources();
    Ok(axum::Json(SourceList {
        sources: views.into_iter().map(SourceViewApi::from).collect(),
    }))
}

/// `POST /sources/{name}/poll`.
#[utoipa::path(
    post,
    path = "/sources/{name}/poll",
    summary = "Poll one source now, as its schedule would, and return what was found",
    params(("name" = String, Path, description = "Source name")),
    responses(
        (status = 200, description = "What the poll found", body = PollReportView),
        (status = 400, description = "The name is not valid percent-encoded UTF-8", body = ErrorBody),
        (status = 404, description = "No enabled source has this name", body = ErrorBody),
        (status = 409, description = "The source is being polled right now", body = ErrorBody),
        (status = 503, description = "The server runs without the scheduler (not `yuqing run`)", body = ErrorBody),
    )
)]
pub(super) async fn poll(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<axum::Json<PollReportView>, ApiError> {
    let live = live(&state)?;
    match live.scheduler.poll_now(&name).await {
        Ok(report) => Ok(axum::Json(report.into())),
        Err(e @ PollNowError::Unknown(_)) => Err(ApiError::NotFound(e.to_string())),
        Err(e @ PollNowError::Busy(_)) => Err(ApiError::Conflict(e.to_string())),
    }
}

/// `POST /reclassify`: re-runs classification and grouping over the items
/// ingested since a time, with the rules in force.
#[utoipa::path(
    post,
    path = "/reclassify",
    summary = "Re-run classification and grouping with the rules in force over the items ingested since a time",
    request_body = ReclassifyRequest,
    responses(
        (status = 200, description = "What changed", body = ReclassifiedView),
        (status = 400, description = "The body is not JSON, or `since` is not a time", body = ErrorBody),
        (status = 422, description = "The body is not `{\"since\": TIME}`", body = ErrorBody),
    )
)]
pub(super) async fn reclassify(
    State(state): State<AppState>,
    Json(req): Json<ReclassifyRequest>,
) -> Result<axum::Json<ReclassifiedView>, ApiError> {
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
    Ok(axum::Json(done.into()))
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
        let rows = state.pipeline().store().case_rows(|_| true);
        let mut by: std::collections::BTreeMap<(&str, &str), u64> = Default::default();
        let mut overdue = 0u64;
        for row in &rows {
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
