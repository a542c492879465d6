//! Smart typography as you type: curly quotes by context, apostrophes, dashes and ellipses.

import { InputRule, inputRules } from "prosemirror-inputrules";
import type { Plugin } from "prosemirror-state";

/** Characters after which a quote mark opens rather than closes. */
const OPENERS = "\\s([{<\\u2014\\u2013\\u201C\\u2018/-";

export const typographyRules: InputRule[] = [
  // "..." -> "…", "--" -> "–", "–-" -> "—".
  new InputRule(/\.\.\.$/, "…"),
  new InputRule(/–-$/, "—"),
  new InputRule(/--$/, "–"),
  // Double quotes: opening at the start of a text or after a space or an opener.
  new InputRule(new RegExp(`(?:^|[${OPENERS}])(")$`), "“"),
  new InputRule(/"$/, "”"),
  // An opening single quote straight before a digit is an apostrophe: ’90s, ’05.
  new InputRule(new RegExp(`(?:^|[${OPENERS}])(‘)\\d$`), "’"),
  new InputRule(new RegExp(`(?:^|[${OPENERS}])(')$`), "‘"),
  // Anywhere else (Russia’s, don’t, the end of a quote) it is an apostrophe or closing mark.
  new InputRule(/'$/, "’"),
];

/** The input-rules plugin with Byline's typography rules. */
export function typography(): Plugin {
  return inputRules({ rules: typographyRules });
}
