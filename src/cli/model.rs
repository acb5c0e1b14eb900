//! `yuqing model train`: fit the learned category model
//! (`keywords/model.tsv`) on labelled JSON Lines and write it.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::Deserialize;
use yuqing::classify::model::{self, Example, TrainOptions};
use yuqing::classify::{Category, Document, classifier::normalize_document};
use yuqing::text::Normalizer;

/// Arguments of `yuqing model`.
#[derive(Debug, clap::Args)]
pub struct ModelArgs {
    #[command(subcommand)]
    command: ModelCommand,
}

#[derive(Debug, clap::Subcommand)]
enum ModelCommand {
    /// Train the model on labelled JSON Lines (`title`, `text`, and
    /// `categories` or `labels.categories`) and write it.
    Train(TrainArgs),
}

/// Arguments of `yuqing model train`.
#[derive(Debug, clap::Args)]
struct TrainArgs {
    /// Labelled JSON Lines files; an item with no categories is a negative.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Where to write the model (the keyword directory's `model.tsv` is
    /// what the daemon reads).
    #[arg(long, short = 'o')]
    out: PathBuf,
    /// Inverse regularization: larger fits the examples more closely.
    #[arg(long, default_value_t = TrainOptions::default().c)]
    c: f32,
    /// Weigh only n-grams found in at least this many items.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    min_count: u32,
    /// Probability under which the model outvotes a rule's category.
    #[arg(long, default_value_t = model::DEFAULT_KEEP)]
    keep: f32,
    /// Probability from which the model adds a category on its own.
    #[arg(long, default_value_t = model::DEFAULT_ADD)]
    add: f32,
    /// Probability from which an item whose every rule category the model
    /// outvoted moves to the model's best category.
    #[arg(long = "move", default_value_t = model::DEFAULT_MOVE)]
    move_to: f32,
}

/// One labelled line; both the fixtures' and the development set's shapes.
#[derive(Debug, Deserialize)]
struct Labelled {
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    categories: Option<Vec<String>>,
    #[serde(default)]
    labels: Option<Labels>,
}

#[derive(Debug, Deserialize)]
struct Labels {
    #[serde(default)]
    categories: Vec<String>,
}

/// Runs `yuqing model …`.
pub fn run(args: ModelArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        ModelCommand::Train(a) => train(a),
    }
}

fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let probability = |p: f32| (0.0..=1.0).contains(&p);
    if !probability(args.keep)
        || !probability(args.add)
        || !probability(args.move_to)
        || args.keep > args.add
    {
        anyhow::bail!("--keep, --add and --move are probabilities, with --keep at most --add");
    }
    let normalizer = Normalizer::shared()?;
    let mut examples = Vec::new();
    let mut names = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).with_context(|| format!("cannot open {name}"))?;
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.with_context(|| format!("reading {name}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let item: Labelled = serde_json::from_str(&line)
                .with_context(|| format!("{name}:{}: not a labelled item", n + 1))?;
            let slugs = item
                .categories
                .or(item.labels.map(|l| l.categories))
                .with_context(|| {
                    format!(
                        "{name}:{}: no \"categories\" (or \"labels.categories\")",
                        n + 1
                    )
                })?;
            let categories = slugs
                .iter()
                .map(|s| {
                    Category::from_slug(s)
                        .with_context(|| format!("{name}:{}: unknown category \"{s}\"", n + 1))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let doc = Document {
                title: &item.title,
                text: &item.text,
                ..Default::default()
            };
            examples.push(Example {
                text: normalize_document(normalizer, &doc),
                categories,
            });
        }
        names.push(
            path.file_name()
                .map_or(name.clone(), |f| f.to_string_lossy().into_owned()),
        );
    }
    let options = TrainOptions {
        c: args.c,
        min_count: args.min_count,
        ..TrainOptions::default()
    };
    let mut trained = model::train(&examples, &options);
    // A term is read back on its own (`Model::parse` normalizes it), so
    // one that normalizes to another form would be weighed twice or under
    // the wrong n-gram.
    trained.retain_terms(|term| normalizer.normalize(term) == term);
    trained.keep = args.keep;
    trained.add = args.add;
    trained.move_to = args.move_to;
    let counts: Vec<String> = Category::ALL
        .iter()
        .map(|c| {
            let n = examples.iter().filter(|e| e.categories.contains(c)).count();
            format!("{} {n}", c.slug())
        })
        .collect();
    let negatives = examples.iter().filter(|e| e.categories.is_empty()).count();
    trained.notes = vec![
        "yuqing category model: per-category logistic regression over character 2–3-grams (keywords/README.md, \"The learned model\").".into(),
        format!(
            "Trained by `yuqing model train` (c {}, min-count {}) on {} items ({}; negatives {negatives}) from {}.",
            options.c,
            options.min_count,
            examples.len(),
            counts.join(", "),
            names.join(", ")
        ),
        "Columns: n-gram, then its weight per category; @bias is each category's intercept.".into(),
    ];
    let text = trained.to_file();
    let tmp = args.out.with_extension("tsv.tmp");
    std::fs::write(&tmp, &text).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &args.out)
        .with_context(|| format!("cannot replace {}", args.out.display()))?;
    eprintln!(
        "{}: {} n-grams weighed, trained on {} items ({}; negatives {negatives})",
        args.out.display(),
        trained.len(),
        examples.len(),
        counts.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}
