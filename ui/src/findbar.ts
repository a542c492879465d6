// The find and replace bar (Ctrl+F): drives the editor's find plugin, shows
// "3 of 12", Enter for the next match, Shift+Enter for the previous one.
import { h } from "./dom";
import type { Editor } from "./editor";

export interface FindBar {
  element: HTMLElement;
  open(): void;
  close(): void;
}

export function createFindBar(editor: () => Editor | null): FindBar {
  const query = h("input", { type: "search", class: "find-input", placeholder: "Find", "aria-label": "Find", "data-testid": "find-input", spellcheck: "false" });
  const replacement = h("input", { type: "text", class: "find-input", placeholder: "Replace with", "aria-label": "Replace with", "data-testid": "replace-input", spellcheck: "false" });
  const count = h("span", { class: "find-count", "data-testid": "find-count", role: "status" });
  const btn = (text: string, title: string, run: () => void) => h("button", { class: "quiet small", type: "button", title, text, onclick: run });

  const refresh = () => {
    const ed = editor();
    if (!ed || !query.value) {
      count.textContent = "";
      return;
    }
    const s = ed.find.status();
    count.textContent = s.count === 0 ? "No matches" : `${s.current + 1} of ${s.count}`;
  };
  const search = () => {
    editor()?.find.search(query.value);
    refresh();
  };
  const next = () => (editor()?.find.next(), refresh());
  const prev = () => (editor()?.find.previous(), refresh());

  const element = h(
    "div",
    { class: "findbar", hidden: true, role: "search", "data-testid": "findbar" },
    query,
    count,
    btn("↑", "Previous match (Shift+Enter)", prev),
    btn("↓", "Next match (Enter)", next),
    replacement,
    btn("Replace", "Replace this match", () => {
      editor()?.find.replace(replacement.value);
      refresh();
    }),
    btn("All", "Replace every match", () => {
      const n = editor()?.find.replaceAll(replacement.value) ?? 0;
      count.textContent = `${n} replaced`;
    }),
    btn("✕", "Close (Esc)", () => bar.close()),
  );

  query.addEventListener("input", search);
  query.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      if (e.shiftKey) prev();
      else next();
    }
  });
  element.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      bar.close();
    }
  });

  const bar: FindBar = {
    element,
    open() {
      element.hidden = false;
      const sel = window.getSelection()?.toString() ?? "";
      if (sel && !sel.includes("\n")) query.value = sel;
      query.focus();
      query.select();
      search();
    },
    close() {
      element.hidden = true;
      editor()?.find.clear();
      count.textContent = "";
      editor()?.focus();
    },
  };
  return bar;
}
