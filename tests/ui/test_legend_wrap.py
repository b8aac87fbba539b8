"""The key under the timeline at a laptop's width: it wraps between its items, never
inside one ("≤ /" at the end of a line and "≥ on or before / after" on the next)."""

from PySide6.QtGui import QTextLayout, QTextOption


def _lines(label, width):
    """The lines ``label``'s text breaks into at ``width`` pixels (as its word wrap does)."""
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(label.text()[line.textStart():line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return lines


def test_the_key_wraps_between_items_at_1366_and_1024(make_window):
    from viewer.ui.main_window import _KEY_ITEMS

    w = make_window((1366, 768))
    items = [item.replace(" ", "\u00a0") for item in _KEY_ITEMS]
    for width in (1340, 1000, 700):
        lines = _lines(w.legend, width)
        assert len(lines) >= 2 or width == 1340
        for line in lines:
            for part in line.split("   "):
                part = part.strip()
                assert part in items or part == "Time\u00a0axis:\u00a0UTC" or not part, (width, part)
