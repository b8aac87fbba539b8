"""A saying and the plan in it told apart; a word after "said" is no speaker; an aside before "that" (ingest11).

1. "Officials said on Monday that talks would resume on Friday" drafted the saying ("Officials: talks would
   resume on Friday", Monday) and the plan ("Officials: talks would resume", Friday): all but the same title,
   and with no date in the words ("Berg said on Wednesday the report would be published soon") the very same
   title twice.  A plan in someone's words is now titled as theirs and as a plan, "Officials (plan): talks would
   resume", as a forecast is "Analysts (forecast): …" and a denial "Kuleba (denied): …".
2. "Kharkiv, a city of a million, said goodbye on Monday" read "goodbye" as who said "Kharkiv, a city of a
   million": a track called "goodbye".  A word after the verb is a speaker only when it can name one (a name, a
   role, a body: "said Berg", "said the minister", "said officials").
3. "Officials said, after a meeting, that talks would resume" (no date) drafted nothing: the aside between the
   verb and its "that" hid the saying.  It is now reported speech on or before the article's day, as "Officials
   said that talks would resume" is, and the plan in it is drafted beside it.

What the user sees: each draft's title, date, track, whether it is planned, and its quotes' kind and speaker."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text
from viewer.model.quoting import QuoteKind

WED = date(2023, 3, 8)
DATELINE = "KYIV, March 8, 2023 (Reuters) - "


def _tl(text):
    return ingest_text(DATELINE + text + "\n", published=WED).timeline


def _said(e):
    return [(q.kind, q.speaker, q.text) for q in e.quotes]


def test_the_saying_on_monday_and_the_talks_planned_for_friday_are_told_apart_at_a_glance():
    tl = _tl("Officials said on Monday that talks would resume on Friday.")
    by_day = {e.start.edtf: e for e in tl.events}
    saying, plan = by_day["2023-03-06"], by_day["2023-03-10"]
    assert saying.title == "Officials: talks would resume on Friday" and not tl.is_planned(saying)
    assert plan.title == "Officials (plan): talks would resume" and tl.is_planned(plan)  # was "Officials: talks…"
    for e in (saying, plan):  # both reported speech, never a quotation
        assert _said(e) == [(QuoteKind.REPORTED, "Officials", "talks would resume on Friday")]
        assert not any(mark in e.title for mark in "“”\"«»")


@pytest.mark.parametrize("text", [
    "Berg said on Wednesday the report would be published soon.",
    "Anna Berg, who said on Monday that the talks had failed, said on Tuesday that the mission would leave.",
    "Zelenskiy said: we will win this war.",
    "Officials said that talks would resume.",
])
def test_no_two_drafts_of_a_saying_and_its_plan_share_a_title(text):
    tl = _tl(text)
    titles = [e.title for e in tl.events]
    assert len(titles) == len(set(titles)), titles  # was the same title twice: the saying and the plan
    plans = [e for e in tl.events if tl.is_planned(e)]
    assert plans and all(" (plan): " in e.title for e in plans)


def test_a_word_after_said_is_what_was_said_never_a_speaker_nor_a_track():
    tl = _tl("Kharkiv, a city of a million, said goodbye on Monday.")
    (e,) = tl.events
    assert e.start.edtf == "2023-03-06"
    assert e.title == "Kharkiv said goodbye"  # was "Said goodbye"
    assert e.quotes == ()  # was reported speech "Kharkiv, a city of a million" said by "goodbye"
    assert "goodbye" not in {e.track for e in tl.events}
    assert all("goodbye" not in t.label.lower() for t in tl.tracks)


@pytest.mark.parametrize("text, speaker, words", [
    ("The army retreated, said Berg.", "Berg", "The army retreated"),
    ("The talks would continue next week, said the minister.", "unnamed official (“the minister”, as the "
     "article says)", "The talks would continue next week"),
    ("The army retreated, said officials on Monday.", "officials", "The army retreated"),
])
def test_a_name_role_or_body_after_said_is_still_the_speaker(text, speaker, words):
    (e,) = _tl(text).events
    assert _said(e) == [(QuoteKind.REPORTED, speaker, words)]


def test_a_saying_with_an_aside_before_that_and_no_date_is_reported_on_or_before_the_article():
    tl = _tl("Officials said, after a meeting, that talks would resume.")
    saying = next(e for e in tl.events if not tl.is_planned(e))  # was no draft at all
    assert saying.start.edtf == "[..2023-03-08]"
    assert saying.title == "Officials said that talks would resume"  # as the sentence without the aside
    assert _said(saying) == [(QuoteKind.REPORTED, "Officials", "talks would resume")]  # never "after a meeting"
    (plan,) = [e for e in tl.events if tl.is_planned(e)]  # what they said would happen: a plan, never a fact
    assert (plan.title, plan.start.edtf) == ("Officials (plan): talks would resume", "[2023-03-08..]")


def test_a_person_saying_with_an_aside_before_that_and_no_date_is_titled_who_said_what():
    (e,) = _tl("Berg said, speaking in Geneva, that the talks had failed.").events
    assert (e.title, e.start.edtf) == ("Berg: the talks had failed", "[..2023-03-08]")
    assert _said(e) == [(QuoteKind.REPORTED, "Berg", "the talks had failed")]


@pytest.mark.parametrize("lead", [DATELINE, ""])
def test_according_to_someone_on_a_day_is_titled_by_who_says_so(lead):
    # (4) was titled by the clause alone, "The army had retaken the village of Dibrova", as if the article's
    # own; after a dateline it was not even their words (no quote: the article's fact, dated Monday)
    (e,) = ingest_text(lead + "According to officials on Monday, the army had retaken the village of Dibrova.\n",
                       published=WED).timeline.events
    assert e.title == "Officials: the army had retaken the village of Dibrova"
    assert e.start.edtf == "2023-03-06"
    assert _said(e) == [(QuoteKind.REPORTED, "officials", "the army had retaken the village of Dibrova")]


def test_according_to_someone_after_a_dateline_a_plan_is_theirs_and_titled_as_a_plan():
    tl = _tl("According to officials, talks will resume on Friday.")
    (e,) = tl.events
    assert e.title == "Officials (plan): talks will resume"  # was "According to officials will resume"
    assert e.start.edtf == "2023-03-10" and tl.is_planned(e)
    assert _said(e) == [(QuoteKind.REPORTED, "officials", "talks will resume on Friday")]


def test_according_to_someone_on_monday_is_their_monday_past_even_when_their_words_look_ahead():
    # was a plan "Talks would resume on Friday" on Monday 13 March: the officials' Monday read from "would"
    tl = _tl("According to officials on Monday, talks would resume on Friday.")
    by_day = {e.start.edtf: e for e in tl.events}
    saying, plan = by_day["2023-03-06"], by_day["2023-03-10"]
    assert saying.title == "Officials: talks would resume on Friday" and not tl.is_planned(saying)
    assert plan.title == "Officials (plan): talks would resume" and tl.is_planned(plan)
    assert "2023-03-13" not in by_day


@pytest.mark.parametrize("text, words", [
    ("According to officials, talks will resume.", "talks will resume"),
    ("Talks will resume, according to officials.", "Talks will resume"),
])
def test_an_undated_plan_according_to_someone_says_whose_plan_it_is(text, words):
    tl = _tl(text)
    (plan,) = tl.events
    assert plan.title.startswith("Officials (plan): ")  # was "Talks will resume", as if the article's own plan
    assert plan.start.edtf == "[2023-03-08..]" and tl.is_planned(plan)
    assert _said(plan) == [(QuoteKind.REPORTED, "officials", words)]


@pytest.mark.parametrize("text, title", [
    ("Officials said that talks would resume on Friday.", "Officials (plan): talks would resume"),
    ("Anna Berg said the mission would leave on Friday.", "Anna Berg (plan): the mission would leave on Friday"),
    ("The ministry said the border would reopen on Friday.", "Ministry (plan): the border would reopen"),
])
def test_a_plan_dated_in_an_undated_saying_is_titled_as_a_plan_never_as_the_saying(text, title):
    tl = _tl(text)
    (plan,) = tl.events  # was "Officials said that talks would resume", "Anna Berg: the mission would leave …"
    assert plan.title == title and plan.start.edtf == "2023-03-10" and tl.is_planned(plan)


@pytest.mark.parametrize("text", [
    "The army retreated, officials said on Monday.",
    "The army retreated, said officials on Monday.",
])
def test_a_saying_dated_after_its_clause_is_titled_who_said_what(text):
    (e,) = _tl(text).events
    assert e.title == "Officials: the army retreated"  # was "Officials said" / "Said officials": no content
    assert e.start.edtf == "2023-03-06"
    assert _said(e) == [(QuoteKind.REPORTED, "officials", "The army retreated")]
