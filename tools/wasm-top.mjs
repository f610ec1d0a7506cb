#!/usr/bin/env node
// Lists the largest functions of a wasm file that still has its name section (the pre-bindgen
// target/full/wasm32-unknown-unknown/release/huanxin.wasm, or target/phone/…): a quick "where do the bytes go".
// Usage: node tools/wasm-top.mjs target/phone/wasm32-unknown-unknown/release/huanxin.wasm [count] [group]
import fs from 'node:fs';
import { wasmImports } from './wasm-imports.mjs';

const [file, countArg = '40', groupArg] = process.argv.slice(2);
const b = fs.readFileSync(file);
let i = 8;
const leb = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
const str = () => { const n = leb(); const t = b.toString('utf8', i, i + n); i += n; return t; };
const importedFuncs = wasmImports(b).filter(imp => imp.kind === 0).length;
const bodies = []; const names = new Map(); let dataSize = 0;
while (i < b.length) {
  const id = b[i++]; const size = leb(); const end = i + size;
  if (id === 10) {
    const n = leb();
    for (let k = 0; k < n; k++) { const sz = leb(); bodies.push(sz); i += sz; }
  } else if (id === 11) { dataSize = size; }
  else if (id === 0) {
    const name = str();
    if (name === 'name') {
      while (i < end) { const sub = b[i++]; const len = leb(); const subEnd = i + len; if (sub === 1) { const n = leb(); for (let k = 0; k < n; k++) { const idx = leb(); names.set(idx, str()); } } i = subEnd; }
    }
  }
  i = end;
}
const rows = bodies.map((sz, k) => ({ sz, name: names.get(k + importedFuncs) || `func${k + importedFuncs}` }));
const total = rows.reduce((a, r) => a + r.sz, 0);
console.log(`code ${total} B in ${rows.length} functions; data ${dataSize} B`);
if (groupArg) {
  const groups = new Map();
  for (const r of rows) {
    const m = r.name.match(/^_?<?(?:_?ZN)?\d*([a-z_][a-z0-9_]*)/i);
    const key = (r.name.match(/(huanxin|yew|serde|core|alloc|std|wasm_bindgen|web_sys|js_sys|gloo|hashbrown|implicit_clone|indexmap|slab|tracing|pin_project|futures|prokio)/) || ['other'])[0];
    groups.set(key, (groups.get(key) || 0) + r.sz);
  }
  for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(8), k);
} else {
  for (const r of rows.sort((a, b) => b.sz - a.sz).slice(0, Number(countArg))) console.log(String(r.sz).padStart(8), r.name.slice(0, 150));
}
