//! Documents made in the editor (random text with Markdown-significant characters, marks and
//! blocks) serialize to Markdown that reopens as the same document.

import { describe, expect, it } from "vitest";
import type { Mark, Node as PMNode } from "prosemirror-model";
import { parseMarkdown, serializeMarkdown } from "../../src/editor/markdown";
import { schema } from "../../src/editor/schema";
import { rawBlocks } from "./helpers";

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "word", "Zoë", "👍🏽", " ", " ", "“", "”", "’", "*", "_", "**", "[", "]", "(", ")", "!", "<b>", "&amp;",
  "\\", "`", "#", "-", "+", "1.", "2)", ">", "=", "~~", "|", "snake_case", "5 * 3", "http://x.y", ".", ",",
];

function shape(node: PMNode): string {
  if (node.isText) {
    const marks = node.marks.filter((m: Mark) => m.type.name !== "escape").map((m: Mark) => m.type.name + (m.type.name === "link" ? `(${m.attrs.href})` : ""));
    return `${JSON.stringify(node.text)}${marks.length ? `{${marks.join(",")}}` : ""}`;
  }
  const kids: PMNode[] = [];
  node.forEach((c) => kids.push(c));
  if (node.isTextblock) {
    // Spaces at the edges of a line cannot be written in Markdown; the serializer drops them.
    const first = kids[0];
    if (first?.isText) kids[0] = first.text!.trimStart() ? schema.text(first.text!.trimStart(), first.marks) : schema.text("\u200b");
    const last = kids[kids.length - 1];
    if (last?.isText) kids[kids.length - 1] = last.text!.trimEnd() ? schema.text(last.text!.trimEnd(), last.marks) : schema.text("\u200b");
  }
  return `${node.type.name}(${kids.map(shape).filter((k) => k !== '"\u200b"').join(" ")})`;
}

function normalized(doc: PMNode): string {
  // Re-create through JSON without escape marks, so texts merge the same way on both sides.
  const json = JSON.parse(JSON.stringify(doc.toJSON()), (k, v) => (k === "marks" && Array.isArray(v) ? v.filter((m) => m.type !== "escape") : v));
  return shape(schema.nodeFromJSON(json));
}

function randomInline(r: () => number): PMNode[] {
  const out: PMNode[] = [];
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    let text = "";
    const len = 1 + Math.floor(r() * 5);
    for (let k = 0; k < len; k++) text += PIECES[Math.floor(r() * PIECES.length)];
    text = text.trim() || "x";
    const marks: Mark[] = [];
    if (r() < 0.25) marks.push(schema.marks.strong.create());
    if (r() < 0.25) marks.push(schema.marks.em.create());
    if (r() < 0.15) marks.push(schema.marks.link.create({ href: "https://example.org/a" }));
    if (r() < 0.1) {
      // A code span whose text has no backticks and no spaces at its edges.
      text = text.replace(/`/g, "'").trim() || "x";
      marks.push(schema.marks.code.create());
    }
    out.push(schema.text(text, marks));
    if (i < n - 1) out.push(schema.text(" "));
  }
  return out;
}

function randomBlock(r: () => number, depth = 0): PMNode {
  const k = r();
  if (k < 0.45 || depth > 1) return schema.nodes.paragraph.create(null, randomInline(r));
  if (k < 0.6) return schema.nodes.heading.create({ level: 1 + Math.floor(r() * 3) }, randomInline(r));
  if (k < 0.7) return schema.nodes.blockquote.create(null, [randomBlock(r, depth + 1)]);
  if (k < 0.85) {
    const type = r() < 0.5 ? schema.nodes.bullet_list : schema.nodes.ordered_list;
    const items = [0, 1].map(() => schema.nodes.list_item.create(null, [schema.nodes.paragraph.create(null, randomInline(r))]));
    return type.create(null, items);
  }
  if (k < 0.9) return schema.nodes.horizontal_rule.create();
  return schema.nodes.figure.create({ src: "a.png", alt: "alt" }, randomInline(r).filter((n) => !n.marks.some((m) => m.type.name === "em")));
}

describe("documents made in the editor reopen unchanged", () => {
  for (let seed = 1; seed <= 300; seed++) {
    it(`random document #${seed}`, () => {
      const r = rng(seed);
      const blocks = Array.from({ length: 3 + Math.floor(r() * 4) }, () => randomBlock(r));
      const doc = schema.nodes.doc.create(null, blocks);
      const md = serializeMarkdown(doc);
      const again = parseMarkdown(md);
      expect(rawBlocks(again)).toEqual([]);
      expect(normalized(again), md).toBe(normalized(doc));
      expect(serializeMarkdown(again)).toBe(md);
    });
  }
});

describe("any text opens and saves back byte for byte", () => {
  const ALPHABET = ["a", "b", " ", "  ", "\n", "\n\n", "\t", "*", "_", "-", "+", "#", ">", "1.", "2)", "[", "]", "(", ")", "!", "`", "~", "|", "<", "&", "\\", "=", "“", "’", "é", "👍🏽", "\r\n", "    ", "http://x"];
  for (let seed = 1; seed <= 200; seed++) {
    it(`random text #${seed}`, () => {
      const r = rng(1000 + seed);
      let text = "";
      const n = Math.floor(r() * 60);
      for (let k = 0; k < n; k++) text += ALPHABET[Math.floor(r() * ALPHABET.length)];
      const doc = parseMarkdown(text);
      doc.check(); // The document is valid for the schema.
      expect(serializeMarkdown(doc)).toBe(text);
    });
  }
});
