//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use yuqing::classify::{Classifier, RuleSet};
use yuqing::text::Normalizer;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A classifier over the shipped keyword lists.
pub fn shipped_classifier() -> Classifier {
    let rules = RuleSet::load_dir(&root().join("keywords"), Normalizer::shared().unwrap())
        .unwrap_or_else(|e| panic!("shipped keyword lists must load: {e}"));
    Classifier::new(rules).unwrap()
}

/// The `yuqing` binary built for these tests.
pub fn yuqing_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_yuqing"))
}

/// The external development set (`../shared/dev/items.jsonl`), one record
/// per line; `None`, with a message, when it is not beside the checkout.
pub fn dev_items<T: serde::de::DeserializeOwned>() -> Option<Vec<T>> {
    let path = root().join("../shared/dev/items.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("skipped: {} not found", path.display());
        return None;
    };
    Some(
        data.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
            .collect(),
    )
}

/// True for items of an event of even number: the development set's
/// tuning half (its README splits it by event parity).
pub fn dev_event_is_even(event: &str) -> bool {
    event
        .get(1..)
        .and_then(|n| n.parse::<u32>().ok())
        .unwrap_or(1)
        % 2
        == 0
}

/// A webhook at `url`, with every filter off.
pub fn webhook(
    name: &str,
    kind: yuqing::alerts::WebhookKind,
    url: String,
) -> yuqing::alerts::WebhookConfig {
    yuqing::alerts::WebhookConfig {
        name: name.into(),
        kind,
        url: Some(url),
        url_env: None,
        secret_env: None,
        min_severity: None,
        events: Vec::new(),
        categories: Vec::new(),
    }
}
