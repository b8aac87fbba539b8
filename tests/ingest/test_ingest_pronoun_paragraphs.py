""""he said" / "she said" in reported speech: the one person it can stand for in its paragraph,
else an unnamed speaker in the article's word.  It used to reach back across a blank line into
an earlier paragraph, and an unresolved "he said" left the claim as the article's own fact."""

from __future__ import annotations

from datetime import date

from viewer.ingest import ingest_text
from viewer.model.timeline import QuoteKind

HEAD = "KYIV, 3 March 2023 (Daily Post) - Officials met in the capital on Thursday.\n\n"


def _claims(text: str, words: str):
    tl = ingest_text(HEAD + text, published=date(2023, 3, 3)).timeline
    return [e for e in tl.events if words.lower() in e.title.lower()]


def _claim(text: str, words: str):
    (event,) = _claims(text, words)
    return event


def test_she_said_is_the_one_person_named_before_it_in_the_paragraph():
    e = _claim("Prime minister Eva Lind visited the port on Monday. The repairs will take a year, she said.",
               "repairs will take a year")
    (q,) = e.quotes
    assert q.speaker == "Eva Lind" and q.kind == QuoteKind.REPORTED and q.text == "The repairs will take a year"


def test_he_said_after_two_people_is_kept_unnamed_not_guessed():
    e = _claim("President Adam Kowal met Chancellor Olaf Brandt on Monday. The deal will be signed on Friday, "
               "he said.", "deal will be signed")
    (q,) = e.quotes
    assert q.speaker.startswith("unnamed") and "“he”" in q.speaker and q.kind == QuoteKind.REPORTED
    assert "Kowal" not in q.speaker and "Brandt" not in q.speaker


def test_he_said_in_a_new_paragraph_does_not_reach_back_to_the_previous_one():
    e, plan = _claims("President Adam Kowal visited the port on Monday.\n\nThe repairs will take a year, he said on "
                      "Tuesday.", "repairs will take a year")
    assert plan.planned and plan.start.edtf == "[2023-02-28..]"  # what he said will be: a plan from his Tuesday on
    assert plan.quotes == e.quotes
    (q,) = e.quotes  # was: Adam Kowal, named in the paragraph before
    assert q.speaker.startswith("unnamed") and q.kind == QuoteKind.REPORTED
    assert q.attribution == "he said on Tuesday"


def test_told_added_and_according_to_are_attributions():
    told = _claims("Foreign minister Anna Berg told reporters on Monday that the talks would resume next week.",
                   "talks would resume")
    assert told and {q.speaker for e in told for q in e.quotes} == {"Anna Berg"}
    added = _claim("Defence minister Jan Nowak met the envoys on Monday. The drills will end on Friday, Nowak added.",
                   "drills will end")
    assert [q.speaker for q in added.quotes] == ["Jan Nowak"]
    according = _claim("The convoy reached the border on Tuesday, according to the interior ministry.",
                       "convoy reached the border")
    assert [q.speaker for q in according.quotes] == ["interior ministry"]
