"""Authoring, second round: the planned status in the Edit form, tracks moved
from the Edit menu, story edits on the window's undo stack."""


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
    assert box.text() == "Planned or expected"
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


def lane_labels(w):
    """The lanes' track labels in the order shown (top to bottom)."""
    label = {t.id: t.label for t in w.view.timeline.tracks}
    return [label[tid] for tid in w.view.lanes.track_ids]


def filter_list_labels(w):
    lst = w.filter_panel.tracks
    return [lst.item(i).text().split("  (")[0] for i in range(lst.count())]  # "NATO  (1/1)"


def test_move_track_up_from_the_edit_menu_is_undoable_and_saved(qtbot, window, tmp_path):
    w = window()
    before = lane_labels(w)
    eid = next(e.id for e in w.timeline.events if e.track == w.timeline.tracks[1].id)
    label = w.timeline.tracks[1].label
    w.state.selected = eid
    action = next(a for a in w.menus["Edit"].actions() if a.text() == "Move track u&p")
    action.trigger()
    expected = [before[1], before[0], *before[2:]]
    assert lane_labels(w) == expected
    assert w.authoring.undo_action.text() == f"&Undo Move track '{label}' up"
    w.authoring.undo_action.trigger()
    assert lane_labels(w) == before
    w.authoring.redo_action.trigger()
    out = tmp_path / "moved.timeline.json"
    w.authoring.ask_save_path = lambda: str(out)
    assert w.authoring.save()
    assert [t.label for t in read_native(out).tracks] == expected


def test_move_track_follows_the_order_the_filters_tab_shows(qtbot, window):
    """A drag in the Filters tab is a view order; Move track then writes the
    order shown (with the one move) into the timeline."""
    w = window()
    before = lane_labels(w)
    w.filter_panel.fill()  # (the Filters tab fills its lists when first shown)
    w.filter_panel.tracks.setCurrentRow(2)
    w.filter_panel.tracks.move_current(-1)  # Alt+Up in the Filters tab: the view order only
    shown = [before[0], before[2], before[1], *before[3:]]
    assert lane_labels(w) == shown and not w.isWindowModified()
    tid = w.timeline.tracks[0].id
    w.track_edit.move_track(+1, tid)
    assert lane_labels(w) == [shown[1], shown[0], *shown[2:]]
    assert [t.label for t in w.timeline.tracks] == lane_labels(w) and w.isWindowModified()
    w.filter_panel.fill()
    assert filter_list_labels(w) == lane_labels(w)  # the Filters tab lists the new order


def test_story_edits_are_undone_from_the_edit_menu_and_saved_by_save(qtbot, window, tmp_path):
    from viewer.io.native import write_native

    path = tmp_path / "story.timeline.json"
    write_native(read_native(bundled_timeline_path()).with_stories(()), path)
    w = window(read_native(path), str(path))
    dock = w.story_dock
    dock.show()
    dock.new_story()
    assert dock.combo.currentText() == "Story 2" and w.isWindowModified()
    assert w.authoring.undo_action.text() == "&Undo New story 'Story 2'"
    w.state.selected = "drills-begin"
    qtbot.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    w.state.selected = "drills-end"
    qtbot.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    assert [s.event for s in dock.story.steps] == ["drills-begin", "drills-end"]
    dock.note.setFocus()
    qtbot.keyClicks(dock.note, "Say when")  # one Undo for the whole note
    assert dock.story.steps[1].note == "Say when"
    assert w.authoring.undo_action.text() == "&Undo Edit presenter note of step 2"
    w.authoring.undo_action.trigger()
    assert dock.story.steps[1].note == "" and dock.note.toPlainText() == ""
    assert dock.combo.currentText() == "Story 2"  # undo keeps the story being edited
    w.authoring.undo_action.trigger()  # the second step
    assert [s.event for s in dock.story.steps] == ["drills-begin"] and dock.steps.count() == 1
    w.authoring.redo_action.trigger()
    w.authoring.redo_action.trigger()
    dock.steps.setCurrentRow(1)
    assert dock.story.steps[1].note == "Say when" and dock.note.toPlainText() == "Say when"
    qtbot.mouseClick(dock.save_button, Qt.MouseButton.LeftButton)  # the dock's Save is File > Save
    assert not w.isWindowModified()
    back = read_native(path)
    assert [s.title for s in back.stories][-1] == "Story 2"
    assert [(s.event, s.note) for s in back.stories[-1].steps] == [("drills-begin", ""), ("drills-end", "Say when")]


def marker_x(w, event_id):
    """Scene x of an event's marker as drawn (after a paint)."""
    w.view.events_item.update()
    w.view.viewport().repaint()
    return w.view.marker_scene_pos(event_id).x()


def test_an_edit_updates_the_window_in_place_keeping_filters_and_view(qtbot, window):
    """An edit of one event is not a new file: the filters, the visible range
    and the lanes stay; the timeline, the event list and (once the edits
    pause) the overview show the change; undo shows the old state."""
    import dataclasses

    from viewer.model import commands as C
    from viewer.model.dates import EventDate

    w = window()
    eid = "truss-arrives-moscow"
    hidden = next(t.id for t in w.timeline.tracks if t.id != w.timeline.event(eid).track)
    w.state.filters = dataclasses.replace(w.state.filters, hidden_tracks=frozenset({hidden}))
    qtbot.waitUntil(lambda: not w.shown.deriving())
    w.state.selected = eid
    lanes = lane_labels(w)
    assert w.timeline.track_index[hidden] is not None and len(lanes) == len(w.timeline.tracks) - 1
    origin = w.view.timeline.columns.origin_epoch_s
    w.view.set_x_range(1643673600 - origin, 1645315200 - origin)  # 1 to 20 Feb 2022
    before_range = w.view.x_range()
    qtbot.wait(50)
    before_x = marker_x(w, eid)
    overview = w.overview.timeline
    ev = w.timeline.event(eid)
    w.authoring.push(C.UpdateEvent(eid, dataclasses.replace(ev, title="Truss lands in Moscow"), "Rename"))
    w.authoring.push(C.move_event(w.timeline.event(eid), EventDate("2022-02-13")))
    qtbot.waitUntil(lambda: not w.shown.deriving())
    assert w.state.filters.hidden_tracks == frozenset({hidden}) and lane_labels(w) == lanes
    assert w.view.x_range() == pytest.approx(before_range) and w.state.selected == eid
    assert marker_x(w, eid) > before_x  # drawn three days later
    model = w.event_list.source_model
    row = model.row_of(eid)
    assert model.data(model.index(row, 2)) == "Truss lands in Moscow"
    qtbot.waitUntil(lambda: w.overview.timeline is not overview)  # the strip follows once edits pause
    assert w.overview.timeline is w.shown.timeline
    w.authoring.undo_action.trigger()
    qtbot.waitUntil(lambda: not w.shown.deriving())
    assert marker_x(w, eid) == pytest.approx(before_x)


def test_dragging_shows_a_snapped_ghost_and_esc_cancels(qtbot, window):
    from PySide6.QtCore import QPoint, QPointF

    w = window()
    eid = "truss-arrives-moscow"
    origin = w.view.timeline.columns.origin_epoch_s
    w.view.set_x_range(1643673600 - origin, 1645315200 - origin)  # 1 to 20 Feb 2022: day zoom
    w.state.selected = eid
    qtbot.wait(50)
    before = w.timeline.event(eid)
    depth = w.authoring.undo_stack.count()
    vb, vp = w.view._vb, w.view.viewport()
    day_px = vb.mapViewToScene(QPointF(86400, 0)).x() - vb.mapViewToScene(QPointF(0, 0)).x()
    w.view.events_item.update()
    vp.repaint()
    start = w.view.mapFromScene(w.view.marker_scene_pos(eid))
    ghost = w.canvas_edit.ghost

    def press_and_move(days: float) -> None:
        qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
        for k in range(1, 9):
            qtbot.mouseMove(vp, pos=QPoint(start.x() + int(days * day_px * k / 8), start.y()))
        qtbot.wait(30)
        qtbot.mouseMove(vp, pos=QPoint(start.x() + int(days * day_px), start.y() + 1))

    press_and_move(2.4)
    assert ghost.isVisible()
    # snapped to the day: the ghost is centred on 12 Feb (the marker is 10 Feb), not 2.4 days on
    centre = ghost.rect().center().x() + origin
    assert centre == pytest.approx(before.start.earliest + 2 * 86400 + 43200, abs=3600)
    assert w.timeline.event(eid) == before  # nothing changed while dragging
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not ghost.isVisible() and w.state.selected == eid
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + int(2.4 * day_px), start.y()))
    assert w.timeline.event(eid) == before and w.authoring.undo_stack.count() == depth

    qtbot.wait(700)  # not a double-click
    press_and_move(2.4)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + int(2.4 * day_px), start.y()))
    assert not ghost.isVisible()
    assert w.timeline.event(eid).start.edtf == "2022-02-12" and w.authoring.undo_stack.count() == depth + 1
