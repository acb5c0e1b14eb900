//! The analysts' API, served for real on 127.0.0.1 over a real sled store in
//! a temp dir, called with reqwest.

mod common;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use std::path::PathBuf;
use yuqing::api::{self, AppState, Clock, Limits, Live, openapi};
use yuqing::cases::{Route, Routing};
use yuqing::classify::Category;
use yuqing::config::{Role, Token};
use yuqing::daemon::Collector;
use yuqing::daemon::{Reloader, Scheduler, SchedulerConfig};
use yuqing::fetch::{FetchConfig, Fetcher};
use yuqing::pipeline::Pipeline;
use yuqing::sources::{Source, SourceConfig};
use yuqing::store::Store;

const VIEWER: &str = "viewer-token-0123456789";
const ANALYST: &str = "analyst-token-0123456789";
const ADMIN: &str = "admin-token-0123456789";

const BLAST: &str =
    "如东县洋口化工园区一企业车间发生爆炸，事故已造成12人死亡、5人受伤，伤者已送医救治。";
const BLAST_REPOST: &str =
    "转发：如东县洋口化工园区一企业车间发生爆炸，事故已造成12人死亡、5人受伤！";
const WAGES: &str = "海门区某工地几十名农民工被拖欠工资近半年，多次讨要无果。";
const RUMOR: &str =
    "网传“明年起女性一律65岁退休”，人社部门回应：该说法系对渐进式延迟退休政策的误读。";
const ABUSE: &str = "家长反映幼儿园老师用针扎孩子，县教育局已介入调查，涉事教师已被警方控制。";
const NOISE: &str = "崇川区图书馆新馆今天开放，周末还有亲子阅读活动。";

fn tokens() -> Vec<Token> {
    [
        ("值班查看", Role::Viewer, VIEWER),
        ("分析员甲", Role::Analyst, ANALYST),
        ("管理员", Role::Admin, ADMIN),
    ]
    .into_iter()
    .map(|(name, role, secret)| Token {
        name: name.into(),
        role,
        secret: secret.into(),
    })
    .collect()
}

fn routing() -> Routing {
    Routing {
        default: Some("市政府办公室".into()),
        rules: vec![
            Route {
                department: "市应急管理局".into(),
                categories: vec![Category::Emergency],
                ..Default::default()
            },
            Route {
                department: "市信访局".into(),
                categories: vec![Category::Interest],
                ..Default::default()
            },
        ],
    }
}

struct Server {
    base: String,
    client: Client,
    pipeline: Arc<Pipeline>,
    _dir: tempfile::TempDir,
    /// Keeps a running scheduler going (see [`Server::start_daemon`]).
    _scheduler: Option<tokio::sync::watch::Sender<bool>>,
}

impl Server {
    async fn start() -> Server {
        Self::start_with(Clock::System, Limits::default()).await
    }

    async fn start_with(clock: Clock, limits: Limits) -> Server {
        let (dir, pipeline) = new_pipeline();
        let (state, _) = live_state(&pipeline, dir.path(), clock);
        let base = serve(state, limits).await;
        Server {
            base,
            client: Client::new(),
            pipeline,
            _dir: dir,
            _scheduler: None,
        }
    }

    /// A server whose scheduler runs, as under `yuqing run` (so that
    /// `/health` stays ready however long the test takes).
    async fn start_daemon() -> Server {
        let (dir, pipeline) = new_pipeline();
        let (state, scheduler) = live_state(&pipeline, dir.path(), Clock::System);
        let (stop, stopped) = tokio::sync::watch::channel(false);
        tokio::spawn(scheduler.run(stopped, std::time::Duration::from_secs(1)));
        let base = serve(state, Limits::default()).await;
        Server {
            base,
            client: Client::new(),
            pipeline,
            _dir: dir,
            _scheduler: Some(stop),
        }
    }

    /// A second server over the same pipeline, with another clock.
    async fn at(&self, now: DateTime<Utc>) -> Server {
        let base = serve(
            AppState::with_clock(self.pipeline.clone(), tokens(), Clock::Fixed(now)),
            Limits::default(),
        )
        .await;
        Server {
            base,
            client: self.client.clone(),
            pipeline: self.pipeline.clone(),
            _dir: tempfile::tempdir().unwrap(),
            _scheduler: None,
        }
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method, format!("{}{}{path}", self.base, api::PREFIX));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let text = resp.text().await.unwrap();
        let value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{path}: body is not JSON ({e}): {text}"));
        (status, value)
    }

    async fn get(&self, path: &str) -> Value {
        let (status, v) = self.call(Method::GET, path, Some(VIEWER), None).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {v}");
        v
    }

    async fn post_item(&self, source: &str, guid: &str, text: &str) -> Value {
        let (status, v) = self
            .call(
                Method::POST,
                "/items",
                Some(ANALYST),
                Some(json!({"source": source, "id": guid, "text": text})),
            )
            .await;
        assert!(status.is_success(), "POST /items: {status} {v}");
        v
    }

    async fn act(&self, case: u64, body: Value) -> (StatusCode, Value) {
        self.call(
            Method::POST,
            &format!("/cases/{case}/actions"),
            Some(ANALYST),
            Some(body),
        )
        .await
    }
}

/// A pipeline over a new store in a temp dir, with the shipped lists and
/// the test routing.
fn new_pipeline() -> (tempfile::TempDir, Arc<Pipeline>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store")).unwrap();
    let pipeline = Arc::new(
        Pipeline::new(common::shipped_classifier(), store, Utc::now())
            .unwrap()
            .with_routing(routing()),
    );
    (dir, pipeline)
}

/// The API as `yuqing run` serves it: with a scheduler over one inbox
/// source (`政务大厅`, in `dir/inbox`) and a reloader over the shipped lists.
fn live_state(
    pipeline: &Arc<Pipeline>,
    dir: &std::path::Path,
    clock: Clock,
) -> (AppState, Scheduler) {
    std::fs::create_dir_all(dir.join("inbox")).unwrap();
    let source: SourceConfig = toml::from_str(&format!(
        "name = \"政务大厅\"\nkind = \"inbox\"\npath = {:?}\nschedule = \"0 0 1 1 *\"\n",
        dir.join("inbox")
    ))
    .unwrap();
    let collector = Arc::new(Collector {
        fetcher: Arc::new(Fetcher::new(FetchConfig::default()).unwrap()),
        pipeline: pipeline.clone(),
        base_dir: PathBuf::new(),
    });
    let source = Source::compile(source, "政务大厅").unwrap();
    let scheduler = Scheduler::new(collector, vec![source], SchedulerConfig::default());
    let reloader = Arc::new(Reloader::new(
        common::root().join("keywords"),
        None,
        None,
        pipeline.clone(),
        Some(scheduler.handle()),
    ));
    let live = Live {
        reloader,
        scheduler: scheduler.handle(),
        outbox_depth: None,
        alerts: None,
    };
    (
        AppState::with_live(pipeline.clone(), tokens(), clock, live),
        scheduler,
    )
}

async fn serve(state: AppState, limits: Limits) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = api::router(state, limits);
    tokio::spawn(api::serve(listener, app, std::future::pending()));
    format!("http://{addr}")
}

fn assert_schema(name: &str, v: &Value) {
    let problems = openapi::check(name, v);
    assert!(
        problems.is_empty(),
        "{name} does not match the OpenAPI schema: {problems:#?}\n{v}"
    );
}

fn ids(page: &Value) -> Vec<u64> {
    page["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_case_is_worked_from_ingest_to_close() {
    let s = Server::start().await;
    let first = s.post_item("微博", "w1", BLAST).await;
    assert_schema("Ingested", &first);
    assert_eq!(first["new_case"], true);
    let case_id = first["case_id"].as_u64().unwrap();
    // The repost from another channel joins the same case.
    let repost = s.post_item("微信", "x1", BLAST_REPOST).await;
    assert_eq!(repost["case_id"].as_u64(), Some(case_id));
    assert_eq!(repost["new_case"], false);
    // Entering the same item again is an update, not a duplicate.
    let (status, again) = s
        .call(
            Method::POST,
            "/items",
            Some(ANALYST),
            Some(json!({"source": "微博", "id": "w1", "text": BLAST})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["updated"], true);

    let case = s.get(&format!("/cases/{case_id}")).await;
    assert_schema("CaseDetail", &case);
    assert_eq!(case["status"], "new");
    assert_eq!(case["item_count"], 2);
    assert_eq!(case["sources"], json!(["微博", "微信"]));
    assert_eq!(case["categories"], json!(["emergency"]));
    assert_eq!(case["severity"], "II", "12 deaths is 重大: {case}");
    assert!(
        case["deadlines"]["info_due"].is_string() && case["deadlines"]["presser_due"].is_string()
    );
    assert_eq!(case["department"], "市应急管理局");
    assert_eq!(case["items"].as_array().unwrap().len(), 2);
    let terms = &case["items"][0]["classification"]["matches"][0]["terms"];
    assert!(terms.as_array().is_some_and(|t| !t.is_empty()), "{case}");

    // The workflow, with every step's response checked against the schema.
    for (body, status) in [
        (json!({"action": "confirm", "note": "已核实"}), "confirmed"),
        (
            json!({"action": "assign", "department": "如东县应急管理局", "assignee": "张三"}),
            "assigned",
        ),
        (
            json!({"action": "respond", "where": "如东发布微博", "how": "发布情况通报", "link": "https://example.gov.cn/1"}),
            "responded",
        ),
        (json!({"action": "close"}), "closed"),
    ] {
        let (code, v) = s.act(case_id, body.clone()).await;
        assert_eq!(code, StatusCode::OK, "{body}: {v}");
        assert_schema("CaseDetail", &v);
        assert_eq!(v["status"], status);
    }
    let done = s.get(&format!("/cases/{case_id}")).await;
    assert_eq!(done["responsible_department"], "如东县应急管理局");
    assert_eq!(done["response"]["where"], "如东发布微博");
    let history = done["history"].as_array().unwrap();
    let steps: Vec<(&str, &str, &str)> = history
        .iter()
        .skip(1)
        .map(|h| {
            (
                h["actor"].as_str().unwrap(),
                h["from"].as_str().unwrap(),
                h["to"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        vec![
            ("分析员甲", "new", "confirmed"),
            ("分析员甲", "confirmed", "assigned"),
            ("分析员甲", "assigned", "responded"),
            ("分析员甲", "responded", "closed"),
        ]
    );
    assert_eq!(history[1]["note"], "已核实");
    assert!(done["overdue"].as_array().unwrap().is_empty());

    // Reopen brings it back; the statistics count the response as on time.
    let (code, v) = s.act(case_id, json!({"action": "reopen"})).await;
    assert_eq!(
        (code, v["status"].as_str()),
        (StatusCode::OK, Some("confirmed"))
    );
    let stats = s.get("/stats").await;
    assert_schema("Stats", &stats);
    assert_eq!(stats["cases"], 1);
    assert_eq!(stats["by_category"]["emergency"], 1);
    assert_eq!(stats["by_severity"]["II"], 1);

    // Everything written is on the changes feed, in order.
    let changes = s.get("/changes?after=0&limit=1000").await;
    assert_schema("ChangePage", &changes);
    let list = changes["changes"].as_array().unwrap();
    assert!(
        list.windows(2)
            .all(|w| w[0]["seq"].as_u64() < w[1]["seq"].as_u64())
    );
    assert!(list.iter().filter(|c| c["kind"] == "case").count() >= 7);
    let last = changes["last_seq"].as_u64().unwrap();
    assert_eq!(
        s.get(&format!("/changes?after={last}")).await["changes"],
        json!([])
    );
}

#[tokio::test]
async fn every_invalid_transition_is_a_409_naming_the_state() {
    let s = Server::start().await;
    let case_id = s.post_item("论坛", "f1", WAGES).await["case_id"]
        .as_u64()
        .unwrap();
    let assign = json!({"action": "assign", "department": "市人社局"});
    let respond = json!({"action": "respond", "where": "留言板", "how": "回复"});
    // From each reachable state, every action the workflow forbids.
    let forbidden: Vec<(Vec<Value>, &str)> = vec![
        (
            vec![
                json!({"action": "close"}),
                json!({"action": "reopen"}),
                assign.clone(),
                respond.clone(),
            ],
            "new",
        ),
        (
            vec![
                json!({"action": "confirm"}),
                json!({"action": "close"}),
                json!({"action": "reopen"}),
                respond.clone(),
            ],
            "confirmed",
        ),
        (
            vec![
                json!({"action": "confirm"}),
                json!({"action": "dismiss"}),
                json!({"action": "close"}),
                json!({"action": "reopen"}),
            ],
            "assigned",
        ),
        (
            vec![
                json!({"action": "confirm"}),
                json!({"action": "dismiss"}),
                assign.clone(),
                respond.clone(),
            ],
            "responded",
        ),
        (
            vec![
                json!({"action": "confirm"}),
                json!({"action": "dismiss"}),
                assign.clone(),
                respond.clone(),
                json!({"action": "close"}),
                json!({"action": "set_severity", "severity": "I"}),
            ],
            "closed",
        ),
    ];
    let advance = [
        None,
        Some(json!({"action": "confirm"})),
        Some(assign.clone()),
        Some(respond.clone()),
        Some(json!({"action": "close"})),
    ];
    for ((actions, state), step) in forbidden.into_iter().zip(advance) {
        if let Some(step) = step {
            let (code, v) = s.act(case_id, step).await;
            assert_eq!(code, StatusCode::OK, "{v}");
        }
        for a in actions {
            let (code, v) = s.act(case_id, a.clone()).await;
            assert_eq!(code, StatusCode::CONFLICT, "{a} from {state}: {v}");
            assert_schema("Error", &v);
            let msg = v["error"].as_str().unwrap();
            assert!(msg.contains(&format!("a case that is {state}")), "{msg}");
        }
        assert_eq!(s.get(&format!("/cases/{case_id}")).await["status"], state);
    }
    // Dismissed: only close and reopen.
    let other = s.post_item("论坛", "f2", ABUSE).await["case_id"]
        .as_u64()
        .unwrap();
    assert_eq!(
        s.act(other, json!({"action": "dismiss"})).await.0,
        StatusCode::OK
    );
    for a in [
        json!({"action": "confirm"}),
        assign,
        respond,
        json!({"action": "dismiss"}),
    ] {
        let (code, v) = s.act(other, a).await;
        assert_eq!(code, StatusCode::CONFLICT);
        assert!(v["error"].as_str().unwrap().contains("dismissed"), "{v}");
    }
    // Unusable fields are 422, unknown cases 404, unknown actions 422.
    let (code, v) = s
        .act(other, json!({"action": "set_categories", "categories": []}))
        .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (code, _) = s.act(999, json!({"action": "confirm"})).await;
    assert_eq!(code, StatusCode::NOT_FOUND);
    let (code, v) = s.act(other, json!({"action": "explode"})).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v["error"].as_str().unwrap().contains("explode"), "{v}");
}

#[tokio::test]
async fn auth_needs_a_token_and_the_right_role() {
    let s = Server::start().await;
    let (code, v) = s.call(Method::GET, "/health", None, None).await;
    assert_eq!((code, v["status"].as_str()), (StatusCode::OK, Some("ok")));
    assert_schema("Health", &v);
    let resp = reqwest::get(format!("{}{}/cases", s.base, api::PREFIX))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert!(resp.headers().get("www-authenticate").is_some());
    let (code, v) = s
        .call(Method::GET, "/cases", Some("wrong-token-0123456789"), None)
        .await;
    assert_eq!(code, StatusCode::UNAUTHORIZED);
    assert_schema("Error", &v);
    // Every route's role is enforced: one below it is 403, it and above pass auth.
    let case_id = s.post_item("微博", "w1", WAGES).await["case_id"]
        .as_u64()
        .unwrap();
    for r in api::routes() {
        let path = r
            .path
            .replace("{id}", &case_id.to_string())
            .replace("{name}", "政务大厅");
        // The reports answer .docx unless asked for JSON.
        let path = if path.starts_with("/reports/") {
            format!("{path}?format=json")
        } else {
            path
        };
        let Some(role) = r.role else { continue };
        let below = match role {
            Role::Viewer => None,
            Role::Analyst => Some(VIEWER),
            Role::Admin => Some(ANALYST),
        };
        let body = r.body.then(|| json!({"action": "note"}));
        if let Some(t) = below {
            let (code, v) = s.call(r.method.clone(), &path, Some(t), body.clone()).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{} {path}: {v}", r.method);
            assert!(v["error"].as_str().unwrap().contains(role.name()));
        }
        let (code, v) = s.call(r.method.clone(), &path, None, body.clone()).await;
        assert_eq!(code, StatusCode::UNAUTHORIZED, "{} {path}: {v}", r.method);
        let (code, _) = s.call(r.method.clone(), &path, Some(ADMIN), body).await;
        assert!(code != StatusCode::UNAUTHORIZED && code != StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn every_filter_and_sort_of_the_case_list() {
    let t0 = Utc::now();
    let s = Server::start_with(Clock::Fixed(t0), Limits::default()).await;
    let blast = s.post_item("微博", "w1", BLAST).await["case_id"]
        .as_u64()
        .unwrap();
    let wages = s.post_item("论坛", "f1", WAGES).await["case_id"]
        .as_u64()
        .unwrap();
    let rumor = s.post_item("微信", "x1", RUMOR).await["case_id"]
        .as_u64()
        .unwrap();
    let abuse = s.post_item("微信", "x2", ABUSE).await["case_id"]
        .as_u64()
        .unwrap();
    let noise = s.post_item("论坛", "f2", NOISE).await;
    assert_eq!(
        noise["case_id"],
        Value::Null,
        "unmatched items open no case"
    );
    assert_eq!(
        s.act(abuse, json!({"action": "dismiss"})).await.0,
        StatusCode::OK
    );
    assert_eq!(
        s.act(wages, json!({"action": "confirm"})).await.0,
        StatusCode::OK
    );

    let all = s.get("/cases?sort=created").await;
    assert_schema("CasePage", &all);
    assert_eq!(ids(&all), vec![abuse, rumor, wages, blast]);
    assert_eq!(all["total"], 4);
    assert!(
        all["cases"][0].get("history").is_none(),
        "lists leave histories out"
    );
    let cases = |q: String| {
        let s = &s;
        async move { ids(&s.get(&format!("/cases?sort=created&{q}")).await) }
    };
    assert_eq!(cases("status=new".into()).await, vec![rumor, blast]);
    assert_eq!(
        cases("status=confirmed,dismissed".into()).await,
        vec![abuse, wages]
    );
    assert_eq!(cases("category=emergency".into()).await, vec![blast]);
    assert_eq!(
        cases("category=policy,interest".into()).await,
        vec![rumor, wages]
    );
    assert_eq!(cases("min_severity=II".into()).await, vec![blast]);
    assert_eq!(cases("min_severity=较大".into()).await, vec![abuse, blast]);
    assert_eq!(cases("region=海门区".into()).await, vec![wages]);
    assert_eq!(cases("flag=rumor".into()).await, vec![rumor]);
    assert_eq!(cases("department=市信访局".into()).await, vec![wages]);
    assert_eq!(cases("q=退休".into()).await, vec![rumor]);
    assert_eq!(cases("q=EXPLOSION".into()).await, Vec::<u64>::new());
    let before = (t0 - Duration::minutes(1)).to_rfc3339().replace('+', "%2B");
    let after = (t0 + Duration::minutes(1)).to_rfc3339().replace('+', "%2B");
    assert_eq!(cases(format!("since={before}")).await.len(), 4);
    assert_eq!(cases(format!("since={after}")).await.len(), 0);
    assert_eq!(cases(format!("until={before}")).await.len(), 0);
    assert_eq!(cases(format!("until={after}")).await.len(), 4);
    assert_eq!(cases("overdue=true".into()).await.len(), 0);
    assert_eq!(cases("overdue=false".into()).await.len(), 4);
    // Severity sort: gravest first.
    assert_eq!(ids(&s.get("/cases?sort=severity").await)[0], blast);
    // Due sort: the 5-hour information deadline first, settled cases last.
    let due = ids(&s.get("/cases?sort=due").await);
    assert_eq!((due[0], due[3]), (blast, abuse));

    // 49 hours later: every open case is past a deadline, the dismissed one is not.
    let late = s.at(t0 + Duration::hours(49)).await;
    let overdue = ids(&late.get("/cases?overdue=true&sort=created").await);
    assert_eq!(overdue, vec![rumor, wages, blast]);
    let c = late.get(&format!("/cases/{blast}")).await;
    assert_eq!(c["overdue"], json!(["info", "presser"]));
    let stats = late.get("/stats").await;
    assert_eq!(stats["on_time"]["info"]["late"], 1);
    assert_eq!(stats["dismissed"], 1);

    // Items: filters over all items, matched or not.
    let items = s.get("/items?limit=10").await;
    assert_schema("ItemPage", &items);
    assert_eq!(items["items"].as_array().unwrap().len(), 5);
    let n = |v: Value| v["items"].as_array().unwrap().len();
    assert_eq!(n(s.get("/items?flagged=false").await), 1);
    assert_eq!(n(s.get("/items?source=微信").await), 2);
    assert_eq!(n(s.get("/items?category=emergency").await), 1);
    assert_eq!(n(s.get(&format!("/items?case={wages}")).await), 1);
    assert_eq!(n(s.get("/items?q=图书馆").await), 1);
    let id = items["items"][0]["id"].as_str().unwrap().to_string();
    assert_schema("Item", &s.get(&format!("/items/{id}")).await);
}

#[tokio::test]
async fn pages_stay_stable_while_new_items_arrive() {
    let s = Server::start().await;
    let places = [
        "崇川区",
        "海门区",
        "如东县",
        "启东市",
        "如皋市",
        "海安市",
        "通州区",
    ];
    let topics = [
        "小区停水三天无人管",
        "学校食堂饭菜发霉",
        "医院乱收费",
        "拖欠工资半年",
        "垃圾站臭气熏天",
    ];
    let mut n = 0;
    for p in places {
        for t in topics {
            n += 1;
            s.post_item(
                &format!("论坛{n}"),
                &format!("g{n}"),
                &format!("{p}{t}，群众反映强烈，希望有关部门尽快处理。"),
            )
            .await;
        }
    }
    for sort in ["last_seen", "severity", "due", "created"] {
        let mut expected = ids(&s.get("/cases?limit=500").await);
        expected.sort();
        assert!(expected.len() >= 20, "{} cases", expected.len());
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        let mut round = 0;
        loop {
            let q = match &cursor {
                Some(c) => format!("/cases?sort={sort}&limit=4&cursor={c}"),
                None => format!("/cases?sort={sort}&limit=4"),
            };
            let page = s.get(&q).await;
            seen.extend(ids(&page));
            // Between pages: new stories and more reports of old ones.
            round += 1;
            s.post_item(
                "新来源",
                &format!("{sort}-{round}"),
                &format!("启东市第{round}中学门口发生车祸，{round}名学生受伤送医。"),
            )
            .await;
            s.post_item(
                "转发",
                &format!("{sort}-r{round}"),
                "崇川区小区停水三天无人管，群众反映强烈，希望有关部门尽快处理。",
            )
            .await;
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        let mut sorted = seen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            sorted.len(),
            seen.len(),
            "sort={sort}: a case came twice: {seen:?}"
        );
        assert_eq!(
            sorted, expected,
            "sort={sort}: the first page's snapshot, exactly"
        );
    }
    // A cursor belongs to its sort.
    let page = s.get("/cases?sort=due&limit=2").await;
    let c = page["next_cursor"].as_str().unwrap();
    let (code, v) = s
        .call(
            Method::GET,
            &format!("/cases?sort=severity&cursor={c}"),
            Some(VIEWER),
            None,
        )
        .await;
    assert_eq!(code, StatusCode::BAD_REQUEST, "{v}");
}

#[tokio::test]
async fn malformed_requests_get_json_4xx_and_the_server_goes_on() {
    let s = Server::start_with(Clock::System, Limits { body: 4096 }).await;
    let url = |p: &str| format!("{}{}{p}", s.base, api::PREFIX);
    let bad_queries = [
        "/cases?status=open",
        "/cases?category=sports",
        "/cases?min_severity=V",
        "/cases?flag=hot",
        "/cases?since=yesterday",
        "/cases?overdue=maybe",
        "/cases?sort=random",
        "/cases?limit=0",
        "/cases?limit=100000",
        "/cases?limit=-1",
        "/cases?cursor=abc",
        "/cases?cursor=c1.1.last_seen.1.2",
        "/cases?colour=red",
        "/items?cursor=i1.zz",
        "/items?case=abc",
        "/changes?after=-5",
        "/stats?from=2026-02-30",
        "/stats?from=2026-11-22&to=2026-11-01",
    ];
    for q in bad_queries {
        let (code, v) = s.call(Method::GET, q, Some(VIEWER), None).await;
        assert_eq!(code, StatusCode::BAD_REQUEST, "{q}: {v}");
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{q}: {v}"
        );
    }
    for (path, code) in [
        ("/cases/abc", StatusCode::BAD_REQUEST),
        ("/cases/99999999999999999999999", StatusCode::BAD_REQUEST),
        ("/cases/42", StatusCode::NOT_FOUND),
        ("/items/nope", StatusCode::NOT_FOUND),
        ("/nothing", StatusCode::NOT_FOUND),
    ] {
        let (got, v) = s.call(Method::GET, path, Some(VIEWER), None).await;
        assert_eq!(got, code, "{path}: {v}");
    }
    let (code, _) = s.call(Method::DELETE, "/cases", Some(ADMIN), None).await;
    assert_eq!(code, StatusCode::METHOD_NOT_ALLOWED);
    let post = |body: reqwest::Body, ctype: &'static str| {
        s.client
            .post(url("/items"))
            .bearer_auth(ANALYST)
            .header("content-type", ctype)
            .body(body)
            .send()
    };
    for (body, ctype, want) in [
        (
            "{not json".to_string(),
            "application/json",
            StatusCode::BAD_REQUEST,
        ),
        (
            "[1,2,3]".to_string(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"source":"x","text":5}"#.to_string(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"source":"x"}"#.to_string(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"source":"","text":"有内容"}"#.to_string(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"source":"x","text":"a"}"#.to_string(),
            "text/plain",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            format!(r#"{{"source":"x","text":"{}"}}"#, "长".repeat(5000)),
            "application/json",
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "\u{0}\u{1}\u{2}".to_string(),
            "application/json",
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let resp = post(body.clone().into(), ctype).await.unwrap();
        assert_eq!(
            resp.status(),
            want,
            "{ctype} {}",
            body.chars().take(40).collect::<String>()
        );
        let v: Value = resp.json().await.unwrap();
        assert!(v["error"].is_string(), "{v}");
    }
    // Invalid UTF-8 in a JSON body.
    let resp = post(vec![b'{', 0xff, 0xfe, b'}'].into(), "application/json")
        .await
        .unwrap();
    assert!(resp.status().is_client_error());
    // Still serving.
    let (code, _) = s.call(Method::GET, "/health", None, None).await;
    assert_eq!(code, StatusCode::OK);
}

#[tokio::test]
async fn the_openapi_document_matches_the_routes() {
    let s = Server::start().await;
    let doc = s.get("/openapi.json").await;
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(documented, api::routes().len());
    let case_id = s.post_item("微博", "w1", WAGES).await["case_id"]
        .as_u64()
        .unwrap();
    let item_id = s.get("/items").await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (path, ops) in paths {
        // No webhook is configured here: a test message is tested against a
        // running daemon with one (tests/alert_edges.rs).
        if path.contains("/alerts/{name}/") {
            continue;
        }
        for (method, op) in ops.as_object().unwrap() {
            let concrete = path
                .trim_start_matches(api::PREFIX)
                .replace(
                    "{id}",
                    &if path.contains("items") {
                        item_id.clone()
                    } else {
                        case_id.to_string()
                    },
                )
                .replace("{name}", "政务大厅");
            // Routes that also answer files (the reports) are asked for
            // their JSON, which is then checked against its schema.
            let concrete = if op["responses"]["200"]["content"]
                .as_object()
                .is_some_and(|c| c.len() > 1)
            {
                format!("{concrete}?format=json")
            } else {
                concrete
            };
            let body = op.get("requestBody").map(|_| {
                if path.contains("actions") {
                    json!({"action": "note", "note": "test"})
                } else if path.contains("reclassify") {
                    json!({"since": "2020-01-01"})
                } else {
                    json!({"source": "政务大厅", "text": WAGES})
                }
            });
            let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let (code, v) = s.call(m, &concrete, Some(ADMIN), body).await;
            let responses = op["responses"].as_object().unwrap();
            let ok = responses
                .get(code.as_str())
                .filter(|_| code.is_success())
                .unwrap_or_else(|| {
                    panic!("{method} {path}: {code} is not a documented success: {v}")
                });
            match ok["content"]["application/json"]["schema"]["$ref"].as_str() {
                Some(schema) => {
                    assert_schema(schema.trim_start_matches("#/components/schemas/"), &v)
                }
                // The document itself: any JSON object.
                None => assert!(v.is_object(), "{path}: {v}"),
            }
        }
    }
    // Undocumented paths are not served.
    let (code, _) = s.call(Method::GET, "/admin", Some(ADMIN), None).await;
    assert_eq!(code, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn operators_see_sources_and_rules_poll_on_demand_and_scrape_metrics() {
    let s = Server::start().await;
    let rules = s.get("/keywords").await;
    assert_schema("RulesStatus", &rules);
    assert_eq!(rules["version"], 1);
    assert!(rules["error"].is_null());
    let lists = rules["lists"].as_array().unwrap();
    assert!(
        lists
            .iter()
            .any(|l| l["kind"] == "emergency" && l["rules"].as_u64().unwrap() > 10)
    );

    let sources = s.get("/sources").await;
    assert_schema("SourceList", &sources);
    assert_eq!(sources["sources"][0]["config"]["name"], "政务大厅");
    assert_eq!(sources["sources"][0]["state"]["items_found"], 0);

    // An operator drops a letter in the inbox and polls the source now.
    let letter = s._dir.path().join("inbox/来信.txt");
    std::fs::write(&letter, WAGES).unwrap();
    // Files younger than 2 s may still be being written; this one is done.
    std::fs::File::options()
        .write(true)
        .open(&letter)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
        .unwrap();
    let (code, report) = s
        .call(Method::POST, "/sources/政务大厅/poll", Some(ADMIN), None)
        .await;
    assert_eq!(code, StatusCode::OK, "{report}");
    assert_schema("PollReport", &report);
    assert_eq!(
        (report["status"].as_str(), report["new"].as_u64()),
        (Some("ok"), Some(1))
    );
    assert_eq!(report["new_cases"].as_array().unwrap().len(), 1);
    let sources = s.get("/sources").await;
    let state = &sources["sources"][0]["state"];
    assert_eq!(state["items_found"], 1);
    assert!(state["last_success"].is_string() && state["next_due"].is_string());
    let (code, v) = s
        .call(Method::POST, "/sources/没有这个源/poll", Some(ADMIN), None)
        .await;
    assert_eq!(code, StatusCode::NOT_FOUND);
    assert!(v["error"].as_str().unwrap().contains("没有这个源"));

    // Reclassifying with unchanged rules changes nothing.
    let (code, v) = s
        .call(
            Method::POST,
            "/reclassify",
            Some(ADMIN),
            Some(json!({"since": "2020-01-01"})),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{v}");
    assert_eq!(
        (v["examined"].as_u64(), v["changed"].as_u64()),
        (Some(1), Some(0))
    );
    let (code, _) = s
        .call(
            Method::POST,
            "/reclassify",
            Some(ADMIN),
            Some(json!({"since": "昨天"})),
        )
        .await;
    assert_eq!(code, StatusCode::BAD_REQUEST);

    // Metrics: a viewer token, Prometheus text.
    let url = format!("{}/metrics", s.base);
    let resp = s.client.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let resp = s.client.get(&url).bearer_auth(VIEWER).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(
        resp.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = resp.text().await.unwrap();
    // Counters are process-wide (other tests poll too): at least this one.
    let polls = text
        .lines()
        .find_map(|l| l.strip_prefix("yuqing_polls_total{source=\"政务大厅\",status=\"ok\"} "))
        .and_then(|v| v.parse::<u64>().ok());
    assert!(polls >= Some(1), "{text}");
    for want in [
        "yuqing_cases{severity=\"",
        "yuqing_cases_overdue 0",
        "yuqing_items 1",
        "yuqing_rules_version 1",
        "yuqing_source_failures{source=\"政务大厅\"} 0",
        "yuqing_classify_seconds_bucket{le=\"+Inf\"}",
        "yuqing_store_bytes ",
    ] {
        assert!(text.contains(want), "metrics lack {want}:\n{text}");
    }
    // Every sample line is `name{labels} number`.
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let value = line.rsplit(' ').next().unwrap();
        assert!(value.parse::<f64>().is_ok(), "{line}");
    }

    let health = s.get("/health").await;
    assert_schema("Health", &health);
    assert_eq!(health["checks"]["scheduler"], "ok");
    assert_eq!(health["status"], "ok");
}

#[tokio::test]
async fn analysts_merge_and_split_cases() {
    let s = Server::start().await;
    // One happening told as two cases (different county names for one place).
    let a = s.post_item("微博", "m1", BLAST).await;
    let b = s
        .post_item(
            "论坛",
            "m2",
            "海门区一居民楼发生火灾，2人受伤，消防已到场处置。",
        )
        .await;
    let (a_id, b_id) = (
        a["case_id"].as_u64().unwrap(),
        b["case_id"].as_u64().unwrap(),
    );
    assert_ne!(a_id, b_id);
    let after = s.get("/changes?after=0&limit=1000").await["last_seq"]
        .as_u64()
        .unwrap();

    // Viewers may not regroup; a missing or closed target is refused plainly.
    let (code, _) = s
        .call(
            Method::POST,
            &format!("/cases/{b_id}/actions"),
            Some(VIEWER),
            Some(json!({"action": "merge", "into": a_id})),
        )
        .await;
    assert_eq!(code, StatusCode::FORBIDDEN);
    let (code, v) = s
        .act(b_id, json!({"action": "merge", "into": 99_999}))
        .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_schema("Error", &v);
    let (code, _) = s.act(b_id, json!({"action": "merge", "into": b_id})).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);

    // Merge: every item moves; the emptied case is closed, pointing there.
    let (code, merged) = s
        .act(
            b_id,
            json!({"action": "merge", "into": a_id, "note": "同一事件"}),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{merged}");
    assert_eq!(merged["status"], "closed");
    assert_eq!(merged["merged_into"], a_id);
    assert_eq!(merged["item_count"], 0);
    let target = s.get(&format!("/cases/{a_id}")).await;
    assert_schema("CaseDetail", &target);
    assert_eq!(target["item_count"], 2);
    assert!(target["history"].as_array().unwrap().iter().any(|h| {
        h["note"]
            .as_str()
            .is_some_and(|n| n.starts_with(&format!("merged from case {b_id}")))
    }));
    let item = s
        .get(&format!("/items/{}", b["item_id"].as_str().unwrap()))
        .await;
    assert_eq!(item["case_id"], a_id);
    // Merging a closed case again is a 409 naming the state.
    let (code, v) = s.act(b_id, json!({"action": "merge", "into": a_id})).await;
    assert_eq!(code, StatusCode::CONFLICT, "{v}");

    // Split: the named items go to a new case; both histories say so.
    let (code, v) = s
        .act(a_id, json!({"action": "split", "items": ["no-such-item"]}))
        .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let moved = b["item_id"].as_str().unwrap();
    let (code, rest) = s
        .act(a_id, json!({"action": "split", "items": [moved]}))
        .await;
    assert_eq!(code, StatusCode::OK, "{rest}");
    assert_eq!(rest["item_count"], 1);
    let new_id = s.get(&format!("/items/{moved}")).await["case_id"]
        .as_u64()
        .unwrap();
    assert!(new_id != a_id && new_id != b_id);
    let split_off = s.get(&format!("/cases/{new_id}")).await;
    assert_eq!(split_off["item_count"], 1);
    assert_eq!(split_off["categories"], json!(["emergency"]));
    assert!(split_off["history"].as_array().unwrap().iter().any(|h| {
        h["note"]
            .as_str()
            .is_some_and(|n| n.starts_with(&format!("split from case {a_id}")))
    }));
    // Splitting every item out is refused: that is a merge.
    let (code, _) = s
        .act(new_id, json!({"action": "split", "items": [moved]}))
        .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);

    // Other tools see every regrouping on the changes feed.
    let changes = s.get(&format!("/changes?after={after}&limit=1000")).await;
    let touched: Vec<String> = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{}:{}", c["kind"].as_str().unwrap_or(""), c["id"]))
        .collect();
    for want in [
        format!("case:{a_id}"),
        format!("case:{b_id}"),
        format!("case:{new_id}"),
    ] {
        assert!(
            touched.iter().any(|t| t.replace('"', "") == want),
            "{want} not in {touched:?}"
        );
    }
}

/// The server's address (`127.0.0.1:port`).
fn addr(s: &Server) -> String {
    s.base.trim_start_matches("http://").to_string()
}

/// Sends `request` on a new connection and reads until the server closes
/// it (or 10 s pass): the raw response.
async fn raw(addr: &str, request: &[u8]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    conn.write_all(request).await.unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let read = tokio::time::timeout(std::time::Duration::from_secs(10), conn.read(&mut buf));
        match read.await {
            Ok(Ok(0)) | Err(_) => break,
            Ok(Ok(n)) => out.extend_from_slice(&buf[..n]),
            Ok(Err(_)) => break,
        }
        // One response is enough once its body has arrived.
        if let Some(text) = std::str::from_utf8(&out).ok()
            && let Some((head, body)) = text.split_once("\r\n\r\n")
            && let Some(len) = head.lines().find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length: ")
                    .and_then(|v| v.trim().parse::<usize>().ok())
            })
            && body.len() >= len
        {
            break;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The JSON body of a raw response, with its status line.
fn raw_json(response: &str) -> (String, Value) {
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((response, ""));
    let status = head.lines().next().unwrap_or("").to_string();
    let v = serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {response}"));
    (status, v)
}

#[tokio::test]
async fn case_id_not_a_number_is_400_json() {
    let s = Server::start().await;
    for path in [
        "/cases/abc",
        "/cases/-1",
        "/cases/1.5",
        "/cases/abc/actions",
    ] {
        let method = if path.ends_with("actions") {
            Method::POST
        } else {
            Method::GET
        };
        let (code, v) = s
            .call(method, path, Some(ADMIN), Some(json!({"action": "note"})))
            .await;
        assert_eq!(code, StatusCode::BAD_REQUEST, "{path}: {v}");
        assert_schema("Error", &v);
        assert!(v["error"].as_str().unwrap().contains("is not an id"), "{v}");
    }
}

#[tokio::test]
async fn every_response_has_a_request_id_and_error_bodies_repeat_it() {
    let s = Server::start().await;
    let url = format!("{}{}/cases/42", s.base, api::PREFIX);
    let resp = s.client.get(&url).bearer_auth(VIEWER).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let id = resp.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["request_id"], id.as_str());
    // A proxy's id is kept; one that is not a short token is replaced.
    for (sent, kept) in [
        ("edge-7f3a.1", true),
        ("x\ty", false),
        (&*"a".repeat(65), false),
    ] {
        let resp = s
            .client
            .get(&url)
            .bearer_auth(VIEWER)
            .header("x-request-id", sent)
            .send()
            .await
            .unwrap();
        let got = resp.headers()["x-request-id"].to_str().unwrap().to_string();
        assert_eq!(got == sent, kept, "{sent} → {got}");
    }
    // Success responses carry it too, and so do 401s and unknown routes.
    for (path, token) in [
        ("/health", None),
        ("/cases", None),
        ("/nothing", Some(VIEWER)),
    ] {
        let mut req = s.client.get(format!("{}{}{path}", s.base, api::PREFIX));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.unwrap();
        let id = resp.headers()["x-request-id"].to_str().unwrap().to_string();
        let v: Value = resp.json().await.unwrap();
        if path != "/health" {
            assert_eq!(v["request_id"], id.as_str(), "{path}: {v}");
        }
    }
}

#[tokio::test]
async fn half_open_connections_are_closed_after_header_timeout() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (_dir, pipeline) = new_pipeline();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = api::router(AppState::new(pipeline, tokens()), Limits::default());
    let options = api::ServeOptions {
        header_read_timeout: std::time::Duration::from_millis(500),
    };
    tokio::spawn(api::serve_with(
        listener,
        app,
        std::future::pending(),
        options,
    ));

    let started = std::time::Instant::now();
    let mut conns = Vec::new();
    for i in 0..60 {
        let mut c = tokio::net::TcpStream::connect(addr).await.unwrap();
        match i % 3 {
            // Nothing at all.
            0 => {}
            // Half a request head, without a token.
            1 => c
                .write_all(b"GET /api/v1/cases HTTP/1.1\r\nHost: x\r\n")
                .await
                .unwrap(),
            // A whole request, then an idle kept-alive connection.
            _ => c
                .write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
                .await
                .unwrap(),
        }
        conns.push((i, c));
    }
    for (i, mut c) in conns {
        let mut got = Vec::new();
        let closed = tokio::time::timeout(std::time::Duration::from_secs(5), async {
            let mut buf = [0u8; 4096];
            loop {
                match c.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => got.extend_from_slice(&buf[..n]),
                }
            }
        })
        .await;
        assert!(closed.is_ok(), "connection {i} still open after 5 s");
        if i % 3 == 2 {
            let text = String::from_utf8_lossy(&got);
            assert!(text.starts_with("HTTP/1.1 200"), "connection {i}: {text}");
        }
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[tokio::test]
async fn uri_too_long_and_headers_too_large_get_json_bodies() {
    let s = Server::start().await;
    let long = format!(
        "GET /api/v1/cases?q={} HTTP/1.1\r\nHost: x\r\n\r\n",
        "a".repeat(70_000)
    );
    let (status, v) = raw_json(&raw(&addr(&s), long.as_bytes()).await);
    assert!(status.starts_with("HTTP/1.1 414"), "{status}");
    assert_schema("Error", &v);
    assert!(!v["request_id"].as_str().unwrap().is_empty());

    let mut many = String::from("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
    for i in 0..150 {
        many.push_str(&format!("x-filler-{i}: {i}\r\n"));
    }
    many.push_str("\r\n");
    let (status, v) = raw_json(&raw(&addr(&s), many.as_bytes()).await);
    assert!(status.starts_with("HTTP/1.1 431"), "{status}");
    assert!(v["error"].as_str().unwrap().contains("header"), "{v}");

    let garbage = b"NOT HTTP AT ALL\r\n\r\n";
    let (status, v) = raw_json(&raw(&addr(&s), garbage).await);
    assert!(status.starts_with("HTTP/1.1 400"), "{status}");
    assert_schema("Error", &v);
    // Still serving.
    let (code, _) = s.call(Method::GET, "/health", None, None).await;
    assert_eq!(code, StatusCode::OK);
}

#[tokio::test]
async fn oversized_content_length_with_expect_100_continue_is_413_not_100_continue() {
    let s = Server::start_with(Clock::System, Limits { body: 4096 }).await;
    let request = format!(
        "POST /api/v1/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ANALYST}\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\nExpect: 100-continue\r\n\r\n"
    );
    let response = raw(&addr(&s), request.as_bytes()).await;
    assert!(
        response.starts_with("HTTP/1.1 413"),
        "no 100 Continue, straight 413: {response}"
    );
    let (_, v) = raw_json(&response);
    assert_schema("Error", &v);
    // Within the limit, the client is told to go on and the body is read.
    let body = json!({"source": "公开信箱", "text": WAGES}).to_string();
    let request = format!(
        "POST /api/v1/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ANALYST}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let response = raw(&addr(&s), request.as_bytes()).await;
    assert!(response.contains("HTTP/1.1 201"), "{response}");
}

#[tokio::test]
async fn viewers_see_paths_relative_to_the_config_directory_not_absolute_ones() {
    let s = Server::start().await;
    s.post_item("微博", "w1", BLAST).await;
    let keywords_dir = common::root().join("keywords");
    let absolute = [
        keywords_dir.display().to_string(),
        s._dir.path().display().to_string(),
    ];
    for path in ["/keywords", "/sources", "/items", "/cases/1"] {
        let v = s.get(path).await;
        let text = v.to_string();
        for a in &absolute {
            assert!(
                !text.contains(&format!("\"{a}")),
                "{path} shows {a}: {text}"
            );
        }
    }
    let rules = s.get("/keywords").await;
    assert_eq!(rules["dir"], "keywords");
    assert!(
        rules["lists"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["file"].as_str().unwrap().starts_with("keywords/")),
        "{rules}"
    );
    let items = s.get("/items").await;
    let rule = items["items"][0]["classification"]["matches"][0]["rule"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        rule.starts_with("keywords/") && rule.contains(".txt:"),
        "{rule}"
    );
    let sources = s.get("/sources").await;
    let inbox = sources["sources"][0]["config"]["path"].as_str().unwrap();
    assert!(
        inbox.starts_with("../") && inbox.ends_with("/inbox"),
        "{inbox}"
    );
}

#[tokio::test]
async fn openapi_documents_the_statuses_and_constraints_the_server_enforces() {
    let doc = openapi::document();
    let op =
        |method: &str, path: &str| doc["paths"][format!("{}{path}", api::PREFIX)][method].clone();
    let statuses = |method: &str, path: &str| -> Vec<String> {
        op(method, path)["responses"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    for r in api::routes().iter().filter(|r| r.body) {
        let m = r.method.as_str().to_lowercase();
        for code in ["400", "413", "415", "422"] {
            assert!(
                statuses(&m, &r.path).contains(&code.to_string()),
                "{m} {} lacks {code}",
                r.path
            );
        }
    }
    for (method, path, code) in [
        ("post", "/items", "200"),
        ("post", "/items", "201"),
        ("post", "/keywords/reload", "422"),
        ("post", "/sources/{name}/poll", "409"),
        ("get", "/health", "503"),
        ("get", "/cases/{id}", "400"),
        ("get", "/cases", "410"),
        ("post", "/cases/{id}/actions", "409"),
    ] {
        assert!(
            statuses(method, path).contains(&code.to_string()),
            "{method} {path} lacks {code}"
        );
    }
    let param = |method: &str, path: &str, name: &str| {
        op(method, path)["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{path} has no parameter {name}"))
    };
    let limit = param("get", "/cases", "limit");
    assert_eq!(
        (
            limit["schema"]["minimum"].as_u64(),
            limit["schema"]["maximum"].as_u64()
        ),
        (Some(1), Some(500))
    );
    let limit = param("get", "/changes", "limit");
    assert_eq!(limit["schema"]["maximum"].as_u64(), Some(1000));
    let status = param("get", "/cases", "status");
    assert_eq!(status["explode"], false);
    assert_eq!(status["schema"]["items"]["enum"][0], "new");
    let sort = param("get", "/cases", "sort");
    assert_eq!(
        sort["schema"]["enum"],
        json!(["last_seen", "severity", "due", "created", "urgency"])
    );
    // Required fields per action.
    let action = doc["components"]["schemas"]["ActionBody"].to_string();
    for need in [
        "department",
        "where",
        "how",
        "severity",
        "categories",
        "into",
        "items",
    ] {
        assert!(action.contains(&format!("\"{need}\"")), "{need}: {action}");
    }
    let assign = doc["components"]["schemas"]["ActionBody"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["properties"]["action"]["enum"][0] == "assign")
        .cloned()
        .unwrap();
    assert!(
        assign["required"]
            .as_array()
            .unwrap()
            .contains(&json!("department")),
        "{assign}"
    );
}

/// The `st` command of schemathesis: `YUQING_SCHEMATHESIS`, else the one
/// `.ci/run` installs in `.ci/venv`, else `st` on the PATH.
fn schemathesis() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("YUQING_SCHEMATHESIS").map(PathBuf::from),
        Some(common::root().join(".ci/venv/bin/st")),
        Some(PathBuf::from("st")),
    ];
    candidates.into_iter().flatten().find(|st| {
        std::process::Command::new(st)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// schemathesis with every check, against a real server over real data, as
/// each role: no failures. Its settings (and the few statuses the schema
/// cannot express) are in `.ci/schemathesis.toml`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_failures_for_any_role() {
    let Some(st) = schemathesis() else {
        assert!(
            std::env::var_os("YUQING_REQUIRE_SCHEMATHESIS").is_none(),
            "schemathesis is required here (YUQING_REQUIRE_SCHEMATHESIS) but was not found"
        );
        println!(
            "skipped: schemathesis not found; `.ci/run` installs it in .ci/venv (or set YUQING_SCHEMATHESIS to an `st` command)"
        );
        return;
    };
    let s = Server::start_daemon().await;
    for (i, text) in [BLAST, WAGES, RUMOR, ABUSE, NOISE].into_iter().enumerate() {
        s.post_item("微博", &format!("seed{i}"), text).await;
    }
    let config = common::root().join(".ci/schemathesis.toml");
    let schema = format!("{}{}/openapi.json", s.base, api::PREFIX);
    for (role, token) in [("viewer", VIEWER), ("analyst", ANALYST), ("admin", ADMIN)] {
        let (st, config, schema) = (st.clone(), config.clone(), schema.clone());
        let report =
            std::env::temp_dir().join(format!("yuqing-schemathesis-{role}-{}", std::process::id()));
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new(&st)
                .current_dir(common::root())
                .arg("--config-file")
                .arg(&config)
                .args(["run", &schema, "--checks", "all", "--no-color"])
                .args(["-H", &format!("Authorization: Bearer {token}")])
                .arg("--report-dir")
                .arg(&report)
                .output()
        })
        .await
        .unwrap()
        .unwrap_or_else(|e| panic!("running schemathesis: {e}"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        println!("--- schemathesis as {role}:\n{stdout}");
        assert!(
            out.status.success(),
            "schemathesis as {role} failed:\n{stdout}\n{stderr}"
        );
    }
}

#[tokio::test]
async fn action_given_as_a_number_is_refused_not_taken_as_a_variant_index() {
    let s = Server::start().await;
    let case_id = s.post_item("微博", "w1", WAGES).await["case_id"]
        .as_u64()
        .unwrap();
    // serde reads `0` as the first variant (confirm) unless told otherwise.
    let (code, v) = s.act(case_id, json!({"action": 0})).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v["error"].as_str().unwrap().contains("action"), "{v}");
    assert_eq!(s.get(&format!("/cases/{case_id}")).await["status"], "new");
}

#[tokio::test]
async fn times_past_year_9999_in_utc_are_refused_not_echoed_as_unreadable_times() {
    let s = Server::start().await;
    // 9999-12-31 23:00 at UTC-05:00 is in year 10000 in UTC: chrono would
    // write it back as "+10000-01-01T04:00:00Z", which is not RFC 3339.
    let late = "9999-12-31T23:00:00-05:00";
    let (code, v) = s
        .call(
            Method::GET,
            &format!("/stats?to={}", late.replace('+', "%2B")),
            Some(VIEWER),
            None,
        )
        .await;
    assert_eq!(code, StatusCode::BAD_REQUEST, "{v}");
    let (code, v) = s
        .call(
            Method::POST,
            "/items",
            Some(ANALYST),
            Some(json!({"source": "公开信箱", "text": WAGES, "published": late})),
        )
        .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v["error"].as_str().unwrap().contains("9999"), "{v}");
    // The last hour of year 9999 in UTC is fine.
    let (code, v) = s
        .call(
            Method::GET,
            "/stats?from=9999-12-31T22:00:00Z&to=9999-12-31T23:00:00Z",
            Some(VIEWER),
            None,
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{v}");
}
