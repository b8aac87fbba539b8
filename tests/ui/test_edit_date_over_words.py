"""A new-user tester changed the bundled Truss event's start to 2022-02-11 in the Edit tab: the
detail pane then showed Fri 11 Feb beside "as written: arrived in Moscow on Thursday" and
"basis: 'Thursday' = Thu 10 Feb 2022", words that say another day, as if they supported it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt

from tests.ui.test_authoring import marker_point, set_field, window  # noqa: F401 (the fixture)

TRUSS = "truss-arrives-moscow"


def test_a_day_typed_over_the_sources_reading_is_shown_as_edited_by_hand(qtbot, window):  # noqa: F811
    w = window()
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = TRUSS
    before = w.timeline.event(TRUSS)
    assert "as written\n“arrived in Moscow on Thursday”" in w.details.toPlainText().replace("\t", "\n")
    set_field(w, "start", "2022-02-11")
    text = w.details.toPlainText()
    assert "Fri 11 Feb 2022" in text
    assert "as written" not in text  # no longer beside the new day as its support
    assert "'Thursday' = Thu 10 Feb 2022" not in text
    assert "Edited by hand on " in text
    assert ", from 2022-02-10: this date does not follow from the source's words" in text
    assert "The source said: “arrived in Moscow on Thursday” (before that edit)." in text
    # the form shows the same: no phrase, the note as the basis
    assert w.edit_form.fields["start_phrase"].text() == ""
    assert w.edit_form.fields["start_basis"].text().startswith("Edited by hand on ")
    # why it is now drawn as planned: the source is dated before the day typed
    assert "due Fri 11 Feb 2022" in text
    assert "after the source's date (Thu 10 Feb 2022, uncertain): drawn as planned" in \
        w.edit_form.readings["start"].text()  # the Edit tab says it under the date too (README: Editing)
    assert ("the date was edited by hand to a day after it, and a source of that date cannot report this as "
            "having happened: drawn as planned or expected") in text
    w.authoring.undo_stack.undo()
    assert w.timeline.event(TRUSS) == before
    text = w.details.toPlainText()
    assert "arrived in Moscow on Thursday" in text and "Edited by hand" not in text
    assert w.edit_form.fields["start_phrase"].text() == "arrived in Moscow on Thursday"


def test_a_drag_to_another_day_takes_the_words_out_of_support_too(qtbot, window):  # noqa: F811
    w = window()
    w.state.selected = TRUSS
    qtbot.wait(200)  # (a loaded machine: the view settles on the selection first)
    before = w.timeline.event(TRUSS)
    start = marker_point(w, TRUSS)
    px_per_day = w.view._vb.mapViewToScene(QPointF(86400, 0)).x() - w.view._vb.mapViewToScene(QPointF(0, 0)).x()
    end = QPoint(start.x() + round(px_per_day), start.y())
    vp = w.view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for k in (1, 2):  # steps longer than the least drag distance
        qtbot.mouseMove(vp, pos=QPoint(start.x() + (end.x() - start.x()) * k // 2, start.y()))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
    assert w.timeline.event(TRUSS).start.edtf == "2022-02-11"
    text = w.details.toPlainText()
    assert "as written" not in text and "'Thursday' = Thu 10 Feb 2022" not in text
    assert "Moved by hand on " in text
    assert "The source said: “arrived in Moscow on Thursday” (before that edit)." in text
    w.authoring.undo_action.trigger()
    assert w.timeline.event(TRUSS) == before
