"""Issue 12, the first keystroke: while the user types in the search field of a
large file, the typed query is answered in the background before the typing
pauses; nothing is shown until the pause, and then the matches are the
search's, with no second scan."""

import numpy as np

from tests.ui.test_instant import idle
from viewer.model.search import search


def test_the_typed_query_is_answered_while_typing_and_shown_after_the_pause(big_window, qtbot):
    w, tl = big_window
    idle(qtbot, w)
    jobs, bar = w.shown.jobs, w.search_bar
    index = jobs.index
    assert index is not None
    scans = []
    real = index._mask
    index._mask = lambda terms: scans.append(tuple(terms)) or real(terms)
    bar.debounce.setInterval(600_000)  # the typing pause does not end by itself here
    bar.field.setText("p")
    bar.field.setText("pro")
    qtbot.waitUntil(lambda: ("pro",) in scans and not jobs.pending(), timeout=20000)
    # answered, but nothing shown yet: the user is still typing
    assert w.state.query == "" and bar.count.text() == "searching…"
    assert w.view.events_item.emphasis is None and w.state.matches == ()
    done = len(scans)
    bar.debounce.setInterval(0)
    bar.debounce.start()  # the pause
    idle(qtbot, w)
    assert w.state.query == "pro"
    assert tuple(w.state.matches) == search(tl, "pro")
    n = len(w.state.matches)
    assert bar.count.text() == f"{n} matches"
    assert w.view.events_item.emphasis.sum() == n
    assert len(scans) == done  # the answer computed while typing: no second scan
    # another query afterwards is answered afresh
    bar.field.setText("protest")
    bar.debounce.setInterval(0)
    idle(qtbot, w)
    assert tuple(w.state.matches) == search(tl, "protest") and scans[-1] == ("protest",)
    assert np.count_nonzero(w.view.events_item.emphasis) == len(w.state.matches)
