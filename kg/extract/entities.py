"""Entity mentions: find every mention in a parsed article and type it (KG_SPEC s.5).

Input: a spaCy ``Doc`` (tagger, parser, NER and kg's entity ruler run). Output: a list of
``Mention`` records, in text order, each with its ontology label, cleaned surface form,
office title and jurisdiction where the text gives them. Resolution (``resolve``) turns
mentions into entities.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, Optional

from spacy.matcher import PhraseMatcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..model import Mention
from ..names import match_key, normalise
from .nlp import doc_text, sentence_start, tokens_of
from ..ontology import ENTITY_PATTERNS, gazetteer as gz

DETERMINERS = {"the", "this", "that", "these", "those", "a", "an", "its", "their", "his",
               "her", "our", "my", "your"}
POSSESSIVE = {"'s", "’s", "'", "’"}
#: Longer spans are no names (and would not fit a database key or a graph label).
MAX_NAME_CHARS = 200
NER_LABELS = {"PERSON": "Person", "ORG": "Organization", "AGENCY": "Agency", "GPE": "Place",
              "LOC": "Place", "FAC": "Place", "LAW": "Law"}
PARTY_STATE = re.compile(r"^\s*[,(]\s*[DRI]\s*-\s*([A-Z][A-Za-z.]*(?: [A-Z][a-z.]+)?)")
PLACE_PAIR = re.compile(r"^[A-Z][\w.]*(?:-[A-Z][\w.]*)+$")  # "U.S.-Mexico"


# ------------------------------------------------------------------ one overlap policy
#: How a proposed mention meets the mentions already found (``apply_proposals``):
#: FILL: only where no mention is (a name the NER missed);
#: REPLACE: also over the mentions it wholly contains, which it replaces (a body's full name
#: over the pieces the NER cut it into), never over one that runs past it or has its span;
#: NEST: beside what it overlaps, which stays ("Minnesota residents" keeps "Minnesota").
FILL, REPLACE, NEST = "fill", "replace", "nest"


def apply_proposals(mentions: list[Mention], proposals: Iterable[Mention], policy: str,
                    keep_places: bool = False) -> list[Mention]:
    """Add proposed mentions to ``mentions`` (in place, in order) under one ``policy``; an
    accepted proposal counts for those after it. With ``keep_places`` a place a REPLACE
    proposal contains stays, as an attribute ("a Dayton police officer": Dayton is named).
    Attribute-only mentions never compete for a span. Returns the accepted proposals."""
    covering: dict[int, list[Mention]] = {}
    for m in mentions:
        if not m.attribute_only:
            for i in range(m.start, m.end):
                covering.setdefault(i, []).append(m)
    removed: set[int] = set()
    accepted = []
    for p in proposals:
        if policy != NEST:
            overlapping = list({id(m): m for i in range(p.start, p.end)
                                for m in covering.get(i, ())}.values())
            if overlapping and (policy == FILL or any(
                    m.start < p.start or m.end > p.end or (m.start, m.end) == (p.start, p.end)
                    for m in overlapping)):
                continue
            for m in overlapping:
                for i in range(m.start, m.end):
                    covering[i].remove(m)
                if keep_places and m.label == "Place":
                    m.attribute_only = True
                else:
                    removed.add(id(m))
        mentions.append(p)
        accepted.append(p)
        for i in range(p.start, p.end):
            covering.setdefault(i, []).append(p)
    if removed:
        mentions[:] = [m for m in mentions if id(m) not in removed]
    return accepted


@functools.lru_cache(maxsize=4)
def _pattern_ruler(vocab: Vocab) -> tuple[SpanRuler, Optional[re.Pattern]]:
    """The SpanRuler of ``entity_patterns.yaml``, and the expression that finds its
    patterns' first words in a text (``_first_words``)."""
    from spacy.lang.en import English

    ruler = SpanRuler(English(vocab=vocab), spans_key=PATTERN_SPANS, overwrite=True)
    ruler.add_patterns(list(ENTITY_PATTERNS))
    return ruler, _first_words(ENTITY_PATTERNS)


#: ``doc.spans`` key of the matches of ``entity_patterns.yaml``.
PATTERN_SPANS = "kg_entity_patterns"


def _word_regex(spec: dict) -> Optional[str]:
    """The text a token spec requires (its TEXT or ORTH) as a regular expression, if any."""
    text = spec.get("TEXT", spec.get("ORTH"))
    if isinstance(text, str):
        return re.escape(text)
    if isinstance(text, dict) and isinstance(text.get("REGEX"), str):
        regex = text["REGEX"]
        regex = regex[1:] if regex.startswith("^") else regex
        return f"(?:{regex[:-1] if regex.endswith('$') and not regex.endswith(chr(92) + '$') else regex})"
    if isinstance(text, dict) and isinstance(text.get("IN"), list):
        return "(?:" + "|".join(re.escape(str(w)) for w in text["IN"]) + ")"
    return None


def _first_words(patterns: Iterable[dict]) -> Optional[re.Pattern]:
    """A regular expression that finds in a text the leading words of every pattern (the
    run of its first token specs that name their text), or None when a pattern's first
    word names no text. Finding none in an article spares running the matcher, whose word
    tests cost a call per token."""
    alternatives = []
    for p in patterns:
        words = []
        for spec in p["pattern"]:
            word = _word_regex(spec)
            if word is None or spec.get("OP"):
                break
            words.append(word)
        if not words:
            return None
        alternatives.append(r"\s*".join(words))
    return re.compile("|".join(alternatives)) if alternatives else None


def _pattern_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names the NER repairs of ``entity_patterns.yaml`` find ("SB 12", "NovaPoll"), in
    text order (patterns that test parts of speech need a tagged Doc). They are applied
    under FILL, so the ruler runs only when a pattern's leading words stand where no
    mention is ("YouTube" found by the NER spares it)."""
    if not ENTITY_PATTERNS or not doc.has_annotation("TAG"):
        return []
    ruler, first_words = _pattern_ruler(doc.vocab)
    if first_words is not None:
        covered = set(_index(mentions))
        starts = (doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
                  for m in first_words.finditer(doc_text(doc)))
        if not any(span is not None and span.start not in covered for span in starts):
            return []
    spans = ruler(doc).spans[PATTERN_SPANS]
    return [Mention(span.start, span.end, span.start_char, span.end_char, span.text, span.label_,
                    head=span.root.i) for span in sorted(spans, key=lambda s: (s.start, -s.end))]


# ----------------------------------------------------------------------------- lookups
def _strip_country(key: str) -> str:
    for prefix in gz.COUNTRY_PREFIXES:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1:]
    return key


@functools.lru_cache(maxsize=1)
def _body_lookup() -> tuple[dict[str, tuple[str, str]], frozenset]:
    """Known bodies by match key, and the keys that are only acronyms ("GAO", "ICE")."""
    table: dict[str, tuple[str, str]] = {}
    acronyms, names = set(), set()
    for label, source in (("Organization", gz.ORGANIZATIONS), ("Agency", gz.AGENCIES)):
        for canonical, aliases in source.items():
            for form in (canonical, *aliases):
                table[match_key(form)] = (label, canonical)
                (acronyms if _is_acronym(form) else names).add(match_key(form))
    return table, frozenset(acronyms - names)


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "").replace(" ", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 8


@functools.lru_cache(maxsize=1)
def _title_tables() -> tuple[frozenset, frozenset, frozenset, int]:
    official = frozenset(match_key(t) for t in gz.OFFICIAL_TITLES) - {""}
    qualified = frozenset(match_key(t) for t in gz.QUALIFIED_TITLES) - {""}
    private = frozenset(match_key(t) for t in gz.PRIVATE_TITLES) - {""}
    longest = max(len(t.split()) for t in official | qualified | private)
    return official, qualified, private, longest


def lookup_body(text: str) -> Optional[tuple[str, str]]:
    """(label, canonical name) of a known government or named body, else None. An acronym
    matches only in capitals: "Dot" the name is not the DOT."""
    key = match_key(text)
    table, acronyms = _body_lookup()
    for candidate in (key, _strip_country(key)):
        if candidate in table and (candidate not in acronyms or _is_acronym(text.split()[-1])):
            return table[candidate]
    return None


def canonical_place(text: str) -> str:
    """The canonical name of a place ("US" -> "United States", "WASHINGTON" -> "Washington")."""
    key = match_key(text)
    container = re.match(r"^(state|city|commonwealth|county|republic|kingdom) of (.+)$", key)
    if container and (container.group(2).title() in gz.US_STATES or container.group(1) == "city"):
        return text.split(" of ", 1)[1].strip()  # "State of California" -> "California"
    # "Mass.", "Calif.", "N.Y." (two-letter forms such as "La" or "Pa" are too ambiguous)
    abbreviation = gz.STATE_ABBREVIATIONS.get(key) if (len(key) > 2 or text.endswith(".")) else None
    known = gz.PLACE_ALIASES.get(key) or abbreviation
    if known:
        return known
    return text.title() if text.isupper() and len(text) > 3 else text


def title_kind(title: str) -> Optional[str]:
    """'official', 'qualified', 'private' or None for a title phrase."""
    official, qualified, private, _ = _title_tables()
    key = match_key(title)
    if not key:
        return None
    if key not in private and key not in qualified and key not in official and \
            title.split()[-1].islower() and key.endswith("s") and key[:-1] in official | qualified:
        key = key[:-1]  # "two former city managers, A and B"
    if key in private:
        return "private"
    if key in qualified:
        return "qualified"
    if key in official:
        return "official"
    return None


def is_member_role(word: str) -> bool:
    """True for rank-and-file roles ("officer", "agents") that act for a body."""
    key = match_key(word)
    return key in gz.MEMBER_ROLES or key.rstrip("s") in gz.MEMBER_ROLES or key == "troops"


@functools.lru_cache(maxsize=4)
def _gazetteer_matcher(vocab: Vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab)
    for table in (gz.ORGANIZATIONS, gz.AGENCIES):
        for canonical, aliases in table.items():
            forms = [f for f in (canonical, *aliases) if f not in gz.GAP_AMBIGUOUS and len(f) > 2]
            matcher.add(canonical, [vocab_doc(vocab, f) for f in forms])
    return matcher


@functools.lru_cache(maxsize=4)
def _lower_gazetteer_matcher(vocab: Vocab) -> PhraseMatcher:
    """Long gazetteer names (three words or more) in any case: a unit written in lower case
    after its parent's acronym ("CBP office of field operations")."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for canonical, aliases in gz.AGENCIES.items():
        forms = [f for f in (canonical, *aliases) if len(f.split()) >= 3]
        if forms:
            matcher.add(canonical, [vocab_doc(vocab, f.lower()) for f in forms])
    return matcher


def _lower_case_units(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    at = _index(mentions)
    found = []
    for match_id, start, end in _lower_gazetteer_matcher(doc.vocab)(doc):
        if doc[start].text[:1].isupper():
            continue
        parent = mentions[at[start - 1]] if start - 1 in at else None
        if parent is None or parent.label != "Agency":
            continue
        span = doc[start:end]
        found.append(Mention(start, end, span.start_char, span.end_char, span.text, "Agency",
                             head=span.root.i, canonical=doc.vocab.strings[match_id]))
    return found


def vocab_doc(vocab: Vocab, text: str) -> Doc:
    """A phrase tokenised by spaCy's English tokenizer, as the article text is, so that
    "U.S." or "Attorney-General" in a pattern split the same way."""
    return _tokenizer(vocab)(text)


@functools.lru_cache(maxsize=4)
def _tokenizer(vocab: Vocab):
    from spacy.lang.en import English

    return English(vocab=vocab).tokenizer


def _missed_bodies(doc: Doc) -> list[Mention]:
    """Gazetteer bodies the NER missed or split ("US Immigration" + "Customs Enforcement"),
    longest first (proposals under REPLACE: a match takes the place of the pieces)."""
    found = []
    for match_id, start, end in sorted(_gazetteer_matcher(doc.vocab)(doc), key=lambda m: (m[1] - m[2], m[1])):
        if not doc[start].text[:1].isupper():
            continue
        canonical = doc.vocab.strings[match_id]
        label = "Agency" if canonical in gz.AGENCIES else "Organization"
        if start > 0 and doc[start - 1].text[:1].isupper() and label == "Agency" and \
                match_key(doc[start - 1].text) in gz.COUNTRY_PREFIXES:
            start -= 1  # "US Immigration and Customs Enforcement"
        span = doc[start:end]
        found.append(Mention(start, end, span.start_char, span.end_char, span.text, label,
                             head=span.root.i, canonical=canonical))
    return found


def _missed_titled_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Government bodies the NER left out, named by capitalised words ending in a body noun:
    "the Cook County Sheriff's Office", "the Manhattan District Attorney's Office". A place
    mention at the front becomes part of the name; the name needs a government marker
    (proposals under REPLACE)."""
    tokens = tokens_of(doc)
    at = _index(mentions)
    found = []
    for token in tokens:
        if token.lower_ not in gz.BODY_END_WORDS or not token.is_title or token.i in at:
            continue
        start = token.i
        while start > 0:
            before = tokens[start - 1]
            if before.i in at:
                m = mentions[at[before.i]]
                if m.label != "Place":
                    break
                start = m.start
            elif before.is_title and before.lower_ not in DETERMINERS and \
                    before.pos_ in ("PROPN", "NOUN", "ADJ") and before.i > sentence_start(before):
                start -= 1
            elif before.lower_ in POSSESSIVE and start - 1 > sentence_start(before):
                start -= 1
            else:
                break
        words = [t.lower_ for t in tokens[start:token.i + 1] if t.lower_ not in POSSESSIVE]
        if len(words) < 2 or not (set(words) & gz.GOVERNMENT_MARKERS or start in at):
            continue
        label, _ = _org_or_agency(doc, start, token.i + 1, words)
        text = _span_text(doc, start, token.i + 1)
        found.append(Mention(start, token.i + 1, tokens[start].idx, token.idx + len(token), text,
                             label, head=token.i))
    return found + _officeholder_offices(doc, mentions, at)


def _officeholder_offices(doc: Doc, mentions: list[Mention], at: dict[int, int]) -> list[Mention]:
    """"the New York attorney general's office", "the Pima County district attorney's
    office": a place, an official title, a possessive and "office" name a government body."""
    tokens = tokens_of(doc)
    found = []
    for token in tokens:
        if token.lower_ not in gz.OFFICEHOLDER_BODY_NOUNS or token.i < 3 or \
                tokens[token.i - 1].lower_ not in POSSESSIVE:
            continue
        j = token.i - 2  # the title's last word
        start = j
        while start > 0 and start - 1 not in at and tokens[start - 1].is_alpha and \
                tokens[start - 1].lower_ not in DETERMINERS and token.i - start < 6:
            start -= 1
        if start - 1 not in at or mentions[at[start - 1]].label != "Place":
            continue
        if title_kind(_span_text(doc, start, j + 1)) is None:
            continue
        place = mentions[at[start - 1]]
        text = _span_text(doc, place.start, token.i + 1)
        found.append(Mention(place.start, token.i + 1, place.char_start, token.idx + len(token),
                             text, "Agency", head=token.i))
    return found


def _join_country_prefixes(doc: Doc, mentions: list[Mention]) -> None:
    """'US' + 'District Court' split by the NER: the country is part of the body's name."""
    mentions.sort(key=lambda m: (m.start, m.end))
    for place, body in zip(list(mentions), list(mentions)[1:]):
        if place.label == "Place" and body.label == "Agency" and place.end == body.start \
                and match_key(place.text) in gz.COUNTRY_PREFIXES + ("united states",):
            body.start, body.char_start = place.start, place.char_start
            body.text = doc[body.start:body.end].text
            mentions.remove(place)


DEFINED_ACRONYM = re.compile(r"^(?:['’]s?)?\s*\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
#: "lane-keeping assist (LKA)", "ibuprofen (IBU)": an acronym defined for a lower-case
#: term (a device, a drug), so no body of the same letters is meant in this article.
TERM_ACRONYM = re.compile(r"((?:\b[a-z][a-z-]*\s+){0,3}\b[a-z][a-z-]*)\s*\(\s*([A-Z]{2,6})s?\s*\)")
#: Small words a long name keeps between its capitalised words ("Office of the ...").
NAME_CONNECTORS = {"of", "and", "for", "the", "&", "on", "in", "-"}


def _term_acronyms(text: str) -> set[str]:
    """Acronyms the article defines for lower-case terms: the initials of the last words
    before the bracket spell it, or (one word) its letters appear in order in the word."""
    out = set()
    for m in TERM_ACRONYM.finditer(text):
        words, acronym = m.group(1).split(), m.group(2).lower()
        for n in range(1, len(words) + 1):
            parts = [p for w in words[-n:] for p in w.split("-") if p]
            if "".join(p[0] for p in parts) == acronym:
                out.add(m.group(2))
                break
        else:
            word, pos = words[-1], 0
            for ch in acronym:
                pos = word.find(ch, pos) + 1
                if pos == 0:
                    break
            else:
                if word[0] == acronym[0]:
                    out.add(m.group(2))
    return out


def _drop_term_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    terms = _term_acronyms(doc_text(doc))
    if not terms:
        return mentions
    return [m for m in mentions if m.text not in terms]


def _modifies_artifact(token: Token) -> bool:
    """A word (or the first of its conjuncts: "Roadrunner, Coyote and Mesa vehicles")
    modifying a noun for a made thing."""
    for _ in range(6):
        if token.dep_ != "conj":
            break
        token = token.head
    return token.dep_ in ("compound", "nmod", "nummod") and token.head.pos_ == "NOUN" and \
        token.head.lemma_ in gz.ARTIFACT_NOUNS


def _drop_product_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names of products and parts the NER took for a company or a person ("the Skyline
    software", "Roadster vehicles", "the XR-7 plug"): a name not in the gazetteer that
    mostly modifies a noun for a made thing is no entity."""
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label in ("Organization", "Person") and not m.canonical and not m.title and \
                not m.role and m.head >= 0:
            by_name.setdefault(match_key(m.text), []).append(m)
    drop = set()
    for name, ms in by_name.items():
        as_product = [m for m in ms if _modifies_artifact(doc[m.head])]
        if len(as_product) * 2 > len(ms):
            drop.add(name)
    return [m for m in mentions if not (m.label in ("Organization", "Person") and
                                        match_key(m.text) in drop and not m.canonical)]


def initials(words: list[str]) -> str:
    """Upper-case initials of a name's capitalised words ("Anti-Corruption" gives A and C)."""
    return "".join(w[0] for part in words for w in re.split(r"-", part) if w[:1].isupper())


def acronym_of(name: str, acronym: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``: all capitals ("ICE") are taken as written;
    a mixed-case one ("Nato", "Unicef") must spell the name's initials."""
    if acronym.isupper():
        return True
    letters = initials(name.split())
    return len(acronym) >= 3 and letters.upper().endswith(acronym.upper())


def _acronym_definitions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'U.S. Customs and Border Protections (CBP)', which the NER split in two: the
    capitalised words before a bracketed acronym whose initials spell it are one body
    (proposals under REPLACE: it takes the place of the pieces)."""
    tokens = tokens_of(doc)
    at = _index(mentions)
    found = []
    for i in range(1, len(tokens) - 2):
        if tokens[i].text != "(" or tokens[i + 2].text != ")":
            continue
        acronym = tokens[i + 1].text
        if not re.fullmatch(r"[A-Z][A-Za-z0-9&]{1,9}", acronym):
            continue
        floor = sentence_start(tokens[i])
        start = None
        j = i - 1
        while j >= floor and (tokens[j].is_title or tokens[j].is_upper or
                              tokens[j].lower_ in NAME_CONNECTORS):
            words = [t.text for t in tokens[j:i] if t.lower_ not in NAME_CONNECTORS]
            if tokens[j].lower_ not in NAME_CONNECTORS and initials(words).upper() == acronym.upper():
                start = j
                break
            j -= 1
        if start is None:
            continue
        if start > 0 and tokens[start - 1].text[:1].isupper() and \
                match_key(tokens[start - 1].text) in gz.COUNTRY_PREFIXES:
            start -= 1  # "U.S. Immigration and Customs Enforcement (ICE)"
        if any(m.label in ("Person", "Official") for m in mentions if start <= m.start and m.end <= i):
            continue  # a person's name before a bracket: "Ana Ruiz (ICE)"
        text = _span_text(doc, start, i)
        known = lookup_body(text)
        words = match_key(text).split()
        label, canonical = known if known else (_org_or_agency(doc, start, i, words)[0], "")
        short = mentions[at[i + 1]] if i + 1 in at else None
        if short is not None and short.canonical and short.label in ("Agency", "Organization"):
            label, canonical = short.label, short.canonical  # the gazetteer knows the acronym
        found.append(Mention(start, i, tokens[start].idx, tokens[i - 1].idx + len(tokens[i - 1]),
                             text, label, head=i - 1, canonical=canonical))
    return found


def _initials_of_members(doc: Doc) -> list[Mention]:
    """"LAPD officers", "UWF fighters": initials the NER left untagged that modify a
    member role name the body the members act for; a force's roles (officers, troopers,
    agents) make it a government body (proposals under FILL)."""
    found = []
    for token in tokens_of(doc):
        role = token.head
        if not (token.is_upper and token.is_alpha and 2 <= len(token) <= 6) or \
                token.dep_ not in ("compound", "nmod") or role.i <= token.i or \
                not is_member_role(role.lemma_) or canonical_place(token.text) in gz.COUNTRIES or \
                match_key(token.text) in gz.PLACE_ALIASES or token.text in gz.STATE_POSTAL_CODES or \
                match_key(token.text) in gz.COUNTRY_PREFIXES:
            continue
        known = lookup_body(token.text)
        label, canonical = known if known else \
            ("Agency" if role.lemma_ in gz.FORCE_MEMBER_ROLES else "Organization", "")
        found.append(Mention(token.i, token.i + 1, token.idx, token.idx + len(token), token.text,
                             label, head=token.i, canonical=canonical))
    return found


def _defined_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'the European Space Agency (ESA)': later bare 'ESA' the NER missed, or took for a
    place or person ("Nato"), are that body."""
    defined = {}
    for m in mentions:
        if m.label in ("Agency", "Organization"):
            found = DEFINED_ACRONYM.match(doc_text(doc)[m.char_end:m.char_end + 16])
            if found and len(m.text.split()) == 1 and not found.group(1).isupper():
                continue
            if found and acronym_of(m.text, found.group(1)):
                defined.setdefault(found.group(1), m)
    if not defined:
        return []
    covered = _index(mentions)
    out = []
    for token in tokens_of(doc):
        body = defined.get(token.text)
        if body is None:
            continue
        if token.i not in covered:
            out.append(Mention(token.i, token.i + 1, token.idx, token.idx + len(token), token.text,
                               body.label, head=token.i, canonical=body.canonical))
            continue
        m = mentions[covered[token.i]]
        if m.text == token.text and m.label not in ("Agency", "Organization"):
            m.label, m.canonical = body.label, body.canonical
    return out


def _national_bodies(doc: Doc, mention_at: dict[int, int], mentions: list[Mention]) -> list[Mention]:
    """'the Israeli government', 'Hong Kong police': a body named by its country or city."""
    found = []
    for token in tokens_of(doc):
        if token.lower_ not in gz.NATIONAL_BODY_NOUNS or token.i in mention_at:
            continue
        mods = []
        i = token.i - 1
        while i >= 0:
            place = i in mention_at and mentions[mention_at[i]].label == "Place"
            if not (place or doc[i].ent_type_ in ("NORP", "GPE")):
                break
            mods.insert(0, i)
            i -= 1
        if not mods and token.lower_ in gz.INSTITUTION_GROUP_NOUNS:
            # "police in Salem, Mass.": a city's police named after the noun
            for pobj in prep_objects_of(token, "in"):
                place = mentions[mention_at[pobj.i]] if pobj.i in mention_at else None
                if place is not None and place.label == "Place" and \
                        place.canonical not in gz.US_STATES and place.canonical not in gz.COUNTRIES:
                    found.append(Mention(token.i, token.i + 1, token.idx, token.idx + len(token),
                                         f"{place.text} police", "Agency", head=token.i))
            continue
        if not mods or (token.dep_ == "compound" and is_member_role(token.head.lemma_) and
                        len(mods) == 1 and mods[0] in mention_at and
                        (mentions[mention_at[mods[0]]].canonical in gz.US_STATES or
                         mentions[mention_at[mods[0]]].canonical in gz.COUNTRIES)):
            continue  # "an Ohio police officer": a state and an officer, no named force
        start = mods[0]
        if start in mention_at:
            start = mentions[mention_at[start]].start
        span = doc[start:token.i + 1]
        found.append(Mention(start, token.i + 1, span.start_char, span.end_char, span.text,
                             "Agency", head=token.i))
    return found


# ------------------------------------------------------------------------------ spans
#: Parts of speech the NER sweeps into the front of a name ("Later Abbott", "Meanwhile ICE").
LEADING_NOISE_POS = {"ADV", "SCONJ", "CCONJ", "ADP", "AUX", "VERB", "PRON", "INTJ"}


def trim_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners/honorifics and trailing possessives/punctuation."""
    tokens = tokens_of(doc)
    while start < end and (tokens[start].lower_ in DETERMINERS
                           or tokens[start].lower_.rstrip(".") in gz.HONORIFICS
                           or tokens[start].is_punct or tokens[start].is_space
                           or (tokens[start].pos_ in LEADING_NOISE_POS and end - start > 1)):
        start += 1
    while end > start and (tokens[end - 1].lower_ in POSSESSIVE or tokens[end - 1].is_punct
                           or tokens[end - 1].is_space):
        end -= 1
    return start, end


def _span_text(doc: Doc, start: int, end: int) -> str:
    if start >= end:
        return ""
    tokens = tokens_of(doc)
    return doc_text(doc)[tokens[start].idx:tokens[end - 1].idx + len(tokens[end - 1])].strip()


def _type_span(doc: Doc, start: int, end: int, ner_label: str, ruler_id: str) -> Optional[tuple[str, str]]:
    """(ontology label, canonical name or '') for a cleaned NER span, or None to drop it."""
    text = _span_text(doc, start, end)
    key = match_key(text)
    words = key.split()
    if not words or not any(ch.isalpha() for ch in text):
        return None
    if ner_label == "AGENCY":
        return "Agency", ruler_id
    if words[-1] in gz.EVENT_HEAD_WORDS and ner_label in ("ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "PERSON"):
        return None  # "the Sydney Olympics", "the World Cup": an event, never an entity
    if key in gz.PLACE_BODIES:
        return "Place", ""
    if words[-1] in gz.LAW_HEAD_WORDS and ner_label in ("LAW", "ORG", "PRODUCT", "WORK_OF_ART",
                                                      "EVENT") and doc[end - 1].is_title:
        return "Law", ""
    if ner_label == "LAW":
        if words[0] in gz.SCALE_WORDS and any(ch.isdigit() for ch in text):
            return None  # "Level 3", "Phase 2": a grade on a scale, not a law
        return "Law", ""
    known = lookup_body(text) if ner_label in ("ORG", "PERSON", "GPE", "NORP", "FAC") else None
    if known and ner_label != "GPE":
        return known
    if PLACE_PAIR.match(text) and ner_label in ("ORG", "GPE", "NORP"):
        return None  # "U.S.-Mexico" (border): a pair of places, not a body
    if ner_label in ("GPE", "LOC", "FAC"):
        if key in gz.DEMONYMS and key not in gz.PLACE_ALIASES and text not in gz.COUNTRIES and \
                doc[end - 1].dep_ in ("amod", "compound", "nmod") and doc[end - 1].head.pos_ == "NOUN":
            return None  # "Ukrainian officials": a nationality, no place ("U.S. officials" names one)
        known_place = text in gz.COUNTRIES or text in gz.US_STATES or key in gz.PLACE_ALIASES
        if not known_place and len(words) > 1 and words[-1] in gz.BODY_HEADS_OVER_NER and \
                doc[end - 1].is_title:
            return _org_or_agency(doc, start, end, words)  # "Maritime Safety Agency" as a place
        if known and ner_label == "GPE" and not known_place:
            return known
        return "Place", ""
    if ner_label == "PERSON":
        if not any(t.is_upper or t.is_title for t in doc[start:end]) or any(ch.isdigit() for ch in text):
            return None
        if text in gz.COUNTRIES or text in gz.US_STATES or key in gz.PLACE_ALIASES:
            return "Place", ""
        if title_kind(text):
            return None  # "President" alone
        if len(words) == 1 and start > 0 and doc[start - 1].lower_ == "the" and \
                doc[start].dep_ not in ("compound", "poss", "nmod"):
            return "Place", ""  # "the Caucasus": a person's name takes no article ("the Hale
            # campaign" is a modifier, so it stays a person)
        if len(words) > 1 and words[-1] in gz.PERSON_NEVER_HEADS:
            return "Place", ""  # "Harcourt Road", "Pike County"
        if _placed_in_a_region(doc, start, end):
            return "Place", ""  # "in Tarvo, Estonia": a town, not a person
        if words[-1] in gz.AGENCY_HEAD_WORDS and len(words) > 1 and words[-1] not in ("chief", "head"):
            return _org_or_agency(doc, start, end, words)
        return "Person", ""
    if ner_label == "ORG":
        if key in gz.PLACE_ALIASES or text in gz.COUNTRIES or text in gz.US_STATES:
            return "Place", ""  # "US" cut off a longer name
        if not any(t.text[:1].isupper() for t in doc[start:end]):
            return None  # "international affairs committee": no name
        if _administration_of_a_person(words):
            return "Agency", ""  # "the Trump administration" (GUIDE: an Agency)
        if key.endswith(" news") or key.endswith(" times") or key.endswith(" post"):
            return "Organization", ""
        return _org_or_agency(doc, start, end, words)
    if ner_label in ("EVENT", "PRODUCT", "WORK_OF_ART") and len(words) > 1 and \
            words[-1] in gz.BODY_HEADS_OVER_NER and doc[end - 1].is_title:
        if _administration_of_a_person(words):
            return "Agency", ""
        return _org_or_agency(doc, start, end, words)  # "the Maritime Safety Agency's" as EVENT
    if ner_label in ("EVENT", "PRODUCT", "WORK_OF_ART") and len(words) > 1 and \
            words[-1] in gz.ORGANIZATION_HEAD_WORDS and doc[end - 1].is_title:
        return "Organization", ""  # "the Western Law Center" as WORK_OF_ART
    return None


def _platform_letter(doc: Doc, start: int, end: int) -> bool:
    """A one-letter platform name the NER ran into the next name ("a post on X. Hale said")."""
    return end - start > 1 and start > 0 and doc[start - 1].lower_ in ("on", "to", "via") and \
        re.fullmatch(r"[A-Z]\.?", doc[start].text) is not None and \
        (doc[start].text.endswith(".") or doc[start + 1].text == ".")


def _join_listed_names(doc: Doc, mentions: list[Mention]) -> None:
    """"the Office for Parks, Trails, and Lakes", which the NER
    cut at the commas: a body name ending in "for/of X" and a name after a list of
    capitalised words and "and" are one name."""
    mentions.sort(key=lambda m: (m.start, m.end))
    for a, b in zip(list(mentions), list(mentions)[1:]):
        if a.label not in ("Organization", "Agency") or b.label not in ("Organization", "Agency") \
                or a.canonical or b.canonical or b.start <= a.end:
            continue
        words = match_key(a.text).split()
        if not ({"for", "of"} & set(words[1:-1])):
            continue
        gap = doc[a.end:b.start]
        if not any(t.lower_ == "and" for t in gap) or \
                not all(t.text == "," or t.lower_ == "and" or (t.is_title and not t.ent_type_) for t in gap):
            continue
        span = doc[a.start:b.end]
        a.end, a.char_end, a.text, a.head = b.end, span.end_char, span.text, b.head
        mentions.remove(b)


def _units_of_agencies(mentions: list[Mention]) -> None:
    """"the NDOT Office of X": a body named after a government body's acronym (its
    initials spell an Agency of the article, or the gazetteer knows it) is a unit of it."""
    agencies = {initials(m.text.split()) for m in mentions if m.label == "Agency" and len(m.text.split()) > 1}
    for m in mentions:
        first = m.text.split()[0] if m.text.split() else ""
        if m.label != "Organization" or m.canonical or len(m.text.split()) < 2 or \
                not (first.isupper() and len(first) >= 2):
            continue
        known = lookup_body(first)
        if first in agencies or (known and known[0] == "Agency"):
            m.label = "Agency"


def _possessed_bodies(doc: Doc, mentions: list[Mention], mention_at: dict[int, int]) -> None:
    """A body a government body owns is one too ("the agency's Water Research Institute"),
    and so is an office a place owns ("the state's Emergency Management Office")."""
    for m in mentions:
        if m.label != "Organization" or m.canonical or m.start < 2:
            continue
        words = match_key(m.text).split()
        if not set(words) & (gz.AGENCY_HEAD_WORDS | gz.RESEARCH_BODY_WORDS):
            continue
        if doc[m.start - 1].lower_ not in POSSESSIVE or (m.start - 2) not in mention_at:
            continue
        owner = mentions[mention_at[m.start - 2]]
        if owner.label == "Agency" or (owner.label == "Place" and m.text.split()[-1].lower() in
                                       gz.AGENCY_HEAD_WORDS):
            m.label = "Agency"


def _administration_of_a_person(words: list[str]) -> bool:
    """"the Trump administration": a government named for the person who leads it."""
    return len(words) == 2 and words[1] == "administration"


def _administrations(doc: Doc, mentions: list[Mention]) -> None:
    """A person's name modifying "administration" ("the Varga administration") names the
    government, an Agency: the mention takes the noun in."""
    for m in mentions:
        if m.label in ("Person", "Official", "Organization") and m.end < len(doc) and \
                m.end - m.start == 1 and doc[m.end].lower_ in gz.LEADER_GOVERNMENT_NOUNS and \
                doc[m.end - 1].head.i == m.end:
            span = doc[m.start:m.end + 1]
            m.end, m.char_end, m.text, m.label, m.head = span.end, span.end_char, span.text, "Agency", span.end - 1
            m.title = m.jurisdiction = m.canonical = ""




def _placed_in_a_region(doc: Doc, start: int, end: int) -> bool:
    """A name after a locative preposition and before ", <country or US state>"."""
    if start == 0 or end + 1 >= len(doc) or doc[start - 1].lower_ not in gz.LOCATIVE_PREPS \
            or doc[end].text != ",":
        return False
    region = doc[end + 1]
    two = doc[end + 1:end + 3].text
    return region.text in gz.COUNTRIES or region.text in gz.US_STATES or \
        two in gz.COUNTRIES or two in gz.US_STATES


def _owned_by_a_place(span) -> bool:
    """"Beijing's Foreign Affairs Office": a body a country or city owns is its government's."""
    return any(c.dep_ == "poss" and c.ent_type_ == "GPE" for c in span.root.children)


def _org_or_agency(doc: Doc, start: int, end: int, words: list[str]) -> tuple[str, str]:
    heads = set(words) & gz.AGENCY_HEAD_WORDS
    if not heads:
        return "Organization", ""
    if words[0] in gz.SUPRANATIONAL_WORDS:
        return "Organization", ""  # "World X Agency": no state's body
    joined = f" {' '.join(words)} "
    if (set(words) & gz.SPORTS_BODY_WORDS or any(f" {p} " in joined for p in gz.SPORTS_BODY_PHRASES)) and \
            not set(words) & gz.STATE_BODY_WORDS:
        return "Organization", ""  # "a National Anti-Doping Agency", "Olympic Committee": sports bodies
    if words[-1] in gz.FORCE_HEADS and not set(words[:-1]) & gz.STATE_FORCE_MARKERS and \
            not any(w in gz.DEMONYMS or w.title() in gz.COUNTRIES for w in words[:-1]) and \
            not any(t.ent_type_ in ("GPE", "NORP") for t in doc[start:end - 1]):
        return "Organization", ""  # "Popular Resistance Forces": an armed group, no state's force
    strong = heads - gz.WEAK_AGENCY_HEADS
    if strong and not set(words) & gz.PRIVATE_AGENCY_MARKERS:
        return "Agency", ""
    has_place = any(t.ent_type_ == "GPE" for t in doc[start:end]) or \
        any(w in gz.GOVERNMENT_MARKERS for w in words) or \
        any(match_key(w).title() in gz.US_STATES or w.title() in gz.COUNTRIES for w in words) or \
        _owned_by_a_place(doc[start:end])
    if has_place or (words[0] in gz.OFFICE_OF_HEADS and "of" in words):  # "Office of Pipeline Safety"
        return "Agency", ""
    return "Organization", ""


# ------------------------------------------------------------------------------ titles
def _title_before(doc: Doc, start: int) -> Optional[tuple[int, str]]:
    """(title start token, title text) for a title standing right before token ``start``."""
    official, qualified, private, longest = _title_tables()
    best = None
    tokens, text = tokens_of(doc), doc_text(doc)
    sent_start = sentence_start(tokens[start]) if start < len(tokens) else 0
    end = start
    if start - 1 > sent_start and tokens[start - 1].lower_.rstrip(".") in gz.HONORIFICS:
        end = start - 1  # "Chief Medical Officer Dr. Ana Ruiz": the title before the honorific
    for j in range(end - 1, max(sent_start, end - longest * 2) - 1, -1):
        if tokens[j].is_space or (tokens[j].is_punct and tokens[j].text not in ("-", ".")):
            break
        phrase = match_key(text[tokens[j].idx:tokens[end - 1].idx + len(tokens[end - 1])])
        if phrase in official or phrase in qualified or phrase in private:
            best = j
    if best is None or title_kind(doc[best:end].text) != "official":
        return _coordinated_title_before(doc, end, sent_start) or \
            (None if best is None else (best, doc[best:end].text))
    return best, doc[best:end].text


def _coordinated_title_before(doc: Doc, end: int, sent_start: int) -> Optional[tuple[int, str]]:
    """"Governor and party chair X", "Press Secretary and Policy Director
    X": an office title coordinated with a second role right before the name is the
    person's title too (the first conjunct names the office)."""
    official, qualified, _, longest = _title_tables()
    tokens, text = tokens_of(doc), doc_text(doc)
    for k in range(end - 1, max(sent_start, end - 4) - 1, -1):
        if tokens[k].lower_ != "and":
            continue
        if not all(t.is_alpha and t.pos_ in ("NOUN", "PROPN", "ADJ") for t in tokens[k + 1:end]) \
                or k + 1 == end:
            return None
        best = None
        for j in range(k - 1, max(sent_start, k - longest * 2) - 1, -1):
            if tokens[j].is_space or (tokens[j].is_punct and tokens[j].text not in ("-", ".")):
                break
            phrase = match_key(text[tokens[j].idx:tokens[k - 1].idx + len(tokens[k - 1])])
            if phrase in official:
                best = j
        if best is None:
            return None
        return best, doc[best:k].text
    return None


def _skip_modifiers_left(doc: Doc, i: int) -> int:
    """Index of the first token left of ``i`` that is not a title modifier, a level word
    or a possessive."""
    while i >= 0 and (doc[i].lower_ in gz.TITLE_MODIFIERS or doc[i].lower_ in gz.TITLE_LEVEL_WORDS
                      or doc[i].lower_ in POSSESSIVE or doc[i].text in ("-",)):
        i -= 1
    return i


def _appositive_title(doc: Doc, head: Token, mention_at: dict[int, int]) -> Optional[tuple[str, int]]:
    """(title, jurisdiction token) from "X, the attorney general of Y" or "the Y governor, X"."""
    candidates = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos" and head.head.i < head.i:
        candidates.append(head.head)
    candidates.extend(_predicate_titles(head))
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is not head and first.tag_ == "NNS" and first.i not in mention_at:
        candidates.append(first)  # "two former city managers, A and B": B shares the title
    for cand in candidates:
        if cand.i in mention_at:
            continue
        after = cand.right_edge.i + 1
        if cand.i > head.i and after in mention_at and doc[after].ent_type_ == "PERSON":
            continue  # "A and B, former Chief of Staff C": the title runs on into C's name
        if any(c.dep_ == "poss" and c.lower_ in gz.ORGANIZATION_NOUNS for c in cand.children):
            continue  # "the company's former president": a post in a business, no office
        tokens = [t for t in cand.subtree if t.i <= cand.i or t.dep_ in ("punct",)]
        tokens = [t for t in tokens if t.lower_ not in DETERMINERS and t.i not in mention_at
                  and t.lower_ not in gz.TITLE_MODIFIERS and t.lower_ not in POSSESSIVE]
        if not tokens:
            continue
        title_text = doc[tokens[0].i: cand.i + 1].text
        # "the secretary of state": a title that runs on through "of"
        for prep in (c for c in cand.children if c.dep_ == "prep" and c.lower_ == "of"):
            edge = prep.right_edge.i
            while edge > prep.i and doc[edge].dep_ in ("cc", "punct"):
                edge -= 1  # "Press Secretary and Policy Director": no trailing "and"
            longer = doc[tokens[0].i: edge + 1].text
            if title_kind(longer) is not None:
                title_text = longer
        if title_kind(title_text) is None:
            # the longest title ending at the head: "the state's attorney general" is an
            # attorney general, not a general
            title_text = next((doc[t.i: cand.i + 1].text for t in tokens if t.i <= cand.i
                               and title_kind(doc[t.i: cand.i + 1].text) is not None), "")
            if not title_text:
                continue
        # the body named right before the title noun ("Beijing's Foreign Affairs Office
        # spokesperson": the office, not Beijing), else the first one in the phrase
        named = [t.i for t in cand.subtree if t.i in mention_at and t.i != head.i]
        before = [i for i in named if i < cand.i]
        juris = max(before) if before else (named[0] if named else -1)
        if not before and named and doc[named[0]].ent_type_ in ("GPE", "LOC") and \
                doc[named[0]].head.lower_ in gz.FIELD_OFFICE_NOUNS:
            # "director for the Dayton office of X": X's post, Dayton only where the office is
            later = [i for i in named if i > named[0] and doc[i].ent_type_ not in ("GPE", "LOC")]
            juris = later[0] if later else juris
        return title_text, juris
    return None




def _predicate_titles(head: Token) -> list[Token]:
    """The post a person is said to hold: "X served as Y's chief of staff", "X, who served
    as chief of staff to Z": the head noun of the "as" phrase."""
    verbs = []
    if head.dep_ == "nsubj" and head.head.lemma_ in gz.SERVING_VERBS:
        verbs.append(head.head)
    elif head.i + 1 < len(head.doc) and head.doc[head.i + 1].lemma_ in gz.SERVING_VERBS:
        verbs.append(head.doc[head.i + 1])  # "... and Ruiz served as": a misparsed subject
    for child in head.children:  # "X, who served as ..."
        if child.dep_ == "relcl" and child.lemma_ in gz.SERVING_VERBS and \
                any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in child.children):
            verbs.append(child)
    return [p for v in verbs for prep in v.children if prep.dep_ == "prep" and prep.lower_ == "as"
            for p in prep.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]


def _mark_staff(doc: Doc, m: Mention) -> None:
    """"her longtime deputy X", "Y's chief of staff X": a staff post named right
    before the name, owned by someone; resolution makes X an Official when the owner is."""
    j = m.start - 1
    if j < 1 or doc[j].lemma_ not in gz.STAFF_ROLES:
        return
    role = doc[j]
    owner = next((c for c in role.children if c.dep_ == "poss"), None)
    if owner is None:
        head = doc[m.head]
        owner = next((c for c in head.children if c.dep_ == "poss" and c.i < role.i), None)
    if owner is not None:
        m.staff_of, m.title = owner.i, ""


def _attach_titles(doc: Doc, mentions: list[Mention], mention_at: dict[int, int]) -> None:
    """Titles and jurisdictions of people; bodies swallowed by a title phrase are dropped."""
    inside_title: set[int] = set()
    states: list[Mention] = []  # the states named only in party tags
    for m in mentions:
        if m.label != "Person":
            continue
        title = None
        juris_token = -1
        demonym = ""
        found = _title_before(doc, m.start)
        if found:
            title_start, title = found
            inside_title.update(range(title_start, m.start))
            j = _skip_modifiers_left(doc, title_start - 1)
            # "Committee on X ranking member Rep. Y": a committee role between body and title
            if j >= 1 and j not in mention_at and doc[j].lower_ in gz.COMMITTEE_ROLES:
                k = j - 1
                while k >= 0 and doc[k].lower_ in gz.COMMITTEE_ROLE_MODIFIERS:
                    k -= 1
                if k in mention_at and mentions[mention_at[k]].label == "Agency":
                    j = k
            if j >= 0 and j in mention_at:
                juris_token = j
            elif m.end + 1 < len(doc) and doc[m.end].lower_ == "of":
                k = m.end + 1  # "Governor Maura Healey of Massachusetts", "Judge X of the Y Court"
                while k < len(doc) and doc[k].lower_ in DETERMINERS:
                    k += 1
                juris_token = k if k in mention_at else -1
            elif j >= 0 and doc[j].lower_ in gz.DEMONYMS:
                demonym = gz.DEMONYMS[doc[j].lower_]  # "French President X": France
            if juris_token < 0 and not demonym:
                # "House Speaker X", "Senate Majority Leader X": the body inside the title
                inner = [i for i in range(title_start, m.start) if i in mention_at
                         and mentions[mention_at[i]].label == "Agency"]
                if inner:
                    juris_token = inner[0]
                    b = mentions[mention_at[inner[0]]]
                    inside_title.difference_update(range(b.start, b.end))
        else:
            appos = _appositive_title(doc, doc[m.head], mention_at)
            if appos:
                title, juris_token = appos
                if juris_token < 0 and title_kind(title) == "qualified" and \
                        _of_an_unnamed_government_body(doc[m.head]):
                    # "X, administrator of the county's emergency agency"
                    m.label, m.title = "Official", _clean_title(title)
                    continue
            else:
                office, body = _agency_title_before(doc, m, mention_at, mentions) or \
                    _leads_agency(doc, m, mention_at, mentions) or ("", -1)
                if office:
                    m.label, m.title = "Official", office
                    if body >= 0:  # the body is the office's jurisdiction
                        m.jurisdiction = mentions[mention_at[body]].text
                        m.jurisdiction_token = body
                    continue
        if title is None:
            _mark_staff(doc, m)
        party = PARTY_STATE.match(doc_text(doc)[m.char_end:m.char_end + 20])
        chamber_office = title is not None and bool(set(match_key(title).split()) & gz.CHAMBER_OFFICE_WORDS)
        party_state = _party_state_mention(doc, m, party, states) if party and not chamber_office else ""
        if title is None or (party and title_kind(title) != "official"):
            if party:  # "Jane Roe, D-Ala.": a member of Congress
                m.title, m.label = (title and _clean_title(title)) or "Member of Congress", "Official"
                m.jurisdiction = party_state
            continue
        kind = title_kind(title)
        if kind is None:
            continue
        juris = mentions[mention_at[juris_token]] if juris_token >= 0 else None
        if juris is not None and juris.label in ("Person", "Official"):
            juris = None
        if kind == "private" or (kind == "qualified" and
                                 (juris is None or juris.label not in ("Agency", "Place"))):
            continue
        m.label = "Official"
        m.title = _clean_title(title)
        if juris is not None:
            m.jurisdiction = juris.text
            m.jurisdiction_token = juris_token
        elif demonym:
            m.jurisdiction = demonym
        elif party_state:  # "Lt. Gov. Jane Roe (R-Ohio)"
            m.jurisdiction = party_state
    mentions[:] = [x for x in mentions if not (
        x.label in ("Agency", "Organization") and not x.canonical
        and all(i in inside_title for i in range(x.start, x.end)))] + states


def _companies_of_executives(doc: Doc, mentions: list[Mention]) -> None:
    """"Spotify CEO Daniel Ek": a name right before a company title and a person's name is
    a company, whatever person or body the NER took it for; a place stays one ("Silicon
    Valley CEO X")."""
    at = _index(mentions)
    for m in mentions:
        if m.label not in ("Person", "Official") or m.start < 2:
            continue
        title = _title_before(doc, m.start)
        if title is None or match_key(title[1]) not in gz.CORPORATE_TITLES or title[0] - 1 not in at:
            continue
        company = mentions[at[title[0] - 1]]
        if company.label in ("Person", "Organization") and not company.canonical and \
                company.end == title[0]:
            company.label, company.sure = "Organization", True


def _agency_title_before(doc: Doc, m: Mention, mention_at: dict[int, int],
                         mentions: list[Mention]) -> Optional[tuple[str, int]]:
    """"NASA Chief Scientist Dr. X": capitalised words between a government body and
    a name, ending in a title head, are that body's office: (title, the body's token)."""
    j = m.start - 1
    while j >= 0 and doc[j].lower_.rstrip(".") in gz.HONORIFICS:
        j -= 1
    end = j
    while j >= 0 and j not in mention_at and doc[j].is_title and doc[j].pos_ in ("PROPN", "NOUN"):
        j -= 1
    if end - j < 2 or doc[end].lower_ not in gz.OFFICE_HEAD_WORDS or j not in mention_at:
        return None
    body = mentions[mention_at[j]]
    if body.label != "Agency":
        return None
    return doc[j + 1:end + 1].text, j


def _leads_agency(doc: Doc, m: Mention, mention_at: dict[int, int],
                  mentions: list[Mention]) -> Optional[tuple[str, int]]:
    """"X, who led the agency's Water Research Institute", "X, who chairs the House
    Judiciary Committee": heading a government body is an office ("Head"): (title, the
    body's token, the object's own body first)."""
    for child in doc[m.head].children:
        if child.dep_ != "relcl" or child.lemma_ not in gz.LEADING_VERBS:
            continue
        for obj in child.children:
            bodies = [t.i for t in obj.subtree if t.i in mention_at and
                      mentions[mention_at[t.i]].label == "Agency"]
            if obj.dep_ == "dobj" and bodies:
                return "Head", (obj.i if obj.i in bodies else bodies[-1])
    return None


def _of_an_unnamed_government_body(head: Token) -> bool:
    """An appositive title 'of' an unnamed government body ("of the county's emergency
    management agency", "of the state health department")."""
    for cand in [c for c in head.children if c.dep_ == "appos"]:
        for prep in cand.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                words = {t.lower_ for t in prep.subtree if t.lower_ not in POSSESSIVE}
                if words & gz.BODY_END_WORDS and words & gz.GOVERNMENT_LEVEL_WORDS:
                    return True
    return False


def _party_state_mention(doc: Doc, person: Mention, party: re.Match, states: list[Mention]) -> str:
    """The state of the party tag after ``person`` ("(R-Ohio)", "D-Calif."), kept as a Place
    mention that is only an attribute (the tag is no actor); "" when it names no state."""
    state = _party_state(party.group(1))
    if not state:
        return ""
    start = person.char_end + party.start(1)
    length = len(state) if party.group(1).startswith(state) else len(party.group(1).split()[0])
    span = doc.char_span(start, start + length, alignment_mode="expand")
    if span is not None:
        states.append(Mention(span.start, span.end, span.start_char, span.end_char, state, "Place",
                              head=span.start, canonical=state, attribute_only=True))
    return state


def _party_state(tag: str) -> str:
    """The state of a party tag's second half: "Calif." / "CA" / "Texas" / "N.Y."."""
    words = tag.split()
    for candidate in (tag, words[0]):  # "D-Texas said": the second word is not the state's
        name = gz.STATE_ABBREVIATIONS.get(normalise(candidate)) or \
            gz.STATE_POSTAL_CODES.get(candidate.rstrip(".")) or \
            (candidate if candidate in gz.US_STATES else "")
        if name:
            return name
    return ""


def _clean_title(title: str) -> str:
    words = [w for w in title.split() if w.lower() not in gz.TITLE_MODIFIERS]
    text = " ".join(words) or title
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------------------ groups
def _group_mention(doc: Doc, token: Token, mention_at: dict[int, int],
                   mentions: list[Mention]) -> Optional[Mention]:
    lower = token.lower_
    if lower not in gz.GROUP_NOUNS and lower not in gz.TWO_WORD_GROUP_LAST_WORDS and \
            lower != "people" and token.ent_type_ != "NORP":
        return None  # the common case, decided before any neighbour is looked at
    if token.dep_ == "compound" and (is_member_role(token.head.lemma_) or
                                     token.head.lower_ in gz.LEADER_ROLES):
        return None  # "a police officer": the officer is the person, not the police
    if lower in gz.INSTITUTION_GROUP_NOUNS and token.dep_ in ("compound", "nmod", "amod") and \
            token.head.pos_ == "NOUN":
        return None  # "police killings", "police brutality": a kind of thing, no actor
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        return None  # "guards act as customs officers": a role, no one acting
    if token.i + 2 < len(doc) and doc[token.i + 2].pos_ == "PROPN" and \
            title_kind(doc[token.i:token.i + 2].text) == "official" and \
            not (token.i > 0 and (token.i - 1 in mention_at or doc[token.i - 1].pos_ == "PROPN")):
        return None  # "Police Chief Tom Hale": the first word of a title before a name
        # (but "Denver Police Commissioner X" names the Denver police)
    if token.i > 0 and (doc[token.i - 1].lower_, lower) in gz.TWO_WORD_GROUP_NOUNS:
        lower = f"{doc[token.i - 1].lower_} {lower}"
    protesting = (token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "VBG"
                  and doc[token.i + 1].lemma_ in gz.PROTEST_VERBS)
    nationality = token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS")  # "Palestinians"
    if (lower not in gz.GROUP_NOUNS and not (protesting and lower == "people") and not nationality) \
            or token.i in mention_at:
        return None
    two_words = " " in lower  # "asylum seekers", "attorneys general"
    if token.tag_ not in ("NNS", "NNPS") and lower not in gz.SINGULAR_FORM_GROUP_NOUNS and not two_words:
        return None
    modifiers: list[Token] = []
    i = token.i - 1
    while i >= 0:
        t = doc[i]
        if t.head.i != token.i and t.head.i not in {m.i for m in modifiers}:
            if not (t.i in mention_at and doc[token.i - 1].i in mention_at
                    and mention_at[t.i] == mention_at[token.i - 1]):
                break
        if t.dep_ not in ("amod", "compound", "nmod", "npadvmod", "poss") and t.i not in mention_at:
            break
        if t.lower_ in POSSESSIVE:
            i -= 1
            continue
        modifiers.insert(0, t)
        i -= 1
    # "... (ICE) agents": the body named in brackets right before the members
    if not modifiers and token.i >= 3 and doc[token.i - 1].text == ")" and doc[token.i - 3].text == "(":
        modifiers = [doc[token.i - 2]] if (token.i - 2) in mention_at else []
    # "<Agency> officers": unnamed members acting for a body
    for t in modifiers:
        if t.i in mention_at:
            body = mentions[mention_at[t.i]]
            if body.label in ("Agency", "Organization") and is_member_role(lower):
                return Mention(token.i, token.i + 1, token.idx, token.idx + len(token),
                               body.text, body.label, canonical=body.canonical,
                               role=token.lemma_, head=token.i, key=f"@{mention_at[t.i]}")
    kept = [t for t in modifiers if not (two_words and t.i == token.i - 1)
            and t.lower_ not in gz.GROUP_DROP_MODIFIERS
            and t.pos_ not in ("NUM", "DET", "PRON") and t.like_num is False
            and t.lower_ not in POSSESSIVE]
    # "the Syrian Democratic Forces", "the Kenya Defence Forces": a capitalised name is a body
    name_words = [t for t in modifiers if t.lower_ not in POSSESSIVE]
    if name_words and token.is_title and token.i > sentence_start(token) and \
            all(t.is_title or t.i in mention_at for t in name_words) and \
            not all(t.lower_ in gz.DEMONYMS or t.ent_type_ == "NORP" for t in name_words):
        start = name_words[0].i
        if start in mention_at:
            start = min(start, mentions[mention_at[start]].start)
        words = match_key(_span_text(doc, start, token.i + 1)).split()
        label, _ = _org_or_agency(doc, start, token.i + 1, words)
        return Mention(start, token.i + 1, doc[start].idx, token.idx + len(token),
                       _span_text(doc, start, token.i + 1), label, head=token.i)
    # "residents protesting ...": the noun right before a protest participle is protesters
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ == "VBG" and nxt.lemma_ in gz.PROTEST_VERBS:
        start = kept[0].i if kept else token.i
        return Mention(start, nxt.i + 1, doc[start].idx, nxt.idx + len(nxt), "protesters",
                       "Group", head=token.i, canonical=f"{token.lower_} {nxt.lower_}")
    def word(t: Token) -> str:
        proper = t.i in mention_at or t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE") or \
            (t.is_title and t.i > sentence_start(t))
        return t.text if proper else t.lower_
    words = [word(t) + ("" if t.whitespace_ or t is kept[-1] else "\x00") for t in kept]
    name_head = gz.GROUP_SYNONYMS.get(lower, lower) if not kept else lower
    if token.pos_ == "PROPN" or token.tag_ == "NNPS" or (token.is_title and token.i > sentence_start(token)):
        name_head = token.text
    name = " ".join(words + [name_head if not two_words else lower]).replace("\x00 ", "")
    start = kept[0].i if kept else (token.i - 1 if two_words else token.i)
    surface = doc[start:token.i + 1].text if name_head != lower and not kept else ""
    return Mention(start, token.i + 1, doc[start].idx, token.idx + len(token), name, "Group",
                   head=token.i, weak=lower in gz.WEAK_GROUP_NOUNS or nationality, canonical=surface)


# ---------------------------------------------------------------------- nominal titles
def _nominal_title_mentions(doc: Doc, mention_at: dict[int, int],
                            mentions: list[Mention]) -> list[Mention]:
    """'the US President', 'the governor': title phrases that stand for a named official."""
    official, qualified, _, longest = _title_tables()
    last_words = {t.split()[-1] for t in official}
    found = []
    for token in tokens_of(doc):
        if token.lower_ not in last_words or token.i in mention_at or \
                token.tag_ not in ("NN", "NNP") or token.pos_ not in ("NOUN", "PROPN"):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.pos_ == "PROPN" and nxt.is_title):
            continue
        best = None
        for j in range(token.i, max(0, token.i - longest) - 1, -1):
            # the article ends the title ("the president": match_key drops a leading "the")
            if doc[j].is_punct and doc[j].text != "-" or doc[j].lower_ == "the":
                break
            if match_key(doc[j:token.i + 1].text) in official:
                best = j
        if best is None:
            continue
        k = best - 1
        juris = -1
        if k >= 0 and k in mention_at and mentions[mention_at[k]].label in ("Place", "Agency"):
            juris = k
            k = mentions[mention_at[k]].start - 1
        demonym = ""
        if juris < 0 and k >= 0 and doc[k].lower_ in gz.DEMONYMS:
            demonym = gz.DEMONYMS[doc[k].lower_]
            k -= 1
        if k >= 0 and doc[k].lower_ in gz.TITLE_MODIFIERS and doc[k].lower_ != "the":
            skipped = _skip_modifiers_left(doc, k)
            # "the former president": the skip runs past "the" (a modifier word too)
            k = next((i for i in range(skipped + 1, k + 1) if doc[i].lower_ == "the"), skipped)
        if k < 0 or doc[k].lower_ != "the":
            continue
        title = doc[best:token.i + 1].text
        start = juris if juris >= 0 else (best - 1 if demonym else best)
        if juris >= 0:
            start = mentions[mention_at[juris]].start
        found.append(Mention(start, token.i + 1, doc[start].idx, token.idx + len(token),
                             doc[start:token.i + 1].text, "Official", title=_clean_title(title),
                             jurisdiction=mentions[mention_at[juris]].text if juris >= 0 else demonym,
                             jurisdiction_token=juris,
                             head=token.i, nominal=True))
    return found


# --------------------------------------------------------------------------- public
def extract_mentions(doc: Doc) -> list[Mention]:
    """Every entity mention in ``doc``, typed to the ontology, in text order."""
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS and ent.label_ not in ("PRODUCT", "WORK_OF_ART", "EVENT"):
            continue
        start, end = trim_span(doc, ent.start, ent.end)
        if start >= end:
            continue
        if ent.label_ in ("PERSON", "ORG") and _platform_letter(doc, start, end):
            start += 2 if doc[start + 1].text == "." else 1  # "in a post on X. Reyes added"
        if ent.label_ == "PERSON":
            start = _given_names_before(doc, start, end)
        elif start > 0 and doc[start - 1].ent_type_ == "ORDINAL" and doc[start - 1].ent_iob_ == "B" and \
                {t.lower_ for t in doc[start:end]} & gz.ORDINAL_NAMED_WORDS:
            start -= 1  # "the 9th" + "U.S. Circuit Court of Appeals": one court of several
        start, title_in_span = _title_prefix_in_span(doc, start, end, ent.label_)
        end = _cut_tail(doc, start, end, ent.label_)
        if doc[end - 1].idx + len(doc[end - 1]) - doc[start].idx > MAX_NAME_CHARS:
            continue  # a run of capitals, a table or a list: no name is this long
        typed = _type_span(doc, start, end, ent.label_, ent.ent_id_)
        if typed is None:
            continue
        label, canonical = typed
        text = _span_text(doc, start, end)
        if label == "Place":
            canonical = canonical_place(text)
        span = doc[start:end]
        m = Mention(start, end, span.start_char, span.end_char, text, label,
                    head=span.root.i, canonical=canonical)
        if title_in_span:
            m.title = title_in_span
        mentions.append(m)
    # names the NER missed, cut or split, proposed and applied under one overlap policy
    apply_proposals(mentions, _missed_people(doc, mentions), FILL)
    apply_proposals(mentions, _repeated_names(doc, mentions), FILL)
    apply_proposals(mentions, _missed_places(doc, mentions), FILL)
    apply_proposals(mentions, _place_pairs(doc), NEST)
    apply_proposals(mentions, _pattern_names(doc, mentions), FILL)
    apply_proposals(mentions, _missed_media(doc, mentions), FILL)
    for m in mentions:
        if m.label == "Organization" and not m.canonical and NICKNAME_NAME.match(m.text):
            m.label = "Person"
    _administrations(doc, mentions)
    apply_proposals(mentions, _places_by_noun(doc, mentions), FILL)
    apply_proposals(mentions, _missed_bodies(doc), REPLACE)
    apply_proposals(mentions, _missed_titled_bodies(doc, mentions), REPLACE)
    apply_proposals(mentions, _lower_case_units(doc, mentions), FILL)
    apply_proposals(mentions, _acronym_definitions(doc, mentions), REPLACE)
    _join_country_prefixes(doc, mentions)
    _join_listed_names(doc, mentions)
    _units_of_agencies(mentions)
    apply_proposals(mentions, _defined_acronyms(doc, mentions), FILL)
    mentions.sort(key=lambda m: (m.start, m.end))
    # the place a body is named by is named too ("a Dayton police officer")
    apply_proposals(mentions, _national_bodies(doc, _index(mentions), mentions), REPLACE,
                    keep_places=True)
    apply_proposals(mentions, _initials_of_members(doc), FILL)
    mentions.sort(key=lambda m: (m.start, m.end))
    mention_at = _index(mentions)
    _possessed_bodies(doc, mentions, mention_at)
    _attach_titles(doc, mentions, mention_at)
    _companies_of_executives(doc, mentions)
    mention_at = _index(mentions)
    for m in mentions:
        if m.title and m.label == "Person" and title_kind(m.title) == "official":
            m.label = "Official"
    groups = [g for g in (_group_mention(doc, token, mention_at, mentions) for token in tokens_of(doc))
              if g is not None]
    # "X Defence Forces" is a body's name, which swallows "X Defence"; unnamed groups nest
    apply_proposals(mentions, [g for g in groups if g.label != "Group"], REPLACE)
    apply_proposals(mentions, [g for g in groups if g.label == "Group"], NEST)
    mentions.sort(key=lambda m: (m.start, m.end))
    mention_at = _index(mentions)
    apply_proposals(mentions, _nominal_title_mentions(doc, mention_at, mentions), NEST)
    mentions.sort(key=lambda m: (m.start, m.end))
    mentions = _drop_term_acronyms(doc, mentions)
    mentions = _drop_product_names(doc, mentions)
    return _drop_headline_only_names(doc, mentions)


#: A line counts as a Title Case headline when this share of its longer words is capitalised.
HEADLINE_CAPITALISED = 0.7
HEADLINE_MAX_WORDS = 25


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of Title Case lines ("Governors Challenge New Mining Rule"), where the
    NER takes any capitalised run for a name."""
    ranges, offset = [], 0
    for line in text.split("\n"):
        all_words = re.findall(r"[A-Za-z][\w'’-]*", line)
        words = [w for w in all_words if len(w) > 3]
        # a headline is short and ends without a full stop; a sentence of names is neither
        if 4 <= len(words) and len(all_words) <= HEADLINE_MAX_WORDS and \
                not line.rstrip().endswith((".", "!", "?", "\"", "”")) and \
                sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALISED * len(words):
            ranges.append((offset, offset + len(line)))
        offset += len(line) + 1
    return ranges


def _drop_headline_only_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names of people, bodies and laws seen only in Title Case headlines, and unknown to
    the gazetteer, are dropped: the text never confirms them (a headline's capitals make
    "Governors Sue Over Rule In Court" look like a court)."""
    ranges = headline_lines(doc_text(doc))
    if not ranges:
        return mentions

    def in_headline(m: Mention) -> bool:
        return any(a <= m.char_start and m.char_end <= b for a, b in ranges)
    confirmed, surnames = set(), set()
    for m in mentions:
        if not in_headline(m):
            words = match_key(m.text).split()
            confirmed.update((" ".join(words), words[-1] if words else ""))
            if m.label in ("Person", "Official") and len(words) > 1:
                surnames.add(words[-1])

    def unconfirmed(m: Mention) -> bool:
        key = match_key(m.text)
        if m.label == "Official":
            # a title vouches for a name ("Gov. Jane Roe"), unless a headline word was glued
            # onto a person the text names in full ("Judge Blocks Trump's Plan")
            return key not in confirmed and key.split()[-1:] and key.split()[-1] in surnames
        return m.label in ("Person", "Organization", "Agency", "Law") and key not in confirmed
    return [m for m in mentions if not (in_headline(m) and not m.canonical and unconfirmed(m))]


#: Dependencies of a word that stands as a name (not as a modifier of a noun).
NAME_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "dative"}


def _missed_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """People the NER missed: a name after an honorific ("Mr Walz") or an office title
    ("Mayor Ana Ruiz", two words or more), or a later bare use of a name already seen as
    a person."""
    covered = set(_index(mentions))
    known = {w for m in mentions if m.label == "Person" for w in (m.text, m.text.split()[-1])}
    found = []
    tokens = tokens_of(doc)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # a name already seen is a name even where the tagger calls it a noun ("Trump
        # ordered ..."), unless it modifies one ("Rice prices")
        proper = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text in known and
                                           token.dep_ in NAME_DEPS)
        if i in covered or not proper or not token.is_title:
            i += 1
            continue
        after_honorific = i > 0 and tokens[i - 1].lower_.rstrip(".") in gz.HONORIFICS \
            and tokens[i - 1].is_title
        title = _title_before(doc, i) if i > 0 and not after_honorific and token.pos_ == "PROPN" else None
        after_title = title is not None and tokens[title[0]].is_title and title_kind(title[1]) == "official"
        if not (after_honorific or after_title or token.text in known):
            i += 1
            continue
        end = i + 1
        while end < len(tokens) and end not in covered and tokens[end].pos_ == "PROPN" \
                and tokens[end].is_title and (after_honorific or after_title) and end - i < 4:
            end += 1
        span = doc[i:end]
        words = match_key(span.text).split()
        if after_title and not after_honorific and token.text not in known and (
                len(words) < 2 or set(words) & (gz.AGENCY_HEAD_WORDS | gz.BODY_END_WORDS) or
                span.text in gz.COUNTRIES or span.text in gz.US_STATES):
            i = end  # "Mayor Ana Ruiz", not "Governor Texas" or "Attorney General Office"
            continue
        if lookup_body(span.text) is None and not title_kind(span.text):  # "Mr. President"
            found.append(Mention(i, end, span.start_char, span.end_char, span.text, "Person",
                                 head=span.root.i))
            known.update((span.text, span.text.split()[-1]))  # "Ruiz said" further on
        i = end
    return found




def _places_by_noun(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names a place noun says are places: "the border town of X" (X found or not by the
    NER), "X, the capital of Y" (X typed a person or company by the NER)."""
    at = _index(mentions)
    found = []
    for noun in tokens_of(doc):
        if noun.lemma_ not in gz.PLACE_TYPE_NOUNS or noun.pos_ != "NOUN":
            continue
        names = [p for p in prep_objects_of(noun, "of") if p.pos_ == "PROPN" and p.is_title]
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            names.append(noun.head)
        for name in names:
            if name.i in at:
                m = mentions[at[name.i]]
                if m.label in ("Organization", "Person", "Place") and not m.canonical and not m.title:
                    m.label, m.sure = "Place", True
                continue
            start = end = name.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].head.i == name.i and start - 1 not in at:
                start -= 1
            span = doc[start:end + 1]
            found.append(Mention(start, end + 1, span.start_char, span.end_char, span.text, "Place",
                                 head=name.i, canonical=canonical_place(span.text), sure=True))
    return found


#: A dateline opening the article: "DAYTON, OH --", "SALEM, Mass. —".
DATELINE = re.compile(r"^[ \t]*([A-Z][A-Za-z .'-]{1,30}?),\s+([A-Z]{2}|[A-Z][a-z]{1,5}\.(?: ?[A-Z][a-z]?\.)?)\s*(?:--|—|–|-)\s", re.M)
#: A wire service's dateline: "BRUSSELS (Reuters) -", "KYIV, Ukraine (AP) —".
WIRE_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z .'-]{2,30}?)(?:,[^(\n]{1,30})?\s*\([A-Za-z .&]{2,30}\)\s*(?:--|—|–|-)\s", re.M)


def _place_mention(doc: Doc, char_start: int, char_end: int, name: str,
                   attribute_only: bool = False) -> Optional[Mention]:
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None:
        return None
    return Mention(span.start, span.end, char_start, char_end, doc_text(doc)[char_start:char_end],
                   "Place", head=span.root.i, canonical=name, attribute_only=attribute_only)


def _place_pairs(doc: Doc) -> list[Mention]:
    """Both halves of a place pair in one token ("U.S.-Mexico border"), or a known place
    after a hyphen (proposals under NEST: the pair may sit inside a longer name)."""
    found = []
    for token in tokens_of(doc):
        if "-" in token.text and PLACE_PAIR.match(token.text):
            offset = token.idx
            for part in token.text.split("-"):
                name = canonical_place(part)
                if name in gz.COUNTRIES or name in gz.US_STATES or match_key(part) in gz.PLACE_ALIASES:
                    m = _place_mention(doc, offset, offset + len(part), name)
                    if m:
                        found.append(m)
                offset += len(part) + 1
    return found


def _missed_places(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Places the NER left out or mistyped: the city and state of a dateline ("DAYTON, OH
    --", "BRUSSELS (Reuters) -"), a country or US state the NER gave no label, and the
    state of a party member ("Ohio Democrat")."""
    text = doc_text(doc)
    covered = set(_index(mentions))
    found: list[Mention] = []
    # the dateline opens the first or second paragraph (after a headline)
    line = next((m for m in DATELINE.finditer(text[:400]) if m.start() == 0 or
                 text[m.start() - 1] == "\n"), None)
    wire = next((m for m in WIRE_DATELINE.finditer(text[:400]) if m.start() == 0 or
                 text[m.start() - 1] == "\n"), None)
    if wire:
        city = wire.group(1).strip()
        span = doc.char_span(wire.start(1), wire.start(1) + len(city), alignment_mode="expand")
        at = _index(mentions)
        if span is not None and span.start in at:
            m = mentions[at[span.start]]
            if (m.start, m.end) == (span.start, span.end) and m.label != "Place" and \
                    not m.canonical and lookup_body(city) is None:  # ("UNITED NATIONS (Reuters) -")
                m.label, m.canonical, m.sure = "Place", city.title(), True  # "BRUSSELS" as a body
        elif span is not None and not any(i in covered for i in range(span.start, span.end)):
            m = _place_mention(doc, wire.start(1), wire.start(1) + len(city), city.title())
            if m:
                found.append(m)
    if line:
        state = gz.STATE_POSTAL_CODES.get(line.group(2)) or \
            gz.STATE_ABBREVIATIONS.get(match_key(line.group(2)))
        city = line.group(1)
        for grp, name in ((1, city.title() if city.isupper() else city), (2, state)):
            span = doc.char_span(line.start(grp), line.end(grp), alignment_mode="expand")
            if name and span is not None and not any(i in covered for i in range(span.start, span.end)):
                m = _place_mention(doc, line.start(grp), line.end(grp), name)
                if m:
                    found.append(m)
    for token in tokens_of(doc):
        if "-" not in token.text and token.i not in covered and token.pos_ == "PROPN" and token.ent_type_ == "" and \
                (token.text in gz.COUNTRIES or token.text in gz.US_STATES) and len(token.text) > 3:
            found.append(Mention(token.i, token.i + 1, token.idx, token.idx + len(token), token.text,
                                 "Place", head=token.i, canonical=token.text))
    for ent in doc.ents:
        words = ent.text.split()
        if ent.label_ == "NORP" and len(words) > 1 and words[-1].lower() in gz.PARTY_MEMBER_WORDS:
            name = " ".join(words[:-1])
            if name in gz.US_STATES or name in gz.COUNTRIES:
                m = _place_mention(doc, ent.start_char, ent.start_char + len(name), name)
                if m:
                    found.append(m)
    return found


#: A person's name with a nickname in quotes: 'Rajiv "Ace" Mehta'.
NICKNAME_NAME = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)* [“\"‘'][A-Z][\w.'-]+[”\"’'] [A-Z][\w'-]+$")


def _missed_media(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Media the NER left unlabelled before a medium noun ("the Dayton Ledger newspaper")."""
    covered = set(_index(mentions))
    found = []
    for token in tokens_of(doc):
        if token.lower_ not in gz.MEDIA_NOUNS or token.i == 0 or not token.is_lower:
            continue
        start = end = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].ent_type_ in ("", "ORG") and start - 1 not in covered:
            start -= 1
        if start < end and doc[start].text[:1].isupper():
            span = doc[start:end]
            found.append(Mention(start, end, span.start_char, span.end_char, span.text,
                                 "Organization", head=end - 1))
    return found


def prep_objects_of(token: Token, prep: str) -> list[Token]:
    """Objects of the preposition ``prep`` hanging on ``token``."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == prep
            for p in c.children if p.dep_ == "pobj"]


def _repeated_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name of two words or more found once is that name wherever the article repeats it
    and the NER did not tag it ("Cedar Falls" as a place in one sentence, untagged in the
    next): one name, one entity across the article."""
    tokens = tokens_of(doc)
    names: dict[str, list[tuple[tuple[str, ...], Mention]]] = {}  # first word -> (words, mention)
    for m in mentions:
        if m.end - m.start >= 2 and not m.role and m.text[:1].isupper() and \
                m.label in ("Person", "Place", "Agency", "Organization", "Law"):
            words = tuple(t.text for t in tokens[m.start:m.end])
            names.setdefault(words[0], []).append((words, m))
    if not names:
        return []
    covered = set(_index(mentions))
    found = []
    for token in tokens:
        for words, known in names.get(token.text, ()):
            start, end = token.i, token.i + len(words)
            if end > len(tokens) or any(i in covered for i in range(start, end)) or \
                    tuple(t.text for t in tokens[start:end]) != words:
                continue
            span = doc[start:end]
            found.append(Mention(start, end, span.start_char, span.end_char, span.text, known.label,
                                 head=span.root.i, canonical=known.canonical))
            covered.update(range(start, end))
            break
    return found


def _cut_tail(doc: Doc, start: int, end: int, label: str) -> int:
    """Cut what the NER swept into a name's end: a title after a person's name ("Snyder
    Chief of Staff"), a caption word ("Image"), members after a body ("Guard Troops"), an
    office title after a place before a person's name ("Pike County Sheriff" + "Ann Roe")."""
    if label == "PERSON":
        for j in range(start + 1, end):
            if doc[j].text in gz.MONTH_ABBREVIATIONS and j + 1 < len(doc) and doc[j + 1].like_num:
                return j  # "By Jane Roe Mar 3, 2021": a byline's date
            if doc[j].lower_ in ("v.", "v", "vs.", "vs"):
                return start  # "Doe v. Smith": a case's caption, no person
            if doc[j].text == "/":
                return j  # "John Moore/Getty Images": a photo credit
            if doc[j].lower_ in gz.TAIL_NOISE or title_kind(doc[j:end].text) or \
                    title_kind(doc[j].text) in ("official", "private"):
                return j
    if label in ("ORG", "AGENCY") and end - start > 1 and doc[end - 1].lower_ in gz.GROUP_NOUNS and \
            doc[end - 1].lower_ not in gz.COLLECTIVE_ACTOR_NOUNS:
        return end - 1  # ("Organization of American States" keeps its last word)
    if label == "ORG":
        for j in range(start + 1, end):
            if doc[j].is_currency or doc[j].lower_ in gz.MONEY_WORDS or \
                    (doc[j].like_num and j + 1 < len(doc) and doc[j + 1].lower_ in gz.MONEY_WORDS):
                return j  # "fined Apple 1.8 billion euros": the sum is no part of the name
    if label in ("GPE", "LOC", "FAC") and end < len(doc) and doc[end].ent_type_ == "PERSON":
        for j in range(start + 1, end):  # "Cook County Sheriff" + "Tom Dart": the title is his
            if title_kind(doc[j:end].text) == "official":
                return j
    return end


def _given_names_before(doc: Doc, start: int, end: int) -> int:
    """"Ana Teller" where the NER tagged only "Teller": a capitalised proper noun right
    before a person's name that the parse attaches to it, opens the phrase and is no
    title, role, honorific, nationality, place or body is its given name."""
    floor = sentence_start(doc[start])

    def name_word(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.dep_ == "compound"
    if start == floor:
        return start
    t = doc[start - 1]
    lower = t.lower_
    # one word that opens its phrase: "Police Superintendent Larry" has a title before it
    if not name_word(t) or not start <= t.head.i < end or t.ent_type_ or \
            (t.i > floor and name_word(doc[t.i - 1])) or lower in gz.HONORIFICS or \
            lower in gz.DEMONYMS or lower in gz.LEADER_ROLES or is_member_role(lower) or \
            title_kind(t.text) or t.text in gz.COUNTRIES or t.text in gz.US_STATES or \
            lookup_body(t.text):
        return start
    return start - 1


def _title_prefix_in_span(doc: Doc, start: int, end: int, label: str) -> tuple[int, str]:
    """Split a leading title off a PERSON span ("President Donald Trump")."""
    if label != "PERSON":
        return start, ""
    _, _, _, longest = _title_tables()
    for j in range(min(end - 1, start + longest), start, -1):
        title = doc[start:j].text
        if title_kind(title) in ("official", "qualified") and doc[j].pos_ == "PROPN":
            return j, _clean_title(title)
    return start, ""


def _index(mentions: list[Mention]) -> dict[int, int]:
    at: dict[int, int] = {}
    for n, m in enumerate(mentions):
        for i in range(m.start, m.end):
            at.setdefault(i, n)
    return at
