"""A new user's Events list (the TimelineJS eras template, 1366x768) showed
"9 Aug … → … Aug 622 CE" for 9 Aug 622 CE → 23 Aug 622 CE and "2014 → ≥ … 2022":
cut in the middle, the day and the first year were gone.  A date is shown whole,
shortened as other dates are (a year written "622 CE" too), or cut at whole parts
from its end; the tooltip has it whole."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from viewer.io.native import timeline_from_dict
from viewer.ui.event_list import elide_parts, shorter_dates
from viewer.ui.main_window import MainWindow

from .test_event_list_dates import _shown

_MIDDLE_CUT = re.compile(r"… \S")  # a word after "…": something was cut before it


def test_a_cut_drops_whole_parts_from_the_end():
    def fits(n):
        return lambda t: len(t) <= n

    assert elide_parts("9 Aug 622 CE → 23 Aug 622 CE", fits(20)) == "9 Aug 622 CE → …"
    assert elide_parts("2014 → ≥ 10 Feb 2022", fits(15)) == "2014 → …"
    assert elide_parts("≤ 10 Feb 2022 → 12 Feb 2022", fits(12)) == "≤ 10 Feb …"
    for n in range(4, 30):
        assert not _MIDDLE_CUT.search(elide_parts("due 22 Jan 2009 → ≥ 23 Jan 2010", fits(n)))


def test_a_span_of_days_in_a_ce_year_is_written_shorter_like_any_other():
    assert shorter_dates("Fri 9 Aug 622 CE → Fri 23 Aug 622 CE")[-2:] == ["9 Aug → 23 Aug 622 CE",
                                                                         "9 → 23 Aug 622 CE"]


def test_the_eras_list_shows_the_days_at_1366x768(qtbot):
    t = timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Eras Test",
        "tracks": [{"id": "a", "label": "Events"}],
        "events": [{"id": "hijra", "track": "a", "kind": "span", "title": "Muhammad Migrates from Mecca to Medina",
                    "start": "0622-08-09", "end": "0622-08-23"},
                   {"id": "war", "track": "a", "kind": "span", "title": "Last great Roman-Persian War.",
                    "start": "0602", "end": "0628"}]})
    w = MainWindow(t, lambda p: t, "eras.timeline.json")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    table = w.event_list
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 2)).startswith("Muhammad"))
    text, fits = _shown(table, row)
    assert fits and not _MIDDLE_CUT.search(text), text
    assert text in ("Fri 9 Aug 622 CE → Fri 23 Aug 622 CE", "9 Aug 622 CE → 23 Aug 622 CE",
                    "9 Aug → 23 Aug 622 CE", "9 → 23 Aug 622 CE"), text
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "9 Aug 622" in tip and "23 Aug 622" in tip
