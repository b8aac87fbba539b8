"""Scrolling the Edit tab with the mouse wheel changed the data: the pointer passing over the
Credibility drop-down turned "not graded" into "5 improbable" and recorded an edit ("Undo Edit
'…'"); Track, Kind and the other drop-downs (and the Filters tab's dates) did the same.  A wheel
over a field that does not have the keyboard focus scrolls the form and leaves the value alone;
a field the user clicked or tabbed into still takes the wheel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

from tests.ui.test_authoring import window  # noqa: F401 (the fixture)

TRUSS = "truss-arrives-moscow"


def _wheel(widget, notches: int = -1) -> None:
    """One wheel turn (down for a negative ``notches``) over the middle of ``widget``, as sent by Qt."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    glob = QPointF(widget.mapToGlobal(pos.toPoint()))
    event = QWheelEvent(pos, glob, QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _edit_tab(qtbot, w):
    w.resize(1366, 768)
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = TRUSS
    w.view.setFocus()  # the keyboard is on the timeline, not in the form
    qtbot.wait(20)
    return w.edit_form


def test_the_wheel_over_a_drop_down_scrolls_the_form_and_changes_nothing(qtbot, window):  # noqa: F811
    w = window()
    form = _edit_tab(qtbot, w)
    before = w.timeline.event(TRUSS)
    combos = {name: f.widget for name, f in form.fields.items() if isinstance(f.widget, QComboBox)}
    assert {"track", "kind", "credibility", "q_kind", "q_credibility", "s_reliability"} <= set(combos)
    bar = form.verticalScrollBar()
    assert bar.maximum() > 0  # at 1366x768 the form scrolls
    bar.setValue(0)
    shown = {name: box.currentIndex() for name, box in combos.items()}
    undo = w.authoring.undo_stack.count()
    _wheel(combos["credibility"])
    assert combos["credibility"].currentText() == "not graded"  # was: "5 improbable"
    assert w.authoring.undo_stack.count() == undo  # was: "Undo Edit 'Liz Truss arrives in Moscow'"
    for box in combos.values():
        _wheel(box, +1)
        _wheel(box, -1)
    assert {name: box.currentIndex() for name, box in combos.items()} == shown
    assert w.authoring.undo_stack.count() == undo
    assert w.timeline.event(TRUSS) == before
    assert bar.value() > 0  # the form scrolled under the pointer instead


def test_a_drop_down_with_the_keyboard_focus_still_takes_the_wheel(qtbot, window):  # noqa: F811
    w = window()
    form = _edit_tab(qtbot, w)
    box = form.fields["kind"].widget
    assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel alone never gives it the focus
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=3000)
    k = box.currentIndex()
    _wheel(box, -1)
    assert box.currentIndex() != k  # chosen on purpose: focused, then turned


def test_the_wheel_over_the_filter_dates_scrolls_past_them(qtbot, window):  # noqa: F811
    w = window()
    w.resize(1366, 768)
    panel = w.filter_panel
    w.side_tabs.setCurrentWidget(panel)
    panel.range_on.setChecked(True)
    w.view.setFocus()
    qtbot.wait(20)
    for box in (panel.range_from, panel.range_to):
        assert isinstance(box, QAbstractSpinBox)
        day = box.date()
        _wheel(box, -1)
        assert box.date() == day
