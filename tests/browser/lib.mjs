// Shared helpers of the page tests: a static server for dist/ and headless
// Chromium driven by playwright-core (the system's /usr/bin/chromium; no
// browser is ever downloaded).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Serves `dir` on 127.0.0.1 with python's http.server. Resolves once it
 * answers. `stop()` ends it and waits for the port to close.
 */
export async function serve(dir, port) {
  port = port || await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok || r.status === 404) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`server did not start: ${log}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  // May be called again once stopped (a killed child has a signalCode, not an exitCode).
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { url, port, stop, log: () => log };
}

/**
 * Launches headless Chromium with a fresh profile; `close()` removes it.
 * `options` go to the context as they are (e.g. another `viewport`,
 * `deviceScaleFactor`, `isMobile`, `hasTouch`); the window is 1366×900
 * unless they say otherwise.
 */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'repower-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 900 },
    ...options,
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/**
 * Serves `dir`, launches a fresh browser, runs `body({ server, context })`
 * and always closes both (stopping a server the body already stopped is fine).
 */
export async function withSite(dir, body) {
  const server = await serve(dir);
  const { context, close } = await launch();
  try {
    return await body({ server, context });
  } finally {
    await close();
    await server.stop();
  }
}

/**
 * Opens the page on a fresh server and browser (at `viewport` if given);
 * runs `body(page, errors, server, context)`, `errors` being the page's
 * console and uncaught errors so far; cleans up.
 */
export function withPage({ dist }, body, viewport) {
  return withSite(dist, async ({ server, context }) => {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    const errors = watchErrors(page);
    await page.goto(server.url);
    await waitForApp(page);
    return body(page, errors, server, context);
  });
}

/** Collects console errors and uncaught page errors of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Waits until the app has rendered its charts. */
export async function waitForApp(page) {
  await page.waitForSelector('#chart-energy svg', { timeout: 15_000 });
}

/**
 * Starts listening for the page's next `repower:rendered` and resolves once
 * the listener is in place, to a function that waits for that render (at most
 * `ms`, then fails). Call it before the action that renders: a listener set up
 * by an evaluation still in flight may miss the render it waits for, and then
 * wait for ever.
 */
export async function nextRender(page, ms = 15_000) {
  const key = await page.evaluate(() => {
    const k = `__nextRender${(window.__nextRenders = (window.__nextRenders || 0) + 1)}`;
    window[k] = new Promise((r) => document.addEventListener('repower:rendered', () => r(true), { once: true }));
    return k;
  });
  return async () => {
    const seen = await page.evaluate(([k, t]) => Promise.race([window[k], new Promise((r) => setTimeout(() => r(false), t))]), [key, ms]);
    assert(seen, `no render reached the page within ${ms} ms`);
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * Opens every closed "More … inputs" section within `scope` (a selector;
 * the whole page by default) and waits for its inputs: they are built only
 * while their section is open.
 */
export async function openAdvanced(page, scope = '') {
  const opened = await page.$$eval(`${scope} details.advanced:not([open])`, (ds) => {
    for (const d of ds) d.open = true;
    return ds.length;
  });
  if (opened) {
    await page.waitForFunction((s) => [...document.querySelectorAll(`${s} details.advanced`)]
      .every((d) => d.querySelector('[data-field]')), scope, { timeout: 5000 });
  }
}
