//! Attribution: who said a quote, found in a window around it, and the
//! resolution of that mention ("he", "Sharaa") to the full name the article
//! introduces.

use std::borrow::Cow;
use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::rc::Rc;

use super::lexicon::{self, in_list, Cue, Gender};
use super::places;
use super::words::{self, Tok};

/// What kind of mention names a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    Name,
    Pronoun(Gender),
    /// A common-noun phrase: "a source", "the presidency".
    Noun,
}

/// A speaker mention found next to a quote.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub range: Range<usize>,
    pub kind: MentionKind,
}

/// The attribution found for one quote.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    pub mention: Option<Mention>,
    pub cue: Option<Range<usize>>,
    /// A cue was found in the quote's sentence (even if no speaker was).
    pub has_cue: bool,
}

#[inline]
pub(crate) fn is_terminator(text: &str, t: Tok) -> bool {
    !t.word
        && t.end == t.start + 1
        && matches!(text.as_bytes()[t.start], b'.' | b'!' | b'?')
        && !text[t.end..].starts_with([')', ',', ';', '”', '"', '’'])
}

fn is_dash(s: &str) -> bool {
    matches!(s, "―" | "—" | "–")
}

/// Finds the attribution after a quote: `“…,” X said.` / `“…,” said X.` /
/// `“…” ― X`. `toks` runs from the closing mark to the next quote or the
/// block's end. `lead`: the quote opens its paragraph.
pub(crate) fn after(text: &str, toks: &[Tok], new_sentence: bool, lead: bool) -> Found {
    let mut found = Found::default();
    let end = toks
        .iter()
        .position(|&t| is_terminator(text, t))
        .unwrap_or(toks.len());
    let toks = &toks[..end];
    if toks.is_empty() {
        return found;
    }
    // After a quote that ends its sentence, only a short attribution
    // sentence (`“….” Smith said.`) or a lower-case run-on counts; or,
    // when the quote opens its paragraph and so has nothing before it to
    // name its speaker, a longer sentence whose subject says it (`“We will
    // appeal.” Quint said the ruling …`): its first cue a verb, with the
    // subject right before it.
    let long_sentence =
        new_sentence && words::is_capitalised(&text[toks[0].range()]) && toks.len() > 5;
    if long_sentence && !lead {
        return found;
    }
    let first = &text[toks[0].range()];
    if is_dash(first) {
        if let Some(m) = name_forward(text, &toks[1..]) {
            found.cue = Some(toks[0].range());
            found.has_cue = true;
            found.mention = Some(m);
            return found;
        }
    }
    // `“…” was written by Seamus Dunne`: a passive's agent is the source.
    if let [aux, verb, by, rest @ ..] = toks {
        let passive = aux.word
            && matches!(&text[aux.range()], "was" | "were" | "is" | "are")
            && matches!(
                &text[verb.range()],
                "written"
                    | "spoken"
                    | "said"
                    | "uttered"
                    | "coined"
                    | "penned"
                    | "tweeted"
                    | "posted"
                    | "sung"
                    | "voiced"
                    | "shouted"
                    | "chanted"
            )
            && &text[by.range()] == "by";
        if let Some(m) = passive.then(|| noun_phrase_forward(text, rest)).flatten() {
            found.cue = Some(verb.range());
            found.has_cue = true;
            found.mention = Some(m);
            return found;
        }
    }
    // `“…,” per the party's bylaws` and `“…,” as a memo put it`: the source
    // is the noun phrase after `per` or `as`.
    if let Some(fw) = toks.iter().position(|t| t.word) {
        let lead = &text[toks[fw].range()];
        // The last two words, read only after `per` or `as`.
        let put_it = matches!(lead, "per" | "as") && {
            let mut ws = toks.iter().rev().filter(|t| t.word);
            let (last, before) = (ws.next(), ws.next());
            toks.iter().filter(|t| t.word).count() >= 4
                && last.is_some_and(|t| &text[t.range()] == "it")
                && before.is_some_and(|t| matches!(&text[t.range()], "put" | "puts"))
        };
        if lead == "per" || (lead == "as" && put_it) {
            let stop = if put_it { 2 } else { 0 };
            let phrase = noun_phrase_forward(text, &toks[fw + 1..])
                .or_else(|| source_phrase(text, &toks[fw + 1..], stop));
            if let Some(m) = phrase {
                found.has_cue = true;
                found.cue = Some(toks[fw].range());
                found.mention = Some(m);
                return found;
            }
        }
    }
    // `“…,” when Clinton blasted him`: a new clause, not an attribution.
    // (Nor one joined by "and" with a subject of its own: `under the
    // headline “Judgement Day”, and the home fans sang`.)
    let mut ws = toks.iter().filter(|t| t.word);
    let joined_clause = ws.next().is_some_and(|t| &text[t.range()] == "and")
        && ws.next().is_some_and(|t| {
            let w = &text[t.range()];
            lexicon::is_determiner(w) || lexicon::pronoun(w).is_some() || words::is_capitalised(w)
        });
    if joined_clause
        || toks.iter().find(|t| t.word).is_some_and(|t| {
            matches!(
                &text[t.range()],
                "when"
                    | "as"
                    | "because"
                    | "after"
                    | "before"
                    | "while"
                    | "if"
                    | "since"
                    | "until"
                    | "although"
            )
        })
    {
        return found;
    }
    // `“…,” Scott Pruitt, the attorney general of Oklahoma, said.`: a name
    // right after the quote, its cue later in the sentence.
    let first_word = toks.iter().position(|t| t.word).unwrap_or(0);
    if toks[..first_word]
        .iter()
        .all(|t| matches!(&text[t.range()], "," | "*" | "_"))
    {
        if let Some(m) = name_forward(text, &toks[first_word..]) {
            let name_end = toks
                .iter()
                .position(|t| t.end == m.range.end)
                .unwrap_or(first_word);
            let rest = &toks[name_end + 1..];
            if rest
                .first()
                .is_some_and(|t| matches!(&text[t.range()], "," | "("))
            {
                let cue = rest
                    .iter()
                    .take(40)
                    .find(|t| t.word && lexicon::cue(&text[t.range()]) == Some(Cue::Verb));
                if let Some(c) = cue {
                    found.has_cue = true;
                    found.cue = Some(c.range());
                    found.mention = Some(m);
                    return found;
                }
            }
        }
    }
    // The cue must come early: within the first few words after the quote,
    // or after a name and its appositive (`“…,” X, a Y of Z, said`).
    // (Or a noun phrase and its appositive: `“…,” a spokesman for the
    // union, the largest in the port, said`.)
    let starts_with_name = toks.iter().find(|t| t.word).is_some_and(|t| {
        let w = &text[t.range()];
        words::is_capitalised(w) || matches!(w, "a" | "an" | "the")
    });
    let limit = toks.len().min(if starts_with_name { 30 } else { 12 });
    for k in 0..limit {
        let t = toks[k];
        if !t.word {
            continue;
        }
        let w = &text[t.range()];
        let Some(c) = cue_at(text, toks, k, w) else {
            continue;
        };
        // Far from the quote, only the cue right after an appositive's
        // closing comma, with no clause opened before it: not `“…,” a
        // description that the state’s managers said was accurate`.
        if k >= 12
            && (&text[toks[k - 1].range()] != ","
                || toks[..k].iter().any(|t| {
                    matches!(
                        &text[t.range()],
                        "and" | "but" | "that" | "which" | "when" | "while" | "who"
                    )
                }))
        {
            continue;
        }
        // The sentence's own subject and verb, early and before any
        // clause joins it: not `Hundreds marched …, and police said`.
        if long_sentence
            && (c != Cue::Verb
                || k > 10
                || toks[..k].iter().any(|t| {
                    matches!(
                        &text[t.range()],
                        "and" | "but" | "while" | "as" | ";" | "when"
                    )
                }))
        {
            return found;
        }
        match c {
            Cue::According => {
                found.has_cue = true;
                found.cue = Some(t.start..toks.get(k + 1).map_or(t.end, |n| n.end));
                found.mention = noun_phrase_forward(text, toks.get(k + 2..).unwrap_or(&[]));
                return found;
            }
            Cue::Participle if k > 2 => continue,
            _ => {}
        }
        // `“…,” the state news agency quoted Prime Minister Giorgi Abashidze
        // as saying`: the one quoted speaks.
        if matches!(&text[t.range()], "quoted" | "quotes") {
            let rest = &toks[k + 1..];
            let as_saying = (1..rest.len().min(10)).find(|&a| {
                &text[rest[a].range()] == "as"
                    && rest.get(a + 1).is_some_and(|n| {
                        matches!(&text[n.range()], "saying" | "telling" | "writing")
                    })
            });
            if let Some(m) = as_saying.and_then(|a| quoted_one(text, &rest[..a])) {
                found.has_cue = true;
                found.cue = Some(t.range());
                found.mention = Some(m);
                return found;
            }
        }
        // A weak cue right after the quote, its subject a name or pronoun:
        // `“…,” Bastable repeated`, not `“…,” a slogan repeated at every
        // rally`, `a phrase she has repeated`, `repeated by survivors`.
        if is_weak_cue(w)
            && (k == 0
                || k > 3
                || subject_before(text, &toks[..k]).is_none_or(|m| m.kind == MentionKind::Noun))
        {
            return found;
        }
        let lead_in = toks[..k].iter().all(|t| !t.word);
        // `“Teens After Dark,” published Monday,`: a participle that tells
        // of the work, not a cue.
        if lead_in
            && matches!(&text[t.range()], "published" | "released")
            && toks.get(k + 1).is_some_and(|n| {
                let w = &text[n.range()];
                lexicon::is_time_word(w) || matches!(w, "in" | "on" | "by" | "last" | "this")
            })
        {
            return found;
        }
        let subject = subject_before(text, &toks[..k]);
        if (subject.is_none() && !lead_in) || (long_sentence && subject.is_none()) {
            // `“…” and underscored …`: a second verb of the sentence before.
            return found;
        }
        found.has_cue = true;
        found.cue = Some(t.range());
        found.mention = subject.or_else(|| {
            // `said he.` inverts; `said they learned …` does not.
            noun_phrase_forward(text, &toks[k + 1..]).filter(|m| {
                !matches!(m.kind, MentionKind::Pronoun(_))
                    || toks.last().is_some_and(|t| t.end == m.range.end)
            })
        });
        return found;
    }
    found
}

/// Whether `w` reads as a romanised East Asian given name: two syllables
/// joined by a hyphen, the second in lower case (`Soon-ja`, `Seok-jin`).
fn romanised_given(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        (2..=5).contains(&a.len())
            && (1..=4).contains(&b.len())
            && words::is_capitalised(a)
            && a[1..].bytes().all(|c| c.is_ascii_lowercase())
            && b.bytes().all(|c| c.is_ascii_lowercase())
    })
}

/// The one quoted in `toks`, the words between "quoted" and "as saying":
/// `Prime Minister Giorgi Abashidze`, `him`.
fn quoted_one(text: &str, toks: &[Tok]) -> Option<Mention> {
    let object = toks.first().filter(|o| o.word)?;
    match &text[object.range()] {
        // `quoted her lawyer as saying`: a possessive, and the one quoted.
        "her" | "his" | "their" if toks.len() > 1 => {
            let last = toks.last()?;
            (toks.len() <= 4 && toks.iter().all(|t| t.word)).then_some(Mention {
                range: object.start..last.end,
                kind: MentionKind::Noun,
            })
        }
        w @ ("him" | "her" | "them") => Some(Mention {
            range: object.range(),
            kind: MentionKind::Pronoun(lexicon::pronoun(w).unwrap_or(Gender::Plural)),
        }),
        _ => noun_phrase_forward(text, toks),
    }
}

/// Cue verbs that are speech only right before or after the quote: they
/// have other senses (`pressed the button`, `was interrupted`, `a charge
/// ministers rejected`).
fn is_weak_cue(w: &str) -> bool {
    matches!(
        w,
        "pressed"
            | "rejected"
            | "interjected"
            | "interrupted"
            | "objected"
            | "protested"
            | "repeated"
            | "remembered"
    )
}

/// The cue that word `k` of `toks`, `w`, is: a cue word, a verb of attack with
/// "back" (`Voss shot back`, `fired back`, `hit back`), or "put it".
fn cue_at(text: &str, toks: &[Tok], k: usize, w: &str) -> Option<Cue> {
    lexicon::cue(w).or_else(|| {
        if document_finds(text, toks, k, w) {
            return Some(Cue::Verb);
        }
        if !matches!(w, "shot" | "fired" | "hit" | "struck" | "put" | "puts") {
            return None;
        }
        let next = toks.get(k + 1).map(|n| &text[n.range()]);
        ((matches!(w, "shot" | "fired" | "hit" | "struck") && next == Some("back"))
            // `A retired rancher put it this way: “…”`
            // (Not `As the union put it at the meeting, “…”`, read
            // elsewhere.)
            || (matches!(w, "put" | "puts")
                && next == Some("it")
                && !toks[k.saturating_sub(8)..k]
                    .iter()
                    .rev()
                    .take_while(|t| &text[t.range()] != ",")
                    .any(|t| matches!(&text[t.range()], "as" | "As"))))
        .then_some(Cue::Verb)
    })
}

/// `The audit found that …`, `a 2019 study concluded`, `It recommended`:
/// what a document or a court finds is its wording, though "found" of a
/// person is no speech. (`It` of a person is rare: `she`, `he`.)
fn document_finds(text: &str, toks: &[Tok], k: usize, w: &str) -> bool {
    matches!(
        w,
        "found" | "finds" | "concluded" | "concludes" | "recommended" | "recommends"
    ) && k.checked_sub(1).is_some_and(|mut p| {
        // (Past a clause: `The Securities and Exchange Commission, which
        // brought a parallel case, found`.)
        if &text[toks[p].range()] == "," {
            let lo = p.saturating_sub(20);
            let Some(c) = toks[lo..p].iter().rposition(|t| &text[t.range()] == ",") else {
                return false;
            };
            let c = lo + c;
            if c == 0 || toks.get(c + 1).is_none_or(|t| &text[t.range()] != "which") {
                return false;
            }
            p = c - 1;
        }
        toks[p].word
            && match &text[toks[p].range()] {
                // (Only with a document or body for it to stand for.)
                "It" | "it" => it_document(text, toks[p].start).is_some(),
                // (`The Foreign Affairs Committee found`.)
                w => is_finding_noun(w) || words::lower_first_is(w, is_finding_noun),
            }
    })
}

/// The one a document is from, at the start of `toks`: `a statement from
/// Ruth Halloway`, `a letter by the mayor`.
fn from_document(text: &str, toks: &[Tok]) -> Option<Mention> {
    let mut i = 0;
    if toks
        .first()
        .is_some_and(|t| t.word && lexicon::is_determiner(&text[t.range()]))
    {
        i = 1;
    }
    let noun = toks.get(i)?;
    if !lexicon::is_document_noun(&text[noun.range()])
        || !toks
            .get(i + 1)
            .is_some_and(|t| matches!(&text[t.range()], "from" | "by"))
    {
        return None;
    }
    noun_phrase_forward(text, &toks[i + 2..])
}

/// A document or a body whose findings are its wording.
fn is_finding_noun(w: &str) -> bool {
    matches!(
        w,
        "court"
            | "tribunal"
            | "committee"
            | "commission"
            | "coroner"
            | "ombudsman"
            | "watchdog"
            | "regulator"
            | "research"
            | "poll"
            | "report"
            | "audit"
            | "study"
            | "review"
            | "inquiry"
            | "investigation"
            | "survey"
            | "analysis"
            | "assessment"
            | "evaluation"
            | "probe"
            | "panel"
    )
}

/// The document or body that "It" at `at` stands for: the last one named
/// with a determiner in the 600 bytes before (`An inquiry into deaths at
/// the trust has reported. It found`), as a noun phrase.
fn it_document(text: &str, at: usize) -> Option<Mention> {
    let lo = words::floor_boundary(text, at.saturating_sub(600));
    let window = &text[lo..at];
    // The words of the window, as (start, end).
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in window.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, window.len()));
    }
    // The last finding noun, with a determiner right before it.
    let k = spans
        .iter()
        .rposition(|&(s, e)| is_finding_noun(&window[s..e]))?;
    let (s, e) = spans[k];
    let (ds, de) = *spans.get(k.checked_sub(1)?)?;
    let det = &window[ds..de];
    let best = (window[de..s] == *" "
        && matches!(
            det,
            "the" | "The" | "an" | "An" | "a" | "A" | "its" | "Its" | "this" | "This"
        ))
    .then(|| lo + ds..lo + e);
    best.map(|range| Mention {
        range,
        kind: MentionKind::Noun,
    })
}

/// Finds the attribution before a quote in the same sentence:
/// `X said: “…”`, `X stressed the “…”`, `according to X, “…”`.
pub(crate) fn before(text: &str, toks: &[Tok]) -> Found {
    let mut found = Found::default();
    let start = toks
        .iter()
        .rposition(|&t| is_terminator(text, t))
        .map_or(0, |i| i + 1);
    let toks = &toks[start..];
    // The last cue before the quote.
    for k in (0..toks.len()).rev() {
        let t = toks[k];
        if !t.word {
            continue;
        }
        let w = &text[t.range()];
        let Some(c) = cue_at(text, toks, k, w) else {
            continue;
        };
        // A verb that is speech only when the quote follows it at once
        // (`Voss shot back: “…”`, `put it this way:`), not `hit back at
        // the “fake news” label`, `pressed the “mute” button`.
        if (lexicon::cue(w).is_none() && !document_finds(text, toks, k, w)) || is_weak_cue(w) {
            let after: Vec<&str> = toks[k + 1..]
                .iter()
                .filter(|t| t.word)
                .map(|t| &text[t.range()])
                .collect();
            // (And the quote follows a colon or comma: not `put it “on
            // hold”`, `put it under “Miscellaneous”`.)
            let set_off = toks
                .last()
                .is_some_and(|l| matches!(&text[l.range()], ":" | "," | "—" | "–"));
            // (`rejected the report as “a hatchet job”` is the subject's
            // word for it.)
            let as_called = is_weak_cue(w) && after.last() == Some(&"as") && after.len() <= 8;
            // (`rejected “any suggestion”`: right before the quote.)
            let next_to = w == "rejected" && after.is_empty();
            if !as_called
                && !next_to
                && (after.len() > 3
                    || after
                        .iter()
                        .any(|a| lexicon::is_determiner(a) || *a == "to")
                    || !set_off)
            {
                continue;
            }
        }
        if plural_noun_use(text, toks, k) || singular_noun_use(text, toks, k) {
            continue;
        }
        match c {
            Cue::According => {
                if toks.get(k + 1).is_some_and(|n| &text[n.range()] == "to") {
                    found.has_cue = true;
                    found.cue = Some(t.start..toks[k + 1].end);
                    found.mention = from_document(text, &toks[k + 2..])
                        .or_else(|| noun_phrase_forward(text, &toks[k + 2..]));
                    return found;
                }
                continue;
            }
            Cue::Participle => {
                found.has_cue = true;
                found.cue = Some(t.range());
                // `Velinform quoted Nurlan Abenov as saying …`: the one
                // quoted speaks.
                let quoted = (k >= 2 && &text[toks[k - 1].range()] == "as")
                    .then(|| {
                        let q = toks[k.saturating_sub(14)..k - 1].iter().rposition(|t| {
                            matches!(&text[t.range()], "quoted" | "quoting" | "quotes")
                        })?;
                        quoted_one(text, &toks[k.saturating_sub(14) + q + 1..k - 1])
                    })
                    .flatten();
                if quoted.is_some() {
                    found.mention = quoted;
                    return found;
                }
                // `…, she said, adding that …`, `…, said Anna Berg,
                // adding`: the speaker of the cue the participle follows.
                if let Some(m) = said_before_participle(text, &toks[..k]) {
                    found.mention = Some(m);
                    return found;
                }
                found.mention =
                    first_subject(text, &toks[..k]).or_else(|| subject_before(text, &toks[..k]));
                return found;
            }
            Cue::Verb => {
                // `it was labeled “…”`: a passive's subject is not the
                // speaker; only an agent (`was described by X as`) is.
                let passive = k > 0
                    && toks[k - 1].word
                    && matches!(
                        &text[toks[k - 1].range()],
                        "was" | "were" | "is" | "are" | "be" | "been" | "being"
                    )
                    && (w.ends_with("ed")
                        || w == "told"
                        // `Ministers were said to be “relaxed”` (not `was
                        // said to have told colleagues: “…”`).
                        || (w == "said"
                            && toks.get(k + 1).is_some_and(|n| &text[n.range()] == "to")
                            && toks.get(k + 2).is_some_and(|n| &text[n.range()] == "be")));
                if passive {
                    found.has_cue = true;
                    found.cue = Some(t.range());
                    found.mention = toks
                        .get(k + 1)
                        .filter(|n| &text[n.range()] == "by")
                        .and_then(|_| noun_phrase_forward(text, &toks[k + 2..]));
                    return found;
                }
                // `It found that …`: the document or body "It" stands for.
                let it_found = (k > 0 && matches!(&text[toks[k - 1].range()], "It" | "it"))
                    .then(|| document_finds(text, toks, k, w))
                    .filter(|&d| d)
                    .and_then(|_| it_document(text, toks[k - 1].start));
                if let Some(m) = it_found.or_else(|| subject_before(text, &toks[..k])) {
                    found.has_cue = true;
                    found.cue = Some(t.range());
                    found.mention = Some(m);
                    // Reported speech inside reported speech: `Trump said …
                    // that Clinton once described it as “…”` is Trump's claim.
                    if let Some((oc, om)) = outer_reporter(text, &toks[..k]) {
                        found.cue = Some(oc);
                        found.mention = Some(om);
                    }
                    return found;
                }
                // No subject right before this cue (`told a young woman who
                // suggested`): an earlier cue of the sentence may have one.
                if found.cue.is_none() {
                    found.has_cue = true;
                    found.cue = Some(t.range());
                    // A list item opening with its verb (`Sneers at the
                    // fishermen and calls the crews “…”`) has no speaker to find.
                    found.mention = first_subject(text, &toks[..k]).or_else(|| {
                        let lead = toks.iter().position(|t| t.word)?;
                        if verb_opening(text, toks, lead) {
                            return None;
                        }
                        noun_phrase_forward(text, &toks[k + 1..])
                    });
                }
            }
        }
    }
    if found.has_cue {
        return found;
    }
    // `as The New Yorker put it in an essay, “…”`: the source between `as`
    // and `put it`.
    if let Some(p) = (1..toks.len()).find(|&p| {
        matches!(&text[toks[p].range()], "put" | "puts") && {
            toks.get(p + 1).is_some_and(|t| &text[t.range()] == "it")
        }
    }) {
        let lo = p.saturating_sub(8);
        if let Some(a) = (lo..p)
            .rev()
            .find(|&a| matches!(&text[toks[a].range()], "as" | "As"))
        {
            if let Some(m) = source_phrase(text, &toks[a + 1..p], 0) {
                found.has_cue = true;
                found.cue = Some(toks[p].start..toks[p + 1].end);
                found.mention = Some(m);
                return found;
            }
        }
    }
    // `X: “…”`, but not a numbered label (`Claim 1: “…”`, `Step 2:`).
    if let Some(last) = toks.last() {
        // (Not `Trump, 2023:` or `Witness 2:`: a speaker and a date or a
        // number.)
        let numbered = toks.len() >= 3
            && text[toks[toks.len() - 2].range()]
                .bytes()
                .all(|b| b.is_ascii_digit())
            && toks[toks.len() - 3].word
            && !lexicon::is_speaker_noun(&text[toks[toks.len() - 3].range()].to_lowercase())
            && !is_person_suffixed(&text[toks[toks.len() - 3].range()].to_lowercase())
            && toks.iter().filter(|t| t.word).count() <= 2;
        if &text[last.range()] == ":" && toks.len() >= 2 && !numbered {
            let head = &toks[..toks.len() - 1];
            let m = document_before_colon(text, head)
                .or_else(|| subject_before(text, head).filter(|m| m.kind != MentionKind::Noun))
                .or_else(|| first_subject(text, head));
            if let Some(m) = m {
                found.cue = Some(last.range());
                found.has_cue = true;
                found.mention = Some(m);
            }
        }
    }
    found
}

/// A written thing that a colon quotes, near the end of `toks`: `hangs a
/// framed notice from 1962: “…”`, `a sign that read: “…”`. The noun
/// phrase from its determiner.
fn document_before_colon(text: &str, toks: &[Tok]) -> Option<Mention> {
    let lo = toks.len().saturating_sub(6);
    let k = (lo..toks.len()).rev().find(|&k| {
        toks[k].word
            && matches!(
                &text[toks[k].range()],
                "notice"
                    | "sign"
                    | "banner"
                    | "plaque"
                    | "placard"
                    | "poster"
                    | "inscription"
                    | "caption"
                    | "label"
                    | "headline"
                    | "slogan"
                    | "motto"
            )
    })?;
    let det = (k.saturating_sub(3)..k).rev().find(|&d| {
        let w = &text[toks[d].range()];
        toks[d].word && (lexicon::is_determiner(w) || words::is_possessive(w))
    })?;
    Some(Mention {
        range: toks[det].start..toks[k].end,
        kind: MentionKind::Noun,
    })
}

/// A cue such as `claims` or `reports` used as a plural noun: after a
/// determiner, a possessive, a number, `of`, or a party or nationality
/// adjective (`32% of Republican claims`, `his tweets`).
fn plural_noun_use(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = &text[toks[k].range()];
    if k == 0 || !toks[k - 1].word {
        return false;
    }
    let p = &text[toks[k - 1].range()];
    if !w.ends_with('s') {
        return false;
    }
    lexicon::is_determiner(p)
        || words::is_possessive(p)
        || is_name_adjective(p)
        || matches!(
            p,
            "of" | "his" | "her" | "their" | "its" | "our" | "many" | "such"
        )
        || p.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// A cue that is also a singular noun (`the mayor’s tweet about …`, `a
/// call for`) when a reporting verb comes earlier in the sentence: `Kearney
/// said Calloway’s tweet … was only “a stunt”` is Kearney's. With no earlier
/// verb the noun's owner is the source (`Calloway’s claim that “…”`). Past
/// forms and participles follow contractions (`Calloway’s said`, `He’s
/// claiming`), not possessives.
fn singular_noun_use(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = &text[toks[k].range()];
    if k == 0 || !toks[k - 1].word || w.ends_with("ed") || w.ends_with("ing") {
        return false;
    }
    if matches!(w, "said" | "told" | "wrote" | "sang" | "read") {
        return false;
    }
    let p = &text[toks[k - 1].range()];
    let owner = (words::is_possessive(p) && lexicon::pronoun(words::strip_possessive(p)).is_none())
        || matches!(
            p,
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
        );
    owner
        && toks[..k - 1]
            .iter()
            .any(|t| t.word && lexicon::cue(&text[t.range()]) == Some(Cue::Verb))
}

/// A reporting verb with its subject earlier in the sentence, followed by
/// `that` (`Trump said during a rally that …`, `she pointed to reports
/// that …`).
fn outer_reporter(text: &str, toks: &[Tok]) -> Option<(Range<usize>, Mention)> {
    for k in 0..toks.len() {
        let w = &text[toks[k].range()];
        let reporting = matches!(
            w,
            "said"
                | "says"
                | "told"
                | "tells"
                | "claimed"
                | "claims"
                | "argued"
                | "argues"
                | "wrote"
                | "writes"
                | "noted"
                | "pointed"
                | "insisted"
                | "insists"
                | "suggested"
                | "recalled"
                | "explained"
                | "added"
        );
        if !reporting {
            continue;
        }
        let that = toks[k + 1..]
            .iter()
            .take(12)
            .position(|t| &text[t.range()] == "that");
        if that.is_none() {
            continue;
        }
        if let Some(m) = subject_before(text, &toks[..k]) {
            // `When Clinton noted that …, Trump boasted, “…”`: a reporter in
            // a subordinate clause does not own the main clause's quote.
            // (`That's when she pointed to …` is no such clause.)
            let before_m = toks.iter().take_while(|t| t.start < m.range.start).count();
            let subordinate = before_m > 0
                && is_subordinator(&text[toks[before_m - 1].range()])
                && (before_m == 1 || !toks[before_m - 2].word);
            if !matches!(m.kind, MentionKind::Noun) && !subordinate {
                return Some((toks[k].range(), m));
            }
        }
    }
    None
}

/// A conjunction that opens a subordinate clause.
pub(crate) fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "When"
            | "when"
            | "As"
            | "as"
            | "After"
            | "after"
            | "Before"
            | "before"
            | "While"
            | "while"
            | "If"
            | "if"
            | "Although"
            | "although"
            | "Because"
            | "because"
            | "Since"
            | "since"
            | "Until"
            | "until"
            | "Once"
            | "Whenever"
            | "whenever"
            | "Though"
            | "though"
            | "Unless"
            | "unless"
            | "Whereas"
            | "whereas"
    )
}

/// The attribution of the sentence before a quote that opens a sentence of
/// its own (`Schiff said. “…”`, `X, who lost, identified … . “…”`).
pub(crate) fn previous_sentence(text: &str, toks: &[Tok]) -> Option<Found> {
    let end = toks.iter().rposition(|&t| is_terminator(text, t))?;
    if toks[end + 1..].iter().any(|t| t.word) {
        return None;
    }
    let start = toks[..end]
        .iter()
        .rposition(|&t| is_terminator(text, t))
        .map_or(0, |i| i + 1);
    let sentence = &toks[start..end];
    let mut f = before(text, sentence);
    if f.mention.is_none() {
        f.mention = first_subject(text, sentence);
    }
    f.mention.is_some().then_some(f)
}

/// The subject that ends right before a cue: skips adverbs, appositives
/// (`X, a Russian analyst, said`) and `who`.
fn subject_before(text: &str, toks: &[Tok]) -> Option<Mention> {
    let mut i = toks.len();
    // Skip auxiliaries and adverbs.
    while i > 0 {
        let t = toks[i - 1];
        let w = &text[t.range()];
        if t.word && (lexicon::is_aux(w) || is_adverb(w) && !words::is_capitalised(w)) {
            i -= 1;
        } else {
            break;
        }
    }
    if i == 0 {
        return None;
    }
    // `one Republican strategist who has advised several campaigns said`:
    // the subject is before a relative clause that runs up to the cue.
    if let Some(who) = toks[i.saturating_sub(10)..i]
        .iter()
        .rposition(|t| t.word && &text[t.range()] == "who")
        .map(|p| i.saturating_sub(10) + p)
    {
        let clause = &toks[who + 1..i];
        if who > 0 && !clause.is_empty() && clause.iter().all(|t| t.word) && toks[who - 1].word {
            if let Some(m) = mention_ending(text, &toks[..who]) {
                return Some(m);
            }
        }
    }
    let t = toks[i - 1];
    let w = &text[t.range()];
    if t.word && (w == "who" || w == "which" || w == "that") {
        // `X, who said`: the subject is before the comma.
        let mut j = i - 1;
        if j > 0 && &text[toks[j - 1].range()] == "," {
            j -= 1;
        }
        let m = mention_ending(text, &toks[..j]);
        // `Sen. Maria Kowalczyk, a Democrat from Ohio, who has called`: past
        // the appositive, to the name before it.
        let appositive = m.as_ref().is_none_or(|m| {
            m.kind == MentionKind::Noun
                || (m.kind == MentionKind::Name
                    && after_preposition(text, &toks[..j], m.range.start))
        });
        if appositive {
            let lo = j.saturating_sub(14);
            if let Some(c) = toks[lo..j].iter().rposition(|t| &text[t.range()] == ",") {
                let c = lo + c;
                let opens = toks
                    .get(c + 1)
                    .is_some_and(|d| matches!(&text[d.range()], "a" | "an"));
                if let Some(n) = mention_ending(text, &toks[..c]).filter(|n| {
                    opens && n.kind == MentionKind::Name && text[n.range.clone()].contains(' ')
                }) {
                    return Some(n);
                }
            }
            if let Some(n) = m.as_ref().and_then(|b| person_of(text, &toks[..j], b)) {
                return Some(n);
            }
        }
        return m;
    }
    if !t.word && w == "," {
        // An appositive: `X, a Russian analyst, said`. Find the comma that
        // opens it.
        let mut lo = i.saturating_sub(16);
        let mut j = i - 1;
        while j > lo {
            j -= 1;
            let s = &text[toks[j].range()];
            if s == "," {
                let m = mention_ending(text, &toks[..j]);
                // `X, president of the United Federation of Teachers, which
                // represents …, said`: a body after a preposition is part
                // of an earlier appositive; the subject is before it.
                let prep_object = m.as_ref().is_some_and(|m| {
                    m.kind == MentionKind::Name
                        && after_preposition(text, &toks[..j], m.range.start)
                });
                // `Holt's spokesman, Dan Price, said`: a role, then the
                // person's name in the appositive. (Its place too: `the
                // bank’s chief economist in London, Anna Weber, said`.)
                let placed = m.as_ref().is_some_and(|m| {
                    let k = toks[..j].partition_point(|t| t.start < m.range.start);
                    k > 0 && &text[toks[k - 1].range()] == "in"
                });
                // (Or a title alone: `The Premier, Fiona Marsh, said`,
                // `The Home Secretary, Rosalind Ashcombe,`.)
                let titled = m.as_ref().is_some_and(|m| {
                    m.kind == MentionKind::Name && is_title(&text[m.range.clone()])
                });
                let role = prep_object
                    || placed
                    || titled
                    || m.as_ref().is_none_or(|m| m.kind == MentionKind::Noun);
                if role && j + 1 < i - 1 {
                    if let Some(n) = name_forward(text, &toks[j + 1..i - 1]) {
                        // After a place, a person's full name, not the
                        // place's state (`from Portland, Oregon, said`).
                        let person =
                            titled || m.as_ref().is_none_or(|m| m.kind == MentionKind::Noun) || {
                                let name = &text[n.range.clone()];
                                name.contains(' ') && !places::is_place(name) && !is_org_name(name)
                            };
                        if n.range.end == toks[i - 2].end && person {
                            return Some(n);
                        }
                    }
                }
                if prep_object {
                    if let Some(n) = m.as_ref().and_then(|b| person_of(text, &toks[..j], b)) {
                        return Some(n);
                    }
                    lo = j.saturating_sub(16);
                    continue;
                }
                // `A nurse in Dayton, Ohio, said`: a person placed in a town
                // and its state.
                if let Some(place) = m.as_ref().filter(|_| placed) {
                    let k = toks.partition_point(|t| t.start < place.range.start);
                    if let Some(n) = mention_ending(text, &toks[..k - 1])
                        .filter(|n| n.kind == MentionKind::Noun && i >= 2)
                    {
                        return Some(Mention {
                            range: n.range.start..toks[i - 2].end,
                            kind: MentionKind::Noun,
                        });
                    }
                }
                // `Wang Lixin, a spokesman for Tianhe Group, the company
                // that built the dam, said`: the role is itself an
                // appositive, and the name before it speaks.
                if let Some(role) = m.as_ref().filter(|m| m.kind == MentionKind::Noun) {
                    let k = toks.partition_point(|t| t.start < role.range.start);
                    if k > 1 && &text[toks[k - 1].range()] == "," {
                        // A name that opens its sentence or clause: not `In
                        // a letter to Gov. Tom Reyes, the mayor, a Democrat,
                        // said`.
                        if let Some(n) = mention_ending(text, &toks[..k - 1]).filter(|n| {
                            let at = toks.partition_point(|t| t.start < n.range.start);
                            n.kind == MentionKind::Name
                                && (at == 0 || !toks[at - 1].word)
                                && subject_position(text, toks, at)
                        }) {
                            return Some(n);
                        }
                    }
                }
                // `Brian Lowe of the Cook County Sheriff’s Office, who …,
                // said`.
                if let Some(n) = m.as_ref().and_then(|b| {
                    person_of(text, &toks[..j], b).filter(|_| is_org_name(&text[b.range.clone()]))
                }) {
                    return Some(n);
                }
                return m;
            }
            if !toks[j].word && s != "-" && s != "’" && s != "'" {
                break;
            }
        }
        return None;
    }
    let m = mention_ending(text, &toks[..i]);
    // `Sgt. Brian Lowe of the Cook County Sheriff’s Office said`.
    if let Some(n) = m.as_ref().and_then(|b| {
        person_of(text, &toks[..i], b).filter(|_| is_org_name(&text[b.range.clone()]))
    }) {
        return Some(n);
    }
    m
}

/// The person named right before the body `body` they are of, at the end
/// of `toks`: `Sgt. Brian Lowe of the Cook County Sheriff’s Office`.
fn person_of(text: &str, toks: &[Tok], body: &Mention) -> Option<Mention> {
    if body.kind != MentionKind::Name {
        return None;
    }
    let mut p = toks.partition_point(|t| t.start < body.range.start);
    // (The body's whole name: `the Cook County Sheriff’s Office`.)
    while p > 0 && toks[p - 1].word && words::is_capitalised(&text[toks[p - 1].range()]) {
        p -= 1;
    }
    if p > 0 && lexicon::is_determiner(&text[toks[p - 1].range()]) {
        p -= 1;
    }
    if p == 0 || !matches!(&text[toks[p - 1].range()], "of" | "at" | "from") {
        return None;
    }
    mention_ending(text, &toks[..p - 1])
        .filter(|n| n.kind == MentionKind::Name && text[n.range.clone()].contains(' '))
}

/// A word that takes a part of a group: `one of the diplomats`.
fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "some"
            | "several"
            | "many"
            | "most"
            | "few"
            | "none"
            | "each"
            | "both"
            | "all"
    )
}

/// Whether the capitalised word `toks[i]` is a party's or a nation's
/// adjective before a common noun (`Republican nominee`, `one Democratic
/// consultant`), not a name.
fn describes_a_noun(text: &str, toks: &[Tok], i: usize) -> bool {
    // (The list first: few capitalised words are on it.)
    is_name_adjective(&text[toks[i].range()])
        && toks.get(i + 1).is_some_and(|n| {
            let n = &text[n.range()];
            (n.starts_with(|c: char| c.is_ascii_lowercase()) && !looks_like_verb(n))
                // (Or a post's initials: `the Conservative MP`.)
                || lexicon::is_role_acronym(n)
        })
}

/// Whether the mention that starts at `at` in `toks` is a preposition's
/// object: `of the United Federation of Teachers`, `at Berenberg`.
fn after_preposition(text: &str, toks: &[Tok], at: usize) -> bool {
    let k = toks.partition_point(|t| t.start < at);
    let mut before = toks[..k].iter().rev();
    let mut w = before.next().map(|t| &text[t.range()]);
    if w.is_some_and(lexicon::is_determiner) {
        w = before.next().map(|t| &text[t.range()]);
    }
    w.is_some_and(|w| matches!(w, "of" | "at" | "for" | "from" | "with"))
}

/// A name, pronoun or speaker noun phrase that ends at the end of `toks`.
fn mention_ending(text: &str, toks: &[Tok]) -> Option<Mention> {
    let last = *toks.last()?;
    if !last.word {
        // A parenthetical after a name: `Sen. Bernie Sanders (I-Vt.) said`.
        if &text[last.range()] == ")" {
            let open = toks.iter().rposition(|t| &text[t.range()] == "(")?;
            if toks.len() - open <= 8 {
                return mention_ending(text, &toks[..open]);
            }
        }
        return None;
    }
    let w = words::strip_possessive(&text[last.range()]);
    if let Some(g) = lexicon::pronoun(w) {
        if matches!(
            w,
            "he" | "He" | "she" | "She" | "they" | "They" | "it" | "It"
        ) {
            return Some(Mention {
                range: last.range(),
                kind: MentionKind::Pronoun(g),
            });
        }
        return None;
    }
    let prev_nameish = toks.len() >= 2 && {
        let p = toks[toks.len() - 2];
        p.word && words::nameish(&text[p.range()])
    };
    // (Not the end of a body's name: `the United Federation of Teachers`.)
    let in_a_body = toks.len() >= 2 && joins_a_body(&text[toks[toks.len() - 2].range()]);
    if !prev_nameish
        && !in_a_body
        && words::is_capitalised(w)
        && lexicon::is_speaker_noun(&w.to_lowercase())
    {
        // `Critics say`, `Officials said`: a group, not a name.
        return Some(Mention {
            range: last.range(),
            kind: MentionKind::Noun,
        });
    }
    if words::nameish(w) && !lexicon::is_name_stop(w) {
        let mut j = toks.len() - 1;
        while j > 0 {
            let p = toks[j - 1];
            let pw = &text[p.range()];
            if p.word && words::nameish(pw) && !words::is_possessive(pw) {
                j -= 1;
            } else {
                break;
            }
        }
        let j = body_name_start(text, toks, j);
        // Drop leading stop words ("The", "But").
        let mut j = j;
        while j < toks.len() - 1 && lexicon::is_name_stop(&text[toks[j].range()]) {
            j += 1;
        }
        // `Renee Castillo of the National Weather Service said`: the
        // person, not the body they speak for.
        if let Some(m) = person_of_body(text, toks, j) {
            return Some(m);
        }
        // `Analysts at Berenberg said`, `A spokesperson for the Department
        // of Health said`: the people, not the firm.
        let p = if j >= 1 && toks[j - 1].word && &text[toks[j - 1].range()] == "the" {
            j - 1
        } else {
            j
        };
        if p >= 2
            && toks[p - 1].word
            && match &text[toks[p - 1].range()] {
                "at" | "from" | "with" | "for" => true,
                // A group of people from a place: `Residents of Leeds`,
                // `Doctors in Scotland` (not `Secretary of State`).
                "of" | "in" | "across" => text[toks[p - 2].range()].ends_with('s'),
                _ => false,
            }
            && toks[p - 2].word
            && lexicon::is_speaker_noun(&text[toks[p - 2].range()].to_lowercase())
        {
            let mut k = p - 2;
            if k > 0 && toks[k - 1].word && lexicon::is_determiner(&text[toks[k - 1].range()]) {
                k -= 1;
            }
            return Some(Mention {
                range: toks[k].start..last.end,
                kind: MentionKind::Noun,
            });
        }
        // And the end of a post with "of" (`Head of Audit Marta Lind`).
        return Some(Mention {
            range: after_post_of(text, toks[j].start, last.end)..last.end,
            kind: MentionKind::Name,
        });
    }
    if !lexicon::is_speaker_noun(w)
        && (w.chars().all(char::is_lowercase)
            || words::age(w).is_some_and(|n| age_set_off_once(text, last.start, n)))
        && !is_function_word(w)
        && lexicon::cue(w).is_none()
        && (!w.ends_with("ly") || lexicon::is_ly_noun(w))
    {
        // `the ad’s narrator says`, `the announcer said`: a determiner
        // within three words before a lower-case noun.
        let n = toks.len();
        for j in (n.saturating_sub(5)..n - 1).rev() {
            let t = toks[j];
            let pw = &text[t.range()];
            if !t.word {
                if joins_words(text, toks, j) {
                    continue;
                }
                break;
            }
            if lexicon::is_determiner(pw) || words::is_possessive(pw) {
                let s = if words::is_possessive(pw)
                    && j > 0
                    && lexicon::is_determiner(&text[toks[j - 1].range()])
                {
                    j - 1
                } else {
                    j
                };
                if !subject_position(text, toks, s) {
                    return noun_before_preposition(text, toks, s);
                }
                return Some(Mention {
                    range: toks[s].start..last.end,
                    kind: MentionKind::Noun,
                });
            }
            if lexicon::cue(pw).is_some() || is_function_word(pw) {
                // `the mother of two replied`: the noun before `of`.
                return noun_before_preposition(text, toks, j + 1);
            }
        }
        return None;
    }
    if lexicon::is_speaker_noun(w) {
        let mut j = toks.len() - 1;
        while j > 0 && toks.len() - j < 8 {
            let p = toks[j - 1];
            let pw = &text[p.range()];
            if !p.word && !joins_words(text, toks, j - 1) {
                break;
            }
            j -= 1;
            // (`that person said`: a demonstrative right before the noun,
            // opening its clause; not `alleges that staff said`.)
            if lexicon::is_determiner(pw)
                || (j + 2 == toks.len()
                    && matches!(pw, "that" | "That" | "this" | "This")
                    && (j == 0 || !toks[j - 1].word))
            {
                break;
            }
            if lexicon::cue(pw).is_some()
                || is_function_word(pw)
                || is_subordinator(pw)
                || is_function_word(&pw.to_lowercase())
            {
                j += 1;
                break;
            }
        }
        if !subject_position(text, toks, j) {
            return noun_before_preposition(text, toks, j);
        }
        return Some(Mention {
            range: toks[j].start..last.end,
            kind: MentionKind::Noun,
        });
    }
    None
}

/// Whether the 8 KB before `at` set off an age once, after one name:
/// `Danny Holloway, 21,` for "the 21-year-old". (Not two people of an age,
/// `Marcus Dell, 24, and Aaron Pike, 24,`, nor an age never set off: the
/// rules that read "the 21-year-old" otherwise stand.)
fn age_set_off_once(text: &str, at: usize, years: &str) -> bool {
    words::ages_set_off(text, at, years).len() == 1
}

/// Whether the mark `toks[k]` joins the word before it to the next: a
/// hyphen (`the 41-year-old mother`) or a plural's apostrophe (`the
/// dockers’ union`).
pub(crate) fn joins_words(text: &str, toks: &[Tok], k: usize) -> bool {
    let before = k.checked_sub(1).map(|b| toks[b]).filter(|b| b.word);
    let Some(before) = before else { return false };
    match &text[toks[k].range()] {
        "-" => true,
        "’" | "'" => text[before.range()].ends_with('s'),
        _ => false,
    }
}

/// `a narrator in the campaign ad asks`, `a spokesman for the company
/// said`: the phrase from `s` to the end follows a preposition, and the
/// speaker is the noun phrase before it, reported with its complement.
fn noun_before_preposition(text: &str, toks: &[Tok], s: usize) -> Option<Mention> {
    // `one of the diplomats said`: a part of the group (not `the mother
    // of one of the victims`).
    let complement = s >= 3 && &text[toks[s - 3].range()] == "of";
    if s >= 2 && !complement && &text[toks[s - 1].range()] == "of" && {
        let q = &text[toks[s - 2].range()];
        is_quantifier(q) || is_quantifier(&q.to_ascii_lowercase())
    } {
        return Some(Mention {
            range: toks[s - 2].start..toks.last()?.end,
            kind: MentionKind::Noun,
        });
    }
    if s < 2
        || !matches!(
            &text[toks[s - 1].range()],
            "in" | "of" | "at" | "for" | "from" | "with" | "on"
        )
    {
        return None;
    }
    let end = toks.last()?.end;
    mention_ending(text, &toks[..s - 1])
        .filter(|m| m.kind == MentionKind::Noun)
        .map(|m| Mention {
            range: m.range.start..end,
            kind: MentionKind::Noun,
        })
}

/// Whether a noun phrase starting at token `i` can be a clause's subject:
/// first, or after punctuation or a conjunction, not after a preposition or
/// a verb (`told a young woman`, `in a box`).
fn subject_position(text: &str, toks: &[Tok], i: usize) -> bool {
    match i.checked_sub(1).map(|p| toks[p]) {
        None => true,
        Some(p) if !p.word => &text[p.range()] != "(",
        Some(p) => {
            let w = &text[p.range()];
            matches!(w, "and" | "but" | "that" | "so" | "But" | "And") || is_subordinator(w)
        }
    }
}

/// Whether `w` reads as an adverb: a word in "-ly" (`previously`), not
/// a noun in "-ly" (`the family`, `the national assembly`).
pub(crate) fn is_adverb(w: &str) -> bool {
    w.ends_with("ly") && w.len() > 4 && !lexicon::is_ly_noun(w)
}

/// A lower-case word that is probably a verb or an adverb before one.
pub(crate) fn looks_like_verb(w: &str) -> bool {
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    lexicon::cue(w).is_some()
        || lexicon::is_aux(w)
        || (w.ends_with("ed") && w.len() > 4)
        || is_adverb(w)
        || in_list!(
            w,
            "is" | "was"
                | "made"
                | "went"
                | "took"
                | "gave"
                | "got"
                | "came"
                | "saw"
                | "thought"
                | "knew"
                | "felt"
                | "became"
                | "began"
                | "kept"
                | "left"
                | "met"
                | "ran"
                | "sent"
                | "spent"
                | "stood"
                | "won"
                | "lost"
                | "led"
                | "held"
                | "brought"
                | "built"
                | "paid"
                | "spoke"
                | "sat"
                | "gets"
                | "makes"
                | "takes"
                | "wants"
                | "thinks"
                | "believes"
                | "knows"
                | "sees"
                | "hopes"
                | "plans"
                | "seems"
                | "appears"
                | "remains"
                | "struck"
                | "drew"
                | "chose"
                | "wore"
                | "fought"
                | "sought"
                | "taught"
                | "hit"
                | "put"
                | "set"
                | "let"
                | "cut"
                | "dismissed"
                | "recently"
                | "later"
                | "then"
        )
}

pub(crate) fn is_function_word(w: &str) -> bool {
    in_list!(
        w,
        "to" | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "by"
            | "with"
            | "and"
            | "that"
            | "from"
            | "as"
            | "than"
            | "but"
            | "or"
            | "if"
            | "when"
            | "while"
            | "because"
            | "about"
            | "into"
            | "over"
            | "after"
            | "before"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "what"
            | "which"
            | "who"
            | "whom"
            | "this"
            | "these"
            | "those"
            | "there"
            | "not"
            | "no"
    )
}

/// A document or body named after `per` or `as` (`per the party's bylaws`,
/// `as a federal memo put it`): the words up to the end, less the last
/// `stop` words, when they are few and read as a noun phrase.
fn source_phrase(text: &str, toks: &[Tok], stop: usize) -> Option<Mention> {
    let ws: Vec<&Tok> = toks.iter().filter(|t| t.word).collect();
    let ws = &ws[..ws.len().checked_sub(stop)?];
    let (first, last) = (ws.first()?, ws.last()?);
    let lead = &text[first.range()];
    if ws.len() > 6 || !(lexicon::is_determiner(lead) || words::is_capitalised(lead)) {
        return None;
    }
    let head = &text[last.range()];
    if is_function_word(head) || lexicon::is_determiner(head) || looks_like_verb(head) {
        return None;
    }
    Some(Mention {
        range: first.start..last.end,
        kind: MentionKind::Noun,
    })
}

/// How far the complement that ties a source's noun to a body or a circle
/// reaches into `rest`, the text right after the noun, in bytes: ` for the
/// agriculture ministry`, ` close to the president`, ` familiar with the
/// talks`. Up to eight words, on the same line and in the same clause, not
/// ending on a joining word; 0 when there is none.
pub(crate) fn source_complement(rest: &str) -> usize {
    const LEADS: [&str; 13] = [
        "with direct knowledge of",
        "with knowledge of",
        "close to",
        "familiar with",
        "briefed on",
        "knowledgeable about",
        "involved in",
        "for",
        "at",
        "from",
        "of",
        "with",
        "in",
    ];
    let rest = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
    let Some(r) = rest.strip_prefix(' ') else {
        return 0;
    };
    let Some(lead) = LEADS
        .iter()
        .find(|l| r.starts_with(**l) && r[l.len()..].starts_with(' '))
    else {
        return 0;
    };
    let mut end = 1 + lead.len();
    let mut kept = end;
    // (`with the agency`, `with Harmon & Co`; not `with tears in her eyes`.)
    let next = rest[end + 1..].split(' ').next().unwrap_or("");
    if *lead == "with" && !(matches!(next, "the" | "a" | "an") || words::is_capitalised(next)) {
        return 0;
    }
    let mut prev_cap = false;
    let mut words_after = rest[end + 1..].split(' ').take(8).peekable();
    while let Some(w) = words_after.next() {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        // Inside a name, a preposition is the name's: `the Department for
        // Education`, `the Institute for Fiscal Studies`.
        let in_name = prev_cap
            && bare.len() == w.len()
            && words_after.peek().is_some_and(|n| {
                let n = n.trim_end_matches([',', '.', ';', ':']);
                words::is_capitalised(n) && !lexicon::is_time_word(n) && !places::is_place(n)
            });
        prev_cap = words::is_capitalised(bare);
        let word = bare
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\'' | '&'));
        // `Mr. Hollander`: an abbreviation keeps its full stop.
        let dot = w.len() == bare.len() + 1 && w.ends_with('.') && words::keeps_dot(bare);
        if bare.is_empty()
            || !word
            || lexicon::cue(bare).is_some()
            || looks_like_verb(bare)
            || lexicon::is_time_word(bare)
            || matches!(bare, "who" | "which" | "that" | "as")
            // Another preposition opens an adjunct: `for the ministry in an
            // email`, `from Gaza by phone`.
            || !in_name
                && in_list!(
                bare,
                "in" | "by"
                    | "at"
                    | "on"
                    | "with"
                    | "from"
                    | "during"
                    | "after"
                    | "via"
                    | "over"
                    | "to"
                    | "for"
                    | "before"
                    | "since"
            )
        {
            break;
        }
        end += 1 + if dot { w.len() } else { bare.len() };
        if !matches!(
            bare,
            "and" | "of" | "the" | "for" | "at" | "from" | "in" | "with" | "to"
        ) {
            kept = end;
        }
        // An occasion is no tie: `one official at a news conference`.
        if in_list!(
            bare,
            "conference"
                | "briefing"
                | "meeting"
                | "rally"
                | "hearing"
                | "interview"
                | "event"
                | "ceremony"
                | "vigil"
                | "protest"
                | "funeral"
                | "session"
        ) {
            return 0;
        }
        if bare.len() < w.len() && !dot {
            break;
        }
    }
    if kept == 1 + lead.len() {
        0
    } else {
        kept
    }
}

/// A name, pronoun or noun phrase at the start of `toks` (`said X`,
/// `according to X`), skipping time words.
fn noun_phrase_forward(text: &str, toks: &[Tok]) -> Option<Mention> {
    let mut i = 0;
    while i < toks.len() && toks[i].word && lexicon::is_time_word(&text[toks[i].range()]) {
        i += 1;
    }
    let t = *toks.get(i)?;
    if !t.word {
        return None;
    }
    let w = &text[t.range()];
    // (`said her spokesman, Lucas Brandt`: a possessive opens a phrase.)
    // (And `said her brother, Mateo Lopez`: a relative.)
    let owner = matches!(w, "her" | "his" | "their" | "its")
        && toks[i + 1..]
            .iter()
            .take(3)
            .take_while(|n| n.word && text[n.range()].starts_with(|c: char| c.is_ascii_lowercase()))
            .any(|n| lexicon::is_speaker_noun(&text[n.range()]) || is_relative(&text[n.range()]));
    if let Some(g) = lexicon::pronoun(w).filter(|_| !owner) {
        if matches!(w, "he" | "she" | "they" | "it") {
            return Some(Mention {
                range: t.range(),
                kind: MentionKind::Pronoun(g),
            });
        }
        return None;
    }
    // A phrase of determiners, role words and a name: `said the spokesman`,
    // `said flood warden Greta Holm`, `said Treasury spokeswoman Clara Diaz`.
    let mut j = i;
    // `said one of the officials`: a part of a group.
    if is_quantifier(w) && toks.get(i + 1).is_some_and(|t| &text[t.range()] == "of") {
        j = i + 2;
        if toks
            .get(j)
            .is_some_and(|t| t.word && lexicon::is_determiner(&text[t.range()]))
        {
            j += 1;
        }
    }
    let mut last_noun = None;
    while j < toks.len() && j - i < 6 {
        if !toks[j].word {
            // `9/11 widow Terry Strada`, `long-time aide`.
            if matches!(&text[toks[j].range()], "/" | "-" | "’" | "'") && j > i {
                j += 1;
                continue;
            }
            break;
        }
        let w = &text[toks[j].range()];
        if is_function_word(w) || lexicon::cue(w).is_some() {
            break;
        }
        if words::nameish(w) && !lexicon::is_determiner(w) && !describes_a_noun(text, toks, j) {
            let m = name_forward(text, &toks[j..])?;
            let after = toks
                .iter()
                .position(|t| t.end == m.range.end)
                .map_or(toks.len(), |k| k + 1);
            let mut k = after;
            while k < toks.len() && k - after < 3 && toks[k].word {
                let r = &text[toks[k].range()];
                if !r.chars().next().is_some_and(char::is_lowercase)
                    || is_function_word(r)
                    || lexicon::cue(r).is_some()
                {
                    break;
                }
                k += 1;
            }
            if k > after
                && toks
                    .get(k)
                    .is_some_and(|t| t.word && words::is_capitalised(&text[t.range()]))
            {
                if let Some(m2) = name_forward(text, &toks[k..]) {
                    return Some(m2);
                }
            }
            // `said the Arsenal manager.`: a role, the name only whose it
            // is.
            let role = &text[toks[k.max(1) - 1].range()];
            if k > after
                && &text[toks[i].range()] == "the"
                && (lexicon::is_speaker_noun(role) || is_person_suffixed(role))
                && !toks
                    .get(k)
                    .is_some_and(|t| t.word && words::is_capitalised(&text[t.range()]))
            {
                return Some(Mention {
                    range: toks[i].start..toks[k - 1].end,
                    kind: MentionKind::Noun,
                });
            }
            return Some(m);
        }
        if lexicon::is_speaker_noun(w) || is_relative(w) {
            last_noun = Some(j);
        }
        j += 1;
    }
    // Any lower-case noun phrase after "a" that ends the clause is an
    // unnamed speaker: `said a nurse.`, `said a veteran steward, …` (not
    // `said a day later`, `said a week ago`).
    if last_noun.is_none()
        && matches!(w, "a" | "an" | "another")
        && (2..=4).contains(&(j - i))
        && toks
            .get(j)
            .is_none_or(|t| !t.word && !matches!(&text[t.range()], "-" | "’" | "'"))
        && toks[i + 1..j].iter().all(|t| {
            let w = &text[t.range()];
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && !lexicon::is_time_word(w)
                && !is_adverb(w)
                && !lexicon::is_time_noun(w)
                && !matches!(
                    w,
                    "later" | "ago" | "earlier" | "again" | "while" | "bit" | "lot" | "little"
                )
        })
    {
        last_noun = Some(j - 1);
    }
    // The role set off before the name may be any lower-case noun phrase
    // after a determiner: `said a retired nurse, Maria Lopez, 67.`
    let set_off = last_noun.or_else(|| {
        let phrase = toks.get(i + 1..j)?;
        (j > i + 1
            && toks.get(j).is_some_and(|t| &text[t.range()] == ",")
            && (lexicon::is_determiner(w) || owner)
            && phrase
                .iter()
                .all(|t| t.word && text[t.range()].starts_with(|c: char| c.is_ascii_lowercase())))
        .then(|| j - 1)
    });
    // An unnamed source with what ties it to the story: `said one person
    // close to Mr. Hollander`, `according to two people familiar with the
    // talks`.
    let unnamed = matches!(w, "a" | "an") || is_quantifier(w);
    // The role set off before the name: `said the union’s lead negotiator,
    // Tobias Reinholt-Yeboah.`, `according to the mayor, Ingrid Solvang,`,
    // `said a neighbor, Maria Lopez`.
    if let Some(n) = set_off.filter(|&n| !lexicon::is_document_noun(&text[toks[n].range()])) {
        if toks.get(n + 1).is_some_and(|t| &text[t.range()] == ",") {
            // (A relative by first name only: `said his sister, Maria,
            // 34`.)
            let relative = is_relative(&text[toks[n].range()]);
            let named = name_forward(text, &toks[n + 2..]).filter(|m| {
                let after = toks.iter().position(|t| t.start >= m.range.end);
                let name = &text[m.range.clone()];
                (name.contains(' ') || relative && lexicon::first_name_gender(name).is_some())
                    && after.is_none_or(|a| &text[toks[a].range()] == ",")
            });
            if named.is_some() {
                return named;
            }
        }
    }
    last_noun.map(|n| {
        let end = toks[n].end;
        let more = if unnamed {
            source_complement(&text[end..])
        } else {
            0
        };
        Mention {
            range: toks[i].start..end + more,
            kind: MentionKind::Noun,
        }
    })
}

/// How many capitalised words before a known first name are a role, not
/// the name (`Midwife Sarah Kowalczyk`, `City Traffic Engineer Naomi
/// Kessler`): none unless a first name stands after them, before the
/// surname, none of them is a first name itself (`Mary Ann Hale`), and the
/// last reads as a role (not the rarer first name of `Cornell William
/// Brooks`).
fn role_before_first_name(ws: &[&str]) -> usize {
    if ws.len() < 3 {
        return 0;
    }
    let k = ws[..ws.len() - 1]
        .iter()
        .position(|w| lexicon::first_name_gender(w).is_some())
        .unwrap_or(0);
    let role = k
        .checked_sub(1)
        .and_then(|r| words::lower_first(ws[r]))
        .is_some_and(|r| {
            has_role_ending(&r)
                || lexicon::is_speaker_noun(&r)
                || lexicon::is_trade_noun(&r)
                || is_relative(&r)
                || matches!(
                    r.as_str(),
                    "midwife"
                        | "retiree"
                        | "nurse"
                        | "chef"
                        | "cook"
                        | "pastor"
                        | "rabbi"
                        | "imam"
                        | "priest"
                        | "nun"
                        | "monk"
                        | "publican"
                        | "landlord"
                        | "landlady"
                        | "coach"
                        | "captain"
                        | "surgeon"
                        | "pilot"
                        | "attorney"
                        | "athlete"
                        | "poet"
                        | "academic"
                        | "victim"
                        | "teen"
                        | "tradie"
                        | "guard"
                        | "vet"
                )
        });
    if role {
        k
    } else {
        0
    }
}

/// A relative or someone close: `brother`, `cousin`, `fiancée`.
fn is_relative(w: &str) -> bool {
    lexicon::person_noun_gender(w).is_some()
        || matches!(
            w,
            "cousin"
                | "partner"
                | "fiancé"
                | "fiancée"
                | "fiance"
                | "fiancee"
                | "spouse"
                | "sibling"
                | "child"
                | "grandchild"
                | "stepson"
                | "stepdaughter"
                | "roommate"
                | "flatmate"
                | "colleague"
                | "classmate"
                | "teammate"
                | "boss"
                | "mentor"
        )
}

/// A capitalised name at the start of `toks`.
fn name_forward(text: &str, toks: &[Tok]) -> Option<Mention> {
    let first = *toks.first()?;
    let w = &text[first.range()];
    if !first.word
        || !words::is_capitalised(w)
        || lexicon::is_name_stop(w) && !lexicon::is_determiner(w)
    {
        return None;
    }
    let mut j = 0;
    while j + 1 < toks.len() {
        let n = toks[j + 1];
        let nw = &text[n.range()];
        if n.word && words::nameish(nw) && !words::is_possessive(&text[toks[j].range()]) {
            j += 1;
        } else {
            break;
        }
    }
    // `Secretary of State Antony Blinken`: a post with "of", then the name.
    if toks.get(j + 1).is_some_and(|t| &text[t.range()] == "of")
        && toks
            .get(j + 2)
            .is_some_and(|t| t.word && words::is_capitalised(&text[t.range()]))
        && (0..=j).all(|i| lexicon::is_title_word(&text[toks[i].range()]))
    {
        let rest = &toks[j + 2..];
        let mut e = 0;
        while e + 1 < rest.len() && rest[e + 1].word && words::nameish(&text[rest[e + 1].range()]) {
            e += 1;
        }
        let start = after_post_of(text, rest[0].start, rest[e].end);
        if start > rest[0].start {
            return Some(Mention {
                range: start..rest[e].end,
                kind: MentionKind::Name,
            });
        }
    }
    let mut s = 0;
    while s < j && lexicon::is_name_stop(&text[toks[s].range()]) {
        s += 1;
    }
    // `Union leader Paul Dumont`, `Kremlin spokesman Dmitry Peskov`: a
    // capitalised modifier, a role, then the name.
    let mut k = j + 1;
    while k < toks.len() && k - j <= 3 && toks[k].word {
        let r = &text[toks[k].range()];
        if !r.chars().next().is_some_and(char::is_lowercase)
            || is_function_word(r)
            || lexicon::cue(r).is_some()
            || looks_like_verb(r)
        {
            break;
        }
        k += 1;
    }
    if k > j + 1 {
        let later = toks.get(k).filter(|t| t.word).map(|t| &text[t.range()]);
        if later.is_some_and(|w| words::is_capitalised(w) && !lexicon::is_name_stop(w)) {
            if let Some(m) = name_forward(text, &toks[k..]) {
                return Some(m);
            }
        }
    }
    let j = body_name_end(text, toks, j);
    Some(Mention {
        range: toks[s].start..toks[j].end,
        kind: MentionKind::Name,
    })
}

/// The subject of the sentence that `toks` ends in, for a quote with no
/// cue of its own (`Trump openly admires Putin as a “strong leader,”`): a
/// name, a pronoun, or `The Republican nominee`.
pub(crate) fn sentence_subject(text: &str, toks: &[Tok]) -> Option<Mention> {
    let start = toks
        .iter()
        .rposition(|&t| is_terminator(text, t))
        .map_or(0, |i| i + 1);
    let sentence = &toks[start..];
    let first = sentence.iter().position(|t| t.word)?;
    let lead = &text[sentence[first].range()];
    if matches!(lead, "The" | "A" | "An") {
        // `The Republican nominee also outlined …`
        let head = sentence[first + 1..]
            .iter()
            .take(3)
            .take_while(|t| t.word)
            .position(|t| lexicon::is_speaker_noun(&text[t.range()]))?;
        let end = sentence[first + 1 + head].end;
        return Some(Mention {
            range: sentence[first].start..end,
            kind: MentionKind::Noun,
        });
    }
    first_subject(text, sentence)
}

/// The subject of the clause right after a quote, `, she was …`: a
/// pronoun or a name followed by a verb.
pub(crate) fn clause_subject_after(text: &str, toks: &[Tok]) -> Option<Mention> {
    let i = toks.iter().position(|t| t.word)?;
    if !toks[..i].iter().all(|t| &text[t.range()] == ",") {
        return None;
    }
    let w = &text[toks[i].range()];
    let m = if matches!(w, "he" | "she" | "they") {
        Mention {
            range: toks[i].range(),
            kind: MentionKind::Pronoun(lexicon::pronoun(w)?),
        }
    } else {
        name_forward(text, &toks[i..])?
    };
    let end = toks.iter().position(|t| t.end == m.range.end)?;
    let next = toks.get(end + 1).filter(|t| t.word)?;
    looks_like_verb(&text[next.range()]).then_some(m)
}

/// The speaker of a parenthetical cue right before a participle cue
/// (`toks` ends before it): `…, she said, adding`, `…, said Anna Berg,
/// adding`.
fn said_before_participle(text: &str, toks: &[Tok]) -> Option<Mention> {
    let (comma, rest) = toks.split_last()?;
    if &text[comma.range()] != "," {
        return None;
    }
    let is_verb = |t: &Tok| t.word && lexicon::cue(&text[t.range()]) == Some(Cue::Verb);
    // `she said,`
    if let Some((_, before)) = rest.split_last().filter(|(v, _)| is_verb(v)) {
        let (subject, _) = before.split_last()?;
        if subject.word {
            return mention_ending(text, before)
                .filter(|m| matches!(m.kind, MentionKind::Pronoun(_) | MentionKind::Name));
        }
        return None;
    }
    // `said Anna Berg,`
    let lo = rest.len().saturating_sub(5);
    let v = lo + rest[lo..].iter().rposition(is_verb)?;
    let after = &rest[v + 1..];
    // (Inverted after a comma: not `it attacked Trump, saying`.)
    let inverted = v > 0 && matches!(&text[rest[v - 1].range()], "," | "”" | "\"");
    if !inverted || after.is_empty() || !after.iter().all(|t| t.word) {
        return None;
    }
    name_forward(text, after).filter(|m| m.range.end == after[after.len() - 1].end)
}

/// The first name or pronoun of a sentence: the subject a participle cue
/// (`…, calling it “…”`) refers to.
fn first_subject(text: &str, toks: &[Tok]) -> Option<Mention> {
    // An opening subordinate clause or `With …` phrase is not where the
    // subject is: `With leaders worried about Jo Bloggs, Ann Other is …`.
    let lead_at = toks.iter().position(|t| t.word);
    let lead = lead_at.map(|i| &text[toks[i].range()]);
    // Nor a short phrase of place or time, `In an interview with Deutsche
    // Welle, Petro Savchuk defended …`, `At the rally, …`, where any name
    // in it follows a preposition: not `At the hearing Sen. Ana Ruiz, a
    // Democrat from Ohio, pressed …`, the phrase's comma left out.
    let adjunct = lead.is_some_and(|w| matches!(w, "In" | "At" | "During" | "After" | "On"))
        && lead_at.is_some_and(|i| {
            toks.get(i + 1)
                .is_some_and(|t| lexicon::is_determiner(&text[t.range()]))
                && toks[i + 1..]
                    .iter()
                    .take(12)
                    .take_while(|t| &text[t.range()] != ",")
                    .scan(None::<&Tok>, |prev, t| {
                        let before = prev.replace(t);
                        Some((before, t))
                    })
                    .all(|(before, t)| {
                        !words::is_capitalised(&text[t.range()])
                            || before.is_some_and(|b| {
                                let w = &text[b.range()];
                                is_function_word(w)
                                    || lexicon::is_determiner(w)
                                    || words::is_capitalised(w)
                            })
                    })
        });
    // (Or a participle's phrase: `Pressed by an analyst on whether Quillon
    // would buy, the chief executive demurred`, `Speaking to reporters,`.)
    let participle_lead = lead.is_some_and(|w| {
        w.len() > 5
            && (w.ends_with("ed") || w.ends_with("ing"))
            && words::is_capitalised(w)
            && lexicon::first_name_gender(w).is_none()
    });
    let cut = if participle_lead
        || lead.is_some_and(|w| {
            is_subordinator(w) || matches!(w, "With" | "Without" | "Despite" | "Amid")
        }) {
        match toks.iter().take(30).position(|t| &text[t.range()] == ",") {
            Some(c) => &toks[c + 1..],
            None => toks,
        }
    } else if adjunct {
        match toks.iter().take(12).position(|t| &text[t.range()] == ",") {
            Some(c) => &toks[c + 1..],
            None => toks,
        }
    } else {
        toks
    };
    // (Should nothing after the phrase be a subject, the phrase holds it:
    // `After the vote he thanked staff, saying`.)
    // (Not a subordinate clause's: `When the fact-checkers examined it,
    // it was labelled …`.)
    subject_from(text, cut).or_else(|| {
        if adjunct && cut.len() < toks.len() {
            subject_from(text, toks)
        } else {
            None
        }
    })
}

/// The subject `first_subject` finds in `toks`, past any opening phrase.
fn subject_from(text: &str, toks: &[Tok]) -> Option<Mention> {
    let first_word = toks.iter().position(|t| t.word);
    // `The militia denied responsibility, calling …`: a group named by a
    // common noun, right before its verb.
    // (`the` after an opening phrase: `Pressed on the point, the chief
    // executive demurred`.)
    if let Some(i) = first_word.filter(|&i| matches!(&text[toks[i].range()], "The" | "the")) {
        let lower = |t: &Tok| {
            let w = &text[t.range()];
            t.word
                && w.starts_with(|c: char| c.is_ascii_lowercase())
                && !looks_like_verb(w)
                && !is_function_word(w)
        };
        let n = toks[i + 1..]
            .iter()
            .take(3)
            .take_while(|t| lower(t))
            .count();
        if n > 0
            && toks
                .get(i + 1 + n)
                .is_some_and(|v| v.word && looks_like_verb(&text[v.range()]))
        {
            return Some(Mention {
                range: toks[i].start..toks[i + n].end,
                kind: MentionKind::Noun,
            });
        }
    }
    for (i, t) in toks.iter().enumerate().take(12) {
        if !t.word {
            continue;
        }
        let w = &text[t.range()];
        // `It` only where it opens the sentence or its clause, before a
        // verb in the past tense (`Meanwhile, it attacked Tom Becker,
        // saying …`): elsewhere it is seldom the subject (`Tom said it was
        // time`), or no one (`It was the third time that Pike …`, `it took
        // crews three days`).
        let opens = Some(i) == first_word || (i > 0 && &text[toks[i - 1].range()] == ",");
        let acts = toks.get(i + 1).is_some_and(|n| {
            let v = &text[n.range()];
            n.word && v.len() > 4 && v.ends_with("ed") && v != "needed"
        });
        if matches!(w, "He" | "She" | "he" | "she" | "They" | "they")
            || (matches!(w, "It" | "it") && opens && acts)
        {
            return Some(Mention {
                range: t.range(),
                kind: MentionKind::Pronoun(lexicon::pronoun(w)?),
            });
        }
        // `several environmental groups granted …`: a speaker noun with its
        // verb, before any name.
        if lexicon::is_speaker_noun(w)
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word && looks_like_verb(&text[n.range()]))
        {
            if let Some(m) = mention_ending(text, &toks[..=i]) {
                return Some(m);
            }
        }
        // `Democratic leaders`, `Following the vote`, `Pressed on the
        // point`, `WASHINGTON —` are not subjects.
        let participle = w.len() > 4
            && w.ends_with("ed")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word && is_function_word(&text[n.range()]));
        let not_a_name =
            is_name_adjective(w) || words::is_ing_form(w) || participle || words::is_all_caps(w);
        if words::is_capitalised(w) && !lexicon::is_name_stop(w) && !not_a_name {
            // `Sneers at the fishermen and calls the crews “whiners”`: a list
            // item opening with its verb has no subject to find.
            if Some(i) == first_word && verb_opening(text, toks, i) {
                return None;
            }
            let m = name_forward(text, &toks[i..])?;
            // A post, then its holder set off: `The Minister for Housing,
            // Ciarán Ó Dálaigh TD, has defended …, saying`.
            if toks.iter().skip(i).take(8).any(|t| &text[t.range()] == ",")
                && is_title(&text[m.range.clone()])
            {
                let after = toks[i..]
                    .iter()
                    .position(|t| t.start >= m.range.end)
                    .map(|p| i + p);
                if let Some(c) = after.and_then(|a| {
                    toks[a..]
                        .iter()
                        .take(5)
                        .position(|t| &text[t.range()] == ",")
                        .map(|p| a + p)
                }) {
                    if let Some(n) = name_forward(text, &toks[c + 1..])
                        .filter(|n| text[n.range.clone()].contains(' '))
                    {
                        return Some(n);
                    }
                }
            }
            // Skip a leading place or time phrase: `On Israel’s strikes, X said`.
            let end_tok = toks.iter().position(|t| t.end == m.range.end).unwrap_or(i);
            if words::is_possessive(&text[toks[end_tok].range()]) {
                continue;
            }
            return Some(m);
        }
    }
    None
}

/// A lone capitalised word in `s` followed by a determiner, or by a
/// preposition and a determiner (`Repeats the claim`, `Sneers at the
/// fishermen`): a verb opening a list item, not a name. A name so placed is
/// followed by its verb (`Jones on Monday said`). Endings that names often
/// have (`Harris`, `Thomas`, `Ross`) are let through.
fn verb_opening(text: &str, toks: &[Tok], i: usize) -> bool {
    let b = text[toks[i].range()].as_bytes();
    if b.len() < 4
        || b[b.len() - 1] != b's'
        || matches!(b[b.len() - 2], b's' | b'u' | b'i' | b'a' | b'o' | b'\'')
    {
        return false;
    }
    let word = |k: usize| toks.get(k).filter(|t| t.word).map(|t| &text[t.range()]);
    let det = |w: Option<&str>| {
        w.is_some_and(|w| {
            (lexicon::is_determiner(w) && w.starts_with(char::is_lowercase))
                || matches!(w, "my" | "your")
        })
    };
    det(word(i + 1))
        || (word(i + 1).is_some_and(|p| {
            matches!(
                p,
                "on" | "in" | "at" | "to" | "for" | "with" | "about" | "into" | "over" | "upon"
            )
        }) && det(word(i + 2)))
}

/// A multiply-rotate hash over eight bytes at a time (as in rustc's
/// FxHash): the maps here hold short keys from the text itself, so a simple
/// fast hash beats the default DoS-resistant one. Nothing iterates these
/// maps and sets, so the hash never shows in the output.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
}

pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FastHasher>>;
pub(crate) type HashSet<K> = StdHashSet<K, BuildHasherDefault<FastHasher>>;

/// Canonical forms of names, learned as the article is read, and the
/// tokens of each block, made once and shared by every window.
pub(crate) struct Names<'a> {
    text: &'a str,
    /// Surname (as written) → every full name outside quotes that ends
    /// in it, and where, in text order: two people may share a surname.
    /// The full names are slices of the text: a surname met hundreds of
    /// times costs no allocation per occurrence.
    full: HashMap<String, Fulls<'a>>,
    /// Surname → each full name in `full` once, where it first appears, for
    /// the surnames that more than one person has.
    namesakes: HashMap<String, Vec<(&'a str, usize)>>,
    /// Set when a resolution depended on where the mention is, because
    /// its surname belongs to more than one full name: not cached.
    placed: bool,
    pub gender: HashMap<String, Gender>,
    /// The quoted spans, in order and apart (pairs of double marks in a
    /// block never overlap): names are introduced outside them.
    quoted: Vec<Range<usize>>,
    /// Mention (as written) → its resolution, which does not depend on
    /// where the mention is.
    resolved: HashMap<&'a str, Option<Resolved>>,
    /// Mention (by where it is) → its resolution, for those that depend
    /// on where they are: pronouns look back at the same mentions again
    /// and again.
    placed_resolved: HashMap<(usize, usize), Option<Resolved>>,
    /// Where every ASCII capital of the text is, made for the first
    /// surname or speaker's name looked for.
    capital_index: Option<CapitalIndex>,
    /// The peers the text names (`Lord Hamble`: the title and the next
    /// word) and where, read once, when first asked.
    peers: Option<Vec<(&'a str, usize)>>,
    blocks: Vec<Range<usize>>,
    /// The tokens of the last few blocks the rules read.
    cache: Vec<BlockToks>,
    /// Mentions of a block outside `cache`, for `block_name_mentions`.
    spare_mentions: Vec<(Range<usize>, bool)>,
    /// The walk back from a surname's verdict on each word met before one
    /// (`name_step`, which depends on the word alone), for all surnames.
    steps: HashMap<&'a str, Step>,
    /// The places where the surname `search_full` last read by the
    /// capital-letter index stands whole (`CapitalIndex::find`), for a
    /// caller that wants them next.
    last_places: Option<(String, Vec<usize>)>,
    /// Whether each block reads like a heading, once worked out.
    flags: Vec<Option<bool>>,
    /// Name → whether it is a body's or a place's, once worked out.
    org_or_place: HashMap<String, bool>,
    /// How many acronyms `spelled_out` has looked for.
    spelled_out_lookups: usize,
    /// Title (`Gov.`) → where it stands before a capitalised name, in
    /// order, once asked for.
    titled: HashMap<String, Vec<usize>>,
    /// Body noun (`commission`) → the body `body_called` last found for
    /// it, and where it was asked.
    called: HashMap<String, (usize, &'a str)>,
}

/// How many acronyms are looked for in full: each look reads the places
/// of one capital letter, so text made of acronyms stays linear.
const MAX_SPELLED_OUT: usize = 128;

/// How many blocks' tokens are kept: a quote's block and the two before it.
const CACHED_BLOCKS: usize = 4;

/// The tokens of one block, all of them and those outside quotes, each
/// made the first time it is read: a fifth of the blocks prepared are
/// never read.
struct BlockToks {
    block: usize,
    all: Vec<Tok>,
    all_made: bool,
    /// Left empty when no quoted span meets the block: `all` serves.
    outside: Vec<Tok>,
    outside_made: Option<Outside>,
    /// `name_mentions` of all of `outside`, once asked for.
    mentions: Vec<(Range<usize>, bool)>,
    mentions_made: bool,
}

/// Which tokens of a block lie outside quotes, once worked out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outside {
    /// All of them: no quoted span meets the block.
    All,
    /// Those in `BlockToks::outside`.
    Some,
}

/// An empty map with room for `n` entries.
fn with_room<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(n, Default::default())
}

/// The full names a surname stands for, each with where it is met, in text
/// order, and whether they are all one name (worked out once, not on each
/// look-up).
#[derive(Default)]
struct Fulls<'a> {
    all: Vec<(&'a str, usize)>,
    one: bool,
}

impl<'a> Fulls<'a> {
    fn new(all: Vec<(&'a str, usize)>) -> Self {
        let one = all.iter().all(|(full, _)| *full == all[0].0);
        Fulls { all, one }
    }
}

/// A name mention made canonical.
#[derive(Clone)]
pub(crate) struct Resolved {
    /// Shared, so that the cached resolution is cheap to hand out.
    pub name: Rc<str>,
    /// Where the full name first appears, when it came from elsewhere.
    pub introduced_at: Option<usize>,
    /// A single surname with no full name anywhere.
    pub bare: bool,
    /// Another person with the surname, met before the mention, when
    /// nothing in the text says which of the two it means.
    pub rival: Option<Rc<str>>,
}

impl Resolved {
    /// A mention resolved to the name `name`, first met at `at`.
    fn found(name: String, at: usize, rival: Option<String>) -> Self {
        Resolved {
            name: name.into(),
            introduced_at: Some(at),
            bare: false,
            rival: rival.map(Into::into),
        }
    }

    /// A mention that stands as written: no fuller name found, nor a bare
    /// surname.
    fn as_written(name: &str) -> Self {
        Resolved {
            name: name.into(),
            introduced_at: None,
            bare: false,
            rival: None,
        }
    }
}

impl<'a> Names<'a> {
    pub fn new(text: &'a str, quoted: Vec<Range<usize>>, blocks: Vec<Range<usize>>) -> Self {
        let n = blocks.len();
        debug_assert!(quoted.windows(2).all(|w| w[0].end <= w[1].start));
        // Room from the start for about a name a quote in the maps filled
        // once per name, up to a few hundred: grown from nothing, each is
        // rehashed over and over.
        let room = quoted.len().min(512);
        Names {
            text,
            full: HashMap::default(),
            namesakes: HashMap::default(),
            gender: HashMap::default(),
            quoted,
            resolved: with_room(room),
            placed_resolved: HashMap::default(),
            capital_index: None,
            peers: None,
            placed: false,
            blocks,
            cache: Vec::with_capacity(CACHED_BLOCKS),
            spare_mentions: Vec::new(),
            steps: HashMap::default(),
            last_places: None,
            flags: vec![None; n],
            org_or_place: with_room(room),
            spelled_out_lookups: 0,
            titled: HashMap::default(),
            called: HashMap::default(),
        }
    }

    /// The people given, before `at`, the title that a role noun names
    /// (`Gov. Daniel Ocampo` for "the governor"), as the mentions of
    /// their names that follow the title: the last eight, latest last.
    pub fn titled_before(&mut self, noun: &str, at: usize) -> Vec<Range<usize>> {
        let titles: &[&str] = match noun {
            "governor" => &["Gov.", "Governor"],
            "senator" => &["Sen.", "Senator"],
            "congressman" | "congresswoman" => &["Rep.", "Congressman", "Congresswoman"],
            "chairman" | "chairwoman" => &["Chairman", "Chairwoman"],
            "judge" => &["Judge", "Justice"],
            "doctor" => &["Dr", "Dr."],
            "professor" => &["Prof.", "Professor"],
            "detective" => &["Det.", "Det", "Detective"],
            "inspector" => &["Insp.", "Insp", "Inspector"],
            "sergeant" => &["Sgt.", "Sgt", "Sergeant"],
            "general" => &["Gen.", "General"],
            "captain" => &["Capt.", "Captain"],
            "councillor" | "councilman" | "councilwoman" => &[
                "Councillor",
                "Councilor",
                "Councilman",
                "Councilwoman",
                "Cllr",
            ],
            _ => &[],
        };
        // Any other post is its own title, capitalised: `Superintendent
        // Alan Petrakis`, `Police Chief Ray Dunn`, `Coach Ana Ruiz`.
        let titles: Vec<String> = if titles.is_empty() {
            if noun.len() < 2 || !noun.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
                return Vec::new();
            }
            let capitalised = noun
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(words::title_case)
                .collect::<Vec<_>>()
                .join(" ");
            // (And as a sentence opens with it: `Chief executive Marisol
            // Ortega-Finch told analysts`.)
            let mut chars = noun.chars();
            let opening: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            if opening == capitalised {
                vec![capitalised]
            } else {
                vec![capitalised, opening]
            }
        } else {
            titles.iter().map(|t| t.to_string()).collect()
        };
        let text = self.text;
        let mut found: Vec<usize> = Vec::new();
        for title in &titles {
            if !self.titled.contains_key(title) {
                let index = self
                    .capital_index
                    .get_or_insert_with(|| CapitalIndex::new(text));
                // Not `Vice President`, `Prime Minister` for "the
                // minister", `former Sen.`: someone else's post.
                // (Or set off after "The": `The Premier, Fiona Marsh,`.)
                let places = index
                    .occurrences(text, title)
                    .filter_map(|p| {
                        let rest = &text[p + title.len()..];
                        let gap = if rest.starts_with(' ') {
                            1
                        } else if rest.starts_with(", ")
                            && (text[..p].ends_with("The ") || text[..p].ends_with("the "))
                        {
                            2
                        } else {
                            return None;
                        };
                        (!alnum_before(text, p)
                            && rest[gap..].starts_with(|c: char| c.is_uppercase())
                            && !words::prev_word(text, p)
                                .is_some_and(|r| lexicon::not_the_holder(&text[r])))
                        .then_some(p + title.len() + gap)
                    })
                    .collect::<Vec<_>>();
                self.titled.insert(title.clone(), places);
            }
            let places = &self.titled[title];
            let k = places.partition_point(|&p| p < at);
            found.extend_from_slice(&places[k.saturating_sub(8)..k]);
        }
        found.sort_unstable();
        found.drain(..found.len().saturating_sub(8));
        found
            .into_iter()
            .filter_map(|start| name_at(text, start))
            .collect()
    }

    /// The body whose name `word` opens, where the text first writes it
    /// in full outside quotes, and that place: `Norvale` → `Norvale
    /// Systems`, `Acme` → `Acme Corp.`. Only a name whose last word says
    /// it is a body. `places` are where `word` stands whole, as
    /// `CapitalIndex::find` lists them.
    fn body_named(&self, word: &str, places: &[usize]) -> Option<(&'a str, usize)> {
        if !indexable(word) {
            return None;
        }
        let text = self.text;
        // A company's name, not a place's (`Jackson County`, `Warren
        // Street`); and not a person's, whom the text calls `Mr. Harlan`.
        let honorific = places.iter().any(|&i| {
            ["Mr. ", "Ms. ", "Mrs. ", "Dr. "]
                .iter()
                .any(|h| text[..i].ends_with(h))
        });
        if honorific {
            return None;
        }
        places.iter().find_map(|&at| {
            if in_quote(&self.quoted, at) {
                return None;
            }
            let mut end = at + word.len();
            let mut found = None;
            for _ in 0..3 {
                let Some(next) = text[end..].strip_prefix(' ') else {
                    break;
                };
                let w = next.split([' ', ',', ';', ':', '\n']).next().unwrap_or("");
                let w = w
                    .strip_suffix('.')
                    .filter(|w| !words::keeps_dot(w))
                    .unwrap_or(w);
                if !words::is_capitalised(w) || lexicon::is_name_stop(w) {
                    break;
                }
                end += 1 + w.len();
                if lexicon::is_company_word(w) {
                    found = Some(end);
                }
            }
            found.map(|end| (&text[at..end], at))
        })
    }

    /// The body last named before `at` (in the 2 KB before it, outside
    /// quotes) with `noun` as one of its words, capitalised: `the Center
    /// for Rural Economics` for "center", `the Senate Energy and Natural
    /// Resources Committee` for "committee". Or the one the noun last
    /// stood for, in the 2 KB before.
    pub fn body_called(&mut self, noun: &str, at: usize) -> Option<&'a str> {
        let found = self.body_called_near(noun, at);
        if let Some(name) = found {
            self.called.insert(noun.to_string(), (at, name));
            return found;
        }
        // Named so last in the 2 KB before: `The Central Election
        // Commission …` far back, then `the commission said`, then again.
        let text = self.text;
        let (p, name) = *self.called.get(noun)?;
        // Not past another of its kind brought in (`a citizens’
        // commission`): the noun met since, but after "the".
        let another = p < at
            && memchr::memmem::find_iter(&text.as_bytes()[p..at], noun.as_bytes()).any(|i| {
                let w = p + i;
                // (Back 40 bytes, forward to a character's start.)
                let from = words::ceil_boundary(text, w.saturating_sub(40).max(p));
                whole_word_at(text, w, noun.len())
                    && text[from..w]
                        .split_whitespace()
                        .rev()
                        .take(3)
                        .any(|b| matches!(b, "a" | "an" | "A" | "An"))
            });
        (p < at && at - p <= 2048 && !another).then(|| {
            self.called.insert(noun.to_string(), (at, name));
            name
        })
    }

    fn body_called_near(&mut self, noun: &str, at: usize) -> Option<&'a str> {
        let text = self.text;
        let word = Some(words::title_case(noun)).filter(|w| indexable(w))?;
        let lo = at.saturating_sub(2048);
        // The places before `at` in the word's bucket, latest first: only
        // those in the window are read.
        let bytes = text.as_bytes();
        self.capitals();
        let (Some(index), quoted) = (&self.capital_index, &self.quoted) else {
            return None;
        };
        let bucket = index.candidates(&word);
        let k = bucket.partition_point(|&p| p < at);
        let p = *bucket[..k]
            .iter()
            .rev()
            .take_while(|&&p| p >= lo)
            .find(|&&p| {
                bytes[p..].starts_with(word.as_bytes())
                    && whole_word_at(text, p, word.len())
                    && !in_quote(quoted, p)
            })?;
        // The line around it, at most 200 bytes each way, as tokens.
        let back = p.saturating_sub(200);
        let line_start = memchr::memrchr(b'\n', &bytes[back..p]).map_or(back, |i| back + i + 1);
        let ahead = (p + 200).min(text.len());
        let line_end = memchr::memchr(b'\n', &bytes[p..ahead]).map_or(ahead, |i| p + i);
        let from = words::ceil_boundary(text, line_start);
        let to = words::floor_boundary(text, line_end);
        let mut toks = Vec::new();
        words::tokens(text, from..to, &mut toks);
        let j = toks.iter().position(|t| t.start == p)?;
        let cap = |t: &Tok| {
            let w = &text[t.range()];
            t.word && words::is_capitalised(w) && !lexicon::is_name_stop(w)
        };
        let mut start = j;
        while start > 0
            && cap(&toks[start - 1])
            && !words::is_possessive(&text[toks[start - 1].range()])
        {
            start -= 1;
        }
        let start = body_name_start(text, &toks, start);
        let mut end = j;
        while toks.get(end + 1).is_some_and(cap) && !words::is_possessive(&text[toks[end].range()])
        {
            end += 1;
        }
        let end = body_name_end(text, &toks, end);
        let last = words::strip_possessive(&text[toks[end].range()]);
        let name = &text[toks[start].start..toks[end].start + last.len()];
        (name.contains(' ') && !holds_a_first_name(text, &toks[start..=end])).then_some(name)
    }

    /// The name a given name opens with a father's name after it, where
    /// the text first writes it outside quotes, and that place: `Faisal`
    /// → `Faisal bin Rashed` (`Sheikh Faisal said`). `places` are where
    /// `given` stands whole.
    fn patronymic(&self, given: &str, places: &[usize]) -> Option<(&'a str, usize)> {
        if !indexable(given) {
            return None;
        }
        let text = self.text;
        places.iter().find_map(|&at| {
            let rest = &text[at + given.len()..];
            let after = ["bin ", "ibn ", "bint ", "ben "]
                .iter()
                .find_map(|p| rest.strip_prefix(' ')?.strip_prefix(p))?;
            let father = after.split([' ', ',', '.', ';', ':', '\n']).next()?;
            let whole = words::is_capitalised(father)
                && father.chars().all(|c| c.is_alphabetic() || c == '-');
            (whole && !in_quote(&self.quoted, at)).then(|| {
                let end = text.len() - after.len() + father.len();
                (&text[at..end], at)
            })
        })
    }

    /// The name an acronym stands for, where the text spells it out
    /// outside quotes, and its first place: `IMF` → `International
    /// Monetary Fund`.
    fn spelled_out(&mut self, acronym: &str) -> Option<(&'a str, usize)> {
        if self.spelled_out_lookups == MAX_SPELLED_OUT {
            return None;
        }
        self.spelled_out_lookups += 1;
        let text = self.text;
        let index = self
            .capital_index
            .get_or_insert_with(|| CapitalIndex::new(text));
        // The buckets of one capital letter are side by side.
        let letter = usize::from(acronym.as_bytes()[0] - b'A') * 64;
        let places = &index.places[index.starts[letter]..index.starts[letter + 64]];
        let mut best: Option<(&'a str, usize)> = None;
        for &at in places {
            if best.is_some_and(|(_, b)| b < at) {
                continue;
            }
            let Some(end) = spells_out(text, at, acronym) else {
                continue;
            };
            if in_quote(&self.quoted, at) {
                continue;
            }
            best = Some((&text[at..end], at));
        }
        best
    }

    /// Makes room for block `bi` and the two before it, unless they are
    /// among the blocks last prepared; each is tokenised when first read.
    /// The rules read a quote's block and the two before it, and quotes
    /// come in order, so the same few buffers serve the whole text while
    /// they are warm in the cache.
    pub fn prepare(&mut self, bi: usize) {
        for b in bi.saturating_sub(2)..=bi.min(self.blocks.len().saturating_sub(1)) {
            if self.cache.iter().any(|c| c.block == b) {
                continue;
            }
            if self.cache.len() < CACHED_BLOCKS {
                self.cache.push(BlockToks {
                    block: b,
                    all: Vec::new(),
                    all_made: false,
                    outside: Vec::new(),
                    outside_made: None,
                    mentions: Vec::new(),
                    mentions_made: false,
                });
                continue;
            }
            // Reuse the buffers of the earliest block.
            let oldest = self
                .cache
                .iter_mut()
                .min_by_key(|c| c.block)
                .expect("the cache is full");
            oldest.block = b;
            oldest.all_made = false;
            oldest.outside_made = None;
            oldest.mentions_made = false;
        }
    }

    /// The tokens of prepared block `cache[k]`, all of them (`outside`
    /// false) or those outside quoted spans, made on first use.
    fn cached_tokens(&mut self, k: usize, outside: bool) -> &[Tok] {
        let c = &mut self.cache[k];
        if !c.all_made {
            words::tokens(self.text, self.blocks[c.block].clone(), &mut c.all);
            c.all_made = true;
        }
        if !outside {
            return &c.all;
        }
        let made = *c.outside_made.get_or_insert_with(|| {
            // Whether a quoted span meets the block (spans in order, apart).
            let r = &self.blocks[c.block];
            let lo = self.quoted.partition_point(|q| q.end <= r.start);
            if self.quoted.get(lo).is_some_and(|q| q.start < r.end) {
                c.outside.clear();
                outside_quotes(&self.quoted[lo..], &c.all, &mut c.outside);
                Outside::Some
            } else {
                Outside::All
            }
        });
        match made {
            Outside::All => &c.all,
            Outside::Some => &c.outside,
        }
    }

    /// A yes-or-no property of block `bi` (whether it reads like a
    /// heading), worked out by `f` the first time it is asked for.
    pub fn heading_like(&mut self, bi: usize, f: impl FnOnce() -> bool) -> bool {
        *self.flags[bi].get_or_insert_with(f)
    }

    /// The capital-letter index, made the first time it is needed.
    fn capitals(&mut self) -> &CapitalIndex {
        let text = self.text;
        self.capital_index
            .get_or_insert_with(|| CapitalIndex::new(text))
    }

    /// Where `s` first occurs in the text. A speaker's name starts with a
    /// capital, and the capital-letter index finds it without reading the
    /// whole text once per name.
    pub fn first_occurrence(&mut self, s: &str) -> Option<usize> {
        let text = self.text;
        // A full name is looked for by its last word, whose bucket is
        // smaller than its first name's: a text that quotes a thousand
        // Johns reads the Johns' bucket once per John otherwise.
        if let Some((head, last)) = s.rsplit_once(' ').filter(|(_, l)| starts_indexed(l)) {
            let bytes = text.as_bytes();
            return self.capitals().occurrences(text, last).find_map(|p| {
                let at = p.checked_sub(head.len() + 1)?;
                (bytes[at..p - 1] == *head.as_bytes() && bytes[p - 1] == b' ').then_some(at)
            });
        }
        if starts_indexed(s) {
            return self.capitals().first(text, s);
        }
        // A SIMD substring search.
        memchr::memmem::find(text.as_bytes(), s.as_bytes())
    }

    /// Whether `f` says yes to one of the first `limit` places of `s` in
    /// the text, taken as `memmem::find_iter` gives them: leftmost first,
    /// none overlapping the one before. The capital-letter index finds
    /// them when it is made and `s` starts with a capital, instead of a
    /// read of the whole text for a name met a few times.
    pub fn any_occurrence(&mut self, s: &str, limit: usize, f: impl FnMut(usize) -> bool) -> bool {
        let text = self.text;
        match &self.capital_index {
            Some(index) if starts_indexed(s) => {
                let mut from = 0;
                index
                    .occurrences(text, s)
                    .filter(|&at| {
                        let apart = at >= from;
                        if apart {
                            from = at + s.len();
                        }
                        apart
                    })
                    .take(limit)
                    .any(f)
            }
            _ => memchr::memmem::find_iter(text.as_bytes(), s.as_bytes())
                .take(limit)
                .any(f),
        }
    }

    /// Whether `name` is an organisation's or a place's (`is_org_name`,
    /// `places::is_place`): pronoun resolution asks about the same few
    /// names again and again, and the answer is many string comparisons.
    pub fn org_or_place(&mut self, name: &str) -> bool {
        if let Some(&v) = self.org_or_place.get(name) {
            return v;
        }
        let v = is_org_name(name) || places::is_place(name);
        self.org_or_place.insert(name.to_string(), v);
        v
    }

    /// The names mentioned in block `bi` outside quotes, as
    /// `name_mentions` finds them.
    pub fn block_name_mentions(&mut self, bi: usize) -> &[(Range<usize>, bool)] {
        let text = self.text;
        let Some(k) = self.cache.iter().position(|c| c.block == bi) else {
            // Not among the prepared blocks: work it out.
            let all = self
                .window_outside_quotes(bi, self.blocks[bi].clone())
                .into_owned();
            let mut out = Vec::new();
            name_mentions(text, &all, &mut out);
            self.spare_mentions = out;
            return &self.spare_mentions;
        };
        if !self.cache[k].mentions_made {
            let mut mentions = std::mem::take(&mut self.cache[k].mentions);
            mentions.clear();
            name_mentions(text, self.cached_tokens(k, true), &mut mentions);
            let entry = &mut self.cache[k];
            entry.mentions = mentions;
            entry.mentions_made = true;
        }
        &self.cache[k].mentions
    }

    /// The tokens of block `bi` that lie within `range`.
    pub fn window(&mut self, bi: usize, range: Range<usize>) -> Cow<'_, [Tok]> {
        match self.cache.iter().position(|c| c.block == bi) {
            Some(k) => Cow::Borrowed(within(self.cached_tokens(k, false), range)),
            None => {
                let mut toks = Vec::new();
                words::tokens(self.text, self.blocks[bi].clone(), &mut toks);
                Cow::Owned(within(&toks, range).to_vec())
            }
        }
    }

    /// The tokens of block `bi` that lie within `range` and outside every
    /// quoted span.
    pub fn window_outside_quotes(&mut self, bi: usize, range: Range<usize>) -> Cow<'_, [Tok]> {
        match self.cache.iter().position(|c| c.block == bi) {
            Some(k) => Cow::Borrowed(within(self.cached_tokens(k, true), range)),
            None => {
                let mut toks = Vec::new();
                words::tokens(self.text, self.blocks[bi].clone(), &mut toks);
                let mut out = Vec::new();
                outside_quotes(&self.quoted, &toks, &mut out);
                Cow::Owned(within(&out, range).to_vec())
            }
        }
    }

    /// Canonical name for a name mention: titles stripped, a lone surname
    /// expanded to the full name introduced elsewhere.
    pub fn resolve(&mut self, range: Range<usize>) -> Option<Resolved> {
        let key = &self.text[range.clone()];
        if let Some(r) = self.resolved.get(key) {
            return r.clone();
        }
        let at = (range.start, range.end);
        if let Some(r) = self.placed_resolved.get(&at) {
            return r.clone();
        }
        self.placed = false;
        let r = self.resolve_uncached(range);
        if self.placed {
            // The same mention at the same place resolves the same way.
            self.placed_resolved.insert(at, r.clone());
        } else {
            self.resolved.insert(key, r.clone());
        }
        r
    }

    fn resolve_uncached(&mut self, range: Range<usize>) -> Option<Resolved> {
        let text = self.text;
        let mut toks = Vec::new();
        words::tokens(text, range.clone(), &mut toks);
        toks.retain(|t| t.word);
        // Keep what follows the last title word.
        let mut gender = None;
        let mut s = 0;
        for (i, t) in toks.iter().enumerate() {
            let w = &text[t.range()];
            // (A post's initials too: `Green Party TD Orla Brannigan`.)
            if (lexicon::is_title_word(w) || lexicon::is_role_acronym(w)) && i + 1 < toks.len() {
                gender = gender.or(lexicon::honorific_gender(w));
                // A peer is named by the title and one name: `Lord Hamble`,
                // `Lady Okonkwo-Hart`.
                if !(matches!(w, "Lord" | "Lady") && i + 2 == toks.len()) {
                    s = i + 1;
                }
            }
        }
        while s < toks.len() && lexicon::is_name_stop(&text[toks[s].range()]) && s + 1 < toks.len()
        {
            s += 1;
        }
        // Party labels and nationalities before a name: `Republican Donald
        // Trump`, `Russian analyst`.
        // Not when the words make a body's name (`New York Times`,
        // `Republican National Committee`).
        while toks.len() - s >= 3 {
            let w = &text[toks[s].range()];
            let rest = &text[toks[s + 1].start..toks[toks.len() - 1].end];
            if !is_name_adjective(w) || is_org_name(rest) {
                break;
            }
            s += 1;
        }
        // A body's initials before a post: `FAA Administrator Gregory Pham`.
        while toks.len() - s >= 3 && words::is_acronym(&text[toks[s].range()]) {
            s += 1;
        }
        // A capitalised role at the start of a sentence: `Fisherman Tomas
        // Reilly`, `City Traffic Engineer Naomi Kessler`.
        if toks.len() - s >= 3 && !is_org_name(&text[range.clone()]) {
            let w = &text[toks[s].range()];
            if has_role_ending(w) && lexicon::first_name_gender(w).is_none() {
                s += 1;
            } else {
                let ws: Vec<&str> = toks[s..].iter().map(|t| &text[t.range()]).collect();
                s += role_before_first_name(&ws);
            }
        }
        let mut toks = &toks[s..];
        // Letters after a name are no part of it: `Simon Reyes KC`, `Dame
        // Joan Hale DBE`.
        while toks.len() >= 3 && is_post_nominal(&text[toks[toks.len() - 1].range()]) {
            toks = &toks[..toks.len() - 1];
        }
        let first = toks.first()?;
        let last = toks.last()?;
        let last_w = words::strip_possessive(&text[last.range()]);
        let lead = &text[first.range()];
        let particle_led = toks.len() >= 2
            && (lexicon::is_particle(lead) || words::lower_first_is(lead, lexicon::is_particle));
        let mut out = if particle_led {
            // `van der Berg`: a surname with its particles.
            let surname: &'a str = &text[first.start..last.start + last_w.len()];
            match self.full_name_any_particle(surname, range.start, None) {
                Some((full, at, rival)) => Resolved::found(full, at, rival),
                None => Resolved::as_written(surname),
            }
        } else if toks.len() == 1 {
            let w = last_w;
            if body_initials(w) && !text[range.end..].starts_with(':') {
                if let Some((full, at)) = self.spelled_out(w) {
                    return Some(Resolved {
                        name: full.into(),
                        introduced_at: Some(at),
                        bare: false,
                        rival: None,
                    });
                }
            }
            let label;
            // A transcript label (`WALLACE:`) or a name in capitals is a
            // person's: WALLACE → Wallace. A body's initials (`the IMF`)
            // stay as written.
            let surname: &str = if words::is_all_caps(w) && w.len() > 2 {
                label = words::title_case(w);
                if text[range.end..].starts_with(':')
                    || self
                        .full_name_any_particle(&label, range.start, gender)
                        .is_some()
                {
                    &label
                } else {
                    w
                }
            } else {
                w
            };
            // `Mr. Obama` is not the `Michelle Obama` of an earlier line.
            let full = self.full_name_any_particle(surname, range.start, gender);
            match full {
                Some((full, at, rival)) => Resolved::found(full, at, rival),
                // `Lord Hamble … Hamble said`: a peer, by the title.
                None if self.has_peers() && self.peer(surname, range.start).is_some() => {
                    let (name, at) = self.peer(surname, range.start).unwrap_or_default();
                    Resolved::found(name, at, None)
                }
                // `Norvale Systems, the robotics maker, … Norvale said`: a
                // body's short name.
                // (Both read the places where the word stands whole: found
                // once.)
                None => {
                    let places = if indexable(surname) {
                        // (Found already if the look for a full name just
                        // read them.)
                        match self.last_places.take() {
                            Some((s, places)) if s == surname => places,
                            _ => self.capitals().find(text, surname),
                        }
                    } else {
                        Vec::new()
                    };
                    match self
                        .body_named(surname, &places)
                        .or_else(|| self.patronymic(surname, &places))
                    {
                        Some((body, at)) => Resolved {
                            name: body.into(),
                            introduced_at: Some(at),
                            bare: false,
                            rival: None,
                        },
                        None => Resolved {
                            name: surname.into(),
                            introduced_at: None,
                            bare: true,
                            rival: None,
                        },
                    }
                }
            }
        } else {
            let name = format!("{}{}", &text[first.start..last.start], last_w);
            // A surname of two words, introduced with a first name before
            // it: `Ngaire Te Rangi … Te Rangi said`, `Aung San Suu Kyi …
            // Suu Kyi`. Such a surname opens with a short word; a name that
            // starts with a first name is whole (`Jo Cruz`).
            let longer =
                (toks.len() == 2 && lead.len() <= 3 && lexicon::first_name_gender(lead).is_none())
                    .then(|| self.full_name(&name, range.start, gender))
                    .flatten()
                    .filter(|(full, _, _)| {
                        let Some(given) = full
                            .strip_suffix(name.as_str())
                            .and_then(|g| g.strip_suffix(' '))
                        else {
                            return false;
                        };
                        // Given names, not a title (`MP Bronwyn Tully`,
                        // `Councilmember Kerry Nakagawa`) nor a body's.
                        let given: Vec<&str> = given.split(' ').collect();
                        given.len() <= 2
                            && given.iter().all(|w| {
                                words::is_capitalised(w)
                                    && !lexicon::is_title_word(w)
                                    && !words::is_all_caps(w)
                                    && !has_role_ending(&w.to_lowercase())
                            })
                            && !is_org_name(full)
                    });
            match longer {
                Some((full, at, rival)) => Resolved::found(full, at, rival),
                None => Resolved::as_written(&name),
            }
        };
        if !out.bare && toks.len() >= 2 {
            let fw = &text[first.range()];
            gender = gender.or(lexicon::first_name_gender(fw));
        }
        if gender.is_none() && toks.len() >= 2 {
            gender = appositive_gender(&text[range.end..])
                .or_else(|| role_gender_before(&text[..range.start]));
        }
        if out.name.is_empty() {
            return None;
        }
        if let Some(g) = gender {
            self.gender.entry(String::from(&*out.name)).or_insert(g);
        }
        if toks.len() == 1 && out.introduced_at.is_none() && !out.bare {
            out.bare = false;
        }
        Some(out)
    }

    /// Whether the text names a peer at all (`Lord Hamble`, `Lady
    /// Okonkwo-Hart`, `Baroness Vance`); the peers are read the first time.
    fn has_peers(&mut self) -> bool {
        let text = self.text;
        if self.peers.is_none() {
            // (By the capital-letter index: no read of the whole text.)
            let index = self.capitals();
            let mut found = Vec::new();
            for t in ["Lord ", "Lady ", "Baroness "] {
                for p in index.occurrences(text, t) {
                    let rest = &text[p + t.len()..];
                    let n = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                        .unwrap_or(rest.len());
                    if n > 0 && !text[..p].ends_with(char::is_alphanumeric) {
                        found.push((&text[p..p + t.len() + n], p));
                    }
                }
            }
            found.sort_unstable_by_key(|&(_, p)| p);
            self.peers = Some(found);
        }
        self.peers.as_ref().is_some_and(|p| !p.is_empty())
    }

    /// The peer whose title `name` follows before `at` (`Lord Hamble`,
    /// `Lady Okonkwo-Hart`, `Baroness Vance`), and where.
    fn peer(&self, name: &str, at: usize) -> Option<(String, usize)> {
        self.peers.as_ref()?.iter().find_map(|&(full, p)| {
            (p < at && full.split_once(' ').is_some_and(|(_, n)| n == name))
                .then(|| (full.to_string(), p))
        })
    }

    /// `full_name`, and for a surname led by a particle with a capital, as
    /// at the start of a sentence (`De la Cruz said`, `Al-Rashid said`),
    /// the full name written with the particle in lower case (`Lucia de la
    /// Cruz`, `Hamid al-Rashid`).
    fn full_name_any_particle(
        &mut self,
        surname: &str,
        at: usize,
        gender: Option<Gender>,
    ) -> Option<(String, usize, Option<String>)> {
        if let Some(found) = self.full_name(surname, at, gender) {
            return Some(found);
        }
        // (With an ASCII capital the lowered name splits where the name
        // does: its lead word is judged before the lowered name is made.)
        if surname
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
        {
            let lead = surname.split([' ', '-']).next().unwrap_or("");
            if lead.len() == surname.len() || !words::lower_first_is(lead, lexicon::is_particle) {
                return None;
            }
        }
        let lower = words::lower_first(surname)?;
        let lead = lower.split([' ', '-']).next().unwrap_or("");
        if lead.len() == lower.len() || !lexicon::is_particle(lead) {
            return None;
        }
        self.full_name(&lower, at, gender)
    }

    /// The full name a lone surname at `at` stands for, and where that
    /// name first appears. When two people share the surname, news
    /// writing means the one most recently introduced before the mention
    /// (`Jeh Johnson … Johnson said`), else the first introduced after.
    /// `gender`, from an honorific, rules out names of the other gender:
    /// `Mr. Obama` is not the `Michelle Obama` of an earlier line. The
    /// third part is the other person's name, met before the mention, when
    /// neither was recently introduced as the subject of a sentence: the
    /// choice is then a guess.
    fn full_name(
        &mut self,
        surname: &str,
        at: usize,
        gender: Option<Gender>,
    ) -> Option<(String, usize, Option<String>)> {
        if !self.full.contains_key(surname) {
            let v = self.search_full(surname);
            self.full.insert(surname.to_string(), Fulls::new(v));
        }
        let Fulls { all, one } = &self.full[surname];
        // (The gender the text gave a full name counts too: `Aditi Rao,
        // 14, … she` is not `Mr. Rao`.)
        let known = &self.gender;
        let fits = |full: &str| {
            let Some(h) = gender else { return true };
            let first = full.split_whitespace().next().unwrap_or("");
            lexicon::first_name_gender(first)
                .or_else(|| known.get(full).copied())
                .is_none_or(|f| f == h)
        };
        let mut fitting = all.iter().filter(|(full, _)| fits(full));
        let first = fitting.next()?;
        // (All the same as the first that fits: all one name.)
        if *one {
            return Some((first.0.to_string(), first.1, None));
        }
        // Two people share the surname: the answer depends on `at`.
        self.placed = true;
        // Only a full name that opens its sentence (perhaps after a title:
        // `Home Secretary Jo Cruz said`) and was met in the last few
        // paragraphs takes over: one after a verb or preposition (`accused
        // Jo Cruz`, `a photo of Jo Cruz`) is mentioned in passing.
        let text = self.text;
        let bi = self.blocks.partition_point(|b| b.end <= at);
        let recent = self.blocks.get(bi.saturating_sub(2)).map_or(0, |b| b.start);
        let topic = |p: usize| {
            let before = &text[..p];
            let prev = before.split_whitespace().next_back().unwrap_or("");
            let line_start = before.trim_end_matches([' ', '\u{a0}']).ends_with('\n');
            line_start
                || prev.is_empty()
                || prev.ends_with(['.', '!', '?', ':'])
                || (words::is_capitalised(prev) && !words::is_possessive(prev))
        };
        let by_topic = all
            .iter()
            .rfind(|(full, p)| *p < at && *p >= recent && fits(full) && topic(*p));
        let chosen = by_topic.unwrap_or(first);
        let found = all
            .iter()
            .find(|(full, _)| *full == chosen.0)
            .map(|&(full, p)| (full.to_string(), p));
        let rival = if by_topic.is_none() {
            if !self.namesakes.contains_key(surname) {
                let mut v: Vec<(&str, usize)> = Vec::new();
                for &(full, p) in all {
                    if !v.iter().any(|(f, _)| *f == full) {
                        v.push((full, p));
                    }
                }
                self.namesakes.insert(surname.to_string(), v);
            }
            self.namesakes[surname]
                .iter()
                .find(|(full, p)| {
                    *p < at && *full != chosen.0 && !one_person(full, chosen.0) && fits(full)
                })
                .map(|(full, _)| full.to_string())
        } else {
            None
        };
        found.map(|(full, p)| (full, p, rival))
    }

    fn search_full(&mut self, surname: &str) -> Vec<(&'a str, usize)> {
        // Until the caller records what is found, the surname stands for
        // no one: a search it sets off for another name's last word, which
        // may be this surname again (`Bongo Bongo`), then ends at once
        // instead of recursing without end.
        self.full.entry(surname.to_string()).or_default();
        let mut found = Vec::new();
        let text = self.text;
        let bytes = text.as_bytes();
        let mut from = 0;
        // The capital-letter index (one pass over the text, made for the
        // first surname that needs it) lists every place where a surname
        // starting with an ASCII capital occurs: for one of letters and
        // digits, only the places where it is a whole word, which are the
        // only ones the checks below let through. A surname led by a
        // particle (`de la Cruz`, `al-Rashid`) is found by its first ASCII
        // capital, which every occurrence has at the same offset. Another
        // (`Ünal`) is looked for across the whole text with a SIMD
        // substring search, built only then: building one costs as much as
        // reading a few thousand bytes.
        let mut search = if indexable(surname) {
            Ok(self.capitals().find(text, surname))
        } else if starts_indexed(surname) {
            Ok(self.capitals().occurrences(text, surname).collect())
        } else if let Some(places) = self.capitals().occurrences_by_capital(text, surname) {
            Ok(places)
        } else {
            Err(memchr::memmem::Finder::new(surname.as_bytes()))
        };
        let mut hit_k = 0;
        // The quoted spans before the first occurrence are skipped at once.
        let mut quoted_k = match &search {
            Ok(h) => h
                .first()
                .map_or(0, |&first| self.quoted.partition_point(|q| q.end <= first)),
            Err(_) => 0,
        };
        loop {
            let at = match &mut search {
                Ok(h) => {
                    let Some(&p) = h.get(hit_k) else { break };
                    hit_k += 1;
                    // Occurrences that overlap the last one are passed
                    // over, as the substring search passes over them.
                    if p < from {
                        continue;
                    }
                    p
                }
                Err(finder) => {
                    let Some(i) = finder.find(&bytes[from..]) else {
                        break;
                    };
                    from + i
                }
            };
            let end = at + surname.len();
            from = end;
            // A whole word (possibly after a particle and hyphen).
            let after_ok = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !words::is_word_char(c));
            // Occurrences come in order, so the quoted spans are passed
            // over from where the last occurrence left them, in steps that
            // double: a surname met all through a long text does not read
            // every quoted span between its occurrences.
            quoted_k = first_ending_after(&self.quoted, quoted_k, at);
            let in_quote = self.quoted.get(quoted_k).is_some_and(|r| r.start <= at);
            if !after_ok || in_quote {
                continue;
            }
            // A name ends at its surname: `Syrian Moscow Visit Highlights`
            // is a headline, not a person called Moscow.
            // (Read as bytes: the marks that end it are ASCII.)
            let next_word = text[end..].strip_prefix(' ').map(|r| {
                let n = r
                    .bytes()
                    .position(|b| matches!(b, b' ' | b',' | b'.' | b'\n'))
                    .unwrap_or(r.len());
                &r[..n]
            });
            // (Letters after a name are no more of it: `Aoife Mac Giolla SC`.)
            if next_word.is_some_and(|w| {
                words::is_capitalised(w) && !lexicon::is_particle(w) && !is_post_nominal(w)
            }) {
                continue;
            }
            let mut start = at;
            if at > 0 && bytes[at - 1] == b'-' {
                // al-Sharaa
                let Some(r) = words::prev_word(text, at - 1) else {
                    continue;
                };
                if lexicon::is_particle(&text[r.start..at - 1]) {
                    start = r.start;
                } else {
                    continue;
                }
            } else if at > 0
                && text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(words::is_word_char)
            {
                continue;
            }
            // Walk back over capitalised words and particles on the same line.
            let mut first = start;
            let mut gender = None;
            let mut n = 0;
            let mut nickname = false;
            while n < 4 {
                // A nickname between the names: `Craig “Sparra” Dempsey`.
                if n == 0 && !nickname {
                    let before = &text[..first];
                    let closed = before
                        .strip_suffix("” ")
                        .or_else(|| before.strip_suffix("\" "));
                    let nick = closed.and_then(|c| {
                        let r = words::prev_word(text, c.len()).filter(|r| r.end == c.len())?;
                        let open = text[..r.start].strip_suffix(['“', '"'])?;
                        // (After a first name: not `Nicknamed “Sparra”`.)
                        let given = words::prev_word(text, open.len())?;
                        let g = &text[given];
                        let name_like = words::nameish(g)
                            && !lexicon::is_name_stop(g)
                            && !looks_like_verb(&g.to_lowercase())
                            && !g.ends_with("ing");
                        (open.ends_with(' ') && words::is_capitalised(&text[r]) && name_like)
                            .then_some(open.len())
                    });
                    if let Some(open) = nick {
                        nickname = true;
                        first = open;
                        continue;
                    }
                }
                let Some(r) = words::prev_word(text, first) else {
                    break;
                };
                if !text[r.end..first]
                    .chars()
                    .all(|c| c == ' ' || c == '\u{a0}')
                    || r.end == first
                {
                    break;
                }
                let w: &'a str = &text[r.clone()];
                // The same few words stand before a surname again and
                // again (`said`, a first name): each is judged once.
                if let Step::Stop(g) = *self.steps.entry(w).or_insert_with(|| name_step(w)) {
                    gender = gender.or(g);
                    break;
                }
                first = r.start;
                n += 1;
            }
            // (A nickname only between names: not `Shouting “Fire” Dawson`.)
            if nickname && n == 0 {
                first = start;
            }
            if first < start {
                let mut first = first;
                let lead = up_to_space(&text[first..]);
                if n >= 2 && has_role_ending(lead) && lexicon::first_name_gender(lead).is_none() {
                    // `Fisherman Tomas Reilly`: drop the role.
                    first = past_word(text, first);
                } else if n >= 2 && !is_org_name(&text[first..end]) {
                    // `Midwife Sarah Kowalczyk`, `City Traffic Engineer Naomi
                    // Kessler`.
                    let ws: Vec<&str> = text[first..end].split(' ').collect();
                    for _ in 0..role_before_first_name(&ws) {
                        first = past_word(text, first);
                    }
                }
                let first = after_post_of(text, first, end);
                let full = &text[first..end];
                // (A name met again keeps the gender it was first given:
                // its first name is not looked up again.)
                if !self.gender.contains_key(full) {
                    let fw = up_to_space(&text[first..]);
                    if let Some(g) = gender.or_else(|| lexicon::first_name_gender(fw)) {
                        self.gender.insert(full.to_string(), g);
                    }
                }
                found.push((full, first));
            } else if start < at {
                found.push((&text[start..end], start));
            }
        }
        // (For a surname of letters and digits, `search` holds the places
        // where it stands whole, as `family_name_first` reads them.)
        let places = search.as_deref().unwrap_or(&[]);
        if found.is_empty() && indexable(surname) {
            found = self.family_name_first(surname, places);
            // Not a family name that comes first: a first name, as features
            // call the members of one family (`Elsie` for Elsie Amundsen,
            // beside Walter and Karen Amundsen), or one the name list knows.
            // (A known first name is one, whoever else shares the family
            // name: `Anton Marsadov … Anton said`; unless two people have
            // it, `Ray Dorn and Ray Kowalczyk`, and the text does not say
            // which.)
            let known_first = lexicon::first_name_gender(surname).is_some();
            if known_first && found.iter().any(|(f, _)| *f != found[0].0) {
                found.clear();
            }
            if !lexicon::is_family_name_first(surname) && !known_first {
                let mut shared: HashMap<&'a str, bool> = HashMap::default();
                found.retain(|(full, _)| {
                    let last = full.rsplit(' ').next().unwrap_or("");
                    // A romanised Korean or Chinese given name, its
                    // syllables joined by a hyphen (`Jeon Soon-ja`, `Moon
                    // Seok-jin`), follows the family name.
                    if romanised_given(last) {
                        return true;
                    }
                    *shared.entry(last).or_insert_with(|| {
                        if !self.full.contains_key(last) {
                            let v = self.search_full(last);
                            self.full.insert(last.to_string(), Fulls::new(v));
                        }
                        let mut others: Vec<&str> =
                            self.full[last].all.iter().map(|(n, _)| *n).collect();
                        others.sort_unstable();
                        others.dedup();
                        others.len() >= 2
                    })
                });
            }
        }
        if found.is_empty() && starts_indexed(surname) {
            found.extend(self.nicknamed(surname, places));
        }
        if let (Ok(places), true) = (search, indexable(surname)) {
            self.last_places = Some((surname.to_string(), places));
        }
        found
    }

    /// The full name a nickname stands in, quoted between its first name
    /// and surname: `Craig “Sparra” Dempsey` for "Sparra". `places` are
    /// where `nick` (`starts_indexed`) occurs, or at least where it stands
    /// whole: a quotation mark on either side.
    fn nicknamed(&self, nick: &str, places: &[usize]) -> Option<(&'a str, usize)> {
        let text = self.text;
        places.iter().find_map(|&p| {
            let end = p + nick.len();
            let open = text[..p].strip_suffix(['“', '"'])?.strip_suffix(' ')?;
            let first = words::prev_word(text, open.len() + 1).filter(|r| r.end == open.len())?;
            let rest = text[end..]
                .strip_prefix("” ")
                .or_else(|| text[end..].strip_prefix("\" "))?;
            let last_start = text.len() - rest.len();
            let last_len = rest
                .find(|c: char| !(words::is_word_char(c) || c == '-' || c == '’' || c == '\''))
                .unwrap_or(rest.len());
            let last = words::strip_possessive(&rest[..last_len]);
            let named = |w: &str| words::nameish(w) && !lexicon::is_name_stop(w);
            (named(&text[first.clone()]) && named(last))
                .then(|| (&text[first.start..last_start + last.len()], first.start))
        })
    }

    /// Full names that open with `surname`, for the peoples who write the
    /// family name first: `Tan Wei Ming` for `Mr. Tan`, `Kim Jong Un` for
    /// `Kim` (and for a first name: `Elsie Amundsen` for `Elsie`). One or
    /// two more names follow it, none a place's or a body's word (`Lee
    /// County`), and nothing capitalised but a title comes before it.
    /// `places` are where `surname` stands whole.
    fn family_name_first(&self, surname: &str, places: &[usize]) -> Vec<(&'a str, usize)> {
        let text = self.text;
        // (After a first name, a surname may be long: `Darnell
        // Whitcombe-Ruiz`.)
        let longest = if lexicon::first_name_gender(surname).is_some() {
            24
        } else {
            10
        };
        let given = |w: &str| {
            w.len() <= longest
                && words::is_capitalised(w)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !lexicon::is_name_stop(w)
                && !lexicon::is_title_word(w)
                && !is_cue_lowercased(w)
        };
        let mut found = Vec::new();
        for &at in places {
            // Most places are followed by a verb: looked at first.
            let next_capital = text[at + surname.len()..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
            if !next_capital {
                continue;
            }
            if in_quote(&self.quoted, at) {
                continue;
            }
            // Not a place: `a corner of Park Slope`, `in Lee County`.
            let place_word = |w: &str| {
                matches!(
                    w,
                    "of" | "in"
                        | "at"
                        | "on"
                        | "near"
                        | "from"
                        | "to"
                        | "into"
                        | "across"
                        | "through"
                )
            };
            // (A first name and a possessive are a person's after "in":
            // `the heat in Rosalind Okafor’s apartment`.)
            let owner = longest > 10
                && text[at + surname.len()..]
                    .split([' ', ',', '.'])
                    .nth(1)
                    .is_some_and(words::is_possessive);
            if let Some(r) = words::prev_word(text, at) {
                let w = &text[r];
                if (words::is_capitalised(w) && !lexicon::is_title_word(w))
                    || (place_word(w) && !owner)
                {
                    continue;
                }
            }
            let mut end = at + surname.len();
            for n in 0..2 {
                let Some(rest) = text[end..].strip_prefix(' ') else {
                    break;
                };
                let w = rest
                    .split([' ', ',', '.', ';', ':', '\n'])
                    .next()
                    .unwrap_or("");
                // (`President Moon Seok-jin’s office`.)
                let bare = words::strip_possessive(w);
                if !given(bare) || (n == 1 && bare.len() > 6) {
                    break;
                }
                end += 1 + bare.len();
                if bare.len() < w.len() {
                    break;
                }
            }
            let next = text[end..].strip_prefix(' ').unwrap_or("");
            let run = &text[at..end];
            let given = &text[at + surname.len()..end];
            if end > at + surname.len()
                && !next.starts_with(|c: char| c.is_uppercase())
                && !place_word(next.split(' ').next().unwrap_or(""))
                && !is_org_name(given)
                && !places::is_place(run)
            {
                found.push((run, at));
            }
        }
        found
    }
}

/// What the walk back from a surname over the words before it does at
/// one of them.
#[derive(Clone, Copy)]
enum Step {
    /// The name starts after the word; a title's honorific may give the
    /// person's gender.
    Stop(Option<Gender>),
    /// The word is part of the name.
    Take,
}

/// The walk back's verdict on `w`, which depends on the word alone.
fn name_step(w: &str) -> Step {
    if let Some(stem) = w.strip_suffix('.') {
        if !words::keeps_dot(stem) && !stem.contains('.') {
            return Step::Stop(None);
        }
    }
    if lexicon::is_title_word(w) {
        return Step::Stop(lexicon::honorific_gender(w));
    }
    // `FAA Administrator Gregory Pham`: a body's initials before a post;
    // a post's own (`Labour MP Jane Corrigan`, `Fine Gael TD`).
    if is_name_adjective(w) || (words::is_acronym(w) && w.len() > 2) || lexicon::is_role_acronym(w)
    {
        return Step::Stop(None);
    }
    // A headline's verb: `Christie Calls Hillary Clinton …` names two
    // people, not one.
    if w.chars().next().is_some_and(char::is_uppercase) && is_cue_lowercased(w) {
        return Step::Stop(None);
    }
    if !words::nameish(w)
        || lexicon::is_name_stop(w)
        || words::is_possessive(w)
        || words::is_ing_form(w)
    {
        return Step::Stop(None);
    }
    Step::Take
}

/// Whether two full names with one surname are one person's, written
/// shorter or longer (`John Kerry`, `John F. Kerry`; `Hillary Clinton`,
/// `Hillary Rodham Clinton`): the same first word, and every word of the
/// shorter in the longer. Not `Jr.` beside a name without it.
fn one_person(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let suffix = |s: &str| s.ends_with("Jr.") || s.ends_with("Sr.") || s.ends_with(" II");
    short.split_whitespace().next() == long.split_whitespace().next()
        && suffix(short) == suffix(long)
        && short
            .split_whitespace()
            .all(|w| long.split_whitespace().any(|l| l == w))
}

/// Where a person's name starts in the capitalised words `text[first..end]`
/// when they follow a post and "of": in `Chief of Staff Tom Hale`,
/// `Secretary of State Antony Blinken` and `Minister of Foreign Affairs
/// Sergei Lavrov`, the first words finish the post: its complement, one
/// word or a department's two. They are not dropped past a known first
/// name, an initial's (`Lloyd J. Austin`), or two capitalised words
/// (particles aside: `Ana de la Cruz`).
fn after_post_of(text: &str, first: usize, end: usize) -> usize {
    let post = text[..first]
        .strip_suffix("of ")
        // (`Minister for School Education Anil Devaraj`.)
        .or_else(|| text[..first].strip_suffix("for "))
        .and_then(|b| b.strip_suffix([' ', '\u{a0}']))
        .and_then(|b| b.rsplit([' ', '\u{a0}', '\n']).next());
    if !post.is_some_and(words::is_capitalised) {
        return first;
    }
    let ws: Vec<&str> = text[first..end].split([' ', '\u{a0}']).collect();
    let capitalised = |ws: &[&str]| {
        ws.iter()
            .filter(|w| words::is_capitalised(w) && !lexicon::is_particle(w))
            .count()
    };
    let mut at = first;
    for (i, w) in ws.iter().enumerate() {
        let initial_next = ws
            .get(i + 1)
            .is_some_and(|n| n.len() == 2 && n.ends_with('.'));
        // The post's complement is one word (`Staff`, `Health`), or two
        // when the second is a department's (`Foreign Affairs`, `Homeland
        // Security`): `Minister of Health Nguyen Thi Lan` keeps three.
        let complement = i == 0
            || matches!(
                *w,
                "Affairs"
                    | "Security"
                    | "Prosecutions"
                    | "Services"
                    | "Development"
                    | "Relations"
                    | "Resources"
                    | "Works"
                    | "Health"
                    | "Safety"
                    | "Protection"
                    | "Planning"
                    | "Education"
                    | "Justice"
                    | "Finance"
                    | "Transport"
                    | "Housing"
                    | "Environment"
                    | "Energy"
                    | "Agriculture"
                    | "Defence"
                    | "Defense"
                    | "Trade"
                    | "Culture"
                    | "Welfare"
            );
        if !complement
            || capitalised(&ws[i + 1..]) < 2
            || lexicon::first_name_gender(w).is_some()
            || initial_next
        {
            break;
        }
        at = past_word(text, at);
    }
    at
}

/// `s` up to its first space or no-break space.
fn up_to_space(s: &str) -> &str {
    let b = s.as_bytes();
    let n = (0..b.len())
        .find(|&i| words::space_len_at(b, i) > 0)
        .unwrap_or(b.len());
    &s[..n]
}

/// Where the next word starts after the word at `at` and the one space
/// (or no-break space, two bytes) after it.
fn past_word(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    (at..b.len())
        .find_map(|i| match words::space_len_at(b, i) {
            0 => None,
            n => Some(i + n),
        })
        .unwrap_or(text.len())
}

/// Whether every occurrence of `s` starts at a place the capital-letter
/// index lists, in the bucket of its first two bytes: an ASCII capital
/// first, two bytes at least.
fn starts_indexed(s: &str) -> bool {
    s.len() >= 2 && s.as_bytes()[0].is_ascii_uppercase()
}

/// Whether `CapitalIndex::find` lists every whole-word occurrence of
/// `surname`: `starts_indexed`, and only letters and digits.
fn indexable(surname: &str) -> bool {
    starts_indexed(surname) && surname.chars().all(words::is_word_char)
}

/// Where every ASCII capital of the text is, bucketed by its byte and the
/// next. Made in one quick pass over the text, it narrows the search for
/// a name (which starts with a capital) to the few places that share its
/// first two bytes, instead of a scan of the whole text per name.
///
/// The buckets are one array, sorted by bucket with a counting sort, so
/// the index costs three allocations, not one growing vector per bucket.
pub(crate) struct CapitalIndex {
    /// Every capital's place, bucket after bucket, in text order within one.
    places: Vec<usize>,
    /// Bucket `b` is `places[starts[b]..starts[b + 1]]`.
    starts: Vec<usize>,
}

const BUCKETS: usize = 26 * 64;

impl CapitalIndex {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Sixteen bytes at a time, as two words of eight: capitals are a
        // few in a hundred bytes, and most blocks, holding none, cost one
        // test.
        let mut found = Vec::with_capacity(bytes.len() / 32);
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
        let mut chunks = bytes.chunks_exact(16);
        let mut base = 0;
        for c in &mut chunks {
            let lo = crate::swar::capitals(word(&c[..8]));
            let hi = crate::swar::capitals(word(&c[8..]));
            if lo | hi != 0 {
                for (mut m, at) in [(lo, base), (hi, base + 8)] {
                    while m != 0 {
                        found.push(at + (m.trailing_zeros() / 8) as usize);
                        m &= m - 1;
                    }
                }
            }
            base += 16;
        }
        for (k, b) in chunks.remainder().iter().enumerate() {
            if b.is_ascii_uppercase() {
                found.push(base + k);
            }
        }
        // Count each bucket's places, then lay the buckets out in order
        // and drop each place into the next free slot of its bucket.
        let mut starts = vec![0; BUCKETS + 1];
        for &at in &found {
            starts[bucket(bytes, at) + 1] += 1;
        }
        for b in 0..BUCKETS {
            starts[b + 1] += starts[b];
        }
        let mut next = starts.clone();
        let mut places = vec![0; found.len()];
        for &at in &found {
            let slot = &mut next[bucket(bytes, at)];
            places[*slot] = at;
            *slot += 1;
        }
        CapitalIndex { places, starts }
    }

    /// The places that may start `s` (an ASCII capital and one more byte
    /// at least), in order.
    fn candidates(&self, s: &str) -> &[usize] {
        let b = bucket(s.as_bytes(), 0);
        &self.places[self.starts[b]..self.starts[b + 1]]
    }

    /// Where `word` (`indexable`) stands as a whole word, in order.
    fn find(&self, text: &str, word: &str) -> Vec<usize> {
        let (bytes, w) = (text.as_bytes(), word.as_bytes());
        let bucket = self.candidates(word);
        // Room for the whole bucket at once: a vector grown from nothing
        // would be copied over and over for a common name.
        let mut places = Vec::with_capacity(bucket.len());
        for &at in bucket {
            // The third byte first: most of a bucket's places differ there
            // (the first two it shares), and one byte costs less than a
            // comparison of slices.
            let third = w.len() < 3 || bytes.get(at + 2) == Some(&w[2]);
            if third && bytes[at..].starts_with(w) && whole_word_at(text, at, w.len()) {
                places.push(at);
            }
        }
        places
    }

    /// Every place where `s` (`starts_indexed`) occurs, in order,
    /// overlapping ones too.
    fn occurrences<'s>(&'s self, text: &'s str, s: &'s str) -> impl Iterator<Item = usize> + 's {
        let bytes = text.as_bytes();
        self.candidates(s)
            .iter()
            .copied()
            .filter(move |&at| bytes[at..].starts_with(s.as_bytes()))
    }

    /// Every place where `s` occurs, in order, overlapping ones too, found
    /// by its first ASCII capital (`de la Cruz`, `al-Rashid`), which every
    /// occurrence has at the same offset. None when `s` has no such
    /// capital with a byte after it.
    fn occurrences_by_capital(&self, text: &str, s: &str) -> Option<Vec<usize>> {
        let k = s
            .bytes()
            .position(|b| b.is_ascii_uppercase())
            .filter(|&k| starts_indexed(&s[k..]))?;
        let (bytes, lead) = (text.as_bytes(), &s.as_bytes()[..k]);
        Some(
            self.occurrences(text, &s[k..])
                .filter_map(|p| p.checked_sub(k).filter(|&at| bytes[at..p] == *lead))
                .collect(),
        )
    }

    /// Where `s` (`starts_indexed`) first occurs, as `memmem::find` would
    /// say.
    fn first(&self, text: &str, s: &str) -> Option<usize> {
        self.occurrences(text, s).next()
    }
}

/// Whether the word of `len` bytes at `at` (which starts and ends with an
/// ASCII byte, so both are character boundaries) stands whole: no letter
/// or digit right before or after it.
fn whole_word_at(text: &str, at: usize, len: usize) -> bool {
    // (The byte after it decoded only when it is not ASCII.)
    let alnum_after = match text.as_bytes().get(at + len) {
        None => false,
        Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => text[at + len..]
            .chars()
            .next()
            .is_some_and(words::is_word_char),
    };
    !alnum_before(text, at) && !alnum_after
}

/// Whether the character before byte `at` is a letter or a digit,
/// decoding it only when it is not ASCII.
fn alnum_before(text: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|p| text.as_bytes()[p]) {
        None => false,
        Some(b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => text[..at]
            .chars()
            .next_back()
            .is_some_and(words::is_word_char),
    }
}

/// The bucket of the word starting with the ASCII capital at `at`.
fn bucket(bytes: &[u8], at: usize) -> usize {
    let second = bytes.get(at + 1).map_or(0, |b| b & 63);
    usize::from(bytes[at] - b'A') * 64 + usize::from(second)
}

/// Where the name that `acronym` stands for ends, when one starts at `at`
/// (a capital): a run of capitalised words, one per letter, with "of",
/// "for", "and", "the" or "on" between them (`National Association for the
/// Advancement of Colored People`). A person's name (`Mike Pence` is not
/// "MP") and a sentence's opening "The" spell out nothing.
fn spells_out(text: &str, at: usize, acronym: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] >= 0x80) {
        return None;
    }
    let letters = acronym.as_bytes();
    // Most capitals with the first letter are no such name: the word after
    // the first must start with the second letter or be a joining word.
    // Read as bytes first (ASCII letters; anything else goes the long way).
    let first_end = at
        + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
    if bytes.get(first_end) == Some(&b' ')
        && !bytes
            .get(first_end + 1)
            .is_some_and(|&b| b == letters[1] || matches!(b, b'o' | b'f' | b'a' | b't'))
    {
        return None;
    }
    let (mut k, mut pos) = (0, at);
    loop {
        let len = text[pos..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .unwrap_or(text.len() - pos);
        let word = &text[pos..pos + len];
        let first = *word.as_bytes().first()?;
        if first.is_ascii_uppercase() {
            // Not `Mr Peters` for "MP", nor `Prime Minister’s` for "PM".
            if first != letters[k]
                || words::is_possessive(word)
                || matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "Sir")
                || (k == 0 && (word == "The" || lexicon::first_name_gender(word).is_some()))
            {
                return None;
            }
            k += 1;
            if k == letters.len() {
                return Some(pos + len);
            }
        } else if k == 0 || !matches!(word, "of" | "for" | "and" | "the" | "on") {
            return None;
        }
        pos += len;
        if bytes.get(pos) != Some(&b' ') {
            return None;
        }
        pos += 1;
    }
}

/// Whether `w` in lower case is a cue word, without allocating for the
/// usual short ASCII word.
fn is_cue_lowercased(w: &str) -> bool {
    let mut buf = [0u8; 32];
    if w.is_ascii() && w.len() <= buf.len() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII stays valid UTF-8.
        return std::str::from_utf8(b).is_ok_and(|l| lexicon::cue(l).is_some());
    }
    lexicon::cue(&w.to_lowercase()).is_some()
}

/// The gender an appositive right after a name gives it: `, a
/// 40-year-old retired fisherman,` makes its name a man's. Only the
/// clause's first few words are read.
fn appositive_gender(after: &str) -> Option<Gender> {
    let rest = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", an "))?;
    let clause = rest.split([',', '.', ';', '\n']).next()?;
    let mut ws = clause.split_whitespace().take(6);
    ws.find_map(lexicon::person_noun_gender)
}

/// The gender a relation or role right before a name gives it: `His
/// granddaughter, Nkechi Reyes` and `her son Tom` are a woman and a man.
fn role_gender_before(before: &str) -> Option<Gender> {
    let before = before.trim_end_matches(' ');
    let before = before.strip_suffix(',').unwrap_or(before);
    let word = before.rsplit([' ', '\n']).next()?;
    lexicon::person_noun_gender(word)
}

/// A party label or nationality that may stand before a name but is not
/// part of it (`Republican Donald Trump`, `Russian analyst`).
fn is_name_adjective(w: &str) -> bool {
    in_list!(
        w,
        "Republican"
            | "Democrat"
            | "Democratic"
            | "Libertarian"
            | "Conservative"
            | "Liberal"
            | "Independent"
            | "GOP"
            | "Labour"
            | "Tory"
            | "Green"
            | "Socialist"
            | "Former"
            | "Then"
            | "New"
            | "Veteran"
            | "Longtime"
    ) || lexicon::is_nationality(w)
}

/// The name that starts at `start`: capitalised words, or particles, on
/// one line, up to a possessive's owner.
pub(crate) fn name_at(text: &str, start: usize) -> Option<Range<usize>> {
    let line_end = words::floor_boundary(text, start + 80);
    let line_end = text[start..line_end]
        .find('\n')
        .map_or(line_end, |i| start + i);
    let mut toks = Vec::new();
    words::tokens(text, start..line_end, &mut toks);
    let mut end = start;
    for (i, t) in toks.iter().enumerate().take(4) {
        let w = &text[t.range()];
        let bare = words::strip_possessive(w);
        if !t.word || !words::nameish(bare) || (i > 0 && toks[i - 1].end + 1 != t.start) {
            break;
        }
        end = t.start + bare.len();
        if bare.len() < w.len() {
            break;
        }
    }
    (end > start).then_some(start..end)
}

/// The person named before "of", "at" or "from" (and "the") and the body
/// that starts at `toks[j]`: `Renee Castillo of the National Weather
/// Service`. Two capitalised words at least, none a body's or a title.
fn person_of_body(text: &str, toks: &[Tok], j: usize) -> Option<Mention> {
    let mut k = j;
    if k > 0 && toks[k - 1].word && &text[toks[k - 1].range()] == "the" {
        k -= 1;
    }
    if k == 0 || !toks[k - 1].word || !matches!(&text[toks[k - 1].range()], "of" | "at" | "from") {
        return None;
    }
    let end = k - 1;
    let mut start = end;
    while start > 0 && end - start < 4 && toks[start - 1].word && {
        let w = &text[toks[start - 1].range()];
        words::nameish(w) && !words::is_possessive(w)
    } {
        start -= 1;
    }
    let run = &toks[start..end];
    let person = run.len() >= 2
        && !lexicon::is_name_stop(&text[run[0].range()])
        && run.iter().all(|t| {
            let w = &text[t.range()];
            !is_org_name(w) && !lexicon::is_title_word(w)
        });
    person.then(|| Mention {
        range: run[0].start..run[run.len() - 1].end,
        kind: MentionKind::Name,
    })
}

/// Whether capitalised words `s` are a post: `Premier`, `Home Secretary`,
/// `Chief Constable` (a title word last, every word capitalised).
pub(crate) fn is_title(s: &str) -> bool {
    let mut ws = s.split(' ');
    // (`Attorney-General`: a title of titles.)
    let post = |w: &str| {
        lexicon::is_title_word(w)
            || (memchr::memchr(b'-', w.as_bytes()).is_some()
                && w.split('-').all(lexicon::is_title_word))
    };
    ws.next_back().is_some_and(post) && ws.all(words::is_capitalised)
}

/// Letters written after a person's name: a rank in law or an honour, a
/// seat in a parliament, a degree.
fn is_post_nominal(w: &str) -> bool {
    matches!(
        w,
        "KC" | "QC"
            | "SC"
            | "MP"
            | "MSP"
            | "MS"
            | "MEP"
            | "MLA"
            | "MPP"
            | "TD"
            | "OBE"
            | "MBE"
            | "CBE"
            | "KBE"
            | "DBE"
            | "PhD"
    )
}

/// Whether a capitalised word before a name has a role's ending, as in
/// `Fisherman Tomas Reilly` (a first name may share it: `Christian`).
fn has_role_ending(w: &str) -> bool {
    ["man", "woman", "er", "ist", "or", "ian", "ant", "ent"]
        .iter()
        .any(|e| w.ends_with(e))
}

/// Whether a lower-case word has a person's ending (`witness` aside):
/// `juror`, `caller`, `speaker`, `respondent`.
fn is_person_suffixed(w: &str) -> bool {
    w == "witness"
        || ["er", "or", "ist", "ent", "ant"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// The words that join the parts of a body's name: `Bank of England`,
/// `Campaign for Nuclear Disarmament`, `Commission on Presidential Debates`,
/// `Food and Drug Administration`.
fn joins_a_body(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "and" | "&")
}

/// Whether the capitalised run `run` holds a first name: a person's.
fn holds_a_first_name(text: &str, run: &[Tok]) -> bool {
    run.iter()
        .any(|t| lexicon::first_name_gender(&text[t.range()]).is_some())
}

/// Whether the capitalised run `run` holds a body's word.
fn holds_a_body(text: &str, run: &[Tok]) -> bool {
    run.iter().any(|t| is_org_name(&text[t.range()]))
}

/// Where a body's name that ends with the capitalised run `toks[j..]`
/// begins: across "of", "for" or "on" to an earlier capitalised run, as
/// long as some run before the word holds a body's word (`League of Women
/// Voters of Eastport`), and across "and" when a run after it does (`Food
/// and Drug Administration`, `Department of Health and Social Care`). A
/// run with a first name in it is a person's.
fn body_name_start(text: &str, toks: &[Tok], j: usize) -> usize {
    if j < 2 || !toks[j - 1].word && &text[toks[j - 1].range()] != "&" {
        return j;
    }
    if !joins_a_body(&text[toks[j - 1].range()]) {
        return j;
    }
    if holds_a_first_name(text, &toks[j..]) {
        return j;
    }
    let (mut start, mut best) = (j, j);
    // Whether the runs from `start` on hold a body's word.
    let mut body_after = holds_a_body(text, &toks[j..]);
    for _ in 0..4 {
        if start < 2 {
            break;
        }
        let joiner = &text[toks[start - 1].range()];
        if !joins_a_body(joiner) {
            break;
        }
        let mut k = start - 1;
        while k > 0 && toks[k - 1].word && {
            let w = &text[toks[k - 1].range()];
            words::is_capitalised(w) && !words::is_possessive(w)
        } {
            k -= 1;
        }
        let run = &toks[k..start - 1];
        if run.is_empty() || holds_a_first_name(text, run) {
            break;
        }
        let and = matches!(joiner, "and" | "&");
        if (and && body_after) || (!and && holds_a_body(text, run)) {
            best = k;
        }
        body_after |= holds_a_body(text, run);
        start = k;
    }
    best
}

/// The end of a body's name that begins with the capitalised run
/// `toks[..=j]`: across "of", "for" or "on" to the capitalised runs after
/// it, once the name holds a body's word (`the Bank of England`), and
/// across "and" to a run that holds one (`the Securities and Exchange
/// Commission`).
fn body_name_end(text: &str, toks: &[Tok], j: usize) -> usize {
    let mut body = holds_a_body(text, &toks[..=j]);
    let mut end = j;
    for _ in 0..3 {
        let Some(joiner) = toks
            .get(end + 1)
            .map(|t| &text[t.range()])
            .filter(|w| joins_a_body(w))
        else {
            break;
        };
        let mut k = end + 1;
        while toks.get(k + 1).is_some_and(|t| {
            let w = &text[t.range()];
            t.word && words::is_capitalised(w) && !lexicon::is_name_stop(w)
        }) {
            k += 1;
            if words::is_possessive(&text[toks[k].range()]) {
                break;
            }
        }
        let run = &toks[(end + 2).min(k + 1)..=k];
        if k == end + 1 || holds_a_first_name(text, run) {
            break;
        }
        let and = matches!(joiner, "and" | "&");
        if !(if and { holds_a_body(text, run) } else { body }) {
            break;
        }
        body = true;
        end = k;
    }
    end
}

/// Whether byte `at` lies inside one of the `quoted` spans (in order and
/// apart).
fn in_quote(quoted: &[Range<usize>], at: usize) -> bool {
    let k = quoted.partition_point(|q| q.end <= at);
    quoted.get(k).is_some_and(|q| q.start <= at)
}

/// Whether `w` is a body's initials (`IMF`), not a post's (`MP`, `CEO`).
fn body_initials(w: &str) -> bool {
    words::is_acronym(w) && !lexicon::is_role_acronym(w)
}

/// Whether a name is an organisation's or a place's rather than a person's.
pub(crate) fn is_org_name(name: &str) -> bool {
    if body_initials(name) {
        return true;
    }
    // A person's: `Park Soon-ja`.
    if memchr::memchr(b'-', name.as_bytes()).is_some()
        && name
            .split_once(' ')
            .is_some_and(|(_, given)| romanised_given(given))
    {
        return false;
    }
    name.split_whitespace().any(|w| {
        lexicon::is_company_word(w)
            || in_list!(
                w,
                "Party"
                    | "House"
                    | "Commission"
                    | "Committee"
                    | "Council"
                    | "Department"
                    | "Debates"
                    | "County"
                    | "States"
                    | "Republicans"
                    | "Democrats"
                    | "News"
                    | "Times"
                    | "Post"
                    | "Press"
                    | "Journal"
                    | "University"
                    | "Institute"
                    | "Foundation"
                    | "Association"
                    | "Union"
                    | "Court"
                    | "Senate"
                    | "Congress"
                    | "Office"
                    | "Ministry"
                    | "Agency"
                    | "Bank"
                    | "Company"
                    | "Corp"
                    | "Corp."
                    | "Inc"
                    | "Inc."
                    | "Campaign"
                    | "Service"
                    | "Forces"
                    | "Army"
                    | "Navy"
                    | "Police"
                    | "Church"
                    | "School"
                    | "College"
                    | "Center"
                    | "Centre"
                    | "Group"
                    | "Network"
                    | "Radio"
                    | "TV"
                    | "Street"
                    | "City"
                    | "Korea"
                    | "America"
                    | "Kingdom"
                    | "Republic"
                    | "Nations"
                    | "Federation"
                    | "Order"
                    | "Brotherhood"
                    | "Sisterhood"
                    | "Archdiocese"
                    | "Diocese"
                    | "Guild"
                    | "League"
                    | "Affairs"
                    | "Services"
                    | "Relations"
                    | "Resources"
                    | "Society"
                    | "Chamber"
                    | "Academy"
                    | "Conference"
                    | "Corporation"
                    | "Times,"
                    | "Administration"
                    | "Bureau"
                    | "Authority"
                    | "Board"
                    | "Organization"
                    | "Organisation"
                    | "Fund"
                    | "Caucus"
                    | "Coalition"
                    | "Alliance"
                    | "Movement"
                    | "Magazine"
                    | "Gazette"
                    | "Herald"
                    | "Tribune"
                    | "Chronicle"
                    | "Observer"
                    | "Telegraph"
                    | "Courier"
                    | "Globe"
                    | "Examiner"
                    | "Inquirer"
                    | "Sentinel"
                    | "Dispatch"
                    | "Register"
                    | "Bulletin"
                    | "Ledger"
                    | "Beacon"
                    | "Clarion"
                    | "Banner"
                    | "Monitor"
                    | "Messenger"
                    | "Advocate"
                    | "Courant"
                    | "Enquirer"
                    | "Record"
                    | "Bee"
                    | "Review"
                    | "Hospital"
                    | "Museum"
                    | "Library"
                    | "Airport"
                    | "Province"
                    | "Region"
                    | "Valley"
                    | "River"
                    | "Island"
                    | "Islands"
                    | "Sea"
                    | "Ocean"
                    | "Mountains"
                    | "Park"
                    | "Square"
                    | "Avenue"
                    | "Road"
                    | "Bridge"
                    | "Capitol"
                    | "Pentagon"
                    | "Kremlin"
                    | "Parliament"
                    | "Assembly"
                    | "Cabinet"
                    | "Government"
                    | "Energy"
                    | "Oil"
                    | "Motors"
                    | "Airlines"
                    | "Partners"
                    | "Holdings"
                    | "Trust"
                    | "Project"
            )
    })
}

/// Names of people mentioned in `toks`, in order, as token ranges: the
/// candidates a pronoun may refer to.
pub(crate) fn name_mentions(text: &str, toks: &[Tok], out: &mut Vec<(Range<usize>, bool)>) {
    let mut i = 0;
    let mut sentence_start = true;
    while i < toks.len() {
        let t = toks[i];
        let w = &text[t.range()];
        if !t.word {
            sentence_start = is_terminator(text, t) || (sentence_start && w != ",");
            i += 1;
            continue;
        }
        // Most words are in lower case: neither a name nor owned.
        if !words::is_capitalised(w) {
            sentence_start = false;
            i += 1;
            continue;
        }
        // A conjunction opening the sentence leaves its subject first:
        // `And Emory, asked whether he was ready, paused.`
        if sentence_start && matches!(w, "And" | "But" | "Yet" | "So" | "Still") {
            i += 1;
            continue;
        }
        // A name right after a possessive is a thing's, not a person's
        // (`her Pinot Noir`, `their Volvo`); a title is not a thing (`his
        // Chief of Staff`).
        let owned = i > 0
            && toks[i - 1].word
            && matches!(
                text[toks[i - 1].range()].as_bytes(),
                b"her"
                    | b"his"
                    | b"their"
                    | b"its"
                    | b"our"
                    | b"my"
                    | b"your"
                    | b"Her"
                    | b"His"
                    | b"Their"
                    | b"Its"
                    | b"Our"
                    | b"My"
                    | b"Your"
            )
            && !lexicon::is_title_word(w);
        if owned {
            // The whole name: `Noir` alone would read as a surname.
            i += 1;
            while i < toks.len() && toks[i].word && words::nameish(&text[toks[i].range()]) {
                i += 1;
            }
            sentence_start = false;
            continue;
        }
        // A body's initials after "the" (`the IMF`) can be what "it" means.
        let initials = body_initials(w)
            && i > 0
            && matches!(text[toks[i - 1].range()].as_bytes(), b"the" | b"The");
        if !lexicon::is_name_stop(words::strip_possessive(w))
            && (!words::is_all_caps(w) || initials)
            // `Republican nominee Donald Trump`, `Labour councillors`.
            && !describes_a_noun(text, toks, i)
        {
            let mut j = i;
            while !initials
                && j + 1 < toks.len()
                && toks[j + 1].word
                && words::nameish(&text[toks[j + 1].range()])
                && !words::is_possessive(&text[toks[j].range()])
            {
                j += 1;
            }
            // The subject of its clause: first in the sentence, or followed
            // by a verb (`Suu Kyi recently presided`, `Ham made`).
            // (Past an aside: `Delphine Arkwright, though, said`.)
            let aside = toks.get(j + 1).is_some_and(|c| &text[c.range()] == ",")
                && toks.get(j + 2).is_some_and(|a| {
                    matches!(
                        &text[a.range()],
                        "though" | "however" | "meanwhile" | "too" | "also" | "instead"
                    )
                })
                && toks.get(j + 3).is_some_and(|c| &text[c.range()] == ",");
            // (Or closing an appositive: `Another voter, software developer
            // Irakli Meskhi, said`.)
            let closes = !aside
                && i > 0
                && toks[i - 1].word
                && {
                    let role = &text[toks[i - 1].range()];
                    role.starts_with(|c: char| c.is_lowercase())
                        && (has_role_ending(role) || lexicon::is_speaker_noun(role))
                }
                // The role opens the appositive, with no verb before it: not
                // `Mark Ellison, who beat incumbent Tom Vale, said`.
                && toks[i.saturating_sub(6)..i]
                    .iter()
                    .rposition(|t| !t.word)
                    .is_some_and(|c| {
                        let c = i.saturating_sub(6) + c;
                        &text[toks[c].range()] == ","
                            && toks[c + 1..i].iter().all(|t| {
                                let w = &text[t.range()];
                                !matches!(w, "who" | "which" | "that")
                                    && !looks_like_verb(w)
                                    && lexicon::cue(w).is_none()
                            })
                    })
                && toks.get(j + 1).is_some_and(|c| &text[c.range()] == ",")
                && toks
                    .get(j + 2)
                    .is_some_and(|v| v.word && lexicon::cue(&text[v.range()]) == Some(Cue::Verb));
            let verb_at = if aside {
                j + 4
            } else if closes {
                j + 2
            } else {
                j + 1
            };
            // Or a verb in the present before its object: `Voskuijlen
            // visits the ward` (not `Trump supporters`).
            let present = |n: &Tok| {
                let w = &text[n.range()];
                w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && toks.get(verb_at + 1).is_some_and(|o| {
                        o.word
                            && matches!(
                                &text[o.range()],
                                "the" | "a" | "an" | "his" | "her" | "their" | "its"
                            )
                    })
                    // (Not an object itself: `lent Tom Vale funds`.)
                    && !(i > 0 && toks[i - 1].word && looks_like_verb(&text[toks[i - 1].range()]))
            };
            let verb_next = toks
                .get(verb_at)
                .is_some_and(|n| n.word && (looks_like_verb(&text[n.range()]) || present(n)));
            // After a preposition it is an object, whatever follows.
            let after_prep = i > 0
                && toks[i - 1].word
                && in_list!(
                    &text[toks[i - 1].range()],
                    "from"
                        | "of"
                        | "to"
                        | "with"
                        | "by"
                        | "for"
                        | "about"
                        | "against"
                        | "on"
                        | "at"
                        | "in"
                        | "like"
                        | "than"
                        | "toward"
                        | "towards"
                        | "over"
                        | "under"
                );
            // Introduced with an appositive: `Henry Crespo, president of …`.
            let appositive = toks.get(j + 1).is_some_and(|n| &text[n.range()] == ",")
                && toks.get(j + 2).is_some_and(|n| {
                    let w = &text[n.range()];
                    n.word
                        && (lexicon::is_determiner(w) || w == "who" || lexicon::is_speaker_noun(w))
                });
            // After an inverted cue: `…, noted NBC's Dante Chinni`, `said
            // the ministry's inspector Hendrik Aalders`.
            let inverted = {
                let mut k = i;
                while k > 0 && i - k < 4 && toks[k - 1].word && {
                    let p = &text[toks[k - 1].range()];
                    words::is_possessive(p)
                        || lexicon::is_determiner(p)
                        || lexicon::is_speaker_noun(p)
                        || lexicon::is_title_word(p)
                } {
                    k -= 1;
                }
                k > 0
                    && toks[k - 1].word
                    && in_list!(
                        &text[toks[k - 1].range()],
                        "said"
                            | "says"
                            | "noted"
                            | "notes"
                            | "added"
                            | "adds"
                            | "wrote"
                            | "writes"
                            | "explained"
                            | "recalled"
                            | "observed"
                            | "argued"
                            | "remarked"
                            | "insisted"
                            | "warned"
                            | "stressed"
                    )
            };
            // The subject of an absolute phrase: `with Jo Bloggs — who … —
            // attacking the plan`.
            let absolute = i > 0 && &text[toks[i - 1].range()] == "with" && {
                let mut k = j + 1;
                if toks.get(k).is_some_and(|t| is_dash(&text[t.range()])) {
                    k = toks[k + 1..]
                        .iter()
                        .take(16)
                        .position(|t| is_dash(&text[t.range()]))
                        .map_or(k, |d| k + 1 + d + 1);
                }
                toks.get(k).is_some_and(|t| {
                    let w = &text[t.range()];
                    t.word && w.len() > 5 && w.ends_with("ing")
                })
            };
            // Set off after the subject's role, before its verb: `The
            // manager of the home side, Dee Barnes, was asked`.
            // (With an age: `Her grandson, Mateo Lopez, 9, carried`.)
            let set_off = || {
                let is = |k: usize, s: &str| toks.get(k).is_some_and(|t| &text[t.range()] == s);
                let age = is(j + 1, ",")
                    && toks.get(j + 2).is_some_and(|t| {
                        let w = &text[t.range()];
                        w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
                    })
                    && is(j + 3, ",");
                let j = if age { j + 2 } else { j };
                // (Set off at its end first: most names are not.)
                if !is(j + 1, ",") {
                    return false;
                }
                // (After a comma, or after the role that follows one: `His
                // successor, the former captain Gareth Hollins, was asked`.)
                let after_comma = i > 0
                    && (&text[toks[i - 1].range()] == "," || {
                        let lo = i.saturating_sub(5);
                        toks[lo..i].iter().rposition(|t| !t.word).is_some_and(|c| {
                            let c = lo + c;
                            let role = &text[toks[i - 1].range()];
                            &text[toks[c].range()] == ","
                                && c + 1 < i - 1
                                && lexicon::is_determiner(&text[toks[c + 1].range()])
                                && toks[c + 1..i].iter().all(|t| {
                                    let w = &text[t.range()];
                                    t.word
                                        && !looks_like_verb(w)
                                        && !is_function_word(w)
                                        && lexicon::cue(w).is_none()
                                })
                                // (`the former Wales international`.)
                                && role.starts_with(|c: char| c.is_lowercase())
                        })
                    });
                // (An adverb may come first: `twice had to call`.)
                let v = if toks.get(j + 2).is_some_and(|a| {
                    matches!(
                        &text[a.range()],
                        "twice"
                            | "also"
                            | "then"
                            | "once"
                            | "again"
                            | "never"
                            | "still"
                            | "later"
                            | "often"
                            | "soon"
                            | "even"
                            | "only"
                            | "just"
                    )
                }) {
                    j + 3
                } else {
                    j + 2
                };
                toks.get(v)
                    .is_some_and(|n| n.word && looks_like_verb(&text[n.range()]))
                    && after_comma
            };
            let possessive = words::is_possessive(&text[toks[j].range()]);
            // A possessive opening its clause, its noun the subject, is the
            // one the sentence is about: `Back at the clinic, Malik’s shift
            // was ending.`
            let owner = || {
                (sentence_start || (i > 0 && &text[toks[i - 1].range()] == ","))
                    && (1..=2).any(|n| {
                        toks[j + 1..].len() > n
                            && toks[j + 1..=j + n].iter().all(|t| {
                                t.word && text[t.range()].starts_with(|c: char| c.is_lowercase())
                            })
                            && toks[j + 1 + n].word
                            && lexicon::is_aux(&text[toks[j + 1 + n].range()])
                    })
            };
            let subject = (possessive && owner())
                || !possessive
                    && (sentence_start
                        || appositive
                        || inverted
                        || absolute
                        || (verb_next && !after_prep)
                        || set_off());
            out.push((t.start..toks[j].end, subject));
            i = j + 1;
        } else {
            i += 1;
        }
        sentence_start = false;
    }
}

/// The tokens that lie within `range`.
fn within(toks: &[Tok], range: Range<usize>) -> &[Tok] {
    let lo = toks.partition_point(|t| t.start < range.start);
    let hi = toks.partition_point(|t| t.end <= range.end).max(lo);
    &toks[lo..hi]
}

/// The first of `spans[k..]` (in order, apart) that ends after `at`, or
/// `spans.len()`: a galloping search, which costs the logarithm of the
/// spans it passes over.
fn first_ending_after(spans: &[Range<usize>], k: usize, at: usize) -> usize {
    let rest = &spans[k..];
    // Every span of `rest[..lo]` ends at or before `at`.
    let (mut lo, mut step) = (0, 1);
    while lo + step <= rest.len() && rest[lo + step - 1].end <= at {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(rest.len());
    k + lo + rest[lo..hi].partition_point(|q| q.end <= at)
}

/// Appends the tokens of `toks` (in order) that are not inside a quoted
/// span to `out`. The spans are in order and do not overlap, and so are
/// the tokens, so the tokens inside one span are a run found by two
/// binary searches: the runs between are copied whole.
fn outside_quotes(quoted: &[Range<usize>], toks: &[Tok], out: &mut Vec<Tok>) {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return;
    };
    // Spans that end before the first token ends hold none of them.
    let lo = quoted.partition_point(|r| r.end < first.end);
    let mut from = 0;
    for r in &quoted[lo..] {
        if r.start > last.start {
            break;
        }
        let rest = &toks[from..];
        let a = from + rest.partition_point(|t| t.start < r.start);
        let b = (from + rest.partition_point(|t| t.end <= r.end)).max(a);
        out.extend_from_slice(&toks[from..a]);
        from = b;
    }
    out.extend_from_slice(&toks[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `first_ending_after` finds what a walk from `k` finds, for every
    /// start and place, before, between, inside and after the spans.
    #[test]
    fn galloping_over_spans_matches_a_walk() {
        let spans: Vec<Range<usize>> = (0..40).map(|i| i * 10 + 2..i * 10 + 7).collect();
        for k in 0..=spans.len() {
            for at in 0..420 {
                let mut walked = k;
                while walked < spans.len() && spans[walked].end <= at {
                    walked += 1;
                }
                assert_eq!(
                    super::first_ending_after(&spans, k, at),
                    walked,
                    "k {k} at {at}"
                );
            }
        }
        assert_eq!(super::first_ending_after(&[], 0, 5), 0);
    }

    /// `outside_quotes` drops exactly the tokens that lie inside a quoted
    /// span, for every block of the sample articles and for the whole text.
    #[test]
    fn outside_quotes_drops_the_quoted_tokens() {
        let mut texts = crate::check::sample_articles();
        texts.push("“A” b “c d” e. “Unclosed f\n\ng, h” i “” j “k”".to_string());
        for t in &texts {
            let sc = super::super::scan::scan(t);
            let quoted: Vec<Range<usize>> = sc.spans.iter().map(|s| s.inner.clone()).collect();
            let ranges = sc.blocks.iter().map(|b| b.range.clone());
            for range in ranges.chain(std::iter::once(0..t.len())) {
                let mut toks = Vec::new();
                words::tokens(t, range, &mut toks);
                let want: Vec<Tok> = toks
                    .iter()
                    .copied()
                    .filter(|t| !quoted.iter().any(|r| r.start <= t.start && t.end <= r.end))
                    .collect();
                let mut got = Vec::new();
                outside_quotes(&quoted, &toks, &mut got);
                assert_eq!(got, want, "{t:?}");
            }
        }
    }

    /// The capital-letter index lists every place where a surname of
    /// letters and digits stands as a whole word, and finds the first
    /// occurrence of a name, exactly as the substring search does.
    #[test]
    fn capitalised_word_index_finds_every_whole_word() {
        let mut texts = crate::check::sample_articles();
        texts.push(
            "Ünal Ann, Smith-Jones O'Neil; Anna Annan Ann2 xAnn éAnn Ann’s 東京Ann _Ann Ann \
             ÃÂÉ Ab AbAb Ab1 Ab A-A-A D-Wis, (D-Wisc.) D-Wis de la Cruz, Lucia de la Cruz \
             al-Rashid xal-Rashid van Annan d-Wd-W"
                .to_string(),
        );
        for t in &texts {
            let index = CapitalIndex::new(t);
            for w in t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| indexable(w))
            {
                let whole: Vec<usize> = memchr::memmem::find_iter(t.as_bytes(), w.as_bytes())
                    .filter(|&at| {
                        let end = at + w.len();
                        t[..at]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !c.is_alphanumeric())
                            && t[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                    })
                    .collect();
                assert_eq!(index.find(t, w), whole, "{w}");
                for s in [w, &w[..2]] {
                    let first = memchr::memmem::find(t.as_bytes(), s.as_bytes());
                    assert_eq!(index.first(t, s), first, "{s}");
                }
            }
            // Any string with a capital first, hyphens and stops too, at
            // every place it starts, overlapping places included.
            for w in t.split_whitespace().filter(|w| starts_indexed(w)) {
                let all: Vec<usize> = (0..t.len())
                    .filter(|&at| t.as_bytes()[at..].starts_with(w.as_bytes()))
                    .collect();
                assert_eq!(index.occurrences(t, w).collect::<Vec<_>>(), all, "{w}");
            }
            // Surnames led by a particle, by their first capital.
            for w in [
                "de la Cruz",
                "al-Rashid",
                "van Ann",
                "éAnn",
                "xAnn",
                "A-A",
                "d-Wd",
            ] {
                let all: Vec<usize> = (0..t.len())
                    .filter(|&at| t.as_bytes()[at..].starts_with(w.as_bytes()))
                    .collect();
                assert_eq!(index.occurrences_by_capital(t, w), Some(all), "{w}");
            }
            assert_eq!(index.occurrences_by_capital(t, "ünal"), None);
            assert_eq!(index.occurrences_by_capital(t, "abC"), None);
            assert_eq!(index.occurrences_by_capital(t, "d-W"), None);
        }
    }
}
