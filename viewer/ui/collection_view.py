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
from PySide6.QtWidgets import QMenu

from ..graphics.axis import TimeAxisItem
from ..graphics.bands import BandLayerItem
from ..graphics.event_text import crowd_note
from ..graphics.events import EventLayerItem
from ..graphics.style import TimelineStyle, label_font, shaped_label
from ..graphics.track_axis import TrackAxisItem
from ..model.lanes import MAX_LANE_WEIGHT, lane_weights
from ..model.stacks import stack_meaning
from ..model.store import VisibleEvents
from ..model.text import plain_tooltip
from ..model.viewstate import XLimits, pan_to_show
from ..model.window import WindowContent, WindowRequest, WindowTimeline
from ..model.zones import drawn_in_utc, offset_at, zone_label
from .lane_layout import LaneLayout, LaneScroll, lay_out_lanes, line_lane_px, strip_px
from .overview import place_beyond_marks, strip_span, year_of
from .timeline_view import TimelineViewBox

__all__ = ["CollectionView", "CollectionOverview", "empty_content", "ZONE_MARGIN_S"]

DAY = 86400.0
MIN_WIDTH_S = 1.0  #: narrowest window, seconds
MATCH_SUBROWS = 2  #: a search's match ticks take the lower half of a track's row in the overview
MATCHES_TIP = "Dark ticks along the rows: where the search's matches are"
LABEL_LINES = 3  #: lines a long track name may wrap onto, as its lane's height allows
ZONE_MARGIN_S = 15 * 3600.0
"""How far a display zone moves a date-only event (at most UTC+14 / UTC-12): a view in such a
zone asks the store for this much more on each side, so events moved into view are there."""


class _BandEvent:
    """What the band layer reads of a band: its id and title."""

    __slots__ = ("id", "title")

    def __init__(self, event_id: str, title: str) -> None:
        self.id, self.title = event_id, title


class _Bands:
    """A window's bands as the band layer reads a timeline (``columns``, ``events[i]``).

    ``events[i]`` is made when the layer asks for it (the bands drawn, a handful), not for
    every event of the answer."""

    def __init__(self, timeline: WindowTimeline) -> None:
        self.columns = timeline.columns
        self.events = self
        self._visible = timeline.columns.content.visible
        self.planned_end_rows = timeline.planned_end_rows  # the planned ends the store found: hatched

    def __getitem__(self, i: int) -> _BandEvent:
        return _BandEvent(self._visible.ids[i], self._visible.titles[i])

    def __len__(self) -> int:
        return len(self._visible.ids)


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
        A click: the event id (or band id, on its title) under it, or None.
    sigTracksChanged()
        A track was collapsed or expanded from its label (``collapsed`` changed).

    Attributes
    ----------
    order : list of int
        The store lanes drawn, top to bottom (the tracks' order; hidden tracks left out).
    collapsed : frozenset of str
        Ids of the tracks drawn as strips.
    zone : str
        Display zone: the axis' ticks, and the days date-only events are drawn on.
    """

    sigWindowWanted = Signal(float, float, int)  # t0, t1 (epoch s), width px
    sigEventClicked = Signal(object)  # event id or None
    sigTracksChanged = Signal()

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
        self.order: list[int] = list(range(self.n_lanes))
        self.collapsed: frozenset[str] = frozenset()
        self.zone = "UTC"
        self.has_bands = False  #: the collection holds bands (room is kept for their titles)
        self.content = empty_content(self.n_lanes)
        #: spans' and bands' planned ends the store found, ``{id: (known_until, planned_until)}`` epoch s
        self.planned_ends: dict[str, tuple[float, float, bool]] = {}
        self.style_ = TimelineStyle()
        self.layout_: LaneLayout | None = None
        self.lane_weights: dict[str, float] = {}  #: track id -> relative lane height (what it holds in view)
        self.scroll = LaneScroll(self, self._vb)
        self.events_item = EventLayerItem(cast(Any, self._timeline(self.content)), self.style_)
        self.addItem(self.events_item)
        self.bands_item = BandLayerItem(cast(Any, _Bands(self._timeline(self.content))), self.style_)
        self.addItem(self.bands_item)
        self.track_axis.sigToggleLane.connect(self.toggle_lane)
        self.track_axis.sigLaneMenu.connect(self.lane_menu)
        self.matches: frozenset[str] | None = None
        #: the store's count of a search's matches in the crowded lanes (show_strip_matches)
        self.strip_matches: tuple[str, float, float, dict[int, np.ndarray]] | None = None
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

    def show_extent(self, lo: float, hi: float) -> None:
        """Bring ``[lo, hi]`` (epoch s, finite) into view whole: pan (not zoom) when it fits with a
        tenth of the width to spare at each edge, else zoom out to it with that margin; nothing
        moves when it is in view already.  (A month-unknown date is its whole year: never one day.)"""
        a, b = self.window()
        if hi - lo > 0.8 * (b - a):
            pad = 0.125 * (hi - lo)
            self.set_window(lo - pad, hi + pad)
            return
        o = self.origin
        limits = XLimits(self.x_min, self.x_max, MIN_WIDTH_S, self.x_max - self.x_min)
        na, nb = pan_to_show(a - o, b - o, lo - o, hi - o, limits)
        if (na, nb) != (a - o, b - o):
            self.set_window(na + o, nb + o)

    def width_px(self) -> int:
        """Width of the lanes' area, pixels (the density strips' bins)."""
        return max(1, int(self._vb.width()))

    def asking(self) -> bool:
        """True while a change of range waits to be asked for (a drag's changes are gathered)."""
        return self._want.isActive()

    def _emit_window(self) -> None:
        t0, t1 = self.window()
        self.follow_zone()
        self.sigWindowWanted.emit(t0, t1, self.width_px())

    def ask_again(self) -> None:
        """Ask for the window on screen now (after the filters or the search changed)."""
        self._want.stop()
        self._emit_window()

    def asked_window(self) -> tuple[float, float]:
        """The window to ask the store for, epoch s: the one on screen, widened by
        :data:`ZONE_MARGIN_S` on each side in a display zone that moves date-only events."""
        t0, t1 = self.window()
        if drawn_in_utc(self.zone):
            return t0, t1
        return t0 - ZONE_MARGIN_S, t1 + ZONE_MARGIN_S

    # -- drawing -------------------------------------------------------------
    def _timeline(self, content: WindowContent, previous: WindowContent | None = None) -> WindowTimeline:
        timeline = WindowTimeline.of(content, self.base, self.origin, previous, zone=self.zone, order=self.order)
        timeline.planned_ends = getattr(self, "planned_ends", {})
        return timeline

    def add_planned_ends(self, found: dict[str, tuple[float, float, bool]]) -> None:
        """Draw these spans' and bands' ends hatched from the source's date (``{id: (known_until,
        planned_until, on_days)}``, epoch s UTC; :func:`~viewer.model.planned_end.collection_planned_ends`)."""
        if found and any(self.planned_ends.get(k) != v for k, v in found.items()):
            self.planned_ends.update(found)
            self._redraw()

    def show_content(self, content: WindowContent) -> None:
        """Draw ``content`` (replaces what is drawn; the selection is kept)."""
        previous = self.content if self.content.complete else getattr(self.events_item.columns, "previous", None)
        self.content = content
        self._redraw(previous)

    def _redraw(self, previous: WindowContent | None = None) -> None:
        """Draw ``self.content`` again in the current order, collapse and zone."""
        timeline = self._timeline(self.content, previous)
        self.events_item.set_timeline(cast(Any, timeline))
        weights = self._weights_in_view(timeline.columns)
        if weights != self.lane_weights:  # a lane's height follows what it holds in view
            self.lane_weights = weights
            self._lay_out_lanes()
        self.bands_item.set_timeline(cast(Any, _Bands(timeline)))
        self._emphasise()

    def _weights_in_view(self, columns: Any) -> dict[str, float]:
        """Relative lane heights of the lanes drawn (track id -> weight in ``[1, MAX_LANE_WEIGHT]``):
        the main window's rule (:func:`~viewer.model.lanes.lane_weights`: how many of a lane's
        events share a day, long spans a row each) over the events the store answered for the
        window; a lane the store gave as a density strip (too many to draw) weighs the most."""
        if not columns.n_lanes:
            return {}
        weights = lane_weights(columns)
        for lane in getattr(columns, "crowded_totals", {}):
            weights[lane] = MAX_LANE_WEIGHT
        return {self.base.tracks[self.order[k]].id: w for k, w in weights.items() if 0 <= k < len(self.order)}

    def band_ids(self) -> list[str]:
        """Ids of the bands drawn in the last answer."""
        cols = self.events_item.columns
        return [cols.ids[r] for r in range(cols.band_count)]

    def track_ids(self) -> list[str]:
        """Track ids of the lanes drawn, top to bottom."""
        return [self.base.tracks[k].id for k in self.order]

    def set_tracks(self, order: list[int], collapsed: frozenset[str] | set[str]) -> None:
        """Draw the store lanes ``order`` top to bottom (others hidden), ``collapsed`` as strips;
        asks the store again when the lanes changed."""
        order = [int(k) for k in order]
        changed_lanes = order != self.order
        if not changed_lanes and frozenset(collapsed) == self.collapsed:
            return
        self.order, self.collapsed = order, frozenset(collapsed)
        self._redraw()  # the lanes of the new order first, then their places
        self._lay_out_lanes()
        if changed_lanes:
            self._want.start()

    def set_zone(self, zone: str) -> None:
        """Show times in ``zone`` (axis ticks and caption, stack counts' times; date-only
        events on its days); asks again."""
        self.zone = zone

        def local_offset(epoch_s: float) -> float:
            return 0.0 if drawn_in_utc(zone) else offset_at(zone, epoch_s)

        self.events_item.local_offset = local_offset  # "2 at 15:41" in the zone, as the main window writes it
        self.follow_zone()
        self._redraw()
        self.ask_again()

    def follow_zone(self) -> None:
        """Name the zone under the axis as in force at the view's centre (CET / CEST)."""
        a, b = self.window()
        caption = "Time: " + zone_label(self.zone, (a + b) / 2)
        if caption != getattr(self._axis, "_zone_label", None):
            self._axis.set_zone(self.zone, caption)

    def set_has_bands(self, has: bool) -> None:
        """Keep room at the top for band titles (``has``) or not."""
        if bool(has) != self.has_bands:
            self.has_bands = bool(has)
            self._lay_out_lanes()

    def set_matches(self, matches: frozenset[str] | None) -> None:
        """Dim the drawn events not in ``matches`` (None: draw all normally)."""
        self.matches = matches
        self._emphasise()

    def show_strip_matches(self, query: str, t0: float, t1: float, counts: dict[int, np.ndarray]) -> None:
        """The store's count of ``query``'s matches in the crowded lanes: store lane -> counts
        (float (bins,)) over equal bins of ``[t0, t1]`` (epoch s).  Drawn over the dimmed strips
        (replacing an earlier answer) while the search is ``query``."""
        self.strip_matches = (query, float(t0), float(t1), dict(counts))
        self._emphasise()
        self.events_item.forget_matches()

    def _emphasise(self) -> None:
        matches = self.content.matches if self.content.matches is not None else self.matches
        cols = self.events_item.columns
        query = self.content.request.query
        found = self.strip_matches
        if hasattr(cols, "match_strips"):  # (a window's columns: the store's strips)
            cols.match_strips = found[1:] if found is not None and query and found[0] == query else None
        if matches is None or not query:
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
        """Highlight ``event_id`` (when drawn; None clears); a track hidden in a strip or
        scrolled out of view is not opened (the detail pane shows the event)."""
        self.events_item.set_selected(event_id)
        self.bands_item.set_selected(event_id)
        self.bands_item.update()

    def _drawn_lane(self, event_id: str) -> int | None:
        """The lane (top = 0) ``event_id`` is drawn in, or None (not drawn, or a band)."""
        cols = self.events_item.columns
        if event_id not in cols.ids:
            return None
        lane = int(cols.lane[cols.row_of(event_id)])
        return lane if 0 <= lane < len(self.order) else None

    def track_of(self, event_id: str) -> str | None:
        """Track id of the lane ``event_id`` is drawn in, or None (not drawn, or a band)."""
        lane = self._drawn_lane(event_id)
        return None if lane is None else self.base.tracks[self.order[lane]].id

    def show_lane_of(self, event_id: str) -> None:
        """Scroll (when the tracks do not fit) to the lane of ``event_id`` if it is drawn."""
        lane = self._drawn_lane(event_id)
        if lane is not None:
            self.scroll.scroll_to_lane(lane)

    # -- lanes ---------------------------------------------------------------
    def _lay_out_lanes(self) -> None:
        style = TimelineStyle.for_height(max(self.height(), 300) * 1.35)
        self.style_ = style
        self.events_item.set_style(style)
        self.bands_item.set_style(style)
        tab = self.bands_item.tab_height() if self.has_bands else 0.0
        layout = lay_out_lanes(self.track_ids(), self.collapsed, self._vb.height() or self.height(),
                               strip=strip_px(style), line=line_lane_px(style), tab_px=tab,
                               weights=self.lane_weights)
        self.layout_ = layout
        lanes = layout.lanes
        self.events_item.set_lanes(lanes)
        self.scroll.apply(layout)
        for axis in (self.track_axis, self._axis):  # the main window's colours: #969696 read at 2.96:1
            axis.setPen(pg.mkPen(style.axis_line))
            axis.setTextPen(pg.mkPen(style.axis_text))
            axis.label.setDefaultTextColor(QColor(style.axis_text))
        font = label_font(style.font_px, bold=True, family=style.font_family)
        self.track_axis.setStyle(tickFont=font, tickLength=0)
        # a long name wraps onto the lines its lane has room for, else loses whole words at its end
        # ("Battle-Governed Gold Coast …", the whole name on hover): not "Battle-Gove…ins territory"
        self.track_axis.max_lines, self.track_axis.cut_at_end = LABEL_LINES, True
        self.track_axis.set_lanes(lanes, [self.track_label(k) for k in self.order], marks=True,
                                  max_width=max(300.0, 0.2 * self.width()))

    def track_label(self, k: int) -> str:
        """The name of store lane ``k``'s track on the left axis, as the main window writes it
        (:meth:`~viewer.ui.timeline_view.TimelineView.track_label`): its marker shape first when
        its colour repeats an earlier track's ("● Track 9")."""
        shapes = getattr(self.base, "track_shapes", ())
        return shaped_label(self.base.tracks[k].label, shapes[k] if 0 <= k < len(shapes) else "diamond")

    def toggle_lane(self, lane: int) -> None:
        """Collapse or expand the track drawn in lane ``lane`` (top = 0)."""
        if 0 <= lane < len(self.order):
            tid = self.base.tracks[self.order[lane]].id
            self._set_collapsed(self.collapsed ^ {tid})

    def _set_collapsed(self, collapsed: frozenset[str]) -> None:
        self.set_tracks(self.order, collapsed)
        self.sigTracksChanged.emit()

    def lane_menu(self, lane: int, screen_pos: Any = None) -> QMenu:
        """The context menu of a lane's label: collapse / expand it, collapse all others,
        expand all.  Shown at ``screen_pos`` (a QPoint) if given."""
        menu = QMenu(self)
        tid = self.base.tracks[self.order[lane]].id
        ids = frozenset(self.track_ids())
        collapsed = tid in self.collapsed
        menu.addAction("Expand track" if collapsed else "Collapse track",
                       lambda: self._set_collapsed(self.collapsed ^ {tid}))
        menu.addAction("Collapse all others", lambda: self._set_collapsed(ids - {tid}))
        expand_all = menu.addAction("Expand all tracks", lambda: self._set_collapsed(frozenset()))
        expand_all.setEnabled(bool(self.collapsed))
        if screen_pos is not None:
            menu.popup(screen_pos)
        return menu

    def resizeEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(ev)
        if hasattr(self, "_want"):
            self._lay_out_lanes()
            self.scroll.place()
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
        """Title of the event drawn at ``device_pos`` (view pixels), "" if none; over a strip's
        stack label (``"40 on Thu 10 Feb 2022"``) the label and what it counts
        (:func:`~viewer.model.stacks.stack_meaning`: what "around" means)."""
        for text, rect in self.events_item.drawn_stack_rects:
            if rect.contains(device_pos):
                return f"{text}\n{stack_meaning(text)}"
        eid = self.events_item.event_at(device_pos)
        if eid is None:
            return ""
        cols = self.events_item.columns
        row = cols.row_of(eid)
        title = self.content.visible.titles[int(cols.event_index[row])]
        crowd = self.events_item.hidden_crowd(row)  # its +N badge had no room beside the markers
        return title + (f"\n{crowd_note(crowd)}" if crowd else "")

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        device = QPointF(self.mapFromScene(scene_pos))
        self.events_item.set_hovered(self.events_item.event_at(device))
        self.setToolTip(self.hovered_title(device))

    def _on_click(self, scene_pos: QPointF) -> None:
        self.setFocus()
        device = QPointF(self.mapFromScene(scene_pos))
        band = self.bands_item.band_at(device)
        self.sigEventClicked.emit(band if band is not None else self.events_item.event_at(device))


class CollectionOverview(pg.PlotWidget):
    """Events per pixel around the collection's home weeks, one row per track, and the
    view's window as a region: drag it to pan, its edges to zoom.

    Its range is the main window's overview rule (:func:`~viewer.ui.overview.strip_span`):
    the home range plus a quarter of its width on each side (else everything), widened
    to hold the view's window whenever that goes beyond; what lies beyond an edge is
    marked there (``◀ from 2014``, ``to 2031 ▶``), so one event "since 2014" does not
    squeeze ten days of February into a few pixels.

    Parameters
    ----------
    base : Timeline
        The collection's timeline without events (tracks, colours, home range).
    extent : (float, float)
        First and last drawn moment of the collection, epoch s.

    Signals
    -------
    sigWindowDragged(float, float)
        The region was moved: the new window, epoch s.
    sigShownRangeChanged(float, float)
        The strip's own range changed (epoch s): its counts are to be asked again.
    """

    sigWindowDragged = Signal(float, float)  # t0, t1 epoch s
    sigShownRangeChanged = Signal(float, float)  # lo, hi epoch s (PlotWidget has its own sigRangeChanged)

    def __init__(self, base: Any, extent: tuple[float, float], parent: Any = None) -> None:
        super().__init__(parent=parent, background="#f4f5f7")
        self.base = base
        self.extent = extent
        self.setFixedHeight(64)
        self.setAccessibleName("Overview of the collection; the shaded window is the part shown above")
        self.plotItem.hideAxis("left")
        self.plotItem.hideAxis("bottom")
        self.plotItem.hideButtons()
        self.plotItem.setMenuEnabled(False)
        self.plotItem.setMouseEnabled(x=False, y=False)
        self.plotItem.setContentsMargins(0, 0, 0, 0)
        self.image = pg.ImageItem()
        self.addItem(self.image)
        self.match_image = pg.ImageItem()  # a search's matches: dark ticks along the foot of each row
        self.match_image.setZValue(5)
        self.addItem(self.match_image)
        self.matches: np.ndarray | None = None
        lo, hi = extent
        pad = max(hi - lo, DAY) * 0.05  # the view's limits (CollectionView)
        self.limits = (lo - pad, hi + pad)
        home_start, home_end = getattr(base, "home_start", None), getattr(base, "home_end", None)
        self.home = (home_start.earliest, home_end.latest) if home_start is not None and home_end is not None \
            else None
        self.region = pg.LinearRegionItem(values=(lo, hi), brush=pg.mkBrush(40, 90, 160, 50),
                                          pen=pg.mkPen("#284f8f", width=2), swapMode="block")
        self.region.setZValue(10)
        self.region.setBounds(self.limits)
        self.addItem(self.region)
        self.beyond = (pg.TextItem(anchor=(0, 0), color="#1b1f24", fill=pg.mkBrush(244, 245, 247, 230)),
                       pg.TextItem(anchor=(1, 0), color="#1b1f24", fill=pg.mkBrush(244, 245, 247, 230)))
        for item in self.beyond:
            item.setZValue(20)
            self.addItem(item, ignoreBounds=True)
        self.setYRange(0, max(1, len(base.tracks)), padding=0)
        self.getViewBox().invertY(True)
        self._quiet = False
        self.region.sigRegionChangeFinished.connect(self._dragged)
        self.counts: np.ndarray | None = None
        self.counts_range: tuple[float, float] | None = None  #: epoch s the counts were asked over
        self.data_range: tuple[float, float] | None = None  #: first and last event marker, epoch s (set_reach)
        self.shown_range = (0.0, 0.0)
        self._show_range(strip_span(self.limits, self.home))

    def bins(self) -> int:
        """How many bins the overview asks for (its width in pixels, at least 200)."""
        return max(200, int(self.width()))

    def _show_range(self, rng: tuple[float, float]) -> bool:
        """Show ``rng`` (epoch s) and mark what lies beyond its edges; False if shown already."""
        if rng == self.shown_range:
            return False
        self.shown_range = lo, hi = rng
        self.setXRange(lo, hi, padding=0)
        self._mark_beyond()
        return True

    def set_reach(self, first: float, last: float) -> None:
        """The first and last event marker of the collection (epoch s): what lies beyond the
        strip's edges is marked by them (open ends run on without a date to name, as in the
        main window's strip; until this is known nothing is marked)."""
        self.data_range = (float(first), float(last))
        self._mark_beyond()

    def _mark_beyond(self) -> None:
        """``◀ from YEAR`` / ``to YEAR ▶`` at an edge beyond which event markers lie (plain text)."""
        lo, hi = self.shown_range
        first, last = self.data_range if self.data_range is not None else (lo, hi)
        place_beyond_marks(self.beyond, (lo, hi), (first, last), (year_of(first), year_of(last)))

    def show_counts(self, counts: np.ndarray, over: tuple[float, float] | None = None) -> None:
        """Draw ``counts`` (float (lanes, bins) over ``over``, epoch s; default: the strip's
        range): darker = more, each track's row in its colour, log-scaled to its busiest bin."""
        self.counts = counts
        self.counts_range = lo, hi = over if over is not None else self.shown_range
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
        self.image.setRect(QRectF(lo, 0, hi - lo, max(lanes, 1)))

    def show_matches(self, counts: np.ndarray | None, over: tuple[float, float] | None = None) -> None:
        """Mark where a search's matches are: a dark tick, 3 pixels wide, in the lower half of each
        track's row at every bin of ``counts`` (float (lanes, bins) over ``over``, epoch s; default: the strip's
        range) that holds one; None takes the ticks away (no search)."""
        self.matches = counts
        if counts is None or not counts.size or not np.any(counts > 0):
            self.match_image.clear()
            return
        lo, hi = over if over is not None else self.shown_range
        lanes, bins = counts.shape
        hit = counts > 0
        wide = hit.copy()  # a bin is a pixel: each tick three wide, so one match is seen
        wide[:, 1:] |= hit[:, :-1]
        wide[:, :-1] |= hit[:, 1:]
        rgba = np.zeros((bins, MATCH_SUBROWS * max(lanes, 1), 4), dtype=np.uint8)
        rgba[:, MATCH_SUBROWS - 1::MATCH_SUBROWS, :3] = (27, 31, 36)  # #1b1f24, the overview's text
        rgba[:, MATCH_SUBROWS - 1::MATCH_SUBROWS, 3] = np.where(wide.T, 255, 0).astype(np.uint8)
        self.match_image.setImage(rgba, autoLevels=False)
        self.match_image.setRect(QRectF(lo, 0, hi - lo, max(lanes, 1)))

    def row_tip(self, y: float) -> str:
        """What hovering the overview at ``y`` (the view box's y, rows from the top: row ``k``
        spans ``k`` to ``k + 1``) says: the row's track named as the lanes name it, its marker
        shape first when its colour repeats another track's ("● Track 9": rows of one colour
        are told apart by name), then what dark ticks mean during a search; "" off the rows."""
        k = int(math.floor(y))
        tracks = self.base.tracks
        if not 0 <= k < len(tracks):
            return ""
        shapes = getattr(self.base, "track_shapes", ())
        name = shaped_label(tracks[k].label, shapes[k] if k < len(shapes) else "diamond")
        return name + (f"\n{MATCHES_TIP}" if self.matches is not None and np.any(self.matches > 0) else "")

    def mouseMoveEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        """Name the row under the pointer in the tooltip (:meth:`row_tip`)."""
        super().mouseMoveEvent(ev)
        if hasattr(ev, "position"):
            y = self.getViewBox().mapSceneToView(self.mapToScene(ev.position().toPoint())).y()
            tip = self.row_tip(y)
            self.setToolTip(plain_tooltip(tip) if tip else "")

    def set_window(self, t0: float, t1: float) -> None:
        """Move the region to the view's window (no signal back); widen the strip to hold it
        (``sigShownRangeChanged`` then)."""
        self._quiet = True
        try:
            self.region.setRegion((t0, t1))
        finally:
            self._quiet = False
        if self._show_range(strip_span(self.limits, self.home, (t0, t1))):
            self.sigShownRangeChanged.emit(*self.shown_range)

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

