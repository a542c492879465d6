//! Opening a long draft without laying it all out first. A browser lays out every block of a
//! new document before its first frame: for a 20,000-word draft in WebKitGTK that is hundreds
//! of milliseconds. Here only the first blocks are laid out at once; the rest get
//! `content-visibility: auto` (skipped until near the screen) and lose it a few dozen blocks per
//! frame, so the draft shows at once and is fully laid out shortly after. Left on for good,
//! `content-visibility` would cost every keystroke a check of every block's visibility.

/** Blocks laid out at once: more than a tall screen holds. */
const FIRST = 40;
/** Blocks laid out per step after that, one step per frame. */
const STEP = 40;
const FRAME_MS = 16;

/**
 * Starts laying out the editor's blocks progressively: call it before the editor shows a new
 * document of `count` top-level blocks; `blocks()` tells how many there are later on, as the
 * writer edits. Returns a function that stops it.
 */
export function layOutProgressively(doc: Document, count: number, blocks: () => number): () => void {
  if (count <= FIRST + STEP) return () => {};
  const style = doc.createElement("style");
  doc.head.append(style);
  let first = FIRST;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    style.remove();
  };
  const step = () => {
    style.textContent = `.byline-editor > :nth-child(n+${first + 1}) { content-visibility: auto; contain-intrinsic-size: auto 5em; }`;
    first += STEP;
    timer = setTimeout(next, FRAME_MS);
  };
  const next = () => (first >= blocks() ? stop() : step());
  step();
  return stop;
}
