//! `/reports/…`: the reports the office files ([`crate::reports`]) as
//! .docx (default), a printable page or JSON, each a download with its
//! Chinese file name.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::error::{ErrorBody, Path, Query};
use super::model::{CaseReportQuery, DailyReportQuery, PeriodReportQuery};
use super::{ApiError, AppState, blocking, parse_time};
use crate::reports::{
    Ask, Daily, Format, Period, Rendered, ReportError, daily_ask, gather, period_ask,
};

/// A .docx file, as the OpenAPI document describes it (binary). Only its
/// schema is used: handlers send the bytes of a [`Rendered`].
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct DocxFile(Vec<u8>);

impl From<ReportError> for ApiError {
    fn from(e: ReportError) -> Self {
        match e {
            ReportError::Store(e) => e.into(),
            ReportError::NoCase(id) => ApiError::not_found(format!("case {id} does not exist")),
            ReportError::Range(m) => ApiError::bad_request(m),
            e => ApiError::internal(e.to_string()),
        }
    }
}

/// The CSP of a report page: nothing runs, its own inline stylesheet
/// applies.
const PAGE_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The response carrying `r`: its type, and its name for saving (the
/// console serves its downloads through it too).
pub fn respond(r: Rendered) -> Response {
    let inline = r.format != Format::Docx;
    let mut resp = r.bytes.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(r.format.content_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&crate::reports::content_disposition(&r.file_name, inline))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if r.format == Format::Html {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(PAGE_CSP),
        );
    }
    resp
}

async fn make(state: &AppState, ask: Ask, format: Option<Format>) -> Result<Response, ApiError> {
    let now = state.now();
    let store = state.pipeline().store().clone();
    let office = state.inner.office.clone();
    let format = format.unwrap_or_default();
    let rendered = blocking(move || Ok(gather(&store, &office, ask, now)?.render(format)?)).await?;
    Ok(respond(rendered))
}

/// `GET /reports/daily`.
#[utoipa::path(
    get,
    path = "/reports/daily",
    summary = "The daily log (舆情日志) of a day or a duty shift, as .docx, a printable page or JSON",
    params(DailyReportQuery),
    responses(
        (status = 200, description = "The log: new and escalated cases by severity and category, closed and overdue (催办) cases. A download named 舆情日志_DATE.EXT (Content-Disposition, UTF-8 filename*)",
            content(
                (DocxFile = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (String = "text/html"),
                (Daily = "application/json"),
            )),
        (status = 400, description = "A date or time that cannot be read, date with from/to, a shift that ends before it starts or is longer than 7 days", body = ErrorBody),
    )
)]
pub(super) async fn daily(
    State(state): State<AppState>,
    Query(q): Query<DailyReportQuery>,
) -> Result<Response, ApiError> {
    let from = parse_time("from", q.from.as_deref())?;
    let to = parse_time("to", q.to.as_deref())?;
    let ask = daily_ask(q.date.as_deref(), from, to, state.now()).map_err(ApiError::bad_request)?;
    make(&state, ask, q.format).await
}

/// `GET /reports/cases/{id}`.
#[utoipa::path(
    get,
    path = "/reports/cases/{id}",
    summary = "The special report (舆情专报) of one case, as .docx, a printable page or JSON",
    params(("id" = u64, Path, description = "Case id"), CaseReportQuery),
    responses(
        (status = 200, description = "The report: summary, timeline and spread of its items, severity and reasons, deadlines met or missed, response, analysts' notes. A download named 舆情专报_ID_DATE.EXT",
            content(
                (DocxFile = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (String = "text/html"),
                (crate::reports::CaseReport = "application/json"),
            )),
        (status = 400, description = "The id is not a whole number, or an unknown format", body = ErrorBody),
        (status = 404, description = "No case has this id", body = ErrorBody),
    )
)]
pub(super) async fn case(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Query(q): Query<CaseReportQuery>,
) -> Result<Response, ApiError> {
    make(&state, Ask::Case(id), q.format).await
}

/// `GET /reports/period`.
#[utoipa::path(
    get,
    path = "/reports/period",
    summary = "The periodic circular (定期通报) of a month, a quarter or any range of days, as .docx, a printable page or JSON",
    params(PeriodReportQuery),
    responses(
        (status = 200, description = "The circular: per department cases handed over, on time, late, overdue, 办结率 and median time to respond; by category and severity; the late and overdue cases; cases per day. Its counts are GET /stats's over the same days. A download named 舆情通报_FROM至TO.EXT",
            content(
                (DocxFile = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (String = "text/html"),
                (Period = "application/json"),
            )),
        (status = 400, description = "A date that cannot be read, to before from, or more than 400 days", body = ErrorBody),
    )
)]
pub(super) async fn period(
    State(state): State<AppState>,
    Query(q): Query<PeriodReportQuery>,
) -> Result<Response, ApiError> {
    let ask = period_ask(q.from.as_deref(), q.to.as_deref(), state.now())
        .map_err(ApiError::bad_request)?;
    make(&state, ask, q.format).await
}
