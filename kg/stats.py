"""``kg stats``: counts, degree and betweenness leaders, components, relations per article."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from .ontology import ENTITY_LABELS, primary_label

TOP = 10


@dataclass
class GraphStats:
    """Summary figures of a built graph."""

    nodes_by_label: Counter = field(default_factory=Counter)
    relations_by_type: Counter = field(default_factory=Counter)
    top_degree: list[tuple[str, int]] = field(default_factory=list)
    top_betweenness: list[tuple[str, float]] = field(default_factory=list)
    components: list[int] = field(default_factory=list)
    relations_per_article: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"nodes_by_label": dict(self.nodes_by_label),
                "relations_by_type": dict(self.relations_by_type),
                "top_degree": self.top_degree, "top_betweenness": self.top_betweenness,
                "components": self.components, "relations_per_article": self.relations_per_article}


def entity_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Entities and the relations between them, undirected and simple (for centrality)."""
    g = nx.Graph()
    for node, data in graph.nodes(data=True):
        if any(l in ENTITY_LABELS for l in data.get("labels", [])):
            g.add_node(node, name=data.get("name", node))
    for s, t, data in graph.edges(data=True):
        if s in g and t in g and s != t:
            g.add_edge(s, t)
    return g


def compute_stats(graph: nx.MultiDiGraph, top: int = TOP) -> GraphStats:
    """Every figure ``kg stats`` prints."""
    stats = GraphStats()
    stats.nodes_by_label = Counter(primary_label(d.get("labels", [])) for _, d in graph.nodes(data=True))
    stats.relations_by_type = Counter(d["type"] for _, _, d in graph.edges(data=True))
    g = entity_graph(graph)
    names = nx.get_node_attributes(g, "name")
    degree = sorted(g.degree(), key=lambda kv: (-kv[1], names[kv[0]]))
    stats.top_degree = [(names[n], d) for n, d in degree[:top] if d > 0]
    if g.number_of_edges():
        k = min(len(g), 500)  # sampled beyond 500 nodes, seeded: stable and linear enough
        between = nx.betweenness_centrality(g, k=k if k < len(g) else None, seed=7)
        ranked = sorted(between.items(), key=lambda kv: (-kv[1], names[kv[0]]))
        stats.top_betweenness = [(names[n], round(b, 4)) for n, b in ranked[:top] if b > 0]
    stats.components = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    per_article = Counter(d.get("article") for _, _, d in graph.edges(data=True)
                          if d["type"] not in ("MENTIONS", "SAID") and d.get("article"))
    stats.relations_per_article = dict(sorted(per_article.items()))
    return stats


def format_stats(stats: GraphStats) -> str:
    """The text ``kg stats`` prints."""
    lines = ["nodes:     " + ", ".join(f"{k} {v}" for k, v in sorted(stats.nodes_by_label.items())),
             "relations: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.relations_by_type.items())),
             "top by degree:"]
    lines += [f"  {d:4d}  {name}" for name, d in stats.top_degree]
    lines.append("top by betweenness:")
    lines += [f"  {b:.3f}  {name}" for name, b in stats.top_betweenness]
    sizes = stats.components
    lines.append(f"connected components: {len(sizes)} (largest {sizes[0] if sizes else 0}, "
                 f"isolated {sum(1 for s in sizes if s == 1)})")
    lines.append("relations per article:")
    lines += [f"  {n:4d}  {a}" for a, n in stats.relations_per_article.items()]
    return "\n".join(lines)
