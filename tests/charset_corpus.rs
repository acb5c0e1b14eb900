//! The html5lib encoding-sniffing cases (`../shared/corpora/`) through the
//! WHATWG prescan: `<meta charset>` and `http-equiv` parsing must agree with
//! the spec's expected label. With no declaration the spec's answer is the
//! browser default (windows-1252), which our prescan reports as "none".

mod common;

use yuqing::fetch::charset::{label, prescan};

fn cases(text: &[u8]) -> Vec<(Vec<u8>, String)> {
    let mut out = Vec::new();
    let s = text;
    let mut i = 0;
    while let Some(start) = find(s, i, b"#data\n") {
        let data_start = start + 6;
        let Some(enc_at) = find(s, data_start, b"\n#encoding\n") else {
            break;
        };
        let data = s[data_start..enc_at].to_vec();
        let enc_start = enc_at + 11;
        let enc_end = find(s, enc_start, b"\n").unwrap_or(s.len());
        let enc = String::from_utf8_lossy(&s[enc_start..enc_end])
            .trim()
            .to_string();
        out.push((data, enc));
        i = enc_end;
    }
    out
}

fn find(s: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    s.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[test]
fn html5lib_prescan_cases_agree_with_the_spec() {
    let dir = common::root().join("../shared/corpora/html5lib-encoding-tests");
    let files = [
        "tests1.dat",
        "tests2.dat",
        "test-yahoo-jp.dat",
        "scripted/tests1.dat",
    ];
    let (mut total, mut passed) = (0, 0);
    let mut failures = Vec::new();
    for f in files {
        let Ok(bytes) = std::fs::read(dir.join(f)) else {
            eprintln!("note: {} not found; skipping", dir.join(f).display());
            return;
        };
        for (data, expected) in cases(&bytes) {
            total += 1;
            let want = label(&expected).map(|e| e.name());
            // A byte-order mark comes first, as in every sniffer.
            let got = encoding_rs::Encoding::for_bom(&data)
                .map(|(e, _)| e)
                .or_else(|| prescan(&data))
                .map_or("windows-1252", |e| e.name());
            if Some(got) == want {
                passed += 1;
            } else {
                failures.push(format!(
                    "{f}: expected {expected}, got {got}: {}",
                    String::from_utf8_lossy(&data)
                        .chars()
                        .take(120)
                        .collect::<String>()
                ));
            }
        }
    }
    eprintln!("html5lib prescan: {passed}/{total} agree");
    for f in &failures {
        eprintln!("  {f}");
    }
    assert!(total >= 80, "only {total} cases read");
    assert!(
        passed * 100 >= total * 95,
        "{passed}/{total}: {failures:#?}"
    );
}
