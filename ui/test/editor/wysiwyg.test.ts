//! What the editor shows has the block structure and text of the HTML a CommonMark renderer
//! (markdown-it here; pulldown-cmark in the Rust export) makes from the stored Markdown.

import MarkdownIt from "markdown-it";
import { afterEach, describe, expect, it } from "vitest";
import { outline } from "../../src/editor/outline";
import { corpus, mount } from "./helpers";

afterEach(() => {
  document.body.innerHTML = "";
});

function rendered(markdown: string): Element {
  const div = document.createElement("div");
  div.innerHTML = new MarkdownIt({ html: true }).render(markdown);
  return div;
}

describe("editor view agrees with rendered HTML", () => {
  for (const { name, text } of corpus()) {
    if (name.startsWith("raw-")) continue; // Raw blocks show their source on purpose.
    it(name, () => {
      const e = mount(text);
      const shown = outline(e.view.dom);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown).toEqual(outline(rendered(text)));
    });
  }
});
