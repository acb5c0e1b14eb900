//! RSS 0.9x/1.0/2.0, Atom and JSON Feed → entries, via feed-rs. This is how
//! Weibo and WeChat arrive (RSSHub, wewe-rss).
//!
//! The bytes are decoded by [`crate::fetch::charset`] first (feed-rs would
//! trust a wrong XML declaration), and the declaration is rewritten to
//! UTF-8 before parsing.

use chrono::{DateTime, Utc};

use super::canonical_url;
use crate::fetch::charset;
use crate::text::html_to_text;

/// One entry of a feed, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The feed's own id for the entry (GUID), when it has a real one.
    pub guid: Option<String>,
    /// The entry's link, canonical (no fragment or tracking parameters).
    pub url: Option<String>,
    /// Title as text.
    pub title: String,
    /// Content (or summary) as text: images dropped, a repost's comment and
    /// the reposted text both kept.
    pub text: String,
    /// Published (else updated) time.
    pub published: Option<DateTime<Utc>>,
    /// Links found in the content (kept, though not in the text).
    pub links: Vec<String>,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// Feed title.
    pub title: String,
    /// Its entries, in document order.
    pub entries: Vec<Entry>,
    /// The fault of a malformed feed whose entries were read one by one
    /// around it (feedparser's `bozo`); `None` for a well-formed feed.
    pub fault: Option<String>,
    /// Entries the feed had when more than the cap were read: the newest
    /// `entries.len()` of them were kept.
    pub cut_from: Option<usize>,
}

/// Why a body is not a feed.
#[derive(Debug, Clone, thiserror::Error)]
#[error("not a readable RSS, Atom or JSON feed: {0}")]
pub struct FeedError(pub String);

/// Entries per feed at most unless the caller says otherwise
/// (`fetch.max_feed_entries`): a feed is a window, not an archive.
pub const MAX_ENTRIES: usize = 1000;

/// Parses a feed body served with `content_type` (may be absent), keeping
/// at most [`MAX_ENTRIES`] entries.
pub fn parse(bytes: &[u8], content_type: Option<&str>) -> Result<Feed, FeedError> {
    parse_at_most(bytes, content_type, MAX_ENTRIES)
}

/// [`parse`], keeping the newest `max_entries` entries (by date; undated
/// entries in document order after the dated ones); `cut_from` says how
/// many there were.
pub fn parse_at_most(
    bytes: &[u8],
    content_type: Option<&str>,
    max_entries: usize,
) -> Result<Feed, FeedError> {
    let decoded = charset::decode(bytes, content_type, None);
    let text = utf8_declaration(decoded.text.trim_start_matches('\u{feff}'));
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(FeedError("the body is empty".into()));
    }
    let looks_like_feed = trimmed.starts_with('<') || trimmed.starts_with('{');
    if !looks_like_feed {
        return Err(FeedError("the body is neither XML nor JSON".into()));
    }
    if is_html_page(trimmed) {
        return Err(FeedError(
            "this is an HTML page, not a feed: use kind = \"page\"".into(),
        ));
    }
    if declares_entities(trimmed) {
        // Feeds never need their own entities; a document that declares
        // them is at best broken and at worst an expansion attack (the
        // billion laughs), which would otherwise come out as entries
        // titled with unexpanded `&lol9;`.
        return Err(FeedError(
            "the document declares its own XML entities (<!ENTITY …>), which no feed needs: refused".into(),
        ));
    }
    // Atom 0.3 (still served by old portal software) is close enough to
    // Atom 1.0 for what we read; feed-rs knows only the latter's namespace.
    let upgraded;
    let source = if trimmed.contains("http://purl.org/atom/ns#") {
        // Its text constructs name media types where 1.0 has keywords.
        upgraded = trimmed
            .replace("http://purl.org/atom/ns#", "http://www.w3.org/2005/Atom")
            .replace("type=\"application/xhtml+xml\"", "type=\"xhtml\"")
            .replace("type=\"text/plain\"", "type=\"text\"");
        upgraded.as_str()
    } else if trimmed.contains(RSS_090_NS) {
        // RSS 0.90 is RSS 1.0's RDF shape under Netscape's namespace, which
        // feed-rs does not know: it would read no items at all.
        upgraded = trimmed.replace(RSS_090_NS, "http://purl.org/rss/1.0/");
        upgraded.as_str()
    } else {
        trimmed
    };
    let (parsed, fault) = match feed_rs::parser::parse(source.as_bytes()) {
        Ok(p) => (p, None),
        Err(e) => match salvage(source) {
            Some(p) => (p, Some(e.to_string())),
            None => return Err(FeedError(e.to_string())),
        },
    };
    let total = parsed.entries.len();
    let mut raw = parsed.entries;
    let mut cut_from = None;
    if total > max_entries {
        // Newest first, so a long feed's cap keeps what is new: document
        // order is usually newest first, but not always.
        raw.sort_by_key(|e| std::cmp::Reverse(e.published.or(e.updated)));
        raw.truncate(max_entries);
        cut_from = Some(total);
    }
    let entries = raw
        .into_iter()
        .map(entry)
        .filter(|e| !e.title.is_empty() || !e.text.is_empty())
        .collect();
    Ok(Feed {
        title: parsed
            .title
            .map(|t| clean_title(&t.content))
            .unwrap_or_default(),
        entries,
        fault,
        cut_from,
    })
}

/// True when the prolog (before the root element) declares entities.
fn declares_entities(text: &str) -> bool {
    let Some(doctype) = text.find("<!DOCTYPE") else {
        return false;
    };
    // The internal subset ends at `]>`; past 64 KB it is no feed anyway.
    let rest = &text[doctype..];
    let end = rest.find("]>").unwrap_or(rest.len()).min(64 << 10);
    let end = (0..=end)
        .rev()
        .find(|&i| rest.is_char_boundary(i))
        .unwrap_or(0);
    rest[..end].contains("<!ENTITY")
}

/// RSS 0.90's default namespace.
const RSS_090_NS: &str = "http://my.netscape.com/rdf/simple/0.9/";

/// True when the body is an HTML page (a page configured as a feed).
fn is_html_page(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    let feed_root = ["<rss", "<feed", "<rdf:rdf", "<rdf "]
        .iter()
        .any(|r| head.contains(r));
    !feed_root && (head.contains("<!doctype html") || head.contains("<html"))
}

/// A malformed feed read entry by entry, as feedparser does: the text
/// before the first entry and after the last frame each entry, and the
/// entries that parse so framed are kept. `None` when none does.
fn salvage(text: &str) -> Option<feed_rs::model::Feed> {
    let (open, close) = if text.contains("<entry") {
        ("<entry", "</entry>")
    } else {
        ("<item", "</item>")
    };
    let first = text.find(open)?;
    let last_end = text.rfind(close)? + close.len();
    let (head, tail) = (&text[..first], &text[last_end..]);
    // The frame alone gives the feed's title (if the head is sound).
    let mut feed = feed_rs::parser::parse(format!("{head}{tail}").as_bytes()).ok()?;
    let mut rest = &text[first..last_end];
    while let Some(start) = rest.find(open) {
        let Some(len) = rest[start..].find(close) else {
            break;
        };
        let end = start + len + close.len();
        let one = format!("{head}{}{tail}", &rest[start..end]);
        if let Ok(parsed) = feed_rs::parser::parse(one.as_bytes()) {
            feed.entries.extend(parsed.entries);
        }
        rest = &rest[end..];
    }
    (!feed.entries.is_empty()).then_some(feed)
}

fn entry(e: feed_rs::model::Entry) -> Entry {
    let url = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| e.links.first())
        .map(|l| canonical_url(&l.href));
    let html = e
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
        .unwrap_or_default();
    let (text, links) = if crate::text::looks_like_html(&html) {
        (html_to_text(&html), hrefs(&html))
    } else {
        (html.trim().to_string(), Vec::new())
    };
    let title = e.title.map(|t| clean_title(&t.content)).unwrap_or_default();
    // feed-rs invents ids for entries without one (a hash of link and
    // title, or a random UUID): only a GUID the feed gave is stable.
    let guid = Some(e.id).filter(|id| !id.is_empty() && !looks_generated(id));
    Entry {
        guid,
        url,
        // Weibo titles are the post's first characters; the text has all.
        title,
        text,
        published: e.published.or(e.updated),
        links,
    }
}

/// feed-rs's generated ids are 32 hex characters (an MD5-style hash) or a
/// UUID; real GUIDs are URLs, tags or the feed's own numbers.
fn looks_generated(id: &str) -> bool {
    let hex32 = id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit());
    let uuid = id.len() == 36
        && id.bytes().enumerate().all(|(i, b)| {
            if [8, 13, 18, 23].contains(&i) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        });
    hex32 || uuid
}

fn clean_title(s: &str) -> String {
    let t = if crate::text::looks_like_html(s) {
        html_to_text(s)
    } else {
        s.to_string()
    };
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `href`s of the links in an HTML fragment.
fn hrefs(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_fragment(html);
    let Ok(sel) = scraper::Selector::parse("a[href]") else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for a in doc.select(&sel) {
        if let Some(h) = a.value().attr("href") {
            let h = h.trim();
            if (h.starts_with("http://") || h.starts_with("https://"))
                && !out.iter().any(|x| x == h)
            {
                out.push(h.to_string());
            }
        }
    }
    out
}

/// Rewrites the XML declaration's encoding to UTF-8: the text is UTF-8 now.
fn utf8_declaration(text: &str) -> std::borrow::Cow<'_, str> {
    let start = text.trim_start();
    if !start.starts_with("<?xml") {
        return text.into();
    }
    let Some(end) = start.find("?>") else {
        return text.into();
    };
    let decl = &start[..end];
    if !decl.contains("encoding") {
        return text.into();
    }
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"{}", &start[end..]).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weibo_shaped_rsshub_feed_keeps_repost_and_links() {
        let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>南通发布的微博</title>
<item><title>转发微博</title>
<description><![CDATA[关注！<br>//<a href="https://weibo.com/n/x">@网友</a>: 崇川区某小区停水三天无人管<img src="https://wx1.sinaimg.cn/a.jpg"><br><a href="https://t.cn/abc">网页链接</a>]]></description>
<pubDate>Sun, 22 Nov 2026 10:30:00 +0800</pubDate>
<guid isPermaLink="false">https://weibo.com/123/AbCd</guid>
<link>https://weibo.com/123/AbCd?utm_source=rss#comments</link></item>
</channel></rss>"#;
        let feed =
            parse(rss.as_bytes(), Some("application/rss+xml")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(feed.title, "南通发布的微博");
        let e = &feed.entries[0];
        assert!(
            e.text.contains("关注") && e.text.contains("崇川区某小区停水三天无人管"),
            "{}",
            e.text
        );
        assert!(!e.text.contains("sinaimg"));
        assert_eq!(e.url.as_deref(), Some("https://weibo.com/123/AbCd"));
        assert_eq!(e.guid.as_deref(), Some("https://weibo.com/123/AbCd"));
        assert!(e.links.contains(&"https://t.cn/abc".to_string()));
        assert_eq!(
            e.published.map(|t| t.to_rfc3339()),
            Some("2026-11-22T02:30:00+00:00".into())
        );
    }

    #[test]
    fn rss_090_is_read() {
        let rss = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>市政府公告</title><link>http://www.example.gov.cn/</link><description>公告</description></channel>
<item><title>关于停水的通知</title><link>http://www.example.gov.cn/a/1.html</link></item>
<item><title>关于道路施工的通告</title><link>http://www.example.gov.cn/a/2.html</link></item>
</rdf:RDF>"#;
        let feed = parse(rss.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(feed.title, "市政府公告");
        let titles: Vec<&str> = feed.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["关于停水的通知", "关于道路施工的通告"]);
        assert_eq!(feed.fault, None);
    }

    #[test]
    fn billion_laughs_is_refused_not_read_as_an_entry() {
        let lol = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<rss version="2.0"><channel><title>t</title><item><title>&lol2;</title><guid>g</guid></item></channel></rss>"#;
        let err = parse(lol.as_bytes(), None).unwrap_err().to_string();
        assert!(err.contains("<!ENTITY"), "{err}");
    }

    #[test]
    fn a_feed_over_the_cap_keeps_its_newest_entries_and_says_so() {
        // Oldest first in the document, as some portals write them.
        let items: String = (1..=5)
            .map(|i| {
                format!(
                    "<item><title>第{i}条</title><guid>g{i}</guid><pubDate>Mon, 0{i} Jun 2026 08:00:00 +0800</pubDate></item>"
                )
            })
            .collect();
        let rss = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>动态</title>{items}</channel></rss>"
        );
        let feed = parse_at_most(rss.as_bytes(), None, 2).unwrap_or_else(|e| panic!("{e}"));
        let titles: Vec<&str> = feed.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["第5条", "第4条"]);
        assert_eq!(feed.cut_from, Some(5));
        let whole = parse(rss.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((whole.entries.len(), whole.cut_from), (5, None));
    }

    #[test]
    fn one_bad_entity_loses_only_its_entry() {
        let items: String = (1..=5)
            .map(|i| {
                let d = if i == 3 { "水电&nbsp费上涨" } else { "正常" };
                format!("<item><title>第{i}条</title><description>{d}</description><guid>g{i}</guid></item>")
            })
            .collect();
        let rss = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>动态</title>{items}</channel></rss>"
        );
        let feed = parse(rss.as_bytes(), None).unwrap_or_else(|e| panic!("{e}"));
        let titles: Vec<&str> = feed.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["第1条", "第2条", "第4条", "第5条"]);
        assert!(feed.fault.is_some());
    }

    #[test]
    fn an_html_page_is_named_as_such() {
        let page = "<!DOCTYPE html><html><head><title>通知公告</title></head><body><ul><li>a</li></ul></body></html>";
        let err = parse(page.as_bytes(), Some("text/html"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "not a readable RSS, Atom or JSON feed: this is an HTML page, not a feed: use kind = \"page\""
            )
        );
    }

    #[test]
    fn gbk_feed_with_a_wrong_declaration_and_non_feeds() {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>通知公告</title><item><title>关于停水的通知</title><description>明日停水</description></item></channel></rss>";
        let (gbk, _, _) = encoding_rs::GBK.encode(xml);
        let feed = parse(&gbk, Some("text/xml")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(feed.entries[0].title, "关于停水的通知");
        assert!(feed.entries[0].guid.is_none(), "feed-rs ids are not GUIDs");
        for bad in [
            "",
            "   ",
            "<html><body>not a feed</body></html>",
            "hello",
            "{\"a\":1}",
        ] {
            assert!(parse(bad.as_bytes(), None).is_err(), "{bad}");
        }
    }
}
