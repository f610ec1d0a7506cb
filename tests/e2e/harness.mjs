// End-to-end harness: serves the release dist/ on a free loopback port, drives headless Chromium with
// playwright-core, and always stops both (by PID / handle), also when a test fails.
import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
const require = createRequire(path.join(ROOT, 'tools/node/package.json'));
const { chromium } = require('playwright-core');

export const DIST = process.env.HX_DIST || path.join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'target', 'screenshots');

export const PHONE = { width: 390, height: 844 };
export const KIOSK = { width: 1080, height: 1920 };

/** Starts tools/serve.mjs on a free port; resolves to { url, stop }. */
export async function startServer({ dir = DIST, extraArgs = [] } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`no build in ${dir}: run the release build first`);
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/serve.mjs'), '--dir', dir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // With `--log` among extraArgs, `requests` fills with each "GET /path?query" the server saw.
  const requests = [];
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start')), 10000);
    child.stdout.on('data', d => {
      out += d;
      const m = out.match(/at (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    let lines = '';
    child.stdout.on('data', d => {
      lines += d;
      const parts = lines.split('\n');
      lines = parts.pop();
      for (const l of parts) if (/^(GET|HEAD) /.test(l)) requests.push(l);
    });
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`server exited ${code}`)); });
  });
  return { url, pid: child.pid, requests, stop: () => stopChild(child) };
}

function stopChild(child) {
  return new Promise(resolve => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    try { process.kill(child.pid, 'SIGTERM'); } catch { resolve(); }
    setTimeout(() => { try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ } }, 2000).unref();
  });
}

/** Launches headless Chromium the way this machine needs it. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Opens a page and records what a privacy test needs: console errors, failed requests, every request
 * URL and page errors. `await app.ready()` waits until the wasm app has mounted.
 */
export async function openPage(browser, url, { viewport = PHONE, locale = 'zh-CN', ...ctxOpts } = {}) {
  const context = await browser.newContext({ viewport, locale, ...ctxOpts });
  const page = await context.newPage();
  const log = { errors: [], requests: [], pageErrors: [] };
  page.on('console', m => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', e => log.pageErrors.push(String(e)));
  page.on('request', r => log.requests.push(r.url()));
  await page.goto(url);
  return { page, context, log, ready: () => page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 }) };
}

/**
 * Waits until the app holds no typed edit. On a slow device edits are applied once typing pauses
 * (src/ui/pacer.rs) and the root says `data-settled="false"` until then; results read earlier are stale.
 */
export async function settled(target) {
  await target.waitForFunction(() => !document.querySelector('[data-settled="false"]'), null, { timeout: 10000 });
}

/** Fills a field the way a user types into it, then waits for the answer to follow. */
export async function fill(target, selector, text) {
  await target.fill(selector, text);
  await settled(target);
}

/** Chooses an option, then waits for the answer to follow. */
export async function choose(target, selector, value) {
  await target.selectOption(selector, value);
  await settled(target);
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
