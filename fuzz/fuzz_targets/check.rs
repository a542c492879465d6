//! Fuzz target: any bytes in, the checker never panics, and every range it
//! returns lies within the text on character boundaries.
#![no_main]

use byline_core::check::check;
use byline_core::text::OffsetMap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = check(&text);
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    };
    let map = OffsetMap::new(&text);
    for q in &report.quotes {
        assert!(ok(&q.range), "quote range {:?}", q.range);
        assert_eq!(q.text, text[q.range.clone()]);
        assert!(map.chars(q.range.end) <= text.chars().count());
        if let Some(r) = &q.speaker_range {
            assert!(ok(r), "speaker range {r:?}");
        }
    }
    for i in &report.issues {
        assert!(ok(&i.range), "issue range {:?}", i.range);
        if let Some(f) = &i.fix {
            assert!(ok(&f.range), "fix range {:?}", f.range);
        }
    }
});
