"""Integer codes of every event's filter values, for vectorised filters and counts.

Pure numpy (no Qt).  :class:`FacetIndex` is built once per timeline
(:attr:`Timeline.facets <viewer.model.timeline.Timeline.facets>`) and answers
the questions of :mod:`viewer.model.filters` with whole-array operations:
which events pass a :class:`~viewer.model.filters.FilterState`
(:meth:`FacetIndex.mask`) and how many events each facet value has, shown and
in all (``np.bincount`` over the codes of the events that pass).

Layout
------
Events are in file order (index ``i`` = ``timeline.events[i]``).  A single
valued property (the track) is one code per event.  A multi-valued facet
(actors, sources, source kinds, tags) is CSR-style, as ``scipy.sparse``
stores a row: the codes of event ``i`` are ``codes[offsets[i]:offsets[i+1]]``,
each value once; an event without values has the one code of
:data:`~viewer.model.filters.NONE_VALUE`, so every event has at least one.

Large files
-----------
For a :class:`~viewer.model.timeline.LazyEvents` that carries
:class:`EventFacts` (the bulk reader's per-event arrays), no
:class:`~viewer.model.timeline.Event` is built for the "plain" events, those
the reader saw without actors, tags, quotes or sources: only the few others
are built.  Without facts every event is built once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

import numpy as np

from .date_arrays import FLAG_HALF_KNOWN, FLAG_YEAR_UNKNOWN, half_known_sign
from .dates import EventDate
from .grading import claim_grade
from .kept import kept
from .lazy_events import EventFacts, LazyEvents
from .records import Event, EventKind, Source, Track

__all__ = ["EventFacts", "FacetCodes", "FacetIndex", "NONE_VALUE", "FACETS", "event_facet_values",
           "FacetTimeline", "FacetFilters", "known_side"]

#: The value of an event that has none for a facet (shown as "(none)").
NONE_VALUE = ""

#: Facet names, in the order a filter panel lists them.
FACETS = ("actors", "sources", "source_kinds", "tags", "grades")

NO_TRACK = -1
"""Track code of bands (never hidden with a track) and of events whose track
the timeline does not list (readers reject those)."""


class FacetTimeline(Protocol):
    """What facets read of a timeline (:class:`~viewer.model.timeline.Timeline` has it all)."""

    @property
    def events(self) -> Sequence[Event]: ...

    @property
    def tracks(self) -> Sequence[Track]: ...

    @property
    def source_index(self) -> Mapping[str, Source]: ...

    def sources_of(self, event: Event) -> list[Source]: ...


class FacetFilters(Protocol):
    """What :meth:`FacetIndex.mask` reads of a filter state
    (:class:`~viewer.model.filters.FilterState` has it all); a dataclass,
    so that a copy with other fields can be made (``dataclasses.replace``)."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def hidden_tracks(self) -> frozenset[str]: ...

    @property
    def date_range(self) -> tuple[float, float] | None: ...

    def allowed(self, facet: str) -> frozenset[str] | None: ...


def event_facet_values(event: Event, timeline: FacetTimeline, facet: str) -> tuple[str, ...]:
    """The distinct values of ``event`` for ``facet``, in order; ``(NONE_VALUE,)`` when it has none.

    ``sources`` are the ids of every source the event cites directly, through
    its quotes or through relays (:meth:`Timeline.sources_of`); ``source_kinds``
    are their kinds (``"news_article"``...); ``grades`` are the AJP-2.1 codes
    (``"B2"``) of the event and its quotes, where someone graded them.

    Raises
    ------
    ValueError
        If ``facet`` is not one of :data:`FACETS`.
    """
    if facet == "actors":
        values: tuple[str, ...] = event.actors
    elif facet == "tags":
        values = event.tags
    elif facet == "sources":
        values = tuple(s.id for s in timeline.sources_of(event))
    elif facet == "source_kinds":
        values = tuple(s.kind.value for s in timeline.sources_of(event))
    elif facet == "grades":  # AJP-2.1 "B2" of the event and of each quote (viewer.model.grading)
        graded = (claim_grade(timeline, event), *(claim_grade(timeline, event, q) for q in event.quotes))
        values = tuple(g for g in graded if g)
    else:
        raise ValueError(f"unknown facet {facet!r}; expected one of {', '.join(FACETS)}")
    return tuple(dict.fromkeys(values)) or (NONE_VALUE,)


@dataclass
class FacetCodes:
    """One multi-valued facet of every event, as CSR arrays.

    Attributes
    ----------
    values : tuple of str, length V
        Code -> value.
    offsets : int64 (N + 1,)
        Event ``i`` has ``codes[offsets[i]:offsets[i + 1]]`` (never empty).
    codes : int32 (nnz,)
        Value codes, each at most once per event.
    rows : int32 (nnz,)
        The event of each entry (``rows[k] = i`` for ``offsets[i] <= k < offsets[i + 1]``).
    totals : int64 (V,)
        Events that have each value.
    """

    values: tuple[str, ...]
    offsets: np.ndarray
    codes: np.ndarray
    rows: np.ndarray
    totals: np.ndarray

    @classmethod
    def build(cls, n: int, per_event: dict[int, tuple[str, ...]]) -> FacetCodes:
        """Codes of ``n`` events: ``per_event[i]`` lists event ``i``'s distinct
        values; events not in it have only :data:`NONE_VALUE`."""
        index: dict[str, int] = {NONE_VALUE: 0}
        lengths = np.ones(n, dtype=np.int64)
        for i, vals in per_event.items():
            lengths[i] = len(vals)
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        codes = np.zeros(int(offsets[-1]), dtype=np.int32)  # NONE_VALUE's code everywhere ...
        for i, vals in per_event.items():  # ... but where an event has values
            start = int(offsets[i])
            for k, v in enumerate(vals):
                codes[start + k] = index.setdefault(v, len(index))
        rows = np.repeat(np.arange(n, dtype=np.int32), lengths)
        values = tuple(index)
        return cls(values, offsets, codes, rows, np.bincount(codes, minlength=len(values)).astype(np.int64))

    @property
    def _rich(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The entries of events that have values (not :data:`NONE_VALUE`):
        (codes int32 (k,), rows int32 (k,), the distinct events int32 (r,),
        each event's first entry int64 (r,)).  Made once: most events of a
        large file have no value for most facets, and counting them one by one
        is the cost of a facet count."""
        def make() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
            keep = self.codes != 0  # an event with values has no NONE_VALUE entry
            codes, rows = self.codes[keep], self.rows[keep]
            starts = np.flatnonzero(np.diff(rows, prepend=np.int32(-1))) if len(rows) else np.zeros(0, np.int64)
            return codes, rows, rows[starts], starts.astype(np.int64)
        rich: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] = kept(self, "rich", None, make)
        return rich

    def any_allowed(self, allowed: frozenset[str]) -> np.ndarray:
        """bool (N,): events with at least one value in ``allowed``."""
        ok = np.fromiter((v in allowed for v in self.values), dtype=bool, count=len(self.values))
        n = len(self.offsets) - 1
        out = np.full(n, bool(ok[0]) if len(ok) else False)  # events without values: NONE_VALUE's answer
        codes, _rows, events, starts = self._rich
        if len(events):
            out[events] = np.logical_or.reduceat(ok[codes], starts)
        return out

    def counts(self, mask: np.ndarray) -> np.ndarray:
        """int64 (V,): events among ``mask`` (bool (N,)) that have each value."""
        codes, rows, events, _starts = self._rich
        out = np.bincount(codes[mask[rows]], minlength=len(self.values)).astype(np.int64)
        if len(out):  # NONE_VALUE: the events of the mask that have no value
            out[0] = int(np.count_nonzero(mask)) - int(np.count_nonzero(mask[events]))
        return out


class FacetIndex:
    """Codes of every event's track, date bounds and facet values (see the module docstring).

    Parameters
    ----------
    timeline : Timeline
        Read once here; its events are built only where needed (see
        "Large files" in the module docstring).

    Attributes
    ----------
    n : int
        Number of events.
    track_values : tuple of str
        Track code -> track id: ``timeline.tracks`` in order (then, for a
        timeline of Event objects, any unknown track ids).
    track : int32 (N,)
        Track code of each event; :data:`NO_TRACK` for bands.
    earliest, latest : float64 (N,)
        As ``Event.earliest`` / ``Event.latest``.
    year_unknown : bool (N,)
        ``Event.year_unknown`` (``XXXX-06-10``): its possible years 0..9999 are not the
        source's, so no date range keeps it (:meth:`mask`) unless it meets the known date
        of such a span (``known_lo``/``known_hi``).
    known_lo, known_hi : float64 (N,)
        Possible interval (epoch s, UTC) of the known date of a span whose other date's
        year is unknown (:func:`known_side`); NaN for every other event.
    facets : dict of str -> FacetCodes
        One per name of :data:`FACETS`.
    """

    def __init__(self, timeline: FacetTimeline) -> None:
        events = timeline.events
        n = len(events)
        self.n = n
        track_index = {t.id: k for k, t in enumerate(timeline.tracks)}
        facts: EventFacts | None = getattr(events, "facts", None) if isinstance(events, LazyEvents) else None
        if facts is not None:
            self.track = np.where(facts.lane >= 0, facts.lane, NO_TRACK).astype(np.int32)
            self.earliest = np.asarray(facts.earliest, dtype=float)
            self.latest = np.asarray(facts.latest, dtype=float)
            self.track_values = tuple(track_index)
            looked_at: Iterable[int] = [int(i) for i in facts.rich]
            self.year_unknown = _year_unknown_of_columns(timeline, n)
        else:
            self.track = np.empty(n, dtype=np.int32)
            self.earliest = np.empty(n, dtype=float)
            self.latest = np.empty(n, dtype=float)
            self.year_unknown = np.zeros(n, dtype=bool)
            looked_at = range(n)
        # the known date of a span whose other date's year is unknown (known_side); NaN for the others
        self.known_lo = np.full(n, np.nan)
        self.known_hi = np.full(n, np.nan)
        for row in (np.flatnonzero(self.year_unknown).tolist() if facts is not None else ()):  # few: built
            self._note_known_side(row, events[row])
        per_facet: dict[str, dict[int, tuple[str, ...]]] = {f: {} for f in FACETS}
        for i in looked_at:
            ev = events[i]
            if facts is None:
                if ev.kind == EventKind.BAND:
                    self.track[i] = NO_TRACK
                else:
                    self.track[i] = track_index.setdefault(ev.track, len(track_index))
                self.earliest[i], self.latest[i] = ev.earliest, ev.latest
                self.year_unknown[i] = ev.year_unknown
                if ev.year_unknown:
                    self._note_known_side(i, ev)
            for facet in FACETS:
                vals = event_facet_values(ev, timeline, facet)
                if vals != (NONE_VALUE,):
                    per_facet[facet][i] = vals
        if facts is None:
            self.track_values = tuple(track_index)
        self.facets = {f: FacetCodes.build(n, per_facet[f]) for f in FACETS}

    def _note_known_side(self, i: int, event: Event) -> None:
        known = known_side(event)
        if known is not None:
            self.known_lo[i], self.known_hi[i] = known.earliest, known.latest

    def _parts(self, filters: FacetFilters) -> dict[str, np.ndarray]:
        """bool (N,) per filter that hides something: ``"tracks"``, ``"dates"``
        and each facet with a choice.  The last one asked of each kind is kept
        (a swap changes one filter: the others are not computed again)."""
        parts: dict[str, np.ndarray] = {}

        def part(name: str, key: Hashable, make: Callable[[], np.ndarray]) -> None:
            def made() -> np.ndarray:
                m = make()
                m.flags.writeable = False
                return m
            parts[name] = kept(self, ("mask", name), key, made)

        if filters.hidden_tracks:
            def tracks() -> np.ndarray:
                hidden = np.fromiter((v in filters.hidden_tracks for v in self.track_values), dtype=bool,
                                     count=len(self.track_values))
                hidden = np.append(hidden, False)  # index -1 (NO_TRACK): never hidden
                return ~hidden[self.track]
            part("tracks", filters.hidden_tracks, tracks)
        if filters.date_range is not None:
            lo, hi = filters.date_range

            def dates() -> np.ndarray:  # an unknown year is known to meet a range only by its known date
                with np.errstate(invalid="ignore"):
                    met: np.ndarray = (self.earliest < hi) & (self.latest > lo) & ~self.year_unknown
                    met |= (self.known_lo < hi) & (self.known_hi > lo)  # NaN (no known side): False
                return met
            part("dates", (lo, hi), dates)
        for facet in FACETS:
            allowed = filters.allowed(facet)
            if allowed is not None:
                codes, chosen = self.facets[facet], allowed
                part(facet, allowed, lambda c=codes, a=chosen: c.any_allowed(a))  # type: ignore[misc]
        return parts

    def _and(self, parts: dict[str, np.ndarray], skip: tuple[str, ...] = ()) -> np.ndarray | None:
        """The AND of ``parts`` but ``skip`` (a new array); None when nothing is hidden."""
        arrays = [a for name, a in parts.items() if name not in skip]
        if not arrays:
            return None
        m: np.ndarray = arrays[0].copy()
        for a in arrays[1:]:
            m &= a
        return m

    def mask(self, filters: FacetFilters, skip: str | None = None) -> np.ndarray:
        """bool (N,): the events ``filters`` shows (as :func:`~viewer.model.filters.event_passes`).

        Parameters
        ----------
        filters : FilterState
        skip : str or None
            A facet name whose filter is ignored (for counts).
        """
        m = self._and(self._parts(filters), (skip,) if skip else ())
        return np.ones(self.n, dtype=bool) if m is None else m

    def left_out_year_unknown(self, filters: FacetFilters) -> int:
        """How many events the date range of ``filters`` leaves out only because their year is
        unknown: every other filter lets them through.  0 without a date range."""
        if filters.date_range is None or not self.year_unknown.any():
            return 0
        parts = self._parts(filters)
        left_out = self.year_unknown & ~parts["dates"]
        m = self._and(parts, ("dates",))
        return int(np.count_nonzero(left_out if m is None else left_out & m))

    def counts(self, filters: FacetFilters, facet: str) -> dict[str, tuple[int, int]]:
        """For each value of ``facet``: (events shown with it, events with it in all).

        "Shown" applies every filter but this facet's own.  Values are sorted
        by total count, then alphabetically (case-folded); :data:`NONE_VALUE`
        comes last; values no event has are left out.

        Raises
        ------
        ValueError
            If ``facet`` is not one of :data:`FACETS`.
        """
        filters.allowed(facet)  # validates the name
        return self.all_counts(filters, (facet,))[facet]

    def all_counts(self, filters: FacetFilters,
                   facets: Sequence[str] = FACETS) -> dict[str, dict[str, tuple[int, int]]]:
        """:meth:`counts` of each of ``facets`` at once: the masks of the
        filters are computed once and shared (one mask for every facet whose
        own filter is off)."""
        parts = self._parts(filters)
        shared: list[np.ndarray | None] = []  # the mask of every filter, made on first use
        out = {}
        for facet in facets:
            codes = self.facets[facet]
            if facet in parts:
                m = self._and(parts, (facet,))
            else:
                if not shared:
                    shared.append(self._and(parts))
                m = shared[0]
            total = codes.totals
            shown = total if m is None else codes.counts(m)
            keys = [k for k in range(len(codes.values)) if total[k]]
            keys.sort(key=lambda k: (codes.values[k] == NONE_VALUE, -int(total[k]), codes.values[k].casefold()))
            out[facet] = {codes.values[k]: (int(shown[k]), int(total[k])) for k in keys}
        return out

    def track_counts(self, filters: FacetFilters) -> dict[str, tuple[int, int]]:
        """For each track id: (events shown on it with every filter but the
        hidden tracks, events on it in all).  Bands count on no track."""
        nv = len(self.track_values)
        total = kept(self, "track totals", None, lambda: np.bincount(self.track[self.track >= 0], minlength=nv))
        m = self._and(self._parts(filters), ("tracks",))
        if m is None:
            shown = total
        else:
            on = self.track >= 0
            shown = np.bincount(self.track[on & m], minlength=nv)
        return {tid: (int(shown[k]), int(total[k])) for k, tid in enumerate(self.track_values)}


def known_side(event: Event) -> EventDate | None:
    """The known date of a span whose other date has an unknown year (``2023-05-01`` to
    ``XXXX-06-10``: its start; ``XXXX-05-01`` to ``2023-06-10``: its end); None for any
    other event (both known, or no known date: ``XXXX-06-10``, or ``XXXX-06-10`` to ``..``
    whose other side is no date either: as :func:`~viewer.model.date_arrays.half_known_of`)."""
    sign = half_known_sign(event.start, event.end)
    return None if sign == 0 else event.start if sign > 0 else event.end


def _year_unknown_of_columns(timeline: FacetTimeline, n: int) -> np.ndarray:
    """bool (N,), file order: events whose columns row is flagged ``FLAG_YEAR_UNKNOWN`` or
    ``FLAG_HALF_KNOWN`` (drawn at its known date, but a date's year is unknown)
    (a lazily read timeline's events are not built to ask them; its columns know)."""
    out = np.zeros(n, dtype=bool)
    cols = getattr(timeline, "columns", None)
    if cols is not None and len(cols):
        rows = (np.asarray(cols.flags) & (FLAG_YEAR_UNKNOWN | FLAG_HALF_KNOWN)) != 0
        if rows.any():
            out[np.asarray(cols.event_index)[rows]] = True
    return out
