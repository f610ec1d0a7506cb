// Retailer embed, as a retailer's page would use it: examples/host.html served from a second loopback
// origin embeds the release build with one script tag. Checks the iframe follows the app's height, the
// host receives `result` events, the configuration applies (theme colour, store name, defaults, hidden
// section), and messages from a third, foreign origin are ignored on both sides.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, screenshot, DIST, ROOT, fill } from './harness.mjs';

let app;
let host;
let browser;
let hostDir;

/** The app's CSP from this build's dist/_headers, with the host origin allowed to frame it. */
function cspAllowing(origin) {
  const headers = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const csp = (headers.match(/^\s+content-security-policy:\s*(.+)$/mi) || [])[1];
  assert.ok(csp, 'dist/_headers has a content-security-policy');
  assert.match(csp, /frame-ancestors /);
  return csp.replace(/frame-ancestors [^;]*/, `frame-ancestors 'self' ${origin}`);
}

before(async () => {
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hx-host-'));
  fs.writeFileSync(path.join(hostDir, 'index.html'), '<!DOCTYPE html><title>host</title>');
  // A page of a third origin, to send messages nobody should accept.
  fs.writeFileSync(path.join(hostDir, 'foreign.html'), '<!DOCTYPE html><title>foreign</title><p>foreign</p>');
  // The host first (its port decides the app's frame-ancestors), its pages written once the app runs.
  host = await startServer({ dir: hostDir, extraArgs: ['--no-csp'] });
  const hostOrigin = new URL(host.url).origin;
  app = await startServer({ extraArgs: ['--header', `content-security-policy: ${cspAllowing(hostOrigin)}`] });
  for (const f of ['host.html', 'host.js', 'host.css']) {
    let text = fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');
    if (f === 'host.html') text = text.replace('http://127.0.0.1:8080/embed.js', new URL('embed.js', app.url).href);
    fs.writeFileSync(path.join(hostDir, f), text);
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await host?.stop();
  if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
});

async function openHost() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  const warnings = [];
  page.on('console', m => { if (m.type() === 'warning') warnings.push(m.text()); });
  const wasm = [];
  page.on('request', r => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(new URL('host.html', host.url).href);
  const appOrigin = new URL(app.url).origin;
  await page.waitForFunction(o => [...document.querySelectorAll('iframe')].some(f => f.src.startsWith(o)), appOrigin);
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find(f => f.url().startsWith(appOrigin));
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, 'the app iframe loaded');
  await frame.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
  return { context, page, frame, errors, warnings, appOrigin, wasm };
}

const iframeHeight = page => page.$eval('iframe[data-huanxin]', f => f.getBoundingClientRect().height);
const contentHeight = frame => frame.evaluate(() => Math.ceil(document.getElementById('app').getBoundingClientRect().bottom + scrollY) + 16);
const events = (page, type) => page.evaluate(t => window.huanxinEvents.filter(e => e.type === t).map(e => e.detail), type);

test('embed: one script tag, configuration applied, iframe follows the content height', async () => {
  const { context, page, frame, errors, appOrigin, wasm } = await openHost();
  try {
    // The iframe URL carries the configuration plus embed=1 and the host's exact origin.
    const src = new URL(await page.$eval('iframe[data-huanxin]', f => f.src));
    assert.equal(src.origin, appOrigin);
    // The page picks the host build (the frame's address has host parameters), and that is the one
    // wasm the frame downloads.
    assert.match(src.pathname, /\/embed\.html$/);
    assert.equal(wasm.length, 1, wasm.join(', '));
    assert.match(wasm[0], /\/huanxin-host-[0-9a-f]{16}_bg\.wasm$/);
    assert.equal(src.searchParams.get('embed'), '1');
    assert.equal(src.searchParams.get('origin'), new URL(host.url).origin);
    assert.equal(src.searchParams.get('theme'), 'brand:9a3412,accent:b45309');

    // Store name, theme colour, defaults, hidden section.
    assert.equal((await frame.textContent('[data-testid="store-name"]')).trim(), '示例电器 新街口店');
    const brand = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--hx-brand').trim());
    assert.equal(brand, '#9a3412');
    assert.equal(await frame.$eval('[data-testid="store-name"]', el => getComputedStyle(el).backgroundColor), 'rgb(154, 52, 18)');
    assert.equal(await frame.getAttribute('[data-testid="cat-fridge"]', 'aria-pressed'), 'true');
    assert.equal(await frame.inputValue('[data-testid="price"]'), '5999');
    assert.equal(await frame.$('[data-testid="trade-in-guide"]'), null, 'hide=guide hides the guide');
    assert.equal(await frame.$('[data-testid="print-button"]'), null, 'no print button inside a host page');

    // The iframe is as tall as the app (no inner scroll bar), now and after the content grows.
    await page.waitForFunction(() => document.querySelector('iframe[data-huanxin]').getBoundingClientRect().height > 700);
    const first = await iframeHeight(page);
    assert.ok(Math.abs(first - await contentHeight(frame)) <= 2, `iframe ${first}px vs content ${await contentHeight(frame)}px`);
    await frame.click('[data-testid="elder-toggle"]');
    await page.waitForFunction(h => document.querySelector('iframe[data-huanxin]').getBoundingClientRect().height > h + 100, first);
    const grown = await iframeHeight(page);
    assert.ok(Math.abs(grown - await contentHeight(frame)) <= 2, `iframe ${grown}px vs content ${await contentHeight(frame)}px`);
    await frame.click('[data-testid="elder-toggle"]');
    await page.waitForFunction(h => document.querySelector('iframe[data-huanxin]').getBoundingClientRect().height < h - 100, grown);
    assert.deepEqual(errors, []);
    await screenshot(page, 'modes-embed-host');
  } finally {
    await context.close();
  }
});

test('embed: the host receives ready and result events when the result changes', async () => {
  const { context, page, frame } = await openHost();
  try {
    await page.waitForFunction(() => window.huanxinEvents.some(e => e.type === 'result' && e.detail.price_yuan === 5999));
    assert.ok((await events(page, 'ready')).length >= 1);
    const first = (await events(page, 'result')).at(-1);
    assert.equal(first.category, 'fridge');
    assert.equal(first.grade, 1);
    assert.equal(typeof first.annual_saving_yuan, 'number');
    assert.equal(first.source, undefined, 'the namespace marker is not passed on');
    // The numbers match what the buyer sees.
    const shown = Number(await frame.getAttribute('[data-testid="annual-money-saved"]', 'data-value'));
    assert.ok(Math.abs(shown - first.annual_saving_yuan) < 0.01, `${shown} vs ${first.annual_saving_yuan}`);

    await fill(frame, '[data-testid="price"]', '4999');
    await page.waitForFunction(() => window.huanxinEvents.some(e => e.type === 'result' && e.detail.price_yuan === 4999));
    const latest = (await events(page, 'result')).at(-1);
    assert.equal(latest.price_yuan, 4999);
    const net = Number(await frame.getAttribute('[data-testid="net-price"]', 'data-value'));
    assert.ok(Math.abs(net - latest.net_price_yuan) < 0.01, `${net} vs ${latest.net_price_yuan}`);
    // The host page shows them (examples/host.js).
    await page.waitForFunction(() => document.querySelector('#last-result [data-key="category"]')?.textContent === 'fridge');
    await screenshot(page, 'modes-embed-events');
  } finally {
    await context.close();
  }
});

test('embed: messages from a foreign origin are ignored by the app and by the host page', async () => {
  const { context, page, appOrigin } = await openHost();
  try {
    await page.waitForFunction(() => window.huanxinEvents.some(e => e.type === 'ready'));
    // The host itself may ask: a ping from the host origin is answered with `ready`.
    const readyBefore = (await events(page, 'ready')).length;
    await page.evaluate(o => document.querySelector('iframe[data-huanxin]').contentWindow.postMessage({ source: 'huanxin', type: 'ping' }, o), appOrigin);
    await page.waitForFunction(n => window.huanxinEvents.filter(e => e.type === 'ready').length > n, readyBefore);
    const readyAfterPing = (await events(page, 'ready')).length;

    // A third origin (same server, other host name: another origin) framed in the host page.
    const foreignUrl = new URL('foreign.html', host.url.replace('127.0.0.1', 'localhost')).href;
    assert.notEqual(new URL(foreignUrl).origin, new URL(host.url).origin);
    await page.evaluate(url => new Promise(resolve => {
      const f = document.createElement('iframe');
      f.id = 'foreign';
      f.src = url;
      f.onload = resolve;
      document.body.appendChild(f);
    }), foreignUrl);
    const foreign = page.frames().find(f => f.url() === foreignUrl);
    assert.ok(foreign, 'the foreign frame loaded');
    const heightBefore = await iframeHeight(page);
    await foreign.evaluate(() => {
      // To the app: a ping (would be answered if accepted).
      parent.frames[0].postMessage({ source: 'huanxin', type: 'ping' }, '*');
      // To the host page: a fake resize and a fake result.
      parent.postMessage({ source: 'huanxin', type: 'resize', height: 222 }, '*');
      parent.postMessage({ source: 'huanxin', type: 'result', category: 'tv', price_yuan: 1 }, '*');
    });
    await page.waitForTimeout(1500);
    assert.equal((await events(page, 'ready')).length, readyAfterPing, 'the app answered a foreign ping');
    assert.equal(await iframeHeight(page), heightBefore, 'the host page obeyed a foreign resize');
    assert.ok(!(await events(page, 'result')).some(r => r.category === 'tv'), 'the host page took a foreign result');
  } finally {
    await context.close();
  }
});

test('embed: a bad attribute is named in a console warning and ignored', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', m => { if (m.type() === 'warning') warnings.push(m.text()); });
  try {
    const html = fs.readFileSync(path.join(hostDir, 'host.html'), 'utf8')
      .replace('data-theme-brand="#9a3412"', 'data-theme-brand="#ffcc00" data-theme-link="#000" data-colour="red"')
      .replace('data-hide="guide"', 'data-hide="guide,ads"')
      .replace('data-store="示例电器 新街口店"', `data-store="${'店'.repeat(41)}"`);
    fs.writeFileSync(path.join(hostDir, 'host-bad.html'), html);
    await page.goto(new URL('host-bad.html', host.url).href);
    const appOrigin = new URL(app.url).origin;
    await page.waitForFunction(o => [...document.querySelectorAll('iframe')].some(f => f.src.startsWith(o)), appOrigin);
    const frame = await (async () => {
      for (let i = 0; i < 100; i++) {
        const f = page.frames().find(fr => fr.url().startsWith(appOrigin));
        if (f) return f;
        await page.waitForTimeout(100);
      }
      return null;
    })();
    await frame.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]', { timeout: 20000 });
    await page.waitForTimeout(300);
    const all = warnings.join('\n');
    assert.match(all, /data-theme-link/);
    assert.match(all, /data-colour/);
    assert.match(all, /brand:#ffcc00/, all);
    assert.match(all, /“ads” in hide/, all);
    assert.match(all, /store name is too long/, all);
    // Ignored: the built-in colour stays, the good values still apply.
    const brand = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--hx-brand').trim());
    assert.equal(brand, '#0b6e4f');
    assert.equal(await frame.$('[data-testid="store-name"]'), null);
    assert.equal(await frame.$('[data-testid="trade-in-guide"]'), null);
  } finally {
    await context.close();
  }
});

test('embed: a host link on index.html loads the host build; the phones\' build, if it meets one, reloads into it', async () => {
  const link = new URL(`?store=${encodeURIComponent('示例电器')}&cat=fridge`, app.url).href;
  const open = async init => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const wasm = [];
    page.on('request', r => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
    await page.goto(link);
    await page.waitForSelector('[data-testid="store-name"]', { timeout: 20000 });
    await page.waitForSelector('[data-testid="app-ready"][data-hydrated="true"]');
    return { context, page, wasm };
  };
  const isHost = p => /\/huanxin-host-[0-9a-f]{16}_bg\.wasm$/.test(p);
  const isPhone = p => /\/huanxin-[0-9a-f]{16}_bg\.wasm$/.test(p);
  // 1. The page reads the address (tools/choose-build.js): the host build starts, the only wasm
  //    downloaded.
  {
    const { context, page, wasm } = await open();
    try {
      assert.equal(wasm.filter(isHost).length, 1, wasm.join(', '));
      assert.equal(wasm.length, 1, wasm.join(', '));
      assert.equal(await page.evaluate(() => sessionStorage.getItem('huanxin.build')), null, 'no reload was needed');
      assert.equal((await page.textContent('[data-testid="store-name"]')).trim(), '示例电器');
    } finally {
      await context.close();
    }
  }
  // 2. The page misses it (its address check stubbed out): the phones' build starts, sees a host
  //    parameter, notes the host build for the tab and reloads; then the host build runs.
  {
    const { context, page, wasm } = await open(() => {
      URLSearchParams.prototype.forEach = function () {};
    });
    try {
      assert.equal(await page.evaluate(() => sessionStorage.getItem('huanxin.build')), 'host');
      assert.ok(wasm.some(isPhone) && wasm.some(isHost), wasm.join(', '));
      assert.ok(!wasm.some(p => p.includes('-full-')), wasm.join(', '));
    } finally {
      await context.close();
    }
  }
});
