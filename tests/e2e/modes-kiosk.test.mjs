// Store kiosk (`?mode=kiosk`), as a stranger in a store meets it: attract screen, on-screen keypad
// (no system keyboard), touch targets of 48 px, no selection or context menu, the "take it to your
// phone" QR code (decoded from a screenshot), the idle countdown and the reset that wipes storage.
// Time is Playwright's fake clock, so the 30 s idle + 30 s countdown run in an instant.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launchBrowser, screenshot, KIOSK, ROOT } from './harness.mjs';

const require = createRequire(path.join(ROOT, 'tools/node/package.json'));
const jsQR = require('jsqr');
const { PNG } = require('pngjs');

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

const STORE = '示例电器 新街口店';
const kioskUrl = extra => `${server.url}?mode=kiosk&idle=30&store=${encodeURIComponent(STORE)}&lang=zh${extra || ''}`;

async function openKiosk(viewport = KIOSK, extra = '') {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch: true });
  await context.clock.install();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(kioskUrl(extra));
  await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
  return { context, page, errors };
}

/** Decodes the QR code in `selector` from a screenshot of it. */
async function decodeQr(page, selector) {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return code && code.data;
}

async function tapKeys(page, keys) {
  for (const k of keys) await page.tap(`[data-testid="key-${k}"]`);
}

/** The app's top-level parts behind an overlay: all `inert` while it shows, none after. */
const inertParts = page => page.evaluate(() => [...document.querySelectorAll('.hx-app > *')]
  .filter(el => el.hasAttribute('inert')).map(el => el.className || el.tagName));

test('kiosk: attract screen, keypad entry updates the result, 48 px targets, no selection or menu', async () => {
  const { context, page, errors } = await openKiosk();
  try {
    // The attract screen, in both languages, with the store's name.
    await page.waitForSelector('[data-testid="attract"]');
    assert.match(await page.textContent('[data-testid="attract"]'), /点我开始计算[\s\S]*Tap to start/);
    assert.equal((await page.textContent('[data-testid="attract-store"]')).trim(), STORE);
    await screenshot(page, 'modes-kiosk-attract');
    // Modal: the page behind the attract screen is inert.
    assert.ok((await inertParts(page)).some(c => /hx-main|MAIN/.test(c)), String(await inertParts(page)));
    await page.tap('[data-testid="attract-start"]');
    await page.waitForSelector('[data-testid="attract"]', { state: 'detached' });
    assert.deepEqual(await inertParts(page), []);
    assert.equal((await page.textContent('[data-testid="store-name"]')).trim(), STORE);

    await page.tap('[data-testid="cat-fridge"]');
    // Number inputs open no system keyboard: read-only, inputmode none.
    const price = page.locator('[data-testid="price"]');
    assert.equal(await price.evaluate(el => el.readOnly), true);
    assert.equal(await price.getAttribute('inputmode'), 'none');
    await price.tap();
    await page.waitForSelector('[data-testid="keypad"][data-param="price"]');
    await tapKeys(page, ['4', '9', '9', '9']);
    assert.equal((await page.textContent('[data-testid="keypad-value"]')).trim(), '4999');
    assert.equal(await price.inputValue(), '4999');
    await page.waitForFunction(() => document.querySelector('[data-testid="net-price"]')?.getAttribute('data-value') !== '');
    const net4999 = Number(await page.getAttribute('[data-testid="net-price"]', 'data-value'));
    assert.ok(net4999 > 0 && net4999 <= 4999, `net price ${net4999}`);
    await screenshot(page, 'modes-kiosk-keypad-portrait');

    // 万 and the point: 1.2万 is 12,000 yuan; the result follows.
    await tapKeys(page, ['clear', '1', 'point', '2', 'wan']);
    assert.equal(await price.inputValue(), '1.2万');
    await page.waitForFunction(n => Number(document.querySelector('[data-testid="net-price"]').getAttribute('data-value')) > n, net4999);
    assert.equal(await page.$('[data-testid="error-price"]'), null);

    // Every key and control is at least 48×48 CSS px.
    const small = await page.$$eval('button, input, select, summary, a[href]', els => els
      .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
      .map(e => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 48 || r.height < 48)
      .map(({ e, r }) => `${e.tagName}[${e.getAttribute('data-testid') || e.className}] ${Math.round(r.width)}×${Math.round(r.height)}`));
    assert.deepEqual(small, []);

    await page.tap('[data-testid="key-done"]');
    await page.waitForSelector('[data-testid="keypad"]', { state: 'detached' });

    // A link to another site (here a source of the rules banner) opens a QR code, not the site.
    const link = page.locator('a[href^="https://"]').first();
    const href = await link.getAttribute('href');
    const before = page.url();
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await page.waitForSelector('[data-testid="link-dialog"]');
    assert.ok((await inertParts(page)).length >= 2, 'the page behind the link dialog is inert');
    assert.equal(page.url(), before, 'the kiosk stayed on the page');
    assert.equal(page.context().pages().length, 1, 'no new window');
    assert.equal(await decodeQr(page, '[data-testid="link-qr"] svg'), href);
    await screenshot(page, 'modes-kiosk-link-qr');
    await page.tap('[data-testid="link-close"]');
    await page.waitForSelector('[data-testid="link-dialog"]', { state: 'detached' });
    assert.deepEqual(await inertParts(page), []);

    // No text selection, no context menu.
    assert.equal(await page.$eval('.hx-app', el => getComputedStyle(el).userSelect), 'none');
    const prevented = await page.evaluate(() => {
      const ev = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.querySelector('[data-testid="result-summary"]').dispatchEvent(ev);
      return ev.defaultPrevented;
    });
    assert.equal(prevented, true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('kiosk: "take it to your phone" QR decodes to the share link without the kiosk mode', async () => {
  const { context, page } = await openKiosk(KIOSK, '&cat=fridge&price=5999');
  try {
    await page.tap('[data-testid="attract-start"]');
    await page.waitForSelector('[data-testid="phone-qr"] svg[role="img"]');
    const shown = (await page.textContent('[data-testid="phone-qr"] [data-testid="qr-text"]')).trim();
    const label = await page.getAttribute('[data-testid="phone-qr"] svg', 'aria-label');
    assert.ok(label.includes(shown), `aria-label ${label} names the link`);
    const url = new URL(shown);
    assert.equal(url.origin, new URL(server.url).origin);
    assert.equal(url.searchParams.get('mode'), null, 'no kiosk mode on the phone');
    assert.equal(url.searchParams.get('idle'), null);
    assert.equal(url.searchParams.get('cat'), 'fridge');
    assert.equal(url.searchParams.get('price'), '5999');
    await page.locator('[data-testid="phone-qr"]').scrollIntoViewIfNeeded();
    assert.equal(await decodeQr(page, '[data-testid="phone-qr"] svg'), shown);
    await screenshot(page, 'modes-kiosk-qr');

    // Typing on the keypad changes the code too.
    await page.tap('[data-testid="price"]');
    await tapKeys(page, ['backspace', '8', 'done']);
    await page.waitForFunction(() => document.querySelector('[data-testid="phone-qr"]').getAttribute('data-url').includes('price=5998'));
    const again = await page.getAttribute('[data-testid="phone-qr"]', 'data-url');
    await page.locator('[data-testid="phone-qr"]').scrollIntoViewIfNeeded();
    assert.equal(await decodeQr(page, '[data-testid="phone-qr"] svg'), again);

    // The guide's external links are codes to scan, not links that would leave the kiosk.
    assert.equal(await page.$$eval('[data-testid="trade-in-guide"] a[href^="http"]', els => els.length), 0);
    const guideQrs = await page.$$('[data-testid="trade-in-guide"] [data-testid="guide-qr"] svg');
    assert.ok(guideQrs.length > 0, 'guide links shown as QR codes');
    const firstUrl = await page.getAttribute('[data-testid="trade-in-guide"] [data-testid="guide-qr"]', 'data-url');
    await page.locator('[data-testid="trade-in-guide"] [data-testid="guide-qr"] svg').first().scrollIntoViewIfNeeded();
    assert.equal(await decodeQr(page, '[data-testid="trade-in-guide"] [data-testid="guide-qr"] svg >> nth=0'), firstUrl);
  } finally {
    await context.close();
  }
});

test('kiosk: idle countdown of at least 20 s with one-tap continue, then a reset that wipes everything', async () => {
  const { context, page } = await openKiosk();
  try {
    await page.tap('[data-testid="attract-start"]');
    await page.tap('[data-testid="cat-ac"]');
    await page.tap('[data-testid="price"]');
    await tapKeys(page, ['3', '9', '9', '9', 'done']);
    assert.equal(await page.inputValue('[data-testid="price"]'), '3999');
    // Whatever a page script or the browser may have left: the reset must remove it.
    await page.evaluate(() => { localStorage.setItem('left-behind', '1'); sessionStorage.setItem('left-behind', '1'); });

    // 30 s idle: the countdown appears, at least 20 s long.
    await page.clock.runFor(31_000);
    await page.waitForSelector('[data-testid="idle-warning"]');
    const seconds = Number(await page.textContent('[data-testid="idle-seconds"]'));
    assert.ok(seconds >= 20 && seconds <= 30, `countdown shows ${seconds} s`);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'idle-continue');
    assert.ok((await inertParts(page)).length >= 2, 'the page behind the idle warning is inert');
    const box = await page.locator('[data-testid="idle-continue"]').boundingBox();
    assert.ok(box.width >= 48 && box.height >= 48);
    await screenshot(page, 'modes-kiosk-idle');

    // One tap continues; nothing is lost.
    await page.tap('[data-testid="idle-continue"]');
    await page.waitForSelector('[data-testid="idle-warning"]', { state: 'detached' });
    assert.deepEqual(await inertParts(page), []);
    assert.equal(await page.inputValue('[data-testid="price"]'), '3999');

    // Idle again, and this time nobody answers: reset.
    await page.clock.runFor(31_000);
    await page.waitForSelector('[data-testid="idle-warning"]');
    await page.clock.runFor(31_000);
    await page.waitForSelector('[data-testid="attract"]');
    assert.equal(await page.$('[data-testid="idle-warning"]'), null);
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
    await page.tap('[data-testid="attract-start"]');
    // Back to the kiosk's own defaults: no category, no price, the mode kept in the address.
    assert.equal(await page.$('[data-testid="price"]'), null);
    assert.equal(await page.$$eval('[data-testid^="cat-"][aria-pressed="true"]', els => els.length), 0);
    const address = new URL(page.url());
    assert.equal(address.searchParams.get('mode'), 'kiosk');
    assert.equal(address.searchParams.get('idle'), '30');
    // Still nothing stored while the next person uses it.
    await page.tap('[data-testid="cat-fridge"]');
    await page.clock.runFor(2_000);
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  } finally {
    await context.close();
  }
});

test('kiosk: landscape layout docks the keypad to the side', async () => {
  const { context, page } = await openKiosk({ width: 1920, height: 1080 }, '&cat=washer');
  try {
    await page.tap('[data-testid="attract-start"]');
    await page.tap('[data-testid="price"]');
    const dock = await page.locator('.hx-keypad-dock').boundingBox();
    assert.ok(dock.x >= 1400 && dock.height >= 1000, `dock at x=${dock.x}, ${dock.width}×${dock.height}`);
    // The inputs and results sit side by side, clear of the keypad.
    const inputs = await page.locator('.hx-layout__inputs').boundingBox();
    const results = await page.locator('.hx-layout__results').boundingBox();
    assert.ok(results.x > inputs.x + inputs.width - 1, 'two columns');
    assert.ok(results.x + results.width <= dock.x + 1, 'results not under the keypad');
    await tapKeys(page, ['2', '6', '9', '9']);
    assert.equal(await page.inputValue('[data-testid="price"]'), '2699');
    await screenshot(page, 'modes-kiosk-landscape');
  } finally {
    await context.close();
  }
});

/** A kiosk-sized page (after `init`, if given) that notes the path of every wasm it requests. */
async function kioskNotingWasm(init) {
  const context = await browser.newContext({ viewport: KIOSK, locale: 'zh-CN', hasTouch: true });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const wasm = [];
  page.on('request', r => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  return { context, page, wasm };
}

test('kiosk: a kiosk link loads the full build; the phone build, if it meets one, reloads into it', async () => {
  // 1. The address says kiosk: the page fetches the full build only (tools/choose-build.js).
  {
    const { context, page, wasm } = await kioskNotingWasm();
    try {
      await page.goto(kioskUrl());
      await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
      const fetched = wasm.filter(p => /\/huanxin-full-[0-9a-f]{16}_bg\.wasm$/.test(p));
      assert.equal(fetched.length, 1, wasm.join(', '));
      assert.equal(wasm.length, 1, wasm.join(', '));
      assert.ok(await page.isVisible('[data-testid="attract"]'), 'the kiosk parts are there');
      // The kiosk's own stylesheet (not in index.html; the boot module links it for this build).
      const sheets = await page.$$eval('link[rel="stylesheet"]', links => links.map(l => new URL(l.href).pathname));
      assert.equal(sheets.length, 1, sheets.join(', '));
      assert.match(sheets[0], /^\/kiosk-[0-9a-f]{16}\.css$/);
      await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="attract"]')).position === 'fixed');
    } finally {
      await context.close();
    }
  }
  // 2. The page misses the kiosk link (its address check stubbed out): the phone build starts, sees
  //    mode=kiosk, notes it for the tab and reloads; then the full build runs.
  {
    const { context, page, wasm } = await kioskNotingWasm(() => {
      URLSearchParams.prototype.forEach = function () {};
    });
    try {
      await page.goto(kioskUrl());
      await page.waitForSelector('[data-testid="attract"]', { timeout: 20000 });
      await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('huanxin.build')), null,
        'the kiosk wipes storage at start, the note included');
      assert.ok(wasm.some(p => !p.includes('full')) && wasm.some(p => p.includes('full')), wasm.join(', '));
    } finally {
      await context.close();
    }
  }
});

test('kiosk: reloads offline after the first visit, full build included', async () => {
  // Its own server, stopped after the first visit: offline for the worker too, not only the page.
  const own = await startServer({ extraArgs: ['--log'] });
  const context = await browser.newContext({ viewport: KIOSK, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  try {
    await page.goto(`${own.url}?mode=kiosk&lang=zh&cat=fridge`);
    await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
    // The worker the full build registered keeps the full build too, from the HTTP cache.
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      return (await cache.keys()).map(r => new URL(r.url).pathname);
    });
    assert.ok(cached.some(p => /\/huanxin-full-[0-9a-f]{16}_bg\.wasm$/.test(p)), cached.join(', '));
    const full = own.requests.filter(r => /huanxin-full-[0-9a-f]{16}_bg\.wasm/.test(r));
    assert.equal(full.length, 1, `the full build crossed the network once:\n${own.requests.join('\n')}`);

    await own.stop();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-testid="attract"]', { timeout: 20000 });
    await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]');
    await context.setOffline(false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await own.stop();
  }
});
