"""A saying that is negated or denied never yields a plan nor a dated account of what was said (a break-it
tester's report, breakit4): "The ministry denied on Monday that it will close the border on 1 June" was drafted
as a plan "[planned: 2023-06-01] Ministry: it will close the border"; "Not a single official said …" made a
speaker and a track "Not a single official"; "Nobody said on Monday that …" a dated event "Nobody said"; "No one
expects the ceasefire to hold beyond Sunday" a plan; "Kuleba never said that Ukraine would attack Belgorod on
Friday" a plan "Never said that …".  And a dateline set off by dashes or bars ("KYIV, Ukraine — June 14, 2023 —",
"Kyiv | 14 June 2023 |") is no part of the first sentence's title."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text

PUB = date(2023, 5, 10)  # a Wednesday


def _events(text):
    return ingest_text(text + "\n", published=PUB).timeline


def _planned(e):
    return "planned" in e.tags


def test_a_denied_plan_is_a_denial_on_the_day_of_the_denial_never_a_plan():
    tl = _events("The ministry denied on Monday that it will close the border on 1 June.")
    assert not [e.title for e in tl.events if _planned(e)]  # was "[planned: 2023-06-01] Ministry: it will close …"
    assert [(e.start.edtf, "denied" in e.title) for e in tl.events] == [("2023-05-08", True)]


@pytest.mark.parametrize("text", ["Not a single official said the strike happened on Sunday.",
                                  "Nobody said on Monday that the bridge would be closed on Friday.",
                                  "None of the ministers said on Thursday that the talks had failed.",
                                  "No one expects the ceasefire to hold beyond Sunday.",
                                  "Kuleba never said that Ukraine would attack Belgorod on Friday.",
                                  "Kuleba did not say that Ukraine would attack Belgorod on Friday."])
def test_a_negated_saying_is_one_undated_draft_that_says_so(text):
    tl = _events(text)
    assert len(tl.events) == 1, [e.title for e in tl.events]  # was a dated "Nobody said" beside it
    e = tl.events[0]
    assert not _planned(e) and "negated" in e.tags, (e.title, e.tags)
    assert e.start.edtf == "[..2023-05-10]", e.start.edtf  # as of publication: the date in the words dates nothing
    assert not e.quotes, e.quotes  # was reported speech by "Not a single official"
    assert e.title.startswith(text[:12]) and e.title.endswith(text.rstrip(".").split()[-1]), e.title
    assert [t.id for t in tl.tracks if "single" in t.id or "nobody" in t.id] == []


def test_a_plain_saying_still_dates_and_plans():
    tl = _events("Kuleba said that Ukraine would attack Belgorod on Friday.")
    assert any(_planned(e) and e.start.edtf == "2023-05-12" for e in tl.events), [e.title for e in tl.events]


@pytest.mark.parametrize("text", [
    "KYIV, Ukraine — June 14, 2023 — Military analysts predicted that Russia will attack Zaporizhzhia before the "
    "winter.",
    "Kyiv | 14 June 2023 | Officials feared the dam would fail before May."])
def test_a_dateline_set_off_by_dashes_or_bars_is_no_part_of_a_title(text):
    tl = _events(text)
    assert tl.events
    for e in tl.events:
        assert not e.title.startswith(("—", "Kyiv")) and "|" not in e.title, e.title
        assert e.start.edtf != "2023-06-14", (e.title, e.start.edtf)  # the dateline's day dates the article only


def test_what_could_not_be_confirmed_is_past_and_unconfirmed_never_a_plan():
    tl = _events("Reuters could not confirm that the convoy arrived on Saturday.")
    assert [(e.start.edtf, _planned(e)) for e in tl.events] == [("2023-05-06?", False)]  # was planned 2023-05-13
    assert tl.events[0].title == "Unconfirmed: the convoy arrived", tl.events[0].title
    assert "unconfirmed" in tl.events[0].tags


@pytest.mark.parametrize("text", ["The minister, who never said why, resigned on Monday.",
                                  "The minister resigned on Monday but never said why."])
def test_a_date_outside_the_negated_saying_still_dates(text):
    assert [e.start.edtf for e in _events(text).events] == ["2023-05-08"]
