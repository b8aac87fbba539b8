"""Issue 10: dates no timeline can hold are refused with their place; the
rest of a foreign file still loads."""

import json

import pytest

from viewer.io.registry import read_timeline_report
from viewer.model.dates import EventDate
from viewer.model.errors import DateError, TimelineLoadError


@pytest.mark.parametrize("value, words", [
    ("Y99999999999999999999999", "year is out of range"),
    ("Y-99999999999999999999", "year is out of range"),
    ("Y1E999999999", "year is out of range"),
    ("2022-02-10T12:00:00+99:99", "offset '+99:99'"),
    ("2022-02-10T12:00:00+05:60", "offset '+05:60'"),
    ("２０２２-02-10", "U+FF12"),
    (" 2022-02-10", "space around the date"),
    ("2022-02-10 ", "space around the date"),
    ("2022-21", "season (spring 2022)"),
    ("2022-24", "season (winter 2022)"),
])
def test_values_no_timeline_can_hold_are_refused_with_a_reason(value, words):
    with pytest.raises(DateError) as err:
        EventDate(value)
    assert words in str(err.value)


def test_values_at_the_edges_still_read():
    assert EventDate("2022-02-10T12:00:00+14:00").earliest == EventDate("2022-02-09T22:00:00Z").earliest
    assert EventDate("Y170000002").describe().startswith("170,000,002")  # long years with separators
    assert EventDate("Y-999999999999").earliest < 0


def _native(tmp_path, start):
    doc = {"format": "timeline-viewer", "version": 1, "title": "T", "tracks": [{"id": "t", "label": "T"}],
           "events": [{"id": "good", "track": "t", "title": "g", "start": "2022-02-10"},
                      {"id": "bad", "track": "t", "title": "b", "start": start}]}
    path = tmp_path / "x.timeline.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("value", ["Y99999999999999999999999", "2022-02-10T12:00:00+99:99", "２０２２-02-10",
                                   " 2022-02-10", "2022-21"])
def test_native_file_names_the_event_and_line_of_the_bad_date(tmp_path, value):
    with pytest.raises(TimelineLoadError) as err:
        read_timeline_report(_native(tmp_path, value))
    text = str(err.value)
    assert "event 'bad'" in text and "line " in text and "events[1].start" in text
    assert "OverflowError" not in text


def test_timelinejs_year_1e300_is_refused_with_its_place_and_the_good_rows_load(tmp_path):
    path = tmp_path / "t.timelinejs.json"
    path.write_text('{"events": [\n'
                    '{"start_date": {"year": 2022, "month": 2, "day": 10}, "text": {"headline": "good"}},\n'
                    '{"start_date": {"year": 1e300}, "text": {"headline": "huge"}}\n]}', encoding="utf-8")
    report = read_timeline_report(str(path))
    assert [e.title for e in report.timeline.events] == ["good"]
    (problem,) = report.problems
    assert "line 3" in str(problem) and "year is out of range" in str(problem)


def test_csv_huge_year_is_refused_with_its_line_and_the_good_rows_load(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("title,start\ngood,2022-02-10\nhuge,Y99999999999999999999999\nalso good,2022-02-11\n",
                    encoding="utf-8")
    report = read_timeline_report(str(path))
    assert [e.title for e in report.timeline.events] == ["good", "also good"]
    (problem,) = report.problems
    assert "line 3" in str(problem) and "year is out of range" in str(problem)


def test_many_dates_at_once_refuse_the_same_offsets_as_one_date():
    from viewer.model.dates import resolve_many

    lo, *_ = resolve_many(["2022-02-10T12:00:00+14:00"])
    assert lo[0] == EventDate("2022-02-10T12:00:00+14:00").earliest
    with pytest.raises(DateError, match="out of range"):
        resolve_many(["2022-02-10T12:00:00+14:00", "2022-02-10T12:00:00+20:00"])


@pytest.mark.parametrize(("edtf", "words"), [
    ("Y123456789012", "123,456,789,012 (to the year)"),
    ("Y-123456789012", "123 billion years ago (to the year)"),
    ("Y999999999999", "999,999,999,999 (to the year)"),
    ("Y12000", "12,000 (to the year)"),
])
def test_a_long_year_is_known_to_the_year_however_far(edtf, words):
    from viewer.model.dates import EventDate, Precision

    date = EventDate(edtf)
    assert date.describe() == words and date.precision is Precision.YEAR
