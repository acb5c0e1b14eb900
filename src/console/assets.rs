//! The console's stylesheet, script and icon, embedded in the binary and
//! served under URLs that carry a hash of their content, so browsers may
//! cache them for good and still never run a stale script after an upgrade.

use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const CSS: &str = include_str!("assets/console.css");
const JS: &str = include_str!("assets/console.js");
const ICON: &str = include_str!("assets/icon.svg");

fn hashed(name: &str, ext: &str, body: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut h);
    format!(
        "/assets/{name}.{:012x}.{ext}",
        h.finish() & 0xffff_ffff_ffff
    )
}

static CSS_URL: LazyLock<String> = LazyLock::new(|| hashed("console", "css", CSS));
static REPORT_CSS_URL: LazyLock<String> =
    LazyLock::new(|| hashed("report", "css", crate::reports::html::CSS));
static JS_URL: LazyLock<String> = LazyLock::new(|| hashed("console", "js", JS));

/// The stylesheet's URL.
pub fn css_url() -> &'static str {
    CSS_URL.as_str()
}

/// The reports' stylesheet's URL.
pub fn report_css_url() -> &'static str {
    REPORT_CSS_URL.as_str()
}

/// The script's URL.
pub fn js_url() -> &'static str {
    JS_URL.as_str()
}

/// `GET /assets/{file}`: the current stylesheet and script (any other
/// hash is 404: it was never served by this binary).
pub(super) async fn serve(Path(file): Path<String>) -> Response {
    let path = format!("/assets/{file}");
    let (body, kind) = if path == *CSS_URL {
        (CSS, "text/css; charset=utf-8")
    } else if path == *REPORT_CSS_URL {
        (crate::reports::html::CSS, "text/css; charset=utf-8")
    } else if path == *JS_URL {
        (JS, "text/javascript; charset=utf-8")
    } else if file == "icon.svg" {
        (ICON, "image/svg+xml")
    } else {
        return (StatusCode::NOT_FOUND, "没有这个文件").into_response();
    };
    let mut resp = (StatusCode::OK, body).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    resp
}

/// `GET /favicon.ico`: browsers ask for it whatever the page says.
pub(super) async fn favicon() -> Response {
    let mut resp = (StatusCode::OK, ICON).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    resp
}
