//! Delivers the outbox to the webhooks: at most one message every few
//! seconds per robot (WeCom and DingTalk take 20 a minute), retries with
//! exponential backoff, and gives up after `give_up_hours`, keeping the
//! delivery in `outbox_dead`.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use base64::Engine;
use chrono::Utc;
use serde_json::Value;
use tokio::sync::{Notify, watch};

use super::{AlertsConfig, WebhookConfig, WebhookKind, redact};
use crate::metrics::AlertOutcome;
use crate::store::Store;
use crate::store::outbox::{Delivery, WebhookState};

/// Spacing between two messages to one robot.
const ROBOT_SPACING: Duration = Duration::from_secs(3);
/// Longest wait between two attempts.
const MAX_BACKOFF_SECS: i64 = 3600;
/// Deliveries handled per pass.
const PASS: usize = 50;

/// Sends queued alerts. Clones share their settings, so a reload reaches
/// the outbox task and the API's sender at once.
#[derive(Clone)]
pub struct Sender {
    store: Store,
    client: reqwest::Client,
    resolved: Arc<RwLock<Arc<Resolved>>>,
}

/// The settings in force, with each webhook's URL (signing secret included,
/// for DingTalk) read from the config or the environment once, when the
/// sender is built or reconfigured: a changed variable takes effect at the
/// next reload.
struct Resolved {
    config: AlertsConfig,
    targets: HashMap<String, Result<Target, String>>,
}

impl Resolved {
    fn of(config: AlertsConfig) -> Self {
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
        Resolved { config, targets }
    }
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
        Ok(Sender {
            store,
            client,
            resolved: Arc::new(RwLock::new(Arc::new(Resolved::of(config)))),
        })
    }

    /// Puts new settings in force (a config reload): webhooks added,
    /// removed or changed, URLs and secrets read again from the config and
    /// the environment. Deliveries queued for a webhook that is gone are
    /// dropped with a warning at the next pass.
    pub fn reconfigure(&self, config: AlertsConfig) {
        let resolved = Arc::new(Resolved::of(config));
        *self.resolved.write().unwrap_or_else(|p| p.into_inner()) = resolved;
    }

    fn resolved(&self) -> Arc<Resolved> {
        // Poisoned only by a panic while swapping an Arc: the value is whole.
        self.resolved
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Sends one delivery; `Err` says why it failed and whether trying
    /// again can help.
    pub async fn send(&self, hook: &WebhookConfig, d: &Delivery) -> Result<(), SendError> {
        let resolved = self.resolved();
        let target = match resolved.targets.get(&hook.name) {
            Some(Ok(t)) => t,
            Some(Err(e)) => return Err(SendError::permanent(None, e.clone())),
            None => {
                return Err(SendError::permanent(
                    None,
                    format!("webhook '{}' is not configured", hook.name),
                ));
            }
        };
        let url = match &target.secret {
            Some(secret) => sign_dingtalk(&target.url, secret, Utc::now().timestamp_millis()),
            None => target.url.clone(),
        };
        let shown = redact(&url);
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
            .map_err(|e| {
                SendError::transient(None, format!("{shown}: {}", root_cause(&e.without_url())))
            })?;
        let status = resp.status();
        let text = resp.text().await.unwrap_or_default();
        if !status.is_success() {
            let message = format!(
                "{shown}: HTTP {status}: {}",
                text.chars().take(200).collect::<String>()
            );
            // A 4xx other than a timeout or a rate limit will not pass on a
            // second try: the URL or the request is wrong.
            let permanent = status.is_client_error()
                && status != reqwest::StatusCode::REQUEST_TIMEOUT
                && status != reqwest::StatusCode::TOO_MANY_REQUESTS;
            return Err(SendError {
                permanent,
                code: None,
                message,
            });
        }
        // Robots answer 200 with an error code for bad keys, bad signatures,
        // rate limits and keyword mismatches.
        if hook.kind != WebhookKind::Generic {
            let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let code = v["errcode"].as_i64().unwrap_or(-1);
            if code != 0 {
                let message = format!(
                    "{shown}: the robot refused the message: errcode {code}: {}",
                    v["errmsg"].as_str().unwrap_or(&text)
                );
                return Err(SendError {
                    permanent: permanent_errcode(hook.kind, code),
                    code: Some(code),
                    message,
                });
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
        let resolved = self.resolved();
        let mut sent = 0;
        for mut d in due {
            let Some(hook) = resolved
                .config
                .webhooks
                .iter()
                .find(|w| w.name == d.webhook)
            else {
                d.last_error = Some(format!("webhook '{}' is no longer configured", d.webhook));
                tracing::warn!(webhook = %d.webhook, event = %d.event, "alert dropped: webhook no longer configured");
                self.finish(Err(d)).await;
                continue;
            };
            if d.sending_since.is_some() {
                // A crash came between sending and recording the answer:
                // the robot may have it. One more send is the most a crash
                // may cost; a second crash gives the alert up.
                if d.resent_after_crash {
                    d.last_error = Some(
                        "not sent again: a crash interrupted it twice while sending, and it may have been delivered"
                            .into(),
                    );
                    tracing::error!(webhook = %hook.name, event = %d.event, "alert given up: interrupted twice while sending");
                    self.finish(Err(d)).await;
                    continue;
                }
                d.resent_after_crash = true;
                tracing::warn!(webhook = %hook.name, event = %d.event, "alert interrupted while sending before a restart; sending once more (it may arrive twice)");
            }
            if hook.kind != WebhookKind::Generic
                && let Some(t) = last_sent.get(&hook.name)
                && t.elapsed() < ROBOT_SPACING
            {
                tokio::time::sleep(ROBOT_SPACING - t.elapsed()).await;
            }
            // Recorded durably before the request, so a crash before the
            // answer is recorded is known at the next start.
            d.sending_since = Some(Utc::now());
            if !self.save(&d).await {
                continue;
            }
            let result = self.send(hook, &d).await;
            d.sending_since = None;
            last_sent.insert(hook.name.clone(), Instant::now());
            let metrics = crate::metrics::global();
            match result {
                Ok(()) => {
                    metrics.alert(&hook.name, AlertOutcome::Sent);
                    // The delivery's fate is written before the webhook's
                    // state, so that a reader never sees a webhook's new
                    // state beside the alert it was about still queued.
                    self.finish(Ok(d.clone())).await;
                    self.note(hook, None).await;
                    tracing::info!(webhook = %hook.name, event = %d.event, case = d.case_id, "alert delivered");
                    sent += 1;
                }
                Err(e) => {
                    let gives_up = e.permanent
                        || now - d.created > chrono::Duration::hours(resolved.config.give_up_hours);
                    metrics.alert(
                        &hook.name,
                        if gives_up {
                            AlertOutcome::Refused
                        } else {
                            AlertOutcome::Retried
                        },
                    );
                    d.attempts += 1;
                    d.last_error = Some(e.message.clone());
                    let expired =
                        now - d.created > chrono::Duration::hours(resolved.config.give_up_hours);
                    if e.permanent {
                        tracing::error!(webhook = %hook.name, event = %d.event, error = %e.message, "alert given up: the webhook refused it for good (fix the webhook's config); kept in outbox_dead");
                        self.finish(Err(d)).await;
                    } else if expired {
                        tracing::error!(webhook = %hook.name, event = %d.event, error = %e.message, "alert given up after {} h of failures; kept in outbox_dead", resolved.config.give_up_hours);
                        self.finish(Err(d)).await;
                    } else {
                        let wait = retry_wait(d.attempts);
                        d.next_attempt = now + chrono::Duration::seconds(wait);
                        tracing::warn!(webhook = %hook.name, event = %d.event, attempts = d.attempts, retry_in_s = wait, error = %e.message, "alert not delivered");
                        self.retry(d).await;
                    }
                    self.note(hook, Some(&e)).await;
                }
            }
        }
        sent
    }

    /// Saves a delivery as it is now and flushes; false (logged) if the
    /// store refused, in which case it is not sent.
    async fn save(&self, d: &Delivery) -> bool {
        let store = self.store.clone();
        let d = d.clone();
        let r = tokio::task::spawn_blocking(move || {
            store.outbox_retry(&d)?;
            store.flush().map(|_| ())
        })
        .await;
        let ok = matches!(r, Ok(Ok(())));
        if !ok {
            tracing::error!("alerts: cannot update the outbox; not sending");
        }
        ok
    }

    /// Records a send's outcome in the webhook's saved state.
    async fn note(&self, hook: &WebhookConfig, error: Option<&SendError>) {
        let store = self.store.clone();
        let name = hook.name.clone();
        let error = error.cloned();
        let r = tokio::task::spawn_blocking(move || {
            let mut state = store
                .webhook_states()?
                .into_iter()
                .find(|s| s.name == name)
                .unwrap_or_else(|| WebhookState {
                    name: name.clone(),
                    ..Default::default()
                });
            let now = Utc::now();
            state.last_sent = Some(now);
            match error {
                None => {
                    state.last_success = Some(now);
                    state.failures = 0;
                    state.failing = false;
                }
                Some(e) => {
                    state.failures += 1;
                    state.last_error = Some(e.message);
                    state.last_errcode = e.code;
                    state.last_failure = Some(now);
                    state.failing = e.permanent || state.failures >= FAILING_AFTER;
                }
            }
            store.put_webhook_state(&state)
        })
        .await;
        if !matches!(r, Ok(Ok(()))) {
            tracing::error!(webhook = %hook.name, "alerts: cannot save the webhook's state");
        }
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
        let mut last_sent = self.saved_spacing().await;
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

/// One webhook as operators see it: its settings, its saved state and its
/// queue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WebhookView {
    /// The webhook's name in the config.
    pub name: String,
    /// Its message format.
    pub kind: WebhookKind,
    /// Its health: last success, last error and code, failures in a row,
    /// failing.
    pub state: WebhookState,
    /// Alerts waiting for it.
    pub queued: usize,
    /// Alerts given up on for it (in `outbox_dead`).
    pub dead: usize,
}

impl Sender {
    /// Every configured webhook with its state and queue (reads the store:
    /// call on the blocking pool).
    pub fn webhooks(&self) -> Result<Vec<WebhookView>, crate::store::StoreError> {
        let states = self.store.webhook_states()?;
        let waiting = self.store.outbox()?;
        let dead = self.store.outbox_dead()?;
        Ok(self
            .resolved()
            .config
            .webhooks
            .iter()
            .map(|w| WebhookView {
                name: w.name.clone(),
                kind: w.kind,
                state: states
                    .iter()
                    .find(|s| s.name == w.name)
                    .cloned()
                    .unwrap_or_else(|| WebhookState {
                        name: w.name.clone(),
                        ..Default::default()
                    }),
                queued: waiting.iter().filter(|d| d.webhook == w.name).count(),
                dead: dead.iter().filter(|d| d.webhook == w.name).count(),
            })
            .collect())
    }

    /// Sends a test message to the webhook named `name` now, outside the
    /// outbox, and records the outcome in its state: how an operator checks
    /// a key, a secret or a robot's keyword after changing them. `None`
    /// when no webhook has that name.
    pub async fn send_test(&self, name: &str) -> Option<Result<(), SendError>> {
        let resolved = self.resolved();
        let hook = resolved.config.webhooks.iter().find(|w| w.name == name)?;
        let text = format!(
            "【舆情监测·测试消息】这是 yuqing 发往“{}”的测试消息，收到即说明预警通道畅通。",
            hook.name
        );
        let body = match hook.kind {
            WebhookKind::Generic => {
                serde_json::json!({"event": "test", "at": Utc::now(), "text": text}).to_string()
            }
            WebhookKind::Wecom => {
                serde_json::json!({"msgtype": "markdown", "markdown": {"content": text}})
                    .to_string()
            }
            WebhookKind::Dingtalk => serde_json::json!({
                "msgtype": "markdown",
                "markdown": {"title": "舆情监测测试消息", "text": text},
            })
            .to_string(),
        };
        let d = Delivery::new(&hook.name, "test", 0, body, Utc::now());
        let result = self.send(hook, &d).await;
        self.note(hook, result.as_ref().err()).await;
        Some(result)
    }

    /// When each robot was last sent to, from the saved states, as instants
    /// of this process: the spacing holds across a restart.
    pub async fn saved_spacing(&self) -> HashMap<String, Instant> {
        let store = self.store.clone();
        let states = tokio::task::spawn_blocking(move || store.webhook_states())
            .await
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        let now = Utc::now();
        states
            .into_iter()
            .filter_map(|s| {
                let ago = (now - s.last_sent?).to_std().ok()?;
                let at = Instant::now().checked_sub(ago)?;
                Some((s.name, at))
            })
            .collect()
    }
}

/// Why a send failed, and whether trying again can help.
#[derive(Debug, Clone)]
pub struct SendError {
    /// True when another try cannot succeed without an operator's fix.
    pub permanent: bool,
    /// The robot's `errcode`, when it gave one.
    pub code: Option<i64>,
    /// What happened, naming the webhook's URL (its key redacted).
    pub message: String,
}

impl SendError {
    fn permanent(code: Option<i64>, message: String) -> Self {
        SendError {
            permanent: true,
            code,
            message,
        }
    }

    fn transient(code: Option<i64>, message: String) -> Self {
        SendError {
            permanent: false,
            code,
            message,
        }
    }
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Failures in a row after which a webhook counts as failing even when
/// each failure alone could pass.
const FAILING_AFTER: u32 = 3;

/// Seconds before retry `attempts` (1, 2, …): 10 s, 20 s, 40 s… up to an hour.
fn retry_wait(attempts: u32) -> i64 {
    (10i64 << attempts.saturating_sub(1).min(12)).min(MAX_BACKOFF_SECS)
}

/// Robot error codes that no retry can cure: a wrong key, signature or
/// keyword, an invalid webhook, a message refused as too large or
/// malformed. Rate limits (WeCom 45009, DingTalk 130101) and system busy
/// (-1) are worth retrying.
fn permanent_errcode(kind: WebhookKind, code: i64) -> bool {
    match kind {
        WebhookKind::Wecom => matches!(
            code,
            93000 // invalid webhook URL
                | 93004 // the robot was removed
                | 93008 // the robot is not in the group
                | 40008 // invalid message type
                | 40058 // invalid parameter
                | 44004 // empty text
                | 45002 // content too long
        ),
        WebhookKind::Dingtalk => matches!(
            code,
            300001 // token is empty or invalid
                | 310000 // keyword, signature or IP check failed
                | 400101 // access_token missing
                | 400102 // the robot is disabled
                | 400105 // unsupported message type
                | 460101 // message too large
                | 460102 // invalid message
        ),
        WebhookKind::Generic => false,
    }
}

/// An error with its causes ([`crate::fetch::error_chain`]), with URLs,
/// which carry the robot's key, redacted.
pub fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = crate::fetch::error_chain(e);
    for word in out.clone().split_whitespace() {
        let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | ','));
        if w.starts_with("http://") || w.starts_with("https://") {
            out = out.replace(w, &redact(w));
        }
    }
    out
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
