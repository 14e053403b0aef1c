"""The per-article partial graphs a build keeps beside its outputs (``DIR/kg-parts.jsonl``),
so ``kg build --update`` merges new articles without re-reading old ones. One JSON line per
article: its metadata, a hash of its text, its entities, relations and quotes."""
from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Article, ArticleGraph, LocalEntity, Quote, Relation, text_hash

PARTS_FILE = "kg-parts.jsonl"


def part_to_json(part: ArticleGraph) -> dict:
    # vars(), not asdict(): every field is a scalar (aliases aside), so no deep copy is needed
    article = dict(vars(part.article))
    article["text_hash"] = part.text_hash or text_hash(article["text"])
    del article["text"]
    return {"article": article,
            "entities": [{**vars(e), "aliases": sorted(e.aliases)} for e in part.entities.values()],
            "relations": [vars(r) for r in part.relations],
            "quotes": [vars(q) for q in part.quotes]}


def part_from_json(data: dict) -> tuple[ArticleGraph, str]:
    meta = dict(data["article"])
    digest = meta.pop("text_hash")
    article = Article(text="", **{k: v for k, v in meta.items() if k in {f.name for f in fields(Article)}})
    entities = {}
    for e in data["entities"]:
        entity = LocalEntity(**{**e, "aliases": set(e["aliases"])})
        entities[entity.key] = entity
    relations = [Relation(**r) for r in data["relations"]]
    quotes = [Quote(**q) for q in data["quotes"]]
    return ArticleGraph(article, entities, relations, quotes, text_hash=digest), digest


def stage_parts(parts: Iterable[ArticleGraph], folder: Path) -> Path:
    """Every part, in article id order, written to a temporary file beside the parts file
    (synced to disk); ``publish_parts`` renames it over the old one, so the last good
    parts survive a build killed at any step."""
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    partial = Path(folder) / f".{PARTS_FILE}.partial"
    try:
        with open(partial, "w", encoding="utf-8") as fh:
            fh.writelines(encode(part_to_json(part)) + "\n"
                          for part in sorted(parts, key=lambda p: p.article.id))
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return partial


def publish_parts(partial: Path) -> None:
    os.replace(partial, partial.with_name(PARTS_FILE))


def read_parts(folder: Path) -> Iterator[tuple[ArticleGraph, str]]:
    """The parts of an earlier build (nothing when the folder has none)."""
    path = Path(folder) / PARTS_FILE
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            try:
                yield part_from_json(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError("E103", where=str(path), line=number, reason=str(exc)) from None
