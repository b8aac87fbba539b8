"""A month or day with one digit unspecified (EDTF level 2 ``2022-1X``, ``2022-02-1X``), which the
``edtf`` package cannot read: ``validate`` names the file, event and field and says what to write,
never the package's internal errors ("'dict' object has no attribute 'startswith'", "invalid
literal for int()"), and nothing of the package's reaches stdout ("trying to
PartialUnspecified.__init__")."""

import json

import pytest

from viewer.app import main
from viewer.model.dates import EventDate
from viewer.model.errors import DateError

INTERNAL = ("'dict' object", "startswith", "invalid literal", "trying to", "PartialUnspecified", "Couldn't convert")


def _native(tmp_path, dates):
    doc = {"format": "timeline-viewer", "version": 1, "title": "X", "reference_date": {"edtf": "2023-06-15"},
           "tracks": [{"id": "t1", "label": "T"}],
           "events": [{"id": eid, "track": "t1", "title": eid, "start": {"edtf": d}} for eid, d in dates]}
    path = tmp_path / "odd.timeline.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def test_validate_names_the_event_and_field_and_says_what_to_write(tmp_path, capsys):
    path = _native(tmp_path, [("e_month", "2021-1X"), ("e_day", "2021-02-1X"), ("e_ok", "2021-02-XX")])
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert not any(bad in text for bad in INTERNAL), text
    assert "trying to" not in out.out
    assert ("odd.timeline.json, line 20, column 13, at events[0].start.edtf (event 'e_month'): '2021-1X': a partly "
            "unknown month digit (1X) is not supported; write an EDTF date such as 2021-XX (the month unknown) "
            "or [2021-10..2021-12] (one month of those)") in text
    assert ("at events[1].start.edtf (event 'e_day'): '2021-02-1X': a partly unknown day digit (1X) is not "
            "supported; write an EDTF date such as 2021-02-XX (the day unknown) or [2021-02-10..2021-02-19] "
            "(one day of those)") in text
    assert "e_ok" not in text


@pytest.mark.parametrize("value, says", [
    ("2019-X2", "a partly unknown month digit (X2) is not supported; write an EDTF date such as 2019-XX "
                "(the month unknown)"),
    ("2019-02-2X", "such as 2019-02-XX (the day unknown) or [2019-02-20..2019-02-28] (one day of those)"),
    ("2019-1X-10", "such as 2019-XX-10 (the month unknown)"),
    ("[2019-1X..]", "a partly unknown month digit (1X)"),
    ("2019-X01 %", "'2019-X01 %' is not an EDTF date; expected forms like 2022-02-10"),
])
def test_odd_forms_say_what_is_expected_and_print_nothing(value, says, capsys):
    with pytest.raises(DateError) as err:
        EventDate(value)
    assert says in str(err.value)
    assert not any(bad in str(err.value) for bad in INTERNAL)
    assert capsys.readouterr().out == ""


def test_the_suggested_forms_are_read(capsys):
    assert EventDate("[2021-10..2021-12]").relation == "one of"
    assert EventDate("[2021-02-10..2021-02-19]").relation == "one of"


def test_a_vis_edtf_side_the_item_does_not_write_is_called_missing_not_none(tmp_path, capsys):
    path = tmp_path / "e.vis.json"
    path.write_text(json.dumps([{"id": "c", "content": "C", "start": "2023-02-10", "edtf": {"end": "2023-02-20"}}]),
                    encoding="utf-8")
    main(["validate", str(path)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "edtf: end '2023-02-20' does not agree with the item's end (the item has none)" in text
    assert "None" not in text
