//! Lossless round trip over the fixture corpus and targeted Markdown cases.

import { describe, expect, it } from "vitest";
import { parseMarkdown, serializeMarkdown } from "../../src/editor/markdown";
import { corpus, rawBlocks } from "./helpers";

/** Files where some blocks are expected to be raw, with how each raw block starts. */
const RAW_EXPECTED: Record<string, string[]> = {
  "raw-constructs.md": ["| District", "<div", "```js", "    indented", "A footnote", "[m]:", "Some `inline"],
};

function same(markdown: string): void {
  expect(serializeMarkdown(parseMarkdown(markdown))).toBe(markdown);
}

describe("fixture corpus round trip", () => {
  for (const { name, text } of corpus()) {
    it(name, () => {
      const doc = parseMarkdown(text);
      expect(serializeMarkdown(doc)).toBe(text);
      const raw = rawBlocks(doc).map((s) => s);
      const expected = RAW_EXPECTED[name] ?? [];
      expect(raw.length, `raw blocks: ${JSON.stringify(raw)}`).toBe(expected.length);
      raw.forEach((s, i) => expect(s.startsWith(expected[i])).toBe(true));
    });
  }
});

describe("targeted round trips", () => {
  const cases: [string, string][] = [
    ["empty", ""],
    ["only newlines", "\n\n"],
    ["star emphasis", "a *b* c\n"],
    ["underscore emphasis", "a _b_ c\n"],
    ["strong both", "**a** and __b__\n"],
    ["nested em strong", "***both*** and *it **bold** it*\n"],
    ["atx closing", "## Heading ##\n"],
    ["setext h2", "Title\n-----\n"],
    ["hr stars", "***\n"],
    ["hr spaced", "- - -\n"],
    ["hr underscores", "___\n"],
    ["plus bullets", "+ a\n+ b\n"],
    ["ordered paren start", "7) a\n8) b\n"],
    ["hard break spaces", "a  \nb\n"],
    ["hard break backslash", "a\\\nb\n"],
    ["soft break", "a\nb\n"],
    ["entity", "AT&amp;T\n"],
    ["escaped star", "5 \\* 3\n"],
    ["unescaped lone star", "5 * 3\n"],
    ["brackets sic", "He said [sic] it.\n"],
    ["intraword underscore", "snake_case_name\n"],
    ["curly quotes", "“Yes,” she said. ‘No.’ It’s the ’90s.\n"],
    ["emoji", "👍🏽 ok 🇫🇷\n"],
    ["link title", '[a](http://x.y "t")\n'],
    ["autolink", "<https://example.org>\n"],
    ["figure", '![alt](a.png "t")\n*Caption*\n'],
    ["blockquote nested", "> a\n>\n> > b\n"],
    ["nested list", "- a\n  - b\n    - c\n- d\n"],
    ["ordered nested in bullet", "- a\n  1. b\n  2. c\n"],
    ["many trailing newlines", "a\n\n\n"],
    ["two heading levels", "# A\n\n###### F\n"],
  ];
  for (const [name, markdown] of cases) it(name, () => same(markdown));

  it("keeps unsupported constructs as raw blocks, byte for byte", () => {
    const text = "Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nOutro.\n";
    const doc = parseMarkdown(text);
    expect(rawBlocks(doc)).toEqual(["| a | b |\n|---|---|\n| 1 | 2 |"]);
    expect(serializeMarkdown(doc)).toBe(text);
  });

  it("keeps lines of spaces between, before and after blocks without raw boxes", () => {
    for (const text of ["a\n   \nb\n", "  \n\na\n", "a\n\n \t\n", "# T\n \n\n  \n- x\n"]) {
      const doc = parseMarkdown(text);
      expect(rawBlocks(doc), JSON.stringify(text)).toEqual([]);
      expect(serializeMarkdown(doc)).toBe(text);
    }
    same("   \n");
  });

  it("keeps a file with mixed line endings whole", () => {
    same("a\r\nb\nc\r");
  });

  it("keeps CRLF files as CRLF", () => {
    const doc = parseMarkdown("# T\r\n\r\nbody\r\n");
    expect(doc.attrs.crlf).toBe(true);
    expect(rawBlocks(doc)).toEqual([]);
    expect(serializeMarkdown(doc)).toBe("# T\r\n\r\nbody\r\n");
  });

  it("records source choices as attributes", () => {
    const doc = parseMarkdown("* a\n\n3) b\n\n___\n\n_x_ __y__\n");
    expect(doc.child(0).attrs.marker).toBe("*");
    expect(doc.child(1).attrs).toMatchObject({ start: 3, delim: ")" });
    expect(doc.child(2).attrs.markup).toBe("___");
    const p = doc.child(3);
    expect(p.child(0).marks[0].attrs.marker).toBe("_");
    expect(p.child(2).marks[0].attrs.marker).toBe("__");
  });
});
