//! `byline export`: HTML for the CMS or the web.
//!
//! SKELETON: the export work fills this in.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

pub fn run(
    db: Option<&Path>,
    file: Option<&Path>,
    draft: Option<i64>,
    output: Option<&Path>,
    fragment: bool,
    strict: bool,
) -> Result<ExitCode> {
    let _ = (db, file, draft, output, fragment, strict);
    bail!("export is not implemented yet")
}
