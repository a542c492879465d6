//! `byline export`: HTML for the CMS or the web.
//!
//! Reads a draft from the library (`--draft ID`) or a plain Markdown file,
//! prints the "ready to file" findings to stderr, and writes the HTML to
//! stdout or, atomically, to `-o OUT`. Local images are embedded as `data:`
//! URIs, resolved against the Markdown file's directory (the current
//! directory for a library draft).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::UNIX_EPOCH;

use anyhow::{anyhow, bail, Result};
use byline_core::export::{self, Images, Mode, Options};
use byline_core::model::{word_count, Draft, Status};
use byline_core::ready;

pub fn run(
    db: Option<&Path>,
    file: Option<&Path>,
    draft: Option<i64>,
    output: Option<&Path>,
    fragment: bool,
    strict: bool,
) -> Result<ExitCode> {
    let (draft, base_dir) = match (file, draft) {
        (Some(path), _) => (draft_from_file(path)?, path.parent().map(Path::to_path_buf)),
        (None, Some(id)) => (draft_from_library(db, id)?, None),
        (None, None) => bail!("give a Markdown FILE or --draft ID to export"),
    };

    let findings = ready::ready(&draft);
    let report = || {
        for finding in &findings {
            eprintln!("byline: not ready to file: {}", finding.message);
        }
    };
    if strict && !findings.is_empty() {
        report();
        eprintln!(
            "byline: --strict: nothing exported ({} finding(s) above)",
            findings.len()
        );
        return Ok(ExitCode::FAILURE);
    }

    let mode = if fragment {
        Mode::Fragment
    } else {
        Mode::Standalone
    };
    let base_dir = base_dir.filter(|dir| !dir.as_os_str().is_empty());
    let opts = Options {
        mode,
        images: Images::Embed,
        base_dir,
        lang: None,
    };
    let exported = export::export(&draft, &opts).map_err(|err| anyhow!("cannot export: {err}"))?;

    match output {
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(exported.html.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|err| anyhow!("cannot write to standard output: {err}"))?;
        }
        Some(out) => write_atomically(out, exported.html.as_bytes())?,
    }
    // Reported once the export is out, so a failure is the last word.
    report();
    Ok(ExitCode::SUCCESS)
}

/// A Markdown file as a draft: metadata from its front matter, the headline
/// else from its first `#` heading (taken out of the body), else the file
/// name.
fn draft_from_file(path: &Path) -> Result<Draft> {
    let bytes =
        std::fs::read(path).map_err(|err| anyhow!("cannot read {}: {err}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        anyhow!(
            "{} is not valid UTF-8 text (first bad byte at offset {}); save it as UTF-8 and export again",
            path.display(),
            err.utf8_error().valid_up_to()
        )
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = export::read_markdown(&text);
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_millis() as i64);
    Ok(Draft {
        id: 0,
        slug: stem.clone(),
        headline: file.headline.unwrap_or(stem),
        dek: file.dek,
        byline: file.byline,
        dateline: file.dateline,
        status: Status::Draft,
        word_count: word_count(&file.body),
        body: file.body,
        created_at: modified,
        updated_at: modified,
        target_words: None,
    })
}

fn draft_from_library(db: Option<&Path>, id: i64) -> Result<Draft> {
    let path: PathBuf = match db {
        Some(path) => path.to_path_buf(),
        None => byline_core::db::default_path()
            .ok_or_else(|| anyhow!("no library path: set --db or BYLINE_DB"))?,
    };
    let library = byline_core::open(&path).map_err(|err| anyhow!("{err}"))?;
    library.get(id).map_err(|err| anyhow!("{err}"))
}

/// Writes `bytes` to a temporary file beside `out` and renames it into place,
/// so `out` is either the whole export or untouched.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |err: &dyn std::fmt::Display| anyhow!("cannot write {}: {err}", out.display());
    let dir = match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(fail(&format_args!(
            "there is no directory {}",
            dir.display()
        )));
    }
    // The temporary file's own path would only confuse: report the kind.
    let mut temp = tempfile::Builder::new()
        .prefix(".byline-export-")
        .tempfile_in(dir)
        .map_err(|e| fail(&e.kind()))?;
    keep_permissions(temp.as_file(), out).map_err(|e| fail(&e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| fail(&e))?;
    temp.persist(out).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// Gives the temporary file the permissions `out` has, or `rw-r--r--` for a
/// new file (a temporary file starts private to its owner).
#[cfg(unix)]
fn keep_permissions(temp: &std::fs::File, out: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(out).map_or(0o644, |m| m.permissions().mode() & 0o7777);
    temp.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn keep_permissions(_temp: &std::fs::File, _out: &Path) -> std::io::Result<()> {
    Ok(())
}
