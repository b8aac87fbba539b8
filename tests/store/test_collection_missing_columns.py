"""A ``.parquet`` file without a column the store reads (a collection with ``json`` dropped,
a user's own Parquet table of events) is refused at open with the words the ClickHouse table
gets ("not a timeline collection: no column json in FILE"), never a DuckDB binder error: the
CLI exits 2, the window says so and keeps what it shows; a plain table of events is told how
to become a collection."""

import pytest

from viewer.app import main
from viewer.io.collection_window import open_collection_store
from viewer.io.registry import read_timeline, write_timeline
from viewer.model.errors import TimelineLoadError

pytest.importorskip("duckdb")


@pytest.fixture
def allied(tmp_path, bundled_path):
    src = tmp_path / "allied.parquet"
    assert write_timeline(read_timeline(bundled_path), src) == []
    return str(src)


def _without(src: str, dest, *drop: str) -> str:
    """A copy of the collection ``src`` (its key-value metadata kept) without the columns ``drop``."""
    import duckdb

    con = duckdb.connect()
    kv = {bytes(k).decode(): bytes(v).decode() for k, v in
          con.execute(f"SELECT key, value FROM parquet_kv_metadata('{src}')").fetchall()}
    kvs = ", ".join(f"{k}: {duckdb.ConstantExpression(v)}" for k, v in kv.items())
    con.execute(f"COPY (SELECT * EXCLUDE ({', '.join(drop)}) FROM read_parquet('{src}')) TO '{dest}' "
                f"(FORMAT parquet, KV_METADATA {{{kvs}}})")
    con.close()
    return str(dest)


def _plain_table(dest) -> str:
    """A user's own Parquet export of events: date, title, notes; no collection metadata."""
    import duckdb

    con = duckdb.connect()
    con.execute("COPY (SELECT DATE '2022-02-10' + i::INT AS date, 'Event ' || i AS title, 'x' AS notes "
                f"FROM range(5) t(i)) TO '{dest}' (FORMAT parquet)")
    con.close()
    return str(dest)


@pytest.mark.parametrize("drop", [("json",), ("lane",), ("sort_point",), ("search_text", "json")])
def test_a_collection_without_a_column_is_refused_by_name(tmp_path, allied, drop):
    bad = _without(allied, tmp_path / "bad.parquet", *drop)
    with pytest.raises(TimelineLoadError) as err:
        open_collection_store(bad)
    said = str(err.value)
    assert f"not a timeline collection: no column {', '.join(drop)} in bad.parquet" in said, said
    assert "Binder" not in said and "FROM" not in said


def test_a_duckdb_collection_without_json_is_refused_alike(tmp_path, bundled_path):
    import duckdb

    bad = tmp_path / "bad.duckdb"
    assert write_timeline(read_timeline(bundled_path), bad) == []
    con = duckdb.connect(str(bad))
    con.execute("ALTER TABLE events DROP COLUMN json")
    con.close()
    with pytest.raises(TimelineLoadError, match="not a timeline collection: no column json in bad.duckdb"):
        open_collection_store(str(bad))


@pytest.mark.parametrize("command", ["validate", "convert", None])
def test_the_cli_exits_2_and_names_the_column(tmp_path, allied, capsys, command):
    bad = _without(allied, tmp_path / "bad.parquet", "json")
    out = tmp_path / "out.timeline.json"
    args = {"validate": ["validate", bad], "convert": ["convert", bad, str(out)],
            None: [bad, "--screenshot", str(tmp_path / "x.png"), "--size", "800x500"]}[command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "not a timeline collection: no column json in bad.parquet" in err, err
    assert "Binder" not in err and "Traceback" not in err
    assert not out.exists()


def test_a_plain_table_of_events_is_told_how_to_become_a_collection(tmp_path, capsys):
    plain = _plain_table(tmp_path / "mine.parquet")
    assert main(["validate", plain]) == 2
    err = capsys.readouterr().err
    assert "not a timeline collection" in err and "mine.parquet" in err, err
    # convert reads CSV, not a Parquet table: the way there is said, never onto the user's own file
    assert "looks like a table of events (columns 'title', 'date')" in err, err
    assert "TO 'mine.csv'" in err and "timeline-viewer convert mine.csv mine-timeline.parquet" in err, err
    assert "convert IN OUT.parquet" not in err


def test_a_parquet_table_of_other_things_gets_no_such_advice(tmp_path, capsys):
    import duckdb

    other = tmp_path / "other.parquet"
    duckdb.sql(f"COPY (SELECT 1 AS a, 2 AS b) TO '{other}' (FORMAT parquet)")
    assert main(["validate", str(other)]) == 2
    err = capsys.readouterr().err
    assert "not a timeline collection: no timeline_viewer metadata" in err and "table of events" not in err


def test_the_window_says_so_and_keeps_its_timeline(open_window, bundled_path, allied, tmp_path, monkeypatch):
    bad = _without(allied, tmp_path / "bad.parquet", "json")
    tl = read_timeline(bundled_path)
    win = open_window(tl)
    shown: list[tuple[str, ...]] = []
    monkeypatch.setattr(win, "show_error", lambda *a: shown.append(a))
    assert win.open_file(bad) is False
    assert win.timeline is tl and not win.collection_windows
    ((title, text, *_),) = shown
    assert "bad.parquet" in title and "not a timeline collection: no column json in bad.parquet" in text
    assert "Binder" not in text
