//! The OpenAPI 3.1 document, generated: paths, parameters, bodies and the
//! statuses of each route from the handlers' `#[utoipa::path]` in
//! [`super::table`], schemas from the types of [`super::model`]. To that
//! this module adds what the route table and the edge decide for every
//! route alike: security and 401/403 by role, the body statuses (400, 413,
//! 415, 422) of routes that take one, the edge's statuses (413, 414, 431,
//! 500, 503) and the `x-request-id` header on every response.
//!
//! [`check`] validates a value against one of the document's schemas; the
//! tests use it on real responses.

use std::sync::OnceLock;
use std::time::Duration;

use axum::http::Method;
use serde_json::{Map, Value, json};
use utoipa::PartialSchema;
use utoipa::openapi::path::PathItem;
use utoipa_axum::router::OpenApiRouter;

use super::edge::{MAX_HEADER_BYTES, MAX_HEADERS, MAX_URI_BYTES};
use super::error::ErrorBody;
use super::model::NOT_BLANK;
use super::{AppState, PREFIX, table};

/// The whole document (built once).
pub fn document() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(build)
}

/// The methods a path item has operations for.
pub fn methods_of(item: &PathItem) -> Vec<Method> {
    [
        (Method::GET, item.get.is_some()),
        (Method::POST, item.post.is_some()),
        (Method::PUT, item.put.is_some()),
        (Method::DELETE, item.delete.is_some()),
        (Method::PATCH, item.patch.is_some()),
        (Method::HEAD, item.head.is_some()),
        (Method::OPTIONS, item.options.is_some()),
        (Method::TRACE, item.trace.is_some()),
    ]
    .into_iter()
    .filter_map(|(m, has)| has.then_some(m))
    .collect()
}

fn build() -> Value {
    let mut api: OpenApiRouter<AppState> = OpenApiRouter::new();
    let mut roles = Vec::new();
    for r in table() {
        for (method, path) in r.method_and_path() {
            roles.push((format!("{PREFIX}{path}"), method, r.role, r.timeout));
        }
        api = api.routes(r.route);
    }
    let (_, doc) = OpenApiRouter::<AppState>::new()
        .nest(PREFIX, api)
        .split_for_parts();
    let mut doc = serde_json::to_value(doc).unwrap_or_default();
    doc["openapi"] = json!("3.1.0");
    doc["info"] = json!({
        "title": "yuqing API",
        "version": env!("CARGO_PKG_VERSION"),
        "description": "Candidate cases of public opinion a government office must answer (国办发〔2016〕61号), their items, and the analysts' workflow (交办督办). Times are RFC 3339 in UTC; query times may also be YYYY-MM-DD [HH:MM] in Beijing time. Every error is {\"error\", \"request_id\"} JSON; every response has an x-request-id header, which the server's log lines for the request carry. Absolute paths of the server are shown relative to its config directory.",
    });
    doc["components"]["securitySchemes"] = json!({"bearer": {"type": "http", "scheme": "bearer"}});
    doc["components"]["headers"] = json!({
        "RequestId": {
            "description": "The request's id: the client's when it sent a short token, else a new UUID. The server's log lines for the request carry it.",
            "required": true,
            "schema": {"type": "string"},
        }
    });
    doc["components"]["schemas"]["Error"] =
        serde_json::to_value(ErrorBody::schema()).unwrap_or_default();
    if let Some(paths) = doc["paths"].as_object_mut() {
        for (path, ops) in paths.iter_mut() {
            let Some(ops) = ops.as_object_mut() else {
                continue;
            };
            for (method, op) in ops.iter_mut() {
                let Some((_, _, role, timeout)) = roles
                    .iter()
                    .find(|(p, m, _, _)| p == path && m.as_str().eq_ignore_ascii_case(method))
                else {
                    continue;
                };
                op["operationId"] = json!(format!(
                    "{method}{}",
                    path.trim_start_matches(PREFIX)
                        .replace(['/', '.', '{', '}'], "_")
                        .replace("__", "_")
                        .trim_end_matches('_')
                ));
                complete(op, *role, *timeout);
            }
        }
    }
    constrain(&mut doc["components"]["schemas"]);
    retype(&mut doc);
    doc
}

/// Two corrections to how utoipa writes types, everywhere in the document:
/// - u64 is `format: int64` (whose maximum is 2^63 - 1) with `minimum: 0`;
///   the server reads ids and sequence numbers up to 2^64 - 1.
/// - An optional time is `type: [string, null]` with `format: date-time`,
///   which some generators read as "any string or null"; written as
///   `anyOf` a formatted string or null, the format holds.
fn retype(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.get("format").and_then(Value::as_str) == Some("int64")
                && m.get("minimum").and_then(Value::as_u64) == Some(0)
            {
                m.insert("format".into(), json!("uint64"));
                m.insert("maximum".into(), json!(u64::MAX));
            }
            if m.get("type") == Some(&json!(["string", "null"]))
                && let Some(format) = m.remove("format")
            {
                m.remove("type");
                m.insert(
                    "anyOf".into(),
                    json!([{"type": "string", "format": format}, {"type": "null"}]),
                );
            }
            m.values_mut().for_each(retype);
        }
        Value::Array(a) => a.iter_mut().for_each(retype),
        _ => {}
    }
}

const ERROR_REF: &str = "#/components/schemas/Error";

fn error(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
    })
}

/// Adds to one operation what the route table and the edge decide.
fn complete(op: &mut Value, role: Option<crate::config::Role>, timeout: Duration) {
    let takes_body = op.get("requestBody").is_some();
    if let Some(role) = role {
        op["security"] = json!([{"bearer": []}]);
        op["x-role"] = json!(role.name());
    }
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    let mut add = |code: &str, what: &str| {
        responses
            .entry(code.to_string())
            .or_insert_with(|| error(what));
    };
    if let Some(role) = role {
        add("401", "No token, or one that is not valid");
        add(
            "403",
            &format!(
                "The token's role is below {} (the least role of this route)",
                role.name()
            ),
        );
    }
    if takes_body {
        add("400", "The body is not JSON");
        add(
            "415",
            "The body is not declared as JSON (Content-Type: application/json)",
        );
        add("422", "The body does not fit the schema");
    }
    add(
        "413",
        "The body (or its declared Content-Length) is larger than api.body_limit",
    );
    add(
        "414",
        &format!("The request target is longer than {MAX_URI_BYTES} bytes"),
    );
    add(
        "431",
        &format!(
            "The request's head is larger than {MAX_HEADER_BYTES} bytes or has more than {MAX_HEADERS} header fields"
        ),
    );
    add(
        "500",
        "A failure of the server's own; the details are in its log under the request id",
    );
    let late = format!("The request did not complete within its time limit, {timeout:?}");
    match responses.get_mut("503") {
        // A route's own 503 (`/health`'s readiness) may also be a time-out.
        Some(own) if own["content"]["application/json"]["schema"]["$ref"] != ERROR_REF => {
            let schema = own["content"]["application/json"]["schema"].take();
            own["content"]["application/json"]["schema"] =
                json!({"oneOf": [schema, {"$ref": ERROR_REF}]});
            let description = own["description"].as_str().unwrap_or_default();
            own["description"] = json!(format!("{description}; or: {late}"));
        }
        Some(_) => {}
        None => {
            responses.insert("503".into(), error(&late));
        }
    }
    for response in responses.values_mut() {
        response["headers"] = json!({"x-request-id": {"$ref": "#/components/headers/RequestId"}});
    }
    // The list filters take one parameter with comma-separated values.
    if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
        for p in params {
            if p["in"] == "query" && p["schema"]["type"] == "array" {
                p["style"] = json!("form");
                p["explode"] = json!(false);
            }
        }
    }
}

/// Rules across fields, which the derived schemas cannot say.
fn constrain(schemas: &mut Value) {
    // POST /items: text or title must have something in it.
    if let Some(new_item) = schemas.get_mut("NewItem") {
        new_item["anyOf"] = json!([
            {"required": ["text"], "properties": {"text": {"type": "string", "pattern": NOT_BLANK}}},
            {"required": ["title"], "properties": {"title": {"type": "string", "pattern": NOT_BLANK}}},
        ]);
    }
}

/// Checks `value` against the schema named `name` (types, required
/// properties, enums, `$ref`s, `allOf`/`anyOf`/`oneOf`, array items, map
/// values): enough to catch a document that drifted from the handlers.
/// Returns the problems, with JSON paths.
pub fn check(name: &str, value: &Value) -> Vec<String> {
    let all = &document()["components"]["schemas"];
    let mut out = Vec::new();
    check_at(
        all,
        &json!({"$ref": format!("#/components/schemas/{name}")}),
        value,
        "$",
        &mut out,
    );
    out
}

fn check_at(all: &Value, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/components/schemas/");
        match all.get(name) {
            Some(s) => check_at(all, s, v, at, out),
            None => out.push(format!("{at}: unknown schema {name}")),
        }
        return;
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        for s in parts {
            check_at(all, s, v, at, out);
        }
    }
    for (key, at_least, at_most) in [("anyOf", 1, usize::MAX), ("oneOf", 1, 1)] {
        if let Some(parts) = schema.get(key).and_then(Value::as_array) {
            let mut failures = Vec::new();
            let fits = parts
                .iter()
                .filter(|s| {
                    let mut p = Vec::new();
                    check_at(all, s, v, at, &mut p);
                    let fit = p.is_empty();
                    failures.extend(p);
                    fit
                })
                .count();
            if fits < at_least || fits > at_most {
                out.push(format!(
                    "{at}: fits {fits} of the {key} schemas: {failures:?}"
                ));
            }
        }
    }
    let actual = match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if let Some(ty) = schema.get("type") {
        let types: Vec<&str> = match ty {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.contains(&actual) || (actual == "integer" && types.contains(&"number"));
        if !ok {
            out.push(format!("{at}: is {actual}, schema says {types:?}"));
            return;
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(v)
    {
        out.push(format!("{at}: {v} is not one of {allowed:?}"));
    }
    let Some(obj) = v.as_object() else {
        if let (Some(items), Value::Array(a)) = (schema.get("items"), v) {
            for (i, x) in a.iter().enumerate() {
                check_at(all, items, x, &format!("{at}[{i}]"), out);
            }
        }
        return;
    };
    check_object(all, schema, obj, at, out);
}

fn check_object(
    all: &Value,
    schema: &Value,
    m: &Map<String, Value>,
    at: &str,
    out: &mut Vec<String>,
) {
    if let Some(req) = schema.get("required").and_then(Value::as_array) {
        for k in req.iter().filter_map(Value::as_str) {
            if !m.contains_key(k) {
                out.push(format!("{at}: missing required property {k}"));
            }
        }
    }
    let props = schema.get("properties").and_then(Value::as_object);
    for (k, x) in m {
        match props.and_then(|p| p.get(k)) {
            Some(s) => check_at(all, s, x, &format!("{at}.{k}"), out),
            None => match schema.get("additionalProperties") {
                Some(Value::Bool(false)) => out.push(format!("{at}: unexpected property {k}")),
                Some(s @ Value::Object(_)) => check_at(all, s, x, &format!("{at}.{k}"), out),
                _ => {}
            },
        }
    }
}
