"""A timed event dragged at year zoom moves by whole calendar years and keeps its clock time
(a break-it tester: one year moved 2022-02-10T23:30:00+14:30 to 2023-02-11T05:19:12+14:30)."""


from dataclasses import replace

from PySide6.QtCore import QPoint, QPointF, Qt

from viewer.app import _load, bundled_timeline_path
from viewer.model.dates import EventDate
from viewer.ui.main_window import MainWindow


def test_dragging_a_timed_event_one_year_at_year_zoom_keeps_its_day_and_clock(qtbot):
    tl = _load(bundled_timeline_path())
    # a file of decades (the Normandy Format since 1980), so the axis can show years; Truss's arrival timed
    events = tuple(replace(e, start=EventDate("1980")) if e.id == "normandy-format-since-2014" else
                   replace(e, start=EventDate("2022-02-10T23:30:00+14:30")) if e.id == "truss-arrives-moscow" else e
                   for e in tl.events)
    w = MainWindow(replace(tl, events=events, home_start=None, home_end=None), _load, "")
    qtbot.addWidget(w)
    w.resize(1500, 950)
    w.show()
    qtbot.waitExposed(w)
    eid = "truss-arrives-moscow"
    w.state.selected = eid
    centre = w.timeline.event(eid).start.earliest - w.view.timeline.columns.origin_epoch_s
    year = 365.2425 * 86400
    w.view.set_x_range(centre - 12 * year, centre + 12 * year)  # year ticks
    qtbot.wait(50)
    assert w.canvas_edit.axis_unit() == "year"
    w.view.events_item.update()
    w.view.viewport().repaint()
    start = w.view.mapFromScene(w.view.marker_scene_pos(eid))
    vb = w.view._vb
    px_per_year = vb.mapViewToScene(QPointF(year, 0)).x() - vb.mapViewToScene(QPointF(0, 0)).x()
    end = QPoint(start.x() + round(px_per_year), start.y())
    vp = w.view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for k in (1, 2):  # steps longer than the least drag distance
        qtbot.mouseMove(vp, pos=QPoint(start.x() + (end.x() - start.x()) * k // 2, start.y()))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
    moved = w.timeline.event(eid).start
    assert moved.edtf == "2023-02-10T23:30:00+14:30"
    pane = w.details.toPlainText()
    assert "2023-02-10T23:30:00+14:30" in pane and "Fri 10 Feb 2023 09:00:00 UTC" in pane  # 23:30 +14:30 kept
