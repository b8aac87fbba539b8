"""A date whose year is unknown (``XXXX-02-XX``: February, year and day unknown) is never written as
the first year EDTF's four digits allow (year 0, 1 BCE) nor as a span of ten thousand years: the
formats that need a year (TimelineJS, vis-timeline, iCalendar) leave the event out and say why."""

from __future__ import annotations

import json

from viewer.io.native import timeline_from_dict
from viewer.io.registry import write_timeline


def _february():
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Unknown year",
        "tracks": [{"id": "t", "label": "Track"}],
        "events": [{"id": "a", "track": "t", "title": "Thaw", "start": {"edtf": "XXXX-02-XX"}},
                   {"id": "b", "track": "t", "title": "Talks", "start": {"edtf": "2022-02-10"}}]})


def test_timelinejs_leaves_out_february_year_unknown_and_says_so(tmp_path):
    out = tmp_path / "t.json"
    left = write_timeline(_february(), str(out), format="timelinejs")
    slides = json.loads(out.read_text())["events"]
    assert [s["unique_id"] for s in slides] == ["b"]  # was a slide on 1 BCE, "February, year unknown" as its date
    assert left[0] == ("event 'a' (Thaw): not written to TimelineJS: its year is unknown "
                       "(February, year unknown; EDTF XXXX-02-XX)")  # as iCalendar
    assert not any("9999" in line or "BCE" in line for line in left)


def test_vis_timeline_leaves_out_february_year_unknown_and_says_so(tmp_path):
    left = write_timeline(_february(), str(tmp_path / "v.json"), format="vis")
    assert left == ["event 'a' (Thaw): not written to vis-timeline: its year is unknown "
                    "(February, year unknown; EDTF XXXX-02-XX)"]  # was a point on year 0000 (1 BCE)
    items = json.loads((tmp_path / "v.json").read_text())["items"]
    assert [i["id"] for i in items] == ["b"]


def test_icalendar_says_the_year_is_unknown_not_that_1_bce_is_out_of_range(tmp_path):
    left = write_timeline(_february(), str(tmp_path / "c.ics"))
    assert left == ["event 'a' (Thaw): not written to iCalendar: its year is unknown "
                    "(February, year unknown; EDTF XXXX-02-XX)"]
