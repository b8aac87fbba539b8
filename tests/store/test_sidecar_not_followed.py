"""A sound collection whose counts file or search index is a named pipe or a link: the sidecar is
not opened (a pipe would block, a link points elsewhere), and ``validate`` says so as a note, not
as "not valid as it is ... 1 field not mapped or values altered" with exit 1 (breakit5 item 13)."""

import os

import pytest

from viewer.app import main
from viewer.io.duckstore import counts_path
from viewer.io.search_index import sidecar_path

pytest.importorskip("duckdb")

SENTINEL = b"nobody read this"


@pytest.fixture
def sound(tmp_path, bundled_path, request):
    """The bundled timeline written as a collection (``.parquet`` with its counts file and search
    index beside it, or ``.duckdb`` with its search index)."""
    from viewer.io.registry import read_timeline, write_timeline

    path = tmp_path / f"allied.{request.param}"
    assert write_timeline(read_timeline(bundled_path), path) == []
    return str(path)


def _sidecar(path: str, which: str) -> str:
    return counts_path(path) if which == "counts" else sidecar_path(path)


CASES = [("parquet", "counts"), ("parquet", "search"), ("duckdb", "search")]


@pytest.mark.parametrize(("sound", "which"), CASES, indirect=["sound"])
def test_a_fifo_sidecar_is_named_not_opened_and_the_collection_is_valid(sound, which, capsys):
    side = _sidecar(sound, which)
    assert os.path.isfile(side)
    os.remove(side)
    os.mkfifo(side)
    # the test holds both ends (O_RDWR never blocks on Linux) with a few bytes in the pipe: a reader
    # opening it would neither hang this test nor leave those bytes there
    fd = os.open(side, os.O_RDWR | os.O_NONBLOCK)
    try:
        os.write(fd, SENTINEL)
        code = main(["validate", sound])
        assert os.read(fd, 100) == SENTINEL  # never read
    finally:
        os.close(fd)
    out, err = capsys.readouterr()
    assert code == 0, err
    name = os.path.basename(side)
    assert "not valid" not in out + err and "values altered" not in err
    assert f"{os.path.basename(sound)}: valid (16 events" in out
    assert "1 sidecar file not opened: see the note above" in out
    assert "note: 1 sidecar file of the collection not opened (the data does not need them):" in err
    line = next(ln for ln in err.splitlines() if name in ln)
    assert "it is a named pipe (FIFO), not a regular file: not opened" in line
    assert ("the window counts from the events instead" if which == "counts" else "search scans the collection") in line


@pytest.mark.parametrize(("sound", "which"), CASES, indirect=["sound"])
def test_a_linked_sidecar_is_named_not_followed_and_the_collection_is_valid(sound, which, tmp_path, capsys):
    side = _sidecar(sound, which)
    elsewhere = tmp_path / "elsewhere"
    os.replace(side, elsewhere)  # the very file it should be, behind a link: still not followed
    os.symlink(elsewhere, side)
    assert main(["validate", sound]) == 0
    out, err = capsys.readouterr()
    assert "not valid" not in out + err and "values altered" not in err
    assert "1 sidecar file not opened: see the note above" in out
    line = next(ln for ln in err.splitlines() if os.path.basename(side) in ln)
    assert "it is a symbolic link, not a regular file: not opened" in line


@pytest.mark.parametrize("sound", ["parquet"], indirect=True)
def test_both_sidecars_not_opened_are_listed_one_a_line(sound, capsys):
    """Both in one note (the two used to run together in one line: "... instead ff.search.sqlite: ...")."""
    for side in (counts_path(sound), sidecar_path(sound)):
        os.remove(side)
        os.mkfifo(side)
    assert main(["validate", sound]) == 0
    out, err = capsys.readouterr()
    assert "2 sidecar files not opened: see the note above" in out
    lines = [ln for ln in err.splitlines() if "not a regular file: not opened" in ln]
    assert len(lines) == 2
    assert "allied.counts.parquet: its count tables are not used (it is a named pipe (FIFO)" in lines[0]
    assert lines[1].strip().startswith("allied.search.sqlite: search index ignored (it is a named pipe (FIFO)")


@pytest.mark.parametrize("sound", ["parquet"], indirect=True)
def test_a_wrong_sidecar_still_makes_validate_say_not_valid(sound, capsys):
    """A sidecar that is a regular file but not this collection's is still reported as before."""
    with open(counts_path(sound), "wb") as f:
        f.write(b"\x00garbage" * 100)
    assert main(["validate", sound]) == 1
    assert "it cannot be read as Parquet" in capsys.readouterr().err
