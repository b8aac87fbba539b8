"""A saying dated between its verb and its clause is titled by who said what (a new-user tester, ingest10).

"Ukraine's army said on Monday it had retaken the village of Dibrova" was drafted as "Ukraine's army said":
a title with no content, though the README promises "who said what".  The saying's title now carries its
clause, as reported speech ("Ukraine's army: it had retaken the village of Dibrova", never in quotation
marks), the form a person's saying had already ("Berg: the talks had failed").  A forecast whose date sits
inside its words ("the dam would fail next month after heavy rains") was titled up to its date only
("Analysts (forecast): the dam would fail"): the words after the date are kept, the date cut with "…".

What the user sees: each draft's title, its quote's kind, whether it is planned."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text
from viewer.model.quoting import QuoteKind

WED = date(2023, 3, 8)

TESTER = ("KYIV, March 8, 2023 (Reuters) - Ukraine's army said on Monday it had retaken the village of Dibrova. "
          "\"We will never give up,\" Zelensky said on Tuesday. Officials expect a convoy on Saturday. Anna Berg, "
          "the mission head, warned that prices will rise next year. The mayor said \"the bridge is gone.\n")


def _events(text):
    return ingest_text(text + "\n", published=WED).timeline.events


def test_the_testers_first_draft_says_what_the_army_said():
    (army, *_rest) = ingest_text(TESTER).timeline.events
    assert army.title == "Ukraine's army: it had retaken the village of Dibrova"  # was "Ukraine's army said"
    assert army.start.edtf == "2023-03-06"
    assert not any(mark in army.title for mark in "“”\"«»")  # reported speech, never a quotation
    assert [(q.kind, q.speaker) for q in army.quotes] == [(QuoteKind.REPORTED, "Ukraine's army")]


@pytest.mark.parametrize("text, edtf, title", [
    ("Officials said on Monday night the convoy had crossed the border.", "2023-03-06",
     "Officials: the convoy had crossed the border"),
    ("Russia's defence ministry said on Tuesday its forces had destroyed a depot.", "2023-03-07",
     "Russia's defence ministry: its forces had destroyed a depot"),
    ("The ministry announced on Friday that the border would reopen.", "2023-03-03",
     "Ministry: the border would reopen"),
    ("Analysts warned on Monday that the dam would fail.", "2023-03-06", "Analysts: the dam would fail"),
])
def test_a_saying_dated_before_its_clause_is_titled_by_the_clause(text, edtf, title):
    saying = next(e for e in _events(text) if e.start.edtf == edtf)
    assert saying.title == title  # was "Officials said", "The ministry announced", …
    assert not saying.planned  # the saying, on its day: the plan or forecast in it is drafted apart
    assert all(q.kind == QuoteKind.REPORTED for q in saying.quotes)


@pytest.mark.parametrize("text, title, words", [
    ("Officials said on Monday, after a meeting, that talks would resume.", "Officials: talks would resume",
     "talks would resume"),  # was "Officials said", the words said "after a meeting, that talks would resume"
    ("The ministry said on Monday, in a statement, that its forces had hit a depot.",
     "Ministry: its forces had hit a depot", "its forces had hit a depot"),
])
def test_an_aside_between_the_sayings_day_and_its_that_is_neither_title_nor_words(text, title, words):
    saying = next(e for e in _events(text) if e.start.edtf == "2023-03-06")
    assert saying.title == title
    assert [q.text for q in saying.quotes] == [words]


def test_a_saying_whose_clause_is_dated_is_still_titled_by_its_clause_and_the_clause_by_its_own_words():
    events = _events("Officials said on Monday that 2,000 troops had crossed the river in early February.")
    titles = {e.start.edtf: e.title for e in events}
    assert titles["2023-03-06"] == "Officials: 2,000 troops had crossed the river in early February"
    assert titles["2023-02"] == "2,000 troops had crossed the river"  # unchanged


@pytest.mark.parametrize("text, edtf, title", [
    ("Analysts warned that the dam would fail next month after heavy rains.", "2023-04",
     "Analysts (forecast): the dam would fail … after heavy rains"),
    ("Anna Berg warned that the dam would fail on Friday because of the rains.", "2023-03-10",
     "Anna Berg (forecast): the dam would fail … because of the rains"),
    ("Analysts predicted that prices will rise next month, driven by fuel costs.", "2023-04",
     "Analysts (forecast): prices will rise … driven by fuel costs"),
    ("Analysts warned that prices will rise next month.", "2023-04", "Analysts (forecast): prices will rise"),
])
def test_a_forecast_cut_at_its_date_keeps_what_it_says_after_the_date(text, edtf, title):
    (e,) = _events(text)
    assert (e.start.edtf, e.title) == (edtf, title)  # was cut at the date: "… (forecast): the dam would fail"
    assert e.planned and "forecast" in e.tags  # still a forecast, never a fact
    assert not any(mark in e.title for mark in "“”\"")


@pytest.mark.parametrize("text, title", [
    ("The ministry said its forces had hit targets on Friday.", "The ministry said its forces had hit targets"),
    ("Berg said on Monday that the talks had failed.", "Berg: the talks had failed"),
    ("“We will respond,” Peskov said on Monday.", "Peskov: “We will respond”"),
])
def test_titles_of_other_sayings_are_unchanged(text, title):
    assert [e.title for e in _events(text)] == [title]


def test_a_title_cut_short_never_ends_on_a_word_that_says_nothing():
    (saying, _plan) = _events("The Pentagon said on Monday it expects to deliver tanks by the end of April.")
    assert saying.title == "Pentagon: it expects to deliver tanks by the end…"  # was "… by the end of…"
