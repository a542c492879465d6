// Tests for the debounced saver: edits merge, saves never overlap, flush
// waits for everything, failures keep the edits.
import { describe, expect, it, vi } from "vitest";
import { Saver, type SaveState } from "./autosave";

type P = { headline?: string; body?: string };

function setup(fail: () => boolean = () => false) {
  const sent: { patch: P; explicit: boolean }[] = [];
  const states: string[] = [];
  let active = 0;
  let maxActive = 0;
  const saver = new Saver<P>({
    delayMs: 20,
    retryMs: 30,
    send: async (patch, explicit) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (fail()) throw new Error("disk full");
      sent.push({ patch, explicit });
    },
    onState: (s: SaveState) => states.push(s.kind === "error" ? `error:${s.message}` : s.kind),
  });
  return { saver, sent, states, maxActive: () => maxActive };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Saver", () => {
  it("merges quick edits into one debounced save", async () => {
    const { saver, sent, states } = setup();
    saver.edit({ headline: "A" });
    saver.edit({ body: "x" });
    saver.edit({ headline: "AB" });
    expect(states.at(-1)).toBe("saving");
    await sleep(60);
    expect(sent).toEqual([{ patch: { headline: "AB", body: "x" }, explicit: false }]);
    expect(states.at(-1)).toBe("saved");
    expect(saver.idle).toBe(true);
  });

  it("flush sends at once and waits for the disk", async () => {
    const { saver, sent, states } = setup();
    saver.edit({ body: "hello" });
    await saver.flush();
    expect(sent).toEqual([{ patch: { body: "hello" }, explicit: false }]);
    expect(states.at(-1)).toBe("saved");
  });

  it("explicit flush sends even with nothing pending", async () => {
    const { saver, sent } = setup();
    await saver.flush(true, { headline: "H" });
    expect(sent).toEqual([{ patch: { headline: "H" }, explicit: true }]);
  });

  it("never runs two saves at once and sends edits made during a save", async () => {
    const { saver, sent, maxActive } = setup();
    saver.edit({ body: "1" });
    await sleep(22); // the first save is on the wire
    saver.edit({ body: "12" });
    await saver.flush();
    expect(maxActive()).toBe(1);
    expect(sent.map((s) => s.patch.body)).toEqual(["1", "12"]);
  });

  it("keeps the edits of a failed save and retries them", async () => {
    let failing = true;
    const { saver, sent, states } = setup(() => failing);
    saver.edit({ body: "precious" });
    await sleep(40);
    expect(states.at(-1)).toBe("error:disk full");
    await expect(saver.flush()).rejects.toThrow("disk full");
    failing = false;
    await saver.flush();
    expect(sent).toEqual([{ patch: { body: "precious" }, explicit: false }]);
    expect(states.at(-1)).toBe("saved");
  });

  it("does not report saved before the first save has finished", async () => {
    const { saver, states } = setup();
    const spy = vi.fn();
    saver.edit({ body: "x" });
    const done = saver.flush().then(spy);
    expect(states.includes("saved")).toBe(false);
    await done;
    expect(spy).toHaveBeenCalled();
    expect(states.at(-1)).toBe("saved");
  });
});
