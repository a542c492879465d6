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

/// Tokenises `text[range]`.
pub(crate) fn tokens(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    let s = &text[range.clone()];
    let base = range.start;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() || c == '*' || c == '_' {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '\'' | '’' | '-' | '.' | '‑') {
                    // A joiner inside a word: Russia's, al-Sharaa, U.S.
                    let after = s[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(is_word_char) {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        if d == '.' && (keeps_dot(&s[i..end]) || s[i..end].contains('.')) {
                            end = j + 1;
                            it.next();
                        }
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: base + i,
                end: base + end,
                word: true,
            });
        } else {
            out.push(Tok {
                start: base + i,
                end: base + i + c.len_utf8(),
                word: false,
            });
        }
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
