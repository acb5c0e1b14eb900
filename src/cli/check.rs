//! `yuqing check`: validate a daemon config (sources, selectors, cron
//! expressions, routing, tokens) and its keyword lists, or keyword lists
//! alone, and summarize them.

use std::collections::BTreeSet;
use std::process::ExitCode;

use yuqing::classify::rules::Level;
use yuqing::classify::{Classifier, RuleSet};
use yuqing::text::Normalizer;

use std::path::PathBuf;

use yuqing::config::{Config, ConfigError};

use super::KeywordsArg;

/// Arguments of `yuqing check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    keywords: KeywordsArg,
    /// Check this daemon config and the keyword lists it names (as
    /// `yuqing run` would load them) instead of a keyword directory alone.
    #[arg(long, short = 'c', conflicts_with = "keywords")]
    config: Option<PathBuf>,
}

/// Prints every problem with `file:line`, then a summary per list.
/// Exit code 1 when there is any error.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let mut dir = args.keywords.keywords.clone();
    let mut config_errors = 0;
    if let Some(path) = &args.config {
        match Config::load(path) {
            Ok(config) => {
                let tokens = config.tokens().len();
                println!(
                    "{}: OK — {} source(s) ({} enabled), {tokens} API token(s), store {}",
                    path.display(),
                    config.sources.len(),
                    config.sources.iter().filter(|s| s.enabled).count(),
                    config.store.display()
                );
                dir = config.keywords;
            }
            Err(e) => {
                // One line per problem, each naming the file and its key or line.
                let text = e.to_string();
                let (file, rest) = match &e {
                    ConfigError::Invalid { path, .. } => {
                        let p = format!("{}: ", path.display());
                        (
                            p.clone(),
                            text.strip_prefix(&p).unwrap_or(&text).to_string(),
                        )
                    }
                    _ => (String::new(), text.clone()),
                };
                if matches!(e, ConfigError::Invalid { .. }) {
                    for line in rest.lines().filter(|l| !l.trim().is_empty()) {
                        println!("{file}{line}");
                        config_errors += 1;
                    }
                } else {
                    println!("{rest}");
                    config_errors = 1;
                }
                println!("FAILED: {config_errors} error(s) in {}", path.display());
                return Ok(ExitCode::from(1));
            }
        }
    }
    let dir = &dir;
    let normalizer = Normalizer::shared()?;
    let rules = match RuleSet::load_dir(dir, normalizer) {
        Ok(r) => r,
        Err(e) => {
            for p in &e.problems {
                println!("{p}");
            }
            let n = e
                .problems
                .iter()
                .filter(|p| p.level == Level::Error)
                .count();
            println!("FAILED: {n} error(s) in {}", dir.display());
            return Ok(ExitCode::from(1));
        }
    };
    for w in &rules.warnings {
        println!("{w}");
    }
    let mut total_terms = BTreeSet::new();
    let mut total_rules = 0;
    for list in &rules.lists {
        let terms: BTreeSet<&str> = list
            .rules
            .iter()
            .flat_map(|r| r.groups.iter().flatten().chain(&r.excludes))
            .chain(&list.excludes)
            .map(String::as_str)
            .collect();
        println!(
            "{}: {} — {} rules, {} terms, {} file-wide exclusions",
            list.file,
            list.kind.name(),
            list.rules.len(),
            terms.len(),
            list.excludes.len()
        );
        total_rules += list.rules.len();
        total_terms.extend(terms);
    }
    if let Some(model) = &rules.model {
        println!(
            "{}: model — {} weighted n-grams, adds a category from probability {}, outvotes the rules below {}, windows of {} characters",
            model.location,
            model.len(),
            model.add,
            model.keep,
            model.window
        );
    }
    // Compiling proves the automaton and segmenter accept every term.
    Classifier::new(rules.clone())?;
    println!(
        "OK: {} lists, {total_rules} rules, {} distinct terms, {} warning(s)",
        rules.lists.len(),
        total_terms.len(),
        rules.warnings.len()
    );
    Ok(ExitCode::SUCCESS)
}
