//! `kill -9` while ingesting loses nothing acknowledged: a child `yuqing
//! ingest` is killed at several points; after each restart every item it
//! acknowledged is present exactly once and every case's count matches its
//! items.

mod common;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use yuqing::store::Store;

fn items(round: usize, n: usize) -> String {
    let texts = [
        "如东县化工园区发生爆炸，事故造成3人死亡",
        "海门区工地农民工被拖欠工资半年",
        "幼儿园老师用针扎孩子被警方控制",
        "今天天气很好，适合出游",
        "小区停水三天没人管，居民苦不堪言",
    ];
    let mut out = String::new();
    for i in 0..n {
        let text = texts[i % texts.len()];
        out.push_str(&format!(
            "{{\"source\":\"src{}\",\"id\":\"r{round}-{i}\",\"text\":\"{text}（第{i}条）\"}}\n",
            i % 7
        ));
    }
    out
}

#[test]
fn kill_9_during_ingest_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path().join("store");
    let mut acknowledged: HashSet<String> = HashSet::new();
    for (round, kill_after) in [(0usize, 1usize), (1, 2), (2, 3)] {
        let mut child = Command::new(common::yuqing_bin())
            .args(["ingest", "--store"])
            .arg(&store_dir)
            .current_dir(common::root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let data = items(round, 4000);
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(data.as_bytes());
            // Keep stdin open so the child is still working when killed.
            std::thread::sleep(std::time::Duration::from_secs(30));
        });
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut batches = 0;
        for line in stdout.lines() {
            let Ok(line) = line else { break };
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            if let Some(id) = v["item_id"].as_str() {
                acknowledged.insert(id.to_string());
            }
            if v["line"].as_u64().is_some_and(|n| n % 512 == 0) {
                batches += 1;
                if batches == kill_after {
                    // SIGKILL, mid-stream, right after an acknowledgment.
                    child.kill().unwrap();
                    break;
                }
            }
        }
        let _ = child.wait();
        drop(writer);

        let store = Store::open(&store_dir).unwrap();
        for id in &acknowledged {
            assert!(
                store.item(id).unwrap().is_some(),
                "acknowledged item {id} lost"
            );
        }
        for case in store.cases() {
            let case = case.unwrap();
            let members = store.case_items(case.id).unwrap();
            assert_eq!(
                case.item_count as usize,
                members.len(),
                "case {} count",
                case.id
            );
            let distinct: HashSet<&str> = members.iter().map(|i| i.id.as_str()).collect();
            assert_eq!(
                distinct.len(),
                members.len(),
                "case {} lists an item twice",
                case.id
            );
        }
    }
    assert!(
        acknowledged.len() >= 512 * 6,
        "{} acknowledged",
        acknowledged.len()
    );
}
