//! `byline check` end to end on the team's sample articles in
//! `assets/samples/`: exit codes, the compiler-style text output, and the
//! JSON with code-point offsets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets/samples")
        .join(name)
}

fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .output()
        .expect("byline runs")
}

fn check_json(name: &str) -> (String, Value, i32) {
    let path = sample(name);
    let out = byline(&["check", "--format", "json", path.to_str().unwrap()]);
    let text = std::fs::read_to_string(&path).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    (text, v, out.status.code().unwrap())
}

/// The code-point offset of the first occurrence of `needle` in `text`.
fn cp(text: &str, needle: &str) -> u64 {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in sample"));
    text[..at].chars().count() as u64
}

fn quote_by_text<'a>(v: &'a Value, starts: &str) -> &'a Value {
    v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(starts))
        .unwrap_or_else(|| panic!("a quote starting {starts:?}"))
}

/// The report's speaker called `name`.
fn speaker<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("a speaker {name:?}"))
}

/// The description of the report's speaker called `name`.
fn description<'a>(v: &'a Value, name: &str) -> &'a Value {
    &speaker(v, name)["description"]
}

fn issues<'a>(v: &'a Value, code: &str) -> Vec<&'a Value> {
    v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == code)
        .collect()
}

#[test]
fn council_budget_flags_the_lost_opening_mark_and_attributes_every_quote() {
    let (text, v, code) = check_json("council-budget.md");
    assert_eq!(code, 1, "an error-severity issue exits 1");

    // The lost opening mark belongs at the start of its paragraph.
    let missing = issues(&v, "missing-open-quote");
    assert_eq!(missing.len(), 1);
    let para = cp(&text, "We will collect the signatures");
    assert_eq!(missing[0]["severity"], "error");
    assert_eq!(missing[0]["start"], para);
    assert_eq!(missing[0]["fix"]["start"], para);
    assert_eq!(missing[0]["fix"]["end"], para);
    assert_eq!(missing[0]["fix"]["insert"], "“");

    // Offsets are code points and span the words without their marks.
    let q = quote_by_text(&v, "We have run out of money");
    let start = q["start"].as_u64().unwrap() as usize;
    let end = q["end"].as_u64().unwrap() as usize;
    let chars: Vec<char> = text.chars().collect();
    let spanned: String = chars[start..end].iter().collect();
    assert_eq!(spanned, q["text"].as_str().unwrap());
    assert_eq!(chars[start - 1], '“');
    assert_eq!(q["speaker"], "Daniel Okafor");
    assert_eq!(q["speaker_mention"], "Okafor");
    assert_eq!(q["cue"], "said");

    // Pronoun and surname references resolve to the full name.
    assert_eq!(
        quote_by_text(&v, "a betrayal of every family")["speaker"],
        "Rosa Delgado"
    );
    assert_eq!(
        quote_by_text(&v, "We will collect the signatures")["speaker"],
        "Rosa Delgado"
    );
    assert_eq!(
        quote_by_text(&v, "We cannot keep borrowing")["speaker"],
        "Samuel Adeyemi"
    );
    assert_eq!(
        quote_by_text(&v, "We cannot keep borrowing")["speaker_mention"],
        "he"
    );

    // The report's title is a title, not speech, and raises nothing.
    let title = quote_by_text(&v, "Riverton’s Fiscal Future");
    assert_eq!(title["kind"], "title");
    assert!(title["speaker"].is_null());

    let delgado = speaker(&v, "Rosa Delgado");
    assert_eq!(delgado["description"], "Council member");
    assert_eq!(delgado["quotes"], 3);
}

#[test]
fn harbour_storm_flags_the_unclosed_quote_and_follows_a_quote_across_paragraphs() {
    let (text, v, code) = check_json("harbour-storm.txt");
    assert_eq!(code, 1);
    let unclosed = issues(&v, "missing-close-quote");
    assert_eq!(unclosed.len(), 1);
    assert_eq!(unclosed[0]["start"], cp(&text, "“Nobody came"));
    // The fix closes the quote before its attribution.
    assert_eq!(unclosed[0]["fix"]["start"], cp(&text, " said Reilly"));
    assert_eq!(
        quote_by_text(&v, "Nobody came to warn us")["speaker"],
        "Tomas Reilly"
    );

    // A quote run on over two paragraphs (no closing mark at the first
    // paragraph's end) is one speaker's and raises nothing.
    assert_eq!(
        quote_by_text(&v, "The water came over the sea wall")["speaker"],
        "Ingrid Solberg"
    );
    assert!(issues(&v, "unattributed-quote").is_empty());
    assert_eq!(
        quote_by_text(&v, "Every household on the quay")["speaker"],
        "Grace Nolan"
    );
}

#[test]
fn transit_strike_places_the_lost_mark_and_keeps_a_run_on_quote_together() {
    let (text, v, code) = check_json("transit-strike.md");
    assert_eq!(code, 1);
    let missing = issues(&v, "missing-open-quote");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0]["start"], cp(&text, "The city can’t afford"));
    let q = quote_by_text(&v, "The city can’t afford");
    assert_eq!(q["speaker"], "Oliver Hale");
    assert_eq!(q["end"], cp(&text, "” Hale said on Monday"));

    // Two paragraphs of one quote, attributed at its end.
    for starts in ["On a normal Monday", "I don’t blame the drivers"] {
        assert_eq!(quote_by_text(&v, starts)["speaker"], "Tom Achterberg");
    }
    // A scare quote and a report's title, neither speech.
    assert_eq!(quote_by_text(&v, "efficiency plan")["kind"], "scare");
    assert_eq!(quote_by_text(&v, "Moving Halden Forward")["kind"], "title");
    // Apostrophes (’90s, rock ’n’ roll) open no quote.
    assert!(issues(&v, "missing-close-quote").is_empty());
    assert_eq!(v["issues"].as_array().unwrap().len(), 1);

    // Descriptions, before the name and after it.
    assert_eq!(
        description(&v, "Marta Kowalczyk"),
        "president of the Halden Transit Workers’ Union"
    );
    assert_eq!(
        description(&v, "Oliver Hale"),
        "the agency’s chief executive"
    );
}

#[test]
fn school_board_hearing_reads_straight_quotes_particles_and_a_hearing_title() {
    let (text, v, code) = check_json("school-board-hearing.txt");
    assert_eq!(code, 0, "warnings only");
    let title = quote_by_text(&v, "Getting There Safely");
    assert_eq!(title["kind"], "title");
    assert!(title["speaker"].is_null());

    // Surnames with particles, lower case and capitalised at the start of
    // a sentence, resolve to the full names.
    let cruz = quote_by_text(&v, "Nobody likes this choice");
    assert_eq!(cruz["speaker"], "Lucia de la Cruz");
    assert_eq!(cruz["speaker_mention"], "de la Cruz");
    let later = quote_by_text(&v, "safe walking routes");
    assert_eq!(later["speaker"], "Lucia de la Cruz");
    assert_eq!(later["speaker_mention"], "De la Cruz");
    assert_eq!(
        quote_by_text(&v, "Has anyone on this staff")["speaker"],
        "Hamid al-Rashid"
    );

    // A slogan nobody is named as saying, and a surname never introduced.
    let unattributed = issues(&v, "unattributed-quote");
    assert_eq!(unattributed.len(), 1);
    assert_eq!(unattributed[0]["start"], cp(&text, "Kids before budgets"));
    let benson = issues(&v, "speaker-not-introduced");
    assert_eq!(benson.len(), 1);
    assert_eq!(benson[0]["start"], cp(&text, "Benson, a crossing guard"));
    assert_eq!(
        quote_by_text(&v, "If you take the buses away")["speaker"],
        "Benson"
    );
    assert_eq!(v["issues"].as_array().unwrap().len(), 2);
}

#[test]
fn vineyard_frost_flags_an_ambiguous_she_and_mixed_marks() {
    let (text, v, code) = check_json("vineyard-frost.md");
    assert_eq!(code, 0, "warnings only");
    // "Marsh and Dumont went …" then "she said": either woman.
    let ambiguous = issues(&v, "ambiguous-speaker");
    assert_eq!(ambiguous.len(), 1);
    assert_eq!(
        ambiguous[0]["start"],
        cp(&text, "she said.\n\nThe co-operative")
    );

    // Three paragraphs of one quote, attributed in the last; a paragraph
    // before it quoted someone else.
    for starts in [
        "Some of the younger growers",
        "We are asking the government",
        "If nothing comes by the summer",
    ] {
        assert_eq!(quote_by_text(&v, starts)["speaker"], "Peter Lindgren");
    }
    // A single quote inside a double one is part of it.
    assert_eq!(
        quote_by_text(&v, "When the hail came")["speaker"],
        "Peter Lindgren"
    );

    // One straight-quoted statement in a curly-quoted article, by the
    // spokesperson the sentence before brought in.
    let mixed = issues(&v, "mixed-quote-styles");
    assert_eq!(mixed.len(), 1);
    assert_eq!(
        quote_by_text(&v, "The minister has asked")["speaker"],
        "a spokesperson for the agriculture ministry"
    );
    // A name after "known as" is not speech; "Growers" is a sentence's
    // capital, not a surname nobody introduced.
    assert_eq!(quote_by_text(&v, "The Long Table")["kind"], "title");
    assert!(issues(&v, "speaker-not-introduced").is_empty());
    assert_eq!(v["issues"].as_array().unwrap().len(), 2);
    assert_eq!(
        description(&v, "Peter Lindgren"),
        "the co-operative’s chairman"
    );
}

#[test]
fn harbour_fraud_trial_places_broken_marks_and_tells_namesakes_apart() {
    let (text, v, code) = check_json("harbour-fraud-trial.md");
    assert_eq!(code, 1, "broken marks are errors");

    // The lost opening mark belongs after the writer's sentence that names
    // the speaker, not at the paragraph's start.
    let open = issues(&v, "missing-open-quote");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["start"], cp(&text, "He said nobody"));
    assert_eq!(
        quote_by_text(&v, "He said nobody")["speaker"],
        "Dana Whitlock"
    );
    // The unclosed partial quote ends before the writer's next sentence.
    let close = issues(&v, "missing-close-quote");
    assert_eq!(close.len(), 1);
    assert_eq!(
        quote_by_text(&v, "a gap nobody")["text"],
        "a gap nobody could explain."
    );
    assert_eq!(quote_by_text(&v, "a gap nobody")["speaker"], "Marta Lind");
    assert_eq!(description(&v, "Marta Lind"), "Head of Audit");

    // Who replies is who was asked, not who asked.
    assert_eq!(
        quote_by_text(&v, "I kept everything")["speaker"],
        "Dana Whitlock"
    );
    // Two Russos quoted: a bare "Russo" is flagged.
    let ambiguous = issues(&v, "ambiguous-speaker");
    assert_eq!(ambiguous.len(), 1);
    assert_eq!(ambiguous[0]["start"], cp(&text, "Russo said."));
    // "the association" is the body named before it; a placard speaks
    // for itself.
    assert_eq!(
        quote_by_text(&v, "It has taken four years")["speaker"],
        "Northfield Ratepayers’ Association"
    );
    assert_eq!(
        quote_by_text(&v, "Give us our harbour")["speaker"],
        "a placard"
    );
    assert!(issues(&v, "speaker-not-introduced").is_empty());
    assert!(issues(&v, "unattributed-quote").is_empty());
    assert_eq!(v["issues"].as_array().unwrap().len(), 3);
}

#[test]
fn a_clean_article_exits_zero_and_says_so_in_text() {
    let path = sample("clinic-closure.md");
    let out = byline(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("4 quotes (4 spoken, 2 speakers), 0 errors, 0 warnings"),
        "{stdout}"
    );
}

#[test]
fn text_output_reads_like_a_compiler() {
    let path = sample("council-budget.md");
    let out = byline(&["check", "--format", "text", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    let first = lines.next().unwrap();
    assert!(first.ends_with("council-budget.md:11:1: error missing-open-quote: This quote has a closing mark but no opening mark: insert “ here"), "{first}");
    assert_eq!(
        lines.next().unwrap().trim(),
        text_line(&path, 11)
            .chars()
            .take(100)
            .collect::<String>()
            .trim()
    );
    assert_eq!(lines.next().unwrap(), "    ^~");
}

fn text_line(path: &Path, n: usize) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .nth(n - 1)
        .unwrap()
        .to_string()
}

#[test]
fn unreadable_input_is_a_clear_error_and_usage_errors_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9 \"quote\"").unwrap();
    let out = byline(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not valid UTF-8"));

    let missing = dir.path().join("nope.md");
    let out = byline(&["check", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));

    let out = byline(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let out = byline(&["check", "--format", "yaml", "x.md"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_offsets_are_code_points_in_multibyte_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    let text = "Ærø’s ferry 🚢 runs again.\n\n“Wir sind zurück,” said captain Jürgen Maaß.\n";
    std::fs::write(&path, text).unwrap();
    let out = byline(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let q = &v["quotes"][0];
    assert_eq!(q["start"], cp(text, "Wir sind"));
    assert_eq!(q["end"], cp(text, "” said"));
    assert_eq!(q["speaker"], "Jürgen Maaß");
    assert_eq!(q["paragraph"], 1);
}

#[test]
fn a_library_draft_is_checked_like_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    let db = db.to_str().unwrap();
    let path = sample("council-budget.md");
    let out = byline(&["--db", db, "import", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_owned();

    let out = byline(&["--db", db, "check", "--draft", &id, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the lost opening mark is an error"
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(issues(&v, "missing-open-quote").len(), 1);
    let (_, from_file, _) = check_json("council-budget.md");
    let speakers = |v: &Value| {
        let mut names: Vec<String> = v["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(speakers(&v), speakers(&from_file));

    let out = byline(&["--db", db, "check", "--draft", "999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no draft with id 999"));
}
