//! Shared test helpers: the fixture corpus and a summary of which blocks became raw.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node as PMNode } from "prosemirror-model";
import { TextSelection } from "prosemirror-state";
import { createEditor, type Editor, type EditorOptions } from "../../src/editor";

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


/** Mounts an editor on a fresh element of the document. */
export function mount(markdown: string, options: Partial<EditorOptions> = {}): Editor {
  const element = document.createElement("div");
  document.body.append(element);
  return createEditor({ element, markdown, ...options });
}

/** Types `text` one character at a time, through the input rules like a keyboard would. */
export function type(editor: Editor, text: string): void {
  const view = editor.view;
  for (const ch of text) {
    const { from, to } = view.state.selection;
    const handled = view.someProp("handleTextInput", (f) => f(view, from, to, ch, () => view.state.tr.insertText(ch, from, to)));
    if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to));
  }
}

/** Presses a key with modifiers on the editor. */
export function press(editor: Editor, key: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}): void {
  const event = new KeyboardEvent("keydown", {
    key,
    ctrlKey: !!mods.ctrl,
    altKey: !!mods.alt,
    shiftKey: !!mods.shift,
    bubbles: true,
    cancelable: true,
  });
  editor.view.dom.dispatchEvent(event);
}

/** Puts the cursor at the end of the text block that contains `needle`, or selects `needle`. */
export function selectText(editor: Editor, needle: string, collapseToEnd = false): void {
  const view = editor.view;
  let found: { from: number; to: number } | null = null;
  view.state.doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const i = node.text!.indexOf(needle);
    if (i >= 0) found = { from: pos + i, to: pos + i + needle.length };
    return false;
  });
  if (!found) throw new Error(`text not found: ${needle}`);
  const { from, to } = found as { from: number; to: number };
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, collapseToEnd ? to : from, to)));
}
