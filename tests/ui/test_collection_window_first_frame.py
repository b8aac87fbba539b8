"""The window's first frame does not wait for the collection's long scans: the tag
counts (a scan of every row, seconds at 10^8 events) are counted beside the frames,
and the tag list says so until they arrive."""

import threading

from viewer.io.duckstore import DuckStore
from viewer.ui.collection_window import COUNTING_TAGS, CollectionWindow


class _SlowTags(DuckStore):
    """A collection whose tag count takes as long as the test says (a 10^8-event scan)."""

    release = threading.Event()

    def facet_counts(self, facet, window=None, filters=None):
        if facet == "tags":
            self.release.wait(60.0)
        return super().facet_counts(facet, window, filters)


def _tags(w):
    return [w.tag_list.item(i).text() for i in range(w.tag_list.count())]


def test_frames_are_drawn_while_the_tags_are_still_counted(qtbot, collection):
    _SlowTags.release = threading.Event()
    w = CollectionWindow(_SlowTags(str(collection)), collection.name)
    qtbot.addWidget(w)
    try:
        w.resize(1500, 900)
        w.show()
        qtbot.waitExposed(w)
        assert w.wait_drawn(20.0, settled=False)
        w.view.grab()
        assert "lavrov-lowest-level" in set(w.view.drawn_ids())
        assert _tags(w) == [COUNTING_TAGS]  # the tags are being counted: the list says so
        qtbot.waitUntil(lambda: w.worker.slow_busy, timeout=20000)
        # a pan while the count runs is answered and drawn, not held behind the scan
        a, b = w.view.window()
        w.view.set_window(a + (b - a) / 3, b + (b - a) / 3)
        w.view.ask_again()
        assert w.wait_drawn(20.0, settled=False)
        assert w.tracker.shown.request.t0 <= a + (b - a) / 3
        assert _tags(w) == [COUNTING_TAGS]
    finally:
        _SlowTags.release.set()
    assert w.wait_drawn(20.0)
    tags = _tags(w)
    assert tags and COUNTING_TAGS not in tags and all(" — " in t for t in tags)
