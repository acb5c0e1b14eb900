//! The OpenAPI 3.1 document, generated from [`super::ROUTES`] (so every
//! served route is documented and nothing else), with the JSON Schemas of
//! the bodies. Tests check real responses against these schemas.

use serde_json::{Map, Value, json};

use super::{PREFIX, ParamIn, ROUTES};

/// The whole document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for r in ROUTES {
        let mut op = Map::new();
        op.insert("summary".into(), json!(r.summary));
        op.insert(
            "operationId".into(),
            json!(format!(
                "{}{}",
                r.method.as_str().to_lowercase(),
                r.path.replace(['/', '{', '}', '.'], "_")
            )),
        );
        let params: Vec<Value> = r
            .params
            .iter()
            .map(|p| {
                json!({
                    "name": p.name,
                    "in": if p.location == ParamIn::Path { "path" } else { "query" },
                    "required": p.location == ParamIn::Path,
                    "description": p.doc,
                    "schema": {"type": p.ty},
                })
            })
            .collect();
        if !params.is_empty() {
            op.insert("parameters".into(), Value::Array(params));
        }
        if let Some(body) = r.body {
            op.insert(
                "requestBody".into(),
                json!({"required": true, "content": {"application/json": {"schema": schema_ref(body)}}}),
            );
        }
        let mut responses = Map::new();
        responses.insert(
            r.ok.as_u16().to_string(),
            json!({"description": "Success", "content": {"application/json": {"schema": schema_ref(r.response)}}}),
        );
        let mut errors = vec![("400", "Malformed parameters or body")];
        if r.role.is_some() {
            errors.push(("401", "No or unknown token"));
            errors.push(("403", "The token's role is too low"));
        }
        if r.path.contains('{') {
            errors.push(("404", "No such record"));
        }
        if r.body.is_some() {
            errors.push(("413", "Body over the configured limit"));
            errors.push(("422", "The body is well-formed but unusable"));
        }
        if r.path.ends_with("/actions") {
            errors.push(("409", "The case's status does not allow the action"));
        }
        if r.path == "/cases" {
            errors.push(("410", "The cursor's snapshot has expired"));
        }
        for (code, what) in errors {
            responses.insert(
                code.into(),
                json!({"description": what, "content": {"application/json": {"schema": schema_ref("Error")}}}),
            );
        }
        op.insert("responses".into(), Value::Object(responses));
        if let Some(role) = r.role {
            op.insert("security".into(), json!([{"bearer": []}]));
            op.insert("x-role".into(), json!(role.name()));
        }
        let entry = paths
            .entry(format!("{PREFIX}{}", r.path))
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(m) = entry {
            m.insert(r.method.as_str().to_lowercase(), Value::Object(op));
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "yuqing API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Candidate cases of public opinion a government office must answer (国办发〔2016〕61号), their items, and the analysts' workflow (交办督办). Times are RFC 3339 in UTC; query times may also be YYYY-MM-DD [HH:MM] in Beijing time.",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas(),
        },
    })
}

fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// The body schemas. `required` lists what clients may rely on.
pub fn schemas() -> Value {
    let time = json!({"type": "string", "format": "date-time"});
    let opt_time = json!({"type": ["string", "null"], "format": "date-time"});
    let strings = json!({"type": "array", "items": {"type": "string"}});
    let category = json!({"type": "string", "enum": ["policy", "interest", "morality", "emergency", "directive"]});
    let severity = json!({"type": "string", "enum": ["I", "II", "III", "IV"]});
    let status = json!({"type": "string", "enum": ["new", "confirmed", "dismissed", "assigned", "responded", "closed"]});
    let flag = json!({"type": "string", "enum": ["rumor", "urgent"]});
    let case_props = json!({
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "categories": {"type": "array", "items": category},
        "flags": {"type": "array", "items": flag},
        "regions": strings,
        "severity": severity,
        "severity_reasons": strings,
        "severity_override": {"type": ["string", "null"]},
        "first_seen": time,
        "last_seen": time,
        "item_count": {"type": "integer"},
        "sources": strings,
        "source_count": {"type": "integer"},
        "top_terms": strings,
        "department": {"type": ["string", "null"], "description": "Suggested by the routing table."},
        "responsible_department": {"type": ["string", "null"], "description": "Assigned department, else the suggested one."},
        "deadlines": {"type": "object", "properties": {"info_due": time, "presser_due": time, "respond_due": time}},
        "status": status,
        "assignment": {"type": ["object", "null"]},
        "response": {"type": ["object", "null"]},
        "overdue": {"type": "array", "items": {"type": "string", "enum": ["info", "presser", "respond", "assignment"]}},
        "refuted": {
            "type": ["object", "null"],
            "description": "The item that officially refuted a claim of this case (辟谣, 情况说明), when one has.",
            "properties": {"item_id": {"type": "string"}, "source": {"type": "string"}, "at": time}
        },
        "event": {
            "type": "object",
            "description": "What grouping compares: places as level:name and fine event kinds read from the items.",
            "properties": {"places": strings, "kinds": strings}
        },
        "merged_into": {"type": ["integer", "null"], "description": "The case an analyst merged this one into."},
        "last_event": {"description": "When the latest item happened (published, else first seen): the grouping window runs on it.", "type": ["string", "null"], "format": "date-time"},
    });
    let case_required = json!([
        "id",
        "title",
        "categories",
        "flags",
        "regions",
        "severity",
        "severity_reasons",
        "first_seen",
        "last_seen",
        "item_count",
        "sources",
        "top_terms",
        "deadlines",
        "status",
        "overdue",
        "responsible_department"
    ]);
    let mut detail_props = case_props.clone();
    if let Value::Object(m) = &mut detail_props {
        m.insert(
            "history".into(),
            json!({"type": "array", "items": {"$ref": "#/components/schemas/HistoryEntry"}}),
        );
        m.insert(
            "items".into(),
            json!({"type": "array", "items": {"$ref": "#/components/schemas/Item"}}),
        );
        m.insert("items_truncated".into(), json!({"type": "boolean"}));
    }
    let mut detail_required = case_required.clone();
    if let Value::Array(a) = &mut detail_required {
        a.extend([json!("history"), json!("items"), json!("items_truncated")]);
    }
    json!({
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {"type": "string"}},
        },
        "Health": {
            "type": "object",
            "required": ["status", "version", "uptime_seconds", "items", "cases", "checks", "problems"],
            "properties": {
                "status": {"type": "string", "enum": ["ok", "unavailable"]}, "version": {"type": "string"},
                "uptime_seconds": {"type": "integer"}, "items": {"type": "integer"},
                "cases": {"type": "integer"},
                "checks": {"type": "object", "description": "store, rules, scheduler: ok or what is wrong; rules_version; reload when files on disk are invalid."},
                "problems": {"type": "array", "items": {"type": "string"}},
            },
        },
        "RulesStatus": {
            "type": "object",
            "required": ["version", "loaded_at", "dir", "lists", "warnings", "error", "config_error", "reloads", "failed_reloads"],
            "properties": {
                "version": {"type": "integer"}, "loaded_at": time, "dir": {"type": "string"},
                "lists": {"type": "array", "items": {
                    "type": "object", "required": ["file", "kind", "rules", "excludes", "digest"],
                    "properties": {
                        "file": {"type": "string"}, "kind": {"type": "string"}, "rules": {"type": "integer"},
                        "excludes": {"type": "integer"}, "digest": {"type": "string"},
                    },
                }},
                "warnings": {"type": "array", "items": {"type": "string"}},
                "error": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/ReloadError"}]},
                "config_error": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/ReloadError"}]},
                "reloads": {"type": "integer"}, "failed_reloads": {"type": "integer"},
            },
        },
        "ReloadError": {
            "type": "object", "required": ["at", "trigger", "problems"],
            "properties": {
                "at": time, "trigger": {"type": "string"},
                "problems": {"type": "array", "items": {"type": "string"}, "description": "Each with its file:line or config key."},
            },
        },
        "ReloadOutcome": {
            "type": "object", "required": ["rules_applied", "config_applied", "problems", "version"],
            "properties": {
                "rules_applied": {"type": "boolean"}, "config_applied": {"type": "boolean"},
                "problems": {"type": "array", "items": {"type": "string"}}, "version": {"type": "integer"},
                "error": {"type": "string"},
            },
        },
        "SourceList": {
            "type": "object", "required": ["sources"],
            "properties": {"sources": {"type": "array", "items": {
                "type": "object", "required": ["config", "state", "polling"],
                "properties": {
                    "config": {"type": "object", "required": ["name", "kind"], "description": "The source as configured (see the README's sources reference)."},
                    "state": {"$ref": "#/components/schemas/SourceState"},
                    "polling": {"type": "boolean"},
                },
            }}},
        },
        "SourceState": {
            "type": "object", "required": ["name", "last_poll", "last_success", "last_error", "consecutive_failures", "next_due", "items_found"],
            "properties": {
                "name": {"type": "string"}, "last_poll": opt_time, "last_success": opt_time,
                "last_error": {"type": ["string", "null"]}, "consecutive_failures": {"type": "integer"},
                "next_due": opt_time, "items_found": {"type": "integer"},
                "last_new": {"type": "integer"}, "last_updated": {"type": "integer"},
                "surge_until": opt_time,
                "last_warnings": {"type": "array", "items": {"type": "string"}, "description": "What the last successful poll read badly (an empty article body, a malformed feed), each naming the URL."},
            },
        },
        "PollReport": {
            "type": "object", "required": ["source", "status", "found", "new", "updated", "new_cases", "raised_cases", "rejected", "error", "items", "elapsed_ms"],
            "properties": {
                "source": {"type": "string"}, "status": {"type": "string", "enum": ["ok", "not_modified", "failed"]},
                "found": {"type": "integer"}, "new": {"type": "integer"}, "updated": {"type": "integer"},
                "new_cases": {"type": "array", "items": {"type": "integer"}},
                "raised_cases": {"type": "array", "items": {"type": "integer"}},
                "rejected": {"type": "integer"}, "error": {"type": ["string", "null"]},
                "warnings": {"type": "array", "items": {"type": "string"}},
                "items": {"type": "array", "items": {"type": "object"}}, "elapsed_ms": {"type": "integer"},
            },
        },
        "ReclassifyRequest": {
            "type": "object", "required": ["since"], "additionalProperties": false,
            "properties": {"since": {"type": "string", "description": "RFC 3339, or YYYY-MM-DD [HH:MM] Beijing time."}},
        },
        "Reclassified": {
            "type": "object", "required": ["examined", "changed", "newly_flagged", "new_cases", "failed"],
            "properties": {
                "examined": {"type": "integer"}, "changed": {"type": "integer"}, "newly_flagged": {"type": "integer"},
                "new_cases": {"type": "array", "items": {"type": "integer"}}, "failed": {"type": "integer"},
            },
        },
        "OpenApi": {"type": "object", "required": ["openapi", "paths"]},
        "Case": {"type": "object", "required": case_required, "properties": case_props},
        "CaseDetail": {"type": "object", "required": detail_required, "properties": detail_props},
        "CasePage": {
            "type": "object",
            "required": ["cases", "total", "next_cursor"],
            "properties": {
                "cases": {"type": "array", "items": {"$ref": "#/components/schemas/Case"}},
                "total": {"type": "integer"},
                "next_cursor": {"type": ["string", "null"]},
            },
        },
        "HistoryEntry": {
            "type": "object",
            "required": ["at", "actor", "action", "from", "to"],
            "properties": {
                "at": time, "actor": {"type": "string"},
                "action": {"type": "string", "description": "The action's name; its fields (department, where, severity…) sit beside it."},
                "note": {"type": ["string", "null"]}, "from": status, "to": status,
            },
        },
        "ActionRequest": {
            "type": "object",
            "required": ["action"],
            "description": "confirm | dismiss | assign {department, assignee?, due?} | respond {where, how, link?} | close | reopen | set_severity {severity} | set_categories {categories} | note | merge {into}: move every item of this case into case `into` and close this one as merged (merged_into) | split {items}: move the named items into a new case; each with an optional note.",
            "properties": {
                "action": {"type": "string", "enum": ["confirm", "dismiss", "assign", "respond", "close", "reopen", "set_severity", "set_categories", "note", "merge", "split"]},
                "into": {"type": "integer", "description": "merge: the case that receives the items."},
                "items": {"type": "array", "items": {"type": "string"}, "description": "split: ids of the items to move into a new case."},
                "note": {"type": "string"},
                "department": {"type": "string"}, "assignee": {"type": "string"}, "due": time,
                "where": {"type": "string"}, "how": {"type": "string"}, "link": {"type": "string"},
                "severity": severity, "categories": {"type": "array", "items": category},
            },
        },
        "Item": {
            "type": "object",
            "required": ["id", "source", "title", "text", "ingested_at", "classification", "case_id"],
            "properties": {
                "id": {"type": "string"}, "source": {"type": "string"},
                "source_kind": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]},
                "title": {"type": "string"}, "text": {"type": "string"},
                "published": opt_time, "ingested_at": time,
                "date_evidence": {"type": ["string", "null"], "description": "Why that publication time: where on the page or feed it was read."},
                "authority": {"type": ["string", "null"]},
                "classification": {"$ref": "#/components/schemas/Classification"},
                "case_id": {"type": ["integer", "null"]},
                "links": {"type": "array", "items": {"type": "string"}},
            },
        },
        "Classification": {
            "type": "object",
            "required": ["categories", "severity", "flags", "regions", "matches", "reasons"],
            "properties": {
                "categories": {"type": "array", "items": category},
                "severity": {"type": ["string", "null"]},
                "flags": {"type": "array", "items": flag},
                "regions": strings,
                "matches": {"type": "array", "items": {"type": "object"}},
                "reasons": strings,
            },
        },
        "ItemPage": {
            "type": "object",
            "required": ["items", "next_cursor"],
            "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                "next_cursor": {"type": ["string", "null"]},
            },
        },
        "NewItem": {
            "type": "object",
            "required": ["source"],
            "description": "text or title is required. 201 when new, 200 when the same item was entered before (an update).",
            "properties": {
                "source": {"type": "string"}, "source_kind": {"type": "string"},
                "id": {"type": "string", "description": "The channel's own id (GUID)."},
                "url": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"},
                "published": time,
                "authority": {"type": "string", "enum": ["central", "provincial", "municipal", "county", "self_media"]},
                "links": {"type": "array", "items": {"type": "string"}},
            },
        },
        "Ingested": {
            "type": "object",
            "required": ["item_id", "case_id", "new_case", "updated", "item"],
            "properties": {
                "item_id": {"type": "string"}, "case_id": {"type": ["integer", "null"]},
                "new_case": {"type": "boolean"}, "updated": {"type": "boolean"},
                "raised_from": {"type": "string", "description": "The case's severity before this item raised it."},
                "item": {"$ref": "#/components/schemas/Item"},
            },
        },
        "Stats": {
            "type": "object",
            "required": ["from", "to", "cases", "dismissed", "by_category", "by_severity", "by_status", "by_department", "on_time"],
            "properties": {
                "from": time, "to": time, "cases": {"type": "integer"}, "dismissed": {"type": "integer"},
                "by_category": {"type": "object"}, "by_severity": {"type": "object"},
                "by_status": {"type": "object"}, "by_department": {"type": "object"},
                "on_time": {"type": "object", "description": "Per deadline kind: on_time, late, pending, rate."},
            },
        },
        "ChangePage": {
            "type": "object",
            "required": ["changes", "last_seq"],
            "properties": {
                "changes": {"type": "array", "items": {
                    "type": "object",
                    "required": ["seq", "at", "kind", "id"],
                    "properties": {"seq": {"type": "integer"}, "at": time, "kind": {"type": "string", "enum": ["item", "case"]}, "id": {"type": "string"}},
                }},
                "last_seq": {"type": "integer", "description": "Pass as after= to continue."},
            },
        },
    })
}

/// Checks `value` against the schema named `name` (types, required
/// properties, enums, `$ref`s, array items): enough to catch a document that
/// drifted from the handlers. Returns the problems, with JSON paths.
pub fn check(name: &str, value: &Value) -> Vec<String> {
    let all = schemas();
    let mut out = Vec::new();
    check_at(&all, &schema_ref(name), value, "$", &mut out);
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
    if let Some(ty) = schema.get("type") {
        let types: Vec<&str> = match ty {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match v {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
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
    if let (Some(req), Value::Object(m)) = (schema.get("required").and_then(Value::as_array), v) {
        for k in req.iter().filter_map(Value::as_str) {
            if !m.contains_key(k) {
                out.push(format!("{at}: missing required property {k}"));
            }
        }
    }
    if let (Some(props), Value::Object(m)) =
        (schema.get("properties").and_then(Value::as_object), v)
    {
        for (k, s) in props {
            if let Some(x) = m.get(k) {
                check_at(all, s, x, &format!("{at}.{k}"), out);
            }
        }
    }
    if let (Some(items), Value::Array(a)) = (schema.get("items"), v) {
        for (i, x) in a.iter().enumerate() {
            check_at(all, items, x, &format!("{at}[{i}]"), out);
        }
    }
}
