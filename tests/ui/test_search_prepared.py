"""Issue 12, the first keystroke: the warm-up that answers the typed query while
the user types also finds the matching rows of the timeline on screen and
their ids in time order, so when the typing pauses the GUI thread shows them
without making them; after a swap (a filter) or an edit they are made afresh
for what is then on screen, and the window shows the search's matches."""

import threading

import numpy as np

from tests.ui.test_instant import idle
from viewer.model import commands as C
from viewer.model.dates import EventDate
from viewer.model.search import search
from viewer.ui import shown as shown_mod


def _made_on_gui(monkeypatch) -> list[int]:
    calls = [0]
    real = shown_mod.matches_of

    def counted(columns, rows):
        calls[0] += threading.current_thread() is threading.main_thread()
        return real(columns, rows)

    monkeypatch.setattr(shown_mod, "matches_of", counted)
    return calls


def _type(qtbot, w, text):
    bar = w.search_bar
    bar.debounce.setInterval(600_000)  # the pause comes when the test says
    bar.field.setText(text)
    qtbot.waitUntil(lambda: not w.shown.jobs.pending(), timeout=20000)
    assert w.state.query != text  # nothing shown before the pause
    bar.debounce.setInterval(0)
    bar.debounce.start()
    idle(qtbot, w)
    assert w.state.query == text


def _shows_the_search(w, timeline, text):
    expected = search(timeline, text)
    assert tuple(w.state.matches) == expected
    assert w.search_bar.count.text() == f"{len(expected)} matches"
    assert np.count_nonzero(w.view.events_item.emphasis) == len(expected)
    listed = w.event_list.model()
    assert listed.rowCount() == len(expected)


def test_the_typed_querys_matches_are_made_while_typing(big_window, qtbot, monkeypatch):
    w, tl = big_window
    idle(qtbot, w)
    made = _made_on_gui(monkeypatch)
    _type(qtbot, w, "ing")
    _shows_the_search(w, tl, "ing")
    assert made[0] == 0  # nothing made on the GUI thread


def test_a_swap_makes_the_matches_afresh_for_the_timeline_shown(big_window, qtbot, monkeypatch):
    w, tl = big_window
    idle(qtbot, w)
    _type(qtbot, w, "ing")
    made = w.shown.jobs._prepared
    assert made is not None
    track = tl.event(w.state.matches[0]).track
    w.state.filters = w.state.filters.with_track_hidden(track, True)
    idle(qtbot, w)
    assert w.shown.jobs._prepared is None  # forgotten at the swap (it held the other timeline)
    _shows_the_search(w, w.shown.timeline, "ing")
    assert all(tl.event(eid).track != track for eid in w.state.matches)
    assert len(w.state.matches) < len(search(tl, "ing"))


def test_an_edit_makes_the_matches_afresh(big_window, qtbot):
    """A match moved to the end of the timeline is listed last (the matches in time order)."""
    w, tl = big_window
    idle(qtbot, w)
    _type(qtbot, w, "ing")
    assert w.shown.jobs._prepared is not None
    first = w.state.matches[0]
    w.authoring.push(C.move_event(w.timeline.event(first), EventDate("2023-06-01T12:00:00Z")))
    assert w.shown.jobs._prepared is None
    qtbot.waitUntil(lambda: w.state.matches[-1] == first, timeout=20000)
    idle(qtbot, w)
    _shows_the_search(w, w.timeline, "ing")
