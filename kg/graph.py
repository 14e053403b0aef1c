"""Merge per-article partial graphs into one networkx ``MultiDiGraph``.

Cross-article resolution happens here: the same entity in many articles is one node with
all aliases and article ids; a bare surname joins the one full name that ends with it and
never a second person who shares it. Ids are deterministic slugs, stable across runs and
input order (articles are merged in id order, whatever order they were read in).

Node attributes: ``labels`` (list) plus the node's properties. Edge key: a stable
relationship id; edge attributes: ``type`` plus the relationship's properties.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import asdict
from typing import Iterable

import networkx as nx

from .model import ArticleGraph, LocalEntity, Relation
from .names import slug
from .ontology import ARTICLE_LABEL, QUOTE_LABEL, labels_for
from .resolve import LABEL_RANK

RELATION_FIELDS = ("evidence", "article", "char_start", "char_end", "date", "confidence",
                   "extractor", "negated", "hypothetical", "agent_role", "title", "category")


class GraphBuilder:
    """Collects ``ArticleGraph`` results (in any order) and builds the merged graph."""

    def __init__(self) -> None:
        self._parts: dict[str, ArticleGraph] = {}

    def add(self, part: ArticleGraph) -> None:
        """Add one article's partial graph (a re-added article id replaces the old one)."""
        self._parts[part.article.id] = part

    def extend(self, parts: Iterable[ArticleGraph]) -> None:
        for part in parts:
            self.add(part)

    def __len__(self) -> int:
        return len(self._parts)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._parts

    def parts(self) -> list[ArticleGraph]:
        """Every part, in article id order."""
        return [self._parts[k] for k in sorted(self._parts)]

    def build(self) -> nx.MultiDiGraph:
        """The merged graph."""
        parts = [self._parts[k] for k in sorted(self._parts)]
        global_of = _cross_article_keys(parts)
        ids = _node_ids(parts, global_of)
        graph = nx.MultiDiGraph()
        nodes: dict[str, dict] = {}
        for part in parts:
            for key, entity in part.entities.items():
                node_id = ids[global_of[entity.global_key]]
                _merge_entity(nodes.setdefault(node_id, {}), entity, part.article.id)
        for node_id in sorted(nodes):
            data = nodes[node_id]
            label = data.pop("_label")
            graph.add_node(node_id, labels=labels_for(label), id=node_id,
                           name=data["name"], aliases=sorted(data["aliases"]),
                           mentions=data["mentions"], articles=sorted(data["articles"]),
                           **({"title": data["title"]} if data.get("title") else {}))
        for part in parts:
            local_to_node = {k: ids[global_of[e.global_key]] for k, e in part.entities.items()}
            _add_article(graph, part, local_to_node)
        return graph


def _merge_entity(node: dict, entity: LocalEntity, article_id: str) -> None:
    """Fold one article's view of an entity into the node (most specific label wins)."""
    old = node.get("_label")
    if old is None or LABEL_RANK[entity.label] < LABEL_RANK[old]:
        node["_label"] = entity.label
    node.setdefault("aliases", set()).update(entity.aliases | {entity.name})
    node["mentions"] = node.get("mentions", 0) + entity.mentions
    node.setdefault("articles", set()).add(article_id)
    name = node.get("name")
    # the fullest name wins; a place keeps its canonical name
    if name is None or (entity.label != "Place" and (len(entity.name), entity.name) > (len(name), name)):
        node["name"] = entity.name
    if entity.title and not node.get("title"):
        node["title"] = entity.title


def _cross_article_keys(parts: list[ArticleGraph]) -> dict[str, str]:
    """Map every global key to the key it merges into across articles."""
    keys = {e.global_key for p in parts for e in p.entities.values()}
    merged = {k: k for k in keys}
    full_people: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        if k.startswith("person:") and " " in k[7:]:
            full_people[k[7:].split()[-1]].add(k)
    for k in keys:
        if k.startswith("person:") and " " not in k[7:]:
            owners = full_people.get(k[7:], set())
            if len(owners) == 1:
                merged[k] = next(iter(owners))
    return merged


def _node_ids(parts: list[ArticleGraph], global_of: dict[str, str]) -> dict[str, str]:
    """Deterministic, unique node ids from merged keys."""
    label_of: dict[str, str] = {}
    for part in parts:
        for e in part.entities.values():
            g = global_of[e.global_key]
            if g not in label_of or LABEL_RANK[e.label] < LABEL_RANK[label_of[g]]:
                label_of[g] = e.label
    ids: dict[str, str] = {}
    taken: dict[str, str] = {}
    for g in sorted(label_of, key=lambda k: (LABEL_RANK[label_of[k]], k)):
        base = slug(g.split(":", 1)[1])
        candidate = base if base not in taken else f"{base}_{slug(g.split(':', 1)[0])}"
        n = 2
        while candidate in taken:
            candidate = f"{base}_{n}"
            n += 1
        taken[candidate] = g
        ids[g] = candidate
    return ids


def relation_id(source: str, rtype: str, target: str, article: str) -> str:
    """Stable id of the relationship (source, type, target) stated in one article."""
    digest = hashlib.sha1(f"{source}|{rtype}|{target}|{article}".encode()).hexdigest()[:16]
    return f"r_{digest}"


def article_node_id(article_id: str) -> str:
    return "article_" + slug(article_id)


def _add_article(graph: nx.MultiDiGraph, part: ArticleGraph, local_to_node: dict[str, str]) -> None:
    art = part.article
    art_id = article_node_id(art.id)
    props = {"id": art_id, "article_id": art.id, "title": art.title, "date": art.date,
             "source": art.source, "url": art.url}
    graph.add_node(art_id, labels=[ARTICLE_LABEL], **{k: v for k, v in props.items() if v})
    for node_id in sorted(set(local_to_node.values())):
        graph.add_edge(art_id, node_id, key=relation_id(art_id, "MENTIONS", node_id, art.id),
                       type="MENTIONS", article=art.id)
    for rel in part.relations:
        source, target = local_to_node[rel.source], local_to_node[rel.target]
        rid = relation_id(source, rel.type, target, art.id)
        if graph.has_edge(source, target, key=rid):
            continue
        graph.add_edge(source, target, key=rid, type=rel.type, **_relation_props(rel))
    for quote in part.quotes:
        qid = "q_" + hashlib.sha1(f"{art.id}|{quote.char_start}".encode()).hexdigest()[:16]
        graph.add_node(qid, labels=[QUOTE_LABEL], id=qid, text=quote.text, article=art.id,
                       **({"date": quote.date} if quote.date else {}))
        graph.add_edge(local_to_node[quote.speaker], qid, key=relation_id(local_to_node[quote.speaker], "SAID", qid, art.id),
                       type="SAID", evidence=quote.evidence, article=art.id,
                       char_start=quote.char_start, char_end=quote.char_end,
                       confidence=0.8, extractor=quote.extractor,
                       **({"date": quote.date} if quote.date else {}))
        graph.add_edge(art_id, qid, key=relation_id(art_id, "MENTIONS", qid, art.id),
                       type="MENTIONS", article=art.id)


def _relation_props(rel: Relation) -> dict:
    data = asdict(rel)
    props = {k: data[k] for k in RELATION_FIELDS}
    return {k: v for k, v in props.items() if v not in (None, "")}
