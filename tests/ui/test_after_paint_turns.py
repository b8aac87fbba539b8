"""What waits for a new file's first paint (viewer/ui/after_paint.py) runs one callable per turn of
the event loop, so the window answers between them (the Events list's fill, the overview strip and
the settings written were one turn that held the GUI thread for all of them); every callable still
runs, in order, and a window closed before they ran runs them all (a quick quit still writes the
settings)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGraphicsView, QMainWindow

from viewer.ui.after_paint import after_first_paint


def _window(qtbot) -> QMainWindow:
    w = QMainWindow()
    w.view = QGraphicsView()  # what after_first_paint watches: its viewport's paint
    w.setCentralWidget(w.view)
    qtbot.addWidget(w)
    w.resize(300, 200)
    return w


def test_each_waiting_callable_runs_in_its_own_turn_and_all_run_in_order(qtbot):
    w = _window(qtbot)
    w.show()
    qtbot.waitExposed(w)
    turns = [0]
    beat = QTimer()  # a 0 ms timer fires once per turn of the event loop (the window answering)
    beat.setInterval(0)
    beat.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    ran: list[tuple[str, int]] = []
    for name in ("events list", "overview strip", "settings"):
        after_first_paint(w, lambda name=name: ran.append((name, turns[0])))
    beat.start()
    w.view.viewport().update()  # the paint they wait for
    qtbot.waitUntil(lambda: len(ran) == 3, timeout=3000)
    beat.stop()
    assert [name for name, _ in ran] == ["events list", "overview strip", "settings"]
    # the event loop turned between each two of them: they were not one freeze
    assert ran[0][1] < ran[1][1] < ran[2][1], ran
    assert not w.after_paint.waiting


def test_a_window_closed_while_some_wait_runs_the_rest_at_once(qtbot):
    w = _window(qtbot)
    w.show()
    qtbot.waitExposed(w)
    ran: list[str] = []
    for name in ("events list", "overview strip", "settings"):
        after_first_paint(w, lambda name=name: ran.append(name))
    w.after_paint.step()  # the first turn after the paint
    assert ran == ["events list"]
    w.close()  # a quit before the next turn: the settings are still written
    assert ran == ["events list", "overview strip", "settings"]
    assert not w.after_paint.waiting


def test_a_window_never_painted_runs_them_all_too(qtbot):
    w = _window(qtbot)  # never shown: no paint comes
    ran: list[str] = []
    for name in ("a", "b"):
        after_first_paint(w, lambda name=name: ran.append(name))
    qtbot.waitUntil(lambda: ran == ["a", "b"], timeout=3000)
