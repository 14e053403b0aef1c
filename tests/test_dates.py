"""Date resolution against the article date."""
from __future__ import annotations

import pytest

from kg.extract.dates import resolve_date


@pytest.mark.parametrize("expression, expected", [
    ("Jan 7", "2026-01-07"),
    ("on Jan. 7", "2026-01-07"),
    ("January 7, 2025", "2025-01-07"),
    ("Dec. 30", "2025-12-30"),            # the past, not next December
    ("Sunday", "2026-01-18"),             # 2026-01-21 is a Wednesday
    ("on Wednesday", "2026-01-21"),       # the article's own day
    ("last Wednesday", "2026-01-14"),
    ("last week", "2026-01-14"),
    ("yesterday", "2026-01-20"),
    ("December", "2025-12"),
    ("2019", "2019"),
    ("recent days", None),
    ("first-year", None),
    # a part of a month or year dates the month or year; months counted from the article's
    ("late December", "2025-12"),
    ("mid-January", "2026-01"),
    ("early 2024", "2024"),
    ("late Monday", "2026-01-19"),            # a part of a day is that day
    ("the end of December", "2025-12"),
    ("earlier this month", "2026-01"),
    ("last month", "2025-12"),
    # days counted back; vague spans date nothing
    ("two days ago", "2026-01-19"),
    ("a week ago", "2026-01-14"),
    ("weeks ago", None),
    ("days ago", None),
])
def test_resolve(expression, expected):
    assert resolve_date(expression, "2026-01-21") == expected


def test_absolute_dates_need_no_article_date():
    assert resolve_date("March 3, 2021", None) == "2021-03-03"


def test_a_participle_takes_the_date_of_the_statement_it_hangs_on(extract):
    part = extract("Senator Ann Cole said in a March 3 statement that the plan was costly, "
                   "calling the Federal Reserve audit \"a witch hunt\".", date="2026-01-21")
    assert [(r.type, r.date) for r in part.relations] == [("CRITICIZED", "2025-03-03")]



def test_a_date_in_a_phrase_on_the_verb_dates_the_event(extract):
    part = extract("Officer Mark Lee, who killed Omar Diaz during a protest on May 9, was "
                   "charged.", date="2026-06-10")
    assert [(r.type, r.date) for r in part.relations if r.type == "KILLED"] == [("KILLED", "2026-05-09")]


def test_an_event_noun_takes_the_date_of_the_verbs_it_hangs_on(extract):
    part = extract("The Interior Department moved quickly on Tuesday, filing a lawsuit against Oregon.",
                   date="2026-01-21")
    assert [(r.type, r.date) for r in part.relations] == [("SUED", "2026-01-20")]


def test_a_date_the_parser_hangs_on_the_subject_dates_the_verb(nlp):
    # "A panel on Tuesday voted and told Vero Corp to pay ." with the parse the model
    # often gives: "on Tuesday" a phrase on "panel"
    from conftest import hand_parsed
    from kg.extract.dates import event_date
    rows = [("A", 1, "det", "DET", "DT"), ("panel", 4, "nsubj", "NOUN", "NN"),
            ("on", 1, "prep", "ADP", "IN"), ("Tuesday", 2, "pobj", "PROPN", "NNP"),
            ("voted", 4, "ROOT", "VERB", "VBD"), ("and", 4, "cc", "CCONJ", "CC"),
            ("told", 4, "conj", "VERB", "VBD"), ("Vero", 8, "compound", "PROPN", "NNP"),
            ("Corp", 6, "dobj", "PROPN", "NNP"), ("to", 10, "aux", "PART", "TO"),
            ("pay", 6, "xcomp", "VERB", "VB"), (".", 4, "punct", "PUNCT", ".")]
    doc = hand_parsed(nlp, rows, ["O", "O", "O", "B-DATE"] + ["O"] * 8)
    sent = doc[:]
    assert [event_date(doc[i], sent, "2026-01-21") for i in (4, 6, 10)] == \
        ["2026-01-20", "2026-01-20", "2026-01-20"]


def test_a_day_with_its_time_dates_the_event(extract):
    # "Sunday night": the day hangs on the time of day, which hangs on the verb
    part = extract("The FBI arrested Dorian Vell Sunday night.", date="2026-01-21")
    assert [(r.type, r.date) for r in part.relations] == [("ARRESTED", "2026-01-18")]
