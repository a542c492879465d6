// The UI's word count must agree with core's; these are core's own cases.
import { describe, expect, it } from "vitest";
import { formatUpdated, formatWords, readingMinutes, wordCount } from "./format";

describe("wordCount", () => {
  it("counts like core", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("Russia’s well-known ’90s  rock")).toBe(4);
    expect(wordCount("# Head\n\nOne, two — three.")).toBe(4);
  });
  it("agrees with core's character-by-character rule on random text", () => {
    // Core's loop, transcribed: the regular expression must count exactly like it.
    const byChar = (text: string) => {
      let n = 0;
      let inWord = false;
      for (const c of text) {
        if (/[\p{L}\p{N}]/u.test(c)) {
          if (!inWord) n++;
          inWord = true;
        } else if (!(inWord && "'’-‐".includes(c))) inWord = false;
      }
      return n;
    };
    const alphabet = ["a", "Z", "é", "ß", "7", "٣", "'", "’", "-", "‐", " ", "\n", ",", "—", "*", "#", "😀", "_"];
    let seed = 7;
    const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
    for (let i = 0; i < 500; i++) {
      let text = "";
      for (let j = rand(40); j > 0; j--) text += alphabet[rand(alphabet.length)];
      expect(wordCount(text), JSON.stringify(text)).toBe(byChar(text));
    }
  });
  it("formats", () => {
    expect(formatWords(1)).toBe("1 word");
    expect(formatWords(12345)).toBe("12,345 words");
  });
});

describe("formatUpdated", () => {
  const now = new Date(2026, 10, 29, 18, 30).getTime();
  it("is relative for recent times", () => {
    expect(formatUpdated(now - 10_000, now)).toBe("just now");
    expect(formatUpdated(now - 5 * 60_000, now)).toBe("5 min ago");
    expect(formatUpdated(new Date(2026, 10, 29, 9, 5).getTime(), now)).toBe("09:05");
  });
  it("gives dates for old times", () => {
    expect(formatUpdated(new Date(2026, 2, 3, 9, 5).getTime(), now)).toBe("3 Mar");
    expect(formatUpdated(new Date(2024, 2, 3, 9, 5).getTime(), now)).toBe("3 Mar 2024");
  });
});

describe("readingMinutes", () => {
  it("rounds at 230 words a minute, never below one", () => {
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
    expect(readingMinutes(20000)).toBe(87);
  });
});
