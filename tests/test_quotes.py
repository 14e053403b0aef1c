"""Quotes: attribution to speakers in the usual news shapes."""
from __future__ import annotations


def said(part):
    return [(part.entities[q.speaker].name, q.text) for q in part.quotes]


def test_quote_then_said_speaker(extract):
    part = extract('"We will appeal this ruling today," Governor Ann Lee said on Monday.',
                   date="2026-03-10")
    assert said(part) == [("Ann Lee", "We will appeal this ruling today")]
    assert part.quotes[0].date == "2026-03-09"


def test_speaker_said_then_quote_with_curly_marks(extract):
    part = extract("Mayor Tom Park said: “The city is safe and the streets are open.”")
    assert said(part) == [("Tom Park", "The city is safe and the streets are open.")]


def test_said_speaker_inversion_and_continuation(extract):
    text = ('"Nobody is above the law," said Attorney General Lisa Ward. "Not a senator, not a '
            'governor, not anyone."\n\n"We will keep going until the end," she added.')
    assert [s for s, _ in said(extract(text))] == ["Lisa Ward"] * 3


def test_nominal_speaker_and_embedded_partial_quote(extract):
    text = ("Canadian Prime Minister Mark Carney met reporters. He urged the Canadian Senate to "
            '"pass the bill without more delay". "It is a good day for workers," the Canadian '
            "Prime Minister said.")
    assert [s for s, _ in said(extract(text))] == ["Mark Carney", "Mark Carney"]


def test_scare_quotes_are_not_quotes(extract):
    assert extract('The senator called the plan a "disaster" on Monday.').quotes == []


def test_unattributed_quote_is_dropped(extract):
    assert extract('"This cannot go on much longer at all," read a sign at the rally.').quotes == []


def test_according_to(extract):
    part = extract('"The border will stay closed until further notice," according to the '
                   'Interior Ministry of Chile.')
    assert [s for s, _ in said(part)] and said(part)[0][0].endswith("Ministry of Chile")


def test_the_agency_speaking_is_the_government_body_not_a_company(extract):
    text = ('The Federal Aviation Administration opened a probe into Vantor Air. The probe covers '
            'Acme Systems, a supplier. "This review will consider every inspection record," '
            'the agency said.')
    part = extract(text)
    speakers = {part.entities[q.speaker].name for q in part.quotes}
    assert speakers == {"Federal Aviation Administration"}, speakers


def test_single_quote_marks_as_in_british_copy(extract):
    part = extract("Mayor John Smith spoke to reporters. 'We will not back down from this fight,' "
                   "Smith said. It's the city's first budget since 2019.")
    assert said(part) == [("John Smith", "We will not back down from this fight")]


def test_a_pronoun_speaker_is_the_subject_before_not_a_possessor(extract):
    text = ("Maria Lopez said she would serve until David Brown's term ended in July.\n\n"
            '"I will work for all the citizens of this country," she said.')
    assert said(extract(text)) == [("Maria Lopez", "I will work for all the citizens of this country")]


def test_a_quote_left_open_runs_to_the_end_of_its_paragraph(extract):
    text = ('"The storm is over," Maria Lopez said on Monday.\n\n'
            '"We will rebuild every single home in this county.')
    assert said(extract(text)) == [("Maria Lopez", "The storm is over"),
                                   ("Maria Lopez", "We will rebuild every single home in this county.")]
