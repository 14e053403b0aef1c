"""``kg_paragraphs``: a blank line always ends a sentence.

Input: a tokenised Doc (before the parser). Output: ``is_sent_start`` set on the token after
any line break in a whitespace token, or after a token followed by a blank line, so
headlines, captions and datelines never run into the next paragraph.
"""
from __future__ import annotations

from spacy.language import Language


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc):
    """Start a new sentence after any whitespace token holding a line break."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif "\n\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc
