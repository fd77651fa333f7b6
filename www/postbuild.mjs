#!/usr/bin/env node
// Trunk post-build step (see Trunk.toml): turns Trunk's output into a site
// that works anywhere and sends nothing anywhere.
//
//   * Trunk's inline loader becomes a hashed file, loader-<hash>.js, so the
//     Content-Security-Policy needs no 'unsafe-inline' for scripts.
//   * Every script, style, preload and the wasm fetch carry Subresource
//     Integrity (sha384); an import map gives the glue module its integrity.
//   * The CSP goes into the page as <meta http-equiv>, so it holds on any
//     static host, file:// included.
//   * sw.js: the offline cache. Its cache name is a hash of every file it
//     stores, so each release gets a new cache and drops the old one.
//   * The risk view's worker (Trunk's repower-risk.js, _bg.wasm and loader)
//     becomes hashed files and a loader that checks the wasm's integrity,
//     named in <meta name="repower-risk-worker">. The page loads them only
//     when the risk view is opened; the offline cache keeps them from then.
//   * repower-standalone.html: one file with the wasm, JS, CSS and icon
//     inlined, for file:// (e-mail, USB stick), the risk view's worker
//     included (started from a blob: URL). Its CSP allows exactly its own
//     inline script and style by hash.
//   * The default page, prerendered (www/prerender.json, written by
//     tests/prerender.rs from the app itself), is put in #repower, so the
//     first paint needs no wasm; a first script in <head> hides it from a
//     visitor whose link or saved form will replace the defaults.
//   * Every URL in the page is relative: dist/ works from a web root or any
//     sub-path. An absolute or off-site URL fails the build.
//
// Runs in TRUNK_STAGING_DIR (or the directory given as the first argument).
// Debug builds (`trunk serve`) are left as Trunk wrote them: no CSP (Trunk's
// live-reload script is inline), no service worker, no single file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
const profile = process.env.TRUNK_PROFILE || 'release';
if (!dir || !existsSync(join(dir, 'index.html'))) {
  fail(`no index.html in ${dir || '(no directory given)'}`);
}
if (profile !== 'release') {
  console.log('[postbuild] debug build: leaving Trunk\'s output as it is');
  process.exit(0);
}
if ((process.env.TRUNK_PUBLIC_URL || './') !== './') {
  fail(`public_url must be "./" (relative URLs), got ${process.env.TRUNK_PUBLIC_URL}`);
}

const STANDALONE = 'repower-standalone.html';

function fail(message) {
  console.error(`[postbuild] error: ${message}`);
  process.exit(1);
}
const read = (name) => readFileSync(join(dir, name));
const sha = (alg, data) => createHash(alg).update(data).digest('base64');
const sri = (data) => `sha384-${sha('sha384', data)}`;
const hex = (data) => createHash('sha256').update(data).digest('hex');

let html = read('index.html').toString('utf8');

// ---- Trunk's inline loader -> loader-<hash>.js ---------------------------------

const inline = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>\s*/g)];
if (inline.length !== 1) fail(`expected Trunk's one inline loader, found ${inline.length}`);
const trunkLoader = inline[0][1];
const glueName = trunkLoader.match(/from '\.\/([^'/]+\.js)'/)?.[1];
const wasmName = trunkLoader.match(/module_or_path: '\.\/([^'/]+\.wasm)'/)?.[1];
if (!glueName || !wasmName) fail(`cannot read the loader Trunk wrote:\n${trunkLoader}`);
// The glue and the loader are minified by terser (tests/browser/package.json
// pins it; the wasm's import names are object keys and the module's exports
// keep their names, so neither changes).
const terser = (() => {
  const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
  try {
    return require('terser');
  } catch {
    return fail('terser is missing: run bash .ci/setup.sh (it installs the npm tools in tests/browser)');
  }
})();
async function minify(name, text) {
  const out = await terser.minify(text, { module: true, compress: true, mangle: true, format: { comments: false } });
  if (!out.code) fail(`${name}: terser wrote nothing`);
  return out.code;
}
// The glue as wasm-bindgen wrote it (the Portuguese page's is matched to it
// below).
const enGlueText = read(glueName).toString('utf8');
// The glue's preload's integrity is recomputed below.
{
  writeFileSync(join(dir, glueName), await minify(glueName, read(glueName).toString('utf8')));
  html = html.replace(/(<link rel="modulepreload" href="\.\/[^"]+\.js"[^>]*?)\s+integrity="[^"]*"/, '$1');
}

// ---- the wasms' import names, shortened ----------------------------------------

// wasm-bindgen names each function a wasm imports from its glue after what
// it calls and a 16-digit hash (`__wbg_appendChild_dbf7ad2f48413560`); the
// name is in both files, and the hashes do not compress. Each becomes a
// short name (`a`, `b`, … `Z`, `a1`, …) in the wasm's import section and in
// the glue's one object of imports, where each must be found exactly once,
// as an object key. For the page's wasm and glue: 5.7 KB gzip less of the
// first download. The extra module and the risk view's worker get the same.
const SHORT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (i) => SHORT[i % SHORT.length] + (i >= SHORT.length ? Math.floor(i / SHORT.length) : '');
function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    if (at >= bytes.length) fail('the wasm ends inside a number');
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function writeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}
/** The wasm's sections: each one's id and where its body starts and ends. */
function sections(wasm, file) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) fail(`${file} is not a wasm module`);
  const out = [];
  for (let at = 8; at < wasm.length;) {
    const start = at;
    const id = wasm[at++];
    let size;
    [size, at] = leb(wasm, at);
    out.push({ id, start, body: at, end: at + size });
    at += size;
  }
  return out;
}
/** The wasm's imports: each one's module, name and the bytes that follow
 *  (what it imports), with the bytes before and after the import section. */
function readImports(wasm, file) {
  for (const { id, start, body, end } of sections(wasm, file)) {
    if (id !== 2) continue;
    let at = body, count;
    [count, at] = leb(wasm, at);
    const imports = [];
    for (let n = 0; n < count; n++) {
      const text = () => {
        let length;
        [length, at] = leb(wasm, at);
        at += length;
        return wasm.subarray(at - length, at).toString('utf8');
      };
      const module = text(), name = text();
      const from = at;
      const kind = wasm[at++];
      const limits = () => { const flags = wasm[at++]; [, at] = leb(wasm, at); if (flags & 1) [, at] = leb(wasm, at); };
      if (kind === 0) [, at] = leb(wasm, at); // a function: its type
      else if (kind === 1) { at++; limits(); } // a table: its type, its limits
      else if (kind === 2) limits(); // a memory
      else if (kind === 3) at += 2; // a global: its type, mutable or not
      else if (kind === 4) { at++; [, at] = leb(wasm, at); } // a tag
      else fail(`${file}: an import of unknown kind ${kind}`);
      imports.push({ module, name, what: wasm.subarray(from, at) });
    }
    if (at !== end) fail(`${file}: the import section does not end where it says`);
    return { imports, before: wasm.subarray(0, start), after: wasm.subarray(end) };
  }
  return fail(`${file} imports nothing`);
}
/** `wasm` with its imports replaced by `imports` (as readImports gives them). */
function writeImports({ before, after }, imports) {
  const text = (t) => { const b = Buffer.from(t, 'utf8'); return [writeLeb(b.length), b]; };
  const body = Buffer.concat([writeLeb(imports.length), ...imports.flatMap((i) => [...text(i.module), ...text(i.name), i.what])]);
  return Buffer.concat([before, Buffer.from([2]), writeLeb(body.length), body, after]);
}
/** The module a wasm-bindgen wasm (as Trunk names it) imports its glue's
 *  functions from: its name with `.js` for `.wasm`, without Trunk's hash. */
const importModule = (wasmFile) => `./${wasmFile.replace(/-[0-9a-f]+_bg\.wasm$/, '_bg.wasm').replace(/\.wasm$/, '.js')}`;
/** Shortens the names `wasmFile` imports from its glue, in both files;
 *  gives each import's new name by its old. */
function shortenImports(glueFile, wasmFile) {
  const module = importModule(wasmFile);
  let text = read(glueFile).toString('utf8');
  if (!text.includes(JSON.stringify(module))) fail(`${glueFile} names no import module ${module}`);
  const wasm = readImports(read(wasmFile), wasmFile);
  const names = wasm.imports.filter((i) => i.module === module).map((i) => i.name);
  if (names.length === 0) fail(`${wasmFile} imports nothing from ${module}`);
  const rename = new Map(names.map((name, i) => [name, shortName(i)]));
  if (rename.size !== names.length) fail(`${wasmFile} imports a name twice`);
  for (const [name, short] of rename) {
    const word = new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g');
    const hits = text.match(word)?.length ?? 0;
    if (hits !== 1 || !new RegExp(`[{,]\\s*${name}\\s*:`).test(text)) fail(`${glueFile}: ${name} is there ${hits} times, not once as a key`);
    text = text.replace(word, short);
  }
  writeFileSync(join(dir, glueFile), text);
  const imports = wasm.imports.map((i) => (i.module === module ? { ...i, name: rename.get(i.name) } : i));
  writeFileSync(join(dir, wasmFile), writeImports(wasm, imports));
  return rename;
}

// ---- the page in Brazilian Portuguese: its own wasm, the same glue -------------

// repower-web-pt (src/main_pt.rs) is the page built with its texts in
// Portuguese (feature baked-pt-br, src/lang.rs): no English text in it and
// no catalogue to fetch before it starts, so a Portuguese first visit
// downloads about as much as an English one (the English wasm and the
// catalogue's page part would be 26 KB gzip more). The first script chose
// the language; the early script and the loader fetch this wasm for a page
// in Portuguese. Built from the same code, it imports and exports the same
// functions, but wasm-bindgen numbers the table's functions it exports
// (`__wasm_bindgen_func_elem_N`) by their place in each wasm: they are
// renamed to the English wasm's (matched by where each glue names them),
// and its imports renamed as the English wasm's are, so the English glue
// starts it. The build fails unless the two glues, so renamed, import the
// same and the two wasms export the same names.
const PT = { glue: 'repower-web-pt.js', wasm: 'repower-web-pt_bg.wasm', lang: 'pt-BR' };
for (const f of [PT.glue, PT.wasm]) {
  if (!existsSync(join(dir, f))) fail(`${f} is missing: is the Portuguese page in www/index.html?`);
}
/** The names `wasm` exports. */
function exportNames(wasm, file) {
  const section = sections(wasm, file).find((x) => x.id === 7);
  if (!section) fail(`${file} exports nothing`);
  let at = section.body, count;
  [count, at] = leb(wasm, at);
  const names = [];
  for (let n = 0; n < count; n++) {
    let length;
    [length, at] = leb(wasm, at);
    names.push(wasm.subarray(at, at + length).toString('utf8'));
    at += length + 1;
    [, at] = leb(wasm, at);
  }
  return { names, section };
}
/** `wasm` with its exports renamed by `rename` (a name it lacks stays). */
function renameExports(wasm, file, rename) {
  const { section } = exportNames(wasm, file);
  let at = section.body, count;
  [count, at] = leb(wasm, at);
  const parts = [writeLeb(count)];
  for (let n = 0; n < count; n++) {
    let length;
    [length, at] = leb(wasm, at);
    const name = wasm.subarray(at, at + length).toString('utf8');
    at += length;
    const what = at;
    at += 1;
    [, at] = leb(wasm, at);
    const renamed = Buffer.from(rename.get(name) ?? name, 'utf8');
    parts.push(writeLeb(renamed.length), renamed, wasm.subarray(what, at));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([wasm.subarray(0, section.start), Buffer.from([7]), writeLeb(body.length), body, wasm.subarray(section.end)]);
}
// Trunk builds it as a worker: its glue is a classic script, the same code
// inside a function, indented once.
const ptGlueText = read(PT.glue).toString('utf8').replace(/^ {4}/gm, '');
const ELEM = /__wasm_bindgen_func_elem_\d+(?:_\d+)*/g;
const ptModule = importModule(PT.wasm);
const enModule = importModule(wasmName);
// What each glue gives its wasm to import, by name: each import's code.
const importsOf = (text, file) => {
  const body = text.match(/function __wbg_get_imports\(\) \{[\s\S]*?\n\}\n/)?.[0] ?? fail(`${file}: no __wbg_get_imports`);
  // (A cast's comment names the place of its shim in its wasm, which differs.)
  return new Map(body.split(/\n {8}(?=[\w$]+: )/).slice(1)
    .map((code) => [code.match(/^[\w$]+/)[0], code.replace(/shim_idx: \d+/g, 'shim_idx')]));
};
const elemRename = new Map();
/** The English glue's name of each import the Portuguese glue names
 *  otherwise: wasm-bindgen numbers its casts of closures
 *  (`__wbindgen_generic_N`) in the order it meets them in each wasm. */
const importAs = new Map();
{
  // The Portuguese wasm imports what the English one does, or less: each of
  // its imports is the English one's of the same name (or, for a cast, the
  // one English cast written alike), its exported functions named as the
  // English wasm's at the same places.
  const enImports = importsOf(enGlueText, glueName);
  /** An import's code without its name and the functions it names. */
  const shape = (code) => code.replace(/^[\w$]+/, '').replace(ELEM, 'ELEM');
  const CAST = /^__wbindgen_generic_\d+$/;
  for (const [name, own] of importsOf(ptGlueText, PT.glue)) {
    const code = own.replaceAll(JSON.stringify(ptModule), JSON.stringify(enModule));
    let en = enImports.get(name);
    if (CAST.test(name) && (en === undefined || shape(en) !== shape(code))) {
      const alike = [...enImports].filter(([n, c]) => CAST.test(n) && shape(c) === shape(code));
      if (alike.length !== 1) fail(`${PT.glue}: ${name} is ${alike.length} of ${glueName}'s casts`);
      importAs.set(name, alike[0][0]);
      en = alike[0][1].replace(/^[\w$]+/, name);
    }
    if (en === undefined) fail(`${PT.glue} imports ${name}, which ${glueName} does not`);
    const ptElems = code.match(ELEM) ?? [];
    const enElems = en.match(ELEM) ?? [];
    if (ptElems.length !== enElems.length) fail(`${PT.glue}: ${name} is not ${glueName}'s`);
    ptElems.forEach((pt, i) => {
      if ((elemRename.get(pt) ?? enElems[i]) !== enElems[i]) fail(`${PT.glue}: ${pt} is not one function of ${glueName}'s`);
      elemRename.set(pt, enElems[i]);
    });
    if (code.replace(ELEM, (e) => elemRename.get(e)) !== en) {
      fail(`${PT.glue} and ${glueName} do not import ${name} alike`);
    }
  }
  if (new Set(elemRename.values()).size !== elemRename.size) fail(`${PT.glue}: two exported functions are one of ${glueName}'s`);
  if (new Set(importAs.values()).size !== importAs.size) fail(`${PT.glue}: two casts are one of ${glueName}'s`);
}
const importRename = shortenImports(glueName, wasmName);
const glue = read(glueName);
const wasmBytes = read(wasmName);
const ptWasmBytes = (() => {
  const elem = /^__wasm_bindgen_func_elem_\d+(?:_\d+)*$/;
  const unknown = exportNames(read(PT.wasm), PT.wasm).names.filter((name) => elem.test(name) && !elemRename.has(name));
  if (unknown.length) fail(`${PT.wasm} exports ${unknown.join(', ')}, which no import of its glue names`);
  let ptWasm = renameExports(read(PT.wasm), PT.wasm, elemRename);
  const ptImports = readImports(ptWasm, PT.wasm);
  const imports = ptImports.imports.map((i) => {
    if (i.module !== ptModule) return i;
    const name = importRename.get(importAs.get(i.name) ?? i.name);
    if (!name) fail(`${PT.wasm} imports ${i.name}, which ${wasmName} does not`);
    return { ...i, module: enModule, name };
  });
  ptWasm = writeImports(ptImports, imports);
  // Every name it exports is the English wasm's.
  const en = new Set(exportNames(wasmBytes, wasmName).names);
  const foreign = exportNames(ptWasm, PT.wasm).names.filter((name) => !en.has(name));
  if (foreign.length) fail(`${PT.wasm} exports ${foreign.join(', ')}, which ${wasmName} does not`);
  return ptWasm;
})();
const ptWasmName = `repower-web-pt-${hex(ptWasmBytes).slice(0, 16)}_bg.wasm`;
writeFileSync(join(dir, ptWasmName), ptWasmBytes);
for (const f of [PT.glue, PT.wasm]) unlinkSync(join(dir, f));
/** The page's wasm for each language other than English (its name and
 *  integrity, by code): each has a build of its own, speaking it with no
 *  catalogue, as the English build speaks English (src/lang.rs, `BAKED`). */
const ownWasms = { [PT.lang]: [ptWasmName, sri(ptWasmBytes)] };
/** Script: the page's wasm of the language the first script chose (its name
 *  and integrity) given the languages' own builds (`own`). */
const pageWasmIn = (own) => `(${own}[document.documentElement.lang] || ${JSON.stringify([wasmName, sri(wasmBytes)])})`;

// ---- the stylesheet: the page's, and the extra module's part ------------------

// Comments and the space around punctuation go (www/style.css keeps them).
// Strings in it hold no `{};,>` and no comment marks, so nothing inside one
// changes.
function minifyCss(name, text) {
  const min = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
  if ((min.match(/{/g) || []).length !== (min.match(/}/g) || []).length) fail(`${name}: unbalanced braces after minifying`);
  return min;
}
// What styles only the parts the extra module fills (between the
// stylesheet's "extra module: begin" and "end" marks) leaves the first
// visit's stylesheet: the module adopts it as it starts (a constructed
// stylesheet, after the page's in the cascade, so the marked rules keep
// their order and win their ties as they did at the stylesheet's end).
const EXTRA_CSS = /\/\* extra module: begin \*\/([\s\S]*?)\/\* extra module: end \*\//g;
let extraCss;
{
  const cssFile = html.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/)?.[1];
  if (!cssFile) fail('no stylesheet in index.html');
  const text = read(cssFile).toString('utf8');
  extraCss = minifyCss(`${cssFile}, the extra module's part`, [...text.matchAll(EXTRA_CSS)].map((m) => m[1]).join('\n'));
  if (!extraCss) fail(`${cssFile}: no part marked for the extra module`);
  const page = minifyCss(cssFile, text.replace(EXTRA_CSS, ''));
  if (/extra module: (begin|end)/.test(text.replace(EXTRA_CSS, ''))) fail(`${cssFile}: an unpaired extra module mark`);
  writeFileSync(join(dir, cssFile), page);
}
const adoptExtraCss = `{
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(extraCss)});
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}`;

// ---- the language catalogues --------------------------------------------------

// Each language but English (the code's own) has a catalogue
// (www/lang/CODE.json, checked by tests/texts.rs). The page's copy is in the
// form lang::load reads: one entry a line, each English text's key (as
// lang::key computes it: FNV-1a, 32 bits, of its UTF-8 bytes, written in six
// base64url digits) followed by its translation; not the English text: the
// page has it already. It comes in two parts under hashed names: the texts
// the page's own wasm holds, which the loader fetches (with its integrity)
// for the language the first script chose, before the wasm starts; and the
// rest, the extra module's and the risk view's, fetched with the extra
// module and added to the first.
const prerender = JSON.parse(readFileSync(new URL('./prerender.json', import.meta.url), 'utf8'));
const fnv1a = (s) => {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
};
const KEY_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const keyText = (k) => [5, 4, 3, 2, 1, 0].map((i) => KEY_DIGITS[Math.floor(k / 64 ** i) % 64]).join('');
const catalogues = {};
for (const code of Object.keys(prerender.langs).filter((c) => c !== 'en')) {
  const entries = Object.entries(JSON.parse(readFileSync(new URL(`./lang/${code}.json`, import.meta.url), 'utf8')))
    .map(([en, said]) => ({ key: fnv1a(en), page: wasmBytes.includes(Buffer.from(en, 'utf8')), said }))
    .sort((a, b) => a.key - b.key);
  entries.forEach(({ key, said }, i) => {
    if (i > 0 && entries[i - 1].key === key) fail(`lang/${code}.json: two texts with the key ${keyText(key)}`);
    if (/[\r\n]/.test(said)) fail(`lang/${code}.json: a translation with a line break (${keyText(key)})`);
  });
  const part = (suffix, which) => {
    const text = entries.filter(which).map(({ key, said }) => `${keyText(key)}${said}\n`).join('');
    const name = `${code}${suffix}-${hex(Buffer.from(text)).slice(0, 16)}.txt`;
    writeFileSync(join(dir, name), text);
    return { name, text, integrity: sri(Buffer.from(text)) };
  };
  const page = part('', (e) => e.page);
  const later = part('-later', (e) => !e.page);
  catalogues[code] = { page, later, text: page.text + later.text };
}
for (const code of Object.keys(catalogues)) {
  // The English build speaks English only: a language the page offers
  // needs a build of its own (www/index.html, the PT step above).
  if (!(code in ownWasms)) fail(`lang/${code}.json: the page has no build in ${code}`);
}
const catalogueNames = Object.values(catalogues).flatMap((c) => [c.page.name, c.later.name]);
/** Each language's part `which` (page, later): its name and integrity, by code. */
const partsOf = (which) => JSON.stringify(Object.fromEntries(Object.entries(catalogues).map(([code, c]) => [code, [c[which].name, c[which].integrity]])));

// ---- the extra module -> hashed files, loaded when first used -------------------

// The parts of the page used later, if at all (saved scenarios, the monthly
// cash flows; src/extra.rs, src/web/extra.rs). Trunk builds the module as a
// worker (a classic script defining wasm_bindgen); the page runs it on its
// own thread. The page's loader (below) hands the page's host to
// extraReady, which adds the script (hashed, with its integrity) when a
// control is first opened, then calls window.repowerExtra(), which starts
// the wasm once and gives its exports.
const EXTRA = { glue: 'repower-extra.js', wasm: 'repower-extra_bg.wasm' };
for (const f of Object.values(EXTRA)) {
  if (!existsSync(join(dir, f))) fail(`${f} is missing: is the extra module in www/index.html?`);
}
shortenImports(EXTRA.glue, EXTRA.wasm);
const extraGlue = read(EXTRA.glue);
const extraWasm = read(EXTRA.wasm);
const extraHash = hex(Buffer.concat([extraGlue, extraWasm])).slice(0, 16);
const extraWasmName = `repower-extra-${extraHash}_bg.wasm`;
const extraScript = `${extraGlue.toString('utf8')}
// The stylesheet of the parts the module fills.
${adoptExtraCss}
// Started by the page when one of its parts is first opened: the wasm,
// checked against its hash, once.
{
  const base = document.currentScript.src;
  let started;
  window.repowerExtra = () => (started ??= wasm_bindgen({ module_or_path: fetch(new URL('./${extraWasmName}', base), { integrity: '${sri(extraWasm)}' }) })
    .then(() => wasm_bindgen, (e) => { started = undefined; throw e; }));
}
`;
const extraScriptName = `repower-extra-${hex(extraScript).slice(0, 16)}.js`;
writeFileSync(join(dir, extraScriptName), extraScript);
writeFileSync(join(dir, extraWasmName), extraWasm);
for (const f of Object.values(EXTRA)) unlinkSync(join(dir, f));

/**
 * What the page's loader (and the single file) runs for the extra module
 * (src/web/extra.rs): the page hands over its host as it starts; a
 * <details data-extra="NAME"> is filled by the module's NAME when first
 * opened, or soon after the start when the host names it. `start` is an
 * expression giving the module's exports.
 */
const extraReady = (start) => `// The extra module (src/web/extra.rs): the page hands over its host as it
// starts; a <details data-extra="NAME"> is filled by the module's NAME when
// first opened, or soon after the start when the host names it.
window.repowerExtraReady = (host) => {
  // Marked on the place, so a control the page draws anew is filled again.
  const fill = (control) => {
    const name = control.dataset.extra;
    const into = control.querySelector('.extra-place');
    if (!into || into.dataset.filled) return;
    into.dataset.filled = 'loading';
    host('loading', name, '');
    Promise.resolve().then(() => ${start}).then((m) => m[name](into, host)).then(
      () => { into.dataset.filled = 'yes'; host('mounted', name, ''); },
      (e) => { delete into.dataset.filled; host('failed', name, String((e && e.message) || e)); });
  };
  document.addEventListener('toggle', (e) => {
    if (e.target.open && e.target.dataset && e.target.dataset.extra) fill(e.target);
  }, true);
  const now = host('stored', '', '');
  if (now) setTimeout(() => document.querySelectorAll(\`[data-extra="\${now}"]\`).forEach(fill), 400);
};
`;
const extraServed = `// The texts of the language chosen, both parts (the page's own build
// fetched none), given to the extra module and the risk view's worker before
// the module starts; none when the page speaks English.
const laterPart = ${partsOf('later')}[document.documentElement.lang];
const pagePart = ${partsOf('page')}[document.documentElement.lang];
const textOf = (part) => fetch(new URL('./' + part[0], import.meta.url), { integrity: part[1] })
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status))));
let laterTexts;
const moreTexts = () => (laterTexts ??= !laterPart
  ? Promise.resolve()
  : Promise.all([textOf(pagePart), textOf(laterPart)])
    .then(([first, rest]) => { window.repowerTexts = first + rest; }, () => {
      laterTexts = undefined;
      throw new Error('its texts could not be fetched (offline before it was first used?)');
    }));
${extraReady(`Promise.all([window.repowerExtra || new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.onload = resolve;
      s.onerror = () => reject(new Error('its file could not be fetched (offline before it was first used?)'));
      Object.assign(s, { src: new URL('./${extraScriptName}', import.meta.url).href, integrity: '${sri(extraScript)}', crossOrigin: 'anonymous' });
      document.head.append(s);
    }), moreTexts()]).then(() => window.repowerExtra())`)}`;

// What the loader and the single file run before starting the wasm. The
// app replaces the prerendered page (#repower[data-pre]) as it starts, in
// the same task, so nothing flashes. After its first render, what was done
// on the prerendered page is done again on the app's (a preset chosen, then
// each input typed into: a change or input event each, as if done now), and
// the box that had the keyboard and the scroll come back. Should the wasm not start, the page says so instead.
const takeOver = `const says = ${JSON.stringify(prerender.langs)}[document.documentElement.lang] || ${JSON.stringify(prerender.langs.en)};
if (document.documentElement.lang !== 'en') {
  const say = document.querySelector('#repower > .loading');
  if (say) say.textContent = says.loading;
}
{
  const pre = document.querySelector('#repower[data-pre]');
  if (pre) {
    const before = [...pre.querySelectorAll('[data-field] input')];
    const picker = pre.querySelector('select[data-tool="picker"]');
    // A language chosen on the prerendered page: chosen again on the app's.
    let language = null;
    pre.addEventListener('click', (e) => { language = e.target.closest('[data-tool="language"]') || language; });
    let focused = pre.contains(document.activeElement) ? document.activeElement : null;
    pre.addEventListener('focusin', (e) => { focused = e.target; });
    // Where the reader scrolled to: the first element (with an id) whose
    // bottom is in the window, and where its top was, so the app's same
    // element goes back there whatever the heights above it (the
    // prerendered form's groups out of view were never laid out).
    let scrolled = scrollY;
    let anchor = null;
    const marked = [...pre.querySelectorAll('[id]')].filter((e) => !e.closest('.result-bar'));
    const onScroll = () => {
      scrolled = scrollY;
      const at = marked.find((e) => e.getBoundingClientRect().bottom > 0);
      anchor = at ? [at.id, at.getBoundingClientRect().top] : null;
    };
    addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('repower:rendered', () => {
      removeEventListener('scroll', onScroll);
      pre.removeAttribute('data-pre');
      // A preset chosen first (it fills the whole form), then the inputs.
      // A language chosen: the app loads the page again in it.
      const twinLanguage = language && document.querySelector(\`[data-tool="language"][lang="\${language.lang}"]\`);
      if (twinLanguage) {
        twinLanguage.click();
        return;
      }
      const chose = picker && picker.selectedOptions[0];
      const twinPicker = document.querySelector('select[data-tool="picker"]');
      if (chose && !chose.defaultSelected && twinPicker) {
        twinPicker.value = picker.value;
        twinPicker.dispatchEvent(new Event('change', { bubbles: true }));
      }
      const twin = (i) => document.querySelector(\`[data-field="\${i.closest('[data-field]').dataset.field}"] input[type="\${i.type}"]\`);
      for (const i of before) {
        const box = twin(i);
        const check = i.type === 'checkbox';
        // Left as first shown, or already the app's (its first render took
        // what was typed before it started: web::typed_before_start).
        if (!box || (check ? i.checked === i.defaultChecked : i.value === i.defaultValue || box.value === i.value)) continue;
        if (check) box.checked = i.checked;
        else box.value = i.value;
        box.dispatchEvent(new Event(check ? 'change' : 'input', { bubbles: true }));
      }
      const box = focused && focused.closest('[data-field]') && twin(focused);
      if (box) {
        box.focus();
        if (focused.type === 'text') box.setSelectionRange(focused.selectionStart, focused.selectionEnd);
      }
      const same = anchor && document.getElementById(anchor[0]);
      if (same) scrollBy(0, same.getBoundingClientRect().top - anchor[1]);
      else if (scrolled && scrollY !== scrolled) scrollTo(0, scrolled);
    }, { once: true });
  }
}
const failed = (e) => {
  document.documentElement.removeAttribute('data-defaults');
  const say = document.querySelector('#repower > .loading');
  if (say) say.textContent = says.failed.replace('{why}', (e && e.message) || e);
  throw e;
};
`;

const loader = await minify('the loader', `// Starts Repower: the wasm (checked against its hash), then, on http(s)
// and outside development (#dev or ?dev), the offline cache (sw.js).
import init, * as bindings from './${glueName}';

const DEV = /(?:^|[?#&])dev(?:[=&]|$)/;
// The page's wasm: its language's own build, or the English one.
const ownWasms = ${JSON.stringify(ownWasms)};
const [wasmFile, wasmIntegrity] = ${pageWasmIn('ownWasms')};
const ownWasm = document.documentElement.lang in ownWasms;

function offlineCache() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const scope = new URL('./', import.meta.url).href;
  if (DEV.test(location.hash) || DEV.test(location.search)) {
    // Development: no offline cache, and none left from an earlier visit.
    navigator.serviceWorker.getRegistrations()
      .then((all) => all.filter((r) => r.scope === scope).forEach((r) => r.unregister()))
      .catch(() => {});
    return;
  }
  // The offline cache keeps the page's wasm of the language it is in.
  const sw = ownWasm ? './sw.js?lang=' + encodeURIComponent(document.documentElement.lang) : './sw.js';
  navigator.serviceWorker.register(new URL(sw, import.meta.url), { scope })
    .catch((e) => console.warn('Repower: the offline copy is not available here:', e));
}
if (document.readyState === 'complete') offlineCache();
else addEventListener('load', offlineCache, { once: true });

${extraServed}
${takeOver}
// The wasm as the page's early script compiles it while the page is still
// being read; fetched again here should that fail (a server that does not
// call it application/wasm, say) or the script not be there.
const wasmUrl = new URL('./' + wasmFile, import.meta.url);
const wasmFetched = () => fetch(wasmUrl, { integrity: wasmIntegrity });
const wasmSource = window.repowerWasm ? window.repowerWasm.catch(wasmFetched) : wasmFetched();
const wasm = await wasmSource.then((source) => init({ module_or_path: source })).catch(failed);
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`);
const loaderName = `loader-${hex(loader).slice(0, 16)}.js`;
writeFileSync(join(dir, loaderName), loader);

// ---- the risk view's worker -> hashed files, loaded when the view opens ------------

const RISK = { glue: 'repower-risk.js', wasm: 'repower-risk_bg.wasm', shim: 'repower-risk_loader.js' };
for (const f of Object.values(RISK)) {
  if (!existsSync(join(dir, f))) fail(`${f} is missing: is the risk worker in www/index.html?`);
}
shortenImports(RISK.glue, RISK.wasm);
const riskGlue = read(RISK.glue);
const riskWasm = read(RISK.wasm);
const riskHash = hex(Buffer.concat([riskGlue, riskWasm])).slice(0, 16);
const riskGlueName = `repower-risk-${riskHash}.js`;
const riskWasmName = `repower-risk-${riskHash}_bg.wasm`;
const riskLoader = `// Starts the risk view's worker: its glue, then its wasm, checked against
// its hash. The page starts it when the risk view is first opened.
importScripts('./${riskGlueName}');
wasm_bindgen({ module_or_path: fetch(new URL('./${riskWasmName}', self.location), { integrity: '${sri(riskWasm)}' }) });
`;
const riskLoaderName = `repower-risk-loader-${hex(riskLoader).slice(0, 16)}.js`;
writeFileSync(join(dir, riskGlueName), riskGlue);
writeFileSync(join(dir, riskWasmName), riskWasm);
writeFileSync(join(dir, riskLoaderName), riskLoader);
for (const f of Object.values(RISK)) unlinkSync(join(dir, f));
const riskMeta = `<meta name="repower-risk-worker" content="./${riskLoaderName}">`;

/** Fetched only when first used: not part of the first download. */
const LAZY = [riskLoaderName, riskGlueName, riskWasmName, extraScriptName, extraWasmName, ...catalogueNames];

// ---- the stylesheet, minified (its extra module's part taken out above) -------

// The stylesheet's integrity is recomputed below.
html = html.replace(/(<link rel="stylesheet" href="\.\/[^"]+\.css"[^>]*?)\s+integrity="[^"]*"/, '$1');

// ---- integrity on every script and style ---------------------------------------

// Trunk's preload of the page's wasm goes: the page's early script fetches
// it (below).
{
  const preload = new RegExp(`\\s*<link rel="preload" href="\\./${wasmName.replace(/[.]/g, '\\.')}"[^>]*>`);
  if (!preload.test(html)) fail(`no preload of ${wasmName} to replace`);
  html = html.replace(preload, '');
}
// Trunk adds sha384 to the stylesheet and the glue's preload; check each
// against the file, and add it where missing.
html = html.replace(inline[0][0], '');
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const rel = attr(tag, 'rel');
  if (!['stylesheet', 'modulepreload'].includes(rel)) return tag;
  const file = localFile(attr(tag, 'href'));
  const want = sri(read(file));
  const have = attr(tag, 'integrity');
  if (have && have !== want) fail(`${file}: integrity ${have} does not match the file (${want})`);
  return have ? tag : tag.replace(/\s*\/?>$/, ` integrity="${want}">`);
});

const importMap = JSON.stringify({ integrity: { [`./${glueName}`]: sri(glue), [`./${loaderName}`]: sri(loader) } });
const importMapTag = `<script type="importmap">${importMap}</script>`;
const loaderTag = `<script type="module" src="./${loaderName}" integrity="${sri(loader)}" crossorigin="anonymous"></script>`;

// ---- the prerendered page ------------------------------------------------------

// The default page as the app first draws it (tests/prerender.rs keeps the
// file current), shown until the app replaces it in place. The stylesheet
// shows it only once a first script has marked the page (data-defaults) as
// one whose figures are the visitor's: no link with inputs (anything in the
// fragment but the #dev switch), no form saved here other than a first
// visit's, no display currency kept here (figures in another currency than
// the dollar), storage that reads. Otherwise (or with no JavaScript) the page
// says "Loading the calculator…" as before.
// It also chooses the language (<html lang>): a link's \`lang\` (kept as
// the one chosen here), else the one chosen here before, else the first of
// the browser's languages the page speaks (Portuguese for any pt), else
// English. The prerendered page is English: it shows only then.
// A first visit's form is known by its length and two 32-bit FNV-1a hashes
// of it (different seeds), not by the whole text, which would cost the page
// half a kilobyte gzip: another form that matched all three would have to be
// built to.
const fnv = (text, seed) => {
  let h = seed;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
};
const FNV_SEEDS = [2166136261, 3144134277];
const ownScript = (await minify('the first script', `{
  const langs = ${JSON.stringify(Object.keys(prerender.langs))};
  const known = (code) => code && langs.find((l) => l.toLowerCase() === String(code).toLowerCase());
  const linked = location.hash.slice(1).split('&').find((p) => p.startsWith('lang='));
  let lang;
  try { lang = linked && known(decodeURIComponent(linked.slice(5))); } catch {}
  try {
    if (lang) localStorage.setItem(${JSON.stringify(prerender.lang_key)}, lang);
    else lang = known(localStorage.getItem(${JSON.stringify(prerender.lang_key)}));
  } catch {}
  for (const tag of lang ? [] : navigator.languages || [navigator.language]) {
    const primary = String(tag).split('-')[0].toLowerCase();
    lang = langs.find((l) => l.split('-')[0].toLowerCase() === primary);
    if (lang) break;
  }
  document.documentElement.lang = lang || 'en';
  try {
    const own = location.hash.slice(1).split('&').some((p) => p && !/^(dev|lang)(=|$)/.test(p));
    const form = localStorage.getItem(${JSON.stringify(prerender.key)});
    const dollars = localStorage.getItem(${JSON.stringify(prerender.display_key)}) === null;
    const fnv = ${fnv.toString()};
    const first = (text) => text.length === ${prerender.form.length} && ${FNV_SEEDS.map((seed) => `fnv(text, ${seed}) === ${fnv(prerender.form, seed)}`).join(' && ')};
    if (document.documentElement.lang === 'en' && !own && dollars && (form === null || first(form))) {
      document.documentElement.setAttribute('data-defaults', '');
    }
  } catch {}
}`)).replace(/<\//g, '<\\/');
const ownTag = `<script>${ownScript}</script>`;

// The page's wasm, fetched (checked against its hash) and compiled as soon as
// the page's head is read, while the parser reads the rest (the prerendered
// page takes a phone a while); the loader, which runs once the page is read,
// starts it, in place of Trunk's preload of the same file (removed above).
// The wasm is the language's own build when it has one (the first script,
// before this one, chose the language).
const earlyScript = await minify('the early compile', `{
  const [file, integrity] = ${pageWasmIn(JSON.stringify(ownWasms))};
  window.repowerWasm = fetch('./' + file, { integrity }).then((r) => WebAssembly.compileStreaming(r));
  window.repowerWasm.catch(() => {});
}`);
const earlyTag = `<script>${earlyScript}</script>`;
{
  const at = '<div id="repower">';
  if (!html.includes(at)) fail(`no ${at} to put the prerendered page in`);
  const loading = html.indexOf('</p>', html.indexOf(at)) + 4;
  html = `${html.slice(0, loading).replace(at, '<div id="repower" data-pre>')}${prerender.html}${html.slice(loading)}`;
}

// ---- Content-Security-Policy ---------------------------------------------------

const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${sha('sha256', importMap)}' 'sha256-${sha('sha256', ownScript)}' 'sha256-${sha('sha256', earlyScript)}'`,
  "style-src 'self'",
  // No style attributes anywhere (the chart tests check the SVGs for them).
  "style-src-attr 'none'",
  // A chart saved as a PNG is first read as an image from a blob: URL.
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The first script goes first after the CSP: before the stylesheet, which
// would otherwise hold it (and the parser) until it has loaded.
html = html.replace(/<meta charset="utf-8">\s*/i, (m) => `${m.trim()}\n  <meta http-equiv="Content-Security-Policy" content="${csp}">\n  ${ownTag}\n  ${earlyTag}\n  `);
if (!html.includes(csp)) fail('no <meta charset="utf-8"> to put the CSP after');
html = html.replace(/<\/title>\s*/, (t) => `${t}\n  ${riskMeta}\n  ${importMapTag}\n  ${loaderTag}\n  `);
html = html.replace(/(<link[^>]*>)(?=<link)/g, '$1\n  ').replace(/\n<link/g, '\n  <link').replace(/\n\s*\n/g, '\n');

// Comments stay in www/index.html, not in what is downloaded.
html = html.replace(/\s*<!--[\s\S]*?-->/g, '');
checkRelative(html, 'index.html');
writeFileSync(join(dir, 'index.html'), html);

// ---- the service worker --------------------------------------------------------

const cached = files(dir)
  .filter((f) => f !== 'sw.js' && f !== STANDALONE && !f.startsWith('.'))
  .sort();
// The page's wasms: each visitor's, by the language its page is in, is kept
// as the offline cache is installed (sw.js?lang=CODE for a language with a
// build of its own); another fetched later is kept then.
const wasmOf = { en: wasmName, ...Object.fromEntries(Object.entries(ownWasms).map(([code, [name]]) => [code, name])) };
const precache = cached.filter((f) => !LAZY.includes(f) && !Object.values(wasmOf).includes(f));
for (const needed of ['index.html', loaderName, glueName, 'manifest.webmanifest', ...Object.values(wasmOf)]) {
  if (!cached.includes(needed)) fail(`${needed} is missing from the offline cache list`);
}
const version = hex(Buffer.concat(cached.map((f) => Buffer.concat([Buffer.from(`${f}\0`), read(f), Buffer.from('\0')])))).slice(0, 16);
const sw = `// Repower's offline cache, written by the build (www/postbuild.mjs).
// The cache name is a hash of every file listed, so a new release installs a
// new cache, takes over at once and deletes the old one (the same release
// for a page in another language only adds that language's wasm). Pages are
// fetched from the network first (a new release shows on the next visit) and
// from the cache when the network is gone; hashed files come from the cache.
// The risk view's worker (LATER) is not part of the first download: it is
// kept in the cache once the page has fetched it.
const CACHE = 'repower-${version}';
const FILES = ${JSON.stringify(precache.map((f) => `./${f}`), null, 2)};
// The page's wasm of each language: the one of the language the page is in
// (sw.js?lang=CODE; English without) is installed with the files above.
const WASM = ${JSON.stringify(Object.fromEntries(Object.entries(wasmOf).map(([code, f]) => [code, `./${f}`])), null, 2)};
const LATER = ${JSON.stringify([...LAZY, ...Object.values(wasmOf)].map((f) => `./${f}`), null, 2)}.map((f) => new URL(f, self.location).href);
const INDEX = new URL('./index.html', self.location).href;
const SCOPE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // This release installed already (its cache holds the page, which
    // addAll puts with the rest or not at all): this worker is the same
    // release for a page in another language (sw.js?lang=CODE). It adds its
    // language's wasm and waits for the page's tabs to close, as the worker
    // in place serves the same files: replaced while the page loads again,
    // it can leave that load unanswered.
    const cache = await caches.open(CACHE);
    const installed = !!(await cache.match(INDEX));
    // Names with a content hash never change meaning: the HTTP cache may
    // serve them. The others are fetched afresh.
    const wasm = WASM[new URL(self.location).searchParams.get('lang')] || WASM.en;
    const request = (f) => new Request(f, { cache: /-[0-9a-f]+(_bg)?\\.(js|wasm|css)$/.test(f) ? 'default' : 'reload' });
    if (installed) {
      await cache.add(request(wasm));
      return;
    }
    await cache.addAll([...FILES, wasm].map(request));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('repower-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});

async function page(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  url.search = '';
  url.hash = ''; // a shared link (#site.grid_capacity_mw=…) is the app too
  const isApp = url.href === SCOPE || url.href === INDEX;
  try {
    // Always asks the server (a 304 costs little), whatever the host's cache
    // headers say: a new release shows on the next visit.
    const response = await fetch(request.url, { cache: 'no-cache', credentials: 'same-origin', redirect: 'manual' });
    if (response.ok || response.type === 'opaqueredirect' || !isApp) return response;
    return (await cache.match(INDEX)) || response;
  } catch (offline) {
    const cached = isApp ? await cache.match(INDEX) : await cache.match(request);
    if (cached) return cached;
    throw offline;
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && LATER.includes(request.url)) await cache.put(request, response.clone());
  return response;
}
`;
writeFileSync(join(dir, 'sw.js'), sw);

// ---- the single file -----------------------------------------------------------

const cssName = html.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/)?.[1];
if (!cssName) fail('no stylesheet in index.html');
const css = read(cssName).toString('utf8');
const glueText = glue.toString('utf8');
const riskGlueText = riskGlue.toString('utf8');
const initName = glueText.match(/export\s*\{[^}]*?\b(\w+) as default\b[^}]*\}/)?.[1];
if (!initName) fail(`${glueName}: no default export (the init function) found`);
const extraGlueText = extraGlue.toString('utf8');
for (const [name, text] of [[glueName, glueText], [cssName, css], [riskGlueName, riskGlueText], [EXTRA.glue, extraGlueText]]) {
  if (/<\/(script|style)/i.test(text)) fail(`${name} contains a closing tag and cannot be inlined`);
}
const riskSource = `${riskGlueText}
// The risk view's worker, single-file copy: its wasm is below, as base64.
const WASM = '${riskWasm.toString('base64')}';
wasm_bindgen({ module_or_path: typeof Uint8Array.fromBase64 === 'function'
  ? Uint8Array.fromBase64(WASM)
  : Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0)) });
`;
const script = `${glueText}
// The risk view's worker, started from a blob: URL when the view opens.
document.querySelector('meta[name="repower-risk-worker"]').content =
  URL.createObjectURL(new Blob([${JSON.stringify(riskSource)}], { type: 'text/javascript' }));
${extraReady('window.repowerExtra()')}
// The extra module, single-file copy: its wasm is below, as base64.
{
  let started;
  window.repowerExtra = () => (started ??= (async () => {
${adoptExtraCss}
${extraGlueText}
    const WASM = '${extraWasm.toString('base64')}';
    await wasm_bindgen({ module_or_path: typeof Uint8Array.fromBase64 === 'function'
      ? Uint8Array.fromBase64(WASM)
      : Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0)) });
    return wasm_bindgen;
  })());
}
// Repower, single-file copy: the page's wasm of the language the first
// script chose (each language's own build), below as base64.
const WASMS = ${JSON.stringify(Object.fromEntries([['en', wasmBytes], [PT.lang, ptWasmBytes]].map(([code, b]) => [code, b.toString('base64')])))};
const WASM = WASMS[document.documentElement.lang] || WASMS.en;
const bytes = typeof Uint8Array.fromBase64 === 'function'
  ? Uint8Array.fromBase64(WASM)
  : Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0));
${takeOver}
// The texts of the language chosen, if not English, for the extra module
// and the risk view's worker (the page's own build needs none).
window.repowerTexts = ${JSON.stringify(Object.fromEntries(Object.entries(catalogues).map(([code, c]) => [code, c.text])))}[document.documentElement.lang];
const instance = await ${initName}({ module_or_path: bytes }).catch(failed);
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
`;
const iconSvg = read('icons/icon.svg');
const standaloneCsp = [
  "default-src 'none'",
  `script-src 'sha256-${sha('sha256', script)}' 'sha256-${sha('sha256', ownScript)}' 'wasm-unsafe-eval'`,
  `style-src 'sha256-${sha('sha256', css)}'`,
  // No style attributes anywhere (the chart tests check the SVGs for them).
  "style-src-attr 'none'",
  // The icon; a chart saved as a PNG is first read from a blob: URL.
  'img-src data: blob:',
  "connect-src 'none'",
  'worker-src blob:',
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let single = html
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${standaloneCsp}">`)
  .replace(riskMeta, '<meta name="repower-risk-worker" content="">')
  .replace(/\s*<script\b[^>]*>[\s\S]*?<\/script>/g, '')
  .replace(/\s*<link\b[^>]*>/g, '');
if (/\b(?:src|href)="(?!#)/.test(single)) fail(`${STANDALONE} still refers to a file`);
single = single.replace(/<\/title>/, () => `</title>
  <link rel="icon" href="data:image/svg+xml;base64,${iconSvg.toString('base64')}" type="image/svg+xml">
  <style>${css}</style>
  ${ownTag}
  <script type="module">${script}</script>`);
writeFileSync(join(dir, STANDALONE), single);

// ---- checks and sizes ----------------------------------------------------------

// Nothing in the styles loads from anywhere: no url(), no @import.
if (/url\(|@import/i.test(css)) fail(`${cssName} loads something (url() or @import)`);

const page = ['index.html', loaderName, glueName, wasmName, cssName];
const ptPage = ['index.html', loaderName, glueName, ptWasmName, cssName];
let ptGz = 0;
let laterGz = 0;
let total = 0;
let gz = 0;
console.log('[postbuild] dist/ (bytes, gzip -9):');
for (const f of files(dir).filter((n) => !n.startsWith('.')).sort()) {
  const data = read(f);
  const g = gzipSync(data, { level: 9 }).length;
  if (page.includes(f)) {
    total += data.length;
    gz += g;
  }
  if (ptPage.includes(f)) ptGz += g;
  if (LAZY.includes(f)) laterGz += g;
  console.log(`  ${f.padEnd(44)} ${String(data.length).padStart(9)} ${String(g).padStart(9)}`);
}
console.log(`  the page downloads ${total} bytes, ${gz} gzipped (${page.join(', ')})`);
console.log(`  in Portuguese, ${ptGz} gzipped (${ptPage.join(', ')})`);
// The first visit's budget (tests/browser/bench.mjs measures it in a
// browser): the page's files, the manifest and the icon, which Chromium
// fetches twice (as the page's and as the manifest's).
const BUDGET = 300 * 1024;
const besides = ['manifest.webmanifest', 'icons/icon.svg', 'icons/icon.svg']
  .reduce((sum, f) => sum + gzipSync(read(f), { level: 9 }).length, 0);
for (const [lang, bytes] of [['English', gz], ['Portuguese', ptGz]]) {
  const first = bytes + besides;
  console.log(`  a first visit in ${lang}: ${first} bytes gzipped, ${BUDGET - first} under the budget`);
  if (first > BUDGET) fail(`a first visit in ${lang} downloads ${first} bytes gzipped, over the budget of ${BUDGET}`);
}
console.log(`  fetched when first used (the risk view, the extra module): ${laterGz} more gzipped (${LAZY.join(', ')})`);
console.log(`[postbuild] cache repower-${version}, ${precache.length} files; ${STANDALONE} written`);

// ---- helpers ---------------------------------------------------------------------

function attr(tag, name) {
  return tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

function localFile(href) {
  if (!href || !href.startsWith('./') || href.includes('..')) fail(`not a relative URL: ${href}`);
  const file = decodeURI(href.slice(2));
  if (!existsSync(join(dir, file))) fail(`${href}: no such file in the build`);
  return file;
}

function checkRelative(text, name) {
  for (const m of text.matchAll(/\s(?:src|href)="([^"#][^"]*)"/g)) {
    if (!m[1].startsWith('./')) fail(`${name}: URL ${m[1]} is not relative ("./…")`);
    localFile(m[1].split('#')[0]);
  }
}

function files(root) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) {
        if (!entry.startsWith('.')) walk(p);
      } else out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}
