"""The per-file search index of a large native file, kept in the cache folder (``<hash>.tvsearch``),
is trusted on its metadata alone: a text changed in it ('we surrender' added to one event) made the
search bar find an event that does not hold the words.  A match is checked against the event's own
text: the index is dropped and the search scans the file, finding nothing."""

import sqlite3

from tests.io.test_search_index import write_big
from tests.ui.test_instant import idle
from viewer.io import read_timeline
from viewer.io import search_index as si
from viewer.model.search import search
from viewer.ui import search_jobs
from viewer.ui.main_window import MainWindow


def test_a_changed_text_in_the_cached_index_finds_nothing_the_file_does_not_hold(tmp_path, monkeypatch, qtbot):
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(si, "INDEX_MIN_EVENTS", 100)
    monkeypatch.setattr(search_jobs, "INDEX_MIN_EVENTS", 100)
    path = write_big(tmp_path / "big.timeline.json")
    built = si.SearchIndex.build(path, read_timeline(path))  # an earlier session's index
    con = sqlite3.connect(built.path)
    con.execute("UPDATE ev SET body = body || ' we surrender' WHERE rowid = 2500")
    con.commit()
    con.close()
    tl = read_timeline(path)
    w = MainWindow(tl, read_timeline, path)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    idle(qtbot, w)
    assert w.shown.jobs.index is not None  # the cached index was taken (its metadata is the file's)
    bar = w.search_bar
    bar.debounce.setInterval(0)
    bar.field.setText("surrender")
    idle(qtbot, w)
    qtbot.waitUntil(lambda: w.state.query == "surrender", timeout=20000)
    idle(qtbot, w)
    assert not search(tl, "surrender")
    assert tuple(w.state.matches) == ()  # not event 2500, whose text does not hold the word
    assert w.shown.jobs.index is None  # dropped: the search scans the file from now on
    bar.field.setText("protest")
    idle(qtbot, w)
    qtbot.waitUntil(lambda: w.state.query == "protest", timeout=20000)
    idle(qtbot, w)
    assert tuple(w.state.matches) == search(tl, "protest")
