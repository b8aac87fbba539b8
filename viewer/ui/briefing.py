"""The briefing theme of present mode: its colours and its timeline view.

:func:`theme_colours` gives the colours of the dark and the light theme
(background, text, muted text, accent, caption panel), and
:class:`BriefingTimelineView` is the shared
:class:`~viewer.ui.timeline_view.TimelineView` drawn in the briefing style
(:meth:`~viewer.graphics.style.TimelineStyle.for_briefing`): type sized to
the screen's height, Okabe-Ito colours and a marker shape per track, and
track names in a column of at most a quarter of the width (longer names
wrap, then lose words from their middle).  The presentation window is
:mod:`viewer.ui.present`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent

from ..graphics.axis import TimeAxisItem
from ..graphics.frame import fit_lane_heights, slot_heights
from ..graphics.style import SHAPE_GLYPHS, TimelineStyle
from ..model.timeline import Timeline
from ..model.viewstate import ViewState
from .present_fit import frame_metrics, lanes_need, view_limits
from .timeline_view import TimelineView

__all__ = ["BriefingTimelineView", "LABEL_COLUMN_FRACTION", "LABEL_LINES", "THEMES", "theme_colours"]

THEMES = ("dark", "light")
LABEL_COLUMN_FRACTION = 0.25
"""Widest track-name column, as a fraction of the view's width: the chart keeps the rest."""
LABEL_LINES = 3
"""Lines a track name too long for its column wraps onto (fewer in a lower lane); then words
are left out of its middle ("…")."""


def theme_colours(theme: str) -> dict[str, str]:
    """Colours of the briefing theme ``"dark"`` or ``"light"``: ``bg``, ``text``, ``muted``, ``accent``
    and ``panel`` (the caption's and the header's), as ``#rrggbb``."""
    style = TimelineStyle.for_briefing(1080, theme)
    muted = "#b8c0ca" if theme == "dark" else "#3b4350"
    accent = "#ffd27a" if theme == "dark" else "#7a4f00"
    return {"bg": style.background, "text": style.text, "muted": muted, "accent": accent,
            "panel": "#1a1f26" if theme == "dark" else "#eef1f5"}


class BriefingTimelineView(TimelineView):
    """The timeline widget in the briefing theme: sizes follow the *screen* height.

    Parameters
    ----------
    timeline : Timeline
    state : ViewState
    theme : {"dark", "light"}
    colour_blind : bool
        Okabe-Ito track colours and one marker shape per track.
    screen_height : callable() -> float
        Height in pixels of the screen the presentation fills.
    """

    def __init__(self, timeline: Timeline, state: ViewState, theme: str = "dark", colour_blind: bool = True,
                 screen_height=None) -> None:
        self.theme = theme
        self.colour_blind = colour_blind
        self._screen_height = screen_height or (lambda: 1080.0)
        # colours and shapes belong to tracks, not lanes: a step showing
        # fewer tracks keeps each track's colour and shape
        self.all_tracks = [t.id for t in timeline.tracks]
        # kept when in the palette; uncoloured tracks pass the colours the desk
        # view gives them (viewer.model.timeline.track_colours), so the wall
        # screen matches the desk view, hand-outs and exported pictures
        self._own_colours = timeline.track_colours
        self.fit_window: tuple[float, float] | None = None  # the step's window the lanes are sized for
        self.on_resized: Callable[[], None] | None = None  #: called after the view is laid out for a new size
        super().__init__(timeline, state)
        style = self.make_style()
        self.setBackground(style.background)
        self.plotItem.showGrid(x=True, y=False, alpha=0.35 if theme == "dark" else 0.25)
        for name in ("left", "bottom"):
            axis = self.plotItem.getAxis(name)
            axis.setPen(style.axis_line)
            axis.setTextPen(style.axis_text)
            axis.label.setDefaultTextColor(QColor(style.axis_text))
        # every track label is shown, however large the type (pyqtgraph drops
        # labels past a fill fraction by default)
        self.plotItem.getAxis("left").setStyle(textFillLimits=[(0, 1.0)])
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the presentation window

    @property
    def time_axis(self) -> TimeAxisItem:
        """The time axis under the lanes (finest period, relative D-day row)."""
        return self._axis

    def restyle(self) -> None:
        """Size the type and the track-label column again (after the window or the screen changed)."""
        self._apply_style()

    def make_style(self) -> TimelineStyle:
        """The briefing style for the screen height (see :meth:`TimelineStyle.for_briefing`)."""
        full = TimelineStyle.for_briefing(max(float(self._screen_height()), 300.0), self.theme,
                                          self.colour_blind, n_tracks=max(1, len(self.all_tracks)),
                                          own_colours=self._own_colours or (None,))
        if not full.track_colors:
            return full
        where = {tid: i for i, tid in enumerate(self.all_tracks)}
        lanes = [where.get(t.id, i) for i, t in enumerate(self.timeline.tracks)]
        return replace(full, track_colors=tuple(full.track_colors[k % len(full.track_colors)] for k in lanes),
                       track_shapes=tuple(full.track_shapes[k % len(full.track_shapes)] for k in lanes))

    def set_timeline(self, timeline: Timeline) -> None:
        """Show another timeline; track labels carry their marker shape (◆ ● ■ ...).  Its lanes
        keep the whole timeline's weights until :meth:`fit_lanes_to` is given a window."""
        self.fit_window = None  # a window of the timeline shown before
        self.disclosure_marks = False  # an audience sees no ▸ / ▾
        super().set_timeline(timeline)
        # room past the last event for its label (present_fit.view_limits)
        self.limits = lim = view_limits(timeline)
        self._vb.setLimits(xMin=lim.x_min, xMax=lim.x_max, minXRange=lim.min_width, maxXRange=lim.max_width)

    def track_label(self, lane: int) -> str:
        """The track's label after its marker shape (◆ ● ■ ...), placed by the lane geometry."""
        style = self.style_
        glyph = SHAPE_GLYPHS.get(style.track_shape(lane), "") if style.track_shapes else ""
        return f"{glyph} {self.timeline.tracks[lane].label}".strip()

    def max_label_width(self) -> float:
        """Widest track-label column, pixels: :data:`LABEL_COLUMN_FRACTION` of the view's width.

        The column is as wide as its longest label up to that; a longer name
        wraps onto up to :data:`LABEL_LINES` lines (as many as its lane is
        high) and then ends in "…", its full name on hover
        (:class:`~viewer.graphics.track_axis.TrackAxisItem`)."""
        return LABEL_COLUMN_FRACTION * max(self.width(), 1)

    def fit_lanes_to(self, a: float, b: float) -> None:
        """Size the lanes for the window ``[a, b]`` (seconds from the shown timeline's origin),
        the step's: each lane gets the sub-rows its events in that window need for a label of
        their own (:func:`~viewer.graphics.frame.rows_wanted`), a lane with nothing there a
        line for its name (:func:`~viewer.graphics.frame.fit_lane_heights`).  The whole
        timeline's busiest day no longer decides: a quiet NATO lane took as much height as the
        United States lane, whose two events of 10 Feb then shared a marker under "+1"."""
        self.fit_window = (a, b) if b > a else None
        self._update_y_range()

    def _fitted_weights(self) -> dict[str, float] | None:
        """Lane heights (pixels, as relative weights) for :attr:`fit_window` at the current size."""
        item = self.events_item
        if self.fit_window is None or item is None:
            return None
        a, b = self.fit_window
        width = float(self._vb.width())
        tab = self.bands_item.tab_height() if self.bands_item is not None and self.timeline.columns.band_count else 0
        height = float(self._vb.height()) - tab
        if width <= 0 or height <= 0:
            return None
        cols = self.timeline.columns
        sel = self.state.selected
        try:
            sel_row = cols.row_of(sel) if sel else None
        except KeyError:
            sel_row = None
        rows, _full, _least = lanes_need(cols, item, self.style_, a, b, width, sel_row, self.strip_px())
        full, least = slot_heights(frame_metrics(self.style_))
        heights = fit_lane_heights(rows, height, full, least, self.strip_px())
        self._spare_px = max(0.0, height - sum(heights)) if heights else 0.0
        return {t.id: max(h, 1.0) for t, h in zip(self.timeline.tracks, heights, strict=False)}

    def _update_y_range(self) -> None:
        self._spare_px = 0.0
        weights = self._fitted_weights()
        if weights is not None:
            self.lane_weights = weights
        super()._update_y_range()
        spare = self._spare_px
        if spare >= 1.0 and self._y_window is None:
            # height no lane takes (fit_lane_heights caps them): the lanes are centred in it
            tab = self.bands_item.tab_height() if self.bands_item is not None and \
                self.timeline.columns.band_count else 0
            h = max(self._vb.height(), 100.0)
            extent = max(self.lanes.extent, 1.0)
            lane_px = max((h - tab - spare) / extent, 1.0)
            top = -(tab + spare / 2) / lane_px
            bottom = extent + spare / 2 / lane_px
            self._vb.setLimits(yMin=top, yMax=bottom)
            self._vb.setYRange(top, bottom, padding=0)

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        if self.on_resized is None or not getattr(self, "_ready", False):
            return
        for _ in range(3):
            size = self.size()
            self.on_resized()  # the plot's width is known now: the presentation frames its step for it
            if self.size() == size:
                break
            # the presentation laid itself out again meanwhile (the caption's height for this size) and
            # the view got another size inside this event, for which Qt sends none: the plot is laid out
            # for it here.  It kept the first size: with few events the lanes ran under the caption and
            # the time axis was hidden (no dates at 1920x1080, the tops of the day labels at 1366x768).
            super().resizeEvent(QResizeEvent(self.size(), size))

    def _apply_style(self) -> None:
        # the column is its widest label plus 1.2 em (the margin grows with the type),
        # rounded down as it always was: the axis rounds up, so one pixel less
        self.track_axis.margin_px = self.make_style().font_px * 1.2 - 1.0
        self.track_axis.max_lines = LABEL_LINES
        self.track_axis.cut_at_end = False  # the wall keeps a name's start and end (issue 16)
        super()._apply_style()
