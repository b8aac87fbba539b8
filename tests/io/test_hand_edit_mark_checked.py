"""The ``edited_by_hand`` mark of a native file is checked at read: ``on`` a day (YYYY-MM-DD), ``from``
an EDTF value of bounded length; a bad one is an error naming the file, line, event and field (as every
other bad date of the format), never a 5 MB string shown in the detail pane.  A mark whose ``from`` is
the date's own value is no edit and is dropped."""

import json

import pytest

from viewer.io import native
from viewer.io.native import read_native
from viewer.model.date_edit import edited_by_hand
from viewer.model.errors import TimelineLoadError


def _doc(mark, edtf="2022-02-12"):
    return {"format": "timeline-viewer", "version": 1, "title": "T", "marks_hand_edits": True,
            "tracks": [{"id": "t", "label": "T"}],
            "events": [{"id": "plain", "track": "t", "title": "P", "start": "2022-02-01"},
                       {"id": "drills-begin", "track": "t", "title": "E",
                        "start": {"edtf": edtf, "basis": "typed", "edited_by_hand": mark}}]}


def _read(tmp_path, doc):
    path = tmp_path / "m.timeline.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return read_native(path)


@pytest.mark.parametrize("bulk_min", [0, 10**12])
@pytest.mark.parametrize(("mark", "field", "said"), [
    ({"from": "2022-02-10" + "x" * 5_000_000, "on": "2026-12-08"}, "from", "characters"),
    ({"from": "next Tuesday <b>bold</b>"}, "from", "EDTF"),
    ({"from": "2022-02-10", "on": "yesterday"}, "on", "YYYY-MM-DD"),
    ({"from": "2022-02-10", "on": "2099-13-45"}, "on", "YYYY-MM-DD"),
])
def test_a_bad_mark_is_refused_naming_file_line_event_and_field(tmp_path, monkeypatch, bulk_min, mark, field, said):
    monkeypatch.setattr(native, "BULK_MIN_BYTES", bulk_min)
    with pytest.raises(TimelineLoadError) as err:
        _read(tmp_path, _doc(mark))
    text = str(err.value)
    assert "m.timeline.json" in text and "line " in text and "drills-begin" in text
    assert f"edited_by_hand.{field}" in text and said in text
    assert len(text) < 5000  # the value is not repeated whole


@pytest.mark.parametrize("bulk_min", [0, 10**12])
def test_a_mark_from_the_dates_own_value_is_no_edit(tmp_path, monkeypatch, bulk_min):
    monkeypatch.setattr(native, "BULK_MIN_BYTES", bulk_min)
    timeline = _read(tmp_path, _doc({"from": "2022-02-12", "on": "2026-12-08"}))
    assert not edited_by_hand(timeline.event("drills-begin").start)
    assert timeline.hand_edit_flags().tolist() == [False, False]


def test_a_good_mark_is_kept(tmp_path):
    timeline = _read(tmp_path, _doc({"from": "[..2022-02-10]", "on": "2026-12-08"}))
    mark = timeline.event("drills-begin").start.hand_edit
    assert (mark.former, mark.on) == ("[..2022-02-10]", "2026-12-08")


@pytest.mark.parametrize("bulk_min", [0, 10**12])
def test_an_escaped_key_is_marked_on_the_canvas_as_in_the_list(tmp_path, monkeypatch, bulk_min):
    """``"edited\\u005fby_hand"`` is the same key: the large-file reader's raw-text prefilter missed it, so
    the canvas label, header count and key lost "(date edited)" while the list and pane said edited."""
    monkeypatch.setattr(native, "BULK_MIN_BYTES", bulk_min)
    path = tmp_path / "m.timeline.json"
    text = json.dumps(_doc({"from": "2022-02-10", "on": "2026-12-08"}), indent=1)
    path.write_text(text.replace('"edited_by_hand"', '"edited\\u005fby_hand"'), encoding="utf-8")
    timeline = read_native(path)
    assert edited_by_hand(timeline.event("drills-begin").start)
    assert timeline.hand_edit_flags().tolist() == [False, True]


QUOTING = "Edited by hand on 2026-12-01, from 2022-02-10: this date does not follow"


def test_a_csv_export_lists_a_basis_that_quotes_the_words_without_a_mark(tmp_path):
    """With marks_hand_edits, such a basis is only words; a CSV has no field for the mark and reads it back
    as an edit by hand: the export says so rather than turning it silently into a mark."""
    from viewer.io.csvgeneric import write_csv

    doc = _doc({"from": "2022-02-10"})
    doc["events"][0]["start"] = {"edtf": "2022-02-01", "basis": QUOTING}
    timeline = _read(tmp_path, doc)
    assert not edited_by_hand(timeline.event("plain").start)
    losses = write_csv(timeline, tmp_path / "out.csv")
    said = [line for line in losses if "'plain'" in line]
    assert said and "edited by hand" in said[0] and "start" in said[0]
    assert not [line for line in losses if "'drills-begin'" in line]  # a real mark is not a loss


def test_an_old_basis_gives_only_an_edtf_value_as_from(tmp_path):
    from viewer.model.date_edit import worded_hand_edit

    assert worded_hand_edit("Some note (moved by hand from <i>never</i>)").former == ""
    assert worded_hand_edit("Some note (moved by hand from 2022-02-10)").former == "2022-02-10"
    doc = _doc({"from": "2022-02-10"})
    del doc["marks_hand_edits"]
    doc["events"][1]["start"] = {"edtf": "2022-02-12", "basis": "Some note (moved by hand from <i>never</i>)"}
    mark = _read(tmp_path, doc).event("drills-begin").start.hand_edit
    assert mark is not None and mark.former == ""
