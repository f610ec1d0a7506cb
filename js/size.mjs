#!/usr/bin/env node
// Prints the package wasm's size raw, gzip (level 9) and brotli (quality 11), against the 60 KiB
// brotli aim. Usage: node js/size.mjs [path/to/huanxin_js_bg.wasm] (default js/pkg).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] || path.join(here, 'pkg', 'huanxin_js_bg.wasm');
if (!fs.existsSync(file)) {
  console.error(`no ${file}: build first (bash scripts/test-js.sh build)`);
  process.exit(1);
}
const raw = fs.readFileSync(file);
const gzip = zlib.gzipSync(raw, { level: 9 }).length;
const brotli = zlib.brotliCompressSync(raw, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
}).length;
const kib = n => `${(n / 1024).toFixed(1)} KiB`;
const AIM = 60 * 1024;
console.log(`${path.relative(process.cwd(), file)}`);
console.log(`  raw    ${String(raw.length).padStart(8)} B  ${kib(raw.length)}`);
console.log(`  gzip   ${String(gzip).padStart(8)} B  ${kib(gzip)}`);
console.log(`  brotli ${String(brotli).padStart(8)} B  ${kib(brotli)}  (aim ≤ ${kib(AIM)}: ${brotli <= AIM ? 'met' : 'over'})`);
