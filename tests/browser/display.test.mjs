// The display currency: results shown in another currency at a rate the
// reader types, labelled with the rate and its date on the cards, in each
// chart, the comparison and the cash flows; the model (and the inputs)
// stay in dollars; kept across a reload; a text that does not read is
// named and kept.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withPage, watchErrors, waitForApp, assert } from './lib.mjs';

const NOTE = 'In BRL at 5 per US dollar (rate of 1 December 2026)';
const CHART_NOTE = 'In BRL at 5 per US$, 2026-12-01';

/** The incremental NPV's exact figure, as the card's tooltip writes it. */
const exactNpv = (page) => page.textContent('#kpi-exact-incremental-npv');
/** The model's own incremental NPV, in dollars. */
const modelNpv = (page) => page.evaluate(() => window.repower.evaluate(window.repower.defaults()).incremental_npv_usd);
/** Dollars as the page writes money exactly, in units of a currency shown with `symbol`. */
const exactly = (symbol, x) => `${x < 0 ? '\u2212' : ''}${symbol}${Math.round(Math.abs(x)).toLocaleString('en-US')}`;

async function openDisplay(page) {
  if (!(await page.$('#display-currency[open]'))) await page.click('#display-currency > summary');
  await page.waitForSelector('#display-code', { state: 'visible' });
}

export const tests = [
  {
    name: 'figures in another currency at a typed rate, labelled with the rate and its date everywhere; kept across a reload; back to dollars',
    run: (ctx) => withPage(ctx, async (page, errors, server) => {
      const usd = await modelNpv(page);
      assert(await exactNpv(page) === exactly('$', usd), `dollars first: ${await exactNpv(page)}`);
      await openDisplay(page);
      await page.fill('#display-code', 'brl');
      // A code alone does not read yet: the rate and its date are asked for, figures stay in dollars.
      await page.waitForSelector('#display-rate-error');
      assert(/^Units per US dollar: /.test(await page.textContent('#display-rate-error')), 'the rate\'s message does not name it');
      assert(/^Rate's date: /.test(await page.textContent('#display-rate-date-error')), 'the date\'s message does not name it');
      assert(await page.locator('.currency-note').count() === 0, 'a note before the currency reads');
      await page.fill('#display-rate', '5');
      await page.fill('#display-rate-date', '2026-12-01');
      await page.waitForFunction((note) => document.querySelector('.headline .currency-note')?.textContent === note, NOTE);
      // The card: five reais a dollar, to the real.
      assert(await exactNpv(page) === exactly('R$', usd * 5), `the card in reais: ${await exactNpv(page)} against ${exactly('R$', usd * 5)}`);
      assert((await page.textContent('li[data-kpi="incremental-npv"] .kpi-value')).startsWith('R$'), 'the card\'s figure');
      // The model and the inputs stay in dollars.
      assert(await modelNpv(page) === usd, 'the model changed');
      assert(await page.inputValue('#site-energy-price-usd-per-mwh') === '45', 'an input changed');
      // Each chart says so, and shows no dollar amount.
      for (const id of ['chart-revenue', 'chart-energy', 'chart-bridge', 'chart-build-time']) {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        await page.waitForFunction(([id, note]) => document.querySelector(`#${id} .svg-frame[data-current="true"] svg`)?.textContent.includes(note), [id, CHART_NOTE]);
        const text = await page.$eval(`#${id} svg`, (s) => [...s.querySelectorAll('text')].map((t) => t.textContent.trim()));
        assert(!text.some((t) => /(^|[^R])\$\d/.test(t) && !t.startsWith('In BRL')), `${id}: an amount in dollars: ${text.filter((t) => /\$/.test(t))}`);
      }
      // The cash flows' columns say which currency, at what rate, of when.
      await page.click('#cash-flows > summary');
      await page.waitForSelector('#cash-flows thead th');
      const heads = await page.$$eval('#cash-flows thead th', (ths) => ths.map((t) => t.textContent));
      assert(heads.some((h) => h.includes('(BRL at 5 per USD on 2026-12-01)')) && !heads.some((h) => h.includes('(USD)')), `cash-flow headers: ${heads}`);
      // And the CSV file: the same headers, month 20's rent five times the model's.
      const dir = mkdtempSync(join(tmpdir(), 'repower-brl-'));
      try {
        const [d] = await Promise.all([page.waitForEvent('download'), page.click('#cash-flows button:has-text("Monthly CSV")')]);
        const path = join(dir, d.suggestedFilename());
        await d.saveAs(path);
        const rows = readFileSync(path).subarray(3).toString('utf8').split('\r\n');
        const head = rows[0].split(',');
        const col = head.indexOf('Contract revenue (BRL at 5 per USD on 2026-12-01)');
        const rent20 = await page.evaluate(() => window.repower.evaluate(window.repower.defaults()).monthly[20].contract_revenue_usd);
        assert(col > 0 && !rows[0].includes('USD)'), `CSV header: ${rows[0]}`);
        assert(Number(rows[21].split(',')[col]) === rent20 * 5, `CSV month 20 rent: ${rows[21].split(',')[col]} against ${rent20 * 5}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // The risk view (its worker draws the charts): in reais, labelled.
      await page.click('#risk > summary');
      await page.waitForFunction((note) => [...document.querySelectorAll('#risk svg')].some((s) => s.textContent.includes(note)), CHART_NOTE, { timeout: 30_000 });
      const riskText = await page.textContent('#risk .risk-figures');
      assert(/R\$/.test(riskText) && !/(^|[^R])\$\d/.test(riskText.replaceAll(CHART_NOTE, '')), `the risk view in dollars: ${riskText.match(/.{20}[^R]\$\d.{20}/)?.[0]}`);
      await page.click('#risk > summary');
      mkdirSync(join(ctx.artifacts, 'screenshots'), { recursive: true });
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: join(ctx.artifacts, 'screenshots', 'display-currency.png') });

      // A rate mistyped: named, kept as typed; the figures stay in reais at 5.
      await page.fill('#display-rate', '5,x');
      await page.waitForSelector('#display-rate-error');
      assert(await page.inputValue('#display-rate') === '5,x', 'the typed rate was changed');
      assert(await page.textContent('.headline .currency-note') === NOTE, 'the figures left the last rate that read');
      await page.fill('#display-rate', '5');
      await page.waitForFunction(() => !document.querySelector('#display-rate-error'));

      // Kept across a reload (this browser's storage), the first paint included.
      await page.reload();
      await waitForApp(page);
      assert(await page.textContent('.headline .currency-note') === NOTE, 'the currency was not kept');
      assert(await exactNpv(page) === exactly('R$', usd * 5), 'the figures after a reload');
      await openDisplay(page);
      assert(await page.inputValue('#display-code') === 'brl', 'the code as typed');

      // A fresh visit to a page whose reader keeps another currency never
      // shows the prerendered dollars.
      const fresh = await page.context().newPage();
      const errs = watchErrors(fresh);
      await fresh.goto(server.url, { waitUntil: 'domcontentloaded' });
      assert(await fresh.evaluate(() => !document.documentElement.hasAttribute('data-defaults')), 'the prerendered dollars shown to a reader of reais');
      await waitForApp(fresh);
      assert(errs.length === 0, errs.join('\n'));
      await fresh.close();

      // Back to dollars: nothing kept, no note.
      await page.fill('#display-code', 'USD');
      await page.fill('#display-rate', '');
      await page.fill('#display-rate-date', '');
      await page.waitForFunction(() => !document.querySelector('.currency-note'));
      assert(await exactNpv(page) === exactly('$', usd), 'back in dollars');
      assert(await page.evaluate(() => localStorage.getItem('repower.display')) === null, 'a currency still kept');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
];
