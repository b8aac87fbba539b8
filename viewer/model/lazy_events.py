"""Events of a large timeline built one at a time, and what a reader knows of them.

Pure Python + numpy (no Qt).  :class:`LazyEvents` stands in for the tuple of
:class:`~viewer.model.records.Event` objects of a file read in bulk;
:class:`EventFacts` are the per-event arrays that reader already has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np

from .records import Event
from .row_ids import RowIds

__all__ = ["LazyEvents", "EventFacts", "marked_events"]


@dataclass
class EventFacts:
    """What a reader knows of every event without building it (file order).

    Attributes
    ----------
    lane : int array (N,)
        Index of the event's track in ``timeline.tracks``; ``-1`` for bands,
        ``-2`` for an unknown track.
    earliest, latest : float64 (N,)
        ``Event.earliest`` / ``Event.latest`` (epoch seconds UTC, ``±inf`` when open).
    rich : int64 array (K,)
        Indices of the events that may have actors, tags, quotes or sources;
        every other event has none of them.
    marked : int64 array (M,) or None
        Indices of the events that may be planned (``status``) or unreviewed
        drafts; every other event is neither.  None = those of ``rich``.
    """

    lane: np.ndarray
    earliest: np.ndarray
    latest: np.ndarray
    rich: np.ndarray
    marked: np.ndarray | None = None


class LazyEvents(Sequence[Event]):
    """The events of a large timeline, each built only when asked for.

    A million :class:`Event` objects (with their dates, quotes and tuples)
    take seconds to build and about a gigabyte; drawing needs only the
    columnar arrays, and the detail pane one event at a time.  This sequence
    keeps the ids and a function that builds event ``i``; built events are
    kept in a small cache.

    Parameters
    ----------
    ids : list of str, length N
        Event ids in file order.
    make : callable(int) -> Event
        Builds event ``i`` (file order); must return an event with ``ids[i]``.
    finite_extent : (float, float)
        What :meth:`Timeline.finite_extent` returns (epoch seconds UTC).
    title : callable(int) -> str, optional
        Title of event ``i``, cheaper than building the event.
    facts : EventFacts, optional
        Per-event arrays the reader already has (track, date bounds, which
        events may have actors, tags, quotes or sources): filters and facet
        counts (:class:`~viewer.model.facets.FacetIndex`) then build only
        those few events.
    time_zones : callable(int) -> tuple of str, optional
        The ``time_zone`` of event ``i``'s start and end dates (those that
        have one), cheaper than building the event.
    raw : callable(int) -> str, optional
        The JSON text of event ``i`` as the file has it (for the search
        index, :mod:`viewer.io.search_index`, which reads the common fields
        of a million events without building them).
    content_digest : str, optional
        BLAKE2b hex digest of the file's bytes the events were read from
        ("" when not known): what a persistent index of them is keyed by.
    origin_index : int array (N,), optional
        Position of each event in the file's events, for the events of a
        filtered timeline (:func:`viewer.model.filters.apply_filters`); None
        = the file's own events (``arange(N)``).
    """

    CACHE_SIZE = 4096

    def __init__(self, ids: Sequence[str], make: Callable[[int], Event],
                 finite_extent: tuple[float, float],
                 title: Callable[[int], str] | None = None, facts: EventFacts | None = None,
                 time_zones: Callable[[int], tuple[str, ...]] | None = None,
                 raw: Callable[[int], str] | None = None, content_digest: str = "",
                 origin_index: np.ndarray | None = None) -> None:
        self.ids = ids
        self.raw = raw
        self.content_digest = content_digest
        self.origin_index = origin_index
        self.facts = facts
        self._make = make
        self._title = title
        self._time_zones = time_zones
        self.finite_extent = finite_extent
        self._built: dict[int, Event] = {}
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> Event: ...

    @overload
    def __getitem__(self, i: slice) -> list[Event]: ...

    def __getitem__(self, i: int | slice) -> Event | list[Event]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self.ids)
        if not 0 <= i < len(self.ids):
            raise IndexError(f"event index {i} out of range 0..{len(self.ids) - 1}")
        ev = self._built.get(i)
        if ev is None:
            if len(self._built) >= self.CACHE_SIZE:
                self._built.clear()
            ev = self._built[i] = self._make(i)
        return ev

    def __iter__(self) -> Iterator[Event]:
        for i in range(len(self.ids)):
            yield self[i]

    def build(self, i: int) -> Event:
        """Event ``i`` built afresh and not kept (for a background pass over
        many events that must not evict the events the window shows)."""
        ev = self._built.get(i)
        return ev if ev is not None else self._make(i)

    def title(self, i: int) -> str:
        """Title of event ``i`` without building the event (for labels)."""
        ev = self._built.get(i)
        if ev is not None or self._title is None:
            return self[i].title
        return self._title(i)

    def time_zones(self, i: int) -> tuple[str, ...]:
        """IANA zones (``EventDate.time_zone``) of event ``i``'s start and end,
        those that have one, without building the event when it can."""
        ev = self._built.get(i)
        if ev is not None or self._time_zones is None:
            ev = ev if ev is not None else self[i]
            return tuple(d.time_zone for d in (ev.start, ev.end) if d is not None and d.time_zone)
        return self._time_zones(i)

    def index_of(self, event_id: str) -> int:
        """File position of an event id; raises KeyError if there is none."""
        if isinstance(self.ids, RowIds):  # a filtered timeline's: through the file's index
            return self.ids.position(event_id)
        if self._index is None:
            self._index = {eid: k for k, eid in enumerate(self.ids)}
        return self._index[event_id]


def marked_events(facts: EventFacts) -> np.ndarray:
    """Indices of the events that may be planned or drafts (``EventFacts.marked``, else ``rich``)."""
    return facts.rich if facts.marked is None else facts.marked
