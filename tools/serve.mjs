#!/usr/bin/env node
// A small static server for dist/, the way a CDN would serve it: precompressed brotli/gzip when the
// client accepts it, application/wasm, long cache on hashed files, and Huanxin's security headers.
// Usage: node tools/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--no-csp] [--log] [--header "K: V"]...
// --log prints "GET <path>" for each request (the tests count downloads with it).
// Prints "Serving <dir> at http://HOST:PORT/" once listening (port 0 picks a free port).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const dir = path.resolve(opt('--dir', 'dist'));
const port = Number(opt('--port', '8080'));
const host = opt('--host', '127.0.0.1');
const withCsp = !args.includes('--no-csp');
const logRequests = args.includes('--log');
const extraHeaders = [];
args.forEach((a, i) => { if (a === '--header' && args[i + 1]) extraHeaders.push(args[i + 1]); });

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.toml': 'text/plain; charset=utf-8',
};

// Read the deployment headers from one place, so tests, benchmarks and the README agree: the build's
// dist/_headers (Netlify / Cloudflare Pages format: a path, then its headers; `/*` is every path), which
// tools/postbuild.mjs writes from tools/headers.json with the inline style's and script's CSP hashes;
// without it (a build not post-processed), tools/headers.json as it stands.
function deploymentHeaders() {
  const sections = [];
  try {
    for (const line of fs.readFileSync(path.join(dir, '_headers'), 'utf8').split('\n')) {
      const m = line.match(/^\s+([\w-]+):\s*(.+)$/);
      if (m && sections.length) sections.at(-1).headers[m[1].toLowerCase()] = m[2].trim();
      else if (/^\//.test(line)) sections.push({ path: line.trim(), headers: {} });
    }
  } catch { /* not post-processed */ }
  if (sections.length) return sections;
  try {
    const json = JSON.parse(fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'headers.json'), 'utf8'));
    return [{ path: '/*', headers: Object.fromEntries(Object.entries(json).filter(([k]) => !k.startsWith('_'))) }];
  } catch { return []; }
}
const sections = withCsp ? deploymentHeaders() : [];
/** The headers of every section whose path is `/*` or this request's path. */
const headersFor = requestPath => Object.assign({}, ...sections.filter(s => s.path === '/*' || s.path === requestPath).map(s => s.headers));

const server = http.createServer((req, res) => {
  if (logRequests) console.log(`${req.method} ${req.url}`);
  let urlPath;
  try { urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  const requestPath = urlPath;
  if (urlPath.endsWith('/')) urlPath += 'index.html';
  const file = path.join(dir, path.normalize(urlPath));
  if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
  let stat;
  try { stat = fs.statSync(file); } catch { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
  if (!stat.isFile() || path.basename(file) === '_headers') { res.writeHead(404).end(); return; }
  const ext = path.extname(file);
  const headers = { ...headersFor(requestPath), 'content-type': TYPES[ext] || 'application/octet-stream', vary: 'accept-encoding' };
  // Hashed names (trunk's -<hash>.ext) never change: cache them for a year; everything else revalidates.
  headers['cache-control'] = /-[0-9a-f]{16}(_bg)?\./.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
  for (const h of extraHeaders) { const k = h.indexOf(':'); if (k > 0) headers[h.slice(0, k).trim().toLowerCase()] = h.slice(k + 1).trim(); }
  const accept = String(req.headers['accept-encoding'] || '');
  let body = file;
  if (/\bbr\b/.test(accept) && fs.existsSync(file + '.br')) { body = file + '.br'; headers['content-encoding'] = 'br'; }
  else if (/\bgzip\b/.test(accept) && fs.existsSync(file + '.gz')) { body = file + '.gz'; headers['content-encoding'] = 'gzip'; }
  headers['content-length'] = fs.statSync(body).size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') { res.end(); return; }
  fs.createReadStream(body).pipe(res);
});
server.listen(port, host, () => {
  const a = server.address();
  console.log(`Serving ${dir} at http://${host}:${a.port}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
