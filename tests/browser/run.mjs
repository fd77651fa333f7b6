// Runs every tests/browser/*.test.mjs against the built site (dist/).
// Each file exports `tests`: [{ name, run: async (ctx) => {} }].
// Prints one line per test and a closing "N passed, N failed" line; exits 1
// on any failure. `node tests/browser/run.mjs FILTER` runs matching tests.
// PAGE_TEST_LIMIT_MS sets how long one test may take (5 minutes).
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const dist = join(root, 'dist');
const artifacts = join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: build the site first (bash .ci/build.sh)');
  process.exit(1);
}
const filter = process.argv[2] || '';
// A test that has not finished in this time fails, and the others still run:
// a wait that never ends must not hold up the whole suite.
const limitMs = Number(process.env.PAGE_TEST_LIMIT_MS) || 300_000;
function withinLimit(work) {
  let timer;
  const over = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not finished after ${limitMs / 1000} s: stopped`)), limitMs);
  });
  return Promise.race([work, over]).finally(() => clearTimeout(timer));
}
let passed = 0;
let failed = 0;
const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
for (const file of files) {
  const { tests } = await import(pathToFileURL(join(here, file)).href);
  for (const t of tests) {
    const name = `${file.replace('.test.mjs', '')}: ${t.name}`;
    if (filter && !name.includes(filter)) continue;
    const started = Date.now();
    try {
      await withinLimit(t.run({ root, dist, artifacts }));
      passed += 1;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${name} (${Date.now() - started} ms)\n     ${String(e && e.stack || e).split('\n').join('\n     ')}`);
    }
  }
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
