//! A list page → the article links on it.
//!
//! With the source's selectors, what they pick. Without, a guess made per
//! page: links on the same registrable domain (the public-suffix list, so
//! `www.` and `news.` of one portal are one site), with headline-like text
//! (never an icon's tooltip), whose URL either looks like an article's
//! (ids or dates in the path, `viewthread`, `/content_`, `/t2026…`) or has
//! the shape most of the page's headline links share, and never a
//! navigation URL (profiles, tags, topics, galleries, "last post", paging).
//! Queries are part of a URL's identity (`forum.php?mod=viewthread&tid=1`
//! is not the list `forum.php?mod=forumdisplay&fid=2`), and URLs are made
//! canonical so a thread is stored once.

use std::collections::HashMap;

use scraper::{ElementRef, Html, Selector};
use url::Url;

use super::canonical_url;

/// One entry of a list page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    /// Canonical absolute URL of the article.
    pub url: String,
    /// Its title on the list (the link's text, its title attribute when
    /// the text is cut short, or the `list_title_selector` match).
    pub title: String,
    /// Text of its row on the list (without the title), when it may hold
    /// the entry's date.
    pub date: Option<String>,
}

/// Which parts of a list page are entries: the source's selectors,
/// compiled when the config was loaded.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListSelectors<'a> {
    /// The entries (a link, or a row holding one); default a generic guess.
    pub link: Option<&'a Selector>,
    /// The title inside a row.
    pub title: Option<&'a Selector>,
    /// The date inside a row.
    pub date: Option<&'a Selector>,
}

/// Every link with a target.
static ANY_LINK: std::sync::LazyLock<Option<Selector>> =
    std::sync::LazyLock::new(|| Selector::parse("a[href]").ok());

/// The registrable domain of `url` (`nantong.gov.cn` for
/// `www.nantong.gov.cn`), else its host (IP addresses, `localhost`).
pub fn site_of(url: &Url) -> Option<String> {
    let host = match url.host()? {
        url::Host::Domain(d) => d.trim_end_matches('.').to_ascii_lowercase(),
        ip => return Some(ip.to_string()),
    };
    Some(psl::domain_str(&host).map(str::to_string).unwrap_or(host))
}

/// URL parts that mark navigation, not an article.
const NAVIGATION: &[&str] = &[
    "mod=space",
    "home.php",
    "uid=",
    "goto=lastpost",
    "mod=redirect",
    "forumdisplay",
    "mod=forum",
    "mod=guide",
    "misc.php",
    "member.php",
    "search",
    "login",
    "register",
    "/tag/",
    "/tags/",
    "tag=",
    "keyword",
    "/topic/",
    "/topics/",
    "/special/",
    "/zt/",
    "/gallery/",
    "slide",
    "/photo/",
    "/pic/",
    "/video/",
    "/author/",
    "/user/",
    "/space/",
    "page=",
    "/page/",
    "javascript",
];

/// URL parts that mark an article.
const ARTICLE: &[&str] = &[
    "viewthread",
    "thread-",
    "tid=",
    "/content_",
    "content.jsp",
    "/art/",
    "/article/",
    "/detail",
    "articleid=",
    "contentid=",
    "newsid=",
    "/s?__biz=",
    "/p/",
];

fn is_navigation(u: &Url) -> bool {
    let s = u.as_str().to_ascii_lowercase();
    let path = u.path();
    // A channel's index: a path ending in a directory or index/list page.
    let last = path.rsplit('/').next().unwrap_or("");
    let index_page = u.query().is_none()
        && (last.is_empty()
            || ["index", "list", "default", "more"]
                .iter()
                .any(|p| last.to_ascii_lowercase().starts_with(p)));
    index_page || NAVIGATION.iter().any(|n| s.contains(n))
}

fn is_article_like(u: &Url) -> bool {
    let s = u.as_str().to_ascii_lowercase();
    if ARTICLE.iter().any(|a| s.contains(a)) {
        return true;
    }
    // A date or a long number in the path: /2019/03/12/, /201903/t20190312_123.html, /123456.html.
    let digits = u
        .path()
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    let date_dirs = u
        .path()
        .split('/')
        .filter(|seg| seg.len() >= 2 && seg.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .count();
    digits >= 5
        || date_dirs >= 2
        || u.query_pairs()
            .any(|(k, v)| k.ends_with("id") && v.len() >= 3)
}

/// The URL's shape: host, path with digit runs as `#`, query keys with
/// their non-numeric values. Links of one kind on a list share it.
fn shape(u: &Url) -> String {
    let fold = |s: &str| {
        let mut out = String::new();
        let mut in_digits = false;
        for c in s.chars() {
            if c.is_ascii_digit() {
                if !in_digits {
                    out.push('#');
                }
                in_digits = true;
            } else {
                out.push(c);
                in_digits = false;
            }
        }
        out
    };
    let mut keys: Vec<String> = u
        .query_pairs()
        .map(|(k, v)| {
            if v.bytes().any(|b| b.is_ascii_digit()) {
                format!("{k}=#")
            } else {
                format!("{k}={v}")
            }
        })
        .collect();
    keys.sort();
    format!(
        "{}{}?{}",
        u.host_str().unwrap_or(""),
        fold(u.path()),
        keys.join("&")
    )
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cjk(s: &str) -> usize {
    s.chars().filter(|c| crate::text::is_han(*c)).count()
}

/// Tooltips that say what a link does, not what it is.
const TOOLTIPS: &[&str] = &["新窗口", "打开", "点击", "有新回复", "查看", "more"];

/// The title a link shows: its text; its title attribute when the text is
/// cut short (…) and the attribute continues it; never a tooltip.
fn link_title(a: ElementRef<'_>) -> String {
    let text = squash(&a.text().collect::<String>());
    let attr = a
        .value()
        .attr("title")
        .map(squash)
        .filter(|t| !t.is_empty() && !TOOLTIPS.iter().any(|w| t.contains(w)));
    let cut = text.ends_with('…') || text.ends_with("...") || text.ends_with("..");
    match attr {
        Some(t) if cut || text.is_empty() => t,
        _ => text,
    }
}

/// True when `title` reads like a headline rather than a menu item.
fn headline_like(title: &str) -> bool {
    cjk(title) >= 5 || title.split_whitespace().count() >= 4
}

/// The row (`li`, `tr`, `dd`, a `div`/`p` of its own) that holds a link.
fn row_of(a: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut node = a.parent().and_then(ElementRef::wrap);
    for _ in 0..4 {
        let e = node?;
        if matches!(e.value().name(), "li" | "tr" | "dd" | "dl") {
            return Some(e);
        }
        node = e.parent().and_then(ElementRef::wrap);
    }
    None
}

/// Entry links of a list page at `base`: by the link selector, else the
/// generic guess described in the module's documentation. Absolute,
/// canonical, distinct, in page order. A row's text (less its title) is
/// kept as the entry's date text: by the date selector, else the row's.
pub fn list_links(html: &str, base: &Url, sel: ListSelectors<'_>) -> Vec<ListEntry> {
    let doc = Html::parse_document(html);
    let Some(any_link) = ANY_LINK.as_ref() else {
        return Vec::new();
    };
    let entries = sel.link.unwrap_or(any_link);
    let title_sel = sel.title;
    let date_sel = sel.date;
    let generic = sel.link.is_none();
    let base_site = site_of(base);
    let base_canonical = canonical_url(base.as_str());
    // (entry, its URL) in page order; filtered below.
    let mut found: Vec<(ListEntry, Url)> = Vec::new();
    for el in doc.select(entries) {
        // A selector may pick the item (li) rather than its link.
        let is_link = el.value().name() == "a";
        let a = if is_link {
            Some(el)
        } else {
            el.select(any_link).find(|a| !link_title(*a).is_empty())
        };
        let Some(a) = a else { continue };
        let Some(href) = a.value().attr("href").map(str::trim) else {
            continue;
        };
        if href.is_empty()
            || href.starts_with('#')
            || href.starts_with("javascript:")
            || href.starts_with("mailto:")
        {
            continue;
        }
        let Ok(abs) = base.join(href) else { continue };
        if !matches!(abs.scheme(), "http" | "https") {
            continue;
        }
        let title = title_sel
            .and_then(|s| el.select(s).next())
            .map(|t| squash(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| link_title(a));
        let url = canonical_url(abs.as_str());
        if generic
            && (site_of(&abs) != base_site
                || !headline_like(&title)
                || url == base_canonical
                || is_navigation(&abs))
        {
            continue;
        }
        let row = if is_link { row_of(a) } else { Some(el) };
        let date = match (date_sel, row) {
            (Some(s), Some(r)) => r
                .select(s)
                .next()
                .map(|d| squash(&d.text().collect::<String>())),
            (Some(s), None) => el
                .select(s)
                .next()
                .map(|d| squash(&d.text().collect::<String>())),
            // A row's own text, without its title, often holds its date.
            (None, Some(r)) => Some(squash(&r.text().collect::<String>()).replace(&title, " ")),
            (None, None) => None,
        }
        .map(|d| squash(&d))
        .filter(|d| !d.is_empty());
        let Ok(canonical) = Url::parse(&url) else {
            continue;
        };
        match found.iter_mut().find(|(e, _)| e.url == url) {
            // The same thread twice (icon and title, or two URL forms):
            // keep the longer title and any date.
            Some((e, _)) => {
                if title.chars().count() > e.title.chars().count() {
                    e.title = title;
                }
                if e.date.is_none() {
                    e.date = date;
                }
            }
            None => found.push((ListEntry { url, title, date }, canonical)),
        }
    }
    if !generic {
        return found.into_iter().map(|(e, _)| e).collect();
    }
    // The page's model of an article URL: URLs that look like articles,
    // and shapes that several headline links share (the list's own rows).
    // A page with no model at all keeps its headline links.
    let mut shapes: HashMap<String, usize> = HashMap::new();
    for (_, u) in &found {
        *shapes.entry(shape(u)).or_default() += 1;
    }
    let modelled = |u: &Url| is_article_like(u) || shapes.get(&shape(u)).is_some_and(|n| *n >= 2);
    if !found.iter().any(|(_, u)| modelled(u)) {
        return found.into_iter().map(|(e, _)| e).collect();
    }
    found
        .into_iter()
        .filter(|(_, u)| modelled(u))
        .map(|(e, _)| e)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(u: &str) -> Url {
        Url::parse(u).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn registrable_domains() {
        assert_eq!(
            site_of(&base("http://www.nantong.gov.cn/a")).as_deref(),
            Some("nantong.gov.cn")
        );
        assert_eq!(
            site_of(&base("https://news.sina.com.cn/c/1.shtml")).as_deref(),
            Some("sina.com.cn")
        );
        assert_eq!(
            site_of(&base("http://127.0.0.1:8080/")).as_deref(),
            Some("127.0.0.1")
        );
    }

    #[test]
    fn discuz_forumdisplay_gives_threads_once_with_their_titles() {
        let html = r#"<table><tbody id="normalthread_1"><tr>
<td class="icn"><a href="forum.php?mod=viewthread&amp;tid=1&amp;extra=page%3D1" title="有新回复 - 新窗口打开" target="_blank"><img src="folder_new.gif"></a></td>
<th class="new"><a href="forum.php?mod=viewthread&amp;tid=1&amp;extra=page%3D1" class="s xst">东门外道路井盖缺失一周无人管</a></th>
<td class="by"><cite><a href="home.php?mod=space&amp;uid=88">热心市民用户名</a></cite><em><span>2019-5-6</span></em></td>
<td class="by"><cite><a href="home.php?mod=space&amp;uid=90">路人路人路人路人</a></cite><em><a href="forum.php?mod=redirect&amp;tid=1&amp;goto=lastpost#lastpost">2019-5-7 08:10</a></em></td></tr></tbody>
<tbody><tr><th><a href="thread-2-1-1.html">办理居住证需要预约吗请问各位</a></th></tr></tbody>
<tbody><tr><th><a href="forum.php?mod=viewthread&amp;tid=2">办理居住证需要预约吗请问各位</a></th></tr></tbody></table>
<div><a href="forum.php?mod=forumdisplay&amp;fid=12&amp;filter=digest">只看精华帖子列表页面</a></div>"#;
        let list = base("http://bbs.example.com/forum.php?mod=forumdisplay&fid=12");
        let got = list_links(html, &list, ListSelectors::default());
        let urls: Vec<&str> = got.iter().map(|e| e.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "http://bbs.example.com/forum.php?mod=viewthread&tid=1",
                "http://bbs.example.com/forum.php?mod=viewthread&tid=2"
            ]
        );
        assert_eq!(got[0].title, "东门外道路井盖缺失一周无人管");
        assert!(
            got[0]
                .date
                .as_deref()
                .is_some_and(|d| d.contains("2019-5-6")),
            "{got:?}"
        );
    }
}
