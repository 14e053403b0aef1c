"""Loader benchmark: relationships per second, batched UNWIND vs one statement per row,
on the same graph and the same server in one run (FalkorDB's Bolt port, started here).

    python scripts/bench_load.py --articles 30
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from falkordb_server import FalkorServer  # noqa: E402
from neo4j import GraphDatabase  # noqa: E402

from kg.neo4j.loader import Loader  # noqa: E402
from kg.pipeline import build_graph  # noqa: E402


def timed_load(driver, graph, batch_size: int) -> tuple[float, int]:
    with driver.session() as s:
        s.run("MATCH (n) DETACH DELETE n").consume()
    start = time.perf_counter()
    report = Loader(driver, batch_size=batch_size).load(graph)
    return time.perf_counter() - start, report.relationships_created


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", default=str(REPO.parent / "shared" / "corpus" / "dev"))
    args = parser.parse_args()
    graph = build_graph([args.input]).graph
    with tempfile.TemporaryDirectory() as tmp:
        server = FalkorServer(Path(tmp)).start()
        driver = GraphDatabase.driver(server.uri, auth=("falkordb", ""))
        try:
            row_s, rels = timed_load(driver, graph, 1)
            batch_s, rels2 = timed_load(driver, graph, 500)
        finally:
            driver.close()
            server.stop()
    assert rels == rels2
    print(f"graph: {graph.number_of_nodes()} nodes, {rels} relationships")
    print(f"one statement per row: {row_s:.2f} s, {rels / row_s:.0f} relationships/s")
    print(f"batched UNWIND (500, cut to FalkorDB's 4 KiB query limit): {batch_s:.2f} s, {rels / batch_s:.0f} relationships/s")
    print(f"batched / per-row speed-up: {row_s / batch_s:.1f}x")


if __name__ == "__main__":
    main()
