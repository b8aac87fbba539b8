"""A new user's report on a collection's window at 1366x768 with more tracks than fit: the track
scroll bar lay over the right edge of the plot, so the time axis' year at that edge read "202"
and a strip's stack label "13 on Sun 27 Nov 202" (the main window's timeline had this fixed: its
plot ends at the bar's left edge while the bar shows).  Now the collection's plot does the same,
so every axis label and stack label placed to fit the plot is whole and left of the bar."""

from __future__ import annotations

import pytest

from tests.ui.collection_windows import shown_collection

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def twenty(tmp_path_factory):
    from viewer.io.synthetic_store import write_synthetic_collection

    path = tmp_path_factory.mktemp("clear") / "twenty.parquet"
    write_synthetic_collection(str(path), 20_000)
    return path


#: pixels: a label ending exactly at the bar's edge may sum to 924.0000000000001
EPS = 1e-6


def _right_in_view(view, item, rect):
    """The right edge of ``rect`` (in ``item``'s coordinates) in the view widget's pixels."""
    return view.mapFromScene(item.mapRectToScene(rect).topRight()).x()


def test_axis_and_stack_labels_end_left_of_the_scroll_bar(qtbot, twenty):
    w = shown_collection(qtbot, twenty, size=(1366, 768))
    view = w.view
    view.show_extent(*w.store.extent())
    assert w.wait_drawn(20.0)
    assert view.scroll.bar.isVisible()
    qtbot.waitUntil(lambda: (view.events_item.update(), len(view.events_item.drawn_stack_rects) >= 1)[1],
                    timeout=10000)
    view.viewport().repaint()
    bar_left = view.scroll.bar.geometry().left()
    axis = view._axis
    labels = axis.drawn_labels()
    assert any(t == "2023" for t, _ in labels), labels  # the year at the right edge is drawn (whole)
    for text, rect in labels:
        assert _right_in_view(view, axis, rect) <= bar_left + EPS, (text, _right_in_view(view, axis, rect), bar_left)
    stacks = view.events_item.drawn_stack_rects
    assert any("Nov 2022" in t or "Dec 2022" in t for t, _ in stacks), stacks
    for text, rect in stacks:
        # the layer paints in the view's pixels (the painter's transform reset)
        assert rect.right() <= bar_left + EPS, (text, rect.right(), bar_left)


@pytest.mark.parametrize("room_px", [20, 35, 50, 65])
def test_the_year_at_the_right_edge_is_whole_or_not_drawn(qtbot, twenty, room_px):
    """1 Jan 2023 ``room_px`` pixels from the plot's right edge: "2023" is drawn left of the bar or not at all."""
    from viewer.model.calendar import epoch_from_civil

    w = shown_collection(qtbot, twenty, size=(1366, 768))
    view = w.view
    assert view.scroll.bar.isVisible()
    width = view._axis.boundingRect().width()
    span = 300 * 86400.0
    year = epoch_from_civil(2023, 1, 1)
    t1 = year + span * room_px / width
    view.set_window(t1 - span, t1)
    assert w.wait_drawn(20.0)
    view.viewport().repaint()
    bar_left = view.scroll.bar.geometry().left()
    axis = view._axis
    for text, rect in axis.drawn_labels():
        assert _right_in_view(view, axis, rect) <= bar_left + EPS, (text, _right_in_view(view, axis, rect), bar_left)
