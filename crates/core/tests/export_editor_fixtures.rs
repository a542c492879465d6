//! The HTML export writes for each Markdown file of the editor's fixture
//! corpus (`ui/test/fixtures/markdown`), kept as expect files in
//! `ui/test/fixtures/export`. The UI's `wysiwyg.test.ts` compares what the
//! editor shows with these very files, so together the two tests say that
//! what the writer sees is what export writes. `UPDATE_EXPECT=1` rewrites
//! them (then the UI test says whether the editor still agrees).

use std::path::{Path, PathBuf};

use byline_core::export::{self, Mode};
use byline_core::model::{word_count, Draft, Status};

fn ui_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/test/fixtures")
}

fn draft(body: &str) -> Draft {
    Draft {
        id: 1,
        slug: "fixture".into(),
        headline: String::new(),
        dek: String::new(),
        byline: String::new(),
        dateline: String::new(),
        status: Status::Draft,
        body: body.into(),
        created_at: 0,
        updated_at: 0,
        word_count: word_count(body),
        target_words: None,
    }
}

#[test]
fn export_of_each_editor_fixture_matches_its_expect_file() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(ui_fixtures().join("markdown"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "the editor's fixture corpus is missing");

    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for md in &names {
        let body = std::fs::read_to_string(md).unwrap();
        let html = export::to_html(&draft(&body), Mode::Fragment);
        let stem = md.file_stem().unwrap().to_str().unwrap();
        let expect = ui_fixtures().join("export").join(format!("{stem}.html"));
        if update {
            std::fs::write(&expect, &html).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expect).unwrap_or_default();
        if expected != html {
            failures.push(format!(
                "{stem}: export differs from {}\n--- expected\n{expected}\n--- actual\n{html}",
                expect.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(rerun with UPDATE_EXPECT=1 to accept)",
        failures.join("\n")
    );
}
