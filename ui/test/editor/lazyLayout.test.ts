//! A long draft is laid out a few dozen blocks per frame after the first screens: the rule that
//! defers the rest moves down step by step and goes away once it has passed the last block.

import { afterEach, describe, expect, it, vi } from "vitest";
import { mount } from "./helpers";

const rule = () => [...document.head.querySelectorAll("style")].map((s) => s.textContent ?? "").find((t) => t.includes("content-visibility"));
const draft = (blocks: number) => Array.from({ length: blocks }, (_, i) => `Paragraph ${i}.`).join("\n\n") + "\n";

describe("progressive layout", () => {
  afterEach(() => vi.useRealTimers());

  it("defers blocks past the first screens, then lays them all out", () => {
    vi.useFakeTimers();
    const editor = mount(draft(200));
    expect(rule()).toContain(":nth-child(n+41)");
    vi.advanceTimersByTime(16);
    expect(rule()).toContain(":nth-child(n+81)");
    vi.advanceTimersByTime(16 * 10);
    expect(rule()).toBeUndefined();
    // Nothing changed in the document meanwhile.
    expect(editor.getMarkdown()).toBe(draft(200));
    editor.destroy();
  });

  it("starts again for each long draft opened, and stops with the editor", () => {
    vi.useFakeTimers();
    const editor = mount("Short.\n");
    expect(rule()).toBeUndefined();
    editor.setMarkdown(draft(300));
    expect(rule()).toContain(":nth-child(n+41)");
    vi.advanceTimersByTime(16 * 3);
    editor.setMarkdown(draft(300));
    expect(rule()).toContain(":nth-child(n+41)");
    expect(document.head.querySelectorAll("style").length).toBe(1);
    editor.destroy();
    expect(rule()).toBeUndefined();
  });
});
