"""honestui 4: at 1366x768, after a zone switch to Asia/Kathmandu, a list of short dates (years,
months) kept its Date column at its least width and the header "Date (Asia/Kathmandu)" was
clipped at both sides ("ate (Asia/Kathmand").  The column now widens for its header when there
is room, and a header that still does not fit is cut at its end with "…" (the whole in its
tooltip), so it always begins "Date"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from viewer.io.registry import read_timeline
from viewer.ui.main_window import MainWindow


def _window(qtbot, tmp_path, size=(1366, 768)):
    path = tmp_path / "short.csv"
    path.write_text("title,start,track\nA,2020,x\nB,2021,y\nC,2022-05,x\n", encoding="utf-8")
    w = MainWindow(read_timeline(path), read_timeline, str(path))
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.state.display_zone = "Asia/Kathmandu"
    qtbot.wait(50)
    return w


def _header_room(view) -> int:
    """Pixels the header's text gets in the Date section (its margins and the sort arrow left out)."""
    head = view.horizontalHeader()
    style = head.style()
    return (view.columnWidth(0) - 2 * style.pixelMetric(style.PixelMetric.PM_HeaderMargin, None, head)
            - style.pixelMetric(style.PixelMetric.PM_HeaderMarkSize, None, head) - 4)


def test_the_date_header_is_whole_when_the_list_has_room(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    view = w.event_list
    text = view.model().headerData(0, Qt.Orientation.Horizontal)
    assert text == "Date (Asia/Kathmandu)"
    assert view.horizontalHeader().fontMetrics().horizontalAdvance(text) <= _header_room(view)


def test_a_date_header_too_wide_for_its_column_is_cut_at_its_end(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    view = w.event_list
    view.setColumnWidth(0, 110)  # as a user may drag it
    qtbot.wait(20)
    model = view.model()
    text = model.headerData(0, Qt.Orientation.Horizontal)
    assert text.startswith("Date") and text.endswith("…"), text
    assert view.horizontalHeader().fontMetrics().horizontalAdvance(text) <= _header_room(view)
    assert "Asia/Kathmandu" in model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    view.setColumnWidth(0, 400)  # room again: whole
    qtbot.wait(20)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date (Asia/Kathmandu)"
