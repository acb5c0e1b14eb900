//! Fetching, as a polite and robust HTTP client: timeouts, a body cap
//! enforced while streaming (after decompression, so a gzip bomb is cut),
//! bounded redirects, conditional GET, per-host concurrency and spacing,
//! `robots.txt`, `Retry-After`. Bodies are returned as bytes; [`charset`]
//! turns them into text.

pub mod charset;
mod robots;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use reqwest::StatusCode;
use reqwest::header::{
    CONTENT_TYPE, ETAG, HeaderMap, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, RETRY_AFTER,
};
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;
use url::Url;

/// How the client behaves. Defaults suit government portals: a few
/// requests per host at a time, spaced, and small bodies.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FetchConfig {
    /// Sent with every request.
    pub user_agent: String,
    /// Seconds to establish a connection.
    pub connect_timeout_secs: u64,
    /// Seconds for a whole request, body included.
    pub timeout_secs: u64,
    /// Largest body accepted, in bytes (after decompression).
    pub max_body_bytes: usize,
    /// Redirects followed at most.
    pub max_redirects: usize,
    /// Requests in flight to one host at most.
    pub per_host_concurrency: usize,
    /// Milliseconds between two requests to one host at least.
    pub per_host_delay_ms: u64,
    /// Obey `robots.txt` (sources can opt out one by one).
    pub respect_robots: bool,
    /// Entries read from one feed at most, the newest first; a feed cut
    /// there gets a warning in its source's state.
    pub max_feed_entries: usize,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: format!(
                "yuqing/{} (public-opinion monitoring; +https://github.com/yuqing)",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout_secs: 10,
            timeout_secs: 30,
            max_body_bytes: 5 << 20,
            max_redirects: 5,
            per_host_concurrency: 2,
            per_host_delay_ms: 1000,
            respect_robots: true,
            max_feed_entries: 1000,
        }
    }
}

/// Cache validators of a previous response (conditional GET).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// `ETag`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// `Last-Modified`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// A successful fetch.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// 304: nothing changed since the validators.
    NotModified,
    /// A body.
    Body(Body),
}

/// A response body and what describes it.
#[derive(Debug, Clone)]
pub struct Body {
    /// The URL after redirects.
    pub url: Url,
    /// `Content-Type`, if sent.
    pub content_type: Option<String>,
    /// The bytes, decompressed.
    pub bytes: Vec<u8>,
    /// Validators for the next request.
    pub validators: Validators,
}

impl Body {
    /// The body as text (see [`charset::decode`]).
    pub fn text(&self) -> charset::Decoded {
        let tld = self
            .url
            .host_str()
            .and_then(|h| h.rsplit('.').next())
            .map(str::to_string);
        charset::decode(&self.bytes, self.content_type.as_deref(), tld.as_deref())
    }
}

/// Why a fetch failed; each names the URL.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FetchError {
    /// Not an http(s) URL.
    #[error("{url}: not a usable http(s) URL: {message}")]
    BadUrl {
        /// The URL as given.
        url: String,
        /// What is wrong.
        message: String,
    },
    /// robots.txt forbids it.
    #[error(
        "{url}: disallowed by the site's robots.txt (set robots = false on the source to override)"
    )]
    Robots {
        /// The URL.
        url: String,
    },
    /// The body exceeded the cap.
    #[error("{url}: the body is larger than {limit} bytes; cut off")]
    TooLarge {
        /// The URL.
        url: String,
        /// The cap.
        limit: usize,
    },
    /// Too slow.
    #[error("{url}: timed out")]
    Timeout {
        /// The URL.
        url: String,
    },
    /// Redirect loop or too many redirects.
    #[error("{url}: too many redirects (a loop?)")]
    Redirects {
        /// The URL.
        url: String,
    },
    /// An HTTP error status.
    #[error("{url}: HTTP {status}{}", retry_after.map(|d| format!(" (retry after {} s)", d.as_secs())).unwrap_or_default())]
    Status {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
        /// What the server asked us to wait (429/503).
        retry_after: Option<Duration>,
    },
    /// The host asked us (Retry-After) to stay away for a while yet.
    #[error("{url}: the server asked to wait {} s more before the next request (Retry-After)", wait.as_secs())]
    HostHeld {
        /// The URL.
        url: String,
        /// How much longer.
        wait: Duration,
    },
    /// Connection, TLS, DNS or protocol failure.
    #[error("{url}: {message}")]
    Network {
        /// The URL.
        url: String,
        /// What happened.
        message: String,
    },
}

impl FetchError {
    /// How long the server asked us to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::Status { retry_after, .. } => *retry_after,
            FetchError::HostHeld { wait, .. } => Some(*wait),
            _ => None,
        }
    }
}

/// Hosts remembered before idle ones are forgotten.
const HOST_SWEEP_AT: usize = 256;

/// A host not asked for this long (past its hold) is forgotten; asked
/// again, it starts with no hold, as a new host does.
const HOST_IDLE: Duration = Duration::from_secs(30 * 60);

/// Forgets the hosts idle since `now - HOST_IDLE` that no request holds or
/// waits for.
fn evict_idle(hosts: &mut HashMap<String, Host>, now: Instant) {
    hosts.retain(|_, h| {
        Arc::strong_count(&h.permits) > 1
            || h.held_until.unwrap_or(h.not_before).max(h.not_before) + HOST_IDLE > now
    });
}

#[derive(Debug)]
struct Host {
    permits: Arc<Semaphore>,
    /// No request to this host before this instant (per-host spacing and
    /// Crawl-delay: short waits, taken in turn).
    not_before: Instant,
    /// The server asked (429/503 Retry-After) to be left alone until then:
    /// requests meanwhile fail at once with [`FetchError::HostHeld`].
    held_until: Option<Instant>,
}

/// The shared HTTP client. Cheap to share by `Arc`.
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    hosts: Mutex<HashMap<String, Host>>,
    robots: robots::Cache,
}

/// The longest wait a server can impose with Retry-After.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(6 * 3600);

impl Fetcher {
    /// A client with `config`.
    pub fn new(config: FetchConfig) -> Result<Fetcher, FetchError> {
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(Duration::from_secs(config.connect_timeout_secs.max(1)))
            .timeout(Duration::from_secs(config.timeout_secs.max(1)))
            .redirect(reqwest::redirect::Policy::limited(config.max_redirects))
            .build()
            .map_err(|e| FetchError::Network {
                url: String::new(),
                message: format!("cannot build the HTTP client: {e}"),
            })?;
        Ok(Fetcher {
            client,
            config,
            hosts: Mutex::new(HashMap::new()),
            robots: robots::Cache::default(),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// GETs `url` politely: waits for the host's turn, checks robots.txt
    /// (unless `robots` is false), sends the validators, caps the body.
    pub async fn get(
        &self,
        url: &str,
        validators: Option<&Validators>,
        robots: bool,
    ) -> Result<Fetched, FetchError> {
        self.get_url(&parse_url(url)?, validators, robots).await
    }

    /// [`Fetcher::get`] for a URL parsed once (a source's, at config load).
    pub async fn get_url(
        &self,
        parsed: &Url,
        validators: Option<&Validators>,
        robots: bool,
    ) -> Result<Fetched, FetchError> {
        let url = parsed.as_str();
        if robots && self.config.respect_robots {
            self.robots.check(self, parsed).await?;
        }
        let host = host_key(parsed);
        // A host under a Retry-After hold is not waited for: the poll ends
        // at once and is rescheduled for the hold's end, so a held host
        // never keeps a poll slot while other sources wait.
        let held = |wait| FetchError::HostHeld {
            url: url.to_string(),
            wait,
        };
        if let Some(wait) = self.held_for(&host) {
            return Err(held(wait));
        }
        let _permit = self.wait_turn(&host).await;
        // A hold set by another request while this one waited its turn.
        if let Some(wait) = self.held_for(&host) {
            return Err(held(wait));
        }
        let started = std::time::Instant::now();
        let result = self.get_now(parsed, validators).await;
        crate::metrics::global().fetch.observe(started.elapsed());
        if let Err(e) = &result
            && let Some(wait) = e.retry_after()
        {
            self.hold_host(&host, wait);
        }
        result
    }

    /// GET without politeness (robots.txt itself uses this).
    async fn get_now(
        &self,
        url: &Url,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        let shown = url.to_string();
        let mut req = self.client.get(url.clone());
        if let Some(v) = validators {
            if let Some(e) = &v.etag {
                req = req.header(IF_NONE_MATCH, e);
            }
            if let Some(m) = &v.last_modified {
                req = req.header(IF_MODIFIED_SINCE, m);
            }
        }
        let mut resp = req.send().await.map_err(|e| network_error(&shown, e))?;
        let status = resp.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                url: shown,
                status: status.as_u16(),
                retry_after: retry_after(resp.headers(), status),
            });
        }
        let limit = self.config.max_body_bytes;
        if resp.content_length().is_some_and(|n| n as usize > limit) {
            return Err(FetchError::TooLarge { url: shown, limit });
        }
        let headers = resp.headers().clone();
        let final_url = resp.url().clone();
        let mut bytes = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| network_error(&shown, e))? {
            if bytes.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge { url: shown, limit });
            }
            bytes.extend_from_slice(&chunk);
        }
        let header = |name| {
            headers
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        Ok(Fetched::Body(Body {
            url: final_url,
            content_type: header(CONTENT_TYPE),
            bytes,
            validators: Validators {
                etag: header(ETAG),
                last_modified: header(LAST_MODIFIED),
            },
        }))
    }

    /// Waits until this host may be asked again and takes one of its
    /// concurrency permits.
    async fn wait_turn(&self, host: &str) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let permits = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
            if !hosts.contains_key(host) && hosts.len() >= HOST_SWEEP_AT {
                // Forget hosts idle for a while that nobody is waiting on, so
                // a daemon following links to many sites for months keeps a
                // bounded map. New hosts are rare, so the scan is too.
                evict_idle(&mut hosts, Instant::now());
            }
            let entry = hosts.entry(host.to_string()).or_insert_with(|| Host {
                permits: Arc::new(Semaphore::new(self.config.per_host_concurrency.max(1))),
                not_before: Instant::now(),
                held_until: None,
            });
            entry.permits.clone()
        };
        let permit = permits.acquire_owned().await.ok();
        loop {
            let wait = {
                let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
                let now = Instant::now();
                match hosts.get_mut(host) {
                    Some(h) if h.not_before > now => h.not_before - now,
                    Some(h) => {
                        let delay = Duration::from_millis(self.config.per_host_delay_ms)
                            .max(self.robots.crawl_delay(host));
                        h.not_before = now + delay;
                        break;
                    }
                    None => break,
                }
            };
            tokio::time::sleep(wait).await;
        }
        permit
    }

    /// How long this host is still under a Retry-After hold, if at all.
    fn held_for(&self, host: &str) -> Option<Duration> {
        let hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        hosts
            .get(host)
            .and_then(|h| h.held_until)
            .and_then(|until| until.checked_duration_since(Instant::now()))
            .filter(|wait| !wait.is_zero())
    }

    fn hold_host(&self, host: &str, wait: Duration) {
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(h) = hosts.get_mut(host) {
            let until = Instant::now() + wait.min(MAX_RETRY_AFTER);
            h.held_until = Some(h.held_until.map_or(until, |u| u.max(until)));
        }
    }
}

/// Parses an http(s) URL.
pub fn parse_url(url: &str) -> Result<Url, FetchError> {
    let parsed = Url::parse(url.trim()).map_err(|e| FetchError::BadUrl {
        url: url.to_string(),
        message: e.to_string(),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(FetchError::BadUrl {
            url: url.to_string(),
            message: "only http:// and https:// URLs with a host are fetched".into(),
        });
    }
    Ok(parsed)
}

/// The politeness key of a URL: scheme, host and port.
fn host_key(url: &Url) -> String {
    format!(
        "{}://{}:{}",
        url.scheme(),
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

fn network_error(url: &str, e: reqwest::Error) -> FetchError {
    let url = url.to_string();
    if e.is_timeout() {
        return FetchError::Timeout { url };
    }
    if e.is_redirect() {
        return FetchError::Redirects { url };
    }
    // The URL is already in front of the message: drop reqwest's copy.
    let e = e.without_url();
    FetchError::Network {
        url,
        message: error_chain(&e),
    }
}

/// An error with its causes, down to the root: reqwest's own message is
/// terse ("error sending request"), the causes say what happened
/// ("Connection refused"). Causes that repeat an outer message are left
/// out, and rustls's words for a plain-HTTP answer to a TLS handshake are
/// said plainly.
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    let mut out = parts.join(": ");
    if out.contains("InvalidContentType") || out.contains("corrupt message") {
        out.push_str(" (TLS: the server does not speak TLS on this port; try http://)");
    }
    out
}

/// `Retry-After` of a 429 or 503 (seconds or an HTTP date); a default
/// minute when those statuses come without one.
fn retry_after(headers: &HeaderMap, status: StatusCode) -> Option<Duration> {
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE {
        return None;
    }
    let value = headers.get(RETRY_AFTER).and_then(|v| v.to_str().ok());
    let parsed = value.and_then(|v| {
        v.trim()
            .parse::<u64>()
            .ok()
            .map(Duration::from_secs)
            .or_else(|| {
                chrono::DateTime::parse_from_rfc2822(v.trim())
                    .ok()
                    .map(|t| {
                        (t.with_timezone(&Utc) - Utc::now())
                            .to_std()
                            .unwrap_or_default()
                    })
            })
    });
    Some(
        parsed
            .unwrap_or(Duration::from_secs(60))
            .min(MAX_RETRY_AFTER),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(not_before: Instant) -> Host {
        Host {
            permits: Arc::new(Semaphore::new(1)),
            not_before,
            held_until: None,
        }
    }

    #[test]
    fn idle_hosts_are_forgotten_but_held_or_busy_ones_kept() {
        let now = Instant::now();
        let mut hosts = HashMap::new();
        hosts.insert("idle".to_string(), host(now));
        // Under a Retry-After hold that has not run out.
        let mut held = host(now);
        held.held_until = Some(now + Duration::from_secs(3600));
        hosts.insert("held".to_string(), held);
        let busy = host(now);
        let in_flight = busy.permits.clone();
        hosts.insert("busy".to_string(), busy);
        evict_idle(&mut hosts, now + HOST_IDLE + Duration::from_secs(1));
        let mut left: Vec<&str> = hosts.keys().map(String::as_str).collect();
        left.sort_unstable();
        assert_eq!(left, ["busy", "held"]);
        drop(in_flight);
        evict_idle(&mut hosts, now + Duration::from_secs(3600) + HOST_IDLE * 2);
        assert!(hosts.is_empty());
    }
}
