//! The alerter's records in the store: what has been alerted per case, the
//! outbox of deliveries, and the cursor over the changes feed. Marks,
//! deliveries and the cursor are written in one transaction, so after a
//! crash an event is either queued and marked, or neither (and found again).

use std::sync::atomic::Ordering;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

use super::{Result, Store, encode, schema};
use crate::classify::Severity;

/// What has been alerted of one case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertMark {
    /// The severity the case had when the alerter first saw it.
    #[serde(default)]
    pub first_severity: Option<Severity>,
    /// The gravest severity alerted so far (none: not alerted yet).
    #[serde(default)]
    pub alerted_severity: Option<Severity>,
    /// Deadline reminders sent, as `due_soon:respond`, `overdue:info`…
    #[serde(default)]
    pub reminders: Vec<String>,
}

/// One alert for one webhook, waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// Outbox id (increasing).
    pub id: u64,
    /// The webhook's name in the config.
    pub webhook: String,
    /// What happened: `new:12`, `escalated:12:II`, `due_soon:12:respond`…
    pub event: String,
    /// The case.
    pub case_id: u64,
    /// The request body, in the webhook's format.
    pub body: String,
    /// When it was queued.
    pub created: DateTime<Utc>,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Not before this time.
    pub next_attempt: DateTime<Utc>,
    /// The last failure.
    #[serde(default)]
    pub last_error: Option<String>,
    /// Set (and flushed) just before a request is sent, cleared when its
    /// answer is known: found set at a start, the request may have reached
    /// the robot before a crash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_since: Option<DateTime<Utc>>,
    /// True once this delivery has been sent again after a crash that left
    /// it `sending`: a second such crash gives it up instead of sending a
    /// second duplicate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resent_after_crash: bool,
}

impl Delivery {
    /// A delivery queued at `now`, due at once; its id is given when it is
    /// committed ([`Store::commit_alerts`]).
    pub fn new(webhook: &str, event: &str, case_id: u64, body: String, now: DateTime<Utc>) -> Self {
        Delivery {
            id: 0,
            webhook: webhook.to_string(),
            event: event.to_string(),
            case_id,
            body,
            created: now,
            attempts: 0,
            next_attempt: now,
            last_error: None,
            sending_since: None,
            resent_after_crash: false,
        }
    }
}

/// One webhook's health and rate spacing, kept across restarts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WebhookState {
    /// The webhook's name in the config.
    pub name: String,
    /// The last message it accepted.
    #[serde(default)]
    pub last_success: Option<DateTime<Utc>>,
    /// When the last message was sent (accepted or not).
    #[serde(default)]
    pub last_sent: Option<DateTime<Utc>>,
    /// The last failure, as the robot or the network put it.
    #[serde(default)]
    pub last_error: Option<String>,
    /// The robot's error code of the last failure (`errcode`), if it gave one.
    #[serde(default)]
    pub last_errcode: Option<i64>,
    /// When the last failure happened.
    #[serde(default)]
    pub last_failure: Option<DateTime<Utc>>,
    /// Failed sends in a row.
    #[serde(default)]
    pub failures: u32,
    /// True after a permanent error (wrong key or secret, invalid webhook,
    /// message refused as too large…) or repeated failures, until a message
    /// gets through again.
    #[serde(default)]
    pub failing: bool,
}

impl Store {
    /// The last change seq the alerter has read; `None` before it first ran.
    pub fn alerts_cursor(&self) -> Result<Option<u64>> {
        Ok(self
            .meta
            .get(schema::ALERTS_CURSOR_KEY)
            .map_err(|e| self.err(e))?
            .and_then(|v| v.as_ref().try_into().ok().map(u64::from_be_bytes)))
    }

    /// The seq of the newest change (0 when there is none).
    pub fn last_change_seq(&self) -> Result<u64> {
        Ok(self
            .changes
            .last()
            .map_err(|e| self.err(e))?
            .and_then(|(k, _)| k.as_ref().try_into().ok().map(u64::from_be_bytes))
            .unwrap_or(0))
    }

    /// What has been alerted of a case.
    pub fn alert_mark(&self, case_id: u64) -> Result<Option<AlertMark>> {
        match self
            .alert_marks
            .get(case_id.to_be_bytes())
            .map_err(|e| self.err(e))?
        {
            Some(v) => Ok(Some(self.decode("alert mark", &case_id.to_string(), &v)?)),
            None => Ok(None),
        }
    }

    /// Records marks, queues deliveries (their ids are given here) and moves
    /// the cursor, in one transaction.
    pub fn commit_alerts(
        &self,
        cursor: Option<u64>,
        marks: &[(u64, AlertMark)],
        deliveries: &mut [Delivery],
    ) -> Result<()> {
        for d in deliveries.iter_mut() {
            d.id = self.db.generate_id().map_err(|e| self.err(e))?;
        }
        let mark_values: Vec<(u64, Vec<u8>)> =
            marks.iter().map(|(id, m)| (*id, encode(m))).collect();
        let delivery_values: Vec<(u64, Vec<u8>)> =
            deliveries.iter().map(|d| (d.id, encode(d))).collect();
        (&self.meta, &self.alert_marks, &self.outbox)
            .transaction(|(meta, marks_tree, outbox)| {
                for (id, v) in &mark_values {
                    marks_tree.insert(&id.to_be_bytes(), v.as_slice())?;
                }
                for (id, v) in &delivery_values {
                    outbox.insert(&id.to_be_bytes(), v.as_slice())?;
                }
                if let Some(c) = cursor {
                    meta.insert(schema::ALERTS_CURSOR_KEY, &c.to_be_bytes())?;
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e| self.tx_err(e))?;
        // Fresh ids: every delivery is a new entry.
        self.outbox_count
            .fetch_add(deliveries.len(), Ordering::Relaxed);
        Ok(())
    }

    /// Deliveries due at `now`, oldest first, at most `limit`.
    pub fn outbox_due(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Delivery>> {
        let mut out = Vec::new();
        for kv in self.outbox.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            let id = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            let d: Delivery = self.decode("delivery", &id.to_string(), &v)?;
            if d.next_attempt <= now {
                out.push(d);
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// Deliveries waiting (the outbox depth), from a counter: O(1).
    pub fn outbox_len(&self) -> usize {
        self.outbox_count.load(Ordering::Relaxed)
    }

    /// Every delivery waiting, oldest first (for operators and tests).
    pub fn outbox(&self) -> Result<Vec<Delivery>> {
        self.outbox_due(DateTime::<Utc>::MAX_UTC, usize::MAX)
    }

    /// Deliveries given up on.
    pub fn outbox_dead(&self) -> Result<Vec<Delivery>> {
        let mut out = Vec::new();
        for kv in self.outbox_dead.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            let id = k.as_ref().try_into().map(u64::from_be_bytes).unwrap_or(0);
            out.push(self.decode("delivery", &id.to_string(), &v)?);
        }
        Ok(out)
    }

    /// A delivery succeeded: it leaves the outbox.
    pub fn outbox_done(&self, id: u64) -> Result<()> {
        let old = self
            .outbox
            .remove(id.to_be_bytes())
            .map_err(|e| self.err(e))?;
        if old.is_some() {
            self.outbox_count.fetch_sub(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// A delivery failed and will be retried as `d` says.
    pub fn outbox_retry(&self, d: &Delivery) -> Result<()> {
        let old = self
            .outbox
            .insert(d.id.to_be_bytes(), encode(d))
            .map_err(|e| self.err(e))?;
        if old.is_none() {
            self.outbox_count.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Every webhook's saved state, by name.
    pub fn webhook_states(&self) -> Result<Vec<WebhookState>> {
        let mut out = Vec::new();
        for kv in self.meta.scan_prefix(schema::WEBHOOK_STATE_PREFIX) {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            let name =
                String::from_utf8_lossy(&k[schema::WEBHOOK_STATE_PREFIX.len()..]).to_string();
            out.push(self.decode("webhook state", &name, &v)?);
        }
        Ok(out)
    }

    /// Saves a webhook's state (not flushed: the caller flushes).
    pub fn put_webhook_state(&self, state: &WebhookState) -> Result<()> {
        let mut key = schema::WEBHOOK_STATE_PREFIX.to_vec();
        key.extend_from_slice(state.name.as_bytes());
        self.meta
            .insert(key, encode(state))
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// A delivery is given up on: moved to `outbox_dead`.
    pub fn outbox_give_up(&self, d: &Delivery) -> Result<()> {
        let v = encode(d);
        let removed = (&self.outbox, &self.outbox_dead)
            .transaction(|(outbox, dead)| {
                let old = outbox.remove(&d.id.to_be_bytes())?;
                dead.insert(&d.id.to_be_bytes(), v.as_slice())?;
                Ok::<bool, ConflictableTransactionError<()>>(old.is_some())
            })
            .map_err(|e| self.tx_err(e))?;
        if removed {
            self.outbox_count.fetch_sub(1, Ordering::Relaxed);
        }
        Ok(())
    }
}
