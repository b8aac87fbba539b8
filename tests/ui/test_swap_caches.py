"""Issue 12, the swap on the GUI thread: what a kept derived timeline, a collapse
or a track reorder draws again is not counted again (the frame's strip counts and
stacks, the stack labels, the overview's bars), and is drawn exactly as when it
was counted afresh; a derivation's arrays are freed when it is let go, and the
idle derivation thread gives the freed memory back."""

import dataclasses
import gc
import threading
import time
import weakref

import numpy as np
import pytest

from tests.model.test_editing import small_timeline
from tests.ui.test_instant import idle
from viewer.graphics import event_text
from viewer.graphics import frame as frame_mod
from viewer.io.native_rules import NATIVE_RULES
from viewer.model import commands as C
from viewer.model.columns import EventColumns
from viewer.model.dates import EventDate
from viewer.model.editing import EditStack
from viewer.model.filters import FilterState
from viewer.model.kept import forget, kept_values
from viewer.ui import overview as overview_mod
from viewer.ui import shown as shown_mod


@pytest.fixture
def big(big_window):
    """A window on a file over the large-file threshold (``big_window`` of tests/ui/conftest.py)."""
    return big_window


def _picture(w):
    """What the window's timeline and overview show: their pixels, the labels and
    stack counts drawn, the overview's bars (x0, width, y0 per bar item)."""
    view, strip = w.view, w.overview
    item = view.events_item
    pixels = (view.grab().toImage(), strip.grab().toImage())
    bars = [(np.asarray(b.opts["x0"]).tolist(), np.asarray(b.opts["width"]).tolist(),
             np.asarray(b.opts["y0"]).tolist()) for b in strip._bars]
    labels = [(text, rect.getRect()) for text, rect in item.drawn_labels]
    return pixels, labels, list(item.drawn_stack_labels), bars


def _afresh(w):
    """The shown timeline drawn again with nothing remembered (as the first time)."""
    tl = w.view.timeline
    forget(tl.columns, "frame")
    forget(tl, "overview bars")
    event_text._STACK_TEXTS.clear()
    a, b = w.view.x_range()
    w.view.set_timeline(tl)
    w.view.set_x_range(a, b)
    w.overview.set_timeline(tl)


@pytest.fixture
def counted(monkeypatch):
    """Calls of the strips' counting (on the GUI thread) and of the overview's bar making."""
    calls = {"density": 0, "bars": 0}
    real_density, real_bars = EventColumns.density_many, overview_mod.overview_bars

    def density_many(self, lanes, a, b, bins):
        if threading.current_thread() is threading.main_thread():
            calls["density"] += 1
        return real_density(self, lanes, a, b, bins)

    def bars(timeline):
        if "overview bars" not in kept_values(timeline):
            calls["bars"] += 1
        return real_bars(timeline)

    monkeypatch.setattr(EventColumns, "density_many", density_many)
    monkeypatch.setattr(overview_mod, "overview_bars", bars)
    return calls


def test_a_kept_derivation_shown_again_is_drawn_as_afresh_without_counting(big, qtbot, counted):
    w, tl = big
    idle(qtbot, w)
    start = w.state.filters
    w.state.filters = start.with_track_hidden("t0", True)
    idle(qtbot, w)
    hidden = w.shown.timeline
    first = _picture(w)
    assert first[2], "the strips' stacks are labelled (the case cached)"
    w.state.filters = start
    _picture(w)
    w.state.filters = start.with_track_hidden("t0", True)  # the kept one, at once
    assert w.view.timeline is hidden
    counted["density"] = counted["bars"] = 0
    again = _picture(w)
    assert counted == {"density": 0, "bars": 0}  # nothing counted again
    assert again[1:] == first[1:] and again[0] == first[0]
    _afresh(w)
    fresh = _picture(w)
    assert counted["density"] > 0 and counted["bars"] == 1  # (this time counted)
    assert fresh[1:] == again[1:] and fresh[0] == again[0]
    # the zone switched there and back: the same
    w.state.display_zone = "Europe/Berlin"
    idle(qtbot, w)
    berlin = _picture(w)
    w.state.display_zone = "UTC"
    _picture(w)
    w.state.display_zone = "Europe/Berlin"
    counted["density"] = counted["bars"] = 0
    assert _picture(w)[1:] == berlin[1:] and counted == {"density": 0, "bars": 0}


def test_a_reorder_or_a_collapse_keeps_the_overviews_bars_and_counts_nothing_again(big, qtbot, counted):
    w, tl = big
    idle(qtbot, w)
    _picture(w)
    items = list(w.overview._bars)
    counted["density"] = counted["bars"] = 0
    order = tuple(t.id for t in reversed(tl.tracks))
    w.state.filters = dataclasses.replace(w.state.filters, track_order=order)
    reordered = _picture(w)
    assert w.overview._bars == items  # the same bar items, moved
    assert counted == {"density": 0, "bars": 0}
    assert w.view.lanes.track_ids == order
    for bar, lanes in w.overview._bar_lanes:  # each lane's bars at its place in the order shown
        place = np.array([order.index(tl.tracks[k].id) for k in lanes])
        np.testing.assert_allclose(bar.opts["y0"], place + 0.15)
    _afresh(w)
    assert _picture(w)[1:] == reordered[1:]
    counted["density"] = counted["bars"] = 0
    w.state.toggle_track_collapsed("t1")
    collapsed = _picture(w)
    assert w.overview._bars == items and counted == {"density": 0, "bars": 0}
    _afresh(w)
    assert _picture(w)[1:] == collapsed[1:]


def test_an_edit_in_place_forgets_the_counts_of_the_frames():
    stack = EditStack(small_timeline(), NATIVE_RULES)
    cols = stack.timeline.columns
    lo, hi = cols.extent()
    lanes = list(range(cols.n_lanes))
    before = frame_mod.density_rows(cols, lanes, lo, hi, 50)
    stack.push(C.move_event(stack.timeline.event("e2"), EventDate("2022-02-18T09:00:00Z")))
    cols = stack.timeline.columns  # (the same columns, changed in place)
    after = frame_mod.density_rows(cols, lanes, lo, hi, 50)
    np.testing.assert_array_equal(after, cols.density_many(lanes, lo, hi, 50))
    assert not np.array_equal(after, before)


def test_a_derivation_let_go_is_freed_with_the_collector_off(big, qtbot):
    """Measuring a kept derivation (ShownTimeline._keep) leaves no reference cycle
    holding its arrays: with the collector frozen (a large file) one would never go."""
    _w, tl = big
    derived = shown_mod._derive((tl, FilterState(hidden_tracks=frozenset({"t1"})), "Europe/Berlin"))
    shown_mod._warm_ids(derived)
    gc.disable()
    try:
        assert shown_mod._own_bytes(derived, tl) > 0
        probe = weakref.ref(derived.columns.x0)
        del derived
        assert probe() is None
    finally:
        gc.enable()


def _counted(worker, n: int) -> bool:
    """``worker.trims`` reaches ``n`` (the thread counts a trim just after giving memory back)."""
    deadline = time.monotonic() + 5
    while worker.trims < n and time.monotonic() < deadline:
        time.sleep(0.01)
    return worker.trims == n


def test_the_idle_derivation_thread_gives_freed_memory_back(big, monkeypatch):
    _w, tl = big
    trimmed = threading.Event()
    monkeypatch.setattr(shown_mod, "TRIM_IDLE_S", 0.2)
    worker, done = shown_mod.Deriver(), threading.Event()

    def trim():  # this worker's trims only: the fixture window's own deriver may trim too
        if threading.current_thread() is worker._thread:
            trimmed.set()
        return True

    monkeypatch.setattr(shown_mod, "give_back_freed_memory", trim)
    # earlier tests' replaced timelines may wait their RELEASE_WAIT_S to be freed, which holds
    # every trim back (the rule is tested on its own): not this test's subject
    monkeypatch.setattr(shown_mod, "releasing", lambda: False)
    worker.submit(object(), (tl, FilterState(hidden_tracks=frozenset({"t1"})), "UTC"),
                  lambda key, shown: done.set())
    assert done.wait(20)
    assert trimmed.wait(10) and _counted(worker, 1)
    trimmed.clear()
    assert not trimmed.wait(0.6)  # once per pause: nothing freed since
    worker.submit(object(), (tl, FilterState(hidden_tracks=frozenset({"t2"})), "UTC"),
                  lambda key, shown: None)
    assert trimmed.wait(10) and _counted(worker, 2)


def test_a_new_derivations_first_frame_finds_its_strips_counted(big, qtbot, counted):
    """The thread that derives a timeline counts the strips on screen (and their
    stacks) for the view's range: the first frame, on the GUI thread, counts none."""
    w, _tl = big
    idle(qtbot, w)
    _picture(w)
    counted["density"] = 0
    w.state.display_zone = "Europe/Berlin"
    idle(qtbot, w)
    berlin = _picture(w)
    assert counted["density"] == 0
    w.state.filters = w.state.filters.with_track_hidden("t0", True)
    idle(qtbot, w)
    hidden = _picture(w)
    assert counted["density"] == 0
    assert "t0" not in w.view.lanes.track_ids and hidden[2]
    _afresh(w)
    assert _picture(w)[1:] == hidden[1:]
    assert berlin[2]


def test_a_swap_at_the_same_origin_and_range_keeps_the_time_axis_drawn(big, qtbot):
    w, _tl = big
    idle(qtbot, w)
    view = w.view
    before = view.grab().toImage()
    picture = view._axis.picture
    assert picture is not None
    a, b = view.x_range()
    view.set_timeline(view.timeline)  # what a swap does (same origin, same range)
    view.set_x_range(a, b)
    assert view._axis.picture is picture  # not laid out again
    assert view.grab().toImage() == before


def test_the_rehearsal_leaves_its_memory_for_the_first_derivation(big, qtbot, monkeypatch):
    _w, tl = big
    monkeypatch.setattr(shown_mod, "TRIM_IDLE_S", 0.2)
    monkeypatch.setattr(shown_mod, "give_back_freed_memory", lambda: True)
    worker = shown_mod.Deriver()
    worker.prepare(tl)
    qtbot.waitUntil(lambda: not worker.rehearsing(), timeout=20000)
    qtbot.wait(600)
    assert worker.trims == 0


def test_an_edit_in_place_forgets_the_days_a_zone_switch_kept():
    """A timed event made date-only on a day of summer time, then the zone
    switched: every event is drawn on its local day in that zone (the
    distinct days of the anchors kept with the columns are counted again),
    as in the same timeline read afresh."""
    from viewer.model.zones import timeline_on_local_days

    zone = "America/New_York"
    stack = EditStack(small_timeline(), NATIVE_RULES)
    timeline_on_local_days(stack.timeline, zone)  # keeps the days of the columns' anchors
    stack.push(C.move_event(stack.timeline.event("e2"), EventDate("2022-03-20")))
    after = timeline_on_local_days(stack.timeline, zone).columns
    fresh = timeline_on_local_days(dataclasses.replace(stack.timeline), zone).columns  # read afresh
    for eid in stack.timeline.columns.ids:
        row, fresh_row = after.row_of(eid), fresh.row_of(eid)
        assert (after.x0[row], after.x1[row]) == (fresh.x0[fresh_row], fresh.x1[fresh_row]), eid
