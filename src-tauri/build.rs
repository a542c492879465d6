//! Builds the Tauri context from the top-level `tauri.conf.json` and declares
//! the app's commands, so each one gets an `allow-…` permission that
//! `capabilities/main.json` grants to the main window.

/// Every command the shell registers in `generate_handler!`.
const COMMANDS: &[&str] = &[
    "library_info",
    "list_drafts",
    "get_draft",
    "create_draft",
    "update_draft",
    "save_draft",
    "search_drafts",
    "delete_draft",
    "history",
    "restore_revision",
    "preview_html",
    "check_quotes",
    "list_trash",
    "undelete_draft",
    "ready_check",
    "choose_export_path",
    "export_html",
    "copy_html",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("failed to read ../tauri.conf.json");
}
