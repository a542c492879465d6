//! Find and replace: matches, next/previous with wrap-around, replace and replace all.

import { afterEach, describe, expect, it } from "vitest";
import { findMatches } from "../../src/editor/find";
import { parseMarkdown } from "../../src/editor/markdown";
import { mount, press } from "./helpers";

afterEach(() => {
  document.body.innerHTML = "";
});

const MD = "The council met. **The** mayor spoke.\n\n- the end\n\n> Then the vote.\n";

function selected(e: ReturnType<typeof mount>): string {
  const { from, to } = e.view.state.selection;
  return `${from}:${e.view.state.doc.textBetween(from, to)}`;
}

describe("find and replace", () => {
  it("finds matches in every block, case-insensitive by default, across marks", () => {
    const doc = parseMarkdown(MD);
    expect(findMatches(doc, "the").map((m) => doc.textBetween(m.from, m.to))).toEqual(["The", "The", "the", "The", "the"]);
    expect(findMatches(doc, "the", true)).toHaveLength(2);
    expect(findMatches(doc, "met. The").length).toBe(1);
    expect(findMatches(doc, "")).toEqual([]);
  });

  it("next and previous walk the matches and wrap around", () => {
    const e = mount(MD);
    expect(e.find.search("mayor")).toBe(1);
    expect(e.find.search("the")).toBe(5);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      e.find.next();
      seen.push(selected(e));
    }
    expect(seen[5]).toBe(seen[0]);
    expect(new Set(seen.slice(0, 5)).size).toBe(5);
    e.find.previous();
    expect(selected(e)).toBe(seen[4]);
    expect(e.find.status().count).toBe(5);
    expect(e.view.dom.querySelectorAll(".find-match").length).toBe(5);
    expect(e.view.dom.querySelectorAll(".find-current").length).toBe(1);
  });

  it("replace changes the current match and moves on", () => {
    const e = mount("cat and cat and cat\n");
    e.find.search("cat");
    e.find.next();
    expect(e.find.status().current).toBe(1);
    expect(e.find.replace("dog")).toBe(true);
    expect(e.getMarkdown()).toBe("cat and dog and cat\n");
    expect(e.find.status()).toEqual({ count: 2, current: 1 });
    e.find.replace("dog");
    expect(e.getMarkdown()).toBe("cat and dog and dog\n");
    expect(e.find.status()).toEqual({ count: 1, current: 0 });
  });

  it("replace all keeps formatting and undoes in one step", () => {
    const e = mount("**Kyiv** and Kyiv, *Kyiv*.\n");
    expect(e.find.search("kyiv")).toBe(3);
    expect(e.find.replaceAll("Kiev")).toBe(3);
    expect(e.getMarkdown()).toBe("**Kiev** and Kiev, *Kiev*.\n");
    expect(e.find.status().count).toBe(0);
    e.undo();
    expect(e.getMarkdown()).toBe("**Kyiv** and Kyiv, *Kyiv*.\n");
  });

  it("Ctrl+F asks the app to open its find bar", () => {
    let asked = 0;
    const e = mount("x\n", { onFindRequest: () => asked++ });
    press(e, "f", { ctrl: true });
    expect(asked).toBe(1);
  });

  it("clear removes the highlights", () => {
    const e = mount("a a\n");
    e.find.search("a");
    e.find.clear();
    expect(e.view.dom.querySelectorAll(".find-match").length).toBe(0);
  });
});
