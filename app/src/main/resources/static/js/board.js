// The deal board: cards are dragged between stage columns with SortableJS (pointer events, so it
// works the same with a mouse, a pen or a finger). A drop asks the server to move the deal; when the
// server refuses (gates missing, someone changed the deal first) the card goes back where it was and
// the reason is shown. After a move every column's count and total are redrawn from the answer.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? [header.content, token.content] : null;
  }

  function say(board, text, ok) {
    var box = document.getElementById('board-message');
    box.textContent = text;
    box.className = 'board-message ' + (ok ? 'notice' : 'error-summary');
    box.hidden = false;
  }

  function redraw(columns) {
    Object.keys(columns).forEach(function (stageId) {
      var column = document.getElementById('column-' + stageId);
      if (!column) return;
      column.querySelector('.board-count').textContent = columns[stageId].count;
      column.querySelector('.board-total').textContent = columns[stageId].total;
    });
  }

  function snapBack(evt) {
    var ref = evt.from.children[evt.oldIndex] || null;
    evt.from.insertBefore(evt.item, ref);
  }

  function move(board, evt) {
    var card = evt.item;
    var body = new URLSearchParams();
    body.set('id', card.dataset.id);
    body.set('stageId', evt.to.dataset.stageId);
    body.set('version', card.dataset.version);
    var page = new URLSearchParams(window.location.search);
    ['owner', 'team', 'closeMonth'].forEach(function (name) {
      if (page.get(name)) body.set(name, page.get(name));
    });
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' };
    var token = csrf();
    if (token) headers[token[0]] = token[1];
    board.classList.add('board-busy');
    fetch(board.dataset.moveUrl, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { status: response.status, json: json };
        });
      })
      .then(function (answer) {
        if (answer.status === 200) {
          card.dataset.version = answer.json.version;
          redraw(answer.json.columns || {});
          say(board, answer.json.message || 'Moved.', true);
        } else {
          snapBack(evt);
          var why = answer.json.message ||
            (answer.status === 403 ? 'You may not move deals.' : 'The move was refused (' + answer.status + ').');
          say(board, why, false);
        }
      })
      .catch(function () {
        snapBack(evt);
        say(board, 'The move did not reach the server; the card is back where it was.', false);
      })
      .finally(function () { board.classList.remove('board-busy'); });
  }

  function start() {
    var board = document.getElementById('board');
    if (!board || board.dataset.canMove !== 'true' || typeof Sortable === 'undefined') return;
    board.querySelectorAll('.board-cards').forEach(function (list) {
      Sortable.create(list, {
        group: 'deals',
        handle: '.board-card',
        forceFallback: true,
        fallbackOnBody: true,
        animation: 120,
        ghostClass: 'board-card-ghost',
        onEnd: function (evt) {
          if (evt.from !== evt.to) move(board, evt);
        }
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
