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
from .ontology import ARTICLE_LABEL, LABEL_RANK, QUOTE_LABEL, labels_for

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
        global_of = cross_article_keys({e.global_key for p in parts for e in p.entities.values()})
        ids = node_ids(_label_of(parts, global_of))
        graph = nx.MultiDiGraph()
        nodes: dict[str, dict] = {}
        for part in parts:
            for key, entity in part.entities.items():
                node_id = ids[global_of[entity.global_key]]
                merge_entity(nodes.setdefault(node_id, {}), entity, part.article.id)
        for node_id in sorted(nodes):
            graph.add_node(node_id, **entity_node(node_id, nodes[node_id]))
        for part in parts:
            local_to_node = {k: ids[global_of[e.global_key]] for k, e in part.entities.items()}
            add_article(graph, part, local_to_node)
        return graph


def merge_entity(node: dict, entity: LocalEntity, article_id: str) -> None:
    """Fold one article's view of an entity into the node (most specific label wins);
    articles are folded in article id order."""
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


def entity_node(node_id: str, folded: dict) -> dict:
    """A node's attributes (``labels`` and properties) from its folded entity data."""
    return dict(sorted(dict(labels=labels_for(folded["_label"]), id=node_id, name=folded["name"],
                            aliases=sorted(folded["aliases"]), mentions=folded["mentions"],
                            articles=sorted(folded["articles"]),
                            **({"title": folded["title"]} if folded.get("title") else {})).items()))


def surname_of(key: str) -> tuple[str, bool] | None:
    """``(surname, is full name)`` of a person key, None for other keys."""
    if not key.startswith("person:"):
        return None
    words = key[7:].split()
    return (words[-1], len(words) > 1) if words else None


def cross_article_keys(keys: Iterable[str]) -> dict[str, str]:
    """Map every global key to the key it merges into across articles: a bare surname
    joins the one full name that ends with it, never one of two."""
    merged = {k: k for k in keys}
    full_people: dict[str, set[str]] = defaultdict(set)
    for k in merged:
        found = surname_of(k)
        if found and found[1]:
            full_people[found[0]].add(k)
    for k in merged:
        found = surname_of(k)
        if found and not found[1] and len(full_people.get(found[0], ())) == 1:
            merged[k] = next(iter(full_people[found[0]]))
    return merged


def _label_of(parts: list[ArticleGraph], global_of: dict[str, str]) -> dict[str, str]:
    """The most specific label of every merged key."""
    label_of: dict[str, str] = {}
    for part in parts:
        for e in part.entities.values():
            g = global_of[e.global_key]
            if g not in label_of or LABEL_RANK[e.label] < LABEL_RANK[label_of[g]]:
                label_of[g] = e.label
    return label_of


def id_base(key: str) -> str:
    """The slug a merged key's node id starts from (keys sharing it are told apart)."""
    return slug(key.split(":", 1)[1])


def node_ids(label_of: dict[str, str], taken: dict[str, str] | None = None) -> dict[str, str]:
    """Deterministic, unique node ids for merged keys: the most specific label first, then
    the key, gets the bare slug; the next ``<slug>_<kind>``, then ``<slug>_2``, ..."""
    ids: dict[str, str] = {}
    taken = {} if taken is None else taken
    for g in sorted(label_of, key=lambda k: (LABEL_RANK[label_of[k]], k)):
        base = id_base(g)
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


def add_article(graph: nx.MultiDiGraph, part: ArticleGraph, local_to_node: dict[str, str]) -> None:
    art = part.article
    art_id = article_node_id(art.id)
    props = {"id": art_id, "article_id": art.id, "title": art.title, "date": art.date,
             "source": art.source, "url": art.url}
    _add_node(graph, art_id, labels=[ARTICLE_LABEL], **{k: v for k, v in props.items() if v})
    for node_id in sorted(set(local_to_node.values())):
        _add_edge(graph, art_id, node_id, key=relation_id(art_id, "MENTIONS", node_id, art.id),
                  type="MENTIONS", article=art.id)
    for rel in part.relations:
        source, target = local_to_node[rel.source], local_to_node[rel.target]
        rid = relation_id(source, rel.type, target, art.id)
        if graph.has_edge(source, target, key=rid):
            continue
        _add_edge(graph, source, target, key=rid, type=rel.type, **_relation_props(rel))
    for quote in part.quotes:
        qid = "q_" + hashlib.sha1(f"{art.id}|{quote.char_start}".encode()).hexdigest()[:16]
        speaker = local_to_node[quote.speaker]
        _add_node(graph, qid, labels=[QUOTE_LABEL], id=qid, text=quote.text, article=art.id,
                  **({"date": quote.date} if quote.date else {}))
        _add_edge(graph, speaker, qid, key=relation_id(speaker, "SAID", qid, art.id),
                  type="SAID", evidence=quote.evidence, article=art.id,
                  char_start=quote.char_start, char_end=quote.char_end,
                  confidence=0.8, extractor=quote.extractor,
                  **({"date": quote.date} if quote.date else {}))
        _add_edge(graph, art_id, qid, key=relation_id(art_id, "MENTIONS", qid, art.id),
                  type="MENTIONS", article=art.id)


def _add_node(graph: nx.MultiDiGraph, node_id: str, **attributes) -> None:
    # attributes in key order, as graph.jsonl holds them: a graph read back from its
    # partitions writes the same bytes in every format
    graph.add_node(node_id, **dict(sorted(attributes.items())))


def _add_edge(graph: nx.MultiDiGraph, source: str, target: str, key: str, **attributes) -> None:
    graph.add_edge(source, target, key=key, **dict(sorted(attributes.items())))


def _relation_props(rel: Relation) -> dict:
    data = asdict(rel)
    props = {k: data[k] for k in RELATION_FIELDS}
    return {k: v for k, v in props.items() if v not in (None, "")}
