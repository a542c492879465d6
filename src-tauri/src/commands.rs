//! The commands the UI calls. Each one locks the library, calls core and maps
//! the error to a sentence; nothing else happens here, but for the
//! library's upkeep once the writer pauses (see `maintain_when_idle`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use byline_core::check::Report;
use byline_core::db::SaveKind;
use byline_core::export::{self, Mode, Options};
use byline_core::{Draft, DraftId, DraftSummary, Library, Revision, SearchHit};
use tauri::{Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::files;
use crate::wire::{self, DraftInput, LibraryInfo, PatchInput, ReadyFinding, Saved, Utf16Report};
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

/// How long after the last save the library is tidied.
const IDLE_BEFORE_UPKEEP: Duration = Duration::from_secs(3);
/// The longest the library stays locked for upkeep at a time (one merge
/// step more at worst); a save that comes meanwhile waits that long.
const UPKEEP_SLICE: Duration = Duration::from_millis(50);

/// Saves so far; the upkeep scheduled by a save runs only if no save came
/// after it.
static SAVES: AtomicU64 = AtomicU64::new(0);

/// Schedules `Library::maintain` (merging the search index, checkpointing
/// the log) for when the writer has paused: saves then do no such work
/// themselves. It runs in slices, and stops as soon as another save comes.
fn maintain_when_idle(app: &tauri::AppHandle) {
    let save = SAVES.fetch_add(1, Ordering::SeqCst) + 1;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(IDLE_BEFORE_UPKEEP).await;
            if SAVES.load(Ordering::SeqCst) != save {
                return;
            }
            let app = app.clone();
            let slice = tauri::async_runtime::spawn_blocking(move || {
                with_library(&app.state::<AppState>(), |lib| lib.maintain(UPKEEP_SLICE))
            })
            .await;
            // More to merge: another slice after another pause. Errors
            // are left for the next save to meet and report.
            match slice {
                Ok(Ok(done)) if !done.index_merged => continue,
                _ => return,
            }
        }
    });
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
///
/// The commands that run as the writer types (saving and checking) are
/// `async`, so Tauri runs them off the main thread, which stays free to take
/// keystrokes and paint. (A plain `fn` command runs on the main thread.)
#[tauri::command]
pub async fn update_draft(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: DraftId,
    patch: PatchInput,
) -> CmdResult<Saved> {
    let patch = patch.into_patch()?;
    let saved = with_library(&state, |lib| lib.update(id, &patch, SaveKind::Auto));
    maintain_when_idle(&app);
    saved.map(Saved::from)
}

/// The writer's explicit save (Ctrl+S): always a revision.
#[tauri::command]
pub async fn save_draft(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: DraftId,
    patch: PatchInput,
) -> CmdResult<Saved> {
    let patch = patch.into_patch()?;
    let saved = with_library(&state, |lib| lib.update(id, &patch, SaveKind::Explicit));
    maintain_when_idle(&app);
    saved.map(Saved::from)
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
pub async fn check_quotes(text: String) -> Utf16Report {
    let report: Report = byline_core::check::check(&text);
    Utf16Report::new(&text, report)
}

/// Drafts in the trash, most recently deleted first.
#[tauri::command]
pub fn list_trash(state: State<'_, AppState>) -> CmdResult<Vec<DraftSummary>> {
    with_library(&state, |lib| lib.trash())
}

/// Takes a draft out of the trash.
#[tauri::command]
pub fn undelete_draft(state: State<'_, AppState>, id: DraftId) -> CmdResult<()> {
    with_library(&state, |lib| lib.undelete(id))
}

/// What stands between the draft and filing it: quote errors, TK
/// placeholders, a missing headline or byline.
#[tauri::command]
pub fn ready_check(state: State<'_, AppState>, id: DraftId) -> CmdResult<Vec<ReadyFinding>> {
    let draft = with_library(&state, |lib| lib.get(id))?;
    let findings = byline_core::ready::ready(&draft);
    Ok(findings
        .into_iter()
        .map(|f| ReadyFinding::new(&draft, f))
        .collect())
}

/// Asks where to save the export, proposing `SLUG.html`; `None` when the
/// writer cancels. With `$BYLINE_EXPORT_DIR` set (a test hook) no dialog
/// opens and the file goes in that folder.
#[tauri::command]
pub async fn choose_export_path(
    app: tauri::AppHandle,
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
    id: DraftId,
) -> CmdResult<Option<String>> {
    let draft = with_library(&state, |lib| lib.get(id))?;
    let name = files::default_file_name(&draft.slug);
    if let Some(dir) = files::export_dir_override() {
        return Ok(Some(dir.join(name).display().to_string()));
    }
    let (send, receive) = tokio::sync::oneshot::channel();
    // Start where documents live, not in whatever folder the app started in.
    let folder = app.path().document_dir().or_else(|_| app.path().home_dir());
    let mut dialog = app.dialog().file().set_parent(&window);
    if let Ok(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    dialog
        .set_title("Export as HTML")
        .set_file_name(name)
        .add_filter("HTML page", &["html", "htm"])
        .save_file(move |path| {
            let _ = send.send(path);
        });
    let Some(path) = receive.await.ok().flatten() else {
        return Ok(None);
    };
    let path = path
        .into_path()
        .map_err(|e| format!("cannot save there: {e}"))?;
    Ok(Some(path.display().to_string()))
}

/// Exports the draft to `path`: `mode` is `standalone` or `fragment`,
/// `images` is `embed`, `copy` (into `images/` next to the file) or `link`
/// (left as written). Returns the path written.
#[tauri::command]
pub fn export_html(
    state: State<'_, AppState>,
    id: DraftId,
    path: String,
    mode: String,
    images: String,
) -> CmdResult<String> {
    let options = Options {
        mode: wire::parse_mode(&mode)?,
        images: wire::parse_images(&images)?,
        base_dir: None,
        lang: None,
    };
    if path.trim().is_empty() {
        return Err("no file to export to".into());
    }
    let draft = with_library(&state, |lib| lib.get(id))?;
    let out = std::path::PathBuf::from(path);
    let export = export::export(&draft, &options).map_err(|e| e.to_string())?;
    files::write_export(&out, &export)?;
    Ok(out.display().to_string())
}

/// The draft as a clean HTML fragment for the clipboard.
#[tauri::command]
pub fn copy_html(state: State<'_, AppState>, id: DraftId) -> CmdResult<String> {
    let draft = with_library(&state, |lib| lib.get(id))?;
    Ok(export::to_html(&draft, Mode::Fragment))
}
