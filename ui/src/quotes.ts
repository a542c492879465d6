// The "Quotes & sources" panel: who is quoted and how much, each quote, and
// the checker's issues with their one-click fixes. The checker runs in Rust;
// its ranges arrive in UTF-16 units, so they index JavaScript strings as is.
import { h } from "./dom";
import type { CheckResult } from "./editor";
import type { Fix, Issue, Quote, Report } from "./ipc";

/** Applies a checker fix to `text`. */
export function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.range.start) + fix.insert + text.slice(fix.range.end);
}

/** The checker's report as the editor's live-check plugin takes it (flat UTF-16 ranges). */
export function toCheckResult(r: Report): CheckResult {
  return {
    quotes: r.quotes.map((q) => ({ start: q.range.start, end: q.range.end, speaker: q.speaker, kind: q.kind })),
    issues: r.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      start: i.range.start,
      end: i.range.end,
      message: i.message,
      fix: i.fix ? { start: i.fix.range.start, end: i.fix.range.end, insert: i.fix.insert } : undefined,
    })),
  };
}

/** A stable colour slot (0–7, as the editor's highlights) per speaker, in order of first appearance. */
export function speakerSlots(report: Report): Map<string, number> {
  const slots = new Map<string, number>();
  for (const q of report.quotes) {
    if (q.speaker && !slots.has(q.speaker)) slots.set(q.speaker, slots.size % 8);
  }
  return slots;
}

export interface PanelActions {
  jump: (start: number, end: number) => void;
  fix: (issue: Issue) => void;
}

function shorten(text: string, max = 90): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** What each panel shows, and the report its clicks use. */
const shown = new WeakMap<HTMLElement, { key: string; report: Report }>();

/** Everything the panel shows of a report; ranges are left out, since they are not shown. */
function panelKey(report: Report): string {
  return JSON.stringify([
    report.quotes.map((q) => [q.text, q.kind, q.speaker, q.speaker_mention, q.cue]),
    report.speakers,
    report.issues.map((i) => [i.code, i.severity, i.message, i.fix?.label]),
  ]);
}

/**
 * Draws the panel's content for `report`. The checker reports after every pause in typing,
 * mostly with the same quotes at moved offsets: then only the ranges that clicks use change,
 * and the panel's elements stay as they are.
 */
export function renderPanel(panel: HTMLElement, report: Report, actions: PanelActions): void {
  const key = panelKey(report);
  const now = shown.get(panel);
  if (now && now.key === key && panel.firstChild) {
    now.report = report;
    return;
  }
  const state = { key, report };
  shown.set(panel, state);
  // Clicks read the latest report's ranges, which later checks may have moved.
  const quoteAt = new Map(report.quotes.map((q, i) => [q, i]));
  const slots = speakerSlots(report);
  const quoteItem = (q: Quote) =>
    h(
      "li",
      {
        class: `quote-item kind-${q.kind}`,
        "data-testid": "quote-item",
        "data-speaker": q.speaker ?? "",
        tabindex: 0,
        title: q.cue ? `${q.speaker_mention ?? ""} ${q.cue}`.trim() : undefined,
        onclick: () => {
          const { range } = state.report.quotes[quoteAt.get(q)!];
          actions.jump(range.start, range.end);
        },
      },
      h("span", { class: "q-text", text: `“${shorten(q.text)}”` }),
    );

  const speakers = report.speakers.map((s) =>
    h(
      "section",
      { class: `speaker sp-${slots.get(s.name) ?? 0}` },
      h("h3", {}, h("span", { class: "swatch", "aria-hidden": "true" }), s.name),
      s.description ? h("p", { class: "desc", text: s.description }) : null,
      h("p", { class: "counts", text: `${s.quotes} ${s.quotes === 1 ? "quote" : "quotes"} · ${s.words} words` }),
      h("ul", { class: "quotes" }, ...report.quotes.filter((q) => q.speaker === s.name).map(quoteItem)),
    ),
  );
  const unattributed = report.quotes.filter((q) => !q.speaker && q.kind === "speech");
  const others = report.quotes.filter((q) => !q.speaker && q.kind !== "speech");

  const issues = report.issues.map((issue, i) =>
    h(
      "li",
      {
        class: `issue-item sev-${issue.severity}`,
        "data-testid": "issue-item",
        "data-code": issue.code,
        tabindex: 0,
        onclick: () => {
          const { range } = state.report.issues[i];
          actions.jump(range.start, range.end);
        },
      },
      h("p", { class: "msg", text: issue.message }),
      issue.fix
        ? h("button", {
            class: "quiet small",
            "data-testid": "issue-fix",
            text: issue.fix.label,
            onclick: (e: Event) => {
              e.stopPropagation();
              actions.fix(state.report.issues[i]);
            },
          })
        : null,
    ),
  );

  const children: (Node | null)[] = [
    h("h2", { text: "Quotes & sources" }),
    report.quotes.length === 0 ? h("p", { class: "none", text: "No quotations yet." }) : null,
    ...speakers,
    unattributed.length
      ? h("section", { class: "speaker unattributed" }, h("h3", { text: "Not attributed" }), h("ul", { class: "quotes" }, ...unattributed.map(quoteItem)))
      : null,
    others.length
      ? h("section", { class: "speaker other" }, h("h3", { text: "Titles and terms" }), h("ul", { class: "quotes" }, ...others.map(quoteItem)))
      : null,
    h("h2", { class: "issues-title", text: report.issues.length ? `Issues (${report.issues.length})` : "No issues" }),
    report.issues.length ? h("ul", { class: "issues" }, ...issues) : null,
  ];
  panel.replaceChildren(...children.filter((c): c is Node => c !== null));
}
