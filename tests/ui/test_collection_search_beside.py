"""A search in a collection (a scan of every row without a search index: 15-24 s at 10^8
events) runs beside the window's frames: a pan asked while it scans is drawn at once, and the
search's count and its page of matches arrive after, for the text searched.  The detail pane's
"event by id" does not wait behind the frames either."""

import threading

import pytest

from viewer.io.duckstore import DuckStore
from viewer.ui.collection_window import CollectionWindow


class _SlowSearch(DuckStore):
    """A collection whose search takes as long as the test says."""

    release = threading.Event()
    started = threading.Event()

    def quick_count(self, query, count_to=None):
        return None  # no quicker count: the window waits for the search (a scan)

    def search(self, query, cap=1000):
        self.started.set()
        self.release.wait(60.0)
        return super().search(query, cap)


def _listed(w):
    return [w.list.item(i, 2).text() for i in range(w.list.rowCount())]


def test_a_pan_while_a_search_scans_gets_its_frame(qtbot, collection):
    _SlowSearch.release, _SlowSearch.started = threading.Event(), threading.Event()
    w = CollectionWindow(_SlowSearch(str(collection)), collection.name)
    qtbot.addWidget(w)
    try:
        w.resize(1500, 900)
        w.show()
        qtbot.waitExposed(w)
        assert w.wait_drawn(20.0)
        w.set_query("Lavrov")
        qtbot.waitUntil(_SlowSearch.started.is_set, timeout=20000)
        assert w.search_count.text() == ""  # the count is still on its way
        a, b = w.view.window()
        w.view.set_window(a + (b - a) / 3, b + (b - a) / 3)
        w.view.ask_again()
        assert w.wait_drawn(20.0, settled=False)  # drawn while the search is held
        assert w.tracker.shown.request.t0 == pytest.approx(a + (b - a) / 3)
        assert w.search_count.text() == ""
    finally:
        _SlowSearch.release.set()
    assert w.wait_drawn(20.0)
    assert w.search_count.text() == "1 match"
    assert any("Lavrov" in title for title in _listed(w)) and len(_listed(w)) == 1


def test_a_cleared_search_never_brings_its_page_back(qtbot, collection):
    """The matches' page is answered in the searches' thread, the whole list in the windows'
    one: a page of an older search that arrives last is not shown."""
    _SlowSearch.release, _SlowSearch.started = threading.Event(), threading.Event()
    w = CollectionWindow(_SlowSearch(str(collection)), collection.name)
    qtbot.addWidget(w)
    w.resize(1500, 900)
    w.show()
    assert w.wait_drawn(20.0)
    everything = _listed(w)
    w.set_query("Lavrov")
    qtbot.waitUntil(_SlowSearch.started.is_set, timeout=20000)
    w.set_query("")
    _SlowSearch.release.set()
    assert w.wait_drawn(20.0)
    assert _listed(w) == everything and w.search_count.text() == ""
