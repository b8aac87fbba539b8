"""What a user of the main window expects of a collection's window too: tracks that
collapse, reorder and scroll; bands drawn and clickable; the display zone (opening in
UTC) with date-only events on the zone's days; the relative D-day axis; filters that
keep the view where it is."""


import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from tests.ui.collection_windows import shown_collection
from viewer.io.registry import read_timeline
from viewer.model.zones import timeline_on_local_days

BAND = "allied-resolve-2022"
DAY = 86400.0


@pytest.fixture
def window(qtbot, allied):
    return shown_collection(qtbot, allied)


def _lane_of(w, event_id):
    """The track label of the lane ``event_id`` is drawn in (after a paint)."""
    w.view.grab()
    cols = w.view.events_item.columns
    return w.view.track_axis.labels[int(cols.lane[cols.row_of(event_id)])].removeprefix("▾ ").removeprefix("▸ ")


def _track_row(w, track_id):
    return next(i for i in range(w.track_list.count())
                if w.track_list.item(i).data(Qt.ItemDataRole.UserRole) == track_id)


def test_a_track_collapses_from_its_label_and_the_list_says_so(window, qtbot, bundled_path):
    tl = read_timeline(bundled_path)
    uk = next(k for k, t in enumerate(tl.tracks) if t.id == "uk")
    before = window.view.layout_.lanes.height[uk]
    window.view.track_axis.sigToggleLane.emit(uk)  # a click on its ▾
    assert window.state.collapsed_tracks == {"uk"}
    lanes = window.view.layout_.lanes
    assert lanes.collapsed[uk] and lanes.height[uk] < before / 2
    assert window.track_list.item(_track_row(window, "uk")).text().startswith("▸ ")
    assert window.view.track_axis.text(uk).startswith("▸")
    menu = window.view.lane_menu(uk)
    assert [a.text() for a in menu.actions()][0] == "Expand track"
    menu.actions()[2].trigger()  # Expand all tracks
    assert window.state.collapsed_tracks == frozenset() and not window.view.layout_.lanes.collapsed.any()


def test_tracks_reorder_from_the_list_and_their_events_follow(window, qtbot, bundled_path):
    tl = read_timeline(bundled_path)
    first, second = tl.tracks[0], tl.tracks[1]
    event = next(e.id for e in tl.events if e.track == first.id)
    assert _lane_of(window, event) == first.label
    window.track_list.setCurrentRow(0)
    window.move_buttons[1].click()  # ▼ Down
    assert window.view.order[:2] == [1, 0]
    assert window.view.track_axis.text(0).endswith(second.label)
    assert window.wait_drawn(20.0)
    assert _lane_of(window, event) == first.label  # drawn in its track's lane, now the second
    cols = window.view.events_item.columns
    assert int(cols.lane[cols.row_of(event)]) == 1


def test_many_tracks_scroll_instead_of_shrinking(qtbot, tmp_path):
    from viewer.io.synthetic_store import write_synthetic_collection

    path = tmp_path / "twenty.parquet"
    write_synthetic_collection(str(path), 20_000)
    w = shown_collection(qtbot, path, size=(1366, 600))
    bar = w.view.scroll.bar
    assert bar.isVisible() and w.view.layout_.scrolls
    top, bottom = w.view._vb.viewRange()[1]
    assert bottom - top < 20  # not every lane on screen at once
    w.view.scroll.scroll_to_lane(19)
    top2, bottom2 = w.view._vb.viewRange()[1]
    assert top2 > top and bottom2 >= w.view.layout_.lanes.top[19] + w.view.layout_.lanes.height[19] - 1e-2


def test_bands_are_drawn_and_a_click_on_the_title_selects_one(window, qtbot, bundled_path):
    qtbot.waitUntil(lambda: bool(window.bands), timeout=10000)
    assert [b for b, _ in window.bands] == [e.id for e in read_timeline(bundled_path).bands()]
    window.view.set_window(1644192000.0, 1645833600.0)  # 7 to 26 Feb 2022
    assert window.wait_drawn(20.0)
    assert BAND in window.view.band_ids()
    window.view.grab()  # paint: the band's title tab is laid out
    tabs = window.view.bands_item._tabs
    assert tabs and tabs[0][1] == BAND
    centre = tabs[0][0].center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPointF(centre).toPoint())
    qtbot.waitUntil(lambda: window.selected == BAND, timeout=5000)
    qtbot.waitUntil(lambda: "Allied Resolve" in window.details.toPlainText(), timeout=5000)


def test_opens_in_utc_and_a_zone_moves_date_only_events_onto_its_days(window, qtbot, bundled_path):
    tl = read_timeline(bundled_path)
    assert tl.time_zone == "Europe/Minsk" and window.zone == "UTC"  # the file names a zone; the view opens in UTC
    assert "UTC" in window.zone_picker.currentText()
    window.view.set_window(1644192000.0, 1645833600.0)
    assert window.wait_drawn(20.0)
    event = "lavrov-lowest-level"  # 2022-02-10?: a date-only event
    cols = window.view.events_item.columns
    utc_x0 = cols.x0[cols.row_of(event)] + cols.origin_epoch_s
    assert utc_x0 == 1644451200.0  # 10 Feb 2022 00:00 UTC
    assert window.zone_picker.choose("Europe/Moscow")
    assert window.wait_drawn(20.0)
    cols = window.view.events_item.columns
    local_x0 = cols.x0[cols.row_of(event)] + cols.origin_epoch_s
    want = timeline_on_local_days(tl, "Europe/Moscow").columns
    assert local_x0 == utc_x0 - 3 * 3600 == want.x0[want.row_of(event)] + want.origin_epoch_s
    assert "Europe/Moscow" in window.view._axis.label.toPlainText()
    assert window.view.events_item.local_offset(1644451200.0) == 3 * 3600  # stack counts' times in the zone


def test_the_relative_axis_counts_days_from_a_band(window, qtbot):
    qtbot.waitUntil(lambda: bool(window.bands), timeout=10000)
    window._fill_dday_menu()
    texts = [a.text() for a in window.dday_menu.actions()]
    assert texts[0] == "Off" and any(t.startswith("From band Allied Resolve") for t in texts)
    window.set_dday(f"band:{BAND}")
    qtbot.waitUntil(lambda: window.dday is not None, timeout=10000)
    assert window.view._axis._dday == int(1644451200 // DAY)  # D-day = 10 Feb 2022
    assert "D-day" in window.view._axis.label.toPlainText()
    window.set_dday(None)
    assert window.view._axis._dday is None


def test_changing_the_filters_keeps_the_view_where_it_is(window, qtbot):
    window.view.set_window(1644192000.0, 1645833600.0)
    assert window.wait_drawn(20.0)
    before = window.view.window()
    window.track_list.item(_track_row(window, "uk")).setCheckState(Qt.CheckState.Unchecked)
    assert window.wait_drawn(20.0)
    assert np.allclose(window.view.window(), before)
    assert window.tracker.shown.request.t0 == pytest.approx(before[0])
    assert "United Kingdom" not in " ".join(window.view.track_axis.labels)  # its lane is gone


def test_selecting_an_event_in_a_collapsed_track_opens_it(window, qtbot):
    window.state.collapsed_tracks = {"uk"}
    window.select("truss-arrives-moscow")
    assert window.state.collapsed_tracks == frozenset()
    assert not window.view.layout_.lanes.collapsed.any()
