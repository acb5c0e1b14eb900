//! Delivers the outbox to the webhooks: at most one message every few
//! seconds per robot (WeCom and DingTalk take 20 a minute), retries with
//! exponential backoff, and gives up after `give_up_hours`, keeping the
//! delivery in `outbox_dead`.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use base64::Engine;
use chrono::Utc;
use serde_json::Value;
use tokio::sync::{Notify, watch};

use super::{AlertsConfig, WebhookConfig, WebhookKind, redact};
use crate::store::Store;
use crate::store::alerts::Delivery;

/// Spacing between two messages to one robot.
const ROBOT_SPACING: Duration = Duration::from_secs(3);
/// Longest wait between two attempts.
const MAX_BACKOFF_SECS: i64 = 3600;
/// Deliveries handled per pass.
const PASS: usize = 50;

/// Sends queued alerts.
pub struct Sender {
    store: Store,
    config: AlertsConfig,
    client: reqwest::Client,
    /// Each webhook's URL (signing secret included, for DingTalk), read
    /// from the config or the environment once, when the sender is built:
    /// a changed variable takes effect at the next start, like the rest of
    /// `[alerts]`.
    targets: HashMap<String, Result<Target, String>>,
}

/// Where one webhook's messages go.
struct Target {
    url: String,
    /// DingTalk 加签 secret.
    secret: Option<String>,
}

impl Sender {
    /// A sender for the webhooks of `config`.
    pub fn new(store: Store, config: AlertsConfig) -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::limited(3))
            .user_agent(concat!("yuqing/", env!("CARGO_PKG_VERSION"), " alerts"))
            .build()?;
        let targets = config
            .webhooks
            .iter()
            .map(|hook| {
                let target = hook.resolve_url().map(|url| Target {
                    url,
                    secret: (hook.kind == WebhookKind::Dingtalk)
                        .then(|| hook.secret())
                        .flatten(),
                });
                (hook.name.clone(), target)
            })
            .collect();
        Ok(Sender {
            store,
            config,
            client,
            targets,
        })
    }

    /// Sends one delivery; `Err` says why it failed.
    pub async fn send(&self, hook: &WebhookConfig, d: &Delivery) -> Result<(), String> {
        let target = match self.targets.get(&hook.name) {
            Some(t) => t.as_ref().map_err(Clone::clone)?,
            None => return Err(format!("webhook '{}' is not configured", hook.name)),
        };
        let url = match &target.secret {
            Some(secret) => sign_dingtalk(&target.url, secret, Utc::now().timestamp_millis()),
            None => target.url.clone(),
        };
        let resp = self
            .client
            .post(&url)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/json; charset=utf-8",
            )
            .body(d.body.clone())
            .send()
            .await
            .map_err(|e| format!("{}: {}", redact(&url), without_url(&e)))?;
        let status = resp.status();
        let text = resp.text().await.unwrap_or_default();
        if !status.is_success() {
            return Err(format!(
                "{}: HTTP {status}: {}",
                redact(&url),
                text.chars().take(200).collect::<String>()
            ));
        }
        // Robots answer 200 with an error code for bad keys, bad signatures,
        // rate limits and keyword mismatches.
        if hook.kind != WebhookKind::Generic {
            let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let code = v["errcode"].as_i64().unwrap_or(-1);
            if code != 0 {
                return Err(format!(
                    "{}: the robot refused the message: errcode {code}: {}",
                    redact(&url),
                    v["errmsg"].as_str().unwrap_or(&text)
                ));
            }
        }
        Ok(())
    }

    /// One pass over the due deliveries; returns how many were sent.
    pub async fn pass(&self, last_sent: &mut HashMap<String, Instant>) -> usize {
        self.pass_at(Utc::now(), last_sent).await
    }

    /// [`Sender::pass`] as if it were `now` (backoff and give-up times
    /// count from it).
    pub async fn pass_at(
        &self,
        now: chrono::DateTime<Utc>,
        last_sent: &mut HashMap<String, Instant>,
    ) -> usize {
        let store = self.store.clone();
        let due = tokio::task::spawn_blocking(move || store.outbox_due(now, PASS)).await;
        let due = match due {
            Ok(Ok(d)) => d,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "alerts: cannot read the outbox");
                return 0;
            }
            Err(_) => return 0,
        };
        let mut sent = 0;
        for mut d in due {
            let Some(hook) = self.config.webhooks.iter().find(|w| w.name == d.webhook) else {
                d.last_error = Some(format!("webhook '{}' is no longer configured", d.webhook));
                tracing::warn!(webhook = %d.webhook, event = %d.event, "alert dropped: webhook no longer configured");
                self.finish(Err(d)).await;
                continue;
            };
            if hook.kind != WebhookKind::Generic
                && let Some(t) = last_sent.get(&hook.name)
                && t.elapsed() < ROBOT_SPACING
            {
                tokio::time::sleep(ROBOT_SPACING - t.elapsed()).await;
            }
            let result = self.send(hook, &d).await;
            last_sent.insert(hook.name.clone(), Instant::now());
            let metrics = crate::metrics::global();
            match result {
                Ok(()) => {
                    metrics.alerts_sent.fetch_add(1, Ordering::Relaxed);
                    tracing::info!(webhook = %hook.name, event = %d.event, case = d.case_id, "alert delivered");
                    sent += 1;
                    self.finish(Ok(d)).await;
                }
                Err(e) => {
                    metrics.alert_failures.fetch_add(1, Ordering::Relaxed);
                    d.attempts += 1;
                    let wait = (10i64 << d.attempts.min(12)).min(MAX_BACKOFF_SECS);
                    d.next_attempt = now + chrono::Duration::seconds(wait);
                    tracing::warn!(webhook = %hook.name, event = %d.event, attempts = d.attempts, retry_in_s = wait, error = %e, "alert not delivered");
                    d.last_error = Some(e);
                    let expired =
                        now - d.created > chrono::Duration::hours(self.config.give_up_hours);
                    if expired {
                        tracing::error!(webhook = %hook.name, event = %d.event, "alert given up after {} h; kept in outbox_dead", self.config.give_up_hours);
                        self.finish(Err(d)).await;
                    } else {
                        self.retry(d).await;
                    }
                }
            }
        }
        sent
    }

    /// Records a delivery's end: sent (removed) or given up (moved).
    async fn finish(&self, outcome: Result<Delivery, Delivery>) {
        let store = self.store.clone();
        let r = tokio::task::spawn_blocking(move || {
            match &outcome {
                Ok(d) => store.outbox_done(d.id)?,
                Err(d) => store.outbox_give_up(d)?,
            }
            store.flush()
        })
        .await;
        if !matches!(r, Ok(Ok(()))) {
            tracing::error!("alerts: cannot update the outbox");
        }
    }

    async fn retry(&self, d: Delivery) {
        let store = self.store.clone();
        let r = tokio::task::spawn_blocking(move || store.outbox_retry(&d)).await;
        if !matches!(r, Ok(Ok(()))) {
            tracing::error!("alerts: cannot update the outbox");
        }
    }

    /// Delivers until shutdown, woken by `queued` or every 2 s.
    pub async fn run(self, queued: Arc<Notify>, mut shutdown: watch::Receiver<bool>) {
        let mut last_sent = HashMap::new();
        loop {
            self.pass(&mut last_sent).await;
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(2)) => {}
                _ = queued.notified() => {}
                _ = shutdown.changed() => {
                    if *shutdown.borrow() {
                        return;
                    }
                }
            }
        }
    }
}

/// reqwest's errors include the URL, which carries the robot's key.
fn without_url(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    if let Some(u) = e.url() {
        s = s.replace(u.as_str(), &redact(u.as_str()));
    }
    s
}

/// DingTalk 加签: `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret,
/// "timestamp\nsecret")), URL-encoded, appended to the robot's URL.
pub fn sign_dingtalk(url: &str, secret: &str, timestamp_ms: i64) -> String {
    use aws_lc_rs::hmac;
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    let tag = hmac::sign(&key, format!("{timestamp_ms}\n{secret}").as_bytes());
    let sign = base64::engine::general_purpose::STANDARD.encode(tag.as_ref());
    let sign: String = url::form_urlencoded::byte_serialize(sign.as_bytes()).collect();
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}timestamp={timestamp_ms}&sign={sign}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dingtalk_signature_matches_the_documented_algorithm() {
        // Computed independently with Python's hmac/hashlib/base64:
        // base64(hmac_sha256(b"SECtest", b"1700000000000\nSECtest"))
        let url = sign_dingtalk(
            "https://oapi.dingtalk.com/robot/send?access_token=abc",
            "SECtest",
            1_700_000_000_000,
        );
        assert!(url.starts_with(
            "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign="
        ));
        let sign = url.rsplit("sign=").next().unwrap_or_default();
        assert_eq!(sign, EXPECTED);
    }

    const EXPECTED: &str = "aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D";
}
