"""Plans stay plans through the exports: CSV keeps the status and reads it
back, TimelineJS marks the text "(planned)", iCalendar says TENTATIVE, and
every format that cannot hold the status or the reference date says so."""

from __future__ import annotations

import csv
import json

from viewer.cli import main
from viewer.io.registry import read_timeline, read_timeline_report

PLANNED = {"drills-end", "berlin-advisers-meeting", "johnson-stoltenberg-brussels", "johnson-poland"}


def test_csv_keeps_planned_events_planned_and_lists_the_reference_date(tmp_path, capsys, bundled_path):
    out = tmp_path / "a.csv"
    assert main(["convert", bundled_path, str(out)]) == 1  # quotes, stories... are listed as lost
    err = capsys.readouterr().err
    assert "reference date" in err and "lose that status" not in err
    with open(out, encoding="utf-8", newline="") as fh:
        status = {row["id"]: row["status"] for row in csv.DictReader(fh)}
    assert {k for k, v in status.items() if v == "planned"} == PLANNED
    assert set(status.values()) == {"planned", "happened"}
    back = read_timeline(out)
    johnson = back.event("johnson-stoltenberg-brussels")
    assert johnson.planned and back.is_planned(johnson)
    assert not back.event("truss-arrives-moscow").planned


def test_csv_reader_reads_a_status_column_and_notes_other_values(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("title,start,status\nTalks,2022-02-10,Planned\nVisit,2022-02-11,happened\n"
                     "Odd,2022-02-12,postponed\n", encoding="utf-8")
    report = read_timeline_report(sheet)
    assert [e.planned for e in report.timeline.events] == [True, False, True]  # postponed: never a fact
    assert any("'postponed'" in str(w) and "line 4" in str(w) and "drawn as planned" in str(w)
               for w in report.notes)  # what was done, nothing lost: a note, not a field not mapped


def test_timelinejs_says_planned_and_reads_it_back_and_vis_lists_the_lost_status(tmp_path, capsys, bundled_path):
    tjs = tmp_path / "a.timelinejs.json"
    assert main(["convert", bundled_path, str(tjs), "--to", "timelinejs"]) == 1
    err = capsys.readouterr().err
    assert "lose that status in TimelineJS" not in err and "reference date" in err
    # what the export changed is listed: the mark it writes into the slides' text
    assert ("4 planned events: marked '(planned)' first in the event's text (TimelineJS has no status: it "
            "shows the mark as text on the slide; read back as planned)") in err
    events = {e["unique_id"]: e for e in json.loads(tjs.read_text(encoding="utf-8"))["events"]}
    assert "(planned)" in events["johnson-stoltenberg-brussels"]["text"]["text"]
    assert "(planned)" not in events["truss-arrives-moscow"]["text"]["text"]
    back = {e.id: e for e in read_timeline_report(tjs).timeline.events}
    assert back["johnson-stoltenberg-brussels"].planned and not back["truss-arrives-moscow"].planned
    assert "(planned)" not in back["johnson-stoltenberg-brussels"].summary
    vis = tmp_path / "a.vis.json"
    assert main(["convert", bundled_path, str(vis), "--to", "vis"]) == 1
    err = capsys.readouterr().err
    assert "4 planned events: marked '(planned)' at the start of the item's content (read back as planned" in err
    assert "reference date" in err and "lose that status" not in err
    items = {i["id"]: i["content"] for i in json.loads(vis.read_text(encoding="utf-8"))["items"]}
    assert items["johnson-stoltenberg-brussels"].startswith("(planned) ")
    assert not items["truss-arrives-moscow"].startswith("(planned)")


def test_icalendar_marks_planned_events_tentative(tmp_path, bundled_path):
    import icalendar

    out = tmp_path / "a.ics"
    assert main(["convert", bundled_path, str(out)]) == 1
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    status = {str(v["uid"]).split("@")[0]: str(v.get("status", "")) for v in cal.walk("VEVENT")}
    assert {k for k, v in status.items() if v == "TENTATIVE"} == PLANNED
    assert status["truss-arrives-moscow"] == ""


def test_import_preview_offers_the_status_column_as_its_role(tmp_path):
    from viewer.io.csvpreview import ROLES, preview

    sheet = tmp_path / "s.csv"
    sheet.write_text("title,start,status\nTalks,2022-02-10,planned\n", encoding="utf-8")
    assert "status" in ROLES and preview(sheet).mapping.get("status") == "status"


def _band_end_written(path) -> str:
    """The last day the written file gives the bundled Allied Resolve-2022 band, read from the file itself."""
    from datetime import timedelta

    import icalendar

    name = str(path)
    if name.endswith(".ics"):
        ev = next(v for v in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
                  if str(v["uid"]).startswith("allied-resolve-2022@"))
        return (ev.decoded("dtend") - timedelta(days=1)).isoformat()  # DTEND is exclusive
    if name.endswith(".vis.json"):
        item = next(i for i in json.loads(path.read_text(encoding="utf-8"))["items"]
                    if i["id"] == "allied-resolve-2022")
        return item["end"]  # vis ends a range at the first moment after it
    if name.endswith(".timelinejs.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        era = next(x for x in data.get("eras", []) + data["events"]
                   if x.get("text", {}).get("headline", "").startswith("Allied Resolve-2022"))
        d = era["end_date"]
        return f"{d['year']}-{int(d['month']):02d}-{int(d['day']):02d}"
    with open(path, encoding="utf-8", newline="") as fh:
        return next(r for r in csv.DictReader(fh) if r["id"] == "allied-resolve-2022")["end"]


def test_the_loss_list_says_where_the_bands_planned_end_was_written(tmp_path, capsys, bundled_path):
    """The band's end is "on or after 10 Feb" with the announced end (20 Feb) a planned event of its own:
    every export ended the band on 10 Feb, but the loss list said it ran to the announced end as if reported."""
    written = {"a.ics": "2022-02-10", "a.vis.json": "2022-02-11", "a.timelinejs.json": "2022-02-10",
               "a.csv": "[2022-02-10..]"}
    for name, end in written.items():
        out = tmp_path / name
        capsys.readouterr()
        assert main(["convert", bundled_path, str(out)] + (["--to", "vis"] if "vis" in name else [])) == 1
        err = capsys.readouterr().err
        assert _band_end_written(out) == end, name  # ends at the end the source knows, not 20 Feb
        line = next(x for x in err.splitlines() if "'allied-resolve-2022'" in x and "planned end, announced" in x)
        assert "runs to the announced end" not in line and "to the announced end" not in line, (name, line)
        assert "the announced end is not in it (it is the planned event 'drills-end', written as planned)" in line
        if name == "a.csv":
            assert "its row ends on or after Thu 10 Feb 2022, as the source knows it" in line
        else:
            assert "ends on Thu 10 Feb 2022, its end as the source knows it (on or after Thu 10 Feb 2022)" in line
