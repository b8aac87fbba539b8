"""Painting must not corrupt the interpreter: a regression guard for PySide6 6.12.0.

PySide6-Essentials 6.12.0 decrements None's reference count on every QPainter
call that returns nothing; on Python < 3.12 (where None is not immortal) the
app aborts after a few seconds of zooming.  pyproject.toml excludes it; this
test fails if a broken binding comes back.
"""

import sys

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_qpainter_calls_keep_none_alive(qapp):
    img = QImage(64, 64, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    poly = QPolygonF([QPointF(0, 0), QPointF(10, 0), QPointF(5, 5)])
    before = sys.getrefcount(None)
    for _ in range(500):
        p.setBrush(QColor("red"))
        p.drawPolygon(poly)
    after = sys.getrefcount(None)
    p.end()
    assert after - before > -100, f"None lost {before - after} references while painting"


def test_painting_the_bundled_timeline_many_times_keeps_none_alive(qtbot, bundled_path):
    from viewer.io import read_timeline
    from viewer.ui.main_window import MainWindow

    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    before = sys.getrefcount(None)
    for k in range(20):
        w.view.set_x_range(-k * 86400.0, 86400.0 * (k + 1))
        w.view.grab()
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) - before > -200
