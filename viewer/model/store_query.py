"""What a view asks of an event store besides a plain window: filters, a page
of the event list, a whole frame in one call.  Pure Python + numpy (no Qt).

:class:`StoreFilter` is the filter every :class:`~viewer.model.store.EventStore`
applies the same way (the rule of :class:`~viewer.model.facets.FacetIndex`:
hidden tracks, a date range, facets combined with AND, each facet passing an
event that has at least one allowed value, ``""`` standing for "none"; plus
search terms, each a substring of the event's folded text).  It has the shape
of :class:`~viewer.model.filters.FilterState` (the window's filters), so
``StoreFilter.of(view_filters, text=query)`` is all a view needs.

:class:`Frame` is what :meth:`EventStore.frame <viewer.model.store.EventStore.frame>`
returns: the visible events of a window and the per-pixel counts of every
lane asked for, so a view draws one frame from one call.

Units: seconds since the Unix epoch, UTC; bins are pixel columns.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

if TYPE_CHECKING:
    from .store import VisibleEvents

__all__ = ["StoreFilter", "Frame", "FilterLike", "LIST_FACETS", "marker_bins", "density_of_rows"]

LIST_FACETS = ("actors", "sources", "source_kinds", "tags", "grades")
"""The multi-valued facets a store filters and counts (:data:`viewer.model.facets.FACETS`)."""


class FilterLike(Protocol):
    """Anything shaped as :class:`~viewer.model.filters.FilterState` (or :class:`StoreFilter`)."""

    @property
    def hidden_tracks(self) -> frozenset[str]: ...

    @property
    def date_range(self) -> tuple[float, float] | None: ...

    def allowed(self, facet: str) -> frozenset[str] | None: ...


@dataclass(frozen=True)
class StoreFilter:
    """Which events a store query keeps (the module's rule); the default keeps all.

    Attributes
    ----------
    hidden_tracks : frozenset of str
        Track ids whose events are left out (bands are never on a track, so never left out).
    actors, sources, source_kinds, tags, grades : frozenset of str or None
        Allowed values (``""`` = events with none); None = every value passes.
    date_range : (float, float) or None
        ``(lo, hi)`` epoch s: keeps events whose possible interval
        ``[earliest, latest)`` meets ``[lo, hi)`` (``Event.earliest`` / ``Event.latest``),
        never one whose year is unknown (``XXXX-06-10``: not known to meet any range).
    text : str
        A search query (:func:`viewer.model.search.parse_query`): every term
        must be in the event's folded text; blank = no condition.
    """

    hidden_tracks: frozenset[str] = frozenset()
    actors: frozenset[str] | None = None
    sources: frozenset[str] | None = None
    source_kinds: frozenset[str] | None = None
    tags: frozenset[str] | None = None
    grades: frozenset[str] | None = None
    date_range: tuple[float, float] | None = None
    text: str = ""

    @classmethod
    def of(cls, filters: FilterLike | None = None, text: str = "") -> StoreFilter:
        """The store filter of a view's :class:`~viewer.model.filters.FilterState` (None = none)
        and a search query; a :class:`StoreFilter` passed in keeps its own text unless ``text`` is given."""
        if filters is None:
            return cls(text=text)
        if isinstance(filters, StoreFilter):
            return filters if not text else dataclasses.replace(filters, text=text)
        facets: dict[str, Any] = {f: filters.allowed(f) for f in LIST_FACETS}
        return cls(hidden_tracks=frozenset(filters.hidden_tracks), date_range=filters.date_range, text=text,
                   **facets)

    def allowed(self, facet: str) -> frozenset[str] | None:
        """Allowed values of ``facet`` (None = all).  Raises ValueError for an unknown facet."""
        if facet not in LIST_FACETS:
            raise ValueError(f"unknown facet {facet!r}; expected one of {', '.join(LIST_FACETS)}")
        allowed: frozenset[str] | None = getattr(self, facet)
        return allowed

    def without(self, facet: str) -> StoreFilter:
        """A copy that ignores ``facet``'s own filter (``"track"``: the hidden tracks), for facet counts."""
        if facet == "track":
            return dataclasses.replace(self, hidden_tracks=frozenset())
        self.allowed(facet)
        changes: dict[str, Any] = {facet: None}
        return dataclasses.replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        """True when every event passes (only what the lanes asked for limits a query)."""
        return (not self.hidden_tracks and self.date_range is None and not self.text.strip()
                and all(getattr(self, f) is None for f in LIST_FACETS))

    @property
    def terms(self) -> list[str]:
        """The folded search terms of :attr:`text`."""
        from .search import parse_query

        return parse_query(self.text)


@dataclass
class Frame:
    """One frame of a view: :meth:`EventStore.frame <viewer.model.store.EventStore.frame>`'s answer.

    Attributes
    ----------
    t0, t1 : float
        The window, epoch s.
    lanes : tuple of int, length L
        The lanes asked for, in the order asked (rows of ``density``).
    visible : VisibleEvents
        Events meeting the window on those lanes, whole lanes up to the cap.
    density : float64 (L, width_px)
        Events per pixel column per lane (the density rule of :mod:`viewer.model.store`).
    """

    t0: float
    t1: float
    lanes: tuple[int, ...]
    visible: VisibleEvents
    density: np.ndarray

    def strip(self, lane: int) -> np.ndarray:
        """The density row of ``lane`` (KeyError if it was not asked for)."""
        try:
            return np.asarray(self.density[self.lanes.index(int(lane))])
        except ValueError:
            raise KeyError(lane) from None


def marker_bins(xm: np.ndarray, t0: float, t1: float, bins: int) -> np.ndarray:
    """The bin of each marker ``xm`` (epoch s) in ``bins`` equal bins over ``[t0, t1]``:
    ``min(floor((xm - t0) / w), bins - 1)`` with ``w = (t1 - t0) / bins`` in float64,
    the formula every store evaluates (SQL engines too), so all agree to the bit.
    Markers outside ``[t0, t1]`` get bins outside ``[0, bins)``.  int64 (len(xm),)."""
    w = (t1 - t0) / int(bins)
    if not len(xm):
        return np.zeros(0, dtype=np.int64)
    if w <= 0:
        return np.where((xm >= t0) & (xm <= t1), 0, -1).astype(np.int64)
    with np.errstate(invalid="ignore"):
        k = np.floor((np.asarray(xm, float) - t0) / w)
    k = np.where(np.isfinite(k), k, -1.0)
    return np.where(np.asarray(xm) <= t1, np.minimum(k, bins - 1), bins).astype(np.int64)


def density_of_rows(lane: np.ndarray, xm: np.ndarray, x0: np.ndarray, x1: np.ndarray, spread: np.ndarray,
                    lanes: list[int], t0: float, t1: float, bins: int) -> np.ndarray:
    """Density strips (float64 (len(lanes), bins)) of some events given row by row (epoch s):
    a ``spread`` event counts over ``[x0, x1]`` in equal shares, any other 1 in its marker's
    bin (:func:`marker_bins`)."""
    from .store import spread_counts

    out = np.zeros((len(lanes), int(bins)))
    if not len(lane) or not lanes:
        return out
    edges = np.linspace(t0, t1, int(bins) + 1)
    k = marker_bins(xm, t0, t1, bins)
    point = ~spread & (xm >= t0) & (xm <= t1) & (k >= 0) & (k < bins)
    with np.errstate(invalid="ignore"):
        wide = spread & (x0 < t1) & (x1 > t0)
    for i, lane_k in enumerate(lanes):
        on = lane == lane_k
        sel = on & point
        if sel.any():
            out[i] += np.bincount(k[sel], minlength=int(bins))[:bins]
        sel = on & wide
        if sel.any():
            out[i] += spread_counts(x0[sel], x1[sel], np.ones(int(sel.sum())), edges)
    return out

