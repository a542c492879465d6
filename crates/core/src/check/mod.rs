//! The quote-attribution checker: finds every quotation in an article, names
//! who said it, and flags quotes that are broken or unattributed.
//!
//! `check` is a pure function that never fails: any text in, a report out.
//! All ranges are UTF-8 byte offsets into the text as given.
//!
//! The work is one pass over the bytes for blocks and quotation marks
//! (`scan`), then, per quote, a look at a small window around it for the
//! attribution (`attrib`) using compiled-in word lists (`lexicon`).

use std::ops::Range;

mod analyse;
mod attrib;
mod lexicon;
mod places;
mod scan;
mod single;
mod words;

use serde::Serialize;

/// What a quoted span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Someone's words.
    Speech,
    /// The title of a work, hearing, report or headline.
    Title,
    /// Scare quotes or a quoted term.
    Scare,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, without their marks.
    pub range: Range<usize>,
    pub text: String,
    pub kind: QuoteKind,
    /// The full name the article introduces ("Anton Marsadov").
    pub speaker: Option<String>,
    /// The mention it was resolved from ("he", "Marsadov").
    pub speaker_mention: Option<String>,
    /// Where that mention is in the text.
    pub speaker_range: Option<Range<usize>>,
    /// The attribution cue ("said", "according to").
    pub cue: Option<String>,
    /// Zero-based paragraph index.
    pub paragraph: usize,
}

/// A person or body quoted in the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    pub name: String,
    /// The description on first reference ("Russian analyst").
    pub description: Option<String>,
    pub quotes: usize,
    pub words: usize,
}

/// A suggested edit: replace `range` with `insert`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub label: String,
    pub range: Range<usize>,
    pub insert: String,
}

/// A finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// A stable kebab-case code, e.g. `missing-open-quote`.
    pub code: &'static str,
    pub severity: Severity,
    pub range: Range<usize>,
    pub message: String,
    pub fix: Option<Fix>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}

/// Checks an article (Markdown or plain text).
pub fn check(text: &str) -> Report {
    match single::swapped(text) {
        None => analyse::run(text),
        Some(swapped) => {
            let mut report = analyse::run(&swapped);
            single::restore(text, &mut report);
            report
        }
    }
}

/// The team's sample articles (`assets/samples`), for tests that compare a
/// fast path with its plain definition on article-like text.
#[cfg(test)]
pub(crate) fn sample_articles() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples");
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect()
}
