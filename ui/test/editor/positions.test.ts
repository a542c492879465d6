//! The map between Markdown offsets (UTF-16) and document positions.

import { describe, expect, it } from "vitest";
import { parseMarkdown, serialize } from "../../src/editor/markdown";
import { toDocRange } from "../../src/editor/quoteCheck";
import { corpus } from "./helpers";

/** Maps the first occurrence of `needle` in the Markdown onto the document and reads it back. */
function roundTrip(markdown: string, needle: string): string {
  const doc = parseMarkdown(markdown);
  const { markdown: out, map } = serialize(doc);
  expect(out).toBe(markdown);
  const start = out.indexOf(needle);
  expect(start).toBeGreaterThanOrEqual(0);
  const { from, to } = toDocRange(map, start, start + needle.length);
  return doc.textBetween(from, to, "\n", "\uFFFC");
}

describe("Markdown offsets to document positions", () => {
  it("plain quote", () => {
    expect(roundTrip("He said “we are done” today.\n", "“we are done”")).toBe("“we are done”");
  });

  it("quote after bold and before a link", () => {
    const md = "**Mayor** Ana Díaz said “it’s *over*” and [left](https://x.org \"t\").\n";
    expect(roundTrip(md, "“it’s *over*”")).toBe("“it’s over”");
    expect(roundTrip(md, "said")).toBe("said");
  });

  it("quote inside a link and emphasis", () => {
    const md = "See [the *“full” statement*](https://x.org/é) — “Noted.”\n";
    expect(roundTrip(md, "“full”")).toBe("“full”");
    expect(roundTrip(md, "“Noted.”")).toBe("“Noted.”");
  });

  it("emoji and accented letters around quotes", () => {
    const md = "Zoë 👩‍👩‍👧 said “café 🇫🇷 ok” and 😤 left.\n\n> Ça va “très 👍🏽 bien”.\n";
    expect(roundTrip(md, "“café 🇫🇷 ok”")).toBe("“café 🇫🇷 ok”");
    expect(roundTrip(md, "“très 👍🏽 bien”")).toBe("“très 👍🏽 bien”");
    expect(roundTrip(md, "left")).toBe("left");
  });

  it("quotes in lists, headings and after escapes", () => {
    const md = "# A “headline” quote\n\n- one\n  - “nested” item\n\n5 \\* 3 is “fifteen”.\n";
    expect(roundTrip(md, "“headline”")).toBe("“headline”");
    expect(roundTrip(md, "“nested”")).toBe("“nested”");
    expect(roundTrip(md, "“fifteen”")).toBe("“fifteen”");
    expect(roundTrip(md, "\\* 3")).toBe("* 3");
  });

  it("a range spanning a soft break", () => {
    expect(roundTrip("“one\ntwo”\n", "“one\ntwo”")).toBe("“one\uFFFCtwo”");
  });

  it("maps document positions back to offsets", () => {
    const md = "**Bold** “q” 🇫🇷 end\n";
    const doc = parseMarkdown(md);
    const { map } = serialize(doc);
    const at = md.indexOf("end");
    const pos = map.toPos(at);
    expect(doc.textBetween(pos, pos + 3)).toBe("end");
    expect(map.toOffset(pos)).toBe(at);
  });

  for (const { name, text } of corpus()) {
    it(`every text chunk of ${name} reads the same in both`, () => {
      const doc = parseMarkdown(text);
      const { markdown, map } = serialize(doc);
      let exact = 0;
      for (const c of map.chunks) {
        if (!c.exact) continue;
        exact++;
        expect(doc.textBetween(c.pm, c.pm + c.pmLen)).toBe(markdown.slice(c.md, c.md + c.mdLen));
        expect(map.toPos(c.md)).toBe(c.pm);
        expect(map.toOffset(c.pm)).toBe(c.md);
      }
      expect(exact).toBeGreaterThan(0);
    });
  }
});
