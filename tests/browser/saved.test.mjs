// Saved scenarios: named scenarios kept in this browser's storage, listed
// across reloads, opened with the figures they had; storage that is full,
// unavailable or holds items that do not read says so and loses nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSite, withPage, watchErrors, waitForApp, assert, launch } from './lib.mjs';

const PREFIX = 'repower.saved.';

/** Every headline figure, by card. */
const headline = (page) => page.$$eval('li[data-kpi]', (els) => Object.fromEntries(
  els.map((e) => [e.dataset.kpi, e.querySelector('.kpi-value')?.textContent]),
));
/** Waits until the headline figures differ from `before`. */
const changed = (page, before) => page.waitForFunction((b) => {
  const now = Object.fromEntries([...document.querySelectorAll('li[data-kpi]')]
    .map((e) => [e.dataset.kpi, e.querySelector('.kpi-value')?.textContent]));
  return JSON.stringify(now) !== b;
}, JSON.stringify(before));
const same = (a, b, what) => assert(JSON.stringify(a) === JSON.stringify(b),
  `${what}: figures ${JSON.stringify(a)} are not ${JSON.stringify(b)}`);
/** The items under our prefix, by key. */
const stored = (page) => page.evaluate((prefix) => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)]),
), PREFIX);
const names = (page) => page.$$eval('.saved-entries .saved-name', (els) => els.map((e) => e.textContent));
const row = (page, name) => page.locator('.saved-entries li', { has: page.locator('.saved-name', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });

async function openList(page) {
  if (!(await page.$('details.saved[open]'))) await page.click('summary[data-tool="saved"]');
  await page.waitForSelector('.saved-panel .saved-inner', { state: 'visible' });
}
async function closeList(page) {
  if (await page.$('details.saved[open]')) await page.click('summary[data-tool="saved"]');
}
async function saveAs(page, name) {
  await openList(page);
  await page.fill('input[name="saved-name"]', name);
  await page.click('.save-as button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('.saved-status')?.textContent !== '');
  return page.textContent('.saved-status');
}
async function edit(page, id, text) {
  const before = await headline(page);
  await page.fill(id, text);
  await changed(page, before);
}

/** The page (lib's `withPage`), which must log no error. */
function withCleanPage(ctx, body, viewport) {
  return withPage(ctx, async (page, errors, ...rest) => {
    await body(page, errors, ...rest);
    assert(errors.length === 0, errors.join('\n'));
  }, viewport);
}

export const tests = [
  {
    name: 'a first visit does not fetch the extra module; opening "Saved scenarios" does, once for the cash flows too',
    run: ({ dist }) => withSite(dist, async ({ server, context }) => {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const asked = [];
      page.on('request', (r) => asked.push(r.url()));
      await page.goto(server.url);
      await waitForApp(page);
      await page.waitForTimeout(800);
      const extra = () => asked.filter((u) => /repower-extra-/.test(u));
      assert(extra().length === 0, `fetched on a first visit: ${extra()}`);
      await openList(page);
      assert(extra().length === 2 && extra().some((u) => u.endsWith('.js')) && extra().some((u) => u.endsWith('_bg.wasm')),
        `fetched for saved scenarios: ${extra()}`);
      await page.click('#cash-flows > summary');
      await page.waitForSelector('#cash-flows table');
      assert(extra().length === 2, `fetched again for the cash flows: ${extra()}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'two saved scenarios compared: each headline figure of A and B with the change, the inputs that differ; a phone shows rows',
    run: (ctx) => withCleanPage(ctx, async (page) => {
      const card = (id) => page.textContent(`li[data-kpi="${id}"] .kpi-value`);
      const npvA = await card('incremental-npv');
      const irrA = await card('incremental-irr');
      await saveAs(page, 'Base <b>case</b>');
      await closeList(page);
      await edit(page, '#site-grid-capacity-mw', '150');
      await edit(page, '#contract-rate-usd-per-kw-month', '140');
      const npvB = await card('incremental-npv');
      await saveAs(page, 'Bigger');
      await page.selectOption('select[name="a"]', { label: 'Base <b>case</b>' });
      await page.selectOption('select[name="b"]', { label: 'Bigger' });
      await page.click('.saved-compare button[type="submit"]');
      await page.waitForSelector('.saved-comparison');
      // Names are shown as typed, never as markup.
      assert(await page.textContent('.compared') === 'A: Base <b>case</b> · B: Bigger', `names: ${await page.textContent('.compared')}`);
      assert(await page.locator('.saved-comparison b').count() === 0, 'a saved name became markup');
      const rows = await page.$$eval('.compare-figures tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      const npv = rows.find((r) => r[0] === 'Incremental NPV');
      assert(npv && npv[1] === npvA && npv[2] === npvB, `NPV row ${npv} against the cards ${npvA}, ${npvB}`);
      assert(/^\+\$\d/.test(npv[3]) && /\s\(\+[\d.]+\s%\)$/.test(npv[3]), `NPV change: ${npv[3]}`);
      const irr = rows.find((r) => r[0] === 'Project IRR');
      assert(irr && irr[1] === irrA.trim() && /\spts\s/.test(irr[3]), `IRR row: ${irr}`);
      assert(rows.length >= 14 && rows.every((r) => r.length === 4 && !/NaN|undefined|Infinity/.test(r.join())), `rows: ${JSON.stringify(rows)}`);
      const inputs = await page.$$eval('.compare-inputs tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      assert(JSON.stringify(inputs) === JSON.stringify([
        ['Site: Grid capacity (MW)', '100', '150'],
        ['Contract: Lease rate ($/kW-month)', '125', '140'],
      ]), `inputs that differ: ${JSON.stringify(inputs)}`);
      // Each chart drawn for A and B: both named, B dashed; its numbers are
      // the page's own for the scenario in the form (B, "Bigger").
      const charts = () => page.$$eval('.saved-comparison .compare-chart', (fs) => fs.map((f) => ({
        id: f.dataset.chart,
        text: f.querySelector('svg')?.textContent || '',
        dashed: f.querySelectorAll('svg polyline[stroke-dasharray]').length,
        rows: [...f.querySelectorAll('.numbers tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      })));
      const pageYear1 = () => page.$eval('#chart-revenue .numbers tbody tr', (tr) => tr.children[1].textContent);
      let drawn = await charts();
      assert(JSON.stringify(drawn.map((c) => c.id)) === '["revenue","build_time","energy","bridge"]', `charts: ${drawn.map((c) => c.id)}`);
      for (const c of drawn) {
        assert(c.text.includes('A: Base <b>case</b>') && c.text.includes('B: Bigger'), `${c.id}: names in the legend: ${c.text.slice(0, 200)}`);
        assert(c.dashed >= 2, `${c.id}: ${c.dashed} dashed lines`);
        assert(c.rows.length > 0 && c.rows.every((r) => !/NaN|undefined|Infinity/.test(r.join())), `${c.id}: ${JSON.stringify(c.rows)}`);
      }
      const year1B = await pageYear1();
      assert(drawn[0].rows[0][2] === year1B && drawn[0].rows[0][1] !== year1B, `revenue, year 1: ${drawn[0].rows[0]} against the page's ${year1B}`);
      // The current inputs against a saved one, the same: no input differs.
      await page.selectOption('select[name="a"]', 'current');
      await page.click('.saved-compare button[type="submit"]');
      await page.waitForFunction(() => /^A: The current inputs · B: Bigger$/.test(document.querySelector('.compared')?.textContent || ''));
      assert(/A and B have the same inputs/.test(await page.textContent('.saved-comparison')), 'same inputs not said');
      // An edit: a comparison of the current inputs follows them.
      await page.fill('#site-grid-capacity-mw', '120');
      await page.waitForFunction(() => [...document.querySelectorAll('.compare-inputs tbody tr')]
        .some((tr) => tr.textContent === 'Site: Grid capacity (MW)120150'));
      // The charts follow too: A's year 1 is the page's after the edit.
      drawn = await charts();
      const year1A = await pageYear1();
      assert(year1A !== year1B && drawn[0].rows[0][1] === year1A && drawn[0].rows[0][2] === year1B,
        `revenue after the edit, year 1: ${drawn[0].rows[0]} against the page's ${year1A}`);
      // Printed as the report (the Report button), the page carries the
      // comparison the panel shows, after the headline figures; not on screen.
      assert(!(await page.isVisible('#report-comparison')), 'the report\'s comparison shows on screen');
      await page.evaluate(() => { window.print = () => {}; });
      await page.click('[data-tool="report"]');
      await page.waitForFunction(() => document.querySelector('#report-comparison .saved-comparison'));
      await page.emulateMedia({ media: 'print' });
      assert(await page.isVisible('#report-comparison'), 'the comparison is not in the printed report');
      const printed = await page.textContent('#report-comparison');
      mkdirSync(join(ctx.artifacts, 'screenshots'), { recursive: true });
      await page.locator('#report-comparison').screenshot({ path: join(ctx.artifacts, 'screenshots', 'report-comparison.png') });
      assert(/A and B side by side/.test(printed) && /A: The current inputs · B: Bigger/.test(printed) && /Grid capacity/.test(printed), `the report's comparison: ${printed}`);
      const printedCharts = await page.$$eval('#report-comparison .compare-chart svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
      assert(printedCharts.length === 4 && printedCharts.every((w) => w > 100), `the report's charts of A and B: ${printedCharts}`);
      await page.setViewportSize({ width: 703, height: 1000 });
      await page.screenshot({ path: join(ctx.artifacts, 'screenshots', 'report-with-comparison.png'), fullPage: true });
      await page.setViewportSize({ width: 1366, height: 900 });
      // The report with its comparison still fits three pages.
      for (const format of ['A4', 'Letter']) {
        const pdf = await page.pdf({ format, printBackground: true });
        writeFileSync(join(ctx.artifacts, `report-comparison-${format}.pdf`), pdf);
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
        assert(pages >= 1 && pages <= 3, `the report with a comparison takes ${pages} ${format} pages`);
      }
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => dispatchEvent(new Event('afterprint')));
      await page.waitForFunction(() => document.querySelector('#report-comparison').innerHTML === '');
      // A phone: each figure's A, B and change as rows.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.compare-figures thead')).display === 'none');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `the page is ${overflow}px wider than a phone`);
      mkdirSync(join(ctx.artifacts, 'screenshots'), { recursive: true });
      await page.locator('.saved-comparison').scrollIntoViewIfNeeded();
      await page.waitForTimeout(200); // the new width laid out and painted
      await page.screenshot({ path: join(ctx.artifacts, 'screenshots', 'compare-phone.png') });
      // The charts of A and B fit the phone's panel, drawn at its width.
      await page.locator('.compare-chart[data-chart="energy"]').scrollIntoViewIfNeeded();
      const chartWidths = await page.$$eval('.compare-chart svg', (svgs) => svgs.map((s) => [s.getBoundingClientRect().width, s.viewBox.baseVal.width]));
      assert(chartWidths.every(([shown, drawn]) => shown <= 390 && drawn <= 400), `the charts on a phone, shown and drawn: ${JSON.stringify(chartWidths)}`);
      await page.screenshot({ path: join(ctx.artifacts, 'screenshots', 'compare-charts-phone.png') });
    }),
  },
  {
    name: 'saved scenarios stay across reloads and open with the figures they had; rename, duplicate, delete',
    run: (ctx) => withCleanPage(ctx, async (page, errors, server, context) => {
      await openList(page);
      assert((await page.inputValue('input[name="saved-name"]')).startsWith('Generic 100 MW site, 20'),
        `the name offered: ${await page.inputValue('input[name="saved-name"]')}`);
      await closeList(page);
      await edit(page, '#site-grid-capacity-mw', '150');
      const alpha = await headline(page);
      assert((await saveAs(page, '  Alpha  ')).includes('Saved “Alpha”'), 'no "Saved" status');
      await closeList(page);
      await edit(page, '#contract-rate-usd-per-kw-month', '160');
      await edit(page, '#site-grid-capacity-mw', '220');
      const beta = await headline(page);
      await saveAs(page, 'Beta');
      // A version-1 link, saved: it keeps version 1's figures.
      await closeList(page);
      await page.goto(`${server.url}#site.grid_capacity_mw=120`);
      await page.waitForSelector('.version-notice');
      const old = await headline(page);
      await saveAs(page, 'Old');
      assert(JSON.stringify(await names(page)) === JSON.stringify(['Old', 'Beta', 'Alpha']), `listed: ${await names(page)}`);
      assert(Object.values(await stored(page)).some((t) => t.includes('"model_version":1')), 'no version-1 entry stored');

      // A browser restart: a new page in the same profile.
      await page.close();
      const again = await context.newPage();
      const againErrors = watchErrors(again);
      await again.goto(server.url);
      await waitForApp(again);
      const p = again;
      await openList(p);
      assert(JSON.stringify(await names(p)) === JSON.stringify(['Old', 'Beta', 'Alpha']), `after a restart: ${await names(p)}`);
      assert((await p.textContent('summary[data-tool="saved"]')).includes('(3)'), 'the count');
      for (const [name, want] of [['Alpha', alpha], ['Beta', beta], ['Old', old]]) {
        await openList(p);
        const shown = await headline(p);
        await row(p, name).locator('[data-action="open"]').click();
        if (JSON.stringify(shown) !== JSON.stringify(want)) await changed(p, shown);
        same(await headline(p), want, name);
        assert((await p.textContent('.toolbar .status')).includes(`“${name}”`), `${name}: no status`);
        assert(await p.isVisible('.version-notice') === (name === 'Old'), `${name}: the version notice`);
        assert(!(await p.$('details.saved[open]')), `${name}: the list stays open`);
      }
      // Undo goes back to the form before the last one opened.
      await p.click('button.undo');
      await changed(p, old);
      same(await headline(p), beta, 'Undo');

      // Rename, duplicate, delete.
      await openList(p);
      await row(p, 'Alpha').locator('[data-action="rename"]').click();
      await p.fill('.saved-rename input', 'Base case');
      await p.click('.saved-rename button[type="submit"]');
      await row(p, 'Base case').waitFor();
      await row(p, 'Beta').locator('[data-action="duplicate"]').click();
      await row(p, 'Beta (2)').waitFor();
      // A name in use gets a number.
      await row(p, 'Old').locator('[data-action="rename"]').click();
      await p.fill('.saved-rename input', 'Beta');
      await p.click('.saved-rename button[type="submit"]');
      await row(p, 'Beta (3)').waitFor();
      // An empty name is refused, with the reason.
      await row(p, 'Beta (3)').locator('[data-action="rename"]').click();
      await p.fill('.saved-rename input', '   ');
      await p.click('.saved-rename button[type="submit"]');
      assert((await p.textContent('.saved-status')).includes('name'), `empty name: ${await p.textContent('.saved-status')}`);
      await p.click('.saved-rename button[type="button"]');
      await row(p, 'Beta (2)').locator('[data-action="delete"]').click();
      await row(p, 'Beta (2)').locator('[data-action="confirm-delete"]').click();
      await p.waitForFunction(() => document.querySelectorAll('.saved-entries li').length === 3);
      const items = await stored(p);
      assert(Object.keys(items).length === 3, `stored: ${Object.keys(items)}`);
      await p.reload();
      await waitForApp(p);
      await openList(p);
      const after = (await names(p)).sort();
      assert(JSON.stringify(after) === JSON.stringify(['Base case', 'Beta', 'Beta (3)']), `after reload: ${after}`);
      // The same ids: a rename keeps its key.
      same(Object.keys(await stored(p)).sort(), Object.keys(items).sort(), 'keys');
      // The copy of Beta opens to Beta's figures.
      await row(p, 'Beta').locator('[data-action="open"]').click();
      await p.waitForFunction((b) => document.querySelector('li[data-kpi="incremental-npv"] .kpi-value')?.textContent === b, beta['incremental-npv']);
      same(await headline(p), beta, 'Beta after all that');
      assert(againErrors.length === 0, againErrors.join('\n'));
    }),
  },
  {
    name: 'damaged, foreign and newer items are listed as unreadable, kept, and deleted only when asked',
    run: (ctx) => withCleanPage(ctx, async (page) => {
      await saveAs(page, 'Mine');
      const injected = {
        [`${PREFIX}bad`]: '{"format":1,"name":"Half',
        [`${PREFIX}theirs`]: '{"hello":"world"}',
        [`${PREFIX}future`]: '{"format":7,"name":"From the future","saved_at":1,"model_version":3,"scenario":"{}"}',
      };
      await page.evaluate((items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }, injected);
      const before = await stored(page);
      await page.reload();
      await waitForApp(page);
      await page.waitForSelector('.notice');
      assert((await page.textContent('.notice')).includes('could not be read'), `notice: ${await page.textContent('.notice')}`);
      await openList(page);
      assert(JSON.stringify(await names(page)) === JSON.stringify(['Mine']), 'the good one is listed');
      const reasons = await page.$$eval('.saved-set-aside li', (els) => Object.fromEntries(
        els.map((e) => [e.dataset.key, e.querySelector('.saved-when').textContent])));
      assert(reasons[`${PREFIX}bad`]?.includes('damaged'), `bad: ${reasons[`${PREFIX}bad`]}`);
      assert(reasons[`${PREFIX}theirs`]?.includes('not written by this page'), `theirs: ${reasons[`${PREFIX}theirs`]}`);
      assert(reasons[`${PREFIX}future`]?.includes('newer version'), `future: ${reasons[`${PREFIX}future`]}`);
      same(await stored(page), before, 'storage after the reload');
      // Saving more leaves them alone.
      await saveAs(page, 'Mine too');
      const now = await stored(page);
      for (const [k, v] of Object.entries(injected)) assert(now[k] === v, `${k} was changed`);
      // The page works.
      await closeList(page);
      await edit(page, '#site-grid-capacity-mw', '180');
      // Deleting one, when asked twice.
      await openList(page);
      const item = page.locator(`.saved-set-aside li[data-key="${PREFIX}theirs"]`);
      await item.locator('[data-action="delete"]').click();
      assert((await stored(page))[`${PREFIX}theirs`], 'deleted on the first click');
      await item.locator('[data-action="confirm-delete"]').click();
      await item.waitFor({ state: 'detached' });
      const left = await stored(page);
      assert(!left[`${PREFIX}theirs`] && left[`${PREFIX}bad`] && left[`${PREFIX}future`], `left: ${Object.keys(left)}`);
    }),
  },
  {
    name: 'a full storage says so and loses nothing; storage turned off says so and the page works',
    run: (ctx) => withCleanPage(ctx, async (page, errors, server, context) => {
      await saveAs(page, 'Kept');
      const before = await stored(page);
      await page.evaluate(() => {
        window.realSetItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
      });
      await page.fill('input[name="saved-name"]', 'One more');
      await page.click('.save-as button[type="submit"]');
      await page.waitForFunction(() => document.querySelector('.saved-status')?.textContent.includes('full'));
      assert((await page.textContent('.saved-status')).includes('Nothing was lost'), await page.textContent('.saved-status'));
      assert(JSON.stringify(await names(page)) === JSON.stringify(['Kept']), `listed: ${await names(page)}`);
      await row(page, 'Kept').locator('[data-action="rename"]').click();
      await page.fill('.saved-rename input', 'Renamed');
      await page.click('.saved-rename button[type="submit"]');
      assert((await page.textContent('.saved-status')).includes('full'), 'rename on a full storage');
      assert(JSON.stringify(await names(page)) === JSON.stringify(['Kept']), 'renamed on a full storage');
      same(await stored(page), before, 'storage while full');
      await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
      await page.click('.saved-rename button[type="submit"]');
      await row(page, 'Renamed').waitFor();

      // Storage turned off: the list says so; the page works.
      const off = await context.newPage();
      const offErrors = watchErrors(off);
      await off.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
      });
      await off.goto(server.url);
      await waitForApp(off);
      await openList(off);
      assert((await off.textContent('.saved-panel')).includes('not available'), await off.textContent('.saved-panel'));
      await closeList(off);
      await edit(off, '#site-grid-capacity-mw', '175');
      assert(offErrors.length === 0, offErrors.join('\n'));
    }),
  },
  {
    name: 'screenshots of the list at 1366×900 and 390×844, light and dark',
    run: async (ctx) => {
      const dir = join(ctx.artifacts, 'screenshots');
      mkdirSync(dir, { recursive: true });
      for (const [label, vp] of [['laptop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
        await withCleanPage(ctx, async (page) => {
          for (const scheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme: scheme });
            if (scheme === 'light') {
              await saveAs(page, 'Base case');
              await closeList(page);
              await edit(page, '#site-grid-capacity-mw', '150');
              await saveAs(page, 'Bigger site, 150 MW');
              await page.evaluate((k) => localStorage.setItem(k, '{"hello":"world"}'), `${PREFIX}theirs`);
              await page.reload();
              await waitForApp(page);
            }
            await openList(page);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert(overflow <= 0, `${label}: the page is ${overflow}px wider than the screen`);
            await page.screenshot({ path: join(dir, `saved-${label}-${scheme}.png`) });
          }
        }, vp);
      }
    },
  },
  {
    name: 'a comparison\'s link opens, in a fresh browser, A in the form and the same comparison',
    run: (ctx) => withSite(ctx.dist, async ({ server, context }) => {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.goto(server.url);
      await waitForApp(page);
      await edit(page, '#site-grid-capacity-mw', '120');
      await saveAs(page, 'Smaller');
      await closeList(page);
      await edit(page, '#contract-rate-usd-per-kw-month', '140');
      await saveAs(page, 'Dearer');
      await page.selectOption('select[name="a"]', { label: 'Smaller' });
      await page.selectOption('select[name="b"]', { label: 'Dearer' });
      await page.click('.saved-compare button[type="submit"]');
      await page.waitForSelector('.saved-comparison');
      const rows = (p) => p.$$eval('.saved-panel .compare-figures tbody tr', (trs) => trs.map((tr) => tr.textContent));
      const inputs = (p) => p.$$eval('.saved-panel .compare-inputs tbody tr', (trs) => trs.map((tr) => tr.textContent));
      const figures = await rows(page);
      const differ = await inputs(page);
      await page.click('button.saved-link');
      await page.waitForFunction(() => /copied/i.test(document.querySelector('.saved-status')?.textContent || ''));
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert(/&vs=/.test(link) && /&a=Smaller&b=Dearer&/.test(link), `link: ${link}`);

      // A fresh browser: nothing saved, the link alone.
      const { context: fresh, close } = await launch();
      try {
        const other = await fresh.newPage();
        const otherErrors = watchErrors(other);
        await other.goto(link);
        await waitForApp(other);
        await other.waitForSelector('details.saved[open] .saved-comparison', { timeout: 15_000 });
        assert(await other.inputValue('#site-grid-capacity-mw') === '120', 'A is not in the form');
        assert(await other.inputValue('#contract-rate-usd-per-kw-month') === '125', 'A has B\'s lease rate');
        const names = await other.textContent('.saved-panel .compared');
        assert(names === 'A: Smaller · B: Dearer (from the link)', `names: ${names}`);
        const again = await rows(other);
        assert(JSON.stringify(again) === JSON.stringify(figures), `figures differ:\n${figures.join('\n')}\n---\n${again.join('\n')}`);
        assert(JSON.stringify(await inputs(other)) === JSON.stringify(differ), `inputs that differ: ${await inputs(other)}`);
        assert(otherErrors.length === 0, otherErrors.join('\n'));
      } finally {
        await close();
      }
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
];
