"""A large file read by the bulk reader (and from its cache) places an event whose year is unknown
(``XXXX-06-10``) as a small file's reader does: nowhere, listed last, not in the extent; it was
drawn at about year 5000 with a bar over the years 1..9999."""

from __future__ import annotations

import dataclasses
import math
import os

import pytest

from tests.io.test_bulk import assert_same, bulk_read, full_read, write_file
from viewer.io import bulk
from viewer.model.columns import FLAG_YEAR_UNKNOWN
from viewer.model.timeline import LazyEvents
from viewer.model.unplaced import unplaced_note, year_unknown_rows

UNKNOWN = [
    {"id": "founding", "track": "t01", "title": "Union founded", "start": "XXXX-06-10"},
    {"id": "day-only", "track": "t02", "title": "An earlier strike", "start": {"edtf": "XXXX-XX-10"}},
    {"id": "season", "kind": "band", "title": "Fishing season", "start": "XXXX-04", "end": "XXXX-09"},
]


def test_the_bulk_reader_and_its_cache_place_an_unknown_year_nowhere(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=UNKNOWN)
    full = full_read(path, monkeypatch)
    first = bulk_read(path, monkeypatch)
    assert isinstance(first.events, LazyEvents) and os.path.exists(bulk.cache_path(str(path)))
    cached = bulk_read(path, monkeypatch)
    for tl in (full, first, cached):
        cols = tl.columns
        assert {cols.ids[r] for r in year_unknown_rows(cols)} == {"founding", "day-only", "season"}
        assert all(int(cols.flags[cols.row_of(e)]) & FLAG_YEAR_UNKNOWN for e in ("founding", "season"))
        assert [cols.ids[r] for r in cols.time_order[-3:]] == ["founding", "day-only", "season"]
        lo, hi = tl.finite_extent()
        assert lo > -1e10 and hi < 1e10  # not year 0 nor 9999
        assert math.isfinite(cols.extent()[1]) and cols.extent()[1] + cols.origin_epoch_s < 1e10
        assert "Union founded (10 June of an unknown year)" in unplaced_note(tl)
    assert_same(first, full)
    assert_same(cached, full)


def test_a_large_file_with_one_unknown_year_opens_from_its_cache(tmp_path, monkeypatch):
    """One event dated XXXX-06-10 made the cache's checks refuse it (x0 is +inf on that row, as
    it is placed nowhere by design): every open of a 30,000-event file re-read it (5.3 s, not
    0.3 s).  The second open now uses the cache and gives the same events; another +inf is
    still refused."""
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=UNKNOWN[:1])
    first = bulk_read(path, monkeypatch)
    with monkeypatch.context() as m:
        m.setattr(bulk, "_read_text", lambda *a: pytest.fail("the file was parsed again, not read from its cache"))
        cached = bulk_read(path, monkeypatch)
    assert_same(cached, first)
    assert cached.events[cached.events.index_of("founding")].title == "Union founded"
    cols = cached.columns
    row = cols.row_of("e00001") if "e00001" in cols.ids else 0
    assert not int(cols.flags[row]) & FLAG_YEAR_UNKNOWN
    x0 = cols.x0.copy()
    x0[row] = math.inf  # a placed row at +inf: not what the reader makes
    assert not bulk._columns_fit(dataclasses.replace(cols, x0=x0), cached.events.facts, len(cached.events),
                                 len(cached.tracks))
    assert bulk._columns_fit(cols, cached.events.facts, len(cached.events), len(cached.tracks))


HALF_KNOWN_SPANS = [
    {"id": "blockade", "track": "t01", "kind": "span", "title": "Blockade", "start": "2022-02-12", "end": "XXXX-06-10"},
    {"id": "curfew", "track": "t02", "kind": "span", "title": "Curfew", "start": {"edtf": "XXXX-03"},
     "end": {"edtf": "2022-02-14"}},
]


def test_the_bulk_reader_and_its_cache_draw_a_span_with_one_date_known_at_it(tmp_path, monkeypatch):
    """As the full reader does (FLAG_HALF_KNOWN: a point at the known date, whisker towards the
    unknown side); its cache gives the same rows."""
    from viewer.model.columns import FLAG_HALF_KNOWN, FLAG_OPEN_END, FLAG_OPEN_START, KIND_POINT

    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=UNKNOWN[:1] + HALF_KNOWN_SPANS)
    full = full_read(path, monkeypatch)
    first = bulk_read(path, monkeypatch)
    cached = bulk_read(path, monkeypatch)
    for tl in (full, first, cached):
        cols = tl.columns
        for eid, side in (("blockade", FLAG_OPEN_END), ("curfew", FLAG_OPEN_START)):
            r = cols.row_of(eid)
            assert int(cols.flags[r]) & FLAG_HALF_KNOWN and int(cols.flags[r]) & side and cols.kind[r] == KIND_POINT
            assert math.isfinite(cols.xm[r])
        assert {cols.ids[r] for r in year_unknown_rows(cols)} == {"founding"}
    assert_same(first, full)
    assert_same(cached, full)
