//! Quality of the shipped keyword lists on the labelled fixture sets
//! (`tests/fixtures/labelled.jsonl`, 177 items; `holdout.jsonl` and
//! `holdout2.jsonl`, 40 items each, written later in other wording: news
//! reports, official notices and Weibo posts): per-category precision and recall floors,
//! flags, and severity agreement. Run with `--nocapture` to see the table.

mod common;

use std::collections::BTreeMap;

use serde::Deserialize;
use yuqing::classify::{Category, Document, Flag, Severity};

#[derive(Debug, Deserialize)]
struct Labels {
    categories: Vec<Category>,
    severity: Option<Severity>,
    flags: Vec<Flag>,
}

#[derive(Debug, Deserialize)]
struct Labelled {
    id: String,
    #[serde(default)]
    title: String,
    text: String,
    labels: Labels,
}

#[derive(Debug, Default)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            _ => {}
        }
    }
    fn precision(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fp).max(1))
    }
    fn recall(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1))
    }
}

/// Floors set below the measured figures (see the README), so a list edit
/// that loses real quality fails the build.
const PRECISION_FLOOR: f64 = 0.85;
const RECALL_FLOOR: f64 = 0.85;
const SEVERITY_AGREEMENT_FLOOR: f64 = 0.85;

#[test]
fn shipped_lists_meet_precision_and_recall_floors() {
    let mut items: Vec<Labelled> = Vec::new();
    for name in ["labelled.jsonl", "holdout.jsonl", "holdout2.jsonl"] {
        let path = common::root().join("tests/fixtures").join(name);
        let data = std::fs::read_to_string(&path).unwrap();
        items.extend(
            data.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str::<Labelled>(l).unwrap()),
        );
    }
    assert!(
        items.len() >= 150,
        "the labelled sets must hold at least 150 items"
    );

    let classifier = common::shipped_classifier();
    let mut per_category: BTreeMap<Category, Counts> = BTreeMap::new();
    let mut per_flag: BTreeMap<Flag, Counts> = BTreeMap::new();
    let (mut severity_total, mut severity_agree) = (0u32, 0u32);
    let mut misses = Vec::new();
    for item in &items {
        let got = classifier.classify(&Document {
            title: &item.title,
            text: &item.text,
            ..Default::default()
        });
        assert_eq!(
            got.severity.is_none(),
            got.categories.is_empty(),
            "{}: severity is null exactly when no category matched",
            item.id
        );
        for c in Category::ALL {
            let truth = item.labels.categories.contains(&c);
            let predicted = got.categories.contains(&c);
            per_category.entry(c).or_default().add(truth, predicted);
            if truth != predicted {
                misses.push(format!(
                    "{} {c}: expected {truth}, got {predicted}",
                    item.id
                ));
            }
        }
        for f in Flag::ALL {
            per_flag
                .entry(f)
                .or_default()
                .add(item.labels.flags.contains(&f), got.flags.contains(&f));
        }
        if item.labels.severity.is_some() && got.severity.is_some() {
            severity_total += 1;
            if item.labels.severity == got.severity {
                severity_agree += 1;
            }
        }
    }

    println!(
        "{:<10} {:>9} {:>6} {:>4} {:>4} {:>4}",
        "category", "precision", "recall", "tp", "fp", "fn"
    );
    for (c, n) in &per_category {
        println!(
            "{:<10} {:>9.3} {:>6.3} {:>4} {:>4} {:>4}",
            c.slug(),
            n.precision(),
            n.recall(),
            n.tp,
            n.fp,
            n.fn_
        );
    }
    for (f, n) in &per_flag {
        println!(
            "flag {:<6}  precision {:.3} recall {:.3}",
            f.slug(),
            n.precision(),
            n.recall()
        );
    }
    let agreement = f64::from(severity_agree) / f64::from(severity_total.max(1));
    println!("severity agreement {agreement:.3} ({severity_agree}/{severity_total})");
    for m in &misses {
        println!("  miss: {m}");
    }

    for (c, n) in &per_category {
        assert!(
            n.precision() >= PRECISION_FLOOR,
            "{c}: precision {:.3} below floor",
            n.precision()
        );
        assert!(
            n.recall() >= RECALL_FLOOR,
            "{c}: recall {:.3} below floor",
            n.recall()
        );
    }
    assert!(
        agreement >= SEVERITY_AGREEMENT_FLOOR,
        "severity agreement {agreement:.3} below floor"
    );
}

#[test]
fn hard_negatives_stay_clean() {
    let classifier = common::shipped_classifier();
    for text in [
        "为提高安全意识，学校开展消防应急疏散演练，模拟教学楼起火。",
        "这家店生意火爆，新品一上市就成了爆款。",
        "南京市长江大桥是南京的标志性建筑。",
        "今天是地震十五周年纪念日，我们缅怀遇难同胞。",
        "周末吃火锅，大火烧开后转小火慢炖。",
    ] {
        let got = classifier.classify(&Document {
            text,
            ..Default::default()
        });
        assert!(got.categories.is_empty(), "{text}: {:?}", got.matches);
        assert_eq!(got.severity, None);
    }
}

#[test]
fn evidence_names_file_and_line_and_reasons_quote_the_text() {
    let classifier = common::shipped_classifier();
    let got = classifier.classify(&Document {
        text: "化工厂发生爆炸，事故造成3人死亡。",
        ..Default::default()
    });
    assert_eq!(got.categories, vec![Category::Emergency]);
    assert_eq!(got.severity, Some(Severity::III));
    let m = got
        .matches
        .iter()
        .find(|m| m.category == Some(Category::Emergency))
        .unwrap();
    assert!(m.rule.starts_with(&format!(
        "{}",
        common::root().join("keywords/emergency.txt").display()
    )));
    assert!(m.terms.contains(&"爆炸".to_string()));
    assert!(
        got.reasons
            .iter()
            .any(|r| r.contains("3人死亡") && r.ends_with("→ III")),
        "{:?}",
        got.reasons
    );
}

#[test]
fn traditional_and_full_width_text_match_simplified_lists() {
    let classifier = common::shipped_classifier();
    let got = classifier.classify(&Document {
        text: "某商場發生火災，目前已造成３人死亡，多人受傷送醫。",
        ..Default::default()
    });
    assert_eq!(got.categories, vec![Category::Emergency]);
    assert_eq!(got.severity, Some(Severity::III));
}

#[test]
fn regions_report_canonical_names_in_order_of_mention() {
    let classifier = common::shipped_classifier();
    let got = classifier.classify(&Document {
        text: "如东县一化工厂爆炸，南通市应急管理局赶赴现场；北京通州区无关。",
        ..Default::default()
    });
    assert_eq!(
        got.regions,
        vec!["如东县".to_string(), "南通市".to_string()]
    );
}

#[test]
fn html_input_is_stripped_before_matching() {
    let classifier = common::shipped_classifier();
    let got = classifier.classify(&Document {
        text: "<div><p>小区居民楼发生&nbsp;<b>火灾</b></p><script>var a='演练';</script></div>",
        ..Default::default()
    });
    assert_eq!(got.categories, vec![Category::Emergency]);
}
