//! Throughput of the quote checker on about 1 MB of article-like text, next
//! to pulldown-cmark rendering the same text to HTML, and the time to check
//! one 20,000-word article.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The team's sample articles, repeated to `bytes`. (The spec examples in
/// `tests/data/check` are one-sentence fixtures, not article-like text.)
fn corpus(bytes: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    for dir in [root.join("../../assets/samples")] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.retain(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"));
        paths.sort();
        for p in paths {
            articles.push(std::fs::read_to_string(p).unwrap());
        }
    }
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&articles[i % articles.len()]);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn first_words(text: &str, n: usize) -> &str {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count == n {
                    return &text[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let mut g = c.benchmark_group("1MB");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(30);
    g.bench_function("check", |b| {
        b.iter(|| byline_core::check::check(black_box(&text)))
    });
    g.bench_function("pulldown-cmark html", |b| {
        b.iter(|| {
            let mut html = String::with_capacity(text.len() * 3 / 2);
            pulldown_cmark::html::push_html(
                &mut html,
                pulldown_cmark::Parser::new(black_box(&text)),
            );
            html
        })
    });
    g.finish();

    let article = first_words(&text, 20_000);
    let mut g = c.benchmark_group("20k-words");
    g.throughput(Throughput::Bytes(article.len() as u64));
    g.bench_function("check", |b| {
        b.iter(|| byline_core::check::check(black_box(article)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
