//! HTML to plain text, for entry bodies and pasted pages.
//!
//! Keeps block structure as line breaks (so sentence boundaries survive),
//! drops scripts, styles and other non-text elements, and decodes entities
//! (html5ever does that while parsing).

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "select",
    "textarea", "button",
];

/// Elements that start a new line in rendered text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "figcaption",
    "address",
    "aside",
    "nav",
    "main",
    "form",
    "fieldset",
    "caption",
];

/// True when `s` looks like HTML markup rather than plain text: it holds a tag
/// (`<p>`, `</div>`, `<br/>`, `<!-- -->`) or a character entity (`&amp;`, `&#20013;`).
pub fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    // Nearly all text holds neither `<` nor `&`: find the first 8-byte word
    // that does, eight bytes per step, before the byte-wise look.
    let first = b
        .chunks_exact(8)
        .position(|w| {
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            has_byte(w, b'<') || has_byte(w, b'&')
        })
        .map_or(b.len() - b.len() % 8, |word| word * 8);
    for (i, &c) in b.iter().enumerate().skip(first) {
        match c {
            b'<' => {
                if let Some(&n) = b.get(i + 1)
                    && (n.is_ascii_alphabetic() || n == b'/' || n == b'!')
                    && b[i + 1..].iter().take(2048).any(|&x| x == b'>')
                {
                    return true;
                }
            }
            b'&' => {
                let rest = &b[i + 1..];
                let end = rest.iter().take(12).position(|&x| x == b';');
                if let Some(end) = end
                    && end > 0
                    && rest[..end]
                        .iter()
                        .all(|x| x.is_ascii_alphanumeric() || *x == b'#')
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// True when some byte of `word` equals `byte` (the classic SWAR zero-byte
/// test on `word ^ byte×8`; exact, no false positives).
#[inline]
fn has_byte(word: u64, byte: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Converts an HTML document or fragment to plain text.
///
/// Never fails: html5ever recovers from any malformed input. Walks the tree
/// iteratively, so hostile nesting depth cannot overflow the stack.
pub fn html_to_text(html: &str) -> String {
    // html5ever's tree builder scans the stack of open elements for scope
    // checks, which is quadratic in nesting depth: 100k nested <div>s take
    // minutes. Markup nested that deep is hostile or broken, so it gets a
    // linear tag stripper instead.
    if max_nesting(html) > MAX_DEPTH_FOR_PARSER {
        return strip_tags_linear(html);
    }
    let doc = Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len() / 2);
    // Depth inside skipped elements; text is emitted only at zero.
    let mut skipping = 0usize;
    // Whether an element opened or closed since the last text: digits on
    // both sides of such a seam are two values a page styles apart
    // (<span>发布时间：11-28</span><span>09:15</span>), not one number.
    let mut seam = false;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    seam = true;
                    let name = e.name();
                    if skipping > 0 || SKIPPED.contains(&name) {
                        skipping += 1;
                    } else if BLOCKS.contains(&name) {
                        push_break(&mut out);
                    } else if name == "img" {
                        // Alt text of images is often the only caption a post has.
                        if let Some(alt) = e.attr("alt").filter(|a| !a.trim().is_empty()) {
                            out.push(' ');
                            out.push_str(alt.trim());
                            out.push(' ');
                        }
                    }
                }
                Node::Text(t) if skipping == 0 => {
                    if seam
                        && out.ends_with(|c: char| c.is_ascii_digit())
                        && t.starts_with(|c: char| c.is_ascii_digit())
                    {
                        out.push(' ');
                    }
                    seam = false;
                    out.push_str(t);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    seam = true;
                    if skipping > 0 {
                        skipping -= 1;
                    } else if BLOCKS.contains(&e.name()) {
                        push_break(&mut out);
                    }
                }
            }
        }
    }
    out
}

/// Above this estimated nesting depth, [`html_to_text`] does not build a DOM.
const MAX_DEPTH_FOR_PARSER: usize = 512;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li",
];

/// Estimates the deepest nesting of `html` in one linear pass: opening tags
/// deepen, closing tags return. `p` and `li` count as void because pages
/// rarely close them.
fn max_nesting(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = b[name_start.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        if VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Linear-time fallback: drops tags, comments and script/style content,
/// turns block tags into line breaks and decodes the common entities.
fn strip_tags_linear(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let tag = &rest[lt..];
        let Some(gt) = tag.find('>') else {
            rest = "";
            break;
        };
        let name: String = tag[1..gt]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        rest = &tag[gt + 1..];
        if tag.starts_with("<!--") {
            rest = tag.find("-->").map_or("", |e| &tag[e + 3..]);
        } else if !tag.starts_with("</") && (name == "script" || name == "style") {
            let close = format!("</{name}");
            rest = find_ascii_ci(rest, &close).map_or("", |e| &rest[e..]);
        } else if BLOCKS.contains(&name.as_str()) {
            push_break(&mut out);
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Decodes numeric entities and the named ones that occur in Chinese pages.
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &after[..i];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "mdash" => Some('—'),
                "middot" => Some('·'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, i))
        });
        match decoded {
            Some((c, i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn push_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_marks_are_found_at_every_offset() {
        for pad in 0..20 {
            let pre = "字".repeat(pad / 3) + &"a".repeat(pad % 3);
            assert!(looks_like_html(&format!("{pre}<p>x</p>")), "{pad}");
            assert!(looks_like_html(&format!("{pre}x&amp;y")), "{pad}");
            assert!(!looks_like_html(&format!("{pre}a < b, c & d")), "{pad}");
        }
    }

    #[test]
    fn detects_markup_and_entities() {
        assert!(looks_like_html("<p>火灾</p>"));
        assert!(looks_like_html("甲&amp;乙"));
        assert!(looks_like_html("甲&#20013;乙"));
        assert!(looks_like_html("<!-- c -->x"));
        assert!(!looks_like_html("3 < 5 且 a & b"));
        assert!(!looks_like_html("纯文本，没有标签"));
    }

    #[test]
    fn strips_tags_keeps_blocks_and_decodes_entities() {
        let html = "<div><h1>标题</h1><p>第一段&nbsp;文字&amp;内容</p><script>var x='爆炸';</script>\
                    <style>.a{}</style><p>第二段<br>换行<img src=a.jpg alt=\"现场图片\"></p></div>";
        let text = html_to_text(html);
        assert_eq!(
            text,
            "标题\n第一段\u{a0}文字&内容\n第二段\n换行 现场图片 \n"
        );
        assert!(!text.contains("爆炸"));
    }

    #[test]
    fn survives_deep_nesting_and_garbage() {
        let deep = "<div>".repeat(100_000) + "深处&amp;<script>x</script>" + &"</div>".repeat(10);
        assert_eq!(html_to_text(&deep).trim(), "深处&");
        let garbage = "<<<>>><p <a href=\"'>&&&;;<\u{0}/x>文字";
        let _ = html_to_text(garbage);
    }
}
