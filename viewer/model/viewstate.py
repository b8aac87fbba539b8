"""View state of a timeline window and the pure arithmetic of navigating it.

No Qt here: the widget mirrors :class:`ViewState` and the functions below are
tested without a screen.  All x values are seconds from the timeline origin
(see :mod:`viewer.model.columns`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .columns import EventColumns
from .date_arrays import KIND_POINT
from .filters import FilterState
from .kept import kept
from .search import MatchList

__all__ = ["XLimits", "ViewState", "clamp_range", "pan_to_show", "zoom_about"]

MIN_VISIBLE_S = 60.0           #: deepest zoom: one minute across the view
MIN_MAX_VISIBLE_S = 2 * 86400.0  #: the widest view is never narrower than two days


@dataclass(frozen=True)
class XLimits:
    """Where the view may go: the x interval it must stay in and its width bounds.

    Attributes are seconds from the origin.  Rule: the data extent plus 5 % of
    its width (at least half a day) on each side; the visible width is between
    :data:`MIN_VISIBLE_S` and the padded extent (at least :data:`MIN_MAX_VISIBLE_S`).
    """

    x_min: float
    x_max: float
    min_width: float
    max_width: float

    @classmethod
    def for_columns(cls, columns: EventColumns, home: tuple[float, float] | None = None) -> XLimits:
        """Limits for the events of ``columns``; ``home`` (seconds from the origin),
        the timeline's home range, is always inside them (an empty new timeline
        shows its home month)."""
        lo, hi = columns.extent()
        if home is not None and all(math.isfinite(v) for v in home):
            lo, hi = min(lo, home[0]), max(hi, home[1])
        pad = max(0.05 * (hi - lo), 43200.0)
        x_min, x_max = lo - pad, hi + pad
        width = max(x_max - x_min, MIN_MAX_VISIBLE_S, precision_floor(columns))
        centre = (x_min + x_max) / 2
        x_min, x_max = min(x_min, centre - width / 2), max(x_max, centre + width / 2)
        return cls(x_min, x_max, MIN_VISIBLE_S, x_max - x_min)


PRECISION_UNITS = 9
"""The widest view and "show everything" span at least this many of the finest
date unit of the events (a lone date-only event: nine days, on day ticks)."""


def precision_floor(columns: EventColumns) -> float:
    """The narrowest "show everything" width that does not zoom below the
    precision of the dates: :data:`PRECISION_UNITS` times the narrowest
    possible interval of a point event (a day for a date to the day); 0 when
    every point is an exact moment.

    O(N) numpy once per columns (a swap's view and overview both ask, and the
    thread that derives a timeline asks first): kept with them
    (:mod:`viewer.model.kept`; an edit in place forgets it)."""
    return kept(columns, "precision floor", None, lambda: _precision_floor(columns))


def _precision_floor(columns: EventColumns) -> float:
    with np.errstate(invalid="ignore"):  # inf - inf: a point placed nowhere (its year is unknown)
        widths = (columns.x1 - columns.x0)[columns.kind == KIND_POINT]
    widths = widths[np.isfinite(widths) & (widths > 0)]
    return PRECISION_UNITS * float(widths.min()) if widths.size else 0.0


def clamp_range(a: float, b: float, limits: XLimits) -> tuple[float, float]:
    """The window ``[a, b]`` made legal: width within bounds, inside the limits.

    Keeps the centre where possible; shifts the window (never shrinks it) to
    bring it back inside ``[x_min, x_max]``.
    """
    if b < a:
        a, b = b, a
    width = min(max(b - a, limits.min_width), limits.max_width)
    centre = (a + b) / 2
    a, b = centre - width / 2, centre + width / 2
    if a < limits.x_min:
        a, b = limits.x_min, limits.x_min + width
    if b > limits.x_max:
        a, b = limits.x_max - width, limits.x_max
    return a, b


def zoom_about(a: float, b: float, centre: float, factor: float, limits: XLimits) -> tuple[float, float]:
    """Scale the window by ``factor`` (< 1 zooms in) keeping ``centre`` fixed.

    The point under the cursor stays under the cursor unless a limit stops it:
    the width is clamped first, then the window is shifted inside the limits.
    """
    width = min(max((b - a) * factor, limits.min_width), limits.max_width)
    frac = 0.5 if b == a else (centre - a) / (b - a)
    na = centre - frac * width
    return clamp_range(na, na + width, limits)


def pan_to_show(a: float, b: float, x0: float, x1: float, limits: XLimits,
                margin: float = 0.1) -> tuple[float, float]:
    """The smallest pan of ``[a, b]`` that shows ``[x0, x1]`` with a margin.

    ``margin`` is a fraction of the window width kept free at the edge.  If
    the interval is wider than the window, its start is shown.  The width is
    unchanged (Left/Right navigation pans, it does not zoom).
    """
    width = b - a
    pad = margin * width
    if x0 < a + pad or x1 - x0 > width - 2 * pad:
        a = x0 - pad
    elif x1 > b - pad:
        a = x1 + pad - width
    return clamp_range(a, a + width, limits)


class ViewState:
    """What the user is looking at: visible x range, selection, search, filters, zone.

    Listeners registered with :meth:`subscribe` are called as
    ``callback(state, changed)`` where ``changed`` is a set of attribute
    names (``{"x_range"}``, ``{"selected"}``, ``{"query"}``, ``{"matches"}``,
    ``{"filters"}``, ``{"display_zone"}``, ``{"collapsed_tracks"}``,
    ``{"dday"}``).  Setting a value equal to the current one notifies nobody,
    which breaks view <-> state feedback loops.
    """

    def __init__(self, x_range: tuple[float, float] = (0.0, 86400.0), selected: str | None = None) -> None:
        self._x_range = (float(x_range[0]), float(x_range[1]))
        self._selected = selected
        self._query = ""
        self._matches: Sequence[str] = ()
        self._filters = FilterState()
        self._display_zone = "UTC"
        self._collapsed_tracks: frozenset[str] = frozenset()
        self._dday: str | None = None
        self._listeners: list[Callable[[ViewState, set[str]], None]] = []

    def subscribe(self, callback: Callable[[ViewState, set[str]], None]) -> None:
        """Call ``callback(state, changed_names)`` after every change."""
        self._listeners.append(callback)

    def _notify(self, changed: set[str]) -> None:
        for cb in list(self._listeners):
            cb(self, changed)

    @property
    def x_range(self) -> tuple[float, float]:
        """Visible window ``(a, b)``, seconds from the origin."""
        return self._x_range

    @x_range.setter
    def x_range(self, value: tuple[float, float]) -> None:
        new = (float(value[0]), float(value[1]))
        if new != self._x_range:
            self._x_range = new
            self._notify({"x_range"})

    @property
    def selected(self) -> str | None:
        """Id of the selected event, or None."""
        return self._selected

    @selected.setter
    def selected(self, value: str | None) -> None:
        if value != self._selected:
            self._selected = value
            self._notify({"selected"})

    # -- search, filters, display zone -----------------------------------
    def _set(self, name: str, value: object) -> None:
        if getattr(self, "_" + name) != value:
            setattr(self, "_" + name, value)
            self._notify({name})

    @property
    def query(self) -> str:
        """The search text ("" = not searching; see :mod:`viewer.model.search`)."""
        return self._query

    @query.setter
    def query(self, value: str) -> None:
        self._set("query", str(value))

    @property
    def matches(self) -> Sequence[str]:
        """Ids of the events matching :attr:`query` among those shown, in time order
        (a tuple, or a :class:`~viewer.model.search.MatchList` for a large timeline)."""
        return self._matches

    @matches.setter
    def matches(self, value: Sequence[str]) -> None:
        # a large search's matches stay an array of rows
        self._set("matches", value if isinstance(value, MatchList) else tuple(value))

    @property
    def filters(self) -> FilterState:
        """Which tracks and events are shown (:class:`~viewer.model.filters.FilterState`)."""
        return self._filters

    @filters.setter
    def filters(self, value: FilterState) -> None:
        if not isinstance(value, FilterState):
            raise TypeError(f"filters must be a FilterState, got {type(value).__name__}")
        self._set("filters", value)

    @property
    def display_zone(self) -> str:
        """Zone times are shown in: ``"UTC"``, an IANA name, or ``"event-local"``
        (see :mod:`viewer.model.zones`)."""
        return self._display_zone

    @display_zone.setter
    def display_zone(self, value: str) -> None:
        self._set("display_zone", str(value))

    # -- track collapse ------------------------------------------------------
    @property
    def collapsed_tracks(self) -> frozenset[str]:
        """Ids of the tracks drawn as thin strips (see :func:`viewer.model.lanes.lane_geometry`).

        Ids of tracks not in the timeline are ignored when lanes are laid
        out; a reload of the file drops them and opening another file clears
        the set (:mod:`viewer.model.reload`).
        """
        return self._collapsed_tracks

    @collapsed_tracks.setter
    def collapsed_tracks(self, value: Iterable[str]) -> None:
        if isinstance(value, str):
            raise TypeError("collapsed_tracks must be a set of track ids, not a string")
        self._set("collapsed_tracks", frozenset(value))

    def set_track_collapsed(self, track_id: str, collapsed: bool) -> None:
        """Collapse (True) or expand (False) one track."""
        ids = set(self._collapsed_tracks)
        (ids.add if collapsed else ids.discard)(track_id)
        self.collapsed_tracks = ids

    def toggle_track_collapsed(self, track_id: str) -> None:
        """Collapse an expanded track, expand a collapsed one."""
        self.set_track_collapsed(track_id, track_id not in self._collapsed_tracks)

    def collapse_all_except(self, track_id: str, track_ids: Iterable[str]) -> None:
        """Collapse every track of ``track_ids`` but ``track_id``, which is expanded."""
        self.collapsed_tracks = frozenset(t for t in track_ids if t != track_id)

    # -- relative (D-day) axis ----------------------------------------------
    @property
    def dday(self) -> str | None:
        """Reference of the relative axis: ``"band:ID"``, ``"event:ID"`` or None (off).

        See :mod:`viewer.model.dday` (:func:`~viewer.model.dday.parse_dday`
        reads the command line's shorter ``EVENT_ID`` too).
        """
        return self._dday

    @dday.setter
    def dday(self, value: str | None) -> None:
        self._set("dday", None if value is None else str(value))
