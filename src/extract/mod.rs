//! Extract stage: turns fetched bodies into entries (title, text, link,
//! time): feeds ([`feed`]), and publication dates as Chinese pages write
//! them ([`dates`]), and article pages: title, body and date by evidence
//! ([`article`]).

pub mod article;
pub mod dates;
pub mod feed;

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
];

/// `url` without its fragment and tracking parameters (`utm_*`, `spm`,
/// WeChat's `scene`/`clicktime`…); unchanged if it does not parse.
pub fn canonical_url(url: &str) -> String {
    let Ok(mut u) = Url::parse(url.trim()) else {
        return url.trim().to_string();
    };
    u.set_fragment(None);
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
    }
}
