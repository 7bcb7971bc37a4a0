// Keyboard: "/" or Ctrl/Cmd+K focuses the global search; htmx requests carry the CSRF token.
document.addEventListener('keydown', function (e) {
  var tag = (e.target && e.target.tagName) || '';
  var typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.target.isContentEditable;
  if ((e.key === '/' && !typing) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
    var box = document.getElementById('global-search');
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  }
});
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// A toast for results: any element can dispatch a "rapport:toast" event with {message}.
document.addEventListener('rapport:toast', function (e) {
  var box = document.getElementById('toasts');
  if (!box) return;
  var t = document.createElement('div');
  t.className = 'toast';
  t.textContent = (e.detail && e.detail.message) || '';
  box.appendChild(t);
  setTimeout(function () { t.remove(); }, 4000);
});
