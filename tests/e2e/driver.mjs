// Drives the Byline app through tauri-driver and WebKitWebDriver: starts a
// driver whose environment the app inherits, opens a session, cleans up.
import { spawn } from "node:child_process";
import { createConnection } from "node:net";
import { join, resolve } from "node:path";
import { Key, remote } from "webdriverio";

export const APP = resolve(process.env.BYLINE_APP ?? join(import.meta.dirname, "../../target/debug/byline-app"));
// Other test runs on the same machine may hold the default ports: E2E_PORT
// moves tauri-driver (and WebKitWebDriver to the port after it).
const PORT = Number(process.env.E2E_PORT ?? 4444);
export const WAIT = 20_000;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const byTest = (id) => `[data-testid="${id}"]`;

function portOpen(port) {
  return new Promise((res) => {
    const sock = createConnection({ host: "127.0.0.1", port }, () => {
      sock.end();
      res(true);
    });
    sock.on("error", () => res(false));
  });
}

/** Starts tauri-driver with `env`; resolves once it listens. */
async function startDriver(env) {
  const driver = spawn("tauri-driver", ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    if (await portOpen(PORT)) return driver;
    if (driver.exitCode !== null) throw new Error(`tauri-driver exited with ${driver.exitCode}`);
    await sleep(100);
  }
  driver.kill();
  throw new Error("tauri-driver did not start listening");
}

async function stopDriver(driver) {
  if (driver.exitCode !== null) return;
  const gone = new Promise((r) => driver.once("exit", r));
  driver.kill("SIGTERM");
  await Promise.race([gone, sleep(3000)]);
  if (driver.exitCode === null) driver.kill("SIGKILL");
  // Let the port close before the next scenario takes it.
  for (let i = 0; i < 50 && (await portOpen(PORT)); i++) await sleep(100);
}

/** Runs `body(browser)` in one start of the app with library `db`. */
export async function withApp(db, body) {
  const driver = await startDriver({ BYLINE_DB: db });
  let browser;
  try {
    browser = await remote({
      hostname: "127.0.0.1",
      port: PORT,
      logLevel: "silent",
      capabilities: { "tauri:options": { application: APP } },
    });
    return await body(browser);
  } finally {
    if (browser) await browser.deleteSession().catch(() => {});
    await stopDriver(driver);
  }
}

export async function waitSaved(browser) {
  const state = await browser.$(byTest("save-state"));
  await browser.waitUntil(async () => (await state.getText()) === "Saved", {
    timeout: WAIT,
    timeoutMsg: "save-state never said Saved",
  });
}

export async function draftTitles(browser) {
  const items = await browser.$$(byTest("draft-item"));
  const titles = [];
  for (const item of items) titles.push(await item.$(".item-title").getProperty("textContent"));
  return titles;
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** Text as keystrokes: WebKitWebDriver drops "\n", so line breaks are Enter. */
export function keys(text) {
  return text.replaceAll("\n", "\uE007");
}

/**
 * Types `text` into the body editor (a contenteditable, so setValue does not
 * work): clicks it, moves to the end and sends keys. A blank line between
 * paragraphs is one Enter in a WYSIWYG editor.
 */
export async function typeBody(browser, text) {
  const el = await browser.$(byTest("editor"));
  // On a busy machine a click can land while a new draft's editor is still
  // being put in place, and the keys would go elsewhere: click until the body
  // has the focus.
  const focused = () =>
    browser.execute(() => document.activeElement?.closest('[data-testid="editor"]') != null);
  await browser.waitUntil(async () => (await focused()) || (await el.click(), await focused()), {
    timeout: WAIT,
    interval: 250,
    timeoutMsg: "the body editor never took the focus",
  });
  await browser.keys([Key.Ctrl, Key.End]);
  const parts = text.replaceAll("\n\n", "\n").split(/(\n)/);
  for (const part of parts) {
    if (part === "\n") await browser.keys([Key.Enter]);
    else if (part) await el.addValue(part);
  }
  // Keys are dispatched before the page has handled them all.
  // (Letters and spaces only: typed quotes and dashes come out typographic.)
  const last = /[\p{L}\p{N} ]{1,12}(?=[^\p{L}\p{N}]*$)/u.exec(parts.filter((p) => p.trim()).pop() ?? "")?.[0];
  if (last) {
    await browser.waitUntil(async () => (await el.getProperty("textContent")).includes(last), {
      timeout: WAIT,
      timeoutMsg: `the body never showed the typed text ${JSON.stringify(last)}`,
    });
  }
}

/** The body's Markdown as stored, read through the app's Markdown source view. */
export async function bodyMarkdown(browser) {
  const toggle = await browser.$(byTest("source-toggle"));
  await toggle.click();
  const source = await browser.$(byTest("source-view"));
  await source.waitForDisplayed({ timeout: WAIT });
  const md = await source.getValue();
  await toggle.click();
  await source.waitForDisplayed({ timeout: WAIT, reverse: true });
  return md;
}
