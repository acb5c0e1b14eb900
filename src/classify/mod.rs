//! Classification stage: keyword lists ([`rules`]), the token-aligned
//! [`matcher`], the [`severity`] guess, and the [`Classifier`] that runs them
//! on a document and explains its answer.
//!
//! # Architecture
//!
//! A [`RuleSet`] is parsed from `keywords/*.txt`, then compiled once into a
//! [`Classifier`] (an Aho-Corasick automaton over every term plus a jieba
//! segmenter that knows the terms). A document is normalized, scanned, and
//! only the text blocks around candidate hits are segmented to check that a
//! hit covers whole words. A learned [`model`] (`keywords/model.tsv`), when
//! present, reads the same normalized text and may add a category the rules
//! missed or outvote a rule's category it finds unlikely, with its evidence
//! in the reasons.

pub mod classifier;
pub mod explain;
pub mod matcher;
pub mod model;
pub mod reach;
pub mod rules;
pub mod severity;
pub mod types;

pub use classifier::{Classification, Classifier, ClassifierError, Document, Match};
pub use rules::{ListKind, Problem, RuleErrors, RuleSet};
pub use severity::{Authority, Signals};
pub use types::{Category, Flag, Severity};
