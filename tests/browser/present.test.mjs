// Presentation mode, for a shared screen: in and out by the button and by
// the key P, six inputs as large steppers, presets one key away, the page
// as it was on leaving; screenshots at 1280×720 in both themes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { withSite, watchErrors, waitForApp, assert } from './lib.mjs';

const SHARED = { width: 1280, height: 720 };
const STAGE = [
  'site.grid_capacity_mw',
  'site.energy_price_usd_per_mwh',
  'mining.hashprice_usd_per_ph_day',
  'contract.rate_usd_per_kw_month',
  'hpc.capex_usd_per_mw',
  'hpc.conversion_months',
];

function withPage({ dist }, body, colorScheme = 'light') {
  return withSite(dist, async ({ server, context }) => {
    const page = await context.newPage();
    await page.setViewportSize(SHARED);
    await page.emulateMedia({ colorScheme });
    const errors = watchErrors(page);
    await page.goto(server.url);
    await waitForApp(page);
    await body(page, errors);
  });
}

const presenting = (page) => page.$eval('.app', (e) => e.classList.contains('presenting'));
const kpi = (page, id) => page.textContent(`li[data-kpi="${id}"] .kpi-value`);
const texts = (page) => page.$$eval('.inputs input.text', (es) => es.map((e) => [e.closest('[data-field]').dataset.field, e.value]));
const visible = (page, sel) => page.$$eval(sel, (es) => es.filter((e) => e.getClientRects().length > 0).length);
const fontSize = (page, sel) => page.$eval(sel, (e) => parseFloat(getComputedStyle(e).fontSize));
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

export const tests = [
  {
    name: 'P enters it where the page is scrolled: six inputs as steppers, large figures, presets on keys 1–9; Esc leaves the page as it was',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      const before = await texts(page);
      const editFont = await fontSize(page, 'li[data-kpi] .kpi-value');
      await page.evaluate(() => scrollTo(0, 600));
      await settle(page);
      const scrolled = await page.evaluate(() => scrollY);
      assert(scrolled > 300, `the page did not scroll (${scrolled})`);

      // (A click on the button would scroll it into view first.)
      await page.keyboard.press('p');
      await settle(page);
      assert(await presenting(page), 'P did not enter presentation mode');
      assert(await page.evaluate(() => document.activeElement?.id) === 'present-toggle', 'focus is not on the way out');
      assert(await page.evaluate(() => scrollY) === 0, 'the presentation does not start at the top');
      const fields = await page.$$eval('.stage .stage-field [data-field]', (es) => es.map((e) => e.dataset.field));
      assert(JSON.stringify(fields) === JSON.stringify(STAGE), `stage fields: ${fields}`);
      assert(await visible(page, '.stage .slider') === 6, 'not six sliders');
      assert(await visible(page, '.stage .step') === 12, 'not twelve steppers');
      assert(await visible(page, 'fieldset.group') === 0, 'the rest of the form is shown');
      assert(await visible(page, '.risk') === 0 && await visible(page, '.sources') === 0, 'the risk view or the sources are shown');
      assert(await visible(page, '[data-tool="copy"]') === 0, 'the file actions are shown');
      const bigFont = await fontSize(page, 'li[data-kpi] .kpi-value');
      assert(bigFont >= editFont * 1.3, `headline figures not larger: ${editFont} → ${bigFont} px`);
      // The headline cards and a wide first chart in a 1280×720 window.
      const card = await page.$eval('li[data-kpi]', (e) => e.getBoundingClientRect().toJSON());
      assert(card.top >= 0 && card.bottom <= SHARED.height, `first card out of the window: ${JSON.stringify(card)}`);
      const chart = await page.$eval('.results > .chart svg', (e) => e.getBoundingClientRect().width);
      assert(chart >= 800, `first chart only ${chart} px wide`);

      // A stepper moves its input and the figures follow.
      const price = '[data-field="site.energy_price_usd_per_mwh"] input.text';
      const npv = await kpi(page, 'incremental-npv');
      const was = await page.inputValue(price);
      await page.click('.stage-field:nth-child(3) .step[aria-label^="More"]');
      await settle(page);
      const now = await page.inputValue(price);
      assert(Number(now) > Number(was), `+ did not raise the energy price: ${was} → ${now}`);
      assert(await kpi(page, 'incremental-npv') !== npv, 'the NPV did not follow the stepper');

      // Presets one key away (the focus is on a button, not in a box).
      const second = await page.$eval('.stage-preset:nth-of-type(2)', (e) => e.textContent.replace(/^2\s*/, '').trim());
      await page.keyboard.press('2');
      await settle(page);
      const chosen = await page.$eval('.toolbar select', (s) => s.selectedOptions[0].textContent.trim());
      assert(chosen === second, `key 2 chose ${chosen}, not ${second}`);
      assert(await page.$eval('.stage-preset:nth-of-type(2)', (e) => e.getAttribute('aria-pressed')) === 'true', 'preset 2 not marked');

      await page.keyboard.press('Escape');
      await settle(page);
      assert(!(await presenting(page)), 'Escape did not leave');
      assert(await page.evaluate(() => document.activeElement?.id) === 'present-toggle', 'focus not back on the button');
      const back = await page.evaluate(() => scrollY);
      assert(Math.abs(back - scrolled) <= 2, `scroll not restored: ${scrolled} → ${back}`);
      assert(await visible(page, 'fieldset.group') > 5, 'the form did not come back');
      assert((await texts(page)).length === before.length, 'inputs lost on leaving');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the button enters it and P leaves it, but not while typing in a box',
    run: (ctx) => withPage(ctx, async (page, errors) => {
      await page.click('#present-toggle');
      await settle(page);
      assert(await presenting(page), 'the button did not enter');
      assert(await page.$eval('#present-toggle', (b) => b.getAttribute('aria-pressed')) === 'true', 'the button not pressed');
      await page.keyboard.press('P');
      await settle(page);
      assert(!(await presenting(page)), 'P did not leave');
      const box = '[data-field="site.grid_capacity_mw"] input.text';
      await page.focus(box);
      await page.keyboard.press('p');
      await page.keyboard.press('1');
      await settle(page);
      assert(!(await presenting(page)), 'P typed in a box entered presentation mode');
      const typed = await page.inputValue(box);
      assert(typed.endsWith('p1'), `the box lost what was typed: ${typed}`);
      // A digit outside presentation mode chooses no preset.
      await page.click('h1');
      const preset = await page.$eval('.toolbar select', (s) => s.value);
      await page.keyboard.press('3');
      await settle(page);
      assert(await page.$eval('.toolbar select', (s) => s.value) === preset, 'a digit chose a preset outside presentation mode');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'screenshots at 1280×720, light and dark',
    run: async (ctx) => {
      const dir = join(ctx.artifacts, 'screenshots');
      mkdirSync(dir, { recursive: true });
      for (const scheme of ['light', 'dark']) {
        await withPage(ctx, async (page, errors) => {
          await page.click('#present-toggle');
          await settle(page);
          await page.screenshot({ path: join(dir, `present-1280x720-${scheme}.png`) });
          assert(errors.length === 0, errors.join('\n'));
        }, scheme);
      }
    },
  },
];
