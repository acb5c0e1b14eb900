//! Hostile and degenerate input: the classifier must answer, sanely and in
//! linear time, whatever it is given. (No timing asserts: a quadratic path
//! shows up as a test that does not finish.)

mod common;

use yuqing::classify::{Category, Document};

fn classify(text: &str) -> yuqing::classify::Classification {
    common::shipped_classifier().classify(&Document {
        text,
        ..Default::default()
    })
}

#[test]
fn long_text_without_punctuation_full_of_terms_and_numbers() {
    // Over the raw-hit buffer, one jieba block, a number every few characters.
    let text = "化工厂爆炸事故造成3人死亡".repeat(12_000);
    let got = classify(&text);
    assert_eq!(got.categories, vec![Category::Emergency]);
    assert!(got.severity.is_some());
}

#[test]
fn one_character_repeated_and_only_digits() {
    assert!(classify(&"火".repeat(300_000)).categories.is_empty());
    assert!(classify(&"9".repeat(300_000)).categories.is_empty());
    assert!(classify(&"一".repeat(300_000)).categories.is_empty());
}

#[test]
fn control_characters_private_use_and_lone_marks() {
    let text = "\u{0}\u{1}\u{E000}\u{FFFF}\u{10FFFF}\u{301}爆\u{200B}炸\u{FEFF}发生\u{202E}火灾";
    let got = classify(text);
    assert_eq!(got.categories, vec![Category::Emergency]);
}

#[test]
fn deeply_nested_and_broken_html() {
    let html = format!(
        "{}<p>居民楼发生火灾&amp;&#x706B;&#99999999;&bogus;</p>{}",
        "<div><span>".repeat(50_000),
        "</b>".repeat(1000)
    );
    let got = classify(&html);
    assert_eq!(got.categories, vec![Category::Emergency]);
}

#[test]
fn unbalanced_quotes_and_huge_numbers() {
    let text = "“网传爆炸死亡".to_string()
        + &"9".repeat(400)
        + "人系谣言，事故造成99999999999999999999人受伤”“";
    let got = classify(&text);
    assert_eq!(got.categories, vec![Category::Emergency]);
}
