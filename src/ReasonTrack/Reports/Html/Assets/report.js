// ReasonTrack HTML report (ours). Builds charts, tables and the reasoning timeline from the page's own JSON block.
// Every value from a model or a file is inserted with textContent or as an attribute value set through the DOM:
// nothing is parsed as HTML, and no handler is built from data.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var COLOUR = /^#[0-9a-fA-F]{6}$/;
  var THUMB = /^[0-9a-f]{16,64}\.(jpg|png)$/;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function sv(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function colour(c) { return COLOUR.test(c) ? c : '#888888'; }

  function swatches(root) {
    root.querySelectorAll('[data-colour]').forEach(function (s) { s.style.background = colour(s.getAttribute('data-colour')); });
  }

  // ------------------------------------------------------------ sortable tables
  function sortTable(th) {
    var table = th.closest('table');
    var tbody = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute('data-sort') === 'num';
    var current = th.getAttribute('aria-sort');
    var descending = current ? current === 'ascending' : numeric;
    table.querySelectorAll('th[aria-sort]').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    var rows = Array.prototype.slice.call(tbody.rows);
    function key(row) {
      var cell = row.cells[index];
      var v = cell ? (cell.getAttribute('data-v') !== null ? cell.getAttribute('data-v') : cell.textContent) : '';
      return numeric ? (v === '' ? NaN : parseFloat(v)) : v.toLowerCase();
    }
    var keyed = rows.map(function (r, i) { return { r: r, k: key(r), i: i }; });
    keyed.sort(function (a, b) {
      if (numeric) {
        var an = isNaN(a.k), bn = isNaN(b.k);
        if (an || bn) return an === bn ? a.i - b.i : (an ? 1 : -1);
        var d = descending ? b.k - a.k : a.k - b.k;
        return d !== 0 ? d : a.i - b.i;
      }
      var c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
      return (descending ? -c : c) || a.i - b.i;
    });
    keyed.forEach(function (x) { tbody.appendChild(x.r); });
  }
  function sortables() {
    document.querySelectorAll('table.sortable th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () { sortTable(th); });
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortTable(th); } });
    });
  }

  // ------------------------------------------------------------ sequence page
  var data = null, video = null, cursors = [];
  function frameNow() { return video ? Math.min(data.frames, Math.floor(video.currentTime * data.fps + 1e-6) + 1) : 1; }
  function seek(frame) {
    frame = Math.max(1, Math.min(data.frames, frame | 0));
    if (video) { video.currentTime = (frame - 1 + 0.5) / data.fps; }
    moveCursors(frame);
  }
  function moveCursors(frame) {
    cursors.forEach(function (c) { c.line.setAttribute('x1', c.x(frame)); c.line.setAttribute('x2', c.x(frame)); });
    var label = document.getElementById('frame-no');
    if (label) label.textContent = 'frame ' + frame;
  }

  var W = 1000, PADL = 46, PADR = 12;
  function xScale(n) { return function (f) { return PADL + (n <= 1 ? 0 : (f - 1) / (n - 1)) * (W - PADL - PADR); }; }

  function shade(g, x, top, bottom) {
    data.absent.forEach(function (r) {
      var x0 = x(r[0]) - 0.5, x1 = x(r[1]) + 0.5;
      g.appendChild(sv('rect', { x: x0, y: top, width: Math.max(1, x1 - x0), height: bottom - top, 'class': 'absent' }));
    });
  }

  function chart(container, key, list) {
    var k = data.scale || 1;
    list.forEach(function (s) { if (!s.scaled) { s.values = s.values.map(function (v) { return v === null ? null : v / k; }); s.scaled = true; } });
    var H = 170, top = 10, bottom = H - 24;
    var min = Infinity, max = -Infinity;
    list.forEach(function (s) {
      if (typeof s.min === 'number') min = Math.min(min, s.min);
      if (typeof s.max === 'number') max = Math.max(max, s.max);
      s.values.forEach(function (v) { if (v !== null) { if (typeof s.min !== 'number') min = Math.min(min, v); if (typeof s.max !== 'number') max = Math.max(max, v); } });
    });
    if (!isFinite(min) || !isFinite(max)) { min = 0; max = 1; }
    if (max === min) { max = min + 1; }
    var x = xScale(data.frames);
    var y = function (v) { return bottom - (v - min) / (max - min) * (bottom - top); };
    var fig = el('figure', 'chart');
    fig.setAttribute('data-key', key);
    fig.appendChild(el('figcaption', null, list[0].label));
    var svg = sv('svg', { viewBox: '0 0 ' + W + ' ' + H, 'class': 'series', role: 'img' });
    var title = sv('title'); title.textContent = list[0].label + ' per frame'; svg.appendChild(title);
    shade(svg, x, top, bottom);
    [min, (min + max) / 2, max].forEach(function (v) {
      svg.appendChild(sv('line', { x1: PADL, x2: W - PADR, y1: y(v), y2: y(v), 'class': 'grid' }));
      var t = sv('text', { x: PADL - 6, y: y(v) + 4, 'class': 'tick', 'text-anchor': 'end' }); t.textContent = +v.toFixed(3); svg.appendChild(t);
    });
    [1, Math.round(data.frames / 2), data.frames].forEach(function (f) {
      var t = sv('text', { x: x(f), y: H - 6, 'class': 'tick', 'text-anchor': 'middle' }); t.textContent = f; svg.appendChild(t);
    });
    var colours = {};
    data.trackers.forEach(function (t) { colours[t.name] = colour(t.colour); });
    list.forEach(function (s) {
      var d = '', pen = false;
      for (var i = 0; i < s.values.length; i++) {
        var v = s.values[i];
        if (v === null) { pen = false; continue; }
        var f = 1 + i * data.step;
        d += (pen ? 'L' : 'M') + x(f).toFixed(1) + ' ' + y(v).toFixed(1);
        pen = true;
      }
      var p = sv('path', { d: d || 'M0 0', 'class': 'line' });
      p.style.stroke = colours[s.tracker] || '#888888';
      var tt = sv('title'); tt.textContent = s.tracker; p.appendChild(tt);
      svg.appendChild(p);
    });
    var cursor = sv('line', { x1: x(1), x2: x(1), y1: top, y2: bottom, 'class': 'cursor' });
    svg.appendChild(cursor);
    cursors.push({ line: cursor, x: x });
    svg.addEventListener('click', function (e) {
      var r = svg.getBoundingClientRect();
      var px = (e.clientX - r.left) / r.width * W;
      seek(Math.round(1 + (px - PADL) / (W - PADL - PADR) * (data.frames - 1)));
    });
    fig.appendChild(svg);
    if (list[0].note) fig.appendChild(el('p', 'hint', list[0].note));
    container.appendChild(fig);
  }

  function charts() {
    var container = document.getElementById('charts');
    if (!container) return;
    var keys = [], groups = {};
    data.series.forEach(function (s) {
      if (!groups[s.key]) { groups[s.key] = []; keys.push(s.key); }
      groups[s.key].push(s);
    });
    if (keys.length === 0) container.appendChild(el('p', 'hint', 'No per-frame series for this sequence.'));
    keys.forEach(function (k) { chart(container, k, groups[k]); });
  }

  var STATUS_MARK = { superseded: 'hollow', stale: 'hollow', rejected: 'hollow', error: 'bad', fallback: 'bad' };

  function timelines() {
    var host = document.getElementById('timelines');
    if (!host) return;
    data.timelines.forEach(function (tl, ti) {
      var modes = [];
      tl.calls.forEach(function (c) { if (modes.indexOf(c.mode) < 0) modes.push(c.mode); });
      var lane = 26, bandH = 18, top = 8;
      var H = top + bandH + 10 + lane * Math.max(1, modes.length) + 22;
      var x = xScale(data.frames);
      var box = el('div', 'timeline');
      box.appendChild(el('h3', null, tl.tracker));
      var svg = sv('svg', { viewBox: '0 0 ' + W + ' ' + H, 'class': 'timeline-svg' });
      shade(svg, x, top, H - 22);
      tl.descriptions.forEach(function (d, i) {
        var x0 = x(d[0]) - 0.5, x1 = x(d[1]) + 0.5;
        var r = sv('rect', { x: x0, y: top, width: Math.max(1, x1 - x0), height: bandH, 'class': 'band band' + (i % 2) });
        var t = sv('title'); t.textContent = 'frames ' + d[0] + '-' + d[1] + ': ' + d[2]; r.appendChild(t);
        svg.appendChild(r);
      });
      var bl = sv('text', { x: 4, y: top + 13, 'class': 'tick' }); bl.textContent = 'text'; svg.appendChild(bl);
      modes.forEach(function (m, mi) {
        var t = sv('text', { x: 4, y: top + bandH + 10 + lane * mi + 17, 'class': 'tick' }); t.textContent = m; svg.appendChild(t);
      });
      tl.calls.forEach(function (c, i) {
        var yy = top + bandH + 10 + lane * modes.indexOf(c.mode) + 13;
        var g = sv('g', { 'class': 'call ' + (STATUS_MARK[c.status] || 'ok') + ' status-' + String(c.status).replace(/[^a-z-]/g, ''), tabindex: 0, role: 'button', 'data-t': ti, 'data-i': i });
        var t = sv('title'); t.textContent = 'frame ' + c.frame + ', ' + c.mode + ', ' + c.trigger + ', ' + c.status; g.appendChild(t);
        if (typeof c.applied === 'number' && c.applied !== c.frame)
          g.appendChild(sv('line', { x1: x(c.frame), x2: x(c.applied), y1: yy, y2: yy, 'class': 'applied' }));
        if (typeof c.applied === 'number') g.appendChild(sv('rect', { x: x(c.applied) - 1, y: yy - 7, width: 2, height: 14, 'class': 'applied-mark' }));
        g.appendChild(sv('circle', { cx: x(c.frame), cy: yy, r: 6, 'class': 'dot' }));
        if (STATUS_MARK[c.status] === 'hollow') {
          g.appendChild(sv('line', { x1: x(c.frame) - 4, x2: x(c.frame) + 4, y1: yy - 4, y2: yy + 4, 'class': 'cross' }));
        }
        g.addEventListener('click', function () { openCall(ti, i); });
        g.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openCall(ti, i); } });
        svg.appendChild(g);
      });
      [1, Math.round(data.frames / 2), data.frames].forEach(function (f) {
        var t = sv('text', { x: x(f), y: H - 6, 'class': 'tick', 'text-anchor': 'middle' }); t.textContent = f; svg.appendChild(t);
      });
      var cursor = sv('line', { x1: x(1), x2: x(1), y1: top, y2: H - 22, 'class': 'cursor' });
      svg.appendChild(cursor);
      cursors.push({ line: cursor, x: x });
      box.appendChild(svg);
      var counts = {};
      tl.calls.forEach(function (c) { counts[c.status] = (counts[c.status] || 0) + 1; });
      box.appendChild(el('p', 'hint', tl.calls.length + ' call(s): ' + Object.keys(counts).map(function (k) { return counts[k] + ' ' + k; }).join(', ')));
      host.appendChild(box);
    });
  }

  function field(dl, name, value) {
    if (value === undefined || value === null || value === '') return;
    dl.appendChild(el('dt', null, name));
    dl.appendChild(el('dd', null, value));
  }

  function openCall(ti, i) {
    var tl = data.timelines[ti], c = tl.calls[i];
    var panel = document.getElementById('call');
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    panel.hidden = false;
    panel.setAttribute('data-t', ti);
    panel.setAttribute('data-i', i);
    var close = el('button', 'close', 'close');
    close.type = 'button';
    close.addEventListener('click', function () { panel.hidden = true; });
    panel.appendChild(close);
    panel.appendChild(el('h3', null, tl.tracker + ': call ' + (i + 1) + ' of ' + tl.calls.length));
    var dl = el('dl');
    field(dl, 'frame asked', c.frame);
    field(dl, 'frame applied', typeof c.applied === 'number' ? c.applied : 'never');
    field(dl, 'mode', c.mode);
    field(dl, 'trigger', c.trigger);
    field(dl, 'status', c.status);
    field(dl, 'latency', typeof c.latency_ms === 'number' ? c.latency_ms.toFixed(1) + ' ms' : null);
    field(dl, 'decision', c.decision);
    field(dl, 'new description', c.description);
    field(dl, 'box', c.box);
    field(dl, 'error', c.error);
    field(dl, 'parse note', c.parse_note);
    field(dl, 'images sent', c.images.map(function (s, k) { return s + (c.encodings[k] ? ' (' + c.encodings[k] + ')' : ''); }).join('; '));
    panel.appendChild(dl);
    var thumbs = el('div', 'thumbs');
    c.thumbs.forEach(function (t, k) {
      if (!THUMB.test(t)) return;
      var fig = el('figure');
      var img = el('img');
      img.src = '../thumbs/' + t;
      img.alt = 'image ' + (k + 1) + ' sent to the model';
      fig.appendChild(img);
      fig.appendChild(el('figcaption', null, 'image ' + (k + 1) + (c.images[k] ? ', ' + c.images[k] : '')));
      thumbs.appendChild(fig);
    });
    if (c.thumbs.length === 0) thumbs.appendChild(el('p', 'hint', 'The run kept no thumbnails of the images sent.'));
    panel.appendChild(thumbs);
    var raw = el('details', 'raw');
    raw.appendChild(el('summary', null, 'raw reply' + (typeof c.reply_length === 'number' ? ' (cut; ' + c.reply_length + ' characters received)' : '')));
    raw.appendChild(el('pre', 'reply', c.reply === undefined ? '(no reply)' : c.reply));
    panel.appendChild(raw);
    if (video) seek(c.frame);
    panel.scrollIntoView({ block: 'nearest' });
  }

  function sequencePage() {
    var block = document.getElementById('page-data');
    if (!block) return;
    data = JSON.parse(block.textContent);
    video = document.getElementById('video');
    charts();
    timelines();
    if (video) video.addEventListener('timeupdate', function () { moveCursors(frameNow()); });
    document.querySelectorAll('button.seek[data-frame]').forEach(function (b) {
      b.addEventListener('click', function () { seek(parseInt(b.getAttribute('data-frame'), 10)); });
    });
  }

  function start() {
    swatches(document);
    sortables();
    sequencePage();
    document.documentElement.setAttribute('data-ready', '1');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
