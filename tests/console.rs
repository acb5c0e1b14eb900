//! The analysts' console: plain HTTP tests of sign-in, sessions, CSRF,
//! roles and headers, and a real-browser test (Debian's headless Chromium
//! through chromedriver) of a duty shift against the whole daemon.
//!
//! The browser test needs `chromium` and `chromium-driver` (`.ci/run`
//! installs them). Without them it fails saying so, unless
//! `YUQING_SKIP_BROWSER=1`, which skips it with a note.

mod common;
#[path = "common/webdriver.rs"]
mod webdriver;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use reqwest::{Client, StatusCode, header};
use serde_json::{Value, json};
use yuqing::api::{self, AppState, Limits};
use yuqing::console::{self, ConsoleState};
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::store::Store;

// The bundled config's development tokens, as the README's quick start
// signs in with.
const VIEWER: &str = "dev-viewer-token-0001";
const ANALYST: &str = "dev-analyst-token-0001";
const ADMIN: &str = "dev-admin-token-00001";

/// The bundled config (its tokens and routing), with a temp store.
fn bundled_config(dir: &std::path::Path) -> yuqing::config::Config {
    let mut config =
        yuqing::config::Config::load(&common::root().join("config/yuqing.toml")).unwrap();
    config.store = dir.join("store");
    config
}

/// The sample inbox, as the first start of `yuqing run` would ingest it.
fn samples() -> Vec<NewItem> {
    std::fs::read_to_string(common::root().join("inbox/samples.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// API and console on one listener over a store holding the samples (no
/// scheduler: these tests need only the pipeline).
struct Server {
    base: String,
    http: Client,
    pipeline: Arc<Pipeline>,
    _dir: tempfile::TempDir,
}

impl Server {
    async fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let config = bundled_config(dir.path());
        let store = Store::open(&config.store).unwrap();
        let pipeline = Arc::new(
            Pipeline::new(common::shipped_classifier(), store, Utc::now())
                .unwrap()
                .with_routing(config.routing.clone()),
        );
        pipeline.ingest_batch(samples(), Utc::now()).unwrap();
        let console = ConsoleState::new(
            pipeline.clone(),
            config.tokens(),
            console::Options::default(),
        );
        let app = api::router(
            AppState::new(pipeline.clone(), config.tokens()),
            Limits::default(),
        )
        .merge(console::router(console));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Server {
            base,
            // Redirects are what these tests look at.
            http: Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            pipeline,
            _dir: dir,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Signs in through the form; the session's cookie and CSRF token.
    async fn sign_in(&self, token: &str) -> Session {
        let r = self
            .http
            .post(self.url("/login"))
            .header(header::CONTENT_TYPE, FORM)
            .body(form_body(&[("token", token), ("next", "/")]))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let set = r.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .to_string();
        let cookie = set.split(';').next().unwrap().to_string();
        let page = self.get_page(&cookie, "/").await;
        assert_eq!(page.0, StatusCode::OK, "{}", page.1);
        Session {
            cookie,
            csrf: csrf_of(&page.1),
            set_cookie: set,
        }
    }

    async fn get_page(&self, cookie: &str, path: &str) -> (StatusCode, String) {
        let r = self
            .http
            .get(self.url(path))
            .header(header::COOKIE, cookie)
            .send()
            .await
            .unwrap();
        (r.status(), r.text().await.unwrap())
    }

    async fn post_form(
        &self,
        cookie: &str,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        self.http
            .post(self.url(path))
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, FORM)
            .body(form_body(form))
            .send()
            .await
            .unwrap()
    }

    /// Submits a case's action form with the session's CSRF token.
    async fn act(&self, who: &Session, case: u64, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut all = fields.to_vec();
        all.push(("_csrf", who.csrf.as_str()));
        self.post_form(&who.cookie, &format!("/cases/{case}/act"), &all)
            .await
    }

    async fn api(&self, path: &str) -> Value {
        self.http
            .get(self.url(&format!("/api/v1{path}")))
            .bearer_auth(VIEWER)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Open cases, gravest first, as the API lists them.
    async fn open_cases(&self) -> Vec<Value> {
        self.api("/cases?status=new,confirmed,assigned&sort=urgency&limit=100")
            .await["cases"]
            .as_array()
            .unwrap()
            .clone()
    }
}

const FORM: &str = "application/x-www-form-urlencoded";

/// A form body, as a browser encodes it (reqwest's `form` needs a feature
/// the rest of the build does not).
fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                yuqing::console::view::url_encode(k),
                yuqing::console::view::url_encode(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

struct Session {
    cookie: String,
    csrf: String,
    set_cookie: String,
}

/// The CSRF token in a page's forms.
fn csrf_of(html: &str) -> String {
    let marker = "name=\"_csrf\" value=\"";
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("no CSRF field in the page"));
    html[at + marker.len()..]
        .split('"')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn sign_in_sessions_and_security_headers() {
    let s = Server::start().await;
    // Without a session every page sends you to the sign-in form.
    let r = s.http.get(s.url("/")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()[header::LOCATION], "/login");
    let r = s.http.get(s.url("/cases/1?x=1")).send().await.unwrap();
    assert_eq!(
        r.headers()[header::LOCATION],
        "/login?next=%2Fcases%2F1%3Fx%3D1"
    );
    let r = s.http.get(s.url("/queue/rows")).send().await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNAUTHORIZED,
        "the refresh gets a status"
    );
    let r = s
        .post_form("", "/cases/1/act", &[("action", "confirm")])
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "a form without a session"
    );
    assert_eq!(
        r.headers()[header::LOCATION],
        "/login",
        "back to the queue after"
    );

    let r = s.http.get(s.url("/login")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let h = r.headers().clone();
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    for part in [
        "default-src 'none'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(part), "CSP lacks {part}: {csp}");
    }
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(h[header::CACHE_CONTROL], "no-store");
    let html = r.text().await.unwrap();
    assert!(html.contains("访问令牌"));
    assert!(
        !html.contains("<script>") && !html.contains(" onclick="),
        "no inline script"
    );

    // A wrong token: 401 and the form again, without echoing it.
    let r = s
        .http
        .post(s.url("/login"))
        .header(header::CONTENT_TYPE, FORM)
        .body(form_body(&[("token", "not-a-token-at-all")]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.headers().get(header::SET_COOKIE).is_none());
    let html = r.text().await.unwrap();
    assert!(html.contains("令牌无效") && !html.contains("not-a-token-at-all"));

    // A token in the URL does nothing.
    let r = s
        .http
        .get(s.url(&format!("/?token={ANALYST}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The session cookie: HttpOnly, SameSite=Strict, expiring, not the token.
    let analyst = s.sign_in(ANALYST).await;
    let set = &analyst.set_cookie;
    for part in ["HttpOnly", "SameSite=Strict", "Max-Age=43200", "Path=/"] {
        assert!(set.contains(part), "cookie lacks {part}: {set}");
    }
    assert!(!set.contains(ANALYST));
    let (code, html) = s.get_page(&analyst.cookie, "/").await;
    assert_eq!(code, StatusCode::OK);
    assert!(html.contains("值班分析员") && html.contains("值班台"));
    assert!(!html.contains(ANALYST), "no token in page source");
    assert!(!html.contains("/ops\""), "analysts see no operators' page");
    // A sign-in form while signed in goes to the page asked for, locally.
    let r = s
        .http
        .get(s.url("/login?next=//evil.example/"))
        .header(header::COOKIE, &analyst.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()[header::LOCATION], "/");

    // Assets: hashed, cached for good, right types; unknown ones 404.
    let css = html
        .split("href=\"")
        .find_map(|p| p.split('"').next().filter(|u| u.ends_with(".css")))
        .unwrap()
        .to_string();
    let r = s.http.get(s.url(&css)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "text/css; charset=utf-8");
    assert!(
        r.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let r = s
        .http
        .get(s.url("/assets/console.000000000000.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    // Signing out needs the CSRF token, ends the session, clears the cookie.
    let r = s.post_form(&analyst.cookie, "/logout", &[]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = s
        .post_form(&analyst.cookie, "/logout", &[("_csrf", &analyst.csrf)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        r.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let r = s
        .http
        .get(s.url("/"))
        .header(header::COOKIE, &analyst.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "the old cookie is dead");

    // The API is untouched beside the console.
    let h = s.api("/health").await;
    assert_eq!(h["status"], "ok");
    let r = s.http.get(s.url("/no-such-page")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn actions_need_the_token_the_role_and_the_state_they_were_shown() {
    let s = Server::start().await;
    let cases = s.open_cases().await;
    let first = cases[0]["id"].as_u64().unwrap();
    let second = cases[1]["id"].as_u64().unwrap();
    let analyst = s.sign_in(ANALYST).await;
    let viewer = s.sign_in(VIEWER).await;
    let path = format!("/cases/{first}/act");
    let status = |id: u64| {
        let s = &s;
        async move {
            s.api(&format!("/cases/{id}")).await["status"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };

    // The case page offers an analyst what the status allows, a viewer
    // nothing.
    let (_, html) = s
        .get_page(&analyst.cookie, &format!("/cases/{first}"))
        .await;
    assert!(html.contains("id=\"form-confirm\"") && html.contains("id=\"form-dismiss\""));
    assert!(!html.contains("id=\"form-close\"") && !html.contains("id=\"form-respond\""));
    let (_, html) = s.get_page(&viewer.cookie, &format!("/cases/{first}")).await;
    assert!(!html.contains("class=\"action\""), "a viewer gets no forms");
    assert!(html.contains("id=\"no-actions\""));

    // Forged: no token, a wrong token, another site's Origin.
    for form in [
        vec![("action", "confirm")],
        vec![("action", "confirm"), ("_csrf", "wrong")],
    ] {
        let r = s.post_form(&analyst.cookie, &path, &form).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
    }
    let r = s
        .http
        .post(s.url(&path))
        .header(header::COOKIE, &analyst.cookie)
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, FORM)
        .body(form_body(&[
            ("action", "confirm"),
            ("_csrf", analyst.csrf.as_str()),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A viewer's session with its own valid token: still 403.
    let r = s
        .post_form(
            &viewer.cookie,
            &path,
            &[("action", "confirm"), ("_csrf", viewer.csrf.as_str())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("查看员"));
    assert_eq!(status(first).await, "new", "nothing forged was applied");

    // The real thing: 303 back to the case, applied as the API would.
    let r = s
        .post_form(
            &analyst.cookie,
            &path,
            &[
                ("action", "confirm"),
                ("status", "new"),
                ("note", "值班确认"),
                ("_csrf", analyst.csrf.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()[header::LOCATION],
        format!("/cases/{first}?done=confirm").as_str()
    );
    let c = s.api(&format!("/cases/{first}")).await;
    assert_eq!(c["status"], "confirmed");
    let last = c["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor"], "值班分析员");
    assert_eq!(last["note"], "值班确认");

    // A race: the page showed `new`, someone confirmed meanwhile. 409, said
    // plainly, with the page as it now is.
    let r = s
        .http
        .post(s.url(&format!("/api/v1/cases/{second}/actions")))
        .bearer_auth(ANALYST)
        .json(&json!({"action": "confirm"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = s
        .act(
            &analyst,
            second,
            &[("action", "dismiss"), ("status", "new")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let html = r.text().await.unwrap();
    assert!(html.contains("已由「待研判」变为「已确认」"), "{html}");
    assert!(html.contains("data-status=\"confirmed\""));
    assert_eq!(status(second).await, "confirmed");
    // The workflow's own refusal is a 409 too: closing a confirmed case.
    let r = s.act(&analyst, second, &[("action", "close")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("不能「办结」"));
    // A form without what the action needs: 422, in Chinese.
    let r = s
        .act(
            &analyst,
            second,
            &[("action", "assign"), ("department", " ")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("交办须填写责任部门"));
    let r = s
        .act(
            &analyst,
            second,
            &[
                ("action", "assign"),
                ("department", "市应急管理局"),
                ("due", "2001-01-01T08:00"),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the workflow's own check"
    );
    assert_eq!(status(second).await, "confirmed");
    let r = s
        .post_form(
            &analyst.cookie,
            "/cases/999999/act",
            &[("action", "confirm"), ("_csrf", analyst.csrf.as_str())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn queue_items_stats_and_operators_pages() {
    let s = Server::start().await;
    let analyst = s.sign_in(ANALYST).await;
    let admin = s.sign_in(ADMIN).await;
    let open = s.open_cases().await;

    // The queue: gravest first, severities spelled out, filters work.
    let (code, html) = s.get_page(&analyst.cookie, "/").await;
    assert_eq!(code, StatusCode::OK);
    let shown: Vec<u64> = html
        .split("data-case=\"")
        .skip(1)
        .map(|p| p.split('"').next().unwrap().parse().unwrap())
        .collect();
    let expected: Vec<u64> = open.iter().map(|c| c["id"].as_u64().unwrap()).collect();
    assert_eq!(shown, expected, "the queue is the API's urgency order");
    assert!(
        html.contains("Ⅰ级 特别重大") || html.contains("Ⅱ级 重大"),
        "severity as numeral and word"
    );
    let (_, html) = s
        .get_page(&analyst.cookie, "/?category=interest&q=欠薪")
        .await;
    let n = html.matches("data-case=\"").count();
    assert!(n >= 1, "a filtered list");
    assert!(n < expected.len());
    // Paging carries a cursor; an old one falls back to the first page.
    let (_, html) = s.get_page(&analyst.cookie, "/?limit=10").await;
    assert!(html.contains("id=\"next-page\""));
    let (code, html) = s
        .get_page(&analyst.cookie, "/?cursor=c1.0.severity.1.1.1")
        .await;
    assert_eq!(code, StatusCode::OK);
    assert!(
        html.contains("已回到第一页"),
        "a foreign cursor restarts the list"
    );

    // The refresh: 204 while nothing changed, rows and a new mark after.
    let version = s.pipeline.store().case_version();
    let (code, _) = s
        .get_page(&analyst.cookie, &format!("/queue/rows?v={version}"))
        .await;
    assert_eq!(code, StatusCode::NO_CONTENT);
    let max = expected.iter().copied().max().unwrap();
    let now_ms = Utc::now().timestamp_millis();
    let r = s
        .http
        .post(s.url("/api/v1/items"))
        .bearer_auth(ANALYST)
        .json(&json!({"source": "公开信箱", "text": "狼山风景区索道突发故障，20余名游客被困空中，消防正在紧急救援。"}))
        .send()
        .await
        .unwrap();
    let entered: Value = r.json().await.unwrap();
    let new_case = entered["case_id"].as_u64().expect("the entry opens a case");
    let (code, rows) = s
        .get_page(
            &analyst.cookie,
            &format!("/queue/rows?v={version}&seen_id={max}&seen_at={now_ms}"),
        )
        .await;
    assert_eq!(code, StatusCode::OK);
    assert!(rows.contains(&format!("data-case=\"{new_case}\"")));
    assert!(rows.contains("is-new"), "the new case is marked");

    // Items: every item, the unmatched too; entry through the form.
    let (_, html) = s.get_page(&analyst.cookie, "/items?flagged=no").await;
    assert!(
        html.contains("狼山看银杏"),
        "unmatched items are searchable"
    );
    let r = s
        .post_form(
            &analyst.cookie,
            "/items",
            &[
                ("_csrf", analyst.csrf.as_str()),
                ("source", "政务大厅"),
                ("source_kind", "manual"),
                (
                    "text",
                    "如皋市某小区电梯坠落，3名居民受伤送医，物业拒不回应。",
                ),
                ("published", "2026-11-20T09:30"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()[header::LOCATION].to_str().unwrap().to_string();
    let (_, html) = s.get_page(&analyst.cookie, &to).await;
    assert!(html.contains("已录入信息"), "{to}");
    let page = s.api("/items?q=电梯坠落").await;
    let item = &page["items"][0];
    assert_eq!(item["source_kind"], "manual");
    assert_eq!(item["published"], "2026-11-20T01:30:00Z", "Beijing time");
    let viewer = s.sign_in(VIEWER).await;
    let r = s
        .post_form(
            &viewer.cookie,
            "/items",
            &[
                ("_csrf", viewer.csrf.as_str()),
                ("source", "x"),
                ("text", "y"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Statistics: this month by default, any range, an SVG chart.
    let (code, html) = s.get_page(&analyst.cookie, "/stats").await;
    assert_eq!(code, StatusCode::OK);
    assert!(html.contains("<svg") && html.contains("class=\"bar sev-"));
    assert!(html.contains("按时回应情况"));
    let (code, html) = s
        .get_page(&analyst.cookie, "/stats?from=2026-13-01&to=x")
        .await;
    assert_eq!(code, StatusCode::OK);
    assert!(html.contains("日期格式"));

    // Reports: printable pages in the frame, files on request, refusals as
    // pages.
    let (code, html) = s.get_page(&analyst.cookie, "/reports/period").await;
    assert_eq!(code, StatusCode::OK);
    assert!(html.contains("id=\"period-departments\"") && html.contains("format=docx"));
    assert!(!html.contains("<style"), "no inline style under the CSP");
    let r = s
        .http
        .get(s.url("/reports/daily?format=docx"))
        .header(header::COOKIE, &analyst.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()[header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(r.bytes().await.unwrap().starts_with(b"PK"));
    for (path, status) in [
        ("/reports/cases/999999", StatusCode::NOT_FOUND),
        ("/reports/cases/x", StatusCode::NOT_FOUND),
        ("/reports/period?from=2026-13-01", StatusCode::BAD_REQUEST),
        ("/reports/daily?format=pdf", StatusCode::BAD_REQUEST),
    ] {
        let (code, html) = s.get_page(&analyst.cookie, path).await;
        assert_eq!(code, status, "{path}");
        assert!(html.contains("class=\"alert\""), "{path}: {html}");
    }

    // Operators: admins only; outside `yuqing run` the page says why.
    let (code, _) = s.get_page(&analyst.cookie, "/ops").await;
    assert_eq!(code, StatusCode::FORBIDDEN);
    let (code, html) = s.get_page(&admin.cookie, "/ops").await;
    assert_eq!(code, StatusCode::SERVICE_UNAVAILABLE);
    assert!(html.contains("yuqing run"));
    let r = s
        .post_form(
            &analyst.cookie,
            "/ops/reload",
            &[("_csrf", analyst.csrf.as_str())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

// ---------------------------------------------------------------------------
// The browser test.

/// The bundled config with a temp store and the sample inbox as its only
/// source (the bundled network sources would only fail offline).
fn daemon_config(dir: &std::path::Path) -> yuqing::config::Config {
    let mut config = bundled_config(dir);
    config.sources.retain(|s| s.seed.is_some());
    for s in &mut config.sources {
        s.path = Some(dir.join("inbox"));
    }
    assert_eq!(config.sources.len(), 1, "the bundled config's inbox source");
    config
}

/// `yuqing run` in process on port 0 ([`common::start_config`]).
struct Daemon(common::InProcess);

impl Daemon {
    /// Starts the daemon and waits until the sample inbox is in.
    async fn start(dir: &std::path::Path) -> Daemon {
        let daemon = common::start_config(daemon_config(dir), None).await;
        let client = Client::new();
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            if let Ok(r) = client
                .get(format!("{}/api/v1/sources", daemon.base))
                .bearer_auth(VIEWER)
                .send()
                .await
                && let Ok(v) = r.json::<Value>().await
                && v["sources"][0]["state"]["last_success"].is_string()
            {
                break;
            }
            assert!(!daemon.task.is_finished(), "the daemon stopped early");
            assert!(
                Instant::now() < deadline,
                "the sample inbox was not read in 2 min"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Daemon(daemon)
    }

    async fn stop(self) {
        let common::InProcess { stop, task, .. } = self.0;
        let _ = stop.send(());
        let done = tokio::time::timeout(Duration::from_secs(30), task).await;
        assert!(matches!(done, Ok(Ok(Ok(())))), "the daemon stops cleanly");
    }
}

/// `GET /api/v1/cases/{id}` with the bundled viewer token.
async fn api_case(base: &str, id: u64) -> Value {
    Client::new()
        .get(format!("{base}/api/v1/cases/{id}"))
        .bearer_auth(VIEWER)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

const SEVERITY_ORDER: [&str; 4] = ["Ⅰ级", "Ⅱ级", "Ⅲ级", "Ⅳ级"];

fn rank(label: &str) -> usize {
    SEVERITY_ORDER
        .iter()
        .position(|p| label.starts_with(p))
        .unwrap_or_else(|| panic!("not a severity label: {label}"))
}

/// The page's status and the API's agree.
async fn agree(b: &webdriver::Browser, base: &str, id: u64, status: &str) -> Value {
    let el = b.find("#case-status").await;
    assert_eq!(b.attr(&el, "data-status").await.as_deref(), Some(status));
    let c = api_case(base, id).await;
    assert_eq!(c["status"], status, "the API agrees with the page");
    c
}

/// Clicks an action's button and waits for the case page after it (the
/// redirect shows the new status and what was done).
async fn submit(b: &webdriver::Browser, button: &str, status: &str) {
    b.click(&b.find(button).await).await;
    b.wait_for(
        &format!("#case-status[data-status=\"{status}\"]"),
        Duration::from_secs(10),
    )
    .await;
    b.find("#flash").await;
}

async fn sign_in(b: &webdriver::Browser, base: &str, token: &str) {
    b.goto(&format!("{base}/")).await;
    assert!(
        b.url().await.ends_with("/login"),
        "signed out: {}",
        b.url().await
    );
    let field = b.find("#token").await;
    b.type_text(&field, token).await;
    b.click(&b.find("#sign-in").await).await;
    b.wait_for("#queue", Duration::from_secs(20)).await;
    assert!(!b.url().await.contains(token), "no token in the URL");
    assert!(!b.source().await.contains(token), "no token in the page");
}

#[tokio::test]
async fn a_duty_shift_in_a_real_browser() {
    if std::env::var("YUQING_SKIP_BROWSER").as_deref() == Ok("1") {
        println!(
            "skipped: YUQING_SKIP_BROWSER=1 (the browser test needs chromium and chromedriver)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let shots = dir.path().join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let daemon = Daemon::start(dir.path()).await;
    let base = daemon.0.base.clone();
    let b = webdriver::Browser::start().await.unwrap_or_else(|e| {
        panic!("cannot start headless Chromium: {e}\n(set YUQING_SKIP_BROWSER=1 to skip this test where no browser can run)")
    });

    // Sign in as the duty analyst.
    sign_in(&b, &base, ANALYST).await;
    assert_eq!(b.text(&b.find("#user-role").await).await, "分析员");

    // The queue shows the sample cases, gravest first.
    let rows = b.find_all("tr.case-row").await;
    assert!(
        rows.len() >= 10,
        "the sample cases are in the queue: {}",
        rows.len()
    );
    let mut labels = Vec::new();
    for r in b.find_all("tr.case-row .sev").await {
        labels.push(b.text(&r).await);
    }
    let ranks: Vec<usize> = labels.iter().map(|l| rank(l)).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "gravest first: {labels:?}"
    );
    let open: Value = Client::new()
        .get(format!(
            "{base}/api/v1/cases?status=new,confirmed,assigned&sort=severity&limit=1"
        ))
        .bearer_auth(VIEWER)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let gravest_level = open["cases"][0]["severity"].as_str().unwrap();
    assert_eq!(
        SEVERITY_ORDER[ranks[0]],
        format!(
            "{}级",
            match gravest_level {
                "I" => "Ⅰ",
                "II" => "Ⅱ",
                "III" => "Ⅲ",
                _ => "Ⅳ",
            }
        ),
        "the first row is of the gravest open level"
    );
    assert!(
        b.try_find("tr.case-row .countdown, tr.case-row .overdue")
            .await
            .is_some(),
        "deadline countdowns"
    );
    let queue_png = shots.join("queue.png");
    b.screenshot(&queue_png).await;

    // Open the gravest case.
    let first = &rows[0];
    let id: u64 = b.attr(first, "data-case").await.unwrap().parse().unwrap();
    let second: u64 = b
        .attr(&rows[1], "data-case")
        .await
        .unwrap()
        .parse()
        .unwrap();
    b.click(&b.find(&format!("tr[data-case=\"{id}\"] td.title a")).await)
        .await;
    b.wait_for("#case-status", Duration::from_secs(10)).await;
    assert!(b.url().await.ends_with(&format!("/cases/{id}")));
    agree(&b, &base, id, "new").await;
    assert!(
        b.try_find("mark").await.is_some(),
        "matched terms are marked"
    );

    // confirm → assign → respond → close, each through its form.
    b.type_text(&b.find("#confirm-note").await, "值班确认，需回应")
        .await;
    submit(&b, "#do-confirm", "confirmed").await;
    let c = agree(&b, &base, id, "confirmed").await;
    let last = c["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor"], "值班分析员");
    assert_eq!(last["note"], "值班确认，需回应");
    assert!(
        b.try_find("#form-confirm").await.is_none(),
        "confirm is no longer offered"
    );

    let dept = b.find("#assign-department").await;
    let suggested = b.attr(&dept, "value").await.unwrap_or_default();
    assert!(
        !suggested.is_empty(),
        "the suggested department is filled in"
    );
    b.type_text(&b.find("#assign-assignee").await, "张科长")
        .await;
    submit(&b, "#do-assign", "assigned").await;
    let c = agree(&b, &base, id, "assigned").await;
    assert_eq!(c["assignment"]["department"], suggested.as_str());
    assert_eq!(c["assignment"]["assignee"], "张科长");
    let shown = b.text(&b.find("#case-assignment").await).await;
    assert!(
        shown.contains(&suggested) && shown.contains("张科长"),
        "{shown}"
    );
    let case_png = shots.join("case.png");
    b.screenshot(&case_png).await;

    b.type_text(&b.find("#respond-where").await, "南通发布微博")
        .await;
    b.type_text(&b.find("#respond-how").await, "情况通报").await;
    b.type_text(
        &b.find("#respond-link").await,
        "https://example.org/notice/1",
    )
    .await;
    submit(&b, "#do-respond", "responded").await;
    let c = agree(&b, &base, id, "responded").await;
    assert_eq!(c["response"]["where"], "南通发布微博");
    assert!(
        b.text(&b.find("#case-response").await)
            .await
            .contains("情况通报")
    );

    submit(&b, "#do-close", "closed").await;
    agree(&b, &base, id, "closed").await;
    assert!(b.try_find("#form-close").await.is_none());
    assert!(
        b.try_find("#form-reopen").await.is_some(),
        "closed cases can be reopened"
    );

    // A race, shown plainly: the page shows `new`, the API confirms first.
    b.goto(&format!("{base}/cases/{second}")).await;
    agree(&b, &base, second, "new").await;
    let r = Client::new()
        .post(format!("{base}/api/v1/cases/{second}/actions"))
        .bearer_auth(ADMIN)
        .json(&json!({"action": "confirm", "note": "另一位值班员"}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    b.click(&b.find("#do-dismiss").await).await;
    let err = b.wait_for("#action-error", Duration::from_secs(10)).await;
    let text = b.text(&err).await;
    assert!(text.contains("已由「待研判」变为「已确认」"), "{text}");
    agree(&b, &base, second, "confirmed").await;

    // A viewer sees no action buttons; a forged POST from its session: 403.
    b.click(&b.find("#sign-out").await).await;
    b.wait_for("#token", Duration::from_secs(10)).await;
    sign_in(&b, &base, VIEWER).await;
    b.goto(&format!("{base}/cases/{second}")).await;
    b.find("#no-actions").await;
    assert!(
        b.find_all("form.action").await.is_empty(),
        "no action forms"
    );
    assert!(
        b.find_all("#actions button").await.is_empty(),
        "no action buttons"
    );
    let forged = b
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const csrf = document.querySelector('input[name=_csrf]').value;
             const body = new URLSearchParams({_csrf: csrf, action: 'dismiss', status: 'confirmed'});
             fetch(arguments[0], {method: 'POST', body, credentials: 'same-origin'})
               .then(r => done(r.status), e => done(String(e)));",
            json!([format!("/cases/{second}/act")]),
        )
        .await;
    assert_eq!(forged, json!(403), "a forged POST from a viewer session");
    agree(&b, &base, second, "confirmed").await;

    // A new item entered through the API appears in the open queue without
    // a reload, marked new.
    b.goto(&format!("{base}/")).await;
    let table = b.find("#queue").await;
    b.execute(
        "arguments[0].setAttribute('data-reloaded-marker', 'still-the-same-page');",
        json!([table.as_arg()]),
    )
    .await;
    let r = Client::new()
        .post(format!("{base}/api/v1/items"))
        .bearer_auth(ANALYST)
        .json(&json!({
            "source": "12345热线",
            "text": "狼山风景区索道突发故障，20余名游客被困空中，消防正在紧急救援。"
        }))
        .send()
        .await
        .unwrap();
    let entered: Value = r.json().await.unwrap();
    let new_case = entered["case_id"]
        .as_u64()
        .unwrap_or_else(|| panic!("the entry opens a case: {entered}"));
    let appeared = Instant::now();
    let row = b
        .wait_for(
            &format!("tr.case-row.is-new[data-case=\"{new_case}\"]"),
            Duration::from_secs(45),
        )
        .await;
    println!(
        "the new case appeared in the queue {:.1} s after it was entered",
        appeared.elapsed().as_secs_f64()
    );
    assert!(b.text(&row).await.contains("新"));
    let marker = b.find("#queue").await;
    assert_eq!(
        b.attr(&marker, "data-reloaded-marker").await.as_deref(),
        Some("still-the-same-page"),
        "the page was not reloaded"
    );

    // The statistics page shows the closed case.
    b.goto(&format!("{base}/stats")).await;
    let closed = b.text(&b.find("#stats-closed").await).await;
    assert_eq!(closed, "1");
    b.find(&format!("#closed-cases a[href=\"/cases/{id}\"]"))
        .await;
    b.find("#daily-chart rect.bar").await;
    let stats_png = shots.join("stats.png");
    b.screenshot(&stats_png).await;

    // The reports: printable pages in the console's frame, styled by their
    // own stylesheet (the CSP admits no inline style), each with its .docx.
    b.click(&b.find("#period-report-page").await).await;
    b.wait_for_text("#report-title", "通报", Duration::from_secs(10))
        .await;
    let font = b
        .execute(
            "return getComputedStyle(document.querySelector('.report')).fontFamily",
            json!([]),
        )
        .await;
    assert!(
        font.as_str().unwrap_or_default().contains("FangSong"),
        "the report's stylesheet applies: {font}"
    );
    b.find("#period-departments").await;
    let period_png = shots.join("report-period.png");
    b.screenshot(&period_png).await;
    let docx = b
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(document.querySelector('#download-docx').href)
               .then(r => r.arrayBuffer().then(b => done([r.headers.get('content-type'),
                 r.headers.get('content-disposition'), b.byteLength])))
               .catch(e => done(String(e)));",
            json!([]),
        )
        .await;
    assert_eq!(
        docx[0], "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "{docx}"
    );
    assert!(
        docx[1]
            .as_str()
            .unwrap_or_default()
            .contains("filename*=UTF-8''")
            && docx[2].as_u64().unwrap_or(0) > 2000,
        "{docx}"
    );
    b.goto(&format!("{base}/cases/{id}")).await;
    b.click(&b.find("#case-report-page").await).await;
    b.wait_for_text("#report-title", "舆情专报", Duration::from_secs(10))
        .await;
    b.find("#case-spread svg rect.bar").await;
    assert!(
        b.text(&b.find("#case-deadlines").await)
            .await
            .contains("按时回应")
    );
    let case_report_png = shots.join("report-case.png");
    b.screenshot(&case_report_png).await;
    b.goto(&format!("{base}/")).await;
    b.click(&b.find("#daily-report-page").await).await;
    b.wait_for_text("#report-title", "舆情日志", Duration::from_secs(10))
        .await;
    b.find("#daily-new").await;
    let daily_png = shots.join("report-daily.png");
    b.screenshot(&daily_png).await;

    // An admin's operators' page: sources' health, poll now, reload.
    assert!(
        b.try_find("a[href=\"/ops\"]").await.is_none(),
        "viewers see no 运维"
    );
    b.click(&b.find("#sign-out").await).await;
    b.wait_for("#token", Duration::from_secs(10)).await;
    sign_in(&b, &base, ADMIN).await;
    b.click(&b.find("a[href=\"/ops\"]").await).await;
    let sources = b.wait_for("#sources", Duration::from_secs(10)).await;
    assert!(b.text(&sources).await.contains("公开信箱"));
    b.click(&b.find("#sources button").await).await;
    b.wait_for_text(
        "#ops-outcome",
        "「公开信箱」采集完成",
        Duration::from_secs(30),
    )
    .await;
    b.click(&b.find("#do-reload").await).await;
    b.wait_for_text("#ops-outcome", "已重新加载", Duration::from_secs(30))
        .await;
    assert!(b.text(&b.find("#lists").await).await.contains("emergency"));

    for p in [
        &queue_png,
        &case_png,
        &stats_png,
        &daily_png,
        &case_report_png,
        &period_png,
    ] {
        let len = std::fs::metadata(p).unwrap().len();
        assert!(
            len > 10_000,
            "{} is a real screenshot ({len} bytes)",
            p.display()
        );
        println!("screenshot: {}", p.display());
    }
    if let Ok(keep) = std::env::var("YUQING_KEEP_SCREENSHOTS") {
        // For the README: copy them out before the temp dir goes.
        for p in [
            &queue_png,
            &case_png,
            &stats_png,
            &daily_png,
            &case_report_png,
            &period_png,
        ] {
            let to = std::path::Path::new(&keep).join(p.file_name().unwrap());
            std::fs::copy(p, &to).unwrap();
            println!("kept: {}", to.display());
        }
    }
    drop(b);
    daemon.stop().await;
}
