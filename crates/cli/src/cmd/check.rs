//! `byline check`: the quote checker's findings, like a compiler's.
//!
//! SKELETON: the checker work fills this in.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::CheckFormat;

pub fn run(
    db: Option<&Path>,
    file: Option<&Path>,
    draft: Option<i64>,
    format: CheckFormat,
) -> Result<ExitCode> {
    let _ = (db, file, draft, format);
    bail!("check is not implemented yet")
}
