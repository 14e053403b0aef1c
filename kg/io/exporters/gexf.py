"""GEXF with time, for Gephi's timeline: dated relations carry ``start`` (Gephi reads
dynamic graphs from GEXF, not GraphML). Attributes are the GraphML export's, scalar only."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from .graphml import GraphmlWriter


class GexfWriter:
    """Writes the Gephi-shaped graph as dynamic GEXF."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def gephi_graph(self, static: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
        """The GraphML export's graph made dynamic; ``static``, when given, is changed in place."""
        g = static if static is not None else GraphmlWriter(self.graph).gephi_graph()
        g.graph["mode"] = "dynamic"
        g.graph["timeformat"] = "date"
        for _, _, data in g.edges(data=True):
            date = data.pop("date", None)
            if isinstance(date, str) and len(date) >= 4:
                # "2026-01", "2026" -> their first day, so Gephi can place them
                data["start"] = {4: date + "-01-01", 7: date + "-01"}.get(len(date), date[:10])
        return g

    def write(self, path: Path, gephi: nx.MultiDiGraph | None = None) -> None:
        nx.write_gexf(self.gephi_graph(gephi), path)


def write_gexf(graph: nx.MultiDiGraph, path: Path, gephi: nx.MultiDiGraph | None = None) -> None:
    """Write ``graph`` as dynamic GEXF (dated relations get ``start``). ``gephi``, the GraphML
    export's graph if already made, is reused and changed in place."""
    GexfWriter(graph).write(Path(path), gephi)
