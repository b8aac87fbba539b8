"""The registry's public pieces the window, the command line and the benchmarks share:
``reader_for`` (which reader a file gets) and writers that all take ``progress``."""

import json
from pathlib import Path

import pytest

from viewer.io import registry
from viewer.io.registry import read_timeline, reader_for, register_writer, writer_for, writers
from viewer.model.errors import TimelineLoadError

DATA = Path(__file__).resolve().parents[1] / "data"


def test_reader_for_names_the_reader_a_file_is_read_with(bundled_path, tmp_path):
    assert reader_for(bundled_path).name == "native"
    assert reader_for(DATA / "formats" / "generic.csv").name == "csv"
    assert reader_for(bundled_path, "csv").name == "csv"  # a format given wins
    with pytest.raises(TimelineLoadError, match="unknown timeline format 'nope'"):
        reader_for(bundled_path, "nope")
    odd = tmp_path / "notes.xyz"
    odd.write_text("hello", encoding="utf-8")
    with pytest.raises(TimelineLoadError, match="known formats"):
        reader_for(odd)


def test_the_callers_use_the_public_reader_for():
    root = Path(__file__).resolve().parents[2]
    for rel in ("viewer/ui/files.py", "viewer/cli.py", "benchmarks/bench_import.py"):
        text = (root / rel).read_text(encoding="utf-8")
        assert "reader_for(" in text and "_choose_reader" not in text, rel
        assert "type: ignore" not in text, rel


def test_every_writer_takes_a_progress_argument(bundled_path, tmp_path):
    tl = read_timeline(bundled_path)
    said = []
    for w in writers():
        if w.name in ("parquet", "duckdb"):
            continue  # collections: tested with their store
        out = tmp_path / f"out{w.extensions[0]}"
        left_out = w.write(tl, str(out), said.append)  # no type: ignore needed, nothing raised
        assert out.exists() and (left_out is None or isinstance(left_out, list)), w.name


def test_a_two_argument_writer_is_adapted(tmp_path, bundled_path):
    calls = []

    def write_plain(timeline, path):
        calls.append(path)
        Path(path).write_text(json.dumps({"n": len(timeline.events)}), encoding="utf-8")
        return ["one thing"]

    try:
        register_writer("plain-test", (".plaintest",), write_plain)
        out = tmp_path / "x.plaintest"
        assert writer_for(out).write(read_timeline(bundled_path), str(out), print) == ["one thing"]
        assert registry.write_timeline(read_timeline(bundled_path), out, progress=print) == ["one thing"]
        assert calls == [str(out), str(out)]
    finally:
        registry._WRITERS[:] = [w for w in registry._WRITERS if w.name != "plain-test"]


def test_a_format_written_but_not_read_says_so(tmp_path):
    """An .ics file (this viewer writes iCalendar) is not 'unknown file format' (newcomer11):
    the error says the viewer writes that format but cannot read it, and lists what it reads."""
    from viewer.io.registry import read_timeline as read

    path = tmp_path / "meetings.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    with pytest.raises(TimelineLoadError) as err:
        read(path)
    text = str(err.value)
    assert "meetings.ics" in text and "unknown file format" not in text
    assert "is a format this viewer writes (convert --to ics) but cannot read" in text
    assert "formats it reads: native" in text
