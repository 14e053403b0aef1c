"""Shared fixtures: the spaCy pipeline, the shared corpus beside the clone, small graphs."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_article
from kg.model import Article
from kg.extract.nlp import load_pipeline, mask_boilerplate

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
ICE_ARTICLE = SHARED / "corpus" / "ice-mistakes.txt"
ICE_GOLD = SHARED / "gold" / "ice-mistakes.gold.json"
DEV_CORPUS = SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Extract one text (your own sentences) -> ArticleGraph."""
    def run(text: str, date: str = "2026-01-21", article_id: str = "t"):
        article = Article(id=article_id, text=text, date=date)
        return extract_article(nlp(mask_boilerplate(text)), article)
    return run


def hand_parsed(nlp, rows, ents=None):
    """A Doc from hand-written (word, head, dep, pos, tag[, lemma]) rows, so a test's parse
    cannot change with the model (a missing lemma is the lower-cased word)."""
    from spacy.tokens import Doc

    rows = [tuple(r) if len(r) == 6 else (*r, r[0].lower()) for r in rows]
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas, ents=ents or ["O"] * len(words))


def rules_file_error(tmp_path, text, load):
    """(path, message) of the coded error ``load([path])`` raises for a rules file holding
    ``text``; fails the test when it raises none or another code."""
    from kg.errors import KgError

    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load(path)
    except KgError as exc:
        assert exc.code == "E401", exc
        return path, str(exc)
    raise AssertionError(f"no error for {text!r}")


def names_of(part):
    """{local key: name} of an ArticleGraph."""
    return {k: e.name for k, e in part.entities.items()}


def triples(part):
    """{(source name, type, target name)} of an ArticleGraph's relations."""
    names = names_of(part)
    return {(names[r.source], r.type, names[r.target]) for r in part.relations}


HOSTILE = "O'Brien said \"}) DETACH DELETE n //\" `tick` \\back\\ ünï ✓ 😀"


def hand_made_parts():
    """Two tiny articles built by hand (no NLP), with a hostile string in them."""
    from kg.model import ArticleGraph, LocalEntity, Quote, Relation

    def ent(key, label, name, aliases=(), title=""):
        return LocalEntity(key=key, label=label, name=name, aliases=set(aliases) | {name},
                           mentions=1, title=title, global_key=key)

    a1 = Article(id="art-1", text="x" * 300, title="First", date="2024-05-01", source="Wire")
    e1 = {"person:jane roe": ent("person:jane roe", "Official", "Jane Roe", ["Roe"], "Governor"),
          "place:ohio": ent("place:ohio", "Place", "Ohio"),
          "body:department of justice": ent("body:department of justice", "Agency",
                                            "Department of Justice", ["DOJ"])}
    r1 = [Relation("body:department of justice", "INVESTIGATED", "person:jane roe",
                   evidence=HOSTILE, article="art-1", char_start=0, char_end=40,
                   extractor="test", date="2024-04-30", category="INVESTIGATE"),
          Relation("person:jane roe", "HOLDS_OFFICE", "place:ohio", evidence="Ohio Governor Jane Roe",
                   article="art-1", char_start=50, char_end=72, extractor="title", title="Governor")]
    q1 = [Quote("person:jane roe", HOSTILE, "art-1", 100, 140, date="2024-05-01", evidence=HOSTILE)]
    a2 = Article(id="art-2", text="y" * 100, title="Second", date="2024-05-02")
    e2 = {"person:roe": ent("person:roe", "Person", "Roe"),
          "group:protesters": ent("group:protesters", "Group", "protesters")}
    r2 = [Relation("group:protesters", "PROTESTED", "person:roe", evidence="Protesters rallied against Roe.",
                   article="art-2", char_start=0, char_end=31, extractor="test", category="PROTEST")]
    return [ArticleGraph(a1, e1, r1, q1), ArticleGraph(a2, e2, r2, [])]


@pytest.fixture
def small_graph():
    from kg.graph import GraphBuilder

    builder = GraphBuilder()
    builder.extend(hand_made_parts())
    return builder.build()
