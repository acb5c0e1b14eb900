//! The analysts' web console: server-rendered pages on the API's listener
//! (`/`, the API stays under `/api/v1`).
//!
//! Pages are askama templates compiled into the binary (`templates/`), with
//! one small plain script (`assets/console.js`) that only enhances them: the
//! queue refreshes itself and countdowns tick. Every page works without it.
//!
//! The console is a view over the same parts the JSON API uses: case
//! actions go through [`Pipeline::act`], manual entries through
//! [`Pipeline::ingest`], lists through the store's case index, statistics
//! through [`crate::reports::stats::compute`], operators' buttons
//! through the same reloader and scheduler. The workflow's rules live in
//! [`crate::cases::transition`]; the console asks it which actions to offer.
//!
//! Security: sign-in with a configured token opens a server-side session
//! (an HttpOnly, SameSite=Strict cookie; the token never appears in a URL,
//! a cookie or a page). Every state-changing form carries the session's
//! CSRF token and is checked for a same-site `Origin`, then for the role
//! (viewers see, analysts act, admins also run the operators' pages). Every
//! response carries a strict Content-Security-Policy (scripts and styles
//! from this server only, no inline script), `X-Frame-Options: DENY` and
//! `no-store`.

// Handlers answer refusals and failures with a finished page: a
// `Result<_, Response>` is the plain shape for that, on a cold path.
#![allow(clippy::result_large_err)]

mod assets;
mod case_page;
mod items;
mod ops;
mod queue;
mod reports;
pub mod session;
mod stats;
pub mod view;

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;

use crate::config::{Role, Token};
use crate::daemon::{Reloader, SchedulerHandle};
use crate::pipeline::Pipeline;
pub use session::{Me, Sessions};

/// The Content-Security-Policy of every console response: nothing from
/// elsewhere, no inline script or style, no framing, forms post only here.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// What console handlers share.
#[derive(Clone)]
pub struct ConsoleState {
    inner: Arc<Inner>,
}

struct Inner {
    pipeline: Arc<Pipeline>,
    tokens: Vec<Token>,
    sessions: Sessions,
    ops: Option<Ops>,
    secure_cookies: bool,
    body_limit: usize,
    office: String,
}

/// The running daemon's parts behind the operators' page.
pub struct Ops {
    /// Reloads keyword lists and sources.
    pub reloader: Arc<Reloader>,
    /// Sources and on-demand polls.
    pub scheduler: SchedulerHandle,
}

/// How the console is set up beside the pipeline and tokens.
pub struct Options {
    /// The operators' page's parts; `None` outside `yuqing run` (the page
    /// then says so).
    pub ops: Option<Ops>,
    /// Marks the session cookie `Secure` (served over HTTPS, behind a TLS
    /// proxy).
    pub secure_cookies: bool,
    /// Largest form body accepted, in bytes.
    pub body_limit: usize,
    /// The office named in reports (`reports.office`).
    pub office: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ops: None,
            secure_cookies: false,
            body_limit: 1 << 20,
            office: crate::config::ReportsConfig::default().office,
        }
    }
}

impl ConsoleState {
    /// A console over `pipeline`, signing in with `tokens`.
    pub fn new(pipeline: Arc<Pipeline>, tokens: Vec<Token>, options: Options) -> Self {
        ConsoleState {
            inner: Arc::new(Inner {
                pipeline,
                tokens,
                sessions: Sessions::default(),
                ops: options.ops,
                secure_cookies: options.secure_cookies,
                body_limit: options.body_limit,
                office: options.office,
            }),
        }
    }

    fn pipeline(&self) -> &Arc<Pipeline> {
        &self.inner.pipeline
    }
}

/// The console's routes, to merge with the API's router.
pub fn router(state: ConsoleState) -> Router {
    let body_limit = state.inner.body_limit;
    Router::new()
        .route("/", get(queue::page))
        .route("/queue/rows", get(queue::rows))
        .route(
            "/login",
            get(session_pages::form).post(session_pages::sign_in),
        )
        .route("/logout", post(session_pages::sign_out))
        .route("/cases/{id}", get(case_page::page))
        .route("/cases/{id}/act", post(case_page::act))
        .route("/items", get(items::page).post(items::enter))
        .route("/stats", get(stats::page))
        .route("/reports/daily", get(reports::daily))
        .route("/reports/cases/{id}", get(reports::case))
        .route("/reports/period", get(reports::period))
        .route("/ops", get(ops::page))
        .route("/ops/reload", post(ops::reload))
        .route("/ops/sources/{name}/poll", post(ops::poll))
        .route("/assets/{file}", get(assets::serve))
        .route("/favicon.ico", get(assets::favicon))
        .with_state(state)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(CatchPanicLayer::custom(panicked))
        .layer(axum::middleware::from_fn(security_headers))
}

/// Adds the security headers to every console response; pages are never
/// cached (they show who is signed in and live case data).
async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    resp
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a console handler panicked; the server goes on");
    message_page(
        StatusCode::INTERNAL_SERVER_ERROR,
        "服务器内部错误",
        "页面生成失败，错误已记入日志。请稍后重试。",
        None,
    )
}

/// Runs `f` on the blocking pool (sled reads and fsync must not stall the
/// runtime).
async fn blocking<T, F>(f: F) -> Result<T, Response>
where
    F: FnOnce() -> Result<T, crate::store::StoreError> + Send + 'static,
    T: Send + 'static,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(store_failed(&e)),
        Err(e) => {
            tracing::error!(error = %e, "console task failed");
            Err(message_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "服务器内部错误",
                "后台任务失败，错误已记入日志。请稍后重试。",
                None,
            ))
        }
    }
}

fn store_failed(e: &crate::store::StoreError) -> Response {
    tracing::error!(error = %e, "console: store failed");
    message_page(
        StatusCode::INTERNAL_SERVER_ERROR,
        "存储读写失败",
        "数据存储暂时无法读写，错误已记入日志。请稍后重试，或联系运维人员。",
        None,
    )
}

/// What every page's frame shows: who is signed in, the navigation, the
/// sign-out form.
pub struct Layout {
    /// Page title.
    pub title: String,
    /// The active navigation entry: `queue`, `items`, `stats`, `ops`, or
    /// empty.
    pub nav: &'static str,
    /// Signed-in user's name, empty on the sign-in page.
    pub user: String,
    /// Their role's label.
    pub role: &'static str,
    /// May act on cases and enter items.
    pub analyst: bool,
    /// May see the operators' page.
    pub admin: bool,
    /// The session's CSRF token (for the sign-out form and every action).
    pub csrf: String,
    /// The stylesheet's URL (content-hashed).
    pub css: &'static str,
    /// The script's URL (content-hashed).
    pub js: &'static str,
}

impl Layout {
    /// The frame of a page for `me`.
    pub fn new(me: &Me, title: impl Into<String>, nav: &'static str) -> Self {
        Layout {
            title: title.into(),
            nav,
            user: me.name.clone(),
            role: view::role_label(me.role),
            analyst: me.role >= Role::Analyst,
            admin: me.role >= Role::Admin,
            csrf: me.csrf.clone(),
            css: assets::css_url(),
            js: assets::js_url(),
        }
    }

    /// The frame without a session (sign-in, errors).
    pub fn anonymous(title: impl Into<String>) -> Self {
        Layout {
            title: title.into(),
            nav: "",
            user: String::new(),
            role: "",
            analyst: false,
            admin: false,
            csrf: String::new(),
            css: assets::css_url(),
            js: assets::js_url(),
        }
    }
}

/// A page that only says something: refusals, errors, not found.
#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    layout: Layout,
    heading: String,
    text: String,
}

/// Renders a template, or a plain 500 when rendering fails (a bug: the
/// templates are checked at compile time, only a formatter can fail).
fn render(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "console: a template failed to render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "页面生成失败，错误已记入日志。",
            )
                .into_response()
        }
    }
}

/// A message page with `status`; `me` (when signed in) keeps the frame.
fn message_page(status: StatusCode, heading: &str, text: &str, me: Option<&Me>) -> Response {
    let layout = match me {
        Some(me) => Layout::new(me, heading, ""),
        None => Layout::anonymous(heading),
    };
    render(
        status,
        &MessagePage {
            layout,
            heading: heading.into(),
            text: text.into(),
        },
    )
}

/// The 403 page for a refused state-changing request.
fn refused(me: &Me, why: session::Refused) -> Response {
    message_page(
        StatusCode::FORBIDDEN,
        "操作被拒绝",
        &why.message(),
        Some(me),
    )
}

/// Form fields in order, repeated names kept (checkbox groups).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// The first value of `name`, trimmed; `None` when absent or blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Every non-blank value of `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
            .collect()
    }
}

/// A form body as handlers receive it: the fields, or why it is not a form.
type FormBody = Result<axum::Form<Fields>, axum::extract::rejection::FormRejection>;

/// Reads a state-changing form and checks it (same site, the session's CSRF
/// token, at least role `need`): its fields, or the page refusing it.
fn checked_form(
    me: &Me,
    headers: &axum::http::HeaderMap,
    body: FormBody,
    need: Role,
) -> Result<Fields, Response> {
    let fields = form(me, body)?;
    if let Err(why) = me.check(headers, fields.get(session::CSRF_FIELD), need) {
        tracing::warn!(user = %me.name, refused = ?why, "console: a form was refused");
        return Err(refused(me, why));
    }
    Ok(fields)
}

/// Reads a form body; a body that is not a form gets a plain 400 page.
fn form(me: &Me, body: FormBody) -> Result<Fields, Response> {
    body.map(|axum::Form(f)| f).map_err(|e| {
        message_page(
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            },
            "无法读取表单",
            "提交的内容不是本系统的表单或超出大小限制。请返回页面重新填写。",
            Some(me),
        )
    })
}

/// The sign-in form, signing in and out.
mod session_pages {
    use askama::Template;
    use axum::extract::{Query, State};
    use axum::http::{HeaderMap, StatusCode, header};
    use axum::response::{IntoResponse, Redirect, Response};
    use serde::Deserialize;

    use super::session::{Me, same_origin, set_cookie};
    use super::{ConsoleState, Layout, render};
    use crate::config::Role;

    #[derive(Template)]
    #[template(path = "login.html")]
    struct LoginPage {
        layout: Layout,
        next: String,
        error: Option<String>,
    }

    /// Query of the sign-in form: where to go after.
    #[derive(Debug, Default, Deserialize)]
    pub(super) struct Next {
        next: Option<String>,
    }

    /// Only local paths: a sign-in must not become a redirect elsewhere.
    fn local(next: Option<&str>) -> String {
        match next {
            Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => {
                n.to_string()
            }
            _ => "/".into(),
        }
    }

    pub(super) async fn form(
        State(state): State<ConsoleState>,
        headers: HeaderMap,
        Query(q): Query<Next>,
    ) -> Response {
        if state.me(&headers).is_some() {
            return Redirect::to(&local(q.next.as_deref())).into_response();
        }
        render(
            StatusCode::OK,
            &LoginPage {
                layout: Layout::anonymous("登录"),
                next: local(q.next.as_deref()),
                error: None,
            },
        )
    }

    pub(super) async fn sign_in(
        State(state): State<ConsoleState>,
        headers: HeaderMap,
        body: super::FormBody,
    ) -> Response {
        let fields = body.map(|axum::Form(f)| f).unwrap_or_default();
        let next = local(fields.get("next"));
        let again = |status: StatusCode, error: &str| {
            render(
                status,
                &LoginPage {
                    layout: Layout::anonymous("登录"),
                    next: next.clone(),
                    error: Some(error.into()),
                },
            )
        };
        if same_origin(&headers).is_err() {
            return again(StatusCode::FORBIDDEN, "请求来自其他网站，已拒绝。");
        }
        let Some(presented) = fields.get("token") else {
            return again(StatusCode::UNAUTHORIZED, "请输入访问令牌。");
        };
        let Some(token) = crate::api::auth::find(&state.inner.tokens, presented) else {
            tracing::info!("console: sign-in with an unknown token refused");
            return again(
                StatusCode::UNAUTHORIZED,
                "令牌无效。请核对配置中发给您的访问令牌。",
            );
        };
        let Some(me) = state.inner.sessions.create(&token.name, token.role) else {
            return again(
                StatusCode::INTERNAL_SERVER_ERROR,
                "无法生成会话（系统随机数源不可用），请联系运维人员。",
            );
        };
        tracing::info!(user = %me.name, role = token.role.name(), "console: signed in");
        let mut resp = Redirect::to(&next).into_response();
        resp.headers_mut().insert(
            header::SET_COOKIE,
            set_cookie(Some(&me.id), state.inner.secure_cookies),
        );
        resp
    }

    pub(super) async fn sign_out(
        State(state): State<ConsoleState>,
        me: Me,
        headers: HeaderMap,
        body: super::FormBody,
    ) -> Response {
        if let Err(r) = super::checked_form(&me, &headers, body, Role::Viewer) {
            return r;
        }
        state.inner.sessions.remove(&me.id);
        let mut resp = Redirect::to("/login").into_response();
        resp.headers_mut().insert(
            header::SET_COOKIE,
            set_cookie(None, state.inner.secure_cookies),
        );
        resp
    }
}
