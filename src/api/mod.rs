//! The analysts' JSON HTTP API under `/api/v1` (axum).
//!
//! Every route is declared once, in [`ROUTES`]: the router is built from that
//! table and so is the OpenAPI document ([`openapi`]), so the two cannot
//! disagree. Each route names the least role that may call it; the auth
//! middleware ([`auth`]) enforces it.
//!
//! Handlers never block the runtime: store reads and writes run on the
//! blocking pool, and every write is flushed before the client hears 2xx.

pub mod auth;
pub mod error;
pub mod openapi;

mod cases;
mod items;
mod misc;
mod ops;
pub(crate) mod stats;

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use chrono::{DateTime, Utc};
use tower_http::catch_panic::CatchPanicLayer;

use crate::config::{Role, Token};
use crate::pipeline::Pipeline;
pub use error::ApiError;

/// Prefix of every route.
pub const PREFIX: &str = "/api/v1";

/// What handlers share.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    pipeline: Arc<Pipeline>,
    tokens: Vec<Token>,
    started: Instant,
    clock: Clock,
    live: Option<Live>,
}

/// The running daemon's parts the operators' routes use: present when the
/// API is served by `yuqing run`.
pub struct Live {
    /// Reloads keyword lists and sources.
    pub reloader: Arc<crate::daemon::Reloader>,
    /// The scheduler (sources, on-demand polls, heartbeat).
    pub scheduler: crate::daemon::SchedulerHandle,
    /// Alerts waiting for delivery, when alerts are configured.
    pub outbox_depth: Option<Arc<dyn Fn() -> usize + Send + Sync>>,
}

/// Where handlers get "now" from: the wall clock, or a fixed time in tests
/// of deadlines.
#[derive(Debug, Clone, Copy, Default)]
pub enum Clock {
    /// `Utc::now()`.
    #[default]
    System,
    /// Always this time.
    Fixed(DateTime<Utc>),
}

impl AppState {
    /// State over a pipeline and the tokens allowed in.
    pub fn new(pipeline: Arc<Pipeline>, tokens: Vec<Token>) -> Self {
        Self::with_clock(pipeline, tokens, Clock::System)
    }

    /// Same, with a clock.
    pub fn with_clock(pipeline: Arc<Pipeline>, tokens: Vec<Token>, clock: Clock) -> Self {
        AppState {
            inner: Arc::new(Inner {
                pipeline,
                tokens,
                started: Instant::now(),
                clock,
                live: None,
            }),
        }
    }

    /// State over a running daemon: the operators' routes work.
    pub fn with_live(
        pipeline: Arc<Pipeline>,
        tokens: Vec<Token>,
        clock: Clock,
        live: Live,
    ) -> Self {
        AppState {
            inner: Arc::new(Inner {
                pipeline,
                tokens,
                started: Instant::now(),
                clock,
                live: Some(live),
            }),
        }
    }

    fn pipeline(&self) -> &Arc<Pipeline> {
        &self.inner.pipeline
    }

    fn now(&self) -> DateTime<Utc> {
        match self.inner.clock {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => t,
        }
    }
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamIn {
    /// In the path.
    Path,
    /// In the query string.
    Query,
}

/// A documented parameter.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// Its name.
    pub name: &'static str,
    /// Path or query.
    pub location: ParamIn,
    /// JSON Schema type: `string`, `integer`, `boolean`.
    pub ty: &'static str,
    /// What it does.
    pub doc: &'static str,
}

/// One route: how it is served and how it is documented.
pub struct RouteSpec {
    /// HTTP method.
    pub method: Method,
    /// Path under [`PREFIX`], in axum syntax (`/cases/{id}`).
    pub path: &'static str,
    /// Least role allowed; `None` for public routes.
    pub role: Option<Role>,
    /// One line for the docs.
    pub summary: &'static str,
    /// Parameters.
    pub params: &'static [Param],
    /// Schema name of the JSON body, if any.
    pub body: Option<&'static str>,
    /// Success status.
    pub ok: StatusCode,
    /// Schema name of the success response.
    pub response: &'static str,
    handler: fn() -> MethodRouter<AppState>,
}

const fn q(name: &'static str, ty: &'static str, doc: &'static str) -> Param {
    Param {
        name,
        location: ParamIn::Query,
        ty,
        doc,
    }
}

const fn p(name: &'static str, ty: &'static str, doc: &'static str) -> Param {
    Param {
        name,
        location: ParamIn::Path,
        ty,
        doc,
    }
}

const CASE_FILTERS: &[Param] = &[
    q(
        "status",
        "string",
        "Comma-separated statuses: new, confirmed, dismissed, assigned, responded, closed.",
    ),
    q(
        "category",
        "string",
        "Comma-separated categories: policy, interest, morality, emergency, directive (any matches).",
    ),
    q(
        "min_severity",
        "string",
        "Least severity: IV, III, II, I (or 一般, 较大, 重大, 特别重大).",
    ),
    q(
        "region",
        "string",
        "A region among the case's regions, exactly.",
    ),
    q("flag", "string", "rumor or urgent."),
    q(
        "department",
        "string",
        "Responsible department (assigned, else suggested), exactly.",
    ),
    q(
        "since",
        "string",
        "Last seen at or after this time (RFC 3339, or YYYY-MM-DD [HH:MM] Beijing time).",
    ),
    q("until", "string", "First seen at or before this time."),
    q(
        "overdue",
        "boolean",
        "true: only cases past a due time without a response; false: only the others.",
    ),
    q(
        "q",
        "string",
        "Case-insensitive text in the title or top terms.",
    ),
    q(
        "sort",
        "string",
        "last_seen (default), severity, due or created.",
    ),
    q("limit", "integer", "Page size, 1 to 500 (default 50)."),
    q(
        "cursor",
        "string",
        "next_cursor of the previous page; pages show the list as it was at the first page.",
    ),
];

const ITEM_FILTERS: &[Param] = &[
    q("source", "string", "Source name, exactly."),
    q(
        "category",
        "string",
        "Comma-separated categories (any matches).",
    ),
    q("min_severity", "string", "Least severity."),
    q("region", "string", "A region among the item's regions."),
    q("flag", "string", "rumor or urgent."),
    q(
        "flagged",
        "boolean",
        "true: only items that matched a category; false: only those that did not.",
    ),
    q("case", "integer", "Only the items of this case."),
    q("since", "string", "Ingested at or after this time."),
    q("until", "string", "Ingested at or before this time."),
    q("q", "string", "Case-insensitive text in the title or text."),
    q("limit", "integer", "Page size, 1 to 500 (default 50)."),
    q("cursor", "string", "next_cursor of the previous page."),
];

/// Every route of the API.
pub static ROUTES: &[RouteSpec] = &[
    RouteSpec {
        method: Method::GET,
        path: "/health",
        role: None,
        summary: "Readiness (store, rules, scheduler) and store counts; 503 when not ready.",
        params: &[],
        body: None,
        ok: StatusCode::OK,
        response: "Health",
        handler: || get(ops::health),
    },
    RouteSpec {
        method: Method::GET,
        path: "/openapi.json",
        role: None,
        summary: "This document.",
        params: &[],
        body: None,
        ok: StatusCode::OK,
        response: "OpenApi",
        handler: || get(misc::openapi),
    },
    RouteSpec {
        method: Method::GET,
        path: "/cases",
        role: Some(Role::Viewer),
        summary: "Candidate cases, filtered, sorted and paged (without histories).",
        params: CASE_FILTERS,
        body: None,
        ok: StatusCode::OK,
        response: "CasePage",
        handler: || get(cases::list),
    },
    RouteSpec {
        method: Method::GET,
        path: "/cases/{id}",
        role: Some(Role::Viewer),
        summary: "One case with its items (latest 200, newest first, with matched terms), reasons and history.",
        params: &[p("id", "integer", "Case id.")],
        body: None,
        ok: StatusCode::OK,
        response: "CaseDetail",
        handler: || get(cases::show),
    },
    RouteSpec {
        method: Method::POST,
        path: "/cases/{id}/actions",
        role: Some(Role::Analyst),
        summary: "Apply a workflow action; 409 when the case's status does not allow it.",
        params: &[p("id", "integer", "Case id.")],
        body: Some("ActionRequest"),
        ok: StatusCode::OK,
        response: "CaseDetail",
        handler: || post(cases::act),
    },
    RouteSpec {
        method: Method::GET,
        path: "/items",
        role: Some(Role::Viewer),
        summary: "Items, newest first, filtered and paged (unmatched items too).",
        params: ITEM_FILTERS,
        body: None,
        ok: StatusCode::OK,
        response: "ItemPage",
        handler: || get(items::list),
    },
    RouteSpec {
        method: Method::POST,
        path: "/items",
        role: Some(Role::Analyst),
        summary: "Enter an item from an offline channel; it is classified and grouped like any other.",
        params: &[],
        body: Some("NewItem"),
        ok: StatusCode::CREATED,
        response: "Ingested",
        handler: || post(items::create),
    },
    RouteSpec {
        method: Method::GET,
        path: "/items/{id}",
        role: Some(Role::Viewer),
        summary: "One item with its classification.",
        params: &[p("id", "string", "Item id.")],
        body: None,
        ok: StatusCode::OK,
        response: "Item",
        handler: || get(items::show),
    },
    RouteSpec {
        method: Method::GET,
        path: "/stats",
        role: Some(Role::Viewer),
        summary: "Counts by category, severity, status and department, and on-time rates (定期通报).",
        params: &[
            q(
                "from",
                "string",
                "Cases first seen at or after (default: 30 days ago).",
            ),
            q("to", "string", "Cases first seen before (default: now)."),
        ],
        body: None,
        ok: StatusCode::OK,
        response: "Stats",
        handler: || get(stats::stats),
    },
    RouteSpec {
        method: Method::GET,
        path: "/changes",
        role: Some(Role::Viewer),
        summary: "The changes feed: every item and case write, in order, for other tools.",
        params: &[
            q(
                "after",
                "integer",
                "Last sequence number already seen (default 0).",
            ),
            q(
                "limit",
                "integer",
                "At most this many, 1 to 1000 (default 100).",
            ),
        ],
        body: None,
        ok: StatusCode::OK,
        response: "ChangePage",
        handler: || get(misc::changes),
    },
    RouteSpec {
        method: Method::GET,
        path: "/keywords",
        role: Some(Role::Viewer),
        summary: "The keyword lists in force (rule counts, digests, version) and the errors of a refused reload.",
        params: &[],
        body: None,
        ok: StatusCode::OK,
        response: "RulesStatus",
        handler: || get(ops::keywords),
    },
    RouteSpec {
        method: Method::POST,
        path: "/keywords/reload",
        role: Some(Role::Admin),
        summary: "Reload the keyword lists and the config's sources and routing now; 422 with every problem when the files are invalid (the previous ones stay in force).",
        params: &[],
        body: None,
        ok: StatusCode::OK,
        response: "ReloadOutcome",
        handler: || post(ops::reload),
    },
    RouteSpec {
        method: Method::GET,
        path: "/sources",
        role: Some(Role::Viewer),
        summary: "Every enabled source with its state: last poll, last error, failures, next due, items found.",
        params: &[],
        body: None,
        ok: StatusCode::OK,
        response: "SourceList",
        handler: || get(ops::sources),
    },
    RouteSpec {
        method: Method::POST,
        path: "/sources/{name}/poll",
        role: Some(Role::Admin),
        summary: "Poll one source now, as its schedule would, and return what was found; 409 while it is being polled.",
        params: &[p("name", "string", "Source name.")],
        body: None,
        ok: StatusCode::OK,
        response: "PollReport",
        handler: || post(ops::poll),
    },
    RouteSpec {
        method: Method::POST,
        path: "/reclassify",
        role: Some(Role::Admin),
        summary: "Re-run classification and grouping with the rules in force over the items ingested since a time.",
        params: &[],
        body: Some("ReclassifyRequest"),
        ok: StatusCode::OK,
        response: "Reclassified",
        handler: || post(ops::reclassify),
    },
];

/// Limits of the HTTP layer.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body, in bytes.
    pub body: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { body: 1 << 20 }
    }
}

/// The API's router, with auth, body limit, JSON fallbacks and panic
/// catching.
pub fn router(state: AppState, limits: Limits) -> Router {
    let mut paths: Vec<(&'static str, MethodRouter<AppState>)> = Vec::new();
    for r in ROUTES {
        let mut method_router = (r.handler)();
        if let Some(role) = r.role {
            method_router = method_router.route_layer(axum::middleware::from_fn_with_state(
                (state.clone(), role),
                auth::require,
            ));
        }
        match paths.iter_mut().find(|(p, _)| *p == r.path) {
            Some((_, existing)) => {
                *existing = std::mem::take(existing).merge(method_router);
            }
            None => paths.push((r.path, method_router)),
        }
    }
    let mut api = Router::new();
    for (path, mr) in paths {
        api = api.route(path, mr.fallback(method_not_allowed));
    }
    let metrics = get(ops::metrics).route_layer(axum::middleware::from_fn_with_state(
        (state.clone(), Role::Viewer),
        auth::require,
    ));
    Router::new()
        .nest(PREFIX, api)
        .route("/metrics", metrics)
        .fallback(not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(limits.body))
        .layer(CatchPanicLayer::custom(panicked))
}

async fn not_found() -> ApiError {
    ApiError::not_found(format!(
        "no such route; the API is under {PREFIX}, described at {PREFIX}/openapi.json"
    ))
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("method not allowed on this route; see {PREFIX}/openapi.json"),
    )
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked; the server goes on");
    ApiError::internal("internal error; the server logged it").into_response()
}

/// Runs `f` on the blocking pool (sled calls and fsync must not stall the
/// runtime).
async fn blocking<T, F>(f: F) -> Result<T, ApiError>
where
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("request task failed: {e}")))?
}

/// Serves the API on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Splits a comma-separated query value into parsed parts, naming the bad
/// one.
fn parse_list<T>(
    what: &str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
    allowed: &str,
) -> Result<Vec<T>, ApiError> {
    let Some(v) = value else {
        return Ok(Vec::new());
    };
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            parse(s).ok_or_else(|| {
                ApiError::bad_request(format!("{what}: unknown value '{s}'; use {allowed}"))
            })
        })
        .collect()
}

fn parse_one<T>(
    what: &str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
    allowed: &str,
) -> Result<Option<T>, ApiError> {
    value
        .map(|s| {
            parse(s.trim()).ok_or_else(|| {
                ApiError::bad_request(format!("{what}: unknown value '{s}'; use {allowed}"))
            })
        })
        .transpose()
}

fn parse_time(what: &str, value: Option<&str>) -> Result<Option<DateTime<Utc>>, ApiError> {
    value
        .map(|s| {
            crate::time::parse_time(s).map_err(|e| ApiError::bad_request(format!("{what}: {e}")))
        })
        .transpose()
}

/// Page size from `limit`, 1..=max, default `default`.
fn page_size(limit: Option<usize>, default: usize, max: usize) -> Result<usize, ApiError> {
    match limit {
        None => Ok(default),
        Some(n) if (1..=max).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::bad_request(format!(
            "limit: {n} is out of range; use 1 to {max}"
        ))),
    }
}
