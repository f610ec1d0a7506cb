// The import section of a wasm file: what tools/postbuild.mjs checks and renames to fit the shared
// glue, and what tools/wasm-top.mjs counts to number the functions.

/** Every import of the module `bytes` (a Buffer), as { module, name, kind } (kind 0 = function). */
export function wasmImports(bytes) {
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = bytes[i++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
  const str = () => { const n = leb(); const t = bytes.toString('utf8', i, i + n); i += n; return t; };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 2) {
      const imports = [];
      for (let n = leb(); n > 0; n--) {
        const module = str();
        const name = str();
        const kind = bytes[i++];
        if (kind === 0) leb();
        else if (kind === 1) { i++; const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 3) i += 2;
        else throw new Error(`unknown import kind ${kind}`);
        imports.push({ module, name, kind });
      }
      return imports;
    }
    i = end;
  }
  return [];
}

/**
 * A copy of the module `bytes` with its imports renamed by `rename` (a Map of old name to new name;
 * module names and everything else unchanged).
 */
export function renameImports(bytes, rename) {
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = bytes[i++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
  const encLeb = n => { const out = []; do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 128; out.push(b); } while (n); return Buffer.from(out); };
  const encStr = t => { const b = Buffer.from(t, 'utf8'); return Buffer.concat([encLeb(b.length), b]); };
  const parts = [bytes.subarray(0, 8)];
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id !== 2) { parts.push(bytes.subarray(start, end)); i = end; continue; }
    const body = [];
    const n = leb();
    body.push(encLeb(n));
    for (let k = 0; k < n; k++) {
      const strAt = () => { const len = leb(); const t = bytes.toString('utf8', i, i + len); i += len; return t; };
      const module = strAt();
      const name = strAt();
      const descStart = i;
      const kind = bytes[i++];
      if (kind === 0) leb();
      else if (kind === 1) { i++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) i += 2;
      else throw new Error(`unknown import kind ${kind}`);
      body.push(encStr(module), encStr(rename.get(name) ?? name), bytes.subarray(descStart, i));
    }
    if (i !== end) throw new Error('import section: unexpected length');
    const content = Buffer.concat(body);
    parts.push(Buffer.from([2]), encLeb(content.length), content);
  }
  return Buffer.concat(parts);
}

/**
 * The import functions of a wasm-bindgen glue file (unminified, `--target web`), as a Map of name
 * to code with comments and spacing removed: two shims with the same code do the same thing.
 */
export function glueShims(js) {
  const shims = new Map();
  const start = js.indexOf('const import0 = {');
  const end = js.indexOf('\n    };', start);
  if (start < 0 || end < 0) throw new Error('no import object in the glue');
  let name = null;
  let lines = [];
  const flush = () => { if (name) shims.set(name, lines.map(l => l.replace(/^\s*\/\/.*$/, '').trim()).filter(Boolean).join(' ')); };
  for (const line of js.slice(start, end).split('\n').slice(1)) {
    const m = line.match(/^ {8}([\w$]+): (.*)$/);
    if (m) { flush(); name = m[1]; lines = [m[2]]; } else lines.push(line);
  }
  flush();
  return shims;
}
