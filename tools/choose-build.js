// ---- Huanxin's choice of wasm build (tools/choose-build.js) ----
// Four builds (src/ui.rs): the phones' two, one language each (`zh`, `en`); a retailer's page's
// (`host`: embed, look, store name, hidden sections, channel list, both languages); a kiosk's (`full`).
// tools/postbuild.mjs puts this function twice in the page: in an inline script in <head>, which
// preloads the chosen build before the body is parsed, and in the boot module, which loads it. Both
// run before the app, on the same address and storage, so they agree. The app checks exactly
// (Build::needed in src/domain/host_config.rs; the language in AppState::start, src/ui/state.rs): a
// wrong "yes" costs bytes only, a wrong "no" one reload. Plain ES5: it runs in every browser.
function hxChooseBuild() {
  var order = ['phone', 'host', 'full'];
  var HOST_PARAMS = ['mode', 'theme', 'store', 'hide', 'channels', 'embed', 'origin', 'idle'];
  function session(key) {
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  }
  // Locale::from_tag: `zh`, `en`, `zh-CN`, `EN_us` … (the primary subtag, any case).
  function language(tag) {
    var m = /^(zh|en)(?:[-_]|$)/i.exec(String(tag).replace(/^\s+|\s+$/g, ''));
    return m ? m[1].toLowerCase() : null;
  }
  // The first `lang` of a query string: null when there is none, '' when it is not zh or en.
  function langParam(query) {
    var found = null;
    new URLSearchParams(query).forEach(function (value, key) {
      if (key === 'lang' && found === null) found = language(value) || '';
    });
    return found;
  }
  var wanted = 'phone';
  var lang = null;
  try {
    new URLSearchParams(location.search).forEach(function (value, key) {
      if (key === 'mode' && value.replace(/^\s+|\s+$/g, '').toLowerCase() === 'kiosk') wanted = 'full';
      else if (wanted === 'phone' && HOST_PARAMS.indexOf(key) >= 0) wanted = 'host';
    });
    lang = langParam(location.search);
  } catch (e) { /* an unreadable address: the app decides */ }
  // A tab that a smaller build sent on (src/ui/browser.rs, reload_into_build) keeps the bigger build.
  var noted = session('huanxin.build');
  if (order.indexOf(noted) > order.indexOf(wanted)) wanted = noted;
  if (wanted !== 'phone') return wanted;
  // The language as AppState::start picks it: the address, the stored state ("hx1:" and a query),
  // the language this tab's app last asked for (reload_into_language), the browser's languages.
  if (!lang) {
    try {
      var stored = localStorage.getItem('huanxin.state');
      if (stored && stored.indexOf('hx1:') === 0) lang = langParam(stored.slice(4));
    } catch (e) { /* no storage */ }
  }
  if (!lang) lang = language(session('huanxin.lang') || '');
  if (!lang) {
    var tags = navigator.languages || [];
    for (var i = 0; i < tags.length && !lang; i++) lang = language(tags[i] || '');
  }
  return lang || 'zh';
}
