// The risk view in headless Chromium: closed until opened, the tornado, the
// simulation's charts and figures, re-runs after edits, Cancel, nothing run
// while closed, and the browser's simulation against the native evaluator's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withSite, watchErrors, waitForApp, assert, openAdvanced } from './lib.mjs';

/** Opens the page (with `fragment`, a link's scenario) on a fresh server and browser. */
function withPage({ dist }, body, fragment = '') {
  return withSite(dist, async ({ server, context }) => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}${fragment}`);
    await waitForApp(page);
    await body(page, errors);
  });
}

const state = (page) => page.getAttribute('#risk', 'data-risk-state');
const waitForState = (page, name, timeout = 15_000) =>
  page.waitForSelector(`#risk[data-risk-state="${name}"]`, { timeout })
    .catch(async () => { throw new Error(`the risk view did not reach "${name}" (it is "${await state(page)}")`); });
/** The model's number behind a figure (`npv`, `irr`, `payback`; `p10`, `p50`, `p90`). */
const figure = async (page, row, q) => Number(await page.getAttribute(`#risk [data-risk="${row}"] td[data-q="${q}"]`, 'data-value'));
const tornadoBase = (page) => page.textContent('#chart-tornado figcaption');

async function open(page) {
  await page.click('#risk > summary');
  await waitForState(page, 'done');
}

/** Script time the page has spent so far, ms (Chromium's own count). */
async function scriptMs(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return 1000 * metrics.find((m) => m.name === 'ScriptDuration').value;
}

/** `risk` of the native evaluator for a scenario (JSON text). */
function nativeRisk(root, json) {
  const bin = join(root, 'target', 'release', 'repower');
  const run = process.env.REPOWER_BIN || (existsSync(bin) ? bin : null);
  const r = run
    ? spawnSync(run, ['risk', '-'], { input: json, encoding: 'utf8' })
    : spawnSync('cargo', ['run', '--release', '--quiet', '--bin', 'repower', '--', 'risk', '-'], { cwd: root, input: json, encoding: 'utf8' });
  assert(r.status === 0, `repower risk failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export const tests = [
  {
    name: 'closed until opened, its settings in it; opened, the tornado, both simulation charts and the figures',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      assert(await state(page) === 'closed', `state before opening: ${await state(page)}`);
      assert(await page.locator('#chart-tornado').count() === 0, 'a risk chart before the view is opened');
      // The settings are the scenario's risk.* fields, in the view, not with
      // the inputs; the view's code is fetched only when it is opened.
      await openAdvanced(page);
      const inForm = await page.locator('.inputs [data-field^="risk."]').count();
      assert(inForm === 0, `${inForm} risk settings among the inputs`);
      assert(await page.locator('#risk [data-field^="risk."]').count() === 0, 'risk settings before the view is opened');
      await open(page);
      await openAdvanced(page);
      const inView = await page.locator('#risk [data-field^="risk."]').count();
      assert(inView >= 10, `${inView} risk settings in the view`);
      for (const id of ['tornado', 'histogram', 'fan']) {
        const sel = `#chart-${id}`;
        assert(await page.locator(`${sel} svg`).count() === 1, `${sel}: no drawing`);
        assert((await page.innerHTML(`${sel} .svg-frame`)).length > 2000, `${sel}: the drawing looks empty`);
        assert(await page.getAttribute(`${sel} .svg-frame`, 'data-current') === 'true', `${sel}: not current`);
        assert((await page.textContent(`${sel} figcaption`)).length > 60, `${sel}: no summary`);
        await page.click(`${sel} .numbers summary`);
        const rows = await page.locator(`${sel} .numbers tbody tr`).count();
        assert(rows > 2, `${sel}: ${rows} rows of numbers`);
      }
      assert(/over 2,000 simulated paths/.test(await page.textContent('#chart-histogram h2')), 'the histogram is not of 2,000 paths');
      // P10 ≤ P50 ≤ P90 of each figure, written as the page writes them.
      const p = {};
      for (const q of ['p10', 'p50', 'p90']) p[q] = await figure(page, 'npv', q);
      assert(p.p10 <= p.p50 && p.p50 <= p.p90, `NPV percentiles ${JSON.stringify(p)}`);
      const npvText = await page.textContent('#risk [data-risk="npv"] td[data-q="p50"]');
      assert(/^\$\d/.test(npvText.trim()), `NPV P50: ${npvText}`);
      assert(/Equity IRR/.test(await page.textContent('#risk [data-risk="irr"] th')), 'the default scenario borrows: the equity IRR');
      assert(/%/.test(await page.textContent('#risk [data-risk="irr"] td[data-q="p50"]')), 'no IRR P50');
      assert(/^(month \d+|never)$/.test((await page.textContent('#risk [data-risk="payback"] td[data-q="p50"]')).trim()), 'payback P50');
      assert(/on \d+(\.\d)? % of paths/.test(await page.textContent('#risk [data-risk="ahead"]')), 'the chance converting is ahead');
      const text = await page.textContent('#risk');
      assert(!/NaN|undefined|Infinity/.test(text), 'the risk view shows NaN/undefined/Infinity');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'an edit moves the tornado\'s base and runs the simulation again; until then the old figures are marked',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      await open(page);
      const base = await tornadoBase(page);
      const p50 = await figure(page, 'npv', 'p50');
      const frames = await page.innerHTML('#chart-histogram .svg-frame');
      await page.fill('#contract-rate-usd-per-kw-month', '140');
      // At once: the old results, marked as not current.
      await page.waitForFunction(() => document.querySelector('.risk-figures')?.dataset.current === 'false', null, { timeout: 2000 });
      assert(await page.getAttribute('#chart-histogram .svg-frame', 'data-current') === 'false', 'the old histogram is shown as current');
      assert(await page.getAttribute('#chart-histogram .svg-frame', 'aria-hidden') === 'true', 'the old histogram is read to screen readers');
      assert(/earlier inputs/.test(await page.textContent('.risk-status')), `status: ${await page.textContent('.risk-status')}`);
      await waitForState(page, 'done');
      assert(await page.getAttribute('.risk-figures', 'data-current') === 'true', 'the new figures are not marked current');
      const after = await tornadoBase(page);
      assert(after !== base, `the tornado's base did not move: ${after}`);
      assert(/\$2\d\dM|\$3\d\dM/.test(after), `tornado summary: ${after}`);
      const p50After = await figure(page, 'npv', 'p50');
      assert(p50After > p50, `a higher lease rate, P50 ${p50} → ${p50After}`);
      assert(await page.innerHTML('#chart-histogram .svg-frame') !== frames, 'the histogram was not drawn again');
      // An invalid setting is marked in the view; the figures stay those of the last valid inputs.
      await page.click('#risk summary:has-text("More risk inputs")');
      await page.fill('#risk-paths', '5');
      assert(await page.locator('#risk [data-field="risk.paths"] .error').count() === 1, 'no message beside an invalid paths count');
      assert(await figure(page, 'npv', 'p50') === p50After, 'an invalid setting changed the figures');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'paths run in slices with progress; Cancel stops them; nothing runs while the view is closed',
    // 20,000 paths of a 30-year contract: long enough to watch.
    run: (ctx) => withPage(ctx, async (page, errors) => {
      await page.click('#risk > summary');
      await waitForState(page, 'running');
      // Some paths run (not the first zero), then Cancel.
      await page.waitForFunction(() => /^[1-9][\d,]* of 20,000 paths$/.test(document.querySelector('.risk-progress-text')?.textContent || ''), null, { timeout: 5000 });
      await page.click('.risk-cancel');
      await waitForState(page, 'stopped', 2000);
      const status = await page.textContent('.risk-status');
      const m = /Cancelled after ([\d,]+) of 20,000 paths/.exec(status);
      assert(m, `status after Cancel: ${status}`);
      const ran = Number(m[1].replace(/,/g, ''));
      assert(ran > 0 && ran < 20000, `${ran} paths before Cancel`);
      assert(new RegExp(`over ${m[1]} simulated paths`).test(await page.textContent('#chart-histogram h2')), 'the histogram is not of the paths run');
      assert(await page.getAttribute('.risk-figures', 'data-current') === 'false', 'a cancelled run\'s figures are marked current');
      const busy = await scriptMs(page);
      await page.waitForTimeout(500);
      assert(await state(page) === 'stopped', `after Cancel: ${await state(page)}`);
      const idle = (await scriptMs(page)) - busy;
      assert(idle < 50, `${idle.toFixed(0)} ms of script in 500 ms after Cancel`);
      // Run again: the page paints while paths run, frames keep coming.
      await page.click('.risk-again');
      await waitForState(page, 'running');
      // Frames for 200 ms, or until the run ends (the worker is quick).
      const { gap, watched } = await page.evaluate(() => new Promise((resolve) => {
        const start = performance.now();
        let last = start;
        let worst = 0;
        const running = () => document.querySelector('#risk').dataset.riskState === 'running';
        const frame = (t) => {
          worst = Math.max(worst, t - last);
          last = t;
          if (t < start + 200 && running()) requestAnimationFrame(frame);
          else resolve({ gap: worst, watched: t - start });
        };
        requestAnimationFrame(frame);
      }));
      assert(watched >= 50, `the run ended too soon to watch (${watched.toFixed(0)} ms)`);
      assert(gap < 50, `a frame waited ${gap.toFixed(1)} ms while paths ran`);
      // Closed while it runs: it stops, and edits while closed run nothing.
      await page.click('#risk > summary');
      await waitForState(page, 'closed', 2000);
      const before = await scriptMs(page);
      const asked = await page.getAttribute('#risk', 'data-risk-runs');
      await page.fill('#contract-rate-usd-per-kw-month', '130');
      await page.waitForTimeout(800);
      const spent = (await scriptMs(page)) - before;
      assert(await state(page) === 'closed', `closed view: ${await state(page)}`);
      assert(await page.getAttribute('#risk', 'data-risk-runs') === asked, 'a run was asked for while the view was closed');
      assert(spent < 100, `${spent.toFixed(0)} ms of script while the view was closed (the paths take far longer)`);
      assert(errors.length === 0, errors.join('\n'));
    }, '#v=2&contract.term_years=30&risk.paths=20000'),
  },
  {
    name: 'back to the inputs shown while a run of others is in hand: the figures end current, nothing left waiting',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      await open(page);
      const p50 = await figure(page, 'npv', 'p50');
      // Watch for 140's run to start (it may be over before a poll sees it).
      const started = page.evaluate(() => new Promise((resolve) => {
        const risk = document.querySelector('#risk');
        const seen = () => risk.dataset.riskState === 'running';
        const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); resolve(true); } });
        obs.observe(risk, { attributes: true, attributeFilter: ['data-risk-state'] });
        setTimeout(() => { obs.disconnect(); resolve(seen()); }, 5000);
      }));
      await page.fill('#contract-rate-usd-per-kw-month', '140');
      assert(await started, '140\'s run never started');
      // Back while 140's run is in hand: what is shown is of these inputs,
      // but the run in hand would replace it.
      await page.fill('#contract-rate-usd-per-kw-month', '125');
      await waitForState(page, 'done');
      await page.waitForFunction(() => document.querySelector('.risk-figures')?.dataset.current === 'true', null, { timeout: 10_000 });
      await page.waitForTimeout(1500);
      assert(await state(page) === 'done', `after the run in hand ended: ${await state(page)}`);
      assert(await page.getAttribute('.risk-figures', 'data-current') === 'true', 'the figures are not of the inputs shown');
      assert(await figure(page, 'npv', 'p50') === p50, 'the figures are not those of the inputs shown');
      assert(errors.length === 0, errors.join('\n'));
    }, '#v=2&contract.term_years=30&risk.paths=20000'),
  },
  {
    name: 'the same seed gives the browser the P50 the native evaluator gives',
    run: (ctx) => {
      const edits = { contract: { rate_usd_per_kw_month: 140 }, risk: { seed: 7, paths: 500, tenant_default_pct_per_year: 2 } };
      const fragment = '#v=2&contract.rate_usd_per_kw_month=140&risk.seed=7&risk.paths=500&risk.tenant_default_pct_per_year=2';
      return withPage(ctx, async (page, errors) => {
        await open(page);
        const native = nativeRisk(ctx.root, JSON.stringify(edits)).simulation;
        assert(native.paths === 500 && native.seed === 7, `native run: ${native.paths} paths, seed ${native.seed}`);
        for (const q of ['p10', 'p50', 'p90']) {
          const browser = await figure(page, 'npv', q);
          const want = native.incremental_npv_usd[q];
          const rel = Math.abs(browser - want) / Math.abs(want);
          assert(rel <= 1e-6, `NPV ${q}: browser ${browser}, native ${want} (relative ${rel})`);
        }
        const ahead = Number(await page.getAttribute('#risk [data-risk="ahead"] strong', 'data-value'));
        assert(Math.abs(ahead - native.probability_convert_ahead_pct) < 1e-9, `chance ahead: browser ${ahead}, native ${native.probability_convert_ahead_pct}`);
        const irr = await figure(page, 'irr', 'p50');
        assert(Math.abs(irr - native.irr_pct.p50) <= 1e-6 * Math.abs(native.irr_pct.p50), `IRR P50: browser ${irr}, native ${native.irr_pct.p50}`);
        assert(errors.length === 0, errors.join('\n'));
      }, fragment);
    },
  },
  {
    name: 'a link with a risk setting that does not read opens the view by itself, the message beside it; fixed there, the form takes it',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      // Opened by the page itself: the view's code is fetched and shows the
      // setting as the link gave it, with its message.
      await page.waitForSelector('#risk[open] [data-field="risk.paths"] .error', { timeout: 15_000 });
      assert(await page.inputValue('#risk-paths') === 'lots', `paths as typed: ${await page.inputValue('#risk-paths')}`);
      await page.fill('#risk-paths', '700');
      await waitForState(page, 'done');
      assert(await page.locator('#risk .error').count() === 0, 'a message left after the fix');
      // The page's form holds the edit (the form it keeps across reloads).
      const kept = await page.waitForFunction(() => JSON.parse(localStorage.getItem('repower.form.v1') || '{}').texts?.['risk.paths'] === '700', null, { timeout: 5000 })
        .then(() => true, () => false);
      assert(kept, `the edit is not in the page's form: ${await page.evaluate(() => localStorage.getItem('repower.form.v1'))}`);
      assert(errors.length === 0, errors.join('\n'));
    }, '#v=2&risk.paths=lots'),
  },
];
