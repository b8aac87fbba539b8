"""--date-format reads the column's day-month dates; the ISO 8601/EDTF dates of the same column
(the project's own form) are still read as ISO (tester: ``--date-format %d/%m/%Y`` refused
``2022-02-11`` and said to write YYYY-MM-DD, which it already was)."""

from __future__ import annotations

from viewer.app import main
from viewer.io.csvgeneric import read_csv_report

MIXED = ("title,date\n"
         "A,10/02/2022\n"
         "B,2022-02-11\n"
         "C,2022-02\n"
         "D,2022-02-12T14:00:00Z\n")


def _mixed(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    return path


def test_a_declared_format_still_reads_the_iso_dates_of_the_column(tmp_path, capsys):
    path = _mixed(tmp_path)
    assert main(["validate", str(path), "--date-format", "%d/%m/%Y"]) == 0
    err = capsys.readouterr().err
    assert "does not match the declared date format" not in err and "YYYY-MM-DD" not in err
    rep = read_csv_report(path, date_format="%d/%m/%Y")
    dates = {e.title: e.start for e in rep.timeline.events}
    assert dates["A"].edtf == "2022-02-10" and dates["A"].phrase == "10/02/2022"  # the declared order
    assert dates["B"].edtf == "2022-02-11"
    assert dates["C"].edtf == "2022-02"  # at the precision written: not made a day
    assert dates["D"].edtf == "2022-02-12T14:00:00Z"


def test_a_cell_in_neither_form_names_the_format_and_iso_and_is_refused(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("title,date\nA,10/02/2022\nB,10.02.2022\nC,02/13/2022\n", encoding="utf-8")
    rep = read_csv_report(path, date_format="%d/%m/%Y")
    assert [e.title for e in rep.timeline.events] == ["A"]
    said = {p.line: p.message for p in rep.skipped}
    assert set(said) == {3, 4}
    assert "'10.02.2022' does not match the declared date format '%d/%m/%Y'" in said[3]
    assert "nor is it an ISO 8601/EDTF date" in said[3] and "write it as YYYY-MM-DD" not in said[3]
    assert "'02/13/2022' does not match the declared date format '%d/%m/%Y'" in said[4]


def test_without_the_option_the_refused_rows_name_the_option_that_reads_the_column(tmp_path, capsys):
    path = _mixed(tmp_path)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "'10/02/2022' is ambiguous" in err
    assert ("--map start=date --date-format %d/%m/%Y (or %m/%d/%Y, whichever the source means) reads it "
            "(the column's dates in other forms, e.g. '2022-02-11', are still read as written)") in err
    assert "would not help" not in err


def test_the_import_dialog_counts_the_iso_dates_with_a_format_and_proposes_it(tmp_path):
    from viewer.io.csvpreview import count_dates, preview

    p = preview(_mixed(tmp_path))
    assert count_dates(p.all_rows, "date", "%d/%m/%Y") == (4, 4)  # as the reader reads them
    assert count_dates(p.all_rows, "date", None) == (3, 4)
    assert (p.date_format, p.ambiguous) == (None, ["%d/%m/%Y", "%m/%d/%Y"])  # 10/02: order not guessed


def test_a_date_format_without_a_year_is_refused_not_read_as_1900(tmp_path, capsys):
    """`--date-format %d/%m` read "03/04" as 3 April 1900 (strptime's default year), exit 0, no
    note: a year no source gave (break-it tester); `%H:%M` and `%B %d` likewise."""
    import pytest

    from viewer.cli import main as cli
    from viewer.model.errors import TimelineLoadError

    path = tmp_path / "noyear.csv"
    path.write_text("title,date\nA,03/04\n", encoding="utf-8")
    for fmt in ("%d/%m", "%H:%M", "%B %d", "%%Y %d/%m"):  # ("%%Y" is a literal "%Y")
        assert cli(["validate", str(path), "--date-format", fmt]) == 2
        assert f"--date-format {fmt!r} has no year (%Y or %y): every date would be read as in the year 1900" in \
            capsys.readouterr().err
    with pytest.raises(TimelineLoadError, match="has no year"):
        read_csv_report(str(path), date_format="%d/%m")
    with pytest.raises(TimelineLoadError, match="does not match the declared date format"):
        read_csv_report(str(path), date_format="%d/%m/%y")  # a year in the format: read (and refused) as before


def test_a_time_in_a_daylight_saving_gap_says_only_that(tmp_path, capsys):
    """The cell matched the declared format; only its time did not exist: the message went on
    "…, nor is it an ISO 8601/EDTF date" (break-it tester)."""
    from viewer.cli import main as cli

    path = tmp_path / "dst.csv"
    path.write_text("title,date\nA,26/03/2023 02:30\n", encoding="utf-8")
    assert cli(["validate", str(path), "--date-format", "%d/%m/%Y %H:%M", "--time-zone", "Europe/Berlin"]) == 1
    err = capsys.readouterr().err
    assert "does not exist in Europe/Berlin (the clocks skipped it); give the time with its UTC offset" in err
    assert "nor is it" not in err


def test_the_locales_date_directives_hold_a_year():
    from viewer.io.csvgeneric import check_date_format

    assert check_date_format("%x") == "%x" and check_date_format("%c") == "%c"
