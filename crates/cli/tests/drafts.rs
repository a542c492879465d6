//! The library subcommands end to end: the real `byline` binary on a library
//! in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("lib.db")
    }

    fn file(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    fn byline(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_byline"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("BYLINE_DB")
            .output()
            .unwrap()
    }

    /// Runs `byline`, expects success, returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.byline(args);
        assert!(
            out.status.success(),
            "byline {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `byline`, expects exit code `code`, returns stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.byline(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "byline {args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            out.stdout.is_empty(),
            "a failure printed to stdout: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    fn import(&self, name: &str, content: &str) -> i64 {
        let path = self.file(name, content);
        self.ok(&["import", path.to_str().unwrap()])
            .trim()
            .parse()
            .unwrap()
    }
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn import_prints_one_id_per_line() {
    let env = Env::new();
    let a = env.file("a.md", "# Tram line opens\n\nThe first tram ran at dawn.\n");
    let b = env.file("b.txt", "Pier sold\n\nThe pier was sold.\n");
    let c = env.file(
        "c.html",
        "<title>Zoo gets pandas</title><p>Two pandas arrived.</p>",
    );
    let out = env.ok(&[
        "import",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        c.to_str().unwrap(),
    ]);
    let ids: Vec<i64> = out.lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[0] < ids[1] && ids[1] < ids[2]);

    let list = json(&env.ok(&["list", "--format", "json"]));
    let mut headlines: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["headline"].as_str().unwrap())
        .collect();
    headlines.sort();
    assert_eq!(
        headlines,
        ["Pier sold", "Tram line opens", "Zoo gets pandas"]
    );
    let text = env.ok(&["list"]);
    assert!(
        text.contains("Tram line opens") && text.lines().count() == 4,
        "{text}"
    );
}

#[test]
fn a_bad_file_imports_nothing_and_names_itself() {
    let env = Env::new();
    let good = env.file("good.md", "# Good\n\nFine.\n");
    let bad = env.file("bad.txt", b"Headline\n\nBad \xff byte\n");
    let odd = env.file("story.docx", "PK");
    let err = env.fails(
        &[
            "import",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
            odd.to_str().unwrap(),
        ],
        1,
    );
    assert!(
        err.contains("bad.txt is not valid UTF-8 text (first bad byte at offset 14)"),
        "{err}"
    );
    assert!(err.contains("story.docx: unsupported file type"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(json(&env.ok(&["list", "--format", "json"])), json("[]"));
}

#[test]
fn a_50_mb_import_is_refused_quickly() {
    let env = Env::new();
    let path = env.dir.path().join("huge.md");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let err = env.fails(&["import", path.to_str().unwrap()], 1);
    assert!(
        err.contains("huge.md is 52428800 bytes, more than the 20971520-byte limit"),
        "{err}"
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn show_in_three_formats() {
    let env = Env::new();
    let id = env.import("s.md", "# Night bus cut\n\nThe N4 will stop at midnight.\n");
    let text = env.ok(&["show", &id.to_string()]);
    assert!(text.starts_with("Night bus cut\n"), "{text}");
    assert!(
        text.contains("night-bus-cut") && text.contains("6 words"),
        "{text}"
    );
    assert!(
        text.ends_with("\nThe N4 will stop at midnight.\n"),
        "{text}"
    );

    assert_eq!(
        env.ok(&["show", &id.to_string(), "--format", "md"]),
        "# Night bus cut\n\nThe N4 will stop at midnight.\n"
    );
    let draft = json(&env.ok(&["show", &id.to_string(), "--format", "json"]));
    assert_eq!(draft["id"], id);
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["body"], "The N4 will stop at midnight.\n");
}

#[test]
fn save_history_and_restore() {
    let env = Env::new();
    let id = env
        .import("s.md", "# Rates rise\n\nFirst version.\n")
        .to_string();
    let second = env.file("v2.md", "Second version, longer.\n");
    assert_eq!(env.ok(&["save", &id, second.to_str().unwrap()]), "2\n");
    assert_eq!(
        env.ok(&["save", &id, second.to_str().unwrap()]),
        "3\n",
        "every save keeps a revision"
    );

    let history = env.ok(&["history", &id]);
    let reasons: Vec<_> = history
        .lines()
        .map(|l| l.split_whitespace().nth(3).unwrap())
        .collect();
    assert_eq!(reasons, ["created", "explicit", "explicit"], "{history}");

    assert_eq!(env.ok(&["restore", &id, "1"]), "4\n");
    assert_eq!(
        json(&env.ok(&["show", &id, "--format", "json"]))["body"],
        "First version.\n"
    );
    assert!(env
        .ok(&["history", &id])
        .lines()
        .nth(3)
        .unwrap()
        .contains("restore"));

    let err = env.fails(&["restore", &id, "9"], 1);
    assert!(
        err.contains(&format!("draft {id} has no revision 9")) && err.contains("lib.db"),
        "{err}"
    );
    let err = env.fails(&["save", &id, "/no/such/file.md"], 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot read /no/such/file.md"), "{err}");
}

#[test]
fn search_in_text_and_json() {
    let env = Env::new();
    let id = env.import(
        "s.md",
        "# Harbour <wall> collapses\n\nStorm waves broke the harbour wall.\n",
    );
    env.import("t.md", "# Unrelated\n\nNothing here.\n");
    let hits = json(&env.ok(&["search", "harb", "--format", "json"]));
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["id"], id);
    assert!(
        hits[0]["snippet"].as_str().unwrap().contains("<mark>"),
        "{hits:?}"
    );

    let text = env.ok(&["search", "wall"]);
    assert!(
        text.contains("[wall]") && !text.contains("<mark>"),
        "{text}"
    );
    // Query syntax is never an error.
    for q in ["\"", "NEAR(", "a AND (", "*", "x -y"] {
        env.ok(&["search", q]);
    }
}

#[test]
fn delete_trash_undelete() {
    let env = Env::new();
    let id = env.import("s.md", "# Gone soon\n\nText.\n").to_string();
    env.ok(&["delete", &id]);
    assert_eq!(json(&env.ok(&["list", "--format", "json"])), json("[]"));
    assert!(env.ok(&["trash"]).contains("Gone soon"));
    env.ok(&["undelete", &id]);
    assert!(env.ok(&["list"]).contains("Gone soon"));
    assert!(!env.ok(&["trash"]).contains("Gone soon"));
    let err = env.fails(&["delete", "4242"], 1);
    assert!(err.contains("no draft with id 4242"), "{err}");
    let err = env.fails(&["show", "4242"], 1);
    assert_eq!(err.lines().count(), 1, "one sentence: {err}");
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    env.fails(&["show", "not-a-number"], 2);
    env.fails(&["import"], 2);
    env.fails(&["frobnicate"], 2);
}

#[test]
fn a_file_that_is_not_a_library_is_refused_untouched() {
    let env = Env::new();
    let notes = env.file("notes.db", "Call the harbour master back.\n".repeat(100));
    let before = std::fs::read(&notes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("--db")
        .arg(&notes)
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("notes.db is not a Byline library"), "{err}");
    assert_eq!(std::fs::read(&notes).unwrap(), before);
}

#[test]
fn byline_db_and_the_default_library() {
    let env = Env::new();
    let via_env = env.dir.path().join("env.db");
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("list")
        .env("BYLINE_DB", &via_env)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(via_env.exists(), "BYLINE_DB names the library");

    // Without --db or BYLINE_DB: the desktop app's library, folders created.
    let data = env.dir.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["list", "--format", "json"])
        .env_remove("BYLINE_DB")
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(data.join("byline/byline.db").exists());
}

/// Runs `byline` with `dir` mounted read-only in a private mount namespace,
/// which holds even for root; `None` where namespaces are unavailable.
fn in_read_only_dir(dir: &Path, args: &[&str]) -> Option<Output> {
    let out = Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            r#"mount --bind -o ro "$0" "$0" && exec "$@""#,
        ])
        .arg(dir)
        .arg(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    (!err.contains("unshare:") && !err.contains("mount:")).then_some(out)
}

#[test]
fn a_read_only_folder_is_a_clear_error() {
    let env = Env::new();
    env.import("s.md", "# Kept\n\nText.\n");
    let db = env.db();
    let new_db = env.dir.path().join("new.db");
    let out = in_read_only_dir(env.dir.path(), &["--db", db.to_str().unwrap(), "list"]).expect(
        "this test needs `unshare -rm` (util-linux) to make a folder read-only, even for root",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot write to {}", db.display())),
        "{err}"
    );

    let out =
        in_read_only_dir(env.dir.path(), &["--db", new_db.to_str().unwrap(), "list"]).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write to") && err.contains("new.db"),
        "{err}"
    );
    assert!(!new_db.exists());
    // The library itself is fine once the folder is writable again.
    assert!(env.ok(&["list"]).contains("Kept"));
}

/// Saves leave merging the search index to later; a write command does it
/// before it exits, so a library written only from the terminal stays
/// compact and nothing is left for the app.
#[test]
fn write_commands_leave_the_index_merged() {
    let env = Env::new();
    let draft = env.file("a.md", "# Harbour\n\nThe first version.\n");
    let id = env.ok(&["import", draft.to_str().unwrap()]);
    let id = id.trim();
    for n in 0..6 {
        let body = env.file("b.md", format!("The tide turned, take {n}.\n"));
        env.ok(&["save", id, body.to_str().unwrap()]);
    }
    let mut lib = byline_core::open(&env.db()).unwrap();
    let done = lib.maintain(std::time::Duration::ZERO).unwrap();
    assert_eq!(done.merge_steps, 0, "{done:?}");
    assert!(done.index_merged, "{done:?}");
    assert_eq!(lib.search("tide", 10).unwrap().len(), 1);
}
