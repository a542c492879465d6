//! The "ready to file" check run before export: quote errors from the
//! checker, unfilled TK placeholders, a missing headline or byline.
//!
//! Like the checker, it never fails: a draft in, findings out. An empty list
//! means the piece is ready to file.

use std::ops::Range;

use serde::Serialize;

use crate::check;
use crate::model::Draft;

/// Which part of the draft a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Headline,
    Dek,
    Byline,
    Dateline,
    Body,
}

/// One reason the piece is not ready.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// A stable kebab-case code: `missing-headline`, `missing-byline`,
    /// `placeholder`, or `quote-error` (the checker's own code is in
    /// `quote_code`).
    pub code: &'static str,
    pub field: Field,
    /// UTF-8 byte offsets into that field, when the finding has a place.
    pub range: Option<Range<usize>>,
    pub message: String,
    /// The checker's code for a `quote-error`.
    pub quote_code: Option<&'static str>,
}

/// Everything standing between `draft` and filing it, in the order the
/// fields appear.
pub fn ready(draft: &Draft) -> Vec<Finding> {
    let mut findings = Vec::new();
    if draft.headline.trim().is_empty() {
        findings.push(finding(
            "missing-headline",
            Field::Headline,
            None,
            "the piece has no headline".into(),
        ));
    }
    if draft.byline.trim().is_empty() {
        findings.push(finding(
            "missing-byline",
            Field::Byline,
            None,
            "the piece has no byline".into(),
        ));
    }
    let fields = [
        (Field::Headline, &draft.headline),
        (Field::Dek, &draft.dek),
        (Field::Byline, &draft.byline),
        (Field::Dateline, &draft.dateline),
        (Field::Body, &draft.body),
    ];
    for (field, text) in fields {
        for range in placeholders(text) {
            let message = format!(
                "unfilled placeholder `{}` in the {}",
                &text[range.clone()],
                field_name(field)
            );
            findings.push(finding("placeholder", field, Some(range), message));
        }
    }
    let report = check::check(&draft.body);
    for issue in report
        .issues
        .iter()
        .filter(|i| i.severity == check::Severity::Error)
    {
        findings.push(Finding {
            code: "quote-error",
            field: Field::Body,
            range: Some(issue.range.clone()),
            message: issue.message.clone(),
            quote_code: Some(issue.code),
        });
    }
    findings
}

fn finding(
    code: &'static str,
    field: Field,
    range: Option<Range<usize>>,
    message: String,
) -> Finding {
    Finding {
        code,
        field,
        range,
        message,
        quote_code: None,
    }
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Headline => "headline",
        Field::Dek => "dek",
        Field::Byline => "byline",
        Field::Dateline => "dateline",
        Field::Body => "body",
    }
}

/// Ranges of `TK` placeholders: `TK`, `TKTK`... standing as a word of their
/// own (so `TKO` and `OTK` are not placeholders).
pub fn placeholders(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("TK").map(|i| i + from) {
        let mut end = at + 2;
        while text[end..].starts_with("TK") {
            end += 2;
        }
        let before_ok = !matches!(text[..at].chars().next_back(), Some(c) if c.is_alphanumeric());
        let after_ok = !matches!(text[end..].chars().next(), Some(c) if c.is_alphanumeric());
        if before_ok && after_ok {
            found.push(at..end);
        }
        from = end;
    }
    found
}
