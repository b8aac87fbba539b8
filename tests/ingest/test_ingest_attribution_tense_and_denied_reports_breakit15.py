"""Plans, denials and negated expectations as a break-it tester found them (ingest15).

1. "Troops will leave after March 3, the ministry said." was a happened event of 4-8 Mar, where without ", the
   ministry said" it was planned from 4 Mar on: the verbless bound phrase "after March 3" took the tense of the
   trailing attribution ("said").  A trailing attribution never changes the tense of the clause it reports.
2. "Reports that troops crossed on Monday were denied by the army.", "Reports that … were false, the army
   said." and "The army dismissed reports that …" each drafted the crossing as a dated fact.  They are denials,
   as "The army denied reports that …" is: titled "Army (denied): …", the Monday or Sunday dating nothing.
3. "Officials do not expect the convoy before March 20." was a forecast of the convoy on 8-19 Mar by "Officials
   do not".  A negated expectation is never a forecast of the event: at most a draft tagged negated that says so.
"""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text

D = date(2023, 3, 8)  # a Wednesday


def _events(text: str, day: date = D):
    return ingest_text(text + "\n", published=day).timeline.events


def _shown(events):
    return [(e.title, e.start.edtf, e.tags, e.planned) for e in events]


# 1 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Troops will leave after March 3, the ministry said.",
    "Troops will leave after March 3, said the ministry.",
    "Troops will leave after March 3.",
])
def test_a_trailing_attribution_never_turns_a_plan_into_a_fact(text):
    (e,) = _events(text)
    assert e.planned and e.start.edtf == "[2023-03-04..]", _shown([e])  # was [2023-03-04..2023-03-08], a fact


def test_a_trailing_attribution_keeps_a_past_clause_past():
    (e,) = _events("Troops left after March 3, the ministry said.")
    assert not e.planned and e.start.edtf == "[2023-03-04..2023-03-08]", _shown([e])


# 2 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("Reports that troops crossed on Monday were denied by the army.", "2023-03-06"),
    ("Reports that troops crossed on Sunday were false, the army said.", "2023-03-05"),
    ("The army dismissed reports that troops crossed on Sunday.", "2023-03-05"),
    ("The army rejected claims that troops crossed on Sunday.", "2023-03-05"),
])
def test_a_denied_report_is_a_denial_never_a_dated_fact(text, day):
    events = _events(text)
    assert events, text
    for e in events:
        assert e.start.edtf != day, _shown(events)  # was the crossing, on that day, as a fact
        assert not e.planned
    (e,) = events
    assert "denied" in e.tags, _shown(events)
    assert e.title.startswith("Army (denied): "), e.title
    assert e.start.edtf == "[..2023-03-08]"


# 3 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Officials do not expect the convoy before March 20.",
    "Officials do not expect the convoy on Saturday.",
    "Officials don't expect the convoy on Saturday.",
])
def test_a_negated_expectation_is_never_a_forecast(text):
    events = _events(text)
    for e in events:
        assert "forecast" not in e.tags and not e.planned, _shown(events)  # was "Officials do not (forecast)"
        assert not e.title.startswith("Officials do not ("), e.title
        assert all(q.speaker == "Officials" for q in e.quotes), [q.speaker for q in e.quotes]
    (e,) = events
    assert "negated" in e.tags and e.title == text.rstrip("."), _shown(events)  # the title says what is not
    assert e.start.edtf == "[..2023-03-08]"  # expected, as the article gives it
    assert "not expected" in e.start.basis and "No one is said" not in e.start.basis, e.start.basis


def test_an_expectation_still_is_a_forecast():
    (e,) = _events("Officials expect the convoy before March 20.")
    assert "forecast" in e.tags and e.planned and e.title.startswith("Officials (forecast): "), _shown([e])


# 4 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Officials expect the convoy to reach Kherson on Saturday, the governor said.",
    "Officials said they expect a convoy on Saturday.",
])
def test_an_expectation_reported_by_someone_else_is_still_a_forecast(text):
    (e,) = _events(text)
    assert "forecast" in e.tags and e.planned, _shown([e])  # was "The governor (plan): Officials expect …"
    assert e.title.startswith("Officials (forecast): "), e.title
    assert e.start.edtf == "2023-03-11"


@pytest.mark.parametrize("text", [
    "The mayor expected an attack on Monday, but it never came.",
    "Officials feared an offensive before May, but it did not happen.",
])
def test_a_forecast_that_never_came_dates_nothing(text):
    events = _events(text)
    for e in events:  # was "The mayor expected an attack" on Monday 6 March, a fact
        assert e.start.edtf == "[..2023-03-08]" and not e.planned, _shown(events)
        assert "negated" in e.tags and e.title == text.rstrip("."), e.title
