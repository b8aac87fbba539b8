"""Present mode (wall2, item 4): F5 from a desk view in Asia/Kathmandu showed the wall's axis in
UTC, its date-only events on UTC days: the audience saw other days than the presenter's desk.
The presentation now keeps the desk's display zone and names it under the axis."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from viewer.io import read_timeline
from viewer.ui.presenting import start_presenting

ZONE = "Asia/Kathmandu"


def _present(qtbot, open_window, bundled_path, zone):
    w = open_window(read_timeline(bundled_path))
    w.state.display_zone = zone
    QApplication.processEvents()
    pw = start_presenting(w)
    qtbot.addWidget(pw)
    pw.animation_ms = 0
    pw.presentation.go_to(0)
    pw.finish_animation()
    pw.grab()
    return w, pw


def test_f5_keeps_the_desks_zone(qtbot, open_window, bundled_path):
    w, pw = _present(qtbot, open_window, bundled_path, ZONE)
    try:
        assert pw.state.display_zone == ZONE
        axis = pw.view.time_axis
        assert ZONE in axis.labelText  # named under the axis, not "UTC"
        # a date-only event on the desk's day: "Drills begin in Belarus" (10 Feb) from Kathmandu's midnight
        tl = pw.view.timeline
        eid = next(e.id for e in tl.events if e.title.startswith("Drills begin"))
        row = tl.columns.row_of(eid)
        start = tl.columns.origin_epoch_s + float(tl.columns.x0[row])
        assert start == datetime(2022, 2, 10, tzinfo=ZoneInfo(ZONE)).timestamp()
        desk = w.view.timeline  # the same day as the desk draws it
        assert start == desk.columns.origin_epoch_s + float(desk.columns.x0[desk.columns.row_of(eid)])
    finally:
        pw.close()


@pytest.mark.parametrize("zone", ["UTC"])
def test_a_utc_desk_presents_in_utc_as_before(qtbot, open_window, bundled_path, zone):
    _, pw = _present(qtbot, open_window, bundled_path, zone)
    try:
        assert pw.view.time_axis.labelText == "UTC"
    finally:
        pw.close()
