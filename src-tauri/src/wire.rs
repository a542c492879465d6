//! The wire format between the shell and the UI: what the commands accept and
//! the shapes they return where core's own types do not fit JavaScript.

use std::ops::Range;

use byline_core::check::{Fix, Issue, Quote, Report, Speaker};
use byline_core::export::{Images, Mode};
use byline_core::model::{DraftPatch, NewDraft, Status};
use byline_core::ready::{Field, Finding};
use byline_core::text::OffsetMap;
use byline_core::Draft;
use serde::{Deserialize, Serialize};

/// Where the library is, and why it is not open if it is not.
#[derive(Serialize)]
pub struct LibraryInfo {
    pub path: String,
    pub error: Option<String>,
}

/// The fields of a new draft; missing ones are empty.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DraftInput {
    pub headline: String,
    pub dek: String,
    pub byline: String,
    pub dateline: String,
    pub body: String,
}

impl From<DraftInput> for NewDraft {
    fn from(d: DraftInput) -> NewDraft {
        NewDraft {
            headline: d.headline,
            dek: d.dek,
            byline: d.byline,
            dateline: d.dateline,
            body: d.body,
        }
    }
}

/// A change to a draft; absent fields stay as they are.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct PatchInput {
    pub headline: Option<String>,
    pub dek: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub status: Option<String>,
    pub body: Option<String>,
    /// The target length in words; 0 clears it.
    pub target_words: Option<u32>,
}

impl PatchInput {
    /// Validates the status name once, here at the edge.
    pub fn into_patch(self) -> Result<DraftPatch, String> {
        let status = match self.status {
            None => None,
            Some(s) => Some(Status::parse(&s).ok_or_else(|| {
                format!("unknown status {s:?}: expected draft, editing, ready or filed")
            })?),
        };
        Ok(DraftPatch {
            headline: self.headline,
            dek: self.dek,
            byline: self.byline,
            dateline: self.dateline,
            status,
            body: self.body,
            target_words: self.target_words.map(|n| (n > 0).then_some(n)),
        })
    }
}

/// The result of a save: the draft as stored and the revision taken, if any.
#[derive(Serialize)]
pub struct Saved {
    pub draft: Draft,
    pub revision: Option<u32>,
}

impl From<(Draft, Option<u32>)> for Saved {
    fn from((draft, revision): (Draft, Option<u32>)) -> Saved {
        Saved { draft, revision }
    }
}

/// A checker report whose ranges count UTF-16 code units, as JavaScript
/// strings do. Core's report counts UTF-8 bytes.
#[derive(Serialize)]
pub struct Utf16Report {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub issues: Vec<Issue>,
}

impl Utf16Report {
    pub fn new(text: &str, report: Report) -> Utf16Report {
        let map = OffsetMap::new(text);
        let convert = |r: &Range<usize>| map.utf16(r.start)..map.utf16(r.end);
        let quotes = report
            .quotes
            .into_iter()
            .map(|q| Quote {
                range: convert(&q.range),
                speaker_range: q.speaker_range.as_ref().map(convert),
                ..q
            })
            .collect();
        let issues = report
            .issues
            .into_iter()
            .map(|i| Issue {
                range: convert(&i.range),
                fix: i.fix.map(|f| Fix {
                    range: convert(&f.range),
                    ..f
                }),
                ..i
            })
            .collect();
        Utf16Report {
            quotes,
            speakers: report.speakers,
            issues,
        }
    }
}

/// One reason the piece is not ready to file, with the words it is about
/// instead of byte offsets.
#[derive(Serialize)]
pub struct ReadyFinding {
    pub code: &'static str,
    pub field: Field,
    pub message: String,
    pub quote_code: Option<&'static str>,
    /// The passage the finding points at, a few words either side.
    pub excerpt: Option<String>,
}

impl ReadyFinding {
    pub fn new(draft: &Draft, finding: Finding) -> ReadyFinding {
        let text = match finding.field {
            Field::Headline => &draft.headline,
            Field::Dek => &draft.dek,
            Field::Byline => &draft.byline,
            Field::Dateline => &draft.dateline,
            Field::Body => &draft.body,
        };
        let excerpt = finding.range.as_ref().map(|r| excerpt(text, r, 30));
        ReadyFinding {
            code: finding.code,
            field: finding.field,
            message: finding.message,
            quote_code: finding.quote_code,
            excerpt,
        }
    }
}

/// `text[range]` with up to `context` characters either side, cut at word
/// boundaries, on one line, with an ellipsis where it was cut.
fn excerpt(text: &str, range: &Range<usize>, context: usize) -> String {
    let start = floor_boundary(text, range.start);
    let end = floor_boundary(text, range.end.max(start));
    let head = &text[..start];
    let before = match head.char_indices().rev().nth(context) {
        // Cut: drop the partial word at the edge.
        Some((at, _)) => {
            let kept = &head[at..];
            let word = kept.find(char::is_whitespace).map_or(kept, |w| &kept[w..]);
            format!("…{}", word.trim_start())
        }
        None => head.to_string(),
    };
    let tail = &text[end..];
    let after = match tail.char_indices().nth(context) {
        Some((at, _)) => {
            let kept = &tail[..at];
            let word = kept.rfind(char::is_whitespace).map_or(kept, |w| &kept[..w]);
            format!("{}…", word.trim_end())
        }
        None => tail.to_string(),
    };
    let joined = format!("{before}{}{after}", &text[start..end]);
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The largest character boundary in `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The export mode by its wire name.
pub fn parse_mode(mode: &str) -> Result<Mode, String> {
    match mode {
        "standalone" => Ok(Mode::Standalone),
        "fragment" => Ok(Mode::Fragment),
        _ => Err(format!(
            "unknown export mode {mode:?}: expected standalone or fragment"
        )),
    }
}

/// What to do with local images, by its wire name.
pub fn parse_images(images: &str) -> Result<Images, String> {
    match images {
        "embed" => Ok(Images::Embed),
        "copy" => Ok(Images::Copy),
        "link" => Ok(Images::Link),
        _ => Err(format!(
            "unknown image handling {images:?}: expected embed, copy or link"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::check::{QuoteKind, Severity};

    #[test]
    fn report_ranges_become_utf16_offsets() {
        // "é" is 2 bytes and 1 UTF-16 unit; "𝄞" is 4 bytes and 2 units.
        let text = "é𝄞 “Yes,” she said.";
        let open = text.find('“').unwrap();
        let start = open + '“'.len_utf8();
        let end = text.find('”').unwrap();
        let she = text.find("she").unwrap();
        let report = Report {
            quotes: vec![Quote {
                range: start..end,
                text: "Yes,".into(),
                kind: QuoteKind::Speech,
                speaker: None,
                speaker_mention: Some("she".into()),
                speaker_range: Some(she..she + 3),
                cue: None,
                paragraph: 0,
            }],
            speakers: vec![],
            issues: vec![Issue {
                code: "test",
                severity: Severity::Info,
                range: open..start,
                message: String::new(),
                fix: Some(Fix {
                    label: String::new(),
                    range: open..open,
                    insert: "x".into(),
                }),
            }],
        };
        let wire = Utf16Report::new(text, report);
        let js: Vec<u16> = text.encode_utf16().collect();
        let q = &wire.quotes[0].range;
        assert_eq!(String::from_utf16(&js[q.clone()]).unwrap(), "Yes,");
        let who = wire.quotes[0].speaker_range.clone().unwrap();
        assert_eq!(String::from_utf16(&js[who]).unwrap(), "she");
        assert_eq!(wire.issues[0].range, 4..5);
        assert_eq!(wire.issues[0].fix.as_ref().unwrap().range, 4..4);
    }

    #[test]
    fn unknown_status_is_refused_with_a_sentence() {
        let patch = PatchInput {
            status: Some("published".into()),
            ..Default::default()
        };
        let err = patch.into_patch().unwrap_err();
        assert!(err.contains("unknown status \"published\""), "{err}");
        let ok = PatchInput {
            status: Some("ready".into()),
            ..Default::default()
        };
        assert_eq!(ok.into_patch().unwrap().status, Some(Status::Ready));
    }

    #[test]
    fn an_excerpt_keeps_a_few_words_around_the_finding() {
        let text = "The minister said the plan was TK and that\nthe rest would follow within a month or so.";
        let at = text.find("TK").unwrap();
        let e = excerpt(text, &(at..at + 2), 10);
        assert_eq!(e, "…plan was TK and that…");
        assert_eq!(excerpt("TK", &(0..2), 10), "TK");
        // Multi-byte characters are never split, even by a range that
        // falls inside one.
        let text = "“éé éé TK éé éé”";
        let at = text.find("TK").unwrap();
        assert_eq!(excerpt(text, &(at..at + 2), 4), "…éé TK éé…");
        assert_eq!(excerpt(text, &(1..2), 2), "“é…");
    }

    #[test]
    fn unknown_export_options_are_refused() {
        assert_eq!(parse_mode("fragment").unwrap(), Mode::Fragment);
        assert!(parse_mode("pdf").unwrap_err().contains("pdf"));
        assert_eq!(parse_images("copy").unwrap(), Images::Copy);
        assert!(parse_images("inline").unwrap_err().contains("inline"));
    }

    #[test]
    fn a_target_length_is_set_cleared_or_left_alone() {
        let patch = |json: &str| {
            serde_json::from_str::<PatchInput>(json)
                .unwrap()
                .into_patch()
                .unwrap()
                .target_words
        };
        assert_eq!(patch(r#"{"targetWords": 800}"#), Some(Some(800)));
        assert_eq!(patch(r#"{"targetWords": 0}"#), Some(None));
        assert_eq!(patch(r#"{"body": "text"}"#), None);
    }
}
