//! Markdown <-> ProseMirror document, lossless: parsing records the source's choices as
//! attributes, any top-level block that would not serialize back to its exact bytes is kept as
//! a `raw` node, and serialization records where every text node lands in the output.

import MarkdownIt, { type Token } from "markdown-it";
import { type Mark, type Node as PMNode } from "prosemirror-model";
import { schema } from "./schema";

const md = new MarkdownIt({ html: true });
// Keep escapes and entities as their own tokens so their source spelling survives.
md.disable("text_join");
// Keep link destinations exactly as written: no percent-encoding on the way in.
md.normalizeLink = (url: string) => url;
md.normalizeLinkText = (url: string) => url;

/** A piece of the serialized Markdown and the document range it came from. */
export interface Chunk {
  /** UTF-16 offset of the chunk in the Markdown output. */
  md: number;
  mdLen: number;
  /** ProseMirror position of the document range the chunk stands for. */
  pm: number;
  pmLen: number;
  /** True when the chunk is text copied character for character (mdLen == pmLen). */
  exact: boolean;
}

/** The result of serializing a document: the Markdown and its position map. */
export interface Serialized {
  markdown: string;
  map: PositionMap;
}

class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parses Markdown into a document. Never fails: what cannot be shown becomes a `raw` block. */
export function parseMarkdown(source: string): PMNode {
  try {
    return parseBlocks(source);
  } catch {
    // A bug of ours must not cost the writer their text: keep all of it as Markdown.
    return wholeRaw(source);
  }
}

function wholeRaw(source: string): PMNode {
  return schema.node("doc", { trailing: 0, leading: 0 }, [schema.node("raw", { source, blank: 0 })]);
}

function parseBlocks(source: string): PMNode {
  let text = source;
  let crlf = false;
  if (source.includes("\r")) {
    const lf = source.replace(/\r\n/g, "\n");
    const consistent = !lf.includes("\r") && source.split("\n").slice(0, -1).every((l) => l.endsWith("\r"));
    if (!consistent) {
      // Mixed or bare CR line endings: keep the whole text as it is.
      return wholeRaw(source);
    }
    text = lf;
    crlf = true;
  }
  const lines = text.split("\n");
  const tokens = md.parse(text, {});
  const blocks: PMNode[] = [];
  let cursor = 0;
  let leading = 0;

  const push = (node: PMNode, start: number, end: number) => {
    const count = start - cursor;
    const gapLines = lines.slice(cursor, start);
    const gap = gapLines.some((l) => l !== "") ? gapLines.join("\n") : null;
    if (blocks.length === 0) leading = count;
    const block = node.type.create({ ...node.attrs, blank: blocks.length === 0 ? 0 : count, gap }, node.content, node.marks);
    // The blank lines before a block are not part of its Markdown: it keeps the piece its check made.
    const written = pieces.get(node);
    if (written) pieces.set(block, written);
    blocks.push(block);
    cursor = end;
  };
  const blankLine = (l: string | undefined) => l !== undefined && l.trim() === "";
  const rawRegion = (start: number, end: number) => {
    // Lines not covered by any token (reference definitions); lines of spaces become gaps.
    let first = start;
    while (first < end && blankLine(lines[first])) first++;
    if (first === end) return;
    let last = end;
    while (blankLine(lines[last - 1])) last--;
    push(schema.node("raw", { source: lines.slice(first, last).join("\n") }), first, last);
  };

  let i = 0;
  while (i < tokens.length) {
    const open = tokens[i];
    const close = matchingClose(tokens, i);
    const map = open.map ?? [cursor, cursor];
    rawRegion(cursor, map[0]);
    let end = map[1];
    while (end > map[0] && lines[end - 1] === "") end--;
    const src = lines.slice(map[0], end).join("\n");
    let node: PMNode | null = null;
    try {
      const built = new Builder(lines).blocks(tokens, i, close + 1);
      if (built.length === 1) built[0].check();
      if (built.length === 1 && piece(built[0]).text === src) node = built[0];
    } catch {
      // Unsupported constructs, and anything the schema rejects, stay as Markdown.
    }
    push(node ?? schema.node("raw", { source: src }), map[0], end);
    i = close + 1;
  }
  rawRegion(cursor, lines.length);
  if (blocks.length === 0) {
    if (lines.some((l) => l !== "")) return wholeRaw(source);
    // An empty text stays empty; once written in, it ends with a newline (trailing -1).
    const trailing = source === "" ? -1 : lines.length - 1;
    return schema.node("doc", { trailing, crlf, leading: 0 }, [schema.node("paragraph", { blank: 0 })]);
  }
  const tailLines = lines.slice(cursor);
  const tail = tailLines.some((l) => l !== "") ? tailLines.join("\n") : null;
  return schema.node("doc", { trailing: lines.length - cursor, tail, crlf, leading }, blocks);
}

function matchingClose(tokens: Token[], i: number): number {
  if (tokens[i].nesting !== 1) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

/** Turns markdown-it block tokens into nodes, throwing `Unsupported` for anything else. */
class Builder {
  constructor(private lines: string[]) {}

  blocks(tokens: Token[], from: number, to: number): PMNode[] {
    const out: PMNode[] = [];
    let prevEnd = -1;
    for (let i = from; i < to; ) {
      const close = matchingClose(tokens, i);
      const t = tokens[i];
      const node = this.block(tokens, i, close);
      const map = t.map ?? [0, 0];
      const blank = prevEnd < 0 ? 0 : Math.max(0, map[0] - prevEnd);
      out.push(node.type.create({ ...node.attrs, blank }, node.content));
      prevEnd = this.contentEnd(map);
      i = close + 1;
    }
    return out;
  }

  /** One past the last line of `map` with content other than quote markers and spaces. */
  private contentEnd(map: [number, number]): number {
    let end = map[1];
    while (end > map[0] && /^[\s>]*$/.test(this.lines[end - 1] ?? "")) end--;
    return end;
  }

  private block(tokens: Token[], i: number, close: number): PMNode {
    const t = tokens[i];
    switch (t.type) {
      case "paragraph_open":
        return this.paragraph(tokens[i + 1]);
      case "heading_open": {
        const level = Number(t.tag.slice(1));
        const content = this.inline(tokens[i + 1]);
        const map = t.map!;
        if (t.markup === "=" || t.markup === "-") {
          return schema.node("heading", { level, setext: this.lines[map[1] - 1] }, content);
        }
        const m = /[ \t]+#+[ \t]*$/.exec(this.lines[map[0]]);
        return schema.node("heading", { level, closing: m && content.length > 0 ? m[0] : "" }, content);
      }
      case "hr": {
        // The rule itself, without the container prefixes of its line ("> ", "- ").
        const line = this.lines[t.map![0]];
        const m = /(?:\*[ \t]*){3,}$|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$/.exec(line);
        return schema.node("horizontal_rule", { markup: m ? m[0] : line });
      }
      case "blockquote_open":
        return schema.node("blockquote", null, this.blocks(tokens, i + 1, close));
      case "bullet_list_open":
        return schema.node("bullet_list", { marker: t.markup }, this.blocks(tokens, i + 1, close));
      case "ordered_list_open": {
        const items = this.blocks(tokens, i + 1, close);
        const numbers: string[] = [];
        for (let j = i + 1; j < close; j++) {
          if (tokens[j].type === "list_item_open" && tokens[j].level === t.level + 1) numbers.push(tokens[j].info);
        }
        const start = Number(numbers[0] ?? "1");
        const same = numbers.length > 1 && numbers.every((n) => n === numbers[0]);
        const attrs = { start, delim: t.markup, same };
        if (!numbers.every((n, k) => n === String(same ? start : start + k))) throw new Unsupported("list numbers");
        return schema.node("ordered_list", attrs, items);
      }
      case "list_item_open": {
        const children = this.blocks(tokens, i + 1, close);
        if (children.length === 0 || children[0].type !== schema.nodes.paragraph) throw new Unsupported("list item");
        return schema.node("list_item", null, children);
      }
      default:
        throw new Unsupported(t.type);
    }
  }

  private paragraph(inline: Token): PMNode {
    const content = this.inline(inline);
    const first = content[0];
    if (first && first.type === schema.nodes.image) {
      const attrs = { ...first.attrs, captionMarker: "*" };
      if (content.length === 1) return schema.node("figure", attrs);
      const rest = content.slice(2);
      const em = rest[0]?.marks.find((m) => m.type === schema.marks.em);
      if (
        content[1].type === schema.nodes.soft_break &&
        em &&
        rest.every((n) => n.isText && em.isInSet(n.marks) && n.marks.every((m) => m.type.name !== "em" || m.eq(em)))
      ) {
        const caption = rest.map((n) => n.mark(em.removeFromSet(n.marks)));
        return schema.node("figure", { ...attrs, captionMarker: em.attrs.marker }, caption);
      }
    }
    return schema.node("paragraph", null, content);
  }

  private inline(token: Token): PMNode[] {
    const out: PMNode[] = [];
    let marks: readonly Mark[] = [];
    const source = token.content;
    const breaks = [...source.matchAll(/(\\| {2,})\n/g)].map((m) => m[1]);
    let breakIndex = 0;
    const { em, strong, link, escape } = schema.marks;
    const titleQuote = (title: string | null) => {
      if (!title) return '"';
      if (source.includes(`"${title}"`)) return '"';
      if (source.includes(`'${title}'`)) return "'";
      if (source.includes(`(${title})`)) return "(";
      return '"';
    };
    const depth = () => marks.filter((m) => m.type !== escape).length;
    for (const t of token.children ?? []) {
      switch (t.type) {
        case "text":
          if (t.content) out.push(schema.text(t.content, marks));
          break;
        case "text_special":
          out.push(schema.text(t.content, escape.create({ markup: t.markup, text: t.content }).addToSet(marks)));
          break;
        case "em_open":
          marks = em.create({ marker: t.markup, depth: depth() }).addToSet(marks);
          break;
        case "strong_open":
          marks = strong.create({ marker: t.markup, depth: depth() }).addToSet(marks);
          break;
        case "em_close":
          marks = em.removeFromSet(marks);
          break;
        case "strong_close":
          marks = strong.removeFromSet(marks);
          break;
        case "link_open": {
          const href = String(t.attrGet("href") ?? "");
          const title = (t.attrGet("title") as string | null) ?? null;
          const auto = t.markup === "autolink";
          const angle = !auto && source.includes(`(<${href}>`);
          marks = link.create({ href, title, titleQuote: titleQuote(title), angle, auto, depth: depth() }).addToSet(marks);
          break;
        }
        case "link_close":
          marks = link.removeFromSet(marks);
          break;
        case "image": {
          const title = (t.attrGet("title") as string | null) ?? null;
          out.push(
            schema.node("image", { src: t.attrGet("src") ?? "", alt: t.content, title, titleQuote: titleQuote(title) }, undefined, marks),
          );
          break;
        }
        case "code_inline":
          out.push(schema.text(t.content, schema.marks.code.create({ markup: t.markup }).addToSet(marks)));
          break;
        case "softbreak":
          out.push(schema.node("soft_break", null, undefined, marks));
          break;
        case "hardbreak":
          out.push(schema.node("hard_break", { style: breaks[breakIndex++] ?? "\\" }, undefined, marks));
          break;
        default:
          throw new Unsupported(t.type);
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Serializing

interface Prefix {
  first: string;
  rest: string;
  used: boolean;
}

/** Builds the Markdown text line by line, with container prefixes, recording chunks. */
class Writer {
  out = "";
  chunks: Chunk[] = [];
  private started = false;
  private prefixes: Prefix[] = [];
  private lineStart = 0;
  private last = "";

  startLine(): void {
    if (this.started) this.append("\n");
    this.started = true;
    for (const p of this.prefixes) {
      this.append(p.used ? p.rest : p.first);
      p.used = true;
    }
    this.lineStart = this.out.length;
  }

  blankLine(): void {
    if (this.started) this.append("\n");
    this.started = true;
    this.append(this.prefixes.map((p) => (p.used ? p.rest : p.first)).join("").trimEnd());
  }

  atLineStart(): boolean {
    return this.out.length === this.lineStart;
  }

  /** The last character written (reading `out` itself would flatten the string each time). */
  lastChar(): string {
    return this.last;
  }

  withPrefix(first: string, rest: string, body: () => void): void {
    this.prefixes.push({ first, rest, used: false });
    body();
    this.prefixes.pop();
  }

  write(s: string): void {
    this.append(s);
  }

  private append(s: string): void {
    if (s.length === 0) return;
    this.out += s;
    this.last = s.charAt(s.length - 1);
  }

  /**
   * Starts a line with a top-level block written earlier on its own (`text` and its chunks,
   * relative to the block's start and to document position `pm`).
   */
  block(piece: Piece, pm: number): void {
    if (this.started) this.append("\n");
    this.started = true;
    const base = this.out.length;
    for (const c of piece.chunks) this.chunks.push({ md: base + c.md, mdLen: c.mdLen, pm: pm + c.pm, pmLen: c.pmLen, exact: c.exact });
    this.append(piece.text);
    this.lineStart = base + piece.text.lastIndexOf("\n") + 1;
  }

  /** Writes `s` standing for document range [pm, pm + pmLen). */
  mapped(s: string, pm: number, pmLen: number, exact: boolean): void {
    if (s.length === 0) return;
    this.chunks.push({ md: this.out.length, mdLen: s.length, pm, pmLen, exact });
    this.append(s);
  }
}

/** A top-level block's Markdown, and its chunks relative to the block. */
interface Piece {
  text: string;
  chunks: Chunk[];
}

/**
 * The Markdown of each top-level block, by node. Nodes never change, and a keystroke makes
 * one new top-level node, so serializing after an edit writes one block and copies the rest:
 * the autosave and the live check cost time in proportion to the edit, not the draft.
 */
const pieces = new WeakMap<PMNode, Piece>();

function piece(node: PMNode): Piece {
  let p = pieces.get(node);
  if (!p) {
    // A block's Markdown depends only on the block: a top-level block starts a line with no
    // container prefix, and the character before it is a line break (or nothing).
    const w = new Writer();
    writeBlock(w, node, 0);
    p = { text: w.out, chunks: w.chunks };
    pieces.set(node, p);
  }
  return p;
}

/** Serializes a document to Markdown, with the map from Markdown offsets to positions. */
export function serialize(doc: PMNode): Serialized {
  const w = new Writer();
  let prev: PMNode | null = null;
  doc.forEach((block, offset, index) => {
    if (block.attrs.gap != null) {
      // Blank lines with spaces in them, exactly as they were.
      for (const line of (block.attrs.gap as string).split("\n")) {
        w.blankLine();
        w.write(line);
      }
    } else {
      const count = index === 0 ? (doc.attrs.leading ?? 0) : blankLines(block, doc);
      for (let k = 0; k < count; k++) w.blankLine();
    }
    const distinct = distinctList(block, prev);
    if (distinct === block) w.block(piece(block), offset);
    else writeBlock(w, distinct, offset);
    prev = block;
  });
  if (doc.attrs.trailing < 0) w.write(w.out === "" ? "" : "\n");
  else w.write(doc.attrs.tail != null ? `\n${doc.attrs.tail}` : "\n".repeat(doc.attrs.trailing));
  return { markdown: w.out, map: new PositionMap(w.chunks, doc.content.size) };
}

/** The Markdown the editor stores for `doc`, with the source's line endings. */
export function serializeMarkdown(doc: PMNode): string {
  const text = serialize(doc).markdown;
  return doc.attrs.crlf ? text.replace(/\n/g, "\r\n") : text;
}


/** Blank lines to write before `child` of `parent` (not its first child). */
function blankLines(child: PMNode, parent: PMNode): number {
  if (child.attrs.blank != null) return child.attrs.blank;
  const list = child.type.name === "bullet_list" || child.type.name === "ordered_list";
  return parent.type.name === "list_item" && list ? 0 : 1;
}

function writeChildren(w: Writer, node: PMNode, pos: number): void {
  let prev: PMNode | null = null;
  node.forEach((child, offset, index) => {
    if (index > 0) for (let k = 0; k < blankLines(child, node); k++) w.blankLine();
    writeBlock(w, distinctList(child, prev), pos + 1 + offset);
    prev = child;
  });
}

/**
 * Two lists in a row with the same markers would read back as one list, so the second one
 * switches to the other marker (`-`/`*`, `.`/`)`). Parsed documents never need this.
 */
function distinctList(node: PMNode, prev: PMNode | null): PMNode {
  if (!prev || prev.type !== node.type) return node;
  if (node.type.name === "bullet_list" && prev.attrs.marker === node.attrs.marker) {
    return node.type.create({ ...node.attrs, marker: node.attrs.marker === "-" ? "*" : "-" }, node.content);
  }
  if (node.type.name === "ordered_list" && prev.attrs.delim === node.attrs.delim) {
    return node.type.create({ ...node.attrs, delim: node.attrs.delim === "." ? ")" : "." }, node.content);
  }
  return node;
}

function writeBlock(w: Writer, node: PMNode, pos: number): void {
  const a = node.attrs;
  switch (node.type.name) {
    case "paragraph":
      w.startLine();
      writeInline(w, node, pos + 1);
      break;
    case "heading": {
      const setext = a.level <= 2 && a.setext ? a.setext.replace(/[=-]/g, a.level === 1 ? "=" : "-") : "";
      w.startLine();
      if (setext) {
        writeInline(w, node, pos + 1, "\n");
        w.startLine();
        w.write(setext);
      } else {
        w.write("#".repeat(a.level) + (node.content.size > 0 ? " " : ""));
        writeInline(w, node, pos + 1);
        if (node.content.size > 0) w.write(a.closing);
      }
      break;
    }
    case "horizontal_rule":
      w.startLine();
      w.mapped(a.markup, pos, 1, false);
      break;
    case "blockquote":
      w.withPrefix("> ", "> ", () => writeChildren(w, node, pos));
      break;
    case "bullet_list":
      node.forEach((item, offset, index) => {
        if (index > 0) for (let k = 0; k < blankLines(item, node); k++) w.blankLine();
        const marker = `${a.marker} `;
        w.withPrefix(marker, " ".repeat(marker.length), () => writeChildren(w, item, pos + 1 + offset));
      });
      break;
    case "ordered_list":
      node.forEach((item, offset, index) => {
        if (index > 0) for (let k = 0; k < blankLines(item, node); k++) w.blankLine();
        const marker = `${a.same ? a.start : a.start + index}${a.delim} `;
        w.withPrefix(marker, " ".repeat(marker.length), () => writeChildren(w, item, pos + 1 + offset));
      });
      break;
    case "figure": {
      w.startLine();
      w.write(imageMarkdown(a));
      let caption = false;
      node.forEach((n) => {
        caption ||= !n.isText || n.text!.trim() !== "";
      });
      if (caption) {
        w.startLine();
        w.write(a.captionMarker);
        writeInline(w, node, pos + 1, a.captionMarker);
        w.write(a.captionMarker);
      }
      break;
    }
    case "raw": {
      for (const line of (a.source as string).split("\n")) {
        w.startLine();
        w.mapped(line, pos, 1, false);
      }
      break;
    }
    default:
      throw new Error(`cannot serialize ${node.type.name}`);
  }
}

function titlePart(title: string | null, quote: string): string {
  if (title == null) return "";
  const close = quote === "(" ? ")" : quote;
  return ` ${quote}${title}${close}`;
}

function imageMarkdown(a: Record<string, any>): string {
  return `![${a.alt}](${a.src}${titlePart(a.title, a.titleQuote)})`;
}

function markOpen(m: Mark): string {
  switch (m.type.name) {
    case "em":
    case "strong":
      return m.attrs.marker;
    case "link":
      return m.attrs.auto ? "<" : "[";
    case "code":
      return m.attrs.markup;
    default:
      return "";
  }
}

function markClose(m: Mark): string {
  switch (m.type.name) {
    case "em":
    case "strong":
      return m.attrs.marker;
    case "link": {
      if (m.attrs.auto) return ">";
      const dest = m.attrs.angle ? `<${m.attrs.href}>` : m.attrs.href;
      return `](${dest}${titlePart(m.attrs.title, m.attrs.titleQuote)})`;
    }
    case "code":
      return m.attrs.markup;
    default:
      return "";
  }
}

/** Writes the inline content of `parent`; `closing` is the delimiter written right after it. */
function writeInline(w: Writer, parent: PMNode, start: number, closing = ""): void {
  const atx = parent.type.name === "heading" && closing === "";
  const children: { node: PMNode; pos: number }[] = [];
  parent.forEach((node, offset) => children.push({ node, pos: start + offset }));
  const shown = (n: PMNode | undefined) => (n ? n.marks.filter((m) => m.type.name !== "escape") : []);
  const stack: Mark[] = [];
  const extent = (m: Mark, from: number) => {
    let k = from;
    while (k < children.length && m.isInSet(children[k].node.marks)) k++;
    return k - from;
  };
  /** How many marks at the bottom of the stack stay open for a node with `marks`. */
  const kept = (marks: readonly Mark[]) => {
    let keep = 0;
    while (keep < stack.length && stack[keep].isInSet(marks)) keep++;
    return keep;
  };
  const closeTo = (keep: number) => {
    while (stack.length > keep) w.write(markClose(stack.pop()!));
  };
  // For each child, the text from it to the end of its line: block markers are judged on it.
  const lineRest: string[] = new Array(children.length);
  let rest = "";
  for (let k = children.length - 1; k >= 0; k--) {
    const n = children[k].node;
    if (n.type.name === "soft_break" || n.type.name === "hard_break") rest = "";
    else rest = (n.isText ? n.text! : "\uFFFC") + rest;
    lineRest[k] = rest;
  }
  children.forEach(({ node, pos }, i) => {
    const marks = shown(node);
    const next = children[i + 1]?.node;
    closeTo(kept(marks));
    const opening = marks.filter((m) => !m.isInSet(stack));
    // Code spans cannot hold markup, so they always open innermost.
    const isCode = (m: Mark) => (m.type.name === "code" ? 1 : 0);
    opening.sort(
      (x, y) =>
        isCode(x) - isCode(y) || extent(y, i) - extent(x, i) || (x.attrs.depth ?? 0) - (y.attrs.depth ?? 0) || markRank(x) - markRank(y),
    );
    const esc = node.marks.find((m) => m.type.name === "escape");
    // Autolinks and code spans are written as they are, without escapes.
    const verbatim = (m: Mark) => (m.type.name === "link" && m.attrs.auto) || m.type.name === "code";
    const plain = node.isText && !esc && !marks.some(verbatim);
    let text = node.text ?? "";
    let at = pos;
    if (plain) {
      // Markdown cannot keep spaces at the start or end of a line, nor just inside emphasis
      // delimiters: drop the former, move the latter outside the marks.
      const lead = /^\s*/.exec(text)![0].length;
      const edge = w.atLineStart() || i === 0;
      if (lead > 0 && (edge || opening.length > 0)) {
        if (!edge) w.mapped(text.slice(0, lead), at, lead, true);
        text = text.slice(lead);
        at += lead;
      }
      if (text.length === 0) return;
    }
    for (const m of opening) {
      w.write(markOpen(m));
      stack.push(m);
    }
    const inLink = stack.some((m) => m.type.name === "link");
    const auto = stack.some(verbatim);
    if (node.isText) {
      if (auto) {
        w.mapped(text, at, text.length, true);
      } else if (esc && text === esc.attrs.text.repeat(text.length / esc.attrs.text.length)) {
        const one = esc.attrs.text.length;
        for (let k = 0; k < text.length; k += one) w.mapped(esc.attrs.markup, at + k, one, false);
      } else {
        const lineEnds = !next || next.type.name === "soft_break" || next.type.name === "hard_break";
        const keepNext = kept(shown(next));
        const trail = /\s*$/.exec(text)![0].length;
        const body = lineEnds || keepNext < stack.length ? text.slice(0, text.length - trail) : text;
        // What follows the text: the first closing delimiter, else the next node's first character.
        const trimmed = body.length < text.length;
        const after =
          keepNext < stack.length
            ? markClose(stack[stack.length - 1]).charAt(0)
            : trimmed && !lineEnds
              ? " "
              : next
                ? firstChar(next, marks)
                : closing;
        const line = lineRest[i].slice(at - pos);
        writeText(w, body, at, after, inLink, line, atx && !next && keepNext === stack.length);
        if (body.length < text.length) {
          closeTo(keepNext);
          if (!lineEnds) w.mapped(text.slice(body.length), at + body.length, text.length - body.length, true);
        }
      }
    } else if (node.type.name === "image") {
      w.mapped(imageMarkdown(node.attrs), at, 1, false);
    } else if (node.type.name === "hard_break") {
      w.mapped(node.attrs.style, at, 1, false);
      w.startLine();
    } else if (node.type.name === "soft_break") {
      w.startLine();
    }
  });
  closeTo(0);
}

/** The first Markdown character `node` will produce when it follows text with `marks`. */
function firstChar(node: PMNode, marks: readonly Mark[]): string {
  for (const m of node.marks) {
    if (m.type.name !== "escape" && !m.isInSet(marks)) return markOpen(m).charAt(0);
  }
  if (node.isText) return node.text!.charAt(0);
  if (node.type.name === "image") return "!";
  return "\n";
}

const PUNCT = /[!-/:-@[-`{-~]/;
const SPACE = /\s/;
const ALNUM = /[\p{L}\p{N}]/u;

/** Writes plain text, escaping only the characters that would otherwise become markup. */
function writeText(w: Writer, text: string, pos: number, after: string, inLink: boolean, line: string, headingEnd = false): void {
  let run = 0; // start of the pending exact run
  const flush = (to: number) => {
    if (to > run) w.mapped(text.slice(run, to), pos + run, to - run, true);
  };
  const lineStart = w.atLineStart();
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    const prev = j > 0 ? text[j - 1] : w.lastChar() || " ";
    const next = j + 1 < text.length ? text[j + 1] : after || " ";
    let escape = false;
    switch (c) {
      case "\\":
        escape = PUNCT.test(next) || next === "\n";
        break;
      case "*":
        escape = !(SPACE.test(prev) && SPACE.test(next));
        break;
      case "_":
        escape = !((ALNUM.test(prev) && ALNUM.test(next)) || (SPACE.test(prev) && SPACE.test(next)));
        break;
      case "`":
        escape = true;
        break;
      case "~":
        escape = prev === "~" || next === "~";
        break;
      case "[":
        escape = inLink || /^[^\]]*\](\(|\[)/.test(text.slice(j + 1));
        break;
      case "]":
        escape = inLink;
        break;
      case "!":
        escape = j === text.length - 1 && after === "[";
        break;
      case "<":
        escape = /[A-Za-z/!?]/.test(next);
        break;
      case "#":
        // A run of # at the end of an ATX heading would be read as its closing sequence.
        escape = headingEnd && SPACE.test(prev) && /^#+\s*$/.test(text.slice(j));
        break;
      case "&":
        escape = /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text.slice(j));
        break;
    }
    if (!escape && lineStart && j === 0) escape = lineStartEscape(line);
    if (!escape && lineStart && j > 0 && /^\d+$/.test(text.slice(0, j)) && (c === "." || c === ")")) {
      escape = j <= 9 && (line.length === j + 1 || /\s/.test(line[j + 1]));
    }
    if (escape) {
      flush(j);
      w.mapped(`\\${c}`, pos + j, 1, false);
      run = j + 1;
    }
  }
  flush(text.length);
}

/** Whether the first character of a line must be escaped to stay text. */
function lineStartEscape(line: string): boolean {
  const c = line.charAt(0);
  if (c === "#") return /^#{1,6}(\s|$)/.test(line);
  if (c === ">") return true;
  if (c === "-" || c === "+" || c === "*") {
    if (/^[-+*](\s|$)/.test(line)) return true;
  }
  if (c === "=" || c === "-" || c === "*" || c === "_") return /^[=\-*_ ]+$/.test(line);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Position map

/** Maps UTF-16 offsets in the serialized Markdown to document positions and back. */
export class PositionMap {
  constructor(
    readonly chunks: readonly Chunk[],
    private docSize: number,
  ) {}

  /**
   * The document position for Markdown offset `offset`. Offsets inside markup (emphasis
   * markers, link syntax) move forward to the next text with `"start"` and back to the end of
   * the previous text with `"end"`, so a range maps onto the text it covers.
   */
  toPos(offset: number, bias: "start" | "end" = "start"): number {
    const cs = this.chunks;
    // The last chunk starting at or before `offset`.
    let lo = 0;
    let hi = cs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid].md <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) {
      const c = cs[found];
      if (bias === "end" && offset === c.md && found > 0 && c.exact) {
        // Prefer the end of the previous chunk when it touches this one.
        const p = cs[found - 1];
        if (p.md + p.mdLen === offset) return p.pm + p.pmLen;
      }
      if (offset < c.md + c.mdLen || (offset === c.md + c.mdLen && bias === "end")) {
        if (c.exact) return c.pm + (offset - c.md);
        return bias === "start" && offset === c.md ? c.pm : bias === "start" ? c.pm : c.pm + c.pmLen;
      }
      if (bias === "end") return c.pm + c.pmLen;
    }
    const next = cs[found + 1];
    if (next) return next.pm;
    return this.docSize;
  }

  /** The Markdown offset where document position `pos` lands (text positions are exact). */
  toOffset(pos: number): number {
    for (const c of this.chunks) {
      if (pos >= c.pm && pos < c.pm + c.pmLen) return c.exact ? c.md + (pos - c.pm) : c.md;
      if (pos === c.pm + c.pmLen && c.exact) {
        const following = this.chunks.find((d) => d.pm === pos);
        return following ? following.md : c.md + c.mdLen;
      }
    }
    const before = [...this.chunks].reverse().find((c) => c.pm + c.pmLen <= pos);
    return before ? before.md + before.mdLen : 0;
  }
}

const MARK_ORDER = ["link", "em", "strong", "code", "escape"];

/** Opening order for marks that start and end together: link outside, then em, strong, code. */
function markRank(m: Mark): number {
  return MARK_ORDER.indexOf(m.type.name);
}
