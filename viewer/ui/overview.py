"""The overview strip: the shown timeline, thin, under the main view.

Its own range is the timeline's home range plus a quarter of its width on
each side (else the whole timeline), widened to take in the main view's
window whenever that goes beyond: one event "since 2014" no longer flattens
a strip about ten days of February.  What lies beyond the strip is marked at
its edge (``◀ from 2014``, ``to 2031 ▶``).

One row per track, each event a bar in its track's colour over its drawn
interval (at least 1/600 of the strip, so one-day events in a decade still
show: the strip shows density, not exact extents).  The main view's window is
a :class:`pyqtgraph.LinearRegionItem`: drag it to pan, drag its edges to zoom;
panning or zooming the main view moves it.  Both go through
``state.x_range``, whose equality check stops the feedback loop.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..model.calendar import civil_from_epoch
from ..model.columns import BAND_LANE, FLAG_YEAR_UNKNOWN
from ..model.kept import kept
from ..model.lanes import display_order
from ..model.planned_end import planned_end_rows
from ..model.timeline import Timeline
from ..model.viewstate import ViewState, XLimits, clamp_range, zoom_about
from .access import FocusRingMixin
from .after_paint import after_first_paint
from .timeline_view import view_limits

__all__ = ["OverviewStrip", "install", "overview_bars", "strip_range", "strip_span", "year_of", "place_beyond_marks",
           "HOME_MARGIN"]

HOME_MARGIN = 0.25
"""Room on each side of the home range, as a fraction of its width."""


def year_of(epoch_s: float) -> str:
    """Calendar year of a moment (proleptic Gregorian, UTC): ``"2014"``, ``"44 BCE"``."""
    y = civil_from_epoch(epoch_s).year  # by days: datetime64[s] overflows beyond about +-2.9e11 years
    return str(y) if y > 0 else f"{1 - y} BCE"


_year = year_of  # the name tests and older callers use


def strip_range(timeline: Timeline, limits: XLimits, view: tuple[float, float] | None = None) -> tuple[float, float]:
    """The x range (seconds from the columns' origin) the overview strip shows.

    The home range widened by :data:`HOME_MARGIN` of its width on each side
    (inside ``limits``), or all of ``limits`` without a home range; widened
    further to hold ``view`` (the main view's window) with 10 % to spare
    (:func:`strip_span`, the rule a collection's overview shares).
    """
    home = None
    if timeline.home_start is not None and timeline.home_end is not None:
        o = timeline.columns.origin_epoch_s
        home = (timeline.home_start.earliest - o, timeline.home_end.latest - o)
    return strip_span((limits.x_min, limits.x_max), home, view)


def place_beyond_marks(marks: tuple, shown: tuple[float, float], data: tuple[float, float],
                       years: tuple[object, object]) -> None:
    """Write and place the two edge marks of an overview strip: ``◀ from YEAR`` at the left
    edge when the data's first marker ``data[0]`` lies before the strip's ``shown[0]``
    (epoch s), ``to YEAR ▶`` at the right edge likewise; each hidden when nothing is beyond.
    ``marks`` are the (left, right) ``pg.TextItem`` s; ``years`` the years written."""
    (lo, hi), (first, last), (left, right) = shown, data, marks
    left.setText(f"◀ from {years[0]}" if first < lo else "")
    right.setText(f"to {years[1]} ▶" if last > hi else "")
    left.setPos(lo, 0)
    right.setPos(hi, 0)
    left.setVisible(first < lo)
    right.setVisible(last > hi)


def strip_span(limits: tuple[float, float], home: tuple[float, float] | None,
               view: tuple[float, float] | None = None) -> tuple[float, float]:
    """The x range an overview strip shows (any one unit: seconds, from any origin).

    ``limits`` (lo, hi): where the view may go.  ``home`` (start, end): the
    timeline's home range or None; widened by :data:`HOME_MARGIN` of its width on
    each side and kept inside ``limits`` (all of ``limits`` without one, or when it
    is empty or not finite).  ``view`` (a, b): the view's window; the range is
    widened to hold it with 10 % of its width to spare (inside ``limits``).
    """
    lo, hi = limits
    if home is not None:
        a, b = home
        if np.isfinite(a) and np.isfinite(b) and b > a:
            m = HOME_MARGIN * (b - a)
            lo, hi = max(lo, a - m), min(hi, b + m)
    if view is not None:
        pad = 0.1 * (view[1] - view[0])
        lo, hi = min(lo, max(limits[0], view[0] - pad)), max(hi, min(limits[1], view[1] + pad))
    return lo, hi


_MAX_BARS = 2000  #: lanes with more events are drawn as occupied bins
_BINS = 600  #: bins across the strip for such lanes
_SETTLE_MS = 300  #: after an edit, the strip is redrawn once edits pause this long

def overview_bars(timeline: Timeline) -> tuple[list[tuple[str, np.ndarray, np.ndarray, np.ndarray]],
                                               tuple[np.ndarray, np.ndarray] | None]:
    """The bars of ``timeline`` on an overview strip, made once and kept with
    the timeline (no Qt widget: any thread): ``(lanes, bands)``.

    ``lanes``: one ``(colour, x0, width, lane)`` per track colour (#AARRGGBB at
    the strip's alpha), the arrays one entry per bar: a lane of at most
    :data:`_MAX_BARS` events a bar per event over its drawn interval clipped
    to the strip, a larger lane a bar per occupied bin of :data:`_BINS`;
    bars at least 1/600 of the home range wide.  ``bands``: ``(x0, width)`` of
    the bands, or None.  A kept derived timeline shown again (a filter toggled
    back, the zone switched back) is drawn without counting again."""
    return kept(timeline, "overview bars", None, lambda: _bars(timeline))


def _bars(timeline: Timeline) -> tuple[list[tuple[str, np.ndarray, np.ndarray, np.ndarray]],
                                       tuple[np.ndarray, np.ndarray] | None]:
    """:func:`overview_bars`, counted."""
    cols = timeline.columns
    lim = XLimits.for_columns(cols)
    home = strip_range(timeline, lim)
    min_w = (home[1] - home[0]) / 600.0
    by_colour: dict[str, tuple[list, list, list]] = {}
    for lane in range(cols.n_lanes):
        a, b = cols.block(lane)
        if b <= a:
            continue
        color = QColor(timeline.track_colours[lane])
        color.setAlpha(170)
        if b - a <= _MAX_BARS:
            # open sides of spans are infinite: clipped to the strip
            placed = (cols.flags[a:b] & FLAG_YEAR_UNKNOWN) == 0  # (a year unknown: not on the axis)
            x0 = np.clip(cols.x0[a:b][placed], lim.x_min, lim.x_max)
            x1 = np.clip(cols.x1[a:b][placed], lim.x_min, lim.x_max)
        else:
            # a large lane: one bar per occupied bin, O(bins log n) (issue 5)
            counts = cols.density(lane, lim.x_min, lim.x_max, _BINS)
            edges = np.linspace(lim.x_min, lim.x_max, _BINS + 1)
            nz = np.nonzero(counts)[0]
            x0, x1 = edges[nz], edges[nz + 1]
        # one item per colour, not per lane: 10,000 tracks are a few items
        parts = by_colour.setdefault(color.name(QColor.NameFormat.HexArgb), ([], [], []))
        parts[0].append(x0)
        parts[1].append(np.maximum(x1 - x0, min_w))
        parts[2].append(np.full(len(x0), lane, dtype=np.int64))
    lanes = [(name, np.concatenate(x0s), np.concatenate(widths), np.concatenate(ls))
             for name, (x0s, widths, ls) in by_colour.items()]
    bands = None
    rows = np.arange(*cols.block(BAND_LANE))  # bands are the first rows: no scan of every event
    if len(rows):
        bx0 = np.clip(cols.x0[rows], lim.x_min, lim.x_max)
        ends = cols.x1[rows].copy()
        for row, plan in planned_end_rows(timeline).items():  # an open end with an announced end: to that end
            if row < len(rows):
                ends[row] = plan[1] - cols.origin_epoch_s
        bx1 = np.clip(ends, lim.x_min, lim.x_max)
        placed = (cols.flags[rows] & FLAG_YEAR_UNKNOWN) == 0  # (a year unknown: not on the axis)
        bands = (bx0[placed], np.maximum(bx1 - bx0, min_w)[placed])
    return lanes, bands


def _brush(argb: str) -> QColor:
    return QColor(argb)


class OverviewStrip(FocusRingMixin, pg.PlotWidget):
    """Density per track over the whole timeline, with the visible window as a region.

    Keyboard (it takes Tab focus and then shows a focus ring): ← / → move the
    window by a fifth of its width, PageUp / PageDown by its width, + (or =)
    / - zoom in / out about its centre, Home shows everything.

    Parameters
    ----------
    timeline : Timeline
        The shown timeline (x = seconds from its columns' origin).
    state : ViewState
    """

    def __init__(self, timeline: Timeline, state: ViewState, parent=None) -> None:
        super().__init__(parent=parent, background="#f4f5f7")
        self.state = state
        self.setFixedHeight(64)
        self.setAccessibleName("Overview of the whole timeline; the shaded window is the part shown above")
        self.setAccessibleDescription("Left and Right arrows pan, plus and minus zoom, Home shows everything")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        pi = self.plotItem
        pi.hideAxis("left")
        pi.hideAxis("bottom")
        pi.hideButtons()
        pi.setMenuEnabled(False)
        pi.setContentsMargins(0, 0, 0, 0)
        vb = pi.getViewBox()
        vb.setMouseEnabled(x=False, y=False)
        vb.invertY(True)
        self.region = pg.LinearRegionItem(orientation="vertical", brush=pg.mkBrush(40, 90, 160, 50),
                                          pen=pg.mkPen("#284f8f", width=2), swapMode="block")
        self.region.setZValue(10)
        self.addItem(self.region)
        self._bars: list[pg.BarGraphItem] = []
        self._bar_lanes: list[tuple[pg.BarGraphItem, np.ndarray]] = []  # each lane bar item and its bars' lanes
        self._syncing = False
        self.pending: Timeline | None = None  # a large new file's shown timeline, drawn after its lanes' first paint
        self.region.sigRegionChanged.connect(self._on_region)
        state.subscribe(self._on_state)
        self.set_timeline(timeline)

    def set_timeline(self, timeline: Timeline) -> None:
        """Draw ``timeline`` (its lanes and events) across the whole strip, the
        lanes in the track order of ``state.filters`` (as the timeline above).

        The bars are :func:`overview_bars` (counted once per timeline, by the
        thread that derived it when it did); the strip's bar items are reused,
        given the new bars."""
        self.pending = None
        self.timeline = timeline
        cols = timeline.columns
        self.limits = view_limits(timeline)  # the view's: an empty new timeline's home month is inside
        lim = self.limits
        n = max(1, cols.n_lanes)
        self._laid_order = self.state.filters.track_order
        rank = self._rank()
        self._bar_lanes = []
        lanes_bars, bands = overview_bars(timeline)
        specs = [dict(x0=x0, width=width, y0=rank[lanes] + 0.15, height=0.7, brush=_brush(colour))
                 for colour, x0, width, lanes in lanes_bars]
        if bands is not None:
            specs.append(dict(x0=bands[0], width=bands[1], y0=np.zeros(len(bands[0])), height=float(n),
                              brush=QColor(184, 134, 11, 45)))
        old, self._bars = self._bars, []
        for k, spec in enumerate(specs):
            if k < len(old):
                bar = old[k]
                if bar.opts.get("brush") == spec["brush"]:
                    del spec["brush"]  # the same colour: the item keeps its brush (not made again)
                bar.setOpts(**spec)
            else:
                bar = pg.BarGraphItem(pen=pg.mkPen(None), **spec)
                self.addItem(bar)
            self._bars.append(bar)
            if k < len(lanes_bars):
                self._bar_lanes.append((bar, lanes_bars[k][3]))
        for bar in old[len(specs):]:
            self.removeItem(bar)
        self.setYRange(0, n, padding=0)
        lo, hi = timeline.finite_extent()
        o = cols.origin_epoch_s
        # the data's finite dates (open ends run on without a date to name); set before the region's
        # bounds, whose change may move the region and so redraw the edge marks that read them
        # no events, nothing beyond either edge (not "◀ from 1970", the empty extent's day)
        self._data_x = (lo - o, hi - o) if len(cols) else (np.inf, -np.inf)
        self._data_years = (year_of(lo), year_of(hi))
        self._syncing = True  # bounds that clamp the old timeline's region do not move the view
        try:
            self.region.setBounds((lim.x_min, lim.x_max))
        finally:
            self._syncing = False
        self._show_range(self.state.x_range)
        self.getViewBox().updateMatrix()  # now, not while painting (a second paint): TimelineView.settle

    def set_timeline_after_paint(self, window, timeline: Timeline) -> None:
        """Draw ``timeline`` in a turn after ``window``'s timeline view paints next (another large
        file: its new lanes first, not one freeze with this strip's counting and paints).

        Meanwhile the strip (still the file left's) neither moves the view when its region is
        dragged or a key pressed nor follows the range; a :meth:`set_timeline` before then (a
        filter toggled) draws at once."""
        self.pending = timeline
        after_first_paint(window, self._draw_pending)

    def _draw_pending(self) -> None:
        if self.pending is not None:
            self.set_timeline(self.pending)

    def _show_range(self, rng: tuple[float, float]) -> None:
        lo, hi = strip_range(self.timeline, self.limits, rng)
        if (lo, hi) != getattr(self, "shown_range", None):
            self.shown_range = (lo, hi)
            self.setXRange(lo, hi, padding=0)
            self._mark_beyond(lo, hi)
        self._syncing = True
        try:
            self.region.setRegion(rng)
        finally:
            self._syncing = False

    def _mark_beyond(self, lo: float, hi: float) -> None:
        """``◀ from YEAR`` / ``to YEAR ▶`` at an edge beyond which events go on (plain text)."""
        if not hasattr(self, "beyond"):
            ink, fill = getattr(self, "beyond_colours", ("#1b1f24", (244, 245, 247, 230)))  # viewer.ui.theme
            self.beyond = (pg.TextItem(anchor=(0, 0), color=ink, fill=pg.mkBrush(*fill)),
                           pg.TextItem(anchor=(1, 0), color=ink, fill=pg.mkBrush(*fill)))
            for item in self.beyond:
                item.setZValue(20)
                self.addItem(item, ignoreBounds=True)
        place_beyond_marks(self.beyond, (lo, hi), self._data_x, self._data_years)

    def _on_region(self) -> None:
        if self._syncing or self.pending is not None:
            return  # (a drag on the file left's strip: set_timeline puts the region back)
        a, b = self.region.getRegion()
        self.state.x_range = clamp_range(float(a), float(b), self.limits)

    def keyPressEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        if self.pending is not None:  # the file left's strip: no pan or zoom of the new file from it
            super().keyPressEvent(ev)
            return
        a, b = self.state.x_range
        w = b - a
        key = ev.key()
        pans = {Qt.Key.Key_Left: -0.2, Qt.Key.Key_Right: 0.2, Qt.Key.Key_PageUp: -1.0, Qt.Key.Key_PageDown: 1.0}
        if key in pans:
            rng = clamp_range(a + pans[key] * w, b + pans[key] * w, self.limits)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            rng = zoom_about(a, b, (a + b) / 2, 2.0 if key == Qt.Key.Key_Minus else 0.5, self.limits)
        elif key == Qt.Key.Key_Home:
            rng = clamp_range(self.limits.x_min, self.limits.x_max, self.limits)
        else:
            super().keyPressEvent(ev)
            return
        self.state.x_range = rng
        ev.accept()

    _laid_order: tuple[str, ...] = ()  # the filters' track order the lanes were drawn in

    def _rank(self) -> np.ndarray:
        """Place (top = 0) of each lane number in the filters' track order (float, shape (lanes,))."""
        cols = self.timeline.columns
        order = display_order([t.id for t in self.timeline.tracks][:cols.n_lanes], self.state.filters.track_order)
        return order.argsort().astype(float)

    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if self.pending is not None:
            return  # the file left is still drawn: set_timeline follows the state when it draws
        if "filters" in changed and state.filters.track_order != self._laid_order:
            # the same bars, each lane's at its new place (no counting again)
            self._laid_order = state.filters.track_order
            rank = self._rank()
            for bar, lanes in self._bar_lanes:
                bar.setOpts(y0=rank[lanes] + 0.15)
        if "x_range" in changed and (tuple(self.region.getRegion()) != state.x_range
                                     or strip_range(self.timeline, self.limits, state.x_range) != self.shown_range):
            self._show_range(state.x_range)


def install(window) -> None:
    """Put the overview strip under the timeline (same column of the splitter)."""
    splitter = window.splitter
    idx = splitter.indexOf(window.view)
    sizes = splitter.sizes()
    column = QWidget()
    column.setSizePolicy(window.view.sizePolicy())  # keeps the view's stretch in the splitter
    lay = QVBoxLayout(column)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    splitter.insertWidget(idx, column)
    lay.addWidget(window.view, 1)
    shown = getattr(window, "shown", None)
    window.overview = OverviewStrip(shown.timeline if shown else window.timeline, window.state)
    lay.addWidget(window.overview)
    splitter.setSizes(sizes)
    if shown is not None:
        strip = window.overview
        strip.file_timeline = window.timeline  # the file whose shown timeline the strip draws

        def follow(timeline: Timeline) -> None:
            if window.timeline is not strip.file_timeline and shown.large:
                strip.set_timeline_after_paint(window, timeline)  # another large file: its lanes first
            else:
                strip.set_timeline(timeline)
            strip.file_timeline = window.timeline

        shown.sigShownChanged.connect(follow)
        # an edit: the strip (a summary of the whole file) follows once the edits pause
        settle = QTimer(window.overview)
        settle.setSingleShot(True)
        settle.setInterval(_SETTLE_MS)
        settle.timeout.connect(lambda: window.overview.set_timeline(shown.timeline))
        shown.sigShownEdited.connect(lambda _tl, _ids: settle.start())
        window.overview.settle_timer = settle
    else:
        window.sigTimelineChanged.connect(window.overview.set_timeline)
