// Huanxin's message for browsers without ES modules (loaded with `nomodule`, so modern browsers never
// fetch it): they cannot run the app, so show the static page's "browser too old" message. ES3 only.
(function () {
  var box = document.getElementById('hx-boot-error');
  if (!box) return;
  var parts = box.getElementsByTagName('div');
  for (var i = 0; i < parts.length; i++) {
    if (parts[i].getAttribute('data-reason') === 'browser') parts[i].removeAttribute('hidden');
  }
  box.removeAttribute('hidden');
  var retry = document.getElementById('hx-boot-retry');
  if (retry) retry.onclick = function () { window.location.reload(); };
})();
