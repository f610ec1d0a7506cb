// One truth: the JS package (js/pkg-node, built from js/) and the app (release dist/) get the same
// inputs, the package through compute(), the app as a deep link, and must show identical numbers.
// The retailer demo (js/demo, web build in js/pkg) must show the same numbers under the strict CSP.
// The package is (re)built first unless scripts/test-js.sh has just built it (HX_JS_FRESH=1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, startServer, launchBrowser, openPage } from './harness.mjs';
import { PRODUCTS } from '../../js/demo/products.js';

const PKG = process.env.HX_JS_PKG_NODE || path.join(ROOT, 'js', 'pkg-node');

/** App test id → package field. */
const FIELDS = {
  'annual-kwh-saved': 'annual_kwh_saved',
  'annual-water-saved': 'annual_water_saved',
  'annual-gas-saved': 'annual_gas_saved',
  'annual-money-saved': 'annual_money_saved',
  'co2-saved': 'co2_saved',
  'subsidy': 'subsidy',
  'net-price': 'net_price',
  'payback-years': 'payback_years',
};

/** Inputs across categories, rule periods, regions, typed forms and the no-payback case. */
const CASES = [
  ['fridge, labels, full-width price, Shanghai', { cat: 'fridge', grade: '1', price: '５９９９', date: '2026-05-01', region: 'SH', old_kwh_24h: '1.2', new_kwh_24h: '0.55', volume_l: '500' }],
  ['fridge grade 2, estimate from year, trade-in, Beijing', { cat: 'fridge', grade: '2', price: '3999', trade_in: '200', date: '2026-05-01', region: 'bj', old_year: '2012' }],
  ['fridge, same use: no payback', { cat: 'fridge', grade: '1', price: '3000', date: '2026-05-01', old_kwh_year: '300', new_kwh_year: '300' }],
  ['ac, 万 price, APF, Guangdong', { cat: 'ac', grade: '1', price: '0.6万', date: '2026-07-01', region: 'GD', old_apf: '3.0', new_apf: '5.3', capacity_w: '3500' }],
  ['washer 2025 rules, water grade', { cat: 'washer', grade: '1', water_grade: '2', price: '3299', date: '2025-06-01', old_kwh_cycle: '1.1', new_kwh_cycle: '0.6', old_water_l_cycle: '90', new_water_l_cycle: '55', capacity_kg: '10' }],
  ['electric water heater, Zhejiang', { cat: 'water_heater', grade: '1', price: '2599', date: '2026-03-15', region: 'ZJ', old_epsilon: '1.0', new_epsilon: '0.7', volume_l: '60' }],
  ['gas water heater, own gas price', { cat: 'gas_water_heater', grade: '1', price: '3599', date: '2026-09-01', old_efficiency_pct: '84', new_efficiency_pct: '98', gas_price: '3.5' }],
  ['water purifier, Shanghai local rules', { cat: 'water_purifier', grade: '1', price: '2999', date: '2026-05-01', region: 'SH', old_recovery_pct: '30', new_recovery_pct: '60' }],
  ['dishwasher, Shanghai local rules', { cat: 'dishwasher', grade: '1', price: '5000', date: '2026-05-01', region: 'SH', old_kwh_cycle: '1.2', new_kwh_cycle: '0.8' }],
  ['tv, 2024 rules', { cat: 'tv', grade: '1', price: '4999', date: '2024-10-01', old_power_w: '180', new_power_w: '90', screen_in: '65' }],
  ['gas stove, not covered nationally', { cat: 'gas_stove', grade: '1', price: '1999', date: '2026-05-01', old_efficiency_pct: '55', new_efficiency_pct: '63' }],
  ['computer, before any rule set', { cat: 'computer', grade: '1', price: '6999', date: '2023-06-01', old_tec_kwh: '120', new_tec_kwh: '60' }],
];

let pkg;
let server;
let browser;

before(async () => {
  if (process.env.HX_JS_FRESH !== '1') {
    const built = spawnSync('bash', [path.join(ROOT, 'scripts', 'test-js.sh'), 'build'], { stdio: 'inherit' });
    assert.equal(built.status, 0, 'building js/pkg-node and js/pkg failed');
  }
  assert.ok(fs.existsSync(path.join(PKG, 'huanxin_js.js')), `no package in ${PKG}`);
  pkg = createRequire(import.meta.url)(path.join(PKG, 'huanxin_js.js'));
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('at least 8 inputs across at least 5 categories', () => {
  assert.ok(CASES.length >= 8);
  assert.ok(new Set(CASES.map(([, input]) => input.cat)).size >= 5);
});

for (const [label, input] of CASES) {
  test(`package and app agree: ${label}`, async () => {
    const result = pkg.compute(input);
    assert.equal(result.ok, true, `package rejected the input: ${JSON.stringify(result.errors)}`);

    const query = new URLSearchParams({ lang: 'zh', ...input }).toString();
    const { page, context, log, ready } = await openPage(browser, `${server.url}?${query}`);
    try {
      await ready();
      await page.waitForSelector('[data-testid="annual-money-saved"]', { state: 'attached', timeout: 20000 });
      const shown = await page.evaluate(ids => Object.fromEntries(ids.map(id => [
        id, [...document.querySelectorAll(`[data-testid="${id}"]`)].map(el => el.getAttribute('data-value')),
      ])), Object.keys(FIELDS));
      for (const [id, key] of Object.entries(FIELDS)) {
        const values = shown[id];
        assert.ok(values.length > 0, `${id}: not on the page`);
        for (const value of values) {
          const app = value === '' || value === null ? null : Number(value);
          assert.ok(app === null || Number.isFinite(app), `${id}: data-value ${value} is not a number`);
          assert.equal(app, result[key], `${id}: app ${value} vs package ${result[key]}`);
        }
      }
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

test('the retailer demo shows the package numbers, in zh and en, under the CSP', async () => {
  const demo = await startServer({ dir: path.join(ROOT, 'js') });
  const { page, context, log } = await openPage(browser, `${demo.url}demo/?region=GD&old_year=2012&date=2026-05-01`);
  try {
    await page.waitForSelector('[data-testid="badge"]', { timeout: 20000 });
    assert.equal(await page.locator('[data-testid="badge"]').count(), PRODUCTS.length);
    assert.equal(await page.locator('[data-testid="badge-error"]').count(), 0);
    const controls = { region: 'GD', old_year: '2012', date: '2026-05-01' };
    for (const product of PRODUCTS) {
      const expected = pkg.compute({ ...product.input, ...controls });
      assert.equal(expected.ok, true, product.id);
      const card = page.locator(`[data-testid="product-${product.id}"]`);
      const value = async id => Number(await card.locator(`[data-testid="${id}"]`).getAttribute('data-value'));
      assert.equal(await value('badge-saving'), expected.annual_money_saved, `${product.id} saving`);
      assert.equal(await value('badge-subsidy'), expected.subsidy, `${product.id} subsidy`);
      assert.equal(await value('badge-net'), expected.net_price, `${product.id} net price`);
    }
    assert.match(await page.locator('[data-testid="badge"]').first().innerText(), /1级能效/);
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('[data-testid="badge"]').first().innerText(), /Grade 1/);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
    await demo.stop();
  }
});
