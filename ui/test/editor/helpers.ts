//! Shared test helpers: the fixture corpus and a summary of which blocks became raw.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node as PMNode } from "prosemirror-model";

export const FIXTURES = join(__dirname, "..", "fixtures", "markdown");

/** Every Markdown file of the corpus, name and text. */
export function corpus(): { name: string; text: string }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(FIXTURES, name), "utf8") }));
}

/** The source of every raw block in `doc`, in order. */
export function rawBlocks(doc: PMNode): string[] {
  const out: string[] = [];
  doc.descendants((n) => {
    if (n.type.name === "raw") out.push(n.attrs.source);
    return true;
  });
  return out;
}
