"""``kg view``: one self-contained HTML page of the graph that works offline.

No network request of any kind: the data is inlined as JSON and the layout (a small force
simulation on a canvas) is inlined JavaScript. Colours per type come from the ontology's
palette; hovering a node or edge shows the evidence sentences and dates; a search box finds
entities; checkboxes filter by type.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import networkx as nx

from .ontology import ENTITY_LABELS, PALETTE, primary_label


def view_data(graph: nx.MultiDiGraph) -> dict:
    """Nodes and relations of the entity graph, as the page draws them."""
    nodes, edges = [], []
    quotes: dict[str, list[str]] = {}
    for s, t, d in graph.edges(data=True):
        if d.get("type") == "SAID":
            quotes.setdefault(s, []).append(graph.nodes[t].get("text", ""))
    keep = set()
    for node, d in sorted(graph.nodes(data=True)):
        label = primary_label(d.get("labels", []))
        if label not in ENTITY_LABELS:
            continue
        keep.add(node)
        nodes.append({"id": node, "name": d.get("name", node), "type": label,
                      "title": d.get("title", ""), "aliases": d.get("aliases", []),
                      "quotes": quotes.get(node, [])[:5], "mentions": d.get("mentions", 1)})
    for s, t, key, d in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        if s in keep and t in keep:
            edges.append({"source": s, "target": t, "type": d["type"],
                          "evidence": d.get("evidence", ""), "date": d.get("date", ""),
                          "article": d.get("article", "")})
    return {"nodes": nodes, "edges": edges,
            "palette": {k: v for k, v in PALETTE.items() if k in ENTITY_LABELS}}


#: JSON inside a <script> element: "<", ">" and "&" as \u escapes (no "</script>" or
#: "<!--" can end or bend the element), and the line separators JavaScript once refused.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                             "\u2028": "\\u2028", "\u2029": "\\u2029"})


def render_view(graph: nx.MultiDiGraph, title: str = "kg graph") -> str:
    """The page's HTML text."""
    data = json.dumps(view_data(graph), ensure_ascii=False).translate(SCRIPT_SAFE)
    return PAGE.replace("__TITLE__", html.escape(title)).replace("__DATA__", data)


def write_view(graph: nx.MultiDiGraph, path: Path, title: str = "kg graph") -> Path:
    """Write the page to ``path``."""
    path = Path(path)
    path.write_text(render_view(graph, title), encoding="utf-8")
    return path


PAGE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>
 body { margin: 0; font: 13px system-ui, sans-serif; background: #fafafa; color: #222; }
 #bar { position: fixed; top: 0; left: 0; right: 0; padding: 6px 10px; background: #fff;
        border-bottom: 1px solid #ddd; display: flex; gap: 12px; align-items: center; z-index: 2; flex-wrap: wrap; }
 #bar label { display: inline-flex; align-items: center; gap: 3px; }
 .sw { display: inline-block; width: 10px; height: 10px; border-radius: 50%; }
 #tip { position: fixed; max-width: 420px; background: #fff; border: 1px solid #bbb; padding: 8px;
        border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.15); display: none; z-index: 3; }
 #tip h4 { margin: 0 0 4px; } #tip p { margin: 4px 0; } #tip .d { color: #666; }
 canvas { display: block; }
</style></head>
<body>
<div id="bar"><strong>__TITLE__</strong>
 <input id="q" type="search" placeholder="Find an entity" aria-label="Find an entity">
 <span id="types"></span><span id="count"></span></div>
<div id="tip"></div>
<canvas id="c"></canvas>
<script id="data" type="application/json">__DATA__</script>
<script>
(function () {
  const data = JSON.parse(document.getElementById('data').textContent);
  const canvas = document.getElementById('c'), ctx = canvas.getContext('2d');
  const tip = document.getElementById('tip');
  const byId = new Map();
  data.nodes.forEach((n, i) => {
    const a = 2 * Math.PI * i / Math.max(1, data.nodes.length);
    n.x = Math.cos(a) * 200 + (i % 7) * 3; n.y = Math.sin(a) * 200 + (i % 5) * 3;
    n.vx = 0; n.vy = 0; n.r = 5 + Math.min(10, Math.sqrt(n.mentions || 1) * 2); byId.set(n.id, n);
  });
  const edges = data.edges.filter(e => byId.has(e.source) && byId.has(e.target));
  edges.forEach(e => { e.s = byId.get(e.source); e.t = byId.get(e.target); });
  const hidden = new Set(); let found = null;
  let scale = 1, ox = 0, oy = 0;
  function resize() { canvas.width = innerWidth; canvas.height = innerHeight; ox = innerWidth / 2; oy = innerHeight / 2 + 20; }
  addEventListener('resize', () => { resize(); draw(); }); resize();
  const types = document.getElementById('types');
  Object.entries(data.palette).forEach(([type, color]) => {
    if (!data.nodes.some(n => n.type === type)) return;
    const l = document.createElement('label');
    l.innerHTML = '<input type="checkbox" checked><span class="sw"></span>';
    l.querySelector('.sw').style.background = color;
    l.appendChild(document.createTextNode(type));
    l.querySelector('input').onchange = ev => { ev.target.checked ? hidden.delete(type) : hidden.add(type); draw(); };
    types.appendChild(l);
  });
  document.getElementById('count').textContent = data.nodes.length + ' entities, ' + edges.length + ' relations';
  const visible = n => !hidden.has(n.type);
  function step() {
    const ns = data.nodes, k = 60;
    for (let i = 0; i < ns.length; i++) for (let j = i + 1; j < ns.length; j++) {
      const a = ns[i], b = ns[j]; let dx = a.x - b.x, dy = a.y - b.y; let d2 = dx * dx + dy * dy + 0.01;
      if (d2 > 250000) continue; const f = k * k / d2; a.vx += dx * f * 0.02; a.vy += dy * f * 0.02; b.vx -= dx * f * 0.02; b.vy -= dy * f * 0.02;
    }
    edges.forEach(e => { const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      const f = (d - 90) * 0.01; e.s.vx += dx / d * f * d * 0.05; e.s.vy += dy / d * f * d * 0.05; e.t.vx -= dx / d * f * d * 0.05; e.t.vy -= dy / d * f * d * 0.05; });
    ns.forEach(n => { n.vx -= n.x * 0.002; n.vy -= n.y * 0.002; n.x += Math.max(-20, Math.min(20, n.vx)); n.y += Math.max(-20, Math.min(20, n.vy)); n.vx *= 0.6; n.vy *= 0.6; });
  }
  const toScreen = n => [n.x * scale + ox, n.y * scale + oy];
  function draw() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.lineWidth = 1; ctx.font = '11px system-ui, sans-serif';
    edges.forEach(e => { if (!visible(e.s) || !visible(e.t)) return; const [x1, y1] = toScreen(e.s), [x2, y2] = toScreen(e.t);
      ctx.strokeStyle = '#b8b8b8'; ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
      ctx.fillStyle = '#888'; ctx.fillText(e.type, (x1 + x2) / 2 + 2, (y1 + y2) / 2 - 2); });
    data.nodes.forEach(n => { if (!visible(n)) return; const [x, y] = toScreen(n);
      ctx.fillStyle = data.palette[n.type] || '#999'; ctx.beginPath(); ctx.arc(x, y, n.r, 0, 2 * Math.PI); ctx.fill();
      if (n === found) { ctx.strokeStyle = '#000'; ctx.lineWidth = 3; ctx.stroke(); ctx.lineWidth = 1; }
      ctx.fillStyle = '#222'; ctx.fillText(n.name, x + n.r + 2, y + 4); });
  }
  let ticks = 0;
  (function run() { for (let i = 0; i < 5; i++) step(); draw(); if ((ticks += 5) < 400) requestAnimationFrame(run); })();
  function nodeAt(px, py) { let best = null, bd = 1e9; data.nodes.forEach(n => { if (!visible(n)) return;
    const [x, y] = toScreen(n), d = Math.hypot(x - px, y - py); if (d < n.r + 4 && d < bd) { bd = d; best = n; } }); return best; }
  function edgeAt(px, py) { let best = null, bd = 12; edges.forEach(e => { if (!visible(e.s) || !visible(e.t)) return;
    const [x1, y1] = toScreen(e.s), [x2, y2] = toScreen(e.t), d = Math.hypot((x1 + x2) / 2 - px, (y1 + y2) / 2 - py);
    if (d < bd) { bd = d; best = e; } }); return best; }
  const esc = s => String(s == null ? '' : s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  const rel = e => '<p><b>' + esc(e.s.name) + ' ' + esc(e.type) + ' ' + esc(e.t.name) + '</b>' + (e.date ? ' <span class="d">' + esc(e.date) + '</span>' : '') + '<br>' + esc(e.evidence) + '</p>';
  let drag = null, last = null;
  canvas.onmousedown = ev => { drag = nodeAt(ev.clientX, ev.clientY) || 'pan'; last = [ev.clientX, ev.clientY]; };
  onmouseup = () => { drag = null; };
  canvas.onmousemove = ev => {
    if (drag) { const dx = ev.clientX - last[0], dy = ev.clientY - last[1]; last = [ev.clientX, ev.clientY];
      if (drag === 'pan') { ox += dx; oy += dy; } else { drag.x += dx / scale; drag.y += dy / scale; } draw(); return; }
    const n = nodeAt(ev.clientX, ev.clientY), e = n ? null : edgeAt(ev.clientX, ev.clientY);
    if (!n && !e) { tip.style.display = 'none'; return; }
    let h = '';
    if (n) { h = '<h4>' + esc(n.name) + '</h4><div class="d">' + esc(n.type) + (n.title ? ' · ' + esc(n.title) : '') + '</div>';
      if (n.aliases.length) h += '<p class="d">also: ' + esc(n.aliases.join('; ')) + '</p>';
      edges.filter(x => x.s === n || x.t === n).slice(0, 6).forEach(x => { h += rel(x); });
      n.quotes.forEach(q => { h += '<p>“' + esc(q) + '”</p>'; }); }
    else h = rel(e);
    tip.innerHTML = h; tip.style.display = 'block';
    tip.style.left = Math.min(ev.clientX + 12, innerWidth - 440) + 'px'; tip.style.top = (ev.clientY + 12) + 'px';
  };
  canvas.onwheel = ev => { ev.preventDefault(); scale *= ev.deltaY < 0 ? 1.1 : 0.9; draw(); };
  document.getElementById('q').oninput = ev => { const q = ev.target.value.trim().toLowerCase();
    found = q ? data.nodes.find(n => n.name.toLowerCase().includes(q) || n.aliases.some(a => a.toLowerCase().includes(q))) : null;
    if (found) { ox = innerWidth / 2 - found.x * scale; oy = innerHeight / 2 - found.y * scale; } draw(); };
})();
</script></body></html>
"""
