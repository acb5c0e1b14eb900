//! Alerts end to end: cases from the pipeline, the alerter's outbox in a
//! real sled store, and deliveries to webhook receivers on 127.0.0.1 in the
//! generic, WeCom and DingTalk (signed) formats; retries, restarts and
//! deadline reminders.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::post;
use base64::Engine;
use chrono::{Duration, Utc};
use serde_json::{Value, json};
use yuqing::alerts::deliver::Sender;
use yuqing::alerts::{Alerter, AlertsConfig, EventKind, WebhookKind};
use yuqing::classify::Severity;
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::store::Store;

const BLAST: &str =
    "如东县洋口化工园区一企业车间发生爆炸，事故已造成3人死亡、5人受伤，伤者已送医救治。";
const SECRET: &str = "SEC-test-signing-secret";

#[derive(Default)]
struct Received {
    /// (path, query, body)
    calls: Vec<(String, HashMap<String, String>, Value)>,
    /// Calls to /flaky answered 500 so far.
    flaky_failures: usize,
    /// Answer /flaky with 500 this many times.
    flaky_fail_first: usize,
}

type Shared = Arc<Mutex<Received>>;

async fn receiver() -> (String, Shared) {
    let shared: Shared = Arc::default();
    let record = |path: &'static str| {
        move |State(s): State<Shared>, Query(q): Query<HashMap<String, String>>, body: String| async move {
            let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
            let mut r = s.lock().unwrap();
            if path == "/flaky" && r.flaky_failures < r.flaky_fail_first {
                r.flaky_failures += 1;
                return (StatusCode::INTERNAL_SERVER_ERROR, "busy".to_string());
            }
            if path == "/dingtalk" {
                // Verify the signature as DingTalk does.
                let ts = q.get("timestamp").cloned().unwrap_or_default();
                let key =
                    aws_lc_rs::hmac::Key::new(aws_lc_rs::hmac::HMAC_SHA256, SECRET.as_bytes());
                let tag = aws_lc_rs::hmac::sign(&key, format!("{ts}\n{SECRET}").as_bytes());
                let want = base64::engine::general_purpose::STANDARD.encode(tag.as_ref());
                if q.get("sign") != Some(&want) {
                    return (
                        StatusCode::OK,
                        json!({"errcode": 310000, "errmsg": "sign not match"}).to_string(),
                    );
                }
            }
            r.calls.push((path.to_string(), q, v));
            (
                StatusCode::OK,
                json!({"errcode": 0, "errmsg": "ok"}).to_string(),
            )
        }
    };
    let app = Router::new()
        .route("/generic", post(record("/generic")))
        .route("/wecom", post(record("/wecom")))
        .route("/dingtalk", post(record("/dingtalk")))
        .route("/flaky", post(record("/flaky")))
        .with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}"), shared)
}

use common::webhook as hook;

fn config(base: &str) -> AlertsConfig {
    // SAFETY of the test: the variable is set before any thread reads it.
    unsafe { std::env::set_var("YUQING_TEST_DINGTALK_SECRET", SECRET) };
    let mut ding = hook(
        "钉钉值班群",
        WebhookKind::Dingtalk,
        format!("{base}/dingtalk?access_token=t"),
    );
    ding.secret_env = Some("YUQING_TEST_DINGTALK_SECRET".into());
    let mut grave_only = hook("领导", WebhookKind::Wecom, format!("{base}/wecom?key=boss"));
    grave_only.min_severity = Some(Severity::II);
    grave_only.events = vec![EventKind::New, EventKind::Escalated];
    AlertsConfig {
        min_severity: Severity::III,
        public_url: Some("https://yuqing.example.gov.cn".into()),
        webhooks: vec![
            hook("系统对接", WebhookKind::Generic, format!("{base}/generic")),
            hook(
                "企业微信值班群",
                WebhookKind::Wecom,
                format!("{base}/wecom?key=k"),
            ),
            ding,
            grave_only,
        ],
        ..AlertsConfig::default()
    }
}

fn item(guid: &str, text: &str) -> NewItem {
    NewItem {
        source: "微博".into(),
        guid: Some(guid.into()),
        text: text.into(),
        ..Default::default()
    }
}

fn calls(r: &Shared, path: &str) -> Vec<Value> {
    r.lock()
        .unwrap()
        .calls
        .iter()
        .filter(|(p, _, _)| p == path)
        .map(|(_, _, v)| v.clone())
        .collect()
}

#[tokio::test]
async fn new_and_escalated_cases_reach_every_webhook_once_in_its_format() {
    let (base, received) = receiver().await;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let pipeline = Pipeline::new(common::shipped_classifier(), store.clone(), Utc::now()).unwrap();
    let config = config(&base);
    let alerter = Alerter::new(
        store.clone(),
        config.clone(),
        "https://yuqing.example.gov.cn".into(),
    );
    let sender = Sender::new(store.clone(), config.clone()).unwrap();
    let mut spacing = HashMap::new();

    // History before alerts were switched on is not alerted.
    pipeline
        .ingest(
            item(
                "old",
                "海门区某工地几十名农民工被拖欠工资近半年，多次讨要无果。",
            ),
            Utc::now(),
        )
        .unwrap();
    assert_eq!(alerter.scan(Utc::now()).unwrap(), 0);

    // A 较大 (III) blast: new, to the three webhooks that take III.
    let first = pipeline.ingest(item("w1", BLAST), Utc::now()).unwrap();
    let case_id = first.case_id.unwrap();
    assert_eq!(alerter.scan(Utc::now()).unwrap(), 3);
    assert_eq!(store.outbox_len(), 3);
    assert_eq!(sender.pass(&mut spacing).await, 3);
    assert_eq!(store.outbox_len(), 0);

    let generic = calls(&received, "/generic");
    assert_eq!(generic.len(), 1);
    let g = &generic[0];
    assert_eq!(g["event"], "new");
    assert_eq!(g["case"]["id"], case_id);
    assert_eq!(g["case"]["severity"], "III");
    assert_eq!(g["case"]["severity_zh"], "较大");
    assert_eq!(g["case"]["categories"][0], "emergency");
    assert!(
        g["case"]["severity_reasons"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    assert!(g["case"]["deadline"]["due"].is_string());
    assert_eq!(
        g["case"]["link"],
        format!("https://yuqing.example.gov.cn/api/v1/cases/{case_id}")
    );
    let wecom = calls(&received, "/wecom");
    assert_eq!(wecom.len(), 1, "the leaders' robot takes II and above only");
    assert_eq!(wecom[0]["msgtype"], "markdown");
    let content = wecom[0]["markdown"]["content"].as_str().unwrap();
    for want in [
        "舆情预警·新案件",
        "较大（III级）",
        "如东县",
        "突发事件和自然灾害",
        "时限：",
        "查看案件",
    ] {
        assert!(content.contains(want), "{want}: {content}");
    }
    let ding = calls(&received, "/dingtalk");
    assert_eq!(ding.len(), 1, "signed correctly, so accepted");
    assert!(
        ding[0]["markdown"]["title"]
            .as_str()
            .unwrap()
            .starts_with("舆情预警")
    );

    // A repost changes nothing alertable.
    pipeline
        .ingest(item("w2", &format!("转发：{BLAST}")), Utc::now())
        .unwrap();
    assert_eq!(alerter.scan(Utc::now()).unwrap(), 0);

    // The toll rises to 12: 重大 (II), escalated, now to the leaders too.
    let worse = pipeline
        .ingest(
            item("w3", &BLAST.replace("3人死亡", "12人死亡")),
            Utc::now(),
        )
        .unwrap();
    assert_eq!(worse.raised_from, Some(Severity::III));
    assert_eq!(alerter.scan(Utc::now()).unwrap(), 4);
    assert_eq!(sender.pass(&mut spacing).await, 4);
    let generic = calls(&received, "/generic");
    assert_eq!(generic[1]["event"], "escalated");
    assert_eq!(generic[1]["case"]["previous_severity"], "III");
    assert_eq!(generic[1]["case"]["severity"], "II");
    let wecom = calls(&received, "/wecom");
    assert!(
        wecom[1]["markdown"]["content"]
            .as_str()
            .unwrap()
            .contains("升级（较大→）")
    );

    // Scanning again finds nothing new.
    assert_eq!(alerter.scan(Utc::now()).unwrap(), 0);
    assert_eq!(received.lock().unwrap().calls.len(), 7);
}

#[tokio::test]
async fn failed_deliveries_are_retried_survive_restarts_and_are_not_queued_twice() {
    let (base, received) = receiver().await;
    received.lock().unwrap().flaky_fail_first = 2;
    let dir = tempfile::tempdir().unwrap();
    let mut config = AlertsConfig {
        public_url: Some("http://127.0.0.1:8700".into()),
        webhooks: vec![
            hook("flaky", WebhookKind::Generic, format!("{base}/flaky")),
            // Nothing listens here.
            hook(
                "down",
                WebhookKind::Generic,
                "http://127.0.0.1:9/hook".into(),
            ),
        ],
        ..AlertsConfig::default()
    };
    {
        let store = Store::open(dir.path()).unwrap();
        let pipeline =
            Pipeline::new(common::shipped_classifier(), store.clone(), Utc::now()).unwrap();
        let alerter = Alerter::new(store.clone(), config.clone(), "http://x".into());
        let sender = Sender::new(store.clone(), config.clone()).unwrap();
        alerter.scan(Utc::now()).unwrap();
        pipeline.ingest(item("w1", BLAST), Utc::now()).unwrap();
        assert_eq!(alerter.scan(Utc::now()).unwrap(), 2);
        let mut spacing = HashMap::new();
        assert_eq!(sender.pass(&mut spacing).await, 0, "both fail");
        let waiting = store.outbox().unwrap();
        assert_eq!(waiting.len(), 2);
        for d in &waiting {
            assert_eq!(d.attempts, 1);
            assert!(d.next_attempt > Utc::now(), "backed off");
            assert!(d.last_error.is_some());
        }
        // Not due yet: nothing is sent.
        assert_eq!(sender.pass(&mut spacing).await, 0);
        assert_eq!(received.lock().unwrap().flaky_failures, 1);
        store.flush().unwrap();
        // The process stops here, with two deliveries owed.
    }
    // Restart: the outbox is still there; the event is not queued again.
    let store = Store::open(dir.path()).unwrap();
    let alerter = Alerter::new(store.clone(), config.clone(), "http://x".into());
    assert_eq!(alerter.scan(Utc::now()).unwrap(), 0);
    let waiting = store.outbox().unwrap();
    assert_eq!(waiting.len(), 2);
    // Time passes: make them due.
    for mut d in waiting {
        d.next_attempt = Utc::now() - Duration::seconds(1);
        store.outbox_retry(&d).unwrap();
    }
    // The "down" webhook is removed from the config: its delivery is given
    // up (kept in outbox_dead); the flaky one fails once more, then passes.
    config.webhooks.truncate(1);
    let sender = Sender::new(store.clone(), config.clone()).unwrap();
    let mut spacing = HashMap::new();
    assert_eq!(sender.pass(&mut spacing).await, 0);
    assert_eq!(store.outbox_dead().unwrap().len(), 1);
    let mut d = store.outbox().unwrap().pop().unwrap();
    assert_eq!(d.attempts, 2);
    d.next_attempt = Utc::now() - Duration::seconds(1);
    store.outbox_retry(&d).unwrap();
    assert_eq!(sender.pass(&mut spacing).await, 1);
    assert_eq!(store.outbox_len(), 0);
    let got = calls(&received, "/flaky");
    assert_eq!(got.len(), 1, "delivered once");
    assert_eq!(got[0]["event"], "new");
}

#[tokio::test]
async fn deadline_reminders_are_sent_once_before_and_once_after() {
    let (base, received) = receiver().await;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let pipeline = Pipeline::new(common::shipped_classifier(), store.clone(), Utc::now()).unwrap();
    let mut generic = hook("催办", WebhookKind::Generic, format!("{base}/generic"));
    generic.events = vec![EventKind::DueSoon, EventKind::Overdue];
    // Reminders for every case, 一般 included.
    generic.min_severity = Some(Severity::IV);
    let config = AlertsConfig {
        webhooks: vec![generic],
        due_soon_minutes: 60,
        ..AlertsConfig::default()
    };
    let alerter = Alerter::new(store.clone(), config.clone(), "http://x".into());
    let sender = Sender::new(store.clone(), config).unwrap();
    let mut spacing = HashMap::new();
    alerter.scan(Utc::now()).unwrap();
    let done = pipeline
        .ingest(
            item(
                "w1",
                "海门区某工地几十名农民工被拖欠工资近半年，多次讨要无果。",
            ),
            Utc::now(),
        )
        .unwrap();
    assert_eq!(
        alerter.scan(Utc::now()).unwrap(),
        0,
        "this hook takes reminders only"
    );
    let case = store.case(done.case_id.unwrap()).unwrap().unwrap();
    let due = case.deadlines.respond_due.unwrap();
    assert_eq!(
        alerter.sweep(due - Duration::hours(3)).unwrap(),
        0,
        "not yet"
    );
    assert_eq!(alerter.sweep(due - Duration::minutes(30)).unwrap(), 1);
    assert_eq!(
        alerter.sweep(due - Duration::minutes(20)).unwrap(),
        0,
        "once"
    );
    assert_eq!(alerter.sweep(due + Duration::minutes(1)).unwrap(), 1);
    assert_eq!(
        alerter.sweep(due + Duration::minutes(2)).unwrap(),
        0,
        "once"
    );
    assert_eq!(
        sender
            .pass_at(due + Duration::minutes(2), &mut spacing)
            .await,
        2
    );
    let got = calls(&received, "/generic");
    assert_eq!(got[0]["event"], "due_soon");
    assert_eq!(got[0]["case"]["deadline"]["kind"], "respond");
    assert_eq!(got[1]["event"], "overdue");
    assert_eq!(got[1]["case"]["deadline"]["kind_zh"], "回应关切");
}

#[test]
fn alert_config_problems_name_their_keys() {
    let mut c = AlertsConfig {
        webhooks: vec![
            hook("a", WebhookKind::Generic, "ftp://x".into()),
            hook(
                "a",
                WebhookKind::Wecom,
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k".into(),
            ),
        ],
        ..AlertsConfig::default()
    };
    c.webhooks[1].secret_env = Some("NOPE_NOT_SET_VAR".into());
    let p = c.problems().join("\n");
    assert!(
        p.contains("alerts.webhooks[0] (a): url 'ftp://x' is not an http(s) URL"),
        "{p}"
    );
    assert!(
        p.contains("alerts.webhooks[1] (a): the name is used twice"),
        "{p}"
    );
    assert!(
        p.contains("secret_env applies to dingtalk webhooks only"),
        "{p}"
    );
    assert!(!p.contains("key=k"), "robot keys stay out of messages: {p}");
}
