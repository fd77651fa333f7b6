// Page performance budgets, measured in headless Chromium against dist/
// (a benchmark, not a test: `node tests/browser/bench.mjs`, after a release
// build). Prints a table and writes tests/browser/artifacts/bench.json.
//
//   node tests/browser/bench.mjs                 this build's dist/
//   node tests/browser/bench.mjs --vs DIR        this build side by side with
//                                                another build's dist (DIR), in
//                                                one run, measurements interleaved
//   node tests/browser/bench.mjs --vs-commit REV the same beside commit REV,
//                                                built first by .ci/bench.sh (a
//                                                worktree in target/bench-vs/,
//                                                reused once built)
//   node tests/browser/bench.mjs --dist DIR      another dist than ./dist
//   node tests/browser/bench.mjs --profile P     phone, laptop or both (default)
//   node tests/browser/bench.mjs --risk          also: edits while the risk view
//                                                runs paths, and 10,000 paths
//   node tests/browser/bench.mjs --compare       also: edits while a comparison
//                                                of the current inputs is shown
//
// Every measure is taken in each profile (PROFILES) the same way:
// - laptop: a 1366×900 window, the CPU at full speed;
// - phone: a 390×844 mobile viewport (device scale factor 3, touch), the CPU
//   slowed 4× (Chromium's `Emulation.setCPUThrottlingRate`).
//
// - input → DOM: from an `input` event on "Grid capacity" to the app's
//   `repower:rendered` event (dispatched after Yew has applied the render,
//   the KPI cards and every chart SVG, to the DOM) and the layout after it
//   (`offsetHeight` read in the listener).
// - cold load: navigation start to the frame that first shows the first
//   chart's drawing and the headline figures (the KPI cards' values) on
//   screen: both in the DOM and visible (`checkVisibility`), then the next
//   animation frame (which waits for the stylesheet); fresh profile, local
//   server. A prerendered page counts from when its own figures show; its
//   chart counts only where the stylesheet shows it (the phone's width).
// - first input answered: navigation start to the page's answer to its first
//   input, fresh profile. As soon as "Grid capacity" is in the DOM (a
//   MutationObserver) it gets an `input` event (150 MW); the answer is the
//   first `repower:rendered` after it, layout forced as above, whose
//   headline figures are those the page settles on (150 MW's). The run then
//   puts the old value back and checks that the figures change, so an input
//   the page missed fails the run instead of counting.
// - bytes: everything the page downloads, gzip-compressed; and in
//   Portuguese: the same, one more cold load in a browser whose language is
//   pt-BR (the page's Portuguese build).
// - with --risk, input → DOM while paths run: the risk view open and running
//   (20,000 paths of a 30-year contract, run again 300 ms after each edit;
//   the other build shows the same scenario), an arrow key pressed
//   in "Grid capacity" at a random moment of the run (up to 300 ms into
//   it, and only while it still runs; real key events, so
//   the time a key waits for the work in hand counts: from the key's own
//   timestamp to the render laid out). Another build without a risk view
//   gets the same keys at the same pace.
// - with --compare, input → DOM with a comparison shown: the saved
//   scenarios' panel open, the current inputs saved, then compared (A) with
//   that saved scenario (B); each edit of "Grid capacity" is timed as above,
//   the comparison (its figures, its inputs that differ and its four charts
//   of A and B) following in a task of its own; and, reported only, from
//   the same input event to the comparison followed and laid out (busy for
//   screen readers until then). Another build without saved scenarios gets
//   the same edits.
// - with --risk, 10,000 paths: from opening the risk view (10,000 paths
//   asked for by the link) to its figures shown, in a fresh page each time
//   (the risk view's worker is fetched, compiled and started first); then,
//   in the same page, from a run asked for again (another seed) to its
//   figures: the paths themselves (the budget).
//
// Budgets (BUDGETS), per profile; a ratio is this build's figure over the
// other build's (--vs, --vs-commit: for the phone, the previous release):
// - laptop: input → DOM p95 ≤ 16.7 ms (one frame at 60 Hz), median ≤ 1.25×
//   and p95 ≤ 1.4×; cold load ≤ 500 ms and ≤ 1.25×; bytes ≤ 300 KB, in
//   English and in Portuguese; with
//   --risk, a key while paths run median ≤ 1.25× and p95 ≤ 16.7 ms,
//   10,000 paths ≤ 250 ms. First input answered is reported only.
// - phone: input → DOM median and p95 ≤ 1/3 of the other build's; cold
//   load ≤ 1/3 of its; first input answered ≤ its cold load (its time to
//   the first chart); bytes ≤ 300 KB, in English and in Portuguese.
//
// BENCH_ITERATIONS (300) edits, BENCH_COLD_RUNS (7) cold loads and as many
// first inputs per build and profile; BENCH_RISK_EDITS (120) keys while
// paths run, BENCH_RISK_RUNS (5) runs of 10,000 paths; with --compare, as
// many edits with a comparison shown as without.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, waitForApp } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 300);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS || 7);
/** Edits are measured in this many blocks, alternating between the builds. */
const BLOCKS = 6;
const WARM_UP = 20;
const RISK_EDITS = Number(process.env.BENCH_RISK_EDITS || 120);
const RISK_RUNS = Number(process.env.BENCH_RISK_RUNS || 5);

/** The devices: the browser context's options and how much slower the CPU runs. */
const PROFILES = {
  laptop: { cpuSlowdown: 1, context: { viewport: { width: 1366, height: 900 } } },
  phone: {
    cpuSlowdown: 4,
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  },
};

const ms = (x) => `${x.toFixed(2)} ms`;
const wholeMs = (x) => `${x.toFixed(0)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

/** What the table shows: each measure's name (short) and label, where it is in a profile's results, its format. */
const MEASURES = {
  key_median: { name: 'input → DOM median', label: 'input → DOM laid out, median', get: (r) => r.input_to_dom_ms?.median, fmt: ms },
  key_p95: { name: 'input → DOM p95', label: 'input → DOM laid out, p95', get: (r) => r.input_to_dom_ms?.p95, fmt: ms },
  cold: { name: 'cold load', label: `cold load to first chart and headline figures, median of ${COLD_RUNS}`, get: (r) => r.cold_load_ms?.median, fmt: wholeMs },
  first_input: { name: 'first input answered', label: `first input answered, median of ${COLD_RUNS}`, get: (r) => r.first_input_answered_ms?.median, fmt: wholeMs },
  gzip: { name: 'bytes', label: 'downloaded, gzip', get: (r) => r.bytes?.gzip_total, fmt: kb },
  gzip_pt: { name: 'bytes in Portuguese', label: 'downloaded by a Portuguese browser (pt-BR), gzip', get: (r) => r.bytes_pt?.gzip_total, fmt: kb },
  risk_key_median: { name: 'key while paths run, median', label: 'key → DOM laid out while paths run, median', get: (r) => r.input_to_dom_while_paths_run_ms?.median, fmt: ms },
  risk_key_p95: { name: 'key while paths run, p95', label: 'key → DOM laid out while paths run, p95', get: (r) => r.input_to_dom_while_paths_run_ms?.p95, fmt: ms },
  compare_key_median: { name: 'input → DOM with a comparison, median', label: 'input → DOM laid out with a comparison shown, median', get: (r) => r.input_to_dom_with_comparison_ms?.median, fmt: ms },
  compare_key_p95: { name: 'input → DOM with a comparison, p95', label: 'input → DOM laid out with a comparison shown, p95', get: (r) => r.input_to_dom_with_comparison_ms?.p95, fmt: ms },
  compared_median: { name: 'input → comparison followed, median', label: 'input → the comparison followed and laid out, median', get: (r) => r.input_to_comparison_ms?.median, fmt: ms },
  compared_p95: { name: 'input → comparison followed, p95', label: 'input → the comparison followed and laid out, p95', get: (r) => r.input_to_comparison_ms?.p95, fmt: ms },
  paths: { name: '10,000 paths', label: `10,000 paths: open → figures (worker loaded first), median of ${RISK_RUNS}`, get: (r) => r.ten_thousand_paths_ms?.median, fmt: ms },
  paths_again: { name: '10,000 paths again', label: `10,000 paths again: run asked → figures, median of ${RISK_RUNS}`, get: (r) => r.ten_thousand_paths_again_ms?.median, fmt: ms },
};

/**
 * The budgets, per profile and measure: `max`, a limit on this build's
 * figure; `ratio`, a limit on it over the other build's figure for measure
 * `of` (the same measure unless named). A measure not listed has none.
 */
const BUDGETS = {
  laptop: {
    key_median: { ratio: 1.25 },
    key_p95: { max: 16.7, ratio: 1.4 },
    cold: { max: 500, ratio: 1.25 },
    gzip: { max: 300 * 1024 },
    gzip_pt: { max: 300 * 1024 },
    risk_key_median: { ratio: 1.25 },
    risk_key_p95: { max: 16.7 },
    compare_key_median: { ratio: 1.25 },
    compare_key_p95: { max: 16.7, ratio: 1.4 },
    paths_again: { max: 250 },
  },
  phone: {
    key_median: { ratio: 1 / 3 },
    key_p95: { ratio: 1 / 3 },
    cold: { ratio: 1 / 3 },
    first_input: { ratio: 1, of: 'cold' },
    gzip: { max: 300 * 1024 },
    gzip_pt: { max: 300 * 1024 },
  },
};

function args(argv) {
  const out = { dist: join(root, 'dist'), vs: null, commit: null, risk: false, compare: false, profiles: Object.keys(PROFILES) };
  let rev = null;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--vs') out.vs = resolve(argv[++i] || '');
    else if (a === '--vs-commit') rev = argv[++i] || '';
    else if (a === '--dist') out.dist = resolve(argv[++i] || '');
    else if (a === '--risk') out.risk = true;
    else if (a === '--compare') out.compare = true;
    else if (a === '--profile') {
      const p = argv[++i];
      if (p === 'both') out.profiles = Object.keys(PROFILES);
      else if (Object.hasOwn(PROFILES, p ?? '')) out.profiles = [p];
      else throw new Error(`--profile ${p}: use phone, laptop or both`);
    } else {
      throw new Error(`unknown argument ${a} (use --vs DIR, --vs-commit REV, --dist DIR, --profile phone|laptop|both, --risk, --compare)`);
    }
  }
  if (rev !== null) {
    if (out.vs) throw new Error('--vs and --vs-commit: give one of them');
    if (!rev) throw new Error('--vs-commit needs a commit');
    out.vs = buildCommit(rev);
    out.commit = basename(dirname(out.vs));
  }
  for (const d of [out.dist, out.vs].filter(Boolean)) {
    if (!existsSync(join(d, 'index.html'))) throw new Error(`${d}/index.html is missing: build it first`);
  }
  return out;
}

/** Builds commit `rev`'s dist/ with .ci/bench.sh (which says what it does) and returns its path. */
function buildCommit(rev) {
  console.log(`--vs-commit ${rev}: bash .ci/bench.sh ${rev}`);
  const r = spawnSync('bash', [join(root, '.ci', 'bench.sh'), rev], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`.ci/bench.sh ${rev} failed (exit ${r.status ?? r.signal})`);
  const dist = r.stdout.trim().split('\n').pop();
  console.log(`--vs-commit ${rev}: measuring beside ${dist}`);
  return dist;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

/** A fresh browser as `profile`: a page in it at the profile's CPU speed. */
async function open(profile) {
  const { context, close } = await launch(profile.context);
  try {
    const page = await context.newPage();
    if (profile.cpuSlowdown !== 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    }
    return { page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** One cold load: ms to the first chart with the headline figures, and (if asked) the bytes downloaded. */
async function coldLoad(url, profile, withBytes) {
  const { page, close } = await open(profile);
  try {
    await page.addInitScript(() => {
      const shown = (e) => e?.checkVisibility({ visibilityProperty: true });
      const check = (obs) => {
        const figure = document.querySelector('.kpis .kpi-value');
        const chart = [...document.querySelectorAll('#chart-revenue svg')].some(shown);
        if (!chart || !shown(figure) || !figure.textContent.trim()) return;
        obs.disconnect();
        requestAnimationFrame(() => { window.__coldLoad ??= performance.now(); });
      };
      new MutationObserver((_, obs) => check(obs))
        .observe(document, { childList: true, subtree: true, characterData: true });
    });
    const bodies = [];
    page.on('response', async (r) => {
      try { bodies.push({ url: r.url(), body: await r.body() }); } catch { /* redirects */ }
    });
    await page.goto(url);
    await waitForApp(page);
    await page.waitForFunction(() => window.__coldLoad !== undefined);
    const ms = await page.evaluate(() => window.__coldLoad);
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

/**
 * One first input (see the header): ms from navigation start to the answer,
 * and when the field appeared.
 */
async function firstInput(url, profile) {
  const { page, close } = await open(profile);
  try {
    await page.addInitScript(() => {
      const figures = () => [...document.querySelectorAll('.kpis .kpi-value')].map((e) => e.textContent).join('|');
      const first = { field: null, before: null, renders: [], figures };
      window.__firstInput = first;
      new MutationObserver((_, obs) => {
        const input = document.querySelector('#site-grid-capacity-mw');
        if (!input) return;
        obs.disconnect();
        document.addEventListener('repower:rendered', () => {
          void document.body.offsetHeight;
          first.renders.push({ at: performance.now(), figures: figures() });
        });
        first.field = performance.now();
        first.before = input.value;
        input.value = '150';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await waitForApp(page);
    // Settled: nothing rendered for 300 ms.
    await page.waitForFunction(() => {
      const r = window.__firstInput.renders;
      return r.length > 0 && performance.now() - r[r.length - 1].at > 300;
    }, null, { timeout: 15_000, polling: 50 });
    const { field, at, settled } = await page.evaluate(() => {
      const first = window.__firstInput;
      const settled = first.figures();
      return { field: first.field, settled, at: first.renders.find((r) => r.figures === settled)?.at };
    });
    // The input was answered only if putting the old value back changes the figures.
    await page.evaluate(() => {
      const input = document.querySelector('#site-grid-capacity-mw');
      input.value = window.__firstInput.before;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    const answered = await page.waitForFunction((s) => window.__firstInput.figures() !== s, settled, { timeout: 5000 })
      .then(() => true, () => false);
    if (at === undefined || !answered) throw new Error(`${url}: the first input was not answered`);
    return { ms: at, field };
  } finally {
    await close();
  }
}

/**
 * A page ready for edits; `measure(n)` times the next n edits. `prepare`,
 * if given, readies the page first.
 */
async function editor(url, profile, prepare) {
  const { page, close } = await open(profile);
  await page.goto(url);
  await waitForApp(page);
  if (prepare) await prepare(page);
  // With a comparison shown: when it has followed each edit (laid out).
  await page.evaluate(() => {
    const panel = document.querySelector('details.saved');
    window.__followed = [];
    if (!panel?.querySelector('.saved-comparison')) return;
    let busy = false;
    new MutationObserver(() => {
      const now = panel.querySelector('.saved-comparison')?.hasAttribute('aria-busy');
      if (busy && !now) {
        void document.body.offsetHeight;
        window.__followed.push(performance.now());
      }
      busy = now;
    }).observe(panel, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  let next = 0;
  const measure = async (n) => {
    const from = next;
    next += n;
    return page.evaluate(async ([n, from]) => {
      const input = document.querySelector('#site-grid-capacity-mw');
      const out = [];
      const compared = document.querySelector('.saved-comparison') ? (window.__comparedTimes ||= []) : null;
      for (let i = from; i < from + n; i += 1) {
        const value = String(100 + (i % 50) * 7);
        const rendered = new Promise((r) => document.addEventListener('repower:rendered', () => {
          // Laid out, as the browser must before it can paint.
          void document.body.offsetHeight;
          r(performance.now());
        }, { once: true }));
        const t0 = performance.now();
        const followed = window.__followed.length;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        const t1 = await rendered;
        out.push(t1 - t0);
        await new Promise((r) => setTimeout(r, 0));
        if (compared) {
          // The comparison follows in a task of its own: waited for, timed.
          while (window.__followed.length === followed) await new Promise((r) => setTimeout(r, 1));
          compared.push(window.__followed[followed] - t0);
        }
      }
      return out;
    }, [n, from]);
  };
  return { measure, close, compared: () => page.evaluate(() => window.__comparedTimes) };
}

/**
 * A page showing a comparison of its current inputs (A) with the same
 * inputs saved (B), if it has saved scenarios; `measure(n)` as `editor`'s.
 */
async function compareEditor(url, profile) {
  return editor(url, profile, async (page) => {
    if (await page.locator('summary[data-tool="saved"]').count() === 0) return;
    await page.click('summary[data-tool="saved"]');
    await page.waitForSelector('.saved-panel input[name="saved-name"]', { state: 'visible' });
    await page.fill('input[name="saved-name"]', 'B');
    await page.click('.save-as button[type="submit"]');
    await page.waitForSelector('select[name="b"] option:not([value="current"])', { state: 'attached' });
    await page.selectOption('select[name="a"]', 'current');
    await page.selectOption('select[name="b"]', { label: 'B' });
    await page.click('.saved-compare button[type="submit"]');
    await page.waitForSelector('.saved-comparison .compare-chart svg');
  });
}

/**
 * A page whose risk view (if it has one) runs 20,000 paths; `measure(n)`
 * presses n arrow keys in "Grid capacity", each at a random moment while
 * paths run, and times each from the key's timestamp to the render laid out.
 */
async function riskEditor(url, profile) {
  const { page, close } = await open(profile);
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
    let missed = 0;
    for (let i = 0; i < n; i += 1) {
      if (hasRisk) {
        // Not measured: keys until a run starts (a key back to inputs
        // already shown starts none).
        for (let tries = 0; ; tries += 1) {
          if (await page.getAttribute('#risk', 'data-risk-state') === 'done') {
            await page.keyboard.press(await arrow());
          }
          const started = await page.waitForSelector('#risk[data-risk-state="running"]', { timeout: 2000 }).then(() => true, () => false);
          if (started) break;
          if (tries === 5) {
            throw new Error(`no run of the risk view started (it is "${await page.getAttribute('#risk', 'data-risk-state')}": ${await page.textContent('.risk-status')})`);
          }
        }
      } else {
        await page.waitForTimeout(320);
      }
      // A random moment of the run: up to 300 ms into it (a run of the
      // risk view's worker takes about 0.6 s here), still running.
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      if (hasRisk && await page.getAttribute('#risk', 'data-risk-state') !== 'running') {
        missed += 1;
        if (missed > 10 * n) throw new Error('the risk view\'s runs end before a key can be pressed in them');
        i -= 1;
        continue;
      }
      const before = await page.evaluate(() => window.__times.length);
      await page.keyboard.press(await arrow());
      await page.waitForFunction((k) => window.__times.length > k, before, { timeout: 5000 });
      out.push(await page.evaluate(() => window.__times[window.__times.length - 1]));
    }
    return out;
  };
  return { measure, close, hasRisk };
}

/**
 * 10,000 paths, fresh pages: ms from opening the risk view to its figures
 * (the worker's code loaded and started first), and from asking for a run
 * again (another seed; the worker running) to its figures. Null without a
 * risk view.
 */
async function tenThousandPaths(url, profile) {
  const out = [];
  const again = [];
  for (let i = 0; i < RISK_RUNS; i += 1) {
    const { page, close } = await open(profile);
    try {
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
      // Again, the worker loaded: from the run asked for (state "running")
      // to its figures.
      const timed = page.evaluate(() => new Promise((resolve) => {
        const risk = document.querySelector('#risk');
        let t0 = null;
        new MutationObserver((_, obs) => {
          if (risk.dataset.riskState === 'running' && t0 === null) t0 = performance.now();
          if (risk.dataset.riskState === 'done' && t0 !== null) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(risk, { attributes: true, attributeFilter: ['data-risk-state'] });
      }));
      await page.click('#risk summary:has-text("More risk inputs")');
      await page.fill('#risk-seed', String(100 + i));
      again.push(await timed);
    } finally {
      await close();
    }
  }
  return { out, again };
}

const stats = (xs) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs), iterations: xs.length });

/** Runs `run(build, i)` for i < n for each build, alternating between the builds; each build's results. */
async function alternating(builds, n, run) {
  const out = builds.map(() => []);
  for (let i = 0; i < n; i += 1) {
    for (const [j, b] of builds.entries()) out[j].push(await run(b, i));
  }
  return out;
}

/**
 * Times `total` edits per build with `makeEditor`: one page per build, each
 * in its own browser (so neither is a background tab), `warmUp` edits each
 * first (the JIT warms up), then blocks alternating between the builds.
 */
async function interleavedEdits(builds, profile, makeEditor, warmUp, total) {
  const editors = [];
  try {
    for (const b of builds) editors.push(await makeEditor(b.server.url, profile));
    for (const e of editors) await e.measure(warmUp);
    const times = builds.map(() => []);
    const per = Math.ceil(total / BLOCKS);
    for (let k = 0; k < BLOCKS; k += 1) {
      for (const [j, e] of editors.entries()) times[j].push(...await e.measure(per));
    }
    const compared = [];
    for (const e of editors) compared.push(((await e.compared?.()) || []).slice(warmUp));
    return editors.map((e, j) => ({ times: times[j], hasRisk: e.hasRisk, compared: compared[j] }));
  } finally {
    for (const e of editors) await e.close();
  }
}

/** Every measure in one profile, for every build: each build's results. */
async function measureProfile(builds, profile, { risk, compare }) {
  const cold = await alternating(builds, COLD_RUNS, (b, i) => coldLoad(b.server.url, profile, i === 0));
  // A first visit in Portuguese: its bytes.
  const inPortuguese = { ...profile, context: { ...profile.context, locale: 'pt-BR' } };
  const pt = await alternating(builds, 1, (b) => coldLoad(b.server.url, inPortuguese, true));
  const first = await alternating(builds, COLD_RUNS, (b) => firstInput(b.server.url, profile));
  const edits = await interleavedEdits(builds, profile, editor, WARM_UP, ITERATIONS);
  const results = builds.map((b, j) => {
    const { bytes } = cold[j][0];
    const coldMs = cold[j].map((c) => c.ms);
    const firstMs = first[j].map((f) => f.ms);
    return {
      input_to_dom_ms: stats(edits[j].times),
      cold_load_ms: { median: quantile(coldMs, 0.5), max: Math.max(...coldMs), runs: coldMs },
      first_input_answered_ms: { median: quantile(firstMs, 0.5), max: Math.max(...firstMs), runs: firstMs, field_present_ms: first[j].map((f) => f.field) },
      bytes: { files: bytes, gzip_total: bytes.reduce((a, f) => a + f.gzip, 0), raw_total: bytes.reduce((a, f) => a + f.raw, 0) },
      bytes_pt: { files: pt[j][0].bytes, gzip_total: pt[j][0].bytes.reduce((a, f) => a + f.gzip, 0) },
    };
  });
  if (compare) {
    const shown = await interleavedEdits(builds, profile, compareEditor, WARM_UP, ITERATIONS);
    for (const [j, r] of shown.entries()) {
      results[j].input_to_dom_with_comparison_ms = stats(r.times);
      if (r.compared.length > 0) results[j].input_to_comparison_ms = stats(r.compared);
    }
  }
  if (risk) {
    const running = await interleavedEdits(builds, profile, riskEditor, 6, RISK_EDITS);
    for (const [j, r] of running.entries()) results[j].input_to_dom_while_paths_run_ms = { risk_view: r.hasRisk, ...stats(r.times) };
    const paths = await tenThousandPaths(builds[0].server.url, profile);
    if (paths) {
      results[0].ten_thousand_paths_ms = { median: quantile(paths.out, 0.5), max: Math.max(...paths.out), runs: paths.out };
      results[0].ten_thousand_paths_again_ms = { median: quantile(paths.again, 0.5), max: Math.max(...paths.again), runs: paths.again };
    }
  }
  return results;
}

const opts = args(process.argv.slice(2));
const builds = [{ name: 'this build', dist: opts.dist }];
if (opts.vs) builds.push({ name: 'baseline', dist: opts.vs, ...(opts.commit && { commit: opts.commit }) });

const results = Object.fromEntries(builds.map((b) => [b.name, { dist: b.dist, ...(b.commit && { commit: b.commit }) }]));
try {
  for (const b of builds) b.server = await serve(b.dist);
  for (const name of opts.profiles) {
    console.log(`measuring the ${name} profile…`);
    const measured = await measureProfile(builds, PROFILES[name], opts);
    for (const [j, b] of builds.entries()) results[b.name][name] = measured[j];
  }
} finally {
  for (const b of builds) await b.server?.stop();
}

// The table: one row per profile and measure taken.
const me = results['this build'];
const base = results.baseline;
const rows = [];
for (const profile of opts.profiles) {
  for (const [id, m] of Object.entries(MEASURES)) {
    const value = m.get(me[profile]);
    if (value === undefined) continue;
    const budget = BUDGETS[profile][id] ?? {};
    const of = budget.of ?? id;
    const other = base ? MEASURES[of].get(base[profile]) : undefined;
    const ratio = Number.isFinite(other) ? value / other : null;
    const met = [];
    if (budget.max !== undefined) met.push(value <= budget.max);
    if (budget.ratio !== undefined && ratio !== null) met.push(ratio <= budget.ratio);
    rows.push({ profile, measure: id, of, value, other: other ?? null, ratio, budget, met: met.every(Boolean) });
  }
}

const ok = (yes) => (yes ? 'within' : 'OVER');
const times = (x) => `${x.toFixed(2)}×`;
const baseName = base && (base.commit ? base.commit.slice(0, 7) : base.dist);
console.log(base
  ? `| profile | measure | this build | baseline (${baseName}) | ratio | budget |\n|---|---|---|---|---|---|`
  : '| profile | measure | this build | budget |\n|---|---|---|---|');
for (const r of rows) {
  const { fmt, label } = MEASURES[r.measure];
  const budget = [];
  if (r.budget.max !== undefined) budget.push(`≤ ${fmt(r.budget.max)} (${ok(r.value <= r.budget.max)})`);
  if (r.budget.ratio !== undefined) {
    const limit = `≤ ${times(r.budget.ratio)} ${r.of === r.measure ? '' : `its ${MEASURES[r.of].name} `}`;
    budget.push(r.ratio === null ? `${limit}(no baseline)` : `${limit}(${ok(r.ratio <= r.budget.ratio)})`);
  }
  const cells = [r.profile, label, fmt(r.value)];
  if (base) {
    const of = r.of === r.measure ? '' : ` (${MEASURES[r.of].name})`;
    cells.push(r.other === null ? '—' : `${fmt(r.other)}${of}`, r.ratio === null ? '—' : times(r.ratio));
  }
  cells.push(budget.join(', ') || '—');
  console.log(`| ${cells.join(' | ')} |`);
}
for (const profile of opts.profiles) {
  for (const [which, said] of [['bytes', ''], ['bytes_pt', ' in Portuguese']]) {
    const files = me[profile][which].files.map((f) => `${f.url || '(page)'} ${kb(f.gzip)}`);
    console.log(`downloaded (${profile})${said}, gzip: ${files.join(', ')}`);
  }
}
console.log(rows.every((r) => r.met) ? 'every budget met' : 'OVER BUDGET');
mkdirSync(join(here, 'artifacts'), { recursive: true });
writeFileSync(join(here, 'artifacts', 'bench.json'), JSON.stringify({
  profiles: Object.fromEntries(opts.profiles.map((p) => [p, { cpu_slowdown: PROFILES[p].cpuSlowdown, ...PROFILES[p].context }])),
  builds: results,
  budgets: rows.map((r) => ({
    profile: r.profile, measure: r.measure, label: MEASURES[r.measure].label, this_build: r.value,
    ...(base && { baseline: r.other, baseline_measure: r.of, ratio: r.ratio }),
    max: r.budget.max ?? null, max_ratio: r.budget.ratio ?? null, met: r.met,
  })),
}, null, 2));
