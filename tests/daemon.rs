//! `yuqing run` as a process: it serves the API from a config, flushes and
//! exits 0 on SIGTERM, and an item acknowledged by the API survives kill -9.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const ANALYST: &str = "test-analyst-token-0001";

fn write_config(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("yuqing.toml");
    let keywords = common::root().join("keywords");
    std::fs::write(
        &path,
        format!(
            r#"
store = "store"
keywords = "{}"
[api]
listen = "127.0.0.1:1"
[[api.tokens]]
name = "测试分析员"
role = "analyst"
token = "{ANALYST}"
[routing]
default = "市政府办公室"
"#,
            keywords.display()
        ),
    )
    .unwrap();
    path
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

fn start(config: &Path, port: u16) -> Child {
    Command::new(common::yuqing_bin())
        .args(["run", "--config"])
        .arg(config)
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

async fn wait_healthy(client: &reqwest::Client, base: &str, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = client.get(format!("{base}/api/v1/health")).send().await
            && r.status().is_success()
        {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("yuqing run exited early: {status}");
        }
        assert!(Instant::now() < deadline, "yuqing run did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn post_item(client: &reqwest::Client, base: &str, guid: &str) -> Value {
    let resp = client
        .post(format!("{base}/api/v1/items"))
        .bearer_auth(ANALYST)
        .json(&json!({"source": "公开信箱", "id": guid, "text": "海门区某工地几十名农民工被拖欠工资近半年，多次讨要无果。"}))
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{}", resp.status());
    resp.json().await.unwrap()
}

#[tokio::test]
async fn run_serves_flushes_on_sigterm_and_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let client = reqwest::Client::new();

    // 1. Acknowledged, then kill -9 at once.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = start(&config, port);
    wait_healthy(&client, &base, &mut child).await;
    let first = post_item(&client, &base, "mail-1").await;
    let case_id = first["case_id"].as_u64().unwrap();
    child.kill().unwrap();
    child.wait().unwrap();

    // 2. Restart: the item and its case are there; SIGTERM stops it cleanly.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = start(&config, port);
    wait_healthy(&client, &base, &mut child).await;
    let case: Value = client
        .get(format!("{base}/api/v1/cases/{case_id}"))
        .bearer_auth(ANALYST)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(case["item_count"], 1, "{case}");
    assert_eq!(case["department"], "市政府办公室");
    let again = post_item(&client, &base, "mail-1").await;
    assert_eq!(again["updated"], true, "the same item again is an update");
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {log}", out.status);
    assert!(log.contains("store flushed"), "{log}");

    // 3. The store is released and consistent for the offline tools.
    let export = Command::new(common::yuqing_bin())
        .args(["export", "--cases", "--store"])
        .arg(dir.path().join("store"))
        .output()
        .unwrap();
    assert!(export.status.success());
    let text = String::from_utf8_lossy(&export.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn run_refuses_a_bad_config_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[api]\nlisten = \"0.0.0.0:8700\"\n[[api.tokens]]\nname = \"a\"\nrole = \"admin\"\ntoken = \"dev-admin-token-00001\"\n",
    )
    .unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["run", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml")
            && err.contains("api.tokens[0] (a)")
            && err.contains("development token"),
        "{err}"
    );
    std::fs::write(&path, "[api]\nlisten = 8700\n").unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["run", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("line 2"), "{err}");
}

#[test]
fn poll_runs_one_source_and_prints_what_it_found() {
    let dir = tempfile::tempdir().unwrap();
    let keywords = common::root().join("keywords");
    let config = dir.path().join("yuqing.toml");
    std::fs::write(
        &config,
        format!(
            "store = \"store\"\nkeywords = \"{}\"\n[[sources]]\nname = \"公开信箱\"\nkind = \"inbox\"\npath = \"inbox\"\n",
            keywords.display()
        ),
    )
    .unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let letter = inbox.join("来信.txt");
    std::fs::write(
        &letter,
        "海门区农民工工资拖欠\n某工地几十名农民工被拖欠工资近半年，多次讨要无果。",
    )
    .unwrap();
    let f = std::fs::File::options().write(true).open(&letter).unwrap();
    f.set_modified(std::time::SystemTime::now() - Duration::from_secs(60))
        .unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["poll", "--config"])
        .arg(&config)
        .args(["--source", "公开信箱"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["title"], "海门区农民工工资拖欠");
    assert!(lines[0]["case_id"].is_u64());
    assert_eq!(lines[1]["status"], "ok");
    assert_eq!(lines[1]["new"], 1);
    assert!(inbox.join("processed/来信.txt").exists());
    // An unknown source names the known ones.
    let out = Command::new(common::yuqing_bin())
        .args(["poll", "--config"])
        .arg(&config)
        .args(["--source", "微博"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("no source named '微博'") && err.contains("公开信箱"),
        "{err}"
    );
}
