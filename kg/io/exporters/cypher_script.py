"""One idempotent Cypher script: the schema, then the loader's own statements over
literal ``UNWIND`` batches, for ``cypher-shell -f`` or pasting into Neo4j Browser."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ...neo4j.cypher import batches, cypher_literal, load_plan, schema_statements

SCRIPT_BATCH = 200


class CypherScriptWriter:
    """Writes the load plan as a script; values become escaped Cypher literals."""

    def __init__(self, graph: nx.MultiDiGraph, batch_size: int = SCRIPT_BATCH):
        self.graph = graph
        self.batch_size = batch_size

    def statements(self):
        yield from schema_statements()
        for step in load_plan(self.graph):
            head, _, body = step.statement.partition("\n")
            if not head.startswith("UNWIND $rows AS row"):
                raise ValueError(f"load statement {step.name} must start with UNWIND $rows AS row")
            for batch in batches(step.rows, self.batch_size):
                yield f"UNWIND {cypher_literal(batch)} AS row\n{body}"

    def write(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("// kg graph: run with `cypher-shell -f graph.cypher` or paste into Neo4j Browser.\n")
            fh.write("// Idempotent: every node and relationship is MERGEd on its id.\n")
            for statement in self.statements():
                fh.write(statement.rstrip() + ";\n\n")


def write_cypher_script(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write ``graph`` as an idempotent Cypher script."""
    CypherScriptWriter(graph).write(Path(path))
