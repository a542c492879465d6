//! The live quote-check plugin, driven by a fake checker that finds curly quotes itself.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CheckResult } from "../../src/editor";
import { mount, selectText, type } from "./helpers";

/** A fake checker: every “…” is a quote by the capitalised word after "said" (if any); a ”
 *  without an opening mark is an issue whose fix inserts “ at the start of its sentence. */
function fakeCheck(markdown: string): CheckResult {
  const quotes: CheckResult["quotes"] = [];
  const issues: CheckResult["issues"] = [];
  for (const m of markdown.matchAll(/“[^”]*”/g)) {
    const after = markdown.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
    const speaker = /^,? said (\p{Lu}\p{L}+)/u.exec(after)?.[1] ?? null;
    quotes.push({ start: m.index!, end: m.index! + m[0].length, speaker, kind: "direct" });
  }
  for (const m of markdown.matchAll(/(^|\. )([^“”.\n]*)”/gm)) {
    const start = m.index! + m[1].length;
    issues.push({
      code: "missing-open",
      severity: "warning",
      start,
      end: start + m[2].length + 1,
      message: "Closing mark without an opening one",
      fix: { start, end: start, insert: "“" },
    });
  }
  return { quotes, issues };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = "";
});

/** Lets the debounce run out and the checker's promise settle. */
async function settle(ms = 150): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await Promise.resolve();
}

describe("quoteCheck", () => {
  it("highlights quotes by speaker and underlines issues with the message as title", async () => {
    const md = "“We won,” said **Ana** today. “Yes,” said Ben.\n\n*Zoë* 🇫🇷 “Oui”, said Ana.\n\nIt is over,” he said.\n";
    const e = mount(md, { check: async (t) => fakeCheck(t) });
    await settle();
    const quotes = [...e.view.dom.querySelectorAll(".quote")];
    expect(quotes.map((q) => q.textContent)).toEqual(["“We won,”", "“Yes,”", "“Oui”"]);
    expect(quotes.map((q) => q.getAttribute("data-speaker"))).toEqual(["", "Ben", "Ana"]);
    expect(quotes[0].className).toContain("quote-unattributed");
    expect(quotes[1].className).toContain("quote-speaker-0");
    expect(quotes[2].className).toContain("quote-speaker-1");
    const issue = e.view.dom.querySelector(".issue")!;
    expect(issue.textContent).toBe("It is over,”");
    expect(issue.getAttribute("title")).toBe("Closing mark without an opening one");
    expect(issue.getAttribute("data-code")).toBe("missing-open");
  });

  it("applyFix inserts the missing mark at the mapped position, and the issue goes", async () => {
    const md = "**Bold** intro with é and 👍🏽.\n\nIt is over,” said Ana.\n";
    const e = mount(md, { check: async (t) => fakeCheck(t) });
    await settle();
    const result = e.latestCheck()!;
    expect(result.issues).toHaveLength(1);
    expect(e.applyFix(result.issues[0].fix!)).toBe(true);
    expect(e.getMarkdown()).toBe("**Bold** intro with é and 👍🏽.\n\n“It is over,” said Ana.\n");
    await settle();
    expect(e.latestCheck()!.issues).toHaveLength(0);
    expect(e.view.dom.querySelector(".quote")?.textContent).toBe("“It is over,”");
  });

  it("applies a fix correctly after an edit made since the check", async () => {
    const e = mount("Intro.\n\nIt is over,” said Ana.\n", { check: async (t) => fakeCheck(t) });
    await settle();
    const fix = e.latestCheck()!.issues[0].fix!;
    selectText(e, "Intro", true);
    type(e, "duction");
    e.applyFix(fix);
    expect(e.getMarkdown()).toBe("Introduction.\n\n“It is over,” said Ana.\n");
  });

  it("debounces: one check for a burst of typing, none without changes", async () => {
    const check = vi.fn(async (t: string) => fakeCheck(t));
    const e = mount("Start\n", { check, checkDelay: 100 });
    await settle();
    expect(check).toHaveBeenCalledTimes(1);
    selectText(e, "Start", true);
    for (const ch of " more words") {
      type(e, ch);
      await vi.advanceTimersByTimeAsync(30);
    }
    expect(check).toHaveBeenCalledTimes(1);
    await settle(100);
    expect(check).toHaveBeenCalledTimes(2);
    expect(check).toHaveBeenLastCalledWith("Start more words\n");
    // Moving the cursor does not change the document, so no check.
    selectText(e, "more");
    await settle(200);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it("checks again after setMarkdown", async () => {
    const check = vi.fn(async (t: string) => fakeCheck(t));
    const e = mount("one\n", { check });
    await settle();
    e.setMarkdown("“Two,” said Ana.\n");
    await settle();
    expect(check).toHaveBeenLastCalledWith("“Two,” said Ana.\n");
    expect(e.view.dom.querySelector(".quote")?.getAttribute("data-speaker")).toBe("Ana");
  });

  it("never waits more than 150 ms", async () => {
    const check = vi.fn(async (t: string) => fakeCheck(t));
    mount("x\n", { check, checkDelay: 1000 });
    await settle(150);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("ignores a result that arrives after the document changed", async () => {
    const pending: ((r: CheckResult) => void)[] = [];
    const e = mount("“A,” said Ana.\n", { check: (t) => new Promise((res) => pending.push(() => res(fakeCheck(t)))) });
    await settle();
    expect(pending).toHaveLength(1);
    selectText(e, "A", true);
    type(e, "B");
    pending[0]({ quotes: [], issues: [] }); // Would highlight “A,” if it were applied.
    await Promise.resolve();
    expect(e.latestCheck()).toBeNull();
    await settle();
    expect(pending).toHaveLength(2);
    pending[1]({ quotes: [], issues: [] }); // The fake computes from the text it was given.
    await Promise.resolve();
    await Promise.resolve();
    expect(e.view.dom.querySelector(".quote")?.textContent).toBe("“AB,”");
  });

  it("keeps decorations on their text while the next check runs", async () => {
    const e = mount("Hi. “Quote,” said Ana.\n", { check: async (t) => fakeCheck(t) });
    await settle();
    selectText(e, "Hi", true);
    type(e, "ya");
    expect(e.view.dom.querySelector(".quote")?.textContent).toBe("“Quote,”");
  });

  it("marks a raw Markdown block that holds a finding", async () => {
    const md = "Intro.\n\n| who | said |\n|---|---|\n| Ana | “Yes” |\n";
    const e = mount(md, { check: async (t) => fakeCheck(t) });
    await settle();
    expect(e.latestCheck()!.quotes).toHaveLength(1);
    const raw = e.view.dom.querySelector(".raw-markdown-block")!;
    expect(raw.classList.contains("quote")).toBe(true);
    expect(raw.getAttribute("data-speaker")).toBe("");
  });

  it("revealRange selects the text of a Markdown range", async () => {
    const md = "*Ça* “va” said Ana.\n";
    const e = mount(md, { check: async (t) => fakeCheck(t) });
    await settle();
    const q = e.latestCheck()!.quotes[0];
    e.revealRange(q.start, q.end);
    const { from, to } = e.view.state.selection;
    expect(e.view.state.doc.textBetween(from, to)).toBe("“va”");
  });
});
