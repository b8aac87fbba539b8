"""EDTF the edtf package parses but the timeline cannot place (an unspecified digit inside a
year, ``1X50``): an error naming the row and column, not "the csv reader failed (ValueError)"."""

from viewer.app import main


def test_an_unspecified_digit_inside_a_year_is_a_row_error_naming_its_place(tmp_path, capsys):
    path = tmp_path / "odd.csv"
    path.write_text("title,start\nA,1X50\nB,2022-01-01\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert "line 2, at row 1, column 'start': '1X50' is EDTF the timeline cannot place" in text
    assert "e.g. 185X, 18XX, 2022-XX-10" in text
    assert "reader failed" not in text
