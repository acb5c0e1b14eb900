//! Console sessions: sign-in with a token from the config, then an
//! HttpOnly, SameSite=Strict cookie naming a random session id, and a
//! per-session CSRF token that every form carries.
//!
//! Sessions live in memory: a restart signs everyone out, which is the safe
//! failure for a duty room (nothing to steal from disk). The token itself is
//! never stored in the session, a cookie, a URL or a page.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine as _;
use chrono::{DateTime, Utc};

use super::ConsoleState;
use crate::config::Role;

/// Name of the session cookie.
pub const COOKIE: &str = "yuqing_session";

/// How long a session lasts from sign-in: a duty shift with margin.
pub const SESSION_TTL: Duration = Duration::from_secs(12 * 3600);

/// Sessions kept at most; past it the oldest are dropped (a flood of
/// sign-ins must not grow memory without bound).
const MAX_SESSIONS: usize = 10_000;

/// Form field and request header that carry the CSRF token.
pub const CSRF_FIELD: &str = "_csrf";

/// When an analyst last looked at the queue: cases opened or updated after
/// it are marked new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// The highest case id that existed then.
    pub max_case: u64,
    /// When.
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
struct Session {
    name: String,
    role: Role,
    csrf: String,
    created: Instant,
    looked: Option<Look>,
}

/// The signed-in user of a request (the extractor of every console page
/// but the sign-in form). Without a valid session, pages redirect to the
/// sign-in form and the queue's refresh gets 401.
#[derive(Debug, Clone)]
pub struct Me {
    /// Session id (the cookie's value).
    pub id: String,
    /// The token's name: the actor recorded in case histories.
    pub name: String,
    /// The token's role.
    pub role: Role,
    /// The session's CSRF token, put in every form.
    pub csrf: String,
}

/// Every live session.
#[derive(Debug, Default)]
pub struct Sessions {
    map: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        // A panic while holding this lock leaves a consistent map (every
        // change is one insert or remove).
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Opens a session for a signed-in token; `None` when the system's
    /// random source fails.
    pub fn create(&self, name: &str, role: Role) -> Option<Me> {
        let id = random_token()?;
        let csrf = random_token()?;
        let mut map = self.lock();
        map.retain(|_, s| s.created.elapsed() < SESSION_TTL);
        if map.len() >= MAX_SESSIONS {
            let oldest = map
                .iter()
                .min_by_key(|(_, s)| s.created)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                map.remove(&k);
            }
        }
        map.insert(
            id.clone(),
            Session {
                name: name.to_string(),
                role,
                csrf: csrf.clone(),
                created: Instant::now(),
                looked: None,
            },
        );
        Some(Me {
            id,
            name: name.to_string(),
            role,
            csrf,
        })
    }

    /// The live session `id`; an expired one is removed.
    fn get(&self, id: &str) -> Option<Me> {
        let mut map = self.lock();
        let s = map.get(id)?;
        if s.created.elapsed() >= SESSION_TTL {
            map.remove(id);
            return None;
        }
        Some(Me {
            id: id.to_string(),
            name: s.name.clone(),
            role: s.role,
            csrf: s.csrf.clone(),
        })
    }

    /// Ends session `id`.
    pub fn remove(&self, id: &str) {
        self.lock().remove(id);
    }

    /// Records a look at the queue; returns the one before.
    pub fn look(&self, id: &str, now: Look) -> Option<Look> {
        self.lock().get_mut(id).and_then(|s| s.looked.replace(now))
    }
}

/// 32 random bytes from the system's CSPRNG, base64url: unguessable ids and
/// CSRF tokens.
fn random_token() -> Option<String> {
    use aws_lc_rs::rand::SecureRandom as _;
    let mut bytes = [0u8; 32];
    aws_lc_rs::rand::SystemRandom::new().fill(&mut bytes).ok()?;
    Some(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// The value of cookie `name` in the request's `Cookie` headers.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// `Set-Cookie` for a new session (or, with `None`, one that deletes it).
pub fn set_cookie(id: Option<&str>, secure: bool) -> HeaderValue {
    let mut v = match id {
        Some(id) => format!(
            "{COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}",
            SESSION_TTL.as_secs()
        ),
        None => format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    };
    if secure {
        v.push_str("; Secure");
    }
    // Ids are base64url: always a valid header value.
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Equal in constant time, so timing does not tell how much of a CSRF
/// token was right.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl ConsoleState {
    /// The signed-in user of a request with these headers, if any.
    pub fn me(&self, headers: &HeaderMap) -> Option<Me> {
        self.inner.sessions.get(cookie(headers, COOKIE)?)
    }
}

/// True when the request came from the console's own script (its refresh
/// wants a status code, not a redirect to the sign-in page).
pub fn from_script(headers: &HeaderMap) -> bool {
    headers
        .get("x-requested-with")
        .is_some_and(|v| v.as_bytes() == b"fetch")
}

/// Where a request without a session goes: the sign-in form, coming back
/// to the page asked for (a local path only; a form sent after the session
/// expired comes back to the queue, since its target is not a page).
pub fn to_sign_in(method: &Method, uri: &Uri, headers: &HeaderMap) -> Response {
    if from_script(headers) {
        return (StatusCode::UNAUTHORIZED, "未登录或会话已过期").into_response();
    }
    let back = if method == Method::GET {
        uri.path_and_query().map_or("/", |p| p.as_str())
    } else {
        "/"
    }
    .to_string();
    let target = if back == "/" {
        "/login".to_string()
    } else {
        format!("/login?next={}", super::view::url_encode(&back))
    };
    Redirect::to(&target).into_response()
}

impl FromRequestParts<ConsoleState> for Me {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &ConsoleState,
    ) -> Result<Self, Self::Rejection> {
        state
            .me(&parts.headers)
            .ok_or_else(|| to_sign_in(&parts.method, &parts.uri, &parts.headers))
    }
}

/// Why a state-changing request was refused; each is a 403.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The `Origin` header names another site.
    CrossSite,
    /// The form's CSRF token is missing or wrong.
    BadToken,
    /// The session's role is below what the action needs.
    Role {
        /// The session's role.
        have: Role,
        /// What the action needs.
        need: Role,
    },
}

impl Refused {
    /// What the person is told.
    pub fn message(self) -> String {
        match self {
            Refused::CrossSite => "请求来自其他网站，已拒绝。请在本系统的页面上操作。".into(),
            Refused::BadToken => "表单已过期或来源不明，已拒绝。请刷新页面后重新提交。".into(),
            Refused::Role { have, need } => format!(
                "当前身份为「{}」，此操作需要「{}」或以上权限。",
                super::view::role_label(have),
                super::view::role_label(need)
            ),
        }
    }
}

impl Me {
    /// Checks a state-changing request: same-origin (when the browser says
    /// where it came from), the session's CSRF token, and the role.
    pub fn check(
        &self,
        headers: &HeaderMap,
        token: Option<&str>,
        need: Role,
    ) -> Result<(), Refused> {
        same_origin(headers)?;
        if !token.is_some_and(|t| same_secret(t, &self.csrf)) {
            return Err(Refused::BadToken);
        }
        if self.role < need {
            return Err(Refused::Role {
                have: self.role,
                need,
            });
        }
        Ok(())
    }
}

/// A browser's `Origin` must name this host; requests without one (older
/// browsers, tools) rely on the CSRF token and the SameSite cookie.
pub fn same_origin(headers: &HeaderMap) -> Result<(), Refused> {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, rest)| rest);
    match origin_host {
        Some(h) if !host.is_empty() && h.eq_ignore_ascii_case(host) => Ok(()),
        _ => Err(Refused::CrossSite),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_open_find_and_end() {
        let s = Sessions::default();
        let me = s.create("分析员", Role::Analyst).unwrap();
        assert_eq!(me.id.len(), 43, "32 bytes, base64url");
        assert_ne!(me.id, me.csrf);
        let found = s.get(&me.id).unwrap();
        assert_eq!(found.name, "分析员");
        assert_eq!(found.role, Role::Analyst);
        assert!(s.get("forged").is_none());
        s.remove(&me.id);
        assert!(s.get(&me.id).is_none());
    }

    #[test]
    fn looks_are_swapped() {
        let s = Sessions::default();
        let me = s.create("a", Role::Viewer).unwrap();
        let t = Utc::now();
        let first = Look { max_case: 3, at: t };
        assert_eq!(s.look(&me.id, first), None);
        assert_eq!(s.look(&me.id, Look { max_case: 5, at: t }), Some(first));
    }

    #[test]
    fn cookies_are_read_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; yuqing_session=abc ; b=2"),
        );
        assert_eq!(cookie(&h, COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
        let set = set_cookie(Some("abc"), false);
        let set = set.to_str().unwrap();
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Strict"));
        assert!(set.contains("Max-Age=43200") && !set.contains("Secure"));
        assert!(set_cookie(None, true).to_str().unwrap().ends_with("Secure"));
    }

    #[test]
    fn origin_must_be_this_host() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8700"));
        assert_eq!(same_origin(&h), Ok(()));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:8700"),
        );
        assert_eq!(same_origin(&h), Ok(()));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert_eq!(same_origin(&h), Err(Refused::CrossSite));
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert_eq!(same_origin(&h), Err(Refused::CrossSite));
    }

    #[test]
    fn check_wants_the_token_then_the_role() {
        let s = Sessions::default();
        let viewer = s.create("v", Role::Viewer).unwrap();
        let h = HeaderMap::new();
        assert_eq!(
            viewer.check(&h, None, Role::Analyst),
            Err(Refused::BadToken)
        );
        assert_eq!(
            viewer.check(&h, Some(&viewer.csrf), Role::Analyst),
            Err(Refused::Role {
                have: Role::Viewer,
                need: Role::Analyst
            })
        );
        assert_eq!(viewer.check(&h, Some(&viewer.csrf), Role::Viewer), Ok(()));
    }
}
