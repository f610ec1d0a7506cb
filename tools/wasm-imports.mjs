// The import section of a wasm file: what tools/postbuild.mjs checks and renames to fit the shared
// glue, and what tools/wasm-top.mjs counts to number the functions.

/**
 * The import section of `bytes` (a Buffer): where it lies (`start` at its id byte, `end` past it;
 * both -1 without one) and its entries as { module, name, kind, desc } (kind 0 = function; `desc`
 * the entry's encoded kind and type, copied as is when renaming).
 */
function importSection(bytes) {
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = bytes[i++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
  const str = () => { const n = leb(); const t = bytes.toString('utf8', i, i + n); i += n; return t; };
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 2) {
      const entries = [];
      for (let n = leb(); n > 0; n--) {
        const module = str();
        const name = str();
        const descStart = i;
        const kind = bytes[i++];
        if (kind === 0) leb();
        else if (kind === 1) { i++; const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 3) i += 2;
        else throw new Error(`unknown import kind ${kind}`);
        entries.push({ module, name, kind, desc: bytes.subarray(descStart, i) });
      }
      if (i !== end) throw new Error('import section: unexpected length');
      return { start, end, entries };
    }
    i = end;
  }
  return { start: -1, end: -1, entries: [] };
}

/** Every import of the module `bytes` (a Buffer), as { module, name, kind } (kind 0 = function). */
export function wasmImports(bytes) {
  return importSection(bytes).entries.map(({ module, name, kind }) => ({ module, name, kind }));
}

/**
 * A copy of the module `bytes` with its imports renamed by `rename` (a Map of old name to new name)
 * and, given `modules` (a Map of old to new module name), their modules too; all else unchanged.
 */
export function renameImports(bytes, rename, modules = new Map()) {
  const { start, end, entries } = importSection(bytes);
  if (start < 0) return Buffer.from(bytes);
  const encLeb = n => { const out = []; do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 128; out.push(b); } while (n); return Buffer.from(out); };
  const encStr = t => { const b = Buffer.from(t, 'utf8'); return Buffer.concat([encLeb(b.length), b]); };
  const content = Buffer.concat([encLeb(entries.length),
    ...entries.flatMap(e => [encStr(modules.get(e.module) ?? e.module), encStr(rename.get(e.name) ?? e.name), e.desc])]);
  return Buffer.concat([bytes.subarray(0, start), Buffer.from([2]), encLeb(content.length), content, bytes.subarray(end)]);
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

/**
 * A copy of the module `bytes` without the custom sections named in `names` (say `producers`, the
 * compiler's versions, and `target_features`: nothing reads them when the module runs).
 */
export function withoutCustomSections(bytes, names) {
  const parts = [bytes.subarray(0, 8)];
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = bytes[i++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    let drop = false;
    if (id === 0) {
      const n = leb();
      drop = names.includes(bytes.toString('utf8', i, i + n));
    }
    if (!drop) parts.push(bytes.subarray(start, end));
    i = end;
  }
  return Buffer.concat(parts);
}

/** The names of the module's exports, in order. */
export function wasmExports(bytes) {
  return exportSection(bytes).entries.map(e => e.name);
}

function exportSection(bytes) {
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = bytes[i++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 7) {
      const entries = [];
      for (let n = leb(); n > 0; n--) {
        const len = leb();
        const name = bytes.toString('utf8', i, i + len);
        i += len;
        const descStart = i;
        i++;
        leb();
        entries.push({ name, desc: bytes.subarray(descStart, i) });
      }
      if (i !== end) throw new Error('export section: unexpected length');
      return { start, end, entries };
    }
    i = end;
  }
  return { start: -1, end: -1, entries: [] };
}

/** A copy of the module `bytes` with its exports renamed by `rename` (a Map of old to new name). */
export function renameExports(bytes, rename) {
  const { start, end, entries } = exportSection(bytes);
  if (start < 0) return Buffer.from(bytes);
  const encLeb = n => { const out = []; do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 128; out.push(b); } while (n); return Buffer.from(out); };
  const encStr = t => { const b = Buffer.from(t, 'utf8'); return Buffer.concat([encLeb(b.length), b]); };
  const content = Buffer.concat([encLeb(entries.length), ...entries.flatMap(e => [encStr(rename.get(e.name) ?? e.name), e.desc])]);
  return Buffer.concat([bytes.subarray(0, start), Buffer.from([7]), encLeb(content.length), content, bytes.subarray(end)]);
}
