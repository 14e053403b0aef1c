"""Within-article resolution: mentions -> local entities.

"Mr Trump", "Trump", "the US President" and "Donald Trump" become one entity named by its
fullest form; acronyms tie to their expansion (defined in the text or known from the
gazetteer); surnames that the statistical NER mistyped are mended; group mentions with
the same head noun become one group. Every mention gets its entity's key.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Optional

from spacy.tokens import Doc

from .entities import DEFINED_ACRONYM, acronym_of, canonical_place, lookup_body
from ..model import LocalEntity, Mention
from ..names import match_key
from .nlp import doc_text
from ..ontology import FRAMES, LABEL_RANK
from ..ontology import cues
from ..ontology import gazetteer as gz


def _person_words(m: Mention) -> list[str]:
    """A person's name as words, generational suffixes dropped ("Robert F Kennedy")."""
    words = match_key(m.text).split()
    while len(words) > 1 and words[-1] in gz.NAME_SUFFIXES:
        words.pop()
    return words


def _fix_person_typing(doc: Doc, mentions: list[Mention]) -> None:
    """Mend the NER's person/organisation confusions: a person's surname or full name typed
    as an organisation is the person; a "person" introduced as a company ("the company X",
    "X Labs", "X's shareholders") is an organisation."""
    companies = {match_key(m.text) for m in mentions
                 if m.label == "Person" and not m.title and _company_cue(doc, m)}
    for m in mentions:
        if m.label == "Person" and match_key(m.text) in companies:
            m.label = "Organization"
    # "a Johns Hopkins study" after "the Johns Hopkins University": a name
    # that opens an institution's name in the article, used as a modifier, is that body
    bodies = [b for b in mentions if b.label in ("Organization", "Agency") and not b.role
              and match_key(b.text).split()[-1:] and match_key(b.text).split()[-1] in gz.EPONYM_BODY_HEADS]
    person_words = [match_key(p.text).split() for p in mentions if p.label in ("Person", "Official")]
    for m in mentions:
        if m.label != "Person" or m.title or m.head < 0 or doc[m.head].dep_ != "compound" or \
                doc[m.head].head.pos_ != "NOUN":
            continue
        words = match_key(m.text).split()
        if any(len(w) > len(words) and w[-len(words):] == words for w in person_words) or \
                any(p.label in ("Person", "Official") and match_key(p.text).split() == words and
                    p.head >= 0 and doc[p.head].dep_ != "compound" for p in mentions):
            continue  # a person named elsewhere in the article
        owner = next((b for b in bodies if match_key(b.text).split()[:len(words)] == words and
                      len(match_key(b.text).split()) == len(words) + 1), None)
        if owner is not None:
            m.label, m.canonical = owner.label, owner.canonical or owner.text
    people = [m for m in mentions if m.label in ("Person", "Official") and not m.nominal]
    surnames = {w[-1] for w in map(_person_words, people) if len(w) > 1}
    full = {match_key(m.text) for m in people}
    for m in mentions:
        # a person's surname the NER took for a place ("Abbott said")
        if m.label == "Place" and m.text not in gz.COUNTRIES and m.text not in gz.US_STATES \
                and (match_key(m.text) in surnames or
                     _patient_of_person_verb(doc, m, "Place")):
            m.label, m.canonical = "Person", ""
        # a name the NER took for an organisation, arrested or shot ("was taken into
        # custody"): organisations can be charged, not arrested
        if m.label == "Organization" and not m.canonical and not m.role and \
                _patient_of_person_verb(doc, m, "Organization"):
            m.label = "Person"
        if m.label == "Organization" and not m.canonical and not m.role:
            words = match_key(m.text).split()
            if " ".join(words) in full or (len(words) == 1 and words[0] in surnames) or \
                    (1 < len(words) <= 4 and words[-1] in surnames
                     and not set(words) & gz.AGENCY_HEAD_WORDS and m.text[:1].isupper()):
                m.label = "Person"


#: Labels the NER confuses with one another, and that the text can settle for a name.
#: In the order that wins a tie.
CONFUSABLE_LABELS = ("Place", "Organization", "Person")


def _one_name_one_type(doc: Doc, mentions: list[Mention]) -> None:
    """One name, one type across the article, where the NER typed its mentions apart: a
    type the text itself gives ("the town of X") wins; else the label most full-name
    mentions carry decides for the name and its one-word short form
    ("Ridge" after "Pine Ridge"), a place winning a tie ("Pine Park" as a place in
    one sentence and a person in the next); a one-word "person" before a region noun is a
    place ("the Norland region")."""
    for m in mentions:
        if m.label == "Person" and m.end < len(doc) and doc[m.end].lower_ in gz.REGION_NOUNS \
                and len(m.text.split()) == 1 and not m.title:
            m.label, m.canonical = "Place", ""
    pool = [m for m in mentions if m.label in CONFUSABLE_LABELS and not m.nominal and not m.role
            and not m.title and (not m.canonical or m.label == "Place")]
    longer: dict[str, set[str]] = defaultdict(set)
    for m in pool:
        words = match_key(m.text).split()
        if len(words) > 1:
            longer[words[-1]].add(" ".join(words))
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in pool:
        key = match_key(m.text)
        if len(key.split()) == 1 and len(longer.get(key, ())) == 1:
            key = next(iter(longer[key]))
        by_name[key].append(m)
    for ms in by_name.values():
        if len({m.label for m in ms}) < 2:
            continue
        sure = next((m.label for m in ms if m.sure), None)
        labels = Counter(m.label for m in ([m for m in ms if len(m.text.split()) > 1] or ms))
        best = sure or min(labels, key=lambda label: (-labels[label], CONFUSABLE_LABELS.index(label)))
        for m in ms:
            if m.label != best:
                m.label = best
                m.canonical = canonical_place(m.text) if best == "Place" else ""


def _acting_seats(doc: Doc, mentions: list[Mention]) -> None:
    """'the Kremlin said', 'announced by the Kremlin', 'Kremlin Press Secretary':
    a seat of government acting or qualifying a post is the institution, in every mention."""
    seats = [m for m in mentions if m.label == "Place" and match_key(m.text) in gz.PLACE_BODIES]
    acting = set()
    for m in seats:
        h = doc[m.head]
        if match_key(m.text) in gz.BUILDINGS_ONLY:
            continue  # rooms and buildings, never the institution
        actors = {i for a in mentions if a.label in ("Person", "Official", "Agency")
                  for i in range(a.start, a.end)}
        if h.dep_ == "nsubj" and h.head.lemma_ != "be" or \
                (h.dep_ == "pobj" and h.head.lower_ == "by") or \
                (h.dep_ == "conj" and h.head.i in actors) or \
                any(c.dep_ == "conj" and c.i in actors for c in h.children) or \
                (h.dep_ == "compound" and h.head.pos_ == "PROPN" and h.head.i >= m.end):
            acting.add(match_key(m.text))
    for m in seats:
        if match_key(m.text) in acting:
            m.label, m.canonical = "Agency", ""


def _patient_of_person_verb(doc: Doc, m: Mention, label: str) -> bool:
    """A two-word-or-longer name in the patient role of a verb whose relation takes a
    person but never a ``label`` there ("police arrested Marcus Hill": no place or company
    is arrested), other than a known place."""
    if match_key(m.text) in gz.PLACE_ALIASES or len(m.text.split()) < 2 or m.head < 0:
        return False
    head = doc[m.head]
    verb = head.head
    if head.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return False
    frame = FRAMES.verb_frame(verb)
    return frame is not None and any(
        "Person" in spec.target and label not in spec.target
        for spec in map(FRAMES.spec, frame.types))


def _company_cue(doc: Doc, m: Mention) -> bool:
    words = match_key(m.text).split()
    if words and words[-1] in gz.CORPORATE_SUFFIXES and len(words) > 1:
        return True
    before = m.start - 1
    if before >= 0 and doc[before].lower_ in gz.ORGANIZATION_NOUNS:
        return True
    after = doc[m.end: m.end + 2]
    if len(after) == 2 and after[0].lower_ in ("'s", "’s") and len(words) == 1 and \
            any(t.lemma_ in gz.BUSINESS_PREMISES for t in doc[m.end + 1: m.end + 4]):
        return True  # "a local Bo's Burgers restaurant", "a Kroger's store"
    return len(after) == 2 and after[0].lower_ in ("'s", "’s") and \
        after[1].lower_ in gz.CORPORATE_POSSESSIONS and len(words) == 1


def _acronym_links(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """Acronym key -> expansion key, from "Long Name (LN)" in the text and from initials."""
    links: dict[str, str] = {}
    bodies = [m for m in mentions if m.label in ("Agency", "Organization") and not m.role]
    for m in bodies:
        found = DEFINED_ACRONYM.match(doc_text(doc)[m.char_end:m.char_end + 16])
        if found and (len(m.text.split()) > 1 or found.group(1).isupper()) and \
                acronym_of(m.text, found.group(1)):
            links[match_key(found.group(1))] = _body_key(m, {})
    long_forms = {}
    for m in bodies:
        words = [w for w in re.findall(r"[A-Za-z]+", m.text) if w[0].isupper()]
        if len(words) > 1:
            long_forms.setdefault("".join(w[0] for w in words).lower(), _body_key(m, {}))
    for m in bodies:
        if m.text.isupper() and len(m.text) >= 2:
            key = match_key(m.text)
            if key not in links and key.replace(" ", "") in long_forms:
                links[key] = long_forms[key.replace(" ", "")]
    return links


def _short_body_links(mentions: list[Mention]) -> dict[str, str]:
    """'the Post' after 'The Washington Post': a one-word name that ends exactly one longer
    organisation name in the article is that organisation."""
    bodies = [m for m in mentions if m.label in ("Agency", "Organization") and not m.role]
    links = {}
    # "Norland Guard" after "Norland National Guard": the name short of "National"
    full = {match_key(b.text): _body_key(b, {}) for b in bodies}
    for key in full:
        words = key.split()
        if "national" in words:
            short = " ".join(w for w in words if w != "national")
            if short in full and short != key:
                links[short] = full[key]
        # "the Minneapolis police" beside "the Minneapolis Police Department": the name
        # short of its last, generic word is the same body
        if len(words) > 2 and words[-1] in gz.GENERIC_BODY_HEADS and " ".join(words[:-1]) in full:
            links[" ".join(words[:-1])] = full[key]
    for m in bodies:
        words = match_key(m.text).split()
        if len(words) != 1 or m.canonical or m.text.isupper():
            continue
        longer = {_body_key(b, {}) for b in bodies
                  if len(match_key(b.text).split()) > 1 and match_key(b.text).split()[-1] == words[0]}
        if len(longer) == 1:
            links[words[0]] = longer.pop()
    return links


def _body_key(m: Mention, acronyms: dict[str, str]) -> str:
    if m.canonical:
        return "body:" + match_key(m.canonical)
    known = lookup_body(m.text)
    if known:
        return "body:" + match_key(known[1])
    key = match_key(m.text)
    if key in acronyms:
        return acronyms[key]
    for prefix in gz.COUNTRY_PREFIXES:
        if key.startswith(prefix + " ") and len(key.split()) > 2:
            key = key[len(prefix) + 1:]
            break
    return "body:" + key


def _group_parts(m: Mention) -> tuple[str, str]:
    """(head noun, distinguishing modifiers): "US troops" -> ("troops", "us"). Only proper
    modifiers (places, nationalities, parties) distinguish; "local", "top" do not."""
    words = m.text.split()
    head = match_key(words[-1]) if words else ""
    head = gz.GROUP_SYNONYMS.get(head, head)
    proper = [w for w in words[:-1] if w[:1].isupper()]
    return head, match_key(" ".join(proper))


def _group_keys(groups: list[Mention]) -> None:
    """Groups with one head noun merge unless proper modifiers tell them apart; an
    unqualified mention ("local officials") joins the only qualified group it can."""
    qualified: dict[str, set[str]] = defaultdict(set)
    for m in groups:
        head, mods = _group_parts(m)
        if mods:
            qualified[head].add(mods)
    for m in groups:
        head, mods = _group_parts(m)
        if not mods and len(qualified[head]) == 1:
            mods = next(iter(qualified[head]))
        m.key = f"group:{head}|{mods}" if mods else f"group:{head}"


def resolve_mentions(doc: Doc, mentions: list[Mention]) -> dict[str, LocalEntity]:
    """Give every mention an entity key and return the article's entities by key."""
    _one_name_one_type(doc, mentions)
    _fix_person_typing(doc, mentions)
    _acting_seats(doc, mentions)
    acronyms = _acronym_links(doc, mentions)
    acronyms.update(_short_body_links(mentions))

    people = [m for m in mentions if m.label in ("Person", "Official") and not m.nominal]
    full_names = {}
    for m in people:
        words = _person_words(m)
        if len(words) > 1:
            full_names.setdefault(" ".join(words), words)
    # two full names with the same first and last word are one person ("Donald J Trump")
    canonical_full = {}
    for key, words in sorted(full_names.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        for other, other_words in canonical_full.items():
            if other_words[0] == words[0] and other_words[-1] == words[-1]:
                canonical_full[key] = canonical_full[other]
                break
        else:
            canonical_full[key] = words
    canonical_full = {k: " ".join(v) for k, v in canonical_full.items()}

    def person_key(m: Mention) -> str:
        words = _person_words(m)
        joined = " ".join(words)
        # the one longer full name this form ends: "Trump" -> "Donald Trump",
        # "de Blasio" -> "Bill de Blasio"
        longer = {canonical_full[k] for k, w in full_names.items()
                  if len(w) > len(words) and w[-len(words):] == words}
        # a two-word surname ("Lopez Obrador") or one led by a particle ("de Blasio")
        suffix_of_longer = len(longer) == 1 and (words[0] in gz.NAME_PARTICLES or
                                                 len(next(iter(longer)).split()) >= 3)
        if len(words) > 1 and not suffix_of_longer:
            return "person:" + canonical_full.get(joined, joined)
        if not longer and len(words) == 1:
            longer = {canonical_full[k] for k, w in full_names.items() if w[0] == joined}
        if len(longer) == 1:
            return "person:" + longer.pop()
        return "person:" + joined

    place_keys = {"place:" + match_key(m.canonical or m.text) for m in mentions if m.label == "Place"}
    for m in mentions:
        if m.key.startswith("@"):
            continue
        if m.nominal:
            continue
        if m.label in ("Person", "Official"):
            m.key = person_key(m)
        elif m.label in ("Agency", "Organization"):
            m.key = _body_key(m, acronyms)
        elif m.label == "Place":
            m.key = "place:" + match_key(m.canonical or m.text)
            words = m.key.split()
            if len(words) > 1 and words[-1] in gz.REGION_SUFFIXES and " ".join(words[:-1]) in place_keys:
                m.key = " ".join(words[:-1])  # "Blue Nile State" and "Blue Nile"
        elif m.label == "Law":
            m.key = "law:" + match_key(m.text)
    _group_keys([m for m in mentions if m.label == "Group" and not m.key.startswith("@")])
    # role mentions ("ICE officers") take the key of the body they name
    people_keys = {match_key(m.text) for m in mentions if m.label in ("Person", "Official")}
    for m in mentions:
        if m.key.startswith("@"):
            if match_key(m.text) in people_keys:
                m.key = ""  # "Trump officials": members of no named body
                continue
            body = next((b for b in mentions if b.text == m.text and not b.key.startswith("@")
                         and b.label == m.label and b.start < m.start), None)
            m.key = body.key if body else _body_key(m, acronyms)
    _private_by_description(doc, mentions)
    _staff_of_officials(doc, mentions)
    _heads_of_administrations(mentions)
    _members_of_named_body(mentions)
    _groups_of_the_one_body(mentions)
    _speaking_institutions(doc, mentions)
    _resolve_nominal_titles(mentions)
    return _build_entities(mentions)


#: "X, a non-profit that ...", "X is a private company": the text says the body is private.
PRIVATE_DESCRIPTION = re.compile(
    r"^\s*(?:,|–|—|--|-|\(|\bis\b|\bwas\b)\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:non-?profit|not-for-profit|private|privately[- ]held|publicly[- ]traded|company|"
    r"corporation|firm|charity|cooperative|trade group|trade association|industry group|"
    r"advocacy group|think tank)\b", re.I)


def _private_by_description(doc: Doc, mentions: list[Mention]) -> None:
    """A body the text itself describes as private ("GridCo – a non-profit that operates
    the grid") is an Organization, whatever its government-sounding name; gazetteer
    bodies keep their type."""
    text = doc_text(doc)
    private = {m.key for m in mentions if m.label == "Agency" and not m.canonical and not m.role
               and PRIVATE_DESCRIPTION.match(text[m.char_end:m.char_end + 60])}
    for m in mentions:
        if m.key in private and m.label == "Agency":
            m.label = "Organization"


def _staff_of_officials(doc: Doc, mentions: list[Mention]) -> None:
    """"her longtime deputy X" where "his" is an office holder: X holds a public post."""
    officials = {m.key for m in mentions if m.label == "Official" and m.key}
    people = sorted((m.start, m.key) for m in mentions if m.label in ("Person", "Official")
                    and m.key and not m.nominal)
    for m in mentions:
        if m.staff_of < 0 or m.label != "Person":
            continue
        owner = next((x.key for x in mentions if x.start <= m.staff_of < x.end and x.key), None)
        if owner is None and doc[m.staff_of].lower_ in ("his", "her"):
            before = [k for i, k in people if i < m.staff_of and k != m.key and
                      m.staff_of - i < 60]
            owner = before[-1] if before else None
        if owner in officials:
            m.label = "Official"


def _administration_heads(mentions: list[Mention]) -> set[str]:
    heads = {match_key(m.text).split()[0] for m in mentions if m.label == "Agency"
             and len(match_key(m.text).split()) == 2 and match_key(m.text).endswith(" administration")}
    keys = {m.key for m in mentions if m.label in ("Person", "Official") and not m.nominal
            and m.key.startswith("person:") and m.key.split()[-1] in heads}
    surnames = Counter(k.split()[-1] for k in keys)
    return {k for k in keys if surnames[k.split()[-1]] == 1}  # two of that surname: no telling which


def _heads_of_administrations(mentions: list[Mention]) -> None:
    """'the Varga administration' is named for the president (governor, mayor) who heads
    it: the person of that surname in the article holds public office."""
    keys = _administration_heads(mentions)
    for m in mentions:
        if m.key in keys and m.label == "Person":
            m.label = "Official"


def _groups_of_the_one_body(mentions: list[Mention]) -> None:
    """Bare 'police' (and its 'officers') where the article names one police force is that
    force; 'the Norland authorities' where 'the Norland government' is named is that body."""
    forces = {m.key for m in mentions if m.label == "Agency" and not m.role
              and gz.INSTITUTION_GROUP_NOUNS & set(match_key(m.text).split())}
    govs = {match_key(m.text).rsplit(" ", 1)[0]: m for m in mentions if m.label == "Agency"
            and match_key(m.text).endswith(" " + gz.GOVERNMENT_NOUN)}
    for m in mentions:
        if m.label != "Group":
            continue
        words = match_key(m.text).split()
        if len(forces) == 1 and tuple(words) in gz.FORCE_GROUP_FORMS:
            body = next(b for b in mentions if b.key in forces)
            m.key, m.label, m.text = body.key, body.label, body.text
            if gz.FORCE_GROUP_FORMS[tuple(words)]:
                m.role = "officer"
        elif len(words) >= 2 and words[-1] == gz.AUTHORITIES_NOUN and " ".join(words[:-1]) in govs:
            body = govs[" ".join(words[:-1])]
            old_key = m.key  # every mention of that group ("the provincial authorities") too
            for g in mentions:
                if g.label == "Group" and g.key == old_key:
                    g.key, g.label = body.key, body.label


def _speaking_institutions(doc: Doc, mentions: list[Mention]) -> None:
    """Bare 'police' that speaks ("Police announced ...", "police said") where the article
    names no force: the institution speaking (GUIDE: the acting reading), an Agency, not
    an unnamed group (``gz.INSTITUTION_GROUP_NOUNS``)."""
    speaking = {m.key for m in mentions if m.label == "Group" and match_key(m.text) in gz.INSTITUTION_GROUP_NOUNS
                and doc[m.head].dep_ == "nsubj" and doc[m.head].head.lemma_ in cues.SPEECH_VERBS}
    for m in mentions:
        if m.label == "Group" and m.key in speaking:
            m.label, m.key = "Agency", "body:" + match_key(m.text)


def _members_of_named_body(mentions: list[Mention]) -> None:
    """A bare 'officers' after 'ICE officers' are that body's officers too."""
    roles: dict[str, Mention] = {}
    for m in mentions:
        if m.role:
            roles[m.role] = m
        elif m.label == "Group" and " " not in m.text:
            lemma = m.text.lower().rstrip("s")
            body = roles.get(lemma)
            if body is not None:
                m.key, m.label, m.role, m.text = body.key, body.label, body.role, body.text


def token_keys(mentions: list[Mention]) -> dict[int, str]:
    """Token index -> entity key, for every token inside a resolved mention."""
    keys: dict[int, str] = {}
    for m in sorted(mentions, key=lambda m: m.end - m.start):
        if m.key:
            for i in range(m.start, m.end):
                keys.setdefault(i, m.key)
    return keys


def jurisdiction_key(m: Mention, keys_at: dict[int, str]) -> Optional[str]:
    """The entity key of a title's jurisdiction: the mention it names, or the country of a
    nationality adjective ("French President" -> place:france)."""
    if m.jurisdiction_token >= 0:
        return keys_at.get(m.jurisdiction_token)
    if m.jurisdiction:
        return "place:" + match_key(m.jurisdiction)
    return None


def _resolve_nominal_titles(mentions: list[Mention]) -> None:
    """'the US President' -> the named official with that title (and jurisdiction)."""
    keys_at = token_keys([m for m in mentions if not m.nominal])
    officials = [m for m in mentions if m.label == "Official" and not m.nominal and m.title]
    for m in mentions:
        if not m.nominal:
            continue
        title = match_key(m.title)
        cands = [o for o in officials if match_key(o.title) == title]
        juris = jurisdiction_key(m, keys_at)
        if juris:
            cands = [o for o in cands if jurisdiction_key(o, keys_at) in (None, juris)]
        keys = {o.key for o in cands}
        if not keys and title in ("president", "governor", "mayor", "prime minister"):
            keys = _administration_heads(mentions)  # "the former president" of "the X administration"
            cands = [o for o in mentions if o.key in keys and not o.nominal]
        if len(keys) == 1:
            m.key = keys.pop()
        elif keys:
            before = [o for o in cands if o.start < m.start]
            m.key = before[-1].key if before else ""
        else:
            m.key = ""


def _choose_name(label: str, forms: Counter, canonical: Optional[str]) -> str:
    if label in ("Person", "Official"):
        return max(forms, key=lambda f: (len(f.split()), len(f), forms[f], f))
    if label == "Place" and canonical:
        return canonical
    if label in ("Agency", "Organization") and canonical:
        # the fullest form that still spells the gazetteer's name ("U.S. Immigration and
        # Customs Enforcement"), never a variant or misspelling the acronym tied to it
        tail = match_key(canonical)
        forms = Counter({f: n for f, n in forms.items() if match_key(f).endswith(tail)})
        forms.setdefault(canonical, 0)
    if label == "Group":
        # the form used most, counting case variants as one ("Immigrants" in a headline
        # and "immigrants" in the text), in its lower-case spelling where the text has one
        count = Counter()
        for f, n in forms.items():
            count[match_key(f)] += n
        best = max(forms, key=lambda f: (count[match_key(f)], len(f), f == f.lower(), forms[f], f))
        lower = [f for f in forms if match_key(f) == match_key(best) and f == f.lower()]
        return lower[0] if lower else best
    return max(forms, key=lambda f: (len(f), forms[f], f))


def _build_entities(mentions: list[Mention]) -> dict[str, LocalEntity]:
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.key:
            grouped[m.key].append(m)
    entities: dict[str, LocalEntity] = {}
    for key, ms in grouped.items():
        named = [m for m in ms if not m.nominal and not m.role]
        label = min([m.label for m in ms if not m.role] or [ms[0].label],
                    key=lambda lab: LABEL_RANK[lab])
        if label == "Person" and any(m.label == "Official" for m in ms):
            label = "Official"
        forms = Counter(m.text for m in named) or Counter(m.text for m in ms)
        canonical = next((m.canonical for m in ms if m.canonical and m.label != "Group"), None)
        name = _choose_name(label, forms, canonical)
        aliases = {m.text for m in ms if not m.role}
        aliases |= {m.canonical for m in ms if m.canonical and m.label == "Group"}
        if canonical and label in ("Agency", "Organization") and len(canonical) > len(name):
            aliases.add(canonical)
        titles = [m.title for m in ms if m.title and m.label == "Official"]
        # a group is the same across articles only by the same name
        global_key = "group:" + match_key(name) if label == "Group" else key
        entity = LocalEntity(key=key, label=label, name=name, aliases=aliases - {""},
                             mentions=len(ms), title=titles[0] if titles else "",
                             global_key=global_key, weak=all(m.weak for m in ms))
        entities[key] = entity
    return entities
