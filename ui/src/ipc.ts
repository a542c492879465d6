// The only module that talks to the Rust shell: typed wrappers around its
// commands and the window's close request. Nothing else imports @tauri-apps.
import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";

export type Status = "draft" | "editing" | "ready" | "filed";
export const STATUSES: Status[] = ["draft", "editing", "ready", "filed"];

export interface Draft {
  id: number;
  slug: string;
  headline: string;
  dek: string;
  byline: string;
  dateline: string;
  status: Status;
  body: string;
  created_at: number;
  updated_at: number;
  word_count: number;
  target_words: number | null;
}

export interface DraftSummary {
  id: number;
  slug: string;
  headline: string;
  dek: string;
  status: Status;
  created_at: number;
  updated_at: number;
  word_count: number;
  /** Set for drafts in the trash. */
  deleted_at: number | null;
}

export interface SearchHit {
  id: number;
  headline: string;
  /** Escaped HTML with <mark> around the hits. */
  snippet: string;
  updated_at: number;
}

export interface Revision {
  draft_id: number;
  number: number;
  created_at: number;
  reason: "created" | "explicit" | "auto" | "restore";
  headline: string;
  word_count: number;
  body: string;
}

/** The editable fields of a draft. */
export interface Fields {
  headline: string;
  dek: string;
  byline: string;
  dateline: string;
  status: Status;
  body: string;
}

/** A change to a draft: any of the fields, and the target length in words (0 clears it). */
export type Patch = Partial<Fields> & { targetWords?: number };

export interface Saved {
  draft: Draft;
  revision: number | null;
}

export interface LibraryInfo {
  path: string;
  error: string | null;
}

/** Ranges count UTF-16 code units, like JavaScript string indices. */
export interface Range {
  start: number;
  end: number;
}

export interface Quote {
  range: Range;
  text: string;
  kind: "speech" | "title" | "scare";
  speaker: string | null;
  speaker_mention: string | null;
  cue: string | null;
  paragraph: number;
}

export interface Speaker {
  name: string;
  description: string | null;
  quotes: number;
  words: number;
}

export interface Fix {
  label: string;
  range: Range;
  insert: string;
}

export interface Issue {
  code: string;
  severity: "info" | "warning" | "error";
  range: Range;
  message: string;
  fix: Fix | null;
}

export interface Report {
  quotes: Quote[];
  speakers: Speaker[];
  issues: Issue[];
}

/** One reason a piece is not ready to file (core's `ready` check). */
export interface ReadyFinding {
  /** `missing-headline`, `missing-byline`, `placeholder` or `quote-error`. */
  code: string;
  field: "headline" | "dek" | "byline" | "dateline" | "body";
  message: string;
  /** The checker's own code for a `quote-error`. */
  quote_code: string | null;
  /** The words the finding is about, with a little context. */
  excerpt: string | null;
}

export type ExportMode = "standalone" | "fragment";
export type ExportImages = "embed" | "copy" | "link";

/** Errors from the shell arrive as one sentence. */
function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  return invoke<T>(command, args).catch((e: unknown) => {
    throw new Error(typeof e === "string" ? e : String(e));
  });
}

export const api = {
  libraryInfo: () => call<LibraryInfo>("library_info"),
  listDrafts: () => call<DraftSummary[]>("list_drafts"),
  getDraft: (id: number) => call<Draft>("get_draft", { id }),
  createDraft: (draft: Partial<Fields> = {}) => call<Draft>("create_draft", { draft }),
  updateDraft: (id: number, patch: Patch) => call<Saved>("update_draft", { id, patch }),
  saveDraft: (id: number, patch: Patch) => call<Saved>("save_draft", { id, patch }),
  searchDrafts: (query: string) => call<SearchHit[]>("search_drafts", { query }),
  deleteDraft: (id: number) => call<void>("delete_draft", { id }),
  history: (id: number) => call<Revision[]>("history", { id }),
  restoreRevision: (id: number, number: number) => call<Revision>("restore_revision", { id, number }),
  previewHtml: (id: number) => call<string>("preview_html", { id }),
  checkQuotes: (text: string) => call<Report>("check_quotes", { text }),
  listTrash: () => call<DraftSummary[]>("list_trash"),
  undeleteDraft: (id: number) => call<void>("undelete_draft", { id }),
  readyCheck: (id: number) => call<ReadyFinding[]>("ready_check", { id }),
  /** The file to export to, from a save dialog; null if the writer cancels. */
  chooseExportPath: (id: number) => call<string | null>("choose_export_path", { id }),
  /** Writes the export and returns the path written. */
  exportHtml: (id: number, path: string, mode: ExportMode, images: ExportImages) =>
    call<string>("export_html", { id, path, mode, images }),
  copyHtml: (id: number) => call<string>("copy_html", { id }),
  /** Through the clipboard-manager plugin: the web view's own clipboard API
   * needs a user gesture that an awaited command call has already spent. */
  writeClipboard: (text: string) => call<void>("plugin:clipboard-manager|write_text", { text }),
};

/**
 * Runs `beforeClose` when the writer closes the window. The window closes
 * when it resolves to true, and stays open (to show why) when it is false.
 */
export async function onWindowClose(beforeClose: () => Promise<boolean>): Promise<void> {
  await getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await beforeClose())) event.preventDefault();
  });
}
