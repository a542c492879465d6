//! Writing an export to disk: the HTML file atomically (a temporary file
//! beside it, then a rename) and, for copied images, each asset next to it.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use byline_core::export::{Asset, Export};

/// Where the export goes when `$BYLINE_EXPORT_DIR` is set: `DIR/SLUG.html`.
///
/// A test hook: the end-to-end tests set it so that no native save dialog
/// opens. Writers never need it.
pub fn export_dir_override() -> Option<PathBuf> {
    std::env::var_os("BYLINE_EXPORT_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// The file name the save dialog proposes: the draft's slug, `.html`.
pub fn default_file_name(slug: &str) -> String {
    let stem = if slug.trim().is_empty() {
        "untitled"
    } else {
        slug
    };
    format!("{stem}.html")
}

/// Writes `export` to `out`: first the assets it lists (so the page never
/// points at a missing image), then the HTML. On an error, `out` is either
/// the previous file or absent, never half-written.
pub fn write_export(out: &Path, export: &Export) -> Result<(), String> {
    let dir = match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(format!(
            "cannot write {}: there is no folder {}",
            out.display(),
            dir.display()
        ));
    }
    for asset in &export.assets {
        copy_asset(dir, asset)?;
    }
    write_atomically(out, export.html.as_bytes())
}

/// Copies one image to `dir/asset.target`, through a temporary file.
fn copy_asset(dir: &Path, asset: &Asset) -> Result<(), String> {
    let target = dir.join(&asset.target);
    let fail = |e: &dyn std::fmt::Display| {
        format!(
            "cannot copy the image {} to {}: {e}",
            asset.source.display(),
            target.display()
        )
    };
    let folder = target.parent().unwrap_or(dir);
    fs::create_dir_all(folder).map_err(|e| fail(&e))?;
    let mut source = File::open(&asset.source).map_err(|e| fail(&e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".byline-image-")
        .tempfile_in(folder)
        .map_err(|e| fail(&e.kind()))?;
    std::io::copy(&mut source, &mut temp).map_err(|e| fail(&e))?;
    temp.persist(&target).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// Writes `bytes` to a temporary file beside `out` and renames it into place.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", out.display());
    let dir = out.parent().filter(|d| !d.as_os_str().is_empty());
    let mut temp = tempfile::Builder::new()
        .prefix(".byline-export-")
        .tempfile_in(dir.unwrap_or(Path::new(".")))
        .map_err(|e| fail(&e.kind()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| fail(&e))?;
    // A temporary file is private to its owner; an export is a document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(out).map_or(0o644, |m| m.permissions().mode());
        fs::set_permissions(temp.path(), fs::Permissions::from_mode(mode)).map_err(|e| fail(&e))?;
    }
    temp.persist(out).map_err(|e| fail(&e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(html: &str, assets: Vec<Asset>) -> Export {
        Export {
            html: html.into(),
            assets,
            word_count: 0,
        }
    }

    #[test]
    fn the_page_replaces_an_older_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("piece.html");
        fs::write(&out, "old").unwrap();
        write_export(&out, &export("<h1>New</h1>", vec![])).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "<h1>New</h1>");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the page: {names:?}");
    }

    #[test]
    fn copied_images_go_next_to_the_page() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("photo.png");
        fs::write(&source, b"\x89PNG fake").unwrap();
        let out_dir = dir.path().join("out");
        fs::create_dir(&out_dir).unwrap();
        let out = out_dir.join("piece.html");
        let asset = Asset {
            source,
            target: "images/photo.png".into(),
        };
        write_export(&out, &export("<img src=\"images/photo.png\">", vec![asset])).unwrap();
        assert_eq!(
            fs::read(out_dir.join("images/photo.png")).unwrap(),
            b"\x89PNG fake"
        );
        assert!(out.exists());
    }

    #[test]
    fn a_missing_image_is_reported_and_no_page_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("piece.html");
        let asset = Asset {
            source: dir.path().join("gone.png"),
            target: "images/gone.png".into(),
        };
        let err = write_export(&out, &export("x", vec![asset])).unwrap_err();
        assert!(err.contains("gone.png"), "{err}");
        assert!(!out.exists());
    }

    #[test]
    fn a_missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("nowhere/piece.html");
        let err = write_export(&out, &export("x", vec![])).unwrap_err();
        assert!(err.contains("there is no folder"), "{err}");
    }

    #[test]
    fn the_default_name_comes_from_the_slug() {
        assert_eq!(default_file_name("bridge-reopens"), "bridge-reopens.html");
        assert_eq!(default_file_name(""), "untitled.html");
    }
}
