"""A file that changes on disk while it is being opened (breakit4 guifault 'changed' and
'truncated': a 10^5-event file rewritten or cut in half 0.2 s into its background opening).
The watcher only watches a file from the moment it is shown, so the change fell between
the two: the window showed the version read, as the file, with no banner and no reload.

What a user sees now: the moment the file is shown, the banner says it changed while it was
read and that it is read again; then the new content (or, when the new content cannot be
read, the red "changed on disk but cannot be read" banner).  An opening that failed on a
version rewritten meanwhile reads the file again instead of reporting a version gone."""

from __future__ import annotations

import json

import pytest

from tests.io.test_search_index import write_big
from viewer.io import read_timeline
from viewer.io import search_index as si
from viewer.ui.main_window import MainWindow

WHILE_READ = "changed on disk while it was being read"


def idle(qtbot, w, timeout=30000):
    qtbot.waitUntil(lambda: not w.jobs_pending(), timeout=timeout)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A window showing a small file; files of 1 KB or more are opened in the background."""
    from viewer.ui import opening

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    small = tmp_path / "small.timeline.json"
    small.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Small",
                                 "tracks": [{"id": "t", "label": "T"}],
                                 "events": [{"id": "s1", "track": "t", "title": "Small one", "start": "2020-01-01"}]}),
                     encoding="utf-8")
    w = MainWindow(read_timeline(str(small)), read_timeline, str(small))
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    idle(qtbot, w)
    return w


def rewrite(path, title: str) -> None:
    """Another program rewrites the file: event e00005 gets ``title``."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    for ev in doc["events"]:
        if ev["id"] == "e00005":
            ev["title"] = title
    path.write_text(json.dumps(doc), encoding="utf-8")


def changing_during_read(monkeypatch, module, change) -> None:
    """``module``'s reader reads the file, then ``change()`` rewrites it before the result is
    shown (as a writer does while a large file is parsed)."""
    real = module.read_timeline_report
    done = []

    def read(*args, **kwargs):
        try:
            return real(*args, **kwargs)
        finally:
            if not done:  # once: the reading again sees the file as it is now
                done.append(True)
                change()

    monkeypatch.setattr(module, "read_timeline_report", read)


def shown_at_swap(qtbot, w, path) -> str:
    """Waits for the swap to ``path``; what the banner and the bar say in that very turn."""
    seen = []

    def on_changed(_timeline):
        if w.path == str(path) and not seen:
            seen.append((w.files.banner.isVisible(), w.files.banner.label.text()))

    w.sigTimelineChanged.connect(on_changed)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    qtbot.wait(1)  # the rest of the swap's turn
    banner = w.files.banner
    return (banner.label.text() if banner.isVisible() else "") + " | " + \
        (w.opening.bar.label.text() if w.opening.bar.isVisible() else "")


def test_a_large_file_rewritten_while_opened_is_said_so_at_once_then_read_again(qtbot, window, tmp_path,
                                                                                monkeypatch):
    from viewer.ui import opening

    w = window
    path = tmp_path / "big.timeline.json"
    write_big(path)
    changing_during_read(monkeypatch, opening, lambda: rewrite(path, "Edited elsewhere"))
    assert w.open_file(str(path))
    said = shown_at_swap(qtbot, w, path)
    assert w.path == str(path)
    if w.timeline.event("e00005").title != "Edited elsewhere":  # the version read: never as the file, silently
        assert f"big.timeline.json {WHILE_READ}" in said
    qtbot.waitUntil(lambda: w.timeline.event("e00005").title == "Edited elsewhere", timeout=20000)
    idle(qtbot, w)
    assert w.timeline.event("e00005").title == "Edited elsewhere"
    assert not w.files.banner.isVisible()  # the file as it is: nothing left to say


def test_a_large_file_cut_in_half_while_opened_ends_in_the_red_banner(qtbot, window, tmp_path, monkeypatch):
    from viewer.ui import opening

    w = window
    path = tmp_path / "big.timeline.json"
    write_big(path)
    raw = path.read_bytes()
    changing_during_read(monkeypatch, opening, lambda: path.write_bytes(raw[:len(raw) // 2]))
    assert w.open_file(str(path))
    said = shown_at_swap(qtbot, w, path)
    assert WHILE_READ in said
    banner = w.files.banner
    qtbot.waitUntil(lambda: "changed on disk but cannot be read" in banner.label.text(), timeout=20000)
    idle(qtbot, w)
    assert banner.isVisible() and banner.error
    assert "still showing the last good version" in banner.label.text()


def test_an_opening_that_failed_on_a_version_rewritten_meanwhile_reads_the_file_again(qtbot, window, tmp_path,
                                                                                    monkeypatch):
    from viewer.ui import opening

    w = window
    path = tmp_path / "big.timeline.json"
    write_big(path)
    good = path.read_bytes()
    path.write_bytes(good[:len(good) // 2])  # half written when the opening starts...
    changing_during_read(monkeypatch, opening, lambda: path.write_bytes(good))  # ...whole before it ends
    errors = []
    monkeypatch.setattr(w, "show_error", lambda *a, **k: errors.append(a))
    assert w.open_file(str(path))
    qtbot.waitUntil(lambda: w.path == str(path), timeout=20000)
    idle(qtbot, w)
    assert errors == []  # no dialog about a version that is gone
    assert len(w.timeline.events) == 3000


def test_a_small_file_rewritten_while_opened_is_said_so_then_read_again(qtbot, window, tmp_path, monkeypatch):
    from viewer.ui import files

    w = window
    path = tmp_path / "other.timeline.json"
    doc = {"format": "timeline-viewer", "version": 1, "title": "Other",
           "tracks": [{"id": "t", "label": "T"}],
           "events": [{"id": "e00005", "track": "t", "title": "As first read", "start": "2021-01-01"}]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    changing_during_read(monkeypatch, files, lambda: rewrite(path, "Edited elsewhere"))
    assert w.open_file(str(path))
    assert w.path == str(path) and w.timeline.event("e00005").title == "As first read"
    assert WHILE_READ in w.files.banner.label.text() and w.files.banner.isVisible()
    qtbot.waitUntil(lambda: w.timeline.event("e00005").title == "Edited elsewhere", timeout=10000)
    assert not w.files.banner.isVisible()


def test_the_file_named_on_the_command_line_rewritten_while_read_is_said_so_then_read_again(
        qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from viewer.app import main
    from viewer.io import registry

    path = tmp_path / "start.timeline.json"
    doc = {"format": "timeline-viewer", "version": 1, "title": "Start", "tracks": [{"id": "t", "label": "T"}],
           "events": [{"id": "e00005", "track": "t", "title": "As first read", "start": "2021-01-01"}]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    changing_during_read(monkeypatch, registry, lambda: rewrite(path, "Edited elsewhere"))
    seen = {}

    def run_loop(app):  # instead of the event loop: what the user sees at start, then a little later
        w = next(t for t in QApplication.topLevelWidgets() if isinstance(t, MainWindow) and t.isVisible())
        seen["first"] = (w.timeline.event("e00005").title, w.files.banner.isVisible(), w.files.banner.label.text())
        qtbot.waitUntil(lambda: w.timeline.event("e00005").title == "Edited elsewhere", timeout=10000)
        seen["then"] = w.files.banner.isVisible()
        w.close()
        w.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_loop)
    assert main([str(path), "--size", "900x600"]) == 0
    title, banner_shown, said = seen["first"]
    assert title == "As first read" and banner_shown and WHILE_READ in said
    assert seen["then"] is False


def test_saving_over_a_file_whose_opening_was_cancelled_is_no_change_seen_late(qtbot, window, tmp_path, monkeypatch):
    """The identity noted for an opening that never showed its file is forgotten: the window's
    own save over that file later is not announced as a change while reading, nor read again."""
    import threading

    from viewer.ui import opening

    w = window
    path = tmp_path / "big.timeline.json"
    write_big(path)
    release = threading.Event()
    real = opening.read_timeline_report
    monkeypatch.setattr(opening, "read_timeline_report", lambda *a, **k: release.wait(10) and real(*a, **k))
    assert w.open_file(str(path))
    qtbot.waitUntil(w.opening.bar.isVisible, timeout=5000)
    w.opening.bar.cancel.click()
    release.set()
    shown = w.timeline
    assert w.authoring.save_to(str(path))  # the small timeline saved over it
    qtbot.wait(800)  # a reload would come RELOAD_DELAY_MS after a change seen
    assert WHILE_READ not in w.files.banner.label.text()
    assert w.timeline is shown and w.path == str(path)
