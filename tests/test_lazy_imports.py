"""Opening a collection imports only what its window uses (issue 13: a 10^8-event window
first painted in 4.6-8.2 s, 2.5-4 s of it imports): no JSON Schema validator, no EDTF
parser (pyparsing), no iCalendar or CSV module.  The native reader still validates.

Each case runs in a fresh Python (``sys.modules`` of this test process holds everything
other tests imported); nothing here is timed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.io.native_checks import check_document, plain_without_events
from viewer.io.native_problems import Problems

NOT_FOR_A_COLLECTION = ("jsonschema", "edtf", "pyparsing", "dateutil", "icalendar", "pandas", "pyarrow",
                        "viewer.io.ical", "viewer.io.csvgeneric", "viewer.io.acled", "viewer.ui.files")


ROOT = str(Path(__file__).resolve().parents[1])  # the checkout under test, whatever is installed


def _python(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=ROOT)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          cwd=str(cwd), timeout=600)


def _loaded(out: str) -> set[str]:
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def small_collection(tmp_path_factory) -> Path:
    """A synthetic DuckDB collection (the benchmark's kind: tracks, no dates in its metadata)."""
    from viewer.io.synthetic_store import write_synthetic_collection

    target = tmp_path_factory.mktemp("lazy") / "synthetic.duckdb"
    write_synthetic_collection(str(target), 20_000)
    return target


def test_opening_a_collection_window_imports_no_validator_and_no_date_parser(small_collection, tmp_path):
    shot = tmp_path / "window.png"
    done = _python(
        "import json, sys\n"
        "from viewer.app import main\n"
        "code = main([sys.argv[1], '--screenshot', sys.argv[2]])\n"
        "print(json.dumps(sorted(m for m in sys.modules if code == 0)))\n",
        str(small_collection), str(shot), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 0  # the window was drawn
    loaded = _loaded(done.stdout)
    assert "viewer.ui.collection_window" in loaded and "duckdb" in loaded
    assert sorted(loaded & set(NOT_FOR_A_COLLECTION)) == []


def test_importing_the_command_line_imports_no_engine_and_no_format(tmp_path):
    done = _python(
        "import json, sys\n"
        "import viewer.app, viewer.cli, viewer.io, viewer.io.registry, viewer.io.collection_window\n"
        "print(json.dumps(sorted(sys.modules)))\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    loaded = _loaded(done.stdout)
    assert sorted(loaded & {*NOT_FOR_A_COLLECTION, "duckdb", "PySide6", "pyqtgraph"}) == []


def test_help_lists_every_format_without_importing_them(tmp_path):
    done = _python(
        "import json, sys\n"
        "from viewer.cli import main\n"
        "try:\n"
        "    main(['convert', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "readers: native (.timeline.json, .json); timelinejs (.timelinejs.json)" in done.stdout
    assert "ics (.ics, .ical)" in done.stdout and "duckdb (.duckdb)" in done.stdout
    assert sorted(_loaded(done.stdout) & {"viewer.io.ical", "icalendar", "duckdb", "jsonschema"}) == []


def test_the_native_reader_still_validates_with_the_schema(tmp_path):
    bad = tmp_path / "bad.timeline.json"
    bad.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "T",
                               "tracks": [{"id": "a", "label": "A", "color": "red"}],
                               "events": [{"id": "e1", "title": "E", "track": "a", "start": "2022-02-10"}]}))
    done = subprocess.run([sys.executable, "-m", "viewer", "validate", str(bad)], capture_output=True, text=True,
                          timeout=600, env=dict(os.environ, PYTHONPATH=ROOT))
    assert done.returncode == 1
    assert "bad.timeline.json" in done.stdout + done.stderr
    assert "color" in done.stdout + done.stderr  # the schema's pattern, named where it failed


PLAIN = {"format": "timeline-viewer", "version": 1, "title": "T", "time_zone": "UTC", "sources": [], "events": [],
         "tracks": [{"id": "a", "label": "A", "order": 0, "color": "#aabbcc"}, {"id": "b", "label": ""}]}


def _variants():
    yield PLAIN, True
    yield {**PLAIN, "description": "about"}, True
    yield {k: v for k, v in PLAIN.items() if k != "time_zone"}, True
    # each of these breaks the schema (or leaves the plain shape): the full check runs and says why
    yield {**PLAIN, "version": "1"}, False
    yield {**PLAIN, "version": True}, False
    yield {**PLAIN, "title": ""}, False
    yield {**PLAIN, "title": 3}, False
    yield {**PLAIN, "format": "other"}, False
    yield {**PLAIN, "extra": 1}, False
    yield {**PLAIN, "time_zone": ""}, False
    yield {**PLAIN, "tracks": {}}, False
    yield {**PLAIN, "tracks": [{"id": "a"}]}, False
    yield {**PLAIN, "tracks": [{"id": "", "label": "A"}]}, False
    yield {**PLAIN, "tracks": [{"id": "a", "label": "A", "color": "#abc"}]}, False
    yield {**PLAIN, "tracks": [{"id": "a", "label": "A", "color": "#aabbcc\n"}]}, False
    yield {**PLAIN, "tracks": [{"id": "a", "label": "A", "order": 1.5}]}, False
    yield {**PLAIN, "tracks": [{"id": "a", "label": "A", "kind": "x"}]}, False
    yield {**PLAIN, "tracks": ["a"]}, False
    yield {k: v for k, v in PLAIN.items() if k != "tracks"}, False
    yield {**PLAIN, "events": [{"id": "e", "title": "E", "track": "a", "start": "2022"}]}, False


@pytest.mark.parametrize("data, plain", list(_variants()))
def test_the_plain_shape_is_one_the_schema_accepts(data, plain):
    from jsonschema import Draft202012Validator

    from viewer.io.native_schema import load_schema

    assert plain_without_events(data) is plain
    if plain:  # never a document the schema would refuse
        assert Draft202012Validator(load_schema()).is_valid(data)


def test_a_plain_document_still_gets_the_readers_own_rules():
    data = {**PLAIN, "time_zone": "Mars/Olympus", "tracks": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]}
    report = Problems("meta.json", data, None)
    check_document(data, report)
    said = " ".join(str(p) for p in report.sorted())
    assert "Mars/Olympus" in said and "'a'" in said
