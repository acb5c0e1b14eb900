//! The analysts' JSON HTTP API under `/api/v1` (axum).
//!
//! Every route is declared once, in [`table`]: a handler with its
//! `#[utoipa::path]` (method, path, parameters, body, every status it
//! answers) and the least role that may call it. The router and the OpenAPI
//! document ([`openapi`]) are both built from that table, and the document's
//! schemas from the types handlers send and accept ([`model`]), so neither
//! can drift from what is served. The auth middleware ([`auth`]) enforces
//! the roles; errors are one enum ([`error`]); the HTTP edge ([`edge`]: the
//! listener's timeouts, request ids, logs, body limits, JSON for every
//! error) wraps it all.
//!
//! Handlers never block the runtime: store reads and writes run on the
//! blocking pool, and every write is flushed before the client hears 2xx.

pub mod auth;
pub mod edge;
pub mod error;
pub mod model;
pub mod openapi;

mod cases;
mod items;
mod misc;
mod ops;
mod reports;
pub(crate) mod stats;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use tower_http::catch_panic::CatchPanicLayer;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use crate::config::{Role, Token};
use crate::pipeline::Pipeline;
pub use edge::{ServeOptions, serve_with};
pub use error::ApiError;
pub use reports::respond as reports_response;

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
    /// The office named in reports.
    office: String,
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
    /// The webhooks' states and test messages, when alerts are configured.
    pub alerts: Option<Arc<crate::alerts::deliver::Sender>>,
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
                office: crate::config::ReportsConfig::default().office,
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
                office: crate::config::ReportsConfig::default().office,
            }),
        }
    }

    /// The same state naming `office` in reports (`reports.office`). Call
    /// it right after building the state, before it is shared.
    pub fn with_office(mut self, office: String) -> Self {
        if let Some(inner) = Arc::get_mut(&mut self.inner) {
            inner.office = office;
        }
        self
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

/// Most time a request may take: reading its body, the handler's work,
/// writing nothing yet. Past it the client gets 503 (the work it started,
/// on the blocking pool, may still finish).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The same for operators' routes that do a poll, a reload or a
/// reclassification of the whole store.
pub const LONG_REQUEST_TIMEOUT: Duration = Duration::from_secs(600);

/// One route of [`table`].
pub struct Route {
    /// Least role allowed; `None` for public routes.
    pub role: Option<Role>,
    /// Most time a request may take.
    pub timeout: Duration,
    /// The handler, with its method, path and documentation.
    route: UtoipaMethodRouter<AppState>,
}

impl Route {
    fn public(route: UtoipaMethodRouter<AppState>) -> Self {
        Route {
            role: None,
            timeout: REQUEST_TIMEOUT,
            route,
        }
    }

    fn with(role: Role, route: UtoipaMethodRouter<AppState>) -> Self {
        Route {
            role: Some(role),
            timeout: REQUEST_TIMEOUT,
            route,
        }
    }

    fn long(mut self) -> Self {
        self.timeout = LONG_REQUEST_TIMEOUT;
        self
    }

    /// The route's method and path under [`PREFIX`] (`/cases/{id}`).
    pub fn method_and_path(&self) -> Vec<(Method, String)> {
        self.route
            .1
            .paths
            .iter()
            .flat_map(|(path, item)| {
                openapi::methods_of(item)
                    .into_iter()
                    .map(move |m| (m, path.clone()))
            })
            .collect()
    }
}

/// Every route of the API, under [`PREFIX`].
pub fn table() -> Vec<Route> {
    vec![
        Route::public(routes!(ops::health)),
        Route::public(routes!(misc::openapi)),
        Route::with(Role::Viewer, routes!(cases::list)),
        Route::with(Role::Viewer, routes!(cases::show)),
        Route::with(Role::Analyst, routes!(cases::act)),
        Route::with(Role::Viewer, routes!(items::list)),
        Route::with(Role::Analyst, routes!(items::create)),
        Route::with(Role::Viewer, routes!(items::show)),
        Route::with(Role::Viewer, routes!(stats::stats)),
        Route::with(Role::Viewer, routes!(reports::daily)),
        Route::with(Role::Viewer, routes!(reports::case)),
        Route::with(Role::Viewer, routes!(reports::period)),
        Route::with(Role::Viewer, routes!(misc::changes)),
        Route::with(Role::Viewer, routes!(ops::keywords)),
        Route::with(Role::Admin, routes!(ops::reload)).long(),
        Route::with(Role::Viewer, routes!(ops::sources)),
        Route::with(Role::Admin, routes!(ops::poll)).long(),
        Route::with(Role::Admin, routes!(ops::reclassify)).long(),
        Route::with(Role::Admin, routes!(ops::alerts)),
        Route::with(Role::Admin, routes!(ops::test_alert)).long(),
    ]
}

/// A route as tests and tools see it.
#[derive(Debug, Clone)]
pub struct RouteInfo {
    /// HTTP method.
    pub method: Method,
    /// Path under [`PREFIX`], with `{name}` parameters.
    pub path: String,
    /// Least role allowed; `None` for public routes.
    pub role: Option<Role>,
    /// True when the route takes a JSON body.
    pub body: bool,
}

/// Every route of [`table`], one per method.
pub fn routes() -> Vec<RouteInfo> {
    let doc = openapi::document();
    table()
        .iter()
        .flat_map(|r| {
            r.method_and_path().into_iter().map(|(method, path)| {
                let op = &doc["paths"][format!("{PREFIX}{path}")][method.as_str().to_lowercase()];
                RouteInfo {
                    body: op.get("requestBody").is_some(),
                    method,
                    path,
                    role: r.role,
                }
            })
        })
        .collect()
}

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

/// The API's router: the routes of [`table`] with their roles and time
/// limits, JSON fallbacks, panic catching and the HTTP edge's layers
/// ([`edge::layers`]).
pub fn router(state: AppState, limits: Limits) -> Router {
    let mut api: OpenApiRouter<AppState> = OpenApiRouter::new();
    for r in table() {
        let timeout = r.timeout;
        let role = r.role;
        let auth_state = state.clone();
        api = api.routes(r.route.map(move |mr| {
            let mr = mr.route_layer(axum::middleware::from_fn_with_state(
                timeout,
                edge::time_limit,
            ));
            match role {
                Some(role) => mr.route_layer(axum::middleware::from_fn_with_state(
                    (auth_state, role),
                    auth::require,
                )),
                None => mr,
            }
        }));
    }
    let (api, _) = api.split_for_parts();
    let metrics = get(ops::metrics).route_layer(axum::middleware::from_fn_with_state(
        (state.clone(), Role::Viewer),
        auth::require,
    ));
    let app = Router::new()
        .nest(PREFIX, api.method_not_allowed_fallback(method_not_allowed))
        .route("/metrics", metrics)
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .with_state(state.clone())
        .layer(DefaultBodyLimit::max(limits.body))
        .layer(CatchPanicLayer::custom(panicked));
    edge::layers(app, state, limits)
}

async fn not_found() -> ApiError {
    ApiError::not_found(format!(
        "no such route; the API is under {PREFIX}, described at {PREFIX}/openapi.json"
    ))
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

fn panicked(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    ApiError::internal(format!(
        "a request handler panicked ({what}); the server goes on"
    ))
    .into_response()
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
        .map_err(|e| ApiError::internal(format!("the request's blocking task failed: {e}")))?
}

/// Serves the API on `listener` until `shutdown` resolves, with the
/// listener's default timeouts ([`ServeOptions`]); then lets requests in
/// flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, app, shutdown, ServeOptions::default()).await
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
            let t = crate::time::parse_time(s)
                .map_err(|e| ApiError::bad_request(format!("{what}: {e}")))?;
            writable_time(what, t).map_err(ApiError::BadRequest)
        })
        .transpose()
}

/// `t` when RFC 3339 can write it back: years 0000 to 9999 in UTC. (A time
/// like 9999-12-31T23:00:00-05:00 is past year 9999 in UTC, and chrono would
/// answer it as `+10000-…`, which no client reads as a time.)
fn writable_time(what: &str, t: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    use chrono::Datelike;
    if (0..=9999).contains(&t.year()) {
        Ok(t)
    } else {
        Err(format!(
            "{what}: {} is outside the years 0000 to 9999 in UTC",
            t.to_rfc3339()
        ))
    }
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
