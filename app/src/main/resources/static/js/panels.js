// A panel a record page loads with htmx says so in words when its fragment fails to load:
// the element's data-error-text replaces the "Loading…" line (no inline handlers, for the CSP).
document.addEventListener('htmx:responseError', function (e) {
  var target = e.detail && e.detail.elt;
  var panel = target && target.closest ? target.closest('[data-error-text]') : null;
  if (panel) {
    panel.textContent = panel.getAttribute('data-error-text');
  }
});
