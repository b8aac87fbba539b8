"""How a reader reinterprets a value is said, not done silently."""

from viewer.app import main
from viewer.io.registry import read_timeline_report


def test_a_signed_five_digit_csv_start_is_read_as_a_year_and_said_so(tmp_path, capsys):
    """``-10000`` became the year -10000 (``Y-10000``) with no word: a count or an amount in
    the wrong column would silently be a date 10,001 BCE."""
    sheet = tmp_path / "far.csv"
    sheet.write_text("title,start\nA,-10000\nB,2020-01-02\n", encoding="utf-8")
    report = read_timeline_report(str(sheet))
    assert report.timeline.events[0].start.edtf == "Y-10000"
    notes = [str(p) for p in report.notes]
    assert len(notes) == 1
    assert "far.csv, line 2, at row 1, column 'start'" in notes[0]
    assert "'-10000' read as the year -10000 (10,001 BCE" in notes[0]
    assert main(["validate", str(sheet)]) == 0  # a reading, not a loss: still valid
    assert "read as the year -10000" in capsys.readouterr().err
