//! Bytes → text with the right character set. reqwest reads only the HTTP
//! header's charset, and Chinese sites often declare it wrongly or not at
//! all, so every body is decoded here.
//!
//! Order: byte-order mark; then the declarations (HTTP `Content-Type`, the
//! XML declaration, `<meta charset>` by the WHATWG prescan), each trusted
//! only if the bytes agree; then detection (chardetng, with the site's
//! top-level domain as a hint). Valid UTF-8 with non-ASCII text is taken as
//! UTF-8 whatever the declaration says: legacy Chinese text is practically
//! never valid UTF-8 by accident, while "charset=gb2312" on UTF-8 pages is
//! common.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Where the encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// The bytes are valid UTF-8 (with non-ASCII text).
    Utf8,
    /// The HTTP `Content-Type` charset.
    Http,
    /// `<?xml … encoding="…"?>`.
    XmlDeclaration,
    /// `<meta charset>` or `http-equiv` content.
    Meta,
    /// Guessed from the bytes.
    Detected,
}

/// A decoded body.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Why that one.
    pub source: CharsetSource,
    /// True when some bytes were not valid in that encoding (replaced by
    /// U+FFFD).
    pub had_errors: bool,
}

/// Decodes `bytes` served with `content_type` from a host under `tld`
/// (e.g. `cn`, `tw`; a hint for detection).
pub fn decode(bytes: &[u8], content_type: Option<&str>, tld: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: enc,
            source: CharsetSource::Bom,
            had_errors,
        };
    }
    // XML without a BOM in UTF-16 announces itself by its first character
    // (XML 1.0, appendix F).
    if bytes.starts_with(&[0x00, b'<', 0x00]) {
        return finish(bytes, encoding_rs::UTF_16BE, CharsetSource::XmlDeclaration);
    }
    if bytes.starts_with(&[b'<', 0x00]) && bytes.get(3) == Some(&0x00) {
        return finish(bytes, encoding_rs::UTF_16LE, CharsetSource::XmlDeclaration);
    }
    let non_ascii = bytes.iter().any(|b| *b >= 0x80);
    if non_ascii
        && let Ok(text) = std::str::from_utf8(bytes)
        && mostly_cjk(text)
    {
        return finish(bytes, UTF_8, CharsetSource::Utf8);
    }
    let declared = [
        (
            content_type.and_then(charset_param).and_then(label),
            CharsetSource::Http,
        ),
        (xml_declaration(bytes), CharsetSource::XmlDeclaration),
        (prescan(bytes), CharsetSource::Meta),
    ];
    let detected = detect(bytes, tld);
    for (enc, source) in declared {
        let Some(enc) = enc else { continue };
        // UTF-16 declared in an ASCII-compatible document is a lie the
        // WHATWG rules also ignore.
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            enc
        };
        if !non_ascii {
            return finish(bytes, enc, source);
        }
        let (_, _, errors) = enc.decode(bytes);
        // A declared single-byte Western charset on Chinese text, or a
        // declaration the bytes break: believe the detector if its guess
        // is clean.
        let western = enc == WINDOWS_1252 || enc.name().starts_with("ISO-8859");
        let detected_clean = !detected.decode(bytes).2 && detected != enc;
        let prefer_detected = western && detected_clean && is_cjk(detected);
        if !errors && !prefer_detected {
            return finish(bytes, enc, source);
        }
        if detected_clean {
            return finish(bytes, detected, CharsetSource::Detected);
        }
        return finish(bytes, enc, source);
    }
    if !non_ascii {
        return finish(bytes, UTF_8, CharsetSource::Detected);
    }
    finish(bytes, detected, CharsetSource::Detected)
}

fn finish(bytes: &[u8], encoding: &'static Encoding, source: CharsetSource) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        source,
        had_errors,
    }
}

/// True when most non-ASCII characters are CJK ideographs, kana, hangul or
/// CJK punctuation and full-width forms: what Chinese UTF-8 text looks like,
/// and what short GBK byte runs that happen to be valid UTF-8 (通知 is) do
/// not.
fn mostly_cjk(text: &str) -> bool {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{2000}'..='\u{206F}')
        {
            cjk += 1;
        } else {
            other += 1;
        }
    }
    cjk >= other
}

fn is_cjk(enc: &'static Encoding) -> bool {
    [
        encoding_rs::GBK,
        encoding_rs::GB18030,
        encoding_rs::BIG5,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::EUC_KR,
    ]
    .contains(&enc)
}

fn detect(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let mut d = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    d.feed(bytes, true);
    // The host's TLD is a real hint (Big5 under .tw/.hk, GBK under .cn);
    // without one, chardetng's generic guess tells GBK from Big5, EUC-JP
    // and the rest better than a forced "cn".
    d.guess(tld.map(str::as_bytes), chardetng::Utf8Detection::Allow)
}

/// The encoding for a label, with the WHATWG aliases (gb2312 → GBK, whose
/// decoder is GB18030).
pub fn label(s: &str) -> Option<&'static Encoding> {
    Encoding::for_label(s.trim().trim_matches(['"', '\'']).as_bytes())
}

/// `charset=` of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// `encoding` of an XML declaration at the very start.
fn xml_declaration(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(256)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = rest[1..].split(quote).next()?;
    label(value)
}

/// How far a `<meta>` declaration is looked for. The WHATWG prescan stops at
/// 1024 bytes, but a browser's parser still switches encoding on a later
/// `<meta>` in the head; portals with long comment banners or scripts first
/// rely on that.
const META_WINDOW: usize = 64 << 10;

/// The encoding a `<meta>` declares: the WHATWG "prescan a byte stream to
/// determine its encoding" algorithm over the first 1024 bytes, then the
/// same over [`META_WINDOW`] bytes.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    prescan_window(bytes, 1024).or_else(|| {
        if bytes.len() > 1024 {
            prescan_window(bytes, META_WINDOW)
        } else {
            None
        }
    })
}

fn prescan_window(bytes: &[u8], window: usize) -> Option<&'static Encoding> {
    let b = &bytes[..bytes.len().min(window)];
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"<!--") {
            i = match find(b, i + 4, b"-->") {
                Some(end) => end + 3,
                None => return None,
            };
            continue;
        }
        if b[i] == b'<'
            && b.len() > i + 5
            && b[i + 1..i + 5].eq_ignore_ascii_case(b"meta")
            && is_space_or_slash(b[i + 5])
        {
            i += 5;
            let mut got_pragma = false;
            let mut need_pragma: Option<bool> = None;
            let mut charset: Option<&'static Encoding> = None;
            let mut seen: Vec<Vec<u8>> = Vec::new();
            while let Some((name, value, next)) = attribute(b, i) {
                i = next;
                if seen.contains(&name) {
                    continue;
                }
                seen.push(name.clone());
                match name.as_slice() {
                    b"http-equiv" if value.eq_ignore_ascii_case(b"content-type") => {
                        got_pragma = true;
                    }
                    b"content" => {
                        if charset.is_none()
                            && let Some(c) = charset_from_content(&value)
                        {
                            charset = Some(c);
                            need_pragma = Some(true);
                        }
                    }
                    b"charset" => {
                        charset = Encoding::for_label(&value);
                        need_pragma = Some(false);
                    }
                    _ => {}
                }
            }
            let Some(need) = need_pragma else { continue };
            if need && !got_pragma {
                continue;
            }
            let Some(enc) = charset else { continue };
            let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                UTF_8
            } else if enc == encoding_rs::X_USER_DEFINED {
                WINDOWS_1252
            } else {
                enc
            };
            return Some(enc);
        }
        if b[i] == b'<' && b.len() > i + 1 && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'/') {
            // Another tag: skip its name, then its attributes.
            let mut j = i + if b[i + 1] == b'/' { 2 } else { 1 };
            if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
                i = match b[j..].iter().position(|c| *c == b'>') {
                    Some(p) => j + p + 1,
                    None => return None,
                };
                continue;
            }
            while j < b.len() && !is_space_or_slash(b[j]) && b[j] != b'>' {
                j += 1;
            }
            while let Some((_, _, next)) = attribute(b, j) {
                j = next;
            }
            i = j;
            continue;
        }
        if b[i..].starts_with(b"<!") || b[i..].starts_with(b"</") || b[i..].starts_with(b"<?") {
            i = match b[i..].iter().position(|c| *c == b'>') {
                Some(p) => i + p + 1,
                None => return None,
            };
            continue;
        }
        i += 1;
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_space_or_slash(c: u8) -> bool {
    is_space(c) || c == b'/'
}

/// The WHATWG "get an attribute" step: (lower-cased name, value, next
/// position), or None at `>` or the end.
fn attribute(b: &[u8], mut i: usize) -> Option<(Vec<u8>, Vec<u8>, usize)> {
    while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
        i += 1;
    }
    if i >= b.len() || b[i] == b'>' {
        return None;
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    loop {
        let c = *b.get(i)?;
        if c == b'=' && !name.is_empty() {
            i += 1;
            break;
        }
        if is_space(c) {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                return Some((name, value, i));
            }
            i += 1;
            break;
        }
        if c == b'/' || c == b'>' {
            return Some((name, value, i));
        }
        name.push(c.to_ascii_lowercase());
        i += 1;
    }
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let c = *b.get(i)?;
    if c == b'"' || c == b'\'' {
        i += 1;
        loop {
            let d = *b.get(i)?;
            i += 1;
            if d == c {
                return Some((name, value, i));
            }
            value.push(d.to_ascii_lowercase());
        }
    }
    if c == b'>' {
        return Some((name, value, i));
    }
    value.push(c.to_ascii_lowercase());
    i += 1;
    loop {
        let c = *b.get(i)?;
        if is_space(c) || c == b'>' {
            return Some((name, value, i));
        }
        value.push(c.to_ascii_lowercase());
        i += 1;
    }
}

/// The WHATWG "extract a character encoding from a meta element" step.
fn charset_from_content(v: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    loop {
        let at = find(v, i, b"charset")?;
        let mut j = at + 7;
        while j < v.len() && is_space(v[j]) {
            j += 1;
        }
        if v.get(j) != Some(&b'=') {
            i = at + 7;
            continue;
        }
        j += 1;
        while j < v.len() && is_space(v[j]) {
            j += 1;
        }
        let rest = v.get(j..)?;
        let value: &[u8] = match rest.first()? {
            q @ (b'"' | b'\'') => {
                let end = rest[1..].iter().position(|c| c == q)?;
                &rest[1..1 + end]
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|c| is_space(*c) || *c == b';')
                    .unwrap_or(rest.len());
                &rest[..end]
            }
        };
        return Encoding::for_label(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_with_wrong_or_missing_declarations_decodes() {
        let text = "南通市崇川区发生火灾，消防部门正在处置。政府回应称将彻查原因。";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        for ct in [
            None,
            Some("text/html"),
            Some("text/html; charset=iso-8859-1"),
            Some("text/html; charset=utf-8"),
        ] {
            let d = decode(&gbk, ct, Some("cn"));
            assert_eq!(d.text, text, "{ct:?}");
        }
        let page = [
            b"<html><head><meta charset=\"gb2312\"></head><body>".as_slice(),
            &gbk,
        ]
        .concat();
        let d = decode(&page, Some("text/html"), None);
        assert_eq!(d.source, CharsetSource::Meta);
        assert!(d.text.contains(text));
        // UTF-8 bytes declared as GBK are UTF-8.
        let d = decode(text.as_bytes(), Some("text/html; charset=gbk"), None);
        assert_eq!(d.text, text);
        let (big5, _, _) = encoding_rs::BIG5.encode("臺北市政府回應民眾陳情，將儘速處理。");
        assert_eq!(
            decode(&big5, None, Some("tw")).text,
            "臺北市政府回應民眾陳情，將儘速處理。"
        );
    }

    #[test]
    fn xml_declarations_and_boms() {
        let (gbk, _, _) = encoding_rs::GBK
            .encode("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><title>通知</title></rss>");
        let d = decode(&gbk, Some("application/xml"), None);
        assert!(d.text.contains("通知"));
        let bom = [&[0xef, 0xbb, 0xbf][..], "标题".as_bytes()].concat();
        assert_eq!(decode(&bom, None, None).text, "标题");
    }
}
