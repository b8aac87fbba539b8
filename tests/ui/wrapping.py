"""How a word-wrapped plain-text label breaks into lines (what its reader sees line by line)."""

from PySide6.QtGui import QTextLayout, QTextOption


def wrapped_lines(label, width):
    """The lines a word-wrapped plain-text QLabel shows ``label.text()`` on at ``width`` pixels."""
    layout = QTextLayout(label.text(), label.font())
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(opt)
    layout.beginLayout()
    out = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        out.append(label.text()[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return out
