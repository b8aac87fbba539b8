"""The timeline widget: lanes of events over a date axis, zoomable in x.

The widget takes a :class:`~viewer.model.timeline.Timeline` and a
:class:`~viewer.model.viewstate.ViewState` and listens to the state; it never
reads files.  Mouse: wheel zooms x around the cursor, drag pans, click
selects, double-click fits everything, hover shows a tooltip.  The view is
kept inside :class:`~viewer.model.viewstate.XLimits` (pyqtgraph's
``setLimits``), so it cannot be lost.

Lanes are placed by :func:`~viewer.model.lanes.lane_geometry` from the shown
tracks, ``state.collapsed_tracks`` and the track order of ``state.filters``:
the event layer, its hit test and the track labels all read the same
:attr:`TimelineView.lanes`.  A new track order only permutes the lanes on
screen (``lanes.track_ids`` is the order shown; ``lanes.order`` the lane
number at each position): no new timeline is drawn.  A track is
collapsed or expanded from its label (click on ▸ / ▾, double-click, context
menu) or with C (the selected event's track).  Selecting an event in a
collapsed lane expands that lane, so the selection is always shown with its
label; collapsing the selected event's lane afterwards keeps the selection,
drawn as a ringed marker in the strip.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem, QMenu, QScrollBar, QToolTip

from ..graphics.axis import TimeAxisItem
from ..graphics.bands import BandLayerItem
from ..graphics.event_text import crowd_note
from ..graphics.events import EventLayerItem
from ..graphics.style import TimelineStyle, label_font, shaped_label
from ..graphics.track_axis import TrackAxisItem
from ..model.columns import FLAG_YEAR_UNKNOWN
from ..model.lanes import DEFAULT_STRIP_PX, LaneGeometry, lane_geometry, lane_weights
from ..model.stacks import next_in_stack, stack_rows
from ..model.text import visible_controls
from ..model.timeline import Timeline
from ..model.viewstate import ViewState, XLimits, clamp_range, pan_to_show, precision_floor
from ..model.zones import describe_date, drawn_in_utc, offset_at, zone_label
from .access import FocusRingMixin
from .lane_layout import SCROLL_STEPS, LaneLayout, clear_plot_of_bar

_SCROLL_STEPS = SCROLL_STEPS  #: scroll bar steps per lane unit (as a collection's window)

__all__ = ["TimelineView", "TimelineViewBox", "TOOLTIP_MS", "view_limits", "range_after_swap"]

TOOLTIP_MS = 3_600_000
"""How long an event's tooltip may stay while the mouse rests on it (ms): until the mouse leaves."""



def view_limits(timeline: Timeline) -> XLimits:
    """Where the view of ``timeline`` may go (its columns' extent and home range)."""
    cols = timeline.columns
    home = None
    if timeline.home_start is not None and timeline.home_end is not None:
        home = (timeline.home_start.earliest - cols.origin_epoch_s, timeline.home_end.latest - cols.origin_epoch_s)
    return XLimits.for_columns(cols, home)


def _limits_key(timeline: Timeline) -> tuple:
    """What :func:`view_limits` depends on but the narrowest precision: the events' extent (kept
    by the columns), their origin and the home range; an edit that leaves them is not measured."""
    return (timeline.columns.extent(), timeline.columns.origin_epoch_s, timeline.home_start, timeline.home_end)


def range_after_swap(x_range: tuple[float, float], timeline: Timeline) -> tuple[float, float]:
    """The x range a frame of ``timeline`` covers once it is swapped in while
    ``x_range`` is shown (:meth:`TimelineView.set_x_range` after
    :meth:`TimelineView.set_timeline`): clamped to its limits, as the view
    rectangle's left and right (x and x + width)."""
    a, b = clamp_range(x_range[0], x_range[1], view_limits(timeline))
    return a, a + (b - a)

TRACK_NAME_LINES = 3  #: lines a long track name may wrap onto, as its lane's height allows


class TimelineViewBox(pg.ViewBox):
    """A ViewBox that pans and zooms in x only and reports clicks.

    Signals
    -------
    sigClicked(QPointF)
        A single left click; payload: position in scene coordinates.
    sigDoubleClicked()
        A double left click (the view fits everything).
    """

    sigClicked = Signal(object)  # QPointF, scene coordinates
    sigDoubleClicked = Signal()

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=True, y=False)
        self.invertY(True)
        #: object with ``start(scene_pos) -> bool``, ``move(scene_pos)``, ``finish(scene_pos)``:
        #: a left drag that ``start`` accepts edits instead of panning (viewer.ui.canvas_edit)
        self.drag_handler = None
        self._handler_drag = False

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 (pyqtgraph name)
        handler = self.drag_handler
        if handler is not None and ev.button() == Qt.MouseButton.LeftButton:
            if ev.isStart():
                self._handler_drag = bool(handler.start(ev.buttonDownScenePos()))
            if self._handler_drag:
                ev.accept()
                if ev.isFinish():
                    self._handler_drag = False
                    handler.finish(ev.scenePos())
                else:
                    handler.move(ev.scenePos())
                return
        super().mouseDragEvent(ev, axis)

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            if ev.double():
                self.sigDoubleClicked.emit()
            else:
                self.sigClicked.emit(ev.scenePos())
        else:
            super().mouseClickEvent(ev)


class TimelineView(FocusRingMixin, pg.PlotWidget):
    """Lanes, bands, date axis; selection and navigation.

    Takes the keyboard (click or Tab) and then shows a focus ring
    (:class:`~viewer.ui.access.FocusRingMixin`).

    Parameters
    ----------
    timeline : Timeline
    state : ViewState
        Shared with the rest of the window; its ``x_range`` is seconds from
        ``timeline.columns.origin_epoch_s``.
    """

    sigFrameComputed = Signal()  # the events layer laid out a new frame (which lanes are strips may change)

    def __init__(self, timeline: Timeline, state: ViewState, parent=None) -> None:
        self._ready = False
        self._vb = TimelineViewBox()
        self._axis = TimeAxisItem(timeline.columns.origin_epoch_s, orientation="bottom")
        self.track_axis = TrackAxisItem()
        # a long track name wraps onto the lines its lane has room for, then loses whole words
        # at its end, the whole name on hover (as in the collection window): the middle cut
        # "▾ Ministry of Fore…ation and Press" kept neither the name's sense nor its words
        self.track_axis.max_lines, self.track_axis.cut_at_end = TRACK_NAME_LINES, True
        self._tip_key: tuple[str, str] | None = None  # (event id, zone) of the tooltip shown
        self.disclosure_marks = True  #: ▸ / ▾ before track labels (off in pictures and presentations)
        self.lanes: LaneGeometry = lane_geometry([t.id for t in timeline.tracks])
        self._laid_order: tuple[str, ...] = ()  # the filters' track order the lanes were laid out in
        super().__init__(parent=parent, viewBox=self._vb,
                         axisItems={"bottom": self._axis, "left": self.track_axis}, background="w")
        self.state = state
        self.style_ = TimelineStyle()
        self.plotItem.hideButtons()
        self.plotItem.setMenuEnabled(False)
        self.plotItem.showGrid(x=True, y=False, alpha=0.25)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Timeline")
        for axis in (self.plotItem.getAxis("left"), self._axis):
            axis.setPen(pg.mkPen("#555"))
            axis.setTextPen(pg.mkPen("#1b1f24"))  # dark text: dates must read from the back of a room
        self.events_item: EventLayerItem | None = None
        self.bands_item: BandLayerItem | None = None
        self.timeline = timeline
        self.limits = XLimits.for_columns(timeline.columns)
        self._vb.sigClicked.connect(self._on_click)
        self._vb.sigXRangeChanged.connect(self._on_range_changed)
        self.track_axis.sigToggleLane.connect(self.toggle_lane)
        self.track_axis.sigLaneMenu.connect(self.lane_menu)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._open_lane_on_select = True  # a new selection in a collapsed track expands it
        # lanes thinner than a line of text (thousands of tracks): a screenful
        # of lanes, one line each, and a vertical scroll bar over the rest
        self.vscroll = QScrollBar(Qt.Orientation.Vertical, self)
        self.vscroll.setAccessibleName("Scroll tracks")
        self.vscroll.hide()
        self.vscroll.valueChanged.connect(self._on_vscroll)
        self._y_top = 0.0  # first lane unit in view while scrolling
        self._y_window: tuple[float, float] | None = None  # (units in view, pixels per unit) while scrolling
        #: callable(scene_pos) -> bool: a double-click it handles does not fit everything
        self.double_click_handler = None
        state.subscribe(self._on_state)
        self.set_timeline(timeline)
        self._ready = True

    def restore_selection(self, event_id: str | None) -> None:
        """Select ``event_id`` again (after a reload) without expanding its collapsed track:
        unlike a new selection, it puts back what the user had, strip included."""
        self._open_lane_on_select = False
        try:
            self.state.selected = event_id
        finally:
            self._open_lane_on_select = True

    # -- model ---------------------------------------------------------
    def set_timeline(self, timeline: Timeline) -> None:
        """Show another timeline (replaces every item; selection is the state's)."""
        self.timeline = timeline
        cols = timeline.columns
        # a lane's height follows how many of its events share a day (lane_weights)
        self.lane_weights = {timeline.tracks[k].id: w for k, w in lane_weights(cols).items()
                             if k < len(timeline.tracks)}
        for item in (self.events_item, self.bands_item):
            if item is not None:
                self.removeItem(item)
        self.bands_item = BandLayerItem(timeline, self.style_)
        self.events_item = EventLayerItem(timeline, self.style_)
        self.events_item.sigFrameComputed.connect(self.sigFrameComputed.emit)
        self._zone_to_events()
        self.addItem(self.bands_item)
        self.addItem(self.events_item)
        self._axis.set_origin(cols.origin_epoch_s)
        self._apply_limits(view_limits(timeline), _limits_key(timeline))
        self._apply_style()
        self.events_item.set_selected(self.state.selected)
        self.bands_item.set_selected(self.state.selected)

    def keep_axes_drawn(self) -> None:
        """Keep what the two axes drew as pixels between paints (Qt's device
        coordinate cache): a paint for the event layer only (a swap, a search's
        dimming, a hover) blits them instead of replaying their pictures
        (the time axis's grid spans the plot, so it is repainted with every
        layer paint).  Anything that changes them (range, zone, font, lanes,
        size) calls their ``update`` and they are drawn again.  Only for a view
        on screen: a picture rendered to SVG / PDF would get raster axes."""
        for axis in (self._axis, self.track_axis):
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def edit_timeline(self, timeline: Timeline) -> None:
        """Show an edited version of the shown timeline (same tracks): the
        event layer takes the new columns in place, the bands are redrawn; lane
        heights and view range stay (:meth:`set_timeline` recomputes them,
        e.g. after the edits settle); the limits follow an edit that changes
        the events' extent (an event moved far outside, or back by undo), so
        panning and Home reach every event.  Falls back to
        :meth:`set_timeline` when the tracks differ."""
        old = self.timeline
        if self.events_item is None or [t.id for t in old.tracks] != [t.id for t in timeline.tracks]:
            a, b = self.x_range()
            self.set_timeline(timeline)
            self.set_x_range(a, b)
            return
        self.timeline = timeline
        self.events_item.set_timeline(timeline)
        if _limits_key(timeline) != self._limits_key:  # (view_limits reads every event: only when it may differ)
            self._set_limits(view_limits(timeline), _limits_key(timeline))
        self.removeItem(self.bands_item)
        self.bands_item = BandLayerItem(timeline, self.style_)
        self.addItem(self.bands_item)
        self.events_item.set_selected(self.state.selected)
        self.bands_item.set_selected(self.state.selected)

    _limits_key: tuple = ()  #: what :attr:`limits` were computed from (:func:`_limits_key`)

    def _apply_limits(self, lim: XLimits, key: tuple) -> None:
        self.limits, self._limits_key = lim, key
        self._vb.setLimits(xMin=lim.x_min, xMax=lim.x_max, minXRange=lim.min_width, maxXRange=lim.max_width)

    def _set_limits(self, lim: XLimits, key: tuple) -> None:
        """New limits for the shown timeline, the range shown kept as far as they allow."""
        if lim != self.limits:
            a, b = self.x_range()
            self._apply_limits(lim, key)
            self.set_x_range(a, b)
        self._limits_key = key

    def make_style(self) -> TimelineStyle:
        """The style for the current size (subclasses may theme it; called on every resize);
        dark colours when :meth:`set_dark` asked for them."""
        style = TimelineStyle.for_height(max(self.height(), 300) * 1.35)
        return style.dark_desk() if getattr(self, "dark", False) else style

    def set_dark(self, dark: bool) -> None:
        """Draw in the desk's dark colours (a dark desktop) or the light ones."""
        self.dark = bool(dark)
        style = self.make_style()
        self.setBackground(style.background)
        for name in ("left", "bottom"):
            axis = self.plotItem.getAxis(name)
            axis.setPen(pg.mkPen(style.axis_line))
            axis.setTextPen(pg.mkPen(style.axis_text))
            axis.label.setDefaultTextColor(QColor(style.axis_text))
        self._apply_style()

    def _apply_style(self) -> None:
        style = self.make_style()
        self.style_ = style
        if self.events_item is not None:
            self.events_item.set_style(style)
        if self.bands_item is not None:
            self.bands_item.set_style(style)
        font = label_font(style.font_px, bold=True, family=style.font_family)
        left = self.plotItem.getAxis("left")
        left.setStyle(tickFont=font, tickLength=0)
        self._axis.set_font_size(max(10, int(style.font_px * 0.95 * 72 / 96 + 0.5)))
        self._update_y_range()

    def strip_px(self) -> float:
        """Height of a collapsed lane, pixels: room for its label and a marker."""
        style = self.style_
        fm = QFontMetricsF(label_font(style.font_px, bold=True, family=style.font_family))
        return max(DEFAULT_STRIP_PX, fm.height() + 2, 2.0 * style.marker_px + 6)

    def line_lane_px(self) -> float:
        """Height of a lane with one line of labelled events, pixels: below it
        the tracks scroll instead of shrinking (the event layer's sub-row)."""
        style = self.style_
        fm = QFontMetricsF(label_font(style.font_px, family=style.font_family))
        return 8.0 + max(fm.height() * 1.3, 2.0 * style.marker_px + 6) + 1.0

    def track_label(self, lane: int) -> str:
        """Text of the label of lane number ``lane`` (the drawn timeline's
        ``tracks[lane]``) on the left axis (subclasses add to it); a track
        whose colour repeats another's (the palette ran out) shows its marker
        shape first ("● Liz Truss"), as its points are drawn."""
        label = self.timeline.tracks[lane].label
        shapes = getattr(self.timeline, "track_shapes", ())
        shape = shapes[lane] if 0 <= lane < len(shapes) else "diamond"
        return shaped_label(label, shape)

    def _update_y_range(self) -> None:
        """Lay the lanes out for the current height and collapse state; track labels follow."""
        tab = self.bands_item.tab_height() if self.bands_item is not None and self.timeline.columns.band_count else 0
        h = max(self._vb.height(), 100.0)
        ids = [t.id for t in self.timeline.tracks]
        self._laid_order = self.state.filters.track_order
        self.lanes = lane_geometry(ids, self.state.collapsed_tracks, height_px=max(h - tab, 1.0),
                                   strip_px=self.strip_px(), weights=getattr(self, "lane_weights", None),
                                   order=self._laid_order)
        extent = max(self.lanes.extent, 1.0)
        lane_px = max((h - tab) / extent, 1.0)
        line_px = self.line_lane_px()
        if lane_px < line_px and len(ids) > 1:
            # too many tracks for the height: lanes one line high, scrolled
            lane_px = line_px
            units = max((h - tab) / lane_px, 1.0)
            self._y_window = (units, lane_px)
            self._y_top = min(max(self._y_top, 0.0), max(extent - units, 0.0))
            self._vb.setLimits(yMin=-tab / lane_px, yMax=extent)
            # whole lanes, as in a collection's window: the last one on screen ends at the time axis
            self._vb.setYRange(*LaneLayout(self.lanes, float(tab), lane_px, units).y_range(self._y_top), padding=0)
            self.vscroll.blockSignals(True)
            self.vscroll.setRange(0, int(round((extent - units) * _SCROLL_STEPS)))
            self.vscroll.setPageStep(int(units * _SCROLL_STEPS))
            self.vscroll.setSingleStep(_SCROLL_STEPS)
            self.vscroll.setValue(int(round(self._y_top * _SCROLL_STEPS)))
            self.vscroll.blockSignals(False)
            self.vscroll.show()
            self._place_vscroll()
            self._clear_of_vscroll(True)
        else:
            self._y_window = None
            self._y_top = 0.0
            self.vscroll.hide()
            self._clear_of_vscroll(False)
            top = -tab / lane_px
            self._vb.setLimits(yMin=top, yMax=extent)
            self._vb.setYRange(top, extent, padding=0)
        if self.events_item is not None:
            self.events_item.set_lanes(self.lanes)
        # the column fits the widest label (with its mark) up to a cap; longer names wrap,
        # then are cut at their end with "…" (pyqtgraph drops a label wider than its axis)
        order = self.lanes.order if self.lanes.order is not None else range(len(ids))
        self.track_axis.set_lanes(self.lanes, [self.track_label(int(k)) for k in order],
                                  marks=self.disclosure_marks, max_width=self.max_label_width())
        self.settle()

    def settle(self) -> None:
        """Apply now what would otherwise be applied while painting: the plot's
        pending layout and the view box's transform for its new range.

        pyqtgraph moves the view box's content to a new range lazily, when the
        next paint starts (``ViewBox.prepareForPaint``); moving it there marks
        the scene dirty again, and Qt paints the view a second time right
        after the first (at 10^6 events each paint of the event layer is tens of
        milliseconds).  Called after a new timeline, lane layout or range is
        set, it makes the next paint the only one."""
        layout = self.plotItem.layout
        if layout is not None:
            layout.activate()
        self._vb.updateMatrix()

    def _clear_of_vscroll(self, shown: bool) -> None:
        """End the plot at the scroll bar's left edge while it is shown (it lies over
        the view): a label placed to fit the plot was cut under it ("275 on Sun 27
        Nov 202" read as the year 202); :func:`~viewer.ui.lane_layout.clear_plot_of_bar`."""
        layout = self.plotItem.layout
        if layout is None:
            return
        if not hasattr(self, "_plot_margins"):
            self._plot_margins = layout.getContentsMargins()  # (left, top, right, bottom) px
        clear_plot_of_bar(self.plotItem, self._plot_margins, self.vscroll.sizeHint().width() if shown else 0.0)

    def _place_vscroll(self) -> None:
        w = self.vscroll.sizeHint().width()
        self.vscroll.setGeometry(self.width() - w, 0, w, self.height())

    def _on_vscroll(self, value: int) -> None:
        if self._y_window is None:
            return
        units, lane_px = self._y_window
        self._y_top = value / _SCROLL_STEPS
        tab = self.bands_item.tab_height() if self.bands_item is not None and self.timeline.columns.band_count else 0
        self._vb.setYRange(*LaneLayout(self.lanes, float(tab), lane_px, units).y_range(self._y_top), padding=0)

    def scroll_to_lane(self, lane: int) -> None:
        """Scroll vertically (when the tracks do not fit) so lane number ``lane`` is in view."""
        if self._y_window is None or not 0 <= lane < len(self.lanes):
            return
        units, lane_px = self._y_window
        pos = self.lanes.position(lane)
        top, bottom = float(self.lanes.top[pos]), float(self.lanes.top[pos] + self.lanes.height[pos])
        shown_top, shown_end = LaneLayout(self.lanes, 0.0, lane_px, units).lanes_shown(self._y_top)
        if top < shown_top - 1e-9 or bottom > shown_end + 1e-9:  # (whole lanes are shown: not one cut at the end)
            self.vscroll.setValue(int(round(max(0.0, top - units / 2 + (bottom - top) / 2) * _SCROLL_STEPS)))

    def max_label_width(self) -> float | None:
        """Widest track-label column, pixels: 300, or a fifth of the view's width on
        a large screen (where the type grows); None for no cap (subclasses)."""
        return max(300.0, 0.2 * self.width())

    # -- track collapse ------------------------------------------------------
    def toggle_lane(self, lane: int) -> None:
        """Collapse or expand the track of the lane at position ``lane`` on screen (top = 0)."""
        if 0 <= lane < len(self.lanes):
            self.state.toggle_track_collapsed(self.lanes.track_ids[lane])

    def toggle_selected_track(self) -> bool:
        """Collapse or expand the selected event's track (key C); False when there is none."""
        track = self._selected_track()
        if track is None:
            return False
        self.state.toggle_track_collapsed(track)
        return True

    def _selected_track(self) -> str | None:
        eid = self.state.selected
        if eid is None or not self.timeline.has_event(eid):
            return None
        track = self.timeline.event(eid).track
        return track if self.lanes.index(track or "") is not None else None

    def lane_menu(self, lane: int, screen_pos=None) -> QMenu:
        """The context menu of the label of the lane at position ``lane`` (top = 0):
        collapse / expand it, collapse all others, expand all.  Shown at
        ``screen_pos`` (a QPoint) if given."""
        menu = QMenu(self)
        tid = self.lanes.track_ids[lane]
        collapsed = bool(self.lanes.collapsed[lane])
        menu.addAction("Expand track" if collapsed else "Collapse track",
                       lambda: self.state.set_track_collapsed(tid, not collapsed))
        menu.addAction("Collapse all others", lambda: self.state.collapse_all_except(tid, self.lanes.track_ids))
        expand_all = menu.addAction("Expand all tracks", lambda: setattr(self.state, "collapsed_tracks", ()))
        expand_all.setEnabled(bool(self.lanes.collapsed.any()))
        if screen_pos is not None:
            menu.popup(screen_pos)
        return menu

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        if getattr(self, "vscroll", None) is not None and self.vscroll.isVisible():
            self._place_vscroll()
        if getattr(self, "_ready", False):
            self._apply_style()

    # -- navigation ----------------------------------------------------
    def x_range(self) -> tuple[float, float]:
        """Visible window (seconds from the origin)."""
        r = self._vb.viewRange()[0]
        return float(r[0]), float(r[1])

    def set_x_range(self, a: float, b: float) -> None:
        """Show ``[a, b]`` (seconds from the origin), clamped to the limits."""
        a, b = clamp_range(a, b, self.limits)
        self._vb.setXRange(a, b, padding=0)

    def fit_all(self) -> None:
        """Show every event (Home, double-click)."""
        lo, hi = self.timeline.columns.extent()
        pad = max(0.03 * (hi - lo), 3600.0)
        # never zoomed below the dates' precision (one date-only event: days, not hours)
        grow = max(0.0, precision_floor(self.timeline.columns) - (hi - lo + 2 * pad)) / 2
        self.set_x_range(lo - pad - grow, hi + pad + grow)

    def go_home(self) -> None:
        """Show the timeline's home range (its ``home`` field), else everything."""
        tl = self.timeline
        if tl.home_start is not None and tl.home_end is not None:
            o = tl.columns.origin_epoch_s
            a, b = tl.home_start.earliest - o, tl.home_end.latest - o
            pad = 0.02 * (b - a)
            self.set_x_range(a - pad, b + pad)
        else:
            self.fit_all()

    def step(self, direction: int) -> None:
        """Select the next (+1) or previous (-1) event in time order and show it."""
        eid = self.timeline.columns.neighbour_in_time(self.state.selected, direction)
        if eid is not None:
            self.state.selected = eid
            self.ensure_visible(eid)

    def ensure_visible(self, event_id: str) -> None:
        """Pan (not zoom) so the event is in view: a point's marker; for a
        span or band, nothing if part of it is already in view, else its
        first known moment."""
        cols = self.timeline.columns
        row = cols.row_of(event_id)
        if int(cols.flags[row]) & FLAG_YEAR_UNKNOWN:
            return  # placed nowhere (its year is unknown): the view stays where it is
        if self._y_window is not None and int(cols.lane[row]) >= 0:
            self.scroll_to_lane(int(cols.lane[row]))
        a, b = self.x_range()
        if cols.kind[row] == 0:
            x0 = x1 = float(cols.xm[row])
        else:
            margin = 0.05 * (b - a)
            if cols.x0[row] <= b - margin and cols.x1[row] >= a + margin:
                return  # partly on screen already: do not jump
            x0 = float(cols.xm[row])  # its first known moment (open sides are infinite)
            x1 = x0
        na, nb = pan_to_show(a, b, x0, x1, self.limits)
        if (na, nb) != (a, b):
            self._vb.setXRange(na, nb, padding=0)

    def follow_edit(self, event_id: str) -> None:
        """After the event's dates were edited: if it is now out of view, pan
        (same zoom) so it is in view; zoom out only if it is wider than the view."""
        cols = self.timeline.columns
        if not self.timeline.has_event(event_id):
            return
        row = cols.row_of(event_id)
        if int(cols.flags[row]) & FLAG_YEAR_UNKNOWN:
            return  # placed nowhere (its year is unknown): the view stays where it is
        a, b = self.x_range()
        x0, x1 = float(cols.x0[row]), float(cols.x1[row])
        if cols.kind[row] == 0:
            x0 = x1 = float(cols.xm[row])
        if not (np.isfinite(x0) and np.isfinite(x1)):
            self.ensure_visible(event_id)  # an open side: show its first known moment
            return
        if self._y_window is not None and int(cols.lane[row]) >= 0:
            self.scroll_to_lane(int(cols.lane[row]))
        if x0 <= b and x1 >= a and (x1 - x0 <= b - a or (x0 >= a and x1 <= b)):
            return  # in view already
        width = b - a
        if x1 - x0 > 0.8 * width:  # wider than the view: show all of it
            pad = 0.05 * (x1 - x0)
            self.set_x_range(x0 - pad, x1 + pad)
            return
        na, nb = pan_to_show(a, b, x0, x1, self.limits)
        if (na, nb) != (a, b):
            self._vb.setXRange(na, nb, padding=0)

    def mouseDoubleClickEvent(self, ev) -> None:  # noqa: N802
        # handled here, not only in the ViewBox: pyqtgraph reports the
        # second press of a double-click as a single click on some platforms
        super().mouseDoubleClickEvent(ev)
        if ev.button() == Qt.MouseButton.LeftButton:
            handler = self.double_click_handler
            if handler is not None and handler(self.mapToScene(ev.position().toPoint())):
                return  # handled (an event added in a lane: viewer.ui.canvas_edit)
            self.fit_all()

    def keyPressEvent(self, ev) -> None:  # noqa: N802
        key = ev.key()
        if key == Qt.Key.Key_Right:
            self.step(+1)
        elif key == Qt.Key.Key_Left:
            self.step(-1)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.state.selected = None
        elif key == Qt.Key.Key_C and not ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.toggle_selected_track()
        else:
            super().keyPressEvent(ev)
            return
        ev.accept()

    # -- hit testing ---------------------------------------------------
    def event_at(self, scene_pos: QPointF) -> str | None:
        """Id of the event (or band title) under a scene position, or None."""
        device = QPointF(self.mapFromScene(scene_pos))
        if self.events_item is not None:
            eid = self.events_item.event_at(device)
            if eid is not None:
                return eid
        if self.bands_item is not None:
            return self.bands_item.band_at(device)
        return None

    def marker_scene_pos(self, event_id: str) -> QPointF | None:
        """Scene position of an event's marker as last drawn (for tests and tooltips)."""
        if self.events_item is None:
            return None
        dev = self.events_item.marker_position(event_id)
        return None if dev is None else QPointF(self.mapToScene(dev.toPoint()))

    # -- slots ---------------------------------------------------------
    def _zone_to_events(self, repaint: bool = True) -> None:
        """Stack counts ("5,000 at 10:00") are written in the display zone (from the next paint)."""
        zone = self.state.display_zone
        item = self.events_item
        if item is not None:
            def local_offset(epoch_s: float) -> float:
                return 0.0 if drawn_in_utc(zone) else offset_at(zone, epoch_s)

            item.local_offset = local_offset
            if repaint:
                item._frame = None
                item.update()

    def _on_click(self, scene_pos: QPointF) -> None:
        self.setFocus()
        eid = self.event_at(scene_pos)
        row = self._drawn_row(eid)
        item = self.events_item
        if row is not None and item is not None and item.drawn_heaped(row):
            # several events drawn on top of each other at one instant: each click selects the next
            cols = item.columns
            eid = cols.ids[next_in_stack(cols, row, self._drawn_row(self.state.selected))]
        self.state.selected = eid

    def _drawn_row(self, eid: str | None) -> int | None:
        """Row of ``eid`` in the drawn columns, or None (a band, nothing, or filtered out)."""
        if eid is None or self.events_item is None:
            return None
        try:
            return self.events_item.columns.row_of(eid)
        except KeyError:
            return None

    def _on_range_changed(self, *_args) -> None:
        self.state.x_range = self.x_range()

    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if "selected" in changed and self.events_item is not None and self.bands_item is not None:
            self.events_item.set_selected(state.selected)
            self.bands_item.set_selected(state.selected)
            track = self._selected_track()
            if track is not None and track in state.collapsed_tracks and self._open_lane_on_select:
                state.set_track_collapsed(track, False)  # a new selection opens its lane
        if getattr(self, "_ready", False) and ("collapsed_tracks" in changed or (
                "filters" in changed and state.filters.track_order != self._laid_order)):
            self._update_y_range()  # a new track order: the same lanes, permuted
        if "x_range" in changed and state.x_range != self.x_range():
            self.set_x_range(*state.x_range)
        if "display_zone" in changed:
            self._zone_to_events(repaint=not self.zone_sets_timeline)

    #: True when a display-zone change is followed by :meth:`set_timeline` of the
    #: timeline on the zone's days (the main window's, viewer.ui.shown), which
    #: repaints: the old timeline is then not painted once more with new labels
    zone_sets_timeline = False

    def _stack_note(self, eid: str) -> str:
        """Tooltip line for an event drawn at one instant with others: their count and how to reach them."""
        row = self._drawn_row(eid)
        if row is None or self.events_item is None:
            return ""
        cols = self.events_item.columns
        rows = stack_rows(cols, int(cols.lane[row]), float(cols.xm[row]))
        if len(rows) <= 1:
            return ""
        k = int(np.searchsorted(rows, row)) + 1
        return (f"<br><small>{k:,} of {len(rows):,} events at this instant on this track: "
                f"click again for the next (or use the Events list)</small>")

    def viewportEvent(self, ev) -> bool:  # noqa: N802 (Qt name)
        if ev.type() == QEvent.Type.ToolTip:
            # the mouse rests: Qt's scene would hide our tooltip (its items have none), so it is ours to show
            self._on_mouse_moved(self.mapToScene(ev.pos()))
            return True
        return super().viewportEvent(ev)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        eid = self.event_at(scene_pos)
        if self.events_item is not None:
            self.events_item.set_hovered(eid)
        if eid is None:
            QToolTip.hideText()
            self._tip_key = None
            return
        key = (eid, self.state.display_zone)
        if key == self._tip_key and QToolTip.isVisible():
            return  # same event under the mouse: the tooltip already says it (no rebuild per move)
        self._tip_key = key
        ev = self.timeline.event(eid)
        zone, tz = self.state.display_zone, self.timeline.time_zone
        when = describe_date(ev.start, zone, tz)
        if ev.end is not None:
            when += " → " + describe_date(ev.end, zone, tz)
        tip = f"<b>{html.escape(visible_controls(ev.title))}</b><br>{html.escape(when)}"
        tip += f"<br><small>{html.escape(zone_label(zone, ev.sort_point))}</small>"
        if ev.start.phrase:
            tip += f"<br><i>“{html.escape(visible_controls(ev.start.phrase))}”</i>"
        if self.timeline.is_planned(ev):
            tip += "<br><small>planned or expected, not an observed fact</small>"
        tip += self._stack_note(eid)
        row = self._drawn_row(eid)
        crowd = self.events_item.hidden_crowd(row) if row is not None and self.events_item is not None else 0
        if crowd:  # its +N badge had no room beside the markers
            tip += f"<br><small>{html.escape(crowd_note(crowd))}</small>"
        # shown until the mouse leaves the event (the next move away hides it), not for a few seconds
        QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos)), tip, self, QRect(), TOOLTIP_MS)

