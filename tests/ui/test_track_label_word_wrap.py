"""A collection lane's name that is one long word: the ▾ stays with the word and the word is
broken over the lines the lane has (shown whole where they are enough), not left as a lone ▾
over a word cut by characters (tester finding).  A blank label is refused by validate."""

from PySide6.QtGui import QFont, QFontMetricsF

from viewer.cli import main as cli
from viewer.graphics.track_axis import wrap_label

WORD = "Donaudampfschifffahrtsgesellschaftskapitän"


def test_a_one_word_name_keeps_its_mark_and_is_broken_whole_over_its_lines(qapp):
    fm = QFontMetricsF(QFont())
    room = fm.horizontalAdvance(WORD) / 2.5
    shown = wrap_label(f"▾ {WORD}", fm, room, 5, cut="end")
    lines = shown.split("\n")
    assert lines[0].startswith("▾ D") and lines[0] != "▾", shown
    assert "".join(lines) == f"▾ {WORD}" and "…" not in shown
    assert all(fm.horizontalAdvance(line) <= room + 0.5 for line in lines)
    short = wrap_label(f"▾ {WORD}", fm, room, 2, cut="end").split("\n")  # two lines: the rest cut at its end
    assert len(short) == 2 and short[0].startswith("▾ D") and short[1].endswith("…")


def test_validate_names_a_blank_track_label_with_its_id_and_place(tmp_path, capsys):
    path = tmp_path / "blank.timeline.json"
    path.write_text('{"format": "timeline-viewer", "version": 1, "title": "T",\n'
                    ' "tracks": [{"id": "b", "label": "B"},\n            {"id": "a", "label": "   "}],\n'
                    ' "events": [{"id": "e", "track": "a", "title": "x", "start": "2020-01-01"}]}', encoding="utf-8")
    assert cli(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert (f"{path}, line 3, column 34, at tracks[1].label: track 'a': its label '   ' is blank, so its lane "
            "shows no name; expected a name to show") in err
