// @mention autocomplete in the feed's comment boxes (textarea[data-mentions]): typing @ and a few
// letters lists matching colleagues from /api/v1/feed/mentionable; arrows move, Enter or Tab
// picks, Escape closes. Names are set with textContent only; no inline handlers (CSP).
(function () {
  var timer = null;

  function before(area) {
    var text = area.value.slice(0, area.selectionStart);
    var m = /(?:^|[^\w@.])@([A-Za-z0-9._-]{1,59})$/.exec(text);
    return m ? m[1] : null;
  }

  function list(area) {
    var next = area.nextElementSibling;
    return next && next.classList.contains('mention-suggestions') ? next : null;
  }

  function close(area) {
    var ul = list(area);
    if (ul) { ul.remove(); }
    area.removeAttribute('aria-activedescendant');
    area.setAttribute('aria-expanded', 'false');
  }

  function pick(area, username) {
    var start = area.selectionStart;
    var head = area.value.slice(0, start);
    var at = head.lastIndexOf('@');
    area.value = head.slice(0, at) + '@' + username + ' ' + area.value.slice(start);
    var caret = at + username.length + 2;
    area.setSelectionRange(caret, caret);
    close(area);
    area.focus();
  }

  function show(area, users) {
    close(area);
    if (!users.length) { return; }
    var ul = document.createElement('ul');
    ul.className = 'mention-suggestions';
    ul.setAttribute('role', 'listbox');
    ul.id = area.id + '-mentions';
    users.forEach(function (u, i) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = ul.id + '-' + i;
      li.dataset.username = u.username;
      var name = document.createElement('strong');
      name.textContent = u.name;
      var handle = document.createElement('span');
      handle.className = 'muted';
      handle.textContent = ' @' + u.username;
      li.appendChild(name);
      li.appendChild(handle);
      ul.appendChild(li);
    });
    area.insertAdjacentElement('afterend', ul);
    area.setAttribute('aria-expanded', 'true');
    move(area, 0);
  }

  function move(area, to) {
    var ul = list(area);
    if (!ul) { return; }
    var items = ul.querySelectorAll('li');
    var i = (to + items.length) % items.length;
    items.forEach(function (li, k) { li.classList.toggle('active', k === i); li.setAttribute('aria-selected', k === i); });
    area.setAttribute('aria-activedescendant', items[i].id);
    ul.dataset.active = i;
  }

  document.addEventListener('input', function (e) {
    var area = e.target;
    if (!area.matches || !area.matches('textarea[data-mentions]')) { return; }
    var q = before(area);
    clearTimeout(timer);
    if (!q) { close(area); return; }
    timer = setTimeout(function () {
      fetch(area.getAttribute('data-mentions') + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (users) { if (before(area) === q) { show(area, users); } })
        .catch(function () { close(area); });
    }, 120);
  });

  document.addEventListener('keydown', function (e) {
    var area = e.target;
    if (!area.matches || !area.matches('textarea[data-mentions]')) { return; }
    var ul = list(area);
    if (!ul) { return; }
    var active = Number(ul.dataset.active || 0);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(area, active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(area, ul.querySelectorAll('li')[active].dataset.username);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(area);
    }
  });

  document.addEventListener('mousedown', function (e) {
    var li = e.target.closest && e.target.closest('.mention-suggestions li');
    if (!li) { return; }
    e.preventDefault();
    pick(li.parentElement.previousElementSibling, li.dataset.username);
  });

  document.addEventListener('focusout', function (e) {
    if (e.target.matches && e.target.matches('textarea[data-mentions]')) { close(e.target); }
  });
})();
