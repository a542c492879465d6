//! Raw HTML and hostile metadata through export: a list of common XSS
//! vectors (`tests/data/export/xss-vectors.txt`) goes into the body and every
//! metadata field, and the output is searched for anything that could run.

use std::path::Path;

use byline_core::export::{self, Mode};
use byline_core::model::{Draft, Status};

fn vectors() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/export/xss-vectors.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let vectors: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    assert!(
        vectors.len() >= 30,
        "expected at least 30 vectors, found {}",
        vectors.len()
    );
    vectors
}

fn draft(body: String) -> Draft {
    Draft {
        id: 1,
        slug: "xss".into(),
        headline: "Headline".into(),
        dek: "Dek".into(),
        byline: "By Someone".into(),
        dateline: "CITY, Jan. 1, 2026".into(),
        status: Status::Draft,
        body,
        created_at: 0,
        updated_at: 0,
        word_count: 0,
        target_words: None,
    }
}

/// Every way a vector goes into a draft.
fn drafts(vector: &str) -> Vec<(&'static str, Draft)> {
    let mut out = vec![
        ("block", draft(format!("Before.\n\n{vector}\n\nAfter."))),
        ("inline", draft(format!("Before {vector} after."))),
        ("list item", draft(format!("- item {vector}\n- two"))),
        (
            "footnote",
            draft(format!("Text.[^1]\n\n[^1]: Note {vector}")),
        ),
        ("table cell", draft(format!("| a |\n|---|\n| {vector} |"))),
    ];
    for field in ["headline", "dek", "byline", "dateline"] {
        let mut d = draft("Body.".into());
        let value = vector.to_string();
        match field {
            "headline" => d.headline = value,
            "dek" => d.dek = value,
            "byline" => d.byline = value,
            _ => d.dateline = value,
        }
        out.push((field, d));
    }
    out
}

/// Tags export may write; anything else is a finding.
const ALLOWED_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "script",
    "style",
    "body",
    "article",
    "header",
    "section",
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
];

/// What in `html` could run script or load something unexpected.
fn dangers(html: &str, mode: Mode) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    let scripts = lower.matches("<script").count();
    let expected_scripts = usize::from(mode == Mode::Standalone);
    if scripts != expected_scripts
        || lower
            .matches("<script type=\"application/ld+json\">")
            .count()
            != expected_scripts
    {
        found.push(format!("{scripts} script elements"));
    }
    if lower.matches("<style").count() > expected_scripts {
        found.push("a second style element".into());
    }
    if lower.contains("<!--") {
        found.push("a comment".into());
    }
    // Skip the contents of the JSON-LD script and the stylesheet: neither may
    // hold a `<` at all.
    let mut rest = html;
    let mut text = String::new();
    for (open, close) in [
        ("<script type=\"application/ld+json\">", "</script>"),
        ("<style>", "</style>"),
    ] {
        if let (Some(a), Some(b)) = (rest.find(open), rest.find(close)) {
            let inner = &rest[a + open.len()..b];
            if inner.contains('<') {
                found.push(format!("`<` inside {open}"));
            }
            text.push_str(&rest[..a + open.len()]);
            rest = &rest[b..];
        }
    }
    text.push_str(rest);
    for tag in tags(&text) {
        if !ALLOWED_TAGS.contains(&tag.name.as_str()) {
            found.push(format!("<{}> element", tag.name));
        }
        for (name, value) in &tag.attributes {
            if name.starts_with("on")
                || matches!(
                    name.as_str(),
                    "style" | "srcdoc" | "formaction" | "xlink:href" | "http-equiv"
                )
            {
                found.push(format!("{name}= on <{}>", tag.name));
            }
            if matches!(
                name.as_str(),
                "href" | "src" | "cite" | "action" | "poster" | "data" | "background"
            ) {
                let url: String = decode(value)
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let image_data =
                    tag.name == "img" && name == "src" && url.starts_with("data:image/");
                if url.starts_with("javascript:")
                    || url.starts_with("vbscript:")
                    || (url.starts_with("data:") && !image_data)
                {
                    found.push(format!("{name}=\"{value}\" on <{}>", tag.name));
                }
            }
        }
    }
    found
}

struct TagSeen {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The start tags in `html`, read the simple way export writes them (every
/// `<` in text is escaped, every attribute value double-quoted).
fn tags(html: &str) -> Vec<TagSeen> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let mut attributes = Vec::new();
        let mut s = &rest[name.len()..];
        loop {
            s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if s.is_empty() || s.starts_with('>') {
                break;
            }
            let attr: String = s
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '=' | '>' | '/'))
                .collect();
            s = &s[attr.len().max(1)..];
            let mut value = String::new();
            if let Some(v) = s.strip_prefix("=\"") {
                let end = v.find('"').unwrap_or(v.len());
                value = v[..end].to_string();
                s = &v[(end + 1).min(v.len())..];
            } else if let Some(v) = s.strip_prefix('=') {
                let end = v
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(v.len());
                value = v[..end].to_string();
                s = &v[end..];
            }
            attributes.push((attr.to_ascii_lowercase(), value));
        }
        out.push(TagSeen { name, attributes });
    }
    out
}

/// Decodes the character references a browser would in an attribute.
fn decode(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').unwrap_or(0);
        let entity = &rest[1..end.max(1)];
        let decoded = match entity {
            "amp" => Some('&'),
            "colon" => Some(':'),
            "tab" | "Tab" => Some('\t'),
            "newline" | "NewLine" => Some('\n'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            e if e.starts_with("#x") || e.starts_with("#X") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) if end > 0 => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn no_xss_vector_survives_export() {
    let mut failures = Vec::new();
    for vector in vectors() {
        for (place, d) in drafts(&vector) {
            for mode in [Mode::Fragment, Mode::Standalone] {
                let html = export::to_html(&d, mode);
                let found = dangers(&html, mode);
                if !found.is_empty() {
                    failures.push(format!(
                        "{vector:?} as {place} ({mode:?}): {}",
                        found.join("; ")
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} leaks:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The checker above must itself catch what it is looking for.
#[test]
fn the_danger_check_catches_unsanitised_html() {
    let raw = r#"<p><a href="&#106;avascript:alert(1)">x</a><img src=x onerror=alert(1)><iframe src="https://x"></iframe></p>"#;
    let found = dangers(raw, Mode::Fragment);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(dangers(
        "<p>javascript:alert(1) as text is harmless</p>",
        Mode::Fragment
    )
    .is_empty());
}

/// Markdown stitched at random from syntax pieces, raw tags and the vectors:
/// export must neither panic nor let anything dangerous through.
#[test]
fn random_markdown_never_panics_and_stays_safe() {
    let mut pieces: Vec<String> = [
        "word ",
        "é ",
        "—",
        "’",
        "\"",
        "*",
        "**",
        "~~",
        "`",
        "[",
        "](",
        ")",
        "![",
        "](img.png \"t\")",
        "\n",
        "\n\n",
        "| a | b |\n|:-|-:|\n",
        "[^1]",
        "[^1]: ",
        "> ",
        "- ",
        "1. ",
        "# ",
        "## ",
        "<b>",
        "</b>",
        "<abbr title=\"x\">",
        "</abbr>",
        "<br>",
        "<div>",
        "</div>",
        "&nbsp;",
        "<p>",
        "</p>",
        "<!--",
        "-->",
        "```\n",
        "TK",
        "    code\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    pieces.extend(vectors());
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for round in 0..1500 {
        let len = 1 + next(40);
        let body: String = (0..len)
            .map(|_| pieces[next(pieces.len())].as_str())
            .collect();
        for mode in [Mode::Fragment, Mode::Standalone] {
            let html = export::to_html(&draft(body.clone()), mode);
            let found = dangers(&html, mode);
            assert!(found.is_empty(), "round {round}, body {body:?}: {found:?}");
        }
    }
}
