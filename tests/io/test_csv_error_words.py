"""A file that cannot be read, or a value that is wrong, is refused in the user's words:
where it is, what was found and what is expected (not the csv module's or the parser's words)."""

import json

from viewer.cli import main


def _validate(path, capsys):
    code = main(["validate", str(path)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_huge_cell_is_named_by_line_column_and_size(tmp_path, capsys):
    sheet = tmp_path / "big.csv"
    sheet.write_text("title,start,summary\nSmall,2022-01-01,ok\nBig,2022-01-02," + "x" * 300_000 + "\n",
                     encoding="utf-8")
    code, out = _validate(sheet, capsys)
    text = out
    assert code in (1, 2)
    assert "field limit" not in text
    assert "line 3" in text and "column 'summary'" in text
    assert "300,000 characters" in text
    assert "cells over 131,072 characters (128 KiB) are not read" in text


def test_a_quote_never_closed_is_said_never_closed(tmp_path, capsys):
    sheet = tmp_path / "unterm.csv"
    sheet.write_text('title,start\n"unterminated,2022-01-01\nB,2022-01-02\n', encoding="utf-8")
    code, out = _validate(sheet, capsys)
    assert "a double quote opened on line 2 is never closed" in out
    assert "closed only on line" not in out


def test_a_quote_closed_late_is_still_said_closed_late(tmp_path, capsys):
    sheet = tmp_path / "late.csv"
    sheet.write_text('title,start\n"late,2022-01-01\nB,2022-01-02"\nC,2022-01-03\n', encoding="utf-8")
    code, out = _validate(sheet, capsys)
    assert "is closed only on line 3" in out


def test_a_comma_separated_tsv_is_said_to_look_comma_separated(tmp_path, capsys):
    sheet = tmp_path / "x.tsv"
    sheet.write_text("title,start\nA,2022-01-01\n", encoding="utf-8")
    code, out = _validate(sheet, capsys)
    text = out
    assert code in (1, 2)
    assert "looks comma-separated, not tab-separated" in text
    assert "rename it to .csv" in text


def test_a_real_one_column_tsv_is_not_called_comma_separated(tmp_path, capsys):
    sheet = tmp_path / "one.tsv"
    sheet.write_text("title\nA\n", encoding="utf-8")
    code, out = _validate(sheet, capsys)
    assert "comma-separated" not in out


def test_uncertain_and_approximate_together_suggests_percent(tmp_path, capsys):
    sheet = tmp_path / "qa.csv"
    sheet.write_text("title,start\nA,2022-02-10?~\nB,2022~?\n", encoding="utf-8")
    code, out = _validate(sheet, capsys)
    assert "write '2022-02-10%'" in out
    assert "write '2022%'" in out
    assert "uncertain (?) and approximate (~)" in out


def _doc(offsets):
    return {"format": "timeline-viewer", "version": 1, "title": "T", "tracks": [{"id": "a", "label": "A"}],
            "sources": [{"id": "s1", "kind": "news_article", "outlet": "Paper"}],
            "events": [{"id": "talks", "track": "a", "title": "Talks", "start": {"edtf": "2022-02-10"},
                        "sources": ["s1"],
                        "quotes": [{"text": "fine", "kind": "direct", "source": "s1"},
                                   {"text": "x", "kind": "direct", "source": "s1", "offsets": offsets}]}]}


def test_quote_offsets_ending_before_they_start_are_refused(tmp_path, capsys):
    doc = tmp_path / "off.timeline.json"
    doc.write_text(json.dumps(_doc([5, 1])), encoding="utf-8")
    code, out = _validate(doc, capsys)
    assert code == 1
    assert "event 'talks'" in out
    assert "quote 2 (quotes[1])" in out
    assert "the end (1) is before the start (5)" in out
    assert "end at or after the start" in out


def test_quote_offsets_in_order_are_valid(tmp_path, capsys):
    doc = tmp_path / "ok.timeline.json"
    doc.write_text(json.dumps(_doc([1, 1])), encoding="utf-8")
    code, out = _validate(doc, capsys)
    assert code == 0, out
