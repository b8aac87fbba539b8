"""A large file whose cache was rewritten (with a valid checksum) so that an event's text is another
event's opens as the file says: the background opening meets the reader's error when it builds that
event, and reads the file itself (the reader removed the cache), never a crash nor a wrong event."""

import numpy as np

from tests.io.test_bulk import RICH, _rewrite_payload, cached_read, full_read, write_file
from tests.ui.test_instant import idle
from viewer.io import bulk, cache, native, read_timeline
from viewer.ui import opening, zone_picker
from viewer.ui.main_window import MainWindow


def _swap_ids(k):
    """A cache rewrite swapping the ids of events ``k`` and ``k + 1`` (their offsets stay whole items)."""
    def swap(arrays):
        ids = arrays["ids"].tobytes().decode("utf-8").split("\n")
        ids[k], ids[k + 1] = ids[k + 1], ids[k]
        arrays["ids"] = np.frombuffer("\n".join(ids).encode("utf-8"), dtype=np.uint8)
    return swap


def _window_opening(qtbot, bundled_path, path):
    """A window on the bundled timeline that has opened ``path`` (in the background) and is idle."""
    w = MainWindow(read_timeline(bundled_path), lambda p: read_timeline(p), bundled_path)
    qtbot.addWidget(w)
    w.show()
    assert w.open_file(str(path))
    idle(qtbot, w)
    return w

def test_a_forged_cache_is_read_again_in_the_background_not_shown(tmp_path, monkeypatch, qtbot, bundled_path):
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)  # the cache written (CACHE_MIN_EVENTS 100 from here on)
    target = bulk.cache_path(str(path))
    k = [e.id for e in full.events].index("quoted")

    # every offset still on an item of the events list: only building the event tells
    _, forged = _rewrite_payload(target, _swap_ids(k))
    cache.write_checked(target, lambda fh: fh.write(forged))
    monkeypatch.setattr(native, "BULK_MIN_BYTES", 0)
    w = _window_opening(qtbot, bundled_path, path)
    assert w.path == str(path) and getattr(w, "last_error", None) is None
    events = w.timeline.events
    assert events[events.index_of("quoted")].title == "Said" and events[events.index_of("local")].title == "Local time"
    assert len(events) == len(full.events)
    with open(target, "rb") as fh:  # the cache written again, from the file
        assert fh.read()[cache._HEADER:] != forged


def test_a_forged_cache_on_the_command_line_is_read_again_not_crashed_on(tmp_path, monkeypatch, capsys):
    """The screenshot path reads the file before the window exists: the events the window builds at
    once are built first, and a cache whose text for one is another event's gives way to the file."""
    from viewer.app import main

    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)
    target = bulk.cache_path(str(path))
    k = [e.id for e in full.events].index("quoted")

    # every offset still on an item of the events list: only building the event tells
    _, forged = _rewrite_payload(target, _swap_ids(k))
    cache.write_checked(target, lambda fh: fh.write(forged))
    monkeypatch.setattr(native, "BULK_MIN_BYTES", 0)
    out = tmp_path / "s.png"
    assert main([str(path), "--select", "quoted", "--screenshot", str(out), "--size", "800x600"]) == 0
    assert out.stat().st_size > 0 and "Traceback" not in capsys.readouterr().err
    with open(target, "rb") as fh:
        assert fh.read()[cache._HEADER:] != forged


def test_an_event_built_later_from_a_forged_cache_reads_the_file_again(tmp_path, monkeypatch, qtbot, bundled_path):
    """Two plain events' ids swapped in the cache: nothing is built until one is shown.  Built from
    a Qt call (a slot, a paint), the reader's error says so in the status bar and the file is read
    again in the background, never a traceback left with the wrong event on screen."""
    from PySide6.QtCore import QTimer

    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    monkeypatch.setattr(bulk, "CHECK_SAMPLE", 0)  # no sample built while reading: only showing the event tells
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    full = full_read(path, monkeypatch)
    rich = set(cached_read(path, monkeypatch).events.facts.rich.tolist())
    target = bulk.cache_path(str(path))
    start = zone_picker._ZONE_SAMPLE  # (the opening reads the zones of the events before: any forgery there
    # is found while opening, and the file read instead)
    k = next(i for i in range(start, len(full.events) - 1) if i not in rich and i + 1 not in rich)

    # every offset still on an item of the events list: only building the event tells
    _, forged = _rewrite_payload(target, _swap_ids(k))
    cache.write_checked(target, lambda fh: fh.write(forged))
    monkeypatch.setattr(native, "BULK_MIN_BYTES", 0)
    w = _window_opening(qtbot, bundled_path, path)
    forged_timeline = w.timeline
    assert forged_timeline.events.ids[k] == full.events[k + 1].id  # the forged cache, nothing built from it yet
    QTimer.singleShot(0, lambda: w.timeline.events[k])  # as the detail pane would, from a Qt call
    qtbot.waitUntil(lambda: "reading the file again" in w.statusBar().currentMessage(), timeout=10000)
    qtbot.waitUntil(lambda: w.timeline is not forged_timeline and not w.opening.pending(), timeout=20000)
    idle(qtbot, w)
    events = w.timeline.events
    assert [events[i].id for i in (k, k + 1)] == [full.events[k].id, full.events[k + 1].id]
    with open(target, "rb") as fh:
        assert fh.read()[cache._HEADER:] != forged
