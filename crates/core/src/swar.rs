//! Eight bytes at a time in one `u64` (SIMD within a register), for the
//! loops that read every byte of a text: the word count of every save, the
//! checker's word ends and word starts, and its index of capital letters.
//!
//! A block is read little-endian, so the text's first byte is the lowest,
//! and a byte's answer is its high bit. The tests that use these compare
//! each fast path with its plain, byte-at-a-time definition.

/// Each byte's high bit.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// Each byte's low bit: `LOW * c` holds `c` in every byte.
pub(crate) const LOW: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` that is at least `c`, exact for bytes
/// below 128 (no sum carries into the next byte).
#[inline(always)]
pub(crate) fn at_least(x: u64, c: u8) -> u64 {
    x.wrapping_add(LOW * u64::from(128 - c)) & HIGH
}

/// The high bit of each byte of `x` that is an ASCII letter or digit,
/// exact for bytes below 128.
#[inline(always)]
pub(crate) fn alnum(x: u64) -> u64 {
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    let folded = x | (LOW * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    digit | letter
}

/// The high bit of each byte of `x` that is an ASCII capital, the others
/// clear, exact for every byte (a byte's arithmetic never borrows from the
/// next): the capital-letter index reads text of any script.
#[inline(always)]
pub(crate) fn capitals(x: u64) -> u64 {
    // Each byte becomes 0x80 | its low seven bits, so subtracting a byte
    // below 0x80 leaves the high bit set exactly when the low seven bits
    // are at least that byte.
    let y = x | HIGH;
    let from_a = y - LOW * u64::from(b'A');
    let past_z = y - LOW * u64::from(b'Z' + 1);
    from_a & !past_z & !x & HIGH
}

/// How many bytes of `marks` have their high bit set (and no other bit):
/// their sum lands in the top byte.
#[inline(always)]
pub(crate) fn count(marks: u64) -> u32 {
    ((marks >> 7).wrapping_mul(LOW) >> 56) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ASCII byte, at every place in a block, whatever its
    /// neighbours.
    #[test]
    fn classes_match_the_byte_definitions() {
        for b in 0..128u8 {
            for fill in [0u8, b' ', b'0', b'9', b'a', b'Z', b'@', b'[', 0x7F] {
                for pos in 0..8 {
                    let mut block = [fill; 8];
                    block[pos] = b;
                    let x = u64::from_le_bytes(block);
                    let bit = |m: u64, k: usize| m >> (8 * k + 7) & 1 == 1;
                    for (k, &c) in block.iter().enumerate() {
                        assert_eq!(bit(alnum(x), k), c.is_ascii_alphanumeric(), "{block:?}");
                        assert_eq!(bit(at_least(x, b'a'), k), c >= b'a', "{block:?}");
                    }
                    let digits = alnum(x) & !at_least(x, b'A');
                    let want = block.iter().filter(|c| c.is_ascii_digit()).count();
                    assert_eq!(count(digits) as usize, want, "{block:?}");
                }
            }
        }
    }

    /// `capitals` is exact on every byte, next to any byte: the index reads
    /// UTF-8 of any script.
    #[test]
    fn capitals_are_exact_on_every_byte() {
        for b in 0..=255u8 {
            for fill in [0u8, b'A', b'Z', b'a', b'@', b'[', 0x7F, 0x80, 0xC3, 0xFF] {
                for pos in 0..8 {
                    let mut block = [fill; 8];
                    block[pos] = b;
                    let got = capitals(u64::from_le_bytes(block));
                    for (k, &c) in block.iter().enumerate() {
                        assert_eq!(
                            got >> (8 * k + 7) & 1 == 1,
                            c.is_ascii_uppercase(),
                            "{block:?}"
                        );
                    }
                    assert_eq!(got & !HIGH, 0);
                }
            }
        }
    }
}
