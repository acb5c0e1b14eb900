//! Article extraction measured: dates, titles and bodies on the Chinese
//! fixtures in `tests/fixtures/pages/` (hand-written after real templates,
//! ground truth in `manifest.json`), and bodies on the Zyte benchmark in
//! `../shared/corpora/article-pages/` (read by path, never copied; skipped
//! with a message when absent), scored as upstream's `evaluate.py` does.
//!
//! The floors are a ratchet: a little under what the extractor reaches now.
//! `cargo test --test extract_corpus -- --nocapture` prints the figures.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Utc};
use yuqing::extract::article::{self, Hints};

const DATE_FLOOR: usize = 30;
const TITLE_FLOOR: usize = 30;
const CHAR_F1_FLOOR: f64 = 0.98;
const ZYTE_F1_FLOOR: f64 = 0.94;

fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| unreachable!())
}

/// Character F1 over letters and digits (bag of characters): the measure
/// for Chinese bodies, where word tokens would be whole sentences.
fn char_f1(truth: &str, pred: &str) -> f64 {
    let bag = |s: &str| {
        let mut m: HashMap<char, usize> = HashMap::new();
        for c in s.chars().filter(|c| c.is_alphanumeric()) {
            *m.entry(c).or_default() += 1;
        }
        m
    };
    let (a, b) = (bag(truth), bag(pred));
    let tp: usize = a
        .iter()
        .map(|(c, n)| (*n).min(*b.get(c).unwrap_or(&0)))
        .sum();
    let (na, nb): (usize, usize) = (a.values().sum(), b.values().sum());
    if tp == 0 {
        return 0.0;
    }
    let (p, r) = (tp as f64 / nb as f64, tp as f64 / na as f64);
    2.0 * p * r / (p + r)
}

#[test]
fn chinese_fixtures_dates_titles_bodies() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let s = score_pages(&dir);
    let n = s.pages;
    println!(
        "Chinese fixtures ({n} pages): dates right {}/{n}, titles exact {}/{n}, body char-F1 {:.3}",
        s.dates_ok, s.titles_ok, s.f1
    );
    assert!(n >= 25, "the manifest lists {n} pages");
    assert!(
        s.dates_ok >= DATE_FLOOR,
        "dates {} < {DATE_FLOOR}",
        s.dates_ok
    );
    assert!(
        s.titles_ok >= TITLE_FLOOR,
        "titles {} < {TITLE_FLOOR}",
        s.titles_ok
    );
    assert!(
        s.f1 >= CHAR_F1_FLOOR,
        "body char-F1 {:.3} < {CHAR_F1_FLOOR}",
        s.f1
    );
}

/// Thirty-two pages written after real templates by two writers who never
/// saw the extractor (government portals and 信息公开 tables, county
/// 融媒体 and e-paper pages, WeChat articles hidden until their script
/// runs, self-media pages with hashed classes and yearless dates, Discuz
/// and Tieba threads, old pages whose sidebars show this week), in
/// `tests/fixtures/pages-unseen/`. Scored unseen with `e3cecf7`: dates
/// 26/32, titles 30/32, body char-F1 0.873 and 0.790 on the two halves.
#[test]
fn unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen", 31, 31, 0.97);
}

/// Thirty-two more pages by two more writers, in templates the first two
/// seldom used (dl/dd file tables, press-conference transcripts, mobile
/// and app share pages, Discuz touch pages, question-and-answer pages,
/// 信息公开年度报告 with tables, pages with no date at all), in
/// `tests/fixtures/pages-unseen-2/`. Scored unseen with `6edc506`: dates
/// 30/32, titles 29/32, body char-F1 0.931 and 0.960 on the two halves
/// (with `e3cecf7`, before the extraction work these pages measure:
/// dates 27/32, titles 29/32, bodies 0.794 and 0.846).
#[test]
fn more_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-2", 32, 32, 0.95);
}

/// Sixteen pages by a fifth writer from sources an office polls in
/// templates unlike the others (a 政民互动 letter published at its
/// 公开时间, a court's 执行公告, a hotline's weekly report, 微头条, a
/// Weibo article, a 小红书-like note, a WeChat article with audio and
/// 视频号 cards, a bank's notice), in `tests/fixtures/pages-unseen-3/`.
/// Scored unseen with `6729da1`: dates 14/16, titles 16/16, body
/// char-F1 0.962.
#[test]
fn third_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-3", 16, 16, 0.95);
}

/// A sixth writer's sixteen pages in templates unlike the others (a
/// 政策解读 page, an 应急管理局 accident report, a Weibo mobile post with
/// its comments, a Douyin-like video page, a 领导留言板 message and its
/// reply, a county TV transcript and an old Tianya-like thread, both GBK,
/// a mobile e-paper with 引题 and 副题, a 网易号 page, a Tieba thread with
/// 楼中楼 replies, a Q&A page, a school notice, an English city page, a
/// Sohu-like page, a reposted WeChat article), in
/// `tests/fixtures/pages-unseen-4/`. Scored unseen with `df38675`: dates
/// 15/16, titles 14/16, body char-F1 0.858.
#[test]
fn fourth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-4", 16, 15, 0.95);
}

/// A seventh writer's sixteen pages (a county 信息公开 page, a 行政处罚决定书,
/// a 纪委监委 通报, a 问政 page, a 微头条, a Weibo 头条文章, a 小红书-like
/// note dated 3天前, a 知乎-like answer shown as 编辑于 with its publication
/// in a tooltip, a Discuz thread and a university page in GBK, a 融媒体
/// page, a PC e-paper, a WeChat article, a 百家号-like page with its
/// date and time in two spans, a 12345 letter and reply, a Hong Kong press
/// release dated at its foot), in `tests/fixtures/pages-unseen-5/`. Scored
/// unseen with `8c6aa7a`: dates 11/16, titles 15/16, body char-F1 0.940.
#[test]
fn fifth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-5", 16, 16, 0.93);
}

/// An eighth writer's sixteen pages (a 环评公示 with attachments, a court's
/// 公告 whose <title> is the court, a 政协 提案答复 dated at its end under a
/// header calendar, 新浪-, 腾讯- and 凤凰-like news pages, a B站-like 专栏, an
/// 抖音-like note, a 快手-like video headed only by its caption, a 豆瓣-like
/// group post, a Tieba-like thread and a 停运公告 in GBK, an 抽检公告 with a
/// table, a 代表建议答复, Taiwan and Macau pages), in
/// `tests/fixtures/pages-unseen-6/`. Scored unseen with `d6222d8`: dates
/// 15/16, titles 14/16, body char-F1 0.940.
#[test]
fn sixth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-6", 16, 16, 0.93);
}

/// Scores `tests/fixtures/<name>/` and holds it to its floors.
fn unseen_set(name: &str, dates: usize, titles: usize, f1: f64) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let s = score_pages(&dir);
    let n = s.pages;
    println!(
        "{name} ({n} pages): dates right {}/{n}, titles exact {}/{n}, body char-F1 {:.3}",
        s.dates_ok, s.titles_ok, s.f1
    );
    assert!(
        s.dates_ok >= dates,
        "{name}: dates {} < {dates}",
        s.dates_ok
    );
    assert!(
        s.titles_ok >= titles,
        "{name}: titles {} < {titles}",
        s.titles_ok
    );
    assert!(s.f1 >= f1, "{name}: body char-F1 {:.3} < {f1}", s.f1);
}

/// Pages of any directory in the fixtures' form (`manifest.json` beside
/// the pages), named by `YUQING_PAGES=/path/to/dir` (or several,
/// comma-separated): how a new set of saved pages is scored unseen before
/// it joins the fixtures. Ignored by default (no floors).
#[test]
#[ignore]
fn pages_named_in_the_environment() {
    let dirs = std::env::var("YUQING_PAGES").unwrap_or_default();
    for dir in dirs.split(',').filter(|d| !d.is_empty()) {
        let s = score_pages(std::path::Path::new(dir));
        let n = s.pages;
        println!(
            "{dir} ({n} pages): dates right {}/{n}, titles exact {}/{n}, body char-F1 {:.3}",
            s.dates_ok, s.titles_ok, s.f1
        );
    }
}

/// What [`score_pages`] found over one directory of pages.
struct PageScores {
    pages: usize,
    dates_ok: usize,
    titles_ok: usize,
    /// Mean body character F1.
    f1: f64,
}

/// Extracts every page `manifest.json` in `dir` lists and scores its date
/// (at the precision the truth gives: day or minute), title (exact) and
/// body (character F1), printing each page that misses.
fn score_pages(dir: &std::path::Path) -> PageScores {
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("manifest.json")).unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let now: DateTime<Utc> =
        DateTime::parse_from_rfc3339(manifest["fetched_at"].as_str().unwrap_or_default())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{e}"));
    let pages = manifest["pages"].as_array().cloned().unwrap_or_default();
    let (mut dates_ok, mut titles_ok, mut f1_sum) = (0, 0, 0.0);
    for p in &pages {
        let file = p["file"].as_str().unwrap_or_default();
        let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        // Pages saved in a legacy charset (GBK) are decoded as the fetcher
        // does: by their declaration.
        let html = yuqing::fetch::charset::decode(&bytes, None, Some("cn")).text;
        let hints = Hints {
            list_title: p["list_title"].as_str(),
            list_date: p["list_date"].as_str(),
            url: p["url"].as_str(),
        };
        let a = article::extract(&html, hints, now);
        let want_date = p["date"].as_str();
        // Compare at the precision the ground truth gives (day or minute).
        let got_date = a.published.map(|t| {
            let f = if want_date.is_some_and(|w| w.len() > 10) {
                "%Y-%m-%d %H:%M"
            } else {
                "%Y-%m-%d"
            };
            t.with_timezone(&beijing()).format(f).to_string()
        });
        let date_ok = got_date.as_deref() == want_date;
        // Spaces fold: an ideographic space (U+3000) between a headline's
        // two halves reads the same as an ASCII one.
        let folded = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let title_ok = p["title"].as_str().map(folded) == Some(folded(&a.title));
        let f1 = char_f1(p["body"].as_str().unwrap_or_default(), &a.text);
        dates_ok += usize::from(date_ok);
        titles_ok += usize::from(title_ok);
        f1_sum += f1;
        if !date_ok || !title_ok || f1 < 0.95 {
            println!(
                "{file}: date {got_date:?} ({:?}) want {want_date:?}; title {:?} ({}); body F1 {f1:.3}",
                a.date_evidence, a.title, a.title_from
            );
        }
    }
    let n = pages.len();
    PageScores {
        pages: n,
        dates_ok,
        titles_ok,
        f1: f1_sum / n.max(1) as f64,
    }
}

// ------------------------------------------------ Zyte, as evaluate.py

fn tokens(s: &str) -> Vec<String> {
    // Python's `\w+` with re.UNICODE.
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn shingles(s: &str) -> HashMap<Vec<String>, usize> {
    let t = tokens(s);
    let mut m = HashMap::new();
    for i in 0..t.len().saturating_sub(3).max(1) {
        let sh: Vec<String> = t[i.min(t.len())..(i + 4).min(t.len())].to_vec();
        if !sh.is_empty() {
            *m.entry(sh).or_insert(0) += 1;
        }
    }
    m
}

/// (tp, fp, fn) over 4-token shingles, normalised to sum to 1.
fn tp_fp_fn(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (a, b) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    let keys: HashSet<&Vec<String>> = a.keys().chain(b.keys()).collect();
    for k in keys {
        let x = *a.get(k).unwrap_or(&0) as f64;
        let y = *b.get(k).unwrap_or(&0) as f64;
        tp += x.min(y);
        fp += (y - x).max(0.0);
        fn_ += (x - y).max(0.0);
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

#[test]
fn zyte_benchmark_body_f1() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/article-pages/zyte-benchmark");
    let Ok(gt) = std::fs::read_to_string(dir.join("ground-truth.json")) else {
        println!("SKIPPED: {} is absent", dir.display());
        return;
    };
    let gt: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&gt).unwrap_or_else(|e| panic!("{e}"));
    let now = Utc::now();
    let mut scores = Vec::new();
    for (id, e) in &gt {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        let mut html = String::new();
        if flate2::read::GzDecoder::new(file)
            .read_to_string(&mut html)
            .is_err()
        {
            continue;
        }
        let a = article::extract(&html, Hints::default(), now);
        scores.push(tp_fp_fn(
            e["articleBody"].as_str().unwrap_or_default(),
            &a.text,
        ));
    }
    let precision = mean(
        &scores
            .iter()
            .filter(|(tp, fp, _)| tp + fp > 0.0)
            .map(|(tp, fp, fn_)| {
                if *fp == 0.0 && *fn_ == 0.0 {
                    1.0
                } else {
                    tp / (tp + fp)
                }
            })
            .collect::<Vec<_>>(),
    );
    let recall = mean(
        &scores
            .iter()
            .filter(|(tp, _, fn_)| tp + fn_ > 0.0)
            .map(|(tp, fp, fn_)| {
                if *fp == 0.0 && *fn_ == 0.0 {
                    1.0
                } else {
                    tp / (tp + fn_)
                }
            })
            .collect::<Vec<_>>(),
    );
    let f1 = 2.0 * precision * recall / (precision + recall);
    println!(
        "Zyte benchmark ({} pages): body F1 {f1:.3} (P {precision:.3}, R {recall:.3}); published: \
         rs_trafilatura 0.970, trafilatura 0.958, readability.js 0.947, readability_rs 0.873, \
         dom_smoothie 0.865",
        scores.len()
    );
    assert!(scores.len() >= 170, "only {} Zyte pages read", scores.len());
    assert!(
        f1 >= ZYTE_F1_FLOOR,
        "Zyte body F1 {f1:.3} < {ZYTE_F1_FLOOR}"
    );
}

/// Readability's test pages: how often our title is Readability's (its own
/// pick, with or without a site suffix, so a loose measure) and how often
/// our date has the day of its `publishedTime`; printed, with floors.
/// Pages without `publishedTime` may still show a date in their text, so
/// dating them is counted, not failed.
#[test]
fn readability_pages_titles_and_dates() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/article-pages/readability");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("SKIPPED: {} is absent", dir.display());
        return;
    };
    let now = Utc::now();
    let (mut pages, mut titles, mut dated, mut dates_ok, mut undated_but_dated) = (0, 0, 0, 0, 0);
    let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    for page in names {
        let (Ok(html), Ok(meta)) = (
            std::fs::read_to_string(page.join("source.html")),
            std::fs::read_to_string(page.join("expected-metadata.json")),
        ) else {
            continue;
        };
        let Ok(meta) = serde_json::from_str::<serde_json::Value>(&meta) else {
            continue;
        };
        let a = article::extract(&html, Hints::default(), now);
        pages += 1;
        let want_title = meta["title"]
            .as_str()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        titles += usize::from(!want_title.is_empty() && a.title == want_title);
        match meta["publishedTime"].as_str() {
            Some(want) => {
                dated += 1;
                let want_day =
                    yuqing::extract::dates::parse_machine(want, now).map(|t| t.date_naive());
                // The day in the page's own zone or in UTC, whichever it wrote.
                let ok = a.published.is_some_and(|t| {
                    want_day == Some(t.date_naive())
                        || want.starts_with(
                            &t.with_timezone(&beijing()).format("%Y-%m-%d").to_string(),
                        )
                }) || want
                    .get(..10)
                    .is_some_and(|d| a.published.is_some_and(|t| t.to_rfc3339().starts_with(d)));
                if !ok {
                    println!(
                        "{}: date {:?} ({:?}) want {want}",
                        page.display(),
                        a.published,
                        a.date_evidence
                    );
                }
                dates_ok += usize::from(ok);
            }
            None => undated_but_dated += usize::from(a.published.is_some()),
        }
    }
    println!(
        "Readability pages ({pages}): titles equal to Readability's {titles}/{pages}; dates right {dates_ok}/{dated}; \
         pages without publishedTime that we date anyway {undated_but_dated}"
    );
    assert!(
        dates_ok >= 30,
        "Readability pages: dates {dates_ok}/{dated}"
    );
    assert!(titles >= 60, "Readability pages: titles {titles}/{pages}");
}

/// A ninth writer's sixteen pages (a WeChat article of a county police
/// bureau dated only by script, an m.weibo.cn status whose post is only in
/// its `$render_data`, 今日头条-, 百家号-, 澎湃- and 网易号-like pages, a
/// county media centre dated by a script variable, an accident
/// investigation report, a 领导留言板 letter with a later reply, a school
/// notice and a hospital's news in GBK, a 12345 知识库 entry under a header
/// clock, a 知乎-like column, a 小红书-like note, a Hong Kong paper, a
/// press conference transcript), in `tests/fixtures/pages-unseen-7/`.
/// Scored unseen with `2e8a63e`: dates 12/16, titles 14/16, body char-F1
/// 0.879.
#[test]
fn seventh_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-7", 16, 16, 0.95);
}

/// A tenth writer's sixteen pages (a province's 政策解读 with attachments,
/// a police 警情通报 under its picture, a county 网上信访 reply, 搜狐号-,
/// 新浪财经-, 央视新闻- and 人民日报客户端-like pages, a Discuz thread whose
/// first post opens with a quote, 天涯-, 虎扑- and 汽车之家-like posts, a
/// 微头条 with no title, a 视频号-like caption, a 规范性文件 with 成文日期
/// and 生效日期 in GBK, Taiwan and Macau pages), in
/// `tests/fixtures/pages-unseen-8/`. Scored unseen with `a44421c`: dates
/// 10/16, titles 12/16, body char-F1 0.866; now 16/16, 16/16, 0.921 (the
/// 信访 page's labelled cells, the 微头条's author line above its text, the
/// Macau paper's edition in its breadcrumb, the police page's <h1> over a
/// sidebar's channel name).
#[test]
fn eighth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-8", 16, 16, 0.91);
}

/// An eleventh writer's sixteen pages in `tests/fixtures/pages-unseen-9/`:
/// a ministry's metadata table, a 行政处罚 公示, a court notice, a GBK
/// school notice, a Tieba thread under a forum's founding date, a
/// short-video share page whose caption is URL-encoded state data, a TV
/// station's page with its air date, a 12345 work order with its follow-up
/// call, a forum post timed 今天 09:12 above its title. Scored unseen
/// (the working tree after `eedb91c` with the eighth set's fixes): dates
/// 11/16, titles 15/16, body char-F1 0.905; now 16/16, 16/16, 0.967.
#[test]
fn ninth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-9", 16, 16, 0.96);
}

/// A twelfth writer's sixteen pages in `tests/fixtures/pages-unseen-10/`:
/// an accident report, a 环评 公示, a 政协 reply, a GBK 村务公开 page,
/// app share pages (网易-, 快手-like), a B站-like column showing only its
/// edit time, a GBK Discuz thread, a 问政 post, a Taiwan paper. Scored
/// unseen as the ninth: dates 13/16, titles 15/16, body char-F1 0.860; now
/// 15/16, 16/16, 0.956. Still wrong: the 网易-like page's 2天前 keeps the
/// fetch's hour (its exact time is in `window.__NUXT__`, a script, not
/// JSON).
#[test]
fn tenth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-10", 15, 16, 0.94);
}

/// A thirteenth writer's sixteen pages in `tests/fixtures/pages-unseen-11/`:
/// a 统计公报, a 纪委 通报, a WeChat article, a 小红书-like note dated 3天前
/// with its exact time in state data, a review with its visit date, a
/// 12315 complaint, a Q&A question, a GBK school notice under a header
/// clock, a Discuz touch page, a 网易号-like page with its time in
/// `data-time`, a Hong Kong release headed 新聞公報, a media app's
/// `__NUXT_DATA__`. Scored unseen (`1355085`): dates 9/16, titles 13/16,
/// body char-F1 0.853; now 14/16, 16/16, 0.922 (the app's devalue-encoded
/// `__NUXT_DATA__` is unflattened). Still wrong: the question's time only
/// in `itemprop="dateCreated"` (earlier writers date an answer page by its
/// answer, so the first dateCreated is not taken). The Hong Kong
/// release's date in Chinese numerals (二〇二六年十二月三日) in its
/// `p.pr-date` is read since set AF (15/16).
#[test]
fn eleventh_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-11", 15, 16, 0.9);
}

/// A fourteenth writer's sixteen templates: a food-sampling notice with
/// its product table, a wage-arrears blacklist, an accident report in a
/// PDF viewer, a judgment, 今日头条-, 微博-mobile-, 豆瓣-, 澎湃号-, 腾讯-,
/// 搜狐号- and 凤凰-like pages with their state data, a leader's message
/// board, a water company's notice, a GBK county portal writing its date
/// by script, a GBK phpwind thread and a provincial 问政 page. Scored
/// unseen (`89fccf7`): dates 15/16, titles 15/16, body char-F1 0.913; now
/// 16/16, 16/16, 0.949. The food notice's writer left its table of
/// products out of the body; the reader keeps it (0.70).
#[test]
fn twelfth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-12", 16, 16, 0.93);
}

/// A fifteenth writer's sixteen templates: a policy interpretation dated
/// apart from its file, a snow warning, a police Weibo desktop page whose
/// post is in `FM.view` pagelet scripts, 新华网- and 人民网-like articles, a
/// 百度知道-like answer page, a leader's activities gallery, a deputy's
/// suggestion answered, a township WeChat article, a 新浪-mobile-like page,
/// a 知乎专栏-like column, a GBK admissions notice, a GBK Discuz! X3 thread,
/// a hospital's news page, an environmental inspection's case table and a
/// mobile forum's 问政 post. Scored unseen (`234c54b`): dates 13/16,
/// titles 13/16, body char-F1 0.905; now 16/16, 16/16, 0.960.
#[test]
fn thirteenth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-13", 16, 16, 0.94);
}

/// A sixteenth writer's sixteen templates: a ministry's policy file, a
/// standing meeting's news, a Vue-rendered media centre page, a 微头条, a
/// 小红书-like note dated by its edit, a 抖音-like photo post, a 快手-like
/// video whose exact time is in `__APOLLO_STATE__`, 百家号-, 网易- and
/// 新京报-like pages, a 12345 work order, a GBK portal page, a university
/// page dated only by its address, a GBK 天涯-like thread, a paper's
/// edition page and a TV station's news. Scored unseen (`65e292b`): dates
/// 14/16, titles 12/16, body char-F1 0.912; now 16/16, 16/16, 0.928.
#[test]
fn fourteenth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-14", 16, 16, 0.91);
}

/// A seventeenth writer's sixteen templates: a Hanweb-like county portal,
/// a bid-award notice in GBK, an EIA acceptance notice, presale permits,
/// a 政务咨询 answer, a B站-like column, a WeChat article in a search
/// engine's cache, an NGA-like thread with its highlighted replies first,
/// a car forum's post, a 知乎-like answer, a 强国论坛-like GBK post, a GBK
/// TV app page dated only by `var newsTime`, a paginated county article, a
/// 央广网-like article, an H5 page whose article is only in its JSON-LD
/// `articleBody`, and a police 通报 posted as an image. Scored unseen
/// (`447506e`): dates 13/16, titles 16/16, body char-F1 0.873; now 15/16,
/// 16/16, 0.911 (a reply's head, #37 发表于 …, no longer dates a thread).
/// Still wrong: the 咨询 answer, which this writer dates by its 答复时间
/// where earlier writers date a letter by its asking. The image 通报's
/// writer left its `alt` text (the notice itself) out of the body; the
/// reader keeps it, as an analyst needs it.
#[test]
fn fifteenth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-15", 15, 16, 0.9);
}

/// An eighteenth writer's sixteen templates: an accident investigation
/// report, a deputy's suggestion answered, a vaccination notice dated by
/// script, a paper's app share page titled by the app's name, a 百家号-like
/// article, a 贴吧-like thread, a 天涯-like post, a 网易-like article, a
/// service guide dated only by its footer, a court's hearing notice in a
/// `side-main` column, a GBK school notice, a video share page whose
/// `<title>` is the app's slogan, a GBK Discuz thread with its poster's
/// profile (注册时间) beside the first post, a flash-news list, a ministry's
/// illustrated interpretation and a bilingual foreign affairs notice.
/// Scored unseen (`1deba13`): dates 11/16, titles 11/16, body char-F1
/// 0.940; now 15/16, 16/16, 0.982. Still wrong: the flash item's time
/// (14:32 under a day header).
#[test]
fn sixteenth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-16", 15, 16, 0.96);
}

/// A nineteenth writer's sixteen templates: a 信访 letter and its reply in
/// two label tables, a 纪委 notice, a market regulator's failed-sampling
/// notice with its table, 新浪-, 凤凰-, 搜狐-, 今日头条- and 腾讯-like
/// articles (the last only in `window.DATA`), a 豆瓣小组-like thread, a
/// 小红书-like note, a leader's message board, a GBK 信息公开 page (its
/// text in `#Zoom`), a hospital's WeChat article, a GBK phpwind thread
/// whose subject stands inside its first post, a university BBS post in a
/// `<pre>` (发信人/标  题/发信站) and a bus company's notice. Scored unseen
/// (`1deba13`): dates 13/16, titles 15/16, body char-F1 0.836; now 16/16,
/// 16/16, 0.943. The sampling notice's writer left its signature and
/// table out of the body; the reader keeps them (0.61).
#[test]
fn seventeenth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-17", 16, 16, 0.92);
}

/// A twentieth writer's sixteen templates: a standing meeting's news, a
/// notice in a pdf.js viewer, a 界面-like article dated only in UTC
/// JSON-LD, an AMP page, an app share page timed 刚刚, a 知乎-like
/// question with three answers, a 贴吧 mobile thread, a GB2312 ASP site
/// whose sidebar lists the article above its heading, a Big5 Taiwan
/// paper, an opinion piece, a 澎湃-like investigation, a 12345 weekly
/// report, a GBK 村务公开 dated in Chinese numerals, a penalty decision
/// with its 公示日期, a video page dated by `itemprop="uploadDate"` and a
/// 政协 proposal answered. Scored unseen (`32269fb`): dates 10/16, titles
/// 15/16, body char-F1 0.977; now 15/16, 15/16, 0.977 (the 贴吧 post's
/// `1楼 12-08` read as a day since, and the share page's stale 刚刚
/// yielding to its state's time). Still wrong: the pdf.js notice (title
/// and date only in its text layer).
#[test]
fn eighteenth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-18", 15, 15, 0.96);
}

/// A twenty-first writer's sixteen templates: 简书- and CSDN-like posts, a
/// district app share page, a 学习强国-like shell with its article in
/// state data, a GB2312 old forum thread (注册：2007-04-19 beside the post,
/// replies under a rule of dashes), a judgment, a 大众点评-like review, a
/// 网易号-like article, a 悟空问答-like answer, a short warning, a page
/// dated by a comment and its address, a recruitment notice, a GBK
/// attachment page, a WeChat article, an e-paper page and a 抖音-like
/// note whose text is only in `RENDER_DATA`. Scored unseen (`32269fb`):
/// dates 13/16, titles 16/16, body char-F1 0.848; now 14/16, 16/16,
/// 0.919. Still wrong: the answer page this writer dates by its answer
/// where the question's 提问于 comes first, the note dated 12-07 with no
/// year; the attachment page's writer left its file list out (0.46).
#[test]
fn nineteenth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-19", 14, 16, 0.9);
}

/// A twenty-second writer's sixteen templates: a 领导留言板 message with
/// its answer and a list of other letters, a press conference transcript,
/// a 澎湃-like 原创 report, a video page read by its 视频简介, a
/// 小红书-like note, a Weibo post in `$render_data` with no 【】 lead, a
/// Hong Kong paper (下午3:45), a 知乎 column, a B站 column, a complaint
/// page with its timeline, a township notice dated only by its signature
/// in Chinese numerals, a GBK blog, a mobile page dated only by its
/// article element's `data-time`, a photo gallery, a GB18030 police
/// notice and a portal's repost of a 政务微信 article. Scored unseen
/// (`6e053df`): dates 15/16, titles 15/16, body char-F1 0.933; now 16/16,
/// 16/16, 0.951 (captions under ▲ or credited to a reporter, reprint
/// notices, tag rows and other letters left out, which lifted eleven
/// earlier sets too). The complaint page's writer left its fields and
/// timeline out, and the repost's kept its 原标题 line, which earlier
/// writers left out.
#[test]
fn twentieth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-20", 16, 16, 0.94);
}

/// A twenty-third writer's sixteen templates: an environmental impact
/// notice, a county people's congress page (TRS), a 新华网-like article, a
/// letters board listing three letters, a 百度知道-like answer, a 微头条-like
/// post with no title, a 腾讯新闻-like page (`apub:time`), an e-paper, a GBK
/// school notice signed at its foot, a government FAQ, a water company's
/// notice (2026/12/12), a Discuz! X3 thread (7 天前 in a tooltip), a mobile
/// page with a bare `<time>`, a 凤凰网-like page dated only by its page
/// variable `allData`, a Big5 Macau paper and a print version. Scored
/// unseen (`f94e65c`): dates 15/16, titles 15/16, body char-F1 0.941; now
/// 16/16, 15/16, 0.969 (`allData`'s `newsTime`; counters, feedback prompts
/// and app banners, and a board's other letters left out). Still wrong: the
/// 微头条 post, which this writer titles by its first sentence without its
/// ！ (the reader leaves a post with no title untitled).
#[test]
fn twenty_first_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-21", 16, 15, 0.95);
}

/// A twenty-fourth writer's sixteen templates: an accident investigation
/// summary, a county media centre's article, a 网易-like article, a
/// 搜狐-like mobile page, a GBK 天涯-like thread, an online interview
/// transcript (访谈时间 before 发布时间), a 百家号-like page with no title, a
/// policy explainer, a journal abstract (收稿日期 before 发表时间), a
/// complaint's detail page, a university's news, a GBK court notice, a
/// Big5 Taiwan paper, a mini-program's share page whose article is only in
/// `window.__DATA__`, a 博客园-like post dated by its `posted @` foot line
/// and a live page. Scored unseen (`d318946`): dates 12/16, titles 14/16,
/// body char-F1 0.872; now 16/16, 15/16, 0.935 (the mini-program's text,
/// a list of paragraphs in its state, read since). Still wrong: the
/// 百家号-like page (no title anywhere but its heading-less first block),
/// the journal's and the complaint's bodies (the abstract alone; the
/// complaint and its outcome).
#[test]
fn twenty_second_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-22", 16, 15, 0.92);
}

/// A twenty-fifth writer's sixteen templates (set Y): an administrative
/// penalty notice, a 头条-like article, a short video's
/// share page (URL-encoded state), a 信息公开 page with its metadata
/// table, a mobile 贴吧-like thread, a GB2312 table-layout news page, a
/// 股吧-like post, an m.weibo-like detail page, a tender result notice, a
/// Big5 Hong Kong press release dated only at its foot (day, then 香港時間
/// on the next line), a 豆瓣-like group post, a deputy's suggestion
/// answered, a court judgment, a news app's share page whose record names
/// its headline `name`, a 中新网-like article with a video, a GBK county
/// leader's activity page. At first sight 14/16, 15/16, 0.875 (a mobile
/// thread's floor line above its post read as the post's tail, a
/// department's name in `<title>` taken for the title, the press release's
/// time on the line below its day, the app's record, photo captions).
/// Still read into the body: a photo's caption in a thread, which this
/// writer left out.
#[test]
fn twenty_third_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-23", 16, 16, 0.97);
}

/// A twenty-sixth writer's sixteen templates (set Z): a 辟谣 page, a
/// daily's print page, a consultation notice, a 搜狐号-like post, a GBK
/// PHPWind thread, a weather warning, a WeChat article dated only by its
/// script's `createTime`, a 悟空问答-like Q&A page, a notice dated only in
/// Chinese numerals at its foot, an app page whose article is only in its
/// state, a Taiwan paper in Traditional characters, an AMP page dated only
/// in JSON-LD, a GB2312 人民网-like channel page, a hotline record made
/// public (来电, 办结 and 公开时间 rows), an education bureau's Q&A list
/// and a 新浪博客-like post. At first sight 15/16, 16/16, 0.980 (the
/// record dated by its call, the question's text left out of the Q&A
/// page's body, an app promotion and a starred reminder read as text).
#[test]
fn twenty_fourth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-24", 16, 16, 0.97);
}

/// A twenty-seventh writer's sixteen templates (set AA): a 纪委监委 notice
/// (GB2312), a 新京报-like article, a presale permit table, a title-less
/// 微头条 post, a 知乎-like answer (提问于, 编辑于 and 发布于), a GBK
/// special-topic page, a video news page's transcript, a Big5 Macau
/// release dated at its foot, a long Weibo post opening with its #topic#
/// and 【】 lead, an editorial dated by its print line, an owners'
/// committee notice shown as an image with its text hidden for screen
/// readers, a hotline's weekly report, a court's live-trial page, a
/// bilingual foreign affairs notice, a BBS thread's web view and a
/// WordPress-like blog. At first sight 14/16, 13/16, 0.936 (the BBS
/// thread's 发信站 header and the post's lead behind its topic read
/// since). Still wrong: the answer page is dated by its question's
/// 提问于, the title-less post is left untitled, and the BBS web view's
/// title and body are its board's.
#[test]
fn twenty_fifth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-25", 15, 14, 0.92);
}

/// `tests/fixtures/pages-unseen-26`: sixteen more templates by a writer who
/// saw none of the code (set AB): an environment bureau's penalty
/// decision, a provincial TV station's video page, a 百家号-like article, a
/// county media centre's GBK page with a scrolling ticker, a 小红书-like
/// note, a hotline's typical case, a Big5 Hong Kong paper, a college
/// notice, a mobile Weibo post, a 贴吧-like thread, a policy
/// interpretation, a GB2312 judgment, a leaders' message board, an
/// emergency bureau's bulletin with updates, a 澎湃-like page and a blog.
/// At first sight 15/16, 13/16, 0.951: the ticker's label 滚动新闻： and a
/// box holding the <h3> and its byline were read as titles, and the
/// bulletin was dated by metadata that is its 更新时间 (read since). Still
/// wrong: the title-less post is left untitled, and the message board's
/// body takes in the official reply, which this writer leaves out.
#[test]
fn twenty_sixth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-26", 16, 15, 0.94);
}

/// `tests/fixtures/pages-unseen-27`: sixteen more templates (set AC): a
/// market regulator's sampling notice, a county leader's activity page
/// (GBK), a 网易号-like post, a provincial daily's e-paper, a 抖音-like
/// video page, a 头条-like article, a Taiwan news site, a township's
/// village-affairs notice posted as a scan, a 知乎专栏-like article, a
/// Discuz thread (GB2312), a policy Q&A, a procuratorate's case release,
/// a hospital's news page, a hotline's weekly bulletin, a commentary page
/// and a Big5 photo blog. At first sight 15/16, 13/16, 0.926: two pages
/// were titled by their channel (案件发布, 医院新闻), which <title> names
/// first and the breadcrumb names too (read since). Still wrong: the
/// procuratorate's page is dated by its metadata's day, not the day it
/// shows; a video is titled by its whole description, not its first
/// sentence; the scanned notice's body.
#[test]
fn twenty_seventh_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-27", 15, 15, 0.91);
}

/// `tests/fixtures/pages-unseen-28`: sixteen more templates (set AD): an
/// emergency department's accident-report summary, a county media
/// centre's page (GBK) with a ticker and weather, a 搜狐号-like post, an
/// evening paper's H5 page, a 快手-like video page, a 凤凰网-like article
/// with 原标题, a Hong Kong press release (Big5), a sub-district's notice
/// of a table of names, a 豆瓣小组-like post, a Discuz thread quoting an
/// older post, a tax bureau's policy interpretation, a court's trial
/// news, a university's news (GB2312), a 12345 letter and reply, a
/// leaders' message board and a Typecho-like blog. At first sight 14/16,
/// 12/16, 0.854: a headline shown cut short (…决定继续开...) whose whole
/// the page gives in its JSON-LD and a 标题： box, metadata that dropped
/// the headline's quote marks, and the press release titled by a
/// calendar box and dated by its 今日： widget, and the video page read
/// from its route's state (`__INITIAL_STATE__`) where its caption and
/// time are in another (`__APOLLO_STATE__`) (all read since). Still
/// wrong: the message board's body takes in the official reply, which
/// this writer (as two of ten before) leaves out.
#[test]
fn twenty_eighth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-28", 16, 16, 0.9);
}

/// `tests/fixtures/pages-unseen-29`: sixteen more templates (set AE): an
/// environment bureau's penalty decision, a county's disclosure page
/// (GB2312) with its index table, a 百家号-like post with an AI summary, a
/// provincial TV page with a transcript, a 视频号-like share page, a
/// 澎湃-like page, a Macau government release with Portuguese date lines,
/// a village's party-affairs notice, a 小红书-like note, a Discuz thread
/// (GBK) with a poll, a medical-insurance Q&A, a police bulletin behind a
/// long sidebar, a Taiwan school's news page (Big5), a hotline's monthly
/// report with tables, a news app's share page holding its article in
/// JSON-LD, and a Hexo-like blog. At first sight 13/16, 13/16, 0.911: the
/// video channel's caption nested under `objectDesc` with its time
/// (`createtime`) on the feed, and the app page headed by its share line
/// where its JSON-LD holds the headline with the article (both read
/// since). Still wrong: the Macau release's dd/mm/yyyy date lines, the
/// Taiwan page's 民國 dates (116-02-15), and a police bulletin whose
/// heading is the bare 警情通报 its og:title lengthens.
#[test]
fn twenty_ninth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-29", 14, 15, 0.95);
}

/// `tests/fixtures/pages-unseen-30/`: sixteen pages of set AF, by another
/// writer: a provincial emergency department's accident report with its
/// attachments, a county media centre's page (GB2312), a 今日头条-like
/// article, a city paper's digital edition, a 微博-like post held in page
/// data, a 知乎-like answer, a Hong Kong release (Big5) dated by its
/// English dateline, a township notice with a PDF, a 抖音-like share page
/// whose caption is URL-encoded JSON, a Discuz thread (GBK) whose first
/// post was edited, a tax bureau's Q&A, a court judgment, a hospital's
/// news, a food-sampling notice with a large table, a 公众号-like article
/// and a WordPress-like blog. At first sight 14/16, 14/16, 0.927: the
/// release's dateline (Tuesday, March 23, 2027 / Issued at HKT 17:45)
/// was not read, so a related release's date was taken; the video's
/// caption, which its <title> repeats, lost to the skeleton's furniture;
/// and the notice's og:title, which drops the heading's 2027年, beat the
/// heading. All three are read since.
#[test]
fn thirtieth_unseen_pages_dates_titles_bodies() {
    unseen_set("pages-unseen-30", 16, 16, 0.97);
}
