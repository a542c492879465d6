//! Turning files into drafts: plain text, Markdown and HTML.
//!
//! SKELETON: the storage work fills these bodies in.
#![allow(clippy::todo, unused_variables)]

use std::path::{Path, PathBuf};

use crate::model::NewDraft;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: unsupported file type (Byline imports .txt, .md, .markdown, .html and .htm)")]
    Unsupported { path: PathBuf },
    #[error("{path} is {size} bytes, more than the {limit}-byte limit for one draft")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
}

/// Reads `path` into a new draft, by its extension.
pub fn import_file(path: &Path) -> Result<NewDraft, Error> {
    todo!()
}
