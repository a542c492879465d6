// Takes the export screenshots of the real app: the ready dialog (saved as
// assets/screenshots/export.png), the export confirmation and the trash
// (saved in target/e2e/ to look at). After scripts/build-app.sh and
// cargo build -p byline-cli:
//   xvfb-run -a --server-args="-screen 0 1400x900x24" node tests/e2e/export-screenshots.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { WAIT, byTest, draftTitles, sleep, waitSaved, withApp } from "./driver.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = join(ROOT, "target/debug/byline");
const HEADLINE = "Council approves harbour flood wall after two-year row";
const ARTICLE = `# ${HEADLINE}

The wall will run for 1.2 kilometres along the old quay and cost TK million, according to the council’s own estimate.

We have waited long enough for this,” said Joana Pires, who chairs the harbour residents’ association. “Every winter the water comes a little further.”

Work is due to start in TK, once the contract is signed.
`;

const dir = mkdtempSync(join(tmpdir(), "byline-shot-"));
const out = join(dir, "exports");
mkdirSync(out);
mkdirSync(join(ROOT, "target/e2e"), { recursive: true });
process.env.BYLINE_EXPORT_DIR = out;
try {
  const db = join(dir, "library.db");
  writeFileSync(join(dir, "wall.md"), ARTICLE);
  execFileSync(CLI, ["--db", db, "import", join(dir, "wall.md")]);
  writeFileSync(join(dir, "old.md"), "# Fishing fleet sits out storm season in port\n\nBoats stayed in.\n");
  const oldId = execFileSync(CLI, ["--db", db, "import", join(dir, "old.md")], { encoding: "utf8" }).trim();
  execFileSync(CLI, ["--db", db, "delete", oldId]);
  await withApp(db, async (browser) => {
    await browser.setWindowSize(1280, 820).catch(() => {});
    await browser.waitUntil(async () => (await draftTitles(browser)).includes(HEADLINE), { timeout: WAIT });
    const items = await browser.$$(byTest("draft-item"));
    await items[(await draftTitles(browser)).indexOf(HEADLINE)].click();
    await browser.$(byTest("byline")).setValue("Ana Ribeiro");
    await waitSaved(browser);
    await browser.$(byTest("export-html")).click();
    await browser.$(byTest("ready-finding")).waitForDisplayed({ timeout: WAIT });
    await sleep(300);
    await browser.saveScreenshot(join(ROOT, "assets/screenshots/export.png"));
    await browser.$(byTest("export-anyway")).click();
    await browser.$(byTest("export-confirm")).waitForDisplayed({ timeout: WAIT });
    await sleep(200);
    await browser.saveScreenshot(join(ROOT, "target/e2e/export-options.png"));
    await browser.$(byTest("export-confirm")).click();
    await browser.$(byTest("export-result")).waitForDisplayed({ timeout: WAIT });
    await sleep(200);
    await browser.saveScreenshot(join(ROOT, "target/e2e/export-done.png"));
    await browser.$(byTest("export-close")).click();
    await browser.$(byTest("trash-open")).click();
    await browser.$(byTest("trash-item")).waitForExist({ timeout: WAIT });
    await sleep(200);
    await browser.saveScreenshot(join(ROOT, "target/e2e/trash.png"));
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
