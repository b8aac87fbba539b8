"""The Events tab keeps the texts of the rows it has shown (per timeline and
zone, by event id): what it lists must still be what a fresh list would show
after a filter swap, a zone switch, a search, an edit, and with the tab hidden."""

import dataclasses

import pytest
from PySide6.QtCore import Qt

from viewer.io import read_timeline
from viewer.model.kept import kept_values
from viewer.ui.event_list import ID_ROLE, EventTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


def cells(model):
    """{event id: (date, track, title, sources)} as the model answers now."""
    return {model.data(model.index(r, 0), ID_ROLE): tuple(model.data(model.index(r, c), DISPLAY) for c in range(4))
            for r in range(model.rowCount())}


def fresh(w):
    """What a new model of the shown timeline (nothing kept) lists, in the window's zone and search."""
    st = w.state
    m = EventTableModel(w.shown.timeline, tuple(st.matches) if st.query.strip() else None, st.display_zone)
    m.set_track_order(st.filters.track_order)
    return cells(m)


def shown_rows(qtbot, w):
    w.event_list.viewport().repaint()  # the rows on screen: their texts kept
    qtbot.wait(10)
    return cells(w.event_list.source_model)


def test_a_filter_swap_lists_the_new_rows_with_their_own_texts(qtbot, window):
    w = window
    before = shown_rows(qtbot, w)
    assert before == fresh(w)
    track = w.timeline.tracks[0].id
    w.state.filters = w.state.filters.with_track_hidden(track, True)
    qtbot.waitUntil(lambda: not w.shown.deriving())
    after = shown_rows(qtbot, w)
    assert after == fresh(w) and len(after) < len(before)
    assert all(w.timeline.event(e).track != track for e in after)
    w.state.filters = w.state.filters.with_track_hidden(track, False)  # shown again: the first timeline's texts
    qtbot.waitUntil(lambda: not w.shown.deriving())
    assert shown_rows(qtbot, w) == before


def test_a_zone_switch_rewrites_the_dates_and_back(qtbot, window):
    w = window
    utc = shown_rows(qtbot, w)
    w.state.display_zone = "Asia/Kathmandu"
    qtbot.waitUntil(lambda: not w.shown.deriving())
    there = shown_rows(qtbot, w)
    assert there == fresh(w)
    w.state.display_zone = "UTC"
    qtbot.waitUntil(lambda: not w.shown.deriving())
    assert shown_rows(qtbot, w) == utc == fresh(w)


def test_a_search_lists_its_matches_then_all_rows_again(qtbot, window):
    w = window
    everything = shown_rows(qtbot, w)
    w.state.query = "johnson"
    found = shown_rows(qtbot, w)
    assert set(found) == set(w.state.matches) and found == fresh(w)
    assert all(everything[e] == found[e] for e in found)
    w.state.query = ""
    assert shown_rows(qtbot, w) == everything


def test_an_edit_updates_the_listed_texts(qtbot, window):
    from viewer.model import commands as C
    from viewer.model.dates import EventDate

    w = window
    eid = "truss-arrives-moscow"
    model = w.event_list.source_model
    w.state.selected = eid  # its row on screen: its texts kept
    old = shown_rows(qtbot, w)[eid]
    ev = w.timeline.event(eid)
    w.authoring.push(C.UpdateEvent(eid, dataclasses.replace(ev, title="Truss lands in Moscow"), "Rename"))
    w.authoring.push(C.move_event(w.timeline.event(eid), EventDate("2022-02-13")))
    qtbot.waitUntil(lambda: not w.shown.deriving())
    qtbot.waitUntil(lambda: not w.event_list.settle_timer.isActive())
    now = shown_rows(qtbot, w)
    assert now[eid][2] == "Truss lands in Moscow" and now[eid][0].endswith("Sun 13 Feb 2022") and now[eid][0] != old[0]
    assert now == fresh(w)
    assert model.data(model.index(model.row_of(eid), 2), DISPLAY) == "Truss lands in Moscow"


def test_a_hidden_tab_catches_up_when_shown(qtbot, window):
    w = window
    w.side_tabs.setCurrentIndex(1)  # the Filters tab: the Events tab is hidden
    assert not w.event_list.isVisible()
    w.state.filters = w.state.filters.with_track_hidden(w.timeline.tracks[0].id, True)
    w.state.display_zone = "Europe/Berlin"
    qtbot.waitUntil(lambda: not w.shown.deriving())
    w.side_tabs.setCurrentWidget(w.event_list)
    qtbot.waitUntil(w.event_list.isVisible)
    assert shown_rows(qtbot, w) == fresh(w)


def test_more_rows_than_kept_still_list_their_own_texts(qapp, bundled_path, monkeypatch):
    monkeypatch.setattr(EventTableModel, "MEMO_ROWS", 3)
    tl = read_timeline(bundled_path)
    model = EventTableModel(tl)
    first = cells(model)
    assert first == cells(model) == cells(EventTableModel(tl))
    assert all(len(texts) <= 3 for t in model._memo for name, (_key, texts) in kept_values(t).items()
               if name[0] == "event rows")


def test_the_model_passes_qts_checks_and_answers_only_its_roles(qtmodeltester, qapp, bundled_path):
    tl = read_timeline(bundled_path)
    model = EventTableModel(tl)
    qtmodeltester.check(model)
    idx = model.index(0, 0)
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                 Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.SizeHintRole):
        assert model.data(idx, role) is None
    assert model.data(model.index(0, 3), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole) is None
