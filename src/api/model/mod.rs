//! The API's JSON shapes: what each route sends and accepts. Their OpenAPI
//! schemas are derived from these types (utoipa), and responses are these
//! types serialized, so the document cannot drift from what is sent.
//!
//! Records of the other stages (cases, items, sources, rules) are converted
//! here with exhaustive destructuring: a field added to a record does not
//! compile until the API decides how to show it. The enums of the domain
//! (categories, severities, statuses…) are described from their own values.

mod cases;
mod items;
mod ops;
mod reports;
mod requests;

pub use cases::*;
pub use items::*;
pub use ops::*;
pub use reports::*;
pub use requests::*;

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::cases::CaseStatus;
use crate::classify::{Authority, Category, Flag, Severity};
use crate::store::schema::ChangeKind;

/// A string with at least one character that is not whitespace (what the
/// server's `trim().is_empty()` checks refuse). Written out rather than
/// `\S` because regex dialects disagree on what whitespace is. (The
/// `#[schema(pattern)]`s of this module repeat it: attributes take only
/// literals; a test checks they agree.)
pub const NOT_BLANK: &str = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

/// A string schema with these values, each as serde writes it.
fn string_enum<T: Serialize>(
    values: impl IntoIterator<Item = T>,
    description: &str,
) -> RefOr<Schema> {
    let values: Vec<Value> = values
        .into_iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .collect();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .description(Some(description))
        .into()
}

/// Implements the schema traits for an enum of the domain from its values.
macro_rules! domain_enum {
    ($ty:ty, $values:expr, $doc:literal) => {
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                string_enum($values, $doc)
            }
        }
        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($ty))
            }
        }
    };
}

domain_enum!(
    Category,
    Category::ALL,
    "A priority category of 国办发〔2016〕61号: policy misread, public interest, morality, emergency, directive from above."
);
domain_enum!(
    Flag,
    Flag::ALL,
    "A handling flag: rumor (造谣传谣) or urgent (紧急交办)."
);
domain_enum!(
    Severity,
    Severity::ALL,
    "Severity: I 特别重大, II 重大, III 较大, IV 一般."
);
domain_enum!(
    CaseStatus,
    CaseStatus::ALL,
    "Workflow status: new → confirmed | dismissed → assigned → responded → closed."
);
domain_enum!(
    Authority,
    AUTHORITIES,
    "Who published an item: central, provincial, municipal, county or self-media."
);
domain_enum!(
    ChangeKind,
    [ChangeKind::Item, ChangeKind::Case],
    "What a change is about."
);

const AUTHORITIES: [Authority; 5] = [
    Authority::Central,
    Authority::Provincial,
    Authority::Municipal,
    Authority::County,
    Authority::SelfMedia,
];

/// Fails to compile when an enum without an `ALL` list gains a variant.
const _: fn(Authority, ChangeKind) = |a, k| {
    match a {
        Authority::Central
        | Authority::Provincial
        | Authority::Municipal
        | Authority::County
        | Authority::SelfMedia => {}
    }
    match k {
        ChangeKind::Item | ChangeKind::Case => {}
    }
};

/// The kinds of due time a case can be past ([`crate::cases::overdue_kinds`]).
fn due_kinds() -> RefOr<Schema> {
    use utoipa::openapi::schema::ArrayBuilder;
    ArrayBuilder::new()
        .items(string_enum(
            ["info", "presser", "respond", "assignment"],
            "A due time: info (权威信息), presser (发布会), respond (回应), or the one agreed at assignment.",
        ))
        .into()
}

/// `anyOf` an RFC 3339 time, a date, or a date and time without zone
/// (Beijing time): what [`crate::time::parse_time`] reads.
pub fn time_schema() -> RefOr<Schema> {
    let string = |format: Option<KnownFormat>, pattern: Option<&str>| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(format.map(SchemaFormat::KnownFormat))
            .pattern(pattern)
    };
    let mut any = utoipa::openapi::schema::AnyOfBuilder::new()
        .item(string(Some(KnownFormat::DateTime), None))
        .item(string(Some(KnownFormat::Date), None))
        .item(string(
            None,
            Some(
                "^(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
            ),
        ))
        .description(Some(
            "RFC 3339 (2026-11-22T08:00:00Z), or YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS] in Beijing time; within the years 0000 to 9999 in UTC.",
        ));
    any = any.examples(["2026-11-22T08:00:00+08:00"]);
    any.into()
}

/// A comma-separated list of one enum's values (`style: form`, not
/// exploded), as the list filters take them.
fn comma_list<T: ToSchema>() -> RefOr<Schema> {
    use utoipa::openapi::schema::ArrayBuilder;
    ArrayBuilder::new().items(T::schema()).into()
}

/// The severity spellings `min_severity` accepts: I–IV in any case, Ⅰ–Ⅳ,
/// 1–4 and the Chinese names (all that [`Severity::parse`] reads).
fn severity_spellings() -> RefOr<Schema> {
    let mut spellings: Vec<String> = Vec::new();
    for s in Severity::ALL {
        let roman = s.roman();
        // Every upper/lower-case mix of the numeral.
        for mask in 0..(1u32 << roman.len()) {
            spellings.push(
                roman
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if mask & (1 << i) != 0 {
                            c.to_ascii_lowercase()
                        } else {
                            c
                        }
                    })
                    .collect(),
            );
        }
        spellings.push(s.label_zh().to_string());
    }
    spellings.extend(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "1", "2", "3", "4"].map(String::from));
    spellings.retain(|s| Severity::parse(s).is_some());
    string_enum(
        spellings,
        "Least severity: I–IV (any case), Ⅰ–Ⅳ, 1–4, or 特别重大, 重大, 较大, 一般.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::Action;

    #[test]
    fn domain_enums_are_described_as_serde_writes_them() {
        let values = |s: RefOr<Schema>| serde_json::to_value(s).unwrap_or_default()["enum"].clone();
        assert_eq!(
            values(Category::schema()),
            serde_json::json!(["policy", "interest", "morality", "emergency", "directive"])
        );
        assert_eq!(
            values(Severity::schema()),
            serde_json::json!(["IV", "III", "II", "I"])
        );
        assert_eq!(
            values(Authority::schema())[4],
            serde_json::json!("self_media")
        );
        let spellings = values(severity_spellings());
        for s in ["I", "ii", "iV", "Ⅲ", "4", "重大"] {
            assert!(
                spellings.as_array().is_some_and(|a| a.contains(&s.into())),
                "{s} missing from {spellings}"
            );
        }
    }

    #[test]
    fn blank_patterns_agree() {
        let doc = super::super::openapi::document();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["NewItem"]["properties"]["source"]["pattern"],
            NOT_BLANK
        );
        let text = doc.to_string();
        let quoted = serde_json::to_string(NOT_BLANK).unwrap_or_default();
        assert_eq!(text.matches(&quoted).count(), 6, "{text}");
    }

    #[test]
    fn actions_round_trip_through_the_api_shape() {
        for json in [
            serde_json::json!({"action": "confirm"}),
            serde_json::json!({"action": "assign", "department": "市应急管理局", "assignee": null, "due": null}),
            serde_json::json!({"action": "respond", "where": "如东发布", "how": "通报", "link": null}),
            serde_json::json!({"action": "set_severity", "severity": "II"}),
            serde_json::json!({"action": "merge", "into": 7}),
            serde_json::json!({"action": "split", "items": ["a"]}),
        ] {
            let body: ActionBody = serde_json::from_value(json.clone()).unwrap_or(ActionBody::Note);
            let domain: Action = body.clone().into();
            assert_eq!(serde_json::to_value(&domain).ok(), Some(json.clone()));
            assert_eq!(ActionBody::from(domain), body);
        }
    }
}
