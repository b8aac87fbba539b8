"""Issue 10: a same-day plan is drawn (dashed marker) and described as planned."""

from viewer.graphics.events import _AFTER_SOURCE
from viewer.ui.detail_pane import event_html


def test_same_day_plan_is_drawn_dashed_and_the_detail_pane_says_planned(make_window):
    w = make_window()
    tl = w.timeline
    layer = w.view.events_item
    ids = list(tl.columns.ids)
    for eid in ("berlin-advisers-meeting", "johnson-stoltenberg-brussels"):
        assert layer._draw_flags[ids.index(eid)] & _AFTER_SOURCE, eid
        assert "<b>Planned</b>" in event_html(tl.event(eid), tl)
    assert not layer._draw_flags[ids.index("truss-arrives-moscow")] & _AFTER_SOURCE
    assert "Planned" not in event_html(tl.event("truss-arrives-moscow"), tl)


def test_hover_on_a_same_day_plan_says_planned(qtbot, make_window):
    from PySide6.QtWidgets import QToolTip

    w = make_window()
    w.view.viewport().repaint()
    qtbot.wait(20)
    scene = w.view.marker_scene_pos("berlin-advisers-meeting")
    assert scene is not None
    w.view._on_mouse_moved(scene)
    assert "planned or expected" in QToolTip.text()
