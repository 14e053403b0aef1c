"""Resolve date expressions ("on Jan 7", "last week", "Sunday") against the article date.

Parsing is dateparser's; this module only picks which expression dates an event and
keeps the result ISO. Expressions that name no day ("recent days", "first-year") give None.
"""
from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_left
import re
from typing import Optional

from spacy.tokens import Span, Token

from .nlp import date_entities
from ..ontology.cues import SPEECH_VERBS

UNDATED = re.compile(r"\b(recent|years?|decades?|century|centuries|months|days|weeks|"
                     r"first-year|annual|daily|weekly|monthly|age|old|times?)\b", re.I)
WEEKDAY = re.compile(r"^(?:last |this |on |)(monday|tuesday|wednesday|thursday|friday|"
                     r"saturday|sunday)$", re.I)
YEAR_ONLY = re.compile(r"^(?:in |the )?(\d{4})$")
#: "late February", "mid-March 2024", "early 2024", "late Monday": a part of a period is
#: dated as the period is (the month, the year, the day).
PART_OF_PERIOD = re.compile(r"^(?:early|late|mid|middle of|end of|beginning of)[- ]+")
#: "this month", "earlier this month", "last month": the month, not a day of it.
MONTH_RELATIVE = re.compile(r"^(?:earlier |later )?(this|last|next) month$")
#: "two days ago", "a week ago": a day counted back from the article's.
AGO = re.compile(r"^(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:days?|weeks?)"
                 r"|day|week) ago$")  # "a week ago" comes here as "week ago" (article stripped)
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")


@functools.lru_cache(maxsize=4096)
def resolve_date(expression: str, article_date: Optional[str]) -> Optional[str]:
    """ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when the text is no finer) or None."""
    text = re.sub(r"\s+", " ", expression.strip().strip(".,")).lower()
    text = re.sub(r"^(on|in|since|by|from|until|the|a|an)\s+", "", text)
    base = _base(article_date)
    month = MONTH_RELATIVE.match(text)
    if month and base is not None:
        shift = {"this": 0, "last": -1, "next": 1}[month.group(1)]
        year, index = divmod(base.year * 12 + base.month - 1 + shift, 12)
        return f"{year:04d}-{index + 1:02d}"
    part = PART_OF_PERIOD.match(text)
    if part and not AGO.match(text):
        return resolve_date(text[part.end():], article_date)
    ago = AGO.match(text) is not None
    if ago and text.startswith(("day", "week")):
        text = "1 " + text
    if not text or (UNDATED.search(text) and not ago and not text.startswith(("last week", "this week"))):
        return None
    if base is None and not re.search(r"\b\d{4}\b", text):
        return None  # "Thursday" means nothing without the article's date
    match = YEAR_ONLY.match(text)
    if match:
        return match.group(1)
    weekday = WEEKDAY.match(text)
    if weekday and base is not None:
        # a bare weekday in news copy is the most recent such day, the article's own day
        # included ("said on Monday" in Monday's paper); "last Monday" is the week before
        target = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                  "sunday").index(weekday.group(1).lower())
        delta = (base.weekday() - target) % 7
        if text.startswith("last ") and delta == 0:
            delta = 7
        return (base - dt.timedelta(days=delta)).strftime("%Y-%m-%d")
    import dateparser  # imported lazily: it is slow to import and only needed here

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if text in MONTH_NAMES or re.fullmatch(r"[a-z]+ \d{4}", text):
        return parsed.strftime("%Y-%m")
    return parsed.strftime("%Y-%m-%d")


def _base(article_date: Optional[str]) -> Optional[dt.datetime]:
    if not article_date:
        return None
    try:
        return dt.datetime.strptime(article_date[:10], "%Y-%m-%d")
    except ValueError:
        return None


def event_date(trigger: Token, sentence: Span, article_date: Optional[str]) -> Optional[str]:
    """The date the text gives for the event at ``trigger``: a DATE in the trigger's own
    phrase first, else the only DATE of the sentence."""
    every = date_entities(sentence.doc)
    first = bisect_left(every, sentence.start, key=lambda ent: ent.start)
    dates = [ent for ent in every[first:bisect_left(every, sentence.end, key=lambda ent: ent.start)]
             if ent.end <= sentence.end]
    if not dates:
        return None
    direct = [ent for ent in dates if _attached(ent, trigger)]
    if not direct and trigger.pos_ == "NOUN":
        # an event noun dated in the clause that describes it: "a lawsuit X filed in 2010"
        clauses = [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
        direct = [ent for ent in dates for c in clauses if _attached(ent, c)]
    current = trigger
    for _ in range(3):
        if direct:
            break
        # an event noun shares the time of the verb it is the object of ("filing a suit"),
        # a participle or infinitive that of the verb it hangs on ("went to court Friday,
        # seeking an order"; "said in a May 2 statement ..., calling X a sham"; the parser
        # may hang it on the reported clause: then the speaker's verb)
        if current.dep_ in ("dobj", "obj") and current.head.pos_ == "VERB":
            governor = current.head
        elif current.dep_ in ("advcl", "xcomp"):
            governor = current.head
            if current.dep_ == "advcl" and governor.dep_ == "ccomp" and governor.head.lemma_ in SPEECH_VERBS:
                governor = governor.head
        else:
            break
        direct = [ent for ent in dates if _attached(ent, governor)]
        current = governor
    adverbial = [ent for ent in dates if _adverbial(ent)]
    # the date nearest the trigger first: "..., on Jan 20, after X shot Y on Jan 7"
    direct.sort(key=lambda ent: min(abs(ent.start - trigger.i), abs(ent.end - 1 - trigger.i)))
    chosen = direct or (adverbial if len(adverbial) == 1 else [])
    for ent in chosen:
        resolved = resolve_date(ent.text, article_date)
        if resolved:
            return resolved
    return None


def _root(ent: Span) -> Token:
    """The word a date phrase hangs by: its root, or the time of day it names ("Sunday"
    in "Sunday night" hangs on "night")."""
    root = ent.root
    if root.head.ent_type_ == "TIME" and root.head.i == ent.end and root.head.head.i != root.head.i:
        return root.head
    return root


def _attached(ent: Span, trigger: Token) -> bool:
    """The date modifies the trigger itself: "shot X on Jan 7", "the Jan 7 shooting", or
    the noun of its prepositional phrase: "said in a May 2 statement"."""
    head = _root(ent).head
    if head.i == trigger.i:
        return True
    if head.dep_ == "prep" and _through_phrases(head.head, trigger):
        return True  # "shot X on Jan 7", "struck X during a protest on May 9"
    if head.dep_ == "prep" and head.head.dep_ in ("nsubj", "nsubjpass") and \
            head.head.i < ent.start and ent.end <= trigger.i and \
            head.head.head.i in (trigger.i, trigger.head.i if trigger.dep_ == "conj" else trigger.i):
        # "A judge on Tuesday ruled ...": the parser hangs the date between subject and
        # verb on the subject; it dates the verb (and a verb coordinated with it)
        return True
    return head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == trigger.i and \
        any(t.dep_ in ("compound", "nmod", "amod") and t.head.i == head.i for t in ent)


def _through_phrases(token: Token, trigger: Token, depth: int = 3) -> bool:
    """``token`` is the trigger, or the object of a prepositional phrase on it (nested up
    to ``depth``): a date there dates the trigger's event."""
    for _ in range(depth):
        if token.i == trigger.i:
            return True
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            return False
        token = token.head.head
    return token.i == trigger.i


def _adverbial(ent: Span) -> bool:
    """The date modifies a verb (not a noun such as "a Sunday church service")."""
    root = _root(ent)
    if root.dep_ in ("npadvmod", "tmod") and root.head.pos_ in ("VERB", "AUX"):
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in ("VERB", "AUX")
