//! File import as data: each `tests/data/import/NAME.EXT` is imported and the
//! draft (or the error) compared with `NAME.expected.md` beside it. Run with
//! `UPDATE_EXPECT=1` to rewrite the expected files after a deliberate change.

use std::io::Write;
use std::path::{Path, PathBuf};

use byline_core::import::{self, import_file, Error, MAX_BYTES};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import")
}

/// The draft as a readable document: the short fields, a rule, the body.
/// Errors are shown with the fixture's folder left out, so they are stable.
fn render(path: &Path) -> String {
    match import_file(path) {
        Ok(d) => format!(
            "headline: {}\ndek: {}\nbyline: {}\ndateline: {}\n---\n{}",
            d.headline, d.dek, d.byline, d.dateline, d.body
        ),
        Err(e) => {
            let folder = format!("{}/", path.parent().unwrap().display());
            format!("error: {}\n", e.to_string().replace(&folder, ""))
        }
    }
}

#[test]
fn import_fixtures() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            !name.starts_with('.') && !name.ends_with(".expected.md")
        })
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 10,
        "fixtures missing from {}",
        data_dir().display()
    );
    let mut failures = Vec::new();
    for input in &inputs {
        let stem = input.file_stem().unwrap().to_str().unwrap();
        let expected_path = input.with_file_name(format!("{stem}.expected.md"));
        let actual = render(input);
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}\n--- expected ({})\n{expected}\n--- actual\n{actual}",
                input.display(),
                expected_path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ (UPDATE_EXPECT=1 rewrites them):\n\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn invalid_utf8_names_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.md");
    let mut bytes = "# Title\n\nCafé ".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xc3\x28 more");
    std::fs::write(&path, &bytes).unwrap();
    match import_file(&path) {
        Err(Error::NotUtf8 { path: p, offset: o }) => {
            assert_eq!((p, o), (path.clone(), offset));
        }
        other => panic!("expected NotUtf8, got {other:?}"),
    }
}

/// A 50 MB file is refused by its size, before it is read: no memory blow-up,
/// no hang, and the message says what the limit is.
#[test]
fn a_50_mb_file_is_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = "All work and no play makes a dull reporter. ".repeat(1000);
    let mut written = 0u64;
    while written < 50 * 1000 * 1000 {
        file.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len() as u64;
    }
    drop(file);
    let err = import_file(&path).unwrap_err();
    match &err {
        Error::TooLarge {
            path: p,
            size,
            limit,
        } => {
            assert_eq!((p, *size, *limit), (&path, written, MAX_BYTES));
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert!(err.to_string().contains("huge.txt"), "{err}");
}

/// A file that reports no size but never ends is cut off at the limit.
#[test]
fn an_endless_file_is_too_large_not_a_hang() {
    match import::read_text(Path::new("/dev/zero")) {
        Err(Error::TooLarge { size, .. }) => assert_eq!(size, MAX_BYTES + 1),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = import_file(Path::new("/no/such/story.txt")).unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    assert!(err.to_string().contains("/no/such/story.txt"), "{err}");
}
