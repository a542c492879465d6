//! Find and replace over the document: a plugin that holds the query and its matches, draws
//! them as decorations, and commands for next, previous, replace and replace all.

import type { Node as PMNode } from "prosemirror-model";
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

export interface Match {
  from: number;
  to: number;
}

interface FindState {
  query: string;
  caseSensitive: boolean;
  matches: Match[];
  /** Index of the current match, -1 when there is none. */
  current: number;
  decorations: DecorationSet;
}

export const findKey = new PluginKey<FindState>("find");

type Meta = { query: string; caseSensitive: boolean } | { current: number };

/** All matches of `query` in the text of `doc`; a match never crosses a block boundary. */
export function findMatches(doc: PMNode, query: string, caseSensitive = false): Match[] {
  const out: Match[] = [];
  if (!query) return out;
  const needle = caseSensitive ? query : query.toLowerCase();
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // The block's text, with each non-text inline node as one placeholder character, so
    // string offsets are position offsets.
    let text = "";
    node.forEach((child) => {
      text += child.isText ? child.text : "\uFFFC";
    });
    const hay = caseSensitive ? text : text.toLowerCase();
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) {
      out.push({ from: pos + 1 + i, to: pos + 1 + i + needle.length });
    }
    return false;
  });
  return out;
}

function build(doc: PMNode, query: string, caseSensitive: boolean, current: number): FindState {
  const matches = findMatches(doc, query, caseSensitive);
  const cur = matches.length === 0 ? -1 : Math.min(Math.max(current, 0), matches.length - 1);
  const decorations = DecorationSet.create(
    doc,
    matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === cur ? "find-match find-current" : "find-match" })),
  );
  return { query, caseSensitive, matches, current: cur, decorations };
}

/** The find plugin. */
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => ({ query: "", caseSensitive: false, matches: [], current: -1, decorations: DecorationSet.empty }),
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(findKey) as Meta | undefined;
        if (meta && "query" in meta) {
          // Start from the first match at or after the cursor.
          const matches = findMatches(state.doc, meta.query, meta.caseSensitive);
          const at = matches.findIndex((m) => m.from >= state.selection.from);
          return build(state.doc, meta.query, meta.caseSensitive, at < 0 ? 0 : at);
        }
        if (meta && "current" in meta) return build(state.doc, prev.query, prev.caseSensitive, meta.current);
        if (tr.docChanged && prev.query) return build(state.doc, prev.query, prev.caseSensitive, prev.current);
        return prev;
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations,
    },
  });
}

type Dispatch = ((tr: Transaction) => void) | undefined;

/** Sets the search query (empty clears the search). */
export function setSearch(query: string, caseSensitive = false) {
  return (state: EditorState, dispatch?: Dispatch): boolean => {
    if (dispatch) dispatch(state.tr.setMeta(findKey, { query, caseSensitive }));
    return true;
  };
}

function select(state: EditorState, index: number, dispatch: Dispatch): boolean {
  const f = findKey.getState(state);
  if (!f || f.matches.length === 0) return false;
  const n = f.matches.length;
  const i = ((index % n) + n) % n;
  if (dispatch) {
    const m = f.matches[i];
    dispatch(state.tr.setMeta(findKey, { current: i }).setSelection(TextSelection.create(state.doc, m.from, m.to)).scrollIntoView());
  }
  return true;
}

/** Moves to the next match, wrapping around at the end. */
export function findNext(state: EditorState, dispatch?: Dispatch): boolean {
  const f = findKey.getState(state);
  return select(state, (f?.current ?? -1) + 1, dispatch);
}

/** Moves to the previous match, wrapping around at the start. */
export function findPrevious(state: EditorState, dispatch?: Dispatch): boolean {
  const f = findKey.getState(state);
  return select(state, (f?.current ?? 0) - 1, dispatch);
}

/** Replaces the current match and moves on to the next one. */
export function replaceCurrent(replacement: string) {
  return (state: EditorState, dispatch?: Dispatch): boolean => {
    const f = findKey.getState(state);
    if (!f || f.current < 0) return false;
    const m = f.matches[f.current];
    if (dispatch) {
      const tr = replacement ? state.tr.insertText(replacement, m.from, m.to) : state.tr.delete(m.from, m.to);
      const next = findMatches(tr.doc, f.query, f.caseSensitive).findIndex((x) => x.from >= m.from + replacement.length);
      tr.setMeta(findKey, { current: next < 0 ? 0 : next });
      dispatch(tr);
    }
    return true;
  };
}

/** Replaces every match in one step (undone in one step too). */
export function replaceAll(replacement: string) {
  return (state: EditorState, dispatch?: Dispatch): boolean => {
    const f = findKey.getState(state);
    if (!f || f.matches.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      // Back to front, so earlier positions stay valid.
      for (const m of [...f.matches].reverse()) {
        if (replacement) tr.insertText(replacement, m.from, m.to);
        else tr.delete(m.from, m.to);
      }
      dispatch(tr);
    }
    return true;
  };
}
