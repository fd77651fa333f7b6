// Works anywhere, leaks nothing: the offline app (service worker), the
// single-file copy from file://, any sub-path, no request to another origin,
// the Content-Security-Policy and Subresource Integrity in force.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assert, freePort, launch, openAdvanced, serve, waitForApp, watchErrors, withSite } from './lib.mjs';

const CHARTS = ['#chart-revenue', '#chart-build-time', '#chart-energy'];
const STANDALONE = 'repower-standalone.html';

const kpi = (page, id) => page.textContent(`li[data-kpi="${id}"] .kpi-value`);

/** A copy of dist/ under `sub` (e.g. 'tools/repower') in a fresh temp dir. */
function copyOfDist(dist, sub = '') {
  const root = mkdtempSync(join(tmpdir(), 'repower-site-'));
  const site = join(root, sub);
  mkdirSync(site, { recursive: true });
  cpSync(dist, site, { recursive: true });
  return { root, site, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Types `text` into the grid-capacity box and waits for the numbers and charts to change. */
async function edit(page, text) {
  const before = await kpi(page, 'contract-revenue');
  const svg = await page.innerHTML('#chart-revenue .svg-frame');
  await page.fill('#site-grid-capacity-mw', text);
  await page.waitForFunction(
    ([before, svg]) => document.querySelector('li[data-kpi="contract-revenue"] .kpi-value')?.textContent !== before
      && document.querySelector('#chart-revenue .svg-frame')?.innerHTML !== svg,
    [before, svg],
    { timeout: 5000 },
  );
}

/** Three charts with real SVG in them. */
async function chartsShown(page) {
  for (const sel of CHARTS) {
    const len = (await page.innerHTML(`${sel} .svg-frame`)).length;
    assert(len > 2000, `${sel}: no chart (${len} characters of SVG)`);
  }
}

/** Waits until a service worker controls the page; returns its cache names. */
async function waitForServiceWorker(page) {
  return page.evaluate(async () => {
    const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(what)), ms));
    await Promise.race([navigator.serviceWorker.ready, timeout(15000, 'no service worker became active')]);
    if (!navigator.serviceWorker.controller) {
      await Promise.race([
        new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })),
        timeout(15000, 'the service worker never took control'),
      ]);
    }
    return caches.keys();
  });
}

/**
 * The cache name the build gives dist/ (a hash of every file the worker
 * stores), what it stores as it is installed for a page in `lang`, and
 * what only once fetched (the page's wasm of the other language left out).
 */
function expectedCache(site, lang = 'en') {
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  const names = (list) => list.map((f) => f.replace(/^\.\//, ''));
  const precached = names(JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\]);/)[1]));
  // The page's wasm of each language: the page's language's is installed.
  const wasms = Object.fromEntries(Object.entries(JSON.parse(sw.match(/const WASM = (\{[\s\S]*?\});/)[1])).map(([code, f]) => [code, names([f])[0]]));
  assert(wasms[lang], `sw.js has no page wasm for ${lang}: ${JSON.stringify(wasms)}`);
  // Kept once fetched (the risk view's worker): part of the release's hash.
  const all = names(JSON.parse(sw.match(/const LATER = (\[[\s\S]*?\])/)[1]));
  const h = createHash('sha256');
  for (const f of [...precached, ...all].sort()) h.update(Buffer.concat([Buffer.from(`${f}\0`), readFileSync(join(site, f)), Buffer.from('\0')]));
  return {
    name: `repower-${h.digest('hex').slice(0, 16)}`,
    files: [...precached, wasms[lang]],
    later: all.filter((f) => !Object.values(wasms).includes(f)),
    otherWasms: Object.values(wasms).filter((f) => f !== wasms[lang]),
    declared: sw.match(/const CACHE = '([^']+)'/)[1],
  };
}

/** The page's Content-Security-Policy (from its <meta>); fails if there is none. */
async function cspOf(page) {
  const csp = await page.$$eval('meta[http-equiv="Content-Security-Policy" i]', (ms) => ms.map((m) => m.content));
  assert(csp.length === 1, `expected one CSP <meta>, found ${csp.length}`);
  return csp[0];
}

/** Polls `check` (async, in Node) until it returns true. */
async function until(check, what, ms = 15000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function serverIsDown(url) {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}

/** The address of each file in the page's offline cache `name`. */
function cachedUrls(page, name) {
  return page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), name);
}

/** With the server stopped, the page loads again in Portuguese: its charts, and an edit's figures. */
async function offlineInPortuguese(page, server) {
  await server.stop();
  assert(await serverIsDown(server.url), 'the server still answers');
  await page.reload();
  await waitForApp(page);
  assert(await page.getAttribute('html', 'lang') === 'pt-BR', 'offline, the page is not in Portuguese');
  await chartsShown(page);
  await edit(page, '150');
  assert(await kpi(page, 'contract-revenue') === 'US$\u00a02,40\u00a0bi', `150 MW offline: ${await kpi(page, 'contract-revenue')}`);
}

/** Saves the scenario under `name` in "Saved scenarios" and checks it is listed. */
async function saveOne(page, name) {
  await page.click('summary[data-tool="saved"]');
  await page.waitForSelector('.saved-panel .saved-inner', { state: 'visible' });
  await page.fill('input[name="saved-name"]', name);
  await page.click('.save-as button[type="submit"]');
  await page.waitForFunction((n) => [...document.querySelectorAll('.saved-entries .saved-name')].some((e) => e.textContent === n), name);
  await page.click('summary[data-tool="saved"]');
}

export const tests = [
  {
    name: 'after one visit the page and its charts work with the server stopped',
    run: async ({ dist }) => {
      await withSite(dist, async ({ server, context }) => {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(server.url);
        await waitForApp(page);
        const keys = await waitForServiceWorker(page);
        const cache = expectedCache(dist);
        assert(cache.declared === cache.name, `sw.js cache ${cache.declared} is not the hash of its files (${cache.name})`);
        assert(keys.length === 1 && keys[0] === cache.name, `caches: ${keys}`);
        const cached = await cachedUrls(page, cache.name);
        for (const f of cache.files) {
          assert(cached.includes(new URL(f, server.url).href), `${f} is not in the offline cache`);
        }
        assert(context.serviceWorkers().length >= 1, 'no service worker in the browser context');
        // The risk view's worker and the extra module (saved scenarios, the
        // monthly cash flows) are not fetched until they are opened; opened
        // once, they are kept for offline use.
        for (const f of [...cache.later, ...cache.otherWasms]) {
          assert(!cached.includes(new URL(f, server.url).href), `${f} was fetched before it was used`);
        }
        const risky = await context.newPage();
        await risky.goto(server.url);
        await waitForApp(risky);
        await risky.click('#risk > summary');
        await risky.waitForSelector('#risk[data-risk-state="done"]', { timeout: 15000 });
        await risky.click('#cash-flows > summary');
        await risky.waitForSelector('#cash-flows table');
        await risky.close();
        await until(async () => {
          const now = await cachedUrls(page, cache.name);
          // A language's texts are fetched only by a visit in that language.
          return cache.later.filter((f) => !f.endsWith('.txt')).every((f) => now.includes(new URL(f, server.url).href));
        }, 'the risk view\'s and the extra module\'s files in the offline cache');

        await server.stop();
        assert(await serverIsDown(server.url), 'the server still answers');

        await page.reload();
        await waitForApp(page);
        await chartsShown(page);
        assert(await page.evaluate(() => !!navigator.serviceWorker.controller), 'reloaded page is not served by the worker');
        await edit(page, '150');
        assert(await kpi(page, 'contract-revenue') === '$2.40B', `150 MW offline: ${await kpi(page, 'contract-revenue')}`);
        // The risk view, opened before, runs offline.
        await page.click('#risk > summary');
        await page.waitForSelector('#risk[data-risk-state="done"]', { timeout: 15000 });
        assert(await page.locator('#chart-histogram svg').count() === 1, 'no histogram offline');
        // So do the cash flows and saved scenarios (the extra module).
        await page.click('#cash-flows > summary');
        await page.waitForSelector('#cash-flows table');
        await saveOne(page, 'Offline');

        const tab = await context.newPage();
        const tabErrors = watchErrors(tab);
        await tab.goto(server.url);
        await waitForApp(tab);
        await chartsShown(tab);
        await edit(tab, '200');
        assert(await kpi(tab, 'contract-revenue') === '$3.20B', `200 MW offline tab: ${await kpi(tab, 'contract-revenue')}`);
        // The tab's own API works offline too.
        const npv = await tab.evaluate(() => window.repower.evaluate({}).incremental_npv_usd);
        assert(Number.isFinite(npv), `repower.evaluate offline: ${npv}`);
        // A shared link opens offline too (the fragment is not part of the cache key).
        const linked = await context.newPage();
        const linkedErrors = watchErrors(linked);
        await linked.goto(`${server.url}#v=2&preset=cipher-fluidstack&hpc.design_pue=1.3`);
        await waitForApp(linked);
        await chartsShown(linked);
        assert(await linked.inputValue('#hpc-critical-it-mw') === '168', 'linked preset offline');
        await openAdvanced(linked);
        assert(await linked.inputValue('#hpc-design-pue') === '1.3', 'linked field offline');
        const all = [...errors, ...tabErrors, ...linkedErrors];
        assert(all.length === 0, all.join('\n'));
      });
    },
  },
  {
    name: 'after one visit in Portuguese the page and saved scenarios work in Portuguese with the server stopped: its own wasm is kept, not the English one',
    run: async ({ dist }) => {
      const server = await serve(dist);
      const { context, close } = await launch({ locale: 'pt-BR' });
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(server.url);
        await waitForApp(page);
        const keys = await waitForServiceWorker(page);
        const cache = expectedCache(dist, 'pt-BR');
        assert(keys.length === 1 && keys[0] === cache.name, `caches: ${keys}`);
        const cached = await cachedUrls(page, cache.name);
        for (const f of cache.files) {
          assert(cached.includes(new URL(f, server.url).href), `${f} is not in the offline cache`);
        }
        for (const f of cache.otherWasms) {
          assert(!cached.includes(new URL(f, server.url).href), `${f}, the English page's wasm, was fetched`);
        }
        // Saved scenarios opened once online: the extra module and both parts
        // of its texts are kept.
        const first = await context.newPage();
        await first.goto(server.url);
        await waitForApp(first);
        await first.click('summary[data-tool="saved"]');
        await first.waitForSelector('.saved-panel .saved-inner', { state: 'visible' });
        await first.close();
        await until(async () => {
          const now = await cachedUrls(page, cache.name);
          return cache.later.filter((f) => /^(repower-extra-|pt-BR-)/.test(f)).every((f) => now.includes(new URL(f, server.url).href));
        }, 'the extra module and the Portuguese texts in the offline cache');
        await offlineInPortuguese(page, server);
        // Offline, a scenario is saved in Portuguese.
        await page.click('summary[data-tool="saved"]');
        await page.waitForSelector('.saved-panel .saved-inner', { state: 'visible' });
        await page.fill('input[name="saved-name"]', 'Sem rede');
        await page.click('.save-as button[type="submit"]');
        await page.waitForFunction(() => [...document.querySelectorAll('.saved-entries .saved-name')].some((e) => e.textContent === 'Sem rede'));
        const pt = JSON.parse(readFileSync(new URL('../../www/lang/pt-BR.json', import.meta.url), 'utf8'));
        const panel = await page.textContent('.saved-panel');
        assert(panel.includes(pt['Save as…']) && !panel.includes('Save as…'), `"Saved scenarios" offline: ${panel}`);
        assert(errors.length === 0, errors.join('\n'));
      } finally {
        await close();
        await server.stop();
      }
    },
  },
  {
    name: 'a switch of language keeps the worker in place (the same release): the Portuguese wasm is added, every later load is answered, and offline the page is in Portuguese',
    run: async ({ dist }) => {
      const server = await serve(dist);
      const { context, close } = await launch({ locale: 'en-US' });
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(server.url);
        await waitForApp(page);
        const cache = expectedCache(dist, 'pt-BR');
        const keys = await waitForServiceWorker(page);
        assert(keys.join() === cache.name, `caches: ${keys}`);
        const controller = () => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
        const english = await controller();
        assert(english === new URL('sw.js', server.url).href, `the English page's worker: ${english}`);
        await Promise.all([page.waitForEvent('load'), page.click('[data-tool="language"][lang="pt-BR"]')]);
        await waitForApp(page);
        assert(await page.getAttribute('html', 'lang') === 'pt-BR', 'the switch did not change the language');
        // The Portuguese page's worker is the same release: installed, it
        // waits, and the worker in place keeps the page (replaced as the page
        // loads again, it could leave that load unanswered).
        const waiting = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.scriptURL ?? '');
        await until(async () => (await waiting()).endsWith('sw.js?lang=pt-BR'), 'the Portuguese page\'s worker installed and waiting');
        assert(await controller() === english, `a switch of language replaced the worker in place: ${await controller()}`);
        const cached = await cachedUrls(page, cache.name);
        for (const f of cache.files) {
          assert(cached.includes(new URL(f, server.url).href), `${f} is not in the offline cache after the switch`);
        }
        assert((await page.evaluate(() => caches.keys())).join() === cache.name, 'a second cache for the same release');
        for (let i = 0; i < 3; i += 1) {
          await page.reload();
          await waitForApp(page);
        }
        await offlineInPortuguese(page, server);
        assert(errors.length === 0, errors.join('\n'));
      } finally {
        await close();
        await server.stop();
      }
    },
  },
  {
    name: 'offline, a risk view never opened online says why it cannot run; the rest works',
    run: async ({ dist }) => {
      await withSite(dist, async ({ server, context }) => {
        const page = await context.newPage();
        await page.goto(server.url);
        await waitForApp(page);
        await waitForServiceWorker(page);
        await server.stop();
        await page.reload();
        await waitForApp(page);
        await chartsShown(page);
        await edit(page, '150');
        assert(await kpi(page, 'contract-revenue') === '$2.40B', `150 MW offline: ${await kpi(page, 'contract-revenue')}`);
        await page.click('#risk > summary');
        await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('#risk .extra-state')?.textContent || ''));
        const said = await page.textContent('#risk .extra-state');
        assert(/offline before it was first used/.test(said), `risk view offline: ${said}`);
        // The extra module, never fetched: its control says why, and opens
        // when asked again once the network is back.
        await page.click('summary[data-tool="saved"]');
        await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('details.saved .extra-state')?.textContent || ''));
        const why = await page.textContent('details.saved .extra-state');
        assert(/offline before it was first used/.test(why), `saved scenarios offline: ${why}`);
        await edit(page, '160');
        assert(await kpi(page, 'contract-revenue') === '$2.56B', `160 MW offline: ${await kpi(page, 'contract-revenue')}`);
      });
    },
  },
  {
    name: 'a new release is picked up on the next visit and the old cache is removed',
    run: async ({ dist }) => {
      const copy = copyOfDist(dist);
      const port = await freePort();
      let server = await serve(copy.site, port);
      const { context, close } = await launch();
      try {
        const page = await context.newPage();
        await page.goto(server.url);
        await waitForApp(page);
        const first = await waitForServiceWorker(page);
        const old = expectedCache(copy.site).name;
        assert(first.join() === old, `first visit caches: ${first}`);

        // The next release: a changed page, so a new worker with a new cache name.
        await server.stop();
        const indexPath = join(copy.site, 'index.html');
        writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('</title>', '</title>\n  <meta name="release" content="next">'));
        const next = expectedCache(copy.site).name;
        assert(next !== old, 'a changed page did not change the cache name');
        const swPath = join(copy.site, 'sw.js');
        writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(old, next));
        // Deployed later: HTTP validators (Last-Modified has 1 s resolution) see a change.
        const later = new Date(Date.now() + 60_000);
        for (const p of [indexPath, swPath]) utimesSync(p, later, later);
        server = await serve(copy.site, port);

        // Next visit: the new page at once, then the new worker replaces the old.
        await page.goto(server.url);
        await waitForApp(page);
        assert(await page.locator('meta[name="release"]').count() === 1, 'the next visit still shows the old release');
        await until(
          async () => (await page.evaluate(() => caches.keys())).join() === next,
          `only the new cache ${next} (have ${await page.evaluate(() => caches.keys())})`,
        );
        // The page is now served by the new worker.
        await until(
          async () => page.evaluate(async (next) => {
            const c = await caches.open(next);
            return (await c.keys()).length > 5 && !!navigator.serviceWorker.controller;
          }, next),
          'the new worker filled its cache and took control',
        );
        // And offline it is the new release that loads.
        await server.stop();
        await page.reload();
        await waitForApp(page);
        assert(await page.locator('meta[name="release"]').count() === 1, 'offline reload fell back to the old release');
      } finally {
        await close();
        await server.stop();
        copy.remove();
      }
    },
  },
  {
    name: 'no service worker with the #dev or ?dev switch, and the switch removes one',
    run: async ({ dist }) => {
      await withSite(dist, async ({ server, context }) => {
        const page = await context.newPage();
        const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
        await page.goto(`${server.url}#dev`);
        await waitForApp(page);
        await page.waitForTimeout(1000);
        assert(await registrations() === 0, 'a worker was registered with #dev');
        // The app reads the rest of the link as usual.
        await page.goto(`${server.url}?dev`);
        await waitForApp(page);
        await page.waitForTimeout(1000);
        assert(await registrations() === 0, 'a worker was registered with ?dev');
        // A preset id or value containing "dev" is not the switch.
        await page.goto(`${server.url}?x=devices`);
        await waitForApp(page);
        await waitForServiceWorker(page);
        assert(await registrations() === 1, 'no worker without the switch');
        await page.goto(`${server.url}?dev`);
        await waitForApp(page);
        await until(async () => (await registrations()) === 0, 'the ?dev switch removed the worker');
      });
    },
  },
  {
    name: 'the single file opens from file:// alone, shows the charts and reacts to input',
    run: async ({ dist, artifacts }) => {
      // Alone in a folder, as on a USB stick or from an e-mail.
      const folder = mkdtempSync(join(tmpdir(), 'repower-usb-'));
      const file = join(folder, STANDALONE);
      cpSync(join(dist, STANDALONE), file);
      const { context, close } = await launch();
      try {
        const requests = [];
        context.on('request', (r) => requests.push(r.url()));
        const page = await context.newPage();
        const errors = watchErrors(page);
        const url = pathToFileURL(file).href;
        await page.goto(url);
        await waitForApp(page);
        await chartsShown(page);
        assert(await kpi(page, 'contract-revenue') === '$1.60B', `default revenue: ${await kpi(page, 'contract-revenue')}`);
        await edit(page, '150');
        assert(await kpi(page, 'contract-revenue') === '$2.40B', `150 MW: ${await kpi(page, 'contract-revenue')}`);
        await page.selectOption('.preset-picker select', 'core-scientific-coreweave');
        await page.waitForFunction(() => document.querySelector('#hpc-critical-it-mw')?.value === '270');
        // The risk view runs from the file alone (its worker from a blob: URL).
        await page.click('#risk > summary');
        await page.waitForSelector('#risk[data-risk-state="done"]', { timeout: 15000 });
        assert(await page.locator('#chart-tornado svg').count() === 1, 'no tornado in the single file');
        // The extra module too (from the file itself): saved scenarios and
        // the monthly cash flows.
        await page.click('#cash-flows > summary');
        await page.waitForSelector('#cash-flows table');
        await saveOne(page, 'From the file');
        // The JavaScript API is there too, and no worker.
        assert(Number.isFinite(await page.evaluate(() => window.repower.evaluate({}).incremental_npv_usd)), 'API');
        assert(await page.evaluate(() => !navigator.serviceWorker?.controller), 'a service worker on file://');
        const outside = requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:'));
        assert(outside.length === 0, `the single file asked for: ${outside.join(', ')}`);
        const csp = await cspOf(page);
        assert(/default-src 'none'/.test(csp) && !/unsafe-inline/.test(csp), `single-file CSP: ${csp}`);
        assert(errors.length === 0, errors.join('\n'));
        mkdirSync(join(artifacts, 'offline'), { recursive: true });
        await page.screenshot({ path: join(artifacts, 'offline', 'standalone.png'), fullPage: true });
      } finally {
        await close();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'a full session makes no request to any other origin',
    run: async ({ dist }) => {
      const server = await serve(dist);
      const origin = new URL(server.url).origin;
      const { context, close } = await launch();
      const scratch = mkdtempSync(join(tmpdir(), 'repower-session-'));
      try {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
        const seen = [];
        context.on('request', (r) => seen.push(r.url()));
        // Anything leaving for elsewhere is recorded, then refused.
        await context.route((url) => url.origin !== origin, (route) => {
          seen.push(route.request().url());
          return route.abort();
        });
        const page = await context.newPage();
        const errors = watchErrors(page);
        page.on('websocket', (ws) => seen.push(ws.url()));
        await page.goto(server.url);
        await waitForApp(page);
        await waitForServiceWorker(page);
        await page.evaluate(() => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        });
        // Edits, presets, an invalid value, the theme.
        await edit(page, '150');
        await page.fill('#site-energy-price-usd-per-mwh', '61.5');
        await page.fill('#contract-rate-usd-per-kw-month', 'abc');
        await page.waitForSelector('[data-field="contract.rate_usd_per_kw_month"] .error');
        await page.fill('#contract-rate-usd-per-kw-month', '140');
        await page.selectOption('.preset-picker select', 'cipher-fluidstack');
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.click('text=Show the numbers >> nth=0');
        // Exports: both downloads, the link.
        for (const label of ['Save scenario', 'Save results']) {
          const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button:has-text("${label}")`)]);
          const path = join(scratch, download.suggestedFilename());
          await download.saveAs(path);
          assert(readFileSync(path, 'utf8').length > 100, `${label}: empty download`);
          assert(download.url().startsWith('blob:'), `${label} came from ${download.url()}`);
          if (label === 'Save results') {
            // The results say which scenario they belong to.
            const saved = JSON.parse(readFileSync(path, 'utf8'));
            const want = await page.evaluate(() => window.repower.presets().find((p) => p.id === 'cipher-fluidstack').scenario.site.grid_capacity_mw);
            assert(saved.scenario?.site?.grid_capacity_mw === want, `results file scenario: ${JSON.stringify(saved.scenario?.site)}, want ${want} MW`);
            assert(saved.scenario?.schema_version === 2 && saved.input_schema_version === 2, 'results file: not version 2');
            assert(typeof saved.contract_total_revenue_usd === 'number', 'results file lacks the outputs');
          }
        }
        await page.click('button:has-text("Copy link")');
        await page.waitForFunction(() => /copied|Copy this link/.test(document.querySelector('.status')?.textContent || ''));
        // Import the saved scenario back.
        const saved = join(scratch, 'scenario.json');
        writeFileSync(saved, JSON.stringify({ site: { grid_capacity_mw: 120 } }));
        await page.setInputFiles('input[type=file]', saved);
        await page.waitForFunction(() => document.querySelector('#site-grid-capacity-mw')?.value === '120');
        await page.evaluate(() => window.repower.evaluate({ site: { grid_capacity_mw: 90 } }));
        await page.reload();
        await waitForApp(page);
        const foreign = seen.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
        assert(seen.length > 5, `only ${seen.length} requests recorded`);
        assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
        assert(errors.length === 0, errors.join('\n'));
      } finally {
        await close();
        await server.stop();
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'the Content-Security-Policy is in force and refuses an inline script',
    run: async ({ dist }) => {
      await withSite(dist, async ({ server, context }) => {
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(server.url);
        await waitForApp(page);
        const csp = await cspOf(page);
        for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "style-src 'self'"]) {
          assert(csp.includes(d), `CSP lacks ${d}: ${csp}`);
        }
        const scriptSrc = csp.match(/script-src ([^;]*)/)[1];
        assert(/^'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*$/.test(scriptSrc), `script-src: ${scriptSrc}`);
        assert(!/unsafe-inline|unsafe-eval'|\*|https?:/.test(csp.replace("'wasm-unsafe-eval'", '')), `CSP too loose: ${csp}`);
        // The page's only inline scripts are the import map, the first
        // script (which hides the prerendered page from a visitor with inputs
        // of their own) and the early one (which fetches and compiles the
        // wasm while the page is read), each allowed by its hash.
        const inline = await page.$$eval('script:not([src])', (els) => els.map((e) => ({ type: e.type, text: e.textContent })));
        assert(inline.map((s) => s.type).sort().join() === ',,importmap', `inline scripts in the page: ${inline.map((s) => s.type || 'classic')}`);
        for (const { text } of inline) {
          const hash = createHash('sha256').update(text).digest('base64');
          assert(scriptSrc.includes(`'sha256-${hash}'`), `an inline script not allowed by its hash: ${text.slice(0, 80)}`);
        }
        // No errors from the page itself: its own styles and charts pass the policy.
        assert(errors.length === 0, errors.join('\n'));

        const result = await page.evaluate(async () => {
          const violations = [];
          document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = true;';
          document.head.appendChild(s);
          const handler = document.createElement('img');
          handler.setAttribute('onerror', 'window.__handlerRan = true');
          handler.src = 'data:,not-an-image';
          document.body.appendChild(handler);
          const style = document.createElement('style');
          style.textContent = 'body { outline: 9px solid red; }';
          document.head.appendChild(style);
          const div = document.createElement('div');
          div.setAttribute('style', 'width: 123px');
          document.body.appendChild(div);
          const img = new Image();
          img.src = 'https://example.com/pixel.png';
          document.body.appendChild(img);
          await new Promise((r) => setTimeout(r, 300));
          return {
            inlineRan: window.__inlineRan === true,
            handlerRan: window.__handlerRan === true,
            styled: getComputedStyle(document.body).outlineWidth === '9px',
            attrStyled: div.getBoundingClientRect().width === 123,
            violations,
          };
        });
        assert(!result.inlineRan, 'the inline script ran');
        assert(!result.handlerRan, 'an inline event handler ran');
        assert(!result.styled, 'an injected <style> applied');
        assert(!result.attrStyled, 'an injected style attribute applied');
        for (const d of ['script-src-elem', 'script-src-attr', 'style-src-elem', 'style-src-attr', 'img-src']) {
          assert(result.violations.includes(d), `no ${d} violation reported: ${result.violations}`);
        }
        // Each script and style carries integrity, and it matches the file.
        const refs = await page.$$eval('script[src], link[rel=stylesheet], link[rel=modulepreload]',
          (els) => els.map((e) => ({ url: e.src || e.href, integrity: e.integrity })));
        assert(refs.length === 3, `scripts and styles: ${JSON.stringify(refs)}`);
        // The page's wasms' integrity (English, and the Portuguese build) is
        // on the loader's fetch; the glue's and the loader's also in the
        // import map.
        const loaderUrl = refs.find((r) => /loader-/.test(r.url)).url;
        const loader = await (await fetch(loaderUrl)).text();
        // (The loader is minified: either quote.)
        const wasmsIn = (text) => [...text.matchAll(/\[["']([^"'/]+_bg\.wasm)["'],\s*["'](sha384-[^"']+)["']\]/g)].map((m) => `${m[1]} ${m[2]}`).sort();
        const wasms = [...new Set(wasmsIn(loader))];
        assert(wasms.length === 2 && wasms.some((w) => w.startsWith('repower-web-pt-')), `the loader's wasms: ${wasms}`);
        for (const w of wasms) {
          const [name, integrity] = w.split(' ');
          refs.push({ url: new URL(name, loaderUrl).href, integrity });
        }
        // The early script fetches the same wasms, with the same integrity.
        const early = inline.map(({ text }) => [...new Set(wasmsIn(text))]).find((w) => w.length > 0);
        assert(JSON.stringify(early) === JSON.stringify(wasms), `the early script's wasms: ${early}`);
        const map = JSON.parse(await page.textContent('script[type=importmap]')).integrity;
        for (const [spec, integrity] of Object.entries(map)) refs.push({ url: new URL(spec, server.url).href, integrity });
        assert(Object.keys(map).length === 2, `import map: ${JSON.stringify(map)}`);
        for (const { url, integrity } of refs) {
          const body = Buffer.from(await (await fetch(url)).arrayBuffer());
          const want = `sha384-${createHash('sha384').update(body).digest('base64')}`;
          assert(integrity === want, `${url}: integrity ${integrity}, file hashes to ${want}`);
        }
      });
    },
  },
  {
    name: 'the wasms import by short names: no wasm-bindgen hash is left in a wasm or its glue',
    run: async ({ dist }) => {
      const files = readdirSync(dist);
      const wasms = files.filter((f) => f.endsWith('_bg.wasm'));
      assert(wasms.length === 4, `four wasms (the page's in English and in Portuguese): ${wasms.join(', ')}`);
      for (const f of wasms) {
        const bytes = readFileSync(join(dist, f));
        assert(!bytes.includes('__wbg_'), `${f} still imports wasm-bindgen's long names`);
      }
      const glues = files.filter((f) => /^repower-(web|extra|risk)-[0-9a-f]+\.js$/.test(f));
      assert(glues.length === 3, `three glues: ${glues.join(', ')}`);
      for (const f of glues) {
        const long = readFileSync(join(dist, f), 'utf8').match(/__wbg_\w*_[0-9a-f]{16}\b/);
        assert(!long, `${f} still names ${long?.[0]}`);
      }
    },
  },
  {
    name: 'integrity refuses a changed script or wasm',
    run: async ({ dist }) => {
      for (const target of ['glue', 'wasm']) {
        const copy = copyOfDist(dist);
        const html = readFileSync(join(copy.site, 'index.html'), 'utf8');
        const name = target === 'glue'
          ? html.match(/rel="modulepreload" href="\.\/([^"]+)"/)[1]
          : [...html.matchAll(/["']([^"'/]+_bg\.wasm)["']/g)].map((m) => m[1]).find((n) => !n.startsWith('repower-web-pt-'));
        const path = join(copy.site, name);
        const bytes = readFileSync(path);
        if (target === 'glue') {
          writeFileSync(path, Buffer.concat([bytes, Buffer.from('\nwindow.__tampered = true;\n')]));
        } else {
          bytes[bytes.length - 1] ^= 1;
          writeFileSync(path, bytes);
        }
        const server = await serve(copy.site);
        const { context, close } = await launch();
        try {
          const page = await context.newPage();
          const errors = watchErrors(page);
          await page.goto(`${server.url}#dev`);
          await page.waitForTimeout(2500);
          assert(await page.locator('#chart-energy svg').count() === 0, `${target}: the app started from a changed file`);
          assert(await page.evaluate(() => window.__tampered !== true), `${target}: changed code ran`);
          assert(errors.some((e) => /integrity/i.test(e)), `${target}: no integrity error: ${errors.join(' | ')}`);
        } finally {
          await close();
          await server.stop();
          copy.remove();
        }
      }
    },
  },
  {
    name: 'dist/ works unchanged under a sub-path, offline too',
    run: async ({ dist }) => {
      const copy = copyOfDist(dist, 'tools/repower');
      const server = await serve(copy.root);
      const base = `${server.url}tools/repower/`;
      const { context, close } = await launch();
      try {
        const seen = [];
        context.on('request', (r) => seen.push(r.url()));
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto(base);
        await waitForApp(page);
        await chartsShown(page);
        await edit(page, '150');
        await waitForServiceWorker(page);
        const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
        assert(scope === base, `worker scope ${scope}, want ${base}`);
        const manifest = await page.evaluate(async () => {
          const href = document.querySelector('link[rel=manifest]').href;
          const m = await (await fetch(href)).json();
          return { start: new URL(m.start_url, href).href, icons: m.icons.map((i) => new URL(i.src, href).href) };
        });
        assert(manifest.start === base, `manifest start_url resolves to ${manifest.start}`);
        for (const icon of manifest.icons) {
          assert(icon.startsWith(base) && (await fetch(icon)).ok, `icon ${icon}`);
        }
        const outside = seen.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
        assert(outside.length === 0, `requests outside the sub-path: ${outside.join(', ')}`);
        await server.stop();
        await page.reload();
        await waitForApp(page);
        await chartsShown(page);
        assert(errors.length === 0, errors.join('\n'));
      } finally {
        await close();
        await server.stop();
        copy.remove();
      }
    },
  },
];
