//! One file per group of subcommands; `run` dispatches.

use std::process::ExitCode;

use anyhow::Result;

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
        } => export::run(
            db.as_deref(),
            file.as_deref(),
            draft,
            output.as_deref(),
            fragment,
            strict,
        ),
        other => drafts::run(db.as_deref(), other),
    }
}
