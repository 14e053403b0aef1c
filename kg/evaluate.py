"""Score a built graph against gold files, exactly by KG_SPEC s.6.

Interpretation where the spec leaves room (documented in the README): ``SAID`` is scored
by the quote rule only, not as a relation; a predicted node that matches several gold
entities is matched to the one sharing its canonical name, else the first in gold order;
the first node (canonical-name match, then most mentions, then id) matched to a gold entity
is its match and any further one a duplicate; predicted relations are compared as a set of
(source, type, target) triples after mapping endpoints.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import networkx as nx

from .errors import InputError
from .names import normalise
from .ontology import CORE_RELATIONS, ENTITY_LABELS, QUOTE_LABEL

SCORED_RELATIONS = set(CORE_RELATIONS) - {"SAID"}


@dataclass
class Gold:
    """A parsed gold file."""

    path: Path
    article_file: Path
    article_date: Optional[str]
    entities: list[dict]
    relations: list[dict]
    quotes: list[dict]


def load_gold(path: Path) -> Gold:
    """Parse a gold file; its article path is relative to the gold folder's parent."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        article = data["article"]
        entities = data["entities"]
        relations = data.get("relations", [])
        quotes = data.get("quotes", [])
        if not isinstance(entities, list) or not isinstance(relations, list):
            raise ValueError("entities and relations must be lists")
        for e in entities:
            e["id"], e["label"], e["name"]  # noqa: B018 - presence check
    except FileNotFoundError:
        raise InputError("E019", where=str(path)) from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError("E301", where=str(path), reason=f"{type(exc).__name__}: {exc}") from None
    article_file = path.resolve().parent.parent / article["file"]
    if not article_file.exists():
        raise InputError("E302", where=str(path), article=str(article_file))
    return Gold(path, article_file, article.get("date"), entities, relations, quotes)


@dataclass
class PRF:
    """Precision, recall and F1 from counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Score:
    """Every figure KG_SPEC s.6 asks for, plus the misses for reading by hand."""

    entities: PRF = field(default_factory=PRF)
    entities_typed: PRF = field(default_factory=PRF)
    named: PRF = field(default_factory=PRF)
    named_typed: PRF = field(default_factory=PRF)
    groups: PRF = field(default_factory=PRF)
    relations: PRF = field(default_factory=PRF)
    dates_right: int = 0
    dates_total: int = 0
    quotes_found: int = 0
    quotes_total: int = 0
    duplicates: int = 0
    missed_entities: list[str] = field(default_factory=list)
    extra_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    extra_relations: list[str] = field(default_factory=list)
    missed_quotes: list[str] = field(default_factory=list)
    #: misses by kind (``ERROR_KINDS``), for error analysis
    errors: Counter = field(default_factory=Counter)

    def add(self, other: "Score") -> None:
        self.errors.update(other.errors)
        for name in ("entities", "entities_typed", "named", "named_typed", "groups", "relations"):
            getattr(self, name).add(getattr(other, name))
        for name in ("dates_right", "dates_total", "quotes_found", "quotes_total", "duplicates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("missed_entities", "extra_entities", "missed_relations", "extra_relations",
                     "missed_quotes"):
            getattr(self, name).extend(getattr(other, name))

    def as_dict(self) -> dict:
        out = {name: getattr(self, name).as_dict() for name in
               ("entities", "entities_typed", "named", "named_typed", "groups", "relations")}
        out["dates"] = {"right": self.dates_right, "total": self.dates_total,
                        "share": round(self.dates_right / self.dates_total, 4) if self.dates_total else None}
        out["quotes"] = {"found": self.quotes_found, "total": self.quotes_total}
        out["duplicates"] = self.duplicates
        for name in ("missed_entities", "extra_entities", "missed_relations", "extra_relations",
                     "missed_quotes"):
            out[name] = getattr(self, name)
        out["errors"] = {kind: self.errors.get(kind, 0) for kind in ERROR_KINDS}
        return out


#: Kinds of miss ``kg eval --errors`` counts, in the order it prints them.
ERROR_KINDS = {
    "entity not found": "a gold entity no node matches, and no node's name overlaps it",
    "entity span wrong": "a gold entity no node matches, but a node's name holds part of it or more",
    "entity type wrong": "matched, with a label other than the gold's",
    "duplicate node": "a second node matching a gold entity already matched",
    "spurious entity": "a node matching no gold entity",
    "relation: an end not found": "a gold relation one of whose entities has no node",
    "relation: wrong direction": "both ends found, the relation predicted from target to source",
    "relation: wrong type": "both ends found, linked by another scored type",
    "relation: missed, ends found": "both ends found, nothing links them",
    "relation: spurious": "a predicted relation between matched nodes that gold lacks",
    "relation: spurious, end unmatched": "a predicted relation with an end matching no gold entity",
    "quote: speaker not found": "a gold quote whose speaker has no node",
    "quote: other speaker": "the quote was found, attributed to another node",
    "quote: not extracted": "no Quote node holds the text",
    "date wrong": "a true-positive relation whose gold date differs or is missing",
}


def _type_ok(gold_label: str, labels: list[str]) -> bool:
    if gold_label not in labels:
        return False
    if gold_label == "Person" and "Official" in labels:
        return False
    if gold_label == "Organization" and "Agency" in labels:
        return False
    return True


def _gold_names(entity: dict) -> set[str]:
    return {normalise(n) for n in [entity["name"], *entity.get("aliases", [])]}


def _match_nodes(nodes: list[tuple[str, dict]], gold: list[dict]) -> dict[str, str]:
    """Node id -> gold id for every predicted node that matches a gold entity."""
    names = [(g, _gold_names(g)) for g in gold]
    matched = {}
    for node_id, data in nodes:
        node_names = {normalise(n) for n in [data.get("name", ""), *data.get("aliases", [])]}
        hits = [g for g, gnames in names if node_names & gnames]
        if not hits:
            continue
        own = normalise(data.get("name", ""))
        best = next((g for g in hits if own in _gold_names(g)), hits[0])
        matched[node_id] = best["id"]
    return matched


@dataclass
class Partition:
    """Entity scores over one set of gold entities and predicted nodes."""

    untyped: PRF = field(default_factory=PRF)
    typed: PRF = field(default_factory=PRF)
    duplicates: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)


def _labels(data: dict) -> str:
    return "/".join(l for l in data.get("labels", []) if l != "Entity")


def _score_partition(nodes: list[tuple[str, dict]], gold: list[dict],
                     matched: dict[str, str]) -> Partition:
    """Match nodes to gold entities: the first match wins, further ones are duplicates."""
    gold_by_id = {g["id"]: g for g in gold}
    result = Partition()

    def rank(item):
        node_id, data = item
        gid = matched.get(node_id)
        exact = gid in gold_by_id and normalise(data.get("name", "")) in _gold_names(gold_by_id[gid])
        return (not exact, -data.get("mentions", 0), node_id)

    winners: dict[str, str] = {}
    for node_id, data in sorted(nodes, key=rank):
        gid = matched.get(node_id)
        if gid not in gold_by_id:
            result.untyped.fp += 1
            result.typed.fp += 1
            result.extra.append(f"{data.get('name')} [{_labels(data)}]")
            continue
        g = gold_by_id[gid]
        if gid in winners:
            result.duplicates += 1
            result.untyped.fp += 1
            result.typed.fp += 1
            result.extra.append(f"{data.get('name')} [{_labels(data)}] duplicate of {g['name']}")
            continue
        winners[gid] = node_id
        if g.get("optional"):
            continue
        result.untyped.tp += 1
        if _type_ok(g["label"], data.get("labels", [])):
            result.typed.tp += 1
        else:
            result.typed.fp += 1
            result.typed.fn += 1
            result.errors["entity type wrong"] += 1
            result.missed.append(f"{g['name']} typed {_labels(data)}, gold {g['label']}")
    unmatched_names = [normalise(d.get("name", "")).split() for n, d in nodes if n not in matched]
    for g in gold:
        if not g.get("optional") and g["id"] not in winners:
            result.untyped.fn += 1
            result.typed.fn += 1
            overlap = any(_overlaps(words, name.split()) for name in _gold_names(g)
                          for words in unmatched_names)
            result.errors["entity span wrong" if overlap else "entity not found"] += 1
            result.missed.append(f"{g['name']} [{g['label']}]")
    result.errors["duplicate node"] += result.duplicates
    result.errors["spurious entity"] += len(result.extra) - result.duplicates
    return result


def _overlaps(a: list[str], b: list[str]) -> bool:
    """One word sequence inside the other ("Customs" in "Customs and Border Protection")."""
    short, long_ = sorted((a, b), key=len)
    return bool(short) and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def score_graph(graph: nx.MultiDiGraph, gold: Gold) -> Score:
    """Score one graph against one gold file."""
    score = Score()
    entity_nodes = [(n, d) for n, d in sorted(graph.nodes(data=True))
                    if any(l in ENTITY_LABELS for l in d.get("labels", []))]
    matched = _match_nodes(entity_nodes, gold.entities)
    every = _score_partition(entity_nodes, gold.entities, matched)
    score.entities, score.entities_typed, score.duplicates = every.untyped, every.typed, every.duplicates
    score.missed_entities, score.extra_entities = every.missed, every.extra
    score.errors.update(every.errors)
    is_group = lambda d: "Group" in d.get("labels", [])  # noqa: E731
    named = _score_partition([(n, d) for n, d in entity_nodes if not is_group(d)],
                             [g for g in gold.entities if g["label"] != "Group"], matched)
    groups = _score_partition([(n, d) for n, d in entity_nodes if is_group(d)],
                              [g for g in gold.entities if g["label"] == "Group"], matched)
    score.named, score.named_typed, score.groups = named.untyped, named.typed, groups.untyped
    _score_relations(graph, gold, matched, score)
    _score_quotes(graph, gold, matched, score)
    return score


def _score_relations(graph: nx.MultiDiGraph, gold: Gold, matched: dict[str, str], score: Score) -> None:
    gold_rel = {(r["source"], r["type"], r["target"]): r for r in gold.relations}
    predicted: dict[tuple, list[Optional[str]]] = {}
    unmatched: set[tuple] = set()
    names = {n: d.get("name", n) for n, d in graph.nodes(data=True)}
    for source, target, data in graph.edges(data=True):
        rtype = data.get("type")
        if rtype not in SCORED_RELATIONS:
            continue
        s, t = matched.get(source), matched.get(target)
        if s is None or t is None:
            unmatched.add((source, rtype, target))
            continue
        predicted.setdefault((s, rtype, t), []).append(data.get("date"))
    for triple, dates in sorted(predicted.items()):
        g = gold_rel.get(triple)
        if g is None:
            score.relations.fp += 1
            score.errors["relation: spurious"] += 1
            score.extra_relations.append(" ".join(triple))
            continue
        if g.get("optional"):
            continue
        score.relations.tp += 1
        if g.get("date"):
            score.dates_total += 1
            if any(d and str(d).startswith(g["date"]) for d in dates):
                score.dates_right += 1
            else:
                score.errors["date wrong"] += 1
    for source, rtype, target in sorted(unmatched):
        score.relations.fp += 1
        score.errors["relation: spurious, end unmatched"] += 1
        score.extra_relations.append(f"{names[source]} {rtype} {names[target]} (unmatched endpoint)")
    found = set(matched.values())
    linked = {(s, t): rtype for s, rtype, t in predicted}
    for triple, g in gold_rel.items():
        if not g.get("optional") and triple[1] in SCORED_RELATIONS and triple not in predicted:
            score.relations.fn += 1
            score.errors[_relation_miss(triple, found, linked)] += 1
            score.missed_relations.append(" ".join(triple))


def _relation_miss(triple: tuple, found: set, linked: dict) -> str:
    """The kind of a missed gold relation (``ERROR_KINDS``)."""
    source, rtype, target = triple
    if source not in found or target not in found:
        return "relation: an end not found"
    if (target, source) in linked:
        return "relation: wrong direction"
    if (source, target) in linked:
        return "relation: wrong type"
    return "relation: missed, ends found"


def _score_quotes(graph: nx.MultiDiGraph, gold: Gold, matched: dict[str, str], score: Score) -> None:
    said: dict[str, list[str]] = {}
    for source, target, data in graph.edges(data=True):
        if data.get("type") == "SAID" and QUOTE_LABEL in graph.nodes[target].get("labels", []):
            gid = matched.get(source)
            if gid is not None:
                said.setdefault(gid, []).append(normalise(graph.nodes[target].get("text", "")))
    attributed = {normalise(d.get("text", "")) for n, d in graph.nodes(data=True)
                  if QUOTE_LABEL in d.get("labels", [])}
    found = set(matched.values())
    for q in gold.quotes:
        if q.get("optional"):
            continue
        score.quotes_total += 1
        needle = normalise(q["contains"])
        if any(needle in text for text in said.get(q["speaker"], [])):
            score.quotes_found += 1
            continue
        if not any(needle in text for text in attributed):
            score.errors["quote: not extracted"] += 1
        elif q["speaker"] not in found:
            score.errors["quote: speaker not found"] += 1
        else:
            score.errors["quote: other speaker"] += 1
        score.missed_quotes.append(f"{q['speaker']}: {q['contains']}")


def evaluate(gold_paths: Iterable[str], model: Optional[str] = None) -> tuple[Score, list[tuple[str, Score]]]:
    """Build each gold file's article on its own and score it; returns the total and
    the per-file scores."""
    from .pipeline import build_graph  # late: scoring alone needs no spaCy

    total = Score()
    per_file = []
    for path in gold_paths:
        gold = load_gold(Path(path))
        result = build_graph([str(gold.article_file)], model=model, default_date=gold.article_date)
        score = score_graph(result.graph, gold)
        total.add(score)
        per_file.append((str(path), score))
    return total, per_file
