"""How a file's losses are worded: rows when rows were left out, fields when fields were."""

from viewer.io.problems import loaded_without
from viewer.model.errors import Problem


def _row(n):
    return Problem("a.csv", "'03/04/2022' is ambiguous", line=n + 1, location=f"row {n}, column 'start'")


def _field(name):
    return Problem("a.csv", f"column '{name}' is not mapped to any field; not loaded", line=1,
                   location=f"column '{name}'")


def test_rows_left_out_are_rows():
    assert loaded_without([_row(2)], []) == "loaded without 1 row it could not read"
    assert loaded_without([_row(2), _row(3)], []) == "loaded without 2 rows it could not read"


def test_fields_left_out_are_fields():
    assert loaded_without([], [_field("x")]) == "loaded without 1 field it could not map"
    assert loaded_without([], [_field("x"), _field("y")]) == "loaded without 2 fields it could not map"


def test_both_are_named_and_nothing_is_empty():
    assert (loaded_without([_row(2)] * 1200, [_field("x")])
            == "loaded without 1,200 rows it could not read and 1 field it could not map")
    assert loaded_without([], []) == ""


def test_json_entries_left_out_are_items_not_rows():
    item = Problem("t.json", "bad date", line=7, location="events[3].start")
    assert loaded_without([item], []) == "loaded without 1 item it could not read"


def test_fields_with_no_equivalent_are_named_so_not_as_unmappable():
    """Every ACLED export has columns this viewer has no place for (data_id, iso, …): validate
    called them a note, while the window's banner said "loaded without 10 fields it could not map"
    (new-user tester)."""
    from viewer.io.problems import loaded_without
    from viewer.model.errors import Problem

    none = [Problem("a.csv", f"column {c!r} has no equivalent in this viewer; not loaded", 1) for c in ("iso", "x")]
    odd = [Problem("a.csv", "column 'Where' is not mapped to any field; not loaded", 1)]
    assert loaded_without([], none) == "loaded without 2 fields of the format with no equivalent in this viewer"
    assert loaded_without([], none + odd) == ("loaded without 1 field it could not map and 2 fields of the "
                                              "format with no equivalent in this viewer")
