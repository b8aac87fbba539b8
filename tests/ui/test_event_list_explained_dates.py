"""An approximate date that does not fit the Events list's date column keeps the date as stated
whole and loses what it stands for from the end: cut from the middle it read "about June 2023,
so … 2023 and July 2023" (tester finding), the meaning gone."""

from __future__ import annotations

from tests.ui.test_event_list_dates import _shown, _window
from viewer.io.native import timeline_from_dict
from viewer.ui.event_list import elide_parts


def test_the_explanation_is_cut_from_its_end_at_whole_dates():
    text = "about June 2023, so between May 2023 and July 2023"
    assert elide_parts(text, lambda t: len(t) <= 60) == text
    assert elide_parts(text, lambda t: len(t) <= 45) == "about June 2023, so between May 2023 and …"
    assert elide_parts(text, lambda t: len(t) <= 38) == "about June 2023, so between May 2023 …"
    assert elide_parts(text, lambda t: len(t) <= 37) == "about June 2023 …"
    day = "about 10 Feb 2022, so between 9 Feb 2022 and 11 Feb 2022"
    assert elide_parts(day, lambda t: len(t) <= 45) == "about 10 Feb 2022, so between 9 Feb 2022 …"
    # the rest: whole parts from the end, never a qualifier or the arrow alone
    assert elide_parts("due 22 Jan 2009 → ≥ 23 Jan 2010", lambda t: len(t) <= 18) == "due 22 Jan …"


def test_the_list_shows_the_stated_date_whole_at_1366x768(qtbot):
    tl = timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "About",
        "tracks": [{"id": "t", "label": "Talks"}],
        "events": [{"id": "a", "track": "t", "title": "Talks resume in Geneva after the summer recess",
                    "start": {"edtf": "2023-06~"}},
                   {"id": "b", "track": "t", "title": "Ceasefire", "start": {"edtf": "2022-02-10~"}}]})
    w = _window(qtbot, tl)
    table = w.event_list
    for row, stated in ((0, "about 10 Feb 2022"), (1, "about June 2023")):
        text, fits = _shown(table, row)
        assert fits and text.startswith(stated), text
        assert "so …" not in text and not text.endswith((" so …", "between …")), text
