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
        .args(["--source", "公开信箱", "--json"])
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

const ADMIN: &str = "test-admin-token-00001";

async fn call(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    body: Option<Value>,
) -> (reqwest::StatusCode, Value) {
    let mut req = client.request(method, url).bearer_auth(ADMIN);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    (status, resp.json().await.unwrap())
}

/// Polls `GET /keywords` until `done` holds for it (the watcher checks the
/// files every 2 s and waits for them to settle). The deadline is generous:
/// a reload rebuilds the segmenter and the model, which on a loaded 2-core
/// machine can take many seconds.
async fn wait_rules(client: &reqwest::Client, base: &str, done: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (_, v) = call(
            client,
            reqwest::Method::GET,
            format!("{base}/api/v1/keywords"),
            None,
        )
        .await;
        if done(&v) {
            return v;
        }
        assert!(Instant::now() < deadline, "reload not seen: {v}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn keyword_lists_and_sources_reload_live_and_bad_edits_keep_the_old_rules() {
    let dir = tempfile::tempdir().unwrap();
    let keywords = dir.path().join("keywords");
    std::fs::create_dir_all(&keywords).unwrap();
    for e in std::fs::read_dir(common::root().join("keywords")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, keywords.join(p.file_name().unwrap())).unwrap();
        }
    }
    let config = dir.path().join("yuqing.toml");
    let base_config = format!(
        "store = \"store\"\nkeywords = \"keywords\"\n[[api.tokens]]\nname = \"管理员\"\nrole = \"admin\"\ntoken = \"{ADMIN}\"\n"
    );
    std::fs::write(&config, &base_config).unwrap();
    let client = reqwest::Client::new();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = start(&config, port);
    wait_healthy(&client, &base, &mut child).await;
    let api = |p: &str| format!("{base}/api/v1{p}");

    // A post about something no list names yet.
    let bikes = json!({"source": "网友留言", "id": "m1", "text": "崇川区某小区楼下共享单车乱停放，占用盲道，居民出行很不方便。"});
    let (code, v) = call(&client, reqwest::Method::POST, api("/items"), Some(bikes)).await;
    assert!(code.is_success() && v["case_id"].is_null(), "{v}");

    // 1. An operator adds a rule: applied without a restart.
    let interest = keywords.join("interest.txt");
    let mut text = std::fs::read_to_string(&interest).unwrap();
    text.push_str("\n## 新增 added live\n共享单车 + 乱停放|占用盲道\n");
    std::fs::write(&interest, &text).unwrap();
    let rules = wait_rules(&client, &base, |v| v["version"] == 2).await;
    assert!(rules["error"].is_null(), "{rules}");
    // Yesterday's post is found by reclassifying.
    let (code, v) = call(
        &client,
        reqwest::Method::POST,
        api("/reclassify"),
        Some(json!({"since": "2020-01-01"})),
    )
    .await;
    assert_eq!(code, 200, "{v}");
    assert_eq!(
        (
            v["newly_flagged"].as_u64(),
            v["new_cases"].as_array().map(Vec::len)
        ),
        (Some(1), Some(1)),
        "{v}"
    );

    // 2. A broken edit: the old rules stay, the error names file:line.
    let lines = text.lines().count();
    std::fs::write(&interest, format!("{text}共享单车 乱停放\n")).unwrap();
    let rules = wait_rules(&client, &base, |v| !v["error"].is_null()).await;
    assert_eq!(rules["version"], 2, "the previous rules stay in force");
    let problem = rules["error"]["problems"][0].as_str().unwrap();
    assert!(
        problem.contains(&format!("interest.txt:{}", lines + 1)),
        "{problem}"
    );
    // Still classifying with the rules in force, still healthy.
    let bikes2 =
        json!({"source": "网友留言", "id": "m2", "text": "通州区共享单车乱停放，占用盲道。"});
    let (code, v) = call(&client, reqwest::Method::POST, api("/items"), Some(bikes2)).await;
    assert!(code.is_success() && v["case_id"].is_u64(), "{v}");
    let (code, health) = call(&client, reqwest::Method::GET, api("/health"), None).await;
    assert_eq!(code, 200, "{health}");
    assert!(health["checks"]["reload"].is_string(), "{health}");
    let (code, v) = call(
        &client,
        reqwest::Method::POST,
        api("/keywords/reload"),
        None,
    )
    .await;
    assert_eq!(code, 422, "{v}");
    assert!(v["error"].is_string() && v["problems"][0].as_str().unwrap().contains("interest.txt:"));

    // 3. Fixed, then SIGHUP (or the watcher, whichever comes first).
    std::fs::write(&interest, &text).unwrap();
    // A source added to the config at the same time.
    std::fs::write(
        &config,
        format!("{base_config}[[sources]]\nname = \"公开信箱\"\nkind = \"inbox\"\npath = \"inbox\"\nschedule = \"0 0 1 1 *\"\n"),
    )
    .unwrap();
    let hup = Command::new("kill")
        .args(["-HUP", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(hup.success());
    let rules = wait_rules(&client, &base, |v| {
        v["error"].is_null() && v["version"].as_u64() >= Some(3)
    })
    .await;
    assert!(rules["config_error"].is_null(), "{rules}");
    let (_, sources) = call(&client, reqwest::Method::GET, api("/sources"), None).await;
    assert_eq!(
        sources["sources"][0]["config"]["name"], "公开信箱",
        "{sources}"
    );

    // 4. A broken config keeps the sources in force.
    std::fs::write(
        &config,
        format!("{base_config}[[sources]]\nname = \"坏\"\nkind = \"feed\"\n"),
    )
    .unwrap();
    let rules = wait_rules(&client, &base, |v| !v["config_error"].is_null()).await;
    let problem = rules["config_error"]["problems"][0].as_str().unwrap();
    assert!(problem.contains("sources[0]"), "{problem}");
    let (_, sources) = call(&client, reqwest::Method::GET, api("/sources"), None).await;
    assert_eq!(sources["sources"][0]["config"]["name"], "公开信箱");

    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn check_reports_every_config_and_keyword_problem_and_run_refuses_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        format!(
            "keywords = \"{}\"\n[[sources]]\nname = \"甲\"\nkind = \"feed\"\nurl = \"ftp://a/\"\nschedule = \"*/61 * * *\"\n[[sources]]\nname = \"乙\"\nkind = \"page\"\nurl = \"https://www.gov.cn/\"\nlink_selector = \"a[[\"\n",
            common::root().join("keywords").display()
        ),
    )
    .unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["check", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    for want in [
        "bad.toml: sources[0] (甲): url",
        "bad.toml: sources[0] (甲): schedule '*/61 * * *'",
        "bad.toml: sources[1] (乙): link_selector 'a[['",
        "FAILED: 3 error(s)",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    let run = Command::new(common::yuqing_bin())
        .args(["run", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("sources[1] (乙): link_selector 'a[['"),
        "{err}"
    );

    // Keyword problems through the config, with file:line.
    let kw = dir.path().join("keywords");
    std::fs::create_dir_all(&kw).unwrap();
    std::fs::write(kw.join("emergency.txt"), "爆炸|火灾\n爆炸 火灾\n").unwrap();
    std::fs::write(&path, "keywords = \"keywords\"\n").unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["check", "-c"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("emergency.txt:2: error"), "{text}");
    let run = Command::new(common::yuqing_bin())
        .args(["run", "-c"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        !run.status.success() && err.contains("emergency.txt:2: error"),
        "{err}"
    );
}

/// A webhook receiver on 127.0.0.1 that records every body.
async fn webhook_receiver() -> (String, std::sync::Arc<std::sync::Mutex<Vec<Value>>>) {
    use axum::routing::post;
    let got: std::sync::Arc<std::sync::Mutex<Vec<Value>>> = Default::default();
    let shared = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        post(move |body: String| {
            let shared = shared.clone();
            async move {
                shared
                    .lock()
                    .unwrap()
                    .push(serde_json::from_str(&body).unwrap_or(Value::Null));
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}/hook"), got)
}

#[tokio::test]
async fn run_alerts_a_webhook_once_even_across_kill_9() {
    let (hook, got) = webhook_receiver().await;
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str(&format!(
        "[alerts]\nmin_severity = \"较大\"\n[[alerts.webhooks]]\nname = \"对接\"\nkind = \"generic\"\nurl = \"{hook}\"\n"
    ));
    std::fs::write(&config, text).unwrap();
    let client = reqwest::Client::new();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = start(&config, port);
    wait_healthy(&client, &base, &mut child).await;
    let resp: Value = client
        .post(format!("{base}/api/v1/items"))
        .bearer_auth(ANALYST)
        .json(&json!({"source": "微博", "id": "b1", "text": "如东县洋口化工园区一企业车间发生爆炸，事故已造成3人死亡、5人受伤。"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let case_id = resp["case_id"].as_u64().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while got.lock().unwrap().is_empty() {
        assert!(Instant::now() < deadline, "no alert within 20 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The webhook has the alert; the daemon clears its outbox entry once
    // the webhook's answer is back, a moment later.
    loop {
        let metrics = client
            .get(format!("{base}/metrics"))
            .bearer_auth(ANALYST)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if metrics.contains("yuqing_outbox_depth 0") {
            break;
        }
        assert!(Instant::now() < deadline, "outbox not emptied: {metrics}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // Restarted: the case is not alerted again.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = start(&config, port);
    wait_healthy(&client, &base, &mut child).await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let alerts = got.lock().unwrap().clone();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0]["event"], "new");
    assert_eq!(alerts[0]["case"]["id"], case_id);
    assert!(
        alerts[0]["case"]["link"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/api/v1/cases/{case_id}"))
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

/// The daemon as a library: `app::run` on a listener bound to port 0 (no
/// race for a free port), stopped by the future it was given, with every
/// acknowledged write in the store when it returns.
#[tokio::test]
async fn app_run_serves_on_port_0_in_process_and_flushes_on_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let config_path = write_config(dir.path());
    let store_path = yuqing::config::Config::load(&config_path).unwrap().store;
    let common::InProcess {
        base,
        stop: stop_tx,
        task: daemon,
    } = common::start_in_process(&config_path).await;
    let client = reqwest::Client::new();
    let stored = post_item(&client, &base, "in-process-1").await;
    let id = stored["item_id"].as_str().unwrap().to_string();

    stop_tx.send(()).unwrap();
    let result = tokio::time::timeout(Duration::from_secs(30), daemon)
        .await
        .expect("app::run returns after shutdown")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
    assert!(
        client
            .get(format!("{base}/api/v1/health"))
            .send()
            .await
            .is_err(),
        "the listener is closed after shutdown"
    );
    // The store is released and holds the item.
    let deadline = Instant::now() + Duration::from_secs(10);
    let store = loop {
        match yuqing::store::Store::open(&store_path) {
            Ok(s) => break s,
            Err(e) => {
                assert!(Instant::now() < deadline, "store still held: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    };
    assert!(store.item(&id).unwrap().is_some());
}
