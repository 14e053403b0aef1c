"""GraphML for Gephi (and networkx, igraph): scalar attributes only, unique edge ids.

Gephi matches keys by ``attr.name``: node ``label`` is the display name, edge ``label``
the relation type, ``type`` the primary label to partition by, ``color`` one ``#RRGGBB``
per type (the palette shared with ``cypher/style.grass``), ``size`` from degree, edge
``weight`` the number of evidences. Lists become ``; ``-joined strings: GraphML list
types are not portable and networkx refuses them.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ...ontology import PALETTE, primary_label

LIST_SEPARATOR = "; "


class GraphmlExportError(ValueError):
    """A value GraphML cannot hold."""


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, (str, int, float, bool)):
        return value
    raise GraphmlExportError(f"GraphML cannot hold a {type(value).__name__} attribute")


class GraphmlWriter:
    """Builds the Gephi-shaped copy of a kg graph and writes it with networkx."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def gephi_graph(self) -> nx.MultiDiGraph:
        g = self.graph
        out = nx.MultiDiGraph()
        degree = dict(g.degree())
        for node_id, data in sorted(g.nodes(data=True)):
            labels = data.get("labels", [])
            kind = primary_label(labels)
            attrs = {k: _scalar(v) for k, v in data.items() if v is not None and k != "labels"}
            attrs.update(label=str(data.get("name") or data.get("title") or data.get("text", node_id))[:120],
                         type=kind, labels=";".join(labels), color=PALETTE.get(kind, "#999999"),
                         size=float(4 + 2 * degree.get(node_id, 0)))
            out.add_node(node_id, **attrs)
        for source, target, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[2]):
            attrs = {k: _scalar(v) for k, v in data.items() if v is not None and k != "type"}
            attrs.update(id=key, label=data["type"], weight=float(data.get("weight", 1.0)))
            out.add_edge(source, target, key=key, **attrs)
        return out

    def write(self, path: Path, gephi: nx.MultiDiGraph | None = None) -> None:
        nx.write_graphml(gephi if gephi is not None else self.gephi_graph(), path,
                         edge_id_from_attribute="id", named_key_ids=False)


def write_graphml(graph: nx.MultiDiGraph, path: Path, gephi: nx.MultiDiGraph | None = None) -> None:
    """Write ``graph`` as Gephi-ready GraphML (``gephi``: its Gephi-shaped copy, if made)."""
    GraphmlWriter(graph).write(Path(path), gephi)
