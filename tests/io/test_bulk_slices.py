"""The bulk reader decodes and parses a large file a piece at a time (so that a background
opening never holds the interpreter lock long): the pieces change nothing a user sees, not
the events, not the messages about a bad file (same words, line, column and event id as the
full reader's, for a mistake far into the file)."""

import json
import re

import numpy as np
import pytest

from viewer.io import bulk
from viewer.model.errors import TimelineLoadError

from .test_bulk import RICH, assert_same, bulk_read, full_read, write_file

WIDE = [
    {"id": "кириллица", "track": "t01", "title": "Київ — «заголовок» 🙂", "start": "2022-03-05"},
    {"id": "emoji-🙂", "track": "t02", "title": "🙂" * 40, "start": "2022-03-06", "summary": "é" * 300},
    {"id": "long", "track": "t03", "title": "Long", "start": "2022-03-07", "summary": "x" * 5000},
]


def _reordered(doc):  # the events first, every other field after them (numbers last)
    events = doc.pop("events")
    rest = dict(doc)
    doc.clear()
    doc["events"] = events
    doc.update(rest)
    doc["version"] = 1


@pytest.mark.parametrize("piece, margin", [(37, 16), (1000, 300), (4096, 5)])
def test_small_pieces_read_the_same_events_as_the_full_reader(tmp_path, monkeypatch, piece, margin):
    path = tmp_path / "big.timeline.json"
    write_file(path, n=800, extra=RICH + WIDE, edit=_reordered)
    data = path.read_bytes()
    whole = bulk._parse(data, lambda ev: None)
    full = full_read(path, monkeypatch)
    monkeypatch.setattr(bulk, "_PIECE", piece)
    monkeypatch.setattr(bulk, "_MARGIN", margin)
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 10**9)
    events = []
    doc, spans, chars, _marks = bulk._parse(data, events.append)
    assert doc == whole[0] and chars == whole[2] == len(data.decode("utf-8"))
    assert np.array_equal(spans, whole[1])
    text = data.decode("utf-8")
    assert [json.loads(text[a:b]) for a, b in spans.tolist()] == events == json.loads(text)["events"]
    sliced = bulk_read(path, monkeypatch)
    assert_same(sliced, full)
    assert sliced.event("long").summary == "x" * 5000
    assert sliced.event("emoji-🙂").title == "🙂" * 40


@pytest.fixture(scope="module")
def far(tmp_path_factory):
    """A valid large file (71,000 events over several pieces) and its text."""
    path = tmp_path_factory.mktemp("far") / "far.timeline.json"
    return path, write_file(path, n=71_000)


FAR = 70_000  # the 70,001st event


def _event_at(text, k):
    return text.index(f'"id": "e{k:07d}"')


def _at_far(text, old, new):
    """``text`` with the first match of ``old`` (a regular expression) from event :data:`FAR` on
    replaced by ``new``."""
    at = _event_at(text, FAR)
    return text[:at] + re.sub(old, new, text[at:], count=1)


@pytest.mark.parametrize("what, change, words", [
    ("wrong date", lambda t: _at_far(t, r'"start": "[^"]*"', '"start": "2021-02-29"'), "not a day of the calendar"),
    ("duplicate id", lambda t: _at_far(t, f'"id": "e{FAR:07d}"', '"id": "e0000003"'),
     "duplicate event id 'e0000003'"),
    ("bad JSON", lambda t: _at_far(t, '"title":', '"title"'), "expected ':' after a field name"),
    ("not UTF-8", None, "not valid UTF-8"),
])
def test_a_mistake_far_into_a_large_file_gets_the_full_readers_words_and_place(
        far, tmp_path, monkeypatch, what, change, words):
    path, text = far
    bad = tmp_path / "bad.timeline.json"
    if change is None:  # a Latin-1 byte in the title of that event
        at = text.index('"title": "', _event_at(text, FAR)) + len('"title": "')
        bad.write_bytes(text[:at].encode("utf-8") + b"\xe9" + text[at:].encode("utf-8"))
    else:
        changed = change(text)
        assert changed != text
        bad.write_text(changed, encoding="utf-8")
    with pytest.raises(TimelineLoadError) as small:
        full_read(bad, monkeypatch)
    with pytest.raises(TimelineLoadError) as large:
        bulk_read(bad, monkeypatch)
    expected = [(p.message, p.line, p.column, p.location) for p in small.value.problems]
    assert [(p.message, p.line, p.column, p.location) for p in large.value.problems] == expected, what
    assert words in large.value.full_report()
    first = large.value.problems[0]
    assert first.line is not None and first.line > text.count("\n", 0, _event_at(text, FAR)) - 20, what
