"""Building a story in the normal window: add the current view, reorder, delete, note, save, present."""

import pytest
from PySide6.QtCore import Qt

from viewer.io import read_timeline, write_timeline
from viewer.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, bundled_path, tmp_path):
    path = tmp_path / "copy.timeline.json"
    tl = read_timeline(bundled_path).with_stories(())  # start from the default story
    write_timeline(tl, path)
    w = MainWindow(read_timeline(path), read_timeline, str(path))
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    w.story_dock.show()
    return w


def events_of(dock):
    return [s.event for s in dock.story.steps]


def test_add_current_view_reorder_delete_and_note(qtbot, window):
    dock = window.story_dock
    dock.new_story()
    assert dock.combo.currentText() == "Story 2" and dock.steps.count() == 0
    assert not dock.add_current_view()  # nothing selected
    assert "Select an event" in dock.message.text()
    origin = window.view.timeline.columns.origin_epoch_s
    for eid, (a, b) in (("drills-begin", (0, 86400 * 3)), ("drills-end", (86400 * 5, 86400 * 12))):
        window.state.selected = eid
        window.view.set_x_range(a, b)
        qtbot.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    assert events_of(dock) == ["drills-begin", "drills-end"]
    step = dock.story.steps[1]
    assert step.window == pytest.approx((origin + 86400 * 5, origin + 86400 * 12))
    assert dock.steps.item(1).text().startswith("2. Drills due to finish")
    qtbot.mouseClick(dock.up_button, Qt.MouseButton.LeftButton)  # the new step is selected: move it up
    assert events_of(dock) == ["drills-end", "drills-begin"]
    dock.steps.setCurrentRow(1)
    dock.note.setPlainText("Say when they began.")
    assert dock.story.steps[1].note == "Say when they began."
    dock.steps.setCurrentRow(0)
    qtbot.mouseClick(dock.delete_button, Qt.MouseButton.LeftButton)
    assert events_of(dock) == ["drills-begin"]
    # the edited story is what F5 presents
    window.present_action.trigger()
    pw = window.present_window
    qtbot.addWidget(pw)
    assert pw.story.title == "Story 2" and [s.event for s in pw.story.steps] == ["drills-begin"]
    pw.close()


def test_saved_stories_are_in_the_file(qtbot, window):
    dock = window.story_dock
    default_count = len(dock.story.steps)
    dock.steps.setCurrentRow(0)
    dock.delete_selected()  # editing the default story saves it
    dock.note.setPlainText("")
    assert dock.save()
    again = read_timeline(window.path)
    assert len(again.stories) == 1 and len(again.stories[0].steps) == default_count - 1


def test_double_click_shows_the_step_in_the_window(qtbot, window):
    dock = window.story_dock
    k = events_of(dock).index("lavrov-lowest-level")
    dock.show_step(k)
    assert window.state.selected == "lavrov-lowest-level"
    cols = window.view.timeline.columns
    a, b = window.view.x_range()
    assert a < cols.xm[cols.row_of("lavrov-lowest-level")] < b
