"""The field widgets of the Edit tab (:mod:`viewer.ui.edit_form`).

A :class:`FormField` is one input (line, text box, choice or check box) with
an error label under it; it reports ``sigCommit`` when editing finishes
(Enter, a choice made, a click, or the focus leaving a text box).
:func:`add_field_row` puts one in a ``QFormLayout`` row, and
:func:`line_edit`, :func:`text_edit` and :func:`combo_box` make the inputs.
:func:`wheel_scrolls_past` keeps the mouse wheel from changing a drop-down or a
date that does not have the keyboard focus (the wheel scrolls the form instead).
The colours follow View > Colours (the light or the dark desk).

Data text is shown in plain-text widgets (``QLineEdit``, ``QPlainTextEdit``,
labels with ``Qt.PlainText``), never as rich text.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ERROR_STYLE", "FormField", "add_field_row", "combo_box", "error_style", "line_edit", "muted_style",
           "plain_label", "text_edit", "wheel_scrolls_past"]

ERROR_STYLE = "color: #b00020;"
"""Style sheet of an error message before the widget knows its palette (the light desk's red)."""


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def error_style(widget: QWidget) -> str:
    """Style sheet of an error message: a red that reads on the light and on the dark desk (View > Colours)."""
    return "color: #ff8a80;" if _is_dark(widget) else "color: #b00020;"


def muted_style(widget: QWidget) -> str:
    """Style sheet of a secondary text (a date's reading) on ``widget``'s desk colours."""
    return "color: #aab2bf;" if _is_dark(widget) else "color: #4a5260;"


def plain_label(text: str = "") -> QLabel:
    """A word-wrapped label that shows ``text`` as plain text (never rich text)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class _WholeLabel(QLabel):
    """A word-wrapped plain-text label that asks for the height its text needs at its width.

    Under a field of a :class:`QFormLayout` in a scroll area, a long wrapped error was given the
    height of fewer lines than it wraps to and drawn centred in it: cut off at top and bottom."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def fit(self) -> None:
        """Ask for the height (pixels) the text wraps to at the present width."""
        if self.width() > 0:
            need = self.heightForWidth(self.width())
            if need > 0 and need != self.minimumHeight():
                self.setMinimumHeight(need)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setText(text)
        self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit()


class _WheelPast(QObject):
    """The event filter of :func:`wheel_scrolls_past` (one for the whole application)."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.Wheel or not isinstance(obj, QWidget) or obj.hasFocus():
            return False
        area = obj.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:  # not in a scroll area: the parent may take it (Qt passes an ignored wheel on)
            event.ignore()
            return True
        viewport = area.viewport()
        pos = viewport.mapFrom(obj, event.position().toPoint())
        QApplication.sendEvent(viewport, QWheelEvent(
            pos.toPointF(), event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
            event.modifiers(), event.phase(), event.inverted(), event.source()))
        event.accept()  # (the scroll area had it: not passed on again)
        return True


_WHEEL_PAST: list[_WheelPast] = []
_W = TypeVar("_W", bound=QWidget)


def wheel_scrolls_past(widget: _W) -> _W:
    """Keep the mouse wheel from changing ``widget`` (a drop-down, a date or number field) unless the
    user gave it the keyboard focus (a click or Tab); returns ``widget``.

    Scrolling a form with the wheel while the pointer passed over a drop-down changed its value and
    recorded an edit (Credibility "not graded" became "5 improbable").  Now the wheel gives such a
    field no focus (``Qt.StrongFocus``) and, while it has none, scrolls the nearest scroll area
    around it (the Edit tab, the Filters tab, a table) instead; a focused field takes the wheel as usual.
    """
    if not _WHEEL_PAST:
        _WHEEL_PAST.append(_WheelPast())
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_WHEEL_PAST[0])
    return widget


class FormField(QObject):
    """One input with an error label under it.

    Parameters
    ----------
    widget : QLineEdit, QPlainTextEdit, QComboBox or QCheckBox
        The input; its accessible name becomes ``name``.
    name : str
        The field's name as a screen reader says it.

    Signals
    -------
    sigCommit()
        Editing finished: Enter or the focus leaving a line, a choice made,
        a click on the check box, the focus leaving a text box.
    """

    sigCommit = Signal()

    def __init__(self, widget: QWidget, name: str) -> None:
        super().__init__(widget)
        self.widget: Any = widget  # QLineEdit, QPlainTextEdit or QComboBox
        self.name = name
        widget.setAccessibleName(name)
        self.error = _WholeLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(self.sigCommit)
            widget.installEventFilter(self)  # Ctrl+Z with nothing typed: the window's Undo (below)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(lambda _i: self.sigCommit.emit())
        elif isinstance(widget, QCheckBox):
            widget.clicked.connect(lambda _c: self.sigCommit.emit())  # the user's click, not setChecked
        else:
            widget.installEventFilter(self)  # QPlainTextEdit: commit when the focus leaves

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(self.widget, (QLineEdit, QPlainTextEdit)):
            # a line (or box) keeps Ctrl+Z / Ctrl+Shift+Z for its own text even after its value was committed:
            # it undid the text and left the edit in the model (the form then showed the old date
            # while the timeline kept the new).  With no typing left uncommitted the keys go to
            # Edit > Undo / Redo; while typing, the line undoes the typing first.
            if (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)) \
                    and not self.typed():
                event.ignore()
                return True
            return False
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Undo) and self.typed() \
                and not (self.widget.isUndoAvailable() if isinstance(self.widget, QLineEdit)
                         else self.widget.document().isUndoAvailable()):
            # the text's own undo is used up short of the value (it changed under the typing, an
            # Undo from the menu): the last Ctrl+Z of the typing shows the value itself
            given = self._given[1] if self._given is not None else ""
            if isinstance(self.widget, QLineEdit):
                self.widget.setText(given)
            else:
                self.widget.setPlainText(given)
            return True
        if event.type() == QEvent.Type.FocusOut and not isinstance(self.widget, QLineEdit):
            self.sigCommit.emit()
        return False

    def typed(self) -> bool:
        """True while a line or box holds text the user typed since :meth:`set_text` last gave it its
        value (not yet committed, or refused)."""
        if not isinstance(self.widget, (QLineEdit, QPlainTextEdit)):
            return False
        return self._shown() != (self._given[1] if self._given is not None else "")

    _given: tuple[str, str] | None = None  # (value given to set_text, the text the widget made of it)

    def _shown(self) -> str:
        w = self.widget
        return w.text() if isinstance(w, QLineEdit) else w.toPlainText()

    def text(self) -> str:
        """The value as text: a line's or box's text, ``"true"`` or ``""`` for a check box, a choice's data.

        A line or box the user has not changed gives back the value :meth:`set_text` gave it,
        exactly: Qt's plain text turns a no-break space into a space and a line or paragraph
        separator into a line feed, which would rewrite a quote's words when another field of it
        is committed (or the focus merely leaves the box)."""
        w = self.widget
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            shown = self._shown()
            if self._given is not None and shown == self._given[1]:
                return self._given[0]
            return shown
        if isinstance(w, QCheckBox):
            return "true" if w.isChecked() else ""
        return str(w.currentData())

    def set_text(self, value: str) -> None:
        """Show ``value`` (as :meth:`text` reads it) without reporting a commit."""
        w = self.widget
        w.blockSignals(True)
        if isinstance(w, QLineEdit):
            w.setText(value)
            w.setCursorPosition(0)
            self._given = (value, w.text())
        elif isinstance(w, QPlainTextEdit):
            if self.text() != value:  # (not reset while it already shows it: the cursor stays)
                w.setPlainText(value)
            else:  # its text undo starts at this value, as a line's does (setText): Ctrl+Z while typing
                w.document().clearUndoRedoStacks()  # went past it, to the text before the last commit
            self._given = (value, w.toPlainText())
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        else:
            k = w.findData(value)
            w.setCurrentIndex(max(k, 0))
        w.blockSignals(False)

    def rebase(self, value: str) -> None:
        """Take ``value`` as the field's value while it keeps the user's typing on screen (the
        event changed under it): Ctrl+Z of the typing ends at ``value``, not at the one before."""
        w = self.widget
        if self._given is not None and self._given[0] == value:
            return
        if isinstance(w, QLineEdit):
            probe = QLineEdit()  # (the text a line makes of the value, as set_text records it)
            probe.setText(value)
            self._given = (value, probe.text())
            probe.deleteLater()
        elif isinstance(w, QPlainTextEdit):
            doc = w.document().clone()
            doc.setPlainText(value)
            self._given = (value, doc.toPlainText())
            doc.deleteLater()

    def show_error(self, message: str) -> None:
        """Show ``message`` in red under the input; ``""`` hides it."""
        self.error.setStyleSheet(error_style(self.error))
        self.error.setText(message)
        self.error.setVisible(bool(message))


def add_field_row(form: QFormLayout, label: str, widget: QWidget) -> FormField:
    """A :class:`FormField` of ``widget`` named ``label``, added to ``form`` as a row (its error under it)."""
    field = FormField(widget, label.strip())
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(1)
    v.addWidget(widget)
    v.addWidget(field.error)
    form.addRow(label, box)
    return field


def line_edit() -> QLineEdit:
    """A one-line input."""
    return QLineEdit()


def text_edit() -> QPlainTextEdit:
    """A short plain-text box (70 px high at most; Tab moves on, as in the other fields)."""
    w = QPlainTextEdit()
    w.setMaximumHeight(70)
    w.setTabChangesFocus(True)
    return w


def combo_box(items: list[tuple[str, str]]) -> QComboBox:
    """A choice of ``items``: ``(text shown, value)`` pairs; the wheel changes it only while it has the
    keyboard focus (:func:`wheel_scrolls_past`)."""
    w = QComboBox()
    for text, data in items:
        w.addItem(text, data)
    wheel_scrolls_past(w)
    return w
