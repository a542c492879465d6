//! Byline's desktop shell: opens the draft library, hands it to the UI as a
//! few thin commands, and runs the window. The logic lives in `byline-core`.

mod commands;
mod files;
mod wire;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use byline_core::Library;

/// What the commands share: the open library, or why it could not be opened.
pub struct AppState {
    /// The library file in use, shown in the UI.
    pub path: PathBuf,
    /// `Err` holds a sentence for the writer; the file is then left alone.
    pub library: Result<Mutex<Library>, String>,
}

impl AppState {
    /// Opens the library at `path`, creating its folder and, on first start,
    /// the welcome draft. Never replaces or repairs an existing file.
    pub fn open(path: PathBuf) -> AppState {
        let library = open_library(&path).map(Mutex::new);
        AppState { path, library }
    }
}

fn open_library(path: &Path) -> Result<Library, String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create the folder {}: {e}", parent.display()))?;
    }
    let mut library = byline_core::open(path).map_err(|e| e.to_string())?;
    library.ensure_welcome().map_err(|e| e.to_string())?;
    Ok(library)
}

/// The library file: `$BYLINE_DB` when set (tests use it), else the file the
/// `byline` command uses too.
pub fn library_path() -> Result<PathBuf, String> {
    match std::env::var_os("BYLINE_DB") {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => byline_core::db::default_path().ok_or_else(|| {
            "cannot find a data folder: neither XDG_DATA_HOME nor HOME is set".to_string()
        }),
    }
}

/// The app's builder with its state and commands, without a runtime context;
/// `run` adds the window.
pub fn builder(state: AppState) -> tauri::Builder<tauri::Wry> {
    tauri::Builder::default()
        .setup(|app| {
            use tauri::Manager;
            for window in app.webview_windows().values() {
                lighten(window);
            }
            Ok(())
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::library_info,
            commands::list_drafts,
            commands::get_draft,
            commands::create_draft,
            commands::update_draft,
            commands::save_draft,
            commands::search_drafts,
            commands::delete_draft,
            commands::history,
            commands::restore_revision,
            commands::preview_html,
            commands::check_quotes,
            commands::list_trash,
            commands::undelete_draft,
            commands::ready_check,
            commands::choose_export_path,
            commands::export_html,
            commands::copy_html,
        ])
}

/// Makes the web view lighter (measured with scripts/bench-ui.mjs, 20,000-word
/// draft): without GPU compositing it paints the page in its own process
/// rather than through a GL compositor, which on machines without a GPU (Mesa's
/// software GL) costs a hundred MB and tens of ms per keystroke; the
/// document-viewer cache model keeps WebKit's memory caches small, and there is
/// no back/forward page cache for an app of one page.
#[cfg(target_os = "linux")]
fn lighten(window: &tauri::WebviewWindow) {
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let view = webview.inner();
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            settings.set_enable_page_cache(false);
        }
    });
}

#[cfg(not(target_os = "linux"))]
fn lighten(_window: &tauri::WebviewWindow) {}

/// Opens the library and runs the app until its window closes.
pub fn run() {
    let state = match library_path() {
        Ok(path) => AppState::open(path),
        Err(message) => AppState {
            path: PathBuf::new(),
            library: Err(message),
        },
    };
    builder(state)
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running Byline");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_start_creates_the_folder_and_the_welcome_draft() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/folder/byline.db");
        let state = AppState::open(path.clone());
        let library = state.library.expect("a fresh library opens");
        let drafts = library.lock().unwrap().list().unwrap();
        assert_eq!(drafts.len(), 1, "only the welcome draft");
        assert!(path.exists());
    }

    #[test]
    fn a_file_that_is_not_a_library_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        let bytes: Vec<u8> = b"my notes, not a database\n"
            .iter()
            .copied()
            .chain([0xa7; 4096])
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        let state = AppState::open(path.clone());
        let message = state.library.err().expect("refused");
        assert!(message.contains("notes.db"), "{message}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
}
