//! Alerts: new cases at or above a severity, escalations, and deadline
//! reminders (催办) pushed to webhooks (generic JSON, WeCom 企业微信 and
//! DingTalk 钉钉 group robots).
//!
//! The alerter reads the store's changes feed from a cursor kept in the
//! store, decides events against per-case marks (what was alerted), and
//! queues one delivery per event and webhook in the store's outbox, marks,
//! deliveries and cursor in one transaction. A sender delivers the outbox
//! with retries and backoff. So an event is queued once, survives restarts,
//! and is delivered at least once (twice only if the process dies between a
//! webhook's 200 and the outbox update).

pub mod deliver;
pub mod format;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::{Notify, watch};

use crate::cases::{Case, CaseStatus};
use crate::classify::{Category, Severity};
use crate::store::outbox::{AlertMark, Delivery};
use crate::store::{Store, StoreError};

/// Alert settings (`[alerts]` in the config).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlertsConfig {
    /// Least severity alerted (I–IV or 特别重大…一般): new cases at or above
    /// it, and cases rising to or within it.
    #[serde(with = "severity_text")]
    pub min_severity: Severity,
    /// Base of the case links in alerts, as analysts reach the API
    /// (default `http://` + `api.listen`).
    pub public_url: Option<String>,
    /// Remind this many minutes before a deadline (催办).
    pub due_soon_minutes: i64,
    /// Stop retrying a delivery after this many hours (it is kept in
    /// `outbox_dead`).
    pub give_up_hours: i64,
    /// Where alerts go.
    pub webhooks: Vec<WebhookConfig>,
}

impl Default for AlertsConfig {
    fn default() -> Self {
        AlertsConfig {
            min_severity: Severity::III,
            public_url: None,
            due_soon_minutes: 60,
            give_up_hours: 24,
            webhooks: Vec::new(),
        }
    }
}

/// The message format a webhook takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WebhookKind {
    /// Our own JSON document (see the README).
    Generic,
    /// A WeCom (企业微信) group robot: markdown message.
    Wecom,
    /// A DingTalk (钉钉) group robot: markdown message, optionally signed.
    Dingtalk,
}

/// What an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A case at or above the least severity appeared.
    New,
    /// A case's severity rose.
    Escalated,
    /// A deadline is near (催办).
    DueSoon,
    /// A deadline passed without a response (催办).
    Overdue,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 4] = [
        EventKind::New,
        EventKind::Escalated,
        EventKind::DueSoon,
        EventKind::Overdue,
    ];

    /// snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::New => "new",
            EventKind::Escalated => "escalated",
            EventKind::DueSoon => "due_soon",
            EventKind::Overdue => "overdue",
        }
    }
}

/// One webhook.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// Unique name (logs, metrics, the outbox).
    pub name: String,
    /// Message format.
    pub kind: WebhookKind,
    /// The robot's or receiver's URL…
    #[serde(default, skip_serializing)]
    pub url: Option<String>,
    /// …or the environment variable holding it (robot URLs carry a key).
    #[serde(default)]
    pub url_env: Option<String>,
    /// DingTalk 加签: the variable holding the robot's signing secret.
    #[serde(default)]
    pub secret_env: Option<String>,
    /// Least severity for this webhook (default: `alerts.min_severity`).
    #[serde(default, with = "opt_severity_text")]
    pub min_severity: Option<Severity>,
    /// Events it receives (default: all).
    #[serde(default)]
    pub events: Vec<EventKind>,
    /// Only cases of these categories (default: all).
    #[serde(default)]
    pub categories: Vec<Category>,
}

impl WebhookConfig {
    /// The URL, from the file or the environment.
    pub fn resolve_url(&self) -> Result<String, String> {
        match (&self.url, &self.url_env) {
            (Some(u), _) => Ok(u.trim().to_string()),
            (None, Some(var)) => std::env::var(var)
                .map(|v| v.trim().to_string())
                .map_err(|_| format!("the environment variable {var} is not set")),
            (None, None) => Err("give url or url_env".into()),
        }
    }

    /// The DingTalk signing secret, if configured and set.
    pub fn secret(&self) -> Option<String> {
        self.secret_env
            .as_ref()
            .and_then(|v| std::env::var(v).ok())
            .filter(|s| !s.trim().is_empty())
    }

    fn wants(&self, kind: EventKind, case: &Case, global_min: Severity) -> bool {
        (self.events.is_empty() || self.events.contains(&kind))
            && case.severity >= self.min_severity.unwrap_or(global_min)
            && (self.categories.is_empty()
                || self.categories.iter().any(|c| case.categories.contains(c)))
    }
}

impl AlertsConfig {
    /// Problems of the section, each naming its key.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.due_soon_minutes < 0 {
            out.push("alerts.due_soon_minutes: must be 0 or more".into());
        }
        if self.give_up_hours < 1 {
            out.push("alerts.give_up_hours: must be at least 1".into());
        }
        if let Some(u) = &self.public_url
            && !(u.starts_with("http://") || u.starts_with("https://"))
        {
            out.push(format!("alerts.public_url: '{u}' is not an http(s) URL"));
        }
        let mut names = BTreeSet::new();
        for (i, w) in self.webhooks.iter().enumerate() {
            let key = format!("alerts.webhooks[{i}] ({})", w.name);
            if w.name.trim().is_empty() {
                out.push(format!("alerts.webhooks[{i}]: name is empty"));
            }
            if !names.insert(w.name.clone()) {
                out.push(format!("{key}: the name is used twice"));
            }
            if w.url.is_some() && w.url_env.is_some() {
                out.push(format!("{key}: give url or url_env, not both"));
            }
            match w.resolve_url() {
                Err(e) => out.push(format!("{key}: {e}")),
                Ok(u) => match url::Url::parse(&u) {
                    Ok(p) if matches!(p.scheme(), "http" | "https") && p.host().is_some() => {}
                    _ => out.push(format!("{key}: url '{}' is not an http(s) URL", redact(&u))),
                },
            }
            if w.secret_env.is_some() && w.kind != WebhookKind::Dingtalk {
                out.push(format!(
                    "{key}: secret_env applies to dingtalk webhooks only"
                ));
            }
            if let Some(var) = &w.secret_env
                && w.secret().is_none()
            {
                out.push(format!("{key}: the environment variable {var} is not set"));
            }
        }
        out
    }
}

/// A URL for logs: robot URLs carry their key in the query.
pub fn redact(url: &str) -> String {
    match url.split_once('?') {
        Some((base, _)) => format!("{base}?…"),
        None => url.to_string(),
    }
}

/// An event about a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// Unique key: `new:12`, `escalated:12:II`, `overdue:12:respond`.
    pub key: String,
    /// For escalations: the severity before.
    pub from: Option<Severity>,
    /// For reminders: the deadline's kind (info, presser, respond,
    /// assignment) and time.
    pub deadline: Option<(&'static str, DateTime<Utc>)>,
}

/// Decides the severity events of a case against its mark, updating the
/// mark. Dismissed and closed cases raise none.
pub fn severity_events(case: &Case, mark: &mut AlertMark, min: Severity) -> Vec<Event> {
    if mark.first_severity.is_none() {
        mark.first_severity = Some(case.severity);
    }
    if matches!(case.status, CaseStatus::Dismissed | CaseStatus::Closed) || case.severity < min {
        return Vec::new();
    }
    let event = match mark.alerted_severity {
        None if mark.first_severity == Some(case.severity) => Some(Event {
            kind: EventKind::New,
            key: format!("new:{}", case.id),
            from: None,
            deadline: None,
        }),
        None => Some(Event {
            kind: EventKind::Escalated,
            key: format!("escalated:{}:{}", case.id, case.severity.roman()),
            from: mark.first_severity,
            deadline: None,
        }),
        Some(done) if case.severity > done => Some(Event {
            kind: EventKind::Escalated,
            key: format!("escalated:{}:{}", case.id, case.severity.roman()),
            from: Some(done),
            deadline: None,
        }),
        Some(_) => None,
    };
    if event.is_some() {
        mark.alerted_severity = Some(case.severity);
    }
    event.into_iter().collect()
}

/// Decides the deadline reminders of a case at `now`, updating the mark:
/// due soon within `soon`, overdue once past (only for deadlines missed in
/// the last day, so enabling alerts does not replay history).
pub fn deadline_events(
    case: &Case,
    mark: &mut AlertMark,
    now: DateTime<Utc>,
    soon: chrono::Duration,
) -> Vec<Event> {
    if case.status.is_settled() || matches!(case.status, CaseStatus::Dismissed) {
        return Vec::new();
    }
    let deadlines = [
        ("info", case.deadlines.info_due),
        ("presser", case.deadlines.presser_due),
        ("respond", case.deadlines.respond_due),
        ("assignment", case.assignment.as_ref().and_then(|a| a.due)),
    ];
    let mut out = Vec::new();
    for (what, due) in deadlines {
        let Some(due) = due else { continue };
        let kind = if now > due {
            if now - due > chrono::Duration::hours(24) {
                continue;
            }
            EventKind::Overdue
        } else if due - now <= soon {
            EventKind::DueSoon
        } else {
            continue;
        };
        let tag = format!("{}:{what}", kind.name());
        if mark.reminders.contains(&tag) {
            continue;
        }
        mark.reminders.push(tag.clone());
        out.push(Event {
            kind,
            key: format!("{}:{}:{what}", kind.name(), case.id),
            from: None,
            deadline: Some((what, due)),
        });
    }
    out
}

/// Reads the changes feed and the deadlines, and queues deliveries.
pub struct Alerter {
    store: Store,
    /// Replaced whole at a reload; each scan or sweep reads it once.
    config: std::sync::RwLock<Arc<AlertsConfig>>,
    public_url: String,
    /// Wakes the sender when deliveries are queued.
    queued: Arc<Notify>,
}

/// Changes read per scan.
const SCAN_BATCH: usize = 1000;

impl Alerter {
    /// An alerter over `store`; case links start with `public_url`.
    pub fn new(store: Store, config: AlertsConfig, public_url: String) -> Self {
        Alerter {
            store,
            config: std::sync::RwLock::new(Arc::new(config)),
            public_url: public_url.trim_end_matches('/').to_string(),
            queued: Arc::new(Notify::new()),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The settings in force.
    fn config(&self) -> Arc<AlertsConfig> {
        // Poisoned only by a panic while swapping an Arc: the value is whole.
        self.config
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Puts new settings (webhooks, their filters, thresholds) in force
    /// from the next scan or sweep on: a config reload.
    pub fn reconfigure(&self, config: AlertsConfig) {
        *self.config.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(config);
    }

    fn deliveries(&self, case: &Case, events: &[Event], now: DateTime<Utc>) -> Vec<Delivery> {
        let config = self.config();
        let mut out = Vec::new();
        for e in events {
            for w in &config.webhooks {
                if !w.wants(e.kind, case, config.min_severity) {
                    continue;
                }
                let body = format::body(w.kind, case, e, &self.public_url, now);
                out.push(Delivery::new(&w.name, &e.key, case.id, body, now));
            }
        }
        out
    }

    /// Reads new changes and queues severity alerts; returns deliveries
    /// queued. The first scan of a store only sets the cursor: history is
    /// not alerted.
    pub fn scan(&self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let Some(mut cursor) = self.store.alerts_cursor()? else {
            let last = self.store.last_change_seq()?;
            self.store.commit_alerts(Some(last), &[], &mut [])?;
            tracing::info!(from_change = last, "alerts start from now");
            return Ok(0);
        };
        let mut queued = 0;
        loop {
            let changes = self.store.changes_after(cursor, SCAN_BATCH)?;
            let Some(last) = changes.last().map(|c| c.seq) else {
                return Ok(queued);
            };
            let ids: BTreeSet<u64> = changes
                .iter()
                .filter(|c| c.kind == crate::store::schema::ChangeKind::Case)
                .filter_map(|c| c.id.parse().ok())
                .collect();
            let mut marks = Vec::new();
            let mut deliveries = Vec::new();
            for id in ids {
                let Some(case) = self.store.case(id)? else {
                    continue;
                };
                let mut mark = self.store.alert_mark(id)?.unwrap_or_default();
                let before = mark.clone();
                let events = severity_events(&case, &mut mark, self.config().min_severity);
                deliveries.extend(self.deliveries(&case, &events, now));
                for e in &events {
                    tracing::info!(case = id, event = %e.key, "alert queued");
                }
                if mark != before {
                    marks.push((id, mark));
                }
            }
            queued += deliveries.len();
            self.store
                .commit_alerts(Some(last), &marks, &mut deliveries)?;
            if !deliveries.is_empty() {
                self.queued.notify_one();
            }
            cursor = last;
        }
    }

    /// Queues deadline reminders due at `now`; returns deliveries queued.
    pub fn sweep(&self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let soon = chrono::Duration::minutes(self.config().due_soon_minutes);
        let candidates: Vec<u64> = self
            .store
            .case_rows(|r| {
                !r.status.is_settled()
                    && r.status != CaseStatus::Dismissed
                    && (r.next_due().is_some_and(|d| d - now <= soon) || r.is_overdue(now))
            })
            .iter()
            .map(|r| r.id)
            .collect();
        let mut marks = Vec::new();
        let mut deliveries = Vec::new();
        for id in candidates {
            let Some(case) = self.store.case(id)? else {
                continue;
            };
            let mut mark = self.store.alert_mark(id)?.unwrap_or_default();
            let events = deadline_events(&case, &mut mark, now, soon);
            if events.is_empty() {
                continue;
            }
            for e in &events {
                tracing::info!(case = id, event = %e.key, "reminder queued");
            }
            deliveries.extend(self.deliveries(&case, &events, now));
            marks.push((id, mark));
        }
        let n = deliveries.len();
        if !marks.is_empty() {
            self.store.commit_alerts(None, &marks, &mut deliveries)?;
            self.store.flush()?;
        }
        if n > 0 {
            self.queued.notify_one();
        }
        Ok(n)
    }

    /// Scans every `every` and sweeps deadlines every 30 s, while the
    /// sender delivers, until shutdown.
    pub async fn run(
        self: Arc<Self>,
        sender: deliver::Sender,
        every: Duration,
        mut shutdown: watch::Receiver<bool>,
    ) {
        let sending = tokio::spawn(sender.run(self.queued.clone(), shutdown.clone()));
        let mut last_sweep = std::time::Instant::now() - Duration::from_secs(3600);
        loop {
            let me = self.clone();
            let sweep_now = last_sweep.elapsed() >= Duration::from_secs(30);
            let done = tokio::task::spawn_blocking(move || {
                let now = Utc::now();
                let mut n = me.scan(now)?;
                if sweep_now {
                    n += me.sweep(now)?;
                }
                me.store.flush()?;
                Ok::<_, StoreError>(n)
            })
            .await;
            if sweep_now {
                last_sweep = std::time::Instant::now();
            }
            match done {
                Ok(Err(e)) => tracing::error!(error = %e, "alerts: cannot read or write the store"),
                Err(e) => tracing::error!(error = %e, "alerts: the scan failed unexpectedly"),
                Ok(Ok(_)) => {}
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = shutdown.changed() => {
                    if *shutdown.borrow() {
                        break;
                    }
                }
            }
        }
        let _ = sending.await;
    }
}

mod severity_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::classify::Severity;

    pub fn serialize<S: Serializer>(s: &Severity, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s.roman())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Severity, D::Error> {
        let s = String::deserialize(de)?;
        Severity::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown severity '{s}'; use I, II, III, IV or 特别重大, 重大, 较大, 一般"
            ))
        })
    }
}

mod opt_severity_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::classify::Severity;

    pub fn serialize<S: Serializer>(s: &Option<Severity>, ser: S) -> Result<S::Ok, S::Error> {
        match s {
            Some(s) => ser.serialize_str(s.roman()),
            None => ser.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Severity>, D::Error> {
        let s = Option::<String>::deserialize(de)?;
        s.map(|s| {
            Severity::parse(&s).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown severity '{s}'; use I, II, III, IV or 特别重大, 重大, 较大, 一般"
                ))
            })
        })
        .transpose()
    }
}
