//! Byline's newsroom core: the draft model, the SQLite library, the quote
//! checker and HTML export.
//!
//! This crate knows nothing about Tauri, async runtimes or web views. The
//! desktop shell (`src-tauri`) and the `byline` command (`crates/cli`) are thin
//! glue around it.

pub mod check;
pub mod db;
pub mod export;
pub mod import;
pub mod model;
pub mod ready;
mod swar;
pub mod text;

pub use db::{open, Library};
pub use model::{Draft, DraftId, DraftPatch, DraftSummary, NewDraft, Revision, SearchHit, Status};
