"""A search index sidecar damaged on disk (bytes overwritten, rows taken out of the trigram index,
a row's trigrams replaced): it used to hide events from search while ``validate`` called the
collection valid.  Now ``validate`` runs SQLite's and FTS5's own checks and names the sidecar, what
is wrong and the way out (``timeline-viewer index``), opening refuses a trigram index whose count
of rows is not the collection's, and the collection window says why its index is not used.

Also: ``NAME.duckdb`` and ``NAME.duckdb.parquet`` in one folder each keep a search index of their own."""

import os
import shutil
import sqlite3

import pytest

from viewer.app import main
from viewer.io.duckstore import DuckStore, copy_collection, counts_path, write_parquet
from viewer.io.search_index import sidecar_path

from .collection import collection

pytest.importorskip("duckdb")

N = 20_000


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("damage") / "ev.parquet")
    write_parquet(collection(N, seed=21), path)
    return path


@pytest.fixture
def coll(written, tmp_path):
    path = str(tmp_path / "ev.parquet")
    for src, dst in ((written, path), (counts_path(written), counts_path(path)),
                     (sidecar_path(written), sidecar_path(path))):
        shutil.copyfile(src, dst)
    return path


def _row(path, k):
    con = sqlite3.connect(sidecar_path(path))
    try:
        return con.execute("SELECT id, body FROM rows WHERE row = ?", [k]).fetchone()
    finally:
        con.close()


def _sql(path, *statements):
    con = sqlite3.connect(sidecar_path(path))
    try:
        for sql, params in statements:
            con.execute(sql, params)
        con.commit()
    finally:
        con.close()


def _unindex(path, k, replace_with=None):
    """Take row ``k`` out of the trigram index (its text stays in the rows table); with
    ``replace_with``, index that text for it instead (the index's count of rows stays right)."""
    _, body = _row(path, k)
    steps = [("INSERT INTO fts(fts, rowid, body) VALUES ('delete', ?, ?)", [k, body])]
    if replace_with is not None:
        steps.append(("INSERT INTO fts(rowid, body) VALUES (?, ?)", [k, replace_with]))
    _sql(path, *steps)


def _validate(path, capsys):
    code = main(["validate", path])
    out, err = capsys.readouterr()
    return code, out, err


def _says_index_damaged(code, out, err, words):
    assert code == 1, out + err
    assert "ev.parquet: valid" not in out
    assert "its search index cannot be used (the events themselves are sound)" in err
    line = next(ln for ln in err.splitlines() if "ev.search.sqlite: search index ignored" in ln)
    assert any(w in line for w in ((words,) if isinstance(words, str) else words)), line
    assert "search scans the collection" in line and "rebuild it with `timeline-viewer index " in line
    assert "its search index is damaged, stale or not this file's" in out


def test_a_sound_index_is_valid(coll, capsys):
    code, out, err = _validate(coll, capsys)
    assert code == 0, err
    assert f"ev.parquet: valid ({N} events" in out


def test_a_row_taken_out_of_the_trigram_index_is_refused_at_opening_and_by_validate(coll, capsys):
    k = 12_345
    event_id, body = _row(coll, k)
    word = body.split("\n")[0][:12]
    _unindex(coll, k)
    s = DuckStore(coll)
    try:
        # the trigram index counts one row fewer: not used, said, and the event is found (by the scan)
        assert s._index is None
        assert "ev.search.sqlite: search index ignored, its trigram index holds 19,999 rows" in s.index_note
        assert "rebuild it with `timeline-viewer index" in s.index_note
        assert event_id in s.search(f'"{word}"', cap=100_000).ids
    finally:
        s.close()
    _says_index_damaged(*_validate(coll, capsys), "its trigram index holds 19,999 rows where the collection has 20,000")


def test_a_row_indexed_with_other_text_is_found_by_validate(coll, capsys):
    """The counts, the rows table and every row's text are right; only FTS5's own check sees it."""
    _unindex(coll, 777, replace_with="zzz nothing of the sort")
    _says_index_damaged(*_validate(coll, capsys), "its trigram index is damaged (SQLite's FTS5 check")


@pytest.mark.parametrize("table", ["rows", "fts_data"])
def test_bytes_overwritten_in_the_middle_are_found_by_validate(coll, capsys, table):
    """Bytes overwritten in the cells of a page in use (of the texts, or of the trigram index).
    A b-tree page keeps its cells at its end and its free space between them and the cell
    pointers, so the page's last third is overwritten (its middle may be free space, which
    no check can tell from a sound page: the index's layout varies between writes)."""
    side = sidecar_path(coll)
    con = sqlite3.connect(side)
    try:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        pages = [p for (p,) in con.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND ncell > 0 ORDER BY pageno", [table])]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        con.close()
    with open(side, "r+b") as f:
        f.seek((pages[len(pages) // 2] - 1) * size + size - size // 3)
        f.write(b"\xa5" * (size // 3))
    code, out, err = _validate(coll, capsys)
    # found by FTS5's check ('damaged') or already by SQLite's reading ('database disk image is malformed')
    _says_index_damaged(code, out, err, ("damaged", "malformed"))


def test_the_index_command_rebuilds_a_damaged_index(coll, capsys):
    _unindex(coll, 5, replace_with="zzz")
    before = os.path.getmtime(coll)
    assert main(["index", coll]) == 0
    out, _ = capsys.readouterr()
    assert f"wrote {sidecar_path(coll)}" in out
    assert os.path.getmtime(coll) == before  # the collection is only read
    code, out, err = _validate(coll, capsys)
    assert code == 0, err
    assert "ev.parquet: valid" in out


def test_index_command_refuses_what_is_not_a_collection(tmp_path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    assert main(["index", str(other)]) == 2
    assert "cannot index" in capsys.readouterr().err


def test_duckdb_and_its_parquet_namesake_keep_their_own_indexes(tmp_path):
    """NAME.duckdb.parquet's index was NAME.duckdb.search.sqlite, NAME.duckdb's too: the one written
    last replaced the other's, which was then refused as foreign (search scanned) -- or, for a copy
    with the same token, answered for a file it was not written from."""
    duck, parquet = str(tmp_path / "ev.duckdb"), str(tmp_path / "ev.duckdb.parquet")
    write_parquet(collection(600, seed=1), duck)
    write_parquet(collection(700, seed=2), parquet)
    assert sidecar_path(duck) != sidecar_path(parquet)
    assert os.path.isfile(sidecar_path(duck)) and os.path.isfile(sidecar_path(parquet))
    for path, n in ((duck, 600), (parquet, 700)):
        s = DuckStore(path)
        try:
            assert s._index is not None and s.index_note == "", s.index_note
            assert s.n_events == n
        finally:
            s.close()


def test_an_index_of_the_other_kind_of_file_is_refused(tmp_path):
    """A Parquet copy of a DuckDB collection keeps its token: its index, put beside the copy, is
    refused (it records the file kind it indexes)."""
    duck, parquet = str(tmp_path / "ev.duckdb"), str(tmp_path / "ev.parquet")
    write_parquet(collection(600, seed=1), duck)
    copy_collection(duck, parquet)
    shutil.copyfile(sidecar_path(duck), sidecar_path(parquet))
    s = DuckStore(parquet)
    try:
        assert s._index is None
        assert "it indexes a duckdb file, not this parquet collection" in s.index_note
    finally:
        s.close()


def _digest(path):
    import hashlib

    with open(path, "rb") as f:
        return hashlib.blake2b(f.read()).hexdigest()


def test_validate_writes_nothing_to_the_sidecar(coll, capsys):
    """FTS5's check is an INSERT: it runs in a transaction that is rolled back."""
    before = _digest(sidecar_path(coll))
    code, _, err = _validate(coll, capsys)
    assert code == 0, err
    assert _digest(sidecar_path(coll)) == before
    assert sorted(os.listdir(os.path.dirname(coll))) == ["ev.counts.parquet", "ev.parquet", "ev.search.sqlite"]


def test_a_sidecar_that_cannot_be_written_is_checked_on_a_copy(coll, capsys, monkeypatch):
    _unindex(coll, 777, replace_with="zzz nothing of the sort")
    monkeypatch.setattr(os, "access", lambda *a, **k: False)  # (as root, a 0o444 file is writable)
    _says_index_damaged(*_validate(coll, capsys), "its trigram index is damaged (SQLite's FTS5 check")
