//! Extract stage: turns fetched bodies into entries (title, text, link,
//! time): feeds ([`feed`]), and publication dates as Chinese pages write
//! them ([`dates`]), and article pages: title, body and date by evidence
//! ([`article`]).

pub mod article;
pub mod dates;
pub mod feed;
pub mod links;

use url::Url;

/// Query parameters that only track who shared a link; dropped so that one
/// story has one URL.
const TRACKING: &[&str] = &[
    "spm",
    "from",
    "isappinstalled",
    "share_token",
    "share_source",
    "scene",
    "clicktime",
    "enterid",
    "sharer_shareid",
    "sharer_sharetime",
    "wfr",
    "tt_from",
    "timestamp",
    "sessionid",
    "fbclid",
    "gclid",
    "mc_cid",
    "mc_eid",
    // Discuz: where the reader came from, and what to highlight.
    "extra",
    "highlight",
    "fromuid",
];

/// `url` without its fragment and tracking parameters (`utm_*`, `spm`,
/// WeChat's `scene`/`clicktime`, Discuz's `extra`…), and a Discuz thread's
/// rewritten form (`thread-123-1-1.html`) as its query form
/// (`forum.php?mod=viewthread&tid=123`), so one thread is one URL;
/// unchanged if it does not parse.
pub fn canonical_url(url: &str) -> String {
    let Ok(mut u) = Url::parse(url.trim()) else {
        return url.trim().to_string();
    };
    u.set_fragment(None);
    if let Some(tid) = discuz_thread(u.path()).map(str::to_string) {
        let dir = u.path().rsplit_once('/').map_or("", |(d, _)| d).to_string();
        u.set_path(&format!("{dir}/forum.php"));
        u.set_query(Some(&format!("mod=viewthread&tid={tid}")));
    }
    let kept: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !TRACKING.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        u.set_query(None);
    } else {
        u.query_pairs_mut().clear().extend_pairs(kept);
    }
    u.to_string()
}

/// The thread id of a Discuz rewritten URL's first page
/// (`…/thread-123-1-1.html`).
fn discuz_thread(path: &str) -> Option<&str> {
    let last = path.rsplit('/').next()?;
    let rest = last.strip_prefix("thread-")?.strip_suffix(".html")?;
    let mut parts = rest.split('-');
    let tid = parts.next()?;
    let page = parts.next()?;
    let ok = !tid.is_empty() && tid.bytes().all(|b| b.is_ascii_digit()) && page == "1";
    ok.then_some(tid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_and_fragments_are_dropped() {
        assert_eq!(
            canonical_url(
                "https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1&sn=ab&scene=21&clicktime=1#wechat_redirect"
            ),
            "https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1&sn=ab"
        );
        assert_eq!(
            canonical_url("http://www.nantong.gov.cn/a.html?utm_source=x#top"),
            "http://www.nantong.gov.cn/a.html"
        );
        assert_eq!(canonical_url("not a url"), "not a url");
        assert_eq!(
            canonical_url("http://bbs.example.com/thread-123-1-3.html"),
            "http://bbs.example.com/forum.php?mod=viewthread&tid=123"
        );
        assert_eq!(
            canonical_url("http://bbs.example.com/forum.php?mod=viewthread&tid=123&extra=page%3D1"),
            "http://bbs.example.com/forum.php?mod=viewthread&tid=123"
        );
        assert_eq!(
            canonical_url("http://bbs.example.com/thread-123-2-1.html"),
            "http://bbs.example.com/thread-123-2-1.html",
            "a thread's second page is not the thread"
        );
    }
}
