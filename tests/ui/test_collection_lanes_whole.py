"""A collection's window with more tracks than fit (1366x768): the lanes scroll, and the last one
on screen used to be cut by the time axis, drawn half under it with its name centred on the cut
(breakit3).  Now the view ends on a lane's bottom edge, at the top of the scroll, after a scroll
step and at the end; the status line counts only the strips on screen."""

from __future__ import annotations

import re

import pytest

from tests.ui.collection_windows import shown_collection
from tests.ui.lanes_on_screen import lanes_on_screen


@pytest.fixture(scope="module")
def twenty(tmp_path_factory):
    from viewer.io.synthetic_store import write_synthetic_collection

    path = tmp_path_factory.mktemp("lanes") / "twenty.parquet"
    write_synthetic_collection(str(path), 20_000)
    return path


def _lanes_on_screen(w):
    """(top, bottom) pixels in the view box of each lane with a pixel on screen, and the box's height."""
    return lanes_on_screen(w.view._vb, w.view.layout_.lanes)


def _pt(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def _assert_whole(w):
    on_screen, height = _lanes_on_screen(w)
    assert len(on_screen) >= 5
    assert on_screen[-1][1] <= height + 0.5, (on_screen[-1], height)  # the last one ends at the axis
    assert on_screen[0][0] >= -0.5, on_screen[0]
    return on_screen


def test_the_lanes_on_screen_are_whole_as_they_scroll(qtbot, twenty):
    w = shown_collection(qtbot, twenty, size=(1366, 768))
    assert w.view.layout_.scrolls and w.view.scroll.bar.isVisible()
    first = _assert_whole(w)
    found = re.search(r"(\d+) tracks? as density strips", w.statusBar().currentMessage())
    assert found and int(found.group(1)) == len(first)  # the strips counted are those on screen
    w.view.scroll.scroll_by(1)
    qtbot.wait(20)
    _assert_whole(w)
    w.view.scroll.scroll_to_lane(19)
    qtbot.wait(20)
    last = _assert_whole(w)
    lanes = w.view.layout_.lanes
    bottom = w.view._vb.mapFromView(_pt(0, lanes.top[19] + lanes.height[19])).y()
    assert abs(last[-1][1] - bottom) < 1  # the last lane, whole, at the bottom
    # no lane is drawn lower than one line of labelled events
    for p0, p1 in last:
        assert p1 - p0 >= w.view.layout_.lane_px * min(lanes.height) - 0.5
