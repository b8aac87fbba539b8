"""A new track order (Filters tab) as a user meets it: the lanes are drawn in
that order, a click on a lane's place selects that lane's event, the overview,
the Events tab and an exported picture follow it; the timeline drawn is the
same (a track order permutes the lanes on screen, it derives nothing)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, Qt

from tests.ui.test_export_view import svg_texts
from viewer.model.calendar import epoch_from_civil
from viewer.model.filters import FilterState
from viewer.ui.event_list import ID_ROLE

REVERSED = ("uk", "normandy", "us", "nato", "russia", "exercise")  # the bundled file's tracks, bottom up


def _labels_top_down(view) -> list[str]:
    """The left axis' track labels as drawn, top to bottom (marks dropped)."""
    ticks = sorted(view.track_axis._tickLevels[0])
    return [text.split(" ", 1)[1] if text[:1] in "▸▾" else text for _y, text in ticks]


def _show_feb(w) -> None:
    o = w.view.timeline.columns.origin_epoch_s
    w.view.set_x_range(epoch_from_civil(2022, 2, 2) - o, epoch_from_civil(2022, 2, 22) - o)


def test_reordered_lanes_are_drawn_in_the_new_order_and_a_click_there_selects_that_lanes_event(make_window, qtbot):
    w = make_window((1600, 900))
    _show_feb(w)
    drawn = w.view.timeline
    file_order = [t.id for t in drawn.tracks]
    assert tuple(reversed(file_order)) == REVERSED
    label = {t.id: t.label for t in drawn.tracks}
    w.state.filters = dataclasses.replace(w.state.filters, track_order=REVERSED)
    assert not w.shown.deriving()  # nothing to derive: the same timeline, its lanes permuted
    assert w.view.timeline is drawn and w.shown.timeline is drawn
    assert w.view.lanes.track_ids == REVERSED
    assert _labels_top_down(w.view) == [label[t] for t in REVERSED]
    w.view.grab()
    frame = w.view.events_item._frame
    tops = [frame.lanes[drawn.track_index[t]][0] for t in REVERSED]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # lane by lane, top to bottom
    # the UK's event sits in the UK's new place (the top lane; the bottom one before), and a click there selects it
    pos = w.view.events_item.marker_position("truss-arrives-moscow")
    assert pos is not None
    top, bottom = frame.lanes[drawn.track_index["uk"]]
    assert top <= pos.y() <= bottom
    k = w.view.lanes.index("uk")
    assert k == 0 and w.view.lanes.lane_at(float(w.view.lanes.centre[k])) == drawn.track_index["uk"]
    scene = w.view.marker_scene_pos("truss-arrives-moscow")
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=w.view.mapFromScene(scene))
    assert w.state.selected == "truss-arrives-moscow"
    # the stripes alternate by place on screen, not by lane number
    assert frame.rank_of(drawn.track_index["normandy"]) == 1


def test_a_click_on_a_reordered_label_collapses_the_track_shown_there(make_window, qtbot):
    w = make_window((1600, 900))
    w.state.filters = FilterState(track_order=REVERSED)
    view = w.view
    axis = view.track_axis
    y = view._vb.mapViewToScene(QPointF(0, float(view.lanes.centre[0]))).y()  # the top lane: United Kingdom
    assert axis.lane_at(QPointF(axis.sceneBoundingRect().center().x(), y)) == 0
    view.toggle_lane(0)  # what a click on its ▾ does
    assert w.state.collapsed_tracks == {"uk"}
    assert bool(view.lanes.collapsed[0]) and view.lanes.track_ids[0] == "uk"
    assert _labels_top_down(view)[0] == "United Kingdom"


def test_the_overview_and_the_events_tab_follow_the_order(make_window, qtbot):
    w = make_window((1600, 900))
    w.state.filters = FilterState(track_order=REVERSED)
    tl = w.view.timeline
    # the overview: each track's bars at its place in the new order (y of a bar = place + 0.15)
    ys = set()
    for bar in w.overview._bars[:-1] if tl.columns.band_count else w.overview._bars:
        ys |= {round(float(y), 2) for y in bar.opts["y0"]}
    assert round(REVERSED.index("uk") + 0.15, 2) in ys
    uk_rows = tl.columns.block(tl.track_index["uk"])
    assert uk_rows[1] > uk_rows[0]
    # the Events tab sorted by track lists the tracks in the order shown
    table = w.event_list
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    model = table.model()
    ids = [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]
    tracks = [tl.event(i).track for i in ids if tl.event(i).track]
    places = [REVERSED.index(t) for t in tracks]
    assert places == sorted(places)
    w.state.filters = FilterState()  # back to the file's order: the sort follows
    ids = [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]
    lanes = [tl.track_index[tl.event(i).track] for i in ids if tl.event(i).track]
    assert lanes == sorted(lanes)


def test_an_exported_picture_follows_the_order_shown(make_window, tmp_path):
    w = make_window()
    w.state.filters = FilterState(track_order=REVERSED)
    _shown, options = w.files.current_view_picture((1200, 700))
    assert options.track_order == REVERSED
    out = tmp_path / "reordered.svg"
    assert w.files.export_current_view(str(out), size=(1200, 700))
    labels = [t.label for t in w.timeline.tracks]
    texts = [t for t in svg_texts(out) if t in labels]
    by_id = {t.id: t.label for t in w.timeline.tracks}
    want = [by_id[t] for t in REVERSED]
    assert texts[:6] == want  # the lanes' labels, top to bottom
    assert texts[6:12] == want  # the legend, in the same order


def test_the_filters_tab_lists_the_tracks_in_the_new_order_with_their_counts(make_window, qtbot):
    w = make_window((1600, 900))
    w.side_tabs.setCurrentWidget(w.filter_panel)  # the user opens the Filters tab
    panel = w.filter_panel
    before = {panel.tracks.item(i).data(Qt.ItemDataRole.UserRole + 1): panel.tracks.item(i).text()
              for i in range(panel.tracks.count())}
    w.state.filters = FilterState(track_order=REVERSED)  # e.g. a session restored, or the keyboard
    qtbot.wait(10)
    rows = [(panel.tracks.item(i).data(Qt.ItemDataRole.UserRole + 1), panel.tracks.item(i).text())
            for i in range(panel.tracks.count())]
    assert [tid for tid, _ in rows] == list(REVERSED)
    assert all(text == before[tid] for tid, text in rows)  # the same counts: nothing else changed
