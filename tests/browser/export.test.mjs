// "Monthly cash flows": closed, it builds no table; opened, the evaluator's
// months with the totals of the build and of each contract year; both CSV
// files as Excel and LibreOffice read them (tests/export.rs checks every
// figure natively).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSite, watchErrors, waitForApp, assert } from './lib.mjs';

/** Money exact to the dollar as the page writes it (`$1,234`, `−$5`). */
const moneyExact = (x) => {
  const r = Math.round(Math.abs(x));
  const text = `$${r.toLocaleString('en-US')}`;
  return x < 0 && r !== 0 ? `−${text}` : text;
};

/** Clicks the button and returns the download's name and bytes. */
async function download(page, label, dir) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#cash-flows button:has-text("${label}")`)]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** A CSV file's lines, after checking its byte-order mark and CRLF ends. */
function lines(bytes, what) {
  assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, `${what}: no UTF-8 byte-order mark`);
  const text = bytes.subarray(3).toString('utf8');
  assert(text.endsWith('\r\n'), `${what}: the last line has no CRLF`);
  assert(!/[^\r]\n/.test(text), `${what}: a line end that is not CRLF`);
  assert(!/NaN|Infinity|\$/.test(text), `${what}: a NaN, an infinity or a currency sign`);
  return text.slice(0, -2).split('\r\n');
}

export const tests = [
  {
    name: 'the cash flows show when opened, with yearly totals, and download as CSV',
    run: ({ dist }) => withSite(dist, async ({ server, context }) => {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(server.url);
      await waitForApp(page);
      const section = page.locator('details#cash-flows');
      assert(await section.count() === 1, 'no "Monthly cash flows" section');
      assert(/^Monthly cash flows/.test((await section.locator('summary').textContent()).trim()), 'summary text');
      assert(await section.evaluate((d) => !d.open), 'the section starts open');
      assert(await page.locator('#cash-flows table').count() === 0, 'the table is built while the section is closed');

      const result = await page.evaluate(() => {
        const r = window.repower.evaluate(window.repower.defaults());
        return { monthly: r.monthly, c: r.derived.conversion_months, years: r.contract_annual_revenue_usd.length };
      });
      const n = result.monthly.length;
      const periods = result.years + (result.c > 0 ? 1 : 0);

      await section.locator('summary').click();
      await page.waitForSelector('#cash-flows table');
      const heads = await page.$$eval('#cash-flows thead th', (els) => els.map((e) => e.textContent));
      assert(heads[0] === 'Month (from 0)' && heads.includes('Contract revenue (USD)') && heads.includes('Leased critical IT (MW)'), `headers: ${heads}`);
      assert(heads.slice(1).every((h) => / \((USD|MW)\)$/.test(h)), `a header without its unit: ${heads}`);
      const months = await page.locator('#cash-flows tbody tr:not(.subtotal)').count();
      const totals = await page.locator('#cash-flows tbody tr.subtotal').count();
      assert(months === n, `rows: ${months}, months: ${n}`);
      assert(totals === periods, `subtotal rows: ${totals}, periods: ${periods}`);
      // A month's figures as the model has them; the first contract year's
      // totals right after its twelfth month.
      const col = heads.indexOf('Contract revenue (USD)');
      const cellsOf = (row) => row.locator('> *').allTextContents();
      const m20 = result.monthly[20];
      const row20 = await cellsOf(page.locator('#cash-flows tbody tr:not(.subtotal)').nth(20));
      assert(row20[0] === '20', `row of month 20: ${row20[0]}`);
      assert(row20[col] === moneyExact(m20.contract_revenue_usd), `month 20 rent: ${row20[col]}, model ${m20.contract_revenue_usd}`);
      const year1 = await cellsOf(page.locator('#cash-flows tbody tr.subtotal').nth(result.c > 0 ? 1 : 0));
      assert(year1[0] === `Contract year 1months ${result.c}–${result.c + 11}`, `first contract year's row: ${year1[0]}`);
      // It comes right after the contract year's twelfth month.
      const before = await page.locator(`#cash-flows tbody tr:nth-child(${result.c + (result.c > 0 ? 1 : 0) + 12})`).locator('th').textContent();
      assert(before === String(result.c + 11), `the row before the first contract year's totals is month ${before}`);
      const rent1 = result.monthly.slice(result.c, result.c + 12).reduce((a, r) => a + r.contract_revenue_usd, 0);
      assert(year1[col] === moneyExact(rent1), `year 1 rent: ${year1[col]}, months add to ${rent1}`);
      const text = await section.textContent();
      assert(!/NaN|undefined|Infinity/.test(text), 'NaN, undefined or Infinity in the section');

      const dir = mkdtempSync(join(tmpdir(), 'repower-csv-'));
      try {
        const monthly = await download(page, 'Monthly CSV', dir);
        assert(monthly.name === 'repower-monthly.csv', monthly.name);
        const rows = lines(monthly.bytes, monthly.name);
        assert(rows[0] === heads.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','), `CSV header: ${rows[0]}`);
        assert(rows.length === n + 1, `CSV rows: ${rows.length - 1}, months: ${n}`);
        const cells = rows[21].split(',');
        assert(cells[0] === '20' && Number(cells[col]) === m20.contract_revenue_usd, `CSV month 20: ${rows[21]}`);
        assert(/^Saved repower-monthly\.csv/.test(await page.textContent('#cash-flows [role=status]')), 'no word of the download');

        const annual = await download(page, 'Annual CSV', dir);
        assert(annual.name === 'repower-annual.csv', annual.name);
        const years = lines(annual.bytes, annual.name);
        assert(years[0].startsWith('Period,First month,Last month,"Leased critical IT, average (MW)",Contract revenue (USD),'), `annual header: ${years[0]}`);
        assert(years.length === periods + 1, `annual rows: ${years.length - 1}, periods: ${periods}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      // An edit while the section is open: the table follows the page's figures.
      const rent150 = await page.evaluate(() => {
        const s = window.repower.defaults();
        s.site.grid_capacity_mw = 150;
        return window.repower.evaluate(s).monthly[20].contract_revenue_usd;
      });
      await page.fill('#site-grid-capacity-mw', '150');
      await page.waitForFunction(([c, want]) => document.querySelectorAll('#cash-flows tbody tr:not(.subtotal)')[20]
        ?.children[c]?.textContent === want, [col, moneyExact(rent150)]);

      // An invalid input: the figures are marked and no file is offered.
      await page.fill('#contract-rate-usd-per-kw-month', 'abc');
      await page.waitForSelector('#cash-flows.stale');
      let downloaded = false;
      page.on('download', () => { downloaded = true; });
      await page.click('#cash-flows button:has-text("Monthly CSV")');
      await page.waitForTimeout(200);
      assert(!downloaded, 'a CSV was saved from out-of-date figures');
      const said = await page.textContent('#cash-flows [role=status]');
      assert(/not saved.*\(Lease rate\)/.test(said), `status: ${said}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
];
