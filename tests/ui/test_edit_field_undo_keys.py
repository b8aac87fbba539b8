"""Ctrl+Z in the Edit tab's Start field, after the new date was committed (Return), undid the
field's text and left the model edit in place: the form showed the old date while the timeline,
the detail pane and a save still had the new one.  With nothing uncommitted in the field, Ctrl+Z
is Edit > Undo (and Ctrl+Shift+Z Edit > Redo); while typing, it undoes the typing first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_authoring import window  # noqa: F401 (the fixture)

TRUSS = "truss-arrives-moscow"
CTRL = Qt.KeyboardModifier.ControlModifier


def _start_field(qtbot, w):
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = TRUSS
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    box = w.edit_form.fields["start"].widget
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=3000)
    return box


def _type(qtbot, box, text):
    box.selectAll()
    qtbot.keyClicks(box, text)



def _summary_committed(qtbot, w, text: str):
    """The Edit tab's summary box on Truss after ``text`` was typed over it and committed (the focus
    left it), focused again with nothing typed since."""
    _start_field(qtbot, w)
    box = w.edit_form.fields["summary"].widget
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=3000)
    box.selectAll()
    qtbot.keyClicks(box, text)
    w.edit_form.fields["title"].widget.setFocus()  # the box commits when the focus leaves
    qtbot.waitUntil(lambda: w.timeline.event(TRUSS).summary == text, timeout=3000)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=3000)
    return box

def test_ctrl_z_after_a_committed_date_undoes_the_edit(qtbot, window):  # noqa: F811
    w = window()
    box = _start_field(qtbot, w)
    _type(qtbot, box, "2022-02-11")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-11"
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-10"  # was: still 2022-02-11, the field's text undone
    assert box.text() == "2022-02-10"
    assert "Edited by hand" not in w.details.toPlainText()
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo, as Edit > Redo
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-11" and box.text() == "2022-02-11"


def test_ctrl_z_in_the_summary_box_after_a_commit_undoes_the_edit(qtbot, window):  # noqa: F811
    w = window()
    box = _summary_committed(qtbot, w, "Truss landed.")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert w.timeline.event(TRUSS).summary.startswith("Foreign Secretary Liz Truss")


def test_ctrl_z_while_typing_undoes_the_typing_first(qtbot, window):  # noqa: F811
    w = window()
    box = _start_field(qtbot, w)
    _type(qtbot, box, "2022-02-11")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "9")  # not committed
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.text() == "2022-02-11" and w.timeline.event(TRUSS).start.edtf == "2022-02-11"
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)  # nothing typed left: the edit itself
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-10"


def test_ctrl_z_after_undoing_the_typing_shows_the_undone_date_and_focus_out_keeps_it(qtbot, window):  # noqa: F811
    # a tester's trace: the third Ctrl+Z set the event back to 2022-02-10 while the field still
    # showed 2022-02-11, and clicking away saved 2022-02-11 again
    w = window()
    box = _start_field(qtbot, w)
    _type(qtbot, box, "2022-02-11")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    box.end(False)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "5")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)  # the typing undone, nothing more
    assert box.text() == "2022-02-11" and w.timeline.event(TRUSS).start.edtf == "2022-02-11"
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-10"
    assert box.text() == "2022-02-10"  # was: 2022-02-11
    w.edit_form.fields["title"].widget.setFocus()
    qtbot.waitUntil(lambda: not box.hasFocus(), timeout=3000)
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-10" and box.text() == "2022-02-10"
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=3000)
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # the edit is still there to redo
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-11" and box.text() == "2022-02-11"


def test_ctrl_z_while_typing_in_the_summary_removes_only_the_typing(qtbot, window):  # noqa: F811
    # a tester's trace: " Two." typed after a committed "One.", Ctrl+Z showed the summary from
    # before "One." while the event kept "One."
    w = window()
    box = _summary_committed(qtbot, w, "One.")
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " Two.")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == "One." and w.timeline.event(TRUSS).summary == "One."  # was: the old summary shown
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)  # nothing typed left: the edit itself
    assert w.timeline.event(TRUSS).summary.startswith("Foreign Secretary Liz Truss")
    assert box.toPlainText() == w.timeline.event(TRUSS).summary
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert w.timeline.event(TRUSS).summary == "One." and box.toPlainText() == "One."


def test_undoing_a_new_events_first_title_keeps_it_selected_and_shown(qtbot, window):  # noqa: F811
    # a tester's trace: the first title gives a new event its id; Ctrl+Z gave the old id back and
    # cleared the selection: the Edit tab went empty and the keyboard focus left the field
    w = window()
    _start_field(qtbot, w)
    w.edit_form.add_button.click()
    added = w.state.selected
    title = w.edit_form.fields["title"].widget
    title.setFocus()
    qtbot.waitUntil(title.hasFocus, timeout=3000)
    _type(qtbot, title, "Budget passes")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    named = w.state.selected
    assert named != added and w.timeline.event(named).title == "Budget passes"
    assert title.hasFocus()  # was: the search field had the keyboard
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert w.state.selected == added  # was: None (nothing selected, the form empty)
    assert title.isVisible() and title.text() == w.timeline.event(added).title != "Budget passes"
    assert title.hasFocus()
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert w.state.selected == named and title.text() == "Budget passes" and title.hasFocus()


def test_ctrl_y_redoes(qtbot, window):  # noqa: F811
    # README names Ctrl+Y for Redo; where the platform's Redo keys already hold it, it was bound
    # twice to Edit > Redo and Qt did nothing ("Ambiguous shortcut overload: Ctrl+Y")
    w = window()
    box = _start_field(qtbot, w)
    _type(qtbot, box, "2022-02-11")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-10"
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-11" and box.text() == "2022-02-11"


def test_ctrl_z_while_typing_ends_at_the_events_value_after_an_undo_from_the_menu(qtbot, window):  # noqa: F811
    # typing kept over Edit > Undo (chosen in the menu) of the same field's edit: Ctrl+Z undid the
    # typing back to the undone date, shown as if it were the event's, and clicking away saved it again
    w = window()
    box = _start_field(qtbot, w)
    _type(qtbot, box, "2022-02-11")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    box.end(False)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "5")
    w.authoring.undo_action.trigger()
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-10" and box.text() == "2022-02-15"  # the typing stays
    for _ in range(3):
        qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.text() == "2022-02-10"  # was: 2022-02-11
    w.edit_form.fields["title"].widget.setFocus()
    qtbot.waitUntil(lambda: not box.hasFocus(), timeout=3000)
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-10" and w.authoring.undo_stack.canRedo()
