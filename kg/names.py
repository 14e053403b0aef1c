"""Name normalisation and slugs, shared by resolution, ids and the scorer (KG_SPEC s.6)."""
from __future__ import annotations

import functools
import re
import unicodedata

from .ontology.gazetteer import HONORIFICS

CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2032": "'",
                       "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})
SPEC_HONORIFICS = ("mr", "mrs", "ms", "dr")


@functools.lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Normalise a name exactly as KG_SPEC s.6 says (the scorer's rule)."""
    text = unicodedata.normalize("NFKC", name).lower().translate(CURLY).strip()
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"^(?:%s)\.?\s+" % "|".join(SPEC_HONORIFICS), "", text)
    text = re.sub(r"[-.]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@functools.lru_cache(maxsize=65536)
def match_key(name: str) -> str:
    """A looser key for matching inside kg: also drops every honorific and punctuation."""
    text = normalise(name).replace("&", " and ")
    words = [w for w in re.split(r"[\s,'\"()&]+", text) if w]
    while words and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def slug(text: str) -> str:
    """A stable ASCII identifier: lower case, words joined by underscores."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "_".join(words) or "x"
