"""Constructions as data (kg/ontology/constructions.yaml): named dependency patterns whose
anchors say where a multi-word construction's source and target are.

Each construction is tested on a hand-built parse (``Doc(words, heads, deps)``), so a model
upgrade cannot change what a test means, and each test also runs without the constructions
file to show that the construction, not another rule, gives the relation.
"""
from __future__ import annotations

import pytest
from conftest import hand_parsed, names_of, rules_file_error

from kg.extract import extract_article
from kg.extract.relations import construction_matches
from kg.model import Article
from kg.ontology import CONSTRUCTIONS_PATH, ENTITY_LABELS, FRAMES, FRAMES_PATH, load_frames

WITHOUT_CONSTRUCTIONS = load_frames([FRAMES_PATH], ENTITY_LABELS)

P, N, V, A = "PROPN", "NOUN", "VERB", "ADP"
PERSON, PERSON_I, ORG, ORG_I, GPE = "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-GPE"

# (construction, rows (word, head, dep, pos, tag, lemma), entity tags, expected relations as
# (source name, TYPE, target name, extractor))
CASES = [
    ("event-received",  # "Tom Hale received a subpoena from Ana Ruiz ."
     [("Tom", 1, "compound", P, "NNP", "Tom"), ("Hale", 2, "nsubj", P, "NNP", "Hale"),
      ("received", 2, "ROOT", V, "VBD", "receive"), ("a", 4, "det", "DET", "DT", "a"),
      ("subpoena", 2, "dobj", N, "NN", "subpoena"), ("from", 4, "prep", A, "IN", "from"),
      ("Ana", 7, "compound", P, "NNP", "Ana"), ("Ruiz", 5, "pobj", P, "NNP", "Ruiz"),
      (".", 2, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", PERSON, PERSON_I, "O"],
     {("Ana Ruiz", "SUBPOENAED", "Tom Hale", "noun:subpoena")}),
    ("event-under",  # "Tom Hale is under investigation by Ana Ruiz ."
     [("Tom", 1, "compound", P, "NNP", "Tom"), ("Hale", 2, "nsubj", P, "NNP", "Hale"),
      ("is", 2, "ROOT", "AUX", "VBZ", "be"), ("under", 2, "prep", A, "IN", "under"),
      ("investigation", 3, "pobj", N, "NN", "investigation"), ("by", 4, "prep", A, "IN", "by"),
      ("Ana", 7, "compound", P, "NNP", "Ana"), ("Ruiz", 5, "pobj", P, "NNP", "Ruiz"),
      (".", 2, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", PERSON, PERSON_I, "O"],
     {("Ana Ruiz", "INVESTIGATED", "Tom Hale", "noun:investigation")}),
    ("event-light-verb",  # "Ana Ruiz filed a lawsuit against Tom Hale ."
     [("Ana", 1, "compound", P, "NNP", "Ana"), ("Ruiz", 2, "nsubj", P, "NNP", "Ruiz"),
      ("filed", 2, "ROOT", V, "VBD", "file"), ("a", 4, "det", "DET", "DT", "a"),
      ("lawsuit", 2, "dobj", N, "NN", "lawsuit"), ("against", 2, "prep", A, "IN", "against"),
      ("Tom", 7, "compound", P, "NNP", "Tom"), ("Hale", 5, "pobj", P, "NNP", "Hale"),
      (".", 2, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", PERSON, PERSON_I, "O"],
     {("Ana Ruiz", "SUED", "Tom Hale", "noun:lawsuit")}),
    ("event-light-verb-to-challenge",  # "Ana Ruiz filed suit to block Vero Corp 's rule ."
     [("Ana", 1, "compound", P, "NNP", "Ana"), ("Ruiz", 2, "nsubj", P, "NNP", "Ruiz"),
      ("filed", 2, "ROOT", V, "VBD", "file"), ("suit", 2, "dobj", N, "NN", "suit"),
      ("to", 5, "aux", "PART", "TO", "to"), ("block", 2, "advcl", V, "VB", "block"),
      ("Vero", 7, "compound", P, "NNP", "Vero"), ("Corp", 9, "poss", P, "NNP", "Corp"),
      ("'s", 7, "case", "PART", "POS", "'s"), ("rule", 5, "dobj", N, "NN", "rule"),
      (".", 2, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", ORG, ORG_I, "O", "O", "O"],
     {("Ana Ruiz", "SUED", "Vero Corp", "noun:suit")}),
    ("event-authorized",  # "Ana Ruiz ordered the deployment of troops ."
     [("Ana", 1, "compound", P, "NNP", "Ana"), ("Ruiz", 2, "nsubj", P, "NNP", "Ruiz"),
      ("ordered", 2, "ROOT", V, "VBD", "order"), ("the", 4, "det", "DET", "DT", "the"),
      ("deployment", 2, "dobj", N, "NN", "deployment"), ("of", 4, "prep", A, "IN", "of"),
      ("troops", 5, "pobj", N, "NNS", "troop"), (".", 2, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", "O", "O"],
     {("Ana Ruiz", "DEPLOYED", "troops", "noun:deployment")}),
    ("event-participle",  # "A lawsuit filed by Ana Ruiz against Vero Corp was dismissed ."
     [("A", 1, "det", "DET", "DT", "a"), ("lawsuit", 10, "nsubjpass", N, "NN", "lawsuit"),
      ("filed", 1, "acl", V, "VBN", "file"), ("by", 2, "agent", A, "IN", "by"),
      ("Ana", 5, "compound", P, "NNP", "Ana"), ("Ruiz", 3, "pobj", P, "NNP", "Ruiz"),
      ("against", 2, "prep", A, "IN", "against"), ("Vero", 8, "compound", P, "NNP", "Vero"),
      ("Corp", 6, "pobj", P, "NNP", "Corp"), ("was", 10, "auxpass", "AUX", "VBD", "be"),
      ("dismissed", 10, "ROOT", V, "VBN", "dismiss"), (".", 10, "punct", "PUNCT", ".", ".")],
     ["O", "O", "O", "O", PERSON, PERSON_I, "O", ORG, ORG_I, "O", "O", "O"],
     {("Ana Ruiz", "SUED", "Vero Corp", "noun:lawsuit")}),
    ("event-relative-to",  # "Ana Ruiz 's subpoenas that went to Tom Hale surprised reporters ."
     [("Ana", 1, "compound", P, "NNP", "Ana"), ("Ruiz", 3, "poss", P, "NNP", "Ruiz"),
      ("'s", 1, "case", "PART", "POS", "'s"), ("subpoenas", 9, "nsubj", N, "NNS", "subpoena"),
      ("that", 5, "nsubj", "PRON", "WDT", "that"), ("went", 3, "relcl", V, "VBD", "go"),
      ("to", 5, "prep", A, "IN", "to"), ("Tom", 8, "compound", P, "NNP", "Tom"),
      ("Hale", 6, "pobj", P, "NNP", "Hale"), ("surprised", 9, "ROOT", V, "VBD", "surprise"),
      ("reporters", 9, "dobj", N, "NNS", "reporter"), (".", 9, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", "O", PERSON, PERSON_I, "O", "O", "O"],
     {("Ana Ruiz", "SUBPOENAED", "Tom Hale", "noun:subpoena")}),
    ("event-pleaded",  # "Tom Hale pleaded guilty to charges brought by Ana Ruiz ."
     [("Tom", 1, "compound", P, "NNP", "Tom"), ("Hale", 2, "nsubj", P, "NNP", "Hale"),
      ("pleaded", 2, "ROOT", V, "VBD", "plead"), ("guilty", 2, "acomp", "ADJ", "JJ", "guilty"),
      ("to", 3, "prep", A, "IN", "to"), ("charges", 4, "pobj", N, "NNS", "charge"),
      ("brought", 5, "acl", V, "VBN", "bring"), ("by", 6, "agent", A, "IN", "by"),
      ("Ana", 9, "compound", P, "NNP", "Ana"), ("Ruiz", 7, "pobj", P, "NNP", "Ruiz"),
      (".", 2, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", "O", "O", PERSON, PERSON_I, "O"],
     {("Ana Ruiz", "CHARGED", "Tom Hale", "noun:charge")}),
    ("critic-of",  # "Ana Ruiz is a critic of Vero Corp ."
     [("Ana", 1, "compound", P, "NNP", "Ana"), ("Ruiz", 2, "nsubj", P, "NNP", "Ruiz"),
      ("is", 2, "ROOT", "AUX", "VBZ", "be"), ("a", 4, "det", "DET", "DT", "a"),
      ("critic", 2, "attr", N, "NN", "critic"), ("of", 4, "prep", A, "IN", "of"),
      ("Vero", 7, "compound", P, "NNP", "Vero"), ("Corp", 5, "pobj", P, "NNP", "Corp"),
      (".", 2, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", ORG, ORG_I, "O"],
     {("Ana Ruiz", "CRITICIZED", "Vero Corp", "pattern:critic-of")}),
    ("critic-of-appositive",  # "Ana Ruiz , a critic of Vero Corp , spoke ."
     [("Ana", 1, "compound", P, "NNP", "Ana"), ("Ruiz", 9, "nsubj", P, "NNP", "Ruiz"),
      (",", 1, "punct", "PUNCT", ",", ","), ("a", 4, "det", "DET", "DT", "a"),
      ("critic", 1, "appos", N, "NN", "critic"), ("of", 4, "prep", A, "IN", "of"),
      ("Vero", 7, "compound", P, "NNP", "Vero"), ("Corp", 5, "pobj", P, "NNP", "Corp"),
      (",", 1, "punct", "PUNCT", ",", ","), ("spoke", 9, "ROOT", V, "VBD", "speak"),
      (".", 9, "punct", "PUNCT", ".", ".")],
     [PERSON, PERSON_I, "O", "O", "O", "O", ORG, ORG_I, "O", "O", "O"],
     {("Ana Ruiz", "CRITICIZED", "Vero Corp", "pattern:critic-of-appositive")}),
    ("part-of",  # "Pell Labs , part of Vero Corp , closed ."
     [("Pell", 1, "compound", P, "NNP", "Pell"), ("Labs", 8, "nsubj", P, "NNPS", "Labs"),
      (",", 1, "punct", "PUNCT", ",", ","), ("part", 1, "appos", N, "NN", "part"),
      ("of", 3, "prep", A, "IN", "of"), ("Vero", 6, "compound", P, "NNP", "Vero"),
      ("Corp", 4, "pobj", P, "NNP", "Corp"), (",", 1, "punct", "PUNCT", ",", ","),
      ("closed", 8, "ROOT", V, "VBD", "close"), (".", 8, "punct", "PUNCT", ".", ".")],
     [ORG, ORG_I, "O", "O", "O", ORG, ORG_I, "O", "O", "O"],
     {("Pell Labs", "PART_OF", "Vero Corp", "pattern:part-of")}),
    ("part-of-relative",  # "Pell Labs , which is part of Vero Corp , closed ."
     [("Pell", 1, "compound", P, "NNP", "Pell"), ("Labs", 10, "nsubj", P, "NNPS", "Labs"),
      (",", 1, "punct", "PUNCT", ",", ","), ("which", 4, "nsubj", "PRON", "WDT", "which"),
      ("is", 1, "relcl", "AUX", "VBZ", "be"), ("part", 4, "attr", N, "NN", "part"),
      ("of", 5, "prep", A, "IN", "of"), ("Vero", 8, "compound", P, "NNP", "Vero"),
      ("Corp", 6, "pobj", P, "NNP", "Corp"), (",", 1, "punct", "PUNCT", ",", ","),
      ("closed", 10, "ROOT", V, "VBD", "close"), (".", 10, "punct", "PUNCT", ".", ".")],
     [ORG, ORG_I, "O", "O", "O", "O", "O", ORG, ORG_I, "O", "O", "O"],
     {("Pell Labs", "PART_OF", "Vero Corp", "pattern:part-of-relative")}),
    ("based-in",  # "Pell Labs , based in Ohio , closed ."
     [("Pell", 1, "compound", P, "NNP", "Pell"), ("Labs", 7, "nsubj", P, "NNPS", "Labs"),
      (",", 1, "punct", "PUNCT", ",", ","), ("based", 1, "acl", V, "VBN", "base"),
      ("in", 3, "prep", A, "IN", "in"), ("Ohio", 4, "pobj", P, "NNP", "Ohio"),
      (",", 1, "punct", "PUNCT", ",", ","), ("closed", 7, "ROOT", V, "VBD", "close"),
      (".", 7, "punct", "PUNCT", ".", ".")],
     [ORG, ORG_I, "O", "O", "O", GPE, "O", "O", "O"],
     {("Pell Labs", "LOCATED_IN", "Ohio", "pattern:based-in")}),
]


# constructions a case's sentence holds besides its own ("filed suit to block ..." is a light
# verb too; "charges brought by X" a noun's participle)
ALSO_MATCHING = {"event-light-verb-to-challenge": {"event-light-verb"}, "event-pleaded": {"event-participle"}}


def _relations(nlp, rows, ents, frames):
    doc = hand_parsed(nlp, rows, ents)
    part = extract_article(doc, Article(id="t", text=doc.text, date="2026-01-21"), frames)
    names = names_of(part)
    return {(names[r.source], r.type, names[r.target], r.extractor) for r in part.relations}


@pytest.mark.parametrize("name, rows, ents, expected", CASES, ids=[c[0] for c in CASES])
def test_construction(nlp, name, rows, ents, expected):
    doc = hand_parsed(nlp, rows, ents)
    matched = {c.name for c, _ in construction_matches(doc, FRAMES)}
    assert matched == {name} | ALSO_MATCHING.get(name, set())
    assert _relations(nlp, rows, ents, FRAMES) == expected
    assert _relations(nlp, rows, ents, WITHOUT_CONSTRUCTIONS) == set()


def test_every_shipped_construction_has_a_case():
    assert FRAMES.constructions
    assert {c[0] for c in CASES} == set(FRAMES.constructions)


# "Ana Ruiz is the film critic of Vero Corp ."
FILM_CRITIC = [("Ana", 1, "compound", P, "NNP", "Ana"), ("Ruiz", 2, "nsubj", P, "NNP", "Ruiz"),
               ("is", 2, "ROOT", "AUX", "VBZ", "be"), ("the", 5, "det", "DET", "DT", "the"),
               ("film", 5, "compound", N, "NN", "film"), ("critic", 2, "attr", N, "NN", "critic"),
               ("of", 5, "prep", A, "IN", "of"), ("Vero", 8, "compound", P, "NNP", "Vero"),
               ("Corp", 6, "pobj", P, "NNP", "Corp"), (".", 2, "punct", "PUNCT", ".", ".")]


def test_a_critic_by_trade_criticizes_no_one(nlp):
    ents = [PERSON, PERSON_I, "O", "O", "O", "O", "O", ORG, ORG_I, "O"]
    assert _relations(nlp, FILM_CRITIC, ents, FRAMES) == set()


# "Pell Labs , member of Vero Corp , closed ."
PART_OF = next(c for c in CASES if c[0] == "part-of")
MEMBER = [(w if w != "part" else "member", h, d, p, t, l if l != "part" else "member")
          for w, h, d, p, t, l in PART_OF[1]]


def test_a_construction_added_through_data_alone_is_extracted(nlp, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "lists:\n  membership_nouns: [member, affiliate]\n"
        "constructions:\n"
        "  - name: member-of\n"
        "    pattern:\n"
        "      - {RIGHT_ID: cue, RIGHT_ATTRS: {DEP: appos, LEMMA: {IN: '@membership_nouns'}}}\n"
        "      - {LEFT_ID: cue, REL_OP: '<', RIGHT_ID: member, RIGHT_ATTRS: {}}\n"
        "    source: [member]\n    target: ['cue.prep:of']\n    types: [PART_OF]\n"
        "    confidence: 0.6\n", encoding="utf-8")
    ents = PART_OF[2]
    assert _relations(nlp, MEMBER, ents, FRAMES) == set()
    frames = load_frames([FRAMES_PATH, CONSTRUCTIONS_PATH, extra], ENTITY_LABELS)
    assert _relations(nlp, MEMBER, ents, frames) == {("Pell Labs", "PART_OF", "Vero Corp", "pattern:member-of")}


BASE = ("constructions:\n  - name: x\n    pattern:\n"
        "      - {RIGHT_ID: cue, RIGHT_ATTRS: {DEP: appos}}\n"
        "      - {LEFT_ID: cue, REL_OP: '<', RIGHT_ID: member, RIGHT_ATTRS: {}}\n")


@pytest.mark.parametrize("text, entry, reason", [
    (BASE + "    source: [member]\n    target: ['cue.prep:of']\n    types: [PARTED]\n",
     "constructions[0] (x)", "unknown relation type 'PARTED'; declare it under relation_types"),
    (BASE + "    source: [owner]\n    target: [cue]\n    types: [PART_OF]\n",
     "constructions[0] (x)", "source: 'owner' is no anchor (RIGHT_ID) of the pattern"),
    (BASE + "    source: [member]\n    target: ['cue.beside']\n    types: [PART_OF]\n",
     "constructions[0] (x)", "target: unknown slot 'beside' (subject, object, prep:A,B, "
     "object-prep:A,B, xcomp-object, xcomp-prep:A,B, obliged-subject)"),
    (BASE + "    source: [member]\n    target: [cue]\n    types: [PART_OF]\n    colour: red\n",
     "constructions[0]", "unknown key(s) ['colour']; allowed: ['confidence', 'cue_without', 'name', "
     "'pattern', 'source', 'source_if_none', 'source_labels', 'target', 'target_labels', 'types']"),
    (BASE + "    source: [member]\n    target: [cue]\n    types: [PART_OF]\n    target_labels: [Robot]\n",
     "constructions[0] (x)", "target_labels: unknown entity label 'robot'"),
    (BASE + "    target: [cue]\n    types: [PART_OF]\n",
     "constructions[0] (x)", "a construction with types needs source and target"),
    ("constructions:\n  - name: x\n    pattern:\n      - {RIGHT_ID: noun, RIGHT_ATTRS: {POS: NOUN}}\n"
     "    target: [noun]\n", "constructions[0] (x)", "a construction without types needs an anchor named cue (the event noun whose arguments it finds)"),
    ("constructions:\n  - name: x\n    pattern:\n      - {RIGHT_ID: cue, RIGHT_ATTRS: {POSS: NOUN}}\n",
     "constructions[0] (x)", "pattern rejected by spaCy: [pattern -> 0 -> POSS] Extra inputs are not permitted"),
    ("constructions:\n  - name: x\n    pattern:\n      - {RIGHT_ID: cue, RIGHT_ATTRS: {LEMMA: {IN: '@nouns'}}}\n",
     "constructions[0] (x)", "unknown list '@nouns'; declare it under lists"),
    ("constructions:\n  - name: Bad Name\n    pattern: []\n", "constructions[0]",
     "name must be lower-case letters, digits and hyphens"),
    (BASE + "    target: [cue]\n" + BASE.split("\n", 1)[1] + "    target: [cue]\n",
     "constructions[1] (x)", "a second construction of that name"),
])
def test_a_malformed_construction_is_one_coded_line_naming_file_and_entry(tmp_path, text, entry, reason):
    bad, message = rules_file_error(tmp_path, text, lambda p: load_frames([FRAMES_PATH, p], ENTITY_LABELS))
    assert message == f"{bad}: {entry}: {reason}; fix that entry of the rules file"


def test_constructions_around_event_nouns_match_event_nouns_only(nlp):
    # "Tom Hale received a letter from Ana Ruiz .": "letter" is no event noun
    rows = [(w if w != "subpoena" else "letter", h, d, p, t, l if l != "subpoena" else "letter")
            for w, h, d, p, t, l in CASES[0][1]]
    assert construction_matches(hand_parsed(nlp, CASES[0][1], CASES[0][2]), FRAMES) != []
    assert construction_matches(hand_parsed(nlp, rows, CASES[0][2]), FRAMES) == []
