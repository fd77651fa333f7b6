// Page performance budgets, measured in headless Chromium against dist/
// (a benchmark, not a test: `node tests/browser/bench.mjs`, after a release
// build). Prints a table and writes tests/browser/artifacts/bench.json.
//
// - input → DOM: from an `input` event on "Grid capacity" to the app's
//   `repower:rendered` event (dispatched after Yew has applied the render,
//   KPI cards and all three chart SVGs, to the DOM). Budget: median ≤ 4 ms,
//   p95 ≤ 8 ms.
// - cold load: navigation start to the first chart SVG in the DOM, fresh
//   profile, local server. Budget ≤ 500 ms.
// - bytes: everything the page downloads, gzip-compressed. Budget ≤ 300 KB.
import { writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, waitForApp } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '..', '..', 'dist');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 300);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS || 7);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

const server = await serve(dist);
const results = {};
try {
  // Cold loads, each in a fresh profile.
  const cold = [];
  let bytes = null;
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const { context, close } = await launch();
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
    await page.goto(server.url);
    await waitForApp(page);
    cold.push(await page.evaluate(() => window.__firstChart));
    if (bytes === null) {
      await page.waitForTimeout(200);
      bytes = bodies.map(({ url, body }) => ({ url: url.replace(server.url, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length }));
    }
    await close();
  }
  results.cold_load_ms = { median: quantile(cold, 0.5), max: Math.max(...cold), runs: cold };
  results.bytes = { files: bytes, gzip_total: bytes.reduce((a, f) => a + f.gzip, 0), raw_total: bytes.reduce((a, f) => a + f.raw, 0) };

  // Input → DOM.
  const { context, close } = await launch();
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  const times = await page.evaluate(async (n) => {
    const input = document.querySelector('#site-grid-capacity-mw');
    const kpi = document.querySelector('li[data-kpi="contract-revenue"] .kpi-value');
    const out = [];
    for (let i = 0; i < n + 20; i += 1) {
      const value = String(100 + (i % 50) * 7);
      const rendered = new Promise((r) => document.addEventListener('repower:rendered', r, { once: true }));
      const before = kpi.textContent;
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await rendered;
      const t1 = performance.now();
      if (i >= 20) out.push(t1 - t0); // the first 20 warm the JIT up
      if (kpi.textContent === before && i > 0 && value !== '100') {
        // Not every value changes the 3-significant-digit KPI; the charts always change.
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }, ITERATIONS);
  await close();
  results.input_to_dom_ms = { median: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times), iterations: times.length };
} finally {
  await server.stop();
}

const ok = (v, budget) => (v <= budget ? 'within' : 'OVER');
const r = results;
console.log('| measure | value | budget |');
console.log('|---|---|---|');
console.log(`| input → DOM, median | ${r.input_to_dom_ms.median.toFixed(2)} ms | ≤ 4 ms (${ok(r.input_to_dom_ms.median, 4)}) |`);
console.log(`| input → DOM, p95 | ${r.input_to_dom_ms.p95.toFixed(2)} ms | ≤ 8 ms (${ok(r.input_to_dom_ms.p95, 8)}) |`);
console.log(`| cold load to first chart, median of ${COLD_RUNS} | ${r.cold_load_ms.median.toFixed(0)} ms | ≤ 500 ms (${ok(r.cold_load_ms.median, 500)}) |`);
console.log(`| downloaded, gzip | ${(r.bytes.gzip_total / 1024).toFixed(1)} KB (${(r.bytes.raw_total / 1024).toFixed(1)} KB raw) | ≤ 300 KB (${ok(r.bytes.gzip_total / 1024, 300)}) |`);
for (const f of r.bytes.files) console.log(`|   ${f.url || '(page)'} | ${(f.gzip / 1024).toFixed(1)} KB gzip | |`);
mkdirSync(join(here, 'artifacts'), { recursive: true });
writeFileSync(join(here, 'artifacts', 'bench.json'), JSON.stringify(results, null, 2));
