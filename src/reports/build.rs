//! Gathering each report from the store: its record (what JSON clients
//! get) and its layout ([`Doc`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use serde::Serialize;

use super::doc::{Block, Chart, Doc, Table, minutes_zh, ordinal, percent};
use super::stats::{DepartmentFigures, Stats, Timeliness, UNROUTED, compute, departments};
use super::{MAX_PERIOD_DAYS, Report, ReportError, beijing_date, date_zh, day_start};
use crate::cases::{Action, Case, CaseStatus};
use crate::classify::{Category, Severity};
use crate::console::view;
use crate::store::{CaseRow, Store};

/// Items listed at most in a special report's timeline (the spread chart
/// counts them all).
const TIMELINE_MAX: usize = 200;

/// One case as the reports list it.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct CaseLine {
    /// Case id.
    pub id: u64,
    /// Title.
    pub title: String,
    /// Severity, I–IV.
    pub severity: String,
    /// `Ⅱ级 重大`.
    pub severity_zh: String,
    /// Why the severity is what it is, in Chinese.
    pub severity_reasons_zh: Vec<String>,
    /// Categories, in Chinese.
    pub categories_zh: Vec<String>,
    /// Places of the jurisdiction.
    pub regions: Vec<String>,
    /// First seen.
    pub first_seen: DateTime<Utc>,
    /// Distinct sources.
    pub sources: Vec<String>,
    /// Number of items.
    pub item_count: u32,
    /// Workflow status (`new`, `assigned`…).
    pub status: String,
    /// The status in Chinese.
    pub status_zh: String,
    /// Responsible department (assigned, else suggested).
    pub department: Option<String>,
    /// Where it stands against its due times.
    pub timeliness: Timeliness,
    /// Overdue deadline kinds (催办).
    pub overdue: Vec<String>,
    /// The deadline as a line: `回应（48小时） 截至 12-01 18:00`.
    pub deadline_zh: String,
    /// What happened to it in the report's span, when that is the point
    /// (`系统升级：Ⅲ → Ⅱ`, the closing note).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_zh: Option<String>,
}

impl CaseLine {
    /// The line of `case`, its deadlines judged at `at`.
    pub fn of(case: &Case, at: DateTime<Utc>) -> Self {
        let row = CaseRow::of(case, 0);
        let dues = view::dues(case, at);
        let deadline_zh = if let Some(d) = dues.iter().find(|d| d.overdue) {
            format!("{} {} 已超时", d.label, d.at_short)
        } else if let Some(d) = dues.iter().find(|d| d.state == "办理中") {
            format!("{} 截至 {}", d.label, d.at_short)
        } else {
            Timeliness::of(&row, at).label_zh().to_string()
        };
        CaseLine {
            id: case.id,
            title: case.title.clone(),
            severity: case.severity.roman().to_string(),
            severity_zh: view::severity_label(case.severity),
            severity_reasons_zh: case
                .severity_reasons
                .iter()
                .filter_map(|r| crate::classify::explain::reason_zh(r))
                .collect(),
            categories_zh: case
                .categories
                .iter()
                .map(|c| c.label_zh().to_string())
                .collect(),
            regions: case.regions.clone(),
            first_seen: case.first_seen,
            sources: case.sources.clone(),
            item_count: case.item_count,
            status: case.status.name().to_string(),
            status_zh: view::status_label(case.status).to_string(),
            department: case.responsible_department().map(str::to_string),
            timeliness: Timeliness::of(&row, at),
            overdue: case.overdue(at).iter().map(|k| k.to_string()).collect(),
            deadline_zh,
            event_zh: None,
        }
    }

    fn department_zh(&self) -> String {
        self.department
            .clone()
            .unwrap_or_else(|| "（未指定）".into())
    }

    fn categories_joined(&self) -> String {
        if self.categories_zh.is_empty() {
            "—".into()
        } else {
            self.categories_zh.join("、")
        }
    }
}

fn severity_order(c: &Case) -> (std::cmp::Reverse<Severity>, DateTime<Utc>, u64) {
    (std::cmp::Reverse(c.severity), c.first_seen, c.id)
}

fn load(store: &Store, ids: impl IntoIterator<Item = u64>) -> Result<Vec<Case>, ReportError> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(c) = store.case(id)? {
            out.push(c);
        }
    }
    Ok(out)
}

/// The daily log (舆情日志) of a day or a duty shift.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Daily {
    /// The office that files it.
    pub office: String,
    /// What it covers, in Chinese: `2026年11月30日` or a shift's span.
    pub span_zh: String,
    /// Start (inclusive).
    pub from: DateTime<Utc>,
    /// End (exclusive).
    pub to: DateTime<Utc>,
    /// When it was written; deadlines are judged at the earlier of this
    /// and `to`.
    pub written: DateTime<Utc>,
    /// The cases first seen in the span, counted as `GET /stats` counts.
    pub stats: Stats,
    /// Cases first seen in the span, gravest first.
    pub new_cases: Vec<CaseLine>,
    /// Older cases whose severity rose in the span.
    pub escalated: Vec<CaseLine>,
    /// Cases closed (办结) in the span.
    pub closed: Vec<CaseLine>,
    /// Every case overdue at the end of the span (催办), whenever it opened.
    pub overdue: Vec<CaseLine>,
}

/// The daily log of `[from, to)` (a Beijing day, or a shift), called
/// `span_zh`.
pub fn daily(
    store: &Store,
    office: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    span_zh: String,
    now: DateTime<Utc>,
) -> Result<Daily, ReportError> {
    if from >= to {
        return Err(ReportError::Range(
            "the shift must end after it starts".into(),
        ));
    }
    if to - from > Duration::days(7) {
        return Err(ReportError::Range(
            "a daily log covers at most 7 days; use the periodic report for longer".into(),
        ));
    }
    let at = now.min(to);
    let rows = store.case_rows(|r| r.first_seen >= from && r.first_seen < to);
    let stats = compute(rows.iter().map(|r| r.as_ref()), from, to, now);
    let new_ids: BTreeSet<u64> = rows.iter().map(|r| r.id).collect();
    let mut new_cases = load(store, new_ids.iter().copied())?;
    new_cases.sort_by_key(severity_order);

    let mut escalated = Vec::new();
    let mut closed = Vec::new();
    for case in load(store, store.cases_written_between(from, to)?)? {
        let in_span = |t: DateTime<Utc>| t >= from && t < to;
        let raised = case.history.iter().rev().find(|h| {
            in_span(h.at)
                && h.note
                    .as_deref()
                    .is_some_and(|n| n.starts_with("severity raised"))
        });
        if let Some(h) = raised
            && !new_ids.contains(&case.id)
        {
            let mut line = CaseLine::of(&case, at);
            line.event_zh = h
                .note
                .as_deref()
                .and_then(|n| n.strip_prefix("severity raised "))
                .and_then(|n| n.split(" by ").next())
                .map(|levels| format!("级别上调 {levels}（{}）", view::bj_short(h.at)));
            escalated.push((severity_order(&case), line));
        }
        let closing = case.history.iter().rev().find(|h| {
            in_span(h.at)
                && h.to == CaseStatus::Closed
                && h.from != CaseStatus::Closed
                && !matches!(h.action, Action::Merge { .. })
        });
        if let Some(h) = closing
            && case.status == CaseStatus::Closed
        {
            let mut line = CaseLine::of(&case, at);
            line.event_zh = Some(format!(
                "{} 办结（{}）{}",
                view::bj_short(h.at),
                h.actor,
                h.note
                    .as_deref()
                    .map(|n| format!("：{n}"))
                    .unwrap_or_default()
            ));
            closed.push((severity_order(&case), line));
        }
    }
    escalated.sort_by_key(|a| a.0);
    closed.sort_by_key(|a| a.0);
    let overdue = overdue_lines(store, at)?;
    Ok(Daily {
        office: office.to_string(),
        span_zh,
        from,
        to,
        written: now,
        stats,
        new_cases: new_cases.iter().map(|c| CaseLine::of(c, at)).collect(),
        escalated: escalated.into_iter().map(|(_, l)| l).collect(),
        closed: closed.into_iter().map(|(_, l)| l).collect(),
        overdue,
    })
}

/// Every case overdue at `at`, the longest overdue first.
fn overdue_lines(store: &Store, at: DateTime<Utc>) -> Result<Vec<CaseLine>, ReportError> {
    let mut rows = store.case_rows(|r| r.is_overdue(at) && r.first_seen < at);
    rows.sort_by_key(|r| (r.next_due(), r.id));
    Ok(load(store, rows.iter().map(|r| r.id))?
        .iter()
        .map(|c| CaseLine::of(c, at))
        .collect())
}

fn case_table(id: &'static str, lines: &[CaseLine], empty: &'static str, event: bool) -> Block {
    let mut head: Vec<String> = [
        "编号",
        "标题",
        "级别及依据",
        "类别",
        "首次发现",
        "来源（条数）",
        "状态及责任单位",
        "时限",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if event {
        head.push("情况".into());
    }
    Block::Table(Table {
        id,
        head,
        rows: lines
            .iter()
            .map(|l| {
                let mut row = vec![
                    format!("#{}", l.id),
                    l.title.clone(),
                    if l.severity_reasons_zh.is_empty() {
                        l.severity_zh.clone()
                    } else {
                        format!("{}\n{}", l.severity_zh, l.severity_reasons_zh.join("；"))
                    },
                    l.categories_joined(),
                    view::bj_short(l.first_seen),
                    format!("{}（{} 条）", l.sources.join("、"), l.item_count),
                    format!("{}\n{}", l.status_zh, l.department_zh()),
                    l.deadline_zh.clone(),
                ];
                if event {
                    row.push(l.event_zh.clone().unwrap_or_default());
                }
                row
            })
            .collect(),
        empty,
    })
}

fn count_table(id: &'static str, stats: &Stats) -> Block {
    let mut rows = Vec::new();
    for s in Severity::ALL.iter().rev() {
        rows.push(vec![
            "级别".to_string(),
            view::severity_label(*s),
            stats
                .by_severity
                .get(s.roman())
                .copied()
                .unwrap_or(0)
                .to_string(),
        ]);
    }
    for c in Category::ALL {
        rows.push(vec![
            "类别".to_string(),
            c.label_zh().to_string(),
            stats
                .by_category
                .get(c.slug())
                .copied()
                .unwrap_or(0)
                .to_string(),
        ]);
    }
    Block::Table(Table {
        id,
        head: vec!["分类".into(), "项目".into(), "件数".into()],
        rows,
        empty: "无",
    })
}

impl Report for Daily {
    fn doc(&self) -> Doc {
        let mut b = Vec::new();
        let mut n = 0;
        let mut heading = |b: &mut Vec<Block>, t: &str| {
            b.push(Block::Heading(format!("{}、{t}", ordinal(n))));
            n += 1;
        };
        heading(&mut b, "总体情况");
        b.push(Block::Para(format!(
            "{}，共发现新增舆情 {} 件（其中排除误报 {} 件），级别上调 {} 件，办结 {} 件；截至{}，逾期未回应 {} 件。",
            self.span_zh,
            self.stats.cases,
            self.stats.dismissed,
            self.escalated.len(),
            self.closed.len(),
            view::bj(self.to.min(self.written)),
            self.overdue.len()
        )));
        b.push(count_table("daily-counts", &self.stats));
        heading(&mut b, "新增舆情");
        b.push(case_table(
            "daily-new",
            &self.new_cases,
            "本时段无新增舆情。",
            false,
        ));
        heading(&mut b, "级别上调");
        b.push(case_table(
            "daily-escalated",
            &self.escalated,
            "本时段无级别上调的舆情。",
            true,
        ));
        heading(&mut b, "办结情况");
        b.push(case_table(
            "daily-closed",
            &self.closed,
            "本时段无办结的舆情。",
            true,
        ));
        heading(&mut b, "逾期催办");
        b.push(case_table(
            "daily-overdue",
            &self.overdue,
            "目前无逾期未回应的舆情。",
            false,
        ));
        Doc {
            kind: "舆情日志",
            office: self.office.clone(),
            dated: date_zh(beijing_date(self.written)),
            title: format!("舆情日志（{}）", self.span_zh),
            blocks: b,
        }
    }

    fn file_stem(&self) -> String {
        let from = self.from.with_timezone(&crate::time::china());
        let to = self.to.with_timezone(&crate::time::china());
        if to - from == Duration::days(1) && from.hour() == 0 && from.minute() == 0 {
            format!("舆情日志_{}", from.format("%Y-%m-%d"))
        } else {
            format!(
                "舆情日志_{}至{}",
                from.format("%Y-%m-%dT%H%M"),
                to.format("%Y-%m-%dT%H%M")
            )
        }
    }

    fn written(&self) -> DateTime<Utc> {
        self.written
    }
}

/// One item in a special report's timeline.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct ItemLine {
    /// Item id.
    pub id: String,
    /// When it was first seen.
    pub seen: DateTime<Utc>,
    /// When it says it was published.
    pub published: Option<DateTime<Utc>>,
    /// Its source.
    pub source: String,
    /// The kind of source, in Chinese.
    pub kind_zh: String,
    /// Its title, else the start of its text.
    pub title: String,
    /// Link to the original.
    pub url: Option<String>,
}

/// Items of one hour or day.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct SpreadPoint {
    /// The hour or day, Beijing time: `11-30 14时` or `11-30`.
    pub label: String,
    /// Items first seen in it.
    pub items: u32,
}

/// A due time and whether it was met.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct DeadlineLine {
    /// Its kind, in Chinese, with its length.
    pub kind_zh: String,
    /// When it is due.
    pub due: DateTime<Utc>,
    /// 按时回应, 超时回应, 已超时, 办理中, 无需回应.
    pub state_zh: String,
}

/// The department's response.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct ResponseLine {
    /// Where it was published.
    #[serde(rename = "where")]
    pub place: String,
    /// How.
    pub how: String,
    /// Link.
    pub link: Option<String>,
    /// When it was recorded.
    pub at: DateTime<Utc>,
}

/// An analyst's entry of the case's history.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct NoteLine {
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// The action, in Chinese.
    pub action_zh: String,
    /// The note.
    pub note: Option<String>,
}

/// The special report (舆情专报) of one case.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct CaseReport {
    /// The office that files it.
    pub office: String,
    /// When it was written; deadlines are judged then.
    pub written: DateTime<Utc>,
    /// The case.
    pub case: CaseLine,
    /// A paragraph saying what happened.
    pub summary: String,
    /// Items, oldest first (at most 200; `items_total` counts them all).
    pub timeline: Vec<ItemLine>,
    /// Items in the case.
    pub items_total: usize,
    /// Items per hour (a case of two days or less) or per day.
    pub spread: Vec<SpreadPoint>,
    /// Due times, met or missed.
    pub deadlines: Vec<DeadlineLine>,
    /// The hand-over (交办): department, person, when.
    pub assignment: Option<String>,
    /// The response recorded.
    pub response: Option<ResponseLine>,
    /// The analysts' notes and actions, oldest first: the assessment.
    pub notes: Vec<NoteLine>,
}

/// The special report of case `id`, judged at `now`.
pub fn case_report(
    store: &Store,
    office: &str,
    id: u64,
    now: DateTime<Utc>,
) -> Result<CaseReport, ReportError> {
    let case = store.case(id)?.ok_or(ReportError::NoCase(id))?;
    let items = store.case_items(id)?;
    let line = CaseLine::of(&case, now);
    let timeline = items
        .iter()
        .take(TIMELINE_MAX)
        .map(|i| ItemLine {
            id: i.id.clone(),
            seen: i.ingested_at,
            published: i.published,
            source: i.source.clone(),
            kind_zh: view::kind_label(i.source_kind.as_deref()),
            title: if i.title.trim().is_empty() {
                view::excerpt(&i.text, 40)
            } else {
                i.title.clone()
            },
            url: view::web_link(i.url.as_deref()),
        })
        .collect();
    let spread = spread(items.iter().map(|i| i.ingested_at));
    let deadlines = view::dues(&case, now)
        .into_iter()
        .filter_map(|d| {
            Some(DeadlineLine {
                kind_zh: d.label.to_string(),
                due: DateTime::from_timestamp_millis(d.ms)?,
                state_zh: d.state.to_string(),
            })
        })
        .collect();
    let notes = case
        .history
        .iter()
        .filter(|h| h.actor != "system")
        .map(|h| NoteLine {
            at: h.at,
            actor: h.actor.clone(),
            action_zh: view::action_label(h.action.name()).to_string(),
            note: h.note.clone(),
        })
        .collect();
    let summary = format!(
        "{}起，{} 个来源共发布相关信息 {} 条（{}），涉及{}。经研判，该舆情属于{}，定为{}。目前状态为{}，责任单位为{}；{}。",
        view::bj(case.first_seen),
        case.sources.len(),
        case.item_count,
        case.sources.join("、"),
        if case.regions.is_empty() {
            "本地区".to_string()
        } else {
            case.regions.join("、")
        },
        line.categories_joined(),
        line.severity_zh,
        line.status_zh,
        line.department_zh(),
        line.deadline_zh
    );
    Ok(CaseReport {
        office: office.to_string(),
        written: now,
        summary,
        timeline,
        items_total: items.len(),
        spread,
        deadlines,
        assignment: case.assignment.as_ref().map(|a| {
            format!(
                "{} 交办{}{}{}",
                view::bj(a.at),
                a.department,
                a.assignee
                    .as_deref()
                    .map(|p| format!("（{p}）"))
                    .unwrap_or_default(),
                a.due
                    .map(|d| format!("，约定 {} 前回应", view::bj(d)))
                    .unwrap_or_default()
            )
        }),
        response: case.response.as_ref().map(|r| ResponseLine {
            place: r.place.clone(),
            how: r.how.clone(),
            link: r.link.clone(),
            at: r.at,
        }),
        notes,
        case: line,
    })
}

/// Items per hour when they span two days or less, else per day, every
/// hour or day from the first to the last (empty ones too: a lull is part
/// of the story).
fn spread(times: impl Iterator<Item = DateTime<Utc>>) -> Vec<SpreadPoint> {
    let times: Vec<DateTime<Utc>> = times.collect();
    let (Some(first), Some(last)) = (times.iter().min(), times.iter().max()) else {
        return Vec::new();
    };
    let china = crate::time::china();
    let hourly = *last - *first <= Duration::hours(48);
    let key = |t: DateTime<Utc>| {
        let l = t.with_timezone(&china).naive_local();
        if hourly {
            l.date().and_hms_opt(l.hour(), 0, 0).unwrap_or(l)
        } else {
            l.date().and_hms_opt(0, 0, 0).unwrap_or(l)
        }
    };
    let step = if hourly {
        Duration::hours(1)
    } else {
        Duration::days(1)
    };
    let mut counts: BTreeMap<chrono::NaiveDateTime, u32> = BTreeMap::new();
    for t in &times {
        *counts.entry(key(*t)).or_default() += 1;
    }
    let mut out = Vec::new();
    let mut k = key(*first);
    let end = key(*last);
    while k <= end && out.len() < MAX_PERIOD_DAYS as usize {
        out.push(SpreadPoint {
            label: if hourly {
                k.format("%m-%d %H时").to_string()
            } else {
                k.format("%m-%d").to_string()
            },
            items: counts.get(&k).copied().unwrap_or(0),
        });
        k += step;
    }
    out
}

impl Report for CaseReport {
    fn doc(&self) -> Doc {
        let c = &self.case;
        let mut b = vec![
            Block::Heading("一、基本情况".into()),
            Block::Para(self.summary.clone()),
            Block::Heading("二、传播情况".into()),
            Block::Chart(Chart {
                id: "case-spread",
                title: format!("信息数量变化（共 {} 条）", self.items_total),
                unit: "条",
                points: self
                    .spread
                    .iter()
                    .map(|p| (p.label.clone(), p.items))
                    .collect(),
            }),
            Block::Subheading("（一）信息时间线".into()),
            Block::Table(Table {
                id: "case-timeline",
                head: vec![
                    "发现时间".into(),
                    "发布时间".into(),
                    "来源".into(),
                    "类型".into(),
                    "标题".into(),
                    "链接".into(),
                ],
                rows: self
                    .timeline
                    .iter()
                    .map(|i| {
                        vec![
                            view::bj_short(i.seen),
                            i.published
                                .map(view::bj_short)
                                .unwrap_or_else(|| "—".into()),
                            i.source.clone(),
                            i.kind_zh.clone(),
                            i.title.clone(),
                            i.url.clone().unwrap_or_else(|| "—".into()),
                        ]
                    })
                    .collect(),
                empty: "无信息。",
            }),
        ];
        if self.items_total > self.timeline.len() {
            b.push(Block::Para(format!(
                "（以上列出最早的 {} 条，共 {} 条。）",
                self.timeline.len(),
                self.items_total
            )));
        }
        b.push(Block::Heading("三、级别研判".into()));
        b.push(Block::Para(format!(
            "定为{}，类别：{}。",
            c.severity_zh,
            c.categories_joined()
        )));
        for r in &c.severity_reasons_zh {
            b.push(Block::Para(format!("依据：{r}")));
        }
        b.push(Block::Heading("四、回应时限".into()));
        b.push(Block::Table(Table {
            id: "case-deadlines",
            head: vec!["时限".into(), "截止时间".into(), "情况".into()],
            rows: self
                .deadlines
                .iter()
                .map(|d| vec![d.kind_zh.clone(), view::bj(d.due), d.state_zh.clone()])
                .collect(),
            empty: "无回应时限。",
        }));
        b.push(Block::Heading("五、处置与回应".into()));
        b.push(Block::Para(match &self.assignment {
            Some(a) => format!("交办：{a}。"),
            None => "尚未交办。".into(),
        }));
        b.push(Block::Para(match &self.response {
            Some(r) => format!(
                "回应：{}，于{}以“{}”方式回应{}。",
                view::bj(r.at),
                r.place,
                r.how,
                r.link
                    .as_deref()
                    .map(|l| format!("，链接：{l}"))
                    .unwrap_or_default()
            ),
            None => "尚未登记回应。".into(),
        }));
        b.push(Block::Heading("六、研判意见".into()));
        let notes: Vec<&NoteLine> = self.notes.iter().filter(|n| n.note.is_some()).collect();
        if notes.is_empty() {
            b.push(Block::Para("暂无分析员意见。".into()));
        }
        for n in notes {
            b.push(Block::Para(format!(
                "{}（{}，{}）：{}",
                n.actor,
                view::bj(n.at),
                n.action_zh,
                n.note.as_deref().unwrap_or_default()
            )));
        }
        Doc {
            kind: "舆情专报",
            office: self.office.clone(),
            dated: date_zh(beijing_date(self.written)),
            title: format!("关于“{}”的舆情专报", c.title),
            blocks: b,
        }
    }

    fn file_stem(&self) -> String {
        format!(
            "舆情专报_{}_{}",
            self.case.id,
            beijing_date(self.written).format("%Y-%m-%d")
        )
    }

    fn written(&self) -> DateTime<Utc> {
        self.written
    }
}

/// Cases first seen on one day.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct DayCount {
    /// The Beijing date, `2026-11-30`.
    pub day: String,
    /// Cases first seen that day.
    pub cases: u32,
}

/// The periodic circular (定期通报) of a range of Beijing dates.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Period {
    /// The office that files it.
    pub office: String,
    /// What it covers, in Chinese: `2026年11月`, `2026年第四季度`, or the
    /// two dates.
    pub span_zh: String,
    /// First day (Beijing), included.
    pub first_day: String,
    /// Last day (Beijing), included.
    pub last_day: String,
    /// When it was written; deadlines are judged then.
    pub written: DateTime<Utc>,
    /// The counts, exactly as `GET /stats?from=…&to=…` gives them.
    pub stats: Stats,
    /// Per department: handed over, on time, late, overdue, 办结率, median
    /// time to respond.
    pub departments: Vec<DepartmentFigures>,
    /// Cases responded after a due time (the basis of 通报批评).
    pub late: Vec<CaseLine>,
    /// Cases past a due time with no response (催办).
    pub overdue: Vec<CaseLine>,
    /// Cases first seen per day.
    pub per_day: Vec<DayCount>,
}

/// The periodic report of the Beijing dates `first..=last`, judged at
/// `now`.
pub fn period(
    store: &Store,
    office: &str,
    first: NaiveDate,
    last: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Period, ReportError> {
    if last < first {
        return Err(ReportError::Range("to is before from".into()));
    }
    if (last - first).num_days() >= MAX_PERIOD_DAYS {
        return Err(ReportError::Range(format!(
            "a periodic report covers at most {MAX_PERIOD_DAYS} days"
        )));
    }
    let from = day_start(first);
    let to = day_start(last) + Duration::days(1);
    let rows = store.case_rows(|r| r.first_seen >= from && r.first_seen < to);
    let stats = compute(rows.iter().map(|r| r.as_ref()), from, to, now);
    let departments = departments(rows.iter().map(|r| r.as_ref()), from, to, now);
    let mut by_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    let (mut late, mut overdue) = (Vec::new(), Vec::new());
    for r in &rows {
        *by_day.entry(beijing_date(r.first_seen)).or_default() += 1;
        match Timeliness::of(r, now) {
            Timeliness::Late => late.push(r.id),
            Timeliness::Overdue => overdue.push(r.id),
            _ => {}
        }
    }
    let lines = |ids: Vec<u64>| -> Result<Vec<CaseLine>, ReportError> {
        let mut cases = load(store, ids)?;
        cases.sort_by(|a, b| {
            (
                a.responsible_department().unwrap_or(UNROUTED),
                a.first_seen,
                a.id,
            )
                .cmp(&(
                    b.responsible_department().unwrap_or(UNROUTED),
                    b.first_seen,
                    b.id,
                ))
        });
        Ok(cases.iter().map(|c| CaseLine::of(c, now)).collect())
    };
    Ok(Period {
        office: office.to_string(),
        span_zh: span_zh(first, last),
        first_day: first.format("%Y-%m-%d").to_string(),
        last_day: last.format("%Y-%m-%d").to_string(),
        written: now,
        stats,
        departments,
        late: lines(late)?,
        overdue: lines(overdue)?,
        per_day: first
            .iter_days()
            .take_while(|d| *d <= last)
            .map(|d| DayCount {
                day: d.format("%Y-%m-%d").to_string(),
                cases: by_day.get(&d).copied().unwrap_or(0),
            })
            .collect(),
    })
}

/// `2026年11月` for a whole month, `2026年第四季度` for a quarter, else
/// `2026年11月1日至2026年11月15日`.
fn span_zh(first: NaiveDate, last: NaiveDate) -> String {
    let month_end = |d: NaiveDate| {
        let next = if d.month() == 12 {
            NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
        };
        next.and_then(|n| n.pred_opt())
    };
    if first.day() == 1 && first.year() == last.year() && Some(last) == month_end(last) {
        let months = last.month() - first.month() + 1;
        if months == 1 {
            return first.format("%Y年%-m月").to_string();
        }
        if months == 3 && first.month() % 3 == 1 {
            let q = ["一", "二", "三", "四"][(first.month() / 3) as usize];
            return format!("{}年第{q}季度", first.year());
        }
        if months == 12 {
            return format!("{}年", first.year());
        }
    }
    format!("{}至{}", date_zh(first), date_zh(last))
}

impl Report for Period {
    fn doc(&self) -> Doc {
        let s = &self.stats;
        let owed = s.cases - s.dismissed;
        let completed: u32 = self.departments.iter().map(|d| d.completed).sum();
        let mut b = vec![
            Block::Heading("一、总体情况".into()),
            Block::Para(format!(
                "{}，共发现舆情 {} 件，其中排除误报 {} 件、需回应 {} 件；已办结 {} 件，办结率 {}；超时回应 {} 件，逾期未回应 {} 件。",
                self.span_zh,
                s.cases,
                s.dismissed,
                owed,
                completed,
                percent((owed > 0).then(|| f64::from(completed) / f64::from(owed))),
                self.late.len(),
                self.overdue.len()
            )),
            Block::Chart(Chart {
                id: "period-per-day",
                title: "每日新增舆情".into(),
                unit: "件",
                points: self
                    .per_day
                    .iter()
                    .map(|d| (d.day.get(5..).unwrap_or(&d.day).to_string(), d.cases))
                    .collect(),
            }),
            Block::Heading("二、分类情况".into()),
            count_table("period-counts", s),
            Block::Heading("三、各单位回应情况".into()),
            Block::Table(Table {
                id: "period-departments",
                head: [
                    "责任单位",
                    "涉及",
                    "交办",
                    "按时回应",
                    "超时回应",
                    "逾期未回应",
                    "办理中",
                    "办结",
                    "办结率",
                    "回应用时中位数",
                ]
                .iter()
                .map(|h| h.to_string())
                .collect(),
                rows: self
                    .departments
                    .iter()
                    .map(|d| {
                        vec![
                            if d.department == UNROUTED {
                                "（未指定）".into()
                            } else {
                                d.department.clone()
                            },
                            d.cases.to_string(),
                            d.handed_over.to_string(),
                            d.on_time.to_string(),
                            d.late.to_string(),
                            d.overdue.to_string(),
                            d.pending.to_string(),
                            d.completed.to_string(),
                            percent(d.completion_rate),
                            minutes_zh(d.median_response_minutes),
                        ]
                    })
                    .collect(),
                empty: "本期无舆情。",
            }),
            Block::Heading("四、超时及逾期情况".into()),
            Block::Subheading("（一）超时回应".into()),
            case_table("period-late", &self.late, "本期无超时回应的舆情。", false),
            Block::Subheading("（二）逾期未回应".into()),
            case_table(
                "period-overdue",
                &self.overdue,
                "本期无逾期未回应的舆情。",
                false,
            ),
        ];
        if !s.on_time.is_empty() {
            b.push(Block::Heading("五、各类时限完成情况".into()));
            b.push(Block::Table(Table {
                id: "period-on-time",
                head: vec![
                    "时限".into(),
                    "按时".into(),
                    "超时".into(),
                    "未到期".into(),
                    "按时率".into(),
                ],
                rows: ["info", "presser", "respond", "assignment"]
                    .iter()
                    .filter_map(|k| s.on_time.get(*k).map(|o| (k, o)))
                    .map(|(k, o)| {
                        vec![
                            view::deadline_label(k).to_string(),
                            o.on_time.to_string(),
                            o.late.to_string(),
                            o.pending.to_string(),
                            percent(o.rate),
                        ]
                    })
                    .collect(),
                empty: "",
            }));
        }
        Doc {
            kind: "舆情通报",
            office: self.office.clone(),
            dated: date_zh(beijing_date(self.written)),
            title: format!("关于{}政务舆情回应情况的通报", self.span_zh),
            blocks: b,
        }
    }

    fn file_stem(&self) -> String {
        format!("舆情通报_{}至{}", self.first_day, self.last_day)
    }

    fn written(&self) -> DateTime<Utc> {
        self.written
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn spans_are_named_as_offices_name_them() {
        assert_eq!(span_zh(d(2026, 11, 1), d(2026, 11, 30)), "2026年11月");
        assert_eq!(span_zh(d(2026, 10, 1), d(2026, 12, 31)), "2026年第四季度");
        assert_eq!(span_zh(d(2026, 1, 1), d(2026, 12, 31)), "2026年");
        assert_eq!(
            span_zh(d(2026, 11, 3), d(2026, 11, 9)),
            "2026年11月3日至2026年11月9日"
        );
    }

    #[test]
    fn spread_counts_every_hour_including_quiet_ones() {
        let t = day_start(d(2026, 11, 30)) + Duration::hours(9);
        let s = spread([t, t + Duration::minutes(5), t + Duration::hours(2)].into_iter());
        let got: Vec<(String, u32)> = s.into_iter().map(|p| (p.label, p.items)).collect();
        assert_eq!(
            got,
            vec![
                ("11-30 09时".to_string(), 2),
                ("11-30 10时".to_string(), 0),
                ("11-30 11时".to_string(), 1)
            ]
        );
    }
}
