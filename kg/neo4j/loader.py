"""Load a kg graph into Neo4j over Bolt with the official driver.

Schema first, then the load plan of ``cypher/load/`` in ``UNWIND $rows`` batches, one
managed write transaction per batch (the driver retries transient errors). Every write is a
MERGE on a stable id, so a second load creates nothing. A batch that fails stops the load
with the batch named; batches before it are committed and a rerun completes the graph.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import networkx as nx

from . import dialects
from .cypher import LoadStep, batches, load_plan, stream_plan
from ..errors import EnvironmentFault

DEFAULT_BATCH = 500
CONNECT_TIMEOUT = 10.0


@dataclass
class LoadReport:
    """What a load wrote."""

    dialect: str = ""
    batches: int = 0
    rows: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    seconds: float = 0.0
    steps: dict[str, int] = field(default_factory=dict)

    def add(self, counters, rows: int, step: str) -> None:
        """Count one committed batch."""
        self.batches += 1
        self.rows += rows
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        self.steps[step] = self.steps.get(step, 0) + rows

    def summary(self) -> str:
        return (f"loaded: {self.rows} rows in {self.batches} batches ({self.dialect}); "
                f"created {self.nodes_created} nodes, {self.relationships_created} relationships; "
                f"{self.seconds:.2f} s")


def connect(uri: str, user: str, password: str):
    """An open, verified driver; environment faults become one clear line (exit 2)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

    try:
        driver = GraphDatabase.driver(uri, auth=(user, password),
                                      connection_timeout=CONNECT_TIMEOUT,
                                      max_transaction_retry_time=15.0)
    except (ValueError, ConfigurationError) as exc:
        raise EnvironmentFault("E201", uri=uri, reason=str(exc).splitlines()[0]) from None
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise EnvironmentFault("E202", uri=uri, user=user) from None
    except (ServiceUnavailable, OSError) as exc:
        driver.close()
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise EnvironmentFault("E201", uri=uri, reason=reason) from None
    except Exception as exc:  # noqa: BLE001 - any other handshake failure is environmental
        driver.close()
        if "auth" in str(exc).lower():
            raise EnvironmentFault("E202", uri=uri, user=user) from None
        raise EnvironmentFault("E201", uri=uri, reason=str(exc).splitlines()[0]) from None
    return driver


class Loader:
    """Runs the schema and load plan against one driver."""

    def __init__(self, driver, database: Optional[str] = None, batch_size: int = DEFAULT_BATCH):
        self.driver = driver
        self.database = database
        self.batch_size = max(1, batch_size)
        with self._session() as session:
            self.dialect = dialects.detect(session)

    def _session(self):
        return self.driver.session(database=self.database) if self.database else self.driver.session()

    def apply_schema(self) -> None:
        for statement in dialects.schema(self.dialect):
            try:
                with self._session() as session:
                    session.run(statement).consume()
            except Exception:  # noqa: BLE001
                if self.dialect == dialects.NEO4J:
                    raise
                # FalkorDB: the index exists already

    def load(self, graph: nx.MultiDiGraph) -> LoadReport:
        """Load a graph held in memory."""
        return self.load_steps(load_plan(graph))

    def load_file(self, paths: Path | list[Path]) -> LoadReport:
        """Load a ``graph.jsonl`` file (or its partitions) streaming, in bounded memory."""
        return self.load_steps(stream_plan(paths, self.batch_size))

    def load_steps(self, steps: Iterable[LoadStep]) -> LoadReport:
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        start = time.perf_counter()
        report = LoadReport(dialect=self.dialect)
        self.apply_schema()
        numbers: dict[str, int] = {}
        for step in steps:
            for batch in batches(step.rows, self.batch_size):
                rows = dialects.params(self.dialect, batch)
                try:
                    for part in dialects.fit(self.dialect, step.statement, rows):
                        numbers[step.name] = numbers.get(step.name, 0) + 1
                        with self._session() as session:
                            counters = session.execute_write(_run_batch, step.statement, part)
                        report.add(counters, len(part), step.name)
                except (Neo4jError, ServiceUnavailable, SessionExpired, OSError,
                        dialects.RowTooLarge) as exc:
                    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                    raise EnvironmentFault("E203", batch=numbers.get(step.name, 0), what=step.name,
                                           reason=reason) from None
        report.seconds = time.perf_counter() - start
        return report


def _run_batch(tx, statement: str, rows: list[dict]):
    return tx.run(statement, rows=rows).consume().counters


def load_graph(graph: nx.MultiDiGraph, **options) -> LoadReport:
    """Load a graph held in memory (options as ``_with_loader``)."""
    return _with_loader(lambda loader: loader.load(graph), **options)


def load_jsonl(paths: Path | list[Path], **options) -> LoadReport:
    """Load a built folder's ``graph.jsonl`` (or its ``graph/`` partitions) streaming
    (bounded memory, any graph size)."""
    return _with_loader(lambda loader: loader.load_file(paths), **options)


def _with_loader(run, *, uri: str, user: str, password: str, database: Optional[str] = None,
                 batch_size: int = DEFAULT_BATCH, driver=None) -> LoadReport:
    """Run ``run(loader)``; opens (and closes) its own driver unless one is given."""
    own = driver is None
    driver = driver or connect(uri, user, password)
    try:
        return run(Loader(driver, database, batch_size))
    finally:
        if own:
            driver.close()
