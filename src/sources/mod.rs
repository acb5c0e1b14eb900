//! Sources stage: what to watch (`[[sources]]` in the config) and when
//! ([`schedule`]): `feed` (RSS/Atom/JSON Feed, e.g. RSSHub Weibo routes),
//! `page` (a portal or forum list page and its articles) and `inbox` (a
//! directory for the offline channels). How one is refreshed is
//! [`crate::daemon::refresh`]; this module holds no pipeline or store.

pub mod schedule;

use std::path::PathBuf;

use scraper::Selector;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::classify::Authority;
use schedule::{DEFAULT_SCHEDULE, Timetable};

/// The kind of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// RSS, Atom or JSON Feed.
    Feed,
    /// An HTML list page and the articles it links to.
    Page,
    /// A local directory of files.
    Inbox,
}

/// One source as declared in the config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    /// Unique name; becomes the items' source.
    pub name: String,
    /// feed, page or inbox.
    pub kind: SourceKind,
    /// URL of the feed or list page.
    #[serde(default)]
    pub url: Option<String>,
    /// Directory of an inbox (relative to the config file).
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// Inbox sources: a directory whose files are copied into the inbox
    /// once, at the source's first poll (a fresh store), so a new install
    /// has something to show. Files already in the inbox, `processed/` or
    /// `failed/` are not copied again.
    #[serde(default)]
    pub seed: Option<PathBuf>,
    /// 5-field crontab; default every 10 minutes.
    #[serde(default)]
    pub schedule: Option<String>,
    /// Denser schedule while a grave case of this source's region or tags
    /// is open (24小时全网舆情监测).
    #[serde(default)]
    pub surge_schedule: Option<String>,
    /// Region (属地) the source covers.
    #[serde(default)]
    pub region: Option<String>,
    /// Who publishes there (central, provincial, municipal, county,
    /// self_media): feeds the severity guess.
    #[serde(default)]
    pub authority: Option<Authority>,
    /// Free tags (surge mode matches them against a case's regions).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Poll it at all.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// Obey robots.txt.
    #[serde(default = "yes")]
    pub robots: bool,
    /// Label of its items: weibo, wechat, portal, forum, news…
    #[serde(default)]
    pub item_kind: Option<String>,
    /// Page sources: CSS selector of the entry links on the list page
    /// (default: a generic guess).
    #[serde(default)]
    pub link_selector: Option<String>,
    /// Page sources: CSS selector of an entry's title inside the row the
    /// link selector picks (default: the link's title or text).
    #[serde(default)]
    pub list_title_selector: Option<String>,
    /// Page sources: CSS selector of an entry's date inside the row the
    /// link selector picks (default: any date in the row's text).
    #[serde(default)]
    pub list_date_selector: Option<String>,
    /// Page sources: CSS selector of an article's title.
    #[serde(default)]
    pub title_selector: Option<String>,
    /// Page sources: CSS selector of an article's body.
    #[serde(default)]
    pub body_selector: Option<String>,
    /// Page sources: CSS selector of an article's publication date.
    #[serde(default)]
    pub date_selector: Option<String>,
    /// Page sources: new articles fetched per poll at most.
    #[serde(default = "default_max_articles")]
    pub max_articles: usize,
}

fn yes() -> bool {
    true
}

fn default_max_articles() -> usize {
    20
}

impl SourceConfig {
    /// Problems an operator must fix, prefixed with `key` (e.g.
    /// `sources[2] (南通发布)`): everything [`Source::compile`] refuses.
    pub fn problems(&self, key: &str) -> Vec<String> {
        Source::compile(self.clone(), key).err().unwrap_or_default()
    }
}

/// A source validated and compiled once, when the config is loaded or
/// reloaded: its URL parsed, its selectors compiled, its timetables built.
/// It reads as its [`SourceConfig`] (name, region, tags…) through `Deref`.
#[derive(Debug, Clone)]
pub struct Source {
    config: SourceConfig,
    /// What to fetch or read, by kind.
    pub spec: SourceSpec,
    /// The regular schedule.
    pub timetable: Timetable,
    /// The surge schedule, if any.
    pub surge: Option<Timetable>,
}

/// What a source is, by kind, with everything parsed.
#[derive(Debug, Clone)]
pub enum SourceSpec {
    /// A feed at this URL.
    Feed {
        /// The feed.
        url: Url,
    },
    /// A list page and the articles it links to.
    Page {
        /// The list page.
        url: Url,
        /// The operator's selectors, compiled.
        selectors: PageSelectors,
        /// New articles fetched per poll at most.
        max_articles: usize,
    },
    /// A directory of files.
    Inbox {
        /// The directory (relative paths are resolved against the config
        /// file's directory when the config is loaded).
        dir: PathBuf,
        /// Sample files copied in at the first poll.
        seed: Option<PathBuf>,
    },
}

/// A page source's CSS selectors, compiled once.
#[derive(Debug, Clone, Default)]
pub struct PageSelectors {
    /// Entry links (or rows holding one) on the list page.
    pub link: Option<Selector>,
    /// An entry's title inside its row.
    pub list_title: Option<Selector>,
    /// An entry's date inside its row.
    pub list_date: Option<Selector>,
    /// An article's title.
    pub title: Option<Selector>,
    /// An article's body.
    pub body: Option<Selector>,
    /// An article's publication date.
    pub date: Option<Selector>,
}

impl std::ops::Deref for Source {
    type Target = SourceConfig;

    fn deref(&self) -> &SourceConfig {
        &self.config
    }
}

impl Source {
    /// The source as written in the config.
    pub fn config(&self) -> &SourceConfig {
        &self.config
    }

    /// Validates and compiles `config`; on failure, every problem, each
    /// prefixed with `key` (e.g. `sources[2] (南通发布)`).
    pub fn compile(config: SourceConfig, key: &str) -> Result<Source, Vec<String>> {
        let mut out = Vec::new();
        if config.name.trim().is_empty() {
            out.push(format!("{key}: name is empty"));
        }
        let url = match config.kind {
            SourceKind::Feed | SourceKind::Page => match &config.url {
                None => {
                    out.push(format!(
                        "{key}: a {} source needs url",
                        kind_name(config.kind)
                    ));
                    None
                }
                Some(u) => match crate::fetch::parse_url(u) {
                    Ok(url) => Some(url),
                    Err(e) => {
                        out.push(format!("{key}: url: {e}"));
                        None
                    }
                },
            },
            SourceKind::Inbox => {
                if config.path.is_none() {
                    out.push(format!("{key}: an inbox source needs path"));
                }
                if let Some(seed) = &config.seed
                    && !seed.is_dir()
                {
                    out.push(format!("{key}: seed {} is not a directory", seed.display()));
                }
                None
            }
        };
        let timetable = Timetable::parse(
            config.schedule.as_deref().unwrap_or(DEFAULT_SCHEDULE),
            &config.name,
        )
        .map_err(|e| out.push(format!("{key}: {e}")))
        .ok();
        let surge = match config.surge_schedule.as_deref() {
            None => None,
            Some(expr) => match Timetable::parse(expr, &config.name) {
                Ok(t) => Some(t),
                Err(e) => {
                    out.push(format!("{key}: surge_schedule: {e}"));
                    None
                }
            },
        };
        let mut compiled: [Option<Selector>; 6] = Default::default();
        for (slot, (field, sel)) in compiled.iter_mut().zip([
            ("link_selector", &config.link_selector),
            ("list_title_selector", &config.list_title_selector),
            ("list_date_selector", &config.list_date_selector),
            ("title_selector", &config.title_selector),
            ("body_selector", &config.body_selector),
            ("date_selector", &config.date_selector),
        ]) {
            if let Some(s) = sel {
                if config.kind != SourceKind::Page {
                    out.push(format!("{key}: {field} applies to page sources only"));
                } else {
                    match Selector::parse(s) {
                        Ok(sel) => *slot = Some(sel),
                        Err(e) => out.push(format!(
                            "{key}: {field} '{s}' is not a CSS selector ({})",
                            selector_error(&e)
                        )),
                    }
                }
            }
        }
        if config.max_articles == 0 || config.max_articles > 500 {
            out.push(format!("{key}: max_articles must be 1 to 500"));
        }
        let (Some(timetable), true) = (timetable, out.is_empty()) else {
            return Err(out);
        };
        let [link, list_title, list_date, title, body, date] = compiled;
        let spec = match (config.kind, url) {
            (SourceKind::Feed, Some(url)) => SourceSpec::Feed { url },
            (SourceKind::Page, Some(url)) => SourceSpec::Page {
                url,
                selectors: PageSelectors {
                    link,
                    list_title,
                    list_date,
                    title,
                    body,
                    date,
                },
                max_articles: config.max_articles,
            },
            (SourceKind::Inbox, _) => SourceSpec::Inbox {
                dir: config.path.clone().unwrap_or_default(),
                seed: config.seed.clone(),
            },
            // A feed or page without a URL was refused above.
            (kind, None) => {
                return Err(vec![format!(
                    "{key}: a {} source needs url",
                    kind_name(kind)
                )]);
            }
        };
        Ok(Source {
            config,
            spec,
            timetable,
            surge,
        })
    }
}

fn kind_name(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Feed => "feed",
        SourceKind::Page => "page",
        SourceKind::Inbox => "inbox",
    }
}

/// scraper's error in one line: its Display of some errors is a
/// "please report this" line followed by the error's kind.
fn selector_error(e: &scraper::error::SelectorErrorKind) -> String {
    let text: Vec<String> = e
        .to_string()
        .lines()
        .filter(|l| !l.contains("report this"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if text.is_empty() {
        "invalid".into()
    } else {
        text.join("; ")
    }
}

/// Problems of a whole source list: each source's, and duplicate names.
pub fn problems(sources: &[SourceConfig]) -> Vec<String> {
    compile(sources).err().unwrap_or_default()
}

/// Validates and compiles a whole source list (each source, and duplicate
/// names), or every problem found, each naming its source
/// (`sources[N] (name): …`).
pub fn compile(sources: &[SourceConfig]) -> Result<Vec<Source>, Vec<String>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let key = format!("sources[{i}] ({})", s.name);
        match Source::compile(s.clone(), &key) {
            Ok(source) => out.push(source),
            Err(p) => problems.extend(p),
        }
        if sources[..i].iter().any(|o| o.name == s.name) {
            problems.push(format!("{key}: the name is used twice"));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
