"""A collection file under a name of another format (a Parquet file saved as ``events.dat`` or
``events.json``, a DuckDB file as ``events.bin``): it was "unknown file format" or a JSON reader's
"NUL byte ... not UTF-8 text"; now it is named for what it is, with the ways to open it."""

import shutil

import pytest

from viewer.app import main
from viewer.io.registry import read_timeline
from viewer.model.errors import TimelineLoadError

from .collection import collection

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    from viewer.io.duckstore import write_parquet

    folder = tmp_path_factory.mktemp("misnamed")
    for ext in ("parquet", "duckdb"):
        write_parquet(collection(300, seed=4), str(folder / f"ev.{ext}"))
    return folder


@pytest.mark.parametrize(("kind", "name", "what"), [
    ("parquet", "events.dat", "this is a Parquet file (it begins and ends with the Parquet magic bytes PAR1)"),
    ("parquet", "events.json", "this is a Parquet file"),
    ("duckdb", "events.bin", "this is a DuckDB database (its header holds DUCK at byte 8)"),
])
def test_a_misnamed_collection_is_named_for_what_it_is(written, tmp_path, capsys, kind, name, what):
    path = tmp_path / name
    shutil.copyfile(written / f"ev.{kind}", path)
    assert main(["validate", str(path)]) == 2  # unreadable under this name, as an unknown format
    err = capsys.readouterr().err
    assert what in err and "unknown file format" not in err and "NUL byte" not in err
    stem = name.split(".")[0]
    assert f"rename it to {stem}.{kind}" in err
    with pytest.raises(TimelineLoadError, match=what.replace("(", r"\(").replace(")", r"\)")):
        read_timeline(path)
    # the ways out work
    renamed = tmp_path / f"{stem}.{kind}"
    shutil.copyfile(path, renamed)
    assert main(["validate", str(renamed)]) == 0
    assert "valid (300 events" in capsys.readouterr().out
    if kind == "parquet":
        assert "or give --from parquet on the command line" in err
        assert main(["validate", str(path), "--from", kind]) == 0
        assert "valid (300 events" in capsys.readouterr().out


def test_a_text_file_that_begins_with_par1_is_still_read_as_text(tmp_path, capsys):
    path = tmp_path / "p.csv"
    path.write_text("PAR1,title\nx,y\n")
    main(["validate", str(path)])
    err = capsys.readouterr().err
    assert "Parquet" not in err and "columns found: PAR1, title" in err
