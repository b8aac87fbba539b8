"""A bare run of more than 4 digits in a foreign format is a compact or epoch
date, not a year: the row is refused with its place and the others load."""

from __future__ import annotations

import json

import pytest

from viewer.io.csvgeneric import read_csv_report
from viewer.io.timelinejs import read_timelinejs_report


@pytest.mark.parametrize("value, hint", [("20220210", "2022-02-10"), ("1645000000", "YYYY-MM-DD"),
                                         ("99999999999", "YYYY-MM-DD")])
def test_a_compact_or_epoch_date_in_a_csv_is_refused_and_the_other_rows_load(tmp_path, value, hint):
    src = tmp_path / "events.csv"
    src.write_text(f"date,title\n2022-02-11,Kept\n{value},Compact\n13800000000 BCE,Big bang\n", encoding="utf-8")
    report = read_csv_report(src)
    titles = sorted(e.title for e in report.timeline.events)
    assert titles == ["Big bang", "Kept"]  # a year with its era is still a big year
    assert len(report.skipped) == 1
    problem = report.skipped[0]
    assert problem.line == 3
    assert f"'{value}' is not a date: compact or epoch forms are not read; write {hint}" in problem.message


def test_a_compact_timelinejs2_end_date_is_refused_not_read_as_a_year(tmp_path):
    src = tmp_path / "tl2.json"
    src.write_text(json.dumps({"timeline": {"headline": "T", "type": "default", "date": [
        {"startDate": "1960,2,15", "endDate": "196002152034", "headline": "Compact end"},
        {"startDate": "1961,4,12", "headline": "Kept"}]}}), encoding="utf-8")
    report = read_timelinejs_report(src)
    assert [e.title for e in report.timeline.events] == ["Kept"]
    assert any("'196002152034' is not a date: compact or epoch forms are not read" in p.message
               for p in report.skipped)
