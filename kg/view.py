"""``kg view``: one self-contained HTML page of the graph that works offline.

The page inlines its data (JSON) and its renderer: sigma.js over graphology with a
ForceAtlas2 layout in a web worker, bundled into ``kg/static/kg-view.js`` from ``viewer/``
by ``scripts/build_view_bundle.sh`` (licences in ``kg/static/THIRD_PARTY_LICENSES.txt``).
No network request of any kind. Edges are arrows coloured by relation category, nodes are
sized by degree and coloured by type; clicking shows evidence; filters by entity type,
relation type, article or source and dates. A big graph (over ``BIG_RELATIONS``) comes laid
out from here (``layout``) and is drawn with lines, arrows only for the relations in focus.
"""
from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path

import networkx as nx
import numpy as np

from .ontology import CORE_RELATIONS, ENTITY_LABELS, EXTRA_RELATIONS, PALETTE, primary_label

#: Edge colours per relation category (PLOVER, from the ontology); structural relations
#: (HOLDS_OFFICE, PART_OF...) stay light so the events carry the story.
CATEGORY_COLORS = {
    "ASSAULT": "#B2182B", "COERCE": "#D6604D", "ARREST": "#762A83", "ACCUSE": "#C51B7D",
    "THREATEN": "#8C510A", "INVESTIGATE": "#2166AC", "DEMAND": "#35978F", "PROTEST": "#1B7837",
    "MOBILIZE": "#E08214", "structural": "#B0B0B0",
}
#: The category of a relation type the ontology leaves without one.
STRUCTURAL = "structural"

#: Relation types that are not between two entities (a quote, an article's mentions).
NOT_ENTITY_RELATIONS = ("SAID", "MENTIONS")


def relation_category(relation_type: str) -> str:
    """The relation type's category in the ontology, or ``structural``."""
    category = {**CORE_RELATIONS, **EXTRA_RELATIONS}.get(relation_type)
    return category if category in CATEGORY_COLORS else STRUCTURAL


#: Over this many relations the page is "big": positions come from Python (`layout`), edges
#: are plain lines, and the browser skips the ForceAtlas2 animation and edge picking. In
#: software WebGL (headless, no GPU) every frame of 20,000 arrows costs seconds.
BIG_RELATIONS = 5000


def components(n: int, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Each node's connected component, numbered 0.. (union-find, edges as index arrays)."""
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for s, t in zip(source.tolist(), target.tolist()):
        a, b = find(s), find(t)
        if a != b:
            parent[a] = b
    return np.unique([find(i) for i in range(n)], return_inverse=True)[1].reshape(-1)


def layout(n: int, source, target, iterations: int = 50, sample: int = 16, seed: int = 42) -> np.ndarray:
    """Positions (n x 2) for n nodes and edges source[i] -> target[i]: Fruchterman-Reingold
    run on every connected component at once, each node pushed by ``sample`` random members
    of its own component (the sampled sum estimates the full one: linear time, no Barnes-Hut
    tree), then components packed in rows, biggest first. Deterministic for a seed."""
    rng = np.random.default_rng(seed)
    source = np.asarray(source, dtype=np.int64)
    target = np.asarray(target, dtype=np.int64)
    if n == 0:
        return np.zeros((0, 2))
    comp = components(n, source, target)
    sizes = np.bincount(comp)
    members = np.argsort(comp, kind="stable")  # nodes grouped by component
    start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    size = sizes[comp].astype(float)[:, None]
    pos = rng.uniform(-1, 1, (n, 2)) * np.sqrt(size)
    temperature = np.sqrt(size) / 4
    cooling = 0.02 ** (1 / iterations)
    for _ in range(iterations):
        # repulsion 1/d from `sample` members of the node's component (itself counts 0)
        others = members[start[comp][:, None] + (rng.random((n, sample)) * sizes[comp][:, None]).astype(np.int64)]
        delta = pos[:, None, :] - pos[others]
        d2 = (delta ** 2).sum(-1) + 1e-6
        d2[others == np.arange(n)[:, None]] = np.inf
        move = (delta / d2[..., None]).sum(1) * (size / sample)
        # attraction d^2 along the edges
        e = pos[target] - pos[source]
        f = e * np.sqrt((e ** 2).sum(-1))[:, None]
        for k in (0, 1):
            move[:, k] += np.bincount(source, f[:, k], n) - np.bincount(target, f[:, k], n)
        length = np.sqrt((move ** 2).sum(-1))[:, None] + 1e-9
        pos += move / length * np.minimum(length, temperature)
        temperature *= cooling
    # pack: each component's box in rows about as wide as the biggest one, which comes first
    order = np.argsort(-sizes, kind="stable")
    lo = np.full((len(sizes), 2), np.inf)
    hi = np.full((len(sizes), 2), -np.inf)
    np.minimum.at(lo, comp, pos)
    np.maximum.at(hi, comp, pos)
    extent = hi - lo + 2  # a gap of 2 (about two edge lengths)
    width = max(extent[order[0], 0], np.sqrt((extent[:, 0] * extent[:, 1]).sum()))
    offset = np.zeros((len(sizes), 2))
    x = y = row = 0.0
    for i, c in enumerate(order):
        if x > 0 and (i == 1 or x + extent[c, 0] > width):  # the biggest has its own row
            x, y, row = 0.0, y + row, 0.0
        offset[c] = (x, y)
        x += extent[c, 0]
        row = max(row, extent[c, 1])
    return pos - lo[comp] + offset[comp]


def view_data(graph: nx.MultiDiGraph) -> dict:
    """Entities, relations between them and articles, as the page draws them."""
    quotes: dict[str, list[dict]] = {}
    mentioned_in: dict[str, set[str]] = {}
    articles = []
    for node, d in sorted(graph.nodes(data=True)):
        if primary_label(d.get("labels", [])) == "Article":
            articles.append({"id": d.get("article_id", node), "title": d.get("title", ""),
                             "source": d.get("source", ""), "date": d.get("date", "")})
    for s, t, d in graph.edges(data=True):
        if d.get("type") == "SAID":
            quotes.setdefault(s, []).append({"text": graph.nodes[t].get("text", ""),
                                             "article": d.get("article", "")})
        elif d.get("type") == "MENTIONS":
            mentioned_in.setdefault(t, set()).add(d.get("article", ""))
    entities = {node: d for node, d in graph.nodes(data=True)
                if primary_label(d.get("labels", [])) in ENTITY_LABELS}
    edges = []
    for s, t, key, d in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        if s in entities and t in entities and d.get("type") not in NOT_ENTITY_RELATIONS:
            edges.append({"id": key, "source": s, "target": t, "type": d["type"],
                          "category": relation_category(d["type"]),
                          "evidence": d.get("evidence", ""), "date": d.get("date", ""),
                          "article": d.get("article", "")})
    degree = dict.fromkeys(entities, 0)
    for e in edges:
        for end in (e["source"], e["target"]):
            degree[end] += 1
            # an entity is in the articles that mention it and those its relations come from
            mentioned_in.setdefault(end, set()).add(e["article"])
    nodes = []
    for node, d in sorted(entities.items()):
        own = mentioned_in.get(node, set())
        nodes.append({"id": node, "name": d.get("name", node), "type": primary_label(d.get("labels", [])),
                      "title": d.get("title", ""), "aliases": sorted(set(d.get("aliases", [])) - {d.get("name")}),
                      "quotes": quotes.get(node, [])[:5], "mentions": d.get("mentions", 1),
                      "degree": degree[node], "articles": sorted(a for a in own if a)})
    big = len(edges) > BIG_RELATIONS
    if big:  # positions from here: the first frame is already laid out
        index = {n["id"]: i for i, n in enumerate(nodes)}
        xy = layout(len(nodes), [index[e["source"]] for e in edges], [index[e["target"]] for e in edges])
        for n, (x, y) in zip(nodes, np.round(xy, 2).tolist()):
            n["x"], n["y"] = x, -y  # rows downwards on screen: sigma's y points up
    return {"nodes": nodes, "edges": edges, "articles": articles, "big": big,
            "palette": {k: v for k, v in PALETTE.items() if k in ENTITY_LABELS},
            "categories": CATEGORY_COLORS}


#: JSON inside a <script> element: "<", ">" and "&" as \u escapes (no "</script>" or
#: "<!--" can end or bend the element), and the line separators JavaScript once refused.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                             "\u2028": "\\u2028", "\u2029": "\\u2029"})


def view_bundle() -> str:
    """The renderer's JavaScript (kg/static/kg-view.js, no "</script" in it: the build checks)."""
    return resources.files("kg").joinpath("static/kg-view.js").read_text(encoding="utf-8")


def render_view(graph: nx.MultiDiGraph, title: str = "kg graph") -> str:
    """The page's HTML text."""
    data = json.dumps(view_data(graph), ensure_ascii=False).translate(SCRIPT_SAFE)
    return (PAGE.replace("__TITLE__", html.escape(title)).replace("__DATA__", data, 1)
            .replace("__SCRIPT__", view_bundle(), 1))


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
 * { box-sizing: border-box; }
 body { margin: 0; font: 13px/1.4 system-ui, sans-serif; background: #fff; color: #222; overflow: hidden; }
 #side { position: fixed; top: 0; left: 0; bottom: 0; width: 260px; overflow-y: auto; padding: 10px 12px;
         border-right: 1px solid #ddd; background: #fafafa; }
 #side h1 { font-size: 15px; margin: 0 0 8px; } #side h3 { font-size: 12px; margin: 12px 0 4px; color: #555;
         text-transform: uppercase; letter-spacing: .04em; }
 #side label { display: flex; align-items: center; gap: 5px; margin: 1px 0; cursor: pointer; }
 #search { width: 100%; padding: 5px 7px; font: inherit; border: 1px solid #bbb; border-radius: 4px; }
 #matches { list-style: none; margin: 2px 0 0; padding: 0; }
 #matches button { display: flex; gap: 5px; align-items: center; width: 100%; text-align: left; border: 0;
         background: none; padding: 3px 4px; font: inherit; cursor: pointer; } #matches button:hover { background: #e8eefc; }
 #counts { color: #555; margin: 6px 0; } #fit { font: inherit; margin-bottom: 4px; } #scope { width: 100%; font: inherit; }
 .sw { display: inline-block; flex: none; width: 10px; height: 10px; border-radius: 50%; }
 #dates input[type=range] { width: 100%; margin: 2px 0; } #date-range { color: #555; }
 #graph { position: fixed; top: 0; left: 260px; right: 0; bottom: 0; }
 #panel { position: fixed; top: 10px; right: 10px; bottom: 10px; width: 380px; overflow-y: auto; background: #fff;
         border: 1px solid #ccc; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.15); padding: 10px 14px; z-index: 2; }
 #panel[hidden] { display: none; }
 #panel-close { float: right; border: 0; background: none; font-size: 18px; cursor: pointer; }
 #panel h2 { font-size: 16px; margin: 0 0 2px; } #panel h3 { font-size: 13px; margin: 12px 0 4px; }
 #panel ul { list-style: none; margin: 0; padding: 0; } #panel li { margin: 0 0 10px; }
 #panel .meta, #panel .article { color: #666; font-size: 12px; }
 #panel .sentence { font-weight: 600; color: #111; text-decoration: none; display: flex; gap: 5px; align-items: center; }
 #panel blockquote { margin: 3px 0; padding-left: 8px; border-left: 3px solid #ddd; }
 mark.source { background: #ffe08a; } mark.target { background: #bfe3ff; }
</style></head>
<body>
<nav id="side">
 <h1>__TITLE__</h1>
 <input id="search" type="search" placeholder="Find an entity" aria-label="Find an entity" autocomplete="off">
 <ul id="matches"></ul>
 <div id="counts"></div>
 <button id="fit" type="button">Fit the graph</button>
 <label><input id="show-unconnected" type="checkbox"><span>show unconnected entities (<span id="unconnected-count"></span>)</span></label>
 <h3>Article or source</h3>
 <select id="scope" aria-label="Article or source"><option value="">All articles</option></select>
 <div id="dates"><h3>Dates</h3>
  <div id="date-range"></div>
  <input id="date-from" type="range" min="0" max="0" value="0" aria-label="From date">
  <input id="date-to" type="range" min="0" max="0" value="0" aria-label="To date">
  <label><input id="undated" type="checkbox" checked><span>undated relations</span></label></div>
 <h3>Entity types</h3><div id="entity-types"></div>
 <h3>Relation types</h3><div id="relation-types"></div>
</nav>
<main id="graph"></main>
<aside id="panel" hidden><button id="panel-close" type="button" aria-label="Close">×</button><div id="panel-body"></div></aside>
<script id="data" type="application/json">__DATA__</script>
<script>__SCRIPT__</script>
</body></html>
"""
