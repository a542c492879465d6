//! The draft model: what a piece of journalism is while it is being written.

use crate::swar::{self, HIGH, LOW};
use serde::Serialize;

/// A draft's row id in the library.
pub type DraftId = i64;

/// Where a draft stands on its way to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Editing,
    Ready,
    Filed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Draft, Status::Editing, Status::Ready, Status::Filed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Editing => "editing",
            Status::Ready => "ready",
            Status::Filed => "filed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// A whole draft as stored. Times are Unix milliseconds (UTC).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub id: DraftId,
    pub slug: String,
    pub headline: String,
    /// The standfirst under the headline.
    pub dek: String,
    pub byline: String,
    pub dateline: String,
    pub status: Status,
    /// The body as Markdown: the stored format.
    pub body: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub word_count: u32,
    /// The length the writer aims for, in words.
    pub target_words: Option<u32>,
}

/// One row of the draft list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftSummary {
    pub id: DraftId,
    pub slug: String,
    pub headline: String,
    pub dek: String,
    pub status: Status,
    pub created_at: i64,
    pub updated_at: i64,
    pub word_count: u32,
    /// When the draft was moved to the trash; `None` for live drafts.
    pub deleted_at: Option<i64>,
}

/// What a new draft starts with; every field may be empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewDraft {
    pub headline: String,
    pub dek: String,
    pub byline: String,
    pub dateline: String,
    pub body: String,
}

/// A change to a draft: `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftPatch {
    pub headline: Option<String>,
    pub dek: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub status: Option<Status>,
    pub body: Option<String>,
    /// `Some(None)` clears the target.
    pub target_words: Option<Option<u32>>,
}

/// Why a revision snapshot was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RevisionReason {
    /// The draft was created (or imported).
    Created,
    /// The writer asked for it (Ctrl+S, `byline save`).
    Explicit,
    /// Taken while editing, at most every few minutes.
    Auto,
    /// A restore of an earlier revision.
    Restore,
}

impl RevisionReason {
    pub const ALL: [RevisionReason; 4] = [
        RevisionReason::Created,
        RevisionReason::Explicit,
        RevisionReason::Auto,
        RevisionReason::Restore,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RevisionReason::Created => "created",
            RevisionReason::Explicit => "explicit",
            RevisionReason::Auto => "auto",
            RevisionReason::Restore => "restore",
        }
    }

    pub fn parse(s: &str) -> Option<RevisionReason> {
        RevisionReason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A snapshot of a draft's text. Revision numbers start at 1 per draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    pub draft_id: DraftId,
    pub number: u32,
    pub created_at: i64,
    pub reason: RevisionReason,
    pub headline: String,
    pub word_count: u32,
    /// Filled by `Library::revision`, empty in `Library::history` listings.
    pub body: String,
}

/// A full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: DraftId,
    pub headline: String,
    /// A short excerpt around the hits, as HTML: the text is HTML-escaped
    /// (`&`, `<`, `>`, `"`, `'`) and each hit is wrapped in `<mark>`…`</mark>`,
    /// so a front end can insert it as markup as it is. An elided start or
    /// end is marked with `…`.
    pub snippet: String,
    pub updated_at: i64,
}

/// Words as a journalist counts them: runs of letters or digits, with
/// apostrophes and hyphens inside a word not splitting it.
///
/// Every save counts the words of the text it re-indexes, so this reads
/// ASCII eight bytes at a time (see [`ascii_block`]); a block with another
/// character in it is read a character at a time, through a table for
/// ASCII and decoding the rest.
pub fn word_count(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut n = 0u32;
    // 1 inside a word, else 0.
    let mut in_word = 0u8;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(block) = bytes.get(at..at + 8) {
            let block = u64::from_le_bytes(block.try_into().unwrap_or_default());
            if block & HIGH == 0 {
                let (starts, last) = ascii_block(block, in_word);
                n += starts;
                in_word = last;
                at += 8;
                continue;
            }
        }
        // One character, and on to the end of its block.
        let stop = (at + 8).min(bytes.len());
        while at < stop {
            let class = match bytes[at] {
                b if b.is_ascii() => {
                    at += 1;
                    ASCII_CLASSES[b as usize]
                }
                _ => {
                    let c = text[at..].chars().next().unwrap_or_default();
                    at += c.len_utf8();
                    char_class(c)
                }
            };
            let word = class & WORD;
            n += u32::from(word & !in_word);
            in_word = word | (in_word & (class >> 1));
        }
    }
    n
}

/// [`word_count`] over eight ASCII bytes (little-endian, so the first byte
/// is the lowest), each byte's class computed at once in its high bit:
/// returns how many words start in the block and whether it ends inside
/// one. `in_word` is whether the byte before the block was inside a word.
///
/// A byte is inside a word when it is a letter or digit, or a joiner
/// right after a byte inside a word; a word starts at a letter or digit
/// whose previous byte is not inside one.
fn ascii_block(x: u64, in_word: u8) -> (u32, u8) {
    // High bit set where the byte is `c`.
    let equal = |c: u8| {
        let v = x ^ (LOW * u64::from(c));
        !(((v & !HIGH) + !HIGH) | v) & HIGH
    };
    let word = swar::alnum(x);
    let joiner = equal(b'\'') | equal(b'-');
    let before = u64::from(in_word) << 7;
    // Inside a word; a run of k joiners takes k rounds to settle.
    let mut inside = word;
    if joiner != 0 {
        loop {
            let next = word | (joiner & ((inside << 8) | before));
            if next == inside {
                break;
            }
            inside = next;
        }
    }
    let starts = word & !((inside << 8) | before);
    (swar::count(starts), (inside >> 63) as u8)
}

/// [`word_count`]'s classes of characters, as bits: a letter or digit is
/// a `WORD`; an apostrophe or hyphen is a `JOINER`, part of a word inside
/// one and a space elsewhere; anything else is a space (no bit).
const WORD: u8 = 1;
const JOINER: u8 = 2;

fn char_class(c: char) -> u8 {
    if c.is_alphanumeric() {
        WORD
    } else if matches!(c, '\'' | '’' | '-' | '‐') {
        JOINER
    } else {
        0
    }
}

const ASCII_CLASSES: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            WORD
        } else if b == b'\'' as usize || b == b'-' as usize {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_like_a_journalist() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("Russia’s well-known ’90s  rock"), 4);
        assert_eq!(word_count("# Head\n\nOne, two — three."), 4);
    }

    /// The byte-wise count agrees with the plain definition, one character
    /// at a time, on text mixing every class of character.
    #[test]
    fn word_count_matches_its_definition() {
        fn by_chars(text: &str) -> u32 {
            let mut n = 0;
            let mut in_word = false;
            for c in text.chars() {
                if c.is_alphanumeric() {
                    n += u32::from(!in_word);
                    in_word = true;
                } else if !(in_word && matches!(c, '\'' | '’' | '-' | '‐')) {
                    in_word = false;
                }
            }
            n
        }
        let mixed: &[&str] = &[
            "a", "Z", "9", "é", "Ω", "中", "٣", " ", "\n", "'", "’", "-", "‐", "—", ".", "\u{a0}",
            "🙂", "ß", "\t", "\"",
        ];
        // Only ASCII, so most blocks of eight bytes are counted at once,
        // with runs of joiners, and the edges of each class's range.
        let ascii: &[&str] = &[
            "a", "z", "A", "Z", "0", "9", "'", "-", "--", " ", "/", ":", "@", "[", "`", "{", "\n",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for pieces in [mixed, ascii] {
            for len in 0..400 {
                let mut text = String::new();
                for _ in 0..len {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    text.push_str(pieces[(state % pieces.len() as u64) as usize]);
                }
                assert_eq!(word_count(&text), by_chars(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn status_round_trips() {
        for st in Status::ALL {
            assert_eq!(Status::parse(st.as_str()), Some(st));
        }
        assert_eq!(Status::parse("published"), None);
    }
}
