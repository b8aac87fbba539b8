"""The side column's split between the detail pane (top) and the tabs below (Events, Filters, Edit).

On a short window (1280x720, 1366x768) the even split cut the selected event's first quote off
at the pane's bottom edge.  :class:`LeadRoom` grows the pane, when an event is selected, to the
height its lead needs (:meth:`viewer.ui.detail_pane.DetailPane.lead_height`: title, date line,
first quote and who said it), as long as the tabs below keep :data:`MIN_BELOW` pixels; the rest of the text is
reached with the pane's scroll bar.  With a short lead, or nothing selected, the split goes back
to the share it had (the even split, or a restored session's).  Once the user drags the divider,
their split is kept and the pane no longer grows by itself.  The live window and a
``--screenshot --select`` picture take this one path.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

__all__ = ["LeadRoom", "MIN_BELOW"]

MIN_BELOW = 160
"""Pixels of the column the tabs below always keep when the pane grows (their tab bar, the Events
list's header and three rows); a column under twice that is never split more than evenly."""


class LeadRoom(QObject):
    """Keeps the side column ``column`` (a vertical QSplitter: ``pane`` at index 0, the tabs at 1)
    split so that ``pane``'s lead is visible, on every selection change and column resize.

    ``window.state`` (ViewState) is watched for "selected"; nothing is done while ``tabs``
    shows ``window.edit_form`` (that tab takes two thirds of a short column, viewer.ui.edit_form),
    while the user has collapsed the pane, or after the user dragged the divider.
    """

    def __init__(self, window, column, tabs) -> None:
        super().__init__(column)
        self.window, self.column, self.tabs = window, column, tabs
        self.pane = window.details
        self.base_share: float | None = None  # the pane's share without a lead to show (taken at the first fit)
        self.user_split = False  # the user dragged the divider: their split is kept
        self._set: list[int] | None = None  # the sizes this object last set
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fit)
        column.splitterMoved.connect(self._on_moved)
        column.installEventFilter(self)
        tabs.currentChanged.connect(lambda _i: self._timer.start(0))
        window.state.subscribe(self._on_state)

    def _on_state(self, _state, changed: set[str]) -> None:
        if changed & {"selected", "display_zone", "dday"}:  # the pane's text changed (after the pane's own update)
            self.fit()
            self._timer.start(0)  # and again once the window has laid out (a selection before the first show)

    def _on_moved(self, _pos: int, _index: int) -> None:
        self.user_split = True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.column and event.type() == QEvent.Type.Resize:
            self._timer.start(0)  # after the pane has re-wrapped its text at the new width
        return False

    def chosen_sizes(self) -> list[int]:
        """The column's sizes (pixels) without the room given to a lead: what a session saves, so
        the next run starts from the user's split, not from the last selected quote's."""
        sizes = self.column.sizes()
        total = sum(sizes)
        if self.user_split or self.base_share is None or sizes != self._set or len(sizes) != 2 or total <= 0:
            return sizes
        top = round(total * self.base_share)
        return [top, total - top]

    def fit(self) -> None:
        """Set the column's split for the pane's present text (see the class)."""
        column = self.column
        sizes = column.sizes()
        total = sum(sizes)
        if (self.user_split or len(sizes) != 2 or total <= 0 or sizes[0] == 0 or column.indexOf(self.pane) != 0
                or self.tabs.currentWidget() is getattr(self.window, "edit_form", None)):
            return
        if self.base_share is None or (self._set is not None and sizes != self._set and sum(self._set) == total):
            self.base_share = sizes[0] / total  # the split found (even, or a restored session's)
        base = round(total * self.base_share)
        cap = total - MIN_BELOW if total >= 2 * MIN_BELOW else total // 2
        top = max(base, min(self.pane.lead_height(), cap))
        if top != sizes[0]:
            column.setSizes([top, total - top])
        self._set = column.sizes()
