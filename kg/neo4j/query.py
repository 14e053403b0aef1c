"""``kg query``: run Cypher against Neo4j with parameters; rows as plain values."""
from __future__ import annotations

import json
from typing import Any, Optional

from . import dialects
from ..errors import InputError, KgError


def parse_params(pairs: tuple[str, ...]) -> dict[str, Any]:
    """``k=v`` pairs; a value that parses as JSON (numbers, lists, true) is taken as such."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError("E205", value=pair)
        try:
            out[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            out[key.strip()] = value
    return out


def plain(value: Any) -> Any:
    """Driver values (nodes, relationships, paths, temporal) as JSON-friendly values."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_query(driver, text: str, params: dict[str, Any],
              database: Optional[str] = None) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows of one read query."""
    from neo4j.exceptions import Neo4jError

    session = driver.session(database=database) if database else driver.session()
    with session:
        dialect = dialects.detect(session)
    try:
        dialects.check_params(dialect, params)
    except ValueError as exc:
        raise InputError("E208", reason=str(exc)) from None
    session = driver.session(database=database) if database else driver.session()
    try:
        with session:
            result = session.run(text, dialects.params(dialect, params))
            columns = list(result.keys())
            rows = [[plain(record[c]) for c in columns] for record in result]
    except Neo4jError as exc:
        message = (exc.message or str(exc)).splitlines()[0]
        # a client error is the query's fault (exit 1); anything else the server's (exit 2);
        # FalkorDB reports every query error (a syntax error too) as an unknown server one
        client = str(exc.code or "").startswith("Neo.ClientError") or dialect == dialects.FALKORDB
        if dialect == dialects.FALKORDB:
            message += " (FalkorDB gives no reason; check the query's syntax)"
        raise KgError("E204", exit_code=1 if client else 2, reason=message) from None
    return columns, rows


def format_table(columns: list[str], rows: list[list[Any]]) -> str:
    """A plain text table."""
    def cell(v):
        text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        return text if len(text) <= 80 else text[:77] + "..."
    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = " | ".join(c.ljust(w) for c, w in zip(columns, widths))
    out = [line, "-+-".join("-" * w for w in widths)]
    out += [" | ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
