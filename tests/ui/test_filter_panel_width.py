"""The Filters tab at the 1366x768 laptop size scrolls up and down only: the long hint on the
Tracks box and long source names used to make it (and the Sources list) scroll sideways."""

from PySide6.QtWidgets import QAbstractScrollArea

from viewer.ui.event_list import side_tabs


def test_the_filters_tab_never_scrolls_sideways_at_1366x768(make_window, qtbot):
    w = make_window((1366, 768))
    side_tabs(w).setCurrentWidget(w.filter_panel)
    qtbot.wait(40)
    panel = w.filter_panel
    for area in [panel, *panel.findChildren(QAbstractScrollArea)]:
        if area.isVisible():
            assert not area.horizontalScrollBar().isVisible(), area.accessibleName()
    assert panel.widget().width() <= panel.viewport().width()
    labels = " ".join(lbl.text() for lbl in panel.findChildren(type(panel.summary)))
    assert "Drag or Alt+↑/↓ to reorder" in labels  # the hint, wrapped inside the Tracks box
    sources = panel.facet_lists["sources"]
    long_row = max(range(sources.count()), key=lambda i: len(sources.item(i).text()))
    rect = sources.visualItemRect(sources.item(long_row))
    one_line = sources.visualItemRect(sources.item(0)).height()
    assert rect.right() <= sources.viewport().width() and rect.height() > one_line  # wrapped, not cut
