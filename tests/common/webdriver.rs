//! A small W3C WebDriver client over HTTP (reqwest), enough for the
//! console's browser tests: start Debian's chromedriver and a headless
//! Chromium, navigate, find elements, click, type, read text and
//! attributes, run a script, take screenshots.
//!
//! Hand-written rather than a WebDriver crate: WebDriver is a handful of
//! JSON requests, reqwest is already a dev-dependency, and this keeps the
//! test build free of another async client stack.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

/// The key W3C WebDriver puts element references under.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Where Debian puts the browser and its driver; `YUQING_CHROMIUM` and
/// `YUQING_CHROMEDRIVER` override.
fn binary(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

/// A running chromedriver with one headless Chromium session. Dropping it
/// ends the session (closing the browser) and stops the driver.
pub struct Browser {
    http: reqwest::Client,
    /// `http://127.0.0.1:PORT/session/ID`.
    session: String,
    port: u16,
    session_id: String,
    driver: Child,
    _profile: tempfile::TempDir,
}

/// An element found on the page.
#[derive(Debug, Clone)]
pub struct Element(String);

impl Element {
    /// The element as a script argument (`arguments[i]` in the page).
    pub fn as_arg(&self) -> Value {
        json!({ ELEMENT: self.0 })
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless Chromium
    /// session with a fresh profile, trying three times (on a loaded
    /// machine Chromium can miss the driver's start-up deadline). The
    /// error says what is missing or what each try saw.
    pub async fn start() -> Result<Browser, String> {
        let mut seen = Vec::new();
        for attempt in 1..=3 {
            match Self::start_once().await {
                Ok(b) => return Ok(b),
                // Nothing to retry when a binary is missing.
                Err(e) if e.contains("not found") => return Err(e),
                Err(e) => {
                    eprintln!("browser start, try {attempt} of 3: {e}");
                    seen.push(format!("try {attempt}: {e}"));
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        }
        Err(seen.join("\n"))
    }

    async fn start_once() -> Result<Browser, String> {
        let chromium = binary("YUQING_CHROMIUM", "/usr/bin/chromium");
        let driver_bin = binary("YUQING_CHROMEDRIVER", "/usr/bin/chromedriver");
        for (what, path) in [("chromium", &chromium), ("chromedriver", &driver_bin)] {
            if !path.exists() {
                return Err(format!(
                    "{what} not found at {}: install it with `apt-get install chromium chromium-driver` \
                     (or set YUQING_CHROMIUM / YUQING_CHROMEDRIVER)",
                    path.display()
                ));
            }
        }
        let profile = tempfile::tempdir().map_err(|e| format!("temp profile dir: {e}"))?;
        let port = free_port().map_err(|e| format!("no free port: {e}"))?;
        let log = profile.path().join("chromedriver.log");
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", driver_bin.display()))?;
        let http = reqwest::Client::builder()
            // Starting Chromium on a busy 2-core machine can take a while.
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(|e| e.to_string())?;
        let base = format!("http://127.0.0.1:{port}");
        let mut browser = Browser {
            http,
            session: String::new(),
            port,
            session_id: String::new(),
            driver,
            _profile: profile,
        };
        // The driver answers /status once it listens.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(r) = browser.http.get(format!("{base}/status")).send().await
                && r.status().is_success()
            {
                break;
            }
            if let Ok(Some(status)) = browser.driver.try_wait() {
                return Err(format!("chromedriver exited at start ({status})"));
            }
            if Instant::now() > deadline {
                return Err("chromedriver did not answer within 20 s".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // The background-networking flags matter here: without them
        // Chromium's own connections (updates, sync, QUIC) are refused by
        // this machine's closed network and slow every page.
        let data_dir = browser._profile.path().join("chromium");
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": chromium.to_string_lossy(),
                        "args": [
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-dev-shm-usage",
                            "--lang=zh-CN",
                            "--window-size=1440,1000",
                            format!("--user-data-dir={}", data_dir.display()),
                        ]
                    }
                }
            }
        });
        let created = browser
            .http
            .post(format!("{base}/session"))
            .json(&caps)
            .send()
            .await
            .map_err(|e| format!("new session: {e}"))?;
        let v: Value = created
            .json()
            .await
            .map_err(|e| format!("new session: {e}"))?;
        let Some(id) = v["value"]["sessionId"].as_str() else {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            let tail: String = log
                .lines()
                .rev()
                .take(20)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join("\n");
            return Err(format!(
                "chromium did not start: {}\nchromedriver log:\n{tail}",
                v["value"]["message"]
            ));
        };
        browser.session_id = id.to_string();
        browser.session = format!("{base}/session/{id}");
        Ok(browser)
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.session);
        let mut req = self.http.request(method.clone(), &url);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let v: Value = resp
            .json()
            .await
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        if let Some(err) = v["value"]["error"].as_str() {
            panic!(
                "WebDriver {method} {path}: {err}: {}",
                v["value"]["message"]
            );
        }
        v["value"].clone()
    }

    async fn try_call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> Result<Value, String> {
        let url = format!("{}{path}", self.session);
        let v: Value = self
            .http
            .request(method, &url)
            .json(&body)
            .send()
            .await
            .map_err(|e| e.to_string())?
            .json()
            .await
            .map_err(|e| e.to_string())?;
        match v["value"]["error"].as_str() {
            Some(err) => Err(format!("{err}: {}", v["value"]["message"])),
            None => Ok(v["value"].clone()),
        }
    }

    /// Opens `url` and waits for the page to load.
    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({ "url": url })))
            .await;
    }

    /// The current URL.
    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The page's HTML as the browser holds it now.
    pub async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    async fn find_one(&self, css: &str) -> Result<Element, String> {
        let v = self
            .try_call(
                reqwest::Method::POST,
                "/element",
                json!({ "using": "css selector", "value": css }),
            )
            .await?;
        v[ELEMENT]
            .as_str()
            .map(|s| Element(s.to_string()))
            .ok_or_else(|| format!("not an element reference: {v}"))
    }

    /// The first element matching a CSS selector, if any.
    pub async fn try_find(&self, css: &str) -> Option<Element> {
        self.find_one(css).await.ok()
    }

    /// The first element matching a CSS selector; panics naming it when
    /// there is none.
    pub async fn find(&self, css: &str) -> Element {
        match self.find_one(css).await {
            Ok(e) => e,
            Err(e) => panic!("no element matches {css} on {}: {e}", self.url().await),
        }
    }

    /// Every element matching a CSS selector.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        let v = self
            .call(
                reqwest::Method::POST,
                "/elements",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .await;
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT].as_str().map(|s| Element(s.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits up to `timeout` for an element matching `css`.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(e) = self.try_find(css).await {
                return e;
            }
            if Instant::now() > deadline {
                panic!(
                    "no element matched {css} within {timeout:?} on {}",
                    self.url().await
                );
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// Waits up to `timeout` for an element matching `css` whose text
    /// contains `needle`; returns that text.
    pub async fn wait_for_text(&self, css: &str, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(e) = self.find_one(css).await
                && let Ok(v) = self
                    .try_call(
                        reqwest::Method::GET,
                        &format!("/element/{}/text", e.0),
                        json!({}),
                    )
                    .await
                && let Some(t) = v.as_str()
                && t.contains(needle)
            {
                return t.to_string();
            }
            if Instant::now() > deadline {
                panic!(
                    "no {css} said {needle:?} within {timeout:?} on {}",
                    self.url().await
                );
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// Clicks an element (scrolling it into view).
    pub async fn click(&self, e: &Element) {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{}/click", e.0),
            Some(json!({})),
        )
        .await;
    }

    /// Clears a text field.
    pub async fn clear(&self, e: &Element) {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{}/clear", e.0),
            Some(json!({})),
        )
        .await;
    }

    /// Types `text` into an element, as keystrokes.
    pub async fn type_text(&self, e: &Element, text: &str) {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{}/value", e.0),
            Some(json!({ "text": text })),
        )
        .await;
    }

    /// The element's rendered text.
    pub async fn text(&self, e: &Element) -> String {
        self.call(
            reqwest::Method::GET,
            &format!("/element/{}/text", e.0),
            None,
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// An attribute of the element.
    pub async fn attr(&self, e: &Element, name: &str) -> Option<String> {
        self.call(
            reqwest::Method::GET,
            &format!("/element/{}/attribute/{name}", e.0),
            None,
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// Runs `script` in the page (a function body; `arguments` holds
    /// `args`) and returns what it returns.
    pub async fn execute(&self, script: &str, args: Value) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
        .await
    }

    /// Runs an asynchronous script: it calls `arguments[arguments.length -
    /// 1]` with its result.
    pub async fn execute_async(&self, script: &str, args: Value) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
        .await
    }

    /// The browser's cookies for the current page, HttpOnly ones included.
    pub async fn cookies(&self) -> Vec<Value> {
        self.call(reqwest::Method::GET, "/cookie", None)
            .await
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Saves a PNG screenshot of the viewport to `path`.
    pub async fn screenshot(&self, path: &Path) {
        let v = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .unwrap_or_else(|e| panic!("screenshot is not base64: {e}"));
        std::fs::write(path, png).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// Sets the window's size (screenshots show the viewport).
    pub async fn resize(&self, width: u32, height: u32) {
        self.call(
            reqwest::Method::POST,
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ending the session closes Chromium; killing the driver alone
        // would leave the browser running. Plain blocking HTTP: Drop cannot
        // await, and this must run on panics too.
        if !self.session_id.is_empty()
            && let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port))
        {
            let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = write!(
                s,
                "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                self.session_id, self.port
            );
            let mut sink = Vec::new();
            let _ = s.read_to_end(&mut sink);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
