"""The timeline and overview of a collection, drawn from its event store.

:class:`CollectionView` is the lanes and date axis of a collection too large
to load: it asks for what its window shows (``sigWindowWanted``) whenever
the range or size changes, and draws each answer as it arrives
(:meth:`CollectionView.show_content`) with the same event layer as a loaded
timeline (:class:`~viewer.graphics.events.EventLayerItem` over a
:class:`~viewer.model.window.WindowTimeline`).  Until an answer for a new
range arrives, the last one stays drawn (strips stretched to the new range).

:class:`CollectionOverview` is the thin strip under it: events per pixel over
the whole collection, one row per track, with the view's window as a region
to drag.
"""

from __future__ import annotations

import math
from typing import Any, cast

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor

from ..graphics.axis import TimeAxisItem
from ..graphics.events import EventLayerItem
from ..graphics.style import TimelineStyle, label_font
from ..graphics.track_axis import TrackAxisItem
from ..model.lanes import lane_geometry
from ..model.store import VisibleEvents
from ..model.window import WindowContent, WindowRequest, WindowTimeline
from .timeline_view import TimelineViewBox

__all__ = ["CollectionView", "CollectionOverview", "empty_content"]

DAY = 86400.0
MIN_WIDTH_S = 1.0  #: narrowest window, seconds


def empty_content(lanes: int) -> WindowContent:
    """An answer with no events (what the view draws before the first one arrives)."""
    vis = VisibleEvents([], np.zeros(0, np.int32), np.zeros(0, np.int8), np.zeros(0), np.zeros(0), np.zeros(0),
                        np.zeros(0, np.uint8), [])
    return WindowContent(WindowRequest(0.0, 1.0, tuple(range(lanes)), 1), vis, {})


class CollectionView(pg.PlotWidget):
    """Lanes and date axis of a collection (see the module docstring).

    Parameters
    ----------
    base : Timeline
        The collection's timeline without events (its tracks, colours, zone).
    extent : (float, float)
        First and last drawn moment of the collection, epoch s.

    Signals
    -------
    sigWindowWanted(float, float, int)
        The window on screen changed: (t0, t1) epoch s and its width in pixels.
    sigEventClicked(object)
        A click: the event id under it, or None.
    """

    sigWindowWanted = Signal(float, float, int)  # t0, t1 (epoch s), width px
    sigEventClicked = Signal(object)  # event id or None

    def __init__(self, base: Any, extent: tuple[float, float], parent: Any = None) -> None:
        self.base = base
        lo, hi = extent
        self.origin = math.floor(lo / DAY) * DAY
        self._vb = TimelineViewBox()
        self._axis = TimeAxisItem(self.origin, orientation="bottom")
        self.track_axis = TrackAxisItem()
        super().__init__(parent=parent, viewBox=self._vb, axisItems={"bottom": self._axis, "left": self.track_axis},
                         background="w")
        self.plotItem.hideButtons()
        self.plotItem.setMenuEnabled(False)
        self.plotItem.showGrid(x=True, y=False, alpha=0.25)
        self.setAccessibleName("Timeline of the collection")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.n_lanes = len(base.tracks)
        self.content = empty_content(self.n_lanes)
        self.style_ = TimelineStyle()
        self.events_item = EventLayerItem(cast(Any, WindowTimeline.of(self.content, base, self.origin)), self.style_)
        self.addItem(self.events_item)
        self.matches: frozenset[str] | None = None
        pad = max(hi - lo, DAY) * 0.05
        self.x_min, self.x_max = lo - pad - self.origin, hi + pad - self.origin
        self._vb.setLimits(xMin=self.x_min, xMax=self.x_max, minXRange=MIN_WIDTH_S,
                           maxXRange=self.x_max - self.x_min)
        self._vb.setXRange(lo - self.origin, hi - self.origin, padding=0.02)
        self._lay_out_lanes()
        self._want = QTimer(self)
        self._want.setSingleShot(True)
        self._want.setInterval(15)  # a drag's many range changes become one question
        self._want.timeout.connect(self._emit_window)
        self._vb.sigXRangeChanged.connect(lambda *_: self._want.start())
        self._vb.sigClicked.connect(self._on_click)
        self.setMouseTracking(True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # -- range ---------------------------------------------------------------
    def window(self) -> tuple[float, float]:
        """The window on screen, epoch s."""
        a, b = self._vb.viewRange()[0]
        return a + self.origin, b + self.origin

    def set_window(self, t0: float, t1: float) -> None:
        """Show ``[t0, t1]`` (epoch s; kept inside the collection's limits)."""
        self._vb.setXRange(t0 - self.origin, t1 - self.origin, padding=0)

    def center_on(self, epoch_s: float) -> None:
        """Pan so ``epoch_s`` is in the middle, keeping the width."""
        a, b = self.window()
        half = (b - a) / 2
        self.set_window(epoch_s - half, epoch_s + half)

    def width_px(self) -> int:
        """Width of the lanes' area, pixels (the density strips' bins)."""
        return max(1, int(self._vb.width()))

    def asking(self) -> bool:
        """True while a change of range waits to be asked for (a drag's changes are gathered)."""
        return self._want.isActive()

    def _emit_window(self) -> None:
        t0, t1 = self.window()
        self.sigWindowWanted.emit(t0, t1, self.width_px())

    def ask_again(self) -> None:
        """Ask for the window on screen now (after the filters or the search changed)."""
        self._want.stop()
        self._emit_window()

    # -- drawing -------------------------------------------------------------
    def show_content(self, content: WindowContent) -> None:
        """Draw ``content`` (replaces what is drawn; the selection is kept)."""
        previous = self.content if self.content.complete else getattr(self.events_item.columns, "previous", None)
        self.content = content
        self.events_item.set_timeline(cast(Any, WindowTimeline.of(content, self.base, self.origin, previous)))
        self._emphasise()

    def set_matches(self, matches: frozenset[str] | None) -> None:
        """Dim the drawn events not in ``matches`` (None: draw all normally)."""
        self.matches = matches
        self._emphasise()

    def _emphasise(self) -> None:
        matches = self.content.matches if self.content.matches is not None else self.matches
        cols = self.events_item.columns
        if matches is None or not self.content.request.query:
            self.events_item.set_emphasis(None)
        else:
            self.events_item.set_emphasis(np.fromiter((i in matches for i in cols.ids), bool, len(cols)))

    def drawn_ids(self) -> list[str]:
        """Ids of the events drawn as markers or bars in the last frame."""
        frame = self.events_item._frame
        if frame is None or frame.hit is None:
            return []
        ids = self.events_item.columns.ids
        return [ids[int(r)] for r in frame.hit["row"].tolist()]

    def select(self, event_id: str | None) -> None:
        """Highlight ``event_id`` (when drawn; None clears)."""
        self.events_item.set_selected(event_id)

    def _lay_out_lanes(self) -> None:
        style = TimelineStyle.for_height(max(self.height(), 300) * 1.35)
        self.style_ = style
        self.events_item.set_style(style)
        lanes = lane_geometry([t.id for t in self.base.tracks])
        self.events_item.set_lanes(lanes)
        self._vb.setLimits(yMin=0, yMax=max(1.0, lanes.extent))
        self._vb.setYRange(0, max(1.0, lanes.extent), padding=0)
        for axis in (self.track_axis, self._axis):  # the main window's colours: #969696 read at 2.96:1
            axis.setPen(pg.mkPen(style.axis_line))
            axis.setTextPen(pg.mkPen(style.axis_text))
            axis.label.setDefaultTextColor(QColor(style.axis_text))
        font = label_font(style.font_px, bold=True, family=style.font_family)
        self.track_axis.setStyle(tickFont=font, tickLength=0)
        self.track_axis.set_lanes(lanes, [t.label for t in self.base.tracks], marks=False,
                                  max_width=max(300.0, 0.2 * self.width()))

    def resizeEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(ev)
        if hasattr(self, "_want"):
            self._lay_out_lanes()
            self._want.start()

    def keyPressEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        """Left / Right pan by a third of the window, + / - zoom about its middle,
        Escape clears the selection (``sigEventClicked(None)``)."""
        a, b = self.window()
        w, mid = b - a, (a + b) / 2
        key = ev.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            shift = w / 3 * (1 if key == Qt.Key.Key_Right else -1)
            self.set_window(a + shift, b + shift)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            half = w / 4 if key != Qt.Key.Key_Minus else w
            self.set_window(mid - half, mid + half)
        elif key == Qt.Key.Key_Escape:
            self.sigEventClicked.emit(None)
        else:
            super().keyPressEvent(ev)
            return
        ev.accept()

    def hovered_title(self, device_pos: QPointF) -> str:
        """Title of the event drawn at ``device_pos`` (view pixels), "" if none."""
        eid = self.events_item.event_at(device_pos)
        if eid is None:
            return ""
        cols = self.events_item.columns
        return self.content.visible.titles[int(cols.event_index[cols.row_of(eid)])]

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        device = QPointF(self.mapFromScene(scene_pos))
        self.events_item.set_hovered(self.events_item.event_at(device))
        self.setToolTip(self.hovered_title(device))

    def _on_click(self, scene_pos: QPointF) -> None:
        self.setFocus()
        device = self.mapFromScene(scene_pos)
        self.sigEventClicked.emit(self.events_item.event_at(QPointF(device)))


class CollectionOverview(pg.PlotWidget):
    """Events per pixel over the whole collection, one row per track, and the
    view's window as a region: drag it to pan, its edges to zoom.

    Signals
    -------
    sigWindowDragged(float, float)
        The region was moved: the new window, epoch s.
    """

    sigWindowDragged = Signal(float, float)  # t0, t1 epoch s

    def __init__(self, base: Any, extent: tuple[float, float], parent: Any = None) -> None:
        super().__init__(parent=parent, background="w")
        self.base = base
        self.extent = extent
        self.setFixedHeight(64)
        self.setAccessibleName("Overview of the collection")
        self.plotItem.hideAxis("left")
        self.plotItem.hideAxis("bottom")
        self.plotItem.hideButtons()
        self.plotItem.setMenuEnabled(False)
        self.plotItem.setMouseEnabled(x=False, y=False)
        self.image = pg.ImageItem()
        self.addItem(self.image)
        lo, hi = extent
        self.region = pg.LinearRegionItem(values=(lo, hi), brush=QColor(40, 90, 200, 40))
        self.region.setZValue(10)
        self.addItem(self.region)
        self.setXRange(lo, hi, padding=0.01)
        self.setYRange(0, max(1, len(base.tracks)), padding=0)
        self.getViewBox().invertY(True)
        self._quiet = False
        self.region.sigRegionChangeFinished.connect(self._dragged)
        self.counts: np.ndarray | None = None

    def bins(self) -> int:
        """How many bins the overview asks for (its width in pixels, at least 200)."""
        return max(200, int(self.width()))

    def show_counts(self, counts: np.ndarray) -> None:
        """Draw ``counts`` (float (lanes, bins) over the collection's extent): darker = more,
        each track's row in its colour, log-scaled to its busiest bin."""
        self.counts = counts
        lanes, bins = counts.shape
        rgba = np.zeros((bins, max(lanes, 1), 4), dtype=np.uint8)
        colours = getattr(self.base, "track_colours", ())
        for k in range(lanes):
            row = counts[k]
            peak = math.log1p(float(row.max())) if row.size and row.max() > 0 else 1.0
            alpha = np.where(row > 0, 60 + 195 * np.log1p(row) / peak, 0)
            c = QColor(colours[k] if k < len(colours) else "#4060a0")
            rgba[:, k, 0], rgba[:, k, 1], rgba[:, k, 2] = c.red(), c.green(), c.blue()
            rgba[:, k, 3] = alpha.astype(np.uint8)
        self.image.setImage(rgba, autoLevels=False)
        lo, hi = self.extent
        self.image.setRect(QRectF(lo, 0, hi - lo, max(lanes, 1)))

    def set_window(self, t0: float, t1: float) -> None:
        """Move the region to the view's window (no signal back)."""
        self._quiet = True
        try:
            self.region.setRegion((t0, t1))
        finally:
            self._quiet = False

    def _dragged(self) -> None:
        if not self._quiet:
            t0, t1 = self.region.getRegion()
            self.sigWindowDragged.emit(float(t0), float(t1))

    def mouseDoubleClickEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        """A double click centres the window there."""
        x = self.getViewBox().mapSceneToView(ev.position()).x() if hasattr(ev, "position") else None
        if x is not None:
            t0, t1 = self.region.getRegion()
            half = (t1 - t0) / 2
            self.sigWindowDragged.emit(float(x - half), float(x + half))
        ev.accept()

