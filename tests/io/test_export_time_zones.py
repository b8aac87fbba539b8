"""Exports list each time of day they write in another zone (UTC) than the one stated."""

from __future__ import annotations

import json

import pytest

from viewer.cli import main
from viewer.io.registry import write_timeline
from viewer.model.dates import EventDate
from viewer.model.timeline import Event, Timeline, Track


def _timeline(start):
    return Timeline(title="z", tracks=(Track("a", "A"),),
                    events=(Event(id="kat", title="Meeting", start=start, track="a"),))


@pytest.mark.parametrize("name", ["z.timelinejs.json", "z.vis.json", "z.ics"])
def test_an_offset_time_written_in_utc_is_listed(tmp_path, name):
    losses = write_timeline(_timeline(EventDate("2022-02-10T14:00:00+05:45")), str(tmp_path / name))
    text = "\n".join(losses)
    assert "event 'kat' (Meeting): start 2022-02-10T14:00:00+05:45 (14:00 at +05:45) written as " \
           "Thu 10 Feb 2022 08:15:00 UTC" in text, text


@pytest.mark.parametrize("name", ["z.timelinejs.json", "z.vis.json"])
def test_a_named_zone_written_in_utc_is_listed(tmp_path, name):
    losses = write_timeline(_timeline(EventDate("2022-02-10T14:00:00", time_zone="Asia/Kathmandu")),
                            str(tmp_path / name))
    assert any("14:00 at Asia/Kathmandu" in x and "08:15:00 UTC" in x for x in losses), losses


def test_icalendar_keeps_a_named_zone_so_it_is_not_listed(tmp_path):
    losses = write_timeline(_timeline(EventDate("2022-02-10T14:00:00", time_zone="Asia/Kathmandu")),
                            str(tmp_path / "z.ics"))
    assert not any("Kathmandu" in x for x in losses), losses
    assert "TZID=Asia/Kathmandu" in (tmp_path / "z.ics").read_text(encoding="utf-8")


def test_utc_times_are_not_listed(tmp_path):
    for name in ("z.timelinejs.json", "z.vis.json", "z.ics"):
        losses = write_timeline(_timeline(EventDate("2022-02-10T14:00:00Z")), str(tmp_path / name))
        assert not any("UTC (the same instant" in x for x in losses), (name, losses)


def test_convert_says_so_and_exits_1(tmp_path, capsys):
    src = tmp_path / "z.timeline.json"
    write_timeline(_timeline(EventDate("2022-02-10T14:00:00+05:45")), str(src))
    out = tmp_path / "z.timelinejs.json"
    assert main(["convert", str(src), str(out)]) == 1
    assert "written as Thu 10 Feb 2022 08:15:00 UTC (the same instant, its zone not kept)" in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["events"][0]["start_date"]["hour"] == "8"


def test_convert_lists_every_date_an_export_cannot_hold_not_ten_and_a_count(tmp_path, capsys):
    events = tuple(Event(id=f"e{i:02d}", title=f"Event {i}", start=EventDate(f"{1800 + i}~"), track="a")
                   for i in range(25))
    src = tmp_path / "many.timeline.json"
    write_timeline(Timeline(title="many", tracks=(Track("a", "A"),), events=events), str(src))
    assert main(["convert", str(src), str(tmp_path / "many.vis.json")]) == 1
    err = capsys.readouterr().err
    for i in range(25):
        assert f"event 'e{i:02d}' (Event {i}): start {1800 + i}~" in err
    assert "more dates" not in err
