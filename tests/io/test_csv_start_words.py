"""CSV: 'now', 'present', 'ongoing' say when something ends; as a start they are an error naming the word."""

from __future__ import annotations

import pytest

from viewer.io.registry import read_timeline_report


@pytest.mark.parametrize("word", ["now", "present", "Ongoing"])
@pytest.mark.parametrize("end", ["2022-03-01", ""])
def test_an_ongoing_word_as_start_is_refused_naming_line_column_and_word(tmp_path, word, end):
    path = tmp_path / "s.csv"
    path.write_text(f"title,start,end\nok,2022-01-01,\nbad,{word},{end}\n", encoding="utf-8")
    report = read_timeline_report(path)
    assert [e.title for e in report.timeline.events] == ["ok"]
    (problem,) = report.skipped
    text = str(problem)
    assert problem.line == 3
    assert "column 'start'" in text and f"{word!r}" in text
    assert "a start needs a date" in text and "open end" in text
    assert "'..' (open) is only allowed" not in text


def test_ongoing_as_end_still_reads_as_an_open_end(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("title,start,end\nwar,2022-02-24,ongoing\n", encoding="utf-8")
    (event,) = read_timeline_report(path).timeline.events
    assert event.start.edtf == "2022-02-24" and event.end.is_ongoing
