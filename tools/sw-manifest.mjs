#!/usr/bin/env node
// Fills in dist/sw.js after the release build (run by scripts/release.sh after tools/postbuild.mjs,
// before compression): the list of files to precache and a cache version made from their contents,
// so each release's worker caches its own files and deletes the previous release's cache.
// Usage: node tools/sw-manifest.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = path.resolve(process.argv[2] || 'dist');
const swFile = path.join(dist, 'sw.js');

function fail(message) {
  console.error(`sw-manifest: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(swFile)) fail(`no ${swFile} (is assets/sw.js copied by index.html?)`);
let sw = fs.readFileSync(swFile, 'utf8');
if (!sw.includes("'__HX_SW_VERSION__'") || !sw.includes("['__HX_SW_PRECACHE__']") || !sw.includes("['__HX_SW_FULL__']")
  ) {
  fail('dist/sw.js has no placeholders (was sw-manifest already run on this dist?)');
}

// Everything the app needs to start and run, relative to the worker's scope: not the precompressed
// copies (the server picks those by Accept-Encoding), not the headers file, not the worker itself,
// and not the host-page script.
const SKIP = new Set(['sw.js', '_headers', 'embed.js', 'index.html', 'embed.html']);
const files = [];
const full = [];
(function walk(dir, prefix) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) walk(path.join(dir, entry.name), rel + '/');
    // The full build and the kiosk's stylesheet go in a list of their own: only a worker the full
    // build registered (a kiosk) precaches them; phones would download them for nothing (assets/sw.js).
    else if (/^huanxin-full-.*\.wasm$/.test(rel) || /^kiosk-[0-9a-f]{16}\.css$/.test(rel)) full.push(rel);
    // The other builds (the phones' two, the host's) are kept when a page names the one it runs.
    else if (/^huanxin-.*\.wasm$/.test(rel)) continue;
    else if (!/\.(br|gz|map)$/.test(entry.name) && !SKIP.has(rel)) files.push(rel);
  }
})(dist, '');

const hash = crypto.createHash('sha256');
const index = fs.readFileSync(path.join(dist, 'index.html'));
hash.update('index.html\0').update(index);
for (const f of [...files, ...full]) hash.update(`${f}\0`).update(fs.readFileSync(path.join(dist, f)));
// The worker's own code counts too: a change of strategy must replace the old worker's cache.
hash.update(sw);
const version = hash.digest('hex').slice(0, 16);

const urls = ['./', ...files.map(f => `./${f}`)];
sw = sw.replace("'__HX_SW_VERSION__'", JSON.stringify(version))
  .replace("['__HX_SW_PRECACHE__']", JSON.stringify(urls))
  .replace("['__HX_SW_FULL__']", JSON.stringify(full.map(f => `./${f}`)));
fs.writeFileSync(swFile, sw);
const bytes = [index.length, ...files.map(f => fs.statSync(path.join(dist, f)).size)].reduce((a, b) => a + b, 0);
console.log(`sw-manifest: ${urls.length} files (${(bytes / 1024).toFixed(0)} KiB) precached as huanxin-${version}`);
