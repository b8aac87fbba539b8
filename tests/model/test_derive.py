"""Derived columns (viewer.model.derive) against the slow paths they replace,
on random data: the same events in the same rows, the same orders, the same
caches; ids read through the file's (no Qt, no timing)."""

import dataclasses
import datetime
import json
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from tests.model.test_columns_scale import mixed_timeline
from tests.model.test_facets import synthetic_doc
from viewer.io import bulk
from viewer.model.columns import EventColumns
from viewer.model.derive import blocks_of, shifted_columns, subset_columns
from viewer.model.filters import FilterState, apply_filters
from viewer.model.row_ids import RowIds
from viewer.model.zones import _day_shifts, timeline_on_local_days

ARRAYS = ("event_index", "lane", "kind", "x0", "x1", "xm", "solid0", "solid1", "flags", "lane_bounds",
          "x1_cummax", "time_order", "xm_order", "cal_start", "cal_end")


def assert_same_columns(got: EventColumns, want: EventColumns) -> None:
    assert list(got.ids) == list(want.ids)
    assert got.band_count == want.band_count and got.origin_epoch_s == want.origin_epoch_s
    assert got.open_whisker_s == want.open_whisker_s
    for name in ARRAYS:
        a, b = getattr(got, name), getattr(want, name)
        assert (a is None) == (b is None), name
        if a is not None:
            np.testing.assert_array_equal(a, b, err_msg=name)
    np.testing.assert_array_equal(got.xm_sorted, want.xm_sorted)
    assert got.extent() == want.extent()


def slow_shift(cols: EventColumns, d_start: np.ndarray, d_end: np.ndarray) -> EventColumns:
    """The zone shift as it was: every block sorted again, ids copied."""
    span = cols.kind != 0
    x0, xm, x1 = cols.x0 + d_start, cols.xm + d_start, cols.x1 + d_end
    s0 = np.where(span, cols.solid0 + d_start, cols.solid0)
    s1 = np.where(span, cols.solid1 + d_end, cols.solid1)
    order = np.arange(len(cols), dtype=np.int64)
    blocks = [(0, cols.band_count)] + [cols.block(k) for k in range(cols.n_lanes)]
    for a, b in blocks:
        if b - a > 1:
            order[a:b] = a + np.argsort(x0[a:b], kind="stable")
    inv = np.empty_like(order)
    inv[order] = np.arange(len(order))
    x1o = x1[order]
    cummax = np.empty_like(x1o)
    for a, b in blocks:
        if b > a:
            cummax[a:b] = np.maximum.accumulate(x1o[a:b])
    xm_o = xm[order]
    xm_order = np.arange(len(cols), dtype=np.int64)
    for a, b in blocks:
        if b - a > 1:
            xm_order[a:b] = a + np.argsort(xm_o[a:b], kind="stable")
    return dataclasses.replace(
        cols, ids=[cols.ids[k] for k in order.tolist()], event_index=cols.event_index[order],
        lane=cols.lane[order], kind=cols.kind[order], x0=x0[order], x1=x1o, xm=xm_o, solid0=s0[order],
        solid1=s1[order], flags=cols.flags[order], x1_cummax=cummax, time_order=inv[cols.time_order],
        xm_order=xm_order, cal_start=cols.cal_start[order], cal_end=cols.cal_end[order])


@pytest.fixture(scope="module")
def mixed():
    return mixed_timeline(3000, seed=4)


def random_filter(rng, cols: EventColumns, n_tracks: int):
    """(row mask, lane map, new event index, lanes): some lanes hidden, the rest shuffled or not."""
    keep_lane = rng.random(n_tracks) < 0.7
    keep_lane[rng.integers(n_tracks)] = True
    kept = np.flatnonzero(keep_lane)
    new_order = rng.permutation(len(kept)) if rng.random() < 0.5 else np.arange(len(kept))
    lane_map = np.full(n_tracks, -1, dtype=np.int32)
    lane_map[kept] = new_order
    n_events = int(cols.event_index.max()) + 1
    ev_keep = rng.random(n_events) < rng.choice([0.3, 0.9, 1.0])
    lane_ok = np.where(cols.lane < 0, True, keep_lane[np.maximum(cols.lane, 0)])
    row_keep = ev_keep[cols.event_index] & lane_ok
    ev_kept = np.zeros(n_events, dtype=bool)
    ev_kept[cols.event_index[row_keep]] = True
    new_index = np.full(n_events, -1, dtype=np.int64)
    new_index[ev_kept] = np.arange(int(ev_kept.sum()))
    return row_keep, lane_map, new_index, len(kept)


@pytest.mark.parametrize("seed", range(8))
def test_subset_columns_matches_the_sorting_subset(mixed, seed):
    rng = np.random.default_rng(seed)
    cols = mixed.columns
    if seed % 2:  # caches carried over for the lanes kept whole
        cols.spread_mask()
        for lane in range(-1, cols.n_lanes):
            cols._density_parts(lane)
    row_keep, lane_map, new_index, n_lanes = random_filter(rng, cols, len(mixed.tracks))
    got = subset_columns(cols, row_keep, lane_map, new_index, n_lanes)
    want = cols.subset(row_keep, lane_map, new_index, n_lanes)
    assert_same_columns(got, want)
    assert isinstance(got.ids, RowIds) and got.ids.base is cols.ids  # the file's ids, not a copy
    np.testing.assert_array_equal(got.spread_mask(), want.spread_mask())
    for lane in range(-1, n_lanes):
        for a, b in zip(got._density_parts(lane), want._density_parts(lane), strict=True):
            np.testing.assert_array_equal(a, b)
    for row in rng.integers(0, len(got), 20).tolist():
        assert got.row_of(got.ids[row]) == row
    gone = [cols.ids[r] for r in np.flatnonzero(~row_keep)[:5].tolist()]
    for eid in gone:
        with pytest.raises(KeyError):
            got.row_of(eid)
        assert eid not in got.ids
    # a subset of a subset reads the file's ids still
    again = subset_columns(got, np.ones(len(got), bool), np.arange(n_lanes), np.arange(len(new_index)), n_lanes)
    assert again.ids.base is cols.ids and list(again.ids) == list(got.ids)


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Asia/Kathmandu", "America/St_Johns", "Pacific/Kiritimati"])
def test_shifted_columns_match_a_full_resort(mixed, zone):
    cols = mixed.columns
    d_start, d_end = _day_shifts(cols.cal_start, zone), _day_shifts(cols.cal_end, zone)
    got = shifted_columns(cols, d_start, d_end)
    assert_same_columns(got, slow_shift(cols, d_start, d_end))
    for row in range(0, len(got), 97):
        assert got.row_of(got.ids[row]) == row


def test_shifted_columns_resort_only_lanes_whose_order_changed(mixed):
    cols = mixed.columns
    rng = np.random.default_rng(5)
    d = np.zeros(len(cols))
    a, b = cols.block(2)
    d[a:b] = rng.uniform(-5 * 86400, 5 * 86400, b - a)  # lane 2 shuffled, others moved not at all
    got = shifted_columns(cols, d, d)
    assert_same_columns(got, slow_shift(cols, d, d))
    untouched = np.r_[0:a, b:len(cols)]
    np.testing.assert_array_equal(got.event_index[untouched], cols.event_index[untouched])


def test_a_uniform_shift_keeps_every_row(mixed):
    cols = mixed.columns
    d = np.full(len(cols), -3600.0)
    got = shifted_columns(cols, d, d)
    assert_same_columns(got, slow_shift(cols, d, d))
    assert got.time_order is cols.time_order and got.event_index is cols.event_index


@pytest.fixture(scope="module")
def lazy_pair(tmp_path_factory):
    """A synthetic file read lazily (bulk reader) and eagerly."""
    from viewer.io.native import timeline_from_dict

    doc = synthetic_doc(4000, seed=7)
    path = tmp_path_factory.mktemp("derive") / "big.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return bulk.read_bulk(str(path), path.read_bytes()), timeline_from_dict(doc)


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "Asia/Kolkata"])
def test_filtered_then_shifted_lazy_timeline_matches_the_eager_one(lazy_pair, zone):
    lazy, eager = lazy_pair
    assert isinstance(lazy.events.ids, list) and len(lazy.events) == len(eager.events)
    rng = np.random.default_rng(3)
    ids = [t.id for t in eager.tracks]
    states = [FilterState(hidden_tracks=frozenset({"t03"})),
              FilterState(track_order=tuple(ids[::-1])),
              FilterState(track_order=tuple(rng.permutation(ids).tolist()), hidden_tracks=frozenset(ids[:5]),
                          tags=frozenset({"talks"}))]
    for f in states:
        got = timeline_on_local_days(apply_filters(lazy, f), zone)
        want = timeline_on_local_days(apply_filters(eager, f), zone)
        assert [t.id for t in got.tracks] == [t.id for t in want.tracks]
        assert list(got.events.ids) == [e.id for e in want.events]
        gc, wc = got.columns, want.columns
        assert list(gc.ids) == list(wc.ids)
        for name in ("event_index", "lane", "lane_bounds", "x0", "x1", "xm", "x1_cummax", "time_order", "xm_order"):
            np.testing.assert_array_equal(getattr(gc, name), getattr(wc, name), err_msg=name)
        # events are the file's own objects, found through the file's index
        eid = gc.ids[len(gc) // 2]
        assert got.event(eid) is lazy.event(eid)
        assert got.has_event(eid) and not got.has_event("no such event")
        hidden = [e.id for e in eager.events if e.track in f.hidden_tracks][:3]
        assert not any(got.has_event(h) for h in hidden)
        assert gc.neighbour_in_time(eid, +1) == wc.neighbour_in_time(eid, +1)


def test_columns_an_editing_document_changes_in_place_are_copied_not_shared(mixed):
    from viewer.model.derive import EDITED_IN_PLACE

    cols = dataclasses.replace(mixed.columns, ids=list(mixed.columns.ids))
    cols.__dict__[EDITED_IN_PLACE] = True
    d = np.zeros(len(cols))
    got = shifted_columns(cols, d, d)
    assert isinstance(got.ids, list) and got.ids is not cols.ids and got.ids == cols.ids
    assert got.event_index is not cols.event_index and got.time_order is not cols.time_order
    keep = np.ones(len(cols), dtype=bool)
    sub = subset_columns(cols, keep, np.arange(cols.n_lanes), np.arange(len(mixed.events)), cols.n_lanes)
    assert isinstance(sub.ids, list) and sub.ids == cols.ids


ODD_ZONES = ("Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham",
             "America/St_Johns")


def _days_around_transitions(zone: str, years) -> list[datetime.date]:
    """Calendar days just before, on and after each UTC-offset change of ``zone`` in ``years``."""
    tz = ZoneInfo(zone)
    days = []
    for year in years:
        day = datetime.date(year, 1, 1)
        prev = tz.utcoffset(datetime.datetime(year, 1, 1))
        while day.year == year:
            off = tz.utcoffset(datetime.datetime.combine(day, datetime.time(12)))
            if off != prev:
                days += [day - datetime.timedelta(days=k) for k in (2, 1, 0)] + [day + datetime.timedelta(days=1)]
                prev = off
            day += datetime.timedelta(days=1)
    return days


def _local_midnight_shift(day: datetime.date, zone: str) -> float:
    """Seconds from ``day``'s UTC midnight to its local midnight in ``zone`` (the per-event rule,
    from the zone database directly: minus the offset in force at that local midnight)."""
    return -ZoneInfo(zone).utcoffset(datetime.datetime.combine(day, datetime.time())).total_seconds()


@pytest.fixture(scope="module")
def days_doc():
    """Date-only points and spans on the days around every offset change of the odd zones in
    2022 and 2024, in far years (1200, 1850, 2400, 9000: before the zones' first rule, and on
    their last rule repeated), and events with a time of day (which never move)."""
    days = sorted({d for z in ODD_ZONES for d in _days_around_transitions(z, (2022, 2024))}
                  | {datetime.date(y, m, 15) for y in (1200, 1850, 2400, 9000) for m in (1, 4, 7, 10)}
                  | {datetime.date(2400, 3, 26), datetime.date(9000, 10, 1)})
    events = []
    for k, day in enumerate(days):
        end = day + datetime.timedelta(days=k % 5 + 1)
        events.append({"id": f"p{k}", "track": f"t{k % 3}", "title": "point", "start": day.isoformat()})
        events.append({"id": f"s{k}", "track": f"t{(k + 1) % 3}", "title": "span", "kind": "span",
                       "start": day.isoformat(), "end": end.isoformat()})
        events.append({"id": f"h{k}", "track": f"t{k % 3}", "title": "at a time",
                       "start": day.isoformat() + "T23:30:00Z"})
    return {"format": "timeline-viewer", "version": 1, "title": "Days around transitions",
            "tracks": [{"id": f"t{k}", "label": f"Track {k}", "order": k} for k in range(3)],
            "events": events}, days


@pytest.mark.parametrize("zone", ODD_ZONES)
def test_vectorised_zone_shift_equals_the_per_event_rule_across_transitions(tmp_path, days_doc, zone):
    from viewer.io.native import timeline_from_dict

    doc, days = days_doc
    path = tmp_path / "days.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    lazy = bulk.read_bulk(str(path), path.read_bytes())
    for tl in (lazy, timeline_from_dict(doc)):
        cols = tl.columns
        assert cols.cal_start is not None  # the vectorised path: one shift per distinct day
        got = timeline_on_local_days(tl, zone).columns
        for a, b in blocks_of(got):  # each lane still sorted by start (the interval queries)
            assert np.all(np.diff(got.x0[a:b]) >= 0)
        for k, day in enumerate(days):
            end = day + datetime.timedelta(days=k % 5 + 1)
            first = _local_midnight_shift(day, zone)
            after_end = _local_midnight_shift(end + datetime.timedelta(days=1), zone)
            for eid, d0, d1 in ((f"p{k}", first, first), (f"s{k}", first, after_end), (f"h{k}", 0.0, 0.0)):
                old, new = cols.row_of(eid), got.row_of(eid)
                assert got.x0[new] - cols.x0[old] == d0, (zone, eid, day)
                assert got.x1[new] - cols.x1[old] == d1, (zone, eid, day)
