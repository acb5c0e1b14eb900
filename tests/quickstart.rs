//! The README's first command on a fresh install, and the container image's
//! layout: `yuqing run` alone shows cases from the sample inbox within a
//! minute, offline, and the image's environment (listen on all addresses,
//! tokens from variables) starts and answers its HEALTHCHECK.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A fresh install laid out as the repository (and the image) ship it:
/// `config/yuqing.toml`, `keywords/`, `inbox/`, no `data/`.
fn fresh_install(dir: &Path) -> PathBuf {
    let root = common::root();
    for sub in ["config", "keywords", "inbox"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for e in std::fs::read_dir(root.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, dir.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    dir.join("config/yuqing.toml")
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn get(base: &str, path: &str, token: &str) -> (u16, Value) {
    let resp = reqwest::Client::new()
        .get(format!("{base}/api/v1{path}"))
        .bearer_auth(token)
        .send()
        .await;
    match resp {
        Ok(r) => {
            let code = r.status().as_u16();
            (code, r.json().await.unwrap_or(Value::Null))
        }
        Err(_) => (0, Value::Null),
    }
}

#[tokio::test]
async fn run_alone_on_a_fresh_install_shows_the_sample_cases() {
    let dir = tempfile::tempdir().unwrap();
    fresh_install(dir.path());
    let port = free_port();
    // As the README says: from the install's root, no flags.
    let mut child = Daemon(
        Command::new(common::yuqing_bin())
            .arg("run")
            .current_dir(dir.path())
            .env("YUQING_LISTEN", format!("127.0.0.1:{port}"))
            .env_remove("YUQING_CONFIG")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(60);
    let cases = loop {
        let (code, v) = get(&base, "/cases?sort=severity", "dev-viewer-token-0001").await;
        if code == 200 && v["total"].as_u64() >= Some(15) {
            break v;
        }
        if let Ok(Some(status)) = child.0.try_wait() {
            panic!("yuqing run exited: {status}");
        }
        assert!(
            Instant::now() < deadline,
            "no sample cases after a minute: {v}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    // The gravest first: 重大, among them the blast by its death toll.
    assert_eq!(cases["cases"][0]["severity"], "II", "{cases}");
    assert!(
        cases["cases"]
            .as_array()
            .unwrap()
            .iter()
            .take_while(|c| c["severity"] == "II")
            .any(|c| c["title"].as_str().unwrap_or_default().contains("爆炸")),
        "{cases}"
    );
    // Every category is represented.
    let (_, all) = get(&base, "/cases?limit=500", "dev-viewer-token-0001").await;
    for cat in ["policy", "interest", "morality", "emergency", "directive"] {
        assert!(
            all["cases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["categories"].as_array().unwrap().iter().any(|x| x == cat)),
            "no {cat} case"
        );
    }
    // The samples were copied, not moved: the install's inbox/ is intact,
    // and the copies were processed.
    assert!(dir.path().join("inbox/samples.jsonl").exists());
    // The file moves to processed/ once its last item is stored, which may
    // come a moment after the first cases are served on a loaded machine.
    let processed = dir.path().join("data/inbox/processed");
    while !processed.is_dir() {
        assert!(
            Instant::now() < deadline,
            "the sample inbox was never moved to data/inbox/processed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The network sources failed politely, each with its own error.
    let (_, sources) = get(&base, "/sources", "dev-viewer-token-0001").await;
    let names: Vec<&str> = sources["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["config"]["name"].as_str())
        .collect();
    assert!(names.contains(&"公开信箱") && names.len() >= 3, "{sources}");
}

#[tokio::test]
async fn the_container_environment_starts_and_passes_its_healthcheck() {
    let dir = tempfile::tempdir().unwrap();
    let config = fresh_install(dir.path());
    let port = free_port();
    let env = [
        ("YUQING_LISTEN", format!("0.0.0.0:{port}")),
        ("YUQING_CONFIG", config.display().to_string()),
        ("YUQING_LOG_FORMAT", "json".to_string()),
        (
            "YUQING_VIEWER_TOKEN",
            "container-viewer-secret-1".to_string(),
        ),
        (
            "YUQING_ANALYST_TOKEN",
            "container-analyst-secret-1".to_string(),
        ),
        (
            "YUQING_ADMIN_TOKEN",
            "container-admin-secret-01".to_string(),
        ),
    ];
    // Without the variables, the bundled tokens are refused off loopback.
    let refused = Command::new(common::yuqing_bin())
        .arg("run")
        .envs(env.iter().take(3).map(|(k, v)| (k, v)))
        .env_remove("YUQING_VIEWER_TOKEN")
        .env_remove("YUQING_ANALYST_TOKEN")
        .env_remove("YUQING_ADMIN_TOKEN")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("set YUQING_VIEWER_TOKEN"), "{err}");

    let mut child = Daemon(
        Command::new(common::yuqing_bin())
            .arg("run")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let url = format!("http://127.0.0.1:{port}/api/v1/health");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        // The image's HEALTHCHECK command.
        let check = Command::new(common::yuqing_bin())
            .args(["health", "--url", &url])
            .output()
            .unwrap();
        if check.status.success() {
            let v: Value = serde_json::from_slice(&check.stdout).unwrap();
            assert_eq!(v["status"], "ok");
            break;
        }
        if let Ok(Some(status)) = child.0.try_wait() {
            panic!("yuqing run exited: {status}");
        }
        assert!(Instant::now() < deadline, "not healthy within a minute");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let base = format!("http://127.0.0.1:{port}");
    let (code, _) = get(&base, "/cases", "dev-viewer-token-0001").await;
    assert_eq!(code, 401, "the bundled token no longer opens the API");
    let (code, _) = get(&base, "/cases", "container-viewer-secret-1").await;
    assert_eq!(code, 200);
    // A stopped daemon fails the HEALTHCHECK.
    let _ = child.0.kill();
    let _ = child.0.wait();
    let check = Command::new(common::yuqing_bin())
        .args(["health", "--url", &url, "--timeout", "2"])
        .output()
        .unwrap();
    assert!(!check.status.success());
}
