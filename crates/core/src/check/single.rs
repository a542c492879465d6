//! Articles whose quotations are in single marks (‘…’ or '…', British and
//! Australian style), with double marks only for a quote within a quote.
//!
//! The rest of the checker reads double marks. For such an article it is
//! given a copy of the text in which the single marks that quote trade
//! places with the double marks: `‘` with `“` and `’` with `”` (three bytes
//! each in UTF-8), `'` with `"` (one byte each). Every offset stays the
//! same, so the report applies to the text as given once its strings are
//! read from the original (`restore`).
//!
//! The hard part is `’`, which is also the apostrophe: `nurses’ union`,
//! `’90s`, `goin’`. A mark is a closing mark when the words before it end
//! in punctuation (`,’ she said`), or when a quote is open and nothing
//! later on the line closes it better (`‘missing middle’ housing`).

use super::{attrib, Issue, Report};

/// The marks of one style: opening, closing, and the double marks they
/// trade places with.
struct Style {
    open: char,
    close: char,
    dopen: char,
    dclose: char,
}

const CURLY: Style = Style {
    open: '‘',
    close: '’',
    dopen: '“',
    dclose: '”',
};

const STRAIGHT: Style = Style {
    open: '\'',
    close: '\'',
    dopen: '"',
    dclose: '"',
};

/// How many bytes quotes in single marks of `style` span, a quote counted
/// from an opening mark to the next closing mark on its line that follows
/// punctuation or comes before it (`,’`, `’.`).
fn quoted_bytes(text: &str, style: &Style) -> usize {
    let mut total = 0;
    for line in text.lines() {
        let mut open = None;
        for (i, c) in line.char_indices() {
            if c == style.open
                && (style.open != style.close || open.is_none())
                && role(line, i, style) == Role::Open
            {
                open = Some(i);
                continue;
            }
            if c == style.close
                && matches!(
                    role(line, i, style),
                    Role::Close | Role::CloseAfterWord { before_word: false }
                )
            {
                if let Some(o) = open.take() {
                    total += i - o;
                }
            }
        }
    }
    total
}

/// How many bytes curly double marks span, an opening mark paired with
/// the next closing mark on its line (double marks are no apostrophes).
fn quoted_curly_doubles(text: &str) -> usize {
    let mut total = 0;
    for line in text.lines() {
        let mut open = None;
        for (i, c) in line.char_indices() {
            match c {
                '“' => open = Some(i),
                '”' => {
                    if let Some(o) = open.take() {
                        total += i - o;
                    }
                }
                _ => {}
            }
        }
    }
    total
}

/// How many bytes straight double marks span, paired by alternation on
/// each line.
fn quoted_straight(text: &str) -> usize {
    text.lines()
        .map(|line| {
            let marks: Vec<usize> = memchr::memchr_iter(b'"', line.as_bytes()).collect();
            marks.chunks_exact(2).map(|p| p[1] - p[0]).sum::<usize>()
        })
        .sum()
}

/// What a single mark is, by its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    /// After punctuation: `,’ she said`.
    Close,
    /// After a word, before a space or punctuation: a closing mark or a
    /// plural's apostrophe (`nurses’ union`), told apart by what follows.
    CloseAfterWord {
        before_word: bool,
    },
    /// An apostrophe: `don’t`, `’90s`, `’em`.
    Apostrophe,
}

/// The text with its quoting single and double marks traded, when single
/// marks open more quotes than double marks do and span no less of the
/// text; `None` otherwise.
pub(crate) fn swapped(text: &str) -> Option<String> {
    let (curly, straight) = count_single_opens(text);
    let style = if curly >= straight { CURLY } else { STRAIGHT };
    let singles = curly.max(straight);
    if singles == 0 || doubles_reach(text, singles) {
        return None;
    }
    // Single marks open more quotes, but those may be scare quotes and a
    // headline's in a US article whose speech is in double marks: the
    // style that quotes more of the text wins.
    if quoted_bytes(text, &style) < quoted_curly_doubles(text) + quoted_straight(text) {
        return None;
    }
    let mut out = text.to_string();
    // Each edit puts one character in the place of another of the same
    // length, so that every offset stays true.
    let mut edits: Vec<(usize, char)> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        swap_line(line, line_start, &style, &mut edits);
        line_start += line.len();
    }
    for (at, c) in edits {
        let old = text[at..].chars().next().map_or(0, char::len_utf8);
        debug_assert_eq!(old, c.len_utf8());
        let mut buf = [0; 4];
        out.replace_range(at..at + old, c.encode_utf8(&mut buf));
    }
    Some(out)
}

/// The report of the swapped text, made true of the original: quoted words
/// and names read from it, and the marks in messages and fixes written in
/// its style.
pub(crate) fn restore(original: &str, report: &mut Report) {
    let straight = !original.contains('‘');
    let mark = |s: &str| -> String {
        if straight {
            s.replace('"', "'")
        } else {
            s.replace('“', "‘").replace('”', "’")
        }
    };
    for q in &mut report.quotes {
        q.text = original[q.range.clone()].to_string();
    }
    for Issue { message, fix, .. } in &mut report.issues {
        *message = mark(message);
        if let Some(f) = fix {
            f.label = mark(&f.label);
            f.insert = mark(&f.insert);
        }
    }
}

/// How many curly and straight single marks open a quote, by their
/// neighbours: one memchr pass (`‘` is E2 80 98, found by its last byte).
fn count_single_opens(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut curly, mut straight) = (0, 0);
    for i in memchr::memchr2_iter(b'\'', 0x98, b) {
        if b[i] == 0x98 {
            if i >= 2
                && b[i - 2] == 0xE2
                && b[i - 1] == 0x80
                && role(text, i - 2, &CURLY) == Role::Open
            {
                curly += 1;
            }
            continue;
        }
        // Most straight marks are apostrophes inside words (`don't`): a
        // letter or digit before one settles it at once. And two straight
        // marks, `''`, stand for a double mark in some archives.
        let prev = i.checked_sub(1).map(|p| b[p]);
        if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == b'\'')
            || b.get(i + 1) == Some(&b'\'')
        {
            continue;
        }
        if role(text, i, &STRAIGHT) == Role::Open {
            straight += 1;
        }
    }
    (curly, straight)
}

/// Whether double marks open at least `n` quotes: `“`, and straight
/// double marks and `''` (a double mark in some archives) by halves. Stops
/// as soon as they do, which in most articles is soon.
fn doubles_reach(text: &str, n: usize) -> bool {
    let b = text.as_bytes();
    let (mut curly, mut halves) = (0, 0);
    // (`“` is E2 80 9C, found by its last byte.)
    for i in memchr::memchr3_iter(b'"', b'\'', 0x9C, b) {
        match b[i] {
            b'"' => halves += 1,
            b'\'' if b.get(i + 1) == Some(&b'\'') => halves += 1,
            0x9C if i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80 => curly += 1,
            _ => continue,
        }
        if curly + halves / 2 >= n {
            return true;
        }
    }
    false
}

/// Pairs the single marks of one line (`at` is its offset in the text) and
/// lists the edits that trade the quoting ones with double marks.
fn swap_line(line: &str, at: usize, style: &Style, edits: &mut Vec<(usize, char)>) {
    let marks: Vec<(usize, Role)> = line
        .char_indices()
        .filter(|&(_, c)| c == style.open || c == style.close)
        .map(|(i, _)| (i, role(line, i, style)))
        .collect();
    let mut open = false;
    for (k, &(i, r)) in marks.iter().enumerate() {
        let close = match r {
            Role::Open => {
                open = true;
                edits.push((at + i, style.dopen));
                continue;
            }
            Role::Apostrophe => false,
            Role::Close => open || !after_abbreviation(&line[..i]),
            Role::CloseAfterWord { before_word } => {
                // An apostrophe when a mark after punctuation closes the
                // quote later, before any new one opens (`the nurses’ union
                // …,’`, `goin’,’`); or, before a word that is no function
                // word, when it ends a plural (`the schools’ funding`): a
                // quote may run on from there, or have lost its closing
                // mark.
                let later_close = marks[k + 1..]
                    .iter()
                    .take_while(|m| m.1 != Role::Open)
                    .any(|m| m.1 == Role::Close);
                let word_before = &line[..i];
                let possessive_like =
                    before_word && word_before.ends_with('s') && !next_is_function_word(&line[i..]);
                // (Only a word that can end in an apostrophe: a plural's,
                // a dropped g, `’n’`. `‘relaxed’ about it. It is …,’` lost
                // the second quote's opening mark.)
                let last_word = word_before.rsplit(' ').next().unwrap_or("");
                let elided = word_before.ends_with('s')
                    || word_before.ends_with("in")
                    || last_word.starts_with(['\'', '’']);
                open && !(later_close && elided) && !possessive_like
            }
        };
        if close {
            open = false;
            edits.push((at + i, style.dclose));
        }
    }
    // The double marks inside become single marks.
    for (i, c) in line.char_indices() {
        if c == style.dopen {
            edits.push((at + i, style.open));
        } else if c == style.dclose {
            edits.push((at + i, style.close));
        }
    }
}

/// Whether the word after the mark that `rest` starts with (and a space)
/// is a function word, as after a closing mark: `‘ridiculous’ and`. (The
/// checker's list, and the prepositions, pronouns and cues it leaves out.)
fn next_is_function_word(rest: &str) -> bool {
    let word = rest
        .split(' ')
        .nth(1)
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    attrib::is_function_word(word)
        || matches!(
            word,
            "against"
                | "under"
                | "through"
                | "during"
                | "without"
                | "since"
                | "until"
                | "despite"
                | "across"
                | "he"
                | "she"
                | "they"
                | "said"
                | "says"
        )
}

/// `U.S.’ allies`: a full stop that ends an abbreviation, not a sentence.
fn after_abbreviation(before: &str) -> bool {
    let b = before.as_bytes();
    b.len() >= 3 && b[b.len() - 1] == b'.' && b[b.len() - 2].is_ascii_uppercase() && {
        b.len() == 3 || matches!(b[b.len() - 3], b'.' | b' ')
    }
}

/// What the single mark at byte `i` of `text` is.
fn role(text: &str, i: usize, style: &Style) -> Role {
    let c = text[i..].chars().next().unwrap_or(' ');
    let before = text[..i].chars().next_back();
    let rest = &text[i + c.len_utf8()..];
    let after = rest.chars().next();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space_like = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '“' | '"' | '*' | '_' | '>')
        })
    };
    if c == style.open && space_like(before) && after.is_some_and(|a| !a.is_whitespace()) {
        if !elision(rest) {
            return Role::Open;
        }
        return Role::Apostrophe;
    }
    if c != style.close || word(before) && word(after) || space_like(before) {
        return Role::Apostrophe;
    }
    if before.is_some_and(|b| {
        matches!(
            b,
            ',' | '.' | '!' | '?' | '…' | ';' | ':' | '—' | '–' | '”' | '"'
        )
    }) {
        return Role::Close;
    }
    // After a word: before a space and a word, or before punctuation.
    let before_word = after == Some(' ') && rest[1..].starts_with(char::is_alphanumeric);
    if after.is_none_or(|a| {
        a.is_whitespace() || a.is_ascii_punctuation() || matches!(a, '—' | '–' | '…')
    }) {
        return Role::CloseAfterWord { before_word };
    }
    Role::Apostrophe
}

/// A word whose opening apostrophe stands for lost letters: `’90s`,
/// `’em`, `’til`, `’n’`.
fn elision(rest: &str) -> bool {
    let b = rest.as_bytes();
    if b.len() >= 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b's' {
        return true;
    }
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let (word, after) = rest.split_at(end);
    let word = word.to_ascii_lowercase();
    // (`’n’` of `rock ’n’ roll` closes itself.)
    (word == "n" && after.starts_with(['’', '\'']))
        || (matches!(word.as_str(), "em" | "til" | "tis" | "twas")
            && !after.starts_with(['’', '\'']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_stay_and_quoting_marks_trade_places() {
        let cases = [
            // Opening and closing marks, a plural's apostrophe, `’90s`.
            (
                "‘The nurses’ union, since the ’90s,’ she said.",
                Some("“The nurses’ union, since the ’90s,” she said."),
            ),
            // A term closed after a word; a quote within a quote.
            (
                "It was ‘generous’ and ‘called “an insult” by some.’",
                Some("It was “generous” and “called ‘an insult’ by some.”"),
            ),
            (
                "'Rock 'n' roll,' he said.",
                Some("\"Rock 'n' roll,\" he said."),
            ),
            // A mark after a word that ends in no apostrophe closes: the
            // next quote lost its opening mark.
            (
                "She was ‘relaxed’ about it. It is what peers do,’ a source said.",
                Some("She was “relaxed” about it. It is what peers do,” a source said."),
            ),
            // Double marks quote more often: nothing changes.
            ("“It is ‘fine’,” she said. “Really.”", None),
            // Two straight marks for a double mark (some archives).
            ("He said, ''It's 'fine' now.''", None),
            ("No quotes at all, and it’s fine.", None),
        ];
        for (text, want) in cases {
            assert_eq!(swapped(text).as_deref(), want, "{text}");
        }
    }
}
