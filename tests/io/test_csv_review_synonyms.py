"""The review column of a CSV under the names people give it ("Reviewed", "Review status",
"Draft", a "Status" of review words): it used to be found only as "review", so a sheet's
unreviewed rows came in as reviewed facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io.csvgeneric import read_csv_report
from viewer.ui.detail_pane import event_html

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"


def _drafts(path) -> dict[str, bool]:
    report = read_csv_report(path)
    return {e.title: "Unreviewed draft" in event_html(e, report.timeline) for e in report.timeline.events}


def test_a_reviewed_yes_no_column_marks_the_rows_not_said_reviewed_as_drafts():
    assert _drafts(DATA / "reviewed_column.csv") == {"Troops arrive": False, "Talks fail": True,
                                                     "Drills begin": True}


@pytest.mark.parametrize("header, cells", [
    ("Review status", ("reviewed", "unreviewed draft")),
    ("review_status", ("accepted", "draft")),
    ("Draft", ("no", "yes")),
    ("Is draft", ("false", "true")),
    ("Status", ("Reviewed", "Draft")),  # a status of review words only: the review
])
def test_the_review_column_is_found_under_its_synonyms(tmp_path, header, cells):
    path = tmp_path / "s.csv"
    path.write_text(f"title,start,{header}\nA,2022-02-10,{cells[0]}\nB,2022-02-11,{cells[1]}\n", encoding="utf-8")
    assert _drafts(path) == {"A": False, "B": True}
    assert not [p for p in read_csv_report(path).warnings if "not mapped" in p.message or "not read" in p.message]


def test_a_status_of_plans_stays_the_planned_status(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("title,start,status\nA,2022-02-10,happened\nB,2022-02-11,planned\n", encoding="utf-8")
    report = read_csv_report(path)
    assert [(e.planned, e.draft) for e in report.timeline.events] == [(False, None), (True, None)]
