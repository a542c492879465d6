// Tests for the export flow: the ready check's findings are listed and
// asked about, the options reach the shell, cancelling writes nothing, and
// errors and the written path are shown.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { describeFinding, installExport, summarize, type ExportApi } from "./exportDialog";
import type { ReadyFinding } from "./ipc";

const QUOTE: ReadyFinding = {
  code: "quote-error",
  field: "body",
  message: "closing quotation mark without an opening one",
  quote_code: "unopened-quote",
  excerpt: "…it is time,” she said",
};
const TK: ReadyFinding = { code: "placeholder", field: "body", message: "unfilled placeholder `TK` in the body", quote_code: null, excerpt: "cost TK million" };

function setup(findings: ReadyFinding[], opts: { path?: string | null; fail?: string; flushOk?: boolean } = {}) {
  document.head.innerHTML = "";
  document.body.innerHTML = '<div class="meta-row"></div>';
  const calls: string[] = [];
  const exports: unknown[][] = [];
  const clipboard: string[] = [];
  const notices: string[] = [];
  const ipc: ExportApi = {
    readyCheck: vi.fn(async (id: number) => {
      calls.push(`ready ${id}`);
      return findings;
    }),
    chooseExportPath: vi.fn(async () => {
      calls.push("choose");
      return opts.path === undefined ? "/tmp/out/piece.html" : opts.path;
    }),
    exportHtml: vi.fn(async (...args: unknown[]) => {
      exports.push(args);
      if (opts.fail) throw new Error(opts.fail);
      return args[1] as string;
    }),
    copyHtml: vi.fn(async () => "<p>Hello</p>"),
    writeClipboard: vi.fn(async (text: string) => {
      clipboard.push(text);
    }),
  };
  const flush = vi.fn(async () => {
    calls.push("flush");
    return opts.flushOk ?? true;
  });
  const flow = installExport({ getDraftId: () => 7, flush }, { ipc, notify: (t) => notices.push(t) });
  const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { flow, calls, exports, clipboard, notices, $ };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("export dialog", () => {
  beforeEach(() => vi.restoreAllMocks());

  it("puts its buttons in the toolbar", () => {
    const { $ } = setup([]);
    expect($("export-html")?.parentElement?.className).toBe("meta-row");
    expect($("copy-html")?.parentElement?.className).toBe("meta-row");
  });

  it("lists the findings and exports nothing when cancelled", async () => {
    const { flow, calls, exports, $ } = setup([QUOTE, TK]);
    $("export-html")!.click();
    await tick();
    const items = document.querySelectorAll('[data-testid="ready-finding"]');
    expect(Array.from(items, (li) => li.getAttribute("data-code"))).toEqual(["quote-error", "placeholder"]);
    expect(items[0].textContent).toContain("Closing quotation mark without an opening one");
    expect(items[1].textContent).toContain("cost TK million");
    expect($("export-dialog")!.textContent).toContain("2 things to fix before filing. Export anyway?");
    $("export-cancel")!.click();
    await flow.done;
    expect(calls).toEqual(["flush", "ready 7"]);
    expect(exports).toEqual([]);
    expect($("export-dialog")!.hidden).toBe(true);
  });

  it("exports anyway with the options chosen and says where", async () => {
    const { flow, exports, notices, $ } = setup([TK]);
    void flow.start();
    await tick();
    $("export-anyway")!.click();
    await tick();
    // The defaults are a standalone page with images embedded.
    expect(($("export-standalone") as HTMLInputElement).checked).toBe(true);
    expect(($("export-embed") as HTMLInputElement).checked).toBe(true);
    ($("export-fragment") as HTMLInputElement).checked = true;
    expect($("export-link")).not.toBeNull();
    ($("export-copy") as HTMLInputElement).checked = true;
    $("export-confirm")!.click();
    await flow.done;
    expect(exports).toEqual([[7, "/tmp/out/piece.html", "fragment", "copy"]]);
    expect($("export-result")!.textContent).toBe("Exported to /tmp/out/piece.html");
    expect(notices).toContain("Exported to /tmp/out/piece.html");
  });

  it("goes straight to the options when the piece is ready", async () => {
    const { flow, exports, $ } = setup([]);
    void flow.start();
    await tick();
    expect($("ready-findings")).toBeNull();
    $("export-confirm")!.click();
    await flow.done;
    expect(exports).toEqual([[7, "/tmp/out/piece.html", "standalone", "embed"]]);
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    const { flow, exports, $ } = setup([], { path: null });
    void flow.start();
    await tick();
    $("export-confirm")!.click();
    await flow.done;
    expect(exports).toEqual([]);
    expect($("export-dialog")!.hidden).toBe(true);
  });

  it("shows why an export failed", async () => {
    const { flow, $ } = setup([], { fail: "cannot write /ro/piece.html: permission denied" });
    void flow.start();
    await tick();
    $("export-confirm")!.click();
    await flow.done;
    expect($("export-error")!.textContent).toBe("Could not export: cannot write /ro/piece.html: permission denied");
    expect($("export-result")).toBeNull();
  });

  it("does nothing when the edits could not be saved", async () => {
    const { flow, calls, $ } = setup([TK], { flushOk: false });
    await flow.start();
    expect(calls).toEqual(["flush"]);
    expect($("export-dialog")!.hidden).toBe(true);
  });

  it("copies the fragment to the clipboard, also with Ctrl+Shift+C", async () => {
    const { clipboard, notices, $ } = setup([]);
    $("copy-html")!.click();
    await tick();
    await tick();
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "C", ctrlKey: true, shiftKey: true }));
    await tick();
    await tick();
    expect(clipboard).toEqual(["<p>Hello</p>", "<p>Hello</p>"]);
    expect(notices[0]).toMatch(/^Copied as HTML/);
  });

  it("opens with Ctrl+E and closes with Escape", async () => {
    const { flow, $ } = setup([QUOTE]);
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "e", ctrlKey: true }));
    await tick();
    expect($("export-dialog")!.hidden).toBe(false);
    $("export-anyway")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect($("export-dialog")!.hidden).toBe(true);
    expect(flow.open).toBe(false);
  });
});

describe("finding text", () => {
  it("labels each kind and capitalises the message", () => {
    expect(describeFinding(QUOTE)).toEqual({
      label: "Quote",
      message: "Closing quotation mark without an opening one",
      excerpt: "…it is time,” she said",
    });
    const missing: ReadyFinding = { code: "missing-byline", field: "byline", message: "the piece has no byline", quote_code: null, excerpt: null };
    expect(describeFinding(missing).label).toBe("Byline");
    expect(summarize([TK])).toBe("1 thing to fix before filing");
    expect(summarize([TK, QUOTE, missing])).toBe("3 things to fix before filing");
  });
});
