"""One fault in a large native file: the fast reader reports it with the full reader's exact
words, lines and columns, without handing the whole file to the full reader (which built every
event and mapped every value's position: 102 s and window freezes of 0.9-5.1 s at 100,000 events,
869 s and 6.4 GB at a million)."""

import json

import pytest

from tests.io.test_bulk import RICH, bulk_read, full_read, write_file
from viewer.io import bulk, native, native_checks
from viewer.model.errors import TimelineLoadError

N = 400


def _event_line(text, event_id):
    """(start, end) character offsets of the line holding ``"id": event_id``."""
    k = text.index(f'"id": "{event_id}"')
    return text.rindex("\n", 0, k) + 1, text.index("\n", k)


def _set(event_id, old, new):
    """An edit of the file's text: in the event ``event_id``'s lines, ``old`` -> ``new`` once."""
    def edit(text):
        k = text.index(f'"id": "{event_id}"')
        a = text.rindex("{", 0, k)
        b = text.index("}", k)
        part = text[a:b]
        assert old in part, (old, part)
        return text[:a] + part.replace(old, new, 1) + text[b:]
    return edit


def _doc_edit(change):
    def edit(text):
        doc = json.loads(text)
        change(doc)
        return json.dumps(doc, ensure_ascii=False, indent=1)
    return edit


def _both(*edits):
    def edit(text):
        for e in edits:
            text = e(text)
        return text
    return edit


FAULTS = {
    "bad date": _set("e0000217", '"start": "', '"start": "2022-13-45T'),
    "duplicate id": _set("e0000300", '"id": "e0000300"', '"id": "e0000012"'),
    "missing field": _doc_edit(lambda d: d["events"][150].pop("title")),
    "wrong type": _doc_edit(lambda d: d["events"][151].update(title=5, track=["t01"])),
    "lone surrogate": _set("e0000333", '"title": "', '"title": "\\ud800 x'),
    "low surrogate alone": _set("e0000007", '"title": "', '"title": "\\udc00'),
    "unknown track": _doc_edit(lambda d: d["events"][99].update(track="t99")),
    "point dated '..'": _doc_edit(lambda d: d["events"][98].update(start="..", kind="point", end=None)),
    "span ends before it starts": _doc_edit(lambda d: d["events"][97].update(kind="span", end="1999-01-01")),
    "a key twice in an event": _set("e0000042", '"title": ', '"title": "once", "title": '),
    "a key twice in the document": lambda t: t.replace('"title": "Big"', '"title": "Big", "title": "Again"', 1),
    "a bad track colour and a bad date": _both(
        _doc_edit(lambda d: d["tracks"][3].update(color="red")), _set("e0000390", '"start": "', '"start": "20x')),
    "three faults, one id thrice": _both(
        _set("e0000010", '"id": "e0000010"', '"id": "e0000003"'),
        _set("e0000380", '"id": "e0000380"', '"id": "e0000003"'),
        _set("e0000200", '"start": "', '"start": "2022-02-30T')),
    "an event that is not an object": lambda t: t.replace('\n  {\n   "id": "e0000123"',
                                                          '\n  5, {\n   "id": "e0000123"', 1),
    "a rich event at fault": _doc_edit(lambda d: d["events"][5].update(quotes=[{"text": "x", "source": "nowhere"}])),
    "a story naming no event": _doc_edit(lambda d: d.update(stories=[{"title": "S", "steps": [{"event": "e9"}]}])),
    "broken JSON near the end": _set("e0000398", '"title": ', '"title" '),
    "broken JSON in the last event": _set("e0000399", ',\n   "title"', '\n   "title"'),
    "a trailing comma in the events": lambda t: t[:t.rindex("]")].rstrip() + ",\n " + t[t.rindex("]"):],
    "truncated": lambda t: t[:-3],
    "text after the document": lambda t: t + "xyz",
    "NaN in an event": _set("e0000301", '"title": ', '"x": NaN, "title": '),
}


def _write(path, edit, extra=()):
    text = write_file(path, n=N, extra=extra)
    path.write_text(edit(text), encoding="utf-8")


def _error(read, path, monkeypatch):
    with pytest.raises(TimelineLoadError) as info:
        read(path, monkeypatch)
    return info.value


def _no_full_reader(monkeypatch):
    def refuse(*a, **k):
        pytest.fail("the whole file went to the full reader")
    monkeypatch.setattr(native, "parse_with_duplicates", refuse)
    monkeypatch.setattr(native, "timeline_from_dict", refuse)


@pytest.mark.parametrize("name", list(FAULTS))
def test_a_fault_gets_the_full_readers_exact_report_without_the_full_reader(tmp_path, monkeypatch, name):
    monkeypatch.setattr(bulk, "_DATES_AT_ONCE", 64)  # several slices of dates: a bad one among many
    path = tmp_path / "bad.timeline.json"
    _write(path, FAULTS[name], extra=RICH if "rich" in name else ())
    full = _error(full_read, path, monkeypatch)
    with monkeypatch.context() as m:
        _no_full_reader(m)
        fast = _error(bulk_read, path, monkeypatch)
    assert fast.problems == full.problems
    assert str(fast) == str(full) and fast.full_report() == full.full_report()
    assert all(p.line is not None for p in fast.problems)


def test_the_report_of_a_fault_checks_only_the_events_at_fault(tmp_path, monkeypatch):
    """A time-free check that the open of a faulty file does not check (nor build) every event:
    the full checks look at the events at fault and the first user of a repeated id only."""
    path = tmp_path / "bad.timeline.json"
    _write(path, _both(FAULTS["bad date"], FAULTS["duplicate id"]))
    seen = []
    real = native_checks.Checker.event
    monkeypatch.setattr(native_checks.Checker, "event", lambda self, ev, path, *a: (seen.append(ev["id"]),
                                                                                      real(self, ev, path, *a)))
    _no_full_reader(monkeypatch)
    error = _error(bulk_read, path, monkeypatch)
    assert sorted(seen) == ["e0000012", "e0000012", "e0000217"]
    assert [p.location for p in error.problems] == [
        "events[217].start (event 'e0000217')", "events[300].id (event 'e0000012')"]
    assert "already used by events[12] (line " in error.problems[1].message


def test_a_file_the_fast_reader_doubts_for_its_form_still_gets_the_full_reader(tmp_path, monkeypatch):
    """Not a fault of some events (tracks that are not a list): the full reader reads it, as before."""
    path = tmp_path / "odd.timeline.json"
    _write(path, _doc_edit(lambda d: d.update(tracks={"t00": 1})))
    full = _error(full_read, path, monkeypatch)
    assert _error(bulk_read, path, monkeypatch).problems == full.problems
