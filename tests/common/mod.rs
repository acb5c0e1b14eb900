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
