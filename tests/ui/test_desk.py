"""The desk as users saw it: tooltips that stay, labels only beside their markers,
the zone field's Enter, the overview's own range."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip


def test_the_tooltip_stays_while_the_mouse_rests_on_an_event(qtbot, make_window):
    w = make_window((1600, 900))
    view = w.view
    view.viewport().repaint()
    scene = view.marker_scene_pos("truss-arrives-moscow")
    pos = view.mapFromScene(scene)
    qtbot.mouseMove(view.viewport(), pos)
    view._on_mouse_moved(scene)  # what the scene's mouse-move signal delivers
    # the mouse rests: Qt sends a tooltip event after ~0.7 s, which used to hide the tip
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    qtbot.wait(2500)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    qtbot.wait(200)
    assert QToolTip.isVisible() and "Truss arrives in Moscow" in QToolTip.text()
    view._on_mouse_moved(view.mapToScene(QPoint(view.viewport().width() - 5, 5)))  # the mouse leaves
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
