// Measures the editor in the real Byline window (tauri-driver, like the e2e
// tests) with a 20,000-word draft and live checking on: time to open the
// draft, keystroke to the next painted frame (p50/p95), time from the last
// keystroke to the checker's result on screen, and the memory of the app's
// processes. Prints the figures; it asserts nothing. After
// `bash scripts/build-app.sh --release` and `cargo build -p byline-cli`:
//   xvfb-run -a --server-args="-screen 0 1400x900x24" node scripts/bench-ui.mjs
// BENCH_BUILD=debug measures target/debug/byline-app instead of the release
// build (the default: the debug shell is several times slower at IPC and
// checking, which is not what a writer runs). BYLINE_APP names any binary.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { longDraft } from "./bench-draft.mjs";

const BUILD = process.env.BENCH_BUILD ?? "release";
if (BUILD !== "release" && BUILD !== "debug") throw new Error(`BENCH_BUILD must be release or debug, not ${BUILD}`);
const TARGET = resolve(import.meta.dirname, "../target");
process.env.BYLINE_APP ??= join(TARGET, BUILD, "byline-app");
// The driver reads BYLINE_APP when it is loaded, so it is loaded after setting it.
const { APP, WAIT, byTest, sleep, withApp } = await import("../tests/e2e/driver.mjs");
if (!existsSync(APP)) throw new Error(`no app at ${APP}: run bash scripts/build-app.sh${BUILD === "release" ? " --release" : ""}`);
// The CLI only imports the drafts: either build will do.
const CLI = [join(TARGET, "debug/byline"), join(TARGET, "release/byline")].find(existsSync);
if (!CLI) throw new Error("no byline CLI: run cargo build -p byline-cli");
const WORDS = Number(process.env.BENCH_WORDS ?? 20000);
const KEYS = Number(process.env.BENCH_KEYS ?? 120);

function pctl(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/**
 * Memory of the app and the WebKit processes it started, in MB. The headline is
 * the sum of PSS (proportional set size): a page shared by the app, the web
 * process and the network process (GTK, WebKit and the C library, most of
 * their code) counts a third in each, so the sum is what the app costs the
 * machine. The sum of RSS counts each shared page once per process and
 * overstates it; it is printed beside it, as earlier figures used it.
 */
function memoryMB(db) {
  const procs = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      procs.set(Number(pid), { ppid, comm });
    } catch {
      // The process ended meanwhile.
    }
  }
  // Only this run's app: other test runs on the machine may have their own.
  const ours = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`BYLINE_DB=${db}`);
    } catch {
      return false;
    }
  };
  const roots = [...procs].filter(([pid, p]) => p.comm.startsWith("byline-app") && ours(pid)).map(([pid]) => pid);
  const seen = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) if (!seen.has(pid) && seen.has(p.ppid)) (seen.add(pid), (grew = true));
  }
  const field = (text, name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
  let pss = 0;
  let rss = 0;
  const each = [];
  for (const pid of seen) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      pss += field(rollup, "Pss");
      rss += field(rollup, "Rss");
      each.push(`${procs.get(pid).comm} ${(field(rollup, "Pss") / 1024).toFixed(0)}`);
    } catch {
      // The process ended meanwhile.
    }
  }
  return { pss: pss / 1024, rss: rss / 1024, each };
}

/**
 * CPU time (ms, all threads) of the app and each WebKit process it started, from
 * /proc/<pid>/task/<tid>/schedstat: unlike a latency, the work per keystroke hardly
 * changes with the machine's load, so it compares runs made under different loads.
 */
function cpuMs(db) {
  const out = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`BYLINE_DB=${db}`)) continue;
      const comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      if (!comm.startsWith("byline-app") && !comm.startsWith("WebKitWebProces")) continue;
      let ms = 0;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          ms += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
        } catch {
          // The thread ended meanwhile.
        }
      }
      out.set(comm, (out.get(comm) ?? 0) + ms);
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return out;
}

const load0 = loadavg();
const dir = mkdtempSync(join(tmpdir(), "byline-bench-"));
try {
  const db = join(dir, "library.db");
  const { markdown, words } = longDraft(WORDS);
  writeFileSync(join(dir, "long.md"), markdown);
  writeFileSync(join(dir, "short.md"), "# A short note\n\nNothing much here.\n");
  execFileSync(CLI, ["--db", db, "import", join(dir, "long.md")]);
  await sleep(1100); // The short note is newer, so it opens first.
  execFileSync(CLI, ["--db", db, "import", join(dir, "short.md")]);

  await withApp(db, async (browser) => {
    await browser.setWindowSize(1280, 820).catch(() => {});
    await browser.$(byTest("draft-item")).waitForExist({ timeout: WAIT });
    await sleep(1000);
    // BENCH_CSS: extra style rules, to try a layout change without a rebuild.
    if (process.env.BENCH_CSS) {
      await browser.execute((css) => document.head.append(Object.assign(document.createElement("style"), { textContent: css })), process.env.BENCH_CSS);
    }

    // Open: from the click to the end of the first frame that shows the long body. Three
    // times (the short draft in between): the first open also compiles code.
    const opens = [];
    for (let i = 0; i < 3; i++) {
      if (i > 0) {
        await browser.execute(() => [...document.querySelectorAll('[data-testid="draft-item"]')].find((li) => /short note/.test(li.textContent)).click());
        await sleep(1000);
      }
      opens.push(
        await browser.executeAsync((done) => {
          const item = [...document.querySelectorAll('[data-testid="draft-item"]')].find((li) => /long winter/.test(li.textContent));
          const ed = document.querySelector('[data-testid="editor"]');
          const t0 = performance.now();
          // Seen as soon as the body is in the DOM (a mutation is reported in the same task);
          // measured after the next frame, the first that can show it.
          const seen = new MutationObserver(() => {
            if (!ed.lastElementChild?.textContent.includes("The report ends here.")) return;
            seen.disconnect();
            window.__inDom = performance.now() - t0;
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
          });
          seen.observe(ed, { childList: true, subtree: true, characterData: true });
          item.click();
        }),
      );
      await sleep(1000);
    }
    // The app's own user timings of the last open: the IPC, parsing, building the DOM;
    // then when the body was in the DOM (the rest is style, layout and the frame).
    const phases = await browser.execute(() => [
      ...["byline:get_draft", "byline:parse", "byline:render"].map((name) => {
        const all = performance.getEntriesByName(name);
        return `${name.slice(7)} ${all.length ? all[all.length - 1].duration.toFixed(0) : "?"} ms`;
      }),
      `in the DOM at ${window.__inDom.toFixed(0)} ms`,
    ]);
    await sleep(1500);
    const mem = memoryMB(db);

    // BENCH_NOSPELL=1 turns the web view's spell checking off, to see its share.
    if (process.env.BENCH_NOSPELL === "1") {
      await browser.execute(() => document.querySelector('[data-testid="editor"]').setAttribute("spellcheck", "false"));
    }
    // Keystrokes: each key's time from keydown to the end of the next frame.
    await browser.execute(() => {
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
    const editor = await browser.$(byTest("editor"));
    await editor.click();
    const text = "Harbour works went on through the night as the tide turned again ".repeat(4).slice(0, KEYS);
    // One key per WebDriver call: keys arrive some tens of ms apart, so the
    // debounced check runs between them, as with a slow typist.
    const cpu0 = cpuMs(db);
    for (const ch of text) await browser.keys(ch);
    const cpu1 = cpuMs(db);
    await sleep(1000);
    const lat = await browser.execute(() => window.__lat.splice(0));
    if (process.env.BENCH_DEBUG) console.log("slowest keys (index, ms):", lat.map((v, i) => [i, Math.round(v)]).sort((a, b) => b[1] - a[1]).slice(0, 5));
    // A burst: all keys in one action sequence, faster than the debounce.
    await browser.keys(text.split(""));
    await sleep(1000);
    const burst = await browser.execute(() => window.__lat.splice(0));

    // The checker alone: the IPC round trip with the whole body.
    const checkIpc = await browser.executeAsync(async (md, done) => {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await window.__TAURI_INTERNALS__.invoke("check_quotes", { text: md });
        times.push(performance.now() - t0);
      }
      done(times.sort((a, b) => a - b)[2]);
    }, markdown);

    // Checker: type a quote with a lost opening mark; time until it is underlined.
    const checkMs = await (async () => {
      await browser.execute(() => {
        window.__issues = document.querySelectorAll(".byline-editor .issue").length;
      });
      await browser.keys(" Stop");
      await browser.keys([" ", "n", "o", "w", ",", "”", " ", "s", "h", "e", " ", "s", "a", "i", "d", "."]);
      return browser.executeAsync((done) => {
        const t0 = performance.now();
        const poll = () => {
          if (document.querySelectorAll(".byline-editor .issue").length > window.__issues) {
            requestAnimationFrame(() => done(performance.now() - window.__lastKey));
          } else if (performance.now() - t0 > 10000) done(-1);
          else setTimeout(poll, 2);
        };
        poll();
      });
    })();

    console.log(`bench-ui: ${BUILD} app ${APP}`);
    console.log(`bench-ui: draft of ${words.toLocaleString("en-GB")} words (${(markdown.length / 1024).toFixed(0)} KB of Markdown)`);
    console.log(`  open draft (click to painted body):        ${opens.map((v) => v.toFixed(0)).join(", ")} ms (first, then again); last: ${phases.join(", ")}`);
    const fmt = (v) => `p50 ${pctl(v, 50).toFixed(1)} ms, p95 ${pctl(v, 95).toFixed(1)} ms, max ${Math.max(...v).toFixed(1)} ms`;
    console.log(`  keystroke to next frame, ${lat.length} keys one by one: ${fmt(lat)}`);
    console.log(`  keystroke to next frame, ${burst.length} keys in a burst: ${fmt(burst)}`);
    // Diagnostic: the CPU each process spent per key while typing one by one (the keys' handling,
    // frames, live checks; also WebDriver's share in the app process).
    const perKey = [...cpu1].map(([comm, ms]) => `${comm} ${((ms - (cpu0.get(comm) ?? 0)) / text.length).toFixed(1)}`);
    console.log(`  CPU per key typed one by one:              ${perKey.join(", ")} ms`);
    console.log(`  check_quotes IPC round trip, whole body:   ${checkIpc.toFixed(0)} ms (median of 5)`);
    console.log(`  last keystroke to issue underlined:        ${checkMs < 0 ? "not seen in 10 s" : `${checkMs.toFixed(0)} ms`}`);
    console.log(`  memory with the draft open, ${mem.each.length} processes: ${mem.pss.toFixed(0)} MB PSS (${mem.each.join(", ")}); ${mem.rss.toFixed(0)} MB as a sum of RSS`);
    console.log(`  load average before / after: ${load0.map((v) => v.toFixed(2)).join(" ")} / ${loadavg().map((v) => v.toFixed(2)).join(" ")}`);
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
