//! Search text in and out of FTS5: free text from a search box becomes a
//! query that can never be an FTS5 syntax error, and `snippet()` output
//! becomes escaped HTML with `<mark>` around the hits.

/// Marks a hit's start in `snippet()` output. A private-use character, so it
/// cannot be confused with HTML; any such character already in a draft is
/// dropped from snippets.
pub(crate) const HIT_START: char = '\u{E000}';
/// Marks a hit's end in `snippet()` output.
pub(crate) const HIT_END: char = '\u{E001}';

/// Turns what a writer typed into an FTS5 query: each whitespace-separated
/// word becomes a quoted phrase (quotes inside are doubled, so operators,
/// brackets, colons and stray quotes are plain text), all words must match,
/// and the last word matches as a prefix unless the text ends with a space,
/// so results appear while typing. `None` when nothing searchable is left.
pub(crate) fn query_from_text(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let last = words.len().checked_sub(1)?;
    let prefix_last = !text.ends_with(char::is_whitespace);
    let mut query = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            query.push(' ');
        }
        query.push('"');
        query.push_str(&word.replace('"', "\"\""));
        query.push('"');
        if i == last && prefix_last {
            query.push('*');
        }
    }
    Some(query)
}

/// HTML-escapes `raw` (a `snippet()` result using [`HIT_START`] and
/// [`HIT_END`]) and turns the markers into `<mark>` and `</mark>`.
pub(crate) fn snippet_to_html(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 32);
    for c in raw.chars() {
        match c {
            HIT_START => out.push_str("<mark>"),
            HIT_END => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_becomes_quoted_phrases_with_a_prefix_last() {
        let cases: &[(&str, Option<&str>)] = &[
            ("", None),
            ("   ", None),
            ("-- ** ()", None),
            ("mayor", Some(r#""mayor"*"#)),
            ("mayor ", Some(r#""mayor""#)),
            ("city council budg", Some(r#""city" "council" "budg"*"#)),
            (r#"she said "no"#, Some(r#""she" "said" """no"*"#)),
            ("NOT AND OR NEAR(x", Some(r#""NOT" "AND" "OR" "NEAR(x"*"#)),
            (
                "headline:fire -water ^start",
                Some(r#""headline:fire" "-water" "^start"*"#),
            ),
            ("o'brien’s", Some(r#""o'brien’s"*"#)),
        ];
        for (text, expected) in cases {
            assert_eq!(query_from_text(text).as_deref(), *expected, "for {text:?}");
        }
    }

    #[test]
    fn snippets_are_escaped_and_marked() {
        let raw = format!("a <b> & {HIT_START}\"hit\"{HIT_END}'s");
        assert_eq!(
            snippet_to_html(&raw),
            "a &lt;b&gt; &amp; <mark>&quot;hit&quot;</mark>&#39;s"
        );
    }
}
