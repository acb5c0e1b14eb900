//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use yuqing::classify::{Classifier, RuleSet};
use yuqing::text::Normalizer;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A classifier over the shipped keyword lists.
pub fn shipped_classifier() -> Classifier {
    let rules = RuleSet::load_dir(&root().join("keywords"), Normalizer::shared().unwrap())
        .unwrap_or_else(|e| panic!("shipped keyword lists must load: {e}"));
    Classifier::new(rules).unwrap()
}

/// The `yuqing` binary built for these tests.
pub fn yuqing_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_yuqing"))
}

/// The external development set (`../shared/dev/items.jsonl`), one record
/// per line; `None`, with a message, when it is not beside the checkout.
pub fn dev_items<T: serde::de::DeserializeOwned>() -> Option<Vec<T>> {
    let path = root().join("../shared/dev/items.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("skipped: {} not found", path.display());
        return None;
    };
    Some(
        data.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
            .collect(),
    )
}

/// True for items of an event of even number: the development set's
/// tuning half (its README splits it by event parity).
pub fn dev_event_is_even(event: &str) -> bool {
    event
        .get(1..)
        .and_then(|n| n.parse::<u32>().ok())
        .unwrap_or(1)
        % 2
        == 0
}

/// A webhook at `url`, with every filter off.
pub fn webhook(
    name: &str,
    kind: yuqing::alerts::WebhookKind,
    url: String,
) -> yuqing::alerts::WebhookConfig {
    yuqing::alerts::WebhookConfig {
        name: name.into(),
        kind,
        url: Some(url),
        url_env: None,
        secret_env: None,
        min_severity: None,
        events: Vec::new(),
        categories: Vec::new(),
    }
}

/// A daemon running in this process on a port-0 listener.
pub struct InProcess {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Send to stop it.
    pub stop: tokio::sync::oneshot::Sender<()>,
    /// `app::run`'s task.
    pub task: tokio::task::JoinHandle<Result<(), yuqing::app::AppError>>,
}

/// Starts `yuqing::app::run` on the config at `path` and waits until
/// `/health` answers 2xx (panics after a minute or if it stops early).
pub async fn start_in_process(path: &std::path::Path) -> InProcess {
    let config = yuqing::config::Config::load(path).unwrap();
    start_config(config, Some(path.to_path_buf())).await
}

/// The same over a config built in code; `path` is the file reloads watch,
/// if any.
pub async fn start_config(config: yuqing::config::Config, path: Option<PathBuf>) -> InProcess {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(yuqing::app::run(config, path, listener, async move {
        let _ = stop_rx.await;
    }));
    let client = reqwest::Client::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        if let Ok(r) = client.get(format!("{base}/api/v1/health")).send().await
            && r.status().is_success()
        {
            break;
        }
        assert!(!task.is_finished(), "app::run stopped early");
        assert!(
            std::time::Instant::now() < deadline,
            "app::run did not come up"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    InProcess { base, stop, task }
}
