//! The standalone page: the body fragment inside a complete HTML5 document
//! with the headline, dek, byline and dateline, the embedded stylesheet,
//! description and Open Graph tags, and a schema.org `NewsArticle` JSON-LD
//! block. Every metadata field is escaped where it appears.

use std::fmt::Write as _;

use serde_json::json;

use super::dateline::{self, parse_dateline};
use super::pipeline::{escape, Body};
use crate::model::Draft;

/// The article stylesheet embedded in every standalone page.
pub const STYLESHEET: &str = include_str!("../../../../assets/export/article.css");

/// The longest description taken from the body when the dek is empty.
const DESCRIPTION_CHARS: usize = 200;

pub(super) fn standalone(draft: &Draft, body: &Body, lang: &str) -> String {
    let headline = one_line(&draft.headline);
    let headline = if headline.is_empty() {
        "Untitled".to_string()
    } else {
        headline
    };
    let dek = one_line(&draft.dek);
    let description = if dek.is_empty() {
        shorten(&one_line(&body.summary), DESCRIPTION_CHARS)
    } else {
        dek.clone()
    };
    let byline = one_line(&draft.byline);
    let authors = authors(&byline);
    let dateline = one_line(&draft.dateline);
    let (updated, ..) = dateline::from_unix_millis(draft.updated_at);
    let published = parse_dateline(&dateline).unwrap_or(updated);
    let modified = dateline::iso_datetime(draft.updated_at);
    let time_text = if dateline.is_empty() {
        updated.long()
    } else {
        dateline.clone()
    };

    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": description,
        "author": authors.iter().map(|name| json!({"@type": "Person", "name": name})).collect::<Vec<_>>(),
        "datePublished": published.iso(),
        "dateModified": modified,
        "wordCount": body.word_count,
    });
    if let Some(image) = &body.first_image {
        ld["image"] = json!([image]);
    }

    let e = escape;
    let mut page = String::with_capacity(body.html.len() + STYLESHEET.len() + 2048);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n",
        lang = e(lang),
        title = e(&headline),
        description = e(&description),
    );
    if !authors.is_empty() {
        let _ = writeln!(
            page,
            "<meta name=\"author\" content=\"{}\">",
            e(&authors.join(", "))
        );
    }
    let _ = write!(
        page,
        "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"{}\">\n\
         <meta property=\"og:description\" content=\"{}\">\n",
        e(&headline),
        e(&description),
    );
    if let Some(image) = &body.first_image {
        let _ = writeln!(
            page,
            "<meta property=\"og:image\" content=\"{}\">",
            e(image)
        );
    }
    let _ = write!(
        page,
        "<meta property=\"article:published_time\" content=\"{}\">\n\
         <meta property=\"article:modified_time\" content=\"{}\">\n\
         <script type=\"application/ld+json\">{}</script>\n<style>\n{}</style>\n</head>\n<body>\n<article>\n<header>\n\
         <h1>{}</h1>\n",
        published.iso(),
        modified,
        script_safe_json(&ld),
        STYLESHEET,
        e(&headline),
    );
    if !dek.is_empty() {
        let _ = writeln!(page, "<p class=\"dek\">{}</p>", e(&dek));
    }
    if !byline.is_empty() {
        let shown = if starts_with_by(&byline) {
            byline.clone()
        } else {
            format!("By {byline}")
        };
        let _ = writeln!(page, "<p class=\"byline\">{}</p>", e(&shown));
    }
    let _ = write!(
        page,
        "<p class=\"dateline\"><time datetime=\"{}\">{}</time></p>\n</header>\n{}</article>\n</body>\n</html>\n",
        published.iso(),
        e(&time_text),
        body.html,
    );
    page
}

/// JSON safe inside a `<script>` element: `<`, `>` and `&` are written as
/// `\u` escapes, so no `</script>` or `<!--` can appear.
fn script_safe_json(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// Metadata on one line, runs of whitespace as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn starts_with_by(byline: &str) -> bool {
    byline
        .get(..3)
        .is_some_and(|s| s.eq_ignore_ascii_case("by "))
}

/// The people a byline names: "By Anna Ivanova and Tom Reed" gives two.
fn authors(byline: &str) -> Vec<String> {
    let names = if starts_with_by(byline) {
        &byline[3..]
    } else {
        byline
    };
    names
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// `text` cut at a word boundary to at most `max` characters, with an
/// ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at > max / 2 => &cut[..at],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_name_their_authors() {
        assert_eq!(
            authors("By Anna Ivanova and Tom Reed"),
            ["Anna Ivanova", "Tom Reed"]
        );
        assert_eq!(
            authors("Lena Park, Omar Haddad & Jo Kim"),
            ["Lena Park", "Omar Haddad", "Jo Kim"]
        );
        assert!(authors("").is_empty());
    }

    #[test]
    fn json_ld_cannot_close_its_script() {
        let json = script_safe_json(&json!({"headline": "</script><!-- & -->"}));
        assert!(!json.contains('<') && !json.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["headline"], "</script><!-- & -->");
    }

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        assert_eq!(shorten("one two three", 50), "one two three");
        assert_eq!(shorten("alpha beta gamma delta", 12), "alpha beta…");
    }
}
