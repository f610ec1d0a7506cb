// ---- Huanxin's start (tools/preload.js; tools/postbuild.mjs inlines it into <head> after
// tools/choose-build.js, allowed by a CSP hash) ----
// 1. Starts the download of the chosen build as soon as the head is parsed, so the phones' Chinese
//    and English builds (and a host's or kiosk's) each download alone. Same mode and credentials as
//    boot.js's fetch, so that fetch reuses the preloaded bytes.
// 2. Adds the boot module once the static page's first paint has been reported. Its request and its
//    work then come after that paint, never before it; on a slow network it still arrives well before
//    the wasm (a fraction of its bytes, and the same round trip), so the app is not ready later; on a
//    fast one it costs a round trip. At most a second late when no paint is reported (old browsers),
//    at once in a hidden tab (no frames there).
// Browsers without modules never run the app (boot-legacy.js tells them so): nothing to do there.
(function () {
  var FILES = '__HX_FILES__';
  var file = FILES[hxChooseBuild()];
  var boot = document.createElement('script');
  if (!file || !('noModule' in boot)) return;
  var link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.type = 'application/wasm';
  link.crossOrigin = 'anonymous';
  link.href = file;
  document.head.appendChild(link);

  boot.type = 'module';
  boot.src = '__HX_BOOT__';
  boot.integrity = '__HX_BOOT_INTEGRITY__';
  // The boot module shows the other failures; this one it cannot (tools/boot.js, hxBootFailed).
  boot.onerror = function () {
    var box = document.getElementById('hx-boot-error');
    if (!box) return;
    var parts = box.querySelectorAll('[data-reason]');
    for (var i = 0; i < parts.length; i++) parts[i].hidden = parts[i].getAttribute('data-reason') !== 'download';
    box.setAttribute('data-boot-failed', 'download');
    box.hidden = false;
    var retry = document.getElementById('hx-boot-retry');
    if (retry) retry.onclick = function () { location.reload(); };
  };
  var started = false;
  function start() {
    if (started) return;
    started = true;
    document.head.appendChild(boot);
  }
  setTimeout(start, 1000);
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.visibilityState === 'hidden') start();
  else if (types.indexOf('paint') >= 0) {
    new PerformanceObserver(function (list, observer) { observer.disconnect(); start(); }).observe({ type: 'paint', buffered: true });
  } else requestAnimationFrame(function () { setTimeout(start, 0); });
})();
