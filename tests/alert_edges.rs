//! The unattended edges of alerts, against local receivers that imitate the
//! WeCom and DingTalk robots strictly (size limits, error codes, rate):
//! messages fitted to each robot, errors no retry can cure stopping at once,
//! rate limits retried, the spacing kept across a restart, and a send
//! interrupted by a crash going out at most once more.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Router;
use axum::extract::{Path, State};
use axum::routing::post;
use chrono::{Duration, Utc};
use serde_json::{Value, json};
use yuqing::alerts::deliver::Sender;
use yuqing::alerts::{AlertsConfig, Event, EventKind, WebhookConfig, WebhookKind, format};
use yuqing::classify::Severity;
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::store::Store;
use yuqing::store::outbox::Delivery;

const BLAST: &str =
    "如东县洋口化工园区一企业车间发生爆炸，事故已造成12人死亡、5人受伤，伤者已送医救治。";

/// Requests received: (robot path, body).
type Calls = Arc<Mutex<Vec<(String, String)>>>;

/// A robot that answers as WeCom or DingTalk would: `/ok/{kind}` checks
/// the size limit; `/code/{n}` answers errcode n.
async fn robot() -> (String, Calls) {
    let calls: Calls = Arc::default();
    async fn ok(State(c): State<Calls>, Path(kind): Path<String>, body: String) -> String {
        c.lock().unwrap().push((format!("ok/{kind}"), body.clone()));
        let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        let too_big = match kind.as_str() {
            "wecom" => v["markdown"]["content"].as_str().unwrap_or("").len() > 4096,
            _ => body.len() > 20_000,
        };
        if too_big {
            let code = if kind == "wecom" { 40058 } else { 460101 };
            return json!({"errcode": code, "errmsg": "message too long"}).to_string();
        }
        json!({"errcode": 0, "errmsg": "ok"}).to_string()
    }
    async fn code(State(c): State<Calls>, Path(n): Path<i64>, body: String) -> String {
        c.lock().unwrap().push((format!("code/{n}"), body));
        json!({"errcode": n, "errmsg": "refused"}).to_string()
    }
    let app = Router::new()
        .route("/ok/{kind}", post(ok))
        .route("/code/{n}", post(code))
        .with_state(calls.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}"), calls)
}

use common::webhook as hook;

fn alerts(hooks: Vec<WebhookConfig>) -> AlertsConfig {
    AlertsConfig {
        min_severity: Severity::III,
        public_url: Some("https://yuqing.example.gov.cn".into()),
        webhooks: hooks,
        ..AlertsConfig::default()
    }
}

/// A grave case from the real pipeline, in a temp store.
fn grave_case(dir: &std::path::Path) -> (Store, yuqing::cases::Case) {
    let store = Store::open(dir).unwrap();
    let pipeline = Pipeline::new(common::shipped_classifier(), store.clone(), Utc::now()).unwrap();
    let done = pipeline
        .ingest(
            NewItem {
                source: "微博".into(),
                guid: Some("w1".into()),
                text: BLAST.into(),
                ..Default::default()
            },
            Utc::now(),
        )
        .unwrap();
    let case = store.case(done.case_id.unwrap()).unwrap().unwrap();
    (store, case)
}

fn new_event(case: &yuqing::cases::Case) -> Event {
    Event {
        kind: EventKind::New,
        key: format!("new:{}", case.id),
        from: None,
        deadline: None,
    }
}

/// Queues one delivery of `case` to `hook` in the store's outbox.
fn queue(store: &Store, hook: &WebhookConfig, case: &yuqing::cases::Case) -> Delivery {
    let now = Utc::now();
    let mut d = vec![Delivery {
        id: 0,
        webhook: hook.name.clone(),
        event: format!("new:{}", case.id),
        case_id: case.id,
        body: format::body(
            hook.kind,
            case,
            &new_event(case),
            "https://yuqing.example.gov.cn",
            now,
        ),
        created: now,
        attempts: 0,
        next_attempt: now,
        last_error: None,
        sending_since: None,
        resent_after_crash: false,
    }];
    store.commit_alerts(None, &[], &mut d).unwrap();
    d.remove(0)
}

#[tokio::test]
async fn messages_fit_each_robot_limit_keeping_deadline_department_and_link() {
    let dir = tempfile::tempdir().unwrap();
    let (_store, mut case) = grave_case(dir.path());
    // A case from a story told everywhere: hundreds of places and reasons,
    // and a title full of markup from the internet.
    case.regions = (0..600).map(|i| format!("某某县第{i}镇")).collect();
    case.severity_reasons = (0..300)
        .map(|i| format!("affected: 第{i}批受影响群众数百名业主 → II"))
        .collect();
    case.title = format!("**紧急**<b>转发</b>&{}", "很长的标题".repeat(80));
    case.department = Some("如东县人民政府办公室".into());
    let e = new_event(&case);
    let now = Utc::now();
    let wecom: Value = serde_json::from_str(&format::body(
        WebhookKind::Wecom,
        &case,
        &e,
        "https://yuqing.example.gov.cn",
        now,
    ))
    .unwrap();
    let content = wecom["markdown"]["content"].as_str().unwrap();
    assert!(content.len() <= 4096, "{} bytes", content.len());
    let ding = format::body(
        WebhookKind::Dingtalk,
        &case,
        &e,
        "https://yuqing.example.gov.cn",
        now,
    );
    assert!(ding.len() <= 20_000, "{} bytes", ding.len());
    let ding: Value = serde_json::from_str(&ding).unwrap();
    let text = ding["markdown"]["text"].as_str().unwrap();
    for body in [content, text] {
        for want in [
            "时限：",
            "责任部门：如东县",
            "查看案件",
            "/cases/",
            "重大（II级）",
        ] {
            assert!(body.contains(want), "{want} missing: {body}");
        }
        assert!(!body.contains(".txt"), "no rule files for leaders: {body}");
        assert!(!body.contains("api/v1"), "links to the console: {body}");
        assert!(!body.contains("<b>") && !body.contains("&"), "{body}");
        assert!(body.contains('…'), "cut with an ellipsis: {body}");
    }
    let title = ding["markdown"]["title"].as_str().unwrap();
    assert!(!title.contains("**") && title.ends_with('…'), "{title}");
}

#[tokio::test]
async fn robot_errors_no_retry_can_cure_stop_at_once_and_mark_the_webhook_failing() {
    let (base, calls) = robot().await;
    let dir = tempfile::tempdir().unwrap();
    let (store, case) = grave_case(dir.path());
    let bad_sign = hook("钉钉", WebhookKind::Dingtalk, format!("{base}/code/310000"));
    let busy = hook("企业微信", WebhookKind::Wecom, format!("{base}/code/45009"));
    queue(&store, &bad_sign, &case);
    queue(&store, &busy, &case);
    let sender = Sender::new(store.clone(), alerts(vec![bad_sign, busy])).unwrap();
    let started = Utc::now();
    assert_eq!(sender.pass(&mut HashMap::new()).await, 0);
    assert_eq!(calls.lock().unwrap().len(), 2);

    // The wrong signature: given up at once, not retried for a day.
    let dead = store.outbox_dead().unwrap();
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(dead[0].webhook, "钉钉");
    assert!(dead[0].last_error.as_deref().unwrap().contains("310000"));
    // The rate limit: kept, retried in 10 s.
    let waiting = store.outbox().unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].attempts, 1);
    let wait = waiting[0].next_attempt - started;
    assert!(
        wait >= Duration::seconds(9) && wait <= Duration::seconds(12),
        "{wait}"
    );
    // Each webhook's state says what happened, with the robot's code.
    let states = store.webhook_states().unwrap();
    let state = |n: &str| states.iter().find(|s| s.name == n).cloned().unwrap();
    let ding = state("钉钉");
    assert!(ding.failing);
    assert_eq!(ding.last_errcode, Some(310000));
    let wecom = state("企业微信");
    assert!(!wecom.failing, "one rate limit is not a failing webhook");
    assert_eq!((wecom.failures, wecom.last_errcode), (1, Some(45009)));
}

#[tokio::test]
async fn robot_spacing_is_kept_across_a_restart() {
    let (base, calls) = robot().await;
    let dir = tempfile::tempdir().unwrap();
    let (store, case) = grave_case(dir.path());
    let wecom = hook("企业微信", WebhookKind::Wecom, format!("{base}/ok/wecom"));
    queue(&store, &wecom, &case);
    let config = alerts(vec![wecom.clone()]);
    {
        let sender = Sender::new(store.clone(), config.clone()).unwrap();
        assert_eq!(sender.pass(&mut sender.saved_spacing().await).await, 1);
    }
    // "Restart": a new sender with nothing in memory, one more alert.
    queue(&store, &wecom, &case);
    let sender = Sender::new(store.clone(), config).unwrap();
    let mut spacing = sender.saved_spacing().await;
    let t = Instant::now();
    assert_eq!(sender.pass(&mut spacing).await, 1);
    assert!(
        t.elapsed() >= std::time::Duration::from_millis(2500),
        "waited {:?}: the 3 s spacing holds after a restart",
        t.elapsed()
    );
    assert_eq!(calls.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn an_alert_interrupted_while_sending_goes_out_at_most_once_more() {
    let (base, calls) = robot().await;
    let dir = tempfile::tempdir().unwrap();
    let (store, case) = grave_case(dir.path());
    let generic = hook("对接", WebhookKind::Generic, format!("{base}/ok/generic"));
    // A crash right after the request: the delivery was left `sending`.
    let mut d = queue(&store, &generic, &case);
    d.sending_since = Some(Utc::now() - Duration::seconds(30));
    store.outbox_retry(&d).unwrap();
    let sender = Sender::new(store.clone(), alerts(vec![generic.clone()])).unwrap();
    assert_eq!(sender.pass(&mut HashMap::new()).await, 1, "sent once more");
    assert_eq!(store.outbox_len(), 0);

    // Interrupted again after that second send: not a third time.
    let mut d = queue(&store, &generic, &case);
    d.sending_since = Some(Utc::now() - Duration::seconds(30));
    d.resent_after_crash = true;
    store.outbox_retry(&d).unwrap();
    assert_eq!(sender.pass(&mut HashMap::new()).await, 0);
    assert_eq!(calls.lock().unwrap().len(), 1, "no second duplicate");
    let dead = store.outbox_dead().unwrap();
    assert_eq!(dead.len(), 1);
    assert!(
        dead[0]
            .last_error
            .as_deref()
            .unwrap()
            .contains("interrupted")
    );
}

/// The operators' view of alerts on a running daemon: a webhook whose key
/// is wrong shows as failing with the robot's code in `GET /alerts`,
/// `/health` says degraded (still 200), the metrics count the refusal, and
/// a test message reports the same error.
const ADMIN: &str = "test-admin-token-0001";

/// A daemon config with an admin token and one DingTalk webhook at `url`.
fn dingtalk_config(path: &std::path::Path, url: &str) {
    std::fs::write(
        path,
        format!(
            r#"
store = "store"
keywords = "{}"
[[api.tokens]]
name = "管理员"
role = "admin"
token = "{ADMIN}"
[alerts]
min_severity = "III"
public_url = "https://yuqing.example.gov.cn"
[[alerts.webhooks]]
name = "钉钉值班群"
kind = "dingtalk"
url = "{url}"
"#,
            common::root().join("keywords").display()
        ),
    )
    .unwrap();
}

/// Enters the grave item through `POST /items` as the admin.
async fn post_blast(client: &reqwest::Client, api: &str) {
    let r = client
        .post(format!("{api}/items"))
        .bearer_auth(ADMIN)
        .json(&json!({"source": "微博", "id": "blast", "text": BLAST}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
}

/// `POST /alerts/钉钉值班群/test` as the admin: the outcome.
async fn test_message(client: &reqwest::Client, api: &str) -> Value {
    client
        .post(format!("{api}/alerts/钉钉值班群/test"))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_failing_webhook_shows_in_the_api_health_and_metrics() {
    let (base, calls) = robot().await;
    let dir = tempfile::tempdir().unwrap();
    let config_path = dir.path().join("yuqing.toml");
    dingtalk_config(&config_path, &format!("{base}/code/310000"));
    let daemon = common::start_in_process(&config_path).await;
    let api = format!("{}/api/v1", daemon.base);
    let client = reqwest::Client::new();
    let get = |path: &str| client.get(format!("{api}{path}")).bearer_auth(ADMIN).send();
    post_blast(&client, &api).await;

    // The alerter queues it, the sender meets the refusal.
    let deadline = Instant::now() + std::time::Duration::from_secs(30);
    let hook = loop {
        let v: Value = get("/alerts").await.unwrap().json().await.unwrap();
        let hook = v["webhooks"][0].clone();
        if hook["failing"] == true {
            break hook;
        }
        assert!(Instant::now() < deadline, "never failing: {v}");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(hook["name"], "钉钉值班群");
    assert_eq!(hook["last_errcode"], 310000);
    assert_eq!(
        (hook["queued"].as_u64(), hook["dead"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(calls.lock().unwrap().len(), 1, "not retried");

    let health = get("/health").await.unwrap();
    assert_eq!(health.status(), 200);
    let health: Value = health.json().await.unwrap();
    assert_eq!(health["status"], "degraded", "{health}");
    assert!(
        health["checks"]["alerts"]
            .as_str()
            .unwrap()
            .contains("310000"),
        "{health}"
    );
    let metrics = client
        .get(api.replace("/api/v1", "/metrics"))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains(
            "yuqing_alert_deliveries_total{webhook=\"钉钉值班群\",outcome=\"refused\"} 1"
        ),
        "{metrics}"
    );

    let test = test_message(&client, &api).await;
    assert_eq!(test["delivered"], false, "{test}");
    assert_eq!(
        (test["errcode"].as_i64(), test["permanent"].as_bool()),
        (Some(310000), Some(true))
    );
    let missing = client
        .post(format!("{api}/alerts/nobody/test"))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);

    daemon.stop.send(()).unwrap();
    daemon.task.await.unwrap().unwrap();
}

/// A webhook fixed in the config (a new key, a new URL) takes effect at a
/// reload, for queued alerts, new ones and test messages alike, without a
/// restart.
#[tokio::test]
async fn a_webhook_changed_in_the_config_takes_effect_at_reload() {
    let (base, calls) = robot().await;
    let dir = tempfile::tempdir().unwrap();
    let config_path = dir.path().join("yuqing.toml");
    dingtalk_config(&config_path, &format!("{base}/code/310000"));
    let daemon = common::start_in_process(&config_path).await;
    let api = format!("{}/api/v1", daemon.base);
    let client = reqwest::Client::new();
    assert_eq!(test_message(&client, &api).await["errcode"], 310000);

    // The operator fixes the key: a new URL, then a reload.
    dingtalk_config(&config_path, &format!("{base}/ok/dingtalk"));
    let r = client
        .post(format!("{api}/keywords/reload"))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    let test = test_message(&client, &api).await;
    assert_eq!(test["delivered"], true, "{test}");

    // A new grave item's alert goes to the new URL.
    post_blast(&client, &api).await;
    let deadline = Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let alerted = calls
            .lock()
            .unwrap()
            .iter()
            .any(|(path, body)| path == "ok/dingtalk" && body.contains("爆炸"));
        if alerted {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the alert never reached the new URL"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    daemon.stop.send(()).unwrap();
    daemon.task.await.unwrap().unwrap();
}
