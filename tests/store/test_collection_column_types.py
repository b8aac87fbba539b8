"""A collection whose column has the wrong type (``xm`` stored as text, ``json`` as a number) is
refused at open like one without the column ("not a timeline collection: column xm is VARCHAR,
expected DOUBLE"), never a DuckDB binder error or a traceback: the CLI exits 2."""

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


def _retyped(src: str, dest, column: str, sql_type: str) -> str:
    """A copy of the collection ``src`` (its key-value metadata kept) with ``column`` cast to ``sql_type``."""
    import duckdb

    con = duckdb.connect()
    kv = {bytes(k).decode(): bytes(v).decode() for k, v in
          con.execute(f"SELECT key, value FROM parquet_kv_metadata('{src}')").fetchall()}
    kvs = ", ".join(f"{k}: {duckdb.ConstantExpression(v)}" for k, v in kv.items())
    value = "file_index" if column == "json" else f"CAST({column} AS {sql_type})"
    con.execute(f"COPY (SELECT * REPLACE ({value} AS {column}) FROM read_parquet('{src}')) TO '{dest}' "
                f"(FORMAT parquet, KV_METADATA {{{kvs}}})")
    con.close()
    return str(dest)


@pytest.mark.parametrize(("column", "sql_type", "got", "want"), [
    ("xm", "VARCHAR", "VARCHAR", "DOUBLE"), ("json", "BIGINT", "BIGINT", "VARCHAR"),
    ("lane", "VARCHAR", "VARCHAR", "INTEGER"), ("tags", "VARCHAR", "VARCHAR", "VARCHAR[]")])
@pytest.mark.parametrize("command", ["validate", "convert"])
def test_a_column_of_the_wrong_type_is_refused_naming_it(tmp_path, allied, capsys, column, sql_type, got, want,
                                                         command):
    bad = _retyped(allied, tmp_path / "bad.parquet", column, sql_type)
    out = tmp_path / "out.timeline.json"
    assert main(["validate", bad] if command == "validate" else ["convert", bad, str(out)]) == 2
    err = capsys.readouterr().err
    assert f"not a timeline collection: column {column} is {got}, expected {want} in bad.parquet" in err, err
    assert "Binder" not in err and "Traceback" not in err and "LINE 1" not in err
    assert not out.exists()


def test_a_duckdb_collection_with_xm_as_text_is_refused_alike(tmp_path, bundled_path):
    import duckdb

    bad = tmp_path / "bad.duckdb"
    assert write_timeline(read_timeline(bundled_path), bad) == []
    con = duckdb.connect(str(bad))
    con.execute("ALTER TABLE events ALTER xm TYPE VARCHAR")
    con.close()
    with pytest.raises(TimelineLoadError, match="not a timeline collection: column xm is VARCHAR, expected DOUBLE"):
        open_collection_store(str(bad))
