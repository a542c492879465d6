//! Live quote checking: runs an async checker over the serialized Markdown (debounced), maps its
//! UTF-16 ranges onto document positions and draws quotes and issues as decorations.

import type { Node as PMNode } from "prosemirror-model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { Mapping } from "prosemirror-transform";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { type PositionMap, serialize } from "./markdown";

/** A quotation the checker found; offsets are UTF-16 offsets into the Markdown. */
export interface QuoteFinding {
  start: number;
  end: number;
  /** The resolved speaker, or null when the quote is unattributed. */
  speaker: string | null;
  kind: string;
}

export interface Fix {
  start: number;
  end: number;
  insert: string;
}

export interface IssueFinding {
  code: string;
  severity: string;
  start: number;
  end: number;
  message: string;
  fix?: Fix;
}

export interface CheckResult {
  quotes: QuoteFinding[];
  issues: IssueFinding[];
}

export type Checker = (markdown: string) => Promise<CheckResult>;

export interface QuoteCheckOptions {
  /** Debounce delay in milliseconds after the last change (at most 150). */
  delay?: number;
  /** Called with every fresh result, e.g. to fill the quotes panel. */
  onResult?: (result: CheckResult, view: EditorView) => void;
}

interface CheckState {
  result: CheckResult | null;
  /** The position map of the Markdown the result was computed on. */
  positions: PositionMap | null;
  /** Maps positions of the checked document to the current one. */
  mapping: Mapping;
  decorations: DecorationSet;
}

export const quoteCheckKey = new PluginKey<CheckState>("quoteCheck");

interface ResultMeta {
  result: CheckResult;
  positions: PositionMap;
}

/** The speaker index of every speaker, in order of first appearance; unattributed quotes get none. */
export function speakerIndex(quotes: QuoteFinding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const q of quotes) if (q.speaker && !out.has(q.speaker)) out.set(q.speaker, out.size);
  return out;
}

/** Document range for a Markdown range; an empty range stays empty. */
export function toDocRange(positions: PositionMap, start: number, end: number): { from: number; to: number } {
  const from = positions.toPos(start, "start");
  if (end <= start) return { from, to: from };
  return { from, to: Math.max(from, positions.toPos(end, "end")) };
}

/** An inline decoration, or a node decoration when the range is a raw Markdown block. */
function decoration(doc: PMNode, from: number, to: number, attrs: Record<string, string>): Decoration {
  const node = doc.nodeAt(from);
  if (node && node.type.name === "raw" && to <= from + node.nodeSize) {
    return Decoration.node(from, from + node.nodeSize, attrs);
  }
  return Decoration.inline(from, to, attrs);
}

function decorate(doc: PMNode, result: CheckResult, positions: PositionMap): DecorationSet {
  const decos: Decoration[] = [];
  const speakers = speakerIndex(result.quotes);
  for (const q of result.quotes) {
    const { from, to } = toDocRange(positions, q.start, q.end);
    if (to <= from) continue;
    const index = q.speaker ? speakers.get(q.speaker)! : -1;
    decos.push(
      decoration(doc, from, to, {
        class: index >= 0 ? `quote quote-speaker-${index % 8}` : "quote quote-unattributed",
        "data-speaker": q.speaker ?? "",
      }),
    );
  }
  for (const issue of result.issues) {
    let { from, to } = toDocRange(positions, issue.start, issue.end);
    // A point issue (say, a missing mark) underlines the character after it.
    if (to <= from) to = Math.min(from + 1, doc.content.size);
    if (to <= from) continue;
    decos.push(
      decoration(doc, from, to, {
        class: `issue issue-${issue.severity}`,
        title: issue.message,
        "data-code": issue.code,
      }),
    );
  }
  return DecorationSet.create(doc, decos);
}

/**
 * The quote-check plugin. It only asks again when the document changed, waits `delay` ms
 * after the last change, and drops a result if the document changed while it was computed.
 */
export function quoteCheck(check: Checker, options: QuoteCheckOptions = {}): Plugin<CheckState> {
  const delay = Math.min(options.delay ?? 120, 150);
  return new Plugin<CheckState>({
    key: quoteCheckKey,
    state: {
      init: () => ({ result: null, positions: null, mapping: new Mapping(), decorations: DecorationSet.empty }),
      apply(tr: Transaction, prev: CheckState): CheckState {
        const meta = tr.getMeta(quoteCheckKey) as ResultMeta | undefined;
        if (meta) {
          return {
            result: meta.result,
            positions: meta.positions,
            mapping: new Mapping(),
            decorations: decorate(tr.doc, meta.result, meta.positions),
          };
        }
        if (!tr.docChanged) return prev;
        const mapping = prev.mapping.slice();
        mapping.appendMapping(tr.mapping);
        return { ...prev, mapping, decorations: prev.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => quoteCheckKey.getState(state)?.decorations,
    },
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let latest = 0;
      let destroyed = false;
      const run = () => {
        timer = undefined;
        const doc = view.state.doc;
        const { markdown, map } = serialize(doc);
        const ticket = ++latest;
        check(markdown).then(
          (result) => {
            // Stale: a newer check was started, or the document moved on.
            if (destroyed || ticket !== latest || view.state.doc !== doc) return;
            view.dispatch(view.state.tr.setMeta(quoteCheckKey, { result, positions: map } satisfies ResultMeta));
            options.onResult?.(result, view);
          },
          () => {
            // A failed check leaves the previous findings in place; the next edit retries.
          },
        );
      };
      const schedule = () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(run, delay);
      };
      schedule();
      return {
        update(v, prevState) {
          if (v.state.doc !== prevState.doc) {
            latest++; // Any check in flight is now stale.
            schedule();
          }
        },
        destroy() {
          destroyed = true;
          if (timer !== undefined) clearTimeout(timer);
        },
      };
    },
  });
}

/** The latest findings and the document range of a Markdown range in the current document. */
export function mapRange(state: EditorState, start: number, end: number): { from: number; to: number } | null {
  const s = quoteCheckKey.getState(state);
  if (!s || !s.positions) return null;
  const r = toDocRange(s.positions, start, end);
  const from = s.mapping.map(r.from, 1);
  const to = r.to === r.from ? from : s.mapping.map(r.to, -1);
  return { from, to: Math.max(from, to) };
}

/** Applies a checker fix: replaces its (mapped) range with its text. */
export function applyFix(view: EditorView, fix: Fix): boolean {
  const range = mapRange(view.state, fix.start, fix.end);
  if (!range) return false;
  view.dispatch(view.state.tr.insertText(fix.insert, range.from, range.to));
  return true;
}

/** The latest checker result, or null before the first one arrives. */
export function latestResult(state: EditorState): CheckResult | null {
  return quoteCheckKey.getState(state)?.result ?? null;
}
