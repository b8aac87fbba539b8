"""The rule "begins after the source's date, so planned" on an event whose year is unknown: its x
is +inf in the columns, which counted as after any reference date, so the header, the markers and
a collection's count called ``XXXX-06-10`` planned while the event itself (read as the year 0) was
not.  One rule now: an unknown-year start is never after; a known start is read by its date even
when the end's year is unknown."""

from __future__ import annotations

from viewer.io.native import timeline_from_dict
from viewer.model.store import MemoryStore


def _timeline():
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Harbour", "reference_date": {"edtf": "2023-05-10"},
        "tracks": [{"id": "port", "label": "Port"}], "events": [
            {"id": "walkout", "track": "port", "title": "Dockers walk out", "start": {"edtf": "2023-05-02"}},
            {"id": "founding", "track": "port", "title": "Union founded", "start": {"edtf": "XXXX-06-10"}},
            {"id": "talks", "track": "port", "kind": "span", "title": "Talks", "start": {"edtf": "2023-06-01"},
             "end": {"edtf": "XXXX-09"}}]})


def test_the_columns_the_events_and_a_store_agree():
    tl = _timeline()
    rows = dict(zip(tl.columns.ids, tl.planned_rows().tolist(), strict=True))
    by_event = {e.id: tl.is_planned(e) for e in tl.events}
    assert rows == by_event == {"walkout": False, "founding": False, "talks": True}
    assert tl.planned_count() == 1
    assert MemoryStore(tl).mark_counts(tl.reference_date.latest) == (0, 1)
