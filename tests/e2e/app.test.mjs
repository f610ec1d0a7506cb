// The app as a buyer meets it: release build, served on loopback, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, screenshot, PHONE, KIOSK } from './harness.mjs';

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

test('first screen in Chinese: name, categories, picking one', async () => {
  const { page, context, log, ready } = await openPage(browser, server.url);
  try {
    await ready();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal((await page.textContent('[data-testid="product-name"]')).trim().endsWith('换新算'), true);
    const names = await page.$$eval('[data-testid^="cat-"]', els => els.map(e => e.textContent.trim()));
    for (const n of ['冰箱', '空调', '洗衣机', '电热水器', '燃气热水器', '热泵热水器', '净水器', '空气净化器', '吸油烟机', '微波炉', '电视', '洗碗机', '电饭煲', '燃气灶', '电脑']) {
      assert.ok(names.includes(n), `category ${n} missing: ${names}`);
    }
    await page.click('[data-testid="cat-fridge"]');
    assert.equal(await page.getAttribute('[data-testid="cat-fridge"]', 'aria-pressed'), 'true');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('language switch to English and back', async () => {
  const { page, context, ready } = await openPage(browser, server.url);
  try {
    await ready();
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('[data-testid="cat-fridge"]'), /Refrigerator/);
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.match(await page.textContent('[data-testid="cat-fridge"]'), /冰箱/);
  } finally {
    await context.close();
  }
});

test('an English browser gets English', async () => {
  const { page, context, ready } = await openPage(browser, server.url, { locale: 'en-US' });
  try {
    await ready();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  } finally {
    await context.close();
  }
});

test('screenshots at phone and kiosk size, zh and en', async () => {
  for (const [size, viewport] of [['phone', PHONE], ['kiosk', KIOSK]]) {
    for (const locale of ['zh-CN', 'en-US']) {
      const { page, context, ready } = await openPage(browser, server.url, { viewport, locale });
      try {
        await ready();
        await page.click('[data-testid="cat-ac"]');
        await screenshot(page, `first-screen-${size}-${locale}`);
      } finally {
        await context.close();
      }
    }
  }
});
