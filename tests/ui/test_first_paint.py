"""Opening a large file: the opening bar (progress, Cancel) comes and goes without moving the
window's contents, and the first picture painted after the swap is the new file's, at the size
and range it keeps (painted once, not once at the old layout and again after it)."""

from __future__ import annotations

import threading

from tests.io.test_search_index import write_big
from viewer.graphics import events as gev
from viewer.io import read_timeline
from viewer.io import search_index as si
from viewer.ui import opening, search_jobs
from viewer.ui.main_window import MainWindow


def _window(qtbot, bundled_path, width=1400):
    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.resize(width, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def _where(widget, window) -> tuple:
    """The widget's rectangle in window coordinates (what a user sees move)."""
    return (widget.mapTo(window, widget.rect().topLeft()).toTuple(), widget.size().toTuple())


def test_the_opening_bar_shows_progress_and_cancel_and_the_timeline_does_not_jump(tmp_path, monkeypatch, qtbot,
                                                                                bundled_path):
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    path = write_big(tmp_path / "big.timeline.json")
    go_on = threading.Event()
    read = opening.read_timeline_report

    def slow_read(*args, **kwargs):
        go_on.wait(20)
        return read(*args, **kwargs)

    monkeypatch.setattr(opening, "read_timeline_report", slow_read)
    w = _window(qtbot, bundled_path)
    view_before, pane_before = _where(w.view, w), _where(w.details, w)
    assert w.open_file(path)
    bar = w.opening.bar
    qtbot.waitUntil(lambda: bar.isVisible())
    qtbot.wait(50)  # any relayout the bar would cause has happened
    assert "Opening big.timeline.json" in bar.label.text()
    assert bar.progress.isVisible() and bar.cancel.isVisible() and bar.cancel.text() == "Cancel"
    # nothing of the window moved or shrank when it came
    assert _where(w.view, w) == view_before and _where(w.details, w) == pane_before
    # the bar lies over the timeline's top edge, under the title, across the window
    assert bar.geometry().top() == w.splitter.geometry().top() and bar.width() == w.centralWidget().width()
    bar.cancel.click()
    go_on.set()
    assert not bar.isVisible()
    qtbot.wait(50)
    assert _where(w.view, w) == view_before and _where(w.details, w) == pane_before
    assert w.path == bundled_path  # cancelled: the file left is still shown


def test_the_first_picture_after_an_open_is_the_new_files_painted_once_at_its_size(tmp_path, monkeypatch, qtbot,
                                                                                  bundled_path):
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    path = write_big(tmp_path / "big.timeline.json")
    w = _window(qtbot, bundled_path, 1920)  # the file left's legend takes a line more than the new file's
    legend_before = w.legend.height()
    painted = []
    paint = gev.EventLayerItem.paint

    def recording(item, p, opt, widget):
        vb = item.getViewBox()
        painted.append((item.timeline, vb.viewRange()[0], vb.size().toTuple(), p.device() is w.view.viewport()))
        return paint(item, p, opt, widget)

    monkeypatch.setattr(gev.EventLayerItem, "paint", recording)
    swapped = []
    w.sigTimelineChanged.connect(lambda _t: swapped.append(len(painted)))
    assert w.open_file(path)
    qtbot.waitUntil(lambda: w.path == path and not w.jobs_pending(), timeout=20000)
    qtbot.wait(100)
    assert w.legend.height() < legend_before  # (what made the window be laid out again)
    on_screen = [entry for entry in painted[swapped[0]:] if entry[3]]
    assert on_screen, "the new file was never painted"
    first = on_screen[0]
    # the new file's events, never the file left's, at the range and size the window then keeps
    assert first[0] is w.shown.timeline
    final_range = w.view._vb.viewRange()[0]
    assert first[1] == final_range
    assert first[2] == w.view.events_item.getViewBox().size().toTuple()
    # painted once for that picture: no second whole paint after a relayout in the same pass
    assert all(entry[2] == first[2] for entry in on_screen)


def test_the_events_list_fills_after_the_new_files_first_picture_never_with_the_file_lefts_rows(
        tmp_path, monkeypatch, qtbot, bundled_path):
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    monkeypatch.setattr(si, "INDEX_MIN_EVENTS", 100)
    monkeypatch.setattr(search_jobs, "INDEX_MIN_EVENTS", 100)
    path = write_big(tmp_path / "big.timeline.json")  # 3000 events e00000...
    w = _window(qtbot, bundled_path)
    listing = w.event_list.source_model
    left = {listing.event_id(r) for r in range(listing.rowCount())}
    seen = {}

    def at_the_swap(_timeline) -> None:  # the swap's last listener: nothing painted yet
        if w.path == path and not seen:
            ids = {listing.event_id(r) for r in range(listing.rowCount())}
            seen["rows of the file left"] = len(ids & left)
            seen["rows listed"] = len(ids)

    w.sigTimelineChanged.connect(at_the_swap)
    assert w.open_file(path)
    qtbot.waitUntil(lambda: w.path == path and not w.jobs_pending(), timeout=20000)
    qtbot.waitUntil(lambda: listing.rowCount() == 3000)
    # the list was empty for the new file's first picture (its rows painted in a later turn)
    assert seen == {"rows of the file left": 0, "rows listed": 0}
    assert listing.event_id(0) == "e00000" or listing.event_id(0).startswith("e0")
    # and a selection of the new file finds its row
    w.state.selected = "e00004"
    assert w.event_list.currentIndex().isValid()
    assert listing.event_id(w.event_list.currentIndex().row()) == "e00004"


def test_the_swap_and_the_new_files_first_picture_are_two_turns_of_the_event_loop(tmp_path, monkeypatch, qtbot,
                                                                                 bundled_path):
    """A paint asked for while the file was read (the opening bar's clock, a hover) came in the
    swap's own pass, so the swap and the new lanes' first paint held the GUI thread as one block
    (at 10^6 events 43 ms of its CPU, where they had been turns of 16 and 37 ms): now a timer due
    when the swap ends (a heartbeat, what the window has to answer) fires before that paint, and
    the first picture is still the new file's."""
    import time

    from PySide6.QtCore import QTimer

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    path = write_big(tmp_path / "big.timeline.json")
    w = _window(qtbot, bundled_path)
    go_on = threading.Event()
    read = opening.read_timeline_report

    def slow_read(*args, **kwargs):
        go_on.wait(20)
        return read(*args, **kwargs)

    monkeypatch.setattr(opening, "read_timeline_report", slow_read)
    order: list[str] = []
    paint = gev.EventLayerItem.paint

    def recording(item, p, opt, widget):
        if p.device() is w.view.viewport() and w.path == path:
            order.append("lanes painted" if item.timeline is w.shown.timeline else "the file left's lanes painted")
        return paint(item, p, opt, widget)

    monkeypatch.setattr(gev.EventLayerItem, "paint", recording)
    probe = QTimer()
    probe.setSingleShot(True)
    probe.setInterval(0)  # due as soon as the swap's turn ends
    probe.timeout.connect(lambda: order.append("the window answered"))

    def at_the_swap(_timeline) -> None:
        if w.path == path and not order:
            order.append("swap")
            probe.start()

    w.sigTimelineChanged.connect(at_the_swap)
    assert w.open_file(path)
    qtbot.wait(50)
    w.view.viewport().update()  # a paint asked for while the file is read
    go_on.set()
    deadline = time.monotonic() + 20
    while any(t.name == "open-file" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.01)  # the swap now waits in the queue, with that paint
    qtbot.waitUntil(lambda: w.path == path and not w.jobs_pending(), timeout=20000)
    qtbot.waitUntil(lambda: "lanes painted" in order)
    assert order[:3] == ["swap", "the window answered", "lanes painted"], order
    assert w.updatesEnabled()
