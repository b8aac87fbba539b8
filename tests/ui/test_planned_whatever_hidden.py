"""A planned end is a property of the whole timeline: it stays hatched and tagged whatever the
user hides or filters out; the desk header counts the plans as a collection's does, and the
Events list marks an unreviewed draft as the collection's list does.

A tester hid the Exercise track (or unticked the tag of "Drills due to finish", the planned event
that announces the drills' end) and the band ran solid to 20 February, untagged: the announced end
drawn as fact."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from viewer.io import read_timeline
from viewer.model.timeline import EventKind
from viewer.ui.event_list import ID_ROLE

BAND = "allied-resolve-2022"
_VALUE = Qt.ItemDataRole.UserRole + 1  # the filter lists' value role


def _untick(lst, value) -> None:
    item = next(lst.item(i) for i in range(lst.count()) if lst.item(i).data(_VALUE) == value)
    item.setCheckState(Qt.CheckState.Unchecked)


def _band_drawn(w, qtbot):
    w.view.grab()
    return w.view.bands_item.drawn_planned


def test_hiding_the_announcing_track_keeps_the_band_hatched_and_tagged(qtbot, make_window):
    w = make_window((1366, 768))
    ((eid, known, end, words),) = _band_drawn(w, qtbot)
    w.side_tabs.setCurrentWidget(w.filter_panel)  # the user opens the Filters tab
    _untick(w.filter_panel.tracks, "exercise")  # and unticks the Exercise track
    assert "exercise" in w.state.filters.hidden_tracks
    assert not w.view.timeline.has_event("drills-end")  # the announcing event is not shown
    ((eid2, known2, end2, words2),) = _band_drawn(w, qtbot)  # was (): drawn solid to 20 Feb
    assert eid2 == BAND and words2 == words and words2.startswith("▨ planned")
    assert end2 - known2 > 100
    assert "hatched:\u00a0planned\u00a0end,\u00a0announced" in w.legend.text()
    assert "1 planned end" in w.header.text()


def test_filtering_out_the_announcing_event_keeps_the_band_hatched(qtbot, make_window):
    w = make_window((1366, 768))
    w.side_tabs.setCurrentWidget(w.filter_panel)
    for tag in ("scheduled", "military"):  # the tags of "Drills due to finish" (the band's: also "exercise")
        _untick(w.filter_panel.facet_lists["tags"], tag)
    assert not w.view.timeline.has_event("drills-end")
    ((eid, known, end, words),) = _band_drawn(w, qtbot)
    assert eid == BAND and end - known > 100 and words.startswith("▨ planned")


def test_a_span_announced_on_another_track_stays_hatched_when_that_track_is_hidden(qtbot, open_window,
                                                                                   bundled_path):
    tl = read_timeline(bundled_path)
    band = tl.event(BAND)
    span = dataclasses.replace(band, id="us-watch", title="US watch on the drills", kind=EventKind.SPAN,
                               track="us")  # its end announced by "Drills due to finish" (Exercise)
    tl = dataclasses.replace(tl, events=tl.events + (span,))
    w = open_window(tl, size=(1366, 768))
    w.view.grab()
    assert "us-watch" in [e[0] for e in w.view.events_item.drawn_planned]
    w.side_tabs.setCurrentWidget(w.filter_panel)
    _untick(w.filter_panel.tracks, "exercise")
    w.view.grab()
    assert "us-watch" in [e[0] for e in w.view.events_item.drawn_planned]  # was drawn solid, as fact


def test_desk_header_counts_planned_events_and_ends_as_a_collection_header_does(make_window):
    w = make_window((1920, 1080))
    assert w.header.text() == ("Allied Resolve-2022: Russia–Belarus drills and the diplomacy of the same days"
                               "  [4 planned · 1 planned end]")


def test_a_long_title_is_shortened_never_the_planned_note(make_window):
    w = make_window((1100, 700))
    text = w.header.text()
    assert text.endswith("…  [4 planned · 1 planned end]")
    assert w.header.fontMetrics().horizontalAdvance(text) <= w.header.width()
    assert "diplomacy of the same days" in w.header.toolTip()  # the whole title kept


def test_events_list_says_draft_before_an_unreviewed_draft(open_window, bundled_path):
    from viewer.model.records import Draft

    tl = read_timeline(bundled_path)
    drafted = dataclasses.replace(tl.event("truss-arrives-moscow"),
                                  draft=Draft(article="a.txt", sentence="Truss arrives."))
    tl = dataclasses.replace(tl, events=tuple(drafted if e.id == drafted.id else e for e in tl.events))
    w = open_window(tl, size=(1600, 900))
    m = w.event_list.model()
    titles = {m.data(m.index(r, 0), ID_ROLE): m.data(m.index(r, 2)) for r in range(m.rowCount())}
    assert titles["truss-arrives-moscow"] == "DRAFT: Truss arrives in Moscow"
    assert titles["lavrov-lowest-level"].startswith("Lavrov")
    assert "1 unreviewed draft · 4 planned · 1 planned end" in w.header.text()
