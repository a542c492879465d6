//! The block outline of rendered HTML (tag and text of each block), for checking that what the
//! editor shows agrees with what export writes: "what you see is what is exported".

export interface OutlineBlock {
  /** Block kind: p, h1..h6, li, blockquote, hr, figure, pre. */
  tag: string;
  /** The block's own text, whitespace collapsed. */
  text: string;
}

const BLOCKS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "HR", "FIGURE", "PRE", "BLOCKQUOTE", "UL", "OL"]);

/**
 * Walks rendered HTML in document order. A paragraph whose first child is an image and that
 * holds nothing else but an optional italic caption counts as a figure, as the Markdown
 * convention says.
 */
export function outline(root: Element): OutlineBlock[] {
  const out: OutlineBlock[] = [];
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (!BLOCKS.has(child.tagName)) continue;
      const tag = child.tagName.toLowerCase();
      if (tag === "ul" || tag === "ol" || tag === "blockquote") {
        out.push({ tag, text: "" });
        walk(child);
        continue;
      }
      if (tag === "li") {
        // A tight list item holds its text directly; a loose one (and the editor) in a <p>.
        out.push({ tag, text: "" });
        const loose = Array.from(child.childNodes).filter((n) => !(n.nodeType === 1 && BLOCKS.has((n as Element).tagName)));
        const text = loose.map((n) => textOf(n)).join(" ").replace(/\s+/g, " ").trim();
        if (text) out.push({ tag: "p", text });
        walk(child);
        continue;
      }
      out.push({ tag: isFigure(child) ? "figure" : tag, text: textOf(child) });
    }
  };
  walk(root);
  return out;
}

function isFigure(el: Element): boolean {
  if (el.tagName === "FIGURE") return true;
  if (el.tagName !== "P") return false;
  const kids = Array.from(el.childNodes).filter((n) => !(n.nodeType === 3 && !(n.textContent ?? "").trim()) && (n as Element).tagName !== "BR");
  return (
    kids.length > 0 &&
    (kids[0] as Element).tagName === "IMG" &&
    kids.slice(1).every((n) => (n as Element).tagName === "EM" || (n as Element).tagName === "SPAN")
  );
}

/** The text of a node, a line break counting as a space. */
function textOf(node: Node): string {
  let text = "";
  const visit = (n: Node) => {
    if (n.nodeType === 3) text += n.textContent ?? "";
    else if ((n as Element).tagName === "BR") text += " ";
    else n.childNodes.forEach(visit);
  };
  visit(node);
  return text.replace(/\s+/g, " ").trim();
}
