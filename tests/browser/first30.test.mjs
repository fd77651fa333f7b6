// The first thirty seconds: the answer in view on a phone, a page that holds
// still at 1280×720, figures that explain themselves, a keyboard that
// reaches the inputs in a few Tabs, files and links that say what they do.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withSite, launch, watchErrors, waitForApp, assert, nextRender } from './lib.mjs';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const LAPTOP = { width: 1366, height: 900 };
const SHARED = { width: 1280, height: 720 };
const PROJECTOR = { width: 1920, height: 1080 };

/** Opens the page on a fresh server and browser; runs `body`; cleans up. */
function withPage({ dist }, body, viewport, colorScheme) {
  return withSite(dist, async ({ server, context }) => {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    if (colorScheme) await page.emulateMedia({ colorScheme });
    const errors = watchErrors(page);
    await page.goto(server.url);
    await waitForApp(page);
    await body(page, errors, server);
  });
}

const kpi = (page, id) => page.textContent(`li[data-kpi="${id}"] .kpi-value`);
const bar = (page, id) => page.textContent(`.result-bar [data-bar="${id}"] .bar-value`);
/** The rectangle of `sel` in the window. */
const rect = (page, sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width }; });
const inWindow = (r, vp) => r.top >= 0 && r.bottom <= vp.height && r.height > 0;
const overlap = (a, b) => !(a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left);

/** Where every headline card and chart sits in the page (not the window). */
const positions = (page) => page.evaluate(() => {
  const at = (e) => { const r = e.getBoundingClientRect(); return [Math.round(r.top + scrollY), Math.round(r.left), Math.round(r.height)]; };
  const out = {};
  for (const e of document.querySelectorAll('li[data-kpi]')) out[`card ${e.dataset.kpi}`] = at(e);
  for (const e of document.querySelectorAll('.results > .chart')) out[`chart ${e.id}`] = at(e);
  for (const sel of ['.masthead', '.toolbar', '.drivers', '.layout']) out[sel] = at(document.querySelector(sel));
  return out;
});
function sameAt(before, after, what) {
  const moved = Object.keys(before).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k}: ${before[k]} → ${after[k]}`);
  assert(moved.length === 0, `${what} moved the page:\n  ${moved.join('\n  ')}`);
}

/** WCAG contrast of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Presses Tab until `done(active)` or `max` presses; returns the stops seen. */
async function tabUntil(page, done, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const a = document.activeElement;
      return { id: a.id, tag: a.tagName, tool: a.dataset.tool || null, cls: a.className || '', type: a.type || null, text: (a.textContent || '').trim().slice(0, 30), chart: a.closest('.chart')?.id || null };
    });
    seen.push(info);
    if (done(info)) break;
  }
  return seen;
}

export const tests = [
  {
    name: 'phone and upright tablet: the result bar stays in view while editing and scrolling the charts, never over the field',
    run: async (ctx) => {
      for (const vp of [PHONE, TABLET]) {
        await withPage(ctx, async (page, errors) => {
          const barSel = '.result-bar';
          assert(await page.isVisible(barSel), `${vp.width} px: no result bar`);
          assert(await bar(page, 'incremental-npv') === await kpi(page, 'incremental-npv'), 'the bar and the card differ');
          // Edit the lease rate as a newcomer would: tap it, type.
          const field = '#contract-rate-usd-per-kw-month';
          await page.locator(field).scrollIntoViewIfNeeded();
          await page.click(field, { clickCount: 3 });
          const before = await bar(page, 'incremental-npv');
          const shown = await nextRender(page);
          await page.keyboard.type('160');
          await shown();
          await page.waitForFunction((b) => document.querySelector('.result-bar [data-bar="incremental-npv"] .bar-value').textContent !== b, before);
          const b = await rect(page, barSel);
          const f = await rect(page, field);
          assert(inWindow(b, vp), `${vp.width} px: the bar is out of view while editing (${JSON.stringify(b)})`);
          assert(inWindow(f, vp) && !overlap(b, f), `${vp.width} px: the bar covers the field (${JSON.stringify(b)} over ${JSON.stringify(f)})`);
          assert(await bar(page, 'incremental-npv') === await kpi(page, 'incremental-npv'), 'the bar does not follow the cards');
          assert(await bar(page, 'payback') !== '', 'no payback in the bar');
          // Tab to the next fields: none lands under the bar.
          for (let i = 0; i < 4; i += 1) {
            await page.keyboard.press('Tab');
            const a = await page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }; });
            const now = await rect(page, barSel);
            assert(!overlap(a, now), `${vp.width} px: Tab ${i + 1} put the focus under the bar`);
          }
          // Scrolling the charts.
          for (const sel of ['#chart-revenue', '#chart-energy', '#chart-bridge']) {
            await page.locator(sel).scrollIntoViewIfNeeded();
            await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center' }), sel);
            assert(inWindow(await rect(page, barSel), vp), `${vp.width} px: the bar leaves the window at ${sel}`);
          }
          // An invalid text marks the bar out of date.
          await page.fill(field, '16x');
          await page.waitForSelector('.result-bar.stale');
          assert(errors.length === 0, errors.join('\n'));
        }, vp);
      }
      // Not on wider screens, where the cards sit beside the inputs.
      await withPage(ctx, async (page) => {
        assert(!(await page.isVisible('.result-bar')), 'a result bar at 1280 px');
      }, SHARED);
    },
  },
  {
    name: '1280×720: a preset and three edits move no card and no chart; the description takes one line',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const lineHeight = await page.$eval('#preset-source', (e) => parseFloat(getComputedStyle(e).lineHeight) || 20);
      const oneLine = async (what) => {
        const h = (await rect(page, '#preset-source')).height;
        assert(h <= lineHeight * 1.3, `${what}: the description takes ${h}px, one line is ${lineHeight}px`);
      };
      await oneLine('generic');
      const start = await positions(page);
      const steps = [
        ['preset Core Scientific', async () => page.selectOption('.preset-picker select', 'core-scientific-coreweave')],
        ['edit: lease rate', async () => page.fill('#contract-rate-usd-per-kw-month', '140')],
        ['edit: grid capacity', async () => page.fill('#site-grid-capacity-mw', '350')],
        ['edit: hashprice', async () => page.fill('#mining-hashprice-usd-per-ph-day', '55')],
        ['preset TeraWulf', async () => page.selectOption('.preset-picker select', 'terawulf-core42')],
        ['preset Galaxy', async () => page.selectOption('.preset-picker select', 'galaxy-helios-coreweave')],
        ['half-typed text', async () => page.fill('#contract-rate-usd-per-kw-month', '')],
        ['Undo', async () => page.click('button.undo')],
      ];
      for (const [what, act] of steps) {
        const shown = await nextRender(page);
        await act();
        await shown();
        await page.waitForTimeout(50);
        sameAt(start, await positions(page), what);
        await oneLine(what);
      }
      assert(await page.isVisible('button.reset'), 'no Reset after edits');
      // "more" opens the whole description, and closes it again.
      await page.click('button.more');
      assert((await rect(page, '#preset-source')).height > lineHeight * 1.5, '"more" does not show the whole description');
      assert(await page.getAttribute('button.more', 'aria-expanded') === 'true', 'more: aria-expanded');
      await page.click('button.more');
      await oneLine('less');
      assert(errors.length === 0, errors.join('\n'));
    }, SHARED),
  },
  {
    name: '1280×720: each chart fits the window, and the energy chart\'s own inputs are reachable beside it',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      for (const id of await page.$$eval('.results > .chart', (els) => els.map((e) => e.id))) {
        const svg = await rect(page, `#${id} svg`);
        assert(svg.height <= SHARED.height - 200, `#${id}: the drawing is ${svg.height}px tall in a 720px window`);
        const card = await rect(page, `#${id}`);
        assert(card.height <= SHARED.height, `#${id}: the chart's card is ${card.height}px tall`);
      }
      await page.evaluate(() => document.querySelector('#chart-energy').scrollIntoView({ block: 'start' }));
      const buttons = await page.$$eval('#chart-energy .chart-inputs button', (bs) => bs.map((b) => b.textContent));
      assert(buttons.includes('Energy price') && buttons.includes('Highest price'), `energy chart inputs: ${buttons}`);
      await page.click('#chart-energy .chart-inputs button:has-text("Energy price")');
      assert(await page.evaluate(() => document.activeElement?.id) === 'site-energy-price-usd-per-mwh', 'the energy price is not focused');
      const svgBefore = await page.innerHTML('#chart-energy .svg-frame');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('70');
      await page.waitForFunction((b) => document.querySelector('#chart-energy .svg-frame').innerHTML !== b, svgBefore);
      const field = await rect(page, '#site-energy-price-usd-per-mwh');
      const chart = await rect(page, '#chart-energy svg');
      assert(inWindow(field, SHARED), `the field is out of view: ${JSON.stringify(field)}`);
      assert(chart.top < SHARED.height - 150 && chart.bottom > 150, `the chart is out of view: ${JSON.stringify(chart)}`);
      // An input inside a closed section (not on the page until it opens)
      // opens it and takes the keyboard as it appears.
      assert(await page.locator('#sensitivity-energy-usd-per-mwh-1').count() === 0, 'a closed section\'s inputs are built');
      await page.click('#chart-energy .chart-inputs button:has-text("Highest price")');
      await page.waitForFunction(() => document.activeElement?.id === 'sensitivity-energy-usd-per-mwh-1', null, { timeout: 2000 })
        .catch(async () => { throw new Error(`the highest price is not focused: ${await page.evaluate(() => document.activeElement?.id)}`); });
      assert(inWindow(await rect(page, '#sensitivity-energy-usd-per-mwh-1'), SHARED), 'the highest price is out of view');
      assert(errors.length === 0, errors.join('\n'));
    }, SHARED),
  },
  {
    name: 'every headline card has a "?" saying what it is, how it is computed and what it leaves out',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const cards = await page.$$eval('li[data-kpi]', (els) => els.map((e) => e.dataset.kpi));
      assert(cards.length >= 12, `cards: ${cards}`);
      for (const id of cards) {
        const parts = await page.$$eval(`li[data-kpi="${id}"] .help-pop p`, (ps) => ps.map((p) => p.textContent));
        assert(parts.length === 3 && /^What it is: /.test(parts[0]) && /^How: /.test(parts[1]) && /^Leaves out: /.test(parts[2]), `${id}: ${parts}`);
        const summary = await page.getAttribute(`li[data-kpi="${id}"] .kpi-help summary`, 'aria-label');
        assert(/^About /.test(summary), `${id}: the "?" is named ${summary}`);
        const described = await page.getAttribute(`li[data-kpi="${id}"] .kpi-value`, 'aria-describedby');
        assert(described.split(' ').includes(`kpi-help-${id}`), `${id}: the figure is not described by its help`);
      }
      // By pointer: the "?" opens over the cards, moving none of them.
      const before = await positions(page);
      await page.click('li[data-kpi="incremental-npv"] .kpi-help summary');
      assert(await page.isVisible('#kpi-help-incremental-npv'), 'the "?" does not open');
      sameAt(before, await positions(page), 'opening a card\'s help');
      await page.click('li[data-kpi="incremental-npv"] .kpi-help summary');
      // By keyboard: "?" on the figure, Escape closes.
      await page.focus('li[data-kpi="payback"] .kpi-value');
      await page.keyboard.press('?');
      assert(await page.isVisible('#kpi-help-payback'), '"?" on the figure does not open its help');
      assert(/time value of money/.test(await page.textContent('#kpi-help-payback')), await page.textContent('#kpi-help-payback'));
      await page.keyboard.press('Escape');
      assert(!(await page.isVisible('#kpi-help-payback')), 'Escape does not close the help');
      assert(errors.length === 0, errors.join('\n'));
    }, SHARED),
  },
  {
    name: '"What drives this" names what moves the answer and is out of view; the two NPVs have their own names',
    run: (ctx) => withPage(ctx, async (page) => {
      const text = (await page.textContent('#drivers')).replace(/\s+/g, ' ');
      for (const want of ['What drives this:', 'next halving in 16 months', 'hashprice drift −10.0 %/yr', 'host capex $', '74.1 MW of IT leased', 'includes 25.0 % tax', 'value after the contract', '60.0 % debt']) {
        assert(text.includes(want), `"${want}" missing from: ${text}`);
      }
      await page.fill('#hpc-critical-it-mw', '60');
      await page.waitForFunction(() => document.querySelector('#drivers').textContent.includes('60 MW of IT leased'));
      const label = await page.textContent('li[data-kpi="incremental-npv"] .kpi-label');
      assert(label === 'Project NPV of converting', `project NPV label: ${label}`);
      const rent = await page.textContent('li[data-kpi="contract-revenue"] .kpi-note');
      assert(/^Rent NPV \$[\d.]+[MB]: the rent alone/.test(rent), `rent NPV note: ${rent}`);
      const npvs = await page.$$eval('li[data-kpi] .kpi-label', (ls) => ls.map((l) => l.textContent).filter((t) => /NPV/.test(t)));
      assert(npvs.length === 1, `cards labelled NPV: ${npvs}`);
    }),
  },
  {
    name: 'an implausible but valid input gets a quiet caution beside it, and the figures still compute',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const before = await kpi(page, 'incremental-npv');
      await page.fill('#site-energy-price-usd-per-mwh', '300');
      const caution = page.locator('[data-field="site.energy_price_usd_per_mwh"] .caution');
      await caution.waitFor();
      const text = await caution.textContent();
      assert(/^300 is unusual: typically 15 to 120 \$\/MWh \(.*Cambridge/.test(text), `caution: ${text}`);
      assert(await page.locator('[data-field="site.energy_price_usd_per_mwh"] .error').count() === 0, 'a caution shown as an error');
      await page.waitForFunction((b) => document.querySelector('li[data-kpi="incremental-npv"] .kpi-value').textContent !== b, before);
      assert(await page.locator('.kpis.stale').count() === 0, 'the figures stopped computing');
      assert(await page.getAttribute('#site-energy-price-usd-per-mwh', 'aria-invalid') === 'false', 'marked invalid');
      const described = await page.getAttribute('#site-energy-price-usd-per-mwh', 'aria-describedby');
      assert(described.includes('site-energy-price-usd-per-mwh-caution'), `described by ${described}`);
      // Quieter than an error: not the error's colour, not bold.
      const [color, weight] = await caution.evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).fontWeight]);
      await page.fill('#site-grid-capacity-mw', '-1');
      const err = page.locator('[data-field="site.grid_capacity_mw"] .error');
      await err.waitFor();
      const [errColor, errWeight] = await err.evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).fontWeight]);
      assert(color !== errColor && Number(weight) < Number(errWeight), `caution ${color} ${weight}, error ${errColor} ${errWeight}`);
      // Back in the usual range: the caution goes.
      await page.fill('#site-energy-price-usd-per-mwh', '50');
      await caution.waitFor({ state: 'detached' });
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: '"1.000" in a field whose values run to thousands asks "did you mean 1,000?"',
    run: (ctx) => withPage(ctx, async (page) => {
      const before = await kpi(page, 'incremental-npv');
      await page.fill('#site-grid-capacity-mw', '1.000');
      const msg = await page.waitForSelector('[data-field="site.grid_capacity_mw"] .error');
      const text = await msg.textContent();
      assert(/did you mean 1,000/.test(text), `message: ${text}`);
      assert(await page.getAttribute('#site-grid-capacity-mw', 'aria-invalid') === 'true', 'not marked invalid');
      assert(await kpi(page, 'incremental-npv') === before, 'read as a number');
      // A field of small values reads it as one.
      await page.fill('#site-grid-capacity-mw', '100');
      await page.click('text=More hpc conversion inputs');
      await page.fill('#hpc-design-pue', '1.300');
      await page.waitForTimeout(100);
      assert(await page.locator('[data-field="hpc.design_pue"] .error').count() === 0, '1.300 refused as a PUE');
    }),
  },
  {
    name: 'keyboard: one stop per field, the lease rate in under 15 Tabs, skip links to the results and the charts, no clipped focus ring',
    run: (ctx) => withPage(ctx, async (page) => {
      const seen = await tabUntil(page, (a) => a.id === 'contract-rate-usd-per-kw-month');
      const n = seen.length;
      assert(seen[n - 1].id === 'contract-rate-usd-per-kw-month', `the lease rate not reached: ${seen.map((s) => s.id || s.tool || s.tag)}`);
      assert(n < 15, `${n} Tabs to the lease rate: ${seen.map((s) => s.id || s.tool || s.text)}`);
      assert(seen.every((s) => s.type !== 'range' && s.tag !== 'SUMMARY' || /advanced|More/.test(s.text)), `a slider or a "?" is a Tab stop: ${seen.map((s) => s.id || s.tag)}`);
      assert(seen[0].cls.includes('skip') && /results/.test(seen[0].text), `first stop: ${JSON.stringify(seen[0])}`);
      // "?" in a field opens its help, which is also the box's description.
      await page.keyboard.press('?');
      assert(await page.isVisible('#contract-rate-usd-per-kw-month-help'), '"?" does not open the help');
      assert(await page.inputValue('#contract-rate-usd-per-kw-month') === '125', '"?" was typed into the field');
      await page.keyboard.press('Escape');
      assert(!(await page.isVisible('#contract-rate-usd-per-kw-month-help')), 'Escape does not close the help');
      // Skip links: to the results, then to the charts.
      await page.reload();
      await waitForApp(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert(await page.evaluate(() => document.activeElement?.id) === 'results', 'the skip link does not reach the results');
      await page.keyboard.press('Tab');
      assert(/charts/.test(await page.evaluate(() => document.activeElement?.textContent)), 'no skip link to the charts');
      await page.keyboard.press('Enter');
      assert(await page.evaluate(() => document.activeElement?.id) === 'charts', 'the skip link does not reach the charts');
      await page.keyboard.press('Tab');
      assert(await page.evaluate(() => document.activeElement?.closest('.chart')?.id) === 'chart-revenue', 'the first Tab after the skip is not in the first chart');
      // The focus ring is never clipped, along the first 70 stops.
      await page.reload();
      await waitForApp(page);
      for (let i = 0; i < 70; i += 1) {
        await page.keyboard.press('Tab');
        const clipped = await page.evaluate(() => {
          const a = document.activeElement;
          if (!a || a === document.body) return null;
          const s = getComputedStyle(a);
          const ring = (parseFloat(s.outlineWidth) || 0) + (parseFloat(s.outlineOffset) || 0);
          const r = a.getBoundingClientRect();
          const box = { top: r.top - ring, bottom: r.bottom + ring, left: r.left - ring, right: r.right + ring };
          for (let p = a.parentElement; p && p !== document.body; p = p.parentElement) {
            const ps = getComputedStyle(p);
            const clips = /(auto|scroll|hidden|clip)/.test(ps.overflowX + ps.overflowY) || /paint|content|strict/.test(ps.contain) || ps.contentVisibility === 'auto';
            if (!clips) continue;
            const q = p.getBoundingClientRect();
            const bl = parseFloat(ps.borderLeftWidth) || 0;
            const bt = parseFloat(ps.borderTopWidth) || 0;
            const inner = { top: q.top + bt, left: q.left + bl, right: q.left + bl + p.clientWidth, bottom: q.top + bt + p.clientHeight };
            if (box.top < inner.top - 0.5 || box.left < inner.left - 0.5 || box.right > inner.right + 0.5 || box.bottom > inner.bottom + 0.5) {
              return `${a.id || a.className || a.tagName} clipped by ${p.className || p.tagName}`;
            }
          }
          return null;
        });
        assert(clipped === null, `Tab ${i + 1}: the focus ring of ${clipped}`);
      }
    }, SHARED),
  },
  {
    name: 'the scenario picker loads a scenario when a choice is made, not while arrowing through it',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const picker = '.preset-picker select';
      const grid = () => page.inputValue('#site-grid-capacity-mw');
      await page.focus(picker);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(100);
      assert(await page.inputValue(picker) !== 'generic', 'the arrow keys did not move the choice');
      assert(await grid() === '100', `arrowing loaded a scenario (grid ${await grid()})`);
      assert(/Enter opens the scenario chosen/.test(await page.textContent('#preset-source')), 'no word on how to open it');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#site-grid-capacity-mw').value !== '100');
      const chosen = await page.inputValue(picker);
      // Arrowing then leaving (or Escape) keeps the scenario.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      assert(await page.inputValue(picker) === chosen, 'Escape did not put the choice back');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Tab');
      await page.waitForTimeout(100);
      assert(await page.inputValue(picker) === chosen, 'leaving did not put the choice back');
      // A click (a choice from the list) loads at once.
      await page.selectOption(picker, 'generic');
      await page.waitForFunction(() => document.querySelector('#site-grid-capacity-mw').value === '100');
      // The toolbar is one stop: the arrow keys move along it.
      await page.focus(picker);
      await page.keyboard.press('ArrowRight');
      const tool = await page.evaluate(() => document.activeElement?.dataset.tool);
      assert(tool === 'copy' || tool === 'undo', `ArrowRight from the picker went to ${tool}`);
      assert(await page.inputValue(picker) === 'generic', 'ArrowRight changed the scenario');
      assert(errors.length === 0, errors.join('\n'));
    }, SHARED),
  },
  {
    name: 'charts answer a pointer and the arrow keys with their values, without redrawing',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      for (const id of ['chart-revenue', 'chart-energy', 'chart-build-time', 'chart-bridge']) {
        const sel = `#${id}`;
        await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center' }), sel);
        await page.waitForFunction((s) => document.querySelector(`${s} .svg-frame`).dataset.current === 'true', sel);
        const rows = await page.$$eval(`${sel} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
        await page.evaluate((s) => { document.querySelector(`${s} svg`).__kept = true; }, sel);
        const box = await rect(page, `${sel} svg`);
        const down = id === 'chart-bridge';
        // Across the plot: every row read is one of the table's, in order.
        const read = [];
        for (let t = 0.2; t <= 0.8; t += 0.3) {
          const x = down ? box.left + box.width * 0.6 : box.left + box.width * t;
          const y = down ? box.top + box.height * t : box.top + box.height * 0.6;
          await page.mouse.move(x, y);
          await page.waitForFunction((s) => document.querySelector(`${s} .svg-frame`).dataset.row !== undefined, sel);
          const row = Number(await page.getAttribute(`${sel} .svg-frame`, 'data-row'));
          const text = await page.textContent(`${sel} .chart-readout`);
          const cells = rows[row];
          assert(cells && cells.slice(1).every((c) => text.includes(c)), `${id}: readout "${text}" is not row ${row} (${cells})`);
          assert(await page.isVisible(`${sel} .chart-mark`), `${id}: the row is not marked`);
          read.push(row);
        }
        assert(read[0] < read[2], `${id}: rows ${read} do not follow the pointer`);
        assert(await page.evaluate((s) => document.querySelector(`${s} svg`).__kept === true, sel), `${id}: the drawing was redrawn`);
        await page.mouse.move(0, 0);
        // Keyboard: the chart is a stop; the arrow keys step the rows.
        await page.focus(`${sel} .svg-frame`);
        await page.keyboard.press('Home');
        assert(await page.getAttribute(`${sel} .svg-frame`, 'data-row') === '0', `${id}: Home`);
        await page.keyboard.press(down ? 'ArrowDown' : 'ArrowRight');
        assert(await page.getAttribute(`${sel} .svg-frame`, 'data-row') === '1', `${id}: the arrow key`);
        assert((await page.textContent(`${sel} .chart-readout`)).includes(rows[1][1]), `${id}: the readout after the arrow key`);
        await page.keyboard.press('End');
        assert(await page.getAttribute(`${sel} .svg-frame`, 'data-row') === String(rows.length - 1), `${id}: End`);
        assert(await page.getAttribute(`${sel} .chart-readout`, 'aria-live') === 'polite', `${id}: the readout is not announced`);
        assert(await page.evaluate((s) => document.querySelector(`${s} svg`).__kept === true, sel), `${id}: the keyboard redrew the drawing`);
        await page.keyboard.press('Escape');
      }
      // A tap (touch) reads a bar too, and the row stays as the finger lifts.
      await page.evaluate(() => document.querySelector('#chart-revenue').scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(100);
      const box = await rect(page, '#chart-revenue svg');
      await page.evaluate(([x, y]) => {
        const svg = document.querySelector('#chart-revenue svg');
        for (const type of ['pointerdown', 'pointerup', 'pointerout', 'pointerleave']) {
          svg.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerType: 'touch', bubbles: type !== 'pointerleave', isPrimary: true }));
        }
        document.querySelector('#chart-revenue .svg-frame').dispatchEvent(new PointerEvent('pointerleave', { clientX: x, clientY: y, pointerType: 'touch', isPrimary: true }));
      }, [box.left + box.width * 0.3, box.top + box.height * 0.6]);
      await page.waitForTimeout(100);
      assert(await page.getAttribute('#chart-revenue .svg-frame', 'data-row') !== null, 'a tap does not read the chart');
      assert(/^Contract year \d+: Revenue \$/.test(await page.textContent('#chart-revenue .chart-readout')), await page.textContent('#chart-revenue .chart-readout'));
      assert(errors.length === 0, errors.join('\n'));
    }, LAPTOP),
  },
  {
    name: '"Show the numbers": every table fits or scrolls with its scroll bar in view, at 1280 and 1366 px',
    run: async (ctx) => {
      for (const vp of [SHARED, LAPTOP]) {
        await withPage(ctx, async (page) => {
          for (const id of await page.$$eval('.results > .chart', (els) => els.map((e) => e.id))) {
            await page.evaluate((i) => { document.querySelector(`#${i}`).scrollIntoView(); document.querySelector(`#${i} details.numbers`).open = true; }, id);
            const m = await page.$eval(`#${id} .table-scroll`, (s) => {
              const t = s.querySelector('table');
              const card = s.closest('.chart').getBoundingClientRect();
              const r = s.getBoundingClientRect();
              const last = t.querySelector('tr th:last-child').getBoundingClientRect();
              return { fits: t.getBoundingClientRect().width <= s.clientWidth + 0.5, bar: s.offsetHeight - s.clientHeight, inCard: r.right <= card.right + 0.5, lastRight: last.right, right: r.right, tabindex: s.tabIndex };
            });
            assert(m.inCard, `${vp.width} px, ${id}: the table's box runs past its card`);
            assert(m.fits || m.bar > 0, `${vp.width} px, ${id}: the table is cut off with no scroll bar`);
            if (m.fits) assert(m.lastRight <= m.right + 0.5, `${vp.width} px, ${id}: the last column is cut off`);
            assert(m.tabindex === 0, `${vp.width} px, ${id}: the table cannot be scrolled from the keyboard`);
          }
        }, vp);
      }
    },
  },
  {
    name: 'accessible names read "Grid capacity, MW"; placeholders meet 4.5:1 in both themes; a minus sign never wraps away from its number',
    run: async (ctx) => {
      await withPage(ctx, async (page) => {
        for (const [name, role] of [['Grid capacity, MW', 'textbox'], ['Energy price, $/MWh', 'textbox'], ['Lease rate, $/kW-month', 'textbox'], ['Power passed through', 'checkbox']]) {
          const n = await page.getByRole(role, { name, exact: true }).count();
          assert(n === 1, `no ${role} named "${name}" (${n})`);
        }
        assert(await page.getByRole('textbox', { name: 'Grid capacityMW' }).count() === 0, 'a box named "Grid capacityMW"');
      });
      for (const scheme of ['light', 'dark']) {
        await withPage(ctx, async (page) => {
          const pairs = await page.$$eval('input[placeholder]', (els) => els.map((e) => [e.id, getComputedStyle(e, '::placeholder').color, getComputedStyle(e).backgroundColor]));
          assert(pairs.length > 0, 'no placeholder');
          for (const [id, fg, bg] of pairs) {
            const c = contrast(fg, bg);
            assert(c >= 4.5, `${scheme}: #${id}'s placeholder ${fg} on ${bg}: ${c.toFixed(2)}:1`);
          }
        }, LAPTOP, scheme);
      }
      // Negative figures at narrow widths: the minus and its number on one line.
      await withPage(ctx, async (page) => {
        await page.fill('#contract-rate-usd-per-kw-month', '60');
        await page.waitForFunction(() => document.querySelector('li[data-kpi="incremental-npv"] .kpi-value').textContent.startsWith('−'));
        for (const width of [320, 360, 390, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          await page.waitForTimeout(50);
          const broken = await page.evaluate(() => {
            const out = [];
            let count = 0;
            const walker = document.createTreeWalker(document.querySelector('.app'), NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const el = n.parentElement;
              if (!el || el.closest('svg, [hidden], details:not([open]) > :not(summary)') || !el.getClientRects().length) continue;
              const re = /(^|[\s(])([−-])(?=[\d$])|−(?=\S)/g;
              for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
                const at = n.data.indexOf(m[0].trim()[0] === '(' ? m[0].slice(1) : m[0].trim(), m.index);
                if (at < 0 || at + 1 >= n.data.length) continue;
                const r1 = document.createRange(); r1.setStart(n, at); r1.setEnd(n, at + 1);
                const r2 = document.createRange(); r2.setStart(n, at + 1); r2.setEnd(n, at + 2);
                const a = r1.getBoundingClientRect(); const b = r2.getBoundingClientRect();
                if (!a.height || !b.height) continue;
                count += 1;
                if (Math.abs(a.top - b.top) > 2) out.push(`"${n.data.slice(Math.max(0, at - 15), at + 12)}" in ${el.className || el.tagName}`);
              }
            }
            return { out, count };
          });
          assert(broken.count > 3, `${width} px: only ${broken.count} minus signs checked`);
          assert(broken.out.length === 0, `${width} px: a minus sign wraps away from its number: ${broken.out.join('; ')}`);
        }
      }, PHONE);
    },
  },
  {
    name: 'a file that cannot be used says what was wrong in plain words, as an error, and that nothing was changed',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      await page.fill('#site-grid-capacity-mw', '150');
      const before = await kpi(page, 'incremental-npv');
      const open = async (name, text) => page.setInputFiles('.toolbar input[type=file]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await open('broken.json', JSON.stringify({ site: { grid_capacity_mw: -5 }, hpc: { design_pue: 0.8 } }));
      const notice = page.locator('.file-problem');
      await notice.waitFor();
      const text = await notice.textContent();
      assert(/“broken\.json” could not be opened\. Nothing was changed\./.test(text), `notice: ${text}`);
      assert(/Grid capacity: must be greater than 0/.test(text) && /HPC design PUE: must be between 1 and 3/.test(text), `notice: ${text}`);
      assert(!/site\.|hpc\.|grid_capacity_mw/.test(text), `a path in the notice: ${text}`);
      assert(await notice.getAttribute('role') === 'alert', 'not announced');
      assert(await page.inputValue('#site-grid-capacity-mw') === '150' && await kpi(page, 'incremental-npv') === before, 'the form changed');
      // The weight of a field's error: its colour and boldness.
      const look = (loc) => loc.evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).fontWeight]);
      const [color, weight] = await look(notice.locator('p.error'));
      await page.fill('#contract-rate-usd-per-kw-month', 'abc');
      const [errColor, errWeight] = await look(page.locator('[data-field="contract.rate_usd_per_kw_month"] .error'));
      assert(color === errColor && weight === errWeight, `file error ${color}/${weight}, field error ${errColor}/${errWeight}`);
      await page.fill('#contract-rate-usd-per-kw-month', '125');
      // A value of the wrong type; not JSON at all; a name the format does not know.
      await open('typed.json', JSON.stringify({ site: { grid_capacity_mw: 'abc' } }));
      await page.waitForFunction(() => /typed\.json/.test(document.querySelector('.file-problem')?.textContent));
      assert(/Grid capacity: should be a number, not the text "abc"/.test(await notice.textContent()), await notice.textContent());
      await open('notes.json', 'hello');
      await page.waitForFunction(() => /notes\.json/.test(document.querySelector('.file-problem')?.textContent));
      assert(/not a scenario file/.test(await notice.textContent()), await notice.textContent());
      await open('typo.json', JSON.stringify({ site: { grid_capcity_mw: 5 } }));
      await page.waitForFunction(() => /typo\.json/.test(document.querySelector('.file-problem')?.textContent));
      assert(/“grid_capcity_mw” is not an input of Site this page knows \(those are Grid capacity/.test(await notice.textContent()), await notice.textContent());
      // A good file opens and clears it.
      await open('good.json', JSON.stringify({ site: { grid_capacity_mw: 120 } }));
      await page.waitForFunction(() => document.querySelector('#site-grid-capacity-mw').value === '120');
      assert(await notice.count() === 0, 'the notice stayed after a good file');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the single file\'s "Copy link" says a link works only on this computer and offers "Save scenario"',
    run: async (ctx) => {
      const { context, close } = await launch();
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(pathToFileURL(join(ctx.dist, 'repower-standalone.html')).href);
        await waitForApp(page);
        await page.click('button:has-text("Copy link")');
        const status = await page.textContent('.status');
        assert(/works only here/.test(status) && /save it as a file/.test(status), `status: ${status}`);
        assert(!/file:\/\//.test(status), `a file address is offered: ${status}`);
        const offer = page.locator('.status button:has-text("Save scenario")');
        assert(await offer.isVisible(), 'no "Save scenario" beside the message');
        const [download] = await Promise.all([page.waitForEvent('download'), offer.click()]);
        assert(download.suggestedFilename() === 'repower-scenario.json', download.suggestedFilename());
        assert(errors.length === 0, errors.join('\n'));
      } finally {
        await close();
      }
      // Served over http, the link is copied as before.
      await withPage(ctx, async (page, errors, server) => {
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
        await page.click('button:has-text("Copy link")');
        await page.waitForFunction(() => document.querySelector('.status').textContent.includes('copied'));
        assert(await page.locator('.status button').count() === 0, 'an offer beside a copied link');
      });
    },
  },
  {
    name: 'screenshots at phone, laptop, 1280×720 and projector sizes, light and dark',
    run: async (ctx) => {
      const dir = join(ctx.artifacts, 'screenshots');
      mkdirSync(dir, { recursive: true });
      const index = [];
      for (const [name, vp] of [['phone', PHONE], ['laptop', LAPTOP], ['1280x720', SHARED], ['projector', PROJECTOR]]) {
        for (const scheme of ['light', 'dark']) {
          await withPage(ctx, async (page) => {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert(overflow <= 0, `${name} ${scheme}: the page is ${overflow}px wider than the screen`);
            const file = `first30-${name}-${scheme}.png`;
            await page.screenshot({ path: join(dir, file) });
            index.push(file);
            if (name === 'phone') {
              // Editing further down: the result bar over the inputs.
              await page.locator('#contract-rate-usd-per-kw-month').scrollIntoViewIfNeeded();
              await page.fill('#contract-rate-usd-per-kw-month', '160');
              await page.focus('#contract-rate-usd-per-kw-month');
              await page.screenshot({ path: join(dir, `first30-${name}-${scheme}-editing.png`) });
              index.push(`first30-${name}-${scheme}-editing.png`);
            }
            if (name === '1280x720') {
              await page.click('li[data-kpi="incremental-npv"] .kpi-help summary');
              await page.fill('#site-energy-price-usd-per-mwh', '300');
              await page.locator('.caution').waitFor();
              await page.screenshot({ path: join(dir, `first30-${name}-${scheme}-help.png`) });
              index.push(`first30-${name}-${scheme}-help.png`);
              await page.evaluate(() => document.querySelector('#chart-revenue').scrollIntoView({ block: 'start' }));
              const box = await rect(page, '#chart-revenue svg');
              await page.mouse.move(box.left + box.width * 0.5, box.top + box.height * 0.6);
              await page.waitForSelector('#chart-revenue .chart-mark');
              await page.screenshot({ path: join(dir, `first30-${name}-${scheme}-chart.png`) });
              index.push(`first30-${name}-${scheme}-chart.png`);
            }
          }, vp, scheme);
        }
      }
      writeFileSync(join(dir, 'first30.txt'), `${index.join('\n')}\n`);
    },
  },
];
