"""Search, event list, filters and time zones as a user drives them (pytest-qt, offscreen)."""

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from viewer.io import read_timeline
from viewer.model.calendar import civil_from_epoch, epoch_from_civil
from viewer.model.filters import FilterState
from viewer.ui.event_list import ID_ROLE, EventTableModel
from viewer.ui.filter_panel import FIRST_DATE, LAST_DATE

DATA = Path(__file__).resolve().parents[1] / "data"


def civil(epoch_s):
    c = civil_from_epoch(epoch_s)
    return c.year, c.month, c.day


@pytest.fixture
def window(make_window):
    return make_window((1700, 950))


def repaint(qtbot, w):
    w.view.viewport().repaint()
    qtbot.wait(20)


def list_ids(w):
    m = w.event_list.model()
    return [m.data(m.index(r, 0), ID_ROLE) for r in range(m.rowCount())]


# -- search ---------------------------------------------------------------------

def test_ctrl_f_typing_and_enter_step_through_matches(qtbot, window):
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.search_bar.field
    assert field.hasFocus()
    qtbot.keyClicks(field, "johnson")
    # both sort on 10 Feb ("on or after" for Poland): ties keep the article's order
    first, second = window.state.matches
    assert (first, second) == ("johnson-stoltenberg-brussels", "johnson-poland")
    assert list_ids(window) == [first, second]  # the list shows the matches
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.state.selected == first
    assert "1 of 2 matches" == window.search_bar.count.text()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.state.selected == second
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.state.selected == first
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.state.selected == second
    assert "Boris Johnson" in window.details.toPlainText()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert window.state.query == "" and len(list_ids(window)) == len(window.timeline.columns)


def test_non_matches_are_dimmed_while_searching(qtbot, window):
    repaint(qtbot, window)
    view = window.view
    track = window.timeline.tracks[window.timeline.track_index["normandy"]].color.lower()

    def colour(eid):
        img = view.grab().toImage()
        p = view.mapFromScene(view.marker_scene_pos(eid))
        return img.pixelColor(p.x(), p.y())

    assert colour("le-drian-good-sign").name() == track
    window.search_bar.field.setText("truss")
    repaint(qtbot, window)
    dimmed = colour("le-drian-good-sign")
    assert dimmed.name() != track and dimmed.lightness() > 200  # faded towards white
    hit = colour("truss-arrives-moscow")  # a filled marker (known to the day, not planned)
    uk = window.timeline.tracks[window.timeline.track_index["uk"]].color.lower()
    assert hit.name() == uk  # matches keep full colour
    assert "no match" in (window.search_bar.field.setText("zzzz") or window.search_bar.count.text())


# -- event list ----------------------------------------------------------------------

def test_event_table_model_passes_qtmodeltester(qtmodeltester, bundled_path):
    tl = read_timeline(bundled_path)
    model = EventTableModel(tl)
    qtmodeltester.check(model)
    assert model.rowCount() == len(tl.columns)
    model.set_events(tl, ["lavrov-lowest-level", "no-such-id"])
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.data(model.index(0, 2)) == "Lavrov: ties “at their lowest level in recent years” (?)"
    assert model.data(model.index(0, 3)) == 1


def test_selecting_in_the_list_selects_on_the_timeline_and_back(qtbot, window):
    table = window.event_list
    m = table.model()
    row = list_ids(window).index("truss-arrives-moscow")
    table.setFocus()
    table.setCurrentIndex(m.index(row, 2))
    assert window.state.selected == "truss-arrives-moscow"
    assert "Truss arrives in Moscow" in window.details.toPlainText()
    assert window.view.accessibleDescription() == (
        "Selected: Truss arrives in Moscow, Thu 10 Feb 2022 (to the day), track United Kingdom, 1 source")
    window.view.go_home()  # (the list panned the view to show Truss)
    repaint(qtbot, window)
    # and from the timeline: click the Lavrov marker, the list follows
    pos = window.view.mapFromScene(window.view.marker_scene_pos("lavrov-lowest-level"))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.state.selected == "lavrov-lowest-level"
    cur = table.currentIndex()
    assert m.data(m.index(cur.row(), 0), ID_ROLE) == "lavrov-lowest-level"


def test_list_sorts_by_date_sort_point_track_title_and_sources(qtbot, window):
    table = window.event_list
    ids = list_ids(window)
    points = [window.timeline.event(i).sort_point for i in ids]
    assert points == sorted(points)  # default: by date (earliest possible moment)
    assert ids[0] == "normandy-format-since-2014"
    table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    titles = [window.timeline.event(i).title.casefold() for i in list_ids(window)]
    assert titles == sorted(titles)
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    lanes = [window.timeline.track_index.get(window.timeline.event(i).track, -1) for i in list_ids(window)]
    assert lanes == sorted(lanes, reverse=True)


# -- filters ------------------------------------------------------------------------

def test_unchecking_a_track_hides_its_lane_and_keeps_a_visible_selection(qtbot, window):
    window.state.selected = "lavrov-lowest-level"
    window.side_tabs.setCurrentWidget(window.filter_panel)  # the user opens the Filters tab
    panel = window.filter_panel
    uk = next(panel.tracks.item(i) for i in range(panel.tracks.count())
              if panel.tracks.item(i).data(Qt.ItemDataRole.UserRole + 1) == "uk")
    uk.setCheckState(Qt.CheckState.Unchecked)
    assert "uk" in window.state.filters.hidden_tracks
    assert window.view.lanes.track_ids == ("exercise", "russia", "nato", "us", "normandy")
    assert window.state.selected == "lavrov-lowest-level"  # still shown: kept
    assert "truss-arrives-moscow" not in list_ids(window)
    left_ticks = [t for _, t in window.view.plotItem.getAxis("left")._tickLevels[0]]
    assert not any(t.endswith("United Kingdom") for t in left_ticks)
    window.state.filters = FilterState(hidden_tracks=frozenset({"uk", "russia"}))
    assert window.state.selected is None  # Lavrov's lane is gone: selection cleared
    assert "How to read it" in window.details.toPlainText()
    qtbot.wait(10)
    assert panel.summary.text().startswith("9 of 16")  # 16 - 3 UK - 4 Russia


def test_facet_checkboxes_filter_and_show_counts(qtbot, window):
    window.side_tabs.setCurrentWidget(window.filter_panel)  # the user opens the Filters tab
    panel = window.filter_panel
    tags = panel.facet_lists["tags"]
    texts = [tags.item(i).text() for i in range(tags.count())]
    assert any(t.startswith("scheduled  (4/4)") for t in texts)
    for i in range(tags.count()):
        if not tags.item(i).text().startswith("scheduled"):
            tags.item(i).setCheckState(Qt.CheckState.Unchecked)
    shown = {e.id for e in window.view.timeline.events}
    assert shown == {"drills-end", "berlin-advisers-meeting", "johnson-stoltenberg-brussels", "johnson-poland"}
    qtbot.wait(10)  # the panel refills after the signal
    assert panel.summary.text().startswith("4 of 16")
    panel.reset_button.click()
    assert window.state.filters == FilterState()
    assert len(window.view.timeline.events) == 16


def test_tracks_reorder_from_the_keyboard(qtbot, window):
    window.side_tabs.setCurrentWidget(window.filter_panel)  # the user opens the Filters tab
    lst = window.filter_panel.tracks
    lst.setFocus()
    lst.setCurrentRow(5)  # United Kingdom
    qtbot.keyClick(lst, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(lst, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.view.lanes.track_ids[3] == "uk"  # the order shown
    left_ticks = [t for _, t in window.view.plotItem.getAxis("left")._tickLevels[0]]
    assert left_ticks[3] == "▾ United Kingdom"  # expanded: ▾ mark


def test_date_range_defaults_to_the_timelines_days_and_its_fields_follow_the_checkbox(qtbot, window):
    window.side_tabs.setCurrentWidget(window.filter_panel)
    panel = window.filter_panel
    lo, hi = window.timeline.finite_extent()
    assert panel.range_from.date() == QDate(*civil(lo))
    assert panel.range_to.date() == QDate(*civil(hi - 1))
    assert not panel.range_from.isEnabled() and not panel.range_to.isEnabled()
    panel.range_on.setChecked(True)
    assert panel.range_from.isEnabled() and panel.range_to.isEnabled()
    assert len(window.shown.timeline.events) == len(window.timeline.events)
    panel.range_on.setChecked(False)
    assert not panel.range_to.isEnabled() and window.state.filters.date_range is None


def test_date_range_beyond_the_years_a_date_field_shows_is_open_on_that_side(qtbot, tmp_path):
    from viewer.ui.main_window import MainWindow

    path = str(DATA / "extreme_years.timeline.json")  # 44 BCE .. 12000 CE, 14 events
    w = MainWindow(read_timeline(path), read_timeline, path)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    w.side_tabs.setCurrentWidget(w.filter_panel)
    panel = w.filter_panel
    # the extent, clamped to what the fields can show
    assert (panel.range_from.date(), panel.range_to.date()) == (FIRST_DATE, LAST_DATE)
    assert panel.range_from.minimumDate() == FIRST_DATE and panel.range_to.maximumDate() == LAST_DATE
    panel.range_on.setChecked(True)
    assert w.state.filters.date_range == (-math.inf, math.inf)
    assert len(w.shown.timeline.events) == 14
    panel.range_from.setDate(QDate(2022, 2, 11))  # a start set by the user is a bound; the end stays open
    assert w.state.filters.date_range == (epoch_from_civil(2022, 2, 11), math.inf)
    shown = {e.id for e in w.shown.timeline.events}
    assert {"y12000", "ymax", "onafter", "open"} <= shown and not {"bce", "onbefore"} & shown
    panel.range_from.setDate(FIRST_DATE)  # back at its earliest: open again, 44 BCE is in
    panel.range_to.setDate(QDate(2021, 12, 31))
    assert w.state.filters.date_range == (-math.inf, epoch_from_civil(2022, 1, 1))
    assert {e.id for e in w.shown.timeline.events} == {"bce", "open", "onbefore", "bandopen"}
    qtbot.wait(10)  # the panel refills after the signal: the fields keep what was set
    assert (panel.range_from.date(), panel.range_to.date()) == (FIRST_DATE, QDate(2021, 12, 31))


# -- time zones -----------------------------------------------------------------------

def axis_texts(qtbot, window):
    window.view.grab()
    return [t for t, _ in window.view._axis.drawn_labels()]


def test_zone_picker_relabels_the_axis_and_details(qtbot, window):
    view = window.view
    view.set_x_range(-3 * 3600.0, 86400.0 + 3 * 3600.0)  # around Thu 10 Feb 2022
    assert "00:00" in axis_texts(qtbot, window)
    window.zone_picker.choose("Asia/Kathmandu")
    assert window.state.display_zone == "Asia/Kathmandu"
    texts = axis_texts(qtbot, window)
    assert "06:00" in texts
    assert (15 * 60.0, "06:00") in view._axis.tick_levels().minor  # 06:00 +05:45 is 00:15Z
    assert "Asia/Kathmandu" in view._axis.labelText
    window.state.selected = "drills-begin"
    details = window.details.toPlainText()
    assert "Asia/Kathmandu" in details
    assert "Thu 10 Feb 2022 (to the day)" in details  # a calendar day in every zone
    assert not window.zone_picker.choose("Mars/Olympus_Mons")
    assert window.state.display_zone == "Asia/Kathmandu"


def test_date_only_events_sit_on_the_display_zones_day(qtbot, window):
    cols = window.view.timeline.columns
    utc_x0 = cols.x0[cols.row_of("drills-begin")]
    window.zone_picker.choose("Europe/Minsk")
    cols = window.view.timeline.columns
    assert cols.x0[cols.row_of("drills-begin")] == utc_x0 - 3 * 3600
    window.zone_picker.choose("UTC")
    assert window.view.timeline is window.timeline


def test_a_selection_made_before_the_window_shows_is_a_whole_row_in_the_list(qtbot, bundled_path):
    """--select at start: the list row used to end as a 3-pixel sliver at the bottom."""
    from viewer.io import read_timeline
    from viewer.ui.main_window import MainWindow

    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.state.selected = "lavrov-lowest-level"
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(20)
    lst = w.event_list
    rect = lst.visualRect(lst.currentIndex())
    assert rect.top() >= 0 and rect.bottom() <= lst.viewport().height()


def test_header_clicks_sort_and_back_to_date_keeps_selection(qtbot, window):
    table = window.event_list
    by_date = list_ids(window)
    window.state.selected = "lavrov-lowest-level"
    head = table.horizontalHeader()

    def click(section):
        x = head.sectionViewportPosition(section) + head.sectionSize(section) // 2
        qtbot.mouseClick(head.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, head.height() // 2))

    click(2)  # by title
    titles = [window.timeline.event(i).title.casefold() for i in list_ids(window)]
    assert titles == sorted(titles) and list_ids(window) != by_date
    cur = table.currentIndex()
    assert table.model().data(cur, ID_ROLE) == "lavrov-lowest-level"
    click(0)  # back to date, ascending: the time order again
    if head.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        click(0)
    assert list_ids(window) == by_date
    assert table.model().data(table.currentIndex(), ID_ROLE) == "lavrov-lowest-level"
    # a search refills the list, still in time order
    window.state.query = "johnson"
    repaint(qtbot, window)
    ids = list_ids(window)
    points = [window.timeline.event(i).sort_point for i in ids]
    assert ids and points == sorted(points)


def test_the_date_column_writes_open_dates_as_signs_so_a_narrow_column_keeps_the_date(qapp, bundled_path):
    """"on or after Thu 10 Feb 2022" cut by a narrow column read "on or after Thu 10…": the
    column writes the relation as the timeline does (≥ / ≤) and the tooltip keeps the words."""
    tl = read_timeline(bundled_path)
    model = EventTableModel(tl)
    cells = {}
    for r in range(model.rowCount()):
        event_id = model.data(model.index(r, 0), ID_ROLE)
        cells[event_id] = (model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole),
                           model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole))
    shown, tip = cells["johnson-poland"]
    assert shown.removeprefix("due ").startswith("≥ Thu 10 Feb 2022") and "on or after Thu 10 Feb 2022" in tip
    shown, tip = cells["peskov-unprecedented-threats"]
    assert shown.startswith("≤ ") and tip.startswith("on or before")


def test_the_date_column_lists_a_planned_event_as_planned_never_as_a_fact(qapp, bundled_path):
    """'Drills due to finish' ("will finish on February 20") is drawn dashed on the timeline;
    its row in the Events tab says 'due' (its tooltip 'planned') too, and an event that happened does not."""
    tl = read_timeline(bundled_path)
    model = EventTableModel(tl)
    cells = {model.data(model.index(r, 0), ID_ROLE): (model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole),
                                                       model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole))
             for r in range(model.rowCount())}
    assert cells["drills-end"] == ("due Sun 20 Feb 2022", "planned, not a fact: Sun 20 Feb 2022 (to the day)")
    assert cells["truss-arrives-moscow"][0] == "Thu 10 Feb 2022"
    assert "planned" not in cells["truss-arrives-moscow"][1]
    assert {eid for eid, (text, _) in cells.items() if text.startswith("due ")} == {
        e.id for e in tl.events if tl.is_planned(e)}
