//! Storage benchmarks against the targets in issue 2: saving a 20,000-word
//! draft (p99 ≤ 5 ms), full-text search over 10,000 drafts (p95 ≤ 20 ms),
//! listing 10,000 drafts (≤ 10 ms) and opening a library of 10,000 drafts
//! (≤ 50 ms).
//!
//! Saves are measured as autosave sees them (one paragraph changed between
//! saves) and in the worst case (every word changed), each as autosave and
//! as an explicit save (which also writes a revision). Saves leave merging
//! the search index and checkpointing the log to `Library::maintain`, which
//! the desktop app runs when the writer pauses; so each kind of save is
//! timed twice: with `maintain` after every [`SAVES_BETWEEN_PAUSES`] saves
//! (its own time printed apart, as "maintain after N of those saves"), and
//! never maintained, where merging falls inside saves (the safety net) and
//! checkpoints run on the library's checkpointer thread, beside the saves.
//! After the typing saves it prints the size of the library file, which
//! the revisions of those saves make most of. Search is timed on the
//! library as imported (`create_many`, no maintenance) and after one
//! `maintain`, whose time is printed too.
//!
//! Criterion reports means; where the target is a percentile, each bench
//! also times its own iterations and prints p50/p95/p99 of wall-clock
//! time, and the mean CPU time per call (the machine may be shared: CPU
//! time leaves out waiting for a core, and for the disk). Libraries live in a temporary folder on disk,
//! with the same pragmas as the app (`synchronous = FULL`, so every save
//! pays for its sync).
//!
//! Run: `cargo bench -p byline-core --bench storage`
//! (`BYLINE_BENCH_ONLY=save` or `=library` runs one half).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use byline_core::db::SaveKind;
use byline_core::{open, DraftPatch, Library, NewDraft};
use criterion::{criterion_group, criterion_main, Criterion};

/// A deterministic vocabulary of 4,010 words: ten common English words
/// first, then made-up ones; word `r` is drawn with a probability
/// proportional to 1/(r+1) (Zipf's law, as in real prose), so the first
/// words are in every draft and the last in a few.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

fn vocabulary() -> Vocabulary {
    const SYLLABLES: [&str; 20] = [
        "ba", "ker", "lo", "min", "tra", "ves", "qui", "nor", "sel", "da", "po", "rim", "ul",
        "tek", "fa", "gon", "shi", "ar", "mo", "zen",
    ];
    let mut words: Vec<String> = [
        "the", "said", "council", "mayor", "budget", "harbour", "police", "school", "a", "of",
    ]
    .iter()
    .map(|w| w.to_string())
    .collect();
    for c in ["", "s", "ed", "ing", "er", "ly", "al", "on", "ist", "ment"] {
        for a in SYLLABLES {
            for b in SYLLABLES {
                words.push(format!("{a}{b}{c}"));
            }
        }
    }
    let mut total = 0.0;
    let cumulative = (0..words.len())
        .map(|r| {
            total += 1.0 / (r as f64 + 1.0);
            total
        })
        .collect();
    Vocabulary { words, cumulative }
}

impl Vocabulary {
    fn pick(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative[self.cumulative.len() - 1];
        let x = (rng.next() % 1_000_000) as f64 / 1_000_000.0 * total;
        let r = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.words.len() - 1);
        &self.words[r]
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn text(vocab: &Vocabulary, rng: &mut Rng, words: usize) -> String {
    let mut out = String::with_capacity(words * 8);
    for i in 0..words {
        out.push_str(vocab.pick(rng));
        out.push_str(if i % 60 == 59 { ".\n\n" } else { " " });
    }
    out
}

/// Creates a library of `n` drafts of about 400 words each at `path`.
fn build_library(path: &Path, n: usize) {
    let vocab = vocabulary();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut lib = open(path).unwrap();
    let drafts: Vec<NewDraft> = (0..n)
        .map(|i| NewDraft {
            headline: format!(
                "{} {} story {i}",
                vocab.pick(&mut rng),
                vocab.pick(&mut rng)
            ),
            dek: text(&vocab, &mut rng, 20),
            byline: "Bench Writer".into(),
            dateline: "TESTVILLE".into(),
            body: text(&vocab, &mut rng, 400),
        })
        .collect();
    for chunk in drafts.chunks(1000) {
        lib.create_many(chunk).unwrap();
    }
}

/// `BYLINE_BENCH_ONLY=save` (or `library`) runs one half of this file;
/// building the 10,000-draft library alone takes a while.
fn skipped(part: &str) -> bool {
    std::env::var("BYLINE_BENCH_ONLY").is_ok_and(|only| only != part)
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), or `None`.
/// The machine is shared, so wall time includes waiting for a core; CPU time
/// shows the work itself (it leaves out waiting for the disk, too). The
/// kernel brings this figure up to date at each scheduler tick (4 ms here),
/// so it is only good summed over many calls: [`Samples`] prints its mean.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Wall-clock and CPU times of a series of calls.
#[derive(Default)]
struct Samples {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

impl Samples {
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let (start, start_cpu) = (Instant::now(), cpu_ns());
        let value = f();
        self.wall.push(start.elapsed());
        if let (Some(a), Some(b)) = (start_cpu, cpu_ns()) {
            self.cpu.push(Duration::from_nanos(b.saturating_sub(a)));
        }
        value
    }

    /// Prints p50/p95/p99/max of wall-clock time and the mean CPU time.
    fn print(mut self, name: &str) {
        let runs = self.wall.len();
        let line = |times: &mut Vec<Duration>| {
            times.sort();
            let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1)];
            format!(
                "p50={:.2?} p95={:.2?} p99={:.2?} max={:.2?}",
                at(0.50),
                at(0.95),
                at(0.99),
                times[times.len() - 1]
            )
        };
        println!("{name}: n={runs}\n    wall {}", line(&mut self.wall));
        if self.cpu.len() == runs {
            let total: Duration = self.cpu.iter().sum();
            println!("    cpu  mean={:.2?}", total / runs as u32);
        }
    }
}

/// Times `runs` calls of `f` and prints wall-clock percentiles and the mean CPU time.
fn percentiles(name: &str, runs: usize, mut f: impl FnMut()) {
    let mut samples = Samples::default();
    for _ in 0..runs {
        samples.time(&mut f);
    }
    samples.print(name);
}

/// How many saves the benchmarks make between two idle pauses, in which
/// the desktop app calls `Library::maintain`. Autosave comes 600 ms after
/// the last keystroke, so ten saves are some ten stretches of typing
/// without a pause of a few seconds.
const SAVES_BETWEEN_PAUSES: usize = 10;

/// Times `runs` saves, with `Library::maintain` after every `pause_every`
/// of them (never, with `None`), and prints the saves' times and, apart,
/// maintenance's.
fn saves(
    name: &str,
    lib: &mut Library,
    runs: usize,
    pause_every: Option<usize>,
    mut save: impl FnMut(&mut Library),
) {
    let mut saving = Samples::default();
    let mut maintaining = Samples::default();
    for i in 1..=runs {
        saving.time(|| save(lib));
        if pause_every.is_some_and(|n| i % n == 0) {
            let done = maintaining.time(|| lib.maintain(Duration::from_secs(1)).unwrap());
            assert!(done.index_merged, "{done:?}");
        }
    }
    match pause_every {
        Some(n) => {
            saving.print(&format!("{name}, maintained after every {n} saves"));
            maintaining.print(&format!("    maintain after {n} of those saves"));
        }
        None => saving.print(&format!("{name}, never maintained")),
    }
}

/// A 20,000-word draft saved two ways:
/// - typing: between two saves the writer changed one paragraph (the next
///   save's paragraph is far from the last one's), as autosave sees it;
/// - whole body replaced: every save is a different text (a paste over
///   everything), the worst case for re-indexing.
///
/// Each way is timed as the app saves (with `maintain` in the pauses,
/// timed apart) and with no maintenance at all, where the merges and
/// checkpoints fall inside saves.
fn save(c: &mut Criterion) {
    if skipped("save") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vocab = vocabulary();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let bodies = [
        text(&vocab, &mut rng, 20_000),
        text(&vocab, &mut rng, 20_000),
    ];
    let mut lib = open(&dir.path().join("save.db")).unwrap();
    let id = lib
        .create(&NewDraft {
            headline: "Long read".into(),
            body: bodies[0].clone(),
            ..NewDraft::default()
        })
        .unwrap()
        .id;

    let mut paragraphs: Vec<String> = bodies[0]
        .split_inclusive("\n\n")
        .map(str::to_owned)
        .collect();
    let mut edits = 0usize;
    let mut typing = |lib: &mut Library, kind| {
        edits += 1;
        let at = edits * 97 % paragraphs.len();
        let paragraph = &mut paragraphs[at];
        let end = paragraph.trim_end().len() - 1;
        paragraph.insert_str(end, &format!(" {}", vocab.pick(&mut rng)));
        let patch = DraftPatch {
            body: Some(paragraphs.concat()),
            ..DraftPatch::default()
        };
        black_box(lib.update(id, &patch, kind).unwrap());
    };
    let pause = Some(SAVES_BETWEEN_PAUSES);
    for (every, runs) in [(pause, 300), (None, 300)] {
        saves(
            "save 20,000 words, typing (autosave)",
            &mut lib,
            runs,
            every,
            |lib| typing(lib, SaveKind::Auto),
        );
        saves(
            "save 20,000 words, typing (explicit, with revision)",
            &mut lib,
            runs,
            every,
            |lib| typing(lib, SaveKind::Explicit),
        );
    }

    // Checkpointed, so that the library file holds every page.
    lib.maintain(Duration::from_secs(10)).unwrap();
    let size = std::fs::metadata(dir.path().join("save.db")).unwrap().len();
    println!(
        "library file after those 1,200 saves, 600 of them explicit: {:.1} MiB",
        size as f64 / (1 << 20) as f64
    );

    let mut turn = 0;
    let mut replace = |lib: &mut Library, kind| {
        turn += 1;
        // A word of its own in every paragraph: no part of the body (nor of
        // a revision, which keeps each part once) is one saved before.
        let patch = DraftPatch {
            body: Some(bodies[turn % 2].replace("\n\n", &format!(" v{turn}\n\n"))),
            ..DraftPatch::default()
        };
        black_box(lib.update(id, &patch, kind).unwrap());
    };
    for (every, runs) in [(pause, 300), (None, 300)] {
        saves(
            "save 20,000 words, whole body replaced (autosave)",
            &mut lib,
            runs,
            every,
            |lib| replace(lib, SaveKind::Auto),
        );
        saves(
            "save 20,000 words, whole body replaced (explicit, with revision)",
            &mut lib,
            runs,
            every,
            |lib| replace(lib, SaveKind::Explicit),
        );
    }

    // Criterion's means, with maintenance between its samples.
    lib.maintain(Duration::from_secs(10)).unwrap();
    let mut group = c.benchmark_group("save");
    group.bench_function("20k_words_typing_autosave", |b| {
        b.iter(|| typing(&mut lib, SaveKind::Auto))
    });
    lib.maintain(Duration::from_secs(10)).unwrap();
    group.bench_function("20k_words_replaced_autosave", |b| {
        b.iter(|| replace(&mut lib, SaveKind::Auto))
    });
    group.finish();
}

fn library_of_10k(c: &mut Criterion) {
    if skipped("library") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("10k.db");
    let started = Instant::now();
    build_library(&path, 10_000);
    println!(
        "built a library of 10,000 drafts in {:.1?}",
        started.elapsed()
    );

    let mut lib = open(&path).unwrap();
    // What a reporter types: a common word in most drafts, rarer words and
    // names, two words, and prefixes while typing (`tra` matches some 200
    // words). Each query is timed in turn.
    let queries = [
        "council",
        "mayor budget",
        "selda",
        "kerloing",
        "police gon",
        "tra",
        "minves",
        "quinorment",
        "harbour s",
    ];
    let mut q = 0;
    percentiles(
        "search 10,000 drafts (top 50), as imported, not maintained",
        400,
        || {
            q += 1;
            black_box(lib.search(queries[q % queries.len()], 50).unwrap());
        },
    );
    let started = Instant::now();
    let done = lib.maintain(Duration::from_secs(60)).unwrap();
    println!(
        "maintain after importing 10,000 drafts: {:.1?} ({} merge steps)",
        started.elapsed(),
        done.merge_steps
    );
    assert!(done.index_merged);
    for query in queries {
        let hits = lib.search(query, 50).unwrap().len();
        percentiles(
            &format!("  search {query:?} ({hits} hits shown)"),
            40,
            || {
                black_box(lib.search(query, 50).unwrap());
            },
        );
    }
    percentiles("search 10,000 drafts (top 50), maintained", 400, || {
        q += 1;
        black_box(lib.search(queries[q % queries.len()], 50).unwrap());
    });
    percentiles("list 10,000 drafts", 100, || {
        black_box(lib.list().unwrap());
    });
    percentiles("open a library of 10,000 drafts", 100, || {
        black_box(open(&path).unwrap());
    });
    assert_eq!(lib.list().unwrap().len(), 10_000);

    let mut group = c.benchmark_group("library_10k");
    group.bench_function("search", |b| {
        b.iter(|| {
            q += 1;
            black_box(lib.search(queries[q % queries.len()], 50).unwrap())
        })
    });
    group.bench_function("list", |b| b.iter(|| black_box(lib.list().unwrap())));
    group.bench_function("open", |b| b.iter(|| black_box(open(&path).unwrap())));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = save, library_of_10k
}
criterion_main!(benches);
