"""A CSV ``status`` the reader does not know (``cancelled``) is drawn as planned with the word kept as
a tag: the report says that is what was done (it said "could not map" it), and the iCalendar export
writes a cancelled event ``STATUS:CANCELLED`` (it wrote TENTATIVE: a calendar offered it as maybe on)."""

from __future__ import annotations

import icalendar

from viewer.app import main
from viewer.io.csvgeneric import read_csv_report
from viewer.io.problems import loaded_without
from viewer.io.registry import write_timeline

SHEET = "title,start,status\nTalks,2022-02-10,cancelled\nVote,2022-02-11,planned\nVisit,2022-02-09,happened\n"


def _sheet(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(SHEET, encoding="utf-8")
    return path


def test_an_unknown_status_is_reported_as_what_was_done_not_as_a_field_not_mapped(tmp_path, capsys):
    rep = read_csv_report(_sheet(tmp_path))
    talks = rep.timeline.events[0]
    assert rep.timeline.is_planned(talks) and talks.tags == ("status: cancelled",)
    assert loaded_without(rep.skipped, rep.warnings) == ""  # the banner's "… it could not map" is not said
    (said,) = [n for n in rep.notes if "'cancelled'" in n.message]
    assert said.line == 2 and said.location.endswith("column 'status'")
    assert ("status 'cancelled' (column 'status') is not one of happened, planned, announced, expected, "
            "scheduled, tentative: drawn as planned (never as having happened), the word kept as the tag "
            "'status: cancelled'") in said.message
    assert main(["validate", str(tmp_path / "s.csv")]) == 0
    err = capsys.readouterr().err
    assert "read as" in err and "'status: cancelled'" in err and "not mapped" not in err


def test_icalendar_writes_a_cancelled_event_cancelled_and_a_planned_one_tentative(tmp_path):
    out = tmp_path / "s.ics"
    write_timeline(read_csv_report(_sheet(tmp_path)).timeline, out)
    status = {str(ev["summary"]): str(ev.get("status", "")) for ev in
              icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert status == {"Talks": "CANCELLED", "Vote": "TENTATIVE", "Visit": ""}


def test_timelinejs_and_vis_say_the_status_beside_planned_and_read_it_back(tmp_path):
    """A cancelled event was written "(planned)" to TimelineJS and vis-timeline, the word "cancelled"
    nowhere in either file (break-it tester)."""
    import json

    from viewer.io.registry import read_timeline_report

    timeline = read_csv_report(_sheet(tmp_path)).timeline
    for name, mark in (("out.timelinejs.json", "<p><i>(planned, status: cancelled)</i></p>"),
                       ("out.vis.json", "(planned, status: cancelled) Talks")):
        out = tmp_path / name
        write_timeline(timeline, out)
        assert mark in out.read_text(encoding="utf-8")
        assert "(planned) Vote" in out.read_text(encoding="utf-8") or "Vote" in json.dumps(json.loads(
            out.read_text(encoding="utf-8")))  # a plain plan keeps its plain mark
        back = {e.title: e for e in read_timeline_report(out).timeline.events}
        assert back["Talks"].planned and "status: cancelled" in back["Talks"].tags, name
        assert back["Vote"].planned and not any(t.startswith("status:") for t in back["Vote"].tags), name


def test_a_status_with_brackets_or_markup_comes_back_from_timelinejs_and_vis(tmp_path):
    """'cancelled (by host)' was read back from vis with the mark left in the title and no status,
    and from TimelineJS as an event that happened (break-it tester)."""
    from viewer.io.registry import read_timeline_report

    path = tmp_path / "s.csv"
    path.write_text("title,start,status\nA,2022-03-01,cancelled (by host) & <b>x</b>\n", encoding="utf-8")
    timeline = read_csv_report(path).timeline
    for name in ("out.timelinejs.json", "out.vis.json"):
        out = tmp_path / name
        write_timeline(timeline, out)
        (back,) = read_timeline_report(out).timeline.events
        assert (back.title, back.planned) == ("A", True), name
        assert "status: cancelled (by host) & <b>x</b>" in back.tags, name
