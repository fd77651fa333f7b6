// Brazilian Portuguese: chosen from the browser's language, switched on the
// page and remembered, carried in links; every text from the catalogue;
// numbers written and read the Portuguese way (1.234,5; US$ 1,85 bi).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, watchErrors, waitForApp, assert } from './lib.mjs';

const ENERGY = '#site-energy-price-usd-per-mwh';
const CAPEX = '[data-field="hpc.capex_usd_per_mw"] input[type="text"]';

/** The catalogue, as the repository holds it. */
const catalogue = (root) => JSON.parse(readFileSync(join(root, 'www/lang/pt-BR.json'), 'utf8'));

/** The incremental NPV's exact figure, as the card's tooltip writes it. */
const exactNpv = (page) => page.textContent('#kpi-exact-incremental-npv');

/** The model's incremental NPV at an energy price, in dollars. */
const modelNpv = (page, energy) => page.evaluate((energy) => {
  const s = window.repower.defaults();
  s.site.energy_price_usd_per_mwh = energy;
  return window.repower.evaluate(s).incremental_npv_usd;
}, energy);

/** Dollars exactly as the page writes them in Portuguese: US$ 1.234.567. */
const reais = (x) => `${x < 0 ? '\u2212' : ''}US$\u00a0${Math.round(Math.abs(x)).toLocaleString('pt-BR')}`;

/** A fresh browser whose language is `locale`, on a fresh server. */
async function withBrowser({ dist }, locale, body) {
  const server = await serve(dist);
  const { context, close } = await launch({ locale });
  try {
    await body(context, server);
  } finally {
    await close();
    await server.stop();
  }
}

async function open(context, url) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await waitForApp(page);
  return { page, errors };
}

/**
 * The English texts of the catalogue still on the page: every text node's
 * text and every label an attribute gives (aria-label, title, placeholder),
 * each as a whole, that is an English text whose translation differs.
 */
const englishLeft = (page, pt) => page.evaluate((pt) => {
  const english = new Set(Object.entries(pt).filter(([en, said]) => en !== said && /[a-z]{3}/.test(en)).map(([en]) => en));
  const found = new Set();
  const walker = document.createTreeWalker(document.querySelector('#repower'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest('script, style, [lang="en"]')) continue;
    if (english.has(n.textContent.trim())) found.add(n.textContent.trim());
  }
  for (const e of document.querySelectorAll('#repower [aria-label], #repower [title], #repower [placeholder]')) {
    if (e.closest('[lang="en"]')) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = e.getAttribute(a);
      if (v && english.has(v.trim())) found.add(`${a}="${v}"`);
    }
  }
  return [...found];
}, pt);

/** The files a page fetched, by name. */
const names = (fetched) => fetched.join(', ');

/** What every text of the page says, in reading order (no script or style). */
const pageText = (page) => page.evaluate(() => document.querySelector('#repower').innerText);

export const tests = [
  {
    name: 'a Portuguese browser gets the page in Portuguese: labels, cards and charts from the catalogue, numbers with a decimal comma',
    run: (ctx) => withBrowser(ctx, 'pt-BR', async (context, server) => {
      const pt = catalogue(ctx.root);
      const fetched = [];
      context.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
      const { page, errors } = await open(context, server.url);
      assert(await page.getAttribute('html', 'lang') === 'pt-BR', `html lang ${await page.getAttribute('html', 'lang')}`);
      // The first visit fetches the page's Portuguese build, its texts built
      // in: not the English wasm, no catalogue.
      assert(fetched.some((f) => /^repower-web-pt-[0-9a-f]{16}_bg\.wasm$/.test(f)), `the Portuguese page's wasm: ${names(fetched)}`);
      assert(!fetched.some((f) => /^repower-web-[0-9a-f]+_bg\.wasm$/.test(f)), `the English page's wasm: ${names(fetched)}`);
      assert(!fetched.some((f) => f.startsWith('pt-BR-')), `texts fetched on the first visit: ${names(fetched)}`);
      assert(await page.textContent('[data-tool="language"]') === 'English', 'the switch does not offer English');
      assert(await page.getAttribute('[data-tool="language"]', 'lang') === 'en', 'the offer of English is not marked as English');
      // Labels, units and headings come from the catalogue.
      const label = await page.textContent('[data-field="site.grid_capacity_mw"] label');
      assert(label.includes(pt['Grid capacity']), `the grid capacity's label: ${label}`);
      const title = await page.textContent('#chart-energy h2');
      assert(!/Energy price/.test(title), `the energy chart's title: ${title}`);
      // Numbers: the form and the cards write them the Portuguese way.
      assert(await page.inputValue(CAPEX) === '9.500.000', `capex per MW: ${await page.inputValue(CAPEX)}`);
      const usd = await modelNpv(page, 45);
      assert(await exactNpv(page) === reais(usd), `the card's exact NPV ${await exactNpv(page)} against ${reais(usd)}`);
      const card = await page.textContent('li[data-kpi="incremental-npv"] .kpi-value');
      assert(/^\u2212?US\$\u00a0\d+(,\d+)?\u00a0(mil|mi|bi|tri)$/.test(card.trim()), `the card's short figure: ${card}`);
      // On a phone, the answer kept in view fits its longer Portuguese figures side by side.
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: 844 });
        const boxes = await page.$$eval('.result-bar .bar-value', (vs) => vs.map((v) => { const r = v.getBoundingClientRect(); return [r.left, r.right]; }));
        assert(boxes.length === 3, `the result bar's figures: ${boxes.length}`);
        for (let i = 1; i < boxes.length; i++) {
          assert(boxes[i][0] >= boxes[i - 1][1] + 6, `${width} px: the result bar's figures ${i} and ${i + 1} touch or overlap: ${JSON.stringify(boxes)}`);
        }
      }
      await page.setViewportSize({ width: 1366, height: 900 });
      // No English word of the main texts is left on the page.
      const text = await pageText(page);
      for (const english of ['Grid capacity', 'Energy price', 'Scenario', 'Copy link', 'Monthly cash flows', 'Saved scenarios', 'Incremental NPV']) {
        assert(!text.includes(english), `"${english}" is still on the Portuguese page`);
      }
      // Nor any text of the catalogue, every section open, every chart drawn.
      await page.$$eval('#repower details.advanced:not([open]) > summary', (ss) => ss.forEach((s) => s.click()));
      for (const chart of await page.$$('.chart-card')) await chart.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelectorAll('.chart-card [aria-busy="true"]').length === 0);
      const left = await englishLeft(page, pt);
      assert(left.length === 0, `English texts on the Portuguese page: ${left.join(' | ')}`);
      // The extra module's texts come with it: "Saved scenarios" speaks Portuguese.
      await page.click('summary[data-tool="saved"]');
      await page.waitForSelector('.saved-panel .saved-inner', { state: 'visible' });
      // Its texts, both parts of the catalogue (the page fetched none).
      assert(fetched.some((f) => /^pt-BR-[0-9a-f]{16}\.txt$/.test(f)), `the extra module's texts, the page's part: ${names(fetched)}`);
      assert(fetched.some((f) => /^pt-BR-later-[0-9a-f]{16}\.txt$/.test(f)), `the extra module's texts, its own part: ${names(fetched)}`);
      const panel = await page.textContent('.saved-panel');
      assert(panel.includes(pt['Save as…']) && !panel.includes('Save as…'), `"Saved scenarios" in English: ${panel}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'typed numbers are read the Portuguese way: 45,5 is forty-five and a half; 45.5 is refused, naming the field',
    run: (ctx) => withBrowser(ctx, 'pt-BR', async (context, server) => {
      const pt = catalogue(ctx.root);
      const { page, errors } = await open(context, server.url);
      await page.fill(ENERGY, '45,5');
      const usd = await modelNpv(page, 45.5);
      await page.waitForFunction((want) => document.querySelector('#kpi-exact-incremental-npv').textContent === want, reais(usd));
      await page.fill(ENERGY, '1.234,5');
      await page.waitForFunction((want) => document.querySelector('#kpi-exact-incremental-npv').textContent === want, reais(await modelNpv(page, 1234.5)));
      await page.fill(ENERGY, '45.5');
      await page.waitForSelector(`${ENERGY}[aria-invalid="true"]`);
      // Beside its input, labelled in Portuguese, the message says why in Portuguese.
      const message = await page.textContent('#site-energy-price-usd-per-mwh-error');
      const label = await page.textContent('[data-field="site.energy_price_usd_per_mwh"] label');
      assert(label.includes(pt['Energy price']), `the field's label: ${label}`);
      assert(message.includes('vírgula'), `the message is not Portuguese: ${message}`);
      assert(message.includes('45,5'), `the message does not suggest 45,5: ${message}`);
      assert(await page.inputValue(ENERGY) === '45.5', 'what was typed was changed');
      // The figures stay those of the last text that read.
      assert(await exactNpv(page) === reais(await modelNpv(page, 1234.5)), 'the figures moved on a text that does not read');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the switch changes the language in place of the figures, keeps what was typed, is remembered, and a link carries it',
    run: (ctx) => withBrowser(ctx, 'en-US', async (context, server) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const fetched = [];
      context.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
      const { page, errors } = await open(context, server.url);
      assert(await page.getAttribute('html', 'lang') === 'en', 'an English browser does not get English');
      // English: the English page's wasm, not the Portuguese build.
      assert(fetched.some((f) => /^repower-web-[0-9a-f]+_bg\.wasm$/.test(f)), `the English page's wasm: ${names(fetched)}`);
      assert(!fetched.some((f) => f.startsWith('repower-web-pt-')), `the Portuguese page's wasm on an English visit: ${names(fetched)}`);
      await page.fill(ENERGY, '45.5');
      await page.fill('#site-grid-capacity-mw', '1,234.5');
      const usd = await modelNpv(page, 45.5);
      await Promise.all([
        page.waitForEvent('load'),
        page.click('[data-tool="language"][lang="pt-BR"]'),
      ]);
      await waitForApp(page);
      assert(await page.getAttribute('html', 'lang') === 'pt-BR', 'the switch did not change the language');
      // What was typed, the same numbers in Portuguese marks.
      assert(await page.inputValue(ENERGY) === '45,5', `energy price after the switch: ${await page.inputValue(ENERGY)}`);
      assert(await page.inputValue('#site-grid-capacity-mw') === '1.234,5', `grid capacity: ${await page.inputValue('#site-grid-capacity-mw')}`);
      const grid = await page.evaluate(() => { const s = window.repower.defaults(); s.site.grid_capacity_mw = 1234.5; s.site.energy_price_usd_per_mwh = 45.5; return window.repower.evaluate(s).incremental_npv_usd; });
      assert(await exactNpv(page) === reais(grid), `figures after the switch: ${await exactNpv(page)} against ${reais(grid)}`);
      // Remembered across a reload and a new tab.
      await page.reload();
      await waitForApp(page);
      assert(await page.getAttribute('html', 'lang') === 'pt-BR', 'the language was not remembered');
      // A link made in Portuguese opens in Portuguese, anywhere.
      await page.click('button[data-tool="copy"]');
      await page.waitForFunction(() => document.querySelector('.status').textContent.trim() !== '');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert(link.includes('lang=pt-BR'), `the link does not carry the language: ${link}`);
      await withBrowser(ctx, 'en-US', async (elsewhere) => {
        const other = await elsewhere.newPage();
        await other.goto(link);
        await waitForApp(other);
        assert(await other.getAttribute('html', 'lang') === 'pt-BR', 'the link did not open in Portuguese');
        assert(await other.inputValue(ENERGY) === '45,5', `the link's energy price: ${await other.inputValue(ENERGY)}`);
        assert(await exactNpv(other) === reais(grid), 'the link opened with other figures');
        // The reader may still choose English: the link's language does not stick to the address.
        await Promise.all([other.waitForEvent('load'), other.click('[data-tool="language"][lang="en"]')]);
        await waitForApp(other);
        assert(await other.getAttribute('html', 'lang') === 'en', 'English could not be chosen after a Portuguese link');
        assert(await other.inputValue(ENERGY) === '45.5', `the link's energy price in English: ${await other.inputValue(ENERGY)}`);
      });
      // And back to English: the same numbers in English marks.
      await Promise.all([
        page.waitForEvent('load'),
        page.click('[data-tool="language"][lang="en"]'),
      ]);
      await waitForApp(page);
      assert(await page.getAttribute('html', 'lang') === 'en', 'back to English');
      assert(await page.inputValue(ENERGY) === '45.5', `energy price back in English: ${await page.inputValue(ENERGY)}`);
      assert(usd !== grid, 'the two scenarios should differ');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the report and the monthly CSV file in Portuguese: headings and headers from the catalogue, the link in the report carries the language',
    run: (ctx) => withBrowser(ctx, 'pt-BR', async (context, server) => {
      const pt = catalogue(ctx.root);
      const { page, errors } = await open(context, server.url);
      // The report, as printed.
      await page.evaluate(() => { window.print = () => {}; });
      await page.click('[data-tool="report"]');
      await page.emulateMedia({ media: 'print' });
      await page.waitForSelector('.report-head');
      const head = await page.textContent('.report-head');
      assert(head.includes('lang=pt-BR'), `the report's link does not carry the language: ${head}`);
      const printed = await pageText(page);
      for (const english of ['Should we convert?', 'Model version', 'Sources']) {
        assert(!printed.includes(english), `"${english}" is on the Portuguese report`);
      }
      await page.emulateMedia({ media: 'screen' });
      // The monthly cash flows and their CSV file.
      await page.click('#cash-flows > summary');
      await page.waitForSelector('#cash-flows thead th');
      const heads = await page.$$eval('#cash-flows thead th', (ths) => ths.map((t) => t.textContent));
      assert(heads[0] === pt['Month (from 0)'], `the first column: ${heads[0]}`);
      const dir = mkdtempSync(join(tmpdir(), 'repower-lang-'));
      try {
        const buttons = await page.$$eval('#cash-flows button', (bs) => bs.map((b) => b.textContent));
        const monthly = buttons.find((b) => /mensal/i.test(b));
        assert(monthly, `no monthly CSV button among ${buttons}`);
        const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#cash-flows button:has-text("${monthly}")`)]);
        const path = join(dir, d.suggestedFilename());
        await d.saveAs(path);
        const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
        const header = text.split('\r\n')[0];
        assert(header.startsWith(`"${pt['Month (from 0)']}"`) || header.startsWith(pt['Month (from 0)']), `the CSV header: ${header}`);
        // As spreadsheets set to Portuguese read it: semicolons, one number
        // format with a decimal comma and no thousands marks.
        const row = text.split('\r\n')[20].split(';');
        assert(row.length === header.split(';').length && row.length > 5, `a CSV row: ${row}`);
        assert(row.every((cell) => /^-?\d+(,\d+)?(e-?\d+)?$/.test(cell)), `a CSV row: ${row}`);
        assert(row.some((cell) => cell.includes(',')), `no decimal comma in month 19: ${row}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the risk view and its worker speak Portuguese: their texts come with the extra module',
    run: (ctx) => withBrowser(ctx, 'pt-BR', async (context, server) => {
      const pt = catalogue(ctx.root);
      const { page, errors } = await open(context, server.url);
      await page.click('#risk > summary');
      await page.waitForSelector('#risk[data-risk-state="done"]', { timeout: 20000 });
      const text = await page.textContent('#risk');
      // The tornado's title and the figures' caption: texts of the catalogue's later part.
      const over = pt['over {paths} paths (seed {seed})'].replace('{paths}', '2.000').replace('{seed}', '1');
      for (const [english, said] of [['What moves the value most', pt['What moves the value most']], ['over 2,000 paths (seed 1)', over]]) {
        assert(text.includes(said), `the risk view lacks "${said}"`);
        assert(!text.includes(english), `the risk view says "${english}"`);
      }
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'when the Portuguese texts cannot be fetched, the page speaks Portuguese all the same (built in) and the extra module says why',
    run: (ctx) => withBrowser(ctx, 'pt-BR', async (context, server) => {
      const pt = catalogue(ctx.root);
      await context.route(/pt-BR-(later-)?[0-9a-f]{16}\.txt$/, (route) => route.abort());
      const { page } = await open(context, server.url);
      assert(await page.getAttribute('html', 'lang') === 'pt-BR', 'the page does not say it speaks Portuguese');
      assert(await page.inputValue(CAPEX) === '9.500.000', 'the form is not in Portuguese');
      assert((await page.textContent('[data-field="site.grid_capacity_mw"] label')).includes(pt['Grid capacity']), 'a label');
      await page.click('#cash-flows > summary');
      await page.waitForFunction(() => /texts could not be fetched/.test(document.querySelector('#cash-flows').textContent));
    }),
  },
  {
    name: 'the single file speaks Portuguese too, with no server: the page and the extra module',
    run: async ({ dist, root }) => {
      const pt = catalogue(root);
      const { context, close } = await launch({ locale: 'pt-BR' });
      try {
        const { page, errors } = await open(context, `file://${join(dist, 'repower-standalone.html')}`);
        assert(await page.getAttribute('html', 'lang') === 'pt-BR', 'the single file is not in Portuguese');
        assert((await page.textContent('[data-field="site.grid_capacity_mw"] label')).includes(pt['Grid capacity']), 'a label');
        assert(await page.inputValue(CAPEX) === '9.500.000', 'the form');
        await page.click('#cash-flows > summary');
        await page.waitForSelector('#cash-flows thead th');
        assert(await page.textContent('#cash-flows thead th') === pt['Month (from 0)'], 'the extra module speaks English');
        assert(errors.length === 0, errors.join('\n'));
      } finally {
        await close();
      }
    },
  },
];
