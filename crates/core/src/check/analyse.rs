//! Turns the scanned quote spans into the report: classifies each quote,
//! attributes speech to a speaker, and raises the issues.

use std::ops::Range;
use std::rc::Rc;

use super::attrib::{self, Found, HashSet, Mention, MentionKind, Names};
use super::lexicon::{self, Gender};
use super::scan::{self, Span};
use super::words::{self, Tok};
use super::{Fix, Issue, Quote, QuoteKind, Report, Severity, Speaker};

/// How far back (in bytes) a pronoun looks for the person it refers to.
const PRONOUN_WINDOW: usize = 1500;

/// How far back (in bytes) the sentence before a quote is read.
const BEFORE_WINDOW: usize = 600;

/// The speaker of an earlier quote, for continuation and pronouns, read
/// from that quote in the report rather than copied for every quote.
struct Last<'q> {
    name: &'q str,
    block: usize,
    end: usize,
    /// The mention that named the speaker, for the quotes that continue.
    mention: Option<(&'q str, Range<usize>)>,
}

/// Who the checker has met as a speaker so far.
#[derive(Default)]
struct Seen {
    /// Names that have named a quote's speaker.
    introduced: HashSet<String>,
    /// Every quote's speaker so far, however named.
    quoted: HashSet<String>,
}

pub(crate) fn run(text: &str) -> Report {
    let mut sc = scan::scan(text);
    // A quote that would run on into the next paragraph by the newswire
    // rule, but ends its own with its attribution (`“So anyone could buy
    // one, Oduya asked.`), lost its closing mark: it does not run on.
    for i in 0..sc.spans.len() {
        if sc.spans[i].continues && ends_with_attribution(text, sc.spans[i].inner.clone()) {
            sc.spans[i].continues = false;
            sc.spans[i].missing_close = true;
            if let Some(n) = sc.spans.get_mut(i + 1) {
                n.continued = false;
            }
        }
    }
    let mut names = Names::new(
        text,
        sc.spans.iter().map(|s| s.inner.clone()).collect(),
        sc.blocks.iter().map(|b| b.range.clone()).collect(),
    );
    let mut report = Report::default();
    report.quotes.reserve(sc.spans.len());
    // The last quote with a speaker: its index, block and end.
    let mut last_at: Option<(usize, usize, usize)> = None;
    let mut seen = Seen::default();
    let mut quote_spans: Vec<usize> = Vec::with_capacity(sc.spans.len());
    // The word count of each quote, for the speaker totals.
    let mut quote_words: Vec<usize> = Vec::with_capacity(sc.spans.len());
    // Whether each quote's speaker was only carried on from a quote before.
    let mut carried: Vec<bool> = Vec::with_capacity(sc.spans.len());
    // The speakers named by an indefinite noun phrase (`a hospital
    // spokesperson`), the last quoted last.
    let mut indefinite: Vec<(String, usize)> = Vec::new();

    for (si, sp) in sc.spans.iter().enumerate() {
        if sp.inner.is_empty() {
            continue;
        }
        let last = last_at.and_then(|(qi, block, end)| {
            let q = &report.quotes[qi];
            Some(Last {
                name: q.speaker.as_deref()?,
                block,
                end,
                mention: q.speaker_mention.as_deref().zip(q.speaker_range.clone()),
            })
        });
        // An unclosed quote with its attribution inside (`“Nobody came, said
        // Reilly.`): the closing mark belongs before the attribution.
        let split;
        let sp = match sp
            .missing_close
            .then(|| {
                let narration =
                    close_before_narration(text, sc.blocks[sp.block].range.start, sp.inner.clone());
                match (close_point(text, sp.inner.clone()), narration) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            })
            .flatten()
        {
            Some(at) => {
                split = Span {
                    inner: sp.inner.start..at,
                    close: Some(at..at),
                    ..sp.clone()
                };
                &split
            }
            None => sp,
        };
        let block = &sc.blocks[sp.block];
        names.prepare(sp.block);
        let prev_same = si
            .checked_sub(1)
            .map(|i| &sc.spans[i])
            .filter(|p| p.block == sp.block);
        let next_same = sc.spans.get(si + 1).filter(|n| n.block == sp.block);
        let before_end = sp.open.as_ref().map_or(sp.inner.start, |o| o.start);
        // The sentence before the quote, back across earlier quotes in the
        // same block (their words removed): `“A,” he said, “B.”`.
        let before_start = words::ceil_boundary(
            text,
            block
                .range
                .start
                .max(before_end.saturating_sub(BEFORE_WINDOW)),
        );
        let _ = prev_same;
        let after_start = span_end(sp);
        let after_end = next_same
            .map_or(block.range.end, span_start)
            .max(after_start);
        // Plain text's single line break after a finished sentence ends a
        // paragraph: the next line's words do not attribute this quote. (A
        // line that goes on in lower case is a wrapped sentence.)
        let after_end = match memchr::memchr(b'\n', &text.as_bytes()[after_start..after_end]) {
            Some(nl)
                if {
                    let line = text[..after_start + nl].trim_end();
                    let line = line.strip_suffix(['”', '"']).unwrap_or(line);
                    line.ends_with(['.', '!', '?'])
                        && !text[after_start + nl..]
                            .trim_start()
                            .starts_with(char::is_lowercase)
                } =>
            {
                after_start + nl
            }
            _ => after_end,
        };

        // Words of earlier quotes in the window are left out.
        let window =
            names.window_outside_quotes(sp.block, before_start..before_end.max(before_start));
        // An earlier quote that ends its sentence (`“… smart.” Trump
        // was …`) took the full stop with it: the quote's sentence
        // starts after it.
        let mut k = si;
        while k > 0
            && sc.spans[k - 1].block == sp.block
            && span_end(&sc.spans[k - 1]) > before_start
        {
            k -= 1;
        }
        let cut = sc.spans[k..si]
            .iter()
            .rev()
            .find(|e| {
                let end = span_end(e);
                text[e.inner.clone()]
                    .trim_end_matches(['*', '_'])
                    .ends_with(['.', '!', '?'])
                    && window
                        .iter()
                        .find(|t| t.start >= end)
                        .is_some_and(|t| t.word && words::is_capitalised(&text[t.range()]))
            })
            .map(span_end);
        let toks: &[Tok] = match cut {
            Some(c) => &window[window.partition_point(|t| t.start < c)..],
            None => &window,
        };
        let fb = attrib::before(text, toks);
        let fs = attrib::sentence_subject(text, toks);
        let woven = writer_sentence(text, toks) && !fb.has_cue;
        let before_words = toks.iter().filter(|t| t.word).count();
        // Plain text often breaks paragraphs with a single newline, which
        // stays inside one block: the words on the quote's own line.
        let line_start = text[before_start..before_end.max(before_start)]
            .rfind('\n')
            .map_or(0, |i| before_start + i + 1);
        let line_words = toks
            .iter()
            .filter(|t| t.word && t.start >= line_start)
            .count();
        let prev_tok = toks
            .iter()
            .rev()
            .find(|t| !matches!(&text[t.range()], "," | ":" | "*" | "_"));
        let prev_word = prev_tok.filter(|t| t.word).map(|t| &text[t.range()]);
        // The word before the quote's last word: `labeled` in `a category
        // labeled “…”`, `first` in `She first read “…”`.
        let word_before = toks
            .iter()
            .rev()
            .filter(|t| t.word)
            .nth(1)
            .map(|t| &text[t.range()]);
        // A label, not speech: `a category labeled “local familiarity”`.
        // (Not `what lawmakers called “fraud”` or `her “criminal” attempt`:
        // a word of someone's is theirs, as the development set has it.)
        let term = matches!(prev_word, Some("labeled" | "labelled" | "stamped"))
            && word_before.is_some_and(|w| {
                w.starts_with(|c: char| c.is_lowercase())
                    && !lexicon::is_aux(w)
                    && lexicon::pronoun(w).is_none()
            });
        // `Ruiz summed up the drama: “…”`: after a cue and a colon, the
        // word before names a title's kind only for a title in Title Case
        // (below).
        let colon_before = toks
            .iter()
            .rev()
            .find(|t| !matches!(&text[t.range()], "*" | "_"))
            .is_some_and(|t| &text[t.range()] == ":");
        let after_stop = prev_tok.is_some_and(|t| is_terminator_tok(text, t));
        // A name given just before: `a report titled “…”`, `the festival,
        // known locally as “…”`.
        let before_titled = toks.iter().rev().take(3).any(|t| {
            matches!(
                &text[t.range()],
                "titled" | "entitled" | "headlined" | "nicknamed" | "named"
            ) || (prev_word == Some("as") && &text[t.range()] == "known")
        });
        // A work called by its name: `a cable show called “Heartland
        // Tonight,”`.
        // A song sung or played by its name: `The crowd sang “Holler for
        // the Tigers”`.
        let sung = matches!(
            prev_word,
            Some("sang" | "sing" | "sings" | "played" | "performed")
        );
        // A work read, watched or published in: `She first read
        // “Middlemarch”`, `published in “The Lancet”`.
        // (Someone reads it: not `The sign read “Keep Out.”`, `the
        // statement read: “…”`.)
        let reader = word_before.is_some_and(|w| {
            lexicon::pronoun(w).is_some()
                || matches!(
                    w,
                    "first" | "once" | "never" | "also" | "had" | "has" | "have"
                )
                || (words::is_capitalised(w) && !lexicon::is_name_stop(w))
        });
        let read = (matches!(
            prev_word,
            Some("read" | "reads" | "reading" | "reread" | "watched" | "watching")
        ) && !colon_before
            && reader)
            || (prev_word == Some("in")
                && matches!(
                    word_before,
                    Some("published" | "appeared" | "starred" | "appears" | "publishes")
                ));
        let work_called = prev_word == Some("called") && {
            word_before.is_some_and(|w| {
                lexicon::is_work_noun(w)
                    || matches!(
                        w,
                        "show"
                            | "program"
                            | "programme"
                            | "movie"
                            | "musical"
                            | "newsletter"
                            | "blog"
                            | "column"
                            | "segment"
                            | "festival"
                            | "initiative"
                            | "project"
                            | "app"
                            | "website"
                            | "session"
                            | "group"
                            | "coalition"
                            | "movement"
                            | "event"
                            | "conference"
                            | "rally"
                            | "scheme"
                            | "fund"
                            | "charity"
                            | "band"
                            | "operation"
                            | "exercise"
                            | "motion"
                            | "petition"
                            | "course"
                            | "game"
                            | "competition"
                            | "contest"
                            | "award"
                            | "race"
                    )
            })
        };
        // A work named beside its kind: `his new book, “Power Down,”`, `a
        // report by the committee, “Drawing the Line,”`.
        let work_before = {
            let mut back = toks.iter().rev();
            back.next().is_some_and(|t| &text[t.range()] == ",") && {
                // Not `Reyes said of the report, “Fake News.”`.
                let ws: Vec<&str> = back
                    .take(8)
                    .take_while(|t| t.word)
                    .map(|t| &text[t.range()])
                    .collect();
                // (A participle that describes the work is no cue: `In a
                // report published in June, “…,”`.)
                // (A cue before "that" is the sentence's, the work the
                // subject of its clause: `noted that the annual report,
                // “Storage for the Next Decade,” had warned`.)
                let that = ws.iter().position(|w| *w == "that").unwrap_or(ws.len());
                ws.iter().any(|w| lexicon::is_work_noun(w))
                    && !ws[..that].iter().enumerate().any(|(i, w)| {
                        lexicon::cue(w).is_some()
                            && !(w.ends_with("ed")
                                && ws.get(i + 1).is_some_and(|n| lexicon::is_work_noun(n)))
                    })
            }
        };
        // A work named right after its kind, or before it: `the study
        // “Screens After Dark.”`, `the “Keep the Heat On” bill`.
        let named_after_kind = !fb.has_cue
            && prev_word.is_some_and(lexicon::is_work_noun)
            && sp.open.as_ref().is_some_and(|o| {
                text[..o.start]
                    .strip_suffix(' ')
                    .is_some_and(|b| b.ends_with(prev_word.unwrap_or("")))
            });
        let named_before_kind = matches!(prev_word, Some("the" | "a" | "an" | "its" | "their"))
            && sp.close.as_ref().is_some_and(|c| {
                let next = text[c.end..]
                    .strip_prefix(' ')
                    .and_then(|r| r.split(|ch: char| !ch.is_alphanumeric()).next())
                    .unwrap_or("");
                lexicon::is_work_noun(next)
                    || matches!(
                        next,
                        "act"
                            | "program"
                            | "programme"
                            | "initiative"
                            | "campaign"
                            | "amendment"
                            | "policy"
                            | "proposal"
                            | "measure"
                            | "ordinance"
                            | "scheme"
                    )
            });
        let toks = names.window(sp.block, after_start..after_end);
        let new_sentence = text[sp.inner.clone()]
            .trim_end_matches(['*', '_'])
            .ends_with(['.', '!', '?', '…']);
        let fa = attrib::after(text, &toks, new_sentence, before_words == 0);

        let inner = &text[sp.inner.clone()];
        let n_words = words::count_words(inner);
        let kind = classify(
            inner,
            n_words,
            // (After a cue and a colon, a work's kind names a title only
            // in Title Case: `announced its new album: “Blue Skies”`, not
            // `said of the album: “It is the most personal …”`.)
            prev_word.filter(|w| {
                !(colon_before && fb.has_cue)
                    || is_title_case(inner)
                    || matches!(*w, "headline" | "headlined" | "titled" | "entitled")
            }),
            before_titled
                // (`cited the report “Rising Tides, Falling Budgets,”`.)
                || ((work_before
                    || prev_word.is_some_and(|w| {
                        // (Right before it: not `said of the report, “…”`.)
                        // (A work's, not a plan's or a law's: `said the
                        // plan “Makes No Sense.”`.)
                        lexicon::is_work_noun(w)
                            && !matches!(w, "plan" | "bill" | "law" | "strategy" | "audit")
                            && text[..span_start(sp)].strip_suffix(' ').is_some_and(|b| b.ends_with(w))
                    })
                    || work_called
                    || sung
                    || read
                    || named_after_kind
                    || named_before_kind)
                    && is_title_case(inner))
                || names_a_law(inner),
            &fa,
            &fb,
            before_words,
            sp,
        );

        let kind = if kind == QuoteKind::Speech && term && n_words <= 4 && !fa.has_cue {
            QuoteKind::Scare
        } else {
            kind
        };
        // A whole sentence quoted after a full stop (`Graham asked. “Neither
        // do I.”`) is speech, however short.
        let kind = if n_words <= 6 && is_title_case(inner) && names_kind_after(text, sp) {
            QuoteKind::Title
        } else if kind == QuoteKind::Speech
            && n_words <= 4
            && inner.starts_with(char::is_lowercase)
            && term_before_kind(text, sp)
        {
            // A term that names a kind of thing: `its “value reset” program`.
            QuoteKind::Scare
        } else if kind == QuoteKind::Scare && after_stop && is_sentence(inner) {
            QuoteKind::Speech
        } else if kind == QuoteKind::Speech && (is_nickname(text, sp, prev_word) || is_aside(inner))
        {
            QuoteKind::Scare
        } else {
            kind
        };

        let mut carried_on = false;
        let mut quote = Quote {
            range: sp.inner.clone(),
            text: inner.to_string(),
            kind,
            speaker: None,
            speaker_mention: None,
            speaker_range: None,
            cue: None,
            paragraph: sp.block,
        };

        mark_issues(text, sp, &sc.spans, &mut report.issues);

        if kind == QuoteKind::Speech {
            // Which attribution applies: one right after the quote wins.
            let label = transcript_label(text, sp.inner.clone());
            // `“…,” he said` and `“…” ― X` take the attribution after the
            // quote; a partial quote inside a sentence takes the one before.
            let inner_t = inner.trim_end_matches(['*', '_']);
            let after_shape = inner_t.ends_with([',', '?', '!', '—', '-'])
                || text[after_start..after_end]
                    .trim_start()
                    .starts_with([',', '―', '—', '–']);
            let found = if label.is_some() {
                label
            } else if fa.mention.is_some() && (after_shape || fb.mention.is_none()) {
                Some(fa)
            } else if fb.mention.is_some() {
                Some(fb)
            } else if fb.has_cue && inner_t.ends_with(',') {
                // `After saying her foot was “so swollen …,” she was …`: an
                // opening participle's subject is the main clause's.
                attrib::clause_subject_after(text, &toks).map(|m| Found {
                    mention: Some(m),
                    ..fb
                })
            } else {
                None
            };
            let mut resolved = false;
            if let Some(Found {
                mention: Some(m),
                cue,
                ..
            }) = found
            {
                quote.cue = cue.map(|c| text[c].to_string());
                quote.speaker_mention = Some(mention_text(&text[m.range.clone()]));
                quote.speaker_range = Some(m.range.clone());
                let (name, issue) = resolve(
                    text, &m, &mut names, &last, &sc.spans, sp, &sc.blocks, &mut seen,
                );
                if let Some(i) = issue {
                    report.issues.push(i);
                }
                if let Some(n) = name {
                    if let MentionKind::Pronoun(g @ (Gender::Male | Gender::Female)) = m.kind {
                        if !names.gender.contains_key(&n) {
                            names.gender.insert(n.clone(), g);
                        }
                    }
                    let n = if m.kind == MentionKind::Noun {
                        earlier_indefinite(text, &n, m.range.start, &indefinite).unwrap_or(n)
                    } else {
                        n
                    };
                    quote.speaker = Some(n);
                    resolved = true;
                }
            }
            if !resolved && quote.speaker_mention.is_none() {
                // A quote that opens its own sentence after one naming the
                // speaker: `…, Schiff said. “The other factor …”`.
                let same_block_last = last
                    .as_ref()
                    .is_some_and(|l| l.block == sp.block && !line_between(text, l, sp));
                // Read only when it can count: the sentence before, from
                // the same window of tokens as `fb`.
                let fp = (!same_block_last)
                    .then(|| {
                        let window = names.window_outside_quotes(
                            sp.block,
                            before_start..before_end.max(before_start),
                        );
                        let toks = match cut {
                            Some(c) => &window[window.partition_point(|t| t.start < c)..],
                            None => &window[..],
                        };
                        attrib::previous_sentence(text, toks)
                    })
                    .flatten();
                if let (
                    false,
                    Some(Found {
                        mention: Some(m),
                        cue,
                        ..
                    }),
                ) = (same_block_last, fp)
                {
                    // (A role only when it names whose it is: `The chief
                    // executive demurred.` for the one so introduced.)
                    let noun = matches!(m.kind, MentionKind::Noun);
                    if !noun || names_a_role_holder(&text[m.range.clone()]) {
                        let (name, _) = resolve(
                            text, &m, &mut names, &last, &sc.spans, sp, &sc.blocks, &mut seen,
                        );
                        let name = name.filter(|n| !noun || n.starts_with(char::is_uppercase));
                        if name.is_some() {
                            quote.cue = cue.map(|c| text[c].to_string());
                            credit(&mut quote, text, &m, name);
                            resolved = true;
                        }
                    }
                }
            }
            if !resolved && quote.speaker_mention.is_none() {
                // A paragraph ending in a colon names the speaker of the
                // quoted paragraph after it (`He said:`, `Caddell continued:`).
                // Or a paragraph that ends by reporting what someone said,
                // for a quote that opens the next: `Mayor Dana Price said
                // the plan was flawed.` ¶ `“It will never work.”`
                // (Only carried on: an attribution where a run of quoted
                // paragraphs ends still names their speaker.)
                let mut reported = false;
                let intro = colon_intro(text, &sc.blocks, sp.block, &mut names).or_else(|| {
                    let f = (before_words == 0 && alone_in_block(text, &sc.blocks, sp))
                        .then(|| said_intro(text, &sc.blocks, &sc.spans, sp.block, &mut names))
                        .flatten();
                    reported = f.is_some();
                    f
                });
                if let Some(f) = intro {
                    if let Some(m) = f.mention {
                        let (name, _) = resolve(
                            text, &m, &mut names, &last, &sc.spans, sp, &sc.blocks, &mut seen,
                        );
                        if name.is_some() {
                            quote.cue = f.cue.map(|c| text[c].to_string());
                            credit(&mut quote, text, &m, name);
                            resolved = true;
                            carried_on = reported;
                        }
                    }
                }
                // `Q: …` ¶ `A: “…”`: an answer is the words of the one
                // asked.
                if !resolved {
                    if let Some(m) = interviewee(text, &sc.blocks, sp.block, &mut names) {
                        let (name, _) = resolve(
                            text, &m, &mut names, &last, &sc.spans, sp, &sc.blocks, &mut seen,
                        );
                        if name.is_some() {
                            credit(&mut quote, text, &m, name);
                            resolved = true;
                            carried_on = true;
                        }
                    }
                }
                // Continuation: the same speaker as the quote before, in this
                // paragraph, in a run-on paragraph, or after a colon.
                if let Some(l) = last.as_ref().filter(|_| !resolved) {
                    let colon = prev_block_ends_colon(text, &sc.blocks, sp.block);
                    let new_line = l.block == sp.block && line_between(text, l, sp);
                    let same_block = l.block == sp.block && !new_line;
                    // A paragraph that continues a quote continues its
                    // speaker, when the paragraph before had one: else the
                    // run is attributed where it ends (below), not by a
                    // quote before it.
                    let run_on = (l.block + 1 == sp.block && (sp.continued || before_words == 0))
                        || (new_line && line_words == 0);
                    // Not into the writer's own sentence with no cue: `The
                    // choice was between repairing it as “…”`.
                    if (same_block && !woven) || run_on || colon {
                        quote.speaker = Some(l.name.to_string());
                        carried_on = true;
                        if let Some((m, r)) = &l.mention {
                            quote.speaker_mention = Some(m.to_string());
                            quote.speaker_range = Some(r.clone());
                        }
                        resolved = true;
                    }
                }
            }
            if !resolved && quote.speaker_mention.is_none() && !new_sentence_quote(inner) {
                // A quote woven into a sentence with no cue (`Trump admires
                // Putin as a “strong leader”`) is the subject's wording.
                if let Some(m) =
                    fs.filter(|m| !matches!(m.kind, MentionKind::Pronoun(Gender::Neuter)))
                {
                    let (name, _) = resolve(
                        text, &m, &mut names, &last, &sc.spans, sp, &sc.blocks, &mut seen,
                    );
                    if name.is_some() {
                        credit(&mut quote, text, &m, name);
                        resolved = true;
                    }
                }
            }
            if !resolved && !sp.missing_close {
                report.issues.push(Issue {
                    code: "unattributed-quote",
                    severity: Severity::Warning,
                    range: sp.inner.clone(),
                    message: match &quote.speaker_mention {
                        Some(m) => {
                            format!("Cannot tell who “{m}” is: name the speaker of this quote")
                        }
                        None => "No one is named as saying this quote: add who said it".to_string(),
                    },
                    fix: None,
                });
            }
            if let Some(n) = &quote.speaker {
                last_at = Some((report.quotes.len(), sp.block, span_end(sp)));
                // (Most quotes have the speaker of the one before.)
                let same = report.quotes.last().and_then(|q| q.speaker.as_ref()) == Some(n);
                if !same && !seen.quoted.contains(n) {
                    seen.quoted.insert(n.clone());
                }
                if n.starts_with("a ") || n.starts_with("an ") {
                    indefinite.retain(|(i, _)| i != n);
                    // (After the quote and its own mention.)
                    let end = quote
                        .speaker_range
                        .as_ref()
                        .map_or(span_end(sp), |r| r.end.max(span_end(sp)));
                    indefinite.push((n.clone(), end));
                }
            }
        }
        report.quotes.push(quote);
        quote_spans.push(si);
        quote_words.push(n_words);
        carried.push(carried_on);
    }
    // A quote that runs on into the next paragraph is attributed where it
    // ends: `“… / “…,” Adeyemi said.` An attribution after the run's last
    // words also overrides a speaker its first paragraphs only carried on
    // from a quote before the run (not a transcript's label, `WALLACE:`,
    // which opens its own paragraph and names no one else's).
    let mut named_after: Vec<bool> = report
        .quotes
        .iter()
        .map(|q| {
            q.speaker_range
                .as_ref()
                .is_some_and(|r| r.start >= q.range.end)
        })
        .collect();
    let mut now_attributed = Vec::new();
    for qi in (0..report.quotes.len().saturating_sub(1)).rev() {
        let (sp, next) = (&sc.spans[quote_spans[qi]], &sc.spans[quote_spans[qi + 1]]);
        let overridden = carried[qi] && !carried[qi + 1] && named_after[qi + 1];
        if !(sp.continues && next.continued) || (report.quotes[qi].speaker.is_some() && !overridden)
        {
            continue;
        }
        let Some(name) = report.quotes[qi + 1].speaker.clone() else {
            continue;
        };
        // `“We will appeal,” Smith said. “We will win. / “It is over,” said
        // John Brown.`: a quote that goes on from one its own paragraph
        // gave to someone, while the run ends with someone else named, has
        // lost its closing mark.
        let named_in_block = qi > 0
            && sc.spans[quote_spans[qi - 1]].block == sp.block
            && report.quotes[qi - 1].speaker == report.quotes[qi].speaker;
        let by_name = report.quotes[qi + 1]
            .speaker_mention
            .as_deref()
            .is_some_and(|m| lexicon::pronoun(m).is_none());
        if overridden
            && named_in_block
            && by_name
            && report.quotes[qi].speaker.as_ref() != Some(&name)
        {
            if let Some(open) = sp.open.clone() {
                report.issues.push(Issue {
                    code: "missing-close-quote",
                    severity: Severity::Error,
                    range: open,
                    message: "This quote is never closed, and the next paragraph quotes someone \
                              else: add the closing mark where the quoted words end"
                        .to_string(),
                    fix: None,
                });
            }
            continue;
        }
        // (Its warning goes after the loop, in one pass over the issues.)
        now_attributed.push(report.quotes[qi].range.clone());
        let q = &mut report.quotes[qi];
        if q.speaker.as_ref() != Some(&name) {
            // The mention and cue were the earlier quote's.
            q.speaker_mention = None;
            q.speaker_range = None;
            q.cue = None;
        }
        q.speaker = Some(name);
        carried[qi] = carried[qi + 1];
        named_after[qi] = named_after[qi + 1];
    }
    if !now_attributed.is_empty() {
        // (Found from the last quote back, so in falling order.)
        now_attributed.reverse();
        report.issues.retain(|i| {
            i.code != "unattributed-quote"
                || now_attributed
                    .binary_search_by_key(&i.range.start, |r| r.start)
                    .map_or(true, |k| now_attributed[k] != i.range)
        });
    }
    mixed_styles(&sc, &mut report.issues);
    report.speakers = speakers(text, &report.quotes, &quote_words, &mut names);
    report.issues.sort_by_key(|i| (i.range.start, i.range.end));
    report
}

/// A speaker named by a noun phrase, as a name: `The study` and `A
/// ministry spokeswoman` at the start of a sentence are `the study` and `a
/// ministry spokeswoman` elsewhere. A body's name keeps its capital (`The
/// New York Times`).
fn noun_speaker(s: &str) -> String {
    let s = mention_text(s);
    // `The study`, `The Indiana governor`, `A spokesperson for the
    // Department of Health`; not `The New York Times`.
    let lower = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_lowercase));
    let common = lower(s.rsplit(' ').next()) || lower(s.split(' ').nth(1));
    match words::lower_first(&s) {
        Some(lower)
            if common
                && [
                    "The ", "A ", "An ", "One ", "Some ", "Several ", "Many ", "Most ", "Two ",
                ]
                .iter()
                .any(|d| s.starts_with(d)) =>
        {
            lower
        }
        _ => s,
    }
}

/// The noun of `the group`, `the union`, `the council`: a body spoken of
/// as one already named.
fn body_noun(phrase: &str) -> Option<&str> {
    let noun = phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("The "))?;
    matches!(
        noun,
        "group"
            | "organisation"
            | "organization"
            | "union"
            | "alliance"
            | "association"
            | "coalition"
            | "council"
            | "committee"
            | "agency"
            | "ministry"
            | "department"
            | "foundation"
            | "trust"
            | "institute"
            | "commission"
            | "board"
            | "party"
            | "company"
            | "firm"
            | "center"
            | "centre"
            | "university"
            | "bank"
            | "hospital"
            | "district"
            | "authority"
            | "bureau"
    )
    .then_some(noun)
}

/// The speaker an earlier quote gave as `a hospital spokesperson`, when
/// `name` refers back to it as `the spokesperson` or `the hospital
/// spokesperson`: one source, not two. Not when another is brought in
/// between (`A police spokesperson said …`); `indefinite` holds where each
/// such speaker was last quoted, `at` is where `name` is.
fn earlier_indefinite(
    text: &str,
    name: &str,
    at: usize,
    indefinite: &[(String, usize)],
) -> Option<String> {
    let rest = name.strip_prefix("the ")?;
    let head = rest.rsplit(' ').next()?;
    let (s, end) = indefinite.iter().rev().find(|(s, _)| {
        s.strip_prefix("a ")
            .or_else(|| s.strip_prefix("an "))
            .is_some_and(|body| {
                body.rsplit(' ').next() == Some(head) && (rest == head || rest == body)
            })
    })?;
    // Another `a … spokesperson` since (some 4 KB back at most).
    let lo = (*end).max(at.saturating_sub(4096)).min(at);
    (!brings_in(text, lo..at, head)).then(|| s.clone())
}

/// The noun phrase that last brought in a `noun` (a person's) with an
/// indefinite article, in the 2 KB before `at`: `a senior committee aide`
/// for "the aide". Its first word in lower case.
fn brought_in_before(text: &str, noun: &str, at: usize) -> Option<String> {
    // A person's noun: not a document's or a body's (`a letter`, `a
    // complaint`, `a campaign group`), which the text may mean by "the
    // letter" without bringing in another.
    let thing = lexicon::is_document_noun(noun) || body_noun(&format!("the {noun}")).is_some();
    if thing || !is_person_noun(noun) || noun.contains(' ') {
        return None;
    }
    let lo = words::ceil_boundary(text, at.saturating_sub(2048));
    let s = &text[lo..at];
    memchr::memmem::rfind_iter(s.as_bytes(), noun.as_bytes()).find_map(|i| {
        if s[..i].ends_with(char::is_alphanumeric)
            || s[i + noun.len()..].starts_with(char::is_alphanumeric)
        {
            return None;
        }
        let sentence = s[..i]
            .rsplit(['.', '!', '?', '\n', ','])
            .next()
            .unwrap_or("");
        let ws: Vec<&str> = sentence.split_whitespace().rev().take(4).collect();
        let d = ws
            .iter()
            .position(|d| matches!(*d, "a" | "an" | "A" | "An" | "one" | "One"))?;
        let phrase: Vec<&str> = ws[..=d].iter().rev().copied().collect();
        if phrase[1..]
            .iter()
            .any(|w| attrib::is_function_word(w) || attrib::looks_like_verb(w))
        {
            return None;
        }
        let mut phrase = format!("{} {noun}", phrase.join(" "));
        // With its complement: `a spokesperson for the agriculture ministry`.
        let rest = &s[i + noun.len()..];
        phrase.push_str(&rest[..attrib::source_complement(rest)]);
        words::lower_first(&phrase).or(Some(phrase))
    })
}

/// Whether `text[r]` (its start moved up to a character boundary) brings
/// in a new `noun` with an indefinite article up to three words before it
/// within one sentence: `a campaign group`, `A police spokesperson`.
fn brings_in(text: &str, r: Range<usize>, noun: &str) -> bool {
    let lo = words::ceil_boundary(text, r.start.min(r.end));
    let s = &text[lo..r.end];
    s.match_indices(noun).any(|(at, _)| {
        let whole = !s[..at].ends_with(char::is_alphanumeric)
            && !s[at + noun.len()..].starts_with(char::is_alphanumeric);
        // The three words before it, in its sentence.
        let sentence = s[..at].rsplit(['.', '!', '?']).next().unwrap_or("");
        whole
            && sentence
                .split_whitespace()
                .rev()
                .take(3)
                .any(|d| matches!(d, "a" | "an" | "A" | "An"))
    })
}

/// Whether a line break separates the last speaker's quote from `sp` in
/// the same block (a paragraph break in plain text).
fn line_between(text: &str, l: &Last<'_>, sp: &Span) -> bool {
    text.get(l.end..span_start(sp))
        .is_some_and(|g| g.contains('\n'))
}

fn span_end(sp: &Span) -> usize {
    sp.close.as_ref().map_or(sp.inner.end, |c| c.end)
}

fn span_start(sp: &Span) -> usize {
    sp.open.as_ref().map_or(sp.inner.start, |o| o.start)
}

#[allow(clippy::too_many_arguments)]
fn classify(
    inner: &str,
    n_words: usize,
    prev_word: Option<&str>,
    before_titled: bool,
    fa: &Found,
    fb: &Found,
    before_words: usize,
    sp: &Span,
) -> QuoteKind {
    let starts_upper = inner
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if before_titled && starts_upper {
        return QuoteKind::Title;
    }
    if prev_word == Some("so-called") {
        return QuoteKind::Scare;
    }
    // A programme or event named after a possessive or a preposition:
    // `MSNBC’s “Morning Joe”`, `on “Face the Nation,”`.
    let names_a_work = prev_word.is_some_and(|w| {
        words::is_possessive(w)
            || w.ends_with('\'')
            || matches!(
                w,
                "on" | "On" | "of" | "nickname" | "program" | "show" | "episode" | "broadcast"
            )
    });
    if names_a_work && n_words <= 6 && is_title_case(inner) {
        return QuoteKind::Title;
    }
    if prev_word.is_some_and(lexicon::is_title_cue) && starts_upper && n_words <= 10 && !fa.has_cue
    {
        return QuoteKind::Title;
    }
    if fa.has_cue || fb.has_cue || sp.missing_open || sp.continued || sp.continues {
        return QuoteKind::Speech;
    }
    if n_words <= 3 && before_words > 0 {
        return QuoteKind::Scare;
    }
    if before_words > 0 && is_title_case(inner) && n_words <= 8 {
        return QuoteKind::Title;
    }
    QuoteKind::Speech
}

/// A law or a bill by its Title Case name: `the “Clean Water Act”`, `the
/// “Retirement Fairness Act,”`.
fn names_a_law(inner: &str) -> bool {
    let t = inner.trim_end_matches([',', '.']);
    // With its year: `the Clean Water Restoration Act of 2019`.
    let b = t.as_bytes();
    let t = match b.len().checked_sub(8) {
        Some(n) if &b[n..n + 4] == b" of " && b[n + 4..].iter().all(u8::is_ascii_digit) => &t[..n],
        _ => t,
    };
    [
        "Act",
        "Bill",
        "Amendment",
        "Resolution",
        "Law",
        "Treaty",
        "Accord",
        "Accords",
    ]
    .iter()
    .any(|w| t.strip_suffix(w).is_some_and(|head| head.ends_with(' ')))
        && is_title_case(inner)
}

/// Whether the quote's sentence, up to the quote, opens with a determiner
/// and a common noun that names no speaker (`The choice was between …`):
/// the writer's sentence, with a subject of its own.
fn writer_sentence(text: &str, toks: &[Tok]) -> bool {
    let start = toks
        .iter()
        .rposition(|t| is_terminator_tok(text, t))
        .map_or(0, |i| i + 1);
    let mut ws = toks[start..]
        .iter()
        .filter(|t| t.word)
        .map(|t| &text[t.range()]);
    let (Some(lead), Some(head)) = (ws.next(), ws.next()) else {
        return false;
    };
    matches!(
        lead,
        "The" | "A" | "An" | "This" | "That" | "These" | "Those"
    ) && head.starts_with(|c: char| c.is_ascii_lowercase())
        && !lexicon::is_speaker_noun(head)
        && ws.count() >= 2
}

/// Whether one of the two lower-case words right after a quote says what
/// kind of thing it names: `her “Tide Tables Tonight” radio show`, `a
/// “Save Our Pier” rally`. Read only for a Title Case quote.
fn names_kind_after(text: &str, sp: &Span) -> bool {
    let rest = &text[span_end(sp)..];
    if !rest.starts_with(' ') {
        return false;
    }
    rest.split_whitespace()
        .take(2)
        .take_while(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        .any(|w| is_kind_noun(w.trim_end_matches([',', '.', ';', ':'])))
}

/// Whether a lower-case term in quotation marks stands right before a
/// kind of thing it names, with nothing between: `its “value reset”
/// program`, not `a “rant,” a series of posts`.
fn term_before_kind(text: &str, sp: &Span) -> bool {
    let inner = &text[sp.inner.clone()];
    !inner.ends_with([',', '.', '!', '?', ';', ':'])
        && text[span_end(sp)..]
            .strip_prefix(' ')
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| is_kind_noun(w.trim_end_matches([',', '.', ';', ':'])))
}

/// A kind of thing a quoted name or term can name: `show`, `rally`, `plan`.
fn is_kind_noun(w: &str) -> bool {
    matches!(
        w,
        "program"
            | "programme"
            | "show"
            | "forum"
            | "series"
            | "podcast"
            | "documentary"
            | "segment"
            | "column"
            | "tour"
            | "rally"
            | "event"
            | "conference"
            | "summit"
            | "festival"
            | "album"
            | "song"
            | "film"
            | "movie"
            | "broadcast"
            | "slogan"
            | "hashtag"
            | "plan"
            | "policy"
            | "initiative"
            | "strategy"
            | "project"
            | "scheme"
            | "agenda"
    )
}

/// Quoted words that start with a capital: a sentence of their own rather
/// than a fragment woven into the writer's sentence.
fn new_sentence_quote(inner: &str) -> bool {
    inner.chars().next().is_some_and(char::is_uppercase)
}

/// A nickname inside a name: `Marcia “Cia” Price`, one capitalised word
/// between two.
fn is_nickname(text: &str, sp: &Span, prev_word: Option<&str>) -> bool {
    let inner = &text[sp.inner.clone()];
    let next = text[span_end(sp)..].split_whitespace().next();
    !inner.contains(char::is_whitespace)
        && words::is_capitalised(inner)
        && prev_word.is_some_and(words::is_capitalised)
        && next.is_some_and(words::is_capitalised)
        && !text[span_end(sp)..].starts_with([',', '.'])
}

/// A stage direction or editor's aside alone in quotation marks:
/// `“(CROSSTALK.)”`, `“[inaudible]”`.
fn is_aside(inner: &str) -> bool {
    let s = inner.trim().trim_end_matches('.');
    (s.starts_with('(') && s.ends_with(')')) || (s.starts_with('[') && s.ends_with(']'))
}

/// A full stop, question or exclamation mark token.
fn is_terminator_tok(text: &str, t: &Tok) -> bool {
    !t.word && matches!(&text[t.range()], "." | "!" | "?")
}

/// Words that read as a sentence of their own: a capital first, a full
/// stop, question or exclamation mark last.
fn is_sentence(inner: &str) -> bool {
    let s = inner.trim_end_matches(['*', '_']);
    s.chars().next().is_some_and(char::is_uppercase) && s.ends_with(['.', '!', '?'])
}

/// Every significant word capitalised and no sentence inside.
fn is_title_case(s: &str) -> bool {
    let s = s.trim_end_matches([',', '.']);
    // The words first: most quotes are sentences, and a word in lower case
    // near the start settles it without reading the rest.
    let mut sig = 0;
    for w in words::split_words(s) {
        // (A word that starts and ends with an ASCII letter or digit, most
        // of them, has nothing to trim.)
        let bytes = w.as_bytes();
        let w =
            if bytes[0].is_ascii_alphanumeric() && bytes[bytes.len() - 1].is_ascii_alphanumeric() {
                w
            } else {
                w.trim_matches(|c: char| !c.is_alphanumeric())
            };
        let capital = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        // (A long preposition may stay in lower case: `Notes from the
        // Field`, `Life Without Parole`.)
        let preposition = matches!(
            w,
            "from"
                | "with"
                | "into"
                | "onto"
                | "over"
                | "upon"
                | "about"
                | "under"
                | "after"
                | "among"
                | "between"
                | "without"
                | "within"
                | "through"
        );
        if (w.chars().count() >= 4 && !(preposition && sig > 0)) || sig == 0 {
            if !capital {
                return false;
            }
            sig += 1;
        } else if capital && w.chars().count() >= 2 {
            // A short capitalised word counts too: `Morning Joe`.
            sig += 1;
        }
    }
    // No sentence's end or semicolon inside. (Bytes, not characters: the
    // marks are ASCII, and no byte of another character equals one.)
    sig >= 2 && !s.bytes().any(|b| matches!(b, b'.' | b'!' | b'?' | b';'))
}

/// `WALLACE: If I may…`: a transcript speaker label at the start of a quote.
fn transcript_label(text: &str, inner: Range<usize>) -> Option<Found> {
    let s = &text[inner.clone()];
    let colon = s.find(':')?;
    if colon > 40 {
        return None;
    }
    let label = s[..colon].trim();
    let last = label.split_whitespace().last()?;
    if !words::is_all_caps(last) || !label.split_whitespace().all(words::is_all_caps) {
        return None;
    }
    let start = inner.start + (label.as_ptr() as usize - s.as_ptr() as usize);
    Some(Found {
        mention: Some(Mention {
            range: start..start + label.len(),
            kind: MentionKind::Name,
        }),
        cue: Some(inner.start + colon..inner.start + colon + 1),
        has_cue: true,
    })
}

fn prev_block_ends_colon(text: &str, blocks: &[scan::Block], bi: usize) -> bool {
    bi.checked_sub(1)
        .and_then(|p| blocks.get(p))
        .is_some_and(|b| {
            text[b.range.clone()]
                .trim_end_matches(['*', '_'])
                .ends_with(':')
        })
}

/// The speaker a paragraph ending in a colon introduces (`Caddell
/// continued:` before a quoted paragraph).
fn colon_intro(
    text: &str,
    blocks: &[scan::Block],
    bi: usize,
    names: &mut Names<'_>,
) -> Option<Found> {
    if !prev_block_ends_colon(text, blocks, bi) {
        return None;
    }
    let toks = names.window(bi - 1, blocks[bi - 1].range.clone());
    let f = attrib::before(text, &toks);
    f.mention.is_some().then_some(f)
}

/// Whether the quote `sp` opens its paragraph and ends it, or runs on, or
/// is followed only by narration in sentences of its own.
fn alone_in_block(text: &str, blocks: &[scan::Block], sp: &Span) -> bool {
    let b = &blocks[sp.block].range;
    let (Some(open), close) = (&sp.open, &sp.close) else {
        return false;
    };
    let before = text[b.start..open.start].trim_matches(|c: char| c.is_whitespace() || c == '>');
    let after = match close {
        Some(c) => text[c.end..b.end].trim(),
        None => "",
    };
    // (Narration may follow in a sentence of its own, with no quote in it:
    // not `“…”: that was the verdict of Rob Huang`.)
    let own_sentence = text[sp.inner.clone()].ends_with(['.', '!', '?'])
        && after.starts_with(char::is_uppercase)
        && !after.contains(['“', '"']);
    before.is_empty() && (after.is_empty() || sp.continues || own_sentence)
}

/// Names `name`, resolved from mention `m`, as the speaker of `quote`.
fn credit(quote: &mut Quote, text: &str, m: &Mention, name: Option<String>) {
    quote.speaker_mention = Some(mention_text(&text[m.range.clone()]));
    quote.speaker_range = Some(m.range.clone());
    quote.speaker = name;
}

/// In a passage of questions and answers (`Q: Will he be fit?` ¶ `A:
/// “He trained fully.”`), the one who answers in paragraph `bi`: the
/// subject of the last sentence before the first question (`Fairhurst
/// was pressed on …`). None for a paragraph that is no answer.
fn interviewee(
    text: &str,
    blocks: &[scan::Block],
    bi: usize,
    names: &mut Names<'_>,
) -> Option<Mention> {
    let starts = |b: &scan::Block, label: &str| {
        let s = text[b.range.clone()].trim_start();
        s.starts_with(label) || s.strip_prefix("**").is_some_and(|r| r.starts_with(label))
    };
    if !starts(&blocks[bi], "A:") {
        return None;
    }
    let mut k = bi;
    while k > 0 && (starts(&blocks[k - 1], "Q:") || starts(&blocks[k - 1], "A:")) {
        k -= 1;
    }
    if k == bi || !starts(&blocks[k], "Q:") {
        return None;
    }
    let prev = k.checked_sub(1)?;
    let toks = names.window(prev, blocks[prev].range.clone());
    let end = toks
        .iter()
        .rposition(|&t| attrib::is_terminator(text, t))
        .unwrap_or(toks.len());
    attrib::sentence_subject(text, &toks[..end]).filter(|m| {
        matches!(
            m.kind,
            MentionKind::Name | MentionKind::Pronoun(Gender::Male | Gender::Female)
        )
    })
}

/// The attribution of the paragraph before block `bi` when it quotes no
/// one and its last sentence opens, or closes, with a speaker who says
/// something: `Mayor Dana Price said the plan was flawed.`, `The city will
/// appeal, Price said.` Not a sentence that opens otherwise (`After Price
/// said …, Huang walked out.`), one whose verb is
/// negated or asks (`Police would not say …`, `Reporters asked Price …`),
/// one that reports another's words inside (`Abara said a guard told him
/// to leave.`), nor a transcript's label (`Q: …`).
fn said_intro(
    text: &str,
    blocks: &[scan::Block],
    spans: &[Span],
    bi: usize,
    names: &mut Names<'_>,
) -> Option<Found> {
    let prev = bi.checked_sub(1)?;
    let b = &blocks[prev];
    // (Spans come in the order of their blocks.)
    let first_after = spans.partition_point(|s| s.block < prev);
    if b.kind == scan::BlockKind::Heading
        || blocks[bi].kind == scan::BlockKind::Heading
        || spans.get(first_after).is_some_and(|s| s.block == prev)
    {
        return None;
    }
    let lead = text[b.range.clone()]
        .split_whitespace()
        .next()
        .unwrap_or("");
    if lead.ends_with(':') || names.heading_like(prev, || is_heading_like(text, b)) {
        return None;
    }
    let toks = names.window(prev, b.range.clone());
    let end = toks
        .iter()
        .rposition(|&t| attrib::is_terminator(text, t))
        .unwrap_or(toks.len());
    if toks[end.min(toks.len())..].iter().any(|t| t.word) {
        return None;
    }
    let start = toks[..end]
        .iter()
        .rposition(|&t| attrib::is_terminator(text, t))
        .map_or(0, |i| i + 1);
    let sentence = &toks[start..end];
    let f = attrib::before(text, sentence);
    let (m, cue) = (f.mention.as_ref()?, f.cue.clone()?);
    // (The speaker before the verb: not `according to X`.)
    if cue.start < m.range.end {
        return None;
    }
    // The speaker opens the sentence, perhaps after a conjunction (`But
    // Mayor Dana Price said`) or a phrase set off by a comma (`In a
    // statement on Sunday, the club said`); or the attribution closes it
    // (`The city will appeal, Mayor Dana Price said.`).
    let mut at = sentence.partition_point(|t| t.start < m.range.start);
    // (`the Bandarra Tigers …`: a name's article.)
    if at > 0 && matches!(&text[sentence[at - 1].range()], "the" | "The") {
        at -= 1;
    }
    let lead = &sentence[..at];
    let lead_words = || lead.iter().filter(|t| t.word).map(|t| &text[t.range()]);
    let k = sentence.partition_point(|t| t.start < cue.end);
    let rest = &sentence[k..];
    let opens = lead.iter().all(|t| !t.word)
        || (lead.len() == 1
            && matches!(lead_words().next(), Some("But" | "And" | "Yet" | "Still")))
        || (lead.last().is_some_and(|t| &text[t.range()] == ",")
            && lead_words().count() <= 10
            && lead_words().all(|w| lexicon::cue(w) != Some(lexicon::Cue::Verb)))
        || (lead.last().is_some_and(|t| &text[t.range()] == ",") && rest.iter().all(|t| !t.word));
    // The verb follows at once, past auxiliaries and adverbs (`had
    // previously said`) or an appositive (`Tom Achterberg, who runs a
    // café, told`).
    let gap = text[m.range.end..cue.start].trim();
    let between = if gap.starts_with(',') && gap.ends_with(',') {
        true
    } else {
        gap.split_whitespace()
            .all(|w| lexicon::is_aux(w) || attrib::is_adverb(w) || matches!(w, "also" | "later"))
    };
    let verb = &text[cue.clone()];
    let says = matches!(
        verb,
        "said"
            | "says"
            | "told"
            | "added"
            | "argued"
            | "insisted"
            | "warned"
            | "explained"
            | "noted"
            | "stressed"
            | "maintained"
            | "contended"
            | "acknowledged"
            | "conceded"
            | "wrote"
            | "announced"
            | "replied"
            | "confirmed"
            | "testified"
            | "recalled"
            | "declared"
            | "admitted"
    );
    // Nothing said (`said nothing`), or someone else's words inside (`a
    // guard told him to leave`).
    let other_words = rest
        .first()
        .is_some_and(|t| matches!(&text[t.range()], "nothing" | "little" | "no" | "none"))
        || rest.iter().any(|t| {
            t.word
                && matches!(
                    &text[t.range()],
                    "said"
                        | "says"
                        | "told"
                        | "tells"
                        | "saying"
                        | "telling"
                        | "asked"
                        | "asking"
                        | "wrote"
                        | "writing"
                )
        });
    let no_one = matches!(
        &text[m.range.clone()],
        "Nobody" | "No one" | "None" | "Neither" | "Few"
    );
    (opens && between && says && !other_words && !no_one).then_some(f)
}

/// Resolves a mention to the speaker's full name, with an issue when the
/// reference is weak.
#[allow(clippy::too_many_arguments)]
fn resolve(
    text: &str,
    m: &Mention,
    names: &mut Names<'_>,
    last: &Option<Last<'_>>,
    spans: &[Span],
    sp: &Span,
    blocks: &[scan::Block],
    seen: &mut Seen,
) -> (Option<String>, Option<Issue>) {
    match m.kind {
        MentionKind::Noun => {
            let s = &text[m.range.clone()];
            // `The Western Growers Alliance welcomed the collapse. “…,”
            // the group said`: the body named just before, as "it" would be.
            // Not past a new body of that kind: `residents formed a campaign
            // group … the group said`.
            let block_start = blocks[sp.block].range.start;
            let introduced_here = |noun: &str| {
                let lo = block_start.max(m.range.start.saturating_sub(600));
                brings_in(text, lo..m.range.start, noun)
            };
            if let Some(noun) = body_noun(s).filter(|n| !introduced_here(n)) {
                let (body, _) = resolve_pronoun(
                    text,
                    m,
                    Gender::Neuter,
                    names,
                    last,
                    spans,
                    sp,
                    blocks,
                    &seen.introduced,
                );
                if let Some(b) = body.filter(|b| {
                    attrib::is_org_name(b)
                        && (matches!(noun, "group" | "organisation" | "organization")
                            || b.split_whitespace().any(|w| {
                                w.eq_ignore_ascii_case(noun)
                                    // `Norvale Systems … the company said`,
                                    // when no other company was named
                                    // since.
                                    || (matches!(noun, "company" | "firm")
                                        && lexicon::is_company_word(w)
                                        && !other_company_near(text, m.range.start, b))
                            }))
                }) {
                    return (Some(b), None);
                }
                // `… leads the Senate Energy and Natural Resources
                // Committee. … the committee said`: the last body the text
                // named with that word.
                if let Some(b) = names.body_called(noun, m.range.start) {
                    return (Some(b.to_string()), None);
                }
            }
            // `the governor`, `the minister`: the person the article gave
            // that title or role, when no one else has been called so since
            // (`Acme’s president`).
            // (`that person`, `this official`, as `the person`.)
            let the = ["the ", "The ", "that ", "That ", "this ", "This "];
            if let Some(noun) = the.iter().find_map(|d| s.strip_prefix(d)) {
                if let Some(n) = role_holder(text, noun, m.range.start, names) {
                    return (Some(n), None);
                }
                // `A senior committee aide said … “…,” the aide said.`
                if let Some(n) = brought_in_before(text, noun, m.range.start) {
                    return (Some(n), None);
                }
                // `De la Vega spoke as he left. “…,” the Spanish midfielder
                // said.`: an epithet for the one the sentence before the
                // quote is about.
                if is_epithet(noun) {
                    if let Some(n) = subject_before_quote(text, sp, blocks, names) {
                        return (Some(n), None);
                    }
                }
            }
            (Some(noun_speaker(s)), None)
        }
        MentionKind::Name => {
            // `The Premier said`: a post, for the one who holds it (`The
            // Premier, Fiona Marsh,`).
            let s = &text[m.range.clone()];
            let after_the =
                text[..m.range.start].ends_with("The ") || text[..m.range.start].ends_with("the ");
            if after_the && attrib::is_title(s) {
                let noun = s.to_lowercase();
                if let Some(n) = role_holder(text, &noun, m.range.start, names) {
                    return (Some(n), None);
                }
            }
            // `the Ohio Democrat asked`: a party's member on second
            // reference, for the one the sentence before is about.
            if after_the && is_epithet(s) {
                if let Some(n) = subject_before_quote(text, sp, blocks, names) {
                    return (Some(n), None);
                }
            }
            let Some(r) = names.resolve(m.range.clone()) else {
                return (None, None);
            };
            // A body may be named by its initials on first reference
            // (`the FBI`): it is not a person named by surname only.
            let first_time = !seen.introduced.contains(&*r.name)
                // (Nor initials' plural: `MPs said`.)
                && !words::is_acronym(
                    words::strip_possessive(&text[m.range.clone()]).trim_end_matches('s'),
                );
            let issue = if first_time
                && r.bare
                && r.name.split_whitespace().count() == 1
                && looks_like_person(&r.name)
                && !names.org_or_place(&r.name)
                && !(opens_sentence(text, m.range.start) && is_group_word(&r.name))
                && !described_as_a_body(text, &r.name, names)
                && !spoken_of_as_a_body(text, &r.name, names)
                && !by_first_name(text, m.range.end)
                && !given_as_first_name(text, m.range.start)
                && !(opens_sentence(text, m.range.start)
                    && !reports_speech(text, m.range.end)
                    && written_in_lower_case(text, m.range.start, &r.name))
            {
                Some(not_introduced(m.range.clone(), &r.name))
            } else if first_time && r.introduced_at.is_some_and(|at| at > m.range.start) {
                Some(Issue {
                    code: "speaker-not-introduced",
                    severity: Severity::Info,
                    range: m.range.clone(),
                    message: format!(
                        "First reference to {} is by surname only; the full name comes later",
                        r.name
                    ),
                    fix: None,
                })
            } else if let Some(rival) = r.rival.as_deref().filter(|rival| {
                seen.quoted.contains(*rival) && !words::is_possessive(&text[m.range.clone()])
            }) {
                // Two people with the surname have both been quoted, and
                // nothing says which of them this is. (Not `Scott's family
                // said`: the family speaks, whichever Scott it is.)
                Some(ambiguous(text, m, &r.name, rival))
            } else {
                None
            };
            if first_time {
                seen.introduced.insert(String::from(&*r.name));
            }
            // (`String::from`: `to_string` on an `Rc<str>` goes through
            // the formatter.)
            (Some(String::from(&*r.name)), issue)
        }
        MentionKind::Pronoun(g) => {
            let (name, issue) =
                resolve_pronoun(text, m, g, names, last, spans, sp, blocks, &seen.introduced);
            // `Henley, the commission chairman, was more combative. “…,”
            // he said.`: the person "he" means is first quoted here, and
            // the article never gives more than the surname.
            let issue = issue.or_else(|| {
                let n = name.as_deref()?;
                let first_time = matches!(g, Gender::Male | Gender::Female)
                    && !n.contains(' ')
                    && looks_like_person(n)
                    && !words::is_acronym(n)
                    && !seen.introduced.contains(n)
                    && !names.org_or_place(n);
                if !first_time {
                    return None;
                }
                seen.introduced.insert(n.to_string());
                let at = names.first_occurrence(n)?;
                // `Her husband, Rui,`: a relation named by a first name.
                if after_role(text, at)
                    || lexicon::first_name_gender(n).is_some()
                    || given_as_first_name(text, at)
                {
                    return None;
                }
                Some(not_introduced(at..at + n.len(), n))
            });
            (name, issue)
        }
    }
}

/// The start of the sentence containing byte `pos`: after the last `. `
/// that is followed by a capital and does not end an abbreviation.
fn sentence_start_before(text: &str, pos: usize) -> usize {
    // Look back a bounded distance, so that long texts without full stops
    // stay linear.
    let floor = words::ceil_boundary(text, pos.saturating_sub(2000));
    let bytes = text.as_bytes();
    // The last `. ` in `text[floor..end]`: a full stop, then a space.
    let last_stop = |end: usize| {
        let mut hi = end.saturating_sub(1).max(floor);
        while let Some(i) = memchr::memrchr(b'.', &bytes[floor..hi]).map(|i| floor + i) {
            if bytes[i + 1] == b' ' {
                return Some(i);
            }
            hi = i;
        }
        None
    };
    let mut end = pos;
    while let Some(i) = last_stop(end) {
        let word = text[..i].rsplit([' ', '\n']).next().unwrap_or("");
        let next_cap = text[i + 2..].chars().next().is_some_and(char::is_uppercase);
        if next_cap && !words::keeps_dot(word) && !word.contains('.') {
            return i + 2;
        }
        end = i;
    }
    floor
}

/// A heading, or a short line with no full stop that reads like one.
fn is_heading_like(text: &str, b: &scan::Block) -> bool {
    if b.kind == scan::BlockKind::Heading {
        return true;
    }
    let s = text[b.range.clone()].trim_end();
    if s.len() < 100
        && !s.ends_with(['.', '!', '?', '"', '”', ':', ',', ')'])
        && !has_full_stop_space(s)
    {
        return true;
    }
    // A headline: short, and nearly every long word capitalised.
    if s.len() < 160 {
        let (mut long, mut caps) = (0, 0);
        if s.is_ascii() {
            // One byte a character: the same words, read without decoding.
            for w in s.as_bytes().split(|&b| words::is_ascii_space(b)) {
                if w.len() > 3 {
                    long += 1;
                    caps += usize::from(w[0].is_ascii_uppercase());
                }
            }
        } else {
            for w in words::split_words(s) {
                if w.len() > 3 && (w.is_ascii() || w.chars().count() > 3) {
                    long += 1;
                    caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
                    // Give up once the rest of the line, at most one long
                    // word in five bytes, could not bring the capitals to
                    // four in five.
                    let rest = s.len() - (w.as_ptr() as usize - s.as_ptr() as usize + w.len());
                    if caps + (rest + 1) / 5 < 4 * (long - caps) {
                        return false;
                    }
                }
            }
        }
        return long >= 3 && caps * 10 >= long * 8;
    }
    false
}

/// Whether `s` contains `. `: a look for each full stop, which is quicker
/// than setting up a substring search for a short line.
fn has_full_stop_space(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'.', b).any(|i| b.get(i + 1) == Some(&b' '))
}

/// Whether a company other than `body` is named in the 1,500 bytes
/// before `at`: `Norvale Systems agreed to buy Bracken Industries … the
/// company said` could mean either.
fn other_company_near(text: &str, at: usize, body: &str) -> bool {
    let lo = words::ceil_boundary(text, at.saturating_sub(1500));
    let window = &text[lo..at];
    let mut prev = "";
    for w in window.split([' ', '\n']) {
        if lexicon::is_company_word(w) && words::is_capitalised(prev) {
            let name = format!("{prev} {}", w.trim_end_matches(['.', ',', ';', ':']));
            if !body.contains(&name) {
                return true;
            }
        }
        prev = w.trim_end_matches(['’', '\'']);
    }
    false
}

/// Whether the text describes `name` as a body on first reference: `the
/// state news agency Velinform`, `Norvale, a robotics maker,`.
fn described_as_a_body(text: &str, name: &str, names: &mut Names<'_>) -> bool {
    describe(text, name, names).is_some_and(|d| {
        // The head comes before its complement: `a lawyer for the company`
        // is a person.
        let head = d
            .split(' ')
            .take_while(|w| !matches!(*w, "for" | "of" | "at" | "with" | "in" | "from"))
            .last()
            .unwrap_or("");
        body_noun(&format!("the {head}")).is_some()
            || lexicon::is_document_noun(head)
            || matches!(
                head,
                "agency"
                    | "network"
                    | "broadcaster"
                    | "outlet"
                    | "maker"
                    | "manufacturer"
                    | "retailer"
                    | "newspaper"
                    | "channel"
                    | "website"
                    | "startup"
                    | "carrier"
                    | "airline"
                    | "chain"
                    | "brand"
                    | "charity"
                    | "nonprofit"
                    | "publisher"
                    | "developer"
                    | "insurer"
                    | "lender"
            )
    })
}

/// Whether the text speaks of `name` as of a company or another body:
/// `shares of Quorvex`, `Quorvex’s executives`, `Quorvex employees`,
/// `Quorvex, which`, `the hospital, Westmead,`. (Read only for a one-word speaker about to be flagged
/// as never introduced; its first 32 places are enough.)
fn spoken_of_as_a_body(text: &str, name: &str, names: &mut Names<'_>) -> bool {
    const OWNED: &[&str] = &[
        "shares",
        "stock",
        "executives",
        "employees",
        "headquarters",
        "revenue",
        "profits",
        "profit",
        "sales",
        "products",
        "stores",
        "factory",
        "plant",
        "shareholders",
        "investors",
        "subsidiary",
    ];
    names.any_occurrence(name, 32, |at| {
        let end = at + name.len();
        let before = &text[..at];
        let after = &text[end..];
        if after.starts_with(char::is_alphanumeric) || before.ends_with(char::is_alphanumeric) {
            return false;
        }
        let owned = after
            .strip_prefix("’s ")
            .or_else(|| after.strip_prefix("'s "))
            .or_else(|| after.strip_prefix(' '))
            .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
            .is_some_and(|w| OWNED.contains(&w));
        // (Or named after its kind: `The hospital, Westmead, said`.)
        let kind_before = before
            .strip_suffix(", ")
            .and_then(|b| b.rsplit(' ').next())
            .is_some_and(|k| body_noun(&format!("the {}", k.to_lowercase())).is_some());
        owned
            || kind_before
            || after.starts_with(", which ")
            || ["shares of ", "stock of ", "employees at ", "workers at "]
                .iter()
                .any(|p| {
                    before.len() >= p.len()
                        && before.as_bytes()[before.len() - p.len()..]
                            .eq_ignore_ascii_case(p.as_bytes())
                })
    })
}

fn looks_like_person(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `w`, capitalised to open a sentence, is a group of people, not
/// a surname: `Investigators said`, `Thousands marched`.
fn is_group_word(w: &str) -> bool {
    words::lower_first_is(w, |l| {
        (l.ends_with('s') && lexicon::is_speaker_noun(l))
            || matches!(l, "thousands" | "hundreds" | "dozens" | "millions")
    })
}

/// Whether the word at `at` opens its sentence, where any word takes a
/// capital.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\u{a0}', '*', '_']);
    let before = before.strip_suffix(['”', '"']).unwrap_or(before);
    before.is_empty() || before.ends_with(['\n', '.', '!', '?'])
}

/// Whether the article, within some 4 KB of `at`, also writes the one-word
/// `name` with a small letter, as a word of its own: then the capital is
/// the sentence's (`Growers have long called …` beside `growers said`), and
/// the word is not a surname nobody introduced. (Near, not anywhere: a
/// search of the whole text per name would make a long text's check grow
/// with the square of its length.)
fn written_in_lower_case(text: &str, at: usize, name: &str) -> bool {
    let from = words::ceil_boundary(text, at.saturating_sub(4096));
    let to = words::floor_boundary(text, at + 4096);
    let text = &text[from..to];
    let Some(lower) = words::lower_first(name) else {
        return false;
    };
    memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[allow(clippy::too_many_arguments)]
fn resolve_pronoun(
    text: &str,
    m: &Mention,
    g: Gender,
    names: &mut Names<'_>,
    last: &Option<Last<'_>>,
    spans: &[Span],
    sp: &Span,
    blocks: &[scan::Block],
    introduced: &HashSet<String>,
) -> (Option<String>, Option<Issue>) {
    let pos = m.range.start;
    // "it" and "they" speak for a body or a group named as the subject of a
    // recent sentence: `The council met. “…,” it said.`
    if matches!(g, Gender::Neuter | Gender::Plural) {
        let first = sp.block.saturating_sub(1);
        for (bi, b) in blocks
            .iter()
            .enumerate()
            .take(sp.block + 1)
            .skip(first)
            .rev()
        {
            // A bounded look-back keeps long paragraphs linear.
            let start =
                words::ceil_boundary(text, b.range.start.max(pos.saturating_sub(PRONOUN_WINDOW)));
            let r = start..b.range.end.min(pos);
            if r.start >= r.end || names.heading_like(bi, || is_heading_like(text, b)) {
                continue;
            }
            if let Some(n) = group_subject(text, r, g, start == b.range.start) {
                return (Some(n), None);
            }
        }
    }
    // "he" and "she" speak for a person named only by a role, as the
    // subject of the sentence right before the quote: `Eastport’s manager
    // was gracious. “They deserved it,” he said.`
    if matches!(g, Gender::Male | Gender::Female) {
        let b = &blocks[sp.block];
        let end = pos.min(span_start(sp));
        let start =
            words::ceil_boundary(text, b.range.start.max(end.saturating_sub(PRONOUN_WINDOW)));
        if start < end {
            if let Some(n) = group_subject(text, start..end, g, start == b.range.start) {
                return (Some(n), None);
            }
        }
    }
    // `A neighbor who asked not to be named said …. “…,” she said.`
    if matches!(g, Gender::Male | Gender::Female) {
        if let Some(n) =
            unnamed_subject_before(text, span_start(sp), last.as_ref().map(|l| l.end), g)
        {
            return (Some(n), None);
        }
    }
    let first_block = sp.block.saturating_sub(2);
    let from = words::ceil_boundary(
        text,
        blocks[first_block]
            .range
            .start
            .max(pos.saturating_sub(PRONOUN_WINDOW)),
    );
    // `names` knows the quoted spans.
    let _ = spans;
    // (Room for the names of a few paragraphs at once.)
    let mut mentions = Vec::with_capacity(32);
    for (bi, b) in blocks
        .iter()
        .enumerate()
        .take(sp.block + 1)
        .skip(first_block)
    {
        let r = b.range.start.max(from)..b.range.end.min(pos);
        if r.start >= r.end || names.heading_like(bi, || is_heading_like(text, b)) {
            continue;
        }
        // Words inside quotes do not name the speaker.
        if r == b.range {
            mentions.extend_from_slice(names.block_name_mentions(bi));
            continue;
        }
        let toks = names.window_outside_quotes(bi, r);
        attrib::name_mentions(text, &toks, &mut mentions);
    }

    // For "he" and "she" the previous speaker must be a named person, not
    // "one questioner" or "the company".
    let named = |names: &mut Names<'_>, n: &str| {
        n.chars().next().is_some_and(char::is_uppercase)
            && !n
                .split_whitespace()
                .next()
                .is_some_and(lexicon::is_determiner)
            && !names.org_or_place(n)
    };
    let last_recent = last
        .as_ref()
        .filter(|l| l.block + 3 >= sp.block)
        .filter(|l| !matches!(g, Gender::Male | Gender::Female) || named(names, l.name));
    // (A name the text gave no gender falls back on its first name's:
    // `her husband, Neil,` is no "she".)
    let compatible = |names: &Names<'_>, n: &str| match (
        g,
        names
            .gender
            .get(n)
            .copied()
            .or_else(|| n.split(' ').next().and_then(lexicon::first_name_gender)),
    ) {
        (Gender::Male | Gender::Female, Some(k)) => k == g,
        (Gender::Male | Gender::Female, None) => true,
        (_, Some(Gender::Male | Gender::Female)) => false,
        _ => true,
    };
    // `Greene asked whether she had kept copies. “I kept everything,” she
    // replied.`: who asked is not who replies.
    let asker = replies(text, m.range.clone())
        .then(|| {
            mentions.iter().rev().take(16).find(|(r, _)| {
                let after = text[r.end..].trim_start_matches([' ', '\u{a0}']);
                let verb = after.split(|c: char| !c.is_alphabetic()).next();
                matches!(verb, Some("asked" | "asks"))
            })
        })
        .flatten()
        .and_then(|(r, _)| names.resolve(r.clone()))
        .map(|res| res.name);
    // Resolve the candidates, newest first.
    let mut cands: Vec<(Rc<str>, usize, bool, bool)> = Vec::with_capacity(16);
    // A pronoun points back a few names at most.
    for (r, subject) in mentions.iter().rev().take(16) {
        let Some(res) = names.resolve(r.clone()) else {
            continue;
        };
        if asker.as_ref() == Some(&res.name) {
            continue;
        }
        // A bare surname is a person once it has been quoted, or named as
        // someone's relation or role (`Her husband, Rui,`).
        let person = !res.bare
            || names.gender.contains_key(&*res.name)
            || last_recent.is_some_and(|l| l.name == &*res.name)
            || introduced.contains(&*res.name)
            || reports_speech(text, r.end)
            || after_role(text, r.start)
            || role_after(text, r.end)
            // (Not a place: `residents from Ballymun, who had travelled`.)
            || (text[r.end..].starts_with(", who ") && !after_from(text, r.start));
        // A place (`upstate New York`) is never "he" or "she", nor is a
        // name that only qualifies a thing (`the Cabo Norte lighthouse`).
        // Nor a name after a preposition of place, unless known as a
        // person (`He grew up in Port Ashby.`).
        let person = person
            && at_most_four_words(&res.name)
            && !names.org_or_place(&res.name)
            && !qualifies_a_thing(text, r.clone())
            && (!in_a_place(text, r.start)
                || names.gender.contains_key(&*res.name)
                || introduced.contains(&*res.name)
                || last_recent.is_some_and(|l| l.name == &*res.name));
        if matches!(g, Gender::Male | Gender::Female) && !person {
            continue;
        }
        if !compatible(names, &res.name) {
            continue;
        }
        // "It" is never a person given a first name (`Trump’s proposals`,
        // once Donald Trump is introduced).
        if g == Gender::Neuter
            && res.name.split_whitespace().nth(1).is_some()
            && res
                .name
                .split_whitespace()
                .next()
                .is_some_and(|f| lexicon::first_name_gender(f).is_some())
        {
            continue;
        }
        let known = names.gender.get(&*res.name) == Some(&g);
        cands.push((res.name, r.start, *subject, known));
    }
    // Whom the quote addresses by name does not say it: `“Well, Hank,
    // that is a choice the supervisors made,” he answered.`
    let addressed = if matches!(g, Gender::Male | Gender::Female) {
        addressed_in(&text[sp.inner.clone()])
    } else {
        Vec::new()
    };
    let not_them = |n: &str| !n.split(' ').any(|w| addressed.contains(&w));
    if !addressed.is_empty() && cands.iter().any(|c| not_them(&c.0)) {
        cands.retain(|c| not_them(&c.0));
    }
    let last_recent = last_recent.filter(|l| addressed.is_empty() || not_them(l.name));
    // The one who replies is the one asked: the latest other person named.
    if let (Some(_), Some(c)) = (&asker, cands.first()) {
        return (Some(String::from(&*c.0)), None);
    }
    if let Some(l) = last_recent {
        if compatible(names, l.name) {
            // A different person as the subject of a sentence since that
            // quote takes over.
            let newer = cands.iter().find(|c| c.1 > l.end && c.2);
            let Some(c) = newer else {
                return (Some(l.name.to_string()), None);
            };
            let mut chosen = main_subject(text, &cands, c);
            // The one asked answers: `Raman pressed Delacroix on …`.
            if let Some(a) = asked_by(text, chosen.1).and_then(|at| the_one_asked(&cands, at)) {
                chosen = a;
            }
            // Two people the pronoun fits who share the subject of a
            // sentence since that quote (`Marsh and Dumont went …`), of
            // its gender or of one the text never gives (`Choi and Park
            // embraced`).
            let rival = cands
                .iter()
                .find(|r| r.0 != chosen.0 && r.1 > l.end && joined(text, r.1, chosen.1));
            let issue = rival.map(|r| ambiguous(text, m, &chosen.0, &r.0));
            return (Some(String::from(&*chosen.0)), issue);
        }
    }
    // A pronoun that opens the speaker's own sentence is the speaker, and
    // the names after it are objects: `Darnell is more hopeful. He plans
    // to take the petition to Keystone Meridian’s office, along with, he
    // said, “…”`.
    if matches!(g, Gender::Male | Gender::Female) {
        // (The sentence's start: after the last full stop and space, or
        // line break, in the 400 bytes before; an abbreviation's full stop
        // only makes the opener a name, which changes nothing.)
        let own = words::sentence_start_in(text.as_bytes(), pos.saturating_sub(400), pos);
        if let Some(own) = own.filter(|&o| o <= pos) {
            if sentence_opener(g).is_some_and(|o| text[own..pos].starts_with(o))
                && cands.iter().any(|c| c.1 < own)
            {
                cands.retain(|c| c.1 < own);
            }
        }
    }
    // The most recent person, unless they are the object of a sentence
    // whose subject is another candidate (`X told Y … He said`).
    let pick = cands.first().map(|first| {
        // (A subject in a clause that another's verb brings in gives way:
        // `Tolliver predicted that Voss would be confirmed`.)
        if first.2 {
            return main_subject(text, &cands, first);
        }
        let sentence_start = sentence_start_before(text, first.1);
        // A name in a sentence that "he" or "she" opens is its object; the
        // pronoun goes on naming the subject before it: `Oskar Lindfeldt
        // died on Sunday. He took up the bass after hearing Paul Chambers.
        // “…,” he said`.
        if sentence_opener(g).is_some_and(|o| text[sentence_start..].starts_with(o)) {
            if let Some(c) = cands.iter().find(|c| c.1 < sentence_start && c.2) {
                return c;
            }
        }
        // Not one who asks a question: the one asked answers (`Raman
        // pressed Delacroix on whether … “…,” she said`).
        let subject = cands.iter().find(|c| c.2 && c.1 >= sentence_start);
        match subject.map(|c| (c, asked_by(text, c.1))) {
            Some((_, Some(asked))) => the_one_asked(&cands, asked).unwrap_or(first),
            Some((c, None)) => main_subject(text, &cands, c),
            None => first,
        }
    });
    let Some(pick) = pick else {
        // No one fits the pronoun's gender (the name list may be wrong about
        // a name): the previous speaker is the best guess left.
        return (
            last.as_ref()
                .filter(|l| l.block + 3 >= sp.block && compatible(names, l.name))
                .map(|l| l.name.to_string()),
            None,
        );
    };
    // When the pick is a sentence's subject, a rival is another subject of
    // that sentence or a later one, not someone named in passing (`under
    // President Barack Obama`) or in a sentence before.
    let mut since_at = None;
    let mut since = || {
        *since_at.get_or_insert_with(|| {
            let line = text[..pick.1].rfind('\n').map_or(0, |i| i + 1);
            sentence_start_before(text, pick.1).max(line)
        })
    };
    let rival = cands.iter().find(|c| {
        c.0 != pick.0
            && ((c.3
                && pick.3
                && c.1 + 400 > pos.min(pick.1 + 400)
                // (An owner is the subject only of its noun: `Vale’s
                // condition was improving`.)
                && (!pick.2 || owner_at(text, pick.1) || c.2 && c.1 >= since()))
                // Two subjects of one verb that the pronoun fits (each
                // candidate does): `Marchetti and Tolliver were seen
                // talking.`, `Tom Bell, the coach, and Sam Reyes, the
                // captain, spoke`.
                || (pick.2 && joined(text, c.1, pick.1)))
    });
    let issue = rival.map(|r| ambiguous(text, m, &pick.0, &r.0));
    (Some(String::from(&*pick.0)), issue)
}

/// Whether `name` has four words or fewer, as `split_whitespace` splits
/// them. (A name is nearly always ASCII: its bytes are read.)
fn at_most_four_words(name: &str) -> bool {
    if !name.is_ascii() {
        return name.split_whitespace().nth(4).is_none();
    }
    name.as_bytes()
        .split(|&b| words::is_ascii_space(b))
        .filter(|w| !w.is_empty())
        .nth(4)
        .is_none()
}

/// The unnamed person the sentence right before `quote_start` (in its
/// paragraph or the one before) brings in as its subject and has say
/// something: `A neighbor who asked not to be named said residents had
/// complained.` gives "a neighbor". Not a sentence the last quote (ending
/// at `last_end`) is in or after.
fn unnamed_subject_before(
    text: &str,
    quote_start: usize,
    last_end: Option<usize>,
    gender: Gender,
) -> Option<String> {
    let before = text[..quote_start].trim_end();
    let lo = words::ceil_boundary(before, before.len().saturating_sub(600));
    let window = &before[lo..];
    let body = window.trim_end_matches(['.', '!', '?']);
    // The sentence's start: after the last line break or `. `, or the
    // text's own start.
    let st = match words::sentence_start_in(body.as_bytes(), 0, body.len()) {
        Some(st) => st,
        None if lo == 0 => 0,
        None => return None,
    };
    if !body[st..].starts_with(['A', 'O']) {
        return None;
    }
    if last_end.is_some_and(|e| e > lo + st) {
        return None;
    }
    let sentence = &body[st..];
    let ws: Vec<&str> = sentence.split(' ').take(16).collect();
    if !matches!(ws.first(), Some(&("A" | "An" | "Another" | "One"))) {
        return None;
    }
    let head = (1..ws.len().min(5)).find(|&i| {
        let w = ws[i].trim_end_matches(',');
        w.chars().all(char::is_lowercase) && (is_person_noun(w) || lexicon::is_speaker_noun(w))
    })?;
    // One person, not a part of a group (`A lot of people`, `A few
    // residents`): "he" and "she" mean one.
    let plural = |w: &str| {
        (w.ends_with('s') && !w.ends_with("ss"))
            || matches!(
                w,
                "people" | "staff" | "police" | "crew" | "men" | "women" | "children"
            )
    };
    if ws[1..head]
        .iter()
        .any(|w| matches!(*w, "of" | "few" | "lot" | "number"))
        || plural(ws[head].trim_end_matches(','))
    {
        return None;
    }
    // The noun's gender must fit the pronoun's (`A woman … “…,” he said`),
    // and no named person be the one spoken to (`A reporter asked Cole`).
    if lexicon::person_noun_gender(ws[head].trim_end_matches(',')).is_some_and(|h| h != gender) {
        return None;
    }
    if ws.windows(2).any(|p| {
        (lexicon::cue(p[0]).is_some() || matches!(p[0], "asked" | "told"))
            && p[1].starts_with(char::is_uppercase)
    }) {
        return None;
    }
    let mut k = head + 1;
    if ws.get(k).is_some_and(|w| *w == "who") {
        // Past a short relative clause, to the verb it leads to.
        k = (k + 1..ws.len().min(k + 9)).find(|&i| lexicon::cue(ws[i]).is_some())?;
    } else if ws
        .get(k)
        .is_some_and(|w| matches!(*w, "at" | "from" | "in" | "on" | "with" | "for" | "of"))
    {
        // Past where they are from: `A nurse at the city hospital said`.
        k = (k + 1..ws.len().min(k + 7)).find(|&i| lexicon::cue(ws[i]).is_some())?;
    }
    // (Or a verb of speaking that is no cue of its own: `One steward
    // summed up the mood.`)
    let verb = ws.get(k)?;
    if lexicon::cue(verb).is_none() && !matches!(*verb, "summed" | "spoke" | "talked") {
        return None;
    }
    words::lower_first(&ws[..=head].join(" ").replace(',', ""))
}

/// The warning for a quoted person the article names at `range` by no
/// more than one name.
fn not_introduced(range: Range<usize>, name: &str) -> Issue {
    Issue {
        code: "speaker-not-introduced",
        severity: Severity::Warning,
        range,
        message: format!(
            "“{name}” is quoted but never introduced: give the full name and who they are on first reference"
        ),
        fix: None,
    }
}

/// A mention as the report gives it: without the Markdown emphasis marks
/// inside it (`Councillor **Maya Fenn`).
fn mention_text(s: &str) -> String {
    if s.bytes().any(|b| b == b'*' || b == b'_') {
        s.replace(['*', '_'], "")
    } else {
        s.to_string()
    }
}

/// Whether the one-word name ending at `end` is a first name the text
/// says it gives on purpose, with who the person is: `said Amina, a nurse
/// who asked that her surname be withheld`, `Dmitri, a driver who gave
/// only his first name`. A name with only a description (`Vasquez, a
/// lawyer`; `Warren, a Democrat`, a first name or a surname) still lacks
/// the full name.
fn by_first_name(text: &str, end: usize) -> bool {
    let hi = words::ceil_boundary(text, end + 200);
    let rest = &text[end..hi];
    let sentence = &rest[..rest.find(['.', '\n']).unwrap_or(rest.len())];
    let withheld = [
        "surname",
        "last name",
        "family name",
        "first name",
        "full name",
    ]
    .iter()
    .any(|w| sentence.contains(w));
    withheld && appositive_description(rest, false).is_some()
}

/// Whether the text gives the name at `at` as all it was told: `a woman
/// who gave her name only as Halyna`, `gave only his first name, Luis`.
fn given_as_first_name(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    let before = before.strip_suffix(',').unwrap_or(before);
    [
        "name only as",
        "name as",
        "first name",
        "first name only as",
        "first name is",
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

/// Whether the name that starts at `at` is an owner's (`Vale’s
/// condition`).
fn owner_at(text: &str, at: usize) -> bool {
    let hi = words::floor_boundary(text, at + 80);
    text[at..hi]
        .split(' ')
        .take_while(|w| words::is_capitalised(w))
        .any(words::is_possessive)
}

/// Whether the word before `at` is "from" or "of": `residents from
/// Ballymun`.
fn after_from(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    before.ends_with(" from") || before.ends_with(" of")
}

/// Whether the name at `at` follows a preposition of place (`grew up in
/// Port Ashby`, `a rally near Cold Spring`).
fn in_a_place(text: &str, at: usize) -> bool {
    // (Read as bytes: this is asked of every name a pronoun may mean.)
    let before = &text.as_bytes()[at.saturating_sub(12)..at];
    let Some(before) = before.strip_suffix(b" ") else {
        return false;
    };
    let word = before
        .rsplit(|&b| !b.is_ascii_alphabetic())
        .next()
        .unwrap_or(b"");
    matches!(
        word,
        b"in" | b"near" | b"outside" | b"across" | b"throughout" | b"around" | b"at" | b"into"
    )
}

/// The names a quote addresses someone by, set off by commas at its start
/// or its end: `Well, Hank, …`, `Senator Gault, …`, `…, Dani.`
fn addressed_in(quote: &str) -> Vec<&str> {
    let mut found = Vec::new();
    // Only the quote's first and last 60 bytes are read: a name it
    // addresses someone by opens or closes it.
    let head_end = words::floor_boundary(quote, 60);
    let tail_start = words::ceil_boundary(quote, quote.len().saturating_sub(60));
    // (Read as bytes: the marks are ASCII, and no other character holds
    // an ASCII byte.)
    let bytes = quote.as_bytes();
    let is_mark = |b: &u8| matches!(b, b',' | b'.' | b'?' | b'!');
    // The head's first two clauses, each when a mark in the head ends it:
    // a clause cut at the head's end is no whole clause.
    let first = bytes[..head_end].iter().position(is_mark);
    let second = first.and_then(|a| {
        let b = bytes[a + 1..head_end].iter().position(is_mark)?;
        Some(a + 1 + b)
    });
    let head = [
        first.map(|a| (0, &quote[..a])),
        first.zip(second).map(|(a, b)| (1, &quote[a + 1..b])),
    ];
    // The last clause: before the closing mark, if there is one.
    let ends_marked = bytes.last().is_some_and(is_mark);
    let tail = {
        let t = &bytes[tail_start..];
        let end = t.len() - usize::from(ends_marked);
        let start = t[..end].iter().rposition(is_mark).map_or(0, |p| p + 1);
        &quote[tail_start + start..tail_start + end]
    };
    for (k, c) in head.into_iter().flatten().chain([(2, tail)]) {
        let c = c.trim();
        // One to three capitalised words (read only when the first is).
        if !c.starts_with(|ch: char| ch.is_uppercase())
            || c.bytes().filter(|&b| b == b' ').count() > 2
            || (k == 0 && !bytes.iter().any(is_mark))
        {
            continue;
        }
        let last = c.rsplit(' ').next().unwrap_or(c);
        // (Not `In Washington, nobody listens`.)
        // (Not `In Washington, nobody listens`; but `Mr Dunn`.)
        let lead = c.split(' ').next().unwrap_or(c);
        let named = c
            .split(' ')
            .all(|w| words::is_capitalised(w) && !words::is_all_caps(w))
            && (!lexicon::is_name_stop(lead) || lexicon::is_title_word(lead))
            && !lexicon::is_name_stop(last)
            && !matches!(
                last,
                "I" | "Well" | "Yes" | "No" | "Okay" | "OK" | "Look" | "Sir" | "Oh"
            );
        if named {
            found.push(last);
        }
    }
    found
}

/// Whether a role after "the" describes a person as sports and feature
/// pages do on second reference, by a trait and a role: `Spanish
/// midfielder`, `28-year-old striker`, `veteran lawmaker`.
fn is_epithet(noun: &str) -> bool {
    let mut ws = noun.split(' ');
    let Some(head) = ws.next_back() else {
        return false;
    };
    let traits: Vec<&str> = ws.collect();
    // A party's member, with or without a place: `the Ohio Democrat`, `the
    // Republican`, `the Tory backbencher` (below).
    if matches!(
        head,
        "Democrat" | "Republican" | "Tory" | "Conservative" | "Labour"
    ) && traits.len() <= 2
        && traits.iter().all(|w| words::is_capitalised(w))
    {
        return true;
    }
    !traits.is_empty()
        && traits.len() <= 3
        && head.starts_with(|c: char| c.is_ascii_lowercase())
        && is_person_noun(head)
        && traits.iter().any(|w| {
            lexicon::is_nationality(w)
                || words::age(w).is_some()
                || matches!(
                    *w,
                    "veteran" | "former" | "young" | "experienced" | "long-serving" | "retired"
                )
        })
}

/// The person named as the subject of the sentence right before quote
/// `sp`, in its paragraph: `De la Vega spoke as he left.`
fn subject_before_quote(
    text: &str,
    sp: &Span,
    blocks: &[scan::Block],
    names: &mut Names<'_>,
) -> Option<String> {
    let b = &blocks[sp.block];
    let end = span_start(sp);
    if end <= b.range.start {
        return None;
    }
    let toks = names
        .window_outside_quotes(sp.block, b.range.start..end)
        .into_owned();
    let m = attrib::previous_sentence(text, &toks)?.mention?;
    if m.kind != MentionKind::Name {
        return None;
    }
    let r = names.resolve(m.range)?;
    (r.name.contains(' ') && !names.org_or_place(&r.name)).then(|| String::from(&*r.name))
}

/// Whether a noun phrase can stand for someone the text named: `the chief
/// executive`, not `a nurse` or `the crowd`.
fn names_a_role_holder(np: &str) -> bool {
    np.strip_prefix("the ")
        .or_else(|| np.strip_prefix("The "))
        .and_then(|r| r.rsplit(' ').next())
        .is_some_and(is_person_noun)
}

/// Whether the name at `at` follows a person's role or relation and a
/// comma: `Her husband, Rui,`, `the driver, Tom Price`.
fn after_role(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(", ") else {
        return false;
    };
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    is_person_noun(word)
}

/// The person the text has called `noun` (`senator`, `minister`) before
/// `at`: by a title before a full name (`Sen. Margaret Halloway`), or by
/// the noun set off before or after the name (`the local government
/// minister, Rebecca Thorne`; `Patricia Vance, the committee chairwoman`).
/// Of several, the one whose surname came last; none when someone else
/// has been called so since (`Acme’s president`, `a senator`). Reads the
/// 8 KB before `at`.
fn role_holder(text: &str, noun: &str, at: usize, names: &mut Names<'_>) -> Option<String> {
    // (`the 24-year-old striker`: an age is part of the role; and the
    // body whose role it is, by name: `the Brackenford manager`.)
    let head = noun.rsplit(' ').next().unwrap_or(noun);
    if noun.is_empty()
        || !head
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        || !noun
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'-' | b'\'' | b'&' | b'.'))
    {
        return None;
    }
    // A person's post or role: not `the study`. (Or age: `the
    // 21-year-old`, for `Danny Holloway, 21,`.)
    let age = words::age(head);
    if !is_person_noun(head) && age.is_none() {
        return None;
    }
    // (name's range, where the role's own words end)
    // A surname alone after the title (`President Obama`) may be someone
    // the article names in full as someone else: when it comes last, the
    // noun stays as written.
    let (cands, surnames): (Vec<Range<usize>>, Vec<Range<usize>>) = names
        .titled_before(noun, at)
        .into_iter()
        .partition(|r| text[r.clone()].contains(' '));
    let unsure_after = surnames.iter().map(|r| r.start).max();
    let mut cands: Vec<(Range<usize>, usize)> =
        cands.into_iter().map(|r| (r.clone(), r.end)).collect();
    let lo = words::ceil_boundary(text, at.saturating_sub(8192));
    let window = &text[lo..at];
    // The last eight times the noun is written, at most. A noun that
    // cannot overlap itself (none of its starts is one of its ends) has
    // the same places read forwards, with the SIMD search, as backwards,
    // with the plain one: a noun met a few times in the 8 KB is found
    // at a fraction of the cost.
    let n = noun.as_bytes();
    let overlaps = (1..n.len()).any(|k| n[..k] == n[n.len() - k..]);
    let places: Vec<usize> = if overlaps {
        memchr::memmem::rfind_iter(window.as_bytes(), n)
            .take(8)
            .collect()
    } else {
        let mut all: Vec<usize> = memchr::memmem::find_iter(window.as_bytes(), n).collect();
        all.drain(..all.len().saturating_sub(8));
        all.reverse();
        all
    };
    for &i in places.iter().rev() {
        let (start, end) = (lo + i, lo + i + noun.len());
        // (Nor `then-mayor`, `ex-coach`.)
        if text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '-')
            || text[end..].starts_with(|c: char| c.is_alphanumeric())
        {
            continue;
        }
        // Not a deputy's or a former holder's: `the lieutenant governor`.
        // (Two words back too: `replaced longtime coach Tom Reyes`.)
        let from = words::ceil_boundary(text, start.saturating_sub(40));
        let before = text[from..start].trim_end_matches(' ');
        if before
            .rsplit([' ', '\n'])
            .take(2)
            .any(lexicon::not_the_holder)
        {
            continue;
        }
        // Before the name, closed by a comma: `the … minister, Rebecca
        // Thorne, said`.
        if let Some(r) = text[end..at]
            .strip_prefix(", ")
            .and_then(|_| attrib::name_at(text, end + 2))
        {
            if text[r.end..].starts_with(',') {
                cands.push((r, end));
            }
            continue;
        }
        // Right before the name, as a title in lower case: `Velmont coach
        // Henrik Saltveit`, `city manager Tom Reyes`.
        if let Some(r) = text[end..at]
            .strip_prefix(' ')
            .and_then(|_| attrib::name_at(text, end + 1))
            .filter(|r| text[r.clone()].contains(' '))
        {
            cands.push((r, end));
            continue;
        }
        // After it, the appositive closed by a comma: `Patricia Vance, the
        // committee chairwoman, opened`; or by the sentence's end, perhaps
        // with its complement: `said Levan Tsiklauri, a spokesman for the
        // Democratic Bloc.`
        let closed = end + attrib::source_complement(&text[end..at]);
        if !text[closed..at].starts_with([',', '.']) {
            continue;
        }
        let near = words::ceil_boundary(text, start.saturating_sub(160));
        let clause_start = text[near..start]
            .rfind(", ")
            .map(|c| near + c)
            .filter(|&c| {
                let between = &text[c + 2..start];
                between.split(' ').count() <= 5
                    && between
                        .split(' ')
                        .next()
                        .is_some_and(|w| matches!(w, "the" | "a" | "an"))
                    && !between.contains([',', '.', '“', '"'])
            });
        if let Some(c) = clause_start {
            let name_end = c;
            let name_start = text[near..name_end]
                .rfind(|ch: char| {
                    !(ch.is_alphanumeric() || matches!(ch, ' ' | '.' | '-' | '’' | '\''))
                })
                .map_or(near, |p| {
                    near + p + text[near + p..].chars().next().map_or(1, char::len_utf8)
                });
            let run = text[name_start..name_end].trim_start();
            let words: Vec<&str> = run.split(' ').collect();
            let first_cap = words
                .iter()
                .rposition(|w| !words::nameish(w))
                .map_or(0, |p| p + 1);
            let name: Vec<&str> = words[first_cap..].to_vec();
            if name.len() >= 2 {
                let len: usize = name.iter().map(|w| w.len()).sum::<usize>() + name.len() - 1;
                cands.push((name_end - len..name_end, end));
            }
        }
    }
    // `Danny Holloway, 21, scored`: the name before the age set off.
    if let Some(n) = age.filter(|_| noun == head) {
        for comma in words::ages_set_off(text, at, n) {
            let mut first = comma;
            let mut words = 0;
            while words < 4 {
                let Some(r) = words::prev_word(text, first) else {
                    break;
                };
                if !words::nameish(&text[r.clone()])
                    || (words > 0 && r.end + 1 != first)
                    || (words == 0 && r.end != first)
                {
                    break;
                }
                first = r.start;
                words += 1;
            }
            if words >= 2 {
                // (The role ends after `, 21,`.)
                cands.push((first..comma, comma + n.len() + 3));
            }
        }
    }
    let mut best: Option<(usize, String, usize)> = None;
    for (r, role_end) in cands {
        // A person: not a place or a body (`In New York, the governor`).
        let Some(res) = names
            .resolve(r.clone())
            .filter(|res| res.name.contains(' '))
            .filter(|res| !words::is_capitalised(&res.name) || !attrib::is_org_name(&res.name))
        else {
            continue;
        };
        if names.org_or_place(&res.name) {
            continue;
        }
        let surname = res.name.rsplit(' ').next().unwrap_or("");
        let last_seen = memchr::memmem::rfind(window.as_bytes(), surname.as_bytes())
            .map_or(r.start, |i| (lo + i).max(r.start));
        if best.as_ref().is_none_or(|b| last_seen > b.0) {
            best = Some((last_seen, String::from(&*res.name), role_end));
        }
    }
    let (last_seen, name, role_end) = best?;
    (unsure_after.is_none_or(|u| u < last_seen) && !called_so_between(text, noun, role_end..at))
        .then_some(name)
}

/// Whether `text[r]` calls someone `noun` other than by a title before a
/// name: `Acme’s president`, `a senator`, `the president of the club`.
/// (Read over 8 KB at most.)
fn called_so_between(text: &str, noun: &str, r: Range<usize>) -> bool {
    let lo = words::ceil_boundary(text, r.start.max(r.end.saturating_sub(8192)));
    let between = &text[lo..r.end];
    memchr::memmem::find_iter(between.as_bytes(), noun.as_bytes()).any(|i| {
        let Some(before) = between[..i].strip_suffix(' ') else {
            return false;
        };
        let rest = &between[i + noun.len()..];
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        let word = before.rsplit([' ', '\n']).next().unwrap_or("");
        words::is_possessive(word)
            || matches!(word, "a" | "an" | "A" | "An")
            || rest.starts_with(" of ")
    })
}

/// Whether the name that ends at `end` is followed by a person's role set
/// off by commas: `Henley, the commission chairman,`.
fn role_after(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return false;
    };
    let Some(clause) = rest.split([',', '.', ';', '\n']).next() else {
        return false;
    };
    let mut ws = clause.split_whitespace();
    ws.next()
        .is_some_and(|w| matches!(w, "the" | "a" | "an" | "his" | "her"))
        && ws.take(6).any(is_person_noun)
}

/// Whether the name at `r` stands between "the" and a common noun, as a
/// qualifier: `the Cabo Norte lighthouse`, `the Harbour Street bakery`.
fn qualifies_a_thing(text: &str, r: Range<usize>) -> bool {
    let after = &text[r.end..];
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    // (The word before first: it is seldom "the".)
    if !text[..r.start].ends_with("the ") {
        return false;
    }
    let next = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    next.len() > 2
        && next.starts_with(|c: char| c.is_ascii_lowercase())
        && !attrib::looks_like_verb(next)
        && !attrib::is_function_word(next)
}

/// Whether the pronoun at `r` replies: `she replied`, `answered he`.
fn replies(text: &str, r: Range<usize>) -> bool {
    let is_reply = |w: &[u8]| {
        let n = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        matches!(
            &w[..n],
            b"replied" | b"answered" | b"responded" | b"retorted"
        )
    };
    let after = text[r.end..].trim_start_matches([' ', '\u{a0}']).as_bytes();
    let before = text[..r.start]
        .trim_end_matches([' ', '\u{a0}', ','])
        .as_bytes();
    let prev_start = before
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    is_reply(after) || is_reply(&before[prev_start..])
}

/// The candidate named where a question's object starts (after a title,
/// perhaps: `asked Police Chief Maria Ortiz whether`).
fn the_one_asked<T>(
    cands: &[(T, usize, bool, bool)],
    at: usize,
) -> Option<&(T, usize, bool, bool)> {
    cands
        .iter()
        .filter(|a| (at..at + 40).contains(&a.1))
        .min_by_key(|a| a.1)
}

/// Where the person a question is put to starts, when the name that
/// starts at `at` asks it: `Raman pressed Delacroix on whether …`, `Dorn
/// asked Linda Kowalczyk if …`; not a request (`asked Maria Ortiz to
/// resign`).
fn asked_by(text: &str, at: usize) -> Option<usize> {
    let mut rest = &text[at..];
    // Past the name's own capitalised words, to its verb.
    loop {
        let (w, r) = rest.split_once(' ')?;
        rest = r;
        if !w.starts_with(char::is_uppercase) {
            if !matches!(
                w,
                "asked" | "asks" | "pressed" | "presses" | "questioned" | "quizzed"
            ) {
                return None;
            }
            break;
        }
    }
    let object = text.len() - rest.len();
    // The one asked: capitalised words (a title and a name), then what
    // the question is about.
    for (n, w) in rest.split(' ').enumerate() {
        if !w.starts_with(char::is_uppercase) {
            let question = matches!(
                w,
                "whether" | "if" | "about" | "on" | "how" | "what" | "why" | "when" | "who"
            );
            return (n > 0 && question).then_some(object);
        }
    }
    None
}

/// Whether the names starting at `a` and `b` are joined by "and" into one
/// subject (`Marsh and Dumont`, `Jo Marsh and Claire Dumont`).
fn joined(text: &str, a: usize, b: usize) -> bool {
    let between = &text[a.min(b)..a.max(b)];
    // (`Sen. Ellis Marchetti and Sen. Bryce Tolliver`.)
    let mut joint = between;
    while let Some((rest, w)) = joint.trim_end().rsplit_once(' ') {
        if !lexicon::is_title_word(w) {
            break;
        }
        joint = &between[..rest.len() + 1];
    }
    // Either way the names are joined by a final "and " (`…, the coach,
    // and `, ` and `): without it, nothing more to read.
    if !joint.ends_with("and ") {
        return false;
    }
    // (Each perhaps with an appositive: `Tom Bell, the coach, and Sam
    // Reyes, the captain,`.)
    let set_off = |j: &'_ str| {
        let (name, rest) = j.split_once(", ")?;
        let (role, tail) = rest.split_once(", ")?;
        let role_ok = role.split(' ').count() <= 6
            && role.starts_with(|c: char| c.is_lowercase())
            && !role.contains([';', ':', '\n', '“', '"']);
        (role_ok && !name.contains([';', ':', '\n']) && tail == "and ").then_some(())
    };
    if set_off(joint).is_some() {
        return true;
    }
    joint.ends_with(" and ")
        && !joint.contains([',', ';', ':', '\n'])
        && joint
            .split(' ')
            .all(|w| !w.contains('.') || lexicon::is_title_word(w))
        && joint.split_whitespace().count() <= 5
}

/// The issue for a pronoun that could point to `one` or `other`.
fn ambiguous(text: &str, m: &Mention, one: &str, other: &str) -> Issue {
    Issue {
        code: "ambiguous-speaker",
        severity: Severity::Warning,
        range: m.range.clone(),
        message: format!(
            "“{}” could be {one} or {other}: name the speaker",
            &text[m.range.clone()]
        ),
        fix: None,
    }
}

/// Whether a speech verb follows the name ending at `end` (`Ferrand said
/// …`): what reports speech is a person, even when named by surname only.
fn reports_speech(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    let w = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "explained"
            | "argued"
            | "insisted"
            | "recalled"
            | "replied"
            | "noted"
            | "wrote"
    )
}

/// The subject of the main clause of the sentence holding candidate `c`,
/// when it opens that sentence: in `Ryan, despite his doubts, believes
/// McConnell is right`, a later "he" is Ryan, not McConnell.
fn main_subject<'c>(
    text: &str,
    cands: &'c [(Rc<str>, usize, bool, bool)],
    c: &'c (Rc<str>, usize, bool, bool),
) -> &'c (Rc<str>, usize, bool, bool) {
    // Only a candidate in an embedded clause (`believes McConnell is`,
    // `that Trump's plan`) gives way.
    let prev = text[..c.1].split_whitespace().next_back().unwrap_or("");
    let embedded = matches!(
        prev,
        "that" | "believe" | "think" | "thinks" | "know" | "knows" | "feel" | "feels" | "hope"
    ) || attrib::looks_like_verb(prev);
    if !embedded {
        return c;
    }
    let start = sentence_start_before(text, c.1);
    // The same paragraph: a line break ends the look back.
    let start = text[start..c.1]
        .rfind('\n')
        .map_or(start, |i| start + i + 1);
    cands
        .iter()
        .rev()
        .find(|o| {
            if !(o.2 && o.1 >= start && o.1 < c.1) {
                return false;
            }
            let lead = &text[start..o.1];
            lead.split_whitespace().count() <= 1
                && !lead.contains([',', '\n'])
                && !attrib::is_subordinator(lead.trim())
        })
        .unwrap_or(c)
}

/// The latest sentence in `r` whose subject is a body or a group that fits
/// the pronoun `g`: `The city council met …` for "it", `The unions
/// disagreed …` for "they". People are left to the name rules. `whole`
/// says that `r` starts at its paragraph's start.
fn group_subject(text: &str, r: Range<usize>, g: Gender, whole: bool) -> Option<String> {
    let s = &text[r];
    let bytes = s.as_bytes();
    let starts_at = |i: usize| {
        matches!(bytes[i - 1], b'.' | b'?' | b'!')
            && bytes[i] == b' '
            && (bytes[i + 1].is_ascii_uppercase() || matches!(bytes[i + 1], b'"' | 0xE2))
            && !words::keeps_dot(s[..i - 1].rsplit([' ', '\n']).next().unwrap_or(""))
    };
    let inner = 1..bytes.len().saturating_sub(1);
    // A person is the subject of the last sentence only. A cut paragraph's
    // first fragment is no sentence.
    let person = matches!(g, Gender::Male | Gender::Female);
    let starts: Vec<usize> = if person {
        // From the end, by the sentence marks only.
        let mut hi = inner.end;
        let mut last = None;
        while let Some(p) = memchr::memrchr3(b'.', b'?', b'!', &bytes[..hi]) {
            if inner.contains(&(p + 1)) && starts_at(p + 1) {
                last = Some(p + 2);
                break;
            }
            hi = p;
        }
        last.or(whole.then_some(0)).into_iter().collect()
    } else {
        let mut v = if whole { vec![0] } else { Vec::new() };
        // (Only the byte after a sentence mark can start a sentence.)
        v.extend(
            memchr::memchr3_iter(b'.', b'?', b'!', bytes)
                .map(|p| p + 1)
                .filter(|&i| inner.contains(&i) && starts_at(i))
                .map(|i| i + 1),
        );
        v
    };
    starts.iter().rev().find_map(|&st| {
        let sentence = &s[st..];
        // A person's role has its possessive among the first words.
        if person && !sentence.split(' ').take(2).any(words::is_possessive) {
            return None;
        }
        let mut ws = sentence.split(' ').take(8).peekable();
        let mut np: Vec<&str> = Vec::new();
        let first = ws.next()?;
        let det = matches!(first, "The" | "Its" | "Their");
        if !det {
            np.push(first);
        }
        // The phrase runs up to its verb; punctuation before one ends it.
        let mut open = true;
        loop {
            let w = ws.next()?;
            let bare = w.trim_end_matches(['.', ',', ';', ':']);
            // `Commission on Presidential Debates`: a preposition inside a
            // body's name, between capitals.
            let in_name = matches!(bare, "on" | "for" | "in")
                && np.last().is_some_and(|p| words::is_capitalised(p))
                && ws.peek().is_some_and(|n| {
                    words::is_capitalised(n)
                        && !lexicon::is_name_stop(n.trim_end_matches(['.', ',', ';', ':']))
                });
            // An adverb ends the phrase only before its verb: `The council
            // first said`, not `The former first lady`.
            let adverb_alone = matches!(bare, "first" | "then" | "once")
                && !ws
                    .peek()
                    .is_some_and(|n| attrib::looks_like_verb(n.trim_end_matches([',', '.'])));
            // `The fishing crews`: the word after "The" is not the verb.
            let ends = !in_name
                && ((attrib::looks_like_verb(bare) && !adverb_alone)
                    || attrib::is_function_word(bare) && !matches!(bare, "of" | "and"));
            if ends && !(det && np.is_empty()) {
                break;
            }
            open &= bare.len() == w.len();
            np.push(bare);
        }
        if !open {
            return None;
        }
        // A person's role with the name set off after it is that person,
        // whom the names before the quote offer: `Crestline’s vice
        // president for development, Marisa Tull, told the council`.
        let cut = words::floor_boundary(sentence, 120);
        if person && named_after_role(&sentence[..cut]) {
            return None;
        }
        // `The nonpartisan Commission on …`: the name without the
        // adjectives before it.
        if det {
            if let Some(k) = np.iter().position(|w| words::is_capitalised(w)) {
                if k > 0 && np[..k].iter().all(|w| !words::is_possessive(w)) {
                    np.drain(..k);
                }
            }
        }
        let last = *np.last()?;
        if np.len() > 5
            || np.iter().any(|w| {
                // (`Workers’ Union`: a plural's possessive too.)
                let possessive = words::is_possessive(w) || w.ends_with("s’") || w.ends_with("s'");
                !(w.chars().all(|c| c.is_alphanumeric() || c == '-') || possessive)
                    || lexicon::pronoun(w).is_some()
                    || (attrib::is_function_word(w)
                        && !matches!(*w, "of" | "and" | "on" | "for" | "in"))
            })
        {
            return None;
        }
        let phrase = np.join(" ");
        let org = attrib::is_org_name(&phrase);
        let lower_head = last.chars().next().is_some_and(char::is_lowercase);
        let plural_head = last.ends_with('s') && !last.ends_with("ss");
        // A body of people is "they" as often as "it": `the campaign …
        // what they call`.
        // `Clinton’s campaign`: a possessive determines the phrase too.
        let collective = matches!(
            last,
            "campaign" | "administration" | "team" | "committee" | "party" | "staff" | "panel"
        );
        let possessed = np.iter().any(|w| words::is_possessive(w));
        let det = det || possessed;
        let fits = match g {
            // A body's name may end in a plural (`Commission on
            // Presidential Debates`), unless the plural is what makes it a
            // body (`Senate Democrats`: they).
            Gender::Neuter => {
                (org && (!plural_head || np[..np.len() - 1].iter().any(|w| attrib::is_org_name(w))))
                    // `the former first lady` is a person, never "it".
                    || (det
                        && lower_head
                        && !plural_head
                        && lexicon::person_noun_gender(last).is_none())
            }
            // `Eastport’s manager`, not `the manager` (most often someone
            // named earlier) nor `Eastport’s defence`.
            // (Nor `Hale’s wife` for "he".)
            Gender::Male | Gender::Female => {
                possessed
                    && lower_head
                    && is_person_noun(last)
                    && lexicon::person_noun_gender(last).is_none_or(|k| k == g)
            }
            _ => (org || det || !lower_head) && (plural_head || collective),
        };
        fits.then(|| {
            // `the study`, as a common noun phrase is written mid-sentence;
            // a name with its capital.
            if det && lower_head && first == "The" {
                return format!("the {phrase}");
            }
            let mut p = phrase;
            if let Some(c) = p.get(..1) {
                let up = c.to_uppercase();
                p.replace_range(..1, &up);
            }
            p
        })
    })
}

/// Whether `w`, a word with any comma or full stop after it, is a speech
/// verb (`said,`).
fn is_cue_verb(w: &str) -> bool {
    matches!(
        lexicon::cue(w.trim_end_matches([',', '.'])),
        Some(lexicon::Cue::Verb)
    )
}

/// Where the closing mark of an unclosed quote belongs, when the
/// attribution sits inside it: right after `,` in `…, said Reilly` or
/// `…, Reilly said`.
fn close_point(text: &str, inner: Range<usize>) -> Option<usize> {
    let s = &text[inner.clone()];
    let mut from = 0;
    while let Some(i) = s[from..].find([',', '?', '!']) {
        let at = from + i;
        if !s[at + 1..].starts_with(' ') {
            from = at + 1;
            continue;
        }
        let rest: Vec<&str> = s[at + 2..].split_whitespace().take(4).collect();
        // After a question or an exclamation, only an attribution that
        // ends its sentence: `Will you sign? Oduya asked.`, not `Who
        // knows? Nobody said a word.`
        if s.as_bytes()[at] != b','
            && !matches!(rest.as_slice(), [_, w2, ..] if w2.ends_with('.') && is_cue_verb(w2))
        {
            from = at + 2;
            continue;
        }
        let hit = match rest.as_slice() {
            [w1, ..] if is_cue_verb(w1) => true,
            [w1, w2, ..]
                if (words::is_capitalised(w1) || lexicon::pronoun(w1).is_some())
                    && is_cue_verb(w2) =>
            {
                true
            }
            [w1, w2, w3, ..]
                if words::is_capitalised(w1) && words::is_capitalised(w2) && is_cue_verb(w3) =>
            {
                true
            }
            // `“Somebody knows what happened, the chief said.`
            // (The verb ending its clause: not `At half-time, the players
            // said they were fine, …`, someone else's words inside.)
            [d, n, w3, ..]
                if matches!(*d, "the" | "a" | "an" | "her" | "his" | "their")
                    && n.bytes().all(|b| b.is_ascii_lowercase())
                    && w3.ends_with(['.', ','])
                    && is_cue_verb(w3.trim_end_matches(['.', ','])) =>
            {
                true
            }
            _ => false,
        };
        if hit {
            return Some(inner.start + at + 1);
        }
        from = at + 2;
    }
    None
}

/// "He " or "She " opening a sentence, for a pronoun of that gender.
fn sentence_opener(g: Gender) -> Option<&'static str> {
    match g {
        Gender::Male => Some("He "),
        Gender::Female => Some("She "),
        _ => None,
    }
}

/// Whether the first comma of `s` sets off a name of two or more
/// capitalised words: `…’s vice president, Marisa Tull, told`.
fn named_after_role(s: &str) -> bool {
    let Some(c) = s.find(", ") else {
        return false;
    };
    let Some(e) = s[c + 2..].find(',') else {
        return false;
    };
    let name: Vec<&str> = s[c + 2..c + 2 + e].split(' ').collect();
    (2..=4).contains(&name.len()) && name.iter().all(|w| words::nameish(w))
}

/// Whether the quoted words `inner` end with their own attribution in the
/// last sentence: `…, Oduya asked.`, `…, said Jon Pell, a lawyer.` (Not
/// `…, I said to myself`, the speaker's own words.)
fn ends_with_attribution(text: &str, inner: Range<usize>) -> bool {
    let Some(at) = close_point(text, inner.clone()) else {
        return false;
    };
    let rest = text[at..inner.end].trim_end();
    let first = rest
        .trim_start_matches([',', ' '])
        .split(' ')
        .next()
        .unwrap_or("");
    let body = rest.trim_end_matches(['.', '!', '?']);
    !body.contains(". ")
        && !body.contains("? ")
        && !body.contains("! ")
        && !matches!(first, "I" | "we" | "you" | "We" | "You")
}

/// Where the closing mark of an unclosed quote belongs when a sentence
/// inside it is the writer's, naming someone already named before the
/// quote and saying what they said: `showed “a gap nobody could explain.
/// Lind, who led the review, told jurors …` closes after `explain.`.
fn close_before_narration(text: &str, block_start: usize, inner: Range<usize>) -> Option<usize> {
    let s = &text[inner.clone()];
    // The paragraph's words before the quote, some 600 bytes at most.
    let lo = words::ceil_boundary(text, block_start.max(inner.start.saturating_sub(600)));
    let before = &text[lo..inner.start];
    let mut from = 0;
    while let Some(i) = s[from..].find(". ") {
        let at = from + i;
        from = at + 2;
        let rest: Vec<&str> = s[at + 2..].split_whitespace().take(12).collect();
        let Some(first) = rest.first() else { break };
        let name = first.trim_end_matches(',');
        // A surname the paragraph gave with a first name (`Marta Lind`), not
        // any capitalised word (`Police`).
        let named_before = words::is_capitalised(name)
            && !lexicon::is_name_stop(name)
            && lexicon::pronoun(name).is_none()
            && before.match_indices(name).any(|(j, _)| {
                let next = before[j + name.len()..].chars().next();
                let first = before[..j]
                    .strip_suffix(' ')
                    .and_then(|b| b.rsplit([' ', '\n']).next())
                    .filter(|f| !f.is_empty());
                !next.is_some_and(char::is_alphanumeric)
                    && first.is_some_and(|f| {
                        words::is_capitalised(f)
                            && f.chars().all(char::is_alphabetic)
                            && !lexicon::is_name_stop(f)
                    })
            });
        if !named_before {
            continue;
        }
        // The cue right after the name, or after an appositive set off by
        // commas (`Lind, who led the review, told`).
        let cue_next = rest.get(1).is_some_and(|w| is_cue_verb(w));
        let after_appositive = first.ends_with(',')
            && rest[1..]
                .iter()
                .position(|w| w.ends_with(','))
                .is_some_and(|c| rest.get(c + 2).is_some_and(|w| is_cue_verb(w)));
        if cue_next || after_appositive {
            return Some(inner.start + at + 1);
        }
    }
    None
}

/// Issues about the marks themselves.
fn mark_issues(text: &str, sp: &Span, spans: &[Span], issues: &mut Vec<Issue>) {
    let _ = spans;
    if sp.missing_open {
        let at = sp.inner.start;
        let close_straight = sp.close.as_ref().is_some_and(|c| &text[c.clone()] == "\"");
        let mark = if close_straight { "\"" } else { "“" };
        let word_end = text[at..sp.inner.end]
            .find(char::is_whitespace)
            .map_or(sp.inner.end, |i| at + i);
        issues.push(Issue {
            code: "missing-open-quote",
            severity: Severity::Error,
            range: at..word_end,
            message: format!(
                "This quote has a closing mark but no opening mark: insert {mark} here"
            ),
            fix: Some(Fix {
                label: format!("Insert {mark}"),
                range: at..at,
                insert: mark.to_string(),
            }),
        });
    }
    if sp.missing_close {
        let open = sp.open.clone().unwrap_or(sp.inner.start..sp.inner.start);
        let straight = sp.open.as_ref().is_some_and(|o| &text[o.clone()] == "\"");
        let mark = if straight { "\"" } else { "”" };
        let fix = sp.close.as_ref().map(|c| Fix {
            label: format!("Insert {mark}"),
            range: c.start..c.start,
            insert: mark.to_string(),
        });
        if let Some(f) = fix {
            issues.push(Issue {
                code: "missing-close-quote",
                severity: Severity::Error,
                range: open,
                message: format!(
                    "This quote is never closed: insert {mark} before the attribution"
                ),
                fix: Some(f),
            });
            return;
        }
        issues.push(Issue {
            code: "missing-close-quote",
            severity: Severity::Error,
            range: open,
            message: "This quote is opened but never closed: add the closing mark where the quoted words end"
                .to_string(),
            fix: None,
        });
    }
}

fn mixed_styles(sc: &scan::Scan, issues: &mut Vec<Issue>) {
    let (s, c) = (&sc.straight_marks, &sc.curly_marks);
    if s.is_empty() || c.is_empty() {
        return;
    }
    let (minority, what, other) = if s.len() <= c.len() {
        (s, "straight (\")", "curly (“ ”)")
    } else {
        (c, "curly (“ ”)", "straight (\")")
    };
    let at = minority[0];
    let len = if minority == s { 1 } else { 3 };
    issues.push(Issue {
        code: "mixed-quote-styles",
        severity: Severity::Warning,
        range: at..at + len,
        message: format!(
            "The article mixes {what} and {other} quotation marks ({} and {}); use one style",
            minority.len(),
            if minority == s { c.len() } else { s.len() }
        ),
        fix: None,
    });
}

/// `quote_words[i]` is the number of words of `quotes[i]`.
fn speakers(
    text: &str,
    quotes: &[Quote],
    quote_words: &[usize],
    names: &mut Names<'_>,
) -> Vec<Speaker> {
    let mut out: Vec<Speaker> = Vec::new();
    // Where each speaker is in `out`: a text may quote thousands.
    let mut at: attrib::HashMap<&str, usize> = attrib::HashMap::default();
    for (qi, q) in quotes.iter().enumerate() {
        let Some(name) = &q.speaker else { continue };
        let words = quote_words[qi];
        match at.get(name.as_str()) {
            Some(&k) => {
                out[k].quotes += 1;
                out[k].words += words;
            }
            None => {
                at.insert(name, out.len());
                out.push(Speaker {
                    name: name.clone(),
                    description: describe(text, name, names),
                    quotes: 1,
                    words,
                });
            }
        }
    }
    out
}

/// The description before the first full mention of `name` ("Russian
/// analyst Anton Marsadov"), on its line, or in an appositive after it
/// ("X, a Russian analyst, said").
fn describe(text: &str, name: &str, names: &mut Names<'_>) -> Option<String> {
    // A speaker named by a noun phrase (`a framed notice`) is its own
    // description.
    if !name.starts_with(char::is_uppercase) {
        return None;
    }
    let mut at = names.first_occurrence(name)?;
    // A headline names no one on first reference: the first mention in
    // the text below it does.
    // (A headline is short: a line that starts or ends further away than
    // a few hundred bytes is none, and is not read to its ends.)
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[at.saturating_sub(300)..at])
        .map_or(if at <= 300 { Some(0) } else { None }, |i| {
            Some(at.saturating_sub(300) + i + 1)
        });
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[at..(at + 300).min(text.len())])
        .map(|i| at + i)
        .or((at + 300 >= text.len()).then_some(text.len()));
    let headline = line_start.zip(line_end).is_some_and(|(s, e)| {
        let line = &text[s..e];
        line.starts_with('#') || (s == 0 && !line.trim_end().ends_with(['.', '!', '?', '”', '"']))
    });
    let line_end = line_end.unwrap_or(at);
    if headline {
        if let Some(next) = memchr::memmem::find(&text.as_bytes()[line_end..], name.as_bytes()) {
            at = line_end + next;
        }
    }
    let mut toks = Vec::new();
    let mut from = words::ceil_boundary(text, at.saturating_sub(120));
    // Not across a line: plain text may end a headline with no more than
    // a line break.
    if let Some(nl) = text[from..at].rfind('\n') {
        from += nl + 1;
    }
    words::tokens(text, from..at, &mut toks);
    // (Past an honorific: `The Speaker, Sir Anthony Wren,`.)
    let honorific = toks.last().is_some_and(|t| {
        matches!(
            &text[t.range()],
            "Sir" | "Dame" | "Dr" | "Dr." | "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Prof."
        )
    });
    let set_off_toks = if honorific {
        &toks[..toks.len() - 1]
    } else {
        &toks[..]
    };
    if let Some(d) = role_set_off_before(text, set_off_toks, at + name.len()) {
        // A relation by a name (`Russo’s brother`) gives way to what an
        // appositive says.
        if d.starts_with(char::is_uppercase) {
            return appositive_description(&text[at + name.len()..], false).or(Some(d));
        }
        return Some(d);
    }
    if let Some(d) = post_of_before(text, &toks, at) {
        return Some(d);
    }
    let mut j = toks.len();
    // The capitalised words from `k` on run up to a person's noun in lower
    // case, right before the name: the body a role belongs to (`Harmon &
    // Whitlock analyst`, `Harlow City Council member`).
    let body_of_role = |k: usize| {
        let end = toks[k..]
            .iter()
            .position(|t| {
                !(t.word && words::is_capitalised(&text[t.range()])) && &text[t.range()] != "&"
            })
            .map_or(toks.len(), |e| k + e);
        end + 1 == toks.len() && {
            let role = &text[toks[end].range()];
            role.starts_with(char::is_lowercase) && is_person_noun(role)
        }
    };
    while j > 0 && toks.len() - j < 6 {
        let t = toks[j - 1];
        let w = &text[t.range()];
        if w == "&" && j < toks.len() && body_of_role(j) {
            j -= 1;
            continue;
        }
        if !t.word
            || words::is_possessive(w)
            || lexicon::is_determiner(w)
            || lexicon::cue(w).is_some()
            || attrib::is_function_word(w)
            || attrib::looks_like_verb(w)
            || matches!(
                w,
                "with"
                    | "to"
                    | "of"
                    | "by"
                    | "and"
                    | "from"
                    | "for"
                    | "in"
                    | "on"
                    | "at"
                    | "that"
                    | "as"
                    | "per"
                    | "where"
                    | "whereas"
                    // (Nor another preposition or adverb: `the first
                    // event since Priya Raman took over`, `led through
                    // Kofi Mensah’s header`.)
                    | "since"
                    | "until"
                    | "through"
                    | "during"
                    | "against"
                    | "among"
                    | "between"
                    | "without"
                    | "within"
                    | "toward"
                    | "towards"
                    | "under"
                    | "behind"
                    | "beside"
                    | "near"
                    | "like"
                    | "unlike"
                    | "despite"
                    | "via"
                    | "upon"
                    | "across"
                    | "around"
                    | "along"
                    | "beyond"
                    | "past"
                    | "then"
                    | "also"
                    | "even"
                    | "only"
                    | "just"
                    | "whose"
            )
        {
            break;
        }
        if words::is_capitalised(w) && !lexicon::is_title_word(w) {
            // A capitalised adjective only before a role: "Russian analyst",
            // "Syrian President"; never a name's first part.
            let next = toks.get(j).map(|t| &text[t.range()]);
            let before_role = next.is_some_and(|n| {
                n.chars().next().is_some_and(char::is_lowercase) || lexicon::is_title_word(n)
            });
            // Or a role that opens the sentence, capitalised only there:
            // `Farmer Helen Marsh`, as `farmer Helen Marsh` mid-sentence.
            let role_opening =
                opens_sentence(text, t.start) && words::lower_first_is(w, is_person_noun);
            // A post right before the name, and a body's initials before
            // it: `FAA Administrator Gregory Pham`.
            let post = j == toks.len() && words::lower_first_is(w, is_person_noun);
            let initials = words::is_acronym(w) && j < toks.len();
            // The place or body a title belongs to: `Dunmore County
            // Sheriff`, `Millbrook Fire Chief`.
            let whose = j < toks.len()
                && !lexicon::is_name_stop(w)
                && toks[j..]
                    .iter()
                    .all(|t| words::is_capitalised(&text[t.range()]))
                && lexicon::is_title_word(&text[toks[toks.len() - 1].range()]);
            // The name of a body written with its initials: `Harbourside
            // FC coach`, or in words: `Harlow City Council member`.
            let body = !lexicon::is_name_stop(w)
                && (next.is_some_and(words::is_acronym) || body_of_role(j - 1));
            if !before_role && !role_opening && !post && !initials && !whose && !body {
                break;
            }
        }
        j -= 1;
    }
    // A courtesy title (`Mr.`, `Dr.`) says nothing; an abbreviated one
    // (`Sen.`, `Lt. Gov.`) gives way to an appositive after the name (`Sen.
    // Carla Mendes, a Democrat from Arizona,`).
    let mut abbreviated = None;
    if j < toks.len() {
        let d = text[toks[j].start..toks[toks.len() - 1].end].trim();
        let courtesy = d.split_whitespace().all(|w| {
            matches!(
                w.trim_end_matches('.'),
                "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Prof"
            )
        });
        let short = d
            .split_whitespace()
            .all(|w| w.ends_with('.') && lexicon::is_title_word(w));
        match (courtesy, short) {
            (true, _) => {}
            (false, true) => abbreviated = Some(d.to_string()),
            (false, false) => return Some(d.to_string()),
        }
    }
    // `Under Ola Vik, …`: what follows the comma may be the sentence's own
    // words, not a description.
    let opener = text[..at].strip_suffix(' ').and_then(|b| {
        let w = b.rsplit([' ', '\n']).next()?;
        let before_w = b[..b.len() - w.len()].trim_end_matches(' ');
        (before_w.is_empty() || before_w.ends_with(['.', '!', '?', '\n'])).then_some(w)
    });
    let opened_by_preposition = opener.is_some_and(|w| {
        matches!(
            w,
            "Under"
                | "For"
                | "Like"
                | "Unlike"
                | "With"
                | "Without"
                | "After"
                | "Before"
                | "Despite"
                | "As"
                | "To"
                | "From"
                | "Against"
                | "Since"
                | "Until"
                | "Beside"
        )
    });
    // A title says more than what a relative clause tells: `Gov. Carolyn
    // Mabry, who arrived late Tuesday,`.
    let rest = &text[at + name.len()..];
    if abbreviated.is_some() && rest.starts_with(", who") {
        return abbreviated;
    }
    appositive_description(rest, opened_by_preposition).or(abbreviated)
}

/// The description in an appositive right after a name (`rest` follows
/// the name): `, a Russian analyst,`, `, president of the drivers'
/// union,`, `, who runs a café by the station,`.
fn appositive_description(rest: &str, opened_by_preposition: bool) -> Option<String> {
    // An appositive: `Name, a Russian analyst,`, or, as agencies write it,
    // a role with no article: `Name, president of the drivers' union,`.
    let mut rest = rest.strip_prefix(", ")?;
    // Past an age: `Dana Whitlock, 41, who worked …`.
    let age = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&age) && rest[age..].starts_with(", ") {
        rest = &rest[age + 2..];
    }
    // A full stop after an abbreviation ends nothing when the name goes
    // on (`a specialist at St. Aldric’s Hospital`, `a U.S. Army officer`)
    // or a lower-case word follows (`a U.S. envoy`); before a capital it
    // ends the sentence (`at Brightwater Holdings Inc. Shares fell`, `the
    // ambassador to the U.N. He spoke`, `Station B. Officials`).
    let end = rest
        .match_indices([',', '.', ';', '\n'])
        .find_map(|(i, m)| {
            if m != "." {
                return Some(i);
            }
            let word = rest[..i].rsplit([' ', '.']).next().unwrap_or("");
            let next = rest[i + 1..].trim_start_matches(' ');
            let next_word = next.split([' ', ',', '.']).next().unwrap_or("");
            let lower_next = next.starts_with(char::is_lowercase);
            let before_name = words::precedes_a_name(word);
            let initial = word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase());
            let dotted = initial && rest[..i - 1].ends_with('.');
            // (Inside an abbreviation: the first full stop of `U.S.`.)
            let inside = rest[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic());
            let goes_on = inside
                || (before_name && !next.is_empty())
                || ((initial || words::keeps_dot(word)) && lower_next)
                || (dotted
                    && !lexicon::is_name_stop(next_word)
                    && lexicon::pronoun(next_word).is_none());
            (!goes_on).then_some(i)
        })?;
    let mut app = &rest[..end];
    let first = app.split_whitespace().next()?;
    // (Or a possessive before a person's noun: `Maya Brennan, his
    // daughter,`, not `Lopez, her voice breaking,`.)
    let article = matches!(first, "a" | "an" | "the")
        || (matches!(first, "his" | "her" | "their" | "its" | "our")
            && app.rsplit(' ').next().is_some_and(is_person_noun));
    // A time, not a description: `, a week after a jury convicted her,`.
    if article
        && app
            .split_whitespace()
            .nth(1)
            .is_some_and(lexicon::is_time_noun)
    {
        return None;
    }
    let n = app.split_whitespace().count();
    // A noun phrase of up to twelve words is whole (`a professor of
    // political science at Ohio Wesleyan University`); a longer one, or one
    // with a relative clause, is its head, up to the clause (`a Montana
    // Republican who sits on the Foreign Relations Committee`).
    let relative = || {
        app.split(' ')
            .scan(0, |at, w| {
                let here = *at;
                *at += w.len() + 1;
                Some((here, w))
            })
            .find(|(_, w)| matches!(*w, "who" | "whom" | "whose" | "which" | "where"))
            .map(|(at, _)| at.saturating_sub(1))
    };
    let verbless = || {
        app.split_whitespace()
            .skip(1)
            .all(|w| !attrib::looks_like_verb(w))
    };
    if n > 8 && !(article && n <= 12 && relative().is_none() && verbless()) {
        app = &app[..relative()?];
        // (`the executive director at the center and whose …`)
        app = app
            .strip_suffix(" and")
            .or_else(|| app.strip_suffix(" or"))
            .unwrap_or(app);
        if !article || !(2..=12).contains(&app.split_whitespace().count()) {
            return None;
        }
    }
    // Not the rest of the sentence after an opening phrase: `Under Ola
    // Vik, the port spent nothing` (a full stop ends it, and a verb
    // follows a noun; a participle, `an economist based in Oslo`, may).
    let clause = opened_by_preposition
        && !rest[end..].starts_with(',')
        && app
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .take(4)
            .any(|w| {
                !words::is_possessive(w[0])
                    && !lexicon::is_determiner(w[0])
                    && attrib::looks_like_verb(w[1])
                    && !w[1].ends_with("ed")
            });
    if (article || is_bare_role(app, first)) && !clause {
        return Some(app.to_string());
    }
    // `Name, who runs a café by the station, said`: what the clause says,
    // when a comma closes it (not a full stop, as in `U.S.`) and it quotes
    // nothing.
    let clause = app.strip_prefix("who ")?;
    let verb = clause.split_whitespace().next()?;
    let closed = rest[end..].starts_with(", ") && !clause.contains(['“', '”', '"']);
    let verb_like = attrib::looks_like_verb(verb)
        || matches!(
            verb,
            "has"
                | "runs"
                | "owns"
                | "leads"
                | "heads"
                | "works"
                | "lives"
                | "teaches"
                | "chairs"
                | "manages"
                | "represents"
                | "coaches"
                | "serves"
                | "oversees"
                | "directs"
                | "edits"
                | "writes"
                | "studies"
                | "farms"
                | "helps"
        );
    (closed && verb_like).then(|| clause.to_string())
}

/// A role that opens its sentence and is set off from the name by commas:
/// `The agency’s chief executive, Oliver Hale, said` gives "the agency’s
/// chief executive". `toks` are the tokens up to the name, which ends at
/// `name_end`. Only a determiner or possessive, then no verb or function
/// word, then a noun for a person or a post (`The next day, Hale, …` is
/// not a role).
fn role_set_off_before(text: &str, toks: &[Tok], name_end: usize) -> Option<String> {
    let (comma, rest) = toks.split_last()?;
    if &text[comma.range()] != "," {
        return None;
    }
    // (`the drivers’ chief negotiator`: a plural's apostrophe is inside.)
    let first = (0..rest.len())
        .rposition(|k| !rest[k].word && !attrib::joins_words(text, rest, k))
        .map_or(0, |i| i + 1);
    // After an inverted cue: `said the union’s lead negotiator, Tobias
    // Reinholt-Yeboah.`, `according to the mayor, Ingrid Solvang`.
    let cue = rest[first..]
        .iter()
        .rposition(|t| matches!(&text[t.range()], "said" | "says" | "to" | "according"));
    let inverted = cue.is_some_and(|c| {
        let w = &text[rest[first + c].range()];
        w != "to" || (c > 0 && &text[rest[first + c - 1].range()] == "according")
    });
    let first = match cue {
        Some(c) if inverted => first + c + 1,
        _ => first,
    };
    let closed = text[name_end..].starts_with(',')
        || (inverted && text[name_end..].starts_with(['.', '\n']));
    if !closed {
        return None;
    }
    let phrase = &rest[first..];
    let (lead, head) = (phrase.first()?, phrase.last()?);
    // The start of its sentence or line.
    let before = text[..lead.start].trim_end_matches(' ');
    // Or after an opening phrase: `In the Commons, the local government
    // minister, Rebecca Thorne,`.
    // (After a quote too: `“…,” the trade minister, Ana Ruiz, said`.)
    let before = before.strip_suffix(['”', '"']).unwrap_or(before);
    let opens = inverted || before.is_empty() || before.ends_with(['\n', '.', '!', '?', ',']);
    if !opens || !(2..=6).contains(&phrase.len()) {
        return None;
    }
    let lead_w = &text[lead.range()];
    // `a spokeswoman for the board`: the role is the noun before its
    // complement.
    let of = phrase[1..]
        .iter()
        .position(|t| matches!(&text[t.range()], "for" | "of" | "at"))
        .map(|k| k + 1);
    let role_end = of.map_or(phrase.len(), |k| k);
    let head_w = &text[phrase[role_end.max(1) - 1].range()];
    let roleish = is_person_noun(head_w);
    // (An -ing word right before the role is an adjective: `managing
    // director`, `acting chief`.)
    let plain = phrase[1..].iter().enumerate().all(|(i, t)| {
        let w = &text[t.range()];
        let before_head = i + 3 == role_end;
        words::is_possessive(w)
            || (i + 1 >= role_end && !attrib::looks_like_verb(w))
            || (!attrib::is_function_word(w)
                && !attrib::looks_like_verb(w)
                && (!w.ends_with("ing") || before_head))
    });
    // `The …`, `the …` after an opening phrase, `Acme’s president`.
    let determined = matches!(
        lead_w,
        "The" | "A" | "An" | "Another" | "Her" | "His" | "Their" | "Its" | "Our" | "My"
    ) || ((before.ends_with(',') || inverted)
        && matches!(lead_w, "the" | "a" | "an" | "another"))
        || (inverted && matches!(lead_w, "her" | "his" | "their" | "its"))
        || (words::is_possessive(lead_w) && words::is_capitalised(lead_w));
    // (Or a title, capitalised: `The Premier, Fiona Marsh,`.)
    let titled = matches!(lead_w, "The" | "the")
        && phrase.len() > 1
        && attrib::is_title(&text[phrase[1].start..head.end]);
    let role = roleish && plain && head_w.starts_with(|c: char| c.is_lowercase());
    if !determined || !(role || titled) {
        return None;
    }
    let phrase = &text[lead.start..head.end];
    if words::is_possessive(lead_w) {
        return Some(phrase.to_string());
    }
    words::lower_first(phrase).or_else(|| Some(phrase.to_string()))
}

/// Whether `w`, in lower case, reads as a noun for a person: a post or
/// relation ([`is_role_noun`]), or a word with the ending of one (`farmer`,
/// `activist`, `historian`, `chairman`), but for the common words that
/// only share the ending (`winter`, `under`, `order`).
fn is_person_noun(w: &str) -> bool {
    is_role_noun(w)
        || (["man", "woman", "ist", "ian", "er", "or"]
            .iter()
            .any(|e| w.ends_with(e))
            && !matches!(
                w,
                "winter"
                    | "summer"
                    | "later"
                    | "after"
                    | "never"
                    | "ever"
                    | "however"
                    | "whatever"
                    | "whenever"
                    | "wherever"
                    | "number"
                    | "order"
                    | "other"
                    | "another"
                    | "former"
                    | "together"
                    | "corner"
                    | "border"
                    | "letter"
                    | "matter"
                    | "power"
                    | "water"
                    | "weather"
                    | "quarter"
                    | "major"
                    | "minor"
                    | "door"
                    | "floor"
                    | "under"
                    | "over"
                    | "either"
                    | "neither"
                    | "whether"
                    | "rather"
                    | "further"
                    | "earlier"
                    | "per"
                    | "for"
                    | "or"
                    | "nor"
                    | "german"
                    | "roman"
                    | "christian"
                    | "indian"
                    | "asian"
                    | "italian"
                    | "canadian"
                    | "australian"
                    | "russian"
                    | "ukrainian"
                    | "iranian"
                    | "syrian"
                    | "egyptian"
                    | "brazilian"
                    | "norwegian"
                    | "african"
                    | "american"
                    | "european"
                    | "palestinian"
                    | "austrian"
                    | "hungarian"
                    | "nigerian"
                    | "libyan"
            ))
}

/// A post with "of" right before a name: `Chief of Staff Tom Hale` gives
/// "Chief of Staff", `Minister of Foreign Affairs Sergei Lavrov` "Minister
/// of Foreign Affairs". `toks` are the tokens up to the name at `at`.
fn post_of_before(text: &str, toks: &[Tok], at: usize) -> Option<String> {
    let of = toks.iter().rposition(|t| &text[t.range()] == "of")?;
    let (post, after) = (toks.get(of.checked_sub(1)?)?, &toks[of + 1..]);
    let capitalised = |t: &Tok| t.word && words::is_capitalised(&text[t.range()]);
    let adjoining = text[toks.last()?.end..at]
        .chars()
        .all(|c| c == ' ' || c == '\u{a0}');
    if !adjoining
        || !capitalised(post)
        || !(1..=3).contains(&after.len())
        || !after.iter().all(capitalised)
    {
        return None;
    }
    Some(text[post.start..toks.last()?.end].to_string())
}

/// Whether an appositive with no article reads as a role held somewhere
/// (`president of the union`, `spokeswoman for the agency`), not as an
/// aside (`however`, `speaking at the rally`, `unable to attend`): a noun
/// for a post first, and "of", "for" or "at" to tie it to its place.
fn is_bare_role(app: &str, first: &str) -> bool {
    is_role_noun(first)
        && app
            .split_whitespace()
            .skip(1)
            .any(|w| matches!(w, "of" | "for" | "at"))
}

/// Whether `w`, in lower case, names a post or what a person is to
/// someone: `president`, `chief`, `head`, `spokeswoman`, `neighbour`. Not
/// an adjective (`unable`, `angry`, `eager`), which an aside may open with.
fn is_role_noun(w: &str) -> bool {
    if !w.starts_with(char::is_lowercase) {
        return false;
    }
    if lexicon::is_speaker_noun(w)
        || lexicon::is_trade_noun(w)
        || matches!(
            w,
            "head"
                | "member"
                | "founder"
                | "co-founder"
                | "owner"
                | "partner"
                | "executive"
                | "treasurer"
                | "organiser"
                | "organizer"
                | "coordinator"
                | "correspondent"
                | "lecturer"
                | "principal"
                | "counsel"
                | "master"
                | "neighbour"
                | "neighbor"
                | "colleague"
                | "steward"
                | "student"
                | "tenant"
                | "patient"
                | "parent"
                | "counterpart"
                | "predecessor"
                | "successor"
                | "deputy"
                | "friend"
                | "wife"
                | "husband"
                | "daughter"
                | "son"
                | "mother"
                | "father"
                | "sister"
                | "brother"
        )
    {
        return true;
    }
    // A title before a name, written as a post: `president`, `chairman`.
    lexicon::is_title_word(&words::title_case(w))
}
