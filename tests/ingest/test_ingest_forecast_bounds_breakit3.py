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
