//! `/reports/…`: the reports ([`crate::reports`]) as printable pages in
//! the console's frame, with their download buttons (.docx, JSON); with
//! `format=docx` or `format=json` the file itself. Signed-in viewers and
//! up, as the statistics.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;

use super::session::Me;
use super::{ConsoleState, Layout, message_page, render};
use crate::reports::doc::Doc;
use crate::reports::html::BlockView;
use crate::reports::{Ask, Format, ReportError, daily_ask, gather, period_ask};

/// Query of the report pages.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ReportQuery {
    date: Option<String>,
    from: Option<String>,
    to: Option<String>,
    format: Option<String>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    layout: Layout,
    doc: Doc,
    blocks: Vec<BlockView>,
    report_css: &'static str,
    /// The page's URL without `format`, for the download buttons.
    base: String,
    /// `?` or `&` before `format=`.
    sep: &'static str,
}

fn bad(me: &Me, why: &str) -> Response {
    message_page(StatusCode::BAD_REQUEST, "无法生成报告", why, Some(me))
}

async fn show(
    state: ConsoleState,
    me: Me,
    ask: Ask,
    format: Option<&str>,
    base: String,
    nav: &'static str,
) -> Response {
    let format = match format.map(str::trim).filter(|f| !f.is_empty()) {
        None => None,
        Some(f) => match Format::parse(f) {
            Some(f) => Some(f),
            None => return bad(&me, "格式应为 docx、html 或 json。"),
        },
    };
    let store = state.pipeline().store().clone();
    let office = state.inner.office.clone();
    let now = Utc::now();
    let done = tokio::task::spawn_blocking(move || gather(&store, &office, ask, now)).await;
    let gathered = match done {
        Ok(Ok(g)) => g,
        Ok(Err(ReportError::NoCase(id))) => {
            return message_page(
                StatusCode::NOT_FOUND,
                "没有这个案件",
                &format!("案件 #{id} 不存在。"),
                Some(&me),
            );
        }
        Ok(Err(ReportError::Range(m))) => return bad(&me, &m),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "console: a report failed");
            return message_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "报告生成失败",
                "报告生成失败，错误已记入日志。请稍后重试。",
                Some(&me),
            );
        }
        Err(e) => {
            tracing::error!(error = %e, "console: a report task failed");
            return message_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "报告生成失败",
                "后台任务失败，错误已记入日志。请稍后重试。",
                Some(&me),
            );
        }
    };
    match format {
        Some(f @ (Format::Docx | Format::Json)) => match gathered.render(f) {
            Ok(r) => crate::api::reports_response(r),
            Err(e) => {
                tracing::error!(error = %e, "console: a report failed to render");
                message_page(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "报告生成失败",
                    "报告生成失败，错误已记入日志。",
                    Some(&me),
                )
            }
        },
        _ => {
            let doc = gathered.doc();
            let sep = if base.contains('?') { "&" } else { "?" };
            render(
                StatusCode::OK,
                &ReportPage {
                    layout: Layout::new(&me, doc.title.clone(), nav),
                    blocks: crate::reports::html::blocks(&doc),
                    doc,
                    report_css: super::assets::report_css_url(),
                    base,
                    sep,
                },
            )
        }
    }
}

fn query_of(pairs: &[(&str, &Option<String>)]) -> String {
    let q = super::view::query_string(pairs, None);
    if q.is_empty() {
        String::new()
    } else {
        format!("?{q}")
    }
}

/// `GET /reports/daily?date=…` (or `from`, `to` of a shift).
pub(super) async fn daily(
    State(state): State<ConsoleState>,
    me: Me,
    Query(q): Query<ReportQuery>,
) -> Response {
    let time = |what: &str, v: &Option<String>| {
        super::view::blank(v)
            .map(|s| crate::time::parse_time(s).map_err(|e| format!("{what}: {e}")))
            .transpose()
    };
    let ask = time("from", &q.from).and_then(|from| {
        let to = time("to", &q.to)?;
        daily_ask(super::view::blank(&q.date), from, to, Utc::now())
    });
    let ask = match ask {
        Ok(a) => a,
        Err(m) => return bad(&me, &m),
    };
    let base = format!(
        "/reports/daily{}",
        query_of(&[("date", &q.date), ("from", &q.from), ("to", &q.to)])
    );
    show(state, me, ask, q.format.as_deref(), base, "queue").await
}

/// `GET /reports/cases/{id}`.
pub(super) async fn case(
    State(state): State<ConsoleState>,
    me: Me,
    Path(id): Path<String>,
    Query(q): Query<ReportQuery>,
) -> Response {
    let Ok(num) = id.parse::<u64>() else {
        return message_page(
            StatusCode::NOT_FOUND,
            "没有这个案件",
            "案件编号应为数字。",
            Some(&me),
        );
    };
    show(
        state,
        me,
        Ask::Case(num),
        q.format.as_deref(),
        format!("/reports/cases/{num}"),
        "",
    )
    .await
}

/// `GET /reports/period?from=…&to=…`.
pub(super) async fn period(
    State(state): State<ConsoleState>,
    me: Me,
    Query(q): Query<ReportQuery>,
) -> Response {
    let ask = match period_ask(
        super::view::blank(&q.from),
        super::view::blank(&q.to),
        Utc::now(),
    ) {
        Ok(a) => a,
        Err(m) => return bad(&me, &m),
    };
    let base = format!(
        "/reports/period{}",
        query_of(&[("from", &q.from), ("to", &q.to)])
    );
    show(state, me, ask, q.format.as_deref(), base, "stats").await
}
