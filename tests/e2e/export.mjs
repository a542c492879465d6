// End-to-end scenarios for export and the trash, in the real Byline window.
// run.mjs merges `exportScenarios` into its own. The export goes to
// BYLINE_EXPORT_DIR, the shell's test hook that stands in for the native
// save dialog.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { WAIT, assert, byTest, draftTitles, waitSaved, withApp } from "./driver.mjs";

const CLI = resolve(import.meta.dirname, "../../target/debug/byline");

const HEADLINE = "Harbour bridge reopens after repair";
// A quotation missing its opening mark, and an unfilled TK.
const ARTICLE = `# ${HEADLINE}

The repair will cost TK million, the council said on Friday.

It is good to have it back,” said Maria Oduya, who runs the café at its foot.
`;

/** Imports `markdown` with the byline command; returns the new draft's id. */
function importDraft(db, dir, name, markdown) {
  assert(existsSync(CLI), `${CLI} is missing: cargo build -p byline-cli`);
  const file = join(dir, name);
  writeFileSync(file, markdown);
  return execFileSync(CLI, ["--db", db, "import", file], { encoding: "utf8" }).trim();
}

async function openDraft(browser, headline) {
  await browser.waitUntil(async () => (await draftTitles(browser)).includes(headline), {
    timeout: WAIT,
    timeoutMsg: `${headline} is not in the list`,
  });
  const items = await browser.$$(byTest("draft-item"));
  await items[(await draftTitles(browser)).indexOf(headline)].click();
  await browser.waitUntil(async () => (await browser.$(byTest("headline")).getValue()) === headline, {
    timeout: WAIT,
    timeoutMsg: `${headline} did not open`,
  });
}

/** Runs `body` with BYLINE_EXPORT_DIR set for the app it starts. */
async function withExportDir(exportDir, body) {
  const before = process.env.BYLINE_EXPORT_DIR;
  process.env.BYLINE_EXPORT_DIR = exportDir;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env.BYLINE_EXPORT_DIR;
    else process.env.BYLINE_EXPORT_DIR = before;
  }
}

export const exportScenarios = {
  async "export lists what is not ready, exports anyway, and writes the page"(dir) {
    const db = join(dir, "library.db");
    const out = join(dir, "exports");
    mkdirSync(out);
    importDraft(db, dir, "bridge.md", ARTICLE);
    await withExportDir(out, () =>
      withApp(db, async (browser) => {
        await openDraft(browser, HEADLINE);
        await browser.$(byTest("byline")).setValue("Ana Ribeiro");
        await waitSaved(browser);

        await browser.$(byTest("export-html")).click();
        // The placeholder and the quote error: wait for both before reading.
        await browser.waitUntil(async () => (await browser.$$(byTest("ready-finding"))).length >= 2, {
          timeout: WAIT,
          timeoutMsg: "the ready-to-file check did not list its findings",
        });
        const codes = [];
        const texts = [];
        for (const f of await browser.$$(byTest("ready-finding"))) {
          codes.push(await f.getAttribute("data-code"));
          texts.push(await f.getText());
        }
        assert(codes.includes("quote-error"), `the missing opening mark is not listed: ${JSON.stringify(texts)}`);
        assert(codes.includes("placeholder"), `the TK is not listed: ${JSON.stringify(texts)}`);
        assert(!codes.includes("missing-byline") && !codes.includes("missing-headline"), `headline and byline are there: ${JSON.stringify(texts)}`);
        assert(texts.some((t) => t.includes("TK")), `the placeholder's words are not shown: ${JSON.stringify(texts)}`);

        await browser.$(byTest("export-anyway")).click();
        await browser.$(byTest("export-confirm")).waitForDisplayed({ timeout: WAIT });
        await browser.$(byTest("export-confirm")).click();
        const result = await browser.$(byTest("export-result"));
        await result.waitForDisplayed({ timeout: WAIT });
        const said = await result.getText();
        const file = join(out, "harbour-bridge-reopens-after-repair.html");
        assert(said === `Exported to ${file}`, `the confirmation says ${JSON.stringify(said)}`);
        await browser.$(byTest("export-close")).click();

        assert(existsSync(file), `${file} was not written`);
        const html = readFileSync(file, "utf8");
        assert(/^<!doctype html>/i.test(html) && /<\/html>\s*$/.test(html), "the export is not a complete HTML page");
        assert(html.includes(`<h1>${HEADLINE}</h1>`) || new RegExp(`<h1[^>]*>${HEADLINE}</h1>`).test(html), "the headline is not the <h1>");
        assert(html.includes("Ana Ribeiro"), "the byline is not in the page");
        assert(html.includes("Maria Oduya"), "the body is not in the page");

        // Ctrl+E opens the same dialog; Cancel writes nothing more.
        await browser.keys(["Control", "e"]);
        await browser.$(byTest("export-cancel")).waitForDisplayed({ timeout: WAIT });
        await browser.$(byTest("export-cancel")).click();
        assert(!(await browser.$(byTest("export-dialog")).isDisplayed()), "Cancel did not close the dialog");

        // Copy as HTML: the shell's clipboard write succeeds (the page cannot
        // read the clipboard back, so the confirmation is what is checked).
        await browser.$(byTest("copy-html")).click();
        let notice = "";
        await browser.waitUntil(async () => /^(Copied|Could not copy)/.test((notice = await browser.$(".notice").getProperty("textContent"))), {
          timeout: WAIT,
          timeoutMsg: `Copy as HTML said nothing; the status bar says ${JSON.stringify(notice)}`,
        });
        assert(notice.startsWith("Copied as HTML"), `Copy as HTML failed: ${notice}`);
      }),
    );
  },

  async "a deleted draft is found in the trash and restored"(dir) {
    const db = join(dir, "library.db");
    const headline = "Night ferry timetable restored";
    importDraft(db, dir, "ferry.md", `# ${headline}\n\nThe last crossing leaves at 23:40 again from Monday.\n`);
    await withApp(db, async (browser) => {
      await openDraft(browser, headline);
      await browser.$("button=Move to trash").click();
      await browser.waitUntil(async () => !(await draftTitles(browser)).includes(headline), {
        timeout: WAIT,
        timeoutMsg: "the draft stayed in the list after Move to trash",
      });

      await browser.$(byTest("trash-open")).click();
      const item = await browser.$(byTest("trash-item"));
      await item.waitForDisplayed({ timeout: WAIT });
      const items = await browser.$$(byTest("trash-item"));
      assert(items.length === 1, `the trash should hold one draft, holds ${items.length}`);
      const shown = await item.getProperty("textContent");
      assert(shown.includes(headline), `the trash shows ${JSON.stringify(shown)}`);

      await item.$(byTest("trash-restore")).click();
      await browser.waitUntil(async () => (await draftTitles(browser)).includes(headline), {
        timeout: WAIT,
        timeoutMsg: "the restored draft is not back in the list",
      });
      await browser.waitUntil(async () => (await browser.$(byTest("headline")).getValue()) === headline, {
        timeout: WAIT,
        timeoutMsg: "the restored draft was not opened",
      });
      assert((await browser.$$(byTest("trash-item"))).length === 0, "the restored draft is still in the trash");
    });
    const listed = JSON.parse(execFileSync(CLI, ["--db", db, "list", "--format", "json"], { encoding: "utf8" }));
    assert(listed.some((d) => d.headline === headline), "byline list does not show the restored draft");
  },
};
