"""TimelineJS years: a year-only end in the start's own year, and years written and read back as numbers."""

from __future__ import annotations

import json

from viewer.io.registry import read_timeline_report, write_timeline
from viewer.model.dates import EventDate
from viewer.model.timeline import Event, EventKind, Timeline, Track


def _v3(tmp_path, start, end, name="t.timelinejs.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"events": [{"start_date": start, "end_date": end,
                                            "text": {"headline": "during"}}]}), encoding="utf-8")
    return path


def test_an_end_year_equal_to_the_start_year_covers_that_year(tmp_path):
    for year in ("2020", 2020):
        report = read_timeline_report(_v3(tmp_path, {"year": year}, {"year": year}))
        assert not report.skipped, report.skipped
        (e,) = report.timeline.events
        assert e.kind is EventKind.SPAN
        assert e.start.describe() == e.end.describe() == "2020 (to the year)"
        assert e.end.latest == EventDate("2021-01-01").earliest


def test_a_year_only_end_in_a_later_year_still_ends_when_timelinejs_ends_it(tmp_path):
    (e,) = read_timeline_report(_v3(tmp_path, {"year": 600}, {"year": 650})).timeline.events
    assert e.end.latest == EventDate("0650-01-01").earliest  # an era 600-650 meets one 650-700


def test_an_end_year_before_the_start_is_refused_quoting_the_files_year(tmp_path):
    path = tmp_path / "two.timelinejs.json"
    path.write_text(json.dumps({"events": [
        {"start_date": {"year": 2020}, "end_date": {"year": 2019}, "text": {"headline": "bad"}},
        {"start_date": {"year": 2020}, "text": {"headline": "good"}}]}), encoding="utf-8")
    report = read_timeline_report(path)
    (problem,) = report.skipped
    assert "end_date (year 2019) is before start_date (2020 (to the year))" in problem.message


def test_a_timelinejs2_era_ending_in_its_start_year_covers_that_year(tmp_path):
    path = tmp_path / "v2.json"
    path.write_text(json.dumps({"timeline": {"headline": "T", "type": "default", "date": [
        {"startDate": "2021,5,1", "headline": "a"}],
        "era": [{"startDate": "2020", "endDate": "2020", "headline": "the year"}]}}), encoding="utf-8")
    report = read_timeline_report(path, format="timelinejs")
    era = next(e for e in report.timeline.events if e.title == "the year")
    assert era.end.latest == EventDate("2021-01-01").earliest and not report.skipped


def test_years_beyond_9999_are_written_as_numbers_and_read_back(tmp_path):
    t = Timeline(title="Far", tracks=(Track("a", "A"),),
                 events=(Event("far", "Far", EventDate("Y12000"), "a"),
                         Event("near", "Near", EventDate("2022-02-10"), "a"),
                         Event("span", "Years", EventDate("1990"), "a", EventKind.SPAN, EventDate("1995"))))
    path = tmp_path / "out.timelinejs.json"
    write_timeline(t, path)
    events = {e["unique_id"]: e for e in json.loads(path.read_text(encoding="utf-8"))["events"]}
    assert events["far"]["start_date"]["year"] == 12000 and events["near"]["start_date"]["year"] == 2022
    report = read_timeline_report(path)
    assert not report.skipped, report.skipped
    again = {e.id: e for e in report.timeline.events}
    assert again["far"].start.describe() == EventDate("Y12000").describe()
    assert again["span"].end.describe() == "1995 (to the year)"


def test_a_string_year_of_five_digits_in_the_year_field_is_a_year(tmp_path):
    path = tmp_path / "s.timelinejs.json"
    path.write_text(json.dumps({"events": [{"start_date": {"year": "12000"}, "text": {"headline": "far"}}]}),
                    encoding="utf-8")
    report = read_timeline_report(path)
    assert not report.skipped and report.timeline.events[0].start.describe() == EventDate("Y12000").describe()


def test_timelinejs_and_vis_exports_name_every_field_they_drop(tmp_path):
    t = Timeline(title="Rich", tracks=(Track("a", "A"),), events=(
        Event("e1", "Rich", EventDate("2022-02-10", "on the tenth", "read from the headline"), "a",
              actors=("NATO",), location="Minsk, Belarus (53.9000, 27.5667)", tags=("drill",)),
        Event("e2", "Plain", EventDate("2022-02-11"), "a")))
    tjs = write_timeline(t, tmp_path / "o.timelinejs.json")
    vis = write_timeline(t, tmp_path / "o.vis.json", format="vis")
    for words in ("1 event loses its actors in", "1 event loses its tags in",
                  "1 event loses its location (place, region, country, coordinates) in",
                  "1 event loses its date basis"):
        assert any(line.startswith(words) and line.endswith(": e1") for line in tjs), (words, tjs)
        assert any(line.startswith(words) and line.endswith(": e1") for line in vis), (words, vis)
    # TimelineJS keeps the source's phrase in the event's text (said so: it reads back as text, not as
    # the date's phrase); vis-timeline has no place for it
    assert not any(line.startswith("1 event loses its dates as the source phrased") for line in tjs)
    assert any("dates as the source phrased them: written only as text" in line for line in tjs)
    assert any(line.startswith("1 event loses its dates as the source phrased them in vis-timeline") for line in vis)
