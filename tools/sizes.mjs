// Measures dist/: every file's raw, gzip and brotli size, and what the first load fetches
// (index.html plus the files it references directly).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function sizes(dir) {
  dir = path.resolve(dir);
  const budget = JSON.parse(fs.readFileSync(new URL('./budget.json', import.meta.url), 'utf8'));
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const referenced = new Set(['index.html']);
  // Tags a modern browser fetches on first load; `nomodule` scripts only run in browsers without ES modules.
  for (const tag of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    if (/\bnomodule\b/.test(tag[0]) || /rel="(?:icon|manifest)"/.test(tag[0])) continue;
    const m = tag[0].match(/(?:href|src)="\.?\/?([^"#?]+)"/);
    if (m) referenced.add(m[1]);
  }
  // The inline start script adds the boot module it names (tools/preload.js).
  for (const m of html.matchAll(/"\.\/(boot-[0-9a-f]{16}\.js)"/g)) referenced.add(m[1]);
  // The JS glue fetches the wasm it names.
  for (const name of [...referenced]) {
    if (name.endsWith('.js') && fs.existsSync(path.join(dir, name))) {
      const js = fs.readFileSync(path.join(dir, name), 'utf8');
      // The phones' Chinese build: not the English one (an English page's first load, reported apart
      // as `firstLoadEn`), not the bigger builds (a host's or a kiosk's link; tools/choose-build.js).
      for (const m of js.matchAll(/['"`]([\w./-]+_bg\.wasm)['"`]/g)) {
        if (!/^huanxin-(?:full|host|en)-/.test(path.basename(m[1]))) referenced.add(path.basename(m[1]));
      }
    }
  }
  const files = [];
  for (const name of listFiles(dir)) {
    const raw = fs.readFileSync(path.join(dir, name));
    files.push({
      name,
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      firstLoad: referenced.has(name) && !/\.(png|ico|webmanifest)$/.test(name),
    });
  }
  const first = files.filter(f => f.firstLoad);
  const sum = k => first.reduce((a, f) => a + f[k], 0);
  // The wasm a phone loads (the bigger builds are reported per file).
  const wasm = first.filter(f => f.name.endsWith('.wasm')).reduce((a, f) => a + f.raw, 0);
  // An English page's first load: the same files with the English build instead of the Chinese one.
  const en = files.find(f => /^huanxin-en-[0-9a-f]{16}_bg\.wasm$/.test(f.name));
  const zh = first.find(f => f.name.endsWith('.wasm'));
  const swap = k => sum(k) - (en && zh ? zh[k] - en[k] : 0);
  const firstLoadEn = { raw: swap('raw'), gzip: swap('gzip'), brotli: swap('brotli'), requests: first.length };
  return { files, firstLoad: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), requests: first.length }, firstLoadEn, rawWasm: wasm, rawWasmEn: en ? en.raw : wasm, budget };
}

function listFiles(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (!/\.(br|gz)$/.test(e.name)) out.push(rel);
  }
  return out.sort();
}
