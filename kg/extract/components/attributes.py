"""``kg_attributes``: the model's attribute ruler, run as table lookups.

An English model's ``attribute_ruler`` sets POS, MORPH and some LEMMAs from about 180
Matcher patterns: first one per fine-grained tag (``{"TAG": "NNS"}`` -> ``POS=NOUN``), then
word-specific exceptions (``{"LOWER": "not", "TAG": "RB"}`` -> ``Polarity=Neg``). spaCy's
Matcher tries every pattern at every token, which costs about as much as the tagger and
parser together. This component applies the same patterns with the same result:

- the leading run of plain one-tag patterns, as one array read and write per Doc;
- every other pattern without operators, found by a dictionary lookup on one of its
  exact attributes (``LOWER``, ``TAG``, ...) and then checked in full;
- anything else (operators, other attributes) by spaCy's own Matcher, as before.

As in the ruler, all patterns match the unchanged Doc and later patterns win. The tests
compare it with the stock ruler on the shared corpus.

Input: a Doc with ``TAG`` and ``DEP``. Output: the ruler's ``POS``, ``MORPH``, ``LEMMA``, ...
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

ATTRIBUTE_RULER = "attribute_ruler"
#: Pattern keys looked up by value: name -> (spaCy attribute, value is a string hash).
COLUMNS = {"ORTH": (ORTH, True), "TEXT": (ORTH, True), "LOWER": (LOWER, True),
           "NORM": (NORM, True), "TAG": (TAG, True), "DEP": (DEP, True),
           "IS_SPACE": (IS_SPACE, False)}
COLUMN_ORDER = [ORTH, LOWER, NORM, TAG, DEP, IS_SPACE]


def split_tag_table(patterns: list[dict]) -> tuple[dict[str, dict], list[dict]]:
    """The leading run of patterns that match one token by its tag alone and set only
    POS/MORPH (as ``{tag: attrs}``), and the patterns after it. Only the leading run is
    taken: a later tag pattern could override an exception, so it keeps its place."""
    table: dict[str, dict] = {}
    for n, pattern in enumerate(patterns):
        specs, attrs = pattern["patterns"], pattern["attrs"]
        plain = (len(specs) == 1 and len(specs[0]) == 1 and set(specs[0][0]) == {"TAG"}
                 and isinstance(specs[0][0]["TAG"], str) and set(attrs) <= {"POS", "MORPH"}
                 and pattern.get("index", 0) == 0 and specs[0][0]["TAG"] not in table)
        if not plain:
            return table, patterns[n:]
        table[specs[0][0]["TAG"]] = attrs
    return table, []


@dataclass
class Check:
    """One condition on one token attribute: equal, in, not in, or regex."""

    column: int
    kind: str
    value: object
    seen: dict = field(default_factory=dict)  # regex results by string hash

    def search(self, value: int, strings) -> bool:
        found = self.seen.get(value)
        if found is None:
            found = self.seen[value] = self.value.search(strings[value]) is not None
        return found


@dataclass
class Rule:
    """A fixed-length pattern: a list of checks per token, the attrs to set and where."""

    order: int
    tokens: list[list[Check]]
    attrs: dict
    index: int
    key: Optional[tuple[int, object]] = None  # (column, value) to find it by
    keys_in: list = field(default_factory=list)  # or several values of one column

    def matches(self, rows: list, start: int, strings) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        for offset, checks in enumerate(self.tokens):
            row = rows[start + offset]
            for check in checks:
                value = row[check.column]
                if check.kind == "eq" and value != check.value:
                    return False
                if check.kind == "in" and value not in check.value:
                    return False
                if check.kind == "not_in" and value in check.value:
                    return False
                if check.kind == "regex" and not check.search(value, strings):
                    return False
        return True


def compile_rule(order: int, pattern: list[dict], attrs: dict, index: int, strings) -> Optional[Rule]:
    """A ``Rule`` for a Matcher pattern, or None when it needs the Matcher (operators,
    attributes other than ``COLUMNS``, predicates other than IN/NOT_IN/REGEX)."""
    tokens = []
    for spec in pattern:
        checks = []
        for name, wanted in spec.items():
            if name not in COLUMNS:
                return None
            attr, hashed = COLUMNS[name]
            column = COLUMN_ORDER.index(attr)
            def value_of(v):
                return strings.add(v) if hashed else int(v)
            if isinstance(wanted, dict):
                if len(wanted) != 1 or next(iter(wanted)) not in ("IN", "NOT_IN", "REGEX"):
                    return None
                op, values = next(iter(wanted.items()))
                if op == "REGEX":
                    if not hashed:
                        return None
                    checks.append(Check(column, "regex", re.compile(values)))
                else:
                    checks.append(Check(column, op.lower(), frozenset(value_of(v) for v in values)))
            elif isinstance(wanted, (str, bool, int)):
                checks.append(Check(column, "eq", value_of(wanted)))
            else:
                return None
        tokens.append(checks)
    if not tokens:
        return None
    rule = Rule(order, tokens, attrs, index)
    first = tokens[0]
    exact = [c for c in first if c.kind == "eq"]
    members = [c for c in first if c.kind == "in"]
    if exact:
        rule.key = (exact[0].column, exact[0].value)
    elif members:
        rule.keys_in = [(members[0].column, v) for v in members[0].value]
    return rule


class FastAttributes:
    """The attribute ruler's patterns, applied by table and index (see module docstring)."""

    def __init__(self, vocab, patterns: list[dict]):
        self.vocab = vocab
        strings = vocab.strings
        table, rest = split_tag_table(patterns)
        self.tags = {}  # tag hash -> (pos id or None, morph hash or None)
        for tag, attrs in table.items():
            pos = POS_IDS[attrs["POS"]] if "POS" in attrs else None
            morph = vocab.morphology.add(attrs["MORPH"]) if "MORPH" in attrs else None
            self.tags[strings.add(tag)] = (pos, morph)
        self.by_key: dict[tuple[int, object], list[Rule]] = {}
        self.unkeyed: list[Rule] = []
        self.matcher = Matcher(vocab)
        self.matcher_rules: dict[int, tuple[dict, int, int]] = {}  # id -> (attrs, index, order)
        for order, pattern in enumerate(rest):
            attrs = normalize_token_attrs(vocab, pattern["attrs"])
            index = pattern.get("index", 0)
            for tokens in pattern["patterns"]:
                rule = compile_rule(order, tokens, attrs, index, strings)
                if rule is None:
                    self.matcher.add(str(order), [tokens])
                    self.matcher_rules[strings.add(str(order))] = (attrs, index, order)
                elif rule.key is not None:
                    self.by_key.setdefault(rule.key, []).append(rule)
                elif rule.keys_in:
                    for key in rule.keys_in:
                        self.by_key.setdefault(key, []).append(rule)
                else:
                    self.unkeyed.append(rule)
        # per column, rules by the value they need there
        self.columns: list[tuple[int, dict]] = []
        for (column, value), rules in sorted(self.by_key.items(), key=lambda kv: kv[1][0].order):
            table = next((t for c, t in self.columns if c == column), None)
            if table is None:
                table = {}
                self.columns.append((column, table))
            table[value] = rules

    def _apply_tag_table(self, doc) -> None:
        values = doc.to_array([TAG, POS, MORPH])
        for row, tag in enumerate(values[:, 0].tolist()):
            found = self.tags.get(tag)
            if found is not None:
                if found[0] is not None:
                    values[row, 1] = found[0]
                if found[1] is not None:
                    values[row, 2] = found[1]
        doc.from_array([POS, MORPH], numpy.ascontiguousarray(values[:, 1:]))

    def __call__(self, doc):
        if not len(doc):
            return doc
        rows = doc.to_array(COLUMN_ORDER).tolist()
        strings = self.vocab.strings
        matches: list[tuple[int, int, int, dict, int]] = []
        for start, row in enumerate(rows):
            for column, table in self.columns:
                for rule in table.get(row[column], ()):
                    if rule.matches(rows, start, strings):
                        matches.append((rule.order, start, start + len(rule.tokens), rule.attrs, rule.index))
            for rule in self.unkeyed:
                if rule.matches(rows, start, strings):
                    matches.append((rule.order, start, start + len(rule.tokens), rule.attrs, rule.index))
        if self.matcher_rules:
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                attrs, index, order = self.matcher_rules[match_id]
                matches.append((order, start, end, attrs, index))
        if self.tags:
            self._apply_tag_table(doc)
        # the ruler's order: pattern by pattern, so later patterns win
        for order, start, end, attrs, index in sorted(matches, key=lambda m: (m[0], m[1], m[2])):
            set_token_attrs(Span(doc, start, end)[index], attrs)
        return doc


@Language.factory("kg_attributes")
def make_fast_attributes(nlp: Language, name: str):
    """The pipeline's ``attribute_ruler`` patterns as a ``FastAttributes``; the caller
    disables the original."""
    return FastAttributes(nlp.vocab, nlp.get_pipe(ATTRIBUTE_RULER).patterns)
