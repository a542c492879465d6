//! `byline export`: HTML for the CMS or the web.
//!
//! Reads a draft from the library (`--draft ID`) or a plain Markdown file,
//! prints the "ready to file" findings to stderr, and writes the HTML to
//! stdout or, atomically, to `-o OUT`. Local images are embedded as `data:`
//! URIs, resolved against the Markdown file's directory (the current
//! directory for a library draft).

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::UNIX_EPOCH;

use anyhow::{anyhow, bail, Result};
use byline_core::export::{self, Images, Mode, Options};
use byline_core::model::{word_count, Draft, Status};
use byline_core::{import, ready};

use super::{flat, library_draft};
use crate::ImageMode;

/// What `byline export` was asked to do.
pub struct Request<'a> {
    pub file: Option<&'a Path>,
    pub draft: Option<i64>,
    pub output: Option<&'a Path>,
    pub fragment: bool,
    pub strict: bool,
    pub images: ImageMode,
}

pub fn run(db: Option<&Path>, req: &Request) -> Result<ExitCode> {
    let Request {
        file,
        draft,
        output,
        fragment,
        strict,
        images,
    } = *req;
    if images == ImageMode::Copy && output.is_none() {
        bail!("--images copy puts the images next to the HTML file: give -o OUT");
    }
    let (draft, base_dir) = match (file, draft) {
        (Some(path), _) => (draft_from_file(path)?, path.parent().map(Path::to_path_buf)),
        (None, Some(id)) => (library_draft(db, id)?, None),
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
        images: match images {
            ImageMode::Embed => Images::Embed,
            ImageMode::Copy => Images::Copy,
            ImageMode::Link => Images::Link,
        },
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
        Some(out) => {
            copy_assets(out, &exported.assets)?;
            write_atomically(out, exported.html.as_bytes())?;
        }
    }
    // Reported once the export is out, so a failure is the last word.
    report();
    Ok(ExitCode::SUCCESS)
}

/// A Markdown file as a draft: metadata from its front matter, the headline
/// else from its first `#` heading (taken out of the body), else the file
/// name.
fn draft_from_file(path: &Path) -> Result<Draft> {
    let text = import::read_text(path).map_err(flat)?;
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

/// The folder `out` goes in, which must exist: nothing is created behind
/// the user's back.
fn output_dir(out: &Path) -> Result<&Path> {
    let dir = match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!(
            "cannot write {}: there is no directory {}",
            out.display(),
            dir.display()
        );
    }
    Ok(dir)
}

/// Copies local images next to `out`, where the exported page links them.
fn copy_assets(out: &Path, assets: &[export::Asset]) -> Result<()> {
    let dir = output_dir(out)?;
    for asset in assets {
        let target = dir.join(&asset.target);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|err| anyhow!("cannot create {}: {err}", parent.display()))?;
        }
        std::fs::copy(&asset.source, &target).map_err(|err| {
            anyhow!(
                "cannot copy the image {} to {}: {err}",
                asset.source.display(),
                target.display()
            )
        })?;
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `out` and renames it into place,
/// so `out` is either the whole export or untouched.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |err: &dyn std::fmt::Display| anyhow!("cannot write {}: {err}", out.display());
    let dir = output_dir(out)?;
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
