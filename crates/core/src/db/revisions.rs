//! Revisions: snapshots of a draft's headline and body, only ever added.
//!
//! A short body is kept whole in its revision's row. A long one (one the
//! search index cuts into more than one part, see `index::parts`) is kept
//! by parts: each part's text once in `revision_texts`, whichever revisions
//! hold it, and the revision lists its parts in order in `revision_parts`.
//! A journalist who saves a 20,000-word draft after every paragraph adds
//! one part each time (some 16 KiB), not the whole 128 KiB, and restoring
//! a long revision adds no text at all.
//!
//! A part is found again by its hash and then by its text: two texts with
//! one hash are two rows, so a hash collision costs space, never words.
//! Texts and lists are never changed (triggers refuse it), and a text that
//! a revision lists cannot be deleted (a foreign key refuses it). A
//! revision row says how many parts it has, so a reader that finds fewer
//! reports the revision damaged instead of returning part of it. The
//! layout is plain SQL, so a body can be rebuilt without Byline (SQLite
//! 3.44 or later; with an older `sqlite3`, select the texts in `seq` order
//! and join them):
//!
//! ```sql
//! SELECT group_concat(t.text, '' ORDER BY p.seq)
//! FROM revision_parts p JOIN revision_texts t ON t.id = p.text_id
//! WHERE p.revision_id = ?;
//! ```

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::index::Part;
use super::{get_draft, Error, Result};
use crate::model::{Draft, DraftId, Revision, RevisionReason};

/// The columns [`from_row`] reads.
pub(super) const COLUMNS: &str = "draft_id, number, created_at, reason, headline, word_count";

/// A revision row; the body is read separately when it is wanted.
pub(super) fn from_row(row: &Row) -> rusqlite::Result<Revision> {
    let reason: String = row.get(3)?;
    Ok(Revision {
        draft_id: row.get(0)?,
        number: row.get(1)?,
        created_at: row.get(2)?,
        reason: RevisionReason::parse(&reason).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("unknown reason {reason:?}").into(),
            )
        })?,
        headline: row.get(4)?,
        word_count: row.get(5)?,
        body: String::new(),
    })
}

/// The number and time of draft `id`'s last revision.
pub(super) fn last(conn: &Connection, id: DraftId) -> rusqlite::Result<Option<(u32, i64)>> {
    conn.prepare_cached(
        "SELECT number, created_at FROM revisions WHERE draft_id = ?1 ORDER BY number DESC LIMIT 1",
    )?
    .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
    .optional()
}

/// Adds revision `number` of `draft`, holding its headline and body; `parts`
/// is the body cut by `index::parts`.
pub(super) fn insert(
    conn: &Connection,
    draft: &Draft,
    parts: &[Part],
    number: u32,
    now: i64,
    reason: RevisionReason,
) -> rusqlite::Result<()> {
    let in_parts = parts.len() > 1;
    conn.prepare_cached(
        "INSERT INTO revisions (draft_id, number, created_at, reason, headline, word_count, body, parts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        draft.id,
        number,
        now,
        reason.as_str(),
        draft.headline,
        draft.word_count,
        if in_parts { "" } else { draft.body.as_str() },
        if in_parts { parts.len() } else { 0 },
    ])?;
    if in_parts {
        let revision = conn.last_insert_rowid();
        let mut list = conn.prepare_cached(
            "INSERT INTO revision_parts (revision_id, seq, text_id) VALUES (?1, ?2, ?3)",
        )?;
        for (seq, part) in parts.iter().enumerate() {
            let text = text_id(conn, part.text, part.hash)?;
            list.execute(params![revision, seq, text])?;
        }
    }
    Ok(())
}

/// The row of `revision_texts` holding `text`, added if there is none.
fn text_id(conn: &Connection, text: &str, hash: u64) -> rusqlite::Result<i64> {
    // Stored as the integer with the same bits: SQLite's are signed.
    let hash = hash as i64;
    let found = conn
        .prepare_cached("SELECT id FROM revision_texts WHERE hash = ?1 AND text = ?2")?
        .query_row(params![hash, text], |row| row.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO revision_texts (hash, text) VALUES (?1, ?2)")?
        .execute(params![hash, text])?;
    Ok(conn.last_insert_rowid())
}

/// Revision `number` of draft `id`, with its body.
pub(super) fn get(conn: &Connection, id: DraftId, number: u32) -> Result<Revision> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}, id, parts, body FROM revisions WHERE draft_id = ?1 AND number = ?2"
        ))?
        .query_row(params![id, number], |row| {
            let stored = match row.get(7)? {
                0 => Stored::Whole(row.get(8)?),
                parts => Stored::Parts {
                    revision: row.get(6)?,
                    parts,
                },
            };
            Ok((from_row(row)?, stored))
        })
        .optional()?;
    let Some((mut revision, stored)) = found else {
        get_draft(conn, id)?;
        return Err(Error::NoRevision { draft: id, number });
    };
    revision.body = match stored {
        Stored::Whole(body) => body,
        Stored::Parts { revision, parts } => body_in_parts(conn, revision, parts)?
            .ok_or(Error::DamagedRevision { draft: id, number })?,
    };
    Ok(revision)
}

/// Where a revision's body is.
enum Stored {
    /// In its row.
    Whole(String),
    /// In this many parts, listed under this revision row id.
    Parts { revision: i64, parts: i64 },
}

/// The body of the revision with row id `revision`, from its `parts`
/// parts; `None` when any of them is missing (a damaged library).
fn body_in_parts(conn: &Connection, revision: i64, parts: i64) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.seq, t.text FROM revision_parts p JOIN revision_texts t ON t.id = p.text_id
         WHERE p.revision_id = ?1 ORDER BY p.seq",
    )?;
    let mut rows = stmt.query([revision])?;
    let mut body = String::new();
    let mut found = 0i64;
    while let Some(row) = rows.next()? {
        if row.get::<_, i64>(0)? != found {
            return Ok(None);
        }
        body.push_str(row.get_ref(1)?.as_str()?);
        found += 1;
    }
    Ok((found == parts).then_some(body))
}

/// Whether revision `number` of draft `id` holds exactly `headline` and
/// `body`. A damaged revision holds nothing: the save that asks takes a
/// sound revision, rather than failing and leaving the draft unsaved.
pub(super) fn holds(
    conn: &Connection,
    id: DraftId,
    number: u32,
    headline: &str,
    body: &str,
) -> Result<bool> {
    match get(conn, id, number) {
        Ok(revision) => Ok(revision.headline == headline && revision.body == body),
        Err(Error::DamagedRevision { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicI64, Ordering};
    use std::sync::Arc;

    use super::*;
    use crate::db::{index, migrations, open, Library, SaveKind, AUTO_REVISION_INTERVAL_MS};
    use crate::model::{DraftPatch, NewDraft};

    /// Some 20,000 words in paragraphs that differ, with non-ASCII text,
    /// a CRLF line and blank lines of spaces among them.
    fn long_body(tag: &str) -> String {
        (0..330)
            .map(|i| match i % 11 {
                3 => format!("“Quoted line {i},” said Zoë Ørsted of {tag}.\r\n\n"),
                7 => format!(
                    "   \n{tag} paragraph {i}: {}\n\n",
                    "café harbour ".repeat(28)
                ),
                _ => format!(
                    "{tag} paragraph {i}: {}\n\n",
                    "council budget said ".repeat(20)
                ),
            })
            .collect()
    }

    /// A tiny xorshift generator, for edits at random places.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// `body` with a random edit: text added, a stretch deleted (part
    /// boundaries included), or a stretch moved to the end.
    fn edit(body: &str, rng: &mut Rng, round: usize) -> String {
        let mut at = rng.below(body.len());
        while !body.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + rng.below(20_000)).min(body.len());
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        match round % 3 {
            0 => format!("{}edit {round}, naïvely\n{}", &body[..at], &body[at..]),
            1 => format!("{}{}", &body[..at], &body[end..]),
            _ => format!("{}{}{}", &body[..at], &body[end..], &body[at..end]),
        }
    }

    fn long_draft(lib: &mut Library) -> crate::model::DraftId {
        lib.create(&NewDraft {
            headline: "Tides".into(),
            body: long_body("tide"),
            ..NewDraft::default()
        })
        .unwrap()
        .id
    }

    fn save(lib: &mut Library, id: DraftId, body: &str) -> u32 {
        let patch = DraftPatch {
            body: Some(body.to_owned()),
            ..DraftPatch::default()
        };
        lib.update(id, &patch, SaveKind::Explicit)
            .unwrap()
            .1
            .unwrap()
    }

    /// An empty library whose clock reads the returned time (Unix
    /// milliseconds), 1,000 to begin with.
    fn library_with_clock() -> (Library, Arc<AtomicI64>) {
        let mut lib = Library::open_in_memory().unwrap();
        let now = Arc::new(AtomicI64::new(1_000));
        let clock = Arc::clone(&now);
        lib.set_clock(move || clock.load(Ordering::SeqCst));
        (lib, now)
    }

    fn count(lib: &Library, sql: &str) -> i64 {
        lib.conn.query_row(sql, [], |row| row.get(0)).unwrap()
    }

    #[test]
    fn long_revisions_come_back_word_for_word() {
        let mut lib = Library::open_in_memory().unwrap();
        let id = long_draft(&mut lib);
        let mut saved = vec![(1, long_body("tide"))];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut body = long_body("tide");
        for round in 0..40 {
            body = edit(&body, &mut rng, round);
            if body.len() < 40_000 {
                body.push_str(&long_body(&format!("more {round}")));
            }
            saved.push((save(&mut lib, id, &body), body.clone()));
        }
        // Bodies at the edges of how parts are cut: no newline at the end,
        // lines of CR only, a line longer than a part can be, nothing.
        let huge_line = "word ".repeat(30_000);
        for edge in [
            long_body("edge").trim_end().to_owned(),
            long_body("edge").replace('\n', "\r"),
            format!("{huge_line}\n{}", long_body("after")),
            format!("{}{huge_line}", long_body("before")),
            String::new(),
        ] {
            saved.push((save(&mut lib, id, &edge), edge));
        }
        assert!(count(&lib, "SELECT count(*) FROM revisions WHERE parts > 0") >= 40);
        for (number, body) in &saved {
            let revision = lib.revision(id, *number).unwrap();
            assert!(revision.body == *body, "revision {number} changed");
        }

        // Restoring a long revision is a new revision with the same text,
        // which adds no text to the library.
        let texts = count(&lib, "SELECT count(*) FROM revision_texts");
        let restored = lib.restore(id, 7).unwrap();
        assert_eq!(restored.body, saved[6].1);
        assert_eq!(lib.revision(id, restored.number).unwrap().body, saved[6].1);
        assert_eq!(lib.get(id).unwrap().body, saved[6].1);
        assert_eq!(count(&lib, "SELECT count(*) FROM revision_texts"), texts);
    }

    #[test]
    fn a_long_draft_saved_after_every_edit_stores_each_part_once() {
        let mut lib = Library::open_in_memory().unwrap();
        let id = long_draft(&mut lib);
        let mut body = long_body("tide");
        for round in 0..50 {
            let at = body.len() * round / 50;
            let at = body[at..].find("\n\n").map_or(body.len(), |i| at + i);
            body.insert_str(at, &format!(" Word {round}."));
            save(&mut lib, id, &body);
        }
        let stored = count(
            &lib,
            "SELECT sum(length(CAST(text AS BLOB))) FROM revision_texts",
        );
        // 51 revisions of a body of some 125 KiB: the first whole, then
        // one part (some 16 KiB) for each edit, under a fifth of 51 bodies.
        assert!(body.len() > 120_000);
        assert!(
            stored < 10 * body.len() as i64,
            "{stored} bytes of text stored for 51 revisions"
        );
        assert_eq!(
            count(&lib, "SELECT sum(length(body)) FROM revisions"),
            0,
            "no revision row holds a long body itself"
        );
        // Every long revision is listed, part by part, in order.
        assert_eq!(
            count(
                &lib,
                "SELECT count(*) FROM revisions r WHERE parts > 0 AND parts <> (SELECT count(*) FROM revision_parts p WHERE p.revision_id = r.id)"
            ),
            0
        );
    }

    #[test]
    fn short_bodies_stay_in_their_revision_row() {
        let mut lib = Library::open_in_memory().unwrap();
        let draft = lib
            .create(&NewDraft {
                headline: "Short".into(),
                body: "Three short words.\n".into(),
                ..NewDraft::default()
            })
            .unwrap();
        save(&mut lib, draft.id, "Four short words now.\n");
        assert_eq!(
            count(
                &lib,
                "SELECT count(*) FROM revisions WHERE parts = 0 AND body <> ''"
            ),
            2
        );
        assert_eq!(count(&lib, "SELECT count(*) FROM revision_texts"), 0);
        assert_eq!(
            lib.revision(draft.id, 2).unwrap().body,
            "Four short words now.\n"
        );
    }

    /// Two texts with one hash: the part's own text is stored, not the one
    /// that only shares its hash.
    #[test]
    fn a_text_that_only_shares_a_parts_hash_is_not_taken_for_it() {
        let mut lib = Library::open_in_memory().unwrap();
        let id = long_draft(&mut lib);
        let mut body = long_body("tide");
        body.push_str("A new last paragraph.\n");
        let parts = index::parts(&body);
        let last = parts.last().unwrap();
        lib.conn
            .execute(
                "INSERT INTO revision_texts (hash, text) VALUES (?1, 'an impostor')",
                [last.hash as i64],
            )
            .unwrap();
        let number = save(&mut lib, id, &body);
        assert_eq!(lib.revision(id, number).unwrap().body, body);
        assert_eq!(
            count(
                &lib,
                &format!(
                    "SELECT count(*) FROM revision_texts WHERE hash = {}",
                    last.hash as i64
                )
            ),
            2
        );
    }

    /// Revisions 1 to 4 of a long draft, each with its own ending.
    fn four_revisions(lib: &mut Library) -> (DraftId, String) {
        let id = long_draft(lib);
        let mut body = long_body("tide");
        for ending in ["One.\n", "Two.\n", "Three.\n"] {
            body.push_str(ending);
            save(lib, id, &body);
        }
        (id, body)
    }

    #[test]
    fn a_revision_with_parts_missing_is_reported_damaged() {
        let mut lib = Library::open_in_memory().unwrap();
        let (id, body) = four_revisions(&mut lib);
        let list = |number: u32| {
            format!("revision_id = (SELECT id FROM revisions WHERE number = {number})")
        };
        // A gap in revision 1's list, revision 2's list gone, revision 3's
        // last part gone: each would read as a shorter text.
        lib.conn
            .execute_batch(&format!(
                "DELETE FROM revision_parts WHERE seq = 1 AND {};
                 DELETE FROM revision_parts WHERE {};
                 DELETE FROM revision_parts WHERE {} AND seq = (SELECT max(seq) FROM revision_parts WHERE {});",
                list(1),
                list(2),
                list(3),
                list(3)
            ))
            .unwrap();
        for number in [1, 2, 3] {
            let error = lib.revision(id, number).unwrap_err();
            assert!(
                matches!(error, Error::DamagedRevision { draft, number: n } if draft == id && n == number),
                "{error:?}"
            );
            assert_eq!(
                error.to_string(),
                format!("revision {number} of draft {id} is damaged: parts of its text are missing from the library")
            );
        }
        assert_eq!(lib.revision(id, 4).unwrap().body, body);
        // Restoring a damaged revision is refused, and the draft is as it was.
        assert!(lib.restore(id, 1).is_err());
        assert_eq!(lib.get(id).unwrap().body, body);
    }

    /// When the last revision is damaged, an autosave that asks whether it
    /// holds the draft's text takes a new revision instead of failing: a
    /// failed autosave would leave the draft's words unsaved.
    #[test]
    fn a_damaged_last_revision_does_not_stop_autosave() {
        let (mut lib, now) = library_with_clock();
        let id = long_draft(&mut lib);
        lib.conn
            .execute_batch("DELETE FROM revision_parts WHERE seq = 0")
            .unwrap();
        now.store(1_000 + AUTO_REVISION_INTERVAL_MS, Ordering::SeqCst);
        let mut body = long_body("tide");
        body.push_str("Typed after the damage.\n");
        let patch = DraftPatch {
            body: Some(body.clone()),
            ..DraftPatch::default()
        };
        assert_eq!(lib.update(id, &patch, SaveKind::Auto).unwrap().1, Some(2));
        assert_eq!(lib.get(id).unwrap().body, body);
        assert_eq!(lib.revision(id, 2).unwrap().body, body);
    }

    /// Texts and lists cannot be changed, and a listed text cannot be
    /// deleted, even by SQL from outside Byline.
    #[test]
    fn texts_and_lists_are_never_changed() {
        let mut lib = Library::open_in_memory().unwrap();
        let (id, body) = four_revisions(&mut lib);
        for sql in [
            "UPDATE revision_texts SET text = 'x'",
            "UPDATE revision_parts SET text_id = text_id + 1",
            "DELETE FROM revision_texts",
        ] {
            assert!(lib.conn.execute(sql, []).is_err(), "{sql} went through");
        }
        assert_eq!(lib.revision(id, 4).unwrap().body, body);
    }

    /// The plain SQL in the module's comment rebuilds a long body.
    #[test]
    fn plain_sql_rebuilds_a_long_body() {
        let mut lib = Library::open_in_memory().unwrap();
        let id = long_draft(&mut lib);
        let rebuilt: String = lib
            .conn
            .query_row(
                "SELECT group_concat(t.text, '' ORDER BY p.seq)
                 FROM revision_parts p JOIN revision_texts t ON t.id = p.text_id
                 WHERE p.revision_id = (SELECT id FROM revisions WHERE draft_id = ?1 AND number = 1)",
                [id],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(rebuilt, long_body("tide"));
    }

    /// An autosave takes no revision of a long body that its last revision
    /// already holds, however long ago that was.
    #[test]
    fn an_unchanged_long_body_gets_no_new_autosave_revision() {
        let (mut lib, now) = library_with_clock();
        let id = long_draft(&mut lib);
        let later = 1_000 + AUTO_REVISION_INTERVAL_MS;
        now.store(later, Ordering::SeqCst);
        let dek = DraftPatch {
            dek: Some("A dek, which revisions do not keep.".into()),
            ..DraftPatch::default()
        };
        assert_eq!(lib.update(id, &dek, SaveKind::Auto).unwrap().1, None);
        let mut body = long_body("tide");
        body.push_str("More.\n");
        let patch = DraftPatch {
            body: Some(body.clone()),
            ..DraftPatch::default()
        };
        assert_eq!(lib.update(id, &patch, SaveKind::Auto).unwrap().1, Some(2));
        assert_eq!(lib.revision(id, 2).unwrap().body, body);
    }

    /// Revisions written before long ones were stored by parts keep their
    /// body in their row, and read as before after the upgrade.
    #[test]
    fn revisions_written_by_schema_4_read_after_the_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.db");
        let old = long_body("old");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations::migrate(&mut conn, &migrations::MIGRATIONS[..4]).unwrap();
            conn.execute(
                "INSERT INTO drafts (slug, headline, created_at, updated_at, body) VALUES ('tides', 'Tides', 1, 1, ?1)",
                [&old],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO revisions (draft_id, number, created_at, reason, headline, word_count, body)
                 VALUES (1, 1, 1, 'created', 'Tides', 0, ?1)",
                [&old],
            )
            .unwrap();
            index::index_all(&conn).unwrap();
        }
        let mut lib = open(&path).unwrap();
        assert_eq!(lib.revision(1, 1).unwrap().body, old);
        let mut new = old.clone();
        new.push_str("A new ending.\n");
        assert_eq!(save(&mut lib, 1, &new), 2);
        assert_eq!(lib.revision(1, 2).unwrap().body, new);
        assert_eq!(lib.revision(1, 1).unwrap().body, old);
        let stored: String = lib
            .conn
            .query_row(
                "SELECT group_concat(parts > 0, ',' ORDER BY number) FROM revisions",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(
            stored, "0,1",
            "the old revision kept in its row, the new one in parts"
        );
        // Restoring the old revision makes a new one, in parts.
        let restored = lib.restore(1, 1).unwrap();
        assert_eq!(restored.body, old);
        assert_eq!(lib.revision(1, restored.number).unwrap().body, old);
        assert_eq!(lib.get(1).unwrap().body, old);
    }
}
