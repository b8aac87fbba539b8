"""A cache rewritten (checksum and all) so that two rows' ``event_index`` are swapped drew "Event 1"
at another event's date while its detail gave its own: an event built from the cache is compared
with its cached row and refused on a difference, and a sample of events is compared while the
cache is read, so that such a cache is usually refused before anything is drawn."""

import os

import numpy as np
import pytest

from tests.io.test_bulk import RICH, _rewrite_payload, assert_same, cached_read, full_read, open_bytes, write_file
from viewer.io import bulk, cache


def _forged(path, monkeypatch, change):
    """The file's full read, and its cache rewritten by ``change`` (a valid checksum)."""
    write_file(path)
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)
    target = bulk.cache_path(str(path))
    _, forged = _rewrite_payload(target, change)
    cache.write_checked(target, lambda fh: fh.write(forged))
    return full, target, forged


def _drawn_at(timeline, i):
    """Where event ``i`` is drawn: its row's start, epoch seconds."""
    cols = timeline.columns
    row = int(np.flatnonzero(cols.event_index == i)[0])
    return cols.x0[row] + cols.origin_epoch_s


@pytest.mark.parametrize("built", [lambda events, a: events[a], lambda events, a: list(events)],
                         ids=["shown alone", "all read in order"])
def test_an_event_whose_cached_row_is_another_events_is_refused_and_then_drawn_at_its_date(tmp_path, monkeypatch,
                                                                                          built):
    monkeypatch.setattr(bulk, "CHECK_SAMPLE", 0)  # only building the event can tell
    path = tmp_path / "big.timeline.json"
    a, b = 1, 6

    def swap(arrays):  # the tester's forge3.py: two rows' event_index swapped
        o = arrays["event_index"]
        r1, r2 = int(np.flatnonzero(o == a)[0]), int(np.flatnonzero(o == b)[0])
        o[r1], o[r2] = b, a

    full, target, forged = _forged(path, monkeypatch, swap)
    true_start = full.events[a].start.earliest
    assert full.events[b].start.earliest != true_start
    tl = cached_read(path, monkeypatch)
    assert _drawn_at(tl, a) != true_start  # the forged row, read from the cache
    with pytest.raises(bulk.CachedTextError, match="dates"):
        built(tl.events, a)
    assert not os.path.exists(target)  # removed: the next open reads the file
    again = cached_read(path, monkeypatch)
    assert again.events[a] == full.events[a] and _drawn_at(again, a) == true_start
    assert_same(again, full)


def test_a_cache_whose_rows_were_shuffled_is_refused_while_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.timeline.json"

    def shuffle(arrays):  # every row another event's: still a permutation, every array fits
        o = arrays["event_index"]
        o[:] = np.random.default_rng(1).permutation(o)

    full, target, forged = _forged(path, monkeypatch, shuffle)
    tl = cached_read(path, monkeypatch)  # no error: the file itself was read
    assert_same(tl, full)
    assert not open_bytes(target).endswith(forged)  # and its cache written again


def test_every_event_of_a_true_cache_agrees_with_its_row(tmp_path, monkeypatch):
    """No false alarm: the rows of a cache written from the file are what its events compute."""
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=[*RICH, {"id": "unknown-year", "track": "t01", "title": "Year?", "start": "XXXX-06-10"}])
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)
    monkeypatch.setattr(bulk, "CHECK_SAMPLE", 10**6)  # every event compared while reading
    monkeypatch.setattr(bulk, "_remove_cache", lambda file: pytest.fail(f"{file}: a true cache refused"))
    tl = cached_read(path, monkeypatch)
    assert list(tl.events) == list(full.events)
