"""TimelineJS year 0 and negative years: how each version shows them, and a note that says how they
were read.  TimelineJS 3 labels year -1 "1 BCE" (TLDate/Language: the absolute year with the era
label) and TimelineJS 2 "1 B.C." (VMM.Date.prettyDate); both are 1 BCE, EDTF year 0000.  A year 0 is
in neither calendar: TimelineJS 3 places it at astronomical year 0 (1 BCE) labelled "0", TimelineJS 2
ignores it (``if (date_array[0])``: the date stays at its 1900 default).  Before, year -1 and year 0
both became 1 BCE silently; the detail pane showed the EDTF year (0000, 0649) with nothing to say
how to read it."""

from __future__ import annotations

import json
import re
from html import unescape

from viewer.io.registry import read_timeline_report
from viewer.ui.detail_pane import event_html


def _read(tmp_path, data, name):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    report = read_timeline_report(path)
    notes = [p.message for p in report.notes]
    return report.timeline, notes


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_timelinejs3_year_minus_one_and_year_zero_say_how_they_were_read(tmp_path):
    tl, notes = _read(tmp_path, {"events": [
        {"start_date": {"year": -1}, "text": {"headline": "minus one"}},
        {"start_date": {"year": -44, "month": 3, "day": 15}, "text": {"headline": "ides"}},
        {"start_date": {"year": 0}, "text": {"headline": "zero"}},
        {"start_date": {"year": 649}, "text": {"headline": "six49"}}]}, "v3.timelinejs.json")
    by = {e.title: e for e in tl.events}
    assert by["minus one"].start.edtf == "0000" and by["minus one"].start.describe() == "1 BCE (to the year)"
    assert by["ides"].start.edtf == "-0043-03-15"
    assert by["zero"].start.edtf == "0000"
    said = [n for n in notes if "read as" in n and "year" in n]
    assert any("year -1 read as 1 BCE, as TimelineJS 3 labels it (“1 BCE”); EDTF 0000" in n
               and "every negative year" in n for n in said), notes
    assert any("year 0 read as 1 BCE" in n and "TimelineJS 3 places it there but labels it “0”" in n
               for n in said), notes
    assert len(said) == 2  # once a file for the negative years, once for year 0
    assert not any("649" in n for n in notes)


def test_timelinejs2_year_zero_and_minus_one_say_how_they_were_read(tmp_path):
    tl, notes = _read(tmp_path, {"timeline": {"headline": "h", "type": "default", "date": [
        {"startDate": "0,1,1", "headline": "zero"}, {"startDate": "-1,1,1", "headline": "minus one"}]}},
        "v2.json")
    assert [e.start.edtf for e in tl.events] == ["0000-01-01", "0000-01-01"]
    assert any(n.startswith("startDate: year 0 read as 1 BCE") and "TimelineJS 2 ignores a year 0 (it shows 1900)"
               in n for n in notes), notes
    assert any(n.startswith("startDate: year -1 read as 1 BCE, as TimelineJS 2 labels it (“1 B.C.”)")
               for n in notes), notes


def test_the_detail_pane_says_how_to_read_an_edtf_year(tmp_path):
    tl, _notes = _read(tmp_path, {"events": [
        {"start_date": {"year": 649}, "text": {"headline": "six49"}},
        {"start_date": {"year": -44, "month": 3, "day": 15}, "text": {"headline": "ides"}},
        {"start_date": {"year": 2023}, "text": {"headline": "recent"}}]}, "y.timelinejs.json")
    by = {e.title: _text(event_html(e, tl)) for e in tl.events}
    assert "649 CE (to the year)" in by["six49"]
    assert "EDTF 0649 (EDTF, which writes years in four digits: 0649 is the year 649)" in by["six49"]
    assert "EDTF -0043-03-15 (EDTF, which counts 1 BCE as year 0: -0043 is 44 BCE; its dates are Gregorian " \
        "extended back, while a source this old most often means the Julian calendar: no weekday is shown before " \
        "15 Oct 1582)" in by["ides"]
    assert "15 Mar 44 BCE" in by["ides"] and "Fri 15 Mar" not in by["ides"]  # a weekday the source never gave
    assert "EDTF 2023 Sorted" in by["recent"] or "EDTF 2023 " in by["recent"]
    assert "four digits" not in by["recent"]


def test_a_span_from_year_0_back_to_year_minus_1_is_refused_not_shrunk_to_one_year(tmp_path):
    """Year 0 and year -1 are both read as 1 BCE, so a span written from year 0 to year -1 (it ends
    before it starts, as TimelineJS places them) used to become a one-year span with no word."""
    path = tmp_path / "backwards.timelinejs.json"
    path.write_text(json.dumps({"events": [
        {"start_date": {"year": 0}, "end_date": {"year": -1}, "text": {"headline": "backwards"}},
        {"start_date": {"year": -5}, "end_date": {"year": -1}, "text": {"headline": "forwards"}}]}),
        encoding="utf-8")
    report = read_timeline_report(path)
    assert [e.title for e in report.timeline.events] == ["forwards"]
    refused = [str(p) for p in report.problems]
    assert any("end_date (year -1) is before start_date (year 0)" in m and "one year" in m for m in refused), refused
