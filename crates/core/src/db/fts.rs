//! Search text in and out of FTS5: free text from a search box becomes a
//! query that can never be an FTS5 syntax error, and a hit's text becomes a
//! snippet of escaped HTML with `<mark>` around the matching words.
//!
//! The index is contentless (it keeps tokens, not text; see
//! `migrations.rs`), so snippets are made here, from the draft's text, with a
//! tokenizer that follows FTS5's `unicode61 remove_diacritics 2`: runs of
//! letters and digits, lower-cased, common diacritics folded.

use std::ops::Range;

/// A search as FTS5 runs it and as snippets highlight it.
#[derive(Debug, PartialEq)]
pub(crate) struct Query {
    /// The FTS5 `MATCH` expression: every phrase must match.
    pub fts: String,
    /// Each phrase of `fts` on its own, to match a long draft whose words
    /// sit in different rows of the index (see `index.rs`).
    pub phrases: Vec<String>,
    /// The tokens to highlight, folded; the last may match as a prefix.
    terms: Vec<(String, bool)>,
}

/// Turns what a writer typed into a [`Query`]: each whitespace-separated
/// word becomes a quoted phrase (quotes inside are doubled, so operators,
/// brackets, colons and stray quotes are plain text), all words must match,
/// and the last word matches as a prefix unless the text ends with a space,
/// so results appear while typing. A last word shorter than three letters
/// matches whole ("EU", "UN"): as a prefix it would match a large part of the
/// vocabulary, slowly and to little use; three-letter prefixes have their own
/// index (`prefix = '3'`). `None` when nothing searchable is left.
pub(crate) fn query_from_text(text: &str) -> Option<Query> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let last = words.len().checked_sub(1)?;
    let prefix_last = !text.ends_with(char::is_whitespace);
    let mut phrases = Vec::with_capacity(words.len());
    let mut terms = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let mut phrase = format!("\"{}\"", word.replace('"', "\"\""));
        let prefix =
            i == last && prefix_last && word.chars().filter(|c| c.is_alphanumeric()).count() >= 3;
        if prefix {
            phrase.push('*');
        }
        phrases.push(phrase);
        let tokens = tokens(word);
        let count = tokens.len();
        for (j, (_, folded)) in tokens.into_iter().enumerate() {
            terms.push((folded, prefix && j + 1 == count));
        }
    }
    Some(Query {
        fts: phrases.join(" "),
        phrases,
        terms,
    })
}

/// Folds a character the way `remove_diacritics 2` does for the common
/// Latin letters: lower case, accents off.
pub(crate) fn fold(c: char) -> impl Iterator<Item = char> {
    let folded: &'static str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            "a"
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            "o"
        }
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => "",
    };
    let lower = if folded.is_empty() {
        Some(c.to_lowercase())
    } else {
        None
    };
    folded.chars().chain(lower.into_iter().flatten())
}

/// The tokens of `text`: byte ranges and folded forms.
fn tokens(text: &str) -> Vec<(Range<usize>, String)> {
    token_ranges(text)
        .into_iter()
        .map(|range| {
            let folded = text[range.clone()].chars().flat_map(fold).collect();
            (range, folded)
        })
        .collect()
}

/// The byte ranges of the tokens of `text`: runs of letters and digits.
fn token_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                out.push(from..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(from..text.len());
    }
    out
}

/// How many tokens a snippet shows.
const SNIPPET_TOKENS: usize = 24;

impl Query {
    /// Whether `token` (as written, not folded) is one of the terms. A
    /// search highlights some fifty drafts' worth of words, so an ASCII
    /// token, nearly all of them, is compared in place; only others are
    /// folded into a new string.
    fn is_hit(&self, token: &str) -> bool {
        if token.is_ascii() {
            let token = token.as_bytes();
            return self.terms.iter().any(|(term, prefix)| {
                let term = term.as_bytes();
                let fits = if *prefix {
                    token.len() >= term.len()
                } else {
                    token.len() == term.len()
                };
                fits && token[..term.len()].eq_ignore_ascii_case(term)
            });
        }
        let folded: String = token.chars().flat_map(fold).collect();
        self.terms.iter().any(|(term, prefix)| {
            if *prefix {
                folded.starts_with(term.as_str())
            } else {
                folded == *term
            }
        })
    }

    /// A snippet of escaped HTML from the first of `texts` that has a hit:
    /// about [`SNIPPET_TOKENS`] words around the densest run of hits, each
    /// hit in `<mark>`, `…` where text was left out. Falls back to the
    /// start of the first non-empty text.
    pub(crate) fn snippet(&self, texts: &[&str]) -> String {
        let tokenized: Vec<(&str, Vec<_>, Vec<bool>)> = texts
            .iter()
            .map(|text| {
                let toks = token_ranges(text);
                let hits = toks.iter().map(|r| self.is_hit(&text[r.clone()])).collect();
                (*text, toks, hits)
            })
            .collect();
        let chosen = tokenized
            .iter()
            .find(|(_, _, hits)| hits.contains(&true))
            .or_else(|| tokenized.iter().find(|(_, toks, _)| !toks.is_empty()));
        let Some((text, toks, hits)) = chosen else {
            return String::new();
        };
        // The window with the most hits; the earliest if several tie.
        let width = SNIPPET_TOKENS.min(toks.len());
        let mut count = hits[..width].iter().filter(|h| **h).count();
        let (mut best, mut best_count) = (0, count);
        for start in 1..=toks.len() - width {
            count = count + usize::from(hits[start + width - 1]) - usize::from(hits[start - 1]);
            if count > best_count {
                (best, best_count) = (start, count);
            }
        }
        // Start a few words before the first hit, for context.
        let first_hit = (best..best + width).find(|&i| hits[i]).unwrap_or(best);
        let start = first_hit.saturating_sub(4).min(toks.len() - width);
        let end = start + width;

        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        let mut at = toks[start].start;
        for i in start..end {
            let range = &toks[i];
            push_escaped(&mut out, &text[at..range.start]);
            if hits[i] {
                out.push_str("<mark>");
                push_escaped(&mut out, &text[range.clone()]);
                out.push_str("</mark>");
            } else {
                push_escaped(&mut out, &text[range.clone()]);
            }
            at = range.end;
        }
        if end < toks.len() {
            out.push('…');
        } else {
            // Closing punctuation after the last word ("said.").
            push_escaped(&mut out, text[at..].trim_end());
        }
        out
    }
}

/// Appends `text` HTML-escaped, with runs of whitespace (line breaks
/// included) as one space.
fn push_escaped(out: &mut String, text: &str) {
    use crate::text::push_html_escaped;
    let mut rest = text;
    while let Some(ws) = rest.find(char::is_whitespace) {
        push_html_escaped(out, &rest[..ws]);
        out.push(' ');
        rest = rest[ws..].trim_start();
    }
    push_html_escaped(out, rest);
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
            (r#"she said "no"#, Some(r#""she" "said" """no""#)),
            ("NOT AND OR NEAR(x", Some(r#""NOT" "AND" "OR" "NEAR(x"*"#)),
            (
                "headline:fire -water ^start",
                Some(r#""headline:fire" "-water" "^start"*"#),
            ),
            ("o'brien’s", Some(r#""o'brien’s"*"#)),
            ("harbour s", Some(r#""harbour" "s""#)),
            ("harbour st", Some(r#""harbour" "st""#)),
            ("harbour str", Some(r#""harbour" "str"*"#)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                query_from_text(text).map(|q| q.fts).as_deref(),
                *expected,
                "for {text:?}"
            );
        }
        let q = query_from_text("Café O'Brien").unwrap();
        assert_eq!(
            q.terms,
            [
                ("cafe".into(), false),
                ("o".into(), false),
                ("brien".into(), true)
            ]
        );
    }

    #[test]
    fn snippets_are_escaped_marked_and_centred_on_hits() {
        let q = query_from_text("fire").unwrap();
        assert_eq!(
            q.snippet(&["a <b> & \"Fires\"'s end."]),
            "a &lt;b&gt; &amp; &quot;<mark>Fires</mark>&quot;&#39;s end."
        );

        let long = format!(
            "{} The fire\nstarted at dawn. {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let s = q.snippet(&[&long]);
        assert!(
            s.starts_with("…word word word The <mark>fire</mark> started at dawn."),
            "{s}"
        );
        assert!(s.ends_with('…'), "{s}");

        // The first text with a hit wins; without any, the first non-empty.
        assert_eq!(
            q.snippet(&["", "no match here", "a fire"]),
            "a <mark>fire</mark>"
        );
        assert_eq!(q.snippet(&["", "no match here"]), "no match here");
        assert_eq!(
            query_from_text("cafe").unwrap().snippet(&["Le Café."]),
            "Le <mark>Café</mark>."
        );
        assert_eq!(
            query_from_text("fir ").unwrap().snippet(&["fir fire"]),
            "<mark>fir</mark> fire"
        );
        // Folded either way: an accented query marks plain words, and the
        // other way round; letters outside ASCII fold too.
        assert_eq!(
            query_from_text("café")
                .unwrap()
                .snippet(&["A CAFE, a café."]),
            "A <mark>CAFE</mark>, a <mark>café</mark>."
        );
        assert_eq!(
            query_from_text("zur")
                .unwrap()
                .snippet(&["ZÜRICH, Zurich, azur"]),
            "<mark>ZÜRICH</mark>, <mark>Zurich</mark>, azur"
        );
    }
}
