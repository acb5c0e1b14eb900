//! Prints what the generic article extractor reads from an HTML file:
//! `cargo run --example extract_page -- PAGE.html [LIST_DATE]`.

use yuqing::extract::article::{Hints, extract};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_page PAGE.html [LIST_DATE]");
        std::process::exit(2);
    };
    let list_date = args.next();
    let html = match std::fs::read(&path) {
        Ok(b) => yuqing::fetch::charset::decode(&b, None, None).text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let hints = Hints {
        list_title: None,
        list_date: list_date.as_deref(),
        url: None,
    };
    let a = extract(&html, hints, chrono::Utc::now());
    println!("title: {} ({})", a.title, a.title_from);
    println!(
        "date:  {} ({})",
        a.published
            .map(|t| t.to_rfc3339())
            .unwrap_or_else(|| "none".into()),
        a.date_evidence.as_deref().unwrap_or("no date found")
    );
    println!("body:\n{}", a.text);
}
