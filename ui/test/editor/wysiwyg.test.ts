//! What the editor shows has the block structure and text of the HTML that export writes for the
//! same Markdown. The expected HTML in `test/fixtures/export` is written by the Rust export itself
//! (byline-core's `export_editor_fixtures` test keeps those files equal to what export makes today),
//! so this compares the editor with pulldown-cmark's rendering through our export pipeline.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outline, type OutlineBlock } from "../../src/editor/outline";
import { corpus, FIXTURES, mount } from "./helpers";

afterEach(() => {
  document.body.innerHTML = "";
});

/**
 * Export finishes the typography (pulldown-cmark's smart punctuation: straight quotes become
 * curly, `--` a dash, `...` an ellipsis) where the editor keeps the characters the writer stored;
 * new typing in the editor is already typographic. Both sides are folded to plain marks so the
 * comparison is about blocks and words, not about that finishing step.
 */
function fold(blocks: OutlineBlock[]): OutlineBlock[] {
  const plain = (t: string) =>
    t
      .replace(/[“”]/g, '"')
      .replace(/[‘’]/g, "'")
      .replace(/—/g, "---")
      .replace(/–/g, "--")
      .replace(/…/g, "...");
  return blocks.map((b) => ({ tag: b.tag, text: plain(b.text) }));
}

/** The HTML export wrote for fixture `name`, parsed. */
function exported(name: string): Element {
  const div = document.createElement("div");
  div.innerHTML = readFileSync(join(FIXTURES, "..", "export", name.replace(/\.md$/, ".html")), "utf8");
  return div;
}

describe("editor view agrees with the exported HTML", () => {
  for (const { name, text } of corpus()) {
    if (name.startsWith("raw-")) continue; // Raw blocks show their source on purpose.
    it(name, () => {
      const e = mount(text);
      const shown = outline(e.view.dom);
      expect(shown.length).toBeGreaterThan(0);
      expect(fold(shown)).toEqual(fold(outline(exported(name))));
    });
  }
});
