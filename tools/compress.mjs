#!/usr/bin/env node
// Writes .br and .gz beside every compressible file in a directory (default dist/), maximum quality.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] || 'dist');
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|webmanifest|txt)$/;
for (const file of walk(dir)) {
  if (!COMPRESSIBLE.test(file)) continue;
  const raw = fs.readFileSync(file);
  fs.writeFileSync(file + '.br', zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }));
  fs.writeFileSync(file + '.gz', zlib.gzipSync(raw, { level: 9 }));
}
function* walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) yield* walk(p); else if (!/\.(br|gz)$/.test(e.name)) yield p;
  }
}
