//! 信息检索: every stored item, flagged or not, searched and filtered (so an
//! analyst can find what the rules missed), and the form that enters an
//! item from an offline channel through the same pipeline as the API's
//! `POST /items`.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use super::queue::Opt;
use super::session::Me;
use super::view::{self, Seg, blank};
use super::{ConsoleState, Layout, blocking, message_page, render};
use crate::classify::{Category, Severity};
use crate::config::Role;
use crate::item::Item;
use crate::pipeline::{NewItem, PipelineError};
use crate::store::{ItemFilter, ItemPage, StoreError};

/// Items per page unless asked otherwise.
const PAGE: usize = 50;
/// Characters of text shown per item in the list.
const EXCERPT: usize = 160;

/// The list's filters as the form sends them; malformed values are ignored.
#[derive(Debug, Default, Clone, Deserialize)]
pub(super) struct ItemsQuery {
    q: Option<String>,
    source: Option<String>,
    category: Option<String>,
    severity: Option<String>,
    region: Option<String>,
    flagged: Option<String>,
    case: Option<String>,
    since: Option<String>,
    until: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
    /// The id of an item just entered.
    entered: Option<String>,
}

impl ItemsQuery {
    fn filter(&self) -> ItemFilter {
        ItemFilter {
            source: blank(&self.source).map(str::to_string),
            categories: blank(&self.category)
                .and_then(Category::from_slug)
                .into_iter()
                .collect(),
            flag: None,
            min_severity: blank(&self.severity).and_then(Severity::parse),
            region: blank(&self.region).map(str::to_string),
            flagged: match blank(&self.flagged) {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            },
            case_id: blank(&self.case).and_then(|c| c.trim_start_matches('#').parse().ok()),
            since: blank(&self.since).and_then(|t| crate::time::parse_time(t).ok()),
            // A date means the whole day (Beijing time).
            until: blank(&self.until).and_then(|t| {
                crate::time::parse_time(t).ok().map(|u| {
                    if t.len() == 10 {
                        u + chrono::Duration::days(1) - chrono::Duration::milliseconds(1)
                    } else {
                        u
                    }
                })
            }),
            q: blank(&self.q).map(str::to_string),
        }
    }

    fn query_string(&self) -> String {
        view::query_string(
            &[
                ("q", &self.q),
                ("source", &self.source),
                ("category", &self.category),
                ("severity", &self.severity),
                ("region", &self.region),
                ("flagged", &self.flagged),
                ("case", &self.case),
                ("since", &self.since),
                ("until", &self.until),
            ],
            self.limit,
        )
    }
}

struct ItemRow {
    seen: String,
    source: String,
    kind: String,
    title: String,
    excerpt: Vec<Seg>,
    url: Option<String>,
    categories: Vec<&'static str>,
    severity: Option<String>,
    severity_class: &'static str,
    case_id: Option<u64>,
}

fn row(item: &Item, q: Option<&str>) -> ItemRow {
    let c = &item.classification;
    let mut terms: Vec<String> = c.matches.iter().flat_map(|m| m.terms.clone()).collect();
    if let Some(q) = q {
        terms.push(q.to_string());
    }
    let text = view::excerpt(
        &item.text.split_whitespace().collect::<Vec<_>>().join(" "),
        EXCERPT,
    );
    ItemRow {
        seen: view::bj(item.ingested_at),
        source: item.source.clone(),
        kind: view::kind_label(item.source_kind.as_deref()),
        title: item.title.trim().to_string(),
        excerpt: view::highlight(&text, &terms),
        url: view::web_link(item.url.as_deref()),
        categories: c
            .categories
            .iter()
            .map(|x| view::category_short(*x))
            .collect(),
        severity: c
            .is_flagged()
            .then(|| c.severity.map(view::severity_label))
            .flatten(),
        severity_class: c.severity.map_or("", view::severity_class),
        case_id: item.case_id,
    }
}

#[derive(Template)]
#[template(path = "items.html")]
struct ItemsPage {
    layout: Layout,
    rows: Vec<ItemRow>,
    q: String,
    source: String,
    region: String,
    case: String,
    since: String,
    until: String,
    categories: Vec<Opt>,
    severities: Vec<Opt>,
    flagged: Vec<Opt>,
    kinds: Vec<Opt>,
    next_url: Option<String>,
    first_url: Option<String>,
    notice: Option<String>,
    entered: Option<String>,
    entered_case: Option<u64>,
}

fn opts(all: Vec<(&str, String)>, current: &str) -> Vec<Opt> {
    all.into_iter()
        .map(|(v, l)| Opt {
            selected: v == current,
            value: v.to_string(),
            label: l,
        })
        .collect()
}

/// `GET /items`.
pub(super) async fn page(
    State(state): State<ConsoleState>,
    me: Me,
    Query(q): Query<ItemsQuery>,
) -> Response {
    let store = state.pipeline().store().clone();
    let filter = q.filter();
    let cursor = blank(&q.cursor).map(str::to_string);
    let limit = q.limit.unwrap_or(PAGE).clamp(10, 200);
    let entered_id = blank(&q.entered).map(str::to_string);
    let read = blocking(move || {
        let (page, expired) = match store.item_page(&filter, cursor.as_deref(), limit) {
            Err(StoreError::BadCursor) => (store.item_page(&filter, None, limit)?, true),
            other => (other?, false),
        };
        let entered = match entered_id {
            Some(id) => store.item(&id)?,
            None => None,
        };
        Ok::<(ItemPage, bool, Option<Item>), StoreError>((page, expired, entered))
    })
    .await;
    let (page, expired, entered) = match read {
        Ok(v) => v,
        Err(r) => return r,
    };
    let qs = q.query_string();
    let base = if qs.is_empty() {
        "/items?".to_string()
    } else {
        format!("/items?{qs}&")
    };
    let first_page = blank(&q.cursor).is_none() || expired;
    let view = ItemsPage {
        layout: Layout::new(&me, "信息检索", "items"),
        rows: page.items.iter().map(|i| row(i, blank(&q.q))).collect(),
        q: blank(&q.q).unwrap_or("").into(),
        source: blank(&q.source).unwrap_or("").into(),
        region: blank(&q.region).unwrap_or("").into(),
        case: blank(&q.case).unwrap_or("").into(),
        since: blank(&q.since).unwrap_or("").into(),
        until: blank(&q.until).unwrap_or("").into(),
        categories: opts(
            std::iter::once(("", "全部类别".to_string()))
                .chain(
                    Category::ALL
                        .iter()
                        .map(|c| (c.slug(), c.label_zh().to_string())),
                )
                .collect(),
            blank(&q.category).unwrap_or(""),
        ),
        severities: opts(
            std::iter::once(("", "全部级别".to_string()))
                .chain(
                    Severity::ALL
                        .iter()
                        .rev()
                        .map(|s| (s.roman(), format!("{} 及以上", view::severity_label(*s)))),
                )
                .collect(),
            blank(&q.severity).unwrap_or(""),
        ),
        flagged: opts(
            vec![
                ("", "全部信息".to_string()),
                ("yes", "命中类别的".to_string()),
                ("no", "未命中任何类别的".to_string()),
            ],
            blank(&q.flagged).unwrap_or(""),
        ),
        kinds: opts(
            [
                "manual", "portal", "weibo", "wechat", "forum", "news", "comment",
            ]
            .into_iter()
            .map(|k| (k, view::kind_label(Some(k))))
            .collect(),
            "manual",
        ),
        next_url: page
            .next_cursor
            .as_ref()
            .map(|c| format!("{base}cursor={}", view::url_encode(c))),
        first_url: (!first_page).then(|| base.trim_end_matches(['&', '?']).to_string()),
        notice: expired.then(|| "翻页位置无效，已回到第一页。".to_string()),
        entered_case: entered.as_ref().and_then(|i| i.case_id),
        entered: entered.map(|i| i.id),
    };
    render(StatusCode::OK, &view)
}

/// `POST /items`: enters an item from an offline channel (政务大厅, 公开信箱,
/// 来电), classified and grouped like any other, durable before the answer.
pub(super) async fn enter(
    State(state): State<ConsoleState>,
    me: Me,
    headers: HeaderMap,
    body: super::FormBody,
) -> Response {
    let f = match super::checked_form(&me, &headers, body, Role::Analyst) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let unusable =
        |msg: &str| message_page(StatusCode::UNPROCESSABLE_ENTITY, "未能录入", msg, Some(&me));
    let published = match f.get("published").map(crate::time::parse_time) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(_)) => return unusable("发布时间不是有效的时间，请返回修改。"),
    };
    let new = NewItem {
        source: f.get("source").unwrap_or("").to_string(),
        source_kind: Some(f.get("source_kind").unwrap_or("manual").to_string()),
        guid: None,
        url: f.get("url").map(str::to_string),
        title: f.get("title").unwrap_or("").to_string(),
        text: f.get("text").unwrap_or("").to_string(),
        published,
        date_evidence: published.map(|_| format!("manual entry by {}", me.name)),
        authority: None,
        links: Vec::new(),
    };
    let pipeline = state.pipeline().clone();
    let now = Utc::now();
    let done = tokio::task::spawn_blocking(move || {
        let ingested = pipeline.ingest(new, now)?;
        // Acknowledged means durable, as for the API's entries.
        pipeline.store().flush()?;
        Ok::<_, PipelineError>(ingested)
    })
    .await;
    match done {
        Ok(Ok(ingested)) => {
            tracing::info!(item = %ingested.item_id, case = ?ingested.case_id, user = %me.name, "console: item entered");
            Redirect::to(&format!(
                "/items?entered={}",
                view::url_encode(&ingested.item_id)
            ))
            .into_response()
        }
        Ok(Err(PipelineError::NoSource)) => unusable("请填写来源渠道（如 政务大厅、公开信箱）。"),
        Ok(Err(PipelineError::Empty)) => unusable("请填写标题或正文。"),
        Ok(Err(PipelineError::Store(e))) => super::store_failed(&e),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "console: entering an item failed");
            unusable("系统未能处理这条信息，错误已记入日志。")
        }
        Err(e) => {
            tracing::error!(error = %e, "console: entry task failed");
            unusable("录入任务失败，错误已记入日志。请在信息检索中确认是否已录入。")
        }
    }
}
