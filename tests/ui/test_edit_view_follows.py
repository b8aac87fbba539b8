"""Typing a new date for the selected event in the Edit tab moves the event;
the view follows it (a pan at the same zoom) instead of leaving an empty plot
with the moved event selected off screen (newcomer's 11_edit_police.png)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from viewer.app import _load
from viewer.ui.event_list import side_tabs
from viewer.ui.main_window import MainWindow


def _window(qtbot, tmp_path):
    events = [{"id": e, "track": "a", "title": e.title(), "start": {"edtf": d}, "sources": ["s1"]}
              for e, d in (("early", "2022-01-10"), ("mid", "2022-02-14"), ("late", "2022-03-20"))]
    data = {"format": "timeline-viewer", "version": 1, "title": "Moves",
            "tracks": [{"id": "a", "label": "A"}],
            "sources": [{"id": "s1", "kind": "news_article", "outlet": "Paper"}], "events": events}
    path = tmp_path / "m.timeline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    w = MainWindow(_load(str(path)), _load, str(path))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def _type(qtbot, w, field, text):
    box = w.edit_form.fields[field].widget
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def _x(w, eid):
    cols = w.view.timeline.columns
    return float(cols.xm[cols.row_of(eid)])


def test_view_follows_an_event_moved_out_of_it(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    w.state.selected = "mid"
    side_tabs(w).setCurrentWidget(w.edit_form)
    x = _x(w, "mid")
    w.view.set_x_range(x - 10 * 86400, x + 10 * 86400)  # three weeks around it
    qtbot.wait(50)
    a, b = w.view.x_range()
    _type(qtbot, w, "start", "2024-08-05")
    qtbot.wait(50)
    na, nb = w.view.x_range()
    x = _x(w, "mid")
    assert na <= x <= nb, "the moved event is out of view"
    assert abs((nb - na) - (b - a)) < 1e-6 * (b - a), "the zoom changed"
    assert w.state.selected == "mid"


def test_view_zooms_out_for_an_event_wider_than_it(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    w.state.selected = "mid"
    side_tabs(w).setCurrentWidget(w.edit_form)
    x = _x(w, "mid")
    w.view.set_x_range(x - 10 * 86400, x + 10 * 86400)
    qtbot.wait(50)
    _type(qtbot, w, "end", "2024-08-05")  # now a span of two and a half years
    _type(qtbot, w, "start", "2023-01-01")
    qtbot.wait(50)
    na, nb = w.view.x_range()
    cols = w.view.timeline.columns
    row = cols.row_of("mid")
    assert na <= cols.x0[row] and cols.x1[row] <= nb, "the span is not all in view"


def test_view_stays_put_when_the_moved_event_is_still_in_view(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    w.state.selected = "mid"
    side_tabs(w).setCurrentWidget(w.edit_form)
    x = _x(w, "mid")
    w.view.set_x_range(x - 30 * 86400, x + 30 * 86400)
    qtbot.wait(50)
    before = w.view.x_range()
    _type(qtbot, w, "start", "2022-02-20")
    qtbot.wait(50)
    assert w.view.x_range() == before
