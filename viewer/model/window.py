"""What a view of a collection needs for one time window, asked of an event store.

Pure Python + numpy (no Qt).  A collection too large to load is drawn from
its :class:`~viewer.model.store.EventStore`: for the time window on screen,
the visible events of the lanes shown (whole lanes, up to a cap) and, for the
lanes whose events do not fit (*crowded*), events per pixel bin (density
strips).  A view asks with a :class:`WindowRequest`; :func:`fetch_visible`
and :func:`fetch_density` answer it (slow: run them off the GUI thread, the
events first so the view can draw them as they arrive, the strips second);
:class:`WindowTracker` keeps what the view shows and refuses a late answer
to an older request, so stale results never replace newer ones.

:class:`WindowColumns` turns an answer into
:class:`~viewer.model.columns.EventColumns` of the fetched events, whose
crowded lanes report their true counts and the store's density, so the
event layer lays out and paints a window of a collection exactly as it does
a loaded timeline.

Units: request times are seconds since the Unix epoch, UTC; inside
:class:`WindowColumns` x is seconds from its ``origin_epoch_s``.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .columns import BAND_LANE, KIND_SPAN, EventColumns, begin_after
from .dates import EventDate
from .store import DEFAULT_CAP, EventStore, VisibleEvents
from .store_query import StoreFilter

NOT_DRAWN = -2
"""``lane_map`` value of a store lane that is not drawn (hidden: its events are left out)."""

__all__ = ["NOT_DRAWN", "WindowRequest", "WindowContent", "WindowTracker", "WindowColumns", "WindowTitles",
           "WindowTimeline", "fetch_visible", "fetch_density", "fetch_window", "resample_density"]


@dataclass(frozen=True)
class WindowRequest:
    """One question of a view: the window ``[t0, t1]`` (epoch s), the lanes
    shown, density ``bins`` across the window, the ``cap`` on events, the
    view's ``filters`` and its search ``query`` (the events of the window
    that match it are named in the answer, to dim the others).
    ``generation`` orders requests (larger = newer)."""

    t0: float
    t1: float
    lanes: tuple[int, ...]
    bins: int
    cap: int = DEFAULT_CAP
    generation: int = 0
    filters: StoreFilter = StoreFilter()
    query: str = ""
    exact: bool = False  #: density by the exact rule (else a store may use its pre-aggregated counts)


@dataclass
class WindowContent:
    """The answer to a :class:`WindowRequest`, filled in as it arrives.

    Attributes
    ----------
    request : WindowRequest
    visible : VisibleEvents
        Events of the lanes that fit under the cap.
    density : dict of int -> float64 (bins,), or None
        Events per bin of each crowded lane over ``[t0, t1]``; None until fetched.
    seconds : float
        Time the store took (visible + density so far), seconds.
    matches : frozenset of str, or None
        With a search query: ids of the fetched (drawn) events that match it; None without one.
    match_total : int, or None
        With a search query: how many events of the window match it on every lane asked for
        (those in density strips too); None without one.
    """

    request: WindowRequest
    visible: VisibleEvents
    density: dict[int, np.ndarray] | None = None
    seconds: float = 0.0
    matches: frozenset[str] | None = None
    match_total: int | None = None

    @property
    def complete(self) -> bool:
        """True when the strips of the crowded lanes are in too."""
        return self.density is not None or not self.visible.crowded


def fetch_visible(store: EventStore, request: WindowRequest) -> WindowContent:
    """The visible events of ``request`` (density not yet fetched).

    Raises whatever the store raises (``ValueError`` for a bad window)."""
    import time

    start = time.perf_counter()
    vis = store.visible(request.t0, request.t1, request.lanes, request.cap, request.filters)
    matches, match_total = None, None
    if request.query.strip():  # every lane: the matches in a density strip are counted too
        wanted = StoreFilter.of(request.filters, text=request.query)
        hits = store.visible(request.t0, request.t1, request.lanes, request.cap, wanted)
        match_total = hits.total
        drawn = [k for k in request.lanes if k not in vis.crowded]
        if any(k in hits.crowded for k in drawn):  # a strip's matches took the room of a drawn lane's
            hits = store.visible(request.t0, request.t1, drawn, request.cap, wanted)  # (those all fit)
        shown = set(vis.ids)
        matches = frozenset(i for i in hits.ids if i in shown)
    return WindowContent(request, vis, None if vis.crowded else {}, time.perf_counter() - start, matches,
                         match_total)


def fetch_density(store: EventStore, content: WindowContent) -> WindowContent:
    """``content`` with the density strips of its crowded lanes filled in (a new object)."""
    import time

    start = time.perf_counter()
    req, crowded = content.request, list(content.visible.crowded)
    strips: dict[int, np.ndarray] = {}
    if crowded:
        counts = store.density(req.t0, req.t1, crowded, req.bins, req.exact, filters=req.filters)
        strips = {lane: counts[i] for i, lane in enumerate(crowded)}
    return WindowContent(req, content.visible, strips, content.seconds + time.perf_counter() - start,
                         content.matches, content.match_total)


def fetch_window(store: EventStore, request: WindowRequest) -> WindowContent:
    """:func:`fetch_visible` then :func:`fetch_density`: the whole answer."""
    return fetch_density(store, fetch_visible(store, request))


class WindowTracker:
    """Which request is newest and which answer is shown (thread-safe).

    ``ask`` numbers a new request; ``offer`` takes an answer only when it is
    newer than the one shown (a partial answer may be replaced by the whole
    answer to the same request), so a late answer to an older window never
    replaces a newer one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = 0
        self.shown: WindowContent | None = None

    def ask(self, t0: float, t1: float, lanes: Sequence[int], bins: int, cap: int = DEFAULT_CAP,
            filters: StoreFilter | None = None, query: str = "") -> WindowRequest:
        """A new request, newer than every earlier one."""
        with self._lock:
            self._generation += 1
            return WindowRequest(float(t0), float(t1), tuple(int(k) for k in lanes), max(1, int(bins)), int(cap),
                                 self._generation, filters or StoreFilter(), query)

    @property
    def latest(self) -> int:
        """Generation of the newest request asked."""
        return self._generation

    def is_latest(self, request: WindowRequest) -> bool:
        """True when no newer request was asked since ``request`` (else its work may be skipped)."""
        return request.generation == self._generation

    def offer(self, content: WindowContent) -> bool:
        """Show ``content`` if it is newer than what is shown (or completes it); True if taken."""
        with self._lock:
            shown = self.shown
            if shown is not None:
                older = content.request.generation < shown.request.generation
                same = content.request.generation == shown.request.generation
                if older or (same and (shown.complete or not content.complete)):
                    return False
            self.shown = content
            return True


def resample_density(counts: np.ndarray, t0: float, t1: float, a: float, b: float, bins: int) -> np.ndarray:
    """Counts over ``[t0, t1]`` in ``len(counts)`` equal bins, redistributed over
    ``bins`` equal bins of ``[a, b]`` (each bin's events taken as even in it;
    outside ``[t0, t1]`` nothing).  While a new answer is on its way, the strip
    fetched for the old window is drawn at the new one.  Returns float64 (bins,)."""
    n = len(counts)
    out = np.zeros(int(bins))
    if n == 0 or not t1 > t0 or not b > a:
        return out
    cum = np.concatenate(([0.0], np.cumsum(np.asarray(counts, dtype=float))))
    src_edges = np.linspace(t0, t1, n + 1)
    dst_edges = np.linspace(a, b, int(bins) + 1)
    at = np.interp(dst_edges, src_edges, cum, left=0.0, right=float(cum[-1]))
    return np.asarray(np.maximum(np.diff(at), 0.0), dtype=np.float64)


@dataclass
class WindowTitles:
    """The titles of a window's events, as a timeline's lazy events give them (``title(i)``)."""

    titles: list[str] = field(default_factory=list)

    def title(self, i: int) -> str:
        return self.titles[i]

    def __len__(self) -> int:
        return len(self.titles)


class WindowColumns(EventColumns):
    """:class:`EventColumns` of the events of a :class:`WindowContent`.

    Lanes that fit hold all their events of the window, so every query of
    :class:`EventColumns` over them is exact inside the window.  A crowded
    lane holds no rows; its marker count is its true count (so the layer
    draws it as a strip) and its density is the store's, resampled to the
    bins asked (:func:`resample_density`); until they are fetched, the
    strips of an earlier answer (``previous``) stand in, stretched to the new
    window, so a pan does not flash empty strips (zeros without one).  Spans are
    drawn solid over their whole extent (the store does not return the
    certain part yet).
    """

    content: WindowContent
    previous: WindowContent | None
    crowded_totals: dict[int, int]  #: drawn lane -> events meeting the window
    store_lane: dict[int, int]  #: drawn lane of a crowded lane -> the store's lane (its strip)
    #: a search's matches in the crowded lanes as the store counted them: (t0, t1 epoch s, store lane ->
    #: counts over equal bins of [t0, t1]); None while not asked or on their way
    match_strips: tuple[float, float, dict[int, np.ndarray]] | None = None

    @classmethod
    def of(cls, content: WindowContent, origin_epoch_s: float, n_lanes: int,
           previous: WindowContent | None = None, zone: str = "UTC",
           lane_map: np.ndarray | None = None) -> WindowColumns:
        """Columns of ``content``'s events, x from ``origin_epoch_s``, ``n_lanes`` lanes;
        ``previous``: an earlier whole answer whose strips stand in until ``content``'s arrive.

        ``zone`` (IANA name, display zone): the sides given as calendar dates
        (``VisibleEvents.cal_start`` / ``cal_end``) are drawn on that zone's days, as
        :func:`~viewer.model.zones.timeline_on_local_days` draws a loaded timeline's.
        ``lane_map`` int (store lanes,): the lane each store lane is drawn in (the view's
        track order; -2 = not drawn); None draws store lane k in lane k."""
        from .zones import local_day_shifts

        vis = content.visible
        o = float(origin_epoch_s)
        lane = np.asarray(vis.lane, dtype=np.int32)
        x0 = np.asarray(vis.x0, dtype=float) - o
        x1 = np.asarray(vis.x1, dtype=float) - o
        xm = np.asarray(vis.xm, dtype=float) - o
        kind = np.asarray(vis.kind, dtype=np.int8)
        n_vis = len(vis.ids)
        has_cal = len(vis.cal_start) == n_vis and len(vis.cal_end) == n_vis
        cal_start = np.asarray(vis.cal_start, dtype=float) if has_cal else np.full(n_vis, np.nan)
        cal_end = np.asarray(vis.cal_end, dtype=float) if has_cal else np.full(n_vis, np.nan)
        span = kind == KIND_SPAN
        if len(vis.solid0) == n_vis and len(vis.solid1) == n_vis:  # the known part of spans
            solid0 = np.asarray(vis.solid0, dtype=float) - o
            solid1 = np.asarray(vis.solid1, dtype=float) - o
        else:  # an answer without them: spans drawn solid (the store's old form)
            solid0 = np.where(span, x0, xm)
            solid1 = np.where(span, x1, xm)
        if has_cal and n_vis:
            d_start, d_end = local_day_shifts(cal_start, zone), local_day_shifts(cal_end, zone)
            x0, xm, x1 = x0 + d_start, xm + d_start, x1 + d_end
            solid0 = np.where(span, solid0 + d_start, solid0)
            solid1 = np.where(span, solid1 + d_end, solid1)
        if lane_map is not None and n_vis:
            lm = np.asarray(lane_map, dtype=np.int32)
            inside = (lane >= 0) & (lane < len(lm))
            lane = np.where(inside, lm[np.clip(lane, 0, max(len(lm) - 1, 0))], lane).astype(np.int32)
        # the store orders by lane, then x0; re-sorted here so the rule holds whatever the engine did
        kept = np.flatnonzero(lane != NOT_DRAWN)
        order = kept[np.lexsort((x0[kept], lane[kept]))] if len(kept) else np.zeros(0, np.int64)
        lane, x0, x1, xm, kind = lane[order], x0[order], x1[order], xm[order], kind[order]
        bounds = np.searchsorted(lane, np.arange(n_lanes + 1), side="left").astype(np.int64)
        band_count = int(np.count_nonzero(lane == BAND_LANE))
        cummax = np.empty_like(x1)
        for a, b in [(0, band_count)] + [(int(bounds[k]), int(bounds[k + 1])) for k in range(n_lanes)]:
            if b > a:
                cummax[a:b] = np.maximum.accumulate(x1[a:b])
        with np.errstate(invalid="ignore"):
            sort_pt = np.where(np.isfinite(xm), xm, np.where(np.isfinite(x0), x0, math.inf))
        n = len(lane)
        ids = [vis.ids[k] for k in order.tolist()]
        solid0, solid1 = solid0[order], solid1[order]
        cols = cls(
            origin_epoch_s=o, ids=ids, event_index=np.asarray(order, dtype=np.int64), lane=lane, kind=kind,
            x0=x0, x1=x1, xm=xm, solid0=solid0, solid1=solid1,
            flags=np.asarray(vis.flags, dtype=np.uint8)[order], lane_bounds=bounds, band_count=band_count,
            x1_cummax=cummax, time_order=np.lexsort((np.arange(n), sort_pt)).astype(np.int64),
            open_whisker_s=3 * 86400.0, cal_start=cal_start[order], cal_end=cal_end[order],
        )
        cols.content = content
        cols.previous = previous if previous is not None and previous.density else None
        shown_as = (lambda k: k) if lane_map is None else (
            lambda k: int(lane_map[k]) if 0 <= k < len(lane_map) else NOT_DRAWN)
        cols.store_lane = {shown_as(k): k for k in vis.crowded if shown_as(k) != NOT_DRAWN}
        cols.crowded_totals = {shown_as(k): int(vis.lane_totals.get(k, 0)) for k in vis.crowded
                               if shown_as(k) != NOT_DRAWN}
        return cols

    def count_markers(self, lane: int, a: float, b: float) -> int:
        if lane in self.crowded_totals:
            return self.crowded_totals[lane]
        return super().count_markers(lane, a, b)

    def _strip(self, lane: int, a: float, b: float, bins: int) -> np.ndarray:
        source = self.content
        if source.density is None and self.previous is not None:
            source = self.previous  # the new strips are on their way: the last ones, stretched
        req, strips = source.request, source.density or {}
        counts = strips.get(self.store_lane.get(lane, lane))
        if counts is None:
            return np.zeros(int(bins))
        o = self.origin_epoch_s
        tol = 1e-9 * max(abs(b - a), 1.0)  # the view's range in x went through a subtraction of the origin
        if abs(req.t0 - o - a) <= tol and abs(req.t1 - o - b) <= tol and len(counts) == bins:
            return np.asarray(counts, dtype=np.float64)
        return resample_density(counts, req.t0 - o, req.t1 - o, a, b, bins)

    def density(self, lane: int, a: float, b: float, bins: int) -> np.ndarray:
        if lane in self.crowded_totals:
            return self._strip(lane, a, b, bins)
        return super().density(lane, a, b, bins)

    def density_many(self, lanes: Sequence[int], a: float, b: float, bins: int,
                     only: np.ndarray | None = None) -> np.ndarray:
        """:meth:`EventColumns.density_many`; a crowded lane's row is the store's strip.  With
        ``only`` (a search's matches among the rows), a crowded lane's row is the store's count
        of the matches (:attr:`match_strips`, resampled to the bins asked), NaN while unknown."""
        out = np.zeros((len(lanes), int(bins)))
        plain = [i for i, k in enumerate(lanes) if k not in self.crowded_totals]
        if plain:
            out[plain] = super().density_many([lanes[i] for i in plain], a, b, bins, only=only)
        for i, k in enumerate(lanes):
            if k in self.crowded_totals:
                out[i] = self._strip(k, a, b, bins) if only is None else self._match_strip(k, a, b, bins)
        return out

    def _match_strip(self, lane: int, a: float, b: float, bins: int) -> np.ndarray:
        found = self.match_strips
        counts = None if found is None else found[2].get(self.store_lane.get(lane, lane))
        if found is None or counts is None:
            return np.full(int(bins), np.nan)
        o = self.origin_epoch_s
        t0, t1 = found[0] - o, found[1] - o
        tol = 1e-9 * max(abs(b - a), 1.0)
        if t0 > a + tol or t1 < b - tol:  # counted over another window (a pan): not known here yet
            return np.full(int(bins), np.nan)
        return resample_density(np.asarray(counts, dtype=np.float64), t0, t1, a, b, bins)


@dataclass
class WindowTimeline:
    """What the event layer reads of a timeline, for a window of a collection.

    ``tracks``, ``track_colours`` and ``track_shapes`` are the collection's; ``columns`` the
    window's (:class:`WindowColumns`); ``events`` gives titles by index.
    Planned and draft events are marked as the whole timeline marks them
    (:meth:`planned_rows`, :meth:`drafts`), so the event layer draws them
    hollow-dashed / dotted, never as plain facts.
    """

    columns: WindowColumns
    tracks: tuple[object, ...]
    track_colours: tuple[str, ...]
    events: WindowTitles
    reference_latest_s: float = math.inf  #: latest moment of the source's date (epoch s), or inf
    #: spans' and bands' planned ends found so far: ``{id: (known_until, planned_until, on_days)}``, epoch s
    #: UTC (:func:`viewer.model.planned_end.collection_planned_ends`); drawn hatched as the main window draws them
    planned_ends: dict[str, tuple[float, float, bool]] = field(default_factory=dict)
    zone: str = "UTC"  #: the display zone, whose days the calendar dates are drawn on (:meth:`WindowColumns.of`)
    reference_on_days: bool = False  #: the source's date is a calendar date (its day ends at the zone's midnight)
    #: each drawn lane's marker shape, the collection's track's (:attr:`Timeline.track_shapes`: not a diamond
    #: when its colour repeats an earlier track's), so two tracks never look alike; () draws diamonds
    track_shapes: tuple[str, ...] = ()

    @classmethod
    def of(cls, content: WindowContent, base: object, origin_epoch_s: float,
           previous: WindowContent | None = None, zone: str = "UTC",
           order: Sequence[int] | None = None) -> WindowTimeline:
        """The window of ``content`` over the collection's timeline ``base`` (its tracks and
        colours); ``previous`` and ``zone`` as for :meth:`WindowColumns.of`; ``order``: the
        store lanes drawn, top to bottom (others left out; None: every track in file order)."""
        tracks = tuple(getattr(base, "tracks", ()))
        colours = tuple(getattr(base, "track_colours", ()))
        shapes = tuple(getattr(base, "track_shapes", ()))
        lane_map = None
        if order is not None:
            lane_map = np.full(len(tracks), NOT_DRAWN, dtype=np.int32)
            for shown, k in enumerate(order):
                lane_map[int(k)] = shown
            tracks = tuple(tracks[int(k)] for k in order)
            colours = tuple(colours[int(k)] for k in order) if len(colours) == len(lane_map) else colours
            shapes = tuple(shapes[int(k)] for k in order) if len(shapes) == len(lane_map) else ()
        cols = WindowColumns.of(content, origin_epoch_s, len(tracks), previous, zone, lane_map)
        ref = getattr(base, "reference_date", None)
        latest = float(getattr(ref, "latest", math.inf)) if ref is not None else math.inf
        from .planned_end import is_calendar_date

        on_days = isinstance(ref, EventDate) and is_calendar_date(ref)
        return cls(cols, tracks, colours, WindowTitles(list(content.visible.titles)),
                   latest if math.isfinite(latest) else math.inf, zone=zone, reference_on_days=on_days,
                   track_shapes=shapes)

    def _marked(self, marks: np.ndarray) -> np.ndarray:
        """``marks`` (one per event of the answer) in the columns' row order: bool (N,)."""
        order = self.columns.event_index
        if len(marks) != len(self.columns.content.visible):
            return np.zeros(len(order), dtype=bool)
        out: np.ndarray = np.asarray(marks, dtype=bool)[order]
        return out

    def planned_rows(self) -> np.ndarray:
        """Rows drawn as planned: marked ``planned`` by their source, or starting after the
        source's date (the rule of :meth:`Timeline.after_reference`): bool (N,)."""
        cols = self.columns
        after = begin_after(cols.x0, cols.origin_epoch_s, self.reference_latest_s)
        out: np.ndarray = self._marked(cols.content.visible.planned) | after
        return out

    def planned_end_rows(self) -> dict[int, tuple[float, float]]:
        """Rows with a planned end: ``{row: (known_until, planned_until)}``, epoch s, as
        :func:`viewer.model.planned_end.planned_end_rows` gives a timeline's (from :attr:`planned_ends`):
        the source's day and an announced calendar day end at the display zone's midnight, where
        the columns draw calendar dates."""
        if not self.planned_ends:
            return {}
        from .zones import local_day_shift

        def local(epoch: float, on_days: bool) -> float:
            return epoch + local_day_shift(epoch, self.zone) if on_days else epoch

        ids = self.columns.ids
        out: dict[int, tuple[float, float]] = {}
        for r in range(len(ids)):
            found = self.planned_ends.get(ids[r])
            if found is not None:
                known, planned, on_days = found
                out[r] = (local(known, self.reference_on_days), local(planned, on_days))
        return out

    def drafts(self) -> np.ndarray:
        """Rows whose event is an unreviewed draft: bool (N,)."""
        return self._marked(self.columns.content.visible.draft)

    def hand_edits(self) -> np.ndarray:
        """Rows whose event has a date edited by hand: bool (N,), all False: a collection's rows
        are not read for it (their labels do not say "(date edited)"; the detail pane, built
        from the row's event, does)."""
        return np.zeros(len(self.columns.event_index), dtype=bool)
