"""Tests of the native timeline format: reader, writer, schema, registry (no Qt)."""

from __future__ import annotations

import json
import os
import pathlib
import re
import stat
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from viewer.io import (
    native,
    native_decode,
    read_timeline,
    registry,
    timeline_from_dict,
    timeline_to_dict,
    write_timeline,
)
from viewer.io.jsonpos import SourcePositions, offset_to_line_column, position
from viewer.io.native import read_native, write_native
from viewer.model.dates import EventDate, Precision
from viewer.model.errors import TimelineLoadError
from viewer.model.timeline import (
    Event,
    EventKind,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    Timeline,
    Track,
)

ROOT = pathlib.Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"


def problems_of(path) -> list:
    with pytest.raises(TimelineLoadError) as info:
        read_native(path)
    return info.value.problems


def minimal(**extra) -> dict:
    data = {"format": "timeline-viewer", "version": 1, "title": "T", "tracks": [], "events": []}
    data.update(extra)
    return data


def write_json(tmp_path, data, name="t.timeline.json") -> pathlib.Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# the bad-file corpus: (file, expected line of a problem, substring of its message)
# line None and message None: the file is valid and must load.

CORPUS = [
    ("truncated.json", 7, "ends too early"),
    ("wrong_types.json", 4, "expected a string"),
    ("wrong_types.json", 5, "expected a list"),
    ("wrong_types.json", 6, "expected a list"),
    ("empty.json", 1, "the file is empty"),
    ("whitespace_only.json", 1, "only whitespace"),
    ("bom_valid.json", None, None),
    ("utf16.json", 1, "UTF-16"),
    ("utf16_no_bom.json", 1, "NUL byte at byte offset 1"),
    ("latin1.json", 13, "not valid UTF-8: byte 0xe9 at byte offset"),
    ("crlf_valid.json", None, None),
    ("duplicate_event_id.json", 13, "duplicate event id 'ok'"),
    ("unknown_track.json", 13, "unknown track 'nowhere'"),
    ("end_before_start.json", 13, "ends before it starts"),
    ("zero_length_span_valid.json", None, None),
    ("feb29_2021.json", 13, "not a day of the calendar"),
    ("unpadded_date.json", 13, "not an EDTF date"),
    ("ambiguous_date.json", 13, "day and month order is never guessed"),
    ("deeply_nested.json", 5, "nested more than"),
    ("nested_too_deep.json", 8, "nested more than"),
    ("html_title_valid.json", None, None),
    ("unknown_source.json", 13, "unknown source 'ghost'"),
    ("missing_title.json", 1, "missing required field 'title'"),
    ("span_without_end.json", 13, "a span needs an end"),
    ("open_point.json", 13, "'..' (open, not stated) is only allowed"),
    ("bad_time_zone.json", 13, "unknown IANA time zone 'Europe/Atlantis'"),
    ("unknown_field.json", 13, "did you mean 'title'"),
    ("version_2.json", 3, "reads format version 1"),
    ("nan_order.json", 6, "NaN is not a JSON number"),
    ("duplicate_key.json", 6, "appears more than once"),
    ("trailing_comma.json", 7, "not valid JSON"),
    ("not_an_object.json", 1, "must hold one JSON object"),
    ("bad_color.json", 6, "#rrggbb"),
    ("point_with_end.json", 13, "a point has no end"),
    ("blank_event_title.json", 8, "a title must have some text"),
    ("blank_event_title.json", 9, "a title must have some text"),
]


@pytest.mark.parametrize(("name", "line", "message"), CORPUS, ids=[f"{c[0]}:{c[1]}" for c in CORPUS])
def test_corpus(name, line, message):
    path = BAD / name
    if message is None:
        timeline = read_native(path)
        assert isinstance(timeline, Timeline)
        return
    problems = problems_of(path)
    assert all(p.file == str(path) for p in problems)
    matching = [p for p in problems if message in p.message]
    assert matching, "\n".join(str(p) for p in problems)
    assert any(p.line == line for p in matching), "\n".join(str(p) for p in problems)


def test_corpus_is_large_enough():
    # the corpus also holds files of other formats (tests/io/test_formats.py checks it covers them all)
    assert len({n for n, _, _ in CORPUS}) >= 15
    assert {n for n, _, _ in CORPUS} <= {p.name for p in BAD.iterdir()}


def test_valid_corpus_texts_are_kept_verbatim():
    html = read_native(BAD / "html_title_valid.json")
    assert html.events[0].title == '<b>Drills</b> & <script>alert("x")</script> &amp;'
    bom = read_native(BAD / "bom_valid.json")
    crlf = read_native(BAD / "crlf_valid.json")
    assert timeline_to_dict(bom) == timeline_to_dict(crlf)
    assert bom.events[1].title == "Café “quoted” – Минск"
    span = read_native(BAD / "zero_length_span_valid.json").event("instant")
    assert span.kind is EventKind.SPAN and span.start == span.end


def test_problems_name_event_and_path():
    (problem,) = problems_of(BAD / "unknown_track.json")
    assert problem.location == "events[1].track (event 'lost')"
    assert problem.column is not None and problem.column > 1
    text = str(problem)
    assert text.startswith(str(BAD / "unknown_track.json"))
    assert "13" in text and problem.location in text and problem.message in text


def test_all_problems_reported_together_in_file_order(tmp_path):
    data = {
        "format": "timeline-viewer",
        "version": 1,
        "titel": "typo",
        "time_zone": "Mars/Olympus",
        "tracks": [{"id": "a", "label": "A"}, {"id": "a", "label": "again"}],
        "sources": [{"id": "s", "kind": "newspaper", "outlet": "X", "via": "t"}],
        "events": [
            {"id": "e1", "title": "x", "start": "2021-02-29", "track": "b"},
            {"id": "e2", "kind": "span", "title": "x", "track": "a", "start": "2022-02-10",
             "end": "2022-02-09", "sources": ["s", "q"]},
            {"id": "e3", "title": "x", "start": "..", "quotes": [{"text": "hi", "source": "nope"}]},
            {"id": "e3", "title": "x", "start": 5, "track": "a"},
        ],
    }
    path = write_json(tmp_path, data)
    problems = problems_of(path)
    expected = [
        "missing required field 'title'",
        "unknown field 'titel'",
        "unknown IANA time zone 'Mars/Olympus'",
        "duplicate track id 'a'",
        "expected one of",
        "unknown source 't'",
        "not a day of the calendar",
        "unknown track 'b'",
        "ends before it starts",
        "unknown source 'q'",
        "missing required field 'track'",
        "'..' (open, not stated)",
        "unknown source 'nope'",
        "duplicate event id 'e3'",
        "expected a date",
    ]
    messages = "\n".join(p.message for p in problems)
    for fragment in expected:
        assert fragment in messages
    lines = [p.line for p in problems]
    assert None not in lines
    assert lines == sorted(lines)
    assert len(problems) == len(expected)


def test_missing_file_directory_and_permission(tmp_path):
    (missing,) = problems_of(tmp_path / "nope.timeline.json")
    assert "no such file" in missing.message
    (folder,) = problems_of(tmp_path)
    assert "folder" in folder.message
    locked = write_json(tmp_path, minimal())
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # running as root: permissions do not apply
            pytest.skip("cannot make an unreadable file as this user")
        (denied,) = problems_of(locked)
        assert "permission denied" in denied.message
    finally:
        locked.chmod(0o644)


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.timeline.json"
    with open(big, "wb") as fh:
        fh.truncate(native.MAX_FILE_BYTES + 1)  # sparse: nothing is really written
    opened = []

    def no_open(*args, **kwargs):
        opened.append(args)
        raise AssertionError("the file was opened")

    monkeypatch.setattr(native, "open", no_open, raising=False)
    (problem,) = problems_of(big)
    assert "too large" in problem.message and f"limited to {native.MAX_FILE_BYTES // 2**20} MiB" in problem.message
    assert not opened


def test_size_limit_also_applies_to_what_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(native_decode, "MAX_FILE_BYTES", 10)
    path = write_json(tmp_path, minimal())
    (problem,) = problems_of(path)
    assert "too large" in problem.message


def test_recursion_guard_in_dict_api():
    deep: list = []
    for _ in range(50):
        deep = [deep]
    with pytest.raises(TimelineLoadError) as info:
        timeline_from_dict(minimal(description=deep))
    assert "nested more than" in info.value.problems[0].message
    assert info.value.problems[0].line is None


def test_dict_api_without_text_has_no_lines():
    with pytest.raises(TimelineLoadError) as info:
        timeline_from_dict(minimal(title=""), file="x.json")
    (problem,) = info.value.problems
    assert problem.line is None and problem.file == "x.json" and "title" in problem.message


def test_lone_surrogate_escape_is_a_problem(tmp_path):
    path = tmp_path / "s.timeline.json"
    path.write_text(json.dumps(minimal(title="bad \ud800 text")), encoding="utf-8")
    (problem,) = problems_of(path)
    assert "surrogate" in problem.message and problem.location == "title"


def test_huge_integer_literal(tmp_path):
    path = tmp_path / "n.timeline.json"
    path.write_text('{"version": ' + "9" * 5000 + "}", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.line == 1 and "not valid JSON" in problem.message
    assert "field 'version' holds a number of 5000 digits" in problem.message
    assert "set_int_max_str_digits" not in problem.message


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        ("2022-02-10", "2022-02-10", True),
        ("2022-02-10", "2022-02-11", True),
        ("2022-02-10", "2022-02-09", False),
        ("2022-02", "2022-02-01", True),  # end inside the start's month
        ("2022-02-10T14:00:00Z", "2022-02-10T14:00:00Z", True),
        ("2022-02-10T14:00:00Z", "2022-02-10T13:59:59Z", False),
        ("..", "2022-02-09", True),
        ("2022-02-10", "..", True),
        ("2022-02-10", "[..2022-02-09]", False),
        ("2022-02-10", "[2022-02-01..]", True),
    ],
)
def test_end_before_start_rule(start, end, ok):
    data = minimal(
        tracks=[{"id": "a", "label": "A"}],
        events=[{"id": "s", "kind": "span", "track": "a", "title": "x", "start": start, "end": end}],
    )
    if ok:
        timeline_from_dict(data)
    else:
        with pytest.raises(TimelineLoadError, match="ends before it starts"):
            timeline_from_dict(data)


def test_band_without_track_and_file_time_zone():
    data = minimal(
        time_zone="Europe/Minsk",
        events=[
            {"id": "b", "kind": "band", "title": "x", "start": "2022-02-10T14:00:00", "end": ".."},
        ],
    )
    timeline = timeline_from_dict(data)
    band = timeline.event("b")
    assert band.track == "" and band.start.time_zone == "Europe/Minsk"
    assert band.end is not None and band.end.is_open
    # 14:00 in Minsk (UTC+3) is 11:00 UTC
    assert band.start.earliest % 86400 == 11 * 3600


# ---------------------------------------------------------------------------
# round trip and writer


def full_timeline() -> Timeline:
    """A timeline with every field of every object set."""
    return Timeline(
        title="Everything <set> & “quoted”",
        description="All fields — with non-ASCII: Минск, café.",
        reference_date=EventDate("2022-02-10", "on Thursday", "publication date"),
        time_zone="Europe/Minsk",
        home_start=EventDate("2022-02-01"),
        home_end=EventDate("2022-02-21", "until the 21st", "stated"),
        tracks=(
            Track("b", "Second", "#00ff00", 2),
            Track("a", "First", "#AABBCC", 1),
        ),
        sources=(
            Source(
                "article", SourceKind.NEWS_ARTICLE, "Washington Insider Magazine", title="Drills begin",
                author="A. Writer", published=EventDate("2022-02-10?", "(not printed)", "inferred"),
                url="https://example.invalid/a", via="", attribution="BELARUS (WIM)",
            ),
            Source(
                "mod", SourceKind.OFFICIAL_STATEMENT, "Ministry of Defense", title="Statement",
                author="Press service", published=EventDate("2022-02-10"), url="https://example.invalid/m",
                via="article", attribution="according to a statement",
            ),
        ),
        events=(
            Event(
                id="drills",
                title="Drills",
                start=EventDate("2022-02-10T06:00:00", "at dawn", "sunrise", time_zone="Europe/Minsk",
                                precision_override=Precision.HOUR),
                end=EventDate("2022-02-20T18:30:00", "in the evening", "guess", time_zone="Asia/Tokyo",
                              precision_override=Precision.MINUTE),
                track="a",
                kind=EventKind.SPAN,
                summary="Ten days of drills.\nSecond line.",
                actors=("Russia", "Belarus"),
                location="Belarus",
                tags=("military", "exercise"),
                quotes=(
                    Quote("we are ready", "Someone", "Spokesman", "mod", "according to X", QuoteKind.DIRECT),
                    Quote("they said so", "Other", "", "article", "", QuoteKind.REPORTED),
                ),
                sources=("article", "mod"),
            ),
            Event(id="window", title="Window", start=EventDate("[..2022-02-09]"),
                  end=EventDate("[2022-02-21..]"), kind=EventKind.BAND),
            Event(id="approx", title="Approx", start=EventDate("2022-02~"), track="b",
                  summary="", sources=("article",)),
            Event(id="bce", title="Ides", start=EventDate("-0043-03-15", "Ides of March", "history",
                                                          time_zone="Europe/Rome"), track="b"),
            Event(id="open", title="Still going", start=EventDate("2014"), end=EventDate(".."),
                  kind=EventKind.SPAN, track="b"),
        ),
    )


def test_round_trip_every_field(tmp_path):
    original = full_timeline()
    path = tmp_path / "full.timeline.json"
    write_native(original, path)
    again = read_native(path)
    assert timeline_to_dict(again) == timeline_to_dict(original)
    # the model objects themselves survive (Timeline compares by identity, its parts by value)
    assert again.tracks == original.tracks
    assert again.sources == original.sources
    assert again.events == original.events
    assert again.reference_date == original.reference_date
    assert (again.home_start, again.home_end) == (original.home_start, original.home_end)
    assert again.time_zone == "Europe/Minsk"
    # and writing it again gives the same bytes
    second = tmp_path / "again.timeline.json"
    write_native(again, second)
    assert second.read_bytes() == path.read_bytes()


def test_written_text_format(tmp_path):
    path = tmp_path / "full.timeline.json"
    write_native(full_timeline(), path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Минск" in text and "\\u" not in text
    assert '\n  "title"' in text  # indent 2
    data = json.loads(text)
    Draft202012Validator(native.load_schema()).validate(data)
    assert data["home"]["start"] == "2022-02-01"  # only edtf: a plain string
    assert data["reference_date"] == {"edtf": "2022-02-10", "phrase": "on Thursday", "basis": "publication date"}
    start = data["events"][0]["start"]
    assert start["precision"] == "hour" and "time_zone" not in start  # same as the file's zone
    assert data["events"][0]["end"]["time_zone"] == "Asia/Tokyo"
    assert data["events"][3]["start"]["time_zone"] == "Europe/Rome"


@pytest.mark.parametrize("name", [n for n, line, _ in CORPUS if line is None])
def test_read_write_read_corpus(tmp_path, name):
    first = read_native(BAD / name)
    out = tmp_path / "out.timeline.json"
    write_native(first, out)
    assert timeline_to_dict(read_native(out)) == timeline_to_dict(first)


def test_write_is_atomic_and_keeps_permissions(tmp_path, monkeypatch):
    path = tmp_path / "t.timeline.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_native(full_timeline(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.timeline.json"]

    before = path.read_bytes()

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(native.os, "replace", boom)
    with pytest.raises(OSError):
        write_native(Timeline(title="new"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.timeline.json"]


def test_write_refuses_what_the_format_cannot_hold(tmp_path):
    with pytest.raises(ValueError, match="home range"):
        timeline_to_dict(Timeline(title="x", home_start=EventDate("2022")))
    odd = Timeline(
        title="x",
        events=(Event("e", "x", EventDate("2022-02-10T10:00:00Z", precision_override=Precision.DAY), "a"),),
        tracks=(Track("a", "A"),),
    )
    with pytest.raises(ValueError, match="precision"):
        write_native(odd, tmp_path / "x.timeline.json")
    assert not list(tmp_path.iterdir())


def test_format_doc_example_is_valid():
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", doc, re.S).group(1)
    timeline = timeline_from_dict(json.loads(block), file="format.md", text=block)
    assert timeline.event("drills-start").quotes[0].source == "article"
    assert timeline.time_zone == "Europe/Minsk"


def test_readme_example_is_valid_and_states_each_kind(tmp_path):
    """README's "The file format in short" example reads through the native reader and, as
    docs/format.md's does, states the event's and the quote's kind (tester: it had no "kind",
    so a reader of the README met the quote's default, direct, unseen)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## The file format in short.*?```json\n(.*?)```", readme, re.S).group(1)
    path = tmp_path / "readme.timeline.json"
    path.write_text(block, encoding="utf-8")
    report = registry.read_timeline_report(path)
    assert not report.warnings and not report.skipped
    doc = json.loads(block)
    assert all("kind" in e for e in doc["events"])
    assert all("kind" in q for e in doc["events"] for q in e.get("quotes", []))
    event = report.timeline.events[0]
    assert event.kind is EventKind.POINT and event.quotes[0].kind is QuoteKind.REPORTED


# ---------------------------------------------------------------------------
# schema and jsonpos


def test_schema_is_valid_and_documented():
    schema = native.load_schema()
    Draft202012Validator.check_schema(schema)

    def walk(node, path):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert "description" in sub, f"{path}/properties/{name} has no description"
            if (node.get("type") == "object" or "properties" in node) and not path.endswith("/if"):
                assert node.get("additionalProperties") is False, f"{path} accepts any field"
            for key, sub in node.items():
                walk(sub, f"{path}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{path}/{i}")

    walk(schema, "#")


def test_jsonpos():
    text = '{\n  "a": [1, {"b": "x"}],\r\n  "c/d": 2\n}'
    assert position(text, ["a", 1, "b"]) == (2, 18)
    assert position(text, ["a", 1, "b"], key=True) == (2, 13)
    assert position(text, ["c/d"]) == (3, 10)  # after a CRLF line
    assert position(text, []) == (1, 1)
    assert position(text, ["a", 5]) == (2, 8)  # falls back to the enclosing list
    assert position("not json", ["a"]) == (None, None)
    positions = SourcePositions("[" * 3000 + "]" * 3000)
    assert positions.locate([0, 0]) == (None, None)  # too deep for the map: no crash
    assert offset_to_line_column("ab\ncd", 4) == (2, 2)


# ---------------------------------------------------------------------------
# registry


def test_registry_reads_by_content_and_extension(tmp_path):
    data = minimal(title="By content")
    by_content = tmp_path / "notes.txt"
    by_content.write_text(json.dumps(data), encoding="utf-8")
    assert read_timeline(by_content).title == "By content"

    by_ext = tmp_path / "plain.json"
    by_ext.write_text(json.dumps({"title": "no format field"}), encoding="utf-8")
    with pytest.raises(TimelineLoadError, match="format"):
        read_timeline(by_ext)  # chosen by extension; the native reader explains what is missing

    unknown = tmp_path / "table.xyz"
    unknown.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(TimelineLoadError) as info:
        read_timeline(unknown)
    assert "known formats" in str(info.value) and "native" in str(info.value)

    with pytest.raises(TimelineLoadError, match="no such file"):
        read_timeline(tmp_path / "missing.xyz")
    with pytest.raises(TimelineLoadError, match="unknown timeline format 'xml'"):
        read_timeline(by_content, format="xml")


def test_registry_write_and_custom_reader(tmp_path, monkeypatch):
    monkeypatch.setattr(registry, "_READERS", list(registry._READERS))
    path = tmp_path / "t.timeline.json"
    write_timeline(full_timeline(), path)
    assert read_timeline(path).title == full_timeline().title
    with pytest.raises(ValueError, match="known formats"):
        write_timeline(full_timeline(), tmp_path / "t.xyz")

    def broken_identify(path, head):
        raise RuntimeError("identifier bug")

    def read_upper(path):
        return Timeline(title=pathlib.Path(path).read_text(encoding="utf-8").upper())

    registry.register_reader("broken", ["bad"], broken_identify, read_upper)
    registry.register_reader("upper", "UP", lambda p, head: head.startswith(b"up:"), read_upper)
    custom = tmp_path / "x.up"
    custom.write_text("up: hello", encoding="utf-8")
    assert read_timeline(custom).title == "UP: HELLO"
    assert read_timeline(tmp_path / "x.up").title == "UP: HELLO"

    def crash(path):
        raise KeyError("bug")

    registry.register_reader("upper", ".up", None, crash)  # replaces by name
    with pytest.raises(TimelineLoadError, match="upper reader failed"):
        read_timeline(custom)


# ---------------------------------------------------------------------------
# no Qt in the model and io layers


def test_model_and_io_import_without_qt(tmp_path):
    sample = tmp_path / "s.timeline.json"
    write_native(full_timeline(), sample)
    code = textwrap.dedent(
        f"""
        import sys
        for name in ("PySide6", "PySide2", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6"):
            sys.modules[name] = None  # any import of these now fails
        import importlib, pkgutil
        import viewer.model, viewer.io
        names = [m.name for pkg in (viewer.model, viewer.io)
                 for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + ".")]
        for name in names:
            importlib.import_module(name)  # every module, not a chosen few
        print("MODULES:", len(names))
        t = viewer.io.read_timeline({str(sample)!r})
        try:
            viewer.io.read_timeline({str(BAD / 'unknown_track.json')!r})
        except viewer.model.errors.TimelineLoadError:
            pass
        qt = sorted(m for m, mod in sys.modules.items()
                    if mod is not None and m.split(".")[0] in
                    ("PySide6", "PySide2", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6"))
        print("QT:", qt, len(t.events))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=str(ROOT)
    )
    assert result.returncode == 0, result.stderr
    assert "QT: [] 5" in result.stdout
    # every module of both layers was imported (a new module is covered without editing this test)
    n_files = sum(1 for pkg in ("model", "io") for f in (ROOT / "viewer" / pkg).glob("*.py")
                  if f.name != "__init__.py")
    assert f"MODULES: {n_files}" in result.stdout


# ---------------------------------------------------------------------------
# property-based: nothing but TimelineLoadError ever escapes

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=5),
    max_leaves=30,
)

date_texts = st.sampled_from(
    ["2022-02-10", "2022-02", "2014", "2022-02-10?", "2022-02-10~", "[..2022-02-10]", "[2022-02-10..]",
     "..", "2022-02-10T14:00:00+03:00", "2022-02-10T14:00:00", "-0043-03-15", "2021-02-29", "2017-3-13",
     "03/04/2022", "2022-02-10/2022-02-12", "", "X", "2022-13-01", "Y-17000000002", "2022-02-10T25:00:00Z",
     "{2022,2023}", "2022-21", "1984?/2004~"]
)
dates = date_texts | st.fixed_dictionaries(
    {"edtf": date_texts},
    optional={
        "phrase": st.text(max_size=5),
        "time_zone": st.sampled_from(["UTC", "Europe/Minsk", "Nowhere/Land", "", "America"]),
        "precision": st.sampled_from(["hour", "minute", "day"]),
    },
)
ids = st.sampled_from(["a", "b", "c", ""])
events = st.fixed_dictionaries(
    {"id": ids, "title": st.text(max_size=5), "start": dates},
    optional={
        "kind": st.sampled_from(["point", "span", "band", "other"]),
        "track": ids,
        "end": st.none() | dates,
        "sources": st.lists(ids, max_size=3),
        "quotes": st.lists(st.fixed_dictionaries({"text": st.text(max_size=3)}, optional={"source": ids}),
                           max_size=2),
        "actors": json_values,
    },
)
timeline_like = st.fixed_dictionaries(
    {
        "format": st.just("timeline-viewer"),
        "version": st.just(1),
        "title": st.text(max_size=5),
        "tracks": st.lists(st.fixed_dictionaries({"id": ids, "label": st.text(max_size=3)},
                                                 optional={"order": st.integers() | st.floats()}),
                           max_size=3),
        "events": st.lists(events, max_size=4),
    },
    optional={
        "sources": st.lists(
            st.fixed_dictionaries(
                {"id": ids, "kind": st.sampled_from(["other", "news"]), "outlet": st.text(max_size=3)},
                optional={"via": ids, "published": dates},
            ),
            max_size=3,
        ),
        "time_zone": st.sampled_from(["UTC", "Europe/Minsk", "Bad/Zone"]),
        "home": st.fixed_dictionaries({"start": dates, "end": dates}),
        "reference_date": dates,
    },
)

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check_reads_cleanly(path: pathlib.Path) -> None:
    try:
        timeline = read_native(path)
    except TimelineLoadError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert "internal error" not in problem.message, problem
            str(problem)
        return
    assert isinstance(timeline, Timeline)
    # whatever loads can be written and read back unchanged
    out = path.with_name("rewritten.timeline.json")
    write_native(timeline, out)
    assert timeline_to_dict(read_native(out)) == timeline_to_dict(timeline)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_fuzz_bytes(tmp_path, raw):
    path = tmp_path / "fuzz.timeline.json"
    path.write_bytes(raw)
    check_reads_cleanly(path)


@FUZZ
@given(value=json_values)
def test_fuzz_json(tmp_path, value):
    path = tmp_path / "fuzz.timeline.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    check_reads_cleanly(path)


@FUZZ
@given(value=timeline_like)
def test_fuzz_timeline_shaped(tmp_path, value):
    path = tmp_path / "fuzz.timeline.json"
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8", errors="surrogatepass")
    check_reads_cleanly(path)


def test_a_byte_order_mark_in_the_middle_of_a_file_is_named(tmp_path):
    """Two files pasted together leave the second's byte order mark (U+FEFF, invisible in an
    editor) mid-file: the message names it and its place instead of 'expected a JSON value'."""
    path = tmp_path / "pasted.timeline.json"
    path.write_text('{"format": "timeline-viewer/1", "title": "T",\n"events": [\n\ufeff'
                    '{"id": "a", "title": "A", "start": {"edtf": "2022-02-10"}}]}\n', encoding="utf-8")
    with pytest.raises(TimelineLoadError) as caught:
        read_native(str(path))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (3, 1)
    assert "byte order mark (U+FEFF" in problem.message and "pasted together" in problem.message
