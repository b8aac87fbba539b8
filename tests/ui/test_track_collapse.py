"""Track collapse in the window: lanes from one geometry, label marks, hit test, selection."""

from PySide6.QtCore import QPointF, Qt

from viewer.graphics.track_axis import COLLAPSED_MARK, EXPANDED_MARK
from viewer.model.calendar import epoch_from_civil


def _show_feb(w):
    o = w.view.timeline.columns.origin_epoch_s
    w.view.set_x_range(epoch_from_civil(2022, 2, 2) - o, epoch_from_civil(2022, 2, 22) - o)


def test_collapsing_a_track_makes_a_labelled_strip_and_moves_lanes_below(make_window, qtbot):
    w = make_window((1600, 900))
    view = w.view
    before = view.lanes
    w.state.set_track_collapsed("russia", True)
    qtbot.wait(30)
    lanes = view.lanes
    i = lanes.index("russia")
    strip_px = lanes.height[i] * view._vb.height() / (view._vb.viewRange()[1][1] - view._vb.viewRange()[1][0])
    assert 18 <= strip_px <= 40
    assert lanes.top[i + 1] < before.top[i + 1]
    assert lanes is view.events_item.lanes  # the event layer draws the same lanes
    ticks = dict((text, y) for y, text in view.track_axis._tickLevels[0])
    assert ticks[f"{COLLAPSED_MARK} Russia / Kremlin"] == lanes.centre[i]
    assert f"{EXPANDED_MARK} NATO" in ticks


def test_events_in_a_strip_are_drawn_without_labels_and_can_be_hit(make_window, qtbot):
    w = make_window((1600, 900))
    _show_feb(w)
    w.state.set_track_collapsed("uk", True)
    w.view.grab()
    lanes = w.view.lanes
    pos = w.view.events_item.marker_position("truss-arrives-moscow")
    assert pos is not None
    frame = w.view.events_item._frame
    top, bottom = frame.lanes[lanes.index("uk")]
    assert top <= pos.y() <= bottom
    rows = frame.hit["row"]
    uk = w.view.timeline.track_index["uk"]
    in_uk = w.view.timeline.columns.lane[rows] == uk
    assert in_uk.any() and (frame.hit["label_w"][in_uk] == 0).all()
    assert w.view.events_item.event_at(pos) is not None


def test_selecting_an_event_in_a_collapsed_lane_expands_it(make_window, qtbot):
    w = make_window((1600, 900))
    w.state.collapsed_tracks = {"uk", "nato"}
    w.state.selected = "truss-arrives-moscow"  # e.g. from the event list or a search
    assert w.state.collapsed_tracks == {"nato"}
    # collapsing the selected event's lane afterwards keeps the selection
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_C)
    assert w.state.collapsed_tracks == {"nato", "uk"}
    assert w.state.selected == "truss-arrives-moscow"
    qtbot.keyClick(w.view, Qt.Key.Key_C)
    assert w.state.collapsed_tracks == {"nato"}


def test_label_clicks_and_context_menu(make_window, qtbot):
    w = make_window((1600, 900))
    view = w.view
    axis = view.track_axis
    i = view.lanes.index("nato")
    view.toggle_lane(i)  # what a click on ▾ or a double-click on the label does
    assert w.state.collapsed_tracks == {"nato"}
    y = view._vb.mapViewToScene(QPointF(0, float(view.lanes.centre[i]))).y()
    assert axis.lane_at(QPointF(axis.sceneBoundingRect().center().x(), y)) == i
    # the mark is at the start of the right-aligned label
    rect = axis.sceneBoundingRect()
    assert not axis.on_mark(QPointF(rect.right() - 3, y), i)
    menu = view.lane_menu(i)
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Expand track", "Collapse all others", "Expand all tracks"]
    menu.actions()[1].trigger()
    assert w.state.collapsed_tracks == set(view.lanes.track_ids) - {"nato"}
    menu = view.lane_menu(i)
    menu.actions()[2].trigger()
    assert w.state.collapsed_tracks == frozenset()


def test_collapse_survives_filters_and_hidden_tracks(make_window, qtbot):
    from viewer.model.filters import FilterState

    w = make_window((1600, 900))
    w.state.collapsed_tracks = {"us"}
    w.state.filters = FilterState(hidden_tracks=frozenset({"russia"}))
    qtbot.wait(20)
    assert "russia" not in w.view.lanes.track_ids
    assert w.view.lanes.collapsed[w.view.lanes.index("us")]
    assert len(w.view.events_item.lanes) == w.view.events_item.columns.n_lanes


def test_filters_tab_collapses_with_c_and_menu(make_window, qtbot):
    w = make_window((1600, 900))
    panel = w.filter_panel
    panel.fill()
    lst = panel.tracks
    row = next(i for i in range(lst.count()) if lst.item(i).data(Qt.ItemDataRole.UserRole + 1) == "nato")
    lst.setCurrentRow(row)
    filters = w.state.filters
    qtbot.keyClick(lst, Qt.Key.Key_C)
    assert w.state.collapsed_tracks == {"nato"}
    assert lst.item(row).text().startswith("▸ NATO")
    assert w.state.filters == filters  # collapsing is not filtering
    menu = panel.track_menu(row)
    assert menu.actions()[0].text() == "Expand track"
    menu.actions()[0].trigger()
    assert w.state.collapsed_tracks == frozenset()
    assert lst.item(row).text().startswith("NATO")


def test_every_track_label_fits_its_axis_with_its_mark(make_window, qtbot):
    from PySide6.QtGui import QFontMetricsF

    w = make_window((1920, 1080))
    w.state.collapsed_tracks = {"us", "normandy"}  # ▸ is wider than ▾; adjacent strips
    axis = w.view.track_axis
    fm = QFontMetricsF(axis.style["tickFont"])
    for i in range(len(w.view.lanes)):
        # pyqtgraph silently drops a label wider than its axis
        assert fm.horizontalAdvance(axis.text(i)) + axis.style["tickTextOffset"][0] <= axis.width()


def test_a_click_on_the_mark_is_recognised(make_window, qtbot):
    from PySide6.QtGui import QFontMetricsF

    w = make_window((1600, 900))
    axis = w.view.track_axis
    i = w.view.lanes.index("uk")
    y = w.view._vb.mapViewToScene(QPointF(0, float(w.view.lanes.centre[i]))).y()
    fm = QFontMetricsF(axis.style["tickFont"])
    right = axis.sceneBoundingRect().right() - axis.style["tickTextOffset"][0]
    start = right - fm.horizontalAdvance(axis.text(i))
    assert axis.on_mark(QPointF(start + 3, y), i)
    assert not axis.on_mark(QPointF(start + fm.horizontalAdvance(axis.text(i)) / 2, y), i)


def test_picture_export_draws_the_same_strips(qapp, tmp_path):
    from viewer.app import bundled_timeline_path
    from viewer.io import read_timeline
    from viewer.ui.export import PictureOptions, export_picture

    out = tmp_path / "p.png"
    export_picture(read_timeline(bundled_timeline_path()), out,
                   PictureOptions(size=(1200, 700), collapsed_tracks=frozenset({"russia", "us"})))
    assert out.stat().st_size > 0


def test_markers_of_a_collapsed_strip_sit_on_its_middle(qtbot, make_window):
    """The bottom strip's markers used to sit below its middle, on the axis line."""
    w = make_window((1600, 900))
    for t in ("uk", "us"):
        w.state.set_track_collapsed(t, True)
    w.view.grab()
    frame = w.view.events_item._frame
    for lane in (w.view.lanes.index("us"), w.view.lanes.index("uk")):
        top, bottom = frame.lanes[lane]
        ys = frame.hit["y"][frame.hit["lane"] == lane]
        assert len(ys) and all(abs(y - (top + bottom) / 2) < 0.5 for y in ys), (lane, top, bottom, ys)
