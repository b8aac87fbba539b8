"""Columnar numpy view of a timeline, for rendering and hit testing.

Times are float64 seconds relative to :attr:`EventColumns.origin_epoch_s`
(x = epoch seconds UTC - origin), never raw epoch seconds: at a zoom of a few
seconds, raw epoch values (~1.6e9) leave too few bits for pyqtgraph's
transforms.

Rows are sorted by (lane, x0): each lane is one contiguous block, so the
events of a lane that intersect a window ``[a, b]`` are found with two
``searchsorted`` calls on the block's sorted starts and on the running maximum
of its ends (the classic interval-query trick for sorted intervals).  The cost
of a frame is then O(visible), not O(N).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .date_arrays import (
    BAND_LANE,
    FLAG_APPROXIMATE,
    FLAG_COARSE,
    FLAG_HALF_KNOWN,
    FLAG_IMPRECISE,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    FLAG_UNCERTAIN,
    FLAG_YEAR_UNKNOWN,
    KIND_BAND,
    KIND_POINT,
    KIND_SPAN,
    DateArrays,
    DatedTimeline,
    calendar_values,
    drawn_values,
    sort_point_array,
)
from .row_ids import RowIds

__all__ = ["EventColumns", "DateArrays", "DatedTimeline", "FLAG_UNCERTAIN", "FLAG_APPROXIMATE", "FLAG_OPEN_START",
           "FLAG_OPEN_END", "FLAG_IMPRECISE", "FLAG_COARSE", "FLAG_YEAR_UNKNOWN", "FLAG_HALF_KNOWN", "KIND_POINT",
           "KIND_SPAN", "KIND_BAND", "BAND_LANE", "calendar_values", "drawn_values", "sort_point_array",
           "begin_after"]


def begin_after(x0: np.ndarray, origin_epoch_s: float, latest_s: float) -> np.ndarray:
    """Rows whose earliest possible start is at or after ``latest_s`` (epoch s UTC: the latest
    moment of a timeline's reference date, the source's date): bool (N,).

    The rule of "after the source's date, so planned" on columns
    (:meth:`viewer.model.timeline.Timeline.begun_after`, a collection's window).  ``x0`` (N,) is
    seconds from ``origin_epoch_s``.  A row not placed because a year is unknown (``x0`` is
    ``+inf``, :data:`FLAG_YEAR_UNKNOWN`) is not read from ``x0`` (False): ``+inf`` is no date
    after anything (the timeline asks its event's start); an unknown start (``-inf``) is never
    after.  All False when ``latest_s`` is not finite."""
    x = np.asarray(x0, dtype=np.float64)
    if not math.isfinite(latest_s):
        return np.zeros(len(x), dtype=bool)
    with np.errstate(invalid="ignore"):
        out: np.ndarray = np.isfinite(x) & (x >= latest_s - origin_epoch_s)
    return out


@dataclass
class EventColumns:
    """Sorted columnar arrays of a timeline's events.

    Attributes (all arrays have shape (N,), sorted by lane, then ``x0``)
    -------------------------------------------------------------------
    origin_epoch_s : float
        Epoch seconds (UTC) of x = 0: 00:00 UTC of the reference date, or of
        the first finite event date.
    event_index : int64
        Index into ``timeline.events``.
    lane : int32
        Lane number (0 = top track); ``BAND_LANE`` (-1) for bands.
    kind : int8
        ``KIND_POINT``, ``KIND_SPAN`` or ``KIND_BAND``.
    x0, x1 : float64
        Drawn extent, seconds from origin: the possible interval of a point
        (a whole day for a date known to the day), start..end of a span.  An
        open side of a span (``..``, "on or after" end) is ``-inf`` / ``inf``:
        the painter runs it to the view's edge and fades it there.  A point's
        "on or before/after" side is a whisker of ``open_whisker_s``.  An
        event whose year is unknown (``XXXX-06-10``, flag ``FLAG_YEAR_UNKNOWN``)
        has ``x0 = x1 = xm = +inf``: listed, but placed nowhere on the axis; but a
        span with one date known and the other's year unknown is a point at its
        known date (``FLAG_HALF_KNOWN``, :func:`~viewer.model.date_arrays.drawn_values`).
    xm : float64
        Marker position (seconds from origin): the middle of a point's
        possible interval, or its known bound when the other side is open; the
        first known moment of a span.
    solid0, solid1 : float64
        The certain part of a span (from the latest possible start to the
        earliest possible end); ``solid0 > solid1`` when there is none.
    flags : uint8
        Bit set of ``FLAG_*``.
    lane_bounds : int64, shape (n_lanes + 1,)
        Lane ``k`` is rows ``lane_bounds[k]:lane_bounds[k + 1]``; bands come
        first in ``[0, band_count)``.
    x1_cummax : float64
        Running maximum of ``x1`` within each lane block.
    time_order : int64
        Row numbers sorted by the events' documented ``Event.sort_point``, ties
        in file order: the order of Left/Right navigation.
    xm_order : int64
        Row numbers sorted by lane, then marker position ``xm`` (computed when
        not given); ``xm_sorted = xm[xm_order]``.  Within a lane block these
        are the cumulative counts behind :meth:`density`, :meth:`count_markers`
        and :meth:`nearest`.
    cal_start, cal_end : float64 or None
        For a side given as a calendar date (known to the day or coarser,
        not wholly open): the epoch second (UTC) that picks its calendar day
        (the start's sort point; the end's latest moment, else its earliest),
        NaN for other sides; for a row drawn as a point ``cal_end`` is
        ``cal_start`` (its whole interval follows its start's day).  What
        :func:`viewer.model.zones.timeline_on_local_days` moves onto a display
        zone's days with whole arrays.  None when not known (then it asks
        the events).
    """

    origin_epoch_s: float
    ids: Sequence[str]
    event_index: np.ndarray
    lane: np.ndarray
    kind: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    xm: np.ndarray
    solid0: np.ndarray
    solid1: np.ndarray
    flags: np.ndarray
    lane_bounds: np.ndarray
    band_count: int
    x1_cummax: np.ndarray
    time_order: np.ndarray
    open_whisker_s: float
    xm_order: np.ndarray | None = None
    cal_start: np.ndarray | None = None
    cal_end: np.ndarray | None = None

    # -- construction --------------------------------------------------
    @classmethod
    def from_timeline(cls, timeline: DatedTimeline) -> EventColumns:
        """Build the arrays for ``timeline`` (O(N log N))."""
        return cls.from_dates(DateArrays.from_timeline(timeline))

    @classmethod
    def from_dates(cls, d: DateArrays) -> EventColumns:
        """Build the arrays from per-event date bounds, without Event objects.

        All the clamping rules of the class docstring are applied here, on
        whole arrays (numpy), so a reader can build the columns of a million
        events directly from their dates.

        Parameters
        ----------
        d : DateArrays
            One entry per event of the timeline, in file order.
        """
        n_all = len(d.ids)
        lo, hi = d.finite_extent()
        ref = d.reference_earliest
        anchor = ref if ref is not None and math.isfinite(ref) else lo
        origin = math.floor(anchor / 86400.0) * 86400.0
        whisker = max(3 * 86400.0, 0.02 * (hi - lo))

        kind, x0, x1, xm, solid0, solid1, flags, lane, keep = drawn_values(d, whisker)
        keep_idx = np.nonzero(keep)[0]
        order = keep_idx[np.lexsort((x0[keep_idx], lane[keep_idx]))] if len(keep_idx) else keep_idx
        n = len(order)
        lane_a = lane[order]
        x1_s = x1[order]
        band_count = int(np.count_nonzero(lane_a == BAND_LANE))
        n_lanes = d.n_lanes
        bounds = np.searchsorted(lane_a, np.arange(n_lanes + 1), side="left").astype(np.int64)
        cummax = np.empty_like(x1_s)
        blocks = [(0, band_count)] + [(int(bounds[k]), int(bounds[k + 1])) for k in range(n_lanes)]
        for a, b in blocks:
            if b > a:
                cummax[a:b] = np.maximum.accumulate(x1_s[a:b] - origin)
        sp = d.sort_point[order]
        sort_pt = np.where(np.isfinite(sp), sp, math.inf)
        cal_start, cal_end = calendar_values(d)
        ids = d.ids if n == n_all and np.array_equal(order, np.arange(n)) else [d.ids[k] for k in order]
        # ties keep file order (``order`` holds each row's index in the file)
        time_order = np.lexsort((order, sort_pt)).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
        return cls(
            origin_epoch_s=float(origin),
            ids=_copied(ids),
            event_index=order.astype(np.int64),
            lane=lane_a,
            kind=kind[order],
            x0=x0[order] - origin,
            x1=x1_s - origin,
            xm=xm[order] - origin,
            solid0=solid0[order] - origin,
            solid1=solid1[order] - origin,
            flags=flags[order],
            lane_bounds=bounds,
            band_count=band_count,
            x1_cummax=cummax,
            time_order=time_order,
            open_whisker_s=whisker,
            cal_start=cal_start[order],
            cal_end=cal_end[order],
        )

    def __post_init__(self) -> None:
        n = len(self.ids)
        # the finite part only: open sides of spans are infinite
        # (min / max where finite: no copy of the finite values)
        lo_v = [float(np.min(a, where=f, initial=np.inf)) for a, f in ((a, np.isfinite(a)) for a in (self.x0, self.xm))
                if f.any()]
        hi_v = [float(np.max(a, where=f, initial=-np.inf)) for a, f in ((a, np.isfinite(a)) for a in (self.x1, self.xm))
                if f.any()]
        self._extent = (min(lo_v), max(hi_v)) if lo_v and hi_v else (0.0, 86400.0)
        # marker positions sorted within each lane block: density counts and
        # nearest-marker queries by binary search at any resolution
        if self.xm_order is None:
            block_of = self.lane.astype(np.int64)
            self.xm_order = np.lexsort((self.xm, block_of)).astype(np.int64) if n else np.zeros(0, np.int64)
        self._xm_rows: np.ndarray = self.xm_order  # xm_order, never None from here on
        self.xm_sorted = self.xm[self.xm_order]

    def subset(self, row_keep: np.ndarray, lane_map: np.ndarray, new_event_index: np.ndarray,
               n_lanes: int) -> EventColumns:
        """The columns of some rows, with lanes renumbered, without Event objects.

        What :func:`~viewer.model.filters.apply_filters` gives a lazily-loaded
        timeline.  Rows keep their x values (same origin), their order within a
        lane (x0, ties as before) and their relative time order; the open
        whisker keeps its length.

        Parameters
        ----------
        row_keep : bool (N,)
            Rows to keep.
        lane_map : int array (n_lanes_before,)
            Old lane -> new lane (0-based, ``< n_lanes``) for every lane of a
            kept row; bands stay ``BAND_LANE``.
        new_event_index : int array (events before,)
            Old event index (file order) -> index in the new timeline's events,
            for every kept row's event.
        n_lanes : int
            Lanes of the new timeline.

        Returns
        -------
        EventColumns
        """
        rows = np.flatnonzero(row_keep)
        old_lane = self.lane[rows]
        lane = np.where(old_lane == BAND_LANE, BAND_LANE,
                        np.asarray(lane_map, dtype=np.int32)[np.maximum(old_lane, 0)]).astype(np.int32)
        by_lane = np.lexsort((self.x0[rows], lane))  # stable: ties keep the current row order
        order = rows[by_lane]
        lane = lane[by_lane]
        bounds = np.searchsorted(lane, np.arange(n_lanes + 1), side="left").astype(np.int64)
        band_count = int(np.count_nonzero(lane == BAND_LANE))
        x1 = self.x1[order]
        cummax = np.empty_like(x1)
        for a, b in [(0, band_count)] + [(int(bounds[k]), int(bounds[k + 1])) for k in range(n_lanes)]:
            if b > a:
                cummax[a:b] = np.maximum.accumulate(x1[a:b])
        time_order = np.argsort(self._time_rank()[order], kind="stable").astype(np.int64)
        return EventColumns(
            origin_epoch_s=self.origin_epoch_s,
            ids=[self.ids[r] for r in order.tolist()],
            event_index=np.asarray(new_event_index, dtype=np.int64)[self.event_index[order]],
            lane=lane, kind=self.kind[order], x0=self.x0[order], x1=x1, xm=self.xm[order],
            solid0=self.solid0[order], solid1=self.solid1[order], flags=self.flags[order],
            lane_bounds=bounds, band_count=band_count, x1_cummax=cummax, time_order=time_order,
            open_whisker_s=self.open_whisker_s,
            cal_start=None if self.cal_start is None else self.cal_start[order],
            cal_end=None if self.cal_end is None else self.cal_end[order],
        )

    # -- queries -------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ids)

    @property
    def n_lanes(self) -> int:
        return len(self.lane_bounds) - 1

    def block(self, lane: int) -> tuple[int, int]:
        """Row range ``(a, b)`` of a lane (``BAND_LANE`` for the bands)."""
        if lane == BAND_LANE:
            return 0, self.band_count
        return int(self.lane_bounds[lane]), int(self.lane_bounds[lane + 1])

    def visible(self, lane: int, a: float, b: float) -> np.ndarray:
        """Rows of ``lane`` whose drawn extent meets the window ``[a, b]``.

        Parameters
        ----------
        lane : int
            Lane number or ``BAND_LANE``.
        a, b : float
            Window in seconds from the origin, ``a <= b``.

        Returns
        -------
        ndarray of int64, sorted by ``x0``
            Row numbers with ``x0 <= b`` and ``x1 >= a`` (closed, so a
            zero-length span at the window's edge is visible).
        """
        lo, hi = self.block(lane)
        if hi <= lo:
            return np.zeros(0, dtype=np.int64)
        first = lo + int(np.searchsorted(self.x1_cummax[lo:hi], a, side="left"))
        last = lo + int(np.searchsorted(self.x0[lo:hi], b, side="right"))
        if last <= first:
            return np.zeros(0, dtype=np.int64)
        idx = np.arange(first, last, dtype=np.int64)
        return idx[self.x1[first:last] >= a]

    def _markers(self, lane: int) -> tuple[int, np.ndarray]:
        lo, hi = self.block(lane)
        return lo, self.xm_sorted[lo:hi]

    def count_markers(self, lane: int, a: float, b: float) -> int:
        """Number of events of ``lane`` whose marker ``xm`` is in ``[a, b]`` (O(log n))."""
        _, xs = self._markers(lane)
        return int(np.searchsorted(xs, b, side="right") - np.searchsorted(xs, a, side="left"))

    def spread_mask(self) -> np.ndarray:
        """Rows counted over their possible interval by :meth:`density`, bool (N,).

        Points known only to the day or coarser (``FLAG_IMPRECISE``) whose
        possible interval ``[x0, x1]`` is finite and not empty: a date-only
        event could be anywhere in its day.  Open ("on or before / after")
        points, spans and bands count at their marker.
        """
        spread: np.ndarray | None = self.__dict__.get("_spread")
        if spread is None:
            with np.errstate(invalid="ignore"):
                spread = ((self.kind == KIND_POINT) & ((self.flags & FLAG_IMPRECISE) != 0)
                          & ((self.flags & (FLAG_OPEN_START | FLAG_OPEN_END)) == 0)
                          & np.isfinite(self.x0) & np.isfinite(self.x1) & (self.x1 > self.x0))
            self.__dict__["_spread"] = spread
        return spread

    def _density_parts(self, lane: int, only: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        """Per lane, built once: sorted markers of the rows counted at their
        marker, and for the spread rows their starts and ends, each sorted,
        with running sums of ``1 / w`` and ``x0 / w`` (``w = x1 - x0``).
        With ``only`` (bool (N,)), of those rows only; built once per mask
        object (the last one asked is kept)."""
        cache: dict[int, tuple[np.ndarray, ...]]
        if only is None:
            cache = self.__dict__.setdefault("_density_cache", {})
        else:
            held = self.__dict__.get("_density_only")
            if held is None or held[0] is not only:
                held = self.__dict__["_density_only"] = (only, {})
            cache = held[1]
        parts = cache.get(lane)
        if parts is None:
            lo, hi = self.block(lane)
            order = self._xm_rows[lo:hi]
            spread = self.spread_mask()
            keep_m = ~spread[order]
            keep_s = spread[lo:hi]
            if only is not None:
                keep_m = keep_m & only[order]
                keep_s = keep_s & only[lo:hi]
            marks = self.xm_sorted[lo:hi][keep_m]
            rows = lo + np.nonzero(keep_s)[0]
            x0, x1 = self.x0[rows], self.x1[rows]
            inv, x0w = 1.0 / (x1 - x0), x0 / (x1 - x0)
            by0, by1 = np.argsort(x0, kind="stable"), np.argsort(x1, kind="stable")

            def run(v: np.ndarray) -> np.ndarray:
                return np.concatenate(([0.0], np.cumsum(v)))

            parts = (marks, x0[by0], run(inv[by0]), run(x0w[by0]), x1[by1], run(inv[by1]), run(x0w[by1]))
            cache[lane] = parts
        return parts

    def density(self, lane: int, a: float, b: float, bins: int) -> np.ndarray:
        """Events per bin of ``bins`` equal bins over ``[a, b]``.

        Counting rule: an event counts where it could have happened.  A point
        known only to the day or coarser (:meth:`spread_mask`: a date-only
        event covers its whole calendar day) is spread uniformly over its
        possible interval ``[x0, x1]``: each bin gets the fraction of the
        interval it covers (fractional counts), so 5,000 date-only events of
        one day fill that day evenly at an hour zoom rather than making a
        line at noon, and the counts over the whole interval still add up to
        one per event.  Every other event (to the hour or finer, open "on or
        before / after" points, spans, bands) counts 1 in the bin of its
        marker ``xm``; those bins are half-open ``[e_k, e_k+1)`` except the
        last, which is closed, as :func:`numpy.histogram`.

        Both parts are read off per-lane sorted arrays with binary searches
        per bin edge (the spread part as the cumulative function
        ``F(t) = #{x1 <= t} + sum over x0 <= t < x1 of (t - x0) / w``, from
        running sums), so any resolution costs O(bins log n), never O(n).
        A bin that no event reaches is exactly 0.

        Returns
        -------
        ndarray of float64, shape (bins,)
            Whole numbers where only markers count.
        """
        counts: np.ndarray = self.density_many([lane], a, b, bins)[0]
        return counts

    def density_many(self, lanes: Sequence[int], a: float, b: float, bins: int,
                     only: np.ndarray | None = None) -> np.ndarray:
        """:meth:`density` of several lanes over the same bins (a frame's strips).

        Parameters
        ----------
        only : ndarray of bool, shape (N,), optional
            Count only the rows where it is True (a search's matches), by the
            same rule.  The rows of each lane are picked out once per mask
            object (O(lane) numpy, no Python loop over events); later frames
            with the same mask cost O(bins log n) as without one (so the mask
            must not be changed in place: a new search gives a new array).

        Returns
        -------
        ndarray of float64, shape (len(lanes), bins)

        Raises
        ------
        ValueError
            If ``only`` does not have one entry per row.
        """
        if only is not None and np.shape(only) != (len(self.xm),):
            raise ValueError(f"row mask must have shape ({len(self.xm)},), got {np.shape(only)}")
        edges = np.linspace(a, b, int(bins) + 1)
        out = np.empty((len(lanes), int(bins)), dtype=np.float64)
        for i, lane in enumerate(lanes):
            out[i] = self._density_edges(lane, edges, b, only)
        return out

    def _density_edges(self, lane: int, edges: np.ndarray, b: float,
                       only: np.ndarray | None = None) -> np.ndarray:
        # (ndarray methods and in-place arithmetic: a frame asks this once per lane)
        marks, s0, inv0, x0w0, s1, inv1, x0w1 = self._density_parts(lane, only)
        cum = marks.searchsorted(edges, "left")
        cum[-1] = marks.searchsorted(b, "right")
        counts = (cum[1:] - cum[:-1]).astype(np.float64)
        if len(s0):
            k0 = s0.searchsorted(edges, "left")  # starts < t (a start at t adds 0 to F(t))
            k1 = s1.searchsorted(edges, "right")  # ends <= t
            # intervals meeting bin k: start < e_k+1 and end > e_k
            reach = k0[1:] - k1[:-1]
            if reach.any():
                f = inv0[k0]
                f -= inv1[k1]
                f *= edges
                f += k1
                f -= x0w0[k0]
                f += x0w1[k1]
                part = f[1:] - f[:-1]
                np.maximum(part, 0.0, out=part)
                part[reach <= 0] = 0.0  # exact zeros where no interval meets the bin (rounding noise)
                counts += part
        return counts

    def covering(self, lane: int, x: float) -> int:
        """Row of a spread event of ``lane`` (:meth:`spread_mask`) whose possible
        interval contains ``x``, the one with the nearest marker; -1 if none.

        With :meth:`nearest`, the hit test of a density strip: where the
        strip shows date-only events away from their markers.
        """
        lo, hi = self.block(lane)
        if hi <= lo:
            return -1
        first = lo + int(np.searchsorted(self.x1_cummax[lo:hi], x, side="left"))
        last = lo + int(np.searchsorted(self.x0[lo:hi], x, side="right"))
        if last <= first:
            return -1
        cand = np.arange(first, last)
        cand = cand[(self.x1[first:last] >= x) & self.spread_mask()[first:last]]
        if not len(cand):
            return -1
        return int(cand[np.argmin(np.abs(self.xm[cand] - x))])

    def nearest(self, lane: int, x: float, max_dx: float = math.inf) -> int:
        """Row of the event of ``lane`` whose marker is nearest to ``x``, or -1.

        Parameters
        ----------
        lane : int
        x : float
            Seconds from the origin.
        max_dx : float
            Only markers within this distance (seconds) count.
        """
        lo, xs = self._markers(lane)
        if not len(xs):
            return -1
        k = int(np.searchsorted(xs, x))
        cands = [j for j in (k - 1, k) if 0 <= j < len(xs)]
        j = min(cands, key=lambda j: abs(xs[j] - x))
        if abs(xs[j] - x) > max_dx:
            return -1
        return int(self._xm_rows[lo + j])

    def row_of(self, event_id: str) -> int:
        """Row number of an event id; raises KeyError if it is not drawn.

        Columns derived from a file's (``ids`` a :class:`RowIds`) ask the
        file's index through their row map; others build a dict once."""
        ids = self.ids
        if isinstance(ids, RowIds):
            return ids.position(event_id)
        index: dict[str, int] | None = self.__dict__.get("_row_index")
        if index is None:
            index = self.__dict__["_row_index"] = {eid: k for k, eid in enumerate(self.ids)}
        return index[event_id]

    def neighbour_in_time(self, event_id: str | None, step: int) -> str | None:
        """The event ``step`` places after (``+1``) or before (``-1``) in time order.

        With ``event_id`` None, the first (step > 0) or last event.  At either
        end the same event is returned (no wrap-around).
        """
        if not len(self.time_order):
            return None
        if event_id is None:
            k = 0 if step > 0 else len(self.time_order) - 1
        else:
            pos = self._time_rank()[self.row_of(event_id)]
            k = min(max(pos + step, 0), len(self.time_order) - 1)
        return self.ids[int(self.time_order[k])]

    def time_rank(self) -> np.ndarray:
        """Position of each row in :attr:`time_order` (its inverse permutation), int64 (N,)."""
        return self._time_rank()

    def _time_rank(self) -> np.ndarray:
        rank: np.ndarray | None = self.__dict__.get("_rank")
        if rank is None:
            rank = np.empty_like(self.time_order)
            rank[self.time_order] = np.arange(len(self.time_order))
            self.__dict__["_rank"] = rank
        return rank

    def known_extent(self, row: int) -> tuple[float, float]:
        """The finite part of a row's drawn extent (seconds from origin).

        ``(x0, x1)`` where finite; an open side of a span is replaced by its
        nearest known moment (the certain part's end, or the first known
        moment ``xm``), so the result can frame the event in a view.
        Raises KeyError for a row placed nowhere (its year is unknown,
        ``FLAG_YEAR_UNKNOWN``): there is nothing to frame.
        """
        if int(self.flags[row]) & FLAG_YEAR_UNKNOWN:
            raise KeyError(f"event {self.ids[row]!r} has an unknown year: it is not placed on the time axis")
        known = [v for v in (float(self.solid0[row]), float(self.solid1[row]), float(self.xm[row]))
                 if math.isfinite(v)]
        x0, x1 = float(self.x0[row]), float(self.x1[row])
        lo = x0 if math.isfinite(x0) else min(known)
        hi = x1 if math.isfinite(x1) else max(known)
        return lo, max(lo, hi)

    def extent(self) -> tuple[float, float]:
        """Smallest ``(x0.min(), x1.max())`` covering every drawn event (s from origin)."""
        return self._extent


_COPY_AT_ONCE = 50_000


def _copied(items: Sequence[str]) -> list[str]:
    """``list(items)``, copied :data:`_COPY_AT_ONCE` items at a time: one copy of a million ids
    held the interpreter lock for 40-110 ms of a background opening, freezing the window."""
    out: list[str] = []
    for a in range(0, len(items), _COPY_AT_ONCE):
        out.extend(items[a:a + _COPY_AT_ONCE])
    return out
