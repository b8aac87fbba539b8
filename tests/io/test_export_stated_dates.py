"""Exports write a date as its source states it, and list what the format cannot hold.

Fixtures in tests/data/export_dates: unspecified digits (185X, 2022-XX-10, 20XX),
qualified dates (1850~, ~2022, 2022-02-10%, [..2022-02], -0001) and a hand-written
TimelineJS file whose display dates say "circa", "c.", "?", "on or before".
"""

from __future__ import annotations

import json
from pathlib import Path

import icalendar

from viewer.cli import main
from viewer.io.registry import read_timeline_report
from viewer.model.dates import EventDate
from viewer.model.stated import stated_date

DATA = Path(__file__).resolve().parent.parent / "data" / "export_dates"
UNSPEC = str(DATA / "unspecified.timeline.json")
QUALIFIED = str(DATA / "qualified.timeline.json")


def _convert(src: str, out: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["convert", src, str(out)])
    return code, capsys.readouterr().err


def _items(path: Path) -> dict[str, dict]:
    return {i["id"]: i for i in json.loads(path.read_text(encoding="utf-8"))["items"]}


def _slides(path: Path) -> dict[str, dict]:
    return {e["unique_id"]: e for e in json.loads(path.read_text(encoding="utf-8"))["events"]}


def _edtfs(path: Path) -> dict[str, str]:
    return {e.id: e.start.edtf for e in read_timeline_report(path).timeline.events}


def test_unspecified_digits_are_never_written_as_invented_dates_in_vis(tmp_path, capsys):
    out = tmp_path / "u.vis.json"
    code, err = _convert(UNSPEC, out, capsys)
    assert code == 1  # written, with losses listed
    items = _items(out)
    assert items["day-no-month"]["start"] == "2022"  # was 2022-01-10: a day the source never gave
    assert (items["day-no-month"]["type"], items["day-no-month"]["end"]) == ("range", "2023")  # was a point: 1 Jan
    assert items["day-no-month"]["content"] == "The 10th of some month of 2022 (10th, month unknown, 2022)"
    assert items["decade"]["start"] == "1850" and items["century"]["start"] == "2000"
    assert items["decade"]["type"] == "range" and items["decade"]["end"] == "1860"  # a year of the decade
    assert ("event 'decade' (Some year of the 1850s): start 185X (1850s) written as a range 1850 to 1860 with "
            "the date in words in its content in vis-timeline") in err
    assert ("event 'day-no-month' (The 10th of some month of 2022): start 2022-XX-10 "
            "(10th, month unknown, 2022) written as a range 2022 to 2023 with the date in words in its content "
            "in vis-timeline") in err
    assert "start 20XX (a year from 2000 to 2099) written as a range 2000 to 2100" in err
    assert "'month'" not in err and "'year'" not in err  # what the format holds is not listed
    assert _edtfs(out)["day-no-month"] == "2022-XX-10"  # reads back whole (its edtf field), not 10 January


def test_unspecified_digits_in_timelinejs_show_what_the_source_says_and_read_back_whole(tmp_path, capsys):
    out = tmp_path / "u.timelinejs.json"
    code, err = _convert(UNSPEC, out, capsys)
    assert code == 1
    slides = _slides(out)
    assert slides["decade"]["start_date"]["display_date"] == "1850s"
    assert slides["day-no-month"]["start_date"] == {"year": 2022, "display_date": "10th, month unknown, 2022",
                                                    "edtf": "2022-XX-10"}
    assert "display_date" not in slides["month"]["start_date"]
    assert ("event 'day-no-month' (The 10th of some month of 2022): start 2022-XX-10 (10th, month unknown, 2022) "
            "written as 2022 in the date fields, shown as “10th, month unknown, 2022” in TimelineJS") in err
    assert _edtfs(out) == {"decade": "185X", "day-no-month": "2022-XX-10", "century": "20XX",
                           "month": "2022-02", "year": "1850"}


def test_qualified_dates_are_written_as_stated_not_their_earliest_possible_day(tmp_path, capsys):
    out = tmp_path / "q.vis.json"
    code, err = _convert(QUALIFIED, out, capsys)
    assert code == 1
    items = _items(out)
    assert items["about-1850"]["start"] == "1850"  # was 1849
    assert items["about-2022"]["start"] == "2022"  # was 2021
    assert items["about-day"]["start"] == "2022-02-10"  # was 2022-02-09
    assert items["by-feb"]["start"] == "2022-02"
    assert items["spring"]["end"] == "2022-04"  # through March (was 2022-05, through the widened April)
    assert items["two-bce"]["start"] == "-000001"  # the year, as JavaScript reads it (was -000001-01-01)
    assert ("event 'about-1850' (About 1850): start 1850~ (about 1850, so between 1849 and 1851) "
            "written as a range 1850 to 1851 with the date in words in its content in vis-timeline") in err
    assert "start [..2022-02] (on or before February 2022) written as a range 2022-02 to 2022-03" in err
    assert "end 2022-03~ (about March 2022, so between February 2022 and April 2022) written as March 2022" in err
    assert "'firm'" not in err and "'two-bce'" not in err
    back = read_timeline_report(out).timeline
    two_bce = back.event("two-bce").start
    assert two_bce.edtf == "-0001" and two_bce.describe() == "2 BCE (to the year)"


def test_timelinejs_writes_stated_dates_and_reads_every_qualifier_back(tmp_path, capsys, bundled_path):
    out = tmp_path / "q.timelinejs.json"
    code, err = _convert(QUALIFIED, out, capsys)
    assert code == 1
    slides = _slides(out)
    assert slides["about-1850"]["start_date"]["year"] == 1850
    assert slides["about-1850"]["start_date"]["display_date"] == "about 1850, so between 1849 and 1851"
    assert slides["about-2022"]["start_date"]["year"] == 2022
    assert slides["about-day"]["start_date"]["day"] == "10"
    assert slides["two-bce"]["start_date"] == {"year": -2}  # TimelineJS's 2 BCE
    assert "lose their date qualifiers" not in err
    assert "start ~2022 (about 2022, so between 2021 and 2023) written as 2022 in the date fields" in err
    original = _edtfs(Path(QUALIFIED))
    assert _edtfs(out) == original
    # the story bundled with the app: on or before and uncertain days survive the round trip
    tjs = tmp_path / "ar.timelinejs.json"
    assert main(["convert", bundled_path, str(tjs)]) == 1
    back = tmp_path / "ar.timeline.json"
    main(["convert", str(tjs), str(back)])
    edtfs = _edtfs(back)
    assert edtfs["us-alarm"] == "[..2022-02-10]" and edtfs["stoltenberg-largest-deployment"] == "2022-02-03?"


def test_an_edtf_field_that_disagrees_with_the_date_fields_is_not_read(tmp_path):
    path = tmp_path / "x.timelinejs.json"
    path.write_text(json.dumps({"events": [
        {"unique_id": "a", "start_date": {"year": 1900, "edtf": "1850~"}, "text": {"headline": "A"}}]}),
        encoding="utf-8")
    report = read_timeline_report(path)
    assert report.timeline.event("a").start.edtf == "1900"
    assert any("edtf '1850~' does not agree with the date fields" in w.message for w in report.warnings)


def test_hand_written_display_dates_with_qualifier_words_are_not_read_as_firm_dates(tmp_path):
    report = read_timeline_report(DATA / "handwritten.timelinejs.json")
    events = {e.id: e for e in report.timeline.events}
    assert events["before"].start.edtf == "[..2022-02-10]"
    assert events["circa"].start.edtf == "185X~" and events["circa"].start.phrase == "circa 1850s"
    assert events["c-dot"].start.edtf == "1850~"
    assert events["unsure"].start.edtf == "2022-02-03?"
    assert events["plain"].start.edtf == "2022-02-03" and events["plain"].start.is_exact
    notes = [str(n) for n in report.notes]
    assert any("'circa 1850s' read as about 1850s" in n and "not as the firm date of its fields" in n for n in notes)
    # the app's own planned marker reads back as planned, without the marker in the text
    assert events["planned"].planned and events["planned"].summary == "They will meet"
    assert not events["plain"].planned
    # written back: the author's own words again, the date read from them kept whole
    out = tmp_path / "again.timelinejs.json"
    assert main(["convert", str(DATA / "handwritten.timelinejs.json"), str(out)]) == 1
    slides = _slides(out)
    assert slides["circa"]["start_date"]["display_date"] == "circa 1850s"
    assert slides["circa"]["start_date"]["edtf"] == "185X~"
    assert _edtfs(out)["circa"] == "185X~"


def test_icalendar_places_dates_as_stated_and_lists_each(tmp_path, capsys):
    out = tmp_path / "u.ics"
    code, err = _convert(UNSPEC, out, capsys)
    assert code == 1
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    ev = {str(v["uid"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    day = ev["day-no-month"]
    assert day.decoded("dtstart").isoformat() == "2022-01-01" and day.decoded("dtend").isoformat() == "2023-01-01"
    assert "10th, month unknown, 2022 (EDTF 2022-XX-10)" in str(day["description"])
    assert str(day["summary"]) == "The 10th of some month of 2022 (10th, month unknown, 2022)"  # not all year
    assert ("start 2022-XX-10 (10th, month unknown, 2022) written as an all-day event from 2022-01-01 through "
            "2022-12-31 with the date in words in SUMMARY and DESCRIPTION in iCalendar") in err
    q = tmp_path / "q.ics"
    code, err = _convert(QUALIFIED, q, capsys)
    ev = {str(v["uid"]).split("@")[0]: v for v in icalendar.Calendar.from_ical(q.read_bytes()).walk("VEVENT")}
    assert ev["by-feb"].decoded("dtstart").isoformat() == "2022-02-01"  # was 2022-01-30, its sort point
    assert ev["about-1850"].decoded("dtstart").isoformat() == "1850-01-01"  # was 1849
    assert ev["about-1850"].decoded("dtend").isoformat() == "1851-01-01"
    assert "start [..2022-02] (on or before February 2022) written as an all-day event from 2022-02-01" in err


def test_stated_date_names_what_the_source_says():
    cases = {
        "185X": ("1850s", False), "2022-XX-10": ("10th, month unknown, 2022", False),
        "2022-XX": ("2022", True), "2022-02-XX": ("February 2022", True),
        "[..2022-02]": ("on or before February 2022", False), "1850": ("1850", True),
    }
    for edtf, (words, exact) in cases.items():
        s = stated_date(EventDate(edtf))
        assert s is not None and (s.words, s.exact) == (words, exact), edtf
    assert stated_date(EventDate("..")) is None


def test_icalendar_summary_shows_the_date_qualifier_a_calendar_user_would_otherwise_miss(tmp_path, capsys):
    """"US raises alarm" ([..2022-02-10]) was a plain all-day event on 10 Feb: its SUMMARY, all a calendar
    shows, now says "≤" as the timeline's label does, and the date in words; the loss stays listed."""
    src = tmp_path / "q.timeline.json"
    src.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Q",
                               "tracks": [{"id": "t", "label": "T"}], "events": [
        {"id": "alarm", "title": "US raises alarm", "track": "t", "start": {"edtf": "[..2022-02-10]"}},
        {"id": "after", "title": "Talks resume", "track": "t", "start": {"edtf": "[2022-02-10..]"}},
        {"id": "about", "title": "Drills end", "track": "t", "start": {"edtf": "2022-02-20~"}},
        {"id": "maybe", "title": "Truss met Lavrov", "track": "t", "start": {"edtf": "2022-02-10?"}},
        {"id": "firm", "title": "Drills begin", "track": "t", "start": {"edtf": "2022-02-10"}}]}), encoding="utf-8")
    out = tmp_path / "q.ics"
    code, err = _convert(str(src), out, capsys)
    ev = {str(v["uid"]).split("@")[0]: v for v in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert str(ev["alarm"]["summary"]) == "≤ US raises alarm (on or before Thu 10 Feb 2022)"
    assert str(ev["after"]["summary"]) == "≥ Talks resume (on or after Thu 10 Feb 2022)"
    assert str(ev["about"]["summary"]) == ("~ Drills end (about Sun 20 Feb 2022, so between Sat 19 Feb 2022 and "
                                           "Mon 21 Feb 2022)")
    assert str(ev["maybe"]["summary"]) == "Truss met Lavrov (Thu 10 Feb 2022, uncertain)"
    assert str(ev["firm"]["summary"]) == "Drills begin"
    assert code == 1 and "start [..2022-02-10]" in err  # still listed as a loss


WEEK = {"format": "timeline-viewer", "version": 1, "title": "ACLED weeks", "tracks": [{"id": "a", "label": "A"}],
        "events": [{"id": "wk", "track": "a", "title": "Protest", "start": {"edtf": "[2020-05-06..2020-05-12]"}},
                   {"id": "day", "track": "a", "title": "Firm day", "start": {"edtf": "2020-05-07"}}]}
WEEK_WORDS = "one day between Wed 6 May 2020 and Tue 12 May 2020"


def test_one_day_in_a_week_is_drawn_over_the_week_in_vis_and_reads_back_as_one_day_in_it(tmp_path, capsys):
    # breakit5: an ACLED week was a point on 2020-05-06 that read back as that firm day (374 of 5,071 events)
    src = tmp_path / "w.timeline.json"
    src.write_text(json.dumps(WEEK), encoding="utf-8")
    out = tmp_path / "w.vis.json"
    code, err = _convert(str(src), out, capsys)
    items = _items(out)
    wk = items["wk"]
    assert (wk["type"], wk["start"], wk["end"]) == ("range", "2020-05-06", "2020-05-13")
    assert wk["content"] == f"Protest ({WEEK_WORDS})"
    assert items["day"] == {"id": "day", "content": "Firm day", "start": "2020-05-07", "type": "point", "group": "a"}
    assert code == 1 and f"start [2020-05-06..2020-05-12] ({WEEK_WORDS}) written as a range 2020-05-06 to " \
        "2020-05-13 with the date in words in its content in vis-timeline" in err
    back = {e.id: e for e in read_timeline_report(out).timeline.events}
    assert back["wk"].start.edtf == "[2020-05-06..2020-05-12]" and back["wk"].end is None
    assert back["wk"].title == "Protest" and back["day"].start.edtf == "2020-05-07"


def test_a_vis_edtf_field_that_disagrees_with_the_item_is_warned_and_not_read(tmp_path):
    path = tmp_path / "hand.vis.json"
    path.write_text(json.dumps({"items": [
        {"id": "x", "content": "X", "start": "2020-05-07", "type": "range", "end": "2020-05-13",
         "edtf": {"start": "[2020-05-06..2020-05-12]", "kind": "point"}}]}), encoding="utf-8")
    report = read_timeline_report(path)
    (e,) = report.timeline.events
    assert e.start.edtf == "2020-05-07" and e.end is not None
    assert any("edtf: start '[2020-05-06..2020-05-12]' does not agree with the item's start '2020-05-07'" in str(w)
               for w in report.warnings)


def test_icalendar_says_a_week_long_event_happened_on_one_day_of_it(tmp_path, capsys):
    src = tmp_path / "w.timeline.json"
    src.write_text(json.dumps(WEEK), encoding="utf-8")
    out = tmp_path / "w.ics"
    _convert(str(src), out, capsys)
    ev = {str(v["uid"]).split("@")[0]: v for v in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert str(ev["wk"]["summary"]) == f"Protest ({WEEK_WORDS})"
    assert ev["wk"].decoded("dtend").isoformat() == "2020-05-13" and str(ev["day"]["summary"]) == "Firm day"


def test_timelinejs_shows_the_week_in_words_and_reads_it_back(tmp_path, capsys):
    src = tmp_path / "w.timeline.json"
    src.write_text(json.dumps(WEEK), encoding="utf-8")
    out = tmp_path / "w.timelinejs.json"
    _convert(str(src), out, capsys)
    assert _slides(out)["wk"]["start_date"]["display_date"] == WEEK_WORDS
    assert _edtfs(out)["wk"] == "[2020-05-06..2020-05-12]"
