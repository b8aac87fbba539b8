"""Reading a large file reports how far it got and stops when cancelled
(viewer.io.progress), leaving no cache behind."""

import os

import pytest

from tests.io.test_search_index import write_big
from viewer.io import bulk, read_timeline
from viewer.io import search_index as si
from viewer.io.progress import ReadCancelled, reporting


@pytest.fixture
def big(tmp_path, monkeypatch):
    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(bulk, "_REPORT_EVERY", 100)
    return write_big(tmp_path / "big.timeline.json")


def test_reading_reports_the_share_of_the_file_read(big):
    seen = []
    with reporting(lambda done, total: seen.append((done, total))):
        tl = read_timeline(big)
    assert len(tl.events) == 3000
    assert len(seen) == 30  # one report every 100 events
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and 0 < dones[0]
    total = seen[0][1]
    assert all(t == total for _, t in seen) and dones[-1] <= total
    assert dones[-1] > 0.95 * total  # the last event ends near the end of the file


def test_a_cancelled_reading_stops_and_writes_no_cache(big, tmp_path):
    seen = []
    with pytest.raises(ReadCancelled), reporting(lambda d, t: seen.append(d), lambda: len(seen) >= 3):
        read_timeline(big)
    assert len(seen) == 3  # stopped at the next report
    cache = tmp_path / "cache"
    assert not cache.exists() or not os.listdir(cache)
    # nobody listening: the same file reads whole, and a later reading is not cancelled
    assert len(read_timeline(big).events) == 3000
