// Hostile input (issue 8): 50 strings a stranger, a broken app or an attacker might send, typed into
// every text field of two categories and given as every parameter of a deep link. Each must give a
// clear message — the field's inline error, or a link notice naming the parameter — or be a value the
// app understands; the other inputs and the results of the valid ones stay as they were; the page never
// goes blank, throws, opens a dialog or turns the text into markup.
//
// Blank values (spaces, tabs, the ideographic space) mean "not given": no message, nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, screenshot, PHONE, fill } from './harness.mjs';

const READY = '[data-testid="app-ready"][data-hydrated="true"]';
const HOOKS = ['annual-kwh-saved', 'annual-water-saved', 'annual-gas-saved', 'annual-money-saved', 'co2-saved', 'subsidy', 'net-price', 'payback-years'];

export const HOSTILE = [
  '', ' ', '-1', '1e12', 'NaN', 'Infinity', '-Infinity', '１２３', '1,2,3', '0x1A',
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'javascript:alert(1)', '%00', '\u0000',
  '\u202e5999', '9'.repeat(10000), '😀', '5😀', '١٢٣',
  '1/2', '½', '5 999', '1..2', '--1', '+-1', '0,0,0', '1e-400', '9'.repeat(400), '1e400',
  '0.0000000001', '99999999999999999999', '-0', '.', '+', 'e5', '1e', '五千', '5999美元', "'; DROP TABLE x; --",
  '${7*7}', '{{7*7}}', '\r\n5', '\t', '\u3000', '1\u00a0000', 'null', 'undefined', 'true', '[]',
];

/** Never a number, a date or a choice in any field: these must always be refused with a message. */
const MUST_REFUSE = new Set([
  'NaN', 'Infinity', '-Infinity', '0x1A', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>',
  'javascript:alert(1)', '%00', '\u0000', '\u202e5999', '9'.repeat(10000), '😀', '5😀', '١٢٣', '1/2', '½',
  '1..2', '--1', '+-1', '0,0,0', '1,2,3', '1e12', '9'.repeat(400), '1e400', '99999999999999999999', '.', '+',
  'e5', '1e', '五千', '5999美元', "'; DROP TABLE x; --", '${7*7}', '{{7*7}}', 'null', 'undefined', '[]',
]);
const isBlank = h => h.trim() === '';
const shown = h => JSON.stringify(h.length > 24 ? `${h.slice(0, 12)}…(${h.length})` : h);

/** A valid fridge scenario; each hostile link replaces some of these. */
const BASE = { date: '2026-05-01', grade: '1', region: 'BJ', price: '5999', trade_in: '200', old_year: '2012', volume_l: '400', tariff: '0.5' };
const UI_PARAMS = ['lang', 'mode', 'elder', 'theme', 'store', 'hide', 'embed', 'origin', 'idle', 'channels'];

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

/** Everything a check needs, read in one round trip. */
function snapshot(page, param) {
  return page.evaluate(({ param, hooks }) => {
    const visible = el => Boolean(el && el.getClientRects().length);
    const inputs = {};
    for (const el of document.querySelectorAll('.hx-form-section input, .hx-form-section select')) {
      inputs[el.getAttribute('data-testid')] = el.value;
    }
    const results = {};
    for (const id of hooks) results[id] = document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value') ?? null;
    return {
      alive: visible(document.querySelector('[data-testid="product-name"]')) && visible(document.querySelector('main')),
      summary: visible(document.querySelector('[data-testid="result-summary"]')),
      picker: visible(document.querySelector('[data-testid="category-picker"]')),
      embedded: Boolean(document.querySelector('.hx-embed, .hx-kiosk')),
      error: param ? (document.querySelector(`[data-testid="error-${param}"]`)?.textContent || '').trim() : '',
      notices: [...document.querySelectorAll('[data-testid="link-notices"] li, [data-testid="guide-host-error"]')]
        .map(el => `${el.getAttribute('data-testid') === 'guide-host-error' ? 'channels' : el.getAttribute('data-code') || ''} ${el.textContent}`),
      markup: document.querySelectorAll('img[src="x"], main script, [data-testid="app-ready"] script').length,
      inputs,
      results,
    };
  }, { param, hooks: HOOKS });
}

const finite = results => Object.values(results).every(v => v === null || v === '' || Number.isFinite(Number(v)));

/** Console lines since the last `goto`: embedded and kiosk pages name ignored host values there. */
let consoleLines = [];

function watch(page) {
  const problems = [];
  page.on('console', m => consoleLines.push(m.text()));
  page.on('pageerror', e => problems.push(`page error: ${e}`));
  page.on('dialog', d => { problems.push(`dialog opened: ${d.message()}`); d.dismiss().catch(() => {}); });
  return problems;
}

for (const category of ['fridge', 'washer']) {
  test(`${category}: every hostile string typed into every text field`, async () => {
    const { page, context, ready } = await openPage(browser, `${server.url}?cat=${category}&date=2026-05-01&price=5999&trade_in=200&old_year=2012&tariff=0.5`, { viewport: PHONE });
    const problems = watch(page);
    let checks = 0;
    try {
      await ready();
      const fields = await page.$$eval('.hx-form-section input', els => els.map(e => e.getAttribute('data-testid')));
      assert.ok(fields.length >= 10, `${category} has its text fields: ${fields}`);
      for (const field of fields) {
        const selector = `[data-testid="${field}"]`;
        const original = await page.inputValue(selector);
        await fill(page, selector, '');
        const blank = await snapshot(page, field);
        assert.ok(blank.summary && finite(blank.results), `${field}: results without it`);
        for (const h of HOSTILE) {
          await fill(page, selector, h);
          const s = await snapshot(page, field);
          const where = `${category} ${field} ← ${shown(h)}`;
          checks++;
          if (!s.alive || !s.summary) problems.push(`${where}: the page lost its answer`);
          if (s.markup) problems.push(`${where}: text became markup`);
          for (const [other, value] of Object.entries(blank.inputs)) {
            if (other !== field && s.inputs[other] !== value) problems.push(`${where}: ${other} changed to ${s.inputs[other]}`);
          }
          if (isBlank(h) || s.error) {
            // Refused (or blank): the answer is exactly the one without this field.
            if (s.error && s.error.length < 4) problems.push(`${where}: message too short: ${s.error}`);
            if (JSON.stringify(s.results) !== JSON.stringify(blank.results)) {
              problems.push(`${where}: results changed ${JSON.stringify(blank.results)} → ${JSON.stringify(s.results)}`);
            }
          } else {
            if (MUST_REFUSE.has(h)) problems.push(`${where}: accepted without a message`);
            if (!finite(s.results)) problems.push(`${where}: non-finite result ${JSON.stringify(s.results)}`);
          }
        }
        await fill(page, selector, original);
      }
      console.log(`hostile typing, ${category}: ${fields.length} fields × ${HOSTILE.length} inputs = ${checks} checks, ${problems.length} problems`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

/** Splits a list into chunks of `n`. */
const chunks = (list, n) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

test('a list shows the option the engine reads from a link: 1级, １, " bj ", cn-sh', async () => {
  const cases = [['grade', '１', '1'], ['grade', '1级', '1'], ['grade', ' 2 ', '2'], ['region', ' bj ', 'BJ'], ['region', 'cn-sh', 'SH'], ['region', 'zz', ''], ['grade', '7', '']];
  const { page, context, ready } = await openPage(browser, `${server.url}?cat=fridge`, { viewport: PHONE });
  try {
    await ready();
    for (const [param, value, option] of cases) {
      await page.goto(`${server.url}?cat=fridge&${param}=${encodeURIComponent(value)}`);
      await page.waitForSelector(READY);
      assert.equal(await page.inputValue(`[data-testid="${param}"]`), option, `${param}=${value}`);
    }
  } finally {
    await context.close();
  }
});

test('every hostile string as every deep-link parameter', async () => {
  const { page, context, ready } = await openPage(browser, `${server.url}?cat=fridge`, { viewport: PHONE });
  const problems = watch(page);
  let links = 0;
  let pairs = 0;
  try {
    await ready();
    const formParams = await page.$$eval('.hx-form-section input, .hx-form-section select', els => els.map(e => e.getAttribute('data-testid')));
    const selects = await page.$$eval('.hx-form-section select', els => els.map(e => e.getAttribute('data-testid')));
    // Several parameters carry the hostile value at once (each must be named on its own); the rest
    // of the link is a valid scenario that must survive intact.
    const groups = [['cat'], ...chunks(formParams, 6), ...chunks(UI_PARAMS, 5)];
    for (const h of HOSTILE) {
      // One 10,000-character value per link: servers refuse much longer addresses (Node: 16 KB).
      for (const group of h.length > 1000 ? groups.flat().map(p => [p]) : groups) {
        const params = new URLSearchParams();
        if (!group.includes('cat')) params.set('cat', 'fridge');
        for (const [k, v] of Object.entries(BASE)) if (!group.includes(k)) params.set(k, v);
        for (const p of group) params.set(p, h);
        consoleLines = [];
        await page.goto(`${server.url}?${params}`);
        await page.waitForSelector(READY, { timeout: 20000 });
        links++;
        const s = await snapshot(page, null);
        const where = `${group.join(',')} = ${shown(h)}`;
        if (!s.alive) problems.push(`${where}: blank page`);
        if (s.markup) problems.push(`${where}: text became markup`);
        if (group.includes('cat')) {
          pairs++;
          if (!s.picker) problems.push(`${where}: no category picker`);
          if (!isBlank(h) && !s.notices.some(n => n.includes('cat'))) problems.push(`${where}: bad category not named`);
          continue;
        }
        if (!s.summary || !finite(s.results)) problems.push(`${where}: no answer for the valid rest`);
        for (const [k, v] of Object.entries(BASE)) {
          if (!group.includes(k) && s.inputs[k] !== undefined && s.inputs[k].toLowerCase() !== v.toLowerCase()) {
            problems.push(`${where}: ${k} became ${s.inputs[k]}`);
          }
        }
        for (const p of group) {
          pairs++;
          const error = await page.$(`[data-testid="error-${p}"]`);
          // A list shows what the engine uses: its default when the value is blank or refused.
          if (selects.includes(p) && (isBlank(h) || error) && s.inputs[p] !== '') {
            problems.push(`${where}: ${p} shows option ${s.inputs[p]} for a value it does not use`);
          }
          if (isBlank(h)) continue;
          // A notice naming it (“price”, mode=“…”, “x” in theme …), the language notice, or the
          // guide's channel-list error.
          const word = new RegExp(`(^|[^A-Za-z_])${p}([^A-Za-z_]|$)`);
          const named = s.notices.some(n => word.test(n.slice(n.indexOf(' ') + 1)) ||
            (p === 'lang' && n.startsWith('bad_lang')) || (p === 'channels' && n.startsWith('channels '))) ||
            (s.embedded && consoleLines.some(line => word.test(line)));
          if (error || named) continue;
          // Accepted: it must be a value the app understands, shown as typed (store names are free text).
          const accepted = p === 'store' ||
            (p === 'embed' && h === 'true') || (p === 'elder' && h === 'true') ||
            (formParams.includes(p) && !MUST_REFUSE.has(h));
          if (!accepted) problems.push(`${where}: ${p} neither used nor named`);
        }
      }
    }
    console.log(`hostile links: ${HOSTILE.length} inputs × ${groups.flat().length} parameters = ${pairs} pairs in ${links} links, ${problems.length} problems`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/**
 * There is no panic backdoor in the app, and no input makes it panic. What can break it from outside
 * is the page itself: a browser extension that makes a DOM call throw. Through `setAttribute` that
 * is a real Rust panic (yew expects the call to work), which the release build turns into an
 * immediate abort, a wasm trap; through `nodeValue` it is a JavaScript exception unwinding through
 * the wasm. Both must end in the friendly message and a restart.
 */
for (const [how, api] of [['a Rust panic', 'setAttribute'], ['a JavaScript exception through the wasm', 'nodeValue']]) {
  test(`${how} (${api} throws once) shows the message, then the app restarts with the saved state`, async () => {
    const { page, context, ready } = await openPage(browser, `${server.url}?cat=fridge&price=5999&old_year=2012`, { viewport: PHONE });
    try {
      await ready();
      await page.waitForFunction(() => (localStorage.getItem('huanxin.state') || '').includes('price=5999'));
      await page.evaluate(api => {
        let armed = true;
        if (api === 'setAttribute') {
          const original = Element.prototype.setAttribute;
          Element.prototype.setAttribute = function (...args) {
            if (armed) { armed = false; throw new Error('an extension broke setAttribute'); }
            return original.apply(this, args);
          };
        } else {
          const d = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeValue');
          Object.defineProperty(Node.prototype, 'nodeValue', {
            configurable: true,
            get() { return d.get.call(this); },
            set(v) { if (armed) { armed = false; throw new Error('an extension broke nodeValue'); } d.set.call(this, v); },
          });
        }
      }, api);
      // A refused value flips the field's aria-invalid (yew's setAttribute); a new price changes
      // the text of the answer's live region (nodeValue).
      await fill(page, '[data-testid="price"]', api === 'setAttribute' ? 'abc' : '6100');
      await page.waitForSelector('[data-testid="crash"]:not([hidden])', { timeout: 2000 });
      assert.equal(await page.getAttribute('[data-testid="crash"]', 'role'), 'alert');
      assert.match(await page.textContent('[data-testid="crash"]'), /重新启动[\s\S]*restarting/);
      // The restart: a fresh page, the saved scenario back, answering again.
      await page.waitForSelector('[data-testid="crash"][hidden]', { state: 'attached', timeout: 8000 });
      await page.waitForSelector(READY, { timeout: 20000 });
      assert.equal(await page.inputValue('[data-testid="old_year"]'), '2012');
      assert.ok(await page.isVisible('[data-testid="result-summary"]'));
      await fill(page, '[data-testid="price"]', '7000');
      assert.equal(await page.getAttribute('[data-testid="price"]', 'aria-invalid'), 'false');
    } finally {
      await context.close();
    }
  });
}

/**
 * A failure that comes back on every start must not reload the page forever: after three automatic
 * restarts within two minutes the message says so and waits for a tap on "try again".
 */
test('a failure on every start stops restarting after three tries and offers "try again"', async () => {
  const { page, context, ready } = await openPage(browser, `${server.url}?cat=fridge&price=5999`, { viewport: PHONE });
  try {
    await ready();
    // Three restarts already happened in this tab within the last minute.
    await page.evaluate(() => {
      const now = Date.now();
      sessionStorage.setItem('huanxin.restarts', JSON.stringify([now - 30000, now - 20000, now - 10000]));
      const original = Element.prototype.setAttribute;
      let armed = true;
      Element.prototype.setAttribute = function (...args) {
        if (armed) { armed = false; throw new Error('an extension broke setAttribute'); }
        return original.apply(this, args);
      };
    });
    // A refused value flips the field's aria-invalid: yew's setAttribute.
    await fill(page, '[data-testid="price"]', 'abc');
    await page.waitForSelector('[data-testid="crash"][data-restarts-stopped="true"]', { timeout: 2000 });
    assert.ok(await page.isVisible('[data-crash="stuck"]'));
    await screenshot(page, 'crash-restarts-stopped');
    assert.ok(!(await page.isVisible('[data-crash="restarting"]')));
    // No reload comes: the same document is still there after the 3 s a restart would take.
    await page.evaluate(() => { window.hxSameDocument = true; });
    await page.waitForTimeout(4000);
    assert.equal(await page.evaluate(() => window.hxSameDocument), true);
    // "Try again" reloads the same link with the count cleared, and the app answers again.
    await Promise.all([page.waitForNavigation(), page.click('[data-testid="crash-retry"]')]);
    await ready();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('huanxin.restarts')), null);
    // The link's own values (a deep link wins over what was stored).
    assert.equal(await page.inputValue('[data-testid="price"]'), '5999');
  } finally {
    await context.close();
  }
});
