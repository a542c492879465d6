// Fixes apply at UTF-16 offsets, so text with emoji or accents before the
// quote is edited in the right place; speakers keep their colours.
import { describe, expect, it } from "vitest";
import type { Quote, Report } from "./ipc";
import { applyFix, speakerSlots } from "./quotes";

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
