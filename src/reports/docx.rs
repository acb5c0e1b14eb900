//! A [`Doc`] as a Word document (.docx, Office Open XML), laid out as
//! Chinese government documents are (GB/T 9704, 党政机关公文格式): A4, body
//! in 仿宋_GB2312 三号 (16 pt) on a 28.9 pt line, first-level headings in
//! 黑体, second-level in 楷体_GB2312, the title in 方正小标宋简体 二号, a red
//! heading with the office's name and date over a red rule, and the page
//! number as "— 1 —" in the footer. Word and WPS substitute a font the
//! machine lacks, as they do for every government document.
//!
//! The XML is written here rather than through a writer crate: the parts a
//! report needs are few, and the fonts, the rule and the page-number field
//! are exactly what a crate would have to be coaxed into.

use std::fmt::Write as _;

use super::doc::{Block, Chart, Doc, Table};
use super::zip::ZipWriter;

/// Body text (三号): half-points.
const BODY: u32 = 32;
/// Table text (五号).
const SMALL: u32 = 21;
/// The title (二号).
const TITLE: u32 = 44;
/// The red heading.
const RED_HEAD: u32 = 60;
/// The fixed line of body text, in twentieths of a point (28.9 pt).
const LINE: u32 = 578;
/// Bar length of the busiest label, in full-width spaces.
const BAR_CELLS: u32 = 24;

const FANGSONG: &str = "仿宋_GB2312";
const HEITI: &str = "黑体";
const KAITI: &str = "楷体_GB2312";
const XIAOBIAOSONG: &str = "方正小标宋简体";
const SONGTI: &str = "宋体";
const LATIN: &str = "Times New Roman";
const RED: &str = "FF0000";

/// The .docx file of `doc`, written at `written`.
pub fn write(doc: &Doc, written: chrono::DateTime<chrono::Utc>) -> std::io::Result<Vec<u8>> {
    // ZIP times have no zone: the office's.
    let mut zip = ZipWriter::new(written.with_timezone(&crate::time::china()).naive_local());
    zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
    zip.add("_rels/.rels", RELS.as_bytes())?;
    zip.add("docProps/app.xml", APP.as_bytes())?;
    zip.add(
        "docProps/core.xml",
        core(doc, written.format("%Y-%m-%dT%H:%M:%SZ").to_string()).as_bytes(),
    )?;
    zip.add("word/_rels/document.xml.rels", DOC_RELS.as_bytes())?;
    zip.add("word/styles.xml", styles().as_bytes())?;
    zip.add("word/settings.xml", SETTINGS.as_bytes())?;
    zip.add("word/footer1.xml", footer().as_bytes())?;
    zip.add("word/document.xml", document(doc).as_bytes())?;
    zip.finish()
}

/// Text made safe inside an XML element or attribute.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newline are not XML.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn fonts(east_asia: &str) -> String {
    format!(
        r#"<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{east_asia}" w:cs="{LATIN}" w:hint="eastAsia"/>"#
    )
}

/// A run of text with its properties.
fn run(text: &str, props: &str) -> String {
    format!(
        r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

fn heading_para(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        run(text, "")
    )
}

fn document(doc: &Doc) -> String {
    let mut body = String::new();
    // The red heading (版头): the kind, then the office and date over a red
    // rule.
    let _ = write!(
        body,
        r#"<w:p><w:pPr><w:spacing w:before="0" w:after="120"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>{}</w:p>"#,
        run(
            doc.kind,
            &format!(
                r#"{}<w:color w:val="{RED}"/><w:spacing w:val="40"/><w:sz w:val="{RED_HEAD}"/><w:szCs w:val="{RED_HEAD}"/>"#,
                fonts(XIAOBIAOSONG)
            )
        )
    );
    let _ = write!(
        body,
        r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="{RED}"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="8844"/></w:tabs><w:spacing w:after="360"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>{}<w:r><w:tab/></w:r>{}</w:p>"#,
        run(&doc.office, ""),
        run(&doc.dated, "")
    );
    body.push_str(&heading_para("Title", &doc.title));
    for b in &doc.blocks {
        match b {
            Block::Heading(t) => body.push_str(&heading_para("Heading1", t)),
            Block::Subheading(t) => body.push_str(&heading_para("Heading2", t)),
            Block::Para(t) => {
                let _ = write!(body, "<w:p>{}</w:p>", run(t, ""));
            }
            Block::Table(t) => table(&mut body, t),
            Block::Chart(c) => chart(&mut body, c),
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="578"/></w:sectPr></w:body></w:document>"#
    )
}

fn cell(text: &str, header: bool, width: Option<u32>) -> String {
    let props = if header {
        format!("{}<w:b/>", fonts(HEITI))
    } else {
        String::new()
    };
    let w = width.map_or_else(String::new, |w| {
        format!(r#"<w:tcW w:w="{w}" w:type="dxa"/>"#)
    });
    let mut out = format!("<w:tc><w:tcPr>{w}</w:tcPr>");
    // A cell's line breaks become paragraphs of the cell.
    for line in text.split('\n') {
        let _ = write!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>{}</w:p>"#,
            run(line, &props)
        );
    }
    out.push_str("</w:tc>");
    out
}

const TABLE_PROPS: &str = r#"<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>"#;

/// The width of the text column: A4 less the margins, in twentieths of a
/// point.
const TEXT_WIDTH: u32 = 11906 - 1587 - 1474;

/// Column widths that follow what the columns hold: each column's longest
/// line (3 to 14 characters' worth), scaled to the text width.
fn widths(t: &Table) -> Vec<u32> {
    let weight = |i: usize| {
        std::iter::once(&t.head)
            .chain(&t.rows)
            .filter_map(|r| r.get(i))
            .flat_map(|c| c.split('\n'))
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(2)
            .clamp(3, 14) as u32
    };
    let weights: Vec<u32> = (0..t.head.len()).map(weight).collect();
    let total: u32 = weights.iter().sum::<u32>().max(1);
    weights.iter().map(|w| TEXT_WIDTH * w / total).collect()
}

/// The grid every table must declare (Word refuses a table without one).
fn grid(body: &mut String, widths: &[u32]) {
    body.push_str("<w:tblGrid>");
    for w in widths {
        let _ = write!(body, r#"<w:gridCol w:w="{w}"/>"#);
    }
    body.push_str("</w:tblGrid>");
}

fn table(body: &mut String, t: &Table) {
    if t.rows.is_empty() {
        let _ = write!(body, "<w:p>{}</w:p>", run(t.empty, ""));
        return;
    }
    let widths = widths(t);
    body.push_str("<w:tbl>");
    body.push_str(TABLE_PROPS);
    grid(body, &widths);
    body.push_str(r#"<w:tr><w:trPr><w:tblHeader/></w:trPr>"#);
    for (h, w) in t.head.iter().zip(&widths) {
        body.push_str(&cell(h, true, Some(*w)));
    }
    body.push_str("</w:tr>");
    for row in &t.rows {
        body.push_str(r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>"#);
        for (c, w) in row.iter().zip(&widths) {
            body.push_str(&cell(c, false, Some(*w)));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    // Word joins two tables that touch; a paragraph keeps them apart.
    body.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>"#);
}

/// A chart as a table of bars: each bar is a shaded run of full-width
/// spaces, its length in proportion to the count. Word and WPS render
/// run shading alike, where an embedded chart or image would need a chart
/// part or a raster renderer.
fn chart(body: &mut String, c: &Chart) {
    let _ = write!(
        body,
        r#"<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr>{}</w:p>"#,
        run(&c.title, "")
    );
    if c.total() == 0 {
        let _ = write!(body, "<w:p>{}</w:p>", run("本期无数据。", ""));
        return;
    }
    let max = c.max();
    let widths = [
        TEXT_WIDTH * 16 / 100,
        TEXT_WIDTH * 72 / 100,
        TEXT_WIDTH * 12 / 100,
    ];
    body.push_str("<w:tbl>");
    body.push_str(TABLE_PROPS);
    grid(body, &widths);
    for (label, n) in &c.points {
        let cells = (n * BAR_CELLS).div_ceil(max);
        let bar = if cells == 0 {
            String::new()
        } else {
            run(
                &"\u{3000}".repeat(cells as usize),
                r#"<w:shd w:val="clear" w:color="auto" w:fill="B03A2E"/>"#,
            )
        };
        let _ = write!(
            body,
            r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>{}<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>{bar}</w:p></w:tc>{}</w:tr>"#,
            cell(label, false, Some(widths[0])),
            widths[1],
            cell(&format!("{n} {}", c.unit), false, Some(widths[2])),
        );
    }
    body.push_str("</w:tbl>");
    body.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>"#);
}

fn styles() -> String {
    let body_fonts = fonts(FANGSONG);
    let h1 = fonts(HEITI);
    let h2 = fonts(KAITI);
    let title = fonts(XIAOBIAOSONG);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr>{body_fonts}<w:sz w:val="{BODY}"/><w:szCs w:val="{BODY}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="{LINE}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="360" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>{title}<w:sz w:val="{TITLE}"/><w:szCs w:val="{TITLE}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>{h1}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>{h2}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="120" w:after="60" w:line="264" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>{h1}<w:sz w:val="{SMALL}"/><w:szCs w:val="{SMALL}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="264" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="{SMALL}"/><w:szCs w:val="{SMALL}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"#
    )
}

/// "— 1 —" in 宋体 四号, the page number of government documents.
fn footer() -> String {
    let props = format!(r#"{}<w:sz w:val="28"/><w:szCs w:val="28"/>"#, fonts(SONGTI));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{dash}<w:r><w:rPr>{props}</w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr>{props}</w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr>{props}</w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr>{props}</w:rPr><w:t>1</w:t></w:r><w:r><w:rPr>{props}</w:rPr><w:fldChar w:fldCharType="end"/></w:r>{dash_after}</w:p></w:ftr>"#,
        dash = run("— ", &props),
        dash_after = run(" —", &props),
    )
}

fn core(doc: &Doc, created: String) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>"#,
        esc(&doc.title),
        esc(&doc.office)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>yuqing</Application></Properties>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(esc("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos; ");
    }
}
