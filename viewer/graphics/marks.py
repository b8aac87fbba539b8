"""Painting helpers of the event layer: markers, span bars, whiskers, fades,
``+N`` badges and density strips (Qt, no widgets).

:class:`~viewer.graphics.events.EventLayerItem` decides what goes where
(:mod:`viewer.graphics.frame`) and calls these to draw it, in device pixels.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPaintEngine, QPainter, QPen, QPixmap, QStaticText

from ..model.columns import (
    FLAG_APPROXIMATE,
    FLAG_COARSE,
    FLAG_HALF_KNOWN,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    FLAG_UNCERTAIN,
    EventColumns,
)
from .frame import Frame
from .style import TimelineStyle, contrast_ratio, marker_polygon

__all__ = [
    "AFTER_SOURCE", "DRAFT", "HAND_EDITED",
    "HOLLOW", "FADE_PX", "fill_fade", "bar_limits", "whisker", "span_bar", "draft_pen",
    "draft_ring_radius", "draft_margin",
    "planned_pen",
    "draw_marker", "marker_pixmap", "outline_color", "OUTLINE_CONTRAST", "badge_pixmap", "density_images",
]

FADE_PX = 90.0  #: length of the fade drawn at an open side of a span
AFTER_SOURCE = 1 << 30  #: drawing-only flag: begins after the timeline's reference (publication) date
DRAFT = 1 << 29  #: drawing-only flag: an unreviewed draft (ingest): dotted outline
HAND_EDITED = 1 << 28  #: drawing-only flag: a date edited by hand: its label says "(date edited)"
HOLLOW = FLAG_UNCERTAIN | FLAG_APPROXIMATE | FLAG_OPEN_START | FLAG_OPEN_END | FLAG_COARSE | AFTER_SOURCE
_PDF_FADE_STEPS = 16  #: rectangles of stepped alpha that stand for one fade in a PDF
OUTLINE_CONTRAST = 3.0
"""Least WCAG contrast ratio of a marker's outline against the background (WCAG 2.2, 1.4.11
non-text contrast): a hollow marker (uncertain, open, coarse) is only its outline."""


@lru_cache(maxsize=512)
def _outline_rgb(color: str, darker: int, background: str) -> str:
    c = QColor(color).darker(darker) if darker != 100 else QColor(color)
    if contrast_ratio(c.name(), background) >= OUTLINE_CONTRAST:
        return c.name()
    # towards black on a light background, towards white on a dark one, in steps of 5 %
    light_bg = contrast_ratio(background, "#000000") >= contrast_ratio(background, "#ffffff")
    target = 0 if light_bg else 255
    r0, g0, b0 = c.red(), c.green(), c.blue()
    for k in range(1, 21):
        t = k / 20
        mixed = QColor(round(r0 + (target - r0) * t), round(g0 + (target - g0) * t), round(b0 + (target - b0) * t))
        if contrast_ratio(mixed.name(), background) >= OUTLINE_CONTRAST:
            return mixed.name()
    return QColor(target, target, target).name()


def outline_color(style: TimelineStyle, color: QColor | str) -> QColor:
    """The outline of a marker of ``color``: the colour darkened by ``style.outline_darker``, and
    then, if that is under :data:`OUTLINE_CONTRAST` (3:1) against ``style.background``, mixed
    towards black (light background) or white (dark background) until it reaches it (an orange
    or sky-blue outline on white, a black one on near-black).  Cached per colour and style."""
    return QColor(_outline_rgb(QColor(color).name(), int(style.outline_darker), QColor(style.background).name()))


def fill_fade(p: QPainter, rect: QRectF, color: QColor, alpha_left: int, alpha_right: int) -> None:
    """Fill ``rect`` with ``color`` whose alpha runs from ``alpha_left`` at its
    left edge to ``alpha_right`` at its right edge (a horizontal fade).

    On screen, in a PNG and in an SVG this is a linear gradient.  Qt's PDF
    writer turns a gradient with alpha into a shading plus soft mask that
    poppler and MuPDF draw solid, so an "on or after" whisker or a span's
    open side would read as a known interval: in a PDF the fade is drawn as
    ``_PDF_FADE_STEPS`` narrow rectangles of stepped alpha (plain fills with a
    constant alpha, which every reader honours).
    """
    if rect.width() <= 0 or rect.height() <= 0:
        return
    engine = p.paintEngine()
    if engine is not None and engine.type() == QPaintEngine.Type.Pdf:
        steps = _PDF_FADE_STEPS
        w = rect.width() / steps
        for i in range(steps):
            t = (i + 0.5) / steps  # each step takes the gradient's value at its middle
            c = QColor(color)
            c.setAlpha(round(alpha_left + (alpha_right - alpha_left) * t))
            if c.alpha() == 0:
                continue
            p.fillRect(QRectF(rect.left() + i * w, rect.top(), w, rect.height()), c)
        return
    grad = QLinearGradient(rect.left(), rect.center().y(), rect.right(), rect.center().y())
    left, right = QColor(color), QColor(color)
    left.setAlpha(alpha_left)
    right.setAlpha(alpha_right)
    grad.setColorAt(0.0, left)
    grad.setColorAt(1.0, right)
    p.fillRect(rect, QBrush(grad))


def bar_limits(frame: Frame, engine: QPaintEngine | None) -> tuple[float, float]:
    """Where bars are cut, device pixels: past the view's edges on screen
    (the view clips; an open side's fade lies beyond the edge), exactly at
    them in an SVG, which Qt's SVG writer cannot clip."""
    if engine is not None and engine.type() == QPaintEngine.Type.SVG:
        return frame.left_px, frame.right_px
    return frame.left_px - FADE_PX - 10, frame.right_px + FADE_PX + 10


def whisker(p: QPainter, x0: float, x1: float, y: float, color: QColor, flags: int,
            height: float = 4.0, alpha: int = 170) -> None:
    """A line fading towards the open side: 'on or before' / 'on or after', ``height`` pixels
    high, ``alpha`` (0-255) at its known end.  For a span with one date known
    (``FLAG_HALF_KNOWN``) a "?" stands at its faded end: the other date's year is unknown, so
    the line stops short of any date."""
    rect = QRectF(x0, y - height / 2, x1 - x0, height)
    if flags & FLAG_OPEN_START:
        fill_fade(p, rect, color, 0, alpha)
    else:
        fill_fade(p, rect, color, alpha, 0)
    if flags & FLAG_HALF_KNOWN:
        p.save()
        p.setPen(color)
        w = 10.0
        at = QRectF(x0 - w - 1, y - 8, w, 16) if flags & FLAG_OPEN_START else QRectF(x1 + 1, y - 8, w, 16)
        p.drawText(at, int(Qt.AlignmentFlag.AlignCenter), "?")
        p.restore()


def draft_pen(style: TimelineStyle) -> QPen:
    """The dotted outline of an unreviewed draft, in the text colour: dots ``style.draft_px``
    wide and as far apart (2 px on the desk; on a wall in proportion to the marker, 4 px at
    1080, 9 px at 2160, so a draft never reads as a reviewed fact from the back of the room)."""
    pen = QPen(style.color("text"), style.draft_px)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setDashPattern([1.0, 1.0])
    return pen


def draft_ring_radius(style: TimelineStyle, r: float) -> float:
    """Radius (pixels, to the pen's centre) of the dotted ring around a draft marker of half-width
    ``r``: clear of the marker's outline (``r + 3`` on the desk)."""
    return r + 1.0 + (style.outline_px + style.draft_px) / 2


def draft_margin(style: TimelineStyle) -> float:
    """How far (pixels) a draft bar's dotted outline stands off the bar (2 on the desk)."""
    return 1.0 + style.draft_px / 2


def planned_pen(style: TimelineStyle, color: QColor) -> QPen:
    """The dashed outline of a planned event's marker (it never looks like a fact's solid one):
    ``style.planned_outline_px`` wide (``outline_px`` when 0), dashes and gaps of
    ``style.planned_dash`` widths (3 px on, 3 px off on the desk; on a 1080 px wall ~11 px
    dashes, 6 px gaps, 4 px wide)."""
    pen = QPen(color, style.planned_outline_px or style.outline_px)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setDashPattern(list(style.planned_dash))
    return pen


def hatch(p: QPainter, rect: QRectF, color: QColor, pale_alpha: int, line_alpha: int,
          line_px: float = 0.0, line_darker: int = 100) -> None:
    """Paint ``rect`` (device px) as a planned part: a pale fill of ``color`` at
    ``pale_alpha`` under diagonal lines of it at ``line_alpha`` (0-255).  The one
    look of a span's or band's announced end (its key: ``PLANNED_END_KEY``).

    ``line_px`` 0: Qt's 1 px pattern; else lines that wide, six widths apart, in ``color``
    darkened by ``line_darker`` (``QColor.darker``), for a wall where 1 px lines are not seen
    (:attr:`~viewer.graphics.style.TimelineStyle.hatch_px`)."""
    pale = QColor(color)
    pale.setAlpha(pale_alpha)
    p.fillRect(rect, pale)
    lines = QColor(color).darker(line_darker) if line_darker != 100 else QColor(color)
    lines.setAlpha(line_alpha)
    if line_px <= 0:
        p.fillRect(rect, QBrush(lines, Qt.BrushStyle.BDiagPattern))
        return
    p.save()
    p.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    p.setPen(QPen(lines, line_px, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    step = 6.0 * line_px
    # lines x + y = c, c on a grid of the device: hatches side by side line up
    c = math.floor((rect.left() + rect.top()) / step) * step
    while c <= rect.right() + rect.bottom() + step:
        p.drawLine(QPointF(c - rect.bottom() - step, rect.bottom() + step),
                   QPointF(c - rect.top() + step, rect.top() - step))
        c += step
    p.restore()


def span_bar(p: QPainter, style: TimelineStyle, cols: EventColumns, row: int, frame: Frame, y: float,
             color: QColor, flags: int, selected: bool,
             plan: tuple[float, float] | None = None, *,
             ring_opacity: float | None = None) -> tuple[float, float] | None:
    """A span (row ``row`` of ``cols``) at device y ``y``: solid where certain
    (latest possible start to earliest possible end), faint where its start
    or end could be, fading out over ``FADE_PX`` at an open (unknown) side,
    which runs to the view's edge.

    ``plan``: ``(known_until, planned_until)`` in x data units (seconds from the
    columns' origin) when the end is a plan (:mod:`viewer.model.planned_end`):
    the bar is drawn as reported up to ``known_until`` and faint and hatched from
    there to ``planned_until``, as a band's planned end is.  Returns the hatched
    part's device x ``(from, to)``, or None when none was drawn.  ``ring_opacity``: the
    selection's outline drawn at that opacity (0-1), not the painter's (a search's dimmed
    non-match, still marked selected)."""
    lo, hi = bar_limits(frame, p.paintEngine())
    with np.errstate(invalid="ignore"):
        x0 = cols.x0[row] * frame.sx + frame.tx
        x1 = max(cols.x1[row] * frame.sx + frame.tx, x0 + 3)  # zero-length spans stay visible
        s0 = cols.solid0[row] * frame.sx + frame.tx
        s1 = cols.solid1[row] * frame.sx + frame.tx
    known = None
    if plan is not None:  # drawn to the announced end, reported only to the last known day
        x1 = max(plan[1] * frame.sx + frame.tx, x0 + 3)
        known = plan[0] * frame.sx + frame.tx
        flags &= ~FLAG_OPEN_END
    x0, x1 = max(x0, lo), min(x1, hi)  # far-off ends are drawn at the view's margin
    full_x1 = x1
    if known is not None:
        known = min(max(known, x0), x1)
        x1 = known
    s0, s1 = max(s0, x0), min(s1, x1)
    h = style.marker_px * 1.3
    faint = QColor(color)
    faint.setAlpha(70)
    solid = QColor(color)
    solid.setAlpha(210)
    p.setPen(Qt.PenStyle.NoPen)
    top = y - h / 2
    m0 = min(x0 + FADE_PX, x1) if flags & FLAG_OPEN_START else x0
    m1 = max(x1 - FADE_PX, m0) if flags & FLAG_OPEN_END else x1
    if m0 > x0:  # fade in from nothing at an unknown start
        fill_fade(p, QRectF(x0, top, m0 - x0, h), color, 0, faint.alpha())
    if x1 > m1:  # fade out towards an unknown end
        fill_fade(p, QRectF(m1, top, x1 - m1, h), color, faint.alpha(), 0)
    p.fillRect(QRectF(m0, top, m1 - m0, h), faint)
    if min(s1, m1) > max(s0, m0):
        p.fillRect(QRectF(max(s0, m0), top, min(s1, m1) - max(s0, m0), h), solid)
    hatched = None
    if known is not None and full_x1 > known:  # the announced part: faint and hatched, a plan
        hatch(p, QRectF(known, top, full_x1 - known, h), color, 35, 230, style.hatch_px, style.hatch_darker)
        hatched = (known, full_x1)
        x1 = full_x1
    if flags & DRAFT:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(draft_pen(style))
        m = draft_margin(style)
        p.drawRect(QRectF(x0 - m, top - m, x1 - x0 + 2 * m, h + 2 * m))
    if selected:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(style.color("selection"), 2))
        was = p.opacity()
        p.setOpacity(was if ring_opacity is None else ring_opacity)
        p.drawRect(QRectF(x0 - 2, top - 2, x1 - x0 + 4, h + 4))
        p.setOpacity(was)
    return hatched


def draw_marker(p: QPainter, style: TimelineStyle, x: float, y: float, r: float, color: QColor, flags: int,
                selected: bool, hovered: bool, lane: int = -1, own_shape: str = "diamond", *,
                ring_opacity: float | None = None) -> None:
    """One point marker centred at (x, y), half-width ``r`` pixels: the lane's
    shape (a diamond unless the style shapes lanes), filled when the date is
    known to the day or better, hollow when it is uncertain, approximate,
    open or coarser than a day.  ``ring_opacity``: the selection ring drawn at
    that opacity (0-1), not the painter's (a search's dimmed non-match, still
    marked selected)."""
    poly = marker_polygon(style.track_shape(lane, own_shape), x, y, r)
    hollow = bool(flags & HOLLOW)
    if selected:
        p.setPen(QPen(style.color("selection"), 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        was = p.opacity()
        p.setOpacity(was if ring_opacity is None else ring_opacity)
        p.drawEllipse(QPointF(x, y), r + 5, r + 5)
        p.setOpacity(was)
    line = outline_color(style, color) if not hovered else QColor(style.selection)
    # still to come when the source was written: a dashed outline
    pen = planned_pen(style, line) if flags & AFTER_SOURCE else QPen(line, style.outline_px)
    p.setPen(pen)
    p.setBrush(style.color("hollow_fill") if hollow else color)
    p.drawPolygon(poly)
    if flags & DRAFT:  # an unreviewed draft: a dotted ring around the marker
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(draft_pen(style))
        ring = draft_ring_radius(style, r)
        p.drawEllipse(QPointF(x, y), ring, ring)


def marker_pixmap(style: TimelineStyle, color: str, lane: int, flags: int, dpr: float,
                  own_shape: str = "diamond") -> QPixmap:
    """The marker of an unselected, unhovered point, drawn once per (lane
    colour, hollow or filled, size) at ``dpr`` device pixels a pixel, to be
    stamped from then on."""
    r = float(style.marker_px)
    side = int(2 * r + 6)
    if flags & DRAFT:  # a draft's dotted ring needs room
        side = max(int(2 * r + 12), int(math.ceil(2 * (draft_ring_radius(style, r) + style.draft_px / 2 + 1))))
    if flags & AFTER_SOURCE:  # so does a wall's wide dashed outline at the shape's corners
        side += 2 * math.ceil(max(0.0, style.planned_outline_px - style.outline_px))
    # drawn at the screen's device pixel ratio: a 1x pixmap stamped on a 2x screen looks blocky
    img = QImage(int(math.ceil(side * dpr)), int(math.ceil(side * dpr)), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(0)
    q = QPainter(img)
    q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw_marker(q, style, side / 2, side / 2, r, QColor(color), flags, False, False, lane, own_shape)
    q.end()
    return QPixmap.fromImage(img)


def badge_pixmap(w: float, h: float, st: QStaticText, font: Any, box_color: QColor, text_color: QColor,
                 dpr: float = 1.0) -> QPixmap:
    """A ``+N`` badge (rounded box, centred text) with a 1-pixel margin, at ``dpr`` device pixels a pixel."""
    img = QImage(int(math.ceil((math.ceil(w) + 2) * dpr)), int(math.ceil((math.ceil(h) + 2) * dpr)),
                 QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(0)
    q = QPainter(img)
    q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    q.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    q.setPen(Qt.PenStyle.NoPen)
    q.setBrush(box_color)
    q.drawRoundedRect(QRectF(1, 1, w, h), 4, 4)
    q.setFont(font)
    q.setPen(text_color)
    q.drawStaticText(QPointF(5, 2), st)
    q.end()
    return QPixmap.fromImage(img)


def density_images(colors: list[str], lanes: list[int], counts: np.ndarray, floor: int = 60,
                   opacity: float = 1.0) -> dict[int, QImage]:
    """Per lane a 1-pixel-high ARGB strip, one texel a bin: the lane's colour
    (``colors[i]`` for ``lanes[i]``) with alpha ``floor``..255 growing with
    log(1 + count) (relative to the lane's busiest bin); empty bins
    transparent.  ``counts`` has shape (len(lanes), bins); all strips are
    coloured in one pass of whole-array arithmetic.  A search's matches use
    a high ``floor``: one match in a bin is seen at once; ``opacity`` (0..1)
    scales the alpha (a strip dimmed during a search, without a painter's
    opacity pass)."""
    n, bins = counts.shape
    peak = np.array([max(math.log1p(float(row.max())) if bins else 0.0, 1e-9) for row in counts])
    alpha = np.where(counts > 0, (floor + (255 - floor) * np.log1p(counts) / peak[:, None]) * opacity,
                     0).astype(np.uint32)
    rgb = np.array([(c.red(), c.green(), c.blue()) for c in (QColor(name) for name in colors)],
                   dtype=np.uint32).reshape(n, 3)
    r, g, b = (rgb[:, k:k + 1] for k in range(3))
    argb = (alpha << 24) | ((r * alpha // 255) << 16) | ((g * alpha // 255) << 8) | (b * alpha // 255)
    data = np.ascontiguousarray(argb, dtype=np.uint32).tobytes()  # alive until the copies are made
    whole = QImage(data, bins, n, bins * 4, QImage.Format.Format_ARGB32_Premultiplied)
    return {lane: whole.copy(0, i, bins, 1) for i, lane in enumerate(lanes)}  # each owns its pixels
