"""The Filters tab after a filter swap: what it shows, and where the user was in it (pytest-qt, offscreen).

A swap (a track hidden from the timeline, a facet unchecked in the tab)
changes counts and check marks; the tab updates its rows in place, so the
row the user is on, keyboard focus and the scroll position of a list stay
where they were, and the tab reads the same as a freshly filled one."""

from PySide6.QtCore import Qt

from viewer.ui.filter_panel import FilterPanel

VALUE = Qt.ItemDataRole.UserRole + 1


def rows(lst):
    return [(lst.item(i).data(VALUE), lst.item(i).text(), lst.item(i).checkState() == Qt.CheckState.Checked)
            for i in range(lst.count())]


def seen(panel):
    """What the tab shows: every list's values, texts (with counts) and checks, the summary and the range."""
    return {"tracks": rows(panel.tracks), **{f: rows(lst) for f, lst in panel.facet_lists.items()},
            "summary": panel.summary.text(), "range": (panel.range_on.isChecked(), panel.range_from.date(),
                                                      panel.range_to.date())}


def fresh(qtbot, window):
    """What a newly made Filters tab filled for the window's state now shows (kept off screen)."""
    panel = FilterPanel(window)
    qtbot.addWidget(panel)
    panel.fill()
    return seen(panel)


def test_filters_tab_after_swaps_reads_as_a_fresh_tab_and_keeps_row_focus_and_scroll(qtbot, make_window):
    window = make_window((1700, 950))
    window.side_tabs.setCurrentWidget(window.filter_panel)  # the user opens the Filters tab
    panel = window.filter_panel
    qtbot.wait(10)
    actors = panel.facet_lists["actors"]  # 17 actors: the list scrolls
    assert actors.verticalScrollBar().maximum() > 0
    actors.setFocus()
    actors.setCurrentRow(12)
    actors.scrollToItem(actors.item(16))
    scroll = actors.verticalScrollBar().value()
    assert scroll > 0
    panel.tracks.setCurrentRow(4)
    before = seen(panel)

    window.state.filters = window.state.filters.with_track_hidden("uk", True)  # hidden from the timeline
    qtbot.wait(10)
    after = seen(panel)
    assert after == fresh(qtbot, window)
    assert after != before  # counts changed: "uk" unchecked, actors' shown counts lower
    assert dict((v, on) for v, _t, on in after["tracks"])["uk"] is False
    assert actors.hasFocus() and actors.currentRow() == 12
    assert actors.verticalScrollBar().value() == scroll
    assert panel.tracks.currentRow() == 4

    # a facet unchecked in the tab itself (the tab refills after Qt's signal)
    tags = panel.facet_lists["tags"]
    tags.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.wait(20)
    assert seen(panel) == fresh(qtbot, window)
    assert tags.item(0).checkState() == Qt.CheckState.Unchecked
    assert actors.currentRow() == 12 and actors.verticalScrollBar().value() == scroll

    window.state.filters = window.state.filters.with_track_hidden("uk", False).with_facet("tags", None)
    qtbot.wait(10)
    assert seen(panel) == before  # back where it started, the same rows
    assert actors.hasFocus() and actors.currentRow() == 12 and actors.verticalScrollBar().value() == scroll
