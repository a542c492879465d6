//! A long draft's first frame lays out only its first blocks; the rule that defers the rest
//! goes right after that frame, when another draft opens, and with the editor.

import { afterEach, describe, expect, it, vi } from "vitest";
import { mount } from "./helpers";

const rules = () => [...document.head.querySelectorAll("style")].map((s) => s.textContent ?? "").filter((t) => t.includes("content-visibility"));
const draft = (blocks: number) => Array.from({ length: blocks }, (_, i) => `Paragraph ${i}.`).join("\n\n") + "\n";

describe("layout after the first frame", () => {
  afterEach(() => vi.useRealTimers());

  it("defers blocks past the first screens for the first frame only", () => {
    vi.useFakeTimers();
    const editor = mount(draft(200));
    expect(rules()).toEqual([expect.stringContaining(":nth-child(n+41)")]);
    vi.runAllTimers();
    expect(rules()).toEqual([]);
    expect(editor.getMarkdown()).toBe(draft(200));
    editor.destroy();
  });

  it("leaves short drafts alone, and ends with a new draft or the editor", () => {
    vi.useFakeTimers();
    const editor = mount("Short.\n");
    expect(rules()).toEqual([]);
    editor.setMarkdown(draft(300));
    expect(rules()).toHaveLength(1);
    editor.setMarkdown(draft(300));
    expect(rules()).toHaveLength(1);
    editor.destroy();
    expect(rules()).toEqual([]);
  });
});
