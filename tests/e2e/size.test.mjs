// The size budget of the first load (html + js + wasm + css + data), kept in tools/budget.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sizes } from '../../tools/sizes.mjs';
import { DIST } from './harness.mjs';

test('first load stays within the size budget', () => {
  const { firstLoad, rawWasm, budget } = sizes(DIST);
  console.log(`first load: ${firstLoad.gzip} B gzip, ${firstLoad.brotli} B brotli, ${firstLoad.requests} requests; raw wasm ${rawWasm} B`);
  assert.ok(firstLoad.requests >= 3, 'index.html, js and wasm are all counted');
  assert.ok(firstLoad.gzip <= budget.first_load_gzip_bytes, `gzip ${firstLoad.gzip} > budget ${budget.first_load_gzip_bytes}`);
  assert.ok(firstLoad.brotli <= budget.first_load_brotli_bytes, `brotli ${firstLoad.brotli} > budget ${budget.first_load_brotli_bytes}`);
  assert.ok(rawWasm <= budget.raw_wasm_bytes, `raw wasm ${rawWasm} > budget ${budget.raw_wasm_bytes}`);
});
