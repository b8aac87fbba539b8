"""A calendar time axis for pyqtgraph plots whose x is seconds from an origin.

:class:`TimeAxisItem` draws the ticks of :mod:`viewer.model.ticks` on two rows
under the plot::

    |      |      |      |      |      |      |
  06:00  12:00  18:00  00:00  06:00  12:00  18:00      <- minor row
  Wed 9 Feb 2022       | Thu 10 Feb 2022               <- context row
                         UTC                           <- axis label

* The **minor row** holds the short labels, centred on their ticks.
* The **context row** states the enclosing month / day / year in full, left
  aligned just after a marker at its boundary.  The period containing the
  left edge of the view is always written (at the left edge, pushed out by the
  next one as the view pans), so the full date of every tick can be read.
* At year zooms there is no context to give: the coarser years (every 10th,
  100th... year) are written in bold on the minor row instead.
* The optional **relative row** (:meth:`TimeAxisItem.set_relative`) writes
  days counted from a D-day (``D-7 … D-day … D+10``, see
  :mod:`viewer.model.dday`) under the context row: centred on each day's
  local midnight tick like the day numbers above it, or, zoomed into hours,
  left aligned after the midnight marker like the context row.  ``D-day``
  itself is bold.

Label widths are measured with the axis font (:class:`QFontMetricsF`), so the
tick rule chosen is the finest whose labels fit without overlapping.
"""

from __future__ import annotations

import html
import math

import pyqtgraph as pg
from pyqtgraph import functions as fn
from pyqtgraph.Point import Point
from PySide6 import QtCore, QtGui

from ..model.dday import dday_ticks
from ..model.ticks import DEFAULT_TABLE, TickLevels, TickRule, compute_ticks
from ..model.zones import offset_at, zone_ticks

__all__ = ["TimeAxisItem"]

_ROW_GAP = 2.0  # px between the two label rows
_MARK_PAD = 4.0  # px between a context marker and its label
_MIN_GAP = 6.0  # px kept free between two labels of a row


CALENDAR_SLACK = 0.9
"""How much shorter than the finest period (:meth:`TimeAxisItem.set_finest_period`) a tick rule's
shortest period may be: 28/31, the shortest month against the longest."""


class TimeAxisItem(pg.AxisItem):
    """Bottom axis writing calendar dates for x = seconds from an origin.

    Parameters
    ----------
    origin_epoch_s : float
        Timeline origin, seconds since the Unix epoch (UTC): x = 0 there.
    orientation : str
        Only ``"bottom"`` is supported.
    offset_s : float
        Display zone offset in seconds, added to UTC before computing calendar
        fields (0 for UTC).
    zone_label : str
        Axis label naming the displayed zone.
    font_size_pt : float
        Tick label font size, points.
    **kwargs
        Passed to :class:`pyqtgraph.AxisItem` (``pen``, ``textPen``...).

    Notes
    -----
    :meth:`tickValues` / :meth:`tickStrings` return the same levels as drawn
    (major first, then minor), for code that asks an axis for its ticks;
    drawing itself is done by :meth:`generateDrawSpecs`, which lays the levels
    out on two rows.
    """

    def __init__(
        self,
        origin_epoch_s: float = 0.0,
        orientation: str = "bottom",
        *,
        offset_s: float = 0.0,
        zone_label: str = "UTC",
        font_size_pt: float = 11.0,
        **kwargs,
    ) -> None:
        if orientation != "bottom":
            raise ValueError(f"TimeAxisItem supports orientation 'bottom' only, not {orientation!r}")
        super().__init__(orientation, **kwargs)
        self._origin = float(origin_epoch_s)
        self._offset = float(offset_s)
        self._zone: str | None = None  # IANA name when set_zone() was used
        self._zone_label = zone_label
        self._font_size_pt = float(font_size_pt)
        self._levels = TickLevels()
        self._rules_by_spacing: dict[float, tuple[TickRule, dict[float, str]]] = {}
        self._drawn: list[tuple[str, QtCore.QRectF]] = []
        self._dday: int | None = None  # D-day, days since 1970-01-01, or None (no relative row)
        self._dday_note = ""
        self._finest_s: float | None = None  # finest tick period allowed, seconds (None: any)
        self.enableAutoSIPrefix(False)
        self.set_font_size(font_size_pt)

    # -- settings --------------------------------------------------------
    @property
    def origin_epoch_s(self) -> float:
        """Timeline origin, seconds since the Unix epoch (UTC)."""
        return self._origin

    @property
    def offset_s(self) -> float:
        """Display zone offset, seconds east of UTC."""
        return self._offset

    def set_origin(self, origin_epoch_s: float) -> None:
        """Move the origin (seconds since the Unix epoch, UTC) that x = 0 stands for."""
        if float(origin_epoch_s) == self._origin:
            return  # (a swap to a timeline of the same origin: the ticks drawn stay right)
        self._origin = float(origin_epoch_s)
        self._invalidate()

    def set_offset(self, offset_s: float, zone_label: str | None = None) -> None:
        """Show calendar fields at a fixed UTC offset.

        Parameters
        ----------
        offset_s : float
            Seconds added to UTC (``+10800`` for UTC+3).
        zone_label : str or None
            New axis label (e.g. ``"UTC+3"``); unchanged if None.
        """
        self._offset = float(offset_s)
        if zone_label is not None:
            self._zone_label = zone_label
            self._apply_label()
        self._invalidate()

    def set_zone(self, zone: str | None, zone_label: str | None = None) -> None:
        """Show calendar fields in an IANA zone, with the offset in force at each tick.

        Parameters
        ----------
        zone : str or None
            ``"UTC"``, an IANA name (``"Europe/Berlin"``) or
            ``viewer.model.zones.EVENT_LOCAL`` (drawn as UTC); None goes back
            to the fixed offset of :meth:`set_offset`.
        zone_label : str or None
            New axis label; unchanged if None.

        Notes
        -----
        Ticks come from :func:`viewer.model.zones.zone_ticks`, which splits the
        view at daylight-saving transitions.
        """
        self._zone = zone
        if zone_label is not None:
            self._zone_label = zone_label
            self._apply_label()
        self._invalidate()

    def set_finest_period(self, seconds: float | None) -> None:
        """Never tick finer than ``seconds`` (None: any rule of the table).

        Presenting a step whose event is known to the day passes a day
        (86400), so its marker is never shown on an hourly axis as if it
        happened at 12:00.
        """
        self._finest_s = None if seconds is None or not math.isfinite(seconds) or seconds <= 0 else float(seconds)
        self._invalidate()

    def set_relative(self, dday_day: int | None, note: str = "") -> None:
        """Show (or, with None, hide) the relative row of days counted from a D-day.

        Parameters
        ----------
        dday_day : int or None
            D-day as days since 1970-01-01 (:attr:`viewer.model.dday.DDay.day`);
            days begin at the display zone's local midnight.
        note : str
            Added to the axis label, e.g. ``"D-day = Thu 10 Feb 2022 (…)"``.
        """
        dday = None if dday_day is None else int(dday_day)
        note = note if dday_day is not None else ""
        if "_dday" in vars(self) and (dday, note) == (self._dday, getattr(self, "_dday_note", None)):
            return  # the same row (a zone switch without a D-day): nothing drawn again
        self._dday, self._dday_note = dday, note
        self._apply_label()
        self._update_text_height()
        self._invalidate()

    @property
    def zone(self) -> str | None:
        """The IANA display zone, or None for a fixed offset."""
        return self._zone

    def set_font_size(self, pt: float) -> None:
        """Set the tick label font size, points (the axis label follows, a bit smaller)."""
        if not (math.isfinite(pt) and pt > 0):
            raise ValueError(f"font size must be a positive number of points, got {pt!r}")
        if float(pt) == getattr(self, "_font_applied", None):
            return  # (set again on every swap: the ticks drawn stay right)
        self._font_applied = float(pt)
        self._font_size_pt = float(pt)
        font = QtGui.QFont(self.style["tickFont"] or QtGui.QFont())
        font.setPointSizeF(self._font_size_pt)
        self.setTickFont(font)
        self._apply_label()
        self._update_text_height()
        self._invalidate()

    def font_size(self) -> float:
        """Tick label font size, points."""
        return self._font_size_pt

    def drawn_labels(self) -> list[tuple[str, QtCore.QRectF]]:
        """Labels of the last drawing: ``(text, rect)`` in item pixels, left to right per row."""
        return list(self._drawn)

    def tick_levels(self) -> TickLevels:
        """The ticks of the last drawing or :meth:`tickValues` call."""
        return self._levels

    # -- helpers -----------------------------------------------------------
    def _tick_font(self) -> QtGui.QFont:
        return QtGui.QFont(self.style["tickFont"] or QtGui.QFont())

    def _bold_font(self) -> QtGui.QFont:
        font = self._tick_font()
        font.setBold(True)
        return font

    def _relative_font(self, bold: bool) -> QtGui.QFont:
        """Font of the relative row: 90 % of the tick font (a secondary row; lets
        "D+11" fit under each day of a three-week view on a 1920-pixel screen)."""
        font = self._bold_font() if bold else self._tick_font()
        font.setPointSizeF(max(1.0, self._font_size_pt * 0.9))
        return font

    def _apply_label(self) -> None:
        size = max(1.0, self._font_size_pt * 0.9)
        text = self._zone_label + (f" · {self._dday_note}" if self._dday_note else "")
        # pyqtgraph shows the label as HTML; the D-day note names an event or band from the data
        self.setLabel(html.escape(text, quote=False), **{"font-size": f"{size:g}pt"})

    def _update_text_height(self) -> None:
        row = QtGui.QFontMetricsF(self._bold_font()).height()
        rows = 2 if getattr(self, "_dday", None) is None else 3
        self.textHeight = int(math.ceil(rows * row + (rows - 1) * _ROW_GAP))
        self._updateHeight()

    def _invalidate(self) -> None:
        self.picture = None
        self.update()

    def _compute(self, x0: float, x1: float, width_px: float) -> TickLevels:
        # measured in the regular font: bold labels (context row, coarser years)
        # are ~10% wider, which the gap added by choose_tick_spec absorbs
        metrics = QtGui.QFontMetricsF(self._tick_font())
        table = DEFAULT_TABLE
        if self._finest_s is not None:  # never finer than the shown dates are known
            # (a calendar unit varies: a month is 28-31 days, a year 365-366, so a step known to April
            # (30 days) or to 2020 (366) ticks in months or years; compared strictly, it fell to quarters
            # and the wall's axis showed only "2020")
            table = tuple(s for s in DEFAULT_TABLE
                          if s.minor.min_period_s >= self._finest_s * CALENDAR_SLACK) or DEFAULT_TABLE[:1]
        if self._zone is not None:
            levels = zone_ticks(x0, x1, self._origin, width_px, metrics.horizontalAdvance, self._zone, table=table)
        else:
            levels = compute_ticks(
                x0, x1, self._origin, width_px, measure=metrics.horizontalAdvance, offset_s=self._offset, table=table
            )
        self._levels = levels
        self._rules_by_spacing = {}
        if levels.major_rule is not None and levels.minor_rule is not None:
            self._rules_by_spacing[levels.minor_rule.nominal_period_s] = (levels.minor_rule, dict(levels.minor))
            self._rules_by_spacing[levels.major_rule.nominal_period_s] = (levels.major_rule, dict(levels.major))
        return levels

    # -- pyqtgraph API -------------------------------------------------------
    def tickValues(self, minVal: float, maxVal: float, size: float):
        """Tick levels ``[(spacing_s, [x, ...]), ...]`` for the view, major first.

        Parameters
        ----------
        minVal, maxVal : float
            Visible x range, seconds from the origin.
        size : float
            Axis length, pixels.
        """
        levels = self._compute(minVal, maxVal, size)
        return [(spacing, [x for x, _ in ticks]) for spacing, ticks in levels.as_levels()]

    def tickStrings(self, values, scale, spacing):
        """Labels of tick ``values`` (x, seconds from the origin) of the level ``spacing``."""
        rule, known = self._rules_by_spacing.get(spacing, (None, {}))
        out = []
        for v in values:
            if v in known:
                out.append(known[v])
            elif rule is not None and math.isfinite(v):
                t = v + self._origin
                off = self._offset if self._zone is None else offset_at(self._zone, t)
                out.append(rule.label(int(round(t + off))))
            else:
                out.append("")
        return out

    def generateDrawSpecs(self, p):
        """Axis line, tick lines and two rows of labels (see the module docstring).

        :meta private:
        """
        tick_font = self._tick_font()
        bold_font = self._bold_font()
        p.setFont(tick_font)
        fm = QtGui.QFontMetricsF(tick_font)
        fm_bold = QtGui.QFontMetricsF(bold_font)
        bounds = self.mapRectFromParent(self.geometry())
        linked = self.linkedView()
        if linked is None or self.grid is False:
            tick_bounds = bounds
        else:
            tick_bounds = linked.mapRectToItem(self, linked.boundingRect())

        span = (bounds.topLeft() + Point(-1.0, 1.0), bounds.topRight() + Point(1.0, 1.0))
        points = list(map(self.mapToDevice, span))
        if None in points:
            return None
        width = bounds.width()
        if width <= 0 or Point(points[1] - points[0]).length() == 0:
            return None
        x0, x1 = self.range
        levels = self._compute(x0, x1, width)

        dif = x1 - x0
        if dif == 0 or not math.isfinite(dif):
            x_scale, offset = 1.0, 0.0
        else:
            x_scale = width / dif
            offset = x0 * x_scale
        left, right = bounds.left(), bounds.right()

        def px(x: float) -> float:
            return x * x_scale - offset

        tick_start = tick_bounds.top()
        tick_stop = bounds.top()
        tick_len = self.style["tickLength"]
        axis_spec = (self.pen(), span[0], span[1])
        tick_specs = []
        level_ticks = [levels.major, levels.minor]
        for i, ticks in enumerate(level_ticks):
            length = tick_len / (i * 0.5 + 1.0)
            alpha = self.style["tickAlpha"]
            if alpha is None:
                alpha = 255 / (i + 1)
                if self.grid is not False:
                    alpha *= self.grid / 255.0 * fn.clip_scalar(0.05 * width / (len(ticks) + 1), 0.0, 1.0)
            elif isinstance(alpha, float):
                alpha = min(255, max(0, int(round(alpha * 255))))
            pen = self.tickPen()
            if pen.brush().style() == QtCore.Qt.BrushStyle.SolidPattern:
                pen = QtGui.QPen(pen)
                color = QtGui.QColor(pen.color())
                color.setAlpha(int(alpha))
                pen.setColor(color)
            for x, _ in ticks:
                xp = px(x)
                if xp < left or xp > right:
                    continue
                end = tick_stop + (length if self.grid is False else 0.0)
                tick_specs.append((pen, Point(xp, tick_start), Point(xp, end)))

        text_specs: list[tuple[QtCore.QRectF, int, str, bool]] = []
        self._drawn = []
        if not self.style["showValues"] or levels.major_rule is None:
            return axis_spec, tick_specs, text_specs

        row1 = tick_stop + max(0.0, tick_len) + self.style["tickTextOffset"][1]
        row_h = fm_bold.height()
        row2 = row1 + row_h + _ROW_GAP
        center = QtCore.Qt.AlignmentFlag.AlignHCenter | QtCore.Qt.AlignmentFlag.AlignTop
        left_flags = QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop
        no_clip = QtCore.Qt.TextFlag.TextDontClip

        # -- row 1: centred labels; bold coarser years first, if any --------
        placed: list[tuple[float, float]] = []

        def free(a: float, b: float) -> bool:
            return all(b + _MIN_GAP <= pa or a >= pb + _MIN_GAP for pa, pb in placed)

        row1_levels = [(levels.minor, False)]
        if not levels.major_rule.context:
            row1_levels.insert(0, (levels.major, True))
        for ticks, bold in row1_levels:
            metrics = fm_bold if bold else fm
            for x, text in ticks:
                w = metrics.horizontalAdvance(text)
                a = px(x) - w / 2
                if a < left or a + w > right or not free(a, a + w):
                    continue
                placed.append((a, a + w))
                rect = QtCore.QRectF(a, row1, w, row_h)
                text_specs.append((rect, int(center | no_clip), text, bold))
                self._drawn.append((text, rect))

        # -- row 2: context labels, left aligned after their boundary --------
        if levels.major_rule.context:
            marker_pen = QtGui.QPen(self.pen())
            entries = list(levels.major)
            last_end = -math.inf
            for k, (x, text) in enumerate(entries):
                xp = px(x)
                a = max(xp, left) + _MARK_PAD  # the enclosing period sticks to the left edge
                if left <= xp <= right:
                    tick_specs.append((marker_pen, Point(xp, row2), Point(xp, row2 + row_h)))
                limit = right
                if k + 1 < len(entries):  # ... until the next one pushes it out
                    limit = min(limit, px(entries[k + 1][0]) - _MIN_GAP)
                if a < last_end + _MIN_GAP:
                    continue
                w = fm_bold.horizontalAdvance(text)
                if w > limit - a:  # a date is drawn whole or not at all: "Apr 20…" read as 20 April
                    continue
                last_end = a + w
                rect = QtCore.QRectF(a, row2, w, row_h)
                text_specs.append((rect, int(left_flags | no_clip), text, True))
                self._drawn.append((text, rect))

        # -- row 3: days relative to D-day ---------------------------------
        if self._dday is not None:
            row3 = row2 + row_h + _ROW_GAP
            sub_day = levels.minor_rule is not None and levels.minor_rule.unit in ("hour", "minute", "second")
            zone = self._zone or "UTC"
            rel_fm = (QtGui.QFontMetricsF(self._relative_font(False)), QtGui.QFontMetricsF(self._relative_font(True)))

            def measure(text: str) -> float:  # only "D-day" is bold
                return rel_fm[text == "D-day"].horizontalAdvance(text)

            rel = dday_ticks(x0, x1, self._origin, width, self._dday, zone, measure, enclosing=sub_day)
            last_end = -math.inf
            for k, (x, text) in enumerate(rel):
                xp = px(x)
                w = measure(text)
                if sub_day:  # like the context row: after the marker, the enclosing day at the left edge
                    if left <= xp <= right:
                        tick_specs.append((QtGui.QPen(self.pen()), Point(xp, row3), Point(xp, row3 + row_h)))
                    a = max(xp, left) + _MARK_PAD
                    if k + 1 < len(rel) and a + w > px(rel[k + 1][0]) - _MIN_GAP:
                        continue  # pushed out by the next day
                    flags = left_flags
                else:
                    a = xp - w / 2
                    flags = center
                if a < left or a + w > right or a < last_end + _MIN_GAP:
                    continue
                last_end = a + w
                rect = QtCore.QRectF(a, row3, w, row_h)
                text_specs.append((rect, int(flags | no_clip), text, 3 if text == "D-day" else 2))
                self._drawn.append((text, rect))
        return axis_spec, tick_specs, text_specs

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):
        """Draw what :meth:`generateDrawSpecs` laid out (labels may be bold).

        :meta private:
        """
        p.setRenderHint(p.RenderHint.Antialiasing, False)
        p.setRenderHint(p.RenderHint.TextAntialiasing, True)
        pen, p1, p2 = axisSpec
        p.setPen(pen)
        p.drawLine(p1, p2)
        for pen, a, b in tickSpecs:
            p.setPen(pen)
            p.drawLine(a, b)
        fonts = (self._tick_font(), self._bold_font(), self._relative_font(False), self._relative_font(True))
        p.setPen(self.textPen())
        p.setClipRect(self.mapRectFromParent(self.geometry()))
        for spec in textSpecs:
            rect, flags, text = spec[:3]
            font = int(spec[3]) if len(spec) > 3 else 0  # 0 regular, 1 bold, 2/3 relative row
            p.setFont(fonts[font])
            p.drawText(rect, int(flags), text)

