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


def test_a_short_signed_csv_year_is_read_like_a_long_one_and_said_so(tmp_path, capsys):
    """``-44`` was refused ("not an EDTF date") while ``-10000`` was read as a year: the same
    form, ISO 8601 astronomical numbering, now read the same way, with the same note."""
    sheet = tmp_path / "caesar.csv"
    sheet.write_text("title,start\nIdes of March,-44\nFar,-10000\n", encoding="utf-8")
    report = read_timeline_report(str(sheet))
    caesar = report.timeline.events[0]
    assert caesar.start.edtf == "-0044" and caesar.start.describe() == "45 BCE (to the year)"
    notes = [str(p) for p in report.notes]
    assert len(notes) == 2
    assert "caesar.csv, line 2, at row 1, column 'start'" in notes[0]
    assert "'-44' read as the year -44 (45 BCE; an ISO 8601 signed year, astronomical numbering, " \
        "in which year 0 is 1 BCE)" in notes[0]
    assert "'-10000' read as the year -10000 (10,001 BCE" in notes[1]
    assert main(["validate", str(sheet)]) == 0
    assert "read as the year -44 (45 BCE" in capsys.readouterr().err


def test_a_csv_with_a_header_and_no_rows_says_it_has_no_events(tmp_path, capsys):
    """A header alone was reported "valid (0 events, 0 tracks)": an empty file is an error, and so
    is one whose rows are missing (the wrong sheet exported, a filter that kept nothing)."""
    sheet = tmp_path / "only_header.csv"
    sheet.write_text("title,start,end\n", encoding="utf-8")
    assert main(["validate", str(sheet)]) != 0
    err = capsys.readouterr().err
    assert "only_header.csv, line 1: the file has a header line (title, start, end) but no rows: no events" in err
    assert "valid (0 events" not in err


def test_the_import_dialogs_count_reads_a_signed_year_as_the_reader_does():
    """The dialog's live count ("N of M start dates read") counts ``-44`` as the reader reads it."""
    from viewer.io.common import CsvRow
    from viewer.io.csvpreview import count_dates

    rows = [CsvRow(i + 2, i + 1, {"When": v}, 1) for i, v in enumerate(["-44", "-10000", "1066", "soon"])]
    assert count_dates(rows, "When", None) == (3, 4)
