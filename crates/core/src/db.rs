//! The draft library: one SQLite file. `open()` is the only way in.
//!
//! SKELETON: the storage work fills these bodies in.
#![allow(clippy::todo, unused_variables)]

use std::path::{Path, PathBuf};

use crate::model::{Draft, DraftId, DraftPatch, DraftSummary, NewDraft, Revision, SearchHit};

/// Everything that can go wrong with the library, as data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} is not a Byline library (not an SQLite database, or damaged); it was left untouched")]
    NotADatabase { path: PathBuf },
    #[error("{path} was written by a newer Byline (schema {found}, this one knows up to {supported}); update Byline to open it")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("cannot write to {path}: {reason}")]
    ReadOnly { path: PathBuf, reason: String },
    #[error("no draft with id {0}")]
    NotFound(DraftId),
    #[error("draft {draft} has no revision {number}")]
    NoRevision { draft: DraftId, number: u32 },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How an update is being saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    /// Debounced autosave while typing: a revision at most every few minutes.
    Auto,
    /// The writer asked to save (Ctrl+S, `byline save`): always a revision.
    Explicit,
}

/// An open library.
pub struct Library {
    conn: rusqlite::Connection,
}

/// The library file the desktop app and the CLI share by default:
/// `$XDG_DATA_HOME/byline/byline.db`, else `~/.local/share/byline/byline.db`.
pub fn default_path() -> Option<PathBuf> {
    let data = match std::env::var_os("XDG_DATA_HOME") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    Some(data.join("byline").join("byline.db"))
}

/// Opens (creating if needed) the library at `path`.
pub fn open(path: &Path) -> Result<Library> {
    todo!()
}

impl Library {
    /// A library in memory, for tests.
    pub fn open_in_memory() -> Result<Library> {
        todo!()
    }
    pub fn create(&mut self, new: &NewDraft) -> Result<Draft> {
        todo!()
    }
    pub fn get(&self, id: DraftId) -> Result<Draft> {
        todo!()
    }
    /// Drafts not in the trash, most recently updated first.
    pub fn list(&self) -> Result<Vec<DraftSummary>> {
        todo!()
    }
    /// Applies `patch`; returns the draft as stored and the revision number
    /// taken, if one was.
    pub fn update(
        &mut self,
        id: DraftId,
        patch: &DraftPatch,
        kind: SaveKind,
    ) -> Result<(Draft, Option<u32>)> {
        todo!()
    }
    pub fn history(&self, id: DraftId) -> Result<Vec<Revision>> {
        todo!()
    }
    pub fn revision(&self, id: DraftId, number: u32) -> Result<Revision> {
        todo!()
    }
    /// Makes revision `number` current again, as a new revision.
    pub fn restore(&mut self, id: DraftId, number: u32) -> Result<Revision> {
        todo!()
    }
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        todo!()
    }
    /// Moves a draft to the trash.
    pub fn delete(&mut self, id: DraftId) -> Result<()> {
        todo!()
    }
    pub fn trash(&self) -> Result<Vec<DraftSummary>> {
        todo!()
    }
    pub fn undelete(&mut self, id: DraftId) -> Result<()> {
        todo!()
    }
    /// On the first start of an empty library, creates the welcome draft.
    pub fn ensure_welcome(&mut self) -> Result<Option<DraftId>> {
        todo!()
    }
}
