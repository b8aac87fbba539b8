"""honestui 1: an ACLED event's detail pane showed the tool's own note inside the source's
quotation marks ("as written “event_date 1-May-20, time_precision 1 (century from the year
column (2020))”").  Only the cell's own words stand inside the marks; how the tool read them
(column, precision code, century) is the basis, outside them."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from viewer.io.registry import read_timeline_report
from viewer.ui.detail_pane import event_html


def _as_written(text: str) -> str:
    lines = text.splitlines()
    return lines[lines.index("as written") + 1]


def _pane_text(tmp_path, csv: str) -> tuple[str, object]:
    f = tmp_path / "acled.csv"
    f.write_text(csv, encoding="utf-8")
    timeline = read_timeline_report(f).timeline
    doc = QTextDocument()
    doc.setHtml(event_html(timeline.events[0], timeline))
    return doc.toPlainText(), timeline.events[0]


def test_acled_as_written_quotes_only_the_event_date_cell(tmp_path):
    text, event = _pane_text(tmp_path, "event_id_cnty,event_date,year,time_precision,event_type\n"
                                       "NPL1,1-May-20,2020,1,Protests\n")
    assert event.start.phrase == "1-May-20"
    assert _as_written(text) == "“1-May-20”", text  # the source's words alone inside the marks
    # the tool's reading is still shown, as the basis
    assert "time_precision 1" in text and "century from the year column (2020)" in text


def test_acled_two_digit_year_without_year_column_is_in_the_basis_not_the_phrase(tmp_path):
    text, event = _pane_text(tmp_path, "event_id_cnty,event_date,time_precision,event_type\n"
                                       "X1,5-Aug-24,2,Protests\n")
    assert event.start.phrase == "5-Aug-24"
    assert "two-digit year 24 read as 2024" in event.start.basis
    assert _as_written(text) == "“5-Aug-24”"
