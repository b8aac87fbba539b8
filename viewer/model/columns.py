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
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .dates import EventDate, Precision

if TYPE_CHECKING:
    from .timeline import Timeline

__all__ = ["EventColumns", "FLAG_UNCERTAIN", "FLAG_APPROXIMATE", "FLAG_OPEN_START",
           "FLAG_OPEN_END", "FLAG_IMPRECISE", "KIND_POINT", "KIND_SPAN", "KIND_BAND", "BAND_LANE"]

FLAG_UNCERTAIN = 1 << 0   #: the date carries EDTF ``?``
FLAG_APPROXIMATE = 1 << 1  #: the date carries EDTF ``~``
FLAG_OPEN_START = 1 << 2  #: no earliest bound ("on or before", ``..`` start)
FLAG_OPEN_END = 1 << 3    #: no latest bound ("on or after", ``..`` end)
FLAG_IMPRECISE = 1 << 4   #: known only to the day or coarser: drawn over its possible interval

KIND_POINT, KIND_SPAN, KIND_BAND = 0, 1, 2
BAND_LANE = -1  #: lane number of bands (drawn across all lanes)

_UNIT_S = {
    Precision.SECOND: 1.0,
    Precision.MINUTE: 60.0,
    Precision.HOUR: 3600.0,
    Precision.DAY: 86400.0,
    Precision.MONTH: 30 * 86400.0,
    Precision.YEAR: 365 * 86400.0,
    Precision.DECADE: 3650 * 86400.0,
    Precision.CENTURY: 36500 * 86400.0,
}


def _flags(d: EventDate) -> int:
    f = 0
    if d.uncertain:
        f |= FLAG_UNCERTAIN
    if d.approximate:
        f |= FLAG_APPROXIMATE
    if d.precision <= Precision.DAY:
        f |= FLAG_IMPRECISE
    return f


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
        (a whole day for a date known to the day), start..end of a span.  Open
        sides are clamped: a ``..`` span end runs to the last finite date of
        the timeline, an "on or before/after" side to a whisker of
        ``open_whisker_s``.
    xm : float64
        Marker position (seconds from origin): the middle of a point's
        possible interval, or its known bound when the other side is open; the
        start of a span.
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
    """

    origin_epoch_s: float
    ids: list[str]
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

    # -- construction --------------------------------------------------
    @classmethod
    def from_timeline(cls, timeline: "Timeline") -> "EventColumns":
        """Build the arrays for ``timeline`` (O(N log N))."""
        lo, hi = timeline.finite_extent()
        ref = timeline.reference_date
        anchor = ref.earliest if ref is not None and math.isfinite(ref.earliest) else lo
        origin = math.floor(anchor / 86400.0) * 86400.0
        whisker = max(3 * 86400.0, 0.02 * (hi - lo))
        lane_of = timeline.track_index
        n_lanes = len(timeline.tracks)

        rows = []
        for i, ev in enumerate(timeline.events):
            kind = {"point": KIND_POINT, "span": KIND_SPAN, "band": KIND_BAND}[ev.kind.value]
            lane = BAND_LANE if kind == KIND_BAND else lane_of.get(ev.track, -2)
            if lane == -2:
                continue  # unknown track: readers reject this; never crash here
            s = ev.start
            flags = _flags(s)
            if kind == KIND_POINT or ev.end is None:
                e0, e1 = s.earliest, s.latest
                unit = _UNIT_S.get(s.precision, 86400.0)
                if math.isinf(e0) and math.isinf(e1):
                    continue  # wholly undated: nothing to draw
                if math.isinf(e0):
                    flags |= FLAG_OPEN_START
                    xm = e1 - unit / 2
                    e0 = e1 - unit - whisker
                elif math.isinf(e1):
                    flags |= FLAG_OPEN_END
                    xm = e0 + unit / 2
                    e1 = e0 + unit + whisker
                else:
                    xm = (e0 + e1) / 2 if flags & FLAG_IMPRECISE else e0
                solid = (1.0, 0.0)
            else:
                e = ev.end
                flags |= _flags(e)
                e0, e1 = s.earliest, e.latest
                if math.isinf(e0):
                    flags |= FLAG_OPEN_START
                    e0 = (min(lo, e.earliest) if math.isfinite(e.earliest) else lo) - whisker
                if math.isinf(e1):
                    flags |= FLAG_OPEN_END
                    e1 = max(hi, s.latest if math.isfinite(s.latest) else hi)
                sl = s.latest if math.isfinite(s.latest) else e0
                ee = e.earliest if math.isfinite(e.earliest) else e1
                solid = (sl, ee)
                xm = e0
            rows.append((lane, e0 - origin, e1 - origin, xm - origin, solid[0] - origin,
                         solid[1] - origin, flags, kind, i, ev.sort_point, ev.id))

        n = len(rows)
        lane_a = np.array([r[0] for r in rows], dtype=np.int32)
        x0 = np.array([r[1] for r in rows], dtype=np.float64)
        order = np.lexsort((x0, lane_a)) if n else np.zeros(0, dtype=np.int64)
        rows = [rows[k] for k in order]

        def col(k: int, dtype: type) -> np.ndarray:
            return np.array([r[k] for r in rows], dtype=dtype)

        lane_a = col(0, np.int32)
        x1 = col(2, np.float64)
        band_count = int(np.count_nonzero(lane_a == BAND_LANE))
        bounds = np.searchsorted(lane_a, np.arange(n_lanes + 1), side="left").astype(np.int64)
        cummax = np.empty_like(x1)
        blocks = [(0, band_count)] + [(int(bounds[k]), int(bounds[k + 1])) for k in range(n_lanes)]
        for a, b in blocks:
            if b > a:
                cummax[a:b] = np.maximum.accumulate(x1[a:b])
        sort_pt = np.array([r[9] if math.isfinite(r[9]) else math.inf for r in rows], dtype=np.float64)
        ids = [r[10] for r in rows]
        file_order = np.array([r[8] for r in rows], dtype=np.int64)
        time_order = np.lexsort((file_order, sort_pt)) if n else np.zeros(0, dtype=np.int64)
        return cls(
            origin_epoch_s=float(origin),
            ids=ids,
            event_index=col(8, np.int64),
            lane=lane_a,
            kind=col(7, np.int8),
            x0=col(1, np.float64),
            x1=x1,
            xm=col(3, np.float64),
            solid0=col(4, np.float64),
            solid1=col(5, np.float64),
            flags=col(6, np.uint8),
            lane_bounds=bounds,
            band_count=band_count,
            x1_cummax=cummax,
            time_order=time_order.astype(np.int64),
            open_whisker_s=whisker,
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

    def row_of(self, event_id: str) -> int:
        """Row number of an event id; raises KeyError if it is not drawn."""
        try:
            return self._row_index[event_id]
        except AttributeError:
            self._row_index = {eid: k for k, eid in enumerate(self.ids)}
            return self._row_index[event_id]

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

    def _time_rank(self) -> np.ndarray:
        try:
            return self._rank
        except AttributeError:
            rank = np.empty_like(self.time_order)
            rank[self.time_order] = np.arange(len(self.time_order))
            self._rank = rank
            return rank

    def extent(self) -> tuple[float, float]:
        """Smallest ``(x0.min(), x1.max())`` covering every drawn event (s from origin)."""
        if not len(self.ids):
            return 0.0, 86400.0
        return float(self.x0.min()), float(self.x1.max())
