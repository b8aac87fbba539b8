"""honestui 2: an ACLED export that `validate` calls valid (exit 0, "note: 10 fields of the format
... not kept") opened in the window under a 3-line amber warning banner, with 10 lines on stderr.
The window now says what validate says: one note line naming the fields, in a note's colour, not
a warning's; stderr says it in one line too."""

from __future__ import annotations

from viewer import cli
from viewer.app import main as app_main
from viewer.io.registry import read_timeline_report
from viewer.ui.main_window import MainWindow

ACLED = ("data_id,iso,event_id_cnty,event_date,year,time_precision,event_type,inter1,timestamp\n"
         "1,524,NPL1,1-May-20,2020,1,Protests,6,1589220519\n"
         "2,524,NPL2,2-May-20,2020,1,Protests,6,1589220519\n")
NOTE = "note: 4 fields of the format with no equivalent in this viewer, not kept: data_id, iso, inter1, timestamp"


def test_validate_and_the_command_line_window_say_the_same_one_line_note(tmp_path, capsys):
    f = tmp_path / "acled.csv"
    f.write_text(ACLED, encoding="utf-8")
    assert cli.main(["validate", str(f)]) == 0
    said = capsys.readouterr()
    assert NOTE in said.err and "valid (2 events" in said.out
    assert app_main([str(f), "--screenshot", str(tmp_path / "s.png"), "--size", "800x600"]) == 0
    err = capsys.readouterr().err
    assert NOTE in err
    assert "loaded without" not in err and "column 'iso' has no equivalent" not in err  # no warning list
    assert len(err.strip().splitlines()) == 1, err


def test_the_window_shows_the_note_as_a_note_not_a_warning(qtbot, tmp_path):
    f = tmp_path / "acled.csv"
    f.write_text(ACLED, encoding="utf-8")
    report = read_timeline_report(f)
    w = MainWindow(report.timeline, None, str(f))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.files.show_load_problems(list(report.problems), list(report.notes), len(report.skipped))
    banner = w.files.banner
    assert banner.isVisible() and banner.level == "note"
    assert banner.label.text() == f"acled.csv: {NOTE}"
    assert "#fff4d6" not in banner.styleSheet()  # not the warning's amber


def test_a_real_problem_with_the_note_stays_a_warning_and_lists_only_the_problem(qtbot, tmp_path):
    f = tmp_path / "acled.csv"
    f.write_text(ACLED + "3,524,NPL3,someday,2020,1,Protests,6,1\n", encoding="utf-8")
    report = read_timeline_report(f)
    w = MainWindow(report.timeline, None, str(f))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.files.show_load_problems(list(report.problems), list(report.notes), len(report.skipped))
    banner = w.files.banner
    assert banner.level == "warning"
    text = banner.label.text()
    every = banner.details.toPlainText() or text
    assert "acled.csv: loaded without 1 row it could not read:" in text and f"acled.csv: {NOTE}" in every
    assert "column 'iso' has no equivalent" not in banner.details.toPlainText() + text


def test_validate_of_a_file_with_a_bad_row_gives_the_fields_as_the_same_note(tmp_path, capsys):
    f = tmp_path / "acled.csv"
    f.write_text(ACLED + "3,524,NPL3,someday,2020,1,Protests,6,1\n", encoding="utf-8")
    assert cli.main(["validate", str(f)]) == 1
    err = capsys.readouterr().err
    assert NOTE in err and "column 'iso' has no equivalent" not in err
