"""The search index of a ClickHouse table (issue 13): SQLite FTS5 trigrams in the per-user cache
folder, written by ``timeline-viewer index clickhouse://...``.  Search, its counts, a search's page,
the unfiltered list's page and event by id answer exactly as the table's scan does, on chDB and on
the ClickHouse server (18.16 here); an index of another table, or a tampered one, is ignored with a
note and the scan answers."""

import os
import sqlite3
import time

import numpy as np
import pytest

from viewer.io.search_index import index_dir
from viewer.model.store_query import StoreFilter

chdb = pytest.importorskip("chdb", reason="chDB (in-process ClickHouse) is not installed: pip install chdb")

from viewer.io.clickstore import ChdbBackend, ClickStore, NativeBackend, load_collection  # noqa: E402

QUERIES = ("peskov", "élysée 3", '"convoy seen"', "we said", "it's", "zzzz-none", "ly")


@pytest.fixture(scope="module")
def chdb_folder(big_parquet, tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("chdb-index"))
    backend = ChdbBackend(folder)
    load_collection(backend, "tv", "events", big_parquet)
    load_collection(backend, "tv", "other", big_parquet)
    backend.close()
    return folder


@pytest.fixture(scope="module")
def server(big_parquet, clickhouse_url):
    from urllib.parse import urlsplit

    parts = urlsplit(clickhouse_url)
    backend = NativeBackend(parts.hostname, parts.port, "default", "default", "")
    try:
        load_collection(backend, "tvx", "events", big_parquet)
    finally:
        backend.close()
    return parts


def _open(kind, where, table="events", search_index=True):
    if kind == "chdb":
        return ClickStore(ChdbBackend(where), "tv", table, f"chdb://{where}", search_index=search_index)
    backend = NativeBackend(where.hostname, where.port, "default", "default", "")
    return ClickStore(backend, "tvx", table, f"clickhouse://{where.hostname}:{where.port}/tvx",
                      search_index=search_index)


@pytest.fixture(params=["chdb", "server"])
def place(request):
    return request.param, request.getfixturevalue("chdb_folder" if request.param == "chdb" else "server")


def test_index_in_the_cache_folder_answers_as_the_scan(place, big):
    kind, where = place
    store = _open(kind, where)
    try:
        path = store.write_search_index()
        assert os.path.dirname(path) == index_dir() and path == store.index_path()
    finally:
        store.close()
    indexed, scan = _open(kind, where), _open(kind, where, search_index=False)
    try:
        assert indexed._index is not None and indexed.sidecar_note == ""
        assert scan._index is None
        for query in QUERIES:
            for cap in (15, 1000):
                a, b = indexed.search(query, cap), scan.search(query, cap)
                assert (a.ids, a.total, a.exact) == (b.ids, b.total, b.exact), query
            for offset, limit in ((0, 10), (3, 7), (40, 100)):
                a = indexed.page(offset, limit, StoreFilter(text=query))
                b = scan.page(offset, limit, StoreFilter(text=query))
                assert (a.ids, a.total, a.total_exact, a.titles, a.events) == (
                    b.ids, b.total, b.total_exact, b.titles, b.events), (query, offset)
            q = indexed.quick_count(query)
            if q is not None:
                assert q.total == min(scan.search(query).total, 1000)
        n = indexed.n_drawn
        for offset, limit in ((0, 100), (5, 3), (n // 2, 100), (n - 7, 100), (n, 10)):
            a, b = indexed.page(offset, limit), scan.page(offset, limit)
            assert (a.ids, a.total, a.titles, a.events) == (b.ids, b.total, b.titles, b.events), offset
            for name in ("cal_start", "cal_end", "x1", "xm", "solid0", "planned", "draft", "lane", "kind", "flags"):
                np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
        # (answered through the index, not by falling back to the scan)
        assert indexed._indexed_page(indexed._index, n // 2, 100, StoreFilter()) is not None
        assert indexed._indexed_page(indexed._index, 0, 10, StoreFilter(text="peskov")) is not None
        for k in (0, 12, len(big.events) - 1):
            assert indexed.event(big.events[k].id) == big.events[k]
        with pytest.raises(KeyError):
            indexed.event("no such event")
    finally:
        indexed.close()
        scan.close()


def test_an_index_of_another_table_or_tampered_is_ignored_with_a_note(chdb_folder):
    store = _open("chdb", chdb_folder)
    try:
        path = store.write_search_index()
        want = store.search("peskov", 1000)
    finally:
        store.close()
    other = _open("chdb", chdb_folder, "other")
    try:  # the events table's index put where the other table's goes: stale, never its answers
        theirs = other.index_path()
        with open(path, "rb") as f, open(theirs, "wb") as g:
            g.write(f.read())
        other.close()
        other = _open("chdb", chdb_folder, "other")
        assert other._index is None
        assert "search index ignored" in other.sidecar_note and "stale or foreign" in other.sidecar_note
        assert "timeline-viewer index 'chdb://" in other.sidecar_note
        assert other.search("peskov", 1000).ids == want.ids  # the scan answers
    finally:
        other.close()
        os.unlink(theirs)
    con = sqlite3.connect(path)  # every text rewritten: the spot check at opening finds it
    con.execute("UPDATE rows SET body = 'peskov' WHERE body IS NOT NULL")
    con.commit()
    con.close()
    store = _open("chdb", chdb_folder)
    try:
        assert store._index is None and "is not the collection's" in store.sidecar_note
        got = store.search("peskov", 1000)
        assert (got.ids, got.total) == (want.ids, want.total)
    finally:
        store.close()


@pytest.mark.parametrize("with_index", [False, True])
def test_the_list_page_reads_its_stretch_of_the_table_on_the_server(server, with_index):
    """The unfiltered list's page in the middle of the table reads the wide columns (json, title) of
    its own stretch of the sort key only, with or without the search index (on 18.16 it read
    every row after the page's first: 8-10 s at 10^7 events)."""
    store = _open("server", server, search_index=with_index)
    try:
        if with_index:
            store.write_search_index()
        store._rows("SET log_queries = 1")  # (18.16 logs no query unless asked)
        n = store.n_drawn
        page = store.page(n // 2, 100)
        assert len(page.ids) == 100 and page.total == n
        store._rows("SYSTEM FLUSH LOGS")
        got = store._rows("SELECT read_rows FROM system.query_log WHERE type = 2 AND query LIKE '%, json FROM tvx.%' "
                          "AND query NOT LIKE '%query_log%' ORDER BY event_time DESC, query_start_time DESC LIMIT 1")[1]
        assert got and got[0][0] < n // 10, got
    finally:
        store.close()


def _mutated(store, sql):
    """Run an ``ALTER TABLE ... UPDATE/DELETE`` and wait for it (18.16 has no mutations_sync)."""
    store._rows(sql)
    for _ in range(200):
        if not store._rows(f"SELECT count() FROM system.mutations WHERE database = '{store._db}' AND "
                           f"table = '{store._table}' AND NOT is_done")[1][0][0]:
            return
        time.sleep(0.05)
    raise AssertionError("the mutation did not finish")


def test_an_index_of_a_table_edited_in_place_is_ignored_with_a_note(server, big, big_parquet):
    """``ALTER TABLE ... UPDATE`` of one row after ``index`` changes neither the collection token nor
    the table's metadata time: the index answered 0 for the row's new word, counted as exact."""
    backend = NativeBackend(server.hostname, server.port, "default", "default", "")
    try:
        load_collection(backend, "tvx", "edited", big_parquet)
    finally:
        backend.close()
    store = _open("server", server, "edited")
    try:
        store.write_search_index()
        target = big.events[7].id
        _mutated(store, f"ALTER TABLE tvx.edited UPDATE search_text = concat(search_text, ' zebraquux') "
                        f"WHERE id = '{target}'")
    finally:
        store.close()
    from viewer.io.clickstore import open_url

    # (opened by the address as given: the advice is that address, &protocol=native kept)
    store = open_url(f"clickhouse://{server.hostname}:{server.port}/tvx?table=edited&protocol=native")
    try:
        assert store._index is None
        assert "search index ignored" in store.sidecar_note and "stale or foreign" in store.sidecar_note
        assert (f"timeline-viewer index 'clickhouse://{server.hostname}:{server.port}/tvx?table=edited"
                "&protocol=native'`") in store.sidecar_note
        got = store.search("zebraquux", 1000)
        assert (got.ids, got.total) == ([target], 1)
        # edited while open, the index in use: dropped at the next search once the change is seen
        store.write_search_index()
        assert store._index is not None and store.sidecar_note == ""
        other = big.events[9].id
        _mutated(store, f"ALTER TABLE tvx.edited UPDATE search_text = concat(search_text, ' zebraquux') "
                        f"WHERE id = '{other}'")
        time.sleep(store.VERSION_TTL)
        got = store.search("zebraquux", 1000)
        assert sorted(got.ids) == sorted([target, other]) and got.total == 2
        assert "search index ignored, the table has changed since" in store.sidecar_note
    finally:
        store.close()


def test_index_makes_the_cache_folder_and_never_echoes_a_password(server, tmp_path, monkeypatch, capsys):
    """On a fresh machine (no cache folder yet) ``index clickhouse://...`` said "no private per-user
    cache folder": it is made, private, as for a Parquet collection.  An address with a password
    is refused without printing it."""
    from viewer.cli import main

    folder = tmp_path / "fresh" / "timeline-viewer"
    monkeypatch.setenv("TIMELINE_VIEWER_CACHE_DIR", str(folder))
    assert main(["index", f"clickhouse://{server.hostname}:{server.port}/tvx?table=events&protocol=native"]) == 0
    assert "wrote " + str(folder) in capsys.readouterr().out
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert main(["index", f"clickhouse://analyst:S3cretPW-xyz@{server.hostname}:{server.port}/tvx?table=events"]) == 2
    said = capsys.readouterr()
    assert "S3cretPW" not in said.out + said.err and "analyst:***@" in said.err
