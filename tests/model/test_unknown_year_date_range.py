"""A date-range filter keeps only events known to meet the range: an event whose year is unknown
(``XXXX-06-10``; possible years 0..9999) is not kept by any range, and the filter says how many it
left out.  It used to pass every range (tester finding).  Without a range such events stay listed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.io.test_bulk import bulk_read, write_file
from tests.io.test_bulk_unknown_year import UNKNOWN
from viewer.io.native import timeline_from_dict
from viewer.model.filters import FilterState, apply_filters, date_range_left_out
from viewer.model.store import MemoryStore
from viewer.model.store_query import StoreFilter
from viewer.model.timeline import LazyEvents

FIXTURE = Path(__file__).parents[1] / "data" / "unknown_year.timeline.json"
MAY_2023, JULY_2023 = 1682899200.0, 1688169600.0  # 1 May, 1 July 2023 UTC
UNKNOWN_IDS = {"founding", "first-strike", "season"}


def _timeline():
    return timeline_from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))


def test_a_date_range_keeps_no_event_whose_year_is_unknown_and_counts_them():
    tl = _timeline()
    f = FilterState(date_range=(MAY_2023, JULY_2023))
    shown = {e.id for e in apply_filters(tl, f).events}
    assert shown == {"walkout", "talks", "strike", "deal"}
    assert date_range_left_out(tl, f) == 3
    # counted among those the other filters let through: a hidden track's are not "left out by the range"
    port_hidden = FilterState(date_range=(MAY_2023, JULY_2023), hidden_tracks=frozenset({"port"}))
    assert date_range_left_out(tl, port_hidden) == 1
    assert date_range_left_out(tl, FilterState()) == 0  # no range: nothing left out
    assert UNKNOWN_IDS <= {e.id for e in apply_filters(tl, FilterState(hidden_tracks=frozenset({"city"}))).events}


def test_the_in_memory_store_keeps_them_out_of_a_date_range_too():
    store = MemoryStore(_timeline())
    assert store.count(StoreFilter(date_range=(MAY_2023, JULY_2023))) == 4


def test_a_large_file_read_lazily_keeps_them_out_of_a_date_range(tmp_path, monkeypatch):
    path = tmp_path / "big.timeline.json"
    write_file(path, n=600, extra=UNKNOWN)
    tl = bulk_read(path, monkeypatch)
    assert isinstance(tl.events, LazyEvents)
    lo, hi = tl.finite_extent()
    f = FilterState(date_range=(lo - 86400.0, hi + 86400.0))  # every dated event
    shown = apply_filters(tl, f)
    assert not UNKNOWN_IDS & set(shown.columns.ids)
    assert len(shown.events) == len(tl.events) - 3
    assert date_range_left_out(tl, f) == 3


HALF_KNOWN = {"format": "timeline-viewer", "version": 1, "title": "XX", "tracks": [{"id": "a", "label": "A"}],
              "events": [
                  {"id": "known", "track": "a", "title": "Known May 2023", "start": {"edtf": "2023-05-15"}},
                  {"id": "unk", "track": "a", "title": "Union founded", "start": {"edtf": "XXXX-06-10"}},
                  {"id": "spanu", "kind": "span", "track": "a", "title": "Span to unknown-year end",
                   "start": {"edtf": "2023-05-01"}, "end": {"edtf": "XXXX-06-10"}},
                  {"id": "spanu2", "kind": "span", "track": "a", "title": "Span from unknown-year start",
                   "start": {"edtf": "XXXX-05-01"}, "end": {"edtf": "2023-06-10"}}]}


def test_a_span_whose_known_date_is_in_the_range_is_kept_though_its_other_year_is_unknown():
    tl = timeline_from_dict(HALF_KNOWN)
    may_june = FilterState(date_range=(MAY_2023, JULY_2023))
    assert {e.id for e in apply_filters(tl, may_june).events} == {"known", "spanu", "spanu2"}
    assert date_range_left_out(tl, may_june) == 1  # only the point with no known date
    assert MemoryStore(tl).count(StoreFilter(date_range=(MAY_2023, JULY_2023))) == 3
    # a range that misses the known dates keeps neither: nothing is known of them there
    august = FilterState(date_range=(JULY_2023 + 31 * 86400.0, JULY_2023 + 62 * 86400.0))
    assert {e.id for e in apply_filters(tl, august).events} == set()
    assert date_range_left_out(tl, august) == 3
