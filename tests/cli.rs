//! The `yuqing` binary as a process: `classify` and `check`.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(common::yuqing_bin())
        .args(args)
        .current_dir(common::root())
        .env_remove("YUQING_KEYWORDS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn classify_answers_every_line_in_order_and_survives_bad_lines() {
    let mut input = Vec::new();
    input.extend_from_slice("{\"id\": 1, \"text\": \"化工厂爆炸，事故造成3人死亡\"}\n".as_bytes());
    input.extend_from_slice(b"this is not json\n");
    input.extend_from_slice("{\"id\": \"x\", \"source\": \"weibo\"}\n".as_bytes());
    input.extend_from_slice(b"\xff\xfe broken utf8\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice("{\"id\": [3], \"title\": \"今天天气很好\"}\r\n".as_bytes());
    input.extend_from_slice(
        "{\"id\": 4, \"text\": \"網傳延遲退休新規，官方闢謠：系誤讀\", \"authority\": \"central\"}"
            .as_bytes(),
    );
    let out = run(&["classify"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 6, "one line per non-blank input line");

    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["categories"], serde_json::json!(["emergency"]));
    assert_eq!(lines[0]["severity"], "III");
    assert!(
        lines[0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().contains("3人死亡"))
    );

    assert_eq!(lines[1]["line"], 2);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("not a JSON object")
    );
    assert_eq!(lines[2]["id"], "x");
    assert!(lines[2]["error"].as_str().unwrap().contains("neither"));
    assert_eq!(lines[3]["line"], 4);
    assert!(lines[3]["error"].as_str().unwrap().contains("UTF-8"));

    assert_eq!(lines[4]["id"], serde_json::json!([3]));
    assert_eq!(lines[4]["categories"], serde_json::json!([]));
    assert_eq!(lines[4]["severity"], serde_json::Value::Null);

    assert_eq!(lines[5]["categories"], serde_json::json!(["policy"]));
    assert_eq!(
        lines[5]["severity"], "II",
        "publication by a central medium is national exposure: II"
    );
}

#[test]
fn classify_reads_files_in_order_and_names_them_in_errors() {
    let tmp = tempdir();
    let dir = tmp.path();
    let a = dir.join("a.jsonl");
    let b = dir.join("b.jsonl");
    std::fs::write(&a, "{\"id\":\"a1\",\"text\":\"小区停水三天没人管\"}\n").unwrap();
    std::fs::write(&b, "oops\n").unwrap();
    let out = run(&["classify", a.to_str().unwrap(), b.to_str().unwrap()], b"");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a1");
    assert_eq!(lines[0]["categories"], serde_json::json!(["interest"]));
    assert_eq!(lines[1]["file"], b.to_str().unwrap());
    assert_eq!(lines[1]["line"], 1);
}

#[test]
fn classify_handles_many_lines_and_a_huge_line() {
    let mut input = String::new();
    for i in 0..2000 {
        input.push_str(&format!(
            "{{\"id\":{i},\"text\":\"第{i}条：居民楼发生火灾\"}}\n"
        ));
    }
    let out = run(&["classify"], input.as_bytes());
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2000);
    assert!(lines.iter().enumerate().all(|(i, l)| l["id"] == i));

    let big = format!(
        "{{\"text\":\"{}\"}}\n{{\"id\":\"after\",\"text\":\"火灾\"}}\n",
        "火".repeat(6 << 20)
    );
    let out = run(&["classify"], big.as_bytes());
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"].as_str().unwrap().contains("limit"));
    assert_eq!(lines[1]["id"], "after");
}

#[test]
fn check_summarizes_the_shipped_lists() {
    let out = run(&["check"], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    for kind in [
        "policy",
        "interest",
        "morality",
        "emergency",
        "directive",
        "regions",
        "severity",
        "rumor",
        "urgent",
        "abroad",
    ] {
        assert!(
            stdout.contains(&format!(": {kind} — ")),
            "summary lists {kind}:\n{stdout}"
        );
    }
    // One list per file: the ten kinds plus each category's everyday
    // tellings (`*-plain.txt`).
    let files = std::fs::read_dir(common::root().join("keywords"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert_eq!(files, 15);
    assert!(
        stdout.contains("model.tsv: model — "),
        "summary describes the learned model:\n{stdout}"
    );
    assert!(
        stdout
            .lines()
            .last()
            .unwrap()
            .starts_with(&format!("OK: {files} lists"))
    );
}

#[test]
fn check_reports_every_error_with_file_and_line_and_fails() {
    let tmp = tempdir();
    let dir = tmp.path();
    std::fs::write(dir.join("emergency.txt"), "爆炸\n火灾||起火\n").unwrap();
    std::fs::write(dir.join("severity.txt"), "特别重大\n").unwrap();
    std::fs::write(dir.join("notes.txt"), "随便写写\n").unwrap();
    std::fs::write(dir.join("README.md"), "not a list\n").unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["check", "--keywords", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let e = dir.join("emergency.txt").display().to_string();
    let s = dir.join("severity.txt").display().to_string();
    let n = dir.join("notes.txt").display().to_string();
    assert!(
        stdout.contains(&format!("{e}:2: error: empty term")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{s}:1: error: severity rule before any @level")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{n}: error: cannot tell which list")),
        "{stdout}"
    );
    assert!(stdout.contains("FAILED: 3 error(s)"), "{stdout}");

    // classify refuses to run on the same lists, with the same messages.
    let out = Command::new(common::yuqing_bin())
        .args(["classify", "--keywords", dir.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{e}:2: error: empty term")));
}

#[test]
fn missing_keyword_directory_is_a_clear_error() {
    let out = Command::new(common::yuqing_bin())
        .args(["check", "--keywords", "/nonexistent/yuqing-keywords"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("/nonexistent/yuqing-keywords: error: cannot read the keyword directory")
    );
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn ingest_export_import_round_trip() {
    let tmp = tempdir();
    let store = tmp.path().join("store");
    let inbox = common::root().join("inbox/samples.jsonl");
    let out = Command::new(common::yuqing_bin())
        .current_dir(common::root())
        .args([
            "ingest",
            "--store",
            store.to_str().unwrap(),
            inbox.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let n = std::fs::read_to_string(&inbox).unwrap().lines().count();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), n);
    assert!(lines.iter().filter(|l| l["new_case"] == true).count() >= 5);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{n} items")));

    let out = Command::new(common::yuqing_bin())
        .args(["export", "--store", store.to_str().unwrap(), "--cases"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let cases = json_lines(&out);
    assert!(
        cases
            .iter()
            .all(|c| c["type"] == "case" && c["schema"] == 1)
    );

    let dump = tmp.path().join("dump.jsonl");
    let out = Command::new(common::yuqing_bin())
        .args(["export", "--store", store.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::write(&dump, &out.stdout).unwrap();
    let restored = tmp.path().join("restored");
    let out = Command::new(common::yuqing_bin())
        .args([
            "import",
            "--store",
            restored.to_str().unwrap(),
            dump.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains(&format!("imported {} record(s)", cases.len() + n))
    );

    let out = Command::new(common::yuqing_bin())
        .args([
            "export",
            "--store",
            store.to_str().unwrap(),
            "--since",
            "yesterday",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a time"));
}

/// The files the shipped model (`keywords/model.tsv`) is trained on, in the
/// order its header names them (keywords/README.md gives the command).
const MODEL_TRAINING_FILES: &[&str] = &[
    "labelled.jsonl",
    "holdout.jsonl",
    "holdout2.jsonl",
    "holdout3.jsonl",
    "holdout4.jsonl",
    "holdout5.jsonl",
    "events2.jsonl",
    "train3.jsonl",
    "events5.jsonl",
    "events6.jsonl",
    "events7.jsonl",
    "events8.jsonl",
    "events10.jsonl",
    "events11.jsonl",
    "events12.jsonl",
    "events13.jsonl",
    "events14.jsonl",
    "events17.jsonl",
    "events18.jsonl",
    "events20.jsonl",
    "events21.jsonl",
    "events22.jsonl",
    "events24.jsonl",
    "events25.jsonl",
    "events26.jsonl",
    "events27.jsonl",
    "events30.jsonl",
    "events28.jsonl",
    "events29.jsonl",
    "events31.jsonl",
    "events32.jsonl",
    "events33.jsonl",
    "events34.jsonl",
    "events35.jsonl",
    "events36.jsonl",
    "events37.jsonl",
    "events38.jsonl",
    "events39.jsonl",
    "events40.jsonl",
    "events41.jsonl",
    "events42.jsonl",
    "events43.jsonl",
    "events44.jsonl",
    "events45.jsonl",
    "events46.jsonl",
    "events47.jsonl",
    "events48.jsonl",
    "events49.jsonl",
    "events50.jsonl",
    "events51.jsonl",
    "events52.jsonl",
    "events53.jsonl",
    "events54.jsonl",
    "events55.jsonl",
    "events56.jsonl",
    "events57.jsonl",
    "events58.jsonl",
    "events59.jsonl",
    "events60.jsonl",
    "events61.jsonl",
    "events62.jsonl",
    "events63.jsonl",
    "events64.jsonl",
    "events65.jsonl",
    "events66.jsonl",
    "events67.jsonl",
    "events68.jsonl",
    "events69.jsonl",
    "events70.jsonl",
    "events71.jsonl",
    "events72.jsonl",
    "events73.jsonl",
    "events74.jsonl",
    "events75.jsonl",
    "events76.jsonl",
    "events77.jsonl",
    "events78.jsonl",
    "events79.jsonl",
    "events80.jsonl",
    "events81.jsonl",
    "events82.jsonl",
    "events83.jsonl",
    "events84.jsonl",
    "events85.jsonl",
    "events86.jsonl",
    "events87.jsonl",
    "events88.jsonl",
    "events89.jsonl",
    "events90.jsonl",
    "events91.jsonl",
    "events92.jsonl",
    "events93.jsonl",
    "events94.jsonl",
    "events95.jsonl",
    "events96.jsonl",
    "events97.jsonl",
    "events98.jsonl",
    "events99.jsonl",
    "events100.jsonl",
    "events101.jsonl",
    "events102.jsonl",
    "events103.jsonl",
    "events104.jsonl",
    "events105.jsonl",
    "events106.jsonl",
    "events107.jsonl",
    "events108.jsonl",
    "events109.jsonl",
    "events110.jsonl",
    "events111.jsonl",
    "events112.jsonl",
    "events113.jsonl",
    "events114.jsonl",
    "events115.jsonl",
    "events116.jsonl",
    "events117.jsonl",
    "events118.jsonl",
    "events119.jsonl",
    "events120.jsonl",
    "events121.jsonl",
    "events122.jsonl",
    "events123.jsonl",
    "events124.jsonl",
    "events125.jsonl",
    "events126.jsonl",
    "events127.jsonl",
    "events128.jsonl",
    "events129.jsonl",
    "events130.jsonl",
    "events131.jsonl",
    "events132.jsonl",
    "events133.jsonl",
    "events134.jsonl",
    "events135.jsonl",
    "events136.jsonl",
    "events137.jsonl",
    "events138.jsonl",
    "events139.jsonl",
    "events140.jsonl",
    "events141.jsonl",
    "events142.jsonl",
    "events143.jsonl",
    "events144.jsonl",
    "events145.jsonl",
    "events146.jsonl",
    "events147.jsonl",
    "events148.jsonl",
    "events149.jsonl",
    "events150.jsonl",
    "events151.jsonl",
    "events152.jsonl",
    "events153.jsonl",
    "events154.jsonl",
    "events155.jsonl",
    "events156.jsonl",
    "events157.jsonl",
    "events158.jsonl",
    "events159.jsonl",
    "events160.jsonl",
    "events161.jsonl",
    "events162.jsonl",
    "events163.jsonl",
    "events164.jsonl",
    "events165.jsonl",
    "events166.jsonl",
    "events167.jsonl",
    "events168.jsonl",
    "events169.jsonl",
    "events170.jsonl",
    "events171.jsonl",
    "events172.jsonl",
    "events173.jsonl",
    "events174.jsonl",
    "events175.jsonl",
    "events176.jsonl",
    "events177.jsonl",
    "events178.jsonl",
    "events179.jsonl",
    "events180.jsonl",
    "events181.jsonl",
    "events182.jsonl",
    "events183.jsonl",
    "events184.jsonl",
    "events185.jsonl",
    "events186.jsonl",
    "events187.jsonl",
    "events188.jsonl",
    "events189.jsonl",
    "events190.jsonl",
    "events191.jsonl",
    "events192.jsonl",
    "events193.jsonl",
    "events194.jsonl",
    "events195.jsonl",
    "events196.jsonl",
    "events197.jsonl",
    "events198.jsonl",
    "events199.jsonl",
    "events200.jsonl",
    "events201.jsonl",
    "events202.jsonl",
    "events203.jsonl",
    "events204.jsonl",
    "events205.jsonl",
    "events206.jsonl",
    "events207.jsonl",
    "events208.jsonl",
    "events209.jsonl",
    "events210.jsonl",
    "events211.jsonl",
    "events212.jsonl",
    "events213.jsonl",
    "events214.jsonl",
    "events215.jsonl",
    "events216.jsonl",
    "events217.jsonl",
    "events218.jsonl",
    "events219.jsonl",
    "events220.jsonl",
    "events221.jsonl",
    "events222.jsonl",
    "events223.jsonl",
    "events224.jsonl",
    "events225.jsonl",
    "events226.jsonl",
    "events227.jsonl",
    "events228.jsonl",
    "events229.jsonl",
    "events230.jsonl",
    "events231.jsonl",
    "events232.jsonl",
    "events233.jsonl",
    "events234.jsonl",
    "events235.jsonl",
    "events236.jsonl",
    "events237.jsonl",
    "events238.jsonl",
    "events239.jsonl",
    "events240.jsonl",
    "events241.jsonl",
    "events242.jsonl",
    "events243.jsonl",
    "events244.jsonl",
    "events245.jsonl",
    "events246.jsonl",
    "events247.jsonl",
    "events248.jsonl",
    "events249.jsonl",
    "events250.jsonl",
    "events251.jsonl",
    "events252.jsonl",
    "events253.jsonl",
    "events254.jsonl",
    "events255.jsonl",
    "events256.jsonl",
    "events257.jsonl",
    "events258.jsonl",
    "events259.jsonl",
    "events260.jsonl",
    "events261.jsonl",
    "events262.jsonl",
    "events263.jsonl",
    "events264.jsonl",
    "events265.jsonl",
    "events266.jsonl",
    "events267.jsonl",
    "events268.jsonl",
    "events269.jsonl",
    "events270.jsonl",
    "events271.jsonl",
    "events272.jsonl",
    "events273.jsonl",
    "events274.jsonl",
    "events275.jsonl",
    "events276.jsonl",
    "events277.jsonl",
    "events278.jsonl",
    "events279.jsonl",
    "events280.jsonl",
    "events281.jsonl",
    "events282.jsonl",
    "events283.jsonl",
    "events284.jsonl",
    "events285.jsonl",
    "events286.jsonl",
    "events287.jsonl",
    "events288.jsonl",
    "events289.jsonl",
    "events290.jsonl",
    "events291.jsonl",
    "events292.jsonl",
    "events293.jsonl",
    "events294.jsonl",
    "events295.jsonl",
    "events296.jsonl",
    "events297.jsonl",
    "events298.jsonl",
    "events299.jsonl",
    "events300.jsonl",
    "events301.jsonl",
    "events302.jsonl",
    "events303.jsonl",
    "events304.jsonl",
    "events305.jsonl",
    "events306.jsonl",
    "events307.jsonl",
    "events308.jsonl",
    "events309.jsonl",
    "events310.jsonl",
    "events311.jsonl",
    "events312.jsonl",
    "events313.jsonl",
    "events314.jsonl",
    "events315.jsonl",
    "events316.jsonl",
    "events317.jsonl",
    "events318.jsonl",
    "events319.jsonl",
    "events320.jsonl",
    "events321.jsonl",
    "events322.jsonl",
    "events323.jsonl",
    "events324.jsonl",
    "events325.jsonl",
    "events326.jsonl",
    "events327.jsonl",
    "events328.jsonl",
    "events329.jsonl",
    "events330.jsonl",
    "events331.jsonl",
    "events332.jsonl",
    "events333.jsonl",
    "events334.jsonl",
    "events335.jsonl",
    "events336.jsonl",
    "events337.jsonl",
    "events338.jsonl",
    "events339.jsonl",
    "events340.jsonl",
    "events341.jsonl",
    "events342.jsonl",
    "events343.jsonl",
    "events344.jsonl",
    "events345.jsonl",
    "events346.jsonl",
    "events347.jsonl",
    "events348.jsonl",
    "events349.jsonl",
    "events350.jsonl",
    "events351.jsonl",
    "events352.jsonl",
    "events353.jsonl",
    "events354.jsonl",
    "events355.jsonl",
    "events356.jsonl",
    "events357.jsonl",
    "events358.jsonl",
    "events359.jsonl",
    "events360.jsonl",
    "events361.jsonl",
    "events362.jsonl",
    "events363.jsonl",
    "events364.jsonl",
    "events365.jsonl",
    "events366.jsonl",
    "events367.jsonl",
    "events368.jsonl",
    "events369.jsonl",
    "events370.jsonl",
    "events371.jsonl",
    "events372.jsonl",
    "events373.jsonl",
    "events374.jsonl",
    "events375.jsonl",
    "events376.jsonl",
    "events377.jsonl",
    "events378.jsonl",
    "events379.jsonl",
    "events380.jsonl",
    "events381.jsonl",
    "events382.jsonl",
    "events383.jsonl",
    "events384.jsonl",
    "events385.jsonl",
    "events386.jsonl",
    "events387.jsonl",
    "events388.jsonl",
    "events389.jsonl",
    "events390.jsonl",
    "events391.jsonl",
    "events392.jsonl",
    "events393.jsonl",
    "events394.jsonl",
    "events395.jsonl",
    "events396.jsonl",
    "events397.jsonl",
    "events398.jsonl",
    "events399.jsonl",
    "events400.jsonl",
    "events401.jsonl",
    "events402.jsonl",
    "events403.jsonl",
    "events404.jsonl",
    "events405.jsonl",
    "events406.jsonl",
    "events407.jsonl",
    "events408.jsonl",
    "events409.jsonl",
    "events410.jsonl",
    "events411.jsonl",
    "events412.jsonl",
    "events413.jsonl",
    "events414.jsonl",
    "events415.jsonl",
    "events416.jsonl",
    "events417.jsonl",
    "events418.jsonl",
    "events419.jsonl",
    "events420.jsonl",
    "events421.jsonl",
    "events422.jsonl",
    "events423.jsonl",
    "events424.jsonl",
    "events425.jsonl",
    "events426.jsonl",
    "events427.jsonl",
    "events428.jsonl",
    "events429.jsonl",
    "events430.jsonl",
    "events431.jsonl",
    "events432.jsonl",
    "events433.jsonl",
    "events434.jsonl",
    "events435.jsonl",
    "events436.jsonl",
];

/// Weights of a model file by term (and `@bias`), for comparing two files.
fn model_weights(text: &str) -> std::collections::HashMap<String, Vec<f64>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("@keep") && !l.starts_with("@add"))
        .filter(|l| !l.starts_with("@window") && !l.starts_with("@columns"))
        .filter_map(|l| {
            let mut fields = l.split('\t');
            let term = fields.next()?.to_string();
            Some((term, fields.map(|f| f.parse().unwrap()).collect()))
        })
        .collect()
}

#[test]
fn model_train_reproduces_the_shipped_model_from_the_fixtures() {
    let tmp = tempdir();
    let out_path = tmp.path().join("model.tsv");
    let fixtures = common::root().join("tests/fixtures");
    let out = Command::new(common::yuqing_bin())
        .args([
            "model",
            "train",
            "--c",
            "16",
            "--min-count",
            "6",
            "-o",
            out_path.to_str().unwrap(),
        ])
        .args(MODEL_TRAINING_FILES.iter().map(|f| fixtures.join(f)))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("n-grams weighed, trained on"), "{stderr}");
    let trained = std::fs::read_to_string(&out_path).unwrap();
    let shipped = std::fs::read_to_string(common::root().join("keywords/model.tsv")).unwrap();
    assert_eq!(
        trained
            .lines()
            .take_while(|l| l.starts_with('#'))
            .collect::<Vec<_>>(),
        shipped
            .lines()
            .take_while(|l| l.starts_with('#'))
            .collect::<Vec<_>>(),
        "the shipped model was trained on other files or settings; retrain it (keywords/README.md)"
    );
    let (a, b) = (model_weights(&trained), model_weights(&shipped));
    // Weights agree to rounding; a term at the pruning edge may be in one
    // file only, with a weight near zero.
    for term in a.keys().chain(b.keys()) {
        let zero = vec![0.0; 5];
        let (x, y) = (a.get(term).unwrap_or(&zero), b.get(term).unwrap_or(&zero));
        for (x, y) in x.iter().zip(y) {
            assert!((x - y).abs() < 0.01, "{term}: trained {x}, shipped {y}");
        }
    }
}

#[test]
fn a_trained_model_loads_when_a_phrase_kept_a_traditional_character() {
    // OpenCC keeps 乾 in 乾隆 (清乾隆年间), so the text holds the n-gram
    // 清乾; read back on its own it would be 清干, the n-gram of 清干净.
    let tmp = tempdir();
    let data = tmp.path().join("labelled.jsonl");
    let mut lines = String::new();
    for _ in 0..3 {
        lines.push_str(
            "{\"text\": \"清乾隆年间的古宅被开发商拆了\", \"categories\": [\"morality\"]}\n",
        );
        lines.push_str("{\"text\": \"河道垃圾一直没人清干净\", \"categories\": [\"interest\"]}\n");
        lines.push_str("{\"text\": \"今天天气晴朗\", \"categories\": []}\n");
    }
    std::fs::write(&data, lines).unwrap();
    let dir = tmp.path().join("keywords");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("emergency.txt"), "爆炸\n").unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["model", "train", "--min-count", "1", "-o"])
        .arg(dir.join("model.tsv"))
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let model = std::fs::read_to_string(dir.join("model.tsv")).unwrap();
    assert!(model.lines().any(|l| l.starts_with("清干\t")), "{model}");
    assert!(!model.lines().any(|l| l.starts_with("清乾\t")), "{model}");
    let out = Command::new(common::yuqing_bin())
        .args(["check", "--keywords", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
}

#[test]
fn model_train_names_the_bad_line_and_a_broken_model_fails_check() {
    let tmp = tempdir();
    let data = tmp.path().join("labelled.jsonl");
    std::fs::write(
        &data,
        "{\"text\": \"工厂爆炸\", \"categories\": [\"emergency\"]}\n{\"text\": \"一声巨响\", \"categories\": [\"accident\"]}\n",
    )
    .unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["model", "train", "-o"])
        .arg(tmp.path().join("model.tsv"))
        .arg(&data)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}:2: unknown category \"accident\"",
            data.display()
        )),
        "{stderr}"
    );
    assert!(!tmp.path().join("model.tsv").exists());

    // A model with a bad line stops `check` (and a reload) with file:line.
    let dir = tmp.path().join("keywords");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("emergency.txt"), "爆炸\n").unwrap();
    std::fs::write(
        dir.join("model.tsv"),
        "@columns\tpolicy\tinterest\tmorality\temergency\tdirective\n@bias\t0\t0\t0\t0\t0\n爆炸\t1\n",
    )
    .unwrap();
    let out = Command::new(common::yuqing_bin())
        .args(["check", "--keywords", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let m = dir.join("model.tsv").display().to_string();
    assert!(
        stdout.contains(&format!("{m}:3: error: expected a term and 5 numbers")),
        "{stdout}"
    );
}
