// The size budget of the first load (html + js + wasm + css + data), kept in tools/budget.json.
import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { sizes } from '../../tools/sizes.mjs';
import { DIST } from './harness.mjs';

test('first load stays within the size budget', () => {
  const { files, firstLoad, firstLoadEn, rawWasm, rawWasmEn, budget } = sizes(DIST);
  const full = files.filter(f => /^huanxin-full-[0-9a-f]{16}_bg\.wasm$/.test(f.name));
  const host = files.filter(f => /^huanxin-host-[0-9a-f]{16}_bg\.wasm$/.test(f.name));
  console.log(`first load: ${firstLoad.gzip} B gzip, ${firstLoad.brotli} B brotli, ${firstLoad.requests} requests; raw wasm ${rawWasm} B; English page ${firstLoadEn.brotli} B brotli, raw wasm ${rawWasmEn} B (host build ${host.map(f => f.raw)} B, full build ${full.map(f => f.raw)} B)`);
  assert.ok(firstLoad.requests >= 3, 'index.html, js and wasm are all counted');
  assert.ok(firstLoad.gzip <= budget.first_load_gzip_bytes, `gzip ${firstLoad.gzip} > budget ${budget.first_load_gzip_bytes}`);
  assert.ok(firstLoad.brotli <= budget.first_load_brotli_bytes, `brotli ${firstLoad.brotli} > budget ${budget.first_load_brotli_bytes}`);
  assert.ok(rawWasm <= budget.raw_wasm_bytes, `raw wasm ${rawWasm} > budget ${budget.raw_wasm_bytes}`);
  // An English page loads the phones' English build instead: the same budgets.
  const en = files.filter(f => /^huanxin-en-[0-9a-f]{16}_bg\.wasm$/.test(f.name));
  assert.equal(en.length, 1, 'one English phones\' build in dist/');
  assert.ok(!en[0].firstLoad, 'a Chinese page does not load the English build');
  assert.ok(firstLoadEn.brotli <= budget.first_load_brotli_bytes, `English page: brotli ${firstLoadEn.brotli} > budget ${budget.first_load_brotli_bytes}`);
  assert.ok(firstLoadEn.gzip <= budget.first_load_gzip_bytes, `English page: gzip ${firstLoadEn.gzip} > budget ${budget.first_load_gzip_bytes}`);
  assert.ok(rawWasmEn <= budget.raw_wasm_bytes, `English build ${rawWasmEn} > budget ${budget.raw_wasm_bytes}`);
  // Each phones' build as served (brotli): one simulated round trip less for Lighthouse's LCP.
  for (const name of files.filter(f => /^huanxin-(?:en-)?[0-9a-f]{16}_bg\.wasm$/.test(f.name)).map(f => f.name)) {
    const served = fs.statSync(path.join(DIST, `${name}.br`)).size;
    assert.ok(served <= budget.phone_wasm_brotli_bytes, `${name}.br ${served} B > budget ${budget.phone_wasm_brotli_bytes}`);
  }
  // The kiosk's full build: one file, not on the first load, within its own budget.
  assert.equal(full.length, 1, 'one full build in dist/');
  assert.ok(!full[0].firstLoad, 'phones do not load the full build');
  assert.ok(full[0].raw <= budget.full_wasm_bytes, `full build ${full[0].raw} > budget ${budget.full_wasm_bytes}`);
  // The host build (a retailer's page): the same, and smaller than the full one.
  assert.equal(host.length, 1, 'one host build in dist/');
  assert.ok(!host[0].firstLoad, 'phones do not load the host build');
  assert.ok(host[0].raw <= budget.host_wasm_bytes, `host build ${host[0].raw} > budget ${budget.host_wasm_bytes}`);
  assert.ok(Math.max(rawWasm, rawWasmEn) < host[0].raw && host[0].raw < full[0].raw, 'phone < host < full');
});
