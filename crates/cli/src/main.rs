//! `byline`: the draft library, the quote checker and export from a terminal.
//!
//! Glue only: parse the arguments, call `byline-core`, print, and map errors
//! to exit codes (0 success, 1 failure or check errors, 2 usage).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod cmd;

#[derive(Parser, Debug)]
#[command(
    name = "byline",
    version,
    about = "Byline: drafts, quote checking and export for journalists"
)]
pub struct Cli {
    /// The library database (default: the desktop app's library).
    #[arg(long, global = true, env = "BYLINE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Import .txt, .md or .html files as new drafts; prints each new id.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List drafts, newest first.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show a draft.
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Replace a draft's body with a file's content, keeping a revision.
    Save { id: i64, file: PathBuf },
    /// List a draft's revisions.
    History { id: i64 },
    /// Make an earlier revision current again (as a new revision).
    Restore { id: i64, rev: u32 },
    /// Full-text search over headlines, deks and bodies.
    Search {
        query: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Move a draft to the trash.
    Delete { id: i64 },
    /// List the drafts in the trash.
    Trash,
    /// Restore a draft from the trash.
    Undelete { id: i64 },
    /// Check quotes and their attribution.
    Check {
        /// A text or Markdown file.
        #[arg(required_unless_present = "draft", conflicts_with = "draft")]
        file: Option<PathBuf>,
        /// Check a draft from the library instead.
        #[arg(long, value_name = "ID")]
        draft: Option<i64>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Export HTML (standalone page by default) to a file or stdout.
    Export {
        #[arg(required_unless_present = "draft", conflicts_with = "draft")]
        file: Option<PathBuf>,
        #[arg(long, value_name = "ID")]
        draft: Option<i64>,
        /// Where to write (default: stdout).
        #[arg(short = 'o', long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// A clean fragment for a CMS.
        #[arg(long, conflicts_with = "standalone")]
        fragment: bool,
        /// A complete HTML page (the default).
        #[arg(long)]
        standalone: bool,
        /// Refuse to export (exit 1) when the piece is not ready to file.
        #[arg(long)]
        strict: bool,
        /// Local images: embedded in the page, copied next to it (needs
        /// -o), or linked as written.
        #[arg(long, value_enum, default_value_t = ImageMode::Embed)]
        images: ImageMode,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowFormat {
    Text,
    Json,
    Md,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageMode {
    Embed,
    Copy,
    Link,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("byline: {err:#}");
            ExitCode::FAILURE
        }
    }
}
