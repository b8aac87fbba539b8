"""A CSV with very many columns: read with constant work per column, or refused at once.

100,000 header columns froze ``validate``, ``convert`` and the window: every cell of every
column went through the EDTF parser (~10 ms to say no) while guessing the date column,
and the report named all 100,000 unmapped columns on one line.
"""

import edtf
import pytest

from viewer.cli import main
from viewer.io.common import MAX_COLUMNS, make_date
from viewer.io.csvgeneric import _reads_as_date, read_csv_report
from viewer.io.humandates import human_edtf
from viewer.model.errors import DateError, TimelineLoadError


def _wide(path, n, date_at=5, value=lambda i: f"v{i}"):
    header = ",".join(f"c{i}" for i in range(n))
    row = ",".join("2022-02-10" if i == date_at else value(i) for i in range(n))
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    return path


def _count_parser_calls(monkeypatch):
    calls = []
    real = edtf.parse_edtf

    def counting(text, *args, **kwargs):
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(edtf, "parse_edtf", counting)
    return calls


@pytest.mark.parametrize("value", [lambda i: f"v{i}", lambda i: f"{i}.5", lambda i: f"{1000 + i}.25",
                                   lambda i: f"x{i}y"])
def test_guessing_the_date_column_asks_the_edtf_parser_about_no_column_that_is_not_dates(tmp_path, monkeypatch,
                                                                                          value):
    calls = _count_parser_calls(monkeypatch)
    try:
        report = read_csv_report(_wide(tmp_path / "wide.csv", 300, value=value))
        assert [e.start.edtf for e in report.timeline.events] == ["2022-02-10"]
    except TimelineLoadError as exc:  # numbers only: no column for the title, after the guessing
        assert "no column for title" in str(exc)
    assert not [c for c in calls if c != "2022-02-10"]  # was one call per column: 300


def test_a_header_wider_than_the_cap_is_refused_naming_the_file_and_the_count(tmp_path, monkeypatch):
    calls = _count_parser_calls(monkeypatch)
    path = _wide(tmp_path / "wide20k.csv", 20_000)
    with pytest.raises(TimelineLoadError) as exc:
        read_csv_report(path)
    (problem,) = exc.value.problems
    assert str(problem).startswith(f"{path}, line 1: the header has 20,000 columns, more than the "
                                   f"{MAX_COLUMNS:,} a table of events is read with")
    assert "turned on its side" in str(problem) and len(str(problem)) < 400
    assert calls == []


def test_validate_names_the_first_40_unmapped_columns_and_counts_the_rest(tmp_path, capsys):
    path = _wide(tmp_path / "wide.csv", 2_000)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    (line,) = [ln for ln in text.splitlines() if "columns like:" in ln]
    assert "; all 1,997: 'c0', 'c1', 'c2'" in line and line.endswith("'c40' and 1,957 more")
    assert "'c41'" not in line and len(line) < 800  # was one line naming all 1,997


@pytest.mark.parametrize("value", ["1985-04-12", "1985-04", "1985", "1985-04-12T23:20:30Z", "1964/2008",
                                   "2004-06/2006-08", "Y170000002", "Y-17E7", "1950S2", "2001-21", "1984?",
                                   "2004-06~", "2004-06-11%", "201X", "1985-04-XX", "1985-04-12/..",
                                   "../1985-04-12", "-1985", "[1667,1668,1670..1672]", "[..1760-12-03]",
                                   "{1667,1668,1670..1672}", "2004?-06-11", "?2004-06-~11", "156X-12-25",
                                   "XXXX-12-XX", "1984~/2004-06", "2022-02-10 14:00", "2022/02/10",
                                   "December 7, 1941", "3300 BC", "c. 1500", "1940s"])
def test_the_shape_test_before_the_parser_changes_no_answer(value):
    """Every EDTF form (the specification's examples) is still answered by the parser: a
    date the viewer reads is a date, one it refuses (an interval, a set) is not."""
    try:
        expected = human_edtf(value) is not None or bool(make_date(value))
    except DateError:
        expected = False
    assert _reads_as_date(value) == expected
    assert _reads_as_date(value) or value[0] in "[{" or "/" in value or value == "2001-21"
