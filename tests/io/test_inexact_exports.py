"""An export never states a date more precisely than its source (breakit: a tester exported
"2023-XX-10", "2023-06~", "2023-06-10~" and "[..2023-06-10]" and got firm-looking dates).

Each format is read back from the file written: iCalendar covers the period the source names
with the date in words in SUMMARY, vis-timeline draws a range over it (or, for a day, a point)
with the words in the item's content, TimelineJS shows the words as the date, CSV keeps the EDTF;
and the loss list says what was written for each.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import icalendar

from viewer.cli import main
from viewer.io.registry import read_timeline

FORMS = {  # id: (EDTF, the date in words)
    "nomonth": ("2023-XX-10", "10th, month unknown, 2023"),
    "aboutmonth": ("2023-06~", "about June 2023, so between May 2023 and July 2023"),
    "aboutday": ("2023-06-10~", "about Sat 10 Jun 2023, so between Fri 9 Jun 2023 and Sun 11 Jun 2023"),
    "onbefore": ("[..2023-06-10]", "on or before Sat 10 Jun 2023"),
    "uncertain": ("2023-06-10?", "Sat 10 Jun 2023, uncertain"),
    "onafter": ("[2023-06-10..]", "on or after Sat 10 Jun 2023"),
}


def _source(tmp_path: Path) -> str:
    events = [{"id": k, "track": "a", "title": f"T {k}", "start": {"edtf": edtf}} for k, (edtf, _) in FORMS.items()]
    events += [{"id": "open", "track": "a", "title": "T open", "kind": "span", "start": {"edtf": "2023-06-10"},
                "end": {"edtf": ".."}},
               {"id": "firm", "track": "a", "title": "T firm", "start": {"edtf": "2023-06-10"}}]
    path = tmp_path / "in.timeline.json"
    path.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Inexact",
                                "tracks": [{"id": "a", "label": "A"}], "events": events}), encoding="utf-8")
    return str(path)


def _convert(tmp_path: Path, name: str, capsys, *extra: str, code: int = 1) -> tuple[Path, list[str]]:
    out = tmp_path / name
    capsys.readouterr()
    assert main(["convert", _source(tmp_path), str(out), *extra]) == code  # 1: written, losses listed
    return out, capsys.readouterr().err.splitlines()


def _line(lines: list[str], event_id: str, fmt: str) -> str:
    return next(x.strip() for x in lines if x.strip().startswith(f"event {event_id!r}") and x.endswith(f" in {fmt}"))


def test_icalendar_covers_what_the_source_names_and_says_the_date_in_summary(tmp_path, capsys):
    out, lines = _convert(tmp_path, "out.ics", capsys)
    ev = {str(v["uid"]).split("@")[0]: v for v in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}

    def span(k: str) -> tuple[str, str]:
        return ev[k].decoded("dtstart").isoformat(), ev[k].decoded("dtend").isoformat()

    assert span("nomonth") == ("2023-01-01", "2024-01-01")  # the year it may fall in, not 10 January
    assert span("aboutmonth") == ("2023-06-01", "2023-07-01")  # all June, not 1 June
    for k in ("aboutday", "onbefore", "uncertain", "onafter"):
        assert span(k) == ("2023-06-10", "2023-06-11"), k
    for k, (edtf, words) in FORMS.items():
        assert str(ev[k]["summary"]).endswith(f"T {k} ({words})"), k  # was the bare title: a firm-looking date
        assert f"{words} (EDTF {edtf})" in str(ev[k]["description"]), k
    assert str(ev["open"]["summary"]) == "T open (from Sat 10 Jun 2023; end not stated)"  # was a one-day event
    assert str(ev["firm"]["summary"]) == "T firm"
    assert _line(lines, "nomonth", "iCalendar").endswith(
        "written as an all-day event from 2023-01-01 through 2023-12-31 with the date in words in SUMMARY and "
        "DESCRIPTION in iCalendar")
    assert "(iCalendar cannot cover the time before it)" in _line(lines, "onbefore", "iCalendar")
    assert "(iCalendar cannot cover the time after it)" in _line(lines, "onafter", "iCalendar")
    assert _line(lines, "open", "iCalendar").endswith(
        "end .. (open, not stated) written as an all-day event on 2023-06-10, its start only, with the dates in "
        "words in SUMMARY and DESCRIPTION (iCalendar cannot hold an open end) in iCalendar")
    assert not any("'firm'" in x for x in lines)


def test_vis_timeline_draws_the_period_and_shows_the_date_in_words(tmp_path, capsys):
    out, lines = _convert(tmp_path, "out.vis.json", capsys, "--to", "vis")
    items = {i["id"]: i for i in json.loads(out.read_text(encoding="utf-8"))["items"]}
    assert (items["nomonth"]["type"], items["nomonth"]["start"], items["nomonth"]["end"]) == ("range", "2023", "2024")
    assert (items["aboutmonth"]["type"], items["aboutmonth"]["start"], items["aboutmonth"]["end"]) == \
        ("range", "2023-06", "2023-07")  # was a point "2023-06": vis-timeline draws it on 1 June
    for k in ("aboutday", "onbefore", "uncertain", "onafter"):
        assert (items[k]["type"], items[k]["start"]) == ("point", "2023-06-10"), k
    for k, (_, words) in FORMS.items():
        assert items[k]["content"] == f"T {k} ({words})", k  # was the bare title
    assert items["open"]["content"] == "T open (from Sat 10 Jun 2023; end not stated)"
    assert items["firm"]["content"] == "T firm"
    assert _line(lines, "aboutmonth", "vis-timeline").endswith(
        "written as a range 2023-06 to 2023-07 with the date in words in its content in vis-timeline")
    assert _line(lines, "onbefore", "vis-timeline").endswith(
        "written as a point on 2023-06-10 with the date in words in its content (vis-timeline cannot draw the "
        "time before it) in vis-timeline")
    back = {e.id: e for e in read_timeline(out).events}
    for k, (edtf, _) in FORMS.items():  # read back whole, the words taken off the title
        assert (back[k].start.edtf, back[k].title, back[k].end) == (edtf, f"T {k}", None), k


def test_vis_timeline_content_words_are_plain_text(tmp_path, capsys):
    src = tmp_path / "m.timeline.json"
    src.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "M",
                               "tracks": [{"id": "a", "label": "A"}], "events": [
                                   {"id": "x", "track": "a", "title": "<b>x</b>", "start": {"edtf": "2023-06~"}}]}),
                   encoding="utf-8")
    out = tmp_path / "m.vis.json"
    main(["convert", str(src), str(out), "--to", "vis"])
    item = json.loads(out.read_text(encoding="utf-8"))["items"][0]
    assert item["content"] == "&lt;b&gt;x&lt;/b&gt; (about June 2023, so between May 2023 and July 2023)"


def test_timelinejs_shows_each_date_in_words_and_csv_keeps_the_edtf(tmp_path, capsys):
    out, lines = _convert(tmp_path, "out.timelinejs.json", capsys, "--to", "timelinejs")
    slides = {e["unique_id"]: e for e in json.loads(out.read_text(encoding="utf-8"))["events"]}
    for k, (edtf, words) in FORMS.items():
        assert slides[k]["start_date"]["display_date"] == words, k  # TimelineJS shows this, not the fields
        assert slides[k]["start_date"]["edtf"] == edtf
        assert f"shown as “{words}” in TimelineJS" in _line(lines, k, "TimelineJS")
    assert slides["nomonth"]["start_date"].get("month") is None  # no month the source does not give
    sheet, said = _convert(tmp_path, "out.csv", capsys)  # CSV holds the dates whole: only the title is lost
    assert [line for line in said if "not written to CSV" in line] == [
        "  the timeline's title (“Inexact”): not written to CSV"] and not any("2023" in line for line in said)
    with open(sheet, encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert {k: rows[k]["start"] for k in FORMS} == {k: edtf for k, (edtf, _) in FORMS.items()}
    assert rows["open"]["end"] == ".."


def test_a_vis_range_with_a_qualified_side_says_both_dates_in_words_and_reads_back(tmp_path, capsys):
    src = tmp_path / "s.timeline.json"
    src.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "S",
                               "tracks": [{"id": "a", "label": "A"}], "events": [
                                   {"id": "s", "track": "a", "title": "Talks", "kind": "span",
                                    "start": {"edtf": "2023-06-10"}, "end": {"edtf": "2023-07~"}}]}),
                   encoding="utf-8")
    out = tmp_path / "s.vis.json"
    capsys.readouterr()
    assert main(["convert", str(src), str(out), "--to", "vis"]) == 1
    err = capsys.readouterr().err
    (item,) = json.loads(out.read_text(encoding="utf-8"))["items"]
    assert (item["start"], item["end"]) == ("2023-06-10", "2023-08")  # through July, the month it names
    assert item["content"] == "Talks (Sat 10 Jun 2023 → about July 2023, so between June 2023 and August 2023)"
    assert ("end 2023-07~ (about July 2023, so between June 2023 and August 2023) written as July 2023 (end 2023-08) "
            "with the dates in words in its content in vis-timeline") in err
    (back,) = read_timeline(out).events
    assert (back.title, back.start.edtf, back.end.edtf if back.end else None) == ("Talks", "2023-06-10", "2023-07~")
