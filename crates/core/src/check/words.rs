//! Words and punctuation of a small window of text, and name shapes. The
//! attribution rules read tokens around one quote at a time, never the
//! whole text.

use std::ops::Range;

use super::lexicon::{self, in_list};
use crate::swar::{self, HIGH};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// A word (letters or digits), else one punctuation character.
    pub word: bool,
}

impl Tok {
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// The nearest character boundary of `s` at or before byte `i` (clamped to
/// `s.len()`), for a window's end cut by a byte count.
#[inline]
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest character boundary of `s` at or after byte `i` (clamped to
/// `s.len()`), for a window's start cut by a byte count.
#[inline]
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Of the abbreviations that keep their full stop ([`keeps_dot`]), those
/// written before a name (`St. Aldric’s`, `Sen. Ruiz`): their full stop
/// ends no sentence even before a capital.
pub(crate) fn precedes_a_name(w: &str) -> bool {
    in_list!(
        w,
        "St" | "Dr"
            | "Mt"
            | "Ft"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Prof"
            | "Rev"
            | "Mr"
            | "Mrs"
            | "Ms"
    )
}

/// Abbreviations whose full stop belongs to the word.
pub(crate) fn keeps_dot(w: &str) -> bool {
    precedes_a_name(w)
        || in_list!(
            w,
            "Jr" | "Sr"
                | "Del"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "No"
                | "vs"
                | "Inc"
                | "Corp"
                | "Co"
                | "Ltd"
                | "Ave"
                | "Blvd"
                | "approx"
                | "etc"
                | "Calif"
                | "Fla"
                | "Va"
                | "Mass"
                | "Penn"
                | "Ariz"
                | "Wash"
                | "Mich"
                | "Ill"
                | "Conn"
                | "Tenn"
                | "Sens"
                | "Reps"
                | "Govs"
                | "Pa"
                | "Ga"
                | "Mo"
                | "Md"
                | "Minn"
                | "Wis"
                | "Colo"
                | "Ore"
                | "Okla"
                | "Ky"
                | "La"
                | "Ala"
                | "Ark"
                | "Nev"
                | "Neb"
                | "Kan"
                | "Miss"
                | "Mont"
                | "Ind"
                | "Vt"
                | "Del."
                | "Gens"
        )
        || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase())
}

/// `char::is_alphanumeric`, answered without its Unicode tables for the
/// characters met most around words: ASCII, Latin-1 (`é`, the no-break
/// space) and the General Punctuation block (curly quotation marks,
/// apostrophes, dashes), which holds no letter or digit. A table look-up
/// costs hundreds of instructions.
pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '\u{80}'..='\u{ff}' => matches!(
            c,
            'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼'..='¾' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ'
        ),
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// What an ASCII byte is to the tokeniser.
const SKIP: u8 = 0;
const WORD: u8 = 1;
const PUNCT: u8 = 2;
/// Joins two runs of letters into one word (`Russia's`, `al-Sharaa`, `U.S`).
const JOIN: u8 = 3;

/// Byte classes for ASCII; bytes from 0x80 up start or continue a
/// multi-byte character and are classified by decoding it.
static CLASS: [u8; 128] = {
    let mut t = [PUNCT; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = WORD;
        }
        b += 1;
    }
    // White space as `char::is_whitespace` sees it, and emphasis markers.
    t[b'\t' as usize] = SKIP;
    t[b'\n' as usize] = SKIP;
    t[0x0B] = SKIP;
    t[0x0C] = SKIP;
    t[b'\r' as usize] = SKIP;
    t[b' ' as usize] = SKIP;
    t[b'*' as usize] = SKIP;
    t[b'_' as usize] = SKIP;
    t[b'\'' as usize] = JOIN;
    t[b'-' as usize] = JOIN;
    t[b'.' as usize] = JOIN;
    t
};

/// A byte from 0x80 up, in `BYTE_CLASS`: decode the character.
const NON_ASCII: u8 = 4;

/// `CLASS` extended to every byte value, so that the hot loops need no
/// separate test for ASCII.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = CLASS[b];
        b += 1;
    }
    t
};

/// Classes of U+2000..U+206F, General Punctuation: curly quotes and
/// apostrophes, dashes and odd spaces, which news text is full of. None is
/// a letter or a digit.
static GENERAL_PUNCT: [u8; 0x70] = {
    let mut t = [PUNCT; 0x70];
    let mut c = 0;
    while c <= 0x0A {
        t[c] = SKIP;
        c += 1;
    }
    t[0x28] = SKIP;
    t[0x29] = SKIP;
    t[0x2F] = SKIP;
    t[0x5F] = SKIP;
    // Non-breaking hyphen and right single quotation mark (apostrophe).
    t[0x11] = JOIN;
    t[0x19] = JOIN;
    t
};

/// The class of the character at byte `i` and its length, decoding only
/// characters outside ASCII and General Punctuation.
#[inline]
fn class_at(text: &str, i: usize) -> (u8, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (CLASS[b as usize], 1);
    }
    if b == 0xE2 && i + 2 < bytes.len() {
        // U+2000..U+206F is E2 80 80..E2 81 AF.
        let (b1, b2) = (bytes[i + 1], bytes[i + 2]);
        if b1 == 0x80 || (b1 == 0x81 && b2 < 0xB0) {
            let k = (((b1 - 0x80) as usize) << 6) | (b2 - 0x80) as usize;
            return (GENERAL_PUNCT[k], 3);
        }
    }
    class_of_char(text, i)
}

#[cold]
fn class_of_char(text: &str, i: usize) -> (u8, usize) {
    let c = text[i..].chars().next().unwrap_or('\u{fffd}');
    let class = if is_word_char(c) {
        WORD
    } else if c.is_whitespace() {
        SKIP
    } else if matches!(c, '’' | '‑') {
        JOIN
    } else {
        PUNCT
    };
    (class, c.len_utf8())
}

/// For each byte: 1 if it is ASCII white space, 2 if it may start white
/// space outside ASCII (U+0085, U+00A0, U+1680, U+2000.., U+3000), else 0.
static SPACE: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    let mut b = b'\t';
    while b <= b'\r' {
        t[b as usize] = 1;
        b += 1;
    }
    t[0xC2] = 2;
    t[0xE1] = 2;
    t[0xE2] = 2;
    t[0xE3] = 2;
    t
};

/// Whether byte `i` of `s` starts white space (as `char::is_whitespace`
/// says), and how far to step: a whole white-space character, else one
/// byte (the rest of a character of several bytes is never white space).
#[inline(always)]
fn space_at(s: &str, i: usize) -> (bool, usize) {
    let bytes = s.as_bytes();
    match SPACE[bytes[i] as usize] {
        0 => (false, 1),
        1 => (true, 1),
        _ if bytes[i] == 0xE2 => {
            // General Punctuation: U+2000..U+200A, U+2028, U+2029, U+202F
            // (E2 80 xx) and U+205F (E2 81 9F) are spaces.
            let (b1, b2) = (bytes[i + 1], bytes[i + 2]);
            let space = (b1 == 0x80 && (b2 <= 0x8A || matches!(b2, 0xA8 | 0xA9 | 0xAF)))
                || (b1 == 0x81 && b2 == 0x9F);
            if space {
                (true, 3)
            } else {
                (false, 1)
            }
        }
        _ => space_char_at(s, i),
    }
}

#[inline(never)]
fn space_char_at(s: &str, i: usize) -> (bool, usize) {
    let c = s[i..].chars().next().unwrap_or('\u{fffd}');
    if c.is_whitespace() {
        (true, c.len_utf8())
    } else {
        (false, 1)
    }
}

/// The words of `s` exactly as `str::split_whitespace` gives them, without
/// decoding most characters.
pub(crate) fn split_words(s: &str) -> SplitWords<'_> {
    SplitWords { s, i: 0 }
}

pub(crate) struct SplitWords<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Iterator for SplitWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (s, n) = (self.s, self.s.len());
        let mut i = self.i;
        while i < n {
            let (space, len) = space_at(s, i);
            if !space {
                break;
            }
            i += len;
        }
        if i >= n {
            self.i = n;
            return None;
        }
        let start = i;
        while i < n {
            let (space, len) = space_at(s, i);
            if space {
                break;
            }
            i += len;
        }
        self.i = i;
        Some(&s[start..i])
    }
}

/// Whether an ASCII byte is white space as `char::is_whitespace` says:
/// space, tab, line feed, vertical tab, form feed or carriage return.
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    b == b' ' || b.wrapping_sub(b'\t') <= b'\r' - b'\t'
}

/// The number of words in `s` as `split_whitespace` counts them.
pub(crate) fn count_words(s: &str) -> usize {
    // ASCII eight bytes at a time (a word starts at each byte that is not
    // white space after one that is, or at the start), the rest a
    // character at a time: a quote with one curly apostrophe in it is
    // not read a byte at a time throughout.
    let b = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    // 1 when the byte before `i` is white space (or `i` is 0), else 0.
    let mut space_before = 1u64;
    while i < b.len() {
        if let Some(block) = b[i..].first_chunk::<8>() {
            let x = u64::from_le_bytes(*block);
            if x & HIGH == 0 {
                let space = ascii_space(x);
                let starts = !space & HIGH & ((space << 8) | (space_before << 7));
                n += swar::count(starts) as usize;
                space_before = space >> 63;
                i += 8;
                continue;
            }
        }
        let (space, len) = space_at(s, i);
        n += usize::from(!space && space_before == 1);
        space_before = u64::from(space);
        i += len;
    }
    n
}

/// The high bit of each byte of `x` (eight ASCII bytes) that is white
/// space: `is_ascii_space` for each byte at once.
#[inline(always)]
fn ascii_space(x: u64) -> u64 {
    let at_least = |c| swar::at_least(x, c);
    (at_least(b'\t') & !at_least(b'\r' + 1)) | (at_least(b' ') & !at_least(b' ' + 1))
}

/// Tokenises `text[range]` (a range on character boundaries).
pub(crate) fn tokens(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    push_tokens(text, range, out);
}

/// Appends the tokens of `text[range]` to `out`.
pub(crate) fn push_tokens(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    // Cut at the range's end, so that the loops' own bounds tests are the
    // only ones.
    let all = text.as_bytes();
    let bytes = &all[..range.end];
    let end = range.end;
    let mut i = range.start;
    // About one token per four bytes in news text.
    out.reserve((end.saturating_sub(i)) / 4);
    while i < end {
        let (class, len) = match BYTE_CLASS[bytes[i] as usize] {
            NON_ASCII => class_at(text, i),
            c => (c, 1),
        };
        if class == SKIP {
            i += len;
            continue;
        }
        if class != WORD {
            out.push(Tok {
                start: i,
                end: i + len,
                word: false,
            });
            i += len;
            continue;
        }
        // ASCII letters and digits, the common case, eight bytes at a time.
        let e = ascii_word_end(all, i + len, end);
        // Most words end at a space, which ends the word and is skipped:
        // nothing more to read.
        if bytes.get(e) == Some(&b' ') {
            out.push(Tok {
                start: i,
                end: e,
                word: true,
            });
            i = e + 1;
            continue;
        }
        let (e, after_word) = word_end(text, i, e, end);
        out.push(Tok {
            start: i,
            end: e,
            word: true,
        });
        i = e;
        match after_word {
            Some((SKIP, dl)) => i += dl,
            Some((_, dl)) => {
                out.push(Tok {
                    start: i,
                    end: i + dl,
                    word: false,
                });
                i += dl;
            }
            None => {}
        }
    }
}

/// The end of the word at `text[start..end]` whose first run of ASCII
/// letters and digits ends at `e`, where something other than a space
/// follows: letters outside ASCII, a joiner (`Russia's`, `al-Sharaa`,
/// `U.S`), a number's comma, or the full stop of an abbreviation. With it,
/// the class and length of the character that ended the word, when it is
/// white space or punctuation: read once, not again by the caller.
fn word_end(text: &str, start: usize, mut e: usize, end: usize) -> (usize, Option<(u8, usize)>) {
    let all = text.as_bytes();
    let bytes = &all[..end];
    // Whether a full stop joined two parts of the word (`U.S`).
    let mut dotted = false;
    loop {
        if e >= end {
            return (e, None);
        }
        let b = bytes[e];
        // A number's thousands: `2,000`.
        if b == b','
            && bytes[e - 1].is_ascii_digit()
            && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)
        {
            e = ascii_word_end(all, e + 1, end);
            continue;
        }
        let (d, dl) = class_at(text, e);
        if d == WORD {
            e = ascii_word_end(all, e + dl, end);
            continue;
        }
        if d != JOIN {
            return (e, Some((d, dl)));
        }
        // A joiner inside a word: Russia's, al-Sharaa, U.S.
        let after = e + dl;
        if after < end && class_at(text, after).0 == WORD {
            dotted |= b == b'.';
            e = ascii_word_end(all, after, end);
            continue;
        }
        if b == b'.' && (dotted || keeps_dot(&text[start..e])) {
            e += 1;
        }
        return (e, None);
    }
}

/// The high bit of each byte of `x` that is not an ASCII letter or digit,
/// exact up to the first byte from 0x80 up: a sum on such a byte may carry
/// into the next, so the bytes after it may be wrong. The tokeniser wants
/// only the first, and it is the end of each word.
#[inline(always)]
fn run_stops(x: u64) -> u64 {
    (x | !swar::alnum(x)) & HIGH
}

/// The end of the run of ASCII letters and digits at `bytes[i..end]`,
/// read eight bytes at a time (little-endian, so the first byte is the
/// lowest), so that a typical word costs one branch that goes the same
/// way every time rather than one a byte that ends differently for each
/// word. Loads may read past `end` (never past `bytes`); the run is cut
/// at `end`.
#[inline(always)]
fn ascii_word_end(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end {
        let Some(block) = bytes[i..].first_chunk::<8>() else {
            // The last few bytes of the text: one at a time.
            while i < end && BYTE_CLASS[bytes[i] as usize] == WORD {
                i += 1;
            }
            return i;
        };
        let stop = run_stops(u64::from_le_bytes(*block));
        if stop != 0 {
            // (A run that goes on past `end` is cut there.)
            return (i + (stop.trailing_zeros() / 8) as usize).min(end);
        }
        i += 8;
    }
    i.min(end)
}

#[inline]
pub(crate) fn is_capitalised(w: &str) -> bool {
    // ASCII fast paths; the rest as below.
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => true,
        // (A plain loop: words are short, too short for `memchr`.)
        Some(b) if b.is_ascii_lowercase() && !w.bytes().any(|c| c == b'-') => false,
        _ => is_capitalised_slow(w),
    }
}

fn is_capitalised_slow(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => {
            // al-Sharaa, el-Sisi, bin-Salman: a particle joined to a capital.
            if let Some(h) = w.find('-') {
                lexicon::is_particle(&w[..h])
                    && w[h + 1..].chars().next().is_some_and(char::is_uppercase)
            } else {
                false
            }
        }
        Some(c) => c.is_ascii_digit() && w.chars().any(char::is_uppercase),
        None => false,
    }
}

/// Where the last sentence in `bytes[lo..hi]` starts: after its last line
/// break, or full stop followed by a space (read in `bytes`, which may go on
/// past `hi`). None when there is neither.
pub(crate) fn sentence_start_in(bytes: &[u8], lo: usize, mut hi: usize) -> Option<usize> {
    loop {
        let p = lo + memchr::memrchr2(b'.', b'\n', &bytes[lo..hi])?;
        if bytes[p] == b'\n' || bytes.get(p + 1) == Some(&b' ') {
            return Some(p + 1 + usize::from(bytes[p] == b'.'));
        }
        hi = p;
    }
}

/// Strips a possessive ending ("Russia’s" → "Russia").
#[inline]
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

#[inline]
pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

/// Whether a token can be part of a name sequence.
#[inline]
pub(crate) fn nameish(w: &str) -> bool {
    is_capitalised(w) || lexicon::is_particle(w)
}

/// Whether an all-capitals word could be a transcript speaker label.
pub(crate) fn is_all_caps(w: &str) -> bool {
    w.len() >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '\'' || c == '.')
}

/// Whether `w` is a body's initials: `IMF`, `NATO`, `FBI` (two to six
/// capitals, not a Roman numeral such as `II`).
pub(crate) fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && !w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// `s` with its first letter in lower case, when it has a capital to
/// lower: "De la Cruz" gives "de la Cruz".
pub(crate) fn lower_first(s: &str) -> Option<String> {
    let c = s.chars().next()?;
    if !c.is_uppercase() {
        return None;
    }
    Some(c.to_lowercase().chain(s[c.len_utf8()..].chars()).collect())
}

/// Whether `s` with its first letter in lower case ([`lower_first`]) passes
/// `f`; false when it does not start with a capital. A short word with an
/// ASCII capital is lowered on the stack, not in a new `String`.
pub(crate) fn lower_first_is(s: &str, f: impl Fn(&str) -> bool) -> bool {
    let b = s.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_uppercase() && b.len() <= 16 => {
            let mut buf = [0u8; 16];
            buf[..b.len()].copy_from_slice(b);
            buf[0] = c.to_ascii_lowercase();
            // (One ASCII letter for another: still UTF-8.)
            std::str::from_utf8(&buf[..b.len()]).is_ok_and(f)
        }
        Some(c) if c.is_ascii() => false,
        _ => lower_first(s).is_some_and(|l| f(&l)),
    }
}

/// Converts "WALLACE" to "Wallace".
pub(crate) fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphanumeric();
    }
    out
}

/// The years of an age written as a noun: `21-year-old` → `21`.
pub(crate) fn age(w: &str) -> Option<&str> {
    w.strip_suffix("-year-old")
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The length in bytes of the space or no-break space at byte `i` of
/// `b`, or 0. Read as bytes: a no-break space is C2 A0 in UTF-8, and 0xC2
/// only ever leads a character.
pub(crate) fn space_len_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        _ => 0,
    }
}

/// The length in bytes of the space or no-break space that ends at byte
/// `end` of `b`, or 0.
pub(crate) fn space_len_before(b: &[u8], end: usize) -> usize {
    if end >= 1 && b[end - 1] == b' ' {
        1
    } else if end >= 2 && b[end - 2] == 0xC2 && b[end - 1] == 0xA0 {
        2
    } else {
        0
    }
}

/// Where the 8 KB before `at` set off an age of `years` after a name
/// (`Danny Holloway, 21,`): the offsets of the commas before the years,
/// the last first, at most eight. (The search reads bytes: the pattern
/// starts with a comma, so it never starts inside a character.)
pub(crate) fn ages_set_off(text: &str, at: usize, years: &str) -> Vec<usize> {
    let lo = at.saturating_sub(8192);
    let set_off = format!(", {years},");
    memchr::memmem::rfind_iter(&text.as_bytes()[lo..at], set_off.as_bytes())
        .take(8)
        .map(|i| lo + i)
        .collect()
}

/// The last word before byte `pos` on the same line, skipping spaces.
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<Range<usize>> {
    let t = &text[..pos];
    let b = t.as_bytes();
    let mut end = b.len();
    loop {
        match space_len_before(b, end) {
            0 => break,
            n => end -= n,
        }
    }
    // Back over the word: ASCII a byte at a time, anything else a
    // character at a time.
    let mut start = end;
    while start > 0 {
        let c = b[start - 1];
        if c < 0x80 {
            if !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'\'')) {
                break;
            }
            start -= 1;
        } else {
            match t[..start].chars().next_back() {
                Some(c) if c == '’' || is_word_char(c) => start -= c.len_utf8(),
                _ => break,
            }
        }
    }
    if start == end {
        return None;
    }
    // Do not swallow a leading hyphen or full stop.
    while start < end && !text[start..].starts_with(is_word_char) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    (start < end).then_some(start..end)
}

/// Whether a capitalised word ending in "ing" reads as a verb's form
/// (`Following`, `Speaking`), not a name: `Ming`, `Mei-Ling`, `Irving`.
pub(crate) fn is_ing_form(w: &str) -> bool {
    if !w.ends_with("ing") {
        return false;
    }
    let last = w.rsplit('-').next().unwrap_or(w);
    !(last.len() <= 4
        || in_list!(
            w,
            "Irving"
                | "Sterling"
                | "Channing"
                | "Manning"
                | "Fleming"
                | "Browning"
                | "Harding"
                | "Golding"
                | "Redding"
                | "Pickering"
                | "Deming"
                | "Xiaoming"
                | "Xiaoping"
                | "Jianming"
                | "Zhiming"
                | "Weiming"
                | "Haiping"
                | "Yiming"
                | "Qiming"
                | "Jiaqing"
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `split_words` and `count_words` must agree with `split_whitespace`
    /// on every kind of white space, ASCII or not.
    #[test]
    fn words_split_as_split_whitespace_does() {
        let cases = [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tnew\nline\rcr\x0bvt\x0cff",
            "nbsp\u{a0}here\u{85}nel",
            "em\u{2003}space\u{2009}thin\u{200b}zero-width\u{202f}narrow",
            "ogham\u{1680}mark\u{3000}ideographic\u{2028}line\u{2029}para\u{205f}math",
            "“Curly,” she said — ‘quietly’… é, ß, 東京, 🙂 done",
            "\u{2000}\u{200a}edge\u{2000}",
        ];
        for s in cases {
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(split_words(s).collect::<Vec<_>>(), want, "{s:?}");
            assert_eq!(count_words(s), want.len(), "{s:?}");
        }
        // Every window of article text, so that words and spaces fall at
        // every place in an eight-byte block, with curly quotes, dashes
        // and non-breaking spaces among them.
        let mut texts = crate::check::sample_articles();
        texts.push(cases.concat());
        for t in &texts {
            let mut cut = t.len().min(4000);
            while !t.is_char_boundary(cut) {
                cut -= 1;
            }
            let t = &t[..cut];
            let at: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for (k, &i) in at.iter().enumerate() {
                for &j in at[k..].iter().take(40).chain(at.last()) {
                    let w = &t[i..j];
                    assert_eq!(count_words(w), w.split_whitespace().count(), "{w:?}");
                }
            }
        }
    }

    /// `ascii_space` marks exactly the white space of every ASCII byte,
    /// whatever its neighbours.
    #[test]
    fn ascii_space_marks_white_space() {
        for b in 0..128u8 {
            for fill in [0u8, b' ', b'\t', b'a', 0x7F] {
                for pos in 0..8 {
                    let mut block = [fill; 8];
                    block[pos] = b;
                    let got = ascii_space(u64::from_le_bytes(block));
                    for (k, &c) in block.iter().enumerate() {
                        assert_eq!(got >> (8 * k + 7) & 1 == 1, is_ascii_space(c), "{block:?}");
                    }
                    assert_eq!(got & !HIGH, 0);
                }
            }
        }
    }

    /// The tokeniser as first written, a character at a time: the byte-class
    /// one must give the same tokens.
    fn tokens_by_char(text: &str, range: Range<usize>) -> Vec<Tok> {
        let char_at = |i: usize| {
            let c = text[i..].chars().next().unwrap();
            (c, c.len_utf8())
        };
        let mut out = Vec::new();
        let (end, mut i) = (range.end, range.start);
        while i < end {
            let (c, len) = char_at(i);
            if c.is_whitespace() || c == '*' || c == '_' {
                i += len;
                continue;
            }
            if !is_word_char(c) {
                out.push(Tok {
                    start: i,
                    end: i + len,
                    word: false,
                });
                i += len;
                continue;
            }
            let start = i;
            let mut e = i + len;
            while e < end {
                let (d, dl) = char_at(e);
                if is_word_char(d) {
                    e += dl;
                } else if d == ','
                    && text[..e].ends_with(|c: char| c.is_ascii_digit())
                    && text[e + 1..end].starts_with(|c: char| c.is_ascii_digit())
                {
                    e += 1;
                } else if matches!(d, '\'' | '’' | '-' | '.' | '‑') {
                    let after = e + dl;
                    if after < end && is_word_char(char_at(after).0) {
                        e = after;
                    } else {
                        if d == '.' && (keeps_dot(&text[start..e]) || text[start..e].contains('.'))
                        {
                            e += 1;
                        }
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                start,
                end: e,
                word: true,
            });
            i = e;
        }
        out
    }

    /// `is_word_char` is `char::is_alphanumeric`, for every character.
    #[test]
    fn word_chars_are_the_alphanumeric_ones() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// `prev_word` as first written, a character at a time.
    fn prev_word_by_char(text: &str, pos: usize) -> Option<Range<usize>> {
        let t = text[..pos].trim_end_matches([' ', '\u{a0}']);
        let end = t.len();
        let mut start = t
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '.' | '’' | '\''))
            .last()
            .map(|(i, _)| i)?;
        while start < end && !text[start..].starts_with(char::is_alphanumeric) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
        (start < end).then_some(start..end)
    }

    #[test]
    fn prev_word_matches_the_character_version() {
        let mut texts = crate::check::sample_articles();
        texts.extend(
            [
                "Mr. Smith, U.S. Sen. al-Sharaa’s aide‑de‑camp said: “It’s 6'3\" tall.”",
                "Ünïcödé Straße 東京 🙂 x\u{2011}y a\u{2019}b c\u{2019} d-. e.-f -.x",
                "Jo\u{a0}Émile  Zoë-Ann O’Neil's .. -- ’’ '' \u{a0} \u{a0}\u{a0}  -é .5 ‑x",
                "©Ann ¡Hola! Ann© ©\u{a0}x Ann\u{85} y\u{a0}\u{a0} \u{a0}©\u{a0}",
            ]
            .map(String::from),
        );
        for t in &texts {
            for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                assert_eq!(
                    prev_word(t, pos),
                    prev_word_by_char(t, pos),
                    "{t:?} at {pos}"
                );
            }
        }
    }

    /// `run_stops` marks exactly the bytes that are not ASCII letters or
    /// digits, up to the first byte from 0x80 up, whatever the bytes and
    /// their neighbours; its first mark is always the first such byte.
    #[test]
    fn run_stops_marks_the_end_of_a_run() {
        for b in 0..=255u8 {
            for fill in [
                0u8, b'a', b'Z', b'9', b'/', b'`', b'{', b'@', 0x7F, 0x80, 0xFF,
            ] {
                for pos in 0..8 {
                    for tail in [None, Some(0xE2u8)] {
                        let mut block = [fill; 8];
                        block[pos] = b;
                        if let (Some(t), true) = (tail, pos < 7) {
                            block[pos + 1] = t;
                        }
                        let got = run_stops(u64::from_le_bytes(block));
                        assert_eq!(got & !HIGH, 0);
                        for (k, &c) in block.iter().enumerate() {
                            let want = !c.is_ascii_alphanumeric();
                            assert_eq!(got >> (8 * k + 7) & 1 == 1, want, "{block:?} at {k}");
                            if c >= 0x80 {
                                break;
                            }
                        }
                        let first = block.iter().position(|c| !c.is_ascii_alphanumeric());
                        let got_first = (got != 0).then(|| got.trailing_zeros() as usize / 8);
                        assert_eq!(got_first, first, "{block:?}");
                    }
                }
            }
        }
    }

    /// `ascii_word_end` stops where a byte-at-a-time loop stops, from every
    /// start and for ends near and far, short of the text's end or not.
    #[test]
    fn ascii_word_end_matches_the_byte_loop() {
        let mut texts = crate::check::sample_articles();
        texts.push("abcdefghijklmnopqrstuvwxyz0123456789 Zz09 a".into());
        texts.push("x".into());
        for t in &texts {
            let b = t.as_bytes();
            for i in 0..b.len().min(3000) {
                for end in [i, i + 1, i + 3, i + 8, i + 9, i + 17, b.len()] {
                    let end = end.min(b.len());
                    let mut want = i;
                    while want < end && b[want].is_ascii_alphanumeric() {
                        want += 1;
                    }
                    assert_eq!(ascii_word_end(b, i, end), want, "at {i}..{end}");
                }
            }
        }
    }

    #[test]
    fn tokens_match_the_character_tokeniser() {
        let mut texts = crate::check::sample_articles();
        texts.extend(
            [
                "Mr. Smith, U.S. Sen. al-Sharaa’s aide‑de‑camp said: “It’s 6'3\" tall.”",
                "Dr.  J. R. R. Tolkien—\u{2009}wrote\u{a0}it… e.g. etc. No. 5",
                "Ünïcödé Straße 東京 🙂 x\u{2011}y a\u{2019}b c\u{2019} d-. e.-f",
                "**bold** _em_ `code` <tag> [link](url) 3.14 1,000 -5 .5",
            ]
            .map(String::from),
        );
        let boundary = |t: &str, mut i: usize| {
            i = i.min(t.len());
            while !t.is_char_boundary(i) {
                i += 1;
            }
            i
        };
        for t in &texts {
            for start in [0, 1, 7] {
                let start = boundary(t, start);
                let mut got = Vec::new();
                tokens(t, start..t.len(), &mut got);
                assert_eq!(got, tokens_by_char(t, start..t.len()), "{t:?}");
            }
        }
        // Ranges that end inside the text, at every place in the first
        // few hundred bytes (the fast path reads past the end of a range).
        for t in &texts {
            for start in [0, 3] {
                let start = boundary(t, start);
                for end in (start..t.len().min(400)).filter(|&e| t.is_char_boundary(e)) {
                    let mut got = Vec::new();
                    tokens(t, start..end, &mut got);
                    assert_eq!(got, tokens_by_char(t, start..end), "{t:?} {start}..{end}");
                }
            }
        }
    }
}
