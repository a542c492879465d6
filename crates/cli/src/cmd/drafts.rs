//! The library subcommands: import, list, show, save, history, restore,
//! search, delete, trash, undelete.
//!
//! Glue only: open the library, call `byline-core`, print. Lists print one
//! line per item for people, or JSON for scripts; every error names the
//! library or the file it is about.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use byline_core::db::SaveKind;
use byline_core::import;
use byline_core::{Draft, DraftPatch, DraftSummary, Library};

use super::{flat, in_library, open_library};
use crate::{Command, ListFormat, ShowFormat};

/// How many search hits `byline search` prints.
const SEARCH_LIMIT: usize = 50;

pub fn run(db: Option<&Path>, command: Command) -> Result<ExitCode> {
    match command {
        Command::Import { files } => import_files(db, &files),
        Command::List { format } => {
            let (lib, path) = open_library(db)?;
            print_summaries(
                &lib.list().map_err(|e| in_library(e, &path))?,
                format,
                "The library is empty; `byline import FILE` adds drafts.",
            )
        }
        Command::Show { id, format } => {
            let (lib, path) = open_library(db)?;
            let draft = lib.get(id).map_err(|e| in_library(e, &path))?;
            emit(&match format {
                ShowFormat::Json => json(&draft)?,
                ShowFormat::Md => show_markdown(&draft),
                ShowFormat::Text => show_text(&draft),
            })
        }
        Command::Save { id, file } => {
            let body = import::read_text(&file).map_err(flat)?;
            let (mut lib, path) = open_library(db)?;
            let patch = DraftPatch {
                body: Some(body),
                ..DraftPatch::default()
            };
            let (_, revision) = lib
                .update(id, &patch, SaveKind::Explicit)
                .map_err(|e| in_library(e, &path))?;
            tidy(&mut lib);
            let revision =
                revision.context("an explicit save took no revision (a bug in byline-core)")?;
            emit(&format!("{revision}\n"))
        }
        Command::History { id } => {
            let (lib, path) = open_library(db)?;
            let mut out = String::new();
            for rev in lib.history(id).map_err(|e| in_library(e, &path))? {
                out.push_str(&format!(
                    "{:>4}  {}  {:<8}  {:>6} words  {}\n",
                    rev.number,
                    format_time(rev.created_at),
                    rev.reason.as_str(),
                    rev.word_count,
                    rev.headline
                ));
            }
            emit(&out)
        }
        Command::Restore { id, rev } => {
            let (mut lib, path) = open_library(db)?;
            let restored = lib.restore(id, rev).map_err(|e| in_library(e, &path))?;
            tidy(&mut lib);
            emit(&format!("{}\n", restored.number))
        }
        Command::Search { query, format } => {
            let (lib, path) = open_library(db)?;
            let hits = lib
                .search(&query, SEARCH_LIMIT)
                .map_err(|e| in_library(e, &path))?;
            if format == ListFormat::Json {
                return emit(&json(&hits)?);
            }
            let bold = std::io::stdout().is_terminal();
            let mut out = String::new();
            for hit in &hits {
                out.push_str(&format!(
                    "{:>5}  {}\n       {}\n",
                    hit.id,
                    hit.headline,
                    snippet_text(&hit.snippet, bold)
                ));
            }
            if hits.is_empty() {
                eprintln!("No draft matches {query:?}.");
            }
            emit(&out)
        }
        Command::Delete { id } => {
            let (mut lib, path) = open_library(db)?;
            lib.delete(id).map_err(|e| in_library(e, &path))?;
            tidy(&mut lib);
            emit(&format!(
                "Moved draft {id} to the trash; `byline undelete {id}` brings it back.\n"
            ))
        }
        Command::Trash => {
            let (lib, path) = open_library(db)?;
            print_summaries(
                &lib.trash().map_err(|e| in_library(e, &path))?,
                ListFormat::Text,
                "The trash is empty.",
            )
        }
        Command::Undelete { id } => {
            let (mut lib, path) = open_library(db)?;
            lib.undelete(id).map_err(|e| in_library(e, &path))?;
            tidy(&mut lib);
            emit(&format!("Draft {id} is back in the library.\n"))
        }
        other @ (Command::Check { .. } | Command::Export { .. }) => {
            Err(anyhow!("{other:?} is not a library subcommand"))
        }
    }
}

/// Reads every file first and imports only when all of them are good, in
/// one transaction: a failed import adds nothing.
fn import_files(db: Option<&Path>, files: &[PathBuf]) -> Result<ExitCode> {
    let mut drafts = Vec::with_capacity(files.len());
    let mut failed = 0;
    for file in files {
        match import::import_file(file) {
            Ok(draft) => drafts.push(draft),
            Err(e) => {
                eprintln!("byline: {e}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        eprintln!(
            "byline: nothing was imported ({failed} of {} files could not be read)",
            files.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    let (mut lib, path) = open_library(db)?;
    let created = lib.create_many(&drafts).map_err(|e| in_library(e, &path))?;
    tidy(&mut lib);
    let ids: String = created.iter().map(|d| format!("{}\n", d.id)).collect();
    emit(&ids)
}

/// After a write, merges the search index and checkpoints the log, as the
/// app does when the writer pauses (saves leave that work out to stay fast).
/// Best effort: the write is already committed, and if the library is busy
/// the next maintenance, here or in the app, does the work.
fn tidy(lib: &mut Library) {
    let _ = lib.maintain(MAINTAIN_BUDGET);
}

/// Time a write command spends tidying the library; a large import may leave
/// the rest to the next one.
const MAINTAIN_BUDGET: Duration = Duration::from_millis(300);

fn print_summaries(drafts: &[DraftSummary], format: ListFormat, empty: &str) -> Result<ExitCode> {
    if format == ListFormat::Json {
        return emit(&json(&drafts)?);
    }
    if drafts.is_empty() {
        eprintln!("{empty}");
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!(
        "{:>5}  {:<7}  {:>6}  {:<16}  {}\n",
        "ID", "STATUS", "WORDS", "UPDATED", "HEADLINE"
    );
    for d in drafts {
        let headline = if d.headline.is_empty() {
            "(untitled)"
        } else {
            &d.headline
        };
        out.push_str(&format!(
            "{:>5}  {:<7}  {:>6}  {:<16}  {}\n",
            d.id,
            d.status.as_str(),
            d.word_count,
            format_time(d.deleted_at.unwrap_or(d.updated_at)),
            headline
        ));
    }
    emit(&out)
}

fn show_text(d: &Draft) -> String {
    let mut out = String::new();
    out.push_str(if d.headline.is_empty() {
        "(untitled)"
    } else {
        &d.headline
    });
    out.push('\n');
    if !d.dek.is_empty() {
        out.push_str(&d.dek);
        out.push('\n');
    }
    let credit = match (d.byline.is_empty(), d.dateline.is_empty()) {
        (false, false) => format!("By {} — {}\n", d.byline, d.dateline),
        (false, true) => format!("By {}\n", d.byline),
        (true, false) => format!("{}\n", d.dateline),
        (true, true) => String::new(),
    };
    out.push_str(&credit);
    let target = d
        .target_words
        .map(|t| format!(" of {t}"))
        .unwrap_or_default();
    out.push_str(&format!(
        "[draft {} · {} · {} · {}{} words · updated {}]\n\n",
        d.id,
        d.slug,
        d.status.as_str(),
        d.word_count,
        target,
        format_time(d.updated_at)
    ));
    out.push_str(&d.body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The draft as a Markdown file that `byline import` reads back: the
/// headline as a `#` heading, then the body.
fn show_markdown(d: &Draft) -> String {
    let mut out = format!("# {}\n\n{}", d.headline, d.body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A search snippet (escaped HTML with `<mark>`) as terminal text: hits in
/// bold on a terminal, else between `[` and `]`.
fn snippet_text(html: &str, bold: bool) -> String {
    let (open, close) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    html.replace("<mark>", open)
        .replace("</mark>", close)
        .replace('\n', " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

/// Writes to stdout; a reader that went away (`byline list | head`) is not
/// an error.
fn emit(text: &str) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Unix milliseconds as `YYYY-MM-DD HH:MM` in UTC.
fn format_time(ms: i64) -> String {
    let (date, hour, minute, _) = byline_core::export::from_unix_millis(ms);
    format!("{} {hour:02}:{minute:02}", date.iso())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_utc_dates() {
        assert_eq!(format_time(0), "1970-01-01 00:00");
        assert_eq!(format_time(951_782_400_000), "2000-02-29 00:00");
        assert_eq!(format_time(1_795_000_000_000), "2026-11-18 11:06");
    }

    #[test]
    fn snippets_read_plainly_in_a_terminal() {
        let html = "&lt;b&gt; &amp;amp; <mark>fire</mark>";
        assert_eq!(snippet_text(html, false), "<b> &amp; [fire]");
        assert_eq!(snippet_text(html, true), "<b> &amp; \x1b[1mfire\x1b[0m");
    }
}
