"""The desk as users saw it: tooltips that stay, labels only beside their markers,
the zone field's Enter, the overview's own range."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip


def test_the_tooltip_stays_while_the_mouse_rests_on_an_event(qtbot, make_window):
    w = make_window((1600, 900))
    view = w.view
    view.viewport().repaint()
    scene = view.marker_scene_pos("truss-arrives-moscow")
    pos = view.mapFromScene(scene)
    qtbot.mouseMove(view.viewport(), pos)
    view._on_mouse_moved(scene)  # what the scene's mouse-move signal delivers
    # the mouse rests: Qt sends a tooltip event after ~0.7 s, which used to hide the tip
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    qtbot.wait(2500)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    qtbot.wait(200)
    assert QToolTip.isVisible() and "Truss arrives in Moscow" in QToolTip.text()
    view._on_mouse_moved(view.mapToScene(QPoint(view.viewport().width() - 5, 5)))  # the mouse leaves
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)


def _labels(w):
    frame = w.view.events_item._frame
    ids = w.view.timeline.columns.ids
    return {ids[p.row]: p for p in frame.placements if p.label_width > 0}, frame


def test_no_label_floats_beyond_its_day_when_the_marker_is_off_screen(qtbot, make_window):
    """Panned so that 10 Feb 12:00 (the markers of its date-only events) is off the left edge
    and only the last two hours of 10 Feb remain: no 10 Feb label may run on into 11 Feb."""
    w = make_window((1600, 900))
    cols = w.view.timeline.columns
    row = cols.row_of("truss-arrives-moscow")
    day_end = float(cols.x1[row])  # 11 Feb 00:00, seconds from the origin
    w.view.set_x_range(day_end - 2 * 3600, day_end + 3 * 86400)
    w.view.viewport().repaint()
    qtbot.wait(20)
    labels, frame = _labels(w)
    end_px = day_end * frame.sx + frame.tx
    for eid in ("truss-arrives-moscow", "drills-begin", "berlin-advisers-meeting"):
        p = labels.get(eid)
        assert p is None or p.label_x + p.label_width <= end_px + 1, (eid, p, end_px)
    # zoomed into the day itself the faint bar still carries its label
    w.view.set_x_range(day_end - 14 * 3600, day_end - 13 * 3600)
    w.view.viewport().repaint()
    qtbot.wait(20)
    assert "truss-arrives-moscow" in _labels(w)[0]


def _type_zone(qtbot, w, text):
    edit = w.zone_picker.lineEdit()
    edit.selectAll()
    edit.setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_typing_part_of_a_zone_name_and_enter_completes_or_says_why_not(qtbot, make_window):
    w = make_window((1400, 800))
    _type_zone(qtbot, w, "kathm")
    assert w.state.display_zone == "Asia/Kathmandu"
    _type_zone(qtbot, w, "new york")
    assert w.state.display_zone == "America/New_York"
    _type_zone(qtbot, w, "xyzzy")
    assert w.state.display_zone == "America/New_York"  # unchanged, and said so
    assert "No zone matches “xyzzy”" in w.statusBar().currentMessage()
    _type_zone(qtbot, w, "America/")
    assert w.state.display_zone == "America/New_York"
    assert "zones" in w.statusBar().currentMessage() and "type more" in w.statusBar().currentMessage()


def test_the_overview_strip_shows_the_home_range_and_marks_what_lies_beyond(qtbot, make_window):
    w = make_window((1600, 900))
    strip = w.overview
    tl = w.view.timeline
    o = tl.columns.origin_epoch_s
    home = (tl.home_start.earliest - o, tl.home_end.latest - o)
    lo, hi = strip.viewRange()[0]
    assert hi - lo <= 1.6 * (home[1] - home[0])  # not flattened by the Normandy Format "since 2014"
    assert lo <= home[0] and hi >= home[1]
    left, right = strip.beyond
    assert left.isVisible() and left.textItem.toPlainText() == "◀ from 2014"
    # the home range itself takes most of the strip's width, measured in pixels
    px = strip.plotItem.vb.width()
    assert (home[1] - home[0]) / (hi - lo) * px > 0.6 * px
    # fitting everything widens the strip to hold the main view's window
    w.view.fit_all()
    a, b = w.state.x_range
    lo2, hi2 = strip.viewRange()[0]
    assert lo2 <= a and hi2 >= b
    w.view.go_home()
    assert strip.viewRange()[0][1] - strip.viewRange()[0][0] <= 1.6 * (home[1] - home[0])
