//! The shipped systemd unit, checked by systemd itself where it is
//! installed (`systemd-analyze verify`): a key in the wrong section is
//! silently ignored by systemd, so only this check finds it.

mod common;

use std::process::Command;

#[test]
fn systemd_unit_verifies_without_ignored_keys() {
    let Ok(probe) = Command::new("systemd-analyze").arg("--version").output() else {
        eprintln!("note: systemd-analyze is not installed; the unit is not verified here");
        return;
    };
    if !probe.status.success() {
        eprintln!("note: systemd-analyze does not run here; the unit is not verified");
        return;
    }
    let unit = std::fs::read_to_string(common::root().join("deploy/yuqing.service")).unwrap();
    // The binary is not installed here: verify checks that ExecStart exists.
    let unit = unit.replace("/usr/local/bin/yuqing", "/bin/true");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("yuqing.service");
    std::fs::write(&path, unit).unwrap();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let problems: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("yuqing.service"))
        .collect();
    assert!(problems.is_empty(), "systemd-analyze verify: {said}");
}
