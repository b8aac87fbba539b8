"""File > New, the first event dated 2024-03-11: the overview strip read "◀ from 1970" (the empty
timeline's stand-in extent, the Unix epoch's day, grown to take the event) until the file was
reopened.  The strip follows the timeline's dates after an edit."""

from __future__ import annotations

from tests.ui.test_authoring_newcomer import new_window  # noqa: F401 (the fixture)
from tests.ui.test_new_timeline_saved_in_place import _dated
from viewer.model.calendar import epoch_from_civil


def test_the_overview_follows_a_new_timelines_first_dates(qtbot, new_window):  # noqa: F811
    w = new_window
    _dated(qtbot, w, "Port closed", "track-1", "2024-03-11")
    _dated(qtbot, w, "Minister visits", "track-1", "2024-03-14")
    lo, hi = w.timeline.finite_extent()
    assert lo == epoch_from_civil(2024, 3, 11) and hi == epoch_from_civil(2024, 3, 15)  # was: lo at 1970
    strip = w.overview
    qtbot.waitUntil(lambda: strip.timeline is w.shown.timeline, timeout=3000)
    assert strip._data_years == ("2024", "2024")
    w.view.set_x_range(*(x - w.view.timeline.columns.origin_epoch_s
                         for x in (epoch_from_civil(2024, 3, 13), epoch_from_civil(2024, 3, 20))))
    qtbot.wait(50)
    left, right = strip.beyond
    assert "1970" not in left.textItem.toPlainText()  # was: "◀ from 1970"
