// Takes the README's screenshots of the real app: types a realistic draft
// (invented for Byline, with one lost opening quote) into a fresh library and
// saves light and dark shots of the window and one of the "Quotes & sources"
// panel to assets/screenshots/. After scripts/build-app.sh:
//   xvfb-run -a --server-args="-screen 0 1400x900x24" node tests/e2e/screenshot.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { WAIT, byTest, sleep, typeBody, waitSaved, withApp } from "./driver.mjs";

const OUT = resolve(import.meta.dirname, "../../assets/screenshots");

const OTHERS = [
  ["Council votes to keep night buses running until 2028", "The late-night network survives a budget squeeze after a campaign by shift workers"],
  ["Fishing fleet sits out storm season in port", ""],
];

const STORY = {
  headline: "Harbour bridge reopens after six-month repair, months behind schedule",
  dek: "Commuters welcome back the city’s busiest crossing, but the final bill is twice the first estimate",
  byline: "Ana Ribeiro",
  dateline: "Porto Alto",
  body: [
    "The Cais bridge reopened to traffic on Monday morning, six months after engineers closed it when inspectors found corroded cables beneath the deck.",
    "“It is good to have it back,” said Maria Oduya, who runs the café at the foot of the bridge. “For half a year my customers had to walk round by the ferry.”",
    "The repair cost €48 million, twice the council’s first estimate, according to figures released on Friday. Council leader Tomás Vale said the overrun was “regrettable but unavoidable” once the full extent of the damage was known.",
    "We could not take the risk with cables in that state,” said Kofi Mensah, the engineer who led the inspection.",
    "Cyclists were first across, shortly after six o’clock.",
  ].join("\n\n"),
};

const dir = mkdtempSync(join(tmpdir(), "byline-shot-"));
mkdirSync(OUT, { recursive: true });
try {
  await withApp(join(dir, "library.db"), async (browser) => {
    await browser.setWindowSize(1280, 820).catch(() => {});
    await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
    for (const [headline, dek] of OTHERS) {
      await browser.$(byTest("draft-new")).click();
      await browser.$(byTest("headline")).setValue(headline);
      if (dek) await browser.$(byTest("dek")).setValue(dek);
      await waitSaved(browser);
    }
    await browser.$(byTest("draft-new")).click();
    for (const field of ["headline", "dek", "byline", "dateline"]) {
      await browser.$(byTest(field)).setValue(STORY[field]);
    }
    await typeBody(browser, STORY.body);
    await waitSaved(browser);
    await browser.$(byTest("issue-item")).waitForExist({ timeout: WAIT });
    // A target length, to show the progress in the status bar.
    await browser.$(byTest("target-words")).setValue("600");
    await browser.keys(["Tab"]);
    await browser.execute(() => document.querySelector(".scroller")?.scrollTo(0, 0));
    await browser.execute(() => document.activeElement?.blur());
    await sleep(300);
    await browser.saveScreenshot(join(OUT, "app.png"));
    // WebKit's element screenshots come out shifted, so crop the window's.
    const r = await browser.execute(() => {
      const b = document.querySelector('[data-testid="quote-panel"]').getBoundingClientRect();
      return { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(Math.min(b.height, 640)) };
    });
    execFileSync("convert", [join(OUT, "app.png"), "-crop", `${r.w}x${r.h}+${r.x}+${r.y}`, "+repage", join(OUT, "quotes.png")]);
    await browser.execute(() => {
      document.documentElement.dataset.theme = "dark";
    });
    await sleep(300);
    await browser.saveScreenshot(join(OUT, "app-dark.png"));
  });
  console.log(`screenshots: ${OUT}/app.png, ${OUT}/app-dark.png, ${OUT}/quotes.png`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
