"""TimelineJS display_date words: read only in a tight form that matches the date fields;
anything else that looks like a date or a qualifier is listed as not read, never read backwards."""

from __future__ import annotations

import json

import pytest

from viewer.io.registry import read_timeline_report


def _read(tmp_path, start, display):
    path = tmp_path / "w.timelinejs.json"
    start = dict(start, display_date=display)
    path.write_text(json.dumps({"events": [{"start_date": start, "text": {"headline": "h"}}]}), encoding="utf-8")
    report = read_timeline_report(path)
    (event,) = report.timeline.events
    notes = [str(p) for p in report.notes if "without a time zone" not in p.message]  # tests/io/test_assumed_zone
    return event.start, notes


FEB10 = {"year": 2022, "month": 2, "day": 10}


@pytest.mark.parametrize(("start", "display", "edtf"), [
    ({"year": 1850}, "circa 1850", "1850~"),
    ({"year": 1850}, "c. 1850s", "185X~"),
    ({"year": 1850}, "1850s", "185X"),
    (FEB10, "before 10 Feb 2022", "[..2022-02-10]"),
    (FEB10, "after 2022-02-10", "[2022-02-10..]"),
    (FEB10, "on or before Thu 10 Feb 2022", "[..2022-02-10]"),
    ({"year": 2022, "month": 2, "day": 3}, "2022-02-03?", "2022-02-03?"),
    ({"year": -44}, "before 44 BC", "[..-0043]"),
])
def test_a_tight_qualified_form_equal_to_the_fields_is_read(tmp_path, start, display, edtf):
    date, notes = _read(tmp_path, start, display)
    assert date.edtf == edtf
    assert date.phrase == display
    assert any("read as" in n for n in notes), notes


@pytest.mark.parametrize(("start", "display"), [
    ({"year": 2022, "month": 2}, "not before February 2022"),
    ({"year": -44}, "44 before Christ"),
    (FEB10, "the day after the summit"),
    (FEB10, "shortly after midnight, 10 Feb"),
    ({"year": 1855}, "1850s"),
    (FEB10, "between 8 and 10 Feb"),
    ({"year": 1800}, "19th century"),
    (FEB10, "12 March 1999"),
    ({"year": 44}, "44 BC"),
    ({"year": 1850}, "avant 1850"),
    ({"year": 1850}, "vor 1850"),
    ({"year": 1850}, "um 1850"),
    ({"year": 1850}, "около 1850 г."),
])
def test_other_words_stay_the_phrase_and_are_listed_as_not_read(tmp_path, start, display):
    date, notes = _read(tmp_path, start, display)
    assert date.edtf.lstrip("-").replace("-", "").isdigit()  # the fields' own date, not qualified by the words
    assert date.phrase == display
    (note,) = [n for n in notes if "display_date" in n]  # (a negative year also says how it was read)
    assert f"display_date {display!r} not read as a date: the date fields give" in note
    assert "events[0]" in note


@pytest.mark.parametrize("display", ["10 Feb 2022", "2022-02-10", "The signing", "Signed by both, no delay"])
def test_the_fields_date_in_words_or_no_date_words_is_not_listed(tmp_path, display):
    date, notes = _read(tmp_path, FEB10, display)
    assert date.edtf == "2022-02-10"
    assert notes == []


def test_an_edtf_field_contradicted_by_the_display_date_is_listed(tmp_path):
    date, notes = _read(tmp_path, {"year": 1850, "edtf": "1850"}, "before 1850")
    assert date.edtf == "1850"
    (note,) = notes
    assert "'before 1850' not read as a date: the edtf field gives 1850" in note


def test_the_day_of_a_time_is_not_listed_but_a_qualified_time_is(tmp_path):
    at = dict(FEB10, hour=14)
    date, notes = _read(tmp_path, at, "10 Feb 2022")
    assert date.edtf == "2022-02-10T14:00:00" and notes == []
    date, notes = _read(tmp_path, at, "before 10 Feb 2022")
    assert date.edtf == "2022-02-10T14:00:00"
    (note,) = notes
    assert "'before 10 Feb 2022' not read as a date" in note
