"""Present mode at 5 m (view polish, item 4): the grey header was set at the event labels' size
(1/36 of the screen height) and read smaller than them, and a planned event's marker had the
desk's 3 px dashes on a 26 px marker, a dotted line that read as a plain outline from the back
of the room.  Both now grow with the screen, and a planned marker stays unlike a fact's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.conftest import present_window
from viewer.graphics.marks import planned_pen
from viewer.graphics.style import TimelineStyle
from viewer.io import read_timeline


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1366, 768)])
def test_the_header_is_sized_for_the_back_of_the_room(qtbot, bundled_path, size):
    pw = present_window(qtbot, read_timeline(bundled_path), size)
    pw.header.ensurePolished()
    px = pw.header.font().pixelSize()
    assert px >= size[1] / 32.5, (px, size)  # in proportion to the screen: 34 px at 1080
    assert px > pw.view.make_style().font_px  # larger than the event labels, not smaller-looking
    fm = pw.header.fontMetrics()
    assert all(fm.horizontalAdvance(line) <= pw.header.contentsRect().width()
               for line in pw.header.text().split("\n"))  # still whole, wrapped between parts


@pytest.mark.parametrize("height", [1080, 2160])
def test_a_planned_marker_has_dashes_seen_from_five_metres(qapp, height):
    style = TimelineStyle.for_briefing(height)
    pen = planned_pen(style, QColor("#E69F00"))
    width = pen.widthF()
    on, off = (d * width for d in pen.dashPattern()[:2])
    assert pen.style() == Qt.PenStyle.CustomDashLine  # dashed: never a fact's solid outline
    assert on >= height / 110 and off >= height / 200, (on, off)  # ~10 px dashes, 5+ px gaps at 1080
    assert width >= style.outline_px * 1.2 and width >= height / 360
    desk = planned_pen(TimelineStyle(), QColor("#E69F00"))  # the desk's stays as it was
    assert desk.widthF() == 2.0 and list(desk.dashPattern()) == [1.5, 1.5]
