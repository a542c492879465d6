//! The editor's ProseMirror schema: the Markdown constructs Byline shows as WYSIWYG, with
//! attributes that remember the source's choices so a document serializes back byte for byte.

import { Schema, type DOMOutputSpec, type Node as PMNode } from "prosemirror-model";

/**
 * Every block remembers how many blank lines came before it in the source; null (a block the
 * writer made) lets the serializer choose: none before a list nested in an item, else one.
 * `gap` holds those lines verbatim when some of them held spaces (top level only).
 */
const blank = { blank: { default: null }, gap: { default: null } };

export const schema = new Schema({
  nodes: {
    doc: {
      content: "block+",
      // `leading` counts blank lines before the first block, `trailing` the newlines after the
      // last one (-1: none while the document is empty, then one; `tail` holds the text after
      // the last block verbatim when it has spaces);
      // `crlf` is set when every line of the source ended in CRLF.
      attrs: { leading: { default: 0 }, trailing: { default: 1 }, tail: { default: null }, crlf: { default: false } },
    },
    paragraph: {
      group: "block",
      content: "inline*",
      attrs: { ...blank },
      parseDOM: [{ tag: "p" }],
      toDOM: (): DOMOutputSpec => ["p", 0],
    },
    heading: {
      group: "block",
      content: "inline*",
      defining: true,
      // `setext` holds the underline of a setext heading ("" for ATX); `closing` holds an ATX
      // closing sequence such as " ##".
      attrs: { level: { default: 1 }, setext: { default: "" }, closing: { default: "" }, ...blank },
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node: PMNode): DOMOutputSpec => [`h${node.attrs.level}`, 0],
    },
    blockquote: {
      group: "block",
      content: "block+",
      defining: true,
      attrs: { ...blank },
      parseDOM: [{ tag: "blockquote" }],
      toDOM: (): DOMOutputSpec => ["blockquote", 0],
    },
    horizontal_rule: {
      group: "block",
      attrs: { markup: { default: "---" }, ...blank },
      parseDOM: [{ tag: "hr" }],
      toDOM: (): DOMOutputSpec => ["hr"],
    },
    bullet_list: {
      group: "block",
      content: "list_item+",
      attrs: { marker: { default: "-" }, ...blank },
      parseDOM: [{ tag: "ul" }],
      toDOM: (): DOMOutputSpec => ["ul", 0],
    },
    ordered_list: {
      group: "block",
      content: "list_item+",
      // `same` is set when every item repeats the start number ("1. 1. 1.").
      attrs: { start: { default: 1 }, delim: { default: "." }, same: { default: false }, ...blank },
      parseDOM: [
        {
          tag: "ol",
          getAttrs: (dom: HTMLElement) => ({
            start: dom.hasAttribute("start") ? Number(dom.getAttribute("start")) || 1 : 1,
          }),
        },
      ],
      toDOM: (node: PMNode): DOMOutputSpec =>
        node.attrs.start === 1 ? ["ol", 0] : ["ol", { start: node.attrs.start }, 0],
    },
    list_item: {
      content: "paragraph block*",
      defining: true,
      attrs: { blank: { default: 0 } },
      parseDOM: [{ tag: "li" }],
      toDOM: (): DOMOutputSpec => ["li", 0],
    },
    figure: {
      // An image on its own line, optionally followed by an italic caption line.
      group: "block",
      content: "inline*",
      marks: "link strong code escape",
      defining: true,
      attrs: {
        src: { default: "" },
        alt: { default: "" },
        title: { default: null },
        titleQuote: { default: '"' },
        captionMarker: { default: "*" },
        ...blank,
      },
      parseDOM: [
        {
          tag: "figure",
          contentElement: "figcaption",
          getAttrs: (dom: HTMLElement) => {
            const img = dom.querySelector("img");
            if (!img) return false;
            return { src: img.getAttribute("src") ?? "", alt: img.getAttribute("alt") ?? "", title: img.getAttribute("title") };
          },
        },
      ],
      toDOM: (node: PMNode): DOMOutputSpec => [
        "figure",
        ["img", { src: node.attrs.src, alt: node.attrs.alt, title: node.attrs.title, contenteditable: "false" }],
        ["figcaption", 0],
      ],
    },
    raw: {
      // A Markdown construct the editor cannot show (a table, raw HTML, a reference
      // definition...). It is kept verbatim and shown as source in a muted box.
      group: "block",
      atom: true,
      selectable: true,
      attrs: { source: { default: "" }, ...blank },
      parseDOM: [{ tag: "pre[data-raw-markdown]", preserveWhitespace: "full", getAttrs: (dom: HTMLElement) => ({ source: dom.textContent ?? "" }) }],
      toDOM: (node: PMNode): DOMOutputSpec => [
        "pre",
        { "data-raw-markdown": "", class: "raw-markdown", title: "Kept as Markdown: the editor cannot show this", contenteditable: "false" },
        node.attrs.source,
      ],
    },
    text: { group: "inline" },
    image: {
      inline: true,
      group: "inline",
      draggable: true,
      attrs: { src: { default: "" }, alt: { default: "" }, title: { default: null }, titleQuote: { default: '"' } },
      parseDOM: [
        {
          tag: "img[src]",
          getAttrs: (dom: HTMLElement) => ({ src: dom.getAttribute("src"), alt: dom.getAttribute("alt") ?? "", title: dom.getAttribute("title") }),
        },
      ],
      toDOM: (node: PMNode): DOMOutputSpec => ["img", { src: node.attrs.src, alt: node.attrs.alt, title: node.attrs.title }],
    },
    hard_break: {
      inline: true,
      group: "inline",
      selectable: false,
      // `style` is what ended the line in the source: two or more spaces, or a backslash.
      attrs: { style: { default: "\\" } },
      parseDOM: [{ tag: "br" }],
      toDOM: (): DOMOutputSpec => ["br"],
    },
    soft_break: {
      // A plain line break inside a paragraph in the source; published as a space.
      inline: true,
      group: "inline",
      selectable: false,
      parseDOM: [{ tag: "span.soft-break" }],
      toDOM: (): DOMOutputSpec => ["span", { class: "soft-break" }, " "],
    },
  },
  // `depth` on link, em and strong is how many of these marks were already open where the
  // source opened this one, so `**[a](u)**` and `[**a**](u)` both come back as written.
  marks: {
    link: {
      attrs: {
        href: {},
        title: { default: null },
        titleQuote: { default: '"' },
        angle: { default: false },
        auto: { default: false },
        depth: { default: 0 },
      },
      inclusive: false,
      parseDOM: [
        {
          tag: "a[href]",
          getAttrs: (dom: HTMLElement) => {
            const href = dom.getAttribute("href") ?? "";
            // Pasted links keep only safe destinations.
            if (/^\s*(javascript|vbscript|data):/i.test(href)) return false;
            return { href, title: dom.getAttribute("title") || null };
          },
        },
      ],
      toDOM: (mark): DOMOutputSpec => ["a", { href: mark.attrs.href, title: mark.attrs.title }, 0],
    },
    em: {
      attrs: { marker: { default: "*" }, depth: { default: 0 } },
      parseDOM: [{ tag: "i" }, { tag: "em" }, { style: "font-style=italic" }],
      toDOM: (): DOMOutputSpec => ["em", 0],
    },
    strong: {
      attrs: { marker: { default: "**" }, depth: { default: 0 } },
      parseDOM: [
        { tag: "strong" },
        // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold.
        { tag: "b", getAttrs: (dom: HTMLElement) => (/^(normal|[1-5]00)$/.test(dom.style.fontWeight) ? false : null) },
        { style: "font-weight", getAttrs: (value: string) => (/^(bold(er)?|[6-9]00)$/.test(value) ? null : false) },
      ],
      toDOM: (): DOMOutputSpec => ["strong", 0],
    },
    code: {
      // An inline code span; `markup` is its backtick fence.
      attrs: { markup: { default: "`" } },
      parseDOM: [{ tag: "code" }],
      toDOM: (): DOMOutputSpec => ["code", 0],
    },
    escape: {
      // Text that the source wrote as a backslash escape or an entity (`\*`, `&amp;`):
      // `markup` is the source spelling of one such character.
      attrs: { markup: {}, text: {} },
      inclusive: false,
      excludes: "",
      toDOM: (): DOMOutputSpec => ["span", { class: "md-escape" }, 0],
    },
  },
});
