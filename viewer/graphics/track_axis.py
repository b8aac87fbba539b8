"""The left axis of the timeline: one label per lane, with a disclosure mark.

Labels sit at the centre of each lane as :class:`~viewer.model.lanes.LaneGeometry`
places it, so a collapsed lane's label follows its thin strip.  A label reads
``▾ Russia / Kremlin`` for an expanded lane and ``▸ Russia / Kremlin`` for a
collapsed one (the marks can be turned off for pictures and presentations).

Mouse: a click on the mark, or a double-click anywhere on the label, asks to
collapse / expand that lane (``sigToggleLane``); a right click asks for the
lane's context menu (``sigLaneMenu``).  The axis only reports: the view
changes the state.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF

from ..model.lanes import LaneGeometry, lane_geometry

__all__ = ["COLLAPSED_MARK", "EXPANDED_MARK", "TrackAxisItem"]

COLLAPSED_MARK = "▸"  #: before the label of a collapsed lane
EXPANDED_MARK = "▾"  #: before the label of an expanded lane
_MARK_TOLERANCE_PX = 5.0  #: a click this close to the mark counts as on it


class TrackAxisItem(pg.AxisItem):
    """Left axis naming each lane at its centre.

    Signals
    -------
    sigToggleLane(int)
        Collapse or expand the lane; payload: lane index (top = 0).
    sigLaneMenu(int, QPoint)
        Context menu wanted for a lane; payload: lane index, global screen position.
    """

    sigToggleLane = Signal(int)  # lane index
    sigLaneMenu = Signal(int, object)  # lane index, QPoint (screen)

    def __init__(self, **kwargs) -> None:
        super().__init__("left", **kwargs)
        self.lanes: LaneGeometry = lane_geometry(())
        self.labels: tuple[str, ...] = ()
        self.marks = True

    def set_lanes(self, lanes: LaneGeometry, labels: list[str] | tuple[str, ...], marks: bool = True) -> None:
        """Write ``labels[i]`` at the centre of lane ``i`` (data y, lane units).

        Parameters
        ----------
        lanes : LaneGeometry
        labels : sequence of str, one per lane
        marks : bool
            Put ▸ / ▾ before each label.

        Raises
        ------
        ValueError
            If there is not one label per lane.
        """
        if len(labels) != len(lanes):
            raise ValueError(f"{len(labels)} labels for {len(lanes)} lanes")
        self.lanes, self.labels, self.marks = lanes, tuple(labels), bool(marks)
        self.setTicks([[(float(y), self.text(i)) for i, y in enumerate(lanes.centre.tolist())]])

    def text(self, lane: int) -> str:
        """The label drawn for a lane (with its mark when marks are on)."""
        if not self.marks:
            return self.labels[lane]
        mark = COLLAPSED_MARK if self.lanes.collapsed[lane] else EXPANDED_MARK
        return f"{mark} {self.labels[lane]}"

    # -- hit testing -----------------------------------------------------------
    def lane_at(self, scene_pos: QPointF) -> int | None:
        """Lane whose label row is at a scene position, or None."""
        view = self.linkedView()
        if view is None or not len(self.lanes):
            return None
        return self.lanes.lane_at(float(view.mapSceneToView(scene_pos).y()))

    def on_mark(self, scene_pos: QPointF, lane: int) -> bool:
        """True when a scene position is on the ▸ / ▾ mark of ``lane``'s label."""
        if not self.marks:
            return False
        font = self.style["tickFont"] or QFont()
        fm = QFontMetricsF(font)
        right = self.boundingRect().right() - max(0, self.style["tickLength"]) - self.style["tickTextOffset"][0]
        start = right - fm.horizontalAdvance(self.text(lane))
        x = self.mapFromScene(scene_pos).x()
        return start - _MARK_TOLERANCE_PX <= x <= start + fm.horizontalAdvance(EXPANDED_MARK) + _MARK_TOLERANCE_PX

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        lane = self.lane_at(ev.scenePos())
        if lane is None:
            super().mouseClickEvent(ev)
            return
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            # each click on the mark toggles (so does the second click of a
            # double-click there); elsewhere on the label a double-click does
            if self.on_mark(ev.scenePos(), lane) or ev.double():
                self.sigToggleLane.emit(lane)
        elif ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self.sigLaneMenu.emit(lane, ev.screenPos().toPoint())
        else:
            super().mouseClickEvent(ev)
