"""--date-format without --map start: the one column whose dates are all in that format is the
start (breakit7: it said only 'no column for start', the hint that named the column gone)."""

import pytest

from viewer.io.registry import read_timeline_report
from viewer.model.errors import TimelineLoadError


def _csv(tmp_path, text):
    path = tmp_path / "talks.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_one_column_in_the_format_is_the_start(tmp_path):
    path = _csv(tmp_path, "Headline,Day,Who\nTalks,03/04/2022,Ministry\nStrike,05/04/2022,Army\n"
                          "Vote,12/04/2022,Parliament\n")
    report = read_timeline_report(path, options={"date_format": "%d/%m/%Y"})
    assert [e.start.edtf for e in report.timeline.events] == ["2022-04-03", "2022-04-05", "2022-04-12"]
    assert any("column 'Day' read as start from its content" in n.message for n in report.notes)


def test_two_columns_in_the_format_are_not_chosen_between(tmp_path):
    path = _csv(tmp_path, "Headline,Day,Filed\nTalks,03/04/2022,04/04/2022\nStrike,05/04/2022,06/04/2022\n")
    with pytest.raises(TimelineLoadError, match="no column for start") as err:
        read_timeline_report(path, options={"date_format": "%d/%m/%Y"})
    assert "columns 'Day', 'Filed' all hold dates in %d/%m/%Y: choose the start with --map start=COLUMN" in str(
        err.value)
