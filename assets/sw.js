/*
 * 换新算 Huanxin service worker: the calculator opens and works offline after the first visit.
 *
 * tools/sw-manifest.mjs fills in, after the release build, the list of files to precache (the app
 * shell: index.html, the boot module, the wasm, icons, manifest) and a version made from their
 * contents. A new release has a new version, so the browser installs this worker again, which caches
 * the new files under a new name and, once active, deletes every older Huanxin cache.
 *
 * Strategy: page loads go to the network first (so a new release is seen at once) and fall back to
 * the cached shell when offline; every other same-origin GET is answered from the cache first
 * (hashed names never change), else fetched. Nothing is ever sent anywhere else: this worker only
 * handles requests to its own origin.
 */
'use strict';

var VERSION = '__HX_SW_VERSION__';
var PRECACHE = ['__HX_SW_PRECACHE__'];
// The kiosk's full build (src/ui.rs FULL_BUILD): precached only by a worker the full build
// registered (sw.js?build=full), so phones never download it and a kiosk still works offline. The
// other builds (the phones' Chinese and English ones, a retailer's page's) are not precached: the
// page names the one it runs (message below), so no phone downloads a build it does not use.
var FULL = ['__HX_SW_FULL__'];
var EXTRA = new URL(self.location.href).searchParams.get('build') === 'full' ? FULL : [];
var PREFIX = 'huanxin-';
var CACHE = PREFIX + VERSION;
var SHELL = './';
var HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) {
        // A file with a content hash in its name never changes, so the copy the page just downloaded
        // (in the HTTP cache) is the right one: no second download on a weak network. Other files
        // come from the server (`reload`), not from the HTTP cache of an older release.
        return cache.addAll(PRECACHE.concat(EXTRA).map(function (url) {
          return new Request(url, { cache: HASHED.test(url) ? 'default' : 'reload' });
        }));
      })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.map(function (name) {
          return name.indexOf(PREFIX) === 0 && name !== CACHE ? caches.delete(name) : null;
        }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

// The page names the wasm build it runs (tools/boot.js, once this worker is active): keep it with the
// shell, from the HTTP cache where the page just downloaded it. Only this origin's hashed wasm.
var BUILD_FILE = /^\/(?:[^?#]*\/)?huanxin-[a-z-]*[0-9a-f]{16}_bg\.wasm$/;
self.addEventListener('message', function (event) {
  var data = event.data;
  if (!data || typeof data.hxKeep !== 'string') return;
  var url;
  try { url = new URL(data.hxKeep, self.location.href); } catch (e) { return; }
  if (url.origin !== self.location.origin || url.search || !BUILD_FILE.test(url.pathname)) return;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.match(url.href).then(function (kept) {
      return kept || cache.add(new Request(url.href, { cache: 'default' }));
    });
  }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    // The page: network first; offline, the cached shell (the deep link's query is read by the app).
    event.respondWith(
      fetch(request).catch(function () {
        return caches.open(CACHE).then(function (cache) {
          return cache.match(SHELL).then(function (shell) {
            return shell || cache.match(request, { ignoreSearch: true });
          });
        }).then(function (response) {
          return response || Response.error();
        });
      })
    );
    return;
  }

  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (cached) {
        if (cached) return cached;
        return fetch(request).then(function (response) {
          // A hashed file not precached (say, a bigger build fetched before this worker took
          // over the page): keep it for offline use.
          if (response.ok && HASHED.test(url.pathname)) cache.put(request, response.clone());
          return response;
        });
      });
    })
  );
});
