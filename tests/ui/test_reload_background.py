"""A large file changed on disk is read again in the background, and a large file opened in a
display zone other than UTC is put on that zone's days before it is shown (issue 12: the
window never blocks for long).  What a user sees: the bar and Cancel, the old timeline
usable meanwhile, the new content with the view kept, and the edits never lost."""

from __future__ import annotations

import json
import threading
import time

import numpy as np
import pytest

from tests.io.test_search_index import write_big
from viewer.io import read_timeline
from viewer.io import search_index as si
from viewer.model.filters import FilterState
from viewer.model.zones import timeline_on_local_days
from viewer.ui.main_window import MainWindow


def idle(qtbot, w, timeout=30000):
    qtbot.waitUntil(lambda: not w.jobs_pending(), timeout=timeout)


@pytest.fixture
def slow_reading(tmp_path, monkeypatch):
    """Files of 1 KB or more count as large; the bulk reader reports every 100
    events and each report takes 30 ms (a slow disk: a 3,000-event file takes
    about a second to read, time enough to look at the window meanwhile)."""
    from viewer.io import bulk
    from viewer.ui import opening

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    monkeypatch.setattr(bulk, "_REPORT_EVERY", 100)
    real_report = bulk.report

    def slow_report(done, total):
        time.sleep(0.03)
        real_report(done, total)

    monkeypatch.setattr(bulk, "report", slow_report)


@pytest.fixture
def live_big(qtbot, tmp_path, slow_reading):
    path = tmp_path / "big.timeline.json"
    write_big(path)
    w = MainWindow(read_timeline(str(path)), read_timeline, str(path))
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    idle(qtbot, w)
    return w, path


def change(path, title: str) -> None:
    """Another program rewrites the file: event e00005 gets ``title``, e99999 is added."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    for ev in doc["events"]:
        if ev["id"] == "e00005":
            ev["title"] = title
    if all(ev["id"] != "e99999" for ev in doc["events"]):
        doc["events"].append({"id": "e99999", "track": "t2", "title": "Added on disk", "start": "2022-06-01"})
    path.write_text(json.dumps(doc), encoding="utf-8")


def epoch_range(w):
    o = w.timeline.columns.origin_epoch_s
    a, b = w.state.x_range
    return a + o, b + o


def test_a_large_file_changed_on_disk_is_read_again_under_a_bar_keeping_the_view(qtbot, live_big, monkeypatch):
    from viewer.ui import shown as shown_mod

    w, path = live_big
    old = w.timeline
    o = old.columns.origin_epoch_s
    w.view.set_x_range(1646092800 - o, 1648771200 - o)  # March 2022
    w.state.filters = FilterState(hidden_tracks=frozenset({"t1"}))
    idle(qtbot, w)
    threads = []  # where the shown timeline is filtered from now on
    real = shown_mod.apply_filters
    monkeypatch.setattr(shown_mod, "apply_filters",
                        lambda *a: threads.append(threading.current_thread()) or real(*a))
    w.state.selected = "e00005"
    before = epoch_range(w)
    change(path, "Edited elsewhere")
    bar = w.opening.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)  # the watcher noticed: read in the background
    assert "Reloading big.timeline.json (changed on disk)" in bar.label.text()
    assert w.timeline is old and w.state.selected == "e00005"  # the last version read stays, usable
    w.state.selected = "e00008"  # (the window answers meanwhile)
    w.state.selected = "e00005"
    idle(qtbot, w)
    assert not bar.isVisible()
    assert w.timeline is not old and w.timeline.event("e00005").title == "Edited elsewhere"
    assert w.timeline.has_event("e99999") and len(w.timeline.events) == 3001
    assert w.state.selected == "e00005" and "Edited elsewhere" in w.details.toPlainText()
    assert w.state.filters == FilterState(hidden_tracks=frozenset({"t1"}))
    assert "t1" not in [t.id for t in w.shown.timeline.tracks]
    assert threads and all(t is not threading.main_thread() for t in threads)  # the kept filter: not here
    assert epoch_range(w) == pytest.approx(before)


def test_cancel_keeps_the_timeline_read_before_and_says_so(qtbot, live_big):
    w, path = live_big
    old = w.timeline
    change(path, "Edited elsewhere")
    bar = w.opening.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    bar.cancel.click()
    assert not bar.isVisible() and not w.opening.pending()
    qtbot.waitUntil(lambda: not any(t.name == "open-file" for t in threading.enumerate()), timeout=10000)
    qtbot.wait(100)  # a late answer would arrive now
    assert w.timeline is old and w.timeline.event("e00005").title != "Edited elsewhere"
    banner = w.files.banner
    assert banner.isVisible() and "reloading it was cancelled" in banner.label.text()
    change(path, "Edited again")  # the next change is read again
    qtbot.waitUntil(lambda: w.timeline.event("e00005").title == "Edited again", timeout=10000)


def test_unsaved_edits_are_never_lost_to_a_reload_in_the_background(qtbot, live_big, monkeypatch):
    w, path = live_big
    asked = []
    answer = [True]
    monkeypatch.setattr(type(w.authoring), "confirm", lambda self, box: asked.append(box.text()) or answer[0])
    w.state.selected = "e00003"
    w.edit_form.delete_event()
    assert w.authoring.modified
    edited = w.timeline
    # replace them? yes, but then Cancel: the edits are still there, and still unsaved
    change(path, "Edited elsewhere")
    qtbot.waitUntil(w.opening.pending, timeout=5000)
    assert len(asked) == 1
    w.opening.bar.cancel.click()
    qtbot.wait(300)
    assert w.timeline is edited and w.authoring.modified and not w.timeline.has_event("e00003")
    # yes again, and edited more while it is read: asked again on arrival; no keeps every edit
    change(path, "Edited again")
    qtbot.waitUntil(w.opening.pending, timeout=5000)
    assert len(asked) == 2
    answer[0] = False
    w.state.selected = "e00004"
    w.edit_form.delete_event()
    edited = w.timeline
    idle(qtbot, w)
    assert len(asked) == 3
    assert w.timeline is edited and w.authoring.modified
    assert not w.timeline.has_event("e00003") and not w.timeline.has_event("e00004")
    assert "your unsaved changes are kept" in w.files.banner.label.text()


def test_a_file_asked_for_during_a_reload_is_the_one_shown(qtbot, live_big, tmp_path):
    w, path = live_big
    small = tmp_path / "small.timeline.json"
    small.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Small",
                                 "tracks": [{"id": "a", "label": "A"}],
                                 "events": [{"id": "s1", "track": "a", "title": "One", "start": "2022-02-10"}]}),
                     encoding="utf-8")
    assert small.stat().st_size < 1000
    change(path, "Edited elsewhere")
    qtbot.waitUntil(w.opening.pending, timeout=5000)
    assert w.open_file(str(small))  # small: at once; the reload is dropped
    assert w.path == str(small) and not w.opening.pending()
    qtbot.wait(1500)
    idle(qtbot, w)
    assert w.path == str(small) and [e.id for e in w.timeline.events] == ["s1"]


def test_a_large_file_opened_in_a_zone_is_on_its_days_when_shown_and_derived_off_the_gui_thread(
        qtbot, slow_reading, tmp_path, bundled_path, monkeypatch):
    from viewer.ui import shown as shown_mod

    path = write_big(tmp_path / "big.timeline.json")
    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    w.state.display_zone = "Europe/Berlin"
    idle(qtbot, w)
    threads = []
    real = shown_mod.timeline_on_local_days

    def on_days(timeline, zone):
        threads.append(threading.current_thread())
        return real(timeline, zone)

    monkeypatch.setattr(shown_mod, "timeline_on_local_days", on_days)
    assert w.open_file(path)
    qtbot.waitUntil(lambda: w.path == path, timeout=20000)
    # at once on the zone's days, and the axis in that zone
    want = timeline_on_local_days(w.timeline, "Europe/Berlin").columns
    assert w.view.timeline is w.shown.timeline
    np.testing.assert_array_equal(w.view.timeline.columns.x0, want.x0)
    assert list(w.view.timeline.columns.ids) == list(want.ids)
    assert w.view._axis._zone == "Europe/Berlin"
    assert threads and all(t is not threading.main_thread() for t in threads)
    idle(qtbot, w)


def test_a_fast_writer_does_not_replace_unsaved_edits_without_asking(qtbot, tmp_path, monkeypatch):
    """The reads made while a fast writer keeps writing (at least one a second)
    replaced unsaved edits without the question the read after the writes asks."""
    path = tmp_path / "live.timeline.json"

    def doc(title):
        return json.dumps({"format": "timeline-viewer", "version": 1, "title": "Live",
                           "tracks": [{"id": "a", "label": "A"}],
                           "events": [{"id": "e0", "track": "a", "title": title, "start": "2022-02-10"},
                                      {"id": "e1", "track": "a", "title": "Other", "start": "2022-02-11"}]})

    path.write_text(doc("first"), encoding="utf-8")
    w = MainWindow(read_timeline(str(path)), read_timeline, str(path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    asked = []
    monkeypatch.setattr(type(w.authoring), "confirm", lambda self, box: asked.append(box.text()) or False)
    w.state.selected = "e1"
    w.edit_form.delete_event()
    edited = w.timeline
    for i in range(50):  # 20 saves a second for 2.5 s
        path.write_text(doc(f"version {i}"), encoding="utf-8")
        qtbot.wait(50)
        assert w.timeline is edited, "the edits were replaced while the writes went on"
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=3000)  # the read after the last write asks
    assert w.timeline is edited and w.authoring.modified and not w.timeline.has_event("e1")


def test_file_new_during_a_reload_drops_the_reload(qtbot, live_big):
    w, path = live_big
    change(path, "Edited elsewhere")
    qtbot.waitUntil(w.opening.pending, timeout=5000)
    w.authoring.new()  # File > New, asked for after the reload started
    assert w.path == "" and not w.opening.pending() and not w.opening.bar.isVisible()
    new = w.timeline
    qtbot.wait(1500)
    idle(qtbot, w)
    assert w.timeline is new and w.path == ""


def test_a_file_that_shrank_while_it_was_read_shows_its_newest_content(qtbot, live_big):
    w, path = live_big
    change(path, "Edited elsewhere")
    qtbot.waitUntil(w.opening.pending, timeout=5000)
    path.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Shrunk",
                                "tracks": [{"id": "a", "label": "A"}],
                                "events": [{"id": "s1", "track": "a", "title": "One", "start": "2022-02-10"}]}),
                    encoding="utf-8")  # small now: read at once when the watcher tells
    qtbot.waitUntil(lambda: w.timeline.title == "Shrunk", timeout=5000)
    assert not w.opening.pending()
    qtbot.wait(1500)  # the larger version read before would arrive now
    idle(qtbot, w)
    assert w.timeline.title == "Shrunk" and [e.id for e in w.timeline.events] == ["s1"]
