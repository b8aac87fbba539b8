"""A point known only to its year or month is an all-day iCalendar event over that period; its
SUMMARY says "sometime in …" so a calendar does not show it as lasting the year (final tester:
'Talks' from 1 Jan to 1 Jan next year, with nothing saying it was one moment in it)."""

import json

from viewer.io import read_timeline
from viewer.io.registry import write_timeline

DOC = {"format": "timeline-viewer", "version": 1, "title": "Y", "tracks": [{"id": "t", "label": "T", "order": 0}],
       "events": [{"id": "y", "track": "t", "title": "Talks", "start": "2023"},
                  {"id": "m", "track": "t", "title": "Vote", "start": "2023-06"},
                  {"id": "d", "track": "t", "title": "Day", "start": "2023-06-10"}]}


def test_year_and_month_points_say_sometime_in_their_period(tmp_path):
    src = tmp_path / "y.timeline.json"
    src.write_text(json.dumps(DOC), encoding="utf-8")
    out = tmp_path / "y.ics"
    write_timeline(read_timeline(src), out)
    text = out.read_text(encoding="utf-8")
    assert "SUMMARY:Talks (sometime in 2023)" in text and "DTEND;VALUE=DATE:20240101" in text
    assert "SUMMARY:Vote (sometime in June 2023)" in text
    assert "SUMMARY:Day\n" in text  # a day is a day: nothing added
