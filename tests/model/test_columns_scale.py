"""Columnar arrays at scale: the vectorised build against a per-event
reference, visible slices, density counts and nearest markers against brute
force on random windows (no Qt, no timing)."""

import math

import numpy as np
import pytest

from viewer.model.columns import (
    BAND_LANE,
    FLAG_APPROXIMATE,
    FLAG_COARSE,
    FLAG_IMPRECISE,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    FLAG_UNCERTAIN,
    KIND_BAND,
    KIND_POINT,
    KIND_SPAN,
    EventColumns,
)
from viewer.model.dates import EventDate, Precision
from viewer.model.synthetic import synthetic_date_arrays
from viewer.model.timeline import Event, EventKind, Timeline, Track

DAY = 86400.0
UNIT = {Precision.SECOND: 1.0, Precision.MINUTE: 60.0, Precision.HOUR: 3600.0, Precision.DAY: DAY,
        Precision.MONTH: 30 * DAY, Precision.YEAR: 365 * DAY, Precision.DECADE: 3650 * DAY,
        Precision.CENTURY: 36500 * DAY}
DATES = ["2022-02-{d:02d}", "2022-02-{d:02d}T{h:02d}:15:00Z", "2022-02-{d:02d}?", "2022-02-{d:02d}~",
         "[..2022-02-{d:02d}]", "[2022-02-{d:02d}..]", "2022-02", "2022", "2022-02-{d:02d}T{h:02d}:00:00+03:00"]


def mixed_timeline(n, seed):
    """Points, spans and bands with every kind of date (open, uncertain, month...)."""
    rng = np.random.default_rng(seed)
    tracks = tuple(Track(f"t{i}", f"Track {i}", order=i) for i in range(5))
    events = []
    for i in range(n):
        d, h = int(rng.integers(1, 28)), int(rng.integers(0, 24))
        start = EventDate(DATES[int(rng.integers(len(DATES)))].format(d=d, h=h))
        r = rng.random()
        if r < 0.55:
            events.append(Event(f"e{i:05d}", f"p{i}", start, track=f"t{i % 5}"))
            continue
        kind = EventKind.BAND if r > 0.95 else EventKind.SPAN
        end = EventDate(rng.choice([f"2022-03-{d:02d}", "..", "2022-03", f"2022-03-{d:02d}?"]))
        if rng.random() < 0.15:
            start = EventDate("..")
        events.append(Event(f"e{i:05d}", f"s{i}", start, track=f"t{i % 5}", kind=kind, end=end))
    return Timeline("mixed", tracks, tuple(events), reference_date=EventDate("2022-02-10"))


def reference_rows(timeline):
    """The per-event rules of EventColumns, one event at a time (the oracle)."""
    lo, hi = timeline.finite_extent()
    origin = math.floor(timeline.reference_date.earliest / DAY) * DAY
    whisker = max(3 * DAY, 0.02 * (hi - lo))

    def flags_of(d):
        return ((FLAG_UNCERTAIN if d.uncertain else 0) | (FLAG_APPROXIMATE if d.approximate else 0)
                | (FLAG_IMPRECISE if d.precision <= Precision.DAY else 0))

    def coarse(d):
        wide = math.isfinite(d.earliest) and math.isfinite(d.latest) and d.latest - d.earliest > DAY + 1e-6
        return FLAG_COARSE if d.precision < Precision.DAY or wide else 0

    out = {}
    for ev in timeline.events:
        kind = {"point": KIND_POINT, "span": KIND_SPAN, "band": KIND_BAND}[ev.kind.value]
        s, f = ev.start, flags_of(ev.start)
        if kind == KIND_POINT or ev.end is None:
            f |= coarse(s)
            e0, e1, unit = s.earliest, s.latest, UNIT.get(s.precision, DAY)
            if math.isinf(e0) and math.isinf(e1):
                continue
            if math.isinf(e0):
                f |= FLAG_OPEN_START
                xm, e0 = e1 - unit / 2, e1 - unit - whisker
            elif math.isinf(e1):
                f |= FLAG_OPEN_END
                xm, e1 = e0 + unit / 2, e0 + unit + whisker
            else:
                xm = (e0 + e1) / 2 if f & FLAG_IMPRECISE else e0
            solid = (1.0, 0.0)
        else:
            e = ev.end
            f |= flags_of(e)
            known = [v for v in (s.earliest, s.latest, e.earliest, e.latest) if math.isfinite(v)]
            if not known:
                continue  # a span with no date at all is not drawn
            # open sides stay infinite; the certain part needs both inner bounds
            e0, e1 = s.earliest, e.latest
            if math.isinf(e0):
                f |= FLAG_OPEN_START
            if math.isinf(e1):
                f |= FLAG_OPEN_END
            solid = (s.latest if math.isfinite(s.latest) else math.inf,
                     e.earliest if math.isfinite(e.earliest) else -math.inf)
            xm = known[0]
        out[ev.id] = (e0 - origin, e1 - origin, xm - origin, solid[0] - origin, solid[1] - origin, f, kind)
    return out


def test_vectorised_build_equals_the_per_event_rules():
    tl = mixed_timeline(3000, seed=3)
    cols = tl.columns
    want = reference_rows(tl)
    assert sorted(cols.ids) == sorted(want)
    for r, eid in enumerate(cols.ids):
        got = (cols.x0[r], cols.x1[r], cols.xm[r], cols.solid0[r], cols.solid1[r], int(cols.flags[r]),
               int(cols.kind[r]))
        for g, w in zip(got, want[eid]):  # infinities (open sides) must match exactly
            assert g == w if math.isinf(w) else g == pytest.approx(w), eid
    # rows sorted by lane then x0; lanes are contiguous blocks
    assert np.all(np.diff(cols.lane) >= 0)
    for lane in [BAND_LANE, *range(cols.n_lanes)]:
        a, b = cols.block(lane)
        x0 = cols.x0[a:b]
        assert np.all(x0[1:] >= x0[:-1])  # sorted (open starts, -inf, first)
        assert np.all(cols.lane[a:b] == lane)


def big_columns(n=100_000, seed=11):
    """Synthetic columns straight from date arrays (like a large file)."""
    return EventColumns.from_dates(synthetic_date_arrays(n, seed=seed))


@pytest.fixture(scope="module")
def big():
    return big_columns()


def test_visible_slice_equals_brute_force_at_scale(big):
    rng = np.random.default_rng(5)
    lo, hi = big.extent()
    for _ in range(60):
        a = float(rng.uniform(lo, hi))
        b = a + float(rng.choice([60.0, 3600.0, DAY, 30 * DAY]))
        lane = int(rng.integers(0, big.n_lanes))
        s, e = big.block(lane)
        want = s + np.nonzero((big.x0[s:e] <= b) & (big.x1[s:e] >= a))[0]
        assert np.array_equal(big.visible(lane, a, b), want)


def brute_density(cols, lane, a, b, bins):
    """The documented counting rule, event by event: spread rows by the share
    of their possible interval in each bin, the others at their marker."""
    s, e = cols.block(lane)
    spread = cols.spread_mask()[s:e]
    xm, x0, x1 = cols.xm[s:e], cols.x0[s:e], cols.x1[s:e]
    counts = np.histogram(xm[~spread], bins=bins, range=(a, b))[0].astype(float)
    edges = np.linspace(a, b, bins + 1)
    for lo_, hi_ in zip(x0[spread], x1[spread]):
        inside = np.clip(np.minimum(edges[1:], hi_) - np.maximum(edges[:-1], lo_), 0.0, None)
        counts += inside / (hi_ - lo_)
    return counts


def test_density_counts_sum_to_the_events_in_range(big):
    rng = np.random.default_rng(6)
    lo, hi = big.extent()
    spread = big.spread_mask()
    assert spread.any() and not spread.all()  # the synthetic data has date-only points
    for _ in range(60):
        a = float(rng.uniform(lo, hi))
        b = a + float(rng.choice([3600.0, DAY, 7 * DAY, 365 * DAY]))
        lane, bins = int(rng.integers(0, big.n_lanes)), int(rng.integers(1, 1500))
        counts = big.density(lane, a, b, bins)
        s, e = big.block(lane)
        xm, x0, x1, sp = big.xm[s:e], big.x0[s:e], big.x1[s:e], spread[s:e]
        assert counts.shape == (bins,)
        # markers in range count 1; a spread event the share of its interval in range
        share = np.clip(np.minimum(x1[sp], b) - np.maximum(x0[sp], a), 0.0, None) / (x1[sp] - x0[sp])
        assert counts.sum() == pytest.approx(np.count_nonzero((xm[~sp] >= a) & (xm[~sp] <= b)) + share.sum(),
                                             abs=1e-6)
        assert counts == pytest.approx(brute_density(big, lane, a, b, bins), abs=1e-6)
        assert (counts >= 0).all()
    # the whole extent: every event of the lane once
    for lane in range(big.n_lanes):
        s, e = big.block(lane)
        assert big.density(lane, lo, hi, 997).sum() == pytest.approx(e - s, abs=1e-6)


def test_date_only_events_fill_their_day_in_the_density():
    # 5,000 events known only to the day 2022-02-15 (and a few to the second
    # elsewhere): at an hour zoom the strip covers the whole view, not a line at noon
    tracks = (Track("t0", "Track", order=0),)
    events = [Event(f"d{i}", f"Day {i}", EventDate("2022-02-15"), track="t0") for i in range(5000)]
    events += [Event(f"s{i}", f"Second {i}", EventDate(f"2022-02-{10 + i:02d}T08:00:00Z"), track="t0")
               for i in range(3)]
    cols = EventColumns.from_timeline(Timeline("Day", tracks=tracks, events=tuple(events)))
    day = EventDate("2022-02-15").earliest - cols.origin_epoch_s
    a, b = day + 10 * 3600, day + 14 * 3600  # 10:00-14:00 of that day
    assert cols.count_markers(0, a, b) == 5000  # every marker is at noon, in view
    counts = cols.density(0, a, b, 950)  # a 1900-pixel view in 2-pixel bins
    assert (counts > 0).all()
    assert counts == pytest.approx(np.full(950, 5000 * 4 / 24 / 950))  # even over the day
    assert counts.sum() == pytest.approx(5000 * 4 / 24)
    assert cols.density(0, day, day + DAY, 480).sum() == pytest.approx(5000)
    assert cols.density(0, day - 30 * DAY, day + 30 * DAY, 333).sum() == pytest.approx(5003)
    # nothing outside the day
    assert cols.density(0, day + DAY, day + 2 * DAY, 100).sum() == 0
    # a click on the strip away from noon finds an event of that day
    row = cols.covering(0, a + 60.0)
    assert row >= 0 and cols.ids[row].startswith("d")
    assert cols.covering(0, day + DAY + 60.0) == -1


def test_nearest_marker_is_the_brute_force_nearest(big):
    rng = np.random.default_rng(8)
    lo, hi = big.extent()
    for _ in range(200):
        x = float(rng.uniform(lo, hi))
        lane = int(rng.integers(0, big.n_lanes))
        row = big.nearest(lane, x)
        s, e = big.block(lane)
        best = np.abs(big.xm[s:e] - x).min()
        assert big.lane[row] == lane
        assert abs(big.xm[row] - x) == best
    assert big.nearest(0, lo + 1.0, max_dx=1e-9) in (-1, *range(len(big)))
    assert big.nearest(0, hi + 1e9, max_dx=60.0) == -1
