"""desk3: at 1366x768 the detail pane showed the quotes first; the date and its basis were below
the fold.  The line under the title now says when, before the quotes,
which stay on the first screen too (tests/ui/test_pictures.py)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor


def test_at_1366_the_date_shows_before_the_quotes(qtbot, make_window):
    w = make_window((1366, 768))
    w.state.selected = "lavrov-lowest-level"
    qtbot.wait(50)
    pane = w.details
    line = "Russia / Kremlin · event · Thu 10 Feb 2022 ?"  # short, as the Events list writes it
    text = pane.toPlainText()
    assert line in text and text.lower().index(line.lower()) < text.lower().index("quotes (1)")
    pane.verticalScrollBar().setValue(0)
    found = pane.document().find(line)
    rect = pane.cursorRect(QTextCursor(found))
    assert 0 <= rect.top() and rect.bottom() <= pane.viewport().height()  # on the first screen


def test_a_planned_event_says_so_on_its_date_line(qtbot, make_window):
    w = make_window((1366, 768))
    w.state.selected = "drills-end"
    qtbot.wait(50)
    assert "event · due Sun 20 Feb 2022" in w.details.toPlainText()
