//! The HTTP edge: what happens to a request before a handler sees it and to
//! a response after.
//!
//! - The listener ([`serve_with`]): an accept loop over hyper's HTTP/1
//!   connections with a header-read timeout, which also bounds how long a
//!   kept-alive connection may stay idle (hyper restarts it before each
//!   request), so half-open connections are closed instead of held.
//! - Request ids: an `x-request-id` (the client's, when it is a short token,
//!   else a new UUID) on every request, in the response's header, in every
//!   error body and on every log line of the request.
//! - Errors: every 4xx and 5xx body is JSON with the request id, including
//!   those hyper writes itself (400, 414, 431 for requests it cannot parse);
//!   5xx details are logged, never sent.
//! - Limits: a `Content-Length` over the body limit is refused with 413
//!   before the body is read (so `Expect: 100-continue` gets no `100
//!   Continue`); every route has a time limit.
//! - Paths: absolute paths of the server (keyword files, inbox directories)
//!   are shown relative to the config directory.

use std::future::Future;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::pin::{Pin, pin};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tower_http::request_id::{
    MakeRequestId, MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer,
};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use super::error::{ApiError, ErrorBody};
use super::{AppState, Limits};

/// The header that carries the request id.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest request target hyper reads (its own limit); longer is 414.
pub const MAX_URI_BYTES: usize = 65_534;

/// Most bytes of a request's head (request line and header fields); more
/// is 431.
pub const MAX_HEADER_BYTES: usize = 80 * 1024;

/// Most header fields in a request; more is 431.
pub const MAX_HEADERS: usize = 100;

/// How the listener treats connections.
#[derive(Debug, Clone, Copy)]
pub struct ServeOptions {
    /// Most time a connection may take to send a request's head, counted
    /// from its opening or from the end of its previous response: also the
    /// idle timeout of kept-alive connections.
    pub header_read_timeout: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            header_read_timeout: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` resolves, then stops
/// accepting, closes idle connections and waits for requests in flight
/// (each bounded by its route's time limit).
pub async fn serve_with(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    options: ServeOptions,
) -> io::Result<()> {
    let (closing_tx, closing_rx) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let mut shutdown = pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    // Small JSON answers go out at once.
                    let _ = stream.set_nodelay(true);
                    connections.spawn(connection(stream, app.clone(), options, closing_rx.clone()));
                }
                Err(e) if is_per_connection(&e) => {}
                Err(e) => {
                    // Out of file descriptors and the like: retrying at
                    // once would spin; the connections in flight go on.
                    tracing::error!(error = %e, "the API cannot accept connections; retrying in 1 s");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    let _ = closing_tx.send(true);
    while connections.join_next().await.is_some() {}
    Ok(())
}

/// Accept errors that concern one connection only (the client went away).
fn is_per_connection(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

async fn connection(
    stream: tokio::net::TcpStream,
    app: Router,
    options: ServeOptions,
    mut closing: tokio::sync::watch::Receiver<bool>,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_read_timeout)
        .max_headers(MAX_HEADERS)
        .max_header_size(MAX_HEADER_BYTES)
        // One buffer per write, so that hyper's own error answers can be
        // recognized and rewritten whole (see `JsonParseErrors`).
        .writev(false);
    let io = TokioIo::new(JsonParseErrors::new(stream));
    let conn = http.serve_connection(io, TowerToHyperService::new(app));
    let mut conn = pin!(conn);
    let mut asked_to_close = false;
    loop {
        tokio::select! {
            done = conn.as_mut() => {
                if let Err(e) = done {
                    // Header timeouts, resets, unparseable requests: the
                    // client's doing, not worth more than a debug line.
                    tracing::debug!(error = %e, "connection ended");
                }
                return;
            }
            _ = closing.wait_for(|c| *c), if !asked_to_close => {
                asked_to_close = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// Wraps a connection's stream to give hyper's own error answers a JSON
/// body. hyper answers a request it cannot parse (400), whose target is
/// too long (414) or whose head is too large (431) by itself, with an empty
/// body, before any service runs; such an answer is a lone head with
/// `content-length: 0`, which no route of this API sends, so it is
/// recognized and replaced by the same answer with an error body and a
/// request id.
struct JsonParseErrors<T> {
    inner: T,
    /// A replacement being written: its bytes, how many are written, and
    /// the length of the buffer it replaces.
    pending: Option<(Vec<u8>, usize, usize)>,
}

impl<T> JsonParseErrors<T> {
    fn new(inner: T) -> Self {
        JsonParseErrors {
            inner,
            pending: None,
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for JsonParseErrors<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for JsonParseErrors<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.pending.is_none()
            && let Some(replacement) = with_json_body(buf)
        {
            this.pending = Some((replacement, 0, buf.len()));
        }
        let Some((bytes, written, replaces)) = &mut this.pending else {
            return Pin::new(&mut this.inner).poll_write(cx, buf);
        };
        while *written < bytes.len() {
            match Pin::new(&mut this.inner).poll_write(cx, &bytes[*written..]) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => *written += n,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        let replaces = *replaces;
        this.pending = None;
        Poll::Ready(Ok(replaces))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// hyper's bodiless error answer in `buf`, rewritten with a JSON body and a
/// request id; `None` for anything else.
fn with_json_body(buf: &[u8]) -> Option<Vec<u8>> {
    let head = std::str::from_utf8(buf).ok()?;
    let head = head.strip_suffix("\r\n\r\n")?;
    if head.contains("\r\n\r\n") {
        return None;
    }
    let (status_line, fields) = head.split_once("\r\n")?;
    let error = match status_line.strip_prefix("HTTP/1.1 ")?.get(..4)? {
        "400 " => ApiError::bad_request("the request is not valid HTTP/1.1"),
        "414 " => ApiError::UriTooLong,
        "431 " => ApiError::HeadersTooLarge,
        _ => return None,
    };
    let mut kept = Vec::new();
    let mut empty = false;
    for field in fields.split("\r\n") {
        let name = field.split(':').next().unwrap_or("").trim();
        if name.eq_ignore_ascii_case("content-length") {
            empty = field.split_once(':').is_some_and(|(_, v)| v.trim() == "0");
        } else if !name.eq_ignore_ascii_case("connection") {
            kept.push(field);
        }
    }
    if !empty {
        return None;
    }
    let id = new_request_id();
    tracing::info!(
        request_id = %id,
        status = error.status().as_u16(),
        "refused a request before reading it: {}",
        error.message()
    );
    let body = serde_json::to_vec(&error.body(id.clone())).ok()?;
    let mut out = format!(
        "{status_line}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n{REQUEST_ID}: {id}\r\n",
        body.len()
    );
    for field in kept {
        out.push_str(field);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(&body);
    Some(out)
}

fn new_request_id() -> String {
    MakeRequestUuid
        .make_request_id(&Request::new(()))
        .and_then(|id| id.header_value().to_str().ok().map(str::to_string))
        .unwrap_or_default()
}

/// The edge's layers around `app`, innermost first: the body-size check,
/// error bodies and path display, the request id's propagation, the
/// request's log span, the request id itself.
pub fn layers(app: Router, state: AppState, limits: Limits) -> Router {
    app.layer(from_fn_with_state(limits.body, refuse_oversized_body))
        .layer(from_fn_with_state(state, finish))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("");
                    tracing::info_span!(
                        "request",
                        request_id = %id,
                        method = %req.method(),
                        path = %req.uri().path()
                    )
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::DEBUG))
                // `finish` logs 5xx with their details.
                .on_failure(()),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(from_fn(drop_unusable_request_id))
}

/// A client's `x-request-id` is kept when it is a short token (a proxy's
/// id, say), so that its logs and ours can be joined; anything else is
/// replaced by a new id rather than written into the logs.
async fn drop_unusable_request_id(mut req: Request, next: Next) -> Response {
    let usable = req.headers().get(REQUEST_ID).is_some_and(|v| {
        let b = v.as_bytes();
        (1..=64).contains(&b.len())
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || b"-_.:".contains(c))
    });
    if !usable {
        req.headers_mut().remove(REQUEST_ID);
    }
    next.run(req).await
}

/// 413 for a declared body over the limit, before the body is read: a
/// client that sent `Expect: 100-continue` gets the 413 instead of `100
/// Continue`. (Bodies without a length are cut at the limit while read.)
async fn refuse_oversized_body(State(limit): State<usize>, req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return ApiError::PayloadTooLarge.into_response();
    }
    next.run(req).await
}

/// A route's time limit (route layer; the limit is the route's).
pub(super) async fn time_limit(
    State(limit): State<Duration>,
    req: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::Timeout(limit).into_response(),
    }
}

/// After the handler: logs 5xx with their details under the request id,
/// puts the request id in every error body (and gives a JSON body to
/// errors that have none), and shows the server's paths relative to the
/// config directory.
async fn finish(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let head = req.method() == Method::HEAD;
    let mut resp = next.run(req).await;
    let status = resp.status();
    let error = resp.extensions_mut().remove::<ApiError>();
    if status.is_server_error() {
        let detail = error
            .as_ref()
            .map_or_else(|| status.to_string(), ApiError::detail);
        tracing::error!(request_id = %id, status = status.as_u16(), "request failed: {detail}");
    }
    let failed = status.is_client_error() || status.is_server_error();
    let json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let paths = if json {
        shown_paths(&state)
    } else {
        Vec::new()
    };
    if head || (!failed && paths.is_empty()) {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(request_id = %id, "reading a response body failed: {e}");
            return (status, axum::Json(ApiError::internal("").body(id))).into_response();
        }
    };
    let mut text = if failed {
        with_request_id(&bytes, json, status, &id)
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    if failed && !json {
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    for (from, to) in &paths {
        text = replace_path(&text, from, to);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(text))
}

/// An error body with the request id: a JSON object gets it added; any
/// other body (empty, or text from a layer below) becomes a JSON error
/// named after the status.
fn with_request_id(bytes: &[u8], json: bool, status: StatusCode, id: &str) -> String {
    if json && let Ok(Value::Object(mut m)) = serde_json::from_slice::<Value>(bytes) {
        m.insert("request_id".into(), Value::String(id.to_string()));
        if let Ok(s) = serde_json::to_string(&m) {
            return s;
        }
    }
    let body = ErrorBody {
        error: status
            .canonical_reason()
            .unwrap_or("request failed")
            .to_lowercase(),
        request_id: id.to_string(),
    };
    serde_json::to_string(&body).unwrap_or_default()
}

/// The absolute paths of the server that responses may name, each with
/// what to show instead (relative to the config directory; without a
/// config file, to the keyword directory's parent), longest first, as
/// they appear inside JSON strings.
fn shown_paths(state: &AppState) -> Vec<(String, String)> {
    let Some(live) = &state.inner.live else {
        return Vec::new();
    };
    let keywords = live.reloader.keywords_dir();
    let base = match live.reloader.config_dir() {
        Some(dir) if dir.as_os_str().is_empty() => PathBuf::from("."),
        Some(dir) => dir.to_path_buf(),
        None => keywords.parent().unwrap_or(Path::new(".")).to_path_buf(),
    };
    let Ok(base) = std::path::absolute(&base) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = vec![base.clone(), keywords.to_path_buf()];
    for source in live.scheduler.sources() {
        dirs.extend(source.config.path.clone());
        dirs.extend(source.config.seed.clone());
    }
    let mut pairs: Vec<(String, String)> = dirs
        .into_iter()
        .filter(|d| d.is_absolute())
        .filter_map(|d| {
            let shown = relative(&base, &d);
            let from = serde_json::to_string(&d.to_string_lossy()).ok()?;
            let to = serde_json::to_string(&shown.to_string_lossy()).ok()?;
            Some((unquote(&from), unquote(&to)))
        })
        .filter(|(from, to)| from != to && from.len() > 1)
        .collect();
    pairs.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
    pairs.dedup();
    pairs
}

fn unquote(json: &str) -> String {
    json.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(json)
        .to_string()
}

/// `target` relative to `base`, lexically (both absolute).
fn relative(base: &Path, target: &Path) -> PathBuf {
    let b: Vec<Component> = base.components().collect();
    let t: Vec<Component> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        out
    }
}

/// `text` with each whole occurrence of the path `from` (not part of a
/// longer name) replaced by `to`.
fn replace_path(text: &str, from: &str, to: &str) -> String {
    let continues = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "._-~".contains(c));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = if at > 0 {
            rest[..at].chars().next_back()
        } else {
            out.chars().next_back()
        };
        let after = rest[at + from.len()..].chars().next();
        out.push_str(&rest[..at]);
        if continues(before) || before == Some('/') || continues(after) {
            out.push_str(from);
        } else {
            out.push_str(to);
        }
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_relative_to_the_config_directory() {
        let base = Path::new("/srv/yuqing/config");
        assert_eq!(
            relative(base, Path::new("/srv/yuqing/keywords")),
            PathBuf::from("../keywords")
        );
        assert_eq!(relative(base, base), PathBuf::from("."));
        assert_eq!(
            relative(base, Path::new("/srv/yuqing/config/inbox")),
            PathBuf::from("inbox")
        );
        let text = r#"{"rule":"/srv/yuqing/keywords/emergency.txt:13","dir":"/srv/yuqing/keywords","other":"/srv/yuqing/keywords2/x","x":"/a/srv/yuqing/keywords/y"}"#;
        assert_eq!(
            replace_path(text, "/srv/yuqing/keywords", "../keywords"),
            r#"{"rule":"../keywords/emergency.txt:13","dir":"../keywords","other":"/srv/yuqing/keywords2/x","x":"/a/srv/yuqing/keywords/y"}"#
        );
    }

    /// Log lines written while `f` runs on this thread.
    #[derive(Clone, Default)]
    struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if let Ok(mut v) = self.0.lock() {
                v.extend_from_slice(buf);
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_5xx_logs_its_detail_under_the_request_id_and_does_not_send_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let rules = crate::classify::RuleSet::load_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("keywords"),
            crate::text::Normalizer::shared().expect("normalizer"),
        )
        .expect("shipped lists");
        let pipeline = crate::pipeline::Pipeline::new(
            crate::classify::Classifier::new(rules).expect("classifier"),
            crate::store::Store::open(&dir.path().join("store")).expect("store"),
            chrono::Utc::now(),
        )
        .expect("pipeline");
        let state = AppState::new(std::sync::Arc::new(pipeline), Vec::new());
        let app = Router::new().route(
            "/boom",
            axum::routing::get(|| async {
                ApiError::internal("store: IO error at /srv/yuqing/store/db: disk full")
            }),
        );
        let app = layers(app, state, Limits::default());
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address");
        let logs = Captured::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        tokio::spawn(serve_with(
            listener,
            app,
            std::future::pending(),
            ServeOptions::default(),
        ));
        let resp = reqwest::get(format!("http://{addr}/boom"))
            .await
            .expect("response");
        assert_eq!(resp.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let id = resp
            .headers()
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let body = resp.text().await.expect("body");
        assert!(
            !body.contains("/srv") && !body.contains("disk full"),
            "{body}"
        );
        let v: Value = serde_json::from_str(&body).unwrap_or_default();
        assert_eq!(v["request_id"], id.as_str());
        let logs = logs
            .0
            .lock()
            .map(|l| String::from_utf8_lossy(&l).into_owned());
        let logs = logs.unwrap_or_default();
        let line = logs.lines().find(|l| l.contains("request failed"));
        assert!(
            line.is_some_and(|l| l.contains(&id) && l.contains("disk full")),
            "{logs}"
        );
    }

    #[tokio::test]
    async fn slow_requests_get_503_after_their_time_limit() {
        let app = Router::new().route(
            "/slow",
            axum::routing::get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            })
            .route_layer(from_fn_with_state(Duration::from_millis(100), time_limit)),
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address");
        tokio::spawn(serve_with(
            listener,
            app,
            std::future::pending(),
            ServeOptions::default(),
        ));
        let started = std::time::Instant::now();
        let resp = reqwest::get(format!("http://{addr}/slow"))
            .await
            .expect("response");
        assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(started.elapsed() < Duration::from_secs(2));
        let v: Value = serde_json::from_str(&resp.text().await.expect("body")).unwrap_or_default();
        assert!(
            v["error"]
                .as_str()
                .is_some_and(|e| e.contains("within 100ms")),
            "{v}"
        );
    }

    #[test]
    fn hyper_error_heads_get_json_bodies_and_nothing_else_does() {
        let bare = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\ndate: Tue, 01 Dec 2026 00:00:00 GMT\r\n\r\n";
        let out = with_json_body(bare).map(|b| String::from_utf8_lossy(&b).into_owned());
        let out = out.unwrap_or_default();
        assert!(out.starts_with("HTTP/1.1 431 "), "{out}");
        assert!(out.contains("content-type: application/json\r\n"), "{out}");
        assert!(out.contains("date: Tue"), "{out}");
        let (_, body) = out.split_once("\r\n\r\n").unwrap_or_default();
        let v: Value = serde_json::from_str(body).unwrap_or_default();
        assert!(
            v["error"].as_str().is_some_and(|e| e.contains("header")),
            "{v}"
        );
        assert!(
            v["request_id"].as_str().is_some_and(|r| !r.is_empty()),
            "{v}"
        );
        // A response of the API's own, or a 4xx with a body: left alone.
        assert!(with_json_body(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").is_none());
        assert!(
            with_json_body(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 12\r\n\r\n{\"error\":1}")
                .is_none()
        );
    }
}
