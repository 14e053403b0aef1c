"""Direct quotes and their speakers: ``(speaker)-[:SAID]->(:Quote {text})``.

Attribution, in order: a speech verb in the sentence that holds the quote's end ("...,"
the US President said), or the name right before a verb the parser left without a
subject; the clause the quote is embedded in (imploring X to "..."); the previous quote's
speaker when the quote continues in the same or the next paragraph. Quotes in double or
single marks; a quote left open runs to the end of its paragraph.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from .dates import event_date
from ..model import Quote
from .nlp import doc_text, sentence_of, sentence_start, tokens_of
from ..ontology import cues
from .relations import Context, resolve_args, subjects_of

#: Quotes in double quotes, curly single quotes, and straight single quotes that open after
#: a non-word character and close before one (so "it's" and "d'etat" never end a quote).
QUOTE_PATTERN = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"|‘([^’\n]{2,}?)’(?!\w)"
                           r"|(?<![\w'])'([^'\n]*?(?:\w'\w[^'\n]*?)*)'(?!\w)"
                           # a typo's mismatched marks: opened with ` or ', closed with "
                           r"|(?<!\w)[`‘']+([^\"“”'‘’`\n]{2,}?)[\"”]")
#: An opening double quote with no closing one before the paragraph ends: a quote running
#: on into the next paragraph, or cut off with the article.
UNCLOSED_QUOTE = re.compile(r'[“"]([^”"\n]{2,})(?=\n|$)')
MIN_QUOTE_WORDS = 3
SPEAKERS = {"Person", "Official", "Agency", "Organization", "Group"}
#: Verbs that attribute a quote: speech verbs, and verbs of naming ("called X 'a
#: shameful stunt'").
QUOTE_VERBS = cues.SPEECH_VERBS | cues.CALLING_VERBS
#: "according to X" names a source less surely than a verb of saying does.
ACCORDING_TO_PENALTY = 10_000


def _speaker_candidates(ctx: Context, token: Token, qstart: int, qend: int) -> list[Token]:
    """Who a token outside the quote says it is from: the subject of a speech verb (never
    a word inside the quote: in '"..., the rule says," said X' the parser gives "said" two
    subjects), or the object of "according to"."""
    if token.lower_ == "according":
        return _authors([p for to in token.children if to.lower_ == "to"
                         for p in to.children if p.dep_ == "pobj"])
    if token.lemma_ in QUOTE_VERBS and token.pos_ in ("VERB", "AUX"):
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        outside = [c for c in subjects if not qstart <= c.idx < qend]
        if len(subjects) > 1 and outside:  # the one nearest the verb, as subjects_of does
            return _authors([min(outside, key=lambda c: abs(c.i - token.i))])
        return _authors(subjects_of(token) or outside)
    return []


def _authors(tokens: list[Token]) -> list[Token]:
    """A document noun stands for its author named in a modifier ("the FDA report",
    "Tuesday's FDA report", "the agency's statement"); other tokens stand for themselves."""
    out = []
    for t in tokens:
        if t.lemma_ in cues.DOCUMENT_NOUNS and t.pos_ == "NOUN":
            mods = [c for c in t.children if c.dep_ in ("compound", "poss") and c.pos_ in ("PROPN", "NOUN")]
            out.extend(mods or [t])
        else:
            out.append(t)
    return out


def _name_before(ctx: Context, verb: Token, qstart: int, qend: int) -> Optional[str]:
    """A speech verb the parser left without a subject: the entity named right before it
    (", Ana Ruiz, said")."""
    j = verb.i - 1
    while j >= 0 and ctx.doc[j].text in (",", "—", "-"):
        j -= 1
    key = ctx.key_at.get(j)
    if key and ctx.label(key) in SPEAKERS and not qstart <= ctx.doc[j].idx < qend:
        return key
    # "The governor in a statement called X '...'", parsed with the name as the root: the name
    # that heads the clause before the verb
    start = sentence_start(verb)
    for j in range(verb.i - 1, start - 1, -1):
        key = ctx.key_at.get(j)
        token = ctx.doc[j]
        if key and ctx.label(key) in SPEAKERS and not qstart <= token.idx < qend and \
                (token.dep_ == "ROOT" or (token.dep_ == "nsubj" and token.head == verb)):
            return key
    return None


def _speaker_from_verbs(ctx: Context, tokens: list[Token], qstart: int, qend: int) -> Optional[tuple[str, Token]]:
    """The speaker named nearest the quote, with the token that names it."""
    best = None
    for token in tokens:
        if qstart <= token.idx < qend:
            continue
        speaker = next((a.key for a in resolve_args(ctx, _speaker_candidates(ctx, token, qstart, qend))
                        if ctx.label(a.key) in SPEAKERS), None)
        if speaker is None and token.lemma_ in QUOTE_VERBS and token.pos_ == "VERB" and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            speaker = _name_before(ctx, token, qstart, qend)
        if speaker is not None:
            distance = min(abs(token.idx - qend), abs(token.idx - qstart))
            if token.lower_ == "according":
                distance += ACCORDING_TO_PENALTY
            if best is None or distance < best[0]:
                best = (distance, speaker, token)
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
    for match in _quote_matches(text):
        group = next(g for g in range(1, (match.re.groups or 1) + 1) if match.group(g) is not None)
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


def _quote_matches(text: str) -> list[re.Match]:
    """Closed quotes, then quotes left open to the paragraph's end (counted after every
    balanced mark before them, so a stray closing mark never opens one)."""
    matches = list(QUOTE_PATTERN.finditer(text))
    taken = [(m.start(), m.end()) for m in matches]
    for m in UNCLOSED_QUOTE.finditer(text):
        before = text[:m.start()]
        if not any(a <= m.start() < b for a, b in taken) and before.count('"') % 2 == 0 \
                and before.count("“") <= before.count("”"):
            matches.append(m)
    return sorted(matches, key=lambda m: m.start())


def _evidence(sents: list[Span], text: str, qstart: int, qend: int) -> str:
    start = min(s.start_char for s in sents)
    end = max(s.end_char for s in sents)
    return text[start:end].strip()
