// A wasm file's sections, read and rewritten: its imports and exports (what tools/postbuild.mjs
// checks and renames to fit the shared glue, and what tools/wasm-top.mjs counts to number the
// functions) and its custom sections.

/** Reads LEB128 numbers and names from `bytes` (a Buffer), starting at `at`. */
function reader(bytes, at) {
  const r = {
    at,
    leb() { let v = 0, s = 0, x; do { x = bytes[r.at++]; v += (x & 127) * 2 ** s; s += 7; } while (x & 128); return v; },
    str() { const n = r.leb(); const t = bytes.toString('utf8', r.at, r.at + n); r.at += n; return t; },
  };
  return r;
}

const encLeb = n => { const out = []; do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 128; out.push(b); } while (n); return Buffer.from(out); };
const encStr = t => { const b = Buffer.from(t, 'utf8'); return Buffer.concat([encLeb(b.length), b]); };

/** Every section of `bytes`: { id, start (its id byte), body (its content), end (past it) }. */
function* sections(bytes) {
  const r = reader(bytes, 8);
  while (r.at < bytes.length) {
    const start = r.at;
    const id = bytes[r.at++];
    const size = r.leb();
    yield { id, start, body: r.at, end: r.at + size };
    r.at += size;
  }
}

/**
 * The entries of section `id` (2 imports, 7 exports), each read by `entry(reader)`, with where the
 * section lies (`start`, `end`; both -1 without one).
 */
function section(bytes, id, entry) {
  for (const sec of sections(bytes)) {
    if (sec.id !== id) continue;
    const r = reader(bytes, sec.body);
    const entries = [];
    for (let n = r.leb(); n > 0; n--) entries.push(entry(r));
    if (r.at !== sec.end) throw new Error(`section ${id}: unexpected length`);
    return { start: sec.start, end: sec.end, entries };
  }
  return { start: -1, end: -1, entries: [] };
}

/** A copy of `bytes` with the section at `start`..`end` replaced by section `id` of `entries` (Buffers). */
function replaced(bytes, { start, end }, id, entries) {
  const content = Buffer.concat([encLeb(entries.length), ...entries]);
  return Buffer.concat([bytes.subarray(0, start), Buffer.from([id]), encLeb(content.length), content, bytes.subarray(end)]);
}

/** Imports as { module, name, kind, desc } (kind 0 = function; `desc` its encoded kind and type, kept as is). */
const importSection = bytes => section(bytes, 2, r => {
  const module = r.str();
  const name = r.str();
  const descStart = r.at;
  const kind = bytes[r.at++];
  if (kind === 0) r.leb();
  else if (kind === 1) { r.at++; const f = r.leb(); r.leb(); if (f & 1) r.leb(); }
  else if (kind === 2) { const f = r.leb(); r.leb(); if (f & 1) r.leb(); }
  else if (kind === 3) r.at += 2;
  else throw new Error(`unknown import kind ${kind}`);
  return { module, name, kind, desc: bytes.subarray(descStart, r.at) };
});

/** Exports as { name, desc } (`desc` its encoded kind and index, kept as is). */
const exportSection = bytes => section(bytes, 7, r => {
  const name = r.str();
  const descStart = r.at;
  r.at++;
  r.leb();
  return { name, desc: bytes.subarray(descStart, r.at) };
});

/** Every import of the module `bytes` (a Buffer), as { module, name, kind } (kind 0 = function). */
export function wasmImports(bytes) {
  return importSection(bytes).entries.map(({ module, name, kind }) => ({ module, name, kind }));
}

/**
 * A copy of the module `bytes` with its imports renamed by `rename` (a Map of old name to new name)
 * and, given `modules` (a Map of old to new module name), their modules too; all else unchanged.
 */
export function renameImports(bytes, rename, modules = new Map()) {
  const sec = importSection(bytes);
  if (sec.start < 0) return Buffer.from(bytes);
  return replaced(bytes, sec, 2, sec.entries.map(e =>
    Buffer.concat([encStr(modules.get(e.module) ?? e.module), encStr(rename.get(e.name) ?? e.name), e.desc])));
}

/** The names of the module's exports, in order. */
export function wasmExports(bytes) {
  return exportSection(bytes).entries.map(e => e.name);
}

/** A copy of the module `bytes` with its exports renamed by `rename` (a Map of old to new name). */
export function renameExports(bytes, rename) {
  const sec = exportSection(bytes);
  if (sec.start < 0) return Buffer.from(bytes);
  return replaced(bytes, sec, 7, sec.entries.map(e => Buffer.concat([encStr(rename.get(e.name) ?? e.name), e.desc])));
}

/**
 * A copy of the module `bytes` without the custom sections named in `names` (say `producers`, the
 * compiler's versions, and `target_features`: nothing reads them when the module runs).
 */
export function withoutCustomSections(bytes, names) {
  const kept = [...sections(bytes)].filter(sec => sec.id !== 0 || !names.includes(reader(bytes, sec.body).str()));
  return Buffer.concat([bytes.subarray(0, 8), ...kept.map(sec => bytes.subarray(sec.start, sec.end))]);
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
