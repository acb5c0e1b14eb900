//! `yuqing check`: validate keyword lists and summarize them.

use std::collections::BTreeSet;
use std::process::ExitCode;

use yuqing::classify::rules::Level;
use yuqing::classify::{Classifier, RuleSet};
use yuqing::text::Normalizer;

use super::KeywordsArg;

/// Arguments of `yuqing check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    keywords: KeywordsArg,
}

/// Prints every problem with `file:line`, then a summary per list.
/// Exit code 1 when there is any error.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let dir = &args.keywords.keywords;
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
