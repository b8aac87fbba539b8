"""The filter panel: checkable lists with counts for tracks, actors, sources,
source kinds and tags, and a date range.

Every change writes a new :class:`~viewer.model.filters.FilterState` to
``window.state.filters``; :mod:`viewer.ui.shown` derives the shown timeline
from it.  Tracks can be hidden (uncheck), and reordered by dragging or with
the ▲ / ▼ buttons (Alt+Up / Alt+Down in the list), and collapsed to a thin
strip (C or the context menu; a collapsed track reads ``▸ Label``; see
``state.collapsed_tracks``).  Counts read ``shown / total`` for tracks and
every facet: events the value would show with the other filters as they are,
and events that have it at all (numpy counts over
:class:`~viewer.model.facets.FacetIndex`, milliseconds even at a million
events).
"""

from __future__ import annotations

import dataclasses
import functools
import math

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..model.calendar import civil_from_epoch, epoch_from_civil
from ..model.filters import (
    FACETS,
    NONE_VALUE,
    FilterState,
    all_facet_counts,
    date_range_left_out,
    ordered_tracks,
    track_counts,
)
from ..model.timeline import SourceKind, Timeline
from ..model.viewstate import ViewState
from .form_field import wheel_scrolls_past

__all__ = ["FilterPanel", "TrackList", "install"]

FACET_TITLES = {"actors": "Actors", "sources": "Sources", "source_kinds": "Source kinds", "tags": "Tags",
                "grades": "Grades (reliability, credibility)"}
_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
_COLLAPSED_MARK = "▸ "  #: before a collapsed track in the track list


class TrackList(QListWidget):
    """Track list whose drag-and-drop or Alt+Up/Down reorder is reported.

    ``on_reorder()`` is called after a move; ``on_collapse(row)`` on C (when given).
    Used by the main window's filter panel and by a collection's window."""

    def __init__(self, on_reorder, on_collapse=None) -> None:
        super().__init__()
        self._on_reorder = on_reorder
        self._on_collapse = on_collapse  # called with the current row on C
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        super().dropEvent(ev)
        self._on_reorder()

    def keyPressEvent(self, ev) -> None:  # noqa: N802
        if ev.modifiers() & Qt.KeyboardModifier.AltModifier and ev.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if ev.key() == Qt.Key.Key_Up else +1)
            ev.accept()
            return
        if ev.key() == Qt.Key.Key_C and not ev.modifiers() and self._on_collapse and self.currentRow() >= 0:
            self._on_collapse(self.currentRow())
            ev.accept()
            return
        super().keyPressEvent(ev)

    def move_current(self, step: int) -> None:
        """Move the current track up (-1) or down (+1)."""
        row = self.currentRow()
        new = row + step
        if row < 0 or not 0 <= new < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(new, item)
        self.setCurrentRow(new)
        self._on_reorder()


def _fit_width(lst: QListWidget) -> None:
    """A list whose long entries wrap onto more lines at word breaks (else end in "…"): it never scrolls sideways."""
    lst.setWordWrap(True)
    lst.setResizeMode(QListWidget.ResizeMode.Adjust)
    lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    lst.setTextElideMode(Qt.TextElideMode.ElideRight)


class FilterPanel(QScrollArea):
    """Scrollable panel of filter lists, writing ``state.filters``.

    Parameters
    ----------
    window : MainWindow
        Provides ``timeline`` (the file's), ``state`` and ``sigTimelineChanged``.
    """

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.state: ViewState = window.state
        self._filling = False
        self._writing = False
        self.setWidgetResizable(True)
        # the panel fits its width (long names wrap in the lists): it scrolls up and down only
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Filters")
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        self.reset_button = QPushButton("Show everything")
        self.reset_button.setToolTip("Clear every filter and show every track in the file's order")
        self.reset_button.clicked.connect(self.reset)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        # the count and its button share a line: on a laptop every line above the lists is a track less
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)

        # a group box's title never wraps: the long hint is a wrapped line in the box (no sideways scrolling)
        box = QGroupBox("Tracks")
        blay = QVBoxLayout(box)
        hint = QLabel("Drag or Alt+↑/↓ to reorder; C or right-click to collapse.")
        hint.setWordWrap(True)
        blay.addWidget(hint)
        self.tracks = TrackList(self._write, self._toggle_collapsed)
        self.tracks.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tracks.customContextMenuRequested.connect(self._track_menu)
        self.tracks.setAccessibleName("Tracks")
        _fit_width(self.tracks)
        self.tracks.itemChanged.connect(lambda _i: self._write())
        blay.addWidget(self.tracks)
        row = QHBoxLayout()
        self.move_buttons: list[QPushButton] = []
        for text, step in (("▲ Up", -1), ("▼ Down", +1)):
            b = QPushButton(text)
            self.move_buttons.append(b)
            b.setAccessibleName(f"Move track {'up' if step < 0 else 'down'}")
            b.clicked.connect(lambda _c=False, s=step: self.tracks.move_current(s))
            row.addWidget(b)
        blay.addLayout(row)
        lay.addWidget(box)

        self.facet_lists: dict[str, QListWidget] = {}
        for facet in FACETS:
            box = QGroupBox(FACET_TITLES[facet])
            blay = QVBoxLayout(box)
            lst = QListWidget()
            lst.setAccessibleName(FACET_TITLES[facet])
            _fit_width(lst)
            lst.itemChanged.connect(lambda _i: self._write())
            blay.addWidget(lst)
            self.facet_lists[facet] = lst
            lay.addWidget(box)

        box = QGroupBox("Date range")
        blay = QVBoxLayout(box)
        self.range_on = QCheckBox("Only events that could fall between")
        self.range_from = QDateEdit()
        self.range_to = QDateEdit()
        for w in (self.range_from, self.range_to):
            wheel_scrolls_past(w)  # scrolling the tab over a date does not move the range
            w.setDateRange(FIRST_DATE, LAST_DATE)
            w.setCalendarPopup(True)
            w.setDisplayFormat("ddd d MMM yyyy")
            w.setEnabled(False)  # off with the range: Tab skips them
            w.dateChanged.connect(lambda _d: self._write() if self.range_on.isChecked() else None)
        self.range_from.setAccessibleName("From date")
        self.range_to.setAccessibleName("To date (inclusive)")
        self.range_from.setToolTip(f"At {FIRST_DATE.toString('d MMM yyyy')}, the earliest date it can show, "
                                   "the range has no start: earlier events (BCE too) are kept")
        self.range_to.setToolTip(f"At {LAST_DATE.toString('d MMM yyyy')}, the latest date it can show, "
                                 "the range has no end: later events are kept")
        self.range_on.toggled.connect(self._range_toggled)
        blay.addWidget(self.range_on)
        blay.addWidget(self.range_from)
        blay.addWidget(QLabel("and (inclusive)"))
        blay.addWidget(self.range_to)
        lay.addWidget(box)
        lay.addStretch(1)
        self.setWidget(body)

        self.state.subscribe(self._on_state)
        window.sigTimelineChanged.connect(lambda _tl: self.refresh())
        if hasattr(window, "sigTimelineEdited"):  # counts (filled when the tab is next shown)
            window.sigTimelineEdited.connect(lambda _tl, _ids: self.refresh())
        self._stale = True  # filled when first shown: the first count builds the facet codes

    def refresh(self) -> None:
        """Fill now if the panel is on screen, else when it is next shown."""
        if self.isVisible():
            self.fill()
        else:
            self._stale = True

    def showEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        if self._stale:
            self.fill()
        super().showEvent(ev)

    # -- model -> widgets ---------------------------------------------------
    @property
    def timeline(self) -> Timeline:
        return self.window_.timeline

    def fill(self) -> None:
        """Bring every list up to the file's timeline and ``state.filters``.

        Rows are updated in place (texts, check marks, colours), so the
        user's current row, keyboard focus and scroll position in a list
        survive a filter swap; a list is rebuilt only when its values or their
        order change (another timeline, an edit, a reorder)."""
        self._stale = False
        self._filling = True
        try:
            tl, f = self.timeline, self.state.filters
            per_track = track_counts(tl, f)  # vectorised (viewer.model.facets)
            self._filled = (tl, f.without_order, per_track)
            self._fill_tracks(tl, f, per_track)
            counts = all_facet_counts(tl, f)  # one mask shared by the facets whose own filter is off
            for facet, lst in self.facet_lists.items():
                allowed = f.allowed(facet)
                rows = [(value, f"{self._value_text(facet, value)}  ({shown}/{total})",
                         allowed is None or value in allowed, None)
                        for value, (shown, total) in counts[facet].items()]
                _set_rows(lst, rows, Qt.ItemFlag.ItemIsUserCheckable, Qt.ItemFlag.NoItemFlags)
                height = min(220, 8 + 22 * max(1, lst.count()))
                if lst.maximumHeight() != height:
                    lst.setMaximumHeight(height)
            lo, hi = tl.finite_extent()  # data outside the fields' dates shows as their limits: open sides
            rng = f.date_range or (lo, hi)
            self.range_on.setChecked(f.date_range is not None)
            self.range_from.setDate(_qdate(rng[0]))
            self.range_to.setDate(_qdate(rng[1] - 1))  # inclusive: the day of the last moment
            n_shown = len(self.window_.shown.timeline.events) if hasattr(self.window_, "shown") else len(tl.events)
            unknown = date_range_left_out(tl, f)  # the range keeps no unknown year: said, not silent
            self.summary.setText(f"{n_shown:,} of {len(tl.events):,} events shown"
                                 + ("" if f.is_default else " (filtered)")
                                 + (f"; the date range leaves out {unknown:,} event{'s' if unknown != 1 else ''} "
                                    "whose year is unknown" if unknown else ""))
        finally:
            self._filling = False

    _filled: tuple | None = None  # (file's timeline, filters without the track order, track counts) filled for

    def _fill_tracks(self, tl: Timeline, f: FilterState, per_track: dict) -> None:
        """The track list in the order ``f`` asks for, with ``per_track`` counts
        (rows updated in place while the order is the same)."""
        by_id = {t.id: t for t in tl.tracks}
        colour = dict(zip(by_id, tl.track_colours))
        collapsed = self.state.collapsed_tracks
        rows = []
        for tid in ordered_tracks(tl, f):
            shown, total = per_track.get(tid, (0, 0))
            text = f"{by_id[tid].label}  ({shown}/{total})"
            rows.append((tid, _COLLAPSED_MARK + text if tid in collapsed else text, tid not in f.hidden_tracks,
                         colour[tid]))
        filling, self._filling = self._filling, True
        try:
            _set_rows(self.tracks, rows, Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled,
                      Qt.ItemFlag.ItemIsDropEnabled)
        finally:
            self._filling = filling

    def _order_changed_only(self) -> bool:
        """True when the filters differ from those filled for in the track order only
        (no count changes: at 10^6 events the counts take tens of milliseconds)."""
        filled = self._filled
        return (not self._stale and filled is not None and filled[0] is self.timeline
                and filled[1] == self.state.filters.without_order)

    def _value_text(self, facet: str, value: str) -> str:
        if value == NONE_VALUE:
            return "(none)"
        if facet == "source_kinds":
            try:
                return SourceKind(value).label
            except ValueError:
                return value
        if facet == "sources":
            src = self.timeline.source_index.get(value)
            return (src.outlet or value) if src is not None else value
        return value

    # -- widgets -> model ---------------------------------------------------
    def _write(self) -> None:
        if self._filling:
            return
        order = tuple(self.tracks.item(i).data(_VALUE_ROLE) for i in range(self.tracks.count()))
        hidden = frozenset(self.tracks.item(i).data(_VALUE_ROLE) for i in range(self.tracks.count())
                           if self.tracks.item(i).checkState() != Qt.CheckState.Checked)
        default_order = tuple(t.id for t in self.timeline.tracks)
        f = FilterState(hidden_tracks=hidden, track_order=() if order == default_order else order)
        for facet, lst in self.facet_lists.items():
            values = [lst.item(i).data(_VALUE_ROLE) for i in range(lst.count())]
            on = {v for i, v in enumerate(values) if lst.item(i).checkState() == Qt.CheckState.Checked}
            f = f.with_facet(facet, None if len(on) == len(values) else on)
        if self.range_on.isChecked():
            # a field at its limit is an open side: the data may reach beyond what a QDate can show
            start, end = self.range_from.date(), self.range_to.date()
            a = -math.inf if start <= self.range_from.minimumDate() else _epoch(start)
            b = math.inf if end >= self.range_to.maximumDate() else _epoch(end) + 86400.0
            f = dataclasses.replace(f, date_range=(min(a, b - 86400.0), max(b, a + 86400.0)))
        self._writing = True
        try:
            self.state.filters = f
        finally:
            self._writing = False

    def _range_toggled(self, on: bool) -> None:
        for w in (self.range_from, self.range_to):
            w.setEnabled(on)
        self._write()

    # -- track collapse (state.collapsed_tracks) -----------------------------
    def _track_id(self, row: int) -> str:
        return self.tracks.item(row).data(_VALUE_ROLE)

    def _toggle_collapsed(self, row: int) -> None:
        self.state.toggle_track_collapsed(self._track_id(row))

    def _mark_collapsed(self) -> None:
        """Put ▸ before the collapsed tracks' names (texts only: no filter change)."""
        filling, self._filling = self._filling, True
        try:
            for i in range(self.tracks.count()):
                item = self.tracks.item(i)
                text = item.text().removeprefix(_COLLAPSED_MARK)
                collapsed = item.data(_VALUE_ROLE) in self.state.collapsed_tracks
                item.setText(_COLLAPSED_MARK + text if collapsed else text)
        finally:
            self._filling = filling

    def track_menu(self, row: int) -> QMenu:
        """Context menu of a track row: collapse / expand it, collapse all others, expand all."""
        tid = self._track_id(row)
        ids = [self._track_id(i) for i in range(self.tracks.count())]
        collapsed = tid in self.state.collapsed_tracks
        menu = QMenu(self)
        menu.addAction("Expand track" if collapsed else "Collapse track",
                       lambda: self.state.set_track_collapsed(tid, not collapsed))
        menu.addAction("Collapse all others", lambda: self.state.collapse_all_except(tid, ids))
        menu.addAction("Expand all tracks", lambda: setattr(self.state, "collapsed_tracks", ()))
        return menu

    def _track_menu(self, pos) -> None:
        item = self.tracks.itemAt(pos)
        if item is not None:
            self.track_menu(self.tracks.row(item)).popup(self.tracks.viewport().mapToGlobal(pos))

    def reset(self) -> None:
        """Show everything: default filters and the file's track order."""
        self.state.filters = FilterState()

    def _on_state(self, _state: ViewState, changed: set[str]) -> None:
        if "collapsed_tracks" in changed and not self._stale:
            self._mark_collapsed()
        if "filters" in changed and not self._filling:
            if self._order_changed_only():
                f = self.state.filters
                listed = [self._track_id(i) for i in range(self.tracks.count())]
                if listed != ordered_tracks(self.timeline, f) and self._filled is not None:
                    self._fill_tracks(self.timeline, f, self._filled[2])  # the same counts, reordered
            elif self._writing:  # not while Qt is inside the item's own signal
                QTimer.singleShot(0, self.refresh)
            else:
                self.refresh()


def _set_rows(lst: QListWidget, rows: list[tuple], flags_on, flags_off) -> None:
    """Make ``lst`` show ``rows`` of (value, text, checked, colour or None).

    When the list already holds these values in this order, only what
    differs is set on the existing items (no signal, no layout for the rest):
    the current row, selection and scroll position stay.  Otherwise the
    list is rebuilt, its current value (if still listed) kept current."""
    n = lst.count()
    if n == len(rows) and all(lst.item(i).data(_VALUE_ROLE) == row[0] for i, row in enumerate(rows)):
        for i, (_value, text, on, colour) in enumerate(rows):
            item = lst.item(i)
            if item.text() != text:
                item.setText(text)
            state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
            if colour is not None and item.data(Qt.ItemDataRole.DecorationRole) != QColor(colour):
                item.setData(Qt.ItemDataRole.DecorationRole, QColor(colour))
        return
    current = lst.currentItem().data(_VALUE_ROLE) if lst.currentItem() is not None else None
    lst.clear()
    for value, text, on, colour in rows:
        item = QListWidgetItem(text)
        item.setData(_VALUE_ROLE, value)
        item.setFlags((item.flags() | flags_on) & ~flags_off)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if colour is not None:
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(colour))
        lst.addItem(item)
    if current is not None:
        row = next((i for i, r in enumerate(rows) if r[0] == current), -1)
        if row >= 0:
            lst.setCurrentRow(row, QItemSelectionModel.SelectionFlag.NoUpdate)


FIRST_DATE = QDate(100, 1, 1)
"""Earliest date of the range fields (the earliest a QDateEdit allows); there, the range has no start."""
LAST_DATE = QDate(9999, 12, 31)
"""Latest date of the range fields (the latest a QDateEdit allows); there, the range has no end."""


def _qdate(epoch_s: float) -> QDate:
    """The UTC calendar day of an instant (epoch s), clamped to FIRST_DATE .. LAST_DATE (±inf too)."""
    return QDate(*_civil_day(epoch_s))


@functools.lru_cache(maxsize=64)
def _civil_day(epoch_s: float) -> tuple[int, int, int]:
    """(year, month, day) of :func:`_qdate` (kept: each swap fills the range fields with the same days)."""
    if not epoch_s >= _epoch(FIRST_DATE):  # NaN too
        return FIRST_DATE.year(), FIRST_DATE.month(), FIRST_DATE.day()
    if epoch_s >= _epoch(LAST_DATE):
        return LAST_DATE.year(), LAST_DATE.month(), LAST_DATE.day()
    c = civil_from_epoch(epoch_s)
    return c.year, c.month, c.day


def _epoch(d: QDate) -> float:
    return epoch_from_civil(d.year(), d.month(), d.day())


def install(window) -> None:
    """Add the filter panel as the "Filters" tab under the detail pane (View > Filters, F7)."""
    from .event_list import side_tabs

    window.filter_panel = FilterPanel(window)
    tabs = side_tabs(window)
    tabs.addTab(window.filter_panel, "Filters")
    act = QAction("Filters", window)
    act.setShortcut(QKeySequence("F7"))

    def show_filters() -> None:
        tabs.setCurrentWidget(window.filter_panel)
        window.filter_panel.setFocus()

    act.triggered.connect(show_filters)
    window.menus["View"].addAction(act)
    window.addAction(act)
