"""The ClickHouse store answers as brute force does (10^5 events, seeded).

Two ClickHouses: in-process through chDB (``chdb`` on PyPI, ClickHouse 25+), and
a real server on 127.0.0.1 over the native protocol (``clickhouse-driver``):
Debian's ``clickhouse-server`` 18.16, started for the run from a temporary
folder (``conftest.clickhouse_url``), with the legacy table layout.  The
answers checked on both (``any_store``) must be the same.
"""

import numpy as np
import pytest

from viewer.model.errors import TimelineLoadError
from viewer.model.store import MemoryStore

from .collection import (
    LANES,
    brute_density,
    brute_fit,
    brute_lane_counts,
    brute_search,
    brute_visible,
    edge_windows,
    random_windows,
)

chdb = pytest.importorskip("chdb", reason="chDB (in-process ClickHouse) is not installed: pip install chdb")

from viewer.io.clickstore import (  # noqa: E402
    ChdbBackend,
    ClickStore,
    NativeBackend,
    legacy_sql,
    load_collection,
    open_url,
    read_clickhouse_report,
)


@pytest.fixture(scope="module")
def store(big_parquet, tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("chdb"))
    backend = ChdbBackend(folder)
    load_collection(backend, "tv", "events", big_parquet)
    s = ClickStore(backend, "tv", "events")
    yield s
    s.close()


@pytest.fixture(scope="module")
def server_store(big_parquet, clickhouse_url):
    """The collection loaded into the test server's ``tv`` database, opened by its address."""
    from urllib.parse import urlsplit

    parts = urlsplit(clickhouse_url)
    backend = NativeBackend(parts.hostname, parts.port, "default", "default", "")
    try:
        load_collection(backend, "tv", "events", big_parquet)
    finally:
        backend.close()
    s = open_url(f"clickhouse://{parts.hostname}:{parts.port}/tv?table=events&protocol=native")
    yield s
    s.close()


@pytest.fixture(params=["chdb", "server"])
def any_store(request):
    """The chDB store, then the same collection on the ClickHouse server."""
    return request.getfixturevalue("store" if request.param == "chdb" else "server_store")


def test_the_server_is_reached_natively_with_the_legacy_layout(server_store):
    """On 18.16 the store talks the native protocol, booleans are UInt8 and the sort key is
    not nullable (18.16 has neither Bool nor nullable keys)."""
    backend = server_store.backend
    assert isinstance(backend, NativeBackend)
    _, rows = server_store._rows("SELECT name, type FROM system.columns WHERE database = 'tv' AND table = 'events' "
                                 "AND name IN ('drawn', 'sort_point', 'file_index') ORDER BY name")
    if backend.legacy:
        assert rows == [["drawn", "UInt8"], ["file_index", "Int64"], ["sort_point", "Float64"]]
    sql = "SELECT 'true', x AND true, 'it\\'s false' OR false"
    assert legacy_sql(sql) == "SELECT 'true', x AND 1, 'it\\'s false' OR 0"  # words in strings stay


def test_visible_equals_brute_force(big, any_store):
    store = any_store
    rng = np.random.default_rng(21)
    assert store.n_events == len(big.events)
    for t0, t1 in random_windows(rng, store.extent(), 20):
        lanes = sorted(rng.choice(LANES, size=int(rng.integers(1, len(LANES) + 1)), replace=False).tolist())
        want = brute_visible(big, t0, t1, lanes)
        got = store.visible(t0, t1, lanes, cap=len(want) + 10)
        assert got.ids == want and got.total == len(want)
        cap = 30 * (1 + len(want) // 400)  # some lanes fit, some are crowded
        ids, counts, crowded = brute_fit(big, t0, t1, lanes, cap)
        capped = store.visible(t0, t1, lanes, cap=cap)
        assert (capped.ids, capped.lane_totals, capped.crowded) == (ids, counts, crowded)
        assert capped.total == len(want) and capped.truncated == bool(crowded)


def test_density_equals_brute_force_and_the_duck_store(big, big_parquet, any_store):
    from viewer.io.duckstore import DuckStore

    store = any_store
    rng = np.random.default_rng(22)
    for t0, t1 in random_windows(rng, store.extent(), 5):
        bins = int(rng.integers(1, 300))
        lanes = [int(rng.choice(LANES)), 4]
        got = store.density(t0, t1, lanes, bins, exact=True)
        for i, lane in enumerate(lanes):
            np.testing.assert_allclose(got[i], brute_density(big, t0, t1, lane, bins), rtol=1e-9, atol=1e-6)
    # zoomed out: the same count tables as the Parquet collection's, the same strips
    lo, hi = store.extent()
    duck = DuckStore(big_parquet)
    try:
        for bins in (40, 2000):
            np.testing.assert_allclose(store.density(lo, hi, LANES, bins), duck.density(lo, hi, LANES, bins),
                                       rtol=1e-9, atol=1e-6)
    finally:
        duck.close()


def test_search_facets_event(big, any_store):
    store = any_store
    mem = MemoryStore(big)
    for query in ("peskov", "élysée 3", '"convoy seen"', "we said", "it's", ""):
        want = brute_search(big, query)
        got = store.search(query, cap=15)
        assert got.ids == want[:15] and got.total == len(want)
    for facet in ("track", "actors", "sources", "source_kinds", "tags"):
        assert store.facet_counts(facet) == mem.facet_counts(facet)
    for k in (0, 12, 99_999):
        assert store.event(big.events[k].id) == big.events[k]


def test_opens_in_the_window_and_refuses_passwords(big, store, tmp_path):
    with pytest.raises(TimelineLoadError, match="password in the address is refused"):
        open_url("clickhouse://me:secret@127.0.0.1:8123/db?table=events")
    with pytest.raises(TimelineLoadError, match="table name"):
        open_url("clickhouse://127.0.0.1:8123/db?table=x;drop")
    # the window's reader, on the store's own backend
    import viewer.io.clickstore as cs

    real = cs.open_url
    cs.open_url = lambda url, prompt=None: store
    try:
        report = read_clickhouse_report("chdb:///unused?table=events", max_loaded=1000)
    finally:
        cs.open_url = real
    assert len(report.timeline.events) == 1000 and "opened on the latest 1,000" in report.warnings[0].message
    ev = report.timeline.events[3]
    assert ev == big.event(ev.id)


def test_a_password_parameter_is_refused_and_never_echoed(tmp_path, capsys):
    from viewer.cli import main as cli_main

    for url in ("clickhouse://127.0.0.1:1/x?table=y&password=secret", "clickhouse://127.0.0.1:1/x?pass=secret",
                "clickhouses://u:secret@127.0.0.1:1/x?table=y"):
        with pytest.raises(TimelineLoadError, match="password in the address is refused") as info:
            open_url(url)
        assert "secret" not in str(info.value)
        assert cli_main(["validate", url]) != 0
        out = capsys.readouterr()
        assert "secret" not in out.out + out.err and "***" in out.err


def test_the_address_picks_the_protocol():
    """``protocol=`` names it; nothing else than native or http is taken (and nothing is reached)."""
    with pytest.raises(TimelineLoadError, match="protocol 'ftp': native or http"):
        open_url("clickhouse://127.0.0.1:1/x?table=events&protocol=ftp")
    with pytest.raises(TimelineLoadError, match="cannot reach a ClickHouse server at 127.0.0.1:1 over the native "
                       "protocol"):  # clickhouse-driver's error, in one sentence
        open_url("clickhouse://127.0.0.1:1/x?table=events&protocol=native")


def test_opening_chdb_creates_no_folder(tmp_path):
    missing = tmp_path / "nonexist"
    with pytest.raises(TimelineLoadError, match="no such folder"):
        open_url(f"chdb://{missing}?table=events")
    assert not missing.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    import subprocess
    import sys

    # chDB serves one folder per process (this module's store holds another): open in a child
    code = ("from viewer.io.clickstore import open_url\n"
            f"try:\n    open_url({f'chdb://{empty}?table=events'!r})\nexcept Exception as exc:\n    print(exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert "no timeline collection" in out
    assert list(empty.iterdir()) == []


def test_window_counts_come_from_the_started_ended_tables(big, big_parquet, store, monkeypatch):
    """As DuckDB's: events per lane meeting a window from the count table plus the edge buckets' rows."""
    rng = np.random.default_rng(33)
    assert store._windowed and store._stats.long_ends == 3600.0  # the long events' ends from the count table
    for t0, t1 in list(random_windows(rng, store.extent(), 12)) + edge_windows(big, rng, 4):
        want = brute_lane_counts(big, t0, t1, LANES)
        assert store._counted(t0, t1, set(LANES)) == want, (t0, t1)
    from viewer.io.duckstore import DuckStore

    lo = store.extent()[0]
    assert store._count_cache().marker_resolutions()[:2] == (10.0, 60.0)
    duck = DuckStore(big_parquet)
    try:  # zoomed in to a day / hours: the 60 s / 10 s tables, the same strips as DuckDB's
        for t0, t1, bins in ((lo + 5e6, lo + 5e6 + 86400, 100), (lo + 5e6, lo + 5e6 + 4 * 3600, 160)):
            np.testing.assert_allclose(store.density(t0, t1, LANES, bins), duck.density(t0, t1, LANES, bins),
                                       rtol=1e-9, atol=1e-6)
        import viewer.io.store_sql as store_sql

        monkeypatch.setattr(store_sql, "NUMPY_MAX_ROWS", 0)  # tables too large for numpy: binned in ClickHouse
        store._counts = None
        for t0, t1, bins in ((lo + 5e6, lo + 5e6 + 86400, 100), (lo + 5e6, lo + 5e6 + 4 * 3600, 160)):
            np.testing.assert_allclose(store.density(t0, t1, LANES, bins), duck.density(t0, t1, LANES, bins),
                                       rtol=1e-9, atol=1e-6)
    finally:
        duck.close()
        store._counts = None


def test_collection_loaded_before_the_window_tables_still_answers(big, old_parquet, store):
    """A ClickHouse table loaded from a collection written before the started/ended counts
    (no ``ns``/``ne``, no 10 s / 60 s widths) answers as brute force does."""
    load_collection(store.backend, "tv", "old_events", old_parquet)  # chDB: one data folder per process
    s = ClickStore(store.backend, "tv", "old_events")  # not closed: the backend is the module's store's
    assert not s._windowed and s._counted(*s.extent(), set(LANES)) is None
    rng = np.random.default_rng(34)
    for t0, t1 in list(random_windows(rng, s.extent(), 8)) + edge_windows(big, rng, 2):
        got = s.visible(t0, t1, LANES, cap=60)
        assert (got.ids, got.lane_totals, got.crowded) == brute_fit(big, t0, t1, LANES, 60)
    lo = s.extent()[0]
    t0, t1 = lo + 5e6, lo + 5e6 + 86400
    got = s.density(t0, t1, [3], 100)
    np.testing.assert_allclose(got[0], brute_density(big, t0, t1, 3, 100), rtol=1e-9, atol=1e-6)
def test_collection_loaded_before_the_long_ends_list_counts_them_from_the_rows(big, pre_ends_parquet, store):
    """A table loaded from a collection with the started/ended counts but no list of the long
    events' ends counts a window's ended events from the rows that may end near it, as before."""
    load_collection(store.backend, "tv", "pre_ends", pre_ends_parquet)
    s = ClickStore(store.backend, "tv", "pre_ends")  # not closed: the backend is the module's store's
    assert s._windowed and s._stats.long_ends is None
    rng = np.random.default_rng(36)
    for t0, t1 in list(random_windows(rng, s.extent(), 8)) + edge_windows(big, rng, 3):
        assert s._counted(t0, t1, set(LANES)) == brute_lane_counts(big, t0, t1, LANES), (t0, t1)


def test_search_uses_skip_indexes_and_equals_the_in_memory_search(big, store, monkeypatch):
    import viewer.io.clickstore as clickstore
    from viewer.model.search import event_text, parse_query

    _, rows = store._rows("SELECT name, type FROM system.data_skipping_indices WHERE database = 'tv' "
                          "AND table = 'events'")
    kinds = dict((name, kind) for name, kind in rows)
    assert kinds["search_text_ngrams"] in ("text", "ngrambf_v1") and kinds["id_bloom"] == "bloom_filter"
    _, rows = store._rows("SELECT name, type FROM system.columns WHERE database = 'tv' AND table = 'events' "
                          "AND name IN ('id', 'search_text')")
    assert sorted(t for _, t in rows) == ["String", "String"]
    drawn = set(big.columns.ids)
    texts = sorted((ev.sort_point, i, ev.id, event_text(ev, big)) for i, ev in enumerate(big.events)
                   if ev.id in drawn)
    rng = np.random.default_rng(11)
    queries = ["ÉLYSÉE 7", "Le Drian", "ly", "zzqx", "a_b%", "it's", "100%", "\\"]
    for _ in range(12):
        text = texts[int(rng.integers(len(texts)))][3].replace("\n", " ")
        a = int(rng.integers(0, max(len(text) - 6, 0) + 1))
        queries.append(text[a:a + int(rng.integers(1, 7))].strip().upper() or "x")
    for query in queries:
        terms = parse_query(query)
        want = [eid for _, _, eid, text in texts if terms and all(t in text for t in terms)]
        got = store.search(query, cap=20)
        assert (got.ids, got.total, got.exact) == (want[:20], len(want), True), query
    monkeypatch.setattr(clickstore, "COUNT_CAP", 1000)
    got = store.search("protest", cap=10)
    assert got.total == 1000 and not got.exact and got.count_text() == "at least 1,000 matches"


def test_text_filters_match_wildcards_literally_and_use_the_text_index(store, tmp_path):
    """A filter term holding LIKE's ``%``, ``_`` or ``\\`` matches those characters only, as the
    in-memory store does; and a filtered count is a LIKE the text skip index serves (``position()``
    was not: every granule was read)."""
    from viewer.io.duckstore import DuckStore, write_parquet
    from viewer.io.store_sql import CLICKHOUSE, filter_where
    from viewer.model.dates import EventDate
    from viewer.model.store_query import StoreFilter
    from viewer.model.timeline import Event, Timeline, Track

    titles = ["rates up 100%", "rates up 1000", "a_b met", "axb met", "path c:\\temp\\x", "path c:tempx",
              "50% of a_b", "plain"]
    events = tuple(Event(f"w{i}", titles[i % len(titles)], EventDate(f"2022-03-{1 + i % 28:02d}T10:00:00Z"),
                         track=f"t{i % 2}") for i in range(64))
    timeline = Timeline("wildcards", (Track("t0", "T0"), Track("t1", "T1")), events)
    path = str(tmp_path / "wild.parquet")
    write_parquet(timeline, path)
    load_collection(store.backend, "tv", "wild", path)
    ch = ClickStore(store.backend, "tv", "wild")  # not closed: the backend is the module's store's
    duck, mem = DuckStore(path), MemoryStore(timeline)
    try:
        lo, hi = mem.extent()
        for text in ("100%", "0%", "a_b", "_", "%", "'c:\\temp'", "'\\'", "'p\\'", "50% a_b", "rates"):
            f = StoreFilter(text=text)
            want = mem.count(f)
            assert 0 < want or text == "'p\\'", text  # most terms match some events, literally
            for s in (ch, duck):
                assert s.count(f) == want, (text, type(s).__name__)
                assert s.visible(lo, hi, [0, 1], cap=100, filters=f).ids == mem.visible(lo, hi, [0, 1], 100, f).ids
                assert s.page(0, 100, f).ids == mem.page(0, 100, f).ids
        assert "LIKE '%100\\\\%%'" in filter_where(StoreFilter(text="100%"), CLICKHOUSE)
    finally:
        duck.close()
    where = filter_where(StoreFilter(text="rates"), CLICKHOUSE)
    _, rows = store._rows(f"EXPLAIN indexes = 1 SELECT count() FROM {store.t} WHERE drawn AND {where}")
    assert any("search_text_ngrams" in r[0] for r in rows), rows  # the text index is applied


class _BatchedInserts:
    """A backend that inserts a file in two batches (as a server gets 50,000 rows at a time)."""

    def __init__(self, backend):
        self.backend = backend

    def command(self, sql):
        self.backend.command(sql)

    def insert_parquet(self, table, path, done=None):
        for k in (0, 1):
            self.backend.command(f"INSERT INTO {table} SELECT * FROM file('{path}', Parquet) WHERE abs(lane) % 2 = {k}")


def test_a_loaded_collection_is_one_part_per_table(big, big_parquet, store):
    """Loaded in batches, the events and count tables are merged into one part each (a query
    looks up each part's index: a dozen parts made window queries 3-4x slower); the answers stay."""
    load_collection(_BatchedInserts(store.backend), "tv", "batched", big_parquet)
    _, rows = store._rows("SELECT table, count() FROM system.parts WHERE database = 'tv' AND active "
                          "AND table IN ('batched', 'batched_counts') GROUP BY table ORDER BY table")
    assert rows == [["batched", 1], ["batched_counts", 1]]
    s = ClickStore(store.backend, "tv", "batched")  # not closed: the backend is the module's store's
    rng = np.random.default_rng(37)
    for t0, t1 in random_windows(rng, s.extent(), 4):
        assert s._counted(t0, t1, set(LANES)) == brute_lane_counts(big, t0, t1, LANES)


def test_a_frame_asks_edges_and_strips_in_one_query(big, any_store, monkeypatch):
    """Unfiltered, a frame asks ClickHouse once for the edge buckets' counts and the strips'
    markers (each query costs milliseconds however little it reads), then for the rows of the
    lanes that fit: the answers equal brute force and the store's own visible + density."""
    store = any_store
    rng = np.random.default_rng(38)
    lo = store.extent()[0]
    windows = [(lo + 5e6, lo + 5e6 + 86400), (lo + 5e6 + 1800.5, lo + 5e6 + 4 * 3600)]
    windows += list(random_windows(rng, store.extent(), 8)) + edge_windows(big, rng, 2)
    for t0, t1 in windows:
        for cap, exact in ((5, False), (400, True)):
            width = int(rng.integers(20, 400))
            frame = store.frame(t0, t1, LANES, width, cap=cap, exact=exact)
            ids, counts, crowded = brute_fit(big, t0, t1, LANES, cap)
            assert (frame.visible.ids, frame.visible.lane_totals, frame.visible.crowded) == (ids, counts, crowded)
            np.testing.assert_allclose(frame.density, store.density(t0, t1, LANES, width, exact=exact),
                                       rtol=1e-9, atol=1e-6)
            if exact:
                for i, lane in enumerate(LANES[:3]):
                    np.testing.assert_allclose(frame.density[i], brute_density(big, t0, t1, lane, width),
                                               rtol=1e-9, atol=1e-6)
    calls = []
    for name in ("rows", "floats"):
        real = getattr(store.backend, name)
        monkeypatch.setattr(store.backend, name, lambda *a, _real=real, _name=name: calls.append(_name) or _real(*a))
    t0, t1 = windows[1]  # four hours: every lane crowded at a cap of 5, markers from the rows
    store.frame(t0, t1, LANES, 300, cap=5)
    assert calls == ["floats"]


def test_a_window_on_the_server_reads_only_its_stretch_of_the_table(big, server_store, monkeypatch):
    """18.16 has no skip indexes: a window's condition on ``x0``/``x1`` alone read every row of
    the table (a 10^7 frame took 1.8-3 s).  The legacy layout orders the rows by how far their
    drawn values lie from their sort point, then time: a day's frame, its facets and a
    filtered frame read a small part of the table, and answer as brute force and the
    in-memory store do (events from 7 hours to the whole year, open starts included)."""
    from viewer.model.store_query import StoreFilter

    backend = server_store.backend
    if not backend.legacy:
        pytest.skip("a server from 22 on has skip indexes (no span classes)")
    from viewer.io.clickstore import SPAN_BOUNDS

    assert server_store._span_bounds == SPAN_BOUNDS  # read back from the table's meta, as loaded
    read = []
    for name in ("rows", "floats"):
        real = getattr(backend, name)
        monkeypatch.setattr(backend, name, lambda *a, _real=real: (
            _real(*a), read.append(backend.client.last_query.progress.rows))[0])
    mem = MemoryStore(big)
    rng = np.random.default_rng(39)
    lo = server_store.extent()[0]
    for t0 in (lo + 5e6, lo + 2e7, *rng.uniform(lo, lo + 3e7, 3).tolist()):
        t1 = t0 + 86400.0
        server_store.frame(t0, t1, LANES, 300, cap=5)  # the count tables loaded: not this test's reads
        read.clear()
        for cap, exact in ((5, False), (400, True)):
            frame = server_store.frame(t0, t1, LANES, 300, cap=cap, exact=exact)
            ids, counts, crowded = brute_fit(big, t0, t1, LANES, cap)
            assert (frame.visible.ids, frame.visible.lane_totals, frame.visible.crowded) == (ids, counts, crowded)
            if exact:
                for i, lane in enumerate(LANES[:3]):
                    np.testing.assert_allclose(frame.density[i], brute_density(big, t0, t1, lane, 300),
                                               rtol=1e-9, atol=1e-6)
        assert server_store.facet_counts("track", (t0, t1)) == mem.facet_counts("track", (t0, t1))
        only = StoreFilter(hidden_tracks=frozenset({"t1", "t2"}))
        got = server_store.frame(t0, t1, LANES, 300, cap=400, filters=only, exact=True)
        want = mem.frame(t0, t1, LANES, 300, cap=400, filters=only, exact=True)
        assert got.visible.ids == want.visible.ids
        np.testing.assert_allclose(got.density, want.density, rtol=1e-9, atol=1e-6)
        # before: every query read the whole table (the edge counts' twice); now less than once, and most
        # of them under 30% of it (a quarter of this collection are spans of weeks to a year, or open)
        assert read and max(read) < len(big.events), read
        assert sorted(read)[len(read) // 2] < 0.3 * len(big.events), read


def _same_events(got, want):
    """Two VisibleEvents hold the same events with the same drawn values, in the same order."""
    assert got.ids == want.ids and got.titles == want.titles
    assert (got.lane_totals, got.crowded, got.total) == (want.lane_totals, want.crowded, want.total)
    for name in ("lane", "kind", "x0", "x1", "xm", "flags", "planned", "draft", "solid0", "solid1",
                 "cal_start", "cal_end"):
        np.testing.assert_array_equal(getattr(got, name), getattr(want, name), err_msg=name)


def test_a_pan_reads_only_the_events_entering_the_window(big, any_store, monkeypatch):
    """A frame keeps the previous frame's rows that are still in its window and asks only for
    the events entering it (a pan by a quarter of a window read all of its rows again: up to
    5,000 events of 19 columns, 100-300 ms at 10^7).  Never stale: pans both ways, zooms in and
    out, another lane set, a filtered frame between, a jump away: each frame equals brute force
    and the store's own visible()."""
    from viewer.model.store_query import StoreFilter

    store = any_store
    returned = []
    real = store.backend.rows
    monkeypatch.setattr(store.backend, "rows", lambda sql: (lambda got: (
        returned.append(len(got[1])) if "ORDER BY lane, x0, file_index" in sql else None, got)[1])(real(sql)))
    lo = store.extent()[0] + 5e6
    day, cap = 86400.0, 120  # some lanes fit, some are crowded
    lanes = list(LANES)
    steps = [(lo, lo + day, lanes), (lo + day / 4, lo + 5 * day / 4, lanes), (lo + day / 2, lo + 3 * day / 2, lanes),
             (lo + day / 8, lo + 9 * day / 8, lanes), (lo + day / 4, lo + day / 2, lanes),
             (lo - day, lo + 2 * day, lanes), (lo, lo + day, [1, 2, 5]), (lo + day / 4, lo + 5 * day / 4, [2, 5]),
             (lo + day / 4, lo + 5 * day / 4, lanes), ("filter", None, None), (lo + day / 3, lo + 4 * day / 3, lanes),
             (lo + 40 * day, lo + 41 * day, lanes)]
    store._last_rows = None
    for i, (t0, t1, ls) in enumerate(steps):
        if t0 == "filter":
            only = StoreFilter(hidden_tracks=frozenset({"t1"}))
            store.frame(lo, lo + day, lanes, 200, cap=cap, filters=only)
            continue
        returned.clear()
        frame = store.frame(t0, t1, ls, 200, cap=cap)
        read = sum(returned)
        ids, counts, crowded = brute_fit(big, t0, t1, ls, cap)
        assert (frame.visible.ids, frame.visible.lane_totals, frame.visible.crowded) == (ids, counts, crowded)
        _same_events(frame.visible, store.visible(t0, t1, ls, cap=cap))
        if i in (1, 2):  # pans by a quarter of a day: the events entering, not the window's all
            assert ids and read < len(ids) / 2, (read, len(ids))
        if i == 4:  # a zoom in: nothing asked
            assert read == 0, read


def test_marker_chunks_answer_later_frames_as_the_engine_binned_them(big, server_store, monkeypatch):
    """On a server, the marker counts of a width too large to load whole are read a chunk of
    buckets at a time by a thread of their own, and the frames after answer from them: the same
    strips as the server's binning of that frame, and no binning query (at 10^7 a zoomed frame's
    binning read 120,000-310,000 count rows, 20-60 ms of the server's time each)."""
    from viewer.io import clickstore
    from viewer.io.store_sql import MarkerChunks

    monkeypatch.setattr(clickstore, "CHUNKED_FROM", 0)  # every marker width chunked (10^5: all are small)
    monkeypatch.setattr(MarkerChunks, "CHUNK", 256)  # windows of several chunks
    monkeypatch.setattr(MarkerChunks, "IDLE", 0.0)
    store = server_store
    chunks = MarkerChunks(store._chunk_rows, f"{store.t}_counts")
    monkeypatch.setattr(store, "_chunks", chunks)
    monkeypatch.setattr(store, "_counts", None)
    store._count_cache()  # made with chunks: no marker width loaded whole
    asked = []
    real = store.backend.floats
    monkeypatch.setattr(store.backend, "floats", lambda sql, names: asked.append(sql) or real(sql, names))
    lo = store.extent()[0]
    rng = np.random.default_rng(40)
    used = 0
    try:
        for width in (2 * 86400.0, 5 * 86400.0, 20 * 86400.0, 3 * 86400.0):
            t0 = float(rng.uniform(lo, lo + 2.5e7))
            t1 = t0 + width
            monkeypatch.setattr(store, "_chunks", None)
            want = store.frame(t0, t1, LANES, 300, cap=50)  # binned by the server
            monkeypatch.setattr(store, "_chunks", chunks)
            store.frame(t0, t1, LANES, 300, cap=50)  # asks for the window's chunks
            assert chunks.wait(60)
            asked.clear()
            got = store.frame(t0, t1, LANES, 300, cap=50)
            binned = [q for q in asked if "least(bucket" in q]  # bucket_bins_sql
            used += not binned
            np.testing.assert_allclose(got.density, want.density, rtol=1e-9, atol=1e-6)
            _same_events(got.visible, want.visible)
            pan = store.frame(t0 + width / 10, t1 + width / 10, LANES, 300, cap=50)  # a chunk may be missing: binned
            ids, counts, crowded = brute_fit(big, t0 + width / 10, t1 + width / 10, LANES, 50)
            assert (pan.visible.ids, pan.visible.lane_totals, pan.visible.crowded) == (ids, counts, crowded)
        assert used >= 3, used  # the widest may need more chunks than MAX_CHUNKS: binned by the server
    finally:
        chunks.close()


def test_a_pan_after_rows_are_deleted_does_not_draw_them_again(big_parquet, clickhouse_url):
    """``ALTER TABLE ... DELETE`` of events on screen, then a pan: the frame's rows kept from the
    previous frame were drawn again (deleted events stayed on screen until a jump away).  Once the
    table's data version has changed (asked at most once a second), the window's rows are read
    again: the same events as a store opened afresh."""
    import time
    from urllib.parse import urlsplit

    parts = urlsplit(clickhouse_url)
    backend = NativeBackend(parts.hostname, parts.port, "default", "default", "")
    try:
        load_collection(backend, "tv", "deleted", big_parquet)
    finally:
        backend.close()
    url = f"clickhouse://{parts.hostname}:{parts.port}/tv?table=deleted&protocol=native"
    store = open_url(url)
    try:
        lo, day, cap = store.extent()[0] + 5e6, 86400.0, 120
        first = store.frame(lo, lo + day, LANES, 200, cap=cap)
        victims = [i for i, x1 in zip(first.visible.ids, first.visible.x1, strict=True) if x1 > lo + day / 2][:3]
        assert len(victims) == 3
        store._rows(f"ALTER TABLE tv.deleted DELETE WHERE id IN ({', '.join(repr(v) for v in victims)})")
        for _ in range(200):
            if not store._rows("SELECT count() FROM system.mutations WHERE table = 'deleted' AND NOT is_done")[1][0][0]:
                break
            time.sleep(0.05)
        time.sleep(store.VERSION_TTL)
        pan = store.frame(lo + day / 4, lo + 5 * day / 4, LANES, 200, cap=cap)
        assert not set(victims) & set(pan.visible.ids)
        fresh = open_url(url)
        try:
            assert pan.visible.ids == fresh.frame(lo + day / 4, lo + 5 * day / 4, LANES, 200, cap=cap).visible.ids
        finally:
            fresh.close()
    finally:
        store.close()


def test_a_table_whose_lane_is_text_is_refused_at_opening(server_store, clickhouse_url, capsys):
    """A table like a collection's but with ``lane String``: ``validate`` ended in a traceback.
    It is refused at opening, as a missing column is: the column, its type, the type expected."""
    from urllib.parse import urlsplit

    from viewer.cli import main
    from viewer.io.clickstore import ClickHouseOpenError

    run = server_store._rows
    for name in ("bad", "bad_meta", "bad_counts"):
        run(f"DROP TABLE IF EXISTS tv.{name}")
    run("CREATE TABLE tv.bad ENGINE = MergeTree ORDER BY file_index AS SELECT * FROM tv.events")
    run("ALTER TABLE tv.bad MODIFY COLUMN lane String")
    for side in ("meta", "counts"):
        run(f"CREATE TABLE tv.bad_{side} ENGINE = Log AS SELECT * FROM tv.events_{side}")
    parts = urlsplit(clickhouse_url)
    url = f"clickhouse://{parts.hostname}:{parts.port}/tv?table=bad&protocol=native"
    with pytest.raises(ClickHouseOpenError, match="not a timeline collection: column lane is String, expected Int32"):
        open_url(url)
    assert main(["validate", url]) == 2
    said = capsys.readouterr()
    assert "column lane is String, expected Int32" in said.err and "Traceback" not in said.err + said.out
