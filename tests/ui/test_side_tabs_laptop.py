"""At 1366x768 (an analyst's laptop) the side tabs had the room of a letterbox: the Filters
tab showed 3 of the bundled timeline's 6 tracks and the Events list 5 rows, while the detail
pane above kept most of the column (view polish, item 1).  The tabs now get their share of
the column, and the Filters tab's fixed parts (the count and its button, the hint) take less
of it; nothing is hidden: the detail pane still shows the selected event's title."""

from __future__ import annotations

import pytest


def _settle(qtbot, w, widget):
    w.side_tabs.setCurrentWidget(widget)
    qtbot.wait(30)


def _tracks_in_view(panel) -> int:
    """Track rows drawn whole inside the Filters tab's visible area."""
    lst, vp = panel.tracks, panel.viewport()
    n = 0
    for i in range(lst.count()):
        r = lst.visualItemRect(lst.item(i))
        top = lst.viewport().mapTo(vp, r.topLeft()).y()
        bottom = lst.viewport().mapTo(vp, r.bottomLeft()).y()
        if 0 <= top and bottom <= vp.height() and r.bottom() <= lst.viewport().height():
            n += 1
    return n


def _rows_in_view(table) -> int:
    """Event rows drawn whole in the Events list."""
    h = table.viewport().height()
    return sum(1 for r in range(table.model().rowCount())
               if table.rowViewportPosition(r) >= 0
               and table.rowViewportPosition(r) + table.rowHeight(r) <= h)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_side_tabs_show_every_track_and_a_screenful_of_events(make_window, qtbot, size):
    w = make_window(size)
    _settle(qtbot, w, w.filter_panel)
    assert _tracks_in_view(w.filter_panel) == w.filter_panel.tracks.count() == 6
    _settle(qtbot, w, w.event_list)
    assert _rows_in_view(w.event_list) >= 8, _rows_in_view(w.event_list)
    # the detail pane above still reads: its title and a few lines under it
    assert w.details.height() >= 0.3 * w.side_splitter.height()
