//! Copying the write-ahead log back into the library file on a thread of
//! its own, so that no save waits for it.
//!
//! A commit appends its pages to the log (`byline.db-wal`); a checkpoint
//! copies them into the library file and syncs it, and the log then starts
//! over. Left to itself, SQLite checkpoints inside the commit that takes
//! the log past `wal_autocheckpoint` pages: then one save in some forty of
//! a 20,000-word draft also copied and synced 16 MiB. `Library::maintain`
//! checkpoints in the app's idle pauses, but a writer that never pauses
//! (a long stretch of typing, a script saving drafts one after another)
//! met those checkpoints inside its saves.
//!
//! So after [`CHECKPOINT_EVERY`] writes with no checkpoint, the library
//! wakes this thread, which checkpoints through a connection of its own.
//! The checkpoint is PASSIVE: it copies only what no reader still needs and
//! never waits for a lock, so it blocks no save, and a save meanwhile
//! appends to the log as usual. SQLite's own checkpoint at 16 MiB stays as
//! the safety net, should this thread fall behind or fail to open its
//! connection; nothing is lost either way (what a commit syncs does not
//! change).

use std::path::Path;
use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags};

/// Writes with no checkpoint between them (by `Library::maintain` or this
/// thread) that wake the thread: some 3 MiB of log for saves of a
/// 20,000-word draft in which every word changed, a few hundred KiB for
/// typing. An app that pauses now and then (and so maintains the library)
/// seldom gets this far, and its saves do not share the disk with a
/// checkpoint.
pub(crate) const CHECKPOINT_EVERY: u32 = 16;

/// The thread and the way to wake it. Dropping it lets the thread finish
/// the checkpoint it is in, and waits for it.
pub(crate) struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
    /// Held by the thread while it checkpoints, and by
    /// [`Checkpointer::hold`].
    running: Arc<Mutex<()>>,
}

impl Checkpointer {
    /// Starts the thread for the library at `path`.
    pub(crate) fn start(path: &Path) -> std::io::Result<Checkpointer> {
        let path = path.to_owned();
        // One wake-up waiting is enough: a checkpoint copies all the log.
        let (wake, woken) = mpsc::sync_channel::<()>(1);
        let running = Arc::new(Mutex::new(()));
        let lock = Arc::clone(&running);
        let thread = std::thread::Builder::new()
            .name("byline-checkpoint".into())
            .spawn(move || {
                // Opened here, not in `start`, so the writer never waits
                // for it. A library it cannot open is left to SQLite's own
                // checkpoints.
                let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let Ok(conn) = Connection::open_with_flags(&path, flags) else {
                    return;
                };
                while woken.recv().is_ok() {
                    let _running = lock.lock().unwrap_or_else(PoisonError::into_inner);
                    // A failure (the disk full, the file gone read-only)
                    // costs nothing but this checkpoint: the log keeps
                    // every commit, and the writer reports its own errors.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })?;
        Ok(Checkpointer {
            wake: Some(wake),
            thread: Some(thread),
            running,
        })
    }

    /// Waits for a checkpoint the thread is in, and keeps it from starting
    /// another until the guard is dropped: `Library::maintain` checkpoints
    /// itself, and two checkpoints at once would leave one of them
    /// incomplete (SQLite lets one run at a time).
    pub(crate) fn hold(&self) -> MutexGuard<'_, ()> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Asks for a checkpoint, without waiting for it.
    pub(crate) fn wake(&self) {
        if let Some(wake) = &self.wake {
            // Full: a checkpoint is already asked for, and copies this
            // write's pages too. Disconnected: the thread could not open
            // the library, and SQLite's own checkpoints do the work.
            let _: Result<(), TrySendError<()>> = wake.try_send(());
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        self.wake = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
