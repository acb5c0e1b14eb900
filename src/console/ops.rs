//! 运维 (admins): sources with their health and a "poll now" button; the
//! keyword lists in force with their rule counts, warnings and the error of
//! a refused reload, and a "reload" button. The buttons call the same
//! scheduler and reloader as the API's operators' routes.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;

use super::session::{Me, Refused};
use super::{ConsoleState, Layout, Ops, message_page, render};
use crate::config::Role;
use crate::daemon::PollNowError;
use crate::sources::SourceKind;

struct SourceRow {
    name: String,
    kind: String,
    last_success: String,
    last_error: String,
    failures: u32,
    next_due: String,
    surge: String,
    items_found: u64,
    polling: bool,
    healthy: bool,
}

struct ListRow {
    file: String,
    kind: String,
    rules: usize,
    excludes: usize,
}

struct Problem {
    title: String,
    problems: Vec<String>,
}

#[derive(Template)]
#[template(path = "ops.html")]
struct OpsPage {
    layout: Layout,
    sources: Vec<SourceRow>,
    version: u64,
    loaded_at: String,
    dir: String,
    lists: Vec<ListRow>,
    warnings: Vec<String>,
    errors: Vec<Problem>,
    reloads: u64,
    failed_reloads: u64,
    /// What the button just did.
    outcome: Option<String>,
    outcome_problems: Vec<String>,
    outcome_ok: bool,
}

fn when(t: Option<chrono::DateTime<Utc>>) -> String {
    t.map_or_else(|| "—".into(), super::view::bj)
}

fn ops_page(
    state: &ConsoleState,
    me: &Me,
    outcome: Option<(bool, String, Vec<String>)>,
) -> Result<OpsPage, Response> {
    let Some(ops) = state.inner.ops.as_ref() else {
        return Err(message_page(
            StatusCode::SERVICE_UNAVAILABLE,
            "运维页面不可用",
            "本服务未由 `yuqing run` 启动，没有采集调度和关键词热加载。",
            Some(me),
        ));
    };
    let now = Utc::now();
    let sources = ops
        .scheduler
        .sources()
        .into_iter()
        .map(|v| SourceRow {
            healthy: v.state.consecutive_failures == 0,
            name: v.config.name.clone(),
            kind: match v.config.kind {
                SourceKind::Feed => "订阅源（RSS/Atom）",
                SourceKind::Page => "网页列表",
                SourceKind::Inbox => "收件目录",
            }
            .to_string(),
            last_success: when(v.state.last_success),
            last_error: v.state.last_error.clone().unwrap_or_default(),
            failures: v.state.consecutive_failures,
            next_due: when(v.state.next_due),
            surge: v
                .state
                .surge_until
                .filter(|u| *u > now)
                .map_or_else(String::new, |u| {
                    format!("加密采集至 {}", super::view::bj(u))
                }),
            items_found: v.state.items_found,
            polling: v.polling,
        })
        .collect();
    let st = ops.reloader.status();
    let mut errors = Vec::new();
    for (what, e) in [("关键词文件", &st.error), ("配置文件", &st.config_error)] {
        if let Some(e) = e {
            errors.push(Problem {
                title: format!(
                    "{} 于 {} 重新加载失败（由 {} 触发），仍沿用之前的版本：",
                    what,
                    super::view::bj(e.at),
                    e.trigger
                ),
                problems: e.problems.clone(),
            });
        }
    }
    let (outcome_ok, outcome, outcome_problems) = match outcome {
        Some((ok, text, problems)) => (ok, Some(text), problems),
        None => (true, None, Vec::new()),
    };
    Ok(OpsPage {
        layout: Layout::new(me, "运维", "ops"),
        sources,
        version: st.version,
        loaded_at: super::view::bj(st.loaded_at),
        dir: st.dir.clone(),
        lists: st
            .lists
            .iter()
            .map(|l| ListRow {
                file: l.file.clone(),
                kind: l.kind.clone(),
                rules: l.rules,
                excludes: l.excludes,
            })
            .collect(),
        warnings: st.warnings.clone(),
        errors,
        reloads: st.reloads,
        failed_reloads: st.failed_reloads,
        outcome,
        outcome_problems,
        outcome_ok,
    })
}

fn admin_only(me: &Me) -> Option<Response> {
    (me.role < Role::Admin).then(|| {
        super::refused(
            me,
            Refused::Role {
                have: me.role,
                need: Role::Admin,
            },
        )
    })
}

fn show(state: &ConsoleState, me: &Me, outcome: Option<(bool, String, Vec<String>)>) -> Response {
    match ops_page(state, me, outcome) {
        Ok(p) => render(StatusCode::OK, &p),
        Err(r) => r,
    }
}

/// `GET /ops`.
pub(super) async fn page(State(state): State<ConsoleState>, me: Me) -> Response {
    if let Some(r) = admin_only(&me) {
        return r;
    }
    show(&state, &me, None)
}

/// An operator's button: a checked form from an admin, on a daemon whose
/// scheduler and reloader are here.
fn admin_form<'a>(
    state: &'a ConsoleState,
    me: &Me,
    headers: &HeaderMap,
    body: super::FormBody,
) -> Result<&'a Ops, Response> {
    super::checked_form(me, headers, body, Role::Admin)?;
    state
        .inner
        .ops
        .as_ref()
        .ok_or_else(|| show(state, me, None))
}

/// `POST /ops/reload`: reloads keyword lists, sources and routing now.
pub(super) async fn reload(
    State(state): State<ConsoleState>,
    me: Me,
    headers: HeaderMap,
    body: super::FormBody,
) -> Response {
    let ops = match admin_form(&state, &me, &headers, body) {
        Ok(ops) => ops,
        Err(r) => return r,
    };
    let outcome = ops.reloader.reload(&format!("console ({})", me.name)).await;
    let ok = outcome.problems.is_empty();
    let text = if ok {
        format!("已重新加载，关键词版本 {}。", outcome.version)
    } else {
        format!(
            "重新加载被拒绝：发现 {} 个问题，之前的关键词和采集源继续生效。",
            outcome.problems.len()
        )
    };
    show(&state, &me, Some((ok, text, outcome.problems)))
}

/// `POST /ops/sources/{name}/poll`: polls one source now and shows what was
/// found.
pub(super) async fn poll(
    State(state): State<ConsoleState>,
    me: Me,
    headers: HeaderMap,
    Path(name): Path<String>,
    body: super::FormBody,
) -> Response {
    let ops = match admin_form(&state, &me, &headers, body) {
        Ok(ops) => ops,
        Err(r) => return r,
    };
    let outcome = match ops.scheduler.poll_now(&name).await {
        Ok(r) => {
            let ok = r.status != "failed";
            let mut text = format!(
                "「{}」采集{}：发现 {} 条，新增 {} 条，更新 {} 条，新立案 {} 件，用时 {} 毫秒。",
                r.source,
                if ok { "完成" } else { "失败" },
                r.found,
                r.new,
                r.updated,
                r.new_cases.len(),
                r.elapsed_ms
            );
            if let Some(e) = &r.error {
                text.push_str(&format!("错误：{e}"));
            }
            (ok, text, r.warnings)
        }
        Err(PollNowError::Unknown(n)) => (false, format!("没有名为「{n}」的启用采集源。"), vec![]),
        Err(PollNowError::Busy(n)) => (false, format!("「{n}」正在采集中，请稍后再试。"), vec![]),
    };
    show(&state, &me, Some(outcome))
}
