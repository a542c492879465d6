//! The quote checker's spec: every `tests/data/check/*.md` article is
//! checked and its report, rendered as text, compared with the `.expect`
//! file beside it. `UPDATE_EXPECT=1 cargo test -p byline-core --test check`
//! rewrites the expectations (review the diff by hand: they must be right).

use std::fmt::Write as _;
use std::path::Path;

use byline_core::check::{check, Report};

/// Renders a report in a stable, readable form, with line:col positions
/// (1-based, in characters).
fn render(text: &str, report: &Report) -> String {
    let pos = |byte: usize| {
        let line_start = text[..byte].rfind('\n').map_or(0, |p| p + 1);
        let line = text[..line_start].matches('\n').count() + 1;
        let col = text[line_start..byte].chars().count() + 1;
        format!("{line}:{col}")
    };
    let mut out = String::new();
    for q in &report.quotes {
        let kind = format!("{:?}", q.kind).to_lowercase();
        write!(
            out,
            "quote p{} {} {} {:?}",
            q.paragraph,
            pos(q.range.start),
            kind,
            q.text
        )
        .unwrap();
        if let Some(s) = &q.speaker {
            write!(out, " speaker={s:?}").unwrap();
        }
        if let Some(m) = &q.speaker_mention {
            write!(out, " mention={m:?}").unwrap();
        }
        if let Some(c) = &q.cue {
            write!(out, " cue={c:?}").unwrap();
        }
        out.push('\n');
    }
    for s in &report.speakers {
        writeln!(
            out,
            "speaker {:?} description={:?} quotes={} words={}",
            s.name, s.description, s.quotes, s.words
        )
        .unwrap();
    }
    for i in &report.issues {
        let sev = format!("{:?}", i.severity).to_lowercase();
        write!(
            out,
            "issue {} {} {} {:?}",
            sev,
            i.code,
            pos(i.range.start),
            &text[i.range.clone()]
        )
        .unwrap();
        if let Some(f) = &i.fix {
            write!(out, " fix: insert {:?} at {}", f.insert, pos(f.range.start)).unwrap();
        }
        writeln!(out, "\n  {}", i.message).unwrap();
    }
    out
}

/// Ranges must lie within the text, on character boundaries.
fn assert_ranges(name: &str, text: &str, report: &Report) {
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    for q in &report.quotes {
        assert!(ok(&q.range), "{name}: quote range {:?}", q.range);
        assert_eq!(
            q.text,
            text[q.range.clone()],
            "{name}: quote text matches its range"
        );
    }
    for i in &report.issues {
        assert!(ok(&i.range), "{name}: issue range {:?}", i.range);
        if let Some(f) = &i.fix {
            assert!(ok(&f.range), "{name}: fix range {:?}", f.range);
        }
    }
}

#[test]
fn spec_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/check");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/check exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 20, "the spec has an example per rule");
    let mut failures = Vec::new();
    for input in &inputs {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(input).unwrap();
        let report = check(&text);
        assert_ranges(&name, &text, &report);
        let got = render(&text, &report);
        let expect_path = input.with_extension("expect");
        if update {
            std::fs::write(&expect_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expect_path).unwrap_or_default();
        if got != want {
            failures.push(format!("--- {name}\nwant:\n{want}\ngot:\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} spec examples differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Found by fuzzing: a hyphen before a surname with no word before it
/// (`$-Sharaa`) made the particle look-up slice backwards.
#[test]
fn hyphen_without_a_particle_before_a_surname_does_not_panic() {
    let text = "Senator Mark Hollo$-Carter met Governor James Carter.\n\n“It will be done,” Carter said.\n\n“Soon,” $-Carter said.";
    let report = check(text);
    assert_eq!(report.quotes.len(), 2);
    assert_eq!(report.quotes[0].speaker.as_deref(), Some("James Carter"));
}

/// Inputs on which the cargo-fuzz target once found a panic, kept as they
/// were found (bytes, read as the target reads them): each must check
/// without one, its ranges on character boundaries.
#[test]
fn fuzz_findings_never_panic_again() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/data/fuzz exists") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_ranges(&name, &text, &check(&text));
        n += 1;
    }
    assert!(n >= 2, "the fuzz findings are there");
}

/// Random texts built from the characters the checker cares about (quote
/// marks, apostrophes, Markdown punctuation, line breaks, capitals,
/// multi-byte letters): no panic, every range on character boundaries. A
/// cheap, deterministic companion to the cargo-fuzz target in `fuzz/`.
#[test]
fn random_texts_never_panic_and_ranges_stay_on_boundaries() {
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "`",
        "```\n",
        "<b>",
        "](",
        ")",
        "*",
        "_",
        "\n",
        "\n\n",
        " ",
        ", ",
        ". ",
        ": ",
        "—",
        "―",
        "# ",
        "- ",
        "said",
        "told",
        "he",
        "she",
        "they",
        "according to",
        "Anton",
        "Marsadov",
        "al-",
        "van ",
        "Mr.",
        "Sen.",
        "President",
        "é",
        "ß",
        "🚢",
        "\u{a0}",
        "a",
        "the",
        "titled",
        "so-called",
        // Descriptions, particles, possessives and narration.
        "The",
        "Her",
        "her",
        " lawyer",
        "’s president",
        "Tom Hale",
        "Hale",
        ", who runs",
        " of ",
        "known as",
        "De la Cruz",
        "Al-Rashid",
        "Nurse",
        " and ",
        "My",
        // Roles and posts before a name, set off by any kind of space.
        "Fisherman",
        "Chief of Staff",
        "Fisherman\u{a0}Tom\u{a0}Hale",
        "Secretary of\u{a0}State\u{a0}Tom Hale",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..20_000 {
        let len = (next() % 120) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let report = check(&text);
        assert_ranges(&format!("case {case}: {text:?}"), &text, &report);
    }
}
