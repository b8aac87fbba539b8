"""Moving an event far outside the timeline's range (an edit) widens where the view may go, so
Home and panning reach it; undoing the move narrows it again."""

from __future__ import annotations

from viewer.io.native import timeline_from_dict
from viewer.model import commands as C
from viewer.model.dates import EventDate


def _february():
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "February",
        "tracks": [{"id": "t", "label": "Track"}],
        "events": [{"id": f"e{i}", "track": "t", "title": f"Event {i}", "start": {"edtf": f"2022-02-1{i}"}}
                   for i in range(5)]})


def _seen(w, eid: str) -> bool:
    a, b = w.view.x_range()
    x = w.view.timeline.columns.x0[w.view.timeline.columns.row_of(eid)]
    return a <= x <= b


def test_an_event_moved_years_away_is_reached_by_home_and_panning_and_undo_narrows_again(open_window, qtbot):
    w = open_window(_february(), size=(1366, 768))
    w.view.fit_all()
    before = w.view.limits
    w.authoring.push(C.move_event(w.timeline.event("e0"), EventDate("1990-06-01")))
    qtbot.waitUntil(lambda: not w.shown.deriving() and w.view.timeline.event("e0").start.edtf == "1990-06-01")
    w.view.fit_all()  # Home / double-click: everything
    assert _seen(w, "e0") and _seen(w, "e4")
    o = w.view.timeline.columns.x0[w.view.timeline.columns.row_of("e0")]
    w.view.set_x_range(o - 86400 * 5, o + 86400 * 5)  # panned there
    assert _seen(w, "e0")
    qtbot.waitUntil(lambda: w.overview.timeline is w.shown.timeline)  # the strip follows once edits pause
    assert w.overview.limits.x_min <= o
    w.authoring.undo_action.trigger()
    qtbot.waitUntil(lambda: not w.shown.deriving() and w.view.timeline.event("e0").start.edtf == "2022-02-10")
    assert w.view.limits == before  # back to February: no empty decades to pan through
    w.view.fit_all()
    assert _seen(w, "e0") and w.view.x_range()[1] - w.view.x_range()[0] < 86400 * 30
