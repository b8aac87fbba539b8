"""A new user's eras file (the TimelineJS template): "Era Test 600-650" was listed
"600 CE → 649 CE" and an event 633-634 "633 CE → 633 CE": 649 and 633 are years the
source never gave.  TimelineJS ends a year-only end_date on 1 January of that year;
the viewer keeps that (the eras meet) and shows the year as written, the tooltip and
the detail pane saying how the end is read."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from viewer.io.registry import read_timeline_report
from viewer.model.dates import EventDate
from viewer.model.written_end import written_end
from viewer.ui.detail_pane import _date_rows
from viewer.ui.event_list import date_cell, date_tooltip


def _eras(tmp_path):
    path = tmp_path / "eras.json"
    path.write_text(json.dumps({
        "title": {"text": {"headline": "Eras"}},
        "eras": [{"start_date": {"year": "600"}, "end_date": {"year": "650"}, "text": {"headline": "Era 600-650"}},
                 {"start_date": {"year": "650"}, "end_date": {"year": "700"}, "text": {"headline": "Era 650-700"}}],
        "events": [{"start_date": {"year": "633"}, "end_date": {"year": "634"}, "text": {"headline": "Conquest"}},
                   {"start_date": {"year": "-100"}, "end_date": {"year": "-50"}, "text": {"headline": "Long ago"}},
                   {"start_date": {"year": "640"}, "end_date": {"year": "640"}, "text": {"headline": "Within"}}]}),
        encoding="utf-8")
    return read_timeline_report(path).timeline


def test_the_list_shows_the_end_year_the_source_wrote(tmp_path):
    t = _eras(tmp_path)
    by = {e.title: e for e in t.events}
    cells = {title: date_cell(e, t, "UTC") for title, e in by.items()}
    assert cells["Era 600-650"] == "600 CE → 650 CE"
    assert cells["Era 650-700"] == "650 CE → 700 CE"
    assert cells["Conquest"] == "633 CE → 634 CE"
    assert cells["Long ago"] == "100 BCE → 50 BCE"
    assert cells["Within"] == "640 CE → 640 CE"  # the start's own year: read as through it, as written
    assert by["Era 600-650"].end.latest == by["Era 650-700"].start.earliest  # the eras still meet
    tip = date_tooltip(by["Era 600-650"], t, "UTC")
    assert "649" not in tip and "650 CE (the year as written)" in tip and "1 January 650" in tip


def test_the_detail_pane_shows_the_end_year_and_how_it_is_read(tmp_path):
    t = _eras(tmp_path)
    era = next(e for e in t.events if e.title == "Era 600-650")
    rows = _date_rows("End", era.end, side="end")
    assert "650 CE (the year as written)" in rows and "1 January 650" in rows
    assert "649 CE" not in rows and "31 Dec 649" not in rows


def test_an_edited_end_is_shown_as_it_is_held(tmp_path):
    t = _eras(tmp_path)
    era = next(e for e in t.events if e.title == "Era 600-650")
    assert written_end(era.end).edtf == "0650"
    moved = EventDate("0660", era.end.phrase, era.end.basis)  # the year changed, the old basis kept
    assert written_end(moved) is None
    assert written_end(EventDate("0649")) is None


def test_the_list_cell_at_1366x768(open_window, tmp_path, qtbot):
    w = open_window(_eras(tmp_path), size=(1366, 768))
    model = w.event_list.model()
    shown = {model.data(model.index(r, 2)): model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert shown["Era 600-650"] == "600 CE → 650 CE", shown
    tip = model.data(model.index(list(shown).index("Era 600-650"), 0), Qt.ItemDataRole.ToolTipRole)
    assert "1 January 650" in tip
