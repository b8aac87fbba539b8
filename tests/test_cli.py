"""The file commands as a script author meets them: output files, listed problems, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from viewer.app import main
from viewer.app import main as app_main
from viewer.cli import COMMANDS
from viewer.io import read_timeline

DATA = Path(__file__).resolve().parent / "data"


def test_convert_exit_codes_and_listed_rows(tmp_path, capsys):
    out = tmp_path / "c.timeline.json"
    assert main(["convert", str(DATA / "formats" / "conflict-acled.csv"), str(out)]) == 1  # one row skipped
    err = capsys.readouterr().err
    assert "line 5, at row 4 (event_id_cnty 'UKR4')" in err and "column 'inter1'" in err
    assert [e.id for e in read_timeline(out).events] == ["UKR1", "UKR2", "UKR3"]
    clean = tmp_path / "clean.csv"
    capsys.readouterr()
    assert main(["convert", str(out), str(clean)]) == 1  # ACLED's source kinds have no CSV column: said
    assert "4 sources: their kind (read back as 'other') not written to CSV" in capsys.readouterr().err
    assert main(["convert", str(out), str(tmp_path / "copy.timeline.json")]) == 0  # native: nothing lost
    # TimelineJS has no "one day in this week": written, the loss listed, exit 1
    assert main(["convert", str(clean), str(tmp_path / "x.timelinejs.json")]) == 1
    assert "one day between" in capsys.readouterr().err  # the date as stated, and what was written
    assert json.loads((tmp_path / "x.timelinejs.json").read_text(encoding="utf-8"))["events"]
    assert main(["convert", str(out), str(tmp_path / "pub.json"), "--to", "timelinejs"]) == 1
    assert "start_date" in (tmp_path / "pub.json").read_text(encoding="utf-8")
    assert main(["convert", str(DATA / "bad" / "truncated.json"), str(tmp_path / "n.csv")]) == 2
    assert not (tmp_path / "n.csv").exists()
    assert main(["convert", str(out), str(tmp_path / "x.unknown")]) == 2
    assert main(["convert", str(out), str(tmp_path / "no-such-folder" / "x.csv")]) == 2


def test_convert_into_its_own_file_is_refused_before_anything_is_written(tmp_path, capsys):
    original = tmp_path / "t.timeline.json"
    shutil.copy(DATA / "extreme_years.timeline.json", original)
    before = original.read_bytes()
    link = tmp_path / "hard.timeline.json"
    link.hardlink_to(original)
    symlink = tmp_path / "sym.csv"
    symlink.symlink_to(original)
    for out in (original, tmp_path / "." / "t.timeline.json", link, symlink):
        assert main(["convert", str(original), str(out), "--to", "csv"]) == 2
        err = capsys.readouterr().err
        assert "into itself" in err and "same file" in err
        assert original.read_bytes() == before
    assert main(["convert", str(original), str(tmp_path / "other.timeline.json")]) in (0, 1)


def test_validate_exit_codes(tmp_path, capsys, bundled_path):
    assert main(["validate", bundled_path]) == 0
    assert "valid" in capsys.readouterr().out
    assert main(["validate", str(DATA / "bad" / "unknown_track.json")]) == 1
    assert "line 13, column 46" in capsys.readouterr().err
    assert main(["validate", str(DATA / "bad" / "csv_feb29.csv")]) == 1
    assert "line 3, at row 2" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "missing.json")]) == 2
    assert main(["validate", str(tmp_path)]) == 2
    odd = tmp_path / "odd.xyz"
    odd.write_text("hello", encoding="utf-8")
    assert main(["validate", str(odd)]) == 2
    sheet = tmp_path / "dmy.csv"
    sheet.write_text("What,Day\nA,03/04/2022\n", encoding="utf-8")
    assert main(["validate", str(sheet)]) == 1
    capsys.readouterr()
    assert main(["validate", str(sheet), "--map", "title=What", "--map", "start=Day", "--date-format", "%d/%m/%Y"]) == 0
    assert "valid (1 event, 1 track)" in capsys.readouterr().out  # singular, not "1 tracks"


def test_export_pictures(tmp_path, bundled_path):
    png = tmp_path / "b.png"
    assert main(["export", bundled_path, str(png), "--range", "2022-02-01", "2022-02-21", "--size", "1200x700"]) == 0
    assert (QImage(str(png)).width(), QImage(str(png)).height()) == (1200, 700)
    assert main(["export", bundled_path, str(tmp_path / "b.pdf")]) == 0
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    assert main(["export", bundled_path, str(tmp_path / "b.gif")]) == 1
    assert main(["export", bundled_path, str(tmp_path / "c.png"), "--range", "03/04/2022", "2022"]) == 1
    assert main(["export", str(DATA / "bad" / "empty.json"), str(tmp_path / "d.png")]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.pdf", "b.png"]


def test_a_file_named_like_a_command_opens_as_a_path(tmp_path, monkeypatch, bundled_path):
    shutil.copy(bundled_path, tmp_path / "convert")
    monkeypatch.chdir(tmp_path)
    assert main(["./convert", "--screenshot", str(tmp_path / "s.png"), "--size", "800x600"]) == 0
    assert QImage(str(tmp_path / "s.png")).width() == 800


@pytest.mark.parametrize("argv, says", [
    (["--step", "3", "--screenshot", "x.png"], "--step N needs --present"),
    (["--present", "--select", "lavrov-lowest-level", "--screenshot", "x.png"], "--present shows the story"),
    (["--theme", "light", "--screenshot", "x.png"], "--theme applies to present mode"),
])
def test_options_that_would_be_ignored_are_refused(argv, says, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        app_main(argv)
    assert exit_info.value.code == 2
    assert says in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_a_file_opened_from_the_command_line_says_what_it_was_loaded_without(tmp_path, capsys):
    """As File > Open does: nothing is dropped silently (stderr and the window's banner)."""
    csv_path = tmp_path / "ambig.csv"
    csv_path.write_text("title,start\nGood,2022-02-10\nBad,03/04/2022\n", encoding="utf-8")
    assert main([str(csv_path), "--screenshot", str(tmp_path / "s.png"), "--size", "800x600"]) == 0
    err = capsys.readouterr().err
    assert "loaded without 1 row it could not read:" in err and "line 3" in err and "ambiguous" in err


def test_a_list_cut_at_twenty_says_how_many_more_were_refused(tmp_path, capsys):
    """newcomer11: opening SDO said "loaded without 137 rows" and listed 20, with no word of the other 117."""
    path = tmp_path / "ends.csv"
    rows = "".join(f"Row {i},2010-01-{i % 28 + 1:02d},2009-12-01\n" for i in range(25))
    path.write_text("title,start,end\nGood,2010-01-01,2010-01-02\n" + rows, encoding="utf-8")
    assert main([str(path), "--screenshot", str(tmp_path / "s.png"), "--size", "800x600"]) == 0
    err = capsys.readouterr().err
    assert "loaded without 25 rows it could not read:" in err
    assert "  … and 5 more (the window's banner: Show all; or the validate command)" in err
    assert err.count("is before start") == 20


def test_the_loaded_without_line_says_rows_for_rows_and_fields_for_fields(tmp_path, capsys):
    both = tmp_path / "both.csv"
    both.write_text("title,start,weird\nGood,2022-02-10,1\nBad,03/04/2022,2\nWorse,05/06/2022,3\n", encoding="utf-8")
    assert main([str(both), "--screenshot", str(tmp_path / "s.png"), "--size", "800x600"]) == 0
    err = capsys.readouterr().err
    assert "loaded without 2 rows it could not read and 1 field it could not map:" in err
    fields = tmp_path / "fields.csv"
    fields.write_text("title,start,weird\nGood,2022-02-10,1\n", encoding="utf-8")
    assert main([str(fields), "--screenshot", str(tmp_path / "t.png"), "--size", "800x600"]) == 0
    err = capsys.readouterr().err
    assert "loaded without 1 field it could not map:" in err and "row" not in err.split("map:")[0]


def test_a_present_step_that_does_not_exist_is_a_bad_argument(tmp_path, capsys):
    assert main(["--present", "--step", "99", "--screenshot", str(tmp_path / "x.png")]) == 2
    assert "--step 99: the story" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_a_large_file_named_on_the_command_line_opens_after_the_window_shows(tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QApplication

    from tests.io.test_search_index import write_big
    from viewer.io import search_index as si
    from viewer.ui import opening
    from viewer.ui.main_window import MainWindow

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    path = write_big(tmp_path / "big.timeline.json")
    seen = {}

    def run_loop(app):  # instead of the event loop: what the user sees at start, then after the read
        shown = [t for t in QApplication.topLevelWidgets() if isinstance(t, MainWindow) and t.isVisible()]
        assert len(shown) == 1
        w = shown[0]
        seen["shown_first"] = w.opening.pending() and w.opening.bar.isVisible()
        seen["label"] = w.opening.bar.label.text()
        qtbot.waitUntil(lambda: not w.opening.pending(), timeout=30000)
        seen["path"], seen["events"] = w.path, len(w.timeline.events)
        w.close()
        w.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_loop)
    assert main([path, "--size", "900x600"]) == 0
    assert seen["shown_first"] and "Opening big.timeline.json" in seen["label"]
    assert seen["path"] == path and seen["events"] == 3000


def test_convert_counts_the_events_written_and_names_bce_years_as_the_source_does(tmp_path, capsys):
    """iCalendar holds years 1..9999: a BCE event is left out, and the count said
    'wrote hist.ics (3 events)' though 2 were written; the reason read 'year -3299'."""
    src = tmp_path / "hist.csv"
    src.write_text("start,end,label\n1200,,Kingdom of Cusco is formed\n1438,1463,Pachacuti's expansion\n"
                   "3300 BC,1300 BC,Indus Valley Civilization\n", encoding="utf-8")
    out = tmp_path / "hist.ics"
    assert main(["convert", str(src), str(out)]) == 1  # something was left out
    captured = capsys.readouterr()
    assert out.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 2
    assert f"wrote {out} as iCalendar (2 events; 1 left out)" in captured.out
    assert "Indus Valley Civilization" in captured.err and "3300 BCE (year -3299) is outside 1..9999" in captured.err


def test_a_conversions_losses_count_one_thing_in_the_singular(tmp_path, capsys):
    """The bundled timeline's one story and its one event with a date qualifier are
    counted as one: '1 story', '1 event loses its', never '1 stories'."""
    from viewer.app import bundled_timeline_path

    assert main(["convert", str(bundled_timeline_path()), str(tmp_path / "x.csv")]) == 1
    err = capsys.readouterr().err
    assert "  1 story: not written to CSV" in err and "1 stories" not in err


def test_without_a_display_the_window_says_how_to_render_instead(monkeypatch, capsys):
    """On a machine with no display Qt aborted the process (a core dump); now a message
    says so and names --screenshot, and the exit code is 2."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert app_main([]) == 2
    err = capsys.readouterr().err
    assert "no display" in err and "--screenshot" in err


def test_top_level_help_lists_every_file_command_with_what_it_does(capsys):
    """``timeline-viewer --help`` names each file command on a line of its own, with what it does."""
    with pytest.raises(SystemExit) as exit_:
        app_main(["--help"])
    assert exit_.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    expected = {"convert": "convert a timeline file to another format",
                "validate": "check a timeline file and list every problem",
                "export": "draw a timeline file as a PNG, SVG or PDF picture",
                "deck": "write a story as a 16:9 PDF hand-out",
                "ingest": "read a news article (.txt, .html, .md) into a draft timeline",
                "index": "write the search index of a .parquet / .duckdb collection (again: damaged, stale or missing) "
                         "or of a ClickHouse table"}
    for name, does in expected.items():
        assert any(line.startswith(f"  {name} ") and does in line for line in lines), name
    assert set(expected) == set(COMMANDS)  # every command the first argument dispatches is listed


@pytest.mark.parametrize("date_column", ["Day", "Date"])
def test_validate_says_how_to_read_day_month_year_dates(tmp_path, capsys, date_column):
    """A CSV of dates written 24/02/2022 is refused (day and month order is never guessed), but the
    message names the options that read it; following them validates the file."""
    path = tmp_path / "dmy.csv"
    path.write_text(f"{date_column},Headline\n24/02/2022,Invasion begins\n02/03/2022,Kherson falls\n",
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr()
    said = err.out + err.err
    assert f"--map start={date_column} --date-format %d/%m/%Y" in said
    assert main(["validate", str(path), "--map", f"start={date_column}", "--map", "title=Headline",
                 "--date-format", "%d/%m/%Y"]) == 0


def test_a_date_only_one_order_fits_is_not_called_ambiguous(tmp_path, capsys):
    """'11/16/2026' can only be month/day/year (16 is no month): the message says so and names
    --date-format %m/%d/%Y, not "ambiguous" with the hint %d/%m/%Y (a newcomer's sheet)."""
    path = tmp_path / "sheet.csv"
    path.write_text('Date,Headline\n"November 14, 2026",Protesters gather\n11/16/2026,Mayor meets organisers\n',
                    encoding="utf-8")
    main(["validate", str(path)])
    said = "".join(capsys.readouterr())
    assert "'11/16/2026' is month/day/year" in said and "2026-11-16" in said
    assert "ambiguous" not in said and "%d/%m/%Y" not in said
    assert "--date-format %m/%d/%Y" in said
    only = tmp_path / "mdy.csv"
    only.write_text("Date,Headline\n11/16/2026,Mayor meets organisers\n03/04/2026,Vote\n", encoding="utf-8")
    main(["validate", str(only)])
    said = "".join(capsys.readouterr())
    assert "--map start=Date --date-format %m/%d/%Y" in said and "%d/%m/%Y" not in said


def test_convert_says_which_format_it_wrote_and_how_to_get_the_others_for_a_plain_json(tmp_path, capsys):
    """newcomer10: `convert X.timeline.json out.json` said only "wrote out.json (16 events)": a user
    who wanted TimelineJS or vis-timeline from ".json" got the native format without a word."""
    from viewer.app import bundled_timeline_path

    src = bundled_timeline_path()
    out = tmp_path / "out.json"
    assert main(["convert", src, str(out)]) == 0
    said = capsys.readouterr().out
    assert f"wrote {out} as a Timeline Viewer native file (16 events)" in said
    assert "use --to timelinejs or --to vis" in said and ".timelinejs.json or .vis.json" in said
    assert json.loads(out.read_text(encoding="utf-8"))["events"]  # native: what it said
    for name, args, format_said in (("a.timeline.json", [], "a Timeline Viewer native file"),
                                    ("b.json", ["--to", "timelinejs"], "TimelineJS JSON"),
                                    ("c.vis.json", [], "vis-timeline JSON")):
        main(["convert", src, str(tmp_path / name), *args])
        said = capsys.readouterr().out
        assert f"wrote {tmp_path / name} as {format_said} (16 events)" in said
        assert "--to timelinejs" not in said  # no advice when the format was named


def test_the_window_reads_a_csv_with_the_map_its_own_advice_names_and_keeps_it_on_reload(tmp_path, capsys,
                                                                                         monkeypatch, qtbot):
    """newcomer10: opening a CSV in the window said "map it with --map FIELD=position", and
    `timeline-viewer file.csv --map location=position` failed with "unrecognized arguments"."""
    from PySide6.QtWidgets import QApplication

    from viewer.ui.main_window import MainWindow

    csv = tmp_path / "talks.csv"
    csv.write_text("title,when,position\nTalks,2022-02-10,43\n", encoding="utf-8")
    assert main([str(csv), "--screenshot", str(tmp_path / "a.png"), "--size", "800x600"]) == 0
    err = capsys.readouterr().err
    assert "map it with --map FIELD=position" in err  # the advice...
    assert main([str(csv), "--map", "location=position", "--select", "row-1",
                 "--screenshot", str(tmp_path / "b.png"), "--size", "800x600"]) == 0  # ...works here
    assert "position" not in capsys.readouterr().err

    seen = {}

    def run_loop(app):  # instead of the event loop: the window as opened, then after the file changes
        (w,) = [t for t in QApplication.topLevelWidgets() if isinstance(t, MainWindow) and t.isVisible()]
        seen["first"] = w.timeline.event("row-1").location
        csv.write_text("title,when,position\nTalks,2022-02-10,44\n", encoding="utf-8")
        assert w.files.reload()
        seen["reloaded"] = w.timeline.event("row-1").location
        seen["banner"] = w.files.banner.isVisible() and "position" in w.files.banner.label.text()
        w.close()
        w.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_loop)
    assert main([str(csv), "--map", "location=position", "--size", "800x600"]) == 0
    assert seen == {"first": "43", "reloaded": "44", "banner": False}


def test_reading_options_in_the_window_need_a_file_and_a_bad_map_says_its_form(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--map", "location=position", "--screenshot", str(tmp_path / "x.png")])
    assert exit_.value.code == 2 and "give the FILE" in capsys.readouterr().err
    csv = tmp_path / "t.csv"
    csv.write_text("title,start\nA,2022-02-10\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main([str(csv), "--map", "locationposition", "--screenshot", str(tmp_path / "x.png")])
    assert "must look like FIELD=COLUMN" in capsys.readouterr().err


def test_output_piped_into_head_ends_without_a_traceback(tmp_path):
    """`timeline-viewer ingest ARTICLE | head -1` printed a BrokenPipeError traceback
    (newcomer11): a reader that stops early ends the command quietly."""
    import subprocess
    import sys

    article = Path(__file__).parent / "data" / "articles" / "allied-resolve-2022.txt"
    cmd = [sys.executable, "-m", "viewer", "ingest", str(article), "--published", "2022-02-10",
           "-o", str(tmp_path / "draft.timeline.json")]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path) as run:
        first = run.stdout.readline()
        run.stdout.close()  # what head does after its line
        err = run.stderr.read().decode("utf-8", "replace")
        run.wait(timeout=120)
    assert first  # it did write
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_a_wrong_date_format_on_every_row_is_one_grouped_line(tmp_path, capsys):
    """Every row refused by a wrong --date-format: one line for them all, with their lines
    (breakit7: 509 lines when no row loaded; grouped only when some rows did)."""
    path = tmp_path / "talks.csv"
    # dotted dates (ISO dates would be read as ISO with any --date-format)
    path.write_text("title,start\n" + "".join(f"Talks {k},{k:02d}.07.2016\n" for k in range(1, 31)), encoding="utf-8")
    assert main(["validate", str(path), "--date-format", "%d/%m/%Y"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("invalid (30 problems):")
    assert len(err) == 2 and err[1].lstrip().startswith("30 rows like: ") and err[1].endswith("lines 2-31")
    assert main(["convert", str(path), str(tmp_path / "out.json"), "--date-format", "%d/%m/%Y"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[1].startswith("30 rows like: ")


def test_an_unknown_select_id_names_the_closest_ids_there(tmp_path, capsys):
    """`--select nosuch` said only "no event with id 'nosuch'": a new user had no way to learn the ids."""
    bundled = str(Path(__file__).resolve().parents[1] / "resources" / "allied-resolve-2022.timeline.json")
    assert app_main([bundled, "--screenshot", str(tmp_path / "x.png"), "--select", "drill-begin"]) == 2
    err = capsys.readouterr().err
    assert "no event with id 'drill-begin'" in err
    assert "closest ids in it: 'drills-begin', 'drills-end'" in err
    assert "(of 16 events)" in err
    assert not (tmp_path / "x.png").exists()


def test_an_empty_select_id_is_refused_as_any_id_not_in_the_file(tmp_path, capsys):
    """`--select ""` drew the picture with nothing selected and exit 0, as if the id were there."""
    bundled = str(Path(__file__).resolve().parents[1] / "resources" / "allied-resolve-2022.timeline.json")
    assert app_main([bundled, "--screenshot", str(tmp_path / "x.png"), "--select", ""]) == 2
    assert "no event with id ''" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
