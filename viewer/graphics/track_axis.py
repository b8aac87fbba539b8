"""The left axis of the timeline: one label per lane, with a disclosure mark.

Labels sit at the centre of each lane as :class:`~viewer.model.lanes.LaneGeometry`
places it, so a collapsed lane's label follows its thin strip.  A label reads
``▾ Russia / Kremlin`` for an expanded lane and ``▸ Russia / Kremlin`` for a
collapsed one (the marks can be turned off for pictures and presentations).

A label wider than the column (``max_width`` of :meth:`TrackAxisItem.set_lanes`)
is elided with "…"; hovering a label shows the track's full name.  Labels
never overprint: when lanes are shorter than a line of text only every few
labels are drawn (the rest are named on hover).

Mouse: a click on the mark, or a double-click anywhere on the label, asks to
collapse / expand that lane (``sigToggleLane``); a right click asks for the
lane's context menu (``sigLaneMenu``).  The axis only reports: the view
changes the state.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF

from ..model.lanes import LaneGeometry, lane_geometry
from ..model.text import plain_tooltip

__all__ = ["COLLAPSED_MARK", "EXPANDED_MARK", "LABEL_MARGIN_PX", "TrackAxisItem"]

COLLAPSED_MARK = "▸"  #: before the label of a collapsed lane
EXPANDED_MARK = "▾"  #: before the label of an expanded lane
_MARK_TOLERANCE_PX = 5.0  #: a click this close to the mark counts as on it
LABEL_MARGIN_PX = 20.0  #: label column width beyond its widest label (text offset, rounding)


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
        self._drawn: list[tuple[str, QRectF]] = []
        self._shown: tuple[str, ...] = ()
        self.setAcceptHoverEvents(True)

    def set_lanes(self, lanes: LaneGeometry, labels: list[str] | tuple[str, ...], marks: bool = True,
                  max_width: float | None = None) -> None:
        """Write ``labels[i]`` at the centre of lane ``i`` (data y, lane units).

        Parameters
        ----------
        lanes : LaneGeometry
        labels : sequence of str, one per lane
        marks : bool
            Put ▸ / ▾ before each label.
        max_width : float or None
            Widest label column, pixels.  Given, the column is made as wide as
            its widest label plus :data:`LABEL_MARGIN_PX`, at most this, and a
            label that does not fit is elided with "…" in its middle
            (pyqtgraph would drop it); its full name is the hover tooltip.  None: the column width
            is left alone and labels are drawn whole.

        Raises
        ------
        ValueError
            If there is not one label per lane.
        """
        if len(labels) != len(lanes):
            raise ValueError(f"{len(labels)} labels for {len(lanes)} lanes")
        self.lanes, self.labels, self.marks = lanes, tuple(labels), bool(marks)
        full = [self.text(i) for i in range(len(lanes))]
        if max_width is not None:
            fm = QFontMetricsF(self.style["tickFont"] or QFont())
            widest = max((fm.horizontalAdvance(t) for t in full), default=60.0)
            width = math.ceil(min(max(float(max_width), 2 * LABEL_MARGIN_PX), LABEL_MARGIN_PX + widest))
            room = width - LABEL_MARGIN_PX
            # elided in the middle: the mark and the start stay, and so does the
            # end that tells "… of Russia" from "… Federation (MFA)"
            self._shown = tuple(t if fm.horizontalAdvance(t) <= room + 0.5
                                else fm.elidedText(t, Qt.TextElideMode.ElideMiddle, room) for t in full)
            self.setWidth(width)
        else:
            self._shown = tuple(full)
        self.setTicks([[(float(y), self._shown[i]) for i, y in enumerate(lanes.centre.tolist())]])

    def text(self, lane: int) -> str:
        """The label of a lane, whole (with its mark when marks are on)."""
        if not self.marks:
            return self.labels[lane]
        mark = COLLAPSED_MARK if self.lanes.collapsed[lane] else EXPANDED_MARK
        return f"{mark} {self.labels[lane]}"

    def shown_text(self, lane: int) -> str:
        """The label as drawn: :meth:`text`, elided with "…" when the column is too narrow."""
        return self._shown[lane] if lane < len(self._shown) else self.text(lane)

    def tooltip(self, lane: int) -> str:
        """Hover text of a lane's label: the track's full name (escaped rich
        text: Qt would render a name that looks like markup)."""
        return plain_tooltip(self.labels[lane])

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph name)
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return specs
        axis_spec, tick_specs, text_specs = specs
        # never overprint: when lanes are shorter than a line of text (hundreds
        # of tracks), draw a label only below the last one drawn (every k-th);
        # the others are still named by their hover tooltip
        kept, bottom = [], -float("inf")
        for spec in sorted(text_specs, key=lambda s: s[0].top()):
            if spec[0].top() >= bottom - 0.5:
                kept.append(spec)
                bottom = spec[0].bottom()
        self._drawn = [(text, QRectF(rect)) for rect, _flags, text in kept]
        return axis_spec, tick_specs, kept

    def drawn_labels(self) -> list[tuple[str, QRectF]]:
        """Labels of the last drawing: ``(text, rect)`` in item pixels, top to bottom."""
        return list(self._drawn)

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
        start = right - fm.horizontalAdvance(self.shown_text(lane))
        x = self.mapFromScene(scene_pos).x()
        return start - _MARK_TOLERANCE_PX <= x <= start + fm.horizontalAdvance(EXPANDED_MARK) + _MARK_TOLERANCE_PX

    def hoverEvent(self, ev) -> None:  # noqa: N802 (pyqtgraph name)
        lane = None if ev.isExit() else self.lane_at(ev.scenePos())
        self.setToolTip("" if lane is None else self.tooltip(lane))

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
