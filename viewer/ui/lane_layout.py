"""Lanes on screen: their heights, collapsed strips, and a scroll bar when they do not fit.

The rule of the main window's timeline (:class:`~viewer.ui.timeline_view.TimelineView`),
kept in one place so a collection's window (:class:`~viewer.ui.collection_view.CollectionView`)
lays its lanes out the same way:

* the lanes share the view's height (:func:`~viewer.model.lanes.lane_geometry`); a
  collapsed track is a strip high enough for its label and a marker (:func:`strip_px`);
* band titles take a tab of ``tab_px`` pixels above the lanes;
* when the lanes would be lower than one line of labelled events (:func:`line_lane_px`),
  each is one line high and a vertical scroll bar moves over them
  (:class:`LaneScroll`).

Units: lane units on the y axis (an expanded lane of weight 1 is one unit), pixels on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QScrollBar, QWidget

from ..graphics.style import TimelineStyle, label_font
from ..model.lanes import DEFAULT_STRIP_PX, LaneGeometry, lane_geometry

__all__ = ["LaneLayout", "LaneScroll", "clear_plot_of_bar", "lay_out_lanes", "line_lane_px", "strip_px",
           "SCROLL_STEPS"]

SCROLL_STEPS = 1000
"""Scroll bar steps per lane unit."""


def strip_px(style: TimelineStyle) -> float:
    """Height of a collapsed lane, pixels: room for its label and a marker."""
    fm = QFontMetricsF(label_font(style.font_px, bold=True, family=style.font_family))
    return max(DEFAULT_STRIP_PX, fm.height() + 2, 2.0 * style.marker_px + 6)


def line_lane_px(style: TimelineStyle) -> float:
    """Height of a lane with one line of labelled events, pixels: below it the
    tracks scroll instead of shrinking."""
    fm = QFontMetricsF(label_font(style.font_px, family=style.font_family))
    return 8.0 + max(fm.height() * 1.3, 2.0 * style.marker_px + 6) + 1.0


@dataclass(frozen=True)
class LaneLayout:
    """Where the lanes are and which part of them the view shows.

    Attributes
    ----------
    lanes : LaneGeometry
        The lanes top to bottom (lane units).
    tab_px : float
        Pixels above the lanes kept for band titles.
    lane_px : float
        Pixels per lane unit.
    units : float or None
        Lane units in view when the lanes scroll; None when they all fit.
    """

    lanes: LaneGeometry
    tab_px: float
    lane_px: float
    units: float | None

    @property
    def extent(self) -> float:
        """Lane units of all the lanes (at least 1)."""
        return max(self.lanes.extent, 1.0)

    @property
    def scrolls(self) -> bool:
        """True when the lanes do not fit and a scroll bar moves over them."""
        return self.units is not None

    def y_range(self, top: float = 0.0) -> tuple[float, float]:
        """The y range shown (lane units) from about lane unit ``top`` (under the band tab);
        ``top`` is kept inside the lanes.

        While the lanes scroll, the range holds whole lanes: it starts at the lane top nearest
        ``top`` (scrolled to the end: the first lane top after it, so the last lane shows) and
        ends at the bottom of the last lane that fits in :attr:`units`, the lanes drawn that much
        taller (never lower than one line).  A lane cut by the bottom edge was drawn half under
        the time axis, its name centred on the cut.  A single lane taller than the view is shown
        from ``top`` as it is."""
        tab = self.tab_px / self.lane_px
        if self.units is None:
            return -tab, self.extent
        top, end = self.lanes_shown(top)
        tab *= (end - top) / self.units  # the tab keeps its pixels in the taller lanes
        return top - tab, end

    def lanes_shown(self, top: float = 0.0) -> tuple[float, float]:
        """``(first lane's top, last lane's bottom)`` in lane units of the whole lanes shown from
        about lane unit ``top`` (:meth:`y_range` without the band tab); all the lanes when they fit."""
        if self.units is None:
            return 0.0, self.extent
        top = self.clamp(top)
        tops = np.asarray(self.lanes.top, dtype=float)
        bottoms = tops + np.asarray(self.lanes.height, dtype=float)
        if top + self.units >= self.extent - 2.0 / SCROLL_STEPS:  # scrolled to the end (the bar in whole steps)
            later = tops[tops >= top - 1e-9]
            top = float(later.min()) if len(later) else top
        elif len(tops):
            top = float(tops[int(np.argmin(np.abs(tops - top)))])
        fits = bottoms[(bottoms > top + 1e-9) & (bottoms <= top + self.units + 1e-9)]
        if not len(fits):  # one lane taller than the view
            return top, top + self.units
        return top, float(fits.max())

    def clamp(self, top: float) -> float:
        """``top`` (lane units) kept where the view still ends at or before the last lane."""
        if self.units is None:
            return 0.0
        return min(max(top, 0.0), max(self.extent - self.units, 0.0))


def lay_out_lanes(track_ids: Sequence[str], collapsed: Iterable[str], height_px: float, *, strip: float,
                  line: float, tab_px: float = 0.0, weights: Mapping[str, float] | None = None) -> LaneLayout:
    """The lanes of ``track_ids`` (top to bottom) in a view ``height_px`` pixels high.

    Parameters
    ----------
    track_ids : sequence of str
        Tracks shown, top to bottom (hidden ones left out by the caller).
    collapsed : iterable of str
        Ids of collapsed tracks (drawn as strips ``strip`` pixels high).
    height_px : float
        Height of the plot area, pixels (taken as at least 100).
    strip, line : float
        :func:`strip_px` and :func:`line_lane_px` of the view's style, pixels.
    tab_px : float
        Pixels at the top for band titles (0 without bands).
    weights : mapping, optional
        Relative lane heights (:func:`~viewer.model.lanes.lane_weights`).

    Raises
    ------
    ValueError
        As :func:`~viewer.model.lanes.lane_geometry` (a repeated track id, a bad height).
    """
    h = max(float(height_px), 100.0)
    room = max(h - tab_px, 1.0)
    lanes = lane_geometry(list(track_ids), frozenset(collapsed), height_px=room, strip_px=strip, weights=weights)
    extent = max(lanes.extent, 1.0)
    lane_px = max(room / extent, 1.0)
    units = None
    if lane_px < line and len(lanes) > 1:  # too many tracks for the height: one line each, scrolled
        lane_px = line
        units = max(room / lane_px, 1.0)
    return LaneLayout(lanes, float(tab_px), lane_px, units)


def clear_plot_of_bar(plot_item: Any, margins: tuple[float, float, float, float], bar_px: float) -> None:
    """End the plot at a vertical scroll bar's left edge while the bar shows (it lies over the
    widget's right edge): labels placed to fit the plot, the time axis' dates and the strips'
    stack labels, were cut under it ("13 on Sun 27 Nov 202", the year "2023" read "202").

    ``plot_item``: the widget's :class:`pyqtgraph.PlotItem`; ``margins``: its layout's own
    contents margins (left, top, right, bottom) pixels, as before any bar; ``bar_px``: the bar's
    width in pixels, 0 while it is hidden (the own margins back)."""
    layout = plot_item.layout
    if layout is None:
        return
    left, top, right, bottom = margins
    if bar_px > 0:
        right = max(right, float(bar_px))
    if layout.getContentsMargins() != (left, top, right, bottom):
        layout.setContentsMargins(left, top, right, bottom)


class LaneScroll:
    """The vertical scroll bar of a view whose lanes do not fit (see the module docstring).

    Parameters
    ----------
    widget : QWidget
        The plot widget; the bar sits on its right edge.
    view_box : pyqtgraph.ViewBox
        Whose y range it sets.
    """

    def __init__(self, widget: QWidget, view_box: Any) -> None:
        self.widget = widget
        self.view_box = view_box
        plot_item = getattr(widget, "plotItem", None)
        layout = getattr(plot_item, "layout", None)
        #: the plot's own margins (left, top, right, bottom) px: the right one widens to the bar's width
        #: while it shows (:func:`clear_plot_of_bar`)
        self._margins = layout.getContentsMargins() if layout is not None else None
        self.bar = QScrollBar(Qt.Orientation.Vertical, widget)
        self.bar.setAccessibleName("Scroll tracks")
        self.bar.hide()
        self.bar.valueChanged.connect(self._on_value)
        self.layout: LaneLayout | None = None
        self.top = 0.0  #: first lane unit in view while scrolling

    def apply(self, layout: LaneLayout) -> None:
        """Show ``layout``: the view's y limits and range, the bar shown or hidden."""
        self.layout = layout
        vb = self.view_box
        y0, _ = layout.y_range(0.0)
        vb.setLimits(yMin=y0, yMax=layout.extent)
        if layout.units is None:
            self.top = 0.0
            self.bar.hide()
            self._clear(False)
            vb.setYRange(*layout.y_range(), padding=0)
            return
        self.top = layout.clamp(self.top)
        vb.setYRange(*layout.y_range(self.top), padding=0)
        self.bar.blockSignals(True)
        self.bar.setRange(0, int(round((layout.extent - layout.units) * SCROLL_STEPS)))
        self.bar.setPageStep(int(layout.units * SCROLL_STEPS))
        self.bar.setSingleStep(SCROLL_STEPS)
        self.bar.setValue(int(round(self.top * SCROLL_STEPS)))
        self.bar.blockSignals(False)
        self.bar.show()
        self.place()
        self._clear(True)

    def _clear(self, shown: bool) -> None:
        """Keep the plot clear of the bar while it shows (:func:`clear_plot_of_bar`)."""
        if self._margins is not None:
            clear_plot_of_bar(cast(Any, self.widget).plotItem, self._margins,
                              self.bar.sizeHint().width() if shown else 0.0)

    def place(self) -> None:
        """Put the bar on the widget's right edge (after a resize)."""
        w = self.bar.sizeHint().width()
        self.bar.setGeometry(self.widget.width() - w, 0, w, self.widget.height())

    def scroll_by(self, lanes: float) -> None:
        """Scroll by ``lanes`` lane units (positive: down)."""
        if self.layout is not None and self.layout.units is not None:
            self.bar.setValue(self.bar.value() + int(round(lanes * SCROLL_STEPS)))

    def scroll_to_lane(self, lane: int) -> None:
        """Scroll (when the lanes do not fit) so lane ``lane`` (top = 0) is in view."""
        layout = self.layout
        if layout is None or layout.units is None or not 0 <= lane < len(layout.lanes):
            return
        top = float(layout.lanes.top[lane])
        bottom = top + float(layout.lanes.height[lane])
        if top < self.top or bottom > self.top + layout.units:
            self.bar.setValue(int(round(max(0.0, top - layout.units / 2 + (bottom - top) / 2) * SCROLL_STEPS)))

    def _on_value(self, value: int) -> None:
        layout = self.layout
        if layout is None or layout.units is None:
            return
        self.top = layout.clamp(value / SCROLL_STEPS)
        self.view_box.setYRange(*layout.y_range(self.top), padding=0)
