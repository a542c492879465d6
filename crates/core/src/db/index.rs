//! Keeping the search index in step with `drafts`, in the transaction that
//! writes the draft.
//!
//! FTS5 cannot change part of a row: re-indexing a row tokenizes all of its
//! text again (and, with `prefix = '3'`, adds every token twice). With one row
//! per draft that was most of the time it took to save a 20,000-word draft
//! in which one sentence had changed. So a long body is cut into parts of
//! some 1,200 to 4,000 words, one index row each, and a save re-indexes only
//! the rows whose text changed.
//!
//! Rows and their ids:
//! - a draft whose body is one part has one row, `rowid = draft id` (slot 0),
//!   holding headline, dek and body, exactly as a row per draft would;
//! - a longer draft has one row per part, at slots 1, 2, … (`rowid = slot <<
//!   40 | draft id`); the first part's row also holds the headline and dek.
//!
//! So `rowid < 2^40` are the one-row drafts, which search matches with one
//! FTS5 query, and the rows above are long drafts' parts, which search
//! matches phrase by phrase (a draft matches when each phrase is in one of
//! its rows; see `Library::search`). `drafts_fts_rows` records each row's
//! slot and a hash of the text it indexes, so a save can tell which rows
//! still index the text it writes.
//!
//! Parts are cut after a line, where the content says so (a hash of the
//! line, see [`CUT_BYTES`]), once a part has [`MIN_PART`] bytes: an edit
//! moves at most the cuts next to it, and the other parts keep their text
//! and hash. Tokens never cross a line break, so the parts index exactly
//! the words of the body. Nor do words as `word_count` counts them, so each
//! row also keeps its part's word count, and a save counts only the words
//! of the parts it re-indexes.

use rusqlite::{params, Connection, OptionalExtension};

use crate::model::{word_count, DraftId};

/// A row's slot is the rowid's bits from here up.
const SLOT_SHIFT: u32 = 40;

/// The first rowid of a long draft's parts: every smaller rowid is a
/// one-row draft, and is its draft's id.
pub(crate) const FIRST_PART_ROWID: i64 = 1 << SLOT_SHIFT;

/// The draft a row of `drafts_fts` belongs to.
pub(crate) fn draft_of(rowid: i64) -> DraftId {
    rowid & (FIRST_PART_ROWID - 1)
}

/// A part is cut only once it has this many bytes (some 1,200 words), so
/// most news stories are one row, which search matches with one query.
/// Drafts in parts are matched phrase by phrase; with 1,000 drafts of 3,000
/// words among 10,000, search was as fast as with a row per draft.
const MIN_PART: usize = 8 * 1024;
/// A part is cut here even where the content would not cut it.
const MAX_PART: usize = 128 * 1024;
/// Past [`MIN_PART`], a line ends a part with a chance of its length over
/// this, decided by its hash: the cuts fall some 8 KiB apart whatever the
/// length of the paragraphs, and where they fall depends on the lines
/// themselves, not on where the part began. So an edit that makes a part
/// longer or shorter seldom moves the next cut, and the parts after it
/// keep their text.
const CUT_BYTES: u64 = 8 * 1024;

/// One part of a body: its text and a hash of it.
#[derive(Debug, PartialEq)]
pub(super) struct Part<'a> {
    pub text: &'a str,
    pub hash: u64,
}

/// `body` cut into parts whose concatenation is `body`; one part (maybe
/// empty) at least. Long revisions are stored by these parts too
/// (`revisions.rs`).
pub(super) fn parts(body: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let (mut start, mut end) = (0, 0);
    let mut hash = Hasher::default();
    for line in body.split_inclusive('\n') {
        let line_hash = hash_bytes(line.as_bytes());
        hash.write(line_hash);
        end += line.len();
        let len = end - start;
        let blank = line.bytes().all(|b| b.is_ascii_whitespace());
        let chosen = line_hash % CUT_BYTES < line.len() as u64;
        let cut = len >= MAX_PART || (len >= MIN_PART && !blank && chosen);
        if cut && end < body.len() {
            out.push(Part {
                text: &body[start..end],
                hash: hash.finish(),
            });
            start = end;
            hash = Hasher::default();
        }
    }
    if start < body.len() || out.is_empty() {
        out.push(Part {
            text: &body[start..],
            hash: hash.finish(),
        });
    }
    out
}

/// A 64-bit hash that never changes between builds or Rust versions (the
/// hashes are stored in the library). Not for adversaries: a collision
/// between two parts of one draft would only leave a stale index row.
#[derive(Clone, Copy)]
struct Hasher(u64);

impl Default for Hasher {
    fn default() -> Self {
        Hasher(0x243f_6a88_85a3_08d3)
    }
}

impl Hasher {
    fn write(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }

    /// MurmurHash3's finaliser: every input bit moves every output bit.
    fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hash = Hasher::default();
    hash.write(bytes.len() as u64);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        hash.write(u64::from_le_bytes(word.try_into().unwrap_or_default()));
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    hash.write(u64::from_le_bytes(last));
    hash.finish()
}

/// What one index row holds.
struct IndexRow<'h, 'b> {
    headline: &'h str,
    dek: &'h str,
    body: &'b str,
    /// Of all three texts and of where the row sits (alone, first part or
    /// a later part), so a row is kept only where it indexes the very text.
    hash: u64,
}

fn index_rows<'h, 'b>(
    headline: &'h str,
    dek: &'h str,
    parts: &[Part<'b>],
) -> Vec<IndexRow<'h, 'b>> {
    let alone = parts.len() == 1;
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let mut hash = Hasher::default();
            let (headline, dek) = if i == 0 { (headline, dek) } else { ("", "") };
            hash.write(match (alone, i) {
                (true, _) => 0,
                (false, 0) => 1,
                (false, _) => 2,
            });
            hash.write(hash_bytes(headline.as_bytes()));
            hash.write(hash_bytes(dek.as_bytes()));
            hash.write(part.hash);
            IndexRow {
                headline,
                dek,
                body: part.text,
                hash: hash.finish(),
            }
        })
        .collect()
}

fn rowid(id: DraftId, slot: i64) -> i64 {
    slot << SLOT_SHIFT | id
}

/// Makes the index rows of draft `id` index `headline`, `dek` and the body
/// cut into `parts` (by [`parts`]; the caller cuts it once for the index
/// and the revision): rows whose text is unchanged stay, the others are
/// replaced. Call it in the transaction that writes the draft. Returns
/// `word_count` of the body.
pub(crate) fn index_draft(
    conn: &Connection,
    id: DraftId,
    headline: &str,
    dek: &str,
    parts: &[Part],
) -> rusqlite::Result<u32> {
    assert!(
        (0..FIRST_PART_ROWID).contains(&id),
        "draft ids stay below 2^40"
    );
    let rows = index_rows(headline, dek, parts);
    let alone = rows.len() == 1;
    let old: Vec<(i64, u64, u32)> = conn
        .prepare_cached(
            "SELECT slot, hash, words FROM drafts_fts_rows WHERE draft_id = ?1 ORDER BY slot",
        )?
        .query_map([id], |row| {
            Ok((row.get(0)?, row.get::<_, i64>(1)? as u64, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut words = 0;
    let mut wanted = vec![true; rows.len()];
    let mut kept_slots = Vec::with_capacity(old.len());
    let mut dropped_slots = Vec::new();
    for (slot, hash, old_words) in old {
        let same = rows
            .iter()
            .zip(&wanted)
            .position(|(row, wanted)| *wanted && row.hash == hash && (slot == 0) == alone);
        match same {
            Some(i) => {
                wanted[i] = false;
                kept_slots.push(slot);
                words += old_words;
            }
            None => dropped_slots.push(slot),
        }
    }

    // New rows take the smallest free slots (the dropped ones first).
    let mut next_slot = 1;
    let added: Vec<(i64, &IndexRow)> = rows
        .iter()
        .zip(&wanted)
        .filter(|(_, wanted)| **wanted)
        .map(|(row, _)| {
            if alone {
                return (0, row);
            }
            while kept_slots.contains(&next_slot) {
                next_slot += 1;
            }
            next_slot += 1;
            (next_slot - 1, row)
        })
        .collect();

    // FTS5 writes its pending changes out as a new segment whenever a
    // rowid is smaller than the one before it in the transaction (or an
    // insert repeats it). So rows are dropped and added in rowid order, a
    // slot's old row before its new one: one segment per save, not two.
    let mut dropped = dropped_slots.into_iter().peekable();
    let mut added = added.into_iter().peekable();
    loop {
        let drop_first = match (dropped.peek(), added.peek()) {
            (Some(d), Some((a, _))) => d <= a,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if drop_first {
            let Some(slot) = dropped.next() else { break };
            // `contentless_delete = 1`: dropped by rowid, without
            // tokenizing the old text again.
            conn.prepare_cached("DELETE FROM drafts_fts WHERE rowid = ?1")?
                .execute([rowid(id, slot)])?;
            conn.prepare_cached("DELETE FROM drafts_fts_rows WHERE draft_id = ?1 AND slot = ?2")?
                .execute([id, slot])?;
            continue;
        }
        let Some((slot, row)) = added.next() else {
            break;
        };
        conn.prepare_cached(
            "INSERT INTO drafts_fts (rowid, headline, dek, body) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![rowid(id, slot), row.headline, row.dek, row.body])?;
        let row_words = word_count(row.body);
        words += row_words;
        conn.prepare_cached(
            "INSERT INTO drafts_fts_rows (draft_id, slot, hash, words) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, slot, row.hash as i64, row_words])?;
    }
    Ok(words)
}

/// The text of `body` that index row `rowid` holds (a part, or all of a
/// one-row draft's body), given the draft's current text; all of `body` if
/// the row is not found.
pub(crate) fn part_text<'a>(
    conn: &Connection,
    rowid: i64,
    headline: &str,
    dek: &str,
    body: &'a str,
) -> rusqlite::Result<&'a str> {
    let hash: Option<i64> = conn
        .prepare_cached("SELECT hash FROM drafts_fts_rows WHERE draft_id = ?1 AND slot = ?2")?
        .query_row([draft_of(rowid), rowid >> SLOT_SHIFT], |row| row.get(0))
        .optional()?;
    let part = hash.and_then(|hash| {
        index_rows(headline, dek, &parts(body))
            .into_iter()
            .find(|row| row.hash == hash as u64)
    });
    Ok(part.map_or(body, |row| row.body))
}

/// Indexes every draft from scratch; for the migration that introduced
/// rows per part, with an empty index.
pub(crate) fn index_all(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare("SELECT id, headline, dek, body FROM drafts")?;
    let mut drafts = stmt.query([])?;
    while let Some(d) = drafts.next()? {
        index_draft(
            conn,
            d.get(0)?,
            d.get_ref(1)?.as_str()?,
            d.get_ref(2)?.as_str()?,
            &parts(d.get_ref(3)?.as_str()?),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(n: usize, tag: &str) -> Vec<String> {
        (0..n)
            .map(|i| format!("{tag} paragraph {i} {}\n\n", "word ".repeat(60)))
            .collect()
    }

    #[test]
    fn parts_cover_the_body_and_are_cut_at_line_ends() {
        for body in [
            String::new(),
            "short".to_owned(),
            "one line\n".to_owned(),
            paragraphs(1000, "p").concat(),
            "x".repeat(300_000),
            "é\n".repeat(100_000),
        ] {
            let parts = parts(&body);
            assert!(!parts.is_empty());
            let joined: String = parts.iter().map(|p| p.text).collect();
            assert_eq!(joined, body);
            for p in &parts[..parts.len() - 1] {
                assert!(p.text.ends_with('\n'));
                assert!(p.text.len() >= MIN_PART && p.text.len() < MAX_PART + 10);
            }
        }
        assert_eq!(parts(&paragraphs(10, "p").concat()).len(), 1);
        assert!(parts(&paragraphs(1000, "p").concat()).len() > 5);
    }

    /// Editing one paragraph (wherever it is) changes the part that holds
    /// it, and at most a neighbour, never the parts far from it.
    #[test]
    fn an_edit_changes_only_nearby_parts() {
        let text = paragraphs(2000, "p");
        let before: Vec<u64> = parts(&text.concat()).iter().map(|p| p.hash).collect();
        assert!(before.len() > 10, "{}", before.len());
        for at in (0..2000).step_by(97) {
            for edit in ["Short.\n\n".to_owned(), text[at].repeat(3)] {
                let mut edited = text.clone();
                edited[at] = edit;
                let after: Vec<u64> = parts(&edited.concat()).iter().map(|p| p.hash).collect();
                let changed = after.iter().filter(|h| !before.contains(h)).count();
                assert!(
                    (1..=2).contains(&changed),
                    "{changed} of {} at {at}",
                    after.len()
                );
            }
        }
    }

    /// A draft's word count is the sum of its parts' counts, whatever sits
    /// at the cuts.
    #[test]
    fn word_counts_add_up_over_parts() {
        let mut body = String::new();
        for i in 0..30_000 {
            body.push_str(["well-", "known", "’90s", "o'", "x", "—", "7-2"][i % 7]);
            body.push_str(if i % 11 == 0 { "\n" } else { " " });
        }
        let parts = parts(&body);
        assert!(parts.len() > 1);
        let sum: u32 = parts.iter().map(|p| word_count(p.text)).sum();
        assert_eq!(sum, word_count(&body));
    }

    #[test]
    fn hashes_are_stable() {
        // Stored in libraries: a change here re-indexes every long draft.
        assert_eq!(hash_bytes(b""), hash_bytes(b""));
        assert_ne!(hash_bytes(b"a"), hash_bytes(b"a\0"));
        assert_eq!(hash_bytes(b"byline"), 0xc76d_5071_4ae7_1ee9);
    }
}
