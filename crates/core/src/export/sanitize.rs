//! What may pass into exported HTML: URL schemes for links and images, and
//! the `ammonia` policy raw HTML in the Markdown is cleaned with.
//!
//! Raw HTML keeps only plain semantic tags (no `div`, `span`, `font`; their
//! text stays), no `style`, `class` or event-handler attributes, no script,
//! style, iframe, object, embed, form or SVG, and no comments. Links may use
//! `http`, `https`, `mailto` and `tel` or be relative; `data:` URLs are kept
//! only as the `src` of an `img` and only for images.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The lowercase scheme of `url`, if it has one, read the way browsers read
/// it: tabs and newlines anywhere and leading spaces or controls are ignored.
pub(super) fn scheme(url: &str) -> Option<String> {
    let url = url.trim_start_matches(|c: char| c <= ' ');
    let mut scheme = String::new();
    for c in url.chars() {
        match c {
            '\t' | '\n' | '\r' => continue,
            ':' => return (!scheme.is_empty()).then(|| scheme.to_ascii_lowercase()),
            '/' | '?' | '#' => return None,
            c => scheme.push(c),
        }
    }
    None
}

/// Whether a link to `url` may be written.
pub(super) fn link_is_safe(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) => matches!(s.as_str(), "http" | "https" | "mailto" | "tel"),
    }
}

/// Whether `url` is a `data:` URL holding an image.
pub(super) fn is_image_data_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(11)
        .collect();
    cleaned.eq_ignore_ascii_case("data:image/")
}

/// Cleans a rendered block that held raw HTML, dropping any paragraph left
/// empty.
pub(super) fn clean(html: &str) -> String {
    let cleaned = policy().clean(html).to_string();
    strip_empty_paragraphs(&cleaned)
}

fn policy() -> &'static ammonia::Builder<'static> {
    static POLICY: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    POLICY.get_or_init(|| {
        let tags: HashSet<&str> = [
            "a",
            "abbr",
            "b",
            "bdi",
            "bdo",
            "blockquote",
            "br",
            "caption",
            "cite",
            "code",
            "dd",
            "del",
            "dfn",
            "dl",
            "dt",
            "em",
            "figcaption",
            "figure",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "i",
            "img",
            "ins",
            "kbd",
            "li",
            "mark",
            "ol",
            "p",
            "pre",
            "q",
            "s",
            "samp",
            "small",
            "strong",
            "sub",
            "sup",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "time",
            "tr",
            "u",
            "ul",
            "var",
            "wbr",
        ]
        .into();
        let attributes: HashMap<&str, HashSet<&str>> = [
            ("a", ["href"].as_slice()),
            ("img", &["src", "alt", "width", "height"]),
            ("td", &["colspan", "rowspan", "data-align"]),
            ("th", &["colspan", "rowspan", "data-align"]),
            ("ol", &["start", "reversed"]),
            ("sup", &["id"]),
            ("code", &["class"]),
            ("blockquote", &["cite"]),
            ("q", &["cite"]),
            ("time", &["datetime"]),
            ("del", &["datetime"]),
            ("ins", &["datetime"]),
        ]
        .into_iter()
        .map(|(tag, attrs)| (tag, attrs.iter().copied().collect()))
        .collect();
        let mut builder = ammonia::Builder::default();
        builder
            .tags(tags)
            .tag_attributes(attributes)
            .generic_attributes(["title", "lang"].into())
            .url_schemes(["http", "https", "mailto", "tel", "data"].into())
            .link_rel(None)
            .strip_comments(true)
            .attribute_filter(filter_attribute);
        builder
    })
}

/// The last word on attribute values the tag policy let through.
fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let keep = match (element, attribute) {
        ("img", "src") => scheme(value).as_deref() != Some("data") || is_image_data_url(value),
        (_, "href" | "cite") => scheme(value).as_deref() != Some("data"),
        ("code", "class") => value.strip_prefix("language-").is_some_and(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
        }),
        (_, "data-align") => matches!(value, "left" | "center" | "right"),
        // Only the footnote markers export writes itself carry an id; ids in
        // pasted HTML would collide.
        (_, "id") => is_footnote_marker_id(value),
        (_, "width" | "height" | "colspan" | "rowspan" | "start") => {
            !value.is_empty() && value.len() < 6 && value.bytes().all(|b| b.is_ascii_digit())
        }
        _ => true,
    };
    keep.then_some(Cow::Borrowed(value))
}

/// Whether cleaned HTML holds an element that cannot sit inside a `<p>`.
pub(super) fn has_block_element(html: &str) -> bool {
    const BLOCKS: [&str; 18] = [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "blockquote",
        "table",
        "figure",
        "pre",
        "hr",
        "li",
        "figcaption",
        "caption",
    ];
    html.match_indices('<').any(|(at, _)| {
        let name: String = html[at + 1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        BLOCKS.contains(&name.as_str())
    })
}

/// Whether cleaned HTML holds nothing but whitespace, `&nbsp;` and `<br>`.
pub(super) fn shows_nothing(html: &str) -> bool {
    html.replace("<br>", "")
        .replace("&nbsp;", "")
        .trim_matches(|c: char| c.is_whitespace())
        .is_empty()
}

/// `fnref-N` or `fnref-N-M`, the ids of footnote reference markers.
fn is_footnote_marker_id(id: &str) -> bool {
    id.strip_prefix("fnref-").is_some_and(|rest| {
        let mut parts = rest.split('-');
        let numeric = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        parts.next().is_some_and(numeric)
            && !matches!(parts.next(), Some(p) if !numeric(p))
            && parts.next().is_none()
    })
}

/// Removes `<p>` elements holding only whitespace, `&nbsp;` or `<br>`.
fn strip_empty_paragraphs(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<p>") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let mut inner = after;
        loop {
            let trimmed = inner.trim_start();
            if let Some(r) = trimmed
                .strip_prefix("&nbsp;")
                .or_else(|| trimmed.strip_prefix("<br>"))
            {
                inner = r;
            } else if let Some(r) = trimmed.strip_prefix('\u{a0}') {
                inner = r;
            } else {
                inner = trimmed;
                break;
            }
        }
        if let Some(r) = inner.strip_prefix("</p>") {
            rest = r.strip_prefix('\n').unwrap_or(r);
        } else {
            out.push_str("<p>");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_like_a_browser_reads_them() {
        assert_eq!(scheme("https://example.com/a:b").as_deref(), Some("https"));
        assert_eq!(
            scheme(" JaVa\tScript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("/path/a:b"), None);
        assert_eq!(scheme("photo.png"), None);
        assert_eq!(scheme("#fn-1"), None);
        assert!(!link_is_safe("vbscript:msgbox(1)"));
        assert!(!link_is_safe("data:text/html,<script>alert(1)</script>"));
        assert!(link_is_safe("mailto:desk@example.com"));
        assert!(is_image_data_url("DATA:image/png;base64,AAAA"));
        assert!(!is_image_data_url("data:text/html;base64,AAAA"));
    }

    #[test]
    fn only_footnote_marker_ids_survive() {
        assert!(is_footnote_marker_id("fnref-3"));
        assert!(is_footnote_marker_id("fnref-3-2"));
        assert!(!is_footnote_marker_id("fnref-"));
        assert!(!is_footnote_marker_id("fnref-3-2-1"));
        assert!(!is_footnote_marker_id("x"));
        assert_eq!(
            clean("<p><sup id=\"x\">1</sup><sup id=\"fnref-1\">2</sup></p>"),
            "<p><sup>1</sup><sup id=\"fnref-1\">2</sup></p>"
        );
    }

    #[test]
    fn empty_paragraphs_are_dropped_and_others_kept() {
        assert_eq!(
            strip_empty_paragraphs("<p>a</p>\n<p> &nbsp;<br></p>\n<p>b</p>"),
            "<p>a</p>\n<p>b</p>"
        );
        assert_eq!(
            strip_empty_paragraphs("<p></p><p><br> x</p>"),
            "<p><br> x</p>"
        );
    }
}
