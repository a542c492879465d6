//! The Byline body editor: `createEditor` mounts a ProseMirror view over a Markdown body and
//! returns the commands, find/replace and live-check hooks the app shell needs.

import { baseKeymap, chainCommands, exitCode, lift, setBlockType, toggleMark, wrapIn } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { undoInputRule } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import type { MarkType, Node as PMNode, NodeType } from "prosemirror-model";
import { liftListItem, sinkListItem, splitListItem, wrapInList } from "prosemirror-schema-list";
import { type Command, EditorState, type Plugin, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { findNext, findPlugin, findPrevious, replaceAll, replaceCurrent, setSearch, findKey } from "./find";
import { parseMarkdown, serialize, serializeMarkdown } from "./markdown";
import { layOutAfterFirstFrame } from "./lazyLayout";
import { cleanPastedHTML } from "./paste";
import { RawBlockView } from "./rawView";
import { applyFix, type Checker, type CheckResult, type Fix, latestResult, mapRange, quoteCheck } from "./quoteCheck";
import { schema } from "./schema";
import { typography } from "./typography";

export { schema } from "./schema";
export { parseMarkdown, serialize, serializeMarkdown, PositionMap } from "./markdown";
export type { Checker, CheckResult, Fix, IssueFinding, QuoteFinding } from "./quoteCheck";

export interface LinkRequest {
  href: string;
  title: string | null;
}

export interface EditorOptions {
  element: HTMLElement;
  markdown: string;
  /** Called after changes of the document with the new Markdown. */
  onChange?: (markdown: string) => void;
  /**
   * Coalesces `onChange` calls: with a delay, one call `changeDelay` ms after the last change
   * (serializing a 20,000-word body takes tens of ms, too long for every keystroke). 0, the
   * default, calls it synchronously after each change. `flush()` and `destroy()` deliver a
   * pending change at once.
   */
  changeDelay?: number;
  /** The quote checker; without it there is no live checking. */
  check?: Checker;
  /** Debounce of the live check in ms (default 120, at most 150). */
  checkDelay?: number;
  onCheckResult?: (result: CheckResult) => void;
  /** Called after every state change (typing, selection moves): refresh the toolbar here. */
  onStateChange?: (active: ActiveState) => void;
  /** Ctrl+F: the app opens its find bar. */
  onFindRequest?: () => void;
  /** Ctrl+K: asks for a link; resolve null to cancel, an empty href to remove the link. */
  onLinkRequest?: (current: LinkRequest | null) => LinkRequest | null | Promise<LinkRequest | null>;
}

export interface ImageSpec {
  src: string;
  alt?: string;
  title?: string | null;
  caption?: string;
}

/** What the toolbar shows as pressed for the current selection. */
export interface ActiveState {
  bold: boolean;
  italic: boolean;
  link: boolean;
  /** Heading level of the block at the cursor, 0 when not a heading. */
  heading: number;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
}

export interface FindApi {
  /** Sets the query and returns the number of matches. */
  search(query: string, caseSensitive?: boolean): number;
  next(): boolean;
  previous(): boolean;
  replace(replacement: string): boolean;
  replaceAll(replacement: string): number;
  /** The number of matches and the 0-based index of the current one (-1 when none). */
  status(): { count: number; current: number };
  clear(): void;
}

export interface Editor {
  view: EditorView;
  getMarkdown(): string;
  setMarkdown(markdown: string): void;
  focus(): void;
  /** Delivers a pending (delayed) `onChange` now. */
  flush(): void;
  /** Whether a change waits for its (delayed) `onChange`: until it is delivered, nobody else
   * knows of it, so the app must not report the draft as saved. */
  hasPendingChange(): boolean;
  destroy(): void;
  toggleBold(): boolean;
  toggleItalic(): boolean;
  /** Sets the link on the selection (null or "" removes it); with an empty selection inside a
   * link, changes that whole link; with an empty selection elsewhere, inserts the URL as text. */
  setLink(href: string | null, title?: string | null): boolean;
  /** Makes the current block a heading of `level`; the same level again makes it a paragraph. */
  setHeading(level: 1 | 2 | 3): boolean;
  bulletList(): boolean;
  orderedList(): boolean;
  blockquote(): boolean;
  horizontalRule(): boolean;
  insertImage(image: ImageSpec): boolean;
  undo(): boolean;
  redo(): boolean;
  find: FindApi;
  /** Applies a checker fix to the current document. */
  applyFix(fix: Fix): boolean;
  /** Selects and scrolls to a range given in Markdown offsets of the last check. */
  revealRange(start: number, end: number): boolean;
  latestCheck(): CheckResult | null;
  /** Toolbar state for the current selection. */
  active(): ActiveState;
}

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** The toolbar state of `state`. */
export function activeState(state: EditorState): ActiveState {
  const { $from } = state.selection;
  const within = (type: NodeType) => {
    for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
    return false;
  };
  const parent = $from.parent;
  let innermostList: NodeType | null = null;
  for (let d = $from.depth; d > 0 && !innermostList; d--) {
    const t = $from.node(d).type;
    if (t === schema.nodes.bullet_list || t === schema.nodes.ordered_list) innermostList = t;
  }
  return {
    bold: markActive(state, schema.marks.strong),
    italic: markActive(state, schema.marks.em),
    link: markActive(state, schema.marks.link),
    heading: parent.type === schema.nodes.heading ? parent.attrs.level : 0,
    bulletList: innermostList === schema.nodes.bullet_list,
    orderedList: innermostList === schema.nodes.ordered_list,
    blockquote: within(schema.nodes.blockquote),
  };
}

// ---------------------------------------------------------------------------------------------
// Commands

function markRange(state: EditorState, type: MarkType): { from: number; to: number } | null {
  const { $from } = state.selection;
  const mark = type.isInSet($from.marks()) ?? ($from.nodeBefore && type.isInSet($from.nodeBefore.marks));
  if (!mark) return null;
  const parent = $from.parent;
  const start = $from.start();
  let from = -1;
  let to = -1;
  let inRun = false;
  let found = false;
  parent.forEach((child, offset) => {
    if (found) return;
    const has = mark.isInSet(child.marks);
    const s = start + offset;
    if (has && !inRun) {
      from = s;
      inRun = true;
    }
    if (has) to = s + child.nodeSize;
    if (!has && inRun) {
      if ($from.pos >= from && $from.pos <= to) found = true;
      else inRun = false;
    }
  });
  if (!found && !(inRun && $from.pos >= from && $from.pos <= to)) return null;
  return { from, to };
}

/** The link command behind `setLink` and Ctrl+K. */
export function setLinkCommand(href: string | null, title: string | null = null): Command {
  return (state, dispatch) => {
    const link = schema.marks.link;
    let { from, to, empty } = state.selection;
    if (empty) {
      const range = markRange(state, link);
      if (range) ({ from, to } = range);
    }
    if (dispatch) {
      const tr = state.tr;
      if (!href) {
        tr.removeMark(from, to, link);
      } else if (from === to) {
        tr.insertText(href, from);
        tr.addMark(from, from + href.length, link.create({ href, title }));
      } else {
        tr.removeMark(from, to, link);
        tr.addMark(from, to, link.create({ href, title }));
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

function setHeadingCommand(level: number): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const node = $from.parent;
    if (node.type === schema.nodes.heading && node.attrs.level === level) {
      return setBlockType(schema.nodes.paragraph)(state, dispatch);
    }
    if (node.type === schema.nodes.heading && $from.sameParent(state.selection.$to)) {
      // Changing the level keeps the heading's source style (setext, closing hashes).
      if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(), undefined, { ...node.attrs, level }));
      return true;
    }
    return setBlockType(schema.nodes.heading, { level })(state, dispatch);
  };
}

/** Wraps in a list of `type`, or lifts out of it when already inside one. */
function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    for (let d = $from.depth; d > 0; d--) {
      const n = $from.node(d);
      if (n.type === type) return liftListItem(schema.nodes.list_item)(state, dispatch);
      if (n.type === schema.nodes.bullet_list || n.type === schema.nodes.ordered_list) {
        if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(d), type));
        return true;
      }
    }
    return wrapInList(type)(state, dispatch);
  };
}

function toggleBlockquote(): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    for (let d = $from.depth; d > 0; d--) {
      if ($from.node(d).type === schema.nodes.blockquote) return lift(state, dispatch);
    }
    return wrapIn(schema.nodes.blockquote)(state, dispatch);
  };
}

function insertBlock(node: PMNode): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const tr = state.tr.replaceSelectionWith(node);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

const insertHardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
  return true;
});

/** Enter in a figure caption leaves the figure for a new paragraph below it. */
const leaveFigure: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type !== schema.nodes.figure) return false;
  if (dispatch) {
    const after = $from.after();
    const tr = state.tr.insert(after, schema.nodes.paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

// ---------------------------------------------------------------------------------------------
// The editor

export function createEditor(options: EditorOptions): Editor {
  const { element } = options;

  const requestLink: Command = (state, _dispatch, view) => {
    const range = markRange(state, schema.marks.link);
    let current: LinkRequest | null = null;
    if (range) {
      const mark = state.doc.nodeAt(range.from)?.marks.find((m) => m.type === schema.marks.link);
      if (mark) current = { href: mark.attrs.href, title: mark.attrs.title };
    }
    const ask =
      options.onLinkRequest ??
      ((cur: LinkRequest | null) => {
        const href = typeof window !== "undefined" && window.prompt ? window.prompt("Link address", cur?.href ?? "https://") : null;
        return href === null ? null : { href, title: cur?.title ?? null };
      });
    void Promise.resolve(ask(current)).then((answer) => {
      if (!answer || !view) return;
      setLinkCommand(answer.href || null, answer.title)(view.state, view.dispatch);
      view.focus();
    });
    return true;
  };

  const plugins: Plugin[] = [
    typography(),
    history(),
    keymap({
      "Mod-z": undo,
      "Shift-Mod-z": redo,
      "Mod-y": redo,
      Backspace: undoInputRule,
      "Mod-b": toggleMark(schema.marks.strong),
      "Mod-i": toggleMark(schema.marks.em),
      "Mod-k": requestLink,
      "Mod-Alt-1": setHeadingCommand(1),
      "Mod-Alt-2": setHeadingCommand(2),
      "Mod-Alt-3": setHeadingCommand(3),
      "Mod-Alt-0": setBlockType(schema.nodes.paragraph),
      "Shift-Enter": insertHardBreak,
      "Mod-Enter": insertHardBreak,
      Enter: chainCommands(leaveFigure, splitListItem(schema.nodes.list_item)),
      Tab: sinkListItem(schema.nodes.list_item),
      "Shift-Tab": liftListItem(schema.nodes.list_item),
      "Mod-f": () => {
        options.onFindRequest?.();
        return options.onFindRequest !== undefined;
      },
      F3: findNext,
      "Shift-F3": findPrevious,
    }),
    keymap(baseKeymap),
    findPlugin(),
  ];
  if (options.check) {
    plugins.push(
      quoteCheck(options.check, {
        delay: options.checkDelay,
        onResult: (result) => options.onCheckResult?.(result),
      }),
    );
  }

  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  const deliver = () => {
    if (changeTimer !== undefined) clearTimeout(changeTimer);
    changeTimer = undefined;
    options.onChange?.(serializeMarkdown(view.state.doc));
  };
  const changed = () => {
    if (!options.onChange) return;
    if (!options.changeDelay) return deliver();
    if (changeTimer !== undefined) clearTimeout(changeTimer);
    changeTimer = setTimeout(deliver, options.changeDelay);
  };

  const makeState = (markdown: string) => {
    const start = performance.now();
    const doc = parseMarkdown(markdown);
    // User timings, read by scripts/bench-ui.mjs to split the time to open a draft.
    performance.measure("byline:parse", { start });
    return EditorState.create({ doc, plugins });
  };

  const initial = makeState(options.markdown);
  let stopLayout = layOutAfterFirstFrame(element.ownerDocument, initial.doc.childCount);
  const view: EditorView = new EditorView(element, {
    state: initial,
    attributes: { class: "byline-editor", "data-testid": "editor", spellcheck: "true" },
    transformPastedHTML: cleanPastedHTML,
    nodeViews: {
      raw: (node, view, getPos) => new RawBlockView(node, view, getPos),
    },
    dispatchTransaction(tr) {
      const before = view.state.doc;
      view.updateState(view.state.apply(tr));
      if (view.state.doc !== before) changed();
      options.onStateChange?.(activeState(view.state));
    },
  });


  const run = (cmd: Command) => cmd(view.state, view.dispatch, view);

  const find: FindApi = {
    search(query, caseSensitive = false) {
      run(setSearch(query, caseSensitive));
      return findKey.getState(view.state)?.matches.length ?? 0;
    },
    next: () => run(findNext),
    previous: () => run(findPrevious),
    replace: (replacement) => run(replaceCurrent(replacement)),
    replaceAll(replacement) {
      const n = findKey.getState(view.state)?.matches.length ?? 0;
      return run(replaceAll(replacement)) ? n : 0;
    },
    status() {
      const f = findKey.getState(view.state);
      return { count: f?.matches.length ?? 0, current: f?.current ?? -1 };
    },
    clear: () => void run(setSearch("")),
  };

  return {
    view,
    getMarkdown: () => serializeMarkdown(view.state.doc),
    setMarkdown(markdown) {
      if (changeTimer !== undefined) clearTimeout(changeTimer);
      changeTimer = undefined;
      const state = makeState(markdown);
      const start = performance.now();
      stopLayout();
      stopLayout = layOutAfterFirstFrame(element.ownerDocument, state.doc.childCount);
      view.updateState(state);
      performance.measure("byline:render", { start });
    },
    focus: () => view.focus(),
    flush() {
      if (changeTimer !== undefined) deliver();
    },
    hasPendingChange: () => changeTimer !== undefined,
    destroy() {
      if (changeTimer !== undefined) deliver();
      stopLayout();
      view.destroy();
    },
    toggleBold: () => run(toggleMark(schema.marks.strong)),
    toggleItalic: () => run(toggleMark(schema.marks.em)),
    setLink: (href, title = null) => run(setLinkCommand(href, title)),
    setHeading: (level) => run(setHeadingCommand(level)),
    bulletList: () => run(toggleList(schema.nodes.bullet_list)),
    orderedList: () => run(toggleList(schema.nodes.ordered_list)),
    blockquote: () => run(toggleBlockquote()),
    horizontalRule: () => run(insertBlock(schema.nodes.horizontal_rule.create())),
    insertImage(image) {
      const caption = image.caption ? [schema.text(image.caption)] : [];
      const node = schema.nodes.figure.create({ src: image.src, alt: image.alt ?? "", title: image.title ?? null }, caption);
      return run(insertBlock(node));
    },
    undo: () => run(undo),
    redo: () => run(redo),
    find,
    applyFix: (fix) => applyFix(view, fix),
    revealRange(start, end) {
      const range = mapRange(view.state, start, end);
      if (!range) return false;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
      return true;
    },
    latestCheck: () => latestResult(view.state),
    active: () => activeState(view.state),
  };
}

/** The Markdown and position map the checker sees for the editor's current document. */
export function checkedText(editor: Editor): ReturnType<typeof serialize> {
  return serialize(editor.view.state.doc);
}
