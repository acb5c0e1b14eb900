//! One article page → title, body and publication date, each chosen by
//! evidence, for pages polled without selectors.
//!
//! - **Body**: dom_smoothie (a Readability port; it scores `div`, `td`,
//!   `section`… by text and link density, not only `<p>`), then cleaned of
//!   what Chinese templates leave in it (share and player widgets, image
//!   file names, long whitespace runs). When it finds nothing, a block
//!   scorer of our own takes over (see [`block_text`]).
//! - **Title**: a heading that agrees with `og:title` or `<title>`; else
//!   `og:title`; else `<title>` without its site suffix; else a heading;
//!   never a site or channel name alone; the list's link text last.
//! - **Date**: structured metadata, then the byline next to the title
//!   (发布时间, 来源 lines), then the list's date, then absolute dates in
//!   the body. Relative forms (5小时前, 昨天 22:17) count only in a byline or
//!   a list row; a date after the fetch, or far from the list's date, is not
//!   believed. The reason for the choice is returned with it.

use chrono::{DateTime, Duration, Utc};
use scraper::{ElementRef, Html, Selector};

use super::dates;
use crate::text::html_to_text;

/// What the list page said about the article, if anything.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The link's text on the list.
    pub list_title: Option<&'a str>,
    /// The row's date text on the list.
    pub list_date: Option<&'a str>,
    /// The page's address, whose path many sites' systems date
    /// (`/2026/1204/c1234a5678/page.htm`, `t20261204_123.html`).
    pub url: Option<&'a str>,
}

/// An extracted article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Its title (empty when nothing better than nothing was found).
    pub title: String,
    /// Where the title came from (`heading+og:title`, `og:title`, `<title>`…).
    pub title_from: &'static str,
    /// Its body as text: paragraphs on their own lines, whitespace folded.
    pub text: String,
    /// Publication time; `None` when the page gives no date it can be
    /// believed on (never "now" by default).
    pub published: Option<DateTime<Utc>>,
    /// Why that date: `meta article:published_time = …`, `byline: 发布时间：…`.
    pub date_evidence: Option<String>,
}

/// Bodies shorter than this (in letters and digits) are reported.
pub const SHORT_BODY: usize = 40;

/// How far an article's own date may stand from its list row's date.
const LIST_TOLERANCE: Duration = Duration::days(3);

/// Extracts an article from `html`, fetched at `now`.
pub fn extract(html: &str, hints: Hints<'_>, now: DateTime<Utc>) -> Article {
    if let Some(post) = weibo_status(html, now) {
        return post;
    }
    let inlined = inline_pagelets(html);
    let html = inlined.as_deref().unwrap_or(html);
    let doc = Html::parse_document(html);
    if let Some(post) = bbs_post(&doc, now) {
        return post;
    }
    let mut title_info = title(&doc, html, hints.list_title, now);
    // A headline the page shows cut short (…决定继续开...) in its heading
    // and <title> alike is whole where the page gives it in full: its
    // JSON-LD, or a box labelled 标题：.
    // The page is read (its byline below the heading, its frame) by the
    // headline as it shows it.
    let mut shown_title = None;
    if title_info.1 != FIRST_LINE_TITLE
        && let Some(whole) = uncut_title(&doc, &title_info.0)
    {
        shown_title = Some(std::mem::replace(
            &mut title_info,
            (whole, "the whole of a cut-short headline"),
        ));
    }
    // A Weibo desktop post is headed by its 【】 lead, after its #topics#,
    // as its mobile page is: <title> is its first words and the account's
    // name ("… 来自平澜县公安局 - 微博"), the account's name a heading.
    if inlined.is_some()
        && let Some(lead) = sel(".WB_text")
            .and_then(|s| doc.select(&s).next())
            .map(text_of)
            .and_then(|t| bracket_lead(without_topics(&t)))
    {
        title_info = (lead, WEIBO_TITLE);
    }
    let raw = with_question(
        &doc,
        without_captions(&body(html, &doc), &image_captions(&doc)),
    );
    // A bilingual page (a foreign affairs office's notice) may head its
    // English version first: the Chinese heading is the title a Chinese
    // analyst looks for.
    if han(&title_info.0) == 0
        && han(&raw) >= 100
        && let Some(h) = headings(&doc)
            .into_iter()
            .find(|h| han(h) >= 6 && !looks_like_site_name(h))
    {
        title_info = (h, "the Chinese heading of a bilingual page");
    }
    // A video or note with no headline anywhere (its <title> the site's
    // name) is headed by its caption's first line, when that is a short
    // line above more text.
    if title_info.0.is_empty()
        && let Some(first) = caption_line(&doc)
    {
        title_info = (first, CAPTION_TITLE);
    }
    // A caption's first line stays in the caption it heads.
    let frame_title = if title_info.1 == CAPTION_TITLE || title_info.1 == FIRST_LINE_TITLE {
        ""
    } else {
        shown_title.as_ref().unwrap_or(&title_info).0.as_str()
    };
    let mut text =
        without_signature_and_replies(&without_translation(&trim_frame(&raw, frame_title, now)));
    // A flash item or post under a channel's <title> (电报 - 7×24小时快讯)
    // is headed by the 【】 lead its text opens with.
    // A post may open with its #topics# before the lead (#黎源供暖#
    // 【今冬供暖季延长…】).
    if matches!(title_info.1, TITLE_PART | "none")
        && let Some(lead) = bracket_lead(without_topics(&text)).filter(|l| l.chars().count() >= 8)
    {
        let after = text
            .split_once('】')
            .map(|(_, rest)| rest.trim_start().to_string())
            .unwrap_or_default();
        if letters(&after) > 0 {
            text = after;
            title_info = (lead, "the text's 【】 lead");
        }
    }
    // An app's H5 page may show a teaser and give the whole article only
    // in its JSON-LD (`articleBody`): that, when it is well over twice
    // what the page shows.
    if let Some(whole) = json_ld(&doc, "articleBody")
        .into_iter()
        .map(|b| clean_body(&html_to_text(&b)))
        .max_by_key(|b| letters(b))
        .filter(|b| letters(b) > 2 * letters(&text) && letters(b) >= SHORT_BODY)
    {
        text = whole;
        // Its headline too, where the page heads it only with a share
        // line (og:title …｜今晨新闻) or the app's name.
        if matches!(title_info.1, "og:title" | TITLE_PART | "none")
            && let Some(h) = json_ld(&doc, "headline")
                .into_iter()
                .map(|h| squash(&h))
                .find(|h| (4..=80).contains(&h.chars().count()))
        {
            title_info = (h, "the JSON-LD headline of the article it holds");
        }
    }
    // An app's share page shows placeholders until its script runs: its
    // article is in the page's state data.
    // (A notice to turn on JavaScript and an app banner are all it shows;
    // a short post with state data of its own keeps its own text.)
    // A note whose text box the script fills (its comments and related
    // notes are all the HTML shows): the state's object under the page's
    // own title is the note, when it holds more than was found.
    // A video whose caption the page's <title> or description repeats
    // (第一次带爸妈去看海。… - 抖趣) is the page's subject, however much
    // furniture (评论加载中, 打开App) the skeleton shows beside it.
    let shown = letters(&text);
    let announced = |a: &Article| {
        a.title.chars().count() >= 4
            && [
                Some(page_title(&doc)),
                meta(&doc, &["description", "og:description"]).map(|(_, v)| v),
            ]
            .into_iter()
            .flatten()
            .any(|t| t.contains(a.title.as_str()))
    };
    if let Some(article) = state_article(html, now).filter(|a| {
        let found = letters(&a.text);
        (shown < SKELETON_LETTERS && found > 2 * shown)
            || (a.title == title_info.0 && found > shown)
            || (shown < SKELETON_LETTERS && found > shown && announced(a))
    }) {
        return article;
    }
    let read_by = &shown_title.as_ref().unwrap_or(&title_info).0;
    let (published, date_evidence) = match date(&doc, html, read_by, &raw, &text, hints, now)
        // A page that shows only when it was edited (编辑于 12-04) keeps
        // its publication time in its state data, under the same title.
        .or_else(|| state_time_titled(html, &title_info.0, now))
        .map(|(t, why)| refined(t, why, html, &title_info.0, now))
    {
        Some((t, why)) => (Some(t), Some(why)),
        None => (None, None),
    };
    Article {
        title: title_info.0,
        title_from: title_info.1,
        text,
        published,
        date_evidence,
    }
}

/// A post on a university-style BBS (the SMTH/Firebird family), served
/// as its mail-like text in a `<pre>`: a header of 发信人, 标  题 and
/// 发信站 (with the post's time, as `Mon Dec  7 20:13:45 2026` or
/// `2026年12月07日20:13:45`), a blank line, the text, then a `--`
/// signature and ※ 来源/修改 lines. Its `<title>` is the site's and its
/// page a frame of other posts' times: the header says it all.
fn bbs_post(doc: &Html, now: DateTime<Utc>) -> Option<Article> {
    let pre = sel("pre")?;
    let text = doc
        .select(&pre)
        .map(|p| p.text().collect::<String>())
        .find(|t| t.contains("发信人") && t.contains("发信站"))?;
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let header_end = lines.iter().position(|l| l.trim().is_empty())?;
    let header = &lines[..header_end];
    let field = |name: &str| {
        header.iter().find_map(|l| {
            let squeezed: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            let rest = squeezed.strip_prefix(name)?;
            let rest = rest.strip_prefix([':', '：'])?;
            let at = l.find([':', '：'])?;
            let value = l[at..].trim_start_matches([':', '：']).trim();
            (!rest.is_empty()).then(|| value.to_string())
        })
    };
    let title = field("标题")?;
    let station = field("发信站")?;
    let stamp = station
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map(|(inside, _)| inside.trim().to_string())?;
    let published = dates::find_absolute(&stamp, now).or_else(|| ctime(&stamp));
    let mut body = Vec::new();
    for l in &lines[header_end + 1..] {
        let t = l.trim();
        // The signature's delimiter, the station's source and edit notes.
        if t == "--" || t.starts_with('※') {
            break;
        }
        // A reply quotes the post it answers: 【 在 … 的大作中提到: 】 and
        // lines under it opening with ": ".
        if t.starts_with("【 在") || t.starts_with(": ") || t == ":" {
            continue;
        }
        body.push(t);
    }
    let text = clean_body(&body.join("\n"));
    if title.is_empty() || letters(&text) == 0 {
        return None;
    }
    Some(Article {
        title: squash(&title),
        title_from: "the BBS post's 标题 line",
        text,
        published,
        date_evidence: published.map(|_| format!("the BBS post's 发信站 line: {station}")),
    })
}

/// A C `ctime` stamp as BBS software writes it (`Mon Dec  7 20:13:45
/// 2026`), in Beijing time.
fn ctime(stamp: &str) -> Option<DateTime<Utc>> {
    let squeezed = stamp.split_whitespace().collect::<Vec<_>>().join(" ");
    let naive = chrono::NaiveDateTime::parse_from_str(&squeezed, "%a %b %d %H:%M:%S %Y").ok()?;
    naive
        .and_local_timezone(crate::time::china())
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// CSS selectors an operator set on a source for its article pages
/// (compiled when the config was loaded); each one given overrides what
/// [`extract`] finds for that field.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selectors<'a> {
    /// The title element.
    pub title: Option<&'a Selector>,
    /// The body element.
    pub body: Option<&'a Selector>,
    /// The element holding the publication date.
    pub date: Option<&'a Selector>,
}

/// Extracts an article as [`extract`] does, then lets the source's
/// selectors override title, body and date where they match. A date read
/// through a selector must still be believable (not after `now`).
pub fn extract_with(
    html: &str,
    selectors: Selectors<'_>,
    hints: Hints<'_>,
    now: DateTime<Utc>,
) -> Article {
    let mut found = extract(html, hints, now);
    if selectors.title.is_none() && selectors.body.is_none() && selectors.date.is_none() {
        return found;
    }
    let doc = Html::parse_document(html);
    let pick = |sel: Option<&Selector>| -> Option<String> {
        let el = doc.select(sel?).next()?;
        Some(html_to_text(&el.html()))
    };
    if let Some(t) = pick(selectors.title)
        .map(|t| squash(&t))
        .filter(|t| !t.is_empty())
    {
        found.title = t;
        found.title_from = "title_selector";
    }
    if let Some(b) = pick(selectors.body) {
        found.text = clean_body(&b);
    }
    if let Some(d) = pick(selectors.date)
        && let Some(t) = dates::find_date(&d, now).filter(|t| *t <= now + Duration::hours(1))
    {
        found.published = Some(t);
        found.date_evidence = Some(format!("date_selector: {}", d.trim()));
    }
    found
}

/// Letters and digits in `s`: how long a body is, whatever its language.
pub fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(el: ElementRef<'_>) -> String {
    squash(&el.text().collect::<String>())
}

/// `content` of the first `<meta>` whose `name` or `property` (trimmed,
/// case-insensitive) is one of `names`, with the name it was found under.
fn meta(doc: &Html, names: &[&str]) -> Option<(String, String)> {
    let s = sel("meta[content]")?;
    for want in names {
        for m in doc.select(&s) {
            let e = m.value();
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"));
            if key.is_some_and(|k| k.trim().eq_ignore_ascii_case(want)) {
                let v = e.attr("content").unwrap_or("").trim();
                if !v.is_empty() {
                    return Some(((*want).to_string(), v.to_string()));
                }
            }
        }
    }
    None
}

/// Values of `key` in the page's JSON-LD blocks (top level, `@graph`, arrays).
fn json_ld(doc: &Html, key: &str) -> Vec<String> {
    fn walk(v: &serde_json::Value, key: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(s)) = m.get(key) {
                    out.push(s.clone());
                }
                for child in m.values() {
                    walk(child, key, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, key, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let Some(s) = sel("script[type='application/ld+json']") else {
        return out;
    };
    for script in doc.select(&s) {
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
            walk(&v, key, &mut out);
        }
    }
    out
}

// ---------------------------------------------------------------- titles

/// Separators between a title and its site or channel names.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", "|", "｜", " - ", " – ", " — ", "——", "--", "_", "-", " :: ", "»",
];

/// Words that make a heading a site, portal or channel name, not a title.
const SITE_WORDS: &[&str] = &[
    "人民政府",
    "政府网",
    "门户网站",
    "新闻中心",
    "新闻网",
    "论坛",
    "首页",
    "网站",
    "频道",
    "Powered by",
];

/// A site's column names, which head its article pages above the
/// article's own title (新聞公報 over the release's headline).
const COLUMN_NAMES: &[&str] = &[
    "通知公告",
    "通知通告",
    "新闻公报",
    "新聞公報",
    "新闻动态",
    "新聞動態",
    "工作动态",
    "政务动态",
    "新闻发布",
    "新聞發布",
    "信息公开",
    "政策解读",
    "公示公告",
    "新闻中心",
    "新聞中心",
];

fn looks_like_site_name(s: &str) -> bool {
    if COLUMN_NAMES.contains(&s) {
        return true;
    }
    let n = s.chars().count();
    // A court's or procuratorate's name alone is its site's (澄州市中级人民法院),
    // and so is a school's, a hospital's (荻州市第七中学 - 通知公告) or a firm's.
    let institution = [
        "人民法院",
        "人民检察院",
        "中学",
        "小学",
        "学校",
        "幼儿园",
        "医院",
        "卫生院",
        // A firm's name alone is its website's (瀛平水务集团有限公司).
        "有限公司",
        "有限责任公司",
        "集团",
    ]
    .iter()
    .any(|w| s.ends_with(w));
    // A hotline's or a platform's name (雁岭市12345政务服务便民热线).
    // A hall's (柘川县网上信访大厅, 政务服务网上办事大厅) too.
    let service = [
        "热线",
        "服务平台",
        "网上信访",
        "信访大厅",
        "办事大厅",
        "服务大厅",
        // A media app's share page titled by the app (民本日报客户端).
        "客户端",
        "APP",
        "App",
    ]
    .iter()
    .any(|w| s.ends_with(w));
    n <= 16
        && (SITE_WORDS.iter().any(|w| s.contains(w))
            || s.ends_with('网')
            || institution
            || service
            || AGENCY_ENDINGS.iter().any(|w| s.ends_with(w)))
}

/// Endings of a government department's name, which alone is its site's
/// (郯川市市场监督管理局 after the column in `<title>`). Whole endings, so a
/// headline's 新格局 or 开局 is not one.
const AGENCY_ENDINGS: &[&str] = &[
    "管理局",
    "监督局",
    "公安局",
    "教育局",
    "民政局",
    "财政局",
    "保障局",
    "环境局",
    "运输局",
    "建设局",
    "规划局",
    "农村局",
    "水利局",
    "水务局",
    "税务局",
    "商务局",
    "统计局",
    "审计局",
    "旅游局",
    "司法局",
    "信访局",
    "资源局",
    "林业局",
    "体育局",
    "气象局",
    "科技局",
    "改革委员会",
    "发展改革委",
    "健康委员会",
    "卫健委",
    "教育厅",
    "公安厅",
    "人大常委会",
];

/// `<title>` split into its parts, longest first isn't assumed: in order.
fn title_segments(t: &str) -> Vec<String> {
    let mut parts = vec![t.to_string()];
    for sep in TITLE_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| squash(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// True when `el` sits in page furniture (navigation, sidebars, footers,
/// comments) by its own or an ancestor's tag, class or id.
fn in_furniture(el: ElementRef<'_>) -> bool {
    const MARKS: &[&str] = &[
        "nav",
        "side",
        "hot",
        "foot",
        "related",
        "comment",
        "recommend",
        "rank",
        "menu",
        "logo",
        "crumb",
        "position",
        "share",
        "banner",
        "header-nav",
        "aside",
    ];
    let mut node = Some(el);
    while let Some(e) = node {
        let v = e.value();
        // The page's own classes describe the whole page, not a part of
        // it: a WeChat article's <body> is `comment_feature discuss_tab`.
        if matches!(v.name(), "body" | "html") {
            break;
        }
        if matches!(v.name(), "nav" | "footer" | "aside") {
            return true;
        }
        let cls = format!(
            "{} {}",
            v.attr("class").unwrap_or(""),
            v.attr("id").unwrap_or("")
        )
        .to_ascii_lowercase();
        // A class naming the main column beside the sidebar (side-main,
        // main-side) or the whole page (share-video-page) is no furniture,
        // whatever else it says.
        let furniture_word = |token: &str| {
            let words: Vec<&str> = token.split(['_', '-']).collect();
            !words.iter().any(|w| matches!(*w, "main" | "page"))
                && words.iter().any(|w| MARKS.contains(w))
        };
        if cls.split(' ').any(furniture_word) {
            return true;
        }
        node = e.parent().and_then(ElementRef::wrap);
    }
    false
}

/// Elements named for the page's headline (a press release's
/// `#PRHeadlineSpan`).
const HEADLINE_ELEMENTS: &str = "[id*='Headline'], [id*='headline'], [class*='headline']";

/// Candidate headings in document order: `h1`–`h3` and elements whose
/// class or id says title, that are not links alone nor furniture.
fn headings(doc: &Html) -> Vec<String> {
    let Some(s) = sel(&format!(
        "h1, h2, h3, #thread_subject, #activity-name, [class*='title'], [class*='Title'], \
         [class*='biaoti'], [class*='tit'], [id*='title'], .bt, {HEADLINE_ELEMENTS}"
    )) else {
        return Vec::new();
    };
    let Some(a) = sel("a") else {
        return Vec::new();
    };
    let Some(inner_heading) = sel("h1, h2, h3") else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for el in doc.select(&s) {
        if matches!(
            el.value().name(),
            "title" | "meta" | "head" | "html" | "body"
        ) {
            continue;
        }
        let t = text_of(el);
        let n = t.chars().count();
        if !(4..=80).contains(&n) || in_furniture(el) || side_title(el) {
            continue;
        }
        // The head of the comments or of a list of other posts, or a
        // channel's bar holding its breadcrumb (医院新闻 您的位置：首页 > …).
        if SECTION_HEADS.iter().any(|w| t.starts_with(w))
            || CRUMB_WORDS.iter().any(|w| t.contains(w))
        {
            continue;
        }
        // A logo or channel link dressed as a heading.
        let link_text: usize = el.select(&a).map(|l| text_of(l).chars().count()).sum();
        if link_text * 2 > n {
            continue;
        }
        // Containers with a whole article inside are not headings.
        if el.children().filter(|c| c.value().is_element()).count() > 6 {
            continue;
        }
        // A label (滚动新闻：, 相关链接：) heads what follows it, and a box
        // (`div.content-title`) holding the <h3> and its byline is not the
        // heading: the <h3> inside is.
        if t.ends_with(['：', ':']) || el.select(&inner_heading).next().is_some() {
            continue;
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// The parts of the page's breadcrumb (您现在的位置：首页 > 案件发布 > 正文):
/// its channels' names.
fn breadcrumb_parts(doc: &Html) -> Vec<String> {
    let Some(body) = sel("body").and_then(|s| doc.select(&s).next()) else {
        return Vec::new();
    };
    html_to_text(&body.html())
        .lines()
        .filter_map(|l| {
            let w = CRUMB_WORDS.iter().find(|w| l.contains(**w))?;
            let (_, rest) = l.split_once(*w)?;
            Some(rest.to_string())
        })
        .flat_map(|rest| {
            rest.split(['>', '＞', '›', '»', '/', '：', ':'])
                .map(squash)
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// What a page's own section heads begin with: the comments', and the
/// lists of other articles'.
const SECTION_HEADS: &[&str] = &[
    "全部评论",
    "热门评论",
    "最新评论",
    "网友评论",
    "评论区",
    "相关推荐",
    "相关阅读",
    "猜你喜欢",
    "热点推荐",
];

/// Class and id words of a headline's 引题 (kicker above it) or 副题
/// (subtitle below it), as newspapers' pages name them.
const SIDE_TITLE_WORDS: &[&str] = &[
    "yinti",
    "futi",
    "fubiaoti",
    "pretitle",
    "pre-title",
    "pre_title",
    "subtitle",
    "sub-title",
    "sub_title",
    "kicker",
];

/// True for a newspaper headline's 引题 or 副题 (`<h3 class="yinti">`):
/// it stands beside the title, often first, and is not the title.
fn side_title(el: ElementRef<'_>) -> bool {
    let v = el.value();
    v.classes()
        .chain(v.id())
        .map(str::to_ascii_lowercase)
        .any(|c| SIDE_TITLE_WORDS.iter().any(|w| c.contains(w)))
}

/// `h` without a leading tag in brackets ([路线分享], 【原创】).
fn strip_tag(h: &str) -> &str {
    for (open, close) in [('[', ']'), ('【', '】')] {
        if let Some(rest) = h.strip_prefix(open)
            && let Some(at) = rest.find(close)
        {
            return rest[at + close.len_utf8()..].trim();
        }
    }
    h
}

/// True when an element in the page's body holds `text` and nothing else.
fn shown_whole(doc: &Html, text: &str) -> bool {
    // From the text nodes that begin it, up a few elements (the headline
    // split over spans): not every element's whole text, which on a big
    // page is quadratic.
    let head: String = text.chars().take(4).collect();
    doc.tree.nodes().any(|node| {
        let starts = node
            .value()
            .as_text()
            .is_some_and(|t| t.trim_start().starts_with(head.as_str()));
        starts
            && node
                .ancestors()
                .take(3)
                .filter_map(ElementRef::wrap)
                .filter(|el| !matches!(el.value().name(), "script" | "style" | "title" | "head"))
                // The site's name in its logo is no headline shown.
                .any(|el| text_of(el) == text && !in_furniture(el))
    })
}

/// Labels of a record's title cell.
const TITLE_LABELS: &[&str] = &[
    "标题",
    "诉求标题",
    "信访标题",
    "留言标题",
    "问题标题",
    "来信标题",
    "工单标题",
    "投诉标题",
    "事项标题",
];

/// The value beside a cell labelled as a record's title ([`TITLE_LABELS`],
/// with or without its colon): the next cell, when it holds a title's
/// length of text (a list's 标题 | 日期 header holds none).
fn labelled_title(doc: &Html, now: DateTime<Utc>) -> Option<String> {
    let cells = sel("th, td, dt, label")?;
    doc.select(&cells).find_map(|el| {
        let label = text_of(el);
        let label = label.trim_end_matches(['：', ':']).trim();
        if !TITLE_LABELS.contains(&label) || in_furniture(el) {
            return None;
        }
        let value = el.next_siblings().find_map(ElementRef::wrap).map(text_of)?;
        let n = value.chars().count();
        ((6..=80).contains(&n) && dates::find_absolute(&value, now).is_none()).then_some(value)
    })
}

/// A title that is a post's whole text, shortened to its headline: its
/// 【】 lead when one opens it (【…今起恢复营业】今天上午9点，…), or its first
/// sentence when it runs on past one (a video's caption: 村晚开始彩排了。全村…).
fn headline_of_post(t: &str) -> Option<String> {
    if let Some(lead) = bracket_lead(t) {
        let after = t.split_once('】').map_or("", |(_, r)| r).trim();
        if after.chars().count() >= 15 && after.contains(['，', '。', '！']) {
            return Some(lead);
        }
    }
    let (first, rest) = t.split_once('。')?;
    (first.chars().count() >= 6 && rest.trim().chars().count() >= 6 && !first.contains('【'))
        .then(|| first.trim().to_string())
}

/// The title and where it came from.
/// `s` without its quote marks and book-title marks.
/// True when `short` is `long` without a stretch of one to eight
/// characters inside it, at least two characters of `short` on each side.
fn inner_stretch_dropped(short: &str, long: &str) -> bool {
    let (s, l): (Vec<char>, Vec<char>) = (short.chars().collect(), long.chars().collect());
    let extra = l.len().saturating_sub(s.len());
    if !(1..=8).contains(&extra) {
        return false;
    }
    let head = s.iter().zip(&l).take_while(|(a, b)| a == b).count();
    head >= 2 && s.len() - head >= 2 && l[head + extra..] == s[head..]
}

/// The text of the page's `<title>` (empty when it has none).
fn page_title(doc: &Html) -> String {
    sel("title")
        .and_then(|s| doc.select(&s).next())
        .map(text_of)
        .unwrap_or_default()
}

fn unquoted(s: &str) -> String {
    s.chars()
        .filter(|c| !"“”‘’\"'「」『』《》".contains(*c))
        .collect()
}

fn title(
    doc: &Html,
    html: &str,
    list_title: Option<&str>,
    now: DateTime<Utc>,
) -> (String, &'static str) {
    let og = meta(doc, &["og:title", "twitter:title", "ArticleTitle", "title"])
        .map(|(_, v)| squash(&v))
        .or_else(|| {
            json_ld(doc, "headline")
                .into_iter()
                .next()
                .map(|h| squash(&h))
        })
        .or_else(|| enp_property(html, "title"))
        .filter(|t| !looks_like_site_name(t));
    let doc_title = page_title(doc);
    let segments = title_segments(&doc_title);
    // A record laid out as label | value cells (a work order's 诉求标题, a
    // letter's 信访标题): the labelled cell is its title, whatever the
    // page's heading (工单详情) and <title> say.
    if let Some(t) = labelled_title(doc, now) {
        return (t, "the cell labelled as the title");
    }
    let heads = headings(doc);
    // A CMS may drop the quote marks of a headline in its metadata
    // (ArticleTitle 关于…最美家庭…的公示 for the heading's “最美家庭”): the
    // heading shows the title as written. (Where both have them, in two
    // styles, og:title is the one other readers give.)
    // So may it drop a stretch inside the headline (关于开展春季…的通知 for
    // the heading's 关于开展2027年春季…的通知): the heading, which has
    // the metadata's opening and ending around it, is the title as shown.
    let og_is = |h: &str| {
        og.as_deref().is_some_and(|o| {
            let (bare_o, bare_h) = (unquoted(o), unquoted(h));
            (bare_o == bare_h && bare_o.len() == o.len() && bare_h.len() < h.len())
                || inner_stretch_dropped(o, h)
        })
    };
    let agrees = |h: &str| {
        let n = h.chars().count();
        og.as_deref()
            .is_some_and(|o| o == h || og_is(h) || (n >= 6 && o.contains(h)))
            || segments.iter().any(|s| s == h)
            || (n >= 6 && doc_title.contains(h))
    };
    // Without og:title, <title>'s first part is the article's and the
    // later ones its channel's and site's: a heading that is the first
    // part (after a thread's [路线分享] tag, if any) beats one that is the
    // channel's (户外运动). A status badge before it in the heading
    // (已回复, 置顶) is no part of it.
    let badged = |h: &str, first: &str| {
        h.strip_suffix(first)
            .is_some_and(|badge| (1..=4).contains(&badge.chars().count()))
    };
    if og.is_none()
        && segments.len() >= 2
        && let Some(first) = segments
            .first()
            .filter(|f| f.chars().count() >= 6 && !looks_like_site_name(f))
        && heads
            .iter()
            .any(|h| strip_tag(h) == first.as_str() || badged(h, first))
    {
        return (first.clone(), "heading agreeing with <title>'s first part");
    }
    // A heading that is og:title exactly beats one that is only part of it
    // (a column's 政府信息公开 above the report's own title).
    if let Some(h) = heads
        .iter()
        .find(|h| og.as_deref() == Some(h.as_str()))
        .or_else(|| heads.iter().find(|h| og_is(h)))
    {
        return (h.clone(), "heading agreeing with og:title/<title>");
    }
    // A channel's name the breadcrumb gives (首页 > 新闻中心 > 医院新闻)
    // heads a sidebar box, and <title> names it before the site's: it is
    // no title of the page. The page's text is read for its breadcrumb
    // only when a heading agrees, not for every page.
    let crumbs = std::cell::OnceCell::new();
    let crumbed = |h: &String| crumbs.get_or_init(|| breadcrumb_parts(doc)).contains(h);
    if let Some(h) = heads
        .iter()
        .find(|h| agrees(h) && !looks_like_site_name(h) && !crumbed(h))
    {
        // A channel's name heading a sidebar box (警情通报), which <title>
        // names too, is a part of the page's own <h1> (滨海分局关于…的警情通报).
        if h.chars().count() <= 8
            && let Some(h1) = sel("h1").and_then(|s| {
                doc.select(&s)
                    .filter(|e| !in_furniture(*e))
                    .map(text_of)
                    .find(|t| {
                        t.len() > h.len() && t.contains(h.as_str()) && t.chars().count() <= 80
                    })
            })
        {
            return (h1, "the <h1> holding the heading <title> names");
        }
        return (h.clone(), "heading agreeing with og:title/<title>");
    }
    if let Some(o) = og {
        // og:title without the site's name after it (…三句半都有。-瞬拍).
        let own = title_segments(&o)
            .into_iter()
            .next()
            .filter(|f| f.chars().count() >= 6)
            .unwrap_or_else(|| o.clone());
        if let Some(h) = headline_of_post(&own) {
            return (h, "og:title, a post's headline");
        }
        return (o, "og:title");
    }
    // A <title> that is the site's name and slogan (映刻 - 记录每一刻), as
    // its description says too, names no page.
    let site = meta(doc, &["og:site_name"]).map(|(_, v)| squash(&v));
    let description = meta(doc, &["description"]).map(|(_, v)| squash(&v));
    let sites_own = segments.len() >= 2
        && site.as_ref().is_some_and(|s| segments.contains(s))
        && description.as_deref() == Some(squash(&doc_title).as_str());
    // The longest part of <title> that is not the site's or channel's name.
    let best_segment = segments
        .iter()
        .filter(|s| !sites_own && !looks_like_site_name(s) && s.chars().count() >= 4)
        .max_by_key(|s| s.chars().count());
    // A part of <title> that an element of the page shows whole is the
    // title, whatever that element's tag or (hashed) class: self-media
    // pages write their headline in a plain div, and the page's h3s head
    // its sidebars (作者最新文章).
    if let Some(s) = best_segment.filter(|s| s.chars().count() >= 6 && shown_whole(doc, s)) {
        return (s.clone(), "<title> shown on the page");
    }
    // A title-less post whose <title> is its first lines: the headline is
    // the 【…】 lead it opens with, when the post shows it.
    if let Some(lead) = bracket_lead(&doc_title).filter(|l| opens_a_text(doc, &format!("【{l}】")))
    {
        return (lead, "the post's 【】 lead in <title>");
    }
    // A title-less post whose <title> is its first lines cut short
    // (接驳公交终于开通了！今天一早特意去坐了一趟，K1路从东站…): the headline
    // is its first line, when the post opens with it.
    if let Some(first) = best_segment
        .filter(|s| s.ends_with("...") || s.ends_with('…'))
        .and_then(|s| first_sentence(s))
        .filter(|f| opens_a_text(doc, f))
    {
        return (first, FIRST_LINE_TITLE);
    }
    // A heading of the page beats a <title> that agrees with nothing: the
    // page's <h1> or its element named for the headline (a press
    // release's #PRHeadlineSpan) first, before a sidebar's box title
    // (新聞公報日期) above it.
    // (An <h1> only when it is the page's one: a book's chapter heads
    // its sections with them.)
    let h1s: Vec<String> = sel("h1")
        .map(|s| doc.select(&s).map(text_of).collect())
        .unwrap_or_default();
    let mut marked: Vec<String> = sel(HEADLINE_ELEMENTS)
        .map(|s| doc.select(&s).map(text_of).collect())
        .unwrap_or_default();
    if h1s.len() == 1 {
        marked.extend(h1s);
    }
    let plausible = |h: &&String| !looks_like_site_name(h) && h.chars().count() >= 5;
    if let Some(h) = heads
        .iter()
        .filter(plausible)
        .find(|h| marked.contains(h))
        .or_else(|| heads.iter().find(plausible))
    {
        return (h.clone(), "heading");
    }
    if let Some(s) = best_segment {
        return (s.clone(), TITLE_PART);
    }
    match list_title.map(squash).filter(|t| !t.is_empty()) {
        Some(t) => (t, "list link text"),
        None => (String::new(), "none"),
    }
}

/// The page's whole headline where `title` ends cut short (… or ...): a
/// JSON-LD `name` or `headline`, else the text of an element, that begins
/// with what `title` shows and goes on, as a headline (no full stop, at
/// most 80 characters; a `标题：` label before it dropped).
fn uncut_title(doc: &Html, title: &str) -> Option<String> {
    let shown = title.trim_end_matches(['.', '…', '。', ' ']);
    if shown.len() == title.len() || shown.chars().count() < 6 {
        return None;
    }
    let whole = |t: &str| {
        let t = squash(t);
        let t = t
            .strip_prefix("标题：")
            .or_else(|| t.strip_prefix("标题:"))
            .unwrap_or(&t)
            .trim()
            .to_string();
        (t.len() > shown.len()
            && t.starts_with(shown)
            && t.chars().count() <= 80
            && !t.contains('。')
            && !t.ends_with(['.', '…']))
        .then_some(t)
    };
    json_ld(doc, "name")
        .into_iter()
        .chain(json_ld(doc, "headline"))
        .find_map(|t| whole(&t))
        .or_else(|| {
            let cells = sel("td, th, div, p, span, strong, h1, h2, h3, h4, li")?;
            doc.select(&cells)
                .filter(|e| !in_furniture(*e))
                .find_map(|e| whole(&text_of(e)))
        })
}

/// The first sentence of `s` through its end mark (！。？), six to forty
/// characters.
fn first_sentence(s: &str) -> Option<String> {
    let end = s.find(['！', '。', '？', '!', '?'])?;
    let mark = s[end..].chars().next()?;
    let first = &s[..end + mark.len_utf8()];
    (6..=40)
        .contains(&first.chars().count())
        .then(|| first.to_string())
}

/// True when a text of the page's body (not its `<title>` or scripts)
/// begins with `lead`.
fn opens_a_text(doc: &Html, lead: &str) -> bool {
    doc.tree.nodes().any(|node| {
        node.value()
            .as_text()
            .is_some_and(|t| t.trim_start().starts_with(lead))
            && node
                .parent()
                .and_then(ElementRef::wrap)
                .is_some_and(|el| !matches!(el.value().name(), "script" | "style" | "title"))
    })
}

/// Where a title read from a caption's first line came from.
const CAPTION_TITLE: &str = "the caption's first line";

/// How [`title`] names a post's first line read from a cut-short
/// `<title>`: the line stays in the post's text, which it opens.
const FIRST_LINE_TITLE: &str = "the post's first line in a cut-short <title>";

/// The first line of the page's caption (an element whose class says
/// `caption` or `desc`, outside furniture, list rows and comments) as a
/// headline: six to forty characters, not a sentence ending in 。, with
/// more text below it.
fn caption_line(doc: &Html) -> Option<String> {
    let classed = sel("[class]")?;
    let el = doc.select(&classed).find(|el| {
        el.value().attr("class").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            c.split_whitespace()
                .any(|w| matches!(w, "caption" | "desc" | "video-caption" | "video-desc"))
        }) && !in_furniture(*el)
            && !in_list_row_or_reply(*el)
    })?;
    let text = html_to_text(&el.html());
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = squash(lines.next()?);
    let n = first.chars().count();
    ((6..=40).contains(&n) && !first.ends_with(['。', '.']) && lines.next().is_some())
        .then_some(first)
}

/// Longest caption under a photo, in characters: a longer text beside an
/// image is a paragraph.
const CAPTION_CHARS: usize = 80;

/// The texts of captions under the page's photos: a `figcaption`, an
/// element whose class says `caption` or `desc` (image-caption, img-desc,
/// image_desc) beside an image, or a centred line under a paragraph that
/// holds only an image (周海宁在城关镇液化气供应站检查燃气储存安全 on a
/// government portal). They sit inside the body's container, and no
/// reader copies them into the text. A video's or note's caption is its
/// text: an image inside a player does not count.
fn image_captions(doc: &Html) -> Vec<String> {
    let Some(candidates) = sel("figcaption, [class], p") else {
        return Vec::new();
    };
    let Some(img) = sel("img") else {
        return Vec::new();
    };
    let photo_in = |el: ElementRef<'_>| {
        (el.value().name() == "img" || el.select(&img).next().is_some())
            && !el
                .ancestors()
                .filter_map(ElementRef::wrap)
                .chain([el])
                .any(|a| {
                    a.value().attr("class").is_some_and(|c| {
                        let c = c.to_ascii_lowercase();
                        c.contains("video") || c.contains("player")
                    })
                })
    };
    let only_photo = |el: ElementRef<'_>| photo_in(el) && letters(&text_of(el)) == 0;
    let mut out = Vec::new();
    for el in doc.select(&candidates) {
        // The element's own marks first: its text is gathered only then.
        let name = el.value().name();
        let classed = el.value().attr("class").is_some_and(|c| {
            c.to_ascii_lowercase().split_whitespace().any(|w| {
                w.contains("caption")
                    || w.ends_with("desc")
                    || w.ends_with("-note")
                    || w.ends_with("_note")
            })
        });
        let centred = name == "p"
            && (el
                .value()
                .attr("align")
                .is_some_and(|a| a.eq_ignore_ascii_case("center"))
                || el
                    .value()
                    .attr("style")
                    .is_some_and(|s| s.replace(' ', "").contains("text-align:center")));
        if name != "figcaption" && !classed && !centred {
            continue;
        }
        let text = text_of(el);
        if text.is_empty() || text.chars().count() > CAPTION_CHARS {
            continue;
        }
        let previous = el.prev_siblings().find_map(ElementRef::wrap);
        let parent = el.parent().and_then(ElementRef::wrap);
        let caption = match name {
            "figcaption" => parent.is_some_and(photo_in),
            // Under its photo: a line above one introduces it (a bulletin
            // posted as an image has only that line for its text).
            _ if classed => el
                .prev_siblings()
                .filter_map(ElementRef::wrap)
                .any(photo_in),
            _ => previous.is_some_and(only_photo) && !text.ends_with('。'),
        };
        if caption {
            out.push(text);
        }
    }
    out
}

/// Classes of a Q&A page's question text, which stands apart from the
/// answers the body was read from.
const QUESTION_CLASSES: &[&str] = &[
    "question-text",
    "question-detail",
    "question-content",
    "question-desc",
    "q-content",
    "ask-content",
    "ask-detail",
];

/// The body of a Q&A page headed by its question's text, which a reader
/// takes with the best answer, when the body read holds only the answer.
fn with_question(doc: &Html, body: String) -> String {
    let Some(s) = sel(&QUESTION_CLASSES
        .iter()
        .map(|c| format!(".{c}"))
        .collect::<Vec<_>>()
        .join(", "))
    else {
        return body;
    };
    let Some(question) = doc
        .select(&s)
        .find(|el| !in_furniture(*el))
        .map(|el| clean_body(&html_to_text(&el.html())))
        .filter(|q| letters(q) >= 10)
    else {
        return body;
    };
    let first = question.lines().next().unwrap_or_default();
    if body.contains(first) {
        return body;
    }
    format!("{question}\n{body}")
}

/// `text` without the lines that are the page's photo captions, unless
/// too little would be left (then the captions may be all there is).
fn without_captions(text: &str, captions: &[String]) -> String {
    if captions.is_empty() {
        return text.to_string();
    }
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !captions.iter().any(|c| c == &squash(l)))
        .collect();
    if kept.len() == text.lines().count() || letters(&kept.join("")) < 2 * SHORT_BODY {
        return text.to_string();
    }
    kept.join("\n")
}

/// How [`title`] names a part of `<title>` that nothing on the page shows.
const TITLE_PART: &str = "<title> without site suffix";

/// How [`weibo_status`] names where its title came from.
const WEIBO_TITLE: &str = "the post's 【】 lead (Weibo page data)";

/// How [`weibo_status`] names a title that is the post's first sentence.
const WEIBO_STATUS_TITLE: &str = "the post's first sentence (Weibo page data status_title)";

/// A Weibo status page (m.weibo.cn) keeps its post in a script,
/// `var $render_data = [{"status": {…}}][0] || {};`, and its HTML shows
/// none of it until that script runs. The post's text (with what it
/// reposts), its time and its 【…】 lead are read from there.
fn weibo_status(html: &str, now: DateTime<Utc>) -> Option<Article> {
    let at = html.find("$render_data")?;
    let rest = &html[at..];
    let start = rest.find(['[', '{'])?;
    // The first JSON value only: the script goes on with `[0] || {};`.
    let data: serde_json::Value = serde_json::Deserializer::from_str(&rest[start..])
        .into_iter()
        .next()?
        .ok()?;
    let status = data
        .get(0)
        .unwrap_or(&data)
        .get("status")
        .filter(|s| s.is_object())?;
    let text_of_status = |s: &serde_json::Value| {
        s.get("text")
            .and_then(serde_json::Value::as_str)
            .map(weibo_text)
            .unwrap_or_default()
    };
    let own = text_of_status(status);
    let reposted = status
        .get("retweeted_status")
        .map(text_of_status)
        .unwrap_or_default();
    let (title, text, title_from) = match bracket_lead(&own) {
        Some(lead) => {
            let after = own
                .split_once('】')
                .map_or(own.as_str(), |(_, rest)| rest)
                .trim_start();
            (lead, after.to_string(), WEIBO_TITLE)
        }
        // Weibo's own heading for a post without one: its first sentence,
        // which the page data gives as `status_title`.
        None => {
            let heading = status
                .get("status_title")
                .and_then(serde_json::Value::as_str)
                .map(|t| squash(t.trim()))
                .filter(|t| (2..=60).contains(&t.chars().count()) && own.contains(t.as_str()))
                .unwrap_or_default();
            let from = if heading.is_empty() {
                "none"
            } else {
                WEIBO_STATUS_TITLE
            };
            (heading, own, from)
        }
    };
    let text = [text.as_str(), reposted.as_str()]
        .iter()
        .filter(|t| !t.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    let text = trim_frame(&clean_body(&text), &title, now);
    if letters(&text) == 0 {
        return None;
    }
    let published = status
        .get("created_at")
        .and_then(serde_json::Value::as_str)
        .and_then(|v| {
            // `Sat Dec 05 19:48:06 +0800 2026`, as Twitter wrote it.
            DateTime::parse_from_str(v, "%a %b %d %H:%M:%S %z %Y")
                .ok()
                .map(|t| (t.with_timezone(&Utc), v))
        })
        .filter(|(t, _)| *t <= now + Duration::hours(1));
    Some(Article {
        title_from,
        title,
        text,
        published: published.map(|(t, _)| t),
        date_evidence: published.map(|(_, v)| format!("Weibo page data created_at = {v}")),
    })
}

/// Fewer letters than this on a page with app state, and the state's
/// article, when twice as long, is read instead.
const SKELETON_LETTERS: usize = 200;

/// Scripts that hold a single-page app's state as JSON, by what precedes
/// the value.
const STATE_SCRIPTS: &[&str] = &[
    "window.__INITIAL_DATA__",
    "window.__INITIAL_STATE__",
    "window._SSR_DATA",
    "window.__PRELOADED_STATE__",
    // (Also a mini-program's H5 share page: `window.__DATA__ = {…}`, an
    // empty #app.)
    "window.__DATA__",
    "window.INIT_STATE",
    "window.__APOLLO_STATE__",
    // A news portal's article page whose script writes the article in
    // (腾讯新闻-like).
    "window.DATA =",
    "window.DATA=",
    // A portal's article page that keeps the article's record in a page
    // variable (凤凰网-like: `var allData = {"docData": {"newsTime": …}}`).
    "var allData =",
    "var allData=",
    "id=\"__NEXT_DATA__\"",
    // Nuxt 3's payload: a devalue-flattened array (see [`unflatten`]).
    "id=\"__NUXT_DATA__\"",
    // URL-encoded JSON (a short-video app's share page).
    "id=\"RENDER_DATA\"",
];

/// Keys of a short video's or photo post's caption in app state: it has
/// no title of its own; its first line heads it.
const STATE_CAPTION_KEYS: &[&str] = &["desc", "caption"];

/// A video channel's feed keeps its caption one level down, beside its
/// media and place (`"objectDesc": {"description": "…"}`), and its time
/// on the feed itself (`createtime`).
fn feed_caption(map: &serde_json::Map<String, serde_json::Value>) -> Option<&str> {
    map.get("objectDesc")?.get("description")?.as_str()
}

/// Keys of an article's text in app state, and of its publication time
/// (most telling first: a `create` time may be the draft's).
const STATE_TEXT_KEYS: &[&str] = &["content", "contentHtml", "articleContent", "body", "text"];
const STATE_TIME_KEYS: &[&str] = &[
    "pubTimeStr",
    "publishTimeStr",
    "pubTime",
    "publishTime",
    "publish_time",
    "pubtime",
    "pub_time",
    "pubDate",
    "publishDate",
    "releaseTime",
    "newsTime",
    "createTime",
    "create_time",
    "createtime",
    "ptime",
    "timestamp",
    "time",
];

/// The longest text of an article object in app state: under one of
/// [`STATE_TEXT_KEYS`], or one level down (`"originContent": {"text": …}`).
fn state_text(
    map: &serde_json::Map<String, serde_json::Value>,
) -> Option<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let own = STATE_TEXT_KEYS.iter().filter_map(|k| map.get(*k)?.as_str());
    let nested = map
        .values()
        .filter_map(serde_json::Value::as_object)
        .flat_map(|m| STATE_TEXT_KEYS.iter().filter_map(|k| m.get(*k)?.as_str()));
    // A mini-program's article as a list of paragraphs (`"paragraphs":
    // ["居民朋友们…", "…"]`).
    let listed = STATE_PARAGRAPH_KEYS.iter().filter_map(|k| {
        let items = map.get(*k)?.as_array()?;
        let lines: Option<Vec<&str>> = items.iter().map(serde_json::Value::as_str).collect();
        lines
            .filter(|l| !l.is_empty())
            .map(|l| Cow::Owned(l.join("\n")))
    });
    own.chain(nested)
        .map(Cow::Borrowed)
        .chain(listed)
        .max_by_key(|t| t.len())
}

/// Keys of an article's headline in app state: a news app's detail record
/// may name it `name` (`"detailData": {"name": "…", "content": "…"}`).
const STATE_TITLE_KEYS: &[&str] = &["title", "headline", "name"];

/// The headline of an object of app state, under the first of
/// [`STATE_TITLE_KEYS`] it has.
fn state_title(map: &serde_json::Map<String, serde_json::Value>) -> Option<&str> {
    STATE_TITLE_KEYS.iter().find_map(|k| map.get(*k)?.as_str())
}

/// Keys of an article's text in app state given as a list of paragraphs.
const STATE_PARAGRAPH_KEYS: &[&str] = &["paragraphs", "contents", "contentList"];

/// The article in a page's app state (`window.__INITIAL_DATA__ = {…}`):
/// the object holding a title and the longest text, its time from its own
/// keys. Read only when the page's HTML shows no text of its own.
fn state_article(html: &str, now: DateTime<Utc>) -> Option<Article> {
    /// What an object of the state holds: an article (a title and its
    /// text) or a video's caption with its own time; scored by the text's
    /// length.
    fn candidate(map: &serde_json::Map<String, serde_json::Value>) -> usize {
        let longest = |keys: &[&str]| {
            keys.iter()
                .filter_map(|k| map.get(*k)?.as_str())
                .map(str::len)
                .max()
                .unwrap_or(0)
        };
        let titled = state_title(map).is_some_and(|t| (4..=80).contains(&t.chars().count()));
        if titled {
            // A titled note whose text is its caption (desc) counts too.
            return state_text(map).map_or_else(|| longest(STATE_CAPTION_KEYS), |t| t.len());
        }
        // A caption counts only beside its post's time: a related video's
        // caption has one too, but a shorter text wins less often than the
        // post's, which the page is about.
        let timed = STATE_TIME_KEYS.iter().any(|k| map.contains_key(*k));
        if timed {
            longest(STATE_CAPTION_KEYS).max(feed_caption(map).map_or(0, str::len))
        } else {
            0
        }
    }
    fn walk<'v>(v: &'v serde_json::Value, best: &mut Option<(usize, &'v serde_json::Value)>) {
        match v {
            serde_json::Value::Object(map) => {
                let size = candidate(map);
                if size > best.map_or(0, |(s, _)| s) {
                    *best = Some((size, v));
                }
                map.values().for_each(|c| walk(c, best));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|c| walk(c, best)),
            _ => {}
        }
    }
    let states = state_values(html);
    let mut best = None;
    for data in &states {
        walk(data, &mut best);
    }
    let (_, article) = best?;
    let (title, text, title_from) = match article.as_object().and_then(state_title) {
        Some(title) => {
            let title = squash(title);
            let map = article.as_object()?;
            let content = state_text(map).or_else(|| {
                STATE_CAPTION_KEYS
                    .iter()
                    .filter_map(|k| map.get(*k)?.as_str())
                    .max_by_key(|t| t.len())
                    .map(std::borrow::Cow::Borrowed)
            })?;
            let text = trim_frame(&clean_body(&html_to_text(&content)), &title, now);
            (title, text, "the page's state data")
        }
        None => {
            let caption = STATE_CAPTION_KEYS
                .iter()
                .filter_map(|k| article.get(*k)?.as_str())
                .chain(article.as_object().and_then(feed_caption))
                .max_by_key(|t| t.len())?;
            let text = without_tags(caption);
            let first = text.lines().next().map(squash).unwrap_or_default();
            // A caption's first sentence heads it, as a post's does; a
            // first line of one sentence, or one too long or short to
            // cut, heads it whole.
            let (title, title_from) = match first_sentence(&first) {
                Some(sentence) => (
                    sentence,
                    "the caption's first sentence in the page's state data",
                ),
                None if first.chars().count() <= 60 => {
                    (first, "the caption's first line in the page's state data")
                }
                None => (String::new(), "none"),
            };
            (title, text, title_from)
        }
    };
    if letters(&text) < SHORT_BODY {
        return None;
    }
    let published = state_time(article, now);
    Some(Article {
        title,
        title_from,
        text,
        published: published.as_ref().map(|(t, _)| *t),
        date_evidence: published.map(|(_, why)| why),
    })
}

/// The page's app state: the first of [`STATE_SCRIPTS`] that holds JSON.
fn state_data(html: &str) -> Option<serde_json::Value> {
    STATE_SCRIPTS
        .iter()
        .find_map(|head| state_after(html, head))
}

/// Every app state the page holds, in the order of [`STATE_SCRIPTS`]: a
/// page may keep its route in one (`__INITIAL_STATE__`) and its video in
/// another (`__APOLLO_STATE__`).
fn state_values(html: &str) -> Vec<serde_json::Value> {
    STATE_SCRIPTS
        .iter()
        .filter_map(|head| state_after(html, head))
        .collect()
}

/// The JSON value of the state script that `head` introduces, if any.
fn state_after(html: &str, head: &str) -> Option<serde_json::Value> {
    let at = html.find(head)? + head.len();
    let rest = &html[at..];
    // `<script id="RENDER_DATA" type="application/json">%7B%22…`.
    let inner = rest
        .find('>')
        .map(|g| &rest[g + 1..])
        .filter(|i| i.starts_with('%'));
    if let Some(inner) = inner {
        let encoded = &inner[..inner.find("</script>").unwrap_or(inner.len())];
        let decoded = percent_encoding::percent_decode_str(encoded.trim())
            .decode_utf8()
            .ok()?;
        return serde_json::from_str(&decoded).ok();
    }
    if head.contains("__NUXT_DATA__") {
        let inner = &rest[rest.find('>')? + 1..];
        let body = &inner[..inner.find("</script>").unwrap_or(inner.len())];
        let flat: Vec<serde_json::Value> = serde_json::from_str(body.trim()).ok()?;
        return Some(unflatten(&flat));
    }
    let start = rest.find('{')?;
    serde_json::Deserializer::from_str(&rest[start..])
        .into_iter()
        .next()?
        .ok()
}

/// Most values [`unflatten`] builds: a payload's shared objects are
/// copied where referenced, so a hostile one could otherwise blow up.
const UNFLATTEN_NODES: usize = 100_000;

/// The value a devalue-flattened array stands for (Nuxt 3's
/// `__NUXT_DATA__`): element 0 is the root; inside objects and arrays,
/// numbers are indices of other elements; `["Reactive", i]` and its
/// kin wrap element i, `["Date", "…"]` is the date's string; negative
/// indices (undefined, holes, NaN) are null.
fn unflatten(flat: &[serde_json::Value]) -> serde_json::Value {
    use serde_json::Value;
    fn at(flat: &[Value], i: &Value, depth: usize, budget: &mut usize) -> Value {
        let Some(i) = i.as_u64().and_then(|i| usize::try_from(i).ok()) else {
            return Value::Null;
        };
        if depth > 64 || *budget == 0 {
            return Value::Null;
        }
        *budget -= 1;
        match flat.get(i) {
            Some(Value::Array(items)) => match items.first() {
                Some(Value::String(tag)) => match tag.as_str() {
                    "Date" | "BigInt" | "RegExp" => items.get(1).cloned().unwrap_or(Value::Null),
                    _ => items
                        .get(1)
                        .map_or(Value::Null, |j| at(flat, j, depth + 1, budget)),
                },
                _ => Value::Array(
                    items
                        .iter()
                        .map(|j| at(flat, j, depth + 1, budget))
                        .collect(),
                ),
            },
            Some(Value::Object(map)) => Value::Object(
                map.iter()
                    .map(|(k, j)| (k.clone(), at(flat, j, depth + 1, budget)))
                    .collect(),
            ),
            Some(v) => v.clone(),
            None => Value::Null,
        }
    }
    let mut budget = UNFLATTEN_NODES;
    at(flat, &Value::from(0), 0, &mut budget)
}

/// The publication time an object of the app state gives itself, by the
/// first of [`STATE_TIME_KEYS`] it has: a date string, or Unix seconds or
/// milliseconds (as a number or a string of digits).
fn state_time(object: &serde_json::Value, now: DateTime<Utc>) -> Option<(DateTime<Utc>, String)> {
    STATE_TIME_KEYS.iter().find_map(|k| {
        let v = object.get(*k)?;
        let raw = match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.as_i64()?.to_string(),
            _ => return None,
        };
        // Epoch milliseconds as apps write them; seconds as they are.
        let raw = match raw.parse::<i64>() {
            Ok(n) if n > 10_000_000_000 => (n / 1000).to_string(),
            _ => raw,
        };
        let t = dates::parse_machine(&raw, now).filter(|t| *t <= now + Duration::hours(1))?;
        Some((t, format!("page state {k} = {v}")))
    })
}

/// The publication time of the app state's object titled `title` (a page
/// that shows only its edit time keeps it there).
fn state_time_titled(
    html: &str,
    title: &str,
    now: DateTime<Utc>,
) -> Option<(DateTime<Utc>, String)> {
    fn find<'v>(v: &'v serde_json::Value, title: &str) -> Option<&'v serde_json::Value> {
        match v {
            serde_json::Value::Object(map) => {
                let text = |k: &str| map.get(k).and_then(serde_json::Value::as_str);
                // An object titled so, or a video headed by its caption's
                // first line (芷阳镇…开始彩排了。\n全村…).
                let headed = STATE_CAPTION_KEYS.iter().filter_map(|k| text(k)).any(|c| {
                    c.lines()
                        .next()
                        .map(|l| squash(l.trim_end_matches(['。', '！', '!'])))
                        .as_deref()
                        == Some(title)
                });
                if text("title").map(squash).as_deref() == Some(title) || headed {
                    return Some(v);
                }
                map.values().find_map(|c| find(c, title))
            }
            serde_json::Value::Array(items) => items.iter().find_map(|c| find(c, title)),
            _ => None,
        }
    }
    if title.is_empty() {
        return None;
    }
    let data = state_data(html)?;
    state_time(find(&data, title)?, now)
}

/// A date read from a relative time that gives no clock (3天前, 2小时前)
/// made exact by the time the page's state gives the object of the same
/// title, when that falls within what the phrase allows: the same day for
/// 天前, 昨天 and 前天, the hour for 小时前, any earlier time for 刚刚 and
/// 分钟前.
fn refined(
    t: DateTime<Utc>,
    why: String,
    html: &str,
    title: &str,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, String) {
    let shown = why.rsplit(": ").next().unwrap_or(&why);
    let clock = shown.contains(':') || shown.contains('：');
    let day_level = !clock && ["天前", "昨天", "前天"].iter().any(|w| shown.contains(w));
    let hour_level = shown.contains("小时前");
    // 刚刚 and 5分钟前 rendered into the HTML may be a cached render's,
    // served long after: such a time errs only late, so the state's exact
    // time, when earlier, is the article's.
    let minute_level = !clock && (shown.contains("刚刚") || shown.contains("分钟前"));
    if !(day_level || hour_level || minute_level) {
        return (t, why);
    }
    let day = |t: DateTime<Utc>| t.with_timezone(&crate::time::china()).date_naive();
    match state_time_titled(html, title, now) {
        Some((exact, from))
            if (day_level && day(exact) == day(t))
                || (hour_level && (exact - t).num_minutes().abs() <= 60)
                || (minute_level && exact <= t + Duration::minutes(5)) =>
        {
            (exact, format!("{from} (the time of {shown})"))
        }
        _ => (t, why),
    }
}

/// A caption's lines without the hashtags and mentions that end them
/// (`#栎山 #芦苇荡`, `@蓼原发布`); a line of nothing else is dropped.
fn without_tags(caption: &str) -> String {
    caption
        .lines()
        .filter_map(|line| {
            let mut words: Vec<&str> = line.split_whitespace().collect();
            while words
                .last()
                .is_some_and(|w| w.starts_with(['#', '@', '＃']))
            {
                words.pop();
            }
            let kept = words.join(" ");
            (!kept.is_empty()).then_some(kept)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A Weibo post's text from its HTML: the link cards it ends with (a
/// video's or a page's, an icon and a name) are no part of it, nor are the
/// 话题 tags (#雁岭身边事#) it opens with.
fn weibo_text(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<a ") {
        kept.push_str(&rest[..open]);
        let anchor = &rest[open..];
        let end = anchor
            .find("</a>")
            .map_or(anchor.len(), |e| e + "</a>".len());
        if !anchor[..end].contains("url-icon") {
            kept.push_str(&anchor[..end]);
        }
        rest = &anchor[end..];
    }
    kept.push_str(rest);
    let text = html_to_text(&kept);
    // Leading 话题 tags, each #…# on its own.
    without_topics(&text).trim().to_string()
}

/// `text` without the #topics# it opens with (#平澜警情通报# 【…】).
fn without_topics(text: &str) -> &str {
    let mut rest = text.trim_start();
    while let Some(after) = rest.strip_prefix('#')
        && let Some((topic, tail)) = after.split_once('#')
        && topic.chars().count() <= 30
    {
        rest = tail.trim_start();
    }
    rest
}

/// The text of a 【…】 lead that opens `title`, four to forty characters.
fn bracket_lead(title: &str) -> Option<String> {
    let rest = title.trim_start().strip_prefix('【')?;
    let (lead, _) = rest.split_once('】')?;
    let lead = squash(lead);
    (4..=40).contains(&lead.chars().count()).then_some(lead)
}

// ---------------------------------------------------------------- bodies

/// Lines that are widgets, not text: share bars, players, print links.
const WIDGET_LINES: &[&str] = &[
    "正在加载",
    "转播到腾讯微博",
    "分享到",
    "【打印本页】",
    "【关闭窗口】",
    "【我要纠错】",
    "【纠错】",
    "扫一扫",
    "微信扫一扫",
    "责任编辑",
    "下载附件",
    "点击“阅读原文”",
    "阅读原文",
    "写留言",
    "【字体：",
    "字号：",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "上一篇",
    "下一篇",
    // An app's banner over its share page (新闻财经体育娱乐 打开客户端).
    "打开客户端",
    "打开APP",
    "打开App",
    "APP内打开",
    "App内打开",
    "下载客户端",
];

/// Lines that are a widget only when they are the whole line (a follow
/// button, a share menu's head): as words they occur in prose.
const WIDGET_WHOLE_LINES: &[&str] = &[
    "+ 关注",
    "+关注",
    "关注",
    "已关注",
    "分享至",
    "分享",
    "原创",
];

/// An old forum's thread read whole: the first post, a rule of dashes
/// under it and the poster's signature, then the replies, each headed by
/// its author, floor and time (No.1 发表时间：…). The post ends at the rule
/// when replies follow it.
fn without_signature_and_replies(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let is_rule = |l: &str| {
        let t = l.trim();
        t.chars().count() >= 10 && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '—' | '─'))
    };
    let Some(rule) = lines.iter().position(|l| is_rule(l)) else {
        return text.to_string();
    };
    let replies = lines[rule + 1..]
        .iter()
        .filter(|l| {
            l.chars().count() <= 60
                && ["发表时间", "发表于", "回复于", "回复时间"]
                    .iter()
                    .any(|w| l.contains(w))
        })
        .count();
    let post = lines[..rule].join("\n");
    if replies >= 1 && letters(&post) >= SHORT_BODY {
        post
    } else {
        text.to_string()
    }
}

/// Han characters in `s` (Extension A's too: 㮾 in a place name).
fn han(s: &str) -> usize {
    s.chars()
        .filter(|c| crate::text::is_han(*c) || ('\u{3400}'..='\u{4dbf}').contains(c))
        .count()
}

/// A bilingual page's text without its foreign version: lines with no
/// Han character and a sentence's worth of Latin letters, when there are
/// three or more of them beside a Chinese text of its own. A Chinese
/// article quoting a line of English keeps it.
fn without_translation(text: &str) -> String {
    let foreign =
        |l: &str| han(l) == 0 && l.chars().filter(char::is_ascii_alphabetic).count() >= 20;
    let count = text.lines().filter(|l| foreign(l)).count();
    if count < 3 || han(text) < 100 {
        return text.to_string();
    }
    text.lines()
        .filter(|l| !foreign(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// True for a line of bracketed buttons only (【打印】【关闭】, [收藏] [返回]):
/// a portal's page tools, whatever their words.
fn is_button_row(line: &str) -> bool {
    let mut rest = line.trim();
    let mut buttons = 0;
    while !rest.is_empty() {
        let Some((open, close)) = [('【', '】'), ('[', ']')]
            .into_iter()
            .find(|(o, _)| rest.starts_with(*o))
        else {
            return false;
        };
        let inner = &rest[open.len_utf8()..];
        let Some(end) = inner.find(close) else {
            return false;
        };
        let word = inner[..end].trim();
        if word.is_empty() || word.chars().count() > 6 || word.contains(['：', ':']) {
            return false;
        }
        buttons += 1;
        rest = inner[end + close.len_utf8()..].trim_start();
    }
    buttons >= 2
}

/// True for a photo's caption ending in its credit (东溪村项目区。蓼湾县融媒体
/// 中心 供图, 记者 王某 摄): a short line, never prose ending in 摄.
fn is_photo_credit(line: &str) -> bool {
    let l = line.trim_end();
    let n = l.chars().count();
    // A caption under its marker (▲村民在新建的食堂用餐) or credited as a
    // file photo, or to a reporter (…空气源热泵外机。某某新闻记者 张三 图).
    let marked = l.starts_with(['▲', '△', '↑']);
    let file_photo = l.ends_with("（资料图）") || l.ends_with("(资料图)");
    let reporters = l.ends_with(" 图") && ["记者", "通讯员", "摄影"].iter().any(|w| l.contains(w));
    (n <= 60
        && (l.ends_with("供图")
            || l.ends_with("图片来源网络")
            || ((l.ends_with(" 摄") || l.ends_with("\u{3000}摄")) && !l.ends_with("拍摄"))))
        || (n <= 120 && (marked || file_photo || reporters))
}

/// True for a platform's disclaimer under a self-media article (本文为…作者
/// 在…上传并发布，仅代表该作者观点，不代表…的观点或立场): never the article's.
fn is_disclaimer(line: &str) -> bool {
    let views = (line.contains("仅代表") || line.contains("不代表"))
        && line.contains("观点")
        && (line.contains("平台") || line.contains("立场"));
    // 网易号's: 特别声明：以上内容…为自媒体平台用户上传并发布，本平台仅提供信息存储服务。
    let storage = line.contains("仅提供信息存储服务") || line.contains("仅提供信息发布平台");
    let english = line.starts_with("Notice: The content above");
    // A site's or an author's reprint notice (本文为…原创报道，未经授权不得转载;
    // 【声明】本网转载此文出于传递更多信息之目的…).
    let reprint = [
        "未经授权不得转载",
        "未经许可不得转载",
        "未经授权，不得转载",
        "转载请注明出处",
        "如涉及版权问题",
        "本网转载此文",
        "不代表本网观点",
    ]
    .iter()
    .any(|w| line.contains(w));
    // A note of the piece's original headline (（原题为《…》）, 原标题：…).
    let original = (line.starts_with("（原题为《") || line.starts_with("(原题为《"))
        && line.trim_end().ends_with(['）', ')'])
        || line.starts_with("原标题：");
    // A site's reminder set between stars (☆某某电子报提醒您：…☆).
    let starred = {
        let l = line.trim();
        l.chars().count() <= 80 && l.starts_with(['☆', '★']) && l.ends_with(['☆', '★'])
    };
    line.chars().count() <= 240 && (views || storage || english || original || reprint || starred)
}

/// Words of a row of counters and buttons under a post or an answer
/// (赞同(127)踩(3)评论(4), 1,862次浏览关注问题).
const COUNTER_WORDS: &[&str] = &[
    "次浏览",
    "浏览",
    "阅读",
    "关注问题",
    "赞同",
    "点赞",
    "收藏",
    "评论",
    "分享",
    "转发",
    "举报",
    "已解决",
    "未解决",
    "有用",
    "没用",
    "回复",
    "踩",
    "赞",
    "万",
];

/// True for a row of counters and buttons (赞同(127)踩(3)评论(4)), an
/// answer's feedback prompt (该回答是否解决了您的问题？ 已解决(186)) or an
/// app's promotion (海量资讯、精准解读，尽在某某新闻APP).
fn is_counter_row(line: &str) -> bool {
    let n = line.chars().count();
    if n > 60 {
        return false;
    }
    let feedback = ["是否解决了您的问题", "对您是否有帮助", "这条回答有帮助吗"]
        .iter()
        .any(|w| line.contains(w));
    let promotion = (n <= 40
        && line.contains("尽在")
        && ["APP", "App", "客户端"]
            .iter()
            .any(|w| line.trim_end().ends_with(w)))
        // 现在用APP看新闻 保证天天中奖 点我下载APP
        || (n <= 50 && ["下载APP", "下載APP", "下载App", "下載App"].iter().any(|w| line.contains(w)));
    // Counters need a figure; a table's cells of figures alone (26418.55)
    // are no counters.
    let counters = || {
        let mut rest = line.to_string();
        for w in COUNTER_WORDS {
            rest = rest.replace(w, "");
        }
        rest.len() < line.len()
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || " ,.()（）|·:：".contains(c))
    };
    feedback || promotion || (line.chars().any(|c| c.is_ascii_digit()) && counters())
}

/// True for a line that is an image's file name (`12-IMG_3886.jpg`).
fn is_file_name(line: &str) -> bool {
    let l = line.trim().to_ascii_lowercase();
    let exts = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"];
    !l.contains(' ') && exts.iter().any(|e| l.ends_with(e))
}

/// Folds whitespace (runs of spaces, ideographic spaces, nbsp) and drops
/// empty, widget and file-name lines.
pub fn clean_body(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let l = squash(&line.replace(['\u{3000}', '\u{a0}'], " "));
        if l.is_empty() || is_file_name(&l) {
            continue;
        }
        let short = l.chars().count() <= 30;
        if short && WIDGET_LINES.iter().any(|w| l.contains(w)) {
            continue;
        }
        if WIDGET_WHOLE_LINES.contains(&l.as_str())
            || is_counter_row(&l)
            || is_photo_credit(&l)
            || is_disclaimer(&l)
            || is_button_row(&l)
        {
            continue;
        }
        // Drop file names embedded in a line as well (captions repeat them).
        let words: Vec<&str> = l.split(' ').filter(|w| !is_file_name(w)).collect();
        let l = words.join(" ");
        // A line said twice in a row is a caption and its credit, or a
        // widget repeated: once is enough.
        if !l.is_empty() && out.last() != Some(&l) && !is_english_widget(&l) {
            out.push(l);
        }
    }
    out.join("\n")
}

/// Whole lines that are widgets on English-language pages.
fn is_english_widget(line: &str) -> bool {
    const LINES: &[&str] = &[
        "advertisement",
        "advert",
        "continue reading below",
        "this slideshow requires javascript.",
        "story continues below advertisement",
        "share this article",
        "share",
        "read more",
    ];
    let l = line.trim().to_ascii_lowercase();
    LINES.contains(&l.as_str())
}

/// Words of lines that trail an article: keywords, comment headers,
/// editors, proofreaders, tip-off lines, likes and copyright.
const TRAILER_WORDS: &[&str] = &[
    "关键词",
    "跟贴",
    "评论",
    "网友",
    "责编",
    "编辑",
    "审核",
    "校对",
    "报料",
    "线索",
    "出品",
    "点赞",
    "来源：",
    // 来自Android客户端 under a post, 下载某某新闻客户端.
    "客户端",
    "相关阅读",
    "相关新闻",
    "©",
    "Copyright",
];

/// Words of a site's footer lines (主办单位, ICP备…), which run long.
const FOOTER_WORDS: &[&str] = &[
    "主办单位",
    "承办单位",
    "技术支持",
    "网站标识码",
    "ICP备",
    "公网安备",
    "版权所有",
];

/// Labels of the table above a government file (政府信息公开): 索引号,
/// 发布机构, 文号… Read without spaces (索 引 号).
const FILE_TABLE_LABELS: &[&str] = &[
    "索引号",
    "主题分类",
    "发布机构",
    "文号",
    "有效性",
    "成文日期",
    "发布日期",
    "名称",
    "主题词",
    "所属机构",
];

/// Lines after which nothing is the article's: an end mark (—END—, （完）)
/// or the head of a list of other articles (往期推荐, 相关推荐).
const END_LINES: &[&str] = &[
    "END",
    "—END—",
    "-END-",
    "- END -",
    "— END —",
    "（完）",
    "(完)",
    "【完】",
    "往期推荐",
    "往期回顾",
    "相关推荐",
    "推荐阅读",
    "延伸阅读",
    "相关阅读",
    "相关新闻",
    "猜你喜欢",
    "热门推荐",
    // A letters page's list of other letters under the one read.
    "同类留言",
    "其他留言",
    "该领导收到的其他留言",
    "相关留言",
    "最新留言",
    "热门留言",
];

/// Drops what frames a body: lines up to the title when it stands near the
/// top (a channel menu, the title itself), then byline lines (a date, 来源,
/// 作者), and at the end short keyword, comment and editor lines.
fn trim_frame(body: &str, title: &str, now: DateTime<Utc>) -> String {
    let mut lines: Vec<&str> = body.lines().collect();
    if !title.is_empty()
        && let Some(at) = lines.iter().take(8).position(|l| *l == title)
    {
        lines.drain(..=at);
    }
    let mostly_date = |l: &str| mostly_date(l, now);
    // Sentences mention 记者 and 来源 too: a byline is short, and labelled
    // (来源：…) or dated.
    let is_byline = |l: &str| {
        let n = l.chars().count();
        let labels = BYLINE_WORDS.iter().filter(|w| l.contains(*w)).count();
        let labelled = labels > 0
            && (l.contains('：') || l.contains(':') || dates::find_absolute(l, now).is_some());
        // A sentence is prose, whatever it mentions: 记者从县交通运输局获悉，
        // 大桥自11月30日起封闭检修。
        let sentence = l.contains('，') && l.trim_end().ends_with('。');
        // 发布时间：… 来源：… 浏览次数：… in one line runs long.
        !sentence
            && ((n <= 40 && (labelled || mostly_date(l) || (n <= 20 && l.contains("记者"))))
                || (n <= 120 && labelled && labels >= 2))
    };
    // The table above a government file (索 引 号：…, 发布机构：…).
    let file_table = |l: &str| {
        let bare: String = l.chars().filter(|c| !c.is_whitespace()).collect();
        FILE_TABLE_LABELS.iter().any(|w| {
            bare.strip_prefix(w)
                .is_some_and(|r| r.starts_with(['：', ':']))
        })
    };
    let mut i = 0;
    while i < lines.len().min(10) {
        if file_table(lines[i]) && lines.len() > 1 {
            lines.remove(i);
        } else {
            i += 1;
        }
    }
    // A mobile thread prints each floor above its post (杉木林下的小路 楼主,
    // then 1楼 2026-12-9 21:07 IP属地:湖北): a first floor with no text
    // above it heads the post rather than ending it.
    if let Some((at, taken)) = (0..lines.len().min(6)).find_map(|i| {
        floor_tail_at(&lines, i, now)
            .filter(|(n, ..)| *n == 1)
            .map(|(_, _, taken)| (i, taken))
    }) && lines[..at].iter().map(|l| letters(l)).sum::<usize>() < 20
        && at + taken < lines.len()
    {
        lines.drain(..at + taken);
    }
    // A forum thread's first post ends at its floor's tail
    // (来自Android客户端 1楼 2026-11-29 21:47), or at the next floor's head
    // (2楼 回复于 2026-12-9 21:32): the rest are replies.
    if let Some(tail) = (1..lines.len()).find(|&i| {
        floor_tail_at(&lines, i, now).is_some()
            || reply_head(lines[i], now)
            || floor_reply_head(lines[i], now)
    }) {
        // A mobile reply's author line (洙川老杨头 Lv.9) stands above its head.
        let author = tail >= 2
            && floor_reply_head(lines[tail], now)
            && lines[tail - 1].chars().count() <= 20
            && !lines[tail - 1].contains(['，', '。', '！', '？']);
        lines.truncate(if author { tail - 1 } else { tail });
    }
    // Bylines among the first lines (a summary may stand before one).
    let mut i = 0;
    while i < lines.len().min(4) {
        if is_byline(lines[i]) {
            lines.remove(i);
        } else {
            i += 1;
        }
    }
    // An end mark or the head of a list of other articles ends the body
    // (never its first line: a body that is only such a list is left
    // whole).
    if let Some(end) = lines
        .iter()
        .skip(1)
        .position(|l| END_LINES.contains(&l.trim()))
    {
        lines.truncate(end + 1);
    }
    // A sidebar's list of other articles (a headline and its date on each
    // line) under its own head (最新动态, 热点排行), when the page's layout
    // put the sidebar inside the body's container.
    let list_row = |l: &str| l.chars().count() <= 60 && ends_with_date(l);
    let mut rows_dropped = false;
    while let Some(last) = lines.last() {
        // A tip-off line with its phone numbers and mail runs longer.
        let tip_off = ["报料", "新闻线索"].iter().any(|w| last.contains(w));
        let footer = FOOTER_WORDS.iter().any(|w| last.contains(w));
        let short = last.chars().count() <= if tip_off || footer { 80 } else { 40 };
        // A row of topic tags (#清洁取暖 #乡村振兴).
        let tags = last.split_whitespace().all(|w| w.starts_with(['#', '＃']));
        let trailer = TRAILER_WORDS.iter().any(|w| last.contains(w))
            || tags
            || footer
            || mostly_date(last)
            || dates::find_relative(last, now).is_some();
        let row = list_row(last);
        // A list's head: above rows already dropped, or above a row.
        let above_row = lines.len() >= 2 && list_row(lines[lines.len() - 2]);
        let list_head = (rows_dropped || above_row) && last.chars().count() <= 8;
        if ((short && trailer) || row || list_head) && lines.len() > 1 {
            rows_dropped |= row;
            lines.pop();
        } else {
            break;
        }
    }
    lines.join("\n")
}

/// True when `line` ends with a date as list rows print it: 2026-12-01,
/// [2026-12-01], (11-30), 2026/12/01.
fn ends_with_date(line: &str) -> bool {
    let l = line.trim_end_matches([']', ')', '）', '】', ' ']);
    let tail: Vec<char> = l.chars().rev().take(10).collect();
    let tail: String = tail.into_iter().rev().collect();
    let shape = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii_digit() { 'd' } else { c })
            .collect::<String>()
    };
    let t = shape(&tail);
    t.ends_with("dddd-dd-dd") || t.ends_with("dddd/dd/dd") || t.ends_with("dddd.dd.dd")
}

/// The page a pagelet site (Weibo's desktop pages) ships as scripts
/// `<script>FM.view({…, "html": "…"})</script>`, each fragment put in place
/// of its script; `None` when the page has no such script. Without this
/// the page is a frame with no text: the post, its time and its comments
/// are all inside the scripts' JSON.
fn inline_pagelets(html: &str) -> Option<String> {
    const CALL: &str = "FM.view(";
    const END: &str = "</script>";
    if !html.contains(CALL) {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut inlined = false;
    while let Some(at) = rest.find("<script") {
        let Some(open_end) = rest[at..].find('>').map(|i| at + i + 1) else {
            break;
        };
        let Some(end) = rest[open_end..].find(END).map(|i| open_end + i) else {
            break;
        };
        let fragment = rest[open_end..end]
            .trim()
            .strip_prefix(CALL)
            .map(|call| call.trim_end().trim_end_matches(';').trim_end())
            .and_then(|call| call.strip_suffix(')'))
            .and_then(|json| serde_json::from_str::<serde_json::Value>(json).ok())
            .and_then(|v| v.get("html")?.as_str().map(str::to_string));
        out.push_str(&rest[..at]);
        match fragment {
            Some(f) => {
                out.push_str(&f);
                inlined = true;
            }
            None => out.push_str(&rest[at..end + END.len()]),
        }
        rest = &rest[end + END.len()..];
    }
    out.push_str(rest);
    inlined.then_some(out)
}

/// Containers that hold an article's body by the template's own
/// definition: a WeChat article's #js_content (hidden until its script
/// runs, so Readability passes it over, and often one <section> per
/// paragraph, which no block scorer adds up), a Founder e-paper's
/// <founder-content>, a Weibo post's text, and the first post of a Tieba
/// or Tianya-like thread (the replies are other containers below it), or
/// of a phpwind (#read_tpc, "tpc" being its first post) or Discuz! (.t_f)
/// thread.
const BODY_CONTAINERS: &str = "#js_content, founder-content, .weibo-text, .WB_text, \
     .d_post_content, .bbs-content, #read_tpc, .t_f, #Zoom, .TRS_Editor";

/// The body: the template's own body container when the page has one,
/// else dom_smoothie's article text, else our block scorer's.
fn body(html: &str, doc: &Html) -> String {
    if let Some(text) = letter_and_reply(html, doc) {
        return text;
    }
    if let Some(s) = sel(BODY_CONTAINERS)
        && let Some(el) = doc.select(&s).next()
    {
        let text = clean_body(&html_to_text(&el.html()));
        if letters(&text) >= SHORT_BODY {
            return text;
        }
    }
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let smoothie = dom_smoothie::Readability::new(html, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| clean_body(&a.text_content))
        .unwrap_or_default();
    let own = block_text(doc).map(|t| clean_body(&t)).unwrap_or_default();
    // Readability drops short pages and sometimes takes a sidebar; a block
    // scorer that sees much more text in one place wins then.
    if letters(&own) > letters(&smoothie) * 2 || letters(&smoothie) < SHORT_BODY {
        own
    } else {
        smoothie
    }
}

/// Labels of a letter's text in a 信访/留言/12345 record's cells.
const LETTER_LABELS: &[&str] = &[
    "来信内容",
    "留言内容",
    "诉求内容",
    "信件内容",
    "咨询内容",
    "投诉内容",
    "问题描述",
];

/// Labels of the answer's text in the same records.
const REPLY_LABELS: &[&str] = &["回复内容", "答复内容", "办理结果", "回复意见", "答复意见"];

/// A letter page laid out as label | value cells (来信内容 | …, then 回复内容
/// | … in another table): the letter and its answer, the body its readers
/// take. Block scoring would take only the longer of the two.
fn letter_and_reply(html: &str, doc: &Html) -> Option<String> {
    // Most pages hold neither label: no element's text is gathered then.
    let holds = |names: &[&str]| names.iter().any(|n| html.contains(n));
    if !holds(LETTER_LABELS) || !holds(REPLY_LABELS) {
        return None;
    }
    let labels = sel("th, td, dt, span, div, label, strong, b")?;
    let value_of = |names: &[&str]| {
        doc.select(&labels).find_map(|el| {
            let t = squash(&el.text().collect::<String>());
            let t = t.trim_end_matches([':', '：']);
            if !names.contains(&t) || in_furniture(el) {
                return None;
            }
            let next = el.next_siblings().find_map(ElementRef::wrap)?;
            let text = clean_body(&html_to_text(&next.html()));
            (letters(&text) >= 20).then_some(text)
        })
    };
    let letter = value_of(LETTER_LABELS)?;
    let reply = value_of(REPLY_LABELS)?;
    Some(format!("{letter}\n{reply}"))
}

/// Ancestors a block's score reaches (parent, grandparent, …).
const ANCESTOR_LEVELS: usize = 4;

/// Block scorer: every block element (`div`, `td`, `section`, `article`,
/// `p`…) that holds text directly scores its letters, less its links' text,
/// for itself, fully for its parent and half for its grandparent; the best
/// element is the body. This finds bodies written as `<div>`s or `<br>`
/// runs in a `<td>`, which paragraph-only scoring misses.
pub fn block_text(doc: &Html) -> Option<String> {
    use std::collections::HashMap;
    let blocks = sel("p, div, td, section, article, li, font, span, pre, blockquote")?;
    let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    for el in doc.select(&blocks) {
        if in_furniture(el) {
            continue;
        }
        // Direct text only, so a wrapper does not count its children twice.
        let own: usize = el
            .children()
            .filter_map(|c| c.value().as_text().map(|t| letters(t)))
            .sum();
        if own < 10 {
            continue;
        }
        let links: usize = el
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "a")
            .map(|c| letters(&c.text().collect::<String>()))
            .sum();
        let score = own as f64 - links as f64;
        if score <= 0.0 {
            continue;
        }
        *scores.entry(el.id()).or_default() += score;
        // Fully for the parent, then half as much for each ancestor above
        // it: an editor that wraps every paragraph in its own <section>
        // (span in p in section in the body) still adds up in the body.
        let mut share = score;
        let mut node = el.parent();
        let mut level = 0;
        while let Some(n) = node {
            *scores.entry(n.id()).or_default() += share;
            level += 1;
            if level >= ANCESTOR_LEVELS {
                break;
            }
            share /= 2.0;
            node = n.parent();
        }
    }
    let (best, _) = scores
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let el = ElementRef::wrap(doc.tree.get(best)?)?;
    Some(html_to_text(&el.html()))
}

// ---------------------------------------------------------------- dates

/// Metadata names that carry a publication time, most specific first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "PubDate",
    "firstpublishedtime",
    "publishtime",
    "publish-date",
    "og:time",
    "og:release_date",
    // A video page's schema.org microdata.
    "uploadDate",
    "dc.date.issued",
    "DC.date",
    "dcterms.created",
    "weibo:article:create_at",
    "sailthru.date",
    "parsely-pub-date",
];

/// Words of a line that says when something was edited, not published.
const EDIT_MARKS: &[&str] = &[
    "最后由",
    "最后编辑于",
    "最后修改于",
    "编辑于",
    // A revision date (a Hong Kong press release's 修訂日期 in its footer).
    "修订日期",
    "修訂日期",
    "修改日期",
    "最后更新",
    "最後更新",
    // Times of the account or of later handling, never the publication:
    // a forum's founding (建吧时间), a user's registration, a hotline's
    // follow-up call and rating.
    "建吧时间",
    "注册时间",
    "最后登录",
    "回访时间",
    "评价时间",
    // A journal article's history: received, revised and accepted before
    // it was published (发表时间).
    "收稿日期",
    "修回日期",
    "录用日期",
    "接收日期",
    // A review's visit and a complaint's purchase are before the post.
    "到店日期",
    "到店时间",
    "消费日期",
    "消费时间",
    "就诊日期",
    // A sidebar's opening or office hours (门诊时间：冬季（10月1日—4月30日）).
    "门诊时间",
    "开诊时间",
    "开放时间",
    "办公时间",
    "营业时间",
    "接待时间",
    "工作时间",
];

/// Labels of a time a page shows as its last update.
const UPDATE_WORDS: &[&str] = &[
    "更新时间",
    "更新於",
    "更新于",
    "修改时间",
    "最后更新",
    "最後更新",
];

/// True when the page shows `t` right after one of [`UPDATE_WORDS`]
/// (更新时间：2026-12-13 17:05).
fn shown_as_update(html: &str, t: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    UPDATE_WORDS.iter().any(|w| {
        html.match_indices(w).any(|(at, _)| {
            let after: String = html[at + w.len()..].chars().take(32).collect();
            dates::find_absolute(&after, now) == Some(t)
        })
    })
}

/// Words that say a date is the publication's, in a tooltip.
const PUBLISHED_WORDS: &[&str] = &["发布于", "发表于", "发布时间", "发表时间"];

/// Letters a line may hold beside a relative time to be read as one
/// without a byline word (3天前 · 来自iPhone客户端).
const RELATIVE_LINE_LETTERS: usize = 14;

/// Words of a breadcrumb line.
const CRUMB_WORDS: &[&str] = &["当前位置", "您现在的位置", "现在的位置", "您的位置"];

/// Words of a header's calendar widget, whose date is the visit's.
const CALENDAR_WORDS: &[&str] = &["今天是", "今日是", "今天：", "今日：", "农历", "農曆"];

/// Class names of an element that holds a page's date or time (exact
/// tokens: `update-time` is an edit, `date-picker` no date).
const DATE_CLASSES: &[&str] = &[
    "date",
    // Hong Kong's releases: Tuesday, March 23, 2027 / Issued at HKT 17:45.
    "dateline",
    "pr-dateline",
    "pr-date",
    "time",
    "datetime",
    "pubdate",
    "pub-date",
    "pubtime",
    "pub-time",
    "pub_time",
    "publish-time",
    "publish_time",
    "publishtime",
    "publish-date",
    "post-time",
    "post_time",
    "posttime",
    "article-time",
    "news-time",
    "info-time",
    "time-wrap",
    "release-time",
];

/// Words that mark a byline line.
const BYLINE_WORDS: &[&str] = &[
    "发布时间",
    "发布日期",
    // A 博客园-like blog's foot line (posted @ 2026-12-07 21:15 作者 阅读(312)).
    "posted @",
    // An old ASP site's (添加时间：2026-12-5 9:08:00), a 公示 record's.
    "添加时间",
    "公示日期",
    "发表于",
    "发布于",
    // A 政民互动 letter page is published when it is made public (公开时间),
    // not when the letter came in or was answered.
    "公开时间",
    "公开日期",
    // A letter or question page (12345, 留言板, 问政) is dated by when the
    // letter came in, its label often in a table cell of its own; the
    // reply and the rating come later.
    "留言时间",
    "留言日期",
    "来信时间",
    "来信日期",
    "信访日期",
    "信访时间",
    "投诉时间",
    "投诉日期",
    "提问时间",
    "咨询时间",
    // A hotline's work order is dated by the call (来电时间), before it
    // was accepted (受理时间) and closed (办结时间).
    "来电时间",
    // The letter's head line names its writer and, often unlabelled, its
    // time (留言人：wch_1983*** 2026-11-12 21:47), above the 回复时间.
    "留言人",
    "来信人",
    "提问人",
    "发表时间",
    "时间：",
    "时间:",
    "日期：",
    "日期:",
    "来源",
    "作者",
    "编辑",
    "更新时间",
    "成文日期",
    "记者",
    "原标题",
    "浏览次数",
];

fn believable(t: DateTime<Utc>, now: DateTime<Utc>, list: Option<DateTime<Utc>>) -> bool {
    // An hour's grace for clocks; list dates are often day-only (midnight).
    t <= now + Duration::hours(1)
        && list.is_none_or(|l| (t - l).abs() <= LIST_TOLERANCE + Duration::days(1))
}

/// Structured metadata: `<meta>`s, JSON-LD, `<time datetime>`, itemprop,
/// and WeChat's script variables.
fn metadata_dates(doc: &Html, html: &str, now: DateTime<Utc>) -> Vec<(DateTime<Utc>, String)> {
    let mut out = Vec::new();
    // JSON-LD first: it names the article's own date where `<meta>`s are
    // often the site's or the last edit's. JSON that does not parse (raw
    // newlines, comments) is searched as text.
    let mut ld = json_ld(doc, "datePublished");
    if ld.is_empty() {
        ld = raw_json_values(html, "\"datePublished\"");
    }
    for v in ld {
        if let Some(t) = dates::parse_machine(&v, now) {
            out.push((t, format!("JSON-LD datePublished = {v}")));
        }
    }
    for name in DATE_METAS {
        if let Some((n, v)) = meta(doc, &[name])
            && let Some(t) = dates::parse_machine(&v, now)
        {
            out.push((t, format!("meta {n} = {v}")));
        }
    }
    if let Some(s) = sel("time[datetime], [itemprop='datePublished']") {
        for el in doc.select(&s) {
            let v = el
                .value()
                .attr("datetime")
                .or_else(|| el.value().attr("content"))
                .map(str::to_string)
                .unwrap_or_else(|| text_of(el));
            if let Some(t) = dates::parse_machine(&v, now) {
                let what = if el.value().name() == "time" {
                    "<time datetime>"
                } else {
                    "itemprop datePublished"
                };
                out.push((t, format!("{what} = {v}")));
            }
        }
    }
    // Founder (方正) e-paper pages, which many newspapers' 数字报 run on,
    // describe the article in a comment: `<!--enpproperty <date>2026-11-30
    // </date><title>…</title>…-->`.
    if let Some(v) = enp_property(html, "date")
        && let Some(t) = dates::parse_machine(&v, now)
    {
        out.push((t, format!("enpproperty date = {v}")));
    }
    // WeChat: the date is filled in by script from `var ct = "1573094400"`.
    if let Some(s) = sel("#publish_time")
        && let Some(el) = doc.select(&s).next()
    {
        let v = text_of(el);
        if let Some(t) = dates::find_absolute(&v, now) {
            out.push((t, format!("#publish_time = {v}")));
        }
    }
    // WeChat fills the date in from `var ct = "1573094400"`; county media
    // centres' and portals' templates fill the byline from a page variable
    // too: `var fbsj = "2026-12-01 10:05:37"` (发布时间).
    for name in SCRIPT_DATE_VARS {
        if let Some(v) = script_var(html, name)
            && let Some(t) = dates::parse_machine(&v, now).or_else(|| dates::find_absolute(&v, now))
        {
            out.push((t, format!("script var {name} = \"{v}\"")));
        }
    }
    out
}

/// Page variables a template writes the publication time into (WeChat's
/// Unix seconds, 发布时间's initials, the English names), read from
/// `var NAME = "…"`.
const SCRIPT_DATE_VARS: &[&str] = &[
    "ct",
    "create_time",
    "publish_time",
    "fbsj",
    "fbrq",
    "publishTime",
    "publishtime",
    "publish_date",
    "publishDate",
    "pubTime",
    "pubtime",
    "pubDate",
    "releaseTime",
    "newsTime",
    "newstime",
];

/// The string assigned to a top-level `var name` (or `let`/`const`) in
/// the page's scripts: the page's own value, unlike the same key inside a
/// data object, which may be a related article's.
fn script_var(html: &str, name: &str) -> Option<String> {
    for decl in ["var ", "let ", "const "] {
        let head = format!("{decl}{name}");
        let mut rest = html;
        while let Some(pos) = rest.find(&head) {
            rest = &rest[pos + head.len()..];
            // `var fbsjText` is another variable.
            let Some(after) = rest.trim_start().strip_prefix('=') else {
                continue;
            };
            let after = after.trim_start();
            let Some(quote) = after.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
                continue;
            };
            let value = &after[1..];
            let value = &value[..value.find(quote)?];
            let value = value.trim();
            if !value.is_empty() && value.len() <= 40 {
                return Some(value.to_string());
            }
        }
    }
    None
}

/// A field of a Founder e-paper's `<!--enpproperty …-->` comment
/// (`<title>`, `<date>`), when the page has one.
fn enp_property(html: &str, key: &str) -> Option<String> {
    let start = html.find("<!--enpproperty")?;
    let rest = &html[start..];
    let rest = &rest[..rest.find("-->").unwrap_or(rest.len())];
    let open = format!("<{key}>");
    let at = rest.find(&open)? + open.len();
    let value = &rest[at..];
    let value = &value[..value.find(&format!("</{key}>"))?];
    let value = squash(value);
    (!value.is_empty()).then_some(value)
}

/// The string values that follow `key` (a quoted JSON key) in `text`.
fn raw_json_values(text: &str, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find(key) {
        rest = &rest[pos + key.len()..];
        let after = rest.trim_start();
        let Some(after) = after.strip_prefix(':') else {
            continue;
        };
        let Some(value) = after.trim_start().strip_prefix('"') else {
            continue;
        };
        if let Some(end) = value.find('"') {
            out.push(value[..end].to_string());
        }
    }
    out
}

/// The publication date and why. `raw_body` is the body as found, `body`
/// the same with its frame (bylines, trailers) trimmed.
fn date(
    doc: &Html,
    html: &str,
    title: &str,
    raw_body: &str,
    body: &str,
    hints: Hints<'_>,
    now: DateTime<Utc>,
) -> Option<(DateTime<Utc>, String)> {
    let list = hints.list_date.and_then(|d| {
        dates::find_absolute(d, now)
            .or_else(|| dates::find_relative(d, now))
            .filter(|t| *t <= now + Duration::hours(1))
    });
    let ok = |t: DateTime<Utc>| believable(t, now, list);
    // 1. Structured metadata; a date-only value yields to a byline of the
    // same day, which has the time.
    let from_meta = metadata_dates(doc, html, now)
        .into_iter()
        .find(|(t, _)| ok(*t));
    let byline = byline_date(doc, html, title, now, &ok);
    if let Some((t, why)) = from_meta {
        let day = |t: DateTime<Utc>| t.with_timezone(&crate::time::china()).date_naive();
        return match byline {
            Some((b, bwhy)) if day(b) == day(t) && b != t && is_midnight(t) => {
                Some((b, format!("{bwhy} (agrees with {why})")))
            }
            // A template that writes its 更新时间 into the metadata: the
            // byline's earlier 发布时间 is the publication.
            Some((b, bwhy))
                if b < t
                    && PUBLISHED_WORDS.iter().any(|w| bwhy.contains(w))
                    && shown_as_update(html, t, now) =>
            {
                Some((
                    b,
                    format!("{bwhy} (the metadata's {why} is the page's 更新时间)"),
                ))
            }
            _ => Some((t, why)),
        };
    }
    // 2. A forum's 发表于 <span title="2026-11-27 20:13:05">4 天前</span>:
    // the exact time of the first post, which the text gives only
    // relatively.
    if let Some((t, why, shown_whole)) = titled_date(doc, now, &ok) {
        // A time shown whole in its tooltip element is a post's; the text's
        // first byline is the first post's (a reply's titled time may come
        // first where the first post's time is plain text), unless the
        // titled time's head says it is the first post's (楼主): then the
        // subject may stand inside that post, and the text's first byline
        // after it be a reply's.
        if shown_whole
            && !why.contains("楼主")
            && let Some(found) = byline
        {
            return Some(found);
        }
        let found = (t, why);
        // A thread whose first post gives its time whole (发表于 2026-11-27
        // 20:16) and only its later replies relatively (5 天前): no reply
        // comes before the post.
        let whole_post_time = |why: &str| {
            why.split_once("发表于").is_some_and(|(_, t)| {
                let t = t.trim_start();
                t.len() >= 4 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            })
        };
        if let Some((b, bwhy)) = &byline
            && *b < found.0
            && whole_post_time(bwhy)
        {
            return Some((*b, bwhy.clone()));
        }
        return Some(found);
    }
    if let Some(found) = byline {
        return Some(found);
    }
    // 2b. An element the template names a date (`<span class="date">3天前
    // 岚江</span>` under a note, a press release's `<p class="date">`).
    if let Some(found) = classed_date(doc, now, &ok) {
        return Some(found);
    }
    // 2c. A time the article's own element carries for its script to
    // show (`<article data-time="1796777220">`, the visible span empty).
    if let Some(found) = attribute_date(doc, now, &ok) {
        return Some(found);
    }
    // 3. The list's date.
    if let (Some(t), Some(d)) = (list, hints.list_date) {
        return Some((t, format!("list row: {}", squash(d))));
    }
    // 4. A thread's floors (来自Android客户端 1楼 2026-11-29 21:47): the
    // lowest floor is the post, the others replies.
    // (Read before the frame is trimmed: the body ends above the tail.)
    // A template's post container (Tieba's first .d_post_content) holds
    // the post without its tail: the floors are then read from the page.
    let page_text;
    let mut floor = lowest_floor(raw_body, now, &ok);
    if floor.is_none()
        && let Some(page) = sel("body").and_then(|s| doc.select(&s).next())
    {
        page_text = html_to_text(&page.html());
        floor = lowest_floor(&page_text, now, &ok);
    }
    if let Some((t, l)) = floor {
        return Some((t, format!("the first floor: {}", squash(&l))));
    }
    // 4a. A BBS thread's web view: each post's header gives its station
    // and time (发信站: 苇岸BBS (Sat Dec 12 21:40:11 2026)); the first is
    // the thread's post.
    if let Some(found) = html.find("发信站").and_then(|at| {
        let line = html[at..].lines().next()?;
        let open = line.find('(')? + 1;
        let close = open + line[open..].find(')')?;
        let t = ctime(&line[open..close]).filter(|t| ok(*t))?;
        Some((
            t,
            format!("the first post's header: {}", squash(&line[..close + 1])),
        ))
    }) {
        return Some(found);
    }
    // 4b. The day the page's address carries (a university's or a
    // portal's publishing system writes it into the path): before dates
    // in the text, which are the event's, a signature's 成文日期 or a
    // sidebar's.
    if let Some(found) = page_url(doc, html, hints.url).and_then(|u| url_date(&u, now, &ok)) {
        return Some(found);
    }
    // 5. Absolute dates in the article's own text (a notice's signature).
    let not_calendar = |l: &str| !CALENDAR_WORDS.iter().any(|w| l.contains(w));
    let body_lines: Vec<&str> = body.lines().collect();
    (0..body_lines.len())
        .rev()
        .find_map(|i| {
            let l = body_lines[i];
            let t = dates::find_absolute(l, now)
                .filter(|t| ok(*t) && l.chars().count() <= 40 && not_calendar(l))?;
            // A release's day with its time on the next line alone
            // (2026年12月10日（星期四） / 香港時間19時35分).
            let t = with_time_below(t, body_lines.get(i + 1).copied(), now, &ok);
            Some((t, format!("in the body: {}", squash(l))))
        })
        .or_else(|| {
            // 6. A notice's signature date, which the body's trailers took
            // off: a line that is only a date among the last few of the
            // body as found.
            // (With its time on the line below, as a release's foot.)
            let lines: Vec<&str> = raw_body
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            (lines.len().saturating_sub(4)..lines.len())
                .rev()
                .find_map(|i| {
                    let l = lines[i];
                    dates::find_absolute(l, now)
                        .filter(|t| ok(*t) && l.chars().count() <= 16 && mostly_date(l, now))
                        .filter(|_| not_calendar(l))
                        .map(|t| {
                            let t = with_time_below(t, lines.get(i + 1).copied(), now, &ok);
                            (t, format!("the signature: {l}"))
                        })
                })
        })
        .or_else(|| edition_date(doc, now, &ok))
}

/// The page's address: the one the fetcher gives, else the page's own
/// canonical link or og:url, else the address a browser noted when it
/// saved the page (`<!-- saved from url=(0053)https://… -->`).
fn page_url(doc: &Html, html: &str, given: Option<&str>) -> Option<String> {
    if let Some(u) = given.filter(|u| !u.is_empty()) {
        return Some(u.to_string());
    }
    let canonical = sel("link[rel='canonical'][href]")
        .and_then(|s| doc.select(&s).next())
        .and_then(|e| e.value().attr("href"))
        .map(str::to_string);
    canonical
        .or_else(|| meta(doc, &["og:url"]).map(|(_, v)| v))
        .or_else(|| {
            let at = html.find("saved from url=(")?;
            let rest = &html[at..];
            let start = rest.find(')')? + 1;
            let end = rest[start..].find(|c: char| c.is_whitespace() || c == '-')? + start;
            Some(rest[start..end].to_string())
        })
}

/// The day a page's address carries in its path: `/2026/1204/`,
/// `/2026/12/04/`, `/2026-12/04/`, `/202612/04/`, `/20261204/`,
/// `t20261204_…`, `/2026-12-04/`. Only in the path (a query's numbers are
/// ids), only a real, believable day.
fn url_date(
    url: &str,
    now: DateTime<Utc>,
    ok: &dyn Fn(DateTime<Utc>) -> bool,
) -> Option<(DateTime<Utc>, String)> {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let path = after_scheme
        .split_once('/')
        .map_or("", |(_, p)| p)
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    // Runs of digits and where they stand; parts of one date stand apart
    // by one separator only (20th-century-history/588400 is no day).
    let mut runs: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in path
        .char_indices()
        .chain(std::iter::once((path.len(), ' ')))
    {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, &path[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let year = |s: &str| s.len() == 4 && s.starts_with("20");
    let mut found: Option<(u32, u32, u32)> = None;
    for i in 0..runs.len() {
        let r = runs[i].1;
        // The k-th run after this one, when only a separator stands between.
        let next = |k: usize| {
            let (a, b) = (runs.get(i + k - 1)?, runs.get(i + k)?);
            let between = &path[a.0 + a.1.len()..b.0];
            matches!(between, "/" | "-" | "_").then_some(b.1)
        };
        // A date's last part ends its word (…/20th-century is no day 20).
        let whole = |k: usize| {
            runs.get(i + k).is_some_and(|(at, run)| {
                !path[at + run.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
            })
        };
        let len_next = |k: usize, n: usize| next(k).filter(|s| s.len() == n && whole(k));
        found = if r.len() == 8 && year(&r[..4]) && whole(0) {
            Some((num(&r[..4])?, num(&r[4..6])?, num(&r[6..])?))
        } else if let (true, Some(md)) = (year(r), len_next(1, 4)) {
            Some((num(r)?, num(&md[..2])?, num(&md[2..])?))
        } else if let (true, Some(m), Some(d)) =
            (year(r), next(1).filter(|s| s.len() == 2), len_next(2, 2))
        {
            Some((num(r)?, num(m)?, num(d)?))
        } else if let (true, Some(d)) = (r.len() == 6 && year(&r[..4]), len_next(1, 2)) {
            Some((num(&r[..4])?, num(&r[4..])?, num(d)?))
        } else {
            None
        };
        if found.is_some() {
            break;
        }
    }
    let (y, m, d) = found?;
    let day = format!("{y:04}-{m:02}-{d:02}");
    let t = chrono::NaiveDate::from_ymd_opt(y as i32, m, d)
        .and_then(|_| dates::find_absolute(&day, now))
        .filter(|t| ok(*t))?;
    Some((t, format!("the page's address: {url}")))
}

/// A newspaper page dated only by its edition: the short line (a
/// breadcrumb) that names a page of the paper (A02版, 第3版) beside a
/// whole date (2026-12-05 > 澳聞 > A02版). The edition picker's list of
/// days (電子版) and the header's calendar name no page.
fn edition_date(
    doc: &Html,
    now: DateTime<Utc>,
    ok: &dyn Fn(DateTime<Utc>) -> bool,
) -> Option<(DateTime<Utc>, String)> {
    let page = sel("body").and_then(|s| doc.select(&s).next())?;
    let text = html_to_text(&page.html());
    text.lines().map(squash).find_map(|l| {
        let names_a_page = l.match_indices('版').any(|(at, _)| {
            let before = l[..at].trim_end();
            before.ends_with(|c: char| c.is_ascii_digit())
                || (before.contains('第')
                    && before
                        .rsplit('第')
                        .next()
                        .is_some_and(|n| n.chars().count() <= 3 && !n.is_empty()))
        });
        if !names_a_page || l.chars().count() > 40 || CALENDAR_WORDS.iter().any(|w| l.contains(w)) {
            return None;
        }
        let t = dates::find_absolute(&l, now).filter(|t| ok(*t))?;
        Some((t, format!("the edition: {l}")))
    })
}

/// The first element outside page furniture whose text is a relative time
/// (4 天前, 昨天 22:40) and whose `title` holds the absolute one, in a
/// byline (发表于, 发布于): forums write every post's time so, the first
/// post's first. An older post shows its time whole in the same element;
/// the last of the three is true for such a time, which tells nothing a
/// byline in the text does not.
fn titled_date(
    doc: &Html,
    now: DateTime<Utc>,
    ok: &dyn Fn(DateTime<Utc>) -> bool,
) -> Option<(DateTime<Utc>, String, bool)> {
    let titled = sel("[title], [data-tooltip], [data-time]")?;
    doc.select(&titled).find_map(|el| {
        let text = squash(&el.text().collect::<String>());
        let relative = dates::find_relative(&text, now).is_some();
        let exact = el
            .value()
            .attr("title")
            .or_else(|| el.value().attr("data-tooltip"))
            .or_else(|| el.value().attr("data-time"))?;
        // Shown as an edit (编辑于 2026-12-01 08:05) with the publication in
        // the tooltip (发布于 2026-11-30 22:41): the tooltip says which.
        let published = PUBLISHED_WORDS.iter().any(|w| exact.contains(w));
        let shown = text.chars().count();
        let t = dates::find_absolute(exact, now).filter(|t| ok(*t))?;
        // A post older than the forum's "recent" span shows its time whole,
        // with the same tooltip: it is still a post's time, and the first
        // post's when it comes first (a later reply's 昨天 22:10 is not).
        // (Its label may be inside the element: 发表于: 2026-12-10 23:42.)
        let labelled = BYLINE_WORDS.iter().any(|w| text.starts_with(w));
        let same_shown = !relative
            && (shown <= 20 || (labelled && shown <= 30))
            && dates::find_absolute(&text, now) == Some(t);
        if !((relative && shown <= 20) || (published && shown <= 30) || same_shown) {
            return None;
        }
        let line = el
            .parent()
            .and_then(ElementRef::wrap)
            .map(|p| squash(&p.text().collect::<String>()))?;
        // In a byline (发表于 …), or standing alone as the time (3 天前, a
        // mobile thread's).
        let bare = text.chars().count() <= 12 && line == text;
        // A `data-time` the page's script turns into 2小时前 is the time
        // itself, wherever its line stands.
        let machine = el.value().attr("data-time").is_some() && relative;
        // A post's source line: its time, then the client it came from
        // (12月5日 21:40 来自 微博 weibo.com).
        let source_line = line
            .strip_prefix(text.as_str())
            .is_some_and(|r| r.trim_start().starts_with("来自"));
        ((BYLINE_WORDS.iter().any(|w| line.contains(w)) || bare || machine || source_line)
            && !in_furniture(el))
        .then(|| (t, format!("byline: {line} (title {exact})"), same_shown))
    })
}

/// The first element whose class names a date or time ([`DATE_CLASSES`])
/// and whose short text is one, outside page furniture, comments and list
/// rows. A relative time counts (the template marks it as the page's); a
/// day with its time written apart (2026年11月30日（星期一）<br>香港時間16時05分)
/// gets that time.
fn classed_date(
    doc: &Html,
    now: DateTime<Utc>,
    ok: &dyn Fn(DateTime<Utc>) -> bool,
) -> Option<(DateTime<Utc>, String)> {
    let classed = sel("[class]")?;
    doc.select(&classed).find_map(|el| {
        let class = el.value().attr("class")?.to_ascii_lowercase();
        if !class.split_whitespace().any(|c| DATE_CLASSES.contains(&c))
            || in_furniture(el)
            || in_list_row_or_reply(el)
            || beside_a_headline(el)
        {
            return None;
        }
        let text = squash(&html_to_text(&el.html()).replace('\n', " "));
        // A header's calendar (今天是：2026年12月6日 星期日 农历十月廿七)
        // is the day of the visit. English words take more characters
        // (Tuesday, March 23, 2027 Issued at HKT 17:45).
        let longest = if text.is_ascii() { 60 } else { 40 };
        if text.chars().count() > longest || CALENDAR_WORDS.iter().any(|w| text.contains(w)) {
            return None;
        }
        let t = match dates::find_absolute(&text, now) {
            Some(day) => Some(timed_apart(day, &text).unwrap_or(day)),
            None => dates::find_relative(&text, now)
                .or_else(|| dates::month_day(&text, now))
                .or_else(|| dates::find_english(&text)),
        }
        .filter(|t| ok(*t))?;
        Some((t, format!("date element .{class}: {text}")))
    })
}

/// Data attributes a template's script formats into the page's time.
const DATE_ATTRIBUTES: &[&str] = &[
    "data-time",
    "data-pubtime",
    "data-pub-time",
    "data-publish-time",
    "data-publishtime",
    "data-date",
];

/// The time in a date attribute ([`DATE_ATTRIBUTES`]) of the article's
/// own element: an `<article>`, or an element whose id or class names the
/// article, its detail or its content, outside furniture and list rows
/// (a list's rows carry their own articles' times).
fn attribute_date(
    doc: &Html,
    now: DateTime<Utc>,
    ok: &dyn Fn(DateTime<Utc>) -> bool,
) -> Option<(DateTime<Utc>, String)> {
    let query = DATE_ATTRIBUTES
        .iter()
        .map(|a| format!("[{a}]"))
        .collect::<Vec<_>>()
        .join(", ");
    let found = sel(&query)?;
    doc.select(&found).find_map(|el| {
        let v = el.value();
        let names = format!(
            "{} {}",
            v.attr("id").unwrap_or(""),
            v.attr("class").unwrap_or("")
        )
        .to_ascii_lowercase();
        let own = v.name() == "article"
            || ["article", "detail", "content"]
                .iter()
                .any(|w| names.contains(w));
        if !own || in_furniture(el) || in_list_row_or_reply(el) {
            return None;
        }
        DATE_ATTRIBUTES.iter().find_map(|a| {
            let value = v.attr(a)?;
            let t = dates::parse_machine(value, now).filter(|t| ok(*t))?;
            Some((t, format!("{a}=\"{value}\" on <{}>", v.name())))
        })
    })
}

/// `t`, a day, with the time a short line below it gives alone
/// (2026年12月10日（星期四） / 香港時間19時35分, Issued at HKT 16:20), when it is believable.
fn with_time_below(
    t: DateTime<Utc>,
    below: Option<&str>,
    now: DateTime<Utc>,
    ok: &dyn Fn(DateTime<Utc>) -> bool,
) -> DateTime<Utc> {
    // English words take more characters (Issued at HKT 16:20).
    below
        .filter(|n| n.chars().count() <= if n.is_ascii() { 30 } else { 16 })
        .filter(|n| dates::find_absolute(n, now).is_none())
        .and_then(|n| timed_apart(t, n))
        .filter(|t| ok(*t))
        .unwrap_or(t)
}

/// A day given without its time (`t` at midnight) at the time `text`
/// writes apart from it (2026年11月30日（星期一） / 香港時間16時05分).
fn timed_apart(t: DateTime<Utc>, text: &str) -> Option<DateTime<Utc>> {
    if !is_midnight(t) {
        return None;
    }
    dates::at_time(t, dates::find_time(text)?)
}

/// True when a sibling is a link with a headline's worth of text: the
/// date of the article linked (上一篇：<a>…</a> <span class="date">).
fn beside_a_headline(el: ElementRef<'_>) -> bool {
    el.parent().is_some_and(|p| {
        p.children()
            .filter_map(ElementRef::wrap)
            .any(|c| c.value().name() == "a" && c.text().collect::<String>().chars().count() >= 6)
    })
}

/// True inside a list row or a link (another article's date in a list), or
/// a comment or reply (`cmtItem`, `reply-list`), which furniture's class
/// words miss.
fn in_list_row_or_reply(el: ElementRef<'_>) -> bool {
    let mut node = Some(el);
    while let Some(e) = node {
        let v = e.value();
        if matches!(v.name(), "body" | "html") {
            break;
        }
        if matches!(v.name(), "li" | "a" | "dd") {
            return true;
        }
        let class = v.attr("class").unwrap_or("").to_ascii_lowercase();
        if ["cmt", "comment", "reply"]
            .iter()
            .any(|w| class.contains(w))
        {
            return true;
        }
        node = e.parent().and_then(ElementRef::wrap);
    }
    false
}

/// The floor and date of a forum post's tail line, when `line` is one.
fn floor_tail(line: &str, now: DateTime<Utc>) -> Option<(u32, DateTime<Utc>)> {
    let n = floor_number(line)?;
    // A mobile thread gives the day alone after the floor (`1楼 12-08
    // IP属地:湖北`): the floor makes it a date, not a range.
    let after_floor = line.split_once('楼').map_or("", |(_, rest)| rest);
    let t = dates::find_absolute(line, now).or_else(|| dates::month_day(after_floor, now))?;
    Some((n, t))
}

/// A floor tail: the floor, its date, and how many lines it takes.
type FloorTail = (u32, DateTime<Utc>, usize);

/// The floor tail that starts at `lines[i]`: one line (`1楼 2026-11-30
/// 21:07`), or a line that is the floor alone (`1楼`, `#2楼`) above a line
/// that is its date, as a tail written in separate elements reads.
fn floor_tail_at(lines: &[&str], i: usize, now: DateTime<Utc>) -> Option<FloorTail> {
    let line = lines.get(i)?;
    if let Some((n, t)) = floor_tail(line, now) {
        return Some((n, t, 1));
    }
    let n = floor_alone(line)?;
    let next = lines.get(i + 1)?.trim();
    if next.chars().count() > 40 || !mostly_date(next, now) {
        return None;
    }
    Some((n, dates::find_absolute(next, now)?, 2))
}

/// The date of the lowest floor of `text` (the thread's post; the others
/// are replies) and the line(s) it was read from.
fn lowest_floor(
    text: &str,
    now: DateTime<Utc>,
    ok: &impl Fn(DateTime<Utc>) -> bool,
) -> Option<(DateTime<Utc>, String)> {
    let lines: Vec<&str> = text.lines().collect();
    (0..lines.len())
        .filter_map(|i| {
            let (n, t, taken) = floor_tail_at(&lines, i, now).filter(|(_, t, _)| ok(*t))?;
            Some((n, t, i, taken))
        })
        .min_by_key(|(n, ..)| *n)
        .map(|(_, t, i, taken)| (t, lines[i..i + taken].join(" ")))
}

/// A date with little else (`1楼 2015-08-08 21:30`); a sentence quoting
/// a date (（原文刊发于2015年5月5日）) is text.
fn mostly_date(l: &str, now: DateTime<Utc>) -> bool {
    dates::find_absolute(l, now).is_some() && l.chars().filter(|c| c.is_alphabetic()).count() <= 6
}

/// The floor of a line that is only a floor: `1楼`, `#2楼`, `3 楼`.
fn floor_alone(line: &str) -> Option<u32> {
    let bare = line
        .trim()
        .trim_start_matches('#')
        .strip_suffix('楼')?
        .trim();
    floor_before(bare).filter(|_| bare.bytes().all(|b| b.is_ascii_digit()))
}

/// The floor written at the end of `s` (the text before a 楼): one to
/// five ASCII digits.
fn floor_before(s: &str) -> Option<u32> {
    let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 5 {
        return None;
    }
    s[s.len() - digits..].parse().ok()
}

/// A reply's head line in an old forum's thread (`作者：白沙镇老刘
/// 时间：2022-07-14 22:51:17　1楼`): an author, a date with its time, and
/// the floor last. The thread's own post stands above the first one.
fn reply_head(line: &str, now: DateTime<Utc>) -> bool {
    let l = line.trim();
    if l.chars().count() > 60 || !l.ends_with('楼') {
        return false;
    }
    l.strip_suffix('楼').and_then(floor_before).is_some()
        && ["作者", "回复人", "发表人"].iter().any(|w| l.contains(w))
        && dates::find_absolute(l, now).is_some_and(|t| !is_midnight(t))
}

/// A reply's head in a mobile thread: its floor, then 回复于 and a time
/// (`2楼回复于 2026-12-9 21:32IP属地:湖北`, `7楼 回复于 3小时前`).
fn floor_reply_head(line: &str, now: DateTime<Utc>) -> bool {
    let l = line.trim();
    if l.chars().count() > 40 {
        return false;
    }
    let Some((floor, rest)) = l.split_once('楼') else {
        return false;
    };
    floor_before(floor).is_some_and(|n| n >= 2)
        && floor
            .trim_start_matches('#')
            .bytes()
            .all(|b| b.is_ascii_digit())
        && rest.trim_start().starts_with("回复于")
        && (dates::find_absolute(rest, now).is_some() || dates::find_relative(rest, now).is_some())
}

/// The floor of a forum post's tail line (`来自Android客户端 4楼 2026-11-30
/// 09:30`, `#1楼 2026-11-29`): a short line where the floor is followed by
/// its date. Not an address with a date after it (市民中心3楼，2026年12月5日起).
fn floor_number(line: &str) -> Option<u32> {
    if line.chars().count() > 40 {
        return None;
    }
    let at = line.find('楼')?;
    let dated = line[at + '楼'.len_utf8()..]
        .trim_start_matches([' ', '\u{a0}', '\u{3000}'])
        .starts_with(|c: char| c.is_ascii_digit());
    if !dated {
        return None;
    }
    floor_before(&line[..at])
}

/// True when `t` is midnight in Beijing: a date given without its time.
fn is_midnight(t: DateTime<Utc>) -> bool {
    use chrono::Timelike;
    let l = t.with_timezone(&crate::time::china());
    l.hour() == 0 && l.minute() == 0 && l.second() == 0
}

/// The byline's date: the lines next to the title, then lines that say
/// 发布时间/来源/发表于 anywhere on the page (no length limit: one portal's
/// byline is 27,000 characters down). Relative forms count here only.
fn byline_date(
    doc: &Html,
    html: &str,
    title: &str,
    now: DateTime<Utc>,
    ok: &dyn Fn(DateTime<Utc>) -> bool,
) -> Option<(DateTime<Utc>, String)> {
    let page_text = sel("body")
        .and_then(|s| doc.select(&s).next())
        .map(|b| html_to_text(&b.html()))
        .unwrap_or_else(|| html_to_text(html));
    let lines: Vec<String> = page_text
        .lines()
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect();
    // 本帖最后由 … 于 2026-11-29 10:03 编辑: when a post was last edited,
    // not when it was published.
    let is_edit_mark = |l: &str| EDIT_MARKS.iter().any(|w| l.contains(w));
    let is_byline = |l: &str| BYLINE_WORDS.iter().any(|w| l.contains(w)) && !is_edit_mark(l);
    let byline_date = |l: &str, next: Option<&String>| -> Option<DateTime<Utc>> {
        let short = l.chars().count() <= 80;
        let abs = dates::find_absolute(l, now).or_else(|| {
            // `发布日期：` in one table cell, the date in the next (not when
            // the line gives its own time as 4 天前).
            (is_byline(l) && short && dates::find_relative(l, now).is_none())
                .then(|| {
                    // The next cell is the date, not a sentence that
                    // quotes one (a comment's 12月15号左右开张).
                    next.filter(|n| !is_edit_mark(n) && mostly_date(n, now))
                        .and_then(|n| dates::find_absolute(n, now))
                })
                .flatten()
        });
        abs.or_else(|| {
            // A short line of prose that says 今天 (今天来交作业，冬天必点这
            // 三样) is no time: a line without a byline word must be mostly
            // the time (3天前 岷泽, 昨天 21:16).
            let alone = l.chars().count() <= 30
                && !l.contains(['，', '。', '！', '？'])
                && l.chars().filter(|c| c.is_alphabetic()).count() <= RELATIVE_LINE_LETTERS;
            (short && (is_byline(l) || alone))
                .then(|| dates::find_relative(l, now))
                .flatten()
        })
    };
    // The title's line: where the title stands with its byline below it,
    // when it stands in several places (a sidebar's list of the latest
    // articles may name it above the page's own heading); else the first.
    let positions: Vec<usize> = if title.is_empty() {
        Vec::new()
    } else {
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                *l == title || (l.contains(title) && l.chars().count() < title.chars().count() + 20)
            })
            .map(|(i, _)| i)
            .collect()
    };
    // (Up to the title's next place: a byline below that is its.)
    let bylined = |at: usize| {
        let next = positions
            .iter()
            .copied()
            .find(|&p| p > at)
            .unwrap_or(lines.len());
        lines[at + 1..(at + 6).min(next)]
            .iter()
            .any(|l| is_byline(l) && dates::find_absolute(l, now).is_some())
    };
    let title_line = positions
        .iter()
        .copied()
        .find(|&at| bylined(at))
        .or(positions.first().copied());
    if let Some(at) = title_line {
        // A record's table of times (来电时间, 受理时间, 办结时间, 公开时间)
        // is published when it is made public, whichever row comes first.
        let made_public = (at + 1..(at + RECORD_ROWS).min(lines.len()))
            .take_while(|&i| byline_length(&lines[i]))
            .find_map(|i| {
                let l = &lines[i];
                if !MADE_PUBLIC.iter().any(|w| l.contains(w)) {
                    return None;
                }
                byline_date(l, lines.get(i + 1))
                    .filter(|t| ok(*t))
                    .map(|t| (t, format!("the record made public: {l}")))
            });
        if made_public.is_some() {
            return made_public;
        }
        let mut signing_cell = false;
        for i in at + 1..(at + 6).min(lines.len()) {
            let l = &lines[i];
            // The cell after a 成文日期 label is its date.
            if std::mem::take(&mut signing_cell) && mostly_date(l, now) {
                continue;
            }
            // A poster's profile beside a thread's first post (注册时间
            // 2015-4-18, 最后登录 …) dates the account, not the post.
            if PROFILE_WORDS.iter().any(|w| l.contains(w)) {
                signing_cell = true;
                continue;
            }
            // Body paragraphs are not bylines: stop at the first long line
            // (a bilingual byline, 发布日期 Release Date：…, runs longer).
            if !byline_length(l) {
                break;
            }
            // An edit (编辑于 2026年12月04日 10:12) is not the publication,
            // nor a header's date beside the breadcrumb (2026年12月7日
            // 您现在的位置：首页 >> 通知公告).
            // Nor a header's today widget (今日：2027年1月22日（星期五）).
            if is_edit_mark(l)
                || CRUMB_WORDS.iter().any(|w| l.contains(w))
                || CALENDAR_WORDS.iter().any(|w| l.contains(w))
            {
                continue;
            }
            // Nor a reply's head: a thread may show its highlighted replies
            // (这些回帖亮了, #37 发表于 12-11 00:26) above its first post.
            if reply_floor(l) {
                continue;
            }
            // Nor is a sentence of prose, whose dates are the days it tells
            // of (11月15日正式供暖到现在快三周了，我们家…); a short notice's
            // signature date below it still is.
            if l.chars().count() > 30 && l.contains(['，', '。']) && !is_byline(l) {
                continue;
            }
            // A file's 成文日期 (when it was signed) yields to its 发布日期
            // in the rows below, when there is one.
            if drafted(l) {
                signing_cell = true;
                continue;
            }
            // A Chinese release's English dateline (Friday, November 27,
            // 2026 / Issued at HKT 16:20) below its text. (An English
            // page's dates are left to its metadata.)
            if l.is_ascii()
                && han(title) > 0
                && let Some(t) = dates::find_english(l).filter(|t| ok(*t))
            {
                let t = with_time_below(t, lines.get(i + 1).map(|n| n.as_ref()), now, &ok);
                return Some((t, format!("English dateline after the title: {l}")));
            }
            if let Some(t) = byline_date(l, lines.get(i + 1)).filter(|t| ok(*t)) {
                // A day whose time stands on the next line alone
                // (2026年11月30日（星期一）/ 香港時間16時05分).
                let t = with_time_below(t, lines.get(i + 1).map(|n| n.as_ref()), now, &ok);
                return Some((t, format!("byline after the title: {l}")));
            }
        }
        // A self-media post heads its text with its author's line (阿杰 /
        // 6小时前 · 发布于岫川), above the first line: nearer the post than
        // any comment's time (38分钟前 · 作者) further down.
        // Or its time alone with the app it was sent from (今天 09:12 ·
        // 来自雪坡iPhone版).
        for l in lines[at.saturating_sub(3)..at].iter().rev() {
            let relative_alone = l.chars().count() <= 30
                && !is_edit_mark(l)
                && dates::find_relative(l, now).is_some();
            if (is_byline(l) || relative_alone)
                && l.chars().count() <= 40
                && !CALENDAR_WORDS.iter().any(|w| l.contains(w))
                && let Some(t) = byline_date(l, None).filter(|t| ok(*t))
            {
                return Some((t, format!("byline above the title: {l}")));
            }
        }
    }
    let after = title_line.unwrap_or(0);
    let keyword_lines = lines
        .iter()
        .enumerate()
        .skip(after)
        .chain(lines.iter().enumerate().take(after))
        .filter(|(_, l)| is_byline(l) && byline_length(l));
    let mut signed = None;
    // A reply's head (#37 发表于 …) dates the page only when no other
    // byline does: the thread's own post is not a reply.
    let mut reply = None;
    for (i, l) in keyword_lines {
        if let Some(t) = byline_date(l, lines.get(i + 1)).filter(|t| ok(*t)) {
            if reply_floor(l) {
                reply.get_or_insert((t, format!("byline: {l}")));
                continue;
            }
            if drafted(l) {
                signed.get_or_insert((t, format!("byline: {l}")));
                continue;
            }
            return Some((t, format!("byline: {l}")));
        }
    }
    signed.or(reply)
}

/// Whether a line is a reply's head in a thread: a floor past the first
/// (`#37`, `37楼`) and no 楼主 mark (the thread's author answering is still
/// a reply, but the first post carries no floor or floor 0/1).
fn reply_floor(line: &str) -> bool {
    if line.contains("楼主") || line.chars().count() > 60 {
        return false;
    }
    let hashed = line.match_indices('#').any(|(at, _)| {
        let digits: String = line[at + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        (1..=5).contains(&digits.len()) && digits.parse::<u32>().is_ok_and(|n| n >= 1)
    });
    let storeyed = line
        .match_indices('楼')
        .any(|(at, _)| floor_before(&line[..at]).is_some_and(|n| n >= 2));
    hashed || storeyed
}

/// Whether a line is short enough to be a byline: 80 characters, or 200
/// when it opens with its label (a bilingual one, 发布日期 Release Date：…).
fn byline_length(line: &str) -> bool {
    let n = line.chars().count();
    n <= 80 || (n <= 200 && BYLINE_WORDS.iter().any(|w| line.starts_with(w)))
}

/// Labels of a forum poster's profile, whose dates are the account's.
const PROFILE_WORDS: &[&str] = &[
    "注册时间",
    "注册于",
    "注册日期",
    "注册：",
    "注册:",
    "最后登录",
    "上次登录",
    "在线时间",
    "加入时间",
];

/// A government file's signing date (成文日期), which dates the page only
/// when it gives no 发布日期.
/// Labels of when a record (a hotline's work order, a letter and its
/// answer) was made public: its publication, whatever times its other
/// rows give.
const MADE_PUBLIC: &[&str] = &["公开时间", "公开日期"];

/// Lines below a record's title its table of times may take, one cell a
/// line.
const RECORD_ROWS: usize = 24;

fn drafted(line: &str) -> bool {
    // A broadcast's air date (播出日期) too: its page is published later.
    // An online interview's air time (访谈时间) too.
    [
        "成文日期",
        "成文时间",
        "印发日期",
        "播出日期",
        "播出时间",
        "访谈时间",
    ]
    .iter()
    .any(|w| line.contains(w))
        && !["发布日期", "发布时间"].iter().any(|w| line.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        dates::parse_machine("2026-12-01T12:00:00+08:00", Utc::now()).unwrap_or_default()
    }

    #[test]
    fn relative_words_outside_the_byline_do_not_date_a_page() {
        let html = "<html><head><title>某地菜市场改造停滞_城市网</title></head><body>\
            <div class=\"side\"><ul><li>昨天 22:17 <a href=\"/x\">别的新闻</a></li></ul></div>\
            <h1>某地菜市场改造停滞</h1><p>2014年3月2日 来源：晚报</p>\
            <p>今天上午，记者来到这处菜市场，看到工地围挡内杂草丛生，已有半年未见施工。</p>\
            <div class=\"comment\">5小时前 网友：希望早点修好</div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "某地菜市场改造停滞");
        assert_eq!(
            a.published.map(|t| t.to_rfc3339()),
            Some("2014-03-01T16:00:00+00:00".into()),
            "{:?}",
            a.date_evidence
        );
    }

    fn published(html: &str) -> (Option<String>, Option<String>) {
        let a = extract(html, Hints::default(), now());
        let local = a.published.map(|t| {
            t.with_timezone(&crate::time::china())
                .format("%Y-%m-%d %H:%M")
                .to_string()
        });
        (local, a.date_evidence)
    }

    const NOTE_BODY: &str = "<p>周六一早去河边跑步，看见新修的步道已经铺到了老码头，路灯也装上了，\
        晚上散步的人比以前多了不少，就是厕所还没开放，希望早点弄好。\
        听旁边钓鱼的大爷说，下一段要一直修到新大桥底下，明年开春才能全部完工，到时候沿河能走一整圈。</p>";

    #[test]
    fn a_headline_cut_short_on_the_page_is_read_whole_where_the_page_gives_it() {
        let html = format!(
            "<html><head><title> 河边新步道走了一圈，说说优点和几个还没弄好的地方... </title>\
            <script type=\"application/ld+json\">{{\"@type\":\"DiscussionForumPosting\",\
            \"name\":\"河边新步道走了一圈，说说优点和几个还没弄好的地方（附照片）\"}}</script>\
            </head><body><h1> 河边新步道走了一圈，说说优点和几个还没弄好的地方... </h1>\
            <div class=\"topic\"><h3><span>跑步的阿青</span><span>2026-11-28 07:15:42</span></h3>\
            {NOTE_BODY}</div></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "河边新步道走了一圈，说说优点和几个还没弄好的地方（附照片）",
            "{}",
            a.title_from
        );
        // The byline under the heading as shown still dates it.
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-28 07:15"), "{why:?}");
        // Without the whole anywhere, the title stays as shown.
        let bare = html.replace("（附照片）", "...");
        let a = extract(&bare, Hints::default(), now());
        assert!(a.title.ends_with("..."), "{}", a.title);
    }

    #[test]
    fn metadata_without_the_headlines_quote_marks_yields_to_the_heading() {
        let html = format!(
            "<html><head><title>通知公告-青岚县柳荫街道办事处</title>\
            <meta name=\"ArticleTitle\" content=\"关于2026年度最美庭院推荐名单的公示\"></head>\
            <body><h1>关于2026年度“最美庭院”推荐名单的公示</h1>\
            <div class=\"info\">发布日期：2026-11-20</div><div class=\"con\">{NOTE_BODY}</div></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "关于2026年度“最美庭院”推荐名单的公示",
            "{}",
            a.title_from
        );
    }

    #[test]
    fn a_press_release_is_headed_by_its_headline_span_and_not_dated_by_todays_box() {
        let html = format!(
            "<html><head><title>新聞公報</title></head><body>\
            <div id=\"left\"><p class=\"calTitle\">新聞公報日期</p>\
            <p class=\"today\">今日：2026年12月1日（星期二）</p></div>\
            <div id=\"contentBody\"><span id=\"PRHeadlineSpan\">河畔步道第二期工程明年動工</span><br><br>\
            <span id=\"pressrelease\">{NOTE_BODY}</span><p>完</p>\
            <div id=\"prDate\">2026年11月24日（星期二）<br>香港時間17時25分</div></div></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(a.title, "河畔步道第二期工程明年動工", "{}", a.title_from);
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-24 17:25"), "{why:?}");
    }

    #[test]
    fn a_video_page_is_read_from_the_state_holding_its_caption_not_its_route() {
        let html = "<html><head><title>快映，看见每一种生活</title>\
            <meta property=\"og:title\" content=\"河边阿青的快映作品\"></head><body><div id=\"app\"></div>\
            <script>window.__APOLLO_STATE__={\"Photo:1\":{\"caption\":\"河边新步道走了一圈，晚上散步的人多了！\\n\
            新修的步道已经铺到了老码头，路灯也装上了，就是厕所还没开放，希望早点弄好。下一段要一直修到新大桥底下，明年开春全部完工。\",\
            \"timestamp\":1795825320000}};</script>\
            <script>window.__INITIAL_STATE__={\"route\":{\"path\":\"/short-video/1\"},\"serverTime\":1796540000000};</script>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            a.title, "河边新步道走了一圈，晚上散步的人多了！",
            "{}",
            a.title_from
        );
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-28 08:22"), "{why:?}");
    }

    #[test]
    fn a_video_channels_feed_is_read_from_its_nested_caption_and_its_own_time() {
        let html = "<html><head><title>圈影号</title>\
            <meta property=\"og:title\" content=\"河边阿青的视频\"></head><body><div id=\"app\"></div>\
            <script>window.__INITIAL_STATE__={\"serverTime\":1796540000,\"feed\":{\"createtime\":1795825320,\
            \"updateTime\":1795900000,\"objectDesc\":{\"description\":\"河边新步道走了一圈，晚上散步的人多了。\\n\
            新修的步道已经铺到了老码头，路灯也装上了，就是厕所还没开放，希望早点弄好。下一段要一直修到新大桥底下，明年开春全部完工。\"},\
            \"commentList\":[{\"content\":\"明天我也去走走\",\"createtime\":1795900100}]}};</script></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            a.title, "河边新步道走了一圈，晚上散步的人多了。",
            "{}",
            a.title_from
        );
        assert!(a.text.contains("路灯也装上了"), "{}", a.text);
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-28 08:22"), "{why:?}");
    }

    #[test]
    fn a_hong_kong_release_is_dated_by_its_english_dateline() {
        let html = "<html><head><title>新聞公報 - 海事設施署</title>\
            <meta name=\"date\" content=\"2026-11-29\"></head><body>\
            <h1 id=\"PRHeadline\">南灣碼頭擴建工程下月動工</h1>\
            <div class=\"pr-body\">海事設施署今日宣布，南灣碼頭擴建工程將於十二月中旬動工，\
            預計二〇二八年完成。工程期間碼頭照常開放，署方會安排臨時上落客區及指示牌。</div>\
            <div class=\"pr-dateline\">Friday, November 27, 2026<br>Issued at HKT 16:20</div>\
            <div class=\"pr-others\"><h2>其他新聞公報</h2><table><tr><td class=\"date\">2026年11月25日</td>\
            <td><a href=\"/p1\">署方提醒市民注意海灘水質</a></td></tr></table></div></body></html>";
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-27 16:20"), "{why:?}");
    }

    #[test]
    fn a_video_announced_by_its_title_is_read_from_its_url_encoded_state() {
        let state = "{\"app\":{\"videoDetail\":{\"desc\":\"第一次带外婆去看油菜花。她说年轻时在这片田里插过秧，\
            走两步就要停下来拍一张，说要发给她的老姐妹们看。#春天 #油菜花\",\"createTime\":1795825320},\
            \"related\":[{\"desc\":\"油菜花田航拍\",\"createTime\":1795000000}]}}";
        let encoded: String = state
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        let html = format!(
            "<html><head><title>第一次带外婆去看油菜花。她说年轻时在这片田里插过秧 - 抖趣</title>\
            <meta property=\"og:title\" content=\"小禾的视频 - 抖趣\"></head><body><div id=\"root\">\
            <div>评论加载中...</div><div>打开抖趣App，看更多精彩视频</div><a>用户服务协议</a><a>隐私政策</a></div>\
            <script id=\"RENDER_DATA\" type=\"application/json\">{encoded}</script></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(a.title, "第一次带外婆去看油菜花。", "{}", a.title_from);
        assert!(a.text.contains("老姐妹们"), "{}", a.text);
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-28 08:22"), "{why:?}");
    }

    #[test]
    fn metadata_that_drops_a_stretch_of_the_headline_yields_to_the_heading() {
        let html = format!(
            "<html><head><title>白沙镇人民政府</title>\
            <meta property=\"og:title\" content=\"关于开展春季农村房屋安全隐患排查的通知\"></head>\
            <body><h1>关于开展2026年春季农村房屋安全隐患排查的通知</h1>{NOTE_BODY}</body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "关于开展2026年春季农村房屋安全隐患排查的通知",
            "{}",
            a.title_from
        );
        assert!(super::inner_stretch_dropped(
            "关于开展春季排查的通知",
            "关于开展2026年春季排查的通知"
        ));
        assert!(!super::inner_stretch_dropped(
            "春季排查的通知",
            "【要闻】春季排查的通知"
        ));
    }

    #[test]
    fn an_article_given_only_in_json_ld_is_headed_by_its_headline_there() {
        let html = format!(
            "<html><head><title>今晨新闻</title>\
            <meta property=\"og:title\" content=\"河边步道修到老码头｜今晨新闻\">\
            <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
            \"headline\":\"滨河步道二期铺到老码头 明年开春全线贯通\",\
            \"datePublished\":\"2026-11-27T23:30:00Z\",\"articleBody\":\"{}\"}}</script>\
            </head><body><div id=\"app\">打开App阅读全文</div></body></html>",
            NOTE_BODY.replace("<p>", "").replace("</p>", "")
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "滨河步道二期铺到老码头 明年开春全线贯通",
            "{}",
            a.title_from
        );
        assert!(a.text.contains("老码头"), "{}", a.text);
    }

    #[test]
    fn a_petition_page_is_titled_and_dated_by_its_labelled_cells() {
        let html = format!(
            "<html><head><title>事项详情 - 青岚县网上信访大厅</title></head><body>\
            <div class=\"top\">今天是2026年12月01日 星期二</div><h2>青岚县网上信访大厅</h2>\
            <table><tr><td>信访标题</td><td class=\"xf-title\">河边步道厕所一直没开放</td></tr>\
            <tr><td>信访人</td><td>王**</td><td>信访日期</td><td>2026-11-12 08:40</td></tr>\
            <tr><td>信访内容</td><td>{NOTE_BODY}</td></tr></table>\
            <table><tr><td>答复日期</td><td>2026-11-26 15:00</td></tr>\
            <tr><td>答复内容</td><td><p>您好，厕所将于本月底开放。</p><p>青岚县城管局</p>\
            <p>2026年11月26日</p></td></tr></table></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(a.title, "河边步道厕所一直没开放", "{}", a.title_from);
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-12 08:40"), "{why:?}");
    }

    #[test]
    fn a_post_is_dated_by_its_authors_line_above_it_not_by_a_comment() {
        let html = format!(
            "<html><head><title>河边步道修到老码头了！周六一早去跑步... - 头条</title></head><body>\
            <div class=\"author\"><a>跑步的老周</a><div><span class=\"time\">5小时前</span>\
            <span>·</span><span>发布于江城</span></div></div>\
            <div class=\"post\">河边步道修到老码头了！<br>{NOTE_BODY}</div>\
            <div class=\"comments\"><div>全部评论 3</div><div>确实好多了</div>\
            <div>20分钟前 · 江城 · 作者</div></div></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-12-01 07:00"), "{why:?}");
    }

    #[test]
    fn a_newspaper_page_is_dated_by_its_edition_not_by_the_calendar() {
        let html = format!(
            "<html><head><title>江城日報 - 本地</title></head><body>\
            <div class=\"top\">2026年12月1日 星期二</div>\
            <select><option>2026-12-01</option><option selected>2026-11-30</option></select>\
            <a href=\"/epaper/\">電子版</a>\
            <div class=\"path\"><a href=\"/20261130/\">2026-11-30</a> &gt; 本地 &gt; A03版</div>\
            <h1>河邊步道修到老碼頭</h1>{NOTE_BODY}</body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-30 00:00"), "{why:?}");
    }

    #[test]
    fn a_sidebar_channel_name_yields_to_the_h1_holding_it() {
        let html = format!(
            "<html><head><title>情况通报-江城市水务局</title></head><body>\
            <div class=\"box\"><h3>情况通报</h3><ul><li><a href=\"/a\">关于别处停水的情况通报</a></li></ul></div>\
            <h1>关于河边步道积水的情况通报</h1>{NOTE_BODY}</body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(a.title, "关于河边步道积水的情况通报", "{}", a.title_from);
    }

    #[test]
    fn a_work_order_is_dated_by_the_call_not_the_follow_up() {
        let html = format!(
            "<html><head><title>工单详情</title></head><body><h1>河边步道路灯坏了一排没人修</h1>\
            <table><tr><td>来电时间</td><td>2026-11-20 14:32:08</td></tr>\
            <tr><td>受理时间</td><td>2026-11-20 14:40:51</td></tr></table>{NOTE_BODY}\
            <p>回访时间：2026-11-29 10:20:47　回访结果：已解决</p></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-20 14:32"), "{why:?}");
    }

    #[test]
    fn a_video_share_page_is_read_from_its_url_encoded_state() {
        let html = "<html><head><title>短视频</title></head><body><div id=\"root\">打开App</div>\
            <script id=\"RENDER_DATA\" type=\"application/json\">%7B%22app%22%3A%7B%22detail%22%3A%7B%22desc%22%3A%22%E6%B2%B3%E8%BE%B9%E6%AD%A5%E9%81%93%E7%9A%84%E8%B7%AF%E7%81%AF%E5%9D%8F%E4%BA%86%E4%B8%80%E6%8E%92%EF%BC%8C%E6%99%9A%E4%B8%8A%E9%BB%91%E4%B9%8E%E4%B9%8E%E7%9A%84%5Cn%E4%BB%8E%E8%80%81%E7%A0%81%E5%A4%B4%E5%88%B0%E6%96%B0%E5%A4%A7%E6%A1%A5%E9%82%A3%E4%B8%80%E6%AE%B5%EF%BC%8C%E8%B7%91%E6%AD%A5%E7%9A%84%E4%BA%BA%E5%8F%AA%E8%83%BD%E6%89%93%E7%9D%80%E6%89%8B%E7%94%B5%E8%B5%B0%EF%BC%8C%E8%80%81%E4%BA%BA%E5%AD%A9%E5%AD%90%E6%99%9A%E4%B8%8A%E9%83%BD%E4%B8%8D%E6%95%A2%E5%8E%BB%E4%BA%86%EF%BC%8C%E5%B8%8C%E6%9C%9B%E6%9C%89%E5%85%B3%E9%83%A8%E9%97%A8%E8%B5%B6%E7%B4%A7%E6%9D%A5%E4%BF%AE%E4%B8%80%E4%BF%AE%20%23%E6%B1%9F%E5%9F%8E%20%40%E6%B1%9F%E5%9F%8E%E5%8F%91%E5%B8%83%22%2C%22createTime%22%3A1796004000%7D%2C%22related%22%3A%5B%7B%22desc%22%3A%22%E6%B1%9F%E5%9F%8E%E5%A4%9C%E6%99%AF%22%2C%22createTime%22%3A1795000000%7D%5D%7D%7D</script></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "河边步道的路灯坏了一排，晚上黑乎乎的");
        assert_eq!(
            a.text,
            "河边步道的路灯坏了一排，晚上黑乎乎的\n从老码头到新大桥那一段，\
             跑步的人只能打着手电走，老人孩子晚上都不敢去了，希望有关部门赶紧来修一修"
        );
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-30 10:00"), "{why:?}");
    }

    #[test]
    fn a_page_showing_only_its_edit_is_dated_by_its_state() {
        let html = format!(
            "<html><head><title>河边步道修到老码头了 - 专栏</title></head><body>\
            <h1>河边步道修到老码头了</h1><div>编辑于 2026年11月30日 10:12</div>{NOTE_BODY}\
            <script>window.__INITIAL_STATE__={{\"readInfo\":{{\"title\":\"河边步道修到老码头了\",\
            \"publish_time\":\"1795953600\",\"mtime\":\"1796005000\"}}}};</script></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-29 20:00"), "{why:?}");
    }

    #[test]
    fn a_stale_just_now_yields_to_the_states_exact_time() {
        // A share page cached since it was published still says 刚刚; its
        // state gives the article's time, a day before the fetch.
        let html = format!(
            "<html><head><title>河边步道修到老码头了</title></head><body>\
            <h1>河边步道修到老码头了</h1><p><span class=\"time\">刚刚</span>\
            <span>阅读 12</span></p>{NOTE_BODY}\
            <script>window.__INITIAL_STATE__={{\"article\":{{\"title\":\"河边步道修到老码头了\",\
            \"publishTime\":1796005000000}}}};</script></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-30 10:16"), "{why:?}");
    }

    #[test]
    fn an_article_element_dated_only_for_its_script_is_dated_by_it() {
        // The visible time span is empty until the script fills it.
        let html = format!(
            "<html><head><title>河边步道修到老码头了</title></head><body>\
            <article class=\"article\" data-time=\"1795995900\"><h1>河边步道修到老码头了</h1>\
            <p><span class=\"src\">江城融媒</span><span class=\"time\"></span></p>{NOTE_BODY}\
            <p>步道早上6:30开放，晚上22:00关闭。</p></article>\
            <ul class=\"list\"><li data-time=\"1795000000\"><a href=\"/a\">别的新闻</a></li></ul></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-30 07:45"), "{why:?}");
    }

    #[test]
    fn a_weibo_post_without_a_lead_is_headed_by_its_first_sentence() {
        let html = "<html><head><title>微博</title></head><body><div id=\"app\"></div>\
            <script>var $render_data = [{\"status\": {\"created_at\": \"Sun Nov 29 19:20:31 +0800 2026\",\
            \"status_title\": \"今晚江城下雪了！\",\
            \"text\": \"今晚江城下雪了！楼下的孩子们全跑出来堆雪人，明早上班的朋友注意路滑。\"}}][0] || {};</script></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "今晚江城下雪了！");
        assert!(a.text.starts_with("今晚江城下雪了！楼下"), "{}", a.text);
    }

    #[test]
    fn captions_reprint_notices_tags_and_other_letters_are_no_body() {
        let html = "<html><head><title>老街改造后重新开街</title></head><body>\
            <div class=\"article-content\"><h1>老街改造后重新开街</h1>\
            <p>原创</p>\
            <p>上周末，城东区的槐花巷正式重新开街，十几家老字号陆续回到这条老街。</p>\
            <p>▲槐花巷重新开街当天，市民在老字号门前排队。（资料图）</p>\
            <p>11月28日，槐花巷的青石板路。江城日报记者 李明 图</p>\
            <p>街坊们说，改造保留了青石板路和老门面，周末来逛的游客明显多了。</p>\
            <p>本文为江城日报原创报道，未经授权不得转载。转载授权请联系编辑部。</p>\
            <p>#老街改造 #城市更新</p></div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            a.text,
            "上周末，城东区的槐花巷正式重新开街，十几家老字号陆续回到这条老街。\n\
             街坊们说，改造保留了青石板路和老门面，周末来逛的游客明显多了。"
        );
        let letter = "<html><head><title>12路公交调整后换乘不便</title></head><body>\
            <div class=\"content\"><h1>12路公交调整后换乘不便</h1>\
            <p>12路公交调整以后，孩子上学要多换乘一次，早上六点就得出门，希望恢复原来的线路。</p>\
            <p>同类留言</p><p>建议在高铁站增设夜间公交接驳线路 已回复</p>\
            <p>人民广场公交站台雨棚损坏多日无人维修 已办结</p></div></body></html>";
        let a = extract(letter, Hints::default(), now());
        assert!(!a.text.contains("雨棚"), "{}", a.text);
    }

    #[test]
    fn counters_feedback_prompts_and_app_banners_are_no_body_but_figures_are() {
        assert!(is_counter_row("赞同(127)踩(3)评论(4)"));
        assert!(is_counter_row("1,862次浏览关注问题"));
        assert!(is_counter_row(
            "该回答是否解决了您的问题？ 已解决(186)未解决(9)"
        ));
        assert!(is_counter_row("海量资讯、精准解读，尽在江城新闻APP"));
        // A table's figures, and prose with a count, are text.
        assert!(!is_counter_row("26418.55"));
        assert!(!is_counter_row("评论区有300多人说自己也遇到过"));
        let text =
            clean_body("新闻财经体育娱乐 打开客户端\n江城今冬首场寒潮来袭，部分学校调整到校时间。");
        assert_eq!(text, "江城今冬首场寒潮来袭，部分学校调整到校时间。");
    }

    #[test]
    fn a_portals_page_variable_dates_its_article() {
        let html = format!(
            "<html><head><title>河边步道修到老码头了_江城网</title>\
            <script>var allData = {{\"docData\":{{\"title\":\"河边步道修到老码头了\",\
            \"newsTime\":\"2026-11-29 18:31:00\",\"source\":\"江城日报\"}}}};</script></head><body>\
            <h1>河边步道修到老码头了</h1>{NOTE_BODY}</body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-29 18:31"), "{why:?}");
    }

    #[test]
    fn a_journal_page_is_dated_when_published_and_a_blog_by_its_foot_line() {
        let journal = format!(
            "<html><head><title>县域集体经济收益分配研究</title></head><body>\
            <h1>县域集体经济收益分配研究</h1><p>收稿日期：2026-07-14　修回日期：2026-09-02</p>\
            <p>发表时间：2026-11-28</p>{NOTE_BODY}</body></html>"
        );
        assert_eq!(published(&journal).0.as_deref(), Some("2026-11-28 00:00"));
        let blog = format!(
            "<html><head><title>一次排查记录 - 码园</title></head><body>\
            <h1>一次排查记录</h1>{NOTE_BODY}<p>posted @ 2026-11-27 21:15 老周 阅读(312) 评论(4)</p>\
            <div class=\"feedback\"><p>#1楼 2026-11-28 09:31 风过林梢</p><p>学到了</p></div></body></html>"
        );
        assert_eq!(published(&blog).0.as_deref(), Some("2026-11-27 21:15"));
    }

    #[test]
    fn a_mini_programs_article_given_as_paragraphs_is_read_from_its_state() {
        let html = "<html><head><title>邻里通</title></head><body><div id=\"app\"></div>\
            <script>window.__DATA__ = {\"data\":{\"post\":{\"title\":\"社区长者食堂下周一开业\",\
            \"publishTime\":\"2026-11-29T19:36:00+08:00\",\"displayTime\":\"2天前\",\
            \"paragraphs\":[\"居民朋友们，经过两个月的筹备，社区长者食堂将于下周一正式开业，地点在社区党群服务中心一楼。\",\
            \"六十岁以上的老人凭身份证登记后用餐可享受补贴，八十岁以上的老人每餐再减两元，行动不便的老人可以预约送餐上门。\"]}}};</script>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "社区长者食堂下周一开业");
        assert!(a.text.contains("\n六十岁以上"), "{}", a.text);
        assert_eq!(day_and_minute(&a).as_deref(), Some("2026-11-29 19:36"));
    }

    #[test]
    fn a_mobile_threads_first_post_stands_under_its_floor_line() {
        let html = "<html><head><title>县城那段路一盏路灯都没有_东川吧</title></head><body>\
            <h1>县城那段路一盏路灯都没有</h1><ul>\
            <li><div><p><span>晚归的人</span><span>楼主</span><span>Lv.6</span></p>\
            <p><span>1楼</span><span>2026-11-29 21:07</span><span>IP属地:湖北</span></p></div>\
            <div class=\"post-content\">孩子放学要走一公里多的夜路，河堤那段一盏路灯都没有，女孩子一个人骑车真的害怕。<br>\
            打过12345，说转给城管了，到现在也没回音，想问问这段路到底归谁管？</div>\
            <div class=\"post-tail\">来自Android客户端</div></li>\
            <li><div><p><span>老杨头</span><span>Lv.9</span></p>\
            <p><span>2楼</span><span>回复于 2026-11-29 21:32</span></p></div>\
            <div class=\"post-content\">那段路灯应该是住建局那边管，规划里要修的路一直没动工。</div></li>\
            </ul></body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.starts_with("孩子放学"), "{}", a.text);
        assert!(a.text.ends_with("归谁管？"), "{}", a.text);
        assert_eq!(day_and_minute(&a).as_deref(), Some("2026-11-29 21:07"));
        assert!(floor_reply_head("7楼 回复于 3小时前", now()));
        assert!(!floor_reply_head("1楼 回复于 2026-11-29 21:32", now()));
        assert!(!floor_reply_head("市民中心3楼回复于群众来信", now()));
    }

    #[test]
    fn a_departments_name_in_the_title_is_its_sites() {
        let html = "<html><head><title>行政处罚信息公示_澄州市市场监督管理局</title></head><body>\
            <div class=\"logo\">澄州市市场监督管理局</div><div>澄州市市场监督管理局</div>\
            <h1>澄州市某食品有限公司行政处罚信息公示</h1><div>发布时间：2026-11-27 16:12</div>\
            <div><p>当事人生产销售标签不符合食品安全标准的预包装食品，违反了《中华人民共和国食品安全法》的规定，依法给予警告并处罚款。</p></div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "澄州市某食品有限公司行政处罚信息公示");
        assert!(looks_like_site_name("澄州市应急管理局"));
        assert!(!looks_like_site_name("谱写县域发展新格局"));
    }

    #[test]
    fn a_release_dated_at_its_foot_takes_the_time_on_the_next_line() {
        let html = "<html><head><title>假期特別交通安排</title></head><body><h1>假期特別交通安排</h1>\
            <div id=\"pressrelease\">運輸署今日提醒市民，假期期間預料會有大批市民前往各區參與慶祝活動，部分公共交通服務會作出改道或調整，呼籲市民預留充裕時間。<br><br>\
            專營巴士公司會在上述兩晚加開特別巴士服務及加密通宵路線班次，乘客可瀏覽各營辦商網頁查閱詳情。<br><br>\
            <p>完</p><div>2026年11月26日（星期四）<br>香港時間19時35分</div></div></body></html>";
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-26 19:35"), "{why:?}");
    }

    #[test]
    fn a_ticker_label_and_a_box_holding_the_heading_are_not_the_title() {
        let html = "<html><head><title>通知公告-北川职业学院</title></head><body>\
            <table><tr><td class=\"gd_tit\"><strong>滚动新闻：</strong></td>\
            <td><marquee><a href=\"/a.html\">学院召开冬季安全工作会</a>[12-20]</marquee></td></tr></table>\
            <div class=\"content-title\"><h3>关于举办冬季长跑比赛的通知</h3>\
            <i>发布时间：2026-11-24 15:08 作者：体育部 浏览次数：</i></div>\
            <div class=\"v_news_content\"><p>各二级学院：为丰富校园文化生活，增强学生体质，学院决定于12月举办冬季长跑比赛，现将有关事项通知如下。</p>\
            <p>比赛分男子组和女子组，每个学院限报二十人，请于12月1日前将报名表报体育部。</p></div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "关于举办冬季长跑比赛的通知", "{:?}", a.title_from);
    }

    #[test]
    fn a_channel_the_breadcrumb_names_is_not_the_title_title_names_first() {
        let html = "<html><head><title>医院新闻-汀川市第一人民医院</title></head><body>\
            <div class=\"crumbs\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xwzx/\">新闻中心</a> &gt; <a href=\"/yyxw/\">医院新闻</a></div>\
            <h2 class=\"news-title\">我院成功开展首例心脏介入手术</h2>\
            <div class=\"news-body\"><p>近日，我院心内科团队成功为一名78岁患者实施介入手术，患者术后恢复良好，已于昨日出院。</p>\
            <p>这是我院在心血管疾病介入治疗领域取得的又一突破，标志着医院相关技术达到新的水平。</p></div>\
            <div class=\"side\"><h3>医院新闻</h3><ul><li><a href=\"/1.html\">我院举办护士节表彰大会</a></li></ul></div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            a.title, "我院成功开展首例心脏介入手术",
            "{:?}",
            a.title_from
        );
    }

    #[test]
    fn metadata_that_is_the_shown_update_time_yields_to_the_publication() {
        let html = "<html><head><meta name=\"PubDate\" content=\"2026-11-23 17:05\">\
            <title>县应急管理局</title></head><body><h1>我县启动低温雨雪冰冻灾害Ⅳ级应急响应</h1>\
            <div class=\"art-meta\">发布时间：2026-11-20 07:30　更新时间：2026-11-23 17:05　来源：县应急管理局</div>\
            <div class=\"art-con\"><p>根据气象部门预报，11月20日至23日我县将出现低温雨雪冰冻天气，县防指决定启动Ⅳ级应急响应。</p>\
            <p>【更新】11月23日17时，全县道路已恢复通行。</p></div></body></html>";
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-20 07:30"), "{why:?}");
    }

    #[test]
    fn a_news_apps_record_titled_by_name_is_read_from_its_state() {
        let html = "<html><head><title>潮声新闻</title></head><body><div id=\"__next\">\
            <p>“以前这条巷子一到晚上黑漆漆的。”</p><a>打开APP阅读全文</a></div>\
            <script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"detailData\":\
            {\"name\":\"老城区47条背街小巷完成微更新\",\"pubTime\":\"2026-11-28 07:30\",\"pubTimeNew\":\"2天前\",\
            \"nodeInfo\":{\"name\":\"城市观察\"},\
            \"content\":\"<p>“以前这条巷子一到晚上黑漆漆的。”12月14日傍晚，家住老城区槐树巷的刘阿姨说。</p>\
            <p>今年4月起，市里启动老城区背街小巷微更新行动，对3个街道的47条背街小巷进行改造提升，新增和更换路灯1120盏。</p>\"}}}}\
            </script></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "老城区47条背街小巷完成微更新");
        assert!(a.text.contains("新增和更换路灯1120盏"), "{}", a.text);
        assert_eq!(day_and_minute(&a).as_deref(), Some("2026-11-28 07:30"));
    }

    #[test]
    fn photo_captions_are_no_body_but_a_line_above_a_photo_is() {
        let html = "<html><head><title>县长到城关镇调研冬季安全生产</title></head><body>\
            <h1>县长到城关镇调研冬季安全生产</h1><div id=\"zoom\">\
            <p>11月27日，县长带队到城关镇调研冬季安全生产工作，实地检查燃气、消防、道路交通等重点领域安全隐患排查整治情况。</p>\
            <p style=\"text-align: center\"><img src=\"/a.jpg\"></p>\
            <p style=\"text-align: center\"><span>县长在液化气供应站检查燃气储存安全</span></p>\
            <p>一行先后来到液化气供应站和农贸市场，详细了解燃气储存使用、消防设施配备等情况，并随机抽查了部分商户的燃气报警装置。</p>\
            <div class=\"image-container\"><div><img src=\"/b.jpg\"></div><div class=\"image-caption\">农贸市场的消防通道</div></div>\
            <figure><img src=\"/c.jpg\"><figcaption>商户展示燃气报警器</figcaption></figure>\
            <p>调研中，县长要求各部门压实责任，确保群众温暖平安过冬。</p></div></body></html>";
        let a = extract(html, Hints::default(), now());
        for caption in ["县长在液化气", "农贸市场的消防通道", "商户展示燃气报警器"]
        {
            assert!(!a.text.contains(caption), "{caption}: {}", a.text);
        }
        assert!(a.text.ends_with("温暖平安过冬。"), "{}", a.text);
        let bulletin = "<html><head><title>警情通报</title></head><body><h1>警情通报</h1>\
            <div><p class=\"caption\">11月27日，分局就当日发生在滨河路的一起故意伤害案件发布警情通报。</p>\
            <p class=\"pic\"><img src=\"/t.jpg\" alt=\"警情通报 11月27日11时许，滨河路一小区门口两名居民因停车问题发生纠纷，其中一人持械将对方打伤，嫌疑人已被依法刑事拘留。\"></p></div></body></html>";
        let a = extract(bulletin, Hints::default(), now());
        assert!(a.text.contains("发布警情通报"), "{}", a.text);
    }

    #[test]
    fn a_hotline_record_made_public_is_dated_when_it_was() {
        let html = format!(
            "<html><head><title>办理结果公开</title></head><body><h1>小区门口共享单车乱停堵塞消防通道</h1>\
            <table><tr><th>来电时间</th><td>2026-11-20 10:42:17</td></tr>\
            <tr><th>办结时间</th><td>2026-11-26 16:30:05</td></tr>\
            <tr><th>公开时间</th><td>2026-11-27 09:15:00</td></tr></table>{NOTE_BODY}</body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-27 09:15"), "{why:?}");
    }

    #[test]
    fn a_questions_text_heads_the_answer_read() {
        let html = "<html><head><title>暖气费按面积收还是按热量收？ - 问答</title></head><body>\
            <h1>暖气费按面积收还是按热量收？</h1><div class=\"question-text\">\
            <p>家里是2015年的商品房，去年供暖季交了2800多块钱，邻居家装了热量表交得少。</p></div>\
            <div class=\"answer\"><p>按热量收费的前提是楼栋和户内都装了计量装置，并且供热企业已经开展分户计量收费。</p>\
            <p>老小区改造需要整栋楼的业主达成一致，由供热企业统一安装热量表，费用和收费方式要先问清楚，不一定就更省钱。</p></div>\
            <p>不用抽 不用抢 现在用APP看新闻 保证天天中奖 点我下载APP 按我看活动办法</p>\
            <p>☆某某时报提醒您：遇交通违规，请依规定检举，勿自行处理以免冲突☆</p></body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.starts_with("家里是2015年"), "{}", a.text);
        assert!(a.text.contains("不一定就更省钱"), "{}", a.text);
        assert!(!a.text.contains("下载APP"), "{}", a.text);
        assert!(!a.text.contains("提醒您"), "{}", a.text);
    }

    #[test]
    fn a_bbs_threads_web_view_is_dated_by_its_first_posts_header() {
        let html = format!(
            "<html><head><title>图书馆座位预约系统又崩了-校园生活-苇岸BBS</title></head><body>\
            <div class=\"post\">发信人: reader (读者), 信区: Life<br />\
            发信站: 苇岸BBS (Sat Nov 28 21:40:11 2026), 站内<br />{NOTE_BODY}</div>\
            <div class=\"post\">发信站: 苇岸BBS (Sun Nov 29 09:12:30 2026), 站内<br />同感</div></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-28 21:40"), "{why:?}");
    }

    #[test]
    fn a_post_opening_with_topics_is_headed_by_its_lead() {
        let html = "<html><head><title>黎源发布的微栈正文 - 微栈</title></head><body>\
            <div class=\"text\">#黎源供暖# 【今冬供暖季延长至明年3月20日 黎源启动冬季供暖保障专项行动】<br>\
            记者从市城市管理局获悉，今冬供暖季将延长至明年3月20日，全市供热企业已完成管网检修，居民室温不低于18℃。</div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            a.title,
            "今冬供暖季延长至明年3月20日 黎源启动冬季供暖保障专项行动"
        );
    }

    #[test]
    fn a_review_is_dated_by_its_post_time_not_the_visit() {
        let html = format!(
            "<html><head><title>老周对江城糖水铺的点评</title></head><body>\
            <h1>河边新开的糖水铺值不值得去</h1><div>到店日期：2026-11-20（周五） 用餐人数：2人</div>\
            {NOTE_BODY}<div class=\"time\">昨天 21:16</div></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-30 21:16"), "{why:?}");
    }

    #[test]
    fn a_relative_time_takes_the_exact_time_its_element_or_state_gives() {
        let html = format!(
            "<html><head><title>河边步道修到老码头了_网舟号</title></head><body>\
            <h1>河边步道修到老码头了</h1><div>江城晚报 <span class=\"post_time\" \
            data-time=\"2026-12-01 09:36:45\">2小时前</span></div>{NOTE_BODY}</body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-12-01 09:36"), "{why:?}");
        let html = format!(
            "<html><head><title>河边步道修到老码头了 - 小柚书</title></head><body>\
            <div class=\"title\">河边步道修到老码头了</div>{NOTE_BODY}\
            <span class=\"date\">3天前 江城</span>\
            <script>window.__INITIAL_STATE__={{\"note\":{{\"title\":\"河边步道修到老码头了\",\
            \"time\":\"1795854060000\"}}}};</script></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-28 16:21"), "{why:?}");
    }

    #[test]
    fn a_line_of_prose_saying_today_is_no_date_nor_a_column_name_a_title() {
        let html = format!(
            "<html><head><title>江城水务 - 新闻公报</title></head><body><h1>新闻公报</h1>\
            <h2>河边步道排水改造完工</h2><p>今天来说说，步道为什么不积水了：</p>{NOTE_BODY}\
            <p>2026年11月27日</p></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(a.title, "河边步道排水改造完工", "{}", a.title_from);
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-27 00:00"), "{why:?}");
    }

    #[test]
    fn a_date_and_a_time_in_two_spans_are_read_together() {
        let html = format!(
            "<html><head><title>河边步道修到老码头了_百家号</title></head><body>\
            <h1>河边步道修到老码头了</h1>\
            <div class=\"meta\"><span>发布时间：11-26</span><span>08:40</span><span>澜江</span></div>\
            {NOTE_BODY}</body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-26 08:40"), "{why:?}");
        assert!(
            crate::text::html_to_text("<span>11-26</span><span>08:40</span>")
                .contains("11-26 08:40")
        );
    }

    #[test]
    fn a_date_element_under_a_note_dates_it_and_a_comment_does_not() {
        // The note's own 3天前 below its text; a comment by its author
        // quoting a day in a sentence comes after.
        let html = format!(
            "<html><head><title>河边步道修到老码头了 - 小橙书</title></head><body>\
            <div class=\"note\"><div class=\"title\">河边步道修到老码头了</div>{NOTE_BODY}\
            <div class=\"bottom\"><span class=\"date\">3天前 澜江</span></div></div>\
            <div class=\"comment-list\"><div class=\"who\"><a>跑步的阿木</a><span>作者</span></div>\
            <div class=\"said\">听说厕所12月20号左右开放，到时候再去看看</div>\
            <div class=\"date\">昨天 21:03</div></div></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-28 12:00"), "{why:?}");
        // Another article's date beside its link (上一篇) is not this one's.
        let html = format!(
            "<html><head><title>河边步道修到老码头了</title></head><body>\
            <h1>河边步道修到老码头了</h1>{NOTE_BODY}\
            <p>上一篇：<a href=\"/p/1.html\">县图书馆冬季开放时间调整</a> <span class=\"date\">2026-11-29</span></p>\
            </body></html>"
        );
        assert_eq!(published(&html).0, None);
    }

    #[test]
    fn a_press_release_dated_at_its_foot_gets_its_time_and_not_its_revision() {
        let html = format!(
            "<html><head><title>新聞公報</title></head><body><h1>海濱長廊夜間照明完成更換</h1>\
            <div id=\"pressrelease\">{NOTE_BODY}<p class=\"end\">完</p>\
            <p class=\"date\">2026年11月27日（星期五）<br>香港時間11時30分</p></div>\
            <div class=\"bottom\">2026 | 修訂日期：2026年11月29日</div></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-27 11:30"), "{why:?}");
    }

    #[test]
    fn a_tooltip_saying_published_beats_the_edit_shown() {
        let html = format!(
            "<html><head><title>住在河边是一种什么体验？ - 知否</title></head><body>\
            <h1>住在河边是一种什么体验？</h1><div class=\"answer\">{NOTE_BODY}\
            <div class=\"AnswerItem-time\"><span data-tooltip=\"发布于 2026-11-24 23:05\">编辑于 2026-11-30 07:10</span>・IP 属地澜江</div></div>\
            <div class=\"answer\"><p>第二个回答，说说我家楼下。</p>\
            <div class=\"AnswerItem-time\"><span data-tooltip=\"发布于 2026-11-30 19:27\">编辑于 昨天 10:14</span></div></div>\
            </body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-24 23:05"), "{why:?}");
    }

    #[test]
    fn an_app_page_showing_only_placeholders_is_read_from_its_state() {
        let html = r#"<html><head><title>某某新闻</title></head><body><div id="root">
            <div class="skeleton"></div><p>打开APP，看更多精彩内容</p></div>
            <noscript>您的浏览器未开启JavaScript，请开启后访问。</noscript>
            <script>window.__INITIAL_DATA__={"serverTime":1796540398000,"article":{"title":"溪口至云岭高速公路今日通车",
            "createTime":1795990000000,"pubTime":1796000000000,
            "content":"\u003Cp\u003E记者从省交通运输厅获悉，溪口至云岭高速公路今天上午正式通车，全长八十六公里，设计时速一百公里，沿线设六个互通立交。\u003C/p\u003E\u003Cp\u003E通车后两地车程由三小时缩短至一小时。\u003C/p\u003E"},
            "recommendList":[{"title":"另一条新闻的标题在这里","content":"短"}]};</script></body></html>"#;
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "溪口至云岭高速公路今日通车", "{}", a.title_from);
        assert!(a.text.starts_with("记者从省交通运输厅获悉"), "{}", a.text);
        assert!(a.text.contains("缩短至一小时"), "{}", a.text);
        assert!(
            a.date_evidence
                .as_deref()
                .is_some_and(|w| w.contains("pubTime")),
            "{:?}",
            a.date_evidence
        );
    }

    #[test]
    fn a_files_signing_date_yields_to_its_publication_date() {
        let html = format!(
            "<html><head><title>关于印发《城区养犬管理规定》的通知</title></head><body>\
            <h1>关于印发《城区养犬管理规定》的通知</h1><table>\
            <tr><td>成文日期：</td><td>2026-11-10</td></tr><tr><td>发布日期：</td><td>2026-11-16</td></tr>\
            <tr><td>生效日期：</td><td>2027-01-01</td></tr></table>{NOTE_BODY}</body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-16 00:00"), "{why:?}");
    }

    #[test]
    fn a_threads_first_post_given_whole_beats_a_later_reply_given_relatively() {
        let html = format!(
            "<html><head><title>新院区的公交只有一趟 - 社区论坛</title></head><body>\
            <h1>新院区的公交只有一趟</h1><div><em>发表于 2026-11-24 20:16</em></div>{NOTE_BODY}\
            <div><em>发表于 <span title=\"2026-11-28 18:27\">3&nbsp;天前</span></em></div>\
            <p>同感，上周陪我妈去等了四十分钟。</p></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-24 20:16"), "{why:?}");
    }

    #[test]
    fn a_bbs_post_is_read_from_its_mail_like_header() {
        let html = "<html><head><title>青溪BBS - 文章阅读</title></head><body>\
            <div class=\"hd\">在线 2031 | 2026年12月01日 11:50</div><div class=\"article\"><pre>\n\
            发信人: reed (芦苇), 信区: Campus\n\
            标  题: 图书馆三楼自习室的暖气一直不热\n\
            发信站: 青溪BBS (Sun Nov 29 21:05:09 2026), 站内\n\n\
            三楼自习室从上周开始暖气就是温的，晚上坐两个小时手都冻僵了。\n\
            【 在 fox 的大作中提到: 】\n\
            : 二楼也一样\n\
            希望后勤处能来看看。\n\
            --\n\
            ※ 来源:·青溪BBS·[FROM: 10.1.2.*]\n</pre></div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "图书馆三楼自习室的暖气一直不热");
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-29 21:05"), "{why:?}");
        assert_eq!(
            a.text,
            "三楼自习室从上周开始暖气就是温的，晚上坐两个小时手都冻僵了。\n希望后勤处能来看看。"
        );
    }

    #[test]
    fn a_letter_and_its_reply_in_label_tables_are_the_body() {
        let html = "<html><head><title>信件详情 - 网上信访大厅</title></head><body>\
            <h2>小区门口的路灯坏了两个月</h2>\
            <table><tr><th>来信时间</th><td>2026-11-20 09:12</td></tr>\
            <tr><th>来信内容</th><td><div>领导您好：<br>小区门口三盏路灯坏了两个月，晚上老人出门很不方便，希望尽快修好。</div></td></tr></table>\
            <div>办理回复</div><table><tr><th>回复单位</th><td>城管局</td></tr>\
            <tr><th>回复内容</th><td><p>您好！经核实，路灯已于11月25日修复，感谢您的监督。</p></td></tr></table>\
            <div class=\"side\"><ul><li><a href=\"/x\">别的信件</a></li></ul></div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.starts_with("领导您好："), "{}", a.text);
        assert!(a.text.ends_with("感谢您的监督。"), "{}", a.text);
    }

    #[test]
    fn a_bilingual_page_is_read_in_chinese() {
        let html = "<html><head><title>Notice on the Winter Volunteer Day | 外事办</title></head><body>\
            <h1>Notice on the Winter Volunteer Day</h1><h1>关于举办冬季志愿服务日活动的通知</h1>\
            <div>发布日期 Release Date：2026-11-27　来源 Source：国际交流合作处 Division of International Exchange and Cooperation　浏览 Views：213</div>\
            <div><p>To all foreign residents who wish to join the volunteer day this winter:</p>\
            <p>The office will host a volunteer day at the riverside park on Saturday morning.</p>\
            <p>Please register by email before the end of the month, places are limited.</p>\
            <p>各位外籍朋友：市外事办公室将于本周六上午在滨江公园举办冬季志愿服务日活动，欢迎报名参加。</p>\
            <p>请于本月底前通过电子邮件报名，名额有限，额满即止。活动当天请穿着保暖衣物，自备水杯，现场提供手套和工具。</p>\
            <p>联系人：林女士，电话：0596-2081357（工作日9:00—17:00），邮箱见官网通知栏目。</p></div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "关于举办冬季志愿服务日活动的通知");
        assert!(a.text.starts_with("各位外籍朋友"), "{}", a.text);
        assert!(!a.text.contains("volunteer day"), "{}", a.text);
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-27 00:00"), "{why:?}");
    }

    #[test]
    fn an_article_written_in_by_script_is_read_from_window_data() {
        let html = "<html><head><title>外卖骑手跳河救起落水老人_腾澜新闻</title></head><body>\
            <h1>外卖骑手跳河救起落水老人</h1><div id=\"ArticleContent\"></div>\
            <script>window.DATA = {\"title\":\"外卖骑手跳河救起落水老人\",\"pubtime\":\"2026-11-30 06:40:12\",\
            \"originContent\":{\"text\":\"<p>29日晚7时许，一名老人不慎滑入河中，路过的外卖骑手跳入冰冷的河水，将老人救上了岸。</p><p>随后赶到的民警和急救人员将老人送往医院，老人已无生命危险。</p>\"}};</script>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.starts_with("29日晚7时许"), "{}", a.text);
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-30 06:40"), "{why:?}");
    }

    #[test]
    fn a_flash_item_under_a_channels_title_is_headed_by_its_lead() {
        let html = "<html><head><title>电报 - 7×24小时快讯 - 财闻社</title></head><body>\
            <div class=\"telegraph-item\"><div class=\"telegraph-text\"><strong>【某港务：拟定增募资不超过18亿元用于码头建设】</strong>\
            财闻社11月30日电，某港务公告，公司拟向特定对象发行股票，募集资金扣除发行费用后拟用于二期集装箱码头工程及补充流动资金。</div></div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "某港务：拟定增募资不超过18亿元用于码头建设");
        assert!(a.text.starts_with("财闻社11月30日电"), "{}", a.text);
    }

    #[test]
    fn a_main_column_beside_a_sidebar_is_no_furniture() {
        let html = "<html><head><title>濉水法院网-法院公告-开庭公告</title></head><body>\
            <div class=\"side-left\"><h3>法院公告</h3></div><div class=\"side-main\">\
            <h2>关于（2026）浔0703民初5128号买卖合同纠纷一案的开庭公告</h2>\
            <div>发布时间：2026-11-28 16:12:03</div>{NOTE_BODY}</div></body></html>"
            .replace("{NOTE_BODY}", NOTE_BODY);
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title,
            "关于（2026）浔0703民初5128号买卖合同纠纷一案的开庭公告"
        );
    }

    #[test]
    fn a_sidebar_naming_the_article_above_its_heading_does_not_date_it() {
        let html = "<html><head><title>我县冬修水利全面铺开 - 水利信息网</title></head><body>\
            <table><tr><td>最新动态</td></tr><tr><td>我县冬修水利全面铺开</td></tr>\
            <tr><td>·水库除险加固通过验收 [2026-11-28]</td></tr></table>\
            <table><tr><td><b>我县冬修水利全面铺开</b></td></tr>\
            <tr><td>添加时间：2026-11-30 9:08:00　作者：县水利局　点击数：417</td></tr></table>\
            {NOTE_BODY}</body></html>"
            .replace("{NOTE_BODY}", NOTE_BODY);
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-30 09:08"), "{why:?}");
    }

    #[test]
    fn an_old_forums_post_ends_at_its_signature_rule_above_the_replies() {
        let html = "<html><head><title>老电影院真要拆了？ - 胡同论坛</title></head><body>\
            <h1>老电影院真要拆了？</h1><div>楼主 发表时间：2026-11-29 22:15</div>\
            <div><p>听说东门口的老电影院要拆了，门口已经围起来了，有没有人知道以后改成什么？</p>\
            <p>小时候每个周末都去那里看电影，真舍不得。</p>\
            <p>----------------------------------------</p><p>东门口长大的孩子。</p>\
            <p>小周</p><p>注册：2019-08-02</p><p>No.1 发表时间：2026-11-29 22:41</p>\
            <p>听说是拆了建城市书房加地下停车场，商场是瞎传的。</p></div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.ends_with("真舍不得。"), "{}", a.text);
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-29 22:15"), "{why:?}");
    }

    #[test]
    fn a_note_whose_text_box_the_script_fills_is_read_from_its_state() {
        let html = "<html><head><title>古镇今年第一场雪，石板街上一个游客都没有 - 抖趣</title></head><body>\
            <h1 class=\"note-title\">古镇今年第一场雪，石板街上一个游客都没有</h1><div class=\"note-desc\"></div>\
            <div class=\"note-comments\"><div>全部评论(1027)</div><p>老家下雪了，好想回去，不知道周末去还有没有雪，求告知</p></div>\
            <script id=\"RENDER_DATA\" type=\"application/json\">{\"noteDetail\":{\"title\":\"古镇今年第一场雪，石板街上一个游客都没有\",\
            \"desc\":\"古镇今年的第一场雪下在周一早上，整条石板街都白了\\n平时周末人挤人的老街，这会儿一个游客都没有，只有卖豆腐脑的阿婆在支摊\\n雪中午就开始化了，想来拍雪景的朋友一定要赶早\"}}</script>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.starts_with("古镇今年的第一场雪"), "{}", a.text);
        assert!(!a.text.contains("好想回去"), "{}", a.text);
    }

    #[test]
    fn a_row_of_bracketed_page_tools_is_no_body() {
        assert!(is_button_row("【打印】【关闭】"));
        assert!(is_button_row("[收藏] [打印] [返回]"));
        assert!(!is_button_row("【打印】"), "one bracket may be a kicker");
        assert!(!is_button_row(
            "【警情通报】鹿溪区滨河路发生一起故意伤害案件"
        ));
        assert!(!is_button_row("【字体：大 中 小】【打印】"));
        let body = clean_body("民警迅速到场处置。\n【打印】 【关闭】\n");
        assert_eq!(body, "民警迅速到场处置。");
    }

    #[test]
    fn highlighted_replies_above_a_threads_first_post_do_not_date_it() {
        // Sports forums show their most-liked replies (亮了) between the
        // subject and the first post.
        let html = format!(
            "<html><head><title>县城开了一年面馆的账 - 虎跃社区</title></head><body>\
            <h1>县城开了一年面馆的账</h1><div>902回复 / 12万浏览</div>\
            <div><div>这些回帖亮了</div><div><a>老周</a><span>#41</span>\
            <span>发表于 12-01 09:40</span></div><div>账算得很实在。</div></div>\
            <div><div><a>面馆老板</a><span>楼主</span><span>发表于 11-30 22:05</span></div>\
            <div>{NOTE_BODY}</div></div>\
            <div><a>路人</a><span>#1</span><span>发表于 11-30 22:11</span><div>沙发</div></div>\
            </body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-30 22:05"), "{why:?}");
    }

    #[test]
    fn a_threads_first_post_shown_whole_in_a_tooltip_beats_a_replys_relative_time() {
        // phpwind writes every post's time in a titled span; only recent
        // ones show it relatively.
        let html = format!(
            "<html><head><title>环路路灯坏了快一个月了|苇塘论坛</title></head><body>\
            <h1>环路路灯坏了快一个月了</h1><div><span>楼主</span>\
            <span>发表于: <span title=\"2026-11-24 20:16\">2026-11-24 20:16</span></span></div>\
            <div id=\"read_tpc\">{NOTE_BODY}</div>\
            <div><span>地板</span><span>发表于: <span title=\"2026-11-29 22:10\">昨天 22:10</span></span></div>\
            <div id=\"read_3319655\">已反映至热线，本周内完成检修。</div></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-24 20:16"), "{why:?}");
        let a = extract(&html, Hints::default(), now());
        assert!(a.text.starts_with("周六一早"), "{}", a.text);
        assert!(
            !a.text.contains("本周内完成检修"),
            "a reply is no body: {}",
            a.text
        );
    }

    #[test]
    fn a_page_otherwise_undated_is_dated_by_the_day_its_address_carries() {
        let page = |url: &str| {
            format!(
                "<!-- saved from url=(0053){url} -->\n<html><head><title>我校获一等奖2项-渚川大学新闻网</title></head>\
                <body><h1>我校获一等奖2项</h1><p>发布者：党委宣传部</p>{NOTE_BODY}</body></html>"
            )
        };
        for (url, want) in [
            (
                "https://news.zcu.edu.cn/2026/1124/c1234a5678/page.htm",
                Some("2026-11-24 00:00"),
            ),
            (
                "http://www.gov.cn/zhengce/202611/t20261125_123.html",
                Some("2026-11-25 00:00"),
            ),
            (
                "https://example.cn/news/2026/11/26/story.html",
                Some("2026-11-26 00:00"),
            ),
            // Numbers apart in the path, in a query, or no real day: none.
            (
                "https://example.cn/design/2026/11/20th-century-history/588400/",
                None,
            ),
            ("https://example.cn/article?id=20261124", None),
            ("https://example.cn/2026/1340/page.htm", None),
        ] {
            let (date, why) = published(&page(url));
            assert_eq!(date.as_deref(), want, "{url}: {why:?}");
        }
        // The fetcher's address wins over the saved one.
        let html = page("https://news.zcu.edu.cn/2026/1124/c1/page.htm");
        let hints = Hints {
            url: Some("https://news.zcu.edu.cn/2026/1123/c1/page.htm"),
            ..Hints::default()
        };
        let a = extract(&html, hints, now());
        let day = a
            .published
            .map(|t| t.with_timezone(&crate::time::china()).date_naive());
        assert_eq!(day.map(|d| d.to_string()).as_deref(), Some("2026-11-23"));
    }

    #[test]
    fn a_work_orders_labelled_title_cell_beats_the_pages_heading() {
        let html = format!(
            "<html><head><title>工单详情-棠溪市12345政务服务便民热线</title></head><body>\
            <div class=\"gd-title\">工单详情</div><table><tr><th>诉求标题</th>\
            <td colspan=\"3\">关于翠屏新村小区供暖温度长期不达标的投诉</td></tr>\
            <tr><th>来电时间</th><td>2026-11-25 09:12</td></tr></table>{NOTE_BODY}</body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "关于翠屏新村小区供暖温度长期不达标的投诉",
            "{}",
            a.title_from
        );
    }

    #[test]
    fn a_posts_whole_text_as_og_title_is_cut_to_its_headline() {
        assert_eq!(
            headline_of_post(
                "【城北农贸市场今起恢复营业】今天上午9点，停业改造了四个多月的市场重新开门"
            )
            .as_deref(),
            Some("城北农贸市场今起恢复营业")
        );
        assert_eq!(
            headline_of_post(
                "石门村首届冬季村晚开始彩排了。全村老老少少齐上阵，舞龙、花鼓戏都有。"
            )
            .as_deref(),
            Some("石门村首届冬季村晚开始彩排了")
        );
        // A headline with a tag, or one sentence, stays whole.
        assert_eq!(headline_of_post("【每日一题】冬天水管冻住了怎么办"), None);
        assert_eq!(headline_of_post("我县召开冬季安全生产工作会议。"), None);
    }

    #[test]
    fn a_videos_relative_time_is_made_exact_by_the_state_of_its_caption() {
        let html = format!(
            "<html><head><meta property=\"og:title\" content=\"石门村首届冬季村晚开始彩排了。全村老少齐上阵。-瞬拍\">\
            <title>瞬拍</title></head><body><h1>石门村首届冬季村晚开始彩排了</h1><div class=\"time\">3天前</div>{NOTE_BODY}\
            <script>window.__APOLLO_STATE__={{\"defaultClient\":{{\"Photo:1\":{{\"caption\":\"石门村首届冬季村晚开始彩排了。\\n全村老少齐上阵。\",\
            \"timestamp\":1795866502000}}}}}};window.__USE_SSR__=true;</script></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-28 19:48"), "{why:?}");
    }

    #[test]
    fn a_platforms_storage_notice_and_an_original_headline_note_are_no_body() {
        let text = clean_body(
            "电梯停运半个月。\n（原题为《电梯停运15天》）\n特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。\n\
             Notice: The content above is uploaded and posted by a user.",
        );
        assert_eq!(text, "电梯停运半个月。");
    }

    #[test]
    fn a_nuxt_payload_is_unflattened_and_read_as_the_apps_state() {
        let flat: Vec<serde_json::Value> = serde_json::from_str(
            r#"[["ShallowReactive",1],{"data":2,"n":-1},{"a":3,"b":3},{"title":4,"t":5},"共享菜园开放认领",["Date","2026-11-28T08:00:00Z"]]"#,
        )
        .unwrap_or_default();
        let v = unflatten(&flat);
        assert_eq!(v["data"]["a"]["title"], "共享菜园开放认领");
        assert_eq!(v["data"]["b"]["t"], "2026-11-28T08:00:00Z");
        assert!(v["n"].is_null());
        // A payload referring to itself ends in nulls, not a loop.
        let cyclic: Vec<serde_json::Value> =
            serde_json::from_str(r#"[{"self":0}]"#).unwrap_or_default();
        let mut v = &unflatten(&cyclic);
        let mut depth = 0;
        while let Some(inner) = v.get("self") {
            v = inner;
            depth += 1;
        }
        assert!(depth <= 65, "{depth}");
    }

    #[test]
    fn an_h5_teaser_yields_to_the_whole_article_in_its_json_ld() {
        let whole = NOTE_BODY.replace("<p>", "").replace("</p>", "").repeat(3);
        let ld = serde_json::json!({"@type": "NewsArticle", "articleBody": whole,
            "datePublished": "2026-11-28T07:12:00+08:00"});
        let html = format!(
            "<html><head><title>凌晨四点的蔬菜批发市场</title>\
            <script type=\"application/ld+json\">{ld}</script></head><body>\
            <h1>凌晨四点的蔬菜批发市场</h1><p>周六一早去河边跑步……</p><a>打开APP阅读全文</a></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert!(a.text.contains("明年开春才能全部完工"), "{}", a.text);
        let var = format!(
            "<html><head><title>蓟川今冬首场降雪来了</title><script>var newsTime = '2026-11-29 20:05:00';</script></head>\
            <body><h1>蓟川今冬首场降雪来了</h1>{NOTE_BODY}</body></html>"
        );
        let (date, why) = published(&var);
        assert_eq!(date.as_deref(), Some("2026-11-29 20:05"), "{why:?}");
    }

    #[test]
    fn a_weibo_desktop_post_is_read_from_its_pagelet_scripts() {
        let post = "<div class=\"WB_from\"><a title=\"2026-11-28 21:40\" date=\"1\">11月28日 21:40</a> 来自 微博 weibo.com</div>\
            <div class=\"WB_text\">#平澜警情通报# 【关于城东市场纠纷伤人案件的警情通报】<br>11月28日18时许，城东派出所接群众报警称，\
            市场内有人持械伤人，民警五分钟内赶到现场将嫌疑人控制，伤者已送医，伤情稳定。<br>平澜县公安局</div>";
        let json = serde_json::json!({"ns": "pl.content.weiboDetail.index", "html": post});
        let html = format!(
            "<html><head><title>#平澜警情通报# 【关于城东市场纠纷…】 来自平澜县公安局 - 微博</title></head><body>\
            <script>FM.view({{\"ns\":\"pl.header\",\"html\":\"<h1>平澜县公安局<\\/h1>\"}})</script>\
            <script>FM.view({json})</script><script>STK.start();</script></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "关于城东市场纠纷伤人案件的警情通报",
            "{}",
            a.title_from
        );
        assert!(a.text.contains("民警五分钟内赶到现场"), "{}", a.text);
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-28 21:40"), "{why:?}");
    }

    #[test]
    fn a_channel_bar_with_its_breadcrumb_and_a_sidebars_office_hours_are_no_title_or_date() {
        let html = format!(
            "<html><head><title>新闻动态-澄河市第二人民医院</title></head><body>\
            <div class=\"nyleft\"><div class=\"nyleft-contact\"><p>门诊时间：</p><p>冬季（10月1日—4月30日）</p></div></div>\
            <div class=\"nyright-tit\"><span>医院新闻</span><div>您的位置：<a href=\"/\">首页</a> &gt; 医院新闻</div></div>\
            <h3 class=\"ns-title\">我院成功开展首例经导管主动脉瓣置换术</h3>\
            <div class=\"ns-info\">作者：宣传科　日期：2026-11-27　浏览：1268</div>{NOTE_BODY}</body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "我院成功开展首例经导管主动脉瓣置换术",
            "{}",
            a.title_from
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-27 00:00"), "{why:?}");
    }

    #[test]
    fn a_status_badge_before_a_threads_subject_is_no_part_of_its_title() {
        let html = format!(
            "<html><head><title>交房两年了还没通天然气，冬天怎么过？-网络问政-泺川论坛手机版</title></head><body>\
            <header><div class=\"m-header-title\">网络问政</div></header>\
            <h1 class=\"m-thread-title\"><span class=\"m-tag\">已回复</span>交房两年了还没通天然气，冬天怎么过？</h1>\
            {NOTE_BODY}</body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "交房两年了还没通天然气，冬天怎么过？",
            "{}",
            a.title_from
        );
    }

    #[test]
    fn a_firms_name_alone_in_the_title_yields_to_the_notices_heading() {
        let html = format!(
            "<html><head><title>瀛平水务集团有限公司</title></head><body>\
            <div class=\"logo\">瀛平水务集团有限公司</div><div class=\"lm\">停水公告</div>\
            <div class=\"title\"><h2>关于12月9日城东片区计划停水的通知</h2></div>\
            <div>发布日期：2026/12/3 点击数：318</div>{NOTE_BODY}</body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(
            a.title, "关于12月9日城东片区计划停水的通知",
            "{}",
            a.title_from
        );
    }

    #[test]
    fn photo_credits_follow_buttons_and_a_platforms_disclaimer_are_no_body() {
        let text = clean_body(
            "+ 关注\n12月4日，首批认领活动在东溪村启动。\n东溪村项目区。蓼湾县融媒体中心 供图\n\
             认领者每年支付880元。\n记者 王晓 摄\n本文为涌潮号作者在涌潮新闻上传并发布，仅代表该作者观点，\
             不代表涌潮新闻的观点或立场，涌潮新闻仅提供信息发布平台。\n分享至",
        );
        assert_eq!(
            text,
            "12月4日，首批认领活动在东溪村启动。\n认领者每年支付880元。"
        );
        // Prose that ends in 拍摄 or mentions a view stays.
        let prose = "他用手机拍摄\n村民认为这代表了大家的观点。";
        assert_eq!(clean_body(prose), prose);
    }

    #[test]
    fn a_post_cut_short_in_its_title_is_headed_by_its_first_line() {
        let html = "<html><head><title>东站接驳公交终于开通了！今天一早去坐了一趟，从出站口... - 速览</title></head>\
            <body><div class=\"post\">东站接驳公交终于开通了！<br>今天一早去坐了一趟，从出站口往右走一百米就是站台，票价两块。<br>\
            就是班次有点少，二十分钟一趟，希望以后能再加密。</div>\
            <div class=\"cm-title\">全部评论 12</div><div>早就该开了。</div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "东站接驳公交终于开通了！", "{}", a.title_from);
        assert!(a.text.starts_with("东站接驳公交终于开通了！"), "{}", a.text);
    }

    #[test]
    fn a_letter_is_dated_by_its_writers_line_not_by_the_reply() {
        let html = format!(
            "<html><head><title>人声网</title></head><body><h1>南门菜场污水漫到路上没人管</h1>\
            <div><span>类型：投诉</span><span>留言人：zhou***</span><span>2026-11-10 20:05</span></div>\
            {NOTE_BODY}<div><span>回复机构：区城管局</span><span>回复时间：2026-11-24 11:30</span></div>\
            <p>网友您好！经核查，已于11月20日疏通管道。</p></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-10 20:05"), "{why:?}");
    }

    #[test]
    fn a_page_variable_dates_a_media_centres_page() {
        let html = format!(
            "<html><head><title>溪口融媒</title><script>var fbsjText = \"x\";\
            var fbsj = \"2026-11-28 08:40:12\"; var infoId = \"12\";</script></head>\
            <body><h2 class=\"art-title\">溪口县开展冬季消防检查</h2>\
            <div class=\"info\">发布时间：<span id=\"t\"></span></div>{NOTE_BODY}</body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-28 08:40"), "{why:?}");
    }

    #[test]
    fn a_hotline_name_in_the_logo_is_no_title_and_its_clock_no_date() {
        let html = format!(
            "<html><head><title>溪口市12345政务服务便民热线</title></head><body>\
            <div class=\"header\"><div class=\"logo\"><span>溪口市12345政务服务便民热线</span></div>\
            <div class=\"clock\"><span>2026年12月01日</span><span>星期二</span><span>09:59:40</span></div></div>\
            <div class=\"kd-title\">退休人员异地就医如何备案？</div>\
            <table><tr><th>发布时间</th><td>2026-09-14 15:20</td><th>更新时间</th><td>2026-11-02 10:00</td></tr></table>\
            {NOTE_BODY}</body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(a.title, "退休人员异地就医如何备案？", "{}", a.title_from);
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-09-14 15:20"), "{why:?}");
    }

    #[test]
    fn a_weibo_status_is_read_from_its_page_data() {
        let html = r#"<html><head><title>微博</title></head><body><div id="app"></div>
            <script>var $render_data = [{"status": {"created_at": "Mon Nov 30 18:02:44 +0800 2026",
            "text": "<a href=\"/search?q=x\"><span class=\"surl-text\">#溪口身边事#</span></a>【溪口大桥今晚起封闭检修】<br /><br />记者从溪口县交通运输局获悉，溪口大桥自11月30日22时起封闭检修，车辆请绕行滨河路。<br /><br />（溪口日报记者 王青） <a href=\"https://video.weibo.com/show?fid=1\"><span class='url-icon'><img src='x.png'></span><span class=\"surl-text\">溪口发布的微博视频</span></a> ",
            "user": {"screen_name": "溪口发布"}}}][0] || {};</script></body></html>"#;
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            a.title, "溪口大桥今晚起封闭检修",
            "{} {:?}",
            a.title_from, a.text
        );
        assert!(
            a.text.starts_with("记者从溪口县交通运输局获悉"),
            "{}",
            a.text
        );
        assert!(
            !a.text.contains("微博视频") && !a.text.contains("#溪口"),
            "{}",
            a.text
        );
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-30 18:02"), "{why:?}");
    }

    #[test]
    fn a_letter_is_dated_when_it_came_in() {
        let html = format!(
            "<html><head><title>河边步道厕所何时开放</title></head><body><h1>河边步道厕所何时开放</h1>\
            <table><tr><td>留言人</td><td>匿名</td><td>留言时间</td><td>2026-11-20 09:12</td></tr></table>\
            {NOTE_BODY}<table><tr><td>回复时间</td><td>2026-11-25 16:00</td></tr></table>\
            <p>评价时间：2026-11-27 10:30</p></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-11-20 09:12"), "{why:?}");
    }

    #[test]
    fn a_title_less_post_is_headed_by_its_bracketed_lead_and_dated_by_its_time() {
        // <title> is the post's first lines; the first line of prose names
        // the day the post tells of, the time element the day it was
        // posted.
        let html = "<html><head><title>【河边步道厕所终于开了】11月20日说好开放，拖到今天才开门，\
            不过里面挺干净... - 快条</title></head><body>\
            <div class=\"side\"><h3>作者的其他内容</h3></div>\
            <div class=\"post\">【河边步道厕所终于开了】<br>11月20日说好开放，拖到今天才开门，\
            不过里面挺干净，还有热水洗手，晚上九点关门。<br>跑步的朋友可以放心了，就是停车还是不方便，\
            希望下一步把停车场也弄好，周末人多的时候根本找不到车位。</div>\
            <div class=\"meta\"><span class=\"time\">11-26</span> · <span>IP属地：澜江</span></div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "河边步道厕所终于开了", "{}", a.title_from);
        let (date, why) = published(html);
        assert_eq!(date.as_deref(), Some("2026-11-26 00:00"), "{why:?}");
    }

    #[test]
    fn a_header_calendar_is_the_visit_not_the_page() {
        let html = format!(
            "<html><head><title>关于加快河边步道建设的提案答复</title></head><body>\
            <div class=\"top\"><span class=\"date\">今天是：2026年12月1日 星期二 农历十月十二</span></div>\
            <h1>关于加快河边步道建设的提案答复</h1>{NOTE_BODY}{NOTE_BODY}{NOTE_BODY}\
            <p>县住房和城乡建设局</p><p>2026年7月15日</p></body></html>"
        );
        let (date, why) = published(&html);
        assert_eq!(date.as_deref(), Some("2026-07-15 00:00"), "{why:?}");
    }

    #[test]
    fn a_court_name_is_no_title_and_a_caption_heads_a_video() {
        let html = format!(
            "<html><head><title>澜江市中级人民法院</title></head><body>\
            <div class=\"logo\">澜江市中级人民法院</div>\
            <div class=\"title\">关于受理澜江某纺织有限公司破产清算申请的公告</div>{NOTE_BODY}</body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(a.title, "关于受理澜江某纺织有限公司破产清算申请的公告");
        let html = format!(
            "<html><head><title>快看</title></head><body>\
            <div class=\"author\">河边跑步的阿木</div>\
            <span class=\"caption\">河边步道的厕所终于开门了<br>{NOTE_BODY}</span>\
            <div class=\"rec-list\"><span class=\"caption\">别的视频的标题写在这里</span></div></body></html>"
        );
        let a = extract(&html, Hints::default(), now());
        assert_eq!(a.title, "河边步道的厕所终于开门了", "{}", a.title_from);
    }

    #[test]
    fn no_date_is_no_date() {
        let html = "<html><head><title>机构职能_某局</title></head><body><h2>机构职能</h2>\
            <p>本单位负责全市城乡规划的组织编制和实施管理工作，承担建设项目规划许可等职能。</p></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.published, None);
        assert_eq!(a.title, "机构职能");
    }

    #[test]
    fn future_metadata_is_not_believed() {
        let html = "<html><head><meta name=\"pubdate\" content=\"2030-01-01\"><title>t</title></head>\
            <body><h1>区市场监管局开展燃气安全检查</h1><div>发布时间：2019-01-02 15:20</div>\
            <p>区市场监管局联合公安、消防部门对辖区内燃气经营企业开展安全检查。</p></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            a.published.map(|t| t.to_rfc3339()),
            Some("2019-01-02T07:20:00+00:00".into())
        );
    }

    #[test]
    fn a_wechat_article_hidden_until_its_script_runs_is_read() {
        // As WeChat serves it: the body's classes name comment features,
        // and the article is hidden until a script shows it.
        let html = "<html><head><meta property=\"og:title\" content=\"城西口袋公园开放\"></head>\
            <body class=\"zh_CN wx_wap_page mm_appmsg comment_feature discuss_tab\">\
            <div id=\"js_article\" class=\"rich_media\"><h1 class=\"rich_media_title\" id=\"activity-name\">城西口袋公园开放</h1>\
            <div class=\"rich_media_content\" id=\"js_content\" style=\"visibility: hidden;\">\
            <p><span>近日，城西滨河口袋公园完成改造，正式向市民开放，园内新增座椅和直饮水点。</span></p>\
            <p><span>公园保留了原有的二十多棵香樟树，夜间有景观照明，开放时间为早六点至晚十点。</span></p>\
            <p><span>改造期间，施工方在空地上补种了桂花和红枫，并把原来的水泥地面换成了透水铺装。</span></p>\
            <p><span>管理方提醒市民文明游园，遛狗请牵绳，不要在园内骑行电动车，共同维护好公园环境。</span></p>\
            </div></div><div class=\"comment_list\"><p>网友：终于修好了，周末带孩子去看看。</p></div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(
            a.text.starts_with("近日，城西滨河口袋公园完成改造"),
            "{}",
            a.text
        );
        assert!(a.text.contains("开放时间为早六点至晚十点"), "{}", a.text);
        assert!(!a.text.contains("网友"), "{}", a.text);
    }

    fn day_and_minute(a: &Article) -> Option<String> {
        a.published.map(|t| {
            t.with_timezone(&crate::time::china())
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
    }

    #[test]
    fn a_forum_post_is_dated_by_its_first_post_not_its_last_edit() {
        // Discuz writes a recent post's time relatively, with the exact
        // time in the element's title, and notes when the post was edited.
        let html = "<html><head><title>小区门口的路灯坏了半个月 - 城市论坛</title></head><body>\
            <h1 id=\"thread_subject\">小区门口的路灯坏了半个月</h1>\
            <div class=\"authi\"><em id=\"authorposton1\">发表于 <span title=\"2026-11-27 20:13:05\">4&nbsp;天前</span></em> | 只看该作者</div>\
            <td class=\"t_f\"><i class=\"pstatus\">本帖最后由 老街口 于 2026-11-28 07:40 编辑</i><br>\
            小区门口那排路灯坏了半个月了，晚上回家黑漆漆的，老人孩子走路都怕摔，找物业说报给街道了，一直没人来修。</td>\
            <div class=\"authi\"><em id=\"authorposton2\">发表于 <span title=\"2026-11-30 22:40:05\">昨天&nbsp;22:40</span></em></div>\
            <td class=\"t_f\">我们这边也一样，打了12345说会转办。</td></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            day_and_minute(&a).as_deref(),
            Some("2026-11-27 20:13"),
            "{:?}",
            a.date_evidence
        );
    }

    #[test]
    fn a_thread_is_dated_by_its_first_floor() {
        let html = "<html><head><title>老车站门口的米粉店还在吗【柘溪吧】_贴吧</title></head><body>\
            <h3 class=\"core_title_txt\">老车站门口的米粉店还在吗</h3>\
            <div class=\"d_post_content\">老车站拆了以后，门口那家米粉店搬到哪里去了？以前每天早上都去吃一碗，有没有人知道新地址。</div>\
            <div class=\"post-tail-wrap\"><span>来自Android客户端</span><span>1楼</span><span>2026-11-29 21:47</span></div>\
            <div class=\"d_post_content\">搬到新街口了，老板还是那个老板，味道没变。</div>\
            <div class=\"post-tail-wrap\"><span>2楼</span><span>2026-11-30 09:30</span></div></body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            day_and_minute(&a).as_deref(),
            Some("2026-11-29 21:47"),
            "{:?}",
            a.date_evidence
        );
        assert!(!a.text.contains("搬到新街口了"), "{}", a.text);
    }

    #[test]
    fn a_mobile_threads_first_floor_gives_its_day_alone() {
        let html = "<html><head><title>河边那片空地要建什么_西岸吧_贴吧</title></head><body>\
            <h1 class=\"thread-title\">河边那片空地要建什么</h1>\
            <div class=\"post\"><p class=\"post-meta\"><span class=\"floor\">1楼</span><span>11-26</span><span>IP属地:江西</span></p>\
            <div class=\"post-content\">河边那片空地围起来好几个月了，有人知道要建什么吗？听说是停车场，也有人说是菜市场。</div></div>\
            <div class=\"post\"><p class=\"post-meta\"><span class=\"floor\">2楼</span><span>11-27</span><span>IP属地:江西</span></p>\
            <div class=\"post-content\">公示栏上写的是公园。</div></div></body></html>";
        let a = extract(html, Hints::default(), now());
        let day = a.published.map(|t| {
            t.with_timezone(&crate::time::china())
                .format("%Y-%m-%d")
                .to_string()
        });
        assert_eq!(day.as_deref(), Some("2026-11-26"), "{:?}", a.date_evidence);
    }

    #[test]
    fn a_headline_in_a_plain_div_beats_a_sidebar_heading() {
        // A self-media page: hashed classes, no h1, a yearless byline, and
        // an h3 over the author's other articles.
        let html = "<html><head><title>这条老街改造后重新开街</title></head><body>\
            <div class=\"sKHSJ\">这条老街改造后重新开街</div>\
            <div class=\"_2sjh9\"><span>11-28 09:15</span><span>南屿</span></div>\
            <div class=\"_3eS2d\"><p>上周末，城东区的槐花巷正式重新开街，十几家老字号陆续回到这条老街。</p>\
            <p>街坊们说，改造保留了青石板路和老门面，周末来逛的游客明显多了。</p></div>\
            <div><h3>作者最新文章</h3><ul><li><a href=\"#\">地铁二号线东延段今天开通</a><span>3小时前</span></li></ul></div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "这条老街改造后重新开街");
        assert_eq!(
            day_and_minute(&a).as_deref(),
            Some("2026-11-28 09:15"),
            "{:?}",
            a.date_evidence
        );
    }

    #[test]
    fn an_e_paper_article_is_read_from_its_property_comment() {
        let html = "<html><head><title>日报数字报刊平台</title></head><body>\
            <div id=\"paperdate\">2026年11月30日 星期一 <a href=\"../2026-12/01/node_1.htm\">今日报纸</a></div>\
            <!--enpproperty <date>2026-11-30</date><title>全市新建社区服务综合体42个</title><introtitle>从一张图到一盘棋</introtitle>/enpproperty-->\
            <div class=\"introtitle\">从一张图到一盘棋</div><div class=\"maintitle\">全市新建社区服务综合体42个</div>\
            <founder-content><p>今年以来，全市新建改造社区服务综合体42个，居民步行十五分钟即可买菜、看病、托幼。</p></founder-content>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "全市新建社区服务综合体42个");
        assert_eq!(
            a.published
                .map(|t| t
                    .with_timezone(&crate::time::china())
                    .date_naive()
                    .to_string())
                .as_deref(),
            Some("2026-11-30")
        );
    }

    #[test]
    fn a_wechat_article_in_one_section_per_paragraph_ends_at_its_end_mark() {
        let para =
            |t: &str| format!("<section style=\"margin:0 8px\"><p><span>{t}</span></p></section>");
        let html = format!(
            "<html><head><meta property=\"og:title\" content=\"这些公交线路调整\"></head>\
             <body class=\"zh_CN wx_wap_page comment_feature\"><h1 id=\"activity-name\">这些公交线路调整</h1>\
             <div id=\"js_content\" style=\"visibility: hidden;\"><section>{}{}{}{}{}\
             <p>—END—</p><p>来源：市交通运输局</p><p>往期推荐</p>\
             <p><a href=\"#\">地铁东延段开通时间定了</a></p><p>长按二维码 关注本号</p></section></div></body></html>",
            para(
                "为配合地铁东延段开通运营，优化公交与地铁接驳，自12月1日起，全市对7条公交线路进行调整。"
            ),
            para("一、12路：调整后由火车站发车，经人民路、滨江大道，终点延伸至地铁东湖站。"),
            para("二、35路：取消经停纺织新村站，改经新建的学府路，方便沿线三所学校师生出行。"),
            para("三、K6路：首班车时间由早上六点半提前至六点，末班车时间延后至晚上十点。"),
            para("其余线路的具体调整情况，市民可通过公交小程序或拨打公交服务热线查询。"),
        );
        let a = extract(&html, Hints::default(), now());
        assert!(a.text.starts_with("为配合地铁东延段开通运营"), "{}", a.text);
        assert!(a.text.ends_with("拨打公交服务热线查询。"), "{}", a.text);
    }

    #[test]
    fn a_government_page_sheds_its_file_table_sidebar_lists_and_footer() {
        // A table layout whose one cell holds the file table, the article,
        // a "latest news" list and the footer.
        let html = "<html><head><title>关于做好冬季供暖保障工作的通知_某县人民政府</title></head><body>\
            <table><tr><td>索 引 号： 0001/2026-00123 主题分类： 城乡建设<br>发布机构： 某县住建局 文 号： 某住建〔2026〕9号<br>\
            <h2>关于做好冬季供暖保障工作的通知</h2>\
            各乡镇、县直各单位：为保障群众温暖过冬，现就做好今冬供暖保障工作通知如下。<br>\
            一、各供热企业要在11月15日前完成管网检修和试运行，确保按时供暖、室温达标。<br>\
            二、县住建局设立供暖服务热线，对群众反映的问题24小时内响应、48小时内办结。<br>\
            最新动态<br>· 县政府召开冬季森林防火工作会议 [2026-12-01]<br>· 县领导调研农村公路建设 [2026-11-30]<br>\
            主办单位：某县人民政府办公室 技术支持：某县大数据中心<br>网站标识码：4601270001 ICP备05019876号 公网安备46012702000011号\
            </td></tr></table></body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.starts_with("各乡镇、县直各单位"), "{}", a.text);
        assert!(a.text.ends_with("48小时内办结。"), "{}", a.text);
    }

    #[test]
    fn a_mobile_thread_is_dated_by_its_titled_time_and_titled_by_its_subject() {
        // Discuz's touch pages: the time alone in its own element, the
        // thread's type tag before its subject, the forum's name in an h2.
        let html = "<html><head><title>周末去山里徒步，分享一下路线 - 户外运动 - 城市论坛 - 手机版</title></head>\
            <body><div class=\"header\"><h2>户外运动</h2></div>\
            <div class=\"view_tit\"><em>[路线分享]</em>周末去山里徒步，分享一下路线</div>\
            <ul class=\"authi\"><li><em>楼主</em><b>山野闲人</b></li><li class=\"grey rela\"><span title=\"2026-11-28 21:06\">3&nbsp;天前</span></li></ul>\
            <div class=\"message\">上周六和几个朋友去山里走了一趟，全程大概十四公里，路不难走，就是下山那段碎石多，一定要穿防滑的鞋。</div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "周末去山里徒步，分享一下路线");
        assert_eq!(
            day_and_minute(&a).as_deref(),
            Some("2026-11-28 21:06"),
            "{:?}",
            a.date_evidence
        );
    }

    #[test]
    fn an_answer_is_dated_by_its_tooltip() {
        let html = "<html><head><title>在县城开一家书店还有前途吗？ - 问答</title></head><body>\
            <h1 class=\"QuestionHeader-title\">在县城开一家书店还有前途吗？</h1>\
            <div class=\"RichContent\"><p>开了三年社区书店，说说真实感受：只卖书肯定活不下去，要把书店当成社区空间来经营，办读书会、托管和文创。</p></div>\
            <div class=\"ContentItem-time\"><span data-tooltip=\"发布于 2026-11-30 18:20\">发布于 昨天 18:20</span>・IP 属地浙江</div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(
            day_and_minute(&a).as_deref(),
            Some("2026-11-30 18:20"),
            "{:?}",
            a.date_evidence
        );
    }

    #[test]
    fn a_heading_that_is_the_article_title_beats_one_inside_it() {
        let html = "<html><head><title>某市住建局2025年政府信息公开工作年度报告_某市人民政府</title>\
            <meta name=\"ArticleTitle\" content=\"某市住建局2025年政府信息公开工作年度报告\"></head><body>\
            <div class=\"col_title\">政府信息公开</div>\
            <div class=\"ndbg_title\">某市住建局2025年政府信息公开工作年度报告</div>\
            <p>本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况等部分。</p>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "某市住建局2025年政府信息公开工作年度报告");
    }

    #[test]
    fn a_floor_is_a_post_tail_not_an_address() {
        assert_eq!(
            floor_number("来自Android客户端1楼2026-11-29 21:47"),
            Some(1)
        );
        assert_eq!(floor_number("4楼 2026-11-30 09:30"), Some(4));
        assert_eq!(
            floor_number("办理地点：市民中心3楼，2026年12月5日起受理"),
            None
        );
        assert_eq!(floor_number("楼主 2026-11-29"), None);
    }

    #[test]
    fn a_thread_is_its_first_post_dated_by_a_tail_in_separate_elements() {
        // A Tieba-like thread: the post's tail writes its floor and its
        // date in two elements, and the later floors are replies.
        let post = |n: u32, text: &str, time: &str| {
            format!(
                "<div class=\"l_post\"><div class=\"d_author\">网友{n}</div>\
                 <div class=\"p_content\"><div class=\"d_post_content\">{text}</div></div>\
                 <ul class=\"p_tail\"><li><span>{n}楼</span></li><li><span>{time}</span></li></ul></div>"
            )
        };
        let html = format!(
            "<html><head><title>南湖镇菜市场搬到哪里去了_南湖吧_百度贴吧</title></head><body>\
             <h3 class=\"core_title_txt\">南湖镇菜市场搬到哪里去了</h3><div id=\"j_p_postlist\">{}{}{}</div></body></html>",
            post(
                1,
                "上周回去发现老菜市场围起来了，卖豆腐的卖鱼的都不见了，有没有知道搬到哪里的？问了几个人都说不清楚，谢谢各位。",
                "2026-11-28 20:05"
            ),
            post(
                2,
                "好像搬到新街口那边了，上个月看到过，卖豆腐的阿姨还在，就是只有上午开门，下午去就关了，你早点去。",
                "2026-11-28 21:40"
            ),
            post(
                3,
                "对，新街口，停车也方便，旁边还新开了一家早点铺子，豆浆油条都有，周末人特别多，要排一会儿队。",
                "2026-11-30 08:12"
            ),
        );
        let a = extract(&html, Hints::default(), now());
        assert!(a.text.starts_with("上周回去"), "{}", a.text);
        assert!(!a.text.contains("新街口"), "{}", a.text);
        let shown = a.published.map(|t| {
            t.with_timezone(&crate::time::china())
                .format("%Y-%m-%d %H:%M")
                .to_string()
        });
        assert_eq!(
            shown.as_deref(),
            Some("2026-11-28 20:05"),
            "{:?}",
            a.date_evidence
        );

        // The same tail read from lines of text.
        let lines = ["正文", "1楼", "2026-11-28 20:05", "回复"];
        assert_eq!(
            floor_tail_at(&lines, 1, now()).map(|(n, _, taken)| (n, taken)),
            Some((1, 2))
        );
        assert_eq!(floor_tail_at(&lines, 0, now()), None);
        assert_eq!(floor_alone("#12楼"), Some(12));
        assert_eq!(floor_alone("3号楼"), None);
    }

    #[test]
    fn an_old_forums_post_ends_above_its_first_replys_head() {
        let html = "<html><head><title>说说县城的老电影院_天岭论坛</title></head><body>\
            <h1>说说县城的老电影院</h1><div>楼主：老街坊 时间：2021-06-02 21:10:05</div>\
            <table class=\"host-item\"><tr><td class=\"bbs-content\">今天路过老电影院，看见围挡都拉起来了，说是要建商场。九十年代那会儿，县城就这一家电影院，周末排队买票的人能排到街口，想起来真是怀念。</td></tr></table>\
            <table class=\"reply\"><tr><td><span>作者：南门老刘　时间：2021-06-02 21:31:17</span><span>1楼</span></td></tr>\
            <tr><td class=\"bbs-content\">记得记得，门口还有卖汽水的，玻璃瓶装的，喝完还要退瓶子，一个瓶子退一毛钱。</td></tr></table>\
            <table class=\"reply\"><tr><td><span>作者：梧桐　时间：2021-06-03 08:02:40</span><span>2楼</span></td></tr>\
            <tr><td class=\"bbs-content\">学生场三毛钱一张，我那时候一个星期就等着星期六下午去看一场，全是同学。</td></tr></table>\
            <table class=\"reply\"><tr><td><span>作者：云岭山人　时间：2021-06-03 09:20:33</span><span>3楼</span></td></tr>\
            <tr><td class=\"bbs-content\">我家里还有一张九六年的电影票根，回头找出来拍给你们看看，还是手写的座位号。</td></tr></table></body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.contains("想起来真是怀念"), "{}", a.text);
        assert!(
            !a.text.contains("汽水") && !a.text.contains("三毛钱"),
            "{}",
            a.text
        );
        assert!(reply_head(
            "作者：南门老刘　时间：2021-06-02 21:31:171楼",
            now()
        ));
        assert!(!reply_head("办理时间：2026年12月5日起到市民中心3楼", now()));
    }

    #[test]
    fn a_newspapers_kicker_is_not_its_headline() {
        let html = "<html><head><title>某某日报数字报</title></head><body>\
            <h1 class=\"paper-name\"><a href=\"/\">某某日报</a></h1>\
            <h3 class=\"yinti\">打通山区群众出行快车道</h3>\
            <h2 class=\"main-title\">东山快速路全线建成通车</h2>\
            <h4 class=\"futi\">两地车程由2小时缩短至50分钟</h4>\
            <div class=\"article\"><p>本报讯 11月28日上午，东山快速路全线建成通车。这条路全长46公里，按一级公路标准建设，沿线设置互通立交5处。</p></div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert_eq!(a.title, "东山快速路全线建成通车");
    }

    #[test]
    fn a_weibo_page_is_its_posts_text_not_its_comments() {
        let html = "<html><head><title>微博正文</title></head><body><div class=\"card\">\
            <header><h3>某市公安</h3><h4><span class=\"time\">今天 09:12</span><span>来自 iPhone客户端</span></h4></header>\
            <article><div class=\"weibo-text\">【警情通报】11月30日21时40分许，城南分局接群众报警称，城南路一烧烤店门前有人持刀伤人。民警迅速赶到现场，伤者已送医救治，嫌疑人已被抓获，案件正在进一步侦办中。</div></article>\
            <footer><h4>转发 1652</h4><h4>评论 3871</h4></footer></div>\
            <div class=\"comment-content\"><div class=\"comment\"><h4>城南老街坊</h4><p>就在我家楼下，昨晚救护车警车来了好几辆，吓死人了，希望伤者没事。</p><span>2分钟前</span></div></div>\
            </body></html>";
        let a = extract(html, Hints::default(), now());
        assert!(a.text.starts_with("【警情通报】"), "{}", a.text);
        assert!(
            !a.text.contains("吓死人了") && !a.text.contains("转发"),
            "{}",
            a.text
        );
    }

    #[test]
    fn cleaning_folds_whitespace_and_drops_widgets() {
        let t = "　　第一段  文字\n\n12-IMG_3886.jpg\n分享到：微信\n正在加载…\n第二段";
        assert_eq!(clean_body(t), "第一段 文字\n第二段");
    }
}
