//! API errors: one enum, one status mapping, one body shape.
//!
//! Every failure the API answers is an [`ApiError`]; its variant decides the
//! status ([`ApiError::status`]) and the text clients see
//! ([`ApiError::message`]). The body is `{"error": "...", "request_id":
//! "..."}`: the request id is added by the edge ([`super::edge`]), which also
//! logs the details of 5xx errors under it. Those details (store errors name
//! the store's path) are never sent.
//!
//! The extractors of this module ([`Json`], [`Query`], [`Path`]) turn the
//! framework's plain-text rejections into the same JSON errors.

use std::time::Duration;

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::pipeline::{ActError, PipelineError};
use crate::store::PageError;
use crate::store::StoreError;

/// An error answered to an API client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 400: a parameter or body that cannot be read.
    BadRequest(String),
    /// 401: no token, or one that is not valid.
    Unauthorized(&'static str),
    /// 403: the token's role is below the route's.
    Forbidden(String),
    /// 404: no such record or route.
    NotFound(String),
    /// 405: the route exists, not with this method.
    MethodNotAllowed,
    /// 409: the record's state does not allow it now.
    Conflict(String),
    /// 410: a cursor whose snapshot has expired.
    Gone(String),
    /// 413: a body over the configured limit.
    PayloadTooLarge,
    /// 414: a request line over the limit.
    UriTooLong,
    /// 415: a body that is not declared as JSON.
    UnsupportedMediaType,
    /// 422: a well-formed body that cannot be applied.
    Unprocessable(String),
    /// 431: header fields over the limit.
    HeadersTooLarge,
    /// 503: a part of the daemon this route needs is not running.
    Unavailable(String),
    /// 503: the request did not complete in time.
    Timeout(Duration),
    /// 500: a failure of the server's own. The detail is logged with the
    /// request id, never sent.
    Internal(String),
}

/// The body of every error response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    /// What went wrong, for people.
    pub error: String,
    /// The request's id (also in the `x-request-id` header): the server's
    /// log lines for the request carry it. The edge fills it in for every
    /// response; it is empty (and left out) only before that.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[schema(required = true)]
    pub request_id: String,
}

impl ApiError {
    /// 400 Bad Request.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::BadRequest(message.into())
    }

    /// 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::NotFound(message.into())
    }

    /// 500, for failures of the server's own (store, task). `detail` is
    /// logged, not sent.
    pub fn internal(detail: impl Into<String>) -> Self {
        ApiError::Internal(detail.into())
    }

    /// The status of this error: the only place it is decided.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Gone(_) => StatusCode::GONE,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UriTooLong => StatusCode::URI_TOO_LONG,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::HeadersTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::Unavailable(_) | ApiError::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The text the client sees.
    pub fn message(&self) -> String {
        match self {
            ApiError::BadRequest(m)
            | ApiError::Forbidden(m)
            | ApiError::NotFound(m)
            | ApiError::Conflict(m)
            | ApiError::Gone(m)
            | ApiError::Unprocessable(m)
            | ApiError::Unavailable(m) => m.clone(),
            ApiError::Unauthorized(m) => (*m).to_string(),
            ApiError::MethodNotAllowed => format!(
                "method not allowed on this route (the Allow header lists those that are); see {}/openapi.json",
                super::PREFIX
            ),
            ApiError::PayloadTooLarge => {
                "the request body is larger than the configured limit (api.body_limit)".into()
            }
            ApiError::UriTooLong => format!(
                "the request target (path and query) is longer than {} bytes",
                super::edge::MAX_URI_BYTES
            ),
            ApiError::UnsupportedMediaType => {
                "send the body as JSON with Content-Type: application/json".into()
            }
            ApiError::HeadersTooLarge => format!(
                "the request's header fields are larger than {} bytes or more than {}",
                super::edge::MAX_HEADER_BYTES,
                super::edge::MAX_HEADERS
            ),
            ApiError::Timeout(limit) => format!(
                "the request did not complete within {limit:?}; work it started may still finish"
            ),
            ApiError::Internal(_) => {
                "internal error; the server logged it under this request id".into()
            }
        }
    }

    /// What the server logs: the message, and for 500 the detail.
    pub fn detail(&self) -> String {
        match self {
            ApiError::Internal(detail) => detail.clone(),
            other => other.message(),
        }
    }

    /// The body, with the request id (empty when not known yet).
    pub fn body(&self, request_id: String) -> ErrorBody {
        ErrorBody {
            error: self.message(),
            request_id,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status().as_u16(), self.detail())
    }
}

impl IntoResponse for ApiError {
    /// The JSON error without a request id, and the error itself in the
    /// response's extensions: the edge adds the id and logs 5xx details.
    fn into_response(self) -> Response {
        let mut resp = (self.status(), axum::Json(self.body(String::new()))).into_response();
        if let ApiError::Unauthorized(_) = self {
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"yuqing\""),
            );
        }
        resp.extensions_mut().insert(self);
        resp
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Page(p @ PageError::Expired) => ApiError::Gone(p.to_string()),
            StoreError::Page(p) => ApiError::BadRequest(p.to_string()),
            StoreError::BadCursor => ApiError::BadRequest(e.to_string()),
            other => ApiError::Internal(format!("store: {other}")),
        }
    }
}

impl From<PipelineError> for ApiError {
    fn from(e: PipelineError) -> Self {
        match e {
            PipelineError::Store(s) => s.into(),
            PipelineError::Panicked => ApiError::Internal(e.to_string()),
            other @ (PipelineError::Empty | PipelineError::NoSource) => {
                ApiError::Unprocessable(other.to_string())
            }
        }
    }
}

impl From<ActError> for ApiError {
    fn from(e: ActError) -> Self {
        use crate::cases::ActionError;
        match e {
            ActError::NotFound(_) => ApiError::NotFound(e.to_string()),
            ActError::Action(a @ ActionError::InvalidTransition { .. }) => {
                ApiError::Conflict(a.to_string())
            }
            ActError::Action(a @ ActionError::Invalid(_)) => ApiError::Unprocessable(a.to_string()),
            ActError::Store(s) => s.into(),
        }
    }
}

/// `axum::Json` whose rejections are JSON errors.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Json(v)),
            Err(r) => Err(json_rejection(r)),
        }
    }
}

fn json_rejection(r: JsonRejection) -> ApiError {
    match r.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        StatusCode::UNPROCESSABLE_ENTITY => ApiError::Unprocessable(r.body_text()),
        s if s.is_server_error() => ApiError::Internal(r.body_text()),
        _ => ApiError::BadRequest(r.body_text()),
    }
}

/// `axum::extract::Query` whose rejections are JSON errors.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Query(v)),
            Err(r) => Err(query_rejection(r)),
        }
    }
}

fn query_rejection(r: QueryRejection) -> ApiError {
    ApiError::BadRequest(r.body_text())
}

/// `axum::extract::Path` whose rejections are JSON errors: a path parameter
/// that does not parse (`/cases/abc`) is a 400 naming it.
#[derive(Debug)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(Path(v)),
            Err(r) => Err(path_rejection(r)),
        }
    }
}

fn path_rejection(r: PathRejection) -> ApiError {
    use axum::extract::path::ErrorKind;
    match r {
        PathRejection::FailedToDeserializePathParams(e) => match e.kind() {
            ErrorKind::ParseError {
                value,
                expected_type,
            }
            | ErrorKind::ParseErrorAtIndex {
                value,
                expected_type,
                ..
            } if expected_type.starts_with('u') || expected_type.starts_with('i') => {
                ApiError::BadRequest(format!(
                    "'{value}' in the path is not an id: ids are whole numbers from 0 to {}",
                    u64::MAX
                ))
            }
            _ => ApiError::BadRequest(format!("the path is not valid: {}", e.body_text())),
        },
        // The route and the extractor disagree: a bug of ours.
        other => ApiError::Internal(other.body_text()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_errors_never_show_their_detail() {
        let e = ApiError::internal("store: IO error at /srv/yuqing/store/db: disk full");
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!e.message().contains("/srv"), "{}", e.message());
        assert!(e.detail().contains("/srv"));
        let body = serde_json::to_value(e.body("r1".into())).unwrap_or_default();
        assert!(!body.to_string().contains("/srv"), "{body}");
        assert_eq!(body["request_id"], "r1");
    }
}
