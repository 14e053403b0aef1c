"""kg's own spaCy pipeline components, one file each. Importing this package registers them.

- ``kg_paragraphs`` (``paragraphs.py``): a blank line always ends a sentence.
- ``kg_attributes`` (``attributes.py``): the model's attribute ruler patterns, applied by
  table and dictionary lookups instead of trying every pattern at every token.
- ``kg_lemmas`` (``lemmas.py``): the model's own lemmatizer behind a per-(word, POS, MORPH)
  cache, applied to a whole Doc at once.

The last two change no annotation (the tests compare them with the stock components on the
shared corpus); they exist because the stock ones cost a Python call per token.
"""
from . import attributes, lemmas, paragraphs  # noqa: F401  (registration)
