"""The session remembered between runs, and a window that fits a laptop screen.

Every test runs with QSettings pointed at a temporary folder
(``tests/conftest.py``), never the user's own settings.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QTextCursor

from viewer.io import read_timeline
from viewer.model.filters import FilterState
from viewer.model.session import saved_view_from_json, saved_view_of
from viewer.model.viewstate import ViewState
from viewer.ui.files import settings
from viewer.ui.main_window import MainWindow
from viewer.ui.session import initial_size


def tracks_doc(title="T"):
    return {"format": "timeline-viewer", "version": 1, "title": title,
            "tracks": [{"id": "a", "label": "Alpha"}, {"id": "b", "label": "Beta"}],
            "events": [{"id": "e1", "track": "a", "title": "one", "start": "2022-02-10"},
                       {"id": "e2", "track": "b", "title": "two", "start": "2022-03-10"},
                       {"id": "e3", "track": "b", "title": "three", "start": "2022-05-10"}]}


def new_window(qtbot, path, size=None):
    w = MainWindow(read_timeline(path), read_timeline, str(path))
    qtbot.addWidget(w)
    if size:
        w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def epoch_range(w):
    o = w.view.timeline.columns.origin_epoch_s
    a, b = w.state.x_range
    return a + o, b + o


def test_a_small_screen_gets_a_maximized_window_a_large_one_1600x900():
    assert initial_size((1366, 728)) == ((1366, 728), True)
    assert initial_size((2560, 1400)) == ((1600, 900), False)


def test_the_window_can_be_as_small_as_a_1366x768_laptop(make_window):
    w = make_window((1366, 768))
    hint = w.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    assert (w.width(), w.height()) == (1366, 768)


def test_at_1366x768_the_selected_quote_is_visible_without_scrolling(qtbot, make_window):
    w = make_window((1366, 768))
    w.state.selected = "lavrov-lowest-level"
    qtbot.wait(50)
    pane = w.details
    assert pane.verticalScrollBar().value() == 0
    doc = pane.document()
    title = doc.find("at their lowest level in recent years")
    quote = doc.find("at their lowest level in recent years", title)  # the quote, after the title
    speaker = doc.find("Sergey Lavrov, Russian Foreign Minister", quote)
    assert not quote.isNull() and not speaker.isNull()
    for found in (quote, speaker):
        rect = pane.cursorRect(QTextCursor(found))  # viewport pixels
        assert 0 <= rect.top() and rect.bottom() <= pane.viewport().height(), (rect, pane.viewport().height())
    # the pane, the axis and the legend are inside the window's 1366x768
    image = w.grab().toImage()
    assert (image.width(), image.height()) == (1366, 768)
    whole = QRect(0, 0, 1366, 768)
    for widget in (pane, w.view, w.legend):
        top_left = widget.mapTo(w, widget.rect().topLeft())
        assert whole.contains(QRect(top_left, widget.size())), widget


def test_restore_window_without_saved_geometry_fits_the_screen(qtbot, bundled_path):
    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    maximized = w.session.restore_window()
    avail = w.screen().availableGeometry()
    assert w.width() <= avail.width() and w.height() <= avail.height()
    assert maximized == (avail.width() < 1640 or avail.height() < 940)


def test_geometry_splitters_zone_and_file_view_come_back_next_run(qtbot, tmp_path):
    path = tmp_path / "t.timeline.json"
    path.write_text(json.dumps(tracks_doc()), encoding="utf-8")
    w = new_window(qtbot, path, (780, 560))  # inside the offscreen screen (800x600)
    w.state.display_zone = "Europe/Moscow"
    w.state.filters = FilterState(hidden_tracks=frozenset({"a"}))
    w.state.collapsed_tracks = {"b"}
    w.view.set_x_range(*[x for x in (86400.0 * 20, 86400.0 * 40)])
    shown = epoch_range(w)
    w.splitter.setSizes([460, 300])
    sizes = w.splitter.sizes()
    w.close()
    assert settings().value("session/last_file") == str(path)

    w2 = MainWindow(read_timeline(path), read_timeline, str(path))
    qtbot.addWidget(w2)
    w2.session.restore_window()
    w2.session.restore_session(offer_last=False)
    w2.show()
    qtbot.waitExposed(w2)
    assert (w2.width(), w2.height()) == (780, 560)
    assert w2.splitter.sizes() == sizes
    assert w2.state.display_zone == "Europe/Moscow"
    assert w2.state.filters.hidden_tracks == frozenset({"a"})
    assert w2.state.collapsed_tracks == frozenset({"b"})
    assert epoch_range(w2) == shown
    assert len(w2.shown.timeline.tracks) == 1  # what the user sees: Alpha stays hidden


def test_each_file_keeps_its_own_view_when_another_is_opened(qtbot, tmp_path):
    one, two = tmp_path / "one.timeline.json", tmp_path / "two.timeline.json"
    one.write_text(json.dumps(tracks_doc("One")), encoding="utf-8")
    two.write_text(json.dumps(tracks_doc("Two")), encoding="utf-8")
    w = new_window(qtbot, one, (900, 600))
    w.state.collapsed_tracks = {"a"}
    w.view.set_x_range(86400.0 * 25, 86400.0 * 35)
    in_one = epoch_range(w)
    assert w.open_file(str(two))
    assert w.state.collapsed_tracks == frozenset()  # another file starts afresh
    assert w.open_file(str(one))
    assert w.state.collapsed_tracks == frozenset({"a"})
    assert epoch_range(w) == in_one


def test_the_last_file_is_offered_at_a_start_without_a_file(qtbot, tmp_path, bundled_path):
    path = tmp_path / "last.timeline.json"
    path.write_text(json.dumps(tracks_doc("Last")), encoding="utf-8")
    settings().setValue("session/last_file", str(path))
    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.session.restore_session(offer_last=True)
    w.show()
    qtbot.waitExposed(w)
    bar = w.session.last_file_bar
    assert bar.isVisible() and "last.timeline.json" in bar.label.text()
    bar.open_button.click()
    assert w.path == str(path) and w.timeline.title == "Last" and not bar.isVisible()


def test_a_screenshot_run_leaves_the_session_alone(tmp_path, bundled_path):
    from viewer.app import main

    settings().setValue("session/display_zone", "Asia/Tokyo")
    assert main([bundled_path, "--screenshot", str(tmp_path / "s.png"), "--size", "800x500"]) == 0
    s = settings()
    assert s.value("session/display_zone") == "Asia/Tokyo" and s.value("session/geometry") is None


def test_damaged_or_stale_saved_views_are_ignored_or_trimmed(bundled_path):
    tl = read_timeline(bundled_path)
    assert saved_view_from_json("{not json", tl) is None
    assert saved_view_from_json(json.dumps({"version": 99}), tl) is None
    state = ViewState((0.0, 86400.0))
    state.filters = FilterState(hidden_tracks=frozenset({"nato", "gone"}), tags=frozenset({"no-such-tag"}))
    state.collapsed_tracks = {"uk", "gone"}
    state.dday = "band:allied-resolve-2022"
    back = saved_view_from_json(saved_view_of(state, 1e9).to_json(), tl)
    assert back.x_range_epoch == (1e9, 1e9 + 86400.0)
    assert back.kept.filters.hidden_tracks == frozenset({"nato"})
    assert back.kept.collapsed_tracks == frozenset({"uk"})
    assert back.kept.dday == "band:allied-resolve-2022"
    state.dday = "event:no-such-event"
    assert saved_view_from_json(saved_view_of(state, 0.0).to_json(), tl).kept.dday is None
    assert Path(bundled_path).exists()


def test_page_size_presentation_theme_and_colours_are_remembered(qtbot, bundled_path):
    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.picture_page = "a4"
    w.present_theme = "light"
    w.colour_actions["Dark"].trigger()
    w.session.save()
    w2 = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w2)
    w2.session.restore_session(offer_last=False)
    assert (w2.picture_page, w2.present_theme, w2.colour_choice, w2.desk_dark) == ("a4", "light", "dark", True)
    checked = [a.text().replace("&", "") for a in w2.picture_page_menu.actions() if a.isChecked()]
    assert checked == ["A4 landscape"]


def test_a_quit_right_after_an_open_keeps_the_recent_file_and_the_view_of_the_file_left(qtbot, tmp_path):
    # the settings are written after the new file's first paint (not in the swap's freeze of the window):
    # quitting before that paint must not lose them
    one, two = tmp_path / "one.timeline.json", tmp_path / "two.timeline.json"
    one.write_text(json.dumps(tracks_doc("One")), encoding="utf-8")
    two.write_text(json.dumps(tracks_doc("Two")), encoding="utf-8")
    w = new_window(qtbot, one, (900, 600))
    w.view.set_x_range(86400.0 * 25, 86400.0 * 35)
    in_one = epoch_range(w)
    assert w.open_file(str(two))
    w.close()  # File > Quit at once: no turn of the event loop, no paint of the new file

    start = MainWindow(read_timeline(two), read_timeline, str(two))  # the next run
    qtbot.addWidget(start)
    assert start.files.recent_files()[:1] == [str(two)]
    assert [a.text() for a in start.files.recent_menu.actions()][:1] == [str(two)]
    assert settings().value("session/last_file") == str(two)
    assert start.open_file(str(one))
    assert start.timeline.title == "One" and epoch_range(start) == in_one
