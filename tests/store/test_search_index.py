"""The sidecar search index of a Parquet or DuckDB collection (issue 13): the same answers as the
in-memory search and as the collection's scan, and a wrong sidecar is ignored with a note, never
trusted and never a crash.  Every test runs on both kinds of collection."""

import os
import shutil
import sqlite3

import numpy as np
import pytest

from viewer.io import duckstore
from viewer.io.duckstore import DuckStore, counts_path, read_collection_report, write_parquet
from viewer.io.search_index import build_search_index, sidecar_path
from viewer.model.search import event_text, parse_query
from viewer.model.store import SearchResult
from viewer.model.store_query import StoreFilter

from .collection import collection

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def texts(big):
    """(sort point, file index, id, folded text) of every drawn event, in time order."""
    drawn = set(big.columns.ids)
    return sorted((ev.sort_point, i, ev.id, event_text(ev, big)) for i, ev in enumerate(big.events)
                  if ev.id in drawn)


def brute(texts, query):
    terms = parse_query(query)
    return [eid for _, _, eid, text in texts if terms and all(t in text for t in terms)]


@pytest.fixture(scope="module", params=["parquet", "duckdb"])
def coll(request, big, big_parquet, tmp_path_factory):
    """The 10^5-event collection as Parquet, or as a DuckDB file (written by convert's writer,
    which now gives it a search index too)."""
    if request.param == "parquet":
        return big_parquet
    path = str(tmp_path_factory.mktemp("duck") / "big.duckdb")
    write_parquet(big, path)
    return path


@pytest.fixture(scope="module")
def store(coll):
    s = DuckStore(coll)
    yield s
    s.close()


def random_queries(texts, rng, count):
    """Substrings of events' texts of 1 to 9 characters, cased and accented as a user types them,
    single terms and pairs, plus terms that match nothing."""
    out = []
    for _ in range(count):
        text = texts[int(rng.integers(len(texts)))][3].replace("\n", " ")
        k = int(rng.integers(1, 10))
        a = int(rng.integers(0, max(len(text) - k, 0) + 1))
        term = text[a:a + k].strip() or "x"
        term = term.upper() if rng.random() < 0.3 else term
        out.append(f'"{term}"' if " " in term else term)
    out += ["ÉLYSÉE", "Élysée 12", "elysee talks", "LAVROV", "le drian", "ly", "e", "9", "zzqx", "strike zzqx",
            "st 9", '"we said 1"', "ministry", "'quote", "a_b%", "[x]*?"]
    return out


def test_index_is_written_with_the_collection_and_used(coll, store):
    assert os.path.isfile(sidecar_path(coll))
    assert sidecar_path(coll).endswith("big.duckdb.search.sqlite" if coll.endswith(".duckdb") else
                                       "big.search.sqlite")
    assert store._index is not None and store.index_note == ""


def test_search_equals_brute_force_on_random_terms(texts, store, coll):
    rng = np.random.default_rng(7)
    scan = DuckStore(coll, search_index=False)  # the collection's own scan: the same answers
    try:
        for query in random_queries(texts, rng, 60):
            want = brute(texts, query)
            got, scanned = store.search(query, cap=30), scan.search(query, cap=30)
            assert (got.ids, got.total, got.exact) == (want[:30], len(want), True), query
            assert (scanned.ids, scanned.total) == (got.ids, got.total), query
    finally:
        scan.close()
    assert store._index is not None  # still answering: nothing fell back for a fault


def test_large_caps_short_terms_and_page_through_the_index(texts, store, coll):
    want = brute(texts, "strike")
    got = store.search("strike", cap=len(texts))  # the window's search asks for every id
    assert got.ids == want and got.total == len(want)
    scan = DuckStore(coll, search_index=False)
    try:
        for text in ("talks 1", "e", "élysée", "zzqx"):
            flt = StoreFilter(text=text)
            a, b = store.page(7, 20, flt), scan.page(7, 20, flt)
            want = brute(texts, text)
            assert a.ids == b.ids == want[7:27] and b.total == len(want) and b.total_exact
            # the index's page of a short term beside a common word: "of at least 1,000" until the count
            assert a.total == len(want) if a.total_exact else 27 <= a.total < len(want)
    finally:
        scan.close()


def test_capped_count_says_at_least(texts, store, monkeypatch):
    monkeypatch.setattr(duckstore, "COUNT_CAP", 1000)
    want = brute(texts, "protest")
    assert len(want) > 1000
    got = store.search("Protest", cap=10)
    assert got.ids == want[:10] and got.total == 1000 and not got.exact
    assert got.count_text() == "at least 1,000 matches"
    assert SearchResult(["a"], 1).count_text() == "1 match"
    assert SearchResult([], 12345).count_text() == "12,345 matches"


def test_event_by_id_through_the_index(big, store):
    rng = np.random.default_rng(3)
    for k in [0, len(big.events) - 1, *rng.integers(0, len(big.events), 20).tolist()]:
        ev = big.events[k]
        assert store.event(ev.id) == ev
    with pytest.raises(KeyError):
        store.event("nope")


@pytest.fixture
def copy(coll, tmp_path):
    """A copy of the collection (Parquet and counts, or the DuckDB file; and the sidecar) the test may spoil."""
    path = str(tmp_path / ("c" + os.path.splitext(coll)[1]))
    pairs = [(coll, path), (sidecar_path(coll), sidecar_path(path))]
    if coll.endswith(".parquet"):
        pairs.append((counts_path(coll), counts_path(path)))
    for src, dst in pairs:
        shutil.copyfile(src, dst)
    return path


def spoil_sql(path, sql):
    con = sqlite3.connect(sidecar_path(path))
    con.executescript(sql)
    con.commit()
    con.close()


def spoil_bytes(path, data, keep=None):
    side = sidecar_path(path)
    with open(side, "rb") as f:
        head = f.read()[:keep] if keep is not None else b""
    with open(side, "wb") as f:
        f.write(head + data)


def spoil_foreign(path):
    other = os.path.join(os.path.dirname(path), "other" + os.path.splitext(path)[1])
    write_parquet(collection(500, seed=5), other)
    shutil.copyfile(sidecar_path(other), sidecar_path(path))


def spoil_link(path):
    side = sidecar_path(path)
    os.replace(side, side + ".real")
    os.symlink(side + ".real", side)


SPOILS = {
    "garbage": (lambda p: spoil_bytes(p, b"not a database at all" * 100), "unreadable"),
    "rows changed": (lambda p: spoil_sql(p, "UPDATE meta SET value = '5' WHERE key = 'rows'"), "rows"),
    "old version": (lambda p: spoil_sql(p, "UPDATE meta SET value = '0' WHERE key = 'version'"), "version"),
    "other collection": (spoil_foreign, "collection"),
    "a trigger": (lambda p: spoil_sql(p, "CREATE TRIGGER t AFTER INSERT ON rows BEGIN SELECT 1; END"),
                  "unexpected objects t"),
    "a table changed": (lambda p: spoil_sql(p, "ALTER TABLE rows ADD COLUMN x"), "no rows table"),
    "rows out of range": (lambda p: spoil_sql(p, "INSERT INTO rows VALUES (99999999, 'y', 'x', 0)"),
                          "outside the collection"),
    "a link": (spoil_link, "not a regular file"),
    # right tables, token and counts, wrong content: was trusted, and search answered from it
    "texts rewritten": (lambda p: spoil_sql(p, "UPDATE rows SET body = upper(body)"), "text (event"),
    "texts of other rows": (lambda p: spoil_sql(p, "UPDATE rows SET body = (SELECT f.body FROM rows f "
                                             "WHERE f.row < rows.row ORDER BY f.row DESC LIMIT 1) WHERE row > 0"),
                            "is not the collection's"),
    "sort points moved": (lambda p: spoil_sql(p, "UPDATE rows SET sort_point = sort_point + 86400"),
                          "its id table does not locate event"),
}


@pytest.mark.parametrize("spoil", list(SPOILS))
def test_a_wrong_sidecar_is_ignored_with_a_note(texts, copy, spoil):
    fn, words = SPOILS[spoil]
    fn(copy)
    s = DuckStore(copy)
    try:
        assert s._index is None
        name = os.path.basename(sidecar_path(copy))
        assert f"{name}: search index ignored" in s.index_note and words in s.index_note
        for query in ("strike 12", "élysée", "zzqx"):
            want = brute(texts, query)
            got = s.search(query, cap=15)
            assert (got.ids, got.total) == (want[:15], len(want))
    finally:
        s.close()
    report = read_collection_report(copy)
    assert any(words in p.message for p in report.warnings)


def test_a_sidecar_damaged_after_opening_falls_back(texts, copy, big):
    s = DuckStore(copy)
    try:
        assert s._index is not None
        spoil_bytes(copy, b"\0" * 50_000, keep=8192)  # the file's pages gone under the open connection
        for query in ("strike 12", "talks 3", "ministry"):
            want = brute(texts, query)
            got = s.search(query, cap=15)
            assert (got.ids, got.total) == (want[:15], len(want))
        assert s.event(big.events[77].id) == big.events[77]
        assert s._index is None and "search index dropped" in s.index_note
    finally:
        s.close()


def test_build_search_index_for_an_existing_collection(texts, copy):
    os.unlink(sidecar_path(copy))
    s = DuckStore(copy)
    assert s._index is None and s.index_note == ""  # no sidecar: no note, the scan answers
    s.close()
    messages = []
    assert build_search_index(copy, progress=messages.append) == sidecar_path(copy)
    assert messages and "search index" in messages[-1]
    s = DuckStore(copy)
    try:
        assert s._index is not None
        want = brute(texts, "Lavrov 1")
        got = s.search("Lavrov 1", cap=5)
        assert (got.ids, got.total) == (want[:5], len(want))
    finally:
        s.close()


def test_one_row_edited_in_the_sidecar_is_found_by_validates_check_of_every_row(texts, copy, big):
    """Opening checks a few random rows (cheap: a sidecar of other rows or rewritten texts differs
    at almost any row); one edited row is left to validate, which checks every row."""
    con = sqlite3.connect(sidecar_path(copy))
    last = con.execute("SELECT max(row) FROM rows").fetchone()[0]
    con.execute("UPDATE rows SET body = 'nothing to see' WHERE row = ?", [last])
    con.commit()
    con.close()
    s = DuckStore(copy)
    try:
        s.check_search_index(every_row=True)
        assert s._index is None
        name = os.path.basename(sidecar_path(copy))
        assert f"{name}: search index ignored, row {last}'s text (event " in s.index_note
        want = brute(texts, "nothing to see")
        assert s.search("nothing to see", cap=15).ids == want[:15]
    finally:
        s.close()


def test_a_collection_copied_as_duckdb_gets_its_own_index(texts, big_parquet, tmp_path):
    """`convert big.parquet big.duckdb` copies the tables; the copy searched through its own sidecar
    (main: no index for a .duckdb collection, every search read every row)."""
    out = str(tmp_path / "copied.duckdb")
    duckstore.copy_collection(big_parquet, out)
    assert os.path.isfile(str(tmp_path / "copied.duckdb.search.sqlite"))
    s = DuckStore(out)
    try:
        assert s._index is not None and s.index_note == ""
        for query in ("strike 12", "élysée", "Lavrov 1"):
            want = brute(texts, query)
            got = s.search(query, cap=15)
            assert (got.ids, got.total) == (want[:15], len(want))
    finally:
        s.close()


def test_an_index_kept_elsewhere_for_a_collection_in_a_folder_that_cannot_be_written(texts, copy, tmp_path):
    """build_search_index(path, out=...) writes the sidecar elsewhere (the collection is only read);
    DuckStore(path, sidecar=...) uses it, with the same checks as beside the collection."""
    os.unlink(sidecar_path(copy))
    elsewhere = str(tmp_path / "elsewhere" / "c.search.sqlite")
    os.makedirs(os.path.dirname(elsewhere))
    before = os.path.getmtime(copy)
    assert build_search_index(copy, out=elsewhere) == elsewhere
    assert not os.path.exists(sidecar_path(copy)) and os.path.getmtime(copy) == before
    s = DuckStore(copy, sidecar=elsewhere)
    try:
        assert s._index is not None
        want = brute(texts, "talks 3")
        got = s.search("talks 3", cap=5)
        assert (got.ids, got.total) == (want[:5], len(want))
    finally:
        s.close()
    spoil_sql_at(elsewhere, "UPDATE meta SET value = '0' WHERE key = 'version'")
    s = DuckStore(copy, sidecar=elsewhere)
    try:
        assert s._index is None and "c.search.sqlite: search index ignored" in s.index_note
        assert s.search("talks 3", cap=5).ids == brute(texts, "talks 3")[:5]
    finally:
        s.close()


def spoil_sql_at(side, sql):
    con = sqlite3.connect(side)
    con.executescript(sql)
    con.commit()
    con.close()


def test_a_page_of_a_word_past_the_count_limit_comes_from_the_index(texts, store, monkeypatch):
    """A list page of a common word scanned every row when the index had more matches than it
    counts (0.8-1.5 s at 10^7); it now takes the first matches from the index and says the total
    is a lower bound, and the ids are those of the scan."""
    monkeypatch.setattr(duckstore, "COUNT_CAP", 1000)
    want = brute(texts, "protest")
    assert len(want) > 1020
    monkeypatch.setattr(store, "_matching", lambda where: pytest.fail("scanned"))
    first = store.page(0, 20, StoreFilter(text="protest"))
    assert first.ids == want[:20] and first.total == 1000 and not first.total_exact
    last = store.page(1000, 20, StoreFilter(text="protest"))  # past the limit: still from the index
    assert last.ids == want[1000:1020] and last.total >= 1020
    assert last.total_exact == (len(want) <= 1020)
    few = store.page(0, 20, StoreFilter(text="talks 123"))
    assert few.total_exact and few.total == len(brute(texts, "talks 123"))


def test_a_short_term_beside_a_common_word_gets_its_first_page_and_count_from_the_index(
        texts, store, monkeypatch):
    """'protest 7' (a one-character term beside a word in a tenth of the rows) scanned the whole
    collection for the list's first page and for the count (1-2 s at 10^7). The first page and a
    first count now come from the first rows the word finds; the scan counts them all later."""
    from viewer.io import search_index

    monkeypatch.setattr(search_index, "SHORT_CHECK_SHARE", 0.0)  # the index leaves this query to the scan
    query = "protest 7"
    want = brute(texts, query)
    assert len(want) > 40
    monkeypatch.setattr(store, "_matching", lambda where: pytest.fail("scanned"))
    monkeypatch.setattr(duckstore, "QUICK_COUNT", 30)
    page = store.page(0, 20, StoreFilter(text=query))
    assert page.ids == want[:20] and page.total == 30 and not page.total_exact
    quick = store.quick_count(query, count_to=30)
    assert (quick.total, quick.exact, quick.count_text()) == (30, False, "at least 30 matches")
    monkeypatch.setattr(search_index, "FIRST_CANDIDATES", 1)  # no match among the rows read: the scan answers
    assert store.quick_count("protest zq") is None
    monkeypatch.undo()
    few = brute(texts, "talks 123")
    assert 0 < len(few) < 1000
    assert (store.quick_count("talks 123").total, store.quick_count("talks 123").exact) == (len(few), True)
    assert store.quick_count("ly") is None  # every term short: only the scan can count


def test_first_matches_equal_brute_force_on_random_terms(texts, store):
    rng = np.random.default_rng(11)
    index = store._search_index()
    for query in random_queries(texts, rng, 40):
        terms = parse_query(query)
        want = brute(texts, query)
        got = index.first_matches(terms, 25)
        if got is None:
            continue
        pos, all_found = got
        assert [texts[k][2] for k in pos.tolist()] == want[:len(pos)], query  # the first matches, in order
        assert len(pos) <= 25 and (not all_found or len(pos) == len(want)), query
