// The Byline window: the draft list, the draft being written, and the status
// bar. State is a handful of variables; every write goes through the Saver.
import "@fontsource/source-serif-4/400.css";
import "@fontsource/source-serif-4/400-italic.css";
import "@fontsource/source-serif-4/600.css";
import "@fontsource/source-serif-4/700.css";
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "./editor/editor.css";
import "./style.css";

import { Saver, type SaveState } from "./autosave";
import { h } from "./dom";
import { formatUpdated, formatWords, readingMinutes, wordCount } from "./format";
import { api, onWindowClose, STATUSES, type Draft, type DraftSummary, type Fields, type Issue, type Patch, type Report, type SearchHit, type Status } from "./ipc";
import { renderPanel, toCheckResult } from "./quotes";
import { createEditor, type CheckResult, type Editor } from "./editor";
import { createFindBar } from "./findbar";
import { createToolbar } from "./toolbar";
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
// The body: a ProseMirror editor over the Markdown (it carries data-testid="editor").
const editorHost = h("div", { class: "f-body", "aria-label": "Body" });
const sourceArea = h("textarea", { class: "f-source", hidden: true, spellcheck: "false", "aria-label": "Markdown source", "data-testid": "source-view" });
const sourceButton = h("button", { class: "quiet small", type: "button", title: "Markdown source view", "aria-pressed": "false", "data-testid": "source-toggle", text: "Markdown" });
let bodyEditor: Editor | null = null;
const findBar = createFindBar(() => bodyEditor);
const toolbar = createToolbar(() => bodyEditor, [sourceButton]);
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
const targetInput = h("input", {
  class: "target-input",
  type: "number",
  min: 0,
  step: 50,
  placeholder: "Set target",
  title: "Target length in words for this draft",
  "aria-label": "Target length in words",
  "data-testid": "target-words",
});
const progressBar = h("span", { class: "progress-fill" });
const progressEl = h("span", { class: "target-progress", hidden: true, "data-testid": "target-progress" }, h("span", { class: "progress-track" }, progressBar), h("span", { class: "progress-label" }));
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
  h("div", { class: "editor-chrome" }, toolbar.element, findBar.element),
  editorHost,
  sourceArea,
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
    body: bodyText(),
  };
}

/** The body's Markdown, from the source view while it is open. */
function bodyText(): string {
  if (!sourceArea.hidden) return sourceArea.value;
  return bodyEditor?.getMarkdown() ?? current?.body ?? "";
}

function showSaveState(state: SaveState): void {
  // The saver can finish (say, a headline's save) while the body editor still holds a change
  // it has not handed over yet (`changeDelay`): that change is not on disk.
  if (state.kind === "saved" && bodyEditor?.hasPendingChange()) state = { kind: "saving" };
  // Typing reports "saving" on every keystroke: leave the DOM alone when nothing changed.
  const text = state.kind === "saved" ? "Saved" : state.kind === "saving" ? "Saving…" : `Not saved: ${state.message}`;
  if (saveStateEl.textContent === text) return;
  saveStateEl.classList.toggle("error", state.kind === "error");
  saveStateEl.classList.toggle("saving", state.kind === "saving");
  saveStateEl.textContent = text;
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
  if (!sourceArea.hidden) toggleSource(false);
  findBar.close();
  report = EMPTY_REPORT;
  quotePanel.replaceChildren();
  mountBody(d?.body ?? "");
  for (const el of [headline, dek]) autoGrow(el);
  updateWordCount(d?.body ?? "");
  showTarget(d);
  if (!historyPanel.hidden) showQuotePanel(true);
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
  deliverBody();
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
    const start = performance.now();
    const d = await api.getDraft(id);
    performance.measure("byline:get_draft", { start });
    showDraft(d);
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
  deliverBody();
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

// --- The body editor and live quote checking ------------------------------

const EMPTY_REPORT: Report = { quotes: [], speakers: [], issues: [] };
/** The checker's full report (speakers, descriptions) behind each result the editor shows. */
const reports = new WeakMap<CheckResult, Report>();
let report: Report = EMPTY_REPORT;

/** Runs the Rust checker; the editor gets ranges, the panel the whole report. */
async function check(markdown: string): Promise<CheckResult> {
  const r = await api.checkQuotes(markdown);
  const result = toCheckResult(r);
  reports.set(result, r);
  return result;
}

let panelFrame = 0;
function onCheckResult(result: CheckResult): void {
  report = reports.get(result) ?? EMPTY_REPORT;
  // The editor's underlines are painted first; the panel follows right after that frame.
  if (quotePanel.hidden) return;
  cancelAnimationFrame(panelFrame);
  panelFrame = requestAnimationFrame(() => setTimeout(drawPanel, 0));
}

function drawPanel(): void {
  renderPanel(quotePanel, report, { jump: revealBody, fix: applyIssueFix });
}

/** The body document last seen, to tell edits from selection moves. */
let shownDoc: unknown = null;

/** Opens `markdown` in the body editor (made on first use). */
function mountBody(markdown: string): void {
  shownDoc = null;
  if (bodyEditor) {
    bodyEditor.setMarkdown(markdown);
    shownDoc = bodyEditor.view.state.doc;
    return;
  }
  bodyEditor = createEditor({
    element: editorHost,
    markdown,
    changeDelay: 300,
    checkDelay: 100,
    check: (md) =>
      check(md).catch((e: unknown) => {
        notice(`The quote checker failed: ${(e as Error).message}`, 8000);
        throw e;
      }),
    onCheckResult,
    onChange: (md) => {
      updateWordCount(md);
      saver?.edit({ body: md });
    },
    onStateChange: (active) => {
      toolbar.update(active);
      // The body's change reaches the saver only after changeDelay: until then
      // the status must not claim that everything is on disk.
      const doc = bodyEditor?.view.state.doc;
      if (doc && doc !== shownDoc) {
        if (shownDoc) showSaveState({ kind: "saving" });
        shownDoc = doc;
      }
    },
    onFindRequest: () => findBar.open(),
  });
  shownDoc = bodyEditor.view.state.doc;
  bodyEditor.view.dom.setAttribute("aria-label", "Body");
  bodyEditor.view.dom.setAttribute("aria-multiline", "true");
  bodyEditor.view.dom.setAttribute("role", "textbox");
}

/** Hands a pending (debounced) body change to the saver now. */
function deliverBody(): void {
  bodyEditor?.flush();
}

function revealBody(start: number, end: number): void {
  if (!bodyEditor || !sourceArea.hidden) return;
  bodyEditor.focus();
  bodyEditor.revealRange(start, end);
}

function applyIssueFix(issue: Issue): void {
  if (!issue.fix || !bodyEditor || !sourceArea.hidden) return;
  bodyEditor.applyFix({ start: issue.fix.range.start, end: issue.fix.range.end, insert: issue.fix.insert });
  deliverBody();
}

/** The Markdown source view: the body as plain text; leaving it reopens the editor on it. */
function toggleSource(on = sourceArea.hidden): void {
  if (!bodyEditor) return;
  if (on) {
    deliverBody();
    sourceArea.value = bodyEditor.getMarkdown();
    sourceArea.hidden = false;
    editorHost.hidden = true;
    autoGrow(sourceArea);
    sourceArea.focus();
  } else {
    const md = sourceArea.value;
    sourceArea.hidden = true;
    editorHost.hidden = false;
    if (md !== bodyEditor.getMarkdown()) {
      bodyEditor.setMarkdown(md);
      saver?.edit({ body: md });
    }
  }
  sourceButton.setAttribute("aria-pressed", String(on));
  toolbar.setEnabled(!on);
}

sourceButton.addEventListener("click", () => toggleSource());
sourceArea.addEventListener("input", () => {
  autoGrow(sourceArea);
  updateWordCount(sourceArea.value);
  saver?.edit({ body: sourceArea.value });
});

// --- Target length ----------------------------------------------------------
// Stored with the draft (target_words), saved through the autosave like any
// other field.

let target: number | null = null;
let lastWords = 0;

function showTarget(d: Draft | null): void {
  target = d?.target_words ?? null;
  targetInput.value = target ? String(target) : "";
  renderProgress();
}

function renderProgress(): void {
  progressEl.hidden = !target;
  if (!target) return;
  const pct = Math.round((lastWords / target) * 100);
  progressBar.style.width = `${Math.min(100, pct)}%`;
  progressEl.classList.toggle("over", lastWords > target);
  progressEl.querySelector(".progress-label")!.textContent = `${pct}% of`;
}

targetInput.addEventListener("change", () => {
  if (!current) return;
  const n = Math.max(0, Math.min(1_000_000, Math.round(Number(targetInput.value) || 0)));
  target = n > 0 ? n : null;
  targetInput.value = target ? String(target) : "";
  saver?.edit({ targetWords: n });
  renderProgress();
});

/** One side panel at a time: the quotes or the history. */
function showQuotePanel(on: boolean): void {
  quotePanel.hidden = !on;
  quotesButton.setAttribute("aria-pressed", String(on));
  if (on) {
    historyPanel.hidden = true;
    drawPanel();
  }
}

quotesButton.addEventListener("click", () => showQuotePanel(quotePanel.hidden));

// --- Editing ---------------------------------------------------------------

function autoGrow(el: HTMLTextAreaElement): void {
  el.style.height = "auto";
  el.style.height = `${el.scrollHeight}px`;
}

function updateWordCount(markdown: string): void {
  const words = wordCount(markdown);
  lastWords = words;
  renderProgress();
  wordCountEl.textContent = formatWords(words);
  readingTimeEl.textContent = words ? `${readingMinutes(words)} min read` : "";
}

/** Focus mode hides everything but the page; Escape or the same keys leave it. */
function toggleFocus(on = !document.body.classList.contains("focus")): void {
  document.body.classList.toggle("focus", on);
  for (const el of [headline, dek]) autoGrow(el);
  if (on) notice("Focus mode: Esc to leave", 2500);
}

function bindField(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, key: keyof Fields): void {
  el.addEventListener(el instanceof HTMLSelectElement ? "change" : "input", () => {
    if (el instanceof HTMLTextAreaElement) autoGrow(el);
    saver?.edit({ [key]: el.value } as Patch);
  });
}

bindField(headline, "headline");
bindField(dek, "dek");
bindField(byline, "byline");
bindField(dateline, "dateline");
bindField(statusSelect, "status");

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
  } else if (key === "f" && current) {
    e.preventDefault();
    findBar.open();
  }
});

// The byline command may have changed the library meanwhile.
window.addEventListener("focus", () => void refreshList());

// Text areas grow with their text; recompute when the page's width changes
// (window resized, a side panel opened or closed).
new ResizeObserver(() => {
  for (const el of [headline, dek]) autoGrow(el);
  if (!sourceArea.hidden) autoGrow(sourceArea);
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
          progressEl,
          targetInput,
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
