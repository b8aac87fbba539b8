"""The Events list's date column at 1366x768 shows a qualified date's words and both its ends
(newcomer10: "one day between T…" and "2014 → ≥ Thu 10 F…" hid exactly the part that matters);
the tooltip keeps the whole date in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from viewer.io.native import timeline_from_dict
from viewer.ui.event_list import _cell_margin, elide_parts, shorter_dates
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
                                                                  "10 Feb → ≥ 10 Feb 2022",
                                                                  "10 → ≥ 10 Feb 2022"]
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


def _instrument_log():
    """SDO-like: spans of seconds (one over midnight), and a plan due at a time of day."""
    spans = [("2010-01-22T21:12:47Z", "2010-01-23T21:12:55Z"), ("2010-03-19T17:31:22Z", "2010-03-19T19:33:35Z"),
             ("2010-03-21T05:05:38Z", "2010-03-21T05:05:38Z")]
    events = [{"id": f"s{i}", "track": "hmi", "kind": "span", "title": f"HMI Timer Violation {i}", "start": {"edtf": a},
               "end": {"edtf": b}} for i, (a, b) in enumerate(spans)]
    return timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "Instruments",
                               "tracks": [{"id": "hmi", "label": "HMI"}], "events": events})


_CUT_TIME = __import__("re").compile(r"…\S|\S…")


def test_a_time_span_is_never_cut_inside_a_date_or_a_time_at_1366x768(qtbot):
    """newcomer11: "22 Jan 2010…1:12:55 UTC" for 21:12:47 → 23 Jan 21:12:55 read as a wrong time."""
    assert shorter_dates("Fri 22 Jan 2010 21:12:47 UTC → Sat 23 Jan 2010 21:12:55 UTC", zone_in_header=True) == [
        "22 Jan 2010 21:12:47 UTC → 23 Jan 2010 21:12:55 UTC",  # weekdays, then seconds, the zone, the times
        "22 Jan 2010 21:12 UTC → 23 Jan 2010 21:12 UTC",
        "22 Jan 2010 21:12 → 23 Jan 2010 21:12",
        "22 Jan 2010 → 23 Jan 2010",
        "22 Jan → 23 Jan 2010",
        "22 → 23 Jan 2010"]
    # the zone is dropped only when the column's header names it
    assert "22 Jan 2010 21:12 → 23 Jan 2010 21:12" not in shorter_dates(
        "Fri 22 Jan 2010 21:12:47 UTC → Sat 23 Jan 2010 21:12:55 UTC")
    # a span within one day keeps its end's time alone before the times go
    assert "19 Mar 2010 17:31 → 19:33" in shorter_dates(
        "Fri 19 Mar 2010 17:31:22 UTC → Fri 19 Mar 2010 19:33:35 UTC", zone_in_header=True)
    # last: whole parts from the end (the last end whole, then the first's words), never a qualifier alone
    assert elide_parts("due 22 Jan 2009 → ≥ 23 Jan 2010", lambda t: len(t) <= 18) == "due 22 Jan …"
    assert elide_parts("due 22 Jan 2009 → ≥ 23 Jan 2010", lambda t: len(t) <= 19) == "due 22 Jan 2009 → …"
    w = _window(qtbot, _instrument_log())
    table = w.event_list
    model = table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date (UTC)"
    for row in range(model.rowCount()):
        text, fits = _shown(table, row)
        assert fits and not _CUT_TIME.search(text), text
        assert "1:12:55" not in text.replace("21:12:55", "")
    shown = {_shown(table, r)[0] for r in range(model.rowCount())}
    assert shown & {"22 Jan 2010 21:12 → 23 Jan 2010 21:12", "22 Jan 2010 → 23 Jan 2010", "22 Jan → 23 Jan 2010",
                    "22 Jan 2010 21:12 UTC → 23 Jan 2010 21:12 UTC"}
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "21:12:47" in tip and "21:12:55" in tip  # the whole date in the tooltip
