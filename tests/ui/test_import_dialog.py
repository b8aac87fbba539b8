"""File > Import… for a delimited file: the dialog a user sees, its guesses, the
live count, the report, and the choices kept per header layout."""

from __future__ import annotations

from viewer.ui.files import settings
from viewer.ui.import_dialog import NO_FORMAT, ImportDialog


def _write(tmp_path, name="dmy.csv"):
    f = tmp_path / name
    f.write_text("What,Day,Who,Notes\nA,03/04/2022,x,<b>one</b>\nB,31/12/2021,y,two\nC,13/01/2022,x,three\n"
                 "D,not a date,y,four\n", encoding="utf-8")
    return f


def test_dialog_guesses_roles_and_format_and_counts_live(qtbot, tmp_path):
    f = _write(tmp_path)
    d = ImportDialog(str(f), settings())
    qtbot.addWidget(d)
    roles = {col: box.currentData() for col, box in zip(d.preview.header, d.role_boxes, strict=True)}
    assert roles["What"] == "title" and roles["Day"] == "start"
    assert d.format_box.currentText() == "%d/%m/%Y"  # 31/12 and 13/01 tell the order
    assert d.count_label.text().startswith("3 of 4 start dates in 'Day' read")
    d.format_box.setCurrentText(NO_FORMAT)
    assert d.count_label.text().startswith("0 of 4")
    d.format_box.setCurrentText("%d/%m/%Y")
    notes = d.preview.header.index("Notes")
    d.role_boxes[notes].setCurrentIndex(d.role_boxes[notes].findData("quote"))
    assert d.options()["mapping"]["quote"] == "Notes" and d.options()["date_format"] == "%d/%m/%Y"
    with qtbot.waitSignal(d.sigChecked, timeout=20000) as done:
        d.check()  # off the GUI thread
    lines = done.args[0]
    assert d.report.toPlainText() == "\n".join(lines)
    assert lines[0].startswith("3 events would load")
    assert any("line 5" in line and "'not a date'" in line for line in lines)
    assert d.table.item(1, notes).text() == "<b>one</b>"  # shown as it is written, never as markup


def test_a_check_can_be_cancelled(qtbot, tmp_path):
    d = ImportDialog(str(_write(tmp_path)), settings())
    qtbot.addWidget(d)
    d.check()
    d.check()  # pressed again: cancel
    assert d.report.toPlainText() == "Check cancelled."
    qtbot.wait(300)
    assert d.report.toPlainText() == "Check cancelled."  # a late result is dropped
    d.reject()


def test_choices_are_remembered_per_header_layout(qtbot, tmp_path):
    f = _write(tmp_path)
    d = ImportDialog(str(f), settings())
    qtbot.addWidget(d)
    who = d.preview.header.index("Who")
    d.role_boxes[who].setCurrentIndex(d.role_boxes[who].findData("track"))
    d.accept()
    other = _write(tmp_path, "other.csv")  # same columns, another file
    again = ImportDialog(str(other), settings())
    qtbot.addWidget(again)
    assert again.mapping()["track"] == "Who"


def test_import_with_the_dialogs_options_opens_and_reloads_with_them(make_window, tmp_path):
    w = make_window()
    f = _write(tmp_path)
    assert w.files.open_with_options(str(f), {"mapping": {"title": "What", "start": "Day", "track": "Who"},
                                              "date_format": "%d/%m/%Y"})
    assert sorted(e.title for e in w.timeline.events) == ["A", "B", "C"]
    assert {t.label for t in w.timeline.tracks} == {"x", "y"}
    assert w.files.banner.isVisible() and "line 5" in w.files.banner.label.text()


def test_banner_groups_rows_of_one_kind_with_their_lines(make_window, tmp_path):
    w = make_window()
    f = tmp_path / "many.csv"
    f.write_text("title,start\nok,2022-02-10\n" + "".join(f"r{i},someday {i}\n" for i in range(40)), encoding="utf-8")
    assert w.open_file(str(f))
    text = w.files.banner.label.text()
    assert "40 rows like:" in text and "lines 3-42" in text


def test_banner_says_how_columns_were_read_from_their_content(make_window, tmp_path):
    w = make_window()
    f = tmp_path / "log.csv"
    f.write_text("Start Time,Instrument,Comment\n2010-01-22 21:12:47,HMI,Jitter\n2010-01-23 10:00:00,AIA,Link\n"
                 "2010-01-24 10:00:00,HMI,Phase\n2010-01-25 10:00:00,AIA,Other\n", encoding="utf-8")
    assert w.open_file(str(f))
    text = w.files.banner.label.text()
    assert "read as:" in text and "'Instrument' read as track" in text


def test_reload_keeps_the_import_dialogs_options(make_window, tmp_path, qtbot):
    w = make_window()
    f = _write(tmp_path)
    options = {"mapping": {"title": "What", "start": "Day", "track": "Who"}, "date_format": "%d/%m/%Y"}
    assert w.files.open_with_options(str(f), options)
    f.write_text(f.read_text(encoding="utf-8") + "E,14/01/2022,x,five\n", encoding="utf-8")
    assert w.files.reload()
    assert sorted(e.title for e in w.timeline.events) == ["A", "B", "C", "E"]


def test_an_imported_csv_reopened_from_recent_files_is_read_with_the_choices_kept_for_its_columns(
        qtbot, tmp_path, monkeypatch, make_window):
    import json
    import os

    from PySide6.QtWidgets import QDialog

    from viewer.io.csvpreview import layout_key

    def accept_as_guessed(dialog):
        dialog.accept()  # What = title, Day = start, %d/%m/%Y: as guessed
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", accept_as_guessed)
    f = _write(tmp_path, "myimport.csv")
    w = make_window()
    assert w.files.import_file(str(f))
    assert len(w.timeline.events) == 3
    w.close()  # quit at once (the recent file is written on closing when its first paint has not come)
    later = make_window()  # another session: only the settings remember the choices
    recent = [a for a in later.files.recent_menu.actions() if a.text() == os.path.abspath(f)]
    recent[0].trigger()
    assert later.last_error is None  # was "myimport.csv, line 1: no column for start: … columns found: What, Day…"
    assert later.path == str(f) or os.path.abspath(later.path) == os.path.abspath(f)
    assert sorted(e.title for e in later.timeline.events) == ["A", "B", "C"]
    assert later.files.banner.isVisible()
    saved = json.loads(settings().value(f"import/{layout_key(['What', 'Day', 'Who', 'Notes'])}")).get("saved")
    assert f"the column choices you made on {saved}" in later.files.banner.label.text()


def test_a_csv_without_choices_kept_opens_the_import_dialog_not_an_error(qtbot, tmp_path, monkeypatch, make_window):
    shown = []

    def cancel(dialog):
        shown.append(dialog.options())
        return 0

    monkeypatch.setattr(ImportDialog, "exec", cancel)
    f = tmp_path / "quoi.csv"
    f.write_text("Quoi,Jour\nA,03/04/2022\nB,31/12/2021\n", encoding="utf-8")
    w = make_window()
    before = w.path
    assert not w.open_file(str(f))  # as File > Open, Open Recent and the start-up offer do
    assert w.last_error is None
    assert shown == [{"mapping": {"title": "Quoi", "start": "Jour"}, "guess_content": False, "date_format": "%d/%m/%Y"}]
    assert w.path == before  # cancelled: what was open stays


def test_a_large_csv_without_choices_kept_opens_the_import_dialog_from_the_background_too(
        qtbot, tmp_path, monkeypatch, make_window):
    """File > Open of a big CSV (read in the background) ended in "no column for start" where a
    small one opens the import dialog."""
    from viewer.ui import opening

    shown = []

    def cancel(dialog):
        shown.append(dialog.options())
        return 0

    monkeypatch.setattr(ImportDialog, "exec", cancel)
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 10)  # this file counts as large
    f = tmp_path / "gros.csv"
    f.write_text("Quoi,Jour\nA,03/04/2022\nB,31/12/2021\n", encoding="utf-8")
    w = make_window()
    before = w.path
    assert w.open_file(str(f))  # started in the background
    qtbot.waitUntil(lambda: not w.opening.pending(), timeout=20000)
    assert w.last_error is None
    assert shown == [{"mapping": {"title": "Quoi", "start": "Jour"}, "guess_content": False, "date_format": "%d/%m/%Y"}]
    assert w.path == before


def test_the_count_names_the_rows_with_no_start_date(qtbot, tmp_path):
    """desk3: a 15-row file with one empty date said "14 of 14 start dates read", as if all loaded;
    the row with no start date is left out, and the count line now says which."""
    f = tmp_path / "courage.csv"
    rows = ["0,Click the arrow to start,"] + [f"{i},Place {i},December {i}, 1941" for i in range(1, 15)]
    f.write_text("position,title,date\n" + "\n".join(r.replace("December", '"December').replace(", 1941", ', 1941"')
                                                      for r in rows) + "\n", encoding="utf-8")
    d = ImportDialog(str(f), settings())
    qtbot.addWidget(d)
    assert d.count_label.text() == ("14 of 14 start dates in 'date' read; "
                                    "1 row has no start date: row 1 (line 2) will not load")
