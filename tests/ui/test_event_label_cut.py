"""An event label that does not fit is cut at whole words from its end, keeps its qualifier
mark apart and readable, or is drawn whole (on a second line when its sub-row has room); the
full title is on hover.  The bundled Stoltenberg label read "…since Cold … (?)" at 1366x768
and at 1920x1080 with the plot empty to its right: the lane's last label was capped at 28 em
as if a neighbour needed the room (view polish, item 2)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from viewer.graphics.event_text import elide_label

STOLTENBERG = "Stoltenberg: deployment to be largest since Cold War"


def _drawn(w, start):
    w.view.viewport().repaint()
    return [(" ".join(t.split()), r) for t, r in w.view.events_item.drawn_labels if t.startswith(start)]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_stoltenberg_label_is_whole_with_its_mark(make_window, qtbot, size):
    w = make_window(size)
    (text, rect), = _drawn(w, "Stoltenberg")
    assert text == STOLTENBERG + " (?)", text
    assert rect.right() <= w.view.viewport().width()
    # the mouse on the label finds the event, whose tooltip is its whole title
    eid = w.view.event_at(w.view.mapToScene(rect.center().toPoint()))
    assert eid is not None and w.view.timeline.event(eid).title == STOLTENBERG


@pytest.mark.parametrize("width_chars", [20, 30, 40])
def test_a_cut_label_loses_whole_words_and_keeps_its_mark(qapp, width_chars):
    font = QFont("DejaVu Sans")
    font.setPixelSize(16)
    fm = QFontMetricsF(font)
    text = "~ " + STOLTENBERG + " (?)"
    width = fm.averageCharWidth() * width_chars
    short = elide_label(text, fm, width)
    assert fm.horizontalAdvance(short) <= width + 0.5
    assert short.startswith("~ ") and short.endswith(" … (?)"), short
    kept = short.removeprefix("~ ").removesuffix(" … (?)")
    assert STOLTENBERG.startswith(kept), short  # the words from the start ...
    assert STOLTENBERG[len(kept):].startswith((" ", ": ")), short  # ... none broken (a trailing ":" dropped)
