//! `serialize` reuses the Markdown of top-level blocks it wrote before (by node). Whatever the
//! edits, the result must be what writing every block afresh gives: the same Markdown and the
//! same position map.

import { describe, expect, it } from "vitest";
import { Node as PMNode } from "prosemirror-model";
import { EditorState, TextSelection } from "prosemirror-state";
import { parseMarkdown, serialize } from "../../src/editor/markdown";
import { schema } from "../../src/editor/schema";
import { corpus } from "./helpers";

/** The same document as new nodes, so nothing written before can be reused. */
const fresh = (doc: PMNode) => PMNode.fromJSON(schema, doc.toJSON());

function expectSameAsFresh(doc: PMNode): void {
  const reused = serialize(doc);
  const written = serialize(fresh(doc));
  expect(reused.markdown).toBe(written.markdown);
  expect(reused.map.chunks).toEqual(written.map.chunks);
}

/** Every text position of `doc`, in order. */
function textPositions(doc: PMNode): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) out.push(pos + 1, pos + node.content.size + 1);
    return true;
  });
  return out;
}

describe("serialize reuses unchanged blocks", () => {
  for (const { name, text } of corpus()) {
    it(`${name}: after typing, splitting and joining blocks`, () => {
      let state = EditorState.create({ doc: parseMarkdown(text) });
      // Written once whole, so every unchanged block is reused from here on.
      expect(serialize(state.doc).markdown).toBe(text.replace(/\r\n/g, "\n"));
      const positions = textPositions(state.doc);
      const picks = [positions[0], positions[Math.floor(positions.length / 2)], positions[positions.length - 1]];
      for (const pos of picks) {
        state = state.apply(state.tr.insertText("“Quoted *here*,” she said", pos));
        expectSameAsFresh(state.doc);
        // Enter: a new block in the middle of the document.
        const split = state.tr.setSelection(TextSelection.create(state.doc, pos + 3));
        state = state.apply(split.split(pos + 3));
        expectSameAsFresh(state.doc);
        // Backspace at the start of the new block joins it back.
        state = state.apply(state.tr.join(pos + 4));
        expectSameAsFresh(state.doc);
      }
    });
  }
});
