"""Columnar arrays: visible slices, time order, open and imprecise dates."""

import numpy as np
import pytest

from viewer.model.columns import (
    BAND_LANE,
    FLAG_IMPRECISE,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    EventColumns,
)
from viewer.model.dates import EventDate
from viewer.model.timeline import Event, EventKind, Timeline, Track

DAY = 86400.0


def make_timeline(n=300, seed=1):
    rng = np.random.default_rng(seed)
    tracks = tuple(Track(f"t{i}", f"Track {i}", order=i) for i in range(4))
    events = []
    for i in range(n):
        day = int(rng.integers(1, 28))
        hour = int(rng.integers(0, 24))
        start = EventDate(f"2022-02-{day:02d}T{hour:02d}:00:00Z")
        if rng.random() < 0.3:
            end = EventDate(f"2022-02-{min(28, day + int(rng.integers(0, 5))):02d}T23:00:00Z")
            events.append(Event(f"e{i}", f"span {i}", start, track=f"t{i % 4}", kind=EventKind.SPAN, end=end))
        else:
            events.append(Event(f"e{i}", f"point {i}", start, track=f"t{i % 4}"))
    return Timeline("random", tracks, tuple(events))


def test_visible_slice_equals_brute_force_on_random_windows():
    tl = make_timeline()
    cols = tl.columns
    rng = np.random.default_rng(7)
    for _ in range(200):
        a = float(rng.uniform(-5, 30)) * DAY
        b = a + float(rng.uniform(0, 10)) * DAY
        for lane in range(4):
            got = set(cols.visible(lane, a, b).tolist())
            lo, hi = cols.block(lane)
            want = {r for r in range(lo, hi) if cols.x0[r] <= b and cols.x1[r] >= a}
            assert got == want


def test_origin_is_the_reference_day_and_x_is_relative():
    tl = Timeline("t", (Track("a", "A"),), (Event("e", "E", EventDate("2022-02-10"), track="a"),),
                  reference_date=EventDate("2022-02-10"))
    cols = tl.columns
    assert cols.origin_epoch_s == 1644451200.0
    # a day-precision point spans its whole day, marker in the middle
    assert (cols.x0[0], cols.x1[0], cols.xm[0]) == (0.0, DAY, DAY / 2)
    assert cols.flags[0] & FLAG_IMPRECISE


def test_open_sides_are_clamped_and_flagged():
    tl = Timeline(
        "t",
        (Track("a", "A"),),
        (
            Event("before", "B", EventDate("[..2022-02-10]"), track="a"),
            Event("after", "A", EventDate("[2022-02-10..]"), track="a"),
            Event("ongoing", "O", EventDate("2014"), track="a", kind=EventKind.SPAN, end=EventDate("..")),
            Event("last", "L", EventDate("2022-02-20"), track="a"),
        ),
    )
    cols = tl.columns
    before = cols.row_of("before")
    after = cols.row_of("after")
    ongoing = cols.row_of("ongoing")
    assert cols.flags[before] & FLAG_OPEN_START
    assert cols.flags[after] & FLAG_OPEN_END
    # points: a whisker of finite length on the open side
    assert np.isfinite([cols.x0[before], cols.x1[before], cols.x0[after], cols.x1[after]]).all()
    # an ongoing span has no end: it runs to the edge of any view, never to a made-up date
    assert cols.x1[ongoing] == np.inf and cols.flags[ongoing] & FLAG_OPEN_END
    # ... and the fit-all extent is made of finite dates only
    lo, hi = cols.extent()
    assert np.isfinite([lo, hi]).all() and hi >= cols.x1[cols.row_of("last")]
    # framed at its last known moment: the end of 2014, its start's year
    assert cols.known_extent(ongoing) == (cols.x0[ongoing], cols.solid0[ongoing])


def test_a_span_of_unknown_start_draws_from_the_view_edge_not_a_made_up_date():
    tl = Timeline("t", (Track("a", "A"),), (
        Event("denies", "D", EventDate(".."), track="a", kind=EventKind.SPAN, end=EventDate("[2022-02-10..]")),
        Event("p", "P", EventDate("2014"), track="a"),
    ))
    cols = tl.columns
    row = cols.row_of("denies")
    assert cols.x0[row] == -np.inf and cols.x1[row] == np.inf
    assert cols.solid0[row] > cols.solid1[row]  # nothing about it is certain
    assert cols.xm[row] == 1644451200.0 - cols.origin_epoch_s  # first known moment: 10 Feb
    # it sorts by its end, with 10 February
    assert tl.event("denies").sort_point == 1644451200.0


def test_time_order_navigation_walks_every_event_once():
    tl = make_timeline(50)
    cols = tl.columns
    seen = []
    eid = None
    for _ in range(50):
        eid = cols.neighbour_in_time(eid, +1)
        seen.append(eid)
    assert sorted(seen) == sorted(e.id for e in tl.events)
    keys = [tl.event(e).sort_point for e in seen]
    assert keys == sorted(keys)
    assert cols.neighbour_in_time(seen[-1], +1) == seen[-1]  # no wrap-around
    assert cols.neighbour_in_time(seen[0], -1) == seen[0]


def test_bands_have_their_own_block():
    tl = Timeline("t", (Track("a", "A"),), (
        Event("b", "Band", EventDate("2022-02-10"), kind=EventKind.BAND, end=EventDate("2022-02-20")),
        Event("p", "P", EventDate("2022-02-12"), track="a"),
    ))
    cols = tl.columns
    assert cols.band_count == 1
    assert cols.lane[cols.row_of("b")] == BAND_LANE
    assert cols.visible(BAND_LANE, 5 * DAY, 6 * DAY).tolist() == [cols.row_of("b")]


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_timelines(n):
    tl = make_timeline(n)
    assert len(EventColumns.from_timeline(tl)) == n
    assert tl.columns.neighbour_in_time(None, 1) == (None if n == 0 else "e0")
