"""Times of day written without a time zone are read as UTC: said once, and on each date (newcomer11)."""

from __future__ import annotations

import json

from viewer.app import main
from viewer.io.csvgeneric import read_csv_report
from viewer.io.timelinejs import read_timelinejs_report
from viewer.ui.detail_pane import event_html

NAIVE = ("title,start,end\n"
         "Flare,2010-01-22 21:12:47,2010-01-23 21:12:55\n"
         "Given,2010-01-22T10:00:00Z,\n"
         "Day only,2010-02-01,\n")


def test_csv_times_without_a_zone_are_said_to_be_read_as_utc(tmp_path, capsys):
    """SDO's timeline.csv ("2010-01-22 21:12:47") was shown in UTC with nothing saying the zone was assumed."""
    path = tmp_path / "naive.csv"
    path.write_text(NAIVE, encoding="utf-8")
    rep = read_csv_report(path)
    said = [n.message for n in rep.notes if "without a time zone" in n.message]
    assert said == ["2 times without a time zone read as UTC (column 'start': 1, column 'end': 1); "
                    "give --time-zone ZONE (e.g. Europe/Amsterdam) if they are local time"]
    flare, given, day = rep.timeline.events
    assert "read as UTC" in flare.start.basis and "read as UTC" in flare.end.basis
    assert given.start.basis == "" and day.start.basis == ""  # a zone written, or no time: nothing assumed
    html = event_html(flare, rep.timeline)
    assert "time of day written without a time zone: read as UTC" in html
    assert main(["validate", str(path)]) == 0
    assert "2 times without a time zone read as UTC" in capsys.readouterr().err
    assert main(["convert", str(path), str(tmp_path / "out.timeline.json")]) == 0
    assert "2 times without a time zone read as UTC" in capsys.readouterr().err
    # a zone given is the user's word: nothing to say
    rep = read_csv_report(path, time_zone="UTC")
    assert not any("time zone" in n.message for n in rep.notes)
    assert rep.timeline.events[0].start.basis == ""
    assert main(["validate", str(path), "--time-zone", "Europe/Amsterdam"]) == 0
    assert "without a time zone" not in capsys.readouterr().err


def test_timelinejs_hours_without_a_zone_are_said_to_be_read_as_utc(tmp_path):
    path = tmp_path / "hours.json"
    path.write_text(json.dumps({"events": [
        {"start_date": {"year": 1835, "month": 11, "day": 30, "hour": 10, "minute": 30},
         "text": {"headline": "Born"}},
        {"start_date": {"year": 1910, "month": 4, "day": 21}, "text": {"headline": "Died"}},
    ]}), encoding="utf-8")
    rep = read_timelinejs_report(path)
    assert [n.message for n in rep.notes if "time zone" in n.message] == [
        "1 time without a time zone read as UTC (start_date: 1); give --time-zone ZONE (e.g. Europe/Amsterdam) "
        "if it is local time"]
    assert "read as UTC" in rep.timeline.events[0].start.basis
    assert not any("time zone" in n.message for n in read_timelinejs_report(path, time_zone="UTC").notes)


def test_the_note_is_placed_at_every_column_it_counts(tmp_path, capsys):
    """SDO's timeline.csv: "at column 'Start Time': 20,732 times … (column 'Start Time': 11,300, column
    'End Time': 9,432)": labelled with one column, counting both."""
    path = tmp_path / "naive.csv"
    path.write_text(NAIVE, encoding="utf-8")
    (note,) = [n for n in read_csv_report(path).notes if "without a time zone" in n.message]
    assert note.location == "columns 'start', 'end'"
    assert main(["validate", str(path)]) == 0
    assert "at columns 'start', 'end': 2 times without a time zone read as UTC" in capsys.readouterr().err
    one = tmp_path / "one.csv"
    one.write_text("title,start\nFlare,2010-01-22 21:12:47\n", encoding="utf-8")
    (note,) = [n for n in read_csv_report(one).notes if "without a time zone" in n.message]
    assert note.location == "column 'start'"
