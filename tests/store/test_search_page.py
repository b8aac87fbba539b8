"""A page of a search's matches is read from the sidecar search index (issue 13: a rare word's
matches far apart in a Parquet file cost a row group of 122,880 rows each, 0.5-0.6 s for a page
at 10^7): what the event list shows of each row must be exactly what the collection gives, for
Parquet and DuckDB collections, and a wrong list in the sidecar is never shown."""

import math
import sqlite3

import numpy as np
import pytest

from viewer.io.duckstore import DuckStore, write_parquet
from viewer.io.search_index import sidecar_path
from viewer.model.search import event_text
from viewer.model.store_query import StoreFilter

from .collection import collection

pytest.importorskip("duckdb")

FIELDS = ("lane", "kind", "x0", "x1", "xm", "flags", "solid0", "solid1", "planned", "draft", "cal_start", "cal_end")


@pytest.fixture(scope="module")
def small():
    return collection(4000, seed=29)


@pytest.fixture(scope="module", params=["parquet", "duckdb"])
def coll(request, small, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("page") / f"small.{request.param}")
    write_parquet(small, path)
    return path


def queries(small, rng, count):
    """Pieces of events' texts (rare and common, one to two terms, a short term beside a word)."""
    texts = [event_text(ev, small) for ev in small.events]
    out = []
    for _ in range(count):
        text = texts[int(rng.integers(len(texts)))].replace("\n", " ")
        k = int(rng.integers(3, 12))
        a = int(rng.integers(0, max(len(text) - k, 0) + 1))
        out.append(text[a:a + k].strip() or "strike")
    return out + ["strike", "talks 1", "protest 12", "élysée", "e", "zzqx"]


def same(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype.kind == "f" or b.dtype.kind == "f":
        return a.shape == b.shape and bool(np.all((a == b) | (np.isnan(a.astype(float)) & np.isnan(b.astype(float)))))
    return a.tolist() == b.tolist()


def test_a_page_of_matches_comes_from_the_index_and_equals_the_collections_rows(small, coll, monkeypatch):
    rng = np.random.default_rng(5)
    store, plain = DuckStore(coll), DuckStore(coll, search_index=False)
    try:
        assert store._index is not None and store.index_note == ""

        def no_file_read(positions, extra=""):
            assert not len(positions), "the page's rows were read from the collection file"
            return plain._rows_at(positions, extra)  # (no match: no row read)

        for query in queries(small, rng, 40):
            flt = StoreFilter(text=query)
            want = plain.page(0, 100, flt)  # the collection's own scan and rows
            for offset in (0, int(rng.integers(0, max(want.total, 1)))):
                want = plain.page(offset, 100, flt)
                with monkeypatch.context() as m:
                    m.setattr(store, "_rows_at", no_file_read)
                    got = store.page(offset, 100, flt)
                n = len(got)
                assert got.ids == want.ids[:n], query  # (a short term's page may say "at least")
                assert n == len(want) or not got.total_exact, query
                assert list(got.titles) == list(want.titles)[:n], query
                for name in FIELDS:
                    assert same(getattr(got, name), getattr(want, name)[:n]), (query, name)
                assert got.events == want.events[:n], query  # the dates as the source gives them
                assert (got.total, got.total_exact) == (want.total, True) or not got.total_exact, query
    finally:
        store.close()
        plain.close()


def test_the_unfiltered_and_filtered_pages_equal_the_collections_rows(coll):
    store, plain = DuckStore(coll), DuckStore(coll, search_index=False)
    try:
        for flt in (None, StoreFilter(hidden_tracks=frozenset({"t2", "t5"})), StoreFilter(tags=frozenset({"energy"}))):
            for offset in (0, 1234):
                got, want = store.page(offset, 50, flt), plain.page(offset, 50, flt)
                assert got.ids == want.ids and got.total == want.total
                assert got.events == want.events
                for name in FIELDS:
                    assert same(getattr(got, name), getattr(want, name)), name
    finally:
        store.close()
        plain.close()


def spoil(path, sql):
    con = sqlite3.connect(sidecar_path(path))
    con.executescript(sql)
    con.commit()
    con.close()


@pytest.mark.parametrize("sql, words", [
    ("UPDATE shown SET json = replace(json, '2022', '2021')", "json in its list is not the collection's"),
    ("UPDATE shown SET x0 = x0 + 86400", "x0 in its list is not the collection's"),
    ("DELETE FROM shown WHERE row % 7 = 3", "does not show row|it lists 3,429 events where it holds the text of 4,000"),
])
def test_a_sidecar_whose_list_is_not_the_collections_is_ignored(small, coll, tmp_path, sql, words):
    import shutil

    copy = str(tmp_path / ("c." + coll.rsplit(".", 1)[1]))
    shutil.copyfile(coll, copy)
    if copy.endswith(".parquet"):
        from viewer.io.duckstore import counts_path

        shutil.copyfile(counts_path(coll), counts_path(copy))
    shutil.copyfile(sidecar_path(coll), sidecar_path(copy))
    spoil(copy, sql)
    s = DuckStore(copy)
    try:
        assert s._index is not None  # (the list is checked at the first page it gives, not at opening)
        ev = {e.id: e for e in small.events}
        for offset in (0, 40):
            got = s.page(offset, 20, StoreFilter(text="strike"))  # the first: a random run checked
            assert got.events == [ev[i] for i in got.ids] and len(got) == 20  # never the wrong list
            assert not any(math.isnan(v) for v in got.x0)
        if s._search_index() is not None:  # a spot check may miss rows deleted: validate checks every row
            assert "DELETE" in sql
            s.check_search_index(every_row=True)
        assert s._search_index() is None and any(w in s.index_note for w in words.split("|")), s.index_note
    finally:
        s.close()


def test_an_index_of_the_version_before_is_refused_as_stale_with_the_way_out(coll, tmp_path):
    """A sidecar written before the list's rows were kept (version 2: no table ``shown``) would
    read each page from the file again: it is refused, saying why and how to rebuild it."""
    import shutil

    side = str(tmp_path / "old.search.sqlite")
    shutil.copyfile(sidecar_path(coll), side)
    con = sqlite3.connect(side)
    con.executescript("DROP TABLE shown; UPDATE meta SET value = '2' WHERE key = 'version';")
    con.commit()
    con.close()
    s = DuckStore(coll, sidecar=side)
    try:
        assert s._index is None
        assert "search index ignored, it is of search index version 2" in s.index_note
        assert "(this one reads version 3: stale)" in s.index_note
        assert f"timeline-viewer index {coll} --out {side}" in s.index_note
        assert s.page(0, 10, StoreFilter(text="strike")).total > 0  # the scan answers
    finally:
        s.close()


def forged_copy(small, coll, tmp_path, word="strike"):
    """A copy of ``coll`` whose sidecar's list gives one matching row (not the first) a new title and
    a direct quote in its json: the tester's forged event e2500 ('We surrender')."""
    import json
    import shutil

    from viewer.io.duckstore import counts_path

    copy = str(tmp_path / ("f." + coll.rsplit(".", 1)[1]))
    shutil.copyfile(coll, copy)
    if copy.endswith(".parquet"):
        shutil.copyfile(counts_path(coll), counts_path(copy))
    shutil.copyfile(sidecar_path(coll), sidecar_path(copy))
    plain = DuckStore(copy, search_index=False)
    try:
        page = plain.page(0, 20, StoreFilter(text=word))
    finally:
        plain.close()
    target = page.ids[3]
    con = sqlite3.connect(sidecar_path(copy))
    row, text = con.execute("SELECT s.row, s.json FROM shown AS s JOIN rows AS r ON r.row = s.row "
                            "WHERE r.id = ?", [target]).fetchone()
    forged = json.loads(text)
    forged["title"] = "Ministry announces surrender"
    forged["summary"] = "The minister said: \u201cWe surrender.\u201d"
    con.execute("UPDATE shown SET title = ?, json = ? WHERE row = ?",
                ["Ministry announces surrender", json.dumps(forged), row])
    con.commit()
    con.close()
    return copy, target


def test_a_page_from_the_index_is_checked_row_by_row_and_a_forged_row_drops_the_index(small, coll, tmp_path):
    """One row's title and json forged in the sidecar's list: the random run of the first spot
    check misses it (as it misses one row in 10^7), so the page gives it; the check of exactly the
    page's rows finds it, drops the index with the note and its way out, and the page asked again
    is the collection's."""
    copy, target = forged_copy(small, coll, tmp_path)
    s = DuckStore(copy)
    try:
        index = s._search_index()
        assert index is not None
        index.shown_checked = True  # the spot check's run passed (it did not hit the forged row)
        ev = {e.id: e for e in small.events}
        flt = StoreFilter(text="strike")
        page = s.page(0, 20, flt)
        assert page.from_sidecar is not None  # served from the index: to be checked
        problem = s.check_sidecar_page(page)
        assert problem == f"row {int(page.from_sidecar.positions[3])}'s title in its list is not the collection's"
        assert s._search_index() is None
        assert "search index dropped" in s.sidecar_note and "rebuild it" in s.sidecar_note, s.sidecar_note
        again = s.page(0, 20, flt)
        assert again.from_sidecar is None and again.ids == page.ids
        assert again.events == [ev[i] for i in again.ids]
        assert "surrender" not in " ".join(again.titles) and again.titles[3] == ev[target].title
    finally:
        s.close()


def test_a_sound_page_from_the_index_passes_its_check_and_keeps_the_index(coll):
    s = DuckStore(coll)
    try:
        page = s.page(0, 50, StoreFilter(text="strike"))
        assert page.from_sidecar is not None
        assert s.check_sidecar_page(page) is None and s._search_index() is not None
        other = s.background(search=True)  # (the window's search thread checks with its own handle)
        try:
            assert other.check_sidecar_page(other.page(40, 50, StoreFilter(text="talks"))) is None
        finally:
            other.close()
    finally:
        s.close()


def test_a_row_the_index_finds_for_a_word_its_text_lacks_never_stays_listed(small, coll, tmp_path, monkeypatch):
    """The break-it tester's forged match: one row's text in the sidecar given a word it does not
    hold (``zebraword``) and the FTS table rebuilt over it, its list (``shown``) left alone.  The
    spot check at opening misses the row (as it misses one row in 10^7); the page from the index
    lists the row as a match, its check from the collection's own text finds that it does not
    match, drops the index with its note, and the page asked again lists no such event."""
    import shutil

    copy = str(tmp_path / ("z." + coll.rsplit(".", 1)[1]))
    shutil.copyfile(coll, copy)
    if copy.endswith(".parquet"):
        from viewer.io.duckstore import counts_path

        shutil.copyfile(counts_path(coll), counts_path(copy))
    shutil.copyfile(sidecar_path(coll), sidecar_path(copy))
    con = sqlite3.connect(sidecar_path(copy))
    row, target = con.execute("SELECT r.row, r.id FROM rows AS r JOIN shown AS s ON s.row = r.row "
                              "ORDER BY r.row LIMIT 1 OFFSET 5").fetchone()
    con.execute("UPDATE rows SET body = body || ' zebraword' WHERE row = ?", [row])
    con.execute("INSERT INTO fts(fts) VALUES('rebuild')")
    con.commit()
    con.close()
    assert not any("zebraword" in event_text(ev, small) for ev in small.events)
    monkeypatch.setattr(DuckStore, "check_search_index", lambda self, every_row=False: None)  # the run missed it
    s = DuckStore(copy)
    try:
        flt = StoreFilter(text="zebraword")
        page = s.page(0, 20, flt)
        assert page.ids == [target] and page.from_sidecar is not None  # the forged match, from the index
        problem = s.check_sidecar_page(page)
        assert problem == (f"it lists row {row} as a match, but the collection's text of that row does not match")
        assert s._search_index() is None
        assert "search index dropped" in s.sidecar_note and "rebuild it" in s.sidecar_note, s.sidecar_note
        again = s.page(0, 20, flt)
        assert again.ids == [] and again.total == 0 and again.from_sidecar is None
        assert s.search("zebraword").ids == []
    finally:
        s.close()


def test_the_lists_spot_check_never_lands_on_rows_not_drawn_only(tmp_path, monkeypatch):
    """The first page's spot check reads a random run of 8 rows; when the run falls on rows that
    are not drawn (events of an unknown year sort last), it used to compare nothing and serve a
    forged list.  The run then starts at the next drawn row: the forged x0 is caught."""
    import dataclasses

    from viewer.model.dates import EventDate
    from viewer.model.timeline import Event

    base = collection(300, seed=29)
    undated = tuple(Event(f"u{i:03d}", f"Undated strike {i}", EventDate("XXXX-06-10"), track="t1")
                    for i in range(40))
    path = str(tmp_path / "undated.parquet")
    write_parquet(dataclasses.replace(base, events=base.events + undated), path)
    spoil(path, "UPDATE shown SET x0 = x0 + 86400")

    class LastRun:  # every random draw is its range's last value: the run of the last 8 rows
        def integers(self, low, high=None, size=None):
            last = (low if high is None else high) - 1
            return np.full(size, last) if size is not None else last

    store, plain = DuckStore(path), DuckStore(path, search_index=False)
    try:
        monkeypatch.setattr(np.random, "default_rng", lambda *a, **k: LastRun())
        got = store.page(0, 20, StoreFilter(text="strike"))
        want = plain.page(0, 20, StoreFilter(text="strike"))
        assert got.ids == want.ids and same(got.x0, want.x0)  # never the forged x0
        assert store._search_index() is None
        assert "x0 in its list is not the collection's" in store.index_note
    finally:
        store.close()
        plain.close()
