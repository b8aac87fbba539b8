"""The main window with more tracks than fit (20 tracks at 1366x768): the lanes scroll, and the
last one on screen was cut by the time axis, drawn half under it with its name centred on the
cut.  As in a collection's window (lane_layout.LaneLayout, shared), the view now ends on a lane's
bottom edge: at the top of the scroll, after a scroll step and at the end."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from tests.ui.lanes_on_screen import lanes_on_screen
from viewer.io.native import timeline_from_dict


def _twenty_tracks():
    tracks = [{"id": f"t{k}", "label": f"Track {k}"} for k in range(20)]
    events = [{"id": f"e{k}-{i}", "track": f"t{k}", "title": f"Report {i}", "start": f"2022-{1 + i:02d}-15"}
              for k in range(20) for i in range(3)]
    return timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "Twenty",
                               "tracks": tracks, "events": events})


def _lanes_on_screen(w):
    """(top, bottom) pixels in the view box of each lane with a pixel on screen, and the box's height."""
    return lanes_on_screen(w.view._vb, w.view.lanes)


def _assert_whole(w):
    on_screen, height = _lanes_on_screen(w)
    assert len(on_screen) >= 5
    assert on_screen[-1][1] <= height + 0.5, (on_screen[-1], height)  # the last one ends at the axis
    assert on_screen[0][0] >= -0.5, on_screen[0]
    for p0, p1 in on_screen:  # none lower than one line of labelled events
        assert p1 - p0 >= w.view.line_lane_px() - 0.5, (p0, p1)
    return on_screen


def test_the_main_windows_lanes_on_screen_are_whole_as_they_scroll(qtbot, open_window):
    w = open_window(_twenty_tracks(), size=(1366, 768))
    view = w.view
    assert view.vscroll.isVisible()
    _assert_whole(w)
    view.vscroll.setValue(view.vscroll.value() + view.vscroll.singleStep())
    qtbot.wait(20)
    _assert_whole(w)
    view.vscroll.setValue(view.vscroll.value() + view.vscroll.singleStep() // 3)  # a wheel's part of a lane
    qtbot.wait(20)
    _assert_whole(w)
    view.scroll_to_lane(19)
    qtbot.wait(20)
    last = _assert_whole(w)
    bottom = view._vb.mapFromView(QPointF(0, view.lanes.top[19] + view.lanes.height[19])).y()
    assert abs(last[-1][1] - bottom) < 1  # the last lane, whole, at the bottom
    view.scroll_to_lane(0)
    qtbot.wait(20)
    first = _assert_whole(w)
    assert abs(first[0][0] - view._vb.mapFromView(QPointF(0, view.lanes.top[0])).y()) < 1
