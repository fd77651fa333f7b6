// Every chart saved as an SVG file of its own and as a PNG at twice its size
// on the page: the page's four charts and the risk view's three, served and
// from the single file, by pointer and by keyboard, and a browser refusing
// to draw the PNG.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withSite, launch, watchErrors, waitForApp, assert } from './lib.mjs';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Records the page's Content-Security-Policy violations in `window.__violations`. */
async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** The chart `id`'s drawing on the page: its attributes and its box. */
const drawingOf = (page, id) => page.$eval(`#${id} .svg-frame svg`, (svg) => {
  const r = svg.getBoundingClientRect();
  return {
    width: svg.getAttribute('width'),
    height: svg.getAttribute('height'),
    viewBox: svg.getAttribute('viewBox'),
    label: svg.getAttribute('aria-label'),
    box: { width: r.width, height: r.height },
  };
});

/** The menu's button for `format` (`svg`, `png`) in chart `id`. */
const buttonFor = (id, format) => `#${id} .download-pop button:nth-of-type(${format === 'svg' ? 1 : 2})`;

/** Opens chart `id`'s Download menu and clicks `format`; returns the download. */
async function save(page, id, format) {
  await page.click(`#${id} .chart-download summary`);
  const button = page.locator(buttonFor(id, format));
  await button.waitFor({ state: 'visible' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return download;
}

async function bytesOf(download, scratch) {
  const path = join(scratch, download.suggestedFilename());
  await download.saveAs(path);
  return readFileSync(path);
}

/**
 * The SVG file's root as a browser's XML parser reads it (in a blank page:
 * the page's policy would report the file's style attribute).
 */
const parsed = async (page, text) => {
  const blank = await page.context().newPage();
  try {
    return await readSvg(blank, text);
  } finally {
    await blank.close();
  }
};
const readSvg = (page, text) => page.evaluate((text) => {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  return {
    error: doc.getElementsByTagName('parsererror').length > 0 ? root.textContent : null,
    name: root.localName,
    ns: root.namespaceURI,
    width: root.getAttribute('width'),
    height: root.getAttribute('height'),
    viewBox: root.getAttribute('viewBox'),
    label: root.getAttribute('aria-label'),
    numbers: root.style.fontVariantNumeric,
  };
}, text);

/** Width and height from a PNG's IHDR (bytes 16–24), after its signature. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert(signature.every((b, i) => bytes[i] === b), `not a PNG: ${bytes.subarray(0, 8).toString('hex')}`);
  assert(bytes.subarray(12, 16).toString('latin1') === 'IHDR', 'no IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The PNG decoded in the page: its corner's colour and how many colours it has. */
const pixels = (page, bytes) => page.evaluate(async (b64) => {
  const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  const all = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const colours = new Set();
  for (let i = 0; i < all.length; i += 4 * 7) colours.add((all[i] << 16) | (all[i + 1] << 8) | all[i + 2]);
  return { corner: [all[0], all[1], all[2], all[3]], colours: colours.size };
}, bytes.toString('base64'));

/**
 * Saves chart `id` as SVG and as PNG and checks both against the drawing
 * on the page; `corner` is the background the drawing has (its theme).
 */
async function checkBoth(page, id, scratch, corner) {
  const drawing = await drawingOf(page, id);
  const name = id.replace(/^chart-/, '');
  const svgDownload = await save(page, id, 'svg');
  assert(svgDownload.suggestedFilename() === `repower-${name}.svg`, svgDownload.suggestedFilename());
  assert(svgDownload.url().startsWith('blob:'), `${id}: the SVG came from ${svgDownload.url()}`);
  const text = (await bytesOf(svgDownload, scratch)).toString('utf8');
  assert(text.startsWith(`<svg xmlns="${SVG_NS}"`) || /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(text), `${id}: ${text.slice(0, 120)}`);
  assert(!text.startsWith('<?xml'), `${id}: an XML declaration`);
  const svg = await parsed(page, text);
  assert(svg.error === null, `${id}: the SVG does not parse: ${svg.error}`);
  assert(svg.name === 'svg' && svg.ns === SVG_NS, `${id}: root ${svg.name} in ${svg.ns}`);
  assert(svg.viewBox === drawing.viewBox && svg.width === drawing.width && svg.height === drawing.height,
    `${id}: the file is ${svg.width}×${svg.height} (${svg.viewBox}), the page's ${drawing.width}×${drawing.height} (${drawing.viewBox})`);
  assert(svg.label === drawing.label, `${id}: named ${svg.label}, the chart is ${drawing.label}`);
  assert(svg.numbers === 'tabular-nums', `${id}: figures ${svg.numbers}`);
  assert(!/class=|var\(|currentColor/.test(text), `${id}: the SVG depends on a stylesheet`);
  assert(/Saved repower-/.test(await page.textContent(`#${id} .chart-readout`)), `${id}: no word of the SVG saved`);
  // The menu closes after a choice, leaving the keyboard on it.
  assert(!(await page.isVisible(`#${id} .download-pop`)), `${id}: the menu stayed open`);

  const pngDownload = await save(page, id, 'png');
  assert(pngDownload.suggestedFilename() === `repower-${name}.png`, pngDownload.suggestedFilename());
  const png = await bytesOf(pngDownload, scratch);
  const { width, height } = pngSize(png);
  // The drawing's CSS size is its width and height; the page shows it at
  // about that size (its container's width rounded down to 10 px).
  assert(width === 2 * Number(drawing.width) && height === 2 * Number(drawing.height),
    `${id}: the PNG is ${width}×${height}, the drawing ${drawing.width}×${drawing.height}`);
  assert(Math.abs(drawing.box.width - Number(drawing.width)) <= 12, `${id}: shown ${drawing.box.width} px wide, drawn ${drawing.width}`);
  const seen = await pixels(page, png);
  assert(seen.corner.join() === corner.join(), `${id}: the PNG's corner is ${seen.corner}, want ${corner}`);
  assert(seen.colours > 8, `${id}: the PNG has ${seen.colours} colours: blank?`);
  await page.waitForFunction((id) => /Saved repower-.*\.png/.test(document.querySelector(`#${id} .chart-readout`).textContent), id);
  return { width, height };
}

const LIGHT = [255, 255, 255, 255];
const DARK = [0x1b, 0x20, 0x27, 255];

/**
 * The served page, loaded, its errors and policy violations watched, with a
 * scratch folder for the files saved (removed afterwards).
 */
function withServedPage(dist, body) {
  return withSite(dist, async ({ server, context }) => {
    const scratch = mkdtempSync(join(tmpdir(), 'repower-export-'));
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await watchPolicy(page);
      await page.goto(server.url);
      await waitForApp(page);
      await body(page, errors, scratch);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

export const tests = [
  {
    name: 'each of the page\'s charts saves as an SVG of its own and as a PNG at twice its size',
    run: ({ dist }) => withServedPage(dist, async (page, errors, scratch) => {
      const ids = await page.$$eval('.results > .chart', (els) => els.map((e) => e.id));
      assert(ids.length === 4, `charts: ${ids}`);
      for (const id of ids) {
        await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), id);
        await page.waitForSelector(`#${id} .svg-frame[data-current="true"]`);
        await checkBoth(page, id, scratch, LIGHT);
      }
      // In the dark theme the files are as the page shows them: dark.
      const before = await page.innerHTML('#chart-bridge .svg-frame');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction((b) => document.querySelector('#chart-bridge .svg-frame').innerHTML !== b, before);
      await checkBoth(page, 'chart-bridge', scratch, DARK);
      const violations = await page.evaluate(() => window.__violations);
      assert(violations.length === 0, `policy violations: ${violations}`);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the Download menu is one Tab stop named for its chart; its buttons are named; Escape closes it',
    run: ({ dist }) => withSite(dist, async ({ server, context }) => {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(server.url);
      await waitForApp(page);
      const title = await page.textContent('#chart-energy h2');
      const summary = '#chart-energy .chart-download summary';
      assert(await page.getAttribute(summary, 'aria-label') === `Download the ${title} chart`, await page.getAttribute(summary, 'aria-label'));
      const names = await page.$$eval('#chart-energy .download-pop button', (bs) => bs.map((b) => [b.getAttribute('aria-label'), b.textContent]));
      // Named for their chart, their visible words in their names.
      assert(JSON.stringify(names) === JSON.stringify([
        [`Download the ${title} chart as SVG`, 'SVG'],
        [`Download the ${title} chart as PNG (2×, for slides)`, 'PNG (2×, for slides)'],
      ]), JSON.stringify(names));
      // Closed, its buttons are no Tab stops: from the menu, Tab goes to the drawing.
      await page.focus(summary);
      await page.keyboard.press('Tab');
      assert(await page.evaluate(() => document.activeElement?.classList.contains('svg-frame')), 'Tab from the closed menu did not reach the drawing');
      // Opened with Enter, Tab reaches SVG and PNG; Escape closes it, back on the summary.
      await page.focus(summary);
      const heading = await page.$eval('#chart-energy', (c) => c.querySelector('.svg-frame').getBoundingClientRect().top);
      await page.keyboard.press('Enter');
      assert(await page.isVisible('#chart-energy .download-pop'), 'Enter did not open the menu');
      // The menu opens over the chart: nothing moves.
      const after = await page.$eval('#chart-energy', (c) => c.querySelector('.svg-frame').getBoundingClientRect().top);
      assert(after === heading, `opening the menu moved the drawing from ${heading} to ${after}`);
      await page.keyboard.press('Tab');
      assert(await page.evaluate(() => document.activeElement?.textContent) === 'SVG', 'Tab did not reach SVG');
      await page.keyboard.press('Tab');
      assert(await page.evaluate(() => document.activeElement?.textContent) === 'PNG (2×, for slides)', 'Tab did not reach PNG');
      await page.keyboard.press('Escape');
      assert(!(await page.isVisible('#chart-energy .download-pop')), 'Escape did not close the menu');
      assert(await page.evaluate(() => document.activeElement?.tagName) === 'SUMMARY', 'Escape left the keyboard elsewhere');
      // By keyboard alone: Enter on SVG saves.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert(download.suggestedFilename() === 'repower-energy.svg', download.suggestedFilename());
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'a browser that will not draw or encode the PNG says so, and nothing breaks',
    run: ({ dist }) => withSite(dist, async ({ server, context }) => {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(server.url);
      await waitForApp(page);
      let downloads = 0;
      page.on('download', () => { downloads += 1; });
      const tryPng = async () => {
        await page.click('#chart-revenue .chart-download summary');
        await page.click(buttonFor('chart-revenue', 'png'));
      };
      const said = (re) => page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#chart-revenue .chart-readout').textContent), re.source)
        .catch(async () => { throw new Error(`the status says: ${await page.textContent('#chart-revenue .chart-readout')}`); });
      // The image is refused.
      await page.evaluate(() => {
        window.__decode = HTMLImageElement.prototype.decode;
        HTMLImageElement.prototype.decode = () => Promise.reject(new DOMException('refused', 'EncodingError'));
      });
      await tryPng();
      await said(/repower-revenue\.png: this browser could not draw the chart as a PNG/);
      // The canvas gives no PNG (toBlob calls back with null).
      await page.evaluate(() => {
        HTMLImageElement.prototype.decode = window.__decode;
        HTMLCanvasElement.prototype.toBlob = function (done) { done(null); };
      });
      await tryPng();
      await said(/repower-revenue\.png: this browser could not draw the chart as a PNG/);
      // The canvas may not be read (toBlob throws).
      await page.evaluate(() => {
        HTMLCanvasElement.prototype.toBlob = function () { window.__thrown = true; throw new DOMException('tainted', 'SecurityError'); };
      });
      await tryPng();
      await page.waitForFunction(() => window.__thrown === true);
      await said(/repower-revenue\.png: this browser could not draw the chart as a PNG/);
      await page.waitForTimeout(200);
      assert(downloads === 0, `${downloads} downloads`);
      // The page still answers.
      await page.fill('#site-grid-capacity-mw', '150');
      await page.waitForFunction(() => document.querySelector('li[data-kpi="contract-revenue"] .kpi-value').textContent === '$2.40B');
      assert(!(await page.isVisible('#panic-banner')), 'the page stopped');
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the risk view\'s three charts save as SVG and PNG',
    run: ({ dist }) => withServedPage(dist, async (page, errors, scratch) => {
      await riskCharts(page, scratch);
      assert(errors.length === 0, errors.join('\n'));
    }),
  },
  {
    name: 'the single file opened from disk saves its charts as SVG and PNG',
    run: async ({ dist }) => {
      const scratch = mkdtempSync(join(tmpdir(), 'repower-export-'));
      const folder = mkdtempSync(join(tmpdir(), 'repower-usb-'));
      const file = join(folder, 'repower-standalone.html');
      cpSync(join(dist, 'repower-standalone.html'), file);
      const { context, close } = await launch();
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await watchPolicy(page);
        await page.goto(pathToFileURL(file).href);
        await waitForApp(page);
        await checkBoth(page, 'chart-energy', scratch, LIGHT);
        await riskCharts(page, scratch);
        assert(errors.length === 0, errors.join('\n'));
      } finally {
        await close();
        rmSync(scratch, { recursive: true, force: true });
        rmSync(folder, { recursive: true, force: true });
      }
    },
  },
];

/** Opens the risk view and saves its three charts both ways. */
async function riskCharts(page, scratch) {
  await page.click('#risk > summary');
  await page.waitForSelector('#risk[data-risk-state="done"]', { timeout: 15_000 });
  for (const id of ['chart-tornado', 'chart-histogram', 'chart-fan']) {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), id);
    await checkBoth(page, id, scratch, LIGHT);
  }
  const violations = await page.evaluate(() => window.__violations);
  assert(violations.length === 0, `policy violations: ${violations}`);
}
