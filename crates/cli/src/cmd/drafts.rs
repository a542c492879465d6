//! The library subcommands: import, list, show, save, history, restore,
//! search, delete, trash, undelete.
//!
//! SKELETON: the storage work fills this in.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::Command;

pub fn run(db: Option<&Path>, command: Command) -> Result<ExitCode> {
    let _ = db;
    bail!("{command:?} is not implemented yet")
}
