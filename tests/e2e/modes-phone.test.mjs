// Phone: installable PWA that reloads offline after a first visit, a new release replaces the old
// cache, sharing with every fallback (Web Share, clipboard, a field to copy by hand as in WeChat), and
// the print view fits the summary on one A4 page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, screenshot, PHONE, DIST, fill } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
  return { context, page, errors };
}

/** Waits until the service worker controls the page and has filled its cache. */
async function waitForWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise(resolve => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return page.evaluate(() => caches.keys());
}

test('phone: installable, and reloads offline after the first visit', async () => {
  // Its own server, stopped after the first visit: offline for the worker too, not only the page.
  const own = await startServer({ extraArgs: ['--log'] });
  const { context, page, errors } = await open(`${own.url}?cat=fridge&price=5999`);
  try {
    // Installable: Chromium's own check finds nothing missing.
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], JSON.stringify(manifest.errors));
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.short_name, '换新算');
    const caches = await waitForWorker(page);
    assert.equal(caches.length, 1);
    assert.match(caches[0], /^huanxin-[0-9a-f]{16}$/);
    // The page names its build to the worker, which keeps it with the shell (tools/boot.js).
    await page.waitForFunction(async name => (await (await self.caches.open(name)).keys()).some(r => r.url.endsWith('_bg.wasm')), caches[0]);
    const kept = await page.evaluate(async name => (await (await self.caches.open(name)).keys()).map(r => new URL(r.url).pathname).filter(p => p.endsWith('.wasm')), caches[0]);
    assert.equal(kept.length, 1, `only the build this page runs is kept: ${kept}`);
    assert.match(kept[0], /^\/huanxin-[0-9a-f]{16}_bg\.wasm$/, 'the Chinese phones\' build');
    // The worker precaches the hashed boot module and wasm from the HTTP cache: each crossed the
    // network once, not twice, on this first visit.
    const hashed = own.requests.filter(r => /-[0-9a-f]{16}(_bg)?\.(js|wasm)/.test(r));
    assert.ok(hashed.some(r => r.endsWith('.wasm')), own.requests.join('\n'));
    assert.equal(new Set(hashed).size, hashed.length, `downloaded twice:\n${own.requests.join('\n')}`);
    // Only the test's own set-up may stand in the way (a throw-away profile counts as incognito).
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const missing = installabilityErrors.filter(e => e.errorId !== 'in-incognito');
    assert.deepEqual(missing, [], JSON.stringify(installabilityErrors));

    // Offline: the page, the wasm and the icons come from the cache; the calculator still works.
    await own.stop();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
    assert.equal(await page.inputValue('[data-testid="price"]'), '5999');
    await fill(page, '[data-testid="price"]', '4999');
    await page.waitForFunction(() => document.querySelector('[data-testid="net-price"]')?.getAttribute('data-value') !== '');
    assert.ok(Number(await page.getAttribute('[data-testid="net-price"]', 'data-value')) > 0);
    // Another category offline: everything is in the wasm, nothing to fetch.
    await page.click('[data-testid="cat-ac"]');
    await page.waitForSelector('[data-testid="section-old"]');
    // A deep link opened offline gets the cached shell too. (In this language: the English build is
    // kept once a page used it online.)
    await page.goto(`${own.url}?cat=washer`);
    await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
    assert.equal(await page.getAttribute('[data-testid="cat-washer"]', 'aria-pressed'), 'true');
    await screenshot(page, 'modes-phone-offline');
    await context.setOffline(false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await own.stop();
  }
});

test('phone: a new release replaces the old cache', async () => {
  // A copy of the build, so this test can publish a "new release" of it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hx-release-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const copy = await startServer({ dir });
  try {
    const { context, page } = await open(copy.url);
    try {
      const [first] = await waitForWorker(page);
      // The next release: new contents, so a new worker version (what tools/sw-manifest.mjs writes).
      const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
      const version = first.replace('huanxin-', '');
      assert.ok(sw.includes(`"${version}"`), 'sw.js carries its cache version');
      fs.writeFileSync(path.join(dir, 'sw.js'), sw.replace(`"${version}"`, '"0000000000000002"'));
      for (const ext of ['.br', '.gz']) fs.rmSync(path.join(dir, 'sw.js' + ext), { force: true });
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await page.waitForFunction(async () => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0] === 'huanxin-0000000000000002';
      }, null, { timeout: 20000 });
    } finally {
      await context.close();
    }
  } finally {
    await copy.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The address bar, once it has settled: the app rewrites it when typing pauses (300 ms).
const shareUrl = async page => {
  await page.waitForTimeout(400);
  return page.evaluate(() => `${location.origin}${location.pathname}?${new URLSearchParams(location.search).toString()}`);
};

test('phone: share uses the Web Share API where present', async () => {
  const { context, page } = await open(`${server.url}?cat=tv&price=3999`);
  try {
    await page.evaluate(() => {
      window.__shared = null;
      navigator.share = data => { window.__shared = data; return Promise.resolve(); };
    });
    await page.click('[data-testid="share-button"]');
    await page.waitForFunction(() => window.__shared !== null);
    const shared = await page.evaluate(() => window.__shared);
    const url = new URL(shared.url);
    assert.equal(url.searchParams.get('cat'), 'tv');
    assert.equal(url.searchParams.get('price'), '3999');
    assert.match(await page.textContent('[data-testid="share-status"]'), /已分享/);
  } finally {
    await context.close();
  }
});

test('phone: without Web Share the link is copied to the clipboard', async () => {
  const { context, page } = await open(`${server.url}?cat=tv&price=3999`);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.evaluate(() => { delete Navigator.prototype.share; });
    await page.click('[data-testid="share-button"]');
    await page.waitForFunction(() => /已复制/.test(document.querySelector('[data-testid="share-status"]').textContent));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await shareUrl(page));
  } finally {
    await context.close();
  }
});

test('phone: like WeChat (no Web Share, no clipboard), the link is shown to copy by hand', async () => {
  const { context, page } = await open(`${server.url}?cat=tv&price=3999`);
  try {
    await page.evaluate(() => {
      delete Navigator.prototype.share;
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    });
    await page.click('[data-testid="share-button"]');
    await page.waitForSelector('[data-testid="share-link"]');
    assert.equal(await page.inputValue('[data-testid="share-link"]'), await shareUrl(page));
    assert.equal(await page.$eval('[data-testid="share-link"]', el => el.readOnly), true);
    await page.focus('[data-testid="share-link"]');
    const selected = await page.evaluate(() => { const i = document.activeElement; return i.selectionEnd - i.selectionStart; });
    assert.equal(selected, (await page.inputValue('[data-testid="share-link"]')).length, 'focus selects the whole link');
    await screenshot(page, 'modes-phone-share-fallback');
  } finally {
    await context.close();
  }
});

test('phone: the print view fits the summary on one A4 page', async () => {
  const { context, page } = await open(`${server.url}?cat=fridge&price=5999&alt_price=4999&region=GD`);
  try {
    // Every category, both languages: the summary and the comparison table fit one A4 page.
    for (const cat of ['fridge', 'ac', 'washer', 'water_heater', 'gas_water_heater', 'heat_pump_water_heater',
      'water_purifier', 'air_purifier', 'range_hood', 'microwave', 'tv', 'dishwasher', 'rice_cooker', 'gas_stove', 'computer']) {
      for (const lang of ['zh', 'en']) {
        await page.goto(`${server.url}?lang=${lang}&cat=${cat}&price=5999&alt_price=4999&region=GD`);
        await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        const n = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
        assert.equal(n, 1, `${cat} (${lang}) prints on ${n} A4 pages`);
      }
    }
    await page.goto(`${server.url}?cat=fridge&price=5999&alt_price=4999&region=GD`);
    await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('[data-testid="result-summary"]'), true);
    for (const hidden of ['[data-testid="share"]', '.hx-picker', '[data-testid="section-old"]']) {
      assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
    }
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'modes-phone-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
    assert.equal(pages, 1, `the print view takes ${pages} A4 pages`);
  } finally {
    await context.close();
  }
});
