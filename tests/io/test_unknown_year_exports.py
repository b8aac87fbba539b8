"""A date whose year is unknown (``XXXX-02-XX``: February, year and day unknown) is said as what
is known in every export, never as the first year EDTF's four digits allow (year 0, 1 BCE) nor as
a span of ten thousand years."""

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


def test_timelinejs_shows_february_year_unknown(tmp_path):
    out = tmp_path / "t.json"
    left = write_timeline(_february(), str(out), format="timelinejs")
    shown = [e["start_date"].get("display_date") for e in json.loads(out.read_text())["events"]]
    assert "February, year unknown" in shown
    assert any("(February, year unknown)" in line for line in left)
    assert not any("9999" in line for line in left)  # was "February, a year from 1 BCE to 9999"


def test_vis_timeline_names_the_loss_as_february_year_unknown(tmp_path):
    left = write_timeline(_february(), str(tmp_path / "v.json"), format="vis")
    assert left[0] == ("event 'a' (Thaw): start XXXX-02-XX (February, year unknown) written as a point on 0000 "
                       "with the date in words in its content in vis-timeline")  # not a range of 10,000 years
    items = json.loads((tmp_path / "v.json").read_text())["items"]
    assert items[0]["content"] == "Thaw (February, year unknown)"  # not a firm year 0 (1 BCE)
    assert len(left) == 2 and left[1].startswith("1 item with a date vis-timeline cannot hold whole: the dates are "
                                                 "kept (EDTF) in an 'edtf' field")


def test_icalendar_says_the_year_is_unknown_not_that_1_bce_is_out_of_range(tmp_path):
    left = write_timeline(_february(), str(tmp_path / "c.ics"))
    assert left == ["event 'a' (Thaw): not written to iCalendar: its year is unknown "
                    "(February, year unknown; EDTF XXXX-02-XX)"]
