"""The event-store interface: what a view asks of a collection, whatever holds it.

Pure Python + numpy (no Qt, no SQL).  A view on screen needs, per frame, the
events that meet its time window on the lanes it shows (up to a cap: beyond a
few thousand markers it draws density strips instead) and, per lane, how many
events fall in each pixel column.  Besides that: the facet values with their
counts, full-text search and one event by id.  :class:`EventStore` states
these questions; :class:`MemoryStore` answers them from a loaded
:class:`~viewer.model.timeline.Timeline` (its :class:`EventColumns`);
:mod:`viewer.io.duckstore` from a Parquet or DuckDB file and
:mod:`viewer.io.clickstore` from a ClickHouse table, with the same answers.

Units: every time here is seconds since the Unix epoch, UTC (``float``); the
drawn extents ``x0``/``x1``/``xm`` and ``flags`` follow the rules of
:class:`~viewer.model.columns.EventColumns` (a date known to the day covers
its whole day, open sides are ``±inf``).

The rules every implementation follows (tests compare them row by row):

* **visible**: rows with ``lane`` in the lanes asked for, ``x0 <= t1`` and
  ``x1 >= t0`` (closed, as :meth:`EventColumns.visible`), ordered by lane,
  then ``x0``, ties in file order.  A lane is returned whole or not at all:
  lanes are taken in ascending order while their events still fit under
  ``cap`` in all; a lane that does not fit is *crowded* (its count is given:
  the view draws it as a density strip).  So an engine counts per lane first
  (cheap) and reads rows only for lanes that fit.
* **density**: per lane, ``bins`` equal bins over ``[t0, t1]``; a point known
  only to the day or coarser counts over its possible interval in equal
  shares (:meth:`EventColumns.density`), every other event counts 1 in the
  bin of its marker ``xm`` (bins half-open, the last closed).
* **search**: :func:`viewer.model.search.parse_query` terms, each a substring
  of the event's folded searchable text (:func:`viewer.model.search.event_text`);
  ids in time order (``Event.sort_point``, ties in file order).
* **facet counts**: events having each value (``""`` = none), as
  :class:`~viewer.model.facets.FacetIndex`; with a window, only events that
  would be visible in it (any lane); with filters, only events passing every
  filter but the facet's own.
* **filters** (:class:`~viewer.model.store_query.StoreFilter`, or a view's
  ``FilterState``): hidden tracks, date range, facets, search text, by the
  rule of :class:`~viewer.model.facets.FacetIndex`; ``visible``, ``density``,
  ``frame``, ``count``, ``page`` and ``facet_counts`` apply them.
* **count / page**: the drawn events passing the filters, in time order
  (``Event.sort_point``, ties in file order); a page is ``offset .. offset + limit``.
* **frame**: ``visible`` and ``density`` (one bin per pixel) of one window in one call.
"""

from __future__ import annotations

import abc
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .columns import BAND_LANE, EventColumns
from .store_query import FilterLike, Frame, StoreFilter, density_of_rows
from .text import counted

if TYPE_CHECKING:
    from .timeline import Event, Timeline

__all__ = ["EventStore", "MemoryStore", "VisibleEvents", "SearchResult", "spread_counts", "density_from_parts",
           "aggregate_resolution", "DEFAULT_CAP", "STORE_FACETS", "StoreFilter", "Frame"]

DEFAULT_CAP = 5000
"""Events a frame asks for at most: more than this on screen are drawn as density."""

STORE_FACETS = ("track", "actors", "sources", "source_kinds", "tags", "grades")
"""Facets a store counts: the track id, then :data:`viewer.model.facets.FACETS`."""


@dataclass
class VisibleEvents:
    """The events of a window (see the module's *visible* rule).

    Attributes
    ----------
    ids, titles : list of str, length K
    lane : int32 (K,)
        Lane number (``BAND_LANE`` = -1 for bands).
    kind : int8 (K,)
        ``KIND_*`` of :mod:`viewer.model.columns`.
    x0, x1, xm : float64 (K,)
        Drawn extent and marker, epoch seconds UTC (``±inf`` for open sides).
    flags : uint8 (K,)
        ``FLAG_*`` bits.
    total : int
        How many events meet the window on all the lanes asked for (``>= K``); of a page,
        how many pass its filters.
    total_exact : bool
        False when ``total`` is a lower bound: a page of a search that the store's search
        index counted only up to a limit (:data:`viewer.io.search_index.COUNT_CAP`).
    lane_totals : dict of int -> int
        Events meeting the window per lane (lanes with none left out).
    crowded : tuple of int
        Lanes whose events are not returned: they did not fit under the cap.
    solid0, solid1 : float64 (K,)
        The part of a span certain to be in progress (latest possible start to
        earliest possible end, epoch seconds UTC; ``solid0 > solid1`` when none):
        the rest is drawn faded.  Empty when the answer was made without them.
    cal_start, cal_end : float64 (K,)
        The calendar day of each side given as a date (``EventColumns.cal_start`` /
        ``cal_end``: epoch s UTC, NaN for a side with a time of day): what a view
        moves onto a display zone's days.  Empty when the answer was made without them
        (then nothing moves).
    planned, draft : bool (K,)
        Marked ``planned`` by its source (``status``; the memory store also counts
        events after the timeline's reference date) / an unreviewed draft: drawn
        hollow-dashed / with a dotted ring, never as a plain fact.  Empty arrays
        when the answer was made without them (then nothing is marked).
    events : list of Event
        A :meth:`EventStore.page` answer's events themselves, in its order (what an event
        list writes of their dates: the honest words, never a drawn midpoint); empty in
        the answers of a window.
    from_sidecar : object or None
        Set by a store that read this page's rows from an untrusted sidecar file (the
        collection's search index) instead of the collection itself: its record of what it
        served, for the store's check of exactly those rows against the collection once
        the page is shown (:meth:`viewer.io.duckstore.DuckStore.check_sidecar_page`).
        None: read from the events themselves.
    """

    ids: list[str]
    lane: np.ndarray
    kind: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    xm: np.ndarray
    flags: np.ndarray
    titles: list[str]
    total: int = 0
    lane_totals: dict[int, int] = field(default_factory=dict)
    crowded: tuple[int, ...] = ()
    planned: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    solid0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    solid1: np.ndarray = field(default_factory=lambda: np.zeros(0))
    draft: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    cal_start: np.ndarray = field(default_factory=lambda: np.zeros(0))
    cal_end: np.ndarray = field(default_factory=lambda: np.zeros(0))
    events: list[Event] = field(default_factory=list)
    total_exact: bool = True
    from_sidecar: Any = field(default=None, compare=False, repr=False)

    @property
    def truncated(self) -> bool:
        """True when some lane's events were left out (too many for the cap)."""
        return bool(self.crowded)

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class SearchResult:
    """Ids of matching events in time order (at most the cap), and how many match in all.

    Attributes
    ----------
    ids : list of str
        The first matches in time order, at most the cap asked for.
    total : int
        How many events match; when ``exact`` is False, a lower bound (a store
        with a search index stops counting at a limit: ``at least total``).
    exact : bool
        Whether ``total`` is the exact count.
    """

    ids: list[str] = field(default_factory=list)
    total: int = 0
    exact: bool = True

    def count_text(self) -> str:
        """The count as a person reads it: ``"1 match"``, ``"2,345 matches"``, or
        ``"at least 100,000 matches"`` when the count stopped at a limit."""
        words = counted(self.total, "match", "matches")
        return words if self.exact else f"at least {words}"


class EventStore(abc.ABC):
    """A collection of events that answers a view's questions (module docstring).

    Attributes
    ----------
    lane_ids : tuple of str
        Track id of each lane, top to bottom.
    n_events : int
        Events in the collection (drawn or not).
    """

    lane_ids: tuple[str, ...] = ()
    n_events: int = 0

    @abc.abstractmethod
    def extent(self) -> tuple[float, float]:
        """(first, last) finite drawn moment of any event, epoch s; ``(0, 86400)`` if none."""

    @abc.abstractmethod
    def visible(self, t0: float, t1: float, lanes: Iterable[int], cap: int = DEFAULT_CAP,
                filters: FilterLike | None = None) -> VisibleEvents:
        """Events of ``lanes`` meeting ``[t0, t1]`` (epoch s) that pass ``filters``
        (:class:`~viewer.model.store_query.StoreFilter` or a view's ``FilterState``; None = all):
        whole lanes, at most ``cap`` in all.  Raises ValueError for a bad window."""

    @abc.abstractmethod
    def density(self, t0: float, t1: float, lanes: Iterable[int], bins: int, exact: bool = False,
                filters: FilterLike | None = None) -> np.ndarray:
        """Events per bin, float64 (len(lanes), bins) over ``[t0, t1]`` (epoch s), of the events
        passing ``filters``.  ``exact=False`` lets a store with pre-aggregated counts place a
        marker within 1/8 of a bin of where it is (unfiltered, zoomed out); ``exact=True``
        gives the module's rule to the bit.  Raises ValueError for a bad window or ``bins < 1``."""

    @abc.abstractmethod
    def count(self, filters: FilterLike | None = None) -> int:
        """How many drawn events pass ``filters`` (every lane; None = all drawn events)."""

    @abc.abstractmethod
    def page(self, offset: int, limit: int, filters: FilterLike | None = None) -> VisibleEvents:
        """Rows ``offset .. offset + limit`` of the drawn events passing ``filters`` in time order
        (``Event.sort_point``, ties in file order): an event list's page, with its ``events``.
        ``total`` = :meth:`count` (or, with ``total_exact`` False, at least that many: a store whose
        search index stops counting), ``lane_totals`` and ``crowded`` empty.  Raises ValueError for a
        negative offset or limit."""

    def frame(self, t0: float, t1: float, lanes: Iterable[int], width_px: int, cap: int = DEFAULT_CAP,
              filters: FilterLike | None = None, exact: bool = False) -> Frame:
        """One frame in one call: :meth:`visible` (up to ``cap``) and :meth:`density` with
        ``width_px`` bins for every lane of ``lanes`` (in the order given), epoch s.

        Raises
        ------
        ValueError
            For a bad window or ``width_px < 1``.
        """
        lane_list = [int(k) for k in lanes]
        check_window(t0, t1, width_px)
        sf = StoreFilter.of(filters)
        return Frame(float(t0), float(t1), tuple(lane_list), self.visible(t0, t1, lane_list, cap, sf),
                     self.density(t0, t1, lane_list, int(width_px), exact, filters=sf))

    @abc.abstractmethod
    def facet_counts(self, facet: str, window: tuple[float, float] | None = None,
                     filters: FilterLike | None = None) -> dict[str, int]:
        """Events per value of ``facet`` (one of :data:`STORE_FACETS`); zero counts left out.

        With ``filters``: among the events passing every filter but ``facet``'s own
        (for ``"track"``, the hidden tracks): how many checking the value would show.

        Raises
        ------
        ValueError
            For an unknown facet.
        """

    @abc.abstractmethod
    def search(self, query: str, cap: int = 1000) -> SearchResult:
        """Events matching ``query``; an empty or blank query matches nothing."""

    def quick_count(self, query: str, count_to: int | None = None) -> SearchResult | None:
        """How many events match ``query``, counted up to ``count_to`` (None: the store's own
        limit; ``exact`` False beyond),
        with no ids, when the store can tell sooner than :meth:`search`; None when it cannot (this
        default: a window then waits for :meth:`search`)."""
        return None

    @abc.abstractmethod
    def event(self, event_id: str) -> Event:
        """The whole event (dates with phrase and basis, quotes, sources).

        Raises
        ------
        KeyError
            If no event has that id.
        """

    def mark_counts(self, after: float | None = None) -> tuple[int, int]:
        """``(drafts, planned)``: how many events are unreviewed drafts, and how many are planned:
        marked so by their source, or (``after``, epoch s: the latest moment of the timeline's
        reference date) beginning at or after ``after`` (:meth:`Timeline.is_planned`'s rule).
        A scan of every row in a large store.  This default reads none: ``(0, 0)``."""
        return 0, 0

    def close(self) -> None:  # noqa: B027 - optional: only stores with a connection need it
        """Release the connection or files (a no-op for memory)."""
        return None


def lanes_that_fit(counts: dict[int, int], cap: int) -> tuple[list[int], tuple[int, ...]]:
    """(lanes returned, crowded lanes) by the module's *visible* rule; ``counts``: lane -> events."""
    taken, crowded, room = [], [], max(int(cap), 0)
    for lane in sorted(counts):
        if counts[lane] <= room:
            taken.append(lane)
            room -= counts[lane]
        else:
            crowded.append(lane)
    return taken, tuple(crowded)


def check_window(t0: float, t1: float, bins: int | None = None) -> None:
    """Raise ValueError unless ``t0 <= t1`` are finite (and ``bins >= 1``)."""
    if not (math.isfinite(t0) and math.isfinite(t1)) or t1 < t0:
        raise ValueError(f"a window needs finite t0 <= t1 (epoch seconds), got {t0!r}, {t1!r}")
    if bins is not None and int(bins) < 1:
        raise ValueError(f"density needs at least one bin, got {bins!r}")


def check_facet(facet: str) -> None:
    if facet not in STORE_FACETS:
        raise ValueError(f"unknown facet {facet!r}; expected one of {', '.join(STORE_FACETS)}")


def check_page(offset: int, limit: int) -> tuple[int, int]:
    """``(offset, limit)`` as ints; ValueError when either is negative."""
    if int(offset) < 0 or int(limit) < 0:
        raise ValueError(f"a page needs offset >= 0 and limit >= 0, got {offset!r}, {limit!r}")
    return int(offset), int(limit)


def spread_counts(x0: np.ndarray, x1: np.ndarray, weight: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Weighted intervals spread uniformly over themselves, per bin of ``edges``.

    Interval ``i`` (``x0[i] < x1[i]``, finite, epoch s) puts ``weight[i] *
    |bin ∩ [x0, x1]| / (x1 - x0)`` in each bin: the rule by which a date known
    only to the day counts over its whole day (:meth:`EventColumns.density`).
    Computed from the cumulative function at each edge (sorted starts and ends
    with running sums), O((M + bins) log M).  A bin no interval meets is exactly 0.

    Returns float64 (len(edges) - 1,).
    """
    bins = len(edges) - 1
    out = np.zeros(bins)
    if not len(x0):
        return out
    x0 = np.asarray(x0, float)
    x1 = np.asarray(x1, float)
    wt = np.asarray(weight, float)
    inv, x0w = wt / (x1 - x0), wt * x0 / (x1 - x0)
    by0, by1 = np.argsort(x0, kind="stable"), np.argsort(x1, kind="stable")

    def run(v: np.ndarray) -> np.ndarray:
        return np.concatenate(([0.0], np.cumsum(v)))

    s0, s1 = x0[by0], x1[by1]
    inv0, x0w0, inv1, x0w1, w1 = run(inv[by0]), run(x0w[by0]), run(inv[by1]), run(x0w[by1]), run(wt[by1])
    k0 = s0.searchsorted(edges, "left")
    k1 = s1.searchsorted(edges, "right")
    reach = k0[1:] - k1[:-1]
    f = (inv0[k0] - inv1[k1]) * edges + w1[k1] - x0w0[k0] + x0w1[k1]
    part = np.maximum(f[1:] - f[:-1], 0.0)
    part[reach <= 0] = 0.0
    return np.asarray(part, dtype=np.float64)


class MemoryStore(EventStore):
    """The store of a timeline in memory: its :class:`EventColumns`, facets and search.

    Parameters
    ----------
    timeline : Timeline
        Read, never changed.
    """

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.cols: EventColumns = timeline.columns
        self.lane_ids = tuple(t.id for t in timeline.tracks)
        self.n_events = len(timeline.events)
        self._masks: dict[StoreFilter, np.ndarray] = {}
        self._marks: tuple[np.ndarray, np.ndarray] | None = None  # planned, draft per row of the columns

    def extent(self) -> tuple[float, float]:
        if not len(self.cols):
            return 0.0, 86400.0
        lo, hi = self.cols.extent()
        return lo + self.cols.origin_epoch_s, hi + self.cols.origin_epoch_s

    def _rows(self, t0: float, t1: float, lanes: Iterable[int]) -> np.ndarray:
        o = self.cols.origin_epoch_s
        parts = [self.cols.visible(int(k), t0 - o, t1 - o) for k in sorted(set(int(k) for k in lanes))
                 if k == BAND_LANE or 0 <= k < self.cols.n_lanes]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    def _event_mask(self, sf: StoreFilter) -> np.ndarray:
        """bool (N events, file order): the events passing ``sf`` (text: drawn events only)."""
        mask: np.ndarray = self.timeline.facets.mask(sf)
        if sf.terms:
            from .search import search_mask

            rows = search_mask(self.timeline, sf.text)
            hit = np.zeros(len(mask), dtype=bool)
            if rows is not None:
                hit[self.cols.event_index[rows]] = True
            mask &= hit
        return mask

    def _row_mask(self, filters: FilterLike | None) -> np.ndarray | None:
        """bool (rows of the columns) of the rows passing ``filters``; None when all pass."""
        sf = StoreFilter.of(filters)
        if sf.is_empty:
            return None
        if sf not in self._masks:
            if len(self._masks) > 8:
                self._masks.clear()
            self._masks[sf] = self._event_mask(sf)[self.cols.event_index]
        return self._masks[sf]

    def _calendar(self, rows: np.ndarray) -> dict[str, Any]:
        """``cal_start`` / ``cal_end`` of ``rows`` (epoch s) when the columns know them, else nothing."""
        c = self.cols
        if c.cal_start is None or c.cal_end is None:
            return {}
        return {"cal_start": c.cal_start[rows], "cal_end": c.cal_end[rows]}

    def _answer(self, rows: np.ndarray, total: int, counts: dict[int, int] | None = None,
                crowded: tuple[int, ...] = ()) -> VisibleEvents:
        c, o = self.cols, self.cols.origin_epoch_s
        ev = self.timeline.events
        title = getattr(ev, "title", None)
        idx = c.event_index[rows].tolist()
        titles = [title(i) for i in idx] if title is not None else [ev[i].title for i in idx]
        if self._marks is None:  # O(N) numpy once: the timeline's own planned and draft rows
            self._marks = (self.timeline.planned_rows(), self.timeline.drafts())
        planned, draft = self._marks
        return VisibleEvents([c.ids[r] for r in rows.tolist()], c.lane[rows], c.kind[rows], c.x0[rows] + o,
                             c.x1[rows] + o, c.xm[rows] + o, c.flags[rows], titles, total,
                             counts if counts is not None else {}, crowded, planned=planned[rows], draft=draft[rows],
                             solid0=c.solid0[rows] + o, solid1=c.solid1[rows] + o,
                             **self._calendar(rows))

    def visible(self, t0: float, t1: float, lanes: Iterable[int], cap: int = DEFAULT_CAP,
                filters: FilterLike | None = None) -> VisibleEvents:
        check_window(t0, t1)
        c = self.cols
        rows = self._rows(t0, t1, lanes)
        mask = self._row_mask(filters)
        if mask is not None:
            rows = rows[mask[rows]]
        lane_of = c.lane[rows]
        keys, n = np.unique(lane_of, return_counts=True)
        counts = {int(k): int(v) for k, v in zip(keys, n, strict=True)}
        taken, crowded = lanes_that_fit(counts, cap)
        return self._answer(rows[np.isin(lane_of, taken)], sum(counts.values()), counts, crowded)

    def density(self, t0: float, t1: float, lanes: Iterable[int], bins: int, exact: bool = False,
                filters: FilterLike | None = None) -> np.ndarray:
        check_window(t0, t1, bins)
        c, o = self.cols, self.cols.origin_epoch_s
        lanes = [int(k) for k in lanes]
        mask = self._row_mask(filters)
        if mask is not None:
            rows = np.flatnonzero(mask & np.isin(c.lane, lanes))
            return density_of_rows(c.lane[rows], c.xm[rows] + o, c.x0[rows] + o, c.x1[rows] + o,
                                   c.spread_mask()[rows], lanes, t0, t1, int(bins))
        out = np.zeros((len(lanes), int(bins)))
        ok = [i for i, k in enumerate(lanes) if k == BAND_LANE or 0 <= k < c.n_lanes]
        if ok:
            out[ok] = c.density_many([lanes[i] for i in ok], t0 - o, t1 - o, int(bins))
        return out

    def count(self, filters: FilterLike | None = None) -> int:
        mask = self._row_mask(filters)
        return len(self.cols) if mask is None else int(mask.sum())

    def page(self, offset: int, limit: int, filters: FilterLike | None = None) -> VisibleEvents:
        offset, limit = check_page(offset, limit)
        order = self.cols.time_order
        mask = self._row_mask(filters)
        if mask is not None:
            order = order[mask[order]]
        rows = order[offset:offset + limit]
        answer = self._answer(rows, len(order))
        answer.events = [self.timeline.events[int(i)] for i in self.cols.event_index[rows].tolist()]
        return answer

    def facet_counts(self, facet: str, window: tuple[float, float] | None = None,
                     filters: FilterLike | None = None) -> dict[str, int]:
        check_facet(facet)
        fx = self.timeline.facets
        sf = StoreFilter.of(filters).without(facet)
        mask = np.ones(fx.n, dtype=bool) if sf.is_empty else self._event_mask(sf)
        if window is not None:
            check_window(*window)
            near = np.zeros(fx.n, dtype=bool)
            rows = self._rows(window[0], window[1], [BAND_LANE, *range(self.cols.n_lanes)])
            near[self.cols.event_index[rows]] = True
            mask &= near
        if facet == "track":
            codes = fx.track[mask]
            counts = np.bincount(codes[codes >= 0], minlength=len(fx.track_values))
            values = fx.track_values
        else:
            fc = fx.facets[facet]
            counts, values = fc.counts(mask), fc.values
        return {v: int(n) for v, n in zip(values, counts.tolist(), strict=True) if n}

    def mark_counts(self, after: float | None = None) -> tuple[int, int]:
        tl = self.timeline
        planned = np.zeros(len(tl.events), dtype=bool)
        planned[list(tl.planned_event_indexes)] = True
        if after is not None and math.isfinite(after):
            later = tl.begun_after(after)  # a start whose year is unknown never (its x0 is +inf)
            planned[self.cols.event_index[later]] = True
        return tl.draft_count(), int(planned.sum())

    def search(self, query: str, cap: int = 1000) -> SearchResult:
        from .search import search

        ids = search(self.timeline, query)
        return SearchResult(list(ids[:max(int(cap), 0)]), len(ids))

    def event(self, event_id: str) -> Event:
        return self.timeline.event(event_id)


def density_from_parts(lanes: Iterable[int], t0: float, t1: float, bins: int, *,
                       markers: tuple[Any, ...] | None = None,
                       spread: tuple[Any, ...] | None = None) -> np.ndarray:
    """Assemble density strips from what an SQL engine returns (shared by the SQL stores).

    Parameters
    ----------
    lanes : sequence of int, length L
    t0, t1 : float
        Window, epoch s.
    bins : int
    markers : (lane, k, n) arrays, optional
        Events counted at their marker, already binned (``k`` in ``[0, bins)``).
    spread : (lane, x0, x1, n) arrays, optional
        Date-only events grouped by possible interval (see :func:`spread_counts`).

    Returns
    -------
    ndarray float64 (L, bins)
    """
    lanes = [int(k) for k in lanes]
    edges = np.linspace(t0, t1, int(bins) + 1)
    out = np.zeros((len(lanes), int(bins)))
    index = {k: i for i, k in enumerate(lanes)}
    if markers is not None:
        lane, k, n = (np.asarray(a) for a in markers)
        for i, lane_k in enumerate(lanes):
            sel = lane == lane_k
            out[i] += np.bincount(k[sel].astype(np.int64), weights=n[sel].astype(float), minlength=int(bins))[:bins]
    if spread is not None:
        lane, x0, x1, n = (np.asarray(a) for a in spread)
        for lane_k, i in index.items():
            sel = lane == lane_k
            if sel.any():
                out[i] += spread_counts(x0[sel].astype(float), x1[sel].astype(float), n[sel].astype(float), edges)
    return out


def aggregate_resolution(t0: float, t1: float, bins: int, resolutions: Iterable[float],
                         factor: int = 8) -> float | None:
    """The widest bucket (s) of ``resolutions`` at most 1/``factor`` of a bin, or None."""
    width = (t1 - t0) / int(bins)
    fit = [r for r in resolutions if r * factor <= width]
    return max(fit) if fit else None
