//! A [`Doc`] as a printable page: the same layout as the .docx, in HTML
//! with a print stylesheet (A4, the government-document fonts), and its
//! charts drawn as SVG by the server (no script).
//!
//! The standalone page (API, CLI, the scheduled files) carries its
//! stylesheet inline, so a saved file prints alike anywhere; the console's
//! page links it ([`CSS`], served under `/assets/`), since the console's
//! Content-Security-Policy admits no inline style.

use askama::Template;

use super::doc::{Block, Chart, Doc, Table};

/// The reports' stylesheet.
pub const CSS: &str = include_str!("assets/report.css");

/// One block as the template shows it.
pub struct BlockView {
    /// `h2`, `h3`, `p`, `table` or `chart`.
    pub kind: &'static str,
    /// The text of a heading or paragraph.
    pub text: String,
    /// The table.
    pub table: Option<Table>,
    /// The chart.
    pub chart: Option<ChartView>,
}

/// A chart laid out in SVG user units.
pub struct ChartView {
    /// Element id.
    pub id: &'static str,
    /// Caption.
    pub title: String,
    /// What it shows, for screen readers.
    pub summary: String,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
    /// The plot's left edge.
    pub left: u32,
    /// The plot's baseline.
    pub bottom: u32,
    /// The bars.
    pub bars: Vec<BarView>,
    /// Labels under the bars.
    pub x_ticks: Vec<Tick>,
    /// Count lines.
    pub y_ticks: Vec<Tick>,
}

/// One bar.
pub struct BarView {
    /// Left.
    pub x: String,
    /// Top.
    pub y: String,
    /// Width.
    pub w: String,
    /// Height.
    pub h: String,
    /// Its label and count.
    pub tip: String,
}

/// An axis label.
pub struct Tick {
    /// Position along its axis.
    pub pos: String,
    /// Text.
    pub label: String,
}

const W: f64 = 640.0;
const H: f64 = 200.0;
const LEFT: f64 = 32.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 8.0;

fn chart(c: &Chart) -> ChartView {
    let max = c.max();
    let n = c.points.len().max(1) as f64;
    let plot_w = W - LEFT - 4.0;
    let plot_h = H - BOTTOM - TOP;
    let slot = plot_w / n;
    // A lone bar stays a bar, not a wall.
    let bar_w = (slot * 0.7).clamp(0.5, 48.0);
    let every = c.points.len().div_ceil(10).max(1);
    let mut bars = Vec::new();
    let mut x_ticks = Vec::new();
    for (i, (label, count)) in c.points.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
        if *count > 0 {
            let h = plot_h * f64::from(*count) / f64::from(max);
            bars.push(BarView {
                x: format!("{x:.1}"),
                y: format!("{:.1}", H - BOTTOM - h),
                w: format!("{bar_w:.1}"),
                h: format!("{h:.1}"),
                tip: format!("{label}：{count} {}", c.unit),
            });
        }
        if i % every == 0 {
            x_ticks.push(Tick {
                pos: format!("{:.1}", x + bar_w / 2.0),
                label: label.clone(),
            });
        }
    }
    let mut levels = vec![0, max];
    if max >= 4 {
        levels.insert(1, max / 2);
    }
    ChartView {
        id: c.id,
        title: c.title.clone(),
        summary: format!(
            "共 {} 个时段，合计 {} {}，最多 {} {}",
            c.points.len(),
            c.total(),
            c.unit,
            if c.total() == 0 { 0 } else { max },
            c.unit
        ),
        width: W as u32,
        height: H as u32,
        left: LEFT as u32,
        bottom: (H - BOTTOM) as u32,
        bars,
        x_ticks,
        y_ticks: levels
            .into_iter()
            .map(|v| Tick {
                pos: format!("{:.1}", H - BOTTOM - plot_h * f64::from(v) / f64::from(max)),
                label: v.to_string(),
            })
            .collect(),
    }
}

/// The blocks of `doc` as the templates show them.
pub fn blocks(doc: &Doc) -> Vec<BlockView> {
    doc.blocks
        .iter()
        .map(|b| {
            let (kind, text) = match b {
                Block::Heading(t) => ("h2", t.clone()),
                Block::Subheading(t) => ("h3", t.clone()),
                Block::Para(t) => ("p", t.clone()),
                Block::Table(_) => ("table", String::new()),
                Block::Chart(_) => ("chart", String::new()),
            };
            BlockView {
                kind,
                text,
                table: match b {
                    Block::Table(t) => Some(t.clone()),
                    _ => None,
                },
                chart: match b {
                    Block::Chart(c) => Some(chart(c)),
                    _ => None,
                },
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "report_standalone.html")]
struct Standalone<'a> {
    doc: &'a Doc,
    blocks: Vec<BlockView>,
    css: &'static str,
}

/// `doc` as a page of its own, stylesheet inline.
pub fn standalone(doc: &Doc) -> Result<String, askama::Error> {
    Standalone {
        doc,
        blocks: blocks(doc),
        css: CSS,
    }
    .render()
}
