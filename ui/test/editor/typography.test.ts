//! Smart typography input rules: quotes, apostrophes, dashes, ellipses.

import { afterEach, describe, expect, it } from "vitest";
import { TextSelection } from "prosemirror-state";
import { mount, type } from "./helpers";

afterEach(() => {
  document.body.innerHTML = "";
});

/** Types `input` into an empty paragraph and returns the resulting text. */
function typed(input: string): string {
  const e = mount("\n");
  type(e, input);
  return e.view.state.doc.textContent;
}

describe("smart typography", () => {
  const cases: [string, string][] = [
    ['"Hello," she said.', "“Hello,” she said."],
    ['He said "no" twice.', "He said “no” twice."],
    ['("quoted")', "(“quoted”)"],
    ["'single' quotes", "‘single’ quotes"],
    ["Russia's army", "Russia’s army"],
    ["don't", "don’t"],
    ["the '90s", "the ’90s"],
    ["'05 was a good year", "’05 was a good year"],
    ['"It\'s mine," he said', "“It’s mine,” he said"],
    ["pages 10--12", "pages 10–12"],
    ["wait---what", "wait—what"],
    ["and then...", "and then…"],
    ['"Well...", he said', "“Well…”, he said"],
    ['"\'Nested\'"', "“‘Nested’”"],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => expect(typed(input)).toBe(expected));
  }

  it("leaves quotes and dashes alone inside code spans", () => {
    const e = mount("see `x` now\n");
    const view = e.view;
    let pos = 0;
    view.state.doc.descendants((n, p) => {
      if (n.isText && n.text === "x") pos = p + 1;
    });
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
    type(e, '"a"--');
    expect(e.getMarkdown()).toBe('see `x"a"--` now\n');
  });

  it("typed quotes serialize as the curly characters", () => {
    const e = mount("\n");
    type(e, '"Yes," she said.');
    expect(e.getMarkdown()).toBe("“Yes,” she said.\n");
  });
});
