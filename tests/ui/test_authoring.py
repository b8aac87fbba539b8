"""Authoring in the window: a timeline made from scratch (New, a track, events
by form and by double-click), a drag undone and redone, a quote edited, saved,
closed and read back; a bad date refused; unsaved work recovered after the
process is killed (SIGKILL)."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from viewer.app import _load, bundled_timeline_path
from viewer.io import recovery
from viewer.io.native import read_native, timeline_to_dict
from viewer.ui.authoring import new_timeline
from viewer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot):
    made = []

    def make(timeline=None, path=""):
        w = MainWindow(timeline or _load(bundled_timeline_path()), _load, path)
        qtbot.addWidget(w)
        w.resize(1500, 950)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    return make


def lane_point(w, lane: int, fraction: float) -> QPoint:
    """Viewport pixel in the middle of a lane, ``fraction`` across the visible range."""
    view = w.view
    a, b = view.x_range()
    y = float(view.lanes.top[lane] + 0.75 * view.lanes.height[lane])  # below the row of markers
    scene = view._vb.mapViewToScene(QPointF(a + fraction * (b - a), y))
    return view.mapFromScene(scene)


def marker_point(w, event_id: str) -> QPoint:
    w.view.events_item.update()
    w.view.viewport().repaint()
    return w.view.mapFromScene(w.view.marker_scene_pos(event_id))


def set_field(w, name: str, text: str):
    field = w.edit_form.fields[name]
    field.widget.setText(text)
    field.sigCommit.emit()
    return field


def drag(qtbot, w, start: QPoint, end: QPoint) -> None:
    vp = w.view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    steps = 8
    for k in range(1, steps + 1):
        p = QPoint(start.x() + (end.x() - start.x()) * k // steps, start.y() + (end.y() - start.y()) * k // steps)
        qtbot.mouseMove(vp, pos=p)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)


def test_a_timeline_from_scratch_saved_closed_and_read_back(qtbot, window, tmp_path):
    w = window()
    w.authoring.new_action.trigger()
    assert w.timeline.title == "Untitled timeline" and [t.label for t in w.timeline.tracks] == ["Track 1"]
    assert not w.isWindowModified()
    assert w.track_edit.add_track("Diplomacy") == []
    assert [t.label for t in w.timeline.tracks] == ["Track 1", "Diplomacy"]
    assert w.isWindowModified()

    # one event by the form
    w.state.selected = None
    assert w.edit_form.add_event() == []
    assert w.state.selected == "new-event"
    set_field(w, "title", "Talks open in Geneva")
    first = w.state.selected  # an added event's id comes from its first title
    assert first == "talks-open-in-geneva"
    set_field(w, "start", "2022-02-10")
    set_field(w, "start_phrase", "on Thursday")
    assert w.edit_form.fields["start"].error.isHidden()
    assert w.edit_form.readings["start"].text() == "Thu 10 Feb 2022 (to the day)"
    # two by double-click, one in each lane; dated to the day shown (day zoom)
    o = w.view.timeline.columns.origin_epoch_s
    day0 = w.timeline.event(first).start.earliest - o
    w.view.set_x_range(day0 - 3 * 86400, day0 + 4 * 86400)
    assert w.canvas_edit.axis_unit() == "day"
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=lane_point(w, 0, 0.3))
    set_field(w, "title", "Ceasefire announced")
    second = w.state.selected
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=lane_point(w, 1, 0.8))
    third = w.state.selected
    assert len({first, second, third}) == 3 and len(w.timeline.events) == 3
    assert w.timeline.event(second).track == "track-1" and w.timeline.event(third).track == "diplomacy"
    assert w.timeline.event(third).start.edtf.count("-") == 2 and "T" not in w.timeline.event(third).start.edtf

    # drag the selected event two days later; undo; redo
    w.state.selected = second
    qtbot.wait(50)
    before = w.timeline.event(second).start
    start = marker_point(w, second)
    px_per_day = w.view.width() and (w.view._vb.mapViewToScene(QPointF(86400, 0)).x()
                                     - w.view._vb.mapViewToScene(QPointF(0, 0)).x())
    drag(qtbot, w, start, QPoint(start.x() + int(2 * px_per_day), start.y()))
    moved = w.timeline.event(second).start
    assert moved.earliest - before.earliest == 2 * 86400 and moved.precision == before.precision
    assert w.authoring.undo_action.text() == "&Undo Move 'Ceasefire announced'"
    w.authoring.undo_action.trigger()
    assert w.timeline.event(second).start == before
    w.authoring.redo_action.trigger()
    assert w.timeline.event(second).start == moved

    # a quote, then edited
    w.state.selected = first
    assert w.edit_form.add_quote() == []
    field = w.edit_form.fields["q_text"]
    field.widget.setPlainText("We are ready to talk.")
    field.sigCommit.emit()
    w.edit_form.fields["q_speaker"].widget.setText("A. Minister")
    w.edit_form.fields["q_speaker"].sigCommit.emit()
    w.edit_form.fields["q_kind"].set_text("reported")
    w.edit_form.fields["q_kind"].sigCommit.emit()
    quote = w.timeline.event(first).quotes[0]
    assert (quote.text, quote.speaker, quote.kind.value) == ("We are ready to talk.", "A. Minister", "reported")

    # save (asks for a name: a new timeline has no file), close, reopen, compare
    out = tmp_path / "scratch.timeline.json"
    w.authoring.ask_save_path = lambda: str(out)
    assert w.authoring.save()
    assert not w.isWindowModified() and w.windowTitle().startswith("Untitled timeline — scratch.timeline.json")
    expected = timeline_to_dict(w.timeline, home=False)  # New's month was only where the view started
    assert w.close()
    again = window(read_native(out), str(out))
    assert timeline_to_dict(again.timeline) == expected
    assert again.timeline.event(first).start.phrase == "on Thursday"


def test_a_bad_date_in_the_form_is_refused_and_nothing_changes(qtbot, window):
    w = window()
    w.state.selected = "truss-arrives-moscow"
    before = timeline_to_dict(w.timeline)
    field = set_field(w, "start", "2022-02-31")
    assert not field.error.isHidden() and "2022-02-31" in field.error.text()
    assert w.edit_form.readings["start"].text() == ""  # said once, under the field (not again in the reading)
    end = set_field(w, "end", "2022-01-01")  # an end before the start: the reader's words, beside the end
    assert not end.error.isHidden() and "ends before it starts" in end.error.text()
    title = set_field(w, "title", "Truss in Moscow")  # other fields are not blocked
    assert title.error.isHidden()
    after = timeline_to_dict(w.timeline)
    changed = [e for e, f in zip(before["events"], after["events"], strict=True) if e != f]
    assert [e["id"] for e in changed] == ["truss-arrives-moscow"] and changed[0]["start"]["edtf"] == "2022-02-10"
    w.authoring.undo_action.trigger()
    assert timeline_to_dict(w.timeline) == before
    assert not w.isWindowModified()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, monkeypatch):
    w = window()
    w.state.selected = "truss-arrives-moscow"
    set_field(w, "title", "Changed")
    asked = []
    monkeypatch.setattr(type(w.authoring), "ask_unsaved", lambda self: asked.append(1) or "cancel")
    assert not w.close()
    assert asked and w.isVisible()
    assert not w.authoring.open_file(bundled_timeline_path())
    assert w.timeline.event("truss-arrives-moscow").title == "Changed"


def test_saving_a_timeline_from_another_format_never_overwrites_that_file(qtbot, window, tmp_path):
    csv = tmp_path / "events.csv"
    csv.write_text("title,start,track\nTalks,2022-02-10,Diplomacy\n", encoding="utf-8")
    w = window(_load(str(csv)), str(csv))
    assert w.authoring.native_path is None
    w.state.selected = w.timeline.events[0].id
    set_field(w, "title", "Talks (edited)")
    w.authoring.ask_save_path = lambda: str(csv)
    assert not w.authoring.save()  # the CSV itself is refused
    assert csv.read_text(encoding="utf-8").startswith("title,start,track")
    target = tmp_path / "events.timeline.json"
    w.authoring.ask_save_path = lambda: str(target)
    assert w.authoring.save()
    assert read_native(target).events[0].title == "Talks (edited)"


_CHILD = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from viewer.app import _load, bundled_timeline_path
    from viewer.ui.main_window import MainWindow
    w = MainWindow(_load(bundled_timeline_path()), _load, bundled_timeline_path())
    w.show()
    w.authoring.autosave_timer.setInterval(200)
    w.state.selected = "truss-arrives-moscow"
    f = w.edit_form.fields["title"]
    f.widget.setText("Truss lands in Moscow (unsaved)")
    f.sigCommit.emit()
    deadline = time.time() + 20
    while time.time() < deadline:
        app.processEvents()
        if any(p.name.startswith("recovery-") for p in (os.path.join and __import__("pathlib").Path(
                os.environ["TIMELINE_VIEWER_DATA_DIR"], "recovery")).glob("*.timeline.json")):
            print("autosaved", flush=True)
            break
        time.sleep(0.05)
    while True:
        app.processEvents()
        time.sleep(0.05)
""")


def test_killed_mid_session_the_next_start_recovers_the_unsaved_changes(qtbot, window, private_data_dir):
    env = dict(os.environ, TIMELINE_VIEWER_DATA_DIR=str(private_data_dir), PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", _CHILD], env=env, stdout=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "autosaved"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=20)
        child.stdout.close()
    found = recovery.orphans()
    assert len(found) == 1 and found[0].source == bundled_timeline_path()
    w = window()
    qtbot.waitUntil(lambda: w.authoring.recovery_box is not None)
    assert "Recover them?" in w.authoring.recovery_box.text()
    recover = next(b for b in w.authoring.recovery_box.buttons() if b.text() == "Recover")
    recover.click()
    assert w.timeline.event("truss-arrives-moscow").title == "Truss lands in Moscow (unsaved)"
    assert w.isWindowModified()
    assert w.authoring.native_path is None  # Save asks for a name: the bundled file is never written
    assert recovery.orphans() == []  # the killed session's file is gone; ours holds the changes now
    w.authoring.discard()
    assert not any((private_data_dir / "recovery").glob("*.timeline.json"))


def test_new_timeline_opens_on_its_home_month():
    tl = new_timeline(today=time.mktime((2026, 12, 6, 12, 0, 0, 0, 0, 0)))
    assert tl.home_start.edtf == "2026-12" and tl.columns.extent()[0] + tl.columns.origin_epoch_s >= 1796083200 - 86400


def test_a_new_timeline_saved_reopens_and_exports_on_its_events_not_on_the_month_it_was_made(
        qtbot, window, tmp_path):
    from viewer.ui.export import PictureOptions, _Picture

    w = window()
    w.authoring.new_action.trigger()
    assert w.timeline.home_start is not None  # the empty view starts on the current month
    w.state.selected = None
    assert w.edit_form.add_event() == []
    set_field(w, "title", "Talks open in Geneva")
    set_field(w, "start", "2022-02-10")
    out = tmp_path / "new.timeline.json"
    w.authoring.ask_save_path = lambda: str(out)
    assert w.authoring.save()
    assert "home" not in out.read_text(encoding="utf-8")
    assert w.close()
    again = window(read_native(out), str(out))
    again.view.go_home()
    a, b = again.view.x_range()
    day = again.timeline.events[0].start.earliest - again.timeline.columns.origin_epoch_s
    assert a <= day <= b
    picture = _Picture(again.timeline, PictureOptions())
    assert picture.shown == [0]  # the export draws the event, not "0 of 1 events shown"


def test_an_empty_new_timeline_saved_reopens_on_its_month_not_on_1970(qtbot, window, tmp_path):
    """A newcomer made a timeline, added a track, saved and reopened it: with no
    events and no home it opened on 1 Jan 1970, and a double-click there made an
    event in 1970.  It keeps its month while empty, and drops it once it has events."""
    w = window()
    w.authoring.new_action.trigger()
    month = (w.timeline.home_start.earliest, w.timeline.home_end.latest)
    out = tmp_path / "empty.timeline.json"
    w.authoring.ask_save_path = lambda: str(out)
    assert w.authoring.save()
    assert '"home"' in out.read_text(encoding="utf-8")
    assert w.close()
    again = window(read_native(out), str(out))
    again.view.go_home()
    a, b = again.view.x_range()
    origin = again.timeline.columns.origin_epoch_s
    assert a + origin <= month[0] + 86400 and b + origin >= month[1] - 86400  # the month, not 1970
    again.state.selected = None
    assert again.edit_form.add_event() == []
    set_field(again, "title", "Talks open in Geneva")
    set_field(again, "start", "2022-02-10")
    again.authoring.ask_save_path = lambda: str(out)
    assert again.authoring.save()
    assert '"home"' not in out.read_text(encoding="utf-8")  # it opens on its events now


def test_grades_are_set_in_the_form_shown_as_B2_saved_and_said_lost_in_csv(qtbot, window, tmp_path):
    from viewer.io.registry import write_timeline

    w = window()
    assert not any(s.reliability for s in w.timeline.sources)  # the bundled timeline is never graded
    assert not any(e.credibility or any(q.credibility for q in e.quotes) for e in w.timeline.events)
    eid = next(e.id for e in w.timeline.events if e.sources)
    w.state.selected = eid
    form = w.edit_form
    form.fields["credibility"].set_text("2")
    form.fields["credibility"].sigCommit.emit()
    form.source_list.setCurrentRow(0)
    form.fields["s_reliability"].set_text("B")
    form.fields["s_reliability"].sigCommit.emit()
    assert w.timeline.event(eid).credibility == "2"
    assert "Grade B2" in w.details.toPlainText() and "usually reliable" in w.details.toPlainText()
    out = tmp_path / "graded.timeline.json"
    w.authoring.ask_save_path = lambda: str(out)
    assert w.authoring.save()
    back = read_native(out)
    assert back.event(eid).credibility == "2" and back.source_index[back.event(eid).sources[0]].reliability == "B"
    lost = write_timeline(back, str(tmp_path / "graded.csv"))
    assert any("2 grades" in line and "AJP-2.1" in line for line in lost)
    from viewer.model.filters import FilterState, apply_filters

    only_b2 = apply_filters(back, FilterState(grades=frozenset({"B2"})))
    assert [e.id for e in only_b2.events] == [eid]  # the Filters tab's "Grades" list


def test_live_reload_of_an_edited_file_asks_before_replacing_the_edits(qtbot, window, tmp_path, monkeypatch):
    from viewer.io.native import write_native

    path = tmp_path / "live.timeline.json"
    write_native(read_native(bundled_timeline_path()), path)
    w = window(read_native(path), str(path))
    assert w.authoring.native_path == str(path)
    w.state.selected = "truss-arrives-moscow"
    set_field(w, "title", "Edited here")
    answers = []
    monkeypatch.setattr(type(w.authoring), "confirm", lambda self, box: answers.append(box.text()) or False)
    w.authoring.reload_changed_file()  # what the file watcher calls when another program wrote the file
    assert answers and "unsaved changes" in answers[0]
    assert w.timeline.event("truss-arrives-moscow").title == "Edited here" and w.isWindowModified()
    monkeypatch.setattr(type(w.authoring), "confirm", lambda self, box: True)
    w.authoring.reload_changed_file()
    assert w.timeline.event("truss-arrives-moscow").title == "Truss arrives in Moscow"
    assert not w.isWindowModified()


def test_revert_reads_the_file_again_and_drops_the_changes(qtbot, window, tmp_path):
    from viewer.io.native import write_native

    path = tmp_path / "revert.timeline.json"
    write_native(read_native(bundled_timeline_path()), path)
    w = window(read_native(path), str(path))
    w.state.selected = "truss-arrives-moscow"
    set_field(w, "title", "Changed, then reverted")
    assert w.isWindowModified() and w.windowTitle().endswith("revert.timeline.json[*] — Timeline Viewer")
    w.authoring.revert_action.trigger()  # the question is answered Discard (tests/conftest.py)
    assert w.timeline.event("truss-arrives-moscow").title == "Truss arrives in Moscow"
    assert not w.isWindowModified() and not w.authoring.undo_action.isEnabled()


def test_a_recovery_folder_that_is_a_file_means_no_autosave_said_once_and_close_works(
        qtbot, window, monkeypatch, private_data_dir):
    (private_data_dir / "recovery").write_text("not a folder", encoding="utf-8")
    w = window()
    w.state.selected = "truss-arrives-moscow"
    set_field(w, "title", "Changed")
    notices = []
    monkeypatch.setattr(w.files, "_notice", notices.append)
    assert not w.authoring.autosave() and not w.authoring.autosave()
    assert len(notices) == 1 and notices[0].startswith("No autosave")
    assert w.statusBar().currentMessage().startswith("No autosave")
    monkeypatch.setattr(type(w.authoring), "ask_unsaved", lambda self: "discard")
    assert w.close()  # no NotADirectoryError from removing the recovery copy


def _epoch(y, mo, d, h=12, mi=0):
    import calendar
    return float(calendar.timegm((y, mo, d, h, mi, 0)))


def test_file_new_opens_on_the_clocks_month_at_day_ticks_with_nothing_before_it_and_a_click_adds_a_day(
        qtbot, window):
    w = window()
    w.authoring.clock = lambda: _epoch(2031, 7, 15)  # not today: the month comes from the window's clock
    w.authoring.new_action.trigger()
    qtbot.wait(20)
    o = w.view.timeline.columns.origin_epoch_s
    a, b = w.view.x_range()
    first, last = _epoch(2031, 7, 1, 0) - o, _epoch(2031, 8, 1, 0) - o
    assert a <= first and b >= last  # all of July 2031 shows ...
    assert first - a < 86400 and b - last < 86400  # ... and not much more (was a 2-day window at 1 July)
    assert w.canvas_edit.axis_unit() == "day"
    marks = getattr(w.overview, "beyond", ())
    assert not any(m.isVisible() for m in marks)  # no "◀ from 1970": an empty timeline has nothing before
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=lane_point(w, 0, 0.5))
    added = w.timeline.event(w.state.selected)
    assert added.start.edtf.startswith("2031-07-") and added.start.edtf.count("-") == 2 and "T" not in added.start.edtf


def test_a_double_click_at_day_zoom_dates_the_display_zones_calendar_day(qtbot, window):
    w = window()
    w.authoring.clock = lambda: _epoch(2031, 7, 15)
    w.authoring.new_action.trigger()
    w.state.display_zone = "Pacific/Auckland"  # UTC+12 in July
    o = w.view.timeline.columns.origin_epoch_s
    noon_utc = _epoch(2031, 7, 10, 18) - o  # 06:00 on the 11th in Auckland
    w.view.set_x_range(noon_utc - 3.5 * 86400, noon_utc + 3.5 * 86400)
    qtbot.wait(20)
    assert w.canvas_edit.axis_unit() == "day"
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=lane_point(w, 0, 0.5))
    assert w.timeline.event(w.state.selected).start.edtf == "2031-07-11"
