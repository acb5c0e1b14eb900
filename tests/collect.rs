//! Collection against real local servers on 127.0.0.1: feeds with
//! conditional GET, GBK portal pages with wrong and missing declarations,
//! the inbox, and every hostile response a source can give. Never the
//! internet.

mod common;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Html;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use yuqing::daemon::{Collector, PollReport};
use yuqing::daemon::{Scheduler, SchedulerConfig, next_due};
use yuqing::fetch::{FetchConfig, Fetcher};
use yuqing::pipeline::Pipeline;
use yuqing::sources::{Source, SourceConfig, SourceKind};
use yuqing::store::SourceState;
use yuqing::store::Store;

const WEIBO: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>南通发布的微博</title><link>https://weibo.com/nantong</link>
<item><title>如东县洋口化工园区一企业车间发生爆炸</title>
<description><![CDATA[【突发】如东县洋口化工园区一企业车间发生爆炸，事故已造成3人死亡、5人受伤。<img src="https://wx1.sinaimg.cn/a.jpg">]]></description>
<pubDate>Sun, 22 Nov 2026 10:30:00 +0800</pubDate><guid>https://weibo.com/1/A1</guid><link>https://weibo.com/1/A1</link></item>
<item><title>转发微博</title>
<description><![CDATA[太可怕了 //<a href="https://weibo.com/n/x">@网友</a>: 海门区某工地几十名农民工被拖欠工资近半年，多次讨要无果。]]></description>
<guid>https://weibo.com/1/A2</guid><link>https://weibo.com/1/A2</link></item>
<item><title>周末好天气</title><description>崇川区图书馆新馆今天开放。</description><guid>https://weibo.com/1/A3</guid></item>
</channel></rss>"#;

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

fn html(body: Vec<u8>, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// 64 MB of zeros gzipped (64 KB on the wire), made once: compressing it
/// inside the handler of a debug build took longer than the client's
/// timeout on a loaded machine, and the test then saw a timeout instead of
/// the body cap it checks.
fn gzip_bomb() -> Vec<u8> {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..64 {
            let _ = enc.write_all(&zeros);
        }
        enc.finish().unwrap_or_default()
    })
    .clone()
}

async fn serve() -> (String, Arc<AtomicUsize>) {
    let bomb = tokio::task::spawn_blocking(gzip_bomb).await.unwrap();
    let hits = Arc::new(AtomicUsize::new(0));
    let feed_hits = hits.clone();
    let app = Router::new()
        .route(
            "/robots.txt",
            get(|| async { "User-agent: *\nDisallow: /private/\n" }),
        )
        .route(
            "/weibo.xml",
            get(move |headers: HeaderMap| {
                let hits = feed_hits.clone();
                async move {
                    hits.fetch_add(1, Ordering::SeqCst);
                    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v == "\"v1\"") {
                        return StatusCode::NOT_MODIFIED.into_response();
                    }
                    (
                        [(header::CONTENT_TYPE, "application/rss+xml"), (header::ETAG, "\"v1\"")],
                        WEIBO,
                    )
                        .into_response()
                }
            }),
        )
        .route("/private/feed.xml", get(|| async { WEIBO }))
        .route(
            "/gbk/list.html",
            get(|| async {
                html(
                    gbk("<html><head><title>通知公告</title></head><body><ul class=\"list\">\
                    <li><a href=\"/gbk/a1.html\">关于海门区农民工工资拖欠问题的调查通报</a><span>2026-11-21</span></li>\
                    <li><a href=\"a2.html?utm_source=home#top\">如东县化工园区爆炸事故情况通报</a></li>\
                    <li><a href=\"/about.html\">关于我们</a></li></ul></body></html>"),
                    // No charset anywhere.
                    "text/html",
                )
            }),
        )
        .route(
            "/gbk/a1.html",
            get(|| async {
                // Declares UTF-8; is GBK.
                html(
                    gbk("<html><head><meta charset=\"utf-8\"><title>通报</title></head><body><div class=\"nav\">首页 &gt; 通知公告</div>\
                    <h1>关于海门区农民工工资拖欠问题的调查通报</h1><div class=\"info\">发布时间：2026年11月21日 09:30</div>\
                    <div class=\"content\"><p>近日，网民反映海门区某工地几十名农民工被拖欠工资近半年，多次讨要无果。</p>\
                    <p>区人社局已成立调查组，督促企业在十日内足额支付拖欠的工资，并将调查结果向社会公布。</p></div>\
                    <div class=\"footer\">版权所有 南通市人民政府</div></body></html>"),
                    "text/html; charset=utf-8",
                )
            }),
        )
        .route(
            "/forum/list.html",
            get(|| async {
                Html("<html><body><table>\
                <tr class=\"row\"><td class=\"t\"><a href=\"/forum/t1.html\">[求助]</a> 通州区小区门口的污水三个月没人管</td><td class=\"d\">5分钟前</td></tr>\
                <tr class=\"row\"><td class=\"t\"><a href=\"/forum/t2.html\">[曝光]</a> 崇川区某饭店排污</td><td>回复 12</td><td>昨天 10:30</td></tr>\
                <tr class=\"head\"><td><a href=\"/forum/rules.html\">版规</a></td></tr>\
                </table></body></html>")
            }),
        )
        .route(
            "/forum/t1.html",
            get(|| async {
                Html("<html><body><div class=\"post\">通州区某小区门口的污水已经流了三个月，臭气熏天，业主多次向街道反映，至今没有人管。</div></body></html>")
            }),
        )
        .route(
            "/forum/t2.html",
            get(|| async {
                Html("<html><body><div class=\"post\">崇川区某饭店把泔水直接倒进雨水管，河道发黑发臭。</div></body></html>")
            }),
        )
        .route(
            "/gbk/a2.html",
            get(|| async {
                html(
                    gbk("<html><head><title>情况通报</title></head><body><h1>如东县化工园区爆炸事故情况通报</h1>\
                    <p>2026-11-22 08:00</p><div id=\"zoom\"><p>11月22日凌晨，如东县洋口化工园区一企业车间发生爆炸，事故已造成3人死亡、5人受伤。</p>\
                    <p>伤者已送医救治，事故原因正在调查中。</p></div></body></html>"),
                    "text/html",
                )
            }),
        )
        .route(
            "/busy",
            get(|| async { (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "120")], "slow down") }),
        )
        .route(
            "/loop",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop")]) }),
        )
        .route(
            "/slow",
            get(|| async {
                let stream = async_stream(50, Duration::from_millis(200), b"<rss>".to_vec());
                Response::new(Body::from_stream(stream))
            }),
        )
        .route(
            "/huge",
            get(|| async {
                // 50 MB, streamed without a length.
                let stream = async_stream(50, Duration::ZERO, vec![b'x'; 1 << 20]);
                Response::new(Body::from_stream(stream))
            }),
        )
        .route(
            "/bomb",
            get(move || async move {
                ([(header::CONTENT_ENCODING, "gzip"), (header::CONTENT_TYPE, "application/rss+xml")], bomb)
            }),
        )
        .route(
            "/notfeed",
            get(|| async { html(b"<html><body><h1>Welcome</h1></body></html>".to_vec(), "text/html") }),
        )
        .route(
            "/grave.xml",
            get(|| async {
                WEIBO.replace("3人死亡", "12人死亡").replace("https://weibo.com/1/", "https://weibo.com/2/")
            }),
        )
        .route(
            "/atom.xml",
            get(|| async {
                ([(header::CONTENT_TYPE, "application/atom+xml")], r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>南通市政府信息公开</title><id>urn:nt</id><updated>2026-11-22T02:00:00Z</updated>
<entry><title>关于调整公交线路的通知</title><id>urn:nt:1</id><updated>2026-11-22T02:00:00Z</updated><link href="https://www.nantong.gov.cn/a/1.html"/>
<content type="html">&lt;p&gt;因道路施工，崇川区12路公交临时改道。&lt;/p&gt;</content></entry></feed>"#)
            }),
        )
        .route(
            "/feed.json",
            get(|| async {
                ([(header::CONTENT_TYPE, "application/feed+json")], r#"{"version":"https://jsonfeed.org/version/1.1","title":"wewe-rss 公众号",
"items":[{"id":"wx-1","url":"https://mp.weixin.qq.com/s/abc?scene=21","title":"家长反映幼儿园老师用针扎孩子","content_html":"<p>家长反映幼儿园老师用针扎孩子，涉事教师已被警方控制。</p>","date_published":"2026-11-22T08:00:00+08:00"}]}"#)
            }),
        )
        .route("/empty", get(|| async { "" }))
        .route("/gone", get(|| async { StatusCode::NOT_FOUND }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}"), hits)
}

/// `n` chunks of `chunk`, `every` apart.
fn async_stream(
    n: usize,
    every: Duration,
    chunk: Vec<u8>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    tokio::spawn(async move {
        for _ in 0..n {
            if !every.is_zero() {
                tokio::time::sleep(every).await;
            }
            if tx.send(Ok(chunk.clone())).await.is_err() {
                break;
            }
        }
    });
    Chunks(rx)
}

/// A channel as a body stream.
struct Chunks(tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>);

impl futures_core::Stream for Chunks {
    type Item = Result<Vec<u8>, std::io::Error>;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

fn collector(dir: &Path) -> Collector {
    let store = Store::open(&dir.join("store")).unwrap();
    let pipeline =
        Arc::new(Pipeline::new(common::shipped_classifier(), store, Utc::now()).unwrap());
    // 5 s: room for a debug build on a loaded machine; `/slow` takes 10 s.
    let fetcher = Fetcher::new(FetchConfig {
        timeout_secs: 5,
        connect_timeout_secs: 5,
        max_body_bytes: 5 << 20,
        per_host_delay_ms: 0,
        per_host_concurrency: 4,
        ..FetchConfig::default()
    })
    .unwrap();
    Collector {
        fetcher: Arc::new(fetcher),
        pipeline,
        base_dir: dir.to_path_buf(),
    }
}

fn source(name: &str, kind: SourceKind, url: &str) -> SourceConfig {
    let toml = format!(
        "name = \"{name}\"\nkind = \"{}\"\nurl = \"{url}\"\n",
        match kind {
            SourceKind::Feed => "feed",
            SourceKind::Page => "page",
            SourceKind::Inbox => "inbox",
        }
    );
    toml::from_str(&toml).unwrap()
}

/// A source as the daemon runs it: validated and compiled.
fn compiled(s: &SourceConfig) -> Source {
    Source::compile(s.clone(), &s.name).unwrap()
}

/// Dates every file of `dir` a minute back, past the inbox's settle delay.
fn settle(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let f = std::fs::File::options()
            .write(true)
            .open(e.unwrap().path())
            .unwrap();
        f.set_modified(std::time::SystemTime::now() - Duration::from_secs(60))
            .unwrap();
    }
}

/// The inbox source of the tests: `inbox/` under the collector's directory.
fn inbox_source() -> SourceConfig {
    let mut s = source("公开信箱", SourceKind::Inbox, "http://unused.invalid/");
    s.url = None;
    s.path = Some("inbox".into());
    s
}

async fn poll(c: &Collector, s: &SourceConfig, state: &mut SourceState) -> PollReport {
    let r = c.poll(&Arc::new(compiled(s)), state).await;
    r.apply(state, Utc::now());
    r
}

#[tokio::test]
async fn a_weibo_feed_is_collected_then_revalidated_with_304() {
    let (base, hits) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let c = collector(dir.path());
    let mut s = source("南通发布", SourceKind::Feed, &format!("{base}/weibo.xml"));
    s.item_kind = Some("weibo".into());
    let mut state = SourceState::default();
    let r = poll(&c, &s, &mut state).await;
    assert_eq!((r.status, r.found, r.new), ("ok", 3, 3), "{r:?}");
    assert_eq!(
        r.new_cases.len(),
        2,
        "the blast and the wages open cases: {r:?}"
    );
    assert_eq!(state.validators.etag.as_deref(), Some("\"v1\""));
    let items = c
        .pipeline
        .store()
        .item_page(&Default::default(), None, 10)
        .unwrap()
        .items;
    let repost = items
        .iter()
        .find(|i| i.url.as_deref() == Some("https://weibo.com/1/A2"))
        .unwrap();
    assert!(
        repost.text.contains("太可怕了") && repost.text.contains("拖欠工资"),
        "{}",
        repost.text
    );
    assert_eq!(repost.source_kind.as_deref(), Some("weibo"));
    assert_eq!(repost.links, ["https://weibo.com/n/x"], "links kept");
    assert!(!repost.text.contains("https://"), "{}", repost.text);
    let r = poll(&c, &s, &mut state).await;
    assert_eq!(r.status, "not_modified");
    assert_eq!(hits.load(Ordering::SeqCst), 2);
    // The same entries from a server that ignores validators: updates only.
    state.validators = Default::default();
    let r = poll(&c, &s, &mut state).await;
    assert_eq!((r.new, r.updated), (0, 3), "{r:?}");
    assert_eq!(c.pipeline.store().counts().0, 3);
}

#[tokio::test]
async fn atom_and_json_feeds_are_collected() {
    let (base, _) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let c = collector(dir.path());
    for (path, title, url) in [
        (
            "/atom.xml",
            "关于调整公交线路的通知",
            "https://www.nantong.gov.cn/a/1.html",
        ),
        (
            "/feed.json",
            "家长反映幼儿园老师用针扎孩子",
            "https://mp.weixin.qq.com/s/abc",
        ),
    ] {
        let s = source(path, SourceKind::Feed, &format!("{base}{path}"));
        let r = poll(&c, &s, &mut SourceState::default()).await;
        assert_eq!((r.status, r.new), ("ok", 1), "{path}: {r:?}");
        assert_eq!(r.items[0].title, title);
        let item = c
            .pipeline
            .store()
            .item(&r.items[0].item_id)
            .unwrap()
            .unwrap();
        assert_eq!(item.url.as_deref(), Some(url));
        assert!(
            item.published.is_some() && !item.text.contains('<'),
            "{item:?}"
        );
    }
}

#[tokio::test]
async fn gbk_portal_pages_with_wrong_and_missing_declarations() {
    let (base, _) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let c = collector(dir.path());
    let s = source(
        "海门区政府网",
        SourceKind::Page,
        &format!("{base}/gbk/list.html"),
    );
    let mut state = SourceState::default();
    let r = poll(&c, &s, &mut state).await;
    assert_eq!((r.status, r.found, r.new), ("ok", 2, 2), "{r:?}");
    let items = c
        .pipeline
        .store()
        .item_page(&Default::default(), None, 10)
        .unwrap()
        .items;
    let a1 = items.iter().find(|i| i.title.contains("工资")).unwrap();
    assert_eq!(a1.title, "关于海门区农民工工资拖欠问题的调查通报");
    assert!(a1.text.contains("区人社局已成立调查组"), "{}", a1.text);
    assert!(
        !a1.text.contains("版权所有"),
        "the footer is not the article: {}",
        a1.text
    );
    assert_eq!(
        a1.published.map(|t| t.to_rfc3339()),
        Some("2026-11-21T01:30:00+00:00".into())
    );
    let a2 = items.iter().find(|i| i.title.contains("爆炸")).unwrap();
    assert_eq!(
        a2.url.as_deref(),
        Some(format!("{base}/gbk/a2.html").as_str()),
        "tracking and fragment dropped"
    );
    assert!(
        a2.classification
            .categories
            .iter()
            .any(|c| c.slug() == "emergency")
    );
    // Articles already stored are not fetched again.
    let r = poll(&c, &s, &mut state).await;
    assert_eq!((r.found, r.new), (0, 0), "{r:?}");
}

#[tokio::test]
async fn a_forum_list_gives_titles_and_relative_dates_by_selectors() {
    let (base, _) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let c = collector(dir.path());
    let mut s = source(
        "通州论坛",
        SourceKind::Page,
        &format!("{base}/forum/list.html"),
    );
    s.link_selector = Some("tr.row".into());
    s.list_title_selector = Some("td.t".into());
    s.body_selector = Some("div.post".into());
    s.item_kind = Some("forum".into());
    let mut state = SourceState::default();
    let before = Utc::now();
    let r = poll(&c, &s, &mut state).await;
    assert_eq!((r.status, r.found, r.new), ("ok", 2, 2), "{r:?}");
    let items = c
        .pipeline
        .store()
        .item_page(&Default::default(), None, 10)
        .unwrap()
        .items;
    let t1 = items.iter().find(|i| i.title.contains("污水")).unwrap();
    assert_eq!(t1.title, "[求助] 通州区小区门口的污水三个月没人管");
    assert!(t1.text.starts_with("通州区某小区门口"), "{}", t1.text);
    // The thread has no date of its own: the list's "5分钟前" is used.
    let age = before - t1.published.unwrap();
    assert!(
        age > chrono::Duration::minutes(4) && age < chrono::Duration::minutes(6),
        "{:?}",
        t1.published
    );
    let t2 = items.iter().find(|i| i.title.contains("饭店")).unwrap();
    let yesterday = (before.with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
        - chrono::Duration::days(1))
    .format("%Y-%m-%dT10:30:00+08:00")
    .to_string();
    assert_eq!(
        t2.published.map(|t| t
            .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
            .to_rfc3339()),
        Some(yesterday),
        "the date found in the row's text"
    );
}

#[tokio::test]
async fn hostile_sources_fail_clearly_and_the_collector_goes_on() {
    let (base, _) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let c = collector(dir.path());
    let cases = [
        ("/loop", "too many redirects"),
        ("/slow", "timed out"),
        ("/huge", "larger than"),
        ("/bomb", "larger than"),
        ("/notfeed", "not a readable RSS"),
        ("/empty", "empty"),
        ("/gone", "HTTP 404"),
        ("/private/feed.xml", "robots.txt"),
        // Last: it puts the whole host on hold.
        ("/busy", "HTTP 429"),
    ];
    for (path, want) in cases {
        let s = source(path, SourceKind::Feed, &format!("{base}{path}"));
        let mut state = SourceState::default();
        let started = std::time::Instant::now();
        let r = poll(&c, &s, &mut state).await;
        assert_eq!(r.status, "failed", "{path}: {r:?}");
        let err = r.error.clone().unwrap_or_default();
        assert!(err.contains(want), "{path}: {err}");
        assert!(
            err.contains(path.trim_start_matches('/')) || path == "/empty" || path == "/notfeed",
            "{path}: the error names the URL: {err}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{path} took {:?}",
            started.elapsed()
        );
        assert_eq!(state.consecutive_failures, 1);
        assert_eq!(state.last_error.as_deref(), Some(err.as_str()));
        if path == "/busy" {
            assert_eq!(r.retry_after, Some(Duration::from_secs(120)));
            let now = Utc::now();
            let due = next_due(&compiled(&s), &state, &r, &SchedulerConfig::default(), now);
            assert!(
                due >= now + chrono::Duration::seconds(119),
                "Retry-After honoured: {due}"
            );
        }
    }
    // The held host is not asked again before its time: the poll ends at
    // once as deferred (no failure, no back-off), saying why, and comes
    // back when the hold ends. It never waits the hold out in a poll slot.
    let s = source("same host", SourceKind::Feed, &format!("{base}/weibo.xml"));
    let mut state = SourceState::default();
    let started = std::time::Instant::now();
    let r = poll(&c, &s, &mut state).await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(r.status, "deferred", "{r:?}");
    assert!(r.error.clone().unwrap_or_default().contains("Retry-After"));
    assert_eq!(state.consecutive_failures, 0);
    let now = Utc::now();
    let due = next_due(&compiled(&s), &state, &r, &SchedulerConfig::default(), now);
    let hold = chrono::Duration::from_std(r.retry_after.unwrap()).unwrap();
    assert_eq!(due, now + hold, "rescheduled for the hold's end");
    assert!(hold > chrono::Duration::seconds(100), "{hold}");
    // Another host right after: fine.
    let (other, _) = serve().await;
    let s = source("ok", SourceKind::Feed, &format!("{other}/weibo.xml"));
    let r = poll(&c, &s, &mut SourceState::default()).await;
    assert_eq!(r.status, "ok");
}

#[tokio::test]
async fn the_inbox_ingests_each_file_once_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let c = collector(dir.path());
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(
        inbox.join("来信1.txt"),
        gbk("反映海门区农民工工资问题\n某工地几十名农民工被拖欠工资近半年，多次讨要无果。"),
    )
    .unwrap();
    std::fs::write(inbox.join("大厅.json"), r#"[{"text":"家长反映幼儿园老师用针扎孩子。"},{"title":"图书馆开放","text":"崇川区图书馆新馆今天开放。"}]"#).unwrap();
    std::fs::write(
        inbox.join("批量.jsonl"),
        "{\"text\":\"如东县化工厂发生爆炸，已造成3人死亡。\"}\nnot json\n",
    )
    .unwrap();
    std::fs::write(inbox.join("坏的.json"), "{broken").unwrap();
    std::fs::write(inbox.join("照片.jpg"), [0xff, 0xd8, 0xff]).unwrap();
    settle(&inbox);
    let s = inbox_source();
    let mut state = SourceState::default();
    let r = poll(&c, &s, &mut state).await;
    assert_eq!((r.status, r.new), ("ok", 4), "{r:?}");
    assert!(
        r.error
            .as_deref()
            .is_some_and(|e| e.contains("坏的.json") && e.contains("照片.jpg")),
        "{r:?}"
    );
    let names = |sub: &str| {
        let mut v: Vec<String> = std::fs::read_dir(inbox.join(sub))
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().to_string())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    assert_eq!(
        names("processed"),
        vec!["大厅.json", "批量.jsonl", "批量.jsonl.error", "来信1.txt"]
    );
    assert_eq!(
        names("failed"),
        vec!["坏的.json", "坏的.json.error", "照片.jpg", "照片.jpg.error"]
    );
    let why = std::fs::read_to_string(inbox.join("failed/照片.jpg.error")).unwrap();
    assert!(why.contains("unsupported file type"), "{why}");
    assert!(
        std::fs::read_to_string(inbox.join("processed/批量.jsonl.error"))
            .unwrap()
            .contains("line 2")
    );
    let items = c
        .pipeline
        .store()
        .item_page(&Default::default(), None, 10)
        .unwrap()
        .items;
    assert!(
        items.iter().any(|i| i.title == "反映海门区农民工工资问题"),
        "GBK text file decoded"
    );
    // Nothing left: a second poll finds nothing.
    let r = poll(&c, &s, &mut state).await;
    assert_eq!((r.found, r.new), (0, 0));
}

#[tokio::test]
async fn the_scheduler_polls_due_sources_and_stops_on_request() {
    let (base, hits) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let c = Arc::new(collector(dir.path()));
    let mut feed = source("南通发布", SourceKind::Feed, &format!("{base}/weibo.xml"));
    feed.schedule = Some("* * * * *".into());
    let failing = source("坏源", SourceKind::Feed, &format!("{base}/gone"));
    // A grave case in 如东县 puts 如东县's sources on their surge schedule.
    let mut grave = source("如东发布", SourceKind::Feed, &format!("{base}/grave.xml"));
    grave.schedule = Some("0 0 1 1 *".into());
    let mut local = source(
        "如东论坛",
        SourceKind::Feed,
        &format!("{base}/private/none.xml"),
    );
    local.region = Some("如东县".into());
    local.schedule = Some("0 0 1 1 *".into());
    local.surge_schedule = Some("*/5 * * * *".into());
    let scheduler = Scheduler::new(
        c.clone(),
        [feed, failing, grave, local.clone()]
            .iter()
            .map(compiled)
            .collect(),
        SchedulerConfig::default(),
    );
    let (tx, rx) = tokio::sync::watch::channel(false);
    let handle = tokio::spawn(scheduler.run(rx, Duration::from_secs(5)));
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while c.pipeline.store().counts().0 < 6 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Give the failing source's state time to be saved.
    tokio::time::sleep(Duration::from_millis(300)).await;
    tx.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(10), handle)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.pipeline.store().counts().0, 6);
    assert_eq!(
        hits.load(Ordering::SeqCst),
        1,
        "polled once, next due in a minute"
    );
    let ok = c
        .pipeline
        .store()
        .source_state("南通发布")
        .unwrap()
        .unwrap();
    // Due again at the next minute after the poll (not "after now": a slow
    // run may cross that minute before this line).
    let (due, polled) = (ok.next_due.unwrap(), ok.last_success.unwrap());
    assert!(
        due > polled && due <= polled + chrono::Duration::seconds(61),
        "polled {polled}, next due {due}"
    );
    let bad = c.pipeline.store().source_state("坏源").unwrap().unwrap();
    assert_eq!(bad.consecutive_failures, 1);
    assert!(bad.last_error.unwrap().contains("HTTP 404"));
    let surging = c
        .pipeline
        .store()
        .source_state("如东论坛")
        .unwrap()
        .unwrap();
    assert!(
        surging
            .surge_until
            .is_some_and(|u| u > Utc::now() + chrono::Duration::hours(23)),
        "{surging:?}"
    );
    assert!(ok.surge_until.is_none());
}

/// An inbox file over the size cap is not read into memory: it goes to
/// `failed/` with a `NAME.error` saying why, and the poll goes on.
#[tokio::test]
async fn inbox_file_over_the_size_cap_is_not_read_whole_and_fails_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let c = collector(dir.path());
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let limit = yuqing::daemon::refresh::MAX_INBOX_FILE_BYTES;
    let big = std::fs::File::create(inbox.join("巨大.jsonl")).unwrap();
    // Sparse: the size is past the cap without writing 64 MB.
    big.set_len(limit + 1).unwrap();
    std::fs::write(
        inbox.join("来信.txt"),
        "反映问题\n某工地农民工被拖欠工资近半年。",
    )
    .unwrap();
    settle(&inbox);
    let s = inbox_source();
    let mut state = SourceState::default();
    let r = poll(&c, &s, &mut state).await;
    assert_eq!((r.status, r.new), ("ok", 1), "{r:?}");
    let why = std::fs::read_to_string(inbox.join("failed/巨大.jsonl.error")).unwrap();
    assert!(why.contains("64 MB") && why.contains("split"), "{why}");
    assert!(inbox.join("processed/来信.txt").exists());
}
