//! Nothing lost under abuse: writers killed with SIGKILL mid-save, two
//! processes saving the same draft at once, and a lock held too long.
//!
//! The contract these tests hold Byline to:
//! - after any crash the library passes `PRAGMA integrity_check`, and every
//!   save whose `byline save` printed its revision number is there, word for
//!   word (a save killed before it printed may or may not be there: both are
//!   fine, a half save is not);
//! - concurrent writers queue behind each other (WAL, `BEGIN IMMEDIATE`, a
//!   5-second busy timeout): nobody fails with "database is locked", and the
//!   last save to commit is the draft's body (last write wins);
//! - only a writer kept waiting longer than the busy timeout gives up, with a
//!   clear error naming the library, and saves nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn byline(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.arg("--db").arg(db).env_remove("BYLINE_DB");
    cmd
}

fn run_ok(cmd: &mut Command) -> String {
    let out: Output = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A library with one draft; returns its path and the draft id.
fn library_with_a_draft(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("lib.db");
    let seed = dir.join("seed.md");
    std::fs::write(&seed, "# Shared draft\n\nFirst words.\n").unwrap();
    let id = run_ok(byline(&db).arg("import").arg(&seed))
        .trim()
        .to_owned();
    (db, id)
}

/// Opens the library as a plain SQLite file (as a crash recovery would) and
/// checks it is sound and holds each `(revision, body)` pair.
fn assert_sound_and_holds(db: &Path, id: &str, saved: &[(u32, String)]) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let dangling = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count();
    assert_eq!(dangling, 0, "every reference points at a row");
    let id: i64 = id.parse().unwrap();
    for (number, body) in saved {
        // A long body is kept by parts (see the core's `revisions.rs`).
        let stored: Option<String> = conn
            .query_row(
                "SELECT CASE WHEN parts > 0 THEN (
                     SELECT group_concat(t.text, '' ORDER BY p.seq)
                     FROM revision_parts p JOIN revision_texts t ON t.id = p.text_id
                     WHERE p.revision_id = r.id)
                 ELSE body END
                 FROM revisions r WHERE draft_id = ?1 AND number = ?2",
                (id, number),
                |r| r.get(0),
            )
            .ok();
        assert!(
            stored.as_deref() == Some(body.as_str()),
            "revision {number} lost or changed"
        );
    }
    // The search index agrees with the drafts it indexes.
    conn.execute_batch("INSERT INTO drafts_fts (drafts_fts) VALUES ('integrity-check')")
        .expect("the search index matches the drafts");
}

/// A tiny xorshift generator: random kill moments that a printed seed replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A body of about `words` words, unique to `tag`.
fn body(tag: &str, words: usize) -> String {
    let mut text = format!("Version {tag}.\n\n");
    for i in 0..words {
        text.push_str(["council ", "budget ", "harbour ", "said ", "the ", "mayor "][i % 6]);
        if i % 40 == 39 {
            text.push_str(&format!("({tag}/{i})\n\n"));
        }
    }
    text
}

#[test]
fn writers_killed_mid_save_lose_nothing_that_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = library_with_a_draft(dir.path());
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("kill-timing seed: {seed}");
    let mut rng = Rng(seed);

    // How long one save takes here, so the kills land across its whole run.
    let probe = dir.path().join("probe.md");
    std::fs::write(&probe, body("probe", 60_000)).unwrap();
    let started = Instant::now();
    let first = run_ok(byline(&db).arg("save").arg(&id).arg(&probe));
    let save_time = started.elapsed();
    let mut saved = vec![(
        first.trim().parse::<u32>().unwrap(),
        std::fs::read_to_string(&probe).unwrap(),
    )];

    // The kill moment adapts: later after a kill, earlier after a finished
    // save, so the kills cluster around the moment a save commits.
    let mut scale = 1.0;
    let (mut killed, mut finished) = (0, 0);
    for round in 0..30 {
        let file = dir.path().join(format!("round-{round}.md"));
        let text = body(&format!("round {round}"), 60_000);
        std::fs::write(&file, &text).unwrap();
        let mut child = byline(&db)
            .arg("save")
            .arg(&id)
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let delay = save_time.mul_f64(scale * (500 + rng.next() % 1000) as f64 / 1000.0);
        std::thread::sleep(delay);
        // SIGKILL: no destructor, no flush, no clean close.
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            finished += 1;
            let number = String::from_utf8(out.stdout)
                .unwrap()
                .trim()
                .parse::<u32>()
                .unwrap();
            saved.push((number, text));
            scale *= 0.8;
        } else {
            assert!(
                out.status.code().is_none(),
                "a save failed on its own: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            killed += 1;
            scale *= 1.25;
        }
        assert_sound_and_holds(&db, &id, &saved);
        std::fs::remove_file(&file).unwrap();
    }
    println!("{killed} saves killed, {finished} finished (a save takes {save_time:?})");
    assert!(
        killed > 0,
        "no save was interrupted: the test proved nothing"
    );
    assert!(
        finished > 0,
        "no save finished between kills: the test proved little"
    );

    // The library still works through Byline itself afterwards.
    let after = dir.path().join("after.md");
    std::fs::write(&after, "After the storm.\n").unwrap();
    let number: u32 = run_ok(byline(&db).arg("save").arg(&id).arg(&after))
        .trim()
        .parse()
        .unwrap();
    assert!(number > saved.last().unwrap().0);
    assert!(run_ok(byline(&db).args(["show", &id])).ends_with("After the storm.\n"));
}

#[test]
fn two_processes_saving_one_draft_both_succeed_and_the_last_wins() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = library_with_a_draft(dir.path());
    let rounds = 25;
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let (db, id, dir) = (db.clone(), id.clone(), dir.path().to_owned());
            std::thread::spawn(move || {
                let mut saved = Vec::new();
                for i in 0..rounds {
                    let text = body(&format!("{who} {i}"), 5_000);
                    let file = dir.join(format!("{who}-{i}.md"));
                    std::fs::write(&file, &text).unwrap();
                    let out = byline(&db)
                        .arg("save")
                        .arg(&id)
                        .arg(&file)
                        .output()
                        .unwrap();
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(out.status.success(), "writer {who} save {i} failed: {err}");
                    saved.push((
                        String::from_utf8(out.stdout)
                            .unwrap()
                            .trim()
                            .parse::<u32>()
                            .unwrap(),
                        text,
                    ));
                }
                saved
            })
        })
        .collect();
    let mut saved: Vec<(u32, String)> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    saved.sort();
    let numbers: Vec<u32> = saved.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        numbers,
        (2..2 + 2 * rounds).collect::<Vec<_>>(),
        "each save got its own revision"
    );
    assert_sound_and_holds(&db, &id, &saved);

    let shown = run_ok(byline(&db).args(["show", &id, "--format", "json"]));
    let last = &saved.last().unwrap().1;
    assert!(
        shown.contains(&serde_json::to_string(last).unwrap()),
        "the last save to commit is the body"
    );
}

#[test]
fn a_writer_kept_waiting_too_long_gets_a_clear_error_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = library_with_a_draft(dir.path());
    let file = dir.path().join("late.md");
    std::fs::write(&file, "Too late.\n").unwrap();

    // Another process (here, this test) holds the write lock for longer than
    // the busy timeout.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let out = byline(&db)
        .arg("save")
        .arg(&id)
        .arg(&file)
        .output()
        .unwrap();
    let waited = started.elapsed();
    holder.execute_batch("ROLLBACK").unwrap();

    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{} stayed locked by another Byline process",
            db.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        waited >= Duration::from_secs(4),
        "gave up after {waited:?}, before the busy timeout"
    );
    let history = run_ok(byline(&db).args(["history", &id]));
    assert_eq!(history.lines().count(), 1, "nothing was saved: {history}");
}
