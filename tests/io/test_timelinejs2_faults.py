"""TimelineJS 2 files a tester broke: each fault is a problem naming the file, the line and
column, the place (``timeline.date[4]``) and what was expected, in TimelineJS 2's field names;
nothing is dropped silently."""

import pytest

from viewer.io.timelinejs import read_timelinejs_report
from viewer.model.errors import TimelineLoadError


def _read(tmp_path, text, name="tl2.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, read_timelinejs_report(path)


def _said(report):
    return [str(p) for p in report.notes + report.warnings + report.skipped]


def test_an_empty_date_list_beside_slides_reads_the_slides_and_says_so(tmp_path):
    path, report = _read(tmp_path, '{"timeline": {"headline": "x",\n "date": [],\n'
                                   ' "slides": [{"startDate": "2011", "headline": "s"}]}}')
    assert [e.title for e in report.timeline.events] == ["s"]
    assert f"{path}, line 2, column 10, at timeline.date: timeline.date is empty; the items were read from " \
           "timeline.slides" in _said(report)


def test_slides_beside_a_date_list_are_said_not_loaded(tmp_path):
    path, report = _read(tmp_path, '{"timeline": {"headline": "x", "date": [{"startDate": "2011", "headline": "d"}],\n'
                                   ' "slides": [{"startDate": "2012", "headline": "s"}]}}')
    assert [e.title for e in report.timeline.events] == ["d"]
    assert f"{path}, line 2, column 12, at timeline.slides: timeline.slides (1 item) not loaded: the items were " \
           "read from timeline.date; a file has one list or the other" in _said(report)


def test_a_date_object_is_refused_at_the_date_not_at_slides(tmp_path):
    path = tmp_path / "obj.json"
    path.write_text('{"timeline": {"headline": "x", "date": {"startDate": "2011"}}}', encoding="utf-8")
    with pytest.raises(TimelineLoadError) as caught:
        read_timelinejs_report(path)
    assert str(caught.value.problems[0]) == (
        f'{path}, line 1, column 40, at timeline.date: TimelineJS 2\'s "timeline" must have a "date" list of items '
        '(or "slides"); got an object')


def test_a_timeline_list_is_named_as_timelinejs_2_not_as_a_native_file(tmp_path):
    path = tmp_path / "list.json"
    path.write_text('{"timeline": []}', encoding="utf-8")
    with pytest.raises(TimelineLoadError) as caught:
        read_timelinejs_report(path)
    said = str(caught.value.problems[0])
    assert said.startswith(f"{path}, line 1, column 14, at timeline: TimelineJS 2's \"timeline\" must be an object")
    assert "got a list" in said and '"events"' not in said


def test_an_era_that_is_no_list_and_an_asset_that_is_no_object_are_said_not_loaded(tmp_path):
    path, report = _read(tmp_path, '{"timeline": {"headline": "x",\n'
                                   ' "date": [{"startDate": "2011,1,1", "headline": "ok", "asset": "notobj"}],\n'
                                   ' "era": "bad"}}')
    said = _said(report)
    assert f"{path}, line 3, column 9, at timeline.era: timeline.era should be a list of items with startDate, " \
           "got text; not loaded" in said
    assert f"{path}, line 2, column 64, at timeline.date[0]: asset should be an object with media, credit and " \
           "caption, got text; not loaded" in said


def test_a_key_written_twice_is_said(tmp_path):
    path, report = _read(tmp_path, '{"timeline": {"headline": "x", "date": [\n'
                                   '  {"startDate": "2011,1,1", "headline": "ok", "startDate": "2012,1,1"}]}}')
    assert [e.start.edtf for e in report.timeline.events] == ["2012-01-01"]
    assert any(s.startswith(f"{path}, line 2, column ") and "at timeline.date[0].startDate: key 'startDate' "
               "appears more than once in this object; only its last value was read" in s for s in _said(report))


def test_the_note_of_times_read_as_utc_names_startdate_and_the_first_item_with_its_line(tmp_path):
    path, report = _read(tmp_path, '{"timeline": {"headline": "x", "date": [\n'
                                   '  {"startDate": "2011,1,1", "headline": "day"},\n'
                                   '  {"startDate": "2011,1,1,12,0", "headline": "noon"},\n'
                                   '  {"startDate": "2011,1,2,12,0", "headline": "noon 2"}]}}')
    note = [p for p in report.notes if "UTC" in p.message][0]
    assert str(note) == (f"{path}, line 3, column 17, at timeline.date[1].startDate (the first of 2): 2 times "
                         "without a time zone read as UTC (startDate: 2); give --time-zone ZONE "
                         "(e.g. Europe/Amsterdam) if they are local time")


def test_a_tag_that_is_no_text_is_said_not_loaded(tmp_path):
    path, report = _read(tmp_path, '{"timeline": {"headline": "x", "date": [\n'
                                   '  {"startDate": "2011,1,1", "headline": "d", "tag": ["a", "b"]}]}}')
    assert f"{path}, line 2, column 53, at timeline.date[0]: tag should be text (the name of the row it is drawn " \
           "in), got a list; not loaded: drawn with the items that have none" in _said(report)
