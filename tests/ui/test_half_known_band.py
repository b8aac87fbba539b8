"""A band with one date known (2023-05-03 to XXXX-06-10) was drawn as an era from 3 to 7 May
with a hard dashed right edge: an end the source never gives.  It is drawn at its known date
(one dashed edge there), fading towards the unknown side to a "?" (break-it tester, item 2)."""

from __future__ import annotations

import json

from PySide6.QtGui import QColor

from viewer.io import read_timeline
from viewer.ui.main_window import MainWindow

DOC = {"format": "timeline-viewer", "version": 1, "title": "hk", "tracks": [{"id": "t", "label": "T"}],
       "events": [{"id": "i", "track": "t", "kind": "band", "title": "Band half", "start": "2023-05-03",
                   "end": "XXXX-06-10"},
                  {"id": "j", "track": "t", "kind": "band", "title": "Other half", "start": "XXXX-03-01",
                   "end": "2023-05-20"},
                  {"id": "d", "track": "t", "title": "Anchor", "start": "2023-04-20"}]}


def _edge_columns(img, x0: int, x1: int, top: int, bottom: int) -> list[int]:
    """Device x of the strongly coloured (dashed edge) pixel columns between ``x0`` and ``x1``
    (the pale fill and the grey grid lines are not)."""
    return [x for x in range(max(x0, 0), min(x1, img.width()))
            if max(QColor(img.pixel(x, y)).saturation() for y in range(top, bottom)) > 120]


def _groups(xs: list[int]) -> int:
    return sum(1 for i, x in enumerate(xs) if i == 0 or x > xs[i - 1] + 3)


def test_a_band_with_one_date_known_has_one_hard_edge_and_fades_to_a_question_mark(qtbot, tmp_path):
    path = tmp_path / "hk.timeline.json"
    path.write_text(json.dumps(DOC), encoding="utf-8")
    w = MainWindow(read_timeline(str(path)), read_timeline, str(path))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(40)
    img = w.view.grab().toImage()
    item = w.view.bands_item
    h = img.height()
    top, bottom = int(h * 0.25), int(h * 0.4)  # below the title tabs, above the "?"
    tabs = {eid: rect for rect, eid in item._tabs}
    assert "i" in tabs
    # between the known start (3 May) and the next band's known end (20 May): one edge only, at 3 May
    right = tabs["j"].left() if "j" in tabs else img.width()
    edges = _edge_columns(img, int(tabs["i"].left()) - 12, int(right) - 12, top, bottom)
    assert _groups(edges) == 1, edges
    assert abs(edges[0] - tabs["i"].left()) < 10
    by_id = {eid: (known, faded) for eid, known, faded in item.drawn_half_known}
    known, faded = by_id["i"]
    assert faded > known + 5  # the fade runs towards the unknown end, to the "?"
    known_j, faded_j = by_id["j"]
    assert faded_j < known_j - 5  # an unknown start fades leftwards
