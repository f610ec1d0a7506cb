// The phones' two builds, one language each: a page downloads only the build of its language, and
// the language button continues in the other build with everything kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, screenshot, PHONE } from './harness.mjs';

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

const READY = '[data-testid="app-ready"][data-hydrated="true"]';
const isZh = p => /^\/huanxin-[0-9a-f]{16}_bg\.wasm$/.test(p);
const isEn = p => /^\/huanxin-en-[0-9a-f]{16}_bg\.wasm$/.test(p);

/** A fresh browser profile in `locale`, noting every wasm download and every page load. */
async function open(locale, init) {
  const context = await browser.newContext({ viewport: PHONE, locale });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const wasm = [];
  const loads = [];
  const errors = [];
  page.on('request', r => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  page.on('load', () => loads.push(page.url()));
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, wasm, loads, errors };
}

for (const [locale, lang, isBuild, fridge] of [['zh-CN', 'zh-CN', isZh, /冰箱/], ['en-US', 'en', isEn, /Refrigerator/]]) {
  test(`a ${locale} browser downloads only its language's build`, async () => {
    const { context, page, wasm, errors } = await open(locale);
    try {
      await page.goto(server.url);
      await page.waitForSelector(READY, { timeout: 20000 });
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.match(await page.textContent('[data-testid="cat-fridge"]'), fridge);
      assert.equal(wasm.length, 1, wasm.join(', '));
      assert.ok(isBuild(wasm[0]), wasm[0]);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('a link with lang=en in a Chinese browser downloads only the English build', async () => {
  const { context, page, wasm, errors } = await open('zh-CN');
  try {
    await page.goto(`${server.url}?lang=en&cat=fridge`);
    await page.waitForSelector(READY, { timeout: 20000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(wasm.map(isEn), [true], wasm.join(', '));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the language button continues in the other build, keeping the form', async () => {
  const { context, page, wasm, loads, errors } = await open('zh-CN');
  try {
    await page.goto(`${server.url}?cat=fridge&price=5999`);
    await page.waitForSelector(READY, { timeout: 20000 });
    assert.equal(await page.getAttribute('[data-testid="elder-toggle"]', 'aria-pressed'), 'false');
    await page.click('[data-testid="elder-toggle"]');
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('[data-hydrated="true"]'), null, { timeout: 20000 });
    await page.waitForSelector(READY, { timeout: 20000 });
    assert.match(await page.textContent('[data-testid="cat-fridge"]'), /Refrigerator/);
    assert.equal(await page.getAttribute('[data-testid="cat-fridge"]', 'aria-pressed'), 'true');
    assert.equal(await page.inputValue('[data-testid="price"]'), '5999');
    assert.equal(await page.getAttribute('[data-testid="elder-toggle"]', 'aria-pressed'), 'true', '长辈模式 kept');
    assert.match(new URL(page.url()).search, /lang=en/);
    assert.deepEqual(wasm.map(p => (isZh(p) ? 'zh' : isEn(p) ? 'en' : p)), ['zh', 'en']);
    await screenshot(page, 'languages-switched-en');
    // And back: the Chinese build again (from the HTTP cache), Chinese shown.
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && document.querySelector('[data-hydrated="true"]') && /冰箱/.test(document.querySelector('[data-testid="cat-fridge"]').textContent), null, { timeout: 20000 });
    assert.equal(await page.inputValue('[data-testid="price"]'), '5999');
    assert.equal(loads.length, 3, `one page load per language change: ${loads.join(', ')}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a page the inline choice got wrong reloads once into the right build', async () => {
  // The page's reading of the address stubbed out: it loads the Chinese build for lang=en; the app
  // reads lang=en itself, notes English for the tab and reloads; the note picks the English build.
  const { context, page, wasm, loads, errors } = await open('zh-CN', () => {
    URLSearchParams.prototype.forEach = function () {};
  });
  try {
    await page.goto(`${server.url}?lang=en&cat=washer`);
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('[data-hydrated="true"]'), null, { timeout: 20000 });
    await page.waitForSelector(READY, { timeout: 20000 });
    assert.equal(await page.evaluate(() => sessionStorage.getItem('huanxin.lang')), 'en');
    assert.equal(await page.getAttribute('[data-testid="cat-washer"]', 'aria-pressed'), 'true');
    assert.deepEqual(wasm.map(p => (isZh(p) ? 'zh' : isEn(p) ? 'en' : p)), ['zh', 'en']);
    await page.waitForTimeout(500);
    assert.equal(loads.length, 2, `one reload, not more: ${loads.join(', ')}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
