"""View > Relative axis (D-day): days counted from an event or a band's start.

Installed as a window feature.  The choice lives in ``window.state.dday``
(``"band:ID"``, ``"event:ID"`` or None); this module resolves it against the
file's timeline in the display zone (:func:`viewer.model.dday.resolve_dday`)
and shows the result on the time axis' relative row
(:meth:`viewer.graphics.axis.TimeAxisItem.set_relative`).  The detail pane
reads the same state (it writes ``D+3`` for the selected event).

Menu: *Off*, *From the selected event* (takes the event selected when
chosen; disabled without a selection) and *From band "…"* for each band of
the timeline; an entry whose date names no day (known only to the year, one
of a set) is disabled and says why (:func:`viewer.model.dday.reference_day`).
Opening another file turns the axis off; a reload keeps it while its
reference is still in the file (:mod:`viewer.model.reload`; the file banner
says when it was turned off).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from ..model.dday import DDay, DDayError, resolve_dday
from ..model.timeline import EventKind
from ..model.viewstate import ViewState

__all__ = ["RelativeAxis", "current_dday", "install"]


def current_dday(timeline, state: ViewState) -> DDay | None:
    """The D-day ``state.dday`` names in ``timeline`` (display zone of ``state``), or None.

    None when the relative axis is off or its reference is not in the timeline.
    """
    if state.dday is None:
        return None
    try:
        return resolve_dday(timeline, state.dday, state.display_zone)
    except DDayError:
        return None


class RelativeAxis:
    """Keeps the axis' relative row and the View menu in step with ``state.dday``.

    Parameters
    ----------
    window : MainWindow
        Provides ``timeline``, ``state``, ``view``, ``menus`` and ``sigTimelineChanged``.
    """

    def __init__(self, window) -> None:
        self.window = window
        self.state: ViewState = window.state
        self.menu = window.menus["View"].addMenu("Relative axis (D-day)")
        self.menu.aboutToShow.connect(self._fill_menu)
        self.group = QActionGroup(self.menu)
        self.dday: DDay | None = None
        self.state.subscribe(self._on_state)
        window.sigTimelineChanged.connect(lambda _tl: self.refresh())
        if hasattr(window, "sigTimelineEdited"):  # a D-day may be an event that was edited
            window.sigTimelineEdited.connect(lambda _tl, _ids: self.refresh())
        self._fill_menu()
        self.refresh()

    def choices(self) -> list[tuple[str, str | None]]:
        """Menu entries ``(text, reference)``: Off, the selected event, each band."""
        tl = self.window.timeline
        out: list[tuple[str, str | None]] = [("Off", None)]
        sel = self.state.selected
        if sel is not None and tl.has_event(sel) and tl.event(sel).kind != EventKind.BAND:
            out.append(self._choice(f"From the selected event: {tl.event(sel).title[:60]}", f"event:{sel}"))
        else:
            out.append(("From the selected event", ""))
        for ev in tl.bands():  # not every event: a million lazy events would all be built
            out.append(self._choice(f"From band {ev.title[:60]}", f"band:{ev.id}"))
        return out

    def _choice(self, text: str, ref: str) -> tuple[str, str]:
        """A menu entry, disabled (reference ``""``) with the reason when the
        reference names no day (e.g. known only to the year)."""
        try:
            resolve_dday(self.window.timeline, ref, self.state.display_zone)
        except DDayError as exc:
            reason = str(exc).partition("): ")[2] or str(exc)
            return (f"{text} (no D-day: {reason})", "")
        return (text, ref)

    def _fill_menu(self) -> None:
        self.menu.clear()
        for act in self.group.actions():
            self.group.removeAction(act)
        choices = self.choices()
        for text, ref in choices:
            act = QAction(text, self.menu)
            act.setCheckable(True)
            act.setEnabled(ref != "")
            act.setChecked(ref == self.state.dday or (ref is None and self.dday is None))
            act.triggered.connect(lambda _c=False, r=ref: setattr(self.state, "dday", r))
            self.group.addAction(act)
            self.menu.addAction(act)
        if self.dday is not None and self.state.dday not in [r for _, r in choices]:
            self.menu.addSeparator()
            self.menu.addAction(self.dday.describe()).setEnabled(False)

    def refresh(self) -> None:
        """Resolve ``state.dday`` and show it on the axis (or hide the row)."""
        self.dday = current_dday(self.window.timeline, self.state)
        axis = self.window.view._axis
        if self.dday is None:
            axis.set_relative(None)
        else:
            axis.set_relative(self.dday.day, self.dday.describe())

    def _on_state(self, _state: ViewState, changed: set[str]) -> None:
        if changed & {"dday", "display_zone"}:
            self.refresh()


def install(window) -> None:
    """Add View > Relative axis (D-day) as ``window.relative_axis``."""
    window.relative_axis = RelativeAxis(window)
