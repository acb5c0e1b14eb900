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
}

/// Why a body is not a feed.
#[derive(Debug, Clone, thiserror::Error)]
#[error("not a readable RSS, Atom or JSON feed: {0}")]
pub struct FeedError(pub String);

/// Entries per feed at most: a feed is a window, not an archive.
const MAX_ENTRIES: usize = 1000;

/// Parses a feed body served with `content_type` (may be absent).
pub fn parse(bytes: &[u8], content_type: Option<&str>) -> Result<Feed, FeedError> {
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
    } else {
        trimmed
    };
    let parsed = feed_rs::parser::parse(source.as_bytes()).map_err(|e| FeedError(e.to_string()))?;
    let entries = parsed
        .entries
        .into_iter()
        .take(MAX_ENTRIES)
        .map(entry)
        .filter(|e| !e.title.is_empty() || !e.text.is_empty())
        .collect();
    Ok(Feed {
        title: parsed
            .title
            .map(|t| clean_title(&t.content))
            .unwrap_or_default(),
        entries,
    })
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
