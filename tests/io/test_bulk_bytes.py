"""The columnar cache of a large file keeps byte offsets of each event's text: an open with the
cache decodes nothing big (a whole 100 MB file decoded at once froze the window 60-100 ms), and a
file with accents, curly quotes, CJK and emoji reads the same with the cache as without it."""

import codecs
import hashlib
import json
import os

import numpy as np
import pytest

from tests.io.test_bulk import (
    RICH,
    _info,
    _rewrite_payload,
    assert_same,
    cached_read,
    full_read,
    open_bytes,
    write_file,
)
from viewer.io import bulk, cache
from viewer.model.errors import TimelineLoadError

WORDS = ["Café é", "“quoted” words", "北京市の会議", "party 🎉🚀", "naïve — ½ ∞"]


def _non_ascii(doc):
    for k, ev in enumerate(doc["events"]):
        if k % 3 == 0:
            ev["title"] = f"{WORDS[k % len(WORDS)]} {k}"
        if k % 7 == 0:
            ev["summary"] = f"Résumé “{k}” 東京 👍"
            ev["location"] = "Zürich"
    doc["events"].append({"id": "quoted-é", "track": "t01", "title": "“Said” 🎤", "start": "2022-03-05",
                          "summary": "Детали",
                          "quotes": [{"text": "“mots” é 中文 😀", "speaker": "Zoë", "source": "src"}],
                          "sources": ["src"], "tags": ["ü"]})


def _write(path, bom=False):
    text = write_file(path, extra=RICH, edit=_non_ascii)
    if bom:
        path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    data = path.read_bytes()
    assert not data.isascii()
    return data


def _plant(target, forged):
    cache.write_checked(target, lambda fh: fh.write(forged))


@pytest.mark.parametrize("bom", [False, True])
def test_a_non_ascii_file_reads_the_same_from_its_cache_and_the_open_decodes_nothing_big(tmp_path, monkeypatch,
                                                                                         bom):
    monkeypatch.setattr(bulk, "_SLICE", 64)  # the byte offsets are found 64 bytes at a time: characters cut
    path = tmp_path / "big.timeline.json"
    data = _write(path, bom)
    full = full_read(path, monkeypatch)
    first = cached_read(path, monkeypatch)  # read and the cache written
    decoded = []
    real = bulk.decode_text
    monkeypatch.setattr(bulk, "decode_text", lambda b, f: decoded.append(len(b)) or real(b, f))
    cached = cached_read(path, monkeypatch)
    assert decoded and max(decoded) < len(data) // 20, "the cached open decoded the whole file"
    for tl in (first, cached):
        assert_same(tl, full)
        assert tl.event("quoted-é").quotes[0].text == "“mots” é 中文 😀"
        assert tl.event("quoted-é").quotes[0].speaker == "Zoë"
    doc_events = json.loads(data.decode("utf-8-sig"))["events"]
    assert cached.event(doc_events[6]["id"]).title == "“quoted” words 6"
    assert cached.event(doc_events[3]["id"]).title == "party 🎉🚀 3"
    assert cached.event(doc_events[7]["id"]).summary == "Résumé “7” 東京 👍"
    assert [cached.events.title(k) for k in range(0, 40, 3)] == [e.title for e in full.events[0:40:3]]
    # each event's text as the search index reads it: the file's own JSON of that event
    assert [json.loads(cached.events.raw(k)) for k in range(len(doc_events))] == doc_events
    # and the cache holds byte offsets in the file
    with np.load(cache.read_checked(bulk.cache_path(str(path))), allow_pickle=False) as z:
        spans = z["spans"]
    assert json.loads(data[spans[-1, 0]:spans[-1, 1]]) == doc_events[-1]


def test_byte_offsets_found_a_slice_at_a_time_equal_the_encoded_lengths(monkeypatch):
    text = "".join(f"{w}{{{k}}}" for k, w in enumerate(WORDS * 5))
    chars = [m for m, c in enumerate(text) if c in "{}"] + [len(text)]
    want = [len(text[:m].encode("utf-8")) for m in chars]
    for bom in (b"", codecs.BOM_UTF8):
        data = bom + text.encode("utf-8")
        for size in (1, 2, 3, 5, 64, 1 << 22):
            monkeypatch.setattr(bulk, "_SLICE", size)
            for known in (None, len(text)):
                got = bulk._byte_spans(data, np.array(chars, dtype=np.int64).reshape(-1, 1), known)
                assert got.ravel().tolist() == [len(bom) + w for w in want], (size, bom)
    ascii_spans = np.array([[0, 3], [4, 9]])
    assert bulk._byte_spans(b"{a}, {bcd}", ascii_spans) is ascii_spans
    assert bulk._byte_spans(b"{a}, {bcd}", ascii_spans, 10) is ascii_spans


def test_ids_joined_a_slice_at_a_time_equal_the_whole(monkeypatch):
    monkeypatch.setattr(bulk, "SLICE_ITEMS", 2)
    for ids in ([], ["a"], ["a", "é"], ["a", "北京", "🎉", "", "z"]):
        assert bulk._joined(ids) == "\n".join(ids).encode("utf-8")


def _shift(k, by):
    def change(arrays):
        s = arrays["spans"].copy()
        s[k] += by
        arrays["spans"] = s
    return change


def _to_chars(data):
    def change(arrays):  # a cache of the old format: character offsets in the decoded text
        _doc, spans, _chars, _marks = bulk._parse(data, lambda ev: None)
        arrays["spans"] = spans
    return change


def _inner(data, spans, k):
    """Offsets of the first object inside event ``k``'s text (the tester's forgery: its own start date)."""
    s, e = (int(v) for v in spans[k])
    a = data.index(b"{", s + 1, e)
    return a, data.index(b"}", a) + 1


def _on_inner(k):
    """Event ``k`` points at an object inside its own text (``{"edtf": ...}``)."""
    def forge(data):
        def change(arrays):
            s = arrays["spans"].copy()
            s[k] = _inner(data, s, k)
            arrays["spans"] = s
        return change
    return forge


def _cut(k):
    """Event ``k`` ends where the first object inside its text ends (its text cut short)."""
    def forge(data):
        def change(arrays):
            s = arrays["spans"].copy()
            s[k, 1] = _inner(data, s, k)[1]
            arrays["spans"] = s
        return change
    return forge


BAD_SPANS = {
    "one event on its own start date": _on_inner(6001),  # RICH's "quoted": {"edtf": ...}
    "one event cut after its start date": _cut(6001),
    "one event a byte later": lambda data: _shift(5, 1),
    "one event a byte earlier": lambda data: _shift(-1, -1),
    "past the end of the file": lambda data: _shift(-1, len(data)),
    "character offsets": _to_chars,
}


@pytest.mark.parametrize("name", BAD_SPANS)
def test_a_cache_whose_byte_offsets_do_not_fit_the_file_is_rebuilt(tmp_path, monkeypatch, name):
    path = tmp_path / "big.timeline.json"
    data = _write(path)
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)
    target = bulk.cache_path(str(path))
    _, forged = _rewrite_payload(target, BAD_SPANS[name](data))
    _plant(target, forged)
    tl = cached_read(path, monkeypatch)
    assert_same(tl, full)
    assert open_bytes(target)[cache._HEADER:] != forged  # rebuilt


def test_a_cache_of_the_previous_version_is_rebuilt(tmp_path, monkeypatch):
    """A version-6 cache (character offsets) left by the previous release is not read."""
    path = tmp_path / "big.timeline.json"
    data = _write(path)
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)
    target = bulk.cache_path(str(path))

    def old(arrays):
        _to_chars(data)(arrays)
        _info(arrays, lambda i: i.update(version=6))

    _, forged = _rewrite_payload(target, old)
    _plant(target, forged)
    assert_same(cached_read(path, monkeypatch), full)
    rebuilt = open_bytes(target)[cache._HEADER:]
    assert rebuilt != forged
    assert hashlib.sha256(rebuilt).hexdigest() == open_bytes(target)[len(cache._MAGIC):cache._HEADER].decode()


def test_an_event_whose_cached_text_is_not_it_is_a_clear_error_and_the_cache_is_removed(tmp_path, monkeypatch):
    """A forgery the cheap checks cannot see (two ids swapped: every offset still on an item of the
    events list) gives, when the event is built, the reader's error naming the file and the event,
    never a KeyError; the cache is removed, so opening the file again reads the file itself."""
    path = tmp_path / "big.timeline.json"
    _write(path)
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)
    target = bulk.cache_path(str(path))

    def swap(arrays):
        ids = arrays["ids"].tobytes().decode("utf-8").split("\n")
        ids[6001], ids[6002] = ids[6002], ids[6001]
        arrays["ids"] = np.frombuffer("\n".join(ids).encode("utf-8"), dtype=np.uint8)

    _, forged = _rewrite_payload(target, swap)
    _plant(target, forged)
    tl = cached_read(path, monkeypatch)
    for ask in (lambda: tl.events[6001], lambda: tl.events.title(6001), lambda: tl.events.time_zones(6002)):
        with pytest.raises(bulk.CachedTextError) as err:
            ask()
        assert isinstance(err.value, TimelineLoadError)  # the reader's error, shown as any other
        assert str(path) in str(err.value) and "open the file again" in str(err.value)
    assert "event 'quoted'" in str(err.value)  # ids[6002] after the swap: RICH's second event
    assert not os.path.exists(target)
    assert_same(cached_read(path, monkeypatch), full)  # read from the file, the cache written again
    assert os.path.exists(target)
