"""A date range in a collection (DuckDB, ClickHouse) keeps a span with one date known and the other's
year unknown (``2023-05-01`` to ``XXXX-06-10``) exactly when the in-memory filters do: when the range
meets its known date.  Before, the collection stored it as not drawn and its range left it out, so
the same file listed it filtered to May 2023 in the main window but not as a collection; and the
window opened on the collection drew nothing for it."""

from __future__ import annotations

import pytest

from tests.model.test_unknown_year_date_range import HALF_KNOWN, JULY_2023, MAY_2023
from viewer.io.native import timeline_from_dict
from viewer.io.registry import write_timeline
from viewer.model.columns import FLAG_HALF_KNOWN
from viewer.model.filters import FilterState, apply_filters
from viewer.model.store import MemoryStore
from viewer.model.store_query import StoreFilter

pytest.importorskip("duckdb")

MONTH = 31 * 86400.0
RANGES = [(MAY_2023, JULY_2023),  # both known dates
          (MAY_2023, MAY_2023 + 20 * 86400.0),  # the start known 1 May, not the end known 10 June
          (JULY_2023 + MONTH, JULY_2023 + 2 * MONTH),  # after both: neither (nothing known there)
          (0.0, MAY_2023),  # before both: neither
          (-1e12, 1e12)]  # everything dated


def _answers(store, tl):
    for lo, hi in RANGES:
        want = {e.id for e in apply_filters(tl, FilterState(date_range=(lo, hi))).events}
        mem = MemoryStore(tl)
        sf = StoreFilter(date_range=(lo, hi))
        assert set(mem.page(0, 100, sf).ids) == want and mem.count(sf) == len(want)
        assert set(store.page(0, 100, sf).ids) == want, (lo, hi)
        assert store.count(sf) == len(want), (lo, hi)


@pytest.fixture()
def parquet(tmp_path):
    tl = timeline_from_dict(HALF_KNOWN)
    out = tmp_path / "half.parquet"
    write_timeline(tl, out)
    return tl, out


def test_duckdb_answers_a_date_range_as_the_in_memory_filters(parquet):
    from viewer.cli import main as cli
    from viewer.io.duckstore import DuckStore

    tl, out = parquet
    assert cli(["validate", str(out)]) == 0  # its drawn row is what its dates give
    store = DuckStore(str(out))
    try:
        _answers(store, tl)
    finally:
        store.close()


def test_clickhouse_answers_a_date_range_as_the_in_memory_filters(parquet, tmp_path):
    pytest.importorskip("chdb", reason="chDB (in-process ClickHouse) is not installed")
    from viewer.io.clickstore import ChdbBackend, ClickStore, load_collection

    tl, out = parquet
    backend = ChdbBackend(str(tmp_path / "ch"))
    load_collection(backend, "tv", "events", str(out))
    store = ClickStore(backend, "tv", "events")
    try:
        _answers(store, tl)
    finally:
        store.close()


def test_the_collection_opened_in_the_window_draws_it_at_its_known_date(parquet):
    from viewer.io.registry import read_timeline

    tl, out = parquet
    got = read_timeline(out)
    c = got.columns
    for eid in ("spanu", "spanu2"):
        r = c.row_of(eid)
        assert int(c.flags[r]) & FLAG_HALF_KNOWN and c.xm[r] + c.origin_epoch_s == \
            tl.columns.xm[tl.columns.row_of(eid)] + tl.columns.origin_epoch_s
    # a point of an unknown year stays placed nowhere (it was drawn at about year 5000 there)
    assert c.xm[c.row_of("unk")] == float("inf")


def test_a_clickhouse_server_answers_a_date_range_as_the_in_memory_filters(parquet, clickhouse_url):
    """The same SQL on the test server (Debian's ClickHouse 18.16 over the native protocol)."""
    from urllib.parse import urlsplit

    from viewer.io.clickstore import NativeBackend, load_collection, open_url

    tl, out = parquet
    parts = urlsplit(clickhouse_url)
    backend = NativeBackend(parts.hostname, parts.port, "default", "default", "")
    try:
        load_collection(backend, "half", "events", str(out))
    finally:
        backend.close()
    store = open_url(f"clickhouse://{parts.hostname}:{parts.port}/half?table=events&protocol=native")
    try:
        _answers(store, tl)
    finally:
        store.close()
