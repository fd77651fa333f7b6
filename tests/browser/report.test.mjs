// The report: the Report button prints the page as a report (its head, the
// figures, the charts, the sources; no control), light on paper in either
// theme, one to three A4 pages; its link reopens the same figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSite, watchErrors, waitForApp, assert } from './lib.mjs';

const LAPTOP = { width: 1366, height: 900 };
const kpi = (page, id) => page.textContent(`li[data-kpi="${id}"] .kpi-value`);
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Clicks Report with the print dialog replaced by a counter; the page is
 * then shown as printed. */
async function report(page) {
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.click('[data-tool="report"]');
  await settle(page);
  assert(await page.evaluate(() => window.__printed) === 1, 'Report did not open the print dialog once');
  await page.emulateMedia({ media: 'print' });
  await settle(page);
}

/** Elements a reader can see. */
const shown = (page, sel) => page.$$eval(sel, (es) => es.filter((e) => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
}).length);

export const tests = [
  {
    name: 'Report prints the head, figures, charts and sources, no control, in one to three A4 pages',
    run: ({ dist, artifacts }) => withSite(dist, async ({ server, context }) => {
      const page = await context.newPage();
      await page.setViewportSize(LAPTOP);
      await page.emulateMedia({ colorScheme: 'dark' });
      const errors = watchErrors(page);
      await page.goto(server.url);
      await waitForApp(page);
      // Two inputs changed from the preset.
      const price = '[data-field="site.energy_price_usd_per_mwh"] input.text';
      await page.fill(price, '52');
      await page.fill('[data-field="contract.rate_usd_per_kw_month"] input.text', '140');
      await settle(page);
      const npv = await kpi(page, 'incremental-npv');
      assert(await page.$$eval('.report-head', (e) => e.length) === 0, 'the report head is on the page before printing');

      await report(page);
      const head = await page.textContent('.report-head');
      for (const want of ['Repower report', 'Generic 100 MW site, edited', 'Model version 2', 'Inputs that differ from Generic 100 MW site', 'Energy price', 'Lease rate']) {
        assert(head.includes(want), `the report's head lacks "${want}": ${head}`);
      }
      assert(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/.test(head), `no date: ${head}`);
      const rows = await page.$$eval('.report-inputs tbody tr', (rs) => rs.map((r) => r.textContent));
      assert(rows.length === 2, `changed inputs: ${rows}`);
      assert(await shown(page, 'button, input, select, textarea, summary') === 0, 'a control is printed');
      assert(await shown(page, 'li[data-kpi]') >= 9, 'the headline figures are not printed');
      assert(await shown(page, '.results > .chart svg') === 4, 'not four charts printed');
      assert(await shown(page, '.sources') === 1, 'the sources are not printed');
      const breaks = await page.$$eval('.results > .chart', (cs) => cs.map((c) => getComputedStyle(c).breakInside));
      assert(breaks.every((b) => b === 'avoid'), `a chart may be cut across pages: ${breaks}`);
      // Light on paper though the page is dark.
      const bg = await page.$eval('.chart', (c) => getComputedStyle(c).backgroundColor);
      assert(bg === 'rgb(255, 255, 255)', `chart background on paper: ${bg}`);
      const svgText = await page.$eval('.results > .chart svg', (s) => s.outerHTML);
      assert(!/#12151a|#1b2027/i.test(svgText), 'a chart is drawn in the dark theme on paper');
      const link = await page.getAttribute('.report-link a', 'href');
      assert(link.includes('#') && link.includes('contract.rate_usd_per_kw_month=140'), `link: ${link}`);

      const dir = join(artifacts, 'screenshots');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'report-print-media.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(artifacts, 'report.pdf'), pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert(pages >= 1 && pages <= 3, `the report takes ${pages} A4 pages`);
      const letter = await page.pdf({ format: 'Letter', printBackground: true });
      const letterPages = (letter.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert(letterPages >= 1 && letterPages <= 3, `the report takes ${letterPages} Letter pages`);

      // After printing, the page is the page again.
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => dispatchEvent(new Event('afterprint')));
      await settle(page);
      assert(await page.$$eval('.report-head', (e) => e.length) === 0, 'the report head stays after printing');

      // The link reopens the same figures in a fresh browser.
      const other = await context.browser().newContext();
      const fresh = await other.newPage();
      await fresh.goto(link);
      await waitForApp(fresh);
      assert(await kpi(fresh, 'incremental-npv') === npv, 'the report\'s link opens other figures');
      assert(await fresh.inputValue(price) === '52', 'the link lost the energy price');
      await other.close();
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
];
