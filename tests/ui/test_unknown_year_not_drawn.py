"""The window does not draw an event whose year is unknown (``XXXX-06-10``) and says so: it drew
one at about year 5000 with a faint bar from year 1 to 9999, and the opening view ("fit
everything") spanned ten millennia with the real events piled up at its left (tester finding).
The event stays findable: listed with its date in words, searchable, selectable, and selecting
it shows its detail without moving the view."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.io.native import timeline_from_dict
from viewer.ui.event_list import ID_ROLE
from viewer.ui.overview import overview_bars

FIXTURE = Path(__file__).parents[1] / "data" / "unknown_year.timeline.json"
MAY_2023, JULY_2023 = 1682899200.0, 1688169600.0  # 1 May, 1 July 2023 UTC


def _open(open_window, qtbot):
    tl = timeline_from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))
    w = open_window(tl, size=(1366, 768))
    qtbot.wait(40)
    return w


def _epoch_range(w) -> tuple[float, float]:
    a, b = w.view.x_range()
    o = w.timeline.columns.origin_epoch_s
    return a + o, b + o


def test_the_opening_view_and_fit_all_show_the_dated_events_and_a_note_names_the_others(open_window, qtbot):
    w = _open(open_window, qtbot)
    a, b = _epoch_range(w)
    week = 7 * 86400.0
    assert MAY_2023 - week <= a < MAY_2023 + 2 * week and JULY_2023 - 3 * week < b <= JULY_2023 + week, (a, b)
    w.view.fit_all()
    assert (a, b) == _epoch_range(w)
    assert w.unplaced.isVisible()
    note = w.unplaced.text()
    assert "3 events with an unknown year are not drawn on the time axis (they are in the Events list; a " \
           "date range keeps only those with a known date inside it)" in note
    # (a date range filter leaves them out: the Filters tab counts them)
    assert "Union founded (10 June of an unknown year)" in note
    # the overview strip: no bar for them (a bar clipped to the strip's right edge before)
    lanes, bands = overview_bars(w.overview.timeline)
    assert sum(len(x0) for _c, x0, _w, _l in lanes) == 4 and (bands is None or not len(bands[0]))


def test_an_unknown_year_event_is_listed_searchable_and_selected_without_moving_the_view(open_window, qtbot):
    w = _open(open_window, qtbot)
    model = w.event_list.source_model
    row = model.row_of("founding")
    assert row is not None and model.data(model.index(row, 0)) == "10 June of an unknown year"
    before = w.view.x_range()
    w.event_list.setCurrentIndex(w.event_list.model().index(row, 0))  # a click on its row
    qtbot.wait(20)
    assert w.state.selected == "founding"
    assert w.view.x_range() == before  # not moved to year 5000
    text = w.details.toPlainText()
    assert "Union founded" in text and "10 June of an unknown year" in text
    assert "Not drawn on the time axis: its year is unknown" in text
    w.view.step(+1)  # ← / → from it: nothing to show on the axis, the view stays
    assert w.view.x_range() == before
    w.state.query = "union"
    qtbot.wait(20)
    listed = [w.event_list.model().data(w.event_list.model().index(r, 0), ID_ROLE)
              for r in range(w.event_list.model().rowCount())]
    assert listed == ["founding"]


def test_a_dated_file_shows_no_note(open_window, qtbot):
    tl = timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "Dated",
                             "tracks": [{"id": "t", "label": "T"}],
                             "events": [{"id": "a", "track": "t", "title": "A", "start": {"edtf": "2023-05-02"}}]})
    w = open_window(tl, size=(1366, 768))
    assert not w.unplaced.isVisible() and w.unplaced.text() == ""


def test_a_date_range_in_the_filters_tab_leaves_the_unknown_years_out_and_says_so(open_window, qtbot):
    """A date range kept them (their possible years 0..9999 meet every range); now it keeps only
    the dated events of the range, and the Filters tab says how many it left out."""
    import dataclasses

    w = _open(open_window, qtbot)
    w.side_tabs.setCurrentWidget(w.filter_panel)
    panel = w.filter_panel
    w.state.filters = dataclasses.replace(w.state.filters, date_range=(MAY_2023, JULY_2023))
    qtbot.wait(40)
    model = w.event_list.source_model
    assert model.row_of("founding") is None and model.row_of("walkout") is not None
    panel.fill()
    assert panel.summary.text() == ("4 of 7 events shown (filtered); the date range leaves out 3 events "
                                    "whose year is unknown")
    w.state.filters = dataclasses.replace(w.state.filters, date_range=None)
    qtbot.wait(40)
    panel.fill()
    assert model.row_of("founding") is not None and "unknown" not in panel.summary.text()
