//! Subcommands of the `yuqing` binary.

pub mod check;
pub mod classify;
pub mod health;
pub mod model;
pub mod poll;
pub mod report;
pub mod run;
pub mod store_cmds;

use std::path::{Path, PathBuf};

use anyhow::Context;
use yuqing::classify::{Classifier, RuleSet};
use yuqing::text::Normalizer;

/// Where keyword lists are read from unless `--keywords` says otherwise.
pub const DEFAULT_KEYWORDS: &str = "keywords";

/// The `--keywords` option shared by the subcommands.
#[derive(Debug, Clone, clap::Args)]
pub struct KeywordsArg {
    /// Directory of keyword lists (*.txt).
    #[arg(long, short = 'k', env = "YUQING_KEYWORDS", default_value = DEFAULT_KEYWORDS)]
    pub keywords: PathBuf,
}

/// Loads the lists of `dir`; on failure the error lists every problem.
pub fn load_rules(dir: &Path) -> anyhow::Result<RuleSet> {
    let normalizer = Normalizer::shared()?;
    Ok(RuleSet::load_dir(dir, normalizer)?)
}

/// Loads the lists of `dir` and compiles a classifier; warnings go to stderr.
pub fn load_classifier(dir: &Path) -> anyhow::Result<Classifier> {
    let rules = load_rules(dir)?;
    for w in &rules.warnings {
        eprintln!("{w}");
    }
    Classifier::new(rules)
        .with_context(|| format!("compiling the keyword lists of {}", dir.display()))
}
