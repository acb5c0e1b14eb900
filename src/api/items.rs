//! `/items`: lists, one item, and manual entry of offline-channel items.

use axum::extract::State;
use axum::http::StatusCode;

use super::cases::{categories, flag, min_severity};
use super::error::{ErrorBody, Json, Path, Query};
use super::model::{IngestedView, ItemListQuery, ItemPage, ItemView, NewItemBody};
use super::{ApiError, AppState, blocking, page_size, parse_time};
use crate::store::ItemFilter;

/// `GET /items`.
#[utoipa::path(
    get,
    path = "/items",
    summary = "Items, newest first, filtered and paged (unmatched items too)",
    params(ItemListQuery),
    responses(
        (status = 200, description = "A page of items", body = ItemPage),
        (status = 400, description = "A parameter that cannot be read, or a cursor that was not given by a previous page", body = ErrorBody),
    )
)]
pub(super) async fn list(
    State(state): State<AppState>,
    Query(q): Query<ItemListQuery>,
) -> Result<axum::Json<ItemPage>, ApiError> {
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
    Ok(axum::Json(ItemPage {
        items: page.items.into_iter().map(ItemView::from).collect(),
        next_cursor: page.next_cursor,
    }))
}

/// `GET /items/{id}`.
#[utoipa::path(
    get,
    path = "/items/{id}",
    summary = "One item with its classification",
    params(("id" = String, Path, description = "Item id")),
    responses(
        (status = 200, description = "The item", body = ItemView),
        (status = 400, description = "The id is not valid percent-encoded UTF-8", body = ErrorBody),
        (status = 404, description = "No item has this id", body = ErrorBody),
    )
)]
pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<axum::Json<ItemView>, ApiError> {
    let store = state.pipeline().store().clone();
    let item = blocking(move || {
        store
            .item(&id)?
            .ok_or_else(|| ApiError::not_found(format!("item {id} does not exist")))
    })
    .await?;
    Ok(axum::Json(item.into()))
}

/// `POST /items`.
#[utoipa::path(
    post,
    path = "/items",
    summary = "Enter an item from an offline channel; it is classified and grouped like any other",
    request_body = NewItemBody,
    responses(
        (status = 201, description = "A new item", body = IngestedView),
        (status = 200, description = "The same item was entered before: it was updated", body = IngestedView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "The body is not an item: no source, or neither text nor title", body = ErrorBody),
    )
)]
pub(super) async fn create(
    State(state): State<AppState>,
    Json(new): Json<NewItemBody>,
) -> Result<(StatusCode, axum::Json<IngestedView>), ApiError> {
    if let Some(t) = new.published {
        super::writable_time("published", t).map_err(ApiError::Unprocessable)?;
    }
    let now = state.now();
    let pipeline = state.pipeline().clone();
    let (ingested, item) = blocking(move || {
        let ingested = pipeline.ingest(new.into(), now)?;
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
    Ok((status, axum::Json(IngestedView::new(ingested, item))))
}
