"""What the timeline shows: the file's timeline through the filters, with search emphasis.

Installed first among the find/filter features.  It derives the shown
timeline from ``window.state.filters`` with the pure
:func:`~viewer.model.filters.apply_filters` and gives it to the timeline
widget, keeps the selection when it is still shown (clears it otherwise),
runs the search of ``window.state.query`` over the shown events and dims the
rest on the timeline while a search is active.

Other features read ``window.shown.timeline`` and follow
``window.shown.sigShownChanged``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..model.filters import apply_filters
from ..model.search import search
from ..model.timeline import Timeline
from ..model.viewstate import ViewState
from ..model.zones import timeline_on_local_days

__all__ = ["ShownTimeline", "install"]


class ShownTimeline(QObject):
    """The filtered timeline on screen and the search over it.

    Signals
    -------
    sigShownChanged(Timeline)
        After the shown timeline was replaced (filters or file changed).

    Parameters
    ----------
    window : MainWindow
        Provides ``timeline`` (the file's), ``state``, ``view`` and
        ``sigTimelineChanged``.
    """

    sigShownChanged = Signal(object)  # Timeline shown

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.state: ViewState = window.state
        self.timeline: Timeline = window.timeline
        self._derived_from: tuple | None = None  # (file's timeline, filters, zone) of self.timeline
        self.state.subscribe(self._on_state)
        window.sigTimelineChanged.connect(self._on_file)

    # -- derivation ------------------------------------------------------
    def refresh(self) -> None:
        """Derive the shown timeline from the state's filters and display zone and show it.

        Date-only events go on the display zone's calendar days
        (:func:`~viewer.model.zones.timeline_on_local_days`)."""
        key = (self.window.timeline, self.state.filters, self.state.display_zone)
        if self._derived_from is not None and key[0] is self._derived_from[0] and key[1:] == self._derived_from[1:]:
            shown = self.timeline  # already derived (a new file's filters are set before it is announced)
        else:
            shown = apply_filters(self.window.timeline, self.state.filters)
            shown = timeline_on_local_days(shown, self.state.display_zone)
        self.timeline = shown
        self._derived_from = key
        view = self.window.view
        if view.timeline is not shown:
            a, b = view.x_range()
            view.set_timeline(shown)
            view.set_x_range(a, b)  # same origin: the same moments stay in view
        sel = self.state.selected
        if sel is not None and not shown.has_event(sel):
            self.state.selected = None
        self._search()
        self._emphasise()
        self.sigShownChanged.emit(shown)

    def _search(self) -> None:
        self.state.matches = search(self.timeline, self.state.query)

    def _emphasise(self) -> None:
        item = self.window.view.events_item
        if item is None:
            return
        if not self.state.query.strip():
            item.set_emphasis(None)
            return
        hits = set(self.state.matches)
        item.set_emphasis(np.array([eid in hits for eid in item.columns.ids], dtype=bool))

    # -- slots -------------------------------------------------------------
    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if changed & {"filters", "display_zone"}:
            self.refresh()
        elif "query" in changed:
            self._search()
            self._emphasise()
        if "matches" in changed:
            self._emphasise()
        # what a screen reader announces for the selection: viewer.ui.access

    def _on_file(self, _timeline: Timeline) -> None:
        # the window has already reset the filters (another file) or kept them
        # (a reload; viewer.model.reload) before telling
        self.refresh()


def install(window) -> None:
    """Attach a :class:`ShownTimeline` to the window as ``window.shown``."""
    window.shown = ShownTimeline(window)
    window.shown.refresh()
