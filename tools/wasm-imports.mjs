// The import section of a wasm file: what tools/postbuild.mjs checks the shared glue against, and
// what tools/wasm-top.mjs counts to number the functions.

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
