//! `/items`: lists, one item, and manual entry of offline-channel items.

use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use super::cases::{categories, flag, min_severity};
use super::error::{Json, Path, Query};
use super::{ApiError, AppState, blocking, page_size, parse_time};
use crate::item::Item;
use crate::pipeline::NewItem;
use crate::store::ItemFilter;

/// Query of `GET /items`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ListQuery {
    source: Option<String>,
    category: Option<String>,
    min_severity: Option<String>,
    region: Option<String>,
    flag: Option<String>,
    flagged: Option<bool>,
    case: Option<u64>,
    since: Option<String>,
    until: Option<String>,
    q: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<axum::Json<Value>, ApiError> {
    let filter = ItemFilter {
        source: q.source.filter(|s| !s.trim().is_empty()),
        categories: categories(q.category.as_deref())?,
        flag: flag(q.flag.as_deref())?,
        min_severity: min_severity(q.min_severity.as_deref())?,
        region: q.region.filter(|s| !s.trim().is_empty()),
        flagged: q.flagged,
        case_id: q.case,
        since: parse_time("since", q.since.as_deref())?,
        until: parse_time("until", q.until.as_deref())?,
        q: q.q.filter(|s| !s.trim().is_empty()),
    };
    let limit = page_size(q.limit, 50, 500)?;
    let store = state.pipeline().store().clone();
    let cursor = q.cursor;
    let page = blocking(move || Ok(store.item_page(&filter, cursor.as_deref(), limit)?)).await?;
    Ok(axum::Json(json!({
        "items": page.items.iter().map(item_view).collect::<Vec<_>>(),
        "next_cursor": page.next_cursor,
    })))
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<axum::Json<Value>, ApiError> {
    let store = state.pipeline().store().clone();
    let item = blocking(move || {
        store
            .item(&id)?
            .ok_or_else(|| ApiError::not_found(format!("item {id} does not exist")))
    })
    .await?;
    Ok(axum::Json(item_view(&item)))
}

pub(super) async fn create(
    State(state): State<AppState>,
    Json(mut new): Json<NewItem>,
) -> Result<(StatusCode, axum::Json<Value>), ApiError> {
    if new.source_kind.is_none() {
        new.source_kind = Some("manual".into());
    }
    let now = state.now();
    let pipeline = state.pipeline().clone();
    let (ingested, item) = blocking(move || {
        let ingested = pipeline.ingest(new, now)?;
        // Acknowledged means durable: flush before answering.
        pipeline.store().flush()?;
        let item = pipeline.store().item(&ingested.item_id)?;
        Ok((ingested, item))
    })
    .await?;
    tracing::info!(
        item = %ingested.item_id,
        case = ?ingested.case_id,
        new_case = ingested.new_case,
        "item entered"
    );
    let status = if ingested.updated {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let mut v = serde_json::to_value(&ingested).unwrap_or(Value::Null);
    if let (Value::Object(m), Some(item)) = (&mut v, item) {
        m.insert("item".into(), item_view(&item));
    }
    Ok((status, axum::Json(v)))
}

/// An item as the API shows it, without internal fields.
pub(super) fn item_view(item: &Item) -> Value {
    let mut v = serde_json::to_value(item).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("simhash");
        // The store omits an absent case id; the API always shows the key.
        m.entry("case_id").or_insert(Value::Null);
    }
    v
}
