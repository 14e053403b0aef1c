/**
 * The `kg view` page: sigma.js over a graphology graph, read from the inline JSON block
 * `<script id="data">` that kg/view.py writes. No network request: everything is inline,
 * and the layout worker is started from a Blob of inline code.
 */
import Graph from "graphology";
import Sigma from "sigma";
import workerSource from "../build/layout-worker.txt";
import { EdgeLineProgram } from "sigma/rendering";

const FADED = "#e4e4e4";
let zoomRatio = 1; // the camera's, kept here because the reducers run inside sigma's constructor
const MAX_ROWS = 200; // relations listed in a panel: a hub of a big graph has thousands
const ZOOMED_IN = 0.45; // camera ratio under which edge labels show without hover

const data = JSON.parse(document.getElementById("data").textContent);
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- the graph

const graph = new Graph({ type: "directed", multi: true });
const articles = new Map(data.articles.map((a) => [a.id, a]));
const random = mulberry32(42); // a seeded start: the same page gives the same picture

// Big graphs (over 5,000 relations: kg/view.py's BIG_RELATIONS) come laid out by kg/view.py.
// In software WebGL (headless, no GPU) a frame of 10,000 entities and 20,000 relations costs
// about a second whatever it shows, so a big graph draws 1-pixel lines (arrows only for the
// relations in focus) and fewer labels, has no edge picking, no ForceAtlas2 animation, no
// redraw on hover, and shows a panel before it redraws the graph.
const BIG = !!data.big;

data.nodes.forEach((n) => {
  graph.addNode(n.id, {
    x: n.x !== undefined ? n.x : random() * 100, y: n.y !== undefined ? n.y : random() * 100,
    size: 4 + 2.5 * Math.sqrt(n.degree),
    label: n.name, color: data.palette[n.type] || "#999",
    // the page's own fields, not read by sigma
    entity: n, articleSet: new Set(n.articles),
  });
});
data.edges.forEach((e, i) => {
  graph.addEdgeWithKey(e.id || "e" + i, e.source, e.target, {
    type: BIG ? "line" : "arrow", size: 2.5, color: data.categories[e.category] || "#bbb",
    label: e.type, relation: e,
  });
});

// ---------------------------------------------------------------- state and filters

const state = {
  hiddenTypes: new Set(), hiddenRelations: new Set(), scope: "", // "" | "article:ID" | "source:NAME"
  dates: [...new Set(data.edges.map((e) => e.date).filter(Boolean))].sort(),
  from: 0, to: 0, undated: true, showUnconnected: false,
  selectedNode: null, selectedEdge: null, hoveredNode: null, hoveredEdge: null,
  visibleNodes: new Set(), visibleEdges: new Set(), unconnected: 0, neighbours: new Set(),
};
state.to = Math.max(0, state.dates.length - 1);

function inScope(articleId) {
  if (!state.scope) return true;
  const [kind, value] = splitOnce(state.scope, ":");
  if (kind === "article") return articleId === value;
  const article = articles.get(articleId);
  return (article && article.source) === value;
}

function edgePasses(e) {
  if (state.hiddenRelations.has(e.type) || !inScope(e.article)) return false;
  if (!e.date) return state.undated;
  return e.date >= state.dates[state.from] && e.date <= state.dates[state.to];
}

function nodePasses(key) {
  const a = graph.getNodeAttributes(key);
  if (state.hiddenTypes.has(a.entity.type)) return false;
  return !state.scope || [...a.articleSet].some(inScope);
}

/** Which nodes and edges the filters keep; an entity shows if it has a shown relation,
 * or if unconnected entities are asked for. */
function computeVisibility() {
  const nodes = new Set(), edges = new Set(), connected = new Set();
  graph.forEachNode((key) => { if (nodePasses(key)) nodes.add(key); });
  graph.forEachEdge((key, a, s, t) => {
    if (nodes.has(s) && nodes.has(t) && edgePasses(a.relation)) {
      edges.add(key); connected.add(s); connected.add(t);
    }
  });
  state.unconnected = 0;
  nodes.forEach((key) => {
    if (connected.has(key)) return;
    state.unconnected++;
    if (!state.showUnconnected) nodes.delete(key);
  });
  state.visibleNodes = nodes; state.visibleEdges = edges;
  $("counts").textContent = `${nodes.size} of ${graph.order} entities · ${edges.size} of ${graph.size} relations`;
  $("unconnected-count").textContent = String(state.unconnected);
}

function applyFilters() {
  computeVisibility();
  if (state.selectedNode && !state.visibleNodes.has(state.selectedNode)) select(null);
  if (state.selectedEdge && !state.visibleEdges.has(state.selectedEdge)) select(null);
  fitToVisible();
  renderer.refresh();
}

// ---------------------------------------------------------------- rendering

computeVisibility(); // before sigma: its constructor draws the first frame, already filtered
const renderer = new Sigma(graph, $("graph"), {
  defaultEdgeType: "arrow",
  edgeProgramClasses: { line: EdgeLineProgram }, // gl.LINES: the cheapest edge there is
  hideEdgesOnMove: BIG,
  renderEdgeLabels: true,
  enableEdgeEvents: !BIG,
  labelFont: "system-ui, sans-serif", edgeLabelFont: "system-ui, sans-serif",
  labelSize: 13, edgeLabelSize: 11, labelWeight: "500",
  edgeLabelColor: { color: "#444" },
  // dense labels: a news graph is read by its names; sigma's grid still keeps them apart
  // (a big graph labels its hubs, and more entities as one zooms in)
  labelDensity: BIG ? 0.7 : 1.5, labelGridCellSize: 60, labelRenderedSizeThreshold: BIG ? 8 : 4,
  zIndex: true, stagePadding: 40,
  nodeReducer, edgeReducer,
});
// the constructor drew the first frame; the next animation frame comes once it is on screen
requestAnimationFrame(() => { document.body.dataset.rendered = "true"; });

function nodeReducer(key, attrs) {
  if (!state.visibleNodes.has(key)) return { ...attrs, hidden: true };
  const out = { ...attrs };
  if (state.selectedNode || state.selectedEdge) {
    if (state.neighbours.has(key)) { out.forceLabel = true; out.zIndex = 1; }
    else { out.color = FADED; out.label = ""; out.zIndex = 0; }
  }
  if (key === state.selectedNode || key === state.hoveredNode) { out.highlighted = true; out.forceLabel = true; }
  return out;
}

function edgeReducer(key, attrs) {
  if (!state.visibleEdges.has(key)) return { ...attrs, hidden: true };
  const out = { ...attrs };
  const [s, t] = graph.extremities(key);
  const touchesHover = state.hoveredNode && (s === state.hoveredNode || t === state.hoveredNode);
  const inFocus = key === state.selectedEdge || key === state.hoveredEdge ||
    (state.selectedNode && (s === state.selectedNode || t === state.selectedNode));
  if ((state.selectedNode || state.selectedEdge) && !inFocus) {
    out.color = FADED; out.label = null; out.zIndex = 0;
  } else if (inFocus || touchesHover) {
    out.forceLabel = true; out.size = 4; out.zIndex = 1;
    if (BIG) out.type = "arrow"; // the few relations in focus show their direction
  } else if (zoomRatio > ZOOMED_IN) {
    out.label = null; // at overview zoom, edge labels only on hover or selection
  }
  return out;
}

renderer.on("enterNode", ({ node }) => { state.hoveredNode = node; if (!BIG) refresh(); });
renderer.on("leaveNode", () => { state.hoveredNode = null; if (!BIG) refresh(); });
renderer.on("enterEdge", ({ edge }) => { state.hoveredEdge = edge; refresh(); });
renderer.on("leaveEdge", () => { state.hoveredEdge = null; refresh(); });
renderer.on("clickNode", ({ node }) => select({ node }));
renderer.on("clickEdge", ({ edge }) => select({ edge }));
renderer.on("clickStage", () => select(null));
renderer.getCamera().on("updated", ({ ratio }) => {
  const crossed = (ratio > ZOOMED_IN) !== (zoomRatio > ZOOMED_IN);
  zoomRatio = ratio;
  if (crossed) refresh();
});

/** Re-run the reducers (highlight, fade, labels) at the next frame. On a big graph, after
 * the next frame: the panel and the search list show at once, the graph follows. */
let redraw = null; // the pending big-graph redraw: functions to run before it
function refresh(before) {
  if (!BIG) {
    if (before) before();
    renderer.scheduleRefresh();
    return;
  }
  if (!redraw) {
    redraw = [];
    requestAnimationFrame(() => setTimeout(() => {
      const todo = redraw;
      redraw = null;
      todo.forEach((f) => f());
      renderer.refresh();
    }, 0));
  }
  if (before) redraw.push(before);
}

/** Frame the visible entities: the hidden unconnected ones must not shrink the story. */
function fitToVisible() {
  if (state.showUnconnected || state.visibleNodes.size === 0) { renderer.setCustomBBox(null); return; }
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  state.visibleNodes.forEach((key) => {
    const { x, y } = graph.getNodeAttributes(key);
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  });
  if (x0 === x1) { x0 -= 1; x1 += 1; }
  if (y0 === y1) { y0 -= 1; y1 += 1; }
  renderer.setCustomBBox({ x: [x0, x1], y: [y0, y1] });
}

// ---------------------------------------------------------------- layout (ForceAtlas2 in a worker)

/** Connected entities go to ForceAtlas2; unconnected ones wait on a shelf below the story. */
function startLayout() {
  const linked = graph.filterNodes((key) => graph.degree(key) > 0);
  const alone = graph.filterNodes((key) => graph.degree(key) === 0);
  const index = new Map(linked.map((key, i) => [key, i]));
  const xy = new Float32Array(linked.length * 2);
  linked.forEach((key, i) => { const a = graph.getNodeAttributes(key); xy[2 * i] = a.x; xy[2 * i + 1] = a.y; });
  const edges = new Uint32Array(graph.size * 2);
  let i = 0;
  graph.forEachEdge((key, a, s, t) => { edges[i++] = index.get(s); edges[i++] = index.get(t); });
  const n = linked.length;
  // bounded work: about a second of worker time on the dev corpus and on 10,000 entities
  const iterations = n < 1000 ? 800 : n < 5000 ? 300 : 120;
  // strong gravity packs the many small components of a corpus (one story per article)
  const settings = { barnesHutOptimize: n > 1000, strongGravityMode: true, gravity: 0.4,
                     scalingRatio: 10, slowDown: 1 + Math.log(Math.max(n, 1)) };
  const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" })));
  worker.onmessage = ({ data: msg }) => {
    const shelf = shelfPositions(alone, msg.xy);
    graph.updateEachNodeAttributes((key, a) => {
      const j = index.get(key);
      if (j !== undefined) { a.x = msg.xy[2 * j]; a.y = msg.xy[2 * j + 1]; }
      else if (shelf.has(key)) { [a.x, a.y] = shelf.get(key); }
      return a;
    }, { attributes: ["x", "y"] });
    fitToVisible();
    if (msg.done) { worker.terminate(); document.body.dataset.layout = "done"; }
  };
  const every = 40; // ms of layout between two pictures
  worker.postMessage({ xy, edges, iterations, settings, every }, [xy.buffer, edges.buffer]);
}

/** Rows of unconnected entities under the laid-out ones (xy: their flat positions). */
function shelfPositions(alone, xy) {
  let x0 = 0, x1 = 100, y0 = 0;
  if (xy.length) {
    x0 = Infinity; x1 = -Infinity; y0 = Infinity;
    for (let i = 0; i < xy.length; i += 2) {
      x0 = Math.min(x0, xy[i]); x1 = Math.max(x1, xy[i]); y0 = Math.min(y0, xy[i + 1]);
    }
  }
  const columns = Math.ceil(Math.sqrt(alone.length * 3));
  const step = Math.max((x1 - x0) / columns, 1);
  return new Map(alone.map((key, i) => [key, [x0 + (i % columns) * step, y0 - step * (2 + Math.floor(i / columns))]]));
}

// ---------------------------------------------------------------- selection and the panel

function select(target) {
  state.selectedNode = target && target.node || null;
  state.selectedEdge = target && target.edge || null;
  state.neighbours = new Set();
  if (state.selectedNode) {
    state.neighbours.add(state.selectedNode);
    graph.forEachEdge(state.selectedNode, (key, a, s, t) => {
      if (state.visibleEdges.has(key)) { state.neighbours.add(s); state.neighbours.add(t); }
    });
    showNode(state.selectedNode);
  } else if (state.selectedEdge) {
    graph.extremities(state.selectedEdge).forEach((k) => state.neighbours.add(k));
    showEdge(state.selectedEdge);
  } else {
    $("panel").hidden = true;
  }
  refresh();
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (k === "class") node.className = v; else node.setAttribute(k, v); });
  children.flat().forEach((c) => { if (c != null && c !== "") node.append(c instanceof Node ? c : String(c)); });
  return node;
}

function nameOf(key) { return graph.getNodeAttributes(key).entity.name; }

/** "ICE SHOT Renee Good, 2026-01-07" */
function sentence(key) {
  const r = graph.getEdgeAttribute(key, "relation");
  return `${nameOf(graph.source(key))} ${r.type} ${nameOf(graph.target(key))}${r.date ? ", " + r.date : ""}`;
}

function articleLine(id) {
  const a = articles.get(id);
  if (!a) return el("div", { class: "article" }, id);
  return el("div", { class: "article" }, a.title || a.id, [a.source, a.date].filter(Boolean).length
    ? ` (${[a.source, a.date].filter(Boolean).join(", ")})` : "");
}

function showNode(key) {
  const n = graph.getNodeAttributes(key).entity;
  const rows = [];
  graph.forEachEdge(key, (edge) => { if (state.visibleEdges.has(edge)) rows.push(edge); });
  rows.sort((a, b) => (graph.getEdgeAttribute(a, "relation").date || "9999").localeCompare(
    graph.getEdgeAttribute(b, "relation").date || "9999"));
  const body = [
    el("h2", null, n.name),
    el("div", { class: "meta" }, [n.type, n.title].filter(Boolean).join(" · ")),
    n.aliases.length ? el("div", { class: "meta" }, "also: " + n.aliases.join("; ")) : null,
    el("h3", null, `Relations (${rows.length})`),
    el("ul", { class: "relations" }, rows.slice(0, MAX_ROWS).map((edge) => {
      const r = graph.getEdgeAttribute(edge, "relation");
      const item = el("li", { "data-edge": edge },
        el("a", { href: "#", class: "sentence" }, el("span", { class: "sw", style: `background:${data.categories[r.category]}` }), sentence(edge)),
        el("blockquote", null, r.evidence), articleLine(r.article));
      item.querySelector("a").onclick = (ev) => { ev.preventDefault(); select({ edge }); };
      return item;
    })),
    rows.length > MAX_ROWS ? el("div", { class: "meta" }, `… and ${rows.length - MAX_ROWS} more`) : null,
  ];
  if (n.quotes.length) {
    body.push(el("h3", null, `Quotes (${n.quotes.length})`),
      el("ul", { class: "quotes" }, n.quotes.map((q) => el("li", null, el("q", null, q.text), articleLine(q.article)))));
  }
  openPanel(body);
}

function showEdge(key) {
  const r = graph.getEdgeAttribute(key, "relation");
  const [s, t] = graph.extremities(key);
  openPanel([
    el("h2", { class: "sentence" }, sentence(key)),
    el("div", { class: "meta" }, `${r.category} · ${r.type}`),
    el("blockquote", { class: "evidence" }, highlight(r.evidence, [[s, "source"], [t, "target"]])),
    articleLine(r.article),
  ]);
}

/** The evidence with each entity's name (or an alias) marked, longest names first. */
function highlight(text, entities) {
  const names = [];
  entities.forEach(([key, role]) => {
    const n = graph.getNodeAttributes(key).entity;
    [n.name, ...n.aliases].forEach((name) => { if (name) names.push([name, role]); });
  });
  names.sort((a, b) => b[0].length - a[0].length);
  const lower = text.toLowerCase();
  const marks = []; // [start, end, role], not overlapping
  names.forEach(([name, role]) => {
    const needle = name.toLowerCase();
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
      if (!marks.some(([a, b]) => i < b && i + needle.length > a)) marks.push([i, i + needle.length, role]);
    }
  });
  marks.sort((a, b) => a[0] - b[0]);
  const out = [];
  let at = 0;
  marks.forEach(([a, b, role]) => { out.push(text.slice(at, a), el("mark", { class: role }, text.slice(a, b))); at = b; });
  out.push(text.slice(at));
  return out;
}

function openPanel(children) {
  const panel = $("panel-body");
  panel.replaceChildren(...children.filter(Boolean));
  $("panel").hidden = false;
}

// ---------------------------------------------------------------- search

function matches(query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const found = [];
  graph.forEachNode((key, a) => {
    const n = a.entity;
    const at = [n.name, ...n.aliases].map((s) => s.toLowerCase().indexOf(q)).filter((i) => i >= 0);
    if (at.length) found.push([Math.min(...at), -n.degree, n.name, key]);
  });
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
  return found.slice(0, 8).map((f) => f[3]);
}

function focusNode(key) {
  if (!state.visibleNodes.has(key)) { // a searched entity is shown even if a filter hid it
    state.hiddenTypes.delete(graph.getNodeAttribute(key, "entity").type);
    syncCheckboxes();
    if (graph.degree(key) === 0) { state.showUnconnected = true; $("show-unconnected").checked = true; }
    applyFilters();
  }
  select({ node: key });
  if (BIG) { // one frame, not an animation of second-long frames
    refresh(() => {
      const at = renderer.getNodeDisplayData(key);
      renderer.getCamera().setState({ x: at.x, y: at.y });
    });
    return;
  }
  // sigma's display data holds framed (camera) coordinates only once the refresh is drawn
  renderer.once("afterRender", () => {
    const at = renderer.getNodeDisplayData(key);
    renderer.getCamera().animate({ x: at.x, y: at.y }, { duration: 300 }); // centred, zoom kept: the neighbours stay in view
  });
}

function renderMatches() {
  const list = $("matches");
  list.replaceChildren(...matches($("search").value).map((key) => {
    const n = graph.getNodeAttribute(key, "entity");
    const button = el("button", { type: "button", "data-node": key }, el("span", { class: "sw", style: `background:${data.palette[n.type]}` }), n.name);
    button.onclick = () => { focusNode(key); list.replaceChildren(); };
    return el("li", null, button);
  }));
}

$("search").addEventListener("input", renderMatches);
$("search").addEventListener("keydown", (ev) => {
  if (ev.key !== "Enter") return;
  const first = matches(ev.target.value)[0];
  if (first) { focusNode(first); $("matches").replaceChildren(); }
});

// ---------------------------------------------------------------- filter controls

function checkbox(label, color, checked, onchange, attrs) {
  const input = el("input", Object.assign({ type: "checkbox" }, attrs));
  input.checked = checked;
  input.onchange = () => onchange(input.checked);
  return el("label", null, input, el("span", { class: "sw", style: `background:${color}` }), label);
}

function countBy(items, keyOf) {
  const counts = new Map();
  items.forEach((x) => counts.set(keyOf(x), (counts.get(keyOf(x)) || 0) + 1));
  return counts;
}

const typeCounts = countBy(data.nodes, (n) => n.type);
$("entity-types").replaceChildren(...Object.keys(data.palette).filter((t) => typeCounts.has(t)).map((type) =>
  checkbox(`${type} (${typeCounts.get(type)})`, data.palette[type], true, (on) => {
    on ? state.hiddenTypes.delete(type) : state.hiddenTypes.add(type); applyFilters();
  }, { "data-entity-type": type })));

function syncCheckboxes() {
  document.querySelectorAll("[data-entity-type]").forEach((box) => { box.checked = !state.hiddenTypes.has(box.dataset.entityType); });
}

const relationCounts = countBy(data.edges, (e) => e.type);
const categoryOf = new Map(data.edges.map((e) => [e.type, e.category]));
$("relation-types").replaceChildren(...[...relationCounts.keys()]
  .sort((a, b) => categoryOf.get(a).localeCompare(categoryOf.get(b)) || a.localeCompare(b))
  .map((type) => checkbox(`${type} (${relationCounts.get(type)})`, data.categories[categoryOf.get(type)], true, (on) => {
    on ? state.hiddenRelations.delete(type) : state.hiddenRelations.add(type); applyFilters();
  }, { "data-relation-type": type, title: categoryOf.get(type) })));

const scope = $("scope");
const sources = [...new Set(data.articles.map((a) => a.source).filter(Boolean))].sort();
if (sources.length) {
  scope.append(el("optgroup", { label: "Sources" }, sources.map((s) => el("option", { value: "source:" + s }, s))));
}
scope.append(el("optgroup", { label: "Articles" }, data.articles.map((a) =>
  el("option", { value: "article:" + a.id }, a.title || a.id))));
scope.onchange = () => { state.scope = scope.value; applyFilters(); };

const from = $("date-from"), to = $("date-to");
if (state.dates.length) {
  [from, to].forEach((input) => { input.max = String(state.dates.length - 1); });
  from.value = "0"; to.value = String(state.dates.length - 1);
  const onDates = () => {
    state.from = Math.min(+from.value, +to.value); state.to = Math.max(+from.value, +to.value);
    $("date-range").textContent = `${state.dates[state.from]} – ${state.dates[state.to]}`;
    applyFilters();
  };
  from.oninput = onDates; to.oninput = onDates;
  $("date-range").textContent = `${state.dates[0]} – ${state.dates[state.dates.length - 1]}`;
} else {
  $("dates").hidden = true;
}
$("undated").onchange = (ev) => { state.undated = ev.target.checked; applyFilters(); };
$("show-unconnected").onchange = (ev) => { state.showUnconnected = ev.target.checked; applyFilters(); };
$("panel-close").onclick = () => select(null);
$("fit").onclick = () => renderer.getCamera().animatedReset({ duration: 300 });

// ---------------------------------------------------------------- start

if (BIG) document.body.dataset.layout = "done"; // laid out by kg/view.py
else startLayout();

/** For tests and the benchmark: state, and where an entity is on the page. */
window.kgView = {
  renderer, graph, state,
  counts: () => ({ nodes: state.visibleNodes.size, edges: state.visibleEdges.size, unconnected: state.unconnected }),
  nodeOnPage(id) {
    const p = renderer.graphToViewport(graph.getNodeAttributes(id));
    const box = $("graph").getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
};

// ---------------------------------------------------------------- helpers

function splitOnce(text, sep) {
  const i = text.indexOf(sep);
  return [text.slice(0, i), text.slice(i + 1)];
}

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
