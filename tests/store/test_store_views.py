"""Every store answers a window's questions through filters as brute force does
(10^5 events, seeded): count, a page of the event list, filtered visible events and
density, a whole frame in one call, facet counts under filters.

The stores: in memory, DuckDB over Parquet, and ClickHouse (chDB in-process);
brute force goes event by event through :func:`viewer.model.filters.event_passes`
and :func:`viewer.model.search.event_text`.
"""

import math

import numpy as np
import pytest

from viewer.model.columns import FLAG_IMPRECISE, FLAG_OPEN_END, FLAG_OPEN_START, KIND_POINT
from viewer.model.dates import EventDate
from viewer.model.facets import event_facet_values
from viewer.model.filters import FilterState, event_passes
from viewer.model.search import event_text
from viewer.model.store import MemoryStore, StoreFilter
from viewer.model.store_query import marker_bins

from .collection import LANES, random_windows

MARCH, JUNE = EventDate("2022-03-01").earliest, EventDate("2022-06-01").earliest
FILTERS = {
    "none": None,
    "actors": StoreFilter(actors=frozenset({"Lavrov", ""})),
    "tags+hidden+dates": StoreFilter(tags=frozenset({"military", "energy"}), hidden_tracks=frozenset({"t3", "t5"}),
                                     date_range=(MARCH, JUNE)),
    "sources+text": StoreFilter(sources=frozenset({"mod"}), text="said"),
    "kinds+grades": StoreFilter(source_kinds=frozenset({"news_article", ""}), grades=frozenset({""})),
    "text only": StoreFilter(text='élysée "talks at"'),
    "view filters": FilterState(actors=frozenset({"Truss", "Peskov"}), hidden_tracks=frozenset({"t0"})),
}

KINDS = ["memory", "parquet", "chdb"]


@pytest.fixture(scope="module", params=KINDS)
def store(request, big, big_parquet, tmp_path_factory):
    if request.param == "memory":
        yield MemoryStore(big)
        return
    if request.param == "parquet":
        pytest.importorskip("duckdb")
        from viewer.io.duckstore import DuckStore

        s = DuckStore(big_parquet)
    else:
        pytest.importorskip("chdb", reason="chDB (in-process ClickHouse) is not installed")
        from viewer.io.clickstore import ChdbBackend, ClickStore, load_collection

        backend = ChdbBackend(str(tmp_path_factory.mktemp("chdb-views")))
        load_collection(backend, "tv", "events", big_parquet)
        s = ClickStore(backend, "tv", "events")
    yield s
    s.close()


class Brute:
    """Brute-force answers over the in-memory timeline, one event at a time (cached per filter)."""

    def __init__(self, timeline):
        self.t = timeline
        c = timeline.columns
        o = c.origin_epoch_s
        self.row_of_event = {int(e): r for r, e in enumerate(c.event_index.tolist())}
        self.x0, self.x1, self.xm = c.x0 + o, c.x1 + o, c.xm + o
        self.masks = {}

    def passes(self, name):
        """bool per event (file order)."""
        if name not in self.masks:
            f = FILTERS[name]
            sf = StoreFilter.of(f)
            terms = sf.terms
            out = np.zeros(len(self.t.events), dtype=bool)
            for i, ev in enumerate(self.t.events):
                ok = f is None or event_passes(ev, self.t, f)
                if ok and terms:
                    text = event_text(ev, self.t)
                    ok = i in self.row_of_event and all(term in text for term in terms)
                out[i] = ok
            self.masks[name] = out
        return self.masks[name]

    def rows(self, name):
        """Drawn rows passing the filter (bool per row)."""
        return self.passes(name)[self.t.columns.event_index]

    def visible(self, name, t0, t1, lanes, cap):
        c = self.t.columns
        hit = self.rows(name) & np.isin(c.lane, list(lanes)) & (self.x0 <= t1) & (self.x1 >= t0)
        rows = np.flatnonzero(hit)
        rows = rows[np.lexsort((c.event_index[rows], self.x0[rows], c.lane[rows]))]
        counts = {int(k): int((c.lane[rows] == k).sum()) for k in sorted(set(c.lane[rows].tolist()))}
        ids, crowded, room = [], [], cap
        for lane, n in counts.items():
            if n <= room:
                ids += [c.ids[r] for r in rows[c.lane[rows] == lane]]
                room -= n
            else:
                crowded.append(lane)
        return ids, counts, tuple(crowded)

    def density(self, name, t0, t1, lane, bins):
        c = self.t.columns
        edges = np.linspace(t0, t1, bins + 1)
        out = np.zeros(bins)
        for r in np.flatnonzero(self.rows(name) & (c.lane == lane)).tolist():
            x0, x1, xm, f = self.x0[r], self.x1[r], self.xm[r], int(c.flags[r])
            if (c.kind[r] == KIND_POINT and f & FLAG_IMPRECISE and not f & (FLAG_OPEN_START | FLAG_OPEN_END)
                    and math.isfinite(x0) and math.isfinite(x1) and x1 > x0):
                if x0 < t1 and x1 > t0:
                    out += np.maximum(np.minimum(edges[1:], x1) - np.maximum(edges[:-1], x0), 0) / (x1 - x0)
            elif t0 <= xm <= t1:
                out[int(marker_bins(np.array([xm]), t0, t1, bins)[0])] += 1
        return out

    def page(self, name, offset, limit):
        c = self.t.columns
        rows = [r for r in np.flatnonzero(self.rows(name)).tolist()]
        ev = self.t.events
        rows.sort(key=lambda r: (ev[int(c.event_index[r])].sort_point, int(c.event_index[r])))
        return [c.ids[r] for r in rows[offset:offset + limit]], len(rows)

    def facet_counts(self, name, facet, window):
        f = FILTERS[name]
        sf = StoreFilter.of(f).without(facet)
        c = self.t.columns
        near = None
        if window is not None:
            hit = (self.x0 <= window[1]) & (self.x1 >= window[0])
            near = set(c.event_index[hit].tolist())
        terms = sf.terms
        out = {}
        for i, ev in enumerate(self.t.events):
            if near is not None and i not in near:
                continue
            if not event_passes(ev, self.t, sf):
                continue
            if terms and (i not in self.row_of_event or not all(t in event_text(ev, self.t) for t in terms)):
                continue
            if facet == "track":
                if ev.kind.value == "band":
                    continue
                vals = (ev.track,)
            else:
                vals = event_facet_values(ev, self.t, facet)
            for v in vals:
                v = "" if v == "(none)" else v
                out[v] = out.get(v, 0) + 1
        return out


@pytest.fixture(scope="session")
def brute(big):
    return Brute(big)


@pytest.mark.parametrize("name", list(FILTERS))
def test_filtered_visible_and_frame(store, brute, name):
    rng = np.random.default_rng(abs(hash(name)) % 1000)
    f = FILTERS[name]
    for t0, t1 in random_windows(rng, store.extent(), 8):
        lanes = sorted(rng.choice(LANES, size=int(rng.integers(1, len(LANES) + 1)), replace=False).tolist())
        ids, counts, crowded = brute.visible(name, t0, t1, lanes, 10**9)
        got = store.visible(t0, t1, lanes, cap=len(ids) + 1, filters=f)
        assert got.ids == ids and got.lane_totals == counts and not got.crowded
        cap = 20 * (1 + len(ids) // 300)
        ids, counts, crowded = brute.visible(name, t0, t1, lanes, cap)
        width = int(rng.integers(1, 500))
        frame = store.frame(t0, t1, lanes, width, cap=cap, filters=f, exact=True)
        assert (frame.visible.ids, frame.visible.lane_totals, frame.visible.crowded) == (ids, counts, crowded)
        assert frame.lanes == tuple(lanes) and frame.density.shape == (len(lanes), width)
        for lane in rng.choice(lanes, size=min(2, len(lanes)), replace=False).tolist():
            want = brute.density(name, t0, t1, lane, width)
            np.testing.assert_allclose(frame.strip(lane), want, rtol=1e-9, atol=1e-6)


@pytest.mark.parametrize("name", list(FILTERS))
def test_count_and_pages_in_time_order(store, brute, name):
    f = FILTERS[name]
    want_first, total = brute.page(name, 0, 50)
    assert store.count(f) == total
    got = store.page(0, 50, f)
    assert got.ids == want_first and got.total == total
    for offset in (total // 3, max(total - 7, 0), total + 5):
        want, _ = brute.page(name, offset, 13)
        page = store.page(offset, 13, f)
        assert page.ids == want and page.total == total
        if page.ids:
            row = brute.t.columns.row_of(page.ids[0])
            assert page.titles[0] == brute.t.event(page.ids[0]).title
            assert page.xm[0] == brute.xm[row] and page.lane[0] == brute.t.columns.lane[row]


@pytest.mark.parametrize("name", ["actors", "tags+hidden+dates", "sources+text", "view filters"])
def test_facet_counts_under_filters(store, brute, name):
    lo, _ = store.extent()
    for facet in ("track", "actors", "tags"):
        for window in (None, (lo + 3e6, lo + 9e6)):
            assert store.facet_counts(facet, window, FILTERS[name]) == brute.facet_counts(name, facet, window)


def test_density_without_filters_is_the_same_in_every_store(store, big):
    """Zoomed out (pre-aggregated counts in the SQL stores) every marker still counts once
    (over a window whose edges are bucket edges of every resolution: 30 years from 1999-12-24)."""
    mem = MemoryStore(big)
    span = 10950 * 86400.0  # a whole number of hours, days, 30 and 365 days
    lo, hi = span, 2 * span
    assert lo < store.extent()[0] and store.extent()[1] < hi
    for bins in (1, 37, 1366):
        got = store.frame(lo, hi, LANES, bins).density
        want = mem.density(lo, hi, LANES, bins)
        np.testing.assert_allclose(got.sum(axis=1), want.sum(axis=1), rtol=1e-9, atol=1e-6)
        np.testing.assert_allclose(store.density(lo, hi, LANES, bins, exact=True), want, rtol=1e-9, atol=1e-6)


def test_bad_pages_and_windows_are_refused(store):
    with pytest.raises(ValueError):
        store.page(-1, 5)
    with pytest.raises(ValueError):
        store.frame(10.0, 5.0, [0], 10)
    with pytest.raises(ValueError):
        store.frame(0.0, 5.0, [0], 0)
    assert store.page(0, 0).ids == []
