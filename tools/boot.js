// ---- Huanxin boot (tools/boot.js, appended to wasm-bindgen's glue by tools/postbuild.mjs) ----
// One external module instead of trunk's inline loader, so the page runs under a CSP without
// 'unsafe-inline'. It fetches the wasm through a Request with its integrity hash (Chromium does not
// enforce `integrity` on a preload, but does on fetch), hands the verified response to wasm-bindgen's
// init, and takes over the static first paint. If the app cannot start it shows the static page's
// Chinese and English message with a retry button. Plain ES2017: it must parse in old browsers too.
// `__wbg_init` is the glue's init function, defined above this code in the same module.

// The build tools/choose-build.js (above this code in the module) picks, the one the page's inline
// script preloaded.
const HX_BUILD = hxChooseBuild();
const HX_WASM = {
  zh: ['__HX_WASM_FILE__', '__HX_WASM_INTEGRITY__'],
  en: ['__HX_EN_WASM_FILE__', '__HX_EN_WASM_INTEGRITY__'],
  host: ['__HX_HOST_WASM_FILE__', '__HX_HOST_WASM_INTEGRITY__'],
  full: ['__HX_FULL_WASM_FILE__', '__HX_FULL_WASM_INTEGRITY__'],
}[HX_BUILD];
const HX_WASM_URL = new URL(HX_WASM[0], import.meta.url);
// The kiosk's stylesheet: only the full build renders a kiosk, and nothing on the static page uses
// it, so it is linked here (after the page's own styles, which it builds on) rather than inlined.
if (HX_BUILD === 'full') {
  const kiosk = document.createElement('link');
  kiosk.rel = 'stylesheet';
  kiosk.href = new URL('__HX_KIOSK_CSS__', import.meta.url).href;
  document.head.appendChild(kiosk);
}
const HX_WASM_INTEGRITY = HX_WASM[1];

/** Shows the static message for `reason` (browser | download | failed) and returns the error. */
function hxBootFailed(reason, error) {
  const box = document.getElementById('hx-boot-error');
  if (box) {
    const parts = box.querySelectorAll('[data-reason]');
    for (let i = 0; i < parts.length; i++) parts[i].hidden = parts[i].getAttribute('data-reason') !== reason;
    box.setAttribute('data-boot-failed', reason);
    box.hidden = false;
  }
  console.error('Huanxin could not start (' + reason + '):', error);
  return error;
}

function hxWireRetry() {
  const retry = document.getElementById('hx-boot-retry');
  if (retry) retry.addEventListener('click', function () { location.reload(); });
}

/**
 * Watches the static page until the app takes it over: a category tapped before the wasm arrived is
 * chosen in the app, and the focused control keeps the focus on its replacement.
 */
function hxWatchStaticPage() {
  const root = document.getElementById('app');
  let tapped = null;
  let focused = null;
  function onClick(ev) {
    const target = ev.target;
    const button = target && target.closest ? target.closest('button[data-testid^="cat-"]') : null;
    if (button && root && root.contains(button)) tapped = button.getAttribute('data-testid');
  }
  function onFocus(ev) {
    const target = ev.target;
    if (target && target.getAttribute && root && root.contains(target)) focused = target;
  }
  document.addEventListener('click', onClick, true);
  document.addEventListener('focusin', onFocus, true);
  return async function takeover() {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('focusin', onFocus, true);
    if (!root || (!tapped && !focused)) return;
    // The app renders a few tasks after it starts (src/main.rs); wait for its page before looking
    // for the new controls.
    await hxRendered(root);
    const find = function (id) { return id ? root.querySelector('[data-testid="' + id + '"]') : null; };
    if (focused && !focused.isConnected && document.activeElement === document.body) {
      const next = find(focused.getAttribute('data-testid'));
      if (next) next.focus();
    }
    const again = find(tapped);
    if (again && again.getAttribute('aria-pressed') !== 'true') again.click();
  };
}

/** Resolves once the app's own page is in `root` (its root says data-hydrated="true"). */
function hxRendered(root) {
  const selector = '[data-hydrated="true"]';
  return new Promise(function (resolve) {
    if (root.querySelector(selector)) return resolve();
    const observer = new MutationObserver(function () {
      if (root.querySelector(selector)) { observer.disconnect(); resolve(); }
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-hydrated'] });
  });
}

/** Compiles the verified response (streaming when served as application/wasm). */
function hxCompile(response) {
  const type = (response.headers.get('content-type') || '').split(';')[0].trim();
  if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
}

/**
 * Resolves once the static page has been painted and that paint has been reported (a
 * largest-contentful-paint entry, else first-contentful-paint), plus one frame; at once in a
 * hidden tab (no frames there), and after a second at most. Taking the page over earlier would
 * replace nodes whose paint is not yet reported, so the takeover would count as the page's LCP.
 */
function hxAfterPaint() {
  return new Promise(function (resolve) {
    if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') return resolve();
    setTimeout(resolve, 1000);
    const afterFrame = function () { requestAnimationFrame(function () { setTimeout(resolve, 0); }); };
    const types = (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes) || [];
    const type = types.indexOf('largest-contentful-paint') >= 0 ? 'largest-contentful-paint'
      : types.indexOf('paint') >= 0 ? 'paint' : null;
    if (!type) return afterFrame();
    const observer = new PerformanceObserver(function () { observer.disconnect(); afterFrame(); });
    observer.observe({ type: type, buffered: true });
  });
}

async function hxBoot() {
  hxWireRetry();
  const takeover = hxWatchStaticPage();
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function'
    || typeof fetch !== 'function' || typeof Request !== 'function') {
    throw hxBootFailed('browser', new Error('WebAssembly or fetch is not available'));
  }
  // Same mode and credentials as the preload (tools/preload.js), so the preloaded bytes are reused.
  const wasm = function (cache) {
    return fetch(new Request(HX_WASM_URL, { integrity: HX_WASM_INTEGRITY, credentials: 'same-origin', cache: cache }));
  };
  let response;
  try {
    // A network failure or an integrity mismatch (Chromium logs which one) rejects. The wasm is
    // cached for a year, so a damaged copy in the HTTP cache would fail every visit: once more past it.
    response = await wasm('default').catch(function () { return wasm('reload'); });
  } catch (error) {
    throw hxBootFailed('download', error);
  }
  if (!response.ok) throw hxBootFailed('download', new Error('HTTP ' + response.status + ' for ' + HX_WASM_URL));
  let exports;
  try {
    // Compile while the static page paints; take it over only once that paint has been reported.
    const compiled = hxCompile(response);
    await hxAfterPaint();
    exports = await __wbg_init({ module_or_path: await compiled });
  } catch (error) {
    const tooOld = error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError;
    throw hxBootFailed(tooOld ? 'browser' : 'failed', error);
  }
  await takeover();
  return exports;
}

/** At most this many automatic restarts within HX_RESTART_WINDOW_MS; then the page waits for a tap. */
const HX_RESTART_LIMIT = 3;
const HX_RESTART_WINDOW_MS = 120000;
const HX_RESTARTS_KEY = 'huanxin.restarts';

/**
 * The app stopped (a Rust panic, or an exception thrown through the wasm): show the friendly message
 * (#hx-crash) and restart in 3 s. A failure that comes back on every start would otherwise reload
 * forever, so restarts are counted in sessionStorage: after HX_RESTART_LIMIT within two minutes the
 * message says so and offers a "try again" link instead. Called once per page; later calls are no-ops.
 */
function hxRestart() {
  const crash = document.getElementById('hx-crash');
  if (!crash || !crash.hidden) return;
  crash.hidden = false;
  const now = Date.now();
  let recent = [];
  try {
    const saved = JSON.parse(sessionStorage.getItem(HX_RESTARTS_KEY) || '[]');
    if (Array.isArray(saved)) recent = saved.filter(function (t) { return typeof t === 'number' && now - t >= 0 && now - t < HX_RESTART_WINDOW_MS; });
  } catch (e) { /* unreadable or corrupt: count from zero */ }
  if (recent.length >= HX_RESTART_LIMIT) {
    const parts = crash.querySelectorAll('[data-crash]');
    for (let i = 0; i < parts.length; i++) parts[i].hidden = parts[i].getAttribute('data-crash') !== 'stuck';
    crash.setAttribute('data-restarts-stopped', 'true');
    const again = document.getElementById('hx-crash-retry');
    if (again) again.addEventListener('click', function () { try { sessionStorage.removeItem(HX_RESTARTS_KEY); } catch (e) { /* ignore */ } });
    return;
  }
  recent.push(now);
  try { sessionStorage.setItem(HX_RESTARTS_KEY, JSON.stringify(recent)); } catch (e) { /* no storage: still restart */ }
  setTimeout(function () { location.reload(); }, 3000);
}
// A Rust panic hook calls this (src/ui/browser.rs, show_crash_and_restart) in builds that keep one;
// the release wasm aborts at once instead (scripts/release.sh), and that trap arrives below.
self.hxRestart = hxRestart;

/**
 * Something unwound through the running wasm and stopped it: a Rust panic in the release build (it
 * aborts at once: a `RuntimeError: unreachable` trap), or a JavaScript exception thrown through the
 * wasm (say, a browser extension that breaks a DOM call). No panic hook runs, and the screen would
 * stay stale: show the message and restart. In a promise job (an async task) it arrives as an
 * unhandled rejection instead of an error event.
 */
function hxRestartOnWasmError() {
  const stopped = function (error) {
    const stack = String((error && error.stack) || '');
    if (stack.indexOf('wasm-function[') < 0) return;
    console.error('Huanxin stopped:', error);
    hxRestart();
  };
  addEventListener('error', function (event) { stopped(event.error); });
  addEventListener('unhandledrejection', function (event) { stopped(event.reason); });
}

/**
 * Names this build to the service worker once it is active (the app registers it outside an embed),
 * so the worker keeps it for offline use (assets/sw.js): it precaches only the shell, as it cannot
 * know which of the builds this page runs.
 */
function hxKeepOffline() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.ready.then(function (registration) {
    if (registration.active) registration.active.postMessage({ hxKeep: HX_WASM_URL.href });
  }, function () { /* no worker: nothing to keep */ });
}

/**
 * Links the web app manifest once the app runs: the browser fetches it (and its icons) for
 * installing, which a page that is still loading does not need, on a slow network least of all.
 */
function hxLinkManifest() {
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = new URL('manifest.webmanifest', import.meta.url).href;
  document.head.appendChild(link);
}

/** Resolves to the wasm instance's exports (`memory` among them) once the app runs. */
const started = hxBoot();
started.then(function () { hxRestartOnWasmError(); hxKeepOffline(); hxLinkManifest(); }, function () { /* reported on the page by hxBootFailed */ });
export { started };
