//! `byline export FILE`: what a user at a terminal sees, including every kind
//! of bad input. (`--draft ID` needs the library and is tested with it.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn byline(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(dir)
        .env("BYLINE_DB", dir.join("unused.db"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A temp dir holding `notes.md` with `text`.
fn with_file(text: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.md");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const ARTICLE: &str = "# Ferry timetable changes\n\nThe winter timetable starts on \"Monday\".\n";

#[test]
fn a_plain_file_becomes_a_standalone_page_on_stdout() {
    let (dir, path) = with_file(ARTICLE.as_bytes());
    let out = byline(&["export", path.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>Ferry timetable changes</h1>"));
    assert!(html.contains("<p>The winter timetable starts on “Monday”.</p>"));
    assert_eq!(
        html.matches("Ferry timetable changes").count(),
        4,
        "title, og:title, JSON-LD and h1 only"
    );
    assert_eq!(files_in(dir.path()), ["notes.md"]);
}

#[test]
fn standalone_flag_is_the_default_and_fragment_is_bare() {
    let (dir, path) = with_file(ARTICLE.as_bytes());
    let standalone = byline(
        &["export", "--standalone", path.to_str().unwrap()],
        dir.path(),
    );
    let default = byline(&["export", path.to_str().unwrap()], dir.path());
    assert_eq!(stdout(&standalone), stdout(&default));
    let fragment = byline(&["export", "--fragment", "notes.md"], dir.path());
    assert!(fragment.status.success());
    assert_eq!(
        stdout(&fragment),
        "<p>The winter timetable starts on “Monday”.</p>\n"
    );
}

#[test]
fn without_a_heading_the_file_name_is_the_headline() {
    let (dir, _) = with_file(b"Just a line.\n");
    let out = byline(&["export", "notes.md"], dir.path());
    assert!(stdout(&out).contains("<h1>notes</h1>"));
}

#[test]
fn output_goes_to_the_named_file_and_findings_to_stderr() {
    let (dir, _) = with_file(ARTICLE.as_bytes());
    let out = byline(&["export", "notes.md", "-o", "page.html"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "byline: not ready to file: the piece has no byline\n"
    );
    let html = std::fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert!(html.ends_with("</html>\n"));
    assert_eq!(files_in(dir.path()), ["notes.md", "page.html"]);
}

#[test]
fn strict_refuses_a_piece_that_is_not_ready_and_writes_nothing() {
    let (dir, _) = with_file(b"# Mayor TK resigns\n\nBody.\n");
    let out = byline(
        &["export", "--strict", "notes.md", "-o", "page.html"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("the piece has no byline"), "{err}");
    assert!(
        err.contains("unfilled placeholder `TK` in the headline"),
        "{err}"
    );
    assert!(err.contains("--strict: nothing exported"), "{err}");
    assert_eq!(files_in(dir.path()), ["notes.md"]);
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_missing_file_is_one_clear_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let out = byline(&["export", "gone.md", "-o", "page.html"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("byline: cannot read gone.md: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn a_file_that_is_not_utf8_is_refused_without_output() {
    let (dir, _) = with_file(b"# Caf\xe9 owners protest\n\nLatin-1 text.\n");
    let out = byline(&["export", "notes.md", "-o", "page.html"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "byline: notes.md is not valid UTF-8 text (first bad byte at offset 5); save it as UTF-8 and try again\n"
    );
    assert_eq!(files_in(dir.path()), ["notes.md"]);
}

#[test]
fn an_unwritable_output_fails_and_leaves_nothing_behind() {
    let (dir, _) = with_file(ARTICLE.as_bytes());
    let out = byline(
        &["export", "notes.md", "-o", "no/such/dir/page.html"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "byline: cannot write no/such/dir/page.html: there is no directory no/such/dir\n"
    );

    std::fs::create_dir(dir.path().join("taken")).unwrap();
    let out = byline(&["export", "notes.md", "-o", "taken"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("byline: cannot write taken: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        files_in(dir.path()),
        ["notes.md", "taken"],
        "no temporary file left"
    );
    assert!(files_in(&dir.path().join("taken")).is_empty());
}

#[test]
fn an_existing_output_is_replaced_whole() {
    let (dir, _) = with_file(ARTICLE.as_bytes());
    std::fs::write(dir.path().join("page.html"), "old ".repeat(100_000)).unwrap();
    let out = byline(
        &["export", "--fragment", "notes.md", "-o", "page.html"],
        dir.path(),
    );
    assert!(out.status.success());
    let html = std::fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert_eq!(html, "<p>The winter timetable starts on “Monday”.</p>\n");
}

#[test]
fn local_images_are_embedded_relative_to_the_markdown_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("story")).unwrap();
    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/data/export/img/ferry.png");
    std::fs::copy(png, dir.path().join("story/ferry.png")).unwrap();
    std::fs::write(
        dir.path().join("story/piece.md"),
        "# Ferry\n\n![The ferry](ferry.png)\n",
    )
    .unwrap();
    let out = byline(&["export", "--fragment", "story/piece.md"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("<figure><img src=\"data:image/png;base64,iVBOR"),
        "{}",
        stdout(&out)
    );

    std::fs::write(
        dir.path().join("story/broken.md"),
        "# Ferry\n\n![Lost](lost.png)\n",
    )
    .unwrap();
    let out = byline(
        &["export", "story/broken.md", "-o", "page.html"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "byline: cannot export: image `lost.png` cannot be read from story/lost.png: "
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!dir.path().join("page.html").exists());
}

#[cfg(unix)]
#[test]
fn a_new_export_is_readable_by_others_and_a_replaced_one_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = with_file(ARTICLE.as_bytes());
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert!(
        byline(&["export", "notes.md", "-o", "new.html"], dir.path())
            .status
            .success()
    );
    assert_eq!(mode("new.html"), 0o644);
    std::fs::write(dir.path().join("old.html"), "old").unwrap();
    std::fs::set_permissions(
        dir.path().join("old.html"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    assert!(
        byline(&["export", "notes.md", "-o", "old.html"], dir.path())
            .status
            .success()
    );
    assert_eq!(mode("old.html"), 0o640);
}

#[test]
fn images_can_be_copied_next_to_the_page() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("story")).unwrap();
    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/data/export/img/ferry.png");
    std::fs::copy(&png, dir.path().join("story/ferry.png")).unwrap();
    std::fs::write(
        dir.path().join("story/piece.md"),
        "# Ferry\n\n![The ferry](ferry.png)\n",
    )
    .unwrap();

    let out = byline(
        &["export", "--images", "copy", "story/piece.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "copy needs an output file");
    assert!(stderr(&out).contains("give -o OUT"), "{}", stderr(&out));

    let out = byline(
        &[
            "export",
            "--images",
            "copy",
            "story/piece.md",
            "-o",
            "out/page.html",
        ],
        dir.path(),
    );
    // The output folder must exist: nothing is created behind the user's back.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = byline(
        &[
            "export",
            "--images",
            "copy",
            "story/piece.md",
            "-o",
            "out/page.html",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(dir.path().join("out/page.html")).unwrap();
    let src = html
        .split("<img src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an img in the page");
    assert!(!src.starts_with("data:"), "{src}");
    assert_eq!(
        std::fs::read(dir.path().join("out").join(src)).unwrap(),
        std::fs::read(&png).unwrap(),
        "the copied image is the original, where the page links it"
    );
}

#[test]
fn a_library_draft_exports_by_id() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("piece.md"), ARTICLE).unwrap();
    let out = byline(&["import", "piece.md"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();

    let out = byline(&["export", "--draft", &id, "-o", "page.html"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert!(html.contains("<h1>Ferry timetable changes</h1>"), "{html}");
    assert!(html.contains("“Monday”"), "{html}");

    let out = byline(&["export", "--draft", "4242"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no draft with id 4242"),
        "{}",
        stderr(&out)
    );
}
