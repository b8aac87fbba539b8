"""Forecasts and negated sayings as a break-it tester found them (breakit3).

1. "Peskov predicted the ceasefire will hold, but warned that … shelling will resume on Friday" drafted
   "Peskov (forecast): the ceasefire will hold" on or BEFORE the article's day: a forecast read as if it
   had already come true.  A forecast is about what comes after it is made: on or after the saying.
2. "Analysts feared that the dam would fail before May" lost "before May": the forecast was open-ended.
   It keeps its bound, to the month (never a day): the first May that has not begun at publication.
3. "No one said the talks would resume on Friday" was drafted as a plan for Friday.  Nobody's saying is
   nobody's plan: at most the sentence, tagged ``negated``, as of publication, never planned.
"""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text
from viewer.model.dates import EventDate

D = date(2023, 3, 8)


def _events(text: str, day: date = D):
    return ingest_text(text + "\n", published=day).timeline.events


def _forecast(events, words: str):
    found = [e for e in events if "forecast" in e.tags and any(q.text == words for q in e.quotes)]
    assert found, [(e.title, e.start.edtf, e.tags) for e in events]
    return found


# 1 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Peskov predicted the ceasefire will hold, but warned that if talks fail, shelling will resume on Friday.",
    "Officials predicted that the ceasefire will hold, but warned that shelling will resume on Friday.",
    "Officials predicted that the ceasefire will hold.",
])
def test_a_forecast_is_never_dated_before_the_article(text):
    events = _events(text)
    for e in _forecast(events, "the ceasefire will hold"):
        assert e.start.edtf == "[2023-03-08..]", e.start.edtf  # was "[..2023-03-08]": as if it had come true
        assert e.planned and "planned" in e.tags
        assert e.quotes[0].kind == "reported" and e.quotes[0].speaker  # attributed, never the article's word
        assert "on or after" in e.start.basis
    # whatever else the sentence gives, no event says the ceasefire holding is a forecast of the past
    for e in events:
        if "forecast" in e.tags:
            assert not e.start.edtf.startswith("[.."), (e.title, e.start.edtf)


def test_a_forecast_said_on_a_day_is_on_or_after_that_day():
    events = _events("Peskov predicted on Monday that the ceasefire will hold.")
    (e,) = _forecast(events, "the ceasefire will hold")
    assert e.start.edtf == "[2023-03-06..]"


# 2 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("day, edtf, may", [
    (date(2023, 3, 8), "[2023-03-08..2023-04-30]", "2023-05"),   # the article's year: May is still to come
    (date(2023, 5, 10), "[2023-05-10..2024-04-30]", "2024-05"),  # May under way at publication: the next May
    (date(2023, 6, 10), "[2023-06-10..2024-04-30]", "2024-05"),  # after May: the next May
])
def test_before_may_is_kept_as_the_forecasts_upper_bound(day, edtf, may):
    events = _events("Analysts feared that the dam would fail before May, officials said.", day)
    (e,) = _forecast(events, "the dam would fail before May")
    assert e.start.edtf == edtf  # was "[2023-03-08..]": the bound lost
    assert e.start.phrase == "before May"
    assert EventDate(e.start.edtf).latest == EventDate(may).earliest  # up to May, not one moment past
    assert "no day the text gives" in e.start.basis and "on or after" in e.start.basis
    assert e.planned and e.quotes[0].speaker == "Analysts"
    assert len(events) == 1  # the failure is never drafted as a fact


def test_a_fear_without_that_is_a_forecast_with_its_bound():
    (e,) = _events("Generals feared an offensive before May.")
    assert e.start.edtf == "[2023-03-08..2023-04-30]" and e.start.phrase == "before May"
    assert "forecast" in e.tags and e.planned
    assert e.title == "Generals (forecast): an offensive before May"  # was no draft at all


def test_a_forecast_said_on_a_day_is_bounded_from_that_day():
    events = _events("Peskov warned on Monday that Russia would attack before May.")
    (e,) = _forecast(events, "Russia would attack before May")
    assert e.start.edtf == "[2023-03-06..2023-04-30]"


def test_before_may_in_a_plan_keeps_its_month():
    (e,) = _events("The government will hold elections before May.")
    assert e.start.edtf == "[..2023-04]" and e.start.phrase == "before May"
    assert e.planned


def test_before_may_in_the_past_is_never_a_guessed_year():
    (e,) = _events("The dam failed before May, officials said.")
    assert e.start.edtf == "[..2023-03-08]" and not e.planned  # never May 2022 (nor 2023) as a guess
    (e,) = _events("The dam failed before May, officials said.", date(2023, 6, 10))
    assert e.start.edtf == "[..2023-04]"


# 3 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "No one said that talks would resume on Friday.",
    "No one said the talks would resume on Friday.",
    "Nobody announced that the talks would resume on March 20.",
    "None of the officials said that the convoy would sail on Friday.",
    "No official said that the talks would resume in April.",
])
def test_a_negated_speaker_is_never_a_plan(text):
    events = _events(text)
    for e in events:  # was: planned for Friday, "No one said the talks would resume"
        assert not e.planned and "planned" not in e.tags, (e.title, e.start.edtf)
        assert "negated" in e.tags
        assert e.start.edtf == "[..2023-03-08]" and not e.start.phrase
        assert not e.quotes


@pytest.mark.parametrize("text", [
    "No one said that talks would resume.",
    "Nobody announced that the talks would resume.",
    "None of the officials said that troops would withdraw.",
])
def test_an_undated_negated_saying_is_never_a_plan(text):
    for e in _events(text):
        assert not e.planned and "planned" not in e.tags, (e.title, e.start.edtf)


def test_a_negated_fact_is_still_dated():
    (e,) = _events("No one was killed in the strike on Monday, officials said.")
    assert e.start.edtf == "2023-03-06" and "negated" not in e.tags


# 4 (found running ingest on short articles): "before" a day, a month of a year or a year was dated AS that date

@pytest.mark.parametrize("text, edtf, phrase", [
    ("The bridge was destroyed before March 5, officials said.", "[..2023-03-04]", "before March 5"),  # was 2023-03-05
    ("The army will withdraw before June 2024.", "[..2024-05]", "before June 2024"),  # was 2024-06
    ("The government promised elections before 2025.", "[..2024]", "before 2025"),  # was 2025
    ("Analysts feared that the dam would fail before March 20.", "[2023-03-08..2023-03-19]", "before March 20"),
    ("Analysts feared that the dam would fail before the end of May.", "[2023-03-08..2023-05-31]",
     "before the end of May"),  # was 2023-05: the month itself
])
def test_before_a_date_is_never_that_date(text, edtf, phrase):
    (e,) = _events(text)
    assert (e.start.edtf, e.start.phrase) == (edtf, phrase)


# 4: a dateline whose date is set off by dashes or a bar, or whose outlet is in slashes, was read as a claim

@pytest.mark.parametrize("line, day", [
    ("KYIV — March 8, 2023 — ", "2023-03-06"),
    ("Kyiv — 8 March 2023 — ", "2023-03-06"),
    ("March 8, 2023 | KYIV — ", "2023-03-06"),
    ("WASHINGTON, March 8, 2023 /PRNewswire/ -- ", "2023-03-06"),
])
def test_a_dateline_is_never_a_claim_nor_a_title(line, day):
    events = ingest_text(line + "The army said on Monday it had retaken the village.\n").timeline.events
    # was: a second event dated the dateline's day ("— The army said on Monday …"), titled "March 8 said"
    # (titled "The army said" until ingest10: who said what now, see test_ingest_saying_day_titles)
    assert [(e.start.edtf, e.title) for e in events] == [(day, "Army: it had retaken the village")]


@pytest.mark.parametrize("text, edtf, title", [
    ("No casualties were reported on Monday.", "2023-03-06", "No casualties were reported"),  # a fact, dated
    ("None of the victims were reported missing on Sunday.", "2023-03-05", "None of the victims were reported missing"),
    ("Fears of an offensive before May grew.", "[..2023-03-08]", "Fears of an offensive grew"),  # the fears: a fact
    ("No change is expected before May.", "[..2023-03-08]", "No change is expected before May"),  # no forecast
    ("The deal is expected before May.", "[2023-03-08..2023-04-30]", "Forecast: The deal is expected before May"),
])
def test_a_fact_a_noun_or_no_ones_expectation_is_not_a_forecast(text, edtf, title):
    (e,) = _events(text)
    assert (e.start.edtf, e.title) == (edtf, title)
    assert e.planned == ("forecast" in e.tags) == title.startswith("Forecast")


@pytest.mark.parametrize("text, edtf", [
    ("The army withdrew before 2022 elections.", "[..2022]"),  # the elections' year: on or before it
    ("The army will withdraw before March 20 talks.", "[..2023-03-20]"),
])
def test_before_a_dated_thing_is_on_or_before_its_date(text, edtf):
    (e,) = _events(text)
    assert e.start.edtf == edtf and "elections" not in e.title and "talks" not in e.title


def test_a_forecasts_lower_bound_is_its_own_sayings_day_never_another_date_of_the_sentence():
    events = _events("After the dam was hit on Monday, analysts feared that it would fail before May.")
    (e,) = [e for e in events if "forecast" in e.tags]
    assert e.start.edtf == "[2023-03-08..2023-04-30]"  # the article's day: Monday dates the strike, not the fear
    assert e.title == "Analysts (forecast): it would fail before May"
