"""Pictures of a timeline: PNG, SVG and vector PDF, with title, legend and sources.

The picture is laid out top to bottom in logical pixels (1 px = 1/96 inch):

* the title (and the time range shown, in words);
* the timeline itself: a :class:`~viewer.ui.timeline_view.TimelineView`
  built for the picture, rendered with ``QWidget.render`` so that on SVG and
  PDF painters every lane, marker and label is drawn as vectors and text;
* a legend of the tracks (colour stripe and label) and of the marker shapes;
* a footnote listing the sources of the events shown (those that intersect
  the range), numbered in order of first appearance.

PNG goes through ``QImage``, laid out at ``dpi / 96`` device pixels per logical pixel,
SVG through ``QSvgGenerator`` and PDF through ``QPdfWriter`` (one page the
size of the picture).  Every file is written through
:func:`viewer.io.atomic.atomic_path`: rendered to a temporary file in the
destination's folder, synced, then renamed, so an interrupted export never
leaves half a file and never damages the file it replaces.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from ..io.atomic import atomic_path
from ..model.dates import Precision, format_interval
from ..model.timeline import Timeline
from ..model.viewstate import ViewState
from .timeline_view import TimelineView

__all__ = ["PICTURE_FORMATS", "PictureOptions", "export_picture", "events_in_range", "sources_footnote"]

PICTURE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
"""File extension -> picture format."""

_INK = QColor("#1b1f24")
_MUTED = QColor("#3d4450")
_FAMILY = "DejaVu Sans"


@dataclass(frozen=True)
class PictureOptions:
    """How to draw a picture.

    Attributes
    ----------
    size : (int, int)
        Width and height in logical pixels (1/96 inch).
    dpi : float
        PNG only: device pixels per inch (96 = one device pixel per logical
        pixel; 192 doubles the resolution at the same layout).
    x_range_epoch : (float, float) or None
        The time range shown, seconds since the Unix epoch (UTC); None: the
        whole timeline.
    title : str or None
        Overrides the timeline's title.
    collapsed_tracks : frozenset of str
        Ids of tracks drawn as thin strips, as in the window
        (:func:`viewer.model.lanes.lane_geometry`).
    """

    size: tuple[int, int] = (1600, 900)
    dpi: float = 96.0
    x_range_epoch: tuple[float, float] | None = None
    title: str | None = None
    collapsed_tracks: frozenset[str] = frozenset()


def events_in_range(timeline: Timeline, a_epoch: float, b_epoch: float) -> list[int]:
    """Indexes into ``timeline.events`` of the events drawn in ``[a, b]`` (epoch s), in time order."""
    cols = timeline.columns
    o = cols.origin_epoch_s
    hit = (cols.x1 >= a_epoch - o) & (cols.x0 <= b_epoch - o)
    rows = [int(r) for r in cols.time_order if hit[r]]
    return [int(cols.event_index[r]) for r in rows]


def sources_footnote(timeline: Timeline, event_indexes: list[int]) -> list[str]:
    """One line per source cited by the given events: ``"1. Outlet — title (url)"``, in order of first citation."""
    seen: list = []
    for i in event_indexes:
        for src in timeline.sources_of(timeline.events[i]):
            if src not in seen:
                seen.append(src)
    lines = []
    for n, s in enumerate(seen, 1):
        text = s.outlet
        if s.title:
            text += f" — {s.title}"
        if s.published is not None:
            text += f", {s.published.describe().split(' (')[0]}"
        if s.url:
            text += f" ({s.url})"
        lines.append(f"{n}. {text}")
    return lines


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont(_FAMILY)
    f.setPixelSize(max(1, int(round(px))))
    f.setBold(bold)
    f.setStyleHint(QFont.StyleHint.SansSerif)
    return f


def _wrap_lines(items: list[str], metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Items joined with ``"   "`` and wrapped to ``width``; at most ``max_lines`` (the last says how many more)."""
    lines: list[str] = []
    current = ""
    for index, item in enumerate(items):
        candidate = f"{current}   {item}" if current else item
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = metrics.elidedText(candidate, Qt.TextElideMode.ElideRight, width)
            continue
        lines.append(current)
        current = metrics.elidedText(item, Qt.TextElideMode.ElideRight, width)
        if len(lines) == max_lines - 1:
            rest = len(items) - index
            if rest > 1:
                current = metrics.elidedText(f"{item}   … and {rest - 1} more", Qt.TextElideMode.ElideLeft, width)
            lines.append(current)
            return lines
    if current:
        lines.append(current)
    return lines


class _Picture:
    """Lays out and paints one picture on any QPainter (logical pixel coordinates)."""

    def __init__(self, timeline: Timeline, options: PictureOptions) -> None:
        self.timeline = timeline
        self.options = options
        w, h = options.size
        self.w, self.h = w, h
        self.pad = max(12.0, w / 80)
        self.title_px = max(18.0, h / 28)
        self.small_px = max(11.0, h / 75)
        cols = timeline.columns
        if options.x_range_epoch is not None:
            a, b = options.x_range_epoch
        else:
            lo, hi = cols.extent()
            pad = max(0.03 * (hi - lo), 3600.0)
            a, b = lo - pad + cols.origin_epoch_s, hi + pad + cols.origin_epoch_s
        self.range_epoch = (float(a), float(b))
        self.shown = events_in_range(timeline, a, b)
        self.footnote = sources_footnote(timeline, self.shown)

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(QRectF(0, 0, self.w, self.h), QColor("#ffffff"))
        pad, w, h = self.pad, self.w, self.h
        inner = w - 2 * pad
        # title and range
        painter.setPen(_INK)
        painter.setFont(_font(self.title_px, bold=True))
        fm = QFontMetricsF(painter.font())
        title = self.options.title if self.options.title is not None else self.timeline.title
        y = pad
        painter.drawText(QRectF(pad, y, inner, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(title, Qt.TextElideMode.ElideRight, inner))
        y += fm.height()
        painter.setFont(_font(self.small_px))
        sm = QFontMetricsF(painter.font())
        painter.setPen(_MUTED)
        a, b = self.range_epoch
        span_days = (b - a) / 86400.0
        precision = Precision.DAY if span_days < 3 * 366 else Precision.YEAR
        subtitle = (f"{format_interval(a, b, precision)} (UTC)   ·   {len(self.shown)} of "
                    f"{len(self.timeline.events)} events shown")
        painter.drawText(QRectF(pad, y, inner, sm.height()), Qt.AlignmentFlag.AlignLeft, subtitle)
        y += sm.height() + pad / 2
        # bottom blocks, measured first
        legend_lines = _wrap_lines(["■ " + t.label for t in self.timeline.tracks] +
                                   ["◆ to the day or better", "◇ uncertain / approximate / open",
                                    "▬ faint: possible interval"], sm, inner, 3)
        foot_items = self.footnote or ["(no sources cited by the events shown)"]
        foot_lines = _wrap_lines(["Sources:"] + foot_items, sm, inner, max(2, int(h / 5 / sm.height())))
        bottom = (len(legend_lines) + len(foot_lines)) * sm.height() + pad * 1.5
        view_rect = QRectF(pad, y, inner, max(120.0, h - y - bottom))
        self._paint_view(painter, view_rect)
        y = view_rect.bottom() + pad / 2
        colours = {t.label: QColor(t.color) for t in self.timeline.tracks}
        for line in legend_lines:
            self._paint_legend_line(painter, line, QRectF(pad, y, inner, sm.height()), colours)
            y += sm.height()
        y += pad / 2
        painter.setPen(_MUTED)
        for line in foot_lines:
            painter.drawText(QRectF(pad, y, inner, sm.height()), Qt.AlignmentFlag.AlignLeft, line)
            y += sm.height()

    def _paint_legend_line(self, painter: QPainter, line: str, rect: QRectF, colours: dict[str, QColor]) -> None:
        """Draw ``■ label`` items with the square in the track's colour."""
        fm = QFontMetricsF(painter.font())
        x = rect.left()
        for item in line.split("   "):
            if item.startswith("■ "):
                label = item[2:]
                colour = colours.get(label.rstrip("…"), next((c for k, c in colours.items() if k.startswith(
                    label.rstrip("…"))), _MUTED))
                side = fm.ascent() * 0.8
                painter.fillRect(QRectF(x, rect.top() + (rect.height() - side) / 2, side, side), colour)
                x += side + fm.horizontalAdvance(" ")
                item = label
            painter.setPen(_INK)
            painter.drawText(QRectF(x, rect.top(), rect.right() - x, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, item)
            x += fm.horizontalAdvance(item + "   ")

    def _paint_view(self, painter: QPainter, rect: QRectF) -> None:
        state = ViewState()
        state.collapsed_tracks = self.options.collapsed_tracks
        view = TimelineView(self.timeline, state)
        view.disclosure_marks = False  # a picture has nothing to click: plain track labels
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(int(rect.width()), int(rect.height()))
        view.show()
        for _ in range(2):
            QApplication.processEvents()
        o = self.timeline.columns.origin_epoch_s
        a, b = self.range_epoch
        view.set_x_range(a - o, b - o)
        QApplication.processEvents()
        painter.save()
        painter.setClipRect(rect)
        # the scene, not the widget: QWidget.render would rasterise the view on SVG/PDF painters.
        # The event layer paints in the painter's device coordinates (it reads the full transform),
        # so the picture's own translation is honoured; the PNG's dpi is a device pixel ratio.
        source = QRectF(0, 0, view.viewport().width(), view.viewport().height())
        view.scene().render(painter, QRectF(rect.left(), rect.top(), source.width(), source.height()), source)
        painter.restore()
        view.hide()
        view.deleteLater()


def export_picture(timeline: Timeline, path: str | os.PathLike[str], options: PictureOptions | None = None) -> None:
    """Write a picture of a timeline to ``path`` (PNG, SVG or PDF by extension), atomically.

    Needs a ``QApplication`` (the ``offscreen`` platform is enough).

    Parameters
    ----------
    timeline : Timeline
    path : str or os.PathLike
        ``*.png``, ``*.svg`` or ``*.pdf``.
    options : PictureOptions, optional

    Raises
    ------
    ValueError
        Unknown extension, a size outside 200x150..16384x16384, a dpi outside
        24..1200, or an empty or reversed range.
    OSError
        The file cannot be written (the destination is unchanged).
    """
    options = options or PictureOptions()
    target = os.fspath(path)
    ext = os.path.splitext(target)[1].lower()
    if ext not in PICTURE_FORMATS:
        raise ValueError(f"cannot tell the picture format of {target!r}: use .png, .svg or .pdf")
    w, h = options.size
    if not (200 <= w <= 16384 and 150 <= h <= 16384):
        raise ValueError(f"picture size {w}x{h} is outside 200x150 .. 16384x16384")
    if not 24 <= options.dpi <= 1200:
        raise ValueError(f"dpi {options.dpi} is outside 24..1200")
    if options.x_range_epoch is not None:
        a, b = options.x_range_epoch
        if not (math.isfinite(a) and math.isfinite(b) and b > a):
            raise ValueError("the range must have a finite start before its end")
    picture = _Picture(timeline, options)
    with atomic_path(target) as tmp:
        kind = PICTURE_FORMATS[ext]
        if kind == "png":
            # the whole layout is made at the device size (fonts and lanes scale with the height),
            # so a 192 dpi picture looks like the 96 dpi one with twice the detail
            scale = options.dpi / 96.0
            size = (int(round(w * scale)), int(round(h * scale)))
            picture = _Picture(timeline, replace(options, size=size))
            image = QImage(QSize(*size), QImage.Format.Format_ARGB32)
            image.fill(QColor("#ffffff"))
            dpm = int(round(options.dpi / 0.0254))
            image.setDotsPerMeterX(dpm)
            image.setDotsPerMeterY(dpm)
            painter = QPainter(image)
            try:
                picture.paint(painter)
            finally:
                painter.end()
            if not image.save(tmp, "PNG"):
                raise OSError(f"could not write the PNG image to {target}")
        elif kind == "svg":
            gen = QSvgGenerator()
            gen.setFileName(tmp)
            gen.setSize(QSize(w, h))
            gen.setViewBox(QRectF(0, 0, w, h))
            gen.setResolution(96)
            gen.setTitle(picture.options.title or timeline.title)
            gen.setDescription("Made with Timeline Viewer")
            painter = QPainter()
            if not painter.begin(gen):
                raise OSError(f"could not write the SVG picture to {target}")
            try:
                picture.paint(painter)
            finally:
                painter.end()
            del gen
        else:
            writer = QPdfWriter(tmp)
            writer.setResolution(96)
            writer.setTitle(picture.options.title or timeline.title)
            writer.setCreator("Timeline Viewer")
            page = QPageSize(QSizeF(w * 72 / 96, h * 72 / 96), QPageSize.Unit.Point, "picture",
                             QPageSize.SizeMatchPolicy.ExactMatch)
            writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
            painter = QPainter()
            if not painter.begin(writer):
                raise OSError(f"could not write the PDF to {target}")
            try:
                sx = painter.device().width() / w
                painter.scale(sx, sx)
                picture.paint(painter)
            finally:
                painter.end()
            del writer
