"""A new user's report on a 10^5-event collection: same-instant counts ("28 on Thu 8 Sep 2022")
showed on Track 2 only and nothing said why: the banner spoke of "a track beyond the 5,000 events
loaded", not which.  The status line now names the strips whose stacks are counted (the tracks
whose events are loaded) and says the store counts the others without; the banner points there."""

from __future__ import annotations

import re

import pytest

from tests.ui.collection_windows import shown_collection

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def twenty(tmp_path_factory):
    from viewer.io.synthetic_store import write_synthetic_collection

    path = tmp_path_factory.mktemp("stackstatus") / "twenty.parquet"
    write_synthetic_collection(str(path), 20_000)
    return path


def test_the_status_line_names_the_strips_that_count_their_stacks(qtbot, twenty):
    w = shown_collection(qtbot, twenty, size=(1366, 768))
    view = w.view
    view.show_extent(*w.store.extent())
    assert w.wait_drawn(20.0)
    qtbot.waitUntil(lambda: (view.events_item.update(), bool(view.events_item._frame and
                                                              view.events_item._frame.stacks))[1], timeout=10000)
    w._say_drawn()
    frame = view.events_item._frame
    crowded = set(w.tracker.shown.visible.crowded)
    names = {lane: w.base.tracks[view.order[lane]].label for lane in frame.density}
    loaded = {lane for lane in frame.density if view.order[lane] not in crowded}
    assert loaded and len(loaded) < len(frame.density)  # some strips of loaded events, some counted by the store
    status = w.statusBar().currentMessage()
    said = re.search(r"stacks counted on (.+?), whose events are loaded", status)
    assert said, status
    named = said.group(1)
    for lane in sorted(loaded)[:3]:
        assert names[lane] in named, (names[lane], status)
    for lane in set(frame.density) - loaded:
        assert not re.search(rf"\b{re.escape(names[lane])}\b(?!\d)", named), (names[lane], status)
    # every stack drawn is on a strip the status line counts as loaded
    assert {lane for lane, *_ in frame.stacks} <= loaded
    assert "the status line says which strips" in w.banner.text(), w.banner.text()


def test_no_stacks_counted_is_said_when_the_store_counts_every_strip(qtbot, twenty):
    w = shown_collection(qtbot, twenty, size=(1366, 768))
    w.cap = 10  # (every track in view beyond the cap: all strips counted by the store)
    w.view.show_extent(*w.store.extent())
    assert w.wait_drawn(20.0)
    w._say_drawn()
    frame = w.view.events_item._frame
    assert frame.density and not frame.stacks
    assert "no stacks counted: the store counts these strips" in w.statusBar().currentMessage()
