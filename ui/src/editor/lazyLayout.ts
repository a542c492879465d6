//! Opening a long draft without waiting for all of its layout. A browser lays out every block
//! of a new document before its first frame: for a 20,000-word draft in WebKitGTK that is
//! hundreds of milliseconds. Here the blocks past the first screens get
//! `content-visibility: auto` for the first frame, so it shows the top of the draft at once;
//! right after that frame the rule goes and the rest is laid out. Left on for good,
//! `content-visibility` makes every keystroke slower (each block's visibility is checked every
//! frame), and moving the rule down a few blocks per frame stalled typing in WebKitGTK.

/** Blocks laid out for the first frame: more than a tall screen holds. */
const FIRST = 40;

/**
 * Call before the editor shows a new document of `count` top-level blocks. Returns a function
 * that ends the deferral at once (idempotent).
 */
export function layOutAfterFirstFrame(doc: Document, count: number): () => void {
  if (count <= 2 * FIRST) return () => {};
  const style = doc.createElement("style");
  style.textContent = `.byline-editor > :nth-child(n+${FIRST + 1}) { content-visibility: auto; contain-intrinsic-size: auto 5em; }`;
  doc.head.append(style);
  // The next animation frame paints the top; the task after it lays out the rest.
  const win = doc.defaultView;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => (timer = setTimeout(() => style.remove(), 0));
  const frame = win?.requestAnimationFrame ? win.requestAnimationFrame(later) : (later(), 0);
  return () => {
    if (frame) win?.cancelAnimationFrame(frame);
    clearTimeout(timer);
    style.remove();
  };
}
