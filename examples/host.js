// The example host page's own script: shows the events the embedded Huanxin sends. The events are
// DOM events dispatched by embed.js on the iframe (they bubble to document); their `detail` holds the
// numbers of the buyer's chosen grade. Everything stays on this page.
(function () {
  'use strict';
  var log = document.getElementById('event-log');
  var last = document.getElementById('last-result');
  // For the end-to-end test, and for a host developer poking around in the console.
  window.huanxinEvents = [];

  var LABELS = {
    category: '品类 category', grade: '能效等级 grade', annual_saving_yuan: '每年省（元）yearly saving',
    subsidy_yuan: '补贴（元）subsidy', net_price_yuan: '到手价（元）net price', payback_years: '回本（年）payback'
  };

  function record(type, detail) {
    window.huanxinEvents.push({ type: type, detail: detail });
    var item = document.createElement('li');
    item.textContent = type + ' ' + JSON.stringify(detail);
    log.insertBefore(item, log.firstChild);
    while (log.children.length > 8) log.removeChild(log.lastChild);
  }

  document.addEventListener('huanxin:ready', function (e) { record('ready', e.detail); });
  document.addEventListener('huanxin:result', function (e) {
    record('result', e.detail);
    while (last.firstChild) last.removeChild(last.firstChild);
    Object.keys(LABELS).forEach(function (key) {
      if (!(key in e.detail)) return;
      var dt = document.createElement('dt');
      dt.textContent = LABELS[key];
      var dd = document.createElement('dd');
      dd.textContent = e.detail[key] === null ? '—' : String(e.detail[key]);
      dd.setAttribute('data-key', key);
      last.appendChild(dt);
      last.appendChild(dd);
    });
  });
})();
