#!/usr/bin/env node
// Prints raw, gzip and brotli sizes of every file in dist/ and the first-load total, checked against
// tools/budget.json. Exit code 0 always (a benchmark); tests/e2e/size.test.mjs enforces the budget.
import { sizes } from './sizes.mjs';

const dir = process.argv[2] || 'dist';
const { files, firstLoad, firstLoadEn, budget } = sizes(dir);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(48)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}  first-load`);
for (const f of files) {
  console.log(`${f.name.padEnd(48)} ${pad(f.raw, 9)} ${pad(f.gzip, 9)} ${pad(f.brotli, 9)}  ${f.firstLoad ? 'yes' : ''}`);
}
console.log(`${'first load total'.padEnd(48)} ${pad(firstLoad.raw, 9)} ${pad(firstLoad.gzip, 9)} ${pad(firstLoad.brotli, 9)}  (${firstLoad.requests} requests)`);
console.log(`${'first load total, English page'.padEnd(48)} ${pad(firstLoadEn.raw, 9)} ${pad(firstLoadEn.gzip, 9)} ${pad(firstLoadEn.brotli, 9)}  (the English build instead)`);
console.log(`budget: gzip ${budget.first_load_gzip_bytes} B, brotli ${budget.first_load_brotli_bytes} B, raw wasm ${budget.raw_wasm_bytes} B`);
