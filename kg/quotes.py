"""Direct quotes and their speakers: ``(speaker)-[:SAID]->(:Quote {text})``.

Attribution, in order: a speech verb in the sentence that holds the quote's end ("...,"
the US President said); the clause the quote is embedded in (imploring X to "..."); the
previous quote's speaker when the quote continues in the same or the next paragraph.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from .dates import event_date
from .model import Quote
from .nlp import doc_text, sentence_of, tokens_of
from .ontology import cues
from .relations import Context, resolve_args, subjects_of

QUOTE_PATTERN = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"")
MIN_QUOTE_WORDS = 3
SPEAKERS = {"Person", "Official", "Agency", "Organization", "Group"}


def _speaker_candidates(ctx: Context, token: Token) -> list[Token]:
    """Who a token outside the quote says it is from: the subject of a speech verb, or
    the object of "according to"."""
    if token.lower_ == "according":
        return [p for to in token.children if to.lower_ == "to"
                for p in to.children if p.dep_ == "pobj"]
    if token.lemma_ in cues.SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
        return subjects_of(token) or [c for c in token.children if c.dep_ == "nsubj"]
    return []


def _speaker_from_verbs(ctx: Context, tokens: list[Token], qstart: int, qend: int) -> Optional[tuple[str, Token]]:
    """The speaker named nearest the quote, with the token that names it."""
    best = None
    for token in tokens:
        if qstart <= token.idx < qend:
            continue
        speaker = next((a for a in resolve_args(ctx, _speaker_candidates(ctx, token))
                        if ctx.label(a.key) in SPEAKERS), None)
        if speaker is not None:
            distance = min(abs(token.idx - qend), abs(token.idx - qstart))
            if best is None or distance < best[0]:
                best = (distance, speaker.key, token)
    return (best[1], best[2]) if best else None


def _speaker_from_embedding(ctx: Context, inside: list[Token], qstart: int, qend: int) -> Optional[tuple[str, Token]]:
    """Walk up from the quoted words to the first clause outside with a speaking subject."""
    for token in inside:
        head = token
        for _ in range(8):
            if head.head is head:
                break
            head = head.head
            if qstart <= head.idx < qend or head.pos_ not in ("VERB", "AUX"):
                continue
            for arg in resolve_args(ctx, subjects_of(head)):
                if ctx.label(arg.key) in SPEAKERS:
                    return arg.key, head
    return None


def _paragraph_of(text: str, offset: int) -> int:
    return text.count("\n\n", 0, offset)


def extract_quotes(ctx: Context) -> list[Quote]:
    """Every direct quote of three or more words with a speaker the text names."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    tokens = tokens_of(doc)
    quotes: list[Quote] = []
    previous: Optional[tuple[str, int]] = None  # (speaker, paragraph)
    for match in QUOTE_PATTERN.finditer(text):
        group = 1 if match.group(1) is not None else 2
        qstart, qend = match.start(group), match.end(group)
        body = match.group(group).strip().rstrip(",;: ")
        if len(body.split()) < MIN_QUOTE_WORDS:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        sents = list({s.start: s for s in (sentence_of(tokens[span.start]),
                                           sentence_of(tokens[span.end - 1]))}.values())
        end_sent = sents[-1]
        after = sentence_of(tokens[end_sent.end]) if end_sent.end < len(doc) and \
            _paragraph_of(text, tokens[end_sent.end].idx) == _paragraph_of(text, qend) else None
        window = [t for s in sents for t in tokens[s.start:s.end]]
        found = _speaker_from_verbs(ctx, window, qstart, qend)
        if found is None and after is not None and span.end >= end_sent.end - 1:
            found = _speaker_from_verbs(ctx, tokens[after.start:after.end], qstart, qend)
        if found is None:
            inside = [t for t in tokens[span.start:span.end] if qstart <= t.idx < qend and t.dep_ == "ROOT" or
                      (qstart <= t.idx < qend and not (qstart <= t.head.idx < qend))]
            found = _speaker_from_embedding(ctx, inside, qstart, qend)
        paragraph = _paragraph_of(text, qstart)
        if found is None and previous and paragraph - previous[1] <= 1:
            speaker, anchor = previous[0], tokens[span.start]
        elif found is None:
            continue
        else:
            speaker, anchor = found
        previous = (speaker, paragraph)
        sent = sentence_of(anchor)
        quotes.append(Quote(
            speaker=speaker, text=body, article=ctx.article.id, char_start=qstart,
            char_end=qend, date=event_date(anchor, sent, ctx.article.date) or ctx.article.date,
            evidence=_evidence(sents + ([after] if after is not None else []), text,
                               qstart, qend),
            extractor="quote:" + ("verb" if anchor.lemma_ in cues.SPEECH_VERBS else "context")))
    return quotes


def _evidence(sents: list[Span], text: str, qstart: int, qend: int) -> str:
    start = min(s.start_char for s in sents)
    end = max(s.end_char for s in sents)
    return text[start:end].strip()
