"""Files in the window as a user meets them: live reload, bad saves, drag-and-drop, recent files, import, export."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from viewer.io import read_timeline, write_timeline
from viewer.model.dates import EventDate
from viewer.model.filters import FilterState
from viewer.ui.files import settings
from viewer.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data"


def doc(*titles: str, reference: str = "2022-02-10") -> dict:
    return {"format": "timeline-viewer", "version": 1, "title": "Live", "reference_date": reference,
            "tracks": [{"id": "a", "label": "Alpha"}],
            "events": [{"id": f"e{i}", "track": "a", "title": t, "start": f"2022-02-{10 + i:02d}"}
                       for i, t in enumerate(titles)]}


def save(path: Path, data) -> None:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


@pytest.fixture
def live(qtbot, tmp_path):
    path = tmp_path / "live.timeline.json"
    save(path, doc("first", "second", "third"))
    w = MainWindow(read_timeline(path), read_timeline, str(path))
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    return w, path


def epoch_range(w):
    o = w.timeline.columns.origin_epoch_s
    a, b = w.state.x_range
    return a + o, b + o


def test_live_reload_keeps_range_and_selection_even_when_the_origin_moves(qtbot, live):
    w, path = live
    w.view.set_x_range(*(x - w.timeline.columns.origin_epoch_s for x in
                         (EventDate("2022-02-10").earliest, EventDate("2022-02-12").latest)))
    w.state.selected = "e1"
    before = epoch_range(w)
    save(path, doc("first", "second (edited)", "third", "fourth", reference="2021-01-01"))
    qtbot.waitUntil(lambda: len(w.timeline.events) == 4, timeout=3000)
    assert w.timeline.event("e1").title == "second (edited)"
    assert w.state.selected == "e1"
    assert "second (edited)" in w.details.toPlainText()
    assert epoch_range(w) == pytest.approx(before)


def test_invalid_save_keeps_last_good_data_and_shows_a_dismissable_banner(qtbot, live):
    w, path = live
    shown = w.timeline
    save(path, '{"format": "timeline-viewer", "version": 1,\n "title": "Live", "tracks": [\n')
    banner = w.files.banner
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert w.timeline is shown
    text = banner.label.text()
    assert "live.timeline.json" in text and "line 3" in text and "last good version" in text
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    save(path, doc("fixed"))  # the next good save is picked up again
    qtbot.waitUntil(lambda: w.timeline.events[0].title == "fixed", timeout=3000)


def test_editor_that_saves_by_delete_and_rename_is_followed(qtbot, live):
    w, path = live
    for title in ("renamed once", "renamed twice"):
        tmp = path.with_name(".live.swp")
        save(tmp, doc(title))
        os.remove(path)
        os.replace(tmp, path)
        qtbot.waitUntil(lambda t=title: w.timeline.events[0].title == t, timeout=4000)


def test_drop_a_file_on_the_window_opens_it_and_remembers_it(qtbot, live, tmp_path):
    w, _path = live
    other = DATA / "formats" / "generic.csv"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    w.files.eventFilter(w, event)
    assert w.path == str(other) and [e.title for e in w.timeline.events][:2] == ["Drills begin", "Drills"]
    # the row that could not be read is listed, not dropped silently
    # (its line in the banner, its value behind Show all: the banner also says its time was read as UTC)
    assert w.files.banner.isVisible() and "line 5, at row 4" in w.files.banner.label.text()
    assert "03/04/2022" in w.files.banner.details.toPlainText()
    assert "1 time without a time zone read as UTC" in w.files.banner.label.text()
    assert ("generic.csv: loaded without 1 row it could not read and 1 field it could not map:"
            in w.files.banner.label.text())


def test_the_banner_says_fields_when_fields_were_left_out(qtbot, live, tmp_path):
    w, _path = live
    other = tmp_path / "extra.csv"
    other.write_text("title,start,weird\nGood,2022-02-10,1\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    w.files.eventFilter(w, QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                      Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: w.path == str(other), timeout=3000)
    qtbot.waitUntil(w.files.banner.isVisible, timeout=3000)
    text = w.files.banner.label.text()
    assert "extra.csv: loaded without 1 field it could not map:" in text and "row" not in text.split("map:")[0]
    # written in the turn after the new file's first paint (not in the swap's freeze)
    qtbot.waitUntil(lambda: w.files.recent_files()[:1] == [os.path.abspath(other)], timeout=3000)
    assert [a.text() for a in w.files.recent_menu.actions()][0] == os.path.abspath(other)
    assert settings().fileName().startswith(str(Path(settings().fileName()).parent))


def test_recent_files_newest_first_without_duplicates(qtbot, live):
    w, path = live
    acled = DATA / "formats" / "conflict-acled.csv"
    assert w.open_file(str(acled))
    assert w.open_file(str(path))
    assert w.open_file(str(acled))
    qtbot.waitUntil(lambda: w.files.recent_files()[:1] == [os.path.abspath(acled)], timeout=3000)
    recent = w.files.recent_files()
    assert recent[:2] == [os.path.abspath(acled), os.path.abspath(path)] and len(recent) == len(set(recent))
    w.files.recent_menu.actions()[1].trigger()
    assert w.path == os.path.abspath(path)


def test_export_current_view_as_pictures_and_timeline(qtbot, live, tmp_path):
    w, _path = live
    o = w.timeline.columns.origin_epoch_s
    w.view.set_x_range(EventDate("2022-02-09").earliest - o, EventDate("2022-02-10").latest - o)
    assert w.files.export_current_view(str(tmp_path / "view.png"), size=(1000, 600))
    image = QImage(str(tmp_path / "view.png"))
    assert (image.width(), image.height()) == (1000, 600)
    assert w.files.export_current_view(str(tmp_path / "view.svg"), size=(1000, 600))
    svg = (tmp_path / "view.svg").read_text(encoding="utf-8")
    assert "Live" in svg and "first" in svg and "<image" not in svg  # vector, with its text
    assert "third" not in svg  # outside the current view
    assert w.files.export_current_view(str(tmp_path / "view.pdf"))
    assert (tmp_path / "view.pdf").read_bytes().startswith(b"%PDF")
    # iCalendar has no reference date: listed; the events after it are written as not yet confirmed
    assert w.files.export_timeline(str(tmp_path / "out.ics")) == [
        "the reference date (Thu 10 Feb 2022 (to the day)): not written to iCalendar"]
    ics = (tmp_path / "out.ics").read_bytes()
    assert ics.count(b"BEGIN:VEVENT") == 3 and ics.count(b"STATUS:TENTATIVE") == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("view", "out"))) == \
        ["out.ics", "view.pdf", "view.png", "view.svg"]


def tracks_doc(tracks, title="Tracks", band=True) -> dict:
    """Tracks ``tracks`` with two events each (``<track>1``, ``<track>2``) and a band ``drill``."""
    events = [{"id": f"{t}{k}", "track": t, "title": f"{t} {k}", "start": f"2022-02-{10 + k:02d}"}
              for t in tracks for k in (1, 2)]
    if band:
        events.append({"id": "drill", "kind": "band", "title": "Drill", "start": "2022-02-09", "end": "2022-02-14"})
    return {"format": "timeline-viewer", "version": 1, "title": title, "reference_date": "2022-02-10",
            "tracks": [{"id": t, "label": t.upper()} for t in tracks], "events": events}


def panel_rows(w):
    lst = w.filter_panel.tracks
    return [(lst.item(i).text().split("  ")[0], lst.item(i).checkState() == Qt.CheckState.Checked)
            for i in range(lst.count())]


def test_live_reload_keeps_filters_collapsed_tracks_and_dday_minus_what_vanished(qtbot, live):
    w, path = live
    save(path, tracks_doc(["a", "b", "c", "d"]))
    qtbot.waitUntil(lambda: len(w.timeline.tracks) == 4, timeout=3000)
    w.side_tabs.setCurrentWidget(w.filter_panel)
    s = w.state
    s.filters = FilterState(hidden_tracks=frozenset({"b", "d"}), track_order=("c", "a", "b", "d"))
    s.collapsed_tracks = {"c", "d"}
    s.dday = "band:drill"
    s.selected = "c1"  # in a collapsed track: selecting it opens the lane ...
    assert "c" not in s.collapsed_tracks
    s.set_track_collapsed("c", True)  # ... and collapsing it again keeps the selection
    assert s.selected == "c1"
    save(path, tracks_doc(["a", "c", "e", "b"]))  # d gone, e new
    qtbot.waitUntil(lambda: len(w.timeline.tracks) == 4 and w.timeline.has_event("e1"), timeout=3000)
    qtbot.wait(20)
    assert s.filters == FilterState(hidden_tracks=frozenset({"b"}), track_order=("c", "a", "b", "e"))
    assert s.collapsed_tracks == {"c"}  # restoring the selection did not expand its track
    assert s.selected == "c1" and s.dday == "band:drill"
    assert w.view.lanes.track_ids == ("c", "a", "e")
    assert [bool(x) for x in w.view.lanes.collapsed] == [True, False, False]
    assert panel_rows(w) == [("▸ C", True), ("A", True), ("B", False), ("E", True)]
    assert not w.files.banner.isVisible()
    # a D-day whose reference vanished is turned off, and the banner says so
    save(path, tracks_doc(["a", "c", "e", "b"], band=False))
    qtbot.waitUntil(lambda: not w.timeline.has_event("drill"), timeout=3000)
    assert s.dday is None and w.relative_axis.dday is None
    assert w.files.banner.isVisible() and "'band:drill'" in w.files.banner.label.text()
    assert s.filters.hidden_tracks == {"b"} and s.collapsed_tracks == {"c"}


def test_opening_another_file_resets_filters_collapsed_tracks_and_dday(qtbot, live, tmp_path):
    w, path = live
    save(path, tracks_doc(["a", "b"]))
    qtbot.waitUntil(lambda: len(w.timeline.tracks) == 2, timeout=3000)
    s = w.state
    s.filters = FilterState(hidden_tracks=frozenset({"a"}), track_order=("b", "a"), tags=frozenset({"x"}))
    s.collapsed_tracks = {"a", "b"}
    s.dday = "band:drill"
    s.display_zone = "Europe/Moscow"
    other = tmp_path / "other.timeline.json"
    save(other, tracks_doc(["a", "b"], title="Other"))  # the same ids mean other things there
    assert w.open_file(str(other))
    assert s.filters == FilterState() and s.collapsed_tracks == frozenset() and s.dday is None
    assert s.display_zone == "Europe/Moscow"  # the zone is the user's, not the file's
    assert w.view.lanes.track_ids == ("a", "b") and not any(w.view.lanes.collapsed)
    assert len(w.shown.timeline.events) == len(w.timeline.events)


def test_export_as_writes_the_format_of_the_name_or_the_chosen_filter(qtbot, live, tmp_path):
    w, _path = live
    w.files.export_as(str(tmp_path / "a.csv"), "native")  # the native filter, a .csv name: CSV
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").startswith("id,track,kind,title")
    w.files.export_as(str(tmp_path / "b.ics"), "native")
    assert (tmp_path / "b.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    w.files.export_as(str(tmp_path / "c"), "timelinejs")  # no extension: the chosen filter's is added
    assert json.loads((tmp_path / "c.timelinejs.json").read_text(encoding="utf-8"))["events"]
    w.files.export_as(str(tmp_path / "d.vis.json"), "native")
    assert "items" in json.loads((tmp_path / "d.vis.json").read_text(encoding="utf-8"))


def test_export_as_opens_in_documents_not_in_the_apps_resources(make_window, tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths

    w = make_window()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert w.files.export_folder() == documents


def test_a_file_missing_for_long_is_read_again_when_it_comes_back(qtbot, live, monkeypatch):
    """Issue 10: after the grace time the banner says 'was deleted'; the
    folder stays watched, so putting the file back reloads it and updates the banner."""
    import viewer.ui.files as files

    monkeypatch.setattr(files, "MISSING_GRACE_MS", 600, raising=False)
    w, path = live
    os.remove(path)
    banner = w.files.banner
    qtbot.waitUntil(lambda: banner.isVisible() and "was deleted" in banner.label.text(), timeout=9000)
    qtbot.wait(1500)  # well past the grace time: nothing is polling the file itself any more
    save(path, doc("back again"))
    qtbot.waitUntil(lambda: w.timeline.events[0].title == "back again", timeout=4000)
    assert not (banner.isVisible() and "was deleted" in banner.label.text())


def test_a_writer_faster_than_the_debounce_is_still_followed(qtbot, live):
    """Issue 10: 20 saves a second for 3 s used to show the first version
    until the writes stopped; now the view follows at least once a second."""
    w, path = live
    seen_during_writes = set()
    for i in range(60):
        save(path, doc(f"version {i}"))
        qtbot.wait(50)
        seen_during_writes.add(w.timeline.events[0].title)
    assert seen_during_writes - {"first"}, "nothing was reloaded while the writes continued"
    assert len(seen_during_writes - {"first"}) >= 2  # about one read a second over 3 s
    qtbot.waitUntil(lambda: w.timeline.events[0].title == "version 59", timeout=3000)


def test_export_of_year_9999_lists_it_and_a_writer_failure_shows_a_message_keeping_the_old_file(
        qtbot, tmp_path, monkeypatch):
    path = tmp_path / "late.timeline.json"
    save(path, {"format": "timeline-viewer", "version": 1, "title": "Late", "tracks": [{"id": "a", "label": "A"}],
                "events": [{"id": "e", "track": "a", "title": "Last day", "start": "9999-12-31"},
                           {"id": "f", "track": "a", "title": "Ok", "start": "2022-02-10"}]})
    w = MainWindow(read_timeline(path), read_timeline, str(path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    out = tmp_path / "out.ics"
    left_out = w.files.export_timeline(str(out))
    assert any("'e'" in m and "outside 1..9999" in m for m in left_out)
    assert w.files.banner.isVisible() and "outside 1..9999" in w.files.banner.label.text()
    before = out.read_bytes()
    assert before.count(b"BEGIN:VEVENT") == 1

    def broken(*_args, **_kwargs):
        raise OverflowError("date value out of range")

    monkeypatch.setattr("viewer.ui.files.write_timeline", broken)
    assert w.files.export_timeline(str(out)) == []
    assert w.last_error is not None and "Could not export out.ics" in w.last_error.windowTitle()
    assert "date value out of range" in w.last_error.text()
    assert out.read_bytes() == before


def test_exporting_into_the_open_file_in_another_format_is_refused_and_keeps_it(qtbot, tmp_path):
    """Export as… onto the CSV that is open would replace the user's columns with the viewer's
    layout (as `convert IN IN` did): refused with a message, the file unchanged.  Exporting the
    open native file into itself in its own format is a save and still works."""
    src = tmp_path / "mine.csv"
    src.write_text("date,title,mycolumn\n2022-02-10,Drills begin,keep me\n", encoding="utf-8")
    before = src.read_bytes()
    w = MainWindow(read_timeline(src), read_timeline, str(src))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    link = tmp_path / "link.csv"
    link.symlink_to(src)
    for target in (src, link):
        assert w.files.export_timeline(str(target)) == []
        assert w.last_error is not None and "Could not export" in w.last_error.windowTitle()
        assert "file you opened" in w.last_error.text()
        assert src.read_bytes() == before
    native = tmp_path / "mine.timeline.json"
    write_timeline(w.timeline, native)
    w2 = MainWindow(read_timeline(native), read_timeline, str(native))
    qtbot.addWidget(w2)
    assert w2.files.export_timeline(str(native)) == []
    assert w2.last_error is None and read_timeline(native).events[0].title == "Drills begin"


def test_a_banner_advising_map_says_the_windows_way_too(qtbot, live, tmp_path):
    """newcomer10: a CSV opened in the window got "map it with --map FIELD=position" in the banner,
    an option of the command line only; in the window the way is File > Import…."""
    w, _path = live
    other = tmp_path / "talks.csv"
    other.write_text("title,start,position\nTalks,2022-02-10,43\n", encoding="utf-8")
    assert w.open_file(str(other))
    qtbot.waitUntil(w.files.banner.isVisible, timeout=3000)
    text = w.files.banner.label.text()
    assert text.startswith("In this window, File > Import… (Ctrl+I) chooses the columns")  # the window's way first
    assert "could not map" in text  # then what was left out; the command line's whole advice behind Show all
    assert "map it with --map FIELD=position" in w.files.banner.details.toPlainText()
    fine = tmp_path / "fine.timeline.json"
    save(fine, doc("one"))
    assert w.open_file(str(fine))
    assert "File > Import…" not in w.files.banner.label.text() or not w.files.banner.isVisible()


def test_after_an_import_the_banner_does_not_advise_import_and_names_the_file(qtbot, tmp_path):
    """desk3: after File > Import… → Import the banner still said "In this window, File > Import…
    (Ctrl+I) chooses the columns…" (what the user had just done), and its second row was cut
    mid-path ("viewer: /work/s…").  Now: no such advice, the file's name, the whole path in Show all."""
    folder = tmp_path / "a rather long folder name that fills the banner row at 1366 pixels" / "and one more"
    folder.mkdir(parents=True)
    src = folder / "timeline.csv"
    src.write_text("position,title,date,photo,lat\n0,Click the arrow to start,,,1\n1,Pearl Harbor,1941-12-07,a.png,2\n",
                   encoding="utf-8")
    first = tmp_path / "first.timeline.json"
    save(first, doc("one"))
    w = MainWindow(read_timeline(first), read_timeline, str(first))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_with_options(str(src), {"mapping": {"start": "date", "title": "title"},
                                                 "guess_content": False})  # the dialog's Import
    qtbot.waitUntil(w.files.banner.isVisible, timeout=3000)
    text = w.files.banner.label.text()
    assert "File > Import… (Ctrl+I) chooses" not in text
    assert "timeline.csv, line 2" in text and str(folder) not in text
    assert str(src) in w.files.banner.details.toPlainText()  # Show all: the whole path
    everything = text + w.files.banner.details.toPlainText()
    assert "--map" not in everything  # the command line's way: the dialog chose the columns
    assert "column 'position' is not mapped to any field; not loaded (to load it, give it a role in File > Import…)" \
        in w.files.banner.details.toPlainText()
