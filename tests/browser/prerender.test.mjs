// The prerendered page (www/prerender.json, tests/prerender.rs): the default
// page shows before the WebAssembly has arrived; the app replaces it in place
// (the same figures, nothing moved), keeping what was typed into it; a link
// or a saved form of one's own never shows the default figures.
import { join } from 'node:path';
import { withSite, watchErrors, waitForApp, assert } from './lib.mjs';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

/**
 * Opens the page with its WebAssembly held back until `release()`; runs
 * `body(page, release, errors)`.
 */
function withHeldPage({ dist }, body, { viewport = PHONE, fragment = '', colorScheme, storage } = {}) {
  return withSite(dist, async ({ server, context }) => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    if (colorScheme) await page.emulateMedia({ colorScheme });
    const errors = watchErrors(page);
    // What this browser holds, before the page's first script reads it.
    if (storage) {
      await page.addInitScript((s) => {
        if (sessionStorage.getItem('held')) return;
        sessionStorage.setItem('held', '1');
        for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v);
      }, storage);
    }
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await page.route(/repower-web-[0-9a-f]+_bg\.wasm$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${server.url}${fragment}`, { waitUntil: 'domcontentloaded' });
    await body(page, release, errors);
  });
}

const figures = (page) => page.$$eval('.kpis .kpi-value', (els) => els.map((e) => e.textContent));
const visible = (page, selector) => page.$eval(selector, (e) => e.checkVisibility({ visibilityProperty: true }));
const box = (page, selector) => page.$eval(selector, (e) => {
  const r = e.getBoundingClientRect();
  return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) };
});
const same = (a, b) => ['x', 'y', 'w', 'h'].every((k) => Math.abs(a[k] - b[k]) <= 1);

export const tests = [
  {
    name: 'before the WebAssembly arrives, the headline figures, the form and the first chart show; the app replaces them in place with the same figures',
    run: (ctx) => withHeldPage(ctx, async (page, release, errors) => {
      await page.waitForSelector('#repower[data-pre] .kpis .kpi-value');
      const before = await figures(page);
      assert(before.length >= 6 && before.filter((t) => /\d/.test(t)).length >= 6 && before.every((t) => t.trim() && !/NaN|undefined|Infinity/.test(t)),
        `prerendered figures: ${before.join(' | ')}`);
      assert(await visible(page, '.kpis'), 'the headline figures are not shown');
      assert(await visible(page, '#site-grid-capacity-mw'), 'the form is not shown');
      assert(await visible(page, '#chart-revenue svg'), 'the first chart is not shown');
      assert(!(await visible(page, '#repower > .loading')), '"Loading…" shows beside the prerendered page');
      const places = {};
      for (const s of ['.kpis', '#site-grid-capacity-mw', '#chart-revenue .svg-frame']) places[s] = await box(page, s);
      await page.screenshot({ path: join(ctx.artifacts, 'prerendered-phone.png') });
      release();
      await waitForApp(page);
      assert(await page.$('#repower[data-pre]') === null, 'the page is still marked prerendered');
      const after = await figures(page);
      assert(after.join('|') === before.join('|'), `the app's figures differ from the prerendered ones:\n${before.join(' | ')}\n${after.join(' | ')}`);
      // What was in view does not move; what was below it (the prerendered
      // form's groups out of view were not laid out) keeps its size.
      for (const [s, was] of Object.entries(places)) {
        const now = await box(page, s);
        const inView = was.y < PHONE.height;
        const kept = inView ? same(was, now) : Math.abs(was.w - now.w) <= 1 && Math.abs(was.h - now.h) <= 1;
        assert(kept, `${s} ${inView ? 'moved' : 'changed size'} as the app took over: ${JSON.stringify(was)} → ${JSON.stringify(now)}`);
      }
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'what is done before the app starts is kept: a preset chosen, inputs typed; the figures follow, the box keeps the keyboard',
    run: (ctx) => withHeldPage(ctx, async (page, release, errors) => {
      await page.waitForSelector('#repower[data-pre] #site-grid-capacity-mw');
      await page.selectOption('select[data-tool="picker"]', 'core-scientific-coreweave');
      await page.fill('#site-grid-capacity-mw', '150');
      await page.click('#contract-power-pass-through');
      await page.focus('#site-grid-capacity-mw');
      release();
      await waitForApp(page);
      // The app took them as its own: its form (kept across a reload) holds
      // the preset and the inputs, and its figures are theirs.
      const form = () => page.evaluate(() => JSON.parse(localStorage.getItem('repower.form.v1') || '{}'));
      await page.waitForFunction(() => {
        const f = JSON.parse(localStorage.getItem('repower.form.v1') || '{}');
        return f.preset === 'core-scientific-coreweave' && f.texts?.['site.grid_capacity_mw'] === '150';
      }, null, { timeout: 5000 }).catch(async () => { throw new Error(`the app's form: ${JSON.stringify(await form())}`); });
      assert((await form()).texts['contract.power_pass_through'] === 'false', 'the switch is not in the app\'s form');
      const exact = await page.textContent('li[data-kpi="contract-revenue"] .kpi-exact');
      const other = await page.context().newPage();
      await other.goto(`${page.url().split('#')[0]}#v=2&preset=core-scientific-coreweave&site.grid_capacity_mw=150&contract.power_pass_through=false`);
      await waitForApp(other);
      assert(await other.textContent('li[data-kpi="contract-revenue"] .kpi-exact') === exact, 'the figures are not those of the inputs kept');
      await other.close();
      assert(await page.inputValue('#site-grid-capacity-mw') === '150', 'the typed text is gone');
      assert(await page.inputValue('select[data-tool="picker"]') === 'core-scientific-coreweave', 'the preset chosen before the start is gone');
      assert(!(await page.isChecked('#contract-power-pass-through')), 'the switch turned off before the start is on again');
      assert(await page.evaluate(() => document.activeElement?.id) === 'site-grid-capacity-mw', `the keyboard is in ${await page.evaluate(() => document.activeElement?.id)}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'inputs typed before the app starts are in its first render: its first figures are theirs, with nothing typed again',
    run: (ctx) => withHeldPage(ctx, async (page, release, errors) => {
      await page.waitForSelector('#repower[data-pre] #site-grid-capacity-mw');
      await page.fill('#site-grid-capacity-mw', '150');
      await page.fill('#mining-efficiency-j-per-th', '');
      await page.type('#mining-efficiency-j-per-th', '19');
      // Each render's figures, and each input the app's boxes get.
      await page.evaluate(() => {
        window.__renders = [];
        window.__retyped = 0;
        const figures = () => [...document.querySelectorAll('.kpis .kpi-value')].map((e) => e.textContent).join('|');
        document.addEventListener('repower:rendered', () => window.__renders.push(figures()));
        document.addEventListener('input', (e) => { if (!e.target.closest('#repower[data-pre]')) window.__retyped += 1; }, true);
      });
      release();
      await waitForApp(page);
      await page.waitForTimeout(500);
      const { renders, retyped } = await page.evaluate(() => ({ renders: window.__renders, retyped: window.__retyped }));
      const other = await page.context().newPage();
      await other.goto(`${page.url().split('#')[0]}#v=2&site.grid_capacity_mw=150&mining.efficiency_j_per_th=19`);
      await waitForApp(other);
      const theirs = (await figures(other)).join('|');
      await other.close();
      assert(renders.length > 0 && renders[0] === theirs, `the first render's figures: ${renders[0]}, the inputs': ${theirs}`);
      assert(retyped === 0, `${retyped} inputs typed again into the app`);
      assert(await page.inputValue('#site-grid-capacity-mw') === '150', 'the typed text is gone');
      assert(await page.inputValue('#mining-efficiency-j-per-th') === '19', 'the second typed text is gone');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the app\'s first render draws the first chart only, as the prerendered page did; the others follow after its first paint, each current',
    run: (ctx) => withHeldPage(ctx, async (page, release, errors) => {
      await page.waitForSelector('#repower[data-pre] .kpis .kpi-value');
      await page.evaluate(() => {
        window.__renders = [];
        document.addEventListener('repower:rendered', () => {
          const charts = [...document.querySelectorAll('#repower .chart')].map((c) => ({
            id: c.id,
            drawn: !!c.querySelector('.svg-frame svg'),
            current: c.querySelector('.svg-frame')?.dataset.current === 'true',
            busy: c.getAttribute('aria-busy') === 'true',
          }));
          if (window.__renders.length === 0) requestAnimationFrame(() => { window.__painted = performance.now(); });
          window.__renders.push({ at: performance.now(), charts });
        });
      });
      release();
      await waitForApp(page);
      await page.waitForTimeout(300);
      const { renders, painted } = await page.evaluate(() => ({ renders: window.__renders, painted: window.__painted }));
      const [first] = renders;
      const names = (r) => r.charts.map((c) => `${c.id}${c.drawn ? '' : ' (not drawn)'}${c.current ? '' : ' (not current)'}`).join(', ');
      assert(first && first.charts.length === 4, `the first render's charts: ${first && names(first)}`);
      assert(first.charts[0].id === 'chart-revenue' && first.charts[0].drawn && first.charts[0].current, `the first chart in the first render: ${names(first)}`);
      assert(first.charts.slice(1).every((c) => !c.drawn && !c.current && c.busy), `the other charts in the first render: ${names(first)}`);
      const all = renders.find((r) => r.charts.every((c) => c.drawn && c.current && !c.busy));
      assert(all, `no render drew every chart: ${renders.map(names).join(' / ')}`);
      assert(painted !== undefined && all.at > painted, `the other charts were drawn before the first paint (${all.at} ms, painted ${painted} ms)`);
      const now = await page.$$eval('#repower .chart', (cs) => cs.map((c) => c.querySelector('.svg-frame')?.dataset.current));
      assert(now.every((c) => c === 'true'), `charts after: ${now.join(', ')}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the other charts are drawn all the same where the page is never told which are near: with no IntersectionObserver, and when printed before it says',
    run: (ctx) => withSite(ctx.dist, async ({ server, context }) => {
      const drawn = (page) => page.$$eval('#repower .chart', (cs) => cs.map((c) => `${c.id}: ${c.querySelector('.svg-frame svg') ? 'drawn' : 'not drawn'}, ${c.querySelector('.svg-frame')?.dataset.current === 'true' ? 'current' : 'not current'}`));
      const allDrawn = (list) => list.length === 4 && list.every((c) => c.endsWith('drawn, current') && !c.includes('not'));
      // No IntersectionObserver at all.
      const bare = await context.newPage();
      const errors = watchErrors(bare);
      await bare.addInitScript(() => { delete window.IntersectionObserver; });
      await bare.goto(server.url);
      await waitForApp(bare);
      const without = await drawn(bare);
      assert(allDrawn(without), `with no IntersectionObserver: ${without.join('; ')}`);
      // An observer that never reports: printing draws them.
      const silent = await context.newPage();
      await silent.addInitScript(() => {
        window.IntersectionObserver = class { observe() {} unobserve() {} disconnect() {} takeRecords() { return []; } };
      });
      await silent.goto(server.url);
      await silent.waitForSelector('#chart-revenue .svg-frame svg');
      await silent.waitForTimeout(300);
      const before = await drawn(silent);
      assert(!allDrawn(before) && before[0] === 'chart-revenue: drawn, current', `before printing, with nothing reported: ${before.join('; ')}`);
      await silent.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await silent.waitForSelector('#chart-energy .svg-frame svg');
      const printed = await drawn(silent);
      assert(allDrawn(printed), `printed: ${printed.join('; ')}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'a link with inputs, or a saved form of one\'s own, shows "Loading…" instead of the default figures; a first visit\'s form does not',
    run: async (ctx) => {
      await withHeldPage(ctx, async (page, release) => {
        await page.waitForSelector('#repower[data-pre] .kpis', { state: 'attached' });
        assert(!(await visible(page, '.kpis')), 'a link\'s visitor sees the default figures');
        assert(await visible(page, '#repower > .loading'), 'no "Loading…" for a link');
        release();
        await waitForApp(page);
        assert(await page.inputValue('#site-grid-capacity-mw') === '120', 'the link\'s input');
      }, { fragment: '#site.grid_capacity_mw=120' });
      // A form saved after an edit.
      let saved;
      await withHeldPage(ctx, async (page, release) => {
        await page.waitForSelector('#repower[data-pre] .kpis', { state: 'attached' });
        assert(!(await visible(page, '.kpis')), 'a saved form\'s visitor sees the default figures');
        release();
        await waitForApp(page);
        assert(await page.inputValue('#site-grid-capacity-mw') === '130', 'the saved form');
        // The first visit's form (the defaults, as the page saves them).
        await page.click('button.reset');
        await page.waitForFunction(() => JSON.parse(localStorage.getItem('repower.form.v1') || '{}').texts?.['site.grid_capacity_mw'] === '100');
        saved = await page.evaluate(() => localStorage.getItem('repower.form.v1'));
      }, { storage: { 'repower.form.v1': JSON.stringify({ v: 2, schema_version: 2, preset: 'generic', texts: { 'site.grid_capacity_mw': '130' } }) } });
      await withHeldPage(ctx, async (page, release) => {
        await page.waitForSelector('#repower[data-pre] .kpis');
        assert(await visible(page, '.kpis'), `a returning visitor with the defaults does not see the prerendered page (form ${saved})`);
        release();
        await waitForApp(page);
      }, { storage: { 'repower.form.v1': saved } });
      // The #dev switch is not an input.
      await withHeldPage(ctx, async (page, release) => {
        await page.waitForSelector('#repower[data-pre] .kpis');
        assert(await visible(page, '.kpis'), '#dev hides the prerendered page');
        release();
        await waitForApp(page);
      }, { fragment: '#dev' });
    },
  },
  {
    name: 'a laptop sees the first chart drawn for its width; the dark theme keeps its room empty until the app draws it',
    run: async (ctx) => {
      for (const [viewport, colorScheme] of [[LAPTOP, 'light'], [PHONE, 'dark']]) {
        await withHeldPage(ctx, async (page, release, errors) => {
          await page.waitForSelector('#repower[data-pre] #chart-revenue .svg-frame', { state: 'attached' });
          const label = `${viewport.width} px, ${colorScheme}`;
          const showing = await page.$$eval('#chart-revenue svg', (ss) => ss.filter((s) => s.checkVisibility({ visibilityProperty: true })).map((s) => s.getAttribute('class')));
          const want = colorScheme === 'dark' ? [] : ['pre-chart pre-wide'];
          assert(JSON.stringify(showing) === JSON.stringify(want), `${label}: drawings shown ${JSON.stringify(showing)}`);
          const room = await box(page, '#chart-revenue .svg-frame');
          release();
          await waitForApp(page);
          const drawn = await box(page, '#chart-revenue .svg-frame');
          const moved = room.y < viewport.height && room.y !== drawn.y;
          assert(Math.abs(room.h - drawn.h) <= 2 && !moved, `${label}: the chart's room ${JSON.stringify(room)}, drawn ${JSON.stringify(drawn)}`);
          assert(await visible(page, '#chart-revenue svg'), `${label}: no chart once the app started`);
          assert(errors.length === 0, errors.join('\n'));
        }, { viewport, colorScheme });
      }
    },
  },
  {
    name: 'should the WebAssembly not arrive, the page says so instead of showing dead inputs',
    run: ({ dist }) => withSite(dist, async ({ server, context }) => {
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      await page.route(/repower-web-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
      await page.goto(server.url);
      await page.waitForFunction(() => /could not start/.test(document.querySelector('#repower > .loading')?.textContent || ''), null, { timeout: 15_000 });
      assert(await visible(page, '#repower > .loading'), 'the message is not shown');
      assert(!(await visible(page, '.kpis')), 'the prerendered page still shows');
    }),
  },
  {
    name: 'scrolled down the prerendered page, the reader stays where they were as the app takes over',
    run: (ctx) => withHeldPage(ctx, async (page, release, errors) => {
      await page.waitForSelector('#repower[data-pre] #chart-revenue .svg-frame');
      // A jump far down (past groups of the form never laid out).
      await page.evaluate(() => document.querySelector('#chart-revenue').scrollIntoView({ block: 'start' }));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const was = await box(page, '#chart-revenue');
      assert(was.y < PHONE.height && was.y + was.h > 0, `the chart is not in view: ${JSON.stringify(was)}`);
      release();
      await waitForApp(page);
      const now = await box(page, '#chart-revenue');
      assert(Math.abs(now.y - was.y) <= 1, `the chart moved in the window as the app took over: ${was.y} → ${now.y}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
];
