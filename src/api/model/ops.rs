//! What the operators' routes show: readiness, rules, sources, polls,
//! reclassification.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;

use super::*;
use crate::daemon::refresh::{Found, PollReport};
use crate::daemon::reload::{ListStatus, ReloadError, ReloadOutcome};
use crate::daemon::{RulesStatus, SourceView};
use crate::fetch::Validators;
use crate::pipeline::Reclassified;
use crate::store::SourceState;

/// Readiness.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// ok (200) or unavailable (503).
    pub status: Readiness,
    /// The daemon's version.
    pub version: &'static str,
    /// Seconds since the API started.
    pub uptime_seconds: u64,
    /// Items in the store.
    pub items: usize,
    /// Cases in the store.
    pub cases: usize,
    /// Each part's state.
    pub checks: HealthChecks,
    /// What is not ready, for people.
    pub problems: Vec<String>,
}

/// Ready or not.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Readiness {
    /// Ready.
    Ok,
    /// Ready, but a part needs an operator (a failing webhook): 200.
    Degraded,
    /// Not ready: see `problems`.
    Unavailable,
}

/// The parts readiness looks at.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthChecks {
    /// Whether the store answers.
    pub store: StoreCheck,
    /// Whether keyword lists are loaded.
    pub rules: RulesCheck,
    /// Whether the scheduler's loop runs (with `yuqing run`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduler: Option<SchedulerCheck>,
    /// The keyword lists' version in force (with `yuqing run`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_version: Option<u64>,
    /// `ok`, or the webhooks failing (with alerts configured): the daemon
    /// is degraded, not down, while one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alerts: Option<String>,
    /// Set while the files on disk are invalid; the previous rules and
    /// sources stay in force (still ready).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reload: Option<String>,
}

/// The store's state.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StoreCheck {
    /// It answers.
    Ok,
    /// It does not.
    Failing,
}

/// The rules' state.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RulesCheck {
    /// Lists are loaded.
    Ok,
    /// None are.
    None,
}

/// The scheduler's state.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchedulerCheck {
    /// Its loop ran recently.
    Ok,
    /// It has not run for longer than it should.
    Stalled,
}

/// One loaded keyword list.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = KeywordList)]
pub struct ListStatusView {
    /// The file (relative to the config directory).
    pub file: String,
    /// What it feeds: a category, a flag, severity, regions, abroad.
    pub kind: String,
    /// Rules in it.
    pub rules: usize,
    /// File-wide exclusions.
    pub excludes: usize,
    /// A digest of the rules as loaded.
    pub digest: String,
}

impl From<ListStatus> for ListStatusView {
    fn from(l: ListStatus) -> Self {
        let ListStatus {
            file,
            kind,
            rules,
            excludes,
            digest,
        } = l;
        ListStatusView {
            file,
            kind,
            rules,
            excludes,
            digest,
        }
    }
}

/// A refused reload: what was wrong, and since when.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ReloadError)]
pub struct ReloadErrorView {
    /// When.
    pub at: DateTime<Utc>,
    /// What triggered it (file change, SIGHUP, API).
    pub trigger: String,
    /// Every problem, each with its file:line or config key.
    pub problems: Vec<String>,
}

impl From<ReloadError> for ReloadErrorView {
    fn from(e: ReloadError) -> Self {
        let ReloadError {
            at,
            trigger,
            problems,
        } = e;
        ReloadErrorView {
            at,
            trigger,
            problems,
        }
    }
}

/// The keyword lists in force and the errors of a refused reload.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RulesStatus)]
pub struct RulesStatusView {
    /// 1 at start, +1 per applied reload.
    pub version: u64,
    /// When the lists in force were loaded.
    pub loaded_at: DateTime<Utc>,
    /// The keyword directory (relative to the config directory).
    pub dir: String,
    /// The lists in force.
    pub lists: Vec<ListStatusView>,
    /// Warnings of the lists in force.
    pub warnings: Vec<String>,
    /// Set while the keyword files on disk are invalid.
    pub error: Option<ReloadErrorView>,
    /// Set while the config file on disk is invalid.
    pub config_error: Option<ReloadErrorView>,
    /// Reloads applied since start.
    pub reloads: u64,
    /// Reloads refused since start.
    pub failed_reloads: u64,
}

impl From<RulesStatus> for RulesStatusView {
    fn from(s: RulesStatus) -> Self {
        let RulesStatus {
            version,
            loaded_at,
            dir,
            lists,
            warnings,
            error,
            config_error,
            reloads,
            failed_reloads,
        } = s;
        RulesStatusView {
            version,
            loaded_at,
            dir,
            lists: lists.into_iter().map(Into::into).collect(),
            warnings,
            error: error.map(Into::into),
            config_error: config_error.map(Into::into),
            reloads,
            failed_reloads,
        }
    }
}

/// What a reload did; with 422, `error` says that something was kept.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ReloadOutcome)]
pub struct ReloadOutcomeView {
    /// The keyword lists were (re)applied.
    pub rules_applied: bool,
    /// The config's sources and routing were (re)applied.
    pub config_applied: bool,
    /// Problems that kept something from being applied.
    pub problems: Vec<String>,
    /// The rules version in force after it.
    pub version: u64,
    /// With 422: how many problems, and that the previous files stay in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl From<ReloadOutcome> for ReloadOutcomeView {
    fn from(o: ReloadOutcome) -> Self {
        let ReloadOutcome {
            rules_applied,
            config_applied,
            problems,
            version,
        } = o;
        let error = (!problems.is_empty()).then(|| {
            format!(
                "{} problem(s); the previous rules or sources stay in force",
                problems.len()
            )
        });
        ReloadOutcomeView {
            rules_applied,
            config_applied,
            problems,
            version,
            error,
        }
    }
}

/// Cache validators of a source's last response.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Validators)]
pub struct ValidatorsView {
    /// `ETag`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// `Last-Modified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl From<Validators> for ValidatorsView {
    fn from(v: Validators) -> Self {
        let Validators {
            etag,
            last_modified,
        } = v;
        ValidatorsView {
            etag,
            last_modified,
        }
    }
}

/// A source's polling state.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = SourceState)]
pub struct SourceStateView {
    /// The source's name.
    pub name: String,
    /// When it was last polled.
    pub last_poll: Option<DateTime<Utc>>,
    /// When a poll last succeeded.
    pub last_success: Option<DateTime<Utc>>,
    /// The last poll's error, cleared by a success.
    pub last_error: Option<String>,
    /// Failed polls in a row.
    pub consecutive_failures: u32,
    /// When it is due next.
    pub next_due: Option<DateTime<Utc>>,
    /// Validators for the next conditional GET.
    pub validators: ValidatorsView,
    /// New items found, ever.
    pub items_found: u64,
    /// New items in the last successful poll.
    pub last_new: u32,
    /// Items seen again in the last successful poll.
    pub last_updated: u32,
    /// Polled on the surge schedule until then.
    pub surge_until: Option<DateTime<Utc>>,
    /// What the last successful poll read badly, each naming the URL.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub last_warnings: Vec<String>,
}

impl From<SourceState> for SourceStateView {
    fn from(s: SourceState) -> Self {
        let SourceState {
            name,
            last_poll,
            last_success,
            last_error,
            consecutive_failures,
            next_due,
            validators,
            items_found,
            last_new,
            last_updated,
            surge_until,
            last_warnings,
        } = s;
        SourceStateView {
            name,
            last_poll,
            last_success,
            last_error,
            consecutive_failures,
            next_due,
            validators: validators.into(),
            items_found,
            last_new,
            last_updated,
            surge_until,
            last_warnings,
        }
    }
}

/// One enabled source.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Source)]
pub struct SourceViewApi {
    /// The source as configured (the README's sources reference); paths
    /// relative to the config directory.
    #[schema(value_type = Object)]
    pub config: Value,
    /// Its polling state.
    pub state: SourceStateView,
    /// True while a poll of it is in flight.
    pub polling: bool,
}

impl From<SourceView> for SourceViewApi {
    fn from(v: SourceView) -> Self {
        let SourceView {
            config,
            state,
            polling,
        } = v;
        SourceViewApi {
            config: serde_json::to_value(config).unwrap_or(Value::Null),
            state: state.into(),
            polling,
        }
    }
}

/// Every configured webhook.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookList {
    /// The webhooks, in config order (empty when alerts are off).
    pub webhooks: Vec<WebhookApi>,
}

/// One webhook's health and queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookApi {
    /// Its name in the config.
    pub name: String,
    /// `generic`, `wecom` or `dingtalk`.
    pub kind: String,
    /// The last message it accepted.
    pub last_success: Option<DateTime<Utc>>,
    /// When a message was last sent to it.
    pub last_sent: Option<DateTime<Utc>>,
    /// The last failure, as the robot or the network put it.
    pub last_error: Option<String>,
    /// The robot's `errcode` of the last failure.
    pub last_errcode: Option<i64>,
    /// When the last failure happened.
    pub last_failure: Option<DateTime<Utc>>,
    /// Failed sends in a row.
    pub failures: u32,
    /// True after a permanent error or repeated failures, until a message
    /// gets through again.
    pub failing: bool,
    /// Alerts waiting for it.
    pub queued: usize,
    /// Alerts given up on for it.
    pub dead: usize,
}

impl From<crate::alerts::deliver::WebhookView> for WebhookApi {
    fn from(v: crate::alerts::deliver::WebhookView) -> Self {
        let crate::alerts::deliver::WebhookView {
            name,
            kind,
            state,
            queued,
            dead,
        } = v;
        WebhookApi {
            name,
            kind: match kind {
                crate::alerts::WebhookKind::Generic => "generic",
                crate::alerts::WebhookKind::Wecom => "wecom",
                crate::alerts::WebhookKind::Dingtalk => "dingtalk",
            }
            .to_string(),
            last_success: state.last_success,
            last_sent: state.last_sent,
            last_error: state.last_error,
            last_errcode: state.last_errcode,
            last_failure: state.last_failure,
            failures: state.failures,
            failing: state.failing,
            queued,
            dead,
        }
    }
}

/// What a test message did.
#[derive(Debug, Serialize, ToSchema)]
pub struct TestMessageOutcome {
    /// The webhook.
    pub webhook: String,
    /// True when the webhook accepted it.
    pub delivered: bool,
    /// Why not, when it was not.
    pub error: Option<String>,
    /// The robot's `errcode`, when it gave one.
    pub errcode: Option<i64>,
    /// True when the error is one no retry cures (a wrong key or secret,
    /// an invalid webhook): fix the config.
    pub permanent: bool,
}

/// Every enabled source.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceList {
    /// The sources.
    pub sources: Vec<SourceViewApi>,
}

/// One item a poll stored.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Found)]
pub struct FoundView {
    /// Its id.
    pub item_id: String,
    /// Its title (or the start of its text).
    pub title: String,
    /// Its URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its publication time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    /// Why that time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_evidence: Option<String>,
    /// The first characters of its text.
    pub excerpt: String,
    /// Its case, if it matched a category.
    pub case_id: Option<u64>,
    /// True when stored for the first time.
    pub new: bool,
}

impl From<Found> for FoundView {
    fn from(f: Found) -> Self {
        let Found {
            item_id,
            title,
            url,
            published,
            date_evidence,
            excerpt,
            case_id,
            new,
        } = f;
        FoundView {
            item_id,
            title,
            url,
            published,
            date_evidence,
            excerpt,
            case_id,
            new,
        }
    }
}

/// What an on-demand poll found.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PollReport)]
pub struct PollReportView {
    /// The source.
    pub source: String,
    /// `ok`, `not_modified`, `deferred` (the host asked for a pause) or
    /// `failed`.
    #[schema(schema_with = poll_statuses)]
    pub status: &'static str,
    /// Entries found.
    pub found: usize,
    /// Items stored for the first time.
    pub new: u32,
    /// Items seen before.
    pub updated: u32,
    /// Cases opened.
    pub new_cases: Vec<u64>,
    /// Cases whose severity rose.
    pub raised_cases: Vec<u64>,
    /// Items refused or articles that failed.
    pub rejected: u32,
    /// Why it failed, or what failed partly.
    pub error: Option<String>,
    /// What was read badly without failing, each naming the URL.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The items stored, in order.
    pub items: Vec<FoundView>,
    /// Wall time.
    pub elapsed_ms: u64,
}

fn poll_statuses() -> RefOr<Schema> {
    string_enum(
        ["ok", "not_modified", "deferred", "failed"],
        "How the poll went.",
    )
}

impl From<PollReport> for PollReportView {
    fn from(r: PollReport) -> Self {
        let PollReport {
            source,
            status,
            found,
            new,
            updated,
            new_cases,
            raised_cases,
            rejected,
            error,
            warnings,
            items,
            elapsed_ms,
            retry_after: _,
            validators: _,
        } = r;
        PollReportView {
            source,
            status,
            found,
            new,
            updated,
            new_cases,
            raised_cases,
            rejected,
            error,
            warnings,
            items: items.into_iter().map(Into::into).collect(),
            elapsed_ms,
        }
    }
}

/// What a reclassification did.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Reclassified)]
pub struct ReclassifiedView {
    /// Stored items looked at.
    pub examined: usize,
    /// Items whose categories, severity or flags changed.
    pub changed: usize,
    /// Items that matched no category before and match one now.
    pub newly_flagged: usize,
    /// Cases opened by them.
    pub new_cases: Vec<u64>,
    /// Items that could not be reclassified.
    pub failed: usize,
}

impl From<Reclassified> for ReclassifiedView {
    fn from(r: Reclassified) -> Self {
        let Reclassified {
            examined,
            changed,
            newly_flagged,
            new_cases,
            failed,
        } = r;
        ReclassifiedView {
            examined,
            changed,
            newly_flagged,
            new_cases,
            failed,
        }
    }
}
