"""The search index of a large file (issue 12): the same matches as scanning
every event, kept in the per-user cache folder, never half-built, never
through a symbolic link."""

import json
import os

import numpy as np
import pytest

from viewer.io import read_timeline
from viewer.io import search_index as si
from viewer.model.search import search
from viewer.model.timeline import LazyEvents

WORDS = ("Protest", "Shelling reported", "Statement", "Convoy seen", "Talks at the Élysée", "Strike",
         "Arrests", "Rally", "Ceasefire call", "Drone sighting", "Evacuation", "Press briefing",
         "Lavrov’s remark", "Price *up* 5% [est.]", "Who? Nobody")


def write_big(path, n=3000):
    """A native file over the bulk reader's size threshold: simple events and
    some rich ones (quotes, actors, tags, sources)."""
    events = []
    for i in range(n):
        ev = {"id": f"e{i:05d}", "track": f"t{i % 3}", "title": f"{WORDS[i % len(WORDS)]} {i}",
              "start": f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
              "summary": "Reported by local media in the morning." if i % 2 else "",
              "location": "Minsk" if i % 5 == 0 else ""}
        if not ev["summary"]:
            del ev["summary"]
        if not ev["location"]:
            del ev["location"]
        if i % 97 == 0:
            ev["quotes"] = [{"text": "We will not back down", "speaker": "Dmitry Peskov", "source": "wire"}]
            ev["actors"] = ["Kremlin"]
            ev["tags"] = ["diplomacy"]
            ev["sources"] = ["wire"]
        events.append(ev)
    doc = {"format": "timeline-viewer", "version": 1, "title": "Big",
           "tracks": [{"id": f"t{k}", "label": f"Track {k}"} for k in range(3)],
           "sources": [{"id": "wire", "kind": "news_article", "outlet": "Reuters Wire", "author": "A. Writer"}],
           "events": events}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def big(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(cache))
    monkeypatch.setattr(si, "INDEX_MIN_EVENTS", 100)
    path = write_big(tmp_path / "big.timeline.json")
    tl = read_timeline(path)
    assert isinstance(tl.events, LazyEvents) and tl.events.content_digest  # the bulk reader's
    return path, tl


QUERIES = ["protest", "p", "pr", "élysée", "elysee", "ELYSÉE", "lavrov's", "peskov", "kremlin", "diplomacy",
           "reuters", "writer", "minsk", "morning", '"press briefing"', "press 1", "*up*", "5%", "[est.]",
           "who?", "?", "[", "e0", "zzz", "strike 99", '"we will not"', "  ", ""]


@pytest.mark.parametrize("memory", [True, False])
def test_index_gives_the_matches_of_the_scan(big, memory):
    path, tl = big
    index = si.SearchIndex.build(path, tl)
    assert index is not None
    if not memory:  # as on a file whose folded text is too large to keep: FTS5 trigram queries
        index = si.SearchIndex(index.path, index.n_events)
    for q in QUERIES:
        want = set(search(tl, q))
        mask = index.event_mask(q)
        got = {tl.events.ids[i] for i in np.flatnonzero(mask)}
        assert got == want, q
    assert any(search(tl, q) for q in QUERIES)  # the queries do match something


def test_index_is_reused_and_rebuilt_when_the_file_changes(big, tmp_path):
    path, tl = big
    first = si.SearchIndex.build(path, tl)
    assert os.path.dirname(first.path) == str(tmp_path / "cache")
    assert oct(os.stat(tmp_path / "cache").st_mode & 0o777) == "0o700"
    again = si.SearchIndex.open(path, tl)
    assert again is not None and again.path == first.path
    write_big(tmp_path / "big.timeline.json", n=3100)  # another content, same name
    tl2 = read_timeline(path)
    assert si.SearchIndex.open(path, tl2) is None  # stale: keyed by the file's digest
    rebuilt = si.SearchIndex.build(path, tl2)
    assert rebuilt.event_mask("3050").sum() == 1


def test_cancelled_build_leaves_nothing(big, tmp_path):
    path, tl = big
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1  # after the first batch
    si._BATCH, old = 500, si._BATCH
    try:
        assert si.SearchIndex.build(path, tl, cancelled=cancelled) is None
    finally:
        si._BATCH = old
    assert os.listdir(tmp_path / "cache") == []
    assert si.SearchIndex.open(path, tl) is None


def test_a_link_at_the_index_name_is_not_followed(big, tmp_path):
    path, tl = big
    si.index_dir(create=True)
    target = tmp_path / "elsewhere.db"
    target.write_bytes(b"precious")
    name = si.index_path(path)
    os.symlink(target, name)
    assert si.SearchIndex.open(path, tl) is None  # not opened through the link
    index = si.SearchIndex.build(path, tl)
    assert index is not None and not os.path.islink(name)
    assert target.read_bytes() == b"precious"  # replaced the link, never wrote through it


def test_a_shared_or_linked_cache_folder_is_not_used(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    os.symlink(real, link)
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(link))
    assert si.index_dir() is None
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    os.chmod(open_dir, 0o777)
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(open_dir))
    assert si.index_dir() is None


def test_small_or_plain_timelines_are_not_indexed(bundled_path):
    tl = read_timeline(bundled_path)
    assert not si.can_index(tl)
    assert si.SearchIndex.build(bundled_path, tl) is None


def test_without_a_trusted_cache_folder_the_index_lives_in_memory(big, tmp_path, monkeypatch):
    path, tl = big
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(shared))
    index = si.SearchIndex.build(path, tl)
    assert index is not None and index.path == ""
    assert os.listdir(shared) == []  # nothing written where others can write
    for q in ("protest", "élysée", "peskov", "p"):
        assert {tl.events.ids[i] for i in np.flatnonzero(index.event_mask(q))} == set(search(tl, q))


def test_the_scan_finds_exactly_the_texts_that_contain_each_term():
    """The in-memory scan anchors each term on its rarest byte and checks the
    others there: the same events as a plain ``in``, for repeated, overlapping,
    multi-byte, first- and last-position terms (seeded texts)."""
    rng = np.random.default_rng(12)
    pieces = ["protest", "pro", "p", "é", "straße", "ab", "aab", "aaa", "x y", "1", "zz", "€"]
    texts = ["".join(rng.choice(pieces, size=int(rng.integers(0, 7)))) for _ in range(3000)] + [""]
    index = si.SearchIndex("", len(texts), texts)
    for term in ("p", "pro", "protest", "protestp", "aa", "aaaa", "abab", "aab", "ssé", "ße", "é1", "€z",
                 "x y1", "zzz", "1p", "q", "protestprotestprotest"):
        want = np.array([term in t for t in texts])
        assert np.array_equal(index._scan(term), want), term


def test_texts_joined_a_few_at_a_time_are_scanned_as_before(monkeypatch):
    """The folded texts are joined into the scan's blob a slice at a time (so loading the
    index in the background lets the window answer between slices): with slices of 7
    texts the blob is the one join, and the scan finds exactly the texts with each term."""
    monkeypatch.setattr(si, "JOIN_SLICE", 7)
    rng = np.random.default_rng(14)
    pieces = ["protest", "p", "é", "straße", "ab", "1", "€", ""]
    texts = ["".join(rng.choice(pieces, size=int(rng.integers(0, 5)))) for _ in range(500)] + [""]
    index = si.SearchIndex("", len(texts), texts)
    assert index._blob.tobytes() == b"\x00".join(t.encode("utf-8") for t in texts)
    for term in ("p", "protest", "ße", "é1", "€", "ab1", "q"):
        assert np.array_equal(index._scan(term), np.array([term in t for t in texts])), term
    for texts in ([], [""], ["a"]):
        assert si.SearchIndex("", len(texts), texts)._blob.tobytes() == b"\x00".join(t.encode() for t in texts)


def test_the_matches_are_listed_in_time_order_few_or_many(bundled_path):
    """The search's match list (what ← / → in the search field walk, and the
    counter "k of n") is in time order and holds exactly the matching rows,
    whether few rows match (sorted by time rank) or many (the mask read in
    time order): seeded masks of every density, compared to a plain walk."""
    from viewer.model.search import SPARSE_MATCHES, matches_of

    cols = read_timeline(bundled_path).columns
    n = len(cols)
    rng = np.random.default_rng(12)
    for density in (0.0, 1 / n, 0.5 / SPARSE_MATCHES, 2 / SPARSE_MATCHES, 0.5, 1.0):
        mask = rng.random(n) < density
        found = matches_of(cols, mask)
        walk = [cols.ids[r] for r in cols.time_order.tolist() if mask[r]]
        assert list(found) == walk, density
        assert found.ranks.tolist() == sorted(int(cols.time_rank()[cols.row_of(e)]) for e in walk)


def test_typing_on_finds_exactly_the_texts_that_contain_each_term():
    """Keystrokes in a row (a term that extends the last one is looked for
    only where the last one was found), backspaces, other terms, two terms,
    and terms found in most texts: each answer the same as a plain ``in``."""
    rng = np.random.default_rng(13)
    pieces = ["protest", "pro", "p", "é", "straße", "1", "12", "x y", ""]
    texts = ["".join(rng.choice(pieces, size=int(rng.integers(0, 6)))) for _ in range(3000)] + [""]
    index = si.SearchIndex("", len(texts), texts)
    typed = ["p", "pr", "pro", "prot", "protest", "protestp", "protest", "prote", "1", "12", "121", "s",
             "st", "straß", "straße", "é", "é1", "x", "x ", "x y", "p", "pp", "ppp", "1", "q", "qp"]
    for term in typed:
        want = np.array([term in t for t in texts])
        assert np.array_equal(index._scan(term), want), term
    for query in ("protest 1", "protest 12", "pro 1 x"):
        want = np.array([all(term in t for term in query.split()) for t in texts])
        assert np.array_equal(index.event_mask(query), want), query


@pytest.mark.parametrize("memory", [True, False])
def test_a_changed_text_in_the_cached_index_never_finds_what_the_file_does_not_hold(big, memory):
    """The cached ``<hash>.tvsearch`` is trusted on its metadata (the file's digest) alone: a
    text changed in it ('we surrender' added to event 2500) made a search find an event that
    does not hold the words.  A match is checked against the event's own text: the index is
    refused (the caller drops it and scans), and a true match still passes."""
    import sqlite3

    path, tl = big
    built = si.SearchIndex.build(path, tl)
    assert built is not None and built.event_mask("surrender").sum() == 0
    con = sqlite3.connect(built.path)
    con.execute("UPDATE ev SET body = body || ' we surrender' WHERE rowid = 2500")
    con.commit()
    con.close()
    index = si.SearchIndex.open(path, tl)
    assert index is not None  # its metadata is the file's
    if memory:
        index.load_texts()
    assert {tl.events.ids[i] for i in np.flatnonzero(index.event_mask("protest"))} == set(search(tl, "protest"))
    with pytest.raises(si.IndexTextMismatch, match="finds event 2500, whose text does not hold the query"):
        index.event_mask("surrender")
    assert not search(tl, "surrender")  # (the scan the caller falls back on finds nothing)
