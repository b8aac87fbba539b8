"""The view of one file as saved between sessions: range, filters, collapsed tracks, D-day.

Pure Python (no Qt).  The window (:mod:`viewer.ui.session`) keeps one
:class:`SavedView` per file in its settings, as JSON text, and puts it back
when that file is opened again.  Ids name things inside one file, so a saved
view is checked against the file as it is now: ids it no longer has are
dropped by the live-reload rule (:func:`viewer.model.reload.kept_on_reload`),
and a D-day whose reference is gone or no longer a day is turned off.
Anything unreadable (an older or damaged settings entry) gives None: the
file then opens on its initial view, never with an error.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from .dday import DDayError, resolve_dday
from .filters import FACETS, FilterState
from .reload import KeptView, kept_on_reload
from .timeline import Timeline
from .viewstate import ViewState

__all__ = ["SavedView", "saved_view_of", "saved_view_from_json"]

_VERSION = 1


@dataclass(frozen=True)
class SavedView:
    """What is remembered of one file's view.

    Attributes
    ----------
    x_range_epoch : (float, float) or None
        Visible range, seconds since the Unix epoch (UTC), start < end.
    kept : KeptView
        Filters, collapsed tracks and D-day (``"band:ID"`` / ``"event:ID"``).
    """

    x_range_epoch: tuple[float, float] | None
    kept: KeptView

    def to_json(self) -> str:
        """Compact JSON text (sets written as sorted lists)."""
        f = self.kept.filters
        filters: dict[str, Any] = {"hidden_tracks": sorted(f.hidden_tracks), "track_order": list(f.track_order),
                         "date_range": list(f.date_range) if f.date_range else None}
        for facet in FACETS:
            allowed = f.allowed(facet)
            filters[facet] = None if allowed is None else sorted(allowed)
        return json.dumps({"version": _VERSION,
                           "range": list(self.x_range_epoch) if self.x_range_epoch else None,
                           "filters": filters, "collapsed": sorted(self.kept.collapsed_tracks),
                           "dday": self.kept.dday}, separators=(",", ":"))


def saved_view_of(state: ViewState, origin_epoch_s: float) -> SavedView:
    """The :class:`SavedView` of ``state`` (its x range is seconds from ``origin_epoch_s``)."""
    a, b = state.x_range
    return SavedView((a + origin_epoch_s, b + origin_epoch_s),
                     KeptView(state.filters, frozenset(state.collapsed_tracks), state.dday))


def _strings(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return value


def _range(value: object) -> tuple[float, float] | None:
    if value is None:
        return None
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value)
            or not value[0] < value[1]):
        raise ValueError("expected [start, end] seconds")
    return float(value[0]), float(value[1])


def saved_view_from_json(text: str, timeline: Timeline) -> SavedView | None:
    """Read :meth:`SavedView.to_json` text back, checked against ``timeline``.

    Returns
    -------
    SavedView or None
        None when the text is not a saved view of this version (damaged,
        older, from another program).  Ids the timeline no longer has are
        dropped; a D-day that no longer resolves to a day is off.
    """
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            return None
        raw = data["filters"]
        facets = {facet: None if raw.get(facet) is None else frozenset(_strings(raw[facet])) for facet in FACETS}
        filters = FilterState(hidden_tracks=frozenset(_strings(raw["hidden_tracks"])),
                              track_order=tuple(_strings(raw["track_order"])),
                              date_range=_range(raw.get("date_range")), **facets)
        x_range = _range(data.get("range"))
        collapsed = frozenset(_strings(data.get("collapsed", [])))
        dday = data.get("dday")
        if dday is not None and not isinstance(dday, str):
            raise ValueError("dday: expected a string")
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    state = ViewState()
    state.filters, state.collapsed_tracks, state.dday = filters, collapsed, dday
    kept = kept_on_reload(state, timeline, timeline)  # ids the file no longer has are dropped
    if kept.dday is not None:
        try:
            resolve_dday(timeline, kept.dday)
        except DDayError:  # no longer dated to a day: off, as the menu would refuse it
            kept = KeptView(kept.filters, kept.collapsed_tracks, None, kept.dday)
    return SavedView(x_range, kept)
