"""DuckDB over Parquet (and one DuckDB file) answers as brute force does (10^5 events, seeded)."""


import numpy as np
import pytest

from viewer.io.duckstore import DuckStore, counts_path, write_parquet
from viewer.model.errors import TimelineLoadError
from viewer.model.store import MemoryStore, aggregate_resolution, spread_counts

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

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def store(big_parquet):
    s = DuckStore(big_parquet)
    yield s
    s.close()


def test_visible_equals_brute_force(big, store):
    rng = np.random.default_rng(11)
    assert store.n_events == len(big.events)
    for t0, t1 in random_windows(rng, store.extent(), 25):
        lanes = sorted(rng.choice(LANES, size=int(rng.integers(1, len(LANES) + 1)), replace=False).tolist())
        want = brute_visible(big, t0, t1, lanes)
        got = store.visible(t0, t1, lanes, cap=len(want) + 10)
        assert got.ids == want and got.total == len(want)
        cap = 40 * (1 + len(want) // 400)  # some lanes fit, some are crowded
        ids, counts, crowded = brute_fit(big, t0, t1, lanes, cap)
        capped = store.visible(t0, t1, lanes, cap=cap)
        assert (capped.ids, capped.lane_totals, capped.crowded) == (ids, counts, crowded)
        assert capped.total == len(want) and capped.truncated == bool(crowded)
        if len(got):
            row = big.columns.row_of(got.ids[-1])
            o = big.columns.origin_epoch_s
            assert got.titles[-1] == big.event(got.ids[-1]).title
            assert (got.x0[-1], got.x1[-1], got.xm[-1]) == (big.columns.x0[row] + o, big.columns.x1[row] + o,
                                                           big.columns.xm[row] + o)
            assert got.flags[-1] == big.columns.flags[row] and got.kind[-1] == big.columns.kind[row]


def test_exact_density_equals_brute_force(big, store):
    rng = np.random.default_rng(12)
    for t0, t1 in random_windows(rng, store.extent(), 6):
        bins = int(rng.integers(1, 400))
        lanes = [int(rng.choice(LANES)), 5]
        got = store.density(t0, t1, lanes, bins, exact=True)
        for i, lane in enumerate(lanes):
            np.testing.assert_allclose(got[i], brute_density(big, t0, t1, lane, bins), rtol=1e-9, atol=1e-6)


def test_aggregated_density_is_markers_spread_over_their_bucket(big, store):
    """Zoomed out, markers come from the hourly/daily/... count table: each
    counts over its bucket, and date-only events exactly as before."""
    lo, hi = store.extent()
    c, o = big.columns, big.columns.origin_epoch_s
    for t0, t1, bins, res in ((lo, hi, 40, 86400.0), (lo + 5e6, lo + 9e6, 97, 3600.0),
                              (lo + 5e6, lo + 5e6 + 3e5, 100, 300.0), (lo + 5e6, lo + 5e6 + 1.5e5, 100, 120.0),
                              (lo + 5e6, lo + 5e6 + 86400, 100, 60.0), (lo + 5e6, lo + 5e6 + 4 * 3600, 160, 10.0)):
        # zoomed in to days (a day, hours), the 5 and 2 minute (60 s, 10 s) tables serve
        assert aggregate_resolution(t0, t1, bins, store._count_cache().marker_resolutions()) == res
        got = store.density(t0, t1, [2, -1], bins)
        edges = np.linspace(t0, t1, bins + 1)
        for i, lane in enumerate((2, -1)):
            rows = np.flatnonzero((c.lane == lane) & ~c.spread_mask())
            b0 = np.floor((c.xm[rows] + o) / res) * res
            want = spread_counts(np.maximum(b0, t0), np.minimum(b0 + res, t1),
                                 np.clip((np.minimum(b0 + res, t1) - np.maximum(b0, t0)) / res, 0, 1), edges)
            spread_rows = np.flatnonzero((c.lane == lane) & c.spread_mask())
            want += spread_counts(c.x0[spread_rows] + o, c.x1[spread_rows] + o, np.ones(len(spread_rows)), edges)
            np.testing.assert_allclose(got[i], want, rtol=1e-9, atol=1e-6)
            # the same events in all: only where they sit within a bin differs
            exact = store.density(t0, t1, [lane], bins, exact=True)[0]
            inside = np.sum((c.lane[rows] == lane) & (c.xm[rows] + o >= t0 + res) & (c.xm[rows] + o <= t1 - res))
            assert exact.sum() >= inside and got[i].sum() >= inside - 1e-6


def test_search_facets_event_by_id(big, store):
    mem = MemoryStore(big)
    for query in ("lavrov", "élysée 12", '"talks at"', "military convoy", "we said", "zzz", ""):
        want = brute_search(big, query)
        got = store.search(query, cap=25)
        assert got.ids == want[:25] and got.total == len(want)
    for facet in ("track", "actors", "sources", "source_kinds", "tags"):
        assert store.facet_counts(facet) == mem.facet_counts(facet)
        window = (store.extent()[0] + 3e6, store.extent()[0] + 4e6)
        assert store.facet_counts(facet, window) == mem.facet_counts(facet, window)
    for k in (0, 9, 4321, len(big.events) - 1):
        ev = big.events[k]
        assert store.event(ev.id) == ev  # dates with phrase and basis, quotes, sources: all survive
        assert store.event_at(k) == ev
    with pytest.raises(KeyError):
        store.event("nope")


def test_duckdb_file_and_honest_date_columns(big, tmp_path):
    from viewer.model.timeline import Timeline

    small = Timeline(big.title, big.tracks, big.events[:3000], big.sources, reference_date=big.reference_date)
    path = str(tmp_path / "small.duckdb")
    write_parquet(small, path)
    s = DuckStore(path)
    try:
        assert s.n_events == 3000 and s.timeline.title == big.title and s.lane_ids == tuple(t.id for t in big.tracks)
        rows = s._q("SELECT id, start_edtf, start_precision, start_uncertain, start_approximate, start_relation, "
                    "start_phrase, start_basis FROM ev WHERE file_index < 400 ORDER BY file_index")
        for (eid, edtf, prec, unc, appr, rel, phrase, basis), ev in zip(rows, small.events[:400], strict=True):
            d = ev.start
            assert (eid, edtf, prec, unc, appr, rel, phrase, basis) == (
                ev.id, d.edtf, d.precision.label, d.uncertain, d.approximate, d.relation, d.phrase, d.basis)
        t0, t1 = s.extent()
        want = MemoryStore(small).density(t0, t1, range(8), 50)
        np.testing.assert_allclose(s.density(t0, t1, range(8), 50, exact=True), want, atol=1e-6)
    finally:
        s.close()


def test_stale_counts_are_ignored_and_bad_files_named(big, big_parquet, tmp_path):
    import shutil

    other = tmp_path / "x.parquet"
    shutil.copyfile(big_parquet, other)
    for counts in (b"PAR1 damaged", None):
        if counts is None:  # the counts of another collection (another conversion of the same data)
            write_parquet(big.__class__(big.title, big.tracks, big.events[:500]), str(tmp_path / "z.parquet"))
            shutil.copyfile(counts_path(str(tmp_path / "z.parquet")), counts_path(str(other)))
        else:
            (tmp_path / "x.counts.parquet").write_bytes(counts)
        s = DuckStore(str(other))
        try:
            assert not s._has_counts
            lo, hi = s.extent()
            np.testing.assert_allclose(s.density(lo, hi, [1], 30), MemoryStore(big).density(lo, hi, [1], 30),
                                       atol=1e-6)
        finally:
            s.close()
    bad = tmp_path / "y.parquet"
    bad.write_text("hello")
    with pytest.raises(TimelineLoadError, match="y.parquet") as err:
        DuckStore(str(bad))
    assert "\n" not in str(err.value) and "^^^" not in str(err.value)  # DuckDB's reason, not its SQL
    with pytest.raises(TimelineLoadError, match="missing.parquet"):
        DuckStore(str(tmp_path / "missing.parquet"))


def test_window_counts_come_from_the_started_ended_tables(big, store):
    """Events per lane meeting a window, from the started/ended counts plus the two edge
    buckets' rows, equal counting them one by one: random windows, windows on hour
    boundaries and on events' very starts and ends (open sides included)."""
    from viewer.io.store_sql import DUCKDB, window_count_plan, window_counts

    rng = np.random.default_rng(31)
    assert store._windowed
    windows = list(random_windows(rng, store.extent(), 30)) + edge_windows(big, rng, 10)
    listed = 0
    for t0, t1 in windows:
        want = brute_lane_counts(big, t0, t1, LANES)
        assert store._counted(t0, t1, set(LANES)) == want, (t0, t1)
        vis = store.visible(t0, t1, LANES, cap=60)
        assert vis.lane_totals == want and vis.total == sum(want.values())
        assert (vis.ids, vis.crowded) == brute_fit(big, t0, t1, LANES, 60)[::2]
        plan = window_count_plan(store._count_cache().windows(), t0, t1, LANES, "ev", DUCKDB, "agg")
        listed += plan is not None and "FROM agg WHERE res = -3600.0" in (plan[1] or "")
        if plan is not None:  # asked in SQL (as at 10^8: too many for numpy) the same as in numpy
            assert window_counts(plan[0], store._np(plan[1]) if plan[1] else None) == want, (t0, t1)
        mine = store._count_plan(t0, t1, set(LANES))
        assert mine is None or "FROM agg" not in (mine[1] or "")  # the list in numpy: no query of it
    assert listed >= 10  # the long events' ends come from the count table's list


def test_a_collection_written_before_the_long_ends_list_counts_them_from_the_rows(big, pre_ends_parquet):
    """Without the list of long events' ends (and the 2 / 5 minute widths), windows are counted
    from the started/ended tables and the rows that may end near ``t0``, as before: the same
    answers, and the strips of a two-week window come from the 60 s table."""
    rng = np.random.default_rng(35)
    with DuckStoreContext(pre_ends_parquet) as old:
        assert old._windowed and old._stats.long_ends is None and old._ends_table(3600.0) is None
        assert old._count_cache().marker_resolutions()[:3] == (10.0, 60.0, 600.0)
        for t0, t1 in list(random_windows(rng, old.extent(), 12)) + edge_windows(big, rng, 4):
            want = brute_lane_counts(big, t0, t1, LANES)
            assert old._counted(t0, t1, set(LANES)) == want, (t0, t1)
            assert old.visible(t0, t1, LANES, cap=60).lane_totals == want
        lo = old.extent()[0]
        got = old.density(lo + 5e6, lo + 5e6 + 3e5, [2], 100)[0]
        c, o = big.columns, big.columns.origin_epoch_s
        rows = np.flatnonzero((c.lane == 2) & ~c.spread_mask() & (c.xm + o >= lo + 5e6) & (c.xm + o < lo + 5e6 + 3e5))
        spread = np.flatnonzero((c.lane == 2) & c.spread_mask())
        edges = np.linspace(lo + 5e6, lo + 5e6 + 3e5, 101)
        want = spread_counts(c.x0[spread] + o, c.x1[spread] + o, np.ones(len(spread)), edges)
        assert abs(got.sum() - want.sum() - len(rows)) <= 2  # the 60 s buckets of the window, none lost


def test_tables_too_large_for_numpy_answer_in_sql(big, big_parquet, store, monkeypatch):
    """A count table beyond :data:`NUMPY_MAX_ROWS` (the 10 s one at 10^8 events) is asked for the
    window's buckets only: the same strips; windows are then counted from the events."""
    import viewer.io.store_sql as store_sql

    lo = store.extent()[0]
    windows = [(lo + 5e6, lo + 5e6 + 86400, 100), (lo + 5e6, lo + 5e6 + 4 * 3600, 160), (lo, lo + 3e7, 300)]
    with DuckStoreContext(big_parquet) as numpy_store:
        want = [numpy_store.density(t0, t1, LANES, bins) for t0, t1, bins in windows]
    monkeypatch.setattr(store_sql, "NUMPY_MAX_ROWS", 0)
    with DuckStoreContext(big_parquet) as s:
        for (t0, t1, bins), w in zip(windows, want, strict=True):
            np.testing.assert_allclose(s.density(t0, t1, LANES, bins), w, rtol=1e-9, atol=1e-6)
            assert s._counted(t0, t1, set(LANES)) is None
            assert s.visible(t0, t1, LANES, cap=60).lane_totals == brute_lane_counts(big, t0, t1, LANES)


def test_collection_written_before_the_window_tables_still_answers(big, old_parquet, store):
    """A collection whose count table has no 10 s / 60 s widths and no started/ended counts
    (written before them) opens and answers as brute force does: windows counted from the
    events, zoomed-in strips from the events, zoomed-out strips from the tables it has."""
    rng = np.random.default_rng(32)
    with DuckStoreContext(old_parquet) as old:
        assert old._has_counts and not old._windowed
        assert old._count_cache().marker_resolutions()[0] == 600.0
        for t0, t1 in list(random_windows(rng, old.extent(), 12)) + edge_windows(big, rng, 3):
            assert old._counted(t0, t1, set(LANES)) is None
            ids, counts, crowded = brute_fit(big, t0, t1, LANES, 60)
            got = old.visible(t0, t1, LANES, cap=60)
            assert (got.ids, got.lane_totals, got.crowded) == (ids, counts, crowded)
        lo = old.extent()[0]
        t0, t1 = lo + 5e6, lo + 5e6 + 86400  # zoomed in: no table fine enough, the exact rule
        got = old.density(t0, t1, [3, -1], 100)
        for i, lane in enumerate((3, -1)):
            np.testing.assert_allclose(got[i], brute_density(big, t0, t1, lane, 100), rtol=1e-9, atol=1e-6)
        t0, t1 = lo, lo + 3e7  # zoomed out: the hourly table, as the new collection's
        np.testing.assert_allclose(old.density(t0, t1, LANES, 300), store.density(t0, t1, LANES, 300),
                                   rtol=1e-9, atol=1e-6)


class DuckStoreContext:
    """A :class:`DuckStore` closed at the end of a ``with`` block."""

    def __init__(self, path: str) -> None:
        self.store = DuckStore(path)

    def __enter__(self) -> DuckStore:
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()


@pytest.fixture
def allied_parquet(tmp_path, bundled_path):
    """The bundled timeline converted to ``allied.parquet`` (a collection, in ``tmp_path``)."""
    from viewer.io.registry import read_timeline, write_timeline

    src = tmp_path / "allied.parquet"
    assert write_timeline(read_timeline(bundled_path), src) == []
    return src


def _forged(src, dest, meta_change=None, row_group_size=None, **columns):
    """A copy of the collection ``src`` with some columns replaced by SQL expressions (its
    metadata kept, or changed by ``meta_change(meta_json) -> meta_json``), written to ``dest``
    (in row groups of ``row_group_size`` rows when given)."""
    import duckdb

    con = duckdb.connect()
    kv = {bytes(k).decode(): bytes(v).decode() for k, v in
          con.execute(f"SELECT key, value FROM parquet_kv_metadata('{src}')").fetchall()}
    if meta_change is not None:
        kv["timeline_viewer"] = meta_change(kv["timeline_viewer"])
    names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{src}')").fetchall()]
    select = ", ".join(f"{columns[n]} AS {n}" if n in columns else n for n in names)
    kvs = ", ".join(f"{k}: {duckdb.ConstantExpression(v)}" for k, v in kv.items())
    con.execute(f"COPY (SELECT {select} FROM read_parquet('{src}')) TO '{dest}' "
                f"(FORMAT parquet, KV_METADATA {{{kvs}}}"
                + (f", ROW_GROUP_SIZE {int(row_group_size)})" if row_group_size else ")"))
    return str(dest)


@pytest.mark.parametrize(("columns", "meta", "said"), [
    ({"title": "NULL::VARCHAR"}, None, "column 'title': 16 rows have no title (NULL)"),
    ({"id": "NULL::VARCHAR"}, None, "column 'id': 16 rows have no id (NULL)"),
    ({"lane": "lane + 99"}, None, "column 'lane': lanes 98..104 are used but the collection's metadata names 6"),
    ({}, "no tracks", "names 0 track(s): expected only bands (lane -1)"),
])
def test_a_collection_the_window_cannot_draw_is_refused_naming_the_column(tmp_path, allied_parquet, columns, meta,
                                                                            said):
    """Rows with no title crashed the window (a segmentation fault in its paint); lanes beyond
    the tracks drew nothing, silently. Opening refuses them, naming the file and the column."""
    import json

    from viewer.io.collection_window import open_collection_store
    src = allied_parquet
    change = (lambda text: json.dumps({**json.loads(text), "tracks": []})) if meta else None
    bad = _forged(src, tmp_path / "bad.parquet", change, **columns)
    with pytest.raises(TimelineLoadError) as err:
        open_collection_store(bad)
    assert "bad.parquet" in str(err.value) and said in str(err.value)
    DuckStore(str(src)).close()  # the collection it was made from opens


@pytest.mark.parametrize("columns", [{"res": "'x'"}, {"n": "'many'"}])
def test_a_count_table_of_the_wrong_shape_is_ignored_with_a_note(tmp_path, allied_parquet, columns):
    """A count table carrying the collection's own id but a text column made every window
    query fail ("Binder Error"), so the window never drew; it is now ignored, and said so."""
    import shutil

    src = allied_parquet
    good = DuckStore(str(src))
    lo, hi = good.extent()
    want = good.visible(lo - 1, hi + 1, list(range(len(good.lane_ids))))
    good.close()
    counts = counts_path(str(src))
    shutil.move(counts, tmp_path / "good.counts.parquet")
    _forged(tmp_path / "good.counts.parquet", counts, **columns)
    store = DuckStore(str(src))
    try:
        assert "count tables are not used" in store.index_note and "allied.counts.parquet" in store.index_note
        got = store.visible(lo - 1, hi + 1, list(range(len(store.lane_ids))))
        assert (got.ids, got.lane_totals) == (want.ids, want.lane_totals)
    finally:
        store.close()


def _event_refused(path, match):
    """Asking the store of ``path`` for event 'drills-end' raises a TimelineLoadError matching ``match``."""
    store = DuckStore(path)
    try:
        with pytest.raises(TimelineLoadError, match=match):
            store.event("drills-end")
    finally:
        store.close()


def test_a_damaged_json_column_is_named_not_blamed_on_the_output(tmp_path, allied_parquet, capsys):
    """convert said 'cannot write OUT: Expecting property name…' for a collection whose
    'json' column was damaged; the store raised a bare JSONDecodeError."""
    from viewer.app import main

    src = allied_parquet
    bad = _forged(src, tmp_path / "bad.parquet", json="'{not json'")
    assert main(["convert", bad, str(tmp_path / "out.timeline.json")]) == 2
    err = capsys.readouterr().err
    assert f"cannot convert {bad}" in err and "its 'json' column is not the event's JSON object" in err
    assert "cannot write" not in err and not (tmp_path / "out.timeline.json").exists()
    _event_refused(bad, "event 'drills-end'.*'json' column")


def test_a_collection_written_without_statistics_is_checked_from_its_rows(tmp_path, allied_parquet):
    """The NULL / lane check read the footer's statistics only: a file written without them
    (pyarrow's write_statistics=False) with one NULL title crashed the window."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = allied_parquet
    table = pq.read_table(src)
    titles = table.column("title").to_pylist()
    titles[3] = None
    at = table.schema.get_field_index("title")
    bad = table.set_column(at, "title", pa.array(titles, type=table.schema.field("title").type))
    pq.write_table(bad.replace_schema_metadata(table.schema.metadata), tmp_path / "bad.parquet",
                   write_statistics=False)
    with pytest.raises(TimelineLoadError, match="column 'title': 1 rows have no title"):
        DuckStore(str(tmp_path / "bad.parquet"))
    pq.write_table(table, tmp_path / "good.parquet", write_statistics=False)
    DuckStore(str(tmp_path / "good.parquet")).close()  # the same rows whole: opens


def test_a_json_column_nested_too_deeply_is_named_not_a_traceback(tmp_path, allied_parquet):
    src = allied_parquet
    bad = _forged(src, tmp_path / "deep.parquet", json="repeat('[', 100000)")
    _event_refused(bad, "nested too deeply")


def test_a_reading_store_spills_into_the_private_cache_not_the_current_folder(allied_parquet, tmp_path, monkeypatch):
    """DuckDB's default spill folder is ``.tmp`` in the current folder: measuring a 10^8-event
    collection wrote 20 GB of spill files into the folder the viewer was started from."""
    from viewer.io.cache import CACHE_DIR_ENV

    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(cache))
    monkeypatch.chdir(tmp_path)
    store = DuckStore(str(allied_parquet))
    try:
        folder = store.con.execute("SELECT current_setting('temp_directory')").fetchone()[0]
        limit = store.con.execute("SELECT current_setting('max_temp_directory_size')").fetchone()[0]
    finally:
        store.close()
    assert folder == str(cache / "duckdb-spill")
    assert limit.replace(" ", "").lower().startswith(("4.0gib", "4gib", "4.2gb", "4.29gb", "4294967296"))


def test_convert_copies_a_collection_too_big_for_the_window_to_duckdb_and_back_keeping_every_event(
        tmp_path, monkeypatch, capsys):
    """``convert big.parquet big.duckdb`` read the collection as a timeline, which holds at most
    the window's 2 million events (here 1,000): the rest were left out.  Now the tables are
    copied as they are: every event, the same counts, both results valid."""
    import numpy as np

    from viewer.app import main
    from viewer.io import duckstore
    from viewer.io.synthetic_store import write_synthetic_collection

    monkeypatch.setattr(duckstore.read_collection_report, "__kwdefaults__", {"max_loaded": 1000})
    src, duck, back = (str(tmp_path / n) for n in ("s.parquet", "s.duckdb", "back.parquet"))
    write_synthetic_collection(src, 3000)
    assert main(["convert", src, duck]) == 0, capsys.readouterr().err
    assert "wrote " + duck + " (3,000 events" in capsys.readouterr().out
    assert main(["convert", duck, back]) == 0, capsys.readouterr().err
    monkeypatch.undo()  # validate reads the timeline as the window does: it would say "not wholly"
    for path in (duck, back):
        assert main(["validate", path]) == 0, capsys.readouterr().err
    stores = [DuckStore(p) for p in (src, duck, back)]
    try:
        assert [s.n_events for s in stores] == [3000] * 3
        assert all(s.index_note == "" for s in stores), [s.index_note for s in stores]
        lo, hi = stores[0].extent()
        mid = (lo + hi) / 2
        for a, b in ((lo, hi), (mid - 86400, mid), (mid - 3600, mid + 60)):
            frames = [s.frame(a, b, range(20), 300, 500) for s in stores]
            for f in frames[1:]:
                assert f.visible.ids == frames[0].visible.ids and f.visible.lane_totals == frames[0].visible.lane_totals
                assert np.array_equal(f.density, frames[0].density)
        assert stores[2].search("protest").ids == stores[0].search("protest").ids  # its search index written
        assert stores[2]._index is not None
        assert [s.page(1000, 20).ids for s in stores[1:]] == [stores[0].page(1000, 20).ids] * 2
    finally:
        for s in stores:
            s.close()


def test_a_duckdb_collection_is_checked_for_nulls_from_its_statistics_and_refused_naming_the_column(
        tmp_path, allied_parquet, monkeypatch):
    """Opening a .duckdb collection counted the NULLs of every id, title and json by reading them:
    60-70 s and 1.1 GB at 10^8 events.  The table's statistics say when there is none (no row
    read); a table with some is still refused, naming the column and how many."""
    import shutil

    import duckdb

    from viewer.io.duckstore import copy_collection

    good = str(tmp_path / "good.duckdb")
    copy_collection(str(allied_parquet), good)
    asked: list[str] = []
    real = DuckStore._q

    def spy(self, sql, params=None):
        asked.append(sql)
        return real(self, sql, params)

    monkeypatch.setattr(DuckStore, "_q", spy)
    DuckStore(good).close()
    assert not [q for q in asked if "IS NULL)" in q], asked
    for i, (change, said) in enumerate((
            ("title = NULL WHERE rowid < 2", "column 'title': 2 rows have no title (NULL)"),
            ("lane = lane + 99", "column 'lane': lanes 98..104 are used but the collection's metadata"))):
        bad = str(tmp_path / f"bad{i}.duckdb")
        shutil.copy(good, bad)
        con = duckdb.connect(bad)
        con.execute(f"UPDATE events SET {change}")
        con.close()
        with pytest.raises(TimelineLoadError) as err:
            DuckStore(bad)
        assert f"bad{i}.duckdb" in str(err.value) and said in str(err.value)


def test_writing_a_big_parquet_collection_says_a_duckdb_one_answers_faster(tmp_path, monkeypatch, capsys):
    """At 10^8 events a .duckdb collection answered a view's questions 2-3 times faster
    (benchmarks/README.md); convert says so for a big collection, and how to copy it."""
    from viewer import cli
    from viewer.app import main
    from viewer.io.synthetic_store import write_synthetic_collection

    src, out = str(tmp_path / "s.parquet"), str(tmp_path / "out.parquet")
    write_synthetic_collection(src, 3000)
    assert main(["convert", src, out]) == 0
    assert "note:" not in capsys.readouterr().err  # under the size: nothing said
    monkeypatch.setattr(cli, "DUCKDB_ADVICE", 2000)
    assert main(["convert", src, out]) == 0
    err = capsys.readouterr().err
    assert "note: 3,000 events: the same collection as a DuckDB file opens and draws faster" in err
    assert f"`timeline-viewer convert {out} {tmp_path / 'out.duckdb'}` copies it" in err
    assert "with its own search index" in err


@pytest.mark.parametrize("kind", ["parquet", "duckdb"])
def test_a_second_handle_answers_as_the_store_and_closes_alone(big, big_parquet, tmp_path, kind):
    """The window counts the tags on a second handle (another thread) while it draws: the
    same answers as the store, and closing it leaves the store open."""
    from viewer.io.duckstore import copy_collection

    path = str(big_parquet)
    if kind == "duckdb":
        path = str(tmp_path / "big.duckdb")
        copy_collection(str(big_parquet), path)
    store = DuckStore(path)
    try:
        store.warm()
        mem = MemoryStore(big)
        other = store.background()
        lo, hi = store.extent()
        for facet in ("track", "tags"):
            assert other.facet_counts(facet) == mem.facet_counts(facet)
        assert np.array_equal(other.density(lo, hi, [0, 1, 2], 512), store.density(lo, hi, [0, 1, 2], 512))
        other.close()
        assert store.facet_counts("tags") == mem.facet_counts("tags")
        assert store.visible(lo, lo + 86400 * 30, [0, 1, 2]).total == \
            mem.visible(lo, lo + 86400 * 30, [0, 1, 2]).total
    finally:
        store.close()
