//! Bearer-token auth: no or unknown token → 401, a token whose role is
//! below the route's → 403. The caller's name becomes the actor of what it
//! does.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{ApiError, AppState};
use crate::config::{Role, Token};

/// Who is calling; put in the request's extensions by [`require`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The token's name (recorded as the actor).
    pub name: String,
    /// Its role.
    pub role: Role,
}

/// Middleware: lets the request through when its token's role is at least
/// `role`.
pub async fn require(
    State((state, role)): State<(AppState, Role)>,
    mut req: Request,
    next: Next,
) -> Response {
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        });
    let Some(presented) = presented else {
        return ApiError::Unauthorized("send a token: Authorization: Bearer <token>")
            .into_response();
    };
    let Some(token) = find(&state.inner.tokens, presented) else {
        return ApiError::Unauthorized("the token is not valid").into_response();
    };
    if token.role < role {
        return ApiError::Forbidden(format!(
            "the token '{}' has role {}; this needs {}",
            token.name,
            token.role.name(),
            role.name()
        ))
        .into_response();
    }
    req.extensions_mut().insert(Principal {
        name: token.name.clone(),
        role: token.role,
    });
    next.run(req).await
}

/// The token equal to `presented`, comparing every token in constant time
/// so that timing does not reveal how much of a secret was right.
pub(crate) fn find<'a>(tokens: &'a [Token], presented: &str) -> Option<&'a Token> {
    let mut found = None;
    for t in tokens {
        if constant_time_eq(t.secret.as_bytes(), presented.as_bytes()) {
            found = Some(t);
        }
    }
    found
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_the_exact_token() {
        let tokens = vec![Token {
            name: "a".into(),
            role: Role::Viewer,
            secret: "0123456789abcdef".into(),
        }];
        assert!(find(&tokens, "0123456789abcdef").is_some());
        assert!(find(&tokens, "0123456789abcdeF").is_none());
        assert!(find(&tokens, "0123456789abcde").is_none());
        assert!(find(&tokens, "").is_none());
    }
}
