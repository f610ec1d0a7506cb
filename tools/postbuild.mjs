#!/usr/bin/env node
// Turns trunk's dist/ into what ships (run by scripts/release.sh after `trunk build --release` and the
// prerender step, before compression):
//  - the static first paint: the app's HTML rendered at build time (src/bin/prerender.rs) goes into
//    <div id="app">, so the page shows real content before the wasm arrives;
//  - a CSP-safe boot: trunk's inline loader, modulepreload and wasm preload are replaced by ONE
//    external module (wasm-bindgen's glue + tools/choose-build.js + tools/boot.js, content-hashed
//    name, `integrity`) that fetches the chosen wasm build through a Request with its sha384
//    integrity; each build gets a content-hashed name; a small inline script (tools/choose-build.js +
//    tools/preload.js, allowed by a CSP hash) preloads the same build in the same mode, so the fetch
//    reuses it, and adds the boot module (with its integrity) after the first paint; a `nomodule`
//    script for browsers too old for modules;
//  - no extra round trips: the CSS is inlined into one <style> (allowed by a CSP hash), the favicon
//    becomes a data: URL;
//  - the deployment headers: tools/headers.json plus that style hash, written to dist/_headers
//    (the Netlify / Cloudflare Pages format; tools/serve.mjs reads it too).
// Usage: node tools/postbuild.mjs [dist] [--prerendered target/prerender/app.html]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { wasmImports, renameImports, glueShims, withoutCustomSections, wasmExports, renameExports } from './wasm-imports.mjs';

// The build tools' own packages (tools/node: npm ci in scripts/setup.sh).
const esbuild = createRequire(new URL('./node/package.json', import.meta.url))('esbuild');

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const args = process.argv.slice(2);
const flag = name => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const dist = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--prerendered') || 'dist');
const prerendered = path.resolve(flag('--prerendered') || path.join(ROOT, 'target/prerender/app.html'));

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}
const sha = (alg, data) => crypto.createHash(alg).update(data).digest('base64');
const hex16 = data => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
const read = name => fs.readFileSync(path.join(dist, name));
/** Exactly one match of `re` in `text`, or fail with `what`. */
function one(text, re, what) {
  const all = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))];
  if (all.length !== 1) fail(`expected one ${what} in index.html, found ${all.length} (was postbuild already run on this dist?)`);
  return all[0];
}

let html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');

// 1. Trunk's loader names the glue and the wasm.
const loader = one(html, /<script type="module">([\s\S]*?)<\/script>\s*/, 'inline module loader');
const glueName = (loader[1].match(/from '\.\/([^']+\.js)'/) || [])[1];
const wasmName = (loader[1].match(/module_or_path: '\.\/([^']+_bg\.wasm)'/) || [])[1];
if (!glueName || !wasmName) fail('could not read the glue and wasm names from trunk\'s loader');
html = html.replace(loader[0], '');
html = html.replace(/<link rel="modulepreload"[^>]*>\s*/g, '').replace(/<link rel="preload"[^>]*as="fetch"[^>]*>\s*/g, '');

// 2. The wasm, content-hashed. Trunk built the full app; scripts/release.sh also leaves the phones'
//    two builds (no host or kiosk parts, one language each: `PHONE_WASM` Chinese, `en_bg.wasm`
//    English) and the host build (`host_bg.wasm`) in dist/. A plain link loads a phones' one
//    (`huanxin-…`, `huanxin-en-…`); a host's link the host build (`huanxin-host-…`); a kiosk link
//    the full build (`huanxin-full-…`); tools/choose-build.js picks. A missing smaller build's name
//    points at the full one.
const PHONE_WASM = 'phone_bg.wasm';
// All four builds run with one JS glue, the full build's (it is in the boot module). Each smaller
// build calls its imports by the names its own glue gave them, and wasm-bindgen numbers some of them
// by order of use (`__wbindgen_generic_…`: casts and closures), so the same name can mean another
// shim in the full glue. Each import is matched to the full glue's shim with the same code and
// renamed to it; one without a match fails the build.
const fullGlue = read(glueName).toString('utf8');
const fullShims = glueShims(fullGlue);
const byCode = new Map();
for (const [name, code] of fullShims) if (!byCode.has(code)) byCode.set(code, name);
function alignImports(build, wasmFile, glueFile) {
  const own = glueShims(read(glueFile).toString('utf8'));
  fs.rmSync(path.join(dist, glueFile));
  const rename = new Map();
  for (const { name } of wasmImports(read(wasmFile))) {
    const code = own.get(name);
    if (code === undefined) fail(`the ${build} build imports ${name}, which its own glue does not define`);
    if (fullShims.get(name) === code) continue;
    const match = byCode.get(code);
    if (!match) fail(`the full build's glue has no shim like the ${build} build's ${name}: ${code}`);
    rename.set(name, match);
  }
  if (rename.size) fs.writeFileSync(path.join(dist, wasmFile), renameImports(read(wasmFile), rename));
  return rename.size;
}
const aligned = {};
for (const build of ['phone', 'en', 'host']) {
  if (fs.existsSync(path.join(dist, `${build}_bg.wasm`))) aligned[build] = alignImports(build, `${build}_bg.wasm`, `${build}_glue.js`);
}
// Short import names. wasm-bindgen names each import after its shim plus a 16-hex-digit hash
// (`__wbg_appendChild_7b7f…`) in the module "./huanxin_bg.js": over a hundred names whose hashes do
// not compress, in every wasm (about 1.5 KB after brotli) and again in the glue. All four builds now
// call the full glue's shims by the same names, so each shim gets a short one (`_0`, `_1`, … in the
// glue's order) in the glue (step 3) and in every wasm, and the module becomes "w".
const SHORT_MODULE = 'w';
const shortNames = new Map([...fullShims.keys()].map((name, i) => [name, `_${i.toString(36)}`]));
// The same for the exports the glue calls by long names (a closure's entry point is named after its
// whole signature, 100 to 200 characters): `$0`, `$1`, … in the wasm and in the glue's `wasm.…`.
const shortExports = new Map(wasmExports(read(wasmName))
  .filter(name => name.length > 24 && fullGlue.includes(`wasm.${name}(`))
  .map((name, i) => [name, `$${i.toString(36)}`]));
const glueModules = new Set();
for (const file of [wasmName, ...['phone', 'en', 'host'].map(b => `${b}_bg.wasm`)]) {
  if (!fs.existsSync(path.join(dist, file))) continue;
  const imports = wasmImports(read(file));
  for (const { module, name } of imports) {
    if (!shortNames.has(name)) fail(`${file} imports ${name}, which the full build's glue does not define`);
    glueModules.add(module);
  }
  const renamed = renameExports(renameImports(read(file), shortNames, new Map([...glueModules].map(m => [m, SHORT_MODULE]))), shortExports);
  // And without the compiler's notes, which nothing reads at run time.
  const exported = new Set(wasmExports(renamed));
  for (const short of shortExports.values()) if (!exported.has(short)) fail(`${file} does not export what the glue calls wasm.${short}`);
  fs.writeFileSync(path.join(dist, file), withoutCustomSections(renamed, ['producers', 'target_features']));
}
if (glueModules.size !== 1) fail(`the builds import from ${[...glueModules].join(', ')}, not one glue module`);
const glueModule = [...glueModules][0];
const full = read(wasmName);
const fullFile = `huanxin-full-${hex16(full)}_bg.wasm`;
const fullIntegrity = `sha384-${sha('sha384', full)}`;
fs.renameSync(path.join(dist, wasmName), path.join(dist, fullFile));
// A smaller build left in dist/ (`source`), content-hashed as `huanxin<tag>-<hash>_bg.wasm`; the
// full build stands in for a missing one.
function hashedBuild(source, tag) {
  if (!fs.existsSync(path.join(dist, source))) return { file: fullFile, integrity: fullIntegrity };
  const bytes = read(source);
  const file = `huanxin${tag}-${hex16(bytes)}_bg.wasm`;
  fs.renameSync(path.join(dist, source), path.join(dist, file));
  return { file, integrity: `sha384-${sha('sha384', bytes)}` };
}
const { file: wasmFile, integrity: wasmIntegrity } = hashedBuild(PHONE_WASM, '');
const { file: enFile, integrity: enIntegrity } = hashedBuild('en_bg.wasm', '-en');
// The host build (a retailer's page: embed, look, store name, channel list).
const { file: hostFile, integrity: hostIntegrity } = hashedBuild('host_bg.wasm', '-host');

// The kiosk's stylesheet (assets/kiosk.css, copied by trunk): not inlined, as only the full build
// uses it; content-hashed, and linked by tools/boot.js when it loads that build.
const minifyCss = text => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').trim();
if (!fs.existsSync(path.join(dist, 'kiosk.css'))) fail('no kiosk.css in dist/ (index.html copies assets/kiosk.css)');
const kioskCss = minifyCss(read('kiosk.css').toString('utf8'));
const kioskCssFile = `kiosk-${hex16(kioskCss)}.css`;
fs.writeFileSync(path.join(dist, kioskCssFile), kioskCss);
fs.rmSync(path.join(dist, 'kiosk.css'));

// 3. One boot module: the glue, the build choice and tools/boot.js.
let glue = fullGlue;
// Keep the module parseable by browsers older than our wasm needs (Chrome 61-79, Safari 11-13.0), so
// that they reach the "browser too old" message: wasm-bindgen 0.2.130's one optional chaining.
glue = glue.replace('/\\[object ([^\\]]+)\\]/.exec(toStringOutput)?.[1]', '(/\\[object ([^\\]]+)\\]/.exec(toStringOutput) || [])[1]');
if (/\?\.[\w$[(]|\?\?/.test(glue.replace(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g, ''))) {
  console.warn('postbuild: warning: the glue uses ?. or ??; browsers without them will not show the "too old" message');
}
if (!/async function __wbg_init\(/.test(glue) || !/export \{[^}]*__wbg_init as default[^}]*\};/.test(glue)) {
  fail(`${glueName} does not look like wasm-bindgen's web-target glue (no __wbg_init)`);
}
if (/\bwindow\.wasmBindings\b/.test(glue)) fail('the glue sets a global');
// The short import names (step 2): each shim's key in the import object, and the module's.
{
  const start = glue.indexOf('const import0 = {');
  const end = glue.indexOf('\n    };', start);
  let shims = glue.slice(start, end);
  let renamed = 0;
  shims = shims.replace(/^( {8})([\w$]+): /gm, (all, indent, name) => {
    const short = shortNames.get(name);
    if (!short) return all;
    renamed++;
    return `${indent}${short}: `;
  });
  if (renamed !== shortNames.size) fail(`renamed ${renamed} of the glue's ${shortNames.size} shims`);
  const moduleKey = `        ${JSON.stringify(glueModule)}: import0,`;
  if (glue.split(moduleKey).length !== 2) fail(`the glue does not name its import module ${glueModule} once`);
  glue = glue.slice(0, start) + shims + glue.slice(end).replace(moduleKey, `        ${SHORT_MODULE}: import0,`);
}
for (const [name, short] of shortExports) {
  const calls = glue.split(`wasm.${name}(`).length - 1;
  if (calls < 1) fail(`the glue no longer calls wasm.${name}`);
  glue = glue.split(`wasm.${name}(`).join(`wasm.${short}(`);
}
const chooseBuild = fs.readFileSync(path.join(here, 'choose-build.js'), 'utf8');
const bootSource = chooseBuild + '\n' + fs.readFileSync(path.join(here, 'boot.js'), 'utf8')
  .replace("'__HX_WASM_FILE__'", JSON.stringify(`./${wasmFile}`))
  .replace("'__HX_WASM_INTEGRITY__'", JSON.stringify(wasmIntegrity))
  .replace("'__HX_EN_WASM_FILE__'", JSON.stringify(`./${enFile}`))
  .replace("'__HX_KIOSK_CSS__'", JSON.stringify(`./${kioskCssFile}`))
  .replace("'__HX_EN_WASM_INTEGRITY__'", JSON.stringify(enIntegrity))
  .replace("'__HX_HOST_WASM_FILE__'", JSON.stringify(`./${hostFile}`))
  .replace("'__HX_HOST_WASM_INTEGRITY__'", JSON.stringify(hostIntegrity))
  .replace("'__HX_FULL_WASM_FILE__'", JSON.stringify(`./${fullFile}`))
  .replace("'__HX_FULL_WASM_INTEGRITY__'", JSON.stringify(fullIntegrity));
// Minified (about a third fewer bytes after brotli, and less to parse on a slow phone), still ES2017
// syntax so old browsers reach the "too old" message; import.meta is kept (every module browser has it).
const boot = (await esbuild.transform(`${glue.trimEnd()}\n\n${bootSource}`, {
  format: 'esm', minify: true, target: 'es2017', supported: { 'import-meta': true }, legalComments: 'none',
})).code;
for (const integrity of [wasmIntegrity, enIntegrity, hostIntegrity, fullIntegrity]) {
  if (!boot.includes(JSON.stringify(integrity))) fail('the minified boot module lost a wasm integrity');
}
const bootFile = `boot-${hex16(boot)}.js`;
const bootIntegrity = `sha384-${sha('sha384', boot)}`;
fs.writeFileSync(path.join(dist, bootFile), boot);
// The inline start script: the same choice, a preload of that build, then the boot module after the
// first paint (both relative to the page, which is beside them).
const files = { zh: `./${wasmFile}`, en: `./${enFile}`, host: `./${hostFile}`, full: `./${fullFile}` };
const preloadSource = fs.readFileSync(path.join(here, 'preload.js'), 'utf8').replace("'__HX_FILES__'", JSON.stringify(files))
  .replace("'__HX_BOOT__'", JSON.stringify(`./${bootFile}`))
  .replace("'__HX_BOOT_INTEGRITY__'", JSON.stringify(bootIntegrity));
const preload = (await esbuild.transform(`(function () {\n${chooseBuild}\n${preloadSource}\n})();`, {
  minify: true, target: 'es5', legalComments: 'none',
})).code.trim();
if (preload.includes('</')) fail('the preload script contains "</", which would end the <script> element');
if (!Object.values(files).every(f => preload.includes(JSON.stringify(f)))) fail('the minified preload script lost a wasm name');
if (!preload.includes(JSON.stringify(bootIntegrity))) fail('the minified preload script lost the boot module\'s integrity');
const scriptHash = `'sha256-${sha('sha256', preload)}'`;
fs.rmSync(path.join(dist, glueName));
const legacy = fs.readFileSync(path.join(here, 'boot-legacy.js'));
const legacyFile = `legacy-${hex16(legacy)}.js`;
fs.writeFileSync(path.join(dist, legacyFile), legacy);

// 4. The CSS, inlined in document order into one <style>, lightly minified.
const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*\/?>\s*/g)];
if (links.length === 0) fail('no stylesheet links found');
let css = '';
for (const link of links) {
  css += read(link[1]).toString('utf8') + '\n';
  html = html.replace(link[0], '');
  fs.rmSync(path.join(dist, link[1]));
}
css = minifyCss(css);
if (css.includes('</')) fail('the CSS contains "</", which would end the <style> element');
const styleHash = `'sha256-${sha('sha256', css)}'`;

// 5. The favicon as a data: URL: no request, no error if a host does not serve it.
const icon = one(html, /<link rel="icon" type="image\/svg\+xml" href="\.?\/?([^"]+\.svg)"\s*\/?>/, 'favicon link');
const svg = read(icon[1]).toString('utf8').trim();
const svgUrl = svg.replace(/"/g, "'").replace(/\s+/g, ' ').replace(/[%#<>&]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
html = html.replace(icon[0], `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${svgUrl}">`);

// 6. Head: the start script (wasm preload, then the boot module), the legacy message script, then the
//    styles. The preload has the same mode and credentials as boot.js's fetch, so Chromium hands that fetch the
//    preloaded bytes and checks them against the fetch's integrity (no second request). No
//    `integrity` on the preload itself: Chromium ignores it for `as="fetch"` and warns in the console.
const head = [
  `<script>${preload}</script>`,
  `<script nomodule defer src="./${legacyFile}"></script>`,
  `<style>${css}</style>`,
].join('\n    ');
if (!html.includes('</head>')) fail('no </head>');
html = html.replace(/\s*<\/head>/, `\n    ${head}\n  </head>`);

// 7. The static first paint.
if (!fs.existsSync(prerendered)) fail(`no prerendered app at ${prerendered} (run: cargo run --features prerender --bin prerender > ${path.relative(ROOT, prerendered)})`);
const app = fs.readFileSync(prerendered, 'utf8').trim();
if (!app.includes('data-testid="app-ready"')) fail('the prerendered HTML is not the app');
if (/<script|<style|\sstyle=|\son[a-z]+=/i.test(app)) fail('the prerendered HTML has a script, a style or an event attribute (the CSP would block it)');
one(html, /<div id="app"><\/div>/, 'empty <div id="app">');
html = html.replace('<div id="app"></div>', () => `<div id="app">${app}</div>`);
one(html, /id="hx-boot-error"/, 'boot error message (#hx-boot-error)');
// Painting waits for the parser to reach the `expect` link's target, so it must come after the app.
const expected = one(html, /<link rel="expect" href="#([\w-]+)" blocking="render"/, 'render-blocking expect link')[1];
if (html.indexOf(`id="${expected}"`) < html.indexOf(`<div id="app">${app}</div>`) + app.length) {
  fail(`the expect link's target #${expected} is not after the static app: a half-parsed page could paint`);
}

// 8. Nothing inline that the CSP would block: the one inline script is the preload (its hash is in
//    the CSP below).
const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
if (inlineScripts.length !== 1 || inlineScripts[0][1] !== preload) fail(`an inline script other than the preload: ${inlineScripts.length}`);
if (/\sstyle="/.test(html)) fail('a style attribute is left in index.html');
if ((html.match(/<style>/g) || []).length !== 1) fail('expected exactly one <style>');
fs.writeFileSync(path.join(dist, 'index.html'), html);
// embed.html: the address retailers' pages frame (assets/embed.js, and copies of older versions of it
// on their pages). The same page: its links carry host parameters, so it loads the host build.
fs.writeFileSync(path.join(dist, 'embed.html'), html);

// 9. Deployment headers with this build's style and script hashes: `_everywhere` for every path, the
//    rest for the pages and the worker's script (`_pages`).
const headers = JSON.parse(fs.readFileSync(path.join(here, 'headers.json'), 'utf8'));
const cspKey = Object.keys(headers).find(k => k.toLowerCase() === 'content-security-policy');
if (!cspKey) fail('tools/headers.json has no content-security-policy');
headers[cspKey] = headers[cspKey].split(';').map(d => d.trim()).filter(Boolean)
  .map(d => (d.startsWith('style-src ') ? `${d} ${styleHash}` : d.startsWith('script-src ') ? `${d} ${scriptHash}` : d)).join('; ');
if (!headers[cspKey].includes(styleHash)) fail('the CSP in tools/headers.json has no style-src directive');
if (!headers[cspKey].includes(scriptHash)) fail('the CSP in tools/headers.json has no script-src directive');
const everywhere = new Set((headers._everywhere || []).map(k => k.toLowerCase()));
const pages = headers._pages || [];
if (!pages.includes('/') || !pages.includes('/sw.js')) fail('tools/headers.json: _pages must list "/" and "/sw.js"');
const named = Object.entries(headers).filter(([k]) => !k.startsWith('_'));
const lines = ['# Written by tools/postbuild.mjs from tools/headers.json; the style and script hashes match index.html.', '/*'];
for (const [k, v] of named) if (everywhere.has(k.toLowerCase())) lines.push(`  ${k}: ${v}`);
for (const page of pages) {
  lines.push(page);
  for (const [k, v] of named) if (!everywhere.has(k.toLowerCase())) lines.push(`  ${k}: ${v}`);
}
fs.writeFileSync(path.join(dist, '_headers'), lines.join('\n') + '\n');

console.log(`postbuild: ${bootFile} (glue + boot), ${wasmFile} (${wasmIntegrity.slice(0, 20)}…), ${enFile}, ${hostFile}, ${kioskCssFile}, ${legacyFile}, embed.html, `
  + `imports renamed to the full glue's: ${Object.entries(aligned).map(([b, n]) => `${b} ${n}`).join(', ') || 'none'}, ${css.length} B CSS inlined (${styleHash}), ${app.length} B static app, _headers`);
