/*
 * 换新算 Huanxin — retailer embed. One tag on the host page:
 *
 *   <script src="https://calc.example/huanxin/embed.js" data-store="某某电器 新街口店"
 *           data-theme-brand="#c00" data-lang="zh" data-cat="fridge" data-price="5999" async></script>
 *
 * creates an iframe of the app (embed.html, beside embed.js: it preloads the app's host build) with the configuration in its
 * URL, plus `embed=1&origin=<this page's origin>`, and sizes the iframe to its content.
 *
 * Messages between the two windows are namespaced ({ source: "huanxin", type, ... }), checked against
 * the sender's exact origin and window, and always sent to an exact target origin, never "*". The
 * app reports `ready`, `resize` (its height) and `result` (the chosen grade's numbers); this script
 * re-dispatches `ready` and `result` as DOM events `huanxin:ready` / `huanxin:result` on the iframe
 * (they bubble, so `document.addEventListener('huanxin:result', e => e.detail)` works). Huanxin sends
 * nothing anywhere itself: what the host does with the events is the host's business.
 *
 * Attributes (all optional; the app validates every value and names a bad one in a console warning):
 *   data-lang      zh | en
 *   data-store     store name shown in the header, plain text, at most 40 characters
 *   data-theme-brand, data-theme-accent, data-theme-bg, data-theme-surface, data-theme-text
 *                  colours #rgb or #rrggbb (refused if text would become hard to read)
 *   data-cat, data-region, data-grade, data-price, data-date
 *                  defaults for category, province code, grade (1 | 2), price in yuan, purchase date
 *   data-hide      comma-separated sections to hide: header, picker, prices, comparison, chart,
 *                  assumptions, guide, share, footer
 *   data-channels  the host's own trade-in channel list (JSON, see docs/guide-data.md)
 *   data-target    id of the element to put the iframe in (default: right after this script)
 *   data-title     the iframe's accessible title
 *   data-height    initial height in CSS px before the app reports its own (default 640)
 *
 * Plain ES5 on purpose: host pages may be read by old in-app browsers (WeChat).
 */
(function () {
  'use strict';

  var NS = 'huanxin';
  var script = document.currentScript;
  if (!script || !script.src) {
    if (window.console) console.warn('[huanxin] embed.js must be loaded with a plain <script src> tag.');
    return;
  }
  var warn = function (text) {
    if (window.console) console.warn('[huanxin] ' + text);
  };

  var appUrl;
  try {
    // embed.html preloads the app's host build (the one an embed runs), not the phones' build.
    appUrl = new URL('./embed.html', script.src);
  } catch (e) {
    warn('cannot work out the app address from ' + script.src);
    return;
  }
  var appOrigin = appUrl.origin;
  var hostOrigin = window.location.origin;
  if (!hostOrigin || hostOrigin === 'null') {
    warn('this page has no origin (opened from a file?): the app cannot talk to it, so it will not resize.');
  }

  // data-* attribute -> deep-link parameter. Everything else is reported.
  var PARAMS = {
    lang: 'lang', store: 'store', cat: 'cat', region: 'region', grade: 'grade', price: 'price',
    date: 'date', hide: 'hide', channels: 'channels'
  };
  var THEME = ['brand', 'accent', 'bg', 'surface', 'text'];
  var OWN = { target: 1, title: 1, height: 1 };

  var query = [];
  var add = function (name, value) {
    query.push(encodeURIComponent(name) + '=' + encodeURIComponent(value));
  };
  var theme = [];
  var data = script.dataset || {};
  for (var key in data) {
    if (!Object.prototype.hasOwnProperty.call(data, key)) continue;
    var value = String(data[key]).trim();
    if (PARAMS[key]) {
      if (value !== '') add(PARAMS[key], value);
    } else if (key.indexOf('theme') === 0 && key.length > 5) {
      var slot = key.charAt(5).toLowerCase() + key.slice(6);
      if (THEME.indexOf(slot) >= 0) {
        // "#cc0000" -> "c00" where possible: the whole theme must fit one short parameter.
        var hex = value.replace(/^#/, '').toLowerCase();
        if (/^([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3$/.test(hex)) hex = hex.charAt(0) + hex.charAt(2) + hex.charAt(4);
        theme.push(slot + ':' + hex);
      } else {
        warn('data-theme-' + slot + ' is not a theme colour (brand, accent, bg, surface, text); ignored.');
      }
    } else if (!OWN[key]) {
      warn('data-' + key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); }) + ' is not a Huanxin attribute; ignored.');
    }
  }
  if (theme.length) add('theme', theme.join(','));
  add('embed', '1');
  if (hostOrigin && hostOrigin !== 'null') add('origin', hostOrigin);

  var iframe = document.createElement('iframe');
  iframe.src = appUrl.href + '?' + query.join('&');
  iframe.title = data.title || '换新算 · 家电以旧换新省钱计算器 / Huanxin trade-in savings calculator';
  iframe.className = 'huanxin-embed';
  iframe.setAttribute('data-huanxin', '');
  // Share and copy from inside the frame; nothing else.
  iframe.setAttribute('allow', 'clipboard-write; web-share');
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  var initial = parseInt(data.height, 10);
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.display = 'block';
  iframe.style.height = (initial >= 200 && initial <= 4000 ? initial : 640) + 'px';

  var target = data.target ? document.getElementById(data.target) : null;
  if (data.target && !target) warn('data-target="' + data.target + '" matches no element; the iframe goes after the script.');
  if (target) target.appendChild(iframe);
  else script.parentNode.insertBefore(iframe, script.nextSibling);

  var MIN_HEIGHT = 200;
  var MAX_HEIGHT = 20000;
  var plainCopy = function (d) {
    var out = {};
    for (var k in d) {
      if (!Object.prototype.hasOwnProperty.call(d, k) || k === 'source') continue;
      var v = d[k];
      if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out[k] = v;
    }
    return out;
  };
  var emit = function (name, detail) {
    var event;
    try {
      event = new CustomEvent(name, { bubbles: true, detail: detail });
    } catch (e) {
      event = document.createEvent('CustomEvent');
      event.initCustomEvent(name, true, false, detail);
    }
    iframe.dispatchEvent(event);
  };

  window.addEventListener('message', function (event) {
    // Only our iframe, from the app's exact origin, in our namespace.
    if (event.origin !== appOrigin || event.source !== iframe.contentWindow) return;
    var d = event.data;
    if (!d || typeof d !== 'object' || d.source !== NS || typeof d.type !== 'string') return;
    if (d.type === 'resize' || d.type === 'ready') {
      var h = Number(d.height);
      if (isFinite(h) && h > 0) {
        iframe.style.height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h))) + 'px';
      }
    }
    if (d.type === 'ready' || d.type === 'result') emit('huanxin:' + d.type, plainCopy(d));
  });
})();
