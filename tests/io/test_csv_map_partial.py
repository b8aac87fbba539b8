"""--map names some fields; the others are still found by header name, then by content (newcomer11)."""

from __future__ import annotations

from viewer.app import main
from viewer.io.csvgeneric import read_csv_report

ODD = ("When;What happened;Who;Where;Notes\n"
       "2022-04-03;Port strike begins;Dockworkers union;Rotterdam;walkout at dawn\n"
       "2022-04-05;Talks with employers;Ministry;The Hague;\n"
       "2022-04-08;Strike spreads to Antwerp;Dockworkers union;Antwerp;\n"
       "2022-04-10;Ministry offers mediation;Ministry;;\n"
       "2022-04-12;Vote on the deal;Dockworkers union;Rotterdam;\n")


def _odd(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text(ODD, encoding="utf-8")
    return path


def test_the_advised_map_keeps_what_was_guessed_from_content(tmp_path, capsys):
    """The message said "map it with --map FIELD=Where"; --map location=Where then gave exit 2
    "no column for title": any --map turned every content guess off."""
    path = _odd(tmp_path)
    assert main(["validate", str(path)]) == 1  # loads, but 'Where' is not mapped
    assert "--map FIELD=Where" in capsys.readouterr().err
    rep = read_csv_report(path, mapping={"location": "Where"})
    events = {e.title: e for e in rep.timeline.events}
    assert events["Port strike begins"].location == "Rotterdam"
    assert {t.label for t in rep.timeline.tracks} >= {"Dockworkers union", "Ministry"}
    notes = " ".join(p.message for p in rep.notes)
    assert "'What happened' read as title from its content" in notes
    assert "'Who' read as track from its content" in notes
    assert main(["validate", str(path), "--map", "location=Where"]) == 0


def test_a_mapped_field_replaces_only_its_own_guess(tmp_path):
    """--map title=… dropped the guessed track column 'Who' ("not mapped")."""
    rep = read_csv_report(_odd(tmp_path), mapping={"title": "What happened", "summary": "Notes"})
    assert {t.label for t in rep.timeline.tracks} >= {"Dockworkers union", "Ministry"}
    assert not any("'Who'" in p.message and "not mapped" in p.message for p in rep.warnings)
    # a column the user mapped is not guessed for another field
    rep = read_csv_report(_odd(tmp_path), mapping={"title": "Who"})
    assert {e.title for e in rep.timeline.events} == {"Dockworkers union", "Ministry"}
    assert not any(t.label in {"Dockworkers union", "Ministry"} for t in rep.timeline.tracks)


def test_the_import_dialogs_choice_is_whole(tmp_path):
    """The import dialog names every column's role: one left empty is not guessed back."""
    rep = read_csv_report(_odd(tmp_path), mapping={"title": "What happened", "start": "When"},
                          guess_content=False)
    assert not any(t.label == "Ministry" for t in rep.timeline.tracks)


def test_one_column_mapped_to_two_fields_is_refused_naming_the_column_and_both(tmp_path, capsys):
    """--map start=When --map end=When was read silently: every row a zero-length span."""
    path = _odd(tmp_path)
    assert main(["validate", str(path), "--map", "start=When", "--map", "end=When"]) == 1
    err = capsys.readouterr().err
    assert "column 'When' is mapped to two fields, start and end" in err
    assert main(["convert", str(path), str(tmp_path / "o.timeline.json"), "--map", "title=Notes",
                 "--map", "summary=Notes"]) == 2
    assert "column 'Notes' is mapped to two fields, title and summary" in capsys.readouterr().err
    assert not (tmp_path / "o.timeline.json").exists()


def test_one_field_mapped_twice_or_two_mappings_in_one_are_refused_clearly(tmp_path, capsys):
    path = _odd(tmp_path)
    assert main(["validate", str(path), "--map", "start=When", "--map", "start=Notes"]) == 2
    assert "field start is mapped twice, to 'When' and to 'Notes'" in capsys.readouterr().err
    assert main(["validate", str(path), "--map", "start=When,title=Notes"]) == 2
    assert "give each mapping its own --map: --map start=When --map title=Notes" in capsys.readouterr().err


def test_the_advice_for_an_unmapped_column_says_which_fields_there_are(tmp_path, capsys):
    """A CSV with lat/long/photo columns was told "map it with --map FIELD=lat", though no field
    holds coordinates (new-user tester on a real TimelineJS spreadsheet export)."""
    path = tmp_path / "t.csv"
    path.write_text("title,date,lat,Photo,position,desc\nTalks,2022-02-10,43.1,a.png,1,x\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    # one thing per column: it has no place here (not "map it … none holds coordinates"), or the fields it can map to
    assert "2 fields of the format with no equivalent in this viewer, not kept: lat, Photo" in err
    assert "FIELD=lat" not in err and "FIELD=Photo" not in err
    assert ("column 'position' is not mapped to any field; not loaded (to load it, map it with --map FIELD=position, "
            "FIELD one of id, end, track, kind, location,") in err
    from viewer.io.csvgeneric import read_csv_report

    said = [p.message for p in read_csv_report(str(path)).warnings]
    assert "column 'lat' has no equivalent in this viewer (no field holds coordinates); not loaded" in said
    assert "column 'Photo' has no equivalent in this viewer (no field holds pictures); not loaded" in said


def test_the_readme_lists_every_field_a_column_can_be_mapped_to():
    import re
    from pathlib import Path

    from viewer.io.csvgeneric import FIELDS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("- The fields a column can be mapped to:"))
    listed = re.findall(r"`([a-z_]+)`", line.split(";")[0])
    assert listed == list(FIELDS)
