//! Process-wide counters and histograms for `GET /api/v1/metrics`
//! (Prometheus text format 0.0.4).
//!
//! Counters live here, recorded where things happen (a poll, a fetch, a
//! classification); gauges (cases, outbox, store size) are read from their
//! owners when the metrics are scraped. Process-wide like every Prometheus
//! client registry: one daemon runs per process.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0,
];

/// A latency histogram with fixed buckets.
#[derive(Debug, Default)]
pub struct Histogram {
    counts: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    /// Sum in microseconds.
    sum_us: AtomicU64,
}

impl Histogram {
    /// Records one observation.
    pub fn observe(&self, d: Duration) {
        let secs = d.as_secs_f64();
        for (i, b) in BUCKETS.iter().enumerate() {
            if secs <= *b {
                self.counts[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_us.fetch_add(
            d.as_micros().min(u64::MAX as u128) as u64,
            Ordering::Relaxed,
        );
    }

    fn render(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        for (i, b) in BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "{name}_bucket{{le=\"{b}\"}} {}",
                self.counts[i].load(Ordering::Relaxed)
            );
        }
        let count = self.count.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
        let sum = self.sum_us.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum {sum}\n{name}_count {count}");
    }
}

/// Poll outcomes of one source.
#[derive(Debug, Default, Clone, Copy)]
struct SourceCounts {
    ok: u64,
    not_modified: u64,
    deferred: u64,
    failed: u64,
    items_new: u64,
    items_updated: u64,
}

/// Every counter of the process.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Items classified and stored (new or updated).
    pub items_ingested: AtomicU64,
    /// Time to classify one item.
    pub classify: Histogram,
    /// Time of one HTTP fetch, to the end of its body.
    pub fetch: Histogram,
    /// Alerts delivered.
    pub alerts_sent: AtomicU64,
    /// Alert delivery attempts that failed.
    pub alert_failures: AtomicU64,
    sources: Mutex<BTreeMap<String, SourceCounts>>,
    webhooks: Mutex<BTreeMap<String, WebhookCounts>>,
}

/// Delivery outcomes of one webhook.
#[derive(Debug, Default, Clone, Copy)]
struct WebhookCounts {
    sent: u64,
    retried: u64,
    refused: u64,
}

/// How one delivery attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertOutcome {
    /// Delivered.
    Sent,
    /// Failed; to be retried.
    Retried,
    /// Refused for good (a permanent error) or given up.
    Refused,
}

/// The process's metrics.
pub fn global() -> &'static Metrics {
    static METRICS: std::sync::OnceLock<Metrics> = std::sync::OnceLock::new();
    METRICS.get_or_init(Metrics::default)
}

/// Escapes a label value (`\`, `"` and line breaks).
pub fn label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

impl Metrics {
    /// Records a delivery attempt to `webhook`, also in the totals.
    pub fn alert(&self, webhook: &str, outcome: AlertOutcome) {
        match outcome {
            AlertOutcome::Sent => self.alerts_sent.fetch_add(1, Ordering::Relaxed),
            _ => self.alert_failures.fetch_add(1, Ordering::Relaxed),
        };
        let mut map = self.webhooks.lock().unwrap_or_else(|p| p.into_inner());
        let c = map.entry(webhook.to_string()).or_default();
        match outcome {
            AlertOutcome::Sent => c.sent += 1,
            AlertOutcome::Retried => c.retried += 1,
            AlertOutcome::Refused => c.refused += 1,
        }
    }

    /// Records a poll's outcome (`ok`, `not_modified`, `deferred` or
    /// `failed`).
    pub fn poll(&self, source: &str, status: &str, new: u32, updated: u32) {
        let mut map = self.sources.lock().unwrap_or_else(|p| p.into_inner());
        let c = map.entry(source.to_string()).or_default();
        match status {
            "failed" => c.failed += 1,
            "not_modified" => c.not_modified += 1,
            "deferred" => c.deferred += 1,
            _ => c.ok += 1,
        }
        c.items_new += u64::from(new);
        c.items_updated += u64::from(updated);
    }

    /// The counters and histograms in Prometheus text format.
    pub fn render(&self, out: &mut String) {
        let counter = |out: &mut String, name: &str, help: &str, v: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {v}"
            );
        };
        counter(
            out,
            "yuqing_items_ingested_total",
            "Items classified and stored (new or seen again).",
            self.items_ingested.load(Ordering::Relaxed),
        );
        counter(
            out,
            "yuqing_alerts_sent_total",
            "Alerts delivered to webhooks.",
            self.alerts_sent.load(Ordering::Relaxed),
        );
        counter(
            out,
            "yuqing_alert_failures_total",
            "Alert delivery attempts that failed (retried).",
            self.alert_failures.load(Ordering::Relaxed),
        );
        let map = self
            .sources
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let _ = writeln!(
            out,
            "# HELP yuqing_polls_total Polls per source and outcome.\n# TYPE yuqing_polls_total counter"
        );
        for (s, c) in &map {
            let s = label(s);
            for (status, v) in [
                ("ok", c.ok),
                ("not_modified", c.not_modified),
                ("deferred", c.deferred),
                ("failed", c.failed),
            ] {
                let _ = writeln!(
                    out,
                    "yuqing_polls_total{{source=\"{s}\",status=\"{status}\"}} {v}"
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP yuqing_poll_items_total Items found by polls, per source, new or seen again.\n# TYPE yuqing_poll_items_total counter"
        );
        for (s, c) in &map {
            let s = label(s);
            let _ = writeln!(
                out,
                "yuqing_poll_items_total{{source=\"{s}\",kind=\"new\"}} {}\nyuqing_poll_items_total{{source=\"{s}\",kind=\"updated\"}} {}",
                c.items_new, c.items_updated
            );
        }
        let hooks = self
            .webhooks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let _ = writeln!(
            out,
            "# HELP yuqing_alert_deliveries_total Alert delivery attempts per webhook: sent, retried (a transient failure) or refused (a permanent error, or given up).\n# TYPE yuqing_alert_deliveries_total counter"
        );
        for (w, c) in &hooks {
            let w = label(w);
            for (outcome, v) in [
                ("sent", c.sent),
                ("retried", c.retried),
                ("refused", c.refused),
            ] {
                let _ = writeln!(
                    out,
                    "yuqing_alert_deliveries_total{{webhook=\"{w}\",outcome=\"{outcome}\"}} {v}"
                );
            }
        }
        self.classify
            .render(out, "yuqing_classify_seconds", "Time to classify one item.");
        self.fetch.render(
            out,
            "yuqing_fetch_seconds",
            "Time of one HTTP fetch, body included.",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let h = Histogram::default();
        h.observe(Duration::from_micros(50));
        h.observe(Duration::from_millis(3));
        let mut out = String::new();
        h.render(&mut out, "x", "help");
        assert!(out.contains("x_bucket{le=\"0.0001\"} 1\n"), "{out}");
        assert!(out.contains("x_bucket{le=\"0.005\"} 2\n"), "{out}");
        assert!(out.contains("x_bucket{le=\"+Inf\"} 2\n"), "{out}");
        assert!(out.contains("x_count 2\n"), "{out}");
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
