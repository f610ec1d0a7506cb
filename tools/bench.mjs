#!/usr/bin/env node
// Benchmarks the release build in dist/ the way a buyer's phone meets it. Builds nothing: run
// scripts/release.sh first. Serves dist/ with tools/serve.mjs (brotli/gzip, application/wasm, long
// cache on hashed names, the deployment headers) and prints, as medians of N runs with min–max:
//   1. bytes per file (raw, gzip, brotli) and the requests and bytes of the first load;
//   2. Lighthouse 12.2.3, default mobile config (simulated throttling): score, FCP, LCP, TBT, CLS,
//      total transfer;
//   3. loads under DevTools-protocol throttling, slow 4G and regular 3G (Lighthouse's figures) with
//      the CPU slowed to a low-end phone: the host's Lighthouse benchmarkIndex / 264. FCP, LCP, app
//      ready (data-hydrated="true"), and the slowest input event while typing a number (Event
//      Timing, durationThreshold 16 ms);
//   4. WebAssembly memory after load and after 1,000 recalculations (typing driven through the
//      DOM; the memory is read from the boot module's `started` export, nothing added to the app).
// Prints numbers and always exits 0: a benchmark, not a test.
// Usage: node tools/bench.mjs [--dist dist] [--runs 5] [--no-lighthouse] [--target-index 264] [--lang zh-CN]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sizes } from './sizes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1] : def; };
const DIST = path.resolve(opt('--dist', path.join(ROOT, 'dist')));
const RUNS = Math.max(1, Number(opt('--runs', '5')) || 5);
const TARGET_INDEX = Number(opt('--target-index', '264')) || 264;
const LIGHTHOUSE = !args.includes('--no-lighthouse');
const LANG = opt('--lang', 'zh-CN');
const CHROMIUM = process.env.CHROME_PATH || process.env.CHROMIUM || '/usr/bin/chromium';

const nodeRequire = createRequire(path.join(ROOT, 'tools/node/package.json'));
const { chromium } = nodeRequire('playwright-core');
const importTool = spec => import(pathToFileURL(nodeRequire.resolve(spec)).href);

// ---------------------------------------------------------------- small helpers

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
/** "median (min–max)" with a unit and a number of decimals. */
function stat(xs, unit = '', digits = 0) {
  const v = xs.filter(x => Number.isFinite(x));
  if (!v.length) return 'n/a';
  const f = x => x.toFixed(digits);
  return `${f(median(v))}${unit} (${f(Math.min(...v))}–${f(Math.max(...v))}, n=${v.length})`;
}
const kib = b => `${(b / 1024).toFixed(1)} KiB`;
const pad = (s, n) => String(s).padStart(n);
function log(line = '') { process.stdout.write(`${line}\n`); }
function section(title) { log(); log(`== ${title} ==`); }

/** Starts tools/serve.mjs on a free port. */
async function serve(dir) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [path.join(here, 'serve.mjs'), '--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start')), 10000);
    child.stdout.on('data', d => { out += d; const m = out.match(/at (http:\/\/\S+)/); if (m) { clearTimeout(timer); resolve(m[1]); } });
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`server exited ${code}`)); });
  });
  return { url, stop: () => { try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ } } };
}

async function launch(extra = []) {
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extra],
  });
}

/** The phone Lighthouse emulates (Moto G Power): 412×823 at 1.75×, touch. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: LANG };

/** Records app-ready time, Event Timing entries, LCP and CLS from the first moment of the page. */
function benchInit() {
  const b = { ready: null, events: [], keys: [], lcp: null, cls: 0 };
  Object.defineProperty(window, '__bench', { value: b });
  // Each key's time (Event Timing only lists events of 16 ms or more).
  addEventListener('keydown', e => b.keys.push(e.timeStamp), true);
  const check = () => { if (b.ready === null && document.querySelector('[data-hydrated="true"]')) b.ready = performance.now(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-hydrated'] });
  new PerformanceObserver(l => { for (const e of l.getEntries()) b.events.push({ name: e.name, start: e.startTime, duration: e.duration }); })
    .observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver(l => { for (const e of l.getEntries()) b.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) b.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
}

// ---------------------------------------------------------------- 0. host

/** Lighthouse's own benchmark (page-functions.js computeBenchmarkIndex), as an expression. */
async function benchmarkExpression() {
  const { pageFunctions } = await importTool('lighthouse/core/lib/page-functions.js');
  return `(${pageFunctions.computeBenchmarkIndex.toString()})()`;
}

async function hostBenchmarkIndex(browser, fn) {
  const page = await browser.newPage();
  const values = [];
  for (let i = 0; i < 5; i++) values.push(await page.evaluate(fn));
  await page.close();
  return values;
}

// ---------------------------------------------------------------- 1. bytes and requests

async function firstLoad(browser, url) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(benchInit);
  const page = await context.newPage();
  const requests = [];
  let ready = false;
  page.on('request', r => requests.push({ url: r.url(), beforeReady: !ready }));
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 60000 });
  ready = true;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  await context.close();
  const origin = new URL(url).origin;
  const own = requests.filter(r => r.url.startsWith(origin));
  return {
    critical: own.filter(r => r.beforeReady).map(r => new URL(r.url).pathname),
    later: own.filter(r => !r.beforeReady).map(r => new URL(r.url).pathname),
    foreign: requests.filter(r => !r.url.startsWith(origin) && !r.url.startsWith('data:')).map(r => r.url),
  };
}

// ---------------------------------------------------------------- 2. Lighthouse

async function lighthouseRuns(url) {
  const { default: lighthouse } = await importTool('lighthouse');
  const chromeLauncher = await importTool('chrome-launcher');
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    // The audience's browser language: the static page is Chinese, so a zh-CN browser keeps it as is.
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--accept-lang=${LANG}`] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const lhr = result.lhr;
      const a = id => lhr.audits[id]?.numericValue;
      runs.push({
        score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
        fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'), tbt: a('total-blocking-time'),
        cls: a('cumulative-layout-shift'), bytes: a('total-byte-weight'), si: a('speed-index'), tti: a('interactive'),
        index: lhr.environment?.benchmarkIndex, warnings: lhr.runWarnings || [],
      });
      log(`  run ${i + 1}: score ${runs.at(-1).score}, FCP ${Math.round(runs.at(-1).fcp)} ms, LCP ${Math.round(runs.at(-1).lcp)} ms, TBT ${Math.round(runs.at(-1).tbt)} ms, CLS ${runs.at(-1).cls.toFixed(3)}, ${kib(runs.at(-1).bytes)}`);
    } finally {
      await chrome.kill();
    }
  }
  return runs;
}

// ---------------------------------------------------------------- 3. throttled loads

/**
 * Polls `window.__bench.ready` through the DevTools protocol. Playwright's own waits
 * (`waitForFunction`, `waitForSelector`) first evaluate its injected script in the page, about 90 ms
 * of main-thread work at ×14 that landed before the first paint and delayed it by as much.
 */
async function waitForReady(cdp, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__bench.ready !== null', returnByValue: true });
    if (result.value === true) return;
    if (Date.now() > until) throw new Error(`the app was not ready within ${timeoutMs} ms`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

async function throttledRun(browser, url, profile, benchmarkFn) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(benchInit);
  const page = await context.newPage();
  try {
    // Calibrate right before the run (median of 3): the host's speed varies with its other work.
    const index = median([await page.evaluate(benchmarkFn), await page.evaluate(benchmarkFn), await page.evaluate(benchmarkFn)]);
    const cpuRate = Math.max(1, index / TARGET_INDEX);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.requestLatencyMs,
      downloadThroughput: (profile.downloadThroughputKbps * 1024) / 8,
      uploadThroughput: (profile.uploadThroughputKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
    await waitForReady(cdp, 120000);
    await page.waitForTimeout(500);
    const load = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      ready: window.__bench.ready, lcp: window.__bench.lcp, cls: window.__bench.cls,
    }));
    // Type a price on the low-end CPU: the slowest keyboard/input event.
    await page.click('[data-testid="cat-fridge"]');
    await page.waitForSelector('[data-testid="price"]');
    await page.click('[data-testid="price"]');
    await page.waitForTimeout(300);
    const typingFrom = await page.evaluate(() => performance.now());
    await page.keyboard.type('5999', { delay: 200 });
    await page.waitForTimeout(800);
    const typed = await page.evaluate(() => document.querySelector('[data-testid="price"]').value);
    const events = await page.evaluate(t => window.__bench.events.filter(e => e.start >= t), typingFrom);
    const typing = events.filter(e => /^(key|beforeinput|input)/.test(e.name));
    // The first digit also mounts the answer's chart; the later ones only update it.
    const keys = await page.evaluate(t => window.__bench.keys.filter(k => k >= t), typingFrom);
    const secondKey = keys[1] ?? Infinity;
    const slowest = list => list.reduce((m, e) => Math.max(m, e.duration), 0);
    return {
      ...load, index, cpuRate, slowestInput: slowest(typing),
      firstDigit: slowest(typing.filter(e => e.start < secondKey)), laterDigits: slowest(typing.filter(e => e.start >= secondKey)),
      typedOk: typed === '5999',
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- 4. memory

async function memoryRun(browser, url) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  try {
    // A filled-in fridge comparison (an ordinary deep link), so every keystroke recomputes a result.
    await page.goto(`${url}?cat=fridge&price=5999&grade=1&old_kwh_day=1.2&new_kwh_day=0.5`);
    await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 60000 });
    await page.waitForSelector('[data-testid="price"]');
    return await page.evaluate(async () => {
      const boot = await import(document.querySelector('script[type="module"][src]').src);
      const memory = (await boot.started).memory;
      const nextTask = () => new Promise(resolve => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
      const results = document.querySelector('[data-testid="results"]') || document.body;
      let updates = 0;
      new MutationObserver(() => { updates++; }).observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
      await nextTask();
      const before = memory.buffer.byteLength;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const started = performance.now();
      for (let i = 0; i < 1000; i++) {
        const input = document.querySelector('[data-testid="price"]');
        setValue.call(input, String(3000 + ((i * 37) % 5000)));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await nextTask();
      }
      const elapsed = performance.now() - started;
      return { before, after: memory.buffer.byteLength, updates, perRecalcMs: elapsed / 1000 };
    });
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    log(`No build in ${DIST}: run scripts/release.sh first.`);
    return;
  }
  const server = await serve(DIST);
  const browser = await launch();
  try {
    section('host');
    const version = browser.version();
    const benchmarkFn = await benchmarkExpression();
    const indexes = await hostBenchmarkIndex(browser, benchmarkFn);
    const index = median(indexes);
    log(`chromium ${version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
    if (os.loadavg()[0] > os.cpus().length) log('warning: the host is busy (load average above its CPU count); timings will be slower and noisier');
    log(`Lighthouse benchmarkIndex of this host: ${Math.round(index)} (median of ${indexes.map(Math.round).join(', ')}); low-end phone target ${TARGET_INDEX} → CPU slowdown ×${Math.max(1, index / TARGET_INDEX).toFixed(2)}`);
    log('(the throttled runs recalibrate right before each load and print the factor they used)');
    log(`runs per measure: ${RUNS}; dist: ${path.relative(process.cwd(), DIST) || '.'}; browser language ${LANG}`);

    section('bytes (tools/sizes.mjs: gzip -9, brotli q11)');
    const { files } = sizes(DIST);
    const fl = await firstLoad(browser, server.url);
    const firstNames = new Set(fl.critical.map(p => (p === '/' ? 'index.html' : p.replace(/^\//, ''))));
    log(`${'file'.padEnd(40)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}  first load`);
    for (const f of files) log(`${f.name.padEnd(40)} ${pad(f.raw, 9)} ${pad(f.gzip, 9)} ${pad(f.brotli, 9)}  ${firstNames.has(f.name) ? 'yes' : ''}`);
    const first = files.filter(f => firstNames.has(f.name));
    const sum = k => first.reduce((a, f) => a + f[k], 0);
    log(`${'first load (measured in the browser)'.padEnd(40)} ${pad(sum('raw'), 9)} ${pad(sum('gzip'), 9)} ${pad(sum('brotli'), 9)}  = ${kib(sum('brotli'))} brotli`);
    // The phones' wasm (first load); the host build is a retailer's page's, the full build a kiosk's.
    const other = kind => files.filter(f => f.name.startsWith(`huanxin-${kind}-`) && f.name.endsWith('.wasm')).map(f => `${kib(f.raw)} raw, ${kib(f.brotli)} brotli`).join('; ') || 'none';
    log(`raw wasm: ${kib(first.filter(f => f.name.endsWith('.wasm')).reduce((a, f) => a + f.raw, 0))} (first load; a retailer's page's host build: ${other('host')}; the kiosk's full build: ${other('full')})`);
    log(`requests until the app is ready: ${fl.critical.length} (${fl.critical.join(', ')})`);
    log(`requests after ready, within 1 s of network idle: ${fl.later.length}${fl.later.length ? ` (${fl.later.join(', ')})` : ''}`);
    log(`requests to other origins: ${fl.foreign.length}`);

    const { throttling } = await importTool('lighthouse/core/config/constants.js');
    let lh = [];
    if (LIGHTHOUSE) {
      section(`Lighthouse ${JSON.parse(fs.readFileSync(nodeRequire.resolve('lighthouse/package.json'), 'utf8')).version}, mobile, simulated throttling (${RUNS} runs)`);
      try {
        lh = await lighthouseRuns(server.url);
        log(`performance score  ${stat(lh.map(r => r.score))}`);
        log(`FCP                ${stat(lh.map(r => r.fcp), ' ms')}`);
        log(`LCP                ${stat(lh.map(r => r.lcp), ' ms')}`);
        log(`TBT                ${stat(lh.map(r => r.tbt), ' ms')}`);
        log(`CLS                ${stat(lh.map(r => r.cls), '', 3)}`);
        log(`Speed Index        ${stat(lh.map(r => r.si), ' ms')}`);
        log(`total transfer     ${stat(lh.map(r => r.bytes / 1024), ' KiB', 1)}`);
        log(`benchmarkIndex     ${stat(lh.map(r => r.index))} (as Lighthouse measured it)`);
        const warnings = [...new Set(lh.flatMap(r => r.warnings))];
        if (warnings.length) log(`warnings: ${warnings.join(' | ')}`);
      } catch (e) {
        log(`Lighthouse failed: ${e.message}`);
      }
    }

    const profiles = [['slow 4G', throttling.mobileSlow4G], ['regular 3G', throttling.mobileRegular3G]];
    const throttled = {};
    for (const [name, p] of profiles) {
      section(`${name}: ${p.requestLatencyMs} ms latency, ${(p.downloadThroughputKbps / 1000).toFixed(2)} Mbps down, ${(p.uploadThroughputKbps / 1000).toFixed(2)} Mbps up, CPU calibrated to index ${TARGET_INDEX} (${RUNS} runs)`);
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        try { runs.push(await throttledRun(browser, server.url, p, benchmarkFn)); } catch (e) { log(`  run ${i + 1} failed: ${e.message}`); }
      }
      throttled[name] = runs;
      log(`host index → CPU slowdown  ${stat(runs.map(r => r.index))} → ×${stat(runs.map(r => r.cpuRate), '', 2)}`);
      log(`first contentful paint     ${stat(runs.map(r => r.fcp), ' ms')}`);
      log(`largest contentful paint   ${stat(runs.map(r => r.lcp), ' ms')}`);
      log(`app ready                  ${stat(runs.map(r => r.ready), ' ms')}`);
      log(`CLS                        ${stat(runs.map(r => r.cls), '', 3)}`);
      log(`slowest input event typing ${stat(runs.map(r => r.slowestInput), ' ms')}  (0 = every event under 16 ms)`);
      log(`  first digit / later ones ${stat(runs.map(r => r.firstDigit), ' ms')} / ${stat(runs.map(r => r.laterDigits), ' ms')}`);
      if (runs.some(r => !r.typedOk)) log('  note: a run did not end with "5999" in the price field');
    }

    section(`WebAssembly memory, 1,000 recalculations (${RUNS} runs, no throttling)`);
    const mem = [];
    for (let i = 0; i < RUNS; i++) {
      try { mem.push(await memoryRun(browser, server.url)); } catch (e) { log(`  run ${i + 1} failed: ${e.message}`); }
    }
    log(`after load                 ${stat(mem.map(m => m.before / 1024), ' KiB')}`);
    log(`after 1,000 recalculations ${stat(mem.map(m => m.after / 1024), ' KiB')}`);
    log(`growth                     ${stat(mem.map(m => ((m.after - m.before) / m.before) * 100), ' %', 1)}`);
    log(`result updates seen        ${stat(mem.map(m => m.updates))} (DOM mutations in the results)`);
    log(`time per recalculation     ${stat(mem.map(m => m.perRecalcMs), ' ms', 2)} (unthrottled, incl. one task hop)`);

    log();
    log(`load average at the end: ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
    section('targets (issue 7)');
    const s4 = throttled['slow 4G'] || [];
    const g3 = throttled['regular 3G'] || [];
    const row = (measure, value, must, aim, ok) => log(`${measure.padEnd(44)} ${String(value).padEnd(26)} must ${String(must).padEnd(12)} aim ${String(aim).padEnd(12)} ${ok === null ? '' : ok ? 'ok' : 'MISSED'}`);
    const m = (xs, f = x => x) => (xs.length ? f(median(xs)) : NaN);
    const brotli = sum('brotli');
    const wasmRaw = files.filter(f => f.name.endsWith('.wasm') && firstNames.has(f.name)).reduce((a, f) => a + f.raw, 0);
    row('first load, brotli, everything', kib(brotli), '≤ 150 KiB', '≤ 100 KiB', brotli <= 150 * 1024);
    row('raw wasm', kib(wasmRaw), '≤ 400 KiB', '≤ 250 KiB', wasmRaw <= 400 * 1024);
    row('requests on first load', fl.critical.length, '≤ 4', '3', fl.critical.length <= 4);
    if (lh.length) {
      row('Lighthouse mobile performance', m(lh.map(r => r.score)), '≥ 95', '100', m(lh.map(r => r.score)) >= 95);
      row('Lighthouse LCP', `${Math.round(m(lh.map(r => r.lcp)))} ms`, '≤ 1500 ms', '≤ 1200 ms', m(lh.map(r => r.lcp)) <= 1500);
      row('Lighthouse TBT', `${Math.round(m(lh.map(r => r.tbt)))} ms`, '≤ 50 ms', '0 ms', m(lh.map(r => r.tbt)) <= 50);
      row('Lighthouse CLS', m(lh.map(r => r.cls)).toFixed(3), '0', '0', m(lh.map(r => r.cls)) === 0);
    }
    row('FCP, slow 4G, low-end CPU', `${Math.round(m(s4.map(r => r.fcp)))} ms`, '≤ 1200 ms', '≤ 1000 ms', m(s4.map(r => r.fcp)) <= 1200);
    row('app ready, slow 4G, low-end CPU', `${Math.round(m(s4.map(r => r.ready)))} ms`, '≤ 2500 ms', '≤ 2000 ms', m(s4.map(r => r.ready)) <= 2500);
    row('app ready, regular 3G, low-end CPU', `${Math.round(m(g3.map(r => r.ready)))} ms`, '≤ 5000 ms', '≤ 4000 ms', m(g3.map(r => r.ready)) <= 5000);
    const slowest = Math.max(m(s4.map(r => r.slowestInput)), m(g3.map(r => r.slowestInput)));
    row('slowest input event typing, low-end CPU', slowest ? `${Math.round(slowest)} ms` : '< 16 ms', '≤ 100 ms', '≤ 50 ms', slowest <= 100);
    const growth = m(mem.map(x => ((x.after - x.before) / x.before) * 100));
    row('wasm memory growth, 1,000 recalculations', `${growth.toFixed(1)} %`, '≤ 10 %', '0', growth <= 10);
  } finally {
    await browser.close();
    server.stop();
  }
}

try {
  const rev = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim(); } catch { return '?'; } })();
  log(`Huanxin benchmark (commit ${rev}, ${new Date().toISOString()})`);
  await main();
} catch (e) {
  log(`benchmark stopped: ${e.stack || e}`);
}
process.exit(0);
