//! The library's schema history: a static list of migrations, applied in
//! order, one transaction for all the pending ones, keyed on
//! `PRAGMA user_version`.
//!
//! A migration, once released, is never edited: a change to the schema is a
//! new entry at the end of [`MIGRATIONS`].

use rusqlite::{Connection, TransactionBehavior};

/// One step of the schema history.
#[derive(Debug)]
pub(crate) struct Migration {
    /// What the step does, in a few words (for error messages and tests).
    pub description: &'static str,
    /// SQL run as one batch inside the upgrade transaction.
    pub sql: &'static str,
    /// Run after `sql`, in the same transaction, for work SQL cannot do
    /// (such as indexing drafts the way `index.rs` cuts them).
    pub then: Option<fn(&Connection) -> rusqlite::Result<()>>,
}

/// The schema history. Version `n` is the state after the first `n` entries.
pub(crate) static MIGRATIONS: &[Migration] = &[
    Migration {
        description: "drafts, revisions and meta tables",
        sql: r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE drafts (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    headline     TEXT NOT NULL DEFAULT '',
    dek          TEXT NOT NULL DEFAULT '',
    byline       TEXT NOT NULL DEFAULT '',
    dateline     TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'editing', 'ready', 'filed')),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    word_count   INTEGER NOT NULL DEFAULT 0,
    target_words INTEGER,
    deleted_at   INTEGER,
    -- The body is the last column so that reading the columns before it
    -- never touches the body's overflow pages.
    body         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    draft_id   INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL CHECK (number >= 1),
    created_at INTEGER NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('created', 'explicit', 'auto', 'restore')),
    headline   TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    body       TEXT NOT NULL,
    UNIQUE (draft_id, number)
);
"#,
        then: None,
    },
    Migration {
        description: "full-text search over headline, dek and body; list indexes",
        sql: r#"
-- A contentless FTS5 index: the text lives once, in `drafts`; the index
-- holds only tokens. `contentless_delete` lets a row be dropped by its id
-- alone, without tokenizing its old text again, which halves the indexing
-- work of saving a long draft. Snippets are made in Rust (`fts.rs`).
-- `prefix = '3'` indexes three-letter prefixes, so search-as-you-type
-- (`tra*`) reads one list instead of merging hundreds of words' lists.
CREATE VIRTUAL TABLE drafts_fts USING fts5 (
    headline, dek, body,
    content = '',
    contentless_delete = 1,
    prefix = '3',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Rank hits in a headline above hits in the dek, and those above the body.
INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');

-- The triggers keep the index in step inside the very transaction that
-- writes the draft. The update trigger only fires when the searchable text
-- really changed, so saving a status or a byline costs no re-indexing.
CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
    INSERT INTO drafts_fts (rowid, headline, dek, body)
    VALUES (new.id, new.headline, new.dek, new.body);
END;

CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
    DELETE FROM drafts_fts WHERE rowid = old.id;
END;

CREATE TRIGGER drafts_fts_update AFTER UPDATE OF headline, dek, body ON drafts
WHEN old.headline IS NOT new.headline OR old.dek IS NOT new.dek OR old.body IS NOT new.body
BEGIN
    DELETE FROM drafts_fts WHERE rowid = old.id;
    INSERT INTO drafts_fts (rowid, headline, dek, body)
    VALUES (new.id, new.headline, new.dek, new.body);
END;

-- Drafts written before this version get indexed now.
INSERT INTO drafts_fts (rowid, headline, dek, body) SELECT id, headline, dek, body FROM drafts;

-- The draft list reads this index alone (it covers every column the list
-- shows), newest first, without touching the rows and their bodies.
-- `deleted_at` is always NULL here, but SQLite counts an index as covering
-- only when it holds the columns of the WHERE clause too.
CREATE INDEX drafts_live_by_updated
    ON drafts (updated_at DESC, id DESC, slug, headline, dek, status, created_at, word_count, deleted_at)
    WHERE deleted_at IS NULL;

CREATE INDEX drafts_trash ON drafts (deleted_at) WHERE deleted_at IS NOT NULL;
"#,
        then: None,
    },
    Migration {
        description: "search index rows per part of a long body, kept by Rust code",
        sql: r#"
-- Same index, new layout (see `index.rs`): a long body is indexed in parts,
-- one row each, so a save re-indexes only the parts that changed. Rust code
-- (`index::index_draft`) keeps it in step, in the transaction that writes
-- the draft; the insert and update triggers go. The index is rebuilt from
-- `drafts` right after this batch.
DROP TRIGGER drafts_fts_insert;
DROP TRIGGER drafts_fts_update;
DROP TRIGGER drafts_fts_delete;
DROP TABLE drafts_fts;

CREATE VIRTUAL TABLE drafts_fts USING fts5 (
    headline, dek, body,
    content = '',
    contentless_delete = 1,
    prefix = '3',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
-- A save that replaces a part deletes its old row. By default FTS5 merges a
-- level of the index as soon as a tenth of its rows are deleted, which made
-- saves that replace most of a long body some 30% slower; deleted rows are
-- dropped anyway when the regular merges (by segment count) reach them.
INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('deletemerge', 0);

-- Each index row of a draft: its slot (the rowid is `slot << 40 | draft_id`),
-- a hash of the text it indexes and the number of words of its body part.
CREATE TABLE drafts_fts_rows (
    draft_id INTEGER NOT NULL,
    slot     INTEGER NOT NULL,
    hash     INTEGER NOT NULL,
    words    INTEGER NOT NULL,
    PRIMARY KEY (draft_id, slot)
) WITHOUT ROWID;
-- The drafts in parts, so a search in a library without any skips
-- matching them phrase by phrase.
CREATE INDEX drafts_fts_rows_parts ON drafts_fts_rows (draft_id) WHERE slot > 0;

-- A draft deleted for good takes its index rows with it, whoever deletes it.
CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
    DELETE FROM drafts_fts
    WHERE rowid IN (SELECT slot << 40 | draft_id FROM drafts_fts_rows WHERE draft_id = old.id);
    DELETE FROM drafts_fts_rows WHERE draft_id = old.id;
END;
"#,
        then: Some(super::index::index_all),
    },
    Migration {
        description: "search index segments merged by maintenance, not by saves",
        sql: r#"
-- Each save writes its index rows as a new segment. FTS5's automerge
-- merged segments inside whichever save crossed its threshold, a burst of
-- work that made those saves of a long draft the slowest. Now
-- `Library::maintain` merges them while the app is idle, and after many
-- saves without it each save merges a little (see `WRITES_BEFORE_MERGING`).
-- FTS5's crisis merge, which merges a whole level inside one save once it
-- holds `crisismerge` segments, moves from 16 to 64, out of the way of
-- both; it still bounds the segments a search reads.
INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('automerge', 0);
INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('crisismerge', 64);
"#,
        then: None,
    },
    Migration {
        description: "long revisions stored by parts, each part once",
        sql: r#"
-- A revision of a long body (one the search index cuts into parts) lists
-- its parts instead of holding the whole body, and each part's text is
-- kept once, whichever revisions hold it (see `revisions.rs`). Revisions
-- written before keep their body in their row, as they were.
CREATE TABLE revision_texts (
    id   INTEGER PRIMARY KEY,
    -- A hash of `text` (`index::parts`), to find it again; two texts with
    -- one hash are two rows.
    hash INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX revision_texts_by_hash ON revision_texts (hash);

CREATE TABLE revision_parts (
    revision_id INTEGER NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL CHECK (seq >= 0),
    text_id     INTEGER NOT NULL REFERENCES revision_texts (id),
    PRIMARY KEY (revision_id, seq)
) WITHOUT ROWID;

-- A text is shared by every revision that lists it, and a list is a
-- revision's body: neither is ever changed.
CREATE TRIGGER revision_texts_kept BEFORE UPDATE ON revision_texts BEGIN
    SELECT RAISE(ABORT, 'revision texts are never changed');
END;
CREATE TRIGGER revision_parts_kept BEFORE UPDATE ON revision_parts BEGIN
    SELECT RAISE(ABORT, 'revision part lists are never changed');
END;

-- 0: the body is in `body`. 2 or more: the body is that many parts, listed
-- in `revision_parts` (a reader checks it finds them all), and `body` is
-- empty.
ALTER TABLE revisions ADD COLUMN parts INTEGER NOT NULL DEFAULT 0
    CHECK (parts = 0 OR (parts >= 2 AND body = ''));
"#,
        then: None,
    },
];

/// The schema version this build writes.
pub(crate) fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// What went wrong while upgrading.
#[derive(Debug)]
pub(crate) enum MigrateError {
    /// The file's schema is newer than any this build knows.
    Newer { found: i64 },
    /// A migration failed; nothing was changed.
    Failed {
        version: i64,
        description: &'static str,
        source: rusqlite::Error,
    },
    /// Beginning or committing the transaction failed.
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sqlite(e)
    }
}

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings `conn` up to the last version in `migrations`: all pending steps in
/// one `BEGIN IMMEDIATE` transaction, so two processes opening a new library
/// at once cannot both upgrade it, and a failed step leaves the file as it
/// was. Returns the version found before the upgrade.
pub(crate) fn migrate(
    conn: &mut Connection,
    migrations: &[Migration],
) -> Result<i64, MigrateError> {
    let target = migrations.len() as i64;
    // A cheap read first: most opens find the schema current and need no
    // write lock at all.
    let found = user_version(conn)?;
    if found > target {
        return Err(MigrateError::Newer { found });
    }
    if found == target {
        return Ok(found);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the lock: another process may have upgraded meanwhile.
    let found = user_version(&tx)?;
    if found > target {
        return Err(MigrateError::Newer { found });
    }
    for (index, migration) in migrations.iter().enumerate().skip(found as usize) {
        let then = migration.then.unwrap_or(|_| Ok(()));
        tx.execute_batch(migration.sql)
            .and_then(|()| then(&tx))
            .map_err(|source| MigrateError::Failed {
                version: index as i64 + 1,
                description: migration.description,
                source,
            })?;
    }
    // `PRAGMA user_version` takes no bound parameters; `target` is an integer.
    tx.execute_batch(&format!("PRAGMA user_version = {target}"))?;
    tx.commit()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_schema ORDER BY name")
            .unwrap();
        stmt.query_map([], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// Every step applies on top of the ones before it, the descriptions are
    /// unique, and applying the list step by step gives the same schema as
    /// applying it at once.
    #[test]
    fn migrations_validate() {
        let mut seen = std::collections::HashSet::new();
        for m in MIGRATIONS {
            assert!(!m.description.trim().is_empty());
            assert!(
                seen.insert(m.description),
                "duplicate description {:?}",
                m.description
            );
        }

        let mut stepwise = Connection::open_in_memory().unwrap();
        for n in 1..=MIGRATIONS.len() {
            let before = migrate(&mut stepwise, &MIGRATIONS[..n]).unwrap();
            assert_eq!(before, n as i64 - 1);
            assert_eq!(user_version(&stepwise).unwrap(), n as i64);
            // Applying the same list again is a no-op.
            assert_eq!(migrate(&mut stepwise, &MIGRATIONS[..n]).unwrap(), n as i64);
        }
        let mut at_once = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut at_once, MIGRATIONS).unwrap(), 0);
        assert_eq!(tables(&stepwise), tables(&at_once));
        assert_eq!(user_version(&at_once).unwrap(), latest());
        stepwise
            .execute_batch("PRAGMA foreign_key_check; PRAGMA integrity_check;")
            .unwrap();
    }

    #[test]
    fn a_newer_schema_is_refused_without_writing() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        assert!(matches!(
            migrate(&mut conn, MIGRATIONS),
            Err(MigrateError::Newer { found: 99 })
        ));
        assert!(tables(&conn).is_empty());
    }

    /// A step that fails undoes every step of the same upgrade, and the
    /// version stays where it was.
    #[test]
    fn a_failing_migration_rolls_back_the_whole_upgrade() {
        static BROKEN: &[Migration] = &[
            Migration {
                description: "fine",
                sql: "CREATE TABLE one (x INTEGER);",
                then: None,
            },
            Migration {
                description: "also fine",
                sql: "CREATE TABLE two (x INTEGER); INSERT INTO one VALUES (1);",
                then: None,
            },
            Migration {
                description: "broken",
                sql: "CREATE TABLE three (x INTEGER); INSERT INTO nowhere VALUES (1);",
                then: None,
            },
        ];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.db");
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn, &BROKEN[..1]).unwrap();

        match migrate(&mut conn, BROKEN) {
            Err(MigrateError::Failed {
                version: 3,
                description: "broken",
                ..
            }) => {}
            other => panic!("expected the third step to fail, got {other:?}"),
        }
        drop(conn);
        let conn = Connection::open(&path).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 1);
        assert_eq!(tables(&conn), ["one"]);
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM one", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 0);
    }
}
