"""A band ``XXXX-04`` to ``XXXX-09`` in a timeline whose source is dated 10 May 2023: every export's
loss list said "planned end, announced: September of an unknown year (known only through Wed 10
May 2023, the source's date)", as if its end were a plan (tester finding).  An end whose year is
unknown is not known to be after the source's date: no planned end; the dated span whose end is
after it still is one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.app import main

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "unknown_year.timeline.json"


@pytest.mark.parametrize("out", ["x.timelinejs.json", "x.vis.json", "x.ics", "x.csv"])
def test_no_export_calls_an_unknown_year_end_a_plan(tmp_path, capsys, out):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["reference_date"] = {"edtf": "2023-05-10"}
    path = tmp_path / "u.timeline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["convert", str(path), str(tmp_path / out)]) == 1
    lost = [line for line in capsys.readouterr().err.splitlines() if "planned end, announced" in line]
    assert len(lost) == 1 and "event 'strike' (Strike): planned end, announced: Tue 20 Jun 2023" in lost[0]
    assert not any("unknown year" in line for line in lost)
