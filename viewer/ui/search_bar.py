"""The search field in the toolbar (Ctrl+F) and stepping through matches.

Typing sets ``state.query``; :mod:`viewer.ui.shown` turns it into
``state.matches`` and dims the other events.  Enter / F3 selects the next
match in time order (wrapping), Shift+Enter / Shift+F3 the previous one, and
the timeline pans to show it.  Esc in the field clears the search.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QToolBar, QToolButton

from ..model.search import next_match
from ..model.viewstate import ViewState
from .keys import standard_keys

__all__ = ["SearchField", "SearchBar", "install", "SEARCH_DEBOUNCE_MS"]

SEARCH_DEBOUNCE_MS = 150
"""On a large timeline the query starts this long after the last keystroke
(typing "protest" asks once, not seven times); small timelines search at once."""


class SearchField(QLineEdit):
    """A line edit where Enter / Shift+Enter step through matches and Esc clears.

    Parameters
    ----------
    on_step : callable(int)
        Called with +1 (Enter) or -1 (Shift+Enter).
    """

    def __init__(self, on_step, parent=None) -> None:
        super().__init__(parent)
        self._on_step = on_step

    def keyPressEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        if ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._on_step(-1 if shift else +1)
            ev.accept()
        elif ev.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            ev.accept()
        else:
            super().keyPressEvent(ev)


class SearchBar(QToolBar):
    """Toolbar with the search field, a match count and previous/next buttons.

    Parameters
    ----------
    window : MainWindow
        Provides ``state``, ``view`` and ``shown`` (:mod:`viewer.ui.shown`).
    """

    def __init__(self, window) -> None:
        super().__init__("Search", window)
        self.setObjectName("search_toolbar")
        self.window_ = window
        self.state: ViewState = window.state
        self.setMovable(False)
        self.field = SearchField(self.step)
        self.field.setPlaceholderText("Search events, quotes, people, sources (Ctrl+F)")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search events")
        self.field.setMinimumWidth(260)
        self.field.textChanged.connect(self._on_text)
        self.addWidget(self.field)
        self.prev_button = self._button("◀", "Previous match (Shift+Enter, Shift+F3)", lambda: self.step(-1))
        self.next_button = self._button("▶", "Next match (Enter, F3)", lambda: self.step(+1))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName("Search matches")
        self.count.setMinimumWidth(150)
        self.count.setStyleSheet("padding: 0 8px; color: #3d4450;")
        self.addWidget(self.count)
        # building the search index of a large file: progress and Cancel
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(140)
        self.progress.setAccessibleName("Search index built")
        self.progress_action = self.addWidget(self.progress)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop building the search index (searching starts it again)")
        self.cancel_button.setAccessibleName("Cancel building the search index")
        self.cancel_button.clicked.connect(self._cancel_index)
        self.cancel_action = self.addWidget(self.cancel_button)
        self._show_progress(None)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(lambda: setattr(self.state, "query", self.field.text()))
        shown = getattr(window, "shown", None)
        if shown is not None:
            shown.jobs.sigProgress.connect(self._show_progress)
            shown.jobs.sigAnswer.connect(lambda *_: self._show_count())
        self.state.subscribe(self._on_state)
        self._show_count()

    def typing(self) -> bool:
        """True while a keystroke waits for the debounce to start its search."""
        return self.debounce.isActive()

    def _cancel_index(self) -> None:
        self.window_.shown.jobs.cancel_build()
        self._show_count()

    def _show_progress(self, value) -> None:
        building = value is not None
        self.progress_action.setVisible(building)
        self.cancel_action.setVisible(building)
        if building:
            self.progress.setValue(int(round(100 * value)))
        self._show_count()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip.split(" (")[0])
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        b.clicked.connect(slot)
        self.addWidget(b)
        return b

    def focus_field(self) -> None:
        """Put the keyboard in the search field with its text selected (Ctrl+F)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def step(self, direction: int) -> None:
        """Select the next (+1) or previous (-1) match and bring it into view."""
        eid = next_match(self.state.matches, self.state.selected, direction, self.window_.shown.timeline)
        if eid is None:
            return
        self.state.selected = eid
        self.window_.view.ensure_visible(eid)
        self._show_count()

    def _on_text(self, text: str) -> None:
        shown = getattr(self.window_, "shown", None)
        if shown is not None and shown.large and text.strip():
            self.debounce.start()  # (re)started by every keystroke
            # the answer computed meanwhile, in the background (nothing shown before the pause)
            shown.jobs.warm(text, shown.timeline)
            self.count.setText("searching…")
        else:
            self.debounce.stop()
            self.state.query = text

    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if "query" in changed and self.field.text() != state.query and not self.debounce.isActive():
            self.field.blockSignals(True)  # the state is already there: no second search
            self.field.setText(state.query)
            self.field.blockSignals(False)
        if changed & {"matches", "selected", "query"}:
            self._show_count()

    def _show_count(self) -> None:
        st = self.state
        if not st.query.strip():
            self.count.setText("")
            return
        shown = getattr(self.window_, "shown", None)
        if shown is not None and shown.large and shown.searching():
            jobs = shown.jobs
            if jobs.progress is not None:
                self.count.setText(f"indexing for search… {100 * jobs.progress:.0f} %")
            elif jobs.index is None and not jobs.pending():
                self.count.setText("searching (no index)…")
            else:
                self.count.setText("searching…")
            return
        n = len(st.matches)
        shown = getattr(self.window_, "shown", None)
        if n == 0 and shown is not None and shown.large and shown.jobs.cancelled_build and shown.jobs.index is None:
            self.count.setText("index cancelled: edit the search to build it")
        elif n == 0:
            self.count.setText("no match")
        elif st.selected in st.matches:
            self.count.setText(f"{st.matches.index(st.selected) + 1} of {n} matches")
        else:
            self.count.setText(f"{n} match{'es' if n != 1 else ''}")


def install(window) -> None:
    """Add the search toolbar and the Find / Next / Previous actions (View menu)."""
    bar = SearchBar(window)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.search_bar = bar
    menu = window.menus["View"]
    menu.addSeparator()
    for text, keys, slot in (
        ("Find…", standard_keys(QKeySequence.StandardKey.Find, "Ctrl+F"), bar.focus_field),
        ("Next match", standard_keys(QKeySequence.StandardKey.FindNext, "F3"), lambda: bar.step(+1)),
        ("Previous match", standard_keys(QKeySequence.StandardKey.FindPrevious, "Shift+F3"), lambda: bar.step(-1)),
    ):
        act = QAction(text, window)
        act.setShortcuts(keys)
        act.triggered.connect(slot)
        menu.addAction(act)
        window.addAction(act)
