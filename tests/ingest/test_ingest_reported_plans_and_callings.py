"""Plans in reported speech, agreements that point forward, and "who called …" (ingest6).

"Berg said talks would resume." was drafted only as the saying, on or before publication, and never as the plan
it reports: the talks' resuming was nowhere drawn planned.  "EU leaders agreed on Thursday to extend sanctions
until February" (an October 2023 article) was dated February 2023, eight months before the agreement, as a fact.
"Anna Berg, who called the meeting “a photo opportunity”, said on Monday …" gave her "photo opportunity" Monday,
the main saying's day.  What the user sees: each draft's title, date, whether it is drawn planned, and each
quote's kind and speaker."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text
from viewer.model.timeline import QuoteKind

WED = date(2023, 3, 8)
OCT = date(2023, 10, 20)


def _tl(text: str, published: date = WED):
    return ingest_text("KYIV (Reuters) - " + text, published=published).timeline


def _said(e):
    return [(q.kind, q.speaker, q.text) for q in e.quotes]


@pytest.mark.parametrize("text, words", [
    ("Berg said talks would resume.", "talks would resume"),
    ("Berg said the ministers will meet.", "the ministers will meet"),
    ("Berg said the government plans to reopen the border.", "the government plans to reopen the border"),
    ("Berg said the deal is expected to be signed.", "the deal is expected to be signed"),
    ("Berg said talks would be held in Geneva.", "talks would be held in Geneva"),
])
def test_a_plan_in_reported_speech_with_no_day_is_drafted_planned_after_publication(text, words):
    tl = _tl(text)
    saying = [e for e in tl.events if not tl.is_planned(e)]
    plans = [e for e in tl.events if tl.is_planned(e)]
    assert [e.start.edtf for e in saying] == ["[..2023-03-08]"]  # her saying: on or before publication, a fact
    (plan,) = plans  # was none: the talks' resuming was drawn nowhere as a plan
    assert plan.start.edtf == "[2023-03-08..]" and plan.planned
    assert plan.title == f"Berg (plan): {words}"  # who says so (honest6: was the words alone, as if the article's)
    assert _said(plan) == [(QuoteKind.REPORTED, "Berg", words)]  # reported speech, never a quotation
    assert "never a report that it did" in plan.start.basis


def test_a_plan_in_reported_speech_is_after_the_saying_day_and_its_own_day_when_given():
    tl = _tl("Berg said on Monday talks would resume on Friday.")
    by = {e.start.phrase: e for e in tl.events}
    assert by["on Monday"].start.edtf == "2023-03-06" and not tl.is_planned(by["on Monday"])
    assert by["on Friday"].start.edtf == "2023-03-10" and tl.is_planned(by["on Friday"])
    assert _said(by["on Friday"]) == [(QuoteKind.REPORTED, "Berg", "talks would resume on Friday")]
    tl = _tl("Berg said on Monday the ministers will meet.")
    (plan,) = [e for e in tl.events if tl.is_planned(e)]
    assert plan.start.edtf == "[2023-03-06..]"  # on or after her saying, never before it


def test_the_plan_of_she_is_titled_with_her_name():
    tl = _tl("Anna Berg said she would resign.")
    (plan,) = [e for e in tl.events if tl.is_planned(e)]
    assert plan.title == "Berg would resign"  # never "She would resign", a draft that names no one
    assert _said(plan) == [(QuoteKind.REPORTED, "Anna Berg", "she would resign")]  # her words as the article has them


@pytest.mark.parametrize("text", ["Berg said talks would not resume.", "Berg said the war would have ended.",
                                  "Berg said it would be a mistake.",
                                  "Berg said talks had resumed.", '"Talks will resume," Berg said.'])
def test_no_plan_is_made_of_a_denial_a_past_or_a_direct_remark(text):
    tl = _tl(text)
    assert not any(tl.is_planned(e) for e in tl.events) and len(tl.events) == 1  # the saying only


@pytest.mark.parametrize("text, phrase, edtf, title", [
    ("EU leaders agreed on Thursday to extend sanctions until February.", "until February", "2024-02",
     "Planned end: extend sanctions"),
    ("EU leaders agreed in March to extend the sanctions until June.", "until June", "2023-06",
     "Planned end: extend the sanctions"),
    ("EU leaders agreed on March 3 to extend the sanctions until June 5.", "June 5", "2023-06-05",
     "Planned end: extend the sanctions"),
])
def test_an_agreement_to_do_something_until_a_month_points_forward_and_is_a_plan(text, phrase, edtf, title):
    tl = _tl(text, OCT)
    (end,) = [e for e in tl.events if e.start.phrase == phrase]
    assert end.start.edtf == edtf  # was February 2023, months before the agreement
    assert end.title == title  # was "EU leaders agreed on Thursday to extend sanctions": the agreement, as a fact
    assert end.planned and tl.is_planned(end)  # an end agreed on, never a fact
    assert "on or after the agreement" in end.start.basis
    (agreed,) = [e for e in tl.events if e is not end]
    assert not tl.is_planned(agreed)


def test_voted_to_by_a_month_is_a_deadline_ahead():
    tl = _tl("EU leaders voted to extend the mission by March.", OCT)
    (e,) = tl.events
    assert e.start.edtf == "[..2024-03]" and tl.is_planned(e)  # was "by March 2023", a fact
    assert e.title == "Deadline: extend the mission"


def test_who_called_it_a_photo_opportunity_is_a_saying_of_its_own_never_the_main_sayings_day():
    tl = _tl('Anna Berg, who called the meeting "a photo opportunity", said on Monday that the talks had failed.')
    called = next(e for e in tl.events if any(q.text == "a photo opportunity" for q in e.quotes))
    assert called.start.edtf == "[..2023-03-08]"  # was Mon 6 Mar, the main saying's day
    assert _said(called) == [(QuoteKind.DIRECT, "Anna Berg", "a photo opportunity")]
    monday = next(e for e in tl.events if e.start.phrase == "on Monday")
    assert _said(monday) == [(QuoteKind.REPORTED, "Anna Berg", "the talks had failed")]
    tl = _tl('Anna Berg, who called the summit "a photo opportunity" on Sunday, said on Monday that talks had failed.')
    called = next(e for e in tl.events if any(q.text == "a photo opportunity" for q in e.quotes))
    assert called.start.edtf == "2023-03-05"  # its own day
    monday = next(e for e in tl.events if e.start.phrase == "on Monday")
    assert monday.title == "Anna Berg: talks had failed"  # was "Anna Berg said", her words nowhere
    assert _said(monday) == [(QuoteKind.REPORTED, "Anna Berg", "talks had failed")]
    tl = _tl('Anna Berg said on Monday that the summit was a failure, echoing Peter Hahn, who called the meeting '
             '"a photo opportunity".')
    called = next(e for e in tl.events if any(q.text == "a photo opportunity" for q in e.quotes))
    assert called.start.edtf == "[..2023-03-08]"  # was Mon 6 Mar, Berg's day
    assert _said(called) == [(QuoteKind.DIRECT, "Peter Hahn", "a photo opportunity")]  # was "echoing Peter Hahn"
    monday = next(e for e in tl.events if e.start.phrase == "on Monday")
    assert monday.title == "Anna Berg: the summit was a failure"  # was "Anna Berg said", her words nowhere
    assert _said(monday) == [(QuoteKind.REPORTED, "Anna Berg", "the summit was a failure")]
