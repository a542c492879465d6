// Small text helpers for the UI: the word count (the same rule as core's
// `model::word_count`) and human times for the draft list.

/**
 * A word: a letter or digit, then letters, digits, apostrophes and hyphens (so `well-known`
 * and `Russia’s` are one word each). One regular expression over the text rather than a test
 * per character: a 20,000-word body is counted in a couple of milliseconds.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-‐]*/gu;

/** Words as a journalist counts them; mirrors `byline_core::model::word_count`. */
export function wordCount(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

export function formatWords(n: number): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "word" : "words"}`;
}

/** "just now", "5 min ago", "14:05", "Tue 09:12", "3 Mar", "3 Mar 2024". */
export function formatUpdated(ms: number, now: number = Date.now()): string {
  const d = new Date(ms);
  const today = new Date(now);
  const diff = now - ms;
  if (diff >= 0 && diff < 60_000) return "just now";
  if (diff >= 0 && diff < 3_600_000) return `${Math.floor(diff / 60_000)} min ago`;
  const hm = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  if (d.toDateString() === today.toDateString()) return hm;
  if (diff >= 0 && diff < 6 * 86_400_000) {
    return `${d.toLocaleDateString("en-GB", { weekday: "short" })} ${hm}`;
  }
  const sameYear = d.getFullYear() === today.getFullYear();
  return d.toLocaleDateString("en-GB", sameYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" });
}

/** Minutes to read `words` at 230 words a minute, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
