// Measures the editor in the real Byline window (tauri-driver, like the e2e
// tests) with a 20,000-word draft and live checking on: time to open the
// draft, keystroke to the next painted frame (p50/p95), time from the last
// keystroke to the checker's result on screen, and the memory of the app's
// processes. Prints the figures; it asserts nothing. After scripts/build-app.sh
// and cargo build -p byline-cli:
//   xvfb-run -a --server-args="-screen 0 1400x900x24" node scripts/bench-ui.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { WAIT, byTest, sleep, withApp } from "../tests/e2e/driver.mjs";

const CLI = resolve(import.meta.dirname, "../target/debug/byline");
const WORDS = Number(process.env.BENCH_WORDS ?? 20000);
const KEYS = Number(process.env.BENCH_KEYS ?? 120);

/** An invented long report: paragraphs of narration and attributed quotes. */
function longDraft(words) {
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

function pctl(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Resident memory (MB) of the app and the WebKit processes it started. */
function memoryMB(db) {
  const procs = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      procs.set(Number(pid), { ppid, comm, rss });
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
  let kb = 0;
  for (const pid of seen) kb += procs.get(pid).rss;
  return { mb: kb / 1024, processes: [...seen].map((pid) => procs.get(pid).comm) };
}

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

    // Open: from the click to the first frame that shows the long body.
    const openMs = await browser.executeAsync((done) => {
      const item = [...document.querySelectorAll('[data-testid="draft-item"]')].find((li) => /long winter/.test(li.textContent));
      const t0 = performance.now();
      item.click();
      const poll = () => {
        const ed = document.querySelector('[data-testid="editor"]');
        if (ed && ed.lastElementChild?.textContent.includes("The report ends here.")) requestAnimationFrame(() => done(performance.now() - t0));
        else setTimeout(poll, 1);
      };
      poll();
    });
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
    for (const ch of text) await browser.keys(ch);
    await sleep(1000);
    const lat = await browser.execute(() => window.__lat.splice(0));
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

    console.log(`bench-ui: draft of ${words.toLocaleString("en-GB")} words (${(markdown.length / 1024).toFixed(0)} KB of Markdown)`);
    console.log(`  open draft (click to painted body):        ${openMs.toFixed(0)} ms`);
    const fmt = (v) => `p50 ${pctl(v, 50).toFixed(1)} ms, p95 ${pctl(v, 95).toFixed(1)} ms, max ${Math.max(...v).toFixed(1)} ms`;
    console.log(`  keystroke to next frame, ${lat.length} keys one by one: ${fmt(lat)}`);
    console.log(`  keystroke to next frame, ${burst.length} keys in a burst: ${fmt(burst)}`);
    console.log(`  check_quotes IPC round trip, whole body:   ${checkIpc.toFixed(0)} ms (median of 5)`);
    console.log(`  last keystroke to issue underlined:        ${checkMs < 0 ? "not seen in 10 s" : `${checkMs.toFixed(0)} ms`}`);
    console.log(`  memory, ${mem.processes.length} processes (${[...new Set(mem.processes)].join(", ")}): ${mem.mb.toFixed(0)} MB RSS`);
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
