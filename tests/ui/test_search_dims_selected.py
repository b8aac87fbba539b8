"""desk3: with Truss selected, a search for "lowest level" (Lavrov's words, not hers) dimmed every
other non-match but left Truss's marker fully drawn, as if it matched.  Now it is dimmed like them,
and its selection ring stays at full strength: the user sees it is selected and not a match."""

from __future__ import annotations

from PySide6.QtGui import QColor

SELECTED = "truss-arrives-moscow"


def _ink(img, x: float, y: float) -> int:
    """How far the pixel is from white (0: background, 765: black)."""
    c = img.pixelColor(int(round(x)), int(round(y)))
    return 765 - (c.red() + c.green() + c.blue())


def test_a_selected_non_match_is_dimmed_and_keeps_its_ring(qtbot, make_window):
    w = make_window((1366, 768))
    w.state.selected = SELECTED
    qtbot.wait(50)
    item = w.view.events_item
    w.view.viewport().repaint()
    at = item.marker_position(SELECTED)
    assert at is not None
    before = w.view.viewport().grab().toImage()
    dpr = before.devicePixelRatio()
    full = _ink(before, at.x(), at.y())
    w.search_bar.debounce.setInterval(0)
    w.search_bar.field.setText('"lowest level"')
    qtbot.waitUntil(lambda: w.state.query == '"lowest level"' and not w.jobs_pending(), timeout=10000)
    assert w.state.selected == SELECTED and SELECTED not in set(w.state.matches)
    w.view.viewport().repaint()
    at = item.marker_position(SELECTED)
    img = w.view.viewport().grab().toImage()
    assert dpr == img.devicePixelRatio() == 1.0
    fill = _ink(img, at.x(), at.y())
    assert fill < full * 0.5, (fill, full)  # the marker dimmed like the other non-matches
    ring = max(_ink(img, at.x() - dx, at.y()) for dx in range(4, 20))  # left of it: no label there
    assert ring > 600, ring  # its selection ring still dark: it is the selected event
    assert QColor(item.style.selection).lightness() < 60
