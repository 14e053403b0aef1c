"""Typed records passed between the pipeline stages."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Article:
    """One input article: its text and metadata."""

    id: str
    text: str
    title: str = ""
    date: Optional[str] = None  # ISO date
    source: str = ""
    url: str = ""
    path: str = ""


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read: where, and what to do about it."""

    where: str
    message: str
    warning: bool = False  # the article still builds, without what the message names

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Mention:
    """One surface mention of an entity in an article."""

    start: int  # token index in the Doc
    end: int
    char_start: int
    char_end: int
    text: str  # surface form, cleaned (no "the", possessive, honorific)
    label: str  # ontology label
    key: str = ""  # resolution key inside the article
    title: str = ""  # office title, for Officials
    jurisdiction: str = ""  # surface text of the title's place/body
    role: str = ""  # member role for "<Agency> officers"
    head: int = -1  # token index of the syntactic head
    canonical: str = ""  # gazetteer canonical name, when known
    weak: bool = False  # a vague group: kept only when a relation needs it
    nominal: bool = False  # "the US President": refers to a named official
    jurisdiction_token: int = -1  # a token of the jurisdiction's mention, if any
    attribute_only: bool = False  # named only in a party tag ("R-Ohio"): never an argument
    sure: bool = False  # typed by the text's own words ("the town of X"), not by the NER
    staff_of: int = -1  # "his senior adviser X": the token of whose staff X is


@dataclass
class LocalEntity:
    """An entity as resolved inside one article."""

    key: str
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    title: str = ""
    global_key: str = ""  # key used to merge across articles
    weak: bool = False  # a vague group, dropped unless a relation needs it


@dataclass
class Relation:
    """A typed relation between two entities, with the sentence that proves it."""

    source: str  # entity key (local inside an ArticleGraph, node id in the graph)
    type: str
    target: str
    evidence: str
    article: str
    char_start: int
    char_end: int
    extractor: str
    confidence: float = 0.7
    date: Optional[str] = None
    negated: bool = False
    hypothetical: bool = False
    agent_role: str = ""
    title: str = ""
    category: Optional[str] = None


@dataclass
class Quote:
    """A direct quote attributed to a speaker."""

    speaker: str  # entity key
    text: str
    article: str
    char_start: int
    char_end: int
    date: Optional[str] = None
    evidence: str = ""
    extractor: str = "quote"


@dataclass
class ArticleGraph:
    """What one article contributes: the pure per-article step's output."""

    article: Article  # its text dropped once extracted: the graph never holds the corpus
    entities: dict[str, LocalEntity]
    relations: list[Relation]
    quotes: list[Quote]
    text_hash: str = ""  # of the article's text, so --update knows when it changed


def text_hash(text: str) -> str:
    """Hash of an article's text: a changed article is extracted again."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
