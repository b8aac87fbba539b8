"""Per-event dates of a timeline as numpy arrays, and the drawing rules on them.

:class:`DateArrays` holds every event's dates in file order;
:func:`drawn_values` and :func:`calendar_values` turn them into the values
:class:`~viewer.model.columns.EventColumns` sorts and draws (one place for the
rules, shared with the editing code).  Times are epoch seconds UTC.  Pure
numpy, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .dates import EventDate, Precision, unit_seconds
from .records import Event, Track

__all__ = ["DateArrays", "DatedTimeline", "drawn_values", "calendar_values", "calendar_anchors", "sort_point_array",
           "FLAG_UNCERTAIN", "FLAG_APPROXIMATE", "FLAG_OPEN_START", "FLAG_OPEN_END", "FLAG_IMPRECISE",
           "FLAG_COARSE", "FLAG_YEAR_UNKNOWN", "FLAG_HALF_KNOWN", "KIND_POINT", "KIND_SPAN", "KIND_BAND", "BAND_LANE",
           "half_known_sign"]

FLAG_UNCERTAIN = 1 << 0   #: the date carries EDTF ``?``
FLAG_APPROXIMATE = 1 << 1  #: the date carries EDTF ``~``
FLAG_OPEN_START = 1 << 2  #: no earliest bound ("on or before", ``..`` start)
FLAG_OPEN_END = 1 << 3    #: no latest bound ("on or after", ``..`` end)
FLAG_IMPRECISE = 1 << 4   #: known only to the day or coarser: drawn over its possible interval
FLAG_COARSE = 1 << 5      #: a point's possible interval is wider than one day: hollow marker
FLAG_YEAR_UNKNOWN = 1 << 6  #: a date's year is unknown (``XXXX-06-10``): listed, not placed on the axis
#: a span with one date known and the other's year unknown (``2023-05-01`` to ``XXXX-06-10``): drawn
#: as a marker at its known date with a fading whisker and "?" towards the unknown side
FLAG_HALF_KNOWN = 1 << 7

KIND_POINT, KIND_SPAN, KIND_BAND = 0, 1, 2
BAND_LANE = -1  #: lane number of bands (drawn across all lanes)


#: seconds in one unit of each Precision (index = Precision value); unknown counts as a day
_UNIT_ARRAY = np.array([unit_seconds(Precision(k)) if k else 86400.0 for k in range(len(Precision))])


def _flag_array(precision: np.ndarray, uncertain: np.ndarray, approximate: np.ndarray) -> np.ndarray:
    """``FLAG_*`` bits of dates given as arrays (precision as ``Precision`` ints)."""
    f = (np.where(uncertain, FLAG_UNCERTAIN, 0) | np.where(approximate, FLAG_APPROXIMATE, 0)
         | np.where(precision <= int(Precision.DAY), FLAG_IMPRECISE, 0))
    return f.astype(np.int64)


def sort_point_array(s_lo: np.ndarray, s_hi: np.ndarray, s_prec: np.ndarray, has_end: np.ndarray,
                     e_lo: np.ndarray, e_hi: np.ndarray, e_prec: np.ndarray) -> np.ndarray:
    """``Event.sort_point`` for arrays of dates (epoch s; ``inf`` if wholly open).

    The start's earliest moment; for "on or before" the start of its known
    unit; for a wholly open start, the same rule on the end.  Shapes (N,).
    """
    def one(lo: np.ndarray, hi: np.ndarray, prec: np.ndarray) -> np.ndarray:
        unit = _UNIT_ARRAY[np.clip(prec, 0, len(_UNIT_ARRAY) - 1)]
        with np.errstate(invalid="ignore"):
            return np.where(np.isfinite(lo), lo, np.where(np.isfinite(hi), hi - unit, np.inf))

    start = one(s_lo, s_hi, s_prec)
    end = one(e_lo, e_hi, e_prec)
    return np.where(np.isinf(start) & has_end, end, start)


def drawn_values(d: DateArrays, whisker: float) -> tuple[np.ndarray, ...]:
    """Per-event drawn values of :class:`EventColumns`, in file order, epoch seconds UTC.

    The clamping rules of :class:`EventColumns` applied to whole arrays;
    :meth:`EventColumns.from_dates` sorts them, :mod:`viewer.model.editing`
    computes the row of one edited event with them (same rules, one place).

    Parameters
    ----------
    d : DateArrays
        Dates of N events.
    whisker : float
        Length (s) of an open point's whisker (``EventColumns.open_whisker_s``).

    Returns
    -------
    kind, x0, x1, xm, solid0, solid1, flags, lane, keep : arrays (N,)
        ``x*``/``solid*`` in epoch seconds (not yet relative to an origin);
        ``keep`` is False for events that are not drawn (unknown track,
        wholly undated).  An event whose year is unknown (``d.year_unknown``)
        is kept (listed, searchable, selectable) but placed nowhere: ``x0``,
        ``x1`` and ``xm`` are ``+inf`` (no window meets it, no extent counts
        it; its possible years, 0 to 9999, are EDTF's four digits, not the
        source's) and its flags carry ``FLAG_YEAR_UNKNOWN``.  But a span with one date
        known and the other's year unknown (``d.half_known``) is drawn at its known date, as a
        point (``KIND_POINT``) whose whisker of ``whisker`` s runs towards the unknown side
        (``FLAG_OPEN_END`` or ``FLAG_OPEN_START``), flagged ``FLAG_HALF_KNOWN``: never a span to
        an invented date.
    """
    kind = d.kind.astype(np.int8)
    s_lo, s_hi, e_lo, e_hi = d.start_earliest, d.start_latest, d.end_earliest, d.end_latest
    flags = _flag_array(d.start_precision, d.start_uncertain, d.start_approximate)
    pointlike = (kind == KIND_POINT) | ~d.has_end
    unit = _UNIT_ARRAY[np.clip(d.start_precision, 0, len(_UNIT_ARRAY) - 1)]
    with np.errstate(invalid="ignore"):
        open0, open1 = np.isinf(s_lo), np.isinf(s_hi)
        # points (and spans without an end): their possible interval
        p_flags = flags | np.where(open0 & ~open1, FLAG_OPEN_START, 0) | np.where(
            ~open0 & open1, FLAG_OPEN_END, 0)
        p_x0 = np.where(open0, s_hi - unit - whisker, s_lo)
        p_x1 = np.where(open1 & ~open0, s_lo + unit + whisker, s_hi)
        p_xm = np.where(open0, s_hi - unit / 2, np.where(
            open1, s_lo + unit / 2, np.where(flags & FLAG_IMPRECISE, (s_lo + s_hi) / 2, s_lo)))
        # spans: start..end, open sides clamped to the finite extent
        sp_flags = flags | _flag_array(d.end_precision, d.end_uncertain, d.end_approximate)
        sp_open0, sp_open1 = np.isinf(s_lo), np.isinf(e_hi)
        sp_flags = sp_flags | np.where(sp_open0, FLAG_OPEN_START, 0) | np.where(sp_open1, FLAG_OPEN_END, 0)
        # an open side stays infinite: the bar runs to the view's edge and
        # fades there (the painter clips), and never claims a start or end
        sp_x0 = s_lo
        sp_x1 = e_hi
        # the certain part: from the latest possible start to the earliest
        # possible end; none when either is unknown
        sp_s0 = np.where(np.isfinite(s_hi), s_hi, np.inf)
        sp_s1 = np.where(np.isfinite(e_lo), e_lo, -np.inf)
        first_known = np.where(np.isfinite(s_lo), s_lo, np.where(np.isfinite(s_hi), s_hi, np.where(
            np.isfinite(e_lo), e_lo, e_hi)))
        p_flags = p_flags | np.where(
            (d.start_precision < int(Precision.DAY)) | (np.isfinite(s_lo) & np.isfinite(s_hi)
                                                        & (s_hi - s_lo > 86400.0 + 1e-6)), FLAG_COARSE, 0)

        x0 = np.where(pointlike, p_x0, sp_x0)
        x1 = np.where(pointlike, p_x1, sp_x1)
        xm = np.where(pointlike, p_xm, first_known)
        solid0 = np.where(pointlike, 1.0, sp_s0)
        solid1 = np.where(pointlike, 0.0, sp_s1)
        flags = np.where(pointlike, p_flags, sp_flags).astype(np.uint8)
        if d.year_unknown is not None and d.year_unknown.any():
            unknown = d.year_unknown
            if d.half_known is not None and d.half_known.any():
                kind, x0, x1, xm, solid0, solid1, flags = _half_known_values(
                    d, whisker, kind, x0, x1, xm, solid0, solid1, flags)
                unknown = unknown & (d.half_known == 0)
            x0, x1, xm = (np.where(unknown, np.inf, v) for v in (x0, x1, xm))
            solid0, solid1 = np.where(unknown, 1.0, solid0), np.where(unknown, 0.0, solid1)
            flags = (flags | np.where(unknown, FLAG_YEAR_UNKNOWN, 0)).astype(np.uint8)
    lane = d.lane.astype(np.int32)
    # unknown tracks (readers reject them) and wholly undated points are not drawn
    undated_span = ~pointlike & ~np.isfinite(s_lo) & ~np.isfinite(s_hi) & ~np.isfinite(e_lo) & ~np.isfinite(e_hi)
    keep = (lane >= BAND_LANE) & ~(pointlike & open0 & open1) & ~undated_span
    return kind, x0, x1, xm, solid0, solid1, flags, lane, keep


def _half_known_values(d: DateArrays, whisker: float, *values: np.ndarray) -> tuple[np.ndarray, ...]:
    """``kind, x0, x1, xm, solid0, solid1, flags`` (N,) with the rows of ``d.half_known`` drawn as
    a point at their known date: its possible interval, a whisker of ``whisker`` s towards the
    unknown side, flags of the known date plus the open side and ``FLAG_HALF_KNOWN``."""
    kind, x0, x1, xm, solid0, solid1, flags = values
    assert d.half_known is not None
    half = d.half_known
    end_known = half < 0
    lo = np.where(end_known, d.end_earliest, d.start_earliest)
    hi = np.where(end_known, d.end_latest, d.start_latest)
    prec = np.where(end_known, d.end_precision, d.start_precision)
    known_flags = np.where(end_known, _flag_array(d.end_precision, d.end_uncertain, d.end_approximate),
                           _flag_array(d.start_precision, d.start_uncertain, d.start_approximate))
    known_flags = known_flags | np.where((prec < int(Precision.DAY)) | (hi - lo > 86400.0 + 1e-6), FLAG_COARSE, 0)
    on = half != 0
    h_flags = known_flags | FLAG_HALF_KNOWN | np.where(end_known, FLAG_OPEN_START, FLAG_OPEN_END)
    h_xm = np.where(known_flags & FLAG_IMPRECISE, (lo + hi) / 2, lo)
    return (np.where(on, KIND_POINT, kind).astype(np.int8),
            np.where(on, np.where(end_known, lo - whisker, lo), x0),
            np.where(on, np.where(end_known, hi, hi + whisker), x1),
            np.where(on, h_xm, xm), np.where(on, 1.0, solid0), np.where(on, 0.0, solid1),
            np.where(on, h_flags, flags).astype(np.uint8))


def half_known_of(events: Sequence[Event]) -> np.ndarray | None:
    """int8 (N,): ``+1`` for a span whose start is known and whose end's year is unknown
    (``2023-05-01`` to ``XXXX-06-10``), ``-1`` for the other way round, 0 otherwise
    (:func:`viewer.model.facets.known_side`); None when there is none.  The known side must be
    a date (finite earliest and latest): ``XXXX-06-10`` to ``..`` has none, so it is placed
    nowhere (before, its x were -inf..inf with a NaN middle, and its collection did not open)."""
    out = np.array([half_known_sign(ev.start, ev.end) for ev in events], dtype=np.int8)
    return out if out.any() else None


def half_known_sign(start: EventDate, end: EventDate | None) -> int:
    """``+1`` when ``start`` is a date (finite earliest and latest) and ``end``'s year is
    unknown, ``-1`` the other way round, else 0 (one rule for the window, the collection
    writer and its checks: :func:`half_known_of`)."""
    if end is None or start.year_unknown == end.year_unknown:
        return 0
    known = end if start.year_unknown else start
    if not (math.isfinite(known.earliest) and math.isfinite(known.latest)):
        return 0  # "XXXX-06-10" to "..": no date known, placed nowhere
    return -1 if start.year_unknown else 1


class DatedTimeline(Protocol):
    """What :meth:`DateArrays.from_timeline` reads of a timeline
    (:class:`~viewer.model.timeline.Timeline` has it all)."""

    @property
    def events(self) -> Sequence[Event]: ...

    @property
    def tracks(self) -> Sequence[Track]: ...

    @property
    def track_index(self) -> Mapping[str, int]: ...

    @property
    def reference_date(self) -> EventDate | None: ...

    @property
    def home_start(self) -> EventDate | None: ...


@dataclass
class DateArrays:
    """Per-event dates of a timeline as arrays, in file order (input of
    :meth:`EventColumns.from_dates`).

    Attributes
    ----------
    ids : list of str, length N
    lane : int array (N,)
        Lane number, ``BAND_LANE`` for bands, ``-2`` for an unknown track.
    kind : int array (N,)
        ``KIND_*``.
    start_earliest, start_latest, end_earliest, end_latest : float64 (N,)
        Possible intervals in epoch seconds UTC (``±inf`` when open); the end
        values are ignored where ``has_end`` is False.
    start_precision, end_precision : int array (N,)
        :class:`~viewer.model.dates.Precision` values.
    start_uncertain, start_approximate, end_uncertain, end_approximate, has_end : bool (N,)
    sort_point : float64 (N,)
        The start's documented sort point (``EventDate.sort_point``).
    n_lanes : int
    reference_earliest : float or None
        Earliest moment of the timeline's reference date.
    year_unknown : bool (N,) or None
        ``Event.year_unknown`` (a date's year is unknown: not placed on the
        axis, see :func:`drawn_values`); None = no such event.
    half_known : int8 (N,) or None
        Of those, a span with one date known (:func:`half_known_of`: ``+1`` start known,
        ``-1`` end known, 0 otherwise): drawn at its known date; None = no such span.
    """

    ids: list[str]
    lane: np.ndarray
    kind: np.ndarray
    start_earliest: np.ndarray
    start_latest: np.ndarray
    start_precision: np.ndarray
    start_uncertain: np.ndarray
    start_approximate: np.ndarray
    has_end: np.ndarray
    end_earliest: np.ndarray
    end_latest: np.ndarray
    end_precision: np.ndarray
    end_uncertain: np.ndarray
    end_approximate: np.ndarray
    sort_point: np.ndarray
    n_lanes: int
    reference_earliest: float | None = None
    home_earliest: float | None = None  #: start of the home range: where an empty timeline is
    year_unknown: np.ndarray | None = None
    half_known: np.ndarray | None = None

    @classmethod
    def from_timeline(cls, timeline: DatedTimeline) -> DateArrays:
        """The arrays of a timeline built from :class:`~viewer.model.timeline.Event` objects."""
        ref = timeline.reference_date
        arrays = cls.from_events(timeline.events, timeline.track_index, len(timeline.tracks),
                                 None if ref is None else ref.earliest)
        if timeline.home_start is not None:
            arrays.home_earliest = timeline.home_start.earliest
        return arrays

    @classmethod
    def from_events(cls, events: Sequence[Event], track_index: Mapping[str, int], n_lanes: int,
                    reference_earliest: float | None = None) -> DateArrays:
        """The arrays of some events: ``track_index`` maps a track id to its
        lane (:attr:`Timeline.track_index`); ``n_lanes`` is the number of tracks."""
        lane_of = track_index
        kinds = {"point": KIND_POINT, "span": KIND_SPAN, "band": KIND_BAND}
        nan = math.nan
        rows = []
        unknown = [ev.year_unknown for ev in events]
        for ev in events:
            kind = kinds[ev.kind.value]
            s, e = ev.start, ev.end
            rows.append((
                BAND_LANE if kind == KIND_BAND else lane_of.get(ev.track, -2), kind,
                s.earliest, s.latest, int(s.precision), s.uncertain, s.approximate,
                e is not None,
                nan if e is None else e.earliest, nan if e is None else e.latest,
                0 if e is None else int(e.precision),
                False if e is None else e.uncertain, False if e is None else e.approximate,
                ev.sort_point,
            ))
        cols = list(zip(*rows, strict=True)) if rows else [()] * 14
        types = (np.int32, np.int8, float, float, np.int8, bool, bool, bool, float, float,
                 np.int8, bool, bool, float)
        arr = [np.array(c, dtype=t) for c, t in zip(cols, types, strict=True)]
        return cls([ev.id for ev in events], *arr, n_lanes=n_lanes,  # type: ignore[arg-type, misc]
                   reference_earliest=reference_earliest,
                   year_unknown=np.array(unknown, dtype=bool) if any(unknown) else None,
                   half_known=half_known_of(events) if any(unknown) else None)

    def finite_extent(self) -> tuple[float, float]:
        """(first, last) finite moment of any event, as :meth:`Timeline.finite_extent`
        (an event whose year is unknown does not count, nor the known date of a span with
        one date known: the extent is the one ``open_whisker_s`` and the stores' checks use)."""
        latest = np.where(self.has_end, self.end_latest, self.start_latest)
        placed = ~self.year_unknown if self.year_unknown is not None else True
        lo = hi = None
        for v in (self.start_earliest, self.start_latest, latest):
            fin = v[np.isfinite(v) & placed]
            if len(fin):
                lo = float(fin.min()) if lo is None else min(lo, float(fin.min()))
                hi = float(fin.max()) if hi is None else max(hi, float(fin.max()))
        if lo is None or hi is None:  # no dated event: the reference date's day, else the home range's
            for r in (self.reference_earliest, self.home_earliest):
                if r is not None and math.isfinite(r):
                    return r, r + 86400.0
            return 0.0, 86400.0
        return lo, hi


def calendar_values(d: DateArrays) -> tuple[np.ndarray, np.ndarray]:
    """``EventColumns.cal_start`` / ``cal_end`` of every event, in file order
    (epoch seconds; NaN where a side is not a calendar date or the year is unknown): shared by
    :meth:`EventColumns.from_dates` and the editing code (one event)."""
    cal_start, cal_end = calendar_anchors(d.kind, d.has_end, d.start_precision, d.start_earliest, d.start_latest,
                                          d.end_precision, d.end_earliest, d.end_latest)
    if d.year_unknown is not None:  # placed on no day (drawn_values)
        cal_start, cal_end = np.where(d.year_unknown, np.nan, cal_start), np.where(d.year_unknown, np.nan, cal_end)
    return cal_start, cal_end


def calendar_anchors(kind: np.ndarray, has_end: np.ndarray, start_precision: np.ndarray, start_earliest: np.ndarray,
                     start_latest: np.ndarray, end_precision: np.ndarray, end_earliest: np.ndarray,
                     end_latest: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rule of :func:`calendar_values` over plain arrays (K,) (a store's rows):
    ``kind`` int8 ``KIND_*``, ``has_end`` bool, precisions int ``Precision`` values,
    bounds epoch seconds (``±inf`` open).  Returns (cal_start, cal_end) float64 (K,),
    NaN where a side is not a calendar date (for a row drawn as a point, cal_end = cal_start)."""
    s_lo, s_hi = np.asarray(start_earliest, dtype=float), np.asarray(start_latest, dtype=float)
    e_lo, e_hi = np.asarray(end_earliest, dtype=float), np.asarray(end_latest, dtype=float)
    s_prec, e_prec = np.asarray(start_precision, dtype=np.int64), np.asarray(end_precision, dtype=np.int64)
    has_end = np.asarray(has_end, dtype=bool)
    pointlike = (np.asarray(kind).astype(np.int8) == KIND_POINT) | ~has_end
    unit = _UNIT_ARRAY[np.clip(s_prec, 0, len(_UNIT_ARRAY) - 1)]
    with np.errstate(invalid="ignore"):
        s_open = np.isinf(s_lo) & np.isinf(s_hi)
        cal_start = np.where((s_prec <= int(Precision.DAY)) & ~s_open,
                             np.where(np.isfinite(s_lo), s_lo, s_hi - unit), np.nan)
        e_open = np.isinf(e_lo) & np.isinf(e_hi)
        cal_end = np.where(pointlike, cal_start, np.where(
            has_end & (e_prec <= int(Precision.DAY)) & ~e_open,
            np.where(np.isfinite(e_hi), e_hi, e_lo), np.nan))
    return cal_start, cal_end
