//! Smart typography as you type: curly quotes by context, apostrophes, dashes and ellipses.

import { InputRule, inputRules } from "prosemirror-inputrules";
import type { Plugin } from "prosemirror-state";

/** Characters after which a quote mark opens rather than closes. */
const OPENERS = "\\s([{<\\u2014\\u2013\\u201C\\u2018/-";

/** A rule that replaces group 1 of `re` (or the whole match) by `text`, except in code spans. */
function rule(re: RegExp, text: string): InputRule {
  return new InputRule(re, (state, match, start, end) => {
    const $start = state.doc.resolve(start);
    if ($start.marks().some((m) => m.type.name === "code")) return null;
    let from = start;
    let insert = text;
    if (match[1]) {
      const offset = match[0].lastIndexOf(match[1]);
      from = start + offset;
      // Text after the group (e.g. the digit of ’90s) is typed anew after the replacement.
      insert += match[0].slice(offset + match[1].length);
    }
    return state.tr.insertText(insert, from, end);
  });
}

export const typographyRules: InputRule[] = [
  // "..." -> "…", "--" -> "–", "–-" -> "—".
  rule(/\.\.\.$/, "…"),
  rule(/–-$/, "—"),
  rule(/--$/, "–"),
  // Double quotes: opening at the start of a text or after a space or an opener.
  rule(new RegExp(`(?:^|[${OPENERS}])(")$`), "“"),
  rule(/"$/, "”"),
  // An opening single quote straight before a digit is an apostrophe: ’90s, ’05.
  rule(new RegExp(`(?:^|[${OPENERS}])(‘)\\d$`), "’"),
  rule(new RegExp(`(?:^|[${OPENERS}])(')$`), "‘"),
  // Anywhere else (Russia’s, don’t, the end of a quote) it is an apostrophe or closing mark.
  rule(/'$/, "’"),
];

/** The input-rules plugin with Byline's typography rules. */
export function typography(): Plugin {
  return inputRules({ rules: typographyRules });
}
