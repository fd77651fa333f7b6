// Page performance budgets, measured in headless Chromium against dist/
// (a benchmark, not a test: `node tests/browser/bench.mjs`, after a release
// build). Prints a table and writes tests/browser/artifacts/bench.json.
//
//   node tests/browser/bench.mjs              this build's dist/
//   node tests/browser/bench.mjs --vs DIR     this build side by side with
//                                             another build's dist (DIR), in
//                                             one run, measurements interleaved
//   node tests/browser/bench.mjs --dist DIR   another dist than ./dist
//   node tests/browser/bench.mjs --risk       also: edits while the risk view
//                                             runs paths, and 10,000 paths
//
// - input → DOM: from an `input` event on "Grid capacity" to the app's
//   `repower:rendered` event (dispatched after Yew has applied the render,
//   the KPI cards and every chart SVG, to the DOM) and the layout after it
//   (`offsetHeight` read in the listener). Budget: p95 ≤ 16.7 ms (one frame
//   at 60 Hz); beside another build, median ≤ 1.25× and p95 ≤ 1.4× its own.
// - cold load: navigation start to the first chart SVG in the DOM, fresh
//   profile, local server. Budget ≤ 500 ms; beside another build ≤ 1.25×.
// - bytes: everything the page downloads, gzip-compressed. Budget ≤ 300 KB.
// - with --risk, input → DOM while paths run: the risk view open and running
//   (20,000 paths of a 30-year contract, run again 300 ms after each edit;
//   the other build shows the same scenario), an arrow key pressed
//   in "Grid capacity" at a random moment of the run (real key events, so
//   the time a key waits for the work in hand counts: from the key's own
//   timestamp to the render laid out). Another build without a risk view
//   gets the same keys at the same pace. Beside it, median ≤ 1.25×.
// - with --risk, 10,000 paths: from opening the risk view (10,000 paths
//   asked for by the link) to its figures shown, in a fresh page each time.
//   Budget ≤ 250 ms.
//
// BENCH_ITERATIONS (300) edits and BENCH_COLD_RUNS (7) cold loads per build;
// BENCH_RISK_EDITS (120) keys while paths run, BENCH_RISK_RUNS (5) runs of
// 10,000 paths.
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, waitForApp } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 300);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS || 7);
/** Edits are measured in this many blocks, alternating between the builds. */
const BLOCKS = 6;
const WARM_UP = 20;
const RISK_EDITS = Number(process.env.BENCH_RISK_EDITS || 120);
const RISK_RUNS = Number(process.env.BENCH_RISK_RUNS || 5);

const BUDGET = {
  p95Ms: 16.7,
  coldMs: 500,
  gzipKb: 300,
  medianRatio: 1.25,
  p95Ratio: 1.4,
  coldRatio: 1.25,
  pathsMs: 250,
};

function args(argv) {
  const out = { dist: resolve(here, '..', '..', 'dist'), vs: null, risk: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--vs') out.vs = resolve(argv[++i] || '');
    else if (argv[i] === '--dist') out.dist = resolve(argv[++i] || '');
    else if (argv[i] === '--risk') out.risk = true;
    else throw new Error(`unknown argument ${argv[i]} (use --vs DIR, --dist DIR, --risk)`);
  }
  for (const d of [out.dist, out.vs].filter(Boolean)) {
    if (!existsSync(join(d, 'index.html'))) throw new Error(`${d}/index.html is missing: build it first`);
  }
  return out;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

/** One cold load in a fresh profile: ms to the first chart, and (if asked) the bytes downloaded. */
async function coldLoad(url, withBytes) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('#chart-revenue svg')) {
          window.__firstChart = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const bodies = [];
    page.on('response', async (r) => {
      try { bodies.push({ url: r.url(), body: await r.body() }); } catch { /* redirects */ }
    });
    await page.goto(url);
    await waitForApp(page);
    const ms = await page.evaluate(() => window.__firstChart);
    let bytes = null;
    if (withBytes) {
      await page.waitForTimeout(200);
      bytes = bodies.map(({ url: u, body }) => ({ url: u.replace(url, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length }));
    }
    return { ms, bytes };
  } finally {
    await close();
  }
}

/** A page ready for edits; `measure(n, from)` times n edits. */
async function editor(url) {
  const { context, close } = await launch();
  const page = await context.newPage();
  await page.goto(url);
  await waitForApp(page);
  const measure = (n, from) => page.evaluate(async ([n, from]) => {
    const input = document.querySelector('#site-grid-capacity-mw');
    const out = [];
    for (let i = from; i < from + n; i += 1) {
      const value = String(100 + (i % 50) * 7);
      const rendered = new Promise((r) => document.addEventListener('repower:rendered', () => {
        // Laid out, as the browser must before it can paint.
        void document.body.offsetHeight;
        r(performance.now());
      }, { once: true }));
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      const t1 = await rendered;
      out.push(t1 - t0);
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }, [n, from]);
  return { measure, close };
}

/**
 * A page whose risk view (if it has one) runs 20,000 paths; `measure(n)`
 * presses n arrow keys in "Grid capacity", each at a random moment while
 * paths run, and times each from the key's timestamp to the render laid out.
 */
async function riskEditor(url) {
  const { context, close } = await launch();
  const page = await context.newPage();
  // A 30-year contract: each run of 20,000 paths lasts longer than the
  // time between keys, so a key always finds one running.
  await page.goto(`${url}#v=2&contract.term_years=30`);
  await waitForApp(page);
  const hasRisk = await page.locator('#risk').count() > 0;
  if (hasRisk) {
    await page.click('#risk > summary');
    await page.click('#risk summary:has-text("More risk inputs")');
    await page.fill('#risk-paths', '20000');
  }
  await page.focus('#site-grid-capacity-mw');
  await page.evaluate(() => {
    window.__times = [];
    let key = null;
    document.addEventListener('keydown', (e) => { key = e.timeStamp; }, true);
    document.addEventListener('repower:rendered', () => {
      if (key === null) return;
      void document.body.offsetHeight;
      window.__times.push(performance.now() - key);
      key = null;
    });
  });
  // Between 100 and 110 MW: up from 100, down from 110.
  const arrow = async () => (Number((await page.inputValue('#site-grid-capacity-mw')).replace(/,/g, '')) > 100 ? 'ArrowDown' : 'ArrowUp');
  const measure = async (n) => {
    const out = [];
    for (let i = 0; i < n; i += 1) {
      if (hasRisk) {
        if (await page.getAttribute('#risk', 'data-risk-state') === 'done') {
          await page.keyboard.press(await arrow()); // not measured: starts a run
        }
        await page.waitForSelector('#risk[data-risk-state="running"]', { timeout: 10_000 });
      } else {
        await page.waitForTimeout(320);
      }
      await new Promise((r) => setTimeout(r, Math.random() * 6));
      const before = await page.evaluate(() => window.__times.length);
      await page.keyboard.press(await arrow());
      await page.waitForFunction((k) => window.__times.length > k, before, { timeout: 5000 });
      out.push(await page.evaluate(() => window.__times[window.__times.length - 1]));
    }
    return out;
  };
  return { measure, close, hasRisk };
}

/** ms from opening the risk view (10,000 paths) to its figures, fresh pages. */
async function tenThousandPaths(url) {
  const out = [];
  for (let i = 0; i < RISK_RUNS; i += 1) {
    const { context, close } = await launch();
    try {
      const page = await context.newPage();
      await page.goto(`${url}#v=2&risk.paths=10000&risk.seed=${i + 1}`);
      await waitForApp(page);
      if (await page.locator('#risk').count() === 0) return null;
      out.push(await page.evaluate(() => new Promise((resolve) => {
        const risk = document.querySelector('#risk');
        const t0 = performance.now();
        new MutationObserver((_, obs) => {
          if (risk.dataset.riskState === 'done') {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(risk, { attributes: true, attributeFilter: ['data-risk-state'] });
        risk.querySelector('summary').click();
      })));
    } finally {
      await close();
    }
  }
  return out;
}

function summary(times, cold, bytes) {
  return {
    input_to_dom_ms: { median: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times), iterations: times.length },
    cold_load_ms: { median: quantile(cold, 0.5), max: Math.max(...cold), runs: cold },
    bytes: { files: bytes, gzip_total: bytes.reduce((a, f) => a + f.gzip, 0), raw_total: bytes.reduce((a, f) => a + f.raw, 0) },
  };
}

const opts = args(process.argv.slice(2));
const builds = [{ name: 'this build', dist: opts.dist }];
if (opts.vs) builds.push({ name: 'baseline', dist: opts.vs });

const servers = [];
const results = {};
try {
  for (const b of builds) {
    b.server = await serve(b.dist);
    servers.push(b.server);
    b.cold = [];
    b.times = [];
    b.bytes = null;
  }
  // Cold loads, alternating between the builds.
  for (let i = 0; i < COLD_RUNS; i += 1) {
    for (const b of builds) {
      const { ms, bytes } = await coldLoad(b.server.url, b.bytes === null);
      b.cold.push(ms);
      if (bytes) b.bytes = bytes;
    }
  }
  // Input → DOM, in blocks alternating between the builds (each in its own
  // browser, so neither page is a background tab).
  const editors = [];
  for (const b of builds) editors.push(await editor(b.server.url));
  try {
    for (const e of editors) await e.measure(WARM_UP, 0); // the JIT warms up
    const per = Math.ceil(ITERATIONS / BLOCKS);
    for (let k = 0; k < BLOCKS; k += 1) {
      for (let j = 0; j < builds.length; j += 1) {
        builds[j].times.push(...await editors[j].measure(per, WARM_UP + k * per));
      }
    }
  } finally {
    for (const e of editors) await e.close();
  }
  for (const b of builds) results[b.name] = { dist: b.dist, ...summary(b.times, b.cold, b.bytes) };
  if (opts.risk) {
    // Keys while paths run, in blocks alternating between the builds.
    const editors = [];
    for (const b of builds) editors.push(await riskEditor(b.server.url));
    try {
      for (const e of editors) await e.measure(6);
      const per = Math.ceil(RISK_EDITS / BLOCKS);
      for (const b of builds) b.riskTimes = [];
      for (let k = 0; k < BLOCKS; k += 1) {
        for (let j = 0; j < builds.length; j += 1) {
          builds[j].riskTimes.push(...await editors[j].measure(per));
        }
      }
    } finally {
      for (const e of editors) await e.close();
    }
    for (const [j, b] of builds.entries()) {
      const t = b.riskTimes;
      results[b.name].input_to_dom_while_paths_run_ms = {
        risk_view: editors[j].hasRisk,
        median: quantile(t, 0.5), p95: quantile(t, 0.95), max: Math.max(...t), iterations: t.length,
      };
    }
    const paths = await tenThousandPaths(builds[0].server.url);
    if (paths) results['this build'].ten_thousand_paths_ms = { median: quantile(paths, 0.5), max: Math.max(...paths), runs: paths };
  }
} finally {
  for (const s of servers) await s.stop();
}

const ok = (v, budget) => (v <= budget ? 'within' : 'OVER');
const me = results['this build'];
const base = results.baseline;
const ms = (x) => `${x.toFixed(2)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const rows = [
  ['input → DOM laid out, median', me.input_to_dom_ms.median, base?.input_to_dom_ms.median, ms, null, BUDGET.medianRatio],
  ['input → DOM laid out, p95', me.input_to_dom_ms.p95, base?.input_to_dom_ms.p95, ms, BUDGET.p95Ms, BUDGET.p95Ratio],
  [`cold load to first chart, median of ${COLD_RUNS}`, me.cold_load_ms.median, base?.cold_load_ms.median, (x) => `${x.toFixed(0)} ms`, BUDGET.coldMs, BUDGET.coldRatio],
  ['downloaded, gzip', me.bytes.gzip_total, base?.bytes.gzip_total, kb, BUDGET.gzipKb * 1024, null],
];
const running = me.input_to_dom_while_paths_run_ms;
if (running) {
  const b = base?.input_to_dom_while_paths_run_ms;
  rows.push(
    [`key → DOM laid out while paths run${running.risk_view ? '' : ' (no risk view)'}, median`, running.median, b?.median, ms, null, BUDGET.medianRatio],
    ['key → DOM laid out while paths run, p95', running.p95, b?.p95, ms, BUDGET.p95Ms, null],
  );
}
if (me.ten_thousand_paths_ms) {
  rows.push([`10,000 paths: open → figures, median of ${RISK_RUNS}`, me.ten_thousand_paths_ms.median, null, ms, BUDGET.pathsMs, null]);
}
const checks = [];
if (base) {
  console.log(`| measure | this build | baseline (${base.dist}) | ratio | budget |`);
  console.log('|---|---|---|---|---|');
} else {
  console.log('| measure | value | budget |');
  console.log('|---|---|---|');
}
for (const [label, v, b, fmt, limit, ratioLimit] of rows) {
  const budget = [];
  if (limit !== null) {
    budget.push(`≤ ${fmt(limit)} (${ok(v, limit)})`);
    checks.push(v <= limit);
  }
  if (base) {
    // A measure the other build has no counterpart of has no ratio.
    const ratio = Number.isFinite(b) ? v / b : null;
    if (ratioLimit !== null && ratio !== null) {
      budget.push(`≤ ${ratioLimit}× (${ok(ratio, ratioLimit)})`);
      checks.push(ratio <= ratioLimit);
    }
    const other = ratio === null ? '—' : fmt(b);
    console.log(`| ${label} | ${fmt(v)} | ${other} | ${ratio === null ? '—' : `${ratio.toFixed(2)}×`} | ${budget.join(', ') || '—'} |`);
  } else {
    console.log(`| ${label} | ${fmt(v)} | ${budget.join(', ') || '—'} |`);
  }
}
for (const f of me.bytes.files) console.log(`|   ${f.url || '(page)'} | ${kb(f.gzip)} gzip |${base ? ' | | |' : ' |'}`);
console.log(checks.every(Boolean) ? 'every budget met' : 'OVER BUDGET');
mkdirSync(join(here, 'artifacts'), { recursive: true });
writeFileSync(join(here, 'artifacts', 'bench.json'), JSON.stringify(results, null, 2));
