//! One case: its items in time order with matched terms marked, severity
//! and reasons, deadlines, department, history, and the action forms its
//! status allows ([`crate::cases::transition`]), applied through
//! [`crate::pipeline::Pipeline::act`] like the API's.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::queue::Opt;
use super::session::Me;
use super::view::{self, Due, Seg, web_link};
use super::{ConsoleState, Fields, Layout, blocking, message_page, render};
use crate::cases::{Action, ActionError, Case, CaseStatus, HistoryEntry, transition};
use crate::classify::{Category, Severity};
use crate::config::Role;
use crate::item::Item;
use crate::pipeline::ActError;

/// Items shown with a case at most, like the API (reposts can number
/// thousands; the rest are on the items page).
const ITEMS_SHOWN: usize = 200;
/// Characters of an item's text shown before "展开全文".
const TEXT_HEAD: usize = 300;

/// One item on the case page.
struct ItemRow {
    id: String,
    source: String,
    kind: String,
    time: String,
    seen: String,
    url: Option<String>,
    title: String,
    head: Vec<Seg>,
    full: Option<Vec<Seg>>,
    terms: Vec<String>,
}

/// One history entry.
struct HistoryRow {
    at: String,
    actor: String,
    action: String,
    change: Option<String>,
    note: String,
}

/// Which action forms to show.
#[derive(Default)]
struct Allowed {
    confirm: bool,
    dismiss: bool,
    assign: bool,
    respond: bool,
    close: bool,
    reopen: bool,
    set_severity: bool,
    set_categories: bool,
    note: bool,
    merge: bool,
    split: bool,
}

impl Allowed {
    /// What `status` allows, for someone who may act at all.
    fn of(status: CaseStatus, may_act: bool) -> Self {
        if !may_act {
            return Allowed::default();
        }
        let ok = |name| transition(name, status).is_some();
        Allowed {
            confirm: ok("confirm"),
            dismiss: ok("dismiss"),
            assign: ok("assign"),
            respond: ok("respond"),
            close: ok("close"),
            reopen: ok("reopen"),
            set_severity: ok("set_severity"),
            set_categories: ok("set_categories"),
            note: ok("note"),
            merge: ok("merge"),
            split: ok("split"),
        }
    }

    fn any(&self) -> bool {
        self.confirm
            || self.dismiss
            || self.assign
            || self.respond
            || self.close
            || self.reopen
            || self.set_severity
            || self.set_categories
            || self.note
            || self.merge
            || self.split
    }
}

struct AssignmentView {
    department: String,
    assignee: String,
    due: String,
    at: String,
}

struct ResponseView {
    place: String,
    how: String,
    link: Option<String>,
    at: String,
}

struct Check {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    layout: Layout,
    id: u64,
    title: String,
    severity: String,
    severity_class: &'static str,
    severity_overridden: bool,
    reasons: Vec<String>,
    status: &'static str,
    status_name: &'static str,
    categories: Vec<&'static str>,
    flags: Vec<&'static str>,
    regions: String,
    sources: String,
    first_seen: String,
    last_seen: String,
    item_count: u32,
    items_truncated: bool,
    top_terms: String,
    department: String,
    assignment: Option<AssignmentView>,
    response: Option<ResponseView>,
    refuted: Option<String>,
    merged_into: Option<u64>,
    dues: Vec<Due>,
    overdue: bool,
    history: Vec<HistoryRow>,
    items: Vec<ItemRow>,
    allowed: Allowed,
    can_act: bool,
    flash: Option<String>,
    error: Option<String>,
    departments: Vec<String>,
    severities: Vec<Opt>,
    category_checks: Vec<Check>,
    assign_department: String,
    assign_due: String,
}

fn item_row(item: &Item) -> ItemRow {
    let terms: Vec<String> = {
        let mut seen = BTreeSet::new();
        item.classification
            .matches
            .iter()
            .flat_map(|m| m.terms.iter())
            .filter(|t| seen.insert(t.as_str()))
            .cloned()
            .collect()
    };
    let text = item.text.trim();
    let long = text.chars().count() > TEXT_HEAD;
    let head = if long {
        view::excerpt(text, TEXT_HEAD)
    } else {
        text.to_string()
    };
    ItemRow {
        id: item.id.clone(),
        source: item.source.clone(),
        kind: view::kind_label(item.source_kind.as_deref()),
        time: match item.published {
            Some(p) => format!("发布 {}", view::bj(p)),
            None => "发布时间不详".into(),
        },
        seen: view::bj(item.ingested_at),
        url: web_link(item.url.as_deref()),
        title: item.title.trim().to_string(),
        head: view::highlight(&head, &terms),
        full: long.then(|| view::highlight(text, &terms)),
        terms,
    }
}

fn history_row(h: &HistoryEntry) -> HistoryRow {
    let detail = match &h.action {
        Action::Assign {
            department,
            assignee,
            due,
        } => {
            let mut s = format!("交办至 {department}");
            if let Some(a) = assignee {
                s.push_str(&format!("，负责人 {a}"));
            }
            if let Some(d) = due {
                s.push_str(&format!("，约定 {} 前", view::bj(*d)));
            }
            Some(s)
        }
        Action::Respond { place, how, link } => Some(format!(
            "在「{place}」以「{how}」回应{}",
            link.as_deref()
                .map(|l| format!("（{l}）"))
                .unwrap_or_default()
        )),
        Action::SetSeverity { severity } => {
            Some(format!("级别改为 {}", view::severity_label(*severity)))
        }
        Action::SetCategories { categories } => Some(format!(
            "类别改为 {}",
            categories
                .iter()
                .map(|c| c.label_zh())
                .collect::<Vec<_>>()
                .join("、")
        )),
        Action::Merge { into } => Some(format!("并入案件 #{into}")),
        Action::Split { items } => Some(format!("拆出 {} 条信息", items.len())),
        _ => None,
    };
    let mut action = view::action_label(h.action.name()).to_string();
    if let Some(d) = detail {
        action = format!("{action}：{d}");
    }
    HistoryRow {
        at: view::bj(h.at),
        actor: if h.actor == "system" {
            "系统".into()
        } else {
            h.actor.clone()
        },
        action,
        change: (h.from != h.to).then(|| {
            format!(
                "{} → {}",
                view::status_label(h.from),
                view::status_label(h.to)
            )
        }),
        note: h.note.clone().unwrap_or_default(),
    }
}

/// What one read gives the page.
struct Loaded {
    case: Case,
    items: Vec<Item>,
    departments: Vec<String>,
}

async fn load(state: &ConsoleState, id: u64) -> Result<Option<Loaded>, Response> {
    let store = state.pipeline().store().clone();
    blocking(move || {
        let Some(case) = store.case(id)? else {
            return Ok(None);
        };
        // The latest come newest first; oldest first, ties in store order.
        let mut items = store.case_items_latest(id, ITEMS_SHOWN)?;
        items.reverse();
        items.sort_by_key(|i| (i.happened_at(), i.ingested_at));
        let departments: BTreeSet<String> = store
            .case_rows(|r| r.department.is_some())
            .into_iter()
            .filter_map(|r| r.department.clone())
            .chain(case.department.clone())
            .collect();
        Ok(Some(Loaded {
            case,
            items,
            departments: departments.into_iter().collect(),
        }))
    })
    .await
}

fn page_of(
    me: &Me,
    loaded: Loaded,
    now: DateTime<Utc>,
    flash: Option<String>,
    error: Option<String>,
) -> CasePage {
    let Loaded {
        case,
        items,
        departments,
    } = loaded;
    let can_act = me.role >= Role::Analyst;
    let dues = view::dues(&case, now);
    CasePage {
        layout: Layout::new(me, format!("#{} {}", case.id, case.title), "queue"),
        id: case.id,
        title: case.title.clone(),
        severity: view::severity_label(case.severity),
        severity_class: view::severity_class(case.severity),
        severity_overridden: case.severity_override.is_some(),
        reasons: case.severity_reasons.clone(),
        status: view::status_label(case.status),
        status_name: case.status.name(),
        categories: case.categories.iter().map(|c| c.label_zh()).collect(),
        flags: case.flags.iter().map(|f| view::flag_label(*f)).collect(),
        regions: case.regions.join("、"),
        sources: case.sources.join("、"),
        first_seen: view::bj(case.first_seen),
        last_seen: view::bj(case.last_seen),
        item_count: case.item_count,
        items_truncated: items.len() < case.item_count as usize,
        top_terms: case.top_terms.join("、"),
        department: case.department.clone().unwrap_or_else(|| "—".into()),
        assignment: case.assignment.as_ref().map(|a| AssignmentView {
            department: a.department.clone(),
            assignee: a.assignee.clone().unwrap_or_else(|| "—".into()),
            due: a.due.map_or_else(|| "按回应时限".into(), view::bj),
            at: view::bj(a.at),
        }),
        response: case.response.as_ref().map(|r| ResponseView {
            place: r.place.clone(),
            how: r.how.clone(),
            link: web_link(r.link.as_deref()),
            at: view::bj(r.at),
        }),
        refuted: case
            .refuted
            .as_ref()
            .map(|r| format!("{}（{}，{}）", r.item_id, r.source, view::bj(r.at))),
        merged_into: case.merged_into,
        overdue: dues.iter().any(|d| d.overdue),
        dues,
        history: case.history.iter().rev().map(history_row).collect(),
        items: items.iter().map(item_row).collect(),
        allowed: Allowed::of(case.status, can_act),
        can_act,
        flash,
        error,
        assign_department: case
            .responsible_department()
            .unwrap_or_default()
            .to_string(),
        assign_due: case
            .assignment
            .as_ref()
            .and_then(|a| a.due)
            .map(view::bj_input)
            .unwrap_or_default(),
        departments,
        severities: Severity::ALL
            .iter()
            .rev()
            .map(|s| Opt {
                value: s.roman().to_string(),
                label: view::severity_label(*s),
                selected: *s == case.severity,
            })
            .collect(),
        category_checks: Category::ALL
            .iter()
            .map(|c| Check {
                value: c.slug(),
                label: c.label_zh(),
                checked: case.categories.contains(c),
            })
            .collect(),
    }
}

/// Query of the case page: what was just done.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Done {
    done: Option<String>,
}

fn not_found(me: &Me, id: &str) -> Response {
    message_page(
        StatusCode::NOT_FOUND,
        "案件不存在",
        &format!("没有编号为 {id} 的案件。"),
        Some(me),
    )
}

/// `GET /cases/{id}`.
pub(super) async fn page(
    State(state): State<ConsoleState>,
    me: Me,
    Path(id): Path<String>,
    Query(q): Query<Done>,
) -> Response {
    let Ok(num) = id.parse::<u64>() else {
        return not_found(&me, &id);
    };
    let loaded = match load(&state, num).await {
        Ok(Some(l)) => l,
        Ok(None) => return not_found(&me, &id),
        Err(r) => return r,
    };
    let flash = q.done.as_deref().map(|d| {
        format!(
            "已{}。",
            view::action_label(if crate::cases::ACTION_NAMES.contains(&d) {
                d
            } else {
                ""
            })
        )
    });
    render(
        StatusCode::OK,
        &page_of(&me, loaded, Utc::now(), flash, None),
    )
}

/// Why a form could not become an action (shown on the page, 422).
fn action_of(f: &Fields) -> Result<Action, String> {
    let name = f.get("action").unwrap_or("");
    Ok(match name {
        "confirm" => Action::Confirm,
        "dismiss" => Action::Dismiss,
        "close" => Action::Close,
        "reopen" => Action::Reopen,
        "note" => {
            if f.get("note").is_none() {
                return Err("请填写备注内容。".into());
            }
            Action::Note
        }
        "assign" => Action::Assign {
            department: f
                .get("department")
                .ok_or("交办须填写责任部门。")?
                .to_string(),
            assignee: f.get("assignee").map(str::to_string),
            due: f
                .get("due")
                .map(|d| {
                    crate::time::parse_time(d)
                        .map_err(|_| format!("约定时限「{d}」不是有效的时间。"))
                })
                .transpose()?,
        },
        "respond" => Action::Respond {
            place: f
                .get("where")
                .ok_or("登记回应须填写回应渠道（在哪里回应）。")?
                .to_string(),
            how: f.get("how").ok_or("登记回应须填写回应方式。")?.to_string(),
            link: f.get("link").map(str::to_string),
        },
        "set_severity" => Action::SetSeverity {
            severity: f
                .get("severity")
                .and_then(Severity::parse)
                .ok_or("请选择级别。")?,
        },
        "set_categories" => {
            let categories: Vec<Category> = f
                .all("categories")
                .into_iter()
                .filter_map(Category::from_slug)
                .collect();
            if categories.is_empty() {
                return Err("请至少选择一个类别；误报请使用「排除」。".into());
            }
            Action::SetCategories { categories }
        }
        "merge" => Action::Merge {
            into: f
                .get("into")
                .and_then(|v| v.trim_start_matches('#').parse().ok())
                .ok_or("请填写要并入的案件编号（数字）。")?,
        },
        "split" => {
            let items: Vec<String> = f.all("items").into_iter().map(str::to_string).collect();
            if items.is_empty() {
                return Err("请在信息列表中勾选要拆出的信息。".into());
            }
            Action::Split { items }
        }
        _ => return Err("未知的操作。".into()),
    })
}

/// What became of a submitted action.
enum Outcome {
    /// Applied; the case's status after it.
    Done(CaseStatus),
    /// The case moved on since the page was shown.
    Stale(CaseStatus),
    Refused(ActError),
}

/// `POST /cases/{id}/act`: one action form. Success redirects to the case
/// page (so a reload does not resubmit); a refusal shows the page as it now
/// is, with the reason: 409 when the status does not allow it (someone got
/// there first), 422 when a field is unusable.
pub(super) async fn act(
    State(state): State<ConsoleState>,
    me: Me,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: super::FormBody,
) -> Response {
    let fields = match super::checked_form(&me, &headers, body, Role::Analyst) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Ok(num) = id.parse::<u64>() else {
        return not_found(&me, &id);
    };
    let action = match action_of(&fields) {
        Ok(a) => a,
        Err(msg) => return again(&state, &me, num, StatusCode::UNPROCESSABLE_ENTITY, msg).await,
    };
    let name = action.name();
    let shown = fields.get("status").and_then(CaseStatus::parse);
    let note = fields.get("note").map(str::to_string);
    let pipeline = state.pipeline().clone();
    let actor = me.name.clone();
    let now = Utc::now();
    let outcome = match tokio::task::spawn_blocking(move || {
        // A page shown before someone else moved the case on must not act
        // on a state its user never saw (notes excepted: they change
        // nothing).
        if name != "note"
            && let Some(shown) = shown
        {
            match pipeline.store().case(num) {
                Ok(Some(c)) if c.status != shown => return Outcome::Stale(c.status),
                Ok(_) => {}
                Err(e) => return Outcome::Refused(ActError::Store(e)),
            }
        }
        match pipeline.act(num, action, &actor, note, now) {
            Ok(c) => Outcome::Done(c.status),
            Err(e) => Outcome::Refused(e),
        }
    })
    .await
    {
        Ok(o) => o,
        Err(e) => {
            tracing::error!(error = %e, "console: action task failed");
            return message_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "服务器内部错误",
                "操作任务失败，错误已记入日志。请刷新案件页面查看是否已生效。",
                Some(&me),
            );
        }
    };
    match outcome {
        Outcome::Done(status) => {
            tracing::info!(case = num, action = name, user = %me.name, status = status.name(), "console: case updated");
            Redirect::to(&format!("/cases/{num}?done={name}")).into_response()
        }
        Outcome::Stale(now_status) => {
            let msg = format!(
                "操作未执行：案件状态已由「{}」变为「{}」（可能有其他人刚刚处理过）。下面是最新状态，请确认后再操作。",
                shown.map_or("—", view::status_label),
                view::status_label(now_status)
            );
            again(&state, &me, num, StatusCode::CONFLICT, msg).await
        }
        Outcome::Refused(ActError::NotFound(_)) => not_found(&me, &id),
        Outcome::Refused(ActError::Action(ActionError::InvalidTransition { action, status })) => {
            let msg = format!(
                "操作未执行：案件当前状态为「{}」，不能「{}」（可能有其他人刚刚处理过）。下面是最新状态。",
                CaseStatus::parse(status).map_or(status, view::status_label),
                view::action_label(action)
            );
            again(&state, &me, num, StatusCode::CONFLICT, msg).await
        }
        Outcome::Refused(ActError::Action(ActionError::Invalid(why))) => {
            // The workflow's own reasons (a merge target that is closed, a
            // due time before the case began) are in English; the form
            // catches the common ones in Chinese first.
            let msg = format!("操作未执行，内容不符合要求：{why}");
            again(&state, &me, num, StatusCode::UNPROCESSABLE_ENTITY, msg).await
        }
        Outcome::Refused(ActError::Store(e)) => super::store_failed(&e),
    }
}

/// The case page as it now is, with `error`, answered with `status`.
async fn again(
    state: &ConsoleState,
    me: &Me,
    id: u64,
    status: StatusCode,
    error: String,
) -> Response {
    match load(state, id).await {
        Ok(Some(l)) => render(status, &page_of(me, l, Utc::now(), None, Some(error))),
        Ok(None) => not_found(me, &id.to_string()),
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        Fields(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn forms_become_the_api_actions() {
        let a = action_of(&fields(&[
            ("action", "assign"),
            ("department", "市应急管理局"),
            ("due", "2026-11-22T13:00"),
        ]))
        .unwrap();
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["action"], "assign");
        assert_eq!(json["due"], "2026-11-22T05:00:00Z", "Beijing time");
        let a = action_of(&fields(&[
            ("action", "set_categories"),
            ("categories", "policy"),
            ("categories", "emergency"),
        ]))
        .unwrap();
        assert_eq!(
            a,
            Action::SetCategories {
                categories: vec![Category::Policy, Category::Emergency]
            }
        );
        assert!(action_of(&fields(&[("action", "assign")])).is_err());
        assert!(action_of(&fields(&[("action", "respond"), ("where", "微博")])).is_err());
        assert!(action_of(&fields(&[("action", "explode")])).is_err());
        assert_eq!(
            action_of(&fields(&[("action", "merge"), ("into", "#12")])).unwrap(),
            Action::Merge { into: 12 }
        );
    }

    #[test]
    fn a_viewer_is_offered_nothing() {
        assert!(!Allowed::of(CaseStatus::New, false).any());
        let a = Allowed::of(CaseStatus::New, true);
        assert!(a.confirm && a.dismiss && !a.close && !a.respond);
        let a = Allowed::of(CaseStatus::Closed, true);
        assert!(a.reopen && a.note && !a.set_severity && !a.merge);
    }
}
