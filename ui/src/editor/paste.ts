//! Clean-up of HTML pasted from web pages, Google Docs and Word before the schema parses it:
//! scripts, styles, classes and Office junk go; structure, emphasis, links and lists stay.

/** Elements removed with their content. */
const DROP = "script, style, meta, link, title, noscript, template, iframe, object, embed, xml, head, o\\:p";

/** Cleans a pasted HTML string and returns HTML the schema's parse rules understand. */
export function cleanPastedHTML(html: string): string {
  // Comments go first: Word hides whole XML documents in conditional comments.
  const stripped = html.replace(/<!--[\s\S]*?-->/g, "");
  const doc = new DOMParser().parseFromString(stripped, "text/html");
  const body = doc.body;
  body.querySelectorAll(DROP).forEach((el) => el.remove());
  body.querySelectorAll("*").forEach((el) => {
    if (el.tagName.includes(":")) el.remove();
  });
  // Google Docs' wrapper: <b style="font-weight:normal" id="docs-internal-guid-...">.
  body.querySelectorAll('b[id^="docs-internal-guid"]').forEach(unwrap);
  // Word's bullet spans (mso-list:Ignore) hold the "·" or "1." text of pseudo-lists.
  body.querySelectorAll("span").forEach((el) => {
    if (!/mso-list:\s*ignore/i.test(el.getAttribute("style") ?? "")) return;
    const p = el.closest("p");
    if (p && p.dataset.bullet === undefined) p.dataset.bullet = el.textContent ?? "";
    el.remove();
  });
  wordLists(body);
  body.querySelectorAll("*").forEach((el) => {
    const style = el.getAttribute("style") ?? "";
    const keep = keptStyle(style);
    for (const attr of [...el.attributes]) {
      if (!["href", "src", "alt", "title", "start"].includes(attr.name)) el.removeAttribute(attr.name);
    }
    if (keep) el.setAttribute("style", keep);
  });
  return body.innerHTML;
}

/** The only inline styles that carry meaning for the schema: bold and italic. */
function keptStyle(style: string): string {
  const out: string[] = [];
  const weight = /(?:^|;)\s*font-weight:\s*([a-z0-9]+)/i.exec(style);
  if (weight && /^(bold(er)?|[6-9]00)$/i.test(weight[1])) out.push("font-weight: bold");
  if (/(?:^|;)\s*font-style:\s*italic/i.test(style)) out.push("font-style: italic");
  return out.join("; ");
}

function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

/**
 * Word writes lists as paragraphs styled `mso-list:l0 level1 lfo1`. Consecutive ones become a
 * real list; the level number nests them; a numbered first bullet makes an ordered list.
 */
function wordLists(body: HTMLElement): void {
  const paragraphs = [...body.querySelectorAll("p")].filter((p) => /mso-list:/i.test(p.getAttribute("style") ?? ""));
  const handled = new Set<Element>();
  for (const first of paragraphs) {
    if (handled.has(first)) continue;
    const run: HTMLElement[] = [];
    const listId = (p: Element) => /mso-list:\s*(l\d+)/i.exec(p.getAttribute("style") ?? "")?.[1];
    let el: Element | null = first;
    while (el && paragraphs.includes(el as HTMLParagraphElement) && listId(el) === listId(first)) {
      run.push(el as HTMLElement);
      handled.add(el);
      el = nextElement(el);
    }
    const doc = first.ownerDocument;
    const ordered = (p: HTMLElement) => /^\s*(\d+|[a-z]|[ivx]+)[.)]/i.test(p.dataset.bullet ?? "") || /MsoListNumber/.test(p.className);
    const stack: { list: HTMLElement; level: number }[] = [];
    const root = doc.createElement(ordered(first) ? "ol" : "ul");
    first.before(root);
    stack.push({ list: root, level: 1 });
    for (const p of run) {
      const level = Number(/level(\d+)/i.exec(p.getAttribute("style") ?? "")?.[1] ?? "1");
      while (stack.length > 1 && stack[stack.length - 1].level > level) stack.pop();
      let top = stack[stack.length - 1];
      if (level > top.level) {
        const nested = doc.createElement(ordered(p) ? "ol" : "ul");
        const lastItem = top.list.lastElementChild ?? top.list.appendChild(doc.createElement("li"));
        lastItem.appendChild(nested);
        stack.push({ list: nested, level });
        top = stack[stack.length - 1];
      }
      const li = doc.createElement("li");
      li.append(...p.childNodes);
      top.list.appendChild(li);
      p.remove();
    }
  }
}

function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && n.nodeType === 3 && !(n.textContent ?? "").trim()) n = n.nextSibling;
  return n && n.nodeType === 1 ? (n as Element) : null;
}
