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
// Behaviour that used to sit in inline handlers, which the Content-Security-Policy forbids:
// data-confirm asks before a form is sent, data-select-on-focus selects a field's text,
// data-back goes back in history (a panel whose htmx load failed: data-error-text, panels.js).
document.addEventListener('submit', function (e) {
  var form = e.target;
  var question = form && form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { e.preventDefault(); }
}, true);
document.addEventListener('focusin', function (e) {
  if (e.target && e.target.hasAttribute && e.target.hasAttribute('data-select-on-focus')) { e.target.select(); }
});
document.addEventListener('click', function (e) {
  var link = e.target && e.target.closest && e.target.closest('a[data-back]');
  if (link && window.history.length > 1) { e.preventDefault(); window.history.back(); }
});
