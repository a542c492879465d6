//! The draft library through its public API: drafts, revisions, search,
//! trash, the welcome draft, and every way opening a file can go wrong.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use byline_core::db::{self, Error, SaveKind, AUTO_REVISION_INTERVAL_MS};
use byline_core::model::RevisionReason;
use byline_core::{open, DraftPatch, Library, NewDraft, Status};

fn new(headline: &str, body: &str) -> NewDraft {
    NewDraft {
        headline: headline.into(),
        body: body.into(),
        ..NewDraft::default()
    }
}

fn body(text: &str) -> DraftPatch {
    DraftPatch {
        body: Some(text.into()),
        ..DraftPatch::default()
    }
}

/// A library whose clock the test moves by hand.
fn with_clock() -> (Library, Arc<AtomicI64>) {
    let mut lib = Library::open_in_memory().unwrap();
    let clock = Arc::new(AtomicI64::new(1_700_000_000_000));
    let handle = clock.clone();
    lib.set_clock(move || handle.load(Ordering::SeqCst));
    (lib, clock)
}

#[test]
fn create_get_and_list_newest_first() {
    let (mut lib, clock) = with_clock();
    let a = lib
        .create(&new(
            "Council votes to close library",
            "The council voted 7-2.",
        ))
        .unwrap();
    clock.fetch_add(1000, Ordering::SeqCst);
    let b = lib
        .create(&new("Council votes to close library", "A second take."))
        .unwrap();
    assert_eq!(a.slug, "council-votes-to-close-library");
    assert_eq!(b.slug, "council-votes-to-close-library-2");
    assert_eq!(a.status, Status::Draft);
    assert_eq!(a.word_count, 4, "7-2 is one word");
    assert_eq!(lib.get(a.id).unwrap(), a);

    let ids: Vec<_> = lib.list().unwrap().iter().map(|d| d.id).collect();
    assert_eq!(ids, [b.id, a.id]);

    clock.fetch_add(1000, Ordering::SeqCst);
    lib.update(a.id, &body("Now longer than before."), SaveKind::Auto)
        .unwrap();
    let list = lib.list().unwrap();
    assert_eq!(list[0].id, a.id, "an update moves a draft to the top");
    assert_eq!(list[0].word_count, 4);
    assert!(matches!(lib.get(999), Err(Error::NotFound(999))));
}

#[test]
fn create_many_is_all_or_nothing_and_returns_ids_in_order() {
    let mut lib = Library::open_in_memory().unwrap();
    let drafts = lib
        .create_many(&[new("One", "a"), new("Two", "b"), new("One", "c")])
        .unwrap();
    let slugs: Vec<_> = drafts.iter().map(|d| d.slug.as_str()).collect();
    assert_eq!(slugs, ["one", "two", "one-2"]);
    assert_eq!(lib.list().unwrap().len(), 3);
}

#[test]
fn update_applies_only_the_fields_given() {
    let (mut lib, clock) = with_clock();
    let d = lib.create(&new("Old headline", "Body text here.")).unwrap();
    clock.fetch_add(10, Ordering::SeqCst);
    let patch = DraftPatch {
        headline: Some("New headline".into()),
        dek: Some("A dek".into()),
        status: Some(Status::Editing),
        target_words: Some(Some(800)),
        ..DraftPatch::default()
    };
    let (after, _) = lib.update(d.id, &patch, SaveKind::Auto).unwrap();
    assert_eq!(after.headline, "New headline");
    assert_eq!(after.slug, "new-headline", "the slug follows the headline");
    assert_eq!(after.body, "Body text here.");
    assert_eq!(after.dek, "A dek");
    assert_eq!(after.status, Status::Editing);
    assert_eq!(after.target_words, Some(800));
    assert_eq!(after.updated_at, d.updated_at + 10);
    assert_eq!(lib.get(d.id).unwrap(), after);

    let clear = DraftPatch {
        target_words: Some(None),
        ..DraftPatch::default()
    };
    assert_eq!(
        lib.update(d.id, &clear, SaveKind::Auto)
            .unwrap()
            .0
            .target_words,
        None
    );

    // A patch that changes nothing writes nothing.
    clock.fetch_add(10, Ordering::SeqCst);
    let (same, rev) = lib
        .update(d.id, &DraftPatch::default(), SaveKind::Auto)
        .unwrap();
    assert_eq!(rev, None);
    assert_eq!(same.updated_at, d.updated_at + 10);
    assert!(matches!(
        lib.update(42, &body("x"), SaveKind::Auto),
        Err(Error::NotFound(42))
    ));
}

#[test]
fn explicit_saves_always_take_a_revision() {
    let mut lib = Library::open_in_memory().unwrap();
    let d = lib.create(&new("H", "one")).unwrap();
    assert_eq!(
        lib.update(d.id, &body("two"), SaveKind::Explicit)
            .unwrap()
            .1,
        Some(2)
    );
    assert_eq!(
        lib.update(d.id, &body("two"), SaveKind::Explicit)
            .unwrap()
            .1,
        Some(3)
    );
    let history = lib.history(d.id).unwrap();
    let reasons: Vec<_> = history.iter().map(|r| (r.number, r.reason)).collect();
    assert_eq!(
        reasons,
        [
            (1, RevisionReason::Created),
            (2, RevisionReason::Explicit),
            (3, RevisionReason::Explicit)
        ]
    );
    assert!(
        history.iter().all(|r| r.body.is_empty()),
        "history leaves bodies out"
    );
    assert_eq!(lib.revision(d.id, 1).unwrap().body, "one");
    assert_eq!(lib.revision(d.id, 2).unwrap().body, "two");
}

#[test]
fn autosave_takes_a_revision_at_most_every_five_minutes_and_only_for_new_text() {
    let (mut lib, clock) = with_clock();
    let d = lib.create(&new("H", "v1")).unwrap();
    let tick = |ms: i64| clock.fetch_add(ms, Ordering::SeqCst);

    tick(60_000);
    assert_eq!(
        lib.update(d.id, &body("v2"), SaveKind::Auto).unwrap().1,
        None,
        "too soon"
    );
    assert_eq!(
        lib.get(d.id).unwrap().body,
        "v2",
        "the current body is always saved"
    );
    tick(AUTO_REVISION_INTERVAL_MS - 60_001);
    assert_eq!(
        lib.update(d.id, &body("v3"), SaveKind::Auto).unwrap().1,
        None,
        "a millisecond too soon"
    );
    tick(1);
    assert_eq!(
        lib.update(d.id, &body("v4"), SaveKind::Auto).unwrap().1,
        Some(2)
    );
    assert_eq!(lib.revision(d.id, 2).unwrap().reason, RevisionReason::Auto);

    // Ten minutes later, but the text is what revision 2 holds: no revision.
    tick(2 * AUTO_REVISION_INTERVAL_MS);
    let status_only = DraftPatch {
        status: Some(Status::Ready),
        ..DraftPatch::default()
    };
    assert_eq!(
        lib.update(d.id, &status_only, SaveKind::Auto).unwrap().1,
        None
    );
    // A headline change is new text.
    let headline = DraftPatch {
        headline: Some("H2".into()),
        ..DraftPatch::default()
    };
    assert_eq!(
        lib.update(d.id, &headline, SaveKind::Auto).unwrap().1,
        Some(3)
    );
    assert_eq!(lib.revision(d.id, 3).unwrap().headline, "H2");
}

#[test]
fn restore_is_a_new_revision_and_overwrites_nothing() {
    let (mut lib, clock) = with_clock();
    let d = lib.create(&new("First headline", "first body")).unwrap();
    clock.fetch_add(5, Ordering::SeqCst);
    let second = DraftPatch {
        headline: Some("Second".into()),
        body: Some("second body words".into()),
        ..Default::default()
    };
    lib.update(d.id, &second, SaveKind::Explicit).unwrap();
    clock.fetch_add(5, Ordering::SeqCst);

    let restored = lib.restore(d.id, 1).unwrap();
    assert_eq!(
        (restored.number, restored.reason),
        (3, RevisionReason::Restore)
    );
    let now = lib.get(d.id).unwrap();
    assert_eq!(
        (now.headline.as_str(), now.body.as_str()),
        ("First headline", "first body")
    );
    assert_eq!(now.word_count, 2);
    assert_eq!(now.slug, "first-headline");
    assert_eq!(now.updated_at, d.created_at + 10);
    // Revision 2 is still there, word for word.
    assert_eq!(lib.revision(d.id, 2).unwrap().body, "second body words");
    assert_eq!(lib.history(d.id).unwrap().len(), 3);

    assert!(matches!(
        lib.restore(d.id, 9),
        Err(Error::NoRevision { number: 9, .. })
    ));
    assert!(matches!(lib.restore(77, 1), Err(Error::NotFound(77))));
    assert!(matches!(lib.history(77), Err(Error::NotFound(77))));
    assert!(matches!(lib.revision(77, 1), Err(Error::NotFound(77))));
}

#[test]
fn search_marks_hits_escapes_html_and_follows_edits() {
    let mut lib = Library::open_in_memory().unwrap();
    let fire = lib
        .create(&new(
            "Warehouse fire in Leith",
            "Crews fought the <blaze> & smoke overnight.",
        ))
        .unwrap();
    let other = lib
        .create(&new("Budget talks", "The fire brigade budget was cut."))
        .unwrap();

    let hits = lib.search("fire", 10).unwrap();
    let ids: Vec<_> = hits.iter().map(|h| h.id).collect();
    assert_eq!(ids, [fire.id, other.id], "a headline hit ranks first");
    assert!(
        hits[1].snippet.contains("<mark>fire</mark>"),
        "{}",
        hits[1].snippet
    );

    let hits = lib.search("blaz", 10).unwrap();
    assert_eq!(hits.len(), 1, "the last word matches as a prefix");
    assert!(
        hits[0]
            .snippet
            .contains("&lt;<mark>blaze</mark>&gt; &amp; smoke"),
        "{}",
        hits[0].snippet
    );
    assert!(
        lib.search("blaz ", 10).unwrap().is_empty(),
        "a finished word matches whole"
    );

    // Diacritics are folded both ways.
    lib.create(&new("Café reopens", "Le café est ouvert."))
        .unwrap();
    assert_eq!(lib.search("cafe", 10).unwrap().len(), 1);

    lib.update(
        fire.id,
        &DraftPatch {
            headline: Some("Warehouse blaze".into()),
            body: Some("All quiet.".into()),
            ..Default::default()
        },
        SaveKind::Auto,
    )
    .unwrap();
    assert_eq!(
        lib.search("fire", 10)
            .unwrap()
            .iter()
            .map(|h| h.id)
            .collect::<Vec<_>>(),
        [other.id]
    );
    assert_eq!(
        lib.search("quiet", 10).unwrap()[0].headline,
        "Warehouse blaze"
    );
    assert_eq!(lib.search("fire", 0).unwrap().len(), 0);
}

#[test]
fn no_query_text_is_an_fts_syntax_error() {
    let mut lib = Library::open_in_memory().unwrap();
    lib.create(&new(
        "Mayor said \"no\" to NEAR(plan)",
        "AND OR NOT * ^ : - + ( ) { } [ ] ' \"",
    ))
    .unwrap();
    let hostile = [
        "\"",
        "\"\"",
        "'",
        "*",
        "-",
        "^",
        ":",
        "(",
        ")",
        "NEAR(",
        "NEAR(a b, 2)",
        "a OR",
        "OR",
        "AND",
        "NOT",
        "headline:",
        "body: mayor",
        "{headline}: x",
        "a AND (b",
        "mayor*",
        "*mayor",
        "\"mayor",
        "mayor\"",
        "mayor \"no",
        "\\",
        "%",
        "_",
        "\0",
        "🔥",
        "   ",
        "",
        "—",
        "x\u{E000}y",
        "a-b-c",
        "+1",
        "ß",
        "日本語",
    ];
    for q in hostile {
        if let Err(e) = lib.search(q, 10) {
            panic!("search({q:?}) failed: {e}");
        }
    }
    assert_eq!(
        lib.search("NEAR(", 10).unwrap().len(),
        1,
        "operators are searched as words"
    );
    assert_eq!(lib.search("mayor \"no", 10).unwrap().len(), 1);
}

/// Paragraphs of a long read (some 20,000 words in all): filler words,
/// each paragraph numbered with a word of its own (`marker12`).
fn long_read() -> Vec<String> {
    (0..330)
        .map(|i| {
            format!(
                "Paragraph marker{i} begins. {}The end of marker{i}.\n\n",
                "lorem ipsum dolor sit amet consectetur ".repeat(10)
            )
        })
        .collect()
}

fn ids(hits: &[byline_core::SearchHit]) -> Vec<i64> {
    hits.iter().map(|h| h.id).collect()
}

/// A long draft is indexed in parts, and a save re-indexes only the parts
/// that changed: search must follow every edit all the same, and match
/// words that sit in different parts.
#[test]
fn search_follows_edits_to_one_paragraph_of_a_long_draft() {
    let mut lib = Library::open_in_memory().unwrap();
    let mut paragraphs = long_read();
    let long = lib
        .create(&new(
            "A long read on harbour dredging",
            &paragraphs.concat(),
        ))
        .unwrap();
    let short = lib
        .create(&new("Short note", "lorem marker5 and marker300"))
        .unwrap();

    // Words far apart, in different parts, still match together.
    assert_eq!(
        ids(&lib.search("marker3 marker320", 10).unwrap()),
        [long.id]
    );
    assert_eq!(
        ids(&lib.search("dredging marker200", 10).unwrap()),
        [long.id]
    );
    let hits = lib.search("marker5 marker300", 10).unwrap();
    assert_eq!(hits.len(), 2, "both drafts have both words");
    assert!(
        hits.iter()
            .all(|h| h.snippet.contains("<mark>marker5</mark>")),
        "{hits:?}"
    );
    assert!(lib.search("marker3 nowhere", 10).unwrap().is_empty());
    // The snippet of a long draft comes from the part that matched.
    let hit = &lib.search("marker320", 10).unwrap()[0];
    assert!(
        hit.snippet.contains("<mark>marker320</mark>"),
        "{}",
        hit.snippet
    );

    // Rewrite one paragraph in the middle.
    paragraphs[160] = "Now about lighthouses and a keeper named Oona.\n\n".into();
    let (saved, _) = lib
        .update(long.id, &body(&paragraphs.concat()), SaveKind::Auto)
        .unwrap();
    assert_eq!(
        saved.word_count,
        byline_core::model::word_count(&saved.body)
    );
    assert!(
        lib.search("marker160", 10).unwrap().is_empty(),
        "a word only in the old paragraph is gone"
    );
    assert_eq!(ids(&lib.search("lighthouses", 10).unwrap()), [long.id]);
    assert_eq!(
        ids(&lib.search("oona marker2 marker329", 10).unwrap()),
        [long.id]
    );
    let hit = &lib.search("lighthou", 10).unwrap()[0];
    assert!(
        hit.snippet.contains("<mark>lighthouses</mark>"),
        "{}",
        hit.snippet
    );
    // Untouched paragraphs are still found.
    assert_eq!(
        ids(&lib.search("marker159 marker161", 10).unwrap()),
        [long.id]
    );

    // A headline hit ranks a long draft above a body hit in a short one.
    assert_eq!(ids(&lib.search("harbour marker5", 10).unwrap()), [long.id]);
    lib.update(
        short.id,
        &DraftPatch {
            headline: Some("Harbour note".into()),
            ..DraftPatch::default()
        },
        SaveKind::Auto,
    )
    .unwrap();
    let mut both = ids(&lib.search("harbour marker5", 10).unwrap());
    both.sort();
    assert_eq!(both, [long.id, short.id]);
    assert_eq!(lib.search("harbour marker5", 1).unwrap().len(), 1);

    // Shrinking a long draft to one paragraph, and growing it back.
    lib.update(long.id, &body("Only this now."), SaveKind::Explicit)
        .unwrap();
    assert!(lib
        .search("marker3", 10)
        .unwrap()
        .iter()
        .all(|h| h.id != long.id));
    assert_eq!(ids(&lib.search("only this", 10).unwrap()), [long.id]);
    lib.update(long.id, &body(&paragraphs.concat()), SaveKind::Explicit)
        .unwrap();
    assert!(lib.search("only this", 10).unwrap().is_empty());
    assert_eq!(
        ids(&lib.search("marker3 marker320", 10).unwrap()),
        [long.id]
    );

    // Restoring brings the old text back into the index.
    lib.restore(long.id, 2).unwrap();
    assert_eq!(ids(&lib.search("only this", 10).unwrap()), [long.id]);
    assert!(lib
        .search("marker320", 10)
        .unwrap()
        .iter()
        .all(|h| h.id != long.id));

    // The trash hides long drafts too.
    lib.update(long.id, &body(&paragraphs.concat()), SaveKind::Auto)
        .unwrap();
    lib.delete(long.id).unwrap();
    assert!(lib.search("marker3 marker320", 10).unwrap().is_empty());
    lib.undelete(long.id).unwrap();
    assert_eq!(
        ids(&lib.search("marker3 marker320", 10).unwrap()),
        [long.id]
    );
}

/// Saving the same text again, or only a status, changes nothing that
/// search sees; a changed headline is searchable at once.
#[test]
fn metadata_and_headline_saves_of_a_long_draft_keep_search_right() {
    let mut lib = Library::open_in_memory().unwrap();
    let text = long_read().concat();
    let d = lib.create(&new("Tides", &text)).unwrap();
    lib.update(
        d.id,
        &DraftPatch {
            status: Some(Status::Editing),
            body: Some(text.clone()),
            ..DraftPatch::default()
        },
        SaveKind::Explicit,
    )
    .unwrap();
    assert_eq!(ids(&lib.search("tides marker7", 10).unwrap()), [d.id]);
    lib.update(
        d.id,
        &DraftPatch {
            headline: Some("Currents".into()),
            dek: Some("Where the water goes".into()),
            ..DraftPatch::default()
        },
        SaveKind::Auto,
    )
    .unwrap();
    assert!(lib.search("tides", 10).unwrap().is_empty());
    assert_eq!(
        ids(&lib.search("currents water marker300", 10).unwrap()),
        [d.id]
    );
    assert_eq!(
        lib.get(d.id).unwrap().word_count,
        byline_core::model::word_count(&text)
    );
}

#[test]
fn trash_hides_drafts_until_undeleted() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create(&new("Keep me", "apples")).unwrap();
    let b = lib.create(&new("Bin me", "apples and pears")).unwrap();
    lib.delete(b.id).unwrap();
    lib.delete(b.id).unwrap(); // already in the trash: no-op

    assert_eq!(
        lib.list().unwrap().iter().map(|d| d.id).collect::<Vec<_>>(),
        [a.id]
    );
    let trash = lib.trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, b.id);
    assert!(trash[0].deleted_at.is_some());
    assert_eq!(
        lib.search("apples", 10).unwrap().len(),
        1,
        "search leaves the trash out"
    );
    assert_eq!(
        lib.get(b.id).unwrap().headline,
        "Bin me",
        "a trashed draft can still be read"
    );

    lib.undelete(b.id).unwrap();
    assert!(lib.trash().unwrap().is_empty());
    assert_eq!(lib.list().unwrap().len(), 2);
    assert_eq!(lib.search("apples", 10).unwrap().len(), 2);
    assert!(lib.list().unwrap().iter().all(|d| d.deleted_at.is_none()));

    assert!(matches!(lib.delete(99), Err(Error::NotFound(99))));
    assert!(matches!(lib.undelete(99), Err(Error::NotFound(99))));
}

/// Search asks the index for a few more of the best matches than it
/// shows, and for more again when the trash holds most of them: the best
/// live drafts are found however many better ones are in the trash, in
/// the order of their rank.
#[test]
fn search_finds_the_best_live_drafts_behind_a_full_trash() {
    let mut lib = Library::open_in_memory().unwrap();
    // Ranked best: the word in the headline, then in the dek, then once in
    // a long body.
    let mut binned = Vec::new();
    for i in 0..40 {
        binned.push(
            lib.create(&new(&format!("Harbour story {i}"), "harbour"))
                .unwrap()
                .id,
        );
    }
    let dek = lib
        .create(&NewDraft {
            headline: "Dek".into(),
            dek: "harbour".into(),
            body: "quay".into(),
            ..NewDraft::default()
        })
        .unwrap()
        .id;
    let filler = "quay ".repeat(200);
    let mut bodies = Vec::new();
    for i in 0..5 {
        let text = format!("{filler} harbour {i}");
        bodies.push(lib.create(&new(&format!("Body {i}"), &text)).unwrap().id);
    }
    for id in &binned {
        lib.delete(*id).unwrap();
    }
    let found = |lib: &Library, limit| -> Vec<i64> {
        lib.search("harbour", limit)
            .unwrap()
            .iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(found(&lib, 1), [dek]);
    let three = found(&lib, 3);
    assert_eq!(three.len(), 3);
    assert_eq!(three[0], dek);
    assert!(three[1..].iter().all(|id| bodies.contains(id)), "{three:?}");
    assert_eq!(
        found(&lib, 50).len(),
        6,
        "every live match, none from the trash"
    );

    for id in &binned[..20] {
        lib.undelete(*id).unwrap();
    }
    let back = found(&lib, 20);
    assert_eq!(back.len(), 20);
    assert!(
        back.iter().all(|id| binned[..20].contains(id)),
        "headline hits first"
    );
}

#[test]
fn welcome_draft_comes_once_and_never_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let id = {
        let mut lib = open(&path).unwrap();
        let id = lib
            .ensure_welcome()
            .unwrap()
            .expect("an empty library gets a welcome draft");
        assert_eq!(lib.ensure_welcome().unwrap(), None);
        let welcome = lib.get(id).unwrap();
        assert!(welcome.headline.contains("Byline"));
        assert!(!welcome.dek.is_empty());
        assert!(welcome.word_count > 150);
        lib.delete(id).unwrap();
        id
    };
    let mut lib = open(&path).unwrap();
    assert_eq!(
        lib.ensure_welcome().unwrap(),
        None,
        "deleting the welcome draft does not bring it back"
    );
    assert!(lib.list().unwrap().is_empty());
    assert_eq!(lib.trash().unwrap()[0].id, id);

    let mut busy = Library::open_in_memory().unwrap();
    busy.create(&new("Imported first", "")).unwrap();
    assert_eq!(
        busy.ensure_welcome().unwrap(),
        None,
        "a library with drafts needs no welcome"
    );
}

#[test]
fn a_library_file_keeps_everything_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let d = {
        let mut lib = open(&path).unwrap();
        let d = lib.create(&new("Persistent", "still here")).unwrap();
        lib.update(d.id, &body("still here, edited"), SaveKind::Explicit)
            .unwrap();
        d
    };
    let lib = open(&path).unwrap();
    assert_eq!(lib.get(d.id).unwrap().body, "still here, edited");
    assert_eq!(lib.history(d.id).unwrap().len(), 2);
    assert_eq!(lib.search("edited", 5).unwrap().len(), 1);
    assert_eq!(lib.path(), path);
}

/// Opens `path` expecting `NotADatabase`, and checks that the file is byte
/// for byte what it was and that no journal was left beside it.
fn assert_refused_untouched(path: &Path) {
    let before = std::fs::read(path).unwrap();
    match open(path) {
        Err(Error::NotADatabase { path: p }) => assert_eq!(p, path),
        Err(e) => panic!("expected NotADatabase for {}, got {e}", path.display()),
        Ok(_) => panic!("{} opened as a library", path.display()),
    }
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{} was changed",
        path.display()
    );
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        assert!(
            !Path::new(&side).exists(),
            "{} was created",
            PathBuf::from(side).display()
        );
    }
}

#[test]
fn files_that_are_not_libraries_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    // Random bytes from a fixed-seed generator, so a failure can be replayed.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let random: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    assert_refused_untouched(&write("random.db", &random));
    assert_refused_untouched(&write(
        "notes.txt",
        "Notes for the council story.\nCall the mayor.\n"
            .repeat(200)
            .as_bytes(),
    ));
    assert_refused_untouched(&write("tiny.db", b"SQLite"));
    let mut bad_header = b"SQLite format 3\0".to_vec();
    bad_header.extend_from_slice(&random[..8000]);
    assert_refused_untouched(&write("bad-header.db", &bad_header));

    // A real library cut short: the header promises pages the file lacks.
    let real = dir.path().join("real.db");
    {
        let mut lib = open(&real).unwrap();
        for i in 0..50 {
            lib.create(&new(
                &format!("Story {i}"),
                &"Words of the story. ".repeat(300),
            ))
            .unwrap();
        }
    }
    let bytes = std::fs::read(&real).unwrap();
    assert!(bytes.len() > 16 * 4096);
    assert_refused_untouched(&write("truncated.db", &bytes[..bytes.len() / 2]));
    assert_refused_untouched(&write("truncated-odd.db", &bytes[..bytes.len() - 100]));

    // A folder is not a library either.
    let folder = dir.path().join("folder.db");
    std::fs::create_dir(&folder).unwrap();
    assert!(matches!(open(&folder), Err(Error::NotADatabase { .. })));
}

#[test]
fn a_library_from_a_newer_byline_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE drafts_v9 (x); PRAGMA user_version = 9;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match open(&path) {
        Err(e @ Error::NewerSchema { found: 9, .. }) => {
            let message = e.to_string();
            assert!(
                message.contains("future.db") && message.contains("newer"),
                "{message}"
            );
        }
        Err(e) => panic!("expected NewerSchema, got {e}"),
        Ok(_) => panic!("a newer schema was opened"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/lib.db");
    match open(&path) {
        Err(e @ Error::Io { .. }) => {
            assert!(e.to_string().contains("no/such/folder/lib.db"), "{e}")
        }
        Err(e) => panic!("expected Io, got {e}"),
        Ok(_) => panic!("opened a library in a missing folder"),
    }
}

/// Writers in two threads, each with its own connection, save the same draft
/// at once: every save succeeds (the busy timeout queues them), and the
/// draft ends as the last committed save left it.
#[test]
fn two_writers_on_one_draft_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let id = open(&path)
        .unwrap()
        .create(&new("Shared", "start"))
        .unwrap()
        .id;
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut lib = open(&path).unwrap();
                for i in 0..40 {
                    lib.update(id, &body(&format!("{who} {i}")), SaveKind::Explicit)
                        .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let lib = open(&path).unwrap();
    let history = lib.history(id).unwrap();
    assert_eq!(history.len(), 81);
    let last = lib.revision(id, 81).unwrap();
    assert_eq!(lib.get(id).unwrap().body, last.body, "the last write wins");
}

/// Many saves of a long draft, with the write-ahead log checkpointed into
/// the file along the way: every save is there after reopening, and the
/// log stays bounded.
#[test]
fn many_saves_of_a_long_draft_survive_checkpoints() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let mut paragraphs = long_read();
    let id;
    {
        let mut lib = open(&path).unwrap();
        id = lib
            .create(&new("Checkpoints", &paragraphs.concat()))
            .unwrap()
            .id;
        for i in 0..120 {
            paragraphs[i * 7 % 330] = format!("Edit number{i}.\n\n");
            lib.update(id, &body(&paragraphs.concat()), SaveKind::Explicit)
                .unwrap();
        }
        let wal = std::fs::metadata(dir.path().join("lib.db-wal")).unwrap();
        // 120 saves of ~150 KiB each would be ~40 MiB without checkpoints.
        assert!(wal.len() < 30 << 20, "log of {} bytes", wal.len());
    }
    let lib = open(&path).unwrap();
    assert_eq!(lib.get(id).unwrap().body, paragraphs.concat());
    assert_eq!(lib.history(id).unwrap().len(), 121);
    assert_eq!(lib.search("number0 number119", 10).unwrap().len(), 1);
}

/// When the folder cannot be written, opening fails with `ReadOnly` naming
/// the file, and nothing is created.
fn check_read_only(dir: &Path) {
    for name in ["existing.db", "new.db"] {
        let path = dir.join(name);
        match open(&path) {
            Err(e @ Error::ReadOnly { .. }) => assert!(e.to_string().contains(name), "{e}"),
            Err(e) => panic!("expected ReadOnly for {name}, got {e}"),
            Ok(_) => panic!("{name} opened for writing in a read-only folder"),
        }
    }
    assert!(!dir.join("new.db").exists());
}

const READ_ONLY_DIR: &str = "BYLINE_TEST_READ_ONLY_DIR";

/// Root ignores permission bits, so for root the folder is made read-only
/// for real: this test runs itself again inside a private mount namespace
/// (`unshare -rm`) where the folder is a read-only bind mount. For other
/// users, `chmod` does the job.
#[test]
fn a_read_only_folder_is_refused_clearly() {
    if let Some(dir) = std::env::var_os(READ_ONLY_DIR) {
        check_read_only(Path::new(&dir));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    open(&dir.path().join("existing.db"))
        .unwrap()
        .create(&new("Saved before", "x"))
        .unwrap();

    use std::os::unix::fs::PermissionsExt;
    let set_mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    set_mode(&dir.path().join("existing.db"), 0o444);
    set_mode(dir.path(), 0o555);
    let permissions_bind = std::fs::write(dir.path().join("probe"), b"").is_err();
    if permissions_bind {
        check_read_only(dir.path());
        set_mode(dir.path(), 0o755);
        return;
    }
    set_mode(dir.path(), 0o755);
    set_mode(&dir.path().join("existing.db"), 0o644);
    std::fs::remove_file(dir.path().join("probe")).unwrap();

    let exe = std::env::current_exe().unwrap();
    let output = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", r#"mount --bind -o ro "$0" "$0" && exec "$1" --exact "$2" --nocapture --test-threads=1"#])
        .arg(dir.path())
        .arg(&exe)
        .arg("a_read_only_folder_is_refused_clearly")
        .env(READ_ONLY_DIR, dir.path())
        .output()
        .expect("running as root, this test needs `unshare` (util-linux) to make a read-only folder");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "the read-only run failed:\n{log}");
    assert!(
        log.contains("1 passed"),
        "the read-only run did not run the test:\n{log}"
    );
    // Outside the namespace the folder was writable all along.
    assert!(open(&dir.path().join("existing.db")).is_ok());
}

#[test]
fn a_folder_nobody_may_write_is_refused_clearly() {
    // sysfs refuses new files even to root.
    match open(Path::new("/sys/byline-test.db")) {
        Err(e @ Error::ReadOnly { .. }) => {
            assert!(e.to_string().contains("/sys/byline-test.db"), "{e}")
        }
        Err(e) => panic!("expected ReadOnly, got {e}"),
        Ok(_) => panic!("opened a library in /sys"),
    }
}

#[test]
fn default_path_is_under_the_data_folder() {
    let path = db::default_path().unwrap();
    assert!(path.ends_with("byline/byline.db"), "{}", path.display());
}
