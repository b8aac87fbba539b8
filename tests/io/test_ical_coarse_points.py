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


def test_a_point_with_a_time_lasts_its_precision_hour_minute_or_second(tmp_path):
    """A point known to the minute got a DTEND a minute later, one known to the second none at all
    (tester): each now lasts the unit it is known to."""
    from datetime import timedelta

    import icalendar

    doc = dict(DOC, events=[
        {"id": "h", "track": "t", "title": "Hour", "start": {"edtf": "2023-06-10T14:00:00Z", "precision": "hour"}},
        {"id": "m", "track": "t", "title": "Minute",
         "start": {"edtf": "2023-06-10T14:05:00Z", "precision": "minute"}},
        {"id": "s", "track": "t", "title": "Second", "start": "2023-06-10T14:05:30Z"}])
    src = tmp_path / "t.timeline.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "t.ics"
    write_timeline(read_timeline(src), out)
    ev = {str(e["summary"]): e for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    lasts = {k: e.decoded("dtend") - e.decoded("dtstart") for k, e in ev.items()}
    assert lasts == {"Hour": timedelta(hours=1), "Minute": timedelta(minutes=1), "Second": timedelta(seconds=1)}
    assert "DTSTART:20230610T140530Z" in out.read_text(encoding="utf-8")
