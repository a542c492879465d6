// Tests for the trash view: it lists deleted drafts, restores one, tells the
// app, and says when the trash is empty or a restore failed.
import { describe, expect, it, vi } from "vitest";
import type { DraftSummary } from "./ipc";
import { deletedWhen, installTrash, type TrashApi } from "./trash";

function summary(id: number, headline: string, deleted_at: number): DraftSummary {
  return { id, slug: "", headline, dek: "", status: "draft", created_at: 0, updated_at: 0, word_count: 0, deleted_at };
}

function setup(initial: DraftSummary[], failRestore = false) {
  document.head.innerHTML = "";
  document.body.innerHTML = '<nav class="sidebar"></nav>';
  let trash = [...initial];
  const restored: number[] = [];
  const ipc: TrashApi = {
    listTrash: vi.fn(async () => [...trash]),
    undeleteDraft: vi.fn(async (id: number) => {
      if (failRestore) throw new Error("database is locked");
      trash = trash.filter((d) => d.id !== id);
    }),
  };
  const view = installTrash({ onRestored: (id) => void restored.push(id) }, { ipc });
  const items = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="trash-item"]'));
  return { view, restored, items, ipc };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("trash view", () => {
  it("sits in the sidebar and lists deleted drafts when opened", async () => {
    const now = Date.now();
    const { view, items } = setup([summary(3, "Bridge reopens", now - 5 * 60000), summary(4, "", now)]);
    expect(view.button.parentElement?.className).toBe("sidebar");
    expect(view.panel.hidden).toBe(true);
    await view.toggle();
    expect(items().map((li) => li.querySelector(".tv-title")!.textContent)).toEqual(["Bridge reopens", "Untitled"]);
    expect(items()[0].textContent).toContain("deleted 5 min ago");
    expect(document.querySelector('[data-testid="trash-list"]')!.textContent).not.toContain("Delete");
  });

  it("restores a draft and tells the app", async () => {
    const { view, restored, items, ipc } = setup([summary(3, "Bridge reopens", 0)]);
    await view.toggle(true);
    items()[0].querySelector<HTMLButtonElement>('[data-testid="trash-restore"]')!.click();
    await tick();
    expect(ipc.undeleteDraft).toHaveBeenCalledWith(3);
    expect(restored).toEqual([3]);
    expect(items()).toEqual([]);
    expect(view.panel.textContent).toContain("The trash is empty.");
  });

  it("keeps the draft listed when the restore fails", async () => {
    const { view, restored, items } = setup([summary(3, "Bridge reopens", 0)], true);
    await view.toggle(true);
    const button = items()[0].querySelector<HTMLButtonElement>('[data-testid="trash-restore"]')!;
    button.click();
    await tick();
    expect(restored).toEqual([]);
    expect(items().length).toBe(1);
    expect(button.disabled).toBe(false);
    expect(view.panel.textContent).toContain("Could not restore “Bridge reopens”: database is locked");
  });

  it("says when the trash is empty", async () => {
    const { view } = setup([]);
    await view.toggle(true);
    expect(view.panel.textContent).toContain("The trash is empty.");
  });
});

describe("deletedWhen", () => {
  it("says how long ago, in minutes, hours, then a date", () => {
    const now = Date.UTC(2026, 10, 29, 12, 0);
    expect(deletedWhen(null, now)).toBe("");
    expect(deletedWhen(now - 10_000, now)).toBe("deleted just now");
    expect(deletedWhen(now - 12 * 60000, now)).toBe("deleted 12 min ago");
    expect(deletedWhen(now - 3 * 3600000, now)).toBe("deleted 3 h ago");
    expect(deletedWhen(now - 10 * 86400000, now)).toMatch(/^deleted \S+ \S+$/);
  });
});
