//! One file per group of subcommands; `run` dispatches.

use std::process::ExitCode;

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use byline_core::db;
use byline_core::{Draft, DraftId, Library};

use crate::{Cli, Command};

mod check;
mod drafts;
mod export;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let db = cli.db;
    match cli.command {
        Command::Check {
            file,
            draft,
            format,
        } => check::run(db.as_deref(), file.as_deref(), draft, format),
        Command::Export {
            file,
            draft,
            output,
            fragment,
            standalone: _,
            strict,
            images,
        } => export::run(
            db.as_deref(),
            &export::Request {
                file: file.as_deref(),
                draft,
                output: output.as_deref(),
                fragment,
                strict,
                images,
            },
        ),
        other => drafts::run(db.as_deref(), other),
    }
}

/// Opens the library at `--db`/`BYLINE_DB`, or the desktop app's library,
/// whose folder is created on first use.
pub(crate) fn open_library(db: Option<&Path>) -> Result<(Library, PathBuf)> {
    let path = match db {
        Some(path) => path.to_owned(),
        None => {
            let path = db::default_path()
                .context("cannot find the default library (HOME is not set); pass --db PATH or set BYLINE_DB")?;
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).with_context(|| {
                    format!("cannot create the library folder {}", folder.display())
                })?;
            }
            path
        }
    };
    let lib = byline_core::open(&path).map_err(flat)?;
    Ok((lib, path))
}

/// A core error as the one sentence it already is. Core messages include
/// their cause, so the cause is not chained again (`{:#}` would repeat it).
/// Errors about a draft id get the library's path, to say where the draft
/// was looked for.
pub(crate) fn in_library(e: db::Error, path: &Path) -> anyhow::Error {
    match e {
        db::Error::NotFound(_)
        | db::Error::NoRevision { .. }
        | db::Error::DamagedRevision { .. } => {
            anyhow!("{e} in {}", path.display())
        }
        e => anyhow!("{e}"),
    }
}

pub(crate) fn flat(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("{e}")
}

/// A draft from the library, for `check --draft` and `export --draft`.
pub(crate) fn library_draft(db: Option<&Path>, id: DraftId) -> Result<Draft> {
    let (lib, path) = open_library(db)?;
    lib.get(id).map_err(|e| in_library(e, &path))
}
