"""The ontology: node labels, relation types, colours and event categories.

Everything the rest of kg knows about the shape of the graph lives in this package
(``frames.yaml`` holds the relation types and the cue frames that signal them,
``constructions.yaml`` the multi-word constructions as dependency patterns,
``entity_patterns.yaml`` the NER repairs as token patterns, ``cues``
the grammar word lists, ``gazetteer`` the title, agency, place and group lists). Labels and relationship types that reach Cypher come only from the fixed
sets defined here.
"""
from __future__ import annotations

#: Entity labels of KG_SPEC s.5, most specific first (the order picks the primary label).
#: Entity labels, the most specific first: where two articles type one entity differently,
#: the earlier label wins (``LABEL_RANK``).
ENTITY_LABELS = ("Official", "Person", "Agency", "Organization", "Place", "Law", "Group")
LABEL_RANK = {label: rank for rank, label in enumerate(ENTITY_LABELS)}

#: Extra labels a label implies (an Official is a Person, an Agency an Organization).
IMPLIED_LABELS = {"Official": ("Person",), "Agency": ("Organization",)}

#: Non-entity node labels.
ARTICLE_LABEL = "Article"
QUOTE_LABEL = "Quote"

# Relation types live in ``frames.yaml`` with the cues that signal them (rules as data).
from .frames import CONSTRUCTIONS_PATH, DEFAULT_PATH as FRAMES_PATH, FrameSet, load_frames  # noqa: E402

#: The relation types, cue frames and constructions kg ships (validated at import: a bad
#: entry is E401).
FRAMES: FrameSet = load_frames([FRAMES_PATH, CONSTRUCTIONS_PATH], ENTITY_LABELS)

from .entity_patterns import DEFAULT_PATH as ENTITY_PATTERNS_PATH, load_entity_patterns  # noqa: E402

#: NER repairs as SpanRuler patterns (validated at import: a bad entry is E401).
ENTITY_PATTERNS = load_entity_patterns([ENTITY_PATTERNS_PATH], ENTITY_LABELS)

#: Core relation types of KG_SPEC s.5, with their PLOVER event-data category.
CORE_RELATIONS = FRAMES.core_types()

#: Relation types beyond the core that kg may add (never scored, never at the cost of
#: precision on the core).
EXTRA_RELATIONS = FRAMES.extra_types()

RELATION_TYPES = tuple(CORE_RELATIONS) + tuple(EXTRA_RELATIONS)


def category_of(relation_type: str) -> str | None:
    """PLOVER category of a relation type, or None for structural relations."""
    if relation_type in CORE_RELATIONS:
        return CORE_RELATIONS[relation_type]
    return EXTRA_RELATIONS.get(relation_type)


#: One palette for GraphML/GEXF, the HTML view and cypher/style.grass.
PALETTE = {
    "Official": "#D62728",
    "Person": "#FF7F0E",
    "Agency": "#1F77B4",
    "Organization": "#17BECF",
    "Place": "#2CA02C",
    "Group": "#9467BD",
    "Law": "#8C564B",
    "Article": "#7F7F7F",
    "Quote": "#BCBD22",
}


def labels_for(label: str) -> list[str]:
    """All node labels for a primary entity label, ``Entity`` first."""
    return ["Entity", label, *IMPLIED_LABELS.get(label, ())]


def primary_label(labels) -> str:
    """The most specific known label among ``labels``."""
    for label in ENTITY_LABELS + (ARTICLE_LABEL, QUOTE_LABEL):
        if label in labels:
            return label
    return "Entity"
