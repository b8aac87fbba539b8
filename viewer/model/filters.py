"""Which events and tracks are shown: filters, track order and visibility.

Pure Python + numpy (no Qt).  A :class:`FilterState` is a small immutable
value kept in :class:`~viewer.model.viewstate.ViewState`; :func:`apply_filters`
derives from it a new :class:`~viewer.model.timeline.Timeline` holding only
what passes, so the renderer draws a filtered timeline exactly as any other.

Facet rule (the usual faceted-search rule, e.g. library catalogues)
------------------------------------------------------------------
Each facet (actors, sources, source kinds, tags) is either *inactive*
(``None``: every value passes) or a set of allowed values.  An event passes an
active facet when at least one of its values is allowed; an event with no
value for the facet has the value :data:`NONE_VALUE` (listed as "(none)").
Facets combine with AND; the track filter and the date range too.

Date range rule
---------------
``date_range = (lo, hi)`` in seconds since the Unix epoch (UTC) keeps an event
whose possible interval ``[earliest, latest)`` meets ``[lo, hi)``; open sides
(-inf / +inf) count as reaching as far as they go.  An event whose year is
unknown (``XXXX-06-10``: possible years 0..9999, not the source's) is not known
to meet any range, so a date range never keeps it; but a span with one date known
and the other's year unknown (``2023-05-01`` to ``XXXX-06-10``) is kept by a range
that meets its known date (:func:`~viewer.model.facets.known_side`): it is going on
then, whatever the other date is.  :func:`date_range_left_out` counts those it leaves out, for the panel to say so.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .columns import EventColumns
from .derive import subset_columns
from .facets import FACETS, NONE_VALUE, EventFacts, event_facet_values, known_side
from .planned_end import announced_in
from .row_ids import RowIds
from .timeline import Event, EventKind, LazyEvents, Timeline, Track

__all__ = [
    "FACETS",
    "NONE_VALUE",
    "FilterState",
    "all_facet_counts",
    "apply_filters",
    "date_range_left_out",
    "event_passes",
    "facet_counts",
    "facet_values",
    "filter_mask",
    "track_counts",
    "ordered_tracks",
    "rebase_columns",
]

# NONE_VALUE (an event's value for a facet it has none of, shown as "(none)")
# and FACETS (facet names in the panel's order) live in .facets, re-exported here.


def facet_values(event: Event, timeline: Timeline, facet: str) -> tuple[str, ...]:
    """The distinct values of ``event`` for ``facet``; ``(NONE_VALUE,)`` when it has none.

    ``sources`` are the ids of every source the event cites directly, through
    its quotes or through relays (:meth:`Timeline.sources_of`); ``source_kinds``
    are their kinds (``"news_article"``...).  Same as
    :func:`viewer.model.facets.event_facet_values`.

    Raises
    ------
    ValueError
        If ``facet`` is not one of :data:`FACETS`.
    """
    return event_facet_values(event, timeline, facet)


@dataclass(frozen=True)
class FilterState:
    """What the user asked to see.

    Attributes
    ----------
    hidden_tracks : frozenset of str
        Ids of tracks not shown (their lanes and events disappear).
    track_order : tuple of str
        Track ids top to bottom; tracks not listed keep the file's order after
        the listed ones.  Empty: the file's order.
    actors, sources, source_kinds, tags, grades : frozenset of str or None
        Allowed values of each facet (see the module docstring); None = all.
        ``grades`` are AJP-2.1 codes such as ``"B2"`` (:mod:`viewer.model.grading`).
    date_range : (float, float) or None
        ``(lo, hi)`` seconds since the Unix epoch (UTC), or None for all time.
    """

    hidden_tracks: frozenset[str] = frozenset()
    track_order: tuple[str, ...] = ()
    actors: frozenset[str] | None = None
    sources: frozenset[str] | None = None
    source_kinds: frozenset[str] | None = None
    tags: frozenset[str] | None = None
    date_range: tuple[float, float] | None = None
    grades: frozenset[str] | None = None

    @property
    def is_default(self) -> bool:
        """True when nothing is filtered, hidden or reordered."""
        return self == FilterState()

    @property
    def without_order(self) -> FilterState:
        """These filters with the file's track order: what decides which events
        are shown (a track order only permutes the lanes on screen, which the
        view does itself: :func:`viewer.model.lanes.lane_geometry`)."""
        return self if not self.track_order else dataclasses.replace(self, track_order=())

    def allowed(self, facet: str) -> frozenset[str] | None:
        """Allowed values of ``facet`` (None = all). Raises ValueError for an unknown facet."""
        if facet not in FACETS:
            raise ValueError(f"unknown facet {facet!r}; expected one of {', '.join(FACETS)}")
        allowed: frozenset[str] | None = getattr(self, facet)
        return allowed

    def with_facet(self, facet: str, allowed: Iterable[str] | None) -> FilterState:
        """A copy with ``facet`` restricted to ``allowed`` (None = all values)."""
        self.allowed(facet)  # validates the name
        value = None if allowed is None else frozenset(allowed)
        changes: dict[str, Any] = {facet: value}
        return dataclasses.replace(self, **changes)

    def with_track_hidden(self, track_id: str, hidden: bool) -> FilterState:
        """A copy with one track hidden or shown."""
        tracks = set(self.hidden_tracks)
        (tracks.add if hidden else tracks.discard)(track_id)
        return dataclasses.replace(self, hidden_tracks=frozenset(tracks))


def _in_range(event: Event, date_range: tuple[float, float] | None) -> bool:
    if date_range is None:
        return True
    lo, hi = date_range
    if event.year_unknown:  # known to meet the range only through its known date, if it has one
        known = known_side(event)
        return known is not None and known.earliest < hi and known.latest > lo
    return event.earliest < hi and event.latest > lo


def event_passes(event: Event, timeline: Timeline, filters: FilterState, *,
                 skip: str | None = None) -> bool:
    """True when ``event`` is shown under ``filters``.

    Parameters
    ----------
    skip : str or None
        A facet name to ignore (used to count what unchecking values of that
        facet would leave, see :func:`facet_counts`).
    """
    if event.kind != EventKind.BAND and event.track in filters.hidden_tracks:
        return False
    if not _in_range(event, filters.date_range):
        return False
    for facet in FACETS:
        if facet == skip:
            continue
        allowed = filters.allowed(facet)
        if allowed is not None and not any(v in allowed for v in facet_values(event, timeline, facet)):
            return False
    return True


def facet_counts(timeline: Timeline, filters: FilterState, facet: str) -> dict[str, tuple[int, int]]:
    """For each value of ``facet``: (events shown with it, events with it in all).

    "Shown" applies every filter except this facet's own, so the count says
    how many events checking the value shows.  Values are sorted by total
    count, then alphabetically; :data:`NONE_VALUE` comes last.  Computed with
    ``np.bincount`` over the timeline's :class:`~viewer.model.facets.FacetIndex`
    (built on first use, then O(N) numpy work per call).

    Raises
    ------
    ValueError
        If ``facet`` is not one of :data:`FACETS`.
    """
    return timeline.facets.counts(filters, facet)


def all_facet_counts(timeline: Timeline, filters: FilterState) -> dict[str, dict[str, tuple[int, int]]]:
    """:func:`facet_counts` of every facet of :data:`FACETS` at once (the
    filters' masks computed once for all of them)."""
    return timeline.facets.all_counts(filters)


def track_counts(timeline: Timeline, filters: FilterState) -> dict[str, tuple[int, int]]:
    """For each track id: (events on it that every filter but the hidden
    tracks lets through, events on it in all).  Bands count on no track."""
    return timeline.facets.track_counts(filters)


def date_range_left_out(timeline: Timeline, filters: FilterState) -> int:
    """How many events the date range of ``filters`` leaves out because their year is
    unknown (``XXXX-06-10``) and every other filter lets through; 0 without a range.
    O(N) numpy over the timeline's :class:`~viewer.model.facets.FacetIndex`."""
    return timeline.facets.left_out_year_unknown(filters)


def filter_mask(timeline: Timeline, filters: FilterState) -> np.ndarray:
    """bool array (N,), file order: ``event_passes`` for every event, vectorised."""
    return timeline.facets.mask(filters)


def ordered_tracks(timeline: Timeline, filters: FilterState) -> list[str]:
    """Every track id of ``timeline`` in the order ``filters`` asks for (hidden ones included)."""
    known = [t.id for t in timeline.tracks]
    first = [tid for tid in dict.fromkeys(filters.track_order) if tid in set(known)]
    return first + [tid for tid in known if tid not in set(first)]


def apply_filters(timeline: Timeline, filters: FilterState) -> Timeline:
    """A timeline holding only the tracks and events ``filters`` lets through.

    Tracks are renumbered in the requested order; events keep their file
    order.  Spans and bands keep the whole timeline's planned ends
    (:func:`~viewer.model.planned_end.announced_in`): the planned event that
    announces an end may be hidden or filtered out.  A lazily-loaded timeline gives a lazy one: its events are not
    built, its columns are a subset of the file's.  The result's columns keep the origin of ``timeline.columns``, so
    an x value (seconds from the origin) means the same moment in both and
    the visible range need not move.  With default filters ``timeline`` itself
    is returned.
    """
    if filters.is_default:
        return timeline
    by_id = {t.id: t for t in timeline.tracks}
    tracks = tuple(
        dataclasses.replace(by_id[tid], order=i)
        for i, tid in enumerate(ordered_tracks(timeline, filters))
        if tid not in filters.hidden_tracks
    )
    keep = np.flatnonzero(filter_mask(timeline, filters))
    if isinstance(timeline.events, LazyEvents):
        # a planned end stays planned when its announcing event is hidden or filtered out
        return announced_in(_apply_lazy(timeline, tracks, keep), timeline)
    events = tuple(timeline.events[int(i)] for i in keep)
    derived = timeline.derived(tracks=tracks, events=events)  # each track in its colour (Timeline.derived)
    cols = derived.columns
    shift = cols.origin_epoch_s - timeline.columns.origin_epoch_s
    if shift:
        vars(derived)["columns"] = rebase_columns(cols, timeline.columns.origin_epoch_s)
    # a span's or band's announced end is a property of the whole timeline: hiding the track of
    # the planned event that announces it (or filtering that event out) left the end drawn as fact
    return announced_in(derived, timeline)


def _apply_lazy(timeline: Timeline, tracks: tuple[Track, ...], keep: np.ndarray) -> Timeline:
    """:func:`apply_filters` for a lazily-loaded timeline: the events ``keep``
    (file positions, increasing) stay lazy and the columns are a subset of the
    file's (:func:`~viewer.model.derive.subset_columns`): no event is built,
    and the ids and events are the file's, read through a row map
    (:class:`~viewer.model.row_ids.RowIds`): no per-event Python."""
    parent: LazyEvents = timeline.events  # type: ignore[assignment]
    n = len(parent)
    new_index = np.full(n, -1, dtype=np.int64)
    new_index[keep] = np.arange(len(keep))
    old_lane = timeline.track_index
    lane_map = np.full(max(1, len(timeline.tracks)), -1, dtype=np.int32)
    for k, t in enumerate(tracks):
        lane_map[old_lane[t.id]] = k
    cols = timeline.columns
    columns = subset_columns(cols, new_index[cols.event_index] >= 0, lane_map, new_index, len(tracks))
    facts = timeline.facets
    code = facts.track[keep]  # NO_TRACK (-1): bands (and unknown tracks) stay that way
    known = (code >= 0) & (code < len(lane_map))
    lane = np.where(known, lane_map[np.clip(code, 0, len(lane_map) - 1)], -1)
    earliest, latest = facts.earliest[keep], facts.latest[keep]
    rich = new_index[parent.facts.rich] if parent.facts is not None else np.arange(len(keep))
    marked = None if parent.facts is None or parent.facts.marked is None else new_index[parent.facts.marked]
    fe, fl = np.isfinite(earliest), np.isfinite(latest)
    lo = min(float(np.min(earliest, where=fe, initial=np.inf)), float(np.min(latest, where=fl, initial=np.inf)))
    hi = max(float(np.max(earliest, where=fe, initial=-np.inf)), float(np.max(latest, where=fl, initial=-np.inf)))
    if fe.any() or fl.any():
        extent = (lo, hi)
    else:  # nothing dated is left: the same fallback as Timeline.finite_extent
        ref = timeline.reference_date
        r = ref.earliest if ref is not None and math.isfinite(ref.earliest) else 0.0
        extent = (r, r + 86400.0)
    # the file's ids and events, read through the kept positions: built once, shared
    # (events an editing document changes in place: their ids copied, not shared)
    ids = RowIds.of(parent.ids, keep, timeline._lazy_index_of) if type(parent) is LazyEvents \
        else [parent.ids[i] for i in keep.tolist()]
    events = LazyEvents(ids, lambda k: parent[int(keep[k])], extent, lambda k: parent.title(int(keep[k])),
                        EventFacts(lane=lane, earliest=earliest, latest=latest, rich=rich[rich >= 0],
                                   marked=None if marked is None else marked[marked >= 0]),
                        lambda k: parent.time_zones(int(keep[k])),
                        origin_index=keep if parent.origin_index is None else parent.origin_index[keep])
    derived = timeline.derived(tracks=tracks, events=events)
    derived.__dict__["columns"] = columns  # the cached_property's slot
    return derived


def rebase_columns(cols: EventColumns, origin_epoch_s: float) -> EventColumns:
    """``cols`` with x measured from another origin (seconds since the epoch, UTC).

    Every x array is shifted by the same amount, so sort orders hold.
    """
    shift = cols.origin_epoch_s - origin_epoch_s
    return dataclasses.replace(
        cols,
        origin_epoch_s=float(origin_epoch_s),
        x0=cols.x0 + shift, x1=cols.x1 + shift, xm=cols.xm + shift,
        solid0=cols.solid0 + shift, solid1=cols.solid1 + shift, x1_cummax=cols.x1_cummax + shift,
    )
