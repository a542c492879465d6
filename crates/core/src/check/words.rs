//! Words and punctuation of a small window of text, and name shapes. The
//! attribution rules read tokens around one quote at a time, never the
//! whole text.

use std::ops::Range;

use super::lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// A word (letters or digits), else one punctuation character.
    pub word: bool,
}

impl Tok {
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// Abbreviations whose full stop belongs to the word.
pub(crate) fn keeps_dot(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Jr"
            | "Sr"
            | "St"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Prof"
            | "Rev"
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
            | "Mt"
            | "Ft"
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
    ) || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character at byte `i` and its length, fast for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or('\u{fffd}');
        (c, c.len_utf8())
    }
}

/// Tokenises `text[range]` (a range on character boundaries).
pub(crate) fn tokens(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    let end = range.end;
    let mut i = range.start;
    while i < end {
        let (c, len) = char_at(text, i);
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
            let (d, dl) = char_at(text, e);
            if is_word_char(d) {
                e += dl;
            } else if matches!(d, '\'' | '’' | '-' | '.' | '‑') {
                // A joiner inside a word: Russia's, al-Sharaa, U.S.
                let after = e + dl;
                if after < end && is_word_char(char_at(text, after).0) {
                    e = after;
                } else {
                    if d == '.' && (keeps_dot(&text[start..e]) || text[start..e].contains('.')) {
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
}

pub(crate) fn is_capitalised(w: &str) -> bool {
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

/// Strips a possessive ending ("Russia’s" → "Russia").
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

/// Whether a token can be part of a name sequence.
pub(crate) fn nameish(w: &str) -> bool {
    is_capitalised(w) || lexicon::is_particle(w)
}

/// Whether an all-capitals word could be a transcript speaker label.
pub(crate) fn is_all_caps(w: &str) -> bool {
    w.len() >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '\'' || c == '.')
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

/// The last word before byte `pos` on the same line, skipping spaces.
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<Range<usize>> {
    let s = &text[..pos];
    let t = s.trim_end_matches([' ', '\u{a0}']);
    let end = t.len();
    let start = t
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c) || matches!(c, '-' | '.' | '’' | '\''))
        .last()
        .map(|(i, _)| i)?;
    let mut start = start;
    // Do not swallow a leading hyphen or full stop.
    while start < end && !text[start..].starts_with(is_word_char) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    (start < end).then_some(start..end)
}
