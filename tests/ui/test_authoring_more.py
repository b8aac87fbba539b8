"""Authoring, second round: the planned status in the Edit form, tracks moved
from the Edit menu, story edits on the window's undo stack."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from viewer.app import _load, bundled_timeline_path
from viewer.io.native import read_native
from viewer.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    def make(timeline=None, path=""):
        w = MainWindow(timeline or _load(bundled_timeline_path()), _load, path)
        qtbot.addWidget(w)
        w.resize(1500, 950)
        w.show()
        qtbot.waitExposed(w)
        return w

    return make


def test_planned_box_marks_the_event_planned_undoably_and_saves_the_status(qtbot, window, tmp_path):
    w = window()
    eid = "truss-arrives-moscow"
    assert not w.timeline.is_planned(w.timeline.event(eid))
    w.state.selected = eid
    box = w.edit_form.fields["planned"].widget
    assert box.text() == "Planned or expected (the source describes it as not yet happened)"
    assert not box.isChecked()
    box.click()
    assert w.timeline.event(eid).planned and box.isChecked()
    assert "planned" in w.details.toPlainText()
    assert w.isWindowModified()
    assert w.authoring.undo_action.text() == "&Undo Mark planned 'Truss arrives in Moscow'"
    w.authoring.undo_action.trigger()
    assert not w.timeline.event(eid).planned and not box.isChecked()
    assert "planned" not in w.details.toPlainText()
    w.authoring.redo_action.trigger()
    out = tmp_path / "planned.timeline.json"
    w.authoring.ask_save_path = lambda: str(out)
    assert w.authoring.save()
    assert '"status": "planned"' in out.read_text(encoding="utf-8")
    assert read_native(out).event(eid).planned
