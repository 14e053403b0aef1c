"""The pure per-article step: a parsed article in, its partial graph out.

No state is shared between articles, so this step runs the same in one process, in a
process pool or on a distributed engine; ``graph.GraphBuilder`` merges the results.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import groupby
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .entities import extract_mentions
from ..model import Article, ArticleGraph, text_hash
from .nlp import mask_boilerplate, release_caches
from ..ontology import FRAMES, FrameSet
from .quotes import extract_quotes
from .relations import build_context, extract_relations
from .resolve import resolve_mentions


def extract_article(doc: Doc, article: Article, frames: FrameSet = FRAMES) -> ArticleGraph:
    """Entities, relations and quotes of one parsed article (relation cues from ``frames``)."""
    mentions = extract_mentions(doc)
    entities = resolve_mentions(doc, mentions)
    context = build_context(doc, article, mentions, entities, frames)
    quotes = extract_quotes(context)
    relations = extract_relations(context, quotes)
    # vague groups ("voters") become nodes only when a relation or quote needs them
    used = {r.source for r in relations} | {r.target for r in relations} | {q.speaker for q in quotes}
    entities = {key: e for key, e in entities.items() if not e.weak or key in used}
    release_caches(doc)
    return ArticleGraph(replace(article, text=""), entities, relations, quotes,
                        text_hash=text_hash(article.text))


#: Articles parsed together by ``nlp.pipe``.
NLP_BATCH = 16


def extract_articles(nlp: Language, articles: Iterable[Article]) -> Iterator[ArticleGraph]:
    """The per-article step over a stream: boilerplate masked, parsed in batches, extracted;
    an article longer than the model takes is parsed in paragraph windows, in order."""
    pairs = ((mask_boilerplate(a.text), a) for a in articles)
    for is_long, run in groupby(pairs, key=lambda pair: len(pair[0]) > nlp.max_length):
        if is_long:
            for text, article in run:
                yield extract_article(parse_in_windows(nlp, text), article)
            continue
        for doc, article in nlp.pipe(run, as_tuples=True, batch_size=NLP_BATCH):
            yield extract_article(doc, article)


def parse_in_windows(nlp: Language, text: str, size: Optional[int] = None) -> Doc:
    """One Doc for a text longer than ``nlp.max_length``: parsed in windows cut after a
    paragraph break (else a sentence end, else a space) and joined, so every offset stays
    the article's own."""
    size = size or nlp.max_length // 2
    windows, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            for mark in ("\n\n", ". ", " "):  # a paragraph break, else a sentence end, else a space
                cut = text.rfind(mark, start, end)
                if cut > start:
                    end = cut + len(mark)
                    break
        windows.append(text[start:end])
        start = end
    return Doc.from_docs(list(nlp.pipe(windows, batch_size=1)), ensure_whitespace=False)

