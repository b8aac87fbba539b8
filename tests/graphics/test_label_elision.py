"""A shortened label keeps what it says about the date: ~, ≤ / ≥ and (?)."""

import pytest
from PySide6.QtGui import QFontMetricsF

from viewer.graphics.events import elide_label, label_text
from viewer.graphics.style import label_font
from viewer.model.columns import FLAG_APPROXIMATE, FLAG_OPEN_START, FLAG_UNCERTAIN


@pytest.mark.parametrize("flags, head, tail", [
    (FLAG_UNCERTAIN, "Lavrov", " (?)"),
    (FLAG_OPEN_START, "≤ Peskov", ""),
    (FLAG_APPROXIMATE | FLAG_UNCERTAIN, "~ Lavrov", " (?)"),
])
def test_elided_labels_keep_their_date_qualifiers(qapp, flags, head, tail):
    title = ("Lavrov" if "Lavrov" in head else "Peskov") + ": ties “at their lowest level in recent years”"
    text = label_text(title, flags)
    fm = QFontMetricsF(label_font(16))
    width = fm.horizontalAdvance(text) * 0.6
    short = elide_label(text, fm, width)
    assert short.startswith(head) and short.endswith(tail) and "…" in short
    assert fm.horizontalAdvance(short) <= width + 0.5
    assert elide_label(text, fm, fm.horizontalAdvance(text) + 1) == text  # room enough: unchanged


def test_labels_at_the_plots_right_edge_are_elided_not_clipped(qtbot):
    """Span labels running into the plot's right edge end with "…" (a real era file cut them mid-word)."""
    from pathlib import Path

    from viewer.io import read_timeline
    from viewer.ui.main_window import MainWindow

    tl = read_timeline(Path(__file__).parents[1] / "data" / "real_forms" / "csv_dynasties_at_edge.csv")
    win = MainWindow(tl, read_timeline)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    view = win.view
    layer = view.events_item
    qtbot.waitUntil(lambda: view.grab() is not None and layer._frame is not None, timeout=3000)
    right = layer._frame.right_px
    full = {layer._label(row)[0] for row in range(len(layer.columns.kind))}
    drawn = layer.drawn_labels
    assert drawn
    assert all(rect.right() <= right + 0.5 for _, rect in drawn), [(t, r.right(), right) for t, r in drawn]
    cut = [t for t, _ in drawn if t not in full]
    assert cut, "the fixture should force some labels to be shortened"
    assert all("…" in t for t in cut), cut
