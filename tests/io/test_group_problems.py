"""Problems of one kind are grouped into one line a person can read."""

from viewer.io.problems import group_problems
from viewer.model.errors import Problem


def test_unmapped_header_columns_are_one_line_naming_each_column_once():
    names = ["data_id", "iso", "inter1", "inter2", "timestamp"]
    problems = [Problem("acled.csv", f"column '{n}' has no equivalent in this viewer; not loaded", line=1,
                        location=f"column '{n}'") for n in names]
    (line,) = group_problems(problems)
    assert line.startswith("5 columns like: acled.csv, line 1, at column 'data_id': column 'data_id' has no")
    assert line.endswith("; all 5: 'data_id', 'iso', 'inter1', 'inter2', 'timestamp'")
    assert line.count("'iso'") == 1 and "; at column" not in line


def test_rows_of_one_kind_are_one_line_with_their_line_ranges():
    problems = [Problem("f.csv", f"event_date '{d}' is not a date", line=k + 2, location=f"row {k + 1}")
                for k, d in enumerate(["9-May-20", "10-May-20", "11-May-20", "12-May-20"])]
    (line,) = group_problems(problems)
    assert line.startswith("4 rows like: f.csv, line 2") and line.endswith("; lines 2-5")
