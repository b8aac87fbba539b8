"""The Events list's date column at 1366x768 shows a qualified date's words and both its ends
(newcomer10: "one day between T…" and "2014 → ≥ Thu 10 F…" hid exactly the part that matters);
the tooltip keeps the whole date in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from viewer.io.native import timeline_from_dict
from viewer.ui.event_list import _cell_margin, shorter_dates
from viewer.ui.main_window import MainWindow


def _weeks():
    """ACLED-like events: each on one day of a week (time_precision 2), on two tracks."""
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Weeks",
        "tracks": [{"id": "riots", "label": "Riots/Protests"}, {"id": "battles", "label": "Battles"}],
        "events": [{"id": f"e{i}", "track": ("riots", "battles")[i % 2],
                    "title": f"Riots/Protests: Protesters (Amhara) {i}", "start": {"edtf": edtf}}
                   for i, edtf in enumerate(["[2016-06-16..2016-06-22]", "[2016-06-28..2016-07-04]",
                                             "[2015-12-28..2016-01-03]", "2016-06-20"])]})


def _window(qtbot, timeline, size=(1366, 768)):
    w = MainWindow(timeline, lambda p: timeline, "weeks.timeline.json")
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def _shown(table, row: int) -> tuple[str, bool]:
    """The text the date cell of ``row`` is painted with, and whether it fits its cell uncut."""
    index = table.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.widget = table
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    table.itemDelegateForColumn(0).initStyleOption(option, index)
    room = option.rect.width() - _cell_margin(table)
    return option.text, table.fontMetrics().horizontalAdvance(option.text) <= room


def test_one_day_in_a_week_is_listed_with_its_words_and_both_ends_at_1366x768(qtbot):
    w = _window(qtbot, _weeks())
    table = w.event_list
    model = table.model()
    texts = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert texts == ["one day in 28 Dec 2015 – 3 Jan 2016", "one day in 16–22 Jun 2016", "Mon 20 Jun 2016",
                     "one day in 28 Jun – 4 Jul 2016"]
    assert _shown(table, 1) == ("one day in 16–22 Jun 2016", True)  # whole in the cell
    assert _shown(table, 3) in ((texts[3], True), ("one day in 28 Jun–4 Jul 2016", True))
    tip = model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("one day between Thu 16 Jun 2016 and Wed 22 Jun 2016")
    assert table.columnWidth(2) > table.columnWidth(0)  # the title stays the widest column


def test_a_span_that_does_not_fit_drops_weekdays_and_its_first_year_never_a_qualifier(qtbot, make_window):
    assert shorter_dates("Thu 10 Feb 2022 → ≥ Thu 10 Feb 2022") == ["10 Feb 2022 → ≥ 10 Feb 2022",
                                                                  "10 Feb → ≥ 10 Feb 2022"]
    assert shorter_dates("2014 → ≥ Thu 10 Feb 2022") == ["2014 → ≥ 10 Feb 2022"]
    assert shorter_dates("open (not stated) → ≥ Thu 10 Feb 2022")[-1] == "open → ≥ 10 Feb 2022"
    w = make_window((1366, 768))
    table = w.event_list
    model = table.model()
    shown = {}
    for row in range(model.rowCount()):
        text, fits = _shown(table, row)
        shown[model.data(model.index(row, 0))] = text
        assert fits, (text, table.columnWidth(0))
    assert shown["2014 → ≥ Thu 10 Feb 2022"] in ("2014 → ≥ Thu 10 Feb 2022", "2014 → ≥ 10 Feb 2022")
    assert shown["Thu 10 Feb 2022 → ≥ Thu 10 Feb 2022"] in ("10 Feb 2022 → ≥ 10 Feb 2022", "10 Feb → ≥ 10 Feb 2022")
