//! Prints jieba's segmentation of each stdin line (a tool for list authors).
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let seg = yuqing::text::Segmenter::new()?;
    for line in std::io::stdin().lock().lines() {
        println!("{}", seg.words(&line?).join("/"));
    }
    Ok(())
}
