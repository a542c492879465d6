//! Export speed: a generated 20,000-word draft through `export::export`, and
//! bare `pulldown_cmark::html::push_html` on the same Markdown in the same
//! run. Prints the ratio at the end (the goal is at most 2×).
//!
//! `cargo bench -p byline-core --bench export`

use std::hint::black_box;
use std::time::{Duration, Instant};

use byline_core::export::{self, Mode, Options};
use byline_core::model::{word_count, Draft, Status};
use criterion::{criterion_group, Criterion, Throughput};
use pulldown_cmark::{html, Options as MdOptions, Parser};

const WORDS: u32 = 20_000;

/// A long feature as a reporter would write it: quotes, emphasis, links,
/// subheads, lists, a table, footnotes, a few images, and pasted inline HTML
/// in every `raw_html_every`-th paragraph. Deterministic, so runs compare.
fn generate(raw_html_every: usize) -> String {
    let sentences = [
        "The council met on Tuesday to discuss the harbour plan, which has divided the town for a decade.",
        "\"We are not against change,\" said Ruth Okafor, who chairs the residents' association. \"We are against *this* change.\"",
        "Officials said the dredging would take **eighteen months** and cost about $40 million -- roughly twice the first estimate.",
        "According to [the port authority's report](https://example.org/port/report-2026.pdf), traffic rose 12% last year...",
        "Fishermen, who land most of their catch at the north quay, say the works would cut them off for a whole season.[^quay]",
        "The mayor, Tomas Reyes, told reporters he would \"listen to everyone\" before the final vote in March.",
        "Some residents brought EIA summaries printed at home; others brought their children.",
        "Nobody expects a decision before the summer, and several councillors said privately that they had not made up their minds.",
    ];
    let mut md = String::new();
    let mut paragraph = 0;
    while word_count(&md) < WORDS {
        paragraph += 1;
        if paragraph % 25 == 0 {
            md.push_str(&format!("## Part {}\n\n", paragraph / 25));
        }
        if paragraph % 60 == 0 {
            md.push_str("- The first point, with a [link](https://example.org/a).\n- The second ~~old~~ new point.\n- The third.\n\n");
            md.push_str("| Year | Ships | Change |\n|:--|--:|:-:|\n| 2024 | 1,204 | — |\n| 2025 | 1,350 | +12% |\n\n");
            md.push_str(&format!("![Quay at dawn, part {paragraph}](https://example.org/img/quay-{paragraph}.jpg)\n*The north quay before the works.*\n\n"));
        }
        if paragraph % raw_html_every == 0 {
            md.push_str("Pasted from the council site: <abbr title=\"Environmental impact assessment\">EIA</abbr> <b>pending</b>. ");
        }
        for k in 0..4 {
            md.push_str(sentences[(paragraph * 3 + k) % sentences.len()]);
            md.push(' ');
        }
        md.push_str("\n\n");
    }
    md.push_str(
        "[^quay]: The north quay handles about 70% of landings, by the harbour master's count.\n",
    );
    md
}

fn draft(body: String) -> Draft {
    Draft {
        id: 1,
        slug: "bench".into(),
        headline: "Harbour plan divides the town".into(),
        dek: "A decade of argument comes to a vote.".into(),
        byline: "By Maren Holt".into(),
        dateline: "RIVERTON, March 4, 2026".into(),
        status: Status::Draft,
        word_count: word_count(&body),
        body,
        created_at: 0,
        updated_at: 0,
        target_words: None,
    }
}

fn md_options() -> MdOptions {
    MdOptions::ENABLE_SMART_PUNCTUATION
        | MdOptions::ENABLE_FOOTNOTES
        | MdOptions::ENABLE_TABLES
        | MdOptions::ENABLE_STRIKETHROUGH
}

fn bare(markdown: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, md_options()));
    out
}

/// The drafts measured: typical (raw HTML in one paragraph in 50) and heavy
/// (in every other paragraph).
fn drafts() -> [(&'static str, Draft); 2] {
    [
        ("typical", draft(generate(50))),
        ("heavy raw HTML", draft(generate(2))),
    ]
}

fn benches(c: &mut Criterion) {
    for (name, d) in drafts() {
        bench(c, name, &d);
    }
}

fn bench(c: &mut Criterion, name: &str, d: &Draft) {
    let mut group = c.benchmark_group(format!("export-20k-words/{name}"));
    group.throughput(Throughput::Bytes(d.body.len() as u64));
    group.bench_function("push_html (bare pulldown-cmark)", |b| {
        b.iter(|| bare(black_box(&d.body)))
    });
    for mode in [Mode::Fragment, Mode::Standalone] {
        let opts = Options {
            mode,
            ..Options::default()
        };
        group.bench_function(format!("export {mode:?}"), |b| {
            b.iter(|| export::export(black_box(d), &opts).unwrap())
        });
    }
    group.finish();
}

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Times both sides again, interleaved, and prints the ratio.
fn ratio(name: &str, d: &Draft) {
    let opts = Options {
        mode: Mode::Standalone,
        ..Options::default()
    };
    let (mut base, mut ours) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        base.push(median(21, || drop(black_box(bare(black_box(&d.body))))));
        ours.push(median(21, || {
            drop(black_box(export::export(black_box(d), &opts).unwrap()))
        }));
    }
    base.sort();
    ours.sort();
    let (base, ours) = (base[2], ours[2]);
    println!(
        "{name}: {} words, {} bytes of Markdown: push_html {:.2} ms, export (standalone) {:.2} ms, ratio {:.2}x (goal <= 2x)",
        d.word_count,
        d.body.len(),
        base.as_secs_f64() * 1e3,
        ours.as_secs_f64() * 1e3,
        ours.as_secs_f64() / base.as_secs_f64()
    );
}

criterion_group!(export_benches, benches);

fn main() {
    export_benches();
    Criterion::default().configure_from_args().final_summary();
    println!();
    for (name, d) in drafts() {
        ratio(name, &d);
    }
}
