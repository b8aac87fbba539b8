"""The Edit tab: typing a date back to the day the source's words gave (instead of Ctrl+Z) takes
away the "edited by hand" note and gives the words back; a drag needs no such care (Undo)."""

from __future__ import annotations

from tests.ui.test_authoring import set_field, window  # noqa: F401 (the fixture)

TRUSS = "truss-arrives-moscow"


def test_typing_the_first_day_back_restores_the_words_and_basis(qtbot, window):  # noqa: F811
    w = window()
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = TRUSS
    before = w.timeline.event(TRUSS)
    set_field(w, "start", "2022-02-11")
    assert w.edit_form.fields["start_basis"].text().startswith("Edited by hand on ")
    set_field(w, "start", "2022-02-10")
    assert w.timeline.event(TRUSS) == before  # was: the note kept, "as written" empty
    assert w.edit_form.fields["start_phrase"].text() == "arrived in Moscow on Thursday"
    assert w.edit_form.fields["start_basis"].text() == before.start.basis
    text = w.details.toPlainText()
    assert "Edited by hand" not in text and "arrived in Moscow on Thursday" in text
    w.authoring.undo_stack.undo()  # each step still undoes
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-11"


def test_after_the_history_is_gone_the_words_the_note_quotes_come_back(qtbot, window):  # noqa: F811
    w = window()
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = TRUSS
    set_field(w, "start", "2022-02-11")
    w.authoring.undo_stack.clear()  # (as after reopening the saved file)
    set_field(w, "start", "2022-02-10")
    d = w.timeline.event(TRUSS).start
    assert d.edtf == "2022-02-10" and d.phrase == "arrived in Moscow on Thursday"
    assert "Edited by hand" not in w.details.toPlainText()


def test_a_drag_away_and_back_gives_the_words_back(qtbot, window):  # noqa: F811
    from PySide6.QtCore import QPoint, QPointF, Qt

    from tests.ui.test_authoring import marker_point

    w = window()
    w.state.selected = TRUSS
    qtbot.wait(200)  # (a loaded machine: the view settles on the selection first)
    before = w.timeline.event(TRUSS)
    px_per_day = w.view._vb.mapViewToScene(QPointF(86400, 0)).x() - w.view._vb.mapViewToScene(QPointF(0, 0)).x()
    vp = w.view.viewport()
    for days, edtf in ((1, "2022-02-11"), (-1, "2022-02-10")):
        start = marker_point(w, TRUSS)
        end = QPoint(start.x() + round(days * px_per_day), start.y())
        qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
        for k in (1, 2):  # steps longer than the least drag distance
            qtbot.mouseMove(vp, pos=QPoint(start.x() + (end.x() - start.x()) * k // 2, start.y()))
        qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
        assert w.timeline.event(TRUSS).start.edtf == edtf
    assert w.timeline.event(TRUSS) == before  # was: "Moved by hand ... from 2022-02-10" on its own day
