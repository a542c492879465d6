//! The draft library: one SQLite file. `open()` is the only way in.
//!
//! Every write is one `BEGIN IMMEDIATE` transaction: the draft row, its
//! full-text index rows (kept by `index.rs`) and its revision snapshot
//! commit together or not at all. Immediate transactions
//! take the write lock up front, so a writer that has to wait does so in the
//! busy handler instead of failing with "database is locked" half way.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{
    params, Connection, ErrorCode, OpenFlags, OptionalExtension, Row, Transaction,
    TransactionBehavior,
};

use crate::model::{
    word_count, Draft, DraftId, DraftPatch, DraftSummary, NewDraft, Revision, RevisionReason,
    SearchHit, Status,
};

mod checkpoint;
mod fts;
mod index;
mod migrations;
mod revisions;

/// How long a writer waits for another process's write to finish before
/// giving up with [`Error::Busy`]. Saves take milliseconds, so only a stuck
/// process holds the lock this long.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The most pages of the search index one step of [`Library::maintain`]
/// merges. A step is one transaction: a save that comes meanwhile waits
/// for it (in the busy handler) at most some milliseconds.
const MERGE_STEP_PAGES: i64 = 256;

/// The safety net for an app that never pauses (or a program that never
/// calls [`Library::maintain`]): after this many writes without it, each
/// write also merges at most [`WRITE_MERGE_PAGES`] pages of the index. A
/// little in every save keeps the levels under 64 segments, where FTS5's
/// crisis merge would merge a whole level at once inside one save. It
/// starts late enough not to come before a writer's pauses do (the app
/// maintains after 3 s without a save). Waiting for 16 writes, not 32,
/// keeps the segments that pile up meanwhile fewer: the first merge steps
/// read fewer of them, and saves that replace a whole long body pile up
/// 26 segments, not 50 (tests below). Eight pages a save keep up. In
/// interleaved runs of never-maintained autosaves of a 20,000-word draft
/// (typing, as in `benches/storage.rs`), the slowest 1% took 3.9-4.5 ms
/// of CPU time, against 4.3-6.0 ms with 32 writes and 16 pages.
const WRITES_BEFORE_MERGING: u32 = 16;
const WRITE_MERGE_PAGES: i64 = 8;

/// With `SaveKind::Auto`, a new revision is taken at most this often.
pub const AUTO_REVISION_INTERVAL_MS: i64 = 5 * 60 * 1000;

/// Everything that can go wrong with the library, as data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} is not a Byline library (not an SQLite database, or damaged); it was left untouched")]
    NotADatabase { path: PathBuf },
    #[error("{path} was written by a newer Byline (schema {found}, this one knows up to {supported}); update Byline to open it")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("cannot write to {path}: {reason}")]
    ReadOnly { path: PathBuf, reason: String },
    #[error("cannot open {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path} stayed locked by another Byline process for {} seconds; nothing was saved, try again", BUSY_TIMEOUT.as_secs())]
    Busy { path: PathBuf },
    #[error("cannot upgrade {path} to schema {version} ({description}): {source}; the file was left as it was")]
    Migration {
        path: PathBuf,
        version: i64,
        description: &'static str,
        source: rusqlite::Error,
    },
    #[error("no draft with id {0}")]
    NotFound(DraftId),
    #[error("draft {draft} has no revision {number}")]
    NoRevision { draft: DraftId, number: u32 },
    #[error("revision {number} of draft {draft} is damaged: parts of its text are missing from the library")]
    DamagedRevision { draft: DraftId, number: u32 },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How an update is being saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    /// Debounced autosave while typing: a revision at most every few minutes.
    Auto,
    /// The writer asked to save (Ctrl+S, `byline save`): always a revision.
    Explicit,
}

/// What [`Library::maintain`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Maintenance {
    /// Merge steps that found segments to merge.
    pub merge_steps: u32,
    /// The search index has nothing left to merge; `false` when the time
    /// ran out first (call again later).
    pub index_merged: bool,
    /// Every page of the write-ahead log is back in the library file;
    /// `false` when a reader held on to part of it (the next call
    /// finishes), or for a library in memory.
    pub log_checkpointed: bool,
}

type Clock = Box<dyn Fn() -> i64 + Send + Sync>;

/// The path of a library in memory ([`Library::open_in_memory`]).
const IN_MEMORY: &str = ":memory:";

/// An open library.
pub struct Library {
    /// Started with the first write; declared before `conn`, so it is
    /// dropped (its thread finished) before the connection closes.
    checkpointer: Option<checkpoint::Checkpointer>,
    conn: Connection,
    path: PathBuf,
    clock: Clock,
    /// Writes through this connection since [`Library::maintain`] last
    /// merged the whole index (or since it was opened).
    unmaintained_writes: u32,
    /// Writes through this connection since the log was last checkpointed
    /// (by [`Library::maintain`] or the checkpointer), or since it was opened.
    unchecked_writes: u32,
}

/// The library file the desktop app and the CLI share by default:
/// `$XDG_DATA_HOME/byline/byline.db`, else `~/.local/share/byline/byline.db`.
pub fn default_path() -> Option<PathBuf> {
    let data = match std::env::var_os("XDG_DATA_HOME") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    Some(data.join("byline").join("byline.db"))
}

/// Opens (creating if needed) the library at `path`.
///
/// Nothing is written to a file that is not already a healthy SQLite
/// database: the header is checked before SQLite sees the file, and the
/// schema is read before any pragma that could write. The parent folder must
/// exist.
pub fn open(path: &Path) -> Result<Library> {
    let created = check_file(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| match sqlite_code(&e) {
        Some(ErrorCode::CannotOpen) => Error::ReadOnly {
            path: path.to_owned(),
            reason: e.to_string(),
        },
        _ => Error::Sqlite(e),
    })?;
    // SQLite quietly falls back to read-only when the file cannot be opened
    // for writing (a read-only file or file system).
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(Error::ReadOnly {
            path: path.to_owned(),
            reason: "the file or its file system is read-only".into(),
        });
    }
    let result = configure(conn, path);
    if result.is_err() && created {
        // Leave no empty file behind for a library that never came to be.
        let _ = std::fs::remove_file(path);
    }
    result.map(|conn| Library::new(conn, path.to_owned()))
}

/// Checks that `path` is absent (then creates it, to learn early whether the
/// folder is writable), empty, or starts like a sound SQLite file. Returns
/// whether it created the file.
fn check_file(path: &Path) -> Result<bool> {
    let io_err = |source: io::Error| Error::Io {
        path: path.to_owned(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return match OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(_) => Ok(true),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => check_file(path),
                Err(e) if is_read_only_error(&e) => {
                    let folder = path.parent().unwrap_or(Path::new("."));
                    Err(Error::ReadOnly {
                        path: path.to_owned(),
                        reason: format!("cannot create a file in {}: {e}", folder.display()),
                    })
                }
                Err(e) => Err(io_err(e)),
            };
        }
        Err(e) => return Err(io_err(e)),
    };
    if !meta.is_file() {
        return Err(Error::NotADatabase {
            path: path.to_owned(),
        });
    }
    let len = meta.len();
    if len == 0 {
        return Ok(false);
    }
    let mut header = [0u8; 100];
    let mut file = File::open(path).map_err(io_err)?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]).map_err(io_err)? {
            0 => break,
            n => read += n,
        }
    }
    if !header_is_sound(&header[..read], len, has_wal(path)) {
        return Err(Error::NotADatabase {
            path: path.to_owned(),
        });
    }
    Ok(false)
}

fn is_read_only_error(e: &io::Error) -> bool {
    // EROFS is 30 on Linux and the BSDs; `ErrorKind::ReadOnlyFilesystem` is
    // newer than our minimum Rust.
    e.kind() == io::ErrorKind::PermissionDenied || e.raw_os_error() == Some(30)
}

fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// The SQLite file header (the first 100 bytes) is what SQLite would read
/// first; a file that fails here is refused before SQLite may write to it.
/// Without a write-ahead log to replay, the file must also be as long as its
/// header says: a truncated library is refused, not half-read.
fn header_is_sound(header: &[u8], file_len: u64, has_wal: bool) -> bool {
    if header.len() < 100 || &header[..16] != b"SQLite format 3\0" {
        return false;
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => return false,
    };
    if has_wal {
        return true;
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let pages = u64::from(be32(28));
    let size_is_valid = pages != 0 && be32(24) == be32(92);
    // `page_size` is a power of two: the mask tests whole pages.
    file_len & (page_size - 1) == 0 && (!size_is_valid || pages * page_size <= file_len)
}

fn sqlite_code(e: &rusqlite::Error) -> Option<ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(err, _) => Some(err.code),
        _ => None,
    }
}

/// Pragmas, then migrations. The order is chosen so that nothing is written
/// before the file has proved to be a Byline library of a schema we know.
fn configure(mut conn: Connection, path: &Path) -> Result<Connection> {
    let path_buf = || path.to_owned();
    let classify = |e: rusqlite::Error| match sqlite_code(&e) {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            Error::NotADatabase { path: path_buf() }
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen) => Error::ReadOnly {
            path: path_buf(),
            reason: e.to_string(),
        },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            Error::Busy { path: path_buf() }
        }
        _ => Error::Sqlite(e),
    };
    conn.busy_timeout(BUSY_TIMEOUT).map_err(classify)?;
    // Reads only: the schema table proves the file is a database SQLite can
    // parse, and the version tells whether we may touch it at all.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
        row.get::<_, i64>(0)
    })
    .map_err(classify)?;
    let found = migrations::user_version(&conn).map_err(classify)?;
    if found > migrations::latest() {
        return Err(Error::NewerSchema {
            path: path_buf(),
            found,
            supported: migrations::latest(),
        });
    }
    // Write-ahead logging: readers never block the writer, and a commit is
    // one append to the log.
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
        .map_err(classify)?;
    if mode != "wal" && mode != "memory" {
        return Err(Error::ReadOnly {
            path: path_buf(),
            reason: format!("cannot use a write-ahead log (journal mode {mode})"),
        });
    }
    // synchronous = FULL: in WAL mode every commit syncs the log before it
    // returns, so a save that returned success survives a power cut. NORMAL
    // would sync only at checkpoints and can lose the last commits on power
    // loss (though never corrupt the file); a writer's words are worth the
    // extra sync.
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        .map_err(classify)?;
    // Checkpoints (copying the log back into the file) are the work of
    // `Library::maintain`, while the app is idle, and of the checkpointer's
    // thread for a writer that does not pause (see `checkpoint`). SQLite's
    // own, by default in the commit that takes the log past 1,000 pages,
    // landed in one save of a long draft in twenty; it stays as the safety
    // net, at 4,096 pages (16 MiB), and the log file is cut back to that
    // size when it restarts. Neither setting changes what a commit syncs.
    conn.execute_batch("PRAGMA wal_autocheckpoint = 4096; PRAGMA journal_size_limit = 16777216;")
        .map_err(classify)?;
    migrations::migrate(&mut conn, migrations::MIGRATIONS).map_err(|e| match e {
        migrations::MigrateError::Newer { found } => Error::NewerSchema {
            path: path_buf(),
            found,
            supported: migrations::latest(),
        },
        migrations::MigrateError::Failed {
            version,
            description,
            source,
        } => Error::Migration {
            path: path_buf(),
            version,
            description,
            source,
        },
        migrations::MigrateError::Sqlite(e) => classify(e),
    })?;
    Ok(conn)
}

fn system_now() -> i64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
}

const DRAFT_COLUMNS: &str =
    "id, slug, headline, dek, byline, dateline, status, created_at, updated_at, word_count, target_words, body";
const SUMMARY_COLUMNS: &str =
    "id, slug, headline, dek, status, created_at, updated_at, word_count, deleted_at";

fn status_at(row: &Row, index: usize) -> rusqlite::Result<Status> {
    // Borrowed, not copied: the list reads this for every draft.
    let text = row.get_ref(index)?.as_str()?;
    Status::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unknown status {text:?}").into(),
        )
    })
}

fn draft_from_row(row: &Row) -> rusqlite::Result<Draft> {
    Ok(Draft {
        id: row.get(0)?,
        slug: row.get(1)?,
        headline: row.get(2)?,
        dek: row.get(3)?,
        byline: row.get(4)?,
        dateline: row.get(5)?,
        status: status_at(row, 6)?,
        created_at: row.get(7)?,
        updated_at: row.get(8)?,
        word_count: row.get(9)?,
        target_words: row.get(10)?,
        body: row.get(11)?,
    })
}

fn summary_from_row(row: &Row) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: row.get(0)?,
        slug: row.get(1)?,
        headline: row.get(2)?,
        dek: row.get(3)?,
        status: status_at(row, 4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        word_count: row.get(7)?,
        deleted_at: row.get(8)?,
    })
}

/// A URL-friendly name from a headline: lower case, letters and digits
/// (common Latin accents folded to ASCII), words joined by `-`, at most 60
/// characters; `untitled` when nothing is left.
pub fn slugify(headline: &str) -> String {
    let mut slug = String::new();
    let mut dash = false;
    for c in headline.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ř' => "r",
            'ś' | 'š' | 'ş' => "s",
            'ť' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'þ' => "th",
            '\'' | '’' => continue,
            c if c.is_alphanumeric() => {
                if dash && !slug.is_empty() {
                    slug.push('-');
                }
                dash = false;
                slug.push(c);
                continue;
            }
            _ => {
                dash = true;
                continue;
            }
        };
        if dash && !slug.is_empty() {
            slug.push('-');
        }
        dash = false;
        slug.push_str(folded);
    }
    if slug.chars().count() > 60 {
        let cut: String = slug.chars().take(60).collect();
        slug = cut.trim_end_matches('-').to_owned();
    }
    if slug.is_empty() {
        slug.push_str("untitled");
    }
    slug
}

/// A slug for `headline` that no other draft (live or trashed) has.
fn unique_slug(
    conn: &Connection,
    headline: &str,
    own_id: Option<DraftId>,
) -> rusqlite::Result<String> {
    let base = slugify(headline);
    let mut stmt = conn.prepare_cached("SELECT 1 FROM drafts WHERE slug = ?1 AND id IS NOT ?2")?;
    let mut candidate = base.clone();
    let mut n = 2;
    while stmt.exists(params![candidate, own_id])? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

fn get_draft(conn: &Connection, id: DraftId) -> Result<Draft> {
    conn.prepare_cached(&format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE id = ?1"))?
        .query_row([id], draft_from_row)
        .optional()?
        .ok_or(Error::NotFound(id))
}

fn write_draft(conn: &Connection, d: &Draft) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE drafts SET slug = ?2, headline = ?3, dek = ?4, byline = ?5, dateline = ?6, status = ?7,
         updated_at = ?8, word_count = ?9, target_words = ?10, body = ?11 WHERE id = ?1",
    )?
    .execute(params![
        d.id,
        d.slug,
        d.headline,
        d.dek,
        d.byline,
        d.dateline,
        d.status.as_str(),
        d.updated_at,
        d.word_count,
        d.target_words,
        d.body
    ])?;
    Ok(())
}

fn create_in(tx: &Transaction, new: &NewDraft, now: i64) -> rusqlite::Result<Draft> {
    let slug = unique_slug(tx, &new.headline, None)?;
    let words = word_count(&new.body);
    tx.prepare_cached(
        "INSERT INTO drafts (slug, headline, dek, byline, dateline, status, created_at, updated_at, word_count, body)
         VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?6, ?7, ?8)",
    )?
    .execute(params![slug, new.headline, new.dek, new.byline, new.dateline, now, words, new.body])?;
    let id = tx.last_insert_rowid();
    let parts = index::parts(&new.body);
    index::index_draft(tx, id, &new.headline, &new.dek, &parts)?;
    let draft = Draft {
        id,
        slug,
        headline: new.headline.clone(),
        dek: new.dek.clone(),
        byline: new.byline.clone(),
        dateline: new.dateline.clone(),
        status: Status::Draft,
        body: new.body.clone(),
        created_at: now,
        updated_at: now,
        word_count: words,
        target_words: None,
    };
    revisions::insert(tx, &draft, &parts, 1, now, RevisionReason::Created)?;
    Ok(draft)
}

impl Library {
    fn new(conn: Connection, path: PathBuf) -> Library {
        Library {
            checkpointer: None,
            conn,
            path,
            clock: Box::new(system_now),
            unmaintained_writes: 0,
            unchecked_writes: 0,
        }
    }

    /// A library in memory, for tests.
    pub fn open_in_memory() -> Result<Library> {
        let path = PathBuf::from(IN_MEMORY);
        let conn = configure(Connection::open_in_memory()?, &path)?;
        Ok(Library::new(conn, path))
    }

    /// The file this library lives in (`:memory:` for an in-memory one).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the clock (Unix milliseconds) used for new timestamps and
    /// the autosave revision interval; for tests and imports of old work.
    pub fn set_clock(&mut self, clock: impl Fn() -> i64 + Send + Sync + 'static) {
        self.clock = Box::new(clock);
    }

    fn now(&self) -> i64 {
        (self.clock)()
    }

    /// Names the library in errors that need it: a lock held too long, or a
    /// file that became read-only after it was opened.
    fn classify(&self, e: Error) -> Error {
        match e {
            Error::Sqlite(ref inner) => match sqlite_code(inner) {
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy {
                    path: self.path.clone(),
                },
                Some(ErrorCode::ReadOnly) => Error::ReadOnly {
                    path: self.path.clone(),
                    reason: inner.to_string(),
                },
                _ => e,
            },
            e => e,
        }
    }

    fn write<T>(&mut self, f: impl FnOnce(&Transaction, i64) -> Result<T>) -> Result<T> {
        self.unmaintained_writes = self.unmaintained_writes.saturating_add(1);
        let merge = self.unmaintained_writes > WRITES_BEFORE_MERGING;
        let value = self.transaction(|tx, now| {
            let value = f(tx, now)?;
            if merge {
                merge_step(tx, WRITE_MERGE_PAGES)?;
            }
            Ok(value)
        })?;
        self.unchecked_writes += 1;
        if self.unchecked_writes >= checkpoint::CHECKPOINT_EVERY {
            self.unchecked_writes = 0;
            self.checkpoint_in_background();
        }
        Ok(value)
    }

    /// Wakes the checkpointer, starting it the first time (not for a
    /// library in memory, which has no log).
    fn checkpoint_in_background(&mut self) {
        if self.checkpointer.is_none() && self.path != Path::new(IN_MEMORY) {
            // A thread that cannot start leaves the work to SQLite.
            self.checkpointer = checkpoint::Checkpointer::start(&self.path).ok();
        }
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.wake();
        }
    }

    /// One `BEGIN IMMEDIATE` transaction around `f`.
    fn transaction<T>(&mut self, f: impl FnOnce(&Transaction, i64) -> Result<T>) -> Result<T> {
        let now = self.now();
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx, now)?;
            tx.commit()?;
            Ok(value)
        })();
        result.map_err(|e| self.classify(e))
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.conn).map_err(|e| self.classify(e))
    }

    /// Tidies the library while nobody waits for it: merges the search
    /// index's segments, which saves leave behind (one per save, see
    /// migration 4), and copies the write-ahead log back into the library
    /// file. Works in steps of bounded size, each its own transaction,
    /// until nothing is left or `budget` has passed (one step at least).
    ///
    /// The desktop shell calls it a few seconds after the last save. It
    /// only makes later saves and searches faster: nothing is lost if it
    /// never runs (saves then merge a little each, see
    /// [`WRITES_BEFORE_MERGING`], and the log is checkpointed on a thread
    /// of its own, see `checkpoint`).
    pub fn maintain(&mut self, budget: Duration) -> Result<Maintenance> {
        let started = Instant::now();
        let mut done = Maintenance::default();
        loop {
            if !self.transaction(|tx, _| Ok(merge_step(tx, MERGE_STEP_PAGES)?))? {
                done.index_merged = true;
                self.unmaintained_writes = 0;
                break;
            }
            done.merge_steps += 1;
            if started.elapsed() >= budget {
                break;
            }
        }
        // Not beside the checkpointer's own checkpoint (see `hold`).
        let _held = self
            .checkpointer
            .as_ref()
            .map(checkpoint::Checkpointer::hold);
        // PASSIVE: copies what it can without waiting for readers or
        // writers, so another process is never blocked by it.
        let (busy, log, copied): (i64, i64, i64) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .map_err(|e| self.classify(e.into()))?;
        done.log_checkpointed = busy == 0 && log >= 0 && copied == log;
        if done.log_checkpointed {
            self.unchecked_writes = 0;
        }
        Ok(done)
    }

    /// Creates a draft with its first revision (reason `Created`).
    pub fn create(&mut self, new: &NewDraft) -> Result<Draft> {
        self.write(|tx, now| Ok(create_in(tx, new, now)?))
    }

    /// Creates several drafts in one transaction: all of them or none.
    pub fn create_many(&mut self, news: &[NewDraft]) -> Result<Vec<Draft>> {
        self.write(|tx, now| {
            Ok(news
                .iter()
                .map(|new| create_in(tx, new, now))
                .collect::<rusqlite::Result<_>>()?)
        })
    }

    /// A draft, live or in the trash.
    pub fn get(&self, id: DraftId) -> Result<Draft> {
        self.read(|conn| get_draft(conn, id))
    }

    /// Drafts not in the trash, most recently updated first.
    pub fn list(&self) -> Result<Vec<DraftSummary>> {
        self.read(|conn| {
            // Every column comes from `drafts_live_by_updated`, so the list
            // never reads a draft's row (nor its body).
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC"
            ))?;
            let rows = stmt.query_map([], summary_from_row)?.collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }

    /// Applies `patch`; returns the draft as stored and the revision number
    /// taken, if one was.
    ///
    /// `SaveKind::Explicit` always takes a revision. `SaveKind::Auto` takes
    /// one when the headline or body differs from the last revision and that
    /// revision is at least [`AUTO_REVISION_INTERVAL_MS`] old. A patch that
    /// changes nothing writes nothing (not even `updated_at`), unless it is
    /// an explicit save, which still records a revision. The slug follows a
    /// changed headline. Drafts in the trash can be updated too (and stay
    /// there), so an editor's last flush is never refused.
    pub fn update(
        &mut self,
        id: DraftId,
        patch: &DraftPatch,
        kind: SaveKind,
    ) -> Result<(Draft, Option<u32>)> {
        self.write(|tx, now| {
            let old = get_draft(tx, id)?;
            let pick = |value: &Option<String>, old: &String| value.as_ref().unwrap_or(old).clone();
            // Field by field: the old body is not copied only to be replaced.
            let mut new = Draft {
                slug: old.slug.clone(),
                headline: pick(&patch.headline, &old.headline),
                dek: pick(&patch.dek, &old.dek),
                byline: pick(&patch.byline, &old.byline),
                dateline: pick(&patch.dateline, &old.dateline),
                body: pick(&patch.body, &old.body),
                ..old
            };
            if let Some(status) = patch.status {
                new.status = status;
            }
            if let Some(target) = patch.target_words {
                new.target_words = target;
            }
            if new.headline != old.headline {
                new.slug = unique_slug(tx, &new.headline, Some(id))?;
            }
            let last = revisions::last(tx, id)?;
            let take = match kind {
                SaveKind::Explicit => true,
                SaveKind::Auto => match last {
                    None => true,
                    Some((number, at)) => {
                        now - at >= AUTO_REVISION_INTERVAL_MS
                            && !revisions::holds(tx, id, number, &new.headline, &new.body)?
                    }
                },
            };
            // Saving a status or a byline costs no re-indexing. Indexing
            // counts the words too, in the parts it re-indexes only. The
            // body is cut into parts once, for the index and the revision.
            let body_changed = new.body != old.body;
            let reindex = body_changed || new.headline != old.headline || new.dek != old.dek;
            let parts = if reindex || take {
                index::parts(&new.body)
            } else {
                Vec::new()
            };
            if reindex {
                let words = index::index_draft(tx, id, &new.headline, &new.dek, &parts)?;
                if body_changed {
                    new.word_count = words;
                }
            }
            if new != old {
                new.updated_at = now;
                write_draft(tx, &new)?;
            }
            let number = if take {
                let number = last.map_or(1, |(n, _)| n + 1);
                let reason = if kind == SaveKind::Explicit {
                    RevisionReason::Explicit
                } else {
                    RevisionReason::Auto
                };
                revisions::insert(tx, &new, &parts, number, now, reason)?;
                Some(number)
            } else {
                None
            };
            Ok((new, number))
        })
    }

    /// A draft's revisions, oldest first, without their bodies.
    pub fn history(&self, id: DraftId) -> Result<Vec<Revision>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {} FROM revisions WHERE draft_id = ?1 ORDER BY number",
                revisions::COLUMNS
            ))?;
            let revisions: Vec<Revision> = stmt
                .query_map([id], revisions::from_row)?
                .collect::<rusqlite::Result<_>>()?;
            if revisions.is_empty() {
                // Every draft has its `Created` revision, so none means no draft.
                get_draft(conn, id)?;
            }
            Ok(revisions)
        })
    }

    /// One revision, with its body.
    pub fn revision(&self, id: DraftId, number: u32) -> Result<Revision> {
        self.read(|conn| revisions::get(conn, id, number))
    }

    /// Makes revision `number` current again, as a new revision (reason
    /// `Restore`); the revisions in between are kept.
    pub fn restore(&mut self, id: DraftId, number: u32) -> Result<Revision> {
        self.write(|tx, now| {
            let old = revisions::get(tx, id, number)?;
            let mut draft = get_draft(tx, id)?;
            if draft.headline != old.headline {
                draft.slug = unique_slug(tx, &old.headline, Some(id))?;
            }
            draft.headline = old.headline;
            draft.body = old.body;
            draft.word_count = old.word_count;
            draft.updated_at = now;
            write_draft(tx, &draft)?;
            let parts = index::parts(&draft.body);
            index::index_draft(tx, id, &draft.headline, &draft.dek, &parts)?;
            let next = revisions::last(tx, id)?.map_or(1, |(n, _)| n + 1);
            revisions::insert(tx, &draft, &parts, next, now, RevisionReason::Restore)?;
            Ok(Revision {
                draft_id: id,
                number: next,
                created_at: now,
                reason: RevisionReason::Restore,
                headline: draft.headline,
                word_count: draft.word_count,
                body: draft.body,
            })
        })
    }

    /// Full-text search over headline, dek and body of the drafts not in the
    /// trash, best match first (a hit in the headline weighs most). Any text
    /// is a valid query: see `fts::query_from_text`. See [`SearchHit`] for the
    /// snippet format.
    ///
    /// A draft matches when each word of the query is in its headline, dek
    /// or body. Drafts indexed in one row (most) are matched by one FTS5
    /// query; a long draft, indexed in parts (see `index.rs`), matches when
    /// each word is in one of its parts, and ranks by the sum of each
    /// word's best `bm25` over its parts, the sum FTS5 makes for one row.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(query) = fts::query_from_text(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        self.read(|conn| {
            let hit = |id, headline: String, dek: &str, body: &str, updated_at| SearchHit {
                id,
                snippet: query.snippet(&[body, dek, &headline]),
                headline,
                updated_at,
            };
            let mut fetch = conn.prepare_cached(
                "SELECT headline, dek, body, updated_at FROM drafts WHERE id = ?1 AND deleted_at IS NULL",
            )?;
            // The index does not know the trash: ask for a few more rows
            // than wanted, and for more again should the trash hold enough
            // of them to leave fewer than `limit`.
            let mut wanted = limit.saturating_add(8);
            let one_row: Vec<(f64, SearchHit)> = loop {
                let best = best_one_row_drafts(conn, &query.fts, wanted)?;
                let mut live = Vec::with_capacity(limit);
                for &(score, id) in &best {
                    let found = fetch
                        .query_row([id], |row| {
                            let headline: String = row.get(0)?;
                            let dek = row.get_ref(1)?.as_str()?;
                            let body = row.get_ref(2)?.as_str()?;
                            Ok((score, hit(id, headline, dek, body, row.get(3)?)))
                        })
                        .optional()?;
                    live.extend(found);
                    if live.len() == limit {
                        break;
                    }
                }
                if live.len() == limit || best.len() < wanted {
                    break live;
                }
                wanted = wanted.saturating_mul(4);
            };

            let long = long_drafts_matching(conn, &query.phrases)?;

            if long.is_empty() {
                return Ok(one_row.into_iter().map(|(_, hit)| hit).collect());
            }
            // Merge the two lists, best first; a draft in the trash is
            // skipped when its text is read.
            let mut hits = Vec::with_capacity(limit);
            let mut one_row = one_row.into_iter().peekable();
            let mut long = long.into_iter().peekable();
            while hits.len() < limit {
                let take_long = match (one_row.peek(), long.peek()) {
                    (Some((a, _)), Some((b, _, _))) => b < a,
                    (None, Some(_)) => true,
                    (_, None) => false,
                };
                if !take_long {
                    match one_row.next() {
                        Some((_, hit)) => hits.push(hit),
                        None => break,
                    }
                    continue;
                }
                let Some((_, id, best_row)) = long.next() else { break };
                let found = fetch
                    .query_row([id], |row| {
                        let headline: String = row.get(0)?;
                        let dek = row.get_ref(1)?.as_str()?;
                        let body = row.get_ref(2)?.as_str()?;
                        // The snippet comes from the part that matched best:
                        // tokenizing all of a long body for it was most of
                        // the time a search took.
                        let part = index::part_text(conn, best_row, &headline, dek, body)?;
                        Ok(hit(id, headline, dek, part, row.get(3)?))
                    })
                    .optional()?;
                hits.extend(found);
            }
            Ok(hits)
        })
    }

    /// Moves a draft to the trash. Deleting a draft already there is a no-op.
    pub fn delete(&mut self, id: DraftId) -> Result<()> {
        self.write(|tx, now| {
            let n = tx.execute(
                "UPDATE drafts SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now],
            )?;
            if n == 0 {
                get_draft(tx, id)?;
            }
            Ok(())
        })
    }

    /// The drafts in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<DraftSummary>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM drafts WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC"
            ))?;
            let rows = stmt.query_map([], summary_from_row)?.collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }

    /// Takes a draft out of the trash. A draft not in the trash is left as it is.
    pub fn undelete(&mut self, id: DraftId) -> Result<()> {
        self.write(|tx, _| {
            if tx.execute("UPDATE drafts SET deleted_at = NULL WHERE id = ?1", [id])? == 0 {
                return Err(Error::NotFound(id));
            }
            Ok(())
        })
    }

    /// On the first start of an empty library, creates the welcome draft.
    ///
    /// A flag in the `meta` table remembers that the library has started
    /// once, so a writer who deletes the welcome draft (or empties the
    /// library) never sees it come back. A library that already has drafts
    /// (say, imported from the command line) gets no welcome draft.
    pub fn ensure_welcome(&mut self) -> Result<Option<DraftId>> {
        self.write(|tx, now| {
            let welcomed = tx
                .query_row("SELECT 1 FROM meta WHERE key = 'welcomed'", [], |_| Ok(()))
                .optional()?
                .is_some();
            if welcomed {
                return Ok(None);
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('welcomed', ?1)",
                [now.to_string()],
            )?;
            let empty = !tx.prepare("SELECT 1 FROM drafts LIMIT 1")?.exists([])?;
            if !empty {
                return Ok(None);
            }
            Ok(Some(create_in(tx, &welcome_draft(), now)?.id))
        })
    }
}

/// Merges at most some `pages` of the search index's segments, on levels
/// that hold enough of them (FTS5's `usermerge`, 4); returns whether there
/// was any to merge.
fn merge_step(conn: &Connection, pages: i64) -> rusqlite::Result<bool> {
    let before = conn.total_changes();
    conn.prepare_cached("INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('merge', ?1)")?
        .execute([pages])?;
    // FTS5's documented test: a merge that did any work changed two rows
    // or more.
    Ok(conn.total_changes() - before >= 2)
}

/// How a row of `drafts_fts` ranks: FTS5's `bm25`, lower is better, with a
/// word in the headline weighing ten times one in the body and one in the
/// dek four times (the weights of the index's `rank` setting in `migrations.rs`).
const RANK: &str = "bm25(drafts_fts, 10.0, 4.0, 1.0)";

/// The `n` best-ranked rows of drafts indexed in one row that match `fts`,
/// best first, with their scores.
///
/// FTS5's own `ORDER BY rank` sorts every matching row, through a query of
/// its own, before it returns the first. With the rank as a column, SQLite
/// keeps only the best `n` rows as it goes: searches over 10,000 drafts
/// ran a third fewer instructions (`benches/storage.rs`).
fn best_one_row_drafts(conn: &Connection, fts: &str, n: usize) -> Result<Vec<(f64, DraftId)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {RANK} AS score, rowid FROM drafts_fts
         WHERE drafts_fts MATCH ?1 AND rowid < ?2 ORDER BY score, rowid LIMIT ?3"
    ))?;
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    let best = stmt
        .query_map(params![fts, index::FIRST_PART_ROWID, n], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(best)
}

/// The long drafts (indexed in parts) in which every phrase is in some
/// part, best first, with their scores (per phrase the best, lowest, `bm25`
/// of the draft's parts, summed over the phrases) and the index row that
/// matched the first phrase best.
fn long_drafts_matching(conn: &Connection, phrases: &[String]) -> Result<Vec<(f64, DraftId, i64)>> {
    // One probe of a partial index: most libraries have no draft in parts.
    let any = conn
        .prepare_cached("SELECT 1 FROM drafts_fts_rows WHERE slot > 0 LIMIT 1")?
        .exists([])?;
    if !any {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT rowid, {RANK} FROM drafts_fts WHERE drafts_fts MATCH ?1 AND rowid >= ?2"
    ))?;
    // Per draft: the score so far, and the best row for the first phrase.
    let mut found: Option<std::collections::HashMap<DraftId, (f64, i64)>> = None;
    for phrase in phrases {
        let mut best = std::collections::HashMap::new();
        let mut rows = stmt.query(params![phrase, index::FIRST_PART_ROWID])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            let id = index::draft_of(rowid);
            let score: f64 = row.get(1)?;
            if found.as_ref().is_some_and(|f| !f.contains_key(&id)) {
                continue;
            }
            best.entry(id)
                .and_modify(|b: &mut (f64, i64)| {
                    if score < b.0 {
                        *b = (score, rowid);
                    }
                })
                .or_insert((score, rowid));
        }
        if let Some(before) = &found {
            for (id, (score, rowid)) in &mut best {
                let (before_score, before_row) = before[id];
                *score += before_score;
                *rowid = before_row;
            }
        }
        if best.is_empty() {
            return Ok(Vec::new());
        }
        found = Some(best);
    }
    let mut ranked: Vec<(f64, DraftId, i64)> = found
        .unwrap_or_default()
        .into_iter()
        .map(|(id, (score, rowid))| (score, id, rowid))
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    Ok(ranked)
}

/// The welcome draft: `welcome.md` is a headline line (`# …`), a dek line
/// (`> …`), then the body.
pub fn welcome_draft() -> NewDraft {
    let text = include_str!("../welcome.md");
    let (headline, rest) = text.split_once('\n').unwrap_or((text, ""));
    let (dek, body) = rest.trim_start().split_once('\n').unwrap_or((rest, ""));
    NewDraft {
        headline: headline.trim_start_matches('#').trim().to_owned(),
        dek: dek.trim_start_matches('>').trim().to_owned(),
        byline: "The Byline team".to_owned(),
        dateline: String::new(),
        body: body.trim_start().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled SQLite is built as `.cargo/config.toml` says: with FTS5
    /// and without memory statistics (a mutex around every allocation).
    #[test]
    fn sqlite_is_built_as_configured() {
        let lib = Library::open_in_memory().unwrap();
        let mut stmt = lib.conn.prepare("PRAGMA compile_options").unwrap();
        let options: Vec<String> = stmt
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for wanted in ["ENABLE_FTS5", "DEFAULT_MEMSTATUS=0"] {
            assert!(
                options.iter().any(|o| o == wanted),
                "{wanted} not in {options:?}"
            );
        }
    }

    /// The desktop shell keeps the library in a `Mutex` in Tauri state.
    #[test]
    fn a_library_can_move_between_threads() {
        fn assert_send<T: Send>() {}
        assert_send::<Library>();
    }

    #[test]
    fn slugs_are_readable_and_never_empty() {
        let cases = [
            (
                "Council votes to close library",
                "council-votes-to-close-library",
            ),
            ("  Café owner’s “big” day!  ", "cafe-owners-big-day"),
            (
                "Mayor: 2026 budget -- cuts & rises",
                "mayor-2026-budget-cuts-rises",
            ),
            ("Straße in Łódź", "strasse-in-lodz"),
            ("Новости дня", "новости-дня"),
            ("", "untitled"),
            ("?!…", "untitled"),
        ];
        for (headline, slug) in cases {
            assert_eq!(slugify(headline), slug, "for {headline:?}");
        }
        let long = slugify(&"word ".repeat(40));
        assert!(long.chars().count() <= 60 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn header_check_refuses_garbage_and_truncation() {
        let mut good = vec![0u8; 100];
        good[..16].copy_from_slice(b"SQLite format 3\0");
        good[16..18].copy_from_slice(&4096u16.to_be_bytes());
        good[28..32].copy_from_slice(&3u32.to_be_bytes()); // 3 pages
        good[24..28].copy_from_slice(&7u32.to_be_bytes());
        good[92..96].copy_from_slice(&7u32.to_be_bytes());
        assert!(header_is_sound(&good, 3 * 4096, false));
        assert!(
            !header_is_sound(&good, 2 * 4096, false),
            "truncated by a page"
        );
        assert!(
            !header_is_sound(&good, 3 * 4096 - 10, false),
            "not whole pages"
        );
        assert!(
            header_is_sound(&good, 2 * 4096, true),
            "a log to replay may hold the rest"
        );
        assert!(!header_is_sound(&good[..50], 3 * 4096, false));
        let mut bad_page = good.clone();
        bad_page[16..18].copy_from_slice(&1000u16.to_be_bytes());
        assert!(!header_is_sound(&bad_page, 3 * 4096, false));
        let mut text = good.clone();
        text[..16].copy_from_slice(b"SQLite format 2\0");
        assert!(!header_is_sound(&text, 3 * 4096, false));
    }

    /// A library written by the first schema (no search index yet) is
    /// upgraded on open, and its old drafts become searchable.
    #[test]
    fn an_old_library_is_upgraded_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations::migrate(&mut conn, &migrations::MIGRATIONS[..1]).unwrap();
            conn.execute_batch(
                "INSERT INTO drafts (slug, headline, created_at, updated_at, word_count, body)
                 VALUES ('old-story', 'Old story', 1, 2, 3, 'Written before search existed.');
                 INSERT INTO revisions (draft_id, number, created_at, reason, headline, word_count, body)
                 VALUES (1, 1, 1, 'created', 'Old story', 4, 'Written before search existed.');",
            )
            .unwrap();
            assert_eq!(migrations::user_version(&conn).unwrap(), 1);
        }
        let mut lib = open(&path).unwrap();
        assert_eq!(
            migrations::user_version(&lib.conn).unwrap(),
            migrations::latest()
        );
        let hits = lib.search("search exist", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].headline, "Old story");
        assert_eq!(lib.list().unwrap()[0].slug, "old-story");
        let (_, rev) = lib
            .update(
                1,
                &DraftPatch {
                    body: Some("Edited.".into()),
                    ..Default::default()
                },
                SaveKind::Explicit,
            )
            .unwrap();
        assert_eq!(rev, Some(2));
    }

    /// A library written by schema 2 (one index row per draft, kept by
    /// triggers) is re-indexed in parts on open, in the upgrade's
    /// transaction, and searches as before; later saves keep it in step.
    #[test]
    fn a_schema_2_library_is_reindexed_in_parts_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.db");
        let long: String = (0..400)
            .map(|i| format!("Paragraph p{i} of the inquiry, {}\n\n", "words ".repeat(50)))
            .collect();
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations::migrate(&mut conn, &migrations::MIGRATIONS[..2]).unwrap();
            conn.execute(
                "INSERT INTO drafts (slug, headline, dek, created_at, updated_at, body)
                 VALUES ('inquiry', 'The inquiry', 'Long', 1, 1, ?1),
                        ('brief', 'Brief', '', 1, 2, 'Short text about p7 and p390.')",
                [&long],
            )
            .unwrap();
            assert_eq!(migrations::user_version(&conn).unwrap(), 2);
        }
        let mut lib = open(&path).unwrap();
        assert_eq!(
            migrations::user_version(&lib.conn).unwrap(),
            migrations::latest()
        );
        let rows: i64 = lib
            .conn
            .query_row(
                "SELECT count(*) FROM drafts_fts_rows WHERE draft_id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(rows > 2, "the long draft is indexed in parts ({rows})");
        lib.conn
            .execute_batch("INSERT INTO drafts_fts (drafts_fts) VALUES ('integrity-check')")
            .unwrap();
        let found = |lib: &Library, q: &str| -> Vec<DraftId> {
            lib.search(q, 10).unwrap().iter().map(|h| h.id).collect()
        };
        assert_eq!(found(&lib, "inquiry p3 p399"), [1]);
        let mut both = found(&lib, "p7 p390");
        both.sort();
        assert_eq!(both, [1, 2]);
        assert_eq!(found(&lib, "brief short"), [2]);

        let edited = long.replace("Paragraph p200 of", "Paragraph q200 of");
        let (draft, _) = lib
            .update(
                1,
                &DraftPatch {
                    body: Some(edited),
                    ..Default::default()
                },
                SaveKind::Auto,
            )
            .unwrap();
        assert_eq!(draft.word_count, word_count(&draft.body));
        assert!(found(&lib, "p200").is_empty());
        assert_eq!(found(&lib, "q200 p201"), [1]);
    }

    /// A library written by schema 3 (index rows per part, FTS5's automerge
    /// on) gets automerge turned off on open, and searches as before.
    #[test]
    fn a_schema_3_library_leaves_merging_to_maintenance_after_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.db");
        let automerge = |conn: &Connection| -> Option<i64> {
            conn.query_row(
                "SELECT v FROM drafts_fts_config WHERE k = 'automerge'",
                [],
                |r| r.get(0),
            )
            .optional()
            .unwrap()
        };
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations::migrate(&mut conn, &migrations::MIGRATIONS[..3]).unwrap();
            conn.execute(
                "INSERT INTO drafts (slug, headline, created_at, updated_at, body)
                 VALUES ('tides', 'Tides', 1, 1, ?1)",
                [long_body("tide")],
            )
            .unwrap();
            index::index_all(&conn).unwrap();
            assert_eq!(automerge(&conn), None, "FTS5's default, 4");
        }
        let mut lib = open(&path).unwrap();
        assert_eq!(
            migrations::user_version(&lib.conn).unwrap(),
            migrations::latest()
        );
        assert_eq!(automerge(&lib.conn), Some(0));
        let crisis: i64 = lib
            .conn
            .query_row(
                "SELECT v FROM drafts_fts_config WHERE k = 'crisismerge'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(crisis, 64);
        assert_eq!(lib.search("tides tide3 tide399", 10).unwrap().len(), 1);
        let done = lib.maintain(Duration::from_secs(60)).unwrap();
        assert!(done.index_merged && done.log_checkpointed, "{done:?}");
        assert_eq!(lib.search("tides tide3 tide399", 10).unwrap().len(), 1);
    }

    fn long_body(tag: &str) -> String {
        (0..400)
            .map(|i| {
                format!(
                    "Paragraph {tag}{i} of the inquiry, {}\n\n",
                    "words ".repeat(50)
                )
            })
            .collect()
    }

    /// The number of segments in the search index, from FTS5's structure
    /// record (row 10 of `drafts_fts_data`): a 4-byte cookie, maybe a
    /// 4-byte version marker, then varints, the levels and the segments.
    fn segments(conn: &Connection) -> u64 {
        let data: Vec<u8> = conn
            .query_row("SELECT block FROM drafts_fts_data WHERE id = 10", [], |r| {
                r.get(0)
            })
            .unwrap();
        let mut at = if data[4..].starts_with(b"\xff\x00\x00\x01") {
            8
        } else {
            4
        };
        let mut varint = || {
            let mut value = 0u64;
            loop {
                let byte = data[at];
                at += 1;
                value = value << 7 | u64::from(byte & 0x7f);
                if byte & 0x80 == 0 {
                    return value;
                }
            }
        };
        let _levels = varint();
        varint()
    }

    fn integrity_check(lib: &Library) {
        lib.conn
            .execute_batch("INSERT INTO drafts_fts (drafts_fts) VALUES ('integrity-check')")
            .unwrap();
    }

    /// Saves leave the index's segments to `maintain`, which merges them
    /// and checkpoints the log; a program that never calls it still finds
    /// every edited word, and its saves keep the segments few (the
    /// safety net).
    #[test]
    fn maintenance_merges_what_saves_leave_and_search_stays_right() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = open(&dir.path().join("lib.db")).unwrap();
        let mut paragraphs: Vec<String> = long_body("p")
            .split_inclusive("\n\n")
            .map(str::to_owned)
            .collect();
        let id = lib
            .create(&NewDraft {
                headline: "Inquiry".into(),
                body: paragraphs.concat(),
                ..Default::default()
            })
            .unwrap()
            .id;
        let mut edit = |lib: &mut Library, i: usize| {
            paragraphs[i * 37 % 400] = format!("Edit number{i}.\n\n");
            let patch = DraftPatch {
                body: Some(paragraphs.concat()),
                ..Default::default()
            };
            lib.update(id, &patch, SaveKind::Auto).unwrap();
        };
        let found = |lib: &Library, q: &str| lib.search(q, 10).unwrap().len();

        // Each save adds one segment (its rows, in rowid order) and merges
        // none, until the safety net (creating the draft was a write too).
        let before = segments(&lib.conn);
        for i in 0..WRITES_BEFORE_MERGING as usize - 1 {
            edit(&mut lib, i);
            assert_eq!(segments(&lib.conn), before + i as u64 + 1);
        }
        let piled = segments(&lib.conn);
        let done = lib.maintain(Duration::from_secs(60)).unwrap();
        assert!(
            done.merge_steps > 0 && done.index_merged && done.log_checkpointed,
            "{done:?}"
        );
        assert!(segments(&lib.conn) < piled);
        integrity_check(&lib);
        assert_eq!(found(&lib, "number0 number6 p399"), 1);
        assert_eq!(found(&lib, "p0"), 0, "paragraph 0 was edited");
        let again = lib.maintain(Duration::from_secs(60)).unwrap();
        assert_eq!(again.merge_steps, 0, "{again:?}");

        // Never maintained again: the safety net merges a little in each
        // save, and search follows every edit.
        let most = (100..400)
            .map(|i| {
                edit(&mut lib, i);
                segments(&lib.conn)
            })
            .max()
            .unwrap();
        // Without the net, level 0 would fill up to FTS5's crisis merge
        // (64 segments), merged at once inside one save.
        assert!(
            most < u64::from(WRITES_BEFORE_MERGING) + 8,
            "{most} segments"
        );
        integrity_check(&lib);
        assert_eq!(found(&lib, "number100 number399 number6"), 1);
        assert_eq!(found(&lib, "p399"), 0, "paragraph 399 was edited");
    }

    /// Saves that replace the whole of a long body, and never a pause to
    /// maintain the library: each save's segment is large, so merges take
    /// many saves' steps while new segments pile up behind them. Here the
    /// pile grows to 26 segments, far from the crisis merge at 64 (50 when
    /// the net waited for 32 writes and merged 16 pages a save).
    #[test]
    fn the_safety_net_keeps_whole_body_saves_far_from_a_crisis_merge() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = open(&dir.path().join("lib.db")).unwrap();
        // Two bodies of 20,000 words with no word in common.
        let body = |k: char| -> String {
            (0..400)
                .map(|i| {
                    let words: String = (0..50)
                        .map(|j| format!("{k}{}x{j} ", (i * 7 + j * 13) % 997))
                        .collect();
                    format!("{words}\n\n")
                })
                .collect()
        };
        let bodies = [body('a'), body('b')];
        let id = lib
            .create(&NewDraft {
                headline: "Inquiry".into(),
                body: bodies[0].clone(),
                ..Default::default()
            })
            .unwrap()
            .id;
        let mut most = 0;
        for i in 0..4 * WRITES_BEFORE_MERGING as usize {
            let patch = DraftPatch {
                body: Some(bodies[(i + 1) % 2].clone()),
                ..Default::default()
            };
            lib.update(id, &patch, SaveKind::Auto).unwrap();
            most = most.max(segments(&lib.conn));
        }
        assert!(most < 48, "{most} segments, near the crisis merge at 64");
        integrity_check(&lib);
        // The last save wrote the first body.
        assert_eq!(lib.search("a0x0", 10).unwrap().len(), 1);
        assert_eq!(lib.search("b0x0", 10).unwrap().len(), 0);
    }

    /// A writer that never pauses (so never maintains the library) has its
    /// log copied into the library file by the checkpointer's thread, not
    /// inside a save; and once the library is dropped, no connection is
    /// left open, so SQLite folds the log in and removes it.
    #[test]
    fn a_writer_that_never_pauses_has_its_log_checkpointed_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.db");
        let log = dir.path().join("lib.db-wal");
        let mut lib = open(&path).unwrap();
        let file_len = || std::fs::metadata(&path).unwrap().len();
        let at_open = file_len();
        let write = |lib: &mut Library, i: u32| {
            lib.create(&NewDraft {
                headline: format!("Story {i}"),
                body: long_body("w"),
                ..Default::default()
            })
            .unwrap();
        };
        for i in 1..checkpoint::CHECKPOINT_EVERY {
            write(&mut lib, i);
        }
        // Every write so far is in the log only (SQLite's own checkpoint
        // would come at 16 MiB).
        assert_eq!(file_len(), at_open);
        assert!(lib.checkpointer.is_none());
        write(&mut lib, checkpoint::CHECKPOINT_EVERY);
        let waited = Instant::now();
        while file_len() == at_open {
            assert!(
                waited.elapsed() < Duration::from_secs(30),
                "the log was never checkpointed"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(log.exists());
        drop(lib);
        assert!(!log.exists(), "a connection was left open");
        let lib = open(&path).unwrap();
        assert_eq!(
            lib.list().unwrap().len(),
            checkpoint::CHECKPOINT_EVERY as usize
        );
        integrity_check(&lib);
    }

    /// A draft deleted for good (no API does it yet, but SQL may) takes
    /// all its index rows with it.
    #[test]
    fn a_draft_deleted_for_good_leaves_no_index_rows() {
        let mut lib = Library::open_in_memory().unwrap();
        let long: String = (0..400)
            .map(|i| format!("Paragraph p{i}, {}\n\n", "words ".repeat(50)))
            .collect();
        let gone = lib
            .create(&NewDraft {
                headline: "Gone".into(),
                body: long.clone(),
                ..Default::default()
            })
            .unwrap();
        let kept = lib
            .create(&NewDraft {
                headline: "Kept".into(),
                body: long,
                ..Default::default()
            })
            .unwrap();
        let rows = |lib: &Library, id: DraftId| -> i64 {
            lib.conn
                .query_row(
                    "SELECT count(*) FROM drafts_fts_rows WHERE draft_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .unwrap()
        };
        assert!(rows(&lib, gone.id) > 2);
        lib.conn
            .execute("DELETE FROM drafts WHERE id = ?1", [gone.id])
            .unwrap();
        assert_eq!(rows(&lib, gone.id), 0);
        let hits = lib.search("p7 p390", 10).unwrap();
        assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), [kept.id]);
        lib.conn
            .execute_batch("INSERT INTO drafts_fts (drafts_fts) VALUES ('integrity-check')")
            .unwrap();
    }

    #[test]
    fn welcome_draft_has_all_its_parts() {
        let welcome = welcome_draft();
        assert!(!welcome.headline.is_empty() && !welcome.headline.starts_with('#'));
        assert!(!welcome.dek.is_empty() && !welcome.dek.starts_with('>'));
        for topic in ["quote", "export", "byline.db", "Ctrl"] {
            assert!(
                welcome.body.contains(topic),
                "the welcome draft should mention {topic}"
            );
        }
    }
}
