// Fixes apply at UTF-16 offsets, so text with emoji or accents before the
// quote is edited in the right place; speakers keep their colours.
import { describe, expect, it } from "vitest";
import type { Quote, Report } from "./ipc";
import { applyFix, renderPanel, speakerSlots, toCheckResult } from "./quotes";
import { createEditor } from "./editor";

describe("applyFix", () => {
  it("inserts at a UTF-16 offset past astral characters", () => {
    const text = "🎉 Café owner: It is good to have it back,” she said.";
    const at = text.indexOf("It");
    expect(applyFix(text, { label: "Insert “", range: { start: at, end: at }, insert: "“" })).toBe(
      "🎉 Café owner: “It is good to have it back,” she said.",
    );
  });
  it("replaces a range", () => {
    expect(applyFix('He said "no".', { label: "", range: { start: 8, end: 9 }, insert: "“" })).toBe("He said “no\".");
  });
});

describe("speakerSlots", () => {
  const q = (speaker: string | null): Quote => ({
    range: { start: 0, end: 0 },
    text: "",
    kind: "speech",
    speaker,
    speaker_mention: null,
    cue: null,
    paragraph: 0,
  });
  it("numbers speakers by first appearance and skips unattributed quotes", () => {
    const report: Report = { quotes: [q("B"), q(null), q("A"), q("B")], speakers: [], issues: [] };
    expect([...speakerSlots(report)]).toEqual([
      ["B", 0],
      ["A", 1],
    ]);
  });
});

describe("toCheckResult", () => {
  const report: Report = {
    quotes: [{ range: { start: 2, end: 9 }, text: "x", kind: "speech", speaker: "Ines Halvorsen", speaker_mention: "Halvorsen", cue: "said", paragraph: 0 }],
    speakers: [],
    issues: [
      { code: "missing-open-quote", severity: "error", range: { start: 11, end: 15 }, message: "m", fix: { label: "Insert “", range: { start: 11, end: 11 }, insert: "“" } },
      { code: "unattributed-quote", severity: "warning", range: { start: 0, end: 1 }, message: "n", fix: null },
    ],
  };
  it("flattens ranges and keeps fixes", () => {
    const r = toCheckResult(report);
    expect(r.quotes).toEqual([{ start: 2, end: 9, speaker: "Ines Halvorsen", kind: "speech" }]);
    expect(r.issues[0]).toEqual({ code: "missing-open-quote", severity: "error", start: 11, end: 15, message: "m", fix: { start: 11, end: 11, insert: "“" } });
    expect(r.issues[1].fix).toBeUndefined();
  });
  it("gives fixes the editor applies at the checker's offset, past formatting and emoji", async () => {
    const md = "🎉 *Café* news.\n\nHalf my passengers,” said Tor Lund.\n";
    const at = md.indexOf("Half");
    const fixed: Report = {
      ...report,
      quotes: [],
      issues: [{ ...report.issues[0], range: { start: at, end: at + 4 }, fix: { label: "Insert “", range: { start: at, end: at }, insert: "“" } }],
    };
    let checked!: () => void;
    const done = new Promise<void>((r) => (checked = r));
    const editor = createEditor({
      element: document.createElement("div"),
      markdown: md,
      checkDelay: 0,
      check: async (text) => {
        expect(text).toBe(md);
        return toCheckResult(fixed);
      },
      onCheckResult: () => checked(),
    });
    await done;
    const fix = editor.latestCheck()!.issues[0].fix!;
    expect(editor.applyFix(fix)).toBe(true);
    expect(editor.getMarkdown()).toBe(md.replace("Half", "“Half"));
    editor.destroy();
  });
});

describe("renderPanel", () => {
  const quote = (start: number, text: string, speaker: string | null): Quote => ({
    range: { start, end: start + text.length + 2 },
    text,
    kind: "speech",
    speaker,
    speaker_mention: speaker,
    cue: "said",
    paragraph: 0,
  });
  const report = (shift: number, extra = false): Report => ({
    quotes: [quote(10 + shift, "We sail at dawn", "Tor Lund"), quote(80 + shift, "Not today", null), ...(extra ? [quote(120 + shift, "Later", null)] : [])],
    speakers: [{ name: "Tor Lund", description: null, quotes: 1, words: 4 }],
    issues: [{ code: "unattributed-quote", severity: "warning", range: { start: 80 + shift, end: 91 + shift }, message: "Who said this?", fix: { label: "Fix", range: { start: 79 + shift, end: 79 + shift }, insert: "x" } }],
  });

  it("keeps its elements when only ranges moved, and clicks use the new ranges", () => {
    const panel = document.createElement("aside");
    const jumps: number[][] = [];
    const fixes: number[] = [];
    const actions = { jump: (s: number, e: number) => jumps.push([s, e]), fix: (i: { fix: { range: { start: number } } | null }) => fixes.push(i.fix!.range.start) };
    renderPanel(panel, report(0), actions);
    const items = [...panel.querySelectorAll<HTMLElement>('[data-testid="quote-item"]')];
    expect(items.map((li) => li.textContent)).toEqual(["“We sail at dawn”", "“Not today”"]);

    // Text typed before the quotes: same quotes, ranges 5 later.
    renderPanel(panel, report(5), actions);
    const again = [...panel.querySelectorAll<HTMLElement>('[data-testid="quote-item"]')];
    expect(again[0]).toBe(items[0]);
    again[0].click();
    again[1].click();
    panel.querySelector<HTMLElement>('[data-testid="issue-item"]')!.click();
    panel.querySelector<HTMLElement>('[data-testid="issue-fix"]')!.click();
    expect(jumps).toEqual([
      [15, 32],
      [85, 96],
      [85, 96],
    ]);
    expect(fixes).toEqual([84]);

    // A new quote: the panel is drawn anew.
    renderPanel(panel, report(5, true), actions);
    const third = [...panel.querySelectorAll<HTMLElement>('[data-testid="quote-item"]')];
    expect(third.map((li) => li.textContent)).toEqual(["“We sail at dawn”", "“Not today”", "“Later”"]);
    expect(third[0]).not.toBe(items[0]);
  });
});
