"""A date typed over the source's reading (the Edit tab): the source's words never stay
beside a date they do not give as if they supported it; Undo gives everything back."""

import dataclasses

import pytest

from viewer.io.native import read_native, timeline_to_dict
from viewer.io.native_rules import NATIVE_RULES
from viewer.model import commands as C
from viewer.model.citation import citation_text
from viewer.model.date_edit import edit_date, edited_by_hand
from viewer.model.dates import EventDate
from viewer.model.editing import EditStack

TRUSS = "truss-arrives-moscow"


@pytest.fixture
def stack(bundled_path):
    return EditStack(read_native(bundled_path), NATIVE_RULES)


def _typed(ev, edtf):
    """What the Edit tab hands the command: the value typed, with the words its fields hold."""
    return EventDate(edtf, ev.start.phrase, ev.start.basis)


def test_a_new_day_moves_the_sources_words_out_of_support_and_undo_restores_them(stack):
    before = stack.timeline.event(TRUSS)
    assert before.start.phrase == "arrived in Moscow on Thursday"
    stack.push(C.set_date(before, "start", _typed(before, "2022-02-11"), "2026-12-08"))
    d = stack.timeline.event(TRUSS).start
    assert d.edtf == "2022-02-11"
    assert d.phrase == ""  # no longer "as written" beside Fri 11 Feb
    assert "Thu 10 Feb" not in d.basis and "'Thursday' =" not in d.basis  # the old reasoning is dropped
    assert d.basis == ("Edited by hand on 2026-12-08, from 2022-02-10: this date does not follow from the "
                       "source's words. The source said: “arrived in Moscow on Thursday” (before that edit).")
    assert edited_by_hand(d)
    stack.undo()
    assert stack.timeline.event(TRUSS) == before  # words and basis exactly as they were
    stack.redo()
    assert stack.timeline.event(TRUSS).start == d


def test_the_native_file_and_the_citation_say_it_was_edited_by_hand(stack):
    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev, "2022-02-11"), "2026-12-08"))
    saved = next(e for e in timeline_to_dict(stack.timeline)["events"] if e["id"] == TRUSS)["start"]
    assert "phrase" not in saved or not saved["phrase"]
    assert saved["basis"].startswith("Edited by hand on 2026-12-08, from 2022-02-10")
    assert "The source said: “arrived in Moscow on Thursday”" in saved["basis"]
    cite = citation_text(stack.timeline.event(TRUSS), stack.timeline)
    assert "Fri 11 Feb 2022" in cite and "date edited by hand" in cite
    assert "edited by hand" not in citation_text(stack.timeline.event("lavrov-lowest-level"), stack.timeline)


@pytest.mark.parametrize("typed, kept", [
    ("2022-02", True),         # coarser: the words still give a day inside it
    ("2022-02-10?", True),     # the same day, less sure
    ("2022-02-11", False),     # another day
    ("2022-02-10T09:00:00Z", False),  # a time the words never gave (more precise)
])
def test_the_words_stay_only_while_they_still_give_the_value(typed, kept):
    old = EventDate("2022-02-10", "on Thursday", "'Thursday' = Thu 10 Feb 2022")
    new = edit_date(old, EventDate(typed, old.phrase, old.basis), "2026-12-08")
    assert (new.phrase == "on Thursday") is kept
    assert not edited_by_hand(new) if kept else edited_by_hand(new)
    if kept:
        assert new.basis == ("'Thursday' = Thu 10 Feb 2022 (edited by hand from 2022-02-10 to a value these "
                             "words still give)")
        later = edit_date(new, EventDate("2022-03", new.phrase, new.basis), "2026-12-09")
        assert later.phrase == "" and "The source said: “on Thursday”" in later.basis  # March: not said


def test_dropping_the_uncertainty_the_words_gave_is_not_said_by_them():
    old = EventDate("2022-02-10?", "where she met", "taken as that day, marked uncertain")
    new = edit_date(old, EventDate("2022-02-10", old.phrase, old.basis), "2026-12-08")
    assert new.phrase == "" and "The source said: “where she met”" in new.basis


def test_words_the_user_typed_with_the_date_are_theirs_and_a_second_edit_keeps_the_first_note():
    old = EventDate("2022-02-10", "on Thursday", "Thursday = 10 Feb")
    own = EventDate("2022-02-11", "on Friday", "Reuters, 11 Feb")
    assert edit_date(old, own, "2026-12-08") == own
    once = edit_date(old, EventDate("2022-02-11", old.phrase, old.basis), "2026-12-08")
    twice = edit_date(once, dataclasses.replace(once, edtf="2022-02-12"), "2026-12-09")
    assert twice.edtf == "2022-02-12" and twice.basis == once.basis  # still names 2022-02-10 and the words


def test_the_csv_and_icalendar_exports_say_it_too(stack, tmp_path):
    from tests.exported import exported_texts

    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev, "2022-02-11"), "2026-12-08"))
    texts = dict(exported_texts(stack.timeline, tmp_path))
    assert "Edited by hand on 2026-12-08, from 2022-02-10" in texts["csv"]  # its basis column
    assert "Date: Fri 11 Feb 2022 (to the day) (edited by hand: not a date the source's words give)" in texts["ics"]
    assert "Date in the source: “arrived in Moscow on Thursday”" not in texts["timelinejs"]
    # the slide says its day is the editor's, as the calendar does
    assert "Date edited by hand: not a date the source's words give" in texts["timelinejs"]
    assert texts["timelinejs"].count("Date edited by hand") == 1  # that event only
    import json

    from viewer.io import write_timeline

    write_timeline(stack.timeline, str(tmp_path / "t.vis.json"), format="vis")
    items = json.loads((tmp_path / "t.vis.json").read_text(encoding="utf-8"))["items"]
    hand = [i["id"] for i in items if "Date edited by hand: not a date the source" in i.get("title", "")]
    assert hand == [TRUSS]  # in its tooltip; vis-timeline has no field for it


def test_a_basis_without_the_sources_words_is_dropped_with_a_note_that_does_not_invent_words():
    old = EventDate("[..2022-02-10]", "", "No date given; reported in the present perfect, so on or before that day.")
    new = edit_date(old, EventDate("2022-02-09", old.phrase, old.basis), "2026-12-08")
    assert new.basis == "Edited by hand on 2026-12-08, from [..2022-02-10]: this date is not read from the source."
    assert edited_by_hand(new)
