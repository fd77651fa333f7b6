// The real page in headless Chromium, served from dist/ as a static site.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSite, withPage, watchErrors, waitForApp, assert, openAdvanced, nextRender } from './lib.mjs';

// The charts every page shows; the page may show more (every chart of the
// model's list), found with `chartsOf`.
const CHARTS = ['#chart-revenue', '#chart-build-time', '#chart-energy'];
const chartsOf = (page) => page.$$eval('.results > .chart', (els) => els.map((e) => `#${e.id}`));


const kpi = (page, id) => page.textContent(`li[data-kpi="${id}"] .kpi-value`);
const svgOf = (page, sel) => page.innerHTML(`${sel} .svg-frame`);
/** Money exact to the dollar as the page writes it (`$1,234`, `−$5`). */
const moneyExact = (x) => {
  const r = Math.round(Math.abs(x));
  const text = `$${r.toLocaleString('en-US')}`;
  return x < 0 && r !== 0 ? `−${text}` : text;
};

async function waitForChange(page, id, before) {
  await page.waitForFunction(
    ([id, before]) => document.querySelector(`li[data-kpi="${id}"] .kpi-value`)?.textContent !== before,
    [id, before],
    { timeout: 5000 },
  );
}

export const tests = [
  {
    name: 'loads with every chart, headline numbers and no console errors',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const charts = await chartsOf(page);
      for (const sel of CHARTS) assert(charts.includes(sel), `no ${sel}: ${charts}`);
      for (const sel of charts) {
        const n = await page.locator(`${sel} svg`).count();
        assert(n === 1, `${sel}: expected one svg, found ${n}`);
        const len = (await svgOf(page, sel)).length;
        assert(len > 2000, `${sel}: svg looks empty (${len} chars)`);
      }
      assert(await kpi(page, 'contract-revenue') === '$1.60B', `revenue KPI: ${await kpi(page, 'contract-revenue')}`);
      assert(await kpi(page, 'incremental-npv') === '$246M', `NPV KPI: ${await kpi(page, 'incremental-npv')}`);
      assert(await page.locator('.version-notice').count() === 0, 'a version-2 scenario says it is version 1');
      const text = await page.textContent('body');
      assert(!/NaN|undefined|Infinity/.test(text), 'page text shows NaN/undefined/Infinity');
      // The exact figure: hidden until the value is hovered or focused
      // (keyboard and touch), and the value's description for screen readers.
      const exact = page.locator('#kpi-exact-contract-revenue');
      const exactText = await exact.textContent();
      assert(/^\$1,5\d\d,\d{3},\d{3}$/.test(exactText), `exact figure: ${exactText}`);
      assert(!(await exact.isVisible()), 'the exact figure shows before hover or focus');
      const value = page.locator('li[data-kpi="contract-revenue"] .kpi-value');
      assert((await value.getAttribute('aria-describedby')).split(' ').includes('kpi-exact-contract-revenue'), 'value not described by its exact figure');
      await value.focus();
      assert(await exact.isVisible(), 'focusing the value does not show the exact figure');
      await page.keyboard.press('Escape');
      assert(!(await exact.isVisible()), 'Escape does not hide the exact figure');
      await page.keyboard.press('Shift+Tab');
      await value.focus();
      assert(await exact.isVisible(), 'the exact figure stays hidden after leaving and coming back');
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      await value.hover();
      assert(await exact.isVisible(), 'hovering the value does not show the exact figure');
      assert(await page.locator('#preset-source em').count() === 0, 'an untouched form says "edited"');
      await page.reload();
      await waitForApp(page);
      assert(await page.locator('#preset-source em').count() === 0, 'a reload made the form "edited"');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'every input of the model is on the page with a label',
    run: (ctx) => withPage(ctx, async (page) => {
      // Every section opened (a closed one's inputs are not built; the risk
      // view's settings come with the view), then closed again for what is
      // in view at first.
      await page.click('#risk > summary');
      await page.waitForSelector('#risk [data-field^="risk."]');
      await openAdvanced(page);
      // The display currency's inputs are how figures are shown, not the model's.
      const paths = await page.$$eval('[data-field]:not([data-field^="display."])', (els) => els.map((e) => e.dataset.field));
      await page.$$eval('details.advanced[open], #risk[open]', (ds) => ds.forEach((d) => { d.open = false; }));
      // Every input of the scenario format (the defaults' JSON), by path.
      const expected = await page.evaluate(() => {
        const out = [];
        for (const [group, fields] of Object.entries(window.repower.defaults())) {
          if (group === 'schema_version') continue;
          for (const [name, value] of Object.entries(fields)) {
            if (group === 'sensitivity') [0, 1, 2].forEach((i) => out.push(`${group}.${name}[${i}]`));
            else out.push(`${group}.${name}`);
          }
        }
        return out;
      });
      assert(expected.length >= 50, `only ${expected.length} inputs in the defaults`);
      for (const p of expected) assert(paths.includes(p), `missing input ${p}`);
      assert(paths.length === expected.length, `inputs on the page: ${paths.length}, in the format: ${expected.length}`);
      for (const p of ['terminal.exit_cap_rate_pct', 'tax.rate_pct', 'finance.debt_pct_of_capex', 'hpc.design_pue', 'hpc.operating_pue']) {
        assert(paths.includes(p), `missing version-2 input ${p}`);
      }
      // The groups in docs/MODEL.md's order, each with at least one input in view.
      const groups = await page.$$eval('fieldset.group > legend', (els) => els.map((e) => e.textContent));
      // Then how figures are shown, and the risk view's settings.
      const order = ['Site', 'Mining', 'HPC conversion', 'Contract', 'Terminal value', 'Tax', 'Greenfield baseline', 'Tenant', 'Finance', 'Energy price sweep', 'Display currency', 'Risk'];
      assert(JSON.stringify(groups) === JSON.stringify(order), `groups: ${groups}`);
      const shown = await page.$$eval('fieldset.group', (els) => els.map((g) => [...g.querySelectorAll('[data-field]')].filter((f) => f.offsetParent !== null).length));
      shown.slice(0, 9).forEach((n, i) => assert(n > 0, `${order[i]}: no input in view`));
      // The debt share shows with Finance's first inputs (the equity IRR is a
      // headline figure); its rate sits in the advanced section. Each has a
      // label, a unit and help.
      const debt = page.locator('[data-field="finance.debt_pct_of_capex"]');
      assert(await debt.isVisible(), 'the debt share is not in view');
      const debtRate = page.locator('[data-field="finance.debt_rate_pct"]');
      await debtRate.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => { throw new Error('the debt rate shows before its section is opened'); });
      await page.click('text=More finance inputs');
      await debtRate.waitFor({ state: 'visible', timeout: 2000 }).catch(() => { throw new Error('the debt rate does not show in Finance\'s advanced section'); });
      assert(/Debt share of capex\s*%/.test(await debt.locator('label').textContent()), `debt label: ${await debt.locator('label').textContent()}`);
      assert((await debt.locator('.help p').textContent()).length > 20, 'no help for the debt share');
      const unlabelled = await page.$$eval('[data-field] input:not([type=range])', (els) =>
        els.filter((e) => !document.querySelector(`label[for="${e.id}"]`)).map((e) => e.id));
      assert(unlabelled.length === 0, `inputs without a label: ${unlabelled}`);
    }),
  },
  {
    name: 'changing grid capacity changes the headline numbers and the charts',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const before = await kpi(page, 'contract-revenue');
      const charts = await chartsOf(page);
      const svgs = await Promise.all(charts.map((s) => svgOf(page, s)));
      await page.fill('#site-grid-capacity-mw', '150');
      await waitForChange(page, 'contract-revenue', before);
      assert(await kpi(page, 'contract-revenue') === '$2.40B', `150 MW revenue: ${await kpi(page, 'contract-revenue')}`);
      // Each chart shows the new results once it is near the window (a
      // chart further away is drawn as it comes near).
      for (const [i, sel] of charts.entries()) {
        await page.locator(sel).scrollIntoViewIfNeeded();
        await page.waitForFunction(([sel, old]) => {
          const frame = document.querySelector(`${sel} .svg-frame`);
          return frame.dataset.current === 'true' && frame.innerHTML !== old;
        }, [sel, svgs[i]], { timeout: 5000 }).catch(() => { throw new Error(`${sel} did not redraw`); });
      }
      // The slider moves the same value.
      const slider = page.locator('[data-field="site.grid_capacity_mw"] input[type=range]');
      assert(await slider.inputValue() === '150', `slider at ${await slider.inputValue()}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'a chart far from the window keeps its last view, marked, and is made again as it comes near',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const charts = await chartsOf(page);
      const last = charts[charts.length - 1];
      assert(await page.getAttribute(`${last} .svg-frame`, 'data-current') === 'true', 'not drawn at the start');
      const old = await svgOf(page, last);
      const oldSummary = await page.textContent(`${last} figcaption`);
      const before = await kpi(page, 'contract-revenue');
      await page.fill('#site-grid-capacity-mw', '250');
      await waitForChange(page, 'contract-revenue', before);
      // Far below the window: the last view stays (drawing and summary),
      // busy for screen readers, its drawing hidden from them.
      const frame = page.locator(`${last} .svg-frame`);
      assert(await frame.getAttribute('data-current') === 'false', `${last} was redrawn far from the window`);
      assert(await frame.getAttribute('aria-hidden') === 'true', 'an earlier drawing is not hidden from screen readers');
      assert(await page.getAttribute(last, 'aria-busy') === 'true', 'an earlier view is not marked busy');
      assert(await page.textContent(`${last} figcaption`) === oldSummary, 'the summary was made again far from the window');
      // Scrolled near, it is made for the new inputs.
      await page.locator(last).scrollIntoViewIfNeeded();
      await page.waitForFunction((sel) => document.querySelector(`${sel} .svg-frame`).dataset.current === 'true', last, { timeout: 5000 });
      assert(await svgOf(page, last) !== old, `${last} still shows the old drawing`);
      assert(await page.textContent(`${last} figcaption`) !== oldSummary, 'the summary is not current once near');
      assert(await frame.getAttribute('aria-hidden') === null, 'a current drawing is hidden');
      assert(await page.getAttribute(last, 'aria-busy') === null, 'a current view is marked busy');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'an edit redraws the charts in the window in its own render; those near it but out of sight follow once the answer is painted, unscrolled',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      // At 1366×900 the first chart is in the window, the second below it
      // (near: within a screen), the last two further down.
      const where = await page.$$eval('#repower .chart', (cs) => cs.map((c) => {
        const r = c.getBoundingClientRect();
        return { id: c.id, inView: r.top < innerHeight && r.bottom > 0, near: r.top < 2 * innerHeight, svg: c.querySelector('.svg-frame').innerHTML };
      }));
      const seen = where.filter((c) => c.inView);
      const near = where.filter((c) => c.near && !c.inView);
      assert(seen.length >= 1 && near.length >= 1, `charts in view: ${seen.map((c) => c.id)}; near: ${near.map((c) => c.id)}`);
      // The charts as the edit's own render leaves them (the render that
      // answers the input: what the visitor waits for).
      const answer = page.evaluate(() => new Promise((resolve) => {
        document.addEventListener('repower:rendered', () => resolve([...document.querySelectorAll('#repower .chart')]
          .map((c) => ({ id: c.id, current: c.querySelector('.svg-frame').dataset.current === 'true', svg: c.querySelector('.svg-frame').innerHTML }))), { once: true });
      }));
      await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
      await page.fill('#site-grid-capacity-mw', '180');
      const first = await answer;
      for (const c of seen) {
        const now = first.find((x) => x.id === c.id);
        assert(now.current && now.svg !== c.svg, `${c.id}, in the window, is not redrawn by the edit's own render`);
      }
      for (const c of near) {
        const now = first.find((x) => x.id === c.id);
        assert(!now.current && now.svg === c.svg, `${c.id}, out of sight, was redrawn before the edit was answered`);
      }
      // Then, with no scrolling, the charts near the window catch up.
      for (const c of near) {
        await page.waitForFunction(([id, old]) => {
          const frame = document.querySelector(`#${id} .svg-frame`);
          return frame.dataset.current === 'true' && frame.innerHTML !== old;
        }, [c.id, c.svg], { timeout: 2000 }).catch(() => { throw new Error(`${c.id}, near the window, did not follow the edit`); });
      }
      assert(await page.evaluate(() => scrollY) === 0, 'the page scrolled');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the cards of the searches follow an edit in its own render where they are in the window; out of sight, once the answer is painted, marked until then',
    run: async (ctx) => {
      const SEARCHED = ['breakeven-hashprice', 'breakeven-rate', 'breakeven-capex', 'crossover'];
      const cards = (page) => page.evaluate((ids) => ids.map((id) => {
        const li = document.getElementById(`kpi-${id}`);
        const r = li.getBoundingClientRect();
        return { id, text: li.textContent, busy: li.getAttribute('aria-busy'), inView: r.top < innerHeight && r.bottom > 0 };
      }), SEARCHED);
      // The cards as the edit's own render leaves them.
      const edit = async (page, value) => {
        const answer = page.evaluate((ids) => new Promise((resolve) => {
          document.addEventListener('repower:rendered', () => resolve(ids.map((id) => {
            const li = document.getElementById(`kpi-${id}`);
            return { id, text: li.textContent, busy: li.getAttribute('aria-busy') };
          })), { once: true });
        }), SEARCHED);
        await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
        await page.fill('#site-energy-price-usd-per-mwh', value);
        return answer;
      };
      // What the cards say for 60 $/MWh, from a page opened with it.
      const want = await withSite(ctx.dist, async ({ server, context }) => {
        const page = await context.newPage();
        await page.goto(`${server.url}#v=2&site.energy_price_usd_per_mwh=60`);
        await waitForApp(page);
        await page.waitForFunction(() => document.querySelector('#site-energy-price-usd-per-mwh')?.value === '60');
        return cards(page);
      });
      let settled;
      // A phone, scrolled to the inputs: the cards above, out of sight.
      await withPage(ctx, async (page, errors) => {
        await page.locator('#site-energy-price-usd-per-mwh').scrollIntoViewIfNeeded();
        await page.evaluate(() => document.querySelector('#site-energy-price-usd-per-mwh').scrollIntoView({ block: 'start' }));
        const before = await cards(page);
        assert(before.every((c) => !c.inView && c.busy === null), `out of sight and current first: ${JSON.stringify(before)}`);
        const first = await edit(page, '60');
        for (const [i, c] of first.entries()) {
          assert(c.busy === 'true', `${c.id}: not marked busy in the edit's own render`);
          assert(c.text === before[i].text, `${c.id}: changed before its pass`);
        }
        await page.waitForFunction((ids) => ids.every((id) => document.getElementById(`kpi-${id}`).getAttribute('aria-busy') === null), SEARCHED, { timeout: 2000 })
          .catch(() => { throw new Error('the cards of the searches did not follow the edit'); });
        settled = await cards(page);
        assert(errors.length === 0, errors.join('\n'));
      }, { width: 390, height: 844 });
      for (const [i, c] of settled.entries()) assert(c.text === want[i].text, `${c.id}: ${c.text}, the page opened with it says ${want[i].text}`);
      // A laptop: the cards in the window, current in the edit's own render.
      await withPage(ctx, async (page, errors) => {
        const before = await cards(page);
        assert(before.every((c) => c.inView), `in the window: ${JSON.stringify(before)}`);
        const first = await edit(page, '60');
        for (const [i, c] of first.entries()) {
          assert(c.busy === null && c.text === want[i].text, `${c.id}: ${c.text} (busy ${c.busy}) in the edit's own render, not ${want[i].text}`);
        }
        assert(first.some((c, i) => c.text !== before[i].text), 'the edit changed none of the searches\' figures: a test that cannot fail');
        assert(errors.length === 0, errors.join('\n'));
      }, { width: 1366, height: 900 });
    },
  },
  {
    name: 'an invalid value shows the message, keeps the text and the last charts',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const before = await kpi(page, 'contract-revenue');
      await page.fill('#site-grid-capacity-mw', '-5');
      const msg = await page.waitForSelector('[data-field="site.grid_capacity_mw"] .error');
      const text = await msg.textContent();
      // Beside its labelled input, the message needs no field path.
      assert(/^must be greater than 0 and at most 10,?000, got [-−]5$/.test(text), `message: ${text}`);
      assert(await page.inputValue('#site-grid-capacity-mw') === '-5', 'typed text was changed');
      assert(await page.getAttribute('#site-grid-capacity-mw', 'aria-invalid') === 'true', 'not marked invalid');
      assert(await kpi(page, 'contract-revenue') === before, 'KPI changed on invalid input');
      assert(await page.locator('.chart.stale').count() === (await chartsOf(page)).length, 'charts not marked out of date');
      // Half-typed and odd text never crash the page.
      for (const t of ['', '1.', '1e', 'abc', '٣', '1e999', '-0', '9'.repeat(400)]) {
        await page.fill('#site-grid-capacity-mw', t);
      }
      await page.fill('#site-grid-capacity-mw', '120');
      await page.waitForSelector('.chart.stale', { state: 'detached' });
      assert(await page.locator('#panic-banner').count() === 0, 'panic banner shown');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'a field inside a closed advanced section opens when invalid',
    run: (ctx) => withPage(ctx, async (page) => {
      await page.click('text=More hpc conversion inputs');
      await page.fill('#hpc-design-pue', '0.8');
      await page.waitForSelector('[data-field="hpc.design_pue"] .error');
      const text = await page.textContent('[data-field="hpc.design_pue"] .error');
      assert(text === 'must be between 1 and 3, got 0.8', text);
    }),
  },
  {
    name: 'an advanced section stays open while its field becomes valid again',
    run: (ctx) => withPage(ctx, async (page) => {
      await page.click('text=More site inputs');
      await page.click('#site-energy-escalator-pct-per-year', { clickCount: 3 });
      await page.keyboard.type('-50');
      assert(await page.inputValue('#site-energy-escalator-pct-per-year') === '-50', 'keystrokes lost');
      assert(await page.evaluate(() => document.activeElement?.id) === 'site-energy-escalator-pct-per-year', 'focus lost');
      const open = await page.$eval('[data-field="site.energy_escalator_pct_per_year"]', (e) => e.closest('details').open);
      assert(open, 'the section closed under the user');
    }),
  },
  {
    name: 'a preset, a file or a link can be undone back to what was typed',
    run: (ctx) => withPage(ctx, async (page, errors, server) => {
      await page.fill('#site-grid-capacity-mw', '250');
      await page.selectOption('.preset-picker select', 'core-scientific-coreweave');
      assert(await page.inputValue('#hpc-critical-it-mw') === '270', 'preset not applied');
      assert(await page.inputValue('#site-grid-capacity-mw') !== '250', 'preset not applied');
      await page.click('button:has-text("Undo")');
      assert(await page.inputValue('#site-grid-capacity-mw') === '250', 'undo did not bring 250 back');
      // A link pasted into the address bar of the open page.
      await page.evaluate(() => { location.hash = 'v=2&site.grid_capacity_mw=300'; });
      await page.waitForFunction(() => document.querySelector('#site-grid-capacity-mw').value === '300');
      assert(!page.url().includes('grid_capacity'), `the link stayed in the address: ${page.url()}`);
      await page.click('button:has-text("Undo")');
      assert(await page.inputValue('#site-grid-capacity-mw') === '250', 'undo after a link');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'saving refuses while an input is invalid and names it',
    run: (ctx) => withPage(ctx, async (page) => {
      await page.fill('#contract-rate-usd-per-kw-month', 'abc');
      let downloaded = false;
      page.on('download', () => { downloaded = true; });
      await page.click('button:has-text("Save scenario")');
      const status = await page.textContent('.status');
      assert(/not saved.*\(Lease rate\)/.test(status), `status: ${status}`);
      await page.click('button:has-text("Save results")');
      await page.waitForTimeout(200);
      assert(!downloaded, 'a download started from stale values');
    }),
  },
  {
    name: 'each preset loads and can then be edited',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const ids = await page.$$eval('.preset-picker option', (os) => os.map((o) => o.value).filter(Boolean));
      assert(ids.length >= 4, `presets: ${ids}`);
      const seen = new Set();
      for (const id of ids) {
        await page.selectOption('.preset-picker select', id);
        await page.waitForFunction((id) => document.querySelector('.preset-picker select').value === id, id);
        await page.waitForTimeout(0);
        const revenue = await kpi(page, 'contract-revenue');
        seen.add(revenue);
        const source = await page.textContent('#preset-source');
        assert(/\d{4}/.test(source), `${id}: no source date in "${source}"`);
      }
      assert(seen.size === ids.length, `presets gave the same revenue: ${[...seen]}`);
      await page.selectOption('.preset-picker select', 'core-scientific-coreweave');
      assert(await page.inputValue('#hpc-critical-it-mw') === '270', 'Core Scientific IT MW');
      await page.fill('#contract-rate-usd-per-kw-month', '130');
      await page.waitForSelector('#preset-source em');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'what was typed survives a reload, and so do the results it showed',
    run: (ctx) => withPage(ctx, async (page) => {
      await page.fill('#site-grid-capacity-mw', '200');
      await page.waitForFunction(() => document.querySelector('li[data-kpi="contract-revenue"] .kpi-value').textContent === '$3.20B');
      await page.fill('#site-energy-price-usd-per-mwh', '61.5');
      await page.fill('#contract-rate-usd-per-kw-month', '12x');
      const shown = await kpi(page, 'incremental-npv');
      await page.reload();
      await waitForApp(page);
      assert(await page.inputValue('#site-energy-price-usd-per-mwh') === '61.5', 'price lost');
      assert(await page.inputValue('#contract-rate-usd-per-kw-month') === '12x', 'invalid text lost');
      assert(await page.locator('[data-field="contract.rate_usd_per_kw_month"] .error').count() === 1, 'no error');
      assert(await kpi(page, 'contract-revenue') === '$3.20B', `revenue after reload: ${await kpi(page, 'contract-revenue')}`);
      assert(await kpi(page, 'incremental-npv') === shown, `NPV after reload: ${await kpi(page, 'incremental-npv')}, before ${shown}`);
      assert(await page.locator('.kpis.stale').count() === 1, 'results not marked out of date');
    }),
  },
  {
    name: 'an input too extreme to compute is marked and the results stay',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const before = await kpi(page, 'contract-revenue');
      const charts = await svgOf(page, '#chart-revenue');
      await page.fill('#mining-efficiency-j-per-th', '1e-300');
      const msg = await page.waitForSelector('[data-field="mining.efficiency_j_per_th"] .error');
      assert(/too extreme/.test(await msg.textContent()), `message: ${await msg.textContent()}`);
      assert(await page.inputValue('#mining-efficiency-j-per-th') === '1e-300', 'text lost');
      assert(await kpi(page, 'contract-revenue') === before, 'KPIs changed');
      assert(await svgOf(page, '#chart-revenue') === charts, 'chart changed');
      assert(await page.locator('.kpis.stale').count() === 1, 'results not marked out of date');
      assert(await page.locator('#chart-energy svg').count() === 1, 'charts gone');
      await page.fill('#mining-efficiency-j-per-th', '22');
      await page.waitForSelector('.kpis:not(.stale)');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the scenario picker follows Undo, and Reset goes back to the chosen scenario',
    run: (ctx) => withPage(ctx, async (page) => {
      const picker = '.preset-picker select';
      await page.fill('#site-grid-capacity-mw', '250');
      assert(await page.locator('button.reset').isVisible(), 'no Reset after an edit');
      await page.selectOption(picker, 'cipher-fluidstack');
      await page.waitForSelector('button:has-text("Undo")');
      await page.click('button:has-text("Undo")');
      await page.waitForFunction(() => document.querySelector('#site-grid-capacity-mw').value === '250');
      assert(await page.inputValue(picker) === 'generic', `picker after Undo: ${await page.inputValue(picker)}`);
      await page.focus('button.reset');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#site-grid-capacity-mw').value === '100');
      assert(await page.evaluate(() => document.activeElement?.matches('.preset-picker select')), 'focus lost after Reset');
      assert(!(await page.locator('button.reset').isVisible()), 'Reset still offered on an untouched form');
      assert(await page.locator('#preset-source em').count() === 0, 'still "edited" after Reset');
      await page.click('button:has-text("Undo")');
      await page.waitForFunction(() => document.querySelector('#site-grid-capacity-mw').value === '250');
    }),
  },
  {
    name: 'a switch given as on/yes/1 in a link shows as on',
    run: (ctx) => withPage(ctx, async (page) => {
      for (const [text, on] of [['on', true], ['YES', true], ['1', true], ['off', false], ['no', false]]) {
        await page.evaluate((t) => { location.hash = `v=2&preset=terawulf-core42&contract.power_pass_through=${t}&mining.curtail_when_unprofitable=${t}`; }, text);
        await page.waitForFunction((t) => document.querySelector('#contract-power-pass-through')?.checked === t, on);
        await openAdvanced(page);
        assert(await page.isChecked('#mining-curtail-when-unprofitable') === on, `curtail shown ${!on} for "${text}"`);
      }
    }),
  },
  {
    name: 'a shared link restores the scenario',
    run: (ctx) => withPage(ctx, async (page, errors, server) => {
      await page.goto(`${server.url}#v=2&preset=cipher-fluidstack&contract.rate_usd_per_kw_month=155`);
      await page.reload(); // a fragment-only navigation does not reload by itself
      await waitForApp(page);
      assert(await page.inputValue('#hpc-critical-it-mw') === '168', 'preset not applied');
      assert(await page.inputValue('#contract-rate-usd-per-kw-month') === '155', 'field not applied');
      // The address no longer carries the link's values, so edits survive a reload.
      assert(!page.url().includes('contract.rate'), `fragment kept: ${page.url()}`);
      await page.fill('#contract-rate-usd-per-kw-month', '160');
      await page.reload();
      await waitForApp(page);
      assert(await page.inputValue('#contract-rate-usd-per-kw-month') === '160', 'edit after a link was lost on reload');
      assert(await page.inputValue('#hpc-critical-it-mw') === '168', 'preset lost on reload');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'Copy link copies a link that opens the same scenario',
    run: (ctx) => withPage(ctx, async (page, errors, server) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.fill('#site-grid-capacity-mw', '150');
      await page.fill('#contract-rate-usd-per-kw-month', '12x');
      const before = page.url();
      await page.click('button:has-text("Copy link")');
      await page.waitForFunction(() => document.querySelector('.status').textContent.includes('copied'));
      assert(page.url() === before, `the address changed: ${page.url()}`);
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert(link.includes('site.grid_capacity_mw=150'), `link: ${link}`);
      assert(/#v=2&/.test(link), `the link does not say version 2: ${link}`);
      const shown = await page.textContent('li[data-kpi="incremental-npv"] .kpi-exact');
      const other = await page.context().newPage();
      await other.goto(link);
      await waitForApp(other);
      assert(await other.inputValue('#site-grid-capacity-mw') === '150', 'link did not carry the value');
      assert(await other.inputValue('#contract-rate-usd-per-kw-month') === '12x', 'link did not carry the text as typed');
      assert(await other.locator('.version-notice').count() === 0, 'a version-2 link opened as version 1');
      const opened = await other.textContent('li[data-kpi="incremental-npv"] .kpi-exact');
      assert(opened === shown, `the link opened with NPV ${opened}, the sender saw ${shown}`);
      // The next edit clears the status line.
      await page.fill('#site-grid-capacity-mw', '160');
      await page.waitForFunction(() => document.querySelector('.status').textContent === '');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'window.repower.evaluate returns the evaluator result and throws named errors',
    run: (ctx) => withPage(ctx, async (page) => {
      const r = await page.evaluate(() => window.repower.evaluate({ site: { grid_capacity_mw: 150 } }));
      assert(typeof r.contract_total_revenue_usd === 'number' && r.monthly.length === r.derived.horizon_months, 'result shape');
      assert(r.schema_version === 2 && r.input_schema_version === 2, `versions ${r.schema_version}, ${r.input_schema_version}`);
      assert(r.incremental_irr_pct === null || typeof r.incremental_irr_pct === 'number', 'irr');
      const msg = await page.evaluate(() => {
        try { window.repower.evaluate({ hpc: { design_pue: 0.8 } }); return 'no error'; } catch (e) { return e.message; }
      });
      assert(msg === 'hpc.design_pue: must be between 1 and 3, got 0.8', msg);
      // A version-1 scenario is read as version 1 wrote it.
      const v1 = await page.evaluate(() => window.repower.evaluate({ schema_version: 1, hpc: { pue: 1.3 } }));
      assert(v1.input_schema_version === 1 && v1.keep_mining_tax_usd === 0, 'version-1 scenario');
    }),
  },
  {
    name: 'keyboard reaches the inputs and the help',
    run: (ctx) => withPage(ctx, async (page) => {
      const focused = [];
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Tab');
        focused.push(await page.evaluate(() => document.activeElement?.id
          || (document.activeElement?.closest('li[data-kpi]') ? 'kpi' : document.activeElement?.tagName)));
      }
      // Tab order: the toolbar, the inputs (a few Tabs in), then the
      // headline figures.
      const firstKpi = focused.indexOf('kpi');
      const grid = focused.indexOf('site-grid-capacity-mw');
      assert(grid >= 0 && grid < 5, `tab order: ${focused}`);
      assert(firstKpi < 0 || firstKpi > grid, `tab order: ${focused}`);
      await page.focus('#site-grid-capacity-mw');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('200');
      await page.waitForFunction(() => document.querySelector('li[data-kpi="contract-revenue"] .kpi-value').textContent === '$3.20B');
      await page.keyboard.press('ArrowUp');
      assert(await page.inputValue('#site-grid-capacity-mw') === '210', 'ArrowUp did not step by 10 MW');
      await page.keyboard.press('Shift+ArrowDown');
      assert(await page.inputValue('#site-grid-capacity-mw') === '110', 'Shift+ArrowDown did not step by 100 MW');
    }),
  },
  {
    name: 'dark theme follows the system setting',
    run: async (ctx) => {
      await withPage(ctx, async (page) => {
        const light = await svgOf(page, '#chart-revenue');
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.waitForFunction((l) => document.querySelector('#chart-revenue .svg-frame').innerHTML !== l, light);
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert(bg !== 'rgb(247, 248, 250)', `page background stayed light: ${bg}`);
      });
    },
  },
  {
    name: 'no width from 320 to 2560 px scrolls sideways, with any exact figure showing',
    run: async (ctx) => {
      await withPage(ctx, async (page) => {
        const ids = await page.$$eval('li[data-kpi] .kpi-value[tabindex]', (els) => els.map((e) => e.closest('li').dataset.kpi));
        assert(ids.length >= 6, `only ${ids.length} KPI values are focusable`);
        for (const width of [320, 360, 375, 414, 768, 1024, 1280, 1366, 1440, 1536, 1920, 2560]) {
          await page.setViewportSize({ width, height: 900 });
          for (const id of [null, ...ids]) {
            if (id) await page.focus(`li[data-kpi="${id}"] .kpi-value`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert(overflow <= 0, `${width} px${id ? `, ${id} focused` : ''}: the page is ${overflow}px wider than the screen`);
          }
        }
        // Long unbroken text in a message, a notice or a figure wraps.
        await page.setViewportSize({ width: 375, height: 800 });
        const wide = async (what) => {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 0, `${what}: the page is ${overflow}px wider than a 375 px screen`);
        };
        await page.fill('#site-energy-price-usd-per-mwh', 'https://example.com/some/very/long/pasted/url/value/that/goes/on');
        await page.waitForSelector('[data-field="site.energy_price_usd_per_mwh"] .error');
        await wide('a long invalid text');
        await page.fill('#site-energy-price-usd-per-mwh', '45');
        await page.evaluate(() => { location.hash = `site.grid_capacity_mw=${'x'.repeat(300)}&${'y'.repeat(300)}=1`; });
        await page.waitForSelector('.notice');
        await wide('a link with long values');
        for (const [sel, v] of [['#site-grid-capacity-mw', '10000'], ['#contract-rate-usd-per-kw-month', '10000'], ['#contract-term-years', '30'], ['#finance-discount-rate-pct', '-50']]) {
          await page.fill(sel, v);
        }
        await page.waitForFunction(() => /e\d\d/.test(document.querySelector('li[data-kpi="contract-revenue"] .kpi-note').textContent), null, { timeout: 5000 })
          .catch(async () => { throw new Error(`huge revenue not shown: ${await kpi(page, 'contract-revenue')}; errors: ${await page.$$eval('.error', (e) => e.map((x) => x.textContent))}`); });
        await wide('huge figures');
      });
    },
  },
  {
    name: 'charts are drawn at about the width they are shown at, so their text keeps its size',
    run: async (ctx) => {
      for (const width of [360, 375, 414, 800, 1024, 1280, 1366, 1536, 1600, 1920, 2560]) {
        await withPage(ctx, async (page) => {
          for (const sel of await chartsOf(page)) {
            const [drawn, shown] = await page.$eval(`${sel} .svg-frame`, (f) => [Number(f.querySelector('svg').getAttribute('width')), f.clientWidth]);
            assert(Math.abs(drawn - shown) <= Math.max(24, 0.05 * shown), `${width} px, ${sel}: drawn ${drawn} px wide, shown ${shown} px`);
          }
        }, { width, height: 900 });
      }
      // Turning a tablet or resizing a window redraws at the new width.
      await withPage(ctx, async (page) => {
        await page.setViewportSize({ width: 375, height: 800 });
        await page.waitForFunction(() => Number(document.querySelector('#chart-revenue svg').getAttribute('width')) < 400);
        const [drawn, shown] = await page.$eval('#chart-revenue .svg-frame', (f) => [Number(f.querySelector('svg').getAttribute('width')), f.clientWidth]);
        assert(Math.abs(drawn - shown) <= 24, `after resizing to 375 px: drawn ${drawn}, shown ${shown}`);
      }, { width: 1366, height: 900 });
    },
  },
  {
    name: 'the headline cards answer "should we convert?" first, then "how robust is it?", with figures',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const rows = await page.$$eval('.kpi-row-title', (els) => els.map((e) => e.textContent));
      assert(rows[0] === 'Should we convert?' && rows[1] === 'How robust is it?', `rows: ${rows}`);
      const ids = (row) => page.$$eval(`[data-kpi-row="${row}"] li[data-kpi]`, (els) => els.map((e) => e.dataset.kpi));
      const decision = await ids('decision');
      assert(JSON.stringify(decision) === JSON.stringify(['incremental-npv', 'incremental-irr', 'equity-irr', 'payback']), `first row: ${decision}`);
      const robust = await ids('robustness');
      assert(JSON.stringify(robust) === JSON.stringify(['breakeven-hashprice', 'breakeven-rate', 'breakeven-capex', 'value-per-mw', 'levelized-rent']), `second row: ${robust}`);
      // The default scenario: a figure on every card of the first two rows.
      for (const id of [...decision, ...robust]) {
        const v = await kpi(page, id);
        assert(/\d/.test(v), `${id}: no figure (${v})`);
        assert(await page.locator(`#kpi-exact-${id}`).count() === 1, `${id}: no exact figure`);
      }
      const note = (id) => page.textContent(`li[data-kpi="${id}"] .kpi-note`);
      const hashprice = await note('breakeven-hashprice');
      assert(/^mining would need \$[\d,]+\/PH\/day to match converting, [\d.,]+× today$/.test(hashprice), `hashprice note: ${hashprice}`);
      assert(/before opex and halvings/.test(await note('mining-breakeven')), `mining break-even note: ${await note('mining-breakeven')}`);
      assert(/the deals imply \$102–159/.test(await note('levelized-rent')), `rent note: ${await note('levelized-rent')}`);
      assert(/^after tax/.test(await note('incremental-npv')), `NPV note: ${await note('incremental-npv')}`);
      // The exact figure shows on hover.
      await page.hover('li[data-kpi="breakeven-hashprice"] .kpi-value');
      assert(/^\$[\d,]+\.\d\d\/PH\/day/.test(await page.textContent('#kpi-exact-breakeven-hashprice')), 'hashprice exact');
      assert(await page.locator('#kpi-exact-breakeven-hashprice').isVisible(), 'hovering does not show the exact break-even');
      // Every preset: figures, no NaN, and never "$0.00/MWh" for a crossover
      // that is not there.
      const presets = await page.$$eval('.preset-picker option', (os) => os.map((o) => o.value).filter(Boolean));
      for (const id of presets) {
        const rendered = await nextRender(page);
        await page.selectOption('.preset-picker select', id);
        await rendered();
        const text = await page.textContent('.kpis');
        assert(!/NaN|undefined|Infinity/.test(text), `${id}: ${text}`);
        assert(!text.includes('$0.00/MWh'), `${id}: a card says $0.00/MWh: ${text}`);
        const crossover = await kpi(page, 'crossover');
        assert(!crossover.startsWith('$0.00'), `${id}: crossover ${crossover}`);
        if (crossover === 'none') assert(/is ahead at every price/.test(await note('crossover')), `${id}: ${await note('crossover')}`);
      }
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'a version-1 link opens with version 1\'s figures and says so; "Recompute with version 2" and Undo',
    run: (ctx) => withPage(ctx, async (page, errors, server) => {
      const fixtures = join(ctx.root, 'tests', 'fixtures', 'v1');
      const links = readFileSync(join(fixtures, 'links.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
      assert(links.length >= 4, `links: ${links.length}`);
      const exactNpv = () => page.textContent('#kpi-exact-incremental-npv');
      for (const [name, fragment] of links) {
        assert(!/(^|[#&])v=/.test(fragment), `${name} is not a version-1 link: ${fragment}`);
        const want = moneyExact(JSON.parse(readFileSync(join(fixtures, 'outputs', `${name}.json`), 'utf8')).incremental_npv_usd);
        await page.goto(`${server.url}${fragment}`);
        await page.waitForFunction((w) => document.querySelector('#kpi-exact-incremental-npv')?.textContent === w, want, { timeout: 5000 })
          .catch(async () => { throw new Error(`${name}: NPV ${await exactNpv()}, version 1 gave ${want}`); });
        const notice = await page.textContent('.version-notice');
        assert(/^Made under model version 1: figures as version 1 computed them — before tax, no value after the contract/.test(notice), `${name}: notice ${notice}`);
        assert(await page.locator('.version-notice button').count() === 1, `${name}: not one button in the notice`);
        const text = await page.textContent('.kpis');
        assert(!/NaN|\$0\.00\/MWh/.test(text), `${name}: ${text}`);
        if (name === 'link-terawulf') {
          assert(await kpi(page, 'crossover') === '$31.23 /MWh', `${name}: crossover ${await kpi(page, 'crossover')}`);
        }
      }
      // The last one opened: recompute with version 2, then Undo.
      const v1 = await exactNpv();
      mkdirSync(join(ctx.artifacts, 'screenshots'), { recursive: true });
      await page.screenshot({ path: join(ctx.artifacts, 'screenshots', 'version-1-link.png'), fullPage: false });
      await page.click('button:has-text("Recompute with version 2")');
      await page.waitForFunction((w) => document.querySelector('#kpi-exact-incremental-npv')?.textContent !== w, v1, { timeout: 5000 });
      assert(await page.locator('.version-notice').count() === 0, 'the notice stayed after recomputing');
      assert(/^Recomputed with version 2/.test(await page.textContent('.status')), `status: ${await page.textContent('.status')}`);
      assert(/^after tax/.test(await page.textContent('li[data-kpi="incremental-npv"] .kpi-note')), 'version 2 is not after tax');
      await page.click('button:has-text("Undo")');
      await page.waitForFunction((w) => document.querySelector('#kpi-exact-incremental-npv')?.textContent === w, v1, { timeout: 5000 })
        .catch(async () => { throw new Error(`Undo: NPV ${await exactNpv()}, want ${v1}`); });
      assert(await page.locator('.version-notice').count() === 1, 'Undo did not bring the notice back');
      // Copy link keeps it version 1, and the link opens to the same figures.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.click('button:has-text("Copy link")');
      await page.waitForFunction(() => document.querySelector('.status').textContent.includes('copied'));
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert(/#v=1(&|$)/.test(link), `link of a version-1 scenario: ${link}`);
      const other = await page.context().newPage();
      await other.goto(link);
      await waitForApp(other);
      assert(await other.textContent('#kpi-exact-incremental-npv') === v1, 'the v=1 link opened with other figures');
      assert(await other.locator('.version-notice').count() === 1, 'the v=1 link did not say version 1');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'what is typed is kept: saved a moment after the last edit, and at once when the page is left',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('repower.form.v1') || '{}').texts?.['site.grid_capacity_mw']);
      // A keystroke does not wait on storage; the form is saved soon after.
      await page.fill('#site-grid-capacity-mw', '137');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('repower.form.v1') || '{}').texts?.['site.grid_capacity_mw'] === '137', null, { timeout: 3000 });
      // An edit and a reload at once: leaving the page saves it.
      await page.fill('#site-grid-capacity-mw', '142');
      const early = await saved();
      await page.reload();
      await waitForApp(page);
      assert(await page.inputValue('#site-grid-capacity-mw') === '142', `after a reload at once: ${await page.inputValue('#site-grid-capacity-mw')} (saved before leaving: ${early})`);
      // Hidden (another tab, the phone locked): saved at once.
      await page.fill('#site-grid-capacity-mw', '151');
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      assert(await saved() === '151', `not saved when hidden: ${await saved()}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'a form saved by version 1 reloads as version 1, and an edit beyond version 1 makes it version 2',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      await page.evaluate(() => localStorage.setItem('repower.form.v1', JSON.stringify({
        v: 1, preset: 'generic', texts: { 'site.grid_capacity_mw': '120', 'hpc.pue': '1.3' },
      })));
      await page.reload();
      await waitForApp(page);
      assert(await page.locator('.version-notice').count() === 1, 'no version-1 notice');
      await openAdvanced(page);
      assert(await page.inputValue('#hpc-design-pue') === '1.3' && await page.inputValue('#hpc-operating-pue') === '1.3', 'hpc.pue did not set both PUEs');
      const want = moneyExact(await page.evaluate(() => window.repower.evaluate({ schema_version: 1, site: { grid_capacity_mw: 120 }, hpc: { pue: 1.3 } }).incremental_npv_usd));
      assert(await page.textContent('#kpi-exact-incremental-npv') === want, `NPV ${await page.textContent('#kpi-exact-incremental-npv')}, version 1 gives ${want}`);
      // Saved again (a moment after opening) as this version writes forms,
      // still version 1.
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('repower.form.v1')).v === 2);
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('repower.form.v1')));
      assert(saved.v === 2 && saved.schema_version === 1, `saved form: v ${saved.v}, schema_version ${saved.schema_version}`);
      await page.reload();
      await waitForApp(page);
      assert(await page.textContent('#kpi-exact-incremental-npv') === want, 'a reload changed the figures');
      // A tax rate is something version 1 did not model.
      await page.fill('#tax-rate-pct', '21');
      await page.waitForSelector('.version-notice', { state: 'detached' });
      assert(/Income tax rate is something version 1 did not model/.test(await page.textContent('.status')), `status: ${await page.textContent('.status')}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'screenshots at laptop, phone and projector widths',
    run: async (ctx) => {
      const dir = join(ctx.artifacts, 'screenshots');
      mkdirSync(dir, { recursive: true });
      for (const [name, viewport] of [
        ['laptop', { width: 1366, height: 900 }],
        ['phone', { width: 375, height: 812 }],
        ['projector', { width: 1920, height: 1080 }],
      ]) {
        await withPage(ctx, async (page) => {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 0, `${name}: page is ${overflow}px wider than the screen`);
          if (name === 'phone') {
            // One column: the headline numbers, the inputs, then the charts.
            const top = (sel) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().top, sel);
            const [k, i, c] = [await top('.kpis'), await top('form.inputs'), await top('#chart-revenue')];
            assert(k < i && i < c, `phone order: KPIs at ${k}, inputs at ${i}, charts at ${c}`);
          }
          // The charts far below the window are drawn when scrolled near
          // (content-visibility); a full-page picture shows them all.
          await page.evaluate(() => document.querySelectorAll('.chart, .sources').forEach((e) => { e.style.contentVisibility = 'visible'; }));
          await page.screenshot({ path: join(dir, `${name}.png`), fullPage: name === 'phone' ? false : true });
        }, viewport);
      }
    },
  },
];
