"""The window's header on a laptop screen: at 1366x768 the bundled title was cut ("… and the
diplom…  [4 planned · 1 planned end]") although a slightly smaller font holds it whole.  Now the
header's font shrinks (to 14 pt at the least) before the title is shortened; the note in brackets
is never cut.  Main window and collection window share the rule (viewer.ui.legend.set_header_text)."""

from __future__ import annotations

import pytest

from tests.ui.collection_windows import shown_collection
from viewer.io.registry import read_timeline, write_timeline
from viewer.ui.legend import SMALLEST_HEADER_PT, set_header_text

TITLE = "Allied Resolve-2022: Russia–Belarus drills and the diplomacy of the same days"
NOTE = "  [4 planned · 1 planned end]"


def _one_line_whole(header) -> None:
    assert header.text() == TITLE + NOTE
    assert header.fontMetrics().horizontalAdvance(header.text()) <= header.contentsRect().width()  # one line
    assert header.font().pointSizeF() >= SMALLEST_HEADER_PT


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_main_window_header_shows_the_whole_title_on_one_line(make_window, size):
    w = make_window(size)
    _one_line_whole(w.header)
    assert w.header.height() < 2 * w.header.fontMetrics().height()  # one line high


def test_a_wide_window_keeps_the_large_header_and_a_long_title_is_still_shortened(make_window, qtbot):
    from PySide6.QtWidgets import QLabel

    w = make_window((1920, 1080))
    _one_line_whole(w.header)
    assert w.header.font().pointSizeF() == 20
    label = QLabel()  # a header as wide as a 1280-pixel window's
    qtbot.addWidget(label)
    label.setStyleSheet("font-size: 20pt; font-weight: bold;")
    label.resize(1264, 40)
    label.show()
    set_header_text(label, TITLE + ", and the talks of the weeks before and after them, day by day", NOTE[3:-1])
    text = label.text()
    assert text.endswith("…" + NOTE) and label.font().pointSizeF() == SMALLEST_HEADER_PT
    assert label.fontMetrics().horizontalAdvance(text) <= label.contentsRect().width()


def test_the_dark_desk_keeps_the_fitted_header(make_window):
    from viewer.ui.theme import apply_theme

    w = make_window((1366, 768))
    apply_theme(w, True)
    _one_line_whole(w.header)


def test_the_collection_window_header_shows_the_whole_title_at_1366(qtbot, tmp_path, bundled_path):
    path = tmp_path / "a.parquet"
    write_timeline(read_timeline(bundled_path), path)
    w = shown_collection(qtbot, path, size=(1366, 768))
    qtbot.waitUntil(lambda: w.header.text().endswith(NOTE), timeout=20000)
    _one_line_whole(w.header)
