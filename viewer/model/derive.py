"""Derived columns: a filtered or zone-shifted timeline's arrays from the file's.

Pure Python + numpy (no Qt).  A derived timeline of a large file shares the
file's event ids (and its lazily built events) through a row map
(:class:`~viewer.model.row_ids.RowIds`): nothing is copied per event in
Python, every step is a whole-array numpy pass.

* :func:`subset_columns`: the rows a filter keeps (a boolean row mask), with
  lanes renumbered or reordered; lane blocks are cut out of the file's and
  put in the new lane order; the time order, the markers' order and the
  density counts' parts of untouched lanes are carried over instead of
  sorted again.
* :func:`shifted_columns`: every row moved by its own amount (date-only
  events onto a display zone's calendar days); only the lanes whose order
  changed are sorted again.

Both give exactly what :meth:`EventColumns.subset` and a full re-sort give
(same rows in the same order; ``tests/model/test_derive.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from .columns import BAND_LANE, EventColumns
from .row_ids import RowIds

__all__ = ["subset_columns", "shifted_columns", "blocks_of", "EDITED_IN_PLACE"]

EDITED_IN_PLACE = "edited_in_place"
"""Key in an :class:`EventColumns`' ``__dict__`` set on columns an editing
document changes in place (:mod:`viewer.model.column_edits`): columns derived
from them copy their ids and arrays instead of sharing them, so an edit does
not change a derived timeline behind its back before it is derived again."""


def _edited_in_place(cols: EventColumns) -> bool:
    return bool(cols.__dict__.get(EDITED_IN_PLACE))


def blocks_of(cols: EventColumns) -> list[tuple[int, int]]:
    """Row ranges ``(a, b)`` of the bands, then of each lane in order."""
    bounds = cols.lane_bounds.tolist()
    return [(0, cols.band_count)] + [(bounds[k], bounds[k + 1]) for k in range(cols.n_lanes)]


def _derived_ids(cols: EventColumns, order: np.ndarray) -> Sequence[str]:
    """The ids of ``cols`` at rows ``order``, through the file's list (a copy
    of them for columns edited in place)."""
    if _edited_in_place(cols):
        ids = cols.ids
        return [ids[r] for r in order.tolist()]
    return RowIds.of(cols.ids, order, cols.row_of)


def _cummax(x1: np.ndarray, blocks: list[tuple[int, int]]) -> np.ndarray:
    out = np.empty_like(x1)
    for a, b in blocks:
        if b > a:
            np.maximum.accumulate(x1[a:b], out=out[a:b])
    return out


def subset_columns(cols: EventColumns, row_keep: np.ndarray, lane_map: np.ndarray,
                   new_event_index: np.ndarray, n_lanes: int) -> EventColumns:
    """The columns of the rows ``row_keep`` holds, lanes renumbered by ``lane_map``.

    Same result as :meth:`EventColumns.subset` (same arguments; a kept row
    must be a band or on a lane ``lane_map`` keeps), in O(N) numpy passes:
    no sort.  The ids are a :class:`RowIds` over the file's.

    Parameters
    ----------
    cols : EventColumns
    row_keep : bool (N,)
    lane_map : int array (cols.n_lanes,)
        Old lane -> new lane, ``-1`` for a lane not kept; the kept lanes
        map one to one onto ``0 .. n_lanes - 1`` (any order).
    new_event_index : int array (events before,)
        Old event index -> new one, for every kept row's event.
    n_lanes : int

    Returns
    -------
    EventColumns
    """
    row_keep = np.asarray(row_keep, dtype=bool)
    lane_map = np.asarray(lane_map, dtype=np.int64)[:cols.n_lanes]
    old_of_new = np.full(n_lanes, -1, dtype=np.int64)
    kept_lanes = np.flatnonzero(lane_map >= 0)
    old_of_new[lane_map[kept_lanes]] = kept_lanes
    old_blocks = blocks_of(cols)
    segments = [old_blocks[0]] + [old_blocks[k + 1] if k >= 0 else (0, 0) for k in old_of_new.tolist()]
    starts = [a for a, _ in segments]
    in_order = all(x <= y for x, y in zip(starts, starts[1:], strict=False))
    n = len(cols)
    counts = np.zeros(len(segments), dtype=np.int64)
    whole: list[bool] = []
    if in_order and np.array_equal(old_of_new, np.sort(old_of_new)):
        order = np.flatnonzero(row_keep)
        pieces_xm = None
    else:
        parts: list[np.ndarray] = []
        for a, b in segments:
            parts.append(a + np.flatnonzero(row_keep[a:b]))
        order = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        pieces_xm = True
    for i, (a, b) in enumerate(segments):
        counts[i] = np.count_nonzero(row_keep[a:b]) if b > a else 0
        whole.append(b > a and counts[i] == b - a)
    band_count = int(counts[0])
    bounds = np.zeros(n_lanes + 1, dtype=np.int64)
    bounds[0] = band_count
    bounds[1:] = band_count + np.cumsum(counts[1:])
    lane = np.repeat(np.concatenate(([BAND_LANE], np.arange(n_lanes))).astype(np.int32), counts)
    new_row = np.full(n, -1, dtype=np.int64)
    new_row[order] = np.arange(len(order), dtype=np.int64)
    # time order and markers' order: the kept entries of the old ones (no sort)
    t = cols.time_order
    time_order = new_row[t[row_keep[t]]]
    xo = cols.xm_order if cols.xm_order is not None else np.lexsort((cols.xm, cols.lane))
    if pieces_xm is None:
        xm_order = new_row[xo[row_keep[xo]]]
    else:
        xm_parts = [new_row[xo[a:b][row_keep[xo[a:b]]]] for a, b in segments]
        xm_order = np.concatenate(xm_parts) if xm_parts else np.zeros(0, dtype=np.int64)
    # the rows kept in their order: a boolean compress (about twice as fast as a gather by row numbers)
    take = row_keep if pieces_xm is None else order
    x1 = cols.x1[take]
    new_blocks = [(0, band_count)] + [(int(bounds[k]), int(bounds[k + 1])) for k in range(n_lanes)]
    cummax = np.empty_like(x1)
    for (a, b), (oa, ob), w in zip(new_blocks, segments, whole, strict=True):
        if w:
            cummax[a:b] = cols.x1_cummax[oa:ob]
        elif b > a:
            np.maximum.accumulate(x1[a:b], out=cummax[a:b])
    out = EventColumns(
        origin_epoch_s=cols.origin_epoch_s,
        ids=_derived_ids(cols, order),
        event_index=np.asarray(new_event_index, dtype=np.int64)[cols.event_index[take]],
        lane=lane, kind=cols.kind[take], x0=cols.x0[take], x1=x1, xm=cols.xm[take],
        solid0=cols.solid0[take], solid1=cols.solid1[take], flags=cols.flags[take],
        lane_bounds=bounds, band_count=band_count, x1_cummax=cummax,
        time_order=time_order.astype(np.int64, copy=False), open_whisker_s=cols.open_whisker_s,
        xm_order=xm_order.astype(np.int64, copy=False),
        cal_start=None if cols.cal_start is None else cols.cal_start[take],
        cal_end=None if cols.cal_end is None else cols.cal_end[take],
    )
    # caches that hold values, not row numbers: a lane kept whole keeps its density parts
    spread = cols.__dict__.get("_spread")
    if spread is not None:
        out.__dict__["_spread"] = spread[take]
    old_parts: dict[int, tuple[np.ndarray, ...]] = cols.__dict__.get("_density_cache") or {}
    if old_parts:
        new_parts: dict[int, tuple[np.ndarray, ...]] = {}
        if whole[0] and BAND_LANE in old_parts:
            new_parts[BAND_LANE] = old_parts[BAND_LANE]
        for k, old in enumerate(old_of_new.tolist()):
            if old >= 0 and whole[k + 1] and old in old_parts:
                new_parts[k] = old_parts[old]
        out.__dict__["_density_cache"] = new_parts
    return out


def _unsorted_blocks(v: np.ndarray, blocks: list[tuple[int, int]], rows: np.ndarray | None = None) -> list[int]:
    """Indexes into ``blocks`` of the blocks where ``v`` is not in stable
    ascending order: a value below the one before it, or (with ``rows``) equal
    to it with a smaller row number; NaNs count as out of order."""
    if len(v) < 2:
        return []
    with np.errstate(invalid="ignore"):
        ok = v[1:] > v[:-1]
        eq = v[1:] == v[:-1]
        ok |= eq if rows is None else eq & (rows[1:] > rows[:-1])
    bad = np.flatnonzero(~ok) + 1  # position of the second of each bad pair
    if not len(bad):
        return []
    starts = np.array([a for a, _ in blocks], dtype=np.int64)
    ends = np.array([b for _, b in blocks], dtype=np.int64)
    which = np.searchsorted(starts, bad, side="right") - 1
    # only pairs inside one block count (bad > its block's start), and only non-empty blocks
    inside = (which >= 0) & (bad > starts[np.maximum(which, 0)]) & (bad < ends[np.maximum(which, 0)])
    return sorted(set(which[inside].tolist()))


def shifted_columns(cols: EventColumns, d_start: np.ndarray, d_end: np.ndarray) -> EventColumns:
    """``cols`` with each row's start side moved by ``d_start`` and its end side by ``d_end`` (seconds).

    ``x0``, ``xm`` and a span's ``solid0`` move by ``d_start``; ``x1`` and a
    span's ``solid1`` by ``d_end``.  Each lane block is sorted again by
    ``x0`` (stable) only where the move changed its order, and its markers'
    order likewise; the time order is the same events' (mapped to the new
    rows).  Same rows, in the same order, as a stable sort of every block.

    Parameters
    ----------
    cols : EventColumns
    d_start, d_end : float array (N,)

    Returns
    -------
    EventColumns
        ``ids`` a :class:`RowIds` over the file's (its id index shared).
    """
    n = len(cols)
    span = cols.kind != 0
    x0 = cols.x0 + d_start
    xm = cols.xm + d_start
    x1 = cols.x1 + d_end
    s0, s1 = cols.solid0.copy(), cols.solid1.copy()  # a span's solid part moves, a point's stays
    np.add(s0, d_start, out=s0, where=span)
    np.add(s1, d_end, out=s1, where=span)
    blocks = blocks_of(cols)
    resort = _unsorted_blocks(x0, blocks)
    if resort or _edited_in_place(cols):  # (columns edited in place: nothing shared)
        order = np.arange(n, dtype=np.int64)
        for k in resort:
            a, b = blocks[k]
            order[a:b] = a + np.argsort(x0[a:b], kind="stable")
        inv = np.empty_like(order)
        inv[order] = np.arange(n, dtype=np.int64)
        x0, x1, xm, s0, s1 = x0[order], x1[order], xm[order], s0[order], s1[order]
        moved: dict[str, object] = dict(
            ids=_derived_ids(cols, order), event_index=cols.event_index[order], lane=cols.lane[order],
            kind=cols.kind[order], flags=cols.flags[order], time_order=inv[cols.time_order],
            cal_start=None if cols.cal_start is None else cols.cal_start[order],
            cal_end=None if cols.cal_end is None else cols.cal_end[order])
        old_xo = cols.xm_order if cols.xm_order is not None else np.lexsort((cols.xm, cols.lane))
        xo = inv[old_xo]
    else:
        moved = {"ids": _derived_ids(cols, np.arange(n, dtype=np.int64))}  # the file's id index, shared
        xo = (cols.xm_order if cols.xm_order is not None else np.lexsort((cols.xm, cols.lane))).copy()
    # the markers' order: the old one (in the new rows) where still sorted, else sorted again
    for k in _unsorted_blocks(xm[xo], blocks, xo):
        a, b = blocks[k]
        xo[a:b] = a + np.argsort(xm[a:b], kind="stable")
    out: EventColumns = dataclasses.replace(
        cols, x0=x0, x1=x1, xm=xm, solid0=s0, solid1=s1, x1_cummax=_cummax(x1, blocks), xm_order=xo,
        **moved)  # type: ignore[arg-type]
    return out
