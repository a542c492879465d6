//! Offsets in text. Core works in UTF-8 byte offsets; the edges speak other
//! units: Unicode code points (the CLI's JSON) and UTF-16 code units
//! (JavaScript in the UI). `OffsetMap` converts once per text.

/// Converts byte offsets of one text to code-point or UTF-16 offsets.
pub struct OffsetMap<'a> {
    text: &'a str,
}

impl<'a> OffsetMap<'a> {
    pub fn new(text: &'a str) -> Self {
        OffsetMap { text }
    }

    /// Code points before byte offset `byte` (which must be a char boundary).
    pub fn chars(&self, byte: usize) -> usize {
        self.text[..byte].chars().count()
    }

    /// UTF-16 code units before byte offset `byte`.
    pub fn utf16(&self, byte: usize) -> usize {
        self.text[..byte].chars().map(char::len_utf16).sum()
    }
}
