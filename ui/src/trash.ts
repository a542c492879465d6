// The trash view: a "Trash" entry in the sidebar that lists deleted drafts
// with a Restore button each. Nothing here deletes a draft for good.
// Self-installing: main.ts calls installTrash once after the shell is drawn.
import { h } from "./dom";
import { api, type DraftSummary } from "./ipc";

/** The shell commands the trash uses; tests pass fakes. */
export type TrashApi = Pick<typeof api, "listTrash" | "undeleteDraft">;

export interface TrashHost {
  /** Called after a draft left the trash: refresh the list, open it. */
  onRestored(id: number): void | Promise<void>;
  notify?(text: string): void;
}

/** "deleted 5 min ago", "deleted 3 Mar": when a draft went to the trash. */
/** `deletedAt` is in milliseconds since the epoch, like every time core stores. */
export function deletedWhen(deletedAt: number | null, now = Date.now()): string {
  if (deletedAt === null) return "";
  const ms = deletedAt;
  const mins = Math.round((now - ms) / 60000);
  if (mins < 1) return "deleted just now";
  if (mins < 60) return `deleted ${mins} min ago`;
  const hours = Math.round(mins / 60);
  if (hours < 24) return `deleted ${hours} h ago`;
  const d = new Date(ms);
  return `deleted ${d.toLocaleDateString(undefined, { day: "numeric", month: "short" })}`;
}

export class TrashView {
  readonly button: HTMLButtonElement;
  readonly panel: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLParagraphElement;

  constructor(
    private readonly host: TrashHost,
    private readonly ipc: TrashApi,
  ) {
    this.button = h("button", {
      class: "tv-open",
      "data-testid": "trash-open",
      "aria-expanded": "false",
      text: "Trash",
      onclick: () => void this.toggle(),
    });
    this.list = h("ul", { class: "tv-list", "aria-label": "Deleted drafts", "data-testid": "trash-list" });
    this.status = h("p", { class: "tv-status", role: "status" });
    this.panel = h(
      "section",
      { class: "tv-panel", hidden: true, "aria-label": "Trash" },
      h("p", { class: "tv-hint", text: "Deleted drafts stay here until you restore them." }),
      this.status,
      this.list,
    );
  }

  get open(): boolean {
    return !this.panel.hidden;
  }

  async toggle(on = !this.open): Promise<void> {
    this.panel.hidden = !on;
    this.button.setAttribute("aria-expanded", String(on));
    this.button.classList.toggle("tv-active", on);
    if (on) await this.refresh();
  }

  async refresh(): Promise<void> {
    let drafts: DraftSummary[];
    try {
      drafts = await this.ipc.listTrash();
    } catch (e) {
      this.status.textContent = `Could not read the trash: ${(e as Error).message}`;
      return;
    }
    this.status.textContent = drafts.length === 0 ? "The trash is empty." : "";
    this.list.replaceChildren(...drafts.map((d) => this.item(d)));
  }

  private item(d: DraftSummary): HTMLLIElement {
    const restore = h("button", {
      class: "tv-restore",
      "data-testid": "trash-restore",
      text: "Restore",
      onclick: () => void this.restore(d, li, restore),
    });
    const li = h(
      "li",
      { class: "tv-item", "data-testid": "trash-item", "data-id": d.id },
      h(
        "div",
        { class: "tv-text" },
        h("span", { class: "tv-title", text: d.headline.trim() || "Untitled" }),
        h("span", { class: "tv-when", text: deletedWhen(d.deleted_at) }),
      ),
      restore,
    );
    return li;
  }

  private async restore(d: DraftSummary, li: HTMLLIElement, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await this.ipc.undeleteDraft(d.id);
    } catch (e) {
      button.disabled = false;
      this.status.textContent = `Could not restore “${d.headline || "Untitled"}”: ${(e as Error).message}`;
      return;
    }
    li.remove();
    if (this.list.childElementCount === 0) this.status.textContent = "The trash is empty.";
    this.host.notify?.(`Restored “${d.headline.trim() || "Untitled"}”`);
    await this.host.onRestored(d.id);
  }
}

const STYLE = `
.tv-open { display: block; width: calc(100% - 24px); margin: 8px 12px 4px; padding: 6px 10px; text-align: left; cursor: pointer;
  font: 500 13px/1.3 var(--sans, sans-serif); color: var(--muted, #666); background: transparent; border: 1px solid transparent; border-radius: 6px; }
.tv-open:hover, .tv-open.tv-active { background: var(--side-hover, #e9e6de); color: var(--ink, #111); }
.tv-panel { margin: 0 12px 12px; padding: 8px 10px; border: 1px solid var(--rule, #ddd); border-radius: 8px; background: var(--paper, #fff);
  font: 13px/1.4 var(--sans, sans-serif); max-height: 40vh; overflow: auto; }
.tv-hint, .tv-status { margin: 0 0 6px; color: var(--muted, #666); font-size: 12px; }
.tv-status:empty { display: none; }
.tv-list { list-style: none; margin: 0; padding: 0; }
.tv-item { display: flex; align-items: center; gap: 8px; padding: 6px 0; border-top: 1px solid var(--rule, #ddd); }
.tv-text { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.tv-title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--ink, #111); }
.tv-when { font-size: 11.5px; color: var(--muted, #777); }
.tv-restore { font: 500 12px/1 var(--sans, sans-serif); padding: 5px 9px; border-radius: 5px; cursor: pointer;
  color: var(--ink, #111); background: transparent; border: 1px solid var(--rule, #ccc); }
.tv-restore:hover { border-color: var(--accent, #8c1d18); color: var(--accent, #8c1d18); }
`;

/** Adds the Trash entry and its panel to the sidebar (`sidebar` selector). */
export function installTrash(host: TrashHost, options: { ipc?: TrashApi; sidebar?: string } = {}): TrashView {
  if (!document.getElementById("tv-trash-style")) {
    document.head.append(h("style", { id: "tv-trash-style", text: STYLE }));
  }
  const view = new TrashView(host, options.ipc ?? api);
  const sidebar = document.querySelector(options.sidebar ?? ".sidebar") ?? document.body;
  sidebar.append(view.button, view.panel);
  return view;
}
