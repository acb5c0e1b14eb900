//! A report laid out once, as headings, paragraphs, tables and charts, and
//! written from that one layout as .docx ([`super::docx`]) and as a
//! printable page ([`super::html`]), so the two never say different
//! things.

/// One document.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The kind as the red heading shows it: 舆情日志, 舆情专报, 舆情通报.
    pub kind: &'static str,
    /// The office that files it (`office.name` in the config).
    pub office: String,
    /// The date line of the title block: `2026年11月30日`.
    pub dated: String,
    /// The document's title.
    pub title: String,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

/// A piece of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A first-level heading (黑体): `一、总体情况`.
    Heading(String),
    /// A second-level heading (楷体): `（一）新增舆情`.
    Subheading(String),
    /// A paragraph, indented two characters as body text is.
    Para(String),
    /// A table; the first column is a label.
    Table(Table),
    /// Counts over time: a bar chart (SVG in the page, a table of bars in
    /// the .docx).
    Chart(Chart),
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// An id for the page (`id` attribute), tests and styles.
    pub id: &'static str,
    /// Column headings.
    pub head: Vec<String>,
    /// Rows of cells, as many as the headings.
    pub rows: Vec<Vec<String>>,
    /// What to write when there are no rows.
    pub empty: &'static str,
}

/// A bar chart of counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// An id for the page.
    pub id: &'static str,
    /// Its caption.
    pub title: String,
    /// What the unit is: `件`, `条`.
    pub unit: &'static str,
    /// Labels (days, hours) with their counts, in order.
    pub points: Vec<(String, u32)>,
}

impl Chart {
    /// The largest count (at least 1, so scales never divide by zero).
    pub fn max(&self) -> u32 {
        self.points.iter().map(|p| p.1).max().unwrap_or(0).max(1)
    }

    /// The sum of the counts.
    pub fn total(&self) -> u32 {
        self.points.iter().map(|p| p.1).sum()
    }
}

/// `75%`, or `—` when there is no rate.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".into(), |r| format!("{:.0}%", r * 100.0))
}

/// `3小时12分` from minutes, or `—`.
pub fn minutes_zh(m: Option<i64>) -> String {
    m.map_or_else(
        || "—".into(),
        |m| crate::console::view::span_zh(chrono::Duration::minutes(m)),
    )
}

/// The Chinese ordinal heading numbers: 一、二、三…
pub fn ordinal(n: usize) -> &'static str {
    const N: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    N.get(n).copied().unwrap_or("十")
}
