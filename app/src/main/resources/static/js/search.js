// Search results: ArrowDown/ArrowUp move between results (links marked data-result), Enter opens
// the focused one (a link's own behaviour). From the search box, ArrowDown goes to the first result.
document.addEventListener('keydown', function (e) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  var results = Array.prototype.slice.call(document.querySelectorAll('a[data-result]'));
  if (results.length === 0) return;
  var at = results.indexOf(document.activeElement);
  var inBox = document.activeElement && document.activeElement.type === 'search';
  if (at < 0 && !inBox) return;
  e.preventDefault();
  var next = at < 0 ? 0 : at + (e.key === 'ArrowDown' ? 1 : -1);
  if (next < 0) {
    var box = document.getElementById('search-again') || document.getElementById('global-search');
    if (box) box.focus();
    return;
  }
  results[Math.min(next, results.length - 1)].focus();
});
