//! List pages without selectors, served from a real local HTTP server on
//! 127.0.0.1: a government portal's list, a news portal's list and a
//! Discuz forumdisplay page (`tests/fixtures/lists/`, expected article URLs
//! in `manifest.json`). Prints the share of article links found and the
//! share of links followed that are articles; then polls the Discuz board
//! end to end (each thread stored once, titled by its title link) and
//! polls feeds that are RSS 0.90, malformed, an HTML page, or refused.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::Query;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use chrono::Utc;
use yuqing::daemon::Collector;
use yuqing::extract::links::{ListSelectors, list_links};
use yuqing::fetch::{FetchConfig, Fetched, Fetcher};
use yuqing::pipeline::Pipeline;
use yuqing::sources::{Source, SourceConfig};
use yuqing::store::SourceState;
use yuqing::store::Store;

const FOUND_FLOOR: f64 = 1.0;
const PRECISION_FLOOR: f64 = 1.0;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const RSS_090: &str = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>市政府公告</title><link>http://www.example.gov.cn/</link><description>公告</description></channel>
<item><title>关于海门区停水的通知</title><link>http://www.example.gov.cn/a/1.html</link></item>
<item><title>关于道路施工的通告</title><link>http://www.example.gov.cn/a/2.html</link></item>
</rdf:RDF>"#;

/// Twenty entries, one with an entity cut short.
fn broken_feed() -> String {
    let items: String = (1..=20)
        .map(|i| {
            let d = if i == 7 {
                "小区停水&nbsp三天"
            } else {
                "小区停水三天无人管"
            };
            format!(
                "<item><title>第{i}条 海门区停水</title><description>{d}</description><guid>g{i}</guid></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>动态</title>{items}</channel></rss>"
    )
}

async fn serve() -> String {
    let lists = fixtures().join("lists");
    let pages = fixtures().join("pages");
    let list_dir = lists.clone();
    let app = Router::new()
        .route(
            "/lists/{name}",
            get(move |axum::extract::Path(name): axum::extract::Path<String>| {
                let dir = list_dir.clone();
                async move {
                    let body = std::fs::read(dir.join(&name)).unwrap_or_default();
                    ([(header::CONTENT_TYPE, "text/html")], body)
                }
            }),
        )
        .route(
            "/forum.php",
            get(
                move |Query(q): Query<std::collections::HashMap<String, String>>| {
                    let (lists, pages) = (lists.clone(), pages.clone());
                    async move {
                        let html = match q.get("mod").map(String::as_str) {
                            Some("forumdisplay") => read(lists.join("discuz_forumdisplay.html")),
                            // Every thread is the same saved thread page,
                            // retitled and redated by its id (the list's
                            // day for it).
                            _ => {
                                let tid: u32 = q.get("tid").and_then(|t| t.parse().ok()).unwrap_or(0);
                                let day = if tid > 100 { 20 + tid - 101 } else { 1 };
                                read(pages.join("discuz_thread.html"))
                                    .replace(
                                        "东门外道路井盖缺失一周无人管",
                                        &format!("帖子{tid}：东门外道路井盖缺失"),
                                    )
                                    .replace("发表于 2019-5-6 21:03", &format!("发表于 2026-11-{day} 21:03"))
                            }
                        };
                        ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html)
                    }
                },
            ),
        )
        .route(
            "/short/list.html",
            get(|| async {
                axum::response::Html(
                    "<ul><li><a href=\"/short/20261130_1.html\">县政府召开冬季安全生产工作会议</a> 2026-11-30</li>\
                     <li><a href=\"/short/20261130_2.html\">图片新闻：初雪后的城市公园</a> 2026-11-30</li></ul>",
                )
            }),
        )
        .route(
            "/short/20261130_1.html",
            get(|| async {
                axum::response::Html(
                    "<h1>县政府召开冬季安全生产工作会议</h1><p>发布时间：2026-11-30 09:00</p>\
                     <div>会议要求各乡镇、各部门切实加强冬季安全生产工作，重点抓好道路交通、消防和燃气安全，严防各类事故发生。</div>",
                )
            }),
        )
        .route(
            "/short/20261130_2.html",
            get(|| async {
                axum::response::Html(
                    "<h1>图片新闻：初雪后的城市公园</h1><p>发布时间：2026-11-30 10:00</p><img src=\"IMG_0001.jpg\" alt=\"IMG_0001.jpg\">",
                )
            }),
        )
        .route("/rss090.xml", get(|| async { RSS_090 }))
        .route("/broken.xml", get(|| async { broken_feed() }))
        .route(
            "/page-as-feed.xml",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/html")],
                    "<!DOCTYPE html><html><head><title>通知公告</title></head><body><ul><li><a href=\"/a/1.html\">关于停水的通知</a></li></ul></body></html>",
                )
                    .into_response()
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

fn fetcher() -> Fetcher {
    Fetcher::new(FetchConfig {
        timeout_secs: 2,
        connect_timeout_secs: 2,
        per_host_delay_ms: 0,
        per_host_concurrency: 4,
        ..FetchConfig::default()
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn list_pages_give_their_articles_and_nothing_else() {
    let base = serve().await;
    let fetcher = fetcher();
    let manifest: serde_json::Value =
        serde_json::from_str(&read(fixtures().join("lists/manifest.json")))
            .unwrap_or_else(|e| panic!("{e}"));
    let (mut want_total, mut found_total, mut followed_total, mut right_total) = (0, 0, 0, 0);
    for l in manifest["lists"].as_array().cloned().unwrap_or_default() {
        let file = l["file"].as_str().unwrap_or_default();
        let served = format!("{base}/lists/{file}");
        let Ok(Fetched::Body(body)) = fetcher.get(&served, None, false).await else {
            panic!("{served} was not served");
        };
        // The page as its portal serves it: links are judged against the
        // portal's own host names, not 127.0.0.1's.
        let host = l["host"].as_str().unwrap_or(match file {
            "gov_list.html" => "www.hmgov.cn",
            _ => "bbs.example.com",
        });
        let nominal = url::Url::parse(&format!(
            "http://{host}{}",
            l["path"].as_str().unwrap_or("/")
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let got = list_links(&body.text().text, &nominal, ListSelectors::default());
        let want: Vec<String> = l["articles"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter_map(|a| a.as_str())
            .map(|a| nominal.join(a).map(|u| u.to_string()).unwrap_or_default())
            .collect();
        let titles: Vec<&str> = l["titles"]
            .as_array()
            .map(|t| t.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let found = want
            .iter()
            .filter(|w| got.iter().any(|g| &g.url == *w))
            .count();
        let right = got.iter().filter(|g| want.contains(&g.url)).count();
        for g in &got {
            if !want.contains(&g.url) {
                println!("{file}: followed a non-article: {} ({})", g.url, g.title);
            }
        }
        for w in &want {
            if !got.iter().any(|g| &g.url == w) {
                println!("{file}: missed {w}");
            }
        }
        for (w, t) in want.iter().zip(&titles) {
            if let Some(g) = got.iter().find(|g| &g.url == w) {
                assert_eq!(g.title, *t, "{file}: {w}");
            }
        }
        println!(
            "{file}: {found}/{} article links found, {right}/{} links followed are articles",
            want.len(),
            got.len()
        );
        want_total += want.len();
        found_total += found;
        followed_total += got.len();
        right_total += right;
    }
    let found = found_total as f64 / want_total.max(1) as f64;
    let precision = right_total as f64 / followed_total.max(1) as f64;
    println!(
        "list pages: article links found {found:.2}, links followed that are articles {precision:.2}"
    );
    assert!(found >= FOUND_FLOOR, "found {found:.2}");
    assert!(precision >= PRECISION_FLOOR, "precision {precision:.2}");
}

fn collector(dir: &std::path::Path) -> Collector {
    let store = Store::open(&dir.join("store")).unwrap_or_else(|e| panic!("{e}"));
    let pipeline = Arc::new(
        Pipeline::new(common::shipped_classifier(), store, Utc::now())
            .unwrap_or_else(|e| panic!("{e}")),
    );
    Collector {
        fetcher: Arc::new(fetcher()),
        pipeline,
        base_dir: dir.to_path_buf(),
    }
}

fn source(kind: &str, url: &str) -> Arc<Source> {
    let config: SourceConfig = toml::from_str(&format!(
        "name = \"测试源\"\nkind = \"{kind}\"\nurl = \"{url}\"\nrobots = false\nmax_articles = 50\n"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    Arc::new(Source::compile(config, "测试源").unwrap_or_else(|e| panic!("{e:?}")))
}

#[tokio::test]
async fn a_discuz_board_is_polled_thread_by_thread_once_each() {
    let base = serve().await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let c = collector(dir.path());
    let s = source("page", &format!("{base}/forum.php?mod=forumdisplay&fid=12"));
    let mut state = SourceState::default();
    let r = c.poll(&s, &state).await;
    r.apply(&mut state, Utc::now());
    assert_eq!(r.status, "ok", "{r:?}");
    assert_eq!(
        r.new, 8,
        "the sticky thread and seven threads, once each: {r:?}"
    );
    for f in &r.items {
        assert!(f.title.starts_with("帖子"), "{f:?}");
        assert!(!f.title.contains("新窗口"), "{f:?}");
        assert!(
            f.date_evidence
                .as_deref()
                .is_some_and(|e| e.contains("发表于 2026-11-")),
            "{f:?}"
        );
        assert!(f.excerpt.starts_with("小区东门外"), "{f:?}");
    }
    // Polled again: nothing new is fetched or stored.
    let again = c.poll(&s, &state).await;
    assert_eq!((again.found, again.new), (0, 0), "{again:?}");
}

#[tokio::test]
async fn feeds_old_broken_misconfigured_and_refused() {
    let base = serve().await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let c = collector(dir.path());

    let r = c
        .poll(
            &source("feed", &format!("{base}/rss090.xml")),
            &SourceState::default(),
        )
        .await;
    assert_eq!((r.status, r.new), ("ok", 2), "RSS 0.90: {r:?}");

    let mut state = SourceState::default();
    let r = c
        .poll(&source("feed", &format!("{base}/broken.xml")), &state)
        .await;
    r.apply(&mut state, Utc::now());
    assert_eq!(
        (r.status, r.found),
        ("ok", 19),
        "one bad entity loses one entry: {r:?}"
    );
    assert!(
        state
            .last_warnings
            .iter()
            .any(|w| w.contains("malformed feed") && w.contains("/broken.xml")),
        "the fault is in the source's state: {state:?}"
    );

    let r = c
        .poll(
            &source("feed", &format!("{base}/page-as-feed.xml")),
            &SourceState::default(),
        )
        .await;
    let err = r.error.unwrap_or_default();
    assert!(
        err.contains("this is an HTML page, not a feed: use kind = \"page\"")
            && err.contains("/page-as-feed.xml"),
        "{err}"
    );

    // A refused connection, robots.txt on: the error names the source.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        l.local_addr().unwrap_or_else(|e| panic!("{e}"))
    };
    let url = format!("http://{closed}/feed.xml");
    let config: SourceConfig = toml::from_str(&format!(
        "name = \"测试源\"\nkind = \"feed\"\nurl = \"{url}\"\nrobots = true\n"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let s = Arc::new(Source::compile(config, "测试源").unwrap_or_else(|e| panic!("{e:?}")));
    let r = c.poll(&s, &SourceState::default()).await;
    let err = r.error.unwrap_or_default();
    assert!(
        err.starts_with(&url),
        "the error names the source first: {err}"
    );
}

#[tokio::test]
async fn an_empty_body_is_a_warning_with_its_url() {
    let base = serve().await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let c = collector(dir.path());
    let mut state = SourceState::default();
    let r = c
        .poll(&source("page", &format!("{base}/short/list.html")), &state)
        .await;
    r.apply(&mut state, Utc::now());
    assert_eq!((r.status, r.new), ("ok", 2), "{r:?}");
    assert_eq!(state.last_warnings.len(), 1, "{state:?}");
    assert!(
        state.last_warnings[0].contains("/short/20261130_2.html")
            && state.last_warnings[0].contains("near-empty body"),
        "{state:?}"
    );
}
