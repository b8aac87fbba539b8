"""The main window: title, timeline, detail pane, menus and legend.

Wires one :class:`~viewer.model.viewstate.ViewState` between the timeline
widget and the detail pane.  Files are read through a loader callable given by
:mod:`viewer.app` (file -> model); the window never parses or writes files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..model.columns import FLAG_HALF_KNOWN
from ..model.errors import TimelineLoadError
from ..model.planned_end import PLANNED_END_KEY, planned_end_rows
from ..model.presentation import header_note
from ..model.reload import KeptView, fresh_view
from ..model.text import counted, plain_tooltip
from ..model.timeline import Timeline
from ..model.unplaced import unplaced_note
from ..model.viewstate import ViewState
from .detail_pane import DetailPane
from .features import FEATURES
from .legend import DRAFT_KEY, HALF_KNOWN_KEY, HAND_EDIT_KEY, KEY, MATCH_KEY, set_header_text
from .lock_sharing import share_lock_often
from .timeline_view import TimelineView

__all__ = ["MainWindow"]

TIME_AXIS_KEY = "   Time\u00a0axis:"
"""Where the key names the time axis's zone (:func:`viewer.ui.zone_picker.apply_zone` rewrites it)."""
LEGEND = KEY + TIME_AXIS_KEY + "\u00a0UTC"
"""The key under the timeline; a narrow window wraps it between items, never inside one
(no-break spaces within an item: "≤ /" on one line and "≥ on or before" on the next misled)."""


_PLANNED_END_KEY = "   " + PLANNED_END_KEY.replace(" ", "\u00a0")


class MainWindow(QMainWindow):
    """The application window.

    Signals
    -------
    sigTimelineChanged(Timeline)
        After another timeline replaced the shown one.
    sigTimelineEdited(Timeline, frozenset of str)
        After an edit of events only (``viewer.ui.authoring``): the new
        timeline (same tracks, sources, stories) and the ids of the events
        added, removed or changed.  Views update what those touch instead of
        rebuilding as for a new file.

    Parameters
    ----------
    timeline : Timeline
        Shown at start.
    loader : callable(path) -> Timeline
        Reads a file; raises :class:`TimelineLoadError` on bad input.
    path : str
        Where ``timeline`` came from (window title, File > Open folder).
    """

    sigTimelineChanged = Signal(object)  # Timeline
    sigTimelineEdited = Signal(object, object)  # Timeline, frozenset of event ids

    present_theme: str  #: "dark" or "light": set by the feature that presents (viewer.ui.presenting)

    def __init__(self, timeline: Timeline, loader: Callable[[str], Timeline], path: str = "") -> None:
        super().__init__()
        share_lock_often()  # the reading and indexing threads must not starve this one of the lock
        self.loader = loader
        self.path = path
        self.timeline = timeline
        self.state = ViewState()
        self.last_error: QMessageBox | None = None

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 0)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        # a long unbroken title must not widen the window beyond the screen
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1b1f24;")
        self.header.installEventFilter(self)  # (_fit_header on its resize)
        layout.addWidget(self.header)
        # events whose year is unknown are listed, not drawn: said here, never silently left out
        self.unplaced = QLabel()
        self.unplaced.setTextFormat(Qt.TextFormat.PlainText)
        self.unplaced.setWordWrap(True)
        self.unplaced.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.unplaced.setStyleSheet("color: #5c3d00; background: #fff3d1; font-size: 11pt; padding: 3px 6px;")
        self.unplaced.hide()
        layout.addWidget(self.unplaced)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.view = TimelineView(timeline, self.state)
        self.view.keep_axes_drawn()  # on screen: a layer repaint blits the axes
        self.details = DetailPane(timeline, self.state)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1300, 600])
        layout.addWidget(self.splitter, 1)
        self.legend = QLabel(LEGEND)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)  # names the display zone
        self.legend.setWordWrap(True)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend.setStyleSheet("color: #1b1f24; font-size: 13pt; padding: 2px 4px;")
        layout.addWidget(self.legend)
        self.setCentralWidget(central)
        self._make_menus()
        self.central_layout = layout
        self._show_title()
        self.state.subscribe(lambda _s, changed: self._show_match_key() if "query" in changed else None)
        self.view.sigFrameComputed.connect(self._show_match_key)
        for install in FEATURES:  # optional parts of the window (see viewer/ui/features.py)
            install(self)
        self.view.go_home()
        self.view.setFocus()

    # -- menus ---------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(slot)
        menu.addAction(act)
        self.addAction(act)
        return act

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.menus = {"File": file_menu}
        self._action(file_menu, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        file_menu.addSeparator()
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        self._action(file_menu, "&Quit", self.close, quit_keys[0] if quit_keys else "Ctrl+Q")
        view_menu = bar.addMenu("&View")
        self.menus["View"] = view_menu
        self._action(view_menu, "Fit everything\tHome / double-click", self.view.fit_all)
        self._action(view_menu, "Initial view", self.view.go_home, "Ctrl+0")
        self._action(view_menu, "Next event\t→", lambda: self.view.step(+1))
        self._action(view_menu, "Previous event\t←", lambda: self.view.step(-1))
        self._action(view_menu, "Clear selection\tEsc", lambda: setattr(self.state, "selected", None))
        self.menus["Help"] = bar.addMenu("&Help")

    def _show_match_key(self) -> None:
        """Say in the legend what a density strip shows while a search is active (the strip
        dimmed, the matches in full colour with a tick below); removed without a search or strips."""
        item = self.view.events_item
        want = bool(self.state.query.strip()) and item is not None and item.strips_shown() is not None
        text = self.legend.text()
        if want != (MATCH_KEY in text):
            text = text.replace(MATCH_KEY, "")
            if want:
                text = text.replace(TIME_AXIS_KEY, MATCH_KEY + TIME_AXIS_KEY, 1)
            self.legend.setText(text)

    def _show_title(self) -> None:
        title = self.timeline.title
        short = title if len(title) <= 200 else title[:199] + "…"  # full title in the detail pane
        self.header.setText(short)
        self.header.setToolTip(plain_tooltip(title[:2000]))  # a tooltip is rich text if it looks like it
        name = Path(self.path).name if self.path else "bundled timeline"
        drafts = self.timeline.draft_count()
        if hasattr(self, "legend"):  # the dotted ring is explained while there are drafts
            text = self.legend.text().replace(DRAFT_KEY, "").replace(_PLANNED_END_KEY, "").replace(HALF_KNOWN_KEY, "")
            text = text.replace(HAND_EDIT_KEY, "")
            if (self.timeline.columns.flags & FLAG_HALF_KNOWN).any():  # "Strike → ?": the other year unknown
                text = text.replace(TIME_AXIS_KEY, HALF_KNOWN_KEY + TIME_AXIS_KEY, 1)
            if planned_end_rows(self.timeline):  # the hatched part of a span or band is explained
                text = text.replace(TIME_AXIS_KEY, _PLANNED_END_KEY + TIME_AXIS_KEY, 1)
            if drafts:
                text = text.replace(TIME_AXIS_KEY, DRAFT_KEY + TIME_AXIS_KEY, 1)
            if self.timeline.hand_edit_flags().any():  # a label's "(date edited)" is explained
                text = text.replace(TIME_AXIS_KEY, HAND_EDIT_KEY + TIME_AXIS_KEY, 1)
            self.legend.setText(text)
        if drafts:  # never shown as reviewed facts: the title bar and the header say so
            name = f"{name if self.path else 'new draft'} — {counted(drafts, 'unreviewed draft')}"
        self._header_note = header_note(self.timeline)
        self._fit_header()
        if hasattr(self, "unplaced"):
            note = unplaced_note(self.timeline)
            self.unplaced.setText(note)
            self.unplaced.setToolTip(plain_tooltip(unplaced_note(self.timeline, names=100)) if note else "")
            self.unplaced.setVisible(bool(note))
        self.setWindowTitle(f"{short[:80]} — {name} — Timeline Viewer")

    _header_note = ""  #: the header's "[…]" after the title: drafts, planned events and ends (header_note)

    def _fit_header(self) -> None:
        """The title and its note in the header on one line: the title shortened with "…" when
        both do not fit (the whole title is in the tooltip and the detail pane); the note is
        never cut (a plan or a draft is not read as a fact): :func:`~viewer.ui.legend.set_header_text`."""
        set_header_text(self.header, self.timeline.title, self._header_note)

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802 (Qt name)
        if obj is self.header and ev.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit_header()  # the title shortened for the header's new width
        return super().eventFilter(obj, ev)

    # -- files ---------------------------------------------------------
    def open_dialog(self) -> None:
        folder = str(Path(self.path).parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open timeline", folder,
                                              "Timelines (*.json);;All files (*)")
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        """Load ``path`` and show it; on failure show the error and keep what is open.

        Returns True when the new timeline is shown.
        """
        try:
            timeline = self.loader(path)
        except TimelineLoadError as exc:
            instead = getattr(exc, "open_instead", None)  # e.g. a CSV's columns to choose: the import dialog
            if instead is not None:
                return bool(instead())
            self.show_error(f"Could not open {Path(path).name}", str(exc), exc.full_report())
            return False
        self.set_timeline(timeline, path)
        return True

    def set_timeline(self, timeline: Timeline, path: str = "", *, kept: KeptView | None = None) -> None:
        """Replace the shown timeline (selection cleared, initial view).

        Parameters
        ----------
        kept : KeptView or None
            Filters, collapsed tracks and D-day the new timeline starts with:
            :func:`~viewer.model.reload.kept_on_reload` for the same file read
            again; None (another file) resets them
            (:func:`~viewer.model.reload.fresh_view`).  The display zone stays.

        Emits ``sigTimelineChanged(timeline)`` afterwards so the window's
        optional parts can follow.
        """
        self.timeline = timeline
        self.path = path
        self.state.selected = None
        self.view.set_timeline(timeline)
        self.details.set_timeline(timeline)
        self._show_title()
        self.view.go_home()
        (kept or fresh_view()).apply(self.state)
        self.sigTimelineChanged.emit(timeline)

    def show_error(self, title: str, text: str, details: str = "") -> None:
        """A non-blocking error dialog (kept in ``last_error`` for tests)."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details and details != text:
            box.setDetailedText(details)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.last_error = box
