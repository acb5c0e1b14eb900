//! Sources stage: what to watch (`[[sources]]` in the config) and when
//! ([`schedule`]): `feed` (RSS/Atom/JSON Feed, e.g. RSSHub Weibo routes),
//! `page` (a portal or forum list page and its articles) and `inbox` (a
//! directory for the offline channels). How one is refreshed is
//! [`crate::daemon::refresh`]; this module holds no pipeline or store.

pub mod schedule;
pub mod state;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::classify::Authority;
use schedule::{DEFAULT_SCHEDULE, Timetable};
pub use state::SourceState;

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
    /// The regular schedule.
    pub fn timetable(&self) -> Result<Timetable, String> {
        Timetable::parse(
            self.schedule.as_deref().unwrap_or(DEFAULT_SCHEDULE),
            &self.name,
        )
    }

    /// The surge schedule, if any.
    pub fn surge_timetable(&self) -> Option<Result<Timetable, String>> {
        self.surge_schedule
            .as_deref()
            .map(|s| Timetable::parse(s, &self.name))
    }

    /// Problems an operator must fix, prefixed with `key` (e.g.
    /// `sources[2] (南通发布)`).
    pub fn problems(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push(format!("{key}: name is empty"));
        }
        match self.kind {
            SourceKind::Feed | SourceKind::Page => match &self.url {
                None => out.push(format!(
                    "{key}: a {} source needs url",
                    kind_name(self.kind)
                )),
                Some(u) => {
                    if let Err(e) = crate::fetch::parse_url(u) {
                        out.push(format!("{key}: url: {e}"));
                    }
                }
            },
            SourceKind::Inbox => {
                if self.path.is_none() {
                    out.push(format!("{key}: an inbox source needs path"));
                }
                if let Some(seed) = &self.seed
                    && !seed.is_dir()
                {
                    out.push(format!("{key}: seed {} is not a directory", seed.display()));
                }
            }
        }
        if let Err(e) = self.timetable() {
            out.push(format!("{key}: {e}"));
        }
        if let Some(Err(e)) = self.surge_timetable() {
            out.push(format!("{key}: surge_schedule: {e}"));
        }
        for (field, sel) in [
            ("link_selector", &self.link_selector),
            ("list_title_selector", &self.list_title_selector),
            ("list_date_selector", &self.list_date_selector),
            ("title_selector", &self.title_selector),
            ("body_selector", &self.body_selector),
            ("date_selector", &self.date_selector),
        ] {
            if let Some(s) = sel {
                if self.kind != SourceKind::Page {
                    out.push(format!("{key}: {field} applies to page sources only"));
                } else if let Err(e) = scraper::Selector::parse(s) {
                    out.push(format!(
                        "{key}: {field} '{s}' is not a CSS selector ({})",
                        selector_error(&e)
                    ));
                }
            }
        }
        if self.max_articles == 0 || self.max_articles > 500 {
            out.push(format!("{key}: max_articles must be 1 to 500"));
        }
        out
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
    let mut out = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let key = format!("sources[{i}] ({})", s.name);
        out.extend(s.problems(&key));
        if sources[..i].iter().any(|o| o.name == s.name) {
            out.push(format!("{key}: the name is used twice"));
        }
    }
    out
}
