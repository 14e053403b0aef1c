"""Cypher dialects of the servers kg loads into: Neo4j 5 (the target) and FalkorDB.

This is the one place where kg bends for a server that is not Neo4j. The Neo4j path runs
``cypher/`` exactly as written. FalkorDB (used to test the loader over real Bolt, since
no Neo4j server runs on the development machines) differs in three ways, all handled here:

- it has no Cypher constraints or ``IF NOT EXISTS`` indexes: the schema becomes plain
  ``CREATE INDEX FOR (n:Label) ON (n.prop)`` statements, and "already indexed" is fine;
- its Bolt layer splices string parameters into the query text, so every string parameter
  (nested ones too) gets ``\\`` and ``'`` backslash-escaped;
- its Bolt layer crashes on a query whose text, parameters spliced in, passes about 4 KiB
  (seen: 4,038 bytes pass, 4,093 crash the server), so batches are cut to fit;
- the same splicing takes map keys as they are, so a parameter or map key must be an
  identifier, and the parameters must fit the 4 KiB (``check_params``);
- it reports itself as Neo4j in the Bolt agent, so kg tells them apart by asking for
  ``dbms.components()``, which only Neo4j has.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from .cypher import schema_statements

NEO4J = "neo4j"
FALKORDB = "falkordb"


def detect(session) -> str:
    """``NEO4J`` when the server answers ``dbms.components()``, else ``FALKORDB``."""
    try:
        record = session.run("CALL dbms.components() YIELD name RETURN name").single()
        if record and "neo4j" in str(record["name"]).lower():
            return NEO4J
    except Exception:  # noqa: BLE001 - any refusal means "not Neo4j"
        pass
    return FALKORDB


def schema(dialect: str) -> list[str]:
    """Schema statements for the dialect (``cypher/schema.cypher`` on Neo4j)."""
    statements = schema_statements()
    if dialect == NEO4J:
        return statements
    out = []
    for statement in statements:
        # "CREATE CONSTRAINT x IF NOT EXISTS FOR (n:L) REQUIRE n.p IS UNIQUE" and
        # "CREATE INDEX x IF NOT EXISTS FOR (n:L) ON (n.p)" -> "CREATE INDEX FOR (n:L) ON (n.p)"
        match = re.search(r"FOR \((\w+):(\w+)\) (?:REQUIRE \1\.(\w+) IS UNIQUE|ON \(\1\.(\w+)\))", statement)
        if match and "FULLTEXT" not in statement:
            var, label, prop = match.group(1), match.group(2), match.group(3) or match.group(4)
            out.append(f"CREATE INDEX FOR ({var}:{label}) ON ({var}.{prop})")
    return out


def params(dialect: str, value: Any) -> Any:
    """Parameters as the dialect needs them (FalkorDB: escaped strings)."""
    if dialect == NEO4J:
        return value
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, list):
        return [params(dialect, v) for v in value]
    if isinstance(value, dict):
        return {k: params(dialect, v) for k, v in value.items()}
    return value


#: Bytes of query text plus spliced parameters FalkorDB's Bolt layer takes safely.
FALKORDB_QUERY_BUDGET = 3500
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def check_params(dialect: str, value: Any) -> None:
    """Refuse what FalkorDB's Bolt layer would splice into the query text unsafely: a
    parameter or map key that is no identifier (it would become Cypher), or parameters
    too large for one query (they crash the server). Neo4j takes anything."""
    if dialect == NEO4J:
        return

    def keys(v):
        if isinstance(v, dict):
            for k, inner in v.items():
                if not isinstance(k, str) or not IDENTIFIER.match(k):
                    raise ValueError(f"parameter key {str(k)[:40]!r} is not an identifier "
                                     "(letters, digits, _)")
                keys(inner)
        elif isinstance(v, list):
            for inner in v:
                keys(inner)
    keys(value)
    size = len(json.dumps(value, ensure_ascii=False).encode())
    if size > FALKORDB_QUERY_BUDGET:
        raise ValueError(f"parameters of {size} bytes are more than FalkorDB takes in one query "
                         f"({FALKORDB_QUERY_BUDGET})")


class RowTooLarge(ValueError):
    """One row alone is larger than the server can take in one query."""


def fit(dialect: str, statement: str, rows: list[dict]) -> Iterator[list[dict]]:
    """The batch as the server can take it: whole on Neo4j, cut by size on FalkorDB."""
    if dialect == NEO4J:
        yield rows
        return
    budget = FALKORDB_QUERY_BUDGET - len(statement.encode())
    current: list[dict] = []
    size = 0
    for row in rows:
        row_size = len(json.dumps(row, ensure_ascii=False).encode()) + 2
        if row_size > budget:
            raise RowTooLarge(f"a row of {row_size} bytes is more than FalkorDB's Bolt layer takes")
        if current and size + row_size > budget:
            yield current
            current, size = [], 0
        current.append(row)
        size += row_size
    if current:
        yield current
