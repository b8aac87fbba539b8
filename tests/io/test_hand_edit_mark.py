"""A date edited by hand is marked by a field of the native file (``edited_by_hand``), not by its
basis's wording: a source's basis that quotes "Edited by hand" is not an edit, and a basis the user
rewrites keeps the mark.  Files written before the field are still read by their wording."""

import json

import pytest

from viewer.io import native
from viewer.io.native import read_native, timeline_to_dict, write_native
from viewer.io.native_rules import NATIVE_RULES
from viewer.model import commands as C
from viewer.model.citation import citation_text
from viewer.model.date_edit import edited_by_hand
from viewer.model.dates import EventDate
from viewer.model.editing import EditStack

TRUSS = "truss-arrives-moscow"
NOTE = ("Edited by hand on 2026-12-08, from 2022-02-10: this date does not follow from the source's words. "
        "The source said: “on Thursday” (before that edit).")
QUOTING = "Edited by hand, the agency said of its own schedule: this is the date it printed."


def _typed(date, edtf, basis=None):
    """What the Edit tab hands the command: the value typed, with the words its fields hold."""
    return EventDate(edtf, date.phrase, date.basis if basis is None else basis)


def _doc(basis, marker=None, mark=None):
    start = {"edtf": "2022-02-11", "basis": basis}
    if mark is not None:
        start["edited_by_hand"] = mark
    doc = {"format": "timeline-viewer", "version": 1, "title": "T", "tracks": [{"id": "t", "label": "T"}],
           "events": [{"id": "e", "track": "t", "title": "E", "start": start}]}
    if marker is not None:
        doc["marks_hand_edits"] = marker
    return doc


def _read(tmp_path, doc, name="t.timeline.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return read_native(path)


def _saved_start(timeline, event_id):
    return next(e for e in timeline_to_dict(timeline)["events"] if e["id"] == event_id)["start"]


@pytest.fixture
def stack(bundled_path):
    return EditStack(read_native(bundled_path), NATIVE_RULES)


def test_the_edit_writes_the_mark_and_a_save_and_load_keeps_it(stack, tmp_path):
    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev.start, "2022-02-11"), "2026-12-08"))
    data = timeline_to_dict(stack.timeline)
    assert data["marks_hand_edits"] is True
    saved = _saved_start(stack.timeline, TRUSS)
    assert saved["edited_by_hand"] == {"from": "2022-02-10", "on": "2026-12-08"}
    path = tmp_path / "edited.timeline.json"
    write_native(stack.timeline, path)
    back = read_native(path).event(TRUSS).start
    assert edited_by_hand(back) and back == stack.timeline.event(TRUSS).start
    assert "date edited by hand" in citation_text(read_native(path).event(TRUSS), read_native(path))


def test_a_reworded_basis_keeps_the_mark(stack, tmp_path):
    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev.start, "2022-02-11"), "2026-12-08"))
    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev.start, "2022-02-11", "I checked the embassy's photos."), "2026-12-09"))
    d = stack.timeline.event(TRUSS).start
    assert d.basis == "I checked the embassy's photos." and edited_by_hand(d)  # was: the mark went with the words
    path = tmp_path / "reworded.timeline.json"
    write_native(stack.timeline, path)
    assert edited_by_hand(read_native(path).event(TRUSS).start)
    assert "date edited by hand" in citation_text(stack.timeline.event(TRUSS), stack.timeline)


def test_undo_takes_the_mark_away(stack):
    before = stack.timeline.event(TRUSS)
    stack.push(C.set_date(before, "start", _typed(before.start, "2022-02-11"), "2026-12-08"))
    stack.undo()
    assert not edited_by_hand(stack.timeline.event(TRUSS).start)
    assert "edited_by_hand" not in json.dumps(_saved_start(stack.timeline, TRUSS))
    assert "marks_hand_edits" not in timeline_to_dict(stack.timeline)  # the bundled file is written as before


def test_an_older_file_is_read_by_its_wording(tmp_path):
    d = _read(tmp_path, _doc(NOTE)).event("e").start
    assert edited_by_hand(d)
    assert (d.hand_edit.former, d.hand_edit.on) == ("2022-02-10", "2026-12-08")
    assert _read(tmp_path, _doc("Moved by hand from 2022-02-10.")).event("e").start.hand_edit.former == "2022-02-10"
    assert edited_by_hand(_read(tmp_path, _doc("'Friday' (moved by hand from 2022-02-10)")).event("e").start)


def test_a_basis_that_quotes_the_words_in_a_file_that_marks_its_edits_is_not_an_edit(tmp_path):
    timeline = _read(tmp_path, _doc(QUOTING, marker=True))
    assert not edited_by_hand(timeline.event("e").start)
    assert "edited by hand" not in citation_text(timeline.event("e"), timeline)
    # the same file with the mark is an edit, whatever the basis says
    assert edited_by_hand(_read(tmp_path, _doc("checked", marker=True, mark={"from": "2022-02-10"})).event("e").start)


def test_saving_a_source_that_quotes_the_words_keeps_them_only_words(tmp_path):
    timeline = _read(tmp_path, _doc(QUOTING, marker=True))
    path = tmp_path / "again.timeline.json"
    write_native(timeline, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["marks_hand_edits"] is True and "edited_by_hand" not in data["events"][0]["start"]
    assert not edited_by_hand(read_native(path).event("e").start)


def test_an_older_file_saved_again_carries_the_mark(tmp_path):
    timeline = _read(tmp_path, _doc(NOTE))
    path = tmp_path / "upgraded.timeline.json"
    write_native(timeline, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["marks_hand_edits"] is True
    assert data["events"][0]["start"]["edited_by_hand"] == {"from": "2022-02-10", "on": "2026-12-08"}


@pytest.mark.parametrize("bulk_min", [0, 10**12])
def test_the_large_file_reader_reads_the_mark_as_the_full_reader(tmp_path, monkeypatch, bulk_min):
    monkeypatch.setattr(native, "BULK_MIN_BYTES", bulk_min)
    doc = _doc(QUOTING, marker=True)
    doc["events"].append({"id": "f", "track": "t", "title": "F", "start": {
        "edtf": "2022-02-12", "basis": "typed", "edited_by_hand": {"from": "2022-02-10", "on": "2026-12-08"}}})
    timeline = _read(tmp_path, doc)
    assert [edited_by_hand(timeline.event(i).start) for i in ("e", "f")] == [False, True]
    assert timeline.hand_edit_flags().tolist() == [False, True]  # what the canvas marks "(date edited)"
    assert timeline_to_dict(timeline)["marks_hand_edits"] is True  # saved again: still marks its edits
    old = _read(tmp_path, _doc(NOTE), "old.timeline.json")
    assert edited_by_hand(old.event("e").start) and old.hand_edit_flags().tolist() == [True]
    assert timeline_to_dict(old)["events"][0]["start"]["edited_by_hand"] == {"from": "2022-02-10", "on": "2026-12-08"}


def test_a_mark_that_is_not_an_object_is_refused_naming_the_place(tmp_path):
    from viewer.model.errors import TimelineLoadError

    with pytest.raises(TimelineLoadError) as err:
        _read(tmp_path, _doc("x", marker=True, mark="yes"))
    assert "edited_by_hand" in str(err.value)


def test_a_collection_keeps_the_mark_and_the_quoting_words_stay_words(tmp_path):
    pytest.importorskip("duckdb")
    from viewer.io.duckstore import DuckStore, write_parquet

    doc = _doc(QUOTING, marker=True)
    doc["events"].append({"id": "f", "track": "t", "title": "F", "start": {
        "edtf": "2022-02-12", "basis": "typed", "edited_by_hand": {"from": "2022-02-10", "on": "2026-12-08"}}})
    path = str(tmp_path / "c.parquet")
    write_parquet(_read(tmp_path, doc), path)
    store = DuckStore(path)
    try:
        assert [edited_by_hand(store.event(i).start) for i in ("e", "f")] == [False, True]
    finally:
        store.close()
    old = str(tmp_path / "old.parquet")
    write_parquet(_read(tmp_path, _doc(NOTE), "old.timeline.json"), old)
    store = DuckStore(old)
    try:  # (an older file converted now: its mark is written out, as by a save)
        assert store.event("e").start.hand_edit.former == "2022-02-10"
    finally:
        store.close()


def test_a_csv_round_trip_keeps_the_mark_even_with_a_reworded_basis(stack, tmp_path):
    from viewer.io.csvgeneric import read_csv, write_csv

    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev.start, "2022-02-11"), "2026-12-08"))
    path = tmp_path / "edited.csv"
    write_csv(stack.timeline, path)
    assert edited_by_hand(read_csv(path).event(TRUSS).start)  # the note's words: a CSV has no field for it
    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev.start, "2022-02-11", "I checked the embassy's photos."), "2026-12-09"))
    write_csv(stack.timeline, path)
    back = read_csv(path).event(TRUSS).start
    assert edited_by_hand(back)  # was: the reworded basis was read back as the source's own date
    assert back.basis.endswith("I checked the embassy's photos.") and back.hand_edit.former == "2022-02-10"
    assert not edited_by_hand(read_csv(path).event("lavrov-lowest-level").start)


def test_a_drag_marks_the_date_and_a_drag_back_takes_the_mark_away():
    from viewer.model.date_edit import shift_date

    said = EventDate("2022-02-10", "on Thursday", "'Thursday' = Thu 10 Feb 2022")
    moved = shift_date(said, 86400.0, "day", "2026-12-08")
    assert (moved.edtf, moved.hand_edit.former, moved.hand_edit.on) == ("2022-02-11", "2022-02-10", "2026-12-08")
    again = shift_date(moved, 86400.0, "day", "2026-12-09")  # the first value and day stay
    assert (again.edtf, again.hand_edit.former, again.hand_edit.on) == ("2022-02-12", "2022-02-10", "2026-12-08")
    back = shift_date(again, -2 * 86400.0, "day", "2026-12-09", earlier=said)
    assert back == said and not edited_by_hand(back)
    bare = shift_date(EventDate("2022-02-10"), 86400.0, "day", "2026-12-08")
    assert bare.basis == "Moved by hand from 2022-02-10." and bare.hand_edit.former == "2022-02-10"


def test_a_data_frame_round_trip_keeps_the_mark_with_a_reworded_basis(stack):
    pytest.importorskip("pandas")
    from viewer.io.frames import from_frame, to_frame

    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev.start, "2022-02-11"), "2026-12-08"))
    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", _typed(ev.start, "2022-02-11", "I checked the embassy's photos."), "2026-12-09"))
    back = from_frame(to_frame(stack.timeline))
    assert edited_by_hand(back.event(TRUSS).start)
    assert not edited_by_hand(back.event("lavrov-lowest-level").start)
