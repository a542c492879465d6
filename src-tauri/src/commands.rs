//! The commands the UI calls. Each one locks the library, calls core and maps
//! the error to a sentence; nothing else happens here.

use byline_core::check::Report;
use byline_core::db::SaveKind;
use byline_core::export::{self, Mode};
use byline_core::{Draft, DraftId, DraftSummary, Library, Revision, SearchHit};
use tauri::State;

use crate::wire::{DraftInput, LibraryInfo, PatchInput, Saved, Utf16Report};
use crate::AppState;

type CmdResult<T> = Result<T, String>;

/// Runs `f` with the library locked, turning every error into its message.
fn with_library<T>(
    state: &AppState,
    f: impl FnOnce(&mut Library) -> byline_core::db::Result<T>,
) -> CmdResult<T> {
    let mutex = state.library.as_ref().map_err(Clone::clone)?;
    // A panic in another command cannot leave the SQLite file half-written
    // (every write is a transaction), so a poisoned lock is still usable.
    let mut library = mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    f(&mut library).map_err(|e| e.to_string())
}

#[tauri::command]
pub fn library_info(state: State<'_, AppState>) -> LibraryInfo {
    LibraryInfo {
        path: state.path.display().to_string(),
        error: state.library.as_ref().err().cloned(),
    }
}

#[tauri::command]
pub fn list_drafts(state: State<'_, AppState>) -> CmdResult<Vec<DraftSummary>> {
    with_library(&state, |lib| lib.list())
}

#[tauri::command]
pub fn get_draft(state: State<'_, AppState>, id: DraftId) -> CmdResult<Draft> {
    with_library(&state, |lib| lib.get(id))
}

#[tauri::command]
pub fn create_draft(state: State<'_, AppState>, draft: DraftInput) -> CmdResult<Draft> {
    with_library(&state, |lib| lib.create(&draft.into()))
}

/// Autosave while typing: a revision at most every few minutes.
#[tauri::command]
pub fn update_draft(
    state: State<'_, AppState>,
    id: DraftId,
    patch: PatchInput,
) -> CmdResult<Saved> {
    let patch = patch.into_patch()?;
    with_library(&state, |lib| lib.update(id, &patch, SaveKind::Auto)).map(Saved::from)
}

/// The writer's explicit save (Ctrl+S): always a revision.
#[tauri::command]
pub fn save_draft(state: State<'_, AppState>, id: DraftId, patch: PatchInput) -> CmdResult<Saved> {
    let patch = patch.into_patch()?;
    with_library(&state, |lib| lib.update(id, &patch, SaveKind::Explicit)).map(Saved::from)
}

#[tauri::command]
pub fn search_drafts(state: State<'_, AppState>, query: String) -> CmdResult<Vec<SearchHit>> {
    with_library(&state, |lib| lib.search(&query, 100))
}

#[tauri::command]
pub fn delete_draft(state: State<'_, AppState>, id: DraftId) -> CmdResult<()> {
    with_library(&state, |lib| lib.delete(id))
}

#[tauri::command]
pub fn history(state: State<'_, AppState>, id: DraftId) -> CmdResult<Vec<Revision>> {
    with_library(&state, |lib| lib.history(id))
}

#[tauri::command]
pub fn restore_revision(
    state: State<'_, AppState>,
    id: DraftId,
    number: u32,
) -> CmdResult<Revision> {
    with_library(&state, |lib| lib.restore(id, number))
}

/// The draft as export will write it: a standalone HTML page, so the
/// preview is the very HTML that `byline export` produces.
#[tauri::command]
pub fn preview_html(state: State<'_, AppState>, id: DraftId) -> CmdResult<String> {
    let draft = with_library(&state, |lib| lib.get(id))?;
    Ok(export::to_html(&draft, Mode::Standalone))
}

/// The quote checker over `text`, with ranges in UTF-16 code units.
#[tauri::command]
pub fn check_quotes(text: String) -> Utf16Report {
    let report: Report = byline_core::check::check(&text);
    Utf16Report::new(&text, report)
}
