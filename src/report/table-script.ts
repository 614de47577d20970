/**
 * The report's table script (plain ES2017, inlined): sorts every `table.sortable` when a header is clicked or activated
 * by key. A paged table keeps all its rows as JSON, sorts them all, and shows one page (see html-table.ts).
 */
export const TABLE_SCRIPT = String.raw`(function () {
  'use strict';

  function key(text, num) {
    if (!num) return text.toLowerCase();
    var v = parseFloat(text.replace(/,/g, ''));
    return isNaN(v) ? -Infinity : v;
  }

  function sorted(items, get, num, asc) {
    var keyed = items.map(function (x) { return { x: x, k: key(get(x), num) }; });
    keyed.sort(function (a, b) { return (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * (asc ? 1 : -1); });
    return keyed.map(function (e) { return e.x; });
  }

  function domRows(table) {
    return {
      sort: function (i, num, asc) {
        var body = table.tBodies[0];
        var frag = document.createDocumentFragment();
        sorted(Array.prototype.slice.call(body.rows), function (r) { return r.cells[i].textContent; }, num, asc)
          .forEach(function (r) { frag.appendChild(r); });
        body.appendChild(frag);
      }
    };
  }

  function pagedRows(table) {
    var rows = JSON.parse(document.getElementById(table.getAttribute('data-rows')).textContent);
    var size = Number(table.getAttribute('data-page-size'));
    var signed = JSON.parse(table.getAttribute('data-signed'));
    var nums = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.getAttribute('data-type') === 'num'; });
    var page = 0;
    function fmt(n) { return n.toLocaleString('en-IN'); }
    function cell(tr, text, i) {
      var td = tr.insertCell();
      var v = key(text, true);
      td.textContent = text;
      td.className = ((nums[i] ? 'num' : '') + (signed[i] && isFinite(v) && v !== 0 ? (v > 0 ? ' pos' : ' neg') : '')).trim();
    }
    function render() {
      var body = document.createElement('tbody');
      rows.slice(page * size, (page + 1) * size).forEach(function (r) {
        var tr = body.insertRow();
        r.forEach(function (text, i) { cell(tr, text, i); });
      });
      table.replaceChild(body, table.tBodies[0]);
      document.getElementById(table.id + '-page').textContent =
        'rows ' + fmt(page * size + 1) + '–' + fmt(Math.min(rows.length, (page + 1) * size)) + ' of ' + fmt(rows.length);
    }
    return {
      sort: function (i, num, asc) { rows = sorted(rows, function (r) { return r[i]; }, num, asc); page = 0; render(); },
      step: function (d) { page = Math.min(Math.max(0, Math.ceil(rows.length / size) - 1), Math.max(0, page + d)); render(); }
    };
  }

  var pagers = {};
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var rows = table.hasAttribute('data-rows') ? pagedRows(table) : domRows(table);
    pagers[table.id] = rows;
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      function sort() {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        rows.sort(i, th.getAttribute('data-type') === 'num', asc);
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('button[data-pager]'), function (b) {
    b.addEventListener('click', function () { pagers[b.getAttribute('data-pager')].step(Number(b.getAttribute('data-step'))); });
  });
})();`;
