"""A window of a collection, asked of its store, is what the in-memory path shows.

``fetch_window`` over the DuckDB/Parquet and ClickHouse (chDB) stores gives
the events and density strips ``fetch_window`` over the loaded timeline
gives, on random windows (10^5 events, seeded); the event layer's frame
laid out over a window's columns places the same events as over the whole
timeline; a late answer never replaces a newer one.
"""

import numpy as np
import pytest

from viewer.graphics.frame import FrameMetrics, ViewPx, compute_frame
from viewer.model.lanes import lane_geometry
from viewer.model.store import MemoryStore
from viewer.model.store_query import StoreFilter
from viewer.model.window import (
    WindowColumns,
    WindowContent,
    WindowRequest,
    WindowTimeline,
    WindowTracker,
    fetch_density,
    fetch_visible,
    fetch_window,
    resample_density,
)

from .collection import random_windows

LANES8 = tuple(range(8))


@pytest.fixture(scope="module")
def memory(big):
    return MemoryStore(big)


@pytest.fixture(scope="module")
def duck(big_parquet):
    from viewer.io.duckstore import DuckStore

    s = DuckStore(big_parquet)
    yield s
    s.close()


def _requests(rng, extent, count, query=""):
    for t0, t1 in random_windows(rng, extent, count):
        lanes = tuple(sorted(rng.choice(LANES8, size=int(rng.integers(1, 9)), replace=False).tolist()))
        cap = int(rng.choice([50, 400, 5000]))
        yield WindowRequest(t0, t1, lanes, int(rng.integers(1, 700)), cap, 1, StoreFilter(), query, exact=True)


def _same(a: WindowContent, b: WindowContent):
    va, vb = a.visible, b.visible
    assert va.ids == vb.ids
    assert (va.total, va.lane_totals, va.crowded) == (vb.total, vb.lane_totals, vb.crowded)
    for name in ("lane", "kind", "flags"):
        np.testing.assert_array_equal(getattr(va, name), getattr(vb, name), err_msg=name)
    for name in ("x0", "x1", "xm"):
        np.testing.assert_allclose(getattr(va, name), getattr(vb, name), rtol=0, atol=1e-6, err_msg=name)
    assert va.titles == vb.titles
    assert a.complete and b.complete
    assert set(a.density) == set(b.density) == set(va.crowded)
    for lane in a.density:
        np.testing.assert_allclose(a.density[lane], b.density[lane], rtol=1e-9, atol=1e-6)
    assert a.matches == b.matches


def test_a_window_of_the_duck_store_equals_the_in_memory_one(memory, duck):
    rng = np.random.default_rng(41)
    crowded_seen = 0
    for request in _requests(rng, memory.extent(), 15):
        mine, theirs = fetch_window(duck, request), fetch_window(memory, request)
        _same(mine, theirs)
        crowded_seen += bool(mine.visible.crowded)
    assert crowded_seen >= 3  # the windows cover both cases: lanes that fit and strips


def test_a_window_with_a_search_names_the_same_matches(memory, duck):
    rng = np.random.default_rng(42)
    for request in _requests(rng, memory.extent(), 8, query="lavrov"):
        mine, theirs = fetch_window(duck, request), fetch_window(memory, request)
        _same(mine, theirs)
        assert mine.matches is not None and mine.matches <= set(mine.visible.ids)


def test_a_window_of_the_click_store_equals_the_in_memory_one(memory, big_parquet, tmp_path_factory):
    pytest.importorskip("chdb", reason="chDB (in-process ClickHouse) is not installed")
    from viewer.io.clickstore import ChdbBackend, ClickStore, load_collection

    backend = ChdbBackend(str(tmp_path_factory.mktemp("chdb-window")))
    load_collection(backend, "tv", "events", big_parquet)
    store = ClickStore(backend, "tv", "events")
    try:
        rng = np.random.default_rng(43)
        for request in _requests(rng, memory.extent(), 8):
            _same(fetch_window(store, request), fetch_window(memory, request))
    finally:
        store.close()


class _Widths:
    def label_px(self, row, font_px):
        return 120.0

    def selected_label_px(self, row, font_px):
        return 130.0


def test_the_event_layer_lays_out_a_window_as_it_does_the_whole_timeline(big, duck):
    """Where every lane fits, the frame over the window's columns places exactly the
    events the frame over the loaded columns places, at the same pixels."""
    cols = big.columns
    metrics = FrameMetrics(16, 9, 7, 448, 19.0)
    lanes = lane_geometry([t.id for t in big.tracks])
    rng = np.random.default_rng(44)
    compared = 0
    lo, hi = duck.extent()
    windows = list(random_windows(rng, duck.extent(), 3))
    for _ in range(5):  # narrow windows, where lanes are drawn event by event
        t0 = float(rng.uniform(lo, hi))
        windows.append((t0, t0 + float(np.exp(rng.uniform(np.log(600.0), np.log(3 * 86400.0))))))
    for t0, t1 in windows:
        content = fetch_window(duck, WindowRequest(t0, t1, LANES8, 3000, 100_000, exact=True))
        window = WindowTimeline.of(content, big, cols.origin_epoch_s)
        o = cols.origin_epoch_s
        a, b = t0 - o, t1 - o
        sx = 6000.0 / (b - a)  # wide and 400 px lanes: room for the open events every window meets
        view = ViewPx(a, b, 0.0, float(len(big.tracks)), sx, -a * sx, 400.0, 0.0)
        whole = compute_frame(("k",), cols, lanes, view, metrics, _Widths(), None)
        part = compute_frame(("k",), window.columns, lanes, view, metrics, _Widths(), None)
        placed = {cols.ids[p.row]: (p.slot, round(p.marker_x, 6), p.label_width) for p in whole.placements}
        got = {window.columns.ids[p.row]: (p.slot, round(p.marker_x, 6), p.label_width) for p in part.placements}
        assert got == placed
        assert set(part.density) == set(whole.density)
        for lane in whole.density:  # strips counted by the store equal the columns' own
            np.testing.assert_allclose(part.density[lane][1], whole.density[lane][1], atol=1e-6)
        compared += len(placed)
    assert compared > 2_000


def test_late_answers_never_replace_newer_ones(memory):
    tracker = WindowTracker()
    lo, hi = memory.extent()
    old = tracker.ask(lo, hi, LANES8, 100, cap=10)
    new = tracker.ask(lo, (lo + hi) / 2, LANES8, 100, cap=10)
    assert not tracker.is_latest(old) and tracker.is_latest(new)
    new_part = fetch_visible(memory, new)
    assert not new_part.complete  # 10 events cannot hold a year: strips to come
    assert tracker.offer(new_part)
    assert not tracker.offer(fetch_window(memory, old))  # the older window, late: refused
    assert tracker.shown is new_part
    whole = fetch_density(memory, new_part)
    assert tracker.offer(whole) and tracker.shown is whole  # the same window, filled in
    assert not tracker.offer(new_part)  # never back to the partial answer


def test_strips_are_stretched_to_the_new_window_while_its_answer_is_on_its_way(memory, big):
    lo, hi = memory.extent()
    content = fetch_window(memory, WindowRequest(lo, hi, LANES8, 500, 10))
    assert content.visible.crowded
    cols = WindowColumns.of(content, big.columns.origin_epoch_s, len(big.tracks))
    lane = content.visible.crowded[0]
    o = big.columns.origin_epoch_s
    same = cols.density(lane, lo - o, hi - o, 500)
    np.testing.assert_allclose(same, content.density[lane])
    half = cols.density(lane, lo - o, (lo + hi) / 2 - o, 250)
    np.testing.assert_allclose(half.sum(), content.density[lane][:250].sum(), rtol=1e-9)
    assert cols.count_markers(lane, lo - o, hi - o) == content.visible.lane_totals[lane]


def test_resampling_keeps_the_events_inside_the_overlap():
    counts = np.array([1.0, 2.0, 3.0, 4.0])
    np.testing.assert_allclose(resample_density(counts, 0, 4, 0, 4, 8), [0.5, 0.5, 1, 1, 1.5, 1.5, 2, 2])
    np.testing.assert_allclose(resample_density(counts, 0, 4, 2, 6, 2), [7.0, 0.0])
    assert resample_density(counts, 0, 4, 10, 20, 3).sum() == 0


def test_until_the_new_strips_arrive_the_last_ones_stand_in(memory, big):
    lo, hi = memory.extent()
    o = big.columns.origin_epoch_s
    old = fetch_window(memory, WindowRequest(lo, hi, LANES8, 500, 10))
    mid = (lo + hi) / 2
    new = fetch_visible(memory, WindowRequest(lo, mid, LANES8, 500, 10, generation=2))
    assert new.density is None and new.visible.crowded
    lane = new.visible.crowded[0]
    waiting = WindowColumns.of(new, o, len(big.tracks), previous=old)
    np.testing.assert_allclose(waiting.density(lane, lo - o, mid - o, 250),
                               resample_density(old.density[lane], lo - o, hi - o, lo - o, mid - o, 250))
    alone = WindowColumns.of(new, o, len(big.tracks))
    assert not alone.density(lane, lo - o, mid - o, 250).any()
    filled = WindowColumns.of(fetch_density(memory, new), o, len(big.tracks), previous=old)
    np.testing.assert_allclose(filled.density(lane, lo - o, mid - o, 500),
                               memory.density(lo, mid, [lane], 500)[0])


def test_a_drawn_lanes_matches_are_named_when_a_strips_matches_would_fill_the_cap():
    """Lane 0 is a density strip (12 events, cap 10), lane 1 is drawn (3 events).  A search
    matching 9 events of lane 0 and 2 of lane 1 dims lane 1's other event, never its matches."""
    from viewer.io.native import timeline_from_dict

    def event(i: int, track: str, title: str) -> dict:
        return {"id": f"{track}{i}", "track": track, "title": title, "start": {"edtf": f"2022-02-{10 + i}"}}

    tl = timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "strip and lane",
        "tracks": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
        "events": [event(i, "a", "talks" if i < 9 else "drills") for i in range(12)]
        + [event(i, "b", "talks" if i < 2 else "drills") for i in range(3)]})
    store = MemoryStore(tl)
    lo, hi = store.extent()
    content = fetch_visible(store, WindowRequest(lo - 86400, hi + 86400, (0, 1), 50, cap=10, query="talks"))
    assert content.visible.crowded == (0,) and set(content.visible.ids) == {"b0", "b1", "b2"}
    assert content.matches == {"b0", "b1"}
    assert content.match_total == 11
