//! Builds the Tauri context from the top-level `tauri.conf.json`.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("failed to read ../tauri.conf.json");
}
