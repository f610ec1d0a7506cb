// ---- Huanxin's wasm preload (tools/preload.js; tools/postbuild.mjs inlines it into <head> after
// tools/choose-build.js, allowed by a CSP hash) ----
// Starts the download of the chosen build as soon as the head is parsed, in parallel with the boot
// module, so the phones' Chinese and English builds (and a host's or kiosk's) each download alone.
// Same mode and credentials as boot.js's fetch, so that fetch reuses the preloaded bytes. Browsers
// without modules never run the app (boot-legacy.js tells them so): nothing to preload there.
(function () {
  var FILES = '__HX_FILES__';
  var file = FILES[hxChooseBuild()];
  if (!file || !('noModule' in document.createElement('script'))) return;
  var link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.type = 'application/wasm';
  link.crossOrigin = 'anonymous';
  link.href = file;
  document.head.appendChild(link);
})();
