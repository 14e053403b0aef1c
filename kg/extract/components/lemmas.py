"""``kg_lemmas``: the model's lemmatizer behind a cache, a whole Doc at once.

spaCy's rule lemmatizer costs a Python call per token, does not cache base forms (singular
nouns, infinitives), which are most tokens, and tests each candidate form against its word
index as a list (a scan of thousands of words). A lemma depends only on the word, its POS and
its MORPH, so this component asks the model's own lemmatizer once per such triple, with its
word index held as sets, and writes the Doc's lemmas in one array write. Lemmas already set
(by the attribute ruler's exceptions) are kept, as the stock component keeps them. No
annotation changes.

Input: a Doc with ``POS`` and ``MORPH``. Output: ``LEMMA`` for every token.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language

LEMMATIZER = "lemmatizer"
#: Entries kept before the cache starts over (bounds memory on endless corpora).
CACHE_LIMIT = 500_000


class CachedLemmas:
    """Lemmas from ``lemmatizer`` (a spaCy ``Lemmatizer``), cached per (word, POS, MORPH)."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for key, words in list(index.items()):
            if isinstance(words, list):  # membership is all the lemmatizer asks of it
                index[key] = frozenset(words)

    def __call__(self, doc):
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = values[:, 3].copy()
        if len(self.cache) > CACHE_LIMIT:
            self.cache.clear()
        for row, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not self.lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            found = self.cache.get(key)
            if found is None:
                found = self.cache[key] = strings.add(self.lemmatizer.lemmatize(doc[row])[0])
            lemmas[row] = found
        doc.from_array([LEMMA], numpy.ascontiguousarray(lemmas))
        return doc


@Language.factory("kg_lemmas")
def make_cached_lemmas(nlp: Language, name: str):
    """Wrap the pipeline's ``lemmatizer``; the caller disables the original."""
    return CachedLemmas(nlp.get_pipe(LEMMATIZER))
