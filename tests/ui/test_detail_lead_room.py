"""The live window on a laptop screen (1280x720, 1366x768): selecting an event shows its first
quote whole in the detail pane.  Before, only a ``--screenshot --select`` picture gave the pane
room (app._detail_room); in the window the even split of the side column cut the Stoltenberg quote
at the pane's bottom edge.  Now the column's split follows the pane's text (viewer.ui.side_column)
on both paths."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from viewer.ui.side_column import MIN_BELOW

STOLTENBERG = "stoltenberg-largest-deployment"
LAVROV = "lavrov-lowest-level"


def _quote_rects(w, event_id):
    """The pane's viewport rectangles (pixels) of the first quote's first and last characters and of
    the line naming its speaker."""
    pane = w.details
    doc = pane.document()
    quote = w.timeline.event(event_id).quotes[0]
    start = doc.find(quote.text[:30])
    while not start.isNull() and not (start.block().text().startswith("“")  # the quote, not the title
                                      or start.block().text() == quote.text):  # reported speech, as written
        start = doc.find(quote.text[:30], start)
    end = doc.find(quote.text[-20:], start.selectionStart())
    who = doc.find("— " + quote.speaker, end.selectionEnd())
    assert not start.isNull() and not end.isNull() and not who.isNull()
    return [pane.cursorRect(QTextCursor(c)) for c in (start, end, who)]


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
@pytest.mark.parametrize("event_id", [STOLTENBERG, LAVROV])
def test_selecting_in_the_window_shows_the_whole_first_quote(qtbot, make_window, size, event_id):
    w = make_window(size)
    w.state.selected = event_id  # as a click on its marker or its Events row does
    qtbot.wait(30)
    height = w.details.viewport().height()
    assert w.details.verticalScrollBar().value() == 0  # from the title down
    for rect in _quote_rects(w, event_id):
        assert 0 <= rect.top() and rect.bottom() <= height, (size, event_id, rect, height)
    # the lists below keep their tab bar, header and three rows
    assert w.side_splitter.sizes()[1] >= MIN_BELOW


def test_the_split_goes_back_and_a_dragged_divider_is_kept(qtbot, make_window):
    w = make_window((1280, 720))
    even = w.side_splitter.sizes()
    w.state.selected = STOLTENBERG
    qtbot.wait(30)
    assert w.side_splitter.sizes()[0] > even[0]
    w.state.selected = None  # the timeline's own text: the even split again, for the lists
    qtbot.wait(30)
    assert w.side_splitter.sizes() == even
    # the user drags the divider up: their split stays, selected or not
    handle = w.side_splitter.handle(1)
    w.side_splitter.moveSplitter(even[0] - 80, 1)  # what a drag of the handle calls
    assert handle.isVisible()
    dragged = w.side_splitter.sizes()
    w.state.selected = STOLTENBERG
    qtbot.wait(30)
    assert w.side_splitter.sizes() == dragged
    # the rest of the quote stays reachable with the pane's scroll bar
    bar = w.details.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    end = _quote_rects(w, STOLTENBERG)[1]
    assert bar.isVisible() and end.bottom() < 0 <= bar.maximum()  # scrolled past it: reachable, not lost


def test_the_edit_tab_keeps_its_share(qtbot, make_window):
    w = make_window((1366, 768))
    w.side_tabs.setCurrentWidget(w.edit_form)
    qtbot.wait(30)
    with_form = w.side_splitter.sizes()
    w.state.selected = STOLTENBERG
    qtbot.wait(30)
    assert w.side_splitter.sizes() == with_form


def test_the_next_run_starts_from_the_split_not_from_the_last_quote(qtbot, make_window):
    import json

    from viewer.ui.session import settings

    w = make_window((1280, 720))
    even = w.side_splitter.sizes()
    w.state.selected = STOLTENBERG
    qtbot.wait(30)
    assert w.side_splitter.sizes() != even
    w.close()  # saves the session
    assert json.loads(settings().value("session/splitters"))["side"] == even
