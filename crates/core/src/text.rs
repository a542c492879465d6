//! Offsets in text. Core works in UTF-8 byte offsets; the edges speak other
//! units: Unicode code points (the CLI's JSON) and UTF-16 code units
//! (JavaScript in the UI). `OffsetMap` converts once per text.
//!
//! The map keeps a checkpoint every 64 bytes, so each lookup counts at most
//! 63 bytes whatever the order of the lookups; an ASCII text needs no table.

const STRIDE: usize = 64;

/// Converts byte offsets of one text to code-point or UTF-16 offsets.
pub struct OffsetMap<'a> {
    bytes: &'a [u8],
    /// Code points before each multiple of `STRIDE` (empty for ASCII).
    chars: Vec<u32>,
    /// UTF-16 code units before each multiple of `STRIDE`.
    utf16: Vec<u32>,
}

/// Whether `b` starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

impl<'a> OffsetMap<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return OffsetMap {
                bytes,
                chars: Vec::new(),
                utf16: Vec::new(),
            };
        }
        let n = bytes.len() / STRIDE + 1;
        let mut chars = Vec::with_capacity(n);
        let mut utf16 = Vec::with_capacity(n);
        let (mut c, mut u) = (0u32, 0u32);
        for chunk in bytes.chunks(STRIDE) {
            chars.push(c);
            utf16.push(u);
            for &b in chunk {
                c += starts_char(b) as u32;
                u += starts_char(b) as u32 + (b >= 0xF0) as u32;
            }
        }
        chars.push(c);
        utf16.push(u);
        OffsetMap {
            bytes,
            chars,
            utf16,
        }
    }

    /// Code points before byte offset `byte` (clamped to the text's length).
    pub fn chars(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.chars.is_empty() {
            return byte;
        }
        let k = byte / STRIDE;
        let base = self.chars[k] as usize;
        base + self.bytes[k * STRIDE..byte]
            .iter()
            .filter(|&&b| starts_char(b))
            .count()
    }

    /// UTF-16 code units before byte offset `byte` (clamped to the text's
    /// length).
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.utf16.is_empty() {
            return byte;
        }
        let k = byte / STRIDE;
        let base = self.utf16[k] as usize;
        base + self.bytes[k * STRIDE..byte]
            .iter()
            .map(|&b| starts_char(b) as usize + (b >= 0xF0) as usize)
            .sum::<usize>()
    }
}

/// Appends `text` escaped for HTML text or a double-quoted attribute. The
/// one escaper for everything core writes as HTML (export, search snippets).
pub fn push_html_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OffsetMap;

    #[test]
    fn agrees_with_counting_on_every_boundary() {
        let text = "Ahmad al-Sharaa said “Russia’s role” 𝄞 matters — ".repeat(9);
        let map = OffsetMap::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.chars(i), text[..i].chars().count(), "chars at {i}");
            assert_eq!(
                map.utf16(i),
                text[..i].chars().map(char::len_utf16).sum::<usize>(),
                "utf16 at {i}"
            );
        }
    }

    #[test]
    fn ascii_is_identity_and_clamps() {
        let map = OffsetMap::new("plain");
        assert_eq!(map.chars(3), 3);
        assert_eq!(map.utf16(99), 5);
    }
}
