// The draft both editor benchmarks open (scripts/bench-ui.mjs in the real
// window, scripts/bench-editor.mjs in Chromium), so their figures compare.

/** An invented long report: paragraphs of narration and attributed quotes. */
export function longDraft(words) {
  const names = ["Ines Halvorsen", "Tor Lund", "Maria Oduya", "Kofi Mensah", "Tomás Vale", "Ana Ribeiro"];
  const paras = ["# The long winter of the Skarvik ferry", ""];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const name = names[i % names.length];
    const p =
      i % 3 === 0
        ? `“The crossing matters to everyone on the island, from the school to the café by the pier,” said ${name}, who has followed the route for ${i + 3} years.`
        : `Section ${i} of the report looks at *timetables*, fares and the harbour works, with figures for each month and the [board’s minutes](https://example.org/minutes/${i}) attached.`;
    paras.push(p, "");
    n += p.split(/\s+/).length;
  }
  paras.push("The report ends here.", "");
  return { markdown: paras.join("\n"), words: n + 4 };
}
