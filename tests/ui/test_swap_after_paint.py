"""Opening a large file: what is not needed for its first picture (settings written, the overview
strip filled) comes in a later turn of the event loop (viewer/ui/after_paint.py), so the window
answers between the new lanes' paint and the rest; what a user does in that gap applies to the
new file, never the one left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.io.test_search_index import write_big
from viewer.io import read_timeline
from viewer.io import search_index as si
from viewer.ui import opening, search_jobs
from viewer.ui.main_window import MainWindow


def test_a_filter_and_a_key_right_after_a_large_open_apply_to_the_new_file(tmp_path, monkeypatch, qtbot,
                                                                           bundled_path):
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    monkeypatch.setattr(si, "INDEX_MIN_EVENTS", 100)
    monkeypatch.setattr(search_jobs, "INDEX_MIN_EVENTS", 100)
    path = write_big(tmp_path / "big.timeline.json")  # 3000 events on tracks t0, t1, t2
    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    seen = {}

    def right_after_the_swap(_timeline) -> None:  # the swap's last listener: nothing painted yet
        if w.path != path or seen:
            return
        seen["strip was the file left's"] = w.overview.timeline is not w.shown.timeline
        before = w.state.x_range
        QTest.keyClick(w.overview, Qt.Key.Key_Plus)  # on the strip not yet drawn: the view stays
        seen["view stayed"] = w.state.x_range == before
        w.state.filters = w.state.filters.with_track_hidden("t0", True)
        w.state.selected = "e00004"  # on t1

    w.sigTimelineChanged.connect(right_after_the_swap)
    assert w.open_file(path)
    qtbot.waitUntil(lambda: w.path == path and w.overview.timeline is w.shown.timeline
                    and not w.jobs_pending(), timeout=20000)
    assert seen == {"strip was the file left's": True, "view stayed": True}
    # the filter toggled in the gap is the new file's: 1000 of its 3000 events hidden, in the view and the strip
    assert len(w.shown.timeline.events) == 2000 and w.view.timeline is w.shown.timeline
    assert w.overview.timeline is w.shown.timeline
    assert w.state.selected == "e00004" and w.shown.timeline.has_event("e00004")
    # the strip answers again: + zooms the new file's view in
    a, b = w.state.x_range
    QTest.keyClick(w.overview, Qt.Key.Key_Plus)
    assert w.state.x_range[1] - w.state.x_range[0] < (b - a) * 0.6
