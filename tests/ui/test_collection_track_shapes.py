"""A new user's report: in a collection's window, tracks that share a colour (track 1 and 9, 2 and
10, … with the eight-colour palette) looked alike, markers and names, where the main window draws
the second one's points as circles and names it "● Track 9".  The collection window now follows
the main window's rule (:attr:`Timeline.track_shapes`): same markers, same names, by the track
(a reorder moves the lane, not its shape)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from viewer.io.registry import write_timeline
from viewer.model.dates import EventDate
from viewer.model.records import TRACK_PALETTE
from viewer.model.timeline import Event, Timeline, Track

from .collection_windows import shown_collection

pytest.importorskip("duckdb")

N = len(TRACK_PALETTE)  # track N is the first whose colour repeats (track 0's)


@pytest.fixture
def wrapped(tmp_path):
    """N + 2 uncoloured tracks, one event each on 10 Feb 2022."""
    tracks = tuple(Track(f"t{i}", f"Track {i}") for i in range(N + 2))
    events = tuple(Event(f"e{i}", f"Event {i}", EventDate("2022-02-10"), f"t{i}") for i in range(N + 2))
    path = tmp_path / "wrapped.parquet"
    assert write_timeline(Timeline("Wrapped", tracks=tracks, events=events), path) == []
    return path


def _marker_mask(img: QImage, x: float, y: float, colour: str, r: int = 10) -> np.ndarray:
    c = QColor(colour)
    out = np.zeros((2 * r + 1, 2 * r + 1), bool)
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            p = img.pixelColor(int(x) + dx, int(y) + dy)
            out[dy + r, dx + r] = abs(p.red() - c.red()) + abs(p.green() - c.green()) + abs(p.blue() - c.blue()) < 60
    return out


def test_a_track_whose_colour_repeats_is_named_and_drawn_with_its_own_shape(qtbot, wrapped):
    w = shown_collection(qtbot, wrapped, size=(1366, 768))
    view = w.view
    labels = view.track_axis.labels
    assert labels[0] == "Track 0" and labels[1] == "Track 1"  # a colour of their own: no shape needed
    assert labels[N] == f"● Track {N}" and labels[N + 1] == f"● Track {N + 1}", labels  # gold / blue again
    qtbot.waitUntil(lambda: view.events_item.marker_position(f"e{N}") is not None, timeout=5000)
    img = view.grab().toImage()
    item = view.events_item
    p0, pn = item.marker_position("e0"), item.marker_position(f"e{N}")
    assert p0 is not None and pn is not None
    gold = w.timeline.track_colours[0]
    assert w.timeline.track_colours[N] == gold
    m0 = _marker_mask(img, p0.x(), p0.y(), gold)
    mn = _marker_mask(img, pn.x(), pn.y(), gold)
    assert m0.sum() > 20 and mn.sum() > 20  # both drawn in gold ...
    assert (m0 != mn).sum() > 15  # ... as a diamond and a circle


def test_a_reordered_track_keeps_its_shape(qtbot, wrapped):
    w = shown_collection(qtbot, wrapped, size=(1366, 768))
    order = [N, *range(N), N + 1]  # track N moved to the top
    w.view.set_tracks(order, frozenset())
    assert w.wait_drawn(20.0)
    labels = w.view.track_axis.labels
    assert labels[0] == f"● Track {N}" and labels[1] == "Track 0", labels
    assert w.view.events_item._track_shape(0) == "circle" and w.view.events_item._track_shape(1) == "diamond"


def test_the_overview_names_a_row_of_a_repeated_colour_with_its_shape(qtbot, wrapped):
    """The overview's rows are thin lines of the tracks' colours (no room for markers): hovering a
    row names its track as the lanes do, so track 0's gold row and track N's are told apart."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    w = shown_collection(qtbot, wrapped, size=(1366, 768))
    ov = w.overview
    assert ov.row_tip(0.5) == "Track 0"
    assert ov.row_tip(N + 0.5) == f"● Track {N}"
    assert ov.row_tip(N + 2.5) == ""  # below the last row
    vb = ov.getViewBox()
    x = sum(ov.shown_range) / 2
    at = ov.mapFromScene(vb.mapViewToScene(QPointF(x, N + 0.5)))
    ev = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(at), QPointF(ov.mapToGlobal(QPoint(at))),
                     Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    ov.mouseMoveEvent(ev)
    assert f"● Track {N}" in ov.toolTip(), ov.toolTip()


def test_the_events_tab_names_the_track_as_the_lanes_do(qtbot, wrapped):
    w = shown_collection(qtbot, wrapped, size=(1366, 768))
    qtbot.waitUntil(lambda: w.list.rowCount() == N + 2, timeout=10000)
    track_of = {w.list.item(r, 2).text(): w.list.item(r, 1).text() for r in range(w.list.rowCount())}
    assert track_of["Event 0"] == "Track 0" and track_of[f"Event {N}"] == f"● Track {N}", track_of
