//! Grouping quality: items into cases (one per happening in the world,
//! JUDGEMENT.md "Cases"), measured on the external development set
//! (`../shared/dev/items.jsonl`, an `event` id on every item) ingested in
//! time order through the real pipeline into a real sled store, as a
//! backfill would be (all at once, long after publication). Prints pairwise
//! precision and recall and B-cubed F1 over the items yuqing flags, and
//! fails under floors a little below what it reaches.
//! Run with `--nocapture` to see the figures.

mod common;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::Deserialize;
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::store::Store;

#[derive(Debug, Deserialize)]
struct DevItem {
    id: String,
    #[serde(default)]
    source_kind: String,
    #[serde(default)]
    title: String,
    text: String,
    published: DateTime<Utc>,
    event: String,
}

/// Pairwise and B-cubed scores of a clustering against the truth.
#[derive(Debug, Default)]
struct Grouping {
    flagged: usize,
    predicted_pairs: usize,
    true_pairs: usize,
    agreed_pairs: usize,
    bcubed_precision: f64,
    bcubed_recall: f64,
}

impl Grouping {
    /// `items`: (true event, predicted case) of each flagged item.
    fn score(items: &[(String, u64)]) -> Self {
        let mut g = Grouping {
            flagged: items.len(),
            ..Default::default()
        };
        for (i, a) in items.iter().enumerate() {
            for b in &items[i + 1..] {
                let same_case = a.1 == b.1;
                let same_event = a.0 == b.0;
                g.predicted_pairs += usize::from(same_case);
                g.true_pairs += usize::from(same_event);
                g.agreed_pairs += usize::from(same_case && same_event);
            }
        }
        let mut cluster_size: HashMap<u64, f64> = HashMap::new();
        let mut class_size: HashMap<&str, f64> = HashMap::new();
        let mut both: HashMap<(u64, &str), f64> = HashMap::new();
        for (event, case) in items {
            *cluster_size.entry(*case).or_default() += 1.0;
            *class_size.entry(event).or_default() += 1.0;
            *both.entry((*case, event)).or_default() += 1.0;
        }
        let n = items.len().max(1) as f64;
        for (event, case) in items {
            let overlap = both[&(*case, event.as_str())];
            g.bcubed_precision += overlap / cluster_size[case] / n;
            g.bcubed_recall += overlap / class_size[event.as_str()] / n;
        }
        g
    }

    fn pairwise_precision(&self) -> f64 {
        self.agreed_pairs as f64 / self.predicted_pairs.max(1) as f64
    }

    fn pairwise_recall(&self) -> f64 {
        self.agreed_pairs as f64 / self.true_pairs.max(1) as f64
    }

    fn bcubed_f1(&self) -> f64 {
        let (p, r) = (self.bcubed_precision, self.bcubed_recall);
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

const PAIRWISE_PRECISION_FLOOR: f64 = 0.95;
const BCUBED_F1_FLOOR: f64 = 0.96;

/// Feeds `items` (sorted by publication) through the real pipeline into a
/// real store, as a backfill: in time order, in batches, long after
/// publication. Returns (true event, case, item) of each flagged item.
fn group(items: &[DevItem]) -> Vec<(String, u64, &DevItem)> {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = Utc::now();
    let pipeline = Pipeline::new(common::shipped_classifier(), store, now).unwrap();
    let mut assigned = Vec::new();
    for chunk in items.chunks(20) {
        let batch: Vec<NewItem> = chunk
            .iter()
            .map(|i| NewItem {
                source: format!("dev-{}", i.source_kind),
                source_kind: Some(i.source_kind.clone()),
                guid: Some(i.id.clone()),
                title: i.title.clone(),
                text: i.text.clone(),
                published: Some(i.published),
                ..Default::default()
            })
            .collect();
        let results = pipeline.ingest_batch(batch, now).unwrap();
        for (item, r) in chunk.iter().zip(results) {
            if let Some(case) = r.unwrap().case_id {
                assigned.push((item.event.clone(), case, item));
            }
        }
    }
    assigned
}

/// Prints one line of grouping figures.
fn print_grouping(set: &str, g: &Grouping) {
    println!(
        "grouping, {set}: {} items flagged; pairwise precision {:.3} ({}/{}), recall {:.3} ({}/{}); B-cubed precision {:.3}, recall {:.3}, F1 {:.3}",
        g.flagged,
        g.pairwise_precision(),
        g.agreed_pairs,
        g.predicted_pairs,
        g.pairwise_recall(),
        g.agreed_pairs,
        g.true_pairs,
        g.bcubed_precision,
        g.bcubed_recall,
        g.bcubed_f1()
    );
}

/// Scores grouping on one of the project's fresh event sets
/// (`tests/fixtures/eventsN.jsonl`, the development set's shape) and
/// asserts its floors.
///
/// Which items are flagged, and as what, moves with the model: when the
/// model of events2–166 shipped, nine floors went down by up to 0.04
/// (events136, 138, 140, 141, 146, 148, 154, 160, 168), while over all 175
/// sets pooled pairwise precision went 0.705 → 0.777, recall 0.4878 →
/// 0.4871 and mean B-cubed stayed 0.898. The lists from events187–196
/// flagged more of events188 (property management), whose matters at one
/// estate draw together: its precision floor went 0.52 → 0.49. Hospital
/// care no longer makes two reports naming hospitals one kind (it is read
/// from 医院 itself): over 195 sets pooled precision went 0.761 → 0.790,
/// recall 0.478 → 0.474, mean B-cubed 0.8968 → 0.8973; events170
/// (ambulances, whose reports of one call-out name hospitals) went to
/// B-cubed 0.900, its floor 0.90 → 0.89. The model of events2–196 moved
/// more: precision floors events114 0.55 → 0.54, events168 0.51 → 0.49
/// and events195 0.94 → 0.88 (its B-cubed rose 0.890 → 0.898); B-cubed
/// floors events115 0.91 → 0.90, events168 0.86 → 0.84 and events170
/// 0.89 → 0.87. Over the 195 sets pooled precision went 0.790 → 0.792,
/// recall 0.474 → 0.473, mean B-cubed 0.8973 → 0.8968. The model of
/// events2–231 (against that of events2–221), over 230 sets: pooled
/// precision 0.7643 → 0.7500, nearly all of it events142's one false
/// merge growing by a few reports (0.143 → 0.067), recall 0.4576 →
/// 0.4581, mean B-cubed 0.8996 → 0.8995.
fn fresh_event_set(file: &str, precision_floor: f64, bcubed_floor: f64) {
    let path = common::root().join("tests/fixtures").join(file);
    let data = std::fs::read_to_string(path).unwrap();
    let mut items: Vec<DevItem> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    items.sort_by_key(|i| i.published);
    let assigned = group(&items);
    let pairs: Vec<(String, u64)> = assigned.iter().map(|(e, c, _)| (e.clone(), *c)).collect();
    let g = Grouping::score(&pairs);
    print_grouping(&format!("{file} ({} items)", items.len()), &g);
    if std::env::var_os("YUQING_DEV_MISSES").is_some() {
        print_mistakes(&assigned, &|_| true);
    }
    // `YUQING_GROUP_DUMP=dir` writes each item's case (id, event, case) to
    // `dir/<set>.tsv`, for comparing groupings item by item.
    if let Some(dir) = std::env::var_os("YUQING_GROUP_DUMP") {
        let name = std::path::Path::new(file)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let lines: String = assigned
            .iter()
            .map(|(e, c, i)| {
                let traits = yuqing::cases::read_event(&format!("{}\n{}", i.title, i.text), &[]);
                format!(
                    "{}\t{e}\t{c}\t{}\t{}\n",
                    i.id,
                    traits.places.join("|"),
                    traits.kinds.join("|")
                )
            })
            .collect();
        std::fs::write(
            std::path::Path::new(&dir).join(format!("{name}.tsv")),
            lines,
        )
        .unwrap();
    }
    assert_floors(file, &g, precision_floor, bcubed_floor);
}

/// Grouping of any labelled set in the fixtures' form, named by
/// `YUQING_EVENT_SET=/path/to/set.jsonl` (or several, comma-separated):
/// how a new set is scored unseen before it joins the fixtures. Ignored by
/// default (no floors).
#[test]
#[ignore]
fn grouping_of_the_set_named_in_the_environment() {
    let Some(path) = std::env::var_os("YUQING_EVENT_SET") else {
        println!("YUQING_EVENT_SET is not set; nothing to score");
        return;
    };
    // An absolute path replaces the fixtures directory in the join; a
    // comma-separated list scores each set in turn.
    for one in path.to_string_lossy().split(',').filter(|p| !p.is_empty()) {
        fresh_event_set(one, 0.0, 0.0);
    }
}

/// Fails when a set's pairwise precision or B-cubed F1 is under its floor.
fn assert_floors(set: &str, g: &Grouping, precision_floor: f64, bcubed_floor: f64) {
    assert!(
        g.pairwise_precision() >= precision_floor,
        "{set} pairwise precision {:.3} below floor {precision_floor}",
        g.pairwise_precision()
    );
    assert!(
        g.bcubed_f1() >= bcubed_floor,
        "{set} B-cubed F1 {:.3} below floor {bcubed_floor}",
        g.bcubed_f1()
    );
}

/// `tests/fixtures/events2.jsonl`: 207 items of 78 happenings written to
/// JUDGEMENT.md by a writer who saw neither the code nor the development
/// set, shaped like the scored grouping set: 45 events told three to five
/// times in different voices (a witness's post, reposts, 通报, updates, a
/// rumour and its 辟谣), look-alikes the same day in another county or town,
/// two happenings of different kinds at one place, and the same place weeks
/// later. Used to tune grouping. `YUQING_DEV_MISSES=1` lists mixed cases
/// and split events. It also trains the model (`keywords/model.tsv`), so
/// nearly all of it is flagged, the hard-to-group reports included.
#[test]
fn fresh_event_set_grouping() {
    fresh_event_set("events2.jsonl", 0.97, 0.93);
}

/// `tests/fixtures/events3.jsonl`: 201 items of 79 happenings, written like
/// events2 by another writer, with another invented geography. Never tuned
/// on: the honest figure for grouping.
#[test]
fn unseen_event_set_grouping() {
    fresh_event_set("events3.jsonl", 0.95, 0.86);
}

/// `tests/fixtures/events4.jsonl`: 202 items of 57 happenings (47 told two
/// to seven times, 13 look-alike pairs the same or the next day in another
/// county, repeat incidents at one place), by a third writer who saw no
/// other set. Never tuned on.
#[test]
fn second_unseen_event_set_grouping() {
    fresh_event_set("events4.jsonl", 0.94, 0.87);
}

/// `tests/fixtures/events5.jsonl`: 227 items of 106 happenings (48 told two
/// to five times, 15 look-alikes the same day in another county or a week
/// later at the same place, 43 hard negatives), by a fourth writer who saw
/// no other set. Never tuned on for grouping (the odd-numbered events of
/// it showed which everyday tellings the keyword lists lacked, and it
/// trains the model, so more of its hard-to-group posts are flagged).
#[test]
fn third_unseen_event_set_grouping() {
    fresh_event_set("events5.jsonl", 0.91, 0.87);
}

/// `tests/fixtures/events6.jsonl`: 262 items, 47 happenings told two to
/// four times among 127, and 72 hard negatives, by a fifth writer. Never
/// tuned on for grouping; it trains the model.
#[test]
fn fourth_unseen_event_set_grouping() {
    fresh_event_set("events6.jsonl", 0.93, 0.91);
}

/// Prints cases holding more than one event and events split over cases,
/// among the items `show` allows.
fn print_mistakes(assigned: &[(String, u64, &DevItem)], show: &dyn Fn(&DevItem) -> bool) {
    let mut by_case: BTreeMap<u64, Vec<&DevItem>> = BTreeMap::new();
    for (_, c, i) in assigned {
        by_case.entry(*c).or_default().push(i);
    }
    for (c, members) in &by_case {
        let mut events: Vec<&str> = members.iter().map(|i| i.event.as_str()).collect();
        events.sort_unstable();
        events.dedup();
        if events.len() > 1 && members.iter().all(|i| show(i)) {
            println!("case {c} mixes {events:?}");
            for i in members {
                let traits = yuqing::cases::read_event(&format!("{}\n{}", i.title, i.text), &[]);
                println!(
                    "   {} {} {} {}\n        {:?} {:?}",
                    i.event,
                    i.published,
                    i.title,
                    i.text.chars().take(60).collect::<String>(),
                    traits.places,
                    traits.kinds
                );
            }
        }
    }
    let mut by_event: BTreeMap<&str, Vec<(u64, &DevItem)>> = BTreeMap::new();
    for (e, c, i) in assigned {
        by_event.entry(e.as_str()).or_default().push((*c, i));
    }
    for (e, members) in &by_event {
        let mut cases: Vec<u64> = members.iter().map(|(c, _)| *c).collect();
        cases.sort_unstable();
        cases.dedup();
        if cases.len() > 1 && members.iter().all(|(_, i)| show(i)) {
            println!("event {e} split over cases {cases:?}");
            for (c, i) in members {
                // The traits as read from the raw text (the pipeline reads
                // the normalized copy with the regions found).
                let traits = yuqing::cases::read_event(&format!("{}\n{}", i.title, i.text), &[]);
                println!(
                    "   case {c} {} {} {}\n        {:?} {:?}",
                    i.published,
                    i.title,
                    i.text.chars().take(70).collect::<String>(),
                    traits.places,
                    traits.kinds
                );
            }
        }
    }
}

#[test]
fn development_set_grouping() {
    let Some(mut items) = common::dev_items::<DevItem>() else {
        return;
    };
    items.sort_by_key(|i| i.published);

    let assigned = group(&items);
    let score = |keep: &dyn Fn(&DevItem) -> bool| {
        let v: Vec<(String, u64)> = assigned
            .iter()
            .filter(|(_, _, i)| keep(i))
            .map(|(e, c, _)| (e.clone(), *c))
            .collect();
        Grouping::score(&v)
    };
    let even = |i: &DevItem| common::dev_event_is_even(&i.event);
    for (name, g) in [
        ("even events", score(&|i| even(i))),
        ("odd events", score(&|i| !even(i))),
        ("all", score(&|_| true)),
    ] {
        print_grouping(&format!("development set, {name}"), &g);
    }
    if std::env::var_os("YUQING_DEV_MISSES").is_some() {
        // Even events only: the odd half stays unseen.
        print_mistakes(&assigned, &|i| even(i));
    }
    let all = score(&|_| true);
    assert_floors(
        "development set",
        &all,
        PAIRWISE_PRECISION_FLOOR,
        BCUBED_F1_FLOOR,
    );
}

/// The sample inbox's reports of one happening share a case: a repost and
/// the case it reposts, a forum post and the bureau's 通报 of one canteen
/// poisoning, a rumour and its 辟谣; the other samples do not join them.
#[test]
fn sample_inbox_reports_of_one_happening_share_a_case() {
    let data = std::fs::read_to_string(common::root().join("inbox/samples.jsonl")).unwrap();
    let items: Vec<NewItem> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = Utc::now();
    let pipeline = Pipeline::new(common::shipped_classifier(), store.clone(), now).unwrap();
    let ids: Vec<String> = items.iter().map(|i| i.guid.clone().unwrap()).collect();
    let results = pipeline.ingest_batch(items, now).unwrap();
    let case_of: HashMap<String, Option<u64>> = ids
        .into_iter()
        .zip(results)
        .map(|(id, r)| (id, r.unwrap().case_id))
        .collect();
    let case = |id: &str| case_of[id].unwrap_or_else(|| panic!("{id} opened no case"));
    assert_eq!(
        case("sample-001"),
        case("sample-002"),
        "the blast and its 通报"
    );
    assert_eq!(
        case("sample-001"),
        case("sample-003"),
        "the blast and its repost"
    );
    assert_eq!(
        case("sample-016"),
        case("sample-017"),
        "the poisoning and the bureau's 通报"
    );
    assert_eq!(
        case("sample-016"),
        case("sample-040"),
        "the poisoning and its update"
    );
    assert_eq!(
        case("sample-019"),
        case("sample-020"),
        "the rumour and its 辟谣"
    );
    assert_ne!(
        case("sample-001"),
        case("sample-035"),
        "another matter in the same county"
    );
    assert_ne!(case("sample-016"), case("sample-019"));
    let opened: std::collections::BTreeSet<u64> = case_of.values().flatten().copied().collect();
    println!(
        "sample inbox: {} items, {} flagged, {} cases opened",
        case_of.len(),
        case_of.values().flatten().count(),
        opened.len()
    );
}

/// A 辟谣 answering a 网传 claim joins the claim's case, which records the
/// refutation in a field and its history; a graver update raises the case.
#[test]
fn refutations_and_updates_are_recorded_on_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = Utc::now();
    let pipeline = Pipeline::new(common::shipped_classifier(), store.clone(), now).unwrap();
    let item = |guid: &str, text: &str| NewItem {
        source: "测试".into(),
        guid: Some(guid.into()),
        text: text.into(),
        ..Default::default()
    };
    let claim = pipeline
        .ingest(
            item(
                "c1",
                "网传“南通明天起全市停水三天”，是真的吗？大家赶紧囤水！",
            ),
            now,
        )
        .unwrap();
    let answer = pipeline
        .ingest(
            item(
                "c2",
                "辟谣：网传“南通明天起全市停水三天”系谣言，我市供水正常，请勿轻信。",
            ),
            now,
        )
        .unwrap();
    assert_eq!(claim.case_id, answer.case_id);
    let case = store.case(claim.case_id.unwrap()).unwrap().unwrap();
    let refuted = case
        .refuted
        .as_ref()
        .expect("the case records the refutation");
    assert_eq!(refuted.item_id, answer.item_id);
    assert!(case.history.iter().any(|h| {
        h.note
            .as_deref()
            .is_some_and(|n| n.starts_with("refuted by item"))
    }));

    let first = pipeline
        .ingest(
            item(
                "b1",
                "如东县洋口化工园区一企业车间发生爆炸，已造成3人死亡。",
            ),
            now,
        )
        .unwrap();
    let update = pipeline
        .ingest(
            item("b2", "如东县洋口化工园区爆炸事故死亡人数升至12人。"),
            now,
        )
        .unwrap();
    assert_eq!(first.case_id, update.case_id);
    assert_eq!(update.raised_from, Some(yuqing::classify::Severity::III));
    let case = store.case(first.case_id.unwrap()).unwrap().unwrap();
    assert_eq!(case.severity, yuqing::classify::Severity::II);
    assert!(case.history.iter().any(|h| {
        h.note
            .as_deref()
            .is_some_and(|n| n.contains("severity raised III → II"))
    }));
}

/// An ongoing matter keeps its case for weeks across a restart: the index
/// rebuilt at start holds the cases of the longest window, not only the
/// last 72 hours'.
#[test]
fn a_reply_weeks_later_joins_its_case_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let t0 = Utc::now() - chrono::Duration::days(15);
    let item = |guid: &str, text: &str, at| NewItem {
        source: "测试".into(),
        guid: Some(guid.into()),
        text: text.into(),
        published: Some(at),
        ..Default::default()
    };
    let complaint = {
        let store = Store::open(dir.path()).unwrap();
        let pipeline = Pipeline::new(common::shipped_classifier(), store, t0).unwrap();
        pipeline
            .ingest(
                item(
                    "a",
                    "柏溪区东岸村征收补偿款拖欠近两年，村民反映强拆，要求公开补偿标准。",
                    t0,
                ),
                t0,
            )
            .unwrap()
    };
    // Restarted two weeks later: the sled handles of the first pipeline are
    // gone with it.
    let later = t0 + chrono::Duration::days(14);
    let store = Store::open(dir.path()).unwrap();
    let pipeline = Pipeline::new(common::shipped_classifier(), store, later).unwrap();
    let reply = pipeline
        .ingest(
            item(
                "b",
                "柏溪区人民政府关于东岸村征收补偿问题的回复，补偿款将于月底前发放。",
                later,
            ),
            later,
        )
        .unwrap();
    assert!(complaint.case_id.is_some());
    assert_eq!(reply.case_id, complaint.case_id);
}

/// `tests/fixtures/events7.jsonl`: 254 items, 91 happenings (56 told by
/// more than one kind of source) and 75 hard negatives, by a sixth writer
/// who saw no other set. Never tuned on for grouping; it trains the model.
#[test]
fn fifth_unseen_event_set_grouping() {
    // B-cubed 0.868 → 0.859 when a 人民医院 or a 热力公司 named alone
    // stopped being one place wherever it is (see `cases::event`).
    fresh_event_set("events7.jsonl", 0.97, 0.87);
}

/// `tests/fixtures/events8.jsonl`: 244 items, 96 happenings told by
/// bystanders, relatives and county notices, often without punctuation,
/// and 60 hard negatives, by a seventh writer. Never tuned on for
/// grouping; it trains the model.
#[test]
fn sixth_unseen_event_set_grouping() {
    fresh_event_set("events8.jsonl", 0.93, 0.81);
}

/// `tests/fixtures/events9.jsonl`: 239 items, 83 accidents and disasters
/// reported in news and bulletins (36 with two or three reports as figures
/// change) and 110 national-newspaper paragraphs, by an eighth writer.
/// Never tuned on for grouping, never used to train the model.
#[test]
fn seventh_unseen_event_set_grouping() {
    fresh_event_set("events9.jsonl", 0.97, 0.95);
}

/// `tests/fixtures/events10.jsonl`: 226 items on livelihood matters,
/// policy misreadings, moral outrages and directives (78 happenings, 63
/// negatives), by a ninth writer. Never tuned on for grouping; it trains
/// the model.
#[test]
fn eighth_unseen_event_set_grouping() {
    fresh_event_set("events10.jsonl", 0.97, 0.88);
}

/// `tests/fixtures/events11.jsonl`: 226 items of one busy week in one
/// province (77 happenings told one to four times, a quarter in
/// Traditional characters, 77 negatives), by a tenth writer. Never tuned
/// on for grouping; it trains the model. Its low pairwise precision is a
/// known weakness: several incidents of one kind in one county or city
/// within days merge when no report names a town or site (a forest fire
/// and a cold-store fire two days apart). A rule keeping such reports
/// apart after a day unless told alike was tried: it lost more recall on
/// every other set than it won here.
#[test]
fn ninth_unseen_event_set_grouping() {
    fresh_event_set("events11.jsonl", 0.70, 0.89);
}

/// `tests/fixtures/events12.jsonl`: 240 items, 117 happenings (71 told
/// more than once), by an eleventh writer: what people write on Weibo,
/// short-video comments and local forums, and the 通报 that answers them.
/// Grouping never tuned on; it trains the model.
#[test]
fn tenth_unseen_event_set_grouping() {
    // B-cubed 0.810 → 0.8099 when round 68's rules matched more terms in
    // its reports (the terms two reports share weigh in joining them);
    // its categories are unchanged (floor 0.81 → 0.80).
    fresh_event_set("events12.jsonl", 0.98, 0.80);
}

/// `tests/fixtures/events13.jsonl`: 237 items, 122 happenings, by a twelfth
/// writer: longer official texts, investigations and replies, and routine
/// official news as negatives. Grouping never tuned on; it trains the
/// model.
#[test]
fn eleventh_unseen_event_set_grouping() {
    fresh_event_set("events13.jsonl", 0.60, 0.87);
}

/// `tests/fixtures/events14.jsonl`: 233 items about 93 priority happenings,
/// each told two to four times (no negatives), by a thirteenth writer.
/// Grouping never tuned on; it trains the model.
#[test]
fn twelfth_unseen_event_set_grouping() {
    fresh_event_set("events14.jsonl", 0.95, 0.82);
}

/// `tests/fixtures/events15.jsonl`: 235 items about 88 priority happenings
/// in one prefecture, each told two to four times, by a fourteenth writer.
/// Never tuned on, never trains the model.
#[test]
fn thirteenth_unseen_event_set_grouping() {
    // B-cubed 0.808 → 0.795 with the model retrained on events28–41.
    fresh_event_set("events15.jsonl", 0.93, 0.80);
}

/// `tests/fixtures/events16.jsonl`: 246 items of an ordinary month (133
/// negatives), by a fifteenth writer. Never tuned on, never trains the
/// model.
#[test]
fn fourteenth_unseen_event_set_grouping() {
    fresh_event_set("events16.jsonl", 0.82, 0.86);
}

/// `tests/fixtures/events17.jsonl` to `events21.jsonl`: five sets by five
/// more writers (a city bordering Hong Kong in Traditional characters and
/// Cantonese; news reports and bulletins; people's comments and threads;
/// a mountain prefecture's happenings; a large city's), each scored unseen
/// first. events19 never trains the model; the others do. Grouping never
/// tuned on any of them.
#[test]
fn five_more_unseen_event_sets_grouping() {
    fresh_event_set("events17.jsonl", 0.95, 0.93);
    fresh_event_set("events18.jsonl", 0.88, 0.92);
    // Pairwise precision 0.951 → 0.935 (B-cubed F1 0.950 → 0.959) when reports
    // telling one story in their own words joined (`SAME_STORY_TOPIC`).
    fresh_event_set("events19.jsonl", 0.92, 0.93);
    fresh_event_set("events20.jsonl", 0.93, 0.77);
    // 0.813 before an area disaster (a typhoon) stopped tying the incidents
    // it caused to its own case: 0.805 (all sets pooled: precision +0.004).
    fresh_event_set("events21.jsonl", 0.93, 0.8);
}

/// `tests/fixtures/events23.jsonl` to `events25.jsonl`: a North China
/// plain prefecture's items (never trains the model), a coastal
/// prefecture's happenings told mostly in comments, and a set weighted to
/// directives and policy misreadings; three more writers, grouping never
/// tuned on.
#[test]
fn three_more_unseen_event_sets_grouping() {
    fresh_event_set("events23.jsonl", 0.93, 0.92);
    // Pairwise precision 0.829 → 0.756 when reports sharing a rare name
    // joined (B-cubed F1 0.677 → 0.690): the boat lost in the typhoon was
    // already one case with the typhoon, and its later 通报 joined it.
    // 0.917 once what a disaster left behind, in another category, stays
    // a case of its own.
    fresh_event_set("events24.jsonl", 0.88, 0.71);
    // Pairwise precision 1.000 → 0.879 (B-cubed F1 0.959 → 0.958) when reports
    // telling one story in their own words joined (`SAME_STORY_TOPIC`).
    fresh_event_set("events25.jsonl", 0.86, 0.93);
}

/// `tests/fixtures/events26.jsonl` to `events28.jsonl`: a south-western
/// and a north-eastern city's happenings told mostly in comments and
/// dialect, and a Yangtze-delta city's inbox (never trains the model);
/// three more writers, grouping never tuned on.
#[test]
fn three_more_city_sets_grouping() {
    fresh_event_set("events26.jsonl", 0.93, 0.77);
    // 0.876 → 0.827 when a 督办 about heating began to keep interest beside
    // directive: three winter heating items of different counties now
    // share a case (B-cubed F1 0.735 → 0.738).
    fresh_event_set("events27.jsonl", 0.81, 0.76);
    fresh_event_set("events28.jsonl", 0.77, 0.90);
}

/// `tests/fixtures/events29.jsonl` and `events30.jsonl`: a central-China
/// set of event posts only (witnesses, comments, dialect) and a
/// north-western prefecture's inbox, by two more writers; grouping never
/// tuned on.
#[test]
fn central_and_north_western_sets_grouping() {
    fresh_event_set("events29.jsonl", 0.95, 0.91);
    fresh_event_set("events30.jsonl", 0.70, 0.88);
}

/// `tests/fixtures/events31.jsonl` and `events32.jsonl`: a coastal city's
/// short items (headlines, hot-search entries, one-line posts) and a
/// south-western province's accidents and disasters, by two more writers;
/// grouping never tuned on.
#[test]
fn short_items_and_accident_sets_grouping() {
    fresh_event_set("events31.jsonl", 0.80, 0.84);
    fresh_event_set("events32.jsonl", 0.80, 0.92);
}

/// `tests/fixtures/events33.jsonl` and `events34.jsonl`: a policy- and
/// directive-heavy prefecture and a morality- and interest-heavy city, by
/// two more writers; grouping never tuned on.
#[test]
fn policy_and_morality_sets_grouping() {
    fresh_event_set("events33.jsonl", 0.85, 0.92);
    fresh_event_set("events34.jsonl", 0.72, 0.90);
}

/// `tests/fixtures/events35.jsonl` and `events36.jsonl`: a southern hilly
/// prefecture's directive-heavy inbox and a north-eastern industrial
/// city's winter in plain speech, by two more writers; grouping never
/// tuned on.
#[test]
fn directive_and_north_eastern_sets_grouping() {
    fresh_event_set("events35.jsonl", 0.70, 0.92);
    fresh_event_set("events36.jsonl", 0.90, 0.90);
}

/// `tests/fixtures/events37.jsonl` and `events38.jsonl`: a north-western
/// prefecture's summer (harvests, mines, flash floods, villagers' plain
/// speech) and a coastal port city's autumn (typhoons, fishing, delivery
/// riders, unfinished flats), by two more writers; grouping never tuned on.
#[test]
fn north_western_summer_and_port_city_sets_grouping() {
    fresh_event_set("events37.jsonl", 0.90, 0.91);
    // Precision 0.765 → 0.684 (13/17 → 13/19) with the model retrained
    // on events28–41: two more items read with a category join cases.
    // 0.741 → 0.632 (20/27 → 12/19) once a town in common joins reports
    // only in one category: fewer pairs, right and wrong, are drawn in.
    // The model of events2–376 moved categories that join cases: precision 0.619
    // (floor 0.62), B-cubed 0.879 (floor 0.88).
    // Avenues read as roads (鲸湾大道): a billboard's fall there joins the
    // 鲸湾海事局's shipwreck report of the next day, which names no place of
    // its own but the county: precision 0.571, B-cubed 0.874.
    fresh_event_set("events38.jsonl", 0.56, 0.87);
}

/// Three sets by three more writers: a south-western tea county's spring
/// (landslides on mountain roads, a small hydropower station, boarding
/// schools), a northern city's new district in winter (heating, metro
/// works, riders, pre-sold flats) and a central-plains farming county's
/// early summer (harvest, straw-burning bans, seed fraud, drownings).
/// events40's false merges (a snowstorm, a canteen and a kindergarten in
/// one case; heating complaints of two cities) showed the generic-site and
/// one-category rules of `cases`. Named roads as places (砚池路) took its
/// pairwise precision from 0.800 to 0.725 (recall 0.436 → 0.527): a main
/// road is where several of a city's matters happen. Over all 79 sets they
/// lifted mean precision 0.7769 → 0.7782 and recall 0.4881 → 0.4967; the
/// floors of events47, 50 and 58 went down with this one's.
#[test]
fn tea_county_winter_district_and_plains_county_sets_grouping() {
    // Pairwise precision 0.738 → 0.629 (B-cubed F1 0.907 → 0.890) when reports
    // telling one story in their own words joined (`SAME_STORY_TOPIC`).
    fresh_event_set("events39.jsonl", 0.61, 0.88);
    // Pairwise precision 0.725 → 0.698 (B-cubed F1 0.932 → 0.930) when reports
    // telling one story in their own words joined (`SAME_STORY_TOPIC`).
    // The model of events2–221 adding from 0.55 flags more of each set's
    // reports; over 220 sets pairwise precision 0.7632 → 0.7638, recall
    // 0.4608 → 0.4617, B-cubed 0.8956 → 0.9000, but here precision 0.698 → 0.667.
    fresh_event_set("events40.jsonl", 0.65, 0.91);
    fresh_event_set("events41.jsonl", 0.73, 0.91);
}

/// Three sets by three more writers: a coastal port city's typhoon autumn,
/// a north-eastern industrial city's late winter and a southern city's
/// plum-rain season; grouping never tuned on. Unseen: pairwise precision
/// 0.600, 0.667 and 0.865, B-cubed 0.898, 0.903 and 0.894. events42's
/// typhoon joins its side effects (a ferry, a power cut, a waterworks) that
/// its writer counts as separate happenings.
#[test]
fn port_city_industrial_city_and_plum_rain_city_sets_grouping() {
    fresh_event_set("events42.jsonl", 0.75, 0.89);
    fresh_event_set("events43.jsonl", 0.64, 0.88);
    // Pairwise precision 0.932 → 0.911 when reports sharing a rare name
    // joined (B-cubed F1 0.904 → 0.920, recall 0.41 → 0.51).
    fresh_event_set("events44.jsonl", 0.90, 0.91);
}

/// Three sets by three more writers: a Yangtze river county's flood
/// season, a provincial capital's high-tech zone in autumn and a
/// south-western mountain county's spring travel season; grouping never
/// tuned on. Unseen: pairwise precision 0.354, 0.733 and 0.565, B-cubed
/// 0.863, 0.900 and 0.871. In a county under a month of floods, the
/// response notices, a landslide and a dyke's piping share places and
/// kinds, and one case gathers them. Since the model was trained with
/// these sets, it flags every flood item of events45, and more of them
/// join that case (precision 0.354 → 0.243, B-cubed 0.860 → 0.843).
#[test]
fn flood_county_tech_zone_and_mountain_county_sets_grouping() {
    fresh_event_set("events45.jsonl", 0.23, 0.84);
    fresh_event_set("events46.jsonl", 0.70, 0.87);
    fresh_event_set("events47.jsonl", 0.50, 0.85);
}

/// Three sets by three more writers: a coal-mining city's heating season,
/// an island tourist county's August peak and an old industrial
/// district's spring thaw; grouping never tuned on. Unseen: pairwise
/// precision 0.396, 0.460 and 0.435, B-cubed 0.879, 0.859 and 0.893.
/// Their false merges chain a city's heating complaints through its one
/// 热力公司 over three weeks, and join two crashes, or two mines' gas
/// alarms, in one city two days apart.
#[test]
fn coal_city_island_county_and_thaw_district_sets_grouping() {
    fresh_event_set("events48.jsonl", 0.38, 0.88);
    // Since the model was trained on these sets it flags every positive of
    // events49, and its extra items join wrong cases (precision 0.418 →
    // 0.329, B-cubed 0.849 → 0.826); events48 gains (0.396 → 0.478).
    fresh_event_set("events49.jsonl", 0.31, 0.82);
    fresh_event_set("events50.jsonl", 0.39, 0.87);
}

/// Three sets by three more writers: a Pearl River Delta factory city
/// before the New Year, a north-western cotton prefecture's harvest and a
/// university town's autumn term; grouping never tuned on. Unseen:
/// pairwise precision 0.325, 0.543 and 0.632, B-cubed 0.853, 0.906 and
/// 0.874. With the lists their misses showed, more of their items are
/// flagged: 0.323, 0.565 and 0.632, B-cubed 0.845, 0.899 and 0.871.
/// Since the model was trained on these sets it flags all of events51's
/// positives, and three more items join the case that chains one town's
/// fraud, wage and fire reports (precision 0.323 → 0.236, B-cubed 0.845 →
/// 0.823).
#[test]
fn factory_city_cotton_prefecture_and_university_town_sets_grouping() {
    fresh_event_set("events51.jsonl", 0.22, 0.83);
    fresh_event_set("events52.jsonl", 0.54, 0.89);
    fresh_event_set("events53.jsonl", 0.60, 0.88);
}

/// Three sets by three more writers: a south-eastern fishing county's
/// typhoon season, a north-eastern industrial city's winter and an inland
/// capital's new district in spring. Unseen, before this change's place
/// readings: pairwise precision 0.889, 0.692 and 0.488, B-cubed 0.902,
/// 0.924 and 0.861. With an opener cut whole from a place's name, no
/// district read from a hospital's 院区, and a case's items' places and
/// kinds kept one by one: 0.875, 0.692 and 0.550, B-cubed 0.906, 0.924
/// and 0.868. With two towns of one county kept apart: events54 0.972,
/// B-cubed 0.910.
#[test]
fn fishing_county_winter_city_and_new_district_sets_grouping() {
    fresh_event_set("events54.jsonl", 0.93, 0.90);
    fresh_event_set("events55.jsonl", 0.66, 0.91);
    fresh_event_set("events56.jsonl", 0.52, 0.86);
}

/// Three sets by three more writers: a south-western mountain county's
/// rainy season, an old district of a northern provincial capital in
/// autumn and a central-plains farming county at the wheat harvest.
/// Unseen: pairwise precision 0.451, 0.561 and 0.833, B-cubed 0.899,
/// 0.885 and 0.923. With two towns of one county kept apart (a mudslide
/// at one town had joined the power cut a landslide caused at another):
/// events57 0.717, B-cubed 0.933.
#[test]
fn mountain_county_old_district_and_wheat_county_sets_grouping() {
    fresh_event_set("events57.jsonl", 0.68, 0.92);
    fresh_event_set("events58.jsonl", 0.49, 0.87);
    fresh_event_set("events59.jsonl", 0.80, 0.91);
}

/// Three sets by three more writers: a coastal port city's chemical park
/// and fishing villages in winter, a north-western desert-edge county in
/// spring and a big city's high-tech district of young renters.
/// Unseen: pairwise precision 0.864, 0.478 and 1.000, B-cubed 0.908,
/// 0.888 and 0.911; with reports sharing a rare name joined (悦动健身 in a
/// witness's post and in the 通报): B-cubed 0.909, 0.888 and 0.923. With
/// the lists their misses showed (more items flagged): precision 0.851,
/// 0.471 and 1.000, B-cubed 0.908, 0.886 and 0.917.
#[test]
fn port_chemical_park_desert_county_and_tech_district_sets_grouping() {
    // Estates named bare (沙尾湾, 澜庭府) read as places: precision 0.868 →
    // 0.776, recall 0.554 → 0.627, B-cubed 0.920 → 0.924.
    fresh_event_set("events60.jsonl", 0.77, 0.89);
    fresh_event_set("events61.jsonl", 0.44, 0.87);
    fresh_event_set("events62.jsonl", 0.97, 0.93);
}

/// Three sets by three more writers: an inland river city with a steel
/// works in the flood season, a university town with its big hospitals,
/// and a mountain scenic area over the Golden Week. Unseen: pairwise
/// precision 0.824, 0.452 and 0.127, B-cubed 0.899, 0.865 and 0.791. The
/// scenic area is one place with one week of crowds, prices and falls:
/// its reports of one kind at one mountain draw each other in (with rare
/// names not joined: 0.137 and 0.795; events64 0.410 and 0.860).
#[test]
fn river_city_university_town_and_scenic_area_sets_grouping() {
    fresh_event_set("events63.jsonl", 0.80, 0.88);
    fresh_event_set("events64.jsonl", 0.42, 0.85);
    fresh_event_set("events65.jsonl", 0.11, 0.78);
}

/// Three sets by three more writers: a Pearl River Delta factory town, a
/// hog-farming county in the hills and a mega-city's old compounds in
/// summer. First sight (grouping never looked at them): pairwise
/// precision 0.435, 0.723 and 0.711, B-cubed 0.908, 0.912 and 0.904.
#[test]
fn factory_town_hog_county_and_old_compounds_sets_grouping() {
    fresh_event_set("events66.jsonl", 0.41, 0.89);
    fresh_event_set("events67.jsonl", 0.70, 0.89);
    fresh_event_set("events68.jsonl", 0.68, 0.91);
}

/// Three sets by three more writers: a border county on a land port, a
/// metropolis's commuter city and a river-delta rice and crayfish county.
/// First sight: pairwise precision 0.643, 0.740 and 0.542, B-cubed 0.910,
/// 0.914 and 0.892. events71's precision fell to 0.492 when 强降雨导致菱塘县
/// stopped reading as a county named 导致菱塘: its flood reports (a town's
/// water cut, the response notice, a red warning) now share the county and
/// draw together, as the writer did not have them.
#[test]
fn border_county_commuter_city_and_delta_county_sets_grouping() {
    fresh_event_set("events69.jsonl", 0.61, 0.89);
    fresh_event_set("events70.jsonl", 0.71, 0.89);
    fresh_event_set("events71.jsonl", 0.47, 0.87);
}

/// Four sets by four more writers: a north-eastern industrial city in deep
/// winter, a Sichuan mountain city in the heat, a southern Fujian county in
/// the typhoon season and a city through its official channels. First
/// sight: pairwise precision 0.667, 0.911, 0.314 and 0.897, B-cubed 0.922,
/// 0.937, 0.864 and 0.925. events74 draws a typhoon's aftermath (a
/// blackout, an estate without water, a clean-up notice) into the
/// typhoon's case, which the writer kept apart; with 上下前后 allowed in
/// names (溪后镇, 下埔村) its precision reads 0.364, and 0.400 once a
/// disaster's aftermath in another category stays apart.
#[test]
fn winter_city_mountain_city_typhoon_county_and_official_channels_sets_grouping() {
    // 0.526 once the model trained on events72–79 flags a placeless
    // heating complaint (暖气管子给掐了) that draws two cities' heating
    // cases together.
    fresh_event_set("events72.jsonl", 0.50, 0.90);
    // Pairwise precision 0.902 → 0.870 (B-cubed F1 0.931 → 0.933) when reports
    // telling one story in their own words joined (`SAME_STORY_TOPIC`).
    fresh_event_set("events73.jsonl", 0.86, 0.92);
    fresh_event_set("events74.jsonl", 0.37, 0.85);
    fresh_event_set("events75.jsonl", 0.87, 0.91);
}

/// Four sets by four more writers: a labour-exporting central-plains county
/// at the Spring Festival, a provincial capital building its metro, a
/// Guangxi karst county in the cane harvest and a tropical island city in
/// winter. First sight (with what a disaster left behind kept apart):
/// pairwise precision 0.895, 0.846, 0.600 and 0.688, B-cubed 0.950, 0.902,
/// 0.922 and 0.918.
#[test]
fn plains_county_metro_city_karst_county_and_island_city_sets_grouping() {
    // Precision 0.872 → 0.857 (34/39 → 30/35) once a policy misreading
    // joins across categories only on a matched term or its story's words:
    // fewer pairs, right and wrong, are drawn in.
    fresh_event_set("events76.jsonl", 0.84, 0.93);
    fresh_event_set("events77.jsonl", 0.82, 0.89);
    fresh_event_set("events78.jsonl", 0.56, 0.90);
    fresh_event_set("events79.jsonl", 0.65, 0.90);
}

/// Four sets by four more writers, grouping never tuned on them: a
/// loess-plateau county of coal and apples, a Yangtze-delta city of
/// private factories, a prefecture's schools over a year and an ageing
/// hill county. First sight: pairwise precision 0.596, 0.756, 0.941 and
/// 0.724, B-cubed 0.905, 0.902, 0.944 and 0.911.
#[test]
fn loess_county_factory_city_schools_and_hill_county_sets_grouping() {
    fresh_event_set("events80.jsonl", 0.57, 0.89);
    fresh_event_set("events81.jsonl", 0.73, 0.88);
    fresh_event_set("events82.jsonl", 0.92, 0.92);
    fresh_event_set("events83.jsonl", 0.70, 0.89);
}

/// Three sets by three more writers, grouping never tuned on them: a
/// rail-hub city's logistics district, a reservoir county in the gorges and
/// a city's healthcare in a flu winter. First sight: pairwise precision
/// 0.710, 0.525 and 0.320, B-cubed 0.912, 0.892 and 0.856. In events86 a
/// whole city's fever clinics, pharmacies and queues read as one place and
/// one kind in one category, and draw together where the writer kept each
/// hospital's and each shop's matter apart. A generic site (人民医院) now
/// counts as a place in common only with one item of the case, not with a
/// case that gathered a county's 人民医院 and the city from two: 0.368.
#[test]
fn logistics_district_gorges_county_and_flu_winter_sets_grouping() {
    fresh_event_set("events84.jsonl", 0.68, 0.89);
    fresh_event_set("events85.jsonl", 0.50, 0.87);
    fresh_event_set("events86.jsonl", 0.34, 0.83);
}

/// Five sets by five more writers, written after grouping by topic was
/// built and used to choose its threshold (0.2 over 0.15): a grassland
/// banner, a megacity's gig economy, a Yunnan tea county, a coastal
/// chemical park and a wheat county at harvest. Before topics, pairwise
/// precision 0.320, 0.654, 0.449, 0.562 and 0.481, B-cubed 0.882, 0.914,
/// 0.899, 0.893 and 0.886 (with the lists of then); after, 0.433, 0.690,
/// 0.462, 0.562 and 0.492, B-cubed 0.895, 0.921, 0.898, 0.893 and 0.891.
/// Each is built around look-alikes (the same rumour answered in the next
/// county, another family's mushroom poisoning the same week).
#[test]
fn grassland_gig_economy_tea_county_chemical_park_and_wheat_county_sets_grouping() {
    fresh_event_set("events87.jsonl", 0.41, 0.87);
    // B-cubed 0.895 with the model of events2–116, which flags more of
    // the set.
    fresh_event_set("events88.jsonl", 0.64, 0.89);
    fresh_event_set("events89.jsonl", 0.44, 0.88);
    fresh_event_set("events90.jsonl", 0.54, 0.87);
    fresh_event_set("events91.jsonl", 0.47, 0.87);
}

/// Five sets by five more writers: a Tibetan-plateau county's tourist
/// summer, a north-eastern forestry town's winter, a city's stalled flats
/// and vanished deposits, a county's elderly care in winter and a
/// south-western mining county in the rains. With the lists and grouping
/// they were first scored with (`d90c091`, before a town in common joined
/// reports only in one category), pairwise precision 0.833, 0.421, 0.811,
/// 0.702 and 0.308, B-cubed 0.919, 0.833, 0.906, 0.912 and 0.856; after,
/// 0.938, 0.429, 0.811, 0.838 and 0.294, B-cubed 0.923, 0.837, 0.906,
/// 0.919 and 0.855. events93 and 96 put many matters in one town (a
/// hospital's wards, a gas poisoning and a pension rumour at 椴河镇) and
/// many look-alikes in one week (two counties' landslides, two refuted
/// rumours about resettlement money).
#[test]
fn plateau_forestry_town_property_care_homes_and_mining_county_sets_grouping() {
    fresh_event_set("events92.jsonl", 0.90, 0.90);
    fresh_event_set("events93.jsonl", 0.40, 0.81);
    fresh_event_set("events94.jsonl", 0.78, 0.88);
    fresh_event_set("events95.jsonl", 0.80, 0.89);
    fresh_event_set("events96.jsonl", 0.27, 0.83);
}

/// Five sets by five more writers, grouping never tuned on them: a coastal
/// city's food safety, a county's villages and land, a provincial
/// capital's hospitals, a river port city's flood season and a city's
/// private schools. First sight of grouping (`5ddfdc6`, with the lists
/// written from their misses): pairwise precision 0.919, 0.809, 0.629, 0.574 and 1.000,
/// B-cubed 0.922, 0.906, 0.891, 0.898 and 0.935. In the flood season a
/// county's dikes, shelters and relief are many matters at few places.
#[test]
fn food_safety_villages_hospitals_flood_season_and_private_schools_sets_grouping() {
    fresh_event_set("events97.jsonl", 0.88, 0.90);
    fresh_event_set("events98.jsonl", 0.77, 0.88);
    fresh_event_set("events99.jsonl", 0.59, 0.87);
    // 0.533 with the model of events2–116 (more items flagged, one more
    // chained case).
    fresh_event_set("events100.jsonl", 0.52, 0.87);
    fresh_event_set("events101.jsonl", 0.95, 0.91);
}

/// Five sets by five more writers, grouping never tuned on them: an oasis
/// county's cotton and fruit harvest, high-rise neighbourhoods, a hilly
/// county's environment, a prefecture city's officials and a mountain
/// county's roads in the festival season. First sight of grouping
/// (`0a26e11`'s grouping, with the lists written from their misses):
/// pairwise precision 0.713, 0.720, 0.796, 0.667 and 0.818, B-cubed 0.911,
/// 0.929, 0.900, 0.905 and 0.928.
#[test]
fn cotton_high_rises_environment_officials_and_winter_roads_sets_grouping() {
    fresh_event_set("events102.jsonl", 0.69, 0.90);
    // 0.571 with the model of events2–116: two newly flagged posts that
    // name no place (a tile fall, a charging shed) join one estate's case
    // and chain the lift cases of two districts.
    fresh_event_set("events103.jsonl", 0.56, 0.91);
    fresh_event_set("events104.jsonl", 0.77, 0.88);
    fresh_event_set("events105.jsonl", 0.64, 0.89);
    fresh_event_set("events106.jsonl", 0.80, 0.91);
}

/// Five sets by five more writers, grouping never tuned on them: a county
/// seat's shops and consumers, a large city's public transport, a rural
/// county's social assistance, a coastal city's port and seafood trade and
/// a provincial capital's graduates. First sight of grouping (`4b0b389`,
/// with the lists written from their misses): pairwise precision 0.632,
/// 0.919, 0.698, 0.826 and 0.844, B-cubed 0.902, 0.911, 0.898, 0.882 and
/// 0.903.
#[test]
fn shops_transport_assistance_seafood_and_graduates_sets_grouping() {
    fresh_event_set("events107.jsonl", 0.60, 0.89);
    fresh_event_set("events108.jsonl", 0.90, 0.90);
    fresh_event_set("events109.jsonl", 0.67, 0.88);
    fresh_event_set("events110.jsonl", 0.80, 0.87);
    fresh_event_set("events111.jsonl", 0.82, 0.89);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's building sites, a city's utilities in a hot summer, a
/// mountain county's holiday tourism, a city's elderly and disabled
/// residents and a county's farms and rural markets. First sight of
/// grouping (`ad39f93`, with the lists written from their misses):
/// pairwise precision 0.708, 0.629, 0.650, 0.861 and 0.889, B-cubed 0.916,
/// 0.885, 0.913, 0.923 and 0.942.
#[test]
fn building_sites_utilities_tourism_elderly_and_farms_sets_grouping() {
    fresh_event_set("events112.jsonl", 0.68, 0.90);
    fresh_event_set("events113.jsonl", 0.60, 0.87);
    // 0.554 with the model of events2–116: a newly flagged post on the
    // shuttle buses of 雾隐峡 names 雾隐镇's stem and chains the town's
    // holiday complaints into one case.
    fresh_event_set("events114.jsonl", 0.54, 0.90);
    fresh_event_set("events115.jsonl", 0.84, 0.9);
    fresh_event_set("events116.jsonl", 0.87, 0.93);
}

/// Five sets by five more writers, grouping never tuned on them: a city's
/// big public events and night economy, a suburban district's animals, a
/// provincial capital's digital government, an airport city's low-altitude
/// economy and a plains county of wind, solar and electric cars. First
/// sight of grouping (`ec28d4a`, with the lists written from their misses
/// and the model of events2–116): pairwise precision 0.773, 1.000, 0.815,
/// 0.636 and 0.647, B-cubed 0.903, 0.920, 0.918, 0.902 and 0.900.
#[test]
fn events_animals_digital_government_airport_and_new_energy_sets_grouping() {
    fresh_event_set("events117.jsonl", 0.75, 0.89);
    fresh_event_set("events118.jsonl", 0.97, 0.91);
    fresh_event_set("events119.jsonl", 0.79, 0.90);
    fresh_event_set("events120.jsonl", 0.61, 0.89);
    fresh_event_set("events121.jsonl", 0.62, 0.89);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// historic water town's heritage tourism, a county's teenagers, truck
/// drivers on a province's highways in winter, an ice-and-snow tourist
/// city and a county's police, courts and public order. First sight of
/// grouping (`e61796f`, with the lists written from their misses):
/// pairwise precision 0.256, 0.846, 0.750, 0.585 and 0.775, B-cubed 0.828,
/// 0.876, 0.904, 0.887 and 0.898. The water town's set is about one old
/// town (漾溪古镇), which nearly every report names: its matters of a month
/// (boat fares, parking fees, a noisy guesthouse, missing relics) shared
/// that town and chained into a few large cases. Read as a tourist site
/// rather than a town, 0.346 and 0.853.
#[test]
fn water_town_teenagers_truckers_snow_city_and_police_sets_grouping() {
    fresh_event_set("events122.jsonl", 0.33, 0.84);
    fresh_event_set("events123.jsonl", 0.82, 0.86);
    fresh_event_set("events124.jsonl", 0.73, 0.89);
    fresh_event_set("events125.jsonl", 0.56, 0.87);
    fresh_event_set("events126.jsonl", 0.75, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them: a big
/// city's urban management in summer, a county's sport and public fitness,
/// a province's examination season, a city's sanitation and waste, and
/// charity, donations and online fundraising. First sight of grouping
/// (`3ab3d40`'s grouping, with the lists written from their misses and the
/// model of events2–131): pairwise precision 0.960, 0.767, 0.800, 0.879 and
/// 0.906, B-cubed 0.901, 0.912, 0.928, 0.902 and 0.905. Pairwise recall is
/// low (0.30–0.56): a witness's post naming no place stays a case of its own.
#[test]
fn urban_management_sport_exams_sanitation_and_charity_sets_grouping() {
    fresh_event_set("events127.jsonl", 0.94, 0.89);
    fresh_event_set("events128.jsonl", 0.75, 0.90);
    fresh_event_set("events129.jsonl", 0.78, 0.91);
    fresh_event_set("events130.jsonl", 0.86, 0.89);
    fresh_event_set("events131.jsonl", 0.89, 0.89);
}

/// Five sets by five more writers, grouping never tuned on them: a city's
/// pharmacies in a flu winter, a county's marriage and family affairs,
/// telephones and phone scams, temple fairs and folk festivals, and a river
/// under the fishing ban. First sight of grouping (`2930ec3`, with the
/// lists written from their misses): pairwise precision 0.606, 0.970,
/// 0.943, 0.562 and 0.857, B-cubed 0.878, 0.924, 0.907, 0.896 and 0.910.
/// The festival set is about one county's few weeks of fairs: matters of
/// one fair or one town (one stall's loudspeakers and another's hygiene, a
/// stampede and a crowded temple gate) join one another.
#[test]
fn pharmacies_families_phone_scams_fairs_and_fishing_ban_sets_grouping() {
    // The round-27 lists join one more pair of its items wrongly (20/33 → 20/34).
    fresh_event_set("events132.jsonl", 0.58, 0.87);
    fresh_event_set("events133.jsonl", 0.95, 0.91);
    fresh_event_set("events134.jsonl", 0.92, 0.89);
    fresh_event_set("events135.jsonl", 0.54, 0.88);
    fresh_event_set("events136.jsonl", 0.80, 0.90);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's rural self-built houses, homestays and hotels of a lake
/// county, a city's nurseries and kindergartens, lifts and old estates,
/// and a hilly county in a drought. First sight of grouping (`a248041`,
/// with the lists written from their misses): pairwise precision 0.772,
/// 0.794, 1.000, 0.938 and 0.722, B-cubed 0.937, 0.931, 0.945, 0.931 and
/// 0.919.
#[test]
fn self_built_houses_homestays_nurseries_lifts_and_drought_sets_grouping() {
    fresh_event_set("events137.jsonl", 0.75, 0.92);
    fresh_event_set("events138.jsonl", 0.75, 0.92);
    fresh_event_set("events139.jsonl", 0.98, 0.93);
    fresh_event_set("events140.jsonl", 0.89, 0.92);
    fresh_event_set("events141.jsonl", 0.68, 0.90);
}

/// Five sets by five more writers, grouping never tuned on them: a county
/// after a magnitude-5 earthquake, a city's public rental housing, a
/// prefecture's hospitals, a county's veterans and taxis in a tourist
/// city. First sight of grouping (`6b4f311`'s grouping, with the lists
/// written from their misses): pairwise precision 0.027, 0.909, 0.087,
/// 0.955 and 0.704, B-cubed 0.758, 0.928, 0.789, 0.885 and 0.891. Two
/// chains are known and not yet fixed: the earthquake's case takes in its
/// weeks of separate matters (power cuts, schools, rumours, relief) through
/// its incident code and its county, and the hospitals' set chains posts
/// that name no place through 医院 and a generic 人民医院. The floors keep
/// them from getting worse.
#[test]
fn earthquake_public_housing_hospitals_veterans_and_taxis_sets_grouping() {
    fresh_event_set("events142.jsonl", 0.02, 0.74);
    fresh_event_set("events143.jsonl", 0.89, 0.91);
    fresh_event_set("events144.jsonl", 0.07, 0.77);
    fresh_event_set("events145.jsonl", 0.93, 0.87);
    fresh_event_set("events146.jsonl", 0.68, 0.87);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's rural roads and school buses, a city's dogs and stray
/// animals, a prefecture's pig and cattle farms, a university town and a
/// city's care homes. First sight of grouping (`a2cb200`'s grouping, with
/// the lists written from their misses): pairwise precision 0.667, 0.917,
/// 1.000, 0.667 and 0.952, B-cubed 0.897, 0.904, 0.888, 0.865 and 0.927.
/// Recall is what is weak: the university town's was 0.108 (precision
/// 0.667) until colleges were read as places (知津职业技术学院), then 0.257
/// (0.704); its witnesses still name a college by a short form (理工, 师院)
/// the 通报 does not use.
#[test]
fn school_buses_pets_livestock_university_and_care_homes_sets_grouping() {
    // The model of events2–416 moved categories that join cases:
    // precision 0.511, B-cubed 0.894 (floors 0.65, 0.88).
    fresh_event_set("events147.jsonl", 0.51, 0.88);
    fresh_event_set("events148.jsonl", 0.86, 0.89);
    fresh_event_set("events149.jsonl", 0.98, 0.87);
    fresh_event_set("events150.jsonl", 0.65, 0.85);
    fresh_event_set("events151.jsonl", 0.93, 0.91);
}

/// Five sets by five more writers, grouping never tuned on them: a city's
/// piped and bottled gas, a county's land taken for an expressway, a
/// city's delivery riders, a forested mountain county and a city's
/// driving schools and car trade. Grouping as of `65c01a5`, with the lists
/// written from their misses: pairwise precision 0.759, 0.854, 0.917, 0.939
/// and 0.900, B-cubed 0.897, 0.863, 0.911, 0.912 and 0.885. Recall is what
/// is weak (0.130 on the car trade, whose reports tie by a shop's name in
/// quotes, “车立快修”, or by a used-car market, neither read as a place,
/// and often by no kind of matter grouping knows).
#[test]
fn gas_expressway_riders_forest_and_car_trade_sets_grouping() {
    fresh_event_set("events152.jsonl", 0.74, 0.88);
    fresh_event_set("events153.jsonl", 0.83, 0.85);
    fresh_event_set("events154.jsonl", 0.90, 0.89);
    fresh_event_set("events155.jsonl", 0.92, 0.90);
    fresh_event_set("events156.jsonl", 0.88, 0.87);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// coastal city's beaches, a county's village affairs, a big city's metro,
/// a prefecture's tea and fruit farmers and a city's minors online.
/// Grouping as of `0208502`, with the lists written from their misses:
/// pairwise precision 0.566, 0.833, 0.871, 0.947 and 1.000, B-cubed 0.891,
/// 0.915, 0.886, 0.905 and 0.911. The beaches' precision is the weakest:
/// two matters at one resort town in a week (a capsized boat and a
/// lifeguard's death, a market's short weights and a workshop's bleach)
/// are joined, and a typhoon's case takes in the island's other matters.
#[test]
fn beaches_villages_metro_farmers_and_minors_online_sets_grouping() {
    // The model of events2–416 moved categories that join cases:
    // precision 0.562, B-cubed 0.876 (floors 0.55, 0.88).
    fresh_event_set("events157.jsonl", 0.55, 0.87);
    fresh_event_set("events158.jsonl", 0.82, 0.90);
    // The model adding from 0.6 moved a category or two, and the metro's
    // pairs went 27/31 → 29/34 (B-cubed 0.886 → 0.891).
    fresh_event_set("events159.jsonl", 0.85, 0.87);
    fresh_event_set("events160.jsonl", 0.92, 0.89);
    fresh_event_set("events161.jsonl", 0.98, 0.90);
}

/// Five sets by five more writers, grouping never tuned on them: a city in
/// a heat wave with power rationing, a county's funeral reform, a big
/// city's rental housing, a port city's customs and an ethnic-minority
/// county's tourism and herding. Grouping as of `20105b3`, with the lists
/// written from their misses: pairwise precision 0.361, 0.766, 0.949,
/// 0.958 and 1.000, B-cubed 0.876, 0.890, 0.929, 0.870 and 0.937. The heat
/// wave's precision is a known chain: a city's weeks of power cuts, read
/// as one kind of matter in one city, draw its separate outages,
/// heatstroke cases and a care home's cut into one case.
#[test]
fn heat_wave_funerals_rentals_customs_and_herding_sets_grouping() {
    fresh_event_set("events162.jsonl", 0.35, 0.86);
    // 0.75 until round 44's grave-sweeping rule (上坟, 烧纸 + 拘留, 罚款)
    // gave this set's burial-rule rumours shared terms: one more pair of
    // two cities' rumours joins (0.745).
    fresh_event_set("events163.jsonl", 0.74, 0.88);
    fresh_event_set("events164.jsonl", 0.93, 0.91);
    fresh_event_set("events165.jsonl", 0.94, 0.86);
    fresh_event_set("events166.jsonl", 0.98, 0.92);
}

/// Five sets by five more writers, grouping never tuned on them: a mining
/// county's mines, a county's reservoirs and flood season, a city's big
/// events and venues, a city's emergency medical services and a county's
/// kindergartens. Grouping as of `bd0ed63`, with the model adding from 0.6
/// and the lists written from their misses: pairwise precision 0.893,
/// 0.537, 1.000, 0.909 and 1.000, B-cubed 0.909, 0.869, 0.917, 0.919 and
/// 0.944. The flood season's precision is the weakest: a flood's weeks in
/// one county (evacuations, breaches, relief, prices) read as one matter.
#[test]
fn mines_floods_events_ambulances_and_kindergartens_sets_grouping() {
    fresh_event_set("events167.jsonl", 0.88, 0.90);
    fresh_event_set("events168.jsonl", 0.49, 0.84);
    fresh_event_set("events169.jsonl", 0.98, 0.90);
    fresh_event_set("events170.jsonl", 0.89, 0.87);
    fresh_event_set("events171.jsonl", 0.98, 0.93);
}

/// Five sets by five more writers, grouping never tuned on them: a city's
/// old compounds renovated, street sweepers and rubbish, a county's
/// private hospitals and health scams, parking and e-bikes, and a chemical
/// park with its villages. Grouping as of `9f19b53`, with the lists
/// written from their misses: pairwise precision 0.807, 1.000, 0.950,
/// 0.909 and 0.469, B-cubed 0.894, 0.905, 0.898, 0.907 and 0.883. The
/// chemical park's precision is a known chain: one park's leaks, smells,
/// fines and relocation, read as one matter at one place, draw together.
#[test]
fn compounds_sweepers_clinics_parking_and_chemical_park_sets_grouping() {
    fresh_event_set("events172.jsonl", 0.79, 0.88);
    fresh_event_set("events173.jsonl", 0.98, 0.89);
    fresh_event_set("events174.jsonl", 0.93, 0.88);
    fresh_event_set("events175.jsonl", 0.89, 0.89);
    fresh_event_set("events176.jsonl", 0.45, 0.87);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's after-school care and tutoring, a city's housing fund and
/// mortgages, a county's migrant workers, amusement and water parks, and a
/// county's vaccinations. Grouping as of `29d2ab1` (the model of
/// events2–166), with the lists written from their misses: pairwise
/// precision 0.880, 0.818, 0.750, 0.905 and 0.825, B-cubed 0.908, 0.899,
/// 0.885, 0.902 and 0.892.
#[test]
fn tutoring_housing_fund_migrants_parks_and_vaccines_sets_grouping() {
    fresh_event_set("events177.jsonl", 0.86, 0.89);
    fresh_event_set("events178.jsonl", 0.80, 0.88);
    // Estates named bare: a wage protest at the 海悦湾 project joins
    // another project's wage case in the workers' county (precision 0.750 →
    // 0.583, B-cubed 0.879 → 0.871); over all sets B-cubed rose.
    fresh_event_set("events179.jsonl", 0.58, 0.86);
    fresh_event_set("events180.jsonl", 0.89, 0.89);
    fresh_event_set("events181.jsonl", 0.80, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them: a city's
/// lifts, a county's grain depots, wind farms and rooftop solar, schemes
/// aimed at older people's savings, and construction waste. Grouping as
/// of `34e8794`, with the lists written from their misses: pairwise
/// precision 0.600, 0.833, 0.651, 1.000 and 0.810, B-cubed 0.889, 0.881,
/// 0.897, 0.920 and 0.895. Lifts trap people at many estates of one city
/// in the same weeks, and those cases draw together.
#[test]
fn lifts_grain_wind_farms_savings_and_muck_trucks_sets_grouping() {
    fresh_event_set("events182.jsonl", 0.58, 0.87);
    fresh_event_set("events183.jsonl", 0.81, 0.87);
    fresh_event_set("events184.jsonl", 0.63, 0.88);
    fresh_event_set("events185.jsonl", 0.98, 0.91);
    fresh_event_set("events186.jsonl", 0.79, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them and no
/// list written from them yet: a county's school canteens, a city's
/// property management, a coastal county's fishermen, internet scams, and
/// a mountain county's roads. Grouping as of `39b321c`: pairwise
/// precision 0.972, 0.541, 1.000, 1.000 and 0.950, B-cubed 0.944, 0.881,
/// 0.905, 0.911 and 0.913. Property management's matters at one estate
/// (fees, guards, water tanks) draw together.
#[test]
fn canteens_property_fishermen_scams_and_mountain_roads_sets_grouping() {
    fresh_event_set("events187.jsonl", 0.95, 0.93);
    fresh_event_set("events188.jsonl", 0.49, 0.86);
    fresh_event_set("events189.jsonl", 0.98, 0.89);
    fresh_event_set("events190.jsonl", 0.98, 0.90);
    fresh_event_set("events191.jsonl", 0.93, 0.90);
}

/// Five sets by five more writers, grouping never tuned on them: a county
/// hospital and its patients, a city's water supply, a northern city's
/// winter heating, urban management officers and street vendors, and food
/// markets. Pairwise precision 0.800, 0.875, 0.284, 0.966 and 0.917,
/// B-cubed 0.872, 0.882, 0.856, 0.890 and 0.894. Before hospital care
/// stopped counting as a kind between reports naming hospitals, the
/// hospital set's precision was 0.177: every matter at the county's
/// 人民医院 drew together. A heating season's matters across one city
/// still do.
#[test]
fn hospital_water_heating_vendors_and_food_markets_sets_grouping() {
    fresh_event_set("events192.jsonl", 0.78, 0.86);
    fresh_event_set("events193.jsonl", 0.85, 0.87);
    // The model of events2–221 adding from 0.55 flags more of each set's
    // reports; over 220 sets pairwise precision 0.7632 → 0.7638, recall
    // 0.4608 → 0.4617, B-cubed 0.8956 → 0.9000, but here precision 0.291 → 0.227.
    // The model of events2–276: precision 0.162 (all sets pooled: unchanged).
    fresh_event_set("events194.jsonl", 0.16, 0.84);
    fresh_event_set("events195.jsonl", 0.88, 0.88);
    fresh_event_set("events196.jsonl", 0.9, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them: taxi and
/// ride-hailing drivers, a county's rural houses, a city's school
/// enrolment, prepaid cards and membership shops, and a county's buses and
/// coaches. Pairwise precision 0.952, 0.612, 0.763, 1.000 and 0.471,
/// B-cubed 0.869, 0.884, 0.848, 0.881 and 0.889 (with the lists written
/// from their misses). A county's bus matters (routes, crashes, strikes)
/// draw together, and so do one county's village house matters.
#[test]
fn ride_hailing_rural_houses_enrolment_prepaid_cards_and_buses_sets_grouping() {
    fresh_event_set("events197.jsonl", 0.93, 0.85);
    fresh_event_set("events198.jsonl", 0.59, 0.86);
    fresh_event_set("events199.jsonl", 0.74, 0.83);
    fresh_event_set("events200.jsonl", 0.98, 0.86);
    fresh_event_set("events201.jsonl", 0.45, 0.87);
}

/// Five sets by five more writers, grouping never tuned on them: a county's
/// medical insurance, pensions and the social-security office, a farmland
/// protection campaign, bars and nightlife, and a city's parks. Pairwise
/// precision 0.804, 0.958, 0.946, 0.786 and 0.957, B-cubed 0.882, 0.890,
/// 0.907, 0.874 and 0.911 (with the lists written from their misses).
#[test]
fn insurance_pensions_farmland_nightlife_and_parks_sets_grouping() {
    fresh_event_set("events202.jsonl", 0.78, 0.86);
    fresh_event_set("events203.jsonl", 0.93, 0.87);
    fresh_event_set("events204.jsonl", 0.92, 0.89);
    fresh_event_set("events205.jsonl", 0.76, 0.85);
    fresh_event_set("events206.jsonl", 0.93, 0.89);
}

/// Five sets by five more writers, grouping never tuned on them: express
/// delivery and parcel lockers, a county's fireworks and festivals, public
/// rental housing, phones and broadband, and a county's petitions office.
/// Pairwise precision 0.962, 0.933, 0.889, 0.821 and 0.853, B-cubed 0.918,
/// 0.933, 0.918, 0.887 and 0.904 (with the lists written from their misses).
#[test]
fn parcels_fireworks_rental_housing_telecom_and_petitions_sets_grouping() {
    // The model of events2–221 adding from 0.55 flags more of each set's
    // reports; over 220 sets pairwise precision 0.7632 → 0.7638, recall
    // 0.4608 → 0.4617, B-cubed 0.8956 → 0.9000, but here precision 0.962 → 0.893 (a
    // parcel of spoiled bacon joins a seizure of expired frozen meat).
    fresh_event_set("events207.jsonl", 0.87, 0.9);
    fresh_event_set("events208.jsonl", 0.91, 0.91);
    fresh_event_set("events209.jsonl", 0.87, 0.9);
    fresh_event_set("events210.jsonl", 0.8, 0.87);
    fresh_event_set("events211.jsonl", 0.83, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them:
/// urban-village demolition, recruitment exams, old people living alone,
/// a summer's rainstorms, and live-streaming sales. Pairwise precision
/// 0.925, 0.909, 0.977, 0.070 and 0.868, B-cubed 0.910, 0.864, 0.915, 0.712
/// and 0.887. The rainstorm set's reports all carry the storm's code
/// (“7·16”), which ties a flooded garage, an electrocution on one road, a
/// school's cracked walls and an insurer's refusals into the storm's case,
/// where the labels keep each its own. Not counting the code as a place in
/// common was tried: over 215 sets precision 0.761 → 0.788 but recall
/// 0.463 → 0.457 and B-cubed 0.8955 → 0.8952, so the code still ties.
#[test]
fn demolition_recruitment_old_people_rainstorms_and_live_streaming_sets_grouping() {
    fresh_event_set("events212.jsonl", 0.9, 0.89);
    fresh_event_set("events213.jsonl", 0.88, 0.84);
    // The model of events2–221 adding from 0.55 flags more of each set's
    // reports; over 220 sets pairwise precision 0.7632 → 0.7638, recall
    // 0.4608 → 0.4617, B-cubed 0.8956 → 0.9000, but here precision 0.977 → 0.885 (a
    // township's closed care points and a county's merged old people's
    // homes).
    // 0.892 → 0.870 (recall 0.558 → 0.577) when money owed as wages are
    // kept interest beside directive.
    fresh_event_set("events214.jsonl", 0.86, 0.89);
    fresh_event_set("events215.jsonl", 0.06, 0.7);
    fresh_event_set("events216.jsonl", 0.84, 0.86);
}

/// Five sets by five more writers, grouping never tuned on them: a county's
/// scenic area, school bullying, illegal fundraising, petrol stations, and
/// pharmacies. Pairwise precision 0.688, 0.977, 0.977, 1.000 and 0.718,
/// B-cubed 0.887, 0.905, 0.903, 0.895 and 0.901 (with the lists written
/// from their misses).
#[test]
fn scenic_area_bullying_fundraising_petrol_and_pharmacies_sets_grouping() {
    fresh_event_set("events217.jsonl", 0.66, 0.86);
    fresh_event_set("events218.jsonl", 0.95, 0.88);
    // The model of events2–221 adding from 0.55 flags more of each set's
    // reports; over 220 sets pairwise precision 0.7632 → 0.7638, recall
    // 0.4608 → 0.4617, B-cubed 0.8956 → 0.9000, but here precision 0.977 → 0.893 (the
    // cooperative's asset notice, its investigation and a cadre's bribes,
    // which the labels keep apart).
    fresh_event_set("events219.jsonl", 0.87, 0.88);
    fresh_event_set("events220.jsonl", 0.98, 0.87);
    fresh_event_set("events221.jsonl", 0.7, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them: a county's
/// subsistence allowances, construction sites and cranes, vocational
/// schools and internships, gyms and pools, and a railway station at the
/// Spring Festival. Pairwise precision 0.680, 0.920, 0.971, 0.787 and
/// 0.407, B-cubed 0.932, 0.898, 0.896, 0.874 and 0.856 (with the lists
/// written from their misses). The station set's matters share the
/// station square (a protest, an old man kicked by enforcers, a rumour of
/// fines for sleeping there), as one city's heating season does its city:
/// a square is where many of a winter's stories happen.
#[test]
fn allowances_construction_internships_gyms_and_station_sets_grouping() {
    // The model of events2–231 flags more of it: precision 0.680 → 0.630.
    fresh_event_set("events222.jsonl", 0.62, 0.92);
    // The model of events2–231: precision 0.920 → 0.875.
    fresh_event_set("events223.jsonl", 0.86, 0.88);
    fresh_event_set("events224.jsonl", 0.95, 0.88);
    fresh_event_set("events225.jsonl", 0.76, 0.86);
    // The model of events2–231: precision 0.407 → 0.383.
    fresh_event_set("events226.jsonl", 0.37, 0.84);
}

/// Five sets by five more writers, grouping never tuned on them: courts
/// and judgment enforcement, shopping malls and supermarkets, hotels and
/// homestays, a county's environmental inspections, and medical beauty
/// clinics. Pairwise precision 0.955, 0.957, 0.977, 0.692 and 1.000,
/// B-cubed 0.909, 0.907, 0.916, 0.864 and 0.876 (with the lists written
/// from their misses). The clinics' reports tell one story in many
/// words (a death after liposuction, fake fillers): recall 0.143.
#[test]
fn courts_malls_homestays_inspections_and_clinics_sets_grouping() {
    fresh_event_set("events227.jsonl", 0.93, 0.89);
    fresh_event_set("events228.jsonl", 0.93, 0.89);
    fresh_event_set("events229.jsonl", 0.95, 0.9);
    fresh_event_set("events230.jsonl", 0.67, 0.85);
    // Clinics are places (诊所): a trade's clinic named by its trade alone
    // (医美诊所) now ties two matters a month apart: precision 0.882 (all
    // sets pooled: higher).
    fresh_event_set("events231.jsonl", 0.87, 0.86);
}

/// Five sets by five more writers, grouping never tuned on them: housing
/// agents and rent loans, a county's fake liquor, online gambling and the
/// young, neighbourhood committees and grid workers, and village doctors.
/// Pairwise precision 0.949, 1.000, 0.921, 0.960 and 0.919, B-cubed 0.908,
/// 0.907, 0.880, 0.870 and 0.912 (with the lists written from their
/// misses).
#[test]
fn agents_liquor_gambling_grid_workers_and_village_doctors_sets_grouping() {
    fresh_event_set("events232.jsonl", 0.92, 0.89);
    fresh_event_set("events233.jsonl", 0.97, 0.89);
    fresh_event_set("events234.jsonl", 0.9, 0.86);
    fresh_event_set("events235.jsonl", 0.93, 0.85);
    // The model of events2–276: precision 0.860 (all sets pooled: unchanged).
    fresh_event_set("events236.jsonl", 0.86, 0.89);
}

/// Five sets by five more writers, grouping never tuned on them: weddings
/// and bride prices, e-bike batteries, a county's village coal-to-gas
/// heating, a zoo and wild animals, and factories with labour dispatch.
/// Pairwise precision 1.000, 0.974, 0.582, 0.913 and 0.833, B-cubed
/// 0.921, 0.904, 0.876, 0.877 and 0.898 (with the lists written from
/// their misses). One county's winter of gas cuts draws together, as one
/// city's heating season does.
#[test]
fn weddings_batteries_coal_to_gas_zoo_and_factories_sets_grouping() {
    fresh_event_set("events237.jsonl", 0.97, 0.9);
    fresh_event_set("events238.jsonl", 0.95, 0.89);
    fresh_event_set("events239.jsonl", 0.56, 0.86);
    fresh_event_set("events240.jsonl", 0.89, 0.86);
    fresh_event_set("events241.jsonl", 0.81, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them: a city
/// hospital's outpatients, seeds, fertiliser and pesticide sold to
/// farmers, job seekers and training schemes, a city's bridges, tunnels
/// and underpasses, and a northern city's snow and ice. Pairwise precision
/// 0.806, 0.865, 0.889, 0.790 and 0.492, B-cubed 0.881, 0.890, 0.894,
/// 0.892 and 0.844 (with the lists written from their misses). A winter's
/// snowstorms in one city draw together, as one city's heating season does.
#[test]
fn hospital_farm_supplies_jobs_bridges_and_snow_sets_grouping() {
    // The model of events2–276: precision 0.628, B-cubed 0.857 (all sets pooled: unchanged).
    fresh_event_set("events242.jsonl", 0.62, 0.85);
    fresh_event_set("events243.jsonl", 0.86, 0.88);
    // The model of events2–276: precision 0.862 (all sets pooled: unchanged);
    // 0.857 when a site named by its kind stopped reading as a place named
    // bare (pooled over every set: precision 0.757 → 0.779). Round 71's
    // lists read a recruitment point's fee in a second report of its kind
    // (one more pair of two towns' 电子厂 deposits): 0.833.
    fresh_event_set("events244.jsonl", 0.82, 0.88);
    fresh_event_set("events245.jsonl", 0.78, 0.88);
    // The model of events2–276: precision 0.446 (all sets pooled: unchanged).
    fresh_event_set("events246.jsonl", 0.44, 0.83);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's school buses, old-age and disability allowances, meat and
/// seafood in a city's markets, a mountain scenic road and its tourist
/// buses, and demolition compensation with resettlement flats. Pairwise
/// precision 0.673, 0.900, 0.976, 0.761 and 0.803, B-cubed 0.897, 0.917,
/// 0.901, 0.880 and 0.916 (with the lists written from their misses).
#[test]
fn school_buses_allowances_meat_scenic_road_and_resettlement_sets_grouping() {
    fresh_event_set("events247.jsonl", 0.67, 0.89);
    fresh_event_set("events248.jsonl", 0.9, 0.91);
    // The model of events2–276: B-cubed 0.887 (all sets pooled: unchanged).
    fresh_event_set("events249.jsonl", 0.97, 0.88);
    fresh_event_set("events250.jsonl", 0.76, 0.87);
    fresh_event_set("events251.jsonl", 0.8, 0.91);
}

/// Five sets by five more writers, grouping never tuned on them: a city's
/// public toilets, sewers and septic tanks, private kindergartens closing,
/// night markets and street food, river sand mining and gravel trucks,
/// and tutoring bans with exam-prep schools. Pairwise precision 1.000,
/// 0.970, 1.000, 0.936 and 1.000, B-cubed 0.905, 0.921, 0.898, 0.889 and
/// 0.895 (with the lists written from their misses).
#[test]
fn toilets_kindergartens_night_markets_sand_mining_and_tutoring_sets_grouping() {
    fresh_event_set("events252.jsonl", 0.99, 0.9);
    // The model of events2–376 moved categories that join cases: precision 0.943
    // (floor 0.96).
    fresh_event_set("events253.jsonl", 0.94, 0.91);
    fresh_event_set("events254.jsonl", 0.99, 0.89);
    fresh_event_set("events255.jsonl", 0.93, 0.88);
    fresh_event_set("events256.jsonl", 0.99, 0.89);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's rural drinking water, a city's property management and lifts,
/// a county's road building and highway works, a city's taxis and
/// ride-hailing, and a county's livestock epidemics and slaughterhouses.
/// Pairwise precision 0.660, 0.850, 0.915, 0.941 and 0.906, B-cubed 0.890,
/// 0.895, 0.890, 0.894 and 0.890 (with the lists written from their
/// misses). One county's dry summer draws its water complaints together.
#[test]
fn water_lifts_road_works_taxis_and_livestock_sets_grouping() {
    fresh_event_set("events257.jsonl", 0.65, 0.88);
    fresh_event_set("events258.jsonl", 0.84, 0.89);
    fresh_event_set("events259.jsonl", 0.91, 0.88);
    // The model of events2–276: B-cubed 0.890 (all sets pooled: unchanged).
    fresh_event_set("events260.jsonl", 0.94, 0.88);
    fresh_event_set("events261.jsonl", 0.9, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's forest fires and mountain patrols, a city's elderly care
/// homes, a city's metro building and subway, a county's chemical
/// industrial park, and a city's food-delivery riders. Pairwise precision
/// 0.800, 0.977, 0.857, 0.673 and 0.917, B-cubed 0.891, 0.914, 0.870,
/// 0.886 and 0.920 (with the lists written from their misses).
#[test]
fn forest_fires_care_homes_metro_chemical_park_and_riders_sets_grouping() {
    fresh_event_set("events262.jsonl", 0.79, 0.88);
    fresh_event_set("events263.jsonl", 0.97, 0.91);
    fresh_event_set("events264.jsonl", 0.85, 0.86);
    // The model of events2–276: B-cubed 0.880 (all sets pooled: unchanged).
    // The model of events2–376 moved categories that join cases: precision 0.655
    // (floor 0.67).
    fresh_event_set("events265.jsonl", 0.65, 0.87);
    fresh_event_set("events266.jsonl", 0.91, 0.91);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's village elections and cadres, a city's used-car, car-loan and
/// repair trade, a county's reservoirs and flood season, a city's online
/// rumours and the cyberspace office, and a city's gas supply and
/// pipelines. Pairwise precision 0.723, 0.926, 0.646, 0.905 and 0.441,
/// B-cubed 0.925, 0.926, 0.871, 0.907 and 0.874 (with the lists written
/// from their misses). One city's gas leaks and explosions in a season
/// draw together: the place reader finds the city but rarely the street.
#[test]
fn elections_used_cars_reservoirs_rumours_and_gas_sets_grouping() {
    fresh_event_set("events267.jsonl", 0.72, 0.92);
    fresh_event_set("events268.jsonl", 0.92, 0.92);
    fresh_event_set("events269.jsonl", 0.64, 0.87);
    fresh_event_set("events270.jsonl", 0.9, 0.9);
    // The model of events2–276: precision 0.438 (all sets pooled: unchanged).
    fresh_event_set("events271.jsonl", 0.43, 0.87);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// county's stone-processing plants and brick kilns, a county's
/// poverty-alleviation relocation settlements, a city's unfinished housing
/// projects, a county's lorry drivers and weigh stations, and a city's
/// police stations and household registration. Pairwise precision 0.811,
/// 0.947, 0.826, 1.000 and 1.000, B-cubed 0.890, 0.904, 0.934, 0.885 and
/// 0.890 (with the lists written from their misses).
#[test]
fn kilns_relocation_unfinished_housing_lorries_and_police_sets_grouping() {
    fresh_event_set("events272.jsonl", 0.8, 0.88);
    fresh_event_set("events273.jsonl", 0.94, 0.9);
    // The model of events2–276: precision 0.814, B-cubed 0.923 (all sets pooled: unchanged).
    fresh_event_set("events274.jsonl", 0.81, 0.92);
    fresh_event_set("events275.jsonl", 0.99, 0.88);
    fresh_event_set("events276.jsonl", 0.99, 0.88);
}

/// Five sets by five more writers, grouping never tuned on them: a
/// coastal city's typhoon season, a city's airport and flights, a county's
/// domestic violence and family disputes, a city's military veterans, and
/// a county's ancient villages and cultural relics. Pairwise precision
/// 0.196, 0.652, 0.967, 0.815 and 0.907, B-cubed 0.756, 0.875, 0.922,
/// 0.886 and 0.908 (with the lists written from their misses). The
/// typhoon's set was 0.087 before an area disaster stopped tying the
/// incidents it caused together; its outages, taken as the typhoon's by
/// the typhoon they name, still join the typhoon's case.
#[test]
fn typhoon_airport_family_veterans_and_ancient_villages_sets_grouping() {
    fresh_event_set("events277.jsonl", 0.19, 0.75);
    // The model of events2–376 moved categories that join cases: precision 0.640
    // (floor 0.65), B-cubed 0.869 (floor 0.87).
    fresh_event_set("events278.jsonl", 0.63, 0.86);
    fresh_event_set("events279.jsonl", 0.96, 0.92);
    // The model of events2–376 moved categories that join cases: B-cubed 0.879
    // (floor 0.88).
    fresh_event_set("events280.jsonl", 0.81, 0.87);
    // The model of events2–376 moved categories that join cases: B-cubed 0.898
    // (floor 0.9).
    fresh_event_set("events281.jsonl", 0.9, 0.89);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `db0ba13`): a county's waste incinerator and landfills, stray
/// and pet dogs, village affairs (homesteads, accounts, subsidies), Spring
/// Festival travel in snow, and rural schools and teachers. Pairwise
/// precision 0.864, 0.748, 0.957, 0.679 and 0.870, B-cubed 0.910, 0.919,
/// 0.918, 0.864 and 0.929.
#[test]
fn incinerator_dogs_village_affairs_spring_travel_and_rural_schools_sets_grouping() {
    // The lists written from round 48's misses flag two more of its
    // reports (rubbish left uncollected, an incinerator's smoke), which
    // join its landfill cases: precision 0.864 → 0.814.
    fresh_event_set("events282.jsonl", 0.81, 0.9);
    fresh_event_set("events283.jsonl", 0.74, 0.91);
    // The model of events2–376 moved categories that join cases: precision 0.943
    // (floor 0.95).
    fresh_event_set("events284.jsonl", 0.94, 0.91);
    fresh_event_set("events285.jsonl", 0.67, 0.86);
    fresh_event_set("events286.jsonl", 0.86, 0.92);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `dbf75a5`): a river polluted by a pig farm and a paper mill,
/// property management and owners' committees, medical insurance and
/// hospitals, summer floods in a mountain county, and live-streaming sales
/// of rural produce. Pairwise precision 0.675, 0.864, 0.963, 0.458 and
/// 0.903, B-cubed 0.883, 0.924, 0.894, 0.873 and 0.902; the flood's set
/// rose to 0.573 and 0.880 when a disaster named as a cause stopped tying
/// its consequences (a town's water, a road, insurance claims) to it.
#[test]
fn river_property_hospitals_mountain_floods_and_live_streaming_sets_grouping() {
    // The model of events2–376 moved categories that join cases: precision 0.595
    // (floor 0.67), B-cubed 0.871 (floor 0.88).
    fresh_event_set("events287.jsonl", 0.59, 0.87);
    // B-cubed 0.924 → 0.917 when a site named by its kind stopped reading
    // as a place named bare (pooled over every set: precision 0.757 → 0.779).
    fresh_event_set("events288.jsonl", 0.86, 0.91);
    fresh_event_set("events289.jsonl", 0.96, 0.89);
    fresh_event_set("events290.jsonl", 0.57, 0.87);
    fresh_event_set("events291.jsonl", 0.9, 0.9);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `5bc1cea`): a chemical park and hazardous-goods transport,
/// old-age care and pensions, a scenic area over the National Day
/// holiday, gas and winter heating in a northern city, and money in a
/// county (an investment firm, a bank's product, a loan app, a run on a
/// credit cooperative). Pairwise precision 0.909, 0.802, 0.854, 0.548 and
/// 0.772, B-cubed 0.905, 0.881, 0.885, 0.837 and 0.869. The heating set
/// rose to 0.630 when a county and another district stopped being one
/// place (`2e8a63e`); 292's lists-flagged reports cost it 0.909 → 0.899.
#[test]
fn chemical_park_old_age_care_holiday_crowds_heating_and_county_money_sets_grouping() {
    // The model of events2–376 moved categories that join cases: precision 0.864
    // (floor 0.89), B-cubed 0.886 (floor 0.89).
    fresh_event_set("events292.jsonl", 0.86, 0.88);
    fresh_event_set("events293.jsonl", 0.79, 0.87);
    fresh_event_set("events294.jsonl", 0.85, 0.88);
    fresh_event_set("events295.jsonl", 0.62, 0.84);
    // The model of events2–376 moved categories that join cases: precision 0.698
    // (floor 0.77), B-cubed 0.853 (floor 0.86).
    fresh_event_set("events296.jsonl", 0.69, 0.85);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `a44421c`): schools in a city, renewal of old
/// neighbourhoods, a summer drought in a farming county, rural roads and
/// transport, a lake under a fishing ban. Pairwise precision 0.967, 0.857,
/// 0.663, 0.970 and 0.750, B-cubed 0.940, 0.905, 0.883, 0.909 and 0.870;
/// the drought set's water fights, flagged by the lists written from this
/// round, joined their cases (0.663 → 0.712).
#[test]
fn schools_old_neighbourhoods_drought_rural_roads_and_fishing_ban_sets_grouping() {
    fresh_event_set("events297.jsonl", 0.96, 0.93);
    fresh_event_set("events298.jsonl", 0.85, 0.9);
    fresh_event_set("events299.jsonl", 0.7, 0.88);
    // The model of events2–376 moved categories that join cases: B-cubed 0.899
    // (floor 0.9).
    fresh_event_set("events300.jsonl", 0.96, 0.89);
    fresh_event_set("events301.jsonl", 0.74, 0.86);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `eedb91c`): a coal-mining town, delivery riders and
/// ride-hailing drivers, a battery factory on an industrial estate,
/// renting and public rental housing, winter in a pastoral border county.
/// Pairwise precision 0.887, 0.659, 0.500, 0.926 and 0.810, B-cubed
/// 0.874, 0.909, 0.826, 0.875 and 0.858.
#[test]
fn coal_town_riders_battery_factory_renting_and_pastoral_winter_sets_grouping() {
    fresh_event_set("events302.jsonl", 0.87, 0.86);
    fresh_event_set("events303.jsonl", 0.64, 0.89);
    fresh_event_set("events304.jsonl", 0.51, 0.81);
    fresh_event_set("events305.jsonl", 0.91, 0.86);
    fresh_event_set("events306.jsonl", 0.79, 0.84);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `1355085`): a county hospital merger, a river port city's
/// flood season, a new district's school places and housing, an ancient
/// town's summer tourism, grain and farmland in a plain county. Pairwise
/// precision 0.868, 0.203, 0.817, 0.762 and 0.889, B-cubed 0.890, 0.793,
/// 0.913, 0.840 and 0.839. The flood season's case of 23 items gathers a
/// month of one city's flood matters (a mountain flood, a dyke's piping, a
/// reservoir rumour, vegetable prices): they share the city and the kind
/// "flood", the weakness `events45` showed.
#[test]
fn hospital_merger_flood_season_new_district_ancient_town_and_grain_sets_grouping() {
    fresh_event_set("events307.jsonl", 0.85, 0.88);
    fresh_event_set("events308.jsonl", 0.19, 0.78);
    fresh_event_set("events309.jsonl", 0.8, 0.9);
    // The model of events2–376 moved categories that join cases: B-cubed 0.825
    // (floor 0.83).
    fresh_event_set("events310.jsonl", 0.75, 0.82);
    fresh_event_set("events311.jsonl", 0.87, 0.83);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `89fccf7`): a city's metro line under construction, a
/// prefecture hospital's reputation crisis, land taken for a high-speed
/// railway station, a city's traffic and parking, a typhoon on a fishing
/// county. Pairwise precision 0.941, 0.371, 0.357, 1.000 and 0.194,
/// B-cubed 0.889, 0.846, 0.831, 0.867 and 0.718. The typhoon's cases
/// gather the county's incidents of the storm (a seawall breached, a boat
/// lost, estates without power) with its 通报: they share the county, the
/// kind "typhoon" and the category. Keeping an incident the typhoon caused
/// apart from the typhoon's case when their only shared kind is the
/// disaster was tried: precision 0.397 → 0.425 over these five, but over
/// the 310 sets before, pooled precision 0.7695 → 0.7717 for recall
/// 0.4548 → 0.4524 and B-cubed 0.8983 → 0.8982 (earthquake sets label the
/// quake's collapses as its event). Not shipped.
#[test]
fn metro_hospital_crisis_railway_land_traffic_and_typhoon_sets_grouping() {
    fresh_event_set("events312.jsonl", 0.92, 0.87);
    fresh_event_set("events313.jsonl", 0.34, 0.82);
    fresh_event_set("events314.jsonl", 0.34, 0.81);
    fresh_event_set("events315.jsonl", 0.98, 0.85);
    fresh_event_set("events316.jsonl", 0.17, 0.7);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `426fd7b`): a provincial capital's airport, a university
/// town, a mountain city's geological hazards, a city's water supply, a
/// county's ice and snow festival. Pairwise precision 0.721, 0.975, 0.802,
/// 0.952 and 0.784, B-cubed 0.864, 0.884, 0.914, 0.937 and 0.884.
#[test]
fn airport_university_town_landslides_water_supply_and_ice_festival_sets_grouping() {
    fresh_event_set("events317.jsonl", 0.7, 0.84);
    fresh_event_set("events318.jsonl", 0.95, 0.86);
    fresh_event_set("events319.jsonl", 0.78, 0.89);
    fresh_event_set("events320.jsonl", 0.9, 0.91);
    fresh_event_set("events321.jsonl", 0.76, 0.86);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `875cb91`): a county's private kindergartens, a city's gas
/// and power in a cold wave, a reservoir and rivers in summer, elderly care
/// and health scams, an industrial county's factories. Pairwise precision
/// 0.904, 0.453, 0.550, 1.000 and 0.885, B-cubed 0.890, 0.857, 0.882,
/// 0.928 and 0.906.
#[test]
fn kindergartens_cold_wave_reservoir_elderly_care_and_factories_sets_grouping() {
    fresh_event_set("events322.jsonl", 0.88, 0.87);
    fresh_event_set("events323.jsonl", 0.6, 0.85);
    fresh_event_set("events324.jsonl", 0.53, 0.86);
    fresh_event_set("events325.jsonl", 0.98, 0.91);
    fresh_event_set("events326.jsonl", 0.86, 0.89);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `447506e`): a city's housing slump, a mountain county's tea
/// and fruit harvest, a coastal city's chemical port, a county's medical
/// insurance and village clinics, a marathon and big public events.
/// Pooled at first sight: pairwise precision 0.876, recall 0.427,
/// B-cubed 0.895.
#[test]
fn housing_slump_tea_harvest_chemical_port_clinics_and_marathon_sets_grouping() {
    // The model of events2–376 moved categories that join cases: precision 0.699
    // (floor 0.71).
    fresh_event_set("events327.jsonl", 0.69, 0.85);
    fresh_event_set("events328.jsonl", 0.88, 0.88);
    fresh_event_set("events329.jsonl", 0.96, 0.88);
    fresh_event_set("events330.jsonl", 0.87, 0.89);
    fresh_event_set("events331.jsonl", 0.89, 0.86);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `64fce24`): old residential compounds renovated, lottery
/// shops and gambling, ski resorts and hot springs in winter, a county's
/// courier and logistics hub, water safety around rivers and ponds.
/// Pooled at first sight: pairwise precision 0.858, recall 0.352,
/// B-cubed 0.866.
#[test]
fn renovation_lottery_ski_resorts_logistics_and_water_safety_sets_grouping() {
    fresh_event_set("events332.jsonl", 0.91, 0.89);
    fresh_event_set("events333.jsonl", 0.92, 0.83);
    fresh_event_set("events334.jsonl", 0.69, 0.85);
    // The model of events2–376 moved categories that join cases: B-cubed 0.839
    // (floor 0.84).
    fresh_event_set("events335.jsonl", 0.66, 0.83);
    fresh_event_set("events336.jsonl", 0.98, 0.84);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `77531be`): a city's hospitals in a flu season, a mountain
/// county's rural roads and bridges, electric bikes and battery fires, an
/// ancient town's holiday season, property management and homeowners.
/// Pooled at first sight: pairwise precision 0.617, recall 0.446,
/// B-cubed 0.861 (the flu season's and the holiday's many look-alike
/// reports at one hospital or one town join where their writers kept
/// them apart).
#[test]
fn flu_season_rural_roads_e_bikes_holiday_town_and_property_sets_grouping() {
    // The model of events2–376 moved categories that join cases: B-cubed 0.837
    // (floor 0.84).
    fresh_event_set("events337.jsonl", 0.4, 0.83);
    fresh_event_set("events338.jsonl", 0.83, 0.86);
    fresh_event_set("events339.jsonl", 0.97, 0.89);
    fresh_event_set("events340.jsonl", 0.32, 0.78);
    fresh_event_set("events341.jsonl", 0.75, 0.87);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `6e053df`): a county's pig farms, a city's taxis and
/// ride-hailing, a coal-mining county, funeral and cemetery services, a
/// city's rental market. Pooled at first sight: pairwise precision 0.847,
/// recall 0.364, B-cubed 0.871 (reports of one collapsed rental agency or
/// one mine's silicosis claims, days apart and named by the firm alone,
/// stay apart).
#[test]
fn pig_farms_taxis_coal_mines_funerals_and_rentals_sets_grouping() {
    fresh_event_set("events342.jsonl", 0.8, 0.83);
    fresh_event_set("events343.jsonl", 0.95, 0.85);
    fresh_event_set("events344.jsonl", 0.71, 0.88);
    fresh_event_set("events345.jsonl", 0.85, 0.84);
    fresh_event_set("events346.jsonl", 0.94, 0.86);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `f94e65c`): a county's school buses, a city's elevators and
/// escalators, a province's tea and fruit growers, a city's gas supply in
/// winter, online lending, debt collection and scams. Pooled at first
/// sight: pairwise precision 0.644, recall 0.430, B-cubed 0.859 (the gas
/// supply's look-alike leaks and fires on one street join where their
/// writer kept them apart; a student's suicide after loans, told by his
/// family, the press and the police weeks apart, stays in pieces).
#[test]
fn school_buses_elevators_tea_growers_gas_and_lending_sets_grouping() {
    fresh_event_set("events347.jsonl", 0.6, 0.86);
    // The model of events2–436: precision 0.729 (all sets pooled: higher).
    fresh_event_set("events348.jsonl", 0.72, 0.89);
    fresh_event_set("events349.jsonl", 0.95, 0.86);
    fresh_event_set("events350.jsonl", 0.4, 0.81);
    fresh_event_set("events351.jsonl", 0.79, 0.8);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `9971e1e`): a county's social assistance, a city's rubbish
/// and sanitation, sand dredging along a county's river, medicines in a
/// city, village customs (bride prices, banquets, elections). Pooled at
/// first sight: pairwise precision 0.916, recall 0.461, B-cubed 0.899 (a
/// banquet's poisoning told by guests, the hospital and the police joins
/// a look-alike banquet's a week later; a dredging pit's drowning, its
/// families' anger and the officials' punishment stay apart).
#[test]
fn social_assistance_sanitation_sand_medicines_and_village_customs_sets_grouping() {
    fresh_event_set("events352.jsonl", 0.93, 0.91);
    fresh_event_set("events353.jsonl", 0.95, 0.86);
    fresh_event_set("events354.jsonl", 0.92, 0.84);
    fresh_event_set("events355.jsonl", 0.95, 0.88);
    fresh_event_set("events356.jsonl", 0.78, 0.91);
}

/// Five sets by five more writers, grouping never tuned on them (read
/// first with `44fa499`): kindergartens and primary schools in winter, a
/// county's land and homesteads, hotels and entertainment venues, migrant
/// workers going home for the Spring Festival, pets and stray animals.
/// Pooled at first sight: pairwise precision 0.662, recall 0.369, B-cubed
/// 0.875. The migrant workers' set read worst (precision 0.281): in six
/// weeks before the festival, wage arrears at several sites chained into a
/// few large cases through works and firms named by what they are
/// (投资项目, 项目工地, 劳务公司), read as places; read as no site since:
/// precision 0.615, recall 0.479. Still joined: reports naming no place
/// in common (a station's ticket-scalping notice, a crash rumour).
#[test]
fn schools_homesteads_venues_migrant_workers_and_pets_sets_grouping() {
    // The model of events2–376 moved categories that join cases: precision 0.767
    // (floor 0.77).
    fresh_event_set("events357.jsonl", 0.76, 0.86);
    fresh_event_set("events358.jsonl", 0.95, 0.87);
    fresh_event_set("events359.jsonl", 0.98, 0.89);
    // 0.615 → 0.484 when a site named by its kind stopped reading as a
    // place named bare (pooled over every set: precision 0.757 → 0.779):
    // a province's arrears at its 投资项目 now joins one county's school
    // works that its 督查 letter names the same way.
    // The model of events2–376 moved categories that join cases: B-cubed 0.848
    // (floor 0.86).
    fresh_event_set("events360.jsonl", 0.47, 0.84);
    fresh_event_set("events361.jsonl", 0.87, 0.85);
}

/// Five sets by five more writers, neither lists nor grouping tuned on
/// them (read first with `ab5eff5`): a city's buses and metro in winter,
/// a county's mines and quarries, a city's hospitals and medical bills, a
/// province's funeral reform, fire safety in old neighbourhoods. Pooled
/// at first sight: pairwise precision 0.593, recall 0.424, B-cubed 0.864;
/// the buses' set (0.378) and the fire safety set (0.441) read lowest.
#[test]
fn buses_mines_hospitals_funerals_and_fire_safety_sets_grouping() {
    // A site named by its kind (公交 of 公交公司) no longer reads as a
    // place named bare: 0.378 → 0.800 and 0.441 → 0.778.
    fresh_event_set("events362.jsonl", 0.78, 0.84);
    fresh_event_set("events363.jsonl", 0.86, 0.88);
    fresh_event_set("events364.jsonl", 0.91, 0.85);
    fresh_event_set("events365.jsonl", 0.82, 0.84);
    fresh_event_set("events366.jsonl", 0.76, 0.87);
}

/// Round 65 (events367–371), five more writers: care for the elderly, a
/// grain county's farming, a dry county's water, the platform economy and
/// old estates' renovation. At first sight (with a site named by its kind
/// no longer a place named bare) pairwise precision 0.947, 1.000, 0.912,
/// 1.000 and 0.971, B-cubed 0.827, 0.841, 0.863, 0.770 and 0.742: one
/// event's many tellings are still split (recall 0.32–0.50), not mixed.
#[test]
fn elders_farming_water_platforms_and_old_estates_sets_grouping() {
    fresh_event_set("events367.jsonl", 0.93, 0.81);
    // The model of events2–376 moved categories that join cases: precision 0.932
    // (floor 0.98), B-cubed 0.803 (floor 0.82).
    fresh_event_set("events368.jsonl", 0.93, 0.80);
    // The model of events2–376 moved categories that join cases: B-cubed 0.827
    // (floor 0.84).
    fresh_event_set("events369.jsonl", 0.89, 0.82);
    fresh_event_set("events370.jsonl", 0.98, 0.75);
    // 0.971 at first sight; 0.908 since a 督办 about a renovated roof that
    // leaks keeps interest beside directive (its case then shares a
    // category with the roof's other reports and with one more).
    fresh_event_set("events371.jsonl", 0.9, 0.72);
}

/// Round 66 (events372–376), five more writers: a fishing county,
/// tutoring and kindergartens, a county's roads, hospitals and clinics, a
/// tourism season. At first sight pairwise precision 0.987, 0.972, 1.000,
/// 0.947 and 1.000, B-cubed 0.799, 0.871, 0.746, 0.826 and 0.803: as in
/// round 65, tellings are split (recall 0.34–0.54), seldom mixed.
#[test]
fn fishing_tutoring_roads_clinics_and_tourism_sets_grouping() {
    fresh_event_set("events372.jsonl", 0.97, 0.78);
    // The model of events2–376 moved categories that join cases: B-cubed 0.842
    // (floor 0.85); 0.838 when round 69's rules matched more of its terms
    // (floor 0.84).
    fresh_event_set("events373.jsonl", 0.95, 0.83);
    fresh_event_set("events374.jsonl", 0.98, 0.73);
    fresh_event_set("events375.jsonl", 0.93, 0.81);
    fresh_event_set("events376.jsonl", 0.98, 0.78);
}

/// Round 67 (events377–381), five more writers: winter heating in a
/// northern city, land and housing in a growing county, public security
/// in a large city, an industrial park by a river town, universities and
/// vocational colleges. At first sight (`327d2f9`, the model of
/// events2–276) pairwise precision 0.811, 0.923, 1.000, 0.845 and 0.980,
/// B-cubed 0.757, 0.845, 0.735, 0.775 and 0.766; with the model of
/// events2–376 and the lists written from their misses 0.850, 0.930,
/// 1.000, 0.910 and 0.980, B-cubed 0.754, 0.841, 0.722, 0.771 and 0.763.
/// Tellings are split (recall 0.21–0.55), seldom mixed: a public-security
/// set's reports (a knife, a rumour of abduction, a police video) name a
/// street or a market more often than a town. Round 70's lists flag a
/// Hong Kong paper's report of the 癌症村 rumour (interest, as labelled);
/// it names the city and the chemical park, and joins the dead-fish case
/// of that park: events380's precision 0.910 → 0.802, B-cubed 0.771 → 0.758.
#[test]
fn heating_housing_public_security_industrial_park_and_colleges_sets_grouping() {
    fresh_event_set("events377.jsonl", 0.84, 0.75);
    // The model of events2–416 moved categories that join cases:
    // precision 0.900, B-cubed 0.855 (floors 0.92, 0.83).
    fresh_event_set("events378.jsonl", 0.90, 0.83);
    fresh_event_set("events379.jsonl", 0.99, 0.72);
    // A Hong Kong paper's 内地泾澜市 is 泾澜 now: its dead-fish report joins
    // the case of the river's dead fish, which also holds the chemical
    // park's other matters (precision 0.806 → 0.784, B-cubed 0.764 → 0.768).
    fresh_event_set("events380.jsonl", 0.78, 0.75);
    // The model of events2–416 moved categories that join cases:
    // precision 0.984, B-cubed 0.743 (floors 0.97, 0.76).
    fresh_event_set("events381.jsonl", 0.97, 0.74);
}

/// Round 68 (events382–386), five more writers: a flood season in a
/// southern river city, food safety in a county, social security in a
/// prefecture city, migrant workers and building sites, mining and
/// quarrying in a mountain county. At first sight (`289b338`) pairwise
/// precision 0.297, 0.967, 1.000, 1.000 and 1.000, B-cubed 0.745, 0.800,
/// 0.687, 0.885 and 0.760. The flood set mixes: a city-wide rainstorm's
/// 通报 and Ⅱ-level response, a reservoir's release, a town's flash
/// flood and a hospital flooded that night are one case, where this
/// writer tells each as its own happening (a storm, like a typhoon, is
/// the cause of many; but its reports name only the flood, so the
/// typhoon's rule does not part them).
#[test]
fn floods_food_safety_social_security_building_sites_and_mines_sets_grouping() {
    fresh_event_set("events382.jsonl", 0.28, 0.73);
    fresh_event_set("events383.jsonl", 0.95, 0.79);
    fresh_event_set("events384.jsonl", 0.99, 0.68);
    fresh_event_set("events385.jsonl", 0.99, 0.87);
    fresh_event_set("events386.jsonl", 0.99, 0.75);
}

/// Round 69 (events387–391), five more writers: a mid-sized city's public
/// transport, a county's schools over a year, estates' property
/// management, a border county's trade and minority villages, medical
/// insurance and medicines in a provincial capital. With the lists
/// written from their misses, pairwise precision 0.926,
/// 0.991, 1.000, 0.983 and 1.000, B-cubed 0.778, 0.799, 0.878, 0.741 and
/// 0.812: tellings split (recall 0.26–0.64), seldom mixed.
#[test]
fn transport_schools_estates_border_county_and_medical_insurance_sets_grouping() {
    // The model of events2–416 moved categories that join cases:
    // precision 0.945, B-cubed 0.750 (floors 0.91, 0.77).
    fresh_event_set("events387.jsonl", 0.91, 0.74);
    fresh_event_set("events388.jsonl", 0.98, 0.79);
    fresh_event_set("events389.jsonl", 0.99, 0.87);
    fresh_event_set("events390.jsonl", 0.97, 0.74);
    // Avenues read as roads: a witness's post at 鹤汀大道's drugstore no
    // longer joins 鹤汀区's 立案 report by its words alone (B-cubed 0.812 →
    // 0.806).
    // The model of events2–416 moved categories that join cases:
    // precision 0.975, B-cubed 0.780 (floors 0.99, 0.80).
    fresh_event_set("events391.jsonl", 0.97, 0.78);
}

/// Round 70 (events392–396), five more writers: a prefecture city's
/// environment, a manufacturing county's firms and jobs, village
/// governance in a hilly county, fire safety in a large city, public
/// health in a prefecture city. With the lists written from their misses,
/// pairwise precision 1.000, 1.000, 0.817, 0.971 and 1.000, B-cubed
/// 0.791, 0.811, 0.845, 0.833 and 0.792: tellings split (recall
/// 0.41–0.55), seldom mixed.
#[test]
fn environment_firms_village_governance_fire_safety_and_public_health_sets_grouping() {
    // Avenues read as roads: two matters of one avenue (a mixing plant's
    // dust, its barbecue stalls closed) join: precision 0.988.
    // The model of events2–416 moved categories that join cases:
    // precision 0.989, B-cubed 0.771 (floors 0.98, 0.78).
    fresh_event_set("events392.jsonl", 0.98, 0.77);
    // The model of events2–416 moved categories that join cases:
    // precision 1.000, B-cubed 0.799 (floors 0.99, 0.80).
    fresh_event_set("events393.jsonl", 0.99, 0.79);
    // The model of events2–416 moved categories that join cases:
    // precision 0.780, B-cubed 0.838 (floors 0.80, 0.83).
    fresh_event_set("events394.jsonl", 0.77, 0.83);
    // The model of events2–416 moved categories that join cases:
    // precision 0.934, B-cubed 0.856 (floors 0.96, 0.82).
    fresh_event_set("events395.jsonl", 0.93, 0.82);
    fresh_event_set("events396.jsonl", 0.99, 0.78);
}

/// Round 71 (events397–401), five more writers: trucking and logistics
/// around a port city, subsidies and relief in a poor inland county, a big
/// city's new district under construction, weather and disasters in a
/// mountain prefecture, online life in a large city. With the lists
/// written from their misses, pairwise precision 1.000, 0.928, 0.907,
/// 0.804 and 0.960, B-cubed 0.737, 0.847, 0.784, 0.798 and 0.807: tellings
/// split (recall 0.27–0.53); the disaster set mixes most: a hailstorm in
/// the next town the next day joins the first town's, and a county's
/// flood response joins the dam rumour of the next day.
#[test]
fn logistics_subsidies_new_district_mountain_disasters_and_online_life_sets_grouping() {
    fresh_event_set("events397.jsonl", 0.99, 0.72);
    // The model of events2–416 moved categories that join cases:
    // precision 0.909, B-cubed 0.873 (floors 0.91, 0.83).
    fresh_event_set("events398.jsonl", 0.90, 0.83);
    fresh_event_set("events399.jsonl", 0.89, 0.77);
    fresh_event_set("events400.jsonl", 0.79, 0.78);
    fresh_event_set("events401.jsonl", 0.95, 0.79);
}

/// Round 72 (events402–406), five more writers: a reservoir and
/// hydropower county, emergency medical services in a prefecture city,
/// takeaway food in a big city, an old town's renovation, pensions and
/// old age in a northern industrial city. With the lists written from
/// their misses, pairwise precision 0.935, 1.000, 0.978, 0.733 and 0.974,
/// B-cubed 0.861, 0.780, 0.824, 0.760 and 0.831. The old town's set
/// mixes most: one estate's delayed flats and its later quality
/// complaints are one case, as are two towns' compensation rumours of
/// the same week that name no place of their own.
#[test]
fn reservoir_county_emergency_care_takeaways_old_town_and_pensions_sets_grouping() {
    fresh_event_set("events402.jsonl", 0.92, 0.85);
    fresh_event_set("events403.jsonl", 0.99, 0.77);
    fresh_event_set("events404.jsonl", 0.96, 0.81);
    // The model of events2–416 moved categories that join cases:
    // precision 0.761, B-cubed 0.740 (floors 0.72, 0.75).
    fresh_event_set("events405.jsonl", 0.72, 0.73);
    fresh_event_set("events406.jsonl", 0.96, 0.82);
}

/// Round 73 (events407–411), five more writers: government services and
/// petitions in a mid-sized city, new policies in a province and how
/// people read them, industry in a chemical and steel city, conduct and
/// social order in a county town, farmers and livestock in a pig- and
/// cattle-raising county. With the lists written from their misses,
/// pairwise precision 1.000, 0.939, 0.982, 0.904 and 0.960, B-cubed
/// 0.834, 0.820, 0.843, 0.787 and 0.796: tellings split (recall
/// 0.41–0.53), most in the conduct set, whose posts name no place.
#[test]
fn petitions_policies_steel_city_conduct_and_livestock_sets_grouping() {
    fresh_event_set("events407.jsonl", 0.99, 0.82);
    // The model of events2–416 moved categories that join cases:
    // precision 0.938, B-cubed 0.804 (floors 0.92, 0.81).
    fresh_event_set("events408.jsonl", 0.92, 0.80);
    // The model of events2–416 moved categories that join cases:
    // precision 0.982, B-cubed 0.826 (floors 0.97, 0.83).
    fresh_event_set("events409.jsonl", 0.97, 0.82);
    // The model of events2–416 moved categories that join cases:
    // precision 0.904, B-cubed 0.758 (floors 0.89, 0.77).
    fresh_event_set("events410.jsonl", 0.89, 0.75);
    fresh_event_set("events411.jsonl", 0.95, 0.78);
}

/// Round 74 (events412–416), five more writers: rural schools and
/// left-behind children in a mountain county, homebuyers and developers
/// in a third-tier city, urban management in a big city, a coal-mining
/// and power city in winter, money and scams in a provincial capital.
/// With the lists written from their misses, pairwise precision 0.964,
/// 0.886, 1.000, 0.905 and 0.935, B-cubed 0.854, 0.805, 0.822, 0.852 and
/// 0.770: tellings split (recall 0.36–0.56), most in the scams set, whose
/// victims' posts name a platform or a company but no place.
#[test]
fn rural_schools_homebuyers_city_management_coal_city_and_scams_sets_grouping() {
    fresh_event_set("events412.jsonl", 0.95, 0.84);
    fresh_event_set("events413.jsonl", 0.87, 0.79);
    fresh_event_set("events414.jsonl", 0.99, 0.81);
    fresh_event_set("events415.jsonl", 0.89, 0.84);
    // The model of events2–416 moved categories that join cases:
    // precision 0.931, B-cubed 0.733 (floors 0.92, 0.76).
    fresh_event_set("events416.jsonl", 0.92, 0.73);
}

/// Round 75 (events417–421), five more writers: veterans and military
/// families in a prefecture city, urban villages and migrant renters in a
/// southern megacity, a small-commodity trading city, wildlife and
/// villages in a forest county, sports and large events in a provincial
/// capital. With the model of events2–416 and the lists written from
/// their misses, pairwise precision 1.000, 1.000, 1.000, 0.812 and 0.941,
/// B-cubed 0.774, 0.871, 0.831, 0.829 and 0.773: tellings split (recall
/// 0.37–0.61); the wildlife set mixes most, its villages' crop damage by
/// boars and monkeys told alike from one week to the next.
#[test]
fn veterans_urban_villages_commodity_city_wildlife_and_sports_sets_grouping() {
    // The model of events2–436, trained on this set, reads a few of its
    // items into another category than their event's other reports:
    // B-cubed 0.756.
    fresh_event_set("events417.jsonl", 0.99, 0.75);
    fresh_event_set("events418.jsonl", 0.99, 0.86);
    fresh_event_set("events419.jsonl", 0.99, 0.82);
    fresh_event_set("events420.jsonl", 0.8, 0.82);
    // The model of events2–436, trained on this set: B-cubed lower by 0.01.
    fresh_event_set("events421.jsonl", 0.93, 0.76);
}

/// Round 76 (events422–426), five more writers: a river port city's
/// shipping and waterfront, kindergartens and childcare in a county town,
/// a fast-growing county's water, power and gas, elderly people and scams
/// in an old city district, a county's spring festival season. At first
/// sight (no lists written from them), pairwise precision 0.950, 1.000,
/// 0.858, 0.862 and 0.661, B-cubed 0.761, 0.761, 0.848, 0.812 and 0.853.
/// The festival set mixes most: a county's many festival-season matters
/// (fireworks, crashes on the roads home, banquets) share its place and
/// its weeks.
#[test]
fn river_port_kindergartens_utilities_elders_and_spring_festival_sets_grouping() {
    fresh_event_set("events422.jsonl", 0.94, 0.75);
    fresh_event_set("events423.jsonl", 0.99, 0.75);
    // The model of events2–436, trained on this set: B-cubed 0.829, as
    // for events417.
    fresh_event_set("events424.jsonl", 0.85, 0.82);
    // The model of events2–436, trained on this set: B-cubed lower by 0.01.
    fresh_event_set("events425.jsonl", 0.86, 0.8);
    // The model of events2–436, trained on this set: precision 0.660,
    // B-cubed 0.849.
    fresh_event_set("events426.jsonl", 0.65, 0.84);
}

/// Round 77 (events427–431), five more writers: a chemical industrial park
/// on a river, a prefecture city's hospitals, a tourist mountain town in
/// peak season, delivery riders and gig workers in a big city, a flood
/// season in a lowland county. With the lists written from their misses,
/// grouping never tuned on them: pairwise precision 0.593, 0.922, 0.863,
/// 1.000 and 0.472, B-cubed 0.780, 0.708, 0.778, 0.836 and 0.757. The park
/// and the flood mix most: one park's leaks, odours and relocations share
/// its site, and one county's flood matters share its place and its weeks.
#[test]
fn chemical_park_hospitals_mountain_town_riders_and_flood_season_sets_grouping() {
    fresh_event_set("events427.jsonl", 0.58, 0.77);
    fresh_event_set("events428.jsonl", 0.91, 0.7);
    fresh_event_set("events429.jsonl", 0.85, 0.77);
    fresh_event_set("events430.jsonl", 0.99, 0.82);
    fresh_event_set("events431.jsonl", 0.46, 0.75);
}

/// Round 78 (events432–436), five more writers: a non-ferrous mining
/// county, a university town, villages in a plains county, a provincial
/// capital's metro and roads, food and markets in a county town. With the
/// lists written from their misses, grouping never tuned on them: pairwise
/// precision 1.000, 1.000, 0.971, 1.000 and 0.992, B-cubed 0.832, 0.780,
/// 0.920, 0.806 and 0.841.
#[test]
fn mining_county_university_town_villages_metro_and_markets_sets_grouping() {
    fresh_event_set("events432.jsonl", 0.99, 0.82);
    fresh_event_set("events433.jsonl", 0.99, 0.77);
    fresh_event_set("events434.jsonl", 0.96, 0.91);
    fresh_event_set("events435.jsonl", 0.99, 0.79);
    fresh_event_set("events436.jsonl", 0.98, 0.83);
}

/// Round 79 (events437–441), five more writers: property management in a
/// big city's estates, a border trade county, a heat wave and drought,
/// young people and work in a new district, a county's social assistance.
/// With the model of events2–436 and the lists written from their misses,
/// grouping never tuned on them: pairwise precision 0.960, 0.947, 0.944,
/// 0.974 and 0.993, B-cubed 0.837, 0.824, 0.794, 0.757 and 0.847.
#[test]
fn estates_border_county_drought_young_workers_and_assistance_sets_grouping() {
    fresh_event_set("events437.jsonl", 0.95, 0.82);
    fresh_event_set("events438.jsonl", 0.93, 0.81);
    fresh_event_set("events439.jsonl", 0.93, 0.78);
    fresh_event_set("events440.jsonl", 0.96, 0.74);
    fresh_event_set("events441.jsonl", 0.98, 0.83);
}

/// Round 80 (events442–446), five more writers: a coastal fishing county,
/// a city's hospitals and pharmacies in flu season, a provincial capital's
/// new housing and old estates, a county's roads in winter, a garment and
/// shoe-making town. With the lists written from their misses, grouping
/// never tuned on them: pairwise precision 1.000, 1.000, 1.000, 0.926 and
/// 0.989, B-cubed 0.734, 0.774, 0.901, 0.743 and 0.865. Tellings split
/// (recall 0.26–0.59): a boat lost at sea is told by its families, the
/// search, the harbour and the press over a week, few of them naming the
/// same place.
#[test]
fn fishing_county_flu_season_housing_winter_roads_and_shoe_town_sets_grouping() {
    fresh_event_set("events442.jsonl", 0.99, 0.72);
    fresh_event_set("events443.jsonl", 0.99, 0.76);
    fresh_event_set("events444.jsonl", 0.99, 0.89);
    fresh_event_set("events445.jsonl", 0.91, 0.73);
    fresh_event_set("events446.jsonl", 0.98, 0.85);
}
