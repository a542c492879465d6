// Export as HTML and Copy as HTML: the toolbar buttons, their shortcuts
// (Ctrl+E, Ctrl+Shift+C) and the dialog that runs the ready check, asks
// "Export anyway?", offers the export options and says where the file went.
// Self-installing: main.ts calls installExport once after the shell is drawn.
import { h } from "./dom";
import { api, type ExportImages, type ExportMode, type ReadyFinding } from "./ipc";

/** What the export needs from the app. */
export interface ExportHost {
  /** The open draft, or null when none is open. */
  getDraftId(): number | null;
  /** Saves pending edits; false if that failed (the app shows why). */
  flush(): Promise<boolean>;
}

/** The shell commands export uses; tests pass fakes. */
export type ExportApi = Pick<
  typeof api,
  "readyCheck" | "chooseExportPath" | "exportHtml" | "copyHtml" | "writeClipboard"
>;

const LABELS: Record<string, string> = {
  "quote-error": "Quote",
  placeholder: "Placeholder",
  "missing-headline": "Headline",
  "missing-byline": "Byline",
};

/** A finding as the dialog shows it: a short label and a sentence. */
export function describeFinding(f: ReadyFinding): { label: string; message: string; excerpt: string | null } {
  const label = LABELS[f.code] ?? f.field[0].toUpperCase() + f.field.slice(1);
  const message = f.message.charAt(0).toUpperCase() + f.message.slice(1);
  return { label, message, excerpt: f.excerpt };
}

/** The dialog's one line summary of the findings. */
export function summarize(findings: ReadyFinding[]): string {
  const n = findings.length;
  return n === 1 ? "1 thing to fix before filing" : `${n} things to fix before filing`;
}

export class ExportFlow {
  readonly dialog: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private lastFocus: Element | null = null;
  /** Rises with each new run, so a stale step never draws over a newer one. */
  private run = 0;
  /** Resolves when the current run ends (tests wait on it). */
  done: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ExportHost,
    private readonly ipc: ExportApi,
    private readonly notify: (text: string) => void,
  ) {
    this.body = h("div", { class: "bx-body" });
    this.dialog = h(
      "div",
      { class: "bx-backdrop", hidden: true, "data-testid": "export-dialog" },
      h("div", { class: "bx-modal", role: "dialog", "aria-modal": "true", "aria-label": "Export as HTML" }, this.body),
    );
    this.dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.close();
      }
    });
  }

  get open(): boolean {
    return !this.dialog.hidden;
  }

  close(): void {
    this.run++;
    this.dialog.hidden = true;
    if (this.lastFocus instanceof HTMLElement) this.lastFocus.focus();
  }

  /** Export: flush, ready check, "Export anyway?", options, save, result. */
  start(): Promise<void> {
    this.done = this.exportRun();
    return this.done;
  }

  private async exportRun(): Promise<void> {
    const id = this.host.getDraftId();
    if (id === null) return;
    const run = ++this.run;
    if (!(await this.host.flush())) return;
    let findings: ReadyFinding[];
    try {
      findings = await this.ipc.readyCheck(id);
    } catch (e) {
      if (run === this.run) this.showError(`Could not check the draft: ${(e as Error).message}`);
      return;
    }
    if (run !== this.run) return;
    if (findings.length > 0 && !(await this.askAnyway(findings))) return;
    const choice = await this.askOptions();
    if (!choice || run !== this.run) return;
    this.showStep("Exporting…", [h("p", { class: "bx-muted", text: "Choose where to save the file." })], []);
    try {
      const path = await this.ipc.chooseExportPath(id);
      if (run !== this.run) return;
      if (path === null) {
        this.close();
        return;
      }
      const written = await this.ipc.exportHtml(id, path, choice.mode, choice.images);
      if (run !== this.run) return;
      this.showResult(written);
    } catch (e) {
      if (run === this.run) this.showError(`Could not export: ${(e as Error).message}`);
    }
  }

  /** Copy as HTML: the clean fragment onto the clipboard. */
  async copy(): Promise<void> {
    const id = this.host.getDraftId();
    if (id === null) return;
    if (!(await this.host.flush())) return;
    try {
      const html = await this.ipc.copyHtml(id);
      await this.ipc.writeClipboard(html);
      this.notify("Copied as HTML: paste it into the CMS");
    } catch (e) {
      this.notify(`Could not copy as HTML: ${(e as Error).message}`);
    }
  }

  private showStep(title: string, content: Node[], buttons: HTMLButtonElement[]): void {
    if (this.dialog.hidden) this.lastFocus = document.activeElement;
    this.body.replaceChildren(
      h("h2", { class: "bx-title", text: title }),
      ...content,
      h("div", { class: "bx-buttons" }, ...buttons),
    );
    this.dialog.hidden = false;
    const primary = buttons.find((b) => b.classList.contains("bx-primary")) ?? buttons[0];
    primary?.focus();
  }

  private button(text: string, testid: string, primary: boolean, onclick: () => void): HTMLButtonElement {
    return h("button", { class: primary ? "bx-primary" : "bx-quiet", "data-testid": testid, text, onclick });
  }

  private askAnyway(findings: ReadyFinding[]): Promise<boolean> {
    return new Promise((resolve) => {
      const list = h(
        "ul",
        { class: "bx-findings", "data-testid": "ready-findings" },
        ...findings.map((f) => {
          const d = describeFinding(f);
          return h(
            "li",
            { class: `bx-finding bx-${f.code}`, "data-testid": "ready-finding", "data-code": f.code },
            h("span", { class: "bx-label", text: d.label }),
            h("span", { class: "bx-message", text: d.message }),
            d.excerpt ? h("q", { class: "bx-excerpt", text: d.excerpt }) : null,
          );
        }),
      );
      const cancel = this.button("Cancel", "export-cancel", false, () => {
        this.close();
        resolve(false);
      });
      const anyway = this.button("Export anyway", "export-anyway", true, () => resolve(true));
      this.showStep(
        "Not ready to file",
        [h("p", { class: "bx-muted", text: `${summarize(findings)}. Export anyway?` }), list],
        [cancel, anyway],
      );
    });
  }

  private askOptions(): Promise<{ mode: ExportMode; images: ExportImages } | null> {
    return new Promise((resolve) => {
      const radio = (name: string, value: string, label: string, hint: string, checked: boolean) =>
        h(
          "label",
          { class: "bx-choice" },
          h("input", { type: "radio", name, value, checked, "data-testid": `export-${value}` }),
          h("span", {}, h("strong", { text: label }), h("span", { class: "bx-muted", text: hint })),
        );
      const form = h(
        "form",
        { class: "bx-options" },
        h(
          "fieldset",
          {},
          h("legend", { text: "Write" }),
          radio("mode", "standalone", "A complete page", "Opens in any browser, with headline, byline and date.", true),
          radio("mode", "fragment", "A fragment for the CMS", "Just the article’s HTML, to paste into a template.", false),
        ),
        h(
          "fieldset",
          {},
          h("legend", { text: "Images on this computer" }),
          radio("images", "embed", "Embed them in the file", "One self-contained file.", true),
          radio("images", "copy", "Copy them next to it", "Into an images folder beside the file.", false),
          radio("images", "link", "Leave the links as written", "For images the CMS already holds; no file is read.", false),
        ),
      );
      const cancel = this.button("Cancel", "export-cancel", false, () => {
        this.close();
        resolve(null);
      });
      const go = this.button("Export…", "export-confirm", true, () => {
        const data = new FormData(form);
        resolve({
          mode: (data.get("mode") as ExportMode | null) ?? "standalone",
          images: (data.get("images") as ExportImages | null) ?? "embed",
        });
      });
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        go.click();
      });
      this.showStep("Export as HTML", [form], [cancel, go]);
    });
  }

  private showResult(path: string): void {
    const ok = this.button("Done", "export-close", true, () => this.close());
    this.showStep(
      "Exported",
      [
        h(
          "p",
          { class: "bx-result", role: "status", "data-testid": "export-result" },
          "Exported to ",
          h("code", { class: "bx-path", text: path }),
        ),
      ],
      [ok],
    );
    this.notify(`Exported to ${path}`);
  }

  private showError(message: string): void {
    const ok = this.button("Close", "export-close", true, () => this.close());
    this.showStep("Export failed", [h("p", { class: "bx-error", role: "alert", "data-testid": "export-error", text: message })], [ok]);
  }
}

const STYLE = `
.bx-backdrop { position: fixed; inset: 0; z-index: 50; display: flex; align-items: center; justify-content: center;
  background: color-mix(in srgb, var(--ink, #000) 35%, transparent); }
.bx-backdrop[hidden] { display: none; }
.bx-modal { width: min(560px, calc(100vw - 48px)); max-height: calc(100vh - 64px); overflow: auto; padding: 22px 24px 18px;
  background: var(--paper, #fff); color: var(--ink, #111); border: 1px solid var(--rule, #ccc); border-radius: 10px;
  box-shadow: 0 18px 50px rgba(0,0,0,.25); font: 14px/1.45 var(--sans, sans-serif); }
.bx-title { margin: 0 0 6px; font: 600 19px/1.3 var(--serif, serif); }
.bx-muted { color: var(--muted, #666); margin: 0 0 12px; }
.bx-findings { list-style: none; margin: 0 0 16px; padding: 0; border-top: 1px solid var(--rule, #ddd); }
.bx-finding { display: grid; grid-template-columns: 92px 1fr; gap: 2px 10px; padding: 8px 0; border-bottom: 1px solid var(--rule, #ddd); }
.bx-label { grid-row: span 2; align-self: start; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
  color: var(--error, #a4161a); padding-top: 2px; }
.bx-placeholder .bx-label, .bx-missing-headline .bx-label, .bx-missing-byline .bx-label { color: var(--accent, #8c1d18); }
.bx-excerpt { grid-column: 2; font: italic 13px/1.4 var(--serif, serif); color: var(--muted, #555); quotes: none; }
.bx-options fieldset { border: 0; margin: 0 0 12px; padding: 0; }
.bx-options legend { font-weight: 600; margin-bottom: 4px; }
.bx-choice { display: flex; gap: 8px; align-items: baseline; padding: 4px 0; cursor: pointer; }
.bx-choice strong { display: block; font-weight: 500; }
.bx-choice .bx-muted { margin: 0; font-size: 12.5px; }
.bx-buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }
.bx-buttons button { font: 500 13.5px/1 var(--sans, sans-serif); padding: 8px 14px; border-radius: 6px; cursor: pointer; }
.bx-primary { background: var(--accent, #8c1d18); color: var(--accent-ink, #fff); border: 1px solid var(--accent, #8c1d18); }
.bx-quiet { background: transparent; color: var(--ink, #111); border: 1px solid var(--rule, #ccc); }
.bx-buttons button:focus-visible { outline: 2px solid var(--focus, #2b5d8c); outline-offset: 2px; }
.bx-result { margin: 4px 0 12px; }
.bx-path { font: 12.5px/1.4 ui-monospace, monospace; word-break: break-all; background: var(--side, #f3f1eb); padding: 1px 4px; border-radius: 3px; }
.bx-error { color: var(--error, #a4161a); margin: 4px 0 12px; }
`;

function injectStyle(id: string, css: string): void {
  if (document.getElementById(id)) return;
  document.head.append(h("style", { id, text: css }));
}

/**
 * Adds Export and Copy as HTML to the draft toolbar (the first element
 * matching `toolbar`), the dialog to the page, and the shortcuts.
 */
export function installExport(
  host: ExportHost,
  options: { ipc?: ExportApi; notify?: (text: string) => void; toolbar?: string } = {},
): ExportFlow {
  injectStyle("bx-export-style", STYLE);
  const notify = options.notify ?? (() => {});
  const flow = new ExportFlow(host, options.ipc ?? api, notify);
  document.body.append(flow.dialog);
  const exportButton = h("button", {
    class: "quiet",
    title: "Export as HTML (Ctrl+E)",
    "data-testid": "export-html",
    text: "Export",
    onclick: () => void flow.start(),
  });
  const copyButton = h("button", {
    class: "quiet",
    title: "Copy as HTML for the CMS (Ctrl+Shift+C)",
    "data-testid": "copy-html",
    text: "Copy HTML",
    onclick: () => void flow.copy(),
  });
  const toolbar = document.querySelector(options.toolbar ?? ".meta-row");
  if (toolbar) {
    toolbar.append(exportButton, copyButton);
  } else {
    // No toolbar (its markup changed): keep the commands reachable.
    document.body.append(h("div", { class: "bx-floating" }, exportButton, copyButton));
  }
  document.addEventListener(
    "keydown",
    (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || flow.open) return;
      const key = e.key.toLowerCase();
      if (key === "e" && !e.shiftKey) {
        e.preventDefault();
        void flow.start();
      } else if (key === "c" && e.shiftKey) {
        e.preventDefault();
        void flow.copy();
      }
    },
    true,
  );
  return flow;
}
