// The Byline window: the draft list, the draft being written, and the status
// bar. State is a handful of variables; every write goes through the Saver.
import "@fontsource/source-serif-4/400.css";
import "@fontsource/source-serif-4/400-italic.css";
import "@fontsource/source-serif-4/600.css";
import "@fontsource/source-serif-4/700.css";
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "./style.css";

import { Saver, type SaveState } from "./autosave";
import { h } from "./dom";
import { formatUpdated, formatWords, readingMinutes, wordCount } from "./format";
import { api, onWindowClose, STATUSES, type Draft, type DraftSummary, type Fields, type Issue, type Patch, type Report, type SearchHit, type Status } from "./ipc";
import { applyFix, renderPanel } from "./quotes";
import { initTheme, toggleTheme } from "./theme";
import { installExport } from "./exportDialog";
import { installTrash } from "./trash";

const STATUS_LABEL: Record<Status, string> = { draft: "Draft", editing: "Editing", ready: "Ready", filed: "Filed" };

// --- Elements --------------------------------------------------------------

const searchBox = h("input", {
  type: "search",
  class: "search",
  placeholder: "Search drafts",
  "aria-label": "Search drafts",
  "data-testid": "search",
  spellcheck: "false",
});
const draftList = h("ul", { class: "draft-list", "data-testid": "draft-list", "aria-label": "Drafts" });
const newButton = h("button", { class: "new-draft", "data-testid": "draft-new", title: "New draft (Ctrl+N)", text: "New draft" });
const themeButton = h("button", { class: "quiet icon", title: "Light or dark", "aria-label": "Switch theme", text: "◐" });

const headline = h("textarea", { class: "f-headline", rows: 1, placeholder: "Headline", "aria-label": "Headline", "data-testid": "headline" });
const dek = h("textarea", { class: "f-dek", rows: 1, placeholder: "Standfirst: the sentence under the headline", "aria-label": "Standfirst", "data-testid": "dek" });
const byline = h("input", { class: "f-byline", placeholder: "Reporter’s name", "aria-label": "Byline", "data-testid": "byline" });
const dateline = h("input", { class: "f-dateline", placeholder: "Dateline", "aria-label": "Dateline", "data-testid": "dateline" });
const editor = h("textarea", { class: "f-body", placeholder: "Start writing.", "aria-label": "Body", "data-testid": "editor" });
const statusSelect = h("select", { class: "status-select", "aria-label": "Status" });
for (const s of STATUSES) statusSelect.append(h("option", { value: s, text: STATUS_LABEL[s] }));
const historyButton = h("button", { class: "quiet", text: "History" });
const quotesButton = h("button", { class: "quiet", text: "Quotes", "aria-pressed": "true" });
const trashButton = h("button", { class: "quiet", text: "Move to trash" });
const previewButton = h("button", { class: "quiet", title: "Preview as published", text: "Preview" });
const previewFrame = h("iframe", { class: "preview-frame", title: "Preview as published", sandbox: "", "data-testid": "preview" });
const previewOverlay = h(
  "div",
  { class: "preview", hidden: true, role: "dialog", "aria-label": "Preview as published" },
  h(
    "div",
    { class: "preview-bar" },
    h("span", { text: "Preview as published: the very HTML that export writes" }),
    h("button", { class: "quiet", text: "Close", onclick: () => (previewOverlay.hidden = true) }),
  ),
  previewFrame,
);
const focusButton = h("button", { class: "quiet", title: "Focus mode (Ctrl+Shift+Enter)", text: "Focus" });

const wordCountEl = h("span", { class: "word-count", "data-testid": "word-count", text: "" });
const readingTimeEl = h("span", { class: "reading-time" });
const saveStateEl = h("span", { class: "save-state", "data-testid": "save-state", role: "status", text: "Saved" });
const noticeEl = h("span", { class: "notice", role: "status" });

const historyPanel = h("aside", { class: "history", hidden: true, "aria-label": "Revision history" });
const quotePanel = h("aside", { class: "quote-panel", "data-testid": "quote-panel", "aria-label": "Quotes and sources" });
const page = h(
  "article",
  { class: "page" },
  h("div", { class: "meta-row" }, statusSelect, h("span", { class: "spacer" }), quotesButton, historyButton, previewButton, trashButton, focusButton),
  headline,
  dek,
  h("div", { class: "byline-row" }, h("span", { class: "by", "aria-hidden": "true", text: "By" }), byline, dateline),
  h("hr", { class: "rule" }),
  editor,
);
const emptyState = h(
  "div",
  { class: "empty", hidden: true },
  h("p", { text: "No drafts here yet." }),
  h("button", { class: "new-draft", text: "Start a new draft", onclick: () => void newDraft() }),
);
const scroller = h("div", { class: "scroller" }, page, emptyState);

// --- State -----------------------------------------------------------------

let current: Draft | null = null;
let saver: Saver<Patch> | null = null;
let summaries: DraftSummary[] = [];
let searchHits: SearchHit[] | null = null;
let closeAnyway = false;

function fields(): Fields {
  return {
    headline: headline.value,
    dek: dek.value,
    byline: byline.value,
    dateline: dateline.value,
    status: statusSelect.value as Status,
    body: editor.value,
  };
}

function showSaveState(state: SaveState): void {
  saveStateEl.classList.toggle("error", state.kind === "error");
  saveStateEl.classList.toggle("saving", state.kind === "saving");
  saveStateEl.textContent =
    state.kind === "saved" ? "Saved" : state.kind === "saving" ? "Saving…" : `Not saved: ${state.message}`;
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;
function notice(text: string, ms = 4000): void {
  noticeEl.textContent = text;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => (noticeEl.textContent = ""), ms);
}

// --- Draft list ------------------------------------------------------------

function renderList(): void {
  const items: HTMLLIElement[] = [];
  if (searchHits) {
    for (const hit of searchHits) {
      items.push(
        listItem(hit.id, hit.headline, h("div", { class: "snippet" }, ...snippet(hit.snippet)), formatUpdated(hit.updated_at)),
      );
    }
    if (searchHits.length === 0) items.push(h("li", { class: "list-empty", text: "Nothing matches." }));
  } else {
    for (const s of summaries) {
      items.push(listItem(s.id, s.headline, h("span", { class: `badge st-${s.status}`, text: STATUS_LABEL[s.status] }), formatUpdated(s.updated_at)));
    }
  }
  draftList.replaceChildren(...items);
}

function listItem(id: number, title: string, detail: Node, when: string): HTMLLIElement {
  const li = h(
    "li",
    {
      class: "draft-item" + (current?.id === id ? " active" : ""),
      "data-testid": "draft-item",
      "data-id": id,
      tabindex: 0,
      onclick: () => void openDraft(id),
      onkeydown: (e: Event) => {
        if ((e as KeyboardEvent).key === "Enter") void openDraft(id);
      },
    },
    h("div", { class: "item-title" + (title.trim() ? "" : " untitled"), text: title.trim() || "Untitled draft" }),
    h("div", { class: "item-meta" }, detail, h("time", { text: when })),
  );
  if (current?.id === id) li.setAttribute("aria-current", "true");
  return li;
}

/**
 * Search snippets arrive as escaped HTML with <mark> around the hits (core
 * escapes them). Rebuilt from text and marks only, so no other markup ever
 * reaches the page.
 */
function snippet(html: string): Node[] {
  const t = document.createElement("template");
  t.innerHTML = html;
  return Array.from(t.content.childNodes, (n) =>
    n.nodeName === "MARK" ? h("mark", { text: n.textContent ?? "" }) : document.createTextNode(n.textContent ?? ""),
  );
}

async function refreshList(): Promise<void> {
  try {
    summaries = await api.listDrafts();
    const q = searchBox.value.trim();
    searchHits = q ? await api.searchDrafts(q) : null;
  } catch (e) {
    notice(`Could not read the draft list: ${(e as Error).message}`, 8000);
  }
  renderList();
}

/** Puts a saved draft's new headline, status and time into the list. */
function updateSummary(d: Draft): void {
  const s = summaries.find((x) => x.id === d.id);
  if (s) Object.assign(s, { headline: d.headline, dek: d.dek, status: d.status, updated_at: d.updated_at, word_count: d.word_count });
  summaries.sort((a, b) => b.updated_at - a.updated_at);
  if (!searchHits) renderList();
}

// --- The open draft --------------------------------------------------------

function showDraft(d: Draft | null): void {
  current = d;
  page.hidden = d === null;
  emptyState.hidden = d !== null;
  headline.value = d?.headline ?? "";
  dek.value = d?.dek ?? "";
  byline.value = d?.byline ?? "";
  dateline.value = d?.dateline ?? "";
  statusSelect.value = d?.status ?? "draft";
  editor.value = d?.body ?? "";
  for (const el of [headline, dek, editor]) autoGrow(el);
  updateWordCount();
  if (!historyPanel.hidden) showQuotePanel(true);
  checkedText = null;
  scheduleCheck(0);
  saver = d
    ? new Saver<Patch>({
        send: async (patch, explicit) => {
          const saved = explicit ? await api.saveDraft(d.id, patch) : await api.updateDraft(d.id, patch);
          if (current?.id === d.id) current = saved.draft;
          updateSummary(saved.draft);
          if (explicit && saved.revision !== null) notice(`Revision ${saved.revision} kept`);
        },
        onState: showSaveState,
      })
    : null;
  showSaveState({ kind: "saved" });
  renderList();
}

/** Saves what is pending; false (with the reason shown) if that failed. */
async function flush(): Promise<boolean> {
  if (!saver) return true;
  try {
    await saver.flush();
    return true;
  } catch {
    return false;
  }
}

async function openDraft(id: number): Promise<void> {
  if (current?.id === id) return;
  if (!(await flush())) return;
  try {
    showDraft(await api.getDraft(id));
  } catch (e) {
    notice(`Could not open the draft: ${(e as Error).message}`, 8000);
  }
}

async function newDraft(): Promise<void> {
  if (!(await flush())) return;
  try {
    const d = await api.createDraft({});
    searchBox.value = "";
    searchHits = null;
    summaries.unshift({ ...d, deleted_at: null });
    showDraft(d);
    headline.focus();
  } catch (e) {
    notice(`Could not create a draft: ${(e as Error).message}`, 8000);
  }
}

async function explicitSave(): Promise<void> {
  if (!saver) return;
  try {
    await saver.flush(true, fields());
  } catch {
    // The save state shows why.
  }
}

async function trashDraft(): Promise<void> {
  if (!current || !(await flush())) return;
  const id = current.id;
  try {
    await api.deleteDraft(id);
    notice(`Moved to the trash. Restore it with: byline undelete ${id}`, 8000);
    summaries = summaries.filter((s) => s.id !== id);
    const next = summaries[0];
    showDraft(next ? await api.getDraft(next.id) : null);
    await refreshList();
  } catch (e) {
    notice(`Could not move the draft to the trash: ${(e as Error).message}`, 8000);
  }
}

async function toggleHistory(): Promise<void> {
  if (!historyPanel.hidden || !current) {
    showQuotePanel(true);
    return;
  }
  if (!(await flush())) return;
  const id = current.id;
  try {
    const revisions = await api.history(id);
    historyPanel.replaceChildren(
      h("h2", { text: "Revisions" }),
      h(
        "ol",
        { class: "revisions", reversed: true },
        ...revisions
          .slice()
          .reverse()
          .map((r) =>
            h(
              "li",
              {},
              h("div", { class: "rev-title", text: `${r.number}. ${r.headline.trim() || "Untitled"}` }),
              h("div", { class: "rev-meta", text: `${r.reason} · ${formatUpdated(r.created_at)} · ${formatWords(r.word_count)}` }),
              h("button", {
                class: "quiet small",
                text: "Restore",
                onclick: async () => {
                  try {
                    const rev = await api.restoreRevision(id, r.number);
                    current = null;
                    showDraft(await api.getDraft(id));
                    await refreshList();
                    notice(`Restored as revision ${rev.number}`);
                  } catch (e) {
                    notice(`Could not restore: ${(e as Error).message}`, 8000);
                  }
                },
              }),
            ),
          ),
      ),
    );
    historyPanel.hidden = false;
    showQuotePanel(false);
  } catch (e) {
    notice(`Could not read the history: ${(e as Error).message}`, 8000);
  }
}

// --- Live quote checking ---------------------------------------------------

/** The body text the panel's report was computed for. */
let checkedText: string | null = null;
let report: Report = { quotes: [], speakers: [], issues: [] };
let checkTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleCheck(ms = 150): void {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void runCheck(), ms);
}

async function runCheck(): Promise<void> {
  const text = editor.value;
  if (text === checkedText || quotePanel.hidden) return;
  try {
    const result = await api.checkQuotes(text);
    if (editor.value !== text) return; // Typed meanwhile: the next check will do.
    report = result;
    checkedText = text;
    renderPanel(quotePanel, report, { jump: selectBody, fix: applyIssueFix });
  } catch (e) {
    notice(`The quote checker failed: ${(e as Error).message}`, 8000);
  }
}

function selectBody(start: number, end: number): void {
  editor.focus();
  editor.setSelectionRange(start, end);
  // Scroll the selection into view: the textarea grows, the page scrolls.
  const line = editor.value.slice(0, start).split("\n").length;
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 30;
  scroller.scrollTo({ top: editor.offsetTop + line * lineHeight - scroller.clientHeight / 3, behavior: "smooth" });
}

function applyIssueFix(issue: Issue): void {
  if (!issue.fix) return;
  if (editor.value !== checkedText) {
    // The report is out of date; refresh it rather than edit the wrong place.
    void runCheck();
    return;
  }
  editor.value = applyFix(editor.value, issue.fix);
  editor.dispatchEvent(new Event("input", { bubbles: true }));
  void runCheck();
}

/** One side panel at a time: the quotes or the history. */
function showQuotePanel(on: boolean): void {
  quotePanel.hidden = !on;
  quotesButton.setAttribute("aria-pressed", String(on));
  if (on) {
    historyPanel.hidden = true;
    checkedText = null;
    scheduleCheck(0);
  }
}

quotesButton.addEventListener("click", () => showQuotePanel(quotePanel.hidden));

// --- Editing ---------------------------------------------------------------

function autoGrow(el: HTMLTextAreaElement): void {
  el.style.height = "auto";
  el.style.height = `${el.scrollHeight}px`;
}

function updateWordCount(): void {
  const words = wordCount(editor.value);
  wordCountEl.textContent = formatWords(words);
  readingTimeEl.textContent = words ? `${readingMinutes(words)} min read` : "";
}

/** Focus mode hides everything but the page; Escape or the same keys leave it. */
function toggleFocus(on = !document.body.classList.contains("focus")): void {
  document.body.classList.toggle("focus", on);
  for (const el of [headline, dek, editor]) autoGrow(el);
  if (on) notice("Focus mode: Esc to leave", 2500);
}

function bindField(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, key: keyof Fields): void {
  el.addEventListener(el instanceof HTMLSelectElement ? "change" : "input", () => {
    if (el instanceof HTMLTextAreaElement) autoGrow(el);
    if (key === "body") {
      updateWordCount();
      scheduleCheck();
    }
    saver?.edit({ [key]: el.value } as Patch);
  });
}

bindField(headline, "headline");
bindField(dek, "dek");
bindField(byline, "byline");
bindField(dateline, "dateline");
bindField(statusSelect, "status");
bindField(editor, "body");

// A headline and standfirst are one paragraph each: Enter moves on.
for (const [el, next] of [
  [headline, dek],
  [dek, byline],
] as const) {
  el.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      next.focus();
    }
  });
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
searchBox.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void refreshList(), 150);
});

newButton.addEventListener("click", () => void newDraft());
historyButton.addEventListener("click", () => void toggleHistory());
trashButton.addEventListener("click", () => void trashDraft());
themeButton.addEventListener("click", toggleTheme);
focusButton.addEventListener("click", () => toggleFocus());
previewButton.addEventListener("click", () => void showPreview());

async function showPreview(): Promise<void> {
  if (!current || !(await flush())) return;
  try {
    // Scripts stay off (sandbox=""): the preview only shows.
    previewFrame.srcdoc = await api.previewHtml(current.id);
    previewOverlay.hidden = false;
  } catch (e) {
    notice(`Could not make the preview: ${(e as Error).message}`, 8000);
  }
}

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !previewOverlay.hidden) {
    previewOverlay.hidden = true;
    return;
  }
  if (e.key === "Escape" && document.body.classList.contains("focus")) {
    toggleFocus(false);
    return;
  }
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  if (e.key === "Enter" && e.shiftKey) {
    e.preventDefault();
    toggleFocus();
    return;
  }
  const key = e.key.toLowerCase();
  if (key === "s") {
    e.preventDefault();
    void explicitSave();
  } else if (key === "n") {
    e.preventDefault();
    void newDraft();
  } else if (key === "f" && e.shiftKey) {
    e.preventDefault();
    searchBox.focus();
  }
});

// The byline command may have changed the library meanwhile.
window.addEventListener("focus", () => void refreshList());

// Text areas grow with their text; recompute when the page's width changes
// (window resized, a side panel opened or closed).
new ResizeObserver(() => {
  for (const el of [headline, dek, editor]) autoGrow(el);
}).observe(page);

// --- Start -----------------------------------------------------------------

function renderShell(path: string): void {
  const app = document.getElementById("app")!;
  app.replaceChildren(
    h(
      "div",
      { class: "shell" },
      h(
        "nav",
        { class: "sidebar" },
        h("div", { class: "brand-row" }, h("span", { class: "brand", text: "Byline" }), themeButton),
        newButton,
        searchBox,
        draftList,
      ),
      h(
        "main",
        { class: "main" },
        h("div", { class: "workspace" }, scroller, quotePanel, historyPanel, previewOverlay),
        h(
          "footer",
          { class: "statusbar" },
          wordCountEl,
          readingTimeEl,
          h("span", { class: "dot", "aria-hidden": "true", text: "·" }),
          saveStateEl,
          noticeEl,
          h("span", { class: "spacer" }),
          h("span", { class: "path", title: path, text: path }),
        ),
      ),
    ),
  );
}

function renderOpenError(message: string, path: string): void {
  document.getElementById("app")!.replaceChildren(
    h(
      "div",
      { class: "open-error", role: "alert" },
      h("h1", { text: "Byline could not open your library" }),
      h("p", { class: "reason", "data-testid": "open-error", text: message }),
      path && !message.includes(path) ? h("p", { class: "path", text: path }) : null,
      h("p", {
        text: "Byline did not change the file. Move it aside or restore it from a backup, then start Byline again.",
      }),
    ),
  );
}

function renderStartError(message: string): void {
  document.getElementById("app")!.replaceChildren(
    h(
      "div",
      { class: "open-error", role: "alert" },
      h("h1", { text: "Byline could not start" }),
      h("p", { class: "reason", "data-testid": "start-error", text: message }),
      h("p", { text: "Your drafts are safe in the library file. Please report this error." }),
    ),
  );
}

async function start(): Promise<void> {
  initTheme();
  const info = await api.libraryInfo();
  if (info.error) {
    renderOpenError(info.error, info.path);
    return;
  }
  renderShell(info.path);
  installExport({ getDraftId: () => current?.id ?? null, flush }, { notify: notice });
  installTrash({ onRestored: async (id) => { await refreshList(); await openDraft(id); }, notify: notice });
  await onWindowClose(async () => {
    if (closeAnyway || (await flush())) return true;
    closeAnyway = true;
    notice("Your last edits are not saved. Close again to quit without them.", 15000);
    return false;
  });
  await refreshList();
  const first = summaries[0];
  showDraft(first ? await api.getDraft(first.id) : null);
}

start().catch((e: unknown) => renderStartError(e instanceof Error ? e.message : String(e)));
