"""The typing stage's one overlap policy (``entities.apply_proposals``) and the NER repairs
as data (``kg/ontology/entity_patterns.yaml``).

The policy is tested on hand-made mentions (no parse at all); the patterns on hand-built
parses (``Doc(words, heads, deps)``), so a model upgrade cannot change what a test means.
"""
from __future__ import annotations

import pytest
from conftest import hand_parsed, rules_file_error

from kg.extract import entities
from kg.extract.entities import FILL, NEST, REPLACE, apply_proposals, extract_mentions
from kg.model import Mention
from kg.ontology import ENTITY_LABELS, ENTITY_PATTERNS, ENTITY_PATTERNS_PATH, load_entity_patterns


def mention(start, end, label="Organization", **kw):
    return Mention(start, end, start * 10, end * 10, f"m{start}-{end}", label, **kw)


def spans(mentions):
    return sorted((m.start, m.end, m.label, m.attribute_only) for m in mentions)


@pytest.mark.parametrize("policy, proposal, kept, accepted", [
    # existing: (2, 4) and (6, 7)
    (FILL, (0, 2), [(0, 2), (2, 4), (6, 7)], True),        # nothing there: added
    (FILL, (1, 3), [(2, 4), (6, 7)], False),               # overlaps: refused
    (REPLACE, (2, 7), [(2, 7)], True),                     # contains both: replaces them
    (REPLACE, (3, 7), [(2, 4), (6, 7)], False),            # (2, 4) runs past its start
    (REPLACE, (2, 4), [(2, 4), (6, 7)], False),            # the same span: the first stays
    (REPLACE, (8, 9), [(2, 4), (6, 7), (8, 9)], True),     # nothing there: added
    (NEST, (3, 7), [(2, 4), (3, 7), (6, 7)], True),        # beside what it overlaps
])
def test_one_overlap_policy(policy, proposal, kept, accepted):
    mentions = [mention(2, 4), mention(6, 7)]
    taken = apply_proposals(mentions, [mention(*proposal)], policy)
    assert [(m.start, m.end) for m in sorted(mentions, key=lambda m: (m.start, m.end))] == kept
    assert [(m.start, m.end) for m in taken] == ([proposal] if accepted else [])


def test_an_accepted_proposal_counts_for_the_next():
    mentions = [mention(5, 6)]
    apply_proposals(mentions, [mention(0, 3), mention(2, 4), mention(3, 4)], FILL)
    assert spans(mentions) == [(0, 3, "Organization", False), (3, 4, "Organization", False),
                               (5, 6, "Organization", False)]
    apply_proposals(mentions, [mention(0, 4), mention(0, 6)], REPLACE)  # longest last here
    assert spans(mentions) == [(0, 6, "Organization", False)]


def test_replace_may_keep_the_places_it_contains_as_attributes():
    mentions = [mention(0, 1, "Place"), mention(1, 2, "Person")]
    apply_proposals(mentions, [mention(0, 3, "Agency")], REPLACE, keep_places=True)
    assert spans(mentions) == [(0, 1, "Place", True), (0, 3, "Agency", False)]


def test_an_attribute_only_mention_competes_for_no_span():
    mentions = [mention(0, 1, "Place", attribute_only=True)]
    apply_proposals(mentions, [mention(0, 2, "Person")], FILL)
    assert spans(mentions) == [(0, 1, "Place", True), (0, 2, "Person", False)]


# ----------------------------------------------------------------------- patterns
P, N, V = "PROPN", "NOUN", "VERB"
# "Lawmakers passed SB 12 and Senate Bill 5 ."
BILLS = [("Lawmakers", 1, "nsubj", N, "NNS", "lawmaker"), ("passed", 1, "ROOT", V, "VBD", "pass"),
         ("SB", 3, "compound", P, "NNP", "SB"), ("12", 1, "dobj", "NUM", "CD", "12"),
         ("and", 3, "cc", "CCONJ", "CC", "and"), ("Senate", 6, "compound", P, "NNP", "Senate"),
         ("Bill", 3, "conj", P, "NNP", "Bill"), ("5", 6, "nummod", "NUM", "CD", "5"),
         (".", 1, "punct", "PUNCT", ".", ".")]
# "A NovaPoll survey asked McKee ."
CAMEL = [("A", 2, "det", "DET", "DT", "a"), ("NovaPoll", 2, "compound", P, "NNP", "NovaPoll"),
         ("survey", 3, "nsubj", N, "NN", "survey"), ("asked", 3, "ROOT", V, "VBD", "ask"),
         ("McKee", 3, "dobj", P, "NNP", "McKee"), (".", 3, "punct", "PUNCT", ".", ".")]


def names(mentions):
    """The named mentions (groups have their own rules)."""
    return sorted((m.text, m.label) for m in mentions if m.label != "Group")


@pytest.mark.parametrize("rows, expected", [
    (BILLS, [("SB 12", "Law"), ("Senate Bill 5", "Law")]),
    (CAMEL, [("NovaPoll", "Organization")]),  # "McKee": a surname built so, no brand
], ids=["bill-number", "camel-case-name"])
def test_entity_patterns(nlp, rows, expected):
    assert names(extract_mentions(hand_parsed(nlp, rows))) == expected


def test_every_shipped_entity_pattern_has_a_case():
    assert {p["id"] for p in ENTITY_PATTERNS} == {"bill-number", "camel-case-name"}


def test_a_pattern_never_cuts_or_retypes_a_name_the_ner_found(nlp):
    ents = ["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"]  # "SB 12" taken as a name
    found = extract_mentions(hand_parsed(nlp, BILLS, ents))
    assert names(found) == [("SB 12", "Organization"), ("Senate Bill 5", "Law")]


# "Ana Ruiz cited Ordinance 7 ."
ORDINANCE = [("Ana", 1, "compound", P, "NNP", "Ana"), ("Ruiz", 2, "nsubj", P, "NNP", "Ruiz"),
             ("cited", 2, "ROOT", V, "VBD", "cite"), ("Ordinance", 2, "dobj", P, "NNP", "Ordinance"),
             ("7", 3, "nummod", "NUM", "CD", "7"), (".", 2, "punct", "PUNCT", ".", ".")]


def test_an_entity_pattern_added_through_data_alone_is_found(nlp, tmp_path, monkeypatch):
    extra = tmp_path / "extra.yaml"
    extra.write_text("patterns:\n  - id: ordinance\n    label: Law\n"
                     "    pattern: [{TEXT: Ordinance}, {LIKE_NUM: true}]\n", encoding="utf-8")
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    assert names(extract_mentions(hand_parsed(nlp, ORDINANCE, ents))) == [("Ana Ruiz", "Person")]
    patterns = load_entity_patterns([ENTITY_PATTERNS_PATH, extra], ENTITY_LABELS)
    monkeypatch.setattr(entities, "ENTITY_PATTERNS", patterns)
    entities._pattern_ruler.cache_clear()
    try:
        found = extract_mentions(hand_parsed(nlp, ORDINANCE, ents))
    finally:
        monkeypatch.undo()
        entities._pattern_ruler.cache_clear()
    assert names(found) == [("Ana Ruiz", "Person"), ("Ordinance 7", "Law")]


@pytest.mark.parametrize("text, entry, reason", [
    ("patterns:\n  - {id: x, label: Robot, pattern: [{TEXT: a}]}\n", "patterns[0] (x)",
     "label 'Robot' is no entity label (" + ", ".join(ENTITY_LABELS) + ")"),
    ("patterns:\n  - {id: x, label: Law, pattern: [{TEXTS: a}]}\n", "patterns[0] (x)",
     "pattern rejected by spaCy: [pattern -> 0 -> TEXTS] Extra inputs are not permitted"),
    ("patterns:\n  - {id: X Y, label: Law, pattern: [{TEXT: a}]}\n", "patterns[0]",
     "id must be lower-case letters, digits and hyphens"),
    ("patterns:\n  - {id: x, label: Law, pattern: [{TEXT: a}], colour: red}\n", "patterns[0]",
     "unknown key(s) ['colour']; allowed: ['id', 'label', 'pattern']"),
    ("patterns:\n  - {id: x, label: Law, pattern: []}\n", "patterns[0] (x)",
     "pattern must be a list of token specs"),
    ("rules: []\n", "top level", "the file holds one key, patterns"),
])
def test_a_malformed_entity_pattern_is_one_coded_line_naming_file_and_entry(tmp_path, text, entry, reason):
    bad, message = rules_file_error(tmp_path, text, lambda p: load_entity_patterns([p], ENTITY_LABELS))
    assert message == f"{bad}: {entry}: {reason}; fix that entry of the rules file"


def test_the_first_words_of_the_patterns_decide_whether_the_matcher_runs(nlp):
    from kg.extract.entities import _first_words

    assert _first_words([{"pattern": [{"TEXT": "Ordinance"}, {"LIKE_NUM": True}]}]).pattern == "Ordinance"
    assert _first_words([{"pattern": [{"TEXT": {"IN": ["Senate", "House"]}}, {"TEXT": "Bill"},
                                      {"TEXT": {"REGEX": "^\\d+$"}}]}]).pattern == \
        "(?:Senate|House)\\s*Bill\\s*(?:\\d+)"
    assert _first_words([{"pattern": [{"POS": "PROPN"}]}]) is None  # no text: always run
    shipped = _first_words(ENTITY_PATTERNS)
    for rows in (BILLS, CAMEL):
        assert shipped.search(hand_parsed(nlp, rows).text)
    assert shipped.search("Lawmakers met the Senate on Monday and McKee spoke.") is None
