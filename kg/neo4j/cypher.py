"""Access to the repo's ``cypher/`` folder, the one place every Cypher statement lives.

The loader and the ``graph.cypher`` exporter share the same load plan: which statement
runs with which rows, in which order. Labels and relationship types are never built from
data: relationship statements are specialised only with a type from the ontology's set.
"""
from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import networkx as nx

from ..ontology import ARTICLE_LABEL, ENTITY_LABELS, QUOTE_LABEL, RELATION_TYPES

TYPE_PLACEHOLDER = "RELATION_TYPE"
SAFE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def cypher_dir() -> Path:
    """The ``cypher/`` folder: beside the package in a checkout, else installed data."""
    for candidate in (Path(__file__).resolve().parents[2] / "cypher",
                      Path(sys.prefix) / "share" / "kg" / "cypher"):
        if (candidate / "schema.cypher").exists():
            return candidate
    raise FileNotFoundError("cypher/ folder not found; reinstall kg")


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines()
                     if line.strip() and not line.strip().startswith("//")).strip()


def split_statements(text: str) -> list[str]:
    """Statements of a .cypher file (comments dropped, split on ';' at line ends)."""
    body = _strip_comments(text)
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", body) if s.strip()]


def schema_statements() -> list[str]:
    """Constraints and indexes, Neo4j 5 syntax."""
    return split_statements((cypher_dir() / "schema.cypher").read_text(encoding="utf-8"))


def load_statement(name: str, relation_type: str | None = None) -> str:
    """A load statement from ``cypher/load/NAME.cypher``; relationship statements are
    specialised with a type that must be one of the ontology's."""
    text = _strip_comments((cypher_dir() / "load" / f"{name}.cypher").read_text(encoding="utf-8"))
    if TYPE_PLACEHOLDER in text:
        if relation_type not in RELATION_TYPES:
            raise ValueError(f"relationship type {relation_type!r} is not in the ontology")
        text = text.replace(TYPE_PLACEHOLDER, relation_type)
    return text


@dataclass
class LoadStep:
    """One statement and the rows it runs with."""

    name: str
    statement: str
    rows: list[dict]


def _props(data: dict, drop: tuple[str, ...]) -> dict:
    return {k: v for k, v in data.items() if k not in drop and v is not None}


def node_row(node_id: str, data: dict) -> tuple[str, dict]:
    """(statement name, row) for one node."""
    labels = data.get("labels", [])
    props = _props(data, ("labels",))
    if ARTICLE_LABEL in labels:
        return "articles", {"id": node_id, "props": props}
    if QUOTE_LABEL in labels:
        return "quotes", {"id": node_id, "props": props}
    return "entities", {"id": node_id, "labels": [l for l in labels if l in ENTITY_LABELS],
                        "props": props}


def edge_row(source: str, target: str, key: str, data: dict, source_labels, target_labels):
    """((statement name, relationship type or None), row) for one edge, or None to skip."""
    rtype = data["type"]
    row = {"id": key, "source": source, "target": target, "props": _props(data, ("type",))}
    if rtype == "MENTIONS":
        return ("quote_mentions" if QUOTE_LABEL in target_labels else "mentions", None), row
    if rtype == "SAID" and QUOTE_LABEL in target_labels:
        return ("said", None), row
    if ARTICLE_LABEL in source_labels:
        return None
    return ("relationships", rtype), row


def step_name(kind: tuple[str, str | None]) -> str:
    name, rtype = kind
    return f"{name}:{rtype}" if rtype else name


def load_plan(graph: nx.MultiDiGraph) -> list[LoadStep]:
    """Every statement with its rows, in dependency order (nodes before relationships)."""
    nodes: dict[str, list[dict]] = {"entities": [], "articles": [], "quotes": []}
    for node_id, data in sorted(graph.nodes(data=True)):
        name, row = node_row(node_id, data)
        nodes[name].append(row)
    by_kind: dict[tuple[str, str | None], list[dict]] = {}
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        found = edge_row(source, target, key, data, graph.nodes[source].get("labels", []),
                         graph.nodes[target].get("labels", []))
        if found is not None:
            by_kind.setdefault(found[0], []).append(found[1])
    steps = [LoadStep(name, load_statement(name), rows) for name, rows in nodes.items()]
    for kind, rows in sorted(by_kind.items(), key=lambda kv: (kv[0][0] != "relationships", kv[0][0], kv[0][1] or "")):
        steps.append(LoadStep(step_name(kind), load_statement(kind[0], kind[1]), rows))
    return [s for s in steps if s.rows]


def stream_plan(paths: Path | list[Path], batch_size: int) -> Iterator[LoadStep]:
    """The load plan of a ``graph.jsonl`` file (or of the partitions whose concatenation it
    is) in batches, reading it twice (nodes, then relationships) and holding at most one
    batch per statement: bounded memory."""
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)

    def lines():
        for path in paths:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield json.loads(line)
    buffers: dict[tuple[str, str | None], list[dict]] = {}

    def add(kind, row):
        buffer = buffers.setdefault(kind, [])
        buffer.append(row)
        if len(buffer) >= batch_size:
            buffers[kind] = []
            return LoadStep(step_name(kind), load_statement(kind[0], kind[1]), buffer)
        return None

    def flush():
        for kind, rows in sorted(buffers.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            if rows:
                yield LoadStep(step_name(kind), load_statement(kind[0], kind[1]), rows)
        buffers.clear()
    for obj in lines():
        if obj.get("type") == "node":
            name, row = node_row(obj["id"], {"labels": obj["labels"], **obj["properties"]})
            step = add((name, None), row)
            if step:
                yield step
    yield from flush()
    for obj in lines():
        if obj.get("type") == "relationship":
            found = edge_row(obj["start"]["id"], obj["end"]["id"], obj["id"],
                             {"type": obj["label"], **obj["properties"]},
                             obj["start"].get("labels", []), obj["end"].get("labels", []))
            if found is not None:
                step = add(*found)
                if step:
                    yield step
    yield from flush()


def batches(rows: list[dict], size: int) -> Iterator[list[dict]]:
    """Rows in consecutive batches of at most ``size``."""
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


# ------------------------------------------------------------- literals for scripts
def cypher_literal(value) -> str:
    """A Cypher literal for a JSON-like value (used only to write graph.cypher files)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return "'" + _escape(value) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            parts.append(f"{_key_literal(key)}: {cypher_literal(item)}")
        return "{" + ", ".join(parts) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as a Cypher literal")


@functools.lru_cache(maxsize=1024)
def _key_literal(key: str) -> str:
    return key if SAFE_KEY.match(key) else "`" + key.replace("`", "``") + "`"


#: Backslash, single quote and control characters, escaped as JSON escapes them (one C pass).
_ESCAPES = {**{code: f"\\u{code:04x}" for code in range(0x20)},
            ord("\b"): "\\b", ord("\f"): "\\f", ord("\n"): "\\n", ord("\r"): "\\r",
            ord("\t"): "\\t", ord("\\"): "\\\\", ord("'"): "\\'"}


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)
