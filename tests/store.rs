//! The sled store and the ingest pipeline, against a real database in a
//! temporary directory.

mod common;

use chrono::{Duration, Utc};
use yuqing::cases::CaseStatus;
use yuqing::classify::Severity;
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::store::{ExportWhat, Store, StoreError};

fn item(source: &str, guid: &str, text: &str) -> NewItem {
    NewItem {
        source: source.into(),
        guid: Some(guid.into()),
        text: text.into(),
        ..Default::default()
    }
}

fn pipeline_at(dir: &std::path::Path) -> Pipeline {
    Pipeline::new(
        common::shipped_classifier(),
        Store::open(dir).unwrap(),
        Utc::now(),
    )
    .unwrap()
}

const STORY: &str =
    "如东县洋口化工园区一企业车间发生爆炸，事故已造成3人死亡、5人受伤，伤者已送医救治。";

#[test]
fn reports_of_one_story_form_one_case_and_noise_opens_none() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = pipeline_at(dir.path());
    let now = Utc::now();
    let results = pipeline
        .ingest_batch(
            [
                item("微博", "w1", STORY),
                item("微信", "x1", &format!("转发：{STORY}")),
                item("门户", "p1", "如东县应急管理局通报：洋口化工园区车间爆炸事故死亡人数为3人，事故原因正在调查。"),
                item("论坛", "f1", "海门区某工地几十名农民工被拖欠工资近半年，多次讨要无果。"),
                item("论坛", "f2", "今天天气很好，狼山风景区游客络绎不绝。"),
            ],
            now,
        )
        .unwrap();
    let results: Vec<_> = results.into_iter().map(Result::unwrap).collect();
    let story = results[0].case_id.unwrap();
    assert!(results[0].new_case);
    assert_eq!(results[1].case_id, Some(story), "a repost joins the case");
    assert_eq!(
        results[2].case_id,
        Some(story),
        "an official report of the story joins the case"
    );
    let wages = results[3].case_id.unwrap();
    assert_ne!(wages, story);
    assert_eq!(results[4].case_id, None, "noise opens no case");

    let store = pipeline.store();
    let case = store.case(story).unwrap().unwrap();
    assert_eq!(case.item_count, 3);
    assert_eq!(case.sources, vec!["微博", "微信", "门户"]);
    assert_eq!(case.status, CaseStatus::New);
    assert_eq!(case.regions, vec!["如东县"]);
    assert!(case.deadlines.respond_due.is_some());
    assert_eq!(store.case_items(story).unwrap().len(), 3);
    let noise = store.item(&results[4].item_id).unwrap().unwrap();
    assert!(noise.classification.categories.is_empty());
    assert_eq!(store.counts(), (5, 2));
    assert!(results.iter().all(|r| r.raised_from.is_none()));
}

#[test]
fn a_worse_report_of_a_story_raises_its_case_and_says_from_what() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = pipeline_at(dir.path());
    let first = pipeline
        .ingest(item("微博", "w1", STORY), Utc::now())
        .unwrap();
    let case = pipeline
        .store()
        .case(first.case_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(case.severity, Severity::III, "{:?}", case.severity_reasons);
    let worse = pipeline
        .ingest(
            item("门户", "p1", &STORY.replace("3人死亡", "12人死亡")),
            Utc::now(),
        )
        .unwrap();
    assert_eq!(worse.case_id, first.case_id);
    assert!(!worse.new_case);
    assert_eq!(worse.raised_from, Some(Severity::III));
    let case = pipeline
        .store()
        .case(first.case_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(case.severity, Severity::II);
    // The same report again changes nothing.
    let again = pipeline
        .ingest(
            item("门户", "p1", &STORY.replace("3人死亡", "12人死亡")),
            Utc::now(),
        )
        .unwrap();
    assert_eq!(again.raised_from, None);
}

#[test]
fn seeing_an_item_again_is_an_update_not_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = Pipeline::new(
        common::shipped_classifier(),
        Store::open(dir.path()).unwrap(),
        Utc::now(),
    )
    .unwrap();
    let now = Utc::now();
    let first = pipeline.ingest(item("微博", "w1", STORY), now).unwrap();
    let again = pipeline
        .ingest(item("微博", "w1", STORY), now + Duration::minutes(10))
        .unwrap();
    assert!(!first.updated && again.updated);
    assert_eq!(first.item_id, again.item_id);
    assert_eq!(first.case_id, again.case_id);
    let case = pipeline
        .store()
        .case(first.case_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(case.item_count, 1);
    assert_eq!(pipeline.store().counts(), (1, 1));
}

#[test]
fn data_survives_reopening_and_new_reports_join_old_cases() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let story_case = {
        let pipeline = Pipeline::new(
            common::shipped_classifier(),
            Store::open(dir.path()).unwrap(),
            now,
        )
        .unwrap();
        let r = pipeline
            .ingest_batch([item("微博", "w1", STORY)], now)
            .unwrap();
        r[0].as_ref().unwrap().case_id.unwrap()
    };
    let store = Store::open(dir.path()).unwrap();
    assert!(store.case(story_case).unwrap().is_some());
    let pipeline = Pipeline::new(common::shipped_classifier(), store, now).unwrap();
    let r = pipeline
        .ingest(
            item("微信", "x9", &format!("转发：{STORY}")),
            now + Duration::hours(1),
        )
        .unwrap();
    assert_eq!(r.case_id, Some(story_case));
    assert!(!r.new_case);
}

#[test]
fn changes_feed_lists_every_write_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = Pipeline::new(
        common::shipped_classifier(),
        Store::open(dir.path()).unwrap(),
        Utc::now(),
    )
    .unwrap();
    let now = Utc::now();
    pipeline
        .ingest_batch(
            [
                item("微博", "w1", STORY),
                item("论坛", "f2", "今天天气很好。"),
            ],
            now,
        )
        .unwrap();
    let changes = pipeline.store().changes_after(0, 100).unwrap();
    let kinds: Vec<String> = changes.iter().map(|c| format!("{:?}", c.kind)).collect();
    // One batch, one transaction: its items, then each case it touched.
    assert_eq!(kinds, vec!["Item", "Item", "Case"]);
    assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
    let after = pipeline.store().changes_after(changes[0].seq, 100).unwrap();
    assert_eq!(after.len(), 2);
    assert!(
        pipeline
            .store()
            .changes_after(changes[2].seq, 100)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn export_then_import_restores_items_and_cases() {
    let src = tempfile::tempdir().unwrap();
    let pipeline = Pipeline::new(
        common::shipped_classifier(),
        Store::open(src.path()).unwrap(),
        Utc::now(),
    )
    .unwrap();
    let now = Utc::now();
    pipeline
        .ingest_batch(
            [
                item("微博", "w1", STORY),
                item("论坛", "f2", "今天天气很好。"),
            ],
            now,
        )
        .unwrap();
    let mut dump = Vec::new();
    let n = pipeline
        .store()
        .export(&mut dump, now - Duration::days(1), ExportWhat::All)
        .unwrap();
    assert_eq!(n, 3);
    let dst = tempfile::tempdir().unwrap();
    let restored = Store::open(dst.path()).unwrap();
    assert_eq!(restored.import(dump.as_slice(), now).unwrap(), 3);
    assert_eq!(restored.counts(), (2, 1));
    let case_id = pipeline.store().cases().next().unwrap().unwrap().id;
    assert_eq!(
        restored.case(case_id).unwrap(),
        pipeline.store().case(case_id).unwrap()
    );
    assert_eq!(restored.case_items(case_id).unwrap().len(), 1);

    let bad = b"{\"type\":\"item\",\"schema\":1}\n";
    let err = restored.import(&bad[..], now).unwrap_err();
    assert!(err.to_string().starts_with("import line 1:"), "{err}");
}

#[test]
fn a_newer_schema_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path()).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", &99u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("upgrade yuqing"));
}

#[test]
fn an_identical_repeat_writes_nothing_and_a_changed_one_writes_only_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = pipeline_at(dir.path());
    let first = pipeline
        .ingest(item("微博", "w1", STORY), Utc::now())
        .unwrap();
    pipeline.store().flush().unwrap();
    let seq = pipeline.store().last_change_seq().unwrap();
    // A feed repeats the entry at every poll.
    let again = pipeline
        .ingest_batch([item("微博", "w1", STORY)], Utc::now())
        .unwrap();
    let again = again.into_iter().next().unwrap().unwrap();
    assert!(again.updated && again.case_id == first.case_id);
    assert_eq!(
        pipeline.store().last_change_seq().unwrap(),
        seq,
        "no writes"
    );
    // An edited entry: the item is rewritten, its case is not.
    let edited = format!("{STORY}（更新）");
    pipeline
        .ingest_batch([item("微博", "w1", &edited)], Utc::now())
        .unwrap();
    let changes = pipeline.store().changes_after(seq, 10).unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].id, first.item_id);
    let case = pipeline
        .store()
        .case(first.case_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(case.item_count, 1);
}

/// Bug: sled 0.34 reports a lock held by another process as an I/O error
/// of kind Other, so `yuqing export` and `ingest` beside a running daemon
/// showed sled's raw text instead of saying the store is in use.
#[test]
fn bug_a_store_held_elsewhere_is_reported_as_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let _held = Store::open(&path).unwrap();
    // A second open takes the file lock anew, as another process would.
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    assert!(
        err.to_string().contains("in use by another process"),
        "{err}"
    );
}

/// The sled database under a store, opened directly once the store's
/// handles have let go of its lock (sled releases it a moment later).
fn raw_open(dir: &std::path::Path) -> sled::Db {
    for _ in 0..60 {
        if let Ok(db) = sled::open(dir) {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    sled::open(dir).unwrap()
}

/// Rewrites a store of the current layout into layout 1 (items keyed by id
/// in `items`, empty values in `items_by_time`), as yuqing 0.1 wrote it.
fn downgrade_to_layout_1(dir: &std::path::Path) {
    let db = raw_open(dir);
    let by_time = db.open_tree("items_by_time").unwrap();
    let items = db.open_tree("items").unwrap();
    for kv in by_time.iter() {
        let (k, v) = kv.unwrap();
        items.insert(&k[8..], v).unwrap();
        by_time.insert(k, &[]).unwrap();
    }
    db.drop_tree("item_ids").unwrap();
    db.open_tree("meta")
        .unwrap()
        .insert("schema_version", &1u32.to_be_bytes())
        .unwrap();
    db.flush().unwrap();
}

#[test]
fn a_store_of_the_first_layout_is_migrated_when_opened_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let (ids, case_id, page_before) = {
        let pipeline = pipeline_at(dir.path());
        let results = pipeline
            .ingest_batch(
                [
                    item("微博", "w1", STORY),
                    item("微信", "x1", &format!("转发：{STORY}")),
                    item("论坛", "f2", "今天天气很好，狼山风景区游客络绎不绝。"),
                ],
                now,
            )
            .unwrap();
        let results: Vec<_> = results.into_iter().map(Result::unwrap).collect();
        pipeline.store().flush().unwrap();
        let page = pipeline
            .store()
            .item_page(&Default::default(), None, 10)
            .unwrap();
        (
            results
                .iter()
                .map(|r| r.item_id.clone())
                .collect::<Vec<_>>(),
            results[0].case_id.unwrap(),
            page.items,
        )
    };
    downgrade_to_layout_1(dir.path());

    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.counts().0,
        3,
        "every item counted after the migration"
    );
    for id in &ids {
        assert!(
            store.item(id).unwrap().is_some(),
            "item {id} readable by id"
        );
    }
    assert_eq!(store.case_items(case_id).unwrap().len(), 2);
    let page = store.item_page(&Default::default(), None, 10).unwrap();
    assert_eq!(
        page.items, page_before,
        "the newest-first list is unchanged"
    );
    // A new report still finds its case and the old ids are still known.
    let pipeline = Pipeline::new(common::shipped_classifier(), store, now).unwrap();
    let again = pipeline.ingest(item("微博", "w1", STORY), now).unwrap();
    assert!(!again.new_case && again.case_id == Some(case_id));
    assert_eq!(pipeline.store().counts().0, 3, "a repeat is no new item");
    drop(pipeline);

    let db = raw_open(dir.path());
    assert!(
        !db.tree_names().iter().any(|n| n.as_ref() == b"items"),
        "the old tree is dropped"
    );
    let version = db.open_tree("meta").unwrap().get("schema_version").unwrap();
    assert_eq!(version.as_deref(), Some(&2u32.to_be_bytes()[..]));
}
