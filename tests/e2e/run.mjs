// End-to-end tests in the real Byline window: tauri-driver drives the app
// through Debian's WebKitWebDriver. Each scenario gets a fresh library file
// (BYLINE_DB) and its own tauri-driver, so the app inherits that variable.
// Run under a display (xvfb-run); scripts/e2e.sh does it all.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Key } from "webdriverio";
import { WAIT, assert, bodyMarkdown, byTest, draftTitles, typeBody, waitSaved, withApp } from "./driver.mjs";
import { exportScenarios } from "./export.mjs";

const HEADLINE = "Harbour bridge reopens after six-month repair";
const BODY =
  "The bridge reopened to traffic on Monday morning.\n\n“It is good to have it back,” said Maria Oduya, who runs the café at its foot.";
const LATE_EDIT = " Cyclists were first across.";

// An invented article with two lost opening quotation marks.
const FERRY_HEADLINE = "Winter ferry to Skarvik saved";
const FERRY = [
  "The ferry service to Skarvik will run through the winter after all, the transport board said on Tuesday.",
  "“We listened to the islanders,” said Ines Halvorsen, who chairs the board. The crossing had been due to stop in November.",
  "Half my passengers are schoolchildren,” said Tor Lund, who has skippered the route for twenty years. “They have no other way to the mainland.”",
  "It will not be cut again without a hearing,” Halvorsen said.",
].join("\n\n");
// The editor ends the Markdown it writes with a newline.
const FERRY_FIXED = FERRY.replace("Half my", "“Half my").replace("It will not", "“It will not") + "\n";

const scenarios = {
  async "a draft typed in one run is there in the next"(dir) {
    const db = join(dir, "library.db");
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      const first = await draftTitles(browser);
      assert(first.length === 1, `a fresh library should hold only the welcome draft, found ${JSON.stringify(first)}`);
      assert(/welcome/i.test(first[0]), `the first draft should be the welcome draft, found ${JSON.stringify(first[0])}`);
      const welcomeBody = await bodyMarkdown(browser);
      assert(welcomeBody.length > 100, "the welcome draft should explain the app in its body");

      await browser.$(byTest("draft-new")).click();
      await browser.waitUntil(async () => (await browser.$$(byTest("draft-item"))).length === 2, {
        timeout: WAIT,
        timeoutMsg: "New draft did not add a draft to the list",
      });
      assert((await bodyMarkdown(browser)) === "", "a new draft should start empty");
      await browser.$(byTest("headline")).setValue(HEADLINE);
      await typeBody(browser, BODY);
      await waitSaved(browser);
      const words = await browser.$(byTest("word-count")).getText();
      assert(words === "25 words", `word count should be "25 words", was ${JSON.stringify(words)}`);

      // An edit made just before switching drafts must be flushed, not dropped.
      await typeBody(browser, LATE_EDIT);
      const items = await browser.$$(byTest("draft-item"));
      await items[1].click();
      await browser.waitUntil(async () => /welcome/i.test(await browser.$(byTest("headline")).getValue()), {
        timeout: WAIT,
        timeoutMsg: "clicking the welcome draft did not open it",
      });
      await waitSaved(browser);
      assert((await bodyMarkdown(browser)) === welcomeBody, "the welcome draft's body changed on its own");
    });
    assert(existsSync(db), "the library file was not created");

    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      const titles = await draftTitles(browser);
      assert(titles.includes(HEADLINE), `the headline is not in the list after a restart: ${JSON.stringify(titles)}`);
      const items = await browser.$$(byTest("draft-item"));
      await items[titles.indexOf(HEADLINE)].click();
      await browser.waitUntil(async () => (await browser.$(byTest("headline")).getValue()) === HEADLINE, {
        timeout: WAIT,
        timeoutMsg: "the draft did not open",
      });
      const body = await bodyMarkdown(browser);
      assert(body === BODY + LATE_EDIT + "\n", `the body after a restart differs: ${JSON.stringify(body)}`);
    });
  },

  async "edits typed just before closing the window are saved"(dir) {
    const db = join(dir, "library.db");
    const closer = process.env.BYLINE_CLOSE_WINDOW;
    assert(closer, "BYLINE_CLOSE_WINDOW is not set (scripts/e2e.sh builds it)");
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      await browser.$(byTest("draft-new")).click();
      await browser.$(byTest("headline")).setValue(HEADLINE);
      await waitSaved(browser);
      // Well inside the autosave delay: only the flush on close can save this.
      await typeBody(browser, BODY);
      execFileSync(closer, ["Byline"]);
      await browser.waitUntil(async () => !(await browser.getTitle().then(() => true, () => false)), {
        timeout: WAIT,
        timeoutMsg: "the window did not close",
      });
    });
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      assert((await browser.$(byTest("headline")).getValue()) === HEADLINE, "the newest draft should open first");
      const body = await bodyMarkdown(browser);
      assert(body === BODY + "\n", `the body typed before closing was lost: ${JSON.stringify(body)}`);
    });
  },

  async "search finds a draft, Ctrl+S keeps a revision, the preview shows the export"(dir) {
    const db = join(dir, "library.db");
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      await browser.$(byTest("draft-new")).click();
      await browser.$(byTest("headline")).setValue(HEADLINE);
      await typeBody(browser, BODY);
      await waitSaved(browser);

      await browser.$(byTest("search")).setValue("Oduya caf");
      await browser.waitUntil(async () => (await browser.$$(byTest("draft-item") + " mark")).length > 0, {
        timeout: WAIT,
        timeoutMsg: "no highlighted search hit",
      });
      await browser.$(byTest("search")).setValue("café");
      await browser.waitUntil(async () => {
        const titles = await draftTitles(browser);
        return titles.length === 1 && titles[0] === HEADLINE;
      }, { timeout: WAIT, timeoutMsg: "searching the body for a word did not find exactly the new draft" });
      await browser.$(byTest("search")).clearValue();

      await browser.$(byTest("editor")).click();
      await browser.keys(["Control", "s"]);
      await browser.waitUntil(async () => /Revision \d+ kept/.test(await browser.$(".notice").getProperty("textContent")), {
        timeout: WAIT,
        timeoutMsg: "Ctrl+S did not report a kept revision",
      });
      // The preview shows the exported page, with the body's words in it.
      await browser.$("button=Preview").click();
      const frame = await browser.$(byTest("preview"));
      await frame.waitForDisplayed({ timeout: WAIT }).catch(async () => {
        throw new Error(`the preview did not open: ${await browser.$(".notice").getProperty("textContent")}`);
      });
      const srcdoc = await frame.getProperty("srcdoc");
      assert(srcdoc.startsWith("<!DOCTYPE html>") || srcdoc.toLowerCase().startsWith("<!doctype html>"), "the preview is not a whole page");
      assert(srcdoc.includes("Maria Oduya") && srcdoc.includes("<h1"), "the preview lacks the headline or the body");
      await browser.keys(["Escape"]);
      await frame.waitForDisplayed({ timeout: WAIT, reverse: true });

      await browser.$("button=History").click();
      await browser.$(".revisions li").waitForExist({ timeout: WAIT });
      const reasons = await browser.$$(".revisions .rev-meta").map((el) => el.getProperty("textContent"));
      assert(reasons.some((r) => r.startsWith("explicit")), `no explicit revision in the history: ${JSON.stringify(reasons)}`);
    });
  },

  async "the byline command writes to the library while the app is open"(dir) {
    const db = join(dir, "library.db");
    const cli = resolve(import.meta.dirname, "../../target/debug/byline");
    assert(existsSync(cli), `${cli} is missing: cargo build -p byline-cli`);
    const article = join(dir, "ferry.md");
    writeFileSync(article, "# Night ferry timetable restored\n\nThe last crossing leaves at 23:40 again from Monday.\n");
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      await browser.$(byTest("draft-new")).click();
      await browser.$(byTest("headline")).setValue(HEADLINE);
      await waitSaved(browser);

      const id = execFileSync(cli, ["--db", db, "import", article], { encoding: "utf8" }).trim();
      assert(/^\d+$/.test(id), `byline import printed ${JSON.stringify(id)}`);

      await browser.$(byTest("search")).setValue("timetable");
      await browser.waitUntil(async () => (await draftTitles(browser)).includes("Night ferry timetable restored"), {
        timeout: WAIT,
        timeoutMsg: "the app does not find the draft the byline command imported",
      });
      await browser.$(byTest("search")).clearValue();
      await typeBody(browser, BODY);
      await waitSaved(browser);
    });
    const listed = JSON.parse(execFileSync(cli, ["--db", db, "list", "--format", "json"], { encoding: "utf8" }));
    const headlines = listed.map((d) => d.headline);
    assert(headlines.includes(HEADLINE) && headlines.includes("Night ferry timetable restored"), `byline list: ${JSON.stringify(headlines)}`);
  },

  async "live checking: two lost opening quotes are listed, fixed in one click each, and the fix is kept"(dir) {
    const db = join(dir, "library.db");
    const lost = byTest("issue-item") + '[data-code="missing-open-quote"]';
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      await browser.$(byTest("draft-new")).click();
      await browser.$(byTest("headline")).setValue(FERRY_HEADLINE);
      await typeBody(browser, FERRY);
      await waitSaved(browser);

      const panel = await browser.$(byTest("quote-panel"));
      await browser.waitUntil(async () => (await panel.$$(lost)).length === 2, {
        timeout: WAIT,
        timeoutMsg: "the panel did not list two missing-open-quote issues",
      });
      const speakers = new Set(await panel.$$(byTest("quote-item")).map((el) => el.getAttribute("data-speaker")));
      for (const name of ["Ines Halvorsen", "Tor Lund"]) {
        assert(speakers.has(name), `the panel does not list ${name}: ${JSON.stringify([...speakers])}`);
      }
      // The issues are underlined in the text, and the quotes highlighted.
      assert((await browser.$$('.byline-editor .issue[data-code="missing-open-quote"]')).length === 2, "the two issues are not underlined in the body");
      assert((await browser.$$(".byline-editor .quote")).length >= 4, "no quote is highlighted in the body");

      for (let left = 2; left > 0; left--) {
        await panel.$(`${lost} ${byTest("issue-fix")}`).click();
        await browser.waitUntil(async () => (await panel.$$(lost)).length === left - 1, {
          timeout: WAIT,
          timeoutMsg: `after a fix, ${left - 1} issue(s) should be left`,
        });
      }
      await waitSaved(browser);

      // Clicking a quote in the panel selects it in the body.
      let quote = null;
      for (const el of await panel.$$(`${byTest("quote-item")}[data-speaker="Tor Lund"]`)) {
        if ((await el.getText()).includes("mainland")) quote = el;
      }
      assert(quote, "Tor Lund's second quote is not in the panel");
      await quote.click();
      const selected = await browser.execute(() => window.getSelection()?.toString() ?? "");
      assert(selected.includes("They have no other way to the mainland"), `clicking the quote selected ${JSON.stringify(selected)}`);
    });
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      assert((await browser.$(byTest("headline")).getValue()) === FERRY_HEADLINE, "the newest draft should open first");
      const body = await bodyMarkdown(browser);
      assert(body === FERRY_FIXED, `the fixed body was not kept: ${JSON.stringify(body)}`);
      const panel = await browser.$(byTest("quote-panel"));
      await browser.waitUntil(async () => (await panel.$$(byTest("quote-item"))).length >= 4, { timeout: WAIT, timeoutMsg: "the panel is empty after a restart" });
      assert((await panel.$$(lost)).length === 0, "the lost quotes came back after the restart");
    });
  },

  async "toolbar, shortcuts and find and replace edit the Markdown"(dir) {
    await withApp(join(dir, "library.db"), async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      await browser.$(byTest("draft-new")).click();
      await typeBody(browser, "Quiet harbour at dawn");
      await browser.keys([Key.Ctrl, "a"]);
      await browser.keys([Key.Ctrl, "b"]);
      const bold = await browser.$('button[title="Bold (Ctrl+B)"]');
      await browser.waitUntil(async () => (await bold.getAttribute("aria-pressed")) === "true", { timeout: WAIT, timeoutMsg: "the Bold button is not pressed" });
      await browser.$('button[title="Heading 2 (Ctrl+Alt+2)"]').click();

      await browser.keys([Key.Ctrl, "f"]);
      const find = await browser.$(byTest("find-input"));
      await find.waitForDisplayed({ timeout: WAIT });
      await find.setValue("harbour");
      await browser.waitUntil(async () => (await browser.$(byTest("find-count")).getText()) === "1 of 1", { timeout: WAIT, timeoutMsg: "find did not count one match" });
      await browser.$(byTest("replace-input")).setValue("port");
      await browser.$(byTest("findbar")).$("button=Replace").click();
      await waitSaved(browser);
      const md = await bodyMarkdown(browser);
      assert(md === "## **Quiet port at dawn**\n", `the Markdown is ${JSON.stringify(md)}`);
    });
  },

  async "heading shortcuts, the source view and the target length are kept across a restart"(dir) {
    const db = join(dir, "library.db");
    const cli = resolve(import.meta.dirname, "../../target/debug/byline");
    assert(existsSync(cli), `${cli} is missing: cargo build -p byline-cli`);
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      await browser.$(byTest("draft-new")).click();
      await browser.$(byTest("headline")).setValue("Ferry timetable");
      await typeBody(browser, "Winter crossings\nThe first boat leaves at six.");
      await browser.keys([Key.Ctrl, Key.Alt, "2"]);
      await waitSaved(browser);
      assert((await bodyMarkdown(browser)) === "Winter crossings\n\n## The first boat leaves at six.\n", "Ctrl+Alt+2 did not make a level-2 heading");
      await browser.$(byTest("editor")).click();
      await browser.keys([Key.Ctrl, Key.End]);
      await browser.keys([Key.Ctrl, Key.Alt, "1"]);
      await waitSaved(browser);
      assert((await bodyMarkdown(browser)).includes("\n# The first boat"), "Ctrl+Alt+1 did not make a level-1 heading");
      await browser.$(byTest("editor")).click();
      await browser.keys([Key.Ctrl, Key.End]);
      await browser.keys([Key.Ctrl, Key.Alt, "3"]);
      await waitSaved(browser);
      assert((await bodyMarkdown(browser)).includes("\n### The first boat"), "Ctrl+Alt+3 did not make a level-3 heading");

      // Markdown typed in the source view becomes the body.
      await browser.$(byTest("source-toggle")).click();
      const source = await browser.$(byTest("source-view"));
      await source.waitForDisplayed({ timeout: WAIT });
      await source.addValue("\uE007\uE007A *late* sailing runs on Fridays.");
      await browser.$(byTest("source-toggle")).click();
      await source.waitForDisplayed({ timeout: WAIT, reverse: true });
      const em = await browser.$(`${byTest("editor")} em`);
      await em.waitForExist({ timeout: WAIT, timeoutMsg: "the emphasis typed in the source view is not shown in the editor" });
      assert((await em.getText()) === "late", `the editor shows ${JSON.stringify(await em.getText())} in italics`);

      const target = await browser.$(byTest("target-words"));
      await target.setValue("400");
      await browser.keys([Key.Tab]);
      await browser.$(byTest("target-progress")).waitForDisplayed({ timeout: WAIT, timeoutMsg: "no progress towards the target is shown" });
      await waitSaved(browser);
    });
    const drafts = JSON.parse(execFileSync(cli, ["--db", db, "list", "--format", "json"], { encoding: "utf8" }));
    const id = drafts.find((d) => d.headline === "Ferry timetable")?.id;
    assert(id, `the draft is not in the library: ${JSON.stringify(drafts)}`);
    const stored = JSON.parse(execFileSync(cli, ["--db", db, "show", String(id), "--format", "json"], { encoding: "utf8" }));
    assert(stored.target_words === 400, `target_words in the library is ${stored.target_words}`);
    assert(
      /^Winter crossings\n\n### The first boat leaves at six\.\n\n+A \*late\* sailing runs on Fridays\.\n?$/.test(stored.body),
      `the stored body is ${JSON.stringify(stored.body)}`,
    );
    await withApp(db, async (browser) => {
      await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
      assert((await browser.$(byTest("target-words")).getValue()) === "400", "the target length was not kept");
      assert(await browser.$(byTest("target-progress")).isDisplayed(), "the progress towards the target is not shown after a restart");
    });
  },

  async "a file that is not a library is refused and left untouched"(dir) {
    const db = join(dir, "notes.db");
    const bytes = Buffer.concat([Buffer.from("These are my notes, not a database.\n"), Buffer.alloc(5000, 0xa7)]);
    writeFileSync(db, bytes);
    await withApp(db, async (browser) => {
      const error = await browser.$(byTest("open-error"));
      await error.waitForExist({ timeout: WAIT });
      const text = await error.getText();
      assert(text.includes(db), `the error should name the file, said ${JSON.stringify(text)}`);
      assert((await browser.$$(byTest("draft-item"))).length === 0, "no drafts should be shown");
    });
    assert(readFileSync(db).equals(bytes), "the file was changed");
    assert(!existsSync(`${db}-wal`) || readFileSync(`${db}-wal`).length === 0, "a WAL file was written next to it");
  },
};

let passed = 0;
let failed = 0;
const only = process.argv[2];
for (const [name, run] of Object.entries({ ...scenarios, ...exportScenarios })) {
  if (only && !name.includes(only)) continue;
  const dir = mkdtempSync(join(tmpdir(), "byline-e2e-"));
  const t0 = Date.now();
  try {
    await run(dir);
    passed++;
    console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.message ?? e}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
