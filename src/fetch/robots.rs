//! `robots.txt`, fetched once per host and cached (a day when read, ten
//! minutes when it could not be), parsed by texting_robots.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use texting_robots::Robot;
use url::Url;

use super::{FetchError, Fetched, Fetcher, host_key};

/// The product token matched against `User-agent:` lines.
const AGENT: &str = "yuqing";
const FRESH: Duration = Duration::from_secs(24 * 3600);
const RETRY: Duration = Duration::from_secs(600);
/// Crawl-delay honoured at most (a hostile file must not stall a source).
const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

#[derive(Clone)]
enum Rules {
    /// No usable file (404 and the like): everything is allowed.
    AllowAll,
    /// The server failed (5xx, network): nothing is fetched until retried.
    Unavailable(FetchError),
    /// A parsed file.
    Parsed(Arc<Robot>),
}

struct Entry {
    rules: Rules,
    fetched: Instant,
}

/// Per-host robots rules.
#[derive(Default)]
pub(super) struct Cache {
    entries: Mutex<HashMap<String, Entry>>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("robots::Cache").finish_non_exhaustive()
    }
}

impl Cache {
    /// Ok when `url` may be fetched; the robots error when the file could
    /// not be read (RFC 9309: a server error means "disallow all" for now).
    pub(super) async fn check(&self, fetcher: &Fetcher, url: &Url) -> Result<(), FetchError> {
        let host = host_key(url);
        let cached = {
            let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
            entries.get(&host).and_then(|e| {
                let ttl = if matches!(e.rules, Rules::Unavailable(_)) {
                    RETRY
                } else {
                    FRESH
                };
                (e.fetched.elapsed() < ttl).then(|| e.rules.clone())
            })
        };
        let rules = match cached {
            Some(r) => r,
            None => {
                let r = fetch(fetcher, url).await;
                let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
                // Expired entries would be fetched again anyway: drop them,
                // so hosts seen once do not stay for the life of the process.
                entries.retain(|_, e| e.fetched.elapsed() < FRESH);
                entries.insert(
                    host,
                    Entry {
                        rules: r.clone(),
                        fetched: Instant::now(),
                    },
                );
                r
            }
        };
        match rules {
            Rules::AllowAll => Ok(()),
            // Named after the source's URL, not robots.txt's: the operator
            // looks for the source in the log (a refused connection is the
            // source's host refusing).
            Rules::Unavailable(e) => {
                let inner = e.to_string();
                let why = inner
                    .split_once(": ")
                    .map_or(inner.as_str(), |(_, why)| why)
                    .to_string();
                Err(FetchError::Network {
                    url: url.to_string(),
                    message: format!("{why} (while reading the host's robots.txt)"),
                })
            }
            Rules::Parsed(robot) if robot.allowed(url.as_str()) => Ok(()),
            Rules::Parsed(_) => Err(FetchError::Robots {
                url: url.to_string(),
            }),
        }
    }

    /// The host's Crawl-delay, if its file sets one.
    pub(super) fn crawl_delay(&self, host: &str) -> Duration {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        match entries.get(host).map(|e| &e.rules) {
            Some(Rules::Parsed(r)) => r
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map_or(Duration::ZERO, |d| {
                    Duration::from_secs_f32(d).min(MAX_CRAWL_DELAY)
                }),
            _ => Duration::ZERO,
        }
    }
}

async fn fetch(fetcher: &Fetcher, url: &Url) -> Rules {
    let mut robots_url = url.clone();
    robots_url.set_path("/robots.txt");
    robots_url.set_query(None);
    robots_url.set_fragment(None);
    match fetcher.get_now(&robots_url, None).await {
        Ok(Fetched::Body(body)) => match Robot::new(AGENT, &body.bytes) {
            Ok(robot) => Rules::Parsed(Arc::new(robot)),
            // An unparseable file states no rule we could follow.
            Err(_) => Rules::AllowAll,
        },
        Ok(Fetched::NotModified) => Rules::AllowAll,
        Err(FetchError::Status { status, .. }) if (400..500).contains(&status) => Rules::AllowAll,
        Err(FetchError::TooLarge { .. }) => Rules::AllowAll,
        Err(e) => Rules::Unavailable(e),
    }
}
