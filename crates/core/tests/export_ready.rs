//! The "ready to file" check: what stands between a draft and filing it.

use byline_core::model::{Draft, Status};
use byline_core::ready::{placeholders, ready, Field};

fn draft(headline: &str, byline: &str, body: &str) -> Draft {
    Draft {
        id: 1,
        slug: "ready".into(),
        headline: headline.into(),
        dek: String::new(),
        byline: byline.into(),
        dateline: String::new(),
        status: Status::Editing,
        body: body.into(),
        created_at: 0,
        updated_at: 0,
        word_count: 0,
        target_words: None,
    }
}

/// Findings as `code field range` lines, the way the tests compare them.
fn summary(d: &Draft) -> Vec<String> {
    ready(d)
        .iter()
        .map(|f| format!("{} {:?} {:?}", f.code, f.field, f.range))
        .collect()
}

#[test]
fn a_complete_piece_is_ready() {
    let d = draft(
        "Ferry timetable changes",
        "By Pell Sorensen",
        "The winter timetable starts on Monday.",
    );
    assert_eq!(summary(&d), Vec::<String>::new());
}

#[test]
fn missing_headline_and_byline_are_reported() {
    let d = draft("  ", "", "Body text.");
    assert_eq!(
        summary(&d),
        [
            "missing-headline Headline None",
            "missing-byline Byline None"
        ]
    );
}

#[test]
fn tk_placeholders_are_found_in_every_field() {
    let mut d = draft(
        "Mayor TK resigns",
        "By TKTK",
        "The council met on TK. Turnout was TK%.\n\nTKO and OTK are words.",
    );
    d.dateline = "CITY, TK".into();
    assert_eq!(
        summary(&d),
        [
            "placeholder Headline Some(6..8)",
            "placeholder Byline Some(3..7)",
            "placeholder Dateline Some(6..8)",
            "placeholder Body Some(19..21)",
            "placeholder Body Some(35..37)",
        ]
    );
    let messages: Vec<String> = ready(&d).into_iter().map(|f| f.message).collect();
    assert_eq!(messages[1], "unfilled placeholder `TKTK` in the byline");
}

#[test]
fn placeholders_next_to_punctuation_and_non_ascii() {
    assert_eq!(
        placeholders("(TK) «TK» TK, TK."),
        [1..3, 7..9, 12..14, 16..18]
    );
    assert_eq!(
        placeholders("ÉTK TKé TKTKx"),
        Vec::<std::ops::Range<usize>>::new()
    );
}

#[test]
fn a_missing_opening_quote_mark_is_a_quote_error() {
    let d = draft(
        "Harbour seals return",
        "By Ines Varga",
        "The fish are back, so the seals are back,\" said Ruth Okafor, who leads the count.",
    );
    let findings = ready(&d);
    let quote = findings
        .iter()
        .find(|f| f.code == "quote-error")
        .expect("a quote error");
    assert_eq!(quote.field, Field::Body);
    assert_eq!(quote.quote_code, Some("missing-open-quote"));
    assert!(quote.range.is_some());
}
