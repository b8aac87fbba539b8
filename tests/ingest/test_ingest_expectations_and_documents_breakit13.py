"""Forecasts, bound phrases, documents, denials and track names as a break-it tester found them (ingest13).

1. "Officials expect a convoy to arrive on Saturday." was drafted as a plan, never tagged ``forecast`` (as
   "predicted that X will …" is): an expectation is a forecast.  "Analysts predict that Russia will attack in
   the spring." gave no draft at all: it is the analysts' forecast, dated to the months a spring may cover
   ahead of the article, never a day.
2. "The deadline was before June; it came on 3 May." titled its second draft "June; it came": a title began
   inside the bound phrase "before June" (read as a clause's "before").  A date's bound is no clause's start,
   and a semicolon ends a clause.
3. "According to the plan, the troops will leave on Friday." made "plan" a speaker and a track ("Plan (plan):
   …").  A plan, report, schedule or statement is a document, no one's word: attributed to its owner when
   the words name one ("the ministry's plan"), else to no one; the plan stays planned.
4. "The army denied reports that troops crossed the border on Sunday." was drafted as a crossing on Sunday,
   a dated fact.  A denial of reports is a denial, as "denied that …" is: the Sunday dates nothing.
5. "The transport ministry said …" made a track "transport ministry", "The army said …" a track "army": a
   track is named as the article capitalises it, else in title case, and a lower-case common noun alone
   ("army", as "officials") is no track of its own (the sentence's country, else Other).
Seen on the way: "Troops left after March 3" was dated 3 March, a day the text never gives.  "After" a date is
on or after the next day (month, year), and by publication when told in the past.
"""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text
from viewer.model.dates import EventDate

D = date(2023, 3, 8)  # a Wednesday


def _events(text: str, day: date = D):
    return ingest_text(text + "\n", published=day).timeline.events


def _shown(events):
    return [(e.title, e.start.edtf, e.tags) for e in events]


# 1 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "who"), [
    ("Officials expect a convoy to arrive on Saturday.", "Officials"),
    ("Aid workers expect a second convoy on Saturday.", "Aid workers"),
    ("Experts warn the dam will burst on Saturday.", "Experts"),
])
def test_an_expectation_is_a_forecast_like_a_prediction(text, who):
    (e,) = _events(text)
    assert "forecast" in e.tags and e.planned, _shown([e])  # was planned only: read as a scheduled plan
    assert e.title.startswith(f"{who} (forecast): "), e.title
    assert e.start.edtf == "2023-03-11"  # the Saturday ahead, as the plan had it


def test_a_passive_expectation_stays_a_plan():
    (e,) = _events("The deal is expected to be signed on Friday.")
    assert e.planned and "forecast" not in e.tags, _shown([e])


def test_a_prediction_in_the_present_tense_is_drafted_as_a_forecast_of_the_spring():
    events = _events("Analysts predict that Russia will attack in the spring.")
    found = [e for e in events if "forecast" in e.tags]
    assert found, _shown(events)  # was: no draft at all
    (e,) = found
    assert e.planned and e.title.startswith("Analysts (forecast): Russia will attack"), e.title
    assert e.quotes and e.quotes[0].kind == "reported" and e.quotes[0].speaker == "Analysts"
    assert not any(q.kind == "direct" for x in events for q in x.quotes)  # reported speech stays reported
    # to the month (never a day), and never before the article's month
    assert e.start.edtf == "[2023-03..2023-06]", e.start.edtf
    assert EventDate(e.start.edtf).latest >= EventDate("2023-06").latest  # spring at its widest, to June's end
    assert "spring" in e.start.basis


def test_a_spring_ahead_of_a_winter_article_is_the_coming_one_and_a_past_one_the_last():
    (e,) = [x for x in _events("Analysts predict that Russia will attack in the spring.", date(2023, 11, 2))
            if "forecast" in x.tags]
    assert e.start.edtf == "[2024-03..2024-06]"
    (p,) = _events("Russia attacked in the spring, officials said.", date(2023, 11, 2))
    assert p.start.edtf == "[2023-03..2023-06]" and not p.planned


def test_a_prediction_with_no_date_is_a_forecast_on_or_after_the_article():
    events = _events("Analysts predict that Russia will attack.")
    (e,) = [x for x in events if "forecast" in x.tags]  # was one plain plan titled with the whole sentence
    assert e.start.edtf == "[2023-03-08..]" and e.planned


def test_a_season_is_only_a_season_after_a_word_that_makes_it_one():
    events = _events("Prices will fall sharply, and the Arab Spring protests spread in 2011, officials said.")
    assert all("spring" not in e.start.basis.lower() for e in events), _shown(events)


# 2 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "title"), [
    ("The deadline was before June; it came on 3 May.", "It came"),
    ("Troops left after March 3; they returned on 9 March.", "They returned"),
    ("Fighting stopped before June: it resumed on 3 May.", "It resumed"),
])
def test_a_title_never_starts_inside_a_bound_phrase(text, title):
    events = _events(text, date(2023, 6, 14))
    (e,) = [x for x in events if x.start.edtf in ("2023-05-03", "2023-03-09")]
    assert e.title == title, _shown(events)  # was "June; it came", "March 3; they returned"
    for x in events:
        assert not x.title.startswith(("June", "March 3", "May")), x.title


# 3 -------------------------------------------------------------------------------------------------------------

def _ingested(text: str, day: date = D):
    return ingest_text(text + "\n", published=day).timeline


@pytest.mark.parametrize("text", [
    "According to the plan, the troops will leave on Friday.",
    "The troops will leave on Friday, according to the plan.",
    "According to the schedule, the troops will leave on Friday.",
    "According to a new report, the troops will leave on Friday.",
])
def test_a_document_is_never_a_speaker_nor_a_track(text):
    tl = _ingested(text)
    (e,) = tl.events
    assert e.planned and e.start.edtf == "2023-03-10", _shown(tl.events)
    assert not e.quotes, [(q.speaker, q.text) for q in e.quotes]  # was speaker "plan"
    assert e.title == "The troops will leave", e.title  # was "Plan (plan): the troops will leave"
    labels = [t.label.lower() for t in tl.tracks]
    assert not {"plan", "schedule", "report", "new report"} & set(labels), labels


def test_a_documents_owner_is_its_speaker():
    tl = _ingested("According to the Defence Ministry's plan, the troops will leave on Friday.")
    (e,) = tl.events
    assert e.planned and e.quotes and e.quotes[0].speaker == "Defence Ministry", _shown(tl.events)
    assert [t.label for t in tl.tracks] == ["Defence Ministry"]
    tl = _ingested("According to a report by Amnesty International, the troops left on Sunday.")
    (e,) = tl.events
    assert e.quotes and e.quotes[0].speaker == "Amnesty International" and not e.planned


def test_sources_familiar_with_assessments_stay_the_sources():
    tl = _ingested("According to senior US sources familiar with Washington’s intelligence assessments, "
                   "the troops left on Sunday.")
    (e,) = tl.events
    assert e.quotes and e.quotes[0].speaker == "senior US sources"


# 4 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The army denied reports that troops crossed the border on Sunday.",
    "The army denied media reports that troops crossed the border on Sunday.",
    "The Kremlin denied claims published by Reuters that troops crossed the border on Sunday.",
    "The army denied on Monday reports that troops crossed the border on Sunday.",
])
def test_a_denial_of_reports_is_a_denial_never_a_dated_fact(text):
    events = _events(text)
    (e,) = events
    assert "denied" in e.tags, _shown(events)
    assert e.start.edtf != "2023-03-05", _shown(events)  # was the crossing, on Sunday, as a fact
    assert e.start.edtf in ("[..2023-03-08]", "2023-03-06")  # the denial: as of publication, or its Monday
    assert not e.planned
    assert "what was denied" in e.start.basis


# 5 -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "labels"), [
    ("The transport ministry said the bridge reopened on Monday.", ["Transport Ministry"]),
    ("The transport ministry said the bridge reopened on Monday. The Transport Ministry said the road "
     "opened on Tuesday.", ["Transport Ministry"]),
    ("The army said the bridge reopened on Monday.", ["Other"]),
    ("The army denied reports that troops crossed the border on Sunday.", ["Other"]),
    ("Ukraine's army said the bridge reopened on Monday.", ["Ukraine"]),
    ("Officials said the bridge reopened on Monday.", ["Other"]),
])
def test_no_track_is_named_in_lower_case(text, labels):
    tl = _ingested(text)
    assert [t.label for t in tl.tracks] == labels  # was "transport ministry", "army"
    for e in tl.events:  # the speaker stays as the article writes it
        assert all(q.speaker for q in e.quotes)


# "after" a date -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "edtf"), [
    ("Troops left after March 3.", "[2023-03-04..2023-03-08]"),
    ("Troops will leave after March 3.", "[2023-03-04..]"),
    ("The base was abandoned after 2014.", "[2015..2023]"),
    ("Troops left after March 5 talks.", "[2023-03-05..2023-03-08]"),  # after the talks: maybe that day
])
def test_after_a_date_is_never_that_date(text, edtf):
    (e,) = _events(text)
    assert e.start.edtf == edtf, _shown([e])  # was 2023-03-03, 2014: the bound read as the day
    assert "'After' it" in e.start.basis
