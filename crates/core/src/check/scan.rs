//! One pass over the bytes: blocks (paragraphs, headings, list items) and the
//! double quotation marks in them, skipping Markdown code, link targets and
//! HTML tags, then pairing the marks into quoted spans.

use std::ops::Range;

/// What kind of Markdown block a stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Para,
    Heading,
    Item,
}

#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub range: Range<usize>,
    pub kind: BlockKind,
}

/// How the context around a mark says it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    pub pos: usize,
    pub len: usize,
    pub straight: bool,
    role: Role,
}

/// A quoted span found by pairing marks within one block.
#[derive(Debug, Clone)]
pub(crate) struct Span {
    /// The opening mark, if there is one.
    pub open: Option<Range<usize>>,
    /// The closing mark, if there is one.
    pub close: Option<Range<usize>>,
    /// The quoted words without marks, trimmed.
    pub inner: Range<usize>,
    pub block: usize,
    /// No opening mark: it belongs at `inner.start`.
    pub missing_open: bool,
    /// Opened and never closed, and the next block does not continue it.
    pub missing_close: bool,
    /// Runs on into the next block by the newswire convention.
    pub continues: bool,
    /// Continues a quote from the previous block.
    pub continued: bool,
}

/// The scan of a whole text.
pub(crate) struct Scan {
    pub blocks: Vec<Block>,
    pub spans: Vec<Span>,
    pub straight_marks: Vec<usize>,
    pub curly_marks: Vec<usize>,
}

/// Bytes that may start something the scanner cares about.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[0xE2] = true;
    t[b'`' as usize] = true;
    t[b'<' as usize] = true;
    t[b']' as usize] = true;
    t
};

pub(crate) fn scan(text: &str) -> Scan {
    let blocks = split_blocks(text);
    // Sized for news text (a quote mark every few hundred bytes) so that
    // they seldom grow: growing copies them, and a 20,000-word article
    // has hundreds of each.
    let mut spans = Vec::with_capacity(text.len() / 256 + 1);
    let mut straight_marks = Vec::with_capacity(text.len() / 256 + 1);
    let mut curly_marks = Vec::with_capacity(text.len() / 256 + 1);
    let mut marks: Vec<Mark> = Vec::new();
    let mut next_marks: Vec<Mark> = Vec::new();
    let mut continued = false;
    if let Some(b) = blocks.first() {
        find_marks(text, b.range.clone(), &mut next_marks);
    }
    for bi in 0..blocks.len() {
        std::mem::swap(&mut marks, &mut next_marks);
        next_marks.clear();
        if let Some(nb) = blocks.get(bi + 1) {
            find_marks(text, nb.range.clone(), &mut next_marks);
        }
        for m in &marks {
            if m.straight {
                straight_marks.push(m.pos);
            } else {
                curly_marks.push(m.pos);
            }
        }
        // The next block opens with a quote mark, by the newswire rule for
        // a quote that runs on; or its first mark closes a quote it never
        // opened: one lost opening mark then explains both blocks, where a
        // lost closing mark here would leave its closing mark unexplained.
        let next_opens = next_marks.first().is_some_and(|m| {
            m.role == Role::Close || text[blocks[bi + 1].range.start..m.pos].trim().is_empty()
        });
        continued = pair_block(text, &blocks, bi, &marks, next_opens, continued, &mut spans);
    }
    Scan {
        blocks,
        spans,
        straight_marks,
        curly_marks,
    }
}

/// Splits the text into blocks at blank lines; headings and list items are
/// blocks of their own; fenced code is skipped.
fn split_blocks(text: &str) -> Vec<Block> {
    let bytes = text.as_bytes();
    // News paragraphs run to a few hundred bytes.
    let mut blocks = Vec::with_capacity(text.len() / 128 + 1);
    let mut cur: Option<(usize, usize, BlockKind)> = None;
    let mut fence: Option<(u8, usize)> = None;
    let mut pos = 0;
    while pos < bytes.len() {
        let line_end = memchr_nl(bytes, pos);
        let line = &text[pos..line_end];
        let next = if line_end < bytes.len() {
            line_end + 1
        } else {
            line_end
        };
        let trimmed = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - trimmed.len();
        let fence_mark = fence_of(trimmed);
        if let Some((ch, n)) = fence {
            if indent < 4 && fence_mark.is_some_and(|(c, m)| c == ch && m >= n) {
                fence = None;
            }
            pos = next;
            continue;
        }
        if indent < 4 {
            if let Some(f) = fence_mark {
                if let Some(b) = cur.take() {
                    blocks.push(Block {
                        range: b.0..b.1,
                        kind: b.2,
                    });
                }
                fence = Some(f);
                pos = next;
                continue;
            }
        }
        let content_end = pos + line.trim_end().len();
        if trimmed.trim_end().is_empty() {
            if let Some(b) = cur.take() {
                blocks.push(Block {
                    range: b.0..b.1,
                    kind: b.2,
                });
            }
        } else {
            let start = pos + indent;
            let own = if is_heading(trimmed) {
                Some(BlockKind::Heading)
            } else if is_item(trimmed) {
                Some(BlockKind::Item)
            } else {
                None
            };
            match (own, cur.as_mut()) {
                (Some(kind), _) => {
                    if let Some(b) = cur.take() {
                        blocks.push(Block {
                            range: b.0..b.1,
                            kind: b.2,
                        });
                    }
                    if kind == BlockKind::Heading {
                        blocks.push(Block {
                            range: start..content_end,
                            kind,
                        });
                    } else {
                        cur = Some((start, content_end, kind));
                    }
                }
                (None, Some(b)) => b.1 = content_end,
                (None, None) => cur = Some((start, content_end, BlockKind::Para)),
            }
        }
        pos = next;
    }
    if let Some(b) = cur.take() {
        blocks.push(Block {
            range: b.0..b.1,
            kind: b.2,
        });
    }
    blocks
}

fn memchr_nl(bytes: &[u8], from: usize) -> usize {
    memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i)
}

fn fence_of(line: &str) -> Option<(u8, usize)> {
    let b = line.as_bytes();
    let ch = *b.first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let n = b.iter().take_while(|&&c| c == ch).count();
    (n >= 3).then_some((ch, n))
}

fn is_heading(line: &str) -> bool {
    let n = line.bytes().take_while(|&c| c == b'#').count();
    (1..=6).contains(&n)
        && line
            .as_bytes()
            .get(n)
            .is_none_or(|&c| c == b' ' || c == b'\t')
}

fn is_item(line: &str) -> bool {
    let b = line.as_bytes();
    match b.first() {
        Some(b'-' | b'*' | b'+') => b.get(1) == Some(&b' '),
        Some(c) if c.is_ascii_digit() => {
            let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
            n <= 9 && matches!(b.get(n), Some(b'.' | b')')) && b.get(n + 1) == Some(&b' ')
        }
        _ => false,
    }
}

/// Collects the double quotation marks of one block, skipping code spans,
/// HTML tags and link destinations.
fn find_marks(text: &str, range: Range<usize>, out: &mut Vec<Mark>) {
    let bytes = text.as_bytes();
    let end = range.end;
    let mut i = range.start;
    // The next `<` or `]` at or after `i`: rarer than the other three, so
    // looked for only once `i` has passed the last one found.
    let mut next_rare = memchr::memchr2(b'<', b']', &bytes[i..end]).map_or(end, |k| i + k);
    while i < end {
        // Jump to the next byte of interest (SIMD search).
        if next_rare < i {
            next_rare = memchr::memchr2(b'<', b']', &bytes[i..end]).map_or(end, |k| i + k);
        }
        let next =
            memchr::memchr3(b'"', 0xE2, b'`', &bytes[i..next_rare]).map_or(next_rare, |k| i + k);
        if next >= end {
            break;
        }
        i = next;
        let b = bytes[i];
        debug_assert!(INTERESTING[b as usize]);
        match b {
            b'"' => {
                if !is_inch(bytes, i) {
                    out.push(Mark {
                        pos: i,
                        len: 1,
                        straight: true,
                        role: role_of(text, range.clone(), i, 1, None),
                    });
                }
                i += 1;
            }
            0xE2 if i + 2 < end && bytes[i + 1] == 0x80 => {
                let glyph = match bytes[i + 2] {
                    0x9C => Some(Role::Open),
                    0x9D => Some(Role::Close),
                    0x9E => Some(Role::Open),
                    _ => None,
                };
                if let Some(g) = glyph {
                    out.push(Mark {
                        pos: i,
                        len: 3,
                        straight: false,
                        role: role_of(text, range.clone(), i, 3, Some(g)),
                    });
                }
                i += 3;
            }
            b'`' => {
                let n = bytes[i..end].iter().take_while(|&&c| c == b'`').count();
                i = match find_backticks(&bytes[i + n..end], n) {
                    Some(j) => i + n + j + n,
                    None => i + n,
                };
            }
            b'<' => {
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                if next.is_ascii_alphabetic() || next == b'/' || next == b'!' {
                    match bytes[i..end].iter().position(|&c| c == b'>') {
                        Some(j) => i += j + 1,
                        None => i += 1,
                    }
                } else {
                    i += 1;
                }
            }
            b']' => {
                if bytes.get(i + 1) == Some(&b'(') && i + 1 < end {
                    match bytes[i + 1..end]
                        .iter()
                        .position(|&c| c == b')' || c == b'\n')
                    {
                        Some(j) if bytes[i + 1 + j] == b')' => i += j + 2,
                        _ => i += 1,
                    }
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
}

/// Where a run of exactly `n` backticks starts in `hay`.
fn find_backticks(hay: &[u8], n: usize) -> Option<usize> {
    let mut i = 0;
    while i < hay.len() {
        if hay[i] == b'`' {
            let m = hay[i..].iter().take_while(|&&c| c == b'`').count();
            if m == n {
                return Some(i);
            }
            i += m;
        } else {
            i += 1;
        }
    }
    None
}

/// A straight double mark after feet and inches (6'3") is not a quote mark.
fn is_inch(bytes: &[u8], i: usize) -> bool {
    if i == 0 || !bytes[i - 1].is_ascii_digit() {
        return false;
    }
    let mut j = i - 1;
    while j > 0 && bytes[j].is_ascii_digit() {
        j -= 1;
    }
    bytes[j] == b'\'' && j > 0 && bytes[j - 1].is_ascii_digit()
}

/// Markdown emphasis and similar markers that do not change what a quote
/// mark means.
fn is_transparent(c: char) -> bool {
    matches!(c, '*' | '_' | '~')
}

fn left_space_like(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '“'
                        | '‘'
                        | '\''
                        | '"'
                        | '―'
                        | '…'
                        | '>'
                )
        }
    }
}

fn right_space_like(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '…'
                        | '’'
                        | '\''
                        | '"'
                        | '”'
                        | '―'
                        | '<'
                )
        }
    }
}

fn role_of(text: &str, block: Range<usize>, pos: usize, len: usize, glyph: Option<Role>) -> Role {
    // Emphasis runs are short; a long run of markers is not worth reading.
    let before = text[block.start..pos]
        .chars()
        .rev()
        .take(16)
        .find(|&c| !is_transparent(c));
    let after = text[pos + len..block.end]
        .chars()
        .take(16)
        .find(|&c| !is_transparent(c));
    if pos == block.start {
        return Role::Open;
    }
    if pos + len == block.end {
        return Role::Close;
    }
    let l = left_space_like(before);
    let r = right_space_like(after);
    match (l, r) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => glyph.unwrap_or(Role::Either),
    }
}

/// Pairs the marks of block `bi`. Returns whether the block's last quote
/// runs on into the next block.
fn pair_block(
    text: &str,
    blocks: &[Block],
    bi: usize,
    marks: &[Mark],
    next_opens: bool,
    continued_in: bool,
    out: &mut Vec<Span>,
) -> bool {
    let block = blocks[bi].range.clone();
    let mut open: Option<Mark> = None;
    // Where a quote missing its opening mark would start.
    let mut last_close_end: Option<usize> = None;
    for &m in marks {
        let role = match m.role {
            Role::Either => {
                if open.is_some() {
                    Role::Close
                } else {
                    Role::Open
                }
            }
            r => r,
        };
        match role {
            Role::Open => {
                if let Some(o) = open.take() {
                    // Opened again before the first was closed.
                    push_span(
                        text,
                        out,
                        bi,
                        Some(o),
                        None,
                        o.pos + o.len..m.pos,
                        false,
                        true,
                        false,
                        false,
                    );
                }
                open = Some(m);
            }
            _ => match open.take() {
                Some(o) => {
                    let cont = marks.first().is_some_and(|f| f.pos == o.pos)
                        && continued_in
                        && text[block.start..o.pos].trim().is_empty();
                    push_span(
                        text,
                        out,
                        bi,
                        Some(o),
                        Some(m),
                        o.pos + o.len..m.pos,
                        false,
                        false,
                        false,
                        cont,
                    );
                    last_close_end = Some(m.pos + m.len);
                }
                None => {
                    let start = match last_close_end {
                        None => narration_end(text, block.start, m.pos, m.pos + m.len)
                            .or_else(|| {
                                unnamed_narration_end(text, block.start, m.pos, m.pos + m.len)
                            })
                            .or_else(|| after_cue_colon(text, block.start, m.pos))
                            .unwrap_or(block.start),
                        Some(e) => after_cue_colon(text, e, m.pos)
                            .unwrap_or_else(|| sentence_start_after(text, e, m.pos)),
                    };
                    push_span(
                        text,
                        out,
                        bi,
                        None,
                        Some(m),
                        start..m.pos,
                        true,
                        false,
                        false,
                        false,
                    );
                    last_close_end = Some(m.pos + m.len);
                }
            },
        }
    }
    if let Some(o) = open {
        let cont_in =
            marks.len() == 1 && continued_in && text[block.start..o.pos].trim().is_empty();
        push_span(
            text,
            out,
            bi,
            Some(o),
            None,
            o.pos + o.len..block.end,
            false,
            !next_opens,
            next_opens,
            cont_in,
        );
        return next_opens;
    }
    false
}

#[allow(clippy::too_many_arguments)]
fn push_span(
    text: &str,
    out: &mut Vec<Span>,
    block: usize,
    open: Option<Mark>,
    close: Option<Mark>,
    inner: Range<usize>,
    missing_open: bool,
    missing_close: bool,
    continues: bool,
    continued: bool,
) {
    let inner = trim_range(text, inner);
    out.push(Span {
        open: open.map(|m| m.pos..m.pos + m.len),
        close: close.map(|m| m.pos..m.pos + m.len),
        inner,
        block,
        missing_open,
        missing_close,
        continues,
        continued,
    });
}

/// Trims white space and emphasis markers from both ends of a range.
pub(crate) fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || is_transparent(c));
    let start = r.start + (s.len() - t.len());
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || is_transparent(c));
    start..start + t.len()
}

/// Where a quote that lost its opening mark starts, when its paragraph
/// opens with the writer's own sentence: one that names, in the third
/// person, the speaker the attribution after the closing mark names
/// (`According to Hale, the budget is stretched. The city can’t afford
/// it,” Hale said.`). A speaker does not name himself so, so the quote
/// starts at the first sentence after the last such mention. Not a
/// mention with another first name (`My father, Tom Doyle, …” Anna Doyle
/// said`: a relative), nor one in a sentence that says "I" or "we", which
/// is the speaker's. `from..close` is the paragraph up to the closing
/// mark, which ends at `after`.
fn narration_end(text: &str, from: usize, close: usize, after: usize) -> Option<usize> {
    let (first, surname) = attributed_name(&text[after..])?;
    let before = &text[from..close];
    let at = before
        .match_indices(surname)
        .map(|(i, _)| i)
        .filter(|&i| {
            let prev = before[..i].chars().next_back();
            let next = before[i + surname.len()..].chars().next();
            !prev.is_some_and(char::is_alphanumeric) && !next.is_some_and(char::is_alphanumeric)
        })
        .filter(|&i| {
            // The word before: a first name must be the speaker's, when
            // the attribution gives one.
            let lead = before[..i]
                .trim_end_matches(' ')
                .rsplit([' ', '\n'])
                .next()
                .unwrap_or("");
            let named = lead.chars().next().is_some_and(char::is_uppercase)
                && lead.chars().all(char::is_alphabetic)
                && !super::lexicon::is_title_word(lead)
                && !matches!(lead, "According" | "To" | "By" | "With" | "For");
            !named || first.is_none_or(|f| f == lead)
        })
        .filter(|&i| !first_person(sentence_around(before, i)))
        .last()?;
    let end = from + at + surname.len();
    let start = sentence_start_after(text, end, close);
    (start > end).then_some(start)
}

/// Where a quote that lost its opening mark starts when the attribution
/// after the closing mark names no one (`he said`, `the source said`) and
/// the paragraph opens with the writer's sentences about a speaker: the
/// first sentence after the last one whose subject, anything but a
/// pronoun, is followed by a cue (`Lund said the union had asked. The
/// office has not replied,” she said.`), or a name by "was" (`Kessler,
/// asked to respond, was blunt.`). Not a sentence that says "I" or "we".
fn unnamed_narration_end(text: &str, from: usize, close: usize, after: usize) -> Option<usize> {
    let rest = text[after..].trim_start_matches([',', ' ']);
    let mut words = rest.split_whitespace().take(4);
    let first = words.next()?;
    let cue = |w: &str| super::lexicon::cue(w.trim_end_matches([',', '.'])).is_some();
    let unnamed = match first {
        "he" | "she" | "they" | "He" | "She" | "They" => words.next().is_some_and(cue),
        "the" | "a" | "an" => words.any(cue),
        _ => false,
    };
    if !unnamed {
        return None;
    }
    let before = &text[from..close];
    // Each sentence but the last, which holds the closing mark.
    let mut start = 0;
    let mut end = None;
    let mut from_here = 0;
    while let Some(i) = before[from_here..].find(". ").map(|i| from_here + i + 2) {
        from_here = i;
        // A full stop before a lower-case word ends no sentence: `its U.S.
        // plants`.
        if !before[i..].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        if narrates(&before[start..i]) {
            end = Some(i);
        }
        start = i;
    }
    end.map(|e| from + e)
}

/// Whether `sentence` is the writer's about someone: its first words, but
/// a pronoun, come before a cue, or a name before "was".
fn narrates(sentence: &str) -> bool {
    if first_person(sentence) {
        return false;
    }
    let ws: Vec<&str> = sentence
        .split_whitespace()
        .take(12)
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .collect();
    let Some(lead) = ws.first() else {
        return false;
    };
    // Any subject but a pronoun (`Another resident, Marcus Delacroix, 61,
    // said`), before a cue; a name before "was".
    let capital = lead.chars().next().is_some_and(char::is_uppercase)
        && super::lexicon::pronoun(lead).is_none()
        && !matches!(*lead, "We" | "I" | "You");
    let named = capital && !super::lexicon::is_name_stop(lead);
    // A full name and a verb in the past tense right after it: `Linda
    // Kowalczyk leaned over.` (Not `Dad worked there`, `Everything
    // changed`.)
    let acted = named
        && ws.len() > 2
        && ws[1].starts_with(char::is_uppercase)
        && !super::lexicon::is_name_stop(ws[1])
        && ws[2].len() > 4
        && ws[2].ends_with("ed");
    capital
        && (acted
            || ws[1..]
                .iter()
                .any(|w| super::lexicon::cue(w).is_some() || (named && matches!(*w, "was" | "is"))))
}

/// The sentence of `s` around byte `at`: from after the last `. ` before
/// it to the next one.
fn sentence_around(s: &str, at: usize) -> &str {
    let start = s[..at].rfind(". ").map_or(0, |i| i + 2);
    let end = s[at..].find(". ").map_or(s.len(), |i| at + i);
    &s[start..end]
}

/// Whether `s` has a word of the first person: a speaker's, not a writer's.
fn first_person(s: &str) -> bool {
    s.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .any(|w| {
            matches!(
                w,
                "I" | "I’m" | "I'm" | "my" | "My" | "me" | "we" | "We" | "our" | "Our" | "us"
            )
        })
}

/// The name in an attribution that opens `rest` (`Hale said`, `Oliver Hale
/// told`, `said Hale`), which is what follows a closing mark: its first
/// name, when it has one, and its last word. `None` for a pronoun or
/// anything else.
fn attributed_name(rest: &str) -> Option<(Option<&str>, &str)> {
    let rest = rest.trim_start_matches([',', ' ']);
    let words: Vec<&str> = rest
        .split_whitespace()
        .take(6)
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .collect();
    let name = |w: &&&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && super::lexicon::pronoun(w).is_none()
            && !matches!(**w, "We" | "I" | "You")
    };
    let cue = |w: &str| super::lexicon::cue(w).is_some();
    let run = if words.first().is_some_and(|w| cue(w)) {
        // `said Hale`
        &words[1..1 + words[1..].iter().take_while(name).count()]
    } else {
        // `Hale said`, `Oliver Hale told`
        let n = words.iter().take_while(name).count();
        if !words.get(n).is_some_and(|w| cue(w)) {
            return None;
        }
        &words[..n]
    };
    // A title is no first name: `Ms. Okafor said`.
    let run = &run[run
        .iter()
        .take_while(|w| {
            super::lexicon::is_title_word(&format!("{w}.")) || super::lexicon::is_title_word(w)
        })
        .count()
        .min(run.len().saturating_sub(1))..];
    let (last, rest) = run.split_last()?;
    Some((rest.first().copied(), last))
}

/// Where a quote that lost its opening mark starts after a short clause
/// that ends in a cue and a colon: `Kowalczyk said: Our constituents
/// deserve answers.”` starts at `Our`.
fn after_cue_colon(text: &str, from: usize, limit: usize) -> Option<usize> {
    let s = &text[from..limit];
    let colon = s.rfind(": ")?;
    // (The colon's own sentence: `…,” Rao said. Dr. Iyer told reporters:
    // The meeting …”`.)
    let clause = &s[s[..colon].rfind(". ").map_or(0, |i| i + 2)..colon];
    let rest = &s[colon + 2..];
    // (`said:`, `told reporters:`.)
    let cue = clause
        .rsplit(' ')
        .take(3)
        .any(|w| super::lexicon::cue(w).is_some());
    (cue && clause.split(' ').count() <= 12 && rest.starts_with(|c: char| c.is_uppercase()))
        .then_some(limit - rest.len())
}

/// The first sentence start after `from` and before `limit` (after a full
/// stop and space followed by a capital or a digit), else `from`.
fn sentence_start_after(text: &str, from: usize, limit: usize) -> usize {
    let s = &text[from..limit];
    let b = s.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1) == Some(&b' ') {
            // Not an abbreviation's full stop: `said Gen. Tariq Mansour`,
            // `J. Smith`.
            if b[i] == b'.' {
                let word = s[..i].rsplit(' ').next().unwrap_or("");
                let initial = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
                if initial || super::words::keeps_dot(word) {
                    continue;
                }
            }
            let rest = s[i + 1..].trim_start();
            if rest
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                return limit - rest.len();
            }
        }
    }
    from
}
