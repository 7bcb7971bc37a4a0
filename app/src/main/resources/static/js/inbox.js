// The inbox by keyboard: j/k move between items, a assign, s snooze, e done, r reply, o open the
// person, x select for bulk assign, ? the keys. Every key works a plain form or link on the page,
// so without JavaScript the same actions are buttons. SLA timers turn "overdue" as time passes.
(function () {
  var items = function () { return Array.prototype.slice.call(document.querySelectorAll('.inbox-item')); };
  var current = null;

  function select(item) {
    if (!item) return;
    if (current) current.classList.remove('current');
    current = item;
    item.classList.add('current');
    item.focus();
    item.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    var list = items();
    if (!list.length) return;
    var at = current ? list.indexOf(current) : -1;
    var next = at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + step));
    select(list[next]);
  }

  function typing(e) {
    var tag = (e.target && e.target.tagName) || '';
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (e.target && e.target.isContentEditable);
  }

  function submit(selector) {
    var form = current && current.querySelector(selector);
    if (form) form.requestSubmit();
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape' && typing(e) && current) { current.focus(); return; }
    if (typing(e)) return;
    var keys = document.getElementById('inbox-keys');
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case '?': if (keys) keys.hidden = !keys.hidden; break;
      case 'a': if (!current) move(1); if (current && current.querySelector('.act-assign select')) current.querySelector('.act-assign select').focus(); break;
      case 's': if (!current) move(1); if (current && current.querySelector('.act-snooze select')) current.querySelector('.act-snooze select').focus(); break;
      case 'e': submit('.act-done'); break;
      case 'r':
        if (!current) move(1);
        var reply = current && current.querySelector('.act-reply');
        if (reply) { reply.open = true; reply.querySelector('textarea').focus(); }
        break;
      case 'o':
        var person = current && current.querySelector('a.inbox-person');
        if (person) window.location.assign(person.href);
        break;
      case 'x':
        var pick = current && current.querySelector('.inbox-pick');
        if (pick) pick.checked = !pick.checked;
        break;
      default: return;
    }
    e.preventDefault();
  });

  // Enter on a focused assign or snooze select sends its form.
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || !e.target || e.target.tagName !== 'SELECT') return;
    var form = e.target.closest('.act-assign, .act-snooze');
    if (form) { e.preventDefault(); form.requestSubmit(); }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var target = window.location.hash && document.querySelector(window.location.hash);
    if (target && target.classList.contains('inbox-item')) select(target);
    setInterval(function () {
      document.querySelectorAll('.sla[data-due]').forEach(function (el) {
        var due = Date.parse(el.getAttribute('data-due'));
        if (!isNaN(due) && Date.now() > due && !el.classList.contains('sla-breached') && el.textContent.indexOf('due in') === 0) {
          el.classList.add('sla-breached');
          el.textContent = 'overdue';
        }
      });
    }, 30000);
  });
})();
