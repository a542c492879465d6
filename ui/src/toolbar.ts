// The formatting toolbar over the body: buttons for the editor's commands,
// pressed while the selection has that format, plus the source view toggle.
import { h } from "./dom";
import type { ActiveState, Editor } from "./editor";

interface Button {
  label: string;
  title: string;
  run: (e: Editor) => void;
  active?: (a: ActiveState) => boolean;
  cls?: string;
}

/** Asks for an image address, text and caption; inserts a figure. */
function insertImage(editor: Editor): void {
  const src = window.prompt("Image address (URL or file path)");
  if (!src) return;
  const alt = window.prompt("Describe the image for readers who cannot see it", "") ?? "";
  const caption = window.prompt("Caption (optional)", "") ?? "";
  editor.insertImage({ src, alt, caption: caption || undefined });
}

const BUTTONS: (Button | "sep")[] = [
  { label: "B", title: "Bold (Ctrl+B)", run: (e) => e.toggleBold(), active: (a) => a.bold, cls: "tb-bold" },
  { label: "I", title: "Italic (Ctrl+I)", run: (e) => e.toggleItalic(), active: (a) => a.italic, cls: "tb-italic" },
  { label: "Link", title: "Link (Ctrl+K)", run: (e) => linkPrompt(e), active: (a) => a.link },
  "sep",
  { label: "H1", title: "Heading 1 (Ctrl+Alt+1)", run: (e) => e.setHeading(1), active: (a) => a.heading === 1 },
  { label: "H2", title: "Heading 2 (Ctrl+Alt+2)", run: (e) => e.setHeading(2), active: (a) => a.heading === 2 },
  { label: "H3", title: "Heading 3 (Ctrl+Alt+3)", run: (e) => e.setHeading(3), active: (a) => a.heading === 3 },
  "sep",
  { label: "•", title: "Bulleted list", run: (e) => e.bulletList(), active: (a) => a.bulletList },
  { label: "1.", title: "Numbered list", run: (e) => e.orderedList(), active: (a) => a.orderedList },
  { label: "❝", title: "Block quote", run: (e) => e.blockquote(), active: (a) => a.blockquote },
  { label: "—", title: "Horizontal rule", run: (e) => e.horizontalRule() },
  { label: "Image", title: "Image with caption", run: insertImage },
];

function linkPrompt(editor: Editor): void {
  const href = window.prompt("Link address (empty to remove the link)", "https://");
  if (href === null) return;
  editor.setLink(href.trim() || null);
}

export interface Toolbar {
  element: HTMLElement;
  /** Shows which formats the selection has. */
  update(active: ActiveState): void;
  /** Greys out the formatting buttons (source view). */
  setEnabled(on: boolean): void;
}

/** Builds the toolbar; `editor()` returns the editor of the open draft. */
export function createToolbar(editor: () => Editor | null, extra: HTMLElement[]): Toolbar {
  const pairs: [HTMLButtonElement, Button][] = [];
  const children: HTMLElement[] = [];
  for (const b of BUTTONS) {
    if (b === "sep") {
      children.push(h("span", { class: "tb-sep", "aria-hidden": "true" }));
      continue;
    }
    const el = h("button", {
      class: `tb ${b.cls ?? ""}`.trim(),
      type: "button",
      title: b.title,
      "aria-label": b.title,
      "aria-pressed": b.active ? "false" : undefined,
      text: b.label,
    });
    // Keep the editor's selection: act on mousedown without taking focus.
    el.addEventListener("mousedown", (e) => e.preventDefault());
    el.addEventListener("click", () => {
      const ed = editor();
      if (!ed) return;
      b.run(ed);
      ed.focus();
    });
    pairs.push([el, b]);
    children.push(el);
  }
  const element = h("div", { class: "toolbar", role: "toolbar", "aria-label": "Formatting", "data-testid": "toolbar" }, ...children, h("span", { class: "spacer" }), ...extra);
  return {
    element,
    update(active) {
      // Called on every keystroke: touch the DOM only where a state changed.
      for (const [el, b] of pairs) {
        if (!b.active) continue;
        const pressed = String(b.active(active));
        if (el.getAttribute("aria-pressed") !== pressed) el.setAttribute("aria-pressed", pressed);
      }
    },
    setEnabled(on) {
      for (const [el] of pairs) el.disabled = !on;
    },
  };
}
