"""TimelineJS 2 files: every load problem names the file, the line and column of the
offending value (or the item's index and id) with the file's own field names, and what was expected."""

import pytest

from viewer.io.timelinejs import read_timelinejs_report
from viewer.model.errors import TimelineLoadError

V2 = """{
  "timeline": {
    "headline": "T",
    "type": "default",
    "date": [
      {"startDate": "2011,3,23", "headline": "ok"},
      {"startDate": "2011,13,2", "headline": "bad month"},
      {"startDate": "March 1995", "headline": "words"},
      {"headline": "no date", "id": "nd"},
      {"startDate": "1990", "endDate": "1980", "headline": "backwards"},
      {"startDate": "2000", "headline": "thumb", "asset": {"media": "m.jpg", "thumbnail": "t.jpg"}}
    ],
    "era": [
      {"startDate": "1960", "endDate": "x", "headline": "era"}
    ]
  }
}
"""


def _problems(tmp_path):
    path = tmp_path / "v2.json"
    path.write_text(V2, encoding="utf-8")
    report = read_timelinejs_report(path)
    return {p.location.split(" ")[0]: p for p in report.skipped + report.warnings}


def test_a_bad_v2_date_is_placed_at_its_value_with_the_files_field_name(tmp_path):
    problems = _problems(tmp_path)
    month = problems["timeline.date[1]"]
    assert (month.line, month.column) == (7, 21)  # the "2011,13,2"
    assert str(month).startswith(f"{tmp_path / 'v2.json'}, line 7, column 21, at timeline.date[1]: startDate: month 13")
    words = problems["timeline.date[2]"]
    assert (words.line, words.column) == (8, 21)
    assert 'startDate must be text "year,month,day[,hour,minute,second]" such as "1995,3,12"' in words.message
    assert "'March 1995'" in words.message
    backwards = problems["timeline.date[4]"]
    assert (backwards.line, backwards.column) == (10, 40)  # the endDate
    assert backwards.message.startswith("endDate (year 1980) is before startDate")
    era = problems["timeline.era[0]"]
    assert (era.line, era.column) == (14, 40) and era.message.startswith("endDate must be text")


def test_a_v2_item_without_a_date_is_named_by_index_id_and_line(tmp_path):
    missing = _problems(tmp_path)["timeline.date[3]"]
    assert missing.location == "timeline.date[3] (id 'nd')"
    assert (missing.line, missing.column) == (9, 7)
    assert missing.message.startswith("startDate must be text")


def test_a_v2_field_not_loaded_is_named_and_placed(tmp_path):
    thumb = _problems(tmp_path)["timeline.date[5]"]
    assert thumb.message == "asset.thumbnail has no equivalent in this viewer; not loaded"
    assert thumb.line == 11


def test_a_v2_file_without_a_date_list_says_where_and_what(tmp_path):
    path = tmp_path / "nolist.json"
    path.write_text('{\n  "timeline": {\n    "headline": "T",\n    "date": {"startDate": "2000"}\n  }\n}\n',
                    encoding="utf-8")
    with pytest.raises(TimelineLoadError) as caught:
        read_timelinejs_report(path)
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (4, 13)  # the "date" that is no list
    assert problem.location == "timeline.date"
    assert '"date" list' in problem.message and "got an object" in problem.message


def test_a_v2_timeline_field_not_loaded_is_placed_at_it(tmp_path):
    path = tmp_path / "extra.json"
    path.write_text('{\n  "timeline": {\n    "headline": "T",\n    "lang": "fr",\n'
                    '    "date": [{"startDate": "2000", "headline": "a"}]\n  }\n}\n', encoding="utf-8")
    lang = [p for p in read_timelinejs_report(path).warnings if "lang" in p.message][0]
    assert (lang.line, lang.location) == (4, "timeline.lang")
    assert lang.message == "timeline.lang has no equivalent in this viewer; not loaded"


def test_the_note_says_what_was_done_with_this_files_tag_and_tags(tmp_path):
    """A TimelineJS 2 file with only `tags` was told "tag as group", though its tags came through as
    tags on one track (new-user tester, TimelineJS3's website/examples/example.json)."""
    import json

    def note(items):
        path = tmp_path / "t.json"
        path.write_text(json.dumps({"timeline": {"headline": "T", "date": items}}), encoding="utf-8")
        report = read_timelinejs_report(str(path))
        return next(n.message for n in report.notes if "TimelineJS 2 JSON" in n.message), report.timeline

    said, timeline = note([{"startDate": "2011,3,23", "headline": "a", "tags": "Career"},
                           {"startDate": "2012", "headline": "b", "tags": "Personal life"}])
    assert "tag as group" not in said
    assert "no item has a tag (TimelineJS 2's row), so one track; tags as tags" in said
    assert len(timeline.tracks) == 1 and {t for e in timeline.events for t in e.tags} == {"Career", "Personal life"}
    said, timeline = note([{"startDate": "2011", "headline": "a", "tag": "War"},
                           {"startDate": "2012", "headline": "b", "tag": "Peace"}])
    assert "each item's tag as its track" in said and "tags as tags" not in said
    assert len(timeline.tracks) == 2
