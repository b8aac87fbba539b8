"""A store's rows carry their calendar days (``cal_start`` / ``cal_end``) as the loaded
columns do, so a window of a collection draws a date-only event on its day in any
display zone, as the main window draws it."""

import math

import numpy as np
import pytest

from viewer.model.store import MemoryStore
from viewer.model.window import WindowColumns, WindowContent, WindowRequest
from viewer.model.zones import timeline_on_local_days

from .collection import LANES, random_windows

DAY = 86400.0


def _stores(big, big_parquet, tmp_path_factory):
    yield "memory", MemoryStore(big)
    pytest.importorskip("duckdb")
    from viewer.io.duckstore import DuckStore

    yield "duckdb", DuckStore(big_parquet)
    try:
        import chdb  # noqa: F401
    except ImportError:
        return
    from viewer.io.clickstore import ChdbBackend, ClickStore, load_collection

    backend = ChdbBackend(str(tmp_path_factory.mktemp("chdb-cal")))
    load_collection(backend, "tv", "events", big_parquet)
    yield "clickhouse", ClickStore(backend, "tv", "events")


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.array_equal(np.asarray(a, float), np.asarray(b, float), equal_nan=True))


def test_every_store_gives_the_columns_calendar_days(big, big_parquet, tmp_path_factory):
    cols = big.columns
    assert cols.cal_start is not None and cols.cal_end is not None
    rng = np.random.default_rng(5)
    windows = random_windows(rng, (float(np.nanmin(cols.x0[np.isfinite(cols.x0)])) + cols.origin_epoch_s,
                                   float(np.nanmax(cols.x1[np.isfinite(cols.x1)])) + cols.origin_epoch_s), 4)
    for name, store in _stores(big, big_parquet, tmp_path_factory):
        try:
            for t0, t1 in windows:
                got = store.visible(t0, t1, LANES, cap=10**9)
                assert len(got.cal_start) == len(got) == len(got.cal_end), name
                rows = np.array([cols.row_of(i) for i in got.ids], dtype=np.int64)
                assert _same(got.cal_start, cols.cal_start[rows]), name
                assert _same(got.cal_end, cols.cal_end[rows]), name
                # both kinds of side are there: date-only (a number) and with a time of day (NaN)
                assert np.isfinite(got.cal_start).any() and np.isnan(got.cal_start).any(), name
            page = store.page(0, 50)
            rows = np.array([cols.row_of(i) for i in page.ids], dtype=np.int64)
            assert _same(page.cal_start, cols.cal_start[rows]), name
        finally:
            if name != "memory":
                store.close()


def test_a_window_draws_date_only_events_on_the_zones_days(big):
    """Minsk (UTC+3): 10 Feb 2022 runs from 9 Feb 21:00 UTC; a time of day does not move;
    the window's drawn extents equal the loaded timeline's on the zone's days."""
    store, zone = MemoryStore(big), "Europe/Minsk"
    cols = big.columns
    o = cols.origin_epoch_s
    t0, t1 = 1_644_451_200.0 - 20 * DAY, 1_644_451_200.0 + 20 * DAY  # around 10 Feb 2022
    vis = store.visible(t0, t1, LANES, cap=10**9)
    content = WindowContent(WindowRequest(t0, t1, tuple(LANES), 100), vis, {})
    utc = WindowColumns.of(content, o, len(big.tracks))
    local = WindowColumns.of(content, o, len(big.tracks), zone=zone)
    shown = timeline_on_local_days(big, zone).columns
    date_only = np.isfinite(local.cal_start) & (local.kind == 0)
    timed = np.isnan(local.cal_start) & (local.kind == 0)
    assert date_only.any() and timed.any()
    for r in np.flatnonzero(date_only)[:50]:
        eid = local.ids[r]
        assert local.x0[r] == utc.x0[utc.row_of(eid)] - 3 * 3600  # the local day starts 3 h earlier in UTC
        s = shown.row_of(eid)
        assert (local.x0[r], local.x1[r], local.xm[r]) == (shown.x0[s], shown.x1[s], shown.xm[s])
    for r in np.flatnonzero(timed)[:50]:
        assert local.xm[r] == utc.xm[utc.row_of(local.ids[r])]
    assert all(math.isfinite(v) for v in local.x1_cummax[np.isfinite(local.x1_cummax)])
