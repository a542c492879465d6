//! Byline's desktop shell. SKELETON: the app work fills this in.

pub fn run() {
    tauri::Builder::default()
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running Byline");
}
