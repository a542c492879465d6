// Profiles the body editor in Chromium (not the real app): loads ui/dist with a
// mocked Tauri IPC and a stand-in quote checker written in JavaScript, opens a
// 20,000-word draft, types, and prints open time, keystroke latency, time to
// the check result on screen, and (BENCH_PROFILE=1) the functions that cost
// the most CPU while typing. It asserts nothing; the headline figures come
// from the real window (scripts/bench-ui.mjs). Needs Debian's chromium and the
// npm package playwright-core (no browser download), e.g.
//   (cd ui && npm install --no-save playwright-core)
//   (cd ui && npx vite build --minify false --outDir /tmp/byline-dist)   # readable names
//   BENCH_DIST=/tmp/byline-dist BENCH_PROFILE=1 node scripts/bench-editor.mjs
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { longDraft } from "./bench-draft.mjs";

const UI = resolve(import.meta.dirname, "../ui");
const DIST = resolve(process.env.BENCH_DIST ?? join(UI, "dist"));
const WORDS = Number(process.env.BENCH_WORDS ?? 20000);
const KEYS = Number(process.env.BENCH_KEYS ?? 120);
/** Stand-in for the IPC round trip and the Rust checker's time, in ms. */
const CHECK_MS = Number(process.env.BENCH_CHECK_MS ?? 15);

async function playwright() {
  try {
    const path = createRequire(join(UI, "package.json")).resolve("playwright-core");
    const mod = await import(pathToFileURL(path).href);
    return mod.chromium ? mod : mod.default;
  } catch {
    console.error("bench-editor: needs playwright-core: (cd ui && npm install --no-save playwright-core)");
    process.exit(2);
  }
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".woff": "font/woff", ".svg": "image/svg+xml" };

function serve(dir) {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = existsSync(path) && !path.endsWith("/") ? path : join(dir, "index.html");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

/** Runs in the page before the app: a fake `__TAURI_INTERNALS__` with two drafts in memory. */
function installMock({ long, checkMs }) {
  const now = Math.floor(Date.now() / 1000);
  const draft = (id, headline, body, t) => ({
    id, slug: `d${id}`, headline, dek: "", byline: "", dateline: "", status: "draft", body,
    created_at: t, updated_at: t, word_count: 0, target_words: null,
  });
  const drafts = new Map([
    [1, draft(1, "The long winter of the Skarvik ferry", long, now - 100)],
    [2, draft(2, "A short note", "# A short note\n\nNothing much here.\n", now)],
  ]);
  const summary = (d) => ({ id: d.id, slug: d.slug, headline: d.headline, dek: d.dek, status: d.status, created_at: d.created_at, updated_at: d.updated_at, word_count: d.word_count, deleted_at: null });
  // A rough checker: curly-quote pairs within a paragraph are quotes ("said Name" after them
  // names the speaker); a closing mark without an opening one is an error.
  const check = (text) => {
    const quotes = [];
    const issues = [];
    let open = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "\n" && text[i + 1] === "\n") open = -1;
      if (c === "\u201C") open = i;
      else if (c === "\u201D") {
        if (open < 0) {
          issues.push({ code: "unopened-quote", severity: "error", range: { start: i, end: i + 1 }, message: "A closing quotation mark without an opening one.", fix: null });
          continue;
        }
        const m = /^,? said ([A-Z]\w+ [A-Z]\w+)/.exec(text.slice(i + 1, i + 60));
        quotes.push({ range: { start: open, end: i + 1 }, text: text.slice(open + 1, i), kind: "speech", speaker: m ? m[1] : null, speaker_mention: m ? m[1] : null, cue: m ? "said" : null, paragraph: 0 });
        open = -1;
      }
    }
    return { quotes, speakers: [], issues };
  };
  const callbacks = new Map();
  let next = 1;
  const handlers = {
    library_info: () => ({ path: "/bench/library.db", error: null }),
    list_drafts: () => [...drafts.values()].sort((a, b) => b.updated_at - a.updated_at).map(summary),
    get_draft: ({ id }) => ({ ...drafts.get(id) }),
    update_draft: ({ id, patch }) => {
      const d = Object.assign(drafts.get(id), patch);
      return { draft: { ...d }, revision: null };
    },
    save_draft: ({ id, patch }) => ({ draft: { ...Object.assign(drafts.get(id), patch) }, revision: null }),
    search_drafts: () => [],
    list_trash: () => [],
    check_quotes: ({ text }) => new Promise((r) => setTimeout(() => r(check(text)), checkMs)),
    "plugin:event|listen": () => next++,
    "plugin:event|unlisten": () => null,
  };
  window.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
    plugins: {},
    invoke: async (cmd, args) => (handlers[cmd] ? handlers[cmd](args ?? {}) : null),
    transformCallback: (cb) => {
      const id = next++;
      callbacks.set(id, cb);
      return id;
    },
    unregisterCallback: (id) => callbacks.delete(id),
    convertFileSrc: (p) => p,
  };
}

function pctl(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const fmt = (v) => `p50 ${pctl(v, 50).toFixed(1)} ms, p95 ${pctl(v, 95).toFixed(1)} ms, max ${Math.max(...v).toFixed(1)} ms`;

/** Self time per function from a CDP CPU profile, the top `n`. */
function topFunctions(profile, n) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { total, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, n) };
}

/** Time of the renderer main thread by event name (each event's own time, without its children). */
function mainThreadTime(trace, n) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const spans = events
    .filter((e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  let total = 0;
  for (const e of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur / 1000);
    else total += e.dur / 1000;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur / 1000);
    stack.push(e);
  }
  return { total, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, n) };
}

const { chromium } = await playwright();
const server = await serve(DIST);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const { markdown, words } = longDraft(WORDS);
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  await page.addInitScript(installMock, { long: markdown, checkMs: CHECK_MS });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('[data-testid="draft-item"]');
  // BENCH_CSS: extra style rules, to try a layout change without a rebuild.
  if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
  await page.waitForTimeout(500);

  const cdp = await page.context().newCDPSession(page);
  const profiling = process.env.BENCH_PROFILE === "1";
  if (profiling) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  }
  const opens = [];
  for (let i = 0; i < 3; i++) {
    opens.push(
      await page.evaluate(
        () =>
          new Promise((done) => {
            const item = [...document.querySelectorAll('[data-testid="draft-item"]')].find((li) => /long winter/.test(li.textContent));
            const t0 = performance.now();
            item.click();
            const poll = () => {
              const ed = document.querySelector('[data-testid="editor"]');
              if (ed && ed.lastElementChild?.textContent.includes("The report ends here.")) requestAnimationFrame(() => done(performance.now() - t0));
              else setTimeout(poll, 1);
            };
            poll();
          }),
      ),
    );
    await page.waitForTimeout(400);
    if (i < 2) {
      await page.click('[data-testid="draft-item"] >> text=A short note');
      await page.waitForTimeout(400);
    }
  }

  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener(
      "keydown",
      () => {
        const t0 = performance.now();
        window.__lastKey = t0;
        requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
      },
      true,
    );
  });
  // Type in the middle of the draft, where a whole-document cost would show.
  await page.evaluate(() => {
    const ps = document.querySelectorAll('[data-testid="editor"] p');
    const p = ps[Math.floor(ps.length / 2)];
    p.scrollIntoView({ block: "center" });
    const r = document.createRange();
    r.selectNodeContents(p);
    r.collapse(false);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  await page.focus('[data-testid="editor"]');
  let openProfile = null;
  if (profiling) {
    openProfile = (await cdp.send("Profiler.stop")).profile;
    await cdp.send("Profiler.start");
  }
  const tracing = process.env.BENCH_TRACE === "1";
  if (tracing) await browser.startTracing(page, { categories: ["devtools.timeline", "blink", "disabled-by-default-devtools.timeline"] });
  const text = "Harbour works went on through the night as the tide turned again ".repeat(4).slice(0, KEYS);
  await page.keyboard.type(text, { delay: 40 });
  await page.waitForTimeout(600);
  const lat = await page.evaluate(() => window.__lat.splice(0));
  await page.keyboard.type(text, { delay: 0 });
  await page.waitForTimeout(600);
  const burst = await page.evaluate(() => window.__lat.splice(0));
  let profile = null;
  if (profiling) profile = (await cdp.send("Profiler.stop")).profile;
  const trace = tracing ? JSON.parse((await browser.stopTracing()).toString()) : null;

  await page.evaluate(() => (window.__issues = document.querySelectorAll(".byline-editor .issue").length));
  await page.keyboard.type(" Stop now,\u201D she said.", { delay: 40 });
  const checkMs = await page.evaluate(
    () =>
      new Promise((done) => {
        const t0 = performance.now();
        const poll = () => {
          if (document.querySelectorAll(".byline-editor .issue").length > window.__issues) requestAnimationFrame(() => done(performance.now() - window.__lastKey));
          else if (performance.now() - t0 > 10000) done(-1);
          else setTimeout(poll, 2);
        };
        poll();
      }),
  );
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);

  console.log(`bench-editor (Chromium, mocked IPC, stand-in checker ${CHECK_MS} ms): ${words.toLocaleString("en-GB")} words, ${(markdown.length / 1024).toFixed(0)} KB; dist ${DIST}`);
  console.log(`  open draft (click to painted body): ${opens.map((v) => v.toFixed(0)).join(", ")} ms`);
  console.log(`  keystroke to next frame, ${lat.length} keys 40 ms apart: ${fmt(lat)}`);
  console.log(`  keystroke to next frame, ${burst.length} keys in a burst: ${fmt(burst)}`);
  console.log(`  last keystroke to issue underlined: ${checkMs < 0 ? "not seen in 10 s" : `${checkMs.toFixed(0)} ms`}`);
  console.log(`  JS heap in use: ${(heap / 1048576).toFixed(1)} MB`);
  for (const [what, p] of [["opening the draft three times", openProfile], ["typing", profile]]) {
    if (!p) continue;
    const { total, top } = topFunctions(p, Number(process.env.BENCH_TOP ?? 30));
    console.log(`  CPU self time while ${what} (${total.toFixed(0)} ms sampled):`);
    for (const [name, ms] of top) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
  if (trace) {
    const { total, top } = mainThreadTime(trace, Number(process.env.BENCH_TOP ?? 20));
    console.log(`  renderer main thread while typing, by trace event (${total.toFixed(0)} ms busy):`);
    for (const [name, ms] of top) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
} finally {
  await browser.close();
  server.close();
}
