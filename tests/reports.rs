//! The reports (issue 15) over a real sled store holding known cases: a
//! day (2026-11-30, Beijing time) with a case of every severity, an
//! overdue one, an escalated one and a closed one; a month (November 2026)
//! with one department on time and one late. The .docx files are unzipped
//! and their `word/document.xml` read; the counts are checked against
//! `GET /api/v1/stats` through the whole daemon; the CLI runs as a process.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::Value;
use yuqing::cases::Action;
use yuqing::pipeline::{NewItem, Pipeline};
use yuqing::reports::{Ask, Format, gather};
use yuqing::store::Store;

const OFFICE: &str = "南通市人民政府办公室";
const VIEWER: &str = "dev-viewer-token-0001";

/// Beijing time `2026-11-30 09:00` in UTC.
fn bj(s: &str) -> DateTime<Utc> {
    yuqing::time::parse_time(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn item(source: &str, title: &str, text: &str) -> NewItem {
    serde_json::from_value(serde_json::json!({
        "source": source, "title": title, "text": text,
    }))
    .unwrap()
}

/// The case ids of the known store.
#[derive(Debug, Clone, Copy)]
struct Known {
    on_time: u64,
    late: u64,
    old: u64,
    escalated: u64,
    grave: u64,
    local: u64,
}

/// Builds the store in `dir/store`, each write at its own (Beijing) time,
/// in time order as the daemon writes.
fn build(dir: &Path) -> Known {
    let store = Store::open(&dir.join("store")).unwrap();
    let p = Pipeline::new(common::shipped_classifier(), store, bj("2026-11-01")).unwrap();
    let ingest = |it: NewItem, at: &str| p.ingest(it, bj(at)).unwrap().case_id.unwrap();
    let act = |id: u64, a: Action, note: Option<&str>, at: &str| {
        p.act(id, a, "值班分析员", note.map(str::to_string), bj(at))
            .unwrap();
    };
    let assign = |dept: &str| Action::Assign {
        department: dept.into(),
        assignee: None,
        due: None,
    };
    let respond = || Action::Respond {
        place: "如皋发布".into(),
        how: "发布情况通报".into(),
        link: Some("https://example.gov.cn/tb".into()),
    };

    // November: 如皋市教育局 answers within 2 hours, 市人社局 after 3 days.
    let on_time = ingest(
        item(
            "公开信箱",
            "如皋某小学食堂饭菜变质",
            "如皋市一小学食堂饭菜变质，家长反映孩子吃了拉肚子。",
        ),
        "2026-11-03 10:00",
    );
    act(
        on_time,
        Action::Confirm,
        Some("经核实属实"),
        "2026-11-03 10:10",
    );
    act(on_time, assign("如皋市教育局"), None, "2026-11-03 10:20");
    act(on_time, respond(), None, "2026-11-03 12:00");
    act(on_time, Action::Close, None, "2026-11-03 13:00");
    let late = ingest(
        item(
            "本地论坛",
            "港闸某工地拖欠农民工工资",
            "港闸区某工地拖欠农民工工资三个月，工人讨薪无门。",
        ),
        "2026-11-05 10:00",
    );
    act(late, Action::Confirm, None, "2026-11-05 10:10");
    act(late, assign("市人社局"), None, "2026-11-05 10:20");
    act(late, respond(), None, "2026-11-08 10:00");

    // Overdue by the end of the day: due 11-30 10:00, never answered.
    let old = ingest(
        item(
            "12345热线",
            "海安某小区开发商延期交房",
            "海安市某小区业主反映开发商延期交房，多次投诉无果。",
        ),
        "2026-11-28 10:00",
    );
    // Opened the day before as III, raised to II on the day.
    let escalated = ingest(
        item(
            "南通发布微博",
            "通州金沙镇烟花厂爆炸",
            "通州区金沙镇一家烟花厂发生爆炸，已造成3人死亡。",
        ),
        "2026-11-29 15:00",
    );

    // The day: one case of each severity.
    let grave = ingest(
        item(
            "政务大厅",
            "海门化工厂爆炸",
            "海门区一化工厂发生爆炸，事故已造成32人死亡，多人受伤。",
        ),
        "2026-11-30 09:00",
    );
    ingest(
        item(
            "网友转发",
            "如东化工园区车间爆炸",
            "如东县洋口化工园区一企业车间发生爆炸，事故共造成12人死亡。",
        ),
        "2026-11-30 09:30",
    );
    ingest(
        item(
            "本地论坛",
            "启东工地脚手架坍塌",
            "启东市某建筑工地脚手架坍塌，造成3人死亡。",
        ),
        "2026-11-30 10:00",
    );
    let local = ingest(
        item(
            "公开信箱",
            "崇川北苑小区停水两天",
            "崇川区北苑小区居民反映小区停水两天了，物业电话打不通。",
        ),
        "2026-11-30 10:30",
    );
    let again = ingest(
        item(
            "网友转发",
            "金沙镇烟花厂爆炸死亡人数上升",
            "通州区金沙镇烟花厂爆炸事故死亡人数升至11人。",
        ),
        "2026-11-30 11:00",
    );
    assert_eq!(again, escalated, "the update joins its case");
    act(local, Action::Confirm, None, "2026-11-30 11:10");
    act(local, assign("崇川区住建局"), None, "2026-11-30 11:20");
    act(local, respond(), None, "2026-11-30 14:00");
    act(local, Action::Close, Some("已恢复供水"), "2026-11-30 15:00");
    p.store().flush().unwrap();
    Known {
        on_time,
        late,
        old,
        escalated,
        grave,
        local,
    }
}

/// The files of a ZIP archive, read from its central directory (written
/// here, apart from the program's writer, so a fault there shows).
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    let eocd = (0..=bytes.len() - 22)
        .rev()
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .expect("an end of central directory record");
    let (count, mut at) = (u16_at(eocd + 10), u32_at(eocd + 16));
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(&bytes[at..at + 4], &[0x50, 0x4b, 0x01, 0x02]);
        let method = u16_at(at + 10);
        let packed = u32_at(at + 20);
        let (name_len, extra, comment) = (u16_at(at + 28), u16_at(at + 30), u16_at(at + 32));
        let local = u32_at(at + 42);
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let data_at = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let data = &bytes[data_at..data_at + packed];
        let mut text = String::new();
        assert_eq!(method, 8, "{name} is deflated");
        flate2::read::DeflateDecoder::new(data)
            .read_to_string(&mut text)
            .unwrap();
        out.push((name, text));
        at += 46 + name_len + extra + comment;
    }
    out
}

fn document_xml(docx: &[u8]) -> String {
    let files = unzip(docx);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/footer1.xml",
    ] {
        assert!(names.contains(&part), "{part} missing: {names:?}");
    }
    let part = |n: &str| files.iter().find(|(name, _)| name == n).unwrap().1.clone();
    let styles = part("word/styles.xml");
    assert!(
        styles.contains("仿宋_GB2312") && styles.contains("黑体"),
        "{styles}"
    );
    let footer = part("word/footer1.xml");
    assert!(footer.contains(" PAGE "), "a page number field: {footer}");
    let doc = part("word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert_eq!(
        doc.matches("<w:tbl>").count(),
        doc.matches("<w:tblGrid>").count(),
        "every table declares its grid"
    );
    doc
}

/// The text of a document.xml, runs joined (what Word shows, roughly).
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    for part in xml.split("<w:t xml:space=\"preserve\">").skip(1) {
        out.push_str(part.split("</w:t>").next().unwrap_or_default());
        out.push('|');
    }
    out
}

/// Every table of a report has as many cells in each row as headings.
fn tables_are_square(g: &yuqing::reports::Gathered) {
    for b in g.doc().blocks {
        if let yuqing::reports::doc::Block::Table(t) = b {
            for row in &t.rows {
                assert_eq!(row.len(), t.head.len(), "{}: {row:?}", t.id);
            }
        }
    }
}

fn now() -> DateTime<Utc> {
    bj("2026-12-02 09:00")
}

#[test]
fn the_daily_log_lists_every_severity_escalation_closure_and_overdue_case() {
    let dir = tempfile::tempdir().unwrap();
    let k = build(dir.path());
    let store = Store::open(&dir.path().join("store")).unwrap();
    let g = gather(&store, OFFICE, Ask::Day(day("2026-11-30")), now()).unwrap();
    tables_are_square(&g);
    let json: Value = serde_json::from_slice(&g.render(Format::Json).unwrap().bytes).unwrap();
    assert_eq!(json["stats"]["cases"], 4, "{json:#}");
    for s in ["I", "II", "III", "IV"] {
        assert_eq!(json["stats"]["by_severity"][s], 1, "{s}: {json:#}");
    }
    let ids = |key: &str| -> Vec<u64> {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(ids("new_cases")[0], k.grave, "gravest first");
    assert_eq!(ids("escalated"), vec![k.escalated]);
    assert_eq!(ids("closed"), vec![k.local]);
    assert!(ids("overdue").contains(&k.old), "{json:#}");
    assert!(!ids("overdue").contains(&k.local));
    assert_eq!(json["escalated"][0]["severity"], "II");

    let r = g.render(Format::Docx).unwrap();
    assert_eq!(r.file_name, "舆情日志_2026-11-30.docx");
    let xml = document_xml(&r.bytes);
    let text = text_of(&xml);
    for want in [
        "舆情日志",
        OFFICE,
        "一、总体情况",
        "二、新增舆情",
        "三、级别上调",
        "四、办结情况",
        "五、逾期催办",
        "2026年11月30日，共发现新增舆情 4 件",
        "海门化工厂爆炸",
        "如东化工园区车间爆炸",
        "启东工地脚手架坍塌",
        "崇川北苑小区停水两天",
        "通州金沙镇烟花厂爆炸",
        "海安某小区开发商延期交房",
        "Ⅰ级 特别重大",
        "级别上调 III → II",
    ] {
        assert!(text.contains(want), "{want} not in the log: {text}");
    }
    // Headings carry the heading styles Word's navigation pane reads.
    assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr></w:rPr><w:t xml:space="preserve">一、总体情况"#));

    // A shift of the same day holds only what fell in it.
    let shift = gather(
        &store,
        OFFICE,
        Ask::Shift(bj("2026-11-30 08:00"), bj("2026-11-30 09:45")),
        now(),
    )
    .unwrap();
    let j: Value = serde_json::from_slice(&shift.render(Format::Json).unwrap().bytes).unwrap();
    assert_eq!(j["stats"]["cases"], 2, "{j:#}");
    assert!(j["span_zh"].as_str().unwrap().contains("08:00至09:45"));
}

#[test]
fn the_periodic_report_gives_each_department_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let k = build(dir.path());
    let store = Store::open(&dir.path().join("store")).unwrap();
    let g = gather(
        &store,
        OFFICE,
        Ask::Period(day("2026-11-01"), day("2026-11-30")),
        now(),
    )
    .unwrap();
    tables_are_square(&g);
    let json: Value = serde_json::from_slice(&g.render(Format::Json).unwrap().bytes).unwrap();
    assert_eq!(json["span_zh"], "2026年11月");
    let dept = |name: &str| {
        json["departments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["department"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}: {json:#}"))
    };
    let edu = dept("如皋市教育局");
    assert_eq!(
        (
            &edu["handed_over"],
            &edu["on_time"],
            &edu["late"],
            &edu["completed"]
        ),
        (&1.into(), &1.into(), &0.into(), &1.into())
    );
    assert_eq!(edu["completion_rate"], 1.0);
    // From the hand-over at 10:20 to the response at 12:00.
    assert_eq!(edu["median_response_minutes"], 100);
    let hr = dept("市人社局");
    assert_eq!((&hr["on_time"], &hr["late"]), (&0.into(), &1.into()));
    assert_eq!(hr["median_response_minutes"], 72 * 60 - 20);
    let late: Vec<u64> = json["late"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert_eq!(late, vec![k.late]);
    assert!(
        json["overdue"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == k.old)
    );
    assert_eq!(json["per_day"].as_array().unwrap().len(), 30);
    assert_eq!(json["per_day"][29]["cases"], 4);
    assert_eq!(json["stats"]["cases"], 8, "{json:#}");

    let r = g.render(Format::Docx).unwrap();
    assert_eq!(r.file_name, "舆情通报_2026-11-01至2026-11-30.docx");
    let text = text_of(&document_xml(&r.bytes));
    for want in [
        "舆情通报",
        "关于2026年11月政务舆情回应情况的通报",
        "三、各单位回应情况",
        "办结率",
        "如皋市教育局",
        "市人社局",
        "港闸某工地拖欠农民工工资",
        "100%",
        "1小时40分",
        "每日新增舆情",
    ] {
        assert!(text.contains(want), "{want} not in the circular: {text}");
    }
    assert!(
        json["late"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != k.on_time)
    );
}

#[test]
fn the_special_report_tells_a_case_from_first_post_to_response() {
    let dir = tempfile::tempdir().unwrap();
    let k = build(dir.path());
    let store = Store::open(&dir.path().join("store")).unwrap();
    let g = gather(&store, OFFICE, Ask::Case(k.local), now()).unwrap();
    tables_are_square(&g);
    let json: Value = serde_json::from_slice(&g.render(Format::Json).unwrap().bytes).unwrap();
    assert_eq!(json["case"]["status"], "closed");
    assert_eq!(json["response"]["where"], "如皋发布");
    assert_eq!(json["deadlines"][0]["state_zh"], "按时回应");
    assert!(
        json["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["note"] == "已恢复供水")
    );
    let text = text_of(&document_xml(&g.render(Format::Docx).unwrap().bytes));
    for want in [
        "舆情专报",
        "关于“崇川北苑小区停水两天”的舆情专报",
        "一、基本情况",
        "二、传播情况",
        "四、回应时限",
        "按时回应",
        "https://example.gov.cn/tb",
        "已恢复供水",
    ] {
        assert!(text.contains(want), "{want} not in the report: {text}");
    }
    // The escalated case's spread runs hour by hour over its two days.
    let g = gather(&store, OFFICE, Ask::Case(k.escalated), now()).unwrap();
    let json: Value = serde_json::from_slice(&g.render(Format::Json).unwrap().bytes).unwrap();
    let spread = json["spread"].as_array().unwrap();
    assert_eq!(spread.first().unwrap()["label"], "11-29 15时");
    assert_eq!(spread.last().unwrap()["label"], "11-30 11时");
    let html = String::from_utf8(g.render(Format::Html).unwrap().bytes).unwrap();
    assert!(
        html.contains("<svg") && html.contains("class=\"bar\""),
        "{html}"
    );
    assert!(!html.contains("<script"), "a printable page runs nothing");
    assert!(matches!(
        gather(&store, OFFICE, Ask::Case(9999), now()),
        Err(yuqing::reports::ReportError::NoCase(9999))
    ));
}

#[test]
fn the_scheduled_log_is_written_once_atomically_and_announced() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let store = Store::open(&dir.path().join("store")).unwrap();
    let mut alerts = yuqing::alerts::AlertsConfig::default();
    alerts.webhooks.push(common::webhook(
        "值班群",
        yuqing::alerts::WebhookKind::Wecom,
        "http://127.0.0.1:9/send".into(),
    ));
    let log = yuqing::reports::schedule::DailyLog {
        schedule: yuqing::sources::schedule::parse_crontab("0 8 * * *").unwrap(),
        dir: dir.path().join("reports"),
        office: OFFICE.into(),
        store: store.clone(),
        alerts,
        public_url: "https://yuqing.example.gov.cn".into(),
    };
    let path = log
        .write_and_announce(day("2026-11-30"), now())
        .unwrap()
        .expect("written");
    assert_eq!(path, dir.path().join("reports/舆情日志_2026-11-30.docx"));
    let first = std::fs::read(&path).unwrap();
    assert!(document_xml(&first).contains("海门化工厂爆炸"));
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path().join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(leftovers, vec![path.clone()], "no temporary file is left");
    let queued = store.outbox().unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].event, "report:daily:2026-11-30");
    assert!(
        queued[0]
            .body
            .contains("https://yuqing.example.gov.cn/reports/daily?date=2026-11-30&format=docx"),
        "{}",
        queued[0].body
    );
    // A second run leaves the file and the webhooks alone.
    assert!(
        log.write_and_announce(day("2026-11-30"), now() + Duration::hours(1))
            .unwrap()
            .is_none()
    );
    assert_eq!(std::fs::read(&path).unwrap(), first);
    assert_eq!(store.outbox().unwrap().len(), 1);
}

/// The config the daemon and the CLI run with: the bundled one over the
/// temp store.
fn config_in(dir: &Path) -> yuqing::config::Config {
    let mut config =
        yuqing::config::Config::load(&common::root().join("config/yuqing.toml")).unwrap();
    config.store = dir.join("store");
    config.reports.office = OFFICE.into();
    // No sources: the bundled inbox would ingest the sample items, dated
    // now, into the cases these tests count (a sample about the 如东
    // explosion joins the test's case and routes it), and its paths are the
    // checkout's, shared with every other run.
    config.sources.clear();
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_serves_each_report_and_its_counts_are_the_stats_counts() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().to_path_buf();
    let k = tokio::task::spawn_blocking(move || build(&dir_path))
        .await
        .unwrap();
    let daemon = common::start_config(config_in(dir.path()), None).await;
    let http = reqwest::Client::new();
    let get = |path: String, token: Option<&'static str>| {
        let mut r = http.get(format!("{}/api/v1{path}", daemon.base));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    let json = |path: &'static str| {
        let f = get(path.to_string(), Some(VIEWER));
        async move {
            let r = f.await.unwrap();
            assert_eq!(r.status(), 200, "{path}");
            r.json::<Value>().await.unwrap()
        }
    };

    // One source of truth: the reports' counts are GET /stats's.
    let daily = json("/reports/daily?date=2026-11-30&format=json").await;
    let stats = json("/stats?from=2026-11-30&to=2026-12-01").await;
    assert_eq!(daily["stats"], stats, "daily log vs /stats");
    assert_eq!(stats["cases"], 4);
    let period = json("/reports/period?from=2026-11-01&to=2026-11-30&format=json").await;
    let stats = json("/stats?from=2026-11-01&to=2026-12-01").await;
    assert_eq!(period["stats"], stats, "circular vs /stats");

    let r = get("/reports/daily?date=2026-11-30".into(), Some(VIEWER))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let cd = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cd.starts_with("attachment;")
            && cd.contains("filename*=UTF-8''%E8%88%86%E6%83%85%E6%97%A5%E5%BF%97_2026-11-30.docx"),
        "{cd}"
    );
    assert!(text_of(&document_xml(&r.bytes().await.unwrap())).contains("海门化工厂爆炸"));

    let r = get(
        format!("/reports/cases/{}?format=html", k.grave),
        Some(VIEWER),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    let page = r.text().await.unwrap();
    assert!(
        page.contains("海门化工厂爆炸") && page.contains("@page"),
        "{page}"
    );

    for (path, status) in [
        ("/reports/cases/9999".to_string(), 404),
        ("/reports/daily?date=2026-13-01".into(), 400),
        ("/reports/daily?date=2026-11-30&from=2026-11-30".into(), 400),
        ("/reports/period?from=2026-11-30&to=2026-11-01".into(), 400),
        ("/reports/period?from=2024-01-01&to=2026-11-30".into(), 400),
        ("/reports/daily?format=pdf".into(), 400),
    ] {
        let r = get(path.clone(), Some(VIEWER)).await.unwrap();
        assert_eq!(r.status(), status, "{path}");
        let body: Value = r.json().await.unwrap();
        assert!(
            body["error"].is_string() && body["request_id"].is_string(),
            "{body}"
        );
    }
    let r = get("/reports/daily".into(), None).await.unwrap();
    assert_eq!(r.status(), 401);

    // The routes are in the OpenAPI document, with their file types.
    let doc = json("/openapi.json").await;
    let content = &doc["paths"]["/api/v1/reports/daily"]["get"]["responses"]["200"]["content"];
    for t in [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/html",
        "application/json",
    ] {
        assert!(content.get(t).is_some(), "{t}: {content}");
    }
    assert_eq!(
        doc["paths"]["/api/v1/reports/cases/{id}"]["get"]["x-role"],
        "viewer"
    );

    // The bundled config schedules the daily log: the run missed in the
    // last day is written at start, into `reports` beside the store.
    let reports = dir.path().join("reports");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let found = std::fs::read_dir(&reports)
            .map(|d| {
                d.filter_map(Result::ok)
                    .any(|e| e.file_name().to_string_lossy().ends_with(".docx"))
            })
            .unwrap_or(false);
        if found {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no scheduled log in {reports:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    daemon.stop.send(()).unwrap();
    daemon.task.await.unwrap().unwrap();
}

#[test]
fn the_cli_writes_reports_and_names_the_api_when_the_daemon_holds_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let k = build(dir.path());
    let config = dir.path().join("yuqing.toml");
    std::fs::write(
        &config,
        format!(
            "store = \"store\"\nkeywords = \"{}\"\n[reports]\noffice = \"{OFFICE}\"\n",
            common::root().join("keywords").display()
        ),
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(common::yuqing_bin())
            .arg("report")
            .args(args)
            .arg("-c")
            .arg(&config)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = run(&["daily", "--date", "2026-11-30", "-o", "日志.docx"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docx = std::fs::read(dir.path().join("日志.docx")).unwrap();
    assert!(text_of(&document_xml(&docx)).contains("海门化工厂爆炸"));

    let out = run(&["period", "--from", "2026-11-01", "--to", "2026-11-30"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        dir.path()
            .join("舆情通报_2026-11-01至2026-11-30.docx")
            .exists()
    );

    let id = k.escalated.to_string();
    let out = run(&["case", &id, "-o", "-", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["case"]["id"], k.escalated);

    // With the store held by another process (the daemon), a clear error
    // naming the API.
    let held = Store::open(&dir.path().join("store")).unwrap();
    let out = run(&["daily", "--date", "2026-11-30"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--api") && err.contains("/api/v1/reports"),
        "{err}"
    );
    drop(held);
}

/// The .docx files open in LibreOffice Writer (the nearest office suite to
/// WPS a machine can install), which converts each to a PDF; skipped with a
/// note where `soffice` is not installed (`apt-get install
/// libreoffice-writer-nogui`).
#[test]
fn the_docx_files_open_in_an_office_suite() {
    let soffice = std::env::var_os("YUQING_SOFFICE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("soffice"));
    if std::process::Command::new(&soffice)
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: soffice not found (apt-get install libreoffice-writer-nogui)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let k = build(dir.path());
    let store = Store::open(&dir.path().join("store")).unwrap();
    let mut files = Vec::new();
    for ask in [
        Ask::Day(day("2026-11-30")),
        Ask::Case(k.escalated),
        Ask::Period(day("2026-11-01"), day("2026-11-30")),
    ] {
        let r = gather(&store, OFFICE, ask, now())
            .unwrap()
            .render(Format::Docx)
            .unwrap();
        let path = dir.path().join(&r.file_name);
        std::fs::write(&path, &r.bytes).unwrap();
        files.push(path);
    }
    let out = std::process::Command::new(&soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&files)
        // A profile of its own: a user's running LibreOffice is left alone.
        .env("HOME", dir.path())
        .output()
        .unwrap();
    for f in &files {
        let pdf = f.with_extension("pdf");
        let len = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
        assert!(
            len > 5_000,
            "{} did not convert ({len} bytes): {}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
