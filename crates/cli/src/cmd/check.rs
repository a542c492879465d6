//! `byline check`: the quote checker's findings, like a compiler's, or as
//! JSON with code-point offsets into the file as given.
//!
//! Text (the default): one finding per issue,
//! `FILE:LINE:COL: SEVERITY CODE: MESSAGE`, the line with a caret under the
//! place, then a one-line summary. Lines and columns count from 1, columns
//! in characters.
//!
//! JSON (`--format json`): `{"quotes": [...], "speakers": [...], "issues": [...]}`.
//! Every `start`/`end` is a Unicode code-point offset into the file, end
//! exclusive; a quote's range spans the quoted words without their marks.
//! - quote: `start`, `end`, `text`, `kind` (`speech` | `title` | `scare`),
//!   `speaker` (the full name, or null), `speaker_mention` (the words it
//!   was resolved from: "he", "Marsadov"), `cue` ("said", "according to"),
//!   `paragraph` (zero-based block index).
//! - speaker: `name`, `description` (from the first reference), `quotes`,
//!   `words`.
//! - issue: `code` (`missing-open-quote`, `missing-close-quote`,
//!   `unattributed-quote`, `ambiguous-speaker`, `speaker-not-introduced`,
//!   `mixed-quote-styles`), `severity` (`error` | `warning` | `info`),
//!   `start`, `end`, `message`, and `fix` (`label`, `start`, `end`,
//!   `insert`: replace start..end with insert) when one is clear.
//!
//! Exit status: 0 when no issue is an error, 1 when one is (or the input
//! cannot be read), 2 for usage errors.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Result};
use byline_core::check::{self, Issue, Report};
use byline_core::import;
use byline_core::text::OffsetMap;
use serde_json::{json, Value};

use super::{flat, library_draft};
use crate::CheckFormat;

pub fn run(
    db: Option<&Path>,
    file: Option<&Path>,
    draft: Option<i64>,
    format: CheckFormat,
) -> Result<ExitCode> {
    let (label, text) = match (file, draft) {
        (Some(path), _) => (
            path.display().to_string(),
            import::read_text(path).map_err(flat)?,
        ),
        (None, Some(id)) => (format!("draft {id}"), library_draft(db, id)?.body),
        (None, None) => return Err(anyhow!("give a FILE or --draft ID")),
    };
    let report = check::check(&text);
    let mut out = std::io::stdout().lock();
    match format {
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &to_json(&text, &report))?;
            writeln!(out)?;
        }
        CheckFormat::Text => write_text(&mut out, &label, &text, &report)?,
    }
    out.flush()?;
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The report as JSON: every offset is a code-point index into the text.
pub fn to_json(text: &str, report: &Report) -> Value {
    let map = OffsetMap::new(text);
    let quotes: Vec<Value> = report
        .quotes
        .iter()
        .map(|q| {
            json!({
                "start": map.chars(q.range.start),
                "end": map.chars(q.range.end),
                "text": q.text,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_mention": q.speaker_mention,
                "cue": q.cue,
                "paragraph": q.paragraph,
            })
        })
        .collect();
    let speakers: Vec<Value> = report
        .speakers
        .iter()
        .map(|s| json!({"name": s.name, "description": s.description, "quotes": s.quotes, "words": s.words}))
        .collect();
    let issues: Vec<Value> = report.issues.iter().map(|i| issue_json(&map, i)).collect();
    json!({"quotes": quotes, "speakers": speakers, "issues": issues})
}

fn issue_json(map: &OffsetMap<'_>, i: &Issue) -> Value {
    let mut v = json!({
        "code": i.code,
        "severity": i.severity,
        "start": map.chars(i.range.start),
        "end": map.chars(i.range.end),
        "message": i.message,
    });
    if let Some(f) = &i.fix {
        v["fix"] = json!({
            "label": f.label,
            "start": map.chars(f.range.start),
            "end": map.chars(f.range.end),
            "insert": f.insert,
        });
    }
    v
}

/// `FILE:line:col: severity code: message`, then the line with a caret.
fn write_text(out: &mut impl Write, label: &str, text: &str, report: &Report) -> Result<()> {
    for i in &report.issues {
        let at = i.range.start.min(text.len());
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let line_no = text[..line_start].bytes().filter(|&b| b == b'\n').count() + 1;
        let col = text[line_start..at].chars().count() + 1;
        let sev = match i.severity {
            check::Severity::Error => "error",
            check::Severity::Warning => "warning",
            check::Severity::Info => "info",
        };
        writeln!(
            out,
            "{label}:{line_no}:{col}: {sev} {}: {}",
            i.code, i.message
        )?;
        // Show at most 100 characters around the caret.
        let line = &text[line_start..line_end];
        let caret_col = col - 1;
        let skip = caret_col.saturating_sub(60);
        let shown: String = line.chars().skip(skip).take(100).collect();
        let prefix = if skip > 0 { "…" } else { "" };
        writeln!(out, "    {prefix}{shown}")?;
        let width = (caret_col - skip) + prefix.chars().count();
        let len = text[at..i.range.end.clamp(at, line_end)]
            .chars()
            .count()
            .clamp(1, 40);
        writeln!(out, "    {}^{}", " ".repeat(width), "~".repeat(len - 1))?;
    }
    let errors = report
        .issues
        .iter()
        .filter(|i| i.severity == check::Severity::Error)
        .count();
    let warnings = report
        .issues
        .iter()
        .filter(|i| i.severity == check::Severity::Warning)
        .count();
    let speech = report
        .quotes
        .iter()
        .filter(|q| q.kind == check::QuoteKind::Speech)
        .count();
    writeln!(
        out,
        "{label}: {} quotes ({speech} spoken, {} speakers), {errors} errors, {warnings} warnings",
        report.quotes.len(),
        report.speakers.len()
    )?;
    Ok(())
}
