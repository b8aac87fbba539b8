"""Incremental updates of :class:`~viewer.model.columns.EventColumns` after an edit.

Rebuilding the columns of a million events sorts them all (a few hundred
milliseconds); an edit changes one event.  These functions change the arrays
in place so that they equal what :meth:`EventColumns.from_dates` would build
for the edited timeline *with the same origin and open-point whisker*:

* the edited event's row is computed with the same rules
  (:func:`~viewer.model.columns.drawn_values`, one event);
* a row that moves within the arrays (a new date, another track) is shifted
  only across the rows between its old and new places (within a lane, at most
  that lane's rows), and so are its entries of ``time_order`` and
  ``xm_order``;
* row numbers stored in ``time_order`` / ``xm_order`` are renumbered with
  one vectorised pass;
* the running maximum of ends is recomputed for the lanes touched only.

Adding or removing an event inserts or deletes one entry of every array
(``numpy.insert`` / ``numpy.delete``, O(N) copies, no sort).

Ties follow :meth:`EventColumns.from_dates`: rows of a lane by ``(x0, file
index)``; time order by ``(sort point, file index)``; markers of a lane by
``(xm, row)``.  Pure numpy, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from .columns import (
    BAND_LANE,
    FLAG_IMPRECISE,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    KIND_POINT,
    DateArrays,
    EventColumns,
    calendar_values,
    drawn_values,
)
from .kept import forget

__all__ = ["RowValues", "row_values", "update_event_row", "insert_event_row", "remove_event_row",
           "shift_event_index"]

SortKey = Callable[[int], tuple[float, int]]
"""``sort_key(row) -> (sort point - origin or inf, file index)`` of a row as it is now."""

_ROW_FIELDS = ("event_index", "lane", "kind", "x0", "x1", "xm", "solid0", "solid1", "flags")


class RowValues(NamedTuple):
    """One row of :class:`EventColumns` (x values in seconds from the origin)."""

    event_index: int
    lane: int
    kind: int
    x0: float
    x1: float
    xm: float
    solid0: float
    solid1: float
    flags: int
    sort_point: float  #: sort point - origin (s), ``inf`` when wholly open (key of ``time_order``)
    cal_start: float = math.nan  #: ``EventColumns.cal_start`` (epoch s, NaN: not a calendar date)
    cal_end: float = math.nan



def _id_list(cols: EventColumns) -> list[str]:
    """The columns' ids as a list edited in place (the document's columns own
    one; derived columns read the file's through a row map: copied once)."""
    ids = cols.ids
    if not isinstance(ids, list):
        ids = cols.ids = list(ids)
    return ids

def row_values(cols: EventColumns, dates: DateArrays, event_index: int) -> RowValues | None:
    """The row of one event (``dates`` holds exactly one), or None if it is not drawn.

    Parameters
    ----------
    cols : EventColumns
        Gives the origin and the open-point whisker.
    dates : DateArrays
        Length 1.
    event_index : int
        The event's index in ``timeline.events``.
    """
    kind, x0, x1, xm, solid0, solid1, flags, lane, keep = drawn_values(dates, cols.open_whisker_s)
    if not bool(keep[0]):
        return None
    o = cols.origin_epoch_s
    sp = dates.sort_point[:1]
    key = float(sp[0] - o) if math.isfinite(float(sp[0])) else math.inf  # as x0: (epoch array - origin)
    cal_start, cal_end = calendar_values(dates)
    return RowValues(int(event_index), int(lane[0]), int(kind[0]), float(x0[0] - o), float(x1[0] - o),
                     float(xm[0] - o), float(solid0[0] - o), float(solid1[0] - o), int(flags[0]), key,
                     float(cal_start[0]), float(cal_end[0]))


def _calendar_rows(cols: EventColumns, new: RowValues) -> list[tuple[str, float]]:
    """The optional per-row calendar arrays the columns have, with the new row's values."""
    return [(name, value) for name, value in (("cal_start", new.cal_start), ("cal_end", new.cal_end))
            if getattr(cols, name) is not None]


# -- helpers -------------------------------------------------------------

def _block(cols: EventColumns, lane: int) -> tuple[int, int]:
    return cols.block(lane)


def _count_below(keys_a: np.ndarray, keys_b: np.ndarray, a: float, b: float) -> int:
    """How many of the (keys_a, keys_b) pairs (sorted lexicographically) are < (a, b)."""
    lo = int(np.searchsorted(keys_a, a, side="left"))
    hi = int(np.searchsorted(keys_a, a, side="right"))
    if hi > lo:
        lo += int(np.searchsorted(keys_b[lo:hi], b, side="left"))
    return lo


def _without(arr: np.ndarray, start: int, stop: int, skip: int) -> np.ndarray:
    """``arr[start:stop + 1]`` with position ``skip`` left out when it is inside
    (``stop`` counts in the array without ``skip``)."""
    if skip < start:
        return arr[start + 1:stop + 1]
    if skip >= stop:
        return arr[start:stop]
    return np.concatenate((arr[start:skip], arr[skip + 1:stop + 1]))


def _shift(arr: np.ndarray, i: int, j: int) -> None:
    """Move element ``i`` to index ``j``, shifting those between (in place)."""
    if j > i:
        v = arr[i]
        arr[i:j] = arr[i + 1:j + 1]
        arr[j] = v
    elif j < i:
        v = arr[i]
        arr[j + 1:i + 1] = arr[j:i]
        arr[j] = v


def _recompute_cummax(cols: EventColumns, lanes: tuple[int, ...]) -> None:
    for lane in set(lanes):
        a, b = _block(cols, lane)
        if b > a:
            cols.x1_cummax[a:b] = np.maximum.accumulate(cols.x1[a:b])


def _time_position(cols: EventColumns, key: tuple[float, int], sort_key: SortKey, skip: int = -1) -> int:
    """Index in ``time_order`` (without position ``skip``) where ``key`` goes (binary search)."""
    order = cols.time_order
    n = len(order) - (1 if skip >= 0 else 0)
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi) // 2
        pos = mid if skip < 0 or mid < skip else mid + 1
        if sort_key(int(order[pos])) < key:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _spread_value(kind: int, flags: int, x0: float, x1: float) -> bool:
    return bool(kind == KIND_POINT and flags & FLAG_IMPRECISE and not flags & (FLAG_OPEN_START | FLAG_OPEN_END)
                and math.isfinite(x0) and math.isfinite(x1) and x1 > x0)


def _forget_caches(cols: EventColumns, lanes: tuple[int, ...]) -> None:
    cache = cols.__dict__.get("_density_cache")
    if cache:
        for lane in set(lanes):
            cache.pop(lane, None)
    cols.__dict__.pop("_rank", None)
    cols.__dict__.pop("_density_only", None)  # a search's counts (density_many(only=...)): picked again
    # a frame's counts and stacks (viewer.graphics.frame), the distinct days of the calendar anchors (zones),
    # the narrowest "show everything" width (viewstate.precision_floor)
    forget(cols, "frame", ("day codes", "start"), ("day codes", "end"), "precision floor")


def _grow_extent(cols: EventColumns, new: RowValues) -> None:
    lo, hi = cols._extent
    for v in (new.x0, new.xm):
        if math.isfinite(v):
            lo = min(lo, v)
    for v in (new.x1, new.xm):
        if math.isfinite(v):
            hi = max(hi, v)
    cols._extent = (lo, hi)


def _refresh_extent(cols: EventColumns, old: tuple[float, float, float]) -> None:
    """After a row with (x0, x1, xm) left: recompute the extent only if it set it."""
    lo, hi = cols._extent
    if any(math.isfinite(v) and v in (lo, hi) for v in old):
        fin_lo = [a[np.isfinite(a)] for a in (cols.x0, cols.xm)]
        fin_hi = [a[np.isfinite(a)] for a in (cols.x1, cols.xm)]
        lo_v = [float(a.min()) for a in fin_lo if len(a)]
        hi_v = [float(a.max()) for a in fin_hi if len(a)]
        cols._extent = (min(lo_v), max(hi_v)) if lo_v and hi_v else (0.0, 86400.0)


# -- the three edits -----------------------------------------------------------

def update_event_row(cols: EventColumns, row: int, new: RowValues, sort_key: SortKey) -> None:
    """Give the event drawn at ``row`` new values (same event index), in place.

    ``sort_key`` must already answer for the edited event with its new key
    (the caller updates the events first).  Cost: O(rows between the old and
    new places) for the row arrays, O(N) vectorised for renumbering
    ``time_order`` / ``xm_order``, O(log N) calls of ``sort_key``.
    """
    assert cols.xm_order is not None  # set by EventColumns.__post_init__
    old_lane = int(cols.lane[row])
    old_x = (float(cols.x0[row]), float(cols.x1[row]), float(cols.xm[row]))
    # 1. where the row goes: its lane's block in the arrays without it
    if old_lane == BAND_LANE:
        cols.band_count -= 1
    cols.lane_bounds[old_lane + 1:] -= 1
    if new.lane == BAND_LANE:
        cols.band_count += 1
    cols.lane_bounds[new.lane + 1:] += 1
    a, b = _block(cols, new.lane)  # final block (includes the moved row)
    xs = _without(cols.x0, a, b - 1, row)
    ei = _without(cols.event_index, a, b - 1, row)
    p = a + _count_below(xs, ei, new.x0, new.event_index)
    # 2. move the row arrays
    for name in (*_ROW_FIELDS, "x1_cummax"):
        _shift(getattr(cols, name), row, p)
    for name, value in zip(_ROW_FIELDS, new[:9], strict=True):
        getattr(cols, name)[p] = value
    for name, value in _calendar_rows(cols, new):
        _shift(getattr(cols, name), row, p)
        getattr(cols, name)[p] = value
    spread = cols.__dict__.get("_spread")
    if spread is not None:
        _shift(spread, row, p)
        spread[p] = _spread_value(new.kind, new.flags, new.x0, new.x1)
    ids = _id_list(cols)
    eid = ids.pop(row)
    ids.insert(p, eid)
    index = cols.__dict__.get("_row_index")
    if index is not None:
        for k in range(min(row, p), max(row, p) + 1):
            index[cols.ids[k]] = k
    # 3. renumber rows held by time_order and xm_order
    lo, hi = min(row, p), max(row, p)
    step = -1 if p > row else 1
    rank = cols.__dict__.get("_rank")
    t_pos = int(rank[row]) if rank is not None else int(np.flatnonzero(cols.time_order == row)[0])
    x_pos = int(np.flatnonzero(cols.xm_order == row)[0])
    if p != row:
        for arr in (cols.time_order, cols.xm_order):
            assert arr is not None
            # rows lo..hi shift by one: (arr - lo) as unsigned <= hi - lo is lo <= arr <= hi in two passes
            moved = (arr - lo).view(np.uint64) <= np.uint64(hi - lo)
            np.add(arr, step, out=arr, where=moved)
            # (the edited row was renumbered with the others; set it right below)
    cols.time_order[t_pos] = p
    cols.xm_order[x_pos] = p
    # 4. its place in time order
    t_new = _time_position(cols, (new.sort_point, new.event_index), sort_key, skip=t_pos)
    _shift(cols.time_order, t_pos, t_new)
    # 5. its place among the lane's markers
    xa, xb = _block(cols, new.lane)
    xm_s = _without(cols.xm_sorted, xa, xb - 1, x_pos)
    rows_s = _without(cols.xm_order, xa, xb - 1, x_pos)
    x_new = xa + _count_below(xm_s, rows_s, new.xm, p)
    _shift(cols.xm_order, x_pos, x_new)
    _shift(cols.xm_sorted, x_pos, x_new)
    cols.xm_sorted[x_new] = new.xm
    _recompute_cummax(cols, (old_lane, new.lane))
    _forget_caches(cols, (old_lane, new.lane))
    _refresh_extent(cols, old_x)
    _grow_extent(cols, new)


def _insert_arrays(cols: EventColumns, names: tuple[str, ...], pos: int, values: tuple[float, ...]) -> None:
    for name, value in zip(names, values, strict=True):
        setattr(cols, name, np.insert(getattr(cols, name), pos, value))


def insert_event_row(cols: EventColumns, new: RowValues, event_id: str, sort_key: SortKey) -> int:
    """Draw one more event (its index ``new.event_index`` is already in the
    events; rows of later events must have been renumbered with
    :func:`shift_event_index`).  Returns the new row.  O(N) copies."""
    assert cols.xm_order is not None  # set by EventColumns.__post_init__
    if new.lane == BAND_LANE:
        cols.band_count += 1
    cols.lane_bounds[new.lane + 1:] += 1
    a, b = _block(cols, new.lane)
    p = a + _count_below(cols.x0[a:b - 1], cols.event_index[a:b - 1], new.x0, new.event_index)
    for arr_name in ("time_order", "xm_order"):
        arr: np.ndarray = getattr(cols, arr_name)
        arr[arr >= p] += 1
    _insert_arrays(cols, _ROW_FIELDS, p, tuple(new[:9]))
    for name, value in _calendar_rows(cols, new):
        setattr(cols, name, np.insert(getattr(cols, name), p, value))
    cols.x1_cummax = np.insert(cols.x1_cummax, p, 0.0)
    if "_spread" in cols.__dict__:
        spread = _spread_value(new.kind, new.flags, new.x0, new.x1)
        cols.__dict__["_spread"] = np.insert(cols.__dict__["_spread"], p, spread)
    _id_list(cols).insert(p, event_id)
    cols.__dict__.pop("_row_index", None)
    t_new = _time_position(cols, (new.sort_point, new.event_index), sort_key)
    cols.time_order = np.insert(cols.time_order, t_new, p)
    xa, xb = _block(cols, new.lane)
    x_new = xa + _count_below(cols.xm_sorted[xa:xb - 1], cols.xm_order[xa:xb - 1], new.xm, p)
    cols.xm_order = np.insert(cols.xm_order, x_new, p)
    cols.xm_sorted = np.insert(cols.xm_sorted, x_new, new.xm)
    _recompute_cummax(cols, (new.lane,))
    _forget_caches(cols, (new.lane,))
    _grow_extent(cols, new)
    return p



def remove_event_row(cols: EventColumns, row: int) -> None:
    """Stop drawing the event at ``row`` (its event index stays taken until
    the caller calls :func:`shift_event_index`).  O(N) copies."""
    assert cols.xm_order is not None  # set by EventColumns.__post_init__
    lane = int(cols.lane[row])
    old_x = (float(cols.x0[row]), float(cols.x1[row]), float(cols.xm[row]))
    if lane == BAND_LANE:
        cols.band_count -= 1
    cols.lane_bounds[lane + 1:] -= 1
    t_pos = int(np.flatnonzero(cols.time_order == row)[0])
    x_pos = int(np.flatnonzero(cols.xm_order == row)[0])
    cols.time_order = np.delete(cols.time_order, t_pos)
    cols.xm_order = np.delete(cols.xm_order, x_pos)
    cols.xm_sorted = np.delete(cols.xm_sorted, x_pos)
    for arr in (cols.time_order, cols.xm_order):
        arr[arr > row] -= 1
    for name in (*_ROW_FIELDS, "x1_cummax", "cal_start", "cal_end"):
        if getattr(cols, name) is not None:
            setattr(cols, name, np.delete(getattr(cols, name), row))
    if "_spread" in cols.__dict__:
        cols.__dict__["_spread"] = np.delete(cols.__dict__["_spread"], row)
    del _id_list(cols)[row]
    cols.__dict__.pop("_row_index", None)
    _recompute_cummax(cols, (lane,))
    _forget_caches(cols, (lane,))
    _refresh_extent(cols, old_x)


def shift_event_index(cols: EventColumns, first: int, delta: int) -> None:
    """Add ``delta`` to every row's event index that is ``>= first`` (an event
    was inserted or removed at ``first`` in the timeline's events)."""
    ei = cols.event_index
    ei[ei >= first] += delta
